"""Networks in HSDS 3.0, which has no record for a network of organisations: each network is a `program` of the
organization that coordinates it (of its first member where no one coordinates it), and every organization that
takes part carries an attribute with a term of the taxonomy „Netzwerke“ (value „koordination“ or „mitglied“).
Members without a provider file have no organization; the program's description names them. Meetings and
whether new members are welcome have no field: they are in the description too (docs/entwicklung/design.md)."""

from __future__ import annotations

from catalogue.model.catalogue import Catalogue
from catalogue.model.i18n import GERMAN
from catalogue.model.networks import Network
from catalogue.opendata.hsds.records import record_id
from catalogue.opendata.hsds.text import plain_text

TAXONOMY = ("Netzwerke", "Die Netzwerke, Arbeitskreise und Kooperationen, in denen Organisationen zusammenarbeiten.")


def home_of(network: Network) -> str:
    """The provider whose organization holds the network as its program."""
    return network.coordinator or network.members[0]


def program_records(catalogue: Catalogue, provider_id: str) -> list[dict]:
    """The networks the provider holds as programs."""
    site = catalogue.site
    return [{
        "id": record_id(site, "program", n.id),
        "organization_id": record_id(site, "organization", provider_id),
        "name": n.name,
        "alternate_name": n.kind,
        "description": _description(catalogue, n),
    } for n in catalogue.networks if home_of(n) == provider_id]


def membership_attributes(catalogue: Catalogue, provider_id: str) -> list[dict]:
    """An attribute for each network the provider takes part in: the network as a term, the role as the value."""
    site = catalogue.site
    organization_id = record_id(site, "organization", provider_id)
    return [{
        "id": record_id(site, "attribute", "organization", provider_id, "netzwerke", n.id),
        "link_id": organization_id, "link_entity": "organization", "link_type": "netzwerk",
        "taxonomy_term_id": record_id(site, "taxonomy_term", "netzwerke", n.id),
        "value": "koordination" if n.coordinator == provider_id else "mitglied",
        "taxonomy_term": _term(catalogue, n),
    } for n in catalogue.networks if provider_id in n.providers]


def _term(catalogue: Catalogue, network: Network) -> dict:
    site = catalogue.site
    taxonomy_id = record_id(site, "taxonomy", "netzwerke")
    return {"id": record_id(site, "taxonomy_term", "netzwerke", network.id), "code": network.id,
            "name": network.name, "description": network.kind, "taxonomy_id": taxonomy_id,
            "taxonomy_detail": {"id": taxonomy_id, "name": TAXONOMY[0], "description": TAXONOMY[1]},
            "language": GERMAN, "term_uri": f"{site.base_url}netzwerke/{network.id}/"}


def _description(catalogue: Catalogue, network: Network) -> str:
    site = catalogue.site
    names = {p.id: p.name for p in catalogue.providers}
    phases = {phase.id: phase.name for phase in site.life_phases}
    lines = [plain_text(network.body)]
    lines.append("Mitglieder: " + ", ".join([names[m] for m in network.members] + list(network.other_members)) + ".")
    lines.append("Lebensphasen: " + ", ".join(phases[p] for p in network.life_phases) + ".")
    if network.meetings:
        lines.append(f"Treffen: {network.meetings}.")
    lines.append("Neue Mitglieder sind willkommen." if network.open_to_new else
                 "Zurzeit werden keine neuen Mitglieder gesucht.")
    lines.append(f"Stand: {network.stand.isoformat()}.")
    return "\n\n".join(line for line in lines if line)
