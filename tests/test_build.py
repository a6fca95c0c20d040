"""End-to-end builds of a content folder written only from the contract."""

from __future__ import annotations

import fnmatch
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from catalogue import pipeline
from catalogue.model.i18n import MissingText
from catalogue.publish.index import NOT_BYTE_STABLE
from conftest import REPO, TODAY, tree_bytes

sys.path.insert(0, str(REPO / "benchmarks"))
from synthetic import write_catalogue  # noqa: E402


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.headings: list[int] = []
        self.texts: list[str] = []
        self.html_lang = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        for name in ("href", "src", "action"):
            if name in attributes and tag != "link" or (tag == "link" and name == "href" and
                                                        attributes.get("rel") == "stylesheet"):
                if attributes.get(name) is not None:
                    self.links.append(attributes[name])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))

    def handle_data(self, data):
        self.texts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.texts).split())


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture
def built(content, tmp_path):
    output = tmp_path / "site"
    result = pipeline.build(content.root, output, TODAY)
    assert result.ok, [p.message for p in result.problems.errors]
    return output


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_writes_a_page_per_offer_and_provider_plus_home_and_404(built):
    browsing = {
        "index.html", "anbieter/index.html", "suche/index.html", "merkliste/index.html",
        "angebote/krabbelgruppe/index.html", "angebote/aerztliche-beratung/index.html",
        "angebote/zeltlager/index.html",
        "anbieter/familienzentrum/index.html", "anbieter/jugendamt/index.html",
        "lebensphasen/index.html", "lebensphasen/schwangerschaft/index.html", "lebensphasen/kleinkind/index.html",
        "lebensphasen/jugend/index.html", "themen/index.html", "themen/fruehe-hilfen/index.html",
        "themen/beratung/index.html", "themen/begegnung/index.html", "stadtteile/index.html",
        "stadtteile/ganz-stadt/index.html", "stadtteile/mitte/index.html", "stadtteile/lintorf/index.html",
        "stadtteile/nord/index.html",
    }
    only_german = {"404.html", "angebot-vorschlagen/index.html", "impressum/index.html", "barrierefreiheit/index.html",
                   "leichte-sprache/index.html", "leichte-sprache/angebote/index.html", "luecken/index.html",
                   "daten/index.html"}
    # every interface language has the pages families browse; Leichte Sprache and Persian (no interface of its
    # own) have only the offer translated into them
    expected = browsing | only_german | {f"{language}/{path}" for language in ("en", "tr", "ar", "uk", "ru")
                                         for path in browsing}
    expected |= {"leichte-sprache/angebote/krabbelgruppe/index.html", "fa/angebote/krabbelgruppe/index.html"}
    assert {p.relative_to(built).as_posix() for p in html_pages(built)} == expected
    [stylesheet] = (built / "assets").glob("style.*.css")
    assert stylesheet.read_text(encoding="utf-8").count("--color-focus") >= 2
    assert (built / "bilder/krabbeln.png").read_bytes()[:4] == b"\x89PNG"


def test_offer_page_shows_the_facts(built):
    page = parse(built / "angebote/krabbelgruppe/index.html")
    text = page.text
    assert page.html_lang == "de"
    assert page.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:])), page.headings
    for fact in ("Krabbelgruppe am Mittwoch", "Eltern mit Babys treffen sich", "mittwochs 9:30–11:00 Uhr",
                 "Lintorf", "Deutsch, Türkisch", "0 bis 3 Jahre", "kostenlos", "Familienzentrum Lintorf",
                 "Beispielweg 1", "Zuletzt geprüft am 1. Oktober 2026", "Wir singen, spielen und trinken Tee."):
        assert fact in text, fact
    html = (built / "angebote/krabbelgruppe/index.html").read_text(encoding="utf-8")
    assert 'alt="Zwei Babys spielen mit Bauklötzen"' in html
    assert 'href="../../anbieter/familienzentrum/"' in html
    assert 'href="tel:116111"' in html  # the help numbers are on every page


def test_example_entries_are_labelled_visibly(built):
    example = parse(built / "angebote/aerztliche-beratung/index.html").text
    assert "Beispiel: Dies ist ein erfundenes Beispiel." in example
    real = parse(built / "angebote/krabbelgruppe/index.html").text
    assert "erfundenes Beispiel" not in real


def test_provider_page_lists_its_offers_in_german_order(built):
    text = parse(built / "anbieter/jugendamt/index.html").text
    assert text.index("Ärztliche Beratung für Schwangere") < text.index("Zeltlager im Sommer")


def test_home_page_counts_offers_per_life_phase_in_chain_order(built):
    text = parse(built / "index.html").text
    assert re.search(r"Schwangerschaft und Geburt 1 Angebot .*0 bis 3 Jahre 1 Angebot .*10 bis 18 Jahre 1 Angebot",
                     text)
    html = (built / "index.html").read_text(encoding="utf-8")
    chain = html[html.index('<ol class="browse-list browse-list--chain">'):]
    chain = chain[:chain.index("</ol>")]
    assert re.findall(r'href="lebensphasen/([a-z-]+)/"', chain) == ["schwangerschaft", "kleinkind", "jugend"]


def test_free_pages_are_in_the_footer_in_their_order(built):
    text = parse(built / "index.html").text
    assert text.index("Erklärung zur Barrierefreiheit") < text.index("Impressum")


def test_all_links_are_relative_and_resolve(built):
    """Sub-path hosting: no page but the 404 page links from the server's root, and every link works."""
    for page in html_pages(built):
        if page.name == "404.html":
            continue
        for link in parse(page).links:
            if link.startswith(("https:", "http:", "mailto:", "tel:", "#")):
                continue
            assert not link.startswith("/"), f"{page}: {link}"
            # a query (the search's filters, ?stadtteil=lintorf) does not change the file the server sends
            path = link.split("#")[0].split("?")[0]
            target = (page.parent / path).resolve()
            if path.endswith("/") or path in ("./", "../", "../../"):
                target = target / "index.html"
            assert target.is_file(), f"{page.relative_to(built)} → {link}"


def test_404_page_links_from_the_path_of_basis_url(built):
    links = [link for link in parse(built / "404.html").links if not link.startswith(("tel:", "#", "mailto:"))]
    assert links and all(link.startswith("/angebote/") for link in links), links


@pytest.fixture
def server_for(tmp_path):
    servers = []

    def serve(root: Path) -> str:
        handler = functools.partial(QuietHandler, directory=str(root))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield serve
    for server in servers:
        server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_site_works_under_a_sub_path_over_http(built, tmp_path, server_for):
    web_root = tmp_path / "www"
    shutil.copytree(built, web_root / "angebote")
    base = server_for(web_root) + "/angebote/"
    seen, queue = set(), [base]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        with urllib.request.urlopen(url) as response:
            assert response.status == 200, url
            if "html" not in response.headers.get("Content-Type", ""):
                continue
            parser = PageParser()
            parser.feed(response.read().decode("utf-8"))
        for link in parser.links:
            absolute = urljoin(url, link).split("#")[0]
            if urlsplit(absolute).netloc == urlsplit(base).netloc:
                assert urlsplit(absolute).path.startswith("/angebote/"), f"{url} → {link}"
                queue.append(absolute)
    reached = {urlsplit(url).path.removeprefix("/angebote/") for url in seen}
    written = {p.relative_to(built).as_posix().removesuffix("index.html") for p in html_pages(built)}
    stylesheet = next((built / "assets").glob("style.*.css")).relative_to(built).as_posix()
    assert reached >= written - {"404.html"} | {stylesheet, "bilder/krabbeln.png"}


def byte_unstable(path: str) -> bool:
    """The files Pagefind writes differently from run to run (its issue #638)."""
    return any(fnmatch.fnmatch(path, pattern) for pattern in NOT_BYTE_STABLE)


def stable_part(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in files.items() if not byte_unstable(name)}


def test_two_builds_are_byte_identical(content, tmp_path):
    """All but the files Pagefind itself writes differently each run (its issue #638); the PDFs included."""
    first, second = tmp_path / "eins", tmp_path / "zwei"
    assert pipeline.build(content.root, first, TODAY, pdf=True).ok
    assert pipeline.build(content.root, second, TODAY, pdf=True).ok
    one, two = tree_bytes(first), tree_bytes(second)
    assert stable_part(one) == stable_part(two)
    unstable = set(one) - set(stable_part(one))
    assert len(one) == len(two) and unstable
    assert all(name.startswith("pagefind/") for name in unstable), "only Pagefind's own files may differ"
    assert any(name.startswith("pagefind/fragment/") for name in stable_part(one))
    assert {"pdf/katalog.pdf", "pdf/lebensphase-jugend.pdf"} <= set(stable_part(one))


def test_parallel_rendering_is_byte_identical_and_complete(tmp_path):
    """Above the threshold pages are rendered by worker processes; the result must not depend on that."""
    source = write_catalogue(tmp_path / "content", 450, providers=7)
    first, second = tmp_path / "eins", tmp_path / "zwei"
    assert pipeline.build(source, first, TODAY).ok
    assert pipeline.build(source, second, TODAY).ok
    files = tree_bytes(first)
    assert stable_part(files) == stable_part(tree_bytes(second))
    assert sum(1 for name in files if name.startswith("angebote/") and name.endswith("/index.html")) == 450


def names_once_deleted_in_background(folder: Path) -> list[str]:
    """What `folder` holds when the folders a successful build leaves to a process of its own (the swapped-out
    output, Pagefind's links) are gone; a folder nothing deletes stays, and the caller's assertion fails."""
    deadline = time.monotonic() + 30
    while any(p.name.startswith(".") for p in folder.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return sorted(p.name for p in folder.iterdir())


def test_failed_build_leaves_previous_output_untouched(content, tmp_path):
    output = tmp_path / "site"
    assert pipeline.build(content.root, output, TODAY).ok
    before = tree_bytes(output)
    content.replace("angebote/krabbelgruppe.md", "stadtteile: [lintorf]", "stadtteile: [nirgendwo]")
    content.replace("angebote/zeltlager.md", "titel: Zeltlager im Sommer", "titel: Neues Zeltlager")
    result = pipeline.build(content.root, output, TODAY)
    assert not result.ok
    assert tree_bytes(output) == before
    assert names_once_deleted_in_background(tmp_path) == ["content", "site"]  # no half-built folder left


def test_the_swapped_out_output_is_deleted_after_the_build_and_leftovers_with_it(content, tmp_path):
    output = tmp_path / "site"
    assert pipeline.build(content.root, output, TODAY).ok
    leftover = tmp_path / ".site-alt-abgebrochen"  # as a build stopped while deleting would leave it
    (leftover / "angebote").mkdir(parents=True)
    (leftover / "angebote/index.html").write_text("alt", encoding="utf-8")
    assert pipeline.build(content.root, output, TODAY).ok
    assert names_once_deleted_in_background(tmp_path) == ["content", "site"]
    assert (output / "angebote/krabbelgruppe/index.html").is_file()


def test_failure_while_writing_leaves_previous_output_untouched(content, tmp_path):
    output = tmp_path / "site"
    assert pipeline.build(content.root, output, TODAY).ok
    before = tree_bytes(output)
    broken_layouts = tmp_path / "layouts"
    shutil.copytree(pipeline.LAYOUTS_DIR, broken_layouts)
    offer_template = broken_layouts / "pages/offer.html"
    offer_template.write_text(offer_template.read_text(encoding="utf-8").replace(
        't("offer_description")', 't("a_text_nobody_wrote")'), encoding="utf-8")
    with pytest.raises(MissingText):
        pipeline.build(content.root, output, TODAY, layouts_dir=broken_layouts)
    assert tree_bytes(output) == before
    assert names_once_deleted_in_background(tmp_path) == ["content", "layouts", "site"]


def test_expired_offer_gets_no_page(content, tmp_path):
    output = tmp_path / "site"
    content.end_zeltlager_yesterday()
    result = pipeline.build(content.root, output, TODAY)
    assert result.ok and len(result.problems.warnings) == 1
    assert not (output / "angebote/zeltlager").exists()
    assert "Zeltlager" not in (output / "anbieter/jugendamt/index.html").read_text(encoding="utf-8")


def test_published_schemas_know_this_catalogues_ids(built):
    import json
    offer_schema = json.loads((built / "schema/angebot.schema.json").read_text(encoding="utf-8"))
    assert offer_schema["properties"]["stadtteile"]["items"]["enum"] == ["ganz-stadt", "mitte", "lintorf", "nord"]
    assert offer_schema["properties"]["anbieter"]["enum"] == ["familienzentrum", "jugendamt"]


def test_starter_catalogue_has_no_errors_and_covers_the_chain():
    from datetime import date
    from catalogue.check.catalogue import load_catalogue
    catalogue, problems = load_catalogue(REPO / "content", date.today())
    assert catalogue is not None, [(p.file.name, p.line, p.message) for p in problems.errors]
    assert len(catalogue.offers) >= 15
    assert all(catalogue.by_life_phase[phase.id] for phase in catalogue.site.life_phases)
    titles = " ".join(o.title for o in catalogue.offers)
    assert "Lotsendienst in Kinderarztpraxen" in titles and "Übergang" in titles
    numbers = {line.phone for line in catalogue.site.help_lines}
    assert {"116 111", "0800 111 0 550", "0800 40 40 020", "116 016"} <= numbers


def test_indexer_failure_fails_the_build_and_keeps_the_previous_site(content, tmp_path, monkeypatch):
    from catalogue.publish import index
    output = tmp_path / "site"
    assert pipeline.build(content.root, output, TODAY).ok
    before = tree_bytes(output)
    monkeypatch.setattr(index.sys, "executable", str(tmp_path / "kein-python"))
    with pytest.raises(index.IndexFailed, match="Pagefind"):
        pipeline.build(content.root, output, TODAY)
    assert tree_bytes(output) == before
    assert names_once_deleted_in_background(tmp_path) == ["content", "site"]


def test_pagefind_takes_the_allocator_setting_that_keeps_its_memory_down():
    """The setting saves a fifth of the memory at 10,000 offers (README, „Speed“); a Pagefind built with another
    allocator, or a jemalloc without that option, would ignore it without a word."""
    from catalogue.publish import index

    def pagefind_starts_with(setting: str) -> bool:
        run = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True,
                             env={**os.environ, index.ALLOCATOR_VARIABLE: f"abort_conf:true,{setting}"})
        return run.returncode == 0

    assert not pagefind_starts_with("no_such_option:1")  # it reads the variable
    assert pagefind_starts_with(index.ALLOCATOR_SETTING)  # and knows the setting


def test_only_offers_are_indexed_with_their_filters(built):
    offer = (built / "angebote/krabbelgruppe/index.html").read_text(encoding="utf-8")
    assert offer.count("data-pagefind-body") == 1
    # filter values are ids, the same in every language; the search page names them
    for expected in ('data-pagefind-filter="stadtteil">lintorf<', 'data-pagefind-filter="kosten">kostenlos<',
                     'data-pagefind-filter="sprache">tr<', 'data-pagefind-filter="wochentag">mi<',
                     'data-pagefind-filter="fassung">de<', 'data-pagefind-filter="uebersetzt">en<',
                     'data-pagefind-filter="uebersetzt">ar<', 'data-pagefind-sort="titel:0000001"',
                     'data-pagefind-meta="fakten_de">0 bis 3 Jahre · Lintorf · kostenlos<',
                     'data-pagefind-meta="fakten_en">0 to 3 years · Lintorf · free<'):
        assert expected in offer, expected
    assert 'data-pagefind-filter="uebersetzt">fa<' not in offer  # not an interface language
    arabic = (built / "ar/angebote/krabbelgruppe/index.html").read_text(encoding="utf-8")
    assert 'data-pagefind-filter="fassung">ar<' in arabic and "uebersetzt" not in arabic
    # each offer's German page and its translations into interface languages, nothing else: not the pages
    # with an offer's German text in another interface, not the Leichte Sprache and Persian versions
    indexed = {page.relative_to(built).as_posix() for page in html_pages(built)
               if "data-pagefind-body" in page.read_text(encoding="utf-8")}
    assert indexed == {f"angebote/{offer}/index.html" for offer in ("krabbelgruppe", "aerztliche-beratung", "zeltlager")
                       } | {"en/angebote/krabbelgruppe/index.html", "ar/angebote/krabbelgruppe/index.html"}
    # one index for all languages: the search pages of every language search the German text
    assert [p.name.split("_")[0] for p in (built / "pagefind").glob("pagefind.*.pf_meta")] == ["pagefind.de"]
    entry = json.loads((built / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["de"]["page_count"] == len(indexed)
    assert (built / "pagefind/pagefind.js").is_file()
    assert not (built / "pagefind/pagefind-ui.js").exists()  # the site has its own interface
