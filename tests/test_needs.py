"""Need-weighted gaps: offers per 1,000 young people on a small catalogue counted by hand, and where they show
(the page luecken/, its open data, `build.py report`)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from catalogue import pipeline
from catalogue.model.needs import german_number, needs
from conftest import TODAY, run_cli
from test_gaps import Tables

BEDARF = ("bedarf:\n  quelle: Erfundene Beispielzahlen\n  stand: 2025-12-31\n  mindestens_je_1000: 1.5\n"
          "  beispiel: true\n")
# The fixture has Ärztliche Beratung (schwangerschaft, ganz-stadt), Krabbelgruppe (kleinkind, lintorf) and
# Zeltlager (jugend, nord + mitte). Added: a Babytreff in Mitte and Lintorf, and an online-only offer in Mitte.
OFFER = """---
titel: {title}
kurz: Ein Angebot, das der Test zählt, mit einer kurzen Beschreibung.
anbieter: familienzentrum
themen: [begegnung]
lebensphasen: [kleinkind]
stadtteile: [{districts}]
format: [{formats}]
kontakt:
  email: fz@example.org
stand: 2026-10-01
---
"""
POPULATION = """stadtteil;lebensphase;anzahl
mitte;kleinkind;500
lintorf;kleinkind;2.000
nord;kleinkind;400
mitte;jugend;1.000
nord;jugend;250
"""
INDICATORS = "stadtteil;kennzahl;wert;einheit\nnord;SGB-II-Quote;21,5;%\n"


@pytest.fixture
def counted(content):
    content.write("site.yaml", (content.root / "site.yaml").read_text(encoding="utf-8") + BEDARF)
    content.write("angebote/babytreff.md", OFFER.format(title="Babytreff", districts="mitte, lintorf",
                                                        formats="vor-ort"))
    content.write("angebote/online-beratung.md", OFFER.format(title="Beratung online", districts="mitte",
                                                              formats="online, telefon"))
    content.write("daten/bevoelkerung.csv", POPULATION)
    content.write("daten/kennzahlen.csv", INDICATORS)
    return content


def test_offers_per_thousand_counted_by_hand(counted):
    catalogue = counted.catalogue()
    result = needs(catalogue.offers, catalogue.site)
    cell = result.cell
    # kleinkind: Mitte has the Babytreff (the online offer does not count), Lintorf Krabbelgruppe and Babytreff
    assert (cell("mitte", "kleinkind").young, cell("mitte", "kleinkind").offers) == (500, 1)
    assert cell("mitte", "kleinkind").per_thousand == 2.0
    assert (cell("lintorf", "kleinkind").young, cell("lintorf", "kleinkind").offers) == (2000, 2)
    assert cell("lintorf", "kleinkind").per_thousand == 1.0
    assert (cell("nord", "kleinkind").young, cell("nord", "kleinkind").offers) == (400, 0)
    assert cell("nord", "kleinkind").per_thousand == 0.0
    # the city: 3 offers in districts for 2,900 young people
    assert result.city_rate["kleinkind"] == pytest.approx(3000 / 2900)
    # Lintorf: 1.0 lies below the minimum 1.5, not below half the city's 1.03; Nord below both
    assert (cell("lintorf", "kleinkind").below_minimum, cell("lintorf", "kleinkind").below_half_city) == (True, False)
    assert (cell("nord", "kleinkind").below_minimum, cell("nord", "kleinkind").below_half_city) == (True, True)
    assert not cell("mitte", "kleinkind").flagged
    # jugend: Zeltlager in Nord and Mitte; Lintorf has no row: unknown, not zero, never flagged
    assert cell("mitte", "jugend").per_thousand == 1.0 and cell("nord", "jugend").per_thousand == 4.0
    assert cell("lintorf", "jugend").young is None and cell("lintorf", "jugend").per_thousand is None
    assert not cell("lintorf", "jugend").flagged
    assert result.city_rate["jugend"] == pytest.approx(1.6)
    assert cell("mitte", "jugend").flagged  # 1.0 below 1.5
    # no figures for pregnancy at all
    assert result.city_rate["schwangerschaft"] is None
    # apart: the whole city and the offer held only online or by telephone
    assert [o.id for o in result.whole_city["schwangerschaft"]] == ["aerztliche-beratung"]
    assert [o.id for o in result.remote["kleinkind"]] == ["online-beratung"]


def test_districts_ranked_by_young_people_per_offer(counted):
    catalogue = counted.catalogue()
    ranking = needs(catalogue.offers, catalogue.site).ranking
    # Lintorf 2,000 for 2 offers, Mitte 1,500 for 2 (Babytreff, Zeltlager), Nord 650 for 1 (Zeltlager)
    assert [(n.district, n.young, n.offers) for n in ranking] == [("lintorf", 2000, 2), ("mitte", 1500, 2),
                                                                  ("nord", 650, 1)]
    assert [n.young_per_offer for n in ranking] == [1000, 750, 650]
    assert [(i.name, i.value, i.unit) for i in ranking[2].indicators] == [("SGB-II-Quote", 21.5, "%")]


def test_a_district_with_young_people_and_no_offer_comes_first(counted):
    counted.replace("angebote/zeltlager.md", "stadtteile: [nord, mitte]", "stadtteile: [mitte]")
    catalogue = counted.catalogue()
    ranking = needs(catalogue.offers, catalogue.site).ranking
    assert [(n.district, n.offers) for n in ranking][0] == ("nord", 0)


def test_no_population_no_needs(content):
    catalogue = content.catalogue()
    assert needs(catalogue.offers, catalogue.site) is None


def test_german_numbers():
    assert german_number(1234) == "1.234"
    assert german_number(1.25, 1) == "1,2"
    assert german_number(12345.678, 1) == "12.345,7"
    assert german_number(None) == ""


@pytest.fixture
def built(counted, tmp_path):
    output = tmp_path / "site"
    assert pipeline.build(counted.root, output, TODAY).ok
    return output


def test_the_page_shows_the_figures_in_accessible_tables(built):
    html = (built / "luecken/index.html").read_text(encoding="utf-8")
    parser = Tables()
    parser.feed(html)
    captions = [table["caption"] for table in parser.tables]
    assert captions[1:4] == ["Angebote je 1.000 junge Menschen nach Stadtteil und Lebensphase",
                             "Stadtteile nach Bedarf: die meisten jungen Menschen je Angebot zuerst",
                             "Angebote für ganz Musterstadt, online und am Telefon"]
    header, *body = parser.tables[1]["rows"]
    assert [text for _, _, text, _ in header] == ["Stadtteil", "Schwangerschaft und Geburt", "0 bis 3 Jahre",
                                                   "10 bis 18 Jahre"]
    cells = {row[0][2]: row[1:] for row in body}
    assert all(row[0][:2] == ("th", "row") for row in body)
    assert cells["Mitte"][1] == ("td", None, "500 junge Menschen1 Angebot2,0 je 1.000", None)
    # under need: said in words, with the reason, and hatched like the empty cells
    assert cells["Lintorf"][1] == ("td", None, "2.000 junge Menschen2 Angebote1,0 je 1.000unter Bedarf:"
                                   "unter dem Mindestwert 1,5", "gaps__none")
    assert cells["Nord"][1][2].endswith("unter Bedarf:unter dem Mindestwert 1,5unter der Hälfte der Stadt (0,5)")
    assert cells["Lintorf"][2] == ("td", None, "junge Menschen: unbekannt0 Angebote", None)
    assert [cell[2] for cell in cells["Ganz Musterstadt (Stadtteile mit Zahlen)"]] == [
        "junge Menschen: unbekannt", "1,0 je 1.000", "1,6 je 1.000"]
    ranking = [[text for _, _, text, _ in row] for row in parser.tables[2]["rows"][1:]]
    assert ranking == [["1", "Lintorf", "2.000", "2", "1.000", ""], ["2", "Mitte", "1.500", "2", "750", ""],
                       ["3", "Nord", "650", "1", "650", "SGB-II-Quote: 21,5 %"]]
    apart = {row[0][2]: [text for _, _, text, _ in row[1:]] for row in parser.tables[3]["rows"][1:]}
    assert apart["0 bis 3 Jahre"] == ["keins", "1 Angebot:Beratung online"]
    assert apart["Schwangerschaft und Geburt"][0] == "1 Angebot:Ärztliche Beratung für Schwangere"
    # source, date and the notice that the figures are invented stand beside them
    assert "Quelle der Einwohnerzahlen und Kennzahlen: Erfundene Beispielzahlen. Stand: 31. Dezember 2025." in html
    assert "Diese Zahlen sind erfunden und keine amtliche Statistik." in html
    assert 'href="#bedarf"' in html


def test_without_figures_the_page_has_no_need_section(content, tmp_path):
    assert pipeline.build(content.root, tmp_path / "site", TODAY).ok
    html = (tmp_path / "site/luecken/index.html").read_text(encoding="utf-8")
    assert "Bedarf" not in html and "je 1.000" not in html
    assert not (tmp_path / "site/daten/bedarf.csv").exists()
    assert "bedarf" not in (tmp_path / "site/daten/index.html").read_text(encoding="utf-8")


def test_the_open_data_has_the_figures_with_source_and_date(built):
    raw = (built / "daten/bedarf.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert table[0] == ["Stadtteil-Kennung", "Stadtteil", "Lebensphase-Kennung", "Lebensphase", "Junge Menschen",
                        "Angebote im Stadtteil", "Angebote je 1.000", "Unter Bedarf", "Grund", "Quelle", "Stand"]
    rows = {(row[0], row[2]): row for row in table[1:]}
    assert rows["nord", "kleinkind"][4:] == ["400", "0", "0,00", "ja",
                                             "unter dem Mindestwert 1,5, unter der Hälfte der Stadt (0,5)",
                                             "Erfundene Beispielzahlen", "2025-12-31"]
    assert rows["lintorf", "jugend"][4:8] == ["", "0", "", "nein"]
    data = json.loads((built / "daten/bedarf.json").read_text(encoding="utf-8"))
    assert (data["quelle"], data["stand"], data["beispiel"], data["mindestens_je_1000"]) == (
        "Erfundene Beispielzahlen", "2025-12-31", True, 1.5)
    assert [entry["stadtteil"] for entry in data["rangfolge"]] == ["lintorf", "mitte", "nord"]
    assert data["rangfolge"][2]["kennzahlen"] == [{"kennzahl": "SGB-II-Quote", "wert": 21.5, "einheit": "%"}]
    cell = next(c for c in data["zellen"] if (c["stadtteil"], c["lebensphase"]) == ("lintorf", "kleinkind"))
    assert cell == {"stadtteil": "lintorf", "lebensphase": "kleinkind", "junge_menschen": 2000, "angebote": 2,
                    "je_1000": 1.0, "unter_mindestwert": True, "unter_haelfte_ganze_stadt": False}
    assert data["nur_online_oder_telefon"]["kleinkind"] == ["online-beratung"]
    page = (built / "daten/index.html").read_text(encoding="utf-8")
    assert 'href="../daten/bedarf.csv"' in page and 'href="../daten/bedarf.json"' in page


def test_the_terminal_report_ranks_the_districts(counted):
    result = run_cli("report", "--content", str(counted.root), "--heute", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    start = lines.index("Bedarf: Angebote je 1.000 junge Menschen")
    assert lines[start + 2:start + 14] == [
        "Quelle der Einwohnerzahlen und Kennzahlen: Erfundene Beispielzahlen. Stand: 31. Dezember 2025.",
        "Beispiel: Diese Zahlen sind erfunden und keine amtliche Statistik.",
        "Unter Bedarf: weniger als 1,5 Angebote je 1.000 junge Menschen oder weniger als die Hälfte des Werts der "
        "ganzen Stadt in der Lebensphase.",
        "",
        "Stadtteile nach Bedarf (die meisten jungen Menschen je Angebot zuerst):",
        " 1. Lintorf: 2.000 junge Menschen, 2 Angebote im Stadtteil, 1.000 junge Menschen je Angebot",
        "    unter Bedarf: 0 bis 3 Jahre (1,0 je 1.000: unter dem Mindestwert 1,5)",
        " 2. Mitte: 1.500 junge Menschen, 2 Angebote im Stadtteil, 750 junge Menschen je Angebot",
        "    unter Bedarf: 10 bis 18 Jahre (1,0 je 1.000: unter dem Mindestwert 1,5)",
        " 3. Nord: 650 junge Menschen, 1 Angebot im Stadtteil, 650 junge Menschen je Angebot",
        "    unter Bedarf: 0 bis 3 Jahre (0,0 je 1.000: unter dem Mindestwert 1,5, unter der Hälfte der Stadt (0,5))",
        "    Kennzahlen: SGB-II-Quote 21,5 %",
    ]
    assert "Nicht in einem Stadtteil gezählt: 1 Angebot für ganz Musterstadt, 1 Angebot nur online oder am " \
           "Telefon." in lines
