"""An offer as an HSDS service, fully nested: its schedules, service areas, places, languages, costs, contact and
the organization that offers it.

Times: a weekly time has no fixed UTC offset (summer time), so opens_at and closes_at stay local times like
"09:30", meant for the place (RFC 5545's floating time); a dated event's times carry the offset of its day.
"""

from __future__ import annotations

from datetime import date, datetime, time

from catalogue.model.catalogue import Catalogue, Provider
from catalogue.model.i18n import GERMAN
from catalogue.model.languages import language_name
from catalogue.model.offers import WEEKDAYS, DatedEvent, Offer, Place, RegularTime
from catalogue.model.site import Site
from catalogue.opendata import EXAMPLE_NOTE, RFC_WEEKDAYS, TIMEZONE
from catalogue.opendata.hsds.organizations import organization_fields
from catalogue.opendata.hsds.records import address_record, district_name, phone_record, record_id, without_empty
from catalogue.opendata.hsds.taxonomies import attribute_records
from catalogue.opendata.hsds.text import plain_text
from catalogue.render.paths import offer_url


CURRENCY = "EUR"


def service_record(catalogue: Catalogue, offer: Offer, taxonomy_terms: dict[str, dict[str, dict]]) -> dict:
    site = catalogue.site
    provider = catalogue.provider(offer.provider_id)
    service_id = record_id(site, "service", offer.id)
    description = "\n\n".join(part for part in (offer.summary, plain_text(offer.body)) if part)
    return without_empty({
        "id": service_id,
        "organization_id": record_id(site, "organization", provider.id),
        "name": offer.title,
        "alert": EXAMPLE_NOTE if offer.example else "",
        "description": description,
        "url": offer_url(site, offer.id),
        "email": offer.contact.email,
        "status": "active",
        "application_process": offer.registration,
        "fees_description": offer.costs,
        "minimum_age": offer.age_from,
        "maximum_age": offer.age_to,
        "assured_date": offer.checked.isoformat(),
        # "when the service, or any related information about the service, has changed": the provider too
        "last_modified": _utc_midnight(max(offer.checked, provider.checked)),
        "phones": [phone_record(site, service_id, offer.contact.phone, "service", offer.id)] if offer.contact.phone else [],
        "schedules": ([_weekly(site, offer, service_id, i, t) for i, t in enumerate(offer.times)]
                      + [_dated(site, offer, service_id, i, e) for i, e in enumerate(offer.events)]),
        "service_areas": [_service_area(site, offer, service_id, district) for district in offer.districts],
        "service_at_locations": [_service_at_location(site, offer, provider, service_id, i, place)
                                 for i, place in enumerate(offer.places)],
        "languages": [_language(site, offer, service_id, code) for code in offer.languages],
        "organization": organization_fields(catalogue, provider),
        "cost_options": [_free(site, offer, service_id)] if offer.free else [],
        "contacts": [_contact(site, offer, service_id)] if offer.contact.name else [],
        "attributes": attribute_records(site, offer, service_id, taxonomy_terms),
    })



def _utc_midnight(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"



def _weekly(site: Site, offer: Offer, service_id: str, index: int, regular: RegularTime) -> dict:
    days = sorted(regular.days, key=WEEKDAYS.index)
    return without_empty({
        "id": record_id(site, "schedule", offer.id, "zeiten", str(index)),
        "service_id": service_id,
        "valid_to": offer.valid_until.isoformat() if offer.valid_until else None,
        "wkst": "MO",
        "freq": "WEEKLY",
        "byday": ",".join(RFC_WEEKDAYS[day] for day in days),
        "description": regular.note,
        "opens_at": regular.start,
        "closes_at": regular.end,
    })



def _dated(site: Site, offer: Offer, service_id: str, index: int, event: DatedEvent) -> dict:
    """A dated event as a weekly rule that ends on its first day: it happens once."""
    day = event.day.isoformat()
    return without_empty({
        "id": record_id(site, "schedule", offer.id, "termine", str(index)),
        "service_id": service_id,
        "valid_from": day,
        "valid_to": day,
        "dtstart": day,
        "until": day,
        "wkst": "MO",
        "freq": "WEEKLY",
        "byday": RFC_WEEKDAYS[WEEKDAYS[event.day.weekday()]],
        "description": event.note,
        "opens_at": _local_time(event.day, event.start),
        "closes_at": _local_time(event.day, event.end),
    })



def _local_time(day: date, clock: str) -> str:
    """"10:00" on a winter day → "10:00+01:00"."""
    if not clock:
        return ""
    hours, minutes = (int(part) for part in clock.split(":"))
    offset = datetime.combine(day, time(hours, minutes), TIMEZONE).strftime("%z")
    return f"{clock}{offset[:3]}:{offset[3:]}"



def _service_area(site: Site, offer: Offer, service_id: str, district: str) -> dict:
    return {"id": record_id(site, "service_area", offer.id, district), "service_id": service_id,
            "name": district_name(site, district)}



def _service_at_location(site: Site, offer: Offer, provider: Provider, service_id: str, index: int,
                         place: Place) -> dict:
    location_id = record_id(site, "location", offer.id, str(index))
    location = without_empty({
        "id": location_id,
        "location_type": "physical",
        "organization_id": record_id(site, "organization", provider.id),
        "name": place.name,
        "description": place.note,
        "addresses": [address_record(site, location_id, place, "address", offer.id, str(index))] if place.street else [],
    })
    return {"id": record_id(site, "service_at_location", offer.id, str(index)), "service_id": service_id,
            "location_id": location_id, "location": location}



def _language(site: Site, offer: Offer, service_id: str, code: str) -> dict:
    return {"id": record_id(site, "language", offer.id, code), "service_id": service_id,
            "name": language_name(code, GERMAN), "code": code}



def _free(site: Site, offer: Offer, service_id: str) -> dict:
    return {"id": record_id(site, "cost_option", offer.id, "kostenlos"), "service_id": service_id,
            "option": "kostenlos", "currency": CURRENCY, "amount": 0}



def _contact(site: Site, offer: Offer, service_id: str) -> dict:
    """The named person to ask; the service itself carries the same phone and email for those who look there."""
    contact_id = record_id(site, "contact", offer.id)
    contact = offer.contact
    return without_empty({
        "id": contact_id,
        "service_id": service_id,
        "name": contact.name,
        "email": contact.email,
        "phones": [phone_record(site, contact_id, contact.phone, "contact", offer.id)] if contact.phone else [],
    })
