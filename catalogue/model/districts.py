"""What a district's page says above its list of offers: its offers by life phase in the order of the prevention
chain, the phases where it has no offer of its own, what the whole city and the offers online or by telephone add,
and its figures (model/needs.py) where there are any.

A district's own offers are counted as needs.py counts them: the offers that name the district, without those for
the whole city and those held only online or by telephone. Made once a build for every district, from lists the
catalogue already holds: no work for each offer beyond what the district lists do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from catalogue.model.catalogue import Catalogue
from catalogue.model.needs import Indicator, NeedCell, Needs, is_remote
from catalogue.model.offers import Offer
from catalogue.model.site import WHOLE_CITY, LifePhase

SHOWN_PER_PHASE = 5  # offers a phase names by title; the rest are found by the search filtered to it


@dataclass(frozen=True)
class PhaseInDistrict:
    phase: LifePhase
    count: int  # the district's own offers in this phase
    shown: list[Offer]  # the first SHOWN_PER_PHASE of them, in the catalogue's order
    whole_city: int  # offers for the whole city in this phase (the search: stadtteil=ganz-stadt)
    remote: int  # offers held only online or by telephone in this phase (the search: form=online&form=telefon)
    cell: NeedCell | None = None  # the figures, where there are any
    half_city_rate: float | None = None  # half the city-wide offers per 1,000 of the phase (the flag's measure)


@dataclass(frozen=True)
class DistrictFigures:
    """Where the figures come from (only what the page shows: not the whole of Figures, whose outlines are large)."""

    source: str
    stand: date | None
    minimum: float | None
    example: bool
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class DistrictProfile:
    district: str
    phases: list[PhaseInDistrict]
    figures: DistrictFigures | None = None

    @property
    def missing(self) -> list[PhaseInDistrict]:
        """The life phases without an offer of the district's own."""
        return [phase for phase in self.phases if not phase.count]

    @property
    def flagged(self) -> bool:
        return any(phase.cell is not None and phase.cell.flagged for phase in self.phases)


def district_profiles(catalogue: Catalogue, needs: Needs | None) -> dict[str, DistrictProfile]:
    """district id → its profile, for every district but the whole city."""
    site = catalogue.site
    phases = list(site.life_phases)
    whole_city = {p.id: 0 for p in phases}
    remote = {p.id: 0 for p in phases}
    for phase in phases:
        for offer in catalogue.by_life_phase[phase.id]:
            # as the search finds them from the page's links (an offer may be in both)
            remote[phase.id] += is_remote(offer)
            whole_city[phase.id] += WHOLE_CITY in offer.districts
    profiles = {}
    for district in site.districts:
        if district == WHOLE_CITY:
            continue
        own: dict[str, list[Offer]] = {p.id: [] for p in phases}
        for offer in catalogue.by_district[district]:
            if district in offer.districts and not is_remote(offer):
                for phase_id in offer.life_phases:
                    if phase_id in own:
                        own[phase_id].append(offer)
        figures = None
        if needs is not None:
            f = needs.figures
            figures = DistrictFigures(f.source, f.stand, f.minimum, f.example,
                                      tuple(i for i in f.indicators if i.district == district))
        profiles[district] = DistrictProfile(district, [
            PhaseInDistrict(phase, len(own[phase.id]), own[phase.id][:SHOWN_PER_PHASE], whole_city[phase.id],
                            remote[phase.id],
                            needs.cell(district, phase.id) if needs else None,
                            needs.city_rate[phase.id] / 2 if needs and needs.city_rate[phase.id] is not None else None)
            for phase in phases], figures)
    return profiles
