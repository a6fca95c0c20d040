"""site.yaml in the model: the town's catalogue as a whole (life phases, districts, topics, help lines, publisher,
accessibility statement) and its names in other languages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from catalogue.model.needs import Figures

WHOLE_CITY = "ganz-stadt"


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
    # The figures per district of daten/ with `bedarf` (model/needs.py); None without daten/bevoelkerung.csv,
    # daten/kennzahlen.csv and daten/stadtteile.geojson.
    figures: Figures | None = None

    def terms(self) -> dict[str, list[str]]:
        """The ids an offer may use, by key."""
        return {
            "themen": list(self.topics),
            "lebensphasen": [phase.id for phase in self.life_phases],
            "stadtteile": list(self.districts),
            "barrierefreiheit": list(self.accessibility),
        }
