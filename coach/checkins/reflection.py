"""The weekly reflection: the week's check-ins, the topics talked about, and one idea.

``weekly_reflection(db, chat_id, today)`` looks at the seven local days ending ``today``:
the check-ins (how many, the average against the week before, the best day), the
struggles the person brought up (the ``struggle_*`` intents of their user messages in
Rasa's ``events`` table), and one suggestion from the articles (``nudges`` in
``coach/content/guidance.yml``) for the topic talked about most, or a general one,
named with the article it comes from. Plain text, no Markdown.
"""

from __future__ import annotations

import weakref
from collections import Counter
from datetime import date, datetime, time, timedelta, tzinfo

import sqlalchemy as sa

from coach.content.citations import ARTICLE_LABELS
from coach.content.guidance import Nudge, load_guidance
from coach.checkins.stats import average
from coach.checkins.store import MAX_SCORE, DayScore, checkins_between, user_timezone
from coach.people import sender_for_chat
from coach.storage.db import Database

WEEK = 7
RASA_EVENTS_TABLE = "events"
STRUGGLE_PREFIX = "struggle_"
GENERAL_TOPIC = "general"
SOURCE_LABELS = ARTICLE_LABELS  # what to call each article when a suggestion names it
NO_CHECKINS = "No check-ins this week. That's okay: /checkin takes less than a minute whenever you want it."


def _utc_epoch(day: date, zone: tzinfo) -> float:
    """The moment local midnight starts ``day``, as a Unix timestamp."""
    return datetime.combine(day, time(), tzinfo=zone).timestamp()


_EVENTS_TABLES: weakref.WeakKeyDictionary[sa.engine.Engine, sa.Table] = weakref.WeakKeyDictionary()


def _rasa_events_table(engine: sa.engine.Engine) -> sa.Table | None:
    """Rasa's ``events`` table, read from the database once per engine (None until Rasa
    has created it): a batch of weekly reflections would otherwise reflect it each time."""
    if engine not in _EVENTS_TABLES:
        if not sa.inspect(engine).has_table(RASA_EVENTS_TABLE):
            return None
        _EVENTS_TABLES[engine] = sa.Table(RASA_EVENTS_TABLE, sa.MetaData(), autoload_with=engine)
    return _EVENTS_TABLES[engine]


def struggles_talked_about(db: Database, chat_id: int, start: float, end: float) -> Counter[str]:
    """How often each ``struggle_*`` intent came up in the person's messages between two
    Unix timestamps (empty if Rasa has not created its ``events`` table yet). Answers given
    inside a form (a check-in note, an apology answer) are not topics brought up, so
    messages while a form was active are left out."""
    events = _rasa_events_table(db.engine)
    if events is None:
        return Counter()
    query = (
        sa.select(events.c.type_name, events.c.intent_name, events.c.action_name, events.c.timestamp)
        .where(
            events.c.sender_id == sender_for_chat(chat_id),
            events.c.type_name.in_(("user", "active_loop")),
            events.c.timestamp < end,
        )
        .order_by(events.c.id)
    )
    topics: Counter[str] = Counter()
    in_form = False
    with db.engine.connect() as connection:
        for type_name, intent, loop_name, timestamp in connection.execute(query):
            if type_name == "active_loop":
                in_form = loop_name is not None
            elif not in_form and timestamp >= start and (intent or "").startswith(STRUGGLE_PREFIX):
                topics[intent] += 1
    return topics


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def checkins_paragraph(week: list[DayScore], week_before: list[DayScore]) -> str:
    if not week:
        return NO_CHECKINS
    mean = average(week)
    if len(week) == 1:
        text = f"You checked in once this week: a {week[0].score} of {MAX_SCORE}."
    else:
        text = f"You checked in on {len(week)} of the last {WEEK} days, averaging {mean:.1f} of {MAX_SCORE}"
        before = average(week_before)
        if before is not None and round(mean, 1) != round(before, 1):
            direction = "up" if mean > before else "down"
            text += f" ({direction} from {before:.1f} the week before)"
        text += "."
    best = max(week, key=lambda point: (point.score, point.day))
    if len(week) > 1 and any(point.score < best.score for point in week):
        text += f" Your best day was {best.day:%A} ({best.score} of {MAX_SCORE})."
    return text


def topics_paragraph(topics: Counter[str]) -> str | None:
    guidance = load_guidance()
    named = [
        (guidance.flow_for_intent(intent).title, count)
        for intent, count in sorted(topics.items(), key=lambda item: (-item[1], item[0]))
        if guidance.flow_for_intent(intent) is not None
    ]
    if not named:
        return None
    return "We talked about: " + ", ".join(f"{title} ({_times(count)})" for title, count in named) + "."


def suggestion_for(topics: Counter[str], today: date) -> Nudge:
    """A nudge for the most talked-about topic (else a general one), changing week by week."""
    guidance = load_guidance()
    topic = GENERAL_TOPIC
    for intent, _count in sorted(topics.items(), key=lambda item: (-item[1], item[0])):
        flow = guidance.flow_for_intent(intent)
        if flow is not None and _from_the_articles(guidance.nudges.get(flow.key, ())):
            topic = flow.key
            break
    choices = _from_the_articles(guidance.nudges[topic])
    return choices[today.isocalendar()[1] % len(choices)]


def _from_the_articles(nudges: tuple[Nudge, ...]) -> tuple[Nudge, ...]:
    """The week's idea is one from the articles: general good practice is never named as theirs."""
    return tuple(nudge for nudge in nudges if nudge.articles and not nudge.general)


def source_label(nudge: Nudge) -> str:
    return " and ".join(SOURCE_LABELS[source] for source in nudge.articles[:2])


def weekly_reflection(db: Database, chat_id: int, today: date) -> str:
    """The reflection on the seven local days ending ``today``."""
    zone = user_timezone(db, chat_id)
    first = today - timedelta(days=WEEK - 1)
    week = checkins_between(db, chat_id, first, today)
    week_before = checkins_between(db, chat_id, first - timedelta(days=WEEK), first - timedelta(days=1))
    topics = struggles_talked_about(db, chat_id, _utc_epoch(first, zone), _utc_epoch(today + timedelta(days=1), zone))
    nudge = suggestion_for(topics, today)
    paragraphs = [
        f"Your week, {first:%-d %b} to {today:%-d %b}",
        checkins_paragraph(week, week_before),
        topics_paragraph(topics),
        f"One idea for the week ahead: {nudge.text} (from {source_label(nudge)})",
    ]
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
