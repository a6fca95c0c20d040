"""What the catalogue PDF holds, in the order it is printed: the chapters (a life phase with its entries, an offer
printed in full once and referred to later), with population figures the section on needs, the index by district,
and the HTML of each part from layouts/pdf/katalog.html."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from catalogue.model import facets
from catalogue.model.catalogue import Catalogue
from catalogue.model.collation import german_sort_key
from catalogue.model.i18n import Texts
from catalogue.model.needs import needs
from catalogue.model.offers import Offer
from catalogue.model.site import WHOLE_CITY, LifePhase
from catalogue.render.paths import offer_url
from catalogue.render.pdf.pictures import need_pictures
from catalogue.render.pdf.qr import qr_data_uri
from catalogue.render.templates import environment

TEMPLATE = "pdf/katalog.html"
NEEDS_ANCHOR = "bedarf"
PAGE_STAND_IN = 888  # as wide as any page number the front matter will show


@dataclass(frozen=True)
class Entry:
    """An offer in one chapter: in full, or as a reference to its full entry in an earlier chapter."""

    offer: Offer
    anchor: str  # this entry's id in the document
    main: str  # the id of the offer's full entry
    main_phase: LifePhase  # the chapter of the full entry

    @property
    def full(self) -> bool:
        return self.anchor == self.main


@dataclass(frozen=True)
class Chapter:
    phase: LifePhase
    entries: list[Entry]


@dataclass(frozen=True)
class District:
    id: str
    name: str
    entries: list[Entry]  # the full entries of the offers held in this district itself


def _anchor(phase: LifePhase, offer: Offer) -> str:
    # "_" occurs in no id, so phase "a-b" with offer "c" and phase "a" with offer "b-c" stay apart
    return f"{phase.id}_{offer.id}"


def plan(catalogue: Catalogue, phases: list[LifePhase], texts: Texts) -> tuple[list[Chapter], list[District]]:
    """The chapters in chain order, each with its offers in the catalogue's order, and the district index.

    The index is alphabetical, the whole city first; an offer for the whole city is listed there only
    (the index says it counts for every district)."""
    main: dict[str, Entry] = {}
    chapters = []
    for phase in phases:
        entries = []
        for offer in catalogue.by_life_phase[phase.id]:
            anchor = _anchor(phase, offer)
            first = main.setdefault(offer.id, Entry(offer, anchor, anchor, phase))
            entries.append(first if first.anchor == anchor else Entry(offer, anchor, first.main, first.main_phase))
        chapters.append(Chapter(phase, entries))
    position = {offer.id: number for number, offer in enumerate(catalogue.offers)}
    full = sorted(main.values(), key=lambda entry: position[entry.offer.id])
    site = catalogue.site
    names = {d: facets.district_name(site, texts, d) for d in site.districts}
    districts = sorted(site.districts, key=lambda d: (d != WHOLE_CITY, german_sort_key(names[d])))
    index = [District(d, names[d], [entry for entry in full if d in entry.offer.districts]) for d in districts]
    return chapters, index


class Parts:
    """The HTML of the document's parts, from layouts/pdf/katalog.html: the whole catalogue or one life phase."""

    def __init__(self, catalogue: Catalogue, layouts_dir: Path, phase: LifePhase | None = None):
        self.texts = texts = Texts.load(layouts_dir)
        self.template = environment(layouts_dir, texts, texts).get_template(TEMPLATE)
        site = catalogue.site
        self.chapters, self.index = plan(catalogue, [phase] if phase else site.life_phases, texts)
        title = texts("pdf_title_phase", phase=phase.name, title=site.title) if phase else site.title
        # The section on needs compares the districts across all life phases, for planners more than for families:
        # it closes the whole catalogue only. A life phase on its own (also each volume of a catalogue too large
        # for one PDF) is handed to families of that age, who would read a comparison of all phases as out of
        # place; the report (`build.py report --pdf`) and the page luecken/ hold the figures for everyone else.
        self.needs = None if phase else needs(catalogue.offers, site)
        self.context = {"catalogue": catalogue, "site": site, "root": site.base_url, "page_path": "",
                        "phase": phase, "document_title": title, "chapters": self.chapters, "index": self.index,
                        "offer_url": lambda offer: offer_url(site, offer.id), "qr": qr_data_uri,
                        "needs": self.needs, "pictures": need_pictures(self.needs, texts, site.base_url)}

    def html(self, part: str, pages: dict[str, int] | None = None, chapter: Chapter | None = None) -> str:
        """part: "front" (cover and contents), "chapter", "needs" (only when self.needs) or "index"; pages: the page of each anchor, None for
        stand-ins."""
        return self.template.render(**self.context, part=part, chapter=chapter,
                                    page_of=lambda anchor: PAGE_STAND_IN if pages is None else pages[anchor])

    def link_descriptions(self, pages: dict[str, int]) -> dict[str, str]:
        """What a link to each life phase, entry and the index leads to, in words: „Elterntelefon, Seite 4“."""
        targets = {"stadtteile": self.texts("pdf_index_heading")}
        if self.needs:
            targets[NEEDS_ANCHOR] = self.texts("pdf_needs_heading")
        for chapter in self.chapters:
            targets[chapter.phase.id] = chapter.phase.name
            targets.update((entry.anchor, entry.offer.title) for entry in chapter.entries)
        return {anchor: self.texts("pdf_link_to", title=title, page=pages[anchor]) for anchor, title in targets.items()}
