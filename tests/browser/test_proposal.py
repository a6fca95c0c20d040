"""The page „Angebot vorschlagen" in a real browser: a partner fills in the form, downloads the file, and the
build's own `check --strict` accepts it. The form runs on the fixture catalogue, once as it is and once with a
repository in site.yaml (for the link that opens the file on GitHub)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from catalogue import pipeline

from .checks import axe_report, axe_violations_by_scheme
from .conftest import FIXTURE, REPO, TODAY, Server

REPOSITORY = "https://github.com/beispiel/angebote"
FORM_PATH = "/angebote/angebot-vorschlagen/"


@pytest.fixture(scope="module")
def repository_site(tmp_path_factory):
    """The fixture catalogue with `repository` in site.yaml, built and served under /angebote/."""
    content = tmp_path_factory.mktemp("mit-repository") / "content"
    shutil.copytree(FIXTURE, content)
    site_yaml = content / "site.yaml"
    data = yaml.safe_load(site_yaml.read_text(encoding="utf-8"))
    data["repository"] = {"url": REPOSITORY, "zweig": "haupt", "inhalt": "katalog/content"}
    site_yaml.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    output = content.parent / "site"
    result = pipeline.build(content, output, TODAY)
    assert result.ok, [str(p) for p in result.problems.errors]
    server = Server(output, "/angebote/")
    yield server.origin + FORM_PATH
    server.close()


@pytest.fixture
def form(browser, repository_site, tmp_path):
    """The form, empty, with downloads going to tmp_path/downloads."""
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser.driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                                   {"behavior": "allow", "downloadPath": str(downloads)})
    browser.open(repository_site)
    browser.run("sessionStorage.clear()")
    browser.open(repository_site)
    return Form(browser, downloads)


class Form:
    def __init__(self, browser, downloads: Path):
        self.browser = browser
        self.driver = browser.driver
        self.downloads = downloads

    def field(self, name: str):
        return self.driver.find_element(By.NAME, name)

    def type(self, name: str, text: str) -> None:
        element = self.field(name)
        element.clear()
        element.send_keys(text)

    def tick(self, name: str, value: str) -> None:
        self.driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]').click()

    def choose_provider(self, value: str) -> None:
        Select(self.field("anbieter")).select_by_value(value)

    def submit(self) -> None:
        """Sends the form and waits until the script has answered (it may first fetch the taken ids)."""
        before = self.driver.find_element(By.ID, "vorschlag").get_attribute("data-checked")
        self.driver.find_element(By.CSS_SELECTOR, "#vorschlag button[type=submit]").click()
        WebDriverWait(self.driver, 10).until(
            lambda d: d.find_element(By.ID, "vorschlag").get_attribute("data-checked") != before)

    def summary_links(self) -> list[tuple[str, str]]:
        return [(a.get_attribute("hash"), a.text)
                for a in self.driver.find_elements(By.CSS_SELECTOR, "#vorschlag-fehler li a")]

    def output(self, kind: str = "angebote") -> str:
        return self.driver.find_element(By.ID, f"ergebnis-{kind}").get_property("value")

    def download(self, kind: str = "angebote") -> Path:
        link = self.driver.find_element(By.CSS_SELECTOR, f'[data-file="{kind}"] [data-download]')
        name = link.get_attribute("download")
        link.click()
        target = self.downloads / name
        deadline = time.monotonic() + 15
        while not target.is_file() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert target.is_file(), f"{name} wurde nicht heruntergeladen: {sorted(self.downloads.iterdir())}"
        return target

    def fill_everything(self) -> None:
        """Every field a partner would fill for a regular group, typed the way people type."""
        self.type("titel", "Eltern-Kind-Café im Familienzentrum")
        self.type("kurz", "Ein offenes Café für Eltern mit Babys und kleinen Kindern. Sie können einfach kommen.")
        self.type("beschreibung", "## Was wir machen\n\nWir trinken Tee und reden. Die Kinder spielen.\n\n"
                                  "- Spiele für Babys\n- Beratung zu Fragen im Alltag")
        self.choose_provider("familienzentrum")
        self.tick("lebensphasen", "kleinkind")
        self.type("alter-von", "0")
        self.type("alter-bis", "3")
        self.tick("themen", "begegnung")
        self.tick("themen", "beratung")
        self.tick("stadtteile", "lintorf")
        self.type("ort-name", "Familienzentrum Lintorf")
        self.type("ort-strasse", "Beispielweg 1")
        self.type("ort-plz", "12345")
        self.type("ort-hinweis", "Eingang über den Hof")
        self.tick("zeiten-1-tage", "mi")
        self.type("zeiten-1-von", "9.30")
        self.type("zeiten-1-bis", "11")
        self.driver.find_element(By.CSS_SELECTOR, '[data-add="zeiten"]').click()
        self.tick("zeiten-2-tage", "fr")
        self.type("zeiten-2-von", "15:00")
        self.type("zeiten-2-bis", "16:30")
        self.type("zeiten-2-hinweis", "nicht in den Schulferien")
        self.type("termine-1-datum", "1.3.2027")
        self.type("termine-1-von", "10:00")
        self.driver.find_element(By.CSS_SELECTOR, 'input[name="kostenlos"][value="true"]').click()
        self.type("anmeldung", "ohne Anmeldung")
        self.tick("sprachen", "tr")
        self.tick("barrierefreiheit", "rollstuhlgerecht")
        self.type("kontakt-name", "Frau Beispiel")
        self.type("kontakt-telefon", "01234 567-89")
        self.type("kontakt-email", "cafe@example.org")
        self.type("kontakt-web", "https://www.example.org/cafe")
        self.type("schlagworte", "Frühstück, Spielen, Spielen")
        self.type("gueltig-bis", "31.12.2027")


def check_strict(content: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "build.py"), "check", "--strict", "--content", str(content),
                           "--heute", TODAY.isoformat()], capture_output=True, text=True, timeout=120)


def test_the_downloaded_file_passes_check(form, tmp_path):
    form.fill_everything()
    assert form.field("kennung").get_property("value") == "eltern-kind-cafe-im-familienzentrum"
    form.submit()
    result = form.driver.find_element(By.ID, "ergebnis")
    assert result.is_displayed()
    assert form.driver.switch_to.active_element == result, "Nach dem Erstellen muss der Fokus auf dem Ergebnis stehen"
    assert not form.driver.find_element(By.ID, "vorschlag-fehler").is_displayed()
    downloaded = form.download()
    assert downloaded.name == "eltern-kind-cafe-im-familienzentrum.md"
    assert downloaded.read_text(encoding="utf-8") == form.output()

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    shutil.copy(downloaded, content / "angebote")
    checked = check_strict(content)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    data = yaml.safe_load(downloaded.read_text(encoding="utf-8").split("---")[1])
    assert data["anbieter"] == "familienzentrum"
    assert data["lebensphasen"] == ["kleinkind"] and data["themen"] == ["beratung", "begegnung"]
    assert data["alter"] == {"von": 0, "bis": 3}
    assert data["zeiten"] == [{"tage": ["mi"], "von": "09:30", "bis": "11:00"},
                              {"tage": ["fr"], "von": "15:00", "bis": "16:30", "hinweis": "nicht in den Schulferien"}]
    assert data["termine"] == [{"datum": date(2027, 3, 1), "von": "10:00"}]
    assert data["orte"] == [{"name": "Familienzentrum Lintorf", "strasse": "Beispielweg 1", "plz": "12345",
                             "ort": "Musterstadt", "hinweis": "Eingang über den Hof"}]
    assert data["kostenlos"] is True and data["sprachen"] == ["de", "tr"]
    assert data["schlagworte"] == ["Frühstück", "Spielen"]
    assert data["stand"] == TODAY and data["gueltig_bis"] == date(2027, 12, 31)


def test_the_repository_link_opens_the_same_file_on_github(form):
    form.fill_everything()
    form.submit()
    link = form.driver.find_element(By.CSS_SELECTOR, '[data-file="angebote"] [data-repository-link]')
    assert link.is_displayed()
    address = urlsplit(link.get_attribute("href"))
    assert f"{address.scheme}://{address.netloc}{address.path}" == f"{REPOSITORY}/new/haupt/katalog/content/angebote"
    query = parse_qs(address.query)
    assert query["filename"] == ["eltern-kind-cafe-im-familienzentrum.md"]
    assert query["value"] == [form.output()]


def test_a_new_provider_gives_a_second_file_and_both_pass_check(form, tmp_path):
    form.fill_everything()
    form.choose_provider("+neu")
    assert form.field("anbieter-name").is_displayed()
    form.type("anbieter-name", "Verein Löwenzahn e. V.")
    form.type("anbieter-art", "Verein")
    form.type("anbieter-email", "info@example.org")
    form.submit()
    offer, provider = form.download("angebote"), form.download("anbieter")
    assert provider.name == "verein-loewenzahn-e-v.md"
    assert "anbieter: verein-loewenzahn-e-v" in offer.read_text(encoding="utf-8")
    link = form.driver.find_element(By.CSS_SELECTOR, '[data-file="anbieter"] [data-repository-link]')
    assert urlsplit(link.get_attribute("href")).path == "/beispiel/angebote/new/haupt/katalog/content/anbieter"
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    shutil.copy(offer, content / "angebote")
    shutil.copy(provider, content / "anbieter")
    checked = check_strict(content)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("name, expected", [
    ("Семья и дети", "semya-i-deti"),  # Russian
    ("Сім'я та діти Лінторф", "simya-ta-dity-lintorf"),  # Ukrainian
    ("Οικογένεια", "oikogeneia"),  # Greek
    ("Grüße aus Öttingen", "gruesse-aus-oettingen"),  # German, as before
])
def test_a_provider_named_in_another_script_gets_a_readable_file_name(form, tmp_path, name, expected):
    """Issue 32.5: a provider named in Cyrillic became anbieter/.md with „anbieter: ""“, and nobody was told."""
    form.fill_everything()
    form.choose_provider("+neu")
    form.type("anbieter-name", name)
    assert form.field("anbieter-kennung").get_property("value") == expected
    form.submit()
    offer, provider = form.download("angebote"), form.download("anbieter")
    assert provider.name == f"{expected}.md" and f"anbieter: {expected}" in offer.read_text(encoding="utf-8")
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    shutil.copy(offer, content / "angebote")
    shutil.copy(provider, content / "anbieter")
    checked = check_strict(content)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_name_without_a_latin_spelling_asks_for_a_file_name_and_never_offers_an_empty_one(form):
    """Issue 32.5: for Arabic (no table here) the form asks for the file name in its own words."""
    form.fill_everything()
    form.type("titel", "مقهى العائلة")
    assert form.field("kennung").get_property("value") == ""
    form.choose_provider("+neu")
    form.type("anbieter-name", "الأسرة والأطفال")
    assert form.field("anbieter-kennung").get_property("value") == ""
    form.submit()
    messages = dict(form.summary_links())
    assert "lateinischer Schrift" in messages["#feld-anbieter-kennung"], messages
    assert "lateinischer Schrift" in messages["#feld-kennung"], messages
    assert not form.driver.find_element(By.ID, "ergebnis").is_displayed()
    form.type("anbieter-kennung", "familie-und-kinder")
    form.type("kennung", "familiencafe-lintorf")
    form.submit()
    assert form.download("anbieter").name == "familie-und-kinder.md"
    assert "anbieter: familie-und-kinder" in form.output("angebote")


def test_an_empty_form_gets_an_error_summary_that_leads_to_each_field(form):
    form.submit()
    summary = form.driver.find_element(By.ID, "vorschlag-fehler")
    assert summary.is_displayed()
    assert form.driver.switch_to.active_element == summary, "Die Fehlerliste muss den Fokus bekommen"
    links = form.summary_links()
    assert [target for target, _ in links] == ["#feld-titel", "#feld-kurz", "#feld-anbieter", "#feld-lebensphasen-1",
                                               "#feld-themen-1", "#feld-stadtteile-1"]
    assert links[0][1] == "Geben Sie den Namen des Angebots ein."
    # each field says the same next to it, is marked invalid, and reads its message with it
    title = form.field("titel")
    assert title.get_attribute("aria-invalid") == "true"
    assert "feld-titel-fehler" in title.get_attribute("aria-describedby").split()
    error = form.driver.find_element(By.ID, "feld-titel-fehler")
    assert error.is_displayed()
    assert error.get_attribute("textContent") == "Fehler: Geben Sie den Namen des Angebots ein."
    group = form.driver.find_element(By.ID, "feld-themen")
    assert "feld-themen-fehler" in group.get_attribute("aria-describedby").split()
    # a link in the summary puts the cursor into its field
    form.driver.find_element(By.CSS_SELECTOR, '#vorschlag-fehler a[href="#feld-themen-1"]').click()
    assert form.driver.switch_to.active_element.get_attribute("id") == "feld-themen-1"
    # fixed fields lose their message
    form.type("titel", "Eltern-Café")
    form.submit()
    assert "#feld-titel" not in [target for target, _ in form.summary_links()]
    assert form.field("titel").get_attribute("aria-invalid") is None
    assert not form.driver.find_element(By.ID, "feld-titel-fehler").is_displayed()


def test_wrong_values_get_messages_that_say_how_to_fix_them(form):
    form.fill_everything()
    form.type("kurz", "Zu kurz.")
    form.type("alter-von", "5")
    form.type("alter-bis", "30")
    form.type("zeiten-1-von", "25:00")
    form.type("zeiten-2-bis", "14:00")
    form.type("termine-1-datum", "31.2.2027")
    form.type("kontakt-email", "cafe at example.org")
    form.type("kontakt-web", "www.example.org")
    form.type("beschreibung", "Wir sind <b>für alle</b> da.")
    form.type("gueltig-bis", "1.1.2020")
    form.submit()
    messages = dict(form.summary_links())
    assert messages["#feld-kurz"] == "Die Kurzbeschreibung muss 20 bis 240 Zeichen lang sein. Jetzt sind es 8."
    assert messages["#feld-alter-bis"] == "Geben Sie das Alter als ganze Zahl von 0 bis 27 ein."
    assert messages["#feld-zeiten-1-von"] == "Schreiben Sie die Uhrzeit so: 09:30."
    assert messages["#feld-zeiten-2-bis"] == "Das Ende muss nach dem Beginn liegen."
    assert messages["#feld-termine-1-datum"] == "Schreiben Sie das Datum so: 01.03.2027."
    assert messages["#feld-kontakt-email"].startswith("Eine E-Mail-Adresse sieht so aus")
    assert messages["#feld-kontakt-web"].startswith("Eine Internetadresse beginnt mit https://")
    assert "<b>" in messages["#feld-beschreibung"]
    assert messages["#feld-gueltig-bis"].startswith("Das Datum „gültig bis“ liegt in der Vergangenheit")
    assert not form.driver.find_element(By.ID, "ergebnis").is_displayed()


def test_an_offer_that_exists_cannot_be_proposed_again_under_its_name(form):
    form.fill_everything()
    form.type("titel", "Krabbelgruppe")
    assert form.field("kennung").get_property("value") == "krabbelgruppe"
    form.submit()
    messages = dict(form.summary_links())
    assert messages["#feld-kennung"].startswith("Ein Angebot mit dem Dateinamen „krabbelgruppe“ gibt es schon")
    form.type("kennung", "krabbelgruppe-lintorf")
    form.type("titel", "Krabbelgruppe am Freitag")  # the name typed by hand is kept
    assert form.field("kennung").get_property("value") == "krabbelgruppe-lintorf"
    form.submit()
    assert form.driver.find_element(By.ID, "ergebnis").is_displayed()


def test_what_was_typed_survives_a_reload(form, browser, repository_site):
    form.type("titel", "Eltern-Café")
    form.tick("themen", "beratung")
    form.driver.find_element(By.CSS_SELECTOR, '[data-add="termine"]').click()
    form.type("termine-2-datum", "2.3.2027")
    browser.open(repository_site)
    assert form.field("titel").get_property("value") == "Eltern-Café"
    assert form.driver.find_element(By.CSS_SELECTOR, 'input[name="themen"][value="beratung"]').is_selected()
    assert form.field("termine-2-datum").get_property("value") == "2.3.2027"
    assert form.field("kennung").get_property("value") == "eltern-cafe"


def test_adding_a_time_is_announced_and_moves_the_cursor(form):
    form.driver.find_element(By.CSS_SELECTOR, '[data-add="zeiten"]').click()
    assert form.driver.find_element(By.ID, "vorschlag-zeilen").get_attribute("textContent") == \
        "Regelmäßige Zeit 2 wurde hinzugefügt."
    assert form.driver.switch_to.active_element.get_attribute("id") == "feld-zeiten-2-tage-1"
    legend = form.driver.find_element(By.CSS_SELECTOR, '[data-repeat="zeiten"][data-number="2"] legend')
    assert legend.text == "Regelmäßige Zeit 2"
    assert form.driver.find_element(By.CSS_SELECTOR, 'label[for="feld-zeiten-2-von"]').text == "Beginn"


@pytest.mark.parametrize("state", ["Fehler", "Ergebnis"])
def test_axe_finds_nothing_with_errors_or_result_shown(form, browser, state):
    if state == "Ergebnis":
        form.fill_everything()
    form.submit()
    reports = {scheme: axe_report(v) for scheme, v in axe_violations_by_scheme(browser).items() if v}
    assert not reports, reports


def test_without_a_repository_there_is_no_github_link(browser, servers, tmp_path):
    browser.open(servers["katalog"] + FORM_PATH)
    browser.run("sessionStorage.clear()")
    form = Form(browser, tmp_path)
    form.fill_everything()
    form.submit()
    assert not browser.driver.find_element(By.CSS_SELECTOR, '[data-file="angebote"] [data-repository]').is_displayed()
    mail = browser.driver.find_element(By.CSS_SELECTOR, "#ergebnis [data-mail]")
    assert mail.get_attribute("href").startswith("mailto:feedback@example.org?subject=")


def test_without_javascript_the_page_offers_the_template_and_email(browser, servers):
    browser.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.driver.get(servers["katalog"] + FORM_PATH)  # not open(): its wait for the page needs scripts
        assert not browser.driver.find_element(By.ID, "vorschlag").is_displayed()
        template = browser.driver.find_element(By.CSS_SELECTOR, ".proposal__template")
        assert template.is_displayed() and "titel:" in template.text
        link = browser.driver.find_element(By.CSS_SELECTOR, 'a[href="vorlage.md"]')
        assert link.is_displayed()
        assert "feedback@example.org" in browser.driver.find_element(By.CSS_SELECTOR, ".proposal__no-js").text
        captions = [c.text for c in browser.driver.find_elements(By.CSS_SELECTOR, ".proposal__terms caption")]
        assert "Themen (themen)" in captions and "Anbieter (anbieter)" in captions
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
