"""The QR code to each offer's page, as a PNG the PDF embeds; made ahead on all cores for a large catalogue."""

from __future__ import annotations

import io
import multiprocessing
from base64 import b64encode
from concurrent.futures import ProcessPoolExecutor

from catalogue.render.pdf.failed import PdfFailed

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


def make_qr_codes(urls: list[str], workers: int) -> None:
    """segno takes a few milliseconds a code (it tries all eight masks, as the standard says): for a large
    catalogue that is seconds, so the codes are made once, on all cores, before the documents are laid out."""
    missing = [url for url in urls if url not in _qr_codes]
    if workers < 2 or len(missing) < 100:
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        _qr_codes.update(zip(missing, pool.map(make_qr_png, missing, chunksize=50)))


def qr_data_uri(url: str) -> str:
    return "data:image/png;base64," + b64encode(qr_png(url)).decode("ascii")


def forget_qr_codes() -> None:
    """Drops the codes write_pdfs made ahead for its workers, once its PDFs are written."""
    _qr_codes.clear()
