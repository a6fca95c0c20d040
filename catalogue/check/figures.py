"""daten/: the figures per district as the statistics office exports them (bevoelkerung.csv, kennzahlen.csv) and
the districts' outlines (stadtteile.geojson), checked against site.yaml: every bad row is told with its line and
column. All three files are optional; bevoelkerung.csv needs `bedarf` in site.yaml (source and date)."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from pathlib import Path

from catalogue.check.context import Context, inside_content
from catalogue.messages import did_you_mean, listing, problem
from catalogue.model.needs import DistrictShape, Figures, Indicator, Population
from catalogue.model.site import WHOLE_CITY
from catalogue.read.tables import Table, read_geojson, read_table

FOLDER = "daten"
POPULATION, INDICATORS, SHAPES = "bevoelkerung.csv", "kennzahlen.csv", "stadtteile.geojson"
POPULATION_COLUMNS = ("stadtteil", "lebensphase", "anzahl")
INDICATOR_COLUMNS = ("stadtteil", "kennzahl", "wert", "einheit")
WHOLE_NUMBER = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+")  # 1.234 with the German thousands separator
NUMBER = re.compile(r"[-+]?[0-9]+(?:[.,][0-9]+)?")
SPACES = re.compile(r"[\s\u00a0\u202f]+")


def read_figures(context: Context) -> None:
    """Reads daten/ into context.site.figures (whose `bedarf` read_site set)."""
    site = context.site
    folder = context.content_dir / FOLDER
    if site is None or not folder.is_dir() or not inside_content(folder, context):
        return
    districts = _district_lookup(site)
    population = indicators = shapes = ()
    path = _file(folder / POPULATION, context)
    if path:
        if site.figures is None:
            context.problems.add(problem("figures_no_bedarf", context.content_dir / "site.yaml", 1, "bedarf"))
        population = tuple(_population(path, context, districts))
    path = _file(folder / INDICATORS, context)
    if path:
        indicators = tuple(_indicators(path, context, districts))
    path = _file(folder / SHAPES, context)
    if path:
        shapes = tuple(_shapes(path, context, districts))
    if population or indicators or shapes:
        site.figures = replace(site.figures or Figures(), population=population, indicators=indicators,
                               shapes=shapes)


def _file(path: Path, context: Context) -> Path | None:
    """The file when it is there and inside the content folder (a link out of it is an error, never read)."""
    if not (path.is_file() or path.is_symlink()) or not inside_content(path, context):
        return None
    return path if path.is_file() else None


def _key(text: str) -> str:
    return SPACES.sub(" ", text).strip().casefold()


def _district_lookup(site) -> dict[str, str]:
    """Each district's id and German name as compared (trimmed, without case) → its id; the whole city → ""."""
    lookup = {}
    for district, name in site.districts.items():
        if district != WHOLE_CITY:
            lookup[_key(name)] = district
            lookup[_key(district)] = district
    for whole in (WHOLE_CITY, site.city, f"ganz {site.city}", "gesamt", "gesamtstadt", "stadt gesamt"):
        lookup.setdefault(_key(whole), "")
    return lookup


def _district(value: str, column: str, path: Path, line: int, site, districts, context) -> str | None:
    found = districts.get(_key(value))
    if found:
        return found
    if found == "":
        context.problems.add(problem("figures_whole_city", path, line, column, value=value))
        return None
    names = [f"{d} ({n})" for d, n in site.districts.items() if d != WHOLE_CITY]
    context.problems.add(problem("figures_unknown_district", path, line, column, value=value,
                                 suggestion=did_you_mean(value, [*site.districts.values(), *site.districts]),
                                 allowed=listing(names)))
    return None


def _header_ok(table: Table, required: tuple[str, ...], optional: tuple[str, ...], context: Context) -> bool:
    columns = ", ".join(f"„{c}“" for c in (*required, *optional))
    if not table.columns:
        context.problems.add(problem("figures_no_header", table.path, 1, columns=columns))
        return False
    ok = True
    for column in table.columns:
        if column not in required and column not in optional:
            context.problems.add(problem("figures_unknown_column", table.path, table.header_line, column,
                                         column=column, columns=columns,
                                         suggestion=did_you_mean(column, (*required, *optional))))
            ok = False
    for column in required:
        if column not in table.columns:
            context.problems.add(problem("figures_missing_column", table.path, table.header_line, column,
                                         column=column, columns=columns))
            ok = False
    return ok


def _population(path: Path, context: Context, districts: dict[str, str]):
    table, problems = read_table(path)
    context.problems.extend(problems)
    if table is None or not _header_ok(table, POPULATION_COLUMNS, (), context):
        return
    site = context.site
    phases = {_key(p.id): p.id for p in site.life_phases} | {_key(p.name): p.id for p in site.life_phases}
    seen: dict[tuple[str, str], int] = {}
    for row in table.rows:
        district = _district(row.cells["stadtteil"], "stadtteil", path, row.line, site, districts, context)
        phase = phases.get(_key(row.cells["lebensphase"]))
        if phase is None:
            value = row.cells["lebensphase"]
            context.problems.add(problem("figures_unknown_phase", path, row.line, "lebensphase", value=value,
                                         suggestion=did_you_mean(value, [p.id for p in site.life_phases]),
                                         allowed=listing(p.id for p in site.life_phases)))
        count = _whole_number(row.cells["anzahl"], path, row.line, context)
        if district is None or phase is None or count is None:
            continue
        if (district, phase) in seen:
            context.problems.add(problem("figures_duplicate", path, row.line, "stadtteil",
                                         district=site.districts[district], what=phase,
                                         other_line=seen[district, phase]))
            continue
        seen[district, phase] = row.line
        yield Population(district, phase, count)


def _whole_number(text: str, path: Path, line: int, context: Context) -> int | None:
    compact = SPACES.sub("", text)
    if WHOLE_NUMBER.fullmatch(compact):
        return int(compact.replace(".", ""))
    if compact.startswith("-") and WHOLE_NUMBER.fullmatch(compact[1:]):
        reason = "negativ"
    elif not compact:
        reason = "leer"
    else:
        reason = "keine ganze Zahl"
    context.problems.add(problem("figures_bad_count", path, line, "anzahl", value=text, reason=reason))
    return None


def _indicators(path: Path, context: Context, districts: dict[str, str]):
    table, problems = read_table(path)
    context.problems.extend(problems)
    if table is None or not _header_ok(table, INDICATOR_COLUMNS[:3], INDICATOR_COLUMNS[3:], context):
        return
    site = context.site
    seen: dict[tuple[str, str], int] = {}
    for row in table.rows:
        district = _district(row.cells["stadtteil"], "stadtteil", path, row.line, site, districts, context)
        value = _decimal(row.cells["wert"])
        if value is None:
            context.problems.add(problem("figures_bad_value", path, row.line, "wert", value=row.cells["wert"]))
        name = SPACES.sub(" ", row.cells["kennzahl"]).strip()
        if district is None or value is None:
            continue
        if (district, _key(name)) in seen:
            context.problems.add(problem("figures_duplicate", path, row.line, "kennzahl",
                                         district=site.districts[district], what=name,
                                         other_line=seen[district, _key(name)]))
            continue
        seen[district, _key(name)] = row.line
        yield Indicator(district, name, value, row.cells.get("einheit", ""))


def _decimal(text: str) -> float | None:
    """„18,4“, „18.4“, „1.234,5“ → a number; the last mark is the decimal one when both stand."""
    compact = SPACES.sub("", text)
    if "," in compact and "." in compact:
        decimal = "," if compact.rfind(",") > compact.rfind(".") else "."
        compact = compact.replace("." if decimal == "," else ",", "")
    compact = compact.replace(",", ".")
    if not NUMBER.fullmatch(compact):
        return None
    value = float(compact)
    return value if math.isfinite(value) else None


def _shapes(path: Path, context: Context, districts: dict[str, str]):
    data, problems = read_geojson(path)
    context.problems.extend(problems)
    if data is None:
        return
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(
            data.get("features"), list):
        found = f"„type“ ist „{data.get('type')}“" if isinstance(data, dict) else "keine Sammlung von Elementen"
        context.problems.add(problem("geo_not_collection", path, 1, "type", found=found))
        return
    site = context.site
    for number, feature in enumerate(data["features"], 1):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        if kind not in ("Polygon", "MultiPolygon") or not isinstance(geometry.get("coordinates"), list):
            found = f"ein Element vom Typ „{kind}“" if isinstance(kind, str) else "ein Element ohne Umriss"
            context.problems.add(problem("geo_geometry", path, 1, f"features[{number}]", number=number,
                                         found=found))
            continue
        bad = _bad_position(geometry["coordinates"], 3 if kind == "MultiPolygon" else 2)
        if bad is not None:
            context.problems.add(problem("geo_coordinates", path, 1, f"features[{number}]", number=number,
                                         found=bad))
            continue
        properties = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        value = str(properties.get("stadtteil", ""))
        district = districts.get(_key(value))
        if not district:
            names = [d for d in site.districts if d != WHOLE_CITY]
            context.problems.add(problem("geo_unknown_district", path, 1, f"features[{number}]", number=number,
                                         value=value, suggestion=did_you_mean(value, names),
                                         allowed=listing(names)))
            continue
        yield DistrictShape(district, kind, geometry["coordinates"])


def _bad_position(value, depth: int) -> str | None:
    """The first position that is no (longitude, latitude) in range, as text; None when all are.
    depth: how many lists lie above the positions (Polygon 2, MultiPolygon 3)."""
    if depth == 0:
        if not (isinstance(value, list) and len(value) >= 2
                and all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in value[:2])):
            return f"„{str(value)[:40]}“ ist kein Punkt"
        if not (-180 <= value[0] <= 180 and -90 <= value[1] <= 90):
            return f"Länge {value[0]}, Breite {value[1]}"
        return None
    if not isinstance(value, list):
        return f"„{str(value)[:40]}“ ist keine Liste"
    return next((found for item in value if (found := _bad_position(item, depth - 1))), None)
