"""„Nichts Passendes gefunden?“ (layouts/components/feedback-invitation/): on a life-phase and a district page, a
plain link opens the reader's mail program with the subject and body written (RFC 6068: percent-encoded, line
breaks CRLF), naming the life phase or district and the page; with feedback.url, a second link to that form with
the same facts as parameters. The search page's links are written by script (tests/browser/test_search.py)."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest

from catalogue import pipeline
from catalogue.render import feedback
from conftest import TODAY

BASE = "https://katalog.example.org/angebote/"


def build(content, tmp_path):
    output = tmp_path / "site"
    result = pipeline.build(content.root, output, TODAY)
    assert result.ok, [p.message for p in result.problems.errors]
    return output


def links(page) -> dict[str, str]:
    """class → href of the invitation's links (the first invitation of the page)."""
    html = page.read_text(encoding="utf-8")
    section = re.search(r'<section class="feedback-invitation".*?</section>', html, re.DOTALL)
    assert section, f"no invitation on {page}"
    return {kind: unescape(href) for kind, href in
            re.findall(r'class="feedback-invitation__(mail|form)" href="([^"]*)"', section.group(0))}


def mail(href: str) -> tuple[str, dict[str, str]]:
    """The address and the decoded subject and body of a mailto: link, checked for RFC 6068's encoding."""
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    assert " " not in href and "+" not in parts.query and "\n" not in href
    raw = dict(pair.split("=", 1) for pair in parts.query.split("&"))
    assert set(raw) == {"subject", "body"}
    return parts.path, {key: unquote(value) for key, value in raw.items()}


@pytest.fixture
def site(content, tmp_path):
    return build(content, tmp_path)


def test_life_phase_page_invites_a_mail_naming_the_phase_and_the_page(site):
    found = links(site / "lebensphasen/kleinkind/index.html")
    assert set(found) == {"mail"}  # no feedback.url in the fixture
    address, fields = mail(found["mail"])
    assert address == "feedback@example.org"
    assert fields["subject"] == "Angebot fehlt im Katalog: 0 bis 3 Jahre"
    assert "%0D%0A" in found["mail"]
    lines = fields["body"].split("\r\n")
    assert "Lebensphase: 0 bis 3 Jahre" in lines
    assert f"Seite: {BASE}lebensphasen/kleinkind/" in lines
    assert "Das habe ich gesucht und nicht gefunden:" in lines
    assert not any(line.startswith("Stadtteil:") for line in lines)


def test_district_page_invites_a_mail_naming_the_district(site):
    _, fields = mail(links(site / "stadtteile/lintorf/index.html")["mail"])
    assert fields["subject"] == "Angebot fehlt im Katalog: Lintorf"
    assert "Stadtteil: Lintorf" in fields["body"].split("\r\n")
    assert f"Seite: {BASE}stadtteile/lintorf/" in fields["body"]


def test_arabic_life_phase_page_writes_the_mail_in_arabic(site):
    _, fields = mail(links(site / "ar/lebensphasen/kleinkind/index.html")["mail"])
    assert fields["subject"].startswith("خدمة ناقصة في الدليل: ")
    assert f"الصفحة: {BASE}ar/lebensphasen/kleinkind/" in fields["body"]


def test_without_feedback_email_the_publishers_address_is_used(content, tmp_path):
    content.replace("site.yaml", "feedback:\n  email: feedback@example.org\n", "")
    address, _ = mail(links(build(content, tmp_path) / "stadtteile/nord/index.html")["mail"])
    assert address == "jugendamt@example.org"


def test_search_page_has_a_static_link_naming_the_page_only(site):
    html = (site / "suche/index.html").read_text(encoding="utf-8")
    assert html.count('class="feedback-invitation"') == 2  # the script's (hidden) and the one without script
    assert re.search(r'<section class="feedback-invitation" aria-labelledby="suche-nichts-passendes" hidden', html)
    _, fields = mail(links(site / "suche/index.html")["mail"])
    assert fields["subject"] == "Angebot fehlt im Katalog"
    assert f"Seite: {BASE}suche/" in fields["body"]


def test_leichte_sprache_page_invites_a_mail(site):
    html = (site / "leichte-sprache/index.html").read_text(encoding="utf-8")
    assert "Sie finden kein passendes Angebot?" in html
    _, fields = mail(links(site / "leichte-sprache/index.html")["mail"])
    assert f"{BASE}leichte-sprache/" in fields["body"]


def test_feedback_url_adds_the_form_with_the_same_facts(content, tmp_path):
    content.replace("site.yaml", "  email: feedback@example.org\n",
                    "  email: feedback@example.org\n  url: https://example.org/formular?quelle=katalog\n")
    found = links(build(content, tmp_path) / "stadtteile/lintorf/index.html")
    assert set(found) == {"mail", "form"}
    form = urlsplit(found["form"])
    assert (form.scheme, form.netloc, form.path) == ("https", "example.org", "/formular")
    assert " " not in found["form"]
    assert parse_qsl(form.query) == [("quelle", "katalog"), ("stadtteil", "Lintorf"),
                                     ("seite", f"{BASE}stadtteile/lintorf/")]


def test_feedback_url_on_the_repositorys_issues_chooses_the_wish_form():
    facts = feedback.Facts(query="Schwimmkurs & Babys", district="Lintorf", page=f"{BASE}suche/?q=x")
    href = feedback.form_href("https://github.com/stadt/katalog/issues", facts)
    parts = urlsplit(href)
    assert parts.path == "/stadt/katalog/issues/new"
    assert parse_qsl(parts.query) == [("template", "angebot-fehlt.yml"), ("suche", "Schwimmkurs & Babys"),
                                      ("stadtteil", "Lintorf"), ("seite", f"{BASE}suche/?q=x")]
    assert feedback.form_base("https://example.org/wunsch") == "https://example.org/wunsch"
    # as the guide for GitHub writes feedback.url: the error form is swapped for the wish form
    documented = "https://github.com/Stadt/Katalog/issues/new?template=fehler-melden.yml"
    assert feedback.form_base(documented, "https://github.com/stadt/katalog") == (
        "https://github.com/Stadt/Katalog/issues/new?template=angebot-fehlt.yml")
    # another repository's issues are left as they are
    assert feedback.form_base(documented, "https://github.com/stadt/anderes") == documented


def test_feedback_url_on_github_chooses_the_wish_form_on_the_built_page(content, tmp_path):
    content.replace("site.yaml", "  email: feedback@example.org\n",
                    "  email: feedback@example.org\n"
                    "  url: https://github.com/stadt/katalog/issues/new?template=fehler-melden.yml\n"
                    "repository:\n  url: https://github.com/stadt/katalog\n")
    form = urlsplit(links(build(content, tmp_path) / "lebensphasen/kleinkind/index.html")["form"])
    assert form.path == "/stadt/katalog/issues/new"
    assert parse_qsl(form.query) == [("template", "angebot-fehlt.yml"), ("lebensphase", "0 bis 3 Jahre"),
                                     ("seite", f"{BASE}lebensphasen/kleinkind/")]


def test_encoding_is_encode_uri_component():
    assert feedback.encode("a b\r\n(ä)/?&=+'*!~") == "a%20b%0D%0A(%C3%A4)%2F%3F%26%3D%2B'*!~"
