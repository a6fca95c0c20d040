"""`python build.py report --pdf bericht.pdf`: the gap report as PDF/UA-1 for the youth welfare committee, checked
by the same two validators as the catalogue PDF (tests/test_pdf.py) and read back with pdftotext."""

from __future__ import annotations

import pikepdf
import pytest

from conftest import FIXTURE, REPO, TODAY, run_cli
from test_comparison import COMPARE, builds  # noqa: F401 (the fixture: test_comparison's catalogue, compared)
from test_pdf import pdf_ua_findings, structure, text_of


@pytest.fixture(scope="module")
def starter_report(tmp_path_factory):
    target = tmp_path_factory.mktemp("bericht") / "bericht.pdf"
    result = run_cli("report", "--content", str(REPO / "content"), "--heute", "2026-11-22", "--pdf", str(target))
    assert result.returncode == 0, result.stderr
    assert f"Bericht geschrieben: {target}" in result.stderr
    return target


def test_the_report_passes_both_pdf_ua_validators(starter_report):
    assert pdf_ua_findings(starter_report) == []


def test_the_report_has_title_page_pictures_and_tables(starter_report):
    text = text_of(starter_report)
    title_page = text_of(starter_report, 1, 1)
    assert "Ratingen" in title_page and "Bericht für Ratingen" in title_page
    assert "Quelle der Einwohnerzahlen und Kennzahlen: Erfundene Beispielzahlen" in title_page
    assert "Stand: 31. Dezember 2025" in title_page and "Beispiel: Diese Zahlen sind erfunden" in title_page
    for heading in ("Angebote je 1.000 junge Menschen nach Stadtteil und Lebensphase",
                    "Stadtteile nach Bedarf: die meisten jungen Menschen je Angebot zuerst",
                    "Angebote für ganz Ratingen, online und am Telefon", "Angebote nach Lebensphase und Stadtteil",
                    "Einträge, die überprüft werden müssen", "Schematische Beispielkarte, keine echten Grenzen"):
        assert heading in text, heading
    with pikepdf.open(starter_report) as document:
        assert str(document.Root.Lang) == "de"
        assert str(document.docinfo["/Title"]) == "Lücken in der Präventionskette: Bericht für Ratingen"
        figures = [alt for kind, alt in structure(document.Root.StructTreeRoot.K, []) if kind == "/Figure"]
    assert [alt.split(":")[0] for alt in figures] == ["Bild", "Karte"]
    assert all("Die Zahlen stehen in der Tabelle nach dem Bild." in alt for alt in figures)


def test_without_figures_the_report_has_the_gap_tables(tmp_path):
    target = tmp_path / "bericht.pdf"
    result = run_cli("report", "--content", str(FIXTURE), "--heute", "2026-11-22", "--pdf", str(target))
    assert result.returncode == 0, result.stderr
    assert pdf_ua_findings(target) == []
    text = text_of(target)
    assert "Ohne Einwohnerzahlen" in text and "Angebote nach Lebensphase und Stadtteil" in text
    assert "je 1.000" not in text


def test_a_report_that_cannot_be_written_says_so(tmp_path):
    target = tmp_path / "fehlt" / "bericht.pdf"
    result = run_cli("report", "--content", str(FIXTURE), "--heute", "2026-11-22", "--pdf", str(target))
    assert result.returncode == 2
    assert f"Der Bericht {target} wurde nicht geschrieben" in result.stderr


def test_the_report_with_vergleich_has_the_comparison_as_tables(builds):
    """report --pdf --vergleich: test_comparison's catalogue, built, changed and compared with its first build."""
    content, site = builds
    target = content.parent / "bericht.pdf"
    result = run_cli("report", "--content", str(content), "--heute", TODAY.isoformat(), "--pdf", str(target),
                     "--vergleich", str(site / "daten"))
    assert result.returncode == 0, result.stderr
    assert pdf_ua_findings(target) == []
    text = " ".join(text_of(target).split()).replace(" → ", "→")  # pdftotext keeps no space by the arrow
    for said in (COMPARE, "Stand der früheren Ausgabe: 1. November 2026", "Angebote seitdem: 1 neu, 1 entfernt, "
                 "1 geändert.", "Zeltlager im Sommer", "Entfernt", "Spielgruppe Nord", "Stadtteile",
                 "Nord, 0 bis 3 Jahre", "Lücke geschlossen", "Lücke besteht weiter", "0→2", "0,0→5,0",
                 "1 geschlossen, 2 neu ohne Angebot, 4 weiterhin ohne Angebot."):
        assert said in text, said
    with pikepdf.open(target) as document:
        headers = [item for item in document.objects if isinstance(item, pikepdf.Dictionary)
                   and item.get("/S") == "/TH"]
    assert headers and all(str(item.A.Scope) in ("/Column", "/Row") for item in headers)
