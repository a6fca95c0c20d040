"""The providers (anbieter/*.md): each file checked against its schema and the content rules; every well-named
provider counts as known, so that offers naming it are not told again."""

from __future__ import annotations

from catalogue.check import schemas
from catalogue.check.context import Context, as_date, as_text, check_stand, content_files, file_id_ok
from catalogue.model.catalogue import Provider


def read_providers(context: Context) -> list[Provider]:
    """The providers; every well-named provider file counts as known, even one with errors of its own,
    so that its errors are not repeated in every offer that names it."""
    providers = []
    for path in content_files(context.content_dir / "anbieter", context):
        source, problems, lint_source = context.read_markdown(path)
        context.problems.extend(problems)
        id_ok = file_id_ok(path, path.stem, context)
        if id_ok:
            context.provider_ids.append(path.stem)
        if source is None:
            continue
        structural = schemas.schema_problems(source, schemas.PROVIDER)
        context.problems.extend(structural)
        context.problems.extend(lint_source())
        check_stand(source, context)
        if structural or not id_ok:
            continue
        data = source.data
        providers.append(Provider(
            id=path.stem, name=data["name"], checked=as_date(data["stand"]), kind=data.get("art", ""),
            address=data.get("adresse", ""), phone=as_text(data.get("telefon")), email=data.get("email", ""),
            web=data.get("web", ""), example=data.get("beispiel", False), body=source.body,
        ))
    return providers
