"""The free pages (seiten/*.md): ids that no folder of the built site takes, and the pages the law requires
(impressum, datenschutz)."""

from __future__ import annotations

from catalogue.check import schemas
from catalogue.check.context import Context, content_files, file_id_ok
from catalogue.messages import problem
from catalogue.model.catalogue import Page
from catalogue.model.languages import EASY_GERMAN, is_language_code
from catalogue.problems import NOTE

LEGALLY_REQUIRED_PAGES = ("impressum", "datenschutz")
# Top-level folders of the built site that a free page must not take over.
RESERVED_PAGE_IDS = ("angebote", "anbieter", "assets", "bilder", "schema", "suche", "lebensphasen", "themen",
                     "stadtteile", "merkliste", "luecken", "daten", "pagefind", "angebot-vorschlagen", "pdf")


def read_pages(context: Context) -> list[Page]:
    pages = []
    for path in content_files(context.content_dir / "seiten", context):
        source, problems, lint_source = context.read_markdown(path)
        context.problems.extend(problems)
        id_ok = file_id_ok(path, path.stem, context)
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
