"""The offers' times as iCalendar (RFC 5545): one file for the whole catalogue, one next to each offer's page.

Regular times become weekly series, dated events single events; a family subscribes or imports them into any
calendar app. The bytes depend only on the catalogue: DTSTAMP is the offer's `stand`, a series starts on the
first matching weekday from `stand` on, and every UID is made from the offer's id and the site's host, so
a calendar app updates an event instead of adding it twice.
Past dated events stay, as in the HSDS export: the calendar is the record of the offer's dates.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone

from catalogue.model.catalogue import Catalogue
from catalogue.model.i18n import GERMAN
from catalogue.model.offers import WEEKDAYS, DatedEvent, Offer, RegularTime
from catalogue.opendata import EXAMPLE_NOTE, RFC_WEEKDAYS, TIMEZONE, made_anew, place_line, title, write
from catalogue.render.paths import offer_path, offer_url

CATALOGUE_FILE = "daten/angebote.ics"
OFFER_FILE = "termine.ics"
PRODID = "-//Angebotskatalog Kinderstark//Angebote//DE"
# The line that closes a calendar; its components go just before it.
CALENDAR_END = b"END:VCALENDAR\r\n"


@dataclass(frozen=True)
class _SerialisedEvents:
    """An offer's events as icalendar writes them, made once for both calendars that hold them (the offer's
    and the catalogue's): serialising is most of the time the calendars take."""

    text: bytes  # the VEVENT components, one after the other
    first_day: date | None  # of the earliest event; None without events
    in_local_time: bool  # an event has a time of day, given in TIMEZONE: a calendar holding it needs its VTIMEZONE

    @classmethod
    def from_part(cls, part: list) -> "_SerialisedEvents":
        text, first_day, in_local_time = part
        return cls(text.encode(), date.fromisoformat(first_day) if first_day else None, bool(in_local_time))


def _events_part(catalogue: Catalogue, offer: Offer) -> list:
    """An offer's events as the part a cache can keep (JSON): text, first day, whether in local time."""
    events = _serialised_events(catalogue, offer)
    return [events.text.decode(), events.first_day.isoformat() if events.first_day else None, events.in_local_time]


def offer_calendar(catalogue: Catalogue, offer: Offer, events: _SerialisedEvents | None = None) -> bytes | None:
    """The offer's times as a calendar; None when it has neither regular times nor dates. events: the offer's,
    when made already."""
    events = _serialised_events(catalogue, offer) if events is None else events
    if not events.text:
        return None
    return _calendar(f"{offer.title} – {catalogue.site.title}", [events])


def catalogue_calendar(catalogue: Catalogue, events: dict[str, _SerialisedEvents] | None = None) -> bytes:
    """The times of all published offers, in the catalogue's order. events: by offer id, when made already."""
    events = events or {offer.id: _serialised_events(catalogue, offer) for offer in catalogue.offers}
    return _calendar(catalogue.site.title, [events[offer.id] for offer in catalogue.offers])


def offer_file(offer_id: str) -> str:
    """An offer's own calendar, beside its German page."""
    return f"{offer_path(offer_id, GERMAN)}{OFFER_FILE}"


def write_files(catalogue: Catalogue, folder: Path, part=made_anew, unchanged: frozenset[str] = frozenset()
                ) -> list[Path]:
    """Write the catalogue's calendar and each offer's beside its German page, under the site's root `folder`.
    part: how each offer's events are had (opendata.made_anew); unchanged: the offers whose own calendar the
    build cache leaves in place, not written."""
    events = {offer.id: _SerialisedEvents.from_part(part("ical", offer, functools.partial(
        _events_part, catalogue, offer))) for offer in catalogue.offers}
    files = {folder / CATALOGUE_FILE: catalogue_calendar(catalogue, events)}
    for offer in catalogue.offers:
        if offer.id in unchanged:
            continue
        calendar = offer_calendar(catalogue, offer, events[offer.id])
        if calendar is not None:
            files[folder / offer_file(offer.id)] = calendar
    return write(files)


def _calendar(name: str, offers_events: list[_SerialisedEvents]) -> bytes:
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    # NAME (RFC 7986) and X-WR-CALNAME, which more apps read. One line: a title may hold a line break, which
    # icalendar does not escape in these two (it refuses to write the file).
    calendar.calendar_name = " ".join(name.split())
    # icalendar writes a component's lines the same inside a calendar as alone, so the components written
    # before go where Calendar.to_ical() puts its subcomponents: after the calendar's properties, before its end.
    frame = calendar.to_ical()
    assert frame.endswith(CALENDAR_END)
    vtimezone = b""
    if any(events.in_local_time for events in offers_events):
        vtimezone = _vtimezone(min(events.first_day for events in offers_events if events.text))
    components = vtimezone + b"".join(events.text for events in offers_events)
    return frame.removesuffix(CALENDAR_END) + components + CALENDAR_END


@functools.lru_cache(maxsize=None)
def _vtimezone(first_date: date) -> bytes:
    """The VTIMEZONE of the catalogue's time zone from the first event on (the years before would make each file
    three times as long); made once for each first day, as most offers share one (their `stand`'s week)."""
    return Timezone.from_tzid(TIMEZONE.key, first_date=first_date).to_ical()


def _serialised_events(catalogue: Catalogue, offer: Offer) -> _SerialisedEvents:
    events = _events(catalogue, offer)
    # A dated event without a time is a day (DTSTART a date) and needs no time zone; DTSTAMP and UNTIL are UTC.
    return _SerialisedEvents(text=b"".join(event.to_ical() for event in events),
                             first_day=min((_day(event.start) for event in events), default=None),
                             in_local_time=any(isinstance(event.start, datetime) for event in events))


def _events(catalogue: Catalogue, offer: Offer) -> list[Event]:
    series = [_weekly(catalogue, offer, number, regular) for number, regular in enumerate(offer.times, start=1)]
    in_order = sorted(offer.events, key=lambda e: (e.day, e.start, e.end))
    dated = {_uid(catalogue, offer, _dated_key(e)): e for e in in_order}  # the same date twice is one event
    return [event for event in series if event is not None] + [
        _dated(catalogue, offer, uid, dated_event) for uid, dated_event in dated.items()]


def has_calendar(offer: Offer) -> bool:
    """Whether write_files() writes the offer a calendar of its own, known without making it (its page links it)."""
    return bool(offer.events) or any(_first_day(offer, regular) is not None for regular in offer.times)


def _first_day(offer: Offer, regular: RegularTime) -> date | None:
    """The first day of a regular time, from the week the offer was checked in; None when that is too late."""
    week = (offer.checked + timedelta(days=n) for n in range(7))
    first = next(day for day in week if WEEKDAYS[day.weekday()] in regular.days)
    return None if offer.valid_until is not None and first > offer.valid_until else first


def _weekly(catalogue: Catalogue, offer: Offer, number: int, regular: RegularTime) -> Event | None:
    first = _first_day(offer, regular)
    if first is None:
        return None
    event = _event(catalogue, offer, _uid(catalogue, offer, f"zeit-{number}"), regular.note)
    event.add("DTSTART", _local(first, regular.start))
    event.add("DTEND", _local(first, regular.end))
    rule = {"FREQ": "WEEKLY", "BYDAY": [RFC_WEEKDAYS[day] for day in WEEKDAYS if day in regular.days]}
    if offer.valid_until is not None:
        # RFC 5545 3.3.10: with a DTSTART in a time zone, UNTIL is in UTC. The whole last day still counts.
        rule["UNTIL"] = datetime.combine(offer.valid_until, time(23, 59, 59), TIMEZONE).astimezone(timezone.utc)
    event.add("RRULE", rule)
    return event


def _dated(catalogue: Catalogue, offer: Offer, uid: str, dated: DatedEvent) -> Event:
    event = _event(catalogue, offer, uid, dated.note)
    if not dated.start:  # as on the offer's page, an end without a start leaves just the day
        event.add("DTSTART", dated.day)
        event.add("DTEND", dated.day + timedelta(days=1))
        return event
    event.add("DTSTART", _local(dated.day, dated.start))
    if dated.end:  # without it the event is a moment: RFC 5545 3.6.1
        event.add("DTEND", _local(dated.day, dated.end))
    return event


def _dated_key(dated: DatedEvent) -> str:
    """A dated event's part of its UID: its day and start, so removing an earlier date keeps the others."""
    return f"termin-{dated.day:%Y%m%d}" + (f"T{dated.start.replace(':', '')}" if dated.start else "")


def _event(catalogue: Catalogue, offer: Offer, uid: str, note: str) -> Event:
    url = offer_url(catalogue.site, offer.id)
    event = Event()
    event.add("UID", uid)
    event.add("DTSTAMP", datetime.combine(offer.checked, time(0), timezone.utc))
    event.add("SUMMARY", title(offer))
    event.add("DESCRIPTION", "\n\n".join(text for text in (EXAMPLE_NOTE if offer.example else "", offer.summary,
                                                               note, url) if text))
    event.add("URL", url)
    if offer.places:
        event.add("LOCATION", place_line(offer.places[0]))
    return event


def _uid(catalogue: Catalogue, offer: Offer, key: str) -> str:
    return f"{offer.id}-{key}@{urlsplit(catalogue.site.base_url).hostname}"


def _local(day: date, clock: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(clock), TIMEZONE)


def _day(start: date | datetime) -> date:
    return start.date() if isinstance(start, datetime) else start
