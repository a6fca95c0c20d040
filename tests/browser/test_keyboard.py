"""Keyboard use on one page of every kind: the skip link comes first, shows, and moves focus into <main>;
Tab reaches every control in document order; every focus stop shows that it has focus."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from .checks import focus_indicator_problems, keyboard_walk, skip_link_problems, skip_link_state, tab_order_problems


def test_first_tab_focuses_a_visible_skip_link(browser, representative_page):
    browser.open(representative_page)
    browser.press(Keys.TAB)
    browser.settle()
    problems = skip_link_problems(skip_link_state(browser))
    assert not problems, f"{representative_page}:\n" + "\n".join(problems)


def test_skip_link_moves_focus_into_main(browser, representative_page):
    browser.open(representative_page)
    browser.press(Keys.TAB)
    state = skip_link_state(browser)
    assert state["tag"] == "a" and state["mainId"] and state["href"] == "#" + state["mainId"], \
        f"{representative_page}: Der erste Tab-Druck fokussiert {state['focused']}, keinen Sprunglink zu <main>."
    browser.press(Keys.ENTER)
    browser.settle()
    after = skip_link_state(browser)
    assert after["inMain"], (f"{representative_page}: Nach Enter auf dem Sprunglink hat {after['focused']} den "
                             f"Fokus, nicht <main> oder ein Element darin (tabindex=\"-1\" an <main>?).")


@pytest.fixture
def walk(browser, once, representative_page) -> dict:
    """One walk with Tab through the page, shared by the two tests that look at it."""
    def walk_through():
        browser.open(representative_page)
        return keyboard_walk(browser)
    return once(("keyboard", representative_page.id), walk_through)


def test_tab_reaches_every_control_in_document_order(walk, representative_page):
    problems = tab_order_problems(walk)
    assert not problems, f"{representative_page}:\n" + "\n".join(problems)


def test_every_focus_stop_shows_focus(walk, representative_page):
    assert walk["stops"], f"{representative_page}: Tab erreicht kein einziges Element."
    problems = focus_indicator_problems(walk)
    assert not problems, f"{representative_page}: {len(problems)} Elemente ohne Fokusanzeige:\n" + "\n".join(problems)
