"""The catalogue PDF: accessible (PDF/UA-1), complete, in chain order, linked with its size, byte-stable.

Built once per module, from the fixture (with an offer in three life phases, an expired one and an example),
from a synthetic catalogue written only from the contract, from the fixture with text in the world's scripts
and emoji, and from the starter content in content/; all are read back with pikepdf and poppler's pdftotext,
and checked by two independent PDF/UA-1 validators, page-validation (profile ua1) and outloud. That two builds
write the same PDF bytes is checked with the whole site in test_build.py::test_two_builds_are_byte_identical.
"""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from xml.etree import ElementTree

import outloud
import page
import pikepdf
import pytest
import segno
from outloud.registry import load_catalogue as outloud_rules

from catalogue import pipeline
from catalogue.check import glyphs
from catalogue.check.catalogue import load_catalogue
from catalogue.commands import cli
from catalogue.problems import WARNING, format_text
from catalogue.render.paths import offer_url
from catalogue.render.pdf import contents, layout, qr
from catalogue.render.pdf import document as pdf
from catalogue.render.pdf.failed import PdfFailed
from conftest import EXPIRED_OFFER, EXPIRED_OFFER_ID, FIXTURE, REPO, TODAY, copy_fixture, run_cli, tree_bytes

sys.path.insert(0, str(REPO / "benchmarks"))
from synthetic import write_catalogue  # noqa: E402

HELP_LINE = """---
titel: Elterntelefon
kurz: Eltern sprechen anonym und kostenlos mit erfahrenen Beraterinnen über Sorgen mit ihren Kindern.
anbieter: jugendamt
themen: [beratung]
lebensphasen: [schwangerschaft, kleinkind, jugend]
stadtteile: [ganz-stadt]
format: [telefon]
kostenlos: true
kontakt:
  telefon: 0800 111 0 550
stand: 2026-10-01
---
Rufen Sie an.
"""



def fixture_content(root: Path) -> Path:
    shutil.copytree(FIXTURE, root)
    (root / "angebote/elterntelefon.md").write_text(HELP_LINE, encoding="utf-8")
    (root / f"angebote/{EXPIRED_OFFER_ID}.md").write_text(EXPIRED_OFFER, encoding="utf-8")
    return root


def build(content: Path, output: Path, **options) -> Path:
    result = pipeline.build(content, output, TODAY, pdf=True, **options)
    assert result.ok, [p.message for p in result.problems.errors]
    return output


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("pdf-fixture")
    content = fixture_content(folder / "content")
    return content, build(content, folder / "site")


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("pdf-synthetic")
    content = write_catalogue(folder / "content", 12, providers=5)
    return content, build(content, folder / "site")


@pytest.fixture(params=["fixture", "synthetic"])
def site(request) -> tuple[Path, Path]:
    return request.getfixturevalue(f"{request.param}_site")


def text_of(path: Path, first: int | None = None, last: int | None = None) -> str:
    """The PDF's text as pdftotext reads it, whitespace made single spaces."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], capture_output=True,
                            check=True)
    return " ".join(result.stdout.decode("utf-8").split())


def lines_with_pages(path: Path, first: int, last: int) -> list[tuple[str, int]]:
    """(title, page) of the contents or the index, from pdftotext's layout: the number stands right."""
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", "-f", str(first), "-l", str(last), str(path),
                             "-"], capture_output=True, check=True)
    return [(match[1], int(match[2])) for line in result.stdout.decode("utf-8").splitlines()
            if (match := re.fullmatch(r"\s*(\S.*?)\s{2,}(\d+)\s*", line))]


def catalogue_of(content: Path):
    catalogue, problems = load_catalogue(content, TODAY)
    assert catalogue is not None, problems.errors
    return catalogue


def pdfs_of(built: Path) -> list[Path]:
    return sorted((built / "pdf").glob("*.pdf"))


def outline(path: Path) -> list[tuple[str, list[str]]]:
    with pikepdf.open(path) as document, document.open_outline() as tree:
        return [(item.title, [child.title for child in item.children]) for item in tree.root]


def structure(element, found: list) -> list:
    """(type, alt text) of every structure element below `element`, in document order."""
    if isinstance(element, pikepdf.Array):
        for kid in element:
            structure(kid, found)
    elif isinstance(element, pikepdf.Dictionary) and "/S" in element:
        found.append((str(element.S), str(element.get("/Alt", ""))))
        if "/K" in element:
            structure(element.K, found)
    return found


def test_every_pdf_is_tagged_pdf_ua_in_german_with_its_title(site):
    content, built = site
    site_title = catalogue_of(content).site.title
    files = pdfs_of(built)
    phases = [phase_id for phase_id, offers in catalogue_of(content).by_life_phase.items() if offers]
    assert sorted(f.name for f in files) == sorted(["katalog.pdf", *(f"lebensphase-{p}.pdf" for p in phases)])
    for path in files:
        with pikepdf.open(path) as document:
            root = document.Root
            assert "/StructTreeRoot" in root and len(structure(root.StructTreeRoot.K, [])) > 10, path
            assert root.MarkInfo.Marked is True
            assert str(root.Lang) == "de"
            assert root.ViewerPreferences.DisplayDocTitle is True
            title = str(document.docinfo["/Title"])
            assert title == site_title if path.name == "katalog.pdf" else title.endswith(f" – {site_title}")
            metadata = document.open_metadata()
            assert metadata["dc:title"] == title
            assert metadata["pdfuaid:part"] == "1"
            assert str(document.docinfo["/CreationDate"]) == str(document.docinfo["/ModDate"]) == "D:20261122"
            assert len(document.trailer.ID) == 2  # a file identifier, computed from the content (not random)
            figures = [alt for kind, alt in structure(root.StructTreeRoot.K, []) if kind == "/Figure"]
            assert figures and all(alt.startswith("QR-Code") for alt in figures), figures
            images = [image for page in document.pages for image in page.get_images().values()]
            assert images and not any(bool(image.get("/Interpolate", True)) for image in images), path  # sharp QR


def test_bookmarks_for_every_life_phase_and_every_offer_in_chain_order(site):
    content, built = site
    catalogue = catalogue_of(content)
    marks = outline(built / pdf.CATALOGUE_FILE)
    phases = [(phase.name, [o.title for o in catalogue.by_life_phase[phase.id]])
              for phase in catalogue.site.life_phases]
    assert marks[0] == ("Inhalt", [])
    assert marks[1:-1] == phases
    assert marks[-1] == ("Angebote nach Stadtteil", [])
    assert {title for _, titles in marks for title in titles} == {o.title for o in catalogue.offers}
    for phase in catalogue.site.life_phases:
        if catalogue.by_life_phase[phase.id]:
            assert outline(built / pdf.phase_file(phase.id))[1] == (
                phase.name, [o.title for o in catalogue.by_life_phase[phase.id]])


def test_text_has_every_published_offer_and_the_example_label_but_no_expired_offer(fixture_site):
    content, built = fixture_site
    catalogue = catalogue_of(content)
    text = text_of(built / pdf.CATALOGUE_FILE)
    for offer in catalogue.offers:
        assert offer.title in text and offer.summary in text, offer.title
    assert [o.id for o in catalogue.unpublished] == [EXPIRED_OFFER_ID]
    for path in pdfs_of(built):
        assert "Herbstferienspiele" not in text_of(path), path
    example = text.index("Ärztliche Beratung für Schwangere Beispiel: Dies ist ein erfundenes Beispiel.")
    assert text.count("Beispiel: Dies ist ein erfundenes Beispiel.") == 1 and example > 0
    for fact in ("Stand: 22. November 2026", "Herausgegeben von Stadt Musterstadt, Jugendamt",
                 "Für wen: 0 bis 3 Jahre", "Wann: mittwochs 9:30–11:00 Uhr",
                 "Wo: Familienzentrum Lintorf, Beispielweg 1, 12345 Musterstadt",
                 "Kosten: 3 € pro Termin, mit Familienpass frei", "Anmeldung: Bitte vorher anrufen.",
                 "Kontakt: Frau Muster, Telefon 01234 567-89", "Sprachen: Deutsch, Türkisch",
                 "Barrierefreiheit: Rollstuhlgerecht", "Anbieter: Familienzentrum Lintorf",
                 "Zuletzt geprüft am 1. Oktober 2026.",
                 "Mehr im Internet: https://katalog.example.org/angebote/angebote/krabbelgruppe/"):
        assert fact in text, fact
    assert "15. Januar 2027" in text  # a date still ahead


def page_with(path: Path, needle: str, after: int = 0) -> int:
    with pikepdf.open(path) as document:
        count = len(document.pages)
    return next(number for number in range(after + 1, count + 1) if needle in text_of(path, number, number))


def test_offer_in_several_phases_is_printed_once_and_referenced_with_its_page(fixture_site):
    _, built = fixture_site
    path = built / pdf.CATALOGUE_FILE
    text = text_of(path)
    assert text.count("Mehr im Internet: https://katalog.example.org/angebote/angebote/elterntelefon/") == 1
    references = re.findall(r"Alle Angaben stehen bei „Schwangerschaft und Geburt“ auf Seite (\d+)\.", text)
    assert len(references) == 2  # in „0 bis 3 Jahre“ and „10 bis 18 Jahre“
    full_entry = page_with(path, "Mehr im Internet: https://katalog.example.org/angebote/angebote/elterntelefon/")
    assert references == [str(full_entry)] * 2
    assert "Telefon: 0800 111 0 550" in text  # the reference still gives the number to call
    # a life phase on its own prints it in full
    assert "Mehr im Internet: https://katalog.example.org/angebote/angebote/elterntelefon/" in text_of(
        built / pdf.phase_file("jugend"))


def test_contents_and_district_index_give_the_right_pages(fixture_site):
    content, built = fixture_site
    path = built / pdf.CATALOGUE_FILE
    assert text_of(path, 2, 2).startswith("Inhalt")
    index_start = page_with(path, "Angebote nach Stadtteil Hier stehen")
    entries = lines_with_pages(path, 2, 2)
    phases = [phase.name for phase in catalogue_of(content).site.life_phases]
    assert [title for title, _ in entries] == [
        phases[0], "Ärztliche Beratung für Schwangere", "Elterntelefon",
        phases[1], "Elterntelefon", "Krabbelgruppe am Mittwoch",
        phases[2], "Elterntelefon", "Zeltlager im Sommer", "Angebote nach Stadtteil"]
    for title, number in entries:
        if title == "Angebote nach Stadtteil":
            assert number == index_start
        else:
            assert title in text_of(path, number, number), (title, number)
    index = lines_with_pages(path, index_start, index_start)
    assert [title for title, _ in index] == ["Ärztliche Beratung für Schwangere", "Elterntelefon",
                                              "Krabbelgruppe am Mittwoch", "Zeltlager im Sommer", "Zeltlager im Sommer"]
    index_text = text_of(path, index_start)
    assert (index_text.index("ganz Musterstadt") < index_text.index("Lintorf") < index_text.index("Mitte")
            < index_text.index("Nord"))
    for title, number in index:
        assert title in text_of(path, number, number), (title, number)
    assert dict(index)["Elterntelefon"] == page_with(
        path, "Mehr im Internet: https://katalog.example.org/angebote/angebote/elterntelefon/")
    # PDF/UA: every link says in words where it leads; inside the document that is the title and its page
    with pikepdf.open(path) as document:
        links = [annotation for page in document.pages for annotation in page.obj.get("/Annots", [])]
    inside = {str(link.Contents) for link in links if "/Dest" in link}
    assert {f"{title}, Seite {number}" for title, number in entries} <= inside
    assert all(re.fullmatch(r".+, Seite \d+", text) for text in inside), inside
    assert all(str(link.Contents) == str(link.A.URI) for link in links if "/A" in link)


def png_matrix(png: bytes) -> list[list[int]]:
    """The modules of a QR code drawn as PNG: 1 where the middle pixel of a module is dark."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    side = image.width // qr.QR_MODULE_PIXELS
    assert image.width == image.height == side * qr.QR_MODULE_PIXELS
    middle = qr.QR_MODULE_PIXELS // 2
    return [[1 if image.getpixel((column * qr.QR_MODULE_PIXELS + middle, row * qr.QR_MODULE_PIXELS + middle)) < 128
             else 0 for column in range(side)] for row in range(side)]


def segno_matrix(url: str) -> list[list[int]]:
    return [[1 if module else 0 for module in row]
            for row in segno.make(url, error="m", micro=False).matrix_iter(border=4)]


def test_qr_codes_encode_each_offers_address(fixture_site):
    content, _ = fixture_site
    catalogue = catalogue_of(content)
    parts = contents.Parts(catalogue, pipeline.LAYOUTS_DIR)
    html = "".join(parts.html("chapter", {a: 1 for c in parts.chapters for e in c.entries for a in (e.main,)}, c)
                   for c in parts.chapters)
    images = re.findall(r'<img class="qr" src="data:image/png;base64,([^"]+)" alt="([^"]+)"', html)
    assert len(images) == len(catalogue.offers)
    for offer in catalogue.offers:
        url = f"https://katalog.example.org/angebote/angebote/{offer.id}/"
        embedded = [data for data, alt in images if f"„{offer.title}“" in alt]
        assert len(embedded) == 1, offer.title
        assert png_matrix(base64.b64decode(embedded[0])) == segno_matrix(url), offer.id
    assert png_matrix(qr.qr_png("https://katalog.example.org/angebote/")) == segno_matrix(
        "https://katalog.example.org/angebote/")


def test_pages_link_the_pdfs_with_their_real_size(fixture_site):
    _, built = fixture_site

    def size_text(path: Path) -> str:
        size = path.stat().st_size
        return f"{round(size / 1000)} KB" if size < 999_500 else f"{size / 1_000_000:.1f} MB".replace(".", ",")

    catalogue_link = (f'<a href="pdf/katalog.pdf" type="application/pdf" hreflang="de">Ganzer Katalog zum Ausdrucken '
                      f'(PDF, {size_text(built / pdf.CATALOGUE_FILE)})</a>')
    home = (built / "index.html").read_text(encoding="utf-8")
    assert home.count(catalogue_link) == 2  # the section „Zum Ausdrucken“ and the footer
    offer_page = (built / "angebote/krabbelgruppe/index.html").read_text(encoding="utf-8")
    assert catalogue_link.replace('href="pdf/', 'href="../../pdf/') in offer_page
    phase_page = (built / "lebensphasen/jugend/index.html").read_text(encoding="utf-8")
    assert (f'<a href="../../pdf/lebensphase-jugend.pdf" type="application/pdf" hreflang="de">Diese Lebensphase zum '
            f'Ausdrucken (PDF, {size_text(built / pdf.phase_file("jugend"))})</a>') in phase_page
    # the PDF is German: on the other languages' pages the link says so in their language
    english = (built / "en/index.html").read_text(encoding="utf-8")
    assert (f'href="../pdf/katalog.pdf" type="application/pdf" hreflang="de">The whole catalogue to print '
            f'(PDF, {size_text(built / pdf.CATALOGUE_FILE).replace(",", ".")}) (in German)</a>') in english


def test_a_large_catalogue_is_printed_as_one_volume_per_life_phase(tmp_path, monkeypatch):
    content = write_catalogue(tmp_path / "content", 12, providers=5)
    monkeypatch.setattr(pdf, "WHOLE_CATALOGUE_MAX_OFFERS", 11)
    built = build(content, tmp_path / "site")
    catalogue = catalogue_of(content)
    phases = [phase for phase in catalogue.site.life_phases if catalogue.by_life_phase[phase.id]]
    assert [path.name for path in pdfs_of(built)] == sorted(f"lebensphase-{phase.id}.pdf" for phase in phases)
    for phase in phases:  # each volume prints its phase's offers in full
        text = text_of(built / pdf.phase_file(phase.id))
        assert all(f"Mehr im Internet: {offer_url(catalogue.site, offer.id)}" in text
                   for offer in catalogue.by_life_phase[phase.id]), phase.id

    def volume_link(phase, prefix: str = "") -> str:
        size = (built / pdf.phase_file(phase.id)).stat().st_size
        return (f'<a href="{prefix}pdf/lebensphase-{phase.id}.pdf" type="application/pdf" hreflang="de">{phase.name} '
                f'(PDF, {round(size / 1000)} KB)</a>')

    home = (built / "index.html").read_text(encoding="utf-8")
    section = home[home.index('<h2 id="ausdrucken">'):home.index("</section>", home.index('<h2 id="ausdrucken">'))]
    assert "Ganzer Katalog" not in home and "katalog.pdf" not in home
    links = [volume_link(phase) for phase in phases]
    assert all(link in section for link in links) and sorted(links, key=section.index) == links  # in chain order
    assert '<a href="./#ausdrucken">Katalog zum Ausdrucken: eine PDF-Datei je Lebensphase</a>' in home
    offer_page = (built / f"angebote/{catalogue.offers[0].id}/index.html").read_text(encoding="utf-8")
    assert '<a href="../../#ausdrucken">Katalog zum Ausdrucken: eine PDF-Datei je Lebensphase</a>' in offer_page
    english = (built / "en/index.html").read_text(encoding="utf-8")
    assert '<h2 id="ausdrucken">For printing</h2>' in english and "one for each life phase" in english
    size = round((built / pdf.phase_file(phases[0].id)).stat().st_size / 1000)
    assert (f'<a href="../pdf/lebensphase-{phases[0].id}.pdf" type="application/pdf" hreflang="de"><span lang="de">'
            f'{phases[0].name}</span> (PDF, {size} KB) (in German)</a>') in english  # the name not translated
    data_page = (built / "daten/index.html").read_text(encoding="utf-8")
    assert all(f"Die Lebensphase „{phase.name}“ als PDF" in data_page for phase in phases)


@pytest.mark.parametrize("size, text", [(0, "1 KB"), (31_925, "32 KB"), (999_499, "999 KB"),
                                        (999_500, "1,0 MB"), (1_234_567, "1,2 MB"), (12_960_000, "13,0 MB")])
def test_file_sizes_read_as_a_family_says_them(size, text):
    from catalogue.model.i18n import Texts
    from catalogue.render.templates import environment
    texts = Texts.load(pipeline.LAYOUTS_DIR)
    env = environment(pipeline.LAYOUTS_DIR, texts, texts)
    assert env.filters["file_size"](size) == text


def test_no_pdf_option_writes_no_pdf_and_no_link(tmp_path):
    fixture_content(tmp_path / "content")
    result = run_cli("--content", "content", "--output", "site", "--heute", "2026-11-22", "--no-pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site/pdf").exists()
    assert "Ausdrucken" not in (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert pipeline.build(tmp_path / "content", tmp_path / "ohne", TODAY).ok  # library callers: no PDF by default
    assert not (tmp_path / "ohne/pdf").exists()


def sabotaged_layouts(tmp_path: Path, old: str, new: str) -> Path:
    layouts = tmp_path / "layouts"
    shutil.copytree(pipeline.LAYOUTS_DIR, layouts)
    template = layouts / "pdf/offer.html"
    text = template.read_text(encoding="utf-8")
    assert old in text
    template.write_text(text.replace(old, new), encoding="utf-8")
    return layouts


def test_missing_alt_text_fails_the_build_in_german_and_keeps_the_last_site(tmp_path):
    content = fixture_content(tmp_path / "content")
    output = tmp_path / "site"
    assert pipeline.build(content, output, TODAY).ok
    before = tree_bytes(output)
    layouts = sabotaged_layouts(tmp_path, """ alt="{{ t('pdf_qr_alt', title=offer.title) }}\"""", "")
    with pytest.raises(PdfFailed) as failure:
        pipeline.build(content, output, TODAY, layouts_dir=layouts, pdf=True)
    message = str(failure.value)
    assert message.startswith("Das PDF des Katalogs wurde nicht geschrieben, weil es nicht barrierefrei")
    assert "Ein Bild hat keinen Alternativtext (data:image/png" in message
    assert "alt-Attribut" in message and "layouts/pdf/" in message
    assert tree_bytes(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "layouts", "site"]


def test_the_command_line_says_so_and_exits_2(tmp_path, monkeypatch, capsys):
    fixture_content(tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    original = contents.Parts.html
    monkeypatch.setattr(contents.Parts, "html", lambda self, *args, **kw: original(self, *args, **kw).replace(
        ' alt="QR-Code zur Seite', ' data-alt="QR-Code zur Seite'))
    assert cli.main(["--heute", "2026-11-22"]) == cli.EXIT_USAGE
    error = capsys.readouterr().err
    assert "Fehler: Das PDF des Katalogs wurde nicht geschrieben" in error
    assert "Ein Bild hat keinen Alternativtext" in error
    assert "Die bisherige Website in site ist unverändert." in error and "--no-pdf" in error
    assert "Traceback" not in error
    assert not (tmp_path / "site").exists()


def test_nothing_is_fetched_from_elsewhere(tmp_path):
    content = fixture_content(tmp_path / "content")
    layouts = sabotaged_layouts(tmp_path, '<p class="lead">', '<img src="https://example.org/logo.png" alt="Logo">'
                                                             '<p class="lead">')
    with pytest.raises(PdfFailed, match="nie etwas aus dem Internet"):
        pipeline.build(content, tmp_path / "site", TODAY, layouts_dir=layouts, pdf=True)
    fetcher = layout.url_fetcher([layouts])
    for refused in ("https://example.org/x.png", "http://127.0.0.1/", "ftp://example.org/x",
                    (tmp_path / "content/site.yaml").as_uri()):
        with pytest.raises(layout.RefusedAddress):
            fetcher.fetch(refused)
    assert fetcher.fetch((layouts / "pdf/katalog.css").as_uri()).read().startswith(b"/*")
    assert fetcher.fetch("data:text/plain;base64,aGFsbG8=").read() == b"hallo"


def test_the_structure_tree_reads_in_chain_order(site):
    """A screen reader follows the structure tree: the title, the contents, each life phase with one heading per
    offer in the catalogue's order, then the index with one heading per district."""
    content, built = site
    catalogue = catalogue_of(content)
    with pikepdf.open(built / pdf.CATALOGUE_FILE) as document:
        headings = [kind for kind, _ in structure(document.Root.StructTreeRoot.K, []) if kind in ("/H1", "/H2", "/H3")]
    expected = ["/H1", "/H2"]
    for phase in catalogue.site.life_phases:
        expected += ["/H2"] + ["/H3"] * len(catalogue.by_life_phase[phase.id])
    expected += ["/H2"] + ["/H3"] * len(catalogue.site.districts)
    assert headings == expected


# --- PDF/UA-1, checked by two validators -----------------------------------------------------------------

# outloud's conformance warnings are ISO 14289-1 requirements too (running heads and page numbers as artifacts,
# annotations printed); its semantic warnings (reading order, say) are advice.
OUTLOUD_CONFORMANCE = {rule for rule, meta in outloud_rules().items() if meta.layer == "conformance"}


def pdf_ua_findings(path: Path) -> list[str]:
    """What page-validation (profile ua1) and outloud find wrong with a PDF: every failure, every error, every
    conformance warning, and any rule that could not run."""
    report = page.validate_pdf(path, profile="ua1")
    found = [f"page-validation {failure.rule_id}: {failure.message}" for failure in report.failures]
    if not report.is_compliant and not found:
        found.append("page-validation: not compliant")
    result = outloud.check(str(path))
    if result.error:
        found.append(f"outloud could not check it: {result.error}")
    found += [f"outloud {finding.rule} ({finding.severity}, page {finding.page}): {finding.message}"
              + (f" – {finding.evidence}" if finding.evidence else "")
              for finding in result.findings if finding.severity == "error" or finding.rule in OUTLOUD_CONFORMANCE]
    found += [f"outloud {run.rule} crashed: {run.reason}" for run in result.runs if run.status == "crashed"]
    return found


def assert_pdf_ua(built: Path) -> None:
    files = pdfs_of(built)
    assert files
    findings = {path.name: pdf_ua_findings(path) for path in files}
    failed = {name: found for name, found in findings.items() if found}
    assert not failed, "\n".join(f"{name}:\n  " + "\n  ".join(found) for name, found in failed.items())


def test_every_pdf_passes_both_pdf_ua_validators(site):
    assert_pdf_ua(site[1])


@pytest.fixture(scope="module")
def starter_site(tmp_path_factory) -> Path:
    return build(REPO / "content", tmp_path_factory.mktemp("pdf-starter") / "site")


def internal_links(catalogue) -> int:
    """How many links inside the document the catalogue PDF has: contents, references, index."""
    parts = contents.Parts(catalogue, pipeline.LAYOUTS_DIR)
    entries = [entry for chapter in parts.chapters for entry in chapter.entries]
    return (len(parts.chapters) + len(entries) + 1 + sum(len(district.entries) for district in parts.index)
            + sum(1 for entry in entries if not entry.full) + (1 if parts.needs else 0))


def test_the_starter_catalogue_passes_both_pdf_ua_validators(starter_site):
    """content/ has more than a hundred links in its contents, references and index: each must be there, once,
    and inside a Link structure element (a page number inside a link once gave 85 more outside of one)."""
    assert_pdf_ua(starter_site)
    with pikepdf.open(starter_site / pdf.CATALOGUE_FILE) as document:
        annotations = [a for p in document.pages for a in p.obj.get("/Annots", [])]
    inside = [a for a in annotations if "/Dest" in a]
    assert len(inside) == internal_links(catalogue_of(REPO / "content")) > 100
    assert all(int(a.F) & 4 for a in annotations)  # every annotation printed


def test_the_starter_catalogue_ends_with_offers_and_needs_before_the_index(starter_site):
    """content/ has population figures (invented): the whole catalogue closes with the heat map, the table of offers
    per 1,000 young people and the map, before the index and listed in the contents; both validators pass it
    (test_the_starter_catalogue_passes_both_pdf_ua_validators). A life phase on its own has no such section."""
    path = starter_site / pdf.CATALOGUE_FILE
    heading = "Angebote und Bedarf in den Stadtteilen"
    section = page_with(path, f"{heading} Quelle der Einwohnerzahlen")
    index = page_with(path, "Angebote nach Stadtteil Hier stehen")
    assert section < index
    contents = dict(lines_with_pages(path, 2, section - 1))
    assert contents[heading] == section and contents["Angebote nach Stadtteil"] == index
    text = text_of(path, section, index - 1)
    assert "Quelle der Einwohnerzahlen und Kennzahlen: Erfundene Beispielzahlen" in text
    assert "Stand: 31. Dezember 2025" in text and "Beispiel: Diese Zahlen sind erfunden" in text
    assert "Angebote je 1.000 junge Menschen nach Stadtteil und Lebensphase" in text
    assert "Ratingen-Mitte" in text and "unter Bedarf" in text
    assert "Schematische Beispielkarte, keine echten Grenzen" in text
    with pikepdf.open(path) as document:
        figures = [alt for kind, alt in structure(document.Root.StructTreeRoot.K, []) if kind == "/Figure"]
    pictures = [alt for alt in figures if alt.startswith(("Bild: Angebote je 1.000", "Karte: Angebote je 1.000"))]
    assert [alt.split(":")[0] for alt in pictures] == ["Bild", "Karte"]
    assert "Die Zahlen stehen in der Tabelle nach dem Bild." in pictures[0]
    assert "Die Zahlen je Lebensphase stehen in der Tabelle vor der Karte." in pictures[1]
    for volume in (starter_site / "pdf").glob("lebensphase-*.pdf"):
        assert heading not in text_of(volume), volume.name


def test_every_link_is_there_once(fixture_site):
    content, built = fixture_site
    with pikepdf.open(built / pdf.CATALOGUE_FILE) as document:
        inside = [a for p in document.pages for a in p.obj.get("/Annots", []) if "/Dest" in a]
    assert len(inside) == internal_links(catalogue_of(content))


def artifacts_with_text(page_object) -> list[str]:
    """The subtypes of the pagination artifacts on a page that draw text."""
    found, stack = [], []
    for operands, operator in pikepdf.parse_content_stream(page_object):
        name = str(operator)
        if name in ("BDC", "BMC"):
            properties = operands[1] if name == "BDC" else None
            pagination = (str(operands[0]) == "/Artifact" and isinstance(properties, pikepdf.Dictionary)
                          and properties.get("/Type") == "/Pagination")
            stack.append(str(properties.get("/Subtype")) if pagination else None)
        elif name == "EMC":
            stack.pop()
        elif name in ("Tj", "TJ") and any(stack):
            found.append(next(kind for kind in reversed(stack) if kind))
    return found


def test_several_dates_of_an_offer_are_apart(starter_site):
    """The Babymassage-Kurs in content/ has five dates: „…11:00 Uhr; Mittwoch, …“, never „Uhr;Mittwoch“."""
    text = text_of(starter_site / pdf.CATALOGUE_FILE)
    assert "11:00 Uhr; Mittwoch, 20. Januar 2027" in text and not re.search(r";[^\s]", text)


def test_running_heads_and_page_numbers_are_pagination_artifacts(starter_site):
    with pikepdf.open(starter_site / pdf.CATALOGUE_FILE) as document:
        pages = [artifacts_with_text(page_object) for page_object in document.pages]
    assert pages[0] == []  # the cover has neither
    assert all(kinds.count("/Footer") == 1 for kinds in pages[1:]), pages  # the page number
    # the life phase, on every page of a chapter but its first (string(chapter, first-except))
    assert 3 <= sum("/Header" in kinds for kinds in pages) < len(pages) - 7, pages


# --- every script and emoji; characters no font has -------------------------------------------------------

WORLD = ("🎵", "👶🏽", "🇺🇦", "👨\u200d👩\u200d👧", "日本語", "中文", "한국어", "العربية", "עברית", "हिन्दी", "ไทย",
         "Ελληνικά", "Русский", "ქართული", "Հայերեն", "አማርኛ", "தமிழ்", "বাংলা", "فارسی", "ਪੰਜਾਬੀ", "✓")
NO_FONT = "\ue000"  # private use: no installed font has a glyph for it


def world_content(root: Path) -> Path:
    """The fixture with the world's scripts in an offer's summary and title, and a character no font has in the
    summary (line 3), on the second line of a place's note (line 17) and in a provider's name (line 2)."""
    content = fixture_content(root)
    offer = content / "angebote/krabbelgruppe.md"
    text = offer.read_text(encoding="utf-8")
    world = ", ".join(WORLD)
    for old, new in (
            ("titel: Krabbelgruppe am Mittwoch", "titel: Krabbelgruppe 🎈 am Mittwoch"),
            ("kurz: Eltern mit Babys treffen sich, spielen und tauschen sich aus.",
             f'kurz: "Eltern mit Babys aus aller Welt: {world}. Mit Liedern {NO_FONT}."'),
            ("  - name: Familienzentrum Lintorf\n", "  - name: Familienzentrum Lintorf\n    hinweis: >\n"
             f"      Eingang hinten,\n      zweite Tür {NO_FONT} links\n")):
        assert old in text
        text = text.replace(old, new)
    offer.write_text(text, encoding="utf-8")
    provider = content / "anbieter/familienzentrum.md"
    text = provider.read_text(encoding="utf-8")
    assert text.startswith("---\nname: Familienzentrum Lintorf\n")
    provider.write_text(text.replace("name: Familienzentrum Lintorf", f"name: Familienzentrum Lintorf {NO_FONT}", 1),
                        encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def world_site(tmp_path_factory) -> tuple[Path, Path, pipeline.Result]:
    folder = tmp_path_factory.mktemp("pdf-world")
    content = world_content(folder / "content")
    output = folder / "site"
    result = pipeline.build(content, output, TODAY, pdf=True)
    assert result.ok, [p.message for p in result.problems.errors]
    return content, output, result


def readable(text: str) -> str:
    """pdftotext's text without the bidirectional marks and word joiners it adds, whitespace made single."""
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Cf" or c == "\u200d").split())


def test_every_script_and_emoji_is_in_the_pdf(world_site):
    content, built, _ = world_site
    text = readable(text_of(built / pdf.CATALOGUE_FILE))
    missing = [word for word in WORLD if word not in text]
    assert not missing, missing
    assert "Krabbelgruppe 🎈 am Mittwoch" in text
    assert "Eltern mit Babys aus aller Welt:" in text and "Mit Liedern ." in text
    assert "(Eingang hinten, zweite Tür links" in text and "Anbieter: Familienzentrum Lintorf" in text
    assert NO_FONT not in text
    assert_pdf_ua(built)  # no .notdef glyph, every glyph mapped to text
    assert [title for title, _ in outline(built / pdf.CATALOGUE_FILE)[2:3]] == ["0 bis 3 Jahre"]
    assert "Krabbelgruppe 🎈 am Mittwoch" in outline(built / pdf.CATALOGUE_FILE)[2][1]


def test_a_character_no_font_has_is_a_warning_with_file_line_and_key(world_site):
    content, built, result = world_site
    found = [p for p in result.problems.warnings if "Schrift" in p.message]
    where = sorted((p.file.relative_to(content).as_posix(), p.line, p.key) for p in found)
    assert where == [("anbieter/familienzentrum.md", 2, "name"), ("angebote/krabbelgruppe.md", 3, "kurz"),
                     ("angebote/krabbelgruppe.md", 17, "orte → 1. Eintrag → hinweis")]
    for problem in found:
        assert problem.severity == WARNING
        assert f"„{NO_FONT}“ (U+E000, aus dem Bereich für private Zeichen)" in problem.message
        assert "im PDF des Katalogs fehlt es" in problem.message and problem.hint
    shown = format_text(next(p for p in found if p.key == "kurz"))
    assert "angebote/krabbelgruppe.md:3 (Zeile 3), Angabe „kurz“" in shown and "U+E000" in shown
    assert (built / "index.html").exists() and (built / "angebote/krabbelgruppe/index.html").exists()
    assert NO_FONT in (built / "angebote/krabbelgruppe/index.html").read_text(encoding="utf-8")  # the web keeps it


def test_pdfs_with_every_script_are_byte_stable(world_site, tmp_path):
    content, built, _ = world_site
    pdf.write_pdfs(catalogue_of(content), pipeline.LAYOUTS_DIR, tmp_path, pipeline.no_progress, phases=False)
    assert (tmp_path / pdf.CATALOGUE_FILE).read_bytes() == (built / pdf.CATALOGUE_FILE).read_bytes()


def test_with_strict_a_character_no_font_has_stops_the_build(tmp_path):
    content = copy_fixture(tmp_path / "content")
    offer = content / "angebote/krabbelgruppe.md"
    offer.write_text(offer.read_text(encoding="utf-8").replace("kurz: Eltern mit Babys", f"kurz: Eltern {NO_FONT}"),
                     encoding="utf-8")
    result = pipeline.build(content, tmp_path / "site", TODAY, pdf=True, strict=True)
    assert [(p.file, p.line, p.key) for p in result.problems.errors] == [(offer, 3, "kurz")]
    assert not (tmp_path / "site").exists()


def test_what_fontconfig_misses_weasyprint_still_catches(tmp_path, monkeypatch):
    """Should fontconfig claim a character that Pango then draws as .notdef, the document is laid out again
    without it (PDF/UA forbids .notdef), and the warning is the same."""
    content = fixture_content(tmp_path / "content")
    offer = content / "angebote/krabbelgruppe.md"
    text = offer.read_text(encoding="utf-8")
    offer.write_text(text.replace("kurz: Eltern mit Babys", f"kurz: Eltern {NO_FONT} mit Babys"), encoding="utf-8")
    monkeypatch.setattr(glyphs.Coverage, "has", lambda self, character: True)
    result = pipeline.build(content, tmp_path / "site", TODAY, pdf=True)
    assert result.ok, [p.message for p in result.problems.errors]
    found = [p for p in result.problems.warnings if p.file == offer]
    assert [(p.line, p.key) for p in found] == [(3, "kurz")] and "U+E000" in found[0].message
    assert NO_FONT not in text_of(tmp_path / "site" / pdf.CATALOGUE_FILE)
    assert_pdf_ua(tmp_path / "site")


def test_an_address_weasyprint_cannot_read_is_a_warning_at_its_line(fixture_site):
    """WeasyPrint warns about an address it cannot split („Malformed URL“); from a content file that is a
    warning at its line, from the templates a failure."""
    content, _ = fixture_site
    catalogue = catalogue_of(content)
    found = pdf._content_problems(layout.Findings(addresses=["https://example.org/fz"]), catalogue,
                                  pipeline.LAYOUTS_DIR, content)
    assert [(p.file.name, p.line, p.key, p.severity) for p in found] == [
        ("krabbelgruppe.md", 24, "kontakt → web", WARNING)]
    assert "„https://example.org/fz“ nicht lesen" in found[0].message
    with pytest.raises(PdfFailed, match="Vorlagen unter layouts/pdf/"):
        pdf._content_problems(layout.Findings(addresses=["https://vorlage.example/x"]), catalogue,
                              pipeline.LAYOUTS_DIR, content)
