"""Stage 3, model: the catalogue as the rest of the build sees it, built from checked data only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

WHOLE_CITY = "ganz-stadt"
WEEKDAYS = ("mo", "di", "mi", "do", "fr", "sa", "so")
FORMATS = ("vor-ort", "online", "telefon", "hausbesuch")


def review_due(checked: date, months: int) -> date:
    """The day an entry last checked on `checked` is due for its next check (pruefintervall_monate later;
    the month's last day where the later month is shorter)."""
    month_index = checked.month - 1 + months
    year, month = checked.year + month_index // 12, month_index % 12 + 1
    for last_day in (checked.day, 30, 29, 28):
        try:
            return date(year, month, last_day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class LifePhase:
    id: str
    name: str
    age_from: int
    age_to: int
    description: str = ""


@dataclass(frozen=True)
class HelpLine:
    name: str
    phone: str
    note: str = ""


@dataclass(frozen=True)
class Publisher:
    name: str
    contact_person: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    web: str = ""


@dataclass(frozen=True)
class Ombudsperson:
    name: str
    web: str
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class AccessibilityStatement:
    checked: date
    status: str  # vollstaendig, teilweise, nicht
    method: str = ""
    limitations: tuple[str, ...] = ()
    enforcement: Ombudsperson | None = None


@dataclass(frozen=True)
class Video:
    title: str
    file: str = ""  # in bilder/, embedded
    url: str = ""  # elsewhere, only linked: no third-party requests


@dataclass(frozen=True)
class Repository:
    """Where partners propose changes; only GitHub, whose new-file page can be opened pre-filled."""

    url: str
    branch: str = "main"
    content_folder: str = "content"

    def new_file_url(self, folder: str) -> str:
        """GitHub's page for a new file in a folder of the content (angebote, anbieter); it takes
        ?filename=…&value=… to fill the file in."""
        return f"{self.url.rstrip('/')}/new/{self.branch}/{self.content_folder.strip('/')}/{folder}"


@dataclass(frozen=True)
class SiteNames:
    """The names of site.yaml in one other language, from `uebersetzungen`: each part as written there, by the id
    (or, for help lines, the `telefon` exactly as written under `hilfe`) it translates. What a part leaves out is
    shown in German. Only dicts, tuples and text, so that the build cache can fingerprint it."""

    title: str = ""
    life_phases: dict[str, str] = field(default_factory=dict)  # life phase id → name
    life_phase_descriptions: dict[str, str] = field(default_factory=dict)  # life phase id → beschreibung
    topics: dict[str, str] = field(default_factory=dict)  # topic id → label
    districts: dict[str, str] = field(default_factory=dict)  # district id → name
    accessibility: dict[str, str] = field(default_factory=dict)  # feature id → label
    # HelpLine.phone → (name, hinweis); "" where that part is not translated
    help_lines: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class Site:
    title: str
    city: str
    base_url: str
    publisher: Publisher
    topics: dict[str, str]
    life_phases: list[LifePhase]
    districts: dict[str, str]
    accessibility: dict[str, str]
    help_lines: list[HelpLine]
    review_months: int
    feedback_email: str
    feedback_url: str
    page_size: int = 20
    accessibility_statement: AccessibilityStatement | None = None
    sign_language_video: Video | None = None
    repository: Repository | None = None
    # Words families use for the same thing (`synonyme`): the groups as written, in order.
    synonyms: tuple[tuple[str, ...], ...] = ()
    # The names of this file in other languages (`uebersetzungen`), by ISO 639-1 code, in the order written.
    translations: dict[str, SiteNames] = field(default_factory=dict)
    # Each interface language whose names are not all translated → what it lacks, as check's note says it ("" when
    # it has no translations at all), in the language switcher's order.
    untranslated_names: dict[str, str] = field(default_factory=dict)

    def terms(self) -> dict[str, list[str]]:
        """The ids an offer may use, by key."""
        return {
            "themen": list(self.topics),
            "lebensphasen": [phase.id for phase in self.life_phases],
            "stadtteile": list(self.districts),
            "barrierefreiheit": list(self.accessibility),
        }


@dataclass(frozen=True)
class Place:
    name: str
    street: str = ""
    postcode: str = ""
    town: str = ""
    note: str = ""


@dataclass(frozen=True)
class RegularTime:
    days: tuple[str, ...]
    start: str  # "HH:MM"
    end: str
    note: str = ""


@dataclass(frozen=True)
class DatedEvent:
    day: date
    start: str = ""  # "HH:MM", or "" for the whole day
    end: str = ""
    note: str = ""


@dataclass(frozen=True)
class Contact:
    name: str = ""
    phone: str = ""
    email: str = ""
    web: str = ""


@dataclass(frozen=True)
class Image:
    file: str
    alt: str
    decorative: bool = False


@dataclass
class Translation:
    offer_id: str
    language: str
    title: str
    summary: str
    costs: str
    registration: str
    place_notes: tuple[str, ...]
    body: str


@dataclass(frozen=True)
class Wording:
    """A text of an offer and the language it is written in: a translation may leave a field to German."""

    text: str
    language: str  # "de", "ls" (Leichte Sprache), or the translation's code

    def __bool__(self) -> bool:
        return bool(self.text.strip())

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class OfferVersion:
    """An offer as one of its pages shows it: the words of one language, the facts of the German file."""

    offer: "Offer"
    language: str  # the version's language: "de", "ls" or a translation's code
    title: Wording
    summary: Wording
    costs: Wording
    registration: Wording
    place_notes: tuple[Wording, ...]  # one for each of the offer's places
    body: Wording

    @property
    def translated(self) -> bool:
        return self.language != "de"


@dataclass
class Offer:
    id: str
    title: str
    summary: str
    provider_id: str
    topics: tuple[str, ...]
    life_phases: tuple[str, ...]
    districts: tuple[str, ...]
    checked: date
    age_from: int | None = None
    age_to: int | None = None
    free: bool = False
    costs: str = ""
    registration: str = ""
    languages: tuple[str, ...] = ("de",)
    accessibility: tuple[str, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[RegularTime, ...] = ()
    events: tuple[DatedEvent, ...] = ()
    contact: Contact = Contact()
    image: Image | None = None
    formats: tuple[str, ...] = ("vor-ort",)
    keywords: tuple[str, ...] = ()
    example: bool = False
    valid_until: date | None = None
    body: str = ""
    translations: dict[str, Translation] = field(default_factory=dict)

    def version(self, language: str) -> OfferVersion:
        """The offer in `language`, field by field: what the translation leaves out stays German. Without a
        translation into `language`, the German version."""
        german = OfferVersion(self, "de", Wording(self.title, "de"), Wording(self.summary, "de"),
                              Wording(self.costs, "de"), Wording(self.registration, "de"),
                              tuple(Wording(place.note, "de") for place in self.places), Wording(self.body, "de"))
        translation = self.translations.get(language)
        if translation is None:
            return german

        def either(text: str, fallback: Wording) -> Wording:
            return Wording(text, language) if text.strip() else fallback

        notes = translation.place_notes + ("",) * (len(self.places) - len(translation.place_notes))
        return OfferVersion(self, language, Wording(translation.title, language),
                            Wording(translation.summary, language), either(translation.costs, german.costs),
                            either(translation.registration, german.registration),
                            tuple(either(note, fallback) for note, fallback in zip(notes, german.place_notes)),
                            Wording(translation.body, language))


@dataclass
class Provider:
    id: str
    name: str
    checked: date
    kind: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    web: str = ""
    example: bool = False
    body: str = ""
    offers: list[Offer] = field(default_factory=list)


@dataclass
class Page:
    id: str
    title: str
    language: str = "de"
    order: float | None = None
    body: str = ""


@dataclass
class Catalogue:
    site: Site
    offers: list[Offer]  # published, in German collation order of their titles
    providers: list[Provider]  # in German collation order of their names
    pages: list[Page]  # in footer order
    unpublished: list[Offer]  # past their gueltig_bis
    today: date  # the day the catalogue is published for: what has expired and which dates lie ahead
    media: dict[str, Path] = field(default_factory=dict)  # the files of bilder/ to publish, by name inside it

    def overdue(self, checked: date) -> bool:
        """Whether an entry last checked on `checked` is past its next check."""
        return review_due(checked, self.site.review_months) < self.today

    def provider(self, provider_id: str) -> Provider:
        return self._providers_by_id[provider_id]

    @cached_property
    def _providers_by_id(self) -> dict[str, Provider]:
        return {p.id: p for p in self.providers}

    @cached_property
    def by_life_phase(self) -> dict[str, list[Offer]]:
        """The published offers of each life phase, in the catalogue's order."""
        return self._group([phase.id for phase in self.site.life_phases], lambda offer: offer.life_phases)

    @cached_property
    def by_topic(self) -> dict[str, list[Offer]]:
        return self._group(list(self.site.topics), lambda offer: offer.topics)

    @cached_property
    def by_district(self) -> dict[str, list[Offer]]:
        """Each district's offers, including those for the whole city: a family in Lintorf can use those too."""
        return self._group(list(self.site.districts), lambda offer: offer.districts, also_in_every=WHOLE_CITY)

    def _group(self, ids: list[str], keys_of, also_in_every: str | None = None) -> dict[str, list[Offer]]:
        groups: dict[str, list[Offer]] = {i: [] for i in ids}
        for offer in self.offers:
            keys = keys_of(offer)
            targets = ids if also_in_every in keys else keys
            for key in targets:
                groups[key].append(offer)
        return groups
