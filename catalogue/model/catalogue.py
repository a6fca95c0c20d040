"""Stage 3, model: the catalogue as the rest of the build sees it (its site, offers, providers and free pages, and
the offers by life phase, topic and district), built from checked data only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from catalogue.model.networks import Network
from catalogue.model.offers import Offer
from catalogue.model.site import WHOLE_CITY, Site


def review_due(checked: date, months: int) -> date:
    """The day an entry last checked on `checked` is due for its next check (pruefintervall_monate later;
    the month's last day where the later month is shorter)."""
    month_index = checked.month - 1 + months
    year, month = checked.year + month_index // 12, month_index % 12 + 1
    for last_day in (checked.day, 30, 29, 28):
        try:
            return date(year, month, last_day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass
class Provider:
    id: str
    name: str
    checked: date
    kind: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    web: str = ""
    example: bool = False
    body: str = ""
    offers: list[Offer] = field(default_factory=list)


@dataclass
class Page:
    id: str
    title: str
    language: str = "de"
    order: float | None = None
    body: str = ""


@dataclass
class Catalogue:
    site: Site
    offers: list[Offer]  # published, in German collation order of their titles
    providers: list[Provider]  # in German collation order of their names
    pages: list[Page]  # in footer order
    unpublished: list[Offer]  # past their gueltig_bis
    today: date  # the day the catalogue is published for: what has expired and which dates lie ahead
    media: dict[str, Path] = field(default_factory=dict)  # the files of bilder/ to publish, by name inside it
    networks: tuple[Network, ...] = ()  # published (not past gueltig_bis), in German collation order of their names

    def overdue(self, checked: date) -> bool:
        """Whether an entry last checked on `checked` is past its next check."""
        return review_due(checked, self.site.review_months) < self.today

    def provider(self, provider_id: str) -> Provider:
        return self._providers_by_id[provider_id]

    @cached_property
    def _providers_by_id(self) -> dict[str, Provider]:
        return {p.id: p for p in self.providers}

    @cached_property
    def by_life_phase(self) -> dict[str, list[Offer]]:
        """The published offers of each life phase, in the catalogue's order."""
        return self._group([phase.id for phase in self.site.life_phases], lambda offer: offer.life_phases)

    @cached_property
    def by_topic(self) -> dict[str, list[Offer]]:
        return self._group(list(self.site.topics), lambda offer: offer.topics)

    @cached_property
    def by_district(self) -> dict[str, list[Offer]]:
        """Each district's offers, including those for the whole city: a family in Lintorf can use those too."""
        return self._group(list(self.site.districts), lambda offer: offer.districts, also_in_every=WHOLE_CITY)

    @property
    def has_networks(self) -> bool:
        return bool(self.networks)

    def networks_of_provider(self, provider_id: str) -> list[Network]:
        """The networks a provider coordinates or belongs to."""
        return [n for n in self.networks if provider_id in n.providers]

    @cached_property
    def networks_by_life_phase(self) -> dict[str, list[Network]]:
        groups: dict[str, list[Network]] = {phase.id: [] for phase in self.site.life_phases}
        for network in self.networks:
            for phase in network.life_phases:
                groups[phase].append(network)
        return groups

    @cached_property
    def networks_by_district(self) -> dict[str, list[Network]]:
        """Each district's networks, including those for the whole city."""
        return {d: [n for n in self.networks if n.works_in(d, WHOLE_CITY)] for d in self.site.districts}

    def _group(self, ids: list[str], keys_of, also_in_every: str | None = None) -> dict[str, list[Offer]]:
        groups: dict[str, list[Offer]] = {i: [] for i in ids}
        for offer in self.offers:
            keys = keys_of(offer)
            targets = ids if also_in_every in keys else keys
            for key in targets:
                groups[key].append(offer)
        return groups
