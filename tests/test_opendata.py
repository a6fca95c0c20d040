"""The built site's open data besides HSDS, calendars and CSV (tested in their own files): Atom feed, sitemap,
robots.txt, JSON-LD on offer pages, the page daten/, and that an expired offer is in none of the outputs."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from icalendar import Calendar

from catalogue import pipeline
from catalogue.opendata import feeds, jsonld
from conftest import TODAY
from test_pdf import text_of

BASE = "https://katalog.example.org/angebote/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def built(content, tmp_path):
    output = tmp_path / "site"
    assert pipeline.build(content.root, output, TODAY).ok
    return output


def json_ld(page) -> dict:
    [block] = re.findall(r'<script type="application/ld\+json">\n(.*?)\n</script>', page.read_text(encoding="utf-8"),
                         re.S)
    return json.loads(block)


def test_atom_feed_is_well_formed_with_absolute_addresses_newest_first(built):
    feed = ET.parse(built / "daten/angebote.atom").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == BASE + "daten/angebote.atom"
    entries = feed.findall(f"{ATOM}entry")
    updated = [entry.findtext(f"{ATOM}updated") for entry in entries]
    assert updated == sorted(updated, reverse=True) and len(entries) == 3
    assert feed.findtext(f"{ATOM}updated") == updated[0]
    for entry in entries:
        datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert link.startswith(BASE + "angebote/") and entry.findtext(f"{ATOM}id") == link
        assert (built / link.removeprefix(BASE) / "index.html").is_file()
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert "Ärztliche Beratung für Schwangere (Beispiel)" in titles  # an invented example says so here too


def test_every_page_names_the_feed(built):
    html = (built / "tr/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml"' in html and 'href="../daten/angebote.atom"' in html


def test_sitemap_lists_each_canonical_page_once_with_absolute_addresses(built):
    root = ET.parse(built / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    locations = [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]
    assert len(locations) == len(set(locations))
    assert all(loc.startswith(BASE) for loc in locations)
    paths = {loc.removeprefix(BASE) for loc in locations}
    assert {"", "angebote/krabbelgruppe/", "ar/angebote/krabbelgruppe/", "luecken/", "daten/"} <= paths
    # the Turkish page of an offer without a Turkish translation points to the German one: not listed
    assert "tr/angebote/zeltlager/" not in paths and "404.html" not in paths
    for path in paths:
        assert (built / path / "index.html").is_file(), path
    krabbel = next(url for url in root.findall(f"{SITEMAP}url")
                   if url.findtext(f"{SITEMAP}loc") == BASE + "angebote/krabbelgruppe/")
    assert krabbel.findtext(f"{SITEMAP}lastmod") == "2026-10-01"
    alternates = {link.get("hreflang"): link.get("href") for link in krabbel.findall(f"{XHTML}link")}
    assert alternates["ar"] == BASE + "ar/angebote/krabbelgruppe/" and alternates["de-x-ls"].endswith(
        "leichte-sprache/angebote/krabbelgruppe/")


def test_a_large_sitemap_becomes_an_index_of_parts(content, monkeypatch):
    monkeypatch.setattr(feeds, "SITEMAP_LIMIT", 10)
    catalogue = content.catalogue()
    from catalogue.model.gaps import GapTables
    from catalogue.render.pages import plan_pages
    pages = plan_pages(catalogue, ["de", "en"], GapTables(None, []))
    files = feeds.sitemap_files(catalogue, pages)
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == f"{SITEMAP}sitemapindex"
    parts = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert parts == [f"{BASE}sitemap-{n}.xml" for n in range(1, len(files))]
    sizes = [len(ET.fromstring(files[part.removeprefix(BASE)]).findall(f"{SITEMAP}url")) for part in parts]
    assert max(sizes) == 10 and sum(sizes) == sum(1 for p in pages if p.canonical is None and p.path != "404.html")


def test_robots_txt_names_the_sitemap(built):
    assert (built / "robots.txt").read_text(encoding="utf-8").splitlines()[-1] == f"Sitemap: {BASE}sitemap.xml"


def test_json_ld_of_a_partners_offer(built):
    data = json_ld(built / "angebote/krabbelgruppe/index.html")
    assert data["@context"] == "https://schema.org" and data["@type"] == "Service"
    assert data["name"] == "Krabbelgruppe am Mittwoch" and data["url"] == BASE + "angebote/krabbelgruppe/"
    assert data["provider"]["@type"] == "Organization" and data["provider"]["name"] == "Familienzentrum Lintorf"
    assert data["areaServed"] == [{"@type": "AdministrativeArea", "name": "Lintorf",
                                   "containedInPlace": {"@type": "City", "name": "Musterstadt"}}]
    assert data["audience"]["@type"] == "PeopleAudience" and data["audience"]["audienceType"] == ["0 bis 3 Jahre"]
    assert (data["audience"]["suggestedMinAge"], data["audience"]["suggestedMaxAge"]) == (0, 3)
    assert data["isAccessibleForFree"] is True
    assert [language["alternateName"] for language in data["availableLanguage"]] == ["de", "tr"]
    place, web = data["availableChannel"]
    assert place["serviceLocation"]["name"] == "Familienzentrum Lintorf"
    assert place["serviceLocation"]["openingHoursSpecification"] == [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": ["Wednesday"], "opens": "09:30", "closes": "11:00"}]
    assert web["serviceUrl"] == "https://example.org/fz"


def test_json_ld_of_the_citys_own_offer_is_a_government_service(built):
    data = json_ld(built / "angebote/aerztliche-beratung/index.html")
    assert data["@type"] == "GovernmentService" and data["provider"]["@type"] == "GovernmentOrganization"
    assert data["areaServed"] == [{"@type": "City", "name": "Musterstadt"}]
    assert data["isAccessibleForFree"] is False and data["offers"]["description"].startswith("3 €")
    channels = {key for channel in data["availableChannel"] for key in channel if key != "@type"}
    assert channels == {"servicePhone", "serviceUrl"}  # it names no place
    phone = next(c["servicePhone"] for c in data["availableChannel"] if "servicePhone" in c)
    assert phone["telephone"] == "01234 567-89"


def test_json_ld_of_a_translation_is_in_its_language(built):
    data = json_ld(built / "ar/angebote/krabbelgruppe/index.html")
    assert data["name"] == "مجموعة الأطفال الرضع يوم الأربعاء"
    assert data["url"] == BASE + "ar/angebote/krabbelgruppe/"


def test_json_ld_cannot_end_its_script_element():
    tag = jsonld.script_tag({"name": "</script><script>alert(1)</script>"})
    assert tag.count("</script>") == 1 and "\\u003c/script>" in tag
    assert json.loads(tag.removeprefix('<script type="application/ld+json">').removesuffix("</script>"))["name"] \
        == "</script><script>alert(1)</script>"


def test_the_open_data_page_links_every_file_with_its_size(built):
    html = (built / "daten/index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="\.\./([^"]+)" type="([^"]+)">', html)
    linked = {path for path, _ in links}
    assert {"daten/hsds/services.json", "daten/hsds/organizations.json", "daten/angebote.csv", "daten/angebote.ics",
            "daten/angebote.atom", "sitemap.xml", "schema/angebot.schema.json"} <= linked
    for path in linked:
        assert (built / path).is_file(), path
    size = (built / "daten/angebote.csv").stat().st_size
    assert f"(CSV, {max(1, round(size / 1000))} KB)" in html
    assert "daten/" in (built / "en/index.html").read_text(encoding="utf-8")  # the footer links it everywhere


def test_an_offer_with_times_links_its_calendar(built):
    krabbel = (built / "angebote/krabbelgruppe/index.html").read_text(encoding="utf-8")
    assert 'href="../../angebote/krabbelgruppe/termine.ics" type="text/calendar"' in krabbel
    english = (built / "en/angebote/krabbelgruppe/index.html").read_text(encoding="utf-8")
    assert 'href="../../../angebote/krabbelgruppe/termine.ics"' in english
    assert "Add to your calendar (in German)</a>" in english  # the calendar's words are the German file's
    calendar = Calendar.from_ical((built / "angebote/krabbelgruppe/termine.ics").read_bytes())
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Krabbelgruppe am Mittwoch"]
    assert "termine.ics" not in (built / "angebote/zeltlager/index.html").read_text(encoding="utf-8")
    assert not (built / "angebote/zeltlager/termine.ics").exists()


def test_offer_pages_show_when_they_were_checked_and_warn_when_that_is_overdue(content, tmp_path):
    content.replace("angebote/zeltlager.md", "stand: 2026-06-01", "stand: 2025-06-01")
    output = tmp_path / "site"
    result = pipeline.build(content.root, output, TODAY)
    assert result.ok and any(p.key == "stand" and "zeltlager" in str(p.file) for p in result.problems.warnings)
    zelt = (output / "angebote/zeltlager/index.html").read_text(encoding="utf-8")
    assert "Zuletzt geprüft am 1. Juni 2025." in zelt and "länger nicht geprüft" in zelt
    krabbel = (output / "angebote/krabbelgruppe/index.html").read_text(encoding="utf-8")
    assert "Zuletzt geprüft am 1. Oktober 2026." in krabbel and "länger nicht geprüft" not in krabbel
    assert "Эту информацию давно не проверяли" in (output / "ru/angebote/zeltlager/index.html").read_text(
        encoding="utf-8")


def test_an_expired_offer_is_in_no_output(content, tmp_path):
    content.end_zeltlager_yesterday()
    output = tmp_path / "site"
    result = pipeline.build(content.root, output, TODAY, pdf=True)
    assert result.ok
    assert any(p.key == "gueltig_bis" for p in result.problems.warnings)  # `check` says so
    assert not list(output.rglob("zeltlager*"))  # no page in any language, no calendar, no HSDS record
    for path in output.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".ics", ".atom", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8-sig")
            # the gap report lists it as expired; the proposal form knows its file name is taken
            assert "zeltlager" not in text.lower() or path.relative_to(output).as_posix() in (
                "luecken/index.html", "luecken/ablauf.csv", "angebot-vorschlagen/kennungen.json"), path
    hsds = json.loads((output / "daten/hsds/services.json").read_text(encoding="utf-8"))
    assert hsds["total_items"] == 2
    rows = list(csv.reader(io.StringIO((output / "daten/angebote.csv").read_text(encoding="utf-8-sig")),
                           delimiter=";"))
    assert [row[0] for row in rows[1:]] == ["aerztliche-beratung", "krabbelgruppe"]
    pdf_text = text_of(output / "pdf/katalog.pdf")
    assert "Krabbelgruppe am Mittwoch" in pdf_text and "Zeltlager" not in pdf_text
    # the coordinator still sees it, as expired
    assert "Zeltlager im Sommer" in (output / "luecken/index.html").read_text(encoding="utf-8")
