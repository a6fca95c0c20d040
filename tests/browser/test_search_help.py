"""The search page helping a family on: spelling suggestions, synonyms, counts on every filter, the page when
nothing is found, and no layout shift. On the fixture catalogue (served under /angebote/), whose site.yaml has
the synonym group [Baby, Säugling, Neugeborenes]."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .checks import LAYOUT_SHIFTS, axe_report, axe_violations
from .conftest import REPO
from .test_search import AERZTLICH, KRABBEL, ZELT

# The status line once a search has ended: its last change is the whole answer (search.js writes it last).
WAIT_FOR_ANSWER = """
const done = arguments[arguments.length - 1];
const started = Date.now();
(function poll() {
  const status = document.getElementById('suche-status').textContent;
  const loading = document.querySelector('.search__results').dataset.textLoading;
  const busy = document.querySelector('.search__results[aria-busy]');
  if (status && status !== loading && !busy) return done(status);
  if (Date.now() - started > 15000) return done('TIMEOUT: ' + status);
  setTimeout(poll, 50);
})();
"""

WAIT_FOR_COUNTS = """
const done = arguments[arguments.length - 1];
const started = Date.now();
(function poll() {
  const counts = [...document.querySelectorAll('.search__count')].map((c) => c.textContent);
  const busy = document.querySelector('.search__results[aria-busy]');
  if (counts.length && counts.every((count) => count.trim()) && !busy) return done(counts.length);
  if (Date.now() - started > 15000) return done(-1);
  setTimeout(poll, 50);
})();
"""

class SearchPage:
    def __init__(self, browser, language=""):
        self.browser = browser
        self.base = browser.origins["katalog"] + "/angebote/" + (f"{language}/" if language else "") + "suche/"

    @property
    def driver(self):
        return self.browser.driver

    def open(self, **params) -> str:
        pairs = [(k, v) for k, values in params.items() for v in ([values] if isinstance(values, str) else values)]
        self.driver.get(self.base + ("?" + urlencode(pairs) if pairs else ""))
        return self.answer() if pairs else ""

    def answer(self) -> str:
        status = self.driver.execute_async_script(WAIT_FOR_ANSWER)
        assert not status.startswith("TIMEOUT"), status
        return status

    def titles(self) -> list[str]:
        self.answer()
        return [a.text for a in self.driver.find_elements(By.CSS_SELECTOR, "#suche-ergebnisse h2 a")]

    def suggestions(self) -> list[str]:
        return [a.text for a in self.driver.find_elements(By.CSS_SELECTOR, ".search__suggestion-list a")
                if a.is_displayed()]

    def query(self) -> list[str]:
        return parse_qs(urlsplit(self.driver.current_url).query).get("q", [])

    def count(self, name: str, value: str) -> tuple[str, bool]:
        """The count a filter value's label shows, and whether the value looks like it has none (the filters
        opened first: the counts are made when they are open)."""
        self.open_filters()
        assert self.driver.execute_async_script(WAIT_FOR_COUNTS) > 0
        option = self.driver.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']")
        label = option.find_element(By.XPATH, "following-sibling::label")
        row = option.find_element(By.XPATH, "..")
        count = label.find_element(By.CSS_SELECTOR, ".search__count").get_attribute("textContent")
        return count, "search__option--none" in row.get_attribute("class")

    def open_filters(self) -> None:
        details = self.driver.find_element(By.CSS_SELECTOR, ".search__filters")
        if not details.get_attribute("open"):
            details.find_element(By.TAG_NAME, "summary").click()


@pytest.fixture
def search_page(browser):
    return SearchPage(browser)


# --- misspellings ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed, meant, offer", [
    ("Rabbelgruppe", "Krabbelgruppe", KRABBEL),  # the first letter missing
    ("Krabelgruppe", "Krabbelgruppe", KRABBEL),  # in the middle
    ("Krabbelgrupep", "Krabbelgruppe", KRABBEL),  # two letters swapped at the end
    ("Zeltalger", "Zeltlager", ZELT),  # swapped in the middle
    ("Schwangerchaft", "Schwangerschaft", AERZTLICH),
    ("Ebamme", "Hebamme", AERZTLICH),  # a word only in schlagworte, its first letter missing
    ("Arztin", "Ärztin", AERZTLICH),  # the umlaut without its dots
    ("Aerztin", "Ärztin", AERZTLICH),  # the umlaut as ae
    ("Grupe", "Krabbelgruppe", KRABBEL),  # a misspelt end of a compound
])
def test_a_misspelt_word_gets_the_word_meant_and_the_link_runs_that_search(search_page, typed, meant, offer):
    status = search_page.open(q=typed)
    assert f"Meinten Sie „{meant}“" in status, status
    suggestions = search_page.suggestions()
    assert suggestions and suggestions[0].startswith(meant), suggestions
    search_page.driver.find_element(By.CSS_SELECTOR, ".search__suggestion-list a").click()
    assert offer in search_page.titles()
    assert search_page.query() == [meant]
    assert search_page.driver.find_element(By.ID, "suche-wort").get_attribute("value") == meant


def test_a_word_that_finds_offers_gets_no_suggestion(search_page):
    status = search_page.open(q="Krabbelgruppe")
    assert "Meinten Sie" not in status
    assert search_page.suggestions() == []


def test_a_query_of_two_words_keeps_the_right_one(search_page):
    status = search_page.open(q="Krabelgruppe Mittwoch")
    assert "„Krabbelgruppe Mittwoch“" in status, status
    assert search_page.suggestions()[0].startswith("Krabbelgruppe Mittwoch")


def test_a_suggestion_that_finds_nothing_with_the_filters_is_offered_without_them(search_page):
    status = search_page.open(q="Krabelgruppe", stadtteil="nord")
    assert "Meinten Sie „Krabbelgruppe“" in status, status
    search_page.driver.find_element(By.CSS_SELECTOR, ".search__suggestion-list a").click()
    assert search_page.titles() == [KRABBEL]
    assert parse_qs(urlsplit(search_page.driver.current_url).query) == {"q": ["Krabbelgruppe"]}


def test_the_vocabulary_is_loaded_only_when_a_query_finds_little(search_page, browser):
    search_page.open(form="vor-ort")  # three offers, and no word
    loaded = browser.run("return performance.getEntriesByType('resource').map((e) => e.name)")
    assert not any("woerter.json" in name or "spelling.js" in name for name in loaded)
    search_page.open(q="Krabelgruppe")
    loaded = browser.run("return performance.getEntriesByType('resource').map((e) => e.name)")
    assert any("woerter.json" in name for name in loaded)


# --- synonyms ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["Säugling", "Neugeborenes", "säugling"])
def test_a_word_of_a_synonym_group_finds_the_offer_that_uses_another(search_page, word):
    """The Krabbelgruppe says „Babys“; site.yaml groups Baby, Säugling and Neugeborenes."""
    search_page.open(q=word)
    assert search_page.titles() == [KRABBEL]


def test_synonyms_are_neither_seen_nor_heard_on_the_offer_page(browser):
    browser.driver.get(browser.origins["katalog"] + "/angebote/angebote/krabbelgruppe/")
    article = browser.driver.find_element(By.CSS_SELECTOR, "article")
    assert "Säugling" not in article.text
    assert "Säugling" not in browser.run("return document.querySelector('article').textContent")
    carrier = browser.driver.find_element(By.CSS_SELECTOR, "[data-synonyme]")
    assert "Säugling" in carrier.get_attribute("data-synonyme")
    assert carrier.get_attribute("data-pagefind-index-attrs") == "data-synonyme"
    assert carrier.size == {"height": 0, "width": 0}
    zelt = browser.origins["katalog"] + "/angebote/angebote/zeltlager/"
    browser.driver.get(zelt)
    assert browser.driver.find_elements(By.CSS_SELECTOR, "[data-synonyme]") == []


# --- counts ------------------------------------------------------------------------------------------------


def test_the_counts_wait_until_the_filters_are_open(search_page, browser):
    """Loading every filter's values costs the first search a few hundred KB at 10,000 offers."""
    search_page.open(q="Zeltlager")
    assert browser.run("return [...document.querySelectorAll('.search__count')].every((c) => !c.textContent.trim())")
    assert search_page.count("stadtteil", "nord") == ("(1)", False)


def test_every_filter_value_shows_its_count_and_the_counts_follow_the_query(search_page):
    search_page.open()
    # the Beratung is for the whole city, so it counts in every district
    assert search_page.count("stadtteil", "lintorf") == ("(2)", False)
    assert search_page.count("stadtteil", "nord") == ("(2)", False)
    assert search_page.count("lebensphase", "jugend") == ("(1)", False)
    search_page.open(q="Zeltlager")
    assert search_page.count("stadtteil", "lintorf") == ("(0)", True)
    assert search_page.count("stadtteil", "nord") == ("(1)", False)
    assert search_page.count("lebensphase", "kleinkind") == ("(0)", True)
    assert search_page.count("lebensphase", "jugend") == ("(1)", False)


def test_a_chosen_filter_counts_its_values_as_if_each_were_chosen_alone(search_page):
    search_page.open(stadtteil="lintorf")
    assert search_page.count("stadtteil", "lintorf") == ("(2)", False)
    assert search_page.count("stadtteil", "nord") == ("(2)", False)  # adding Nord widens the search to what it gives
    assert search_page.count("thema", "begegnung") == ("(1)", False)  # within Lintorf
    assert search_page.count("form", "telefon") == ("(1)", False)


def test_a_value_with_no_offers_stays_in_its_place_and_can_be_chosen(search_page, browser):
    search_page.open(q="Zeltlager")
    search_page.open_filters()
    option = search_page.driver.find_element(By.CSS_SELECTOR, "input[name='stadtteil'][value='lintorf']")
    place = option.location
    assert option.is_enabled()
    search_page.driver.find_element(By.CSS_SELECTOR, "label[for='%s']" % option.get_attribute("id")).click()
    search_page.titles()
    assert search_page.query() == ["Zeltlager"]
    assert option.location == place


def test_screen_readers_hear_the_new_count_once_not_the_counts(search_page, browser):
    search_page.open(q="Beratung")
    search_page.open_filters()
    live = browser.run("return [...document.querySelectorAll('[aria-live], [role=status], [role=alert]')]"
                       ".filter((region) => region.querySelector('.search__count')).length")
    assert live == 0
    browser.run("""
      window.__said = [];
      new MutationObserver(() => window.__said.push(document.getElementById('suche-status').textContent))
        .observe(document.getElementById('suche-status'), {childList: true, characterData: true, subtree: true});
    """)
    search_page.driver.find_element(By.CSS_SELECTOR, "label[for^='filter-kosten']").click()
    search_page.titles()
    browser.run("return new Promise((resolve) => setTimeout(resolve, 300))")
    said = [text for text in browser.run("return window.__said") if text]
    assert len(said) == 1, said
    assert said[0].startswith("Kein Angebot gefunden") or said[0].startswith("1 Angebot gefunden"), said


# --- nothing found -----------------------------------------------------------------------------------------


def test_nothing_found_offers_fewer_filters_with_counts_the_browsing_pages_and_the_help_lines(search_page, browser):
    status = search_page.open(q="Zeltlager", stadtteil="lintorf")
    assert status.startswith("Kein Angebot gefunden")
    nothing = search_page.driver.find_element(By.CSS_SELECTOR, ".search__nothing")
    assert nothing.is_displayed()
    removals = [a.text for a in nothing.find_elements(By.CSS_SELECTOR, ".search__remove-list a")]
    assert removals == ["Ohne „Lintorf“: 1 Angebot"]
    browse = {urlsplit(a.get_attribute("href")).path for a in nothing.find_elements(By.CSS_SELECTOR, ".search__browse-links a")}
    assert browse == {"/angebote/lebensphasen/", "/angebote/themen/", "/angebote/stadtteile/"}
    phones = [a.get_attribute("href") for a in nothing.find_elements(By.CSS_SELECTOR, "a[href^='tel:']")]
    assert "tel:116111" in phones
    search_page.driver.find_element(By.CSS_SELECTOR, ".search__remove-list a").click()
    assert search_page.titles() == [ZELT]
    assert not nothing.is_displayed()
    assert parse_qs(urlsplit(search_page.driver.current_url).query) == {"q": ["Zeltlager"]}


def test_each_chosen_filter_has_its_own_removal(search_page):
    search_page.open(q="Hebamme", kosten="kostenlos", stadtteil=["lintorf", "mitte"])
    removals = [a.text for a in search_page.driver.find_elements(By.CSS_SELECTOR, ".search__remove-list a")]
    assert removals == ["Ohne „kostenlos“: 1 Angebot", "Ohne „Lintorf“: 0 Angebote", "Ohne „Mitte“: 0 Angebote"]


def test_results_hide_the_nothing_found_part(search_page):
    search_page.open(q="Krabbelgruppe")
    assert not search_page.driver.find_element(By.CSS_SELECTOR, ".search__nothing").is_displayed()
    assert not search_page.driver.find_element(By.CSS_SELECTOR, ".search__suggestions").is_displayed()


# --- keyboard, axe, languages ------------------------------------------------------------------------------


def tab_to(browser, selector: str, limit: int = 40) -> None:
    for _ in range(limit):
        browser.press(Keys.TAB)
        if browser.run("return document.activeElement.matches(arguments[0])", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_alone_reaches_and_uses_suggestions_and_removals(search_page, browser):
    search_page.open()
    browser.driver.find_element(By.ID, "suche-wort").click()
    browser.press("Krabelgruppe" + Keys.ENTER)
    search_page.answer()
    tab_to(browser, ".search__suggestion-list a")
    browser.press(Keys.ENTER)
    assert search_page.titles() == [KRABBEL]
    assert search_page.query() == ["Krabbelgruppe"]

    search_page.open(q="Zeltlager", stadtteil="lintorf")
    browser.driver.find_element(By.ID, "suche-wort").click()
    tab_to(browser, ".search__remove-list a")
    browser.press(Keys.ENTER)
    assert search_page.titles() == [ZELT]


@pytest.mark.parametrize("state", ["Vorschläge", "nichts gefunden", "Zahlen"])
def test_no_axe_violations_in_the_new_states(search_page, browser, state):
    if state == "Vorschläge":
        search_page.open(q="Krabelgruppe")
    elif state == "nichts gefunden":
        search_page.open(q="Zeltlager", stadtteil="lintorf")
    else:
        search_page.open(q="Zeltlager")
        search_page.open_filters()
    for scheme in ("light", "dark"):
        browser.set_color_scheme(scheme)
        violations = axe_violations(browser)
        assert not violations, f"{state}, {scheme}:\n{axe_report(violations)}"


@pytest.mark.parametrize("language", ["tr", "ar", "uk"])
def test_other_languages_suggest_in_their_words_and_find_german_offers(browser, language):
    texts = yaml.safe_load((REPO / "layouts" / "i18n" / f"{language}.yaml").read_text(encoding="utf-8"))
    search_page = SearchPage(browser, language)
    status = search_page.open(q="Zeltalger")
    quoted = texts["search_quoted"].format(word="Zeltlager")
    assert texts["search_did_you_mean_sentence"].split("{words}")[0] + quoted in status, status
    search_page.driver.find_element(By.CSS_SELECTOR, ".search__suggestion-list a").click()
    search_page.driver.execute_async_script(WAIT_FOR_ANSWER)
    links = search_page.driver.find_elements(By.CSS_SELECTOR, "#suche-ergebnisse h2 a")
    assert links and urlsplit(links[0].get_attribute("href")).path == f"/angebote/{language}/angebote/zeltlager/"
    search_page.open(q="Zeltlager", stadtteil="lintorf")
    removal = search_page.driver.find_element(By.CSS_SELECTOR, ".search__remove-list a").text
    assert removal.startswith(texts["search_remove_filter"].split("{name}")[0])
    heading = search_page.driver.find_element(By.ID, "suche-nichts").text
    assert heading == texts["search_nothing_heading"]


# --- no layout shift ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", [(1280, 900), (412, 823), (320, 640)])
@pytest.mark.parametrize("params", [{"q": "Beratung", "stadtteil": "lintorf"}, {"q": "Krabelgruppe"}, {}])
def test_nothing_moves_while_the_search_starts(search_page, browser, viewport, params):
    browser.set_viewport(*viewport)
    if viewport[0] < 1000:
        browser.hide_scrollbars()  # as on phones
    search_page.open(**params)
    if not params:
        browser.run_async("setTimeout(arguments[arguments.length - 1], 1000)")
    shifts = browser.run_async(LAYOUT_SHIFTS)
    assert sum(shift["value"] for shift in shifts) == 0, shifts


def test_without_javascript_nothing_of_the_script_shows(browser):
    browser.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.driver.get(browser.origins["katalog"] + "/angebote/suche/?q=Hebamme&stadtteil=lintorf")
        for selector in (".search__filters", ".search__results", ".search__nothing", ".search__suggestions"):
            assert not browser.driver.find_element(By.CSS_SELECTOR, selector).is_displayed(), selector
        assert browser.driver.find_element(By.CSS_SELECTOR, "[data-no-js]").is_displayed()
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
