"""Descriptions are plain text: HSDS's service description is free text, and consumers show it as such. The Markdown
of an offer or provider is rendered as on the site and read back as text (paragraphs, list items, link addresses
kept)."""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

from catalogue.render.markup import MarkdownRenderer


_renderer = MarkdownRenderer()


class _TextOf(HTMLParser):
    """The text of the HTML the site renders from Markdown: blocks apart by an empty line, list items on
    their own lines ("- " or their number), a link's address after its words."""

    BLOCKS = {"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote", "pre", "table", "hr"}
    LINES = {"li", "dt", "dd", "tr"}

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.lists: list[int | None] = []  # open lists: the next number of an ordered one, None if unordered
        self.links: list[tuple[str, int]] = []  # open links: address, where their words start

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("ul", "ol"):
            self.lists.append(int(attributes.get("start") or 1) if tag == "ol" else None)
        elif tag == "li":
            if not self._at_line_start():
                self.parts.append("\n")  # a list inside a list item
            number = self.lists[-1] if self.lists else None
            self.parts.append("- " if number is None else f"{number}. ")
            if number is not None:
                self.lists[-1] = number + 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "img":
            self.parts.append(attributes.get("alt") or "")
        elif tag == "a":
            self.links.append((attributes.get("href") or "", len(self.parts)))

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag in self.BLOCKS and not (tag in ("ul", "ol") and self.lists):
            self.parts.append("\n\n")
        elif tag in self.LINES and not self._at_line_start():
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            words = "".join(self.parts[start:]).strip()
            address = href.removeprefix("mailto:").removeprefix("tel:")
            if re.match(r"^(https?|mailto|tel):", href) and address != words:
                self.parts.append(f" ({address})")

    def handle_data(self, data):
        if not data.strip() and (self._at_line_start() or self.parts[-1].endswith(" ")):
            return  # the line breaks between tags
        self.parts.append(re.sub(r"\s+", " ", data))

    def _at_line_start(self) -> bool:
        return not self.parts or self.parts[-1].endswith("\n")

    def text(self) -> str:
        text = re.sub(r"[ \t]*\n[ \t]*", "\n", "".join(self.parts))
        return re.sub(r"\n{3,}", "\n\n", text).strip()



# A provider's text is in each of its offers' services (their organization) and in its own organization.
@functools.lru_cache(maxsize=1024)
def plain_text(markdown_text: str) -> str:
    """A Markdown body as plain text, for fields that hold no markup."""
    if not markdown_text.strip():
        return ""
    parser = _TextOf()
    parser.feed(_renderer.render(markdown_text))
    parser.close()
    return parser.text()
