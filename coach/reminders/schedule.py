"""The reminder schedule value and its recurrence maths: when each nudge fires, in UTC.

A ``Schedule`` is once or recurring, with its first fire in UTC, an RFC 5545 RRULE and the
note it is about. Reading one from words is ``coach.reminders.when_words``; describing one
is ``coach.reminders.describe``; quiet hours are ``coach.reminders.quiet_hours``. Nothing
here reads the wall clock: callers pass the moments, so tests can pin time. dateutil's
``rrule`` expands recurrences (``next_occurrence``).

Daylight saving: daily and weekly recurrences are computed in local wall-clock time, so
"every day at 21:00" in Europe/Copenhagen is 20:00 UTC in winter and 19:00 UTC in summer.
A local time that does not exist (skipped by a spring-forward jump) fires at the instant
the clocks jump, the first valid moment after it; an ambiguous local time (repeated by a
fall-back) fires once, at its first occurrence (``fold=0``). Hourly and minutely rules
count real elapsed time in UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from typing import Literal
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

UTC = timezone.utc

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAYS = frozenset(range(5))
WEEKENDS = frozenset({5, 6})
SUB_DAILY_FREQS = {"HOURLY", "MINUTELY"}


@dataclass(frozen=True)
class Schedule:
    """A reminder schedule: when it first fires, how it repeats, and what it is about.

    ``first_fire_at`` is aware UTC. ``rrule`` is an RFC 5545 RRULE (without DTSTART) for
    recurring schedules and None for one-offs; ``first_fire_at`` doubles as its DTSTART.
    ``local_time`` is the wall-clock time the user asked for in ``tz_name``.
    """

    kind: Literal["once", "recurring"]
    first_fire_at: datetime
    rrule: str | None
    local_time: time
    tz_name: str
    note: str = ""
    explicit_time: bool = False

    def next_fire_after(self, after: datetime) -> datetime | None:
        """The next fire strictly after ``after`` (aware), or None once a one-off is spent."""
        if self.rrule is None:
            return self.first_fire_at if self.first_fire_at > after else None
        return next_occurrence(
            self.rrule, tz_name=self.tz_name, anchor=self.first_fire_at, after=after
        )


def rrule_fields(rrule: str) -> dict[str, str]:
    """An RRULE body as its fields, e.g. {"FREQ": "WEEKLY", "BYDAY": "MO,TH", ...}."""
    return dict(part.split("=", 1) for part in rrule.split(";"))


def next_occurrence(rrule: str, *, tz_name: str, anchor: datetime, after: datetime) -> datetime:
    """The next fire of a recurrence strictly after ``after``, as aware UTC.

    ``rrule`` is the RRULE body (e.g. "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=19;BYMINUTE=0"),
    ``tz_name`` the user's IANA zone and ``anchor`` the schedule's first fire (aware; it is
    the DTSTART, so an INTERVAL counts from it). Daily and weekly rules are expanded in
    local wall-clock time and each occurrence is then placed in UTC: the local time stays
    put across daylight-saving changes, a skipped local time fires when the clocks jump,
    and a repeated one fires once (the first time). Hourly and minutely rules are expanded
    in UTC, so "every 2 hours" means two real hours.
    """
    tz = ZoneInfo(tz_name)
    if rrule_fields(rrule)["FREQ"] in SUB_DAILY_FREQS:
        rule = rrulestr(rrule, dtstart=_naive_utc(anchor))
        following = rule.after(_naive_utc(after))
        if following is None:
            raise ValueError(f"{rrule!r} has no occurrence after {after.isoformat()}")
        return following.replace(tzinfo=UTC)
    rule = rrulestr(rrule, dtstart=anchor.astimezone(tz).replace(tzinfo=None))
    candidate = rule.after(after.astimezone(tz).replace(tzinfo=None))
    # Loop: after a fall-back, a later wall time can still be an earlier instant.
    while candidate is not None:
        fire = local_to_utc(candidate, tz)
        if fire > after:
            return fire
        candidate = rule.after(candidate)
    raise ValueError(f"{rrule!r} has no occurrence after {after.isoformat()}")


def local_to_utc(wall: datetime, tz: ZoneInfo) -> datetime:
    """Place a naive local wall-clock time in UTC.

    An ambiguous time (fall-back) takes its first occurrence (fold=0). A time that does not
    exist (spring-forward gap) becomes the instant the clocks jump, the first valid moment
    after it.
    """
    fire = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if fire.astimezone(tz).replace(tzinfo=None) == wall:
        return fire
    # In a gap, fold=1 reads the wall time with the post-jump offset: an instant before the
    # jump. Step forward to the first instant whose local wall time has reached `wall`.
    instant = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    while instant.astimezone(tz).replace(tzinfo=None) < wall:
        instant += timedelta(minutes=1)
    return instant


def _naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)
