"""The networks (netzwerke/<id>.md) and their translations (netzwerke/<id>.<language>.md): each file checked against
its schema, the ids of site.yaml, the providers and today's date, and made into the model's Network."""

from __future__ import annotations

from catalogue.check import schemas
from catalogue.check.context import ID_PATTERN, Context, as_date, as_text, check_stand, content_files, file_id_ok
from catalogue.check.offers import check_terms
from catalogue.check.translations import language_ok
from catalogue.messages import did_you_mean, listing, problem, suggest
from catalogue.model.networks import Network, NetworkTranslation
from catalogue.model.offers import Contact
from catalogue.problems import WARNING
from catalogue.read.files import SourceFile
from catalogue.render.markup import MarkdownRenderer

_markdown = MarkdownRenderer()


def read_networks(context: Context) -> tuple[list[Network], list[NetworkTranslation]]:
    networks: list[Network] = []
    translations: list[tuple[SourceFile, str, str]] = []
    known: list[str] = []
    for path in content_files(context.content_dir / "netzwerke", context):
        stem, _, language = path.stem.partition(".")
        source, problems, lint_source = context.read_markdown(path)
        context.problems.extend(problems)
        id_ok = file_id_ok(path, stem, context)
        if language:
            if source is not None:
                context.problems.extend(schemas.schema_problems(source, schemas.NETWORK_TRANSLATION))
                context.problems.extend(lint_source())
                if language_ok(path, language, context) and id_ok:
                    translations.append((source, stem, language))
            continue
        if id_ok:
            known.append(stem)
        network = _check_network(source, lint_source, stem, context, id_ok) if source else None
        if network is not None:
            networks.append(network)
    checked = []
    for source, stem, language in translations:
        if stem not in known:
            close = suggest(stem, known)
            context.problems.add(problem("network_translation_without_original", source.path, 1, "Dateiname",
                                         id=stem, suggestion=f" Meinten Sie netzwerke/{close}.{language}.md?"
                                         if close else ""))
        elif not schemas.schema_problems(source, schemas.NETWORK_TRANSLATION):
            checked.append(NetworkTranslation(stem, language, source.data["name"], source.body))
    return networks, checked


def _check_network(source: SourceFile, lint_source, network_id: str, context: Context, id_ok: bool) -> Network | None:
    structural = schemas.schema_problems(source, schemas.NETWORK)
    context.problems.extend(structural)
    context.problems.extend(lint_source(has_contact_fields=True))
    first_new = len(context.problems.items)
    data = source.data
    if context.site is not None:
        terms = context.site.terms()
        for key in ("lebensphasen", "themen", "stadtteile"):
            check_terms(source, key, terms[key], context)
    _check_provider(source, ["koordination"], data.get("koordination"), context)
    members = data.get("mitglieder")
    for index, member in enumerate(members if isinstance(members, list) else []):
        _check_provider(source, ["mitglieder", index], member, context)
    check_stand(source, context)
    valid_until = as_date(data.get("gueltig_bis"))
    if valid_until and valid_until < context.today:
        context.problems.add(problem("network_expired", source.path, source.line_of(["gueltig_bis"]), "gueltig_bis",
                                     severity=WARNING, value=valid_until.isoformat()))
    if structural or not id_ok or any(p.is_error for p in context.problems.items[first_new:]):
        return None
    contact = data.get("kontakt")
    return Network(
        id=network_id, name=data["name"], kind=data["art"], coordinator=data.get("koordination"),
        members=tuple(data["mitglieder"]), other_members=tuple(data.get("weitere_mitglieder", [])),
        life_phases=tuple(data["lebensphasen"]), topics=tuple(data.get("themen", [])),
        districts=tuple(data["stadtteile"]), meetings=data.get("treffen"),
        open_to_new=data.get("offen_fuer_neue", False),
        contact=Contact(contact.get("name", ""), as_text(contact.get("telefon")), contact.get("email", ""),
                        contact.get("web", "")) if contact else None,
        stand=as_date(data["stand"]), valid_until=valid_until, body_html=_markdown.render(source.body, 2, ""),
        source=source.path, body=source.body, example=data.get("beispiel", False),
    )


def _check_provider(source: SourceFile, path: list, value, context: Context) -> None:
    if isinstance(value, str) and ID_PATTERN.fullmatch(value) and value not in context.provider_ids:
        context.problems.add(problem("unknown_network_provider", source.path, source.line_of(path),
                                     schemas.key_label(path), key=path[0], value=value,
                                     suggestion=did_you_mean(value, context.provider_ids),
                                     allowed=listing(context.provider_ids)))
