"""What WeasyPrint's PDF/UA-1 lacks, corrected while catalogue/render/pdf/layout.py writes the catalogue.

Checked by two independent validators in tests/test_pdf.py (page-validation, profile ua1, and outloud). WeasyPrint
(68–70) writes a tagged PDF with three gaps that our PDFs would otherwise have:

- Running heads and page numbers (the @page margin boxes) are marked as content with ids that no structure
  element uses; ISO 14289-1 7.8 wants them as artifacts. They are drawn here inside
  „/Artifact <</Type /Pagination /Subtype /Header>>“ (or /Footer) and left out of the structure tree.
  Borders and backgrounds (the lines between offers) are artifacts in WeasyPrint already.
- A glyph that shares its cluster with another one (an Indic vowel sign drawn before its consonant, a Thai
  or Arabic mark) is mapped to no text at all in the ToUnicode map, which PDF/UA 7.21.7 forbids: its text is
  already in the other glyph's mapping, so it is mapped to WORD JOINER (U+2060), which adds nothing a reader or
  a search would see.
- Link annotations lack the Print flag (ISO 14289-1 7.18.1 with PDF 1.7's 12.5.3: annotations that readers
  should get are printed), and say their target only as an id; the finisher sets the flag and says in words
  where each link inside the document leads.

WeasyPrint gives every box inside a link an annotation of its own, tagged under that box instead of the Link
element (7.18.5), and a link that is itself a flex item no annotation at all: layouts/pdf/ therefore keeps
links free of elements (the page numbers stand beside them) and never makes a link a flex item.

A table's header cells get their /Scope (header_scopes), which WeasyPrint leaves out.
"""

from __future__ import annotations

import contextlib

WORD_JOINER = "\u2060"
PRINT_FLAG = 4  # annotation flag bit 3


def _artifact_properties(at_keyword: str):
    import pydyf

    properties = {"Type": "/Pagination"}
    if at_keyword.startswith("@top"):
        properties["Subtype"] = "/Header"
    elif at_keyword.startswith("@bottom"):
        properties["Subtype"] = "/Footer"
    return pydyf.Dictionary(properties)


@contextlib.contextmanager
def corrections():
    """While WeasyPrint writes a PDF: margin boxes as pagination artifacts, every glyph mapped to text."""
    import pydyf
    from weasyprint import draw
    from weasyprint import pdf as weasyprint_pdf
    from weasyprint.formatting_structure import boxes
    from weasyprint.pdf import tags

    original_draw = draw.draw_stacking_context
    original_tree = tags._build_box_tree
    original_fonts = weasyprint_pdf.build_fonts_dictionary

    def draw_stacking_context(stream, stacking_context):
        box = stacking_context.box
        if not isinstance(box, boxes.MarginBox) or stream._tags is None:
            return original_draw(stream, stacking_context)
        marked, stream._tags = stream._tags, None  # nothing inside is marked as content
        pydyf.Stream.begin_marked_content(stream, "Artifact", _artifact_properties(box.at_keyword))
        try:
            return original_draw(stream, stacking_context)
        finally:
            pydyf.Stream.end_marked_content(stream)
            stream._tags = marked

    def build_box_tree(box, *args, **kwargs):
        if isinstance(box, boxes.MarginBox):
            return iter(())  # drawn as an artifact: not in the structure tree
        return original_tree(box, *args, **kwargs)

    def build_fonts_dictionary(pdf, fonts, *args, **kwargs):
        for font in fonts.values():
            for glyph, text in font.to_unicode.items():
                if not text:
                    font.to_unicode[glyph] = WORD_JOINER
        return original_fonts(pdf, fonts, *args, **kwargs)

    draw.draw_stacking_context = draw_stacking_context
    tags._build_box_tree = build_box_tree
    weasyprint_pdf.build_fonts_dictionary = build_fonts_dictionary
    try:
        yield
    finally:
        draw.draw_stacking_context = original_draw
        tags._build_box_tree = original_tree
        weasyprint_pdf.build_fonts_dictionary = original_fonts


def finisher(descriptions: dict[str, str]):
    """A finisher for WeasyPrint: every annotation printed, and each link inside the document described in words
    (/Contents, which PDF/UA wants for every link), e.g. „Elterntelefon, Seite 4“ instead of WeasyPrint's id
    „jugend_zeltlager“."""
    import pydyf

    def finish(document, pdf_file) -> None:
        for item in pdf_file.objects:
            if not isinstance(item, pydyf.Dictionary) or item.get("Type") != "/Annot":
                continue
            item["F"] = PRINT_FLAG
            if item.get("Subtype") == "/Link" and isinstance(item.get("Dest"), pydyf.String) and \
                    item["Dest"].string in descriptions:
                item["Contents"] = pydyf.String(descriptions[item["Dest"].string])

    return finish


def header_scopes(finish):
    """For the tables of layouts/pdf/needs.html (the gap report, the catalogue's section on needs). WeasyPrint
    tags a header cell with an id („table-row-column“) that the data cells' /Headers name, and with
    no /Scope: a header that no data cell names (the one over the row headers) would have no meaning (PDF/UA
    7.5). Every header cell gets its scope: the first row's are column headers, the others row headers."""
    import pydyf

    def finisher(document, pdf_file) -> None:
        finish(document, pdf_file)
        for item in pdf_file.objects:
            if isinstance(item, pydyf.Dictionary) and item.get("S") == "/TH" and isinstance(item.get("ID"),
                                                                                              pydyf.String):
                row = item["ID"].string.split("-")[-2]
                attributes = item.get("A") if isinstance(item.get("A"), pydyf.Dictionary) else pydyf.Dictionary(
                    {"O": "/Table"})
                attributes["Scope"] = "/Column" if row == "0" else "/Row"
                item["A"] = attributes

    return finisher
