from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from catalogue.check.catalogue import load_catalogue
from catalogue.problems import ContentProblem

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "katalog"
TODAY = date(2026, 11, 22)
# An offer past its gueltig_bis on TODAY, with times and a date, so every output has something to leave out.
EXPIRED_OFFER_ID = "herbstferienspiele"
EXPIRED_OFFER = """---
titel: Herbstferienspiele der vergangenen Saison
kurz: Spiele und Ausflüge in den Herbstferien, die im Oktober geendet haben.
anbieter: jugendamt
themen: [begegnung]
lebensphasen: [jugend]
stadtteile: [mitte]
zeiten:
  - tage: [mo, di]
    von: "10:00"
    bis: "12:00"
termine:
  - datum: 2026-12-01
stand: 2026-06-01
gueltig_bis: 2026-10-31
---
Vorbei.
"""


class ContentFolder:
    """A copy of the fixture catalogue that a test may break on purpose."""

    def __init__(self, root: Path):
        self.root = root

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def replace(self, relative: str, old: str, new: str) -> Path:
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path

    def add_expired_offer(self) -> Path:
        return self.write(f"angebote/{EXPIRED_OFFER_ID}.md", EXPIRED_OFFER)

    def end_zeltlager_yesterday(self) -> Path:
        """The fixture's Zeltlager, valid until the day before TODAY: published yesterday, expired today."""
        return self.replace("angebote/zeltlager.md", "gueltig_bis: 2027-08-31", "gueltig_bis: 2026-11-21")

    def problems(self, today: date = TODAY) -> list[ContentProblem]:
        return load_catalogue(self.root, today)[1].sorted()

    def errors(self, today: date = TODAY) -> list[ContentProblem]:
        return [p for p in self.problems(today) if p.is_error]

    def catalogue(self, today: date = TODAY):
        catalogue, problems = load_catalogue(self.root, today)
        assert catalogue is not None, [str(p) for p in problems.errors]
        return catalogue


@pytest.fixture
def content(tmp_path) -> ContentFolder:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    return ContentFolder(root)


def run_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def copy_fixture(target: Path) -> Path:
    shutil.copytree(FIXTURE, target)
    return target


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess:
    """check-jsonschema with one of its bundled (vendored) schemas, e.g. vendor.github-workflows: nothing is
    fetched, so it works without a network."""
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
                          capture_output=True, text=True, timeout=120)
