"""Stage 4, generate: the catalogue as a PDF to print and pass on, laid out by WeasyPrint from HTML.

The PDF holds a cover, the contents with page numbers, the life phases in the order of the prevention chain
with their offers (key facts and a QR code to the offer's page), and an index by district with page numbers.
WeasyPrint writes it as PDF/UA-1: tagged, in German, its title shown in the window, every image with an alt
text, every link described in words, a bookmark for every life phase and every offer.

An offer in several life phases is printed in full once, in the first of them along the chain; every later
phase lists it with its summary and phone number and the page of the full entry. So each chapter still
shows everything there is for that age, and the catalogue does not print the same offer six times (the help
lines belong to every phase). A life phase on its own (pdf/lebensphase-<id>.pdf) prints all its offers in
full: it is handed out on its own.

Speed: the document is laid out in parts (front matter, one part per life phase, the index), each a separate
HTML document from the one template layouts/pdf/katalog.html, then written as one PDF. The page numbers are
known by then and written as text: the front matter is first laid out with stand-ins of fixed width to
count its pages, each life phase starts where the one before ended, and references point only backwards.
CSS target-counter() would do the same in one document, but makes WeasyPrint lay out many pages twice.

Fonts: the system's, through fontconfig; any script and the emoji have one once dev.py installed Debian's Noto
fonts. A character that no installed font has is left out of the PDF (PDF/UA forbids the empty box of .notdef)
and is a warning that names the file, line and key it was written in (catalogue/check/glyphs.py); the site still
goes out. So is an address in the content that WeasyPrint cannot read.

Any other warning WeasyPrint logs stops the build with a German message (a missing alt text, a missing
language, an address it was not allowed to load): it comes from our own templates, so it is a mistake in
them, and an inaccessible PDF is never published. What WeasyPrint's PDF/UA lacks is corrected while it writes
(catalogue/render/pdf/pdfua.py). WeasyPrint loads nothing but data: addresses and files inside layouts/ and the site being
built, so the build never goes to the network. The bytes depend only on the input: the dates (also of the
fonts WeasyPrint saves anew) are the catalogue's day, the file identifier is a hash of the document's HTML.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import multiprocessing
import os
from base64 import b64encode
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from catalogue.model import facets
from catalogue.check import glyphs
from catalogue.render.pdf import pdfua
from catalogue.model.collation import german_sort_key
from catalogue.render.downloads import Download, Downloads
from catalogue.model.i18n import Texts
from catalogue.model.catalogue import WHOLE_CITY, Catalogue, LifePhase, Offer
from catalogue.render.paths import offer_url
from catalogue.problems import Problems
from catalogue.render.templates import environment

FOLDER = "pdf"
CATALOGUE_FILE = f"{FOLDER}/katalog.pdf"
TEMPLATE = "pdf/katalog.html"
STYLESHEET = "pdf/katalog.css"
VARIANT = "pdf/ua-1"
WEASYPRINT_LOGGER = "weasyprint"
SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
# WeasyPrint's warnings that content (not our templates) can cause: a character no font has, an address that
# cannot be read (a partner's „web“, say).
NOTDEF_WARNING = ".notdef glyph rendered"
MALFORMED_URL_WARNING = "Malformed URL"
PAGE_STAND_IN = 888  # as wide as any page number the front matter will show
# Beyond this a whole catalogue is no longer what anyone prints (1,000 offers are about 420 pages of A4), and
# WeasyPrint holds every page it lays out (about 1.4 MB each): a larger catalogue is one PDF per life phase.
WHOLE_CATALOGUE_MAX_OFFERS = 1000


def phase_file(phase_id: str) -> str:
    """A life phase on its own; the prefix keeps it apart from katalog.pdf whatever the phase is called."""
    return f"{FOLDER}/lebensphase-{phase_id}.pdf"


class PdfFailed(Exception):
    """The PDF could not be made, or would not be accessible; the message is German and says what to do."""


@dataclass(frozen=True)
class Entry:
    """An offer in one chapter: in full, or as a reference to its full entry in an earlier chapter."""

    offer: Offer
    anchor: str  # this entry's id in the document
    main: str  # the id of the offer's full entry
    main_phase: LifePhase  # the chapter of the full entry

    @property
    def full(self) -> bool:
        return self.anchor == self.main


@dataclass(frozen=True)
class Chapter:
    phase: LifePhase
    entries: list[Entry]


@dataclass(frozen=True)
class District:
    id: str
    name: str
    entries: list[Entry]  # the full entries of the offers held in this district itself


def _anchor(phase: LifePhase, offer: Offer) -> str:
    # "_" occurs in no id, so phase "a-b" with offer "c" and phase "a" with offer "b-c" stay apart
    return f"{phase.id}_{offer.id}"


def plan(catalogue: Catalogue, phases: list[LifePhase], texts: Texts) -> tuple[list[Chapter], list[District]]:
    """The chapters in chain order, each with its offers in the catalogue's order, and the district index.

    The index is alphabetical, the whole city first; an offer for the whole city is listed there only
    (the index says it counts for every district)."""
    main: dict[str, Entry] = {}
    chapters = []
    for phase in phases:
        entries = []
        for offer in catalogue.by_life_phase[phase.id]:
            anchor = _anchor(phase, offer)
            first = main.setdefault(offer.id, Entry(offer, anchor, anchor, phase))
            entries.append(first if first.anchor == anchor else Entry(offer, anchor, first.main, first.main_phase))
        chapters.append(Chapter(phase, entries))
    position = {offer.id: number for number, offer in enumerate(catalogue.offers)}
    full = sorted(main.values(), key=lambda entry: position[entry.offer.id])
    site = catalogue.site
    names = {d: facets.district_name(site, texts, d) for d in site.districts}
    districts = sorted(site.districts, key=lambda d: (d != WHOLE_CITY, german_sort_key(names[d])))
    index = [District(d, names[d], [entry for entry in full if d in entry.offer.districts]) for d in districts]
    return chapters, index


QR_MODULE_PIXELS = 4  # drawn without smoothing (katalog.css: image-rendering), so any size prints sharp


def make_qr_png(url: str) -> bytes:
    """The QR code of `url` as a black-and-white PNG (segno: error correction M, the standard quiet zone of 4
    modules). A PNG rather than SVG: WeasyPrint parses an SVG path in Python, which took a tenth of the PDF's
    time for a code per offer."""
    import segno

    buffer = io.BytesIO()
    try:
        code = segno.make(url, error="m", micro=False)
    except segno.DataOverflowError:
        raise PdfFailed(f"Die Adresse {url[:60]}… ist zu lang für einen QR-Code ({len(url)} Zeichen). Kürzen Sie "
                        "basis_url in site.yaml; eine Internetadresse hat selten mehr als 100 Zeichen.") from None
    code.save(buffer, kind="png", scale=QR_MODULE_PIXELS)
    return buffer.getvalue()


_qr_codes: dict[str, bytes] = {}  # made ahead by write_pdfs, inherited by its workers


def qr_png(url: str) -> bytes:
    png = _qr_codes.get(url)
    if png is None:
        png = _qr_codes[url] = make_qr_png(url)
    return png


def _make_qr_codes(urls: list[str], workers: int) -> None:
    """segno takes a few milliseconds a code (it tries all eight masks, as the standard says): for a large
    catalogue that is seconds, so the codes are made once, on all cores, before the documents are laid out."""
    missing = [url for url in urls if url not in _qr_codes]
    if workers < 2 or len(missing) < 100:
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        _qr_codes.update(zip(missing, pool.map(make_qr_png, missing, chunksize=50)))


def qr_data_uri(url: str) -> str:
    return "data:image/png;base64," + b64encode(qr_png(url)).decode("ascii")


class Parts:
    """The HTML of the document's parts, from layouts/pdf/katalog.html: the whole catalogue or one life phase."""

    def __init__(self, catalogue: Catalogue, layouts_dir: Path, phase: LifePhase | None = None):
        self.texts = texts = Texts.load(layouts_dir)
        self.template = environment(layouts_dir, texts, texts).get_template(TEMPLATE)
        site = catalogue.site
        self.chapters, self.index = plan(catalogue, [phase] if phase else site.life_phases, texts)
        title = texts("pdf_title_phase", phase=phase.name, title=site.title) if phase else site.title
        self.context = {"catalogue": catalogue, "site": site, "root": site.base_url, "page_path": "",
                        "phase": phase, "document_title": title, "chapters": self.chapters, "index": self.index,
                        "offer_url": lambda offer: offer_url(site, offer.id), "qr": qr_data_uri}

    def html(self, part: str, pages: dict[str, int] | None = None, chapter: Chapter | None = None) -> str:
        """part: "front" (cover and contents), "chapter" or "index"; pages: the page of each anchor, None for
        stand-ins."""
        return self.template.render(**self.context, part=part, chapter=chapter,
                                    page_of=lambda anchor: PAGE_STAND_IN if pages is None else pages[anchor])

    def link_descriptions(self, pages: dict[str, int]) -> dict[str, str]:
        """What a link to each life phase, entry and the index leads to, in words: „Elterntelefon, Seite 4“."""
        targets = {"stadtteile": self.texts("pdf_index_heading")}
        for chapter in self.chapters:
            targets[chapter.phase.id] = chapter.phase.name
            targets.update((entry.anchor, entry.offer.title) for entry in chapter.entries)
        return {anchor: self.texts("pdf_link_to", title=title, page=pages[anchor]) for anchor, title in targets.items()}


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class RefusedAddress(ValueError):
    pass


def url_fetcher(allowed: list[Path]):
    """WeasyPrint's fetcher, limited to data: addresses and files inside the allowed folders."""
    from weasyprint import URLFetcher

    roots = [root.resolve() for root in allowed]

    class LocalOnly(URLFetcher):
        def fetch(self, url, headers=None):
            scheme = url.partition(":")[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(url2pathname(urlsplit(url).path)).resolve()
                if any(path.is_relative_to(root) for root in roots):
                    return super().fetch(url, headers)
            raise RefusedAddress(f"nicht erlaubt: {url}")

    return LocalOnly(allowed_protocols=("data", "file"), allow_redirects=False)


def _explain(record: logging.LogRecord) -> str:
    """WeasyPrint's message in German, with what to change."""
    text = record.getMessage()
    if "alt description" in str(record.msg):
        source = str(record.args[0]) if record.args else ""
        source = source if len(source) < 60 else source[:57] + "…"
        return (f"Ein Bild hat keinen Alternativtext ({source}). Geben Sie ihm in den Vorlagen unter layouts/pdf/ "
                "ein alt-Attribut, das in Worten sagt, was das Bild zeigt oder wohin es führt.")
    if '"lang"' in str(record.msg):
        return ("Dem Dokument fehlt die Sprache. Setzen Sie lang am html-Element in layouts/pdf/katalog.html "
                "(z. B. lang=\"de\").")
    if "nicht erlaubt:" in text:
        return (f"Die Vorlagen verlangen eine Adresse, die das PDF nicht laden darf ({text}). Das PDF verwendet "
                "nur Dateien aus layouts/ und der gebauten Website, nie etwas aus dem Internet.")
    return f"WeasyPrint meldet: {text}"


def _load_weasyprint() -> None:
    """Imported only when a PDF is made: `check` and --no-pdf work without Pango."""
    try:
        import weasyprint  # noqa: F401
    except OSError as error:  # Pango or fontconfig missing: cffi cannot load the library
        raise PdfFailed(f"WeasyPrint findet eine Systembibliothek nicht ({error}). Unter Debian: sudo apt-get "
                        f"install {SYSTEM_PACKAGES} – oder bauen Sie ohne PDF: python build.py --no-pdf") from None


@contextlib.contextmanager
def _page_references_once():
    """pydyf builds the list of all page references each time it is asked, and WeasyPrint's tagging asks once
    per tagged element: quadratic in the pages. Keep the list while the number of pages stays the same."""
    import pydyf

    original = pydyf.PDF.page_references

    def page_references(pdf):
        kids = pdf.pages["Kids"]
        cached = pdf.__dict__.get("_katalog_page_references")
        if cached is None or cached[0] != len(kids):
            cached = len(kids), original.fget(pdf)
            pdf.__dict__["_katalog_page_references"] = cached
        return cached[1]

    pydyf.PDF.page_references = property(page_references)
    try:
        yield
    finally:
        pydyf.PDF.page_references = original


@contextlib.contextmanager
def _font_dates(today_iso: str):
    """fontTools dates a font it saves (WeasyPrint saves the colour emoji font without its pictures) with the
    current time, unless SOURCE_DATE_EPOCH says otherwise: while the PDF is written, it is the catalogue's day."""
    day = datetime.combine(date.fromisoformat(today_iso), time(), timezone.utc)
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(day.timestamp()))
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


@dataclass
class Findings:
    """What content caused while a PDF was written: nothing of it stops the build."""

    left_out: set[str] = field(default_factory=set)  # characters no installed font has, not in the PDF
    addresses: list[str] = field(default_factory=list)  # addresses WeasyPrint cannot read: links to nowhere

    def update(self, other: "Findings") -> None:
        self.left_out |= other.left_out
        self.addresses += [address for address in other.addresses if address not in self.addresses]


def render(parts: Parts, layouts_dir: Path, allowed: list[Path], today_iso: str) -> tuple[bytes, Findings]:
    """Lays out the parts one after the other and writes them as one PDF/UA-1 file.

    Characters that no installed font has are left out (fontconfig says which, before the layout; should Pango
    still draw a .notdef glyph, the document is laid out once more without that character). Raises PdfFailed
    if WeasyPrint warns about anything else than what content can cause."""
    findings = Findings()
    coverage = glyphs.coverage()
    for _attempt in range(2):
        data, records = _render_once(parts, layouts_dir, allowed, today_iso, findings.left_out, coverage)
        drawn_without_font = {chr(record.args[1]) for record in records if NOTDEF_WARNING in str(record.msg)}
        if not drawn_without_font - findings.left_out:
            break
        findings.left_out |= drawn_without_font
    failures = []
    for record in records:
        if NOTDEF_WARNING in str(record.msg):
            continue
        if MALFORMED_URL_WARNING in str(record.msg) and record.args:
            findings.addresses.append(str(record.args[0]))
        else:
            failures.append(_explain(record))
    if failures:  # the same problem once, with its count
        problems = "\n".join(f"  - {text}" + (f" ({failures.count(text)}-mal)" if failures.count(text) > 1 else "")
                             for text in dict.fromkeys(failures))
        raise PdfFailed(f"Das PDF des Katalogs wurde nicht geschrieben, weil es nicht barrierefrei oder nicht "
                        f"vollständig wäre:\n{problems}")
    return data, findings


def _render_once(parts: Parts, layouts_dir: Path, allowed: list[Path], today_iso: str, left_out: set[str],
                 coverage: glyphs.Coverage) -> tuple[bytes, list[logging.LogRecord]]:
    """One layout and writing of the whole document; `left_out` grows by the characters no font has."""
    _load_weasyprint()
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    logger = logging.getLogger(WEASYPRINT_LOGGER)
    collect = _Collect()
    logger.addHandler(collect)
    try:
        fetcher = url_fetcher(allowed)
        fonts = FontConfiguration()
        base = (layouts_dir / "pdf").resolve().as_uri() + "/"
        css = CSS(string=(layouts_dir / STYLESHEET).read_text(encoding="utf-8"), base_url=base, url_fetcher=fetcher,
                  font_config=fonts)
        written = hashlib.sha256(today_iso.encode("ascii"))

        def lay_out(html: str, first_page: int = 1):
            left_out.update(coverage.missing(set(html)))
            if left_out:
                html = html.translate(dict.fromkeys(map(ord, left_out)))
            written.update(html.encode("utf-8"))
            numbering = CSS(string=f"@page :first {{ counter-reset: page {first_page} }}")
            return HTML(string=html, base_url=base, url_fetcher=fetcher).render(
                stylesheets=[css, numbering], font_config=fonts, pdf_variant=VARIANT)

        front_pages = len(lay_out(parts.html("front")).pages)
        for _attempt in range(3):
            pages: dict[str, int] = {}
            documents = []
            next_page = front_pages + 1
            for chapter in parts.chapters:
                document = lay_out(parts.html("chapter", pages, chapter), next_page)
                for number, page in enumerate(document.pages, start=next_page):
                    pages.update(dict.fromkeys(page.anchors, number))
                documents.append(document)
                next_page += len(document.pages)
            documents.append(lay_out(parts.html("index", pages), next_page))
            for number, page in enumerate(documents[-1].pages, start=next_page):
                pages.update(dict.fromkeys(page.anchors, number))
            front = lay_out(parts.html("front", pages))
            if len(front.pages) == front_pages:
                break
            front_pages = len(front.pages)  # the stand-ins were too narrow after all: once more
        else:
            raise PdfFailed("Die Seitenzahlen im Inhaltsverzeichnis des PDFs stehen nicht fest: Es wird bei jedem "
                            "Versuch länger. Geben Sie .page-number in layouts/pdf/katalog.css mehr Breite.")
        whole = front.copy([page for document in [front, *documents] for page in document.pages])
        with _page_references_once(), pdfua.corrections(), _font_dates(today_iso):
            data = whole.write_pdf(pdf_variant=VARIANT, pdf_identifier=written.hexdigest()[:32].encode("ascii"),
                                   finisher=pdfua.finisher(parts.link_descriptions(pages)))
    finally:
        logger.removeHandler(collect)
    return data, collect.records


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
    _load_weasyprint()  # once, before the workers fork
    glyphs.coverage()  # the same
    _job = (catalogue, layouts_dir.resolve(), output.resolve())
    sizes: dict[str, int] = {}
    findings = Findings()
    forking = "fork" in multiprocessing.get_all_start_methods()
    try:
        progress("PDF schreiben", 0, len(tasks))
        if forking:
            _make_qr_codes([catalogue.site.base_url] + [offer_url(catalogue.site, o.id) for o in catalogue.offers],
                           os.cpu_count() or 1)
        workers = min(os.cpu_count() or 1, len(tasks))
        parallel = workers >= 2 and forking
        with (ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) if parallel
              else contextlib.nullcontext()) as pool:
            for path, size, found in (pool.map if parallel else map)(_render_task, tasks):
                sizes[path] = size
                findings.update(found)
                progress("PDF schreiben", len(sizes), len(tasks))
    finally:
        _job = None
        _qr_codes.clear()
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
