"""The configuration of catalogue/webserver.py in real web servers: Debian's nginx (with the brotli_static module)
and Apache, each started on 127.0.0.1 and a free port, serving the fixture catalogue built with its compressed
copies under the path of its basis_url (/angebote/), as docs/webserver/ and the site's .htaccess tell them to."""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from catalogue import pipeline, webserver

from .checks import RECORD_CSP_VIOLATIONS, WAIT_FOR_RESULTS
from .conftest import FIXTURE, TODAY, Browser

PREFIX = "/angebote/"  # the path of the fixture's basis_url
NGINX = Path("/usr/sbin/nginx")
BROTLI_STATIC = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
APACHE = Path("/usr/sbin/apache2")
APACHE_MODULES = Path("/usr/lib/apache2/modules")
# Debian's own settings, which the site's rules must hold against: its list of types (.br is Breton, .gz a type),
# and mod_deflate compressing HTML, CSS and scripts on the way out.
APACHE_DEBIAN_SETTINGS = (Path("/etc/apache2/mods-available/mime.conf"),
                          Path("/etc/apache2/mods-available/deflate.conf"))
INSTALL = "apt-get install nginx libnginx-mod-http-brotli-static apache2 (oder python3 dev.py test)"


@pytest.fixture(scope="module")
def published():
    """The fixture catalogue as `python build.py` writes it. In a folder of its own that every user may read: as
    root, Apache serves with the rights of nobody."""
    folder = Path(tempfile.mkdtemp(prefix="katalog-webserver-"))
    folder.chmod(0o755)
    site = folder / "site"
    assert pipeline.build(FIXTURE, site, TODAY, compressed_copies=True).ok
    yield site
    shutil.rmtree(folder, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(command: list[str], port: int, log: Path) -> subprocess.Popen:
    """Starts a server in the foreground of its own process and waits until it takes connections."""
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"{command[0]} endete sofort:\n{log.read_text() if log.exists() else ''}", pytrace=False)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.05)
    server.kill()
    pytest.fail(f"{command[0]} nimmt nach 15 s keine Verbindung an:\n{log.read_text()}", pytrace=False)


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(10)
    except subprocess.TimeoutExpired:
        server.kill()


@pytest.fixture(scope="module")
def nginx(published, tmp_path_factory) -> str:
    for path in (NGINX, BROTLI_STATIC):
        if not path.exists():
            pytest.fail(f"{path} fehlt. Installieren Sie: {INSTALL}", pytrace=False)
    conf, port = tmp_path_factory.mktemp("nginx"), free_port()
    # The configuration as an admin includes it, the sub-path and the folder adapted.
    (conf / "katalog.conf").write_text(webserver.nginx_conf(PREFIX, f"{published}/"), encoding="utf-8")
    (conf / "mime.types").symlink_to("/etc/nginx/mime.types")
    temporary = "\n".join(f"    {kind}_temp_path {conf}/{kind};" for kind in ("client_body", "proxy", "fastcgi",
                                                                             "uwsgi", "scgi"))
    (conf / "nginx.conf").write_text(f"""\
load_module {BROTLI_STATIC};
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
error_log {conf}/error.log;
pid {conf}/nginx.pid;
events {{}}
http {{
    access_log off;
{temporary}
    server {{
        listen 127.0.0.1:{port};
        include katalog.conf;
    }}
}}
""", encoding="utf-8")
    server = start([str(NGINX), "-p", str(conf), "-c", str(conf / "nginx.conf"), "-g", "daemon off;"], port,
                   conf / "error.log")
    yield f"http://127.0.0.1:{port}"
    stop(server)


@pytest.fixture(scope="module")
def apache(published, tmp_path_factory) -> str:
    if not APACHE.exists():
        pytest.fail(f"{APACHE} fehlt. Installieren Sie: {INSTALL}", pytrace=False)
    conf, port = tmp_path_factory.mktemp("apache"), free_port()
    (conf / "katalog.conf").write_text(webserver.apache_conf(PREFIX, f"{published}/"), encoding="utf-8")
    modules = "\n".join(f"LoadModule {name}_module {APACHE_MODULES}/mod_{name}.so" for name in (
        "mpm_event", "authz_core", "mime", "dir", "alias", "rewrite", "headers", "filter", "deflate"))
    includes = "\n".join(f"Include {path}" for path in APACHE_DEBIAN_SETTINGS)
    (conf / "httpd.conf").write_text(f"""\
ServerRoot {conf}
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile {conf}/httpd.pid
ErrorLog {conf}/error.log
DefaultRuntimeDir {conf}
{"User nobody" + chr(10) + "Group nogroup" if os.geteuid() == 0 else ""}
{modules}
{includes}
DirectoryIndex index.html
<Directory />
    AllowOverride None
    Require all denied
</Directory>
Include {conf}/katalog.conf
""", encoding="utf-8")
    server = start([str(APACHE), "-X", "-f", str(conf / "httpd.conf")], port, conf / "error.log")
    yield f"http://127.0.0.1:{port}"
    stop(server)


@pytest.fixture(params=["nginx", "apache"])
def origin(request) -> str:
    return request.getfixturevalue(request.param)


def get(origin: str, path: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body as they come, neither decompressed nor redirected."""
    connection = http.client.HTTPConnection(origin.removeprefix("http://"), timeout=10)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": encoding} if encoding else {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def named(folder: Path, pattern: str) -> str:
    """The published name of a file whose name changes with its content."""
    return next(folder.glob(pattern)).name


def test_every_answer_carries_the_security_headers(origin, published):
    stylesheet = named(published / "assets", "style.*.css")
    for path in (PREFIX, f"{PREFIX}assets/{stylesheet}", f"{PREFIX}gibt-es/nicht/"):
        _, headers, _ = get(origin, path, "br, gzip")
        for name, value in webserver.SECURITY_HEADERS:
            assert headers.get(name.lower()) == value, (path, name, headers.get(name.lower()))
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


@pytest.mark.parametrize("encoding", ["br, gzip", None])
def test_only_the_search_and_its_worker_may_run_webassembly(origin, encoding):
    """Issue 32.6: the header allowed 'wasm-unsafe-eval' on every address. A browser enforces the header's policy
    and the page's <meta> both, so the search pages and Pagefind's worker (held to its own file's header) need it
    in the header, and nothing else gets it."""
    search = (f"{PREFIX}suche/", f"{PREFIX}suche/index.html", f"{PREFIX}en/suche/", f"{PREFIX}uk/suche/",
              f"{PREFIX}pagefind/pagefind-worker.js")
    others = (PREFIX, f"{PREFIX}index.html", f"{PREFIX}impressum/", f"{PREFIX}angebote/krabbelgruppe/",
              f"{PREFIX}en/", f"{PREFIX}pagefind/pagefind.js", f"{PREFIX}gibt-es/nicht/")
    for path in search + others:
        status, headers, _ = get(origin, path, encoding)
        assert status in (200, 404), (path, status)
        expected = webserver.SEARCH_SECURITY_HEADERS if path in search else webserver.SECURITY_HEADERS
        for name, value in expected:
            assert headers.get(name.lower()) == value, (path, name, headers.get(name.lower()))
        assert headers["cache-control"] == webserver.REVALIDATE, path


def test_an_unknown_address_gets_the_404_page_with_status_404(origin, published):
    status, headers, body = get(origin, f"{PREFIX}angebote/gibt-es-nicht/")
    assert status == 404
    assert body == (published / "404.html").read_bytes()
    assert headers["content-type"].lower() == "text/html; charset=utf-8"
    status, headers, body = get(origin, f"{PREFIX}gibt-es-nicht.css", "br")
    assert (status, headers["content-encoding"]) == (404, "br")
    assert body == (published / "404.html.br").read_bytes()


def test_the_files_for_the_server_and_the_build_stay_hidden(origin, published):
    for name in (".htaccess", ".katalog-build"):
        assert (published / name).is_file()
        status, _, body = get(origin, f"{PREFIX}{name}")
        assert status in (403, 404) and body != (published / name).read_bytes(), name


def test_the_sub_path_without_its_slash_leads_to_the_site(origin):
    status, headers, _ = get(origin, PREFIX.rstrip("/"))
    assert status == 301 and headers["location"].endswith(PREFIX)


@pytest.mark.parametrize("encoding, suffix", [("gzip", ".gz"), ("br", ".br"), ("gzip, deflate, br", ".br"),
                                              (None, "")])
def test_the_compressed_copies_go_out_as_they_are(origin, published, encoding, suffix):
    stylesheet = f"assets/{named(published / 'assets', 'style.*.css')}"
    for path, file, kind in ((PREFIX, "index.html", "text/html"), (f"{PREFIX}{stylesheet}", stylesheet, "text/css"),
                             (f"{PREFIX}daten/angebote.ics", "daten/angebote.ics", "text/calendar")):
        status, headers, body = get(origin, path, encoding)
        assert status == 200, path
        assert headers.get("content-encoding") == (suffix[1:].replace("gz", "gzip") or None), (path, headers)
        assert body == (published / f"{file}{suffix}").read_bytes(), path
        assert headers["content-type"].lower() == f"{kind}; charset=utf-8", path
        assert "accept-encoding" in headers.get("vary", "").lower(), path


@pytest.mark.parametrize("file, kind", [("daten/angebote.atom", "application/atom+xml"), ("sitemap.xml", "xml"),
                                        ("daten/angebote.ics", "text/calendar"), ("luecken/fehlt.csv", "text/csv"),
                                        ("angebot-vorschlagen/vorlage.md", "text/markdown"),
                                        ("favicon.svg", "image/svg+xml"), ("pagefind/pagefind.js", "javascript"),
                                        ("pagefind/pagefind-entry.json", "application/json")])
def test_each_kind_of_file_has_its_type(origin, file, kind):
    status, headers, _ = get(origin, PREFIX + file)
    assert status == 200
    assert kind in headers["content-type"], headers["content-type"]


def test_what_is_named_by_its_content_is_kept_for_a_year_the_rest_asked_for_again(origin, published):
    pagefind = published / "pagefind"
    kept = [f"assets/{named(published / 'assets', 'search.*.js')}", f"pagefind/{named(pagefind, '*.pf_meta')}",
            f"pagefind/fragment/{named(pagefind / 'fragment', '*')}", f"pagefind/index/{named(pagefind / 'index', '*')}",
            f"pagefind/filter/{named(pagefind / 'filter', '*')}"]
    asked_again = ["", "angebote/krabbelgruppe/", "pagefind/pagefind.js", "pagefind/pagefind-entry.json",
                   f"pagefind/{named(pagefind, 'wasm.de.pagefind')}", "favicon.ico", "daten/angebote.json", "gibt/es/nicht"]
    for path in kept:
        _, headers, _ = get(origin, PREFIX + path, "br")
        assert headers["cache-control"] == webserver.KEEP, path
    for path in asked_again:
        _, headers, _ = get(origin, PREFIX + path, "br")
        assert headers["cache-control"] == webserver.REVALIDATE, path


# --- in Chromium ---------------------------------------------------------------------------------------------


@pytest.fixture
def chromium(driver) -> Browser:
    """The session's Chromium, reset, recording every breach of the Content-Security-Policy from a page's start."""
    browser = Browser(driver, {})
    browser.reset()
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_CSP_VIOLATIONS})
    driver.get_log("browser")  # what earlier tests left in the console
    yield browser
    driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})


def complaints(browser: Browser) -> list[str]:
    """What the page's policy refused, and what the console reports as an error or warning."""
    refused = browser.run("return window.__cspViolations")
    logged = [entry["message"] for entry in browser.driver.get_log("browser") if entry["level"] != "INFO"]
    return refused + logged


def test_the_site_works_from_home_to_an_offer_and_search_finds_it(origin, chromium):
    chromium.open(origin + PREFIX)
    assert chromium.run("""return [...document.styleSheets].some(
        s => s.href.includes('/assets/style.') && s.cssRules.length > 100)""")
    assert chromium.run("return getComputedStyle(document.body).marginTop") == "0px"  # 8px without the stylesheet
    for link, address in (("lebensphasen/kleinkind/", "lebensphasen/kleinkind/"),
                          ("angebote/krabbelgruppe/", "angebote/krabbelgruppe/")):
        chromium.driver.find_element(By.CSS_SELECTOR, f"main a[href$='{link}']").click()
        WebDriverWait(chromium.driver, 10).until(lambda d: d.current_url.endswith(PREFIX + address))
    assert "Krabbelgruppe am Mittwoch" in chromium.driver.find_element(By.TAG_NAME, "h1").text
    chromium.open(f"{origin}{PREFIX}suche/?q=Krabbelgruppe")
    status = chromium.run_async(WAIT_FOR_RESULTS)
    assert not status.startswith("TIMEOUT"), status
    titles = [a.text for a in chromium.driver.find_elements(By.CSS_SELECTOR, "#suche-ergebnisse h2 a")]
    assert "Krabbelgruppe am Mittwoch" in titles
    assert complaints(chromium) == []


def test_the_header_policy_is_in_force_in_the_browser(origin, chromium):
    """A script the page did not bring does not run, and no page can be framed, not even by the site itself: only
    the header can say so."""
    chromium.open(origin + PREFIX)
    chromium.run("const s = document.createElement('script'); s.textContent = 'window.__inline = 1';"
                 "document.head.append(s);")
    assert chromium.run("return window.__inline") is None
    assert any(v.startswith("script-src") for v in chromium.run("return window.__cspViolations"))
    framed = chromium.run_async("""
        const done = arguments[arguments.length - 1];
        const frame = document.createElement('iframe');
        frame.onload = () => done(frame.contentDocument ? frame.contentDocument.title : null);
        frame.src = arguments[0];
        document.body.append(frame);""", f"{PREFIX}impressum/")
    assert framed is None, f"die Seite ließ sich einbetten: {framed}"
