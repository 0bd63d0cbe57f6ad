"""Describe a reminder schedule in words, in the person's own time zone.

E.g. "Weekdays at 08:00 (Europe/Copenhagen), first tomorrow (Tue 24 Nov)" or
"Once, on Fri 27 Nov at 18:00 (Europe/Copenhagen)". Used to confirm a schedule before it is
saved and to list saved reminders.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from coach.reminders.schedule import (
    SUB_DAILY_FREQS,
    WEEKDAY_CODES,
    WEEKDAYS,
    WEEKENDS,
    Schedule,
    rrule_fields,
)

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def describe_schedule(schedule: Schedule, now: datetime) -> str:
    """A confirmation in the user's zone.

    E.g. "Weekdays at 08:00 (Europe/Copenhagen), first tomorrow (Tue 24 Nov)" or
    "Once, on Fri 27 Nov at 18:00 (Europe/Copenhagen)". ``now`` decides today/tomorrow.
    """
    tz = ZoneInfo(schedule.tz_name)
    first_local = schedule.first_fire_at.astimezone(tz)
    day = _day_phrase(first_local.date(), now.astimezone(tz).date())
    if schedule.rrule is None:
        return f"Once, {day} at {first_local:%H:%M} ({schedule.tz_name})"
    fields = rrule_fields(schedule.rrule)
    if fields["FREQ"] in SUB_DAILY_FREQS:
        return f"{_repeat_phrase(fields)} ({schedule.tz_name}), first {day} at {first_local:%H:%M}"
    return f"{_repeat_phrase(fields)} at {schedule.local_time:%H:%M} ({schedule.tz_name}), first {day}"


def _day_phrase(day: date, today: date) -> str:
    label = f"{day:%a} {day.day} {day:%b}" + (f" {day.year}" if day.year != today.year else "")
    if day == today:
        return f"today ({label})"
    if day == today + timedelta(days=1):
        return f"tomorrow ({label})"
    return f"on {label}"


def _repeat_phrase(fields: dict[str, str]) -> str:
    interval = int(fields.get("INTERVAL", "1"))
    freq = fields["FREQ"]
    if freq == "MINUTELY":
        return f"Every {interval} minutes"
    if freq == "HOURLY":
        return "Every hour" if interval == 1 else f"Every {interval} hours"
    if freq == "DAILY":
        return "Every day" if interval == 1 else f"Every {interval} days"
    days = frozenset(WEEKDAY_CODES.index(code) for code in fields["BYDAY"].split(","))
    day_names = _join_words([WEEKDAY_NAMES[day] for day in sorted(days)])
    if interval > 1:
        return f"Every {interval} weeks on {day_names}"
    if days == WEEKDAYS:
        return "Weekdays"
    if days == WEEKENDS:
        return "Weekends"
    return f"Every {day_names}"


def _join_words(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
