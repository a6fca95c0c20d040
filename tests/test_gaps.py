"""The gap report: its numbers on the fixture catalogue, the page luecken/, its CSV files and `build.py report`."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser

import pytest

from catalogue import pipeline
from catalogue.model.gaps import german_report
from catalogue.model.i18n import Texts
from conftest import REPO, TODAY, run_cli

LANGUAGES = ["de", "en", "tr", "ar", "uk", "ru"]
# The fixture: Ärztliche Beratung (schwangerschaft, ganz-stadt), Krabbelgruppe (kleinkind, lintorf, free, de+tr),
# Zeltlager (jugend, nord+mitte, 12–16 years).
DISTRICTS = {
    "Schwangerschaft und Geburt": [0, 0, 0, 1, 1],
    "0 bis 3 Jahre": [0, 1, 0, 0, 1],
    "10 bis 18 Jahre": [1, 0, 1, 0, 1],
}
NEW_OFFER = """---
titel: Babymassage in Mitte
kurz: Eltern lernen, ihr Baby sanft zu massieren, in kleiner Runde mit einer Hebamme.
anbieter: familienzentrum
themen: [fruehe-hilfen]
lebensphasen: [kleinkind]
stadtteile: [mitte]
kostenlos: true
sprachen: [de, ar]
barrierefreiheit: [rollstuhlgerecht]
stand: 2026-11-01
---
"""


def report(content, today=TODAY):
    return german_report(content.catalogue(today), LANGUAGES, Texts.load(REPO / "layouts"))


def rows(table) -> dict[str, list]:
    return {row[0]: row[1:] for row in table.rows}


def test_life_phase_by_district_counts_only_offers_that_name_the_district(content):
    gaps = report(content)
    districts = gaps.tables[0]
    assert districts.header == ["Lebensphase", "Mitte", "Lintorf", "Nord", "Ganz Musterstadt", "Alle"]
    assert rows(districts) == DISTRICTS
    assert [p.districts for p in gaps.report.phases] == [["Mitte", "Lintorf", "Nord"], ["Mitte", "Nord"], ["Lintorf"]]


def test_life_phase_by_topic(content):
    topics = report(content).tables[1]
    assert topics.header == ["Lebensphase", "Frühe Hilfen", "Beratung", "Begegnung", "Alle"]
    assert rows(topics) == {"Schwangerschaft und Geburt": [1, 1, 0, 1], "0 bis 3 Jahre": [0, 0, 1, 1],
                            "10 bis 18 Jahre": [0, 0, 1, 1]}


def test_what_each_life_phase_lacks(content):
    phases = {p.phase.id: p for p in report(content).report.phases}
    assert phases["jugend"].ages == [(10, 11), (17, 18)]  # the Zeltlager is for 12 to 16
    assert phases["kleinkind"].ages == []  # the Krabbelgruppe names no ages: it serves the whole phase
    assert [p.free for p in phases.values()] == [False, True, False]
    assert phases["kleinkind"].languages == ["ar", "en", "ru", "uk"]  # Arabisch … Ukrainisch; Turkish is there
    assert phases["kleinkind"].accessibility == ["Rollstuhlgerecht", "Leichte Sprache"]
    assert phases["schwangerschaft"].topics == ["Begegnung"]


def test_a_new_offer_closes_its_gaps(content):
    content.write("angebote/babymassage.md", NEW_OFFER)
    gaps = report(content)
    assert rows(gaps.tables[0])["0 bis 3 Jahre"] == [1, 1, 0, 0, 2]
    kleinkind = gaps.report.phases[1]
    assert kleinkind.districts == ["Nord"]
    assert kleinkind.topics == ["Beratung"]
    assert kleinkind.languages == ["en", "ru", "uk"]
    assert kleinkind.accessibility == ["Leichte Sprache"]


def test_a_life_phase_without_any_offer_is_a_gap_everywhere(content):
    content.replace("angebote/zeltlager.md", "lebensphasen: [jugend]", "lebensphasen: [kleinkind]")
    jugend = report(content).report.phases[2]
    assert jugend.offers == 0 and not jugend.complete
    assert jugend.districts == ["Mitte", "Lintorf", "Nord"] and jugend.ages == [(10, 18)] and not jugend.free


def test_overdue_entries_are_grouped_by_provider(content):
    content.replace("angebote/zeltlager.md", "stand: 2026-06-01", "stand: 2025-06-01")
    content.replace("anbieter/jugendamt.md", "stand: 2026-09-01", "stand: 2025-10-01")
    gaps = report(content)
    [jugendamt] = gaps.report.overdue
    assert jugendamt.provider.id == "jugendamt"
    assert [(e.file, e.due.isoformat()) for e in jugendamt.entries] == [
        ("anbieter/jugendamt.md", "2026-10-01"), ("angebote/zeltlager.md", "2026-06-01")]
    assert gaps.tables[3].rows == [
        ["Jugendamt Musterstadt", "anbieter/jugendamt.md", "Jugendamt Musterstadt", "2025-10-01", "2026-10-01"],
        ["Jugendamt Musterstadt", "angebote/zeltlager.md", "Zeltlager im Sommer", "2025-06-01", "2026-06-01"]]


def test_expired_offers_leave_the_tables_and_are_listed_as_expired(content):
    gaps = report(content, today=TODAY.replace(year=2027, month=9, day=1))
    assert rows(gaps.tables[0])["10 bis 18 Jahre"] == [0, 0, 0, 0, 0]
    assert [o.id for o in gaps.report.expired] == ["zeltlager"]
    assert gaps.tables[4].rows == [["angebote/zeltlager.md", "Zeltlager im Sommer", "2027-08-31",
                                    "abgelaufen, nicht mehr veröffentlicht"]]
    soon = report(content, today=TODAY.replace(year=2027, month=7, day=20))
    assert [o.id for o in soon.report.expiring] == ["zeltlager"]


class Tables(HTMLParser):
    """Every <table> of a page: caption, and each row's cells as (tag, scope, text)."""

    def __init__(self):
        super().__init__()
        self.tables, self.cell, self.in_caption = [], None, False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"caption": "", "rows": []})
        elif tag == "caption":
            self.in_caption = True
        elif tag == "tr":
            self.tables[-1]["rows"].append([])
        elif tag in ("th", "td"):
            self.cell = [tag, dict(attrs).get("scope"), "", dict(attrs).get("class")]

    def handle_endtag(self, tag):
        if tag == "caption":
            self.in_caption = False
        elif tag in ("th", "td"):
            self.tables[-1]["rows"][-1].append(tuple(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.in_caption:
            self.tables[-1]["caption"] += data
        elif self.cell is not None:
            self.cell[2] += data.strip()


@pytest.fixture
def built(content, tmp_path):
    output = tmp_path / "site"
    assert pipeline.build(content.root, output, TODAY).ok
    return output


def test_the_page_has_accessible_tables_that_say_where_nothing_is(built):
    parser = Tables()
    parser.feed((built / "luecken/index.html").read_text(encoding="utf-8"))
    districts, topics = parser.tables
    assert districts["caption"] == "Angebote nach Lebensphase und Stadtteil"
    header, *body = districts["rows"]
    assert all(tag == "th" and scope == "col" for tag, scope, _, _ in header)
    assert [text for _, _, text, _ in header] == ["Lebensphase", "Mitte", "Lintorf", "Nord", "Ganz Musterstadt", "Alle"]
    shown = {row[0][2]: [text for _, _, text, _ in row[1:]] for row in body}
    assert all(row[0][:2] == ("th", "row") for row in body)
    expected = {phase: ["keins" if n == 0 else str(n) for n in counts] for phase, counts in DISTRICTS.items()}
    assert shown == expected
    # the empty cell is said in words and marked for the eye as well
    assert {css for row in body for tag, _, text, css in row[1:] if text == "keins"} == {"gaps__none"}
    assert topics["caption"] == "Angebote nach Lebensphase und Thema"


def test_the_page_lists_what_is_missing_and_links_its_csv_files(built):
    html = (built / "luecken/index.html").read_text(encoding="utf-8")
    assert "10 bis 11 Jahre, 17 bis 18 Jahre" in html
    assert "Kein Eintrag muss überprüft werden." in html
    for name in ("lebensphasen-stadtteile", "lebensphasen-themen", "fehlt"):
        assert f'href="{name}.csv"' in html


def test_csv_tables_read_back_with_the_same_numbers(built):
    raw = (built / "luecken/lebensphasen-stadtteile.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert table[0] == ["Lebensphase", "Mitte", "Lintorf", "Nord", "Ganz Musterstadt", "Alle"]
    assert {row[0]: [int(n) for n in row[1:]] for row in table[1:]} == DISTRICTS
    missing = list(csv.reader(io.StringIO((built / "luecken/fehlt.csv").read_text(encoding="utf-8-sig")),
                              delimiter=";"))
    assert missing[3][0] == "10 bis 18 Jahre" and missing[3][4] == "10 bis 11 Jahre, 17 bis 18 Jahre"


def test_every_page_links_the_report_for_professionals(built):
    for page, words in (("index.html", "Für Fachkräfte"), ("ar/index.html", "للمختصين (بالألمانية)"),
                        ("angebote/krabbelgruppe/index.html", "Für Fachkräfte")):
        html = (built / page).read_text(encoding="utf-8")
        assert "luecken/" in html and words in html, page


def test_the_terminal_report_shows_the_same(content):
    content.replace("angebote/zeltlager.md", "stand: 2026-06-01", "stand: 2025-06-01")
    result = run_cli("report", "--content", str(content.root), "--heute", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Lebensphase                 Mitte  Lintorf  Nord   Ganz Musterstadt  Alle" in lines
    assert "Schwangerschaft und Geburt  keins  keins    keins  1                 1" in lines
    assert "  Alter ohne Angebot: 10 bis 11 Jahre, 17 bis 18 Jahre" in lines
    assert "Jugendamt Musterstadt" in lines and "  Datei: angebote/zeltlager.md" in lines


def test_the_terminal_report_refuses_broken_content(content):
    content.replace("angebote/zeltlager.md", "lebensphasen: [jugend]", "lebensphasen: [jugendzeit]")
    result = run_cli("report", "--content", str(content.root), "--heute", TODAY.isoformat())
    assert result.returncode == 1
    assert "zeltlager.md" in result.stderr and "Lebensphase" not in result.stdout
