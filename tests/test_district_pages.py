"""District pages: the first page of stadtteile/<id>/ shows the district's offers by life phase, the phases where it
has no offer of its own, where else to look (the whole city, online and by telephone), and its figures where there
are any, in every interface language. The offers are the fixture's (see tests/test_needs.py for the counts)."""

from __future__ import annotations

import re

import pytest

from catalogue import pipeline
from catalogue.model.districts import SHOWN_PER_PHASE
from catalogue.pipeline import LAYOUTS_DIR
from conftest import TODAY
from test_cache import assert_same_as_clean_build
from test_gaps import Tables
from test_needs import BEDARF, INDICATORS, OFFER, POPULATION


def text_of(html: str) -> str:
    """The page's words as a reader meets them, one space between."""
    main = html[html.index("<main"):html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)).replace(" .", ".").replace(" ,", ",")


def headings(html: str, level: int) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", html, re.S)]


@pytest.fixture
def plain(content, tmp_path):
    """The fixture without figures: Lintorf has only the Krabbelgruppe (0 bis 3 Jahre)."""
    output = tmp_path / "site"
    assert pipeline.build(content.root, output, TODAY).ok
    return output


@pytest.fixture
def with_figures(content, tmp_path):
    content.write("site.yaml", (content.root / "site.yaml").read_text(encoding="utf-8") + BEDARF)
    content.write("angebote/babytreff.md", OFFER.format(title="Babytreff", districts="mitte, lintorf",
                                                        formats="vor-ort"))
    content.write("angebote/online-beratung.md", OFFER.format(title="Beratung online", districts="mitte",
                                                              formats="online, telefon"))
    content.write("daten/bevoelkerung.csv", POPULATION)
    content.write("daten/kennzahlen.csv", INDICATORS)
    output = tmp_path / "site"
    assert pipeline.build(content.root, output, TODAY).ok
    return output


def page(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_offers_by_life_phase_in_the_order_of_the_chain(plain):
    html = page(plain, "stadtteile/lintorf/index.html")
    assert headings(html, 2)[:2] == ["Angebote nach Lebensphase", "Alle Angebote"]
    assert headings(html, 3)[:3] == ["Schwangerschaft und Geburt", "0 bis 3 Jahre", "10 bis 18 Jahre"]
    words = text_of(html)
    assert "0 bis 3 Jahre Angebote in Lintorf: 1 Krabbelgruppe am Mittwoch 10 bis 18 Jahre" in words
    assert '<a href="../../angebote/krabbelgruppe/">' in html
    # the full list stays below, its cards one level under the new heading
    assert words.count("Krabbelgruppe") >= 2 and '<h3 class="offer-card__title">' in html


def test_the_phases_without_an_offer_of_its_own_are_said_plainly(plain):
    words = text_of(page(plain, "stadtteile/lintorf/index.html"))
    # Ärztliche Beratung is for the whole city: not Lintorf's own
    assert "In Lintorf gibt es noch kein Angebot für: Schwangerschaft und Geburt, 10 bis 18 Jahre." in words
    pregnancy = words[words.index("Schwangerschaft und Geburt In Lintorf"):words.index("0 bis 3 Jahre")]
    assert "In Lintorf gibt es für diese Lebensphase noch kein Angebot." in pregnancy
    assert "Angebote für ganz Musterstadt: 1" in pregnancy
    youth = words[words.rindex("10 bis 18 Jahre In Lintorf"):words.index("Alle Angebote 2 Angebote")]
    assert "Auch für ganz Musterstadt, online und am Telefon gibt es dafür noch kein Angebot." in youth
    # Nord has the Zeltlager (10 bis 18 Jahre) and lacks the others
    assert ("In Nord gibt es noch kein Angebot für: Schwangerschaft und Geburt, 0 bis 3 Jahre."
            in text_of(page(plain, "stadtteile/nord/index.html")))


def test_the_whole_city_and_remote_offers_are_pointed_to(plain):
    html = page(plain, "stadtteile/lintorf/index.html")
    assert "Für Familien in Lintorf sind auch die Angebote für ganz Musterstadt da" in html
    assert '<a href="../../stadtteile/ganz-stadt/">Alle Angebote für ganz Musterstadt</a>' in html
    assert '<a href="../../suche/?form=online&amp;form=telefon">Alle Angebote online oder am Telefon</a>' in html
    assert ('<a href="../../suche/?stadtteil=ganz-stadt&amp;lebensphase=schwangerschaft">'
            'Angebote für ganz Musterstadt: 1</a>') in html


def test_only_the_first_page_of_a_district_and_not_the_whole_city_has_the_overview(content, tmp_path):
    content.replace("site.yaml", "pruefintervall_monate: 12", "pruefintervall_monate: 12\neintraege_pro_seite: 5")
    for number in range(5):  # with the Krabbelgruppe and the Ärztliche Beratung: 7 offers, 2 pages
        content.write(f"angebote/treff-{number}.md", OFFER.format(title=f"Treff {number}", districts="lintorf",
                                                                  formats="vor-ort"))
    assert pipeline.build(content.root, tmp_path / "site", TODAY).ok
    first, second = page(tmp_path / "site", "stadtteile/lintorf/index.html"), \
        page(tmp_path / "site", "stadtteile/lintorf/seite-2/index.html")
    assert "Angebote nach Lebensphase" in first and 'href="../../stadtteile/lintorf/seite-2/"' in first
    assert "Angebote nach Lebensphase" not in second
    assert "Angebote nach Lebensphase" not in page(tmp_path / "site", "stadtteile/ganz-stadt/index.html")
    assert "Angebote nach Lebensphase" not in page(tmp_path / "site", "lebensphasen/jugend/index.html")


def test_a_long_phase_names_the_first_offers_and_links_the_search(content, tmp_path):
    for number in range(SHOWN_PER_PHASE + 1):
        content.write(f"angebote/treff-{number}.md", OFFER.format(title=f"Treff {number}", districts="nord",
                                                                  formats="vor-ort"))
    assert pipeline.build(content.root, tmp_path / "site", TODAY).ok
    html = page(tmp_path / "site", "stadtteile/nord/index.html")
    assert "Angebote in Nord: 6" in text_of(html)
    assert len(re.findall(r'<li><a href="\.\./\.\./angebote/treff-', html)) == SHOWN_PER_PHASE
    assert ('<a href="../../suche/?stadtteil=nord&amp;lebensphase=kleinkind">'
            'Alle Angebote für 0 bis 3 Jahre in Nord in der Suche</a>') in html
    assert len(re.findall(r'<h3 class="offer-card__title"><a href="\.\./\.\./angebote/treff-', html)) == 6


def test_without_figures_there_is_no_figures_section(plain):
    html = page(plain, "stadtteile/lintorf/index.html")
    assert "Zahlen für" not in html and "<table" not in html


def test_the_figures_as_an_accessible_table(with_figures):
    html = page(with_figures, "stadtteile/lintorf/index.html")
    parser = Tables()
    parser.feed(html)
    assert [t["caption"] for t in parser.tables] == ["Junge Menschen und Angebote in Lintorf nach Lebensphase"]
    header, *body = parser.tables[0]["rows"]
    assert [cell[:3] for cell in header] == [("th", "col", "Lebensphase"), ("th", "col", "Junge Menschen"),
                                             ("th", "col", "Angebote im Stadtteil"),
                                             ("th", "col", "Angebote je 1.000 junge Menschen"),
                                             ("th", "col", "Hinweis")]
    rows = [[cell[2] for cell in row] for row in body]
    assert [row[0][:2] for row in body] == [("th", "row")] * 3
    # Lintorf: 2,000 young children, Krabbelgruppe and Babytreff: 1.0 per 1,000, under the minimum of 1.5
    assert rows == [["Schwangerschaft und Geburt", "unbekannt", "0", "unbekannt", ""],
                    ["0 bis 3 Jahre", "2.000", "2", "1,0", "weniger Angebote als gebrauchtunter dem Mindestwert 1,5"],
                    ["10 bis 18 Jahre", "unbekannt", "0", "unbekannt", ""]]
    assert body[1][4][3] == "district__flagged"
    words = text_of(html)
    assert "Zahlen für Lintorf" in words
    assert "Beispiel: Diese Zahlen sind erfunden und keine amtliche Statistik." in words
    assert "Quelle: Erfundene Beispielzahlen. Stand: 31. Dezember 2025." in words
    assert "weniger als 1,5 Angebote je 1.000 junge Menschen" in words
    assert 'href="../../luecken/#bedarf"' in html


def test_the_indicators_with_their_unit(with_figures):
    parser = Tables()
    parser.feed(page(with_figures, "stadtteile/nord/index.html"))
    indicators = parser.tables[1]
    assert indicators["caption"] == "Kennzahlen für Nord"
    assert [[cell[2] for cell in row] for row in indicators["rows"]] == [["Kennzahl", "Wert"],
                                                                          ["SGB-II-Quote", "21,5 %"]]
    # Nord: 400 young children and no offer of its own; the Zeltlager for 250 young people: 4.0 per 1,000
    rows = {row[0][2]: [cell[2] for cell in row[1:]] for row in parser.tables[0]["rows"][1:]}
    assert rows["0 bis 3 Jahre"][:3] == ["400", "0", "0,0"]
    assert rows["10 bis 18 Jahre"] == ["250", "1", "4,0", ""]


def test_english_figures_are_written_the_english_way(with_figures):
    parser = Tables()
    parser.feed(page(with_figures, "en/stadtteile/lintorf/index.html"))
    assert [cell[2] for cell in parser.tables[0]["rows"][2]][1:4] == ["2,000", "2", "1.0"]


def test_arabic_page_is_right_to_left_and_marks_the_german_names(with_figures):
    html = page(with_figures, "ar/stadtteile/lintorf/index.html")
    assert '<html lang="ar" dir="rtl">' in html
    lintorf = '<span lang="de" dir="ltr">Lintorf</span>'
    assert f"لا توجد بعد في {lintorf} أي خدمة لـ:" in html
    assert f"أرقام {lintorf}" in html  # the figures' heading
    assert '<a href="../../../ar/stadtteile/ganz-stadt/">' in html
    assert 'href="../../../ar/suche/?stadtteil=ganz-stadt&amp;lebensphase=schwangerschaft"' in html
    parser = Tables()
    parser.feed(html)
    assert [cell[2] for cell in parser.tables[0]["rows"][2]][1:4] == ["2,000", "2", "1.0"]
    # the source is German, marked as such
    assert '<span lang="de" dir="ltr">Erfundene Beispielzahlen</span>' in html


def test_a_cached_build_writes_the_district_pages_a_clean_build_writes(content, tmp_path):
    """The page shows counts of other offers and the figures: a change to either reaches it through the cache."""
    content.write("site.yaml", (content.root / "site.yaml").read_text(encoding="utf-8") + BEDARF)
    content.write("daten/bevoelkerung.csv", POPULATION)
    site, cache = tmp_path / "site", tmp_path / "cache"
    assert pipeline.build(content.root, site, TODAY, cache=cache).ok
    content.write("daten/bevoelkerung.csv", POPULATION.replace("lintorf;kleinkind;2.000", "lintorf;kleinkind;700"))
    content.write("angebote/ganz-neu.md", OFFER.format(title="Für alle", districts="ganz-stadt", formats="vor-ort"))
    assert pipeline.build(content.root, site, TODAY, cache=cache).ok
    assert_same_as_clean_build(content.root, LAYOUTS_DIR, site, tmp_path / "clean")
    words = text_of(page(site, "stadtteile/lintorf/index.html"))
    assert "0 bis 3 Jahre 700 1 1,4" in words and "Angebote für ganz Musterstadt: 1" in words
