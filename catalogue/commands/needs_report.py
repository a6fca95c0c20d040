"""`python build.py report`: the need-weighted gaps in plain German text, the ranking as the page luecken/ shows
it (only with daten/bevoelkerung.csv)."""

from __future__ import annotations

from catalogue.messages.commands import count, say
from catalogue.model.needs import Needs, german_number


def needs_text(needs: Needs, city: str, long_date) -> list[str]:
    figures = needs.figures
    title = say("needs_title")
    lines = [title, "=" * len(title), say("needs_source", source=figures.source, date=long_date(figures.stand))]
    if figures.example:
        lines.append(say("needs_example"))
    lines.append(say("needs_rule_minimum", minimum=german_number(figures.minimum, 1))
                 if figures.minimum is not None else say("needs_rule_half"))
    lines += ["", say("needs_ranking")]
    for rank, need in enumerate(needs.ranking, 1):
        offers = (say("needs_offers", count=count(need.offers, "offer"),
                      per_offer=german_number(need.young_per_offer)) if need.offers else say("needs_no_offer"))
        lines.append(say("needs_district_unknown", rank=rank, name=need.name, offers=offers) if need.young is None
                     else say("needs_district", rank=rank, name=need.name, young=german_number(need.young),
                              offers=offers))
        below = [_below(needs, need.district, phase) for phase in needs.phases
                 if needs.cell(need.district, phase.id).flagged]
        if below:
            lines.append(say("needs_below", phases="; ".join(below)))
        if need.indicators:
            lines.append(say("needs_indicators", indicators="; ".join(
                f"{i.name} {german_number(i.value, 1)}{' ' + i.unit if i.unit else ''}" for i in need.indicators)))
    whole = {offer.id for offers in needs.whole_city.values() for offer in offers}
    remote = {offer.id for offers in needs.remote.values() for offer in offers}
    lines += ["", say("needs_apart", whole=count(len(whole), "offer"), city=city,
                      remote=count(len(remote), "offer")), ""]
    return lines


def _below(needs: Needs, district: str, phase) -> str:
    cell = needs.cell(district, phase.id)
    reasons = []
    if cell.below_minimum:
        reasons.append(say("needs_below_minimum", minimum=german_number(needs.figures.minimum, 1)))
    if cell.below_half_city:
        reasons.append(say("needs_below_half", half=german_number(needs.city_rate[phase.id] / 2, 1)))
    return say("needs_below_phase", phase=phase.name, rate=german_number(cell.per_thousand, 1),
               reasons=", ".join(reasons))
