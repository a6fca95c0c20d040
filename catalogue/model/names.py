"""The names site.yaml gives (the site's title, life phases and their descriptions, topics, districts,
accessibility features, help lines) in one interface language: translated where `uebersetzungen` has them,
otherwise German. Each comes as a Wording, with the language it is written in, so that a page marks what stays
German (lang="de").
"""

from __future__ import annotations

from catalogue.model.i18n import GERMAN, Texts
from catalogue.model.offers import Wording
from catalogue.model.site import WHOLE_CITY, HelpLine, LifePhase, Site, SiteNames


class Names:
    def __init__(self, site: Site, texts: Texts):
        self.site, self.texts, self.language = site, texts, texts.language
        self.translated = site.translations.get(self.language, SiteNames()) if self.language != GERMAN else SiteNames()

    def _either(self, translation: str, german: str) -> Wording:
        return Wording(translation, self.language) if translation else Wording(german, GERMAN)

    def title(self) -> Wording:
        return self._either(self.translated.title, self.site.title)

    def life_phase(self, phase: LifePhase) -> Wording:
        return self._either(self.translated.life_phases.get(phase.id, ""), phase.name)

    def life_phase_description(self, phase: LifePhase) -> Wording:
        return self._either(self.translated.life_phase_descriptions.get(phase.id, ""), phase.description)

    def topic(self, topic_id: str) -> Wording:
        return self._either(self.translated.topics.get(topic_id, ""), self.site.topics[topic_id])

    def district(self, district_id: str) -> Wording:
        """The whole town is named by the interface („ganz Ratingen“, „all of Ratingen“); the town's own name stays
        as it is, as place names do."""
        if district_id == WHOLE_CITY:
            return Wording(self.texts("whole_city", city=self.site.city), self.language)
        return self._either(self.translated.districts.get(district_id, ""), self.site.districts[district_id])

    def feature(self, feature_id: str) -> Wording:
        return self._either(self.translated.accessibility.get(feature_id, ""), self.site.accessibility[feature_id])

    def help_line(self, line: HelpLine) -> tuple[Wording, Wording]:
        """Its name and its note („anonym und kostenlos“)."""
        name, note = self.translated.help_lines.get(line.phone, ("", ""))
        return self._either(name, line.name), self._either(note, line.note)

    def by_kind(self, kind: str, entry_id: str) -> Wording:
        """The name of a browsing page's entry: kind is the folder (lebensphasen, themen, stadtteile)."""
        if kind == "lebensphasen":
            return self.life_phase(self._phase(entry_id))
        return self.topic(entry_id) if kind == "themen" else self.district(entry_id)

    def description_by_kind(self, kind: str, entry_id: str) -> Wording:
        """What a browsing page says under its heading: a life phase's description; nothing for the others."""
        if kind == "lebensphasen":
            return self.life_phase_description(self._phase(entry_id))
        return Wording("", self.language)

    def _phase(self, phase_id: str) -> LifePhase:
        return next(phase for phase in self.site.life_phases if phase.id == phase_id)
