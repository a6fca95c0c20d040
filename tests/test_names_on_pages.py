"""The names of site.yaml on the pages of each language (issue 17): translated where `uebersetzungen` has them,
German and marked lang="de" where it has not; the gap report names the languages still incomplete; the one 404
page speaks every interface language."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from catalogue import pipeline

from conftest import FIXTURE, TODAY
from test_i18n import Page

TRANSLATIONS = """
uebersetzungen:
  ar:
    titel: عروض للأطفال والشباب والعائلات
    lebensphasen:
      kleinkind: من 0 إلى 3 سنوات
    themen:
      begegnung: لقاءات
    hilfe:
      "116 111":
        name: رقم ضد الحزن – هاتف الأطفال والشباب
  en:
    titel: Offers for children, young people and families
    lebensphasen:
      kleinkind: 0 to 3 years
      schwangerschaft: Pregnancy and birth
      jugend: 10 to 18 years
    lebensphasen_beschreibung:
      kleinkind: For families with babies and toddlers.
    themen:
      fruehe-hilfen: Early help
      beratung: Advice
      begegnung: Meeting others
    barrierefreiheit:
      rollstuhlgerecht: Wheelchair accessible
      leichte-sprache: Easy-to-read German
    hilfe:
      "116 111":
        name: Nummer gegen Kummer – helpline for children and young people
        hinweis: anonymous and free of charge
"""
ARABIC_TITLE = "عروض للأطفال والشباب والعائلات"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("namen")
    content = shutil.copytree(FIXTURE, folder / "content")
    site_yaml = content / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + TRANSLATIONS, encoding="utf-8")
    (content / "angebote/krabbelgruppe.md").write_text(
        (content / "angebote/krabbelgruppe.md").read_text(encoding="utf-8").replace(
            "lebensphasen: [kleinkind]", "lebensphasen: [kleinkind]\nbarrierefreiheit: [rollstuhlgerecht]"),
        encoding="utf-8")
    result = pipeline.build(content, folder / "site", TODAY)
    assert result.ok, [str(p) for p in result.problems.errors]
    return folder / "site"


def html(built, path: str) -> str:
    return (built / path).read_text(encoding="utf-8")


def test_the_title_is_translated_in_header_heading_and_document_title(built):
    page = Page(built / "ar/index.html")
    assert page.where(ARABIC_TITLE) == ("ar", "rtl")  # the page's own language: no lang="de"
    assert re.search(rf"<title>[^<]* – {ARABIC_TITLE}</title>", html(built, "ar/index.html"))
    assert re.search(r"<h1>Offers for children, young people and families</h1>", html(built, "en/index.html"))


def test_a_name_without_translation_stays_german_and_is_marked(built):
    page = Page(built / "ar/index.html")
    assert page.where("لقاءات") == ("ar", "rtl")
    assert page.where("Beratung") == ("de", "ltr")  # the topic has no Arabic name
    assert page.where("Schwangerschaft und Geburt")[0] == "de"


def test_listing_pages_have_their_name_and_description_in_the_language(built):
    page_html = html(built, "en/lebensphasen/kleinkind/index.html")
    assert "<h1>0 to 3 years</h1>" in page_html
    assert '<p class="lead">For families with babies and toddlers.</p>' in page_html
    assert re.search(r"<title>0 to 3 years – Offers for children", page_html)
    assert "<h1>0 bis 3 Jahre</h1>" in html(built, "lebensphasen/kleinkind/index.html"), "German stays German"


def test_offer_facts_badges_help_lines_and_structured_data_use_the_names(built):
    page = Page(built / "en/angebote/krabbelgruppe/index.html")
    text = page.text()
    for name in ("0 to 3 years", "Meeting others", "Wheelchair accessible",
                 "Nummer gegen Kummer – helpline for children and young people", "anonymous and free of charge"):
        assert name in text, name
        assert page.where(name)[0] == "en", name
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>',
                                html(built, "en/angebote/krabbelgruppe/index.html"), re.S).group(1))
    assert data["audience"]["audienceType"] == ["0 to 3 years"]
    assert data["serviceType"] == ["Meeting others"]
    arabic = Page(built / "ar/angebote/krabbelgruppe/index.html")
    assert arabic.where("anonym und kostenlos")[0] == "de", "a help line's note without translation"


def test_search_filters_are_named_in_the_language(built):
    page = Page(built / "en/suche/index.html")
    assert page.where("Early help") == ("en", "ltr")
    assert page.where("Easy-to-read German") == ("en", "ltr")
    arabic = Page(built / "ar/suche/index.html")
    assert arabic.where("Frühe Hilfen")[0] == "de"


def test_the_gap_report_names_the_languages_whose_names_are_incomplete(built):
    report = Page(built / "luecken/index.html").text()
    assert "Namen in den Sprachen der Website" in report
    assert "Arabisch (ar)" in report and "Türkisch (tr)" in report and "noch keine Übersetzungen" in report
    names = html(built, "luecken/index.html").split('id="namen"')[1].split("</section>")[0]
    assert "Englisch" not in names, "every English name is translated (districts stay place names)"
    assert "Lebensphasen: schwangerschaft, jugend; Themen: fruehe-hilfen, beratung" in names
    assert (built / "luecken/namen.csv").is_file()


def test_the_404_page_leads_each_language_home(built):
    page_html = html(built, "404.html")
    for code, direction in (("en", "ltr"), ("tr", "ltr"), ("ar", "rtl"), ("uk", "ltr"), ("ru", "ltr")):
        section = re.search(rf'<section class="not-found__language" lang="{code}" dir="{direction}"[^>]*>(.*?)</section>',
                            page_html, re.S)
        assert section, code
        assert re.search(rf'<a href="/angebote/{code}/" hreflang="{code}">', section.group(1)), code
    assert "This page does not exist" in page_html and "Такой страницы нет" in page_html
