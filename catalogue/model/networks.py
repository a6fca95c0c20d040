"""Working groups, networks and cooperations (netzwerke/<id>.md): who works together on which part of the prevention
chain, where, and whom to call."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from catalogue.model.offers import Contact


@dataclass(frozen=True)
class NetworkTranslation:
    network_id: str
    language: str  # ISO 639-1 code, or "ls" for Leichte Sprache
    name: str
    body: str


@dataclass(frozen=True)
class Network:
    id: str  # file name without .md
    name: str
    kind: str  # `art`
    coordinator: str | None  # provider id (`koordination`)
    members: tuple[str, ...]  # provider ids (`mitglieder`), in file order
    other_members: tuple[str, ...]  # `weitere_mitglieder`: names without a provider file
    life_phases: tuple[str, ...]
    topics: tuple[str, ...]
    districts: tuple[str, ...]
    meetings: str | None  # `treffen`
    open_to_new: bool  # `offen_fuer_neue`
    contact: Contact | None  # as an offer's kontakt
    stand: date
    valid_until: date | None
    body_html: str  # the Markdown body as safe HTML (render/markup.py), headings from <h2>
    source: Path
    body: str = ""  # the Markdown body as written
    example: bool = False  # `beispiel`
    translations: dict[str, NetworkTranslation] = field(default_factory=dict, compare=False, hash=False)

    @property
    def providers(self) -> tuple[str, ...]:
        """Every provider id that takes part: the coordinator first, then the members not named before."""
        ids = ([self.coordinator] if self.coordinator else []) + list(self.members)
        return tuple(dict.fromkeys(ids))

    def works_in(self, district: str, whole_city: str) -> bool:
        return district in self.districts or whole_city in self.districts
