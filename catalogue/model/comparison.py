"""Is a gap closing? The catalogue now against an earlier export of itself (`python build.py report --vergleich`).
Pure functions of data: the report's text (commands/comparison_report.py) and its PDF show what this finds.

Offers are compared by id, row by row of the offers table (daten/angebote.csv): added, removed, and changed with the
columns that differ. Both sides are counted the same way, from their tables: a district × life phase cell counts
the offers naming the district (as the gap report does), the need cells leave out offers held only online or by
telephone (as model/needs.py does). The need flags then come from the earlier bedarf.json/bedarf.csv; an export
without them is weighed with today's population figures, and the comparison says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from catalogue.model.needs import Needs, weigh
from catalogue.read.earlier import EarlierExport

# Keys of the offers table's columns the comparison reads (the caller names them in German)
OFFER_KEYS = ("id", "title", "life_phases", "districts", "formats", "checked")
# What moved first, then what stayed; within each, as site.yaml orders districts and life phases
NEED_ORDER = ("closed", "opened", "remains")
EMPTY_ORDER = ("closed", "new", "open")


@dataclass(frozen=True)
class OfferChange:
    id: str
    title: str  # today's title; the earlier one for a removed offer
    fields: tuple[str, ...] = ()  # the columns that differ (changed offers)
    title_then: str = ""  # when the title itself changed


@dataclass(frozen=True)
class CellMove:
    """One district × life phase, then and now."""

    district: str
    district_name: str
    phase: str
    phase_name: str
    offers_then: int
    offers_now: int
    per_thousand_then: float | None = None
    per_thousand_now: float | None = None
    flagged_then: bool = False
    flagged_now: bool = False
    below_minimum_now: bool = False  # why it is flagged now (a gap that opens while its offers stay: the city
    below_half_city_now: float | None = None  # rate rose); the half city-wide rate it lies below, if it does

    @property
    def need_status(self) -> str:
        """closed, opened or remains (a need gap: flagged then or now)."""
        return "remains" if self.flagged_then and self.flagged_now else "closed" if self.flagged_then else "opened"

    @property
    def empty_status(self) -> str:
        """closed, new or open (a cell without any offer then or now)."""
        if not self.offers_then and not self.offers_now:
            return "open"
        return "closed" if not self.offers_then else "new"


@dataclass(frozen=True)
class Comparison:
    source: Path  # the earlier offers table
    needs_source: Path | None  # the earlier bedarf.json/bedarf.csv, when there was one
    stand: date | None  # the newest `Stand` of an offer in the earlier table (as the Atom feed dates the catalogue)
    figures_stand: date | None  # of the population figures then
    added: list[OfferChange]
    removed: list[OfferChange]
    changed: list[OfferChange]
    need_gaps: list[CellMove] | None  # flagged then or now, NEED_ORDER; None: no population figures today
    weighed_today: bool  # the earlier counts were weighed with today's figures (no earlier bedarf file)
    empty_cells: list[CellMove]  # district × phase without any offer then or now, EMPTY_ORDER
    unknown_names: tuple[str, ...] = ()  # districts/life phases of the earlier table today's site.yaml lacks


@dataclass(frozen=True)
class Names:
    """How the offers table names what site.yaml has ids for (German), to count its rows per cell."""

    districts: list[tuple[str, str]]  # (id, name), without the whole city
    phases: list[tuple[str, str]]  # (id, name)
    remote_formats: frozenset[str]  # the names of the formats online and telefon
    separator: str  # between names in a cell („, “)
    not_a_district: frozenset[str] = frozenset()  # names in the districts' column that are none (the whole city)


def compare(earlier: EarlierExport, columns: dict[str, str], now_header: list[str], now_rows: list[list[str]],
            names: Names, needs: Needs | None) -> Comparison:
    """columns: OFFER_KEYS → German column name; now_header, now_rows: today's offers table; needs: today's
    need-weighted gaps (None without figures)."""
    key, title = columns["id"], columns["title"]
    now = {row[key]: row for row in (dict(zip(now_header, r)) for r in now_rows)}
    then = {row[key]: row for row in earlier.offers if row.get(key)}
    shared = [c for c in now_header if c in earlier.columns]
    added = [OfferChange(i, row[title]) for i, row in now.items() if i not in then]
    removed = [OfferChange(i, row[title]) for i, row in then.items() if i not in now]
    changed = []
    for i, row in now.items():
        if i in then:
            fields = tuple(c for c in shared if row.get(c, "") != then[i].get(c, ""))
            if fields:
                changed.append(OfferChange(i, row[title], fields,
                                           then[i][title] if title in fields else ""))
    counts_then = _counts(then.values(), columns, names, local=False)
    counts_now = _counts(now.values(), columns, names, local=False)
    empty = sorted((move for move in _moves(names, counts_then, counts_now)
                    if not (move.offers_then and move.offers_now)), key=lambda m: EMPTY_ORDER.index(m.empty_status))
    checked = [_day(row.get(columns["checked"], "")) for row in then.values()]
    checked = [day for day in checked if day]
    need_gaps, weighed_today = _need_gaps(earlier, columns, names, needs, then.values())
    return Comparison(earlier.offers_file, earlier.needs_file, max(checked) if checked else None,
                      earlier.figures_stand, added, removed, changed, need_gaps, weighed_today, empty,
                      _unknown(then.values(), columns, names))


def _need_gaps(earlier: EarlierExport, columns, names: Names, needs: Needs | None, rows_then):
    if needs is None:
        return None, False
    if earlier.cells:
        cells_then = {(c.district, c.phase): c for c in earlier.cells}
        weighed_today = False
    else:  # the earlier counts with today's young people
        young = {(row.district, row.phase): row.count for row in needs.figures.population}
        served = _counts(rows_then, columns, names, local=True)
        weighed, _ = weigh(served, young, names.districts, needs.phases, needs.figures.minimum)
        cells_then = {(d, p): cell for d, by_phase in weighed.items() for p, cell in by_phase.items()}
        weighed_today = True
    moves = []
    for district, district_name in names.districts:
        for phase_id, phase_name in names.phases:
            now = needs.cells.get(district, {}).get(phase_id)
            then = cells_then.get((district, phase_id))
            if not ((now and now.flagged) or (then and then.flagged)):
                continue
            moves.append(CellMove(district, district_name, phase_id, phase_name,
                                  then.offers if then else 0, now.offers if now else 0,
                                  then.per_thousand if then else None, now.per_thousand if now else None,
                                  bool(then and then.flagged), bool(now and now.flagged),
                                  bool(now and now.below_minimum),
                                  needs.city_rate[phase_id] / 2 if now and now.below_half_city else None))
    return sorted(moves, key=lambda m: NEED_ORDER.index(m.need_status)), weighed_today


def _counts(rows, columns, names: Names, local: bool) -> dict[tuple[str, str], int]:
    """Offers per (district id, phase id) of a table's rows; local: without those held only online/by phone."""
    district_ids = {name: i for i, name in names.districts}
    phase_ids = {name: i for i, name in names.phases}
    counts = {(d, p): 0 for d, _ in names.districts for p, _ in names.phases}
    for row in rows:
        formats = set(_split(row.get(columns["formats"], ""), names.separator))
        if local and formats and formats <= names.remote_formats:
            continue
        for district in _split(row.get(columns["districts"], ""), names.separator):
            for phase in _split(row.get(columns["life_phases"], ""), names.separator):
                cell = (district_ids.get(district), phase_ids.get(phase))
                if cell in counts:
                    counts[cell] += 1
    return counts


def _unknown(rows, columns, names: Names) -> tuple[str, ...]:
    known = {name for _, name in names.districts} | names.not_a_district
    phases = {name for _, name in names.phases}
    found = {name for row in rows for name in _split(row.get(columns["districts"], ""), names.separator)
             if name not in known}
    found |= {name for row in rows for name in _split(row.get(columns["life_phases"], ""), names.separator)
              if name not in phases}
    return tuple(sorted(found))


def _moves(names: Names, then: dict, now: dict) -> list[CellMove]:
    return [CellMove(d, dn, p, pn, then[d, p], now[d, p]) for d, dn in names.districts for p, pn in names.phases]


def _split(cell: str, separator: str) -> list[str]:
    return [part.strip() for part in cell.split(separator.strip()) if part.strip()] if cell else []


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
