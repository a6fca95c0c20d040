"""What a partner is told about a network file (netzwerke/<id>.md): members and coordination that name no provider,
a translation without its network, a network past its end."""

NETWORKS: dict[str, tuple[str, str]] = {
    "unknown_network_provider": (
        "„{value}“ bei „{key}“ ist kein Anbieter: Im Ordner anbieter/ fehlt die Datei {value}.md.{suggestion}",
        "Schreiben Sie die Kennung eines vorhandenen Anbieters ({allowed}), legen Sie anbieter/{value}.md an "
        "oder nennen Sie ein Mitglied ohne Anbieter-Datei bei „weitere_mitglieder“ mit seinem Namen.",
    ),
    "network_translation_without_original": (
        "Zu dieser Übersetzung gibt es kein Netzwerk: netzwerke/{id}.md fehlt.{suggestion}",
        "Eine Übersetzung heißt wie die deutsche Datei, mit dem Sprachkürzel davor, z. B. "
        "netzwerke/fruehe-hilfen.en.md zu netzwerke/fruehe-hilfen.md.",
    ),
    "network_expired": (
        "Das Netzwerk gilt nur bis {value} und wird deshalb nicht veröffentlicht.",
        "Löschen Sie die Datei, wenn es das Netzwerk nicht mehr gibt, oder setzen Sie „gueltig_bis“ auf ein "
        "späteres Datum.",
    ),
}
