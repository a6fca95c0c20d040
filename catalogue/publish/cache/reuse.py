"""Which pages and files of the previous build are left in place: those whose fingerprint is what the build would
make now, and whose file is still as that build wrote it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from catalogue.model.catalogue import Catalogue
from catalogue.opendata import ical
from catalogue.opendata.hsds import export as hsds
from catalogue.publish.cache.fingerprints import PageFingerprints
from catalogue.publish.cache.manifest import Manifest
from catalogue.render.pages import REUSABLE_TEMPLATES
from catalogue.render.paths import DATA_FOLDER


@dataclass
class Written:
    build: str  # the build's fingerprint ("" without a cache)
    fingerprints: dict[str, str]  # of every page and offer's open data file the cache may reuse, by path
    reused: set[str]  # the pages and files left in place from the last build
    files: set[str] = field(default_factory=set)  # every other file the build wrote, by path
    moved_first: set[str] = field(default_factory=set)  # the pages moved into the output before the rest

    def note(self, path: str, fingerprint: str, previous: Manifest | None, output: Path | None) -> bool:
        """Notes a page's or file's fingerprint; whether the previous build left it in place as it would be made
        now."""
        self.fingerprints[path] = fingerprint
        if previous is not None and previous.reusable(path, fingerprint, output):
            self.reused.add(path)
            return True
        return False


def note_reuse(pages, fingerprints: PageFingerprints | None, previous: Manifest | None,
                output: Path | None, written: Written) -> None:
    """Notes the fingerprint of each page the cache may reuse, and which of them the previous build left in place
    as they would be made now."""
    if fingerprints is None:
        return
    for page in pages:
        if page.template in REUSABLE_TEMPLATES:
            written.note(page.path, fingerprints.of(page), previous, output)


def note_open_data_reuse(catalogue: Catalogue, calendars: frozenset[str],
                          fingerprints: PageFingerprints | None, previous: Manifest | None,
                          output: Path | None, written: Written) -> dict[str, frozenset[str]]:
    """As note_reuse, for each offer's own open data files. Returns the offers whose files are left in place,
    by kind of file ("hsds", "ical")."""
    unchanged = {"hsds": set(), "ical": set()}
    if fingerprints is None:
        return {kind: frozenset() for kind in unchanged}
    for offer in catalogue.offers:
        files = [("hsds", f"{DATA_FOLDER}/{hsds.offer_file(offer.id)}")]
        if offer.id in calendars:
            files.append(("ical", ical.offer_file(offer.id)))
        for kind, path in files:
            if written.note(path, fingerprints.of_offer_file(path, offer), previous, output):
                unchanged[kind].add(offer.id)
    return {kind: frozenset(offers) for kind, offers in unchanged.items()}
