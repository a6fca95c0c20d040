"""The iCalendar exports, read back with icalendar and expanded with dateutil as a calendar app would."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from icalendar import Calendar

from catalogue.opendata import ical
from conftest import TODAY, tree_bytes

BERLIN = ZoneInfo("Europe/Berlin")
HOST = "katalog.example.org"



def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events_by_uid(data: bytes) -> dict[str, object]:
    return {str(event["UID"]): event for event in parse(data).events}


def occurrences(event, after: datetime, count: int) -> list[datetime]:
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=event.start)
    found = []
    for moment in rule:
        if moment >= after:
            found.append(moment)
        if len(found) == count:
            break
    return found


def all_occurrences(event) -> list[datetime]:
    return list(rrulestr(event["RRULE"].to_ical().decode(), dtstart=event.start))


def test_the_calendar_names_the_site_and_is_gregorian(content):
    catalogue = content.catalogue()
    calendar = parse(ical.catalogue_calendar(catalogue))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == ical.PRODID
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["X-WR-CALNAME"]) == catalogue.site.title
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Berlin"]


def test_a_title_with_a_line_break_names_its_calendar_in_one_line(content):
    """Found by tests/test_properties.py: a quoted title may hold a line break, which icalendar 7 does not escape
    in NAME and X-WR-CALNAME, so writing the calendar failed and with it the build."""
    content.replace("angebote/krabbelgruppe.md", "titel: Krabbelgruppe am Mittwoch",
                    'titel: "Krabbelgruppe\\nam\\u2028Mittwoch"')
    content.replace("site.yaml", "titel: Angebote für Kinder, Jugendliche und Familien in Musterstadt",
                    'titel: "Angebote\\n\\nfür  alle"')
    catalogue = content.catalogue()
    offer = next(o for o in catalogue.offers if o.id == "krabbelgruppe")
    calendar = parse(ical.offer_calendar(catalogue, offer))
    assert str(calendar["X-WR-CALNAME"]) == str(calendar["NAME"]) == "Krabbelgruppe am Mittwoch – Angebote für alle"
    assert str(parse(ical.catalogue_calendar(catalogue))["NAME"]) == "Angebote für alle"
    assert str(calendar.events[0]["SUMMARY"]) == "Krabbelgruppe\nam Mittwoch"  # U+2028 is read as a space


def test_a_weekly_offer_is_a_weekly_series_from_its_stand(content):
    catalogue = content.catalogue()
    offer = next(o for o in catalogue.offers if o.id == "krabbelgruppe")
    event = events_by_uid(ical.offer_calendar(catalogue, offer))[f"krabbelgruppe-zeit-1@{HOST}"]
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["WE"] and "UNTIL" not in rule
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    # stand 2026-10-01 is a Thursday: the series starts on the Wednesday after
    assert event.start == datetime(2026, 10, 7, 9, 30, tzinfo=BERLIN)
    assert event.end == datetime(2026, 10, 7, 11, 0, tzinfo=BERLIN)
    after_today = datetime(2026, 11, 22, tzinfo=BERLIN)
    assert occurrences(event, after_today, 3) == [datetime(2026, 11, 25, 9, 30, tzinfo=BERLIN),
                                                   datetime(2026, 12, 2, 9, 30, tzinfo=BERLIN),
                                                   datetime(2026, 12, 9, 9, 30, tzinfo=BERLIN)]
    assert str(event["SUMMARY"]) == "Krabbelgruppe am Mittwoch"
    assert str(event["LOCATION"]) == "Familienzentrum Lintorf, Beispielweg 1, 12345 Musterstadt"
    page = "https://katalog.example.org/angebote/angebote/krabbelgruppe/"
    assert str(event["URL"]) == page
    assert str(event["DESCRIPTION"]) == f"{offer.summary}\n\n{page}"
    assert event["DTSTAMP"].dt == datetime(2026, 10, 1, tzinfo=timezone.utc)


def test_a_series_starts_on_its_stand_when_that_is_one_of_its_days(content):
    content.replace("angebote/krabbelgruppe.md", "stand: 2026-10-01", "stand: 2026-10-14")  # a Wednesday
    catalogue = content.catalogue()
    offer = next(o for o in catalogue.offers if o.id == "krabbelgruppe")
    event = events_by_uid(ical.offer_calendar(catalogue, offer))[f"krabbelgruppe-zeit-1@{HOST}"]
    assert event.start == datetime(2026, 10, 14, 9, 30, tzinfo=BERLIN)


def test_several_days_map_to_rfc_weekdays_and_the_note_is_described(content):
    content.replace("angebote/krabbelgruppe.md", "  - tage: [mi]\n",
                    "  - tage: [so, mo, mi]\n    hinweis: nicht in den Schulferien\n")
    catalogue = content.catalogue()
    offer = next(o for o in catalogue.offers if o.id == "krabbelgruppe")
    event = events_by_uid(ical.offer_calendar(catalogue, offer))[f"krabbelgruppe-zeit-1@{HOST}"]
    assert event["RRULE"]["BYDAY"] == ["MO", "WE", "SU"]
    assert event.start == datetime(2026, 10, 4, 9, 30, tzinfo=BERLIN)  # the Sunday after Thursday 1 October
    upcoming = occurrences(event, datetime(2026, 11, 22, tzinfo=BERLIN), 4)
    assert [moment.strftime("%a %d.%m.") for moment in upcoming] == ["Sun 22.11.", "Mon 23.11.", "Wed 25.11.",
                                                                     "Sun 29.11."]
    assert "nicht in den Schulferien" in str(event["DESCRIPTION"])


def test_the_series_ends_with_the_last_valid_day_in_utc(content):
    content.replace("angebote/zeltlager.md", "gueltig_bis: 2027-08-31\n",
                    'gueltig_bis: 2027-08-31\nzeiten:\n  - tage: [sa]\n    von: "10:00"\n    bis: "16:00"\n')
    catalogue = content.catalogue()
    offer = next(o for o in catalogue.offers if o.id == "zeltlager")
    data = ical.offer_calendar(catalogue, offer)
    assert b"UNTIL=20270831T215959Z" in data  # the end of 31 August in Berlin's summer time
    event = events_by_uid(data)[f"zeltlager-zeit-1@{HOST}"]
    assert event["RRULE"]["UNTIL"] == [datetime(2027, 8, 31, 21, 59, 59, tzinfo=timezone.utc)]
    moments = all_occurrences(event)
    assert moments[0] == datetime(2026, 6, 6, 10, 0, tzinfo=BERLIN)  # stand 2026-06-01, a Monday
    assert moments[-1] == datetime(2027, 8, 28, 10, 0, tzinfo=BERLIN)
    assert all(moment.weekday() == 5 and moment.hour == 10 for moment in moments)


def test_a_dated_event_has_its_start_and_end_in_berlin(content):
    catalogue = content.catalogue()
    offer = next(o for o in catalogue.offers if o.id == "aerztliche-beratung")
    events = events_by_uid(ical.offer_calendar(catalogue, offer))
    event = events[f"aerztliche-beratung-termin-20270115T1000@{HOST}"]
    assert len(events) == 1 and "RRULE" not in event
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event.start == datetime(2027, 1, 15, 10, 0, tzinfo=BERLIN)
    assert event.end == datetime(2027, 1, 15, 12, 0, tzinfo=BERLIN)
    assert "LOCATION" not in event  # the offer names no place


def test_a_date_without_times_is_all_day_and_past_dates_stay(content):
    content.replace("angebote/aerztliche-beratung.md", "termine:\n",
                    'termine:\n  - datum: 2027-02-03\n    hinweis: Infoabend\n  - datum: 2027-02-05\n'
                    '    von: "18:00"\n  - datum: 2026-11-21\n    von: "10:00"\n    bis: "12:00"\n')
    catalogue = content.catalogue()
    offer = next(o for o in catalogue.offers if o.id == "aerztliche-beratung")
    data = ical.offer_calendar(catalogue, offer)
    events = events_by_uid(data)
    # a past date stays: the calendar is the record of the offer's dates, as the HSDS export is
    assert sorted(events) == [f"aerztliche-beratung-termin-20261121T1000@{HOST}",
                              f"aerztliche-beratung-termin-20270115T1000@{HOST}",
                              f"aerztliche-beratung-termin-20270203@{HOST}",
                              f"aerztliche-beratung-termin-20270205T1800@{HOST}"]
    all_day = events[f"aerztliche-beratung-termin-20270203@{HOST}"]
    assert b"DTSTART;VALUE=DATE:20270203" in data and b"DTEND;VALUE=DATE:20270204" in data
    assert all_day.start == date(2027, 2, 3) and not isinstance(all_day.start, datetime)
    assert all_day.end == date(2027, 2, 4)
    assert "Infoabend" in str(all_day["DESCRIPTION"])
    moment = events[f"aerztliche-beratung-termin-20270205T1800@{HOST}"]
    assert moment.start == datetime(2027, 2, 5, 18, 0, tzinfo=BERLIN) and "DTEND" not in moment


def test_uids_are_unique_and_stay_when_dates_change_around_them(content):
    before = events_by_uid(ical.catalogue_calendar(content.catalogue()))
    content.replace("angebote/aerztliche-beratung.md", "termine:\n", "termine:\n  - datum: 2026-12-10\n")
    content.replace("angebote/krabbelgruppe.md", "zeiten:\n",
                    'zeiten:\n  - tage: [fr]\n    von: "15:00"\n    bis: "16:00"\n')
    calendar = parse(ical.catalogue_calendar(content.catalogue()))
    uids = [str(event["UID"]) for event in calendar.events]
    assert len(uids) == len(set(uids)) == 4
    after = {uid: event for uid, event in zip(uids, calendar.events)}
    dated = f"aerztliche-beratung-termin-20270115T1000@{HOST}"
    assert after[dated].start == before[dated].start
    assert all(uid.endswith(f"@{HOST}") for uid in uids)


def test_two_runs_write_the_same_bytes(content, tmp_path):
    first, second = tmp_path / "eins", tmp_path / "zwei"
    written = ical.write_files(content.catalogue(), first)
    ical.write_files(content.catalogue(), second)
    assert sorted(p.relative_to(first).as_posix() for p in written) == [
        "angebote/aerztliche-beratung/termine.ics", "angebote/krabbelgruppe/termine.ics", "daten/angebote.ics"]
    assert tree_bytes(first) == tree_bytes(second)
    assert b"DTSTAMP:20261101T000000Z" in (first / "daten/angebote.ics").read_bytes()


def test_expired_offers_and_offers_without_times_have_no_calendar(content, tmp_path):
    content.add_expired_offer()
    catalogue = content.catalogue()
    assert [o.id for o in catalogue.unpublished] == ["herbstferienspiele"]
    data = ical.catalogue_calendar(catalogue)
    assert b"herbstferienspiele" not in data and b"Herbstferienspiele" not in data
    written = ical.write_files(catalogue, tmp_path)
    assert not any("herbstferienspiele" in str(path) for path in written)
    assert not (tmp_path / "angebote/herbstferienspiele").exists()
    zeltlager = next(o for o in catalogue.offers if o.id == "zeltlager")
    assert ical.offer_calendar(catalogue, zeltlager) is None


def test_an_offer_with_only_past_dates_keeps_them_in_its_calendar(content):
    content.replace("angebote/aerztliche-beratung.md", "datum: 2027-01-15", "datum: 2026-11-20")
    catalogue = content.catalogue()
    offer = next(o for o in catalogue.offers if o.id == "aerztliche-beratung")
    assert offer.events and offer.events[0].day < TODAY
    assert list(events_by_uid(ical.offer_calendar(catalogue, offer))) == [
        f"aerztliche-beratung-termin-20261120T1000@{HOST}"]


def test_a_series_that_would_start_after_the_last_valid_day_is_left_out(content):
    content.replace("angebote/zeltlager.md", "stand: 2026-06-01", "stand: 2026-11-20")
    content.replace("angebote/zeltlager.md", "gueltig_bis: 2027-08-31\n",
                    'gueltig_bis: 2026-11-22\nzeiten:\n  - tage: [mi]\n    von: "10:00"\n    bis: "11:00"\n')
    catalogue = content.catalogue()
    offer = next(o for o in catalogue.offers if o.id == "zeltlager")
    # from Friday 20 November the first Wednesday is the 25th, after the offer ends on the 22nd
    assert offer.times and ical.offer_calendar(catalogue, offer) is None
