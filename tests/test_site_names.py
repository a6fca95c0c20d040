"""site.yaml: `synonyme` and `uebersetzungen` (the names of site.yaml in other languages) are accepted, checked
and held by the model; each problem names the file, the line and the key, in German."""

from __future__ import annotations

import json

import pytest

from catalogue import pipeline
from catalogue.model.i18n import interface_languages
from catalogue.model.site import SiteNames
from catalogue.problems import NOTE
from catalogue.publish.cache.fingerprints import _stable
from conftest import TODAY

SITE = "site.yaml"
# The contract's example, for the fixture's ids and help line.
NAMES = """synonyme:
  - [Kita, Kindergarten, Kindertagesstätte]
  - [Baby, Säugling, Neugeborenes]
uebersetzungen:
  tr:
    titel: Musterstadt'ta çocuklar, gençler ve aileler için teklifler
    lebensphasen:
      kleinkind: Bebekler ve küçük çocuklar (0–3)
    themen:
      beratung: Danışmanlık
    stadtteile: {}
    barrierefreiheit:
      rollstuhlgerecht: Tekerlekli sandalyeye uygun
    hilfe:
      "116 111":
        name: Çocuk ve Gençlik Telefonu
        hinweis: anonim ve ücretsiz
"""
# Every name of the fixture's site.yaml in English: nothing is missing.
ENGLISH = """  en:
    titel: Offers for children, young people and families in Musterstadt
    lebensphasen:
      schwangerschaft: Pregnancy and birth
      kleinkind: 0 to 3 years
      jugend: 10 to 18 years
    themen:
      fruehe-hilfen: Early help
      beratung: Counselling
      begegnung: Meeting others
    barrierefreiheit:
      rollstuhlgerecht: Wheelchair accessible
      leichte-sprache: Easy Read
    hilfe:
      "116 111":
        name: Helpline for children and young people
        hinweis: anonymous and free
"""


@pytest.fixture(autouse=True)
def without_names(content):
    """The fixture's site.yaml without `synonyme` and `uebersetzungen`, whatever other tests need there: each test
    here writes its own."""
    path = content.root / SITE
    kept, skipping = [], False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line[:1] not in (" ", "\n", "#", ""):
            skipping = line.startswith(("synonyme:", "uebersetzungen:"))
        if not skipping:
            kept.append(line)
    path.write_text("".join(kept), encoding="utf-8")


def with_names(content, names: str = NAMES) -> None:
    path = content.root / SITE
    path.write_text(path.read_text(encoding="utf-8") + names, encoding="utf-8")


def line_of(content, text: str, relative: str = SITE) -> int:
    """The number of the first line of the file that holds `text`."""
    lines = (content.root / relative).read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if text in line)


def site_problems(content, severity=None):
    return [p for p in content.problems() if p.file == content.root / SITE
            and (severity is None or p.severity == severity)]


def single_error(content):
    errors = content.errors()
    assert len(errors) == 1, [(e.file.name, e.line, e.key, e.message) for e in errors]
    error = errors[0]
    assert error.file == content.root / SITE
    assert error.hint, "every problem says how to fix it"
    return error


def notes(content) -> dict[str, list]:
    """The notes on site.yaml about translations, by key."""
    found: dict[str, list] = {}
    for p in site_problems(content, NOTE):
        if p.key.startswith("uebersetzungen"):
            found.setdefault(p.key, []).append(p)
    return found


# --- what is accepted and modelled ------------------------------------------------------------------------


def test_site_yaml_with_synonyms_and_names_builds(content, tmp_path):
    with_names(content)
    result = pipeline.build(content.root, tmp_path / "site", TODAY)
    assert result.ok, [(p.line, p.key, p.message) for p in result.problems.errors]
    assert not [p for p in result.problems.items if p.severity != NOTE and p.file.name == SITE]
    published = json.loads((tmp_path / "site" / "schema" / "site.schema.json").read_text(encoding="utf-8"))
    assert {"synonyme", "uebersetzungen"} <= set(published["properties"])


def test_the_model_holds_the_synonyms_as_written_and_the_names_by_language(content):
    with_names(content)
    site = content.catalogue().site
    assert site.synonyms == (("Kita", "Kindergarten", "Kindertagesstätte"), ("Baby", "Säugling", "Neugeborenes"))
    assert list(site.translations) == ["tr"]
    assert site.translations["tr"] == SiteNames(
        title="Musterstadt'ta çocuklar, gençler ve aileler için teklifler",
        life_phases={"kleinkind": "Bebekler ve küçük çocuklar (0–3)"},
        topics={"beratung": "Danışmanlık"},
        districts={},
        accessibility={"rollstuhlgerecht": "Tekerlekli sandalyeye uygun"},
        help_lines={"116 111": ("Çocuk ve Gençlik Telefonu", "anonim ve ücretsiz")},
    )
    # keyed as the help line's phone is held, so a page finds the translation of each help line
    assert [line.phone for line in site.help_lines] == list(site.translations["tr"].help_lines)


def test_without_the_new_keys_the_model_has_nothing_and_everything_else_stays(content):
    site = content.catalogue().site
    assert site.synonyms == () and site.translations == {}
    assert site.topics["beratung"] == "Beratung"


def test_every_part_of_a_language_is_optional(content):
    with_names(content, "uebersetzungen:\n  tr: {}\n  ar:\n    themen:\n      beratung: استشارة\n")
    site = content.catalogue().site
    assert site.translations["tr"] == SiteNames()
    assert site.translations["ar"].topics == {"beratung": "استشارة"} and site.translations["ar"].title == ""


def test_translated_descriptions_of_life_phases_are_a_key_of_their_own(content):
    content.replace(SITE, "    name: 0 bis 3 Jahre\n", "    name: 0 bis 3 Jahre\n    beschreibung: Die ersten Jahre.\n")
    with_names(content, "uebersetzungen:\n  en:\n    lebensphasen_beschreibung:\n      kleinkind: The first years.\n")
    assert content.catalogue().site.translations["en"].life_phase_descriptions == {"kleinkind": "The first years."}


def test_a_help_line_written_as_a_number_is_translated_by_that_number(content):
    content.replace(SITE, 'telefon: "116 111"', "telefon: 116111")
    with_names(content, "uebersetzungen:\n  en:\n    hilfe:\n      116111:\n        name: Helpline\n")
    site = content.catalogue().site
    assert site.help_lines[0].phone == "116111"
    assert site.translations["en"].help_lines == {"116111": ("Helpline", "")}


def test_the_build_cache_can_fingerprint_the_site_and_sees_a_changed_name(content, tmp_path):
    with_names(content)
    before = _stable(content.catalogue().site)
    content.replace(SITE, "beratung: Danışmanlık", "beratung: Danışma")
    assert _stable(content.catalogue().site) != before
    assert pipeline.build(content.root, tmp_path / "site", TODAY, cache=tmp_path / "cache").ok
    assert pipeline.build(content.root, tmp_path / "site", TODAY, cache=tmp_path / "cache").ok


# --- synonyme ----------------------------------------------------------------------------------------------


def test_a_word_in_two_groups_is_reported_where_it_stands_the_second_time(content):
    with_names(content, "synonyme:\n  - [Kita, Kindergarten]\n  - [Tagesmutter, KITA]\n")
    error = single_error(content)
    assert error.line == line_of(content, "[Tagesmutter, KITA]")
    assert error.key == "synonyme → 2. Eintrag → 2. Eintrag"
    assert error.message == ("Das Wort „KITA“ steht schon in einer anderen Gruppe; ein Wort darf nur in einer "
                             "Gruppe stehen.")
    assert f"1. Gruppe (Zeile {line_of(content, '[Kita, Kindergarten]')}: Kita, Kindergarten)" in error.hint


def test_words_are_compared_after_nfc_and_without_case(content):
    decomposed = "Sa\u0308ugling"  # „Säugling“ with a combining diaeresis, as some editors save it
    with_names(content, f"synonyme:\n  - [Baby, Säugling]\n  - [Neugeborenes, \"{decomposed}\"]\n")
    error = single_error(content)
    assert error.key == "synonyme → 2. Eintrag → 2. Eintrag" and "1. Gruppe" in error.hint


def test_a_word_twice_in_its_own_group(content):
    with_names(content, "synonyme:\n  - [Kita, Kindergarten,\n     kita]\n")
    error = single_error(content)
    assert (error.line, error.key) == (line_of(content, "     kita]"), "synonyme → 1. Eintrag → 3. Eintrag")
    assert error.message == "Das Wort „kita“ steht zweimal in derselben Gruppe (schon als 1. Wort: „Kita“)."


@pytest.mark.parametrize("groups, key, words", [
    ("  - [Kita]", "synonyme → 1. Eintrag", "braucht mindestens 2 Einträge"),
    ("  - [Kita, K]", "synonyme → 1. Eintrag → 2. Eintrag", "ist zu kurz: 1 Zeichen"),
    ("  - [Kita, '   ']", "synonyme → 1. Eintrag → 2. Eintrag", "ist zu kurz: 0 Zeichen"),
    (f"  - [Kita, {'x' * 61}]", "synonyme → 1. Eintrag → 2. Eintrag", "ist zu lang: 61 Zeichen"),
    ("  - Kita", "synonyme → 1. Eintrag", "muss eine Liste sein"),
    ("  - [Kita, 3]", "synonyme → 1. Eintrag → 2. Eintrag", "muss ein Text sein"),
])
def test_a_group_is_a_list_of_at_least_two_words(content, groups, key, words):
    with_names(content, f"synonyme:\n{groups}\n")
    error = single_error(content)
    assert (error.line, error.key) == (line_of(content, groups), key)
    assert words in error.message


# --- uebersetzungen: errors -------------------------------------------------------------------------------


@pytest.mark.parametrize("old, new, key, words, hint", [
    ("      beratung: Danışmanlık", "      beratun: Danışmanlık", "uebersetzungen → tr → themen → beratun",
     "„beratun“ bei „uebersetzungen → tr → themen“ gibt es nicht: site.yaml nennt kein Thema mit dieser "
     "Kennung. Meinten Sie „beratung“?", "unter „themen“ stehen: fruehe-hilfen, beratung, begegnung"),
    ("      kleinkind: Bebekler", "      baby: Bebekler", "uebersetzungen → tr → lebensphasen → baby",
     "site.yaml nennt keine Lebensphase mit dieser Kennung", "schwangerschaft, kleinkind, jugend"),
    ("    stadtteile: {}", "    stadtteile:\n      lintrof: Lintorf",
     "uebersetzungen → tr → stadtteile → lintrof",
     "keinen Stadtteil mit dieser Kennung. Meinten Sie „lintorf“?",
     "mitte, lintorf, nord"),
    ("    stadtteile: {}", "    stadtteile:\n      ganz-stadt: Tüm şehir",
     "uebersetzungen → tr → stadtteile → ganz-stadt", "übersetzt die Website selbst", "mitte, lintorf, nord"),
    ("      rollstuhlgerecht: Tekerlekli", "      rollstuhl: Tekerlekli",
     "uebersetzungen → tr → barrierefreiheit → rollstuhl", "kein Merkmal der Barrierefreiheit",
     "rollstuhlgerecht"),
    ('      "116 111":', '      "116111":', "uebersetzungen → tr → hilfe → 116111",
     "Die Nummer „116111“ bei „uebersetzungen → tr → hilfe“ steht in site.yaml nicht unter „hilfe“. "
     "Meinten Sie „116 111“?", "genau so, wie sie unter „hilfe“ bei „telefon“ steht"),
    ("  tr:", "  de:", "uebersetzungen → de", "Deutsch ist die Sprache von site.yaml selbst",
     "Löschen Sie den Eintrag „de“"),
    ("  tr:", "  xx:", "uebersetzungen → xx", "„xx“ ist kein Sprachkürzel nach ISO 639-1.",
     "zwei Kleinbuchstaben"),
    ("  tr:", "  ua:", "uebersetzungen → ua", "Meinten Sie „uk“ (Ukrainisch)?", "uk (Ukrainisch)"),
    ("    titel: Musterstadt'ta", "    titl: Musterstadt'ta", "uebersetzungen → tr → titl",
     "Die Angabe „titl“ gibt es hier nicht. Meinten Sie „titel“?", "lebensphasen_beschreibung"),
    ("        hinweis: anonim", "        hinweiss: anonim", "uebersetzungen → tr → hilfe → 116 111 → hinweiss",
     "Meinten Sie „hinweis“?", "Erlaubt sind: name, hinweis"),
    ("  tr:", "  TR:", "uebersetzungen → TR", "„TR“ hat bei „uebersetzungen → TR“ nicht die richtige Form.",
     "zwei Kleinbuchstaben"),
    ("      beratung: Danışmanlık", "      beratung: ''", "uebersetzungen → tr → themen → beratung",
     "darf nicht leer sein", "nach dem Doppelpunkt"),
    ("      beratung: Danışmanlık", "      beratung: '   '", "uebersetzungen → tr → themen → beratung",
     "„uebersetzungen → tr → themen → beratung“ darf nicht leer sein.", "nach dem Doppelpunkt"),
    ("      beratung: Danışmanlık", "      beratung:", "uebersetzungen → tr → themen → beratung",
     "muss ein Text sein, hier steht nichts", ""),
    ("        hinweis: anonim ve ücretsiz", "        hinweis: ' '",
     "uebersetzungen → tr → hilfe → 116 111 → hinweis", "darf nicht leer sein", ""),
    ("    titel: Musterstadt'ta çocuklar, gençler ve aileler için teklifler", "    titel: '    '",
     "uebersetzungen → tr → titel", "darf nicht leer sein", ""),
])
def test_each_problem_in_the_names_names_file_line_and_key(content, old, new, key, words, hint):
    with_names(content)
    content.replace(SITE, old, new)
    error = single_error(content)
    first_line = new.split("\n")[-1]
    assert (error.line, error.key) == (line_of(content, first_line), key)
    assert words in error.message
    assert hint in error.hint


def test_the_names_of_a_language_are_checked_even_when_another_has_errors(content):
    with_names(content, NAMES + "  ar:\n    themen:\n      beratun: استشارة\n  de: {}\n")
    assert [e.key for e in content.errors()] == ["uebersetzungen → ar → themen → beratun",
                                                 "uebersetzungen → de"]


def test_errors_in_site_yaml_do_not_hide_the_errors_of_offers(content):
    with_names(content, "synonyme:\n  - [Kita, kita]\n")
    content.replace("angebote/krabbelgruppe.md", "stadtteile: [lintorf]", "stadtteile: [lintrof]")
    assert {e.file.name for e in content.errors()} == {"site.yaml", "krabbelgruppe.md"}


# --- uebersetzungen: notes ---------------------------------------------------------------------------------


def test_without_translations_one_short_note_names_the_languages_of_the_interface(content):
    found = notes(content)
    assert list(found) == ["uebersetzungen"]
    (note,) = found["uebersetzungen"]
    assert note.line == 1
    assert note.message.startswith("Für „en“ (Englisch), „tr“ (Türkisch), „ar“ (Arabisch), „uk“ "
                                   "(Ukrainisch), „ru“ (Russisch) stehen in site.yaml keine Übersetzungen der "
                                   "Namen")
    assert "„uebersetzungen“" in note.hint


def test_the_note_names_the_interface_languages_the_layouts_have():
    assert interface_languages(pipeline.LAYOUTS_DIR) == ["de", "en", "tr", "ar", "uk", "ru"]


def test_a_language_with_some_names_gets_one_note_listing_what_is_missing(content):
    with_names(content)
    found = notes(content)
    assert sorted(found) == ["uebersetzungen", "uebersetzungen → tr"]
    (missing,) = found["uebersetzungen → tr"]
    assert missing.line == line_of(content, "  tr:")
    assert missing.message == (
        "Für „tr“ (Türkisch) fehlen Übersetzungen: Lebensphasen: schwangerschaft, jugend; Themen: "
        "fruehe-hilfen, begegnung; Barrierefreiheit: leichte-sprache. Die Seiten in dieser Sprache zeigen diese "
        "Namen auf Deutsch.")
    (others,) = found["uebersetzungen"]
    assert others.line == line_of(content, "uebersetzungen:")
    assert "„en“ (Englisch), „ar“ (Arabisch), „uk“ (Ukrainisch), „ru“ (Russisch) stehen" in \
        others.message
    assert "„tr“" not in others.message and "diesen Sprachen" in others.message


def test_an_empty_language_lacks_everything_but_the_districts(content):
    content.replace(SITE, "    name: 0 bis 3 Jahre\n", "    name: 0 bis 3 Jahre\n    beschreibung: Die ersten Jahre.\n")
    with_names(content, "uebersetzungen:\n  ar: {}\n")
    (note,) = notes(content)["uebersetzungen → ar"]
    assert note.message.startswith(
        "Für „ar“ (Arabisch) fehlen Übersetzungen: Titel; Lebensphasen: schwangerschaft, kleinkind, jugend; "
        "Beschreibungen der Lebensphasen: kleinkind; Themen: fruehe-hilfen, beratung, begegnung; "
        "Barrierefreiheit: rollstuhlgerecht, leichte-sprache; Hilfe: 116 111 (Name und Hinweis).")
    assert "Stadtteile" not in note.message


def test_districts_count_as_missing_once_a_language_translates_one(content):
    with_names(content, "uebersetzungen:\n  ru:\n    stadtteile:\n      mitte: Центр\n")
    (note,) = notes(content)["uebersetzungen → ru"]
    assert "Stadtteile: lintorf, nord" in note.message


def test_a_complete_language_gets_no_note_and_all_languages_no_short_note(content):
    with_names(content, "uebersetzungen:\n" + ENGLISH)
    assert list(notes(content)) == ["uebersetzungen"]
    every_language = ("en", "tr", "ar", "uk", "ru")
    complete = "uebersetzungen:\n" + "".join(ENGLISH.replace("  en:", f"  {code}:") for code in every_language)
    content.write(SITE, (content.root / SITE).read_text(encoding="utf-8").split("uebersetzungen:")[0] + complete)
    assert notes(content) == {}
    assert content.catalogue().site.translations["ru"].topics["beratung"] == "Counselling"


def test_a_language_without_pages_is_a_note_not_an_error(content):
    with_names(content, "uebersetzungen:\n  fr:\n    titel: Offres pour les familles\n")
    assert not content.errors()
    (note,) = notes(content)["uebersetzungen → fr"]
    assert note.severity == NOTE and note.line == line_of(content, "  fr:")
    assert note.message == ("Für „fr“ (Französisch) hat die Website keine Seiten; diese Übersetzungen werden "
                            "nicht verwendet.")
    assert "de (Deutsch), en (Englisch), tr (Türkisch), ar (Arabisch), uk (Ukrainisch), ru (Russisch)" in note.hint
    assert content.catalogue().site.translations["fr"].title == "Offres pour les familles"


def test_notes_are_never_counted(content):
    with_names(content, "uebersetzungen:\n  fr: {}\n  ar: {}\n")
    result = pipeline.check(content.root, TODAY, strict=True)
    assert result.ok and not result.problems.warnings
    assert len(notes(content)) == 3
