"""Content accessibility checks on what partners write: most barriers on real sites come from content.

Each finding names the file and line. They are warnings (errors with --strict), except raw HTML, which is
an error: the page would show it as text. The Markdown body is read line by line; code blocks are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath

from catalogue.messages import problem
from catalogue.problems import ERROR, WARNING, ContentProblem
from catalogue.read.files import SourceFile

GENERIC_ALT_TEXTS = {"bild", "foto", "grafik", "image", "img", "picture", "photo", "abbildung", "symbolbild",
                     "logo", "bild:", "foto:"}
IMAGE_FILE = re.compile(r"\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?)$", re.IGNORECASE)
VAGUE_LINK_TEXTS = {"hier", "klicken sie hier", "hier klicken", "bitte hier klicken", "mehr", "mehr dazu",
                    "mehr erfahren", "mehr infos", "mehr informationen", "weiter", "weiterlesen", "link", "klick",
                    "click here", "here", "more", "read more"}
LONG_SENTENCE_WORDS = 25
HEADING = re.compile(r"^(#{1,6})\s+\S")
FENCE = re.compile(r"^\s*(```|~~~)")
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)[^)]*\)")
URL_TEXT = re.compile(r"(https?://|www\.)\S+")
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
BARE_URL = re.compile(r"(?<![(<\[])\bhttps?://[^\s)>\]]+")
# A mail link whose headers add recipients (?bcc=, &cc=, &to=) would copy families' mails to someone else; the
# link's target or an address in angle brackets (<x@example.org?bcc=…>, which Markdown also makes a link).
MAIL_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?(mailto:[^)\s>]+)|<((?:mailto:)?[^<> !]+@[^@<> ]+)>", re.IGNORECASE)
SAFE_MAIL_HEADERS = {"subject", "body"}
RAW_HTML = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)(\s[^>]*)?/?>")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(\.[\w-]+)*\.[a-zA-Z]{2,}")
PHONE = re.compile(r"(?<![\w/])(\+49[\s/-]?|0)\d{2,5}[\s/-]?\d{2,}([\s-]?\d{2,})*(?![\w/])")
ALL_CAPS = re.compile(r"\b[A-ZÄÖÜ]{5,}\b")
BOLD_LINE = re.compile(r"^\s*(\*\*|__)[^*_]+(\*\*|__)\s*:?\s*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)\s*$")
LIST_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9„\"])")

MARKDOWN_FOR_HTML = {
    "b": "**fett**", "strong": "**fett**", "i": "*kursiv*", "em": "*kursiv*",
    "a": "[Linktext](https://www.example.org)", "br": "eine leere Zeile für einen neuen Absatz",
    "p": "eine leere Zeile zwischen zwei Absätzen", "img": "![Was auf dem Bild zu sehen ist](bilder/datei.jpg)",
    "ul": "Zeilen, die mit „- “ beginnen", "ol": "Zeilen, die mit „1. “ beginnen", "li": "„- Punkt“",
    "h1": "## Überschrift", "h2": "## Überschrift", "h3": "### Überschrift", "h4": "#### Überschrift",
    "table": "eine Markdown-Tabelle: | Spalte | Spalte | und darunter |---|---|",
    "u": "*kursiv* (Unterstreichen sieht aus wie ein Link)", "center": "nichts: Texte stehen immer links",
    "font": "nichts: Schrift und Farbe bestimmt die Website",
}

# lint() with its file given (has_contact_fields may still be passed): how whoever reads a file hands out its
# findings, maybe remembered from the last time the same bytes were read
Linter = Callable[..., list[ContentProblem]]

MARKDOWN_INSTEAD = ("den Text ohne HTML: Absätze mit einer leeren Zeile dazwischen, **fett**, Listen mit „- “, "
                    "Links als [Text](https://…)")


def lint(source: SourceFile, has_contact_fields: bool = False) -> list[ContentProblem]:
    """has_contact_fields: the file has a place for phone and e-mail (an offer's kontakt), so they do not
    belong in its body; an Impressum must name them in its text."""
    problems = _lint_front_matter_image(source)
    problems += _lint_body(source, has_contact_fields)
    return problems


def _alt_problem(alt: str, file_name: str) -> str | None:
    """What is wrong with an alt text, or None."""
    text = alt.strip()
    if not text:
        return "leer"
    if IMAGE_FILE.search(text) or text == PurePosixPath(file_name).name:
        return "ein Dateiname"
    if text.lower().rstrip(".") in GENERIC_ALT_TEXTS:
        return f"nur das Wort „{text}“"
    return None


def _lint_front_matter_image(source: SourceFile) -> list[ContentProblem]:
    image = source.data.get("bild")
    if not isinstance(image, dict) or not isinstance(image.get("alt"), str) or image.get("dekorativ") is True:
        return []
    issue = _alt_problem(image["alt"], str(image.get("datei", "")))
    if issue is None or issue == "leer":  # an empty one is already an error of the schema
        return []
    return [problem("lint_alt", source.path, source.line_of(["bild", "alt"]), "bild → alt", severity=WARNING,
                    issue=issue)]


def _body_lines(source: SourceFile):
    """(line number in the file, text) of the body's lines outside code blocks."""
    in_code = False
    for offset, text in enumerate(source.body.split("\n")):
        if FENCE.match(text):
            in_code = not in_code
            continue
        if not in_code and not text.startswith(("    ", "\t")):
            yield source.body_first_line + offset, text


def _lint_body(source: SourceFile, has_contact_fields: bool) -> list[ContentProblem]:
    problems: list[ContentProblem] = []
    lines = list(_body_lines(source))

    def add(name, line, severity=WARNING, **values):
        problems.append(problem(name, source.path, line, "Beschreibung", severity=severity, **values))

    previous_level = None
    for index, (line, text) in enumerate(lines):
        level, heading_line = _heading_level(lines, index)
        if level:
            if level == 1:
                add("lint_heading_h1", heading_line)
            elif previous_level is None and level > 2:
                add("lint_heading_first", heading_line, marks="#" * level)
            elif previous_level is not None and level > previous_level + 1:
                add("lint_heading_skip", heading_line, level=level, previous=previous_level)
            previous_level = level
        without_code = re.sub(r"`[^`]*`", "", text)
        tag = RAW_HTML.search(AUTOLINK.sub("", without_code))
        if tag:  # once per line: <b>…</b> is one mistake
            add("lint_raw_html", line, severity=ERROR, tag=tag.group(0),
                markdown=MARKDOWN_FOR_HTML.get(tag.group(1).lower(), MARKDOWN_INSTEAD))
        for match in IMAGE.finditer(text):
            issue = _alt_problem(match.group(1), match.group(2))
            if issue:
                add("lint_alt", line, issue=issue)
        for match in LINK.finditer(text):
            label = match.group(1).strip()
            if label.lower().rstrip(".!:") in VAGUE_LINK_TEXTS:
                add("lint_link_vague", line, text=label)
            elif URL_TEXT.fullmatch(label):
                add("lint_link_bare", line, text=label)
        for match in MAIL_LINK.finditer(without_code):
            address = match.group(1) or match.group(2)
            to, _, query = address.lower().removeprefix("mailto:").partition("?")
            headers = sorted({pair.partition("=")[0] for pair in re.split(r"[&;]", query) if pair} - SAFE_MAIL_HEADERS)
            if headers or to.count("@") > 1 or "%40" in to:  # also a second address before the „?“
                add("lint_mail_recipients", line, severity=ERROR, address=address,
                    headers=", ".join(headers) or "@")
        # What a reader sees as text: links by their text (one already reported for its address as text drops
        # out), no images, no HTML tags (reported above; autolinks such as <https://…> are not tags).
        linkless = LINK.sub(lambda m: "" if URL_TEXT.fullmatch(m.group(1).strip()) else m.group(1),
                            IMAGE.sub("", RAW_HTML.sub(" ", text)))
        for match in list(AUTOLINK.finditer(linkless)) + list(BARE_URL.finditer(AUTOLINK.sub("", linkless))):
            address = match.group(1) if match.re is AUTOLINK else match.group(0).rstrip(".,;:!?")
            add("lint_link_bare", line, text=address)
        plain = AUTOLINK.sub("", BARE_URL.sub("", linkless))
        for match in ALL_CAPS.finditer(plain):
            add("lint_all_caps", line, word=match.group(0))
        if BOLD_LINE.match(text) and _starts_paragraph(lines, index):
            add("lint_bold_heading", line, text=text.strip().strip("*_: "))
        if has_contact_fields and EMAIL.search(plain):
            add("lint_contact_in_body", line, what="eine E-Mail-Adresse", value=EMAIL.search(plain).group(0))
        elif has_contact_fields and PHONE.search(plain):
            add("lint_contact_in_body", line, what="eine Telefonnummer", value=PHONE.search(plain).group(0).strip())
        if TABLE_SEPARATOR.match(text) and "|" in text and index > 0 and not re.sub(r"[|\s]", "", lines[index - 1][1]):
            add("lint_table_header", lines[index - 1][0])
    problems += _long_sentences(source, lines)
    return problems


def _heading_level(lines, index) -> tuple[int, int]:
    """(level, line) of the heading that lines[index] makes: „## Text“, or the line below a text that underlines
    it with „===“ (level 1) or „---“ (level 2); (0, 0) when it makes none."""
    line, text = lines[index]
    heading = HEADING.match(text)
    if heading:
        return len(heading.group(1)), line
    underline = SETEXT_UNDERLINE.match(text)
    if underline and index > 0:
        above_line, above = lines[index - 1]
        if above_line == line - 1 and above.strip() and not LIST_ITEM.match(above) and not HEADING.match(above) \
                and not above.lstrip().startswith(("|", ">")) and not SETEXT_UNDERLINE.match(above):
            return (1 if underline.group(1)[0] == "=" else 2), above_line
    return 0, 0


def _starts_paragraph(lines, index) -> bool:
    return index == 0 or not lines[index - 1][1].strip()


def _paragraphs(lines):
    """Runs of text lines as (line, text) pairs; each list item is a paragraph of its own."""
    current = []
    for line, text in lines:
        stripped = text.strip()
        item = re.match(r"^(?:[-*+]|\d+\.)\s+(.*)", stripped)
        if not stripped or HEADING.match(text) or stripped.startswith("|") or item:
            if current:
                yield current
            current = [(line, item.group(1))] if item else []
        else:
            current.append((line, stripped))
    if current:
        yield current


def _long_sentences(source: SourceFile, lines) -> list[ContentProblem]:
    """Sentences of more than 25 words; the line is where the sentence starts."""
    problems = []
    for paragraph in _paragraphs(lines):
        text, starts = "", []
        for line, part in paragraph:
            starts.append((len(text), line))
            text += part + " "
        position = 0
        for sentence in SENTENCE_END.split(text.strip()):
            position = text.find(sentence, position)
            words = len(re.findall(r"\w+", LINK.sub(lambda m: m.group(1), sentence)))
            if words > LONG_SENTENCE_WORDS:
                line = max(line for offset, line in starts if offset <= position)
                problems.append(problem("lint_long_sentence", source.path, line, "Beschreibung", severity=WARNING,
                                        words=words, limit=LONG_SENTENCE_WORDS))
            position += len(sentence)
    return problems
