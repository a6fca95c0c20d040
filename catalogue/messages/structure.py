"""What a partner is told when a file does not follow its JSON Schema (check/schemas.py explains each schema error with
these)."""

STRUCTURE: dict[str, tuple[str, str]] = {
    "required": (
        "Die Pflichtangabe „{key}“ fehlt.",
        "{description}Ergänzen Sie eine Zeile „{key}: …“.",
    ),
    "unknown_key": (
        "Die Angabe „{key}“ gibt es hier nicht.{suggestion}",
        "{fix}Erlaubt sind: {allowed}.",
    ),
    "wrong_type": (
        "„{key}“ muss {expected} sein, hier steht {found}.",
        "{description}{example}",
    ),
    "too_short": (
        "„{key}“ ist zu kurz: {length} Zeichen, nötig sind mindestens {limit}.",
        "{description}Schreiben Sie mindestens {limit} Zeichen.",
    ),
    "too_long": (
        "„{key}“ ist zu lang: {length} Zeichen, erlaubt sind höchstens {limit}.",
        "{description}Kürzen Sie den Text; Einzelheiten gehören in die Beschreibung unter dem Vorspann.",
    ),
    "empty": ("„{key}“ darf nicht leer sein.", "{description}Schreiben Sie nach dem Doppelpunkt einen Text."),
    "empty_date": (
        "„{key}“ ist leer.",
        "{description}Schreiben Sie das Datum nach dem Doppelpunkt als JJJJ-MM-TT, z. B. 2026-03-01.",
    ),
    "empty_time": (
        "„{key}“ ist leer.",
        "{description}Schreiben Sie die Uhrzeit nach dem Doppelpunkt.",
    ),
    "too_few_items": (
        "„{key}“ braucht mindestens {limit} {entries}.",
        "{description}Schreiben Sie die Einträge in die eckigen Klammern, z. B. [erster, zweiter], oder jeden in "
        "eine eigene Zeile mit „- “ davor.",
    ),
    "not_enough_keys": (
        "„{key}“ hat zu wenige Angaben.",
        "{description}Ergänzen Sie die fehlenden Angaben in eigenen Zeilen darunter, jeweils eingerückt.",
    ),
    "duplicate_item": (
        "In „{key}“ steht „{value}“ mehr als einmal.",
        "Löschen Sie den doppelten Eintrag.",
    ),
    "not_allowed_value": (
        "„{value}“ ist bei „{key}“ nicht erlaubt.{suggestion}",
        "Erlaubt sind: {allowed}.",
    ),
    "bad_form": ("„{value}“ hat bei „{key}“ nicht die richtige Form.", "{hint}"),
    "bad_date": (
        "„{value}“ ist kein gültiges Datum.",
        "Prüfen Sie Tag und Monat. Ein Datum wird als JJJJ-MM-TT geschrieben, z. B. 2026-03-01.",
    ),
    "too_small": ("„{key}“ darf nicht kleiner als {limit} sein, hier steht {value}.",
                  "{description}Schreiben Sie eine Zahl ab {limit}."),
    "too_large": ("„{key}“ darf nicht größer als {limit} sein, hier steht {value}.",
                  "{description}Schreiben Sie eine Zahl bis höchstens {limit}."),
    "schema_other": ("„{key}“ ist so nicht erlaubt ({detail}).", "{description}"),
}

# How the type a key needs and the type it has are named in "wrong_type", and how to write the one needed
TYPE_NAMES = {
    "string": "ein Text",
    "integer": "eine ganze Zahl",
    "number": "eine Zahl",
    "boolean": "true oder false",
    "array": "eine Liste",
    "object": "eine Gruppe von Angaben (schlüssel: wert)",
    "null": "nichts",
}
TYPE_EXAMPLES = {
    "string": "Schreiben Sie einen Text; steht er in Anführungszeichen, wird er immer als Text gelesen.",
    "integer": "Schreiben Sie eine ganze Zahl ohne Anführungszeichen, z. B. 3.",
    "number": "Schreiben Sie eine Zahl ohne Anführungszeichen, z. B. 10.",
    "boolean": "Schreiben Sie true (ja) oder false (nein).",
    "array": "Schreiben Sie eine Liste in eckigen Klammern, z. B. [mitte, lintorf], oder jeden Eintrag in eine "
    "eigene Zeile mit „- “ davor.",
    "object": "Schreiben Sie die Angaben darunter, jeweils eingerückt, z. B. „  von: 3“.",
}


def found_text(value) -> str:
    """What the partner wrote, named for "wrong_type": „hier steht …“."""
    if value is None:
        return "nichts (die Angabe ist leer)"
    if isinstance(value, bool):
        return f"„{str(value).lower()}“ ({TYPE_NAMES['boolean']})"
    if isinstance(value, (int, float)):
        return f"die Zahl {value}"
    if isinstance(value, str):
        return f"der Text „{value}“"
    if isinstance(value, list):
        return "eine Liste"
    return "eine Gruppe von Angaben"
