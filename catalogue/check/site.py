"""site.yaml: the town's catalogue as a whole (life phases, topics, districts, help lines, publisher), its synonyms
for the search and its names in other languages (uebersetzungen)."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

from catalogue.check import schemas
from catalogue.check.context import Context, as_date, as_text, content_file, read_markdown_to_lint
from catalogue.check.images import check_file_in_bilder
from catalogue.check.media import VIDEO_SUFFIXES, check_media
from catalogue.check.offers import TERM_WHAT
from catalogue.messages import did_you_mean, listing, problem
from catalogue.model.site import (WHOLE_CITY, AccessibilityStatement, HelpLine, LifePhase, Ombudsperson, Publisher,
                                  Repository, Site, SiteNames, Video)
from catalogue.model.i18n import GERMAN, interface_languages
from catalogue.model.needs import Figures
from catalogue.model.languages import is_language_code, language_name
from catalogue.problems import NOTE, Problems
from catalogue.read.files import SourceFile, read_yaml_file

# The parts of a language under `uebersetzungen` that translate ids of site.yaml: part → (where the ids stand
# in site.yaml, the SiteNames field, how `check` lists it when names are missing).
NAME_PARTS = {
    "lebensphasen": ("lebensphasen", "life_phases", "Lebensphasen"),
    "lebensphasen_beschreibung": ("lebensphasen", "life_phase_descriptions", "Beschreibungen der Lebensphasen"),
    "themen": ("themen", "topics", "Themen"),
    "stadtteile": ("stadtteile", "districts", "Stadtteile"),
    "barrierefreiheit": ("barrierefreiheit", "accessibility", "Barrierefreiheit"),
}
# Country codes written for a language: „ua“ is Ukraine, the language is „uk“.
COUNTRY_FOR_LANGUAGE = {"ua": "uk", "gr": "el", "jp": "ja", "cn": "zh", "dk": "da", "cz": "cs", "ir": "fa"}


def load_site(content_dir: Path, today: date) -> tuple[Site | None, Problems]:
    """Only site.yaml (and bilder/, which its video may name): for what needs the site's names but not the
    offers, such as the GitHub issue forms."""
    context = Context(content_dir, today, Problems(), lambda stage, done, total: None, read_markdown_to_lint)
    context.media, problems = check_media(content_dir)
    context.problems.extend(problems)
    return read_site(context), context.problems


def read_site(context: Context) -> Site | None:
    path = content_file("site.yaml", context, missing="missing_site_yaml")
    if path is None:
        return None
    source, problems = read_yaml_file(path)
    context.problems.extend(problems)
    if source is None:
        return None
    structural = schemas.schema_problems(source, schemas.SITE)
    context.problems.extend(structural)
    if structural:
        return None
    data = source.data
    phases = [LifePhase(p["id"], p["name"], p["alter_von"], p["alter_bis"], p.get("beschreibung", ""))
              for p in data["lebensphasen"]]
    seen: set[str] = set()
    for index, phase in enumerate(phases):
        line = source.line_of(["lebensphasen", index, "id"])
        key = schemas.key_label(["lebensphasen", index])
        if phase.id in seen:
            context.problems.add(problem("phase_duplicate", path, line, key, value=phase.id))
        seen.add(phase.id)
        if phase.age_from > phase.age_to:
            context.problems.add(problem("age_order", path, source.line_of(["lebensphasen", index, "alter_bis"]),
                                         key, start=phase.age_from, end=phase.age_to))
        if index and phase.age_from < phases[index - 1].age_from:
            context.problems.add(problem("phase_order", path, line, key, value=phase.id, start=phase.age_from,
                                         previous=phases[index - 1].age_from))
    publisher = data["herausgeber"]
    feedback = data.get("feedback", {})
    statement = data.get("barrierefreiheit_erklaerung")
    ombudsperson = (statement or {}).get("ombudsstelle")
    video = data.get("gebaerdensprache_video")
    repository = data.get("repository")
    if video and video.get("datei") and not check_file_in_bilder(source, ["gebaerdensprache_video", "datei"],
                                                                   VIDEO_SUFFIXES, "video_type", context):
        video = None
    if statement is None:
        context.problems.add(problem("no_accessibility_statement", path, 1, "barrierefreiheit_erklaerung",
                                     severity=NOTE))
    synonyms = _check_synonyms(source, context)
    translations, untranslated_names = _check_site_names(source, phases, context)
    return Site(
        title=data["titel"],
        city=data["stadt"],
        base_url=data["basis_url"].rstrip("/") + "/",
        publisher=Publisher(publisher["name"], publisher.get("ansprechperson", ""), publisher.get("adresse", ""),
                            as_text(publisher.get("telefon")), publisher.get("email", ""), publisher.get("web", "")),
        topics=dict(data["themen"]),
        life_phases=phases,
        districts={WHOLE_CITY: "", **data["stadtteile"]},
        accessibility=dict(data["barrierefreiheit"]),
        help_lines=[HelpLine(h["name"], as_text(h["telefon"]), h.get("hinweis", "")) for h in data.get("hilfe", [])],
        review_months=data.get("pruefintervall_monate", 12),
        feedback_email=feedback.get("email", publisher.get("email", "")),
        feedback_url=feedback.get("url", ""),
        page_size=data.get("eintraege_pro_seite", 20),
        accessibility_statement=AccessibilityStatement(
            as_date(statement["stand"]), statement["status"], statement.get("bewertung", ""),
            tuple(statement.get("einschraenkungen", [])),
            Ombudsperson(ombudsperson["name"], ombudsperson["web"], ombudsperson.get("adresse", ""),
                         as_text(ombudsperson.get("telefon")), ombudsperson.get("email", ""))
            if ombudsperson else None,
        ) if statement else None,
        sign_language_video=Video(video["titel"], video.get("datei", ""), video.get("url", "")) if video else None,
        repository=Repository(repository["url"], repository.get("zweig", "main"), repository.get("inhalt", "content"))
        if repository else None,
        synonyms=synonyms,
        translations=translations,
        untranslated_names=untranslated_names,
        figures=_needs_basis(data.get("bedarf")),
    )


def _needs_basis(bedarf: dict | None) -> Figures | None:
    """`bedarf`: where the figures of daten/ come from; their rows are read by check/figures.py."""
    if bedarf is None:
        return None
    return Figures(bedarf["quelle"], as_date(bedarf["stand"]), bedarf.get("mindestens_je_1000"),
                   bedarf.get("beispiel", False))


def _word_key(word: str) -> str:
    """A synonym as it is compared: NFC, spaces collapsed, without case („Kita“ and „KITA“ are one word)."""
    return unicodedata.normalize("NFC", " ".join(word.split())).casefold()


def _check_synonyms(source: SourceFile, context: Context) -> tuple[tuple[str, ...], ...]:
    """The groups of `synonyme` as written; a word that stands twice (in its group or in another) is reported
    where it stands the second time."""
    groups = tuple(tuple(group) for group in source.data.get("synonyme", []))
    seen: dict[str, tuple[int, int]] = {}  # word → (group, position), both from 0
    for group_index, group in enumerate(groups):
        for index, word in enumerate(group):
            path = ["synonyme", group_index, index]
            line, key, compared = source.line_of(path), schemas.key_label(path), _word_key(word)
            if len(compared) < 2:  # only spaces: the schema counted them
                context.problems.add(problem("too_short", source.path, line, key, key=key, length=len(compared),
                                             limit=2, description="Ein Wort oder ein kurzer Ausdruck, 2 bis 60 "
                                             "Zeichen (Leerzeichen am Anfang und Ende zählen nicht). "))
                continue
            if compared not in seen:
                seen[compared] = (group_index, index)
                continue
            first_group, first_index = seen[compared]
            if first_group == group_index:
                context.problems.add(problem("synonym_repeated", source.path, line, key, word=word,
                                             position=first_index + 1, first=group[first_index]))
            else:
                context.problems.add(problem(
                    "synonym_in_two_groups", source.path, line, key, word=word, group=first_group + 1,
                    group_line=source.line_of(["synonyme", first_group]), members=", ".join(groups[first_group]),
                ))
    return groups


def _check_site_names(source: SourceFile, phases: list[LifePhase], context: Context
                      ) -> tuple[dict[str, SiteNames], dict[str, str]]:
    """`uebersetzungen`, checked against the ids and help lines of site.yaml and the interface's languages; with
    what each interface language still lacks (Site.untranslated_names).

    Errors: what site.yaml does not define, a code that is no language or is German, an empty text. Notes (never
    counted): a language the site has no pages in, the names a language of the interface still lacks, and, once,
    the interface languages with no translations at all."""
    data = source.data
    written = data.get("uebersetzungen", {})
    ids = {"lebensphasen": [phase.id for phase in phases], "themen": list(data["themen"]),
           "stadtteile": list(data["stadtteile"]), "barrierefreiheit": list(data["barrierefreiheit"])}
    phones = [as_text(line["telefon"]) for line in data.get("hilfe", [])]
    languages = [code for code in interface_languages(context.layouts_dir) if code != GERMAN]
    translations: dict[str, SiteNames] = {}
    untranslated_names: dict[str, str] = {}
    for code, parts in written.items():
        path = ["uebersetzungen", code]
        line, key = source.line_of(path), schemas.key_label(path)
        if code == GERMAN:
            context.problems.add(problem("translation_into_german", source.path, line, key))
            continue
        if not is_language_code(code):
            close = COUNTRY_FOR_LANGUAGE.get(code)
            context.problems.add(problem(
                "bad_language_code", source.path, line, key, code=code, easy_language="",
                suggestion=f" Meinten Sie „{close}“ ({language_name(close)})?" if close else "",
            ))
            continue
        _check_blank_texts(source, path, parts, context)
        _check_translated_ids(source, path, parts, ids, phones, context)
        names = _site_names(parts)
        translations[code] = names
        if code not in languages:
            context.problems.add(problem("translation_language_unused", source.path, line, key, severity=NOTE,
                                         code=code, language=language_name(code),
                                         languages=listing(f"{c} ({language_name(c)})" for c in [GERMAN, *languages])))
            continue
        missing = _missing_names(names, data, phases, phones)
        if missing:
            untranslated_names[code] = missing
            context.problems.add(problem("translation_names_missing", source.path, line, key, severity=NOTE,
                                         code=code, language=language_name(code), missing=missing))
    untranslated = [code for code in languages if code not in written]
    untranslated_names.update(dict.fromkeys(untranslated, ""))
    if untranslated:
        context.problems.add(problem(
            "translation_languages_missing", source.path, source.line_of(["uebersetzungen"]), "uebersetzungen",
            severity=NOTE, languages=listing(f"„{c}“ ({language_name(c)})" for c in untranslated),
            these="dieser Sprache" if len(untranslated) == 1 else "diesen Sprachen",
        ))
    in_order = sorted(untranslated_names.items(), key=lambda item: languages.index(item[0]))
    return translations, dict(in_order)


def _check_blank_texts(source: SourceFile, path: list, value, context: Context) -> None:
    """A text of only spaces is as empty as "" (which the schema reports)."""
    if isinstance(value, dict):
        for name, inner in value.items():
            _check_blank_texts(source, [*path, schemas.key_text(name)], inner, context)
    elif isinstance(value, str) and value and not value.strip():
        key = schemas.key_label(path)
        context.problems.add(problem("empty", source.path, source.line_of(path), key, key=key, description=""))


def _check_translated_ids(source: SourceFile, path: list, parts: dict, ids: dict[str, list[str]], phones: list[str],
                          context: Context) -> None:
    for part, (section, _, _) in NAME_PARTS.items():
        allowed = ids[section]
        for term in parts.get(part, {}):
            if term in allowed:
                continue
            where = [*path, part, term]
            suggestion = did_you_mean(term, allowed)
            if section == "stadtteile" and term == WHOLE_CITY:
                suggestion = f" Den Namen von „{WHOLE_CITY}“ (die ganze Stadt) übersetzt die Website selbst."
            context.problems.add(problem(
                "translation_unknown_id", source.path, source.line_of(where), schemas.key_label(where), value=term,
                key=schemas.key_label([*path, part]), what=TERM_WHAT[section], suggestion=suggestion,
                section=section, allowed=listing(allowed),
            ))
    for phone in parts.get("hilfe", {}):
        written = schemas.key_text(phone)
        if written in phones:
            continue
        where = [*path, "hilfe", written]
        context.problems.add(problem(
            "translation_unknown_help_line", source.path, source.line_of(where), schemas.key_label(where),
            value=written, key=schemas.key_label([*path, "hilfe"]), suggestion=did_you_mean(written, phones),
            allowed=listing(f"„{p}“" for p in phones),
        ))


def _site_names(parts: dict) -> SiteNames:
    return SiteNames(
        title=parts.get("titel", ""),
        **{field_name: dict(parts.get(part, {})) for part, (_, field_name, _) in NAME_PARTS.items()},
        help_lines={schemas.key_text(phone): (names.get("name", ""), names.get("hinweis", ""))
                    for phone, names in parts.get("hilfe", {}).items()},
    )


def _missing_names(names: SiteNames, data: dict, phases: list[LifePhase], phones: list[str]) -> str:
    """What a language of the interface still shows in German, e.g. „Titel; Themen: beratung, begegnung“.
    Districts count only once the language translates one: place names usually stay as they are."""
    german = {
        "lebensphasen": [phase.id for phase in phases],
        "lebensphasen_beschreibung": [phase.id for phase in phases if phase.description.strip()],
        "themen": list(data["themen"]),
        "stadtteile": list(data["stadtteile"]) if names.districts else [],
        "barrierefreiheit": list(data["barrierefreiheit"]),
    }
    missing = ["Titel"] if not names.title.strip() else []
    for part, (_, field_name, label) in NAME_PARTS.items():
        translated = getattr(names, field_name)
        untranslated = [term for term in german[part] if not translated.get(term, "").strip()]
        if untranslated:
            missing.append(f"{label}: {listing(untranslated)}")
    help_notes = {as_text(line["telefon"]): line.get("hinweis", "") for line in data.get("hilfe", [])}
    lines = []
    for phone in phones:
        name, note = names.help_lines.get(phone, ("", ""))
        parts_missing = [what for what, text, needed in (("Name", name, True), ("Hinweis", note, help_notes[phone]))
                         if needed and not text.strip()]
        if parts_missing:
            lines.append(f"{phone} ({' und '.join(parts_missing)})")
    if lines:
        missing.append(f"Hilfe: {listing(lines)}")
    return "; ".join(missing)
