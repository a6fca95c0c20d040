"""The need figures as pictures, made at build time: a heat map (districts × life phases, offers per 1,000 young
people) and a district map from daten/stadtteile.geojson coloured by the same measure over all life phases.

Plain SVG inline in the page: no script, no tiles, nothing from elsewhere. Colour is never the only carrier: each
cell and each district shows its number in words and figures, a district or cell under need is hatched, and the
page puts a table with the same figures right after each picture. The fills are one hue (blues, readable for
colour-blind readers); each step has its own text colour with at least 4.5:1. The attributes hold the light
colours (the PDF and a printed page use them); the page's stylesheet (layouts/pages/gaps.css) gives the dark
colour scheme its own steps through the classes. Same figures in, same bytes out: coordinates are rounded.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

from catalogue.model.needs import Needs, german_number
from catalogue.render.svg_text import coordinate as _n, wrap  # _n: short, it stands in every attribute

# Light steps (ColorBrewer Blues): 0 = no offer, 1–4 = the quarters of the values above 0 (thresholds()).
LIGHT = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
# Dark colour scheme: from the page's background towards light blue (more offers, brighter), as gaps.css sets them.
DARK = ("#1a2330", "#1f3d60", "#2b5f95", "#5b9bd5", "#b3d4f2")
TEXT_DARK, TEXT_LIGHT = "#000000", "#ffffff"
LABEL = "#1b1b1b"  # names and legend: var(--color-text) on the page
UNKNOWN = "#ffffff"  # a cell without figures: var(--color-background) on the page
STEPS = len(LIGHT)


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour(fill: str) -> str:
    """Black or white, whichever stands out more from the fill."""
    return max((TEXT_DARK, TEXT_LIGHT), key=lambda text: contrast(fill, text))


def thresholds(rates) -> list[float]:
    """The upper ends of steps 1–4: the quartiles of the values above 0 (rounded to one decimal, as shown), so
    that each step holds about as many cells; [] when no value is above 0."""
    values = sorted(round(r, 1) for r in rates if r and r > 0)
    if not values:
        return []
    return [values[max(0, math.ceil(k * len(values) / (STEPS - 1)) - 1)] for k in range(1, STEPS)]


def step(rate: float, limits: list[float]) -> int:
    """0 for no offer, else the first step whose upper end the value (rounded as shown) does not exceed."""
    if not rate or rate <= 0 or not limits:
        return 0
    shown = round(rate, 1)
    return next((i for i, limit in enumerate(limits, 1) if shown <= limit), STEPS - 1)



def _lines(text: str, width: int) -> list[str]:
    """A name broken at spaces into lines of about `width` characters, at most four."""
    lines = wrap(text, width)
    return lines[:3] + [" ".join(lines[3:])] if len(lines) > 4 else lines


def _defs(prefix: str) -> str:
    return (f'<defs><pattern id="{prefix}-schraffur" width="8" height="8" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="3" height="8" fill="{LABEL}" '
            f'class="need-fig__hatch"/></pattern></defs>')


def _fill(index: int | None) -> tuple[str, str, str]:
    """(fill, text colour, class suffix) of a step; None: no figures."""
    if index is None:
        return UNKNOWN, LABEL, "unknown"
    return LIGHT[index], text_colour(LIGHT[index]), str(index)


def _legend(t: Callable, prefix: str, limits: list[float], top: float, width: float) -> tuple[list[str], float]:
    """The steps with their ranges, the hatching and the unknown cell, wrapped to the picture's width."""
    items = [(0, t("needs_figure_none"), False)]
    for index, limit in enumerate(limits, 1):
        if index == 1 or limit > limits[index - 2]:  # a step that holds no value of its own is left out
            items.append((index, t("needs_figure_up_to", rate=german_number(limit, 1)), False))
    items += [(None, t("needs_unknown"), False), (0, t("needs_below"), True)]
    parts = [f'<text x="0" y="{_n(top + 14)}" font-size="13" font-weight="700" fill="{LABEL}" '
             f'class="need-fig__label">{escape(t("needs_figure_legend"))}</text>']
    x, y, box = 0.0, top + 24, 132
    for index, label, hatched in items:
        if x + box > width:
            x, y = 0.0, y + 30
        fill, _, name = _fill(index)
        parts.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="22" height="22" fill="{fill}" stroke="{LABEL}" '
                     f'class="need-fig__b{name}"/>')
        if hatched:
            parts.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="22" height="22" fill="url(#{prefix}-schraffur)"/>')
        parts.append(f'<text x="{_n(x + 28)}" y="{_n(y + 16)}" font-size="12" fill="{LABEL}" '
                     f'class="need-fig__label">{escape(label)}</text>')
        x += box
    return parts, y + 30


def _cell_text(needs: Needs, t: Callable, district: str, phase: str) -> tuple[str, int | None]:
    cell = needs.cell(district, phase)
    if cell.young is None:
        return t("needs_unknown"), None
    if cell.per_thousand is None:
        return "–", None  # no young people: no rate
    if not cell.offers:
        return t("gaps_none"), 0
    return german_number(cell.per_thousand, 1), -1


def heat_map(needs: Needs, t: Callable, prefix: str = "waermebild") -> str:
    """Districts × life phases: each cell its offers per 1,000 young people, in figures and colour."""
    limits = thresholds(c.per_thousand for row in needs.cells.values() for c in row.values())
    longest = max((len(name) for _, name in needs.districts), default=10)
    left, cell_w, cell_h = max(120, round(longest * 7.5) + 16), 124, 46
    heads = [_lines(phase.name, 15) for phase in needs.phases]
    head_h = 16 * max((len(lines) for lines in heads), default=1) + 10
    width = left + cell_w * len(needs.phases)
    parts = [_defs(prefix)]
    for column, lines in enumerate(heads):
        x = left + cell_w * column + cell_w / 2
        spans = "".join(f'<tspan x="{_n(x)}" dy="{0 if i == 0 else 16}">{escape(line)}</tspan>'
                        for i, line in enumerate(lines))
        parts.append(f'<text x="{_n(x)}" y="14" font-size="11.5" font-weight="700" text-anchor="middle" '
                     f'fill="{LABEL}" class="need-fig__label">{spans}</text>')
    for row, (district, name) in enumerate(needs.districts):
        y = head_h + cell_h * row
        parts.append(f'<text x="{_n(left - 8)}" y="{_n(y + cell_h / 2 + 5)}" font-size="13" text-anchor="end" '
                     f'fill="{LABEL}" class="need-fig__label">{escape(name)}</text>')
        for column, phase in enumerate(needs.phases):
            x = left + cell_w * column
            cell = needs.cell(district, phase.id)
            text, kind = _cell_text(needs, t, district, phase.id)
            index = None if kind is None else step(cell.per_thousand or 0, limits)
            fill, ink, name_class = _fill(index)
            parts.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{cell_w}" height="{cell_h}" fill="{fill}" '
                         f'stroke="{LABEL}" class="need-fig__b{name_class}"/>')
            lines = [text] + ([t("needs_below")] if cell.flagged else [])
            if cell.flagged:
                parts.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{cell_w}" height="{cell_h}" '
                             f'fill="url(#{prefix}-schraffur)"/>')
                parts.append(f'<rect x="{_n(x + 10)}" y="{_n(y + 5)}" width="{cell_w - 20}" height="{cell_h - 10}" '
                             f'rx="3" fill="{fill}" class="need-fig__b{name_class}"/>')
            top = y + cell_h / 2 + (5 if len(lines) == 1 else -2)
            for i, line in enumerate(lines):
                size, weight = (15, "700") if i == 0 else (11, "400")
                parts.append(f'<text x="{_n(x + cell_w / 2)}" y="{_n(top + 14 * i)}" font-size="{size}" '
                             f'font-weight="{weight}" text-anchor="middle" fill="{ink}" '
                             f'class="need-fig__t{name_class}">{escape(line)}</text>')
    legend, height = _legend(t, prefix, limits, head_h + cell_h * len(needs.districts) + 12, width)
    parts += legend
    title, desc = t("needs_heatmap_title"), t("needs_heatmap_desc")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {_n(height)}" class="need-fig__svg" '
            f'role="img" aria-labelledby="{prefix}-titel" aria-describedby="{prefix}-text">'
            f'<title id="{prefix}-titel">{escape(title)}</title><desc id="{prefix}-text">{escape(desc)}</desc>'
            + "\n".join(parts) + "</svg>")


def district_rates(needs: Needs) -> tuple[dict[str, float | None], float | None]:
    """Each district's offers per 1,000 of its young people over all life phases with figures, and the same over
    the districts with figures together (the city's value)."""
    rates = {need.district: None if not need.young else need.offers * 1000 / need.young for need in needs.ranking}
    counted = [need for need in needs.ranking if need.young]
    people = sum(need.young for need in counted)
    return rates, (sum(need.offers for need in counted) * 1000 / people if people else None)


def below_need(needs: Needs, rate: float | None, city: float | None) -> bool:
    """Under the minimum of site.yaml or under half the city's value, as a cell of the table is."""
    if rate is None:
        return False
    minimum = needs.figures.minimum
    return (minimum is not None and rate < minimum) or (city is not None and rate < city / 2)


def _rings(shape) -> list[list]:
    polygons = shape.coordinates if shape.kind == "MultiPolygon" else [shape.coordinates]
    return [polygon for polygon in polygons if polygon]


def _ring_centre(ring: list) -> tuple[float, float, float]:
    """(area, x, y) of a ring's centroid (shoelace); the mean of its points for a ring without area."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return 0.0, sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


def district_map(needs: Needs, t: Callable, districts_url: str, prefix: str = "karte", width: int = 640) -> str:
    """The districts of daten/stadtteile.geojson, each a link to its page (districts_url + id + "/"), coloured and
    labelled by its offers per 1,000 young people over all life phases. "" without shapes."""
    shapes = [s for s in needs.figures.shapes if any(_rings(s))]
    if not shapes:
        return ""
    points = [p for s in shapes for polygon in _rings(s) for ring in polygon for p in ring]
    lat = sum(p[1] for p in points) / len(points)
    scale_x = math.cos(math.radians(lat))
    xs, ys = [p[0] * scale_x for p in points], [p[1] for p in points]
    margin = 8
    factor = (width - 2 * margin) / max(max(xs) - min(xs), 1e-9)
    map_h = (max(ys) - min(ys)) * factor + 2 * margin

    def project(p) -> tuple[float, float]:
        return margin + (p[0] * scale_x - min(xs)) * factor, margin + (max(ys) - p[1]) * factor

    rates, city = district_rates(needs)
    limits = thresholds(rates.values())
    names = dict(needs.districts)
    parts = [_defs(prefix)]
    for shape in sorted(shapes, key=lambda s: list(names).index(s.district)):
        district = shape.district
        rate = rates[district]
        flagged = below_need(needs, rate, city)
        index = None if rate is None else step(rate, limits)
        fill, ink, name_class = _fill(index)
        path = " ".join("M" + " L".join(f"{_n(x)} {_n(y)}" for x, y in map(project, ring)) + " Z"
                        for polygon in _rings(shape) for ring in polygon)
        figure = t("needs_unknown") if rate is None else german_number(rate, 1)
        label = t("needs_map_link", name=names[district], rate=figure)
        if flagged:
            label += ", " + t("needs_map_below")
        parts.append(f'<a href="{escape(districts_url + district + "/")}" aria-label="{escape(label)}">')
        parts.append(f'<path d="{path}" fill="{fill}" stroke="{LABEL}" stroke-width="1.5" '
                     f'class="need-fig__b{name_class} need-fig__area"/>')
        if flagged:
            parts.append(f'<path d="{path}" fill="url(#{prefix}-schraffur)" stroke="none"/>')
        _, cx, cy = max(_ring_centre(polygon[0]) for polygon in _rings(shape))
        x, y = project((cx, cy))
        lines = [names[district], figure]
        box_w = max(len(line) for line in lines) * 7 + 12
        parts.append(f'<rect x="{_n(x - box_w / 2)}" y="{_n(y - 17)}" width="{box_w}" height="36" rx="3" '
                     f'fill="{fill}" class="need-fig__b{name_class}"/>')
        for i, line in enumerate(lines):
            parts.append(f'<text x="{_n(x)}" y="{_n(y - 3 + 15 * i)}" font-size="{12 if i == 0 else 14}" '
                         f'font-weight="{400 if i == 0 else 700}" text-anchor="middle" fill="{ink}" '
                         f'class="need-fig__t{name_class}">{escape(line)}</text>')
        parts.append("</a>")
    legend, height = _legend(t, prefix, limits, map_h + 8, width)
    parts += legend
    title = t("needs_map_title")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {_n(height)}" class="need-fig__svg" '
            f'role="group" aria-labelledby="{prefix}-titel">'
            f'<title id="{prefix}-titel">{escape(title)}</title>' + "\n".join(parts) + "</svg>")
