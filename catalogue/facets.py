"""The search filters: which values an offer carries, and which values the search page offers.

Both come from here, so a checkbox on the search page always matches what the index holds. An offer for
the whole city counts for every district, as on the district pages.
"""

from __future__ import annotations

from .collation import german_sort_key
from .i18n import Texts
from .languages import language_name
from .model import FORMATS, WEEKDAYS, WHOLE_CITY, Catalogue, Offer, Site

FACETS = ("lebensphase", "thema", "stadtteil", "kosten", "sprache", "barrierefreiheit", "form", "wochentag")
# Their values are names from site.yaml, which the contract has only in German (districts are proper names).
NAMED_IN_SITE_YAML = ("lebensphase", "thema", "barrierefreiheit")


def district_name(site: Site, texts: Texts, district_id: str) -> str:
    return texts("whole_city", city=site.city) if district_id == WHOLE_CITY else site.districts[district_id]


def offer_facets(offer: Offer, site: Site, texts: Texts) -> dict[str, list[str]]:
    districts = list(site.districts) if WHOLE_CITY in offer.districts else offer.districts
    days = {day for time in offer.times for day in time.days} | {WEEKDAYS[e.day.weekday()] for e in offer.events}
    weekday_names = texts.list("weekdays")
    return {
        "lebensphase": [phase.name for phase in site.life_phases if phase.id in offer.life_phases],
        "thema": [site.topics[topic] for topic in offer.topics],
        "stadtteil": [district_name(site, texts, d) for d in districts],
        "kosten": [texts("offer_free")] if offer.free else [],
        "sprache": [language_name(code, texts.language) for code in offer.languages],
        "barrierefreiheit": [site.accessibility[feature] for feature in offer.accessibility],
        "form": [texts("format_" + form) for form in offer.formats],
        "wochentag": [weekday_names[i] for i, day in enumerate(WEEKDAYS) if day in days],
    }


def facet_options(catalogue: Catalogue, texts: Texts) -> dict[str, list[str]]:
    site = catalogue.site
    languages = {language_name(code, texts.language) for offer in catalogue.offers for code in offer.languages}
    return {
        "lebensphase": [phase.name for phase in site.life_phases],
        "thema": list(site.topics.values()),
        "stadtteil": [district_name(site, texts, d) for d in site.districts],
        "kosten": [texts("offer_free")],
        "sprache": sorted(languages, key=german_sort_key),
        "barrierefreiheit": list(site.accessibility.values()),
        "form": [texts("format_" + form) for form in FORMATS],
        "wochentag": texts.list("weekdays"),
    }
