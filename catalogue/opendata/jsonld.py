"""schema.org data on each offer's page (JSON-LD), so search engines and assistants read the facts as facts.

The city's own offers are a GovernmentService: those whose provider's `art` or name says "Stadt <city>", or
whose provider is the catalogue's publisher. Every other offer is a Service.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from catalogue.model.catalogue import Catalogue, Provider
from catalogue.model.names import Names
from catalogue.model.offers import WEEKDAYS, OfferVersion
from catalogue.model.site import WHOLE_CITY, Site
from catalogue.render.paths import offer_url

SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def is_public_body(provider: Provider, site: Site) -> bool:
    city = f"stadt {site.city}".casefold()
    return (city in provider.kind.casefold() or city in provider.name.casefold()
            or provider.name == site.publisher.name)


def offer_data(version: OfferVersion, catalogue: Catalogue, language_name, names: Names) -> dict:
    """language_name(code): a language's name in the page's language; names: site.yaml's names in it."""
    offer, site = version.offer, catalogue.site
    provider = catalogue.provider(offer.provider_id)
    public = is_public_body(provider, site)
    page = offer_url(site, offer.id, version.language)
    phases = [phase for phase in site.life_phases if phase.id in offer.life_phases]
    audience = {"@type": "PeopleAudience", "audienceType": [names.life_phase(phase).text for phase in phases]}
    youngest = offer.age_from if offer.age_from is not None else max(0, min(p.age_from for p in phases))
    oldest = offer.age_to if offer.age_to is not None else max(p.age_to for p in phases)
    audience |= {"suggestedMinAge": youngest, "suggestedMaxAge": oldest}
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService" if public else "Service",
        "@id": page + "#angebot",
        "name": version.title.text,
        "description": version.summary.text,
        "url": page,
        "provider": _organization(provider, public, site),
        "serviceType": [names.topic(topic).text for topic in offer.topics],
        "areaServed": [_area(district, site) for district in offer.districts],
        "audience": audience,
        "availableChannel": _channels(version, page),
        "isAccessibleForFree": offer.free,
        "availableLanguage": [{"@type": "Language", "name": language_name(code), "alternateName": code}
                              for code in offer.languages],
    }
    if offer.costs:
        data["offers"] = {"@type": "Offer", "description": version.costs.text}
    if offer.image and not offer.image.decorative:
        data["image"] = site.base_url + "bilder/" + offer.image.file
    return data


def _organization(provider: Provider, public: bool, site: Site) -> dict:
    organization = {"@type": "GovernmentOrganization" if public else "Organization", "name": provider.name,
                    "url": site.base_url + f"anbieter/{provider.id}/"}
    for key, value in (("telephone", provider.phone), ("email", provider.email), ("address", provider.address),
                       ("sameAs", provider.web)):
        if value:
            organization[key] = value
    return organization


def _area(district: str, site: Site) -> dict:
    city = {"@type": "City", "name": site.city}
    if district == WHOLE_CITY:
        return city
    return {"@type": "AdministrativeArea", "name": site.districts[district], "containedInPlace": city}


def _channels(version: OfferVersion, page: str) -> list[dict]:
    offer = version.offer
    hours = [{"@type": "OpeningHoursSpecification", "dayOfWeek": [SCHEMA_DAYS[WEEKDAYS.index(d)] for d in time.days],
              "opens": time.start, "closes": time.end} for time in offer.times]
    channels = []
    for place, note in zip(offer.places, version.place_notes):
        location = {"@type": "Place", "name": place.name}
        address = {"streetAddress": place.street, "postalCode": place.postcode, "addressLocality": place.town}
        if any(address.values()):
            location["address"] = {"@type": "PostalAddress", **{k: v for k, v in address.items() if v},
                                   "addressCountry": "DE"}
        if note:
            location["description"] = note.text
        if hours:
            location["openingHoursSpecification"] = hours
        channels.append({"@type": "ServiceChannel", "serviceLocation": location})
    if offer.contact.phone:
        phone = {"@type": "ContactPoint", "telephone": offer.contact.phone}
        if offer.contact.name:
            phone["name"] = offer.contact.name
        if offer.contact.email:
            phone["email"] = offer.contact.email
        channels.append({"@type": "ServiceChannel", "servicePhone": phone})
    channels.append({"@type": "ServiceChannel", "serviceUrl": offer.contact.web or page})
    return channels


def script_tag(data: dict) -> Markup:
    """The data as a <script type="application/ld+json">; "<" is escaped so no text can end the element."""
    # compact: json's fast encoder, which an indent would turn off, for a script only machines read
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return Markup(f'<script type="application/ld+json">\n{text}\n</script>')
