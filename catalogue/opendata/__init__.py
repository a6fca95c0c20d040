"""The catalogue as open data: the same offers for other systems (HSDS, spreadsheets, calendars, feeds).

The exports are German, the language of the content files. An invented example (`beispiel: true`) says so in
every export that has a place for it, as its page does, so that no one re-publishes it as a real offer.
"""

from __future__ import annotations

from ..model import Offer

EXAMPLE_NOTE = "Erfundenes Beispiel: Dieses Angebot gibt es so nicht."


def title(offer: Offer) -> str:
    """The offer's title, marked when it is an invented example."""
    return f"{offer.title} (Beispiel)" if offer.example else offer.title
