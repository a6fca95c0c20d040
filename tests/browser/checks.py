"""The checks themselves, apart from the pages they run on, so that test_harness.py can prove each one fails
on a page that breaks it. Every function returns findings (empty when the page is fine) and a function that
turns them into a German report for the person who fixes the templates.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from axe_selenium_python import Axe
from selenium.webdriver.common.keys import Keys

from .conftest import AXE_JS, VNU_JAR, Browser

# --- search and Content-Security-Policy -------------------------------------------------------------------

RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""

WAIT_FOR_RESULTS = """
const done = arguments[arguments.length - 1];
const started = Date.now();
(function poll() {
  const status = document.getElementById('suche-status');
  const list = document.getElementById('suche-ergebnisse');
  const text = status ? status.textContent : '';
  const match = text.match(/^(\\d+) Angebot/);
  const expected = match ? Math.min(Number(match[1]), 20) : (/Kein Angebot/.test(text) ? 0 : -1);
  const busy = document.querySelector('.search__results[aria-busy]');
  if (expected >= 0 && list.children.length === expected && !busy) return done(text);
  if (Date.now() - started > 15000) return done('TIMEOUT: ' + text);
  setTimeout(poll, 50);
})();
"""


# --- axe-core -----------------------------------------------------------------------------------------------

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_OPTIONS = json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
NODES_SHOWN = 5


def axe_violations(browser: Browser) -> list[dict]:
    """axe-core from npm (the copy inside axe_selenium_python is from 2018 and hangs on the 2.1/2.2 tags)."""
    axe = Axe(browser.driver, script_url=str(AXE_JS))
    axe.inject()
    return axe.run(options=AXE_OPTIONS)["violations"]


def axe_violations_by_scheme(browser: Browser) -> dict[str, list[dict]]:
    """The loaded page checked in the light, then in the dark colour scheme (no reload needed)."""
    results = {}
    for scheme in ("light", "dark"):
        browser.set_color_scheme(scheme)
        browser.settle()
        results[scheme] = axe_violations(browser)
    return results


def axe_report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} – {violation['helpUrl']}"
                     f" [{len(nodes)} Stelle{'n' if len(nodes) != 1 else ''}]")
        for node in nodes[:NODES_SHOWN]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
            lines.extend(f"      {line}" for line in (node.get("failureSummary") or "").splitlines())
        if len(nodes) > NODES_SHOWN:
            lines.append(f"    … und {len(nodes) - NODES_SHOWN} weitere")
    return "\n".join(lines)


# --- Reflow (WCAG 1.4.10) and text spacing (WCAG 1.4.12) ----------------------------------------------------

# The values of WCAG 1.4.12, as the usual text-spacing bookmarklet sets them.
TEXT_SPACING = """
*, *::before, *::after {
  line-height: 1.5 !important;
  letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important;
}
p { margin-bottom: 2em !important; }
"""

DESCRIBE = r"""
function describe(el) {
  if (!el || el.nodeType !== 1) return String(el);
  let name = el.localName + (el.id ? '#' + el.id : '');
  for (const c of el.classList) name += '.' + c;
  const href = el.getAttribute('href');
  if (href !== null) name += `[href="${href}"]`;
  const parent = el.parentElement;
  const path = parent && parent !== document.body && parent !== document.documentElement
    ? (parent.localName + (parent.id ? '#' + parent.id : '') + [...parent.classList].map(c => '.' + c).join('')) + ' > '
    : '';
  const text = (el.innerText || el.getAttribute('aria-label') || el.value || '').trim().replace(/\s+/g, ' ');
  return path + name + (text ? ` „${text.length > 50 ? text.slice(0, 50) + '…' : text}“` : '');
}
"""

HORIZONTAL_OVERFLOW = DESCRIBE + r"""
const root = document.documentElement;
const width = root.clientWidth;
// The innermost elements that reach past the right edge: the ones to fix.
const wide = [...document.body.querySelectorAll('*')].filter(el => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.right > width + 1;
});
const innermost = wide.filter(el => !wide.some(other => other !== el && el.contains(other)));
return {
  scrollWidth: root.scrollWidth,
  clientWidth: width,
  culprits: innermost.slice(0, 8).map(el => {
    const r = el.getBoundingClientRect();
    return `${describe(el)}: ${Math.round(r.left)}–${Math.round(r.right)} px`;
  }),
};
"""

CLIPPED_TEXT = DESCRIBE + r"""
const CLIPS = ['hidden', 'clip'];
function hasText(el) {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.data.trim() && node.parentElement.checkVisibility({visibilityProperty: true})) return true;
  }
  return false;
}
const found = [];
function check(el, style, box, scrollWidth, scrollHeight, clientWidth, clientHeight) {
  if (!hasText(el)) return;
  if (CLIPS.includes(style.overflowY) && scrollHeight > clientHeight + 1)
    found.push(`${describe(box)}: ${scrollHeight - clientHeight} px Text abgeschnitten (unten, overflow-y: ${style.overflowY})`);
  if (CLIPS.includes(style.overflowX) && scrollWidth > clientWidth + 1)
    found.push(`${describe(box)}: ${scrollWidth - clientWidth} px Text abgeschnitten (rechts, overflow-x: ${style.overflowX})`);
}
// The viewport clips with the overflow of <html>, or of <body> when <html> leaves it visible.
const root = document.documentElement, body = document.body;
const rootStyle = getComputedStyle(root);
const bodyPropagates = rootStyle.overflowX === 'visible' && rootStyle.overflowY === 'visible';
const viewportStyle = bodyPropagates ? getComputedStyle(body) : rootStyle;
check(body, viewportStyle, bodyPropagates ? body : root, root.scrollWidth, root.scrollHeight, root.clientWidth,
      root.clientHeight);
for (const el of body.querySelectorAll('*')) {
  const style = getComputedStyle(el);
  if (!CLIPS.includes(style.overflowX) && !CLIPS.includes(style.overflowY)) continue;
  const r = el.getBoundingClientRect();
  if (r.width <= 1 || r.height <= 1) continue;  // the visually-hidden pattern: text for screen readers only
  if (!el.checkVisibility({visibilityProperty: true})) continue;
  check(el, style, el, el.scrollWidth, el.scrollHeight, el.clientWidth, el.clientHeight);
}
if (!bodyPropagates) {
  const style = getComputedStyle(body);
  check(body, style, body, body.scrollWidth, body.scrollHeight, body.clientWidth, body.clientHeight);
}
return found;
"""


def horizontal_overflow(browser: Browser) -> dict:
    """{scrollWidth, clientWidth, culprits} of the page as it is now."""
    return browser.run(HORIZONTAL_OVERFLOW)


def overflow_report(overflow: dict) -> str:
    culprits = "\n".join(f"  {c}" for c in overflow["culprits"]) or "  (kein einzelnes Element gefunden)"
    return (f"Die Seite ist {overflow['scrollWidth']} px breit, sichtbar sind {overflow['clientWidth']} px: "
            f"man muss waagerecht scrollen. Über den rechten Rand ragen:\n{culprits}")


def clipped_text(browser: Browser) -> list[str]:
    """Text containers with overflow hidden/clip whose content does not fit: text that is cut off."""
    return browser.run(CLIPPED_TEXT)


# --- Keyboard -----------------------------------------------------------------------------------------------

SKIP_LINK_STATE = DESCRIBE + r"""
const el = document.activeElement;
const mains = [...document.querySelectorAll('main')].filter(m => !m.hidden);
const style = el ? getComputedStyle(el) : null;
const r = el ? el.getBoundingClientRect() : null;
let clipped = false;
const clip = style && /rect\(([-\d.]+)px,? ([-\d.]+)px,? ([-\d.]+)px,? ([-\d.]+)px\)/.exec(style.clip);
if (clip && ['absolute', 'fixed'].includes(style.position)) {
  const [top, right, bottom, left] = clip.slice(1).map(Number);
  clipped = right - left < 2 || bottom - top < 2;
}
if (style && /inset\((50|100)%\)/.test(style.clipPath)) clipped = true;
return {
  focused: describe(el),
  tag: el ? el.localName : null,
  href: el ? el.getAttribute('href') : null,
  mains: mains.length,
  mainId: mains.length ? mains[0].id : null,
  rect: r ? {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height} : null,
  viewport: {width: document.documentElement.clientWidth, height: window.innerHeight},
  rendered: el ? el.checkVisibility({opacityProperty: true, visibilityProperty: true}) : false,
  clipped,
  inMain: mains.length === 1 && mains[0].contains(el),
};
"""


def skip_link_state(browser: Browser) -> dict:
    return browser.run(SKIP_LINK_STATE)


def skip_link_problems(state: dict) -> list[str]:
    """Is the focused element the skip link to <main>, and can one see it?"""
    problems = []
    if state["mains"] != 1:
        return [f"Die Seite hat {state['mains']} sichtbare <main>-Elemente, erwartet ist genau eines."]
    if not state["mainId"]:
        return ["<main> hat keine id, also kann kein Sprunglink darauf zeigen."]
    if state["tag"] != "a" or state["href"] != "#" + state["mainId"]:
        return [f"Der erste Tab-Druck fokussiert {state['focused']}, nicht den Sprunglink "
                f"<a href=\"#{state['mainId']}\"> zu <main>."]
    r, viewport = state["rect"], state["viewport"]
    if r["width"] < 2 or r["height"] < 2:
        problems.append(f"Der fokussierte Sprunglink ist {r['width']:.0f} × {r['height']:.0f} px groß, "
                        "also nicht zu sehen.")
    if r["left"] < -1 or r["top"] < -1 or r["right"] > viewport["width"] + 1 or r["bottom"] > viewport["height"] + 1:
        problems.append(f"Der fokussierte Sprunglink liegt nicht ganz im Fenster ({viewport['width']} × "
                        f"{viewport['height']} px): links {r['left']:.0f}, oben {r['top']:.0f}, "
                        f"rechts {r['right']:.0f}, unten {r['bottom']:.0f}.")
    if not state["rendered"]:
        problems.append("Der fokussierte Sprunglink ist unsichtbar (display, visibility oder opacity).")
    if state["clipped"]:
        problems.append("Der fokussierte Sprunglink ist weggeschnitten (clip oder clip-path).")
    return problems


FOCUS_PROPERTIES = ("outline-style", "outline-width", "outline-color", "outline-offset", "box-shadow",
                    "background-color", "text-decoration-line", "text-decoration-style", "text-decoration-color",
                    "text-decoration-thickness")

STYLES = r"""
const PROPERTIES = %s;
function transparent(color) {
  return color === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(color) || /\/\s*0\)$/.test(color);
}
function styles(el) {
  const s = getComputedStyle(el);
  const result = {};
  for (const p of PROPERTIES) result[p] = s.getPropertyValue(p);
  result.outlineVisible = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !transparent(s.outlineColor);
  // A shadow shows when one of its layers has a colour and an offset, a blur or a spread.
  result.shadowVisible = s.boxShadow !== 'none' && s.boxShadow.split(/,(?![^(]*\))/).some(layer => {
    const color = (layer.match(/(rgba?|hsla?|color|oklch|oklab|lab|lch)\([^)]*\)/) || ['rgb(0, 0, 0)'])[0];
    const lengths = (layer.replace(color, '').match(/-?[\d.]+px/g) || []).map(parseFloat);
    return !transparent(color) && lengths.some(n => n !== 0);
  });
  return result;
}
""" % json.dumps(FOCUS_PROPERTIES)

PREPARE_KEYBOARD = DESCRIBE + STYLES + r"""
const SELECTOR = 'a[href], area[href], button, input, select, textarea, summary, iframe, object, embed, ' +
  'audio[controls], video[controls], [tabindex], [contenteditable]:not([contenteditable="false"])';
function tabbable(el) {
  if (el.closest('[inert]') || el.matches(':disabled') || el.matches('input[type=hidden]')) return false;
  if (el.tabIndex < 0) return false;
  if (el.localName === 'summary') {
    const details = el.parentElement;
    if (!details || details.localName !== 'details' || details.querySelector(':scope > summary') !== el) return false;
  }
  return el.checkVisibility({visibilityProperty: true});
}
let elements = [...document.querySelectorAll(SELECTOR)].filter(tabbable);
// Of a group of radio buttons only the checked one (or the first) is a tab stop.
elements = elements.filter(el => {
  if (el.localName !== 'input' || el.type !== 'radio' || !el.name) return true;
  const group = elements.filter(o => o.localName === 'input' && o.type === 'radio' && o.name === el.name && o.form === el.form);
  return el === (group.find(o => o.checked) || group[0]);
});
// Sequential navigation: positive tabindex first (ascending), then the rest in document order.
const order = elements.map((el, i) => [el.tabIndex > 0 ? el.tabIndex : Infinity, i, el])
  .sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(x => x[2]);
// Chromium also stops on scroll containers without focusable content; those are allowed, not required.
const scrollers = [...document.body.querySelectorAll('*')].filter(el => {
  if (order.includes(el)) return false;
  const s = getComputedStyle(el);
  const scrolls = (['auto', 'scroll'].includes(s.overflowX) && el.scrollWidth > el.clientWidth) ||
                  (['auto', 'scroll'].includes(s.overflowY) && el.scrollHeight > el.clientHeight);
  return scrolls && !order.some(o => el.contains(o));
});
window.__keyboard = {elements: [...order, ...scrollers]};
return window.__keyboard.elements.map((el, i) => ({
  nr: i, description: describe(el), required: i < order.length, unfocused: styles(el),
}));
"""

FOCUSED = DESCRIBE + STYLES + r"""
const done = arguments[arguments.length - 1];
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) { done(null); return; }
const finite = document.getAnimations().filter(a => a.effect && isFinite(a.effect.getComputedTiming().endTime));
const timeout = new Promise(resolve => setTimeout(resolve, 3000));
Promise.race([Promise.all(finite.map(a => a.finished.catch(() => null))), timeout]).then(() => {
  const nr = window.__keyboard.elements.indexOf(el);
  done({nr: nr < 0 ? null : nr, description: describe(el), focused: styles(el), focusVisible: el.matches(':focus-visible')});
});
"""


def keyboard_walk(browser: Browser) -> dict:
    """From a freshly loaded page, presses Tab until focus leaves the page or comes back to the first stop.

    Returns {"elements": every tab stop the page should have (with its unfocused styles),
             "stops": every element Tab reached, in order (with its focused styles)}.
    """
    elements = browser.run(PREPARE_KEYBOARD)
    stops: list[dict] = []
    for _ in range(len(elements) + 10):
        browser.press(Keys.TAB)
        stop = browser.run_async(FOCUSED)
        if stop is None:
            break
        if stops and stop["nr"] is not None and stop["nr"] == stops[0]["nr"]:
            break  # round the page once
        if stops and stop["description"] == stops[-1]["description"] and stop["nr"] == stops[-1]["nr"]:
            continue  # e.g. Tab inside an iframe: the page's focus stays on the iframe
        stops.append(stop)
    return {"elements": elements, "stops": stops}


def tab_order_problems(walk: dict) -> list[str]:
    """Tab must reach every tab stop of the page once, in document order (positive tabindex first)."""
    elements = walk["elements"]
    names = {e["nr"]: e["description"] for e in elements}
    expected = [e["nr"] for e in elements if e["required"]]
    optional = {e["nr"] for e in elements if not e["required"]}
    reached = [s["nr"] for s in walk["stops"] if s["nr"] is not None and s["nr"] not in optional]
    strangers = [s["description"] for s in walk["stops"] if s["nr"] is None]
    problems = []
    missing = [nr for nr in expected if nr not in reached]
    if missing:
        problems.append("Mit Tab nicht erreichbar:\n" + "\n".join(f"  {names[nr]}" for nr in missing))
    if strangers:
        problems.append("Tab hält an Elementen, die keine Tab-Stopps sein sollten:\n"
                        + "\n".join(f"  {d}" for d in strangers))
    if reached != [nr for nr in expected if nr in reached]:
        listing = "\n".join(f"  {i}. {names[nr]}" for i, nr in enumerate(reached, 1))
        wanted = "\n".join(f"  {i}. {names[nr]}" for i, nr in enumerate(expected, 1))
        problems.append(f"Reihenfolge mit Tab:\n{listing}\nerwartet (Reihenfolge im Dokument):\n{wanted}")
    return problems


def focus_indicator_problems(walk: dict) -> list[str]:
    """Every stop must look different when focused: outline, box-shadow, background or text decoration
    changes, and there is a visible outline, a visible box-shadow or a changed background."""
    unfocused = {e["nr"]: e["unfocused"] for e in walk["elements"]}
    problems = []
    for stop in walk["stops"]:
        if stop["nr"] is None:
            continue  # reported by tab_order_problems
        before, after = unfocused[stop["nr"]], stop["focused"]
        changed = [p for p in FOCUS_PROPERTIES if before[p] != after[p]]
        shows = (after["outlineVisible"] or after["shadowVisible"]
                 or before["background-color"] != after["background-color"])
        if changed and shows:
            continue
        reason = ("nichts an outline, box-shadow, background-color oder text-decoration ändert sich"
                  if not changed else
                  f"es ändert sich nur {', '.join(changed)}; nötig ist eine sichtbare outline, ein sichtbarer "
                  "box-shadow oder eine andere Hintergrundfarbe")
        details = ", ".join(f"{p}: {after[p]}" for p in ("outline-style", "outline-width", "outline-color",
                                                         "box-shadow", "background-color"))
        problems.append(f"{stop['description']}: keine Fokusanzeige – {reason} (fokussiert: {details})")
    return problems


# --- Nu Html Checker ----------------------------------------------------------------------------------------


def start_vnu(files: list[Path]) -> subprocess.Popen:
    """Starts one vnu run over many files (the JVM starts once); collect with vnu_errors()."""
    return subprocess.Popen(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout",
                             *map(str, files)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def vnu_errors(process: subprocess.Popen, timeout: float = 300) -> dict[Path, list[dict]]:
    """File → its error messages. Messages about no file in particular are listed under Path('.')."""
    out, err = process.communicate(timeout=timeout)
    try:
        messages = json.loads(out)["messages"]
    except (json.JSONDecodeError, KeyError) as error:
        raise RuntimeError(f"vnu lieferte kein JSON (Exit-Code {process.returncode}):\n{out}\n{err}") from error
    errors: dict[Path, list[dict]] = {}
    for message in messages:
        if message.get("type") in ("error", "non-document-error"):
            url = message.get("url", "")
            path = Path(url.removeprefix("file:")).resolve() if url.startswith("file:") else Path(".")
            errors.setdefault(path, []).append(message)
    return errors


def vnu_report(file: Path, messages: list[dict]) -> str:
    return "\n".join(
        f"{file}:{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}: {m.get('message')}"
        + (f"\n    {m['extract'].strip()}" if m.get("extract") else "")
        for m in messages)


# Every layout shift since the page began, buffered: the page must not move while its scripts start.
LAYOUT_SHIFTS = """
const done = arguments[arguments.length - 1];
const shifts = [];
new PerformanceObserver((entries) => {
  for (const entry of entries.getEntries()) {
    shifts.push({value: entry.value, sources: (entry.sources || []).map((s) => s.node ? (s.node.className || s.node.nodeName) : '?')});
  }
}).observe({type: 'layout-shift', buffered: true});
setTimeout(() => done(shifts), 500);
"""
