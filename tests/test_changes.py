"""`python build.py changes`: the offers a pull request adds, changes or removes, with their addresses in the
preview and under basis_url, in a git repository of the fixture catalogue."""

from __future__ import annotations

import os
import subprocess

import pytest
import yaml

from catalogue.commands.changes import ADDED, CHANGED, REMOVED, OfferChange, offer_changes, summary
from conftest import REPO, copy_fixture, run_cli

BASE = "https://katalog.example.org/angebote/"  # basis_url of the fixture
PREVIEW = "http://127.0.0.1:8000/"
GIT_PERSON = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
              "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}


def git(repository, *arguments):
    subprocess.run(["git", *arguments], cwd=repository, check=True, capture_output=True,
                   env={**os.environ, **GIT_PERSON})


def commit(repository, message="Stand"):
    git(repository, "add", "--all")
    git(repository, "commit", "--quiet", "-m", message)


@pytest.fixture
def repository(tmp_path):
    git(tmp_path, "init", "--quiet")
    copy_fixture(tmp_path / "content")
    commit(tmp_path, "Anfang")
    return tmp_path


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


NEW_OFFER = """---
titel: "Eltern-Café: „Kaffee & Kuchen“"
kurz: Eltern treffen sich am Freitag zu Kaffee und Kuchen und reden über alles, was sie bewegt.
anbieter: familienzentrum
themen: [begegnung]
lebensphasen: [kleinkind]
stadtteile: [nord]
stand: 2026-11-01
---
Kommen Sie vorbei.
"""


@pytest.fixture
def pull_request(repository):
    """One commit that adds, changes (a translation, the Leichte Sprache version), removes and renames offers."""
    offers = repository / "content" / "angebote"
    (offers / "eltern-cafe.md").write_text(NEW_OFFER, encoding="utf-8")
    (offers / "aerztliche-beratung.md").unlink()
    edit(offers / "krabbelgruppe.en.md", "titel: Baby group on Wednesdays", "titel: Baby group on Wednesday mornings")
    (offers / "krabbelgruppe.ls.md").unlink()
    (offers / "krabbelgruppe.tr.md").write_text("---\ntitel: Çarşamba bebek grubu\nkurz: Bebekli aileler "
                                                "buluşuyor ve birlikte oynuyor.\n---\nMerhaba.\n", encoding="utf-8")
    (offers / "zeltlager.md").rename(offers / "sommerlager.md")
    edit(offers / "sommerlager.md", "titel: Zeltlager im Sommer", "titel: Sommerlager am See")
    commit(repository)
    return repository


def test_what_the_pull_request_does_to_each_offer(pull_request):
    found = {change.offer_id: change for change in offer_changes(pull_request / "content", "HEAD^1")}
    assert list(found) == ["eltern-cafe", "sommerlager", "krabbelgruppe", "aerztliche-beratung", "zeltlager"]
    assert found["eltern-cafe"].kind == ADDED and found["eltern-cafe"].title == "Eltern-Café: „Kaffee & Kuchen“"
    krabbelgruppe = found["krabbelgruppe"]
    assert krabbelgruppe.kind == CHANGED and krabbelgruppe.title == "Krabbelgruppe am Mittwoch"
    assert krabbelgruppe.versions == {"en": CHANGED, "ls": REMOVED, "tr": ADDED}
    removed = found["aerztliche-beratung"]
    assert removed.kind == REMOVED and removed.title == "Ärztliche Beratung für Schwangere"  # from before
    assert (found["zeltlager"].kind, found["zeltlager"].renamed, found["zeltlager"].title) == (
        REMOVED, "sommerlager", "Zeltlager im Sommer")
    assert (found["sommerlager"].kind, found["sommerlager"].renamed, found["sommerlager"].title) == (
        ADDED, "zeltlager", "Sommerlager am See")


def test_the_summary_names_the_preview_and_every_address(pull_request):
    result = run_cli("changes", "--since", "HEAD^1", "--content", "content", cwd=pull_request)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("## Vorschau der gebauten Website\n")
    assert "`python3 -m http.server 8000 --directory katalog-vorschau`" in text and f"öffnen: {PREVIEW}\n" in text
    new, changed, removed = (text.index(heading) for heading in ("**Neu**", "**Geändert**", "**Entfernt**"))
    assert new < changed < removed
    assert (f"- **Eltern-Café: „Kaffee & Kuchen“** (`eltern-cafe`): Vorschau: {PREVIEW}angebote/eltern-cafe/ · "
            f"veröffentlicht: {BASE}angebote/eltern-cafe/") in text[new:changed]
    assert f"- **Sommerlager am See** (`sommerlager`), vorher `zeltlager`: Vorschau: {PREVIEW}angebote/sommerlager/" \
        in text[new:changed]
    part = text[changed:removed]
    assert f"- **Krabbelgruppe am Mittwoch** (`krabbelgruppe`): Vorschau: {PREVIEW}angebote/krabbelgruppe/" in part
    assert f"  - Englisch geändert: Vorschau: {PREVIEW}en/angebote/krabbelgruppe/ · " \
        f"veröffentlicht: {BASE}en/angebote/krabbelgruppe/" in part
    assert f"  - Türkisch neu: Vorschau: {PREVIEW}tr/angebote/krabbelgruppe/" in part
    assert "  - Leichte Sprache entfernt\n" in part
    assert "Deutsch" not in part  # the German file is unchanged
    part = text[removed:]
    assert f"- **Ärztliche Beratung für Schwangere** (`aerztliche-beratung`): bisher {BASE}angebote/" \
        "aerztliche-beratung/ – diese Adresse gibt es nicht mehr" in part
    assert f"- **Zeltlager im Sommer** (`zeltlager`), umbenannt in `sommerlager`: bisher {BASE}angebote/zeltlager/" \
        in part
    assert PREVIEW not in part


def test_a_changed_german_file_is_named(repository):
    edit(repository / "content" / "angebote" / "krabbelgruppe.md", "titel: Krabbelgruppe am Mittwoch",
         "titel: Krabbelgruppe am Donnerstag")
    edit(repository / "content" / "angebote" / "krabbelgruppe.ls.md", "titel: Krabbel-Gruppe am Mittwoch",
         "titel: Krabbel-Gruppe am Donnerstag")
    commit(repository)
    text = run_cli("changes", "--content", "content", cwd=repository).stdout
    assert "**Krabbelgruppe am Donnerstag** (`krabbelgruppe`)" in text
    assert "  - Deutsch geändert\n" in text
    assert f"  - Leichte Sprache geändert: Vorschau: {PREVIEW}leichte-sprache/angebote/krabbelgruppe/" in text


def test_no_offer_changed(repository):
    edit(repository / "content" / "anbieter" / "jugendamt.md", "---\n", "---\n# Kommentar\n")
    commit(repository)
    result = run_cli("changes", "--content", "content", cwd=repository)
    assert result.returncode == 0
    assert result.stdout.endswith("Kein Angebot ist neu, geändert oder entfernt.\n")


def test_an_unknown_revision_is_a_german_message(repository):
    result = run_cli("changes", "--since", "HEAD^1", "--content", "content", cwd=repository)  # only one commit
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Fehler: Die Änderungen seit „HEAD^1“ lassen sich nicht bestimmen. "
                                    "git kennt den Stand „HEAD^1“ hier nicht.")


def test_markdown_in_a_title_is_shown_not_obeyed():
    line = summary([OfferChange("treff", ADDED, "Treff *neu* [hier](https://example.org)")], BASE)
    assert r"**Treff \*neu\* \[hier\](https://example.org)** (`treff`)" in line


def test_the_check_workflow_writes_it_to_the_summary_after_uploading_the_preview():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pruefen.yml").read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    runs = [step.get("run", step.get("uses", "")) for step in job["steps"]]
    step = runs.index('.venv/bin/python build.py changes --since HEAD^1 >> "$GITHUB_STEP_SUMMARY"')
    assert runs.index("actions/upload-artifact@v6") < step
    assert workflow["permissions"] == {"contents": "read"}  # nothing secret: it works for forks
