"""The search page in a real browser, on the fixture catalogue served under a sub-path (/angebote/)."""

from __future__ import annotations

import json
import shutil
from urllib.parse import parse_qs, parse_qsl, unquote, urlencode, urlsplit

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from catalogue import pipeline

from .checks import RECORD_CSP_VIOLATIONS, WAIT_FOR_RESULTS, axe_report, axe_violations
from .conftest import FIXTURE, REPO, TODAY, Server, SiteHandler

KRABBEL, AERZTLICH, ZELT = "Krabbelgruppe am Mittwoch", "Ärztliche Beratung für Schwangere", "Zeltlager im Sommer"
ALL = {KRABBEL, AERZTLICH, ZELT}

@pytest.fixture
def search(browser):
    browser.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_CSP_VIOLATIONS})
    base = browser.origins["katalog"] + "/angebote/suche/"

    class Search:
        def open(self, **params) -> list[str]:
            pairs = [(k, v) for k, values in params.items() for v in ([values] if isinstance(values, str) else values)]
            browser.driver.get(base + ("?" + urlencode(pairs) if pairs else ""))
            return self.titles() if pairs else []

        def arrive(self) -> None:
            """Waits until a form sent from another page has loaded the search page: a script started
            before the navigation would die with the old page and never report."""
            WebDriverWait(browser.driver, 15).until(lambda driver: driver.execute_script(
                "return document.readyState === 'complete' && location.pathname === arguments[0]",
                urlsplit(base).path))

        def titles(self) -> list[str]:
            status = browser.driver.execute_async_script(WAIT_FOR_RESULTS)
            assert not status.startswith("TIMEOUT"), status
            return [a.text for a in browser.driver.find_elements(By.CSS_SELECTOR, "#suche-ergebnisse h2 a")]

        def status(self) -> str:
            return browser.driver.find_element(By.ID, "suche-status").text

        def params(self) -> dict:
            return parse_qs(urlsplit(browser.driver.current_url).query)

        def csp_violations(self) -> list[str]:
            return browser.run("return window.__cspViolations")

    return Search()


@pytest.mark.parametrize("query, expected", [
    ("Krabbelgruppe", KRABBEL),
    ("Jugendlichen", ZELT),  # "Jugendliche" in the text: German stemming
    ("Familien", ZELT),  # "Familie" in the text
    ("Hebamme", AERZTLICH),  # only in schlagworte
    ("Ärztin", AERZTLICH),
])
def test_a_query_finds_its_offer_among_the_first_three(search, query, expected):
    titles = search.open(q=query)
    assert expected in titles[:3], (query, titles)
    assert search.csp_violations() == []


def test_results_link_to_the_offer_under_the_sub_path(search, browser):
    search.open(q="Krabbelgruppe")
    link = browser.driver.find_element(By.CSS_SELECTOR, "#suche-ergebnisse h2 a")
    assert urlsplit(link.get_attribute("href")).path == "/angebote/angebote/krabbelgruppe/"
    facts = browser.driver.find_element(By.CSS_SELECTOR, "#suche-ergebnisse .offer-card__facts").text
    assert facts == "0 bis 3 Jahre · Lintorf · kostenlos"


@pytest.mark.parametrize("filters, expected", [
    ({"lebensphase": "kleinkind"}, {KRABBEL}),
    ({"lebensphase": "schwangerschaft"}, {AERZTLICH}),
    ({"thema": "begegnung"}, {KRABBEL, ZELT}),
    ({"thema": "beratung"}, {AERZTLICH}),
    ({"stadtteil": "lintorf"}, {KRABBEL, AERZTLICH}),  # the Beratung is for the whole city
    ({"stadtteil": "nord"}, {ZELT, AERZTLICH}),
    ({"stadtteil": "ganz-stadt"}, {AERZTLICH}),
    ({"stadtteil": ["lintorf", "mitte"]}, ALL),  # values of one filter: any of them
    ({"kosten": "kostenlos"}, {KRABBEL}),
    ({"sprache": "tr"}, {KRABBEL}),
    ({"sprache": "de"}, ALL),
    ({"barrierefreiheit": "rollstuhlgerecht"}, {AERZTLICH}),
    ({"form": "telefon"}, {AERZTLICH}),
    ({"form": "vor-ort"}, ALL),
    ({"wochentag": "mi"}, {KRABBEL}),
    ({"wochentag": "fr"}, {AERZTLICH}),  # the dated event on 15 January 2027
    ({"stadtteil": "lintorf", "kosten": "kostenlos"}, {KRABBEL}),  # different filters: all of them
    ({"stadtteil": "mitte", "thema": "beratung", "form": "telefon"}, {AERZTLICH}),
])
def test_each_filter_narrows_to_exactly_the_matching_offers(search, filters, expected):
    titles = search.open(**filters)
    assert set(titles) == expected
    assert len(titles) == len(expected)


def test_filters_only_browsing_lists_in_title_order_and_announces_the_count(search):
    titles = search.open(form="vor-ort")
    assert titles == [AERZTLICH, KRABBEL, ZELT]  # German order: Ä with A
    status = search.status()
    assert status.startswith("3 Angebote gefunden.") and "vor Ort" in status  # the filter by its name


def test_clicking_a_filter_updates_results_and_address(search, browser):
    search.open()
    browser.driver.find_element(By.CSS_SELECTOR, ".search__filters summary").click()
    browser.driver.find_element(By.CSS_SELECTOR, "label[for^='filter-kosten']").click()
    assert search.titles() == [KRABBEL]
    assert search.params() == {"kosten": ["kostenlos"]}


def test_the_address_round_trips_the_state(search, browser):
    assert search.open(q="Zeltlager", stadtteil="nord") == [ZELT]
    assert browser.driver.find_element(By.ID, "suche-wort").get_attribute("value") == "Zeltlager"
    nord = browser.driver.find_element(By.CSS_SELECTOR, "input[name=stadtteil][value=nord]")
    assert nord.is_selected()
    field = browser.driver.find_element(By.ID, "suche-wort")
    field.clear()
    field.send_keys("Hebamme", Keys.ENTER)
    assert search.titles() == [AERZTLICH]
    assert search.params() == {"q": ["Hebamme"], "stadtteil": ["nord"]}
    browser.driver.back()
    assert search.titles() == [ZELT]
    assert browser.driver.find_element(By.ID, "suche-wort").get_attribute("value") == "Zeltlager"
    browser.driver.refresh()
    assert search.titles() == [ZELT]


@pytest.mark.parametrize("crafted", ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf",
                                     "__defineGetter__", "utm_source"])
def test_a_crafted_parameter_name_neither_breaks_the_search_nor_narrows_it(search, browser, crafted):
    """Issue 32.3: suche/?q=baby&__proto__=x threw in the scripts, which kept the filters in a plain object keyed
    by the address's parameter names: no results, no status, and the fallback without JavaScript hidden."""
    browser.driver.get_log("browser")  # what earlier tests left in the console
    titles = search.open(q="Krabbelgruppe", **{crafted: "x"})
    assert titles[:1] == [KRABBEL], titles
    assert "gefunden" in search.status()
    lintorf = search.open(stadtteil="lintorf")
    assert len(lintorf) == 2 and search.open(**{crafted: ["x", "y"]}, stadtteil="lintorf") == lintorf
    browser.driver.find_element(By.CSS_SELECTOR, "label[for^='filter-kosten']").click()
    assert search.titles() == [KRABBEL] and search.params().get("kosten") == ["kostenlos"]
    errors = [entry["message"] for entry in browser.driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors


# Names an object inherits, and what else a crafted link may carry (issue 32.3).
PROTOTYPE_NAMES = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf",
                   "propertyIsEnumerable", "toLocaleString", "__defineGetter__", "__defineSetter__",
                   "__lookupGetter__", "__lookupSetter__", "length", "then", "q", "stadtteil", "kosten"]
parameter_names = st.one_of(st.sampled_from(PROTOTYPE_NAMES), st.text(min_size=1, max_size=12))


@settings(max_examples=12, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.tuples(parameter_names, st.text(max_size=8)), min_size=1, max_size=4))
def test_any_parameters_leave_the_search_working(search, browser, crafted):
    """Whatever names and values a link carries, the search answers: the query's results with the page's own
    filters as the link names them, a status, and no error in the console."""
    browser.driver.get_log("browser")
    pairs = [("q", "Krabbelgruppe"), *crafted]
    browser.driver.get(browser.origins["katalog"] + "/angebote/suche/?" + urlencode(pairs))
    titles = search.titles()
    filters = {name: [v for n, v in crafted if n == name and v] for name in ("stadtteil", "kosten")}
    if not any(filters.values()) and not any(name == "q" for name, _ in crafted):
        assert titles[:1] == [KRABBEL], (pairs, titles)
    assert search.status(), pairs
    errors = [entry["message"] for entry in browser.driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, (pairs, errors)


def test_the_header_search_box_submits_to_the_search_page(search, browser):
    browser.driver.get(browser.origins["katalog"] + "/angebote/angebote/zeltlager/")
    field = browser.driver.find_element(By.ID, "suche-kopf")
    field.send_keys("Hebamme", Keys.ENTER)
    search.arrive()
    assert search.titles()[0] == AERZTLICH


def test_keyboard_alone(search, browser):
    search.open()
    browser.driver.find_element(By.ID, "suche-wort").click()
    browser.press("Krabbelgruppe" + Keys.ENTER)
    assert search.titles()[0] == KRABBEL
    browser.press(Keys.TAB)  # the search button
    browser.press(Keys.TAB)  # the filters' summary
    assert browser.run("return document.activeElement.tagName") == "SUMMARY"
    browser.press(Keys.ENTER)
    browser.press(Keys.TAB)
    assert browser.run("return document.activeElement.name") == "lebensphase"
    browser.press(Keys.SPACE)  # Schwangerschaft und Geburt, together with the query: nothing
    assert search.titles() == []
    assert "Kein Angebot gefunden" in search.status()


def test_content_security_policy_is_in_force(search, browser):
    search.open(q="Krabbelgruppe")
    policy = browser.run("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content")
    assert "script-src 'self' 'wasm-unsafe-eval'" in policy and "unsafe-inline" not in policy
    browser.run("const s = document.createElement('script'); s.textContent = 'window.__inline = 1';"
                "document.head.append(s);")
    assert browser.run("return window.__inline") is None
    assert any(v.startswith("script-src") for v in search.csp_violations())


@pytest.mark.parametrize("state", ["leer", "mit Ergebnissen", "Filter offen"])
def test_no_axe_violations_in_any_state(search, browser, state):
    if state == "leer":
        search.open()
        browser.settle()
    elif state == "mit Ergebnissen":
        search.open(q="Beratung")
    else:
        search.open(stadtteil="lintorf")
        assert browser.run("return document.querySelector('.search__filters').open")
    for scheme in ("light", "dark"):
        browser.set_color_scheme(scheme)
        violations = axe_violations(browser)
        assert not violations, f"{state}, {scheme}:\n{axe_report(violations)}"


def test_without_javascript_the_page_says_so_and_offers_the_browse_pages(browser):
    browser.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.driver.get(browser.origins["katalog"] + "/angebote/suche/?q=Hebamme")
        message = browser.driver.find_element(By.CSS_SELECTOR, "[data-no-js] p")
        assert message.is_displayed() and "braucht JavaScript" in message.text
        links = {a.get_attribute("href") for a in browser.driver.find_elements(By.CSS_SELECTOR, "[data-no-js] a")}
        assert browser.origins["katalog"] + "/angebote/lebensphasen/kleinkind/" in links
        assert not browser.driver.find_element(By.CSS_SELECTOR, ".search__filters").is_displayed()
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


WAIT_FOR_SOME_RESULTS = """
const done = arguments[arguments.length - 1];
const started = Date.now();
(function poll() {
  const status = document.getElementById('suche-status');
  const list = document.getElementById('suche-ergebnisse');
  if (status.textContent && list.children.length > 0) return done(status.textContent);
  if (Date.now() - started > 15000) return done('TIMEOUT: ' + status.textContent);
  setTimeout(poll, 50);
})();
"""


@pytest.mark.parametrize("language, free, title", [
    ("ar", "مجانًا", "مجموعة الأطفال الرضع يوم الأربعاء"),
    ("en", "free", "Baby group on Wednesdays"),
])
def test_each_language_finds_translations_and_german_offers_and_speaks_its_language(browser, language, free, title):
    """The Arabic search page finds the Arabic translation of an offer instead of its German page, and the
    other offers in German, linked to their pages with the facts in Arabic; the facts and the number found are
    in Arabic, with the right plural form."""
    texts = yaml.safe_load((REPO / "layouts" / "i18n" / f"{language}.yaml").read_text(encoding="utf-8"))
    assert texts["offer_free"] == free
    browser.driver.get(browser.origins["katalog"] + f"/angebote/{language}/suche/?kosten=kostenlos")
    status = browser.driver.execute_async_script(WAIT_FOR_SOME_RESULTS)
    assert not status.startswith("TIMEOUT"), status
    links = browser.driver.find_elements(By.CSS_SELECTOR, "#suche-ergebnisse h2 a")
    assert [link.text for link in links] == [title]  # the translation, not also the German page
    assert urlsplit(links[0].get_attribute("href")).path == f"/angebote/{language}/angebote/krabbelgruppe/"
    assert links[0].get_attribute("lang") == ""  # in the page's language
    facts = browser.driver.find_element(By.CSS_SELECTOR, "#suche-ergebnisse .offer-card__facts").text
    assert free in facts and texts["age_from_to"].format(start=0, end=3) in facts
    rule = browser.driver.execute_script(f"return new Intl.PluralRules('{language}').select(1)")
    assert status.startswith(texts["search_found"].get(rule, texts["search_found"]["other"]).format(count=1))
    assert browser.driver.find_element(By.TAG_NAME, "html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")

    browser.driver.get(browser.origins["katalog"] + f"/angebote/{language}/suche/?q=Zeltlager")
    status = browser.driver.execute_async_script(WAIT_FOR_SOME_RESULTS)
    links = browser.driver.find_elements(By.CSS_SELECTOR, "#suche-ergebnisse h2 a")
    assert links[0].text == ZELT, status  # a German word finds the German offer
    assert urlsplit(links[0].get_attribute("href")).path == f"/angebote/{language}/angebote/zeltlager/"
    assert links[0].get_attribute("lang") == "de"  # marked as German on this page (WCAG 3.1.2)
    summary = browser.driver.find_element(By.CSS_SELECTOR, "#suche-ergebnisse .offer-card__summary")
    assert summary.get_attribute("lang") == "de"


@pytest.mark.parametrize("language, title", [("ar", "مجموعة الأطفال الرضع يوم الأربعاء"),
                                             ("en", "Baby group on Wednesdays")])
def test_a_german_word_finds_the_translation_on_its_language_page(browser, language, title):
    """On the Arabic page the German page of a translated offer is hidden (the translation stands for it), so the
    German word a family knows from a flyer must find the translation."""
    browser.driver.get(browser.origins["katalog"] + f"/angebote/{language}/suche/?q=Krabbelgruppe")
    status = browser.driver.execute_async_script(WAIT_FOR_SOME_RESULTS)
    assert not status.startswith("TIMEOUT"), status
    links = browser.driver.find_elements(By.CSS_SELECTOR, "#suche-ergebnisse h2 a")
    assert [link.text for link in links] == [title]
    assert urlsplit(links[0].get_attribute("href")).path == f"/angebote/{language}/angebote/krabbelgruppe/"


def test_a_word_of_a_translation_finds_it_on_its_language_page_only(browser, search):
    browser.driver.get(browser.origins["katalog"] + "/angebote/ar/suche/?q=الرضع")
    status = browser.driver.execute_async_script(WAIT_FOR_SOME_RESULTS)
    assert not status.startswith("TIMEOUT"), status
    titles = [a.text for a in browser.driver.find_elements(By.CSS_SELECTOR, "#suche-ergebnisse h2 a")]
    assert titles == ["مجموعة الأطفال الرضع يوم الأربعاء"]
    assert search.open(q="الرضع") == []  # the German search page has the German offers only


@pytest.mark.parametrize("site, filters_loaded", [("beispiel", False), ("katalog", True)])
def test_the_german_search_loads_the_versions_filter_only_where_there_are_translations(sites, browser, site,
                                                                                          filters_loaded):
    """Without translations every page in the index is German, and telling versions apart would cost the first
    search a filter file (21 KB at 10,000 offers). The fixture has translations, which it must keep apart."""
    requested = []

    class Recording(SiteHandler):
        def send_head(self):
            requested.append(urlsplit(self.path).path)
            return super().send_head()

    server = Server(sites[site].output, sites[site].prefix, Recording)
    try:
        browser.driver.get(f"{server.origin}{sites[site].prefix}suche/?q=Krabbelgruppe")
        status = browser.driver.execute_async_script(WAIT_FOR_SOME_RESULTS)
    finally:
        server.close()
    assert not status.startswith("TIMEOUT"), status
    titles = [a.text for a in browser.driver.find_elements(By.CSS_SELECTOR, "#suche-ergebnisse h2 a")]
    assert any("Krabbelgruppe" in title for title in titles), titles
    assert any("/pagefind/fragment/" in path for path in requested)  # the worker's requests are seen
    assert any("/pagefind/filter/" in path for path in requested) == filters_loaded, requested


# --- „Nichts Passendes gefunden?“ -----------------------------------------------------------------------------

WAIT_FOR_FEEDBACK = """
const done = arguments[arguments.length - 1];
const started = Date.now();
(function poll() {
  const section = document.querySelector('[data-feedback]');
  const busy = document.querySelector('.search__results[aria-busy]');
  const status = document.getElementById('suche-status').textContent;
  if (section && !section.hidden && !busy && status) return done(section.querySelector('a[href^="mailto:"]').href);
  if (Date.now() - started > 15000) return done('TIMEOUT: ' + status);
  setTimeout(poll, 50);
})();
"""
SITE_BASE = "https://katalog.example.org/angebote/"


def feedback_mail(browser) -> tuple[str, str, str]:
    """The address, subject and body of the invitation's mail link, once the search has written it."""
    href = browser.driver.execute_async_script(WAIT_FOR_FEEDBACK)
    assert not href.startswith("TIMEOUT"), href
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and " " not in href and "+" not in parts.query
    fields = dict(pair.split("=", 1) for pair in parts.query.split("&"))
    assert set(fields) == {"subject", "body"}
    return parts.path, unquote(fields["subject"]), unquote(fields["body"])


@pytest.mark.parametrize("language, prefix", [("de", ""), ("ar", "ar/")])
def test_a_search_that_finds_nothing_invites_a_mail_with_the_query_and_the_page(search, browser, language, prefix):
    texts = yaml.safe_load((REPO / "layouts" / "i18n" / f"{language}.yaml").read_text(encoding="utf-8"))
    query = "xyzzy zwölf & Co"
    browser.driver.get(browser.origins["katalog"] + f"/angebote/{prefix}suche/?" + urlencode({"q": query}))
    address, subject, body = feedback_mail(browser)
    assert address == "feedback@example.org"
    assert subject == texts["feedback_subject_about"].format(about=query)
    lines = body.split("\r\n")
    assert lines[0] == texts["feedback_body_intro"]
    assert texts["feedback_body_search"].format(query=query) in lines
    page = f"{SITE_BASE}{prefix}suche/?" + urlencode({"q": query})
    assert texts["feedback_body_page"].format(url=page) in lines
    assert texts["feedback_body_missing"] in lines
    heading = browser.driver.find_element(By.ID, "suche-nichts-passendes")
    assert heading.is_displayed() and heading.text == texts["feedback_heading"]
    if language == "ar":
        assert "بحثت عن" in body and "خدمة ناقصة في الدليل" in subject
    assert search.csp_violations() == []


def test_the_mail_names_the_chosen_filters_and_follows_the_search(search, browser):
    search.open(q="xyzzy", stadtteil="lintorf")
    _, subject, body = feedback_mail(browser)
    assert subject == "Angebot fehlt im Katalog: xyzzy (Lintorf)"
    assert "Gesucht: xyzzy (Lintorf)" in body.split("\r\n")
    assert f"{SITE_BASE}suche/?q=xyzzy&stadtteil=lintorf" in body
    box = browser.driver.find_element(By.CSS_SELECTOR, "input[name=q]")
    box.clear()
    box.send_keys("Schwimmkurs", Keys.ENTER)
    WebDriverWait(browser.driver, 15).until(lambda driver: "Schwimmkurs" in driver.find_element(
        By.CSS_SELECTOR, "[data-feedback] a[href^='mailto:']").get_attribute("href"))
    _, subject, _ = feedback_mail(browser)
    assert subject == "Angebot fehlt im Katalog: Schwimmkurs (Lintorf)"


def test_the_invitation_waits_for_a_search(search, browser):
    search.open()
    browser.settle()
    assert not browser.driver.find_element(By.CSS_SELECTOR, "[data-feedback]").is_displayed()
    assert not browser.driver.find_element(By.CSS_SELECTOR, "[data-no-js] .feedback-invitation").is_displayed()


def test_no_axe_violations_with_the_invitation_shown(search, browser):
    search.open(q="xyzzy")
    feedback_mail(browser)
    for scheme in ("light", "dark"):
        browser.set_color_scheme(scheme)
        violations = axe_violations(browser)
        assert not violations, f"{scheme}:\n{axe_report(violations)}"


def test_with_feedback_url_on_github_the_form_link_opens_the_wish_form_with_the_search(browser, tmp_path):
    """feedback.url on this repository's issues: the second link opens „Angebot fehlt“ with the search's facts as
    the parameters its fields are named by, written by the script as for the mail."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    site_yaml = content / "site.yaml"
    data = yaml.safe_load(site_yaml.read_text(encoding="utf-8"))
    data["repository"] = {"url": "https://github.com/beispiel/angebote"}
    data["feedback"]["url"] = "https://github.com/beispiel/angebote/issues/new?template=fehler-melden.yml"
    site_yaml.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = pipeline.build(content, tmp_path / "site", TODAY)
    assert result.ok, [str(p) for p in result.problems.errors]
    server = Server(tmp_path / "site", "/angebote/")
    try:
        browser.driver.get(server.origin + "/angebote/suche/?q=Schwimmkurs&stadtteil=nord")
        feedback_mail(browser)
        href = browser.driver.find_element(By.CSS_SELECTOR, "[data-feedback] .feedback-invitation__form") \
            .get_attribute("href")
        parts = urlsplit(href)
        assert (parts.netloc, parts.path) == ("github.com", "/beispiel/angebote/issues/new")
        assert parse_qsl(parts.query) == [("template", "angebot-fehlt.yml"), ("suche", "Schwimmkurs (Nord)"),
                                          ("seite", f"{SITE_BASE}suche/?q=Schwimmkurs&stadtteil=nord")]
        assert " " not in href
    finally:
        server.close()
