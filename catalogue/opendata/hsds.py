"""The catalogue in Open Referral's Human Services Data Specification (HSDS 3.0): an offer is a service, a
provider an organization, the taxonomies of site.yaml are taxonomies whose terms an offer carries as
attributes.

The files are what the HSDS API would answer to /services?full=true, /organizations?full=true and
/services/{id}, each list as one page holding every record. Ids are UUID v5 from the catalogue's basis_url
and the ids of the content files, so the same content gives the same ids in every build, and two towns
that both have a "krabbelgruppe" do not share an id.

Descriptions are plain text: HSDS's service description is free text, and consumers show it as such. The
Markdown of an offer or provider is rendered as on the site and read back as text (paragraphs, list items,
link addresses kept).

Times: a weekly time has no fixed UTC offset (summer time), so opens_at and closes_at stay local times like
"09:30", meant for the place (RFC 5545's floating time); a dated event's times carry the offset of its day.
"""

from __future__ import annotations

import functools
import json
import re
import uuid
from datetime import date, datetime, time
from html.parser import HTMLParser
from pathlib import Path

from ..i18n import GERMAN
from ..languages import language_name
from ..markup import MarkdownRenderer
from ..model import WEEKDAYS, WHOLE_CITY, Catalogue, DatedEvent, Offer, Place, Provider, RegularTime, Site
from ..paths import offer_url
from . import EXAMPLE_NOTE, RFC_WEEKDAYS, TIMEZONE, made_anew, write

FOLDER = "hsds"
SERVICES_FILE = f"{FOLDER}/services.json"
ORGANIZATIONS_FILE = f"{FOLDER}/organizations.json"
# The generator serves Kinderstark towns in North Rhine-Westphalia.
COUNTRY = "DE"
STATE = "NW"
CURRENCY = "EUR"
# Provider addresses are one line of text; "Straße 1, 12345 Ort" is how German addresses are written.
POSTAL_ADDRESS = re.compile(r"^(?P<street>.+?),\s*(?P<postcode>\d{5})\s+(?P<town>.+)$")
# site.yaml's taxonomies: key, the taxonomy's name and description.
TAXONOMIES = {
    "lebensphasen": ("Lebensphasen", "Die Lebensphasen der Präventionskette, in der ein Angebot steht."),
    "themen": ("Themen", "Die Themen der Angebote."),
    "stadtteile": ("Stadtteile", "Die Stadtteile, für die ein Angebot da ist."),
    "barrierefreiheit": ("Barrierefreiheit", "Die Barrierefreiheit eines Angebots und seines Ortes."),
}


def services(catalogue: Catalogue) -> list[dict]:
    """One fully nested HSDS service for each published offer, in the catalogue's order."""
    taxonomy_terms = _taxonomy_terms(catalogue.site)
    return [_service(catalogue, offer, taxonomy_terms) for offer in catalogue.offers]


def organizations(catalogue: Catalogue) -> list[dict]:
    """One fully nested HSDS organization for each provider, with its published offers as services."""
    return [_organization(catalogue, provider) for provider in catalogue.providers]


def offer_file(offer_id: str) -> str:
    """The file of one offer's record, under the data folder."""
    return f"{FOLDER}/services/{offer_id}.json"


def write_files(catalogue: Catalogue, folder: Path, part=made_anew, unchanged: frozenset[str] = frozenset()
                ) -> list[Path]:
    """Writes hsds/services.json, hsds/organizations.json and hsds/services/<offer-id>.json into `folder`;
    returns the paths written (`folder` joined with each file's path). part: how each offer's record is had
    (opendata.made_anew); unchanged: the offers whose own file the build cache leaves in place, not written."""
    taxonomy_terms = _taxonomy_terms(catalogue.site)
    # Each service is dumped once, for its own file and for the list (most of the time HSDS takes is dumping).
    record_texts = [part("hsds", offer, functools.partial(_service_json, catalogue, offer, taxonomy_terms))
                    for offer in catalogue.offers]
    texts = {folder / SERVICES_FILE: _page_json(record_texts),
             folder / ORGANIZATIONS_FILE: _json(_page(organizations(catalogue)))}
    texts |= {folder / offer_file(offer.id): text
              for offer, text in zip(catalogue.offers, record_texts) if offer.id not in unchanged}
    return write({path: (text + "\n").encode() for path, text in texts.items()})


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _page(records: list[dict]) -> dict:
    """A list response of the HSDS API that holds all records on its only page."""
    return {"total_items": len(records), "total_pages": 1, "page_number": 1, "size": len(records),
            "first_page": True, "last_page": True, "empty": not records, "contents": records}


def _service_json(catalogue: Catalogue, offer: Offer, taxonomy_terms: dict[str, dict[str, dict]]) -> str:
    return _json(_service(catalogue, offer, taxonomy_terms))


def _page_json(record_texts: list[str]) -> str:
    """_json(_page(records)) from the records dumped already: JSON escapes every line break inside a string, so
    a record nested two levels deep is its own text with every line indented by four more spaces."""
    page = _json(_page(record_texts) | {"contents": []})
    if not record_texts:
        return page
    nested = ",\n".join("    " + text.replace("\n", "\n    ") for text in record_texts)
    return page.removesuffix('"contents": []\n}') + '"contents": [\n' + nested + "\n  ]\n}"


def _uuid(site: Site, *parts: str) -> str:
    return str(uuid.uuid5(_namespace(site.base_url), "/".join(parts)))


@functools.lru_cache(maxsize=None)
def _namespace(base_url: str) -> uuid.UUID:
    """The catalogue's own UUID namespace, made once: a catalogue's records need tens of thousands of ids."""
    return uuid.uuid5(uuid.NAMESPACE_URL, base_url)


def _without_empty(record: dict, required: tuple[str, ...] = ()) -> dict:
    """Leaves out fields without a value, except those the schema requires."""
    return {key: value for key, value in record.items() if key in required or value not in ("", None, [], {})}


# --- services ------------------------------------------------------------------------------------------


def _service(catalogue: Catalogue, offer: Offer, taxonomy_terms: dict[str, dict[str, dict]]) -> dict:
    site = catalogue.site
    provider = catalogue.provider(offer.provider_id)
    service_id = _uuid(site, "service", offer.id)
    description = "\n\n".join(part for part in (offer.summary, _plain_text(offer.body)) if part)
    return _without_empty({
        "id": service_id,
        "organization_id": _uuid(site, "organization", provider.id),
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
        "phones": [_phone(site, service_id, offer.contact.phone, "service", offer.id)] if offer.contact.phone else [],
        "schedules": ([_weekly(site, offer, service_id, i, t) for i, t in enumerate(offer.times)]
                      + [_dated(site, offer, service_id, i, e) for i, e in enumerate(offer.events)]),
        "service_areas": [_service_area(site, offer, service_id, district) for district in offer.districts],
        "service_at_locations": [_service_at_location(site, offer, provider, service_id, i, place)
                                 for i, place in enumerate(offer.places)],
        "languages": [_language(site, offer, service_id, code) for code in offer.languages],
        "organization": _organization_fields(catalogue, provider),
        "cost_options": [_free(site, offer, service_id)] if offer.free else [],
        "contacts": [_contact(site, offer, service_id)] if offer.contact.name else [],
        "attributes": _attributes(site, offer, service_id, taxonomy_terms),
    })


def _utc_midnight(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _phone(site: Site, owner_id: str, number: str, owner: str, *path: str) -> dict:
    """A phone of a service, contact or organization; `owner` names the field that links it."""
    return {"id": _uuid(site, "phone", owner, *path), f"{owner}_id": owner_id, "number": number}


def _weekly(site: Site, offer: Offer, service_id: str, index: int, regular: RegularTime) -> dict:
    days = sorted(regular.days, key=WEEKDAYS.index)
    return _without_empty({
        "id": _uuid(site, "schedule", offer.id, "zeiten", str(index)),
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
    return _without_empty({
        "id": _uuid(site, "schedule", offer.id, "termine", str(index)),
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
    return {"id": _uuid(site, "service_area", offer.id, district), "service_id": service_id,
            "name": _district_name(site, district)}


def _district_name(site: Site, district: str) -> str:
    return site.city if district == WHOLE_CITY else site.districts[district]


def _service_at_location(site: Site, offer: Offer, provider: Provider, service_id: str, index: int,
                         place: Place) -> dict:
    location_id = _uuid(site, "location", offer.id, str(index))
    location = _without_empty({
        "id": location_id,
        "location_type": "physical",
        "organization_id": _uuid(site, "organization", provider.id),
        "name": place.name,
        "description": place.note,
        "addresses": [_address(site, location_id, place, "address", offer.id, str(index))] if place.street else [],
    })
    return {"id": _uuid(site, "service_at_location", offer.id, str(index)), "service_id": service_id,
            "location_id": location_id, "location": location}


def _address(site: Site, location_id: str, place: Place, *id_path: str) -> dict:
    """A postal address; the town defaults to the catalogue's city, where nearly every place lies."""
    return {"id": _uuid(site, *id_path), "location_id": location_id, "address_1": place.street,
            "city": place.town or site.city, "state_province": STATE, "postal_code": place.postcode,
            "country": COUNTRY, "address_type": "physical"}


def _language(site: Site, offer: Offer, service_id: str, code: str) -> dict:
    return {"id": _uuid(site, "language", offer.id, code), "service_id": service_id,
            "name": language_name(code, GERMAN), "code": code}


def _free(site: Site, offer: Offer, service_id: str) -> dict:
    return {"id": _uuid(site, "cost_option", offer.id, "kostenlos"), "service_id": service_id,
            "option": "kostenlos", "currency": CURRENCY, "amount": 0}


def _contact(site: Site, offer: Offer, service_id: str) -> dict:
    """The named person to ask; the service itself carries the same phone and email for those who look there."""
    contact_id = _uuid(site, "contact", offer.id)
    contact = offer.contact
    return _without_empty({
        "id": contact_id,
        "service_id": service_id,
        "name": contact.name,
        "email": contact.email,
        "phones": [_phone(site, contact_id, contact.phone, "contact", offer.id)] if contact.phone else [],
    })


def _attributes(site: Site, offer: Offer, service_id: str, taxonomy_terms: dict[str, dict[str, dict]]) -> list[dict]:
    """The offer's terms of each taxonomy, in the order of site.yaml. taxonomy_terms: _taxonomy_terms(site)."""
    chosen = {"lebensphasen": offer.life_phases, "themen": offer.topics, "stadtteile": offer.districts,
              "barrierefreiheit": offer.accessibility}
    return [{"id": _uuid(site, "attribute", offer.id, taxonomy, term), "link_id": service_id,
             "taxonomy_term_id": record["id"], "link_entity": "service", "taxonomy_term": record}
            for taxonomy, terms in chosen.items() for term, record in taxonomy_terms[taxonomy].items()
            if term in terms]


def _taxonomy_terms(site: Site) -> dict[str, dict[str, dict]]:
    """Each taxonomy's terms as records, by taxonomy and term id; made once for all the services that carry them."""
    return {taxonomy: {term: _term(site, taxonomy, term, name, description)
                       for term, (name, description) in terms.items()}
            for taxonomy, terms in _terms(site).items()}


def _terms(site: Site) -> dict[str, dict[str, tuple[str, str]]]:
    """Each taxonomy's terms: id → (name, description)."""
    return {
        "lebensphasen": {phase.id: (phase.name, phase.description) for phase in site.life_phases},
        "themen": {topic: (name, "") for topic, name in site.topics.items()},
        "stadtteile": {district: (_district_name(site, district), "") for district in site.districts},
        "barrierefreiheit": {feature: (name, "") for feature, name in site.accessibility.items()},
    }


def _term(site: Site, taxonomy: str, term: str, name: str, description: str) -> dict:
    taxonomy_id = _uuid(site, "taxonomy", taxonomy)
    taxonomy_name, taxonomy_description = TAXONOMIES[taxonomy]
    return {"id": _uuid(site, "taxonomy_term", taxonomy, term), "code": term, "name": name,
            "description": description, "taxonomy_id": taxonomy_id,
            "taxonomy_detail": {"id": taxonomy_id, "name": taxonomy_name, "description": taxonomy_description},
            "language": GERMAN}


# --- organizations -------------------------------------------------------------------------------------


def _organization_fields(catalogue: Catalogue, provider: Provider) -> dict:
    """The organization's own fields, as a service nests it."""
    return _without_empty({
        "id": _uuid(catalogue.site, "organization", provider.id),
        "name": provider.name,
        "description": _plain_text(provider.body),
        "email": provider.email,
        "website": provider.web,
        "legal_status": provider.kind,
    }, required=("description",))


def _organization(catalogue: Catalogue, provider: Provider) -> dict:
    site = catalogue.site
    organization_id = _uuid(site, "organization", provider.id)
    services_in_short = [_without_empty({
        "id": _uuid(site, "service", offer.id), "organization_id": organization_id, "name": offer.title,
        "description": offer.summary, "url": offer_url(site, offer.id), "status": "active",
    }) for offer in provider.offers]
    return _without_empty(_organization_fields(catalogue, provider) | {
        "phones": ([_phone(site, organization_id, provider.phone, "organization", provider.id)]
                   if provider.phone else []),
        "locations": [_provider_location(site, provider, organization_id)] if provider.address else [],
        "services": services_in_short,
    }, required=("description",))


def _provider_location(site: Site, provider: Provider, organization_id: str) -> dict:
    """The provider's address, split into its parts where it is written the usual way, else as text."""
    location_id = _uuid(site, "organization", provider.id, "location")
    match = POSTAL_ADDRESS.match(provider.address.strip())
    if match is None:
        return {"id": location_id, "location_type": "physical", "organization_id": organization_id,
                "name": provider.name, "description": provider.address}
    place = Place(provider.name, match["street"], match["postcode"], match["town"])
    address = _address(site, location_id, place, "organization", provider.id, "address")
    return {"id": location_id, "location_type": "physical", "organization_id": organization_id,
            "name": provider.name, "addresses": [address]}


# --- Markdown as text ----------------------------------------------------------------------------------


class _TextOf(HTMLParser):
    """The text of the HTML the site renders from Markdown: blocks apart by an empty line, list items on
    their own lines ("- " or their number), a link's address after its words."""

    BLOCKS = {"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote", "pre", "table", "hr"}
    LINES = {"li", "dt", "dd", "tr"}

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.lists: list[int | None] = []  # open lists: the next number of an ordered one, None if unordered
        self.links: list[tuple[str, int]] = []  # open links: address, where their words start

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("ul", "ol"):
            self.lists.append(int(attributes.get("start") or 1) if tag == "ol" else None)
        elif tag == "li":
            if not self._at_line_start():
                self.parts.append("\n")  # a list inside a list item
            number = self.lists[-1] if self.lists else None
            self.parts.append("- " if number is None else f"{number}. ")
            if number is not None:
                self.lists[-1] = number + 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "img":
            self.parts.append(attributes.get("alt") or "")
        elif tag == "a":
            self.links.append((attributes.get("href") or "", len(self.parts)))

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag in self.BLOCKS and not (tag in ("ul", "ol") and self.lists):
            self.parts.append("\n\n")
        elif tag in self.LINES and not self._at_line_start():
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            words = "".join(self.parts[start:]).strip()
            address = href.removeprefix("mailto:").removeprefix("tel:")
            if re.match(r"^(https?|mailto|tel):", href) and address != words:
                self.parts.append(f" ({address})")

    def handle_data(self, data):
        if not data.strip() and (self._at_line_start() or self.parts[-1].endswith(" ")):
            return  # the line breaks between tags
        self.parts.append(re.sub(r"\s+", " ", data))

    def _at_line_start(self) -> bool:
        return not self.parts or self.parts[-1].endswith("\n")

    def text(self) -> str:
        text = re.sub(r"[ \t]*\n[ \t]*", "\n", "".join(self.parts))
        return re.sub(r"\n{3,}", "\n\n", text).strip()


_renderer = MarkdownRenderer()


# A provider's text is in each of its offers' services (their organization) and in its own organization.
@functools.lru_cache(maxsize=1024)
def _plain_text(markdown_text: str) -> str:
    """A Markdown body as plain text, for fields that hold no markup."""
    if not markdown_text.strip():
        return ""
    parser = _TextOf()
    parser.feed(_renderer.render(markdown_text))
    parser.close()
    return parser.text()
