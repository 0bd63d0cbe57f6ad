"""Quiet hours: a nudge that would land at night waits until the window ends.

``in_quiet_hours`` and ``defer_past_quiet_hours`` move a nudge that would land at night
(22:00-08:00 local by default) to the end of the quiet window.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from coach.reminders.schedule import local_to_utc

QUIET_START = time(22)
QUIET_END = time(8)


def in_quiet_hours(local_time: time, start: time = QUIET_START, end: time = QUIET_END) -> bool:
    """Whether a local time falls in the quiet window [start, end), which may wrap midnight."""
    if start <= end:
        return start <= local_time < end
    return local_time >= start or local_time < end


def defer_past_quiet_hours(
    fire_at_utc: datetime, tz: ZoneInfo, start: time = QUIET_START, end: time = QUIET_END
) -> datetime:
    """Move a nudge that lands in quiet hours to the end of the window (local), in UTC.

    Callers skip this when the user named that exact time themselves
    (``Schedule.explicit_time``): a nudge they chose for 23:00 stays at 23:00.
    """
    local = fire_at_utc.astimezone(tz)
    if not in_quiet_hours(local.time(), start, end):
        return fire_at_utc
    wake_day = local.date() if local.time() < end else local.date() + timedelta(days=1)
    return local_to_utc(datetime.combine(wake_day, end), tz)
