"""The page „Angebot vorschlagen": what its form offers and checks, and the files beside it.

The form writes the offer file in the browser (layouts/scripts/proposal.js);
nothing is sent anywhere. Its rules come from the same JSON Schemas the build
checks with, so a file the form accepts passes `check`.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from catalogue.check import schemas
from catalogue.model import facets
from catalogue.model.catalogue import Catalogue
from catalogue.model.collation import german_sort_key
from catalogue.model.i18n import Texts
from catalogue.model.languages import language_name
from catalogue.model.offers import FORMATS, WEEKDAYS

FOLDER = "angebot-vorschlagen"
TEMPLATE_FILE = "vorlage.md"
KNOWN_IDS_FILE = "kennungen.json"
OFFER_TEMPLATE = Path(__file__).parent.parent / "vorlagen" / "angebot.md"
NETWORK_TEMPLATE = Path(__file__).parent.parent / "vorlagen" / "netzwerk.md"
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=.*$", re.MULTILINE)
EMPTY_STAND = re.compile(r"^stand:[ \t]*(?=#|$)", re.MULTILINE)
# Languages families in NRW often speak, offered as boxes to tick; languages the catalogue already uses are added.
COMMON_LANGUAGES = ("de", "en", "tr", "ar", "uk", "ru", "pl", "ro", "bg", "fa", "ku", "sq", "it", "es", "fr", "el")


def schema_url(catalogue: Catalogue, name: str = schemas.OFFER) -> str:
    return f"{catalogue.site.base_url}schema/{name}"


def offer_template(schema: str, today: date, template: Path = OFFER_TEMPLATE) -> str:
    """The commented template, ready to fill in: with the address of the schema and today as `stand`. In the
    repository it stays paste-ready for partners working in GitHub's web editor, so it has no placeholders.
    template: the offer's, or NETWORK_TEMPLATE."""
    text = template.read_text(encoding="utf-8")
    text = SCHEMA_LINE.sub(lambda _: f"# yaml-language-server: $schema={schema}", text, count=1)
    return EMPTY_STAND.sub(f"stand: {today.isoformat()}  ", text, count=1)


def options(catalogue: Catalogue, texts: Texts) -> dict[str, list[tuple[str, str, str]]]:
    """The choices of the form, by key: (id as written in the file, name shown, hint)."""
    site = catalogue.site
    used = {code for offer in catalogue.offers for code in offer.languages}
    languages = sorted((set(COMMON_LANGUAGES) | used) - {"de"}, key=lambda c: german_sort_key(language_name(c)))
    return {
        "lebensphasen": [(phase.id, phase.name, phase.description) for phase in site.life_phases],
        "themen": [(key, name, "") for key, name in site.topics.items()],
        "stadtteile": [(key, facets.district_name(site, texts, key), "") for key in site.districts],
        "format": [(key, texts(f"format_{key}"), "") for key in FORMATS],
        "sprachen": [(code, language_name(code), "") for code in ["de", *languages]],
        "barrierefreiheit": [(key, name, "") for key, name in site.accessibility.items()],
        "anbieter": [(provider.id, provider.name, "") for provider in catalogue.providers],
        "tage": list(zip(WEEKDAYS, texts.list("weekdays"), [""] * len(WEEKDAYS))),
    }


def form_rules(catalogue: Catalogue) -> dict:
    """What the browser needs to check the form and write the file: the schema's limits and patterns, today, the
    address of the schema and, when site.yaml names one, of the repository's new-file page."""
    offer = schemas.load_schema(schemas.OFFER)
    properties, definitions = offer["properties"], offer["$defs"]
    repository = catalogue.site.repository
    return {
        "today": catalogue.today.isoformat(),
        "schema": schema_url(catalogue),
        "providerSchema": schema_url(catalogue, schemas.PROVIDER),
        "newFileUrl": repository.new_file_url("angebote") if repository else "",
        "providerFileUrl": repository.new_file_url("anbieter") if repository else "",
        "knownIds": KNOWN_IDS_FILE,
        "limits": {key: [properties[key]["minLength"], properties[key]["maxLength"]] for key in ("titel", "kurz")},
        "ageLimits": [properties["alter"]["properties"]["von"]["minimum"],
                      properties["alter"]["properties"]["von"]["maximum"]],
        "patterns": {name: definitions[name]["pattern"] for name in ("email", "web", "telefon", "uhrzeit")},
    }


def write_files(catalogue: Catalogue, output: Path) -> None:
    """The template to download without JavaScript, and the offer ids the form must not hand out again."""
    folder = output / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / TEMPLATE_FILE).write_text(offer_template(schema_url(catalogue), catalogue.today), encoding="utf-8")
    known = {"angebote": sorted(offer.id for offer in (*catalogue.offers, *catalogue.unpublished)),
             "anbieter": sorted(provider.id for provider in catalogue.providers)}
    (folder / KNOWN_IDS_FILE).write_text(json.dumps(known) + "\n", encoding="utf-8")
