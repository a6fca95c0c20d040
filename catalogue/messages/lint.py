"""What a partner is told about the accessibility of the content itself: headings, links, alternative texts, capitals,
text in HTML (check/lint.py)."""

LINT: dict[str, tuple[str, str]] = {
    "lint_alt": (
        "Der Alternativtext des Bildes ist {issue}: Wer das Bild nicht sieht, erfährt nicht, was darauf ist.",
        "Beschreiben Sie in einem kurzen Satz, was auf dem Bild zu sehen ist, z. B. „Zwei Kinder bauen mit "
        "Holzklötzen einen Turm“.",
    ),
    "lint_mail_recipients": (
        "Der E-Mail-Link „{address}“ schickt jede Mail auch an andere Empfänger ({headers}): Wer ihn anklickt, "
        "schreibt, ohne es zu sehen, auch an diese Adressen.",
        "Schreiben Sie nur eine Adresse, z. B. [Schreiben Sie uns](mailto:info@example.org); einen Betreff "
        "dürfen Sie mit ?subject=… anhängen, weitere Empfänger (to, cc, bcc) nicht.",
    ),
    "lint_heading_h1": (
        "Die Überschrift beginnt mit „# “. Das ist die Hauptüberschrift, und die hat die Seite schon: den Titel.",
        "Beginnen Sie Überschriften in der Beschreibung mit „## “, Unterüberschriften mit „### “.",
    ),
    "lint_heading_first": (
        "Die erste Überschrift der Beschreibung beginnt mit „{marks} “. Überschriften beginnen mit „## “; wer "
        "mit einem Screenreader von Überschrift zu Überschrift springt, sucht sonst die fehlenden Ebenen.",
        "Beginnen Sie die erste Überschrift mit „## “ und Unterüberschriften darunter mit „### “.",
    ),
    "lint_heading_skip": (
        "Die Überschrift springt von Ebene {previous} auf Ebene {level}; wer mit einem Screenreader von "
        "Überschrift zu Überschrift springt, sucht dann die fehlende Ebene.",
        "Verwenden Sie höchstens ein „#“ mehr als bei der Überschrift darüber.",
    ),
    "lint_link_vague": (
        "Der Linktext „{text}“ sagt nicht, wohin der Link führt; Screenreader lesen Links oft ohne den Satz "
        "drumherum vor.",
        "Schreiben Sie als Linktext, was man dort findet, z. B. [Anmeldeformular für den Schwimmkurs](https://…).",
    ),
    "lint_link_bare": (
        "Die Internetadresse „{text}“ steht als Linktext; Screenreader lesen sie Zeichen für Zeichen vor.",
        "Schreiben Sie einen Linktext, der sagt, was man dort findet: [Programm des Familienzentrums](https://…). "
        "Die Internetseite des Angebots gehört unter „kontakt:“ → „web:“.",
    ),
    "lint_all_caps": (
        "„{word}“ ist in Großbuchstaben geschrieben; das ist schwer zu lesen, und Screenreader buchstabieren "
        "es manchmal.",
        "Schreiben Sie das Wort in normaler Schreibweise; zum Hervorheben **fett**.",
    ),
    "lint_long_sentence": (
        "Ein Satz hat {words} Wörter; ab {limit} Wörtern ist ein Satz für viele Menschen schwer zu verstehen.",
        "Teilen Sie ihn in kurze Sätze, eine Aussage pro Satz. Die Regeln für Leichte Sprache helfen dabei.",
    ),
    "lint_table_header": (
        "Die Tabelle hat keine Kopfzeile; Screenreader können die Spalten dann nicht benennen.",
        "Schreiben Sie in die erste Zeile der Tabelle, was in jeder Spalte steht, z. B. „| Tag | Uhrzeit |“.",
    ),
    "lint_bold_heading": (
        "„{text}“ ist fett geschrieben und steht wie eine Überschrift; Screenreader erkennen es nicht als "
        "Überschrift.",
        "Schreiben Sie „## {text}“ statt „**{text}**“.",
    ),
    "lint_contact_in_body": (
        "In der Beschreibung steht {what} ({value}); dort ist sie nicht anklickbar und wird bei Änderungen "
        "leicht vergessen.",
        "Tragen Sie sie unter „kontakt:“ ein (bei „telefon:“ oder „email:“); die Seite zeigt sie dann als Link.",
    ),
    "lint_raw_html": (
        "In der Beschreibung steht HTML ({tag}); die Seite zeigt es nicht als Formatierung, sondern als Text.",
        "Schreiben Sie stattdessen {markdown}.",
    ),
}
