"""The GitHub issue forms in .github/ISSUE_TEMPLATE/ (`python build.py github`), written from site.yaml: the
town's name and the names partners choose from, in site.yaml's order, so that another town changes only its
site.yaml. The wording lives in the templates in vorlagen/github/, which people read as YAML."""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
import yaml

from catalogue.model import facets
from catalogue.model.i18n import Texts
from catalogue.model.site import WHOLE_CITY, Site

TEMPLATES = Path(__file__).parent.parent / "vorlagen" / "github"
FILES = ("angebot-vorschlagen.yml", "fehler-melden.yml", "angebot-fehlt.yml", "config.yml")


def quoted(text: str) -> str:
    """A double-quoted YAML scalar: JSON's string escapes are a subset of YAML's."""
    return json.dumps(text, ensure_ascii=False)


def plain(text: str) -> str:
    """The text as it is where YAML reads it back unchanged, quoted where it would not (a colon and a space,
    a leading quote, „#“ after a space, „yes“)."""
    try:
        if yaml.safe_load(f"key: {text}") == {"key": text}:
            return text
    except yaml.YAMLError:
        pass
    return quoted(text)


def render(site: Site, layouts_dir: Path) -> dict[str, str]:
    """File name → text of each file."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                                     keep_trailing_newline=True, autoescape=False)
    environment.filters.update(quoted=quoted, plain=plain)
    districts = {key: name for key, name in site.districts.items() if key != WHOLE_CITY}
    # The placeholders name a real place of the town, so that nobody mistakes them for another town's.
    example_district_id = next(iter(districts), WHOLE_CITY)
    _, comma, town = site.publisher.address.rpartition(",")  # „Minoritenstr. 3, 40878 Ratingen“
    values = {
        "city": site.city,
        "whole_city": facets.district_name(site, Texts.load(layouts_dir), WHOLE_CITY),
        "life_phases": [phase.name for phase in site.life_phases],
        "topics": list(site.topics.values()),
        "districts": list(districts.values()),
        "features": list(site.accessibility.values()),
        "example_district_id": example_district_id,
        "example_district": districts.get(example_district_id, site.city),
        "example_town": town.strip() if comma else site.city,
        "publisher": site.publisher.name,
        "publisher_web": site.publisher.web,
    }
    return {name: environment.get_template(name).render(values) for name in FILES}


def write(site: Site, layouts_dir: Path, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render(site, layouts_dir).items():
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
        written.append(folder / name)
    return written
