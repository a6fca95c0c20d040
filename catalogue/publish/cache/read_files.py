"""The content files as read and linted (gelesen.json): a file whose bytes are the same is not parsed or linted
again."""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path

from catalogue.check.lint import Linter, lint
from catalogue.problems import ContentProblem
from catalogue.publish.cache.fingerprints import program_fingerprint
from catalogue.publish.cache.manifest import FORMAT
from catalogue.read.files import SourceFile, read_markdown_file

READ_FILES = "gelesen.json"


class ReadFiles:
    """The Markdown files of the content as read by the last check: a file whose bytes are the same is not parsed
    or linted again (its front matter, text, reading problems and lint.lint's findings are taken from here). Keyed
    by the file's SHA-256, so an edit is always seen; what JSON cannot hold exactly (a key that is a number) is
    simply read every time."""

    def __init__(self, cache: Path):
        self.file = cache / READ_FILES
        self.previous: dict[str, dict] = {}
        self.current: dict[str, dict] = {}
        self.learned = False  # whether a file was read or linted that `previous` does not hold
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            # another version of the program may read a file differently, or word its messages otherwise
            if data["format"] == FORMAT and data["program"] == program_fingerprint() and isinstance(data["files"], dict):
                self.previous = data["files"]
        except (OSError, ValueError, KeyError, TypeError):
            pass

    def read_markdown(self, path: Path) -> tuple[SourceFile | None, list[ContentProblem], Linter]:
        """As check/context.py's read_markdown_to_lint: the file, the problems of reading it, and what lints it."""
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            source, problems = read_markdown_file(path)  # it says why in German
            return source, problems, functools.partial(lint, source)
        key = str(path)
        entry = self.previous.get(key)
        if isinstance(entry, dict) and entry.get("sha256") == digest:
            try:
                source, problems = _source_from(path, entry)
                self.current[key] = entry
                return source, problems, functools.partial(self._lint, key, source)
            except (KeyError, TypeError, ValueError):
                pass
        source, problems = read_markdown_file(path)
        entry = _entry(digest, source, problems)
        if entry is not None:
            self.current[key] = entry
            self.learned = True
        return source, problems, functools.partial(self._lint, key, source)

    def _lint(self, key: str, source: SourceFile, has_contact_fields: bool = False) -> list[ContentProblem]:
        """lint.lint's findings for the file read as `key`, remembered with it for each has_contact_fields."""
        entry = self.current.get(key)
        if entry is None:  # JSON cannot hold the file
            return lint(source, has_contact_fields)
        remembered = entry.get("lint")
        if not isinstance(remembered, dict):
            remembered = entry["lint"] = {}
        flag = str(has_contact_fields)
        try:
            return _problems_from(source.path, remembered[flag])
        except (KeyError, TypeError, ValueError):
            pass
        problems = lint(source, has_contact_fields)
        rows = _rows(problems)
        if _json_keeps(rows):
            remembered[flag] = rows
            self.learned = True
        return problems

    def save(self) -> None:
        """Unless the file holds all of it already (no file changed since the last check): writing it would take
        a sixth of such a check."""
        if not self.learned and self.current.keys() == self.previous.keys():
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.file.with_suffix(".neu")
        partial.write_text(json.dumps({"format": FORMAT, "program": program_fingerprint(), "files": self.current},
                                      ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(partial, self.file)


def _entry(digest: str, source: SourceFile | None, problems: list[ContentProblem]) -> dict | None:
    entry = {"sha256": digest, "problems": _rows(problems)}
    if source is not None:
        entry["source"] = [source.data, source.body, source.yaml_text, source.yaml_first_line, source.body_first_line]
    return entry if _json_keeps(entry) else None


def _json_keeps(value) -> bool:
    try:
        return json.loads(json.dumps(value, ensure_ascii=False)) == value
    except (TypeError, ValueError):
        return False


def _rows(problems: list[ContentProblem]) -> list[list]:
    return [[p.line, p.key, p.message, p.hint, p.severity] for p in problems]


def _problems_from(path: Path, rows: list[list]) -> list[ContentProblem]:
    return [ContentProblem(path, line, str(key), str(message), str(hint), str(severity))
            for line, key, message, hint, severity in rows]


def _source_from(path: Path, entry: dict) -> tuple[SourceFile | None, list[ContentProblem]]:
    problems = _problems_from(path, entry["problems"])
    if "source" not in entry:
        return None, problems
    data, body, yaml_text, yaml_first_line, body_first_line = entry["source"]
    if not isinstance(data, dict):
        raise TypeError("front matter")
    return SourceFile(path, data, str(body), str(yaml_text), int(yaml_first_line), int(body_first_line)), problems
