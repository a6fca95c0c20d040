"""The offers (angebote/<id>.md): each file checked against its schema, the ids of site.yaml, the providers, today's
date and its images, and made into the model's Offer."""

from __future__ import annotations

import re

from catalogue.check import schemas
from catalogue.check.context import (ID_PATTERN, TERM_PATTERN, Context, as_date, as_text, check_stand, check_time_order,
                                     content_files, file_id_ok, hh_mm)
from catalogue.check.images import check_image
from catalogue.check.lint import Linter
from catalogue.check.translations import check_translation, language_ok
from catalogue.messages import did_you_mean, listing, problem
from catalogue.messages.commands import say
from catalogue.model.languages import is_language_code
from catalogue.model.offers import Contact, DatedEvent, Image, Offer, Place, RegularTime, Translation
from catalogue.problems import WARNING
from catalogue.read.files import SourceFile

TERM_WHAT = {
    "themen": "kein Thema",
    "lebensphasen": "keine Lebensphase",
    "stadtteile": "keinen Stadtteil",
    "barrierefreiheit": "kein Merkmal der Barrierefreiheit",
}


def read_offers(context: Context) -> tuple[list[Offer], list[Translation]]:
    offers: list[Offer] = []
    translation_sources: list[tuple[SourceFile, Linter, str, str]] = []
    places_of_original: dict[str, int] = {}
    paths = content_files(context.content_dir / "angebote", context)
    for done, path in enumerate(paths, 1):
        if done % 100 == 0:
            context.progress(say("stage_offers"), done, len(paths))
        stem, _, language = path.stem.partition(".")
        source, problems, lint_source = context.read_markdown(path)
        context.problems.extend(problems)
        id_ok = file_id_ok(path, stem, context)
        if language:
            if source is not None and language_ok(path, language, context) and id_ok:
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
    translations = [t for t in (check_translation(s, linter, i, lang, places_of_original, context)
                                for s, linter, i, lang in translation_sources) if t]
    return offers, translations


def _check_offer(source: SourceFile, lint_source: Linter, offer_id: str, context: Context,
                 id_ok: bool) -> Offer | None:
    structural = schemas.schema_problems(source, schemas.OFFER)
    context.problems.extend(structural)
    context.problems.extend(lint_source(has_contact_fields=True))
    data = source.data
    first_new = len(context.problems.items)
    if context.site is not None:
        for key, allowed in context.site.terms().items():
            check_terms(source, key, allowed, context)
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
    check_time_order(source, "zeiten", context)
    check_time_order(source, "termine", context)
    image_shown = check_image(source, context)
    check_stand(source, context)
    valid_until = as_date(data.get("gueltig_bis"))
    if valid_until and valid_until < context.today:
        context.problems.add(problem("expired", source.path, source.line_of(["gueltig_bis"]), "gueltig_bis",
                                     severity=WARNING, value=valid_until.isoformat()))
    if structural or not id_ok or any(p.is_error for p in context.problems.items[first_new:]):
        return None
    return _offer_from(offer_id, data if image_shown else {**data, "bild": None}, source.body)


def check_terms(source: SourceFile, key: str, allowed: list[str], context: Context) -> None:
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
        checked=as_date(data["stand"]),
        age_from=age.get("von"),
        age_to=age.get("bis"),
        free=data.get("kostenlos", False),
        costs=data.get("kosten", ""),
        registration=data.get("anmeldung", ""),
        languages=tuple(data.get("sprachen", ["de"])),
        accessibility=tuple(data.get("barrierefreiheit", [])),
        places=tuple(Place(p["name"], p.get("strasse", ""), as_text(p.get("plz")), p.get("ort", ""),
                           p.get("hinweis", "")) for p in data.get("orte", [])),
        times=tuple(RegularTime(tuple(t["tage"]), hh_mm(t["von"]), hh_mm(t["bis"]), t.get("hinweis", ""))
                    for t in data.get("zeiten", [])),
        events=tuple(DatedEvent(as_date(t["datum"]), hh_mm(t.get("von", "")), hh_mm(t.get("bis", "")),
                                t.get("hinweis", "")) for t in data.get("termine", [])),
        contact=Contact(contact.get("name", ""), as_text(contact.get("telefon")), contact.get("email", ""),
                        contact.get("web", "")),
        image=Image(image["datei"], image["alt"], image.get("dekorativ", False)) if image else None,
        formats=tuple(data.get("format", ["vor-ort"])),
        keywords=tuple(data.get("schlagworte", [])),
        example=data.get("beispiel", False),
        valid_until=as_date(data.get("gueltig_bis")),
        body=body,
    )
