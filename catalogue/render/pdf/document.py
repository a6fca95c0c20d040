"""Stage 4, render: the catalogue as a PDF to print and pass on, laid out by WeasyPrint from HTML.

The PDF holds a cover, the contents with page numbers, the life phases in the order of the prevention chain with
their offers (key facts and a QR code to the offer's page), and an index by district with page numbers. WeasyPrint
writes it as PDF/UA-1: tagged, in German, its title shown in the window, every image with an alt text, every link
described in words, a bookmark for every life phase and every offer.

An offer in several life phases is printed in full once, in the first of them along the chain; every later phase
lists it with its summary and phone number and the page of the full entry. So each chapter still shows everything
there is for that age, and the catalogue does not print the same offer six times (the help lines belong to every
phase). A life phase on its own (pdf/lebensphase-<id>.pdf) prints all its offers in full: it is handed out on its
own.

Speed: the document is laid out in parts (front matter, one part per life phase, the index), each a separate HTML
document from the one template layouts/pdf/katalog.html, then written as one PDF. The page numbers are known by then
and written as text: the front matter is first laid out with stand-ins of fixed width to count its pages, each life
phase starts where the one before ended, and references point only backwards. CSS target-counter() would do the same
in one document, but makes WeasyPrint lay out many pages twice.

Fonts: the system's, through fontconfig; any script and the emoji have one once dev.py installed Debian's Noto
fonts. A character that no installed font has is left out of the PDF (PDF/UA forbids the empty box of .notdef) and
is a warning that names the file, line and key it was written in (catalogue/check/glyphs.py); the site still goes
out. So is an address in the content that WeasyPrint cannot read.

Any other warning WeasyPrint logs stops the build with a German message (a missing alt text, a missing language, an
address it was not allowed to load): it comes from our own templates, so it is a mistake in them, and an
inaccessible PDF is never published. What WeasyPrint's PDF/UA lacks is corrected while it writes
(catalogue/render/pdf/pdfua.py). WeasyPrint loads nothing but data: addresses and files inside layouts/ and the site
being built, so the build never goes to the network. The bytes depend only on the input: the dates (also of the
fonts WeasyPrint saves anew) are the catalogue's day, the file identifier is a hash of the document's HTML."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from catalogue.check import glyphs
from catalogue.messages.commands import say
from catalogue.model.catalogue import Catalogue
from catalogue.problems import Problems
from catalogue.render.downloads import Download, Downloads
from catalogue.render.paths import offer_url
from catalogue.render.pdf.contents import Parts
from catalogue.render.pdf.failed import PdfFailed
from catalogue.render.pdf.layout import Findings, load_weasyprint, render
from catalogue.render.pdf.qr import forget_qr_codes, make_qr_codes

FOLDER = "pdf"
CATALOGUE_FILE = f"{FOLDER}/katalog.pdf"
# Beyond this a whole catalogue is no longer what anyone prints (1,000 offers are about 420 pages of A4), and
# WeasyPrint holds every page it lays out (about 1.4 MB each): a larger catalogue is one PDF per life phase.
WHOLE_CATALOGUE_MAX_OFFERS = 1000


def phase_file(phase_id: str) -> str:
    """A life phase on its own; the prefix keeps it apart from katalog.pdf whatever the phase is called."""
    return f"{FOLDER}/lebensphase-{phase_id}.pdf"


@dataclass(frozen=True)
class _Task:
    path: str  # in the output folder
    phase_id: str | None


_job: tuple | None = None  # (catalogue, layouts_dir, output): inherited by forked workers, never pickled


def _render_task(task: _Task) -> tuple[str, int, Findings]:
    catalogue, layouts_dir, output = _job
    phase = next((p for p in catalogue.site.life_phases if p.id == task.phase_id), None)
    data, findings = render(Parts(catalogue, layouts_dir, phase), layouts_dir, [layouts_dir, output],
                            catalogue.today.isoformat())
    target = output / task.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return task.path, len(data), findings


def write_pdfs(catalogue: Catalogue, layouts_dir: Path, output: Path, progress, phases: bool = True,
               content_dir: Path | None = None, problems: Problems | None = None) -> Downloads:
    """Writes pdf/katalog.pdf and, with `phases`, one PDF per life phase that has offers. With `phases`, a
    catalogue of more than WHOLE_CATALOGUE_MAX_OFFERS offers gets no katalog.pdf: its life phases are the volumes.

    What the content caused (a character no font has, an address WeasyPrint cannot read) is added to `problems`
    as warnings with the file, line and key in `content_dir` (given both); the PDFs are written all the same.

    With two or more cores the PDFs are laid out side by side in worker processes: with two, one takes the
    whole catalogue and the other the life phases, which together are about as long."""
    global _job
    whole = not phases or len(catalogue.offers) <= WHOLE_CATALOGUE_MAX_OFFERS
    tasks = [_Task(CATALOGUE_FILE, None)] if whole else []
    if phases:  # the longest first, so that no worker is left with a long one at the end
        volumes = sorted((p for p in catalogue.site.life_phases if catalogue.by_life_phase[p.id]),
                         key=lambda p: -len(catalogue.by_life_phase[p.id]))
        tasks += [_Task(phase_file(p.id), p.id) for p in volumes]
    load_weasyprint()  # once, before the workers fork
    glyphs.coverage()  # the same
    _job = (catalogue, layouts_dir.resolve(), output.resolve())
    sizes: dict[str, int] = {}
    findings = Findings()
    forking = "fork" in multiprocessing.get_all_start_methods()
    try:
        progress(say("stage_pdf"), 0, len(tasks))
        if forking:
            make_qr_codes([catalogue.site.base_url] + [offer_url(catalogue.site, o.id) for o in catalogue.offers],
                           os.cpu_count() or 1)
        workers = min(os.cpu_count() or 1, len(tasks))
        parallel = workers >= 2 and forking
        with (ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) if parallel
              else contextlib.nullcontext()) as pool:
            for path, size, found in (pool.map if parallel else map)(_render_task, tasks):
                sizes[path] = size
                findings.update(found)
                progress(say("stage_pdf"), len(sizes), len(tasks))
    finally:
        _job = None
        forget_qr_codes()
    if problems is not None and content_dir is not None:
        problems.extend(_content_problems(findings, catalogue, layouts_dir, content_dir))
    return Downloads(Download(CATALOGUE_FILE, sizes[CATALOGUE_FILE]) if whole else None,
                     {task.phase_id: Download(task.path, sizes[task.path]) for task in tasks if task.phase_id})


def _content_problems(findings: Findings, catalogue: Catalogue, layouts_dir: Path, content_dir: Path) -> list:
    """Warnings at the file, line and key that caused each finding. An address that no content file holds comes
    from the templates: that stops the build, as any other mistake in them."""
    reported = glyphs.unprintable_problems(findings.left_out, catalogue, content_dir, layouts_dir)
    for address in findings.addresses:
        found = glyphs.content_problem(address, "pdf_bad_address", catalogue, content_dir, address=address)
        if not found:
            raise PdfFailed(f"Das PDF des Katalogs wurde nicht geschrieben: Die Vorlagen unter layouts/pdf/ "
                            f"enthalten die Adresse „{address}“, die es nicht lesen kann. Schreiben Sie sie als "
                            "vollständige Adresse (https://…).")
        reported += found
    return reported
