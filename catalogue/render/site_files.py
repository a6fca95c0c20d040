"""The files beside the pages: the icons, the JSON Schemas of the content files (for editors), and the partners'
images and videos."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

from catalogue.check import schemas
from catalogue.model.catalogue import Catalogue


def copy_icons(layouts_dir: Path, output: Path) -> None:
    """The site's icon for tabs and bookmarks, and the touch icon for a phone's home screen, at the site's root,
    where browsers look for /favicon.ico when a page names none."""
    for icon in sorted((layouts_dir / "icons").iterdir()):
        shutil.copyfile(icon, output / icon.name)


def write_schemas(catalogue: Catalogue, output: Path) -> None:
    """The JSON Schemas, with this catalogue's ids, for partners' editors."""
    folder = output / "schema"
    folder.mkdir(parents=True, exist_ok=True)
    published = site_specific_schemas(catalogue.site.terms(), [p.id for p in catalogue.providers])
    for name, schema in published.items():
        (folder / name).write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def copy_images(catalogue: Catalogue, output: Path) -> None:
    """The files of bilder/ that validation let through (media.py): nothing else is published."""
    for name, source in sorted(catalogue.media.items()):
        target = output / "bilder" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def site_specific_schemas(terms: dict[str, list[str]], provider_ids: list[str]) -> dict[str, dict]:
    """The schemas as published with a built site: the generic ones, with this catalogue's ids filled in
    so that editors can complete „stadtteile“, „themen“ and the provider as a partner types."""
    offer = copy.deepcopy(schemas.load_schema(schemas.OFFER))
    properties = offer["properties"]
    for key, ids in terms.items():
        target = properties[key]
        items = {"enum": ids, "description": target.get("description", "")}
        if "$ref" in target:  # a list of ids
            properties[key] = {"description": target["description"], "type": "array", "minItems": 1,
                               "uniqueItems": True, "items": items}
        else:
            target["items"] = items
    properties["anbieter"] = {"description": properties["anbieter"]["description"], "enum": provider_ids}
    published = {name: schemas.load_schema(name) for name in schemas.SCHEMA_NAMES}
    published[schemas.OFFER] = offer
    return published
