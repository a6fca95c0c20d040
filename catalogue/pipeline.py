"""The whole build, in the order it happens: validate → model → generate (PDF, the pages to search, then the
other pages) → index (Pagefind, on the pages to search while the others are written) → write. The open data
and the search vocabulary are written by a render worker beside the pages.

Everything is read and checked before the first file is written; the
output appears only when all of it worked. A clean build writes a new
folder and swaps it in. With the build cache (publish/cache/) and a previous
build to start from, only what changed is made again and moved into the
output folder, and the pages left in place are the ones a clean build
would write.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from catalogue import webserver
from catalogue.check.catalogue import load_catalogue
from catalogue.messages.commands import say
from catalogue.model import search_words
from catalogue.model.catalogue import Catalogue
from catalogue.model.gaps import GapTables, german_report
from catalogue.model.i18n import Texts, interface_languages
from catalogue.opendata import ical, made_anew, spreadsheet
from catalogue.opendata.exports import write_open_data
from catalogue.problems import Problems
from catalogue.publish import compress
from catalogue.publish.cache import manifest as build_cache
from catalogue.publish.cache.fingerprints import PageFingerprints, build_fingerprint, compiled_templates
from catalogue.publish.cache.open_data import OpenDataParts
from catalogue.publish.cache.read_files import ReadFiles
from catalogue.publish.cache.reuse import Written, note_open_data_reuse, note_reuse
from catalogue.publish.index import Indexing, named_by_content
from catalogue.publish.write import (MARKER, atomic_output, check_output_folder, move_files, move_into, partial_output,
                                     replace_output)
from catalogue.render import proposal
from catalogue.render.assets import plan_assets, write_assets
from catalogue.render.downloads import Download, Downloads
from catalogue.render.html import render_pages
from catalogue.render.pages import SHOWING_OPEN_DATA, plan_pages
from catalogue.render.pdf.document import write_pdfs
from catalogue.render.site_files import copy_icons, copy_images, write_schemas

LAYOUTS_DIR = Path(__file__).resolve().parent.parent / "layouts"


@dataclass
class Result:
    problems: Problems
    catalogue: Catalogue | None
    pages_written: int = 0
    pages_rendered: int = 0  # of those: rendered again, not left in place by the build cache
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems.errors


def no_progress(stage: str, done: int, total: int) -> None:
    pass


def check(content_dir: Path, today: date, strict: bool = False, progress=no_progress,
          strict_for: list[Path] = (), cache: Path | None = None) -> Result:
    """strict_for: files whose warnings count as errors even without strict (a pull request's own files);
    cache: the build cache's folder, which remembers the files read last time."""
    started = time.perf_counter()
    if cache:
        read_files = ReadFiles(cache)
        catalogue, problems = load_catalogue(content_dir, today, progress, read_files.read_markdown)
        read_files.save()
    else:
        catalogue, problems = load_catalogue(content_dir, today, progress)
    if strict:
        problems.promote_warnings()
    elif strict_for:
        problems.promote_warnings({path.resolve() for path in strict_for})
    return Result(problems, catalogue, seconds=time.perf_counter() - started)


@dataclass
class FirstPages:
    """For the live preview: the pages someone is looking at are made and moved into the output before the rest
    of a cached build (open data, search index), and `moved(paths)` is told which of them changed."""

    paths: set[str]  # in the output folder, e.g. "angebote/krabbelgruppe/index.html"
    moved: Callable[[list[str]], None]


def build(content_dir: Path, output: Path, today: date, strict: bool = False, layouts_dir: Path = LAYOUTS_DIR,
          progress=no_progress, pdf: bool = False, cache: Path | None = None, first: FirstPages | None = None,
          compressed_copies: bool = False) -> Result:
    """progress(stage, done, total) is told how far the long stages are.

    pdf: also write the catalogue as PDF (pdf/katalog.pdf, one per life phase) and link it. It takes seconds
    for a few hundred offers, so library callers and most tests leave it out; the command line writes it
    unless told --no-pdf.

    cache: the build cache's folder (publish/cache/; the command line's is beside the output). With a usable one,
    only the pages whose inputs changed are rendered again, and the rest of `output` stays in place.

    first: pages to make and move in first (FirstPages), when the build starts from a previous one.

    compressed_copies: a .gz and a .br beside every text file, for a web server to send (publish/compress.py). The
    command line writes them when told --compress."""
    started = time.perf_counter()
    check_output_folder(output, content_dir)
    result = check(content_dir, today, strict, progress, cache=cache)
    if not result.ok:
        return result
    catalogue = result.catalogue
    languages = interface_languages(layouts_dir)
    german = Texts.load(layouts_dir)
    gaps = german_report(catalogue, languages, german)
    pages = plan_pages(catalogue, languages, gaps)
    site = _Site(result, content_dir, layouts_dir, languages, german, gaps, pages, progress, pdf, strict, cache,
                 compressed_copies)
    previous = build_cache.load(cache, output) if cache and (output / MARKER).is_file() else None
    try:
        if previous is None:
            with atomic_output(output) as staging:
                if cache:
                    build_cache.forget(cache)
                written = site.write(staging)
            if cache:
                written.files = _files_in(output) - set(written.fingerprints) - {MARKER}
        else:
            with partial_output(output) as staging:
                written = site.write(staging, output, previous, first)
                build_cache.forget(cache)  # (again, if moving the first pages did not already)
                if written.reused or written.moved_first:
                    staged = _files_in(staging) | written.moved_first
                    stale = (set(previous.pages) | previous.files) - set(written.fingerprints) - staged
                    move_into(staging, output, stale, named_by_content)
                    written.files = staged - set(written.fingerprints)
                else:
                    # nothing was left in place (a template or the program changed): the new site is whole, and
                    # replaces the old one in one step instead of file by file (a minute at 10,000 offers)
                    (staging / MARKER).write_text("", encoding="utf-8")
                    replace_output(staging, output)
                    written.files = _files_in(output) - set(written.fingerprints) - {MARKER}
    except _StrictWarnings:
        return result
    if cache:
        manifest = build_cache.Manifest(written.build, {path: previous.pages[path] for path in written.reused},
                                        written.files)
        build_cache.record(output, {path: fingerprint for path, fingerprint in written.fingerprints.items()
                                    if path not in written.reused}, manifest)
        build_cache.save(cache, output, manifest)
    result.pages_written = len(pages)
    result.pages_rendered = sum(page.path not in written.reused for page in pages)
    result.seconds = time.perf_counter() - started
    return result


class _StrictWarnings(Exception):
    """With --strict, the PDF warned about the content: nothing is written, as for any other warning."""


@dataclass
class _Site:
    """Everything checked and planned: what is left is writing it."""

    result: Result
    content_dir: Path
    layouts_dir: Path
    languages: list[str]
    german: Texts
    gaps: GapTables
    pages: list
    progress: object
    pdf: bool
    strict: bool
    cache: Path | None
    compressed_copies: bool

    def write(self, staging: Path, output: Path | None = None, previous: build_cache.Manifest | None = None,
              first: FirstPages | None = None) -> Written:
        """Writes the site into `staging`; with a `previous` build in `output`, only what changed, and the
        `first` pages straight into `output` before anything else."""
        catalogue = self.result.catalogue
        # first, so that the pages can link the PDFs and data files with their size
        downloads = write_pdfs(catalogue, self.layouts_dir, staging, self.progress, content_dir=self.content_dir,
                               problems=self.result.problems) if self.pdf else Downloads()
        if self.strict and self.result.problems.warnings:
            self.result.problems.promote_warnings()
            raise _StrictWarnings()
        downloads = replace(downloads, calendars=frozenset(o.id for o in catalogue.offers if ical.has_calendar(o)))
        written = Written("", {}, set())
        assets = plan_assets(self.layouts_dir)
        compiled = compiled_templates(self.cache) if self.cache else None
        fingerprints = None
        if self.cache:
            written.build = build_fingerprint(catalogue, self.layouts_dir, self.languages, downloads,
                                              self.compressed_copies)
            fingerprints = PageFingerprints(written.build, catalogue)
        if first and previous is not None:
            # only these pages' fingerprints before they are shown: all of them take a while at 1,000 offers
            pages = [page for page in self.pages if page.path in first.paths
                     and page.template not in SHOWING_OPEN_DATA]
            note_reuse(pages, fingerprints, previous, output, written)
            pages = [page for page in pages if page.path not in written.reused]
            render_pages(catalogue, pages, self.layouts_dir, staging, no_progress, downloads, compiled,
                         assets, self.compressed_copies)
            build_cache.forget(self.cache)
            written.moved_first = {page.path for page in pages}
            move_files(staging, output, sorted(written.moved_first))
            first.moved(sorted(written.moved_first))
        # The pages to search first: Pagefind indexes them while the rest is checked and written.
        not_noted = [page for page in self.pages if page.path not in written.fingerprints]
        note_reuse([page for page in not_noted if page.searchable], fingerprints, previous, output, written)
        in_output = written.reused | written.moved_first
        searchable = [page for page in self.pages if page.searchable and page.path not in in_output]
        at_most = len(searchable) + sum(not page.searchable for page in not_noted)  # (the cache may reuse some)
        render_pages(catalogue, searchable, self.layouts_dir, staging,
                     lambda stage, done, _: self.progress(stage, done, at_most), downloads, compiled, assets,
                     self.compressed_copies)
        indexing = Indexing({page.path: f"{output if page.path in in_output else staging}/{page.path}"
                             for page in self.pages if page.searchable}, staging,
                            output if previous is not None else None)
        try:
            note_reuse([page for page in not_noted if not page.searchable], fingerprints, previous, output, written)
            unchanged = note_open_data_reuse(catalogue, downloads.calendars, fingerprints, previous, output,
                                              written)
            parts = OpenDataParts(self.cache, written.build, fingerprints) if self.cache else None

            def open_data_and_vocabulary() -> dict[str, Download]:
                data = write_open_data(catalogue, self.pages, self.german, staging,
                                       parts.part if parts else made_anew, unchanged)
                if parts:
                    parts.save()
                search_words.write_vocabulary(catalogue, self.languages, staging)
                return data

            spreadsheet.write_gap_tables(self.gaps, staging)
            remaining = [page for page in self.pages if not page.searchable and page.path not in written.reused
                         and page.path not in written.moved_first]
            rest = [page for page in remaining if page.template not in SHOWING_OPEN_DATA]
            total = len(searchable) + len(rest)
            data = render_pages(catalogue, rest, self.layouts_dir, staging,
                                lambda stage, done, _: self.progress(stage, len(searchable) + done, total),
                                downloads, compiled, assets, self.compressed_copies,
                                alongside=open_data_and_vocabulary)
            downloads = replace(downloads, data=data)
            render_pages(catalogue, [page for page in remaining
                                     if page.template in SHOWING_OPEN_DATA],
                         self.layouts_dir, staging, no_progress, downloads, compiled, assets,
                         self.compressed_copies)
            write_assets(assets, staging)
            copy_icons(self.layouts_dir, staging)
            webserver.write_site_files(staging, catalogue.site.base_url)
            write_schemas(catalogue, staging)
            proposal.write_files(catalogue, staging)
            copy_images(catalogue, staging)
        except BaseException:
            indexing.stop()
            raise
        self.progress(say("stage_index"), 0, 1)
        indexing.finish()
        if self.compressed_copies:
            compress.add_copies(staging, output)
        return written


def _files_in(folder: Path) -> set[str]:
    """Without the compressed copies, which go where their files go (publish/write.py)."""
    return {(Path(parent) / name).relative_to(folder).as_posix()
            for parent, _, names in os.walk(folder) for name in names if not compress.is_copy(name)}
