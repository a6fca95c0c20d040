"""The Merkliste and the print stylesheet in a real browser, on the fixture catalogue served under /angebote/."""

from __future__ import annotations

import base64
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .checks import LAYOUT_SHIFTS, axe_report, axe_violations_by_scheme

KRABBEL, AERZTLICH, ZELT = "Krabbelgruppe am Mittwoch", "Ärztliche Beratung für Schwangere", "Zeltlager im Sommer"

WAIT_FOR_LIST = """
const done = arguments[arguments.length - 1];
const started = Date.now();
(function poll() {
  const page = document.querySelector('[data-shortlist-page]');
  if (page && page.dataset.loaded === 'true') return done(true);
  if (Date.now() - started > 10000) return done(false);
  setTimeout(poll, 50);
})();
"""


@pytest.fixture
def shortlist(browser):
    base = browser.origins["katalog"] + "/angebote/"
    browser.open(base)
    browser.run("localStorage.clear()")

    class Shortlist:
        def offer(self, offer_id: str):
            browser.open(f"{base}angebote/{offer_id}/")

        def toggle(self):
            return browser.driver.find_element(By.CSS_SELECTOR, "[data-shortlist-button] button")

        def status(self) -> str:
            return browser.driver.find_element(By.CSS_SELECTOR, "[data-shortlist-button] [role=status]").text

        def open(self, address: str | None = None) -> list[str]:
            browser.open(address or base + "merkliste/")
            assert browser.run_async(WAIT_FOR_LIST), "Die Merkliste wurde nicht geladen"
            return self.titles()

        def titles(self) -> list[str]:
            return [h.text for h in browser.driver.find_elements(By.CSS_SELECTOR, ".shortlist__item h3")]

        def share_link(self) -> str:
            return browser.driver.find_element(By.CSS_SELECTOR, "[data-share-link]").get_attribute("href")

        def stored(self) -> list[str]:
            return browser.run("return JSON.parse(localStorage.getItem('merkliste') || '[]')")

    return Shortlist()


def test_the_button_keeps_offers_and_says_so_politely(shortlist, browser):
    shortlist.offer("krabbelgruppe")
    toggle = shortlist.toggle()
    assert toggle.is_displayed() and toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert shortlist.status() == "„Krabbelgruppe am Mittwoch“ ist jetzt auf der Merkliste. 1 Angebot auf der Merkliste."
    shortlist.offer("zeltlager")
    shortlist.toggle().send_keys(Keys.SPACE)  # a button works from the keyboard
    assert shortlist.stored() == ["krabbelgruppe", "zeltlager"]
    shortlist.offer("krabbelgruppe")
    assert shortlist.toggle().get_attribute("aria-pressed") == "true", "the page knows it is on the list"
    shortlist.toggle().click()
    assert shortlist.status().startswith("„Krabbelgruppe am Mittwoch“ ist nicht mehr auf der Merkliste.")
    assert shortlist.stored() == ["zeltlager"]


@pytest.mark.parametrize("viewport", [(412, 823), (320, 640), (1280, 900)])
def test_nothing_moves_when_the_button_appears(shortlist, browser, viewport):
    """Lighthouse measured a shift of 0.012 on an offer's page: the facts moved down when the button came."""
    browser.set_viewport(*viewport)
    shortlist.offer("krabbelgruppe")
    assert browser.driver.find_element(By.CSS_SELECTOR, "[data-shortlist-button] button").is_displayed()
    shifts = browser.run_async(LAYOUT_SHIFTS)
    assert sum(shift["value"] for shift in shifts) == 0, shifts


def test_the_list_shows_the_chosen_offers_with_their_facts(shortlist, browser):
    for offer_id in ("krabbelgruppe", "zeltlager"):
        shortlist.offer(offer_id)
        shortlist.toggle().click()
    assert shortlist.open() == [KRABBEL, ZELT]
    assert browser.driver.find_element(By.ID, "merkliste-anzahl").text == "2 Angebote auf der Merkliste"
    first = browser.driver.find_element(By.CSS_SELECTOR, ".shortlist__item")
    terms = [dt.text for dt in first.find_elements(By.CSS_SELECTOR, ".shortlist__fact > dt")]
    assert "Wann" in terms and "Für wen" in terms
    assert "mittwochs" in first.text
    link = first.find_element(By.CSS_SELECTOR, "h3 a").get_attribute("href")
    assert link.endswith("/angebote/angebote/krabbelgruppe/")
    # the facts keep links to elsewhere (mail, phone, websites) but name the catalogue's own pages as text
    assert "0 bis 3 Jahre" in first.text
    origins = browser.run("return [...document.querySelectorAll('.shortlist__facts a')].map(a => a.origin)")
    assert browser.origins["katalog"] not in origins
    ids = browser.run("return [...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)), "Ids aus den Angebotsseiten dürfen sich nicht wiederholen"


def test_the_share_link_opens_the_same_list_on_another_device(shortlist, browser):
    for offer_id in ("zeltlager", "krabbelgruppe"):
        shortlist.offer(offer_id)
        shortlist.toggle().click()
    shortlist.open()
    link = shortlist.share_link()
    assert parse_qs(urlsplit(link).query) == {"angebote": ["zeltlager,krabbelgruppe"]}
    browser.run("localStorage.clear()")  # the other device knows nothing
    assert shortlist.open(link) == [ZELT, KRABBEL]
    assert browser.driver.find_element(By.CSS_SELECTOR, ".shortlist__shared").is_displayed()
    assert shortlist.stored() == []
    browser.driver.find_element(By.CSS_SELECTOR, "[data-keep]").click()
    assert shortlist.stored() == ["zeltlager", "krabbelgruppe"]
    assert urlsplit(browser.driver.current_url).query == ""


def test_removing_an_offer_announces_it_and_keeps_the_focus_in_the_list(shortlist, browser):
    for offer_id in ("krabbelgruppe", "zeltlager"):
        shortlist.offer(offer_id)
        shortlist.toggle().click()
    shortlist.open()
    browser.driver.find_element(By.CSS_SELECTOR, ".shortlist__item .shortlist__remove").click()
    assert shortlist.titles() == [ZELT]
    assert shortlist.stored() == ["zeltlager"]
    assert browser.driver.switch_to.active_element.get_attribute("id") == "merkliste-anzahl"
    status = browser.driver.find_element(By.CSS_SELECTOR, ".shortlist__status")
    assert status.get_attribute("role") == "status"
    assert status.text == "„Krabbelgruppe am Mittwoch“ ist nicht mehr auf der Merkliste. 1 Angebot auf der Merkliste."


def test_an_offer_that_is_gone_is_taken_off_the_list(shortlist, browser):
    browser.run("localStorage.setItem('merkliste', JSON.stringify(['krabbelgruppe', 'gibt-es-nicht']))")
    assert shortlist.open() == [KRABBEL]
    assert shortlist.stored() == ["krabbelgruppe"]
    assert "gibt es nicht mehr" in browser.driver.find_element(By.CSS_SELECTOR, ".shortlist__status").text


def test_three_offers_print_on_one_page(shortlist, browser):
    browser.run("localStorage.setItem('merkliste', JSON.stringify(arguments[0]))",
                ["krabbelgruppe", "aerztliche-beratung", "zeltlager"])
    assert shortlist.open() == [KRABBEL, AERZTLICH, ZELT]
    pdf = base64.b64decode(browser.driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True})["data"])
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1, f"Die Merkliste mit drei Angeboten braucht {pages} Seiten"


def test_axe_finds_nothing_on_a_filled_list_and_a_chosen_offer(shortlist, browser):
    shortlist.offer("krabbelgruppe")
    shortlist.toggle().click()
    reports = {scheme: axe_report(v) for scheme, v in axe_violations_by_scheme(browser).items() if v}
    assert not reports, reports
    shortlist.open()
    reports = {scheme: axe_report(v) for scheme, v in axe_violations_by_scheme(browser).items() if v}
    assert not reports, reports


def test_without_javascript_there_is_no_button_and_the_list_page_says_why(browser):
    base = browser.origins["katalog"] + "/angebote/"
    browser.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.driver.get(base + "angebote/krabbelgruppe/")
        assert not browser.driver.find_element(By.CSS_SELECTOR, "[data-shortlist-button]").is_displayed()
        browser.driver.get(base + "merkliste/")
        assert not browser.driver.find_element(By.CSS_SELECTOR, "[data-shortlist-page]").is_displayed()
        assert "braucht JavaScript" in browser.driver.find_element(By.CSS_SELECTOR, "main").text
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


# --- print ---------------------------------------------------------------------------------------------------

def print_media(browser) -> None:
    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})


def displayed(browser, selector: str) -> list[bool]:
    return [element.is_displayed() for element in browser.driver.find_elements(By.CSS_SELECTOR, selector)]


def test_print_hides_navigation_search_and_buttons_and_shows_where_the_page_lives(browser):
    browser.open(browser.origins["katalog"] + "/angebote/angebote/krabbelgruppe/")
    print_media(browser)
    try:
        for selector in (".site-header__nav", ".site-header form", ".skip-link", "[data-shortlist-button] button",
                         ".offer__report", ".site-footer__pages"):
            assert displayed(browser, selector) and not any(displayed(browser, selector)), selector
        assert browser.driver.find_element(By.CSS_SELECTOR, ".site-header__title").is_displayed()
        online = browser.driver.find_element(By.CSS_SELECTOR, "main > .print-only")
        assert online.text == "Online: https://katalog.example.org/angebote/angebote/krabbelgruppe/"
        checked = browser.driver.find_element(By.CSS_SELECTOR, ".offer__footer p")
        assert checked.is_displayed() and checked.text.startswith("Zuletzt geprüft am")
        style = browser.run("const s = getComputedStyle(document.body); return [s.color, s.backgroundColor]")
        assert style == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_print_shows_addresses_of_other_websites_but_not_twice_and_keeps_facts_together(browser):
    browser.open(browser.origins["katalog"] + "/angebote/angebote/krabbelgruppe/")
    print_media(browser)
    try:
        after = browser.run("""
          return [...document.querySelectorAll('main a[href]')].map(a => [a.getAttribute('href'), a.className,
                  getComputedStyle(a, '::after').content]);""")
        external = [(href, content) for href, cls, content in after if href.startswith("http") and cls != "url"]
        assert external and all(content == f'" ({href})"' for href, content in external), external
        for href, cls, content in after:
            if href.startswith(("tel:", "mailto:")) or cls == "url" or not href.startswith("http"):
                assert content in ("none", "normal"), (href, content)
        groups = browser.run("return [...document.querySelectorAll('.offer-facts__group')]"
                             ".map(g => getComputedStyle(g).breakInside)")
        assert groups and set(groups) == {"avoid"}
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
