"""The live preview (`python build.py serve`) as a partner uses it: the page open in Chromium follows the saved
file by itself; a broken file shows the notice with file and line over the last good page, and fixing it makes
the notice go. The preview runs as the command line starts it, on a copy of the fixture."""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from selenium.common.exceptions import JavascriptException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from catalogue import pipeline
from catalogue.commands.preview import NOTICE_TEXTS, placeholder_page
from catalogue.commands.preview.server import PreviewServer, PreviewState
from catalogue.model.i18n import Texts

from .checks import axe_report, axe_violations, axe_violations_by_scheme, horizontal_overflow, overflow_report
from .conftest import FIXTURE, REPO

OFFER = "angebote/krabbelgruppe.md"
OFFER_PAGE = "/angebote/angebote/krabbelgruppe/"  # under the path of the fixture's basis_url
SEARCH_PAGE = "/angebote/suche/"
STARTED = "Vorschau: "


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Preview:
    def __init__(self, folder: Path):
        self.content = shutil.copytree(FIXTURE, folder / "content")
        self.log = folder / "vorschau.log"
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, str(REPO / "build.py"), "serve", "--content", str(self.content),
             "--output", str(folder / "site"), "--port", str(self.port), "--heute", "2026-11-22"],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=self.log.open("w", encoding="utf-8"))
        self.origin = f"http://127.0.0.1:{self.port}"
        self.wait_for_log(STARTED, timeout=180)

    def wait_for_log(self, text: str, timeout: float = 60, after: int = 0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.log.read_text(encoding="utf-8")[after:]:
            if self.process.poll() is not None:
                pytest.fail(f"Die Vorschau hat sich beendet:\n{self.log.read_text(encoding='utf-8')}", pytrace=False)
            if time.monotonic() > deadline:
                pytest.fail(f"„{text}“ kam nicht:\n{self.log.read_text(encoding='utf-8')}", pytrace=False)
            time.sleep(0.05)

    def edit(self, relative: str, old: str, new: str) -> None:
        file = self.content / relative
        text = file.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    def stop(self) -> str:
        self.process.send_signal(signal.SIGINT)  # as Ctrl+C in the terminal
        code = self.process.wait(timeout=60)
        log = self.log.read_text(encoding="utf-8")
        assert code == 0, log
        return log


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    running = Preview(tmp_path_factory.mktemp("vorschau"))
    yield running
    if running.process.poll() is None:
        running.process.kill()


def wait(browser, condition, timeout: float = 30, message: str = ""):
    """Until condition() is true; a page that reloads meanwhile only means asking again."""
    return WebDriverWait(browser.driver, timeout, poll_frequency=0.05,
                         ignored_exceptions=(StaleElementReferenceException, JavascriptException)
                         ).until(lambda _: condition(), message)


def heading(browser) -> str:
    return browser.driver.find_element(By.TAG_NAME, "h1").text


def notice(browser):
    found = browser.driver.find_elements(By.CSS_SELECTOR, ".preview-notice")
    return found[0] if found else None


def test_a_saved_change_shows_on_the_open_page_without_a_reload(browser, preview):
    browser.open(preview.origin + OFFER_PAGE)
    assert heading(browser) == "Krabbelgruppe am Mittwoch"
    browser.run("window.stillTheSamePage = true")
    preview.edit(OFFER, "titel: Krabbelgruppe am Mittwoch", "titel: Krabbelgruppe am Donnerstag")
    wait(browser, lambda: heading(browser) == "Krabbelgruppe am Donnerstag", message="Die Seite zeigt die Änderung nicht")
    assert browser.run("return window.stillTheSamePage") is None, "the page has loaded itself again"


def test_a_broken_file_shows_the_problems_over_the_last_good_page_and_fixing_it_removes_them(browser, preview):
    browser.open(preview.origin + OFFER_PAGE)
    before = heading(browser)
    text = (preview.content / OFFER).read_text(encoding="utf-8")
    broken_line = text.splitlines().index("lebensphasen: [kleinkind]") + 1
    preview.edit(OFFER, "lebensphasen: [kleinkind]", "lebensphasen: [kleinkinder]")
    shown = wait(browser, lambda: notice(browser), message="Keine Meldung auf der offenen Seite")
    alert = shown.find_element(By.CSS_SELECTOR, "[role=alert]")
    assert alert.find_element(By.TAG_NAME, "h2").text == "Ihre Änderung ist noch nicht zu sehen"
    where = alert.find_element(By.CSS_SELECTOR, ".preview-notice__where").text
    assert re.search(rf"krabbelgruppe\.md:{broken_line} \(Zeile {broken_line}\), Angabe „lebensphasen → 1\. Eintrag“",
                     where), where
    assert "kleinkinder" in alert.text and "So beheben Sie es:" in alert.text
    assert heading(browser) == before, "the last good page stays under the notice"
    for scheme, violations in axe_violations_by_scheme(browser).items():
        assert not violations, f"{scheme}:\n{axe_report(violations)}"
    browser.set_viewport(320, 640)
    browser.settle()
    overflow = horizontal_overflow(browser)
    assert overflow["scrollWidth"] <= overflow["clientWidth"], overflow_report(overflow)
    # the keyboard reaches the notice first, and its button hides it
    browser.driver.find_element(By.TAG_NAME, "body").click()
    browser.run("document.activeElement.blur(); window.scrollTo(0, 0)")
    browser.press(Keys.TAB)
    focused = browser.driver.switch_to.active_element
    assert focused.text == "Meldung ausblenden"
    browser.set_viewport(1280, 900)

    preview.edit(OFFER, "lebensphasen: [kleinkinder]", "lebensphasen: [kleinkind]")
    wait(browser, lambda: notice(browser) is None, message="Die Meldung bleibt nach der Korrektur")
    assert heading(browser) == before


def test_the_search_page_says_while_its_index_is_made_again(browser, preview):
    browser.open(preview.origin + SEARCH_PAGE + "?q=Krabbelgruppe")
    wait(browser, lambda: browser.driver.find_elements(By.CSS_SELECTOR, ".search__list li"))
    browser.run("window.stillTheSamePage = true")
    offset = len(preview.log.read_text(encoding="utf-8"))
    preview.edit(OFFER, "kurz: Eltern mit Babys", "kurz: Mütter und Väter mit Babys")
    # the state shown while the index is made: caught by watching the page, however short it is
    wait(browser, lambda: browser.run("return window.stillTheSamePage") is None, message="Die Suchseite lädt nicht neu")
    preview.wait_for_log("alles fertig", after=offset)
    wait(browser, lambda: "Mütter und Väter" in browser.driver.find_element(By.CSS_SELECTOR, ".search__list").text,
         message="Die Suche findet den neuen Text nicht")


def test_ctrl_c_ends_the_preview_cleanly(preview):
    log = preview.stop()
    assert "Vorschau beendet." in log
    assert "Traceback" not in log


# --- the preview's server in this process, its state set by the test ----------------------------------------

@pytest.fixture
def preview_server(sites):
    """The fixture's built site served as the preview serves it, with a state the test changes by hand."""
    texts = Texts.load(pipeline.LAYOUTS_DIR)
    state = PreviewState({key: texts(key) for key in NOTICE_TEXTS})
    site = sites["katalog"]
    server = PreviewServer(0, site.output, site.prefix, state, placeholder_page(texts))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    state.update(stopping=True)
    server.shutdown()
    server.server_close()


def test_while_the_index_is_made_again_the_search_page_says_so_instead_of_showing_old_results(browser,
                                                                                             preview_server):
    browser.open(preview_server.address + "suche/?q=Krabbelgruppe")
    wait(browser, lambda: browser.driver.find_elements(By.CSS_SELECTOR, ".search__list li"))
    browser.run("window.stillTheSamePage = true")
    preview_server.state.update(search_ready=False)
    status = wait(browser, lambda: browser.driver.find_elements(By.CSS_SELECTOR, ".preview-search[role=status]"),
                  message="Die Suchseite sagt nicht, dass der Index erneuert wird")[0]
    assert status.text == "Der Suchindex wird gerade erneuert. Die Ergebnisse erscheinen gleich wieder."
    assert not browser.driver.find_element(By.CSS_SELECTOR, ".search__results").is_displayed()
    violations = axe_violations(browser)
    assert not violations, axe_report(violations)
    preview_server.state.update(search_ready=True, searches_made=1)
    wait(browser, lambda: browser.run("return window.stillTheSamePage") is None, message="Die Suchseite lädt nicht neu")
    wait(browser, lambda: browser.driver.find_elements(By.CSS_SELECTOR, ".search__list li"))
    assert not browser.driver.find_elements(By.CSS_SELECTOR, ".preview-search")


def test_before_there_is_a_site_a_page_shows_the_problems(browser, preview_server, tmp_path):
    preview_server.output = tmp_path / "noch-nichts"
    problem = {"ort": "content/site.yaml:3 (Zeile 3), Angabe „titel“", "meldung": "Der Titel fehlt.",
               "hinweis": "So beheben Sie es: Schreiben Sie einen Titel."}
    preview_server.state.update(problems=[problem])
    browser.open(preview_server.address)
    shown = wait(browser, lambda: notice(browser), message="Keine Meldung")
    assert "content/site.yaml:3 (Zeile 3)" in shown.text and "Der Titel fehlt." in shown.text
    assert heading(browser) == "Noch keine Vorschau"
    for scheme, violations in axe_violations_by_scheme(browser).items():
        assert not violations, f"{scheme}:\n{axe_report(violations)}"
