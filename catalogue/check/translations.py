"""The translations of an offer (angebote/<id>.<language>.md): a language code the site knows, an original to belong
to, no more places than the original."""

from __future__ import annotations

from pathlib import Path

from catalogue.check import schemas
from catalogue.check.context import Context
from catalogue.check.lint import Linter
from catalogue.messages import problem, suggest
from catalogue.model.languages import EASY_GERMAN, is_language_code
from catalogue.model.offers import Translation
from catalogue.read.files import SourceFile


def language_ok(path: Path, language: str, context: Context) -> bool:
    if language == EASY_GERMAN or (is_language_code(language) and language != "de"):
        return True
    context.problems.add(problem(
        "bad_language_code", path, 1, "Dateiname", code=language,
        suggestion=" Eine deutsche Fassung heißt nur <kennung>.md." if language == "de" else "",
        easy_language=" oder ls für Leichte Sprache",
    ))
    return False


def check_translation(source: SourceFile, lint_source: Linter, offer_id: str, language: str,
                       places_of_original: dict[str, int], context: Context) -> Translation | None:
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
