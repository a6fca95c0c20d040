"""Fingerprints: of the program and its libraries, of the build (templates, site.yaml, free pages, images, the PDFs'
sizes, the day), and of each page (what it shows); and the folder of Jinja's compiled templates for this program."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import json
import shutil
import sys
from datetime import date
from pathlib import Path

from catalogue.model.catalogue import Catalogue, Provider
from catalogue.model.offers import Offer, OfferVersion

COMPILED_TEMPLATES = "vorlagen"  # Jinja's compiled templates; Jinja checks each against its source
PROGRAM_DIR = Path(__file__).resolve().parents[2]  # the whole catalogue package


@functools.lru_cache(maxsize=None)
def program_fingerprint() -> str:
    """This program and every library it may use, by version (a new Markdown or nh3 may write other HTML)."""
    digest = hashlib.sha256(sys.version.encode())
    _add_folder(digest, PROGRAM_DIR)
    # parsed once each (distribution.version parses it again): 40 ms of every check in a new process
    metadata = (distribution.metadata for distribution in importlib.metadata.distributions())
    for name, version in sorted((fields["Name"] or "", fields["Version"]) for fields in metadata):
        digest.update(f"{name}=={version}\0".encode())
    return digest.hexdigest()


def build_fingerprint(catalogue: Catalogue, layouts_dir: Path, interface_languages: list[str], downloads,
                      compressed_copies: bool) -> str:
    """Everything every page may show, and whether it has compressed copies: when it changes, no page is
    reused."""
    digest = hashlib.sha256(f"{program_fingerprint()} {compressed_copies}".encode())
    _add_folder(digest, layouts_dir)
    digest.update(_stable([catalogue.site, catalogue.pages, sorted(catalogue.media), catalogue.today,
                           interface_languages, downloads.catalogue, downloads.phases,
                           catalogue.has_networks]).encode())
    return digest.hexdigest()


def _add_folder(digest, folder: Path) -> None:
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


def compiled_templates(cache: Path) -> Path:
    """Jinja's compiled templates, in a folder for this version of the program and its libraries (Jinja checks
    each against the template's source, but not against its own version); those of other versions go."""
    folder = cache / COMPILED_TEMPLATES / program_fingerprint()[:16]
    for other in (cache / COMPILED_TEMPLATES).glob("*"):
        if other != folder:
            shutil.rmtree(other, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class PageFingerprints:
    """The fingerprint of each page: the build's, the page's place and template, and what its context holds.
    Offers and providers are serialised once each, however many pages show them."""

    def __init__(self, build: str, catalogue: Catalogue):
        self.build = build
        self.providers = {p.id: p for p in catalogue.providers}
        self._offers: dict[int, str] = {}
        self._provider_fields: dict[str, str] = {}

    def of(self, page) -> str:
        context = {name: self._value(value) for name, value in sorted(page.context.items())}
        version = page.context.get("version")
        if isinstance(version, OfferVersion):  # the offer page shows its provider
            context["provider"] = self._provider(self.providers[version.offer.provider_id])
        parts = [self.build, page.path, page.template, page.language, page.canonical, page.searchable,
                 [(link.code, link.url_path) for link in page.languages], context]
        return hashlib.sha256(_stable(parts).encode()).hexdigest()

    def _value(self, value):
        if isinstance(value, Offer):
            return self._offer(value)
        if isinstance(value, OfferVersion):
            return [self._offer(value.offer), value.language]
        if isinstance(value, Provider):
            return [self._provider(value), [self._offer(offer) for offer in value.offers]]
        if isinstance(value, (list, tuple)):
            return [self._value(item) for item in value]
        if dataclasses.is_dataclass(value):
            return {f.name: self._value(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return value

    def of_offer_file(self, path: str, offer: Offer) -> str:
        """The fingerprint of a file of the open data that holds one offer's part alone (its HSDS record, its
        calendar): made of the offer and its provider only, as the part is (OpenDataParts)."""
        return hashlib.sha256(_stable([self.build, path, self.with_provider(offer)]).encode()).hexdigest()

    def with_provider(self, offer: Offer) -> str:
        """What an offer's part of the open data is made of: the offer and its provider."""
        return self._offer(offer) + self._provider(self.providers[offer.provider_id])

    def _offer(self, offer: Offer) -> str:
        key = id(offer)  # the catalogue keeps every offer alive for the whole build
        if key not in self._offers:
            self._offers[key] = hashlib.sha256(_stable(offer).encode()).hexdigest()
        return self._offers[key]

    def _provider(self, provider: Provider) -> str:
        if provider.id not in self._provider_fields:
            fields = {f.name: getattr(provider, f.name) for f in dataclasses.fields(provider) if f.name != "offers"}
            self._provider_fields[provider.id] = hashlib.sha256(_stable(fields).encode()).hexdigest()
        return self._provider_fields[provider.id]


def _stable(value) -> str:
    """JSON that is the same for the same value in every run: no sets (their order changes from run to run)."""
    return json.dumps(value, default=_plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _plain(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return value.as_posix()
    if isinstance(value, (set, frozenset)):
        raise TypeError("a set has no stable order: the cache cannot fingerprint it")
    raise TypeError(f"the cache cannot fingerprint {type(value).__name__}")
