"""The files that tell a web server how to serve the site (catalogue/webserver.py): the ones the build writes, the
ones in docs/webserver/, and the policy every page carries. Real nginx and Apache: tests/browser/test_webserver.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from catalogue import pipeline, webserver
from catalogue.publish import compress

from conftest import FIXTURE, TODAY


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("webserver") / "site"
    assert pipeline.build(FIXTURE, output, TODAY).ok
    return output


def test_the_files_in_docs_are_up_to_date():
    for path, text in webserver.documented().items():
        assert path.read_text(encoding="utf-8") == text, \
            f"{path.name} ist veraltet: python -m catalogue.webserver schreibt es neu"


def test_every_page_carries_the_policy_of_the_header_but_what_only_a_header_can_say(built):
    meta = webserver.content_security_policy(header=False)
    assert "frame-ancestors" not in meta and "unsafe-inline" not in meta
    assert webserver.content_security_policy(header=True).startswith(meta + "; frame-ancestors 'none'")
    search = webserver.content_security_policy(header=False, wasm=True)
    assert webserver.content_security_policy(header=True, wasm=True) == search + "; frame-ancestors 'none'"
    for page, policy in ((built / "index.html", meta), (built / "404.html", meta),
                         (built / "en/suche/index.html", search)):
        policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">',
                              page.read_text(encoding="utf-8"))
        assert policies == [policy], page


META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
SEARCH_PAGE = re.compile(r"(?:[a-z]{2,3}/)?suche/index\.html")


def test_only_the_search_pages_allow_webassembly(built):
    """Issue 32.6: 'wasm-unsafe-eval' was allowed on every page, though only the search runs WebAssembly."""
    plain = webserver.content_security_policy(header=False)
    search = webserver.content_security_policy(header=False, wasm=True)
    assert "wasm-unsafe-eval" not in plain and search == plain.replace("script-src 'self'",
                                                                      "script-src 'self' 'wasm-unsafe-eval'")
    pages = {p.relative_to(built).as_posix(): p for p in built.rglob("*.html")}
    searches = sorted(name for name in pages if SEARCH_PAGE.fullmatch(name))
    assert searches == ["ar/suche/index.html", "en/suche/index.html", "ru/suche/index.html", "suche/index.html",
                        "tr/suche/index.html", "uk/suche/index.html"]
    for name, page in pages.items():
        policies = META_POLICY.findall(page.read_text(encoding="utf-8"))
        assert policies == [search if name in searches else plain], name


@pytest.mark.parametrize("path, wasm", [
    ("/katalog/", False), ("/katalog/index.html", False), ("/katalog/angebote/suche/", False),
    ("/katalog/impressum/", False), ("/katalog/pagefind/pagefind.js", False), ("/katalog/404.html", False),
    ("/katalog/suche/", True), ("/katalog/suche/index.html", True), ("/katalog/en/suche/", True),
    ("/katalog/uk/suche/index.html.br", True), ("/katalog/pagefind/pagefind-worker.js", True),
    ("/katalog/pagefind/pagefind-worker.js.gz", True),
])
def test_the_servers_allow_webassembly_only_for_the_search(path, wasm):
    """nginx and Apache give the search pages and Pagefind's worker (whose own file's header policy the browser
    holds it to) a policy with 'wasm-unsafe-eval', every other address one without (a browser enforces the header
    and the <meta> both, so the header must allow it where the search needs it, and should nowhere else)."""
    pattern = re.compile(webserver.wasm_paths("/katalog/"))
    assert bool(pattern.search(path)) == wasm
    nginx = webserver.nginx_conf("/katalog/", "/srv/katalog/site/")
    assert nginx.count("'wasm-unsafe-eval'") == 1 and f'location ~ "{pattern.pattern}"' in nginx
    htaccess = webserver.htaccess("/katalog/")
    assert htaccess.count("'wasm-unsafe-eval'") == 1 and f"<If \"%{{REQUEST_URI}} =~ m#{pattern.pattern}#\">" in htaccess


def netlify_headers(rules: str, path: str) -> dict[str, list[str]]:
    """The headers Netlify and Cloudflare Pages give `path` by `_headers`: every rule whose path matches, a rule
    ending in * matching all below it; the values of one header from several rules are joined."""
    headers: dict[str, list[str]] = {}
    matches = False
    for line in rules.splitlines():
        if line.startswith("/"):
            matches = path == line or (line.endswith("*") and path.startswith(line[:-1]))
        elif line.startswith("  ") and matches:
            name, value = line.strip().split(": ", 1)
            headers.setdefault(name, []).append(value)
    return headers


def test_headers_file_for_netlify_and_cloudflare(built):
    rules = (built / "_headers").read_text(encoding="utf-8")
    prefix = "/angebote/"  # the path of the fixture's basis_url
    files = [p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file()]
    kept = {name for name in files if name.startswith(webserver.CONTENT_NAMED_FOLDERS)}
    assert any(name.startswith("assets/") for name in kept) and any(".pf_fragment" in name for name in kept)
    for name in files:
        headers = netlify_headers(rules, prefix + name)
        # these hosts join the values of every rule that matches: no rule can widen the policy for the search, so
        # the header allows WebAssembly on every address and each page's <meta> narrows it (see above)
        assert {key: values for key, values in headers.items() if key != "Cache-Control"} == \
            {key: [value] for key, value in webserver.SEARCH_SECURITY_HEADERS}, name
        # Netlify and Cloudflare revalidate what no rule gives a Cache-Control
        assert headers.get("Cache-Control") == ([webserver.KEEP] if name in kept else None), name
    assert not [name for name in kept if not re.search(webserver.ASSET_NAME + "$|" + webserver.PAGEFIND_NAME, name)]


def test_htaccess_knows_the_sub_path_and_every_compressed_kind(built):
    rules = (built / ".htaccess").read_text(encoding="utf-8")
    assert "ErrorDocument 404 /angebote/404.html\n" in rules and "RewriteBase /angebote/\n" in rules
    for suffix in compress.COMPRESSED:
        assert suffix in rules.split("AddCharset utf-8 ", 1)[1].split("\n", 1)[0], suffix


def test_the_server_files_follow_basis_url(content, tmp_path):
    content.replace("site.yaml", "https://katalog.example.org/angebote/", "https://katalog.example.org/")
    assert pipeline.build(content.root, tmp_path / "site", TODAY).ok
    assert "ErrorDocument 404 /404.html\n" in (tmp_path / "site/.htaccess").read_text(encoding="utf-8")
    assert (tmp_path / "site/_headers").read_text(encoding="utf-8").count("\n/assets/*\n") == 1
