"""Stage 4, render: which pages exist, in which languages and at which addresses (the offers, the lists to browse
with their pagination, the free pages, search, proposal form, open data, gaps), each with the template and context
it is rendered from."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from catalogue.check import schemas
from catalogue.model.catalogue import Catalogue
from catalogue.model.districts import DistrictProfile, district_profiles
from catalogue.model.gaps import GapTables
from catalogue.model.i18n import GERMAN, interface_languages
from catalogue.model.languages import EASY_GERMAN
from catalogue.model.offers import Offer
from catalogue.render import proposal
from catalogue.render.paths import DATA_FOLDER, EASY_OFFERS, GAPS_FOLDER, language_prefix, offer_path

NOT_FOUND = "404.html"
SEARCH_TEMPLATE = "pages/search.html"  # has its own search form, so the header leaves it out
# Pages that show only what their context holds (an offer, a list of offers, a provider) and what every page
# shows: the build cache may reuse them (publish/cache/). They see the catalogue only through OnePageView.
REUSABLE_TEMPLATES = ("pages/offer.html", "pages/listing.html", "pages/provider.html")
# Pages that show the open data files' sizes, known only once the files are written.
SHOWING_OPEN_DATA = ("pages/open_data.html",)
PAGINATION_ALL_UP_TO = 7  # pages of a list that its pagination links all of


@dataclass(frozen=True)
class LanguageLink:
    """Another language of the same page, for the language switcher and <link rel="alternate" hreflang>."""

    code: str  # "de", "en", …, or "ls" for Leichte Sprache
    url_path: str  # from the site's root, e.g. "en/angebote/krabbelgruppe/"


@dataclass(frozen=True)
class PlannedPage:
    path: str  # in the output folder, e.g. "angebote/krabbelgruppe/index.html"
    template: str
    context: dict = field(default_factory=dict)
    language: str = GERMAN  # of the interface
    # The same page in every language it exists in; empty for pages only in German.
    languages: tuple[LanguageLink, ...] = ()
    canonical: str | None = None  # url_path of the page search engines should show instead, if not this one
    searchable: bool = False  # in the search index (index.py gives Pagefind exactly these pages)

    def root(self, base_url: str) -> str:
        """The way from this page to the site's root. Relative, so the site works under any sub-path; only the
        404 page, which a server shows at any address, links from the path of basis_url."""
        if self.path == NOT_FOUND:
            return urlsplit(base_url).path
        return "../" * self.path.count("/")

    @property
    def url_path(self) -> str:
        return self.path.removesuffix("index.html")


def offer_versions(offer: Offer, interface_languages: list[str]) -> list[str]:
    """The languages the offer is written in: German, Leichte Sprache, the interface's languages in their order,
    then any other translation by code."""
    order = [GERMAN, EASY_GERMAN, *interface_languages]
    return sorted([GERMAN, *offer.translations],
                  key=lambda code: (order.index(code) if code in order else len(order), code))


# Free pages with these ids are not pages of their own: their text is added to the page the build makes
# from site.yaml and the interface texts.
GENERATED_PAGES = ("barrierefreiheit", "leichte-sprache")


@dataclass(frozen=True)
class Listing:
    """One page of a long list of offers: a life phase, a topic or a district."""

    kind: str  # "lebensphasen", "themen" or "stadtteile": also the folder of its pages
    id: str
    name: str
    description: str
    offers: list
    total: int
    number: int
    count: int

    def url(self, number: int) -> str:
        base = f"{self.kind}/{self.id}/"
        return base if number == 1 else f"{base}seite-{number}/"

    def numbers_shown(self) -> list[int | None]:
        """The page numbers the pagination links, None where it leaves some out („…“): every page of a short list;
        of a long one the first, the last and the pages beside this one, as GOV.UK's pagination does. A list of 80
        links on every page would be a long way for a screen reader and a phone, and made every page's
        rendering grow with the length of the list."""
        if self.count <= PAGINATION_ALL_UP_TO:
            return list(range(1, self.count + 1))
        shown = sorted({1, self.count} | {n for n in range(self.number - 1, self.number + 2) if 1 <= n <= self.count})
        numbers: list[int | None] = []
        for number in shown:
            if numbers and number - numbers[-1] > 1:
                numbers.append(number - 1 if number - numbers[-1] == 2 else None)
            numbers.append(number)
        return numbers


def plan_pages(catalogue: Catalogue, languages: list[str], gaps: GapTables) -> list[PlannedPage]:
    """Every page: those that families browse in each interface language, every version of every offer (and,
    in each interface language the offer is not translated into, a page with its facts in that language and
    its text in German), and the pages only in German, among them the gap report."""
    pages = []
    for template, path, context in _browsing_pages(catalogue, languages, gaps):
        links = tuple(LanguageLink(language, language_prefix(language) + path.removesuffix("index.html"))
                      for language in languages)
        pages += [PlannedPage(language_prefix(language) + path, template, context, language, links)
                  for language in languages]
    for position, offer in enumerate(catalogue.offers):  # position: in German title order, which search sorts by
        versions = {code: offer.version(code) for code in offer_versions(offer, languages)}
        links = tuple(LanguageLink(code, offer_path(offer.id, code)) for code in versions)
        for code, version in versions.items():
            # the German page and the translations into interface languages are searched; Leichte Sprache and
            # translations into other languages are not: the German page stands for them
            pages.append(PlannedPage(offer_path(offer.id, code) + "index.html", "pages/offer.html",
                                     {"version": version, "position": position},
                                     code if code in languages else GERMAN, links, searchable=code in languages))
        pages += [PlannedPage(offer_path(offer.id, language) + "index.html", "pages/offer.html",
                              {"version": versions[GERMAN], "position": position}, language, links,
                              canonical=offer_path(offer.id, GERMAN))
                  for language in languages if language not in versions]
    free_pages = {p.id: p for p in catalogue.pages}
    pages.append(PlannedPage("barrierefreiheit/index.html", "pages/accessibility.html",
                             {"extra": free_pages.get("barrierefreiheit")}))
    pages.append(PlannedPage("leichte-sprache/index.html", "pages/easy_language.html",
                             {"extra": free_pages.get("leichte-sprache")}))
    pages.append(PlannedPage(EASY_OFFERS + "index.html", "pages/easy_offers.html",
                             {"versions": [o.version(EASY_GERMAN) for o in catalogue.offers
                                           if EASY_GERMAN in o.translations]}))
    pages.append(PlannedPage(f"{proposal.FOLDER}/index.html", "pages/propose.html", {
        "rules": proposal.form_rules(catalogue),
        "template_text": proposal.offer_template(proposal.schema_url(catalogue), catalogue.today)}))
    pages.append(PlannedPage(f"{GAPS_FOLDER}/index.html", "pages/gaps.html",
                             {"report": gaps.report, "tables": gaps.tables, "needs": gaps.needs}))
    pages.append(PlannedPage(f"{DATA_FOLDER}/index.html", "pages/open_data.html",
                             {"schema_files": schemas.SCHEMA_NAMES}))
    pages += [PlannedPage(f"{p.id}/index.html", "pages/page.html", {"page": p})
              for p in catalogue.pages if p.id not in GENERATED_PAGES]
    pages.append(PlannedPage(NOT_FOUND, "pages/not_found.html"))
    return pages


def _browsing_pages(catalogue: Catalogue, languages: list[str], gaps: GapTables) -> list[tuple[str, str, dict]]:
    """(template, path, context) of the pages families browse, the same in every language."""
    site = catalogue.site
    profiles = district_profiles(catalogue, gaps.needs)
    pages = [("pages/home.html", "index.html", {}), ("pages/providers.html", "anbieter/index.html", {})]
    pages += [("pages/provider.html", f"anbieter/{p.id}/index.html",
               {"provider": p, "networks": catalogue.networks_of_provider(p.id)}) for p in catalogue.providers]
    if catalogue.networks:
        pages.append(("pages/networks.html", "netzwerke/index.html", {
            "by_phase": [(phase, catalogue.networks_by_life_phase[phase.id]) for phase in site.life_phases]}))
        pages += [("pages/network.html", f"netzwerke/{n.id}/index.html", {"network": n})
                  for n in catalogue.networks]
    networks = {"lebensphasen": catalogue.networks_by_life_phase, "stadtteile": catalogue.networks_by_district}
    groups = {
        "lebensphasen": [(p.id, p.name, p.description, catalogue.by_life_phase[p.id]) for p in site.life_phases],
        "themen": [(i, name, "", catalogue.by_topic[i]) for i, name in site.topics.items()],
        "stadtteile": [(i, name, "", catalogue.by_district[i]) for i, name in site.districts.items()],
    }
    for kind, entries in groups.items():
        pages.append(("pages/browse.html", f"{kind}/index.html", {"kind": kind}))
        for entry_id, name, description, offers in entries:
            pages += _listing_pages(kind, entry_id, name, description, offers, site.page_size,
                                    profiles.get(entry_id) if kind == "stadtteile" else None,
                                    networks.get(kind, {}).get(entry_id, []))
    # Translations into the interface's languages are indexed beside the German pages (plan_pages); without any,
    # every page the search finds is German, and it need not load a filter to tell versions apart.
    translations_searched = any(code in languages for offer in catalogue.offers for code in offer.translations)
    pages.append((SEARCH_TEMPLATE, "suche/index.html", {"translations_searched": translations_searched}))
    pages.append(("pages/shortlist.html", "merkliste/index.html", {}))
    return pages


def _listing_pages(kind, entry_id, name, description, offers, size,
                   district: DistrictProfile | None = None, networks=()) -> list[tuple[str, str, dict]]:
    """district: what a district's first page says above its list (offers by life phase, the phases it lacks, its
    figures). networks: those working in this life phase or district, named on the first page."""
    count = max(1, -(-len(offers) // size))
    pages = []
    for number in range(1, count + 1):
        listing = Listing(kind, entry_id, name, description, offers[(number - 1) * size:number * size], len(offers),
                          number, count)
        pages.append(("pages/listing.html", listing.url(number) + "index.html",
                      {"listing": listing, "district": district if number == 1 else None,
                       "networks": list(networks) if number == 1 else []}))
    return pages
