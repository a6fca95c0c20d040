"""The generated reference pages of docs/ are what catalogue/commands/reference.py writes from the code.

docs/partner/referenz/inhaltsformat.md and docs/betrieb/referenz/site-yaml.md come from the JSON Schemas in
catalogue/schemas/, docs/partner/referenz/meldungen.md from catalogue.messages.MESSAGES and the hand-kept
examples beside it. A change to a schema or a message without the pages written anew fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from catalogue.commands import reference
from catalogue.messages import MESSAGES
from conftest import REPO

REFRESH = "python -m catalogue.commands.reference"


@pytest.mark.parametrize("page", sorted(reference.pages(), key=str), ids=str)
def test_committed_page_is_what_the_generator_writes(page):
    committed = REPO / page
    assert committed.is_file(), f"{page} fehlt. Schreiben mit: {REFRESH}"
    assert committed.read_text(encoding="utf-8") == reference.pages()[page], (
        f"{page} ist nicht auf dem Stand von catalogue/schemas/ bzw. catalogue/messages.py. "
        f"Neu schreiben mit: {REFRESH}")


def schema_keys(node, document, path=""):
    """Every key path a schema allows, as the reference writes it."""
    node, document = reference.resolve(node, document)
    for key, child in node.get("properties", {}).items():
        yield f"{path}.{key}" if path else key
        yield from schema_keys(child, document, f"{path}.{key}" if path else key)
    items = node.get("items")
    if isinstance(items, dict):
        item, item_document = reference.resolve(items, document)
        for key, child in item.get("properties", {}).items():
            yield f"{path}[].{key}"
            yield from schema_keys(child, item_document, f"{path}[].{key}")


@pytest.mark.parametrize("schema", [kind[0] for kind in reference.FILE_KINDS])
def test_content_format_names_every_key_of_every_schema(schema):
    text = reference.content_format()
    section = text.split(f"## {dict((k[0], k[2]) for k in reference.FILE_KINDS)[schema]}\n", 1)[1].split("\n## ", 1)[0]
    keys = list(schema_keys(json.loads((reference.SCHEMAS / schema).read_text(encoding="utf-8")), schema))
    assert keys
    for key in keys:
        assert f"| `{key}` |" in section, f"{schema}: {key} fehlt in der Tabelle"


def test_every_schema_file_is_in_the_content_format():
    assert {path.name for path in reference.SCHEMAS.glob("*.schema.json")} == {k[0] for k in reference.FILE_KINDS}


def test_the_partners_first_keys_are_spelled_out():
    """Weekday codes and the format values are in the reference as the schema allows them."""
    text = reference.content_format()
    assert "`mo`, `di`, `mi`, `do`, `fr`, `sa`, `so`" in text
    assert "`vor-ort`, `online`, `telefon`, `hausbesuch`" in text


def test_message_reference_has_every_message_once():
    text = reference.messages_reference()
    for name in MESSAGES:
        assert text.count(f"<!-- meldung: {name} -->") == 1, name


def test_examples_file_names_only_messages_that_exist():
    kept = reference.message_examples()
    names = [name for group in kept["gruppen"] for name in group["meldungen"]]
    assert len(names) == len(set(names)), "eine Meldung steht zweimal in meldungen-beispiele.yaml"
    unknown = sorted(set(names) - set(MESSAGES))
    assert not unknown, f"meldungen-beispiele.yaml nennt Meldungen, die catalogue/messages.py nicht hat: {unknown}"


def test_check_option_reports_a_stale_page(tmp_path, monkeypatch):
    monkeypatch.setattr(reference, "REPO", tmp_path)
    (tmp_path / reference.MESSAGE_EXAMPLES).parent.mkdir(parents=True)
    (tmp_path / reference.MESSAGE_EXAMPLES).write_bytes((REPO / reference.MESSAGE_EXAMPLES).read_bytes())
    assert reference.main(["--check"]) == 1
    assert reference.main([]) == 0
    assert reference.main(["--check"]) == 0


def test_the_module_runs_as_a_command():
    result = subprocess.run([sys.executable, "-m", "catalogue.commands.reference", "--check"], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
