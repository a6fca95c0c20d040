"""The sites under test, served over HTTP, and one headless Chromium for the whole session.

Two sites are built once per session (at collection, so that every page becomes its own test):
the starter catalogue content/ and the contract-only fixture tests/fixtures/katalog, both with
--heute 2026-11-22. Each is served on 127.0.0.1 under the path of its basis_url, so that the 404 page's
links (which start from that path) work as they will in production.
"""

from __future__ import annotations

import functools
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains

from catalogue import pipeline

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "katalog"
TODAY = date(2026, 11, 22)

NODE_MODULES = HERE / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

DEFAULT_VIEWPORT = (1280, 900)


@dataclass(frozen=True)
class SiteSpec:
    name: str
    content: Path
    # Pages the keyboard tests must cover by their id (only the fixture's ids are known to the tests).
    representative: tuple[str, ...] = ()
    # The other interface languages' pages come from the same templates as the German ones: the fixture's are
    # checked (every Arabic page, for right-to-left; one of each kind in the other languages), the starter
    # catalogue's only in German.
    other_languages: bool = False


SITE_SPECS = (
    SiteSpec("beispiel", REPO / "content"),
    SiteSpec("katalog", FIXTURE, ("angebote/krabbelgruppe/index.html", "anbieter/familienzentrum/index.html",
                                  "anbieter/jugendamt/index.html", "impressum/index.html",
                                  "barrierefreiheit/index.html"), other_languages=True),
)


@dataclass(frozen=True)
class Page:
    site: str
    file: Path  # the built HTML file
    path: str  # relative to the site's folder, e.g. "angebote/krabbelgruppe/index.html"
    url_path: str  # e.g. "/angebote/angebote/krabbelgruppe/"
    kind: str  # "Startseite", "404", "freie Seite", "angebote/*/", "anbieter/", …

    @property
    def id(self) -> str:
        return f"{self.site}:{self.url_path}"

    def __str__(self) -> str:
        return f"{self.url_path} (Seite {self.path} der Website „{self.site}“)"


@dataclass(frozen=True)
class Site:
    name: str
    content: Path
    output: Path
    prefix: str  # the path of basis_url, where the site is served: "/" or "/angebote/"
    pages: tuple[Page, ...]
    representative: tuple[Page, ...]


def page_kind(path: str, free_pages: set[str]) -> str:
    """Pages of one kind come from one template: angebote/<id>/ are all "angebote/*/"."""
    if path == "index.html":
        return "Startseite"
    if path == "404.html":
        return "404"
    if not path.endswith("/index.html"):
        return path
    folders = path.split("/")[:-1]
    if len(folders) == 1 and folders[0] in free_pages:
        return "freie Seite"
    return "/".join([folders[0]] + ["*"] * (len(folders) - 1)) + "/"


def url_path(prefix: str, path: str) -> str:
    return prefix + (path.removesuffix("index.html") if path.endswith("index.html") else path)


OTHER_INTERFACE_LANGUAGES = ("en", "tr", "ar", "uk", "ru")
EVERY_PAGE_CHECKED_IN = "ar"


def interface_language(path: str) -> str:
    folder = path.split("/")[0]
    return folder if folder in OTHER_INTERFACE_LANGUAGES else "de"


def build_site(spec: SiteSpec, output: Path) -> Site:
    result = pipeline.build(spec.content, output, TODAY, pdf=True)  # as the command line does: with the PDF links
    if not result.ok:
        problems = "\n".join(str(p) for p in result.problems.errors)
        raise RuntimeError(f"Die Website aus {spec.content} lässt sich nicht bauen:\n{problems}")
    base_url = yaml.safe_load((spec.content / "site.yaml").read_text(encoding="utf-8"))["basis_url"]
    prefix = urlsplit(base_url).path or "/"
    free_pages = {p.name.split(".")[0] for p in (spec.content / "seiten").glob("*.md")}
    pages = tuple(
        Page(spec.name, file, path, url_path(prefix, path), page_kind(path, free_pages))
        for file in sorted(output.rglob("*.html"))
        for path in [file.relative_to(output).as_posix()]
        if spec.other_languages or interface_language(path) == "de"
    )
    representative = representative_pages(spec, pages)
    checked = tuple(page for page in pages if interface_language(page.path) in ("de", EVERY_PAGE_CHECKED_IN)
                    or page in representative)
    return Site(spec.name, spec.content, output, prefix, checked, representative)


def representative_pages(spec: SiteSpec, pages: tuple[Page, ...]) -> tuple[Page, ...]:
    """The pages named in the spec, plus the first page of every other kind (home, 404, listings, …)."""
    by_path = {page.path: page for page in pages}
    missing = [path for path in spec.representative if path not in by_path]
    if missing:
        raise RuntimeError(f"Die Website „{spec.name}“ hat diese Seiten nicht: {', '.join(missing)}")
    chosen = [by_path[path] for path in spec.representative]
    kinds = {page.kind for page in chosen}
    for page in pages:
        if page.kind not in kinds:
            kinds.add(page.kind)
            chosen.append(page)
    return tuple(chosen)


SITES_KEY = pytest.StashKey[dict]()


def built_sites(config: pytest.Config) -> dict[str, Site]:
    """Builds both sites the first time it is asked, once per session."""
    if SITES_KEY not in config.stash:
        folder = Path(tempfile.mkdtemp(prefix="katalog-browser-"))
        config.add_cleanup(functools.partial(shutil.rmtree, folder, ignore_errors=True))
        config.stash[SITES_KEY] = {spec.name: build_site(spec, folder / spec.name) for spec in SITE_SPECS}
    return config.stash[SITES_KEY]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`page`: every HTML page of both sites; `representative_page`: one of each kind (see above)."""
    for name, attribute in (("page", "pages"), ("representative_page", "representative")):
        if name in metafunc.fixturenames:
            pages = [page for site in built_sites(metafunc.config).values() for page in getattr(site, attribute)]
            metafunc.parametrize(name, pages, ids=[page.id for page in pages])


@pytest.fixture(scope="session")
def sites(pytestconfig) -> dict[str, Site]:
    return built_sites(pytestconfig)


# --- HTTP ---------------------------------------------------------------------------------------------------


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves a folder under a path prefix, answers unknown addresses with its 404.html, and keeps quiet."""

    prefix = "/"

    def log_message(self, format, *args) -> None:
        pass

    def in_prefix(self, path: str) -> bool:
        return path.startswith(self.prefix) or path == self.prefix.rstrip("/")

    def send_head(self):
        if not self.in_prefix(urlsplit(self.path).path):
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        # "/angebote" becomes the folder itself, which SimpleHTTPRequestHandler redirects to "/angebote/".
        return super().translate_path("/" + path[len(self.prefix):] if self.in_prefix(path) else path)

    def send_error(self, code, message=None, explain=None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # the browser closed a connection: no news
            super().handle_error(request, client_address)


class Server:
    """Serves a folder on 127.0.0.1 (a free port) under a path prefix, in a daemon thread."""

    def __init__(self, directory: Path, prefix: str = "/", handler: type[SiteHandler] = SiteHandler):
        handler = type("Handler", (handler,), {"prefix": prefix})
        self.httpd = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def servers(sites):
    """Site name → origin (http://127.0.0.1:port) of the server that serves it under its prefix."""
    running = {name: Server(site.output, site.prefix) for name, site in sites.items()}
    yield {name: server.origin for name, server in running.items()}
    for server in running.values():
        server.close()


# --- Chromium -----------------------------------------------------------------------------------------------

WAIT_UNTIL_SETTLED = """
const done = arguments[arguments.length - 1];
const finite = document.getAnimations().filter(a => a.effect && isFinite(a.effect.getComputedTiming().endTime));
const timeout = new Promise(resolve => setTimeout(resolve, 3000));
Promise.race([Promise.all([document.fonts.ready, ...finite.map(a => a.finished.catch(() => null))]), timeout])
  .then(() => requestAnimationFrame(() => done(null)));
"""


def require(path: Path, how: str) -> None:
    if not path.exists():
        pytest.fail(f"{path} fehlt. {how}", pytrace=False)


@pytest.fixture(scope="session")
def driver(tmp_path_factory):
    require(CHROMIUM, "Installieren Sie Chromium: apt-get install chromium chromium-driver (oder python3 dev.py test).")
    require(CHROMEDRIVER, "Installieren Sie chromium-driver (oder python3 dev.py test).")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", f"--window-size={DEFAULT_VIEWPORT[0]},{DEFAULT_VIEWPORT[1]}",
                     f"--user-data-dir={tmp_path_factory.mktemp('chromium-profil')}"):
        options.add_argument(argument)
    # the console, for the tests that read what the browser complained of (a refused script, a bad header)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    chromium = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    chromium.set_script_timeout(120)
    chromium.set_page_load_timeout(60)
    yield chromium
    chromium.quit()


class Browser:
    """The session's Chromium with the few things the tests do to it."""

    def __init__(self, driver, origins: dict[str, str]):
        self.driver = driver
        self.origins = origins

    def reset(self) -> None:
        self.set_viewport(*DEFAULT_VIEWPORT)
        self.set_color_scheme("light")
        self.driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": False})

    def set_viewport(self, width: int, height: int) -> None:
        """The layout viewport in CSS pixels (device scale 1, desktop: the meta viewport is not applied)."""
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def hide_scrollbars(self) -> None:
        """Scroll bars that take no room, as on phones: the page gets the whole viewport width."""
        self.driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": True})

    def set_color_scheme(self, scheme: str) -> None:
        assert scheme in ("light", "dark")
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                    {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})

    def url(self, page: Page) -> str:
        return self.origins[page.site] + page.url_path

    def open(self, target: Page | str) -> None:
        """Loads a page and waits until its fonts are loaded and its transitions and animations have ended."""
        self.driver.get(self.url(target) if isinstance(target, Page) else target)
        self.settle()

    def settle(self) -> None:
        self.driver.execute_async_script(WAIT_UNTIL_SETTLED)

    def run(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def run_async(self, script: str, *args):
        return self.driver.execute_async_script(script, *args)

    def press(self, key: str) -> None:
        ActionChains(self.driver).send_keys(key).perform()

    def add_style(self, css: str) -> None:
        self.run("const s = document.createElement('style'); s.textContent = arguments[0];"
                 "document.head.append(s);", css)
        self.settle()


@pytest.fixture(scope="session")
def once():
    """once(key, compute): compute() the first time a key is asked for, then its result again.

    For tests that look at the same loaded page in different ways (one page load, several tests)."""
    results = {}

    def get(key, compute):
        if key not in results:
            results[key] = compute()
        return results[key]
    return get


@pytest.fixture
def browser(driver, servers) -> Browser:
    """The session's Chromium, reset to a 1280 × 900 viewport, light colour scheme and normal scroll bars."""
    chromium = Browser(driver, servers)
    chromium.reset()
    return chromium
