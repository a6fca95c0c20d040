"""Content accessibility checks: each rule finds its planted problem at the right line, and leaves good text alone."""

from __future__ import annotations

import pytest

OFFER = "angebote/krabbelgruppe.md"
BODY_LINE = 30  # the first line after the front matter of the fixture offer


def findings(content, body: str, relative: str = OFFER):
    text = (content.root / relative).read_text(encoding="utf-8")
    head = text[:text.index("\n---\n", 4) + 5]
    content.write(relative, head + body)
    return [p for p in content.problems() if p.file == content.root / relative and p.severity != "notice"]


def only(found, severity="warning"):
    assert len(found) == 1, [(p.line, p.message) for p in found]
    problem = found[0]
    assert problem.severity == severity and problem.hint
    return problem


@pytest.mark.parametrize("body, line, words", [
    ("Text.\n\n![Bild](bilder/krabbeln.png)\n", 2, "nur das Wort „Bild“"),
    ("![krabbeln.png](bilder/krabbeln.png)\n", 0, "ein Dateiname"),
    ("Erst Text.\n![](bilder/krabbeln.png)\n", 1, "leer"),
])
def test_alt_text_in_the_body(content, body, line, words):
    problem = only(findings(content, body))
    assert problem.line == BODY_LINE + line and words in problem.message


def test_alt_text_in_the_front_matter(content):
    content.replace(OFFER, "alt: Zwei Babys spielen mit Bauklötzen", "alt: Foto")
    problem = only([p for p in content.problems() if p.severity == "warning"])
    assert (problem.line, problem.key) == (27, "bild → alt") and "„Foto“" in problem.message


def test_heading_starting_at_h1_and_skipped_levels(content):
    found = findings(content, "# Angebot\n\nText.\n\n## Ablauf\n\n#### Details\n")
    assert [(p.line - BODY_LINE, p.message.split()[0]) for p in found] == [(0, "Die"), (6, "Die")]
    assert "„# “" in found[0].message and "Ebene 2 auf Ebene 4" in found[1].message


@pytest.mark.parametrize("link", ["[hier](https://example.org/a)", "[Klicken Sie hier](https://example.org/a)",
                                  "[mehr](https://example.org/a)", "[Link](https://example.org/a)"])
def test_vague_link_texts(content, link):
    problem = only(findings(content, f"Zur Anmeldung geht es {link}.\n"))
    assert problem.line == BODY_LINE and "sagt nicht, wohin" in problem.message


@pytest.mark.parametrize("text", ["Siehe https://example.org/programm dort.", "Siehe <https://example.org/programm>.",
                                  "Siehe [https://example.org/programm](https://example.org/programm)."])
def test_bare_urls(content, text):
    problem = only(findings(content, "Erste Zeile.\n" + text + "\n"))
    assert problem.line == BODY_LINE + 1 and "https://example.org/programm" in problem.message


def test_all_caps(content):
    problem = only(findings(content, "Das Angebot ist KOSTENLOS für alle.\n"))
    assert problem.line == BODY_LINE and "„KOSTENLOS“" in problem.message


def test_long_sentence_points_to_easy_language(content):
    long = ("Wir treffen uns jeden Mittwoch am Vormittag im großen Raum des Familienzentrums, wo die Kinder "
            "spielen können und die Eltern bei Tee und Kaffee über alles reden, was sie gerade bewegt.")
    problem = only(findings(content, "Kurz.\n\nErster Satz ist kurz. " + long + "\n"))
    assert problem.line == BODY_LINE + 2 and "Leichte Sprache" in problem.hint


def test_long_sentence_over_two_lines_is_reported_where_it_starts(content):
    found = findings(content, "Kurz.\nWir treffen uns jeden Mittwoch am Vormittag im großen Raum des\n"
                              "Familienzentrums, wo die Kinder spielen können und die Eltern bei Tee und Kaffee "
                              "über alles reden, was sie gerade bewegt.\n")
    assert only(found).line == BODY_LINE + 1


def test_table_without_header_row(content):
    problem = only(findings(content, "Zeiten:\n\n| | |\n|---|---|\n| Mo | 9 Uhr |\n"))
    assert problem.line == BODY_LINE + 2 and "Kopfzeile" in problem.message


def test_bold_text_used_as_heading(content):
    problem = only(findings(content, "Text.\n\n**Anmeldung**\n\nBitte anrufen.\n"))
    assert problem.line == BODY_LINE + 2 and "## Anmeldung" in problem.hint


@pytest.mark.parametrize("text, what", [("Rufen Sie an: 02102 550-5124.", "Telefonnummer"),
                                        ("Schreiben Sie an fz@example.org.", "E-Mail-Adresse")])
def test_contact_details_belong_in_kontakt(content, text, what):
    problem = only(findings(content, text + "\n"))
    assert problem.line == BODY_LINE and what in problem.message and "kontakt:" in problem.hint


def test_contact_details_are_fine_on_a_free_page(content):
    assert findings(content, "Stadt Musterstadt, Telefon 01234 567-0, jugendamt@example.org\n",
                    "seiten/impressum.md") == []


@pytest.mark.parametrize("html, alternative", [("<b>wichtig</b>", "**fett**"), ("<br>", "leere Zeile"),
                                               ('<a href="https://example.org">Programm</a>', "[Linktext]")])
def test_raw_html_is_an_error_that_shows_the_markdown_way(content, html, alternative):
    found = findings(content, f"Text {html} Ende.\n")
    assert found and all(p.severity == "error" for p in found)
    assert found[0].line == BODY_LINE and alternative in found[0].hint


def test_good_text_has_no_findings(content):
    body = ("## Was wir machen\n\nWir singen und spielen. Die Eltern trinken Tee.\n\n### Ablauf\n\n"
            "- Ankommen\n- Spielen\n\n| Tag | Zeit |\n|---|---|\n| Mittwoch | 9:30 Uhr |\n\n"
            "Mehr steht im [Programm des Familienzentrums](https://example.org/programm). Die Kita ist eine "
            "AWO-Einrichtung in NRW. Schreiben Sie <fz@example.org> nicht hier.\n\n"
            "```\n<b>Code wird nicht geprüft</b> KOSTENLOS\n```\n\n![Zwei Kinder bauen einen Turm](bilder/krabbeln.png)\n")
    found = findings(content, body)
    assert [p.message for p in found] == [found[0].message] if found else True
    assert all("E-Mail-Adresse" in p.message for p in found)


def test_strict_turns_findings_into_errors(content):
    from catalogue import pipeline
    from conftest import TODAY
    findings(content, "Das ist KOSTENLOS.\n")
    assert pipeline.check(content.root, TODAY).ok
    assert not pipeline.check(content.root, TODAY, strict=True).ok
