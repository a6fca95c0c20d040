"""Stage 1, read: a table as a statistics office exports it (CSV, `;` or `,` between cells, a header row), and a
GeoJSON file, into rows with their line numbers. What the cells mean is checked in check/figures.py."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from catalogue.messages import problem
from catalogue.problems import ContentProblem
from catalogue.read.files import read_text

# A district map is many points: the outlines of a town's districts, simplified, are some hundred kilobytes.
MAX_GEOJSON_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Row:
    line: int  # in the file, 1-based
    cells: dict[str, str]  # column name (lower case) → text, trimmed


@dataclass(frozen=True)
class Table:
    path: Path
    header_line: int
    columns: list[str]  # as written, lower case and trimmed, in the file's order
    rows: list[Row]


def separator(header: str) -> str:
    """`;` when the header line holds one (German Excel), otherwise `,`."""
    return ";" if header.count(";") >= max(header.count(","), 1) else ","


def read_table(path: Path) -> tuple[Table | None, list[ContentProblem]]:
    """The rows of a CSV file. Blank lines (also ones of only separators) are left out; a row whose number of
    cells differs from the header's is reported and left out. The file is read as every content file is (size,
    UTF-8, a byte order mark, line breaks)."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    lines = text.split("\n")
    header_index = next((i for i, line in enumerate(lines) if line.strip(" \t;,")), None)
    if header_index is None:
        return Table(path, 0, [], []), problems
    delimiter = separator(lines[header_index])
    reader = csv.reader(io.StringIO("\n".join(lines[header_index:])), delimiter=delimiter)
    columns: list[str] | None = None
    rows = []
    line_start = header_index + 1
    for cells in reader:
        line = line_start
        line_start = header_index + reader.line_num + 1
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if columns is None:
            columns = [cell.casefold() for cell in cells]
            continue
        if len(cells) != len(columns):
            problems.append(problem("figures_row_length", path, line, found=len(cells), expected=len(columns)))
            continue
        rows.append(Row(line, dict(zip(columns, cells))))
    return Table(path, header_index + 1, columns or [], rows), problems


def read_geojson(path: Path) -> tuple[object, list[ContentProblem]]:
    """The JSON of a GeoJSON file, or None with the problem (too big, not UTF-8, not JSON: with its line)."""
    try:
        size = path.stat().st_size
    except OSError as error:
        return None, [problem("unreadable", path, None, reason=error.strerror or str(error))]
    if size > MAX_GEOJSON_BYTES:
        return None, [problem("geo_too_big", path, None, size=_megabytes(size), limit=_megabytes(MAX_GEOJSON_BYTES))]
    text, problems = read_text(path, limit=MAX_GEOJSON_BYTES)
    if text is None:
        return None, problems
    try:
        return json.loads(text), problems
    except json.JSONDecodeError as error:
        return None, [*problems, problem("geo_json_syntax", path, error.lineno, problem=_json_problem(error.msg),
                                         line_number=error.lineno, column=error.colno)]
    except RecursionError:
        return None, [*problems, problem("geo_json_syntax", path, 1, problem="zu tief verschachtelt",
                                         line_number=1, column=1)]


JSON_PROBLEMS = {
    "Expecting value": "hier fehlt ein Wert",
    "Expecting ',' delimiter": "hier fehlt ein Komma",
    "Expecting property name enclosed in double quotes": "hier fehlt ein Name in Anführungszeichen",
    "Expecting ':' delimiter": "hier fehlt ein Doppelpunkt",
    "Unterminated string starting at": "ein Text in Anführungszeichen wird nicht beendet",
    "Extra data": "nach dem Ende steht noch etwas",
}


def _json_problem(message: str) -> str:
    return next((german for english, german in JSON_PROBLEMS.items() if message.startswith(english)),
                "die Datei ist an dieser Stelle nicht lesbar")


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
