"""The HSDS files the build writes (hsds/services.json, hsds/organizations.json, hsds/services/<offer-id>.json):
each list as the one page of what the HSDS API would answer to /services?full=true and /organizations?full=true."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from catalogue.model.catalogue import Catalogue
from catalogue.model.offers import Offer
from catalogue.opendata import made_anew, write
from catalogue.opendata.hsds.organizations import organization_record
from catalogue.opendata.hsds.services import service_record
from catalogue.opendata.hsds.taxonomies import terms_by_taxonomy


FOLDER = "hsds"
SERVICES_FILE = f"{FOLDER}/services.json"
ORGANIZATIONS_FILE = f"{FOLDER}/organizations.json"


def services(catalogue: Catalogue) -> list[dict]:
    """One fully nested HSDS service for each published offer, in the catalogue's order."""
    taxonomy_terms = terms_by_taxonomy(catalogue.site)
    return [service_record(catalogue, offer, taxonomy_terms) for offer in catalogue.offers]



def organizations(catalogue: Catalogue) -> list[dict]:
    """One fully nested HSDS organization for each provider, with its published offers as services."""
    return [organization_record(catalogue, provider) for provider in catalogue.providers]



def offer_file(offer_id: str) -> str:
    """The file of one offer's record, under the data folder."""
    return f"{FOLDER}/services/{offer_id}.json"



def write_files(catalogue: Catalogue, folder: Path, part=made_anew, unchanged: frozenset[str] = frozenset()
                ) -> list[Path]:
    """Writes hsds/services.json, hsds/organizations.json and hsds/services/<offer-id>.json into `folder`;
    returns the paths written (`folder` joined with each file's path). part: how each offer's record is had
    (opendata.made_anew); unchanged: the offers whose own file the build cache leaves in place, not written."""
    taxonomy_terms = terms_by_taxonomy(catalogue.site)
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
    return _json(service_record(catalogue, offer, taxonomy_terms))



def _page_json(record_texts: list[str]) -> str:
    """_json(_page(records)) from the records dumped already: JSON escapes every line break inside a string, so
    a record nested two levels deep is its own text with every line indented by four more spaces."""
    page = _json(_page(record_texts) | {"contents": []})
    if not record_texts:
        return page
    nested = ",\n".join("    " + text.replace("\n", "\n    ") for text in record_texts)
    return page.removesuffix('"contents": []\n}') + '"contents": [\n' + nested + "\n  ]\n}"
