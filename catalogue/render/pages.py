"""Stage 4, generate: decide which pages exist, render them, and put the files beside them.

Rendering runs in worker processes when there are enough pages for it to
pay off; each worker renders and writes its own share, so no HTML crosses
process boundaries.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import shutil
import signal
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from catalogue.publish import compress
from catalogue.render import proposal
from catalogue.check import schemas
from catalogue.render.downloads import Downloads
from catalogue.model.gaps import GapTables
from catalogue.model.i18n import GERMAN, Texts, interface_languages
from catalogue.model.languages import EASY_GERMAN
from catalogue.model.catalogue import Catalogue, Offer
from catalogue.render.paths import ASSET_HASH_LENGTH, DATA_FOLDER, EASY_OFFERS, GAPS_FOLDER, language_prefix, offer_path
from catalogue.render.templates import CompiledTemplates, environment

NOT_FOUND = "404.html"
SEARCH_TEMPLATE = "pages/search.html"  # has its own search form, so the header leaves it out
# Pages that show only what their context holds (an offer, a list of offers, a provider) and what every page
# shows: the build cache may reuse them (publish/cache/). They see the catalogue only through OnePageView.
REUSABLE_TEMPLATES = ("pages/offer.html", "pages/listing.html", "pages/provider.html")
# Pages that show the open data files' sizes, known only once the files are written.
SHOWING_OPEN_DATA = ("pages/open_data.html",)
PAGINATION_ALL_UP_TO = 7  # pages of a list that its pagination links all of
PARALLEL_FROM_PAGES = 400
PAGES_PER_TASK = 250
SCRIPT_IMPORT = re.compile(r'(["\'])\./([\w.-]+\.js)\1')  # import … from "./texts.js", import("./spelling.js")


@dataclass(frozen=True)
class LanguageLink:
    """Another language of the same page, for the language switcher and <link rel="alternate" hreflang>."""

    code: str  # "de", "en", …, or "ls" for Leichte Sprache
    url_path: str  # from the site's root, e.g. "en/angebote/krabbelgruppe/"


@dataclass(frozen=True)
class PlannedPage:
    path: str  # in the output folder, e.g. "angebote/krabbelgruppe/index.html"
    template: str
    context: dict = field(default_factory=dict)
    language: str = GERMAN  # of the interface
    # The same page in every language it exists in; empty for pages only in German.
    languages: tuple[LanguageLink, ...] = ()
    canonical: str | None = None  # url_path of the page search engines should show instead, if not this one
    searchable: bool = False  # in the search index (index.py gives Pagefind exactly these pages)

    def root(self, base_url: str) -> str:
        """The way from this page to the site's root. Relative, so the site works under any sub-path; only the
        404 page, which a server shows at any address, links from the path of basis_url."""
        if self.path == NOT_FOUND:
            return urlsplit(base_url).path
        return "../" * self.path.count("/")

    @property
    def url_path(self) -> str:
        return self.path.removesuffix("index.html")


def offer_versions(offer: Offer, interface_languages: list[str]) -> list[str]:
    """The languages the offer is written in: German, Leichte Sprache, the interface's languages in their order,
    then any other translation by code."""
    order = [GERMAN, EASY_GERMAN, *interface_languages]
    return sorted([GERMAN, *offer.translations],
                  key=lambda code: (order.index(code) if code in order else len(order), code))


# Free pages with these ids are not pages of their own: their text is added to the page the build makes
# from site.yaml and the interface texts.
GENERATED_PAGES = ("barrierefreiheit", "leichte-sprache")


@dataclass(frozen=True)
class Listing:
    """One page of a long list of offers: a life phase, a topic or a district."""

    kind: str  # "lebensphasen", "themen" or "stadtteile": also the folder of its pages
    id: str
    name: str
    description: str
    offers: list
    total: int
    number: int
    count: int

    def url(self, number: int) -> str:
        base = f"{self.kind}/{self.id}/"
        return base if number == 1 else f"{base}seite-{number}/"

    def numbers_shown(self) -> list[int | None]:
        """The page numbers the pagination links, None where it leaves some out („…“): every page of a short list;
        of a long one the first, the last and the pages beside this one, as GOV.UK's pagination does. A list of 80
        links on every page would be a long way for a screen reader and a phone, and made every page's
        rendering grow with the length of the list."""
        if self.count <= PAGINATION_ALL_UP_TO:
            return list(range(1, self.count + 1))
        shown = sorted({1, self.count} | {n for n in range(self.number - 1, self.number + 2) if 1 <= n <= self.count})
        numbers: list[int | None] = []
        for number in shown:
            if numbers and number - numbers[-1] > 1:
                numbers.append(number - 1 if number - numbers[-1] == 2 else None)
            numbers.append(number)
        return numbers


def plan_pages(catalogue: Catalogue, languages: list[str], gaps: GapTables) -> list[PlannedPage]:
    """Every page: those that families browse in each interface language, every version of every offer (and,
    in each interface language the offer is not translated into, a page with its facts in that language and
    its text in German), and the pages only in German, among them the gap report."""
    pages = []
    for template, path, context in _browsing_pages(catalogue, languages):
        links = tuple(LanguageLink(language, language_prefix(language) + path.removesuffix("index.html"))
                      for language in languages)
        pages += [PlannedPage(language_prefix(language) + path, template, context, language, links)
                  for language in languages]
    for position, offer in enumerate(catalogue.offers):  # position: in German title order, which search sorts by
        versions = {code: offer.version(code) for code in offer_versions(offer, languages)}
        links = tuple(LanguageLink(code, offer_path(offer.id, code)) for code in versions)
        for code, version in versions.items():
            # the German page and the translations into interface languages are searched; Leichte Sprache and
            # translations into other languages are not: the German page stands for them
            pages.append(PlannedPage(offer_path(offer.id, code) + "index.html", "pages/offer.html",
                                     {"version": version, "position": position},
                                     code if code in languages else GERMAN, links, searchable=code in languages))
        pages += [PlannedPage(offer_path(offer.id, language) + "index.html", "pages/offer.html",
                              {"version": versions[GERMAN], "position": position}, language, links,
                              canonical=offer_path(offer.id, GERMAN))
                  for language in languages if language not in versions]
    free_pages = {p.id: p for p in catalogue.pages}
    pages.append(PlannedPage("barrierefreiheit/index.html", "pages/accessibility.html",
                             {"extra": free_pages.get("barrierefreiheit")}))
    pages.append(PlannedPage("leichte-sprache/index.html", "pages/easy_language.html",
                             {"extra": free_pages.get("leichte-sprache")}))
    pages.append(PlannedPage(EASY_OFFERS + "index.html", "pages/easy_offers.html",
                             {"versions": [o.version(EASY_GERMAN) for o in catalogue.offers
                                           if EASY_GERMAN in o.translations]}))
    pages.append(PlannedPage(f"{proposal.FOLDER}/index.html", "pages/propose.html", {
        "rules": proposal.form_rules(catalogue),
        "template_text": proposal.offer_template(proposal.schema_url(catalogue), catalogue.today)}))
    pages.append(PlannedPage(f"{GAPS_FOLDER}/index.html", "pages/gaps.html",
                             {"report": gaps.report, "tables": gaps.tables}))
    pages.append(PlannedPage(f"{DATA_FOLDER}/index.html", "pages/open_data.html",
                             {"schema_files": schemas.SCHEMA_NAMES}))
    pages += [PlannedPage(f"{p.id}/index.html", "pages/page.html", {"page": p})
              for p in catalogue.pages if p.id not in GENERATED_PAGES]
    pages.append(PlannedPage(NOT_FOUND, "pages/not_found.html"))
    return pages


def _browsing_pages(catalogue: Catalogue, languages: list[str]) -> list[tuple[str, str, dict]]:
    """(template, path, context) of the pages families browse, the same in every language."""
    site = catalogue.site
    pages = [("pages/home.html", "index.html", {}), ("pages/providers.html", "anbieter/index.html", {})]
    pages += [("pages/provider.html", f"anbieter/{p.id}/index.html", {"provider": p}) for p in catalogue.providers]
    groups = {
        "lebensphasen": [(p.id, p.name, p.description, catalogue.by_life_phase[p.id]) for p in site.life_phases],
        "themen": [(i, name, "", catalogue.by_topic[i]) for i, name in site.topics.items()],
        "stadtteile": [(i, name, "", catalogue.by_district[i]) for i, name in site.districts.items()],
    }
    for kind, entries in groups.items():
        pages.append(("pages/browse.html", f"{kind}/index.html", {"kind": kind}))
        for entry_id, name, description, offers in entries:
            pages += _listing_pages(kind, entry_id, name, description, offers, site.page_size)
    # Translations into the interface's languages are indexed beside the German pages (plan_pages); without any,
    # every page the search finds is German, and it need not load a filter to tell versions apart.
    translations_searched = any(code in languages for offer in catalogue.offers for code in offer.translations)
    pages.append((SEARCH_TEMPLATE, "suche/index.html", {"translations_searched": translations_searched}))
    pages.append(("pages/shortlist.html", "merkliste/index.html", {}))
    return pages


def _listing_pages(kind, entry_id, name, description, offers, size) -> list[tuple[str, str, dict]]:
    count = max(1, -(-len(offers) // size))
    pages = []
    for number in range(1, count + 1):
        listing = Listing(kind, entry_id, name, description, offers[(number - 1) * size:number * size], len(offers),
                          number, count)
        pages.append(("pages/listing.html", listing.url(number) + "index.html", {"listing": listing}))
    return pages


class OnePageView:
    """The catalogue as a reusable page may see it: what every page shows, and the provider of an offer. Anything
    else (another offer, a count) would change the page without changing its fingerprint: a template that asks
    for it fails."""

    def __init__(self, catalogue: Catalogue):
        self.site, self.today, self.pages = catalogue.site, catalogue.today, catalogue.pages
        self.overdue, self.provider = catalogue.overdue, catalogue.provider


@dataclass(frozen=True)
class Assets:
    """The stylesheet and the scripts under names that change with their content („style.3f2a9c1b0d.css“): a
    web server may let browsers keep them for a year, because a new version has a new address."""

    files: dict[str, bytes]  # by the name they are published under
    names: dict[str, str]  # the published name of each, by its own („style.css“ → „style.3f2a9c1b0d.css“)


def plan_assets(layouts_dir: Path) -> Assets:
    """One stylesheet (the base styles, then each component's, then each page's, in a fixed order) and the
    scripts, each a file. A script that imports another names it by its published name, so its own name
    changes with what it imports."""
    parts = ([layouts_dir / "base.css"] + sorted((layouts_dir / "components").glob("*/*.css"))
             + sorted((layouts_dir / "pages").glob("*.css")))
    css = "\n".join(f"/* {p.relative_to(layouts_dir).as_posix()} */\n{p.read_text(encoding='utf-8')}" for p in parts)
    sources = {"style.css": css} | {script.name: script.read_text(encoding="utf-8")
                                     for script in sorted((layouts_dir / "scripts").glob("*.js"))}
    assets = Assets({}, {})

    def publish(name: str) -> str:
        if name not in assets.names:
            text = sources[name]
            if name.endswith(".js"):
                text = SCRIPT_IMPORT.sub(lambda match: f"{match[1]}./{publish(match[2])}{match[1]}", text)
            data = text.encode("utf-8")
            stem, suffix = name.rsplit(".", 1)
            assets.names[name] = published = \
                f"{stem}.{hashlib.sha256(data).hexdigest()[:ASSET_HASH_LENGTH]}.{suffix}"
            assets.files[published] = data
        return assets.names[name]

    for name in sources:
        publish(name)
    return assets


def write_assets(assets: Assets, output: Path) -> None:
    folder = output / "assets"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(assets.files.items()):
        (folder / name).write_bytes(data)


@dataclass
class _Job:
    catalogue: Catalogue
    pages: list[PlannedPage]
    layouts_dir: Path
    output: Path
    downloads: Downloads
    texts: dict[str, Texts]  # of every interface language, by code
    view: OnePageView
    compiled: jinja2.BytecodeCache
    assets: Assets
    compressed_copies: bool
    alongside: Callable[[], object] | None = None


_job: _Job | None = None  # set before worker processes fork, so they inherit it instead of unpickling it
_environments: dict = {}  # by interface language, made the first time a worker needs one
_compiled_in_memory = CompiledTemplates()  # for builds without a cache: each template compiled once a process


def _environment(language: str):
    if language not in _environments:
        every = _job.texts
        _environments[language] = environment(_job.layouts_dir, every[language], every[GERMAN],
                                              language_prefix(language), tuple(every.values()), _job.compiled,
                                              _job.assets.names)
    return _environments[language]


def _leave_ctrl_c_to_the_build() -> None:
    """Ctrl+C reaches every process of the terminal: the build ends and says so, its workers stay quiet."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _render_range(start: int, end: int) -> int:
    for page in _job.pages[start:end]:
        catalogue = _job.view if page.template in REUSABLE_TEMPLATES else _job.catalogue
        html = _environment(page.language).get_template(page.template).render(
            **page.context, catalogue=catalogue, site=_job.catalogue.site,
            root=page.root(_job.catalogue.site.base_url), page_path=page.url_path, not_found=page.path == NOT_FOUND,
            search_page=page.template == SEARCH_TEMPLATE, downloads=_job.downloads, language_links=page.languages,
            searchable=page.searchable,
            canonical=page.url_path if page.canonical is None else page.canonical,
        )
        target = _job.output / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = html.encode("utf-8")
        target.write_bytes(data)
        if _job.compressed_copies:
            compress.write_copies(target, data)
    return end - start


def _run_alongside() -> object:
    return _job.alongside()


def render_pages(catalogue: Catalogue, pages: list[PlannedPage], layouts_dir: Path, output: Path, progress,
                 downloads: Downloads | None = None, compiled_templates: Path | None = None,
                 assets: Assets | None = None, compressed_copies: bool = False,
                 alongside: Callable[[], object] | None = None) -> object:
    """downloads: the PDFs written before, which the pages link with their size; compiled_templates: a folder
    that keeps the compiled templates from build to build (in the build cache); assets: the stylesheet and
    scripts the pages load (plan_assets); compressed_copies: write each page's .gz and .br beside it.

    alongside: other work to do while the pages are rendered (the open data, which takes one core for a while):
    in a worker of its own when there are workers. Returns what it returns."""
    global _job
    compiled = jinja2.FileSystemBytecodeCache(str(compiled_templates)) if compiled_templates else _compiled_in_memory
    texts = {code: Texts.load(layouts_dir, code) for code in interface_languages(layouts_dir)}  # read once
    _job = _Job(catalogue, pages, layouts_dir, output, downloads or Downloads(), texts, OnePageView(catalogue),
                compiled, assets or plan_assets(layouts_dir), compressed_copies, alongside)
    _environments.clear()
    # compiled here, once, before the worker processes fork and inherit them
    for language, template in sorted({(page.language, page.template) for page in pages}):
        _environment(language).get_template(template)
    ranges = [(start, min(start + PAGES_PER_TASK, len(pages))) for start in range(0, len(pages), PAGES_PER_TASK)]
    workers = min(os.cpu_count() or 1, len(ranges))
    try:
        if len(pages) < PARALLEL_FROM_PAGES or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
            result = alongside() if alongside else None
            done = 0
            for start, end in ranges:
                done += _render_range(start, end)
                progress("Seiten schreiben", done, len(pages))
            return result
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_leave_ctrl_c_to_the_build)
        try:
            # first, so that one worker begins with it while the other renders
            other_work = pool.submit(_run_alongside) if alongside else None
            done = 0
            for future in as_completed([pool.submit(_render_range, s, e) for s, e in ranges]):
                done += future.result()
                progress("Seiten schreiben", done, len(pages))
            return other_work.result() if other_work else None
        finally:  # after Ctrl+C or an error, the pages not yet begun are not rendered for nothing
            pool.shutdown(cancel_futures=True)
    finally:
        _job = None
        _environments.clear()


def copy_icons(layouts_dir: Path, output: Path) -> None:
    """The site's icon for tabs and bookmarks, and the touch icon for a phone's home screen, at the site's root,
    where browsers look for /favicon.ico when a page names none."""
    for icon in sorted((layouts_dir / "icons").iterdir()):
        shutil.copyfile(icon, output / icon.name)


def write_schemas(catalogue: Catalogue, output: Path) -> None:
    """The JSON Schemas, with this catalogue's ids, for partners' editors."""
    folder = output / "schema"
    folder.mkdir(parents=True, exist_ok=True)
    published = schemas.site_specific_schemas(catalogue.site.terms(), [p.id for p in catalogue.providers])
    for name, schema in published.items():
        (folder / name).write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def copy_images(catalogue: Catalogue, output: Path) -> None:
    """The files of bilder/ that validation let through (media.py): nothing else is published."""
    for name, source in sorted(catalogue.media.items()):
        target = output / "bilder" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
