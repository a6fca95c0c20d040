"""The interface's fixed texts: one translation table per language in layouts/i18n/, German first.

A text that a template asks for and the table lacks stops the build; a page
never shows a key or an empty place instead of words.
"""

from __future__ import annotations

from pathlib import Path

import yaml


class MissingText(LookupError):
    pass


class Texts:
    def __init__(self, table: dict, language: str):
        self.table = table
        self.language = language

    @classmethod
    def load(cls, layouts_dir: Path, language: str = "de") -> "Texts":
        path = layouts_dir / "i18n" / f"{language}.yaml"
        return cls(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader), language)

    def __call__(self, key: str, **values) -> str:
        try:
            text = self.table[key]
        except KeyError:
            raise MissingText(f"Text „{key}“ fehlt in layouts/i18n/{self.language}.yaml") from None
        if isinstance(text, dict):  # plural forms
            text = text["one"] if values.get("count") == 1 else text["other"]
        return text.format(**values) if values else text

    def raw(self, key: str):
        """An entry as written, placeholders and plural forms unfilled: for texts the browser fills in."""
        if key not in self.table:
            raise MissingText(f"Text „{key}“ fehlt in layouts/i18n/{self.language}.yaml")
        return self.table[key]

    def list(self, key: str) -> list[str]:
        """A list entry, such as the names of the months."""
        value = self.table.get(key)
        if not isinstance(value, list):
            raise MissingText(f"Liste „{key}“ fehlt in layouts/i18n/{self.language}.yaml")
        return value
