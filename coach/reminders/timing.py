"""When a stored reminder is due: its schedule, quiet hours, and UTC conversions for the table.

The table keeps naive UTC datetimes; everything else in the reminders package works with
aware UTC. A reminder is due at its schedule's occurrence, moved past quiet hours
(22:00-08:00 local) unless the person chose that exact time themselves.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from coach.reminders.quiet_hours import defer_past_quiet_hours
from coach.reminders.schedule import Schedule, local_to_utc
from coach.reminders.records import ONCE, Reminder

UTC = timezone.utc


def to_db(moment: datetime) -> datetime:
    """Aware -> naive UTC, as stored."""
    return moment.astimezone(UTC).replace(tzinfo=None)


def from_db(moment: datetime) -> datetime:
    """Stored naive UTC -> aware UTC."""
    return moment.replace(tzinfo=UTC)


def schedule_of(reminder: Reminder) -> Schedule:
    """The stored reminder as a ``Schedule`` (its anchor is the recurrence's DTSTART)."""
    return Schedule(
        kind=reminder.kind,
        first_fire_at=from_db(reminder.anchor_at),
        rrule=reminder.rrule,
        local_time=reminder.local_time,
        tz_name=reminder.tz_name,
        note=reminder.note,
        explicit_time=reminder.explicit_time,
    )


def respecting_quiet_hours(fire_at: datetime, schedule: Schedule) -> datetime:
    """``fire_at``, or the end of the quiet window it falls in unless the time was chosen."""
    if schedule.explicit_time:
        return fire_at
    return defer_past_quiet_hours(fire_at, ZoneInfo(schedule.tz_name))


def first_due(schedule: Schedule) -> datetime:
    """When a newly saved schedule first fires, quiet hours respected."""
    return respecting_quiet_hours(schedule.first_fire_at, schedule)


def following_due(schedule: Schedule, after: datetime) -> datetime | None:
    """The next due time strictly after ``after`` (None once a one-off is spent)."""
    if schedule.kind == ONCE:
        return None
    nominal = schedule.next_fire_after(after)
    return None if nominal is None else respecting_quiet_hours(nominal, schedule)


def same_time_next_day(previous: datetime, tz_name: str, now: datetime) -> datetime:
    """The same local wall-clock time as ``previous`` on a later day, the first one after ``now``.

    Used by "snooze until tomorrow": a nudge at 21:00 on Monday comes back at 21:00 on
    Tuesday, also across a daylight-saving change.
    """
    tz = ZoneInfo(tz_name)
    local = previous.astimezone(tz)
    day = local.date() + timedelta(days=1)
    while True:
        fire = local_to_utc(datetime.combine(day, local.time()), tz)
        if fire > now:
            return fire
        day += timedelta(days=1)
