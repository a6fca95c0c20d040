"""The picture of the networks (render/network_graph.py): the same facts as the list beside it, every node a link
to its page (a member without a provider file: no link, drawn dashed), names escaped, labels that never overlap,
readable in the light and the dark colour scheme. The networks are stand-ins with the fields the picture reads."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import combinations
from types import SimpleNamespace

import pytest

from catalogue import pipeline
from catalogue.model.i18n import Texts
from catalogue.render.figures_svg import contrast
from catalogue.render.network_graph import network_graph_svg, text_width
from conftest import REPO

SVG = "{http://www.w3.org/2000/svg}"
STYLE = REPO / "layouts/components/network-graph/network-graph.css"


def network(id, name, members, coordinator=None, other_members=()):
    return SimpleNamespace(id=id, name=name, coordinator=coordinator, members=tuple(members),
                           other_members=tuple(other_members))


NETWORKS = [
    network("fruehe-hilfen", "Netzwerk Frühe Hilfen", ["jugendamt", "fz-lintorf", "hebammen", "kinderarzt"],
            coordinator="jugendamt", other_members=["Schwangerenberatung der Diakonie"]),
    network("uebergang", "Übergang Kita–Grundschule", ["fz-lintorf", "gs-mitte"], coordinator="gs-mitte"),
    network("lotsen", "Lotsendienst Kinderarztpraxen", ["kinderarzt"],
            other_members=["Praxis Dr. <Öz> & \"Kollegen\""]),
]
NAMES = {"jugendamt": "Jugendamt Ratingen", "fz-lintorf": "Familienzentrum Lintorf",
         "hebammen": "Hebammenpraxis Sonnenschein im Ärztehaus am Markt mit einem sehr langen Namen",
         "kinderarzt": "Kinderarztpraxis West", "gs-mitte": "Grundschule Mitte"}


def network_href(id: str) -> str:
    return f"../netzwerke/{id}/"


def provider_href(id: str) -> str:
    return f"../anbieter/{id}/"


@pytest.fixture(scope="module", params=["de", "ar"])
def t(request):
    return Texts.load(pipeline.LAYOUTS_DIR, request.param)


@pytest.fixture(scope="module")
def de():
    return Texts.load(pipeline.LAYOUTS_DIR, "de")


def draw(t, networks=NETWORKS, highlight=None) -> str:
    return network_graph_svg(networks, NAMES, network_href, provider_href, t, highlight=highlight)


def links(svg: str) -> dict[str, str]:
    """href → accessible name of every link."""
    root = ET.fromstring(svg)
    return {a.get("href"): a.get("aria-label") for a in root.iter(f"{SVG}a")}


def test_same_networks_same_bytes(t):
    assert draw(t) == draw(t)
    assert draw(t).encode("utf-8") == network_graph_svg(tuple(NETWORKS), dict(NAMES), network_href, provider_href,
                                                        t).encode("utf-8")


def test_every_network_and_every_provider_is_a_link_to_its_page(de):
    found = links(draw(de))
    assert found == {
        "../netzwerke/fruehe-hilfen/": "Netzwerk Frühe Hilfen: 5 Mitglieder, koordiniert von Jugendamt Ratingen",
        "../netzwerke/uebergang/": "Übergang Kita–Grundschule: 2 Mitglieder, koordiniert von Grundschule Mitte",
        "../netzwerke/lotsen/": "Lotsendienst Kinderarztpraxen: 2 Mitglieder",
        "../anbieter/jugendamt/": "Jugendamt Ratingen: Mitglied in 1 Netzwerk, koordiniert Netzwerk Frühe Hilfen",
        "../anbieter/fz-lintorf/": "Familienzentrum Lintorf: Mitglied in 2 Netzwerken",
        "../anbieter/hebammen/": f"{NAMES['hebammen']}: Mitglied in 1 Netzwerk",
        "../anbieter/kinderarzt/": "Kinderarztpraxis West: Mitglied in 2 Netzwerken",
        "../anbieter/gs-mitte/": "Grundschule Mitte: Mitglied in 1 Netzwerk, koordiniert Übergang Kita–Grundschule",
    }


def test_the_picture_is_a_group_with_title_and_description(de):
    root = ET.fromstring(draw(de))
    assert root.get("role") == "group"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("aria-labelledby") == title.get("id") and title.text == "Wer in Netzwerken zusammenarbeitet"
    assert root.get("aria-describedby") == desc.get("id") and desc.text.startswith("Netzwerke: 3. Organisationen: 7.")


def edges_to(svg: str, y: str) -> list[ET.Element]:
    """The lines that end at an organisation's dot (at height y)."""
    return [p for p in ET.fromstring(svg).iter(f"{SVG}path")
            if "netgraph__edge" in p.get("class") and p.get("d").endswith(f" {y}")]


def dot_of(svg: str, href: str) -> ET.Element:
    root = ET.fromstring(svg)
    return next(a for a in root.iter(f"{SVG}a") if a.get("href") == href).find(f"{SVG}circle")


def test_an_organisation_in_two_networks_is_drawn_once_with_a_line_to_each(de):
    svg = draw(de)
    assert svg.count(">Familienzentrum Lintorf<") == 1
    assert svg.count('href="../anbieter/fz-lintorf/"') == 1
    dot = dot_of(svg, "../anbieter/fz-lintorf/")
    lines = edges_to(svg, dot.get("cy"))
    assert len(lines) == 2
    starts = {re.match(r"M(\S+) (\S+)", p.get("d"))[2] for p in lines}
    assert len(starts) == 2, "the two lines come from two networks"


def test_the_coordinators_line_is_thick_and_the_others_thin(de):
    svg = draw(de)
    coordinator = edges_to(svg, dot_of(svg, "../anbieter/jugendamt/").get("cy"))
    member = edges_to(svg, dot_of(svg, "../anbieter/hebammen/").get("cy"))
    assert [(p.get("stroke-width"), "netgraph__edge--coord" in p.get("class")) for p in coordinator] == [("4", True)]
    assert [(p.get("stroke-width"), "netgraph__edge--coord" in p.get("class")) for p in member] == [("1.5", False)]


def test_members_without_a_provider_file_are_named_dashed_and_no_link(de):
    root = ET.fromstring(draw(de))
    plain = [g for g in root.iter(f"{SVG}g") if g.get("role") == "img"]
    assert [g.get("aria-label") for g in plain] == [
        "Schwangerenberatung der Diakonie: Mitglied in 1 Netzwerk, ohne eigene Seite im Katalog",
        'Praxis Dr. <Öz> & "Kollegen": Mitglied in 1 Netzwerk, ohne eigene Seite im Katalog']
    for g in plain:
        assert g.find(f".//{SVG}a") is None
        assert g.find(f"{SVG}circle").get("stroke-dasharray")
    assert not any(a.find(f"{SVG}circle") is not None and a.find(f"{SVG}circle").get("stroke-dasharray")
                   for a in root.iter(f"{SVG}a"))


def test_names_are_escaped_and_nothing_runs_or_loads_from_elsewhere(t):
    svg = draw(t)
    ET.fromstring(svg)  # well-formed: every name escaped
    assert "Praxis Dr. &lt;Öz&gt; &amp; &quot;Kollegen&quot;" in svg
    assert "<Öz>" not in svg
    assert "<script" not in svg.lower() and "style=" not in svg and " on" not in re.sub(r'"[^"]*"', '""', svg)
    assert not re.search(r'href="(?!\.\./(netzwerke|anbieter)/)', svg)
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_an_interface_language_with_names_in_german_marks_them(t):
    root = ET.fromstring(draw(t))
    names = [text for text in root.iter(f"{SVG}text") if "netgraph__link" in text.get("class")]
    assert names and all(text.get("lang") == ("de" if t.language != "de" else None) for text in names)


def boxes(svg: str) -> list[tuple[float, float, float, float, str]]:
    """(left, top, right, bottom, words) of every line of text, from the same estimate of widths the layout uses.
    Right to left, a text anchored at its end runs from x to the right."""
    found = []
    for text in ET.fromstring(svg).iter(f"{SVG}text"):
        x, y, size = float(text.get("x")), float(text.get("y")), float(text.get("font-size"))
        words = "".join(text.itertext())
        width = text_width(words, size, text.get("font-weight") == "700")
        anchor, rtl = text.get("text-anchor", "start"), text.get("direction") == "rtl"
        left = x if (anchor == "start") != rtl else x - width
        found.append((left, y - 0.8 * size, left + width, y + 0.25 * size, words))  # ascenders, descenders
    return found


@pytest.mark.parametrize("highlight", [None, "fruehe-hilfen", "lotsen"])
def test_no_label_overlaps_another_and_all_lie_inside_the_picture(t, highlight):
    svg = draw(t, highlight=highlight)
    _, _, width, height = map(float, ET.fromstring(svg).get("viewBox").split())
    found = boxes(svg)
    for a, b in combinations(found, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a[4], b[4])
    for left, top, right, bottom, words in found:
        assert 0 <= left and right <= width and 0 <= top and bottom <= height, words


def test_many_networks_sharing_many_members_still_keep_their_labels_apart(de):
    many = [network(f"n{i}", f"Netzwerk Nummer {i} mit einem langen Namen", [f"p{j}" for j in range(i, i + 6)],
                    coordinator=f"p{i}", other_members=[f"Ohne Datei {i}"]) for i in range(8)]
    names = {f"p{j}": f"Organisation {j}" for j in range(20)}
    svg = network_graph_svg(many, names, network_href, provider_href, de)
    found = boxes(svg)
    for a, b in combinations(found, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a[4], b[4])
    root = ET.fromstring(svg)
    network_boxes = [(float(r.get("y")), float(r.get("y")) + float(r.get("height"))) for r in root.iter(f"{SVG}rect")]
    for (top_a, bottom_a), (top_b, bottom_b) in zip(network_boxes, network_boxes[1:]):
        assert bottom_a <= top_b
    assert len(links(svg)) == 8 + 13


def test_on_a_networks_page_it_stands_out_with_its_neighbours(de):
    svg = draw(de, highlight="lotsen")
    found = links(svg)
    # its own members, and the network that shares one of them; not the network that shares none
    assert set(found) == {"../netzwerke/lotsen/", "../netzwerke/fruehe-hilfen/", "../anbieter/kinderarzt/"}
    root = ET.fromstring(svg)
    current = [a for a in root.iter(f"{SVG}a") if a.get("aria-current") == "page"]
    assert [a.get("href") for a in current] == ["../netzwerke/lotsen/"]
    assert current[0].find(f"{SVG}rect").get("stroke-width") == "4"
    assert root.find(f"{SVG}title").text == "Wer in Lotsendienst Kinderarztpraxen zusammenarbeitet"
    assert network_graph_svg(NETWORKS, NAMES, network_href, provider_href, de, highlight="unbekannt") == ""
    assert network_graph_svg([], NAMES, network_href, provider_href, de) == ""


def test_right_to_left_the_svg_stays_valid_and_reads_in_arabic():
    ar = Texts.load(pipeline.LAYOUTS_DIR, "ar")
    root = ET.fromstring(draw(ar))
    assert root.get("direction") == "ltr"  # the layout does not mirror on a right-to-left page
    assert root.find(f"{SVG}title").text == ar("netgraph_title")
    assert links(draw(ar))["../anbieter/fz-lintorf/"] == ar("netgraph_member", name="Familienzentrum Lintorf", count=2)
    legend = [text for text in root.iter(f"{SVG}text") if text.get("direction") == "rtl"]
    assert [text.text for text in legend] == [ar("netgraph_legend_coordinator"), ar("netgraph_legend_no_page")]


def tokens(scheme: str) -> dict[str, str]:
    css = (REPO / "layouts/base.css").read_text(encoding="utf-8")
    light = dict(re.findall(r"(--color-[a-z-]+): (#[0-9a-f]{6});", css.split("@media")[0]))
    dark_block = re.search(r"@media \(prefers-color-scheme: dark\) \{(.*?)\n\}", css, re.S)[1]
    return light if scheme == "light" else light | dict(re.findall(r"(--color-[a-z-]+): (#[0-9a-f]{6});", dark_block))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_lines_and_names_keep_their_contrast_in_both_colour_schemes(scheme):
    """The component's stylesheet colours the picture with the page's tokens; each pairing has enough contrast:
    lines and frames 3:1 against what they lie on, names 4.5:1."""
    css = STYLE.read_text(encoding="utf-8")
    colours = tokens(scheme)

    def token(selector: str, property: str) -> str:
        rule = re.search(rf"^{re.escape(selector)} \{{([^}}]*)\}}", css, re.M)[1]
        return colours[re.search(rf"(?<![-\w]){property}: var\((--color-[a-z-]+)\);", rule)[1]]

    background, surface = colours["--color-background"], token(".netgraph__box", "fill")
    for selector, property, on, minimum in [
            (".netgraph__edge", "stroke", background, 3), (".netgraph__edge--coord", "stroke", background, 3),
            (".netgraph__box", "stroke", background, 3), (".netgraph__dot", "stroke", background, 3),
            (".netgraph__dot--plain", "stroke", background, 3),
            (".netgraph__link", "fill", background, 4.5), (".netgraph__link", "fill", surface, 4.5),
            (".netgraph__plain", "fill", background, 4.5)]:
        assert contrast(token(selector, property), on) >= minimum, (scheme, selector, property)


def test_the_light_colours_in_the_attributes_are_the_light_tokens():
    from catalogue.render import network_graph
    light = tokens("light")
    assert (network_graph.TEXT, network_graph.MUTED, network_graph.LINK, network_graph.BORDER, network_graph.ACCENT,
            network_graph.BACKGROUND, network_graph.SURFACE) == tuple(light[f"--color-{name}"] for name in (
                "text", "text-muted", "link", "border", "accent", "background", "surface"))
