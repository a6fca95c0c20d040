"""A provider as an HSDS organization: its own fields, its address as a location, its published offers as services
in short."""

from __future__ import annotations

import re

from catalogue.model.catalogue import Catalogue, Provider
from catalogue.model.offers import Place
from catalogue.model.site import Site
from catalogue.opendata.hsds.programs import membership_attributes, program_records
from catalogue.opendata.hsds.records import address_record, phone_record, record_id, without_empty
from catalogue.opendata.hsds.text import plain_text
from catalogue.render.paths import offer_url


# Provider addresses are one line of text; "Straße 1, 12345 Ort" is how German addresses are written.
POSTAL_ADDRESS = re.compile(r"^(?P<street>.+?),\s*(?P<postcode>\d{5})\s+(?P<town>.+)$")


def organization_fields(catalogue: Catalogue, provider: Provider) -> dict:
    """The organization's own fields, as a service nests it."""
    return without_empty({
        "id": record_id(catalogue.site, "organization", provider.id),
        "name": provider.name,
        "description": plain_text(provider.body),
        "email": provider.email,
        "website": provider.web,
        "legal_status": provider.kind,
    }, required=("description",))



def organization_record(catalogue: Catalogue, provider: Provider) -> dict:
    site = catalogue.site
    organization_id = record_id(site, "organization", provider.id)
    services_in_short = [without_empty({
        "id": record_id(site, "service", offer.id), "organization_id": organization_id, "name": offer.title,
        "description": offer.summary, "url": offer_url(site, offer.id), "status": "active",
    }) for offer in provider.offers]
    return without_empty(organization_fields(catalogue, provider) | {
        "phones": ([phone_record(site, organization_id, provider.phone, "organization", provider.id)]
                   if provider.phone else []),
        "locations": [_provider_location(site, provider, organization_id)] if provider.address else [],
        "services": services_in_short,
        # networks (netzwerke/): those it coordinates as programs, every one it takes part in as an attribute
        "programs": program_records(catalogue, provider.id),
        "attributes": membership_attributes(catalogue, provider.id),
    }, required=("description",))



def _provider_location(site: Site, provider: Provider, organization_id: str) -> dict:
    """The provider's address, split into its parts where it is written the usual way, else as text."""
    location_id = record_id(site, "organization", provider.id, "location")
    match = POSTAL_ADDRESS.match(provider.address.strip())
    if match is None:
        return {"id": location_id, "location_type": "physical", "organization_id": organization_id,
                "name": provider.name, "description": provider.address}
    place = Place(provider.name, match["street"], match["postcode"], match["town"])
    address = address_record(site, location_id, place, "organization", provider.id, "address")
    return {"id": location_id, "location_type": "physical", "organization_id": organization_id,
            "name": provider.name, "addresses": [address]}
