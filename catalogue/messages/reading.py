"""What a partner is told when a file cannot be read: its size, its encoding, YAML that does not parse (libyaml's
English problems put into German), front matter that is missing."""

READING: dict[str, tuple[str, str]] = {
    "file_too_big": (
        "Die Datei ist {size} groß; eine Datei mit Angaben darf höchstens {limit} groß sein. Sie wird nicht gelesen.",
        "Ist es die richtige Datei? Eine Beschreibung ist Text von wenigen Seiten. Kürzen Sie den Text oder "
        "teilen Sie ihn auf mehrere Angebote auf; Bilder gehören als eigene Dateien in den Ordner bilder/.",
    ),
    "control_characters": (
        "In dieser Zeile stehen unsichtbare Steuerzeichen ({characters}); sie wurden beim Lesen entfernt.",
        "Solche Zeichen kommen meist beim Kopieren aus einem anderen Programm mit. Löschen Sie die Zeile und "
        "schreiben Sie sie neu, oder speichern Sie die Datei als reinen Text (UTF-8).",
    ),
    "not_utf8": (
        "Die Datei ist nicht als UTF-8 gespeichert: In Zeile {line_number} steht ein Zeichen, das nicht gelesen werden kann.",
        "Öffnen Sie die Datei im Editor und speichern Sie sie mit der Kodierung „UTF-8“ "
        "(meist unter „Speichern unter …“ → „Codierung“).",
    ),
    "unreadable": (
        "Die Datei kann nicht gelesen werden ({reason}).",
        "Prüfen Sie, ob die Datei vorhanden ist und gelesen werden darf.",
    ),
    "no_front_matter": (
        "Die Datei beginnt nicht mit einem Vorspann zwischen zwei Zeilen „---“.",
        "Schreiben Sie in die erste Zeile nur „---“, darunter die Angaben (z. B. „titel: …“), dann wieder eine "
        "Zeile „---“ und danach die Beschreibung. Die Vorlage catalogue/vorlagen/angebot.md zeigt, wie es aussieht.",
    ),
    "unclosed_front_matter": (
        "Der Vorspann, der in Zeile 1 mit „---“ beginnt, wird nicht mit einer Zeile „---“ beendet.",
        "Setzen Sie nach der letzten Angabe eine Zeile, in der nur „---“ steht.",
    ),
    "yaml_syntax": ("Die Angaben können nicht gelesen werden: {problem}", "{hint}"),
    "not_mapping": (
        "Die Angaben müssen Zeilen der Form „schlüssel: wert“ sein, hier steht aber {found}.",
        "Schreiben Sie jede Angabe in eine eigene Zeile, z. B. „titel: Krabbelgruppe“.",
    ),
    "duplicate_key": (
        "Die Angabe „{key}“ steht zweimal (auch in Zeile {other_line}).",
        "Löschen Sie eine der beiden Zeilen oder fassen Sie sie zusammen.",
    ),
    "missing_site_yaml": (
        "Die Datei site.yaml fehlt; ohne sie kennt der Katalog weder Stadtteile noch Themen.",
        "Legen Sie site.yaml im Inhaltsordner an (Aufbau: siehe Beschreibung des Inhaltsformats).",
    ),
    "not_markdown": (
        "Diese Datei wird nicht gelesen, weil ihr Name nicht auf „.md“ endet.",
        "Benennen Sie sie um, sodass sie auf „.md“ endet, oder löschen Sie sie.",
    ),
    "bad_id": (
        "Der Dateiname „{file_name}“ taugt nicht als Kennung: {reason}.",
        "Benennen Sie die Datei um, z. B. in „{suggestion}“. Erlaubt sind nur Kleinbuchstaben a–z, "
        "Ziffern und Bindestriche, 3 bis 80 Zeichen; die Kennung ist die Adresse der Seite.{taken}",
    ),
    "duplicate_id": (
        "Die Kennung „{id}“ gibt es zweimal: {first} und {second}.",
        "Benennen Sie eine der beiden Dateien um; jede Kennung darf es nur einmal geben.",
    ),
    "reserved_id": (
        "Der Name „{id}“ ist für einen Bereich der Website reserviert.",
        "Benennen Sie die Seite um, z. B. in „{id}-info.md“. Reserviert sind: {reserved}.",
    ),
    "translation_without_original": (
        "Zu dieser Übersetzung gibt es keine deutsche Fassung angebote/{id}.md.",
        "Legen Sie zuerst angebote/{id}.md an, oder benennen Sie die Übersetzung wie die deutsche Datei, "
        "mit dem Sprachkürzel vor „.md“{suggestion}.",
    ),
    "subfolder": (
        "Der Unterordner „{file_name}“ wird nicht gelesen; Angebote, Anbieter und Seiten liegen direkt im Ordner.",
        "Verschieben Sie die Dateien eine Ebene höher (Bilder gehören in den Ordner bilder/).",
    ),
    "bad_language_code": (
        "„{code}“ ist kein Sprachkürzel nach ISO 639-1.{suggestion}",
        "Verwenden Sie zwei Kleinbuchstaben, z. B. de (Deutsch), en (Englisch), tr (Türkisch), ar (Arabisch), "
        "uk (Ukrainisch), ru (Russisch){easy_language}.",
    ),
    "translation_extra_places": (
        "Die Übersetzung nennt {count} Orte, die deutsche Fassung nur {original}.",
        "Übersetzen Sie nur die Hinweise der Orte aus der deutschen Datei, in derselben Reihenfolge.",
    ),
}

# Problems the content loader (read/files.py) raises itself, found again below by these words.
ALIAS_PROBLEM = "alias or anchor refused"
UNKNOWN_TAG_PROBLEM = "tag refused:"

# libyaml's English problem texts, as partners should read them. The last field says whether the
# start of the construct (the context mark) shows the mistake better than where the parser gave up.
QUOTE_IT = "Setzen Sie den ganzen Text in Anführungszeichen, z. B. titel: \"Treffpunkt: Café\"."
YAML_PROBLEMS: list[tuple[str, str, str, bool]] = [
    ("tab character", "In dieser Zeile steht ein Tabulatorzeichen.",
     "Rücken Sie nur mit Leerzeichen ein, nicht mit der Tabulatortaste.", False),
    ("mapping values are not allowed", "Hier steht ein Doppelpunkt, wo keiner stehen darf.",
     "Steht in einem Text ein Doppelpunkt? " + QUOTE_IT, False),
    ("could not find expected ':'", "Nach einem Schlüssel fehlt der Doppelpunkt.",
     "Jede Angabe hat die Form „schlüssel: wert“, mit Doppelpunkt und Leerzeichen.", True),
    ("did not find expected key", "Die Einrückung passt nicht zu den Zeilen davor.",
     "Rücken Sie Zeilen, die zusammengehören, gleich weit mit Leerzeichen ein. Einträge einer Liste "
     "beginnen mit „- “ und stehen unter ihrem Schlüssel.", False),
    ("did not find expected '-' indicator", "Diese Zeile passt nicht in die Liste darüber.",
     "In einer Liste beginnt jeder Eintrag mit „- “; Angaben zu einem Eintrag sind weiter eingerückt.", False),
    ("end of stream", "Ein Anführungszeichen wird nicht wieder geschlossen.",
     "Schließen Sie jedes „\"“ und „'“ in derselben Angabe wieder.", True),
    ("expected ',' or ']'", "Eine Liste in eckigen Klammern wird nicht geschlossen, oder ein Komma fehlt.",
     "Schreiben Sie Listen so: [mitte, lintorf].", True),
    ("expected ',' or '}'", "Eine Gruppe in geschweiften Klammern wird nicht geschlossen, oder ein Komma fehlt.",
     "Schreiben Sie z. B. {von: 3, bis: 6}.", True),
    ("alphabetic or numeric character", "Ein Wert beginnt mit „*“ oder „&“; das hat in YAML eine besondere Bedeutung.",
     QUOTE_IT, False),
    ("unknown escape character", "In Anführungszeichen steht ein „\\“, das so nicht gelesen werden kann.",
     "Verwenden Sie einfache Anführungszeichen ('…') oder lassen Sie den „\\“ weg.", False),
    ("expected node content", "Hier fehlt ein Wert.", "Schreiben Sie nach dem Doppelpunkt einen Wert.", False),
    ("exceeded maximum nesting depth", "Die Angaben sind zu tief ineinander verschachtelt (zu viele Klammern "
     "„[“ oder „{“ oder Einrückungsebenen).",
     "Jede Angabe braucht höchstens wenige Ebenen, z. B. „orte:“, darunter „- name: …“. Löschen Sie überzählige "
     "Klammern; steht ein Text mit „[“ oder „{“ am Anfang, setzen Sie ihn in Anführungszeichen.", True),
    (UNKNOWN_TAG_PROBLEM, "Hier steht ein Typ-Kennzeichen mit „!“ (z. B. „!!python/…“ oder „!!binary“), das der "
     "Katalog nicht liest.",
     "Schreiben Sie nur einfachen Text, Zahlen, true/false, Listen oder Angaben. Lassen Sie das Wort mit „!“ "
     "weg; soll ein Text mit „!“ beginnen, setzen Sie ihn in Anführungszeichen, z. B. kurz: \"!Wichtig …\".", False),
    (ALIAS_PROBLEM, "Hier steht ein Verweis mit „*“ oder „<<“ auf eine andere Stelle der Angaben; das liest der "
     "Katalog nicht.",
     "Schreiben Sie den Wert an dieser Stelle aus, statt auf eine andere Stelle zu verweisen. Soll ein Text mit "
     "„*“ beginnen, setzen Sie ihn in Anführungszeichen.", False),
    ("undefined alias", "Ein Wert beginnt mit „*“; das hat in YAML eine besondere Bedeutung.", QUOTE_IT, False),
    ("duplicate anchor", "Ein Wert beginnt mit „&“; das hat in YAML eine besondere Bedeutung.", QUOTE_IT, False),
    ("undefined tag handle", "Ein Wert beginnt mit „!“; das hat in YAML eine besondere Bedeutung.", QUOTE_IT, False),
    ("unknown directive", "Eine Zeile beginnt mit „%“; das hat in YAML eine besondere Bedeutung.",
     "Setzen Sie den Text in Anführungszeichen oder löschen Sie die Zeile.", False),
    ("incompatible YAML document", "Eine Zeile beginnt mit „%“; das hat in YAML eine besondere Bedeutung.",
     "Setzen Sie den Text in Anführungszeichen oder löschen Sie die Zeile.", False),
    ("another document", "Hier steht eine Zeile „---“ mitten in den Angaben.",
     "Löschen Sie diese Zeile; „---“ steht nur am Anfang und am Ende des Vorspanns.", False),
    ("expected <document start>", "Hier steht eine Zeile „...“ mitten in den Angaben.",
     "Löschen Sie diese Zeile oder setzen Sie den Text in Anführungszeichen.", False),
    ("hexdecimal number", "In Anführungszeichen steht ein „\\u“ oder „\\x“, das so nicht gelesen werden kann.",
     "Verwenden Sie einfache Anführungszeichen ('…') oder lassen Sie den „\\“ weg.", False),
    ("unhashable key", "Ein Schlüssel steht in Klammern („[…]“ oder „{…}“).",
     "Ein Schlüssel ist ein einfaches Wort wie „titel“; schreiben Sie „titel: …“ ohne Klammern.", False),
]
CANNOT_START = "cannot start any token"
YAML_FALLBACK_HINT = (
    "Prüfen Sie diese Zeile und die davor: Einrückung nur mit Leerzeichen, nach jedem Schlüssel ein "
    "Doppelpunkt mit Leerzeichen, Texte mit „:“ oder „#“ in Anführungszeichen."
)


def yaml_problem_in_german(problem: str, character: str = "") -> tuple[str, str, bool]:
    """(message, hint, whether to point at the start of the construct) for one of libyaml's problems."""
    if CANNOT_START in problem:
        if character == "\t":
            return YAML_PROBLEMS[0][1], YAML_PROBLEMS[0][2], False
        return f"Ein Wert darf nicht mit „{character}“ beginnen.", QUOTE_IT, False
    for english, message, hint, at_start in YAML_PROBLEMS:
        if english in problem:
            return message, hint, at_start
    return "Die Angaben folgen hier nicht den Regeln des YAML-Formats.", YAML_FALLBACK_HINT, False
