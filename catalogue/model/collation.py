"""German sort order (DIN 5007, variant 1): "Ärztliche …" sorts with A, "Straße" with "Strasse"."""

from __future__ import annotations

import unicodedata

_EXPANSIONS = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l"})


def _base_letters(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold().translate(_EXPANSIONS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def german_sort_key(text: str) -> tuple[str, str, str]:
    """Letters without accents first; then accents (a before ä); then case; so the order is total and stable."""
    return (_base_letters(text), unicodedata.normalize("NFD", text.casefold()), text)
