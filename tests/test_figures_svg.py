"""The pictures of the need figures (render/figures_svg.py): the heat map and the district map, as SVG made at build
time. Same bytes for the same figures, a number in every cell and on every district, links to the district pages,
nothing that runs or loads from elsewhere, names escaped, and colours that keep their text readable."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from catalogue import pipeline
from catalogue.model.i18n import Texts
from catalogue.model.needs import german_number, needs
from catalogue.render import figures_svg
from conftest import REPO, TODAY
from test_needs import BEDARF, INDICATORS, OFFER, POPULATION

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = 'Nord <&"> Süd'


def square(lon: float, lat: float, size: float = 0.02) -> list:
    return [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]]


SHAPES = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"stadtteil": district}, "geometry": {"type": "Polygon", "coordinates": ring}}
    for district, ring in (("mitte", square(6.85, 51.30)), ("lintorf", square(6.85, 51.33)),
                           ("nord", square(6.88, 51.33)))]}


@pytest.fixture
def figures(content):
    site = (content.root / "site.yaml").read_text(encoding="utf-8").replace("nord: Nord", "nord: 'Nord <&\"> Süd'")
    content.write("site.yaml", site + BEDARF)
    content.write("angebote/babytreff.md", OFFER.format(title="Babytreff", districts="mitte, lintorf",
                                                        formats="vor-ort"))
    content.write("daten/bevoelkerung.csv", POPULATION)
    content.write("daten/kennzahlen.csv", INDICATORS)
    content.write("daten/stadtteile.geojson", json.dumps(SHAPES))
    return content


@pytest.fixture
def found(figures):
    catalogue = figures.catalogue()
    return needs(catalogue.offers, catalogue.site)


@pytest.fixture(scope="module")
def t():
    return Texts.load(pipeline.LAYOUTS_DIR, "de")


def texts_of(svg: str) -> list[str]:
    root = ET.fromstring(svg)  # well-formed XML: every name escaped
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def test_the_heat_map_shows_a_number_or_a_word_in_every_cell(found, t):
    svg = figures_svg.heat_map(found, t)
    assert svg == figures_svg.heat_map(found, t)  # same figures, same bytes
    shown = texts_of(svg)
    assert HOSTILE in shown
    for district, _ in found.districts:
        for phase in found.phases:
            cell = found.cell(district, phase.id)
            if cell.young is None:
                expected = "unbekannt"
            elif cell.per_thousand is None:
                expected = "–"
            elif not cell.offers:
                expected = "keins"
            else:
                expected = german_number(cell.per_thousand, 1)
            assert expected in shown, (district, phase.id)
    # the hand-counted cells of test_needs: Mitte kleinkind 1 offer / 500, Lintorf 2 / 2.000, Nord none
    assert {"2,0", "1,0", "keins", "unbekannt"} <= set(shown)
    assert shown.count("unter Bedarf") == sum(c.flagged for row in found.cells.values() for c in row.values()) + 1
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None


def test_the_map_links_every_district_to_its_page(found, t):
    svg = figures_svg.district_map(found, t, "../stadtteile/")
    assert svg == figures_svg.district_map(found, t, "../stadtteile/")
    root = ET.fromstring(svg)
    links = root.findall(f"{SVG}a")
    assert [a.get("href") for a in links] == ["../stadtteile/mitte/", "../stadtteile/lintorf/", "../stadtteile/nord/"]
    labels = [a.get("aria-label") for a in links]
    # all life phases: Mitte 2 offers / 1.500, Lintorf 2 / 2.000, Nord 1 / 650 (minimum 1,5)
    assert labels == ["Mitte: 1,3 Angebote je 1.000 junge Menschen, unter Bedarf",
                      "Lintorf: 1,0 Angebote je 1.000 junge Menschen, unter Bedarf",
                      f"{HOSTILE}: 1,5 Angebote je 1.000 junge Menschen"]
    assert HOSTILE in texts_of(svg)
    assert root.get("role") == "group" and root.find(f"{SVG}title").text.startswith("Karte")
    # coordinates rounded: no number with more than one decimal
    assert not re.search(r"\d\.\d\d", " ".join(p.get("d") for p in root.iter(f"{SVG}path")))


def test_nothing_runs_and_nothing_loads_from_elsewhere(found, t):
    for svg in (figures_svg.heat_map(found, t), figures_svg.district_map(found, t, "../stadtteile/")):
        assert "<script" not in svg and "<foreignObject" not in svg
        assert not re.search(r"\son[a-z]+=", svg)
        for reference in re.findall(r'(?:href|url)\(?="?([^")]*)', svg):
            assert reference.startswith(("../stadtteile/", "#")), reference
        assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_no_shapes_no_map(content, t):
    content.write("site.yaml", (content.root / "site.yaml").read_text(encoding="utf-8") + BEDARF)
    content.write("daten/bevoelkerung.csv", POPULATION)
    catalogue = content.catalogue()
    assert figures_svg.district_map(needs(catalogue.offers, catalogue.site), t, "../stadtteile/") == ""


@pytest.mark.parametrize("palette", [figures_svg.LIGHT, figures_svg.DARK])
def test_every_step_keeps_its_text_readable(palette):
    for fill in palette:
        assert figures_svg.contrast(fill, figures_svg.text_colour(fill)) >= 4.5, fill


def test_the_dark_scheme_of_the_stylesheet_is_the_dark_palette():
    css = (REPO / "layouts/pages/gaps.css").read_text(encoding="utf-8")
    for index, fill in enumerate(figures_svg.DARK):
        assert f".need-fig__b{index} {{ fill: {fill}; }} .need-fig__t{index} {{ fill: " \
               f"{figures_svg.text_colour(fill)}; }}" in css


def test_steps_are_the_quartiles_of_the_values_above_zero():
    limits = figures_svg.thresholds([0, None, 1.0, 2.0, 3.0, 4.0, 8.0, 9.04])
    assert limits == [2.0, 3.0, 8.0, 9.0]
    assert [figures_svg.step(r, limits) for r in (0, 1.0, 2.04, 2.06, 9.04)] == [0, 1, 1, 2, 4]


def test_the_page_puts_each_picture_before_its_table(figures, tmp_path):
    output = tmp_path / "site"
    assert pipeline.build(figures.root, output, TODAY, pdf=False).ok
    html = (output / "luecken/index.html").read_text(encoding="utf-8")
    heat, table = html.index('class="need-fig__svg" role="img"'), html.index('id="tabelle-bedarf"')
    card, ranking = html.index('role="group"'), html.index('id="tabelle-rangfolge"')
    assert heat < table < card < ranking
    assert 'href="../stadtteile/lintorf/"' in html
    assert "Schematische Beispielkarte, keine echten Grenzen" in html  # beispiel: true
    assert "Nord &lt;&amp;&#34;&gt; Süd" in html or "Nord &lt;&amp;&quot;&gt; Süd" in html
