"""The offers as a table for German Excel: one row per published offer, CSV as Excel itself writes it.

Excel opens a CSV by double click only in its own dialect: `;` between cells (the comma is the decimal
mark), UTF-8 only with a byte order mark (without, it reads Windows-1252 and breaks every umlaut), CRLF
between rows. Texts from site.yaml and the interface stand where the content has ids. Stand and Gültig bis
are ISO dates (JJJJ-MM-TT): Excel takes them as dates in any locale, they sort as text and other programs
read them without guessing the day and month order; Termine is a list to read and has the German dates.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from catalogue.model.catalogue import Catalogue
from catalogue.model.facets import district_name
from catalogue.model.gaps import GapTables
from catalogue.model.i18n import Texts, spoken_clock
from catalogue.model.languages import language_name
from catalogue.model.offers import WEEKDAYS, DatedEvent, Offer, RegularTime
from catalogue.opendata import place_line
from catalogue.render.paths import GAPS_FOLDER, offer_url

FILE = "daten/angebote.csv"
# Where csv_columns (and _row) put what `report --vergleich` reads back from an earlier table
COLUMN_POSITIONS = {"id": 0, "title": 1, "life_phases": 5, "districts": 8, "formats": 14, "checked": 24}
SEPARATOR = ", "
ENTRY_SEPARATOR = "; "  # between places, times and dates, which hold commas themselves
# A cell beginning with one of these is a formula to Excel (OWASP, CSV injection): partners write the texts,
# the city's staff open the file.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_table(path: Path, header: list[str], rows: list[list[str | int]]) -> None:
    """A table as German Excel opens it, every cell that could start a formula neutralised."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        # QUOTE_MINIMAL quotes what holds `;`, a quote or a line break: a text's lines stay in its cell.
        writer = csv.writer(file, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerows([_safe(str(cell)) for cell in row] for row in [header, *rows])


def offer_rows(catalogue: Catalogue, german: Texts) -> tuple[list[str], list[list[str]]]:
    """The header and a row for each published offer, in the catalogue's order. german: the interface's
    German texts, for what site.yaml does not name (the whole city, the formats, how times read)."""
    return german.list("csv_columns"), [_row(catalogue, german, offer) for offer in catalogue.offers]


def write_files(catalogue: Catalogue, folder: Path, german: Texts) -> list[Path]:
    """Write daten/angebote.csv under the site's root `folder`."""
    path = folder / FILE
    write_table(path, *offer_rows(catalogue, german))
    return [path]



def _row(catalogue: Catalogue, german: Texts, offer: Offer) -> list[str]:
    site = catalogue.site
    in_order = sorted(offer.events, key=lambda e: (e.day, e.start, e.end))
    return [
        offer.id,
        offer.title,
        offer.summary,
        catalogue.provider(offer.provider_id).name,
        SEPARATOR.join(site.topics[topic] for topic in offer.topics),
        SEPARATOR.join(phase.name for phase in site.life_phases if phase.id in offer.life_phases),
        _number(offer.age_from),
        _number(offer.age_to),
        SEPARATOR.join(district_name(site, german, district) for district in offer.districts),
        _yes_no(german, offer.free),
        offer.costs,
        offer.registration,
        SEPARATOR.join(language_name(code) for code in offer.languages),
        SEPARATOR.join(site.accessibility[feature] for feature in offer.accessibility),
        SEPARATOR.join(german("format_" + form) for form in offer.formats),
        ENTRY_SEPARATOR.join(place_line(place) for place in offer.places),
        ENTRY_SEPARATOR.join(_regular(german, regular) for regular in offer.times),
        ENTRY_SEPARATOR.join(_dated(german, dated) for dated in in_order),
        offer.contact.name,
        offer.contact.phone,
        offer.contact.email,
        offer.contact.web,
        SEPARATOR.join(offer.keywords),
        _yes_no(german, offer.example),
        offer.checked.isoformat(),
        offer.valid_until.isoformat() if offer.valid_until else "",
        offer_url(catalogue.site, offer.id),
    ]


def _regular(german: Texts, regular: RegularTime) -> str:
    """ "Mo, Mi 9:00–11:00 Uhr": the contract's day ids are the German abbreviations."""
    days = SEPARATOR.join(day.capitalize() for day in WEEKDAYS if day in regular.days)
    return _with_note(german("offer_time", days=days, start=spoken_clock(regular.start), end=spoken_clock(regular.end)),
                      regular.note)


def _dated(german: Texts, dated: DatedEvent) -> str:
    day = _german_date(dated.day)
    if dated.start and dated.end:
        text = german("offer_event_time", date=day, start=spoken_clock(dated.start), end=spoken_clock(dated.end))
    elif dated.start:
        text = german("offer_event_from", date=day, start=spoken_clock(dated.start))
    else:
        text = day
    return _with_note(text, dated.note)


def _with_note(text: str, note: str) -> str:
    return f"{text} ({note})" if note else text


def _german_date(day: date) -> str:
    return f"{day:%d.%m.%Y}"



def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _yes_no(german: Texts, value: bool) -> str:
    return german("csv_yes" if value else "csv_no")


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def write_gap_tables(gaps: GapTables, root: Path) -> None:
    """The gap report's tables (luecken/), in the same CSV as the catalogue's."""
    for table in gaps.tables:
        write_table(root / GAPS_FOLDER / table.file, table.header, table.rows)
