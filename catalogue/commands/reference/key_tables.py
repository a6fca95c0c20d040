"""The content format and site.yaml's keys as tables, from the JSON Schemas in catalogue/schemas/."""

from __future__ import annotations

import json

from catalogue.commands.reference.common import GENERATED, SCHEMAS


# The kinds of content file, in the order a partner meets them: (schema, where the file lies, heading).
FILE_KINDS = (
    ("angebot.schema.json", "`angebote/<kennung>.md`", "Angebote"),
    ("uebersetzung.schema.json", "`angebote/<kennung>.<sprache>.md` und `angebote/<kennung>.ls.md`",
     "Übersetzungen und Leichte Sprache"),
    ("anbieter.schema.json", "`anbieter/<kennung>.md`", "Anbieter"),
    ("seite.schema.json", "`seiten/<kennung>.md`", "Freie Seiten"),
    ("netzwerk.schema.json", "`netzwerke/<kennung>.md`", "Netzwerke und Arbeitskreise"),
    ("netzwerk-uebersetzung.schema.json", "`netzwerke/<kennung>.<sprache>.md` und `netzwerke/<kennung>.ls.md`",
     "Übersetzungen von Netzwerken"),
    ("site.schema.json", "`site.yaml`", "Einstellungen: site.yaml"),
)

KENNUNG = "^[a-z0-9][a-z0-9-]*$"
# The shared forms of angebot.schema.json's $defs: explained once at the top of a page, named in the tables.
FORMS = {"datum": "Datum", "uhrzeit": "Uhrzeit", "telefon": "Telefonnummer", "email": "E-Mail-Adresse",
         "web": "Internetadresse", "kennung": "Kennung"}
TYPES = {"string": "Text", "integer": "ganze Zahl", "number": "Zahl", "boolean": "`true` oder `false`",
         "array": "Liste", "object": "Gruppe von Angaben"}


def load_schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def resolve(node: dict, document: str) -> tuple[dict, str]:
    """The node with its $ref (in the same schema or another file of catalogue/schemas/) merged in; the
    node's own keys (its description) win over the target's."""
    while "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        document = target or document
        found = load_schema(document)
        for part in pointer.strip("/").split("/") if pointer.strip("/") else []:
            found = found[part]
        node = {**found, **{key: value for key, value in node.items() if key != "$ref"}}
    return node, document


def cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def rules(node: dict, document: str) -> str:
    """What a value must look like, in words, from the keywords of the schema."""
    said = []
    kind = node.get("type")
    if "enum" in node:
        said.append("einer von: " + ", ".join(f"`{value}`" for value in node["enum"]))
    elif "const" in node:
        said.append(f"genau `{node['const']}`")
    elif kind:
        kinds = kind if isinstance(kind, list) else [kind]
        said.append(" oder ".join(TYPES.get(k, k) for k in kinds))
    if "minLength" in node and "maxLength" in node:
        said.append(f"{node['minLength']} bis {node['maxLength']} Zeichen")
    elif "minLength" in node and node["minLength"] > 1:
        said.append(f"mindestens {node['minLength']} Zeichen")
    elif "maxLength" in node:
        said.append(f"höchstens {node['maxLength']} Zeichen")
    if "minimum" in node and "maximum" in node:
        said.append(f"von {node['minimum']} bis {node['maximum']}")
    if node.get("minItems"):
        said.append(f"mindestens {node['minItems']} " + ("Eintrag" if node["minItems"] == 1 else "Einträge"))
    if node.get("uniqueItems"):
        said.append("jeder Eintrag nur einmal")
    if node.get("minProperties", 0) > 1:
        said.append(f"mindestens {node['minProperties']} Angaben")
    items = node.get("items")
    if isinstance(items, dict):
        item, _ = resolve(items, document)
        if "enum" in item:
            said.append("Einträge: " + ", ".join(f"`{value}`" for value in item["enum"]))
        elif item.get("pattern") == KENNUNG:
            said.append("Einträge: Kennungen")
        elif item.get("type") == "string" and "pattern" in item:
            said.append("Einträge: " + cell(item.get("patternErrorMessage", "")))
    if node.get("pattern") == KENNUNG:
        said.append("eine Kennung")
    elif "pattern" in node and "patternErrorMessage" in node:
        said.append(node["patternErrorMessage"].rstrip("."))
    if node.get("format") == "date":
        said.append("ein Datum, das es gibt")
    return cell("; ".join(said))


def form_of(node: dict) -> str | None:
    """The name of the shared form a node refers to (`"$ref": "…#/$defs/web"` → Internetadresse), if any."""
    reference = node.get("$ref", "")
    name = reference.rpartition("/$defs/")[2] if "/$defs/" in reference else ""
    return FORMS.get(name)


def forms() -> str:
    """The shared forms, each with what the check says when a value does not fit."""
    definitions = load_schema("angebot.schema.json")["$defs"]
    lines = ["| Form | So sieht sie aus |", "|---|---|"]
    lines += [f"| {title} | {cell(definitions[name]['patternErrorMessage'])} |" for name, title in FORMS.items()]
    return "\n".join(lines) + "\n"


def rows(node: dict, document: str, path: str, required: bool, out: list[tuple[str, str, str, str]]) -> None:
    """One row (key, required, what, rules) per key, depth first: lists of groups as `orte[].name`, maps from
    an id or a code to a value as `themen.<kennung>`."""
    form = form_of(node)
    node, document = resolve(node, document)
    if path:
        what = node.get("description") or (f"{form}." if form else "")
        out.append((f"`{path}`", "ja" if required else "", cell(what), form or rules(node, document)))
    properties = node.get("properties", {})
    needed = set(node.get("required", []))
    for key, child in properties.items():
        rows(child, document, f"{path}.{key}" if path else key, key in needed, out)
    items = node.get("items")
    if isinstance(items, dict):
        item, item_document = resolve(items, document)
        if item.get("type") == "object" or "properties" in item:
            for key, child in item.get("properties", {}).items():
                rows(child, item_document, f"{path}[].{key}", key in set(item.get("required", [])), out)
        elif item.get("type") == "array":
            rows(item, item_document, f"{path}[]", False, out)
    extra = node.get("additionalProperties")
    if isinstance(extra, dict) and not properties:
        names, _ = resolve(node.get("propertyNames", {}), document)
        placeholder = "<sprache>" if names.get("pattern") == "^[a-z]{2}$" else "<kennung>"
        if path.endswith("hilfe"):
            placeholder = "<telefon>"
        value, value_document = resolve(extra, document)
        if value.get("properties") or value.get("additionalProperties") not in (None, False):
            rows(value, value_document, f"{path}.{placeholder}", False, out)
        else:
            out.append((f"`{path}.{placeholder}`", "", cell(value.get("description", "Bezeichnung")),
                        rules(value, value_document)))


def key_table(schema_name: str) -> str:
    out: list[tuple[str, str, str, str]] = []
    rows(load_schema(schema_name), schema_name, "", False, out)
    lines = ["| Angabe | Pflicht | Bedeutung | Form |", "|---|---|---|---|"]
    lines += [f"| {key} | {needed} | {what} | {form} |" for key, needed, what, form in out]
    return "\n".join(lines) + "\n"


CONTENT_FORMAT_INTRO = """\
# Das Inhaltsformat: alle Angaben

Hier steht jede Angabe, die eine Datei im Inhaltsordner (`content/`) haben kann. Die Tabellen sind aus den
JSON-Schemas in `catalogue/schemas/` erzeugt. Dieselben Schemas benutzt die Prüfung (`python build.py check`).
Was hier steht, prüft also auch die Prüfung.

So ist der Inhaltsordner aufgebaut:

```text
content/
  site.yaml                     Einstellungen des Katalogs (Stadt, Listen, Hilfe-Nummern, Übersetzungen)
  angebote/<kennung>.md         ein Angebot; der Dateiname ohne .md ist seine Kennung und seine Adresse
  angebote/<kennung>.en.md      eine Übersetzung (Sprachkürzel nach ISO 639-1)
  angebote/<kennung>.ls.md      die Fassung in Leichter Sprache
  anbieter/<kennung>.md         ein Anbieter (Träger, Verein, Einrichtung)
  seiten/<kennung>.md           eine freie Seite (Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache)
  bilder/                       Bilder und Videos, auf die Angebote verweisen
```

Eine Datei mit der Endung `.md` hat oben einen **Vorspann** zwischen zwei Zeilen `---` mit den Angaben,
darunter die Beschreibung in Markdown. `site.yaml` hat nur Angaben. Eine Kennung besteht aus Kleinbuchstaben
`a`–`z`, Ziffern und Bindestrichen, 3 bis 80 Zeichen.

So lesen Sie die Tabellen: `orte[].name` heißt „`name` in jedem Eintrag der Liste `orte`“.
`themen.<kennung>` heißt „unter `themen` eine Kennung, dahinter ihr Name“. „ja“ in der Spalte Pflicht heißt:
Die Angabe muss da sein, wenn es die Gruppe darüber gibt. Wie Sie eine Angebotsdatei Schritt für Schritt
schreiben, steht in der [Anleitung](../anleitungen/angebotsdatei.md).

Diese Formen kommen in vielen Angaben vor:

"""

CONTENT_FORMAT_NOTES = {
    "angebot.schema.json": (
        "Wochentage bei `zeiten[].tage`: `mo di mi do fr sa so`. Uhrzeiten in Anführungszeichen: `von: \"09:30\"`.\n"
        "Bei `themen`, `lebensphasen`, `stadtteile` und `barrierefreiheit` stehen Kennungen aus `site.yaml`;\n"
        "`stadtteile: [ganz-stadt]` heißt: für die ganze Stadt.\n"),
    "uebersetzung.schema.json": (
        "Alle anderen Angaben (Zeiten, Orte, Kontakt …) kommen aus der deutschen Datei. Eine Übersetzung ohne\n"
        "deutsche Datei ist ein Fehler.\n"),
    "seite.schema.json": (
        "`seiten/barrierefreiheit.md` und `seiten/leichte-sprache.md` sind keine eigenen Seiten: Ihr Text kommt in\n"
        "die erzeugte Erklärung zur Barrierefreiheit und auf die Seite in Leichter Sprache.\n"),
}


def content_format() -> str:
    parts = [GENERATED.format(source="catalogue/schemas/*.schema.json"), CONTENT_FORMAT_INTRO, forms() + "\n"]
    for schema_name, where, heading in FILE_KINDS:
        schema = load_schema(schema_name)
        parts.append(f"## {heading}\n\n")
        description = schema.get("description", "")
        parts.append(f"Datei: {where}. {description}\n\n" if description else f"Datei: {where}.\n\n")
        if schema_name in CONTENT_FORMAT_NOTES:
            parts.append(CONTENT_FORMAT_NOTES[schema_name] + "\n")
        parts.append(key_table(schema_name) + "\n")
    return "".join(parts).rstrip("\n") + "\n"


SITE_INTRO = """\
# site.yaml: alle Einstellungen

`content/site.yaml` stellt den Katalog ein: den Namen und die Stadt, die Adresse im Netz (`basis_url`), die
herausgebende Stelle, die Listen (Themen, Lebensphasen, Stadtteile, Merkmale der Barrierefreiheit), die
Hilfe-Nummern auf jeder Seite, die Synonyme für die Suche und die Namen in anderen Sprachen. Diese Tabelle
ist aus `catalogue/schemas/site.schema.json` erzeugt, mit dem die Prüfung die Datei prüft.

Was Sie nach einer Änderung tun:

- Nach einer Änderung an `themen`, `lebensphasen`, `stadtteile` oder `barrierefreiheit`: `python build.py github`
  und die Formulare in `.github/ISSUE_TEMPLATE/` mit übernehmen (siehe
  [Den Katalog pflegen](../anleitungen/katalog-pflegen.md)). Vorhandene Kennungen nicht umbenennen:
  Angebote verweisen darauf.
- Nach einer Änderung an `basis_url`: neu bauen und den Webserver prüfen (siehe
  [Online stellen](../anleitungen/online-stellen.md)).
- Namen in anderen Sprachen: [Namen übersetzen](../anleitungen/uebersetzungen.md).

Diese Formen kommen in vielen Angaben vor:

"""


def site_reference() -> str:
    return (GENERATED.format(source="catalogue/schemas/site.schema.json") + SITE_INTRO + forms() + "\n"
            + key_table("site.schema.json"))
