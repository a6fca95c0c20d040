"""The files a build writes for download (the PDFs, the open data), which pages link with their size."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Download:
    path: str  # from the site's root, e.g. "pdf/katalog.pdf"
    size: int  # in bytes

    @classmethod
    def written(cls, root: Path, file: Path) -> "Download":
        return cls(file.relative_to(root).as_posix(), file.stat().st_size)


@dataclass(frozen=True)
class Downloads:
    """Empty where the build wrote none (no PDF with --no-pdf)."""

    catalogue: Download | None = None  # the whole catalogue as PDF
    phases: dict[str, Download] = field(default_factory=dict)  # a PDF for each life phase, by its id
    data: dict[str, Download] = field(default_factory=dict)  # the open data files, by kind (see pipeline)
    calendars: frozenset[str] = frozenset()  # the offers with a calendar file of their times, by id
