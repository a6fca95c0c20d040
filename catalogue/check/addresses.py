"""Web addresses read the way a browser reads them. A schema's pattern says what an address looks like; what a
browser opens is decided by the WHATWG URL rules, which ada (the parser of Node.js, here through its Python
bindings) implements. An address whose host a browser reads otherwise than a reader does is refused: one with a
user part (https://www.ratingen.de@evil.example/ opens evil.example) or a backslash (which browsers take for „/“
and Python's urllib does not), or one whose host a browser cannot open."""

from __future__ import annotations

import re
from functools import cache

import ada_url

from catalogue.messages import problem
from catalogue.problems import ContentProblem
from catalogue.read.files import SourceFile

WEB_DEFINITION = "#/$defs/web"  # every key whose schema names it holds a web address


def web_address_problem(value: str) -> tuple[str, dict] | None:
    """The message and its values for an address a browser would read otherwise than it looks, or None."""
    if not isinstance(value, str):
        return None
    try:
        url = ada_url.URL(value)
    except ValueError:
        return "web_unreadable", {"value": value, "host": _written_host(value)}
    written = _written_host(value)
    if url.username or url.password:
        return "web_user_part", {"value": value, "user": written.rpartition("@")[0], "host": url.hostname}
    if "\\" in value:
        return "web_backslash", {"value": value, "host": url.hostname}
    if "@" in written:  # an empty user part (https://@evil.example/, https://:@…) is still one to a reader
        return "web_user_part", {"value": value, "user": written.rpartition("@")[0], "host": url.hostname}
    # A host is read as written: not percent-encoded (%77%77%77 is www to a browser).
    if "%" in written or url.protocol not in ("http:", "https:") or not url.hostname:
        return "web_unreadable", {"value": value, "host": written}
    # What the reader sees is what the browser opens: not a number it reads as another address (http://0.0 is
    # 0.0.0.0, http://2130706433 is 127.0.0.1). Letters are compared as IDNA writes them (München.de).
    name = re.sub(r":[0-9]*$", "", written)
    try:
        expected = ada_url.idna_to_ascii(name)
        expected = expected.decode() if isinstance(expected, bytes) else expected
    except (ValueError, UnicodeError):
        expected = ""
    if url.hostname != expected:
        return "web_read_otherwise", {"value": value, "host": name, "browser_host": url.hostname}
    return None


def _written_host(value: str) -> str:
    return re.split(r"[/?#]", value.split("://", 1)[-1], maxsplit=1)[0]


def address_problems(source: SourceFile, schema_name: str) -> list[ContentProblem]:
    """Every web address of a file (whatever key its schema gives it) that passes its pattern but not a browser's
    reading; one that fails the pattern is told by the schema's message."""
    from catalogue.check.schemas import load_schema

    problems = []
    for path, value in _web_values(source.data, load_schema(schema_name), schema_name):
        if not _web_pattern().search(value):
            continue
        found = web_address_problem(value)
        if found:
            name, values = found
            label = " → ".join(f"{step + 1}. Eintrag" if isinstance(step, int) else str(step) for step in path)
            problems.append(problem(name, source.path, source.line_of(path), label, **values))
    return problems


@cache
def _web_pattern() -> re.Pattern:
    from catalogue.check.schemas import OFFER, _end_of_text, load_schema

    return re.compile(_end_of_text(load_schema(OFFER)["$defs"]["web"]["pattern"]))


def _web_values(data, schema: dict, base: str, path: tuple = ()):
    """(key path, text) of each value whose schema is the web address definition."""
    from catalogue.check.schemas import load_schema

    while isinstance(schema, dict) and "$ref" in schema:
        reference = schema["$ref"]
        if reference.endswith(WEB_DEFINITION):
            if isinstance(data, str):
                yield path, data
            return
        target, _, pointer = reference.partition("#")
        base = target or base
        schema = load_schema(base)
        for part in [p for p in pointer.split("/") if p]:
            schema = schema.get(part, {})
    if not isinstance(schema, dict):
        return
    if isinstance(data, dict):
        properties = schema.get("properties", {})
        for key, value in data.items():
            child = properties.get(key, schema.get("additionalProperties"))
            if isinstance(child, dict):
                yield from _web_values(value, child, base, (*path, key))
    elif isinstance(data, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(data):
            yield from _web_values(item, schema["items"], base, (*path, index))
