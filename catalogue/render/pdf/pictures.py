"""The pictures of the need figures (catalogue/render/figures_svg.py) for a PDF: the gap report
(catalogue/render/pdf/report.py) and the catalogue's section on needs (catalogue/render/pdf/contents.py) embed them
the same way, through layouts/pdf/needs.html: as data: images, so the map's links to the district pages are dropped
(the page numbers and words around them say where to read on); the alternative text is in the template."""

from __future__ import annotations

import base64

from catalogue.model.needs import Needs
from catalogue.render import figures_svg


def svg_image(svg: str) -> str:
    """The picture as a data: address for an <img> (its alternative text says what the picture shows)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def need_pictures(needs: Needs | None, german, base_url: str) -> dict[str, str]:
    """{"heat_map": …, "map": …} ("" without district shapes); {} without figures."""
    if not needs:
        return {}
    shapes = figures_svg.district_map(needs, german, base_url + "stadtteile/")
    return {"heat_map": svg_image(figures_svg.heat_map(needs, german)), "map": svg_image(shapes) if shapes else ""}
