"""For readers of feeds and for search engines: the Atom feed of new and changed offers, sitemap.xml and
robots.txt. Every address is absolute, from basis_url, as the formats require.

A stand is a day, not a moment; feeds and sitemaps want a time, so it is that day's start in UTC.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from catalogue.model.catalogue import Catalogue
from catalogue.model.i18n import GERMAN
from catalogue.model.languages import hreflang
from catalogue.opendata import title, write
from catalogue.render.pages import NOT_FOUND
from catalogue.render.paths import DATA_FOLDER, offer_url

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
FEED_FILE = f"{DATA_FOLDER}/angebote.atom"
SITEMAP_FILE = "sitemap.xml"
FEED_ENTRIES = 50  # the most recently checked offers; a feed reader wants what is new, not the whole catalogue
SITEMAP_LIMIT = 50_000  # URLs per file, by the sitemaps protocol; above it, sitemap.xml is an index of parts


def _moment(day) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _xml(root: ET.Element) -> bytes:
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def atom_feed(catalogue: Catalogue) -> bytes:
    """The offers checked most recently, newest first: a new offer and a changed one both get a new stand."""
    site = catalogue.site
    ET.register_namespace("", ATOM)
    offers = sorted(catalogue.offers, key=lambda o: (-o.checked.toordinal(), o.id))[:FEED_ENTRIES]
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": GERMAN})
    _text(feed, "title", site.title)
    _text(feed, "id", site.base_url)
    _text(feed, "updated", _moment(offers[0].checked if offers else catalogue.today))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=site.base_url + FEED_FILE)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=site.base_url)
    _text(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", site.publisher.name)
    phases = {phase.id: phase.name for phase in site.life_phases}
    for offer in offers:
        url = offer_url(site, offer.id)
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "title", title(offer))
        _text(entry, "id", url)
        _text(entry, "updated", _moment(offer.checked))
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=url)
        _text(ET.SubElement(entry, f"{{{ATOM}}}author"), "name", catalogue.provider(offer.provider_id).name)
        for term, label in [*((p, phases[p]) for p in offer.life_phases), *((t, site.topics[t]) for t in offer.topics)]:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=term, label=label)
        _text(entry, "summary", offer.summary)
    return _xml(feed)


def _text(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = text


def sitemap_files(catalogue: Catalogue, pages) -> dict[str, bytes]:
    """sitemap.xml (and its parts when there are more than SITEMAP_LIMIT pages): every page that is its own
    canonical page, with its other languages as alternates; offers with their stand as lastmod. pages: the
    build's PlannedPages."""
    base = catalogue.site.base_url
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    urls = []
    for page in pages:
        if page.canonical is not None or page.path == NOT_FOUND:
            continue
        url = ET.Element(f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = base + page.url_path
        version = page.context.get("version")
        if version is not None:
            ET.SubElement(url, f"{{{SITEMAP}}}lastmod").text = version.offer.checked.isoformat()
        if len(page.languages) > 1:
            for link in page.languages:
                ET.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang=hreflang(link.code),
                              href=base + link.url_path)
        urls.append(url)
    parts = [urls[start:start + SITEMAP_LIMIT] for start in range(0, len(urls), SITEMAP_LIMIT)] or [[]]
    files = {}
    for number, part in enumerate(parts, start=1):
        urlset = ET.Element(f"{{{SITEMAP}}}urlset")
        urlset.extend(part)
        files[SITEMAP_FILE if len(parts) == 1 else f"sitemap-{number}.xml"] = _xml(urlset)
    if len(parts) > 1:
        index = ET.Element(f"{{{SITEMAP}}}sitemapindex")
        for name in files:
            ET.SubElement(ET.SubElement(index, f"{{{SITEMAP}}}sitemap"), f"{{{SITEMAP}}}loc").text = base + name
        files[SITEMAP_FILE] = _xml(index)
    return files


def robots_txt(catalogue: Catalogue) -> bytes:
    """Everything may be indexed; the sitemap says what there is. Crawlers read robots.txt only at the root of
    a host: under a sub-path it does no harm, and the server's own robots.txt should name the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {catalogue.site.base_url}{SITEMAP_FILE}\n".encode()


def write_files(catalogue: Catalogue, pages, folder: Path) -> list[Path]:
    """folder: the site's root. Returns the files written."""
    files = {FEED_FILE: atom_feed(catalogue), "robots.txt": robots_txt(catalogue), **sitemap_files(catalogue, pages)}
    return write({folder / name: data for name, data in files.items()})
