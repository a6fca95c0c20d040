"""Partners' Markdown to safe HTML.

Partner files are untrusted. Raw HTML in them is not interpreted at all (it
shows as text, and `check` asks for the Markdown way), and everything
Python-Markdown writes still passes nh3, an allow-list sanitizer, before it
reaches a page. Headings are shifted so that the body fits under the page's own
headings, whatever level the partner started at.
"""

from __future__ import annotations

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


class MarkdownRenderer:
    """One converter per process; Python-Markdown instances are reused with reset()."""

    def __init__(self):
        self._markdown = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
        self._markdown.preprocessors.deregister("html_block")
        self._markdown.inlinePatterns.deregister("html")
        self._shift = _ShiftHeadings(self._markdown)
        self._markdown.treeprocessors.register(self._shift, "shift_headings", 1)

    def render(self, text: str, base_level: int = 2, root: str = "") -> str:
        """HTML for a body whose first heading becomes <h{base_level}>; links to bilder/ are made relative."""
        self._shift.base_level = base_level
        html = self._markdown.reset().convert(text)

        def relative_images(tag, attribute, value):
            if (tag, attribute) in (("img", "src"), ("a", "href")) and value.startswith("bilder/"):
                return root + value
            return value

        return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                         attribute_filter=relative_images, link_rel="noopener noreferrer")
