"""The generated reference pages of docs/ are what catalogue/commands/reference/ writes from the code.

docs/partner/referenz/inhaltsformat.md and docs/betrieb/referenz/site-yaml.md come from the JSON Schemas in
catalogue/schemas/, docs/partner/referenz/meldungen.md (the overview) and the page of each group of messages in
docs/partner/referenz/meldungen/ from catalogue.messages.MESSAGES and the hand-kept examples beside it. A change to a schema or a message without the pages written anew fails here.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from catalogue.commands import reference
from catalogue.commands.reference import common, key_tables, messages as message_pages
from catalogue.messages import MESSAGES
from conftest import REPO

REFRESH = "python -m catalogue.commands.reference"


@pytest.mark.parametrize("page", sorted(reference.pages(), key=str), ids=str)
def test_committed_page_is_what_the_generator_writes(page):
    committed = REPO / page
    assert committed.is_file(), f"{page} fehlt. Schreiben mit: {REFRESH}"
    assert committed.read_text(encoding="utf-8") == reference.pages()[page], (
        f"{page} ist nicht auf dem Stand von catalogue/schemas/ bzw. catalogue.messages (MESSAGES). "
        f"Neu schreiben mit: {REFRESH}")


def schema_keys(node, document, path=""):
    """Every key path a schema allows, as the reference writes it."""
    node, document = key_tables.resolve(node, document)
    for key, child in node.get("properties", {}).items():
        yield f"{path}.{key}" if path else key
        yield from schema_keys(child, document, f"{path}.{key}" if path else key)
    items = node.get("items")
    if isinstance(items, dict):
        item, item_document = key_tables.resolve(items, document)
        for key, child in item.get("properties", {}).items():
            yield f"{path}[].{key}"
            yield from schema_keys(child, item_document, f"{path}[].{key}")


@pytest.mark.parametrize("schema", [kind[0] for kind in key_tables.FILE_KINDS])
def test_content_format_names_every_key_of_every_schema(schema):
    text = key_tables.content_format()
    section = text.split(f"## {dict((k[0], k[2]) for k in key_tables.FILE_KINDS)[schema]}\n", 1)[1].split("\n## ", 1)[0]
    keys = list(schema_keys(json.loads((key_tables.SCHEMAS / schema).read_text(encoding="utf-8")), schema))
    assert keys
    for key in keys:
        assert f"| `{key}` |" in section, f"{schema}: {key} fehlt in der Tabelle"


def test_every_schema_file_is_in_the_content_format():
    assert {path.name for path in key_tables.SCHEMAS.glob("*.schema.json")} == {k[0] for k in key_tables.FILE_KINDS}


def test_the_partners_first_keys_are_spelled_out():
    """Weekday codes and the format values are in the reference as the schema allows them."""
    text = key_tables.content_format()
    assert "`mo`, `di`, `mi`, `do`, `fr`, `sa`, `so`" in text
    assert "`vor-ort`, `online`, `telefon`, `hausbesuch`" in text


def test_message_reference_has_every_message_once():
    pages = message_pages.messages_pages()
    assert common.MESSAGE_REFERENCE in pages and len(pages) > 2
    assert all(page.parent == common.MESSAGE_PAGES for page in pages if page != common.MESSAGE_REFERENCE)
    text = "".join(pages.values())
    for name in MESSAGES:
        assert text.count(f"<!-- meldung: {name} -->") == 1, name


def test_examples_file_names_only_messages_that_exist():
    kept = message_pages.message_examples()
    names = [name for group in kept["gruppen"] for name in group["meldungen"]]
    assert len(names) == len(set(names)), "eine Meldung steht zweimal in meldungen-beispiele.yaml"
    unknown = sorted(set(names) - set(MESSAGES))
    assert not unknown, f"meldungen-beispiele.yaml nennt Meldungen, die catalogue.messages (MESSAGES) nicht hat: {unknown}"


def test_check_option_reports_a_stale_page(tmp_path, monkeypatch):
    monkeypatch.setattr(reference, "REPO", tmp_path)
    (tmp_path / common.MESSAGE_EXAMPLES).parent.mkdir(parents=True)
    (tmp_path / common.MESSAGE_EXAMPLES).write_bytes((REPO / common.MESSAGE_EXAMPLES).read_bytes())
    assert reference.main(["--check"]) == 1
    assert reference.main([]) == 0
    assert reference.main(["--check"]) == 0
    leftover = tmp_path / common.MESSAGE_PAGES / "eine-alte-gruppe.md"  # a group renamed in the examples file
    leftover.write_text("# Eine alte Gruppe\n", encoding="utf-8")
    assert reference.main(["--check"]) == 1
    assert leftover.exists()
    assert reference.main([]) == 0
    assert not leftover.exists()
    assert reference.main(["--check"]) == 0


def test_the_module_runs_as_a_command():
    result = subprocess.run([sys.executable, "-m", "catalogue.commands.reference", "--check"], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


# --- every page of the documentation links to what exists -----------------------------------------------


def github_anchor(heading: str) -> str:
    text = re.sub(r"[`*]", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def outside_code(text: str) -> str:
    return re.sub(r"^(```|~~~).*?^\1[ \t]*$", "", text, flags=re.MULTILINE | re.DOTALL)


def anchors(text: str) -> set[str]:
    found: set[str] = set()
    for heading in re.findall(r"^#{1,6} (.+)$", outside_code(text), re.MULTILINE):
        anchor, number = github_anchor(heading), 0
        unique = anchor
        while unique in found:
            number += 1
            unique = f"{anchor}-{number}"
        found.add(unique)
    return found


DOC_PAGES = [REPO / "README.md", REPO / "CONTRIBUTING.md", *sorted((REPO / "docs").rglob("*.md"))]


@pytest.mark.parametrize("page", DOC_PAGES, ids=lambda page: page.relative_to(REPO).as_posix())
def test_links_lead_to_files_and_headings_that_exist(page):
    text = page.read_text(encoding="utf-8")
    outside = "../" + "shared"  # spelled in two parts, so that a search of the repository for it finds no file
    assert outside not in text, f"{page.name} points outside the repository ({outside})"
    for target in re.findall(r"\]\(([^)\s]+)\)", outside_code(text)):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        path, _, heading = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.exists(), f"{page.relative_to(REPO)}: link to a file that does not exist: {target}"
        if heading and linked.suffix == ".md":
            assert heading in anchors(linked.read_text(encoding="utf-8")), (
                f"{page.relative_to(REPO)}: link to a heading that does not exist: {target}")


def test_docs_index_lists_every_page():
    """docs/README.md lists every page; a page in a folder that has a page of its own name beside it (the groups
    of messages in partner/referenz/meldungen/, beside meldungen.md) is listed by that page instead, which is
    itself listed by the same rule."""
    docs = REPO / "docs"
    index = (docs / "README.md").read_text(encoding="utf-8")
    for page in sorted(docs.rglob("*.md")):
        if page.name == "README.md" and page.parent == docs:
            continue
        parent = page.parent.with_suffix(".md")
        if page.parent != docs and parent.is_file():
            listing = parent.read_text(encoding="utf-8")
            link = f"]({page.parent.name}/{page.name})"
            assert link in listing, f"{parent.relative_to(REPO)} does not list {page.relative_to(REPO)}"
            continue
        assert f"]({page.relative_to(docs).as_posix()})" in index, f"docs/README.md does not list {page}"


# --- the developer docs name the code as it is --------------------------------------------------------------------

DEVELOPER_DOCS = sorted((REPO / "docs/entwicklung").glob("*.md"))
CODE_PATH = re.compile(r"\bcatalogue/[\w/.-]*\w/?")


@pytest.mark.parametrize("page", DEVELOPER_DOCS, ids=lambda page: page.name)
def test_every_catalogue_path_in_the_developer_docs_exists(page):
    named = set(CODE_PATH.findall(page.read_text(encoding="utf-8")))
    missing = sorted(path for path in named if not (REPO / path).exists())
    assert not missing, f"{page.relative_to(REPO)} nennt, was es in catalogue/ nicht gibt: {missing}"


def test_the_architecture_page_names_only_folders_and_modules_that_exist():
    """The stage table: its folders under catalogue/, and every module or folder a row names (`offers.py`,
    `pdf/`) in that row's folder; the diagram's stages („1 read/“) too."""
    text = (REPO / "docs/entwicklung/architecture.md").read_text(encoding="utf-8")
    rows = [line.split(" | ") for line in text.splitlines() if line.startswith("| ") and "`" in line.split(" | ")[1]]
    assert len(rows) >= 8, "the table of stages"
    missing = []
    for stage, folders, what in (row[:3] for row in rows if len(row) >= 3 and "/`" in row[1] or "py`" in row[1]):
        places = [REPO / "catalogue" / name for name in re.findall(r"`([\w/.]+)`", folders)]
        missing += [place for place in places if not place.exists()]
        folder = next((place for place in places if place.is_dir()), REPO / "catalogue")
        for name in re.findall(r"`([\w]+(?:\.py|/))`", what):
            if not any(folder.rglob(name.rstrip("/"))) and not (REPO / "catalogue" / name).exists():
                missing.append(folder / name)
    for stage in re.findall(r'subgraph \w+ \["(?:[\d–]+ )?(\w+/)"\]', text):
        if not (REPO / "catalogue" / stage).is_dir():
            missing.append(REPO / "catalogue" / stage)
    assert not missing, f"docs/entwicklung/architecture.md nennt, was es nicht gibt: {missing}"
