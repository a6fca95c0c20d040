"""Where the pages of each language and each version of an offer live in the site; for the build that writes
them and the templates that link them."""

from __future__ import annotations

from .i18n import GERMAN
from .languages import EASY_GERMAN

EASY_OFFERS = "leichte-sprache/angebote/"


def language_prefix(language: str) -> str:
    """German at the root, every other interface language in a folder of its code."""
    return "" if language == GERMAN else f"{language}/"


def offer_path(offer_id: str, version: str) -> str:
    """The page of one version of an offer. Leichte Sprache has its own area; other languages their folder."""
    if version == EASY_GERMAN:
        return f"{EASY_OFFERS}{offer_id}/"
    return f"{language_prefix(version)}angebote/{offer_id}/"
