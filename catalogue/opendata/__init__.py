"""The catalogue as open data: the same offers for other systems (HSDS, spreadsheets, calendars, feeds).

The exports are German, the language of the content files. An invented example (`beispiel: true`) says so in
every export that has a place for it, as its page does, so that no one re-publishes it as a real offer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from catalogue.model.offers import WEEKDAYS, Offer, Place

# The generator serves Kinderstark towns in North Rhine-Westphalia: local times are Berlin's.
TIMEZONE = ZoneInfo("Europe/Berlin")
# The contract's weekdays as iCalendar (RFC 5545) writes them; HSDS's byday uses the same.
RFC_WEEKDAYS = dict(zip(WEEKDAYS, ("MO", "TU", "WE", "TH", "FR", "SA", "SU")))
EXAMPLE_NOTE = "Erfundenes Beispiel: Dieses Angebot gibt es so nicht."


def title(offer: Offer) -> str:
    """The offer's title, marked when it is an invented example."""
    return f"{offer.title} (Beispiel)" if offer.example else offer.title


def place_line(place: Place) -> str:
    """A place in one line: "Familienzentrum Lintorf, Beispielweg 1, 12345 Musterstadt"."""
    return ", ".join(part for part in (place.name, place.street, f"{place.postcode} {place.town}".strip()) if part)


def write(files: dict[Path, bytes]) -> list[Path]:
    """Writes each file, making each folder once (most exports put many files into one); returns the paths."""
    for folder in {path.parent for path in files}:
        folder.mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        path.write_bytes(data)
    return list(files)


def made_anew(kind: str, offer: Offer, make: Callable):
    """How an export gets its part for one offer (`kind`: "hsds", "ical"): by making it. The build cache passes
    its own (cache.OpenDataParts), which returns the part the last build made when the offer is unchanged."""
    return make()
