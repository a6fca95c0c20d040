"""The picture of the networks inline in a small page with the site's stylesheet, in Chromium: axe-core finds
nothing in the light and the dark colour scheme, in German and in Arabic (right to left), and the dark scheme
really colours the picture through the page's tokens."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from catalogue import pipeline
from catalogue.model.i18n import Texts
from catalogue.render.assets import plan_assets
from catalogue.render.network_graph import network_graph_svg

from .checks import axe_report, axe_violations_by_scheme
from .conftest import Browser, Server

NETWORKS = [
    SimpleNamespace(id="fruehe-hilfen", name="Netzwerk Frühe Hilfen", coordinator="jugendamt",
                    members=("jugendamt", "fz-lintorf", "hebammen"), other_members=("Praxis Dr. <Öz> & \"Kollegen\"",)),
    SimpleNamespace(id="uebergang", name="Übergang Kita–Grundschule", coordinator=None,
                    members=("fz-lintorf", "gs-mitte"), other_members=()),
]
NAMES = {"jugendamt": "Jugendamt Ratingen", "fz-lintorf": "Familienzentrum Lintorf",
         "hebammen": "Hebammenpraxis Sonnenschein", "gs-mitte": "Grundschule Mitte"}

PAGE = """<!DOCTYPE html>
<html lang="{lang}" dir="{dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><link rel="stylesheet" href="{style}"></head>
<body><main id="inhalt"><h1>{title}</h1>
<figure class="netgraph">{svg}</figure>
<ul><li><a href="netzwerke/fruehe-hilfen/">Netzwerk Frühe Hilfen</a></li></ul>
</main></body></html>
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A German and an Arabic page with the picture, beside the site's one stylesheet, served over HTTP."""
    folder = tmp_path_factory.mktemp("netzwerkbild")
    assets = plan_assets(pipeline.LAYOUTS_DIR)
    style = assets.names["style.css"]
    (folder / style).write_bytes(assets.files[style])
    for lang in ("de", "ar"):
        t = Texts.load(pipeline.LAYOUTS_DIR, lang)
        svg = network_graph_svg(NETWORKS, NAMES, lambda n: f"netzwerke/{n}/", lambda p: f"anbieter/{p}/", t)
        (folder / f"{lang}.html").write_text(PAGE.format(lang=lang, dir=t.direction, title=t("netgraph_title"),
                                                         style=style, svg=svg), encoding="utf-8")
    server = Server(folder)
    yield server.origin
    server.close()


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_axe_finds_nothing_in_either_colour_scheme(driver, served, lang):
    browser = Browser(driver, {})
    browser.reset()
    browser.open(f"{served}/{lang}.html")
    for scheme, violations in axe_violations_by_scheme(browser).items():
        assert not violations, f"axe-core ({lang}, {scheme}):\n{axe_report(violations)}"


def test_the_dark_scheme_colours_the_picture_through_the_tokens(driver, served):
    browser = Browser(driver, {})
    browser.reset()
    browser.open(f"{served}/de.html")
    read = ("const s = getComputedStyle(document.querySelector(arguments[0]));"
            "return [s.fill, s.stroke];")
    light = browser.run(read, ".netgraph__edge--coord"), browser.run(read, ".netgraph__link")
    browser.set_color_scheme("dark")
    browser.settle()
    dark = browser.run(read, ".netgraph__edge--coord"), browser.run(read, ".netgraph__link")
    assert light[0][1] == "rgb(11, 93, 59)" and dark[0][1] == "rgb(127, 220, 176)"  # --color-accent
    assert light[1][0] == "rgb(26, 79, 139)" and dark[1][0] == "rgb(156, 199, 255)"  # --color-link
    browser.reset()
