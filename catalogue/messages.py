"""Every message a partner can get from `check`, in German, in one place.

Each entry is (what is wrong, how to fix it). Partners are social workers,
not programmers: say it plainly, name the key as they wrote it, and always
say what to do next.
"""

from __future__ import annotations

import difflib

from catalogue.problems import ERROR, ContentProblem

MESSAGES: dict[str, tuple[str, str]] = {
    # reading files
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
        "Zeile „---“ und danach die Beschreibung. Die Vorlage in CONTRIBUTING.md zeigt, wie es aussieht.",
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
    # structure (from the JSON Schemas)
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
    # meaning (checks across files)
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
    # synonyms and names in other languages (site.yaml: synonyme, uebersetzungen)
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
    # the catalogue PDF (glyphs.py, pdf.py)
    "pdf_unprintable": (
        "Keine installierte Schrift enthält {what} {characters}; im PDF des Katalogs {missing}. Die Website zeigt "
        "{them}, wenn das Gerät der Leserin oder des Lesers eine Schrift dafür hat.",
        "Ist das Zeichen gewollt? Solche Zeichen kommen oft beim Kopieren aus einem anderen Programm oder aus einer "
        "Sonderschrift mit. Ersetzen Sie es durch ein gewöhnliches Zeichen oder ein Wort. Die Website und alles "
        "andere werden trotzdem veröffentlicht.",
    ),
    "pdf_unprintable_in_layouts": (
        "Keine installierte Schrift enthält {what} {characters}; im PDF {missing}.",
        "Die Zeichen stehen in den Vorlagen oder Texten unter layouts/. Ersetzen Sie sie dort, oder installieren "
        "Sie eine Schrift, die sie hat, auf dem Rechner, der den Katalog baut.",
    ),
    "pdf_bad_address": (
        "Das PDF kann die Adresse „{address}“ nicht lesen: Sie ist keine gültige Internetadresse, der Link darauf "
        "führt im PDF ins Leere.",
        "Schreiben Sie die Adresse so, wie sie im Browser in der Adresszeile steht, z. B. "
        "https://www.example.org/angebot – ohne Klammern und ohne Leerzeichen.",
    ),
    "video_type": (
        "„{value}“ ist kein Video, das alle Browser abspielen.",
        "Verwenden Sie ein Video im Format MP4 (H.264) oder WebM.",
    ),
    # content accessibility (lint.py)
    "lint_alt": (
        "Der Alternativtext des Bildes ist {issue}: Wer das Bild nicht sieht, erfährt nicht, was darauf ist.",
        "Beschreiben Sie in einem kurzen Satz, was auf dem Bild zu sehen ist, z. B. „Zwei Kinder bauen mit "
        "Holzklötzen einen Turm“.",
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
    # warnings
    "no_accessibility_statement": (
        "In site.yaml fehlen die Angaben für die Erklärung zur Barrierefreiheit; die Seite sagt deshalb nur, "
        "dass sie fehlen.",
        "Ergänzen Sie „barrierefreiheit_erklaerung“ mit stand, status (vollstaendig, teilweise oder nicht), "
        "einschraenkungen und ombudsstelle (Name und Internetadresse der Ombudsstelle in NRW).",
    ),
    "translation_language_unused": (
        "Für „{code}“ ({language}) hat die Website keine Seiten; diese Übersetzungen werden nicht verwendet.",
        "Die Website gibt es auf {languages}. Für eine weitere Sprache braucht sie eine Tabelle ihrer Texte in "
        "layouts/i18n/ (siehe docs/uebersetzungen.md); bis dahin können die Übersetzungen stehen bleiben. Oder "
        "prüfen Sie das Sprachkürzel.",
    ),
    "translation_names_missing": (
        "Für „{code}“ ({language}) fehlen Übersetzungen: {missing}. Die Seiten in dieser Sprache zeigen diese Namen "
        "auf Deutsch.",
        "Ergänzen Sie sie unter „uebersetzungen“ → „{code}“, sobald jemand sie übersetzen kann.",
    ),
    "translation_languages_missing": (
        "Für {languages} stehen in site.yaml keine Übersetzungen der Namen; die Seiten in {these} zeigen "
        "Titel, Lebensphasen, Themen und die anderen Namen aus site.yaml auf Deutsch.",
        "Wer übersetzen kann, ergänzt sie unter „uebersetzungen“ (siehe CONTRIBUTING.md, „Für die "
        "Koordination“).",
    ),
    "missing_page": (
        "Die Seite seiten/{id}.md fehlt; eine öffentliche Stelle muss sie anbieten.",
        "Legen Sie seiten/{id}.md mit „titel:“ und dem Text an.",
    ),
    "overdue": (
        "Der Eintrag wurde zuletzt am {stand} geprüft; das ist mehr als {months} Monate her.",
        "Prüfen Sie, ob alles noch stimmt, und setzen Sie „stand“ auf das Datum der Prüfung.",
    ),
    "expired": (
        "Das Angebot gilt nur bis {value} und wird deshalb nicht veröffentlicht.",
        "Löschen Sie die Datei, wenn es das Angebot nicht mehr gibt, oder setzen Sie „gueltig_bis“ auf ein "
        "späteres Datum.",
    ),
}

# Problems the content loader (read.py) raises itself, found again below by these words.
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


def suggest(value: str, choices) -> str:
    """The closest known word, for „Meinten Sie …?“, or "" when nothing is close."""
    close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1, cutoff=0.6)
    return close[0] if close else ""


def did_you_mean(value: str, choices) -> str:
    close = suggest(value, choices)
    return f" Meinten Sie „{close}“?" if close else ""


def listing(values, limit: int = 25) -> str:
    values = [str(v) for v in values]
    if len(values) > limit:
        return ", ".join(values[:limit]) + f" … (insgesamt {len(values)})"
    return ", ".join(values) if values else "(keine)"


def problem(name: str, file, line, where: str = "", severity: str = ERROR, **values) -> ContentProblem:
    """A problem from the table; `where` is the key path shown to the partner, `values` fill the texts."""
    message, hint = MESSAGES[name]
    return ContentProblem(file, line, where, message.format(**values), hint.format(**values), severity)
