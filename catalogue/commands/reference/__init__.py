"""Writes the generated reference pages of the documentation, so that they cannot drift from the code:

    docs/partner/referenz/inhaltsformat.md   every key of every kind of content file, from catalogue/schemas/
    docs/betrieb/referenz/site-yaml.md       every key of site.yaml, from the same schema, for the city's team
    docs/partner/referenz/meldungen.md       the overview of every message of `check` (catalogue.messages.MESSAGES),
    docs/partner/referenz/meldungen/*.md     and one page per group with the hand-kept examples and explanations
                                             of meldungen-beispiele.yaml (a page of a group no longer there is
                                             removed)

    python -m catalogue.commands.reference           write them
    python -m catalogue.commands.reference --check   only say whether they are current (exit 1 if not)

tests/test_reference_docs.py fails while a committed page differs from what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from catalogue.commands.reference.common import COMMAND, CONTENT_FORMAT, MESSAGE_PAGES, REPO, SITE_REFERENCE
from catalogue.commands.reference.key_tables import content_format, site_reference
from catalogue.commands.reference.messages import messages_pages
from catalogue.messages.commands import say


def pages() -> dict[Path, str]:
    """Each generated page (relative to the repository) and its text."""
    return {CONTENT_FORMAT: content_format(), SITE_REFERENCE: site_reference(), **messages_pages()}


def leftover_pages(written: dict[Path, str]) -> list[Path]:
    """Pages in the folder of the message groups that no group writes any more (a renamed or removed group)."""
    folder = REPO / MESSAGE_PAGES
    return sorted(path.relative_to(REPO) for path in folder.glob("*.md")
                  if path.relative_to(REPO) not in written) if folder.is_dir() else []


def main(argv: list[str]) -> int:
    check_only = "--check" in argv
    stale = []
    written = pages()
    for relative in leftover_pages(written):
        stale.append(relative.as_posix())
        if not check_only:
            (REPO / relative).unlink()
    for relative, text in written.items():
        target = REPO / relative
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        stale.append(relative.as_posix())
        if not check_only:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
    if check_only and stale:
        print(say("reference_stale", pages=", ".join(stale), command=COMMAND), file=sys.stderr)
        return 1
    for name in stale:
        print(say("reference_written", page=name))
    return 0

