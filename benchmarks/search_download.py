"""Benchmark: how many KB the first search downloads, on synthetic catalogues of N offers.

    python benchmarks/search_download.py 1000 10000

Builds each catalogue, serves it on 127.0.0.1, opens the search page in headless Chromium, searches once
("Beratung") and adds up what the browser fetched for the search (Pagefind's files and the page's scripts), as
sent by a plain static server without compression (Pagefind's index files are compressed already). The figures
go into the README. Not a test.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import tempfile
import threading
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from synthetic import write_catalogue  # noqa: E402

from catalogue import pipeline  # noqa: E402
from datetime import date  # noqa: E402

WAIT = """
const done = arguments[arguments.length - 1];
(function poll() {
  if (document.querySelectorAll('#suche-ergebnisse li').length) return done(true);
  setTimeout(poll, 50);
})();
"""


class Counting(http.server.SimpleHTTPRequestHandler):
    """Serves the site and notes every file it sends: the worker's fetches too, which the page cannot see."""

    def log_message(self, *args):
        pass

    def send_head(self):
        file = super().send_head()
        if file is not None and hasattr(file, "fileno"):
            self.server.sent.append((self.path, os.fstat(file.fileno()).st_size))
        return file


def for_the_search(path: str) -> bool:
    """Pagefind's files and the search page's scripts (named by their content: search.c91e137702.js), and the
    vocabulary when a query finds little; not the page and the stylesheet, which every page loads. The modules the
    page preloads (<link rel="modulepreload">) are the ones it imports, fetched once: counted once here too."""
    return path.startswith(("/pagefind/", "/suche/woerter.json")) or (path.startswith("/assets/")
                                                                      and path.endswith(".js"))


def chromium(profile: str):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", f"--user-data-dir={profile}"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main(sizes: list[int]) -> None:
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            content = write_catalogue(Path(folder) / "content", size)
            site = Path(folder) / "site"
            assert pipeline.build(content, site, date(2026, 11, 22)).ok
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=site))
            server.sent = []
            threading.Thread(target=server.serve_forever, daemon=True).start()
            browser = chromium(str(Path(folder) / "profile"))
            try:
                browser.get(f"http://127.0.0.1:{server.server_address[1]}/suche/?q=Beratung")
                browser.execute_async_script(WAIT)
                entries = [(path, size) for path, size in server.sent if for_the_search(path)]
            finally:
                browser.quit()
                server.shutdown()
            total = sum(size for _, size in entries) / 1024
            index = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()) / 1024
            print(f"{size:>6} Angebote: erste Suche lädt {total:.0f} KB in {len(entries)} Dateien "
                  f"(Suchindex insgesamt {index:.0f} KB)", flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000])
