"""WeasyPrint lays the parts out and writes them as one PDF/UA-1: only local files, the catalogue's day as every
date, its warnings put into German (content's warnings become findings, the templates' stop the build)."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from catalogue.check import glyphs
from catalogue.render.pdf import pdfua
from catalogue.render.pdf.contents import Parts
from catalogue.render.pdf.failed import PdfFailed

STYLESHEET = "pdf/katalog.css"
VARIANT = "pdf/ua-1"
WEASYPRINT_LOGGER = "weasyprint"
SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
# WeasyPrint's warnings that content (not our templates) can cause: a character no font has, an address that
# cannot be read (a partner's „web“, say).
NOTDEF_WARNING = ".notdef glyph rendered"
MALFORMED_URL_WARNING = "Malformed URL"


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


def load_weasyprint() -> None:
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
    load_weasyprint()
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
            for part in ("needs", "index") if parts.needs else ("index",):
                documents.append(lay_out(parts.html(part, pages), next_page))
                for number, page in enumerate(documents[-1].pages, start=next_page):
                    pages.update(dict.fromkeys(page.anchors, number))
                next_page += len(documents[-1].pages)
            front = lay_out(parts.html("front", pages))
            if len(front.pages) == front_pages:
                break
            front_pages = len(front.pages)  # the stand-ins were too narrow after all: once more
        else:
            raise PdfFailed("Die Seitenzahlen im Inhaltsverzeichnis des PDFs stehen nicht fest: Es wird bei jedem "
                            "Versuch länger. Geben Sie .page-number in layouts/pdf/katalog.css mehr Breite.")
        finish = pdfua.finisher(parts.link_descriptions(pages))
        finish = pdfua.header_scopes(finish) if parts.needs else finish  # only the section on needs has tables
        whole = front.copy([page for document in [front, *documents] for page in document.pages])
        with _page_references_once(), pdfua.corrections(), _font_dates(today_iso):
            data = whole.write_pdf(pdf_variant=VARIANT, pdf_identifier=written.hexdigest()[:32].encode("ascii"),
                                   finisher=finish)
    finally:
        logger.removeHandler(collect)
    return data, collect.records
