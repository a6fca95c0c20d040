"""What a partner is told when the files disagree with each other: an id that is unknown or taken, a translation that
does not match its offer, a date in the wrong order."""

MEANING: dict[str, tuple[str, str]] = {
    "unknown_term": (
        "„{value}“ ist bei „{key}“ nicht bekannt: site.yaml nennt {what} mit dieser Kennung.{suggestion}",
        "Erlaubt sind: {allowed}. Neue Einträge trägt die Koordination in site.yaml ein.",
    ),
    "unknown_provider": (
        "Den Anbieter „{value}“ gibt es nicht: Im Ordner anbieter/ fehlt die Datei {value}.md.{suggestion}",
        "Schreiben Sie die Kennung eines vorhandenen Anbieters ({allowed}) oder legen Sie anbieter/{value}.md an.",
    ),
    "date_in_future": (
        "Das Datum {value} bei „{key}“ liegt in der Zukunft.",
        "Tragen Sie das Datum ein, an dem Sie den Eintrag zuletzt geprüft haben: heute ({today}) oder früher.",
    ),
    "time_order": (
        "Die Uhrzeit bei „von“ ({start}) liegt nicht vor der bei „bis“ ({end}).",
        "„von“ ist der Beginn, „bis“ das Ende, z. B. „von: 09:30“ und „bis: 11:00“. Uhrzeiten nach Mittag "
        "bitte im 24-Stunden-Format (14:00, nicht 2:00).",
    ),
    "age_order": (
        "Das Alter bei „von“ ({start}) ist größer als bei „bis“ ({end}).",
        "„von“ ist das jüngste Alter, „bis“ das älteste, z. B. „von: 3“ und „bis: 6“.",
    ),
    "image_missing": (
        "Das Bild „{value}“ gibt es im Ordner bilder/ nicht.{suggestion}",
        "Legen Sie die Datei in den Ordner bilder/ oder korrigieren Sie den Dateinamen (Groß- und "
        "Kleinschreibung zählt).",
    ),
    "image_type": (
        "„{value}“ ist keine Bilddatei, die alle Browser anzeigen.",
        "Verwenden Sie ein Bild im Format JPG, PNG, WebP, AVIF, GIF oder SVG.",
    ),
    "phase_duplicate": (
        "Die Lebensphase „{value}“ steht mehr als einmal in site.yaml.",
        "Jede Lebensphase braucht eine eigene Kennung bei „id“.",
    ),
    "phase_order": (
        "Die Lebensphase „{value}“ steht nicht in biografischer Reihenfolge: sie beginnt mit {start} Jahren, "
        "die davor mit {previous}.",
        "Ordnen Sie die Lebensphasen von der Schwangerschaft bis zum jungen Erwachsenenalter.",
    ),
}
