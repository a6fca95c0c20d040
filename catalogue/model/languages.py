"""Language codes (ISO 639-1) and their names, from pycountry's copy of the ISO tables and translations."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

EASY_GERMAN = "ls"  # Leichte Sprache: a version of an offer, not a language code


@cache
def _codes() -> frozenset[str]:
    return frozenset(language.alpha_2 for language in pycountry.languages if hasattr(language, "alpha_2"))


def is_language_code(code: str) -> bool:
    return code in _codes()


def known_codes() -> list[str]:
    return sorted(_codes())


@cache
def _translation(locale: str):
    return gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=[locale], fallback=True)


@cache
def language_name(code: str, in_language: str = "de") -> str:
    """"tr" → "Türkisch" (in German), as shown on badges and in filters."""
    language = pycountry.languages.get(alpha_2=code)
    if language is None:
        return code
    return _translation(in_language).gettext(language.name)


def html_lang(code: str) -> str:
    """The lang attribute of a text in `code`: Leichte Sprache is German."""
    return "de" if code == EASY_GERMAN else code


def hreflang(code: str) -> str:
    """The hreflang of a version: Leichte Sprache is German with a private-use subtag (BCP 47), so that it
    stays apart from the German version; "ls" is no language code."""
    return "de-x-ls" if code == EASY_GERMAN else code


def own_name(code: str) -> str:
    """A language's name in itself, as a language switcher shows it: "Türkçe", "العربية", "Українська"."""
    name = language_name(code, code)
    return name[:1].upper() + name[1:]
