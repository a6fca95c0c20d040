"""Benchmark: from saving an offer's file to the open page in Chromium showing the change, in the live preview.

    python benchmarks/preview_speed.py              # 1,000 offers, 7 saves; the median counts
    python benchmarks/preview_speed.py --offers 10000 --saves 5

It writes a synthetic catalogue (benchmarks/synthetic.py), starts `python build.py serve` on it as a partner
does, opens one offer's page in headless Chromium and then, one save after the other, changes the offer's title
in its file. The time runs from just before the file is written until the page's heading shows the new title
(asked every 10 ms); the page reloads itself, nobody touches it. The next save waits until the preview has
also made the search index and the open data again. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import JavascriptException
from selenium.webdriver.chrome.service import Service

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_catalogue  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
HEADING = "return document.querySelector('h1') ? document.querySelector('h1').textContent : ''"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_log(log: Path, text: str, after: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while text not in log.read_text(encoding="utf-8")[after:]:
        if time.monotonic() > deadline:
            sys.exit(f"„{text}“ kam nicht:\n{log.read_text(encoding='utf-8')}")
        time.sleep(0.02)


def chromium() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def measure(offers: int, saves: int) -> None:
    with tempfile.TemporaryDirectory(prefix="vorschau-bench-") as folder:
        content = write_catalogue(Path(folder) / "content", offers)
        offer = sorted((content / "angebote").glob("*.md"))[0]
        log = Path(folder) / "vorschau.log"
        port = free_port()
        preview = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "--content", str(content),
                                    "--output", str(Path(folder) / "site"), "--port", str(port)],
                                   cwd=REPO, stdout=subprocess.DEVNULL, stderr=log.open("w", encoding="utf-8"))
        browser = None
        try:
            started = time.perf_counter()
            wait_for_log(log, "Vorschau: ", 0, timeout=3600)
            print(f"{offers} Angebote: erster Bau in {time.perf_counter() - started:.1f} s", flush=True)
            browser = chromium()
            browser.get(f"http://127.0.0.1:{port}/angebote/{offer.stem}/")
            title = original = browser.execute_script(HEADING)
            shown, finished = [], []
            for number in range(1, saves + 1):
                new_title = f"{original} – Änderung {number}"
                text = offer.read_text(encoding="utf-8")
                before_log = len(log.read_text(encoding="utf-8"))
                saved = time.perf_counter()
                offer.write_text(text.replace(f"titel: {title}\n", f"titel: {new_title}\n", 1), encoding="utf-8")
                title = new_title
                while True:
                    try:
                        if browser.execute_script(HEADING) == new_title:
                            break
                    except JavascriptException:  # the page is just reloading
                        pass
                    if time.perf_counter() - saved > 120:
                        sys.exit(f"Die Seite zeigt die Änderung nicht:\n{log.read_text(encoding='utf-8')}")
                    time.sleep(0.01)
                shown.append(time.perf_counter() - saved)
                wait_for_log(log, "alles fertig", before_log, timeout=600)
                finished.append(time.perf_counter() - saved)
                said = log.read_text(encoding="utf-8")[before_log:].strip().splitlines()[-1]
                print(f"  Speichern {number}: Seite zeigt die Änderung nach {shown[-1]:.2f} s, "
                      f"Suche und Daten fertig nach {finished[-1]:.1f} s\n    die Vorschau: {said}", flush=True)
            print(f"Median: {statistics.median(shown):.2f} s bis zur geänderten Seite, "
                  f"{statistics.median(finished):.1f} s bis alles fertig ist")
        finally:
            if browser is not None:
                browser.quit()
            preview.terminate()
            preview.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=1000)
    parser.add_argument("--saves", type=int, default=7)
    arguments = parser.parse_args()
    measure(arguments.offers, arguments.saves)


if __name__ == "__main__":
    main()
