"""Every family in its language: the translation tables are complete, and the fixture (an offer translated into
English, Arabic, Persian and Leichte Sprache) renders each language with the right lang, dir and hreflang."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from babel import Locale

from catalogue import pipeline
from catalogue.model.i18n import GERMAN_ONLY_TABLE, REVIEW_KEY, interface_languages
from conftest import FIXTURE, REPO, TODAY

I18N = REPO / "layouts" / "i18n"
LANGUAGES = ("de", "en", "tr", "ar", "uk", "ru")
REVIEW_DOC = REPO / "docs" / "betrieb" / "referenz" / "uebersetzungen-oberflaeche.md"
BASE = "https://katalog.example.org/angebote/"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def table(language: str) -> dict:
    return yaml.safe_load((I18N / f"{language}.yaml").read_text(encoding="utf-8"))


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{(\w+)\}", text))


def plural_categories(language: str) -> list[str]:
    rule = Locale.parse(language).plural_form
    return sorted({rule(n) for n in range(200)} | {"other"})


# --- the tables --------------------------------------------------------------------------------------------


def test_the_interface_speaks_the_six_languages_german_first():
    assert interface_languages(REPO / "layouts") == list(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_every_table_has_exactly_the_german_texts(language):
    german, translated = table("de"), table(language)
    review = translated.pop(REVIEW_KEY, {})
    assert set(german) - set(translated) == set(), f"Texte fehlen in layouts/i18n/{language}.yaml"
    assert set(translated) - set(german) == set(), f"Texte in {language}.yaml, die es auf Deutsch nicht gibt"
    assert set(review) <= set(german), "_zu_pruefen nennt Texte, die es nicht gibt"
    for key, text in german.items():
        other = translated[key]
        if isinstance(text, dict):
            assert sorted(other) == plural_categories(language), f"{language}.yaml: Pluralformen von {key}"
            assert all(placeholders(form) == placeholders(text["other"]) for form in other.values()), key
        elif isinstance(text, list):
            assert isinstance(other, list) and len(other) == len(text), key
        else:
            assert isinstance(other, str) and other.strip(), key
            assert placeholders(other) == placeholders(text), f"{language}.yaml: Platzhalter in {key}"


def test_german_only_texts_are_not_in_the_shared_table():
    assert set(table("de")) & set(table(GERMAN_ONLY_TABLE)) == set()


def test_the_docs_list_every_translation_to_be_checked():
    """Each place a translator was not certain of is named in docs/betrieb/referenz/uebersetzungen-oberflaeche.md."""
    doc = REVIEW_DOC.read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z]{2})` \| `([a-z_-]+)` \|", doc, re.MULTILINE))
    wanted = {(language, key) for language in LANGUAGES[1:] for key in table(language).get(REVIEW_KEY, {})}
    assert wanted, "no translation is marked for review: is _zu_pruefen still read?"
    assert listed == wanted


# --- the pages ---------------------------------------------------------------------------------------------


class Page(HTMLParser):
    """The texts of a page with the language and direction each is in, and its language links."""

    def __init__(self, path: Path):
        super().__init__()
        self.stack: list[tuple[str, str, str]] = []
        self.hidden: list[bool] = []  # for each element of the stack: inside an element with `hidden`
        self.texts: list[tuple[str, str, str]] = []  # (text, lang, dir)
        self.shown_texts: list[tuple[str, str, str]] = []  # the same, without what is hidden (search data)
        self.alternates: dict[str, str] = {}
        self.canonical = None
        self.switcher: list[tuple[str, str | None, str | None]] = []  # (text, lang, hreflang)
        self._in_switcher = 0
        html = path.read_text(encoding="utf-8")
        self.html_lang_attrs = re.search(r'<html lang="([^"]+)" dir="([^"]+)">', html).groups()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang, direction = (self.stack[-1][1:] if self.stack else ("", "ltr"))
        lang = attributes.get("lang", lang)
        direction = attributes.get("dir", direction)
        if tag == "link" and attributes.get("rel") == "alternate" and "hreflang" in attributes:  # not the feed
            self.alternates[attributes["hreflang"]] = attributes["href"]
        if tag == "link" and attributes.get("rel") == "canonical":
            self.canonical = attributes["href"]
        if tag == "nav" and "language-switcher" in (attributes.get("class") or ""):
            self._in_switcher = len(self.stack) + 1
        if self._in_switcher and tag in ("a", "span"):
            self.switcher.append(("", lang, attributes.get("hreflang")))
        if tag not in VOID:
            self.stack.append((tag, lang, direction))
            self.hidden.append("hidden" in attributes or (bool(self.hidden) and self.hidden[-1]))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack and self.stack.pop()[0] != tag:
            self.hidden.pop()
        if self.hidden:
            self.hidden.pop()
        if self._in_switcher and len(self.stack) < self._in_switcher:
            self._in_switcher = 0

    def handle_data(self, data):
        text = " ".join(data.split())
        if not text:
            return
        if self._in_switcher and self.switcher and not self.switcher[-1][0]:
            self.switcher[-1] = (text, *self.switcher[-1][1:])
        # the document title takes no lang of its own; a script's text (JSON-LD) is data, not shown
        if self.stack and self.stack[-1][0] not in ("title", "script"):
            self.texts.append((text, self.stack[-1][1], self.stack[-1][2]))
            if not self.hidden[-1]:
                self.shown_texts.append(self.texts[-1])

    def where(self, text: str) -> tuple[str, str]:
        """(lang, dir) of the first text node that contains `text`."""
        found = [(lang, direction) for node, lang, direction in self.texts if text in node]
        assert found, f"„{text}“ is not on the page"
        return found[0]

    def text(self) -> str:
        return " ".join(node for node, _, _ in self.texts)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("i18n") / "site"
    result = pipeline.build(REPO / "tests" / "fixtures" / "katalog", output, TODAY)
    assert result.ok, [p.message for p in result.problems.errors]
    return output


def page(built: Path, path: str) -> Page:
    return Page(built / path / "index.html")


OFFER_VERSIONS = {"de": "angebote/krabbelgruppe/", "de-x-ls": "leichte-sprache/angebote/krabbelgruppe/",
                  "en": "en/angebote/krabbelgruppe/", "ar": "ar/angebote/krabbelgruppe/",
                  "fa": "fa/angebote/krabbelgruppe/"}


@pytest.mark.parametrize("path, lang, direction, title", [
    ("angebote/krabbelgruppe", "de", "ltr", "Krabbelgruppe am Mittwoch"),
    ("en/angebote/krabbelgruppe", "en", "ltr", "Baby group on Wednesdays"),
    ("ar/angebote/krabbelgruppe", "ar", "rtl", "مجموعة الأطفال الرضع يوم الأربعاء"),
    ("leichte-sprache/angebote/krabbelgruppe", "de", "ltr", "Krabbel-Gruppe am Mittwoch"),
])
def test_each_version_of_an_offer_has_its_page_language_and_links_to_all_versions(built, path, lang, direction,
                                                                                   title):
    version = page(built, path)
    assert version.html_lang_attrs == (lang, direction)
    assert version.where(title) == (lang, direction)
    assert version.canonical == BASE + path + "/"
    assert version.alternates == {**{code: BASE + target for code, target in OFFER_VERSIONS.items()},
                                  "x-default": BASE + "angebote/krabbelgruppe/"}
    # the switcher: only the versions that exist, each named in its own language and marked with it
    assert [(text, lang_of) for text, lang_of, _ in version.switcher] == [
        ("Deutsch", "de"), ("Leichte Sprache", "de"), ("English", "en"), ("العربية", "ar"), ("فارسی", "fa")]


def test_a_translation_into_a_language_without_interface_is_marked_in_its_page(built):
    persian = page(built, "fa/angebote/krabbelgruppe")
    assert persian.html_lang_attrs == ("de", "ltr")  # the interface is German
    assert persian.where("گروه نوزادان در روز چهارشنبه") == ("fa", "rtl")
    assert persian.where("Wann") == ("de", "ltr")


def test_facts_appear_in_the_pages_language(built):
    english, arabic = page(built, "en/angebote/krabbelgruppe"), page(built, "ar/angebote/krabbelgruppe")
    en, ar = table("en"), table("ar")
    assert english.where(en["offer_when"]) == ("en", "ltr")
    assert en["weekdays_plural"][2] in english.text()
    assert ar["weekdays_plural"][2] in arabic.text() and arabic.where(ar["offer_when"]) == ("ar", "rtl")
    assert arabic.where(ar["offer_free_sentence"]) == ("ar", "rtl")
    assert arabic.where("لا حاجة للتسجيل") == ("ar", "rtl")  # anmeldung from the translation
    # what the translation leaves out stays German and says so: the place's name
    assert arabic.where("Familienzentrum Lintorf") == ("de", "ltr")


def test_an_offer_without_translation_shows_its_facts_in_the_language_and_its_text_marked_german(built):
    fallback = page(built, "ar/angebote/zeltlager")
    assert fallback.html_lang_attrs == ("ar", "rtl")
    assert fallback.where(table("ar")["offer_in_german_only"]) == ("ar", "rtl")
    assert fallback.where("Zeltlager") == ("de", "ltr")
    assert fallback.where(table("ar")["offer_for_whom"]) == ("ar", "rtl")
    # it is no version of the offer: search engines are sent to the German page, the switcher lists the versions
    assert fallback.canonical == BASE + "angebote/zeltlager/" and fallback.alternates == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_the_whole_browsing_path(built, language):
    prefix = "" if language == "de" else f"{language}/"
    direction = "rtl" if language == "ar" else "ltr"
    for path in ("", "lebensphasen", "lebensphasen/kleinkind", "themen", "themen/begegnung", "stadtteile",
                 "stadtteile/lintorf", "suche", "merkliste", "anbieter", "anbieter/familienzentrum"):
        browsing = page(built, prefix + path)
        assert browsing.html_lang_attrs == (language, direction), path
        assert browsing.alternates == {**{code: BASE + ("" if code == "de" else code + "/") + (path and path + "/")
                                          for code in LANGUAGES}, "x-default": BASE + (path and path + "/")}
        assert [text for text, _, _ in browsing.switcher] == [
            "Deutsch", "English", "Türkçe", "العربية", "Українська", "Русский"]
        assert all(lang_of == code for (_, lang_of, _), code in zip(browsing.switcher, LANGUAGES)), path
    home = page(built, prefix)
    assert home.where(table(language)["chain_heading"]) == (language, direction)
    # names from site.yaml are German: marked as such on every other language's pages
    assert home.where("Schwangerschaft") == ("de", "ltr")
    assert home.where("Leichte Sprache") == ("de", "ltr")


def test_leichte_sprache_area_lists_every_offer_that_has_one_and_keeps_its_lines(built):
    area = page(built, "leichte-sprache/angebote")
    assert "Krabbel-Gruppe am Mittwoch" in area.text() and "Zeltlager" not in area.text()
    start = (built / "leichte-sprache/index.html").read_text(encoding="utf-8")
    assert 'href="../leichte-sprache/angebote/"' in start
    easy = (built / "leichte-sprache/angebote/krabbelgruppe/index.html").read_text(encoding="utf-8")
    assert 'class="offer easy-read"' in easy
    assert "Dann kommen Sie zur Krabbel-Gruppe.<br" in easy  # one statement a line, as written
    german = (built / "angebote/krabbelgruppe/index.html").read_text(encoding="utf-8")
    assert 'class="offer__easy-language"><a href="../../leichte-sprache/angebote/krabbelgruppe/"' in german


def test_a_translation_without_its_german_original_is_an_error(content):
    content.write("angebote/gibtsnicht.en.md", "---\ntitel: Nowhere\nkurz: A translation of an offer that is not there.\n---\n")
    errors = content.errors()
    assert [(e.file.name, e.key) for e in errors] == [("gibtsnicht.en.md", "Dateiname")]
    assert "gibtsnicht.md" in errors[0].message


def german_interface_texts(language: str) -> set[str]:
    """The German interface texts that read differently in `language`: whole texts without placeholders, long
    enough not to be a word both languages share („E-Mail“)."""
    own = {value for value in table(language).values() if isinstance(value, str)}
    german = {**table("de"), **table(GERMAN_ONLY_TABLE)}
    return {value for key, value in german.items() if isinstance(value, str) and not key.startswith("_")
            and not placeholders(value) and len(value) >= 8 and value not in own}


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_no_german_interface_text_is_left_unmarked_on_the_pages_of_another_language(built, language):
    """What is German on another language's page is content (an offer's text, a name from site.yaml), and marked
    lang="de" so that a screen reader reads it in German; the interface itself speaks the page's language, in the
    title and the meta description too."""
    german = {text: re.compile(rf"(?<!\w){re.escape(text)}(?!\w)") for text in german_interface_texts(language)}
    site_title = yaml.safe_load((FIXTURE / "site.yaml").read_text(encoding="utf-8"))["titel"]  # content, not interface
    found = []
    for file in sorted((built / language).rglob("*.html")):
        parsed = Page(file)
        html = file.read_text(encoding="utf-8")
        unmarked = [node for node, lang, _ in parsed.shown_texts if lang == parsed.html_lang_attrs[0]]
        unmarked += [title.replace(site_title, "") for title in re.findall(r"<title>(.*?)</title>", html)]
        unmarked += re.findall(r'<meta name="description" content="([^"]*)"', html)
        found += [f"{file.relative_to(built)}: „{text}“ in „{node[:80]}“"
                  for node in unmarked for text, pattern in german.items() if pattern.search(node)]
    assert not found, "\n".join(found[:30])
