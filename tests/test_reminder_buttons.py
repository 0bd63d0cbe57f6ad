"""The ``rem:`` buttons, front-end neutral: nudge buttons, list buttons and guided choices,
always scoped to the chat they were pressed in; and the list text they show."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from coach.reminders import repository
from coach.reminders.buttons import CALLBACK_PATTERN, WHEN_PRESETS, handle_button, preset_buttons
from coach.reminders.listing import NO_REMINDERS, describe_reminder
from coach.reminders.schedule import Schedule
from coach.reminders.when_words import parse_schedule
from coach.reminders.timing import from_db
from coach.reminders.records import ACTIVE, CANCELLED
from testing.reminders import CPH, NOW, add, fresh_database, utc

ANA, BEN = 701, 702
NUDGE = "Reminder: call Sam\n\nPick one moment today to listen."


@pytest.fixture
def db(tmp_path):
    database = fresh_database(tmp_path)
    yield database
    database.dispose()


def test_snooze_an_hour_moves_the_reminder_and_says_when(db) -> None:
    daily = add(db, ANA, "every day at 21:00 to call Sam")
    pressed = utc("2026-11-23 20:02")
    result = handle_button(db, ANA, f"rem:s1h:{daily.id}", NUDGE, pressed)
    assert from_db(repository.get_reminder(db, ANA, daily.id).next_fire_at) == pressed + timedelta(hours=1)
    assert result.text == f"{NUDGE}\n\nSnoozed. I'll nudge you again at 22:02."
    assert result.buttons == ()  # the keyboard goes away


def test_snooze_until_tomorrow_and_stop(db) -> None:
    daily = add(db, ANA, "every day at 21:00 to call Sam")
    result = handle_button(db, ANA, f"rem:stm:{daily.id}", NUDGE, utc("2026-11-23 20:05"))
    assert result.text.endswith("Snoozed. I'll nudge you again on Tue 24 Nov at 21:00.")

    stopped = handle_button(db, ANA, f"rem:stop:{daily.id}", NUDGE, NOW)
    assert stopped.text.endswith("Stopped. I won't send this reminder again.")
    assert repository.get_reminder(db, ANA, daily.id).status == CANCELLED
    again = handle_button(db, ANA, f"rem:s1h:{daily.id}", NUDGE, NOW)
    assert again.text.endswith("nothing to snooze.")


def test_done_acknowledges_without_changing_the_schedule(db) -> None:
    daily = add(db, ANA, "every day at 21:00 to call Sam")
    before = repository.get_reminder(db, ANA, daily.id)
    result = handle_button(db, ANA, f"rem:done:{daily.id}", NUDGE, NOW)
    assert result.text.startswith(NUDGE) and "Marked as done" in result.text
    after = repository.get_reminder(db, ANA, daily.id)
    assert (after.status, after.next_fire_at) == (before.status, before.next_fire_at)


@pytest.mark.parametrize("action", ["done", "s1h", "stm", "stop", "open", "cancel"])
def test_a_button_for_someone_elses_reminder_changes_nothing(db, action: str) -> None:
    bens = add(db, BEN, "every day at 21:00 to call Sam")
    result = handle_button(db, ANA, f"rem:{action}:{bens.id}", NUDGE, NOW)
    row = repository.get_reminder(db, BEN, bens.id)
    assert (row.status, row.next_fire_at) == (ACTIVE, bens.next_fire_at)
    assert "call Sam" not in (result.text or "").replace(NUDGE, "")


@pytest.mark.parametrize("data", ["rem:", "rem:s1h", "rem:s1h:abc", "rem:fly:3", "rem:when:nowhere"])
def test_malformed_or_stale_buttons_are_answered_kindly(db, data: str) -> None:
    result = handle_button(db, ANA, data, NUDGE, NOW)
    assert result.say is None and result.text.endswith("That button has expired.")


def test_list_buttons_cancel_one_pause_resume_and_cancel_all_after_asking(db) -> None:
    first = add(db, ANA, "every day at 21:00 to call Sam")
    add(db, ANA, "tomorrow at 8am to apologise")
    add(db, BEN, "weekdays at 8")

    after_cancel = handle_button(db, ANA, f"rem:cancel:{first.id}", "list", NOW)
    assert after_cancel.text.startswith("Cancelled: call Sam.\nYour reminders:\n1. Once, tomorrow (Tue 24 Nov) at 08:00")
    assert [title for title, _ in after_cancel.buttons] == ["Cancel 1: apologise", "Pause all"]

    paused = handle_button(db, ANA, "rem:pause", "list", NOW)
    assert paused.text.startswith("Paused 1.") and "(paused)" in paused.text
    assert ("Resume all", "rem:resume") in paused.buttons
    resumed = handle_button(db, ANA, "rem:resume", "list", NOW)
    assert resumed.text.startswith("Resumed 1.")
    assert {r.status for r in repository.live_reminders(db, ANA)} == {ACTIVE}

    add(db, ANA, "weekends at 10")
    question = handle_button(db, ANA, "rem:cxall", "list", NOW)
    assert question.text == "Cancel all 2 of your reminders? This can't be undone."
    assert [data for _, data in question.buttons] == ["rem:cxyes", "rem:list"]
    assert repository.count_live(db, ANA) == 2  # nothing cancelled by asking
    done = handle_button(db, ANA, "rem:cxyes", "list", NOW)
    assert done.text == "Done: I cancelled 2 reminders."
    assert repository.count_live(db, ANA) == 0 and repository.count_live(db, BEN) == 1


def test_resume_says_which_one_offs_passed_while_paused(db) -> None:
    add(db, ANA, "in 2 hours")
    handle_button(db, ANA, "rem:pause", "list", NOW)
    result = handle_button(db, ANA, "rem:resume", "list", NOW + timedelta(hours=3))
    assert result.text.startswith("Resumed 0. 1 one-off reminder came due while paused, so I closed it.")
    assert NO_REMINDERS in result.text


def test_guided_choices_hand_a_phrase_to_the_coach_that_the_parser_reads(db) -> None:
    assert [data for _, data in preset_buttons()] == [f"rem:when:{key}" for key in WHEN_PRESETS]
    for key, (_, phrase) in WHEN_PRESETS.items():
        result = handle_button(db, ANA, f"rem:when:{key}", "When?", NOW)
        assert (result.say, result.text) == (phrase, None)
        assert isinstance(parse_schedule(phrase, NOW, CPH), Schedule)
        assert len(f"rem:when:{key}".encode()) <= 64


def test_every_button_fits_telegrams_callback_limit_and_the_pattern(db) -> None:
    add(db, ANA, "every day at 21:00 to " + "x" * 200)
    big_id = 10**12
    for data in (f"rem:stm:{big_id}", f"rem:cancel:{big_id}", "rem:resume", "rem:cxyes"):
        assert len(data.encode()) <= 64 and re.match(CALLBACK_PATTERN, data)
    listing = handle_button(db, ANA, "rem:list", "", NOW)
    assert all(len(title) <= 40 for title, _ in listing.buttons)


def test_a_reminder_is_described_with_its_next_time_in_its_own_zone(db) -> None:
    daily = add(db, ANA, "every day at 21:00")
    once = add(db, ANA, "on friday at 6pm")
    assert describe_reminder(daily, NOW) == "Every day at 21:00 (Europe/Copenhagen), next today (Mon 23 Nov)"
    assert describe_reminder(once, NOW) == "Once, on Fri 27 Nov at 18:00 (Europe/Copenhagen)"
    repository.pause_all(db, ANA)
    assert handle_button(db, ANA, "rem:list", "", NOW).text.count("(paused)") == 2
