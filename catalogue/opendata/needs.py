"""The need-weighted gaps as open data: daten/bedarf.csv (for German Excel, as the catalogue's table) and
daten/bedarf.json (with the ranking and the indicators), both with the source and `stand` of the population
figures. Written only when daten/bevoelkerung.csv exists."""

from __future__ import annotations

import json
from pathlib import Path

from catalogue.model.i18n import Texts
from catalogue.model.needs import Needs, german_number
from catalogue.opendata.spreadsheet import write_table
from catalogue.render.paths import DATA_FOLDER

CSV_FILE = f"{DATA_FOLDER}/bedarf.csv"
JSON_FILE = f"{DATA_FOLDER}/bedarf.json"
# Where needs_csv_columns (and csv_rows) put what `report --vergleich` reads back from an earlier table
COLUMN_POSITIONS = {"district": 0, "phase": 2, "young": 4, "offers": 5, "per_thousand": 6, "flagged": 7, "stand": 10}


def csv_rows(needs: Needs, german: Texts) -> tuple[list[str], list[list[str]]]:
    """One row per district and life phase; numbers as German Excel reads them (1,5), unknown ones empty."""
    figures = needs.figures
    rows = []
    for district, name in needs.districts:
        for phase in needs.phases:
            cell = needs.cell(district, phase.id)
            reasons = ([german("needs_below_minimum", minimum=german_number(figures.minimum, 1))]
                       if cell.below_minimum else [])
            if cell.below_half_city:
                reasons.append(german("needs_below_half", half=german_number(needs.city_rate[phase.id] / 2, 1)))
            rows.append([district, name, phase.id, phase.name, "" if cell.young is None else str(cell.young),
                         str(cell.offers), "" if cell.per_thousand is None else german_number(cell.per_thousand, 2),
                         german("needs_csv_yes" if cell.flagged else "needs_csv_no"),
                         german("list_separator").join(reasons), figures.source, figures.stand.isoformat()])
    return german.list("needs_csv_columns"), rows


def json_data(needs: Needs) -> dict:
    figures = needs.figures
    return {
        "quelle": figures.source,
        "stand": figures.stand.isoformat(),
        "beispiel": figures.example,
        "mindestens_je_1000": figures.minimum,
        "lebensphasen": [{"id": p.id, "name": p.name, "je_1000_ganze_stadt": _rounded(needs.city_rate[p.id])}
                         for p in needs.phases],
        "zellen": [{"stadtteil": district, "lebensphase": phase.id, "junge_menschen": cell.young,
                    "angebote": cell.offers, "je_1000": _rounded(cell.per_thousand),
                    "unter_mindestwert": cell.below_minimum, "unter_haelfte_ganze_stadt": cell.below_half_city}
                   for district, _ in needs.districts for phase in needs.phases
                   for cell in [needs.cell(district, phase.id)]],
        "rangfolge": [{"rang": rank, "stadtteil": need.district, "name": need.name, "junge_menschen": need.young,
                       "angebote": need.offers, "junge_menschen_je_angebot": _rounded(need.young_per_offer),
                       "kennzahlen": [{"kennzahl": i.name, "wert": i.value, "einheit": i.unit}
                                      for i in need.indicators]}
                      for rank, need in enumerate(needs.ranking, 1)],
        "ganze_stadt": {p.id: [o.id for o in needs.whole_city[p.id]] for p in needs.phases},
        "nur_online_oder_telefon": {p.id: [o.id for o in needs.remote[p.id]] for p in needs.phases},
    }


def write_files(needs: Needs | None, root: Path, german: Texts) -> list[str]:
    """Both files under the site's root; the paths written (none without figures)."""
    if needs is None:
        return []
    write_table(root / CSV_FILE, *csv_rows(needs, german))
    (root / JSON_FILE).write_text(json.dumps(json_data(needs), ensure_ascii=False, indent=2) + "\n",
                                  encoding="utf-8")
    return [CSV_FILE, JSON_FILE]


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
