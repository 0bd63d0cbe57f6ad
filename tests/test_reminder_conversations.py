"""Reminder conversations through the real Rasa agent and action server (the trained model):
the form's questions, corrections, refusals, stop and crisis interruptions, the cap, /timezone,
/reminders, /discreet and the retaliation flow's 20-minute pause. Dates come from the real
clock here, so the checks are about what is asked and stored, not exact days."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from actions.check_back import CHECK_BACK_NOTE
from coach.reminders import preferences, repository
from coach.reminders.delivery import ReminderDelivery
from coach.reminders.nudges import DISCREET_TEXT
from coach.reminders.when_words import TOO_FREQUENT_MESSAGE, UNPARSEABLE_MESSAGE
from coach.reminders.timing import from_db
from testing.dialogue import joined, payloads, say
from testing.reminders import Clock, Outbox, add
from testing.texts import response_text

CAP_REACHED = response_text("utter_reminder_cap_reached", limit=repository.MAX_LIVE_REMINDERS)
WHEN_QUESTION = response_text("utter_reminder_when_question")
ZONE_QUESTION = response_text("utter_timezone_question")

pytestmark = pytest.mark.slow


def _day_in_20_minutes(zone: str = "Europe/Copenhagen") -> str:
    """How the confirmation names the day 20 minutes from now, by the real clock."""
    now = datetime.now(ZoneInfo(zone))
    return "today" if (now + timedelta(minutes=20)).date() == now.date() else "tomorrow"


async def test_guided_remind_with_clarifications_a_correction_and_a_yes(bridge, db, chat_id) -> None:
    preferences.save_timezone(db, chat_id, "Europe/Copenhagen")

    replies = await say(bridge, chat_id, "/set_reminder")  # what /remind sends
    assert joined(replies) == WHEN_QUESTION
    assert payloads(replies)[:2] == ["rem:when:20m", "rem:when:tonight"] and payloads(replies)[-1] == "/stop"

    replies = await say(bridge, chat_id, "sometime soon")
    assert joined(replies).startswith(UNPARSEABLE_MESSAGE)
    replies = await say(bridge, chat_id, "every 5 minutes")
    assert joined(replies).startswith(TOO_FREQUENT_MESSAGE)
    before = _day_in_20_minutes()
    replies = await say(bridge, chat_id, "in 20 minutes")
    # "today", or "tomorrow" when 20 minutes from now is past midnight in Copenhagen
    assert joined(replies).startswith(tuple({f"Once, {before}", f"Once, {_day_in_20_minutes()}"}))
    assert payloads(replies) == ["/affirm", "/deny"]

    replies = await say(bridge, chat_id, "no")
    assert joined(replies).startswith("No problem, let's fix it.\n" + WHEN_QUESTION)
    replies = await say(bridge, chat_id, "weekdays at 8")
    assert joined(replies).startswith("Weekdays at 08:00 (Europe/Copenhagen), first ")
    assert repository.count_live(db, chat_id) == 0  # nothing stored before the OK

    replies = await say(bridge, chat_id, "/affirm")
    assert joined(replies).startswith("Saved.")
    [saved] = repository.live_reminders(db, chat_id)
    assert saved.rrule == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=0"


async def test_a_request_without_a_time_keeps_its_note(bridge, db, chat_id) -> None:
    preferences.save_timezone(db, chat_id, "Europe/Copenhagen")
    replies = await say(bridge, chat_id, "can you remind me to apologise")
    assert joined(replies) == WHEN_QUESTION
    replies = await say(bridge, chat_id, "tomorrow at 6pm")
    assert joined(replies).endswith(": \"apologise\". OK?")
    await say(bridge, chat_id, "yes")
    assert [r.note for r in repository.live_reminders(db, chat_id)] == ["apologise"]


async def test_the_first_reminder_asks_for_the_zone(bridge, db, chat_id) -> None:
    replies = await say(bridge, chat_id, "nudge me every evening at 9 to check in with Sam")
    assert joined(replies) == ZONE_QUESTION
    replies = await say(bridge, chat_id, "narnia")
    assert "couldn't place that one" in joined(replies)
    replies = await say(bridge, chat_id, "UTC+2")
    assert joined(replies).startswith("Got it: UTC+2 (fixed offset)")
    assert "Every day at 21:00 (Etc/GMT-2)" in joined(replies)
    assert preferences.timezone_of(db, chat_id) == "Etc/GMT-2"


async def test_stop_and_crisis_leave_the_form_with_nothing_saved(bridge, db, chat_id) -> None:
    preferences.save_timezone(db, chat_id, "Europe/Copenhagen")
    await say(bridge, chat_id, "remind me every morning at 7 to stretch")
    replies = await say(bridge, chat_id, "/stop")
    assert "Nothing was changed" in joined(replies)
    assert await bridge.slot(str(chat_id), "reminder_pending") is None

    await say(bridge, chat_id, "remind me every morning at 7 to stretch")
    replies = await say(bridge, chat_id, "I don't want to be alive anymore")
    assert "stretch" not in joined(replies) and "OK?" not in joined(replies)  # the crisis reply, not the form
    replies = await say(bridge, chat_id, "yes")
    assert not joined(replies).startswith("Saved.")
    assert repository.count_live(db, chat_id) == 0


async def test_nudges_wait_while_a_crisis_is_active_and_come_once_it_is_cleared(bridge, db, chat_id) -> None:
    reminder = add(db, chat_id, "in 20 minutes to breathe")
    outbox = Outbox()
    loop = ReminderDelivery(db, outbox, clock=Clock(from_db(reminder.next_fire_at)), only_chat_id=chat_id)
    await say(bridge, chat_id, "I don't want to be alive anymore")
    assert (await loop.deliver_due()).sent == 0  # the crisis flag is mirrored to user_settings
    await say(bridge, chat_id, "/safe_now")
    assert (await loop.deliver_due()).sent == 1
    assert [m.chat_id for m in outbox.sent] == [chat_id]


async def test_at_the_cap_the_request_is_refused_at_once(bridge, db, chat_id) -> None:
    preferences.save_timezone(db, chat_id, "Europe/Copenhagen")
    for hour in range(repository.MAX_LIVE_REMINDERS):
        add(db, chat_id, f"every day at {hour:02d}:00")
    replies = await say(bridge, chat_id, "remind me tomorrow at 9 to call Sam")
    assert joined(replies) == CAP_REACHED
    assert await bridge.slot(str(chat_id), "requested_slot") is None


async def test_timezone_command_and_a_zone_in_the_message(bridge, db, chat_id) -> None:
    replies = await say(bridge, chat_id, "/set_timezone")
    assert joined(replies) == ZONE_QUESTION
    replies = await say(bridge, chat_id, "Copenhagen")
    assert joined(replies).startswith("Got it: Copenhagen (Europe/Copenhagen)")
    replies = await say(bridge, chat_id, "/set_timezone")
    assert joined(replies).startswith("Your time zone is Copenhagen (Europe/Copenhagen)")
    await say(bridge, chat_id, "Chicago")
    assert preferences.timezone_of(db, chat_id) == "America/Chicago"


async def test_list_cancel_discreet_and_the_twenty_minute_pause(bridge, db, chat_id) -> None:
    replies = await say(bridge, chat_id, "/list_reminders")
    assert joined(replies).startswith("You have no reminders set.")

    replies = await say(bridge, chat_id, "i want to get back at her, i want to hurt her like she hurt me")
    for _ in range(3):  # step through the retaliation flow to its pause step
        if "/wait_20_minutes" in payloads(replies):
            break
        replies = await say(bridge, chat_id, "/flow_next")
    pause = next(r for r in replies if any(b.payload == "/wait_20_minutes" for b in r.buttons))
    assert "20 minutes" in pause.text
    replies = await say(bridge, chat_id, "/wait_20_minutes")
    assert joined(replies).startswith("Okay. I'll check back with you in 20 minutes")
    [check_back] = repository.live_reminders(db, chat_id)
    assert (check_back.note, check_back.topic) == (CHECK_BACK_NOTE, "retaliation_check")

    replies = await say(bridge, chat_id, "what reminders do i have")
    assert CHECK_BACK_NOTE in joined(replies)
    assert payloads(replies) == [f"rem:cancel:{check_back.id}", "rem:pause"]
    replies = await say(bridge, chat_id, "cancel my reminder")
    assert joined(replies).startswith("Which one should I cancel?")

    replies = await say(bridge, chat_id, "/toggle_discreet")
    assert DISCREET_TEXT in joined(replies) and preferences.is_discreet(db, chat_id)
