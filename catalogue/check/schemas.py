"""The JSON Schemas: the one statement of which keys a file may hold and of what type.

Partners' editors read them (yaml-language-server), and the build checks every file against them. jsonschema-rs
answers "valid?" in microseconds; only for a file that fails does the reference implementation (jsonschema) list the
errors, which are then told in German with their lines. Web addresses are then read as a browser does (addresses.py).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import jsonschema
import jsonschema_rs
from referencing import Registry, Resource

from catalogue.check.addresses import address_problems
from catalogue.messages import did_you_mean, listing, problem, suggest
from catalogue.messages.structure import TYPE_EXAMPLES, TYPE_NAMES, found_text
from catalogue.problems import ContentProblem
from catalogue.read.files import SourceFile

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"
OFFER, PROVIDER, PAGE, SITE, TRANSLATION, NETWORK, NETWORK_TRANSLATION = (
    "angebot.schema.json",
    "anbieter.schema.json",
    "seite.schema.json",
    "site.schema.json",
    "uebersetzung.schema.json",
    "netzwerk.schema.json",
    "netzwerk-uebersetzung.schema.json",
)
SCHEMA_NAMES = (OFFER, PROVIDER, PAGE, SITE, TRANSLATION, NETWORK, NETWORK_TRANSLATION)

@cache
def load_schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


@cache
def _registry() -> Registry:
    return Registry().with_resources(
        (name, Resource.from_contents(load_schema(name))) for name in SCHEMA_NAMES
    )


@cache
def _fast_validator(name: str):
    registry = jsonschema_rs.Registry([(n, load_schema(n)) for n in SCHEMA_NAMES])
    return jsonschema_rs.validator_for(load_schema(name), registry=registry, validate_formats=True)


def _end_of_text(pattern: str) -> str:
    """A pattern as ECMA-262 and jsonschema-rs read it: a final „$“ is the end of the text. Python's re also takes
    it before a final line break, so "9:30\\n" passed as a time and stopped the build later."""
    return pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not re.search(_end_of_text(pattern), instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_ReferenceValidator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern})


@cache
def reference_validator(name: str) -> jsonschema.Draft202012Validator:
    return _ReferenceValidator(
        load_schema(name), registry=_registry(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _resolve(schema: dict, base: str) -> dict:
    """Follow a $ref so that its description can be shown to the partner."""
    while isinstance(schema, dict) and "$ref" in schema and "description" not in schema:
        target, _, pointer = schema["$ref"].partition("#")
        document = load_schema(target or base)
        for part in [p for p in pointer.split("/") if p]:
            document = document[part]
        schema = document
    return schema if isinstance(schema, dict) else {}


def key_label(path) -> str:
    parts = []
    for step in path:
        parts.append(f"{step + 1}. Eintrag" if isinstance(step, int) else str(step))
    return " → ".join(parts)


def _description(schema: dict, base: str) -> str:
    text = _resolve(schema, base).get("description", "")
    return text + " " if text else ""


def _schema_at(path: list, base: str) -> dict:
    """The schema of the key at `path`, as the file's schema names it: a list of ids shared through a $ref
    has no description of its own, but „themen“ says where its ids come from."""
    schema = load_schema(base)
    for part in path:
        schema = _resolve({"$ref": schema["$ref"]}, base) if "$ref" in schema else schema
        if isinstance(part, int):
            schema = schema.get("items", {})
        elif part in schema.get("properties", {}):
            schema = schema["properties"][part]
        else:  # a key of a map such as „uebersetzungen“: all its values share one schema
            schema = schema.get("additionalProperties")
            schema = schema if isinstance(schema, dict) else {}
    return schema


def _fast_says_valid(schema_name: str, data) -> bool:
    try:
        return _fast_validator(schema_name).is_valid(data)
    except ValueError:  # jsonschema-rs takes only text as a key; YAML also has numbers, true/false and null
        return False


def schema_problems(source: SourceFile, schema_name: str) -> list[ContentProblem]:
    return _structure_problems(source, schema_name) + address_problems(source, schema_name)


def _structure_problems(source: SourceFile, schema_name: str) -> list[ContentProblem]:
    if _fast_says_valid(schema_name, source.data):
        return []
    errors = sorted(reference_validator(schema_name).iter_errors(source.data),
                    key=lambda e: list(map(str, e.absolute_path)))
    # A date in the wrong form fails both "pattern" and "format"; the partner needs to hear it once.
    malformed = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    # jsonschema reports each missing required key as an error of its own, and _explain names all of them
    # from the first: the others would repeat every message.
    incomplete = set()
    # A misspelled key („stadteile“) is told as the misspelling, not also as the key it most likely meant missing.
    meant = {(tuple(e.absolute_path), _meant(name, e.schema)) for e in errors if e.validator == "additionalProperties"
             for name in e.instance if name not in e.schema.get("properties", {})}
    problems: list[ContentProblem] = []
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "format" and path in malformed or error.validator == "required" and path in incomplete:
            continue
        if error.validator == "required":
            incomplete.add(path)
        problems.extend(_explain(error, source, schema_name, {name for where, name in meant if where == path}))
    return problems


def _meant(name, schema: dict) -> str:
    """The allowed key a misspelled key most likely meant, or ""."""
    return suggest(name, list(schema.get("properties", {})))


def _empty_date_or_time(schema: dict, path: list, base: str, value) -> str:
    """"empty_date" or "empty_time" for a date or time left empty (as the offer template leaves „stand:“), or
    "" for any other value."""
    if value is not None and (not isinstance(value, str) or value.strip()):
        return ""
    reference = _schema_at(path, base).get("$ref", "")
    if reference.endswith("/datum") or schema.get("format") == "date":
        return "empty_date"
    return "empty_time" if reference.endswith("/uhrzeit") else ""


def _explain(error: jsonschema.ValidationError, source: SourceFile, base: str,
             misspelled: set[str] = frozenset()) -> list[ContentProblem]:
    """The problems of one schema error; `misspelled`: keys a misspelled key meant, not told as missing."""
    path = list(error.absolute_path)
    kind, schema, value = error.validator, error.schema, error.instance
    key = key_label(path)
    description = _description(schema, base) or _description(_schema_at(path, base), base)

    if kind == "required":
        missing = [name for name in error.validator_value if name not in value and name not in misspelled]
        return [
            problem(
                "required",
                source.path,
                source.line_of(path),
                key_label(path + [name]),
                key=name,
                description=_description(schema.get("properties", {}).get(name, {}), base),
            )
            for name in missing
        ]
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        problems = []
        for name in [n for n in value if n not in allowed]:
            close = _meant(name, schema)
            problems.append(
                problem(
                    "unknown_key",
                    source.path,
                    _key_line(source, path, name),
                    _key_label(path, name),
                    key=key_text(name),
                    suggestion=f" Meinten Sie „{close}“?" if close else "",
                    fix=f"Schreiben Sie „{close}“. " if close else "",
                    allowed=listing(allowed),
                )
            )
        return problems

    line = source.line_of(path)
    if "propertyNames" in error.schema_path:  # a taxonomy id written as a key: say that key, on its line
        line, key = _key_line(source, path, value), _key_label(path, value)
    empty = _empty_date_or_time(schema, path, base, value) if kind in ("type", "pattern") else ""
    if empty:
        return [problem(empty, source.path, line, key, key=key, description=_description(_schema_at(path, base),
                                                                                          base))]
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        found = found_text(value)
        return [
            problem(
                "wrong_type",
                source.path,
                line,
                key,
                key=key,
                expected=" oder ".join(TYPE_NAMES[t] for t in expected),
                found=found,
                description=description,
                example=TYPE_EXAMPLES.get(expected[0], ""),
            )
        ]
    if kind == "minLength":
        name = "empty" if error.validator_value == 1 or not value.strip() else "too_short"
        return [problem(name, source.path, line, key, key=key, length=len(value), limit=error.validator_value,
                        description=description)]
    if kind == "maxLength":
        return [problem("too_long", source.path, line, key, key=key, length=len(value), limit=error.validator_value,
                        description=description)]
    if kind == "minItems":
        return [problem("too_few_items", source.path, line, key, key=key, limit=error.validator_value,
                        entries="Eintrag" if error.validator_value == 1 else "Einträge", description=description)]
    if kind == "minProperties":
        return [problem("not_enough_keys", source.path, line, key, key=key, description=description)]
    if kind == "uniqueItems":
        seen, duplicate = set(), None
        for item in value:
            marker = json.dumps(item, sort_keys=True)
            if marker in seen:
                duplicate = item
                break
            seen.add(marker)
        return [problem("duplicate_item", source.path, line, key, key=key, value=duplicate)]
    if kind == "enum":
        options = error.validator_value
        return [problem("not_allowed_value", source.path, line, key, key=key, value=value,
                        suggestion=did_you_mean(value, options), allowed=listing(options))]
    if kind == "pattern":
        hint = schema.get("patternErrorMessage") or description
        return [problem("bad_form", source.path, line, key, key=key, value=value, hint=hint)]
    if kind == "format":
        return [problem("bad_date", source.path, line, key, value=value)]
    if kind in ("minimum", "maximum"):
        name = "too_small" if kind == "minimum" else "too_large"
        return [problem(name, source.path, line, key, key=key, limit=error.validator_value, value=value,
                        description=description)]
    return [problem("schema_other", source.path, line, key, key=key, detail=error.message, description=description)]


def key_text(name) -> str:
    """A key as YAML writes it: a key that is not text (1, true, null) as the partner wrote it."""
    if name is None:
        return "null"
    if isinstance(name, bool):
        return str(name).lower()
    return str(name)


def _key_label(path: list, name) -> str:
    """key_label of the key `name` in the map at `path` (key_label would take a number for a list's entry)."""
    return " → ".join(part for part in (key_label(path), key_text(name)) if part)


def _key_line(source: SourceFile, path: list, name) -> int:
    """The line of the key `name` in the map at `path`. The file has the key as text: a number, true/false or
    null is looked for in the ways YAML writes it."""
    if name is None:
        spellings = ["null", "~", "Null", "NULL", ""]
    elif isinstance(name, bool):
        spellings = [spelling(key_text(name)) for spelling in (str.lower, str.capitalize, str.upper)]
    else:
        spellings = [key_text(name)]
    parent = source.line_of(path)
    for written in spellings:
        line = source.line_of(path + [written])
        if line != parent:
            return line
    return parent
