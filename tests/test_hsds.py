"""The HSDS export against Open Referral's own JSON Schemas (the copy in tests/hsds, see its README), and what it
says about the fixture's offers."""

from __future__ import annotations

import copy
import gzip
import json
import re
import uuid
from datetime import date, datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

from catalogue.opendata.hsds import export as hsds

# The official schemas, gzip-compressed (see tests/hsds/README.md).
HSDS_SCHEMAS = Path(__file__).resolve().parent / "hsds"
# Where openapi.json's $refs point; answered from the local copy, never from the network.
PUBLISHED = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
OPENAPI = "urn:hsds:openapi"
BASE_URL = "https://katalog.example.org/angebote/"
TIME = re.compile(r"^\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?$")
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


# --- the validators ------------------------------------------------------------------------------------


def _format_checker() -> FormatChecker:
    """jsonschema checks uuid, email and date itself; uri and date-time need packages the project does not
    install, so they are checked here."""
    checker = FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def is_date_time(value) -> bool:
        return not isinstance(value, str) or bool(DATE_TIME.match(value) and datetime.fromisoformat(value))

    @checker.checks("uri")
    def is_uri(value) -> bool:
        if not isinstance(value, str):
            return True
        parts = urlsplit(value)
        return (bool(re.match(r"^[a-z][a-z0-9+.-]*$", parts.scheme)) and not re.search(r"\s", value)
                and (parts.scheme not in ("http", "https") or bool(parts.netloc)))

    return checker


def _datapackage_type(validator, kind, instance, schema):
    """HSDS marks its date and time fields with datapackage_type instead of a JSON Schema format."""
    if not isinstance(instance, str):
        return
    if kind == "date":
        try:
            valid = bool(re.match(r"^\d{4}-\d{2}-\d{2}$", instance)) and date.fromisoformat(instance)
        except ValueError:
            valid = False
    elif kind == "datetime":
        valid = bool(DATE_TIME.match(instance))
    elif kind == "time":
        valid = bool(TIME.match(instance))
    else:
        return
    if not valid:
        yield ValidationError(f"{instance!r} is not a {kind} as HSDS writes it")


# The compiled schemas and openapi.json are JSON Schema 2020-12 (OpenAPI 3.1's dialect).
HsdsValidator = validators.extend(Draft202012Validator, {"datapackage_type": _datapackage_type})


def _load(name: str) -> dict:
    return json.loads(gzip.decompress((HSDS_SCHEMAS / f"{name}.gz").read_bytes()))


def _retrieve(uri: str) -> Resource:
    if uri == OPENAPI:
        return DRAFT202012.create_resource(_load("openapi.json"))
    if uri.startswith(PUBLISHED):
        return DRAFT202012.create_resource(_load(uri.removeprefix(PUBLISHED)))
    raise NoSuchResource(uri)


@cache
def validator(schema_name: str) -> HsdsValidator:
    """A validator for one of the schema files, e.g. "compiled/service.json"."""
    return HsdsValidator(_load(schema_name), format_checker=_format_checker())


@cache
def response_validator(path: str) -> HsdsValidator:
    """A validator for the API's answer to GET `path`, as openapi.json defines it (a Page of list records)."""
    pointer = "/paths/" + path.replace("/", "~1") + "/get/responses/200/content/application~1json/schema"
    return HsdsValidator({"$ref": OPENAPI + "#" + pointer}, registry=Registry(retrieve=_retrieve),
                         format_checker=_format_checker())


def errors(schema: HsdsValidator, instance) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in schema.iter_errors(instance)]


# --- helpers -------------------------------------------------------------------------------------------


def by_name(records: list[dict], name: str) -> dict:
    return next(r for r in records if r["name"] == name)


def terms(record: dict) -> dict[str, list[str]]:
    """The codes of the record's taxonomy terms, by the name of their taxonomy."""
    found: dict[str, list[str]] = {}
    for attribute in record["attributes"]:
        term = attribute["taxonomy_term"]
        found.setdefault(term["taxonomy_detail"]["name"], []).append(term["code"])
    return found


def objects_with_ids(value) -> list[dict]:
    if isinstance(value, dict):
        own = [value] if "id" in value else []
        return own + [o for v in value.values() for o in objects_with_ids(v)]
    if isinstance(value, list):
        return [o for v in value for o in objects_with_ids(v)]
    return []


def expected_id(base_url: str, name: str) -> str:
    return str(uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, base_url), name))


# --- the schemas ---------------------------------------------------------------------------------------


def test_every_service_is_a_valid_hsds_service(content):
    records = hsds.services(content.catalogue())
    assert len(records) == 3
    for record in records:
        assert errors(validator("compiled/service.json"), record) == [], record["name"]


def test_every_organization_is_a_valid_hsds_organization(content):
    records = hsds.organizations(content.catalogue())
    assert [r["name"] for r in records] == ["Familienzentrum Lintorf", "Jugendamt Musterstadt"]
    for record in records:
        assert errors(validator("compiled/organization.json"), record) == [], record["name"]


def test_the_files_are_valid_api_responses(content, tmp_path):
    catalogue = content.catalogue()
    hsds.write_files(catalogue, tmp_path)
    services = json.loads((tmp_path / "hsds" / "services.json").read_text(encoding="utf-8"))
    organizations = json.loads((tmp_path / "hsds" / "organizations.json").read_text(encoding="utf-8"))

    assert errors(response_validator("/services"), services) == []
    assert errors(response_validator("/organizations"), organizations) == []
    for record in services["contents"]:
        assert errors(validator("compiled/service_list.json"), record) == []
        assert errors(validator("compiled/service.json"), record) == []
    for record in organizations["contents"]:
        assert errors(validator("compiled/organization_list.json"), record) == []
        assert errors(validator("compiled/organization.json"), record) == []
    for offer, record in zip(catalogue.offers, services["contents"]):
        single = json.loads((tmp_path / "hsds" / "services" / f"{offer.id}.json").read_text(encoding="utf-8"))
        assert single == record
        assert errors(validator("compiled/service.json"), single) == []

    assert services["contents"] == hsds.services(catalogue)
    assert {key: services[key] for key in ("total_items", "size", "total_pages", "page_number")} == {
        "total_items": 3, "size": 3, "total_pages": 1, "page_number": 1}
    assert services["first_page"] and services["last_page"] and not services["empty"]
    assert organizations["total_items"] == 2 and organizations["contents"] == hsds.organizations(catalogue)


@pytest.mark.parametrize("break_it", [
    lambda r: r.pop("status"),
    lambda r: r.update(status="open"),
    lambda r: r.update(id="krabbelgruppe"),
    lambda r: r.update(url="angebote/krabbelgruppe/"),
    lambda r: r.update(email="keine-adresse"),
    lambda r: r.update(last_modified="2026-10-01"),
    lambda r: r.update(assured_date="1.10.2026"),
    lambda r: r["schedules"][0].update(opens_at="9.30 Uhr"),
    lambda r: r["schedules"][0].update(freq="DAILY"),
    lambda r: r["service_at_locations"][0]["location"]["addresses"][0].pop("postal_code"),
    lambda r: r["attributes"][0]["taxonomy_term"].pop("description"),
    lambda r: r.update(minimum_age="0"),
], ids=["no status", "unknown status", "id not a uuid", "relative url", "bad email", "date as date-time",
        "German date", "bad time", "unknown freq", "address without postal code", "term without description",
        "age as text"])
def test_the_validator_catches_a_broken_record(content, break_it):
    record = by_name(hsds.services(content.catalogue()), "Krabbelgruppe am Mittwoch")
    assert errors(validator("compiled/service.json"), record) == []
    broken = copy.deepcopy(record)
    break_it(broken)
    assert errors(validator("compiled/service.json"), broken) != []


def test_the_list_validator_catches_a_broken_page(content, tmp_path):
    hsds.write_files(content.catalogue(), tmp_path)
    page = json.loads((tmp_path / "hsds" / "services.json").read_text(encoding="utf-8"))
    page["contents"][0].pop("name")
    page["total_items"] = "3"
    assert len(errors(response_validator("/services"), page)) == 2


# --- what the records say ------------------------------------------------------------------------------


def test_the_krabbelgruppe_carries_its_facts(content):
    record = by_name(hsds.services(content.catalogue()), "Krabbelgruppe am Mittwoch")

    assert record["id"] == expected_id(BASE_URL, "service/krabbelgruppe")
    assert record["url"] == BASE_URL + "angebote/krabbelgruppe/"
    assert record["status"] == "active"
    assert record["email"] == "fz@example.org"
    assert record["description"] == ("Eltern mit Babys treffen sich, spielen und tauschen sich aus.\n\n"
                                     "Was wir machen\n\nWir singen, spielen und trinken Tee.")
    assert (record["minimum_age"], record["maximum_age"]) == (0, 3)
    assert record["assured_date"] == "2026-10-01"
    assert record["last_modified"] == "2026-10-01T00:00:00Z"
    [schedule] = record["schedules"]
    assert {k: schedule[k] for k in ("freq", "wkst", "byday", "opens_at", "closes_at")} == {
        "freq": "WEEKLY", "wkst": "MO", "byday": "WE", "opens_at": "09:30", "closes_at": "11:00"}
    assert "valid_to" not in schedule and "dtstart" not in schedule
    assert [(lang["code"], lang["name"]) for lang in record["languages"]] == [("de", "Deutsch"), ("tr", "Türkisch")]
    assert terms(record) == {"Lebensphasen": ["kleinkind"], "Themen": ["begegnung"], "Stadtteile": ["lintorf"]}
    life_phase = record["attributes"][0]
    assert life_phase["link_id"] == record["id"] and life_phase["link_entity"] == "service"
    assert life_phase["taxonomy_term_id"] == life_phase["taxonomy_term"]["id"] == expected_id(
        BASE_URL, "taxonomy_term/lebensphasen/kleinkind")
    assert life_phase["taxonomy_term"]["name"] == "0 bis 3 Jahre"
    [free] = record["cost_options"]
    assert (free["amount"], free["currency"], free["option"]) == (0, "EUR", "kostenlos")
    assert "fees_description" not in record
    assert [area["name"] for area in record["service_areas"]] == ["Lintorf"]
    [at_location] = record["service_at_locations"]
    location = at_location["location"]
    assert at_location["location_id"] == location["id"] and location["location_type"] == "physical"
    assert location["name"] == "Familienzentrum Lintorf"
    assert location["addresses"] == [{
        "id": expected_id(BASE_URL, "address/krabbelgruppe/0"), "location_id": location["id"],
        "address_1": "Beispielweg 1", "city": "Musterstadt", "state_province": "NW", "postal_code": "12345",
        "country": "DE", "address_type": "physical"}]
    organization = record["organization"]
    assert record["organization_id"] == organization["id"] == expected_id(BASE_URL, "organization/familienzentrum")
    assert organization["name"] == "Familienzentrum Lintorf"
    assert organization["description"] == "Das Familienzentrum ist ein Treffpunkt für Familien."
    assert organization["website"] == "https://example.org/fz"
    assert "phones" not in record and "contacts" not in record


def test_a_dated_offer_for_the_whole_city(content):
    record = by_name(hsds.services(content.catalogue()), "Ärztliche Beratung für Schwangere")

    [schedule] = record["schedules"]
    assert {k: schedule[k] for k in ("dtstart", "until", "valid_from", "valid_to", "freq", "byday", "opens_at",
                                     "closes_at")} == {
        "dtstart": "2027-01-15", "until": "2027-01-15", "valid_from": "2027-01-15", "valid_to": "2027-01-15",
        "freq": "WEEKLY", "byday": "FR", "opens_at": "10:00+01:00", "closes_at": "12:00+01:00"}
    assert [area["name"] for area in record["service_areas"]] == ["Musterstadt"]
    assert terms(record) == {"Lebensphasen": ["schwangerschaft"], "Themen": ["fruehe-hilfen", "beratung"],
                             "Stadtteile": ["ganz-stadt"], "Barrierefreiheit": ["rollstuhlgerecht"]}
    assert record["fees_description"] == "3 € pro Termin, mit Familienpass frei"
    assert "cost_options" not in record
    assert record["application_process"] == "Bitte vorher anrufen."
    assert [phone["number"] for phone in record["phones"]] == ["01234 567-89"]
    [contact] = record["contacts"]
    assert contact["name"] == "Frau Muster" and [p["number"] for p in contact["phones"]] == ["01234 567-89"]
    assert contact["phones"][0]["contact_id"] == contact["id"]


def test_weekly_times_end_with_the_offer_and_summer_dates_have_summer_time(content):
    content.replace("angebote/zeltlager.md", "gueltig_bis: 2027-08-31", "\n".join([
        "gueltig_bis: 2027-08-31",
        "zeiten:",
        "  - tage: [mi, mo]",
        "    von: \"16:00\"",
        "    bis: \"18:30\"",
        "    hinweis: nicht in den Schulferien",
        "termine:",
        "  - datum: 2027-07-03",
        "    von: \"14:00\"",
    ]))
    record = by_name(hsds.services(content.catalogue()), "Zeltlager im Sommer")

    weekly, dated = record["schedules"]
    assert {k: weekly[k] for k in ("byday", "opens_at", "closes_at", "description", "valid_to")} == {
        "byday": "MO,WE", "opens_at": "16:00", "closes_at": "18:30", "description": "nicht in den Schulferien",
        "valid_to": "2027-08-31"}
    assert (dated["dtstart"], dated["byday"], dated["opens_at"]) == ("2027-07-03", "SA", "14:00+02:00")
    assert "closes_at" not in dated
    assert [area["name"] for area in record["service_areas"]] == ["Nord", "Mitte"]
    assert errors(validator("compiled/service.json"), record) == []


def test_descriptions_are_plain_text(content):
    content.replace("angebote/krabbelgruppe.md", "Wir singen, spielen und trinken Tee.", "\n".join([
        "Wir **singen**, _spielen_ und trinken Tee.", "",
        "- montags [im Garten](https://example.org/garten)", "- mittwochs drinnen", "",
        "1. Baby mitbringen", "2. Spaß haben", "", "Fragen an <fz@example.org>."]))
    record = by_name(hsds.services(content.catalogue()), "Krabbelgruppe am Mittwoch")

    assert record["description"].split("\n\n")[1:] == [
        "Was wir machen", "Wir singen, spielen und trinken Tee.",
        "- montags im Garten (https://example.org/garten)\n- mittwochs drinnen",
        "1. Baby mitbringen\n2. Spaß haben", "Fragen an fz@example.org."]


def test_organizations_list_their_published_offers_and_contacts(content):
    catalogue = content.catalogue()
    family_centre, youth_office = hsds.organizations(catalogue)

    assert family_centre["id"] == expected_id(BASE_URL, "organization/familienzentrum")
    assert [p["number"] for p in family_centre["phones"]] == ["01234 111"]
    assert family_centre["email"] == "fz@example.org" and family_centre["legal_status"] == "Freier Träger"
    [address] = family_centre["locations"][0]["addresses"]
    assert (address["address_1"], address["postal_code"], address["city"]) == (
        "Beispielweg 1", "12345", "Musterstadt")
    assert [s["name"] for s in family_centre["services"]] == ["Krabbelgruppe am Mittwoch"]
    assert family_centre["services"][0]["url"] == BASE_URL + "angebote/krabbelgruppe/"
    assert youth_office["description"] == "" and "phones" not in youth_office and "locations" not in youth_office
    assert [s["name"] for s in youth_office["services"]] == ["Ärztliche Beratung für Schwangere",
                                                            "Zeltlager im Sommer"]


# --- ids, determinism, what is left out ----------------------------------------------------------------


def test_ids_are_uuid5_stable_and_differ_between_towns(content):
    services = hsds.services(content.catalogue())
    everything = services + hsds.organizations(content.catalogue())
    assert everything == hsds.services(content.catalogue()) + hsds.organizations(content.catalogue())

    objects = objects_with_ids(everything)
    assert {uuid.UUID(o["id"]).version for o in objects} == {5}
    by_id: dict[str, dict] = {}
    for o in objects_with_ids(services):  # a term or an organization recurs in the services, always the same
        assert by_id.setdefault(o["id"], o) == o
    assert len({o["id"] for o in objects if "location_type" in o}) == 2

    content.replace("site.yaml", f"basis_url: {BASE_URL}", "basis_url: https://angebote.andere-stadt.example/")
    elsewhere = hsds.services(content.catalogue()) + hsds.organizations(content.catalogue())
    assert {o["id"] for o in objects}.isdisjoint({o["id"] for o in objects_with_ids(elsewhere)})
    assert by_name(elsewhere, "Krabbelgruppe am Mittwoch")["id"] == expected_id(
        "https://angebote.andere-stadt.example/", "service/krabbelgruppe")


def test_the_files_are_the_same_in_every_build(content, tmp_path):
    written = hsds.write_files(content.catalogue(), tmp_path / "eins")
    hsds.write_files(content.catalogue(), tmp_path / "zwei")

    relative = [p.relative_to(tmp_path / "eins").as_posix() for p in written]
    assert relative == ["hsds/services.json", "hsds/organizations.json", "hsds/services/aerztliche-beratung.json",
                        "hsds/services/krabbelgruppe.json", "hsds/services/zeltlager.json"]
    for name in relative:
        text = (tmp_path / "eins" / name).read_bytes()
        assert text == (tmp_path / "zwei" / name).read_bytes()
        assert text.endswith(b"}\n") and not text.endswith(b"\n\n")
    assert "Ärztliche Beratung" in (tmp_path / "eins" / "hsds" / "services.json").read_text(encoding="utf-8")


def test_an_expired_offer_is_not_exported(content, tmp_path):
    content.end_zeltlager_yesterday()
    catalogue = content.catalogue()
    assert [o.id for o in catalogue.unpublished] == ["zeltlager"]

    written = hsds.write_files(catalogue, tmp_path)
    assert [r["name"] for r in hsds.services(catalogue)] == ["Ärztliche Beratung für Schwangere",
                                                            "Krabbelgruppe am Mittwoch"]
    youth_office = by_name(hsds.organizations(catalogue), "Jugendamt Musterstadt")
    assert [s["name"] for s in youth_office["services"]] == ["Ärztliche Beratung für Schwangere"]
    assert tmp_path / "hsds" / "services" / "zeltlager.json" not in written
    assert not (tmp_path / "hsds" / "services" / "zeltlager.json").exists()
    for path in written:
        assert "zeltlager" not in path.read_text(encoding="utf-8").lower()
