"""daten/: the figures per district as a statistics office exports them, and every way such an export can be bad
(file, line, column and the German message checked)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalogue.model.needs import DistrictShape, Indicator, Population

BEDARF = "bedarf:\n  quelle: Stadt Musterstadt, Einwohnermeldedaten\n  stand: 2025-12-31\n  mindestens_je_1000: 2\n"
SQUARE = [[[6.8, 51.3], [6.9, 51.3], [6.9, 51.4], [6.8, 51.3]]]


@pytest.fixture
def figures(content):
    content.write("site.yaml", (content.root / "site.yaml").read_text(encoding="utf-8") + BEDARF)
    return content


def errors_in(content, name):
    return [(p.line, p.key, p.message, p.hint) for p in content.errors() if p.file.name == name]


def test_a_messy_export_is_read(figures):
    # BOM, semicolons, a thousands separator, names instead of ids in any case, header in another order and
    # case, blank lines and spaces around the cells
    figures.root.joinpath("daten").mkdir()
    figures.root.joinpath("daten/bevoelkerung.csv").write_bytes(
        "\ufeffLebensphase ; STADTTEIL;Anzahl\r\n\r\nkleinkind;mitte;1.234\r\n"
        "Kleinkind; LINTORF ;980\r\n;;\r\n0 bis 3 Jahre;nord; 12 \r\n jugend ;Mitte;0\r\n".encode())
    figures.write("daten/kennzahlen.csv", 'stadtteil,kennzahl,wert,einheit\nmitte,SGB-II-Quote,"18,4",%\n'
                                          "Nord,Einwohner,\"1.234,5\",\n\nlintorf,Quote,7,\n")
    site = figures.catalogue().site
    assert site.figures.source == "Stadt Musterstadt, Einwohnermeldedaten"
    assert site.figures.minimum == 2
    assert site.figures.population == (Population("mitte", "kleinkind", 1234), Population("lintorf", "kleinkind", 980),
                                       Population("nord", "kleinkind", 12), Population("mitte", "jugend", 0))
    assert site.figures.indicators == (Indicator("mitte", "SGB-II-Quote", 18.4, "%"),
                                       Indicator("nord", "Einwohner", 1234.5, ""), Indicator("lintorf", "Quote", 7.0, ""))


def test_commas_and_a_kennzahlen_file_without_unit_column(figures):
    figures.write("daten/bevoelkerung.csv", "stadtteil,lebensphase,anzahl\nmitte,jugend,\"1.500\"\n")
    figures.write("daten/kennzahlen.csv", "wert;Stadtteil;Kennzahl\n3,5;nord;Alleinerziehende\n")
    site = figures.catalogue().site
    assert site.figures.population == (Population("mitte", "jugend", 1500),)
    assert site.figures.indicators == (Indicator("nord", "Alleinerziehende", 3.5, ""),)


def test_every_bad_row_is_told_with_its_line_and_column(figures):
    figures.write("daten/bevoelkerung.csv", "stadtteil;lebensphase;anzahl\n"
                  "mitte;kleinkind;100\n"  # 2
                  "Mite;kleinkind;100\n"  # 3: unknown district
                  "ganz-stadt;kleinkind;100\n"  # 4: the whole city
                  "nord;kita;100\n"  # 5: unknown life phase
                  "nord;jugend;-5\n"  # 6: negative
                  "lintorf;jugend;viele\n"  # 7: not a number
                  "Mitte;Kleinkind;200\n"  # 8: duplicate of line 2
                  "nord;kleinkind\n")  # 9: a cell missing
    found = errors_in(figures, "bevoelkerung.csv")
    assert [(line, where) for line, where, *_ in found] == [
        (3, "stadtteil"), (4, "stadtteil"), (5, "lebensphase"), (6, "anzahl"), (7, "anzahl"), (8, "stadtteil"),
        (9, "")]
    messages = [message for _, _, message, _ in found]
    assert messages[0] == "„Mite“ ist kein Stadtteil aus site.yaml. Meinten Sie „Mitte“?"
    assert "die ganze Stadt" in messages[1]
    assert messages[2].startswith("„kita“ ist keine Lebensphase aus site.yaml.")
    assert messages[3] == "„-5“ in der Spalte „anzahl“ ist negativ."
    assert messages[4] == "„viele“ in der Spalte „anzahl“ ist keine ganze Zahl."
    assert messages[5] == "Für Mitte und „kleinkind“ gibt es schon eine Zeile (Zeile 2)."
    assert messages[6] == "Die Zeile hat 2 Werte, die Kopfzeile aber 3 Spalten."
    assert "mitte (Mitte)" in found[0][3]


def test_a_wrong_header_and_a_missing_column(figures):
    figures.write("daten/bevoelkerung.csv", "\n\nstadtteil;phase;anzahl\nmitte;kleinkind;1\n")
    found = errors_in(figures, "bevoelkerung.csv")
    assert [(line, where, message) for line, where, message, _ in found] == [
        (3, "lebensphase", "In der Kopfzeile fehlt die Spalte „lebensphase“."),
        (3, "phase", "Die Spalte „phase“ in der Kopfzeile ist nicht bekannt. Meinten Sie „lebensphase“?")]


def test_kennzahlen_bad_value_and_duplicate(figures):
    figures.write("daten/kennzahlen.csv", "stadtteil;kennzahl;wert;einheit\nmitte;Quote;18%;\n"
                  "nord;Quote;1;%\nNord;quote;2;%\n")
    found = errors_in(figures, "kennzahlen.csv")
    assert [(line, where, message) for line, where, message, _ in found] == [
        (2, "wert", "„18%“ in der Spalte „wert“ ist keine Zahl."),
        (4, "kennzahl", "Für Nord und „quote“ gibt es schon eine Zeile (Zeile 3).")]


def test_not_utf8_is_told_with_its_line(figures):
    figures.root.joinpath("daten").mkdir()
    figures.root.joinpath("daten/bevoelkerung.csv").write_bytes(b"stadtteil;lebensphase;anzahl\nL\xf6vich;jugend;3\n")
    found = errors_in(figures, "bevoelkerung.csv")
    assert [(line, message.split(":")[0]) for line, _, message, _ in found] == [
        (2, "Die Datei ist nicht als UTF-8 gespeichert")]


def test_population_without_bedarf_is_an_error_in_site_yaml(content):
    content.write("daten/bevoelkerung.csv", "stadtteil;lebensphase;anzahl\nmitte;jugend;10\n")
    found = errors_in(content, "site.yaml")
    assert [(line, where) for line, where, *_ in found] == [(1, "bedarf")]
    assert "bevoelkerung.csv" in found[0][2]


def test_bedarf_needs_source_and_date(content):
    content.write("site.yaml", (content.root / "site.yaml").read_text(encoding="utf-8") + "bedarf:\n  quelle: x\n")
    found = errors_in(content, "site.yaml")
    assert len(found) == 1 and "stand" in found[0][2]


def test_a_link_out_of_the_content_folder_is_never_read(figures, tmp_path):
    outside = tmp_path / "geheim.csv"
    outside.write_text("stadtteil;lebensphase;anzahl\nmitte;jugend;10\n", encoding="utf-8")
    (figures.root / "daten").mkdir()
    (figures.root / "daten" / "bevoelkerung.csv").symlink_to(outside)
    assert [p.file.name for p in figures.errors()] == ["bevoelkerung.csv"]


def test_without_daten_nothing_changes(content):
    assert content.catalogue().site.figures is None


def geojson(*features) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def feature(district, kind="Polygon", coordinates=SQUARE):
    return {"type": "Feature", "properties": {"stadtteil": district}, "geometry": {"type": kind, "coordinates": coordinates}}


def test_geojson_is_kept_for_the_map(figures):
    figures.write("daten/stadtteile.geojson", geojson(feature("mitte"), feature("nord", "MultiPolygon", [SQUARE])))
    shapes = figures.catalogue().site.figures.shapes
    assert shapes == (DistrictShape("mitte", "Polygon", SQUARE), DistrictShape("nord", "MultiPolygon", [SQUARE]))


@pytest.mark.parametrize(("text", "line", "start"), [
    ('{"type": "Feature"}', 1, "Die Datei ist keine GeoJSON-FeatureCollection („type“ ist „Feature“)."),
    ("[1, 2]", 1, "Die Datei ist keine GeoJSON-FeatureCollection (keine Sammlung von Elementen)."),
    (geojson(feature("mitte", "Point", [6.8, 51.3])), 1,
     "Das Element Nr. 1 ist ein Element vom Typ „Point“, kein Umriss"),
    (geojson(feature("mitte", coordinates=[[[350000, 5690000], [1, 2], [3, 4]]])), 1,
     "Das Element Nr. 1 hat Koordinaten außerhalb von Länge und Breite (Länge 350000, Breite 5690000)."),
    (geojson(feature("mitte"), feature("süd")), 1,
     "Das Element Nr. 2 nennt bei „properties.stadtteil“ „süd“, keinen Stadtteil aus site.yaml."),
    ('{\n  "type": "FeatureCollection",\n  "features": [\n    {"type": "Feature",}\n  ]\n}', 4,
     "Die Datei ist kein gültiges JSON: hier fehlt ein Name in Anführungszeichen (Zeile 4, Spalte 24)."),
])
def test_geojson_errors(figures, text, line, start):
    figures.write("daten/stadtteile.geojson", text)
    found = errors_in(figures, "stadtteile.geojson")
    assert len(found) == 1
    assert found[0][0] == line
    assert found[0][2].startswith(start)


def test_a_far_too_large_geojson_is_not_read(figures, monkeypatch):
    from catalogue.read import tables
    monkeypatch.setattr(tables, "MAX_GEOJSON_BYTES", 100)
    figures.write("daten/stadtteile.geojson", geojson(feature("mitte"), feature("nord")))
    found = errors_in(figures, "stadtteile.geojson")
    assert len(found) == 1 and "höchstens 0,0 MB" in found[0][2]


@given(st.integers(min_value=0, max_value=10**9))
def test_any_count_written_the_german_way_reads_back(number):
    from catalogue.check.figures import _whole_number
    assert _whole_number(f"{number:,}".replace(",", "."), None, 1, None) == number
    assert _whole_number(str(number), None, 1, None) == number


@given(st.decimals(min_value=-10**6, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_any_value_with_a_decimal_comma_or_point_reads_back(value):
    from catalogue.check.figures import _decimal
    assert _decimal(str(value).replace(".", ",")) == float(value)
    assert _decimal(str(value)) == float(value)
    assert _decimal(f"{value:,}".replace(",", "\0").replace(".", ",").replace("\0", ".")) == float(value)
