"""Read the "when" of a reminder request into its parts, before it becomes a schedule.

``read_parts("every evening at 9")`` finds a clock time, a part of the day, weekday names,
day/week/hour intervals ("every 2 days", "weekdays", "every 2 hours") and leaves the rest
(a date phrase such as "tomorrow" or "on the 3rd") for ``coach.reminders.when_words``.
Word lists come first; they are plain data. Hours without am/pm are read as the defaults in
``coach.reminders.when_words`` describe (``_Clock.resolve``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time, timedelta

from coach.reminders.schedule import WEEKDAYS, WEEKENDS

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "ninety": 90, "other": 2, "second": 2,
}
WEEKDAY_WORDS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
MONTH_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
}
FILLER_WORDS = {"on", "at", "the", "and", "&", "of", "a", "an", "in"}


class Unparseable(Exception):
    """Raised inside the grammar when a phrase cannot be read; becomes a ScheduleProblem."""


@dataclass(frozen=True)
class _Clock:
    """A clock time as written ("9", "7pm", "08:30"); ``resolve`` gives the wall-clock time."""

    hour: int
    minute: int
    meridiem: str | None  # "am", "pm" or None
    zero_padded: bool

    def resolve(self, daypart: str | None) -> time:
        hour = self.hour
        if self.meridiem:
            if not 1 <= hour <= 12:
                raise Unparseable
            hour = hour % 12 + (12 if self.meridiem == "pm" else 0)
        elif hour == 0 or hour > 12 or self.zero_padded:
            pass
        elif daypart in ("afternoon", "evening"):
            hour = hour % 12 + 12
        elif daypart == "night":
            hour = hour + 12 if 6 <= hour <= 11 else hour % 12
        elif daypart is None and hour <= 6:
            hour += 12
        if hour > 23 or self.minute > 59:
            raise Unparseable
        return time(hour, self.minute)


_REWRITES = (
    (re.compile(r"\bhalf\s+an?\s+hour\b|\bhalf\s+hour\b"), "30 minutes"),
    (re.compile(r"\btonight\b"), "today night"),
    (re.compile(r"\bthis\s+(morning|afternoon|evening)\b"), r"today \1"),
    (re.compile(r"\btmrw\b"), "tomorrow"),
    (re.compile(r"\b(?:noon|midday)\b"), "12pm"),
    (re.compile(r"\bmidnight\b"), "12am"),
    (re.compile(r"\bo'?clock\b"), " "),
)
_CLOCK_PATTERNS = (
    re.compile(
        r"(?:\bat\s+)?(?<![\d.:/-])(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<meridiem>am|pm)\b"
    ),
    re.compile(r"(?:\bat\s+)?(?<![\d.:/-])(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?![\d.:/-])"),
    re.compile(r"\bat\s+(?P<hour>\d{1,2})(?![\d.:/-])"),
)
_AMOUNT = r"(?:(?P<amount>\d{1,4}|" + "|".join(NUMBER_WORDS) + r")\s+)?"
_EVERY = r"\b(?:every|each)\s+"
_WEEKDAY = "(?:" + "|".join(sorted(WEEKDAY_WORDS, key=len, reverse=True)) + ")s?"
_DAY_INTERVAL = re.compile(_EVERY + _AMOUNT + r"days?\b|\bdaily\b")
_WEEK_INTERVAL = re.compile(_EVERY + _AMOUNT + r"weeks?\b|\bweekly\b")
_SECONDS_PER_UNIT = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600}
_SUB_DAILY = re.compile(
    _EVERY + _AMOUNT + r"(?P<unit>second|sec|minute|min|hour|hr)s?\b|\bhourly\b"
)
_EVERY_DAYPART = re.compile(_EVERY + r"(?P<daypart>morning|afternoon|evening|night)\b|\bnightly\b")
_WEEK_PART = re.compile(r"\b(?:(?:every|each|on)\s+)?(?P<part>weekday|weekend)s?\b")
_WEEKDAY_LIST = re.compile(
    r"\b(?:(?P<lead>every|each|on|next|this(?:\s+coming)?|coming)\s+)?"
    rf"(?P<days>{_WEEKDAY}(?:\s+(?:(?:and|&)\s+)?{_WEEKDAY})*)\b"
)
_DAYPART = re.compile(
    r"\b(?:in\s+the\s+|at\s+)?(?P<daypart>morning|afternoon|evening|night)(?P<plural>s)?\b"
)


def _take(pattern: re.Pattern[str], text: str) -> tuple[re.Match[str] | None, str]:
    """Find ``pattern`` once and blank it out of ``text``."""
    match = pattern.search(text)
    if match is None:
        return None, text
    return match, f"{text[:match.start()]} {text[match.end():]}"


def _amount(match: re.Match[str]) -> int:
    amount = match.groupdict().get("amount")
    if amount is None:
        return 1
    value = int(amount) if amount.isdigit() else NUMBER_WORDS[amount]
    if value < 1:
        raise Unparseable  # "every 0 days"
    return value


@dataclass
class WhenParts:
    """What the grammar found in a "when" phrase before it is turned into a schedule."""

    clock: _Clock | None = None
    daypart: str | None = None
    recurring_daypart: bool = False
    day_interval: int | None = None
    week_interval: int | None = None
    sub_daily: timedelta | None = None
    days: frozenset[int] = frozenset()
    recurring_days: bool = False
    weekday_lead: str | None = None
    rest: str = ""


def read_parts(when: str) -> WhenParts:
    """Take the clock time, intervals, weekdays and part of the day out of a normalised
    "when" phrase; what is left (e.g. "tomorrow", "the 3rd") goes in ``rest``."""
    text = when
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    parts = WhenParts()

    for pattern in _CLOCK_PATTERNS:
        match, text = _take(pattern, text)
        while match is not None:
            if parts.clock is not None:
                raise Unparseable  # two clock times
            hour, found = match["hour"], match.groupdict()
            parts.clock = _Clock(
                hour=int(hour),
                minute=int(found.get("minute") or 0),
                meridiem=found.get("meridiem"),
                zero_padded=len(hour) == 2 and hour.startswith("0"),
            )
            match, text = _take(pattern, text)

    match, text = _take(_DAY_INTERVAL, text)
    if match:
        parts.day_interval = _amount(match)
    match, text = _take(_WEEK_INTERVAL, text)
    if match:
        parts.week_interval = _amount(match)
    # After the day and week intervals, so "every second day" is not read as seconds.
    match, text = _take(_SUB_DAILY, text)
    if match:
        unit = match["unit"] or "hour"  # "hourly"
        parts.sub_daily = timedelta(seconds=_amount(match) * _SECONDS_PER_UNIT[unit])
    match, text = _take(_EVERY_DAYPART, text)
    if match:
        parts.daypart, parts.recurring_daypart = match["daypart"] or "night", True
    match, text = _take(_WEEK_PART, text)
    if match:
        parts.days = WEEKDAYS if match["part"] == "weekday" else WEEKENDS
        parts.recurring_days = True
    match, text = _take(_WEEKDAY_LIST, text)
    if match:
        if parts.days:
            raise Unparseable  # "weekdays" and named days together
        names = [word for word in match["days"].split() if word not in ("and", "&")]
        singular = [name if name in WEEKDAY_WORDS else name[:-1] for name in names]
        parts.days = frozenset(WEEKDAY_WORDS[name] for name in singular)
        plural = singular != names  # "mondays"
        parts.recurring_days = plural or match["lead"] in ("every", "each")
        parts.weekday_lead = match["lead"]
    match, text = _take(_DAYPART, text)
    if match:
        if parts.daypart is not None:
            raise Unparseable  # two parts of the day
        parts.daypart, parts.recurring_daypart = match["daypart"], bool(match["plural"])

    rest = text.split()
    while rest and rest[0] in FILLER_WORDS - {"in"}:
        rest.pop(0)
    while rest and rest[-1] in FILLER_WORDS:
        rest.pop()
    parts.rest = " ".join(rest)
    return parts
