"""The search filters: which values an offer carries, which values the search page offers, and the facts a
search result shows.

The index holds each filter value as its id („lintorf“, „kostenlos“, „tr“), the same in every language: one
index serves the search pages of all interface languages, and each page names the values in its own
language. Both the values and their names come from here, so a checkbox always matches what the index holds.
An offer for the whole city counts for every district, as on the district pages.
"""

from __future__ import annotations

from catalogue.model.catalogue import Catalogue
from catalogue.model.collation import german_sort_key
from catalogue.model.i18n import GERMAN, Texts
from catalogue.model.languages import language_name
from catalogue.model.names import Names
from catalogue.model.offers import FORMATS, WEEKDAYS, Offer, Wording
from catalogue.model.site import WHOLE_CITY, Site

FACETS = ("lebensphase", "thema", "stadtteil", "kosten", "sprache", "barrierefreiheit", "form", "wochentag")
FREE = "kostenlos"
# Filters the search page sets itself, never shown: the language a page is written in, and (on a German page)
# the interface languages the offer has a translation in, whose search pages show the translation instead.
VERSION_FILTER, TRANSLATED_FILTER = "fassung", "uebersetzt"


def district_name(site: Site, texts: Texts, district_id: str) -> str:
    """A district's name as text in the language of `texts` (names.py says how)."""
    return Names(site, texts).district(district_id).text


def age_range(texts: Texts, age_from, age_to) -> str:
    if age_from is not None and age_to is not None:
        return texts("age_from_to", start=age_from, end=age_to)
    if age_from is not None:
        return texts("age_from", start=age_from)
    if age_to is not None:
        return texts("age_to", end=age_to)
    return ""


def offer_facets(offer: Offer, site: Site) -> dict[str, list[str]]:
    districts = list(site.districts) if WHOLE_CITY in offer.districts else offer.districts
    days = {day for time in offer.times for day in time.days} | {WEEKDAYS[e.day.weekday()] for e in offer.events}
    return {
        "lebensphase": [phase.id for phase in site.life_phases if phase.id in offer.life_phases],
        "thema": list(offer.topics),
        "stadtteil": list(districts),
        "kosten": [FREE] if offer.free else [],
        "sprache": list(offer.languages),
        "barrierefreiheit": list(offer.accessibility),
        "form": list(offer.formats),
        "wochentag": [day for day in WEEKDAYS if day in days],
    }


def facet_options(catalogue: Catalogue, texts: Texts) -> dict[str, list[tuple[str, Wording]]]:
    """(value, name) of every filter, in the order the search page shows them: in the interface's language, but
    the names from site.yaml that `uebersetzungen` does not translate in German."""
    site = catalogue.site
    names = Names(site, texts)
    languages = {code for offer in catalogue.offers for code in offer.languages}
    in_interface = lambda options: [(value, Wording(name, texts.language)) for value, name in options]  # noqa: E731
    return {
        "lebensphase": [(phase.id, names.life_phase(phase)) for phase in site.life_phases],
        "thema": [(topic, names.topic(topic)) for topic in site.topics],
        "stadtteil": [(district, names.district(district)) for district in site.districts],
        "kosten": in_interface([(FREE, texts("offer_free"))]),
        "sprache": in_interface(sorted(((code, language_name(code, texts.language)) for code in languages),
                                       key=lambda option: german_sort_key(option[1]))),
        "barrierefreiheit": [(feature, names.feature(feature)) for feature in site.accessibility],
        "form": in_interface([(form, texts("format_" + form)) for form in FORMATS]),
        "wochentag": in_interface(zip(WEEKDAYS, texts.list("weekdays"))),
    }


def result_facts(offer: Offer, site: Site, texts: Texts) -> str:
    """The line under a search result: „0 bis 3 Jahre · Lintorf · kostenlos“, in the interface's language."""
    parts = [age_range(texts, offer.age_from, offer.age_to),
             texts("list_separator").join(Names(site, texts).district(d).text for d in offer.districts),
             texts("offer_free") if offer.free else ""]
    return " · ".join(part for part in parts if part)


def version_filters(language: str, offer: Offer, interface_languages: list[str]) -> dict[str, list[str]]:
    """The hidden filters of an indexed page in `language`: see VERSION_FILTER."""
    if language != GERMAN:
        return {VERSION_FILTER: [language]}
    return {VERSION_FILTER: [GERMAN],
            TRANSLATED_FILTER: [code for code in interface_languages if code in offer.translations]}
