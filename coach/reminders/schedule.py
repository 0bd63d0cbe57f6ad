"""Understand reminder schedules written in words and compute when each nudge fires.

``parse_schedule("remind me every evening at 9 to check in with Sam", now, tz)`` gives a
``Schedule`` (once or recurring, first fire in UTC, an RFC 5545 RRULE, the note "check in
with Sam") or a ``ScheduleProblem`` holding a short, kind clarification. Nothing here reads
the wall clock: the caller passes ``now`` (timezone-aware), so tests can pin time.

Who reads what:

* dateparser reads calendar dates and offsets for one-off nudges: "tomorrow", "yesterday",
  "in 20 minutes", "in 3 days", "on 25 december", "2026-12-24". It only gets phrases of
  those shapes, because on its own it reads nearly anything ("2" becomes 23 February).
  All-numeric dates such as "24/12" are refused: day/month order differs by country.
* Our own small grammar reads what dateparser lacks or misreads: recurrences ("every day",
  "daily", "every evening/morning/night", "every monday and thursday", "mondays",
  "weekdays", "weekends", "every week", "every 2 days", "every 2 hours", "every 5 minutes"),
  clock times ("at 9", "7pm", "21:00", "noon", "midnight"), parts of the day, weekday names
  ("on friday", "next friday") and a bare day of the month ("on the 3rd").
* dateutil's ``rrule`` expands recurrences (``next_occurrence``).

Defaults (users see the result in ``Schedule.describe`` and can correct it):

* A part of the day without a clock time: morning 08:00, afternoon 15:00, evening 19:00,
  night and "tonight" 21:00. A day without any time ("tomorrow", "on friday", "every day")
  fires at 09:00. "in 3 days" / "in 2 weeks" keep the current time of day.
* An hour without am/pm: after "afternoon"/"evening" it is pm ("every evening at 9" is
  21:00); after "night" 6-11 are pm and 12 is midnight; after "morning" it is read as
  written. With no part of the day, 1-6 mean 13:00-18:00 (nobody wants a 3am nudge) and
  7-12 are read as written. Hours 0 and 13-23 and zero-padded hours ("08:30") are 24-hour
  clock times.
* A clock time or part of the day with no date ("at 8am", "in the evening") is the next
  time it comes round: today if still ahead, otherwise tomorrow. A weekday ("on friday",
  "this friday") is today if the time is still ahead, otherwise that weekday next week;
  "next friday" is the first Friday after today.
* ``explicit_time`` is True when the user chose the moment: a clock time, or an offset
  shorter than a day ("in 20 minutes"). Defaults such as "evening" leave it False.

Limits: recurrences at most hourly ("every 2 hours" fine, "every 5 minutes" refused);
one-off nudges at most a year ahead; a one-off in the past is questioned.

Daylight saving: daily and weekly recurrences are computed in local wall-clock time, so
"every day at 21:00" in Europe/Copenhagen is 20:00 UTC in winter and 19:00 UTC in summer.
A local time that does not exist (skipped by a spring-forward jump) fires at the instant
the clocks jump, the first valid moment after it; an ambiguous local time (repeated by a
fall-back) fires once, at its first occurrence (``fold=0``). Hourly and minutely rules
count real elapsed time in UTC.

Quiet hours: ``in_quiet_hours`` and ``defer_past_quiet_hours`` move a nudge that would land
at night (22:00-08:00 local by default) to the end of the quiet window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Iterator, Literal
from zoneinfo import ZoneInfo

import dateparser
from dateutil.rrule import rrulestr

UTC = timezone.utc

DAYPART_TIMES = {
    "morning": time(8),
    "afternoon": time(15),
    "evening": time(19),
    "night": time(21),
}
DAY_WITHOUT_TIME = time(9)
QUIET_START = time(22)
QUIET_END = time(8)
MAX_AHEAD = timedelta(days=365)
MIN_INTERVAL = timedelta(hours=1)

UNPARSEABLE_MESSAGE = (
    "I couldn't work out when. You can say things like 'tomorrow at 8am', "
    "'in 20 minutes', 'every evening at 9' or 'weekdays at 8'."
)
TOO_FREQUENT_MESSAGE = (
    "I can nudge you at most once an hour, so reminders stay a help rather than noise. "
    "How about 'every 2 hours' or 'every evening at 9'?"
)
TOO_FAR_MESSAGE = (
    "That's more than a year away, further ahead than I can plan. "
    "Could you pick a time within the next 12 months, like 'in 3 months'?"
)

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS = frozenset(range(5))
WEEKENDS = frozenset({5, 6})
_SUB_DAILY_FREQS = {"HOURLY", "MINUTELY"}


@dataclass(frozen=True)
class ScheduleProblem:
    """Why a phrase could not become a schedule, with a kind clarification for the user."""

    reason: Literal["unparseable", "in_past", "too_frequent", "too_far"]
    message: str


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

    def describe(self, now: datetime) -> str:
        """A confirmation in the user's zone.

        E.g. "Weekdays at 08:00 (Europe/Copenhagen), first tomorrow (Tue 24 Nov)" or
        "Once, on Fri 27 Nov at 18:00 (Europe/Copenhagen)". ``now`` decides today/tomorrow.
        """
        tz = ZoneInfo(self.tz_name)
        first_local = self.first_fire_at.astimezone(tz)
        day = _day_phrase(first_local.date(), now.astimezone(tz).date())
        if self.rrule is None:
            return f"Once, {day} at {first_local:%H:%M} ({self.tz_name})"
        fields = _rrule_fields(self.rrule)
        if fields["FREQ"] in _SUB_DAILY_FREQS:
            return f"{_repeat_phrase(fields)} ({self.tz_name}), first {day} at {first_local:%H:%M}"
        return f"{_repeat_phrase(fields)} at {self.local_time:%H:%M} ({self.tz_name}), first {day}"


def parse_schedule(text: str, now: datetime, tz: ZoneInfo) -> Schedule | ScheduleProblem:
    """Read a reminder request such as "nudge me tomorrow at 8am to apologise".

    ``now`` must be timezone-aware (normally UTC); ``tz`` is the user's zone. The lead-in
    ("remind me", "nudge me") is dropped and the rest is split into the "when" and the
    note, in either order ("... at 9 to call Sam" or "... to call Sam at 9").
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    tokens = _LEAD_IN.sub("", text.strip()).split()
    for when_tokens, note in _when_and_note_candidates(tokens):
        when = " ".join(_normalise_token(token) for token in when_tokens)
        outcome = _parse_when(when, note, now, tz)
        if not (isinstance(outcome, ScheduleProblem) and outcome.reason == "unparseable"):
            return outcome
    return ScheduleProblem("unparseable", UNPARSEABLE_MESSAGE)


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
    if _rrule_fields(rrule)["FREQ"] in _SUB_DAILY_FREQS:
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


# --- Splitting the message into "when" and note ------------------------------------------

_LEAD_IN = re.compile(
    r"^(?:(?:please|pls|hey|hi|ok|okay|can you|could you|would you)[\s,]+)*"
    r"(?:(?:remind|nudge|ping|message|text|notify)\s+(?:me|us)"
    r"|set\s+(?:up\s+)?a\s+(?:reminder|nudge)(?:\s+for\s+(?:me|us))?"
    r"|reminder:?)\b[\s,:]*",
    re.IGNORECASE,
)
_NOTE_MARKERS = {"to", "that", "about"}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "ninety": 90, "other": 2, "second": 2,
}
_WEEKDAY_WORDS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
_MONTH_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
}
_STARTER_WORDS = {
    "every", "each", "daily", "nightly", "hourly", "weekly", "weekday", "weekdays",
    "weekend", "weekends", "on", "at", "in", "today", "tonight", "tomorrow", "tmrw",
    "yesterday", "next", "this", "the", "noon", "midday", "midnight",
}
_WHEN_WORDS = _STARTER_WORDS | set(_NUMBER_WORDS) | set(_WEEKDAY_WORDS) | _MONTH_WORDS | {
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
    "hr", "hrs", "minute", "minutes", "min", "mins", "second", "seconds", "sec", "secs",
    "morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "night",
    "nights", "half", "and", "&", "coming", "of", "after", "am", "pm", "o'clock", "oclock",
}
_FILLER_WORDS = {"on", "at", "the", "and", "&", "of", "a", "an", "in"}
_NUMERIC_TOKEN = re.compile(
    r"\d{1,2}(?:[:.]\d{2})?(?:am|pm)?|\d+(?:st|nd|rd|th)?|\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?"
)
_CLOCK_TOKEN = re.compile(r"\d{1,2}(?:[:.]\d{2})?(?:am|pm)|\d{1,2}[:.]\d{2}")


def _normalise_token(token: str) -> str:
    word = token.lower().strip(",;!?\"'()").rstrip(".")
    return {"a.m": "am", "p.m": "pm"}.get(word, word)


def _is_when_word(word: str) -> bool:
    return word in _WHEN_WORDS or _is_weekday_word(word) or bool(_NUMERIC_TOKEN.fullmatch(word))


def _is_starter(word: str) -> bool:
    return word in _STARTER_WORDS or _is_weekday_word(word) or bool(_CLOCK_TOKEN.fullmatch(word))


def _is_weekday_word(word: str) -> bool:
    return word in _WEEKDAY_WORDS or (word.endswith("s") and word[:-1] in _WEEKDAY_WORDS)


def _when_and_note_candidates(tokens: list[str]) -> Iterator[tuple[list[str], str]]:
    """Possible (when, note) splits, most likely first.

    "when" first: the longest run of time words at the start ("every evening at 9 | to call
    Sam"). Otherwise the note comes first and the "when" is a run of time words that ends
    the message, starting at a word that can open a time phrase ("to call Sam | at 9").
    """
    words = [_normalise_token(token) for token in tokens]
    end = 0
    while end < len(words) and _is_when_word(words[end]):
        end += 1
    while end > 0 and words[end - 1] in _FILLER_WORDS:
        end -= 1
    if end:
        yield tokens[:end], _clean_note(tokens[end:])
        return
    for start in range(len(words)):
        if _is_starter(words[start]) and all(_is_when_word(word) for word in words[start:]):
            yield tokens[start:], _clean_note(tokens[:start])


def _clean_note(tokens: list[str]) -> str:
    if tokens and _normalise_token(tokens[0]) in _NOTE_MARKERS:
        tokens = tokens[1:]
    return " ".join(tokens).strip(" ,;:.!?-")


# --- Reading the "when" --------------------------------------------------------------------


class _Unparseable(Exception):
    """Raised inside the grammar when a phrase cannot be read; becomes a ScheduleProblem."""


@dataclass(frozen=True)
class _Clock:
    hour: int
    minute: int
    meridiem: str | None  # "am", "pm" or None
    zero_padded: bool

    def resolve(self, daypart: str | None) -> time:
        hour = self.hour
        if self.meridiem:
            if not 1 <= hour <= 12:
                raise _Unparseable
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
            raise _Unparseable
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
_AMOUNT = r"(?:(?P<amount>\d{1,4}|" + "|".join(_NUMBER_WORDS) + r")\s+)?"
_EVERY = r"\b(?:every|each)\s+"
_WEEKDAY = "(?:" + "|".join(sorted(_WEEKDAY_WORDS, key=len, reverse=True)) + ")s?"
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
_ORDINAL_DAY = re.compile(r"(?:on\s+)?(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)")
_MONTH = "(?:" + "|".join(sorted(_MONTH_WORDS, key=len, reverse=True)) + ")"
_DAY_OF_MONTH = r"\d{1,2}(?:st|nd|rd|th)?"
# The date phrases handed to dateparser; it would otherwise read "2" as 23 February.
_DATE_PHRASE = re.compile(
    r"today|tomorrow|yesterday|(?:the\s+)?day\s+after\s+tomorrow|next\s+(?:week|month)"
    r"|in\s+(?:\d{1,4}|" + "|".join(_NUMBER_WORDS) + r")\s+"
    r"(?:second|sec|minute|min|hour|hr|day|week|month|year)s?"
    rf"|(?:on\s+)?(?:the\s+)?{_DAY_OF_MONTH}\s+(?:of\s+)?{_MONTH}(?:\s+\d{{4}})?"
    rf"|(?:on\s+)?{_MONTH}\s+(?:the\s+)?{_DAY_OF_MONTH}(?:\s+\d{{4}})?"
    r"|(?:on\s+)?\d{4}-\d{1,2}-\d{1,2}"
)
_SUB_DAY_OFFSET = re.compile(r"\b(?:second|sec|minute|min|hour|hr)s?\b")


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
    value = int(amount) if amount.isdigit() else _NUMBER_WORDS[amount]
    if value < 1:
        raise _Unparseable  # "every 0 days"
    return value


@dataclass
class _WhenParts:
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


def _read_parts(when: str) -> _WhenParts:
    text = when
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    parts = _WhenParts()

    for pattern in _CLOCK_PATTERNS:
        match, text = _take(pattern, text)
        while match is not None:
            if parts.clock is not None:
                raise _Unparseable  # two clock times
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
            raise _Unparseable  # "weekdays" and named days together
        names = [word for word in match["days"].split() if word not in ("and", "&")]
        singular = [name if name in _WEEKDAY_WORDS else name[:-1] for name in names]
        parts.days = frozenset(_WEEKDAY_WORDS[name] for name in singular)
        plural = singular != names  # "mondays"
        parts.recurring_days = plural or match["lead"] in ("every", "each")
        parts.weekday_lead = match["lead"]
    match, text = _take(_DAYPART, text)
    if match:
        if parts.daypart is not None:
            raise _Unparseable  # two parts of the day
        parts.daypart, parts.recurring_daypart = match["daypart"], bool(match["plural"])

    rest = text.split()
    while rest and rest[0] in _FILLER_WORDS - {"in"}:
        rest.pop(0)
    while rest and rest[-1] in _FILLER_WORDS:
        rest.pop()
    parts.rest = " ".join(rest)
    return parts


def _parse_when(when: str, note: str, now: datetime, tz: ZoneInfo) -> Schedule | ScheduleProblem:
    try:
        parts = _read_parts(when)
        if parts.sub_daily is not None:
            return _sub_daily_schedule(parts.sub_daily, parts, note, now, tz)
        repeats = parts.day_interval or parts.week_interval
        if repeats or parts.recurring_days or parts.recurring_daypart:
            return _recurring_schedule(parts, note, now, tz)
        return _one_off_schedule(parts, note, now, tz)
    except _Unparseable:
        return ScheduleProblem("unparseable", UNPARSEABLE_MESSAGE)


def _time_of_day(parts: _WhenParts) -> tuple[time | None, bool]:
    """The wall-clock time asked for (None if none) and whether the user named it."""
    if parts.clock is not None:
        return parts.clock.resolve(parts.daypart), True
    if parts.daypart is not None:
        return DAYPART_TIMES[parts.daypart], False
    return None, False


def _sub_daily_schedule(
    interval: timedelta, parts: _WhenParts, note: str, now: datetime, tz: ZoneInfo
) -> Schedule | ScheduleProblem:
    if parts.clock or parts.daypart or parts.days or parts.day_interval or parts.week_interval:
        raise _Unparseable  # "every 2 hours at 9"
    if parts.rest:
        raise _Unparseable
    if interval < MIN_INTERVAL:
        return ScheduleProblem("too_frequent", TOO_FREQUENT_MESSAGE)
    if interval > MAX_AHEAD:
        return ScheduleProblem("too_far", TOO_FAR_MESSAGE)
    minutes = int(interval.total_seconds()) // 60
    if minutes % 60 == 0:
        rule = "FREQ=HOURLY" + (f";INTERVAL={minutes // 60}" if minutes > 60 else "")
    else:
        rule = f"FREQ=MINUTELY;INTERVAL={minutes}"
    first = (now + interval).astimezone(UTC).replace(second=0, microsecond=0)
    return Schedule(
        "recurring", first, rule, first.astimezone(tz).time().replace(tzinfo=None), tz.key, note,
        explicit_time=False,
    )


def _recurring_schedule(
    parts: _WhenParts, note: str, now: datetime, tz: ZoneInfo
) -> Schedule | ScheduleProblem:
    if parts.rest or (parts.day_interval and (parts.days or parts.week_interval)):
        raise _Unparseable
    if timedelta(days=parts.day_interval or 0, weeks=parts.week_interval or 0) > MAX_AHEAD:
        return ScheduleProblem("too_far", TOO_FAR_MESSAGE)
    local_now = now.astimezone(tz)
    wall_time, explicit = _time_of_day(parts)
    wall_time = wall_time or DAY_WITHOUT_TIME
    if parts.week_interval or parts.days:
        days = parts.days or frozenset({local_now.weekday()})
        byday = ",".join(WEEKDAY_CODES[day] for day in sorted(days))
        interval = parts.week_interval or 1
        rule = "FREQ=WEEKLY" + (f";INTERVAL={interval}" if interval > 1 else "") + f";BYDAY={byday}"
    else:
        interval = parts.day_interval or 1
        rule = "FREQ=DAILY" + (f";INTERVAL={interval}" if interval > 1 else "")
    rule += f";BYHOUR={wall_time.hour};BYMINUTE={wall_time.minute}"
    anchor = now.replace(second=0, microsecond=0)
    first = next_occurrence(rule, tz_name=tz.key, anchor=anchor, after=now)
    return Schedule("recurring", first, rule, wall_time, tz.key, note, explicit_time=explicit)


def _one_off_schedule(
    parts: _WhenParts, note: str, now: datetime, tz: ZoneInfo
) -> Schedule | ScheduleProblem:
    if len(parts.days) > 1:
        raise _Unparseable  # "on monday and thursday" without "every": once or weekly?
    local_now = now.astimezone(tz)
    wall_time, explicit = _time_of_day(parts)
    weekday = next(iter(parts.days)) if parts.days else None

    candidate_days: list[date]
    ordinal = _ORDINAL_DAY.fullmatch(parts.rest)
    if ordinal:
        candidate_days = _days_with_day_of_month(int(ordinal["day"]), local_now.date())
    elif parts.rest:
        if not _DATE_PHRASE.fullmatch(parts.rest):
            raise _Unparseable  # dateparser guesses at anything, e.g. "2" as 23 February
        parsed = _dateparser_read(parts.rest, local_now.replace(tzinfo=None), tz)
        relative = parts.rest.startswith("in ")
        if relative and _SUB_DAY_OFFSET.search(parts.rest):
            if wall_time is not None or weekday is not None:
                raise _Unparseable  # "in 2 hours at 9"
            offset = parsed - local_now.replace(tzinfo=None)
            return _checked_one_off(now + offset, None, tz, note, now, explicit=True)
        if relative and wall_time is None:
            wall_time = time(parsed.hour, parsed.minute)
        candidate_days = [parsed.date()]
    elif weekday is not None:
        ahead = (weekday - local_now.weekday()) % 7
        if parts.weekday_lead == "next" and ahead == 0:
            ahead = 7
        first_day = local_now.date() + timedelta(days=ahead)
        candidate_days = [first_day, first_day + timedelta(days=7)]
    elif wall_time is not None:
        candidate_days = [local_now.date(), local_now.date() + timedelta(days=1)]
    else:
        raise _Unparseable  # nothing that says when
    if weekday is not None and parts.rest:
        # "friday the 27th": the weekday must agree with the date ("friday 26 november" won't)
        candidate_days = [day for day in candidate_days if day.weekday() == weekday]
    if not candidate_days:
        raise _Unparseable

    wall_time = wall_time or DAY_WITHOUT_TIME
    fires = [local_to_utc(datetime.combine(day, wall_time), tz) for day in candidate_days]
    fire = next((fire for fire in fires if fire > now), fires[0])
    return _checked_one_off(fire, wall_time, tz, note, now, explicit)


def _checked_one_off(
    fire: datetime, wall_time: time | None, tz: ZoneInfo, note: str, now: datetime, explicit: bool
) -> Schedule | ScheduleProblem:
    local_fire = fire.astimezone(tz)
    if fire <= now:
        asked = f"{local_fire:%a} {local_fire.day} {local_fire:%b} at {local_fire:%H:%M}"
        return ScheduleProblem(
            "in_past",
            f"That time ({asked}) has already passed. "
            f"Did you mean one still ahead, like 'tomorrow at {local_fire:%H:%M}'?",
        )
    if fire - now > MAX_AHEAD:
        return ScheduleProblem("too_far", TOO_FAR_MESSAGE)
    local_time = wall_time or local_fire.time().replace(tzinfo=None)
    return Schedule(
        "once", fire.astimezone(UTC), None, local_time, tz.key, note, explicit_time=explicit
    )


def _dateparser_read(phrase: str, local_now: datetime, tz: ZoneInfo) -> datetime:
    """A naive local datetime for a date phrase ("tomorrow", "in 3 days", "on 25 december")."""
    parsed = dateparser.parse(
        phrase,
        languages=["en"],
        settings={
            "PREFER_DATES_FROM": "future",
            "RELATIVE_BASE": local_now,
            "TIMEZONE": tz.key,
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None:
        raise _Unparseable
    return parsed


def _days_with_day_of_month(day: int, today: date) -> list[date]:
    """The next dates (this month onwards, up to a year) that fall on the given day of the month."""
    if not 1 <= day <= 31:
        raise _Unparseable
    found = []
    year, month = today.year, today.month
    for _ in range(13):
        try:
            candidate = date(year, month, day)
        except ValueError:  # e.g. the 31st in a 30-day month
            candidate = None
        if candidate is not None and candidate >= today:
            found.append(candidate)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


# --- Describing schedules ------------------------------------------------------------------


def _rrule_fields(rrule: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in rrule.split(";"))


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


def _naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)
