"""`python build.py report --vergleich`: a small catalogue built, changed and compared with its first build's open
data (the folder daten/, the whole site, the offers table alone), and what bad input gets."""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from catalogue import pipeline
from catalogue.check.catalogue import load_catalogue
from catalogue.commands.comparison_report import comparison, earlier_export
from catalogue.model.i18n import Texts
from conftest import TODAY, copy_fixture, run_cli
from test_needs import BEDARF, OFFER, POPULATION

# The first catalogue is test_needs' counted one: Ärztliche Beratung (schwangerschaft, whole city), Krabbelgruppe
# (kleinkind, Lintorf), Zeltlager (jugend, Nord + Mitte), Babytreff (kleinkind, Mitte + Lintorf), Beratung online
# (kleinkind, Mitte, online/telephone only). Under need (fewer than 1,5 per 1,000): 0 bis 3 Jahre in Lintorf
# (2 / 2.000) and Nord (0 / 400), 10 bis 18 Jahre in Mitte (1 / 1.000).
# Then: a Spielgruppe opens in Nord (0 bis 3 Jahre: the gap closes), the Zeltlager ends (10 bis 18 Jahre in Nord:
# 1 / 250 → 0, a new gap; in Mitte the gap remains), the Krabbelgruppe moves from Lintorf to Nord.
COMPARE = "Vergleich mit der früheren Ausgabe"


def _first(root):
    copy_fixture(root)
    (root / "site.yaml").write_text((root / "site.yaml").read_text(encoding="utf-8") + BEDARF, encoding="utf-8")
    (root / "angebote/babytreff.md").write_text(OFFER.format(title="Babytreff", districts="mitte, lintorf",
                                                             formats="vor-ort"), encoding="utf-8")
    (root / "angebote/online-beratung.md").write_text(
        OFFER.format(title="Beratung online", districts="mitte", formats="online, telefon"), encoding="utf-8")
    (root / "daten").mkdir()
    (root / "daten/bevoelkerung.csv").write_text(POPULATION, encoding="utf-8")


def _change(root):
    (root / "angebote/spielgruppe-nord.md").write_text(
        OFFER.format(title="Spielgruppe Nord", districts="nord", formats="vor-ort"), encoding="utf-8")
    for path in root.glob("angebote/zeltlager*.md"):
        path.unlink()
    offer = root / "angebote/krabbelgruppe.md"
    offer.write_text(offer.read_text(encoding="utf-8").replace("stadtteile: [lintorf]", "stadtteile: [nord]"),
                     encoding="utf-8")


def _build(content, output):
    result = run_cli("--content", str(content), "--heute", TODAY.isoformat(), "--no-pdf", "--no-cache",
                     "--output", str(output))
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """(content now, the first build's site folder); the content without figures beside: content/ohne-zahlen."""
    root = tmp_path_factory.mktemp("vergleich")
    content = root / "content"
    _first(content)
    _build(content, root / "site")
    _change(content)
    return content, root / "site"


def _compare(content, earlier):
    result = run_cli("report", "--content", str(content), "--heute", TODAY.isoformat(), "--vergleich", str(earlier))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    return lines[lines.index(COMPARE):]


def _section(lines, heading):
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith("  ")), len(lines))
    return lines[start + 1:end]


OFFERS = [
    "Angebote seitdem: 1 neu, 1 entfernt, 1 geändert.",
    "Neu:",
    "  - Spielgruppe Nord (spielgruppe-nord)",
    "Entfernt:",
    "  - Zeltlager im Sommer (zeltlager)",
    "Geändert:",
    "  - Krabbelgruppe am Mittwoch (krabbelgruppe): Stadtteile",
]
EMPTY = [
    "  - Nord, 0 bis 3 Jahre: geschlossen (Angebote 0 → 2)",
    "  - Mitte, 10 bis 18 Jahre: neu ohne Angebot (Angebote 1 → 0)",
    "  - Nord, 10 bis 18 Jahre: neu ohne Angebot (Angebote 1 → 0)",
]


@pytest.mark.parametrize("earlier", ["site/daten", "site"])
def test_the_open_data_folder_compared(builds, earlier):
    content, site = builds
    lines = _compare(content, site.parent / earlier)
    assert lines[2] == f"Frühere Ausgabe: {site / 'daten' / 'angebote.csv'}"
    assert lines[3] == f"Bedarf damals: {site / 'daten' / 'bedarf.json'}"
    assert lines[4] == "Stand der früheren Ausgabe: 1. November 2026 (die jüngste Prüfung eines Angebots darin)."
    assert lines[5] == "Einwohnerzahlen damals: Stand 31. Dezember 2025."
    assert lines[7:14] == OFFERS
    assert _section(lines, "Lücken nach Bedarf") == [
        "  - Nord, 0 bis 3 Jahre: Lücke geschlossen; Angebote 0 → 2, je 1.000 junge Menschen 0,0 → 5,0",
        "  - Nord, 10 bis 18 Jahre: Lücke neu (heute unter dem Mindestwert 1,5); Angebote 1 → 0, je 1.000 junge "
        "Menschen 4,0 → 0,0",
        "  - Mitte, 10 bis 18 Jahre: Lücke besteht weiter; Angebote 1 → 0, je 1.000 junge Menschen 1,0 → 0,0",
        "  - Lintorf, 0 bis 3 Jahre: Lücke besteht weiter; Angebote 2 → 1, je 1.000 junge Menschen 1,0 → 0,5",
    ]
    empty = _section(lines, "Stadtteile und Lebensphasen ohne Angebot")
    assert empty[:3] == EMPTY
    assert "  - Lintorf, 10 bis 18 Jahre: weiterhin ohne Angebot (Angebote 0 → 0)" in empty
    assert empty[-1] == "  1 geschlossen, 2 neu ohne Angebot, 4 weiterhin ohne Angebot."


def test_the_offers_table_alone_is_weighed_with_todays_figures(builds):
    content, site = builds
    lines = _compare(content, site / "daten/angebote.csv")
    assert "Bedarf damals" not in "\n".join(lines)
    assert "Einwohnerzahlen damals" not in "\n".join(lines)
    assert lines[5:12] == OFFERS
    needs = _section(lines, "Lücken nach Bedarf")
    assert needs[0] == ("  Die frühere Ausgabe hat keine Bedarfstabelle: ihre Angebote sind mit den heutigen "
                        "Einwohnerzahlen gewogen.")
    assert needs[1] == "  - Nord, 0 bis 3 Jahre: Lücke geschlossen; Angebote 0 → 2, je 1.000 junge Menschen 0,0 → 5,0"
    assert needs[2] == ("  - Nord, 10 bis 18 Jahre: Lücke neu (heute unter dem Mindestwert 1,5); Angebote 1 → 0, "
                        "je 1.000 junge Menschen 4,0 → 0,0")
    assert _section(lines, "Stadtteile und Lebensphasen ohne Angebot")[:3] == EMPTY


def test_a_catalogue_without_figures_compares_the_empty_cells(builds, tmp_path):
    content, site = builds
    plain = copy_fixture(tmp_path / "ohne-zahlen")
    _change(plain)
    lines = _compare(plain, site / "daten")
    assert _section(lines, "Lücken nach Bedarf") == [
        "  Heute gibt es keine Einwohnerzahlen (daten/bevoelkerung.csv): kein Vergleich nach Bedarf."]
    assert "  - Nord, 0 bis 3 Jahre: geschlossen (Angebote 0 → 2)" in lines
    assert "  - Lintorf, 0 bis 3 Jahre: neu ohne Angebot (Angebote 2 → 0)" in lines


def test_names_site_yaml_no_longer_knows_are_said(builds, tmp_path):
    content, site = builds
    renamed = tmp_path / "content"
    shutil.copytree(content, renamed)
    (renamed / "site.yaml").write_text((renamed / "site.yaml").read_text(encoding="utf-8").replace(
        "  nord: Nord\n", "  nord: Ratingen-Nord\n"), encoding="utf-8")
    lines = _compare(renamed, site / "daten")
    assert ("Namen in der früheren Tabelle, die site.yaml heute nicht kennt (umbenannt oder entfernt?): „Nord“. "
            "Angebote dort zählen in keiner Zelle von damals.") in lines
    assert "Namen in der früheren Tabelle" not in "\n".join(_compare(content, site / "daten"))


def test_a_table_without_stand_has_an_unknown_date_and_excel_resaved_tables_are_read(builds, tmp_path):
    content, site = builds
    rows = list(csv.reader(io.StringIO((site / "daten/angebote.csv").read_text(encoding="utf-8-sig")),
                           delimiter=";"))
    stand = rows[0].index("Stand")
    out = io.StringIO()
    csv.writer(out, delimiter=",").writerows([cell for i, cell in enumerate(row) if i != stand] for row in rows)
    table = tmp_path / "alt.csv"
    table.write_bytes(out.getvalue().encode("cp1252", errors="replace"))  # as Excel saves it: no BOM, no UTF-8
    lines = _compare(content, table)
    assert "Stand der früheren Ausgabe unbekannt." in lines
    assert lines[5:12] == OFFERS


@pytest.mark.parametrize("name, make, says", [
    ("fehlt", lambda base: base / "gibt-es-nicht", "gibt es nicht"),
    ("leerer Ordner", lambda base: base, "liegt keine Angebotstabelle (angebote.csv), auch nicht in daten/"),
    ("andere Spalten", lambda base: _write(base / "zahlen.csv", POPULATION),
     "ist keine Angebotstabelle des Katalogs: es fehlen die Spalten ID, Titel, Lebensphasen, Stadtteile"),
    ("leer", lambda base: _write(base / "leer.csv", ""), "ist leer"),
])
def test_bad_input_is_told_in_german(builds, tmp_path, name, make, says):
    content, _ = builds
    path = make(tmp_path)
    result = run_cli("report", "--content", str(content), "--vergleich", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr and says in result.stderr
    assert "--vergleich" in result.stderr
    assert result.stdout == ""


def test_the_needs_table_instead_of_the_offers_table(builds):
    content, site = builds
    result = run_cli("report", "--content", str(content), "--vergleich", str(site / "daten/bedarf.csv"))
    assert result.returncode == 2, result.stdout
    assert "ist die Tabelle des Bedarfs, nicht die der Angebote" in result.stderr
    assert "daten/angebote.csv" in result.stderr


def test_an_unreadable_needs_json_is_named(builds, tmp_path):
    content, site = builds
    folder = tmp_path / "daten"
    shutil.copytree(site / "daten", folder)
    (folder / "bedarf.json").write_text('{"zellen": [', encoding="utf-8")
    result = run_cli("report", "--content", str(content), "--vergleich", str(folder))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{folder / 'bedarf.json'} ist kein lesbares JSON" in result.stderr
    (folder / "bedarf.json").write_text("[" * 100_000, encoding="utf-8")
    result = run_cli("report", "--content", str(content), "--vergleich", str(folder))
    assert result.returncode == 2 and "Traceback" not in result.stderr and "kein lesbares JSON" in result.stderr
    (folder / "bedarf.json").write_text('{"zellen": 3}', encoding="utf-8")
    result = run_cli("report", "--content", str(content), "--vergleich", str(folder))
    assert result.returncode == 2 and "hat nicht den Aufbau" in result.stderr
    (folder / "bedarf.json").unlink()  # then the earlier bedarf.csv counts
    lines = _compare(content, folder)
    assert lines[3] == f"Bedarf damals: {folder / 'bedarf.csv'}"
    assert "  - Nord, 0 bis 3 Jahre: Lücke geschlossen; Angebote 0 → 2, je 1.000 junge Menschen 0,0 → 5,0" in lines


def test_the_option_has_german_help_and_belongs_to_report():
    result = run_cli("report", "--help")
    assert result.returncode == 0 and "--vergleich ORDNER_ODER_CSV" in result.stdout
    assert "mit einer früheren Ausgabe vergleichen" in result.stdout
    result = run_cli("check", "--vergleich", "x")
    assert result.returncode == 2 and "nur bei: report" in result.stderr


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_the_comparison_is_data_the_report_pdf_can_show(builds):
    """The same comparison without the command line: what model/comparison.py returns."""
    content, site = builds
    german = Texts.load(pipeline.LAYOUTS_DIR)
    catalogue, _ = load_catalogue(content, TODAY)
    found = comparison(earlier_export(site, german), catalogue, german)
    assert [o.id for o in found.added] == ["spielgruppe-nord"]
    assert [o.id for o in found.removed] == ["zeltlager"]
    assert [(o.id, o.fields) for o in found.changed] == [("krabbelgruppe", ("Stadtteile",))]
    assert [(m.district, m.phase, m.need_status, m.offers_then, m.offers_now) for m in found.need_gaps] == [
        ("nord", "kleinkind", "closed", 0, 2), ("nord", "jugend", "opened", 1, 0),
        ("mitte", "jugend", "remains", 1, 0), ("lintorf", "kleinkind", "remains", 2, 1)]
    assert found.need_gaps[0].per_thousand_then == 0 and found.need_gaps[0].per_thousand_now == 5
    assert [(m.district, m.phase, m.empty_status) for m in found.empty_cells[:3]] == [
        ("nord", "kleinkind", "closed"), ("mitte", "jugend", "new"), ("nord", "jugend", "new")]
    assert found.figures_stand.isoformat() == "2025-12-31" and not found.weighed_today
