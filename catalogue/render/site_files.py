"""The files beside the pages: the icons, the JSON Schemas of the content files (for editors), and the partners'
images and videos."""

from __future__ import annotations

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
    published = schemas.site_specific_schemas(catalogue.site.terms(), [p.id for p in catalogue.providers])
    for name, schema in published.items():
        (folder / name).write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def copy_images(catalogue: Catalogue, output: Path) -> None:
    """The files of bilder/ that validation let through (media.py): nothing else is published."""
    for name, source in sorted(catalogue.media.items()):
        target = output / "bilder" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
