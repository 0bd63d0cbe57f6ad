"""Reminder schedules written in words: parsing, recurrences across DST, quiet hours, zones.

Every test pins the clock: NOW is Monday 2026-11-23 10:00 UTC (11:00 in Copenhagen).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.reminders.describe import describe_schedule
from coach.reminders.quiet_hours import defer_past_quiet_hours, in_quiet_hours
from coach.reminders.schedule import Schedule, local_to_utc, next_occurrence
from coach.reminders.when_words import MAX_AHEAD, ScheduleProblem, parse_schedule
from coach.reminders.timezones import describe_zone, parse_timezone

UTC = timezone.utc
CPH = ZoneInfo("Europe/Copenhagen")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # Monday, 11:00 in Copenhagen


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def parsed(text: str, now: datetime = NOW, tz: ZoneInfo = CPH) -> Schedule:
    result = parse_schedule(text, now, tz)
    assert isinstance(result, Schedule), f"{text!r} -> {result}"
    return result


DAILY_21 = "FREQ=DAILY;BYHOUR=21;BYMINUTE=0"
WORKDAYS = "MO,TU,WE,TH,FR"

# (phrase, kind, rrule, first fire in UTC)
SCHEDULES = [
    ("remind me every evening at 9 to check in with Sam", "recurring", DAILY_21, "2026-11-23 20:00"),
    ("nudge me tomorrow at 8am to apologise", "once", None, "2026-11-24 07:00"),
    ("in 20 minutes", "once", None, "2026-11-23 10:20"),
    ("every Monday and Thursday at 7pm", "recurring", "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=19;BYMINUTE=0", "2026-11-23 18:00"),
    ("weekdays at 8", "recurring", f"FREQ=WEEKLY;BYDAY={WORKDAYS};BYHOUR=8;BYMINUTE=0", "2026-11-24 07:00"),
    ("in 3 days", "once", None, "2026-11-26 10:00"),
    ("every day at 21:00", "recurring", DAILY_21, "2026-11-23 20:00"),
    ("on friday at 6pm to plan our date", "once", None, "2026-11-27 17:00"),
    ("every 2 hours", "recurring", "FREQ=HOURLY;INTERVAL=2", "2026-11-23 12:00"),
    ("every 3 hours", "recurring", "FREQ=HOURLY;INTERVAL=3", "2026-11-23 13:00"),
    ("every hour", "recurring", "FREQ=HOURLY", "2026-11-23 11:00"),
    ("hourly", "recurring", "FREQ=HOURLY", "2026-11-23 11:00"),
    ("every 90 minutes", "recurring", "FREQ=MINUTELY;INTERVAL=90", "2026-11-23 11:30"),
    ("every evening", "recurring", "FREQ=DAILY;BYHOUR=19;BYMINUTE=0", "2026-11-23 18:00"),
    ("every morning", "recurring", "FREQ=DAILY;BYHOUR=8;BYMINUTE=0", "2026-11-24 07:00"),
    ("every morning at 7", "recurring", "FREQ=DAILY;BYHOUR=7;BYMINUTE=0", "2026-11-24 06:00"),
    ("every night", "recurring", DAILY_21, "2026-11-23 20:00"),
    ("every night at 11", "recurring", "FREQ=DAILY;BYHOUR=23;BYMINUTE=0", "2026-11-23 22:00"),
    ("daily", "recurring", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0", "2026-11-24 08:00"),
    ("every week", "recurring", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0", "2026-11-30 08:00"),
    ("every other day at 8pm", "recurring", "FREQ=DAILY;INTERVAL=2;BYHOUR=20;BYMINUTE=0", "2026-11-23 19:00"),
    ("every 2 weeks on friday", "recurring", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;BYHOUR=9;BYMINUTE=0", "2026-11-27 08:00"),
    ("mondays and thursdays at 7pm", "recurring", "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=19;BYMINUTE=0", "2026-11-23 18:00"),
    ("every monday, wednesday and friday at 7", "recurring", "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=7;BYMINUTE=0", "2026-11-25 06:00"),
    ("weekends at 10", "recurring", "FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=10;BYMINUTE=0", "2026-11-28 09:00"),
    ("every weekday evening", "recurring", f"FREQ=WEEKLY;BYDAY={WORKDAYS};BYHOUR=19;BYMINUTE=0", "2026-11-23 18:00"),
    ("set a reminder for me: every sunday at 8pm to plan the week", "recurring", "FREQ=WEEKLY;BYDAY=SU;BYHOUR=20;BYMINUTE=0", "2026-11-29 19:00"),
    ("remind me to check in with Sam every evening at 9", "recurring", DAILY_21, "2026-11-23 20:00"),
    ("every day at 02:30", "recurring", "FREQ=DAILY;BYHOUR=2;BYMINUTE=30", "2026-11-24 01:30"),
    ("tonight", "once", None, "2026-11-23 20:00"),
    ("this evening", "once", None, "2026-11-23 18:00"),
    ("tomorrow morning", "once", None, "2026-11-24 07:00"),
    ("tomorrow", "once", None, "2026-11-24 08:00"),
    ("at 8am", "once", None, "2026-11-24 07:00"),  # already past today: tomorrow
    ("at 9pm to call", "once", None, "2026-11-23 20:00"),
    ("at 5", "once", None, "2026-11-23 16:00"),  # 1-6 without am/pm read as afternoon
    ("remind me at noon to call mum", "once", None, "2026-11-23 11:00"),
    ("at midnight", "once", None, "2026-11-23 23:00"),
    ("Remind me at 7:30pm.", "once", None, "2026-11-23 18:30"),
    ("on 25 december at 10am", "once", None, "2026-12-25 09:00"),
    ("on the 3rd at 6pm", "once", None, "2026-12-03 17:00"),
    ("next monday at 9", "once", None, "2026-11-30 08:00"),
    ("monday at 9am", "once", None, "2026-11-30 08:00"),  # today's 9am has passed
    ("monday at 9pm", "once", None, "2026-11-23 20:00"),  # today's 9pm is still ahead
    ("friday 27 november at 6pm", "once", None, "2026-11-27 17:00"),
    ("friday the 27th", "once", None, "2026-11-27 08:00"),
    ("on 2026-12-24 at 18:00", "once", None, "2026-12-24 17:00"),
    ("december 24th at 6pm", "once", None, "2026-12-24 17:00"),
    ("the day after tomorrow at 9", "once", None, "2026-11-25 08:00"),
    ("next week", "once", None, "2026-11-30 08:00"),
    ("in half an hour", "once", None, "2026-11-23 10:30"),
    ("in 3 days at 9pm", "once", None, "2026-11-26 20:00"),
    ("in 2 weeks", "once", None, "2026-12-07 10:00"),
    ("remind me to call mum, tomorrow at 9", "once", None, "2026-11-24 08:00"),
]

PROBLEMS = [
    ("every 5 minutes", "too_frequent"),
    ("every half hour", "too_frequent"),
    ("every minute", "too_frequent"),
    ("every 30 seconds", "too_frequent"),
    ("yesterday at 5", "in_past"),
    ("today at 8am", "in_past"),
    ("on 1 march 2026", "in_past"),
    ("in 2 years", "too_far"),
    ("in 400 days", "too_far"),
    ("at 25:99", "unparseable"),
    ("at 9:75pm", "unparseable"),
    ("sometime", "unparseable"),
    ("remind me", "unparseable"),
    ("in 2 hours at 9", "unparseable"),
    ("every day at 9am and 5pm", "unparseable"),
    ("on monday and thursday", "unparseable"),  # once or weekly? ask
    ("friday 26 november at 6pm", "unparseable"),  # the 26th is a Thursday
    ("on 24/12", "unparseable"),  # day/month order differs by country: don't guess
    ("december", "unparseable"),  # which day?
    ("remind me 2 to call", "unparseable"),  # dateparser alone would say 23 February
    ("every 0 days", "unparseable"),
    ("every 400 days", "too_far"),
]


@pytest.mark.parametrize(("text", "kind", "rrule", "first_fire"), SCHEDULES, ids=[row[0] for row in SCHEDULES])
def test_phrase_becomes_schedule(text: str, kind: str, rrule: str | None, first_fire: str) -> None:
    schedule = parsed(text)
    assert (schedule.kind, schedule.rrule, schedule.first_fire_at) == (kind, rrule, utc(first_fire))
    assert schedule.first_fire_at.utcoffset() == timedelta(0)
    assert schedule.tz_name == "Europe/Copenhagen"


@pytest.mark.parametrize(("text", "reason"), PROBLEMS, ids=[row[0] for row in PROBLEMS])
def test_phrase_is_questioned(text: str, reason: str) -> None:
    result = parse_schedule(text, NOW, CPH)
    assert isinstance(result, ScheduleProblem), result
    assert result.reason == reason


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("remind me every evening at 9 to check in with Sam", "check in with Sam"),
        ("remind me to check in with Sam every evening at 9", "check in with Sam"),
        ("nudge me tomorrow at 8am to apologise", "apologise"),
        ("on friday at 6pm to plan our date", "plan our date"),
        ("remind me to call mum, tomorrow at 9", "call mum"),
        ("remind me to take 5 minutes every day", "take 5 minutes"),
        ("remind me to ask if we may talk tomorrow", "ask if we may talk"),
        ("Please remind me in 20 minutes to breathe before I reply", "breathe before I reply"),
        ("in 20 minutes", ""),
    ],
)
def test_note_is_split_off(text: str, note: str) -> None:
    assert parsed(text).note == note


@pytest.mark.parametrize(
    ("text", "local_time", "explicit"),
    [
        ("every evening", time(19), False),
        ("every evening at 9", time(21), True),
        ("every morning", time(8), False),
        ("every night", time(21), False),
        ("tomorrow", time(9), False),
        ("tomorrow at 8am", time(8), True),
        ("in 20 minutes", time(11, 20), True),
        ("at 05:30", time(5, 30), True),  # zero-padded: a 24-hour clock time
    ],
)
def test_local_time_and_whether_user_named_it(text: str, local_time: time, explicit: bool) -> None:
    schedule = parsed(text)
    assert (schedule.local_time, schedule.explicit_time) == (local_time, explicit)


def test_problem_messages_are_kind_and_give_examples() -> None:
    unparseable = parse_schedule("sometime", NOW, CPH)
    assert isinstance(unparseable, ScheduleProblem)
    assert "'tomorrow at 8am'" in unparseable.message and "'every evening at 9'" in unparseable.message
    past = parse_schedule("yesterday at 5", NOW, CPH)
    assert isinstance(past, ScheduleProblem)
    assert "Sun 22 Nov at 17:00" in past.message and "Did you mean" in past.message
    frequent = parse_schedule("every 5 minutes", NOW, CPH)
    assert isinstance(frequent, ScheduleProblem) and "once an hour" in frequent.message
    far = parse_schedule("in 2 years", NOW, CPH)
    assert isinstance(far, ScheduleProblem) and "year" in far.message


def test_now_must_be_timezone_aware() -> None:
    with pytest.raises(ValueError):
        parse_schedule("tomorrow", NOW.replace(tzinfo=None), CPH)


WORDS = (
    "every each day days evening morning night afternoon at on in the and of 9 8am 7:30pm "
    "21:00 02:30 25:99 0 2 20 90 minutes hours hour weeks week monday thursday mondays "
    "weekday weekdays weekends tomorrow today tonight yesterday next this daily hourly "
    "weekly noon midnight other half an a 3rd december 25 2026-12-24 to call Sam remind "
    "me pm am o'clock sometime"
).split()


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8),
    st.integers(min_value=0, max_value=3 * 365 * 24 * 3600),  # seconds: spans DST changes
)
def test_any_jumble_of_time_words_gives_a_sane_answer(words: list[str], seconds: int) -> None:
    now = NOW + timedelta(seconds=seconds)
    result = parse_schedule(" ".join(words), now, CPH)
    if isinstance(result, ScheduleProblem):
        assert result.message
        return
    assert now < result.first_fire_at <= now + MAX_AHEAD
    following = result.next_fire_after(result.first_fire_at)
    assert (following is None) == (result.kind == "once")
    assert following is None or following > result.first_fire_at


def test_other_zone_reads_times_in_that_zone() -> None:
    schedule = parsed("every day at 8am", tz=NEW_YORK)  # NOW is 05:00 in New York
    assert schedule.first_fire_at == utc("2026-11-23 13:00")
    assert schedule.tz_name == "America/New_York"


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("every day at 21:00", "Every day at 21:00 (Europe/Copenhagen), first today (Mon 23 Nov)"),
        ("nudge me tomorrow at 8am", "Once, tomorrow (Tue 24 Nov) at 08:00 (Europe/Copenhagen)"),
        ("every Monday and Thursday at 7pm", "Every Monday and Thursday at 19:00 (Europe/Copenhagen), first today (Mon 23 Nov)"),
        ("weekdays at 8", "Weekdays at 08:00 (Europe/Copenhagen), first tomorrow (Tue 24 Nov)"),
        ("weekends at 10", "Weekends at 10:00 (Europe/Copenhagen), first on Sat 28 Nov"),
        ("every 2 hours", "Every 2 hours (Europe/Copenhagen), first today (Mon 23 Nov) at 13:00"),
        ("on friday at 6pm", "Once, on Fri 27 Nov at 18:00 (Europe/Copenhagen)"),
    ],
)
def test_describe_confirms_in_users_zone(text: str, described: str) -> None:
    assert describe_schedule(parsed(text), NOW) == described


def test_one_off_fires_once() -> None:
    schedule = parsed("in 20 minutes")
    assert schedule.next_fire_after(NOW) == utc("2026-11-23 10:20")
    assert schedule.next_fire_after(schedule.first_fire_at) is None


def fires(schedule: Schedule, count: int) -> list[datetime]:
    found = [schedule.first_fire_at]
    while len(found) < count:
        following = schedule.next_fire_after(found[-1])
        assert following is not None
        found.append(following)
    return found


@pytest.mark.parametrize(
    ("text", "tz", "now", "expected"),
    [
        # Copenhagen springs forward 2027-03-28: 21:00 local moves from 20:00 to 19:00 UTC.
        ("every day at 21:00", CPH, "2027-03-26 12:00", ["2027-03-26 20:00", "2027-03-27 20:00", "2027-03-28 19:00", "2027-03-29 19:00"]),
        # ... and falls back 2027-10-31: from 19:00 to 20:00 UTC.
        ("every day at 21:00", CPH, "2027-10-29 12:00", ["2027-10-29 19:00", "2027-10-30 19:00", "2027-10-31 20:00", "2027-11-01 20:00"]),
        ("every sunday at 9pm", CPH, "2027-03-15 12:00", ["2027-03-21 20:00", "2027-03-28 19:00", "2027-04-04 19:00"]),
        # New York: 2027-03-14 and 2027-11-07.
        ("every day at 8am", NEW_YORK, "2027-03-13 00:00", ["2027-03-13 13:00", "2027-03-14 12:00", "2027-03-15 12:00"]),
        ("every day at 8am", NEW_YORK, "2027-11-06 00:00", ["2027-11-06 12:00", "2027-11-07 13:00", "2027-11-08 13:00"]),
        # 02:30 does not exist on 2027-03-28 in Copenhagen: fire when the clocks jump (03:00 CEST).
        ("every day at 02:30", CPH, "2027-03-27 12:00", ["2027-03-28 01:00", "2027-03-29 00:30"]),
        # 02:30 happens twice on 2027-10-31: fire once, the first time (CEST).
        ("every day at 02:30", CPH, "2027-10-30 12:00", ["2027-10-31 00:30", "2027-11-01 01:30"]),
        # Hourly rules count real hours, so the fall-back does not bunch or stretch them.
        ("every 2 hours", CPH, "2027-10-30 21:00", ["2027-10-30 23:00", "2027-10-31 01:00", "2027-10-31 03:00"]),
    ],
)
def test_recurrences_keep_local_time_across_dst(text: str, tz: ZoneInfo, now: str, expected: list[str]) -> None:
    schedule = parsed(text, now=utc(now), tz=tz)
    assert fires(schedule, len(expected)) == [utc(moment) for moment in expected]


def test_next_occurrence_is_strictly_after() -> None:
    anchor = utc("2026-11-23 20:00")
    assert next_occurrence(DAILY_21, tz_name="Europe/Copenhagen", anchor=anchor, after=anchor) == utc("2026-11-24 20:00")
    just_before = anchor - timedelta(seconds=1)
    assert next_occurrence(DAILY_21, tz_name="Europe/Copenhagen", anchor=anchor, after=just_before) == anchor


def test_interval_counts_from_the_anchor() -> None:
    rule = "FREQ=DAILY;INTERVAL=2;BYHOUR=20;BYMINUTE=0"
    anchor = utc("2026-11-23 19:00")
    after = utc("2026-11-24 12:00")
    assert next_occurrence(rule, tz_name="Europe/Copenhagen", anchor=anchor, after=after) == utc("2026-11-25 19:00")


@pytest.mark.parametrize(
    ("wall", "tz", "expected"),
    [
        ("2027-03-28 02:30", CPH, "2027-03-28 01:00"),  # skipped: the jump to 03:00 CEST
        ("2027-10-31 02:30", CPH, "2027-10-31 00:30"),  # repeated: first pass, CEST
        ("2027-03-14 02:30", NEW_YORK, "2027-03-14 07:00"),  # skipped: the jump to 03:00 EDT
        ("2027-11-07 01:30", NEW_YORK, "2027-11-07 05:30"),  # repeated: first pass, EDT
        ("2027-07-01 12:00", CPH, "2027-07-01 10:00"),  # ordinary summer time
    ],
)
def test_local_to_utc_handles_gaps_and_folds(wall: str, tz: ZoneInfo, expected: str) -> None:
    assert local_to_utc(datetime.fromisoformat(wall), tz) == utc(expected)


@pytest.mark.parametrize(
    ("local_time", "start", "end", "quiet"),
    [
        (time(22), time(22), time(8), True),
        (time(23, 59), time(22), time(8), True),
        (time(0), time(22), time(8), True),
        (time(7, 59), time(22), time(8), True),
        (time(8), time(22), time(8), False),
        (time(21, 59), time(22), time(8), False),
        (time(12), time(22), time(8), False),
        (time(14), time(13), time(15), True),  # a window that does not wrap midnight
        (time(15), time(13), time(15), False),
        (time(3), time(0), time(0), False),  # empty window
    ],
)
def test_in_quiet_hours(local_time: time, start: time, end: time, quiet: bool) -> None:
    assert in_quiet_hours(local_time, start, end) is quiet


@pytest.mark.parametrize(
    ("fire", "expected"),
    [
        ("2026-11-23 22:30", "2026-11-24 07:00"),  # 23:30 local: to 08:00 next morning
        ("2026-11-24 01:00", "2026-11-24 07:00"),  # 02:00 local: to 08:00 the same morning
        ("2026-11-23 20:00", "2026-11-23 20:00"),  # 21:00 local: outside quiet hours
        ("2027-03-27 22:30", "2027-03-28 06:00"),  # deferred across the spring-forward night
    ],
)
def test_defer_past_quiet_hours(fire: str, expected: str) -> None:
    assert defer_past_quiet_hours(utc(fire), CPH) == utc(expected)


def test_default_times_sit_outside_quiet_hours_but_chosen_late_times_are_explicit() -> None:
    for phrase in ("every morning", "every evening", "every night", "tomorrow"):
        assert not in_quiet_hours(parsed(phrase).local_time)
    late = parsed("every evening at 11")
    assert in_quiet_hours(late.local_time) and late.explicit_time


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("europe/copenhagen", "Europe/Copenhagen"),
        ("America/New_York", "America/New_York"),
        ("Copenhagen", "Europe/Copenhagen"),
        ("new york", "America/New_York"),
        ("London", "Europe/London"),
        ("Sydney", "Australia/Sydney"),
        ("Berlin", "Europe/Berlin"),
        ("Mumbai", "Asia/Kolkata"),
        ("Los Angeles", "America/Los_Angeles"),
        ("Toronto", "America/Toronto"),
        ("São Paulo", "America/Sao_Paulo"),
        ("sao paulo", "America/Sao_Paulo"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),
        ("san francisco", "America/Los_Angeles"),
        ("boston", "America/New_York"),
        ("delhi", "Asia/Kolkata"),
        ("munich", "Europe/Berlin"),
        ("Aarhus", "Europe/Copenhagen"),
        ("manchester", "Europe/London"),
        ("UTC+2", "Etc/GMT-2"),
        ("+02:00", "Etc/GMT-2"),
        ("GMT-5", "Etc/GMT+5"),
        ("utc", "UTC"),
        ("UTC+14", "Etc/GMT-14"),
        ("narnia", None),
        ("UTC+5:30", None),  # not a whole hour
        ("UTC+15", None),  # no such offset
        ("", None),
    ],
)
def test_parse_timezone(text: str, zone: str | None) -> None:
    found = parse_timezone(text)
    assert (found.key if found else None) == zone


def test_fixed_offset_zone_really_has_that_offset() -> None:
    zone = parse_timezone("UTC+2")
    assert zone is not None
    assert NOW.astimezone(zone).utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize(
    ("zone", "at", "described"),
    [
        ("Europe/Copenhagen", None, "Copenhagen (Europe/Copenhagen)"),
        ("Europe/Copenhagen", "2026-11-23 10:00", "Copenhagen (Europe/Copenhagen), currently UTC+01:00"),
        ("Europe/Copenhagen", "2027-07-01 10:00", "Copenhagen (Europe/Copenhagen), currently UTC+02:00"),
        ("America/New_York", None, "New York (America/New_York)"),
        ("Etc/GMT-2", None, "UTC+2 (fixed offset)"),
        ("Etc/GMT+5", None, "UTC-5 (fixed offset)"),
        ("UTC", None, "UTC"),
    ],
)
def test_describe_zone(zone: str, at: str | None, described: str) -> None:
    assert describe_zone(ZoneInfo(zone), utc(at) if at else None) == described
