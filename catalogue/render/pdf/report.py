"""`python build.py report --pdf bericht.pdf`: the gap report as a PDF/UA-1 document for the youth welfare committee.

Title page with the city, the day of the report and, with figures, their source and `stand` (and the notice when
they are invented examples); then the pictures of render/figures_svg.py, each as an image with its words as
alternative text and its table right after it, the need tables, and the gap tables of the page luecken/.
Laid out by WeasyPrint with the catalogue's PDF/UA corrections (pdfua.py) and its stylesheet, plus
layouts/pdf/bericht.css. Without figures, the report holds the gap tables alone. With `report --vergleich`, a last
section compares with the earlier export (commands/comparison_report.py's comparison_section: its texts, as tables).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from catalogue.model.catalogue import Catalogue
from catalogue.model.gaps import german_report
from catalogue.model.i18n import Texts, interface_languages
from catalogue.render.pdf import pdfua
from catalogue.render.pdf.failed import PdfFailed
from catalogue.render.pdf.layout import STYLESHEET, VARIANT, _Collect, _explain, _font_dates, load_weasyprint, \
    url_fetcher
from catalogue.render.pdf.pictures import need_pictures
from catalogue.render.templates import environment

TEMPLATE = "pdf/bericht.html"
REPORT_STYLESHEET = "pdf/bericht.css"


def report_html(catalogue: Catalogue, layouts_dir: Path, comparison=None) -> str:
    """comparison: a ComparisonSection (commands/comparison_report.py) or None."""
    german = Texts.load(layouts_dir)
    gaps = german_report(catalogue, interface_languages(layouts_dir), german)
    site = catalogue.site
    pictures = need_pictures(gaps.needs, german, site.base_url)
    template = environment(layouts_dir, german, german).get_template(TEMPLATE)
    return template.render(catalogue=catalogue, site=site, root=site.base_url, page_path="", report=gaps.report,
                           tables=gaps.tables, needs=gaps.needs, pictures=pictures, comparison=comparison)


def write_report(catalogue: Catalogue, layouts_dir: Path, target: Path, comparison=None) -> int:
    """Writes the report to `target`, with the comparison with an earlier export if given; its size in bytes.
    Raises PdfFailed when WeasyPrint warns (the report would not be accessible or complete) and OSError when the
    file cannot be written."""
    load_weasyprint()
    import logging

    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    today = catalogue.today.isoformat()
    html = report_html(catalogue, layouts_dir, comparison)
    logger = logging.getLogger("weasyprint")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        fetcher = url_fetcher([layouts_dir])
        fonts = FontConfiguration()
        base = (layouts_dir / "pdf").resolve().as_uri() + "/"
        sheets = [CSS(string=(layouts_dir / name).read_text(encoding="utf-8"), base_url=base, url_fetcher=fetcher,
                      font_config=fonts) for name in (STYLESHEET, REPORT_STYLESHEET)]
        document = HTML(string=html, base_url=base, url_fetcher=fetcher).render(
            stylesheets=sheets, font_config=fonts, pdf_variant=VARIANT)
        identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
        with pdfua.corrections(), _font_dates(today):
            data = document.write_pdf(pdf_variant=VARIANT, pdf_identifier=identifier,
                                      finisher=pdfua.header_scopes(pdfua.finisher({})))
    finally:
        logger.removeHandler(collect)
    failures = list(dict.fromkeys(_explain(record) for record in collect.records))
    if failures:
        raise PdfFailed("Der Bericht wurde nicht geschrieben, weil er nicht barrierefrei oder nicht vollständig "
                        "wäre:\n" + "\n".join(f"  - {text}" for text in failures))
    target.write_bytes(data)
    return len(data)
