"""An offer in the model: its German text and facts (places, times, dates, contact, image), its translations, and
one version of it as a page shows it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

WEEKDAYS = ("mo", "di", "mi", "do", "fr", "sa", "so")
FORMATS = ("vor-ort", "online", "telefon", "hausbesuch")


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
