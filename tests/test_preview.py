"""The live preview apart from the browser (tests/browser/test_preview.py has it in Chromium): the pages someone
looks at come first and the build still writes what a clean one writes, the site a build writes never has the
preview's script, and the server answers only for the site."""

from __future__ import annotations

import io
import random
import shutil
import socket
import threading
import urllib.error
import urllib.request

import pytest

from catalogue import pipeline
from catalogue.commands.preview import NOTICE_TEXTS, Preview, placeholder_page
from catalogue.commands.preview.server import PREVIEW_PATH, PreviewServer, PreviewState, with_preview_script
from catalogue.model.i18n import Texts

from conftest import FIXTURE, TODAY, run_cli, tree_bytes
from test_cache import EDITS, assert_same_as_clean_build, workspace  # noqa: F401 (a fixture)

LOOKED_AT = {"angebote/zeltlager/index.html", "ar/angebote/zeltlager/index.html", "index.html",
             "lebensphasen/jugend/index.html", "daten/index.html", "angebote/gibt-es-nicht/index.html"}


def test_the_pages_looked_at_come_first_and_the_build_still_writes_what_a_clean_build_writes(workspace, tmp_path):
    content, layouts = workspace
    site, cache = tmp_path / "site", tmp_path / "cache"
    pipeline.build(content, site, TODAY, layouts_dir=layouts, cache=cache)
    rng = random.Random(7)
    for edit in rng.sample(EDITS, len(EDITS)):
        edit(rng, content, layouts)
        before = tree_bytes(site)
        seen = {}

        def moved(paths):  # what the output holds at that moment: the new pages, but not yet the new index
            seen["paths"] = paths
            seen["pages"] = {path: (site / path).read_bytes() for path in paths}
            seen["index"] = {name: data for name, data in tree_bytes(site).items() if name.startswith("pagefind/")}

        result = pipeline.build(content, site, TODAY, layouts_dir=layouts, cache=cache,
                                first=pipeline.FirstPages(LOOKED_AT, moved))
        assert result.ok, edit.__name__
        after = tree_bytes(site)
        # the data page shows the sizes of the open data files, which come later; unknown pages are not made
        assert set(seen["paths"]) <= LOOKED_AT - {"daten/index.html", "angebote/gibt-es-nicht/index.html"}
        assert "index.html" in seen["paths"], "a page about the whole catalogue is always made again"
        assert all(seen["pages"][path] == after[path] for path in seen["paths"]), edit.__name__
        assert seen["index"] == {name: data for name, data in before.items() if name.startswith("pagefind/")}
        assert_same_as_clean_build(content, layouts, site, tmp_path / "clean", result)


def test_a_built_site_never_has_the_preview_in_it(tmp_path):
    site = tmp_path / "site"
    assert pipeline.build(FIXTURE, site, TODAY, cache=tmp_path / "cache").ok
    with_preview = [name for name, data in tree_bytes(site).items() if PREVIEW_PATH.encode() in data
                    or b"live.js" in data or b"preview-notice" in data]
    assert not with_preview


def test_the_preview_script_goes_into_the_head_as_an_external_file():
    page = b'<!DOCTYPE html><html><head><title>T</title></head><body><script src="a.js"></script></body></html>'
    served = with_preview_script(page, '/angebote/"x"/', "abc").decode()
    head, _, body = served.partition("</head>")
    assert '<script src="/_vorschau/live.js" defer data-seite="/angebote/%22x%22/" data-stand="abc"></script>' in head
    assert '<link rel="stylesheet" href="/_vorschau/live.css">' in head
    assert body == '<body><script src="a.js"></script></body></html>'


@pytest.fixture
def server(tmp_path):
    site = tmp_path / "site"
    assert pipeline.build(FIXTURE, site, TODAY).ok
    (tmp_path / "geheim.txt").write_text("nicht für den Browser", encoding="utf-8")
    texts = Texts.load(pipeline.LAYOUTS_DIR)
    preview = PreviewServer(0, site, "/angebote/", PreviewState({key: texts(key) for key in NOTICE_TEXTS}),
                            placeholder_page(texts))
    threading.Thread(target=preview.serve_forever, daemon=True).start()
    yield preview
    preview.state.update(stopping=True)
    preview.shutdown()
    preview.server_close()


def get(server, path: str) -> tuple[int, bytes, dict]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}{path}", timeout=10) as answer:
            return answer.status, answer.read(), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def test_the_server_answers_for_the_site_and_nothing_else(server):
    status, body, headers = get(server, "/angebote/angebote/krabbelgruppe/")
    assert status == 200 and b"/_vorschau/live.js" in body and headers["Cache-Control"] == "no-store"
    stylesheet = next((server.output / "assets").glob("style.*.css")).name
    assert get(server, f"/angebote/assets/{stylesheet}")[2]["Content-Type"] == "text/css; charset=utf-8"
    for outside in ("/angebote/../geheim.txt", "/angebote/%2e%2e/geheim.txt", "/geheim.txt"):
        status, body, _ = get(server, outside)
        assert status == 404 and "nicht für den Browser" not in body.decode(), outside
    status, body, _ = get(server, "/angebote/gibt-es-nicht/")
    assert status == 404 and b"/_vorschau/live.js" in body  # the site's 404 page, which also follows changes


def test_the_fingerprint_of_an_address_changes_with_its_file(server):
    before = server.fingerprint("/angebote/angebote/krabbelgruppe/")
    assert before == server.fingerprint("/angebote/angebote/krabbelgruppe/")
    page = server.output / "angebote/krabbelgruppe/index.html"
    page.write_bytes(page.read_bytes() + b"\n")
    assert server.fingerprint("/angebote/angebote/krabbelgruppe/") != before
    assert server.fingerprint("/angebote/nichts/") != server.fingerprint("/angebote/404.html")
    changed_page = server.fingerprint("/angebote/angebote/krabbelgruppe/")
    [stylesheet] = (server.output / "assets").glob("style.*.css")
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\nbody { color: red; }\n", encoding="utf-8")
    assert server.fingerprint("/angebote/angebote/krabbelgruppe/") != changed_page, "the page loads the stylesheet"


def test_a_port_in_use_is_a_german_message(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        finished = run_cli("serve", "--content", str(FIXTURE), "--output", str(tmp_path / "site"), "--port", str(port))
    assert finished.returncode == 2
    assert f"Port {port} ist schon belegt" in finished.stderr and "--port" in finished.stderr
    assert "Traceback" not in finished.stderr


def test_a_missing_content_folder_is_a_german_message(tmp_path):
    finished = run_cli("serve", "--content", str(tmp_path / "fehlt"), "--output", str(tmp_path / "site"))
    assert finished.returncode == 2
    assert "Den Inhaltsordner" in finished.stderr and "Traceback" not in finished.stderr


def test_a_broken_template_is_shown_like_a_broken_file_with_its_line(tmp_path):
    layouts = shutil.copytree(pipeline.LAYOUTS_DIR, tmp_path / "layouts")
    site = tmp_path / "site"
    texts = Texts.load(layouts)
    state = PreviewState({key: texts(key) for key in NOTICE_TEXTS})
    server = PreviewServer(0, site, "/angebote/", state, placeholder_page(texts))
    try:
        preview = Preview(FIXTURE, site, False, TODAY, layouts, server, state, io.StringIO())
        preview.rebuild(changed=[])
        assert state.problems == [] and (site / "index.html").is_file()
        template = layouts / "pages/offer.html"
        lines = template.read_text(encoding="utf-8").splitlines()
        lines[2] += " {% if %}"
        template.write_text("\n".join(lines) + "\n", encoding="utf-8")
        preview.rebuild(changed=[template])
        [problem] = state.problems
        assert problem["ort"].endswith("pages/offer.html:3 (Zeile 3)"), problem
        assert "Jinja" in problem["meldung"] and problem["hinweis"].startswith("So beheben Sie es:")
    finally:
        server.server_close()
