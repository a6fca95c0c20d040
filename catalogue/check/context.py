"""What the checks of every kind of file share: the run's context (content folder, today, the problems found so
far), the walk through a content folder, file names as ids, dates, times and the review date (stand)."""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from catalogue.check import schemas
from catalogue.check.lint import Linter, lint
from catalogue.check.media import Media
from catalogue.messages import listing, problem
from catalogue.model.catalogue import review_due
from catalogue.model.site import Site
from catalogue.problems import ERROR, WARNING, ContentProblem, Problems
from catalogue.read.files import SourceFile, outside_of, read_markdown_file

# Always with fullmatch: „$“ also matches before a final line break.
ID_PATTERN = re.compile(r"[a-z0-9-]{3,80}")
TERM_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")  # an id from site.yaml, as the schemas have it
# The interface's tables, as the build reads them by default (pipeline.LAYOUTS_DIR).
LAYOUTS_DIR = Path(__file__).resolve().parents[2] / "layouts"


@dataclass
class Context:
    content_dir: Path
    today: date
    problems: Problems
    progress: Callable[[str, int, int], None]
    read_markdown: Callable[[Path], tuple[SourceFile | None, list[ContentProblem], Linter]]
    layouts_dir: Path = LAYOUTS_DIR
    site: Site | None = None
    provider_ids: list[str] = field(default_factory=list)
    media: Media = field(default_factory=lambda: Media({}, {}))


def read_markdown_to_lint(path: Path) -> tuple[SourceFile | None, list[ContentProblem], Linter]:
    """A Markdown file, the problems of reading it, and what lints it (lint.lint, when the check comes to it)."""
    source, problems = read_markdown_file(path)
    return source, problems, functools.partial(lint, source)


def content_file(relative: str, context: Context, missing: str) -> Path | None:
    """A file the content folder holds by name (site.yaml, and any such file to come): its path, or None when it
    is missing (the message `missing` says so) or a link out of the content folder."""
    path = context.content_dir / relative
    if not path.is_file():
        context.problems.add(problem(missing, path, None))
        return None
    return path if inside_content(path, context) else None


def content_files(folder: Path, context: Context) -> list[Path]:
    """The Markdown files of a content folder, in a stable order; anything else is reported. Every kind of content
    file is found here or by content_file(): a link (the folder's or a file's) out of the content folder is an
    error, and the file is never read. A link that stays inside the content folder is read like the file it
    leads to."""
    if not folder.is_dir() or not inside_content(folder, context):
        return []
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    files = []
    for entry in entries:
        path = folder / entry.name
        # In a folder inside the content folder, only a symbolic link can lead out of it: resolving every file
        # took a quarter of a second for a thousand offers.
        if entry.name.startswith(".") or (entry.is_symlink() and not inside_content(path, context)):
            continue
        # The listing knows what a file is; what a link leads to, Path tells (the listing raises for a link
        # through a file, where Path says it is neither folder nor file).
        target = path if entry.is_symlink() else entry
        if target.is_dir():
            context.problems.add(problem("subfolder", path, None, severity=WARNING, file_name=path.name))
        elif path.suffix != ".md":
            context.problems.add(problem("not_markdown", path, None, severity=WARNING))
        elif not target.is_file():
            context.problems.add(problem("not_a_file", path, None, severity=WARNING, file_name=path.name))
        else:
            files.append(path)
    return files


def inside_content(path: Path, context: Context) -> bool:
    """A symbolic link that leads out of the content folder is never read: it could publish any file of the
    machine that builds the site (read/files.py, outside_of). It stops the check, so a pull request that adds one
    cannot be merged unnoticed."""
    outside = outside_of(path, context.content_dir)
    if outside == "loop":  # a link that leads to itself: nothing is read, nothing can leak
        context.problems.add(problem("not_a_file", path, None, severity=WARNING, file_name=path.name))
    elif outside:
        context.problems.add(problem("outside_content", path, None, severity=ERROR))
    return not outside


def _slug(text: str) -> str:
    text = text.lower().replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return (text or "angebot")[:80].ljust(3, "0")


def _free_name(path: Path, stem: str) -> str:
    """A file name with a good id for `path` that no other file has: „babytreff-lintorf.en.md“, or with „-2“
    when that is taken."""
    rest, slug = path.name[len(stem):], _slug(stem)
    for number in range(1, 1000):
        candidate = slug if number == 1 else f"{slug[:80 - len(str(number)) - 1]}-{number}"
        if not _other_file(path, path.with_name(candidate + rest)):
            return candidate + rest
    return slug + rest


def _taken(path: Path, stem: str) -> str:
    """The sentence that says a file with the good name exists already, or ""."""
    other = path.with_name(_slug(stem) + path.name[len(stem):])
    if not _other_file(path, other):
        return ""
    return (f" Die Datei „{other.name}“ gibt es schon: Beschreibt sie dasselbe, löschen Sie diese Datei und "
            "übernehmen Sie, was dort fehlt.")


def _other_file(path: Path, candidate: Path) -> bool:
    """Whether candidate exists and is not path itself (on a case-insensitive disk it may be)."""
    try:
        return candidate.exists() and not candidate.samefile(path)
    except OSError:
        return True


def file_id_ok(path: Path, stem: str, context: Context) -> bool:
    if ID_PATTERN.fullmatch(stem):
        return True
    if len(stem) < 3:
        reason = "sie ist kürzer als 3 Zeichen"
    elif len(stem) > 80:
        reason = "sie ist länger als 80 Zeichen"
    elif stem != stem.lower():
        reason = "sie enthält Großbuchstaben"
    elif " " in stem:
        reason = "sie enthält Leerzeichen"
    else:
        chars = "".join(sorted({c for c in stem if not re.match(r"[a-z0-9-]", c)}))
        reason = f"sie enthält die Zeichen „{chars}“"
    context.problems.add(problem("bad_id", path, 1, "Dateiname", file_name=path.name, reason=reason,
                                 suggestion=_free_name(path, stem), taken=_taken(path, stem)))
    return False


def as_date(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def hh_mm(clock: str) -> str:
    """"9:30" (as partners may write it) → "09:30", the one form the model holds; "" stays ""."""
    hours, _, minutes = clock.partition(":")
    return f"{int(hours):02d}:{minutes}" if clock else ""


def as_text(value) -> str:
    return "" if value is None else str(value)


def check_stand(source: SourceFile, context: Context, label: str = "stand") -> None:
    stand = as_date(source.data.get(label))
    if stand is None:
        return
    if stand > context.today:
        context.problems.add(problem("date_in_future", source.path, source.line_of([label]), label, key=label,
                                     value=stand.isoformat(), today=context.today.isoformat()))
    months = context.site.review_months if context.site else 12
    if review_due(stand, months) < context.today:
        context.problems.add(problem("overdue", source.path, source.line_of([label]), label, severity=WARNING,
                                     stand=stand.isoformat(), months=months))


def check_time_order(source: SourceFile, key: str, context: Context) -> None:
    items = source.data.get(key)
    for index, item in enumerate(items if isinstance(items, list) else []):
        start, end = (item.get("von"), item.get("bis")) if isinstance(item, dict) else (None, None)
        if isinstance(start, str) and isinstance(end, str) and ":" in start and ":" in end:
            if _minutes(start) >= _minutes(end):
                path = [key, index, "bis"]
                context.problems.add(problem("time_order", source.path, source.line_of(path),
                                             schemas.key_label(path), start=start, end=end))


def _minutes(clock: str) -> int:
    hours, _, minutes = clock.partition(":")
    return int(hours) * 60 + int(minutes or 0)
