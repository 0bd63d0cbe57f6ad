"""Check-in conversations through the real Rasa agent and action server (the trained model):
the form's two questions, one check-in per day, stop and crisis interruptions with nothing
stored, kind answers to bad input, stale score buttons, /progress and /week, and opting into
the daily check-in nudge and the weekly reflection."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.rasa.bridge import RasaBridge
from coach.reminders import repository
from coach.checkins.store import DayScore, checkin_on, has_checkins
from testing.dialogue import joined, payloads, say
from testing.texts import response_text

NO_CHECKINS_YET = response_text("utter_checkin_none_yet")
NOTE_QUESTION = response_text("utter_checkin_note_question")
SCORE_AGAIN = response_text("utter_checkin_score_again")
SCORE_QUESTION = response_text("utter_checkin_score_question")

pytestmark = pytest.mark.slow


def today():
    return datetime.now(timezone.utc).date()  # these chats have no time zone set: UTC


async def active_loop(bridge: RasaBridge, chat_id: int) -> str | None:
    tracker = await bridge.agent.tracker_store.retrieve(str(chat_id))
    return tracker.active_loop_name


async def test_check_in_then_a_second_one_replaces_it(bridge, db, chat_id) -> None:
    replies = await say(bridge, chat_id, "/checkin")
    assert joined(replies) == SCORE_QUESTION
    assert payloads(replies)[:5] == [f"/checkin_score_{n}" for n in ("one", "two", "three", "four", "five")]

    replies = await say(bridge, chat_id, "/checkin_score_four")
    assert joined(replies) == NOTE_QUESTION and payloads(replies) == ["/flow_next"]
    assert not has_checkins(db, chat_id)  # nothing stored before the last answer

    replies = await say(bridge, chat_id, "we went for a long walk and actually talked")
    assert joined(replies).startswith("Saved: today is a 4 of 5.")
    assert checkin_on(db, chat_id, today()) == DayScore(today(), 4, "we went for a long walk and actually talked")
    assert await active_loop(bridge, chat_id) is None

    replies = await say(bridge, chat_id, "/checkin")
    assert joined(replies) == response_text("utter_checkin_already_today", score=4, top=5) + "\n" + SCORE_QUESTION
    await say(bridge, chat_id, "2")  # typed
    replies = await say(bridge, chat_id, "/flow_next")  # Skip
    assert joined(replies).startswith("Updated: today is now a 2 of 5.")
    assert checkin_on(db, chat_id, today()) == DayScore(today(), 2, None)


async def test_bad_score_gets_a_kind_question_again(bridge, db, chat_id) -> None:
    await say(bridge, chat_id, "/checkin")
    replies = await say(bridge, chat_id, "purple elephants")
    assert joined(replies) == SCORE_AGAIN + "\n" + SCORE_QUESTION
    replies = await say(bridge, chat_id, "a 5 out of 5 honestly")
    assert joined(replies) == NOTE_QUESTION


async def test_stop_leaves_the_form_with_nothing_saved(bridge, db, chat_id) -> None:
    await say(bridge, chat_id, "/checkin")
    await say(bridge, chat_id, "/checkin_score_three")
    replies = await say(bridge, chat_id, "stop")
    assert "stop" in joined(replies).lower()
    assert await active_loop(bridge, chat_id) is None
    assert not has_checkins(db, chat_id)

    replies = await say(bridge, chat_id, "/checkin")  # a fresh start asks for the score again
    assert joined(replies) == SCORE_QUESTION


async def test_crisis_mid_form_is_answered_by_the_safety_layer(bridge, db, chat_id) -> None:
    await say(bridge, chat_id, "/checkin")
    await say(bridge, chat_id, "/checkin_score_one")
    replies = await say(bridge, chat_id, "i want to kill myself tonight")
    assert "/safe_now" in payloads(replies)
    assert NOTE_QUESTION not in joined(replies)
    assert await active_loop(bridge, chat_id) is None
    assert not has_checkins(db, chat_id)


async def test_stale_score_button_offers_a_check_in(bridge, db, chat_id) -> None:
    replies = await say(bridge, chat_id, "/checkin_score_five")
    assert payloads(replies) == ["/checkin"]
    assert not has_checkins(db, chat_id)


async def test_progress_and_week(bridge, db, chat_id) -> None:
    replies = await say(bridge, chat_id, "/show_progress")
    assert joined(replies) == NO_CHECKINS_YET and payloads(replies) == ["/checkin"]

    for text in ("/checkin", "/checkin_score_three", "/flow_next"):
        await say(bridge, chat_id, text)
    replies = await say(bridge, chat_id, "/show_progress_long")
    assert replies[0].custom["attachment"]["args"] == {"days": 90}
    assert "/show_progress" in payloads(replies)

    replies = await say(bridge, chat_id, "/weekly_reflection")
    assert joined(replies).startswith("Your week,") and "a 3 of 5" in joined(replies)


async def test_opting_into_the_daily_check_in_nudge_and_the_weekly_reflection(bridge, db, chat_id) -> None:
    for text in ("/checkin", "/checkin_score_four"):
        await say(bridge, chat_id, text)
    saved = await say(bridge, chat_id, "/flow_next")
    assert "/set_reminder" in payloads(saved)  # "Remind me to check in daily"

    asked = await say(bridge, chat_id, "/set_reminder")
    assert "time zone" in joined(asked)  # the first reminder: where are you?
    confirm = await say(bridge, chat_id, "Copenhagen")
    assert "Every day at 21:00 (Europe/Copenhagen)" in joined(confirm)
    assert '"do my daily check-in"' in joined(confirm)
    done = await say(bridge, chat_id, "/affirm")
    assert joined(done).startswith("Saved.")
    [daily] = repository.live_reminders(db, chat_id)
    assert (daily.note, daily.topic) == ("do my daily check-in", "checkin")

    week = await say(bridge, chat_id, "/weekly_reflection")
    assert payloads(week)[-1] == "/set_reminder"  # "Send me this every Sunday"
    confirm = await say(bridge, chat_id, "/set_reminder")
    assert "Every Sunday at 19:00 (Europe/Copenhagen)" in joined(confirm)
    await say(bridge, chat_id, "/affirm")
    topics = sorted(reminder.topic for reminder in repository.live_reminders(db, chat_id))
    assert topics == ["checkin", "weekly_reflection"]

    again = await say(bridge, chat_id, "/weekly_reflection")  # set: no second offer
    assert "/set_reminder" not in payloads(again)
