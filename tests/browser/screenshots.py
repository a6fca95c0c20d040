"""The screenshots in docs/bilder/, taken of the starter catalogue (content/) in headless Chromium:

    python3 dev.py screenshots          (sets up what it needs, like `dev.py test`)
    python tests/browser/screenshots.py [--ziel FOLDER]

builds content/ into a temporary folder (with --heute 2026-11-22, as the browser tests, so that the same
content gives the same pages), serves it on 127.0.0.1 under the path of its basis_url, and writes
three small PNGs: the home page on a phone, an offer page and the gap report (luecken/). The images are reduced
to a palette without dithering and compressed, so that an unchanged page gives the same file again.
"""

from __future__ import annotations

import argparse
import base64
import io
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO))

import yaml  # noqa: E402
from PIL import Image  # noqa: E402

from tests.browser.conftest import CHROMEDRIVER, CHROMIUM, TODAY, WAIT_UNTIL_SETTLED, Server  # noqa: E402

CONTENT = REPO / "content"
TARGET = REPO / "docs" / "bilder"
COLOURS = 96  # enough for text, the badges and the photos-free pages; far fewer bytes than full colour
# No caret, no animation: the same page gives the same pixels.
STILL = "*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }"


@dataclass(frozen=True)
class Shot:
    file: str
    path: str  # below the site's prefix
    width: int
    height: int  # the viewport; the image is at most `max_height` CSS pixels of the page
    scale: float
    mobile: bool
    max_height: int
    start: str = ""  # a CSS selector: the image starts a little above this element instead of at the top


SHOTS = (
    Shot("startseite-handy.png", "", 390, 844, 1, True, 844),
    Shot("angebot.png", "angebote/krabbelgruppe-lintorf/", 1024, 900, 1, False, 1500),
    Shot("luecken.png", "luecken/", 1280, 900, 1, False, 1380, "main h1"),
)


def build(output: Path) -> str:
    """Builds content/ into `output`; returns the path the site is served under ("/" or "/angebote/")."""
    from catalogue import pipeline

    result = pipeline.build(CONTENT, output, TODAY, pdf=True)  # with the PDF links, as the command line builds
    if not result.ok:
        problems = "\n".join(str(problem) for problem in result.problems.errors)
        sys.exit(f"content/ lässt sich nicht bauen:\n{problems}")
    base_url = yaml.safe_load((CONTENT / "site.yaml").read_text(encoding="utf-8"))["basis_url"]
    return urlsplit(base_url).path or "/"


def start_chromium():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for program in (CHROMIUM, CHROMEDRIVER):
        if not program.exists():
            sys.exit(f"{program} fehlt: apt-get install chromium chromium-driver (oder python3 dev.py screenshots).")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--font-render-hinting=none", "--force-color-profile=srgb",
                     "--lang=de-DE"):
        options.add_argument(argument)
    chromium = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    chromium.set_script_timeout(60)
    chromium.set_page_load_timeout(60)
    return chromium


def screenshot(chromium, url: str, shot: Shot) -> Image.Image:
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": shot.width, "height": shot.height, "deviceScaleFactor": shot.scale, "mobile": shot.mobile})
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": "", "features": [{"name": "prefers-color-scheme", "value": "light"},
                                  {"name": "prefers-reduced-motion", "value": "reduce"}]})
    chromium.get(url)
    chromium.execute_script("const s = document.createElement('style'); s.textContent = arguments[0];"
                            "document.head.append(s);", STILL)
    chromium.execute_async_script(WAIT_UNTIL_SETTLED)
    page_height = chromium.execute_script("return document.documentElement.scrollHeight")
    top = 0
    if shot.start:
        top = max(0, round(chromium.execute_script(
            "return document.querySelector(arguments[0]).getBoundingClientRect().top + scrollY", shot.start)) - 16)
    height = min(max(page_height - top, shot.height), shot.max_height)
    data = chromium.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": top + height > shot.height,
        "clip": {"x": 0, "y": top, "width": shot.width, "height": height, "scale": 1}})["data"]
    return Image.open(io.BytesIO(base64.b64decode(data)))


def small_png(image: Image.Image) -> bytes:
    """A palette of COLOURS colours without dithering (the same pixels give the same palette), compressed."""
    palette = image.convert("RGB").quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT,
                                            dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ziel", type=Path, default=TARGET, help="Ordner für die Bilder (Vorgabe: docs/bilder)")
    args = parser.parse_args(argv)
    args.ziel.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="katalog-bilder-") as folder:
        print("Baue content/ …", flush=True)
        prefix = build(Path(folder) / "site")
        server = Server(Path(folder) / "site", prefix)
        chromium = start_chromium()
        try:
            for shot in SHOTS:
                png = small_png(screenshot(chromium, server.origin + prefix + shot.path, shot))
                target = args.ziel / shot.file
                unchanged = target.exists() and target.read_bytes() == png
                if not unchanged:
                    target.write_bytes(png)
                print(f"{target.relative_to(REPO) if target.is_relative_to(REPO) else target}: "
                      f"{len(png) / 1024:.0f} KB{' (unverändert)' if unchanged else ''}", flush=True)
        finally:
            chromium.quit()
            server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
