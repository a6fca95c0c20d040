"""Which characters the catalogue PDF cannot show, and in which file, line and key a partner wrote them.

The PDF uses the system's fonts through fontconfig, as WeasyPrint (Pango) does: the fonts layouts/pdf/katalog.css
names first, then any installed font that has the character (dev.py installs Debian's Noto fonts, which cover
nearly every script and the emoji). A character that no installed font has would be drawn as the empty box of
„.notdef“, which PDF/UA forbids; so it is left out of the PDF, and the partner who wrote it is told where.
The website is not affected: a browser may still find a font for it on the reader's device.

Coverage is asked of fontconfig once per process (the union of the character sets of every font Pango can use:
TrueType and CFF); without fontconfig every character counts as covered, and WeasyPrint's own warning about a
.notdef glyph (caught in catalogue/render/pdf/document.py) is the second line of defence.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from catalogue.check.schemas import key_label
from catalogue.messages import problem
from catalogue.model.catalogue import Catalogue
from catalogue.problems import WARNING, ContentProblem, shown
from catalogue.read.files import ContentLoader, SourceFile, read_markdown_file, read_yaml_file

ANY = object()  # any list index or mapping key in a printed key path
# The keys whose values the PDF prints (layouts/pdf/katalog.html and offer.html), by kind of content file.
PRINTED_IN_OFFERS = (("titel",), ("kurz",), ("kosten",), ("anmeldung",),
                     *(("orte", ANY, key) for key in ("name", "strasse", "plz", "ort", "hinweis")),
                     ("zeiten", ANY, "hinweis"), ("termine", ANY, "hinweis"),
                     *(("kontakt", key) for key in ("name", "telefon", "email", "web")))
PRINTED_IN_PROVIDERS = (("name",), ("telefon",))
PRINTED_IN_SITE = (("titel",), ("stadt",), ("basis_url",),
                   *(("herausgeber", key) for key in ("name", "adresse", "telefon", "email")),
                   ("lebensphasen", ANY, "name"), ("lebensphasen", ANY, "beschreibung"),
                   ("stadtteile", ANY), ("barrierefreiheit", ANY))
# Fonts Pango (≥ 1.44) can use; fontconfig also lists Type 1 and bitmap fonts, which it cannot.
PANGO_FONT_FORMATS = (b"TrueType", b"CFF")
# Drawn as nothing at all (Pango's default ignorables), so never missing: variation selectors, joiners, tags, …
_IGNORABLE_RANGES = ((0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F), (0x3164, 0x3164),
                     (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0xE0000, 0xE0FFF))


def invisible(character: str) -> bool:
    """Whitespace, control and format characters and the other default ignorables: no glyph is drawn."""
    code = ord(character)
    return (unicodedata.category(character) in ("Cc", "Cf", "Zs", "Zl", "Zp")
            or any(first <= code <= last for first, last in _IGNORABLE_RANGES))


_FONTCONFIG_API = """
    typedef int FcBool;
    typedef unsigned char FcChar8;
    typedef unsigned int FcChar32;
    typedef struct _FcConfig FcConfig;
    typedef struct _FcPattern FcPattern;
    typedef struct _FcCharSet FcCharSet;
    typedef struct _FcObjectSet FcObjectSet;
    typedef struct _FcFontSet { int nfont; int sfont; FcPattern **fonts; } FcFontSet;
    typedef enum { FcResultMatch, FcResultNoMatch, FcResultTypeMismatch, FcResultNoId,
                   FcResultOutOfMemory } FcResult;
    FcPattern *FcPatternCreate (void);
    void FcPatternDestroy (FcPattern *p);
    FcObjectSet *FcObjectSetCreate (void);
    FcBool FcObjectSetAdd (FcObjectSet *os, const char *object);
    void FcObjectSetDestroy (FcObjectSet *os);
    FcFontSet *FcFontList (FcConfig *config, FcPattern *p, FcObjectSet *os);
    void FcFontSetDestroy (FcFontSet *s);
    FcResult FcPatternGetString (const FcPattern *p, const char *object, int n, FcChar8 **s);
    FcResult FcPatternGetCharSet (const FcPattern *p, const char *object, int n, FcCharSet **c);
    FcCharSet *FcCharSetCreate (void);
    FcBool FcCharSetMerge (FcCharSet *a, const FcCharSet *b, FcBool *changed);
    FcBool FcCharSetHasChar (const FcCharSet *fcs, FcChar32 ucs4);
"""
_FONTCONFIG_NAMES = ("libfontconfig.so.1", "libfontconfig-1", "fontconfig-1", "fontconfig", "libfontconfig.1.dylib",
                     "libfontconfig-1.dll")


class Coverage:
    """Which characters some installed font has, as fontconfig knows it (the fonts Pango may fall back to)."""

    def __init__(self):
        self._known: dict[str, bool] = {}
        self._charset = None
        try:
            self._load()
        except (OSError, ImportError, AttributeError):
            self._charset = None  # no fontconfig: WeasyPrint's own warning remains

    def _load(self) -> None:
        from cffi import FFI

        ffi = FFI()
        ffi.cdef(_FONTCONFIG_API)
        library = None
        for name in _FONTCONFIG_NAMES:
            try:
                library = ffi.dlopen(name)
                break
            except OSError:
                continue
        if library is None:
            raise OSError("fontconfig")
        pattern = library.FcPatternCreate()
        objects = library.FcObjectSetCreate()
        library.FcObjectSetAdd(objects, b"charset")
        library.FcObjectSetAdd(objects, b"fontformat")
        fonts = library.FcFontList(ffi.NULL, pattern, objects)  # NULL: the current configuration, as Pango's
        union = library.FcCharSetCreate()
        try:
            for index in range(fonts.nfont if fonts != ffi.NULL else 0):
                font = fonts.fonts[index]
                font_format, charset = ffi.new("FcChar8 **"), ffi.new("FcCharSet **")
                if library.FcPatternGetString(font, b"fontformat", 0, font_format) != library.FcResultMatch:
                    continue
                if ffi.string(font_format[0]) not in PANGO_FONT_FORMATS:
                    continue
                if library.FcPatternGetCharSet(font, b"charset", 0, charset) == library.FcResultMatch:
                    library.FcCharSetMerge(union, charset[0], ffi.NULL)
        finally:
            if fonts != ffi.NULL:
                library.FcFontSetDestroy(fonts)
            library.FcObjectSetDestroy(objects)
            library.FcPatternDestroy(pattern)
        self._library, self._charset = library, union  # kept for the life of the process

    def has(self, character: str) -> bool:
        known = self._known.get(character)
        if known is None:
            known = self._known[character] = (self._charset is None or invisible(character)
                                              or bool(self._library.FcCharSetHasChar(self._charset, ord(character))))
        return known

    def missing(self, characters: Iterable[str]) -> set[str]:
        return {character for character in characters if not self.has(character)}


@functools.cache
def coverage() -> Coverage:
    """Once per process; call it before forking, and the workers inherit it."""
    return Coverage()


def describe(character: str) -> str:
    """„🎵“ (U+1F3B5 MUSICAL NOTE); a character without a name says what kind it is."""
    return f"„{character}“ ({shown(character)})"


@dataclass(frozen=True)
class Printed:
    """A value the PDF prints, where a partner wrote it."""

    path: Path
    key_path: tuple
    text: str
    line: int  # the first line of the value
    source: SourceFile
    node: yaml.Node

    def line_of(self, character: str) -> int:
        """The line on which `character` first occurs in the value (a value may span several lines)."""
        start, end = self.node.start_mark.index, self.node.end_mark.index
        found = self.source.yaml_text.find(character, start, end)
        if found < 0:
            return self.line
        return self.source.yaml_first_line + self.source.yaml_text.count("\n", 0, found)


def _walk(node: yaml.Node, pattern: tuple, path: tuple = ()) -> Iterator[tuple[tuple, yaml.ScalarNode]]:
    if not pattern:
        if isinstance(node, yaml.ScalarNode):
            yield path, node
        return
    step, rest = pattern[0], pattern[1:]
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if step is ANY or key.value == step:
                yield from _walk(value, rest, (*path, key.value))
    elif isinstance(node, yaml.SequenceNode) and step is ANY:
        for index, value in enumerate(node.value):
            yield from _walk(value, rest, (*path, index))


def _printed_in(path: Path, patterns: tuple, markdown: bool = True, needles: Iterable[str] = ()) -> Iterator[Printed]:
    if not path.is_file():
        return
    if needles:
        raw = path.read_text(encoding="utf-8", errors="replace")
        if not any(needle in raw for needle in needles):
            return  # most files: no need to parse them again
    source, _ = read_markdown_file(path) if markdown else read_yaml_file(path)
    if source is None:
        return
    root = yaml.compose(source.yaml_text, Loader=ContentLoader)
    for pattern in patterns:
        for key_path, node in _walk(root, pattern) if root is not None else ():
            yield Printed(path, key_path, node.value, source.yaml_first_line + node.start_mark.line, source, node)


def printed_values(catalogue: Catalogue, content_dir: Path, needles: Iterable[str] = ()) -> Iterator[Printed]:
    """Every value of the content that the PDF prints: site.yaml, the published offers and their providers;
    with `needles`, only from files that hold one of them.

    The files are read again (only when something is to be reported, so the cost does not matter)."""
    needles = tuple(needles)
    yield from _printed_in(content_dir / "site.yaml", PRINTED_IN_SITE, markdown=False, needles=needles)
    providers = dict.fromkeys(offer.provider_id for offer in catalogue.offers)
    for provider_id in sorted(providers):
        yield from _printed_in(content_dir / "anbieter" / f"{provider_id}.md", PRINTED_IN_PROVIDERS, needles=needles)
    for offer in catalogue.offers:
        yield from _printed_in(content_dir / "angebote" / f"{offer.id}.md", PRINTED_IN_OFFERS, needles=needles)


def _unprintable(characters: list[str], path: Path, line: int | None, key: str, name: str) -> ContentProblem:
    many = len(characters) > 1
    return problem(name, path, line, key, severity=WARNING, characters=", ".join(describe(c) for c in characters),
                   what="die Zeichen" if many else "das Zeichen", missing="fehlen sie" if many else "fehlt es",
                   them="sie" if many else "es")


def unprintable_problems(characters: Iterable[str], catalogue: Catalogue, content_dir: Path,
                         layouts_dir: Path) -> list[ContentProblem]:
    """One warning per value that holds characters left out of the PDF, with its file, line and key; characters
    found in no content file come from the templates or texts in layouts/."""
    characters = set(characters)
    if not characters:
        return []
    problems, found = [], set()
    # first the files that hold a character as it is; then every file, for one written as a YAML escape ("\ue000")
    for values in (printed_values(catalogue, content_dir, needles=characters),
                   (value for value in printed_values(catalogue, content_dir) if characters - found)):
        for value in values:
            if any(value.path == problem.file and key_label(value.key_path) == problem.key for problem in problems):
                continue
            here = sorted({character for character in value.text if character in characters},
                          key=value.text.index)
            if here:
                found.update(here)
                problems.append(_unprintable(here, value.path, value.line_of(here[0]), key_label(value.key_path),
                                             "pdf_unprintable"))
        if not characters - found:
            break
    rest = sorted(characters - found)
    if rest:
        problems.append(_unprintable(rest, layouts_dir, None, "", "pdf_unprintable_in_layouts"))
    return problems


def content_problem(subject: str, name: str, catalogue: Catalogue, content_dir: Path, **values) -> list[ContentProblem]:
    """The problem `name` of MESSAGES that WeasyPrint reports about `subject` (an address, say), at each printed
    value that holds it; empty when no content file does (then it comes from the templates)."""
    return [problem(name, value.path, value.line, key_label(value.key_path), severity=WARNING, **values)
            for value in printed_values(catalogue, content_dir)
            if len(value.text.strip()) >= 4 and value.text.strip() in subject]
