"""Need, not only offers: the figures per district (daten/) and the offers weighed against the young people who
live there. Pure functions of the catalogue; the page luecken/, `python build.py report` and the open data show
what this finds.

A district's cell counts the offers that name the district, as the gap report does (an offer naming several
districts counts in each). Offers for the whole city and offers held only online or by telephone are counted
apart: a family anywhere may use them, but they say nothing about what is there in the district.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.numbers import format_decimal

from catalogue.model.collation import german_sort_key
from catalogue.model.offers import Offer
from catalogue.model.site import WHOLE_CITY, LifePhase, Site

REMOTE_FORMATS = frozenset({"online", "telefon"})  # an offer held only so is no offer in a district


@dataclass(frozen=True)
class Population:
    district: str
    phase: str
    count: int


@dataclass(frozen=True)
class Indicator:
    district: str
    name: str
    value: float
    unit: str = ""


@dataclass(frozen=True)
class DistrictShape:
    """A district's outline from daten/stadtteile.geojson (kept for the map; checked, not yet drawn)."""

    district: str
    kind: str  # Polygon or MultiPolygon
    coordinates: list


@dataclass(frozen=True)
class Figures:
    """daten/ and `bedarf` of site.yaml, as checked. Only lists, tuples and text: the build cache fingerprints it."""

    source: str = ""
    stand: date | None = None
    minimum: float | None = None  # mindestens_je_1000
    example: bool = False  # invented figures (beispiel: true)
    population: tuple[Population, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    shapes: tuple[DistrictShape, ...] = ()


@dataclass(frozen=True)
class NeedCell:
    district: str
    phase: str
    young: int | None  # None: no row in bevoelkerung.csv, unknown (not zero)
    offers: int
    below_minimum: bool = False  # fewer per 1,000 than bedarf.mindestens_je_1000
    below_half_city: bool = False  # fewer per 1,000 than half the city-wide rate of the phase

    @property
    def per_thousand(self) -> float | None:
        return None if not self.young else self.offers * 1000 / self.young

    @property
    def flagged(self) -> bool:
        return self.below_minimum or self.below_half_city


@dataclass(frozen=True)
class DistrictNeed:
    """One district in the ranking: its young people (where counted), its offers, and its indicators beside."""

    district: str
    name: str
    young: int | None  # the sum over the life phases with a row; None without any
    offers: int  # offers naming the district (not the whole city, not only online or by telephone)
    indicators: tuple[Indicator, ...]

    @property
    def young_per_offer(self) -> float | None:
        return None if self.young is None or not self.offers else self.young / self.offers


@dataclass(frozen=True)
class Needs:
    figures: Figures
    phases: list[LifePhase]
    districts: list[tuple[str, str]]  # (id, name), as site.yaml orders them, without the whole city
    cells: dict[str, dict[str, NeedCell]]  # district id → phase id → cell (text keys: the build cache's JSON)
    city_rate: dict[str, float | None]  # phase id → offers per 1,000 young people over the districts with figures
    ranking: list[DistrictNeed]  # most young people per offer first; districts without offers before all
    whole_city: dict[str, list[Offer]]  # phase id → offers for the whole city (not counted into a district)
    remote: dict[str, list[Offer]]  # phase id → offers held only online or by telephone

    def cell(self, district: str, phase: str) -> NeedCell:
        return self.cells[district][phase]


def is_remote(offer: Offer) -> bool:
    return bool(offer.formats) and set(offer.formats) <= REMOTE_FORMATS


def needs(offers: list[Offer], site: Site) -> Needs | None:
    """The need-weighted gaps, or None when there are no population figures."""
    figures = site.figures
    if figures is None or not figures.population:
        return None
    districts = [(i, name) for i, name in site.districts.items() if i != WHOLE_CITY]
    phases = list(site.life_phases)
    local = [offer for offer in offers if not is_remote(offer)]
    served = {(d, p.id): 0 for d, _ in districts for p in phases}
    for offer in local:
        for district in offer.districts:
            for phase in offer.life_phases:
                if (district, phase) in served:
                    served[district, phase] += 1
    young = {(row.district, row.phase): row.count for row in figures.population}
    cells, city_rate = weigh(served, young, districts, phases, figures.minimum)
    ranking = [DistrictNeed(district, name, _sum_known(young, district, phases),
                            sum(1 for offer in local if district in offer.districts),
                            tuple(i for i in figures.indicators if i.district == district))
               for district, name in districts]
    ranking.sort(key=_need_order)
    return Needs(figures, phases, districts, cells, city_rate, ranking,
                 {p.id: [o for o in offers if WHOLE_CITY in o.districts and p.id in o.life_phases] for p in phases},
                 {p.id: [o for o in offers if is_remote(o) and p.id in o.life_phases] for p in phases})


def weigh(served: dict[tuple[str, str], int], young: dict[tuple[str, str], int], districts: list[tuple[str, str]],
          phases: list[LifePhase], minimum: float | None):
    """Offers (district, phase) → count weighed against young people (district, phase) → count: the cells with
    their flags and the city-wide rate of each phase (over the districts with figures). Also what an earlier
    export's counts would have been flagged with today's figures (model/comparison.py)."""
    city_rate: dict[str, float | None] = {}
    for phase in phases:
        counted = [(served[d, phase.id], young[d, phase.id]) for d, _ in districts if (d, phase.id) in young]
        people = sum(count for _, count in counted)
        city_rate[phase.id] = sum(n for n, _ in counted) * 1000 / people if people else None
    cells: dict[str, dict[str, NeedCell]] = {}
    for district, _ in districts:
        cells[district] = {}
        for phase in phases:
            cell = NeedCell(district, phase.id, young.get((district, phase.id)), served[district, phase.id])
            rate = cell.per_thousand
            if rate is not None:
                cell = NeedCell(cell.district, cell.phase, cell.young, cell.offers,
                                minimum is not None and rate < minimum,
                                city_rate[phase.id] is not None and rate < city_rate[phase.id] / 2)
            cells[district][phase.id] = cell
    return cells, city_rate


def _sum_known(young: dict, district: str, phases: list[LifePhase]) -> int | None:
    known = [young[district, p.id] for p in phases if (district, p.id) in young]
    return sum(known) if known else None


def _need_order(need: DistrictNeed):
    """Young people and no offer first (most young people first), then most young people per offer, then the
    districts without figures; by name where equal."""
    if need.young is None:
        rank = (2, 0.0)
    elif not need.offers:
        rank = (0, -float(need.young))
    else:
        rank = (1, -need.young_per_offer)
    return (*rank, german_sort_key(need.name))


def german_number(value: float | int | None, decimals: int = 0) -> str:
    """1234 → „1.234“, 1.25 with one decimal → „1,3“ (as German tables write them); None → ""."""
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def local_number(value: float | int | None, language: str, decimals: int = 0) -> str:
    """A figure as an interface language writes it: „2.000“ and „1,5“ in German, „2,000“ and „1.5“ in English."""
    if value is None:
        return ""
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    return format_decimal(value, format=pattern, locale=language)
