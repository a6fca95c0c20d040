"""Need-weighted gaps: offers per 1,000 young people on a small catalogue counted by hand, and where they show
(the page luecken/, its open data, `build.py report`)."""

from __future__ import annotations

import pytest

from catalogue.model.needs import german_number, needs

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
