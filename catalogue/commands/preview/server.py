"""The preview's web server: the built site under the path of its basis_url, each HTML page with the preview's
script added on the way out (the files stay as the build wrote them), and a stream of server-sent events that
tells each open page what changed for it."""

from __future__ import annotations

import hashlib
import json
import mimetypes
import re
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urljoin, urlsplit

from catalogue.render.pages import NOT_FOUND

ASSETS = Path(__file__).resolve().parent
PREVIEW_PATH = "/_vorschau/"
EVENTS = PREVIEW_PATH + "ereignisse"
SCRIPT, STYLES = "live.js", "live.css"
# Pagefind's index files have names of its own; the browser needs WebAssembly's type to compile it while loading.
TYPES = {".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript"}
# What a page loads from the site besides itself: stylesheets, scripts, images (relative addresses, as the site
# writes them).
LOADED = re.compile(rb'(?:src|href)="([^":?#]+\.(?:css|js|mjs|png|jpe?g|gif|webp|avif|svg))"')
KEEP_ALIVE_SECONDS = 15  # an event stream that says nothing for long is cut by proxies and browsers


class PreviewState:
    """What the open pages need to know, changed by the rebuilds and waited on by the event streams."""

    def __init__(self, texts: dict[str, str]):
        self.texts = texts  # the notice's words, from the translation table
        self.changed = threading.Condition()
        self.version = 0
        self.problems: list[dict] = []  # the errors that keep the last change from being shown
        self.search_ready = True  # False while the search index is being made again
        self.searches_made = 0  # how many times the search index has been made again since the start
        self.stopping = False
        self.open_pages: dict[int, str] = {}  # event stream → the page it serves, as a file in the output

    def update(self, **changes) -> None:
        with self.changed:
            for name, value in changes.items():
                setattr(self, name, value)
            self.version += 1
            self.changed.notify_all()

    def pages_looked_at(self) -> set[str]:
        with self.changed:
            return set(self.open_pages.values())


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False  # a second preview on the same port must hear that it is taken

    def __init__(self, port: int, output: Path, prefix: str, state: PreviewState, placeholder: bytes):
        self.output, self.prefix, self.state, self.placeholder = output, prefix, state, placeholder
        super().__init__(("127.0.0.1", port), _Handler)

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{self.prefix}"

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a browser closed a connection: no news
            super().handle_error(request, client_address)

    def file_for(self, url_path: str) -> Path | None:
        """The output file an address shows; None for an address outside the site or with no file."""
        if not url_path.startswith(self.prefix):
            return None
        relative = unquote(url_path[len(self.prefix):])
        if relative.endswith("/") or not relative:
            relative += "index.html"
        root = self.output.resolve()
        try:
            file = (root / relative).resolve()
        except (OSError, RuntimeError, ValueError):
            return None
        return file if file.is_relative_to(root) and file.is_file() else None

    def fingerprint(self, url_path: str) -> str:
        """Tells whether what an address shows has changed: the file's bytes (or which 404 page it gets), and
        the stylesheet, scripts and images it loads (a changed image changes no page's HTML)."""
        file = self.file_for(url_path)
        shown = file if file is not None else self.output / NOT_FOUND
        try:
            content = shown.read_bytes()
        except OSError:
            content = b""
        digest = hashlib.sha256((b"" if file else b"404\0") + content)
        for reference in sorted(set(LOADED.findall(content))):
            loaded = self.file_for(urljoin(url_path, reference.decode("utf-8", "replace")))
            if loaded is not None:
                status = loaded.stat()
                digest.update(f"\0{reference!r} {status.st_size} {status.st_mtime_ns}".encode())
        return digest.hexdigest()[:20]


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args) -> None:
        pass

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == EVENTS:
            self._events(parse_qs(url.query))
        elif url.path in (PREVIEW_PATH + SCRIPT, PREVIEW_PATH + STYLES):
            self._send(HTTPStatus.OK, (ASSETS / url.path.rsplit("/", 1)[1]).read_bytes(), url.path)
        elif url.path + "/" == self.server.prefix or url.path == "/":
            self._redirect(self.server.prefix)
        elif (file := self.server.file_for(url.path)) is not None:
            self._send(HTTPStatus.OK, file.read_bytes(), file.name, url.path)
        elif self.server.file_for(url.path + "/") is not None:
            self._redirect(quote(url.path) + "/" + (f"?{url.query}" if url.query else ""))
        else:
            self._not_found(url.path)

    def _not_found(self, url_path: str) -> None:
        page = self.server.output / NOT_FOUND
        if page.is_file():
            self._send(HTTPStatus.NOT_FOUND, page.read_bytes(), page.name, url_path)
        elif (self.server.output / "index.html").is_file() or not url_path.endswith(("/", ".html")):
            self._send(HTTPStatus.NOT_FOUND, b"", "leer.txt")
        else:  # no site has been built yet: a page that shows the problems, and reloads once there is one
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, self.server.placeholder, "index.html", url_path)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: HTTPStatus, body: bytes, name: str, url_path: str | None = None) -> None:
        kind = TYPES.get(Path(name).suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
        if kind == "text/html" and url_path is not None:
            body = with_preview_script(body, url_path, self.server.fingerprint(url_path))
        if kind.startswith("text/") or kind in ("application/json", "application/xml"):
            kind += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")  # a reload must show the new build, never a stored copy
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _events(self, query: dict[str, list[str]]) -> None:
        """A stream of the page's state (server-sent events) until the page goes or the preview ends."""
        url_path = query.get("seite", [""])[0]
        loaded = query.get("stand", [""])[0]
        state = self.server.state
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        stream = id(self)
        file = self.server.file_for(url_path)
        with state.changed:
            state.open_pages[stream] = file.relative_to(self.server.output.resolve()).as_posix() if file else ""
        with state.changed:
            searches_known = state.searches_made
        try:
            seen = -1
            while True:
                with state.changed:
                    state.changed.wait_for(lambda: state.version != seen or state.stopping, KEEP_ALIVE_SECONDS)
                    if state.stopping:
                        return
                    news = state.version != seen
                    seen = state.version
                    problems, search_ready = state.problems, state.search_ready
                    search_renewed = state.searches_made != searches_known
                if not news:
                    self.wfile.write(b": still\n\n")
                else:
                    changed = not problems and self.server.fingerprint(url_path) != loaded
                    message = {"probleme": problems, "suche_bereit": search_ready, "seite_neu": changed,
                               "suche_neu": search_renewed, "texte": state.texts}
                    self.wfile.write(b"event: zustand\ndata: " + json.dumps(message, ensure_ascii=False).encode()
                                     + b"\n\n")
                self.wfile.flush()
        except (ConnectionError, OSError):
            return
        finally:
            with state.changed:
                state.open_pages.pop(stream, None)


def with_preview_script(html: bytes, url_path: str, fingerprint: str) -> bytes:
    """The page with the preview's stylesheet and script: external files, as the site's Content Security Policy
    allows no inline script."""
    attribute = quote(url_path, safe="/%")
    tags = (f'<link rel="stylesheet" href="{PREVIEW_PATH}{STYLES}">'
            f'<script src="{PREVIEW_PATH}{SCRIPT}" defer data-seite="{attribute}" data-stand="{fingerprint}">'
            "</script>").encode()
    end_of_head = html.find(b"</head>")
    return html + tags if end_of_head < 0 else html[:end_of_head] + tags + html[end_of_head:]
