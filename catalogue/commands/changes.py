"""Which offers a change adds, changes or removes, for the summary of a pull request's check
(`python build.py changes --since REV`): with the address of each in the preview of the built site and under
basis_url, and how to open the preview. It asks git only, so it needs no rights beyond reading the repository.

An offer is angebote/<id>.md; angebote/<id>.<code>.md is its translation or, with the code `ls`, its version in
Leichte Sprache. A renamed German file moves the offer to another address: it counts as the old offer removed
and a new one added, each naming the other, so that a reviewer sees that links and QR codes to the old address
stop working.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from catalogue.messages.commands import say
from catalogue.model.i18n import GERMAN
from catalogue.model.languages import EASY_GERMAN, language_name
from catalogue.read.files import front_matter_end, parse_yaml
from catalogue.render.paths import offer_path

OFFERS = "angebote"
OFFER_FILE = re.compile(r"(?P<id>[^./]+)(?:\.(?P<code>[a-z]{2}))?\.md")
PREVIEW_ARTIFACT = "katalog-vorschau"
PREVIEW_URL = "http://127.0.0.1:8000/"
ADDED, CHANGED, REMOVED = say("changes_added"), say("changes_changed"), say("changes_removed")


class GitFailed(Exception):
    """git could not answer; the message says why, in German."""


@dataclass
class OfferChange:
    offer_id: str
    kind: str  # ADDED, CHANGED or REMOVED
    title: str = ""
    versions: dict[str, str] = field(default_factory=dict)  # version code → ADDED, CHANGED or REMOVED
    renamed: str = ""  # the offer's id on the other side of a rename


def _git(content: Path, *arguments: str) -> str:
    try:
        done = subprocess.run(["git", *arguments], cwd=content, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise GitFailed(say("git_missing")) from None
    if done.returncode != 0:
        raise GitFailed(say("git_failed", arguments=" ".join(arguments), detail=done.stderr.strip()))
    return done.stdout


def _title(content: Path, revision: str, offer_id: str) -> str:
    """The `titel` of the German file at that revision; "" when it has none that can be read."""
    try:
        text = _git(content, "show", f"{revision}:./{OFFERS}/{offer_id}.md")
    except GitFailed:
        return ""
    lines = text.replace("\r\n", "\n").split("\n")
    end = front_matter_end(lines)
    data, _ = parse_yaml(Path(f"{OFFERS}/{offer_id}.md"), "\n".join(lines[1:end]), 2) if end else (None, [])
    title = (data or {}).get("titel")
    return title.strip() if isinstance(title, str) else ""


def _offer_file(path: str) -> tuple[str, str] | None:
    """(offer id, version code) of a path below the content folder, None for any other file."""
    match = OFFER_FILE.fullmatch(path.removeprefix(f"{OFFERS}/"))
    return (match["id"], match["code"] or GERMAN) if match else None


def _file_changes(content: Path, since: str) -> list[tuple[str, tuple[str, str], tuple[str, str] | None]]:
    """(A, M or D, (offer id, version code), the file on the other side of a rename) of every offer file."""
    try:
        _git(content, "rev-parse", "--verify", "--quiet", f"{since}^{{commit}}")
    except GitFailed:
        raise GitFailed(say("git_unknown_revision", since=since, content=content)) from None
    fields = _git(content, "diff", "--name-status", "-z", "-M", "--relative", since, "HEAD", "--", OFFERS).split("\0")
    changes, position = [], 0
    while position < len(fields) - 1:
        status, old = fields[position][0], _offer_file(fields[position + 1])
        if status in "RC":
            new = _offer_file(fields[position + 2])
            if status == "R" and old:
                changes.append(("D", old, new))
            if new:
                changes.append(("A", new, old if status == "R" else None))
            position += 3
            continue
        if old:
            changes.append((status if status in "AD" else "M", old, None))
        position += 2
    return changes


def offer_changes(content: Path, since: str) -> list[OfferChange]:
    """The offers that differ between `since` and HEAD: added, changed, removed, each sorted by id."""
    kinds = {"A": ADDED, "M": CHANGED, "D": REMOVED}
    offers: dict[str, OfferChange] = {}
    for status, (offer_id, code), other in _file_changes(content, since):
        offer = offers.setdefault(offer_id, OfferChange(offer_id, CHANGED))
        offer.versions[code] = kinds[status]
        if code == GERMAN and status != "M":
            offer.kind = kinds[status]
            offer.renamed = other[0] if other and other[1] == GERMAN and other[0] != offer_id else ""
    for offer in offers.values():
        offer.title = _title(content, since if offer.kind == REMOVED else "HEAD", offer.offer_id)
    order = {ADDED: 0, CHANGED: 1, REMOVED: 2}
    return sorted(offers.values(), key=lambda o: (order[o.kind], o.offer_id))


def version_name(code: str) -> str:
    # („Deutsch“, „Türkisch“)
    return say("changes_easy_german") if code == EASY_GERMAN else language_name(code)


def _addresses(offer_id: str, code: str, base_url: str) -> str:
    path = offer_path(offer_id, code)
    return say("changes_addresses", preview=f"{PREVIEW_URL}{path}", published=f"{base_url}{path}")


def _entry(offer: OfferChange, base_url: str) -> list[str]:
    # a title is a partner's text: its Markdown characters are shown, not obeyed
    title = re.sub(r"([\\`*_\[\]<>|#~])", r"\\\1", offer.title)
    name = f"**{title}** (`{offer.offer_id}`)" if offer.title else f"`{offer.offer_id}`"
    if offer.kind == REMOVED:
        moved = say("changes_renamed_to", offer_id=offer.renamed) if offer.renamed else ""
        return [say("changes_gone", name=name, moved=moved, address=f"{base_url}{offer_path(offer.offer_id, GERMAN)}")]
    moved = say("changes_renamed_from", offer_id=offer.renamed) if offer.renamed else ""
    lines = [f"- {name}{moved}: {_addresses(offer.offer_id, GERMAN, base_url)}"]
    for code, kind in offer.versions.items():
        if code == GERMAN:
            lines += [f"  - {version_name(code)} {kind}"] if offer.kind == CHANGED else []
            continue
        if offer.kind == CHANGED and kind == REMOVED:
            lines.append(f"  - {version_name(code)} {kind}")
        elif offer.kind == CHANGED or kind == ADDED:
            lines.append(f"  - {version_name(code)} {kind}: {_addresses(offer.offer_id, code, base_url)}")
    return lines


def summary(changes: list[OfferChange], base_url: str) -> str:
    """Markdown for the run's summary page: how to open the preview, then the offers that changed."""
    lines = say("changes_intro", artifact=PREVIEW_ARTIFACT, preview=PREVIEW_URL).split("\n")
    if not changes:
        return "\n".join(lines + [say("changes_none"), ""])
    headings = {ADDED: say("changes_heading_added"), CHANGED: say("changes_heading_changed"),
                REMOVED: say("changes_heading_removed")}
    for kind, heading in headings.items():
        entries = [line for offer in changes if offer.kind == kind for line in _entry(offer, base_url)]
        if entries:
            lines += [f"**{heading}**", "", *entries, ""]
    return "\n".join(lines)
