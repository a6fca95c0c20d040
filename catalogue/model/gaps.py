"""The gap report for the city's coordinator: where the prevention chain has no offer, and which entries are
overdue for a check. The page luecken/ and `python build.py report` both show what this finds.

A district's cell counts only the offers that name the district. Offers for the whole city have a column of
their own: a family in Lintorf may use them, but they say nothing about what is there in Lintorf.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from catalogue.model.catalogue import Catalogue, Provider, review_due
from catalogue.model.collation import german_sort_key
from catalogue.model.languages import language_name
from catalogue.model.needs import Needs, needs
from catalogue.model.offers import Offer
from catalogue.model.site import WHOLE_CITY, LifePhase

EXPIRING_WITHIN = timedelta(weeks=8)


@dataclass(frozen=True)
class Coverage:
    """Life phases (rows) against districts or topics (columns): the offers in each cell."""

    name: str  # also the name of its CSV file: luecken/<name>.csv
    columns: list[tuple[str, str]]  # (id, name)
    cells: dict[tuple[str, str], list[Offer]]  # (life phase id, column id) → offers

    def count(self, phase_id: str, column_id: str) -> int:
        return len(self.cells[phase_id, column_id])

    def empty(self, phase: LifePhase) -> list[str]:
        """The names of the columns where this life phase has no offer."""
        return [name for column_id, name in self.columns if not self.cells[phase.id, column_id]]


@dataclass(frozen=True)
class PhaseGaps:
    """What one life phase lacks."""

    phase: LifePhase
    offers: int
    districts: list[str]  # names of districts without an offer there (not counting those for the whole city)
    topics: list[str]
    ages: list[tuple[int, int]]  # years of the phase no offer's age range reaches, as (from, to) runs
    free: bool  # whether any offer is free of charge
    languages: list[str]  # codes of the languages no offer is held in
    accessibility: list[str]  # names of the features no offer has

    @property
    def complete(self) -> bool:
        return bool(self.offers) and self.free and not (self.districts or self.topics or self.ages
                                                        or self.languages or self.accessibility)


@dataclass(frozen=True)
class Overdue:
    """One entry past its check: `stand` plus the review interval lies before the day of the build."""

    file: str  # as partners know it: angebote/<id>.md or anbieter/<id>.md
    title: str
    checked: date
    due: date


@dataclass(frozen=True)
class ProviderOverdue:
    provider: Provider
    entries: list[Overdue]  # the provider's own file first, then its offers by due date


@dataclass(frozen=True)
class GapReport:
    today: date
    review_months: int
    districts: Coverage
    topics: Coverage
    phases: list[PhaseGaps]
    overdue: list[ProviderOverdue]  # providers with the most overdue entries first
    expiring: list[Offer]  # published, but their gueltig_bis comes within EXPIRING_WITHIN
    expired: list[Offer]  # past their gueltig_bis, so on no page
    # where no network works (netzwerke/), by life phase; empty when the catalogue has no networks at all
    networks: tuple[NetworkGaps, ...] = ()


@dataclass(frozen=True)
class NetworkGaps:
    """The networks of one life phase, and the districts none of them works in (one for the whole city works in
    every district)."""

    phase: LifePhase
    networks: list[str]  # names, in the catalogue's order
    districts: list[str]  # names of the districts no network of the phase works in


def gap_report(catalogue: Catalogue, languages: list[str], whole_city_name: str) -> GapReport:
    """languages: the ones families are expected to ask for (the interface's). Every language some offer is
    held in is added; German is left out, every offer is in German or has a German page."""
    site = catalogue.site
    districts = _coverage(catalogue, "lebensphasen-stadtteile",
                          [*((i, name) for i, name in site.districts.items() if i != WHOLE_CITY),
                           (WHOLE_CITY, whole_city_name)], lambda o: o.districts)
    topics = _coverage(catalogue, "lebensphasen-themen", list(site.topics.items()), lambda o: o.topics)
    asked = {*languages, *(code for offer in catalogue.offers for code in offer.languages)} - {"de"}
    asked_in_order = sorted(asked, key=lambda code: german_sort_key(language_name(code, "de")))
    phases = []
    for phase in site.life_phases:
        offers = catalogue.by_life_phase[phase.id]
        phases.append(PhaseGaps(
            phase, len(offers),
            [name for name in districts.empty(phase) if name != whole_city_name], topics.empty(phase),
            _uncovered_ages(phase, offers),
            any(offer.free for offer in offers),
            [code for code in asked_in_order if not any(code in offer.languages for offer in offers)],
            [name for feature, name in site.accessibility.items()
             if not any(feature in offer.accessibility for offer in offers)],
        ))
    return GapReport(
        catalogue.today, site.review_months, districts, topics, phases, _overdue(catalogue),
        sorted((o for o in catalogue.offers if o.valid_until and o.valid_until - catalogue.today <= EXPIRING_WITHIN),
               key=lambda o: (o.valid_until, o.id)),
        sorted(catalogue.unpublished, key=lambda o: (o.valid_until, o.id)),
        _network_gaps(catalogue),
    )


def _network_gaps(catalogue: Catalogue) -> tuple[NetworkGaps, ...]:
    if not catalogue.networks:
        return ()
    site = catalogue.site
    return tuple(NetworkGaps(
        phase, [n.name for n in catalogue.networks_by_life_phase[phase.id]],
        [name for district, name in site.districts.items() if district != WHOLE_CITY
         and not any(n.works_in(district, WHOLE_CITY) for n in catalogue.networks_by_life_phase[phase.id])],
    ) for phase in site.life_phases)


def _coverage(catalogue: Catalogue, name: str, columns: list[tuple[str, str]], keys_of) -> Coverage:
    cells = {(phase.id, column_id): [] for phase in catalogue.site.life_phases for column_id, _ in columns}
    for offer in catalogue.offers:
        for phase_id in offer.life_phases:
            for key in keys_of(offer):
                cells[phase_id, key].append(offer)
    return Coverage(name, columns, cells)


def _uncovered_ages(phase: LifePhase, offers: list[Offer]) -> list[tuple[int, int]]:
    """Whole years of the phase outside every offer's age range; an offer without ages serves the whole phase.
    Before birth (-1) is left out: ages of offers start at 0."""
    years = range(max(phase.age_from, 0), phase.age_to + 1)
    covered = {year for offer in offers for year in years
               if (offer.age_from is None or offer.age_from <= year) and (offer.age_to is None or year <= offer.age_to)}
    runs: list[tuple[int, int]] = []
    for year in years:
        if year in covered:
            continue
        if runs and runs[-1][1] == year - 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return runs


def _overdue(catalogue: Catalogue) -> list[ProviderOverdue]:
    months = catalogue.site.review_months
    today = catalogue.today
    by_provider = []
    for provider in catalogue.providers:
        entries = []
        if review_due(provider.checked, months) < today:
            entries.append(Overdue(f"anbieter/{provider.id}.md", provider.name, provider.checked,
                                   review_due(provider.checked, months)))
        offers = [o for o in catalogue.offers if o.provider_id == provider.id]
        entries += sorted((Overdue(f"angebote/{o.id}.md", o.title, o.checked, review_due(o.checked, months))
                           for o in offers if review_due(o.checked, months) < today),
                          key=lambda entry: (entry.due, entry.file))
        if entries:
            by_provider.append(ProviderOverdue(provider, entries))
    return sorted(by_provider, key=lambda p: -len(p.entries))


@dataclass(frozen=True)
class ReportTable:
    """One table of the report, as the page, its CSV file and the terminal show it."""

    name: str  # of its CSV file: luecken/<name>.csv
    caption: str
    header: list[str]
    rows: list[list[str | int]]  # the first cell names the row; a count of 0 is a gap
    matrix: bool = False  # counts in every cell but the first; otherwise each row is a record
    note: str = ""  # how to read it

    @property
    def file(self) -> str:
        return f"{self.name}.csv"


@dataclass(frozen=True)
class GapTables:
    """The report and its tables, as the page shows them."""

    report: GapReport
    tables: list[ReportTable]
    needs: Needs | None = None  # offers weighed against the young people of daten/ (model/needs.py)


def german_report(catalogue: Catalogue, languages: list[str], german) -> GapTables:
    """The report in German (german: the German Texts), the language of the city's staff."""
    whole_city = german("whole_city", city=catalogue.site.city)
    report = gap_report(catalogue, languages, whole_city[:1].upper() + whole_city[1:])
    site = catalogue.site
    return GapTables(report, report_tables(report, german, site.city, site.untranslated_names),
                     needs(catalogue.offers, site))


def report_tables(report: GapReport, texts, city: str, untranslated_names: dict[str, str]) -> list[ReportTable]:
    """The report's tables with German headers from the interface table (texts: Texts of German);
    untranslated_names: Site.untranslated_names."""
    join = texts("list_separator").join
    how_to_read = texts("gaps_table_note", none=texts("gaps_none"))
    coverage = [
        ReportTable(table.name, texts(caption), [texts("gaps_life_phase"), *(name for _, name in table.columns),
                                                 texts("gaps_all")],
                    [[gaps.phase.name, *(table.count(gaps.phase.id, column) for column, _ in table.columns),
                      gaps.offers] for gaps in report.phases], matrix=True, note=f"{note} {how_to_read}".strip())
        for table, caption, note in (
            (report.districts, "gaps_districts_caption", texts("gaps_district_note", city=city)),
            (report.topics, "gaps_topics_caption", ""))
    ]
    missing = ReportTable("fehlt", texts("gaps_missing_caption"), [
        texts("gaps_life_phase"), texts("gaps_offers"), texts("gaps_no_district"), texts("gaps_no_topic"),
        texts("gaps_no_age"), texts("gaps_no_free"), texts("gaps_no_language"), texts("gaps_no_accessibility"),
    ], [[gaps.phase.name, gaps.offers, join(gaps.districts), join(gaps.topics), join(_age_runs(gaps.ages, texts)),
         texts("gaps_free_present" if gaps.free else "gaps_free_missing"),
         join(language_name(code, "de") for code in gaps.languages), join(gaps.accessibility)]
        for gaps in report.phases])
    overdue = ReportTable("ueberfaellig", texts("gaps_overdue_caption"), [
        texts("gaps_provider"), texts("gaps_file"), texts("gaps_entry"), texts("gaps_checked"), texts("gaps_due"),
    ], [[provider.provider.name, entry.file, entry.title, entry.checked.isoformat(), entry.due.isoformat()]
        for provider in report.overdue for entry in provider.entries])
    expiring = ReportTable("ablauf", texts("gaps_expiring_caption"), [
        texts("gaps_file"), texts("gaps_entry"), texts("gaps_valid_until"), texts("gaps_state"),
    ], [[f"angebote/{offer.id}.md", offer.title, offer.valid_until.isoformat(), texts(state)]
        for offers, state in ((report.expired, "gaps_expired"), (report.expiring, "gaps_expiring"))
        for offer in offers])
    names = ReportTable("namen", texts("gaps_names_caption"), [texts("gaps_language"), texts("gaps_names_missing")],
                        [[f"{language_name(code, 'de')} ({code})", missing or texts("gaps_names_all")]
                         for code, missing in untranslated_names.items()])
    tables = [*coverage, missing, overdue, expiring, names]
    if report.networks:  # appended: the page and the PDF find the others by their place
        tables.append(ReportTable("netzwerke", texts("gaps_networks_caption"), [
            texts("gaps_life_phase"), texts("gaps_networks_count"), texts("gaps_networks_names"),
            texts("gaps_networks_no_district"),
        ], [[gaps.phase.name, len(gaps.networks), join(gaps.networks), join(gaps.districts)]
            for gaps in report.networks], note=texts("gaps_networks_note")))
    return tables


def _age_runs(runs: list[tuple[int, int]], texts) -> list[str]:
    return [texts("gaps_age_single", start=start) if start == end else texts("gaps_age_run", start=start, end=end)
            for start, end in runs]
