"""Every message of `check` (catalogue.messages.MESSAGES) with the hand-kept examples beside it."""

from __future__ import annotations

import re
import string

import yaml

from catalogue.commands.reference.common import GENERATED, MESSAGE_EXAMPLES, REPO
from catalogue.messages import MESSAGES


MESSAGES_INTRO = """\
# Was die Prüfung meldet

Hier steht jede Meldung der Prüfung mit einem Beispiel. Im Pull Request steht dieselbe Meldung als Kasten
an der Zeile. Auf dem eigenen Computer (`python build.py check`) sieht sie so aus:

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


def message_entry(name: str, kept: dict | None) -> str:
    message, hint = MESSAGES[name]
    if kept is None:  # a new message nobody has written an example for yet: its own words, and say so
        return (f"<!-- meldung: {name} -->\n#### {placeholder_text(message)}\n\n"
                f"**Meldung:** {placeholder_text(message)}\n\n**So beheben Sie es:** {placeholder_text(hint)}\n\n"
                f"(Noch ohne Beispiel: in `{MESSAGE_EXAMPLES.as_posix()}` ergänzen.)\n\n")
    return (f"<!-- meldung: {name} -->\n#### {kept['titel']}\n\n```text\n{kept['beispiel'].rstrip(chr(10))}\n```\n\n"
            f"{kept['erklaerung'].strip()}\n\n")


def message_examples() -> dict:
    return yaml.safe_load((REPO / MESSAGE_EXAMPLES).read_text(encoding="utf-8"))


def messages_reference() -> str:
    """Every message of MESSAGES once: in the group and order of the examples file, then those it lacks."""
    parts = [GENERATED.format(source=f"catalogue.messages (MESSAGES) und {MESSAGE_EXAMPLES.name}"), MESSAGES_INTRO]
    contents = []
    groups = message_examples()["gruppen"]
    for group in groups:
        names = [name for name in group["meldungen"] if name in MESSAGES]
        if names:
            contents.append(group["titel"])
    missing = [name for name in MESSAGES if not any(name in group["meldungen"] for group in groups)]
    if missing:
        contents.append("Weitere Meldungen")
    parts.append("## Die Meldungen nach Art\n\n" + "".join(
        f"- [{title}](#{anchor(title)})\n" for title in contents) + "\n")
    for group in groups:
        names = [name for name in group["meldungen"] if name in MESSAGES]
        if not names:
            continue
        parts.append(f"### {group['titel']}\n\n")
        if group.get("einleitung"):
            parts.append(group["einleitung"].strip() + "\n\n")
        for name in names:
            parts.append(message_entry(name, group["meldungen"][name]))
    if missing:
        parts.append("### Weitere Meldungen\n\n")
        for name in missing:
            parts.append(message_entry(name, None))
    return "".join(parts).rstrip("\n") + "\n"


def anchor(heading: str) -> str:
    """GitHub's anchor for a heading (lower case, spaces to hyphens, punctuation dropped)."""
    text = re.sub(r"[`*]", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")
