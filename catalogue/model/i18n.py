"""The interface's fixed texts: one translation table per language in layouts/i18n/, German first.

de.yaml holds what every page shows, and every other language has a table with exactly its keys.
nur-deutsch.yaml holds what only German pages show (or shows in German on every page, such as the texts in
Leichte Sprache); German pages get both. A text that a template asks for and the table lacks stops the
build; a page never shows a key or an empty place instead of words.

A table may list keys under `_zu_pruefen`: translations a native speaker should check (see
docs/betrieb/anleitungen/uebersetzungen.md, "Unsichere Stellen prüfen lassen"). Keys beginning with "_" are
notes about the table, not texts.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from babel import Locale
from markupsafe import Markup, escape

GERMAN = "de"
GERMAN_ONLY_TABLE = "nur-deutsch"
REVIEW_KEY = "_zu_pruefen"
# The order of the language switcher: German, then the languages of the Kinderstark families in Ratingen,
# then any other table someone adds, by code.
PREFERRED_ORDER = ("de", "en", "tr", "ar", "uk", "ru")
# Scripts written from right to left (ISO 639-1 codes).
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "dv", "ug", "sd", "ku"})


class MissingText(LookupError):
    pass


def direction(language: str) -> str:
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def spoken_clock(time: str) -> str:
    """"09:30" → "9:30", as it is said and read."""
    hours, _, minutes = time.partition(":")
    return f"{int(hours)}:{minutes}"


def interface_languages(layouts_dir: Path) -> list[str]:
    """The languages the interface has a table for: German first, then the preferred order."""
    codes = {p.stem for p in (layouts_dir / "i18n").glob("*.yaml") if p.stem != GERMAN_ONLY_TABLE}
    return sorted(codes, key=lambda c: (PREFERRED_ORDER.index(c) if c in PREFERRED_ORDER else len(PREFERRED_ORDER), c))


def read_table(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}


@cache
def _plural_rule(language: str):
    return Locale.parse(language).plural_form


class Texts:
    def __init__(self, table: dict, language: str):
        self.table = {key: value for key, value in table.items() if not key.startswith("_")}
        self.language = language
        self.direction = direction(language)

    @classmethod
    def load(cls, layouts_dir: Path, language: str = GERMAN) -> "Texts":
        folder = layouts_dir / "i18n"
        table = read_table(folder / f"{language}.yaml")
        if language == GERMAN:
            table = {**table, **read_table(folder / f"{GERMAN_ONLY_TABLE}.yaml")}
        return cls(table, language)

    def _missing(self, what: str, key: str) -> MissingText:
        table = f"{self.language}.yaml" + (f" oder {GERMAN_ONLY_TABLE}.yaml" if self.language == GERMAN else "")
        return MissingText(f"{what} „{key}“ fehlt in layouts/i18n/{table}")

    def __call__(self, key: str, **values) -> str:
        try:
            text = self.table[key]
        except KeyError:
            raise self._missing("Text", key) from None
        if isinstance(text, dict):  # plural forms, by the language's CLDR categories
            category = _plural_rule(self.language)(values.get("count", 0))
            text = text.get(category, text["other"])
        return text.format(**values) if values else text

    def marked(self, key: str, **values) -> Markup:
        """The text as HTML, its values kept as they are where they are HTML already: a name marked as German
        (<span lang="de">) inside a sentence of another language. The count chooses the plural form."""
        held = {name: value if name == "count" else f"\ue000{name}\ue001" for name, value in values.items()}
        text = str(escape(self(key, **held)))
        for name, value in values.items():
            text = text.replace(f"\ue000{name}\ue001", str(escape(value)))
        return Markup(text)

    def raw(self, key: str):
        """An entry as written, placeholders and plural forms unfilled: for texts the browser fills in."""
        if key not in self.table:
            raise self._missing("Text", key)
        return self.table[key]

    def long_date(self, day) -> str:
        """"22. November 2026", in the table's language."""
        return self("date_long", day=day.day, month=self.list("months")[day.month - 1], year=day.year)

    def list(self, key: str) -> list:
        """A list entry, such as the names of the months."""
        value = self.table.get(key)
        if not isinstance(value, list):
            raise self._missing("Liste", key)
        return value
