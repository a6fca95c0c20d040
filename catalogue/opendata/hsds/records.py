"""What every HSDS record needs: its id, UUID v5 from the catalogue's basis_url and the ids of the content files
(the same content gives the same ids in every build, and two towns that both have a "krabbelgruppe" do not share
one), and the parts that services and organizations share (phones, addresses, district names)."""

from __future__ import annotations

import functools
import uuid

from catalogue.model.offers import Place
from catalogue.model.site import WHOLE_CITY, Site


# The generator serves Kinderstark towns in North Rhine-Westphalia.
COUNTRY = "DE"
STATE = "NW"


def record_id(site: Site, *parts: str) -> str:
    return str(uuid.uuid5(_namespace(site.base_url), "/".join(parts)))



@functools.lru_cache(maxsize=None)
def _namespace(base_url: str) -> uuid.UUID:
    """The catalogue's own UUID namespace, made once: a catalogue's records need tens of thousands of ids."""
    return uuid.uuid5(uuid.NAMESPACE_URL, base_url)



def without_empty(record: dict, required: tuple[str, ...] = ()) -> dict:
    """Leaves out fields without a value, except those the schema requires."""
    return {key: value for key, value in record.items() if key in required or value not in ("", None, [], {})}



def phone_record(site: Site, owner_id: str, number: str, owner: str, *path: str) -> dict:
    """A phone of a service, contact or organization; `owner` names the field that links it."""
    return {"id": record_id(site, "phone", owner, *path), f"{owner}_id": owner_id, "number": number}



def district_name(site: Site, district: str) -> str:
    return site.city if district == WHOLE_CITY else site.districts[district]



def address_record(site: Site, location_id: str, place: Place, *id_path: str) -> dict:
    """A postal address; the town defaults to the catalogue's city, where nearly every place lies."""
    return {"id": record_id(site, *id_path), "location_id": location_id, "address_1": place.street,
            "city": place.town or site.city, "state_province": STATE, "postal_code": place.postcode,
            "country": COUNTRY, "address_type": "physical"}
