"""What the command line says: its help, its usage errors and what each command reports while it runs.

Not part of MESSAGES: those are (what is wrong, how to fix it) about a content file, each with an example in
docs/partner/referenz/meldungen-beispiele.yaml. These are the texts of `python build.py <command>` itself: one text
per name, with {placeholders} filled by say(). Literal braces are doubled ({{ }}).
"""

from __future__ import annotations

# `python build.py <command> --help`: the program, each command and each option. Shared options first.
HELP: dict[str, str] = {
    "program": "Baut den Angebotskatalog aus dem Inhaltsordner als statische Website mit PDF zum Ausdrucken. "
               "Ohne Befehl wird gebaut (wie „build“). Mit „check“ wird nur geprüft und nichts geschrieben. "
               "Was ein Befehl kann: python build.py BEFEHL --help",
    "commands": "Befehle",
    "build": "prüfen, Website und PDF schreiben (Standard, wenn kein Befehl genannt ist)",
    "check": "nur prüfen, nichts schreiben",
    "report": "Lücken in der Präventionskette und überfällige Einträge zeigen (wie die Seite luecken/)",
    "new": "ein neues Angebot (oder mit „new netzwerk KENNUNG“ ein Netzwerk) aus der Vorlage anlegen",
    "serve": "Vorschau im Browser, die sich bei jeder gespeicherten Änderung selbst erneuert",
    "github": "die Formulare für GitHub-Issues aus site.yaml schreiben",
    "changes": "neue, geänderte und entfernte Angebote seit --since als Markdown, mit ihren Adressen und wie man die "
               "Vorschau öffnet",
    "--content": "Inhaltsordner (Standard: content)",
    "--heute": "Stichtag für die Prüfung von Daten (Standard: heute)",
    "--output": "Ausgabeordner (Standard: site)",
    "--strict": "Warnungen zählen als Fehler",
    "--strict-for": "Warnungen nur in diesen Dateien zählen als Fehler (z. B. die Dateien eines Pull Requests)",
    "--format": "text (Standard) oder github: Meldungen als GitHub-Actions-Anmerkungen",
    "--no-pdf": "kein PDF des Katalogs schreiben (schneller, z. B. für eine Vorschau)",
    "--compress": "komprimierte Kopien (.gz, .br) neben HTML, CSS, JS, JSON und XML schreiben, die ein eigener "
                  "Webserver so sendet, wie sie sind (docs/betrieb/anleitungen/online-stellen.md); kostet etwa die "
                  "Hälfte mehr Zeit",
    "--no-cache": "ohne Zwischenspeicher: jede Datei neu lesen und jede Seite neu schreiben (sonst nur die "
                  "geänderten; er liegt neben dem Ausgabeordner, z. B. .site-cache)",
    "KENNUNG": "die Kennung des neuen Angebots, z. B. krabbelgruppe-lintorf; oder „netzwerk“ für ein Netzwerk",
    "NETZWERK_KENNUNG": "nach „netzwerk“: die Kennung des neuen Netzwerks, z. B. python build.py new netzwerk "
                        "fruehe-hilfen",
    "report --pdf": "den Bericht als barrierefreies PDF in DATEI schreiben (Titelseite mit Quelle und Stand, Bilder, "
                    "Tabellen), z. B. für den Jugendhilfeausschuss",
    "serve --pdf": "auch das PDF bauen, bei jeder Änderung neu (sonst baut serve keins)",
    "--port": "der Port auf 127.0.0.1 (Standard: 8000)",
    "--ziel": "wohin die Formulare kommen (Standard: .github/ISSUE_TEMPLATE)",
    "--vergleich": "mit einer früheren Ausgabe vergleichen: ihr Ordner daten/ (oder die ganze frühere Website) oder "
                    "nur ihre daten/angebote.csv; zeigt neue, entfernte und geänderte Angebote und welche Lücken sich "
                    "geschlossen oder geöffnet haben",
    "--since": "der Stand in git, mit dem HEAD verglichen wird (Standard: HEAD^1, in einem Pull Request der Stand "
               "des Zielzweigs)",
    # argparse's own headings and texts
    "usage: ": "Aufruf: ",
    "positional arguments": "Angaben",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
}

COMMANDS: dict[str, str] = {
    # usage errors (exit 2)
    "usage_error": "Fehler beim Aufruf: {message}\nHilfe: {prog} --help",
    "wrong_command": "„{option}“ gibt es bei „{command}“ nicht, nur bei: {owners}. Zum Beispiel: "
                     "python build.py {first} {option}",
    "unknown_option": "unbekannte Angabe: {options}",
    "option_before_command": "„{option}“ gehört hinter den Befehl: python build.py {command} {option}",
    "unknown_command": "„{value}“ ist kein Befehl; es gibt: {choices}",
    "invalid_choice": "„{value}“ ist bei {option} nicht möglich; es gibt: {choices}",
    "needs_value": "{option} braucht einen Wert",
    "required": "es fehlt: {names}",
    "bad_value": "{option}: {detail}",
    "bad_day": "„{text}“ ist kein Datum der Form JJJJ-MM-TT",
    "bad_port": "„{text}“ ist kein Port; erlaubt sind die Zahlen 1 bis 65535",
    "no_content_folder": "Fehler: Den Inhaltsordner {content} gibt es nicht. Geben Sie ihn mit --content an.",
    "missing_modules": "Fehler: Es fehlen Programmteile ({modules}). Starten Sie den Katalog mit python3 dev.py site "
                       "(legt .venv an und installiert alles){example}, oder aktivieren Sie die virtuelle Umgebung: "
                       "source .venv/bin/activate",
    "missing_modules_example": ", z. B. python3 dev.py site {arguments}",
    # build and check
    "progress": "\r{stage}: {done} von {total} …\033[K",
    # the stages the progress names (on a terminal, once a build runs for a couple of seconds)
    "stage_offers": "Angebote prüfen",
    "stage_pages": "Seiten schreiben",
    "stage_pdf": "PDF schreiben",
    "stage_index": "Suchindex",
    "errors_summary": "{errors} in {files}, {warnings}.",
    "nothing_written": " Es wurde nichts geschrieben; {output} ist unverändert.",
    "checked": "Geprüft: {counts}. Keine Fehler, {warnings} ({seconds}).",
    "built": "Fertig: {counts}; {pages} nach {output} geschrieben; {warnings}; {seconds}.",
    "pages_written": "{count} Seiten",
    "pages_reused": " (davon {rendered} neu, die übrigen unverändert aus dem letzten Lauf)",
    "unpublished": ", {expired} nicht veröffentlicht",
    "step_summary": "## Prüfung der Angaben\n\n{summary}\n\nWas die Meldungen bedeuten, steht in CONTRIBUTING.md unter "
                    "„Was die Prüfung meldet“.\n\n",
    "error": "Fehler: {error}",
    "template_error": "Fehler in den Vorlagen: {error}",
    "index_failed": "Fehler: {error} Die bisherige Website in {output} ist unverändert.",
    "pdf_failed": "Fehler: {error}\nDie bisherige Website in {output} ist unverändert. Zur Vorschau ohne PDF: "
                  "python build.py --no-pdf",
    "interrupted": "\nAbgebrochen (Strg+C).",
    # new
    "new_bad_id": "Fehler: „{offer_id}“ taugt nicht als Kennung. Erlaubt sind Kleinbuchstaben a–z, Ziffern und "
                  "Bindestriche, 3 bis 80 Zeichen, z. B.: python build.py new krabbelgruppe-lintorf",
    "new_exists": "Fehler: Das Angebot „{offer_id}“ gibt es schon ({existing}). Wählen Sie eine andere Kennung oder "
                  "bearbeiten Sie die vorhandene Datei.",
    "new_network_exists": "Fehler: Das Netzwerk „{offer_id}“ gibt es schon ({existing}). Wählen Sie eine andere "
                          "Kennung oder bearbeiten Sie die vorhandene Datei.",
    "new_written": "Angelegt: {target}. Füllen Sie die Angaben aus und prüfen Sie mit: python build.py check",
    # github
    "forms_unchanged": "Die Formulare in {target} sind unverändert. Beheben Sie zuerst die Fehler in site.yaml.",
    "forms_not_writable": "Fehler: In {target} lässt sich nicht schreiben ({reason}).",
    "forms_written": "Geschrieben: {written}. Übernehmen Sie sie mit git commit.",
    # python -m catalogue.commands.reference
    "reference_stale": "Nicht aktuell: {pages}. Neu schreiben: {command}",
    "reference_written": "geschrieben: {page}",
    # changes
    "changes_failed": "Fehler: Die Änderungen seit „{since}“ lassen sich nicht bestimmen. {error}",
    "git_failed": "git {arguments} meldet: {detail}",
    "git_missing": "Das Programm git ist nicht installiert.",
    "git_unknown_revision": "git kennt den Stand „{since}“ hier nicht. Ist der Ordner {content} in einem "
                            "git-Repository, und ist dieser Stand geholt (bei actions/checkout: fetch-depth: 2)?",
    "changes_added": "neu",
    "changes_changed": "geändert",
    "changes_removed": "entfernt",
    "changes_heading_added": "Neu",
    "changes_heading_changed": "Geändert",
    "changes_heading_removed": "Entfernt",
    "changes_easy_german": "Leichte Sprache",
    "changes_addresses": "Vorschau: {preview} · veröffentlicht: {published}",
    "changes_gone": "- {name}{moved}: bisher {address} – diese Adresse gibt es nicht mehr, auch nicht in der "
                    "Vorschau. Links und QR-Codes dorthin führen ins Leere.",
    "changes_renamed_to": ", umbenannt in `{offer_id}`",
    "changes_renamed_from": ", vorher `{offer_id}`",
    "changes_intro": "## Vorschau der gebauten Website\n\n"
                     "Die gebaute Website steht unten auf der Seite dieses Laufs unter „Artifacts“: „{artifact}“.\n"
                     "So öffnen Sie sie auf Ihrem Rechner:\n\n"
                     "1. „{artifact}“ herunterladen und die ZIP-Datei in einen Ordner „{artifact}“ entpacken.\n"
                     "2. Im Ordner darüber ausführen: `python3 -m http.server 8000 --directory {artifact}`\n"
                     "3. Im Browser öffnen: {preview}\n\n"
                     "### Neue, geänderte und entfernte Angebote\n",
    "changes_none": "Kein Angebot ist neu, geändert oder entfernt.",
    # serve
    "preview_port_in_use": "Fehler: Port {port} ist schon belegt – läuft die Vorschau schon in einem anderen Fenster? "
                           "Beenden Sie sie dort oder wählen Sie einen anderen Port, z. B. --port {next_port}.",
    "preview_cannot_start": "Fehler: Die Vorschau kann auf 127.0.0.1:{port} nicht starten ({reason}).",
    "preview_running": "Vorschau: {address}\nBeobachtet {content}/ und {layouts}/: Jede gespeicherte Änderung ist "
                       "gleich im Browser zu sehen. Beenden mit Strg+C.",
    "preview_stopped": "\nVorschau beendet.",
    "preview_template_syntax": "Die Vorlage ist kein gültiges Jinja: {error}",
    "preview_template_syntax_fix": "Prüfen Sie die Zeile auf nicht geschlossene {{% … %}} oder {{{{ … }}}}.",
    "preview_template_failed": "Eine Vorlage lässt sich nicht anwenden: {error}",
    "preview_template_failed_fix": "Prüfen Sie die zuletzt geänderte Vorlage.",
    "preview_changed": "Geändert: {what}. ",
    "preview_errors": "{prefix}{count} Fehler: Die Vorschau zeigt weiter den letzten Stand ohne Fehler und die offenen "
                      "Seiten zeigen die Meldungen.",
    "preview_built": "{prefix}{rendered} von {written} Seiten neu{shown}, alles fertig nach {seconds}{warnings}.",
    "preview_first_shown": ", die offenen Seiten nach {seconds}",
    "preview_warnings": "; {count} Warnungen (python build.py check zeigt sie)",
    # `python build.py report`: the need-weighted gaps (only with daten/bevoelkerung.csv)
    "needs_title": "Bedarf: Angebote je 1.000 junge Menschen",
    "needs_source": "Quelle der Einwohnerzahlen und Kennzahlen: {source}. Stand: {date}.",
    "needs_example": "Beispiel: Diese Zahlen sind erfunden und keine amtliche Statistik.",
    "needs_rule_minimum": "Unter Bedarf: weniger als {minimum} Angebote je 1.000 junge Menschen oder weniger als "
                          "die Hälfte des Werts der ganzen Stadt in der Lebensphase.",
    "needs_rule_half": "Unter Bedarf: weniger als die Hälfte des Werts der ganzen Stadt in der Lebensphase.",
    "needs_ranking": "Stadtteile nach Bedarf (die meisten jungen Menschen je Angebot zuerst):",
    "needs_district": "{rank:>2}. {name}: {young} junge Menschen, {offers}",
    "needs_district_unknown": "{rank:>2}. {name}: keine Einwohnerzahlen, {offers}",
    "needs_no_offer": "kein Angebot im Stadtteil",
    "needs_offers": "{count} im Stadtteil, {per_offer} junge Menschen je Angebot",
    "needs_below": "    unter Bedarf: {phases}",
    "needs_below_phase": "{phase} ({rate} je 1.000: {reasons})",
    "needs_below_minimum": "unter dem Mindestwert {minimum}",
    "needs_below_half": "unter der Hälfte der Stadt ({half})",
    "needs_indicators": "    Kennzahlen: {indicators}",
    "report_pdf_written": "Bericht geschrieben: {target} ({kilobytes} KB)",
    "report_pdf_failed": "Der Bericht {target} wurde nicht geschrieben: {error}",
    "needs_apart": "Nicht in einem Stadtteil gezählt: {whole} für ganz {city}, {remote} nur online oder am Telefon.",
    # `python build.py report --vergleich`: the catalogue against an earlier export of itself
    "compare_missing": "Fehler: {path} gibt es nicht. Geben Sie bei --vergleich den Ordner {data}/ einer früheren "
                       "Ausgabe an (oder die ganze frühere Website, oder nur deren {data}/{file}).",
    "compare_no_export": "Fehler: In {path} liegt keine Angebotstabelle ({file}), auch nicht in {data}/. Geben Sie "
                         "bei --vergleich den Ordner {data}/ einer früheren Ausgabe an, die ganze frühere Website "
                         "oder nur deren {data}/{file}.",
    "compare_not_offers": "Fehler: {path} ist keine Angebotstabelle des Katalogs: es fehlen die Spalten {columns}. "
                          "Geben Sie bei --vergleich die Datei {data}/{file} einer früheren Ausgabe an (oder ihren "
                          "Ordner {data}/).",
    "compare_needs_table": "Fehler: {path} ist die Tabelle des Bedarfs, nicht die der Angebote. Geben Sie bei "
                           "--vergleich den Ordner an, in dem sie liegt ({data}/ der früheren Ausgabe): dann werden "
                           "beide verglichen. Nur die Angebote: {data}/{file}.",
    "compare_cannot_read": "Fehler: {path} lässt sich nicht lesen ({reason}).",
    "compare_too_large": "Fehler: {path} ist viel zu groß für eine Tabelle des Katalogs. Geben Sie bei --vergleich "
                         "die Datei angebote.csv einer früheren Ausgabe an oder ihren Ordner daten/.",
    "compare_not_text": "Fehler: {path} ist keine Textdatei. Geben Sie bei --vergleich die Datei angebote.csv einer "
                        "früheren Ausgabe an oder ihren Ordner daten/.",
    "compare_empty": "Fehler: {path} ist leer. Geben Sie bei --vergleich die Datei angebote.csv einer früheren "
                     "Ausgabe an oder ihren Ordner daten/.",
    "compare_bad_csv": "Fehler: {path} ist keine lesbare CSV-Datei ({reason}). Geben Sie bei --vergleich die Datei "
                       "angebote.csv einer früheren Ausgabe an, wie der Katalog sie geschrieben hat.",
    "compare_bad_json": "Fehler: {path} ist kein lesbares JSON ({reason}). Stellen Sie die Datei aus der früheren "
                        "Ausgabe wieder her, nehmen Sie sie aus dem Ordner heraus (dann zählt der Vergleich die "
                        "Angebote aus angebote.csv) oder geben Sie nur angebote.csv an.",
    "compare_json_not_needs": "Fehler: {path} hat nicht den Aufbau, den der Katalog für bedarf.json schreibt (eine "
                              "Liste „zellen“ mit stadtteil, lebensphase und angebote). Nehmen Sie sie aus dem Ordner "
                              "heraus oder geben Sie nur angebote.csv an.",
    "compare_csv_not_needs": "Fehler: {path} ist nicht die Tabelle des Bedarfs, wie der Katalog sie schreibt "
                             "(Spalten fehlen oder sind keine Zahlen: {columns}). Nehmen Sie sie aus dem Ordner heraus "
                             "oder geben Sie nur angebote.csv an.",
    "compare_title": "Vergleich mit der früheren Ausgabe",
    "compare_source": "Frühere Ausgabe: {path}",
    "compare_needs_source": "Bedarf damals: {path}",
    "compare_stand": "Stand der früheren Ausgabe: {date} (die jüngste Prüfung eines Angebots darin).",
    "compare_stand_unknown": "Stand der früheren Ausgabe unbekannt.",
    "compare_figures_stand": "Einwohnerzahlen damals: Stand {date}.",
    "compare_unknown_names": "Namen in der früheren Tabelle, die site.yaml heute nicht kennt (umbenannt oder "
                             "entfernt?): {names}. Angebote dort zählen in keiner Zelle von damals.",
    "compare_offers": "Angebote seitdem: {added} neu, {removed} entfernt, {changed} geändert.",
    "compare_added": "Neu:",
    "compare_removed": "Entfernt:",
    "compare_changed": "Geändert:",
    "compare_offer": "  - {title} ({id})",
    "compare_fields": ": {fields}",
    "compare_title_then": " (früher „{title}“)",
    "compare_needs_heading": "Lücken nach Bedarf (Stadtteil und Lebensphase unter Bedarf, damals oder heute):",
    "compare_needs_none": "  Heute gibt es keine Einwohnerzahlen (daten/bevoelkerung.csv): kein Vergleich nach Bedarf.",
    "compare_needs_weighed_today": "  Die frühere Ausgabe hat keine Bedarfstabelle: ihre Angebote sind mit den "
                                   "heutigen Einwohnerzahlen gewogen.",
    "compare_needs_no_gap": "  Weder damals noch heute liegt eine Zelle unter Bedarf.",
    "compare_need_cell": "  - {cell}: {status}; {offers_label} {offers}, {rates_label} {rates}",
    "compare_cell": "{district}, {phase}",
    "compare_moved": "{then} → {now}",
    "compare_offers_label": "Angebote",
    "compare_rates_label": "je 1.000 junge Menschen",
    # The report PDF's comparison tables (commands/comparison_report.py, comparison_section)
    "compare_column_moved": "{label}, damals → heute",
    "compare_column_offer": "Angebot",
    "compare_column_id": "Kennung",
    "compare_column_change": "Änderung",
    "compare_column_fields": "Geänderte Spalten",
    "compare_column_cell": "Stadtteil und Lebensphase",
    "compare_column_status": "Lücke",
    "compare_need_closed": "Lücke geschlossen",
    "compare_need_opened": "Lücke neu",
    "compare_need_why": " (heute {reasons})",
    "compare_need_remains": "Lücke besteht weiter",
    "compare_rate_unknown": "unbekannt",
    "compare_empty_heading": "Stadtteile und Lebensphasen ohne Angebot (damals oder heute):",
    "compare_empty_no_gap": "  Weder damals noch heute fehlt einem Stadtteil ein Angebot für eine Lebensphase.",
    "compare_empty_cell": "  - {cell}: {status} ({offers_label} {offers})",
    "compare_empty_closed": "geschlossen",
    "compare_empty_new": "neu ohne Angebot",
    "compare_empty_open": "weiterhin ohne Angebot",
    "compare_empty_sum": "  {closed} geschlossen, {new} neu ohne Angebot, {open} weiterhin ohne Angebot.",
}

# Counted words: (one, more than one)
WORDS: dict[str, tuple[str, str]] = {
    "error": ("Fehler", "Fehler"),
    "file": ("Datei", "Dateien"),
    "warning": ("Warnung", "Warnungen"),
    "offer": ("Angebot", "Angebote"),
    "provider": ("Anbieter", "Anbieter"),
    "page": ("freie Seite", "freie Seiten"),
    "translation": ("Übersetzung", "Übersetzungen"),
    "network": ("Netzwerk", "Netzwerke"),
    "expired": ("abgelaufenes Angebot", "abgelaufene Angebote"),
}


def say(_name: str, /, **values) -> str:
    """The text `name` of COMMANDS with its values filled in."""
    return COMMANDS[_name].format(**values)


def missing_modules(error: ModuleNotFoundError, arguments: list[str]) -> int:
    """build.py started without its dependencies (outside .venv): says what to do instead of a traceback; exit 2.
    Imports nothing that is not in Python itself."""
    if not error.name or error.name.split(".")[0] == "catalogue":
        raise error  # a part of this program is missing: a real bug, with its traceback
    import shlex
    import sys

    example = say("missing_modules_example", arguments=shlex.join(arguments)) if arguments else ""
    print(say("missing_modules", modules=error.name.split(".")[0], example=example), file=sys.stderr)
    return 2


def count(number: int, word: str) -> str:
    one, other = WORDS[word]
    return f"{number} {one if number == 1 else other}"


def seconds(value: float) -> str:
    """A duration as German writes it: 1,5 s."""
    return f"{value:.1f} s".replace(".", ",")
