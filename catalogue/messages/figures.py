"""What the coordinator is told when the figures per district (daten/bevoelkerung.csv, daten/kennzahlen.csv,
daten/stadtteile.geojson) or their `bedarf` in site.yaml do not fit: the statistics office's export as it must
look, row by row."""

FIGURES: dict[str, tuple[str, str]] = {
    "figures_no_header": (
        "Die Datei hat keine Kopfzeile: Die erste Zeile, die nicht leer ist, muss die Spalten nennen.",
        "Schreiben Sie in die erste Zeile die Spalten {columns}, getrennt durch „;“ oder „,“.",
    ),
    "figures_missing_column": (
        "In der Kopfzeile fehlt die Spalte „{column}“.",
        "Die Kopfzeile muss die Spalten {columns} nennen, getrennt durch „;“ oder „,“. Reihenfolge und Groß- und "
        "Kleinschreibung sind egal.",
    ),
    "figures_unknown_column": (
        "Die Spalte „{column}“ in der Kopfzeile ist nicht bekannt.{suggestion}",
        "Erlaubt sind nur die Spalten {columns}. Benennen Sie die Spalte um oder löschen Sie sie mit ihren Werten.",
    ),
    "figures_row_length": (
        "Die Zeile hat {found} Werte, die Kopfzeile aber {expected} Spalten.",
        "Schreiben Sie in jede Zeile genau einen Wert je Spalte. Enthält ein Wert selbst das Trennzeichen, "
        "setzen Sie ihn in Anführungszeichen (\"18,4\").",
    ),
    "figures_unknown_district": (
        "„{value}“ ist kein Stadtteil aus site.yaml.{suggestion}",
        "Schreiben Sie die Kennung oder den Namen eines Stadtteils aus site.yaml: {allowed}.",
    ),
    "figures_whole_city": (
        "Zahlen für „{value}“ (die ganze Stadt) gehören nicht in diese Datei.",
        "Schreiben Sie nur Zeilen für einzelne Stadtteile; die Zahl für die ganze Stadt rechnet der Katalog "
        "selbst aus. Löschen Sie diese Zeile.",
    ),
    "figures_unknown_phase": (
        "„{value}“ ist keine Lebensphase aus site.yaml.{suggestion}",
        "Schreiben Sie die Kennung einer Lebensphase aus site.yaml: {allowed}.",
    ),
    "figures_bad_count": (
        "„{value}“ in der Spalte „anzahl“ ist {reason}.",
        "Schreiben Sie eine ganze Zahl ab 0, z. B. „980“ oder „1.234“ (Punkt als Tausendertrennzeichen). "
        "Ist die Zahl unbekannt, lassen Sie die ganze Zeile weg.",
    ),
    "figures_bad_value": (
        "„{value}“ in der Spalte „wert“ ist keine Zahl.",
        "Schreiben Sie eine Zahl, z. B. „18,4“ oder „18.4“; die Einheit (z. B. „%“) gehört in die Spalte "
        "„einheit“. Ist der Wert unbekannt, lassen Sie die ganze Zeile weg.",
    ),
    "figures_duplicate": (
        "Für {district} und „{what}“ gibt es schon eine Zeile (Zeile {other_line}).",
        "Jede Kombination darf nur einmal vorkommen. Löschen Sie eine der beiden Zeilen oder korrigieren Sie "
        "den Stadtteil.",
    ),
    "figures_no_bedarf": (
        "Im Ordner daten/ liegt bevoelkerung.csv, aber site.yaml sagt bei „bedarf“ nicht, woher die Zahlen "
        "kommen und von wann sie sind.",
        "Ergänzen Sie site.yaml um „bedarf:“ mit „quelle:“ (z. B. „Stadt Ratingen, Einwohnermeldedaten“) und "
        "„stand:“ (der Tag, auf den sich die Zahlen beziehen, JJJJ-MM-TT).",
    ),
    "geo_too_big": (
        "Die Datei ist {size} groß; eine Karte der Stadtteile darf höchstens {limit} groß sein. Sie wird nicht "
        "gelesen.",
        "Vereinfachen Sie die Umrisse der Stadtteile (z. B. in QGIS mit „Geometrie vereinfachen“ oder auf "
        "mapshaper.org) und speichern Sie die Datei neu als GeoJSON.",
    ),
    "geo_json_syntax": (
        "Die Datei ist kein gültiges JSON: {problem} (Zeile {line_number}, Spalte {column}).",
        "Exportieren Sie die Karte neu als GeoJSON, oder prüfen Sie an dieser Stelle Klammern, Kommas und "
        "Anführungszeichen.",
    ),
    "geo_not_collection": (
        "Die Datei ist keine GeoJSON-FeatureCollection ({found}).",
        "Die Datei muss mit {{\"type\": \"FeatureCollection\", \"features\": [ … ]}} beginnen. Exportieren Sie die "
        "Stadtteile als GeoJSON mit allen Umrissen in einer Datei.",
    ),
    "geo_geometry": (
        "Das Element Nr. {number} ist {found}, kein Umriss (Polygon oder MultiPolygon).",
        "Die Datei darf nur die Umrisse der Stadtteile enthalten, als Polygon oder MultiPolygon. Löschen Sie "
        "Punkte, Linien und leere Elemente.",
    ),
    "geo_coordinates": (
        "Das Element Nr. {number} hat Koordinaten außerhalb von Länge und Breite ({found}).",
        "GeoJSON verlangt WGS 84: Länge von -180 bis 180, Breite von -90 bis 90, in dieser Reihenfolge. "
        "Exportieren Sie die Karte mit dem Koordinatensystem EPSG:4326 (nicht in Metern, z. B. UTM).",
    ),
    "geo_unknown_district": (
        "Das Element Nr. {number} nennt bei „properties.stadtteil“ „{value}“, keinen Stadtteil aus "
        "site.yaml.{suggestion}",
        "Schreiben Sie bei „stadtteil“ die Kennung eines Stadtteils aus site.yaml: {allowed}.",
    ),
}
