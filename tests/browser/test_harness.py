"""The checks of this folder catch what they are meant to catch: each runs on a small page that breaks it
(and on one that does not, so that a check that always fails would show up too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys

from .checks import (TEXT_SPACING, axe_violations, axe_violations_by_scheme, clipped_text, focus_indicator_problems,
                     horizontal_overflow, keyboard_walk, skip_link_problems, skip_link_state, start_vnu,
                     tab_order_problems, vnu_errors)
from .conftest import VNU_JAR, Server, require

STYLE = """
body { font: 16px/1.4 sans-serif; color: #111; background: #fff; margin: 0; padding: 8px; }
a { color: #0645ad; }
a:focus-visible { outline: 3px solid #0645ad; outline-offset: 2px; }
.skip { position: absolute; left: 8px; top: -100px; background: #fff; }
.skip:focus { top: 8px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
                   white-space: nowrap; }
"""


def document(body: str, style: str = "", title: str = "Testseite") -> str:
    return (f'<!doctype html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<style>{STYLE}{style}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n')


GOOD = document("""<a class="skip" href="#inhalt">Zum Inhalt springen</a>
<header><nav aria-label="Hauptnavigation"><a href="#a">Eins</a> <a href="#b">Zwei</a></nav></header>
<main id="inhalt" tabindex="-1"><h1>Gut</h1><p>Ein Absatz mit <a href="#c">einem Link</a>.</p>
<p class="visually-hidden">Nur für Screenreader, mit viel mehr Text als in ein Pixel passt.</p>
<details><summary>Mehr</summary><p><a href="#d">versteckt, solange zu</a></p></details>
<form><label for="f">Suche</label> <input id="f" type="search"> <button>Los</button></form></main>""")

PAGES = {
    "gut.html": GOOD,
    "axe.html": document('<main><h1>Bild</h1><img src="x.png"><p style="color:#bbb">blass</p></main>'),
    "dunkel.html": document('<main><h1>Dunkel</h1><p>Text</p></main>',
                            "@media (prefers-color-scheme: dark) { body { background: #000; color: #333; } }"),
    "breit.html": document('<main><h1>Breit</h1><div style="width: 480px">Zu breit für 320 px.</div></main>'),
    "eng.html": document('<main><h1>Eng</h1>'
                         '<div style="height: 1.3em; line-height: 1.2; overflow: hidden">Eine Zeile</div></main>'),
    "ohne-sprunglink.html": document('<header><a href="#a">Eins</a></header>'
                                     '<main id="inhalt" tabindex="-1"><h1>Ohne</h1></main>'),
    "versteckter-sprunglink.html": document('<a class="visually-hidden" href="#inhalt">Zum Inhalt</a>'
                                            '<main id="inhalt" tabindex="-1"><h1>Versteckt</h1></main>'),
    "main-ohne-tabindex.html": document('<a class="skip" href="#inhalt">Zum Inhalt</a>'
                                        '<main id="inhalt"><h1>Kein tabindex</h1></main>'),
    "ohne-fokus.html": document('<a class="skip" href="#inhalt">Zum Inhalt</a><main id="inhalt" tabindex="-1">'
                                '<h1>Ohne Fokus</h1><p><a class="x" href="#a">Link</a></p></main>',
                                "a.x:focus, a.x:focus-visible { outline: none; }"),
    "fokusdieb.html": document('<a class="skip" href="#inhalt">Zum Inhalt</a><main id="inhalt" tabindex="-1">'
                               '<h1>Dieb</h1><p><a href="#1" onfocus="document.getElementById(\'vier\').focus()">'
                               'zwei</a> <a href="#3">drei</a> <a id="vier" href="#4">vier</a></p></main>'),
    "ungueltig.html": "<!doctype html><html lang=de><head><meta charset=utf-8></head>"
                      "<body><p><div>kein Titel, div in p</div></p></body></html>",
}


@pytest.fixture(scope="session")
def examples(tmp_path_factory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("beispielseiten")
    for name, html in PAGES.items():
        (folder / name).write_text(html, encoding="utf-8")
    server = Server(folder)
    yield folder, server.origin
    server.close()


@pytest.fixture
def open_example(browser, examples):
    def open_(name: str):
        browser.open(f"{examples[1]}/{name}")
    return open_


def test_axe_finds_missing_alt_and_low_contrast(browser, open_example):
    open_example("gut.html")
    assert axe_violations(browser) == []
    open_example("axe.html")
    assert {"image-alt", "color-contrast"} <= {v["id"] for v in axe_violations(browser)}


def test_axe_sees_the_dark_colour_scheme(browser, open_example):
    open_example("dunkel.html")
    by_scheme = axe_violations_by_scheme(browser)
    assert "color-contrast" not in {v["id"] for v in by_scheme["light"]}
    assert "color-contrast" in {v["id"] for v in by_scheme["dark"]}
    browser.set_color_scheme("light")
    open_example("dunkel.html")
    assert "color-contrast" not in {v["id"] for v in axe_violations(browser)}


def test_reflow_finds_a_page_wider_than_320_px(browser, open_example):
    open_example("breit.html")
    overflow = horizontal_overflow(browser)
    assert overflow["scrollWidth"] <= overflow["clientWidth"]
    browser.set_viewport(320, 640)
    browser.hide_scrollbars()
    open_example("breit.html")
    overflow = horizontal_overflow(browser)
    assert overflow["clientWidth"] == 320
    assert overflow["scrollWidth"] > overflow["clientWidth"]
    assert any("480" in culprit or "div" in culprit for culprit in overflow["culprits"]), overflow


def test_text_spacing_finds_clipped_text_and_ignores_visually_hidden_text(browser, open_example):
    browser.set_viewport(320, 640)
    for name in ("eng.html", "gut.html"):
        open_example(name)
        assert clipped_text(browser) == [], name
    open_example("gut.html")
    browser.add_style(TEXT_SPACING)
    assert clipped_text(browser) == []
    open_example("eng.html")
    browser.add_style(TEXT_SPACING)
    clipped = clipped_text(browser)
    assert len(clipped) == 1 and "Eine Zeile" in clipped[0], clipped


def first_tab(browser, open_example, name: str) -> dict:
    open_example(name)
    browser.press(Keys.TAB)
    browser.settle()
    return skip_link_state(browser)


def test_skip_link_check(browser, open_example):
    assert skip_link_problems(first_tab(browser, open_example, "gut.html")) == []
    assert "nicht den Sprunglink" in str(skip_link_problems(first_tab(browser, open_example, "ohne-sprunglink.html")))
    assert "1 × 1 px" in str(skip_link_problems(first_tab(browser, open_example, "versteckter-sprunglink.html")))


def test_enter_on_skip_link_needs_a_focusable_main(browser, open_example):
    for name, into_main in (("gut.html", True), ("main-ohne-tabindex.html", False)):
        first_tab(browser, open_example, name)
        browser.press(Keys.ENTER)
        browser.settle()
        assert skip_link_state(browser)["inMain"] is into_main, name


def test_tab_walk_on_a_good_page(browser, open_example):
    open_example("gut.html")
    walk = keyboard_walk(browser)
    reached = [stop["description"] for stop in walk["stops"]]
    assert len(reached) == 7 and "Zum Inhalt" in reached[0] and "Los" in reached[-1], reached
    assert not any("versteckt" in description for description in reached)
    assert tab_order_problems(walk) == []
    assert focus_indicator_problems(walk) == []


def test_tab_walk_finds_a_link_without_focus_indicator(browser, open_example):
    open_example("ohne-fokus.html")
    walk = keyboard_walk(browser)
    assert tab_order_problems(walk) == []
    problems = focus_indicator_problems(walk)
    assert len(problems) == 1 and "a.x" in problems[0], problems


def test_tab_walk_finds_skipped_controls(browser, open_example):
    open_example("fokusdieb.html")
    problems = tab_order_problems(keyboard_walk(browser))
    assert problems and "zwei" in problems[0] and "drei" in problems[0], problems


def test_vnu_finds_errors_and_passes_valid_html(examples):
    require(VNU_JAR, "Installieren Sie die Werkzeuge: npm ci --prefix tests/browser (oder python3 dev.py test).")
    folder = examples[0]
    errors = vnu_errors(start_vnu([folder / "gut.html", folder / "ungueltig.html"]))
    assert set(errors) == {(folder / "ungueltig.html").resolve()}, errors
    messages = " ".join(m["message"] for m in errors[(folder / "ungueltig.html").resolve()])
    assert "title" in messages and "p" in messages, messages
