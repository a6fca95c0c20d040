"""`python build.py report --vergleich <earlier daten/ folder, site folder or angebote.csv>`: the catalogue now
against an earlier export of itself, in plain German text after the gap report. earlier_export() reads the
earlier files (read/earlier.py), comparison() compares them with today's catalogue (model/comparison.py),
comparison_text() says it; comparison_section() says the same in tables for the report PDF (`report --pdf`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from catalogue.messages.commands import say
from catalogue.model.catalogue import Catalogue
from catalogue.model.comparison import OFFER_KEYS, CellMove, Comparison, Names, OfferChange, compare
from catalogue.model.facets import district_name
from catalogue.model.i18n import Texts
from catalogue.model.needs import german_number, needs
from catalogue.model.site import WHOLE_CITY
from catalogue.opendata import needs as needs_data
from catalogue.opendata import spreadsheet
from catalogue.read.earlier import EarlierExport, read_earlier
from catalogue.render.paths import DATA_FOLDER


def _offer_columns(german: Texts) -> dict[str, str]:
    header = german.list("csv_columns")
    return {key: header[spreadsheet.COLUMN_POSITIONS[key]] for key in OFFER_KEYS}


def earlier_export(path: Path, german: Texts) -> EarlierExport:
    """Raises EarlierUnreadable with the German message."""
    header = german.list("needs_csv_columns")
    return read_earlier(path, DATA_FOLDER, _offer_columns(german),
                        {key: header[i] for key, i in needs_data.COLUMN_POSITIONS.items()}, german("needs_csv_yes"))


def comparison(earlier: EarlierExport, catalogue: Catalogue, german: Texts) -> Comparison:
    site = catalogue.site
    names = Names([(i, district_name(site, german, i)) for i in site.districts if i != WHOLE_CITY],
                  [(phase.id, phase.name) for phase in site.life_phases],
                  frozenset({german("format_online"), german("format_telefon")}), spreadsheet.SEPARATOR,
                  frozenset({district_name(site, german, WHOLE_CITY)}))
    return compare(earlier, _offer_columns(german), *spreadsheet.offer_rows(catalogue, german), names,
                   needs(catalogue.offers, site))


def comparison_text(found: Comparison, long_date, minimum: float | None = None) -> list[str]:
    """minimum: bedarf.mindestens_je_1000 of today (for why a gap is new)."""
    title = say("compare_title")
    lines = [title, "=" * len(title), say("compare_source", path=found.source)]
    if found.needs_source:
        lines.append(say("compare_needs_source", path=found.needs_source))
    lines.append(say("compare_stand", date=long_date(found.stand)) if found.stand else say("compare_stand_unknown"))
    if found.figures_stand:
        lines.append(say("compare_figures_stand", date=long_date(found.figures_stand)))
    if found.unknown_names:
        lines.append(say("compare_unknown_names", names=", ".join(f"„{name}“" for name in found.unknown_names)))
    lines += ["", say("compare_offers", added=len(found.added), removed=len(found.removed),
                      changed=len(found.changed))]
    for heading, offers in (("compare_added", found.added), ("compare_removed", found.removed),
                            ("compare_changed", found.changed)):
        if offers:
            lines.append(say(heading))
        for offer in offers:
            line = say("compare_offer", title=offer.title, id=offer.id)
            if offer.fields:
                line += say("compare_fields", fields=_fields(offer))
            lines.append(line)
    lines += ["", say("compare_needs_heading")]
    if found.need_gaps is None:
        lines.append(say("compare_needs_none"))
    else:
        if found.weighed_today:
            lines.append(say("compare_needs_weighed_today"))
        lines += [_need_line(move, minimum) for move in found.need_gaps] or [say("compare_needs_no_gap")]
    lines += ["", say("compare_empty_heading")]
    lines += [_empty_line(move) for move in found.empty_cells] or [say("compare_empty_no_gap")]
    states = [move.empty_status for move in found.empty_cells]
    if states:
        lines.append(say("compare_empty_sum", closed=states.count("closed"), new=states.count("new"),
                         open=states.count("open")))
    return [*lines, ""]


def _rate(value: float | None) -> str:
    return say("compare_rate_unknown") if value is None else german_number(value, 1)


def _fields(offer: OfferChange) -> str:
    """The columns that differ, and the earlier title when it is one of them."""
    return ", ".join(offer.fields) + (say("compare_title_then", title=offer.title_then) if offer.title_then else "")


def _cell(move: CellMove) -> str:
    return say("compare_cell", district=move.district_name, phase=move.phase_name)


def _need_status(move: CellMove, minimum: float | None) -> str:
    status = say("compare_need_" + move.need_status)
    if move.need_status == "opened":
        reasons = [say("needs_below_minimum", minimum=german_number(minimum, 1))] if move.below_minimum_now else []
        if move.below_half_city_now is not None:
            reasons.append(say("needs_below_half", half=german_number(move.below_half_city_now, 1)))
        status += say("compare_need_why", reasons=", ".join(reasons)) if reasons else ""
    return status


def _offers_moved(move: CellMove) -> str:
    return say("compare_moved", then=move.offers_then, now=move.offers_now)


def _rates_moved(move: CellMove) -> str:
    return say("compare_moved", then=_rate(move.per_thousand_then), now=_rate(move.per_thousand_now))


def _need_line(move: CellMove, minimum: float | None) -> str:
    return say("compare_need_cell", cell=_cell(move), status=_need_status(move, minimum),
               offers_label=say("compare_offers_label"), offers=_offers_moved(move),
               rates_label=say("compare_rates_label"), rates=_rates_moved(move))


def _empty_line(move: CellMove) -> str:
    return say("compare_empty_cell", cell=_cell(move), status=say("compare_empty_" + move.empty_status),
               offers_label=say("compare_offers_label"), offers=_offers_moved(move))


@dataclass(frozen=True)
class TextTable:
    """A table of the report PDF: caption, header row, rows whose first cell heads the row; `notes` before it,
    `empty` said instead of it when it has no rows."""

    caption: str
    header: list[str]
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)
    empty: str = ""


@dataclass(frozen=True)
class ComparisonSection:
    title: str
    lines: list[str]  # the earlier export's stand and what the comparison could not count
    tables: list[TextTable]


def comparison_section(earlier: EarlierExport, catalogue: Catalogue, german: Texts) -> ComparisonSection:
    """The comparison for the report PDF (render/pdf/report.py): the text report's sentences, as tables."""
    figures = catalogue.site.figures
    minimum = figures.minimum if figures else None
    found = comparison(earlier, catalogue, german)
    lines = [say("compare_stand", date=german.long_date(found.stand)) if found.stand else say("compare_stand_unknown")]
    if found.figures_stand:
        lines.append(say("compare_figures_stand", date=german.long_date(found.figures_stand)))
    if found.unknown_names:
        lines.append(say("compare_unknown_names", names=", ".join(f"„{name}“" for name in found.unknown_names)))
    offers = TextTable(
        say("compare_offers", added=len(found.added), removed=len(found.removed), changed=len(found.changed)),
        [say(f"compare_column_{name}") for name in ("offer", "id", "change", "fields")],
        [[offer.title, offer.id, say(kind).rstrip(":"), _fields(offer)]
         for kind, changes in (("compare_added", found.added), ("compare_removed", found.removed),
                               ("compare_changed", found.changed)) for offer in changes])
    moved = [say("compare_column_moved", label=say("compare_offers_label"))]
    need_gaps = TextTable(
        say("compare_needs_heading").rstrip(":"),
        [say("compare_column_cell"), say("compare_column_status"), *moved,
         say("compare_column_moved", label=say("compare_rates_label"))],
        [[_cell(move), _need_status(move, minimum), _offers_moved(move), _rates_moved(move)]
         for move in found.need_gaps or []],
        [say("compare_needs_weighed_today").strip()] if found.weighed_today else [],
        say("compare_needs_none" if found.need_gaps is None else "compare_needs_no_gap").strip())
    states = [move.empty_status for move in found.empty_cells]
    empty = TextTable(
        say("compare_empty_heading").rstrip(":"), [say("compare_column_cell"), say("compare_column_status"), *moved],
        [[_cell(move), say("compare_empty_" + move.empty_status), _offers_moved(move)] for move in found.empty_cells],
        [say("compare_empty_sum", closed=states.count("closed"), new=states.count("new"),
             open=states.count("open")).strip()] if states else [],
        say("compare_empty_no_gap").strip())
    return ComparisonSection(say("compare_title"), lines, [offers, need_gaps, empty])
