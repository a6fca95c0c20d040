"""Where the pages of each language and each version of an offer live in the site; for the build that writes
them and the templates that link them."""

from __future__ import annotations

from catalogue.model.i18n import GERMAN
from catalogue.model.languages import EASY_GERMAN

EASY_OFFERS = "leichte-sprache/angebote/"
GAPS_FOLDER = "luecken"  # the gap report, its CSV tables beside it
DATA_FOLDER = "daten"  # the open data page and its files
# Hex digits of the content's hash in the name of the stylesheet and each script (assets/style.3f2a9c1b0d.css);
# the web servers' caching rules (webserver.py) know them by it.
ASSET_HASH_LENGTH = 10


def language_prefix(language: str) -> str:
    """German at the root, every other interface language in a folder of its code."""
    return "" if language == GERMAN else f"{language}/"


def offer_url(site, offer_id: str, version: str = GERMAN) -> str:
    """The absolute address of an offer's page, from basis_url: for feeds, exports and QR codes."""
    return site.base_url + offer_path(offer_id, version)


def offer_path(offer_id: str, version: str) -> str:
    """The page of one version of an offer. Leichte Sprache has its own area; other languages their folder."""
    if version == EASY_GERMAN:
        return f"{EASY_OFFERS}{offer_id}/"
    return f"{language_prefix(version)}angebote/{offer_id}/"
