"""The networks (netzwerke/) for other systems: daten/netzwerke.csv for German Excel, as daten/angebote.csv is
written, and daten/netzwerke.json with the same facts and the ids of site.yaml and the providers."""

from __future__ import annotations

import json
from pathlib import Path

from catalogue.model.catalogue import Catalogue
from catalogue.model.facets import district_name
from catalogue.model.i18n import Texts
from catalogue.model.networks import Network
from catalogue.opendata.spreadsheet import SEPARATOR, write_table
from catalogue.render.paths import DATA_FOLDER

CSV_FILE = f"{DATA_FOLDER}/netzwerke.csv"
JSON_FILE = f"{DATA_FOLDER}/netzwerke.json"


def network_url(site, network_id: str) -> str:
    return f"{site.base_url}netzwerke/{network_id}/"


def write_files(catalogue: Catalogue, root: Path, german: Texts) -> list[Path]:
    """daten/netzwerke.csv and daten/netzwerke.json under the site's root, when the catalogue has networks."""
    if not catalogue.networks:
        return []
    csv_path, json_path = root / CSV_FILE, root / JSON_FILE
    write_table(csv_path, german.list("network_csv_columns"),
                [_row(catalogue, german, network) for network in catalogue.networks])
    json_path.write_text(json.dumps(records(catalogue), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return [csv_path, json_path]


def records(catalogue: Catalogue) -> list[dict]:
    """Each published network with ids and names, in the catalogue's order."""
    site = catalogue.site
    names = {p.id: p.name for p in catalogue.providers}
    return [{
        "id": n.id, "name": n.name, "art": n.kind,
        "koordination": {"id": n.coordinator, "name": names[n.coordinator]} if n.coordinator else None,
        "mitglieder": [{"id": m, "name": names[m]} for m in n.members],
        "weitere_mitglieder": list(n.other_members),
        "lebensphasen": list(n.life_phases), "themen": list(n.topics), "stadtteile": list(n.districts),
        "treffen": n.meetings, "offen_fuer_neue": n.open_to_new,
        "kontakt": {"name": n.contact.name, "telefon": n.contact.phone, "email": n.contact.email,
                    "web": n.contact.web} if n.contact else None,
        "beschreibung": n.body.strip(), "beispiel": n.example, "stand": n.stand.isoformat(),
        "gueltig_bis": n.valid_until.isoformat() if n.valid_until else None,
        "uebersetzungen": {code: {"name": t.name, "beschreibung": t.body.strip()}
                           for code, t in sorted(n.translations.items())},
        "url": network_url(site, n.id),
    } for n in catalogue.networks]


def _row(catalogue: Catalogue, german: Texts, network: Network) -> list[str]:
    site = catalogue.site
    names = {p.id: p.name for p in catalogue.providers}
    phases = {phase.id: phase.name for phase in site.life_phases}
    contact = network.contact
    return [
        network.id, network.name, network.kind, network.coordinator or "",
        names[network.coordinator] if network.coordinator else "",
        SEPARATOR.join(network.members), SEPARATOR.join(names[m] for m in network.members),
        SEPARATOR.join(network.other_members),
        SEPARATOR.join(phases[p] for p in network.life_phases),
        SEPARATOR.join(site.topics[t] for t in network.topics),
        SEPARATOR.join(district_name(site, german, d) for d in network.districts),
        network.meetings or "", german("csv_yes" if network.open_to_new else "csv_no"),
        contact.name if contact else "", contact.phone if contact else "", contact.email if contact else "",
        contact.web if contact else "", network.body.strip(), german("csv_yes" if network.example else "csv_no"),
        network.stand.isoformat(), network.valid_until.isoformat() if network.valid_until else "",
        network_url(site, network.id),
    ]
