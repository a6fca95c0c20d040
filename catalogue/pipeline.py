"""The whole build, in the order it happens: validate → model → generate (PDF, open data, then pages) → index →
write.

Everything is read and checked before the first file is written; the
output appears only when all of it worked.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dataclasses import replace

from . import generate, proposal
from .downloads import Download, Downloads
from .gaps import GapTables, german_report
from .i18n import Texts, interface_languages
from .index import index_site
from .model import Catalogue
from .opendata import feeds, hsds, ical, spreadsheet
from .paths import DATA_FOLDER, GAPS_FOLDER
from .pdf import write_pdfs
from .problems import Problems
from .validate import load_catalogue
from .write import atomic_output, check_output_folder

LAYOUTS_DIR = Path(__file__).resolve().parent.parent / "layouts"


@dataclass
class Result:
    problems: Problems
    catalogue: Catalogue | None
    pages_written: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems.errors


def no_progress(stage: str, done: int, total: int) -> None:
    pass


def check(content_dir: Path, today: date, strict: bool = False, progress=no_progress,
          strict_for: list[Path] = ()) -> Result:
    """strict_for: files whose warnings count as errors even without strict (a pull request's own files)."""
    started = time.perf_counter()
    catalogue, problems = load_catalogue(content_dir, today, progress)
    if strict:
        problems.promote_warnings()
    elif strict_for:
        problems.promote_warnings({path.resolve() for path in strict_for})
    return Result(problems, catalogue, seconds=time.perf_counter() - started)


def build(content_dir: Path, output: Path, today: date, strict: bool = False, layouts_dir: Path = LAYOUTS_DIR,
          progress=no_progress, pdf: bool = False) -> Result:
    """progress(stage, done, total) is told how far the long stages are.

    pdf: also write the catalogue as PDF (pdf/katalog.pdf, one per life phase) and link it. It takes seconds
    for a few hundred offers, so library callers and most tests leave it out; the command line writes it
    unless told --no-pdf."""
    started = time.perf_counter()
    check_output_folder(output, content_dir)
    result = check(content_dir, today, strict, progress)
    if not result.ok:
        return result
    catalogue = result.catalogue
    languages = interface_languages(layouts_dir)
    german = Texts.load(layouts_dir)
    gaps = german_report(catalogue, languages, german)
    pages = generate.plan_pages(catalogue, languages, gaps)
    try:
        with atomic_output(output) as staging:
            _write_site(result, content_dir, staging, layouts_dir, languages, german, gaps, pages, progress, pdf,
                        strict)
    except _StrictWarnings:
        return result
    result.pages_written = len(pages)
    result.seconds = time.perf_counter() - started
    return result


class _StrictWarnings(Exception):
    """With --strict, the PDF warned about the content: nothing is written, as for any other warning."""


def _write_site(result: Result, content_dir: Path, staging: Path, layouts_dir: Path, languages, german: Texts,
                gaps: GapTables, pages, progress, pdf: bool, strict: bool) -> None:
    catalogue = result.catalogue
    # first, so that the pages can link the PDFs and data files with their size
    downloads = write_pdfs(catalogue, layouts_dir, staging, progress, content_dir=content_dir,
                           problems=result.problems) if pdf else Downloads()
    if strict and result.problems.warnings:
        result.problems.promote_warnings()
        raise _StrictWarnings()
    data, calendars = write_open_data(catalogue, pages, german, staging)
    downloads = replace(downloads, data=data, calendars=calendars)
    write_gap_tables(gaps, staging)
    generate.render_pages(catalogue, pages, layouts_dir, staging, progress, downloads)
    generate.write_assets(layouts_dir, staging)
    generate.write_schemas(catalogue, staging)
    proposal.write_files(catalogue, staging)
    generate.copy_images(catalogue, staging)
    progress("Suchindex", 0, 1)
    index_site(staging, [page.path for page in pages if page.searchable])


def write_open_data(catalogue: Catalogue, pages, german: Texts, root: Path) -> tuple[dict[str, Download],
                                                                                     frozenset[str]]:
    """Every export of the catalogue. Returns the files the open data page lists, by kind, and the offers with
    a calendar of their own."""
    hsds.write_files(catalogue, root / DATA_FOLDER)
    calendars = frozenset(path.parent.name for path in ical.write_files(catalogue, root) if path.name == ical.OFFER_FILE)
    spreadsheet.write_files(catalogue, root, german)
    feeds.write_files(catalogue, pages, root)
    files = {"hsds_services": f"{DATA_FOLDER}/{hsds.SERVICES_FILE}",
             "hsds_organizations": f"{DATA_FOLDER}/{hsds.ORGANIZATIONS_FILE}",
             "csv": spreadsheet.FILE, "ics": ical.CATALOGUE_FILE, "atom": feeds.FEED_FILE, "sitemap": feeds.SITEMAP_FILE}
    return {kind: Download.written(root, root / path) for kind, path in files.items()}, calendars


def write_gap_tables(gaps: GapTables, root: Path) -> None:
    for table in gaps.tables:
        spreadsheet.write_table(root / GAPS_FOLDER / table.file, table.header, table.rows)
