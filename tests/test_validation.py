"""One test per validation rule: each asserts the file, the line and the key a partner is shown."""

from __future__ import annotations

from datetime import date

OFFER = "angebote/krabbelgruppe.md"


def single_error(content, relative=OFFER):
    errors = content.errors()
    assert len(errors) == 1, [(e.file.name, e.line, e.key, e.message) for e in errors]
    error = errors[0]
    assert error.file == content.root / relative
    assert error.hint, "every problem says how to fix it"
    return error


def test_fixture_is_valid(content):
    assert [p for p in content.problems() if p.severity != "notice"] == []


def test_notes_for_what_a_public_body_needs_beyond_the_contract(content):
    notes = {(p.file.name, p.key) for p in content.problems() if p.severity == "notice"}
    # and that the site's names have no translations yet (tests/test_site_names.py)
    assert notes == {("site.yaml", "barrierefreiheit_erklaerung"), ("datenschutz.md", ""),
                     ("site.yaml", "uebersetzungen")}


# --- reading ---------------------------------------------------------------------------------------------


def test_yaml_syntax_error_names_its_line(content):
    content.replace(OFFER, "titel: Krabbelgruppe am Mittwoch", "titel: Krabbelgruppe: jeden Mittwoch")
    error = single_error(content)
    assert error.line == 2
    assert "Doppelpunkt" in error.message and "Anführungszeichen" in error.hint


def test_tab_indentation_is_explained(content):
    content.replace(OFFER, "  von: 0\n", "\tvon: 0\n")
    error = single_error(content)
    assert error.line == 8
    assert "Tabulator" in error.message


def test_missing_front_matter(content):
    content.write(OFFER, "Nur ein Text ohne Angaben.\n")
    error = single_error(content)
    assert error.line == 1 and "Vorspann" in error.message


def test_unclosed_front_matter(content):
    text = (content.root / OFFER).read_text(encoding="utf-8")
    content.write(OFFER, text.replace("---\n## Was wir machen", "## Was wir machen"))
    error = single_error(content)
    assert error.line == 1 and "beendet" in error.message


def test_file_that_is_not_utf8(content):
    path = content.root / OFFER
    path.write_bytes(path.read_text(encoding="utf-8").replace("Bauklötzen", "Bauklötzen").encode("latin-1"))
    error = single_error(content)
    assert error.line == 27 and "UTF-8" in error.message


def test_duplicate_key(content):
    content.replace(OFFER, "stand: 2026-10-01", "stand: 2026-10-01\nstand: 2026-10-02")
    error = single_error(content)
    assert (error.line, error.key) == (29, "stand")
    assert "zweimal" in error.message and "28" in error.message


def test_front_matter_that_is_a_list(content):
    content.write(OFFER, "---\n- titel\n- kurz\n---\n")
    error = single_error(content)
    assert error.line == 2 and "Liste" in error.message


# --- structure ----------------------------------------------------------------------------------------


def test_unknown_key_suggests_the_right_one(content):
    content.replace(OFFER, "kostenlos: true", "kostenlso: true")
    error = single_error(content)
    assert (error.line, error.key) == (11, "kostenlso")
    assert "Meinten Sie „kostenlos“?" in error.message


def test_typo_in_required_key_is_said_once_as_the_typo(content):
    """Not also „Pflichtangabe „stadtteile“ fehlt“: the line is there, only misspelled."""
    content.replace(OFFER, "stadtteile: [lintorf]", "stadteile: [lintorf]")
    error = single_error(content)
    assert (error.line, error.key) == (10, "stadteile")
    assert error.message == "Die Angabe „stadteile“ gibt es hier nicht. Meinten Sie „stadtteile“?"
    assert error.hint.startswith("Schreiben Sie „stadtteile“.")


def test_typo_in_a_required_key_of_a_provider_a_page_and_site_yaml(content):
    content.replace("anbieter/jugendamt.md", "name: Jugendamt", "nmae: Jugendamt")
    content.replace("seiten/impressum.md", "titel: Impressum", "tittel: Impressum")
    content.replace("site.yaml", "stadt: Musterstadt", "stadtt: Musterstadt")
    errors = content.errors()
    assert sorted((e.file.name, e.line, e.key) for e in errors) == [
        ("impressum.md", 2, "tittel"), ("jugendamt.md", 2, "nmae"), ("site.yaml", 2, "stadtt")]
    assert not any("Pflichtangabe" in e.message for e in errors)


def test_a_typo_does_not_hide_another_missing_required_key(content):
    content.replace(OFFER, "stadtteile: [lintorf]", "stadteile: [lintorf]")
    content.replace(OFFER, "anbieter: familienzentrum\n", "")
    errors = content.errors()
    assert sorted((e.line, e.key) for e in errors) == [(1, "anbieter"), (9, "stadteile")]
    assert "Pflichtangabe „anbieter“ fehlt" in [e for e in errors if e.key == "anbieter"][0].message


def test_empty_date_asks_for_a_date(content):
    """As the offer template leaves it: „stand:“ with nothing after it."""
    content.replace(OFFER, "stand: 2026-10-01", "stand:")
    error = single_error(content)
    assert (error.line, error.key) == (28, "stand")
    assert error.message == "„stand“ ist leer."
    assert "JJJJ-MM-TT, z. B. 2026-03-01" in error.hint and "zuletzt geprüft" in error.hint
    assert "Text" not in error.message + error.hint and "Anführungszeichen" not in error.hint


def test_every_empty_date_and_time_asks_for_its_form(content):
    content.replace(OFFER, "stand: 2026-10-01", 'stand: ""\ngueltig_bis:\ntermine:\n  - datum:\n    von:\n    bis: ""')
    content.replace(OFFER, "    von: 9:30\n", "    von:\n")
    errors = {e.key: e for e in content.errors()}
    assert sorted(errors) == ["gueltig_bis", "stand", "termine → 1. Eintrag → bis", "termine → 1. Eintrag → datum",
                              "termine → 1. Eintrag → von", "zeiten → 1. Eintrag → von"]
    for key, error in errors.items():
        assert error.message == f"„{key}“ ist leer.", error.message
        assert ("SS:MM" if key.endswith((" von", " bis")) else "JJJJ-MM-TT") in error.hint, (key, error.hint)


def test_missing_required_key_points_at_front_matter(content):
    content.replace(OFFER, "anbieter: familienzentrum\n", "")
    error = single_error(content)
    assert (error.line, error.key) == (1, "anbieter")
    assert "Pflichtangabe" in error.message


def test_several_missing_keys_are_each_said_once(content):
    content.write("angebote/kaputt.md", "---\ntitel: Ein Angebot ohne alles\n---\n")
    errors = [e for e in content.errors() if e.file.name == "kaputt.md"]
    assert sorted(e.key for e in errors) == ["anbieter", "kurz", "lebensphasen", "stadtteile", "stand", "themen"]


def test_wrong_type_list(content):
    content.replace(OFFER, "themen: [begegnung]", "themen: begegnung")
    error = single_error(content)
    assert (error.line, error.key) == (5, "themen")
    assert "eine Liste" in error.message and "„begegnung“" in error.message


def test_wrong_type_boolean(content):
    content.replace(OFFER, "kostenlos: true", "kostenlos: ja")
    error = single_error(content)
    assert (error.line, error.key) == (11, "kostenlos")
    assert "true oder false" in error.message


def test_wrong_type_in_nested_key(content):
    content.replace(OFFER, "  von: 0\n", "  von: null\n")
    error = single_error(content)
    assert (error.line, error.key) == (8, "alter → von")


def test_text_too_short(content):
    content.replace(OFFER, "kurz: Eltern mit Babys treffen sich, spielen und tauschen sich aus.", "kurz: Treffen")
    error = single_error(content)
    assert (error.line, error.key) == (3, "kurz")
    assert "7 Zeichen" in error.message and "20" in error.message


def test_value_not_in_fixed_list(content):
    content.replace(OFFER, "  - tage: [mi]", "  - tage: [mittwoch]")
    error = single_error(content)
    assert (error.line, error.key) == (19, "zeiten → 1. Eintrag → tage → 1. Eintrag")
    assert "Erlaubt sind: mo, di, mi" in error.hint


# --- ids ----------------------------------------------------------------------------------------------


def test_id_not_in_taxonomy_lists_allowed_ones(content):
    content.replace(OFFER, "stadtteile: [lintorf]", "stadtteile: [lintrof]")
    error = single_error(content)
    assert (error.line, error.key) == (10, "stadtteile → 1. Eintrag")
    assert "Meinten Sie „lintorf“?" in error.message
    assert "mitte (Mitte), lintorf (Lintorf), nord (Nord)" in error.hint


def test_life_phase_not_in_taxonomy(content):
    content.replace(OFFER, "lebensphasen: [kleinkind]", "lebensphasen:\n  - kleinkind\n  - krippe")
    error = single_error(content)
    assert (error.line, error.key) == (8, "lebensphasen → 2. Eintrag")
    assert "keine Lebensphase" in error.message and "schwangerschaft" in error.hint


def test_whole_city_is_always_a_district(content):
    content.replace(OFFER, "stadtteile: [lintorf]", "stadtteile: [ganz-stadt]")
    assert content.errors() == []


def test_unknown_provider(content):
    content.replace(OFFER, "anbieter: familienzentrum", "anbieter: familienzentrun")
    error = single_error(content)
    assert (error.line, error.key) == (4, "anbieter")
    assert "Meinten Sie „familienzentrum“?" in error.message and "anbieter/familienzentrun.md" in error.hint


def test_malformed_file_name(content):
    (content.root / "angebote/zeltlager.md").rename(content.root / "angebote/Zelt Lager.md")
    error = single_error(content, "angebote/Zelt Lager.md")
    assert (error.line, error.key) == (1, "Dateiname")
    assert "Großbuchstaben" in error.message and "zelt-lager.md" in error.hint


def test_too_short_id(content):
    (content.root / "angebote/zeltlager.md").rename(content.root / "angebote/kg.md")
    error = single_error(content, "angebote/kg.md")
    assert "kürzer als 3" in error.message


def test_duplicate_life_phase_id(content):
    content.replace("site.yaml", "stadtteile:", "  - id: kleinkind\n    name: Noch einmal\n    alter_von: 18\n"
                    "    alter_bis: 27\nstadtteile:")
    error = single_error(content, "site.yaml")
    assert (error.line, error.key) == (26, "lebensphasen → 4. Eintrag")


def test_duplicate_taxonomy_key(content):
    content.replace("site.yaml", "  nord: Nord", "  nord: Nord\n  mitte: Innenstadt")
    error = single_error(content, "site.yaml")
    assert (error.line, error.key) == (30, "mitte")


def test_malformed_taxonomy_id(content):
    content.replace("site.yaml", "  nord: Nord", "  Nord Ost: Nord")
    error = single_error(content, "site.yaml")
    assert (error.line, error.key) == (29, "stadtteile → Nord Ost")
    assert "Kleinbuchstaben" in error.hint


# --- dates and times ----------------------------------------------------------------------------------


def test_bad_date(content):
    content.replace(OFFER, "stand: 2026-10-01", "stand: 2026-02-30")
    error = single_error(content)
    assert (error.line, error.key) == (28, "stand")
    assert "kein gültiges Datum" in error.message


def test_date_in_wrong_form(content):
    content.replace(OFFER, "stand: 2026-10-01", "stand: 01.10.2026")
    error = single_error(content)
    assert (error.line, error.key) == (28, "stand")
    assert "JJJJ-MM-TT" in error.hint


def test_stand_in_the_future(content):
    content.replace(OFFER, "stand: 2026-10-01", "stand: 2026-11-23")
    error = single_error(content)
    assert (error.line, error.key) == (28, "stand")
    assert "Zukunft" in error.message and "2026-11-22" in error.hint


def test_time_von_not_before_bis(content):
    content.replace(OFFER, "    bis: 11:00", "    bis: 9:00")
    error = single_error(content)
    assert (error.line, error.key) == (21, "zeiten → 1. Eintrag → bis")
    assert "9:30" in error.message


def test_dated_event_von_not_before_bis(content):
    content.replace("angebote/aerztliche-beratung.md", 'bis: "12:00"', 'bis: "10:00"')
    error = single_error(content, "angebote/aerztliche-beratung.md")
    assert error.key == "termine → 1. Eintrag → bis"


def test_malformed_time(content):
    content.replace(OFFER, "    von: 9:30", "    von: 9.30 Uhr")
    error = single_error(content)
    assert (error.line, error.key) == (20, "zeiten → 1. Eintrag → von")
    assert "SS:MM" in error.hint


def test_age_von_above_bis(content):
    content.replace(OFFER, "  von: 0\n", "  von: 4\n")
    error = single_error(content)
    assert (error.line, error.key) == (9, "alter")


def test_age_above_27(content):
    content.replace(OFFER, "  bis: 3\n", "  bis: 30\n")
    error = single_error(content)
    assert (error.line, error.key) == (9, "alter → bis")
    assert "27" in error.message


# --- contact ------------------------------------------------------------------------------------------


def test_malformed_email(content):
    content.replace(OFFER, "  email: fz@example.org", "  email: fz(at)example.org")
    error = single_error(content)
    assert (error.line, error.key) == (23, "kontakt → email")
    assert "name@example.org" in error.hint


def test_url_must_be_http(content):
    content.replace(OFFER, "  web: https://example.org/fz", "  web: www.example.org/fz")
    error = single_error(content)
    assert (error.line, error.key) == (24, "kontakt → web")
    assert "https://" in error.hint


def test_provider_email_checked_too(content):
    content.replace("anbieter/familienzentrum.md", "email: fz@example.org", "email: fz@example")
    error = single_error(content, "anbieter/familienzentrum.md")
    assert (error.line, error.key) == (6, "email")


# --- images -------------------------------------------------------------------------------------------


def test_image_missing(content):
    content.replace(OFFER, "datei: krabbeln.png", "datei: Krabbeln.png")
    error = single_error(content)
    assert (error.line, error.key) == (26, "bild → datei")
    assert "Meinten Sie „krabbeln.png“?" in error.message


def test_image_outside_bilder(content):
    content.replace(OFFER, "datei: krabbeln.png", "datei: ../site.yaml")
    error = single_error(content)
    assert (error.line, error.key) == (26, "bild → datei")
    assert "bilder/" in error.hint


def test_image_link_out_of_bilder_is_not_shown(content):
    (content.root / "bilder" / "link.png").symlink_to(content.root / "site.yaml")
    content.replace(OFFER, "datei: krabbeln.png", "datei: link.png")
    assert content.errors() == []
    warnings = {(p.file.name, p.line, p.key) for p in content.problems() if p.severity == "warning"}
    assert warnings == {("link.png", None, ""), ("krabbelgruppe.md", 26, "bild → datei")}
    offer = next(o for o in content.catalogue().offers if o.id == "krabbelgruppe")
    assert offer.image is None and "link.png" not in content.catalogue().media


def test_missing_alt_text(content):
    content.replace(OFFER, "  alt: Zwei Babys spielen mit Bauklötzen\n", "")
    error = single_error(content)
    assert (error.line, error.key) == (25, "bild → alt")


def test_empty_alt_text_needs_decorative(content):
    content.replace(OFFER, "  alt: Zwei Babys spielen mit Bauklötzen", '  alt: ""')
    error = single_error(content)
    assert (error.line, error.key) == (27, "bild → alt")
    content.replace(OFFER, '  alt: ""', '  alt: ""\n  dekorativ: true')
    assert content.errors() == []


# --- translations, providers, pages, site.yaml -----------------------------------------------------------


def test_translation_without_german_original(content):
    (content.root / "angebote/krabbelgruppe.en.md").rename(content.root / "angebote/krabelgruppe.en.md")
    error = single_error(content, "angebote/krabelgruppe.en.md")
    assert error.line == 1
    assert "angebote/krabelgruppe.md" in error.message and "krabbelgruppe.en.md" in error.hint


def test_translation_with_unknown_language(content):
    (content.root / "angebote/krabbelgruppe.en.md").rename(content.root / "angebote/krabbelgruppe.xx.md")
    error = single_error(content, "angebote/krabbelgruppe.xx.md")
    assert "„xx“" in error.message


def test_translation_may_not_change_other_fields(content):
    content.replace("angebote/krabbelgruppe.en.md", "kurz:", "kostenlos: false\nkurz:")
    error = single_error(content, "angebote/krabbelgruppe.en.md")
    assert (error.line, error.key) == (3, "kostenlos")


def test_translation_is_attached_to_its_offer(content):
    offer = next(o for o in content.catalogue().offers if o.id == "krabbelgruppe")
    assert offer.translations["en"].title == "Baby group on Wednesdays"


def test_unknown_language_code_in_offer(content):
    content.replace(OFFER, "sprachen: [de, tr]", "sprachen: [de, tk, xx]")
    error = single_error(content)
    assert (error.line, error.key) == (12, "sprachen → 3. Eintrag")


def test_language_codes_are_text_not_booleans(content):
    content.replace(OFFER, "sprachen: [de, tr]", "sprachen: [de, no]")
    assert content.errors() == []


def test_provider_without_name(content):
    content.replace("anbieter/jugendamt.md", "name: Jugendamt Musterstadt\n", "")
    error = single_error(content, "anbieter/jugendamt.md")
    assert (error.line, error.key) == (1, "name")


def test_page_reserved_name(content):
    (content.root / "seiten/impressum.md").rename(content.root / "seiten/angebote.md")
    error = single_error(content, "seiten/angebote.md")
    assert "reserviert" in error.message


def test_missing_site_yaml(content):
    (content.root / "site.yaml").unlink()
    errors = content.errors()
    assert any(e.file.name == "site.yaml" and "fehlt" in e.message for e in errors)


def test_site_yaml_unknown_key_and_bad_url(content):
    content.replace("site.yaml", "basis_url: https://katalog.example.org/angebote/", "basis_url: katalog.example.org\nstadtteil: x")
    errors = content.errors()
    assert {(e.line, e.key) for e in errors} == {(3, "basis_url"), (4, "stadtteil")}


def test_life_phase_with_age_the_wrong_way_round(content):
    content.replace("site.yaml", "    alter_von: 10\n    alter_bis: 18", "    alter_von: 10\n    alter_bis: 8")
    error = single_error(content, "site.yaml")
    assert (error.line, error.key) == (25, "lebensphasen → 3. Eintrag")


# --- all problems at once -------------------------------------------------------------------------------


def test_all_problems_of_a_run_are_reported_together_sorted_by_file(content):
    content.replace(OFFER, "kostenlos: true", "kostenlso: true")
    content.replace("angebote/zeltlager.md", "stadtteile: [nord, mitte]", "stadtteile: [nord, mite]")
    content.replace("anbieter/jugendamt.md", "stand: 2026-09-01", "stand: 2099-01-01")
    files = [e.file.relative_to(content.root).as_posix() for e in content.errors()]
    assert files == ["anbieter/jugendamt.md", "angebote/krabbelgruppe.md", "angebote/zeltlager.md"]


# --- warnings -----------------------------------------------------------------------------------------


def test_overdue_entry_is_a_warning(content):
    problems = content.problems(today=date(2027, 10, 2))
    overdue = [p for p in problems if "Monate" in p.message]
    assert overdue and all(not p.is_error for p in problems)
    krabbel = next(p for p in overdue if p.file.name == "krabbelgruppe.md")
    assert (krabbel.line, krabbel.key) == (28, "stand")


def test_review_interval_comes_from_site_yaml(content):
    content.replace("site.yaml", "pruefintervall_monate: 12", "pruefintervall_monate: 3")
    warnings = [p for p in content.problems() if "3 Monate" in p.message]
    assert {p.file.name for p in warnings} == {"zeltlager.md"}


def test_expired_offer_is_a_warning_and_not_published(content):
    later = date(2027, 9, 1)
    problems = content.problems(today=later)
    expired = [p for p in problems if "gilt nur bis" in p.message]
    assert len(expired) == 1 and not expired[0].is_error
    assert (expired[0].file.name, expired[0].line, expired[0].key) == ("zeltlager.md", 10, "gueltig_bis")
    catalogue = content.catalogue(today=later)
    assert "zeltlager" not in [o.id for o in catalogue.offers]
    assert [o.id for o in catalogue.unpublished] == ["zeltlager"]


def test_offer_is_published_on_its_last_day(content):
    assert "zeltlager" in [o.id for o in content.catalogue(today=date(2027, 8, 31)).offers]
