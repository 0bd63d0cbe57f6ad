"""Understand reminder schedules written in words: "every evening at 9 to call Sam".

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
* ``coach.reminders.when_parts`` finds those pieces; ``coach.reminders.schedule`` expands
  recurrences.

Defaults (users see the result in ``describe_schedule`` and can correct it):

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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Iterator, Literal
from zoneinfo import ZoneInfo

import dateparser

from coach.reminders.schedule import WEEKDAY_CODES, Schedule, local_to_utc, next_occurrence
from coach.reminders.when_parts import (
    FILLER_WORDS,
    MONTH_WORDS,
    NUMBER_WORDS,
    WEEKDAY_WORDS,
    Unparseable,
    WhenParts,
    read_parts,
)

UTC = timezone.utc

DAYPART_TIMES = {
    "morning": time(8),
    "afternoon": time(15),
    "evening": time(19),
    "night": time(21),
}
DAY_WITHOUT_TIME = time(9)
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


@dataclass(frozen=True)
class ScheduleProblem:
    """Why a phrase could not become a schedule, with a kind clarification for the user."""

    reason: Literal["unparseable", "in_past", "too_frequent", "too_far"]
    message: str


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


# --- Splitting the message into "when" and note ------------------------------------------

_LEAD_IN = re.compile(
    r"^(?:(?:please|pls|hey|hi|ok|okay|can you|could you|would you)[\s,]+)*"
    r"(?:(?:remind|nudge|ping|message|text|notify)\s+(?:me|us)"
    r"|set\s+(?:up\s+)?a\s+(?:reminder|nudge)(?:\s+for\s+(?:me|us))?"
    r"|reminder:?)\b[\s,:]*",
    re.IGNORECASE,
)
_NOTE_MARKERS = {"to", "that", "about"}
_STARTER_WORDS = {
    "every", "each", "daily", "nightly", "hourly", "weekly", "weekday", "weekdays",
    "weekend", "weekends", "on", "at", "in", "today", "tonight", "tomorrow", "tmrw",
    "yesterday", "next", "this", "the", "noon", "midday", "midnight",
}
_WHEN_WORDS = _STARTER_WORDS | set(NUMBER_WORDS) | set(WEEKDAY_WORDS) | MONTH_WORDS | {
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
    "hr", "hrs", "minute", "minutes", "min", "mins", "second", "seconds", "sec", "secs",
    "morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "night",
    "nights", "half", "and", "&", "coming", "of", "after", "am", "pm", "o'clock", "oclock",
}
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
    return word in WEEKDAY_WORDS or (word.endswith("s") and word[:-1] in WEEKDAY_WORDS)


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
    while end > 0 and words[end - 1] in FILLER_WORDS:
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


# --- Turning the "when" into a schedule ---------------------------------------------------

_ORDINAL_DAY = re.compile(r"(?:on\s+)?(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)")
_MONTH = "(?:" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + ")"
_DAY_OF_MONTH = r"\d{1,2}(?:st|nd|rd|th)?"
# The date phrases handed to dateparser; it would otherwise read "2" as 23 February.
_DATE_PHRASE = re.compile(
    r"today|tomorrow|yesterday|(?:the\s+)?day\s+after\s+tomorrow|next\s+(?:week|month)"
    r"|in\s+(?:\d{1,4}|" + "|".join(NUMBER_WORDS) + r")\s+"
    r"(?:second|sec|minute|min|hour|hr|day|week|month|year)s?"
    rf"|(?:on\s+)?(?:the\s+)?{_DAY_OF_MONTH}\s+(?:of\s+)?{_MONTH}(?:\s+\d{{4}})?"
    rf"|(?:on\s+)?{_MONTH}\s+(?:the\s+)?{_DAY_OF_MONTH}(?:\s+\d{{4}})?"
    r"|(?:on\s+)?\d{4}-\d{1,2}-\d{1,2}"
)
_SUB_DAY_OFFSET = re.compile(r"\b(?:second|sec|minute|min|hour|hr)s?\b")


def _parse_when(when: str, note: str, now: datetime, tz: ZoneInfo) -> Schedule | ScheduleProblem:
    try:
        parts = read_parts(when)
        if parts.sub_daily is not None:
            return _sub_daily_schedule(parts.sub_daily, parts, note, now, tz)
        repeats = parts.day_interval or parts.week_interval
        if repeats or parts.recurring_days or parts.recurring_daypart:
            return _recurring_schedule(parts, note, now, tz)
        return _one_off_schedule(parts, note, now, tz)
    except Unparseable:
        return ScheduleProblem("unparseable", UNPARSEABLE_MESSAGE)


def _time_of_day(parts: WhenParts) -> tuple[time | None, bool]:
    """The wall-clock time asked for (None if none) and whether the user named it."""
    if parts.clock is not None:
        return parts.clock.resolve(parts.daypart), True
    if parts.daypart is not None:
        return DAYPART_TIMES[parts.daypart], False
    return None, False


def _sub_daily_schedule(
    interval: timedelta, parts: WhenParts, note: str, now: datetime, tz: ZoneInfo
) -> Schedule | ScheduleProblem:
    if parts.clock or parts.daypart or parts.days or parts.day_interval or parts.week_interval:
        raise Unparseable  # "every 2 hours at 9"
    if parts.rest:
        raise Unparseable
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
    parts: WhenParts, note: str, now: datetime, tz: ZoneInfo
) -> Schedule | ScheduleProblem:
    if parts.rest or (parts.day_interval and (parts.days or parts.week_interval)):
        raise Unparseable
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
    parts: WhenParts, note: str, now: datetime, tz: ZoneInfo
) -> Schedule | ScheduleProblem:
    if len(parts.days) > 1:
        raise Unparseable  # "on monday and thursday" without "every": once or weekly?
    local_now = now.astimezone(tz)
    wall_time, explicit = _time_of_day(parts)
    weekday = next(iter(parts.days)) if parts.days else None

    candidate_days: list[date]
    ordinal = _ORDINAL_DAY.fullmatch(parts.rest)
    if ordinal:
        candidate_days = _days_with_day_of_month(int(ordinal["day"]), local_now.date())
    elif parts.rest:
        if not _DATE_PHRASE.fullmatch(parts.rest):
            raise Unparseable  # dateparser guesses at anything, e.g. "2" as 23 February
        parsed = _dateparser_read(parts.rest, local_now.replace(tzinfo=None), tz)
        relative = parts.rest.startswith("in ")
        if relative and _SUB_DAY_OFFSET.search(parts.rest):
            if wall_time is not None or weekday is not None:
                raise Unparseable  # "in 2 hours at 9"
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
        raise Unparseable  # nothing that says when
    if weekday is not None and parts.rest:
        # "friday the 27th": the weekday must agree with the date ("friday 26 november" won't)
        candidate_days = [day for day in candidate_days if day.weekday() == weekday]
    if not candidate_days:
        raise Unparseable

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
        raise Unparseable
    return parsed


def _days_with_day_of_month(day: int, today: date) -> list[date]:
    """The next dates (this month onwards, up to a year) that fall on the given day of the month."""
    if not 1 <= day <= 31:
        raise Unparseable
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
