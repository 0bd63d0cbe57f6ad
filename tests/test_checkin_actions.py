"""Unit tests of the check-in actions with rasa_sdk Trackers and a RenderingDispatcher: the form's
validation, saving one check-in per local day, the chart instruction and the weekly reflection."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any

import pytest
from rasa.shared.core.domain import Domain
from rasa_sdk import Tracker

import actions.checkins as checkins
from actions.checkins import (
    REMINDER_BUTTON,
    ActionAskCheckinNote,
    ActionAskCheckinScore,
    ActionShowProgress,
    ActionStartCheckin,
    ActionSubmitCheckin,
    ActionWeeklyReflection,
    ValidateCheckinForm,
    note_from,
    score_from,
)
from coach.checkins.store import DayScore, checkins_between, save_checkin
from coach.storage.db import Database
from coach.tables import UserSettings
from coach.reminders.records import ACTIVE, RECURRING, Reminder
from testing.texts import RenderingDispatcher, response_text

NOW = datetime(2025, 1, 10, 22, 30, tzinfo=timezone.utc)
UTC_DAY = date(2025, 1, 10)
DOMAIN = Domain.load(str(Path(__file__).resolve().parents[1] / "domain.yml")).as_dict()


@pytest.fixture
def fresh_db(tmp_path, monkeypatch) -> Database:
    database = Database(f"sqlite:///{tmp_path / 'actions.db'}")
    database.migrate()
    monkeypatch.setattr(checkins, "database", lambda: database)
    monkeypatch.setattr(checkins, "now_utc", lambda: NOW)
    yield database
    database.dispose()


def tracker(intent: str, text: str = "", slots: dict[str, Any] | None = None, sender_id: str = "42",
            requested_slot: str | None = None, events: list[dict[str, Any]] | None = None) -> Tracker:
    return Tracker(
        sender_id=sender_id,
        slots={"checkin_score": None, "checkin_note": None, "requested_slot": requested_slot, **(slots or {})},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []},
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={"name": "checkin_form"} if requested_slot else {},
        latest_action_name="action_listen",
    )


def answer(slot: str, text: str, intent: str = "out_of_scope", filled: dict[str, Any] | None = None) -> Tracker:
    """The tracker right after the person answered ``slot``: Rasa's from_text mapping set it."""
    events = [
        {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}},
        {"event": "slot", "name": slot, "value": text},
    ]
    return tracker(intent, text, slots={**(filled or {}), slot: text}, requested_slot=slot, events=events)


def slot_events(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


async def run(action, t: Tracker) -> tuple[RenderingDispatcher, dict[str, Any]]:
    dispatcher = RenderingDispatcher()
    events = await action.run(dispatcher, t, DOMAIN)
    return dispatcher, slot_events(events)


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        ("/checkin_score_two", "checkin_score_two", 2),
        ("4", "checkin_score_four", 4),
        ("4", "out_of_scope", 4),  # typed, whatever the classifier made of it
        ("four", None, 4),
        ("I'd say a 3 out of 5", None, 3),
        ("3/5", None, 3),
        ("5 of 5!", None, 5),
        ("6", None, None),
        ("0", None, None),
        ("between 2 and 3", None, None),
        ("no idea, it was odd", None, None),
        ("/show_progress", "show_progress", None),
        ("/checkin_score_two", "show_progress", None),  # a payload is only trusted with its own intent
        ("actually forget this one", "checkin_score_one", None),  # typed: the words decide
        ("this one was a four", None, 4),
        ("no one asked, three", None, 3),
        ("", None, None),
    ],
)
def test_score_from(text: str, intent: str | None, expected: int | None) -> None:
    assert score_from(text, intent) == expected


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        ("/flow_next", "flow_next", ""),  # the Skip button
        ("skip", "out_of_scope", ""),
        ("No thanks.", "deny", ""),
        ("No, it was awful after dinner", "deny", "No, it was awful after dinner"),
        ("We cooked together\n  and laughed", "greet", "We cooked together and laughed"),
        ("/progress", "show_progress", None),
        ("ok next time i will listen better", "flow_next", "ok next time i will listen better"),  # typed: kept
    ],
)
def test_note_from(text: str, intent: str, expected: str | None) -> None:
    assert note_from(text, intent) == expected


async def test_questions_offer_buttons_the_coach_understands() -> None:
    score_question, _ = await run(ActionAskCheckinScore(), tracker("checkin"))
    note_question, _ = await run(ActionAskCheckinNote(), tracker("checkin_score_three"))
    score_buttons = score_question.messages[0]["buttons"]
    assert [score_from(b["payload"], b["payload"][1:]) for b in score_buttons] == [1, 2, 3, 4, 5, None]
    assert score_buttons[-1]["payload"] == "/stop"
    [skip] = note_question.messages[0]["buttons"]
    assert note_from(skip["payload"], skip["payload"][1:]) == ""
    payload_intents = {b["payload"][1:] for b in score_buttons + [skip]}
    assert payload_intents <= set(DOMAIN["intents"])


async def test_form_accepts_a_typed_score_and_asks_again_kindly_otherwise() -> None:
    dispatcher, slots = await run(ValidateCheckinForm(), answer("checkin_score", "I'd say four today"))
    assert slots["checkin_score"] == 4 and dispatcher.messages == []

    dispatcher, slots = await run(ValidateCheckinForm(), answer("checkin_score", "purple", intent="nlu_fallback"))
    assert slots["checkin_score"] is None
    assert [m["text"] for m in dispatcher.messages] == [response_text("utter_checkin_score_again")]

    dispatcher, slots = await run(
        ValidateCheckinForm(), answer("checkin_score", "/checkin_score_five", intent="checkin_score_five")
    )
    assert slots["checkin_score"] == 5


async def test_form_passes_over_slots_just_cleared_without_a_word() -> None:
    events = [{"event": "slot", "name": "checkin_score", "value": None},
              {"event": "slot", "name": "checkin_note", "value": None}]
    dispatcher, slots = await run(ValidateCheckinForm(), tracker("checkin", "/checkin", events=events))
    assert dispatcher.messages == []
    assert slots == {"checkin_score": None, "checkin_note": None}


async def test_form_note_skip_stale_button_and_overlong() -> None:
    _, slots = await run(ValidateCheckinForm(), answer("checkin_note", "/flow_next", "flow_next", {"checkin_score": 3}))
    assert slots["checkin_note"] == ""

    dispatcher, slots = await run(
        ValidateCheckinForm(), answer("checkin_note", "/checkin_score_two", "checkin_score_two", {"checkin_score": 3})
    )
    assert slots["checkin_note"] is None and dispatcher.messages[0]["text"] == response_text("utter_checkin_note_again")

    dispatcher, slots = await run(ValidateCheckinForm(), answer("checkin_note", "word " * 200, filled={"checkin_score": 3}))
    assert slots["checkin_note"] is None and dispatcher.messages[0]["text"] == response_text("utter_checkin_note_too_long", max_length=500)


async def test_start_clears_old_answers_and_warns_about_replacing_today(fresh_db: Database) -> None:
    dispatcher, slots = await run(ActionStartCheckin(), tracker("checkin", slots={"checkin_score": 2}))
    assert slots == {"checkin_score": None, "checkin_note": None} and dispatcher.messages == []

    save_checkin(fresh_db, 42, UTC_DAY, 2, None)
    dispatcher, _ = await run(ActionStartCheckin(), tracker("checkin"))
    assert dispatcher.messages[0]["text"] == response_text("utter_checkin_already_today", score=2, top=5)


async def test_submit_saves_once_per_day_and_updates_on_the_second(fresh_db: Database) -> None:
    dispatcher, slots = await run(
        ActionSubmitCheckin(), tracker("flow_next", slots={"checkin_score": 2, "checkin_note": "we argued about money"})
    )
    first_reply = dispatcher.messages[0]
    assert first_reply["text"].startswith("Saved: today is a 2 of 5.")
    encouragement = response_text("utter_checkin_encouragement_2")
    assert first_reply["text"] == response_text("utter_checkin_saved", score=2, top=5, encouragement=encouragement)
    assert slots["checkin_score"] is None and slots["checkin_note"] is None  # ready for tomorrow
    # no reminders yet: the daily nudge is offered after the response's own button
    assert first_reply["buttons"] == [{"title": "See my progress", "payload": "/show_progress"}, REMINDER_BUTTON]
    assert slots["reminder_suggestion"] == checkins.REMINDER_SUGGESTION

    dispatcher, _ = await run(ActionSubmitCheckin(), tracker("flow_next", slots={"checkin_score": 4, "checkin_note": ""}))
    assert dispatcher.messages[0]["text"].startswith("Updated: today is now a 4 of 5.")
    assert checkins_between(fresh_db, 42, UTC_DAY, UTC_DAY) == [DayScore(UTC_DAY, 4, None)]


async def test_submit_uses_the_local_day_and_counts_the_streak(fresh_db: Database) -> None:
    with fresh_db.session() as session:
        session.add(UserSettings(chat_id=42, timezone="Pacific/Auckland", discreet=False, crisis_active=False))
    save_checkin(fresh_db, 42, date(2025, 1, 10), 3, None)  # yesterday in Auckland
    dispatcher, _ = await run(ActionSubmitCheckin(), tracker("flow_next", slots={"checkin_score": 5, "checkin_note": ""}))
    assert checkins_between(fresh_db, 42, date(2025, 1, 11), date(2025, 1, 11)) == [DayScore(date(2025, 1, 11), 5)]
    assert "That's 2 days in a row." in dispatcher.messages[0]["text"]


def add_daily_reminder(db: Database, topic: str) -> None:
    with db.session() as session:
        session.add(Reminder(
            chat_id=42, kind=RECURRING, rrule="FREQ=DAILY", tz_name="UTC", local_time=time(21), topic=topic,
            anchor_at=NOW.replace(tzinfo=None), next_fire_at=NOW.replace(tzinfo=None), status=ACTIVE,
        ))


async def test_the_daily_check_in_reminder_is_offered_until_one_is_set(fresh_db: Database) -> None:
    add_daily_reminder(fresh_db, "dwelling")  # another kind of reminder: still offered
    dispatcher, slots = await run(ActionSubmitCheckin(), tracker("affirm", slots={"checkin_score": 3, "checkin_note": ""}))
    assert REMINDER_BUTTON in dispatcher.messages[0]["buttons"]
    assert (slots["reminder_suggestion"], slots["reminder_topic"]) == (checkins.REMINDER_SUGGESTION, "checkin")

    add_daily_reminder(fresh_db, "checkin")
    dispatcher, slots = await run(ActionSubmitCheckin(), tracker("affirm", slots={"checkin_score": 3, "checkin_note": ""}))
    assert REMINDER_BUTTON not in dispatcher.messages[0]["buttons"]
    assert "reminder_suggestion" not in slots


async def test_the_week_offers_to_come_every_sunday_until_that_is_set(fresh_db: Database) -> None:
    dispatcher, slots = await run(ActionWeeklyReflection(), tracker("weekly_reflection"))
    assert checkins.WEEKLY_BUTTON in dispatcher.messages[0]["buttons"]
    assert (slots["reminder_suggestion"], slots["reminder_topic"]) == (checkins.WEEKLY_SUGGESTION, "weekly_reflection")

    add_daily_reminder(fresh_db, "weekly_reflection")
    dispatcher, slots = await run(ActionWeeklyReflection(), tracker("weekly_reflection"))
    assert checkins.WEEKLY_BUTTON not in dispatcher.messages[0]["buttons"] and slots == {}


async def test_submit_without_a_chat_stores_nothing(fresh_db: Database) -> None:
    dispatcher, _ = await run(
        ActionSubmitCheckin(), tracker("flow_next", slots={"checkin_score": 3}, sender_id="default")
    )
    assert dispatcher.messages[0]["text"] == response_text("utter_checkin_not_a_chat")


async def test_progress_without_checkins_answers_in_text(fresh_db: Database) -> None:
    dispatcher, _ = await run(ActionShowProgress(), tracker("show_progress"))
    assert [m["text"] for m in dispatcher.messages] == [response_text("utter_checkin_none_yet")]
    assert not dispatcher.messages[0].get("custom")


@pytest.mark.parametrize(("intent", "days", "other"), [("show_progress", 30, "/show_progress_long"),
                                                        ("show_progress_long", 90, "/show_progress")])
async def test_progress_asks_the_front_end_for_the_chart(fresh_db: Database, intent: str, days: int, other: str) -> None:
    save_checkin(fresh_db, 42, UTC_DAY, 3, None)
    dispatcher, _ = await run(ActionShowProgress(), tracker(intent))
    chart, follow_up = dispatcher.messages
    assert chart["custom"] == {"attachment": {"type": "photo", "renderer": "progress_chart", "args": {"days": days}}}
    assert other in [button["payload"] for button in follow_up["buttons"]]


async def test_week_sends_the_reflection(fresh_db: Database) -> None:
    save_checkin(fresh_db, 42, UTC_DAY, 4, None)
    dispatcher, _ = await run(ActionWeeklyReflection(), tracker("weekly_reflection"))
    text = dispatcher.messages[0]["text"]
    assert text.startswith("Your week, 4 Jan to 10 Jan") and "once this week: a 4 of 5" in text


def test_the_guidance_step_that_offers_a_check_in_shows_its_button() -> None:
    from coach.content.guidance import load_guidance
    from actions.flows import step_buttons

    offering = [step for flow in load_guidance().flows.values() for step in flow.steps if step.offer == "checkin"]
    assert offering
    for step in offering:
        assert {"title": "Check in on today", "payload": "/checkin"} in step_buttons(step, has_more=True)


async def test_a_score_of_one_gets_a_gentle_pointer_to_support_help_and_the_helplines(fresh_db: Database) -> None:
    dispatcher, _ = await run(ActionSubmitCheckin(), tracker("flow_next", slots={"checkin_score": 1, "checkin_note": "i dont feel safe"}))
    reply = dispatcher.messages[0]
    assert reply["text"].startswith("Saved: today is a 1 of 5.")
    assert "/help" in reply["text"] and "alone" in reply["text"] and "counsellor" in reply["text"]
    assert {"title": "Helplines if I'm not safe", "payload": "/crisis_abuse"} in reply["buttons"]
    dispatcher, _ = await run(ActionSubmitCheckin(), tracker("flow_next", slots={"checkin_score": 3, "checkin_note": ""}))
    assert all(button["payload"] != "/crisis_abuse" for button in dispatcher.messages[0]["buttons"])
