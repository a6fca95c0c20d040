"""Stage 1, read: an earlier export of the catalogue's own open data, for `python build.py report --vergleich`.

Accepted: the open-data folder of an earlier build (daten/, with angebote.csv and, when it had figures, bedarf.json
or bedarf.csv), a whole earlier site folder (with daten/ in it), or the earlier offers table (angebote.csv) alone.
The offers table is read as the catalogue writes it (`;`, BOM, German Excel) and also as Excel saves it again
(`;` or `,`, Windows-1252). What cannot be read raises EarlierUnreadable with a German message that names the
file and what to pass instead. Which column is which comes from the caller (the German interface texts).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from catalogue.messages.commands import say
from catalogue.read.tables import separator

OFFERS_FILE = "angebote.csv"
NEEDS_JSON = "bedarf.json"
NEEDS_CSV = "bedarf.csv"
REQUIRED = ("id", "title", "life_phases", "districts")  # of the offers table; the others are compared when there
MAX_BYTES = 50 * 1024 * 1024  # far more than a town's catalogue; a bigger file is something else


class EarlierUnreadable(Exception):
    """The message says which file, what is wrong and what to pass instead."""


@dataclass(frozen=True)
class EarlierCell:
    """One district × life phase of the earlier bedarf.json/bedarf.csv."""

    district: str
    phase: str
    young: int | None
    offers: int
    per_thousand: float | None
    flagged: bool


@dataclass(frozen=True)
class EarlierExport:
    offers_file: Path
    columns: list[str]  # the offers table's header, as written
    offers: list[dict[str, str]]  # one per row: column → cell
    needs_file: Path | None = None
    cells: tuple[EarlierCell, ...] = ()
    figures_stand: date | None = None  # `stand` of the population figures then


def read_earlier(path: Path, data_folder: str, offer_columns: dict[str, str], needs_columns: dict[str, str],
                 yes: str) -> EarlierExport:
    """path: a folder or a CSV file. data_folder: the open data's folder in a site (daten). offer_columns,
    needs_columns: key → German column name (the keys the comparison uses: id, title, … and district, phase, …);
    yes: how the needs table writes „ja“."""
    if path.is_dir():
        folder = next((f for f in (path, path / data_folder) if (f / OFFERS_FILE).is_file()), None)
        if folder is None:
            raise EarlierUnreadable(say("compare_no_export", path=path, data=data_folder, file=OFFERS_FILE))
        offers_file = folder / OFFERS_FILE
    elif path.is_file():
        folder, offers_file = None, path
    else:
        raise EarlierUnreadable(say("compare_missing", path=path, data=data_folder, file=OFFERS_FILE))
    columns, rows = _read_csv(offers_file)
    missing = [offer_columns[key] for key in REQUIRED if offer_columns[key] not in columns]
    if missing:
        needs_table = needs_columns["district"] in columns
        raise EarlierUnreadable(say("compare_needs_table" if needs_table else "compare_not_offers",
                                    path=offers_file, columns=", ".join(missing), data=data_folder,
                                    file=OFFERS_FILE))
    export = EarlierExport(offers_file, columns, rows)
    if folder is None:
        return export
    if (folder / NEEDS_JSON).is_file():
        return _with_json(export, folder / NEEDS_JSON)
    if (folder / NEEDS_CSV).is_file():
        return _with_csv(export, folder / NEEDS_CSV, needs_columns, yes)
    return export


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise EarlierUnreadable(say("compare_too_large", path=path))
        return path.read_bytes()
    except OSError as error:
        raise EarlierUnreadable(say("compare_cannot_read", path=path, reason=error.strerror or error)) from None


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    data = _read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # saved again by Excel without BOM
    if "\0" in text:
        raise EarlierUnreadable(say("compare_not_text", path=path))
    lines = text.splitlines()
    if not lines:
        raise EarlierUnreadable(say("compare_empty", path=path))
    try:
        table = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator(lines[0])))
    except csv.Error as error:
        raise EarlierUnreadable(say("compare_bad_csv", path=path, reason=error)) from None
    header = [cell.strip() for cell in table[0]]
    rows = [dict(zip(header, (cell.strip() for cell in row))) for row in table[1:] if any(c.strip() for c in row)]
    return header, rows


def _with_json(export: EarlierExport, path: Path) -> EarlierExport:
    try:
        data = json.loads(_read_bytes(path).decode("utf-8-sig"))
        cells = tuple(EarlierCell(str(c["stadtteil"]), str(c["lebensphase"]), _count(c.get("junge_menschen")),
                                  int(c["angebote"]), _number(c.get("je_1000")),
                                  bool(c.get("unter_mindestwert")) or bool(c.get("unter_haelfte_ganze_stadt")))
                      for c in data["zellen"])
        stand = _day(data.get("stand"))
    except RecursionError:
        raise EarlierUnreadable(say("compare_bad_json", path=path, reason="zu tief verschachtelt")) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise EarlierUnreadable(say("compare_bad_json", path=path, reason=error)) from None
    except (KeyError, TypeError, ValueError, AttributeError):
        raise EarlierUnreadable(say("compare_json_not_needs", path=path)) from None
    return EarlierExport(export.offers_file, export.columns, export.offers, path, cells, stand)


def _with_csv(export: EarlierExport, path: Path, names: dict[str, str], yes: str) -> EarlierExport:
    columns, rows = _read_csv(path)
    missing = [name for name in names.values() if name not in columns]
    if missing:
        raise EarlierUnreadable(say("compare_csv_not_needs", path=path, columns=", ".join(missing)))
    try:
        cells = tuple(EarlierCell(row[names["district"]], row[names["phase"]], _count(row[names["young"]]),
                                  _count(row[names["offers"]]) or 0, _number(row[names["per_thousand"]]),
                                  row[names["flagged"]].lower() == yes) for row in rows)
    except ValueError:
        raise EarlierUnreadable(say("compare_csv_not_needs", path=path, columns=names["offers"])) from None
    stands = {row[names["stand"]] for row in rows}
    return EarlierExport(export.offers_file, export.columns, export.offers, path, cells,
                         _day(stands.pop()) if len(stands) == 1 else None)


def _count(value) -> int | None:
    """A count as JSON or German Excel writes it (1.234); empty or None is unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    return int(value) if isinstance(value, int) else int(str(value).replace(".", ""))


def _number(value) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return float(str(value).replace(".", "").replace(",", "."))


def _day(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
