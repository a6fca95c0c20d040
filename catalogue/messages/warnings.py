"""What a partner is warned about but may publish: a missing accessibility statement, an expired offer, a file that is
not read."""

WARNINGS: dict[str, tuple[str, str]] = {
    "no_accessibility_statement": (
        "In site.yaml fehlen die Angaben für die Erklärung zur Barrierefreiheit; die Seite sagt deshalb nur, "
        "dass sie fehlen.",
        "Ergänzen Sie „barrierefreiheit_erklaerung“ mit stand, status (vollstaendig, teilweise oder nicht), "
        "einschraenkungen und ombudsstelle (Name und Internetadresse der Ombudsstelle in NRW).",
    ),
    "translation_language_unused": (
        "Für „{code}“ ({language}) hat die Website keine Seiten; diese Übersetzungen werden nicht verwendet.",
        "Die Website gibt es auf {languages}. Für eine weitere Sprache braucht sie eine Tabelle ihrer Texte in "
        "layouts/i18n/ (siehe docs/betrieb/anleitungen/uebersetzungen.md#eine-weitere-sprache-der-website); bis "
        "dahin können die Übersetzungen stehen bleiben. Oder "
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
        "Wer übersetzen kann, ergänzt sie unter „uebersetzungen“ (siehe "
        "docs/betrieb/anleitungen/uebersetzungen.md, „Namen aus site.yaml übersetzen“).",
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
