"""Partners' Markdown to safe HTML.

Partner files are untrusted. Raw HTML in them is not interpreted at all (it
shows as text, and `check` asks for the Markdown way), and everything
Python-Markdown writes still passes nh3, an allow-list sanitizer, before it
reaches a page. Headings are shifted so that the body fits under the page's own
headings, whatever level the partner started at.

Text in Leichte Sprache puts one statement on each line; its line breaks are kept (nl2br), where Markdown
otherwise joins the lines of a paragraph.
"""

from __future__ import annotations

import functools

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "strong", "em", "a",
    "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "img", "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "img": {"src", "alt", "title"},
                      "th": {"scope", "colspan", "rowspan"}, "td": {"colspan", "rowspan"}, "abbr": {"title"},
                      "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class _ShiftHeadings(Treeprocessor):
    base_level = 2

    def run(self, root):
        headings = [element for element in root.iter() if element.tag in HEADINGS]
        if not headings:
            return
        offset = self.base_level - min(int(h.tag[1]) for h in headings)
        for heading in headings:
            heading.tag = f"h{min(max(int(heading.tag[1]) + offset, self.base_level), 6)}"


def _converter(extensions: list[str]) -> markdown.Markdown:
    converter = markdown.Markdown(extensions=["tables", "sane_lists", *extensions], output_format="html")
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    converter.treeprocessors.register(_ShiftHeadings(converter), "shift_headings", 1)
    return converter


class MarkdownRenderer:
    """Converters made once per process; Python-Markdown instances are reused with reset().

    The same text is rendered once: an offer's German text appears on its page in every interface language
    (with two different ways to the root, the German page's and the others'), and in the open data."""

    def __init__(self):
        self._converters = {False: _converter([]), True: _converter(["nl2br"])}
        self.render = functools.lru_cache(maxsize=1024)(self._render)

    def _render(self, text: str, base_level: int = 2, root: str = "", keep_lines: bool = False) -> str:
        """HTML for a body whose first heading becomes <h{base_level}>; links to bilder/ are made relative.
        keep_lines: every line of the text stays a line (Leichte Sprache)."""
        converter = self._converters[keep_lines]
        converter.treeprocessors["shift_headings"].base_level = base_level
        html = converter.reset().convert(text)

        def relative_images(tag, attribute, value):
            if (tag, attribute) in (("img", "src"), ("a", "href")) and value.startswith("bilder/"):
                return root + value
            return value

        return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                         attribute_filter=relative_images, link_rel="noopener noreferrer")
