"""WCAG 1.4.10 Reflow and 1.4.12 Text Spacing: at 320 CSS px nothing scrolls sideways and no text is cut off."""

from __future__ import annotations

from .checks import TEXT_SPACING, clipped_text, horizontal_overflow, overflow_report


def measure_at_320_px(browser, page) -> dict:
    """One page load for both tests: first as designed, then with the text spacing of WCAG 1.4.12."""
    browser.set_viewport(320, 640)
    browser.hide_scrollbars()  # as on a phone: the page gets all 320 px
    browser.open(page)
    plain = horizontal_overflow(browser)
    browser.add_style(TEXT_SPACING)
    return {"plain": plain, "spaced": horizontal_overflow(browser), "clipped": clipped_text(browser)}


def test_no_horizontal_scrolling_at_320_px(browser, once, page):
    overflow = once(("reflow", page.id), lambda: measure_at_320_px(browser, page))["plain"]
    assert overflow["scrollWidth"] <= overflow["clientWidth"], f"{page}, 320 px breit:\n{overflow_report(overflow)}"


def test_text_spacing_at_320_px_neither_scrolls_nor_clips(browser, once, page):
    measured = once(("reflow", page.id), lambda: measure_at_320_px(browser, page))
    overflow, clipped = measured["spaced"], measured["clipped"]
    problems = []
    if overflow["scrollWidth"] > overflow["clientWidth"]:
        problems.append(overflow_report(overflow))
    if clipped:
        problems.append("Abgeschnittener Text:\n" + "\n".join(f"  {c}" for c in clipped))
    assert not problems, (f"{page}, 320 px breit, mit den Textabständen aus WCAG 1.4.12 (Zeilenhöhe 1,5, "
                          f"Buchstabenabstand 0,12 em, Wortabstand 0,16 em, Absatzabstand 2 em):\n"
                          + "\n".join(problems))
