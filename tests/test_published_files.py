"""What a web server gets: the stylesheet and scripts under names that change with their content, so that they can
be cached for a year, and compressed copies beside every text file, so that it need not compress them."""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

import brotli
import pytest

from catalogue import pipeline
from catalogue.publish import compress
from catalogue.render.assets import plan_assets

from conftest import FIXTURE, TODAY, tree_bytes
from test_build import stable_part

HASHED = re.compile(r"^[a-z-]+\.[0-9a-f]{10}\.(css|js)$")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("veroeffentlicht") / "site"
    assert pipeline.build(FIXTURE, output, TODAY, compressed_copies=True).ok
    return output


def test_every_asset_is_named_by_its_content_and_pages_load_only_those(built):
    published = sorted(p.name for p in (built / "assets").iterdir() if not compress.is_copy(p.name))
    assert published and all(HASHED.match(name) for name in published), published
    for page in (built / "index.html", built / "suche/index.html", built / "angebote/krabbelgruppe/index.html"):
        html = page.read_text(encoding="utf-8")
        loaded = re.findall(r'(?:href|src)="(?:\.\./)*assets/([^"]+)"', html)
        assert loaded and set(loaded) <= set(published), (page, loaded)
    search = next((built / "assets").glob("search.*.js")).read_text(encoding="utf-8")
    imported = re.findall(r'["\']\./([^"\']+\.js)["\']', search)
    assert imported and set(imported) <= set(published), imported  # texts.js and spelling.js, by their new names


def test_a_changed_script_renames_it_and_the_scripts_that_import_it(tmp_path):
    layouts = tmp_path / "layouts"
    shutil.copytree(pipeline.LAYOUTS_DIR, layouts)
    before = plan_assets(layouts).names
    assert plan_assets(layouts).names == before  # the same content, the same names
    texts = layouts / "scripts/texts.js"
    texts.write_text(texts.read_text(encoding="utf-8") + "\n// geändert\n", encoding="utf-8")
    after = plan_assets(layouts).names
    changed = {name for name in before if before[name] != after[name]}
    # the proposal form's and the search's modules that import texts.js themselves are renamed too
    assert changed == {"texts.js", "search.js", "search-feedback.js", "shortlist.js", "proposal.js",
                       "proposal-check.js", "proposal-files.js"}, changed


def test_every_text_file_has_compressed_copies_with_its_bytes(built):
    text_files = [p for p in built.rglob("*") if p.is_file() and compress.is_compressed(p.name)]
    kinds = {p.suffix for p in text_files}
    assert {".html", ".css", ".js", ".json", ".xml"} <= kinds, kinds
    for file in text_files:
        data = file.read_bytes()
        assert gzip.decompress(Path(f"{file}.gz").read_bytes()) == data, file
        assert brotli.decompress(Path(f"{file}.br").read_bytes()) == data, file
    assert (built / "pagefind/pagefind.js.gz").is_file()  # Pagefind's own script too
    binary = [p for p in built.rglob("*") if p.suffix in (".png", ".pf_fragment", ".pdf", ".pagefind")]
    assert binary and not any(Path(f"{p}.gz").exists() for p in binary)  # already compressed: nothing to gain


def test_without_compressed_copies_the_site_is_the_same(built, tmp_path):
    plain = tmp_path / "site"
    assert pipeline.build(FIXTURE, plain, TODAY).ok
    assert not [p for p in plain.rglob("*") if compress.is_copy(p.name)]
    originals = {name: data for name, data in tree_bytes(built).items() if not compress.is_copy(name)}
    assert stable_part(tree_bytes(plain)) == stable_part(originals)


def test_a_cached_build_drops_the_copies_of_what_it_no_longer_writes(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    site, cache = tmp_path / "site", tmp_path / "cache"
    assert pipeline.build(content, site, TODAY, cache=cache, compressed_copies=True).ok
    (content / "angebote/zeltlager.md").unlink()
    assert pipeline.build(content, site, TODAY, cache=cache, compressed_copies=True).ok
    assert not list(site.glob("angebote/zeltlager/*"))
    # built again without copies: none is left over to be sent instead of the new file
    assert pipeline.build(content, site, TODAY, cache=cache).ok
    assert not [p for p in site.rglob("*") if compress.is_copy(p.name)]


def test_every_page_names_the_icons_at_the_site_root(built):
    assert (built / "favicon.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert (built / "apple-touch-icon.png").read_bytes()[:4] == b"\x89PNG"
    assert (built / "favicon.svg").read_text(encoding="utf-8").startswith("<svg")
    icons = {"favicon.ico", "favicon.svg", "apple-touch-icon.png"}
    for page in built.rglob("*.html"):
        linked = re.findall(r'<link rel="(?:icon|apple-touch-icon)" href="([^"]+)"', page.read_text(encoding="utf-8"))
        assert {link.rsplit("/", 1)[-1] for link in linked} == icons, page
        if page.name != "404.html":  # (which links from the site's address: it is shown at any depth)
            assert {(page.parent / link).resolve() for link in linked} == {built.resolve() / icon for icon in icons}


def test_every_page_has_a_description_of_its_own_language(built):
    for page in built.rglob("*.html"):
        descriptions = re.findall(r'<meta name="description" content="([^"]*)">', page.read_text(encoding="utf-8"))
        assert len(descriptions) == 1 and len(descriptions[0]) > 20, page
    assert "Lintorf: Angebote für Familien" in (built / "stadtteile/lintorf/index.html").read_text(encoding="utf-8")
    english = (built / "en/themen/index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Topics: offers for families' in english


MODULE = re.compile(r'<script type="module" src="((?:\.\./)*)assets/([^"]+)"></script>')
PRELOAD = re.compile(r'<link rel="modulepreload" href="((?:\.\./)*)assets/([^"]+)">')
STATIC_IMPORT = re.compile(r'\b(?:from|import)\s*["\']\./([^"\']+\.js)["\']')  # not import("./spelling.js")


def test_each_module_page_preloads_exactly_the_modules_it_imports(built):
    """So that a phone asks for all of a page's modules at once instead of discovering one import after another.
    The imports are read from the published scripts themselves; a module loaded only when asked (spelling.js) is
    not preloaded."""
    def imports_of(name: str, seen: list[str]) -> list[str]:
        for imported in STATIC_IMPORT.findall((built / "assets" / name).read_text(encoding="utf-8")):
            if imported not in seen:
                seen.append(imported)
                imports_of(imported, seen)
        return seen

    pages = ("suche/index.html", "en/suche/index.html", "angebot-vorschlagen/index.html", "merkliste/index.html",
             "angebote/krabbelgruppe/index.html")
    for page in pages:
        html = (built / page).read_text(encoding="utf-8")
        modules = MODULE.findall(html)
        assert len(modules) == 1, (page, modules)
        prefix, entry = modules[0]
        preloaded = PRELOAD.findall(html)
        assert all(own_prefix == prefix for own_prefix, _ in preloaded), page
        wanted = [name for name in imports_of(entry, []) if name != entry]
        assert sorted(name for _, name in preloaded) == sorted(wanted), (page, preloaded, wanted)
        assert len(preloaded) == len(set(preloaded)), page
    search = (built / "suche/index.html").read_text(encoding="utf-8")
    assert len(PRELOAD.findall(search)) >= 5 and "spelling." not in "".join(n for _, n in PRELOAD.findall(search)
                                                                           if not n.startswith("search-spelling."))
    assert "modulepreload" not in (built / "index.html").read_text(encoding="utf-8")  # no module, nothing to preload
