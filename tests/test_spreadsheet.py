"""The offers as CSV for German Excel, read back with the csv module as Excel's dialect."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from catalogue.model.i18n import Texts
from catalogue.opendata import spreadsheet
from catalogue.pipeline import LAYOUTS_DIR



@pytest.fixture(scope="module")
def german() -> Texts:
    return Texts.load(LAYOUTS_DIR)


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file, delimiter=";"))


def table(content, german, tmp_path) -> tuple[Path, dict[str, dict[str, str]]]:
    """The written file and its rows by offer id, each a mapping from header to cell."""
    [path] = spreadsheet.write_files(content.catalogue(), tmp_path, german)
    header, *rows = read(path)
    assert header == german.list("csv_columns") and header[:3] == ["ID", "Titel", "Kurzbeschreibung"]
    assert all(len(row) == len(header) for row in rows)  # the table's columns and the rows agree
    return path, {row[0]: dict(zip(header, row)) for row in rows}


def test_one_row_per_published_offer_in_excels_dialect(content, german, tmp_path):
    content.add_expired_offer()
    path, rows = table(content, german, tmp_path)
    assert path == tmp_path / "daten/angebote.csv"
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 4 and data.count(b"\n") == 4  # header and three rows, no bare line ends
    assert list(rows) == ["aerztliche-beratung", "krabbelgruppe", "zeltlager"]  # not the expired one
    assert b"Herbstferienspiele" not in data


def test_cells_hold_names_from_site_yaml_and_readable_times(content, german, tmp_path):
    _, rows = table(content, german, tmp_path)
    beratung, krabbeln, zeltlager = rows["aerztliche-beratung"], rows["krabbelgruppe"], rows["zeltlager"]
    assert beratung["Titel"] == "Ärztliche Beratung für Schwangere"
    assert beratung["Anbieter"] == "Jugendamt Musterstadt"
    assert beratung["Themen"] == "Beratung, Frühe Hilfen"
    assert beratung["Lebensphasen"] == "Schwangerschaft und Geburt"
    assert beratung["Stadtteile"] == "ganz Musterstadt"
    assert beratung["Barrierefreiheit"] == "Rollstuhlgerecht"
    assert beratung["Format"] == "vor Ort, am Telefon"
    assert beratung["Termine"] == "15.01.2027, 10:00–12:00 Uhr"
    assert beratung["Schlagworte"] == "Hebamme, Geburt"
    assert (beratung["Beispiel"], beratung["Kostenlos"]) == ("ja", "nein")
    assert (beratung["Ansprechperson"], beratung["Telefon"]) == ("Frau Muster", "01234 567-89")
    assert beratung["Stand"] == "2026-11-01" and beratung["Gültig bis"] == ""
    assert krabbeln["Zeiten"] == "Mi 9:30–11:00 Uhr"
    assert krabbeln["Orte"] == "Familienzentrum Lintorf, Beispielweg 1, 12345 Musterstadt"
    assert krabbeln["Sprachen"] == "Deutsch, Türkisch"
    assert (krabbeln["Alter von"], krabbeln["Alter bis"], krabbeln["Kostenlos"]) == ("0", "3", "ja")
    assert (krabbeln["E-Mail"], krabbeln["Web"]) == ("fz@example.org", "https://example.org/fz")
    assert krabbeln["Adresse der Seite"] == "https://katalog.example.org/angebote/angebote/krabbelgruppe/"
    assert zeltlager["Stadtteile"] == "Nord, Mitte" and zeltlager["Gültig bis"] == "2027-08-31"


def test_several_times_and_dates_read_as_lists_past_dates_included(content, german, tmp_path):
    content.replace("angebote/krabbelgruppe.md", "zeiten:\n",
                    'zeiten:\n  - tage: [fr, mo]\n    von: "15:00"\n    bis: "16:30"\n'
                    '    hinweis: nicht in den Ferien\n')
    content.replace("angebote/aerztliche-beratung.md", "termine:\n",
                    'termine:\n  - datum: 2027-02-03\n  - datum: 2027-02-05\n    von: "18:00"\n'
                    '  - datum: 2026-11-02\n')
    _, rows = table(content, german, tmp_path)
    assert rows["krabbelgruppe"]["Zeiten"] == "Mo, Fr 15:00–16:30 Uhr (nicht in den Ferien); Mi 9:30–11:00 Uhr"
    assert rows["aerztliche-beratung"]["Termine"] == (
        "02.11.2026; 15.01.2027, 10:00–12:00 Uhr; 03.02.2027; 05.02.2027, ab 18:00 Uhr")


def test_umlauts_line_breaks_and_semicolons_survive(content, german, tmp_path):
    summary = "Väter und Mütter hören Lieder; danach gibt es Tee und viel Spaß."
    content.replace("angebote/krabbelgruppe.md", "kurz: Eltern mit Babys treffen sich, spielen und tauschen sich aus.",
                    f"kurz: {summary}")
    content.replace("angebote/aerztliche-beratung.md", "kosten: 3 € pro Termin, mit Familienpass frei",
                    'kosten: "3 € pro Termin;\\nmit Familienpass frei"')
    path, rows = table(content, german, tmp_path)
    assert rows["krabbelgruppe"]["Kurzbeschreibung"] == summary
    assert rows["aerztliche-beratung"]["Kosten"] == "3 € pro Termin;\nmit Familienpass frei"
    assert '"3 € pro Termin;\nmit Familienpass frei"'.encode() in path.read_bytes()  # quoted, the line break kept


def test_formula_like_text_is_neutralised(content, german, tmp_path):
    content.replace("angebote/aerztliche-beratung.md", "anmeldung: Bitte vorher anrufen.",
                    """anmeldung: '=HYPERLINK("https://example.org";"Anmelden")'""")
    content.replace("angebote/aerztliche-beratung.md", "telefon: 01234 567-89", 'telefon: "+49 1234 567-89"')
    _, rows = table(content, german, tmp_path)
    assert rows["aerztliche-beratung"]["Anmeldung"] == """'=HYPERLINK("https://example.org";"Anmelden")"""
    assert rows["aerztliche-beratung"]["Telefon"] == "'+49 1234 567-89"


def test_write_table_neutralises_every_formula_start(tmp_path):
    path = tmp_path / "luecken/tabelle.csv"
    cells = ["=1+1", "+1", "-1", "@SUMME(A1)", "\tx", "\rx", "a=1", ""]
    spreadsheet.write_table(path, ["Spalte"] * len(cells), [cells])
    assert read(path) == [["Spalte"] * len(cells), ["'=1+1", "'+1", "'-1", "'@SUMME(A1)", "'\tx", "'\rx", "a=1", ""]]


def test_two_runs_write_the_same_bytes(content, german, tmp_path):
    first, second = tmp_path / "eins", tmp_path / "zwei"
    spreadsheet.write_files(content.catalogue(), first, german)
    spreadsheet.write_files(content.catalogue(), second, german)
    data = (first / spreadsheet.FILE).read_bytes()
    assert data == (second / spreadsheet.FILE).read_bytes() and len(data) > 500
