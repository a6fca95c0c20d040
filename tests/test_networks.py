"""Networks (netzwerke/<id>.md): what a partner is told about a bad file, and what the catalogue makes of a good one."""

from __future__ import annotations

from datetime import date

import pytest

NETWORK = "netzwerke/fruehe-hilfen.md"
GOOD = """---
name: Netzwerk Frühe Hilfen
art: Arbeitskreis
koordination: jugendamt
mitglieder:
  - familienzentrum
  - jugendamt
weitere_mitglieder:
  - Kinderarztpraxen in Musterstadt
lebensphasen: [schwangerschaft, kleinkind]
themen: [fruehe-hilfen]
stadtteile: [lintorf]
treffen: viermal im Jahr im Rathaus
offen_fuer_neue: true
kontakt:
  name: Koordination Frühe Hilfen
  email: fruehe-hilfen@example.org
stand: 2026-10-01
---
Wir arbeiten zusammen, damit Familien mit Babys **schnell** Hilfe finden.
"""


@pytest.fixture
def networked(content):
    content.write(NETWORK, GOOD)
    return content


def single_error(content, relative=NETWORK):
    errors = content.errors()
    assert len(errors) == 1, [(e.file.name, e.line, e.key, e.message) for e in errors]
    error = errors[0]
    assert error.file == content.root / relative
    assert error.hint
    return error


def test_a_good_network_is_read(networked):
    assert [p for p in networked.problems() if p.severity != "notice"] == []
    catalogue = networked.catalogue()
    (network,) = catalogue.networks
    assert network.id == "fruehe-hilfen" and network.kind == "Arbeitskreis"
    assert network.coordinator == "jugendamt" and network.members == ("familienzentrum", "jugendamt")
    assert network.other_members == ("Kinderarztpraxen in Musterstadt",)
    assert network.open_to_new and network.meetings == "viermal im Jahr im Rathaus"
    assert network.contact.email == "fruehe-hilfen@example.org"
    assert network.stand == date(2026, 10, 1) and network.valid_until is None
    assert "<strong>schnell</strong>" in network.body_html
    assert network.source == networked.root / NETWORK
    assert [n.id for n in catalogue.networks_of_provider("familienzentrum")] == ["fruehe-hilfen"]
    assert [n.id for n in catalogue.networks_by_life_phase["kleinkind"]] == ["fruehe-hilfen"]
    assert catalogue.networks_by_district["lintorf"] and not catalogue.networks_by_district["mitte"]


def test_unknown_member_with_did_you_mean(networked):
    networked.replace(NETWORK, "  - familienzentrum\n", "  - familienzentrun\n")
    error = single_error(networked)
    assert error.line == 6 and error.key == "mitglieder → 1. Eintrag"
    assert "familienzentrun" in error.message and "Meinten Sie „familienzentrum“?" in error.message
    assert "weitere_mitglieder" in error.hint


def test_unknown_coordinator(networked):
    networked.replace(NETWORK, "koordination: jugendamt", "koordination: jugendamtt")
    error = single_error(networked)
    assert error.line == 4 and error.key == "koordination"
    assert "Meinten Sie „jugendamt“?" in error.message


@pytest.mark.parametrize("old, new, key, line", [
    ("lebensphasen: [schwangerschaft, kleinkind]", "lebensphasen: [schwangerschaft, kleinkindd]", "lebensphasen", 10),
    ("themen: [fruehe-hilfen]", "themen: [fruehe-hilfe]", "themen", 11),
    ("stadtteile: [lintorf]", "stadtteile: [lintorff]", "stadtteile", 12),
])
def test_unknown_life_phase_topic_district(networked, old, new, key, line):
    networked.replace(NETWORK, old, new)
    error = single_error(networked)
    assert error.line == line and error.key.startswith(key)
    assert "nicht bekannt" in error.message and "Meinten Sie" in error.message


def test_whole_city_is_allowed(networked):
    networked.replace(NETWORK, "stadtteile: [lintorf]", "stadtteile: [ganz-stadt]")
    catalogue = networked.catalogue()
    assert all(catalogue.networks_by_district[d] for d in catalogue.site.districts)


def test_stand_in_the_future(networked):
    networked.replace(NETWORK, "stand: 2026-10-01", "stand: 2027-01-01")
    error = single_error(networked)
    assert error.line == 18 and error.key == "stand" and "Zukunft" in error.message


def test_past_gueltig_bis_is_not_published(networked):
    networked.replace(NETWORK, "stand: 2026-10-01", "stand: 2026-10-01\ngueltig_bis: 2026-11-01")
    warnings = [p for p in networked.problems() if p.severity == "warning"]
    assert [(w.file.name, w.line, w.key) for w in warnings] == [("fruehe-hilfen.md", 19, "gueltig_bis")]
    assert "nicht veröffentlicht" in warnings[0].message
    assert networked.catalogue().networks == ()


def test_unknown_key(networked):
    networked.replace(NETWORK, "art: Arbeitskreis", "art: Arbeitskreis\nmitgleider: [jugendamt]")
    error = single_error(networked)
    assert error.line == 4 and "mitgleider" in error.message


def test_missing_required_key(networked):
    networked.replace(NETWORK, "art: Arbeitskreis\n", "")
    error = single_error(networked)
    assert "art" in error.message


@pytest.mark.parametrize("old, new", [
    ("mitglieder:\n  - familienzentrum\n  - jugendamt\n", "mitglieder: []\n"),
    ("lebensphasen: [schwangerschaft, kleinkind]", "lebensphasen: []"),
    ("stadtteile: [lintorf]", "stadtteile: []"),
])
def test_empty_lists(networked, old, new):
    networked.replace(NETWORK, old, new)
    error = single_error(networked)
    assert error.key in new


def test_translation_holds_name_and_body(networked):
    networked.write("netzwerke/fruehe-hilfen.en.md", "---\nname: Early Help Network\n---\nWe work together.\n")
    (network,) = networked.catalogue().networks
    assert network.translations["en"].name == "Early Help Network"
    assert network.translations["en"].body.strip() == "We work together."


def test_translation_without_network(networked):
    relative = "netzwerke/fruehe-hilfe.en.md"
    networked.write(relative, "---\nname: Early Help Network\n---\nWe work together.\n")
    error = single_error(networked, relative)
    assert error.line == 1 and "fruehe-hilfen" in error.message


def test_translation_with_offer_keys(networked):
    relative = "netzwerke/fruehe-hilfen.tr.md"
    networked.write(relative, "---\nname: Erken Yardım Ağı\nkurz: Birlikte çalışıyoruz ve yardım ediyoruz.\n---\n")
    error = single_error(networked, relative)
    assert error.line == 3 and "kurz" in error.message


def test_new_network_from_the_template(content):
    from conftest import run_cli

    result = run_cli("new", "netzwerk", "runder-tisch", "--content", str(content.root), "--heute", "2026-11-22")
    assert result.returncode == 0, result.stderr
    written = (content.root / "netzwerke" / "runder-tisch.md").read_text(encoding="utf-8")
    assert "schemas/netzwerk.schema.json" in written and "stand: 2026-11-22" in written
    again = run_cli("new", "netzwerk", "runder-tisch", "--content", str(content.root))
    assert again.returncode != 0 and "Das Netzwerk „runder-tisch“ gibt es schon" in again.stderr
    offer = run_cli("new", "babytreff-nord", "--content", str(content.root))
    assert offer.returncode == 0 and (content.root / "angebote" / "babytreff-nord.md").is_file()


# --- pages ------------------------------------------------------------------------------------------------

LANGUAGES = ("", "en/", "tr/", "ar/", "uk/", "ru/")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture catalogue with a network whose members are both providers, one with a file-less member, and its
    English translation; built once for the page tests."""
    import shutil

    from catalogue import pipeline
    from conftest import FIXTURE, TODAY

    root = tmp_path_factory.mktemp("networks") / "content"
    shutil.copytree(FIXTURE, root)
    (root / "netzwerke").mkdir()
    (root / NETWORK).write_text(GOOD.replace("stand: 2026-10-01", "beispiel: true\nstand: 2026-10-01"),
                                encoding="utf-8")
    (root / "netzwerke/fruehe-hilfen.en.md").write_text("---\nname: Early Help Network\n---\nWe work together.\n",
                                                         encoding="utf-8")
    output = root.parent / "site"
    result = pipeline.build(root, output, TODAY)
    assert result.ok, [p.message for p in result.problems.errors]
    return output


def _hrefs(page):
    import re

    return re.findall(r'href="([^"#]*)', page.read_text(encoding="utf-8"))


def _resolves(page, href) -> bool:
    from urllib.parse import urlsplit

    if urlsplit(href).scheme or href.startswith("mailto:") or not href:
        return True
    target = (page.parent / href).resolve()
    return target.is_file() or (target / "index.html").is_file()


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_network_page_in_every_language_with_every_link_resolving(site, prefix):
    from test_build import parse

    page = site / prefix / "netzwerke/fruehe-hilfen/index.html"
    text = parse(page).text
    assert ("Early Help Network" if prefix == "en/" else "Netzwerk Frühe Hilfen") in text
    for words in ("Familienzentrum Lintorf", "Jugendamt Musterstadt", "Kinderarztpraxen in Musterstadt",
                  "viermal im Jahr im Rathaus", "fruehe-hilfen@example.org"):
        assert words in text, words
    html = page.read_text(encoding="utf-8")
    targets = {(page.parent / href).resolve() for href in _hrefs(page)}
    for provider in ("familienzentrum", "jugendamt"):
        assert (site / prefix / "anbieter" / provider).resolve() in targets, provider
    assert 'class="example-notice"' in html
    assert html.count("<svg") == 1 and 'aria-current="page"' in html  # the picture, this network emphasised
    assert not [href for href in _hrefs(page) if not _resolves(page, href)]


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_networks_overview_by_life_phase_in_chain_order(site, prefix):
    page = site / prefix / "netzwerke/index.html"
    html = page.read_text(encoding="utf-8")
    phases = [html.index(f'id="phase-{phase}"') for phase in ("schwangerschaft", "kleinkind", "jugend")]
    assert phases == sorted(phases)
    network = (site / prefix / "netzwerke/fruehe-hilfen").resolve()
    # in both of its life phases, and the node in the picture
    assert [(page.parent / href).resolve() for href in _hrefs(page)].count(network) == 3
    assert html.count("<svg") == 1
    assert not [href for href in _hrefs(page) if not _resolves(page, href)]
    home = site / prefix / "index.html"  # the footer links the overview
    assert (site / prefix / "netzwerke").resolve() in {(home.parent / href).resolve() for href in _hrefs(home)}


@pytest.mark.parametrize("page, named", [
    ("anbieter/familienzentrum/index.html", True),
    ("anbieter/jugendamt/index.html", True),
    ("lebensphasen/kleinkind/index.html", True),
    ("lebensphasen/jugend/index.html", False),
    ("stadtteile/lintorf/index.html", True),
    ("stadtteile/mitte/index.html", False),
])
def test_provider_life_phase_and_district_pages_name_the_network(site, page, named):
    html = (site / page).read_text(encoding="utf-8")
    assert ('href="../../netzwerke/fruehe-hilfen/"' in html) is named


def test_no_network_pages_without_networks(content, tmp_path):
    from catalogue import pipeline
    from conftest import TODAY

    output = tmp_path / "site"
    assert pipeline.build(content.root, output, TODAY).ok
    assert not (output / "netzwerke").exists()
    assert "netzwerke/" not in (output / "index.html").read_text(encoding="utf-8")


# --- open data --------------------------------------------------------------------------------------------


def test_networks_in_csv_and_json(site):
    import csv
    import json

    with (site / "daten/netzwerke.csv").open(encoding="utf-8-sig", newline="") as file:
        header, *rows = list(csv.reader(file, delimiter=";"))
    assert (site / "daten/netzwerke.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    row = dict(zip(header, rows[0]))
    assert len(rows) == 1 and row["ID"] == "fruehe-hilfen" and row["Koordination"] == "Jugendamt Musterstadt"
    assert row["Mitglieder (Kennungen)"] == "familienzentrum, jugendamt"
    assert row["Weitere Mitglieder"] == "Kinderarztpraxen in Musterstadt" and row["Offen für neue Mitglieder"] == "ja"
    (record,) = json.loads((site / "daten/netzwerke.json").read_text(encoding="utf-8"))
    assert record["koordination"] == {"id": "jugendamt", "name": "Jugendamt Musterstadt"}
    assert [m["id"] for m in record["mitglieder"]] == ["familienzentrum", "jugendamt"]
    assert record["lebensphasen"] == ["schwangerschaft", "kleinkind"] and record["stand"] == "2026-10-01"
    assert record["uebersetzungen"]["en"]["name"] == "Early Help Network"
    assert "netzwerke.csv" in (site / "daten/index.html").read_text(encoding="utf-8")


def test_networks_in_hsds_as_programs_and_membership_attributes(networked):
    from catalogue.opendata.hsds import export as hsds
    from test_hsds import errors, validator

    family_centre, youth_office = hsds.organizations(networked.catalogue())
    for record in (family_centre, youth_office):
        assert errors(validator("compiled/organization.json"), record) == [], record["name"]
    (program,) = youth_office["programs"]
    assert program["organization_id"] == youth_office["id"] and program["name"] == "Netzwerk Frühe Hilfen"
    assert "Kinderarztpraxen in Musterstadt" in program["description"]
    assert "programs" not in family_centre
    assert [a["value"] for a in youth_office["attributes"]] == ["koordination"]
    (membership,) = family_centre["attributes"]
    assert membership["value"] == "mitglied" and membership["link_id"] == family_centre["id"]
    assert membership["taxonomy_term"]["code"] == "fruehe-hilfen"


# --- the gap report ---------------------------------------------------------------------------------------


def test_gap_report_names_life_phases_and_districts_without_network(site):
    import csv

    with (site / "luecken/netzwerke.csv").open(encoding="utf-8-sig", newline="") as file:
        header, *rows = list(csv.reader(file, delimiter=";"))
    assert header == ["Lebensphase", "Netzwerke", "Namen der Netzwerke", "Stadtteile ohne Netzwerk"]
    by_phase = {row[0]: row for row in rows}
    assert by_phase["Schwangerschaft und Geburt"][1:] == ["1", "Netzwerk Frühe Hilfen", "Mitte, Nord"]
    assert by_phase["10 bis 18 Jahre"][1:] == ["0", "", "Mitte, Lintorf, Nord"]
    page = (site / "luecken/index.html").read_text(encoding="utf-8")
    assert 'id="netzwerke"' in page and "In dieser Lebensphase arbeitet kein Netzwerk." in page


def test_check_counts_the_networks(networked):
    from conftest import run_cli

    result = run_cli("check", "--content", str(networked.root), "--heute", "2026-11-22")
    assert result.returncode == 0 and "4 Übersetzungen, 1 Netzwerk. Keine Fehler" in result.stderr


def test_report_command_shows_the_network_gaps(networked):
    from conftest import run_cli

    result = run_cli("report", "--content", str(networked.root), "--heute", "2026-11-22")
    assert result.returncode == 0, result.stderr
    section = result.stdout[result.stdout.index("Lebensphasen und Stadtteile ohne Netzwerk"):]
    assert "10 bis 18 Jahre\n  Netzwerke: 0\n  Stadtteile ohne Netzwerk: Mitte, Lintorf, Nord" in section


def test_no_network_gaps_without_networks(content):
    from conftest import run_cli

    result = run_cli("report", "--content", str(content.root), "--heute", "2026-11-22")
    assert result.returncode == 0 and "ohne Netzwerk" not in result.stdout


# --- the build cache --------------------------------------------------------------------------------------


def test_a_cached_build_follows_every_change_of_a_network(content, tmp_path):
    """Provider, life-phase and district pages may be reused from the cache: they must follow a network that is
    added, renamed, moved to another district and removed, as a clean build would write them."""
    from catalogue import pipeline
    from conftest import TODAY
    from test_cache import assert_same_as_clean_build

    site, cache = tmp_path / "site", tmp_path / "cache"
    layouts = pipeline.LAYOUTS_DIR
    network = content.root / NETWORK
    steps = [
        lambda: content.write(NETWORK, GOOD),
        lambda: content.replace(NETWORK, "name: Netzwerk Frühe Hilfen", "name: Arbeitskreis Frühe Hilfen"),
        lambda: content.replace(NETWORK, "stadtteile: [lintorf]", "stadtteile: [mitte]"),
        lambda: content.replace(NETWORK, "  - familienzentrum\n", ""),
        lambda: network.unlink(),
    ]
    assert pipeline.build(content.root, site, TODAY, cache=cache).ok
    for step in steps:
        step()
        result = pipeline.build(content.root, site, TODAY, cache=cache)
        assert result.ok, [p.message for p in result.problems.errors]
        assert_same_as_clean_build(content.root, layouts, site, tmp_path / "clean", result)


def test_the_catalogue_pdf_names_the_networks_of_each_life_phase(networked, tmp_path):
    from catalogue import pipeline
    from conftest import TODAY
    from test_pdf import text_of

    site = tmp_path / "site"
    assert pipeline.build(networked.root, site, TODAY, pdf=True).ok
    text = text_of(site / "pdf/katalog.pdf")
    assert text.count("Wer in dieser Lebensphase zusammenarbeitet") == 2  # Schwangerschaft, 0 bis 3 Jahre
    assert "Netzwerk Frühe Hilfen (Arbeitskreis)." in text
