"""Every message of `check` (catalogue.messages.MESSAGES) with the hand-kept examples beside it.

A short overview (docs/partner/referenz/meldungen.md: how to read a message, then each group with the titles
of its messages) and one page per group of meldungen-beispiele.yaml in docs/partner/referenz/meldungen/, each
short enough to read in one sitting. Messages without an example go on the page „Weitere Meldungen“."""

from __future__ import annotations

import re
import string
from pathlib import Path

import yaml

from catalogue.commands.reference.common import GENERATED, MESSAGE_EXAMPLES, MESSAGE_PAGES, MESSAGE_REFERENCE, REPO
from catalogue.messages import MESSAGES


MESSAGES_INTRO = """\
# Was die Prüfung meldet

Hier steht jede Meldung der Prüfung, nach Art geordnet. Jede Art hat eine eigene Seite mit einem Beispiel
und einer Erklärung zu jeder Meldung. Im Pull Request steht dieselbe Meldung als Kasten an der Zeile. Auf dem eigenen Computer (`python build.py check`) sieht sie so aus:

```text
Fehler: content/angebote/spielgruppe-lintorf.md:7 (Zeile 7), Angabe „stadteile“
  Die Angabe „stadteile“ gibt es hier nicht. Meinten Sie „stadtteile“?
  So beheben Sie es: Schreiben Sie „stadtteile“. Erlaubt sind: titel, kurz, anbieter, …
```

Die erste Zeile nennt die Art (Fehler, Warnung oder Hinweis), die Datei, die Zeile und die Angabe. Bei
Listen steht dabei, der wievielte Eintrag gemeint ist, zum Beispiel „stadtteile → 2. Eintrag“. Die Zeile ist
die Stelle, an der die Prüfung den Fehler bemerkt. Manchmal liegt er eine Zeile darüber. Oft führt ein Fehler
zu einem zweiten. Beheben Sie die Meldungen von oben nach unten.

- **Fehler** müssen Sie beheben. Solange es einen Fehler gibt, kann die Website nicht gebaut werden.
- **Warnungen** halten den Bau nicht auf. Im Pull Request zählen sie in Ihren Dateien aber wie Fehler.
- **Hinweise** sind für die Koordination. Sie halten nie etwas auf.

Wie Sie die Prüfung im Pull Request lesen, steht in der [Anleitung](../anleitungen/pruefung-lesen.md).

"""


def placeholder_text(template: str) -> str:
    """A message template with each {field} shown as „…“."""
    return "".join(literal + ("…" if field is not None else "")
                   for literal, field, _, _ in string.Formatter().parse(template))


SOURCE = f"catalogue.messages (MESSAGES) und {MESSAGE_EXAMPLES.name}"
MORE = "Weitere Meldungen"
MORE_INTRO = ("Für diese Meldungen gibt es noch kein Beispiel. Hier steht ihr Text, wie die Prüfung ihn zeigt;\n"
              "„…“ steht für die Stelle, die die Prüfung einsetzt.")


def message_title(name: str, kept: dict | None) -> str:
    return kept["titel"] if kept is not None else placeholder_text(MESSAGES[name][0])


def message_entry(name: str, kept: dict | None) -> str:
    message, hint = MESSAGES[name]
    if kept is None:  # a new message nobody has written an example for yet: its own words, and say so
        return (f"<!-- meldung: {name} -->\n## {placeholder_text(message)}\n\n"
                f"**Meldung:** {placeholder_text(message)}\n\n**So beheben Sie es:** {placeholder_text(hint)}\n\n"
                f"(Noch ohne Beispiel: in `{MESSAGE_EXAMPLES.as_posix()}` ergänzen.)\n\n")
    return (f"<!-- meldung: {name} -->\n## {kept['titel']}\n\n```text\n{kept['beispiel'].rstrip(chr(10))}\n```\n\n"
            f"{kept['erklaerung'].strip()}\n\n")


def message_examples() -> dict:
    return yaml.safe_load((REPO / MESSAGE_EXAMPLES).read_text(encoding="utf-8"))


def message_groups() -> list[tuple[str, str, dict[str, dict | None]]]:
    """(title, intro, {message name: its kept example or None}) of each group that has a message: in the order
    of the examples file, then „Weitere Meldungen“ with every message the file lacks."""
    groups = message_examples()["gruppen"]
    found = []
    for group in groups:
        kept = {name: example for name, example in group["meldungen"].items() if name in MESSAGES}
        if kept:
            found.append((group["titel"], (group.get("einleitung") or "").strip(), kept))
    missing = {name: None for name in MESSAGES if not any(name in group["meldungen"] for group in groups)}
    if missing:
        found.append((MORE, MORE_INTRO, missing))
    return found


def slug(title: str) -> str:
    """The file name of a group's page: „Das PDF des Katalogs“ → das-pdf-des-katalogs."""
    text = title.lower()
    for letter, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(letter, spelled)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def group_page(title: str) -> Path:
    return MESSAGE_PAGES / f"{slug(title)}.md"


def page_heading(title: str) -> str:
    """The first heading of a group's page: says what the page is to a partner who comes from a link."""
    return f"Was die Prüfung meldet: {title}"


def group_text(title: str, intro: str, kept: dict[str, dict | None]) -> str:
    back = f"../{MESSAGE_REFERENCE.name}"
    parts = [GENERATED.format(source=SOURCE), f"# {page_heading(title)}\n\n"]
    if intro:
        parts.append(intro + "\n\n")
    parts.append(f"Diese Seite gehört zu [Was die Prüfung meldet]({back}). Dort steht, wie Sie eine Meldung lesen\n"
                 f"und welche Arten von Meldungen es noch gibt.\n\n")
    parts.extend(message_entry(name, example) for name, example in kept.items())
    return "".join(parts).rstrip("\n") + "\n"


def overview_text(groups: list) -> str:
    parts = [GENERATED.format(source=SOURCE), MESSAGES_INTRO, "## Die Meldungen nach Art\n\n"]
    for title, _, kept in groups:
        link = f"{MESSAGE_PAGES.name}/{group_page(title).name}"
        parts.append(f"### [{title}]({link})\n\n")
        used = {anchor(page_heading(title))}  # the page's own heading comes first
        for name, example in kept.items():
            heading = message_title(name, example)
            parts.append(f"- [{heading}]({link}#{unique_anchor(heading, used)})\n")
        parts.append("\n")
    return "".join(parts).rstrip("\n") + "\n"


def messages_pages() -> dict[Path, str]:
    """The overview and the page of each group (relative to the repository) with their texts."""
    groups = message_groups()
    pages = {MESSAGE_REFERENCE: overview_text(groups)}
    for title, intro, kept in groups:
        pages[group_page(title)] = group_text(title, intro, kept)
    return pages


def anchor(heading: str) -> str:
    """GitHub's anchor for a heading (lower case, spaces to hyphens, punctuation dropped)."""
    text = re.sub(r"[`*]", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def unique_anchor(heading: str, used: set[str]) -> str:
    """The anchor GitHub gives the heading on a page where the anchors in `used` come before it (a repeated one
    gets -1, -2, …); adds it to `used`."""
    first = anchor(heading)
    found, number = first, 0
    while found in used:
        number += 1
        found = f"{first}-{number}"
    used.add(found)
    return found
