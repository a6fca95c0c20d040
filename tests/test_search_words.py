"""The words of the search (catalogue/model/search_words.py): the vocabulary the search page suggests spellings from,
and the synonyms an indexed page carries for Pagefind."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from catalogue import pipeline
from catalogue.model import search_words
from catalogue.model.search_words import synonyms, vocabulary, words
from conftest import FIXTURE, TODAY

GROUPS = (("Kita", "Kindergarten", "Kindertagesstätte"), ("Baby", "Säugling", "Neugeborenes"),
          ("Oma", "Großmutter"), ("Frühe Hilfen", "Unterstützung für junge Familien"))


def test_words_leave_out_addresses_numbers_and_markup():
    text = "## Was wir machen\n\nSiehe [unsere Seite](https://example.org/kita) oder www.example.org, info@kita.de; 3 € pro Termin."
    assert words(text) == ["Was", "wir", "machen", "Siehe", "unsere", "Seite", "oder", "pro", "Termin"]


@pytest.mark.parametrize("text, found", [
    ("Die Kita am Markt", GROUPS[0]),
    ("Plätze in unseren Kitas", GROUPS[0]),  # with an ending
    ("Eine Waldkita für alle", GROUPS[0]),  # the end of a compound
    ("Der Kitaplatz ist sicher", GROUPS[0]),  # the start of a compound
    ("KINDERGARTEN", GROUPS[0]),  # any case
    ("Eltern mit Babys", GROUPS[1]),
    ("Treff für Omas und Opas", GROUPS[2]),
    ("Beratung durch Frühe Hilfen", GROUPS[3]),  # an expression, its words in a row
    ("Eine Kita für Babys", GROUPS[0] + GROUPS[1]),
])
def test_a_page_carries_the_words_of_each_group_it_uses(text, found):
    assert synonyms(text, GROUPS) == list(found)


@pytest.mark.parametrize("text", [
    "Die Kitzinger Straße",  # not the word, only its letters
    "Ein Hilfen-Frühstück",  # the expression's words, but not in a row
    "Der Omnibus fährt",  # a short word counts only whole, with an ending
    "Mitten in der Stadt",
])
def test_a_page_without_a_word_of_a_group_carries_none(text):
    assert synonyms(text, GROUPS) == []


@pytest.fixture(scope="module")
def catalogue():
    result = pipeline.check(FIXTURE, TODAY)
    assert result.ok
    return result.catalogue


def test_the_vocabulary_has_the_words_a_search_finds(catalogue):
    found = vocabulary(catalogue, ["de", "en", "tr", "ar", "uk", "ru"])
    for word in ("Krabbelgruppe", "Zeltlager", "Hebamme",  # title, title, schlagworte
                 "Schwangerschaft",  # a summary and a life phase's name
                 "Abschlussfest",  # the text
                 "Begegnung", "Lintorf",  # a topic, a district
                 "Säugling", "Neugeborenes",  # the synonyms of „Babys“ (site.yaml's group)
                 "Wednesdays", "الرضع"):  # translations into interface languages
        assert word in found, word
    assert "چهارشنبه" not in found  # Persian is not an interface language: its translation is not searched
    assert all(len(word) >= search_words.SHORTEST_WORD for word in found)
    assert len(found) == len({word.casefold() for word in found})  # each word once
    assert "https" not in found and "example" not in found


def test_the_vocabulary_leaves_out_what_is_not_searched(catalogue):
    found = vocabulary(catalogue, ["de"])
    assert "Wednesdays" not in found  # the English translation is searched only with an English interface
    assert "Krabbelgruppe" in found


def test_the_vocabulary_puts_words_on_more_pages_first_and_keeps_the_form_written_most(catalogue):
    found = vocabulary(catalogue, ["de"])
    assert found.index("Beratung") < found.index("Zeltlager")  # on two pages against one
    offer = catalogue.offers[0]
    many = replace(catalogue, offers=[replace(offer, body="beratung beratung"), *catalogue.offers[1:]])
    assert "Beratung" in vocabulary(many, ["de"])  # still as in titles, which outnumber


def test_the_build_writes_the_vocabulary_and_the_synonyms_unseen(built_fixture):
    site = built_fixture
    found = json.loads((site / search_words.VOCABULARY_FILE).read_text(encoding="utf-8"))
    assert "Krabbelgruppe" in found
    page = (site / "angebote" / "krabbelgruppe" / "index.html").read_text(encoding="utf-8")
    assert '<span data-pagefind-index-attrs="data-synonyme" data-synonyme="Baby Säugling Neugeborenes"></span>' in page
    assert page.count("Säugling") == 1  # only in the attribute
    assert "data-synonyme" not in (site / "angebote" / "zeltlager" / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built_fixture(tmp_path_factory):
    output = tmp_path_factory.mktemp("site") / "site"
    assert pipeline.build(FIXTURE, output, TODAY).ok
    return output
