"""What a partner is told about site.yaml's synonyms and its names in other languages (synonyme, uebersetzungen)."""

SITE_NAMES: dict[str, tuple[str, str]] = {
    "synonym_repeated": (
        "Das Wort „{word}“ steht zweimal in derselben Gruppe (schon als {position}. Wort: „{first}“).",
        "Löschen Sie einen der beiden Einträge. Groß- und Kleinschreibung zählt beim Vergleich nicht.",
    ),
    "synonym_in_two_groups": (
        "Das Wort „{word}“ steht schon in einer anderen Gruppe; ein Wort darf nur in einer Gruppe stehen.",
        "Es steht schon in der {group}. Gruppe (Zeile {group_line}: {members}). Löschen Sie es hier oder dort. Meinen "
        "alle Wörter beider Gruppen dasselbe, fassen Sie die beiden Gruppen zu einer zusammen. Groß- und "
        "Kleinschreibung zählt beim Vergleich nicht.",
    ),
    "translation_into_german": (
        "Unter „uebersetzungen“ steht „de“: Deutsch ist die Sprache von site.yaml selbst, die Namen darin sind "
        "schon die deutschen.",
        "Löschen Sie den Eintrag „de“ mit allem, was darunter steht. Einen deutschen Namen ändern Sie dort, wo er "
        "in site.yaml steht, z. B. unter „themen“.",
    ),
    "translation_unknown_id": (
        "„{value}“ bei „{key}“ gibt es nicht: site.yaml nennt {what} mit dieser Kennung.{suggestion}",
        "Übersetzen Sie nur Kennungen, die in site.yaml unter „{section}“ stehen: {allowed}. Eine neue Kennung "
        "tragen Sie zuerst dort ein.",
    ),
    "translation_unknown_help_line": (
        "Die Nummer „{value}“ bei „{key}“ steht in site.yaml nicht unter „hilfe“.{suggestion}",
        "Schreiben Sie die Nummer genau so, wie sie unter „hilfe“ bei „telefon“ steht, mit denselben Leerzeichen "
        "und Zeichen: {allowed}.",
    ),
    "media_refused": (
        "Diese Datei wird nicht veröffentlicht: {reason}.",
        "Legen Sie in den Ordner bilder/ nur Bilder (JPG, PNG, WebP, AVIF, GIF, SVG ohne Skripte und ohne "
        "Verweise nach außen, höchstens 5 MB) und Videos (MP4, WebM, höchstens 50 MB). Ein zu großes Foto "
        "verkleinern Sie z. B. auf 1600 Pixel Breite; ein SVG speichern Sie als „normales SVG“ oder als PNG.",
    ),
    "media_not_shown": (
        "Die Datei „{value}“ wird nicht gezeigt: {reason}.",
        "Ersetzen Sie die Datei in bilder/ durch ein Bild im Format JPG, PNG, WebP, AVIF, GIF oder ein SVG ohne "
        "Skripte (Videos: MP4 oder WebM), oder löschen Sie die Angabe.",
    ),
    "outside_content": (
        "Diese Datei ist ein Verweis (symbolischer Link) auf eine Datei außerhalb des Inhaltsordners; sie wird "
        "nicht gelesen.",
        "Legen Sie die Datei selbst in den Ordner, statt auf eine andere Stelle des Rechners zu verweisen.",
    ),
    "not_a_file": (
        "„{file_name}“ ist keine gewöhnliche Datei und wird nicht gelesen.",
        "Legen Sie an diese Stelle eine Textdatei mit den Angaben, oder löschen Sie den Eintrag.",
    ),
}
