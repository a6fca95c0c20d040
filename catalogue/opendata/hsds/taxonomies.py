"""site.yaml's taxonomies (life phases, topics, districts, accessibility) as HSDS taxonomies, whose terms an offer
carries as attributes."""

from __future__ import annotations

from catalogue.model.i18n import GERMAN
from catalogue.model.offers import Offer
from catalogue.model.site import Site
from catalogue.opendata.hsds.records import district_name, record_id


# site.yaml's taxonomies: key, the taxonomy's name and description.
TAXONOMIES = {
    "lebensphasen": ("Lebensphasen", "Die Lebensphasen der Präventionskette, in der ein Angebot steht."),
    "themen": ("Themen", "Die Themen der Angebote."),
    "stadtteile": ("Stadtteile", "Die Stadtteile, für die ein Angebot da ist."),
    "barrierefreiheit": ("Barrierefreiheit", "Die Barrierefreiheit eines Angebots und seines Ortes."),
}


def attribute_records(site: Site, offer: Offer, service_id: str, taxonomy_terms: dict[str, dict[str, dict]]) -> list[dict]:
    """The offer's terms of each taxonomy, in the order of site.yaml. taxonomy_terms: terms_by_taxonomy(site)."""
    chosen = {"lebensphasen": offer.life_phases, "themen": offer.topics, "stadtteile": offer.districts,
              "barrierefreiheit": offer.accessibility}
    return [{"id": record_id(site, "attribute", offer.id, taxonomy, term), "link_id": service_id,
             "taxonomy_term_id": record["id"], "link_entity": "service", "taxonomy_term": record}
            for taxonomy, terms in chosen.items() for term, record in taxonomy_terms[taxonomy].items()
            if term in terms]



def terms_by_taxonomy(site: Site) -> dict[str, dict[str, dict]]:
    """Each taxonomy's terms as records, by taxonomy and term id; made once for all the services that carry them."""
    return {taxonomy: {term: _term(site, taxonomy, term, name, description)
                       for term, (name, description) in terms.items()}
            for taxonomy, terms in _terms(site).items()}



def _terms(site: Site) -> dict[str, dict[str, tuple[str, str]]]:
    """Each taxonomy's terms: id → (name, description)."""
    return {
        "lebensphasen": {phase.id: (phase.name, phase.description) for phase in site.life_phases},
        "themen": {topic: (name, "") for topic, name in site.topics.items()},
        "stadtteile": {district: (district_name(site, district), "") for district in site.districts},
        "barrierefreiheit": {feature: (name, "") for feature, name in site.accessibility.items()},
    }



def _term(site: Site, taxonomy: str, term: str, name: str, description: str) -> dict:
    taxonomy_id = record_id(site, "taxonomy", taxonomy)
    taxonomy_name, taxonomy_description = TAXONOMIES[taxonomy]
    return {"id": record_id(site, "taxonomy_term", taxonomy, term), "code": term, "name": name,
            "description": description, "taxonomy_id": taxonomy_id,
            "taxonomy_detail": {"id": taxonomy_id, "name": taxonomy_name, "description": taxonomy_description},
            "language": GERMAN}
