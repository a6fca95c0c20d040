"""The one type for problems in content files, and how they are printed.

Every check in the build reports a ContentProblem; nothing else reaches a
partner. Problems are collected for the whole run and printed together,
sorted by file, so a pull request shows all of them at once.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ERROR = "error"
WARNING = "warning"
NOTE = "notice"  # advice beyond the contract: shown, never counted, not turned into an error by --strict
LABELS = {ERROR: "Fehler", WARNING: "Warnung", NOTE: "Hinweis"}
# What a terminal or log would act on instead of showing: control characters (an escape sequence can clear the
# screen or retitle the window) and the bidirectional overrides that reorder what is shown.
TERMINAL_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(character: str) -> str:
    """A character named so that it can be found, e.g. „U+001B“, „U+1F3B5 MUSICAL NOTE“ or „U+E000, aus dem
    Bereich für private Zeichen“."""
    name = unicodedata.name(character, "")
    if name:
        return f"U+{ord(character):04X} {name}"
    kind = {"Co": "aus dem Bereich für private Zeichen", "Cn": "nicht vergeben"}.get(unicodedata.category(character))
    return f"U+{ord(character):04X}" + (f", {kind}" if kind else "")


def harmless(text: str) -> str:
    """Text from a content file as it may be printed: every control character as its code, e.g. „<U+001B>“."""
    return TERMINAL_CONTROLS.sub(lambda match: f"<U+{ord(match.group(0)):04X}>", text)


@dataclass(frozen=True)
class ContentProblem:
    file: Path
    line: int | None
    key: str
    message: str
    hint: str
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def sort_key(self):
        return (str(self.file), self.line or 0, self.key, self.message)


@dataclass
class Problems:
    """All problems of one run."""

    items: list[ContentProblem] = field(default_factory=list)

    def add(self, problem: ContentProblem) -> None:
        self.items.append(problem)

    def extend(self, problems) -> None:
        self.items.extend(problems)

    def sorted(self) -> list[ContentProblem]:
        return sorted(self.items, key=ContentProblem.sort_key)

    @property
    def errors(self) -> list[ContentProblem]:
        return [p for p in self.items if p.is_error]

    @property
    def warnings(self) -> list[ContentProblem]:
        return [p for p in self.items if p.severity == WARNING]

    def promote_warnings(self, only_in: set[Path] | None = None) -> None:
        """--strict: every warning counts as an error; --strict-for: only the warnings in these files."""
        def promoted(p: ContentProblem) -> bool:
            return p.severity == WARNING and (only_in is None or p.file.resolve() in only_in)
        self.items = [
            ContentProblem(p.file, p.line, p.key, p.message, p.hint, ERROR if promoted(p) else p.severity)
            for p in self.items
        ]


def display_path(path: Path) -> str:
    """The path as a partner sees it in the repository: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def location(problem: ContentProblem) -> str:
    """Where the problem is, as `check` names it: file, line and key."""
    where = harmless(display_path(problem.file))
    if problem.line:
        where += f":{problem.line} (Zeile {problem.line})"
    return where + (f", Angabe „{harmless(problem.key)}“" if problem.key else "")


def fix(problem: ContentProblem) -> str:
    """How to fix it, as `check` says it; empty when there is nothing to say."""
    return f"So beheben Sie es: {harmless(problem.hint)}" if problem.hint else ""


def format_text(problem: ContentProblem) -> str:
    lines = [f"{LABELS[problem.severity]}: {location(problem)}", f"  {harmless(problem.message)}"]
    if problem.hint:
        lines.append(f"  {fix(problem)}")
    return "\n".join(lines)


def _escape_github_data(text: str) -> str:
    return harmless(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_github_property(text: str) -> str:
    return _escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problem: ContentProblem) -> str:
    """A GitHub Actions workflow command, shown inline on the pull request's changed line."""
    command = problem.severity
    properties = [f"file={_escape_github_property(display_path(problem.file))}"]
    if problem.line:
        properties.append(f"line={problem.line}")
    title = f"Angabe „{problem.key}“" if problem.key else "Datei"
    properties.append(f"title={_escape_github_property(title)}")
    message = problem.message + (f"\nSo beheben Sie es: {problem.hint}" if problem.hint else "")
    return f"::{command} {','.join(properties)}::{_escape_github_data(message)}"
