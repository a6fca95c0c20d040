"""The planned pages rendered into HTML files. Rendering runs in worker processes when there are enough pages for it
to pay off; each worker renders and writes its own share, so no HTML crosses process boundaries."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import jinja2

from catalogue.messages.commands import say
from catalogue.model.catalogue import Catalogue
from catalogue.model.i18n import GERMAN, Texts, interface_languages
from catalogue.publish import compress
from catalogue.render.assets import Assets, plan_assets
from catalogue.render.downloads import Downloads
from catalogue.render.pages import NOT_FOUND, REUSABLE_TEMPLATES, SEARCH_TEMPLATE, PlannedPage
from catalogue.render.paths import language_prefix
from catalogue.render.templates import environment

PARALLEL_FROM_PAGES = 400
PAGES_PER_TASK = 250


class OnePageView:
    """The catalogue as a reusable page may see it: what every page shows, and the provider of an offer. Anything
    else (another offer, a count) would change the page without changing its fingerprint: a template that asks
    for it fails."""

    def __init__(self, catalogue: Catalogue):
        self.site, self.today, self.pages = catalogue.site, catalogue.today, catalogue.pages
        self.overdue, self.provider = catalogue.overdue, catalogue.provider
        self.has_networks = catalogue.has_networks  # the footer links netzwerke/ when there are networks


class CompiledTemplates(jinja2.BytecodeCache):
    """Each template compiled once for all six languages' environments (Jinja would compile it for each: seconds
    a build). Kept in memory; Jinja checks each entry against the template's source before using it."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


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
                                              _job.assets)
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
                progress(say("stage_pages"), done, len(pages))
            return result
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_leave_ctrl_c_to_the_build)
        try:
            # first, so that one worker begins with it while the other renders
            other_work = pool.submit(_run_alongside) if alongside else None
            done = 0
            for future in as_completed([pool.submit(_render_range, s, e) for s, e in ranges]):
                done += future.result()
                progress(say("stage_pages"), done, len(pages))
            return other_work.result() if other_work else None
        finally:  # after Ctrl+C or an error, the pages not yet begun are not rendered for nothing
            pool.shutdown(cancel_futures=True)
    finally:
        _job = None
        _environments.clear()
