"""What partners really send, and what someone might send on purpose: the site goes out, nothing unsafe goes
with it, and the message says in German where the problem is (issue 13)."""

from __future__ import annotations

import unicodedata

import pytest

from catalogue import pipeline
from catalogue.read.files import MAX_TEXT_FILE_BYTES
from conftest import TODAY, run_cli

OFFER = "angebote/krabbelgruppe.md"
SCRIPT_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>"""
CLEAN_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
<title>Sonne</title><defs><linearGradient id="g"><stop offset="0" stop-color="#fc0"/></linearGradient></defs>
<circle cx="5" cy="5" r="4" fill="url(#g)" style="stroke: url(#g)"/><use xlink:href="#g"/></svg>"""


def warnings_of(content, name: str):
    return [p for p in content.problems() if p.severity == "warning" and p.file.name == name]


def build(content, tmp_path):
    output = tmp_path / "site"
    result = pipeline.build(content.root, output, TODAY)
    assert result.ok, [(p.file.name, p.line, p.message) for p in result.problems.errors]
    return output


# --- reading ----------------------------------------------------------------------------------------------


def test_decomposed_unicode_counts_as_the_letters_a_reader_sees(content):
    title = "Überraschungsnachmittag für Mütter, Väter und Großeltern – Spiele, Gespräche, Kuchen, Tee"
    assert len(title) <= 90 < len(unicodedata.normalize("NFD", title))
    content.replace(OFFER, "titel: Krabbelgruppe am Mittwoch", "titel: " + unicodedata.normalize("NFD", title))
    assert content.errors() == []
    offer = next(o for o in content.catalogue().offers if o.id == "krabbelgruppe")
    assert offer.title == title


def test_control_characters_are_removed_with_a_warning_that_shows_them_escaped(content, tmp_path):
    content.replace(OFFER, "titel: Krabbelgruppe am Mittwoch", "titel: Krabbel\x1b[2Jgruppe\x07 am Mittwoch\x1b]0;x\x07")
    content.replace(OFFER, "## Was wir machen", "## Was wir\x00 machen")
    assert content.errors() == []
    found = warnings_of(content, "krabbelgruppe.md")
    assert [(p.line, p.key) for p in found] == [(2, ""), (30, "")]
    assert "U+001B" in found[0].message and "U+0007" in found[0].message and "\x1b" not in found[0].message
    offer = next(o for o in content.catalogue().offers if o.id == "krabbelgruppe")
    assert offer.title == "Krabbel[2Jgruppe am Mittwoch]0;x"
    result = run_cli("check", "--content", str(content.root))
    assert result.returncode == 0 and "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "krabbelgruppe.md:2 (Zeile 2)" in result.stderr


def test_control_characters_in_an_error_message_are_shown_as_codes(content):
    content.replace(OFFER, "titel: Krabbelgruppe am Mittwoch", 'titel: "Krabbel\\e[2Jgruppe"')
    (content.root / "angebote/zeltlager.md").rename(content.root / "angebote/Zelt\x1b[2J.md")
    result = run_cli("check", "--content", str(content.root))
    assert result.returncode == 1 and "\x1b" not in result.stderr
    assert "Zelt<U+001B>[2J.md" in result.stderr and "krabbelgruppe.md:2 (Zeile 2)" in result.stderr
    github = run_cli("check", "--format", "github", "--content", str(content.root))
    assert "\x1b" not in github.stdout and "<U+001B>" in github.stdout


def test_a_file_too_big_is_refused_with_its_size(content):
    path = content.root / OFFER
    path.write_text(path.read_text(encoding="utf-8") + "Sehr langer Text. " * (MAX_TEXT_FILE_BYTES // 18),
                    encoding="utf-8")
    errors = content.errors()
    assert [(e.file.name, e.line) for e in errors] == [("krabbelgruppe.md", None)]
    assert "512 KB" in errors[0].message and "KB groß" in errors[0].message


def test_a_symlink_out_of_the_content_folder_is_not_read(content, tmp_path):
    secret = tmp_path / "geheim.md"
    secret.write_text((content.root / OFFER).read_text(encoding="utf-8").replace("Krabbelgruppe", "Geheim"),
                      encoding="utf-8")
    (content.root / "angebote" / "geheim.md").symlink_to(secret)
    (content.root / "angebote" / "zweite.md").symlink_to(content.root / OFFER)  # inside: read as usual
    errors = content.errors()
    assert [(e.file.name, e.message) for e in errors] == [("geheim.md",
        "Diese Datei ist ein Verweis (symbolischer Link) auf eine Datei außerhalb des Inhaltsordners; sie wird "
        "nicht gelesen.")]
    result = pipeline.build(content.root, tmp_path / "site", TODAY)
    assert not result.ok and not (tmp_path / "site").exists()
    (content.root / "angebote" / "geheim.md").unlink()
    ids = {o.id for o in content.catalogue().offers}
    assert "zweite" in ids


def test_a_site_yaml_out_of_the_content_folder_is_an_error(content, tmp_path):
    outside = tmp_path / "site.yaml"
    (content.root / "site.yaml").rename(outside)
    (content.root / "site.yaml").symlink_to(outside)
    assert [(e.file.name, "außerhalb" in e.message) for e in content.errors()] == [("site.yaml", True)]


@pytest.mark.parametrize("file, line", [(OFFER, 23), ("anbieter/familienzentrum.md", 6)])
@pytest.mark.parametrize("address", [
    "info@familienzentrum.example?bcc=spy%40evil.example&body=x", "info@familienzentrum.example&cc=spy@x.example",
    "info@familienzentrum.example#x", "info%40fz.example@evil.example", "a@b.example/x", "a,spy@evil.example",
])
def test_an_email_address_is_only_an_address(content, tmp_path, file, line, address):
    """Issue 32.1: „?bcc=“ after the domain made every mail families wrote go to a third party as well."""
    content.replace(file, "email: fz@example.org", f'email: "{address}"')
    errors = content.errors()
    assert [(e.file.name, e.line, e.key.split(" → ")[-1]) for e in errors] == [(file.split("/")[-1], line, "email")]
    assert "Sie steht allein" in errors[0].hint and "?bcc=" in errors[0].hint


@pytest.mark.parametrize("link, headers", [
    ("[Schreiben Sie uns](mailto:info@fz.example?bcc=spy%40evil.example&body=x)", "bcc"),
    ("[Schreiben Sie uns](MAILTO:info@fz.example?CC=spy@evil.example)", "cc"),
    ("Schreiben Sie an <info@fz.example?to=spy@evil.example>.", "to"),
    ("Schreiben Sie an <mailto:info@fz.example?subject=Hallo&bcc=spy@evil.example>.", "bcc"),
    ("[Schreiben Sie uns](mailto:info@fz.example,spy@evil.example)", "@"),
])
def test_a_mail_link_in_the_description_adds_no_recipients(content, link, headers):
    """Issue 32.1 in the Markdown body: a mail link's headers must not copy families' mails to a third party."""
    content.replace(OFFER, "## Was wir machen", f"## Was wir machen\n\n{link}")
    errors = content.errors()
    assert [(e.file.name, e.line, e.key) for e in errors] == [("krabbelgruppe.md", 32, "Beschreibung")]
    assert f"({headers})" in errors[0].message and "andere Empfänger" in errors[0].message


def test_a_mail_link_with_a_subject_is_fine(content):
    content.replace(OFFER, "## Was wir machen", "## Was wir machen\n\n[Schreiben Sie uns]"
                    "(mailto:info@fz.example?subject=Krabbelgruppe) oder an <info@fz.example>.")
    assert content.errors() == []


@pytest.mark.parametrize("address, name, host", [
    ("https://www.ratingen.de@evil.example/", "Teil mit „@“ („www.ratingen.de@“)", "evil.example"),
    ("https://user:pass@www.ratingen.de/", "Teil mit „@“ („user:pass@“)", "www.ratingen.de"),
    ("https://evil.example\\@www.ratingen.de/", "umgekehrten Schrägstrich", "evil.example"),
    ("https://www.ratingen.de/a\\b", "umgekehrten Schrägstrich", "www.ratingen.de"),
    ("https://www.ratingen.de%40evil.example/", "kann ein Browser nicht öffnen", "www.ratingen.de%40evil.example"),
])
@pytest.mark.parametrize("file, line", [(OFFER, 24), ("anbieter/familienzentrum.md", 7)])
def test_a_web_address_is_read_as_a_browser_reads_it(content, file, line, address, name, host):
    """Issue 32.2: a user part or a backslash hid the site a link really opens."""
    content.replace(file, "web: https://example.org/fz", f"web: '{address}'")
    errors = content.errors()
    assert [(e.file.name, e.line, e.key.split(" → ")[-1]) for e in errors] == [(file.split("/")[-1], line, "web")]
    assert name in errors[0].message and f"„{host}“" in errors[0].message, errors[0].message
    assert errors[0].hint


def test_a_web_address_in_site_yaml_is_read_as_a_browser_reads_it(content):
    content.replace("site.yaml", "basis_url: https://", "basis_url: https://www.ratingen.de@")
    errors = content.errors()
    assert [(e.file.name, "„www.ratingen.de@“" in e.message) for e in errors] == [("site.yaml", True)]


def test_a_symlinked_folder_out_of_the_content_folder_is_refused(content, tmp_path):
    """Issue 32.4: angebote/ itself a link to a folder elsewhere on the machine that builds the site."""
    outside = tmp_path / "elsewhere"
    (content.root / "angebote").rename(outside)
    (content.root / "angebote").symlink_to(outside, target_is_directory=True)
    errors = [(e.file.name, e.line, "außerhalb des Inhaltsordners" in e.message) for e in content.errors()]
    assert ("angebote", None, True) in errors


def test_a_symlinked_offer_out_of_the_content_folder_stops_the_build(content, tmp_path):
    """Issue 32.4: a pull request that adds a link to a file of the runner fails the check, whatever its name."""
    for relative in (OFFER, "anbieter/familienzentrum.md", "seiten/impressum.md", "angebote/krabbelgruppe.en.md"):
        outside = tmp_path / relative.replace("/", "-")
        (content.root / relative).rename(outside)
        (content.root / relative).symlink_to(outside)
    errors = {(e.file.name, "außerhalb des Inhaltsordners" in e.message) for e in content.errors()}
    assert {("krabbelgruppe.md", True), ("familienzentrum.md", True), ("impressum.md", True),
            ("krabbelgruppe.en.md", True)} <= errors
    result = pipeline.build(content.root, tmp_path / "site", TODAY)
    assert not result.ok and not (tmp_path / "site").exists()


@pytest.mark.parametrize("yaml_line, words", [
    ("kosten: " + "[" * 1100 + "]" * 1100, "zu tief ineinander verschachtelt"),
    ("kosten: !!python/object/apply:os.system [ls]", "Typ-Kennzeichen mit „!“"),
    ("kosten: !!binary aGFsbG8=", "Typ-Kennzeichen mit „!“"),
    ("kosten: !eigenes 3", "Typ-Kennzeichen mit „!“"),
    ("anmeldung: &a [1, 2]\nkosten: *a", "Verweis mit „*“"),
    ("kosten: '\\x'\nanmeldung: \"\\uZZZZ\"", "„\\u“"),
    ("? [a, b]\n: 1", "Schlüssel steht in Klammern"),
])
def test_every_yaml_failure_is_explained_in_german(content, yaml_line, words):
    content.replace(OFFER, "kostenlos: true", yaml_line)
    errors = content.errors()
    assert len(errors) == 1, [(e.line, e.message) for e in errors]
    error = errors[0]
    assert words in error.message and error.line in (11, 12) and error.hint
    english = ("found", "expected", "constructor", "while ", "tag:")
    assert not any(word in error.message + error.hint for word in english), error.message + error.hint


def test_rename_hint_never_names_a_file_that_exists(content):
    original = (content.root / OFFER).read_text(encoding="utf-8")
    content.write("angebote/Krabbelgruppe.md", original)
    content.write("angebote/krabbelgruppe-2.md", original)
    errors = [e for e in content.errors() if e.file.name == "Krabbelgruppe.md"]
    assert len(errors) == 1
    assert "„krabbelgruppe-3.md“" in errors[0].hint and "„krabbelgruppe.md“ gibt es schon" in errors[0].hint


def test_rename_hint_keeps_the_language_of_a_translation(content):
    (content.root / "angebote/krabbelgruppe.en.md").rename(content.root / "angebote/Krabbelgruppe.en.md")
    errors = [e for e in content.errors() if e.file.name == "Krabbelgruppe.en.md"]
    assert "„krabbelgruppe.en.md“" in errors[0].hint and "gibt es schon" not in errors[0].hint


# --- the body ---------------------------------------------------------------------------------------------


def body_warnings(content, body: str):
    text = (content.root / OFFER).read_text(encoding="utf-8")
    content.write(OFFER, text[:text.index("\n---\n", 4) + 5] + body)
    return [(p.line - 30, p.message) for p in content.problems()
            if p.file.name == "krabbelgruppe.md" and p.severity == "warning"]


def test_a_first_heading_below_level_two_is_flagged(content):
    found = body_warnings(content, "#### Was wir machen\n\nSpielen.\n")
    assert [line for line, _ in found] == [0] and "„#### “" in found[0][1]


def test_setext_headings_count_as_headings(content):
    found = body_warnings(content, "Was wir machen\n==============\n\nSpielen.\n")
    assert [line for line, _ in found] == [0] and "„# “" in found[0][1]
    assert body_warnings(content, "Was wir machen\n--------------\n\nSpielen.\n") == []


def test_a_thematic_break_is_no_table_without_header(content):
    assert body_warnings(content, "Erster Teil.\n\n---\n\nZweiter Teil.\n") == []
    found = body_warnings(content, "Text.\n\n|---|---|\n| a | b |\n")
    assert [line for line, _ in found] == [1] and "Kopfzeile" in found[0][1]


# --- bilder/ ----------------------------------------------------------------------------------------------


def test_only_safe_media_of_the_right_kind_are_published(content, tmp_path):
    images = content.root / "bilder"
    (images / "boese.svg").write_text(SCRIPT_SVG, encoding="utf-8")
    (images / "sonne.svg").write_text(CLEAN_SVG, encoding="utf-8")
    (images / "seite.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (images / "falsch.png").write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    (images / "riesig.jpg").write_bytes(b"\xff\xd8\xff" + b"\0" * (5 * 1024 * 1024))
    (images / ".versteckt.png").write_bytes((images / "krabbeln.png").read_bytes())
    refused = {p.file.name: p.message for p in content.problems() if p.severity == "warning"}
    assert set(refused) == {"boese.svg", "seite.html", "falsch.png", "riesig.jpg"}
    assert "„<script>“" in refused["boese.svg"] and "„.html“" in refused["seite.html"]
    assert "kein PNG" in refused["falsch.png"] and "5,0 MB groß" in refused["riesig.jpg"]
    output = build(content, tmp_path)
    assert sorted(p.name for p in (output / "bilder").iterdir()) == ["krabbeln.png", "sonne.svg"]


@pytest.mark.parametrize("svg, words", [
    ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "„onload“"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div>'
     '</foreignObject></svg>', "„<foreignObject>“"),
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
     '<image x:href="https://tracker.example/p.png"/></svg>', "https://tracker.example/p.png"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>',
     "javascript:alert(1)"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://evil.example/x.css";</style></svg>',
     "„<style>“"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(https://evil.example/#a)"/></svg>',
     "„style“"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>',
     "Animation"),
    ('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', "DOCTYPE"),
    ('<?xml-stylesheet href="https://evil.example/x.css"?><svg xmlns="http://www.w3.org/2000/svg"/>',
     "Verarbeitungsanweisung"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect', "kein gültiges XML"),
    ('<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>', "„<html>“"),
])
def test_unsafe_svg_is_refused(content, svg, words):
    (content.root / "bilder" / "bild.svg").write_text(svg, encoding="utf-8")
    found = warnings_of(content, "bild.svg")
    assert len(found) == 1 and words in found[0].message, [p.message for p in found]


def test_an_offer_whose_image_is_refused_is_published_without_it(content, tmp_path):
    (content.root / "bilder" / "krabbeln.png").write_text("kein Bild", encoding="utf-8")
    found = warnings_of(content, "krabbelgruppe.md")
    assert [(p.line, p.key) for p in found] == [(26, "bild → datei")] and "wird nicht gezeigt" in found[0].message
    output = build(content, tmp_path)
    assert "krabbeln.png" not in (output / "angebote/krabbelgruppe/index.html").read_text(encoding="utf-8")
    assert not (output / "bilder").exists()
