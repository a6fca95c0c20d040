"""Stage 2, validate: read every file of a content folder and check it before anything is written.

Structure (keys, types, forms) is checked against the JSON Schemas; what a
schema cannot know (ids from site.yaml, providers, dates relative to today,
image files, the order of two times) is checked here. All problems of a run
are collected; the model is built only when there is no error.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from catalogue.check import schemas
from catalogue.model.collation import german_sort_key
from catalogue.model.i18n import GERMAN, interface_languages
from catalogue.model.languages import EASY_GERMAN, is_language_code, language_name
from catalogue.check.lint import Linter, lint
from catalogue.check.media import IMAGE_SUFFIXES, VIDEO_SUFFIXES, Media, check_media
from catalogue.messages import did_you_mean, listing, problem, suggest
from catalogue.model.catalogue import (
    WHOLE_CITY,
    AccessibilityStatement,
    Catalogue,
    Contact,
    DatedEvent,
    HelpLine,
    Image,
    LifePhase,
    Offer,
    Ombudsperson,
    Page,
    Place,
    Provider,
    Publisher,
    RegularTime,
    Repository,
    Site,
    SiteNames,
    Translation,
    Video,
    review_due,
)
from catalogue.problems import ERROR, NOTE, WARNING, ContentProblem, Problems
from catalogue.read.files import SourceFile, read_markdown_file, read_yaml_file

# Always with fullmatch: „$“ also matches before a final line break.
ID_PATTERN = re.compile(r"[a-z0-9-]{3,80}")
TERM_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")  # an id from site.yaml, as the schemas have it
LEGALLY_REQUIRED_PAGES = ("impressum", "datenschutz")
# Top-level folders of the built site that a free page must not take over.
RESERVED_PAGE_IDS = ("angebote", "anbieter", "assets", "bilder", "schema", "suche", "lebensphasen", "themen",
                     "stadtteile", "merkliste", "luecken", "daten", "pagefind", "angebot-vorschlagen", "pdf")
TERM_WHAT = {
    "themen": "kein Thema",
    "lebensphasen": "keine Lebensphase",
    "stadtteile": "keinen Stadtteil",
    "barrierefreiheit": "kein Merkmal der Barrierefreiheit",
}
# The interface's tables, as the build reads them by default (pipeline.LAYOUTS_DIR).
LAYOUTS_DIR = Path(__file__).resolve().parents[2] / "layouts"
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


@dataclass
class _Context:
    content_dir: Path
    today: date
    problems: Problems
    progress: Callable[[str, int, int], None]
    read_markdown: Callable[[Path], tuple[SourceFile | None, list[ContentProblem], Linter]]
    layouts_dir: Path = LAYOUTS_DIR
    site: Site | None = None
    provider_ids: list[str] = field(default_factory=list)
    media: Media = field(default_factory=lambda: Media({}, {}))


def read_markdown_to_lint(path: Path) -> tuple[SourceFile | None, list[ContentProblem], Linter]:
    """A Markdown file, the problems of reading it, and what lints it (lint.lint, when the check comes to it)."""
    source, problems = read_markdown_file(path)
    return source, problems, functools.partial(lint, source)


def load_catalogue(content_dir: Path, today: date, progress=lambda stage, done, total: None,
                   read_markdown=read_markdown_to_lint,
                   layouts_dir: Path = LAYOUTS_DIR) -> tuple[Catalogue | None, Problems]:
    """read_markdown: how a Markdown file is read and linted, as read_markdown_to_lint does (the build cache's
    ReadFiles remembers both for unchanged files). layouts_dir: whose interface languages `uebersetzungen` is
    compared with."""
    context = _Context(content_dir, today, Problems(), progress, read_markdown, layouts_dir)
    context.media, problems = check_media(content_dir)
    context.problems.extend(problems)
    context.site = _load_site(context)
    providers = _load_providers(context)
    offers, translations = _load_offers(context)
    pages = _load_pages(context)
    if context.problems.errors or context.site is None:
        return None, context.problems
    return _assemble(context, providers, offers, translations, pages), context.problems


def load_site(content_dir: Path, today: date) -> tuple[Site | None, Problems]:
    """Only site.yaml (and bilder/, which its video may name): for what needs the site's names but not the
    offers, such as the GitHub issue forms."""
    context = _Context(content_dir, today, Problems(), lambda stage, done, total: None, read_markdown_to_lint)
    context.media, problems = check_media(content_dir)
    context.problems.extend(problems)
    return _load_site(context), context.problems


def _assemble(context, providers, offers, translations, pages) -> Catalogue:
    offers_by_id = {offer.id: offer for offer in offers}
    for translation in translations:
        offers_by_id[translation.offer_id].translations[translation.language] = translation
    published = [o for o in offers if o.valid_until is None or o.valid_until >= context.today]
    unpublished = [o for o in offers if o.valid_until is not None and o.valid_until < context.today]
    published.sort(key=lambda o: (german_sort_key(o.title), o.id))
    providers.sort(key=lambda p: (german_sort_key(p.name), p.id))
    providers_by_id = {p.id: p for p in providers}
    for offer in published:
        providers_by_id[offer.provider_id].offers.append(offer)
    pages.sort(key=lambda p: (p.order is None, p.order or 0, german_sort_key(p.title), p.id))
    return Catalogue(context.site, published, providers, pages, unpublished, context.today, context.media.published)


# --- helpers -------------------------------------------------------------------------------------------


def _entries(folder: Path, context: _Context) -> list[Path]:
    """The Markdown files of a content folder, in a stable order; anything else is reported."""
    if not folder.is_dir() or not _inside_content(folder, context):
        return []
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    files = []
    for entry in entries:
        path = folder / entry.name
        # In a folder inside the content folder, only a symbolic link can lead out of it: resolving every file
        # took a quarter of a second for a thousand offers.
        if entry.name.startswith(".") or (entry.is_symlink() and not _inside_content(path, context)):
            continue
        # The listing knows what a file is; what a link leads to, Path tells (the listing raises for a link
        # through a file, where Path says it is neither folder nor file).
        target = path if entry.is_symlink() else entry
        if target.is_dir():
            context.problems.add(problem("subfolder", path, None, severity=WARNING, file_name=path.name))
        elif path.suffix != ".md":
            context.problems.add(problem("not_markdown", path, None, severity=WARNING))
        elif not target.is_file():
            context.problems.add(problem("not_a_file", path, None, severity=WARNING, file_name=path.name))
        else:
            files.append(path)
    return files


def _inside_content(path: Path, context: _Context, severity: str = WARNING) -> bool:
    """A symbolic link that leads out of the content folder is never read: it could publish any file of the
    machine that builds the site."""
    try:
        inside = path.resolve().is_relative_to(context.content_dir.resolve())
    except (OSError, RuntimeError):  # a link that leads to itself
        context.problems.add(problem("not_a_file", path, None, severity=severity, file_name=path.name))
        return False
    if not inside:
        context.problems.add(problem("outside_content", path, None, severity=severity))
    return inside


def _slug(text: str) -> str:
    text = text.lower().replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return (text or "angebot")[:80].ljust(3, "0")


def _free_name(path: Path, stem: str) -> str:
    """A file name with a good id for `path` that no other file has: „babytreff-lintorf.en.md“, or with „-2“
    when that is taken."""
    rest, slug = path.name[len(stem):], _slug(stem)
    for number in range(1, 1000):
        candidate = slug if number == 1 else f"{slug[:80 - len(str(number)) - 1]}-{number}"
        if not _other_file(path, path.with_name(candidate + rest)):
            return candidate + rest
    return slug + rest


def _taken(path: Path, stem: str) -> str:
    """The sentence that says a file with the good name exists already, or ""."""
    other = path.with_name(_slug(stem) + path.name[len(stem):])
    if not _other_file(path, other):
        return ""
    return (f" Die Datei „{other.name}“ gibt es schon: Beschreibt sie dasselbe, löschen Sie diese Datei und "
            "übernehmen Sie, was dort fehlt.")


def _other_file(path: Path, candidate: Path) -> bool:
    """Whether candidate exists and is not path itself (on a case-insensitive disk it may be)."""
    try:
        return candidate.exists() and not candidate.samefile(path)
    except OSError:
        return True


def _id_ok(path: Path, stem: str, context: _Context) -> bool:
    if ID_PATTERN.fullmatch(stem):
        return True
    if len(stem) < 3:
        reason = "sie ist kürzer als 3 Zeichen"
    elif len(stem) > 80:
        reason = "sie ist länger als 80 Zeichen"
    elif stem != stem.lower():
        reason = "sie enthält Großbuchstaben"
    elif " " in stem:
        reason = "sie enthält Leerzeichen"
    else:
        chars = "".join(sorted({c for c in stem if not re.match(r"[a-z0-9-]", c)}))
        reason = f"sie enthält die Zeichen „{chars}“"
    context.problems.add(problem("bad_id", path, 1, "Dateiname", file_name=path.name, reason=reason,
                                 suggestion=_free_name(path, stem), taken=_taken(path, stem)))
    return False


def _date(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _hh_mm(clock: str) -> str:
    """"9:30" (as partners may write it) → "09:30", the one form the model holds; "" stays ""."""
    hours, _, minutes = clock.partition(":")
    return f"{int(hours):02d}:{minutes}" if clock else ""


def _text(value) -> str:
    return "" if value is None else str(value)


def _check_stand(source: SourceFile, context: _Context, label: str = "stand") -> None:
    stand = _date(source.data.get(label))
    if stand is None:
        return
    if stand > context.today:
        context.problems.add(problem("date_in_future", source.path, source.line_of([label]), label, key=label,
                                     value=stand.isoformat(), today=context.today.isoformat()))
    months = context.site.review_months if context.site else 12
    if review_due(stand, months) < context.today:
        context.problems.add(problem("overdue", source.path, source.line_of([label]), label, severity=WARNING,
                                     stand=stand.isoformat(), months=months))


def _time_order(source: SourceFile, key: str, context: _Context) -> None:
    items = source.data.get(key)
    for index, item in enumerate(items if isinstance(items, list) else []):
        start, end = (item.get("von"), item.get("bis")) if isinstance(item, dict) else (None, None)
        if isinstance(start, str) and isinstance(end, str) and ":" in start and ":" in end:
            if _minutes(start) >= _minutes(end):
                path = [key, index, "bis"]
                context.problems.add(problem("time_order", source.path, source.line_of(path),
                                             schemas.key_label(path), start=start, end=end))


def _minutes(clock: str) -> int:
    hours, _, minutes = clock.partition(":")
    return int(hours) * 60 + int(minutes or 0)


# --- site.yaml -----------------------------------------------------------------------------------------


def _load_site(context: _Context) -> Site | None:
    path = context.content_dir / "site.yaml"
    if not path.is_file():
        context.problems.add(problem("missing_site_yaml", path, None))
        return None
    if not _inside_content(path, context, severity=ERROR):
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
    if video and video.get("datei") and not _check_file_in_bilder(source, ["gebaerdensprache_video", "datei"],
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
                            _text(publisher.get("telefon")), publisher.get("email", ""), publisher.get("web", "")),
        topics=dict(data["themen"]),
        life_phases=phases,
        districts={WHOLE_CITY: "", **data["stadtteile"]},
        accessibility=dict(data["barrierefreiheit"]),
        help_lines=[HelpLine(h["name"], _text(h["telefon"]), h.get("hinweis", "")) for h in data.get("hilfe", [])],
        review_months=data.get("pruefintervall_monate", 12),
        feedback_email=feedback.get("email", publisher.get("email", "")),
        feedback_url=feedback.get("url", ""),
        page_size=data.get("eintraege_pro_seite", 20),
        accessibility_statement=AccessibilityStatement(
            _date(statement["stand"]), statement["status"], statement.get("bewertung", ""),
            tuple(statement.get("einschraenkungen", [])),
            Ombudsperson(ombudsperson["name"], ombudsperson["web"], ombudsperson.get("adresse", ""),
                         _text(ombudsperson.get("telefon")), ombudsperson.get("email", ""))
            if ombudsperson else None,
        ) if statement else None,
        sign_language_video=Video(video["titel"], video.get("datei", ""), video.get("url", "")) if video else None,
        repository=Repository(repository["url"], repository.get("zweig", "main"), repository.get("inhalt", "content"))
        if repository else None,
        synonyms=synonyms,
        translations=translations,
        untranslated_names=untranslated_names,
    )


def _word_key(word: str) -> str:
    """A synonym as it is compared: NFC, spaces collapsed, without case („Kita“ and „KITA“ are one word)."""
    return unicodedata.normalize("NFC", " ".join(word.split())).casefold()


def _check_synonyms(source: SourceFile, context: _Context) -> tuple[tuple[str, ...], ...]:
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


def _check_site_names(source: SourceFile, phases: list[LifePhase], context: _Context
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
    phones = [_text(line["telefon"]) for line in data.get("hilfe", [])]
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

def _check_blank_texts(source: SourceFile, path: list, value, context: _Context) -> None:
    """A text of only spaces is as empty as "" (which the schema reports)."""
    if isinstance(value, dict):
        for name, inner in value.items():
            _check_blank_texts(source, [*path, schemas.key_text(name)], inner, context)
    elif isinstance(value, str) and value and not value.strip():
        key = schemas.key_label(path)
        context.problems.add(problem("empty", source.path, source.line_of(path), key, key=key, description=""))


def _check_translated_ids(source: SourceFile, path: list, parts: dict, ids: dict[str, list[str]], phones: list[str],
                          context: _Context) -> None:
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
    help_notes = {_text(line["telefon"]): line.get("hinweis", "") for line in data.get("hilfe", [])}
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


# --- images --------------------------------------------------------------------------------------------


def _check_image(source: SourceFile, context: _Context) -> bool:
    """Whether the offer's image (if any) can be shown."""
    image = source.data.get("bild")
    return not isinstance(image, dict) or _check_file_in_bilder(source, ["bild", "datei"], IMAGE_SUFFIXES,
                                                                "image_type", context)


def _check_file_in_bilder(source: SourceFile, key_path: list[str], suffixes: set[str], wrong_type: str,
                          context: _Context) -> bool:
    """Whether the file named at key_path is published; what is wrong with it is reported."""
    parent = source.data.get(key_path[0])
    name = parent.get(key_path[1])
    if not isinstance(name, str) or not name or name.startswith("/") or ".." in PurePosixPath(name).parts:
        return True  # the schema already reports this
    line, where = source.line_of(key_path), " → ".join(key_path)
    media = context.media
    if name not in media.names:
        context.problems.add(problem("image_missing", source.path, line, where, value=name,
                                     suggestion=did_you_mean(name, sorted(media.names))))
    elif name in media.refused:
        context.problems.add(problem("media_not_shown", source.path, line, where, severity=WARNING, value=name,
                                     reason=media.refused[name]))
        return False
    elif PurePosixPath(name).suffix.lower() not in suffixes:
        context.problems.add(problem(wrong_type, source.path, line, where, severity=WARNING, value=name))
    return True


# --- providers -----------------------------------------------------------------------------------------


def _load_providers(context: _Context) -> list[Provider]:
    """The providers; every well-named provider file counts as known, even one with errors of its own,
    so that its errors are not repeated in every offer that names it."""
    providers = []
    for path in _entries(context.content_dir / "anbieter", context):
        source, problems, lint_source = context.read_markdown(path)
        context.problems.extend(problems)
        id_ok = _id_ok(path, path.stem, context)
        if id_ok:
            context.provider_ids.append(path.stem)
        if source is None:
            continue
        structural = schemas.schema_problems(source, schemas.PROVIDER)
        context.problems.extend(structural)
        context.problems.extend(lint_source())
        _check_stand(source, context)
        if structural or not id_ok:
            continue
        data = source.data
        providers.append(Provider(
            id=path.stem, name=data["name"], checked=_date(data["stand"]), kind=data.get("art", ""),
            address=data.get("adresse", ""), phone=_text(data.get("telefon")), email=data.get("email", ""),
            web=data.get("web", ""), example=data.get("beispiel", False), body=source.body,
        ))
    return providers


# --- offers and their translations ---------------------------------------------------------------------


def _load_offers(context: _Context) -> tuple[list[Offer], list[Translation]]:
    offers: list[Offer] = []
    translation_sources: list[tuple[SourceFile, Linter, str, str]] = []
    places_of_original: dict[str, int] = {}
    paths = _entries(context.content_dir / "angebote", context)
    for done, path in enumerate(paths, 1):
        if done % 100 == 0:
            context.progress("Angebote prüfen", done, len(paths))
        stem, _, language = path.stem.partition(".")
        source, problems, lint_source = context.read_markdown(path)
        context.problems.extend(problems)
        id_ok = _id_ok(path, stem, context)
        if language:
            if source is not None and _language_ok(path, language, context) and id_ok:
                translation_sources.append((source, lint_source, stem, language))
            elif source is not None:
                context.problems.extend(schemas.schema_problems(source, schemas.TRANSLATION))
            continue
        if id_ok:
            places = source.data.get("orte") if source else None
            places_of_original[stem] = len(places) if isinstance(places, list) else 0
        offer = _check_offer(source, lint_source, stem, context, id_ok) if source else None
        if offer is not None:
            offers.append(offer)
    translations = [t for t in (_check_translation(s, linter, i, lang, places_of_original, context)
                                for s, linter, i, lang in translation_sources) if t]
    return offers, translations


def _language_ok(path: Path, language: str, context: _Context) -> bool:
    if language == EASY_GERMAN or (is_language_code(language) and language != "de"):
        return True
    context.problems.add(problem(
        "bad_language_code", path, 1, "Dateiname", code=language,
        suggestion=" Eine deutsche Fassung heißt nur <kennung>.md." if language == "de" else "",
        easy_language=" oder ls für Leichte Sprache",
    ))
    return False


def _check_translation(source: SourceFile, lint_source: Linter, offer_id: str, language: str,
                       places_of_original: dict[str, int], context: _Context) -> Translation | None:
    structural = schemas.schema_problems(source, schemas.TRANSLATION)
    context.problems.extend(structural)
    context.problems.extend(lint_source(has_contact_fields=True))
    if offer_id not in places_of_original:
        close = suggest(offer_id, sorted(places_of_original))
        suggestion = f", z. B. {close}.{language}.md" if close else ""
        context.problems.add(problem("translation_without_original", source.path, 1, "Dateiname", id=offer_id,
                                     suggestion=suggestion))
        return None
    places = source.data.get("orte") or []
    if isinstance(places, list) and len(places) > places_of_original[offer_id]:
        context.problems.add(problem("translation_extra_places", source.path, source.line_of(["orte"]), "orte",
                                     count=len(places), original=places_of_original[offer_id]))
    if structural:
        return None
    data = source.data
    return Translation(offer_id, language, data["titel"], data["kurz"], data.get("kosten", ""),
                       data.get("anmeldung", ""), tuple(p.get("hinweis", "") for p in places), source.body)


def _check_offer(source: SourceFile, lint_source: Linter, offer_id: str, context: _Context,
                 id_ok: bool) -> Offer | None:
    structural = schemas.schema_problems(source, schemas.OFFER)
    context.problems.extend(structural)
    context.problems.extend(lint_source(has_contact_fields=True))
    data = source.data
    first_new = len(context.problems.items)
    if context.site is not None:
        for key, allowed in context.site.terms().items():
            _check_terms(source, key, allowed, context)
    provider = data.get("anbieter")
    if isinstance(provider, str) and ID_PATTERN.fullmatch(provider) and provider not in context.provider_ids:
        context.problems.add(problem("unknown_provider", source.path, source.line_of(["anbieter"]), "anbieter",
                                     value=provider, suggestion=did_you_mean(provider, context.provider_ids),
                                     allowed=listing(context.provider_ids)))
    for index, code in enumerate(data.get("sprachen") or [] if isinstance(data.get("sprachen"), list) else []):
        if isinstance(code, str) and re.fullmatch(r"[a-z]{2}", code) and not is_language_code(code):
            path = ["sprachen", index]
            context.problems.add(problem("bad_language_code", source.path, source.line_of(path),
                                         schemas.key_label(path), code=code, suggestion="", easy_language=""))
    age = data.get("alter")
    if isinstance(age, dict) and isinstance(age.get("von"), int) and isinstance(age.get("bis"), int):
        if age["von"] > age["bis"]:
            context.problems.add(problem("age_order", source.path, source.line_of(["alter", "bis"]), "alter",
                                         start=age["von"], end=age["bis"]))
    _time_order(source, "zeiten", context)
    _time_order(source, "termine", context)
    image_shown = _check_image(source, context)
    _check_stand(source, context)
    valid_until = _date(data.get("gueltig_bis"))
    if valid_until and valid_until < context.today:
        context.problems.add(problem("expired", source.path, source.line_of(["gueltig_bis"]), "gueltig_bis",
                                     severity=WARNING, value=valid_until.isoformat()))
    if structural or not id_ok or any(p.is_error for p in context.problems.items[first_new:]):
        return None
    return _offer_from(offer_id, data if image_shown else {**data, "bild": None}, source.body)


def _check_terms(source: SourceFile, key: str, allowed: list[str], context: _Context) -> None:
    values = source.data.get(key)
    if not isinstance(values, list):
        return
    site = context.site
    labels = {"themen": site.topics, "stadtteile": site.districts, "barrierefreiheit": site.accessibility,
              "lebensphasen": {p.id: p.name for p in site.life_phases}}[key]
    for index, value in enumerate(values):
        if isinstance(value, str) and TERM_PATTERN.fullmatch(value) and value not in allowed:
            path = [key, index]
            context.problems.add(problem(
                "unknown_term", source.path, source.line_of(path), schemas.key_label(path), key=key, value=value,
                what=TERM_WHAT[key], suggestion=did_you_mean(value, allowed),
                allowed=listing(f"{i} ({labels[i]})" if labels.get(i) else i for i in allowed),
            ))


def _offer_from(offer_id: str, data: dict, body: str) -> Offer:
    age = data.get("alter", {})
    contact = data.get("kontakt", {})
    image = data.get("bild")
    return Offer(
        id=offer_id,
        title=data["titel"],
        summary=data["kurz"],
        provider_id=data["anbieter"],
        topics=tuple(data["themen"]),
        life_phases=tuple(data["lebensphasen"]),
        districts=tuple(data["stadtteile"]),
        checked=_date(data["stand"]),
        age_from=age.get("von"),
        age_to=age.get("bis"),
        free=data.get("kostenlos", False),
        costs=data.get("kosten", ""),
        registration=data.get("anmeldung", ""),
        languages=tuple(data.get("sprachen", ["de"])),
        accessibility=tuple(data.get("barrierefreiheit", [])),
        places=tuple(Place(p["name"], p.get("strasse", ""), _text(p.get("plz")), p.get("ort", ""),
                           p.get("hinweis", "")) for p in data.get("orte", [])),
        times=tuple(RegularTime(tuple(t["tage"]), _hh_mm(t["von"]), _hh_mm(t["bis"]), t.get("hinweis", ""))
                    for t in data.get("zeiten", [])),
        events=tuple(DatedEvent(_date(t["datum"]), _hh_mm(t.get("von", "")), _hh_mm(t.get("bis", "")),
                                t.get("hinweis", "")) for t in data.get("termine", [])),
        contact=Contact(contact.get("name", ""), _text(contact.get("telefon")), contact.get("email", ""),
                        contact.get("web", "")),
        image=Image(image["datei"], image["alt"], image.get("dekorativ", False)) if image else None,
        formats=tuple(data.get("format", ["vor-ort"])),
        keywords=tuple(data.get("schlagworte", [])),
        example=data.get("beispiel", False),
        valid_until=_date(data.get("gueltig_bis")),
        body=body,
    )


# --- free pages ----------------------------------------------------------------------------------------


def _load_pages(context: _Context) -> list[Page]:
    pages = []
    for path in _entries(context.content_dir / "seiten", context):
        source, problems, lint_source = context.read_markdown(path)
        context.problems.extend(problems)
        id_ok = _id_ok(path, path.stem, context)
        if id_ok and path.stem in RESERVED_PAGE_IDS:
            context.problems.add(problem("reserved_id", path, 1, "Dateiname", id=path.stem,
                                         reserved=", ".join(RESERVED_PAGE_IDS)))
            id_ok = False
        if source is None:
            continue
        structural = schemas.schema_problems(source, schemas.PAGE)
        context.problems.extend(structural)
        context.problems.extend(lint_source())
        language = source.data.get("sprache", "de")
        if isinstance(language, str) and not structural and not (language == EASY_GERMAN or is_language_code(language)):
            context.problems.add(problem("bad_language_code", path, source.line_of(["sprache"]), "sprache",
                                         code=language, suggestion="", easy_language=" oder ls für Leichte Sprache"))
            continue
        if structural or not id_ok:
            continue
        pages.append(Page(path.stem, source.data["titel"], language, source.data.get("reihenfolge"), source.body))
    for missing in [i for i in LEGALLY_REQUIRED_PAGES if not (context.content_dir / "seiten" / f"{i}.md").exists()]:
        context.problems.add(problem("missing_page", context.content_dir / "seiten" / f"{missing}.md", None,
                                     severity=NOTE, id=missing))
    return pages
