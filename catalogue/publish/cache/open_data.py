"""Each offer's part of the open data (offene-daten.json): its HSDS record and calendar events, reused while the
offer's fingerprint stays the same."""

from __future__ import annotations

import json
import os
from pathlib import Path

from catalogue.model.offers import Offer
from catalogue.publish.cache.fingerprints import PageFingerprints
from catalogue.publish.cache.manifest import FORMAT

OPEN_DATA_PARTS = "offene-daten.json"


class OpenDataParts:
    """Each offer's part of the open data (its HSDS record, its calendar events) as the last build with the same
    fingerprint made it, for the offer and provider it was made of: the exports are assembled from them instead
    of serialising every offer again. Parts of the wrong shape are made anew."""

    SHAPES = {"hsds": lambda part: isinstance(part, str),
              "ical": lambda part: (isinstance(part, list) and len(part) == 3 and isinstance(part[0], str)
                                    and (part[1] is None or isinstance(part[1], str)) and isinstance(part[2], bool))}

    def __init__(self, cache: Path, build: str, fingerprints: PageFingerprints):
        self.file, self.build, self.fingerprints = cache / OPEN_DATA_PARTS, build, fingerprints
        self.previous: dict = {}
        self.current: dict[str, dict] = {kind: {} for kind in self.SHAPES}
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if data["format"] == FORMAT and data["build"] == build and isinstance(data["parts"], dict):
                self.previous = data["parts"]
        except (OSError, ValueError, KeyError, TypeError):
            pass

    def part(self, kind: str, offer: Offer, make):
        key = self.fingerprints.with_provider(offer)
        remembered = self.previous.get(kind, {}).get(key) if isinstance(self.previous.get(kind), dict) else None
        part = remembered if self.SHAPES[kind](remembered) else make()
        self.current[kind][key] = part
        return part

    def save(self) -> None:
        partial = self.file.with_suffix(".neu")
        partial.write_text(json.dumps({"format": FORMAT, "build": self.build, "parts": self.current},
                                      ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(partial, self.file)
