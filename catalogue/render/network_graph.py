"""Who works together, as a picture made at build time: the networks (left) and their member organisations
(right), a line from each network to each member. An organisation in several networks is drawn once, with a line
to each, so it joins them; a thick line says that it coordinates that network.

Plain SVG inline in the page: no script, nothing from elsewhere. Every network and every organisation with a
provider file is a link to its page, with an accessible name that says the facts („Netzwerk Frühe Hilfen:
5 Mitglieder“, „Familienzentrum Lintorf: Mitglied in 2 Netzwerken“); members without a provider file are drawn
dashed and without a link. The page puts a list with the same facts beside the picture.

The layout is simple and deterministic rather than a general graph layout: the picture has only two kinds of node,
and long German names read best in two columns. The organisations are sorted by the mean position of their
networks, then by name (so shared members sit between the networks they join); each network is centred on its
members, pushed down where it would overlap the one above. Each name has its own row, so no label overlaps
another. The attributes hold the light colours (print, PDF); the classes take the page's colour tokens
(layouts/components/network-graph/network-graph.css), so the dark colour scheme follows the page. Same networks
in, same bytes out: coordinates are rounded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from catalogue.model.collation import german_sort_key
from catalogue.render.svg_text import coordinate as _n, wrap  # _n: short, it stands in every attribute

# The light colours of layouts/base.css, for a picture shown without the page's stylesheet.
TEXT, MUTED, LINK, BORDER, ACCENT = "#1b1b1b", "#454545", "#1a4f8b", "#6f6f6f", "#0b5d3b"
BACKGROUND, SURFACE = "#ffffff", "#f3f2f1"

MARGIN = 8
NAME_SIZE, NETWORK_SIZE, LEGEND_SIZE = 14, 14, 13
LINE_HEIGHT = 18
NETWORK_WRAP, MEMBER_WRAP = 26, 38  # characters per line of a name
ROW_GAP, NETWORK_GAP = 8, 14
BOX_PAD = 10
DOT = 7  # radius of an organisation's dot
EDGES_WIDTH = 150  # the room between the two columns


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of a line's width: most letters of a sans-serif are narrower than this."""
    return len(text) * size * (0.62 if bold else 0.57)




@dataclass
class _Organisation:
    key: tuple[str, str]  # ("p", provider id) or ("o", name of a member without a provider file)
    name: str
    networks: list[int] = field(default_factory=list)  # indexes of the drawn networks
    all_networks: int = 0  # in how many networks of the catalogue it is
    coordinates: list[str] = field(default_factory=list)  # names of the networks it coordinates
    lines: list[str] = field(default_factory=list)
    y: float = 0.0  # top of its row

    @property
    def linked(self) -> bool:
        return self.key[0] == "p"

    @property
    def height(self) -> float:
        return LINE_HEIGHT * len(self.lines) + ROW_GAP

    @property
    def centre(self) -> float:
        return self.y + LINE_HEIGHT * len(self.lines) / 2


def _members(network) -> list[tuple[str, str]]:
    keys = [("p", p) for p in ([network.coordinator] if network.coordinator else []) + list(network.members)]
    keys += [("o", name) for name in network.other_members]
    return list(dict.fromkeys(keys))


def _text(x: float, y: float, line: str, size: int, css: str, fill: str, bold: bool = False,
          anchor: str = "start", extra: str = "") -> str:
    weight = ' font-weight="700"' if bold else ""
    end = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return (f'<text x="{_n(x)}" y="{_n(y)}" font-size="{size}"{weight}{end} fill="{fill}" class="{css}"{extra}>'
            f'{escape(line)}</text>')


def network_graph_svg(networks, provider_names: dict[str, str], network_href: Callable[[str], str],
                      provider_href: Callable[[str], str], texts, highlight: str | None = None) -> str:
    """The networks and their members as an inline <svg> (see the module's text); "" without networks.

    highlight: the id of the network whose page this is: it is drawn emphasised (aria-current="page") with its
    members and the other networks they belong to (joined through the shared members only); networks that share
    no member with it are left out."""
    everything = list(networks)
    shown, own, own_members = everything, None, set()
    if highlight is not None:
        own = next((n for n in everything if n.id == highlight), None)
        if own is None:
            return ""
        own_members = set(_members(own))
        shown = [n for n in everything if n.id == highlight or own_members & set(_members(n))]
    if not shown:
        return ""
    german = texts.language != "de"  # the names are German: marked as such on another language's page

    def name_of(key: tuple[str, str]) -> str:
        return provider_names.get(key[1], key[1]) if key[0] == "p" else key[1]

    organisations: dict[tuple[str, str], _Organisation] = {}
    for network in everything:
        for key in _members(network):
            organisations.setdefault(key, _Organisation(key, name_of(key))).all_networks += 1
    edges: list[tuple[int, tuple[str, str], bool]] = []  # (network index, organisation, coordinates it)
    for index, network in enumerate(shown):
        for key in _members(network):
            if highlight is not None and key not in own_members:
                continue
            organisation = organisations[key]
            organisation.networks.append(index)
            coordinates = key == ("p", network.coordinator)
            if coordinates:
                organisation.coordinates.append(network.name)
            edges.append((index, key, coordinates))
    drawn = sorted((o for o in organisations.values() if o.networks),
                   key=lambda o: (sum(o.networks) / len(o.networks), german_sort_key(o.name), o.key))

    # the organisations' column: one row each
    top = MARGIN + 4
    y = top
    for organisation in drawn:
        organisation.lines = wrap(organisation.name, MEMBER_WRAP)
        organisation.y = y
        y += organisation.height
    members_bottom = y

    # the networks' column: each centred on its members, never overlapping the one above
    heads = [wrap(network.name, NETWORK_WRAP) for network in shown]
    box_w = max(text_width(line, NETWORK_SIZE, True) for lines in heads for line in lines) + 2 * BOX_PAD
    boxes: list[tuple[float, float]] = []  # (top, height)
    below = top
    for index, lines in enumerate(heads):
        height = LINE_HEIGHT * len(lines) + 2 * BOX_PAD - 4
        centres = [o.centre for o in drawn if index in o.networks]
        wanted = sum(centres) / len(centres) - height / 2 if centres else below
        box_top = max(wanted, below)
        boxes.append((box_top, height))
        below = box_top + height + NETWORK_GAP
    column_x = MARGIN + box_w + EDGES_WIDTH
    label_x = column_x + DOT + 8
    names_w = max((text_width(line, NAME_SIZE) for o in drawn for line in o.lines), default=0)
    width = label_x + names_w + MARGIN

    parts: list[str] = []
    # the lines first, so that the nodes lie on top of them; a coordinator's thick line over the thin ones
    for index, key, coordinates in sorted(edges, key=lambda edge: edge[2]):
        organisation = organisations[key]
        box_top, height = boxes[index]
        x1, y1 = MARGIN + box_w, box_top + height / 2
        x2, y2 = column_x - DOT, organisation.centre
        middle = (x1 + x2) / 2
        css = "netgraph__edge" + (" netgraph__edge--coord" if coordinates else "") + \
            ("" if organisation.linked else " netgraph__edge--plain")
        stroke, stroke_w = (ACCENT, 4) if coordinates else (BORDER, 1.5)
        dash = "" if organisation.linked else ' stroke-dasharray="6 4"'
        parts.append(f'<path d="M{_n(x1)} {_n(y1)} C{_n(middle)} {_n(y1)} {_n(middle)} {_n(y2)} {_n(x2)} {_n(y2)}" '
                     f'fill="none" stroke="{stroke}" stroke-width="{stroke_w}"{dash} class="{css}"/>')

    lang = ' lang="de"' if german else ""
    for index, (network, lines) in enumerate(zip(shown, heads)):
        box_top, height = boxes[index]
        count = len(_members(network))
        label = texts("netgraph_network", name=network.name, count=count)
        if network.coordinator:
            label += texts("list_separator") + texts("netgraph_coordinated_by",
                                                     name=name_of(("p", network.coordinator)))
        current = network.id == highlight
        css = "netgraph__box" + (" netgraph__box--current" if current else "")
        aria_current = ' aria-current="page"' if current else ""
        parts.append(f'<a href="{escape(network_href(network.id))}" aria-label="{escape(label)}"{aria_current}>')
        parts.append(f'<rect x="{MARGIN}" y="{_n(box_top)}" width="{_n(box_w)}" height="{_n(height)}" rx="6" '
                     f'fill="{SURFACE}" stroke="{ACCENT}" stroke-width="{4 if current else 2}" class="{css}"/>')
        for i, line in enumerate(lines):
            parts.append(_text(MARGIN + BOX_PAD, box_top + BOX_PAD + 12 + LINE_HEIGHT * i, line, NETWORK_SIZE,
                               "netgraph__link", LINK, bold=True, extra=lang))
        parts.append("</a>")

    for organisation in drawn:
        label = texts("netgraph_member", name=organisation.name, count=organisation.all_networks)
        if organisation.coordinates:
            label += texts("list_separator") + texts(
                "netgraph_coordinates", networks=texts("list_separator").join(organisation.coordinates))
        if not organisation.linked:
            label += texts("list_separator") + texts("netgraph_no_page")
            parts.append(f'<g role="img" aria-label="{escape(label)}">')
        else:
            parts.append(f'<a href="{escape(provider_href(organisation.key[1]))}" aria-label="{escape(label)}">')
        dash = "" if organisation.linked else ' stroke-dasharray="3 2"'
        css = "netgraph__dot" if organisation.linked else "netgraph__dot netgraph__dot--plain"
        parts.append(f'<circle cx="{_n(column_x)}" cy="{_n(organisation.centre)}" r="{DOT}" fill="{BACKGROUND}" '
                     f'stroke="{LINK if organisation.linked else MUTED}" stroke-width="2"{dash} class="{css}"/>')
        for i, line in enumerate(organisation.lines):
            parts.append(_text(label_x, organisation.y + 13 + LINE_HEIGHT * i, line, NAME_SIZE,
                               "netgraph__link" if organisation.linked else "netgraph__plain",
                               LINK if organisation.linked else TEXT, extra=lang))
        parts.append("</a>" if organisation.linked else "</g>")

    # the legend: what a thick and a dashed line mean (words in the page's language and direction)
    legend_top = max(members_bottom, below - NETWORK_GAP) + 12
    rtl = texts.direction == "rtl"
    legend = [("coord", texts("netgraph_legend_coordinator"))]
    if any(not o.linked for o in drawn):
        legend.append(("plain", texts("netgraph_legend_no_page")))
    legend_parts = ['<g aria-hidden="true">']
    for i, (kind, words) in enumerate(legend):
        y = legend_top + 24 * i
        if kind == "coord":
            legend_parts.append(f'<path d="M{MARGIN} {_n(y + 8)} H{MARGIN + 36}" fill="none" stroke="{ACCENT}" stroke-width="4" '
                                f'class="netgraph__edge netgraph__edge--coord"/>')
        else:
            legend_parts.append(f'<path d="M{MARGIN} {_n(y + 8)} H{MARGIN + 36}" fill="none" stroke="{BORDER}" '
                                f'stroke-width="1.5" stroke-dasharray="6 4" class="netgraph__edge"/>')
        # right to left: the end of the words is their left side, so they still run from x to the right
        extra = ' direction="rtl"' if rtl else ""
        legend_parts.append(_text(MARGIN + 46, y + 13, words, LEGEND_SIZE, "netgraph__plain", TEXT,
                                  anchor="end" if rtl else "start", extra=extra))
        width = max(width, MARGIN + 46 + text_width(words, LEGEND_SIZE) + MARGIN)
    legend_parts.append("</g>")
    height = legend_top + 24 * len(legend) + 4
    parts += legend_parts

    prefix = "netzwerkbild" + (f"-{highlight}" if highlight else "")
    if highlight is None:
        title = texts("netgraph_title")
    else:
        title = texts("netgraph_title_one", name=own.name)
    desc = texts("netgraph_desc", networks=len(shown), organisations=len(drawn))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(width)} {_n(height)}" '
            f'width="{_n(width)}" height="{_n(height)}" direction="ltr" class="netgraph__svg" role="group" '
            f'aria-labelledby="{escape(prefix)}-titel" aria-describedby="{escape(prefix)}-text">'
            f'<title id="{escape(prefix)}-titel">{escape(title)}</title>'
            f'<desc id="{escape(prefix)}-text">{escape(desc)}</desc>\n' + "\n".join(parts) + "</svg>")
