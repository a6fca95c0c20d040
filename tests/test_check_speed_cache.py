"""What makes a check with the build cache fast (the live preview checks on every save) changes nothing it reports:
lint findings remembered with a file that did not change, and files in a content folder that are not symbolic
links taken as inside it without resolving them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from catalogue import pipeline
from catalogue.check.lint import lint
from catalogue.publish.cache import read_files

from conftest import FIXTURE, TODAY

LINTED_BODY = ("\n# Überschrift\n\nMehr dazu [hier](https://www.example.org). WICHTIG: Fragen an info@example.org "
               "oder 0211 12345678.\n")
LINTED_FILES = ["angebote/zeltlager.md", "angebote/krabbelgruppe.en.md", "anbieter/jugendamt.md",
                "seiten/impressum.md"]
# each changes the lint findings of its file: fewer, more, on other lines, none
EDITS = [
    ("angebote/zeltlager.md", "WICHTIG", "Wichtig"),
    ("angebote/krabbelgruppe.en.md", "We sing", "SINGING [click here](https://www.example.org). We sing"),
    ("anbieter/jugendamt.md", "---\n\n# Überschrift", "---\nEine neue erste Zeile.\n\n# Überschrift"),
    ("seiten/impressum.md", LINTED_BODY, "\nKein Befund mehr.\n"),
    ("angebote/zeltlager.md", "titel:", "bild:\n  datei: zelt.jpg\n  alt: Foto\ntitel:"),
]


@pytest.fixture
def content(tmp_path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    for name in LINTED_FILES:
        path = root / name
        path.write_text(path.read_text(encoding="utf-8") + LINTED_BODY, encoding="utf-8")
    return root


def edit(content: Path, name: str, old: str, new: str) -> None:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_cached_check_reports_the_same_problems_in_the_same_order(content, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the problems name each file as the content folder was given: here relative
    content, folder = content.relative_to(tmp_path), Path("cache")
    for change in [None, *EDITS]:
        if change:
            edit(content, *change)
        expected = pipeline.check(content, TODAY).problems.items
        assert any(p.key == "Beschreibung" for p in expected)
        for _ in range(2):  # the first reads and lints what changed, the second takes all of it from the cache
            assert pipeline.check(content, TODAY, cache=folder).problems.items == expected, change
        # --strict makes the warnings errors in what it reports, not in what the cache remembers
        assert pipeline.check(content, TODAY, strict=True, cache=folder).problems.items == \
            pipeline.check(content, TODAY, strict=True).problems.items
        assert pipeline.check(content, TODAY, cache=folder).problems.items == expected


def test_a_file_is_linted_again_only_when_its_bytes_change(content, tmp_path, monkeypatch):
    linted = []

    def counted_lint(source, has_contact_fields=False):
        linted.append(source.path.relative_to(content).as_posix())
        return lint(source, has_contact_fields)

    monkeypatch.setattr(read_files, "lint", counted_lint)
    folder = tmp_path / "cache"
    pipeline.check(content, TODAY, cache=folder)
    assert set(LINTED_FILES) <= set(linted)
    linted.clear()
    pipeline.check(content, TODAY, cache=folder)
    assert linted == []
    edit(content, *EDITS[1])
    pipeline.check(content, TODAY, cache=folder)
    assert linted == ["angebote/krabbelgruppe.en.md"]


def test_only_symbolic_links_are_followed_to_see_whether_they_leave_the_content_folder(content, tmp_path):
    offers = content / "angebote"
    outside = tmp_path / "draussen.md"
    shutil.copy(offers / "zeltlager.md", outside)
    (offers / "ordner").mkdir()
    (offers / "notiz.txt").write_text("Notiz", encoding="utf-8")
    links = {"draussen.md": outside, ".versteckt.md": outside, "fehlt.md": offers / "gibt-es-nicht.md",
             "durch-datei.md": offers / "zeltlager.md" / "x", "schleife.md": offers / "schleife.md",
             "zum-ordner.md": offers / "ordner", "zweites-zeltlager.md": offers / "zeltlager.md"}
    for name, target in links.items():
        (offers / name).symlink_to(os.path.relpath(target, offers))
    result = pipeline.check(content, TODAY)
    listing = [p for p in result.problems.items if p.file.parent == offers and p.line is None]
    assert [(p.file.name, p.message.split(" ")[0]) for p in listing] == [
        ("draussen.md", "Diese"), ("durch-datei.md", "„durch-datei.md“"), ("fehlt.md", "„fehlt.md“"),
        ("notiz.txt", "Diese"), ("ordner", "Der"), ("schleife.md", "„schleife.md“"), ("zum-ordner.md", "Der")]
    assert "außerhalb des Inhaltsordners" in listing[0].message
    # the link out of the content folder stops the check (issue 32.4); without it the rest is read as before
    assert [p.file.name for p in result.problems.errors] == ["draussen.md"]
    (offers / "draussen.md").unlink()
    result = pipeline.check(content, TODAY)
    assert {offer.id for offer in result.catalogue.offers} >= {"zeltlager", "zweites-zeltlager"}
    assert "draussen" not in {offer.id for offer in result.catalogue.offers}
