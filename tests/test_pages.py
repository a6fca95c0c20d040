"""What the pages tell a family: browsing along the prevention chain, offer facts, the BITV NRW pages."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from catalogue import pipeline
from catalogue.render.pages import Listing
from conftest import TODAY
from test_build import parse


def build(content, tmp_path):
    output = tmp_path / "site"
    result = pipeline.build(content.root, output, TODAY)
    assert result.ok, [p.message for p in result.problems.errors]
    return output


@pytest.fixture
def site(content, tmp_path):
    return build(content, tmp_path)


def test_district_page_includes_offers_for_the_whole_city(site):
    lintorf = parse(site / "stadtteile/lintorf/index.html").text
    assert "Krabbelgruppe am Mittwoch" in lintorf and "Ärztliche Beratung für Schwangere" in lintorf
    assert "Zeltlager" not in lintorf
    whole_city = parse(site / "stadtteile/ganz-stadt/index.html").text
    assert "Ärztliche Beratung" in whole_city and "Krabbelgruppe" not in whole_city
    assert "ganz Musterstadt" in whole_city


def test_topic_page_lists_its_offers_in_german_order(site):
    text = parse(site / "themen/begegnung/index.html").text
    assert text.index("Krabbelgruppe am Mittwoch") < text.index("Zeltlager im Sommer")
    assert "2 Angebote." in text


def test_long_lists_are_split_into_pages_with_accessible_pagination(content, tmp_path):
    content.replace("site.yaml", "pruefintervall_monate: 12", "pruefintervall_monate: 12\neintraege_pro_seite: 5")
    for number in range(11):
        content.write(f"angebote/treff-{number:02d}.md", f"""---
titel: Treff {number:02d}
kurz: Ein offener Treff für Jugendliche mit Spiel und Gespräch.
anbieter: jugendamt
themen: [begegnung]
lebensphasen: [jugend]
stadtteile: [nord]
stand: 2026-10-01
---
""")
    site = build(content, tmp_path)
    pages = sorted(p.relative_to(site).as_posix() for p in (site / "lebensphasen/jugend").rglob("index.html"))
    assert pages == ["lebensphasen/jugend/index.html", "lebensphasen/jugend/seite-2/index.html",
                     "lebensphasen/jugend/seite-3/index.html"]
    first = (site / "lebensphasen/jugend/index.html").read_text(encoding="utf-8")
    assert first.count('class="offer-card"') == 5
    assert 'aria-current="page"' in first and 'rel="next" ' not in first
    assert '<a href="../../lebensphasen/jugend/seite-2/" rel="next">Nächste Seite</a>' in first
    second = (site / "lebensphasen/jugend/seite-2/index.html").read_text(encoding="utf-8")
    assert '<a href="../../../lebensphasen/jugend/" rel="prev">Vorherige Seite</a>' in second
    assert "Seite 2 von 3" in parse(site / "lebensphasen/jugend/seite-2/index.html").text
    last = (site / "lebensphasen/jugend/seite-3/index.html").read_text(encoding="utf-8")
    assert last.count('class="offer-card"') == 2  # 12 offers: 5 + 5 + 2


def test_a_long_list_links_its_first_and_last_page_and_the_pages_beside_the_current_one():
    def shown(number, count):
        return Listing("themen", "treffen", "Treffen", "", [], count * 20, number, count).numbers_shown()

    assert shown(1, 3) == [1, 2, 3]
    assert shown(4, 7) == [1, 2, 3, 4, 5, 6, 7], "up to seven pages: all of them"
    assert shown(1, 84) == [1, 2, None, 84]
    assert shown(3, 84) == [1, 2, 3, 4, None, 84]
    assert shown(4, 84) == [1, 2, 3, 4, 5, None, 84], "a gap of one page shows that page"
    assert shown(40, 84) == [1, None, 39, 40, 41, None, 84]
    assert shown(84, 84) == [1, None, 83, 84]


def test_the_pagination_of_a_long_list_leads_to_every_page(content, tmp_path):
    content.replace("site.yaml", "pruefintervall_monate: 12", "pruefintervall_monate: 12\neintraege_pro_seite: 5")
    for number in range(50):
        content.write(f"angebote/treff-{number:02d}.md", f"""---
titel: Treff {number:02d}
kurz: Ein offener Treff für Jugendliche mit Spiel und Gespräch.
anbieter: jugendamt
themen: [begegnung]
lebensphasen: [jugend]
stadtteile: [nord]
stand: 2026-10-01
---
""")
    site = build(content, tmp_path)
    folder = site / "lebensphasen/jugend"
    count = len(list(folder.rglob("index.html")))
    assert count > 8
    page = (folder / "seite-6/index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="pagination".*?</nav>', page, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)
    assert [label for _, label in links] == ["Vorherige Seite", "Seite 1", "Seite 5", "Seite 6", "Seite 7",
                                             f"Seite {count}", "Nächste Seite"]
    assert nav.count('<li class="pagination__gap">…</li>') == 2
    for href, _ in links:
        assert (folder / "seite-6" / href / "index.html").resolve().is_file(), href
    # from any page, every other page is reached by following the links
    reached, todo = set(), [folder / "index.html"]
    while todo:
        current = todo.pop()
        if current in reached:
            continue
        reached.add(current)
        nav = re.search(r'<nav class="pagination".*?</nav>', current.read_text(encoding="utf-8"), re.S).group(0)
        todo += [(current.parent / href / "index.html").resolve() for href in re.findall(r'href="([^"]+)"', nav)]
    assert len(reached) == count


def test_offer_page_links_a_route_and_a_prefilled_error_report(site):
    html = (site / "angebote/krabbelgruppe/index.html").read_text(encoding="utf-8")
    route = re.search(r'href="(https://www\.openstreetmap\.org/search\?[^"]+)"', html).group(1)
    assert parse_qs(urlsplit(route.replace("&amp;", "&")).query)["query"] == ["Beispielweg 1, 12345 Musterstadt"]
    report = re.search(r'href="(mailto:feedback@example\.org\?[^"]+)"', html).group(1).replace("&amp;", "&")
    fields = {k: unquote(v) for k, v in (pair.split("=", 1) for pair in urlsplit(report).query.split("&"))}
    assert fields["subject"] == "Fehler im Angebot: Krabbelgruppe am Mittwoch"
    assert "https://katalog.example.org/angebote/angebote/krabbelgruppe/" in fields["body"]
    assert "<iframe" not in html and "openstreetmap.org/export" not in html


def test_error_report_goes_to_the_feedback_url_when_there_is_one(content, tmp_path):
    content.replace("site.yaml", "  email: feedback@example.org", "  email: feedback@example.org\n"
                    "  url: https://example.org/melden")
    html = (build(content, tmp_path) / "angebote/krabbelgruppe/index.html").read_text(encoding="utf-8")
    assert '<a href="https://example.org/melden">Fehler in diesem Eintrag melden</a>' in html


def test_offer_page_badges_and_dates(site):
    html = (site / "angebote/aerztliche-beratung/index.html").read_text(encoding="utf-8")
    badges = html[html.index('<ul class="badges"'):]
    badges = badges[:badges.index("</ul>")]
    assert ">Rollstuhlgerecht<" in badges and ">vor Ort<" in badges and ">am Telefon<" in badges
    text = parse(site / "angebote/aerztliche-beratung/index.html").text
    assert "Freitag, 15. Januar 2027, 10:00–12:00 Uhr" in text
    assert "Kosten 3 € pro Termin, mit Familienpass frei" in text


def test_past_dates_are_not_shown(content, tmp_path):
    content.replace("angebote/aerztliche-beratung.md", "datum: 2027-01-15", "datum: 2026-01-15")
    text = parse(build(content, tmp_path) / "angebote/aerztliche-beratung/index.html").text
    assert "15. Januar 2026" not in text


def test_accessibility_statement_from_site_yaml(content, tmp_path):
    content.replace("site.yaml", "pruefintervall_monate: 12", """pruefintervall_monate: 12
barrierefreiheit_erklaerung:
  stand: 2026-11-01
  status: teilweise
  bewertung: Selbstbewertung
  einschraenkungen:
    - Die Suche braucht JavaScript.
  ombudsstelle:
    name: Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen
    adresse: Musterstraße 1, 40000 Düsseldorf
    web: https://ombudsstelle.example.org/""")
    text = parse(build(content, tmp_path) / "barrierefreiheit/index.html").text
    for part in ("teilweise mit den Anforderungen der BITV NRW vereinbar", "Die Suche braucht JavaScript.",
                 "1. November 2026", "Selbstbewertung", "feedback@example.org",
                 "Ombudsstelle für barrierefreie Informationstechnik", "Musterstraße 1, 40000 Düsseldorf",
                 "https://ombudsstelle.example.org/", "Wir wollen, dass alle diese Seite nutzen können."):
        assert part in text, part


def test_accessibility_statement_says_honestly_what_is_missing(site):
    text = parse(site / "barrierefreiheit/index.html").text
    assert "noch nicht bewertet" in text and "noch nicht eingetragen" in text


def test_easy_language_and_sign_language_on_the_start_page(site):
    text = parse(site / "index.html").text
    assert "Auf dieser Seite finden Sie Angebote in Musterstadt." in text
    assert "Ein Video in Deutscher Gebärdensprache gibt es für diesen Katalog noch nicht." in text
    easy = parse(site / "leichte-sprache/index.html")
    assert "Wie finde ich ein Angebot?" in easy.text


def test_sign_language_video_is_embedded_from_bilder(content, tmp_path):
    (content.root / "bilder/dgs.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    content.replace("site.yaml", "pruefintervall_monate: 12", "pruefintervall_monate: 12\n"
                    "gebaerdensprache_video:\n  titel: Der Katalog in Gebärdensprache\n  datei: dgs.mp4")
    html = (build(content, tmp_path) / "index.html").read_text(encoding="utf-8")
    assert '<video controls preload="none" src="bilder/dgs.mp4"' in html
    assert "Der Katalog in Gebärdensprache" in html


def test_header_has_search_and_easy_language_and_footer_the_legal_pages(site):
    html = (site / "angebote/krabbelgruppe/index.html").read_text(encoding="utf-8")
    header = html[html.index("<header"):html.index("</header>")]
    assert 'action="../../suche/"' in header and 'name="q"' in header and "<label" in header
    assert 'href="../../leichte-sprache/"' in header
    footer = parse(site / "index.html").text.split("Informationen zum Katalog")[-1]
    assert re.search(r"Erklärung zur Barrierefreiheit .*Leichte Sprache .*Impressum", footer)
