"""The reminders table and what a person can do with it: isolation, the cap, cancel, pause,
resume, snooze, moving time zone. Each test has its own migrated SQLite file."""

from __future__ import annotations

from datetime import time, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from coach.reminders import preferences, repository
from coach.reminders.timing import from_db
from coach.tables import Base
from coach.reminders.records import ACTIVE, CANCELLED, DONE, MISSED, PAUSED, Reminder
from testing.reminders import CPH, NOW, add, fresh_database, schedule, utc

ANA, BEN = 501, 502


@pytest.fixture
def db(tmp_path):
    database = fresh_database(tmp_path)
    yield database
    database.dispose()


def test_migration_creates_the_table_the_model_describes(db) -> None:
    inspector = sa.inspect(db.engine)
    columns = {column["name"] for column in inspector.get_columns("reminders")}
    assert columns == set(Reminder.__table__.columns.keys())
    indexes = {index["name"]: index["column_names"] for index in inspector.get_indexes("reminders")}
    assert indexes["ix_reminders_due"] == ["status", "next_fire_at"]
    assert indexes["ix_reminders_chat_id"] == ["chat_id"]
    assert "reminders" in Base.metadata.tables  # so /forget and /export find it by chat_id


def test_create_stores_the_schedule_in_utc_with_its_local_intent(db) -> None:
    reminder = add(db, ANA, "remind me every evening at 9 to check in with Sam")
    [stored] = repository.live_reminders(db, ANA)
    assert stored.id == reminder.id
    assert (stored.kind, stored.rrule, stored.tz_name) == ("recurring", "FREQ=DAILY;BYHOUR=21;BYMINUTE=0", "Europe/Copenhagen")
    assert (stored.note, stored.local_time, stored.status) == ("check in with Sam", time(21), ACTIVE)
    assert from_db(stored.next_fire_at) == utc("2026-11-23 20:00")


def test_a_new_reminder_in_quiet_hours_waits_for_morning_unless_the_time_was_chosen(db) -> None:
    late_evening = NOW.replace(hour=22, minute=30)  # 23:30 in Copenhagen
    by_default = repository.create_reminder(db, ANA, schedule("in 3 days", late_evening), "general")
    chosen = repository.create_reminder(db, ANA, schedule("every night at 11", late_evening), "general")
    assert from_db(by_default.next_fire_at) == utc("2026-11-27 07:00")  # 08:00 local, not 23:30
    assert from_db(chosen.next_fire_at) == utc("2026-11-24 22:00")  # 23:00 local, as asked


def test_people_only_ever_see_and_change_their_own_reminders(db) -> None:
    anas = add(db, ANA, "every day at 21:00 to journal")
    bens = add(db, BEN, "weekdays at 8 to send a kind message")

    assert [r.id for r in repository.live_reminders(db, ANA)] == [anas.id]
    assert repository.get_reminder(db, ANA, bens.id) is None
    assert repository.cancel_reminder(db, ANA, bens.id) is None
    assert repository.snooze(db, ANA, bens.id, "hour", NOW) is None
    assert repository.cancel_all(db, ANA) == 1
    assert repository.pause_all(db, ANA) == 0

    [still_there] = repository.live_reminders(db, BEN)
    assert (still_there.id, still_there.status) == (bens.id, ACTIVE)


def test_the_cap_counts_live_reminders_and_frees_up_on_cancel(db) -> None:
    made = [add(db, ANA, f"every day at {hour % 24:02d}:00") for hour in range(repository.MAX_LIVE_REMINDERS)]
    assert repository.count_live(db, ANA) == 20
    with pytest.raises(repository.ReminderCapReached):
        add(db, ANA, "tomorrow at 9")
    add(db, BEN, "tomorrow at 9")  # another person's cap is their own

    repository.pause_all(db, ANA)
    with pytest.raises(repository.ReminderCapReached):  # paused ones still count
        add(db, ANA, "tomorrow at 9")
    repository.cancel_reminder(db, ANA, made[0].id)
    add(db, ANA, "tomorrow at 9")
    assert repository.count_live(db, ANA) == 20


def test_cancel_one_and_all(db) -> None:
    first, second, third = (add(db, ANA, text) for text in ("tomorrow at 9", "every evening", "weekdays at 8"))
    cancelled = repository.cancel_reminder(db, ANA, first.id)
    assert cancelled is not None and cancelled.status == CANCELLED
    assert repository.cancel_reminder(db, ANA, first.id) is None  # already gone
    assert repository.cancel_all(db, ANA) == 2
    assert repository.live_reminders(db, ANA) == []
    assert {repository.get_reminder(db, ANA, r.id).status for r in (second, third)} == {CANCELLED}


def test_pause_then_resume_moves_recurring_ones_on_and_closes_one_offs_that_passed(db) -> None:
    daily = add(db, ANA, "every day at 21:00")
    soon = add(db, ANA, "in 2 hours")
    later = add(db, ANA, "on friday at 6pm")
    assert repository.pause_all(db, ANA) == 3
    assert {r.status for r in repository.live_reminders(db, ANA)} == {PAUSED}

    three_days_on = NOW + timedelta(days=3)  # Thursday 11:00 in Copenhagen
    result = repository.resume_all(db, ANA, three_days_on)

    assert result.resumed == 2 and [r.id for r in result.expired] == [soon.id]
    assert repository.get_reminder(db, ANA, soon.id).status == MISSED
    assert from_db(repository.get_reminder(db, ANA, daily.id).next_fire_at) == utc("2026-11-26 20:00")
    assert from_db(repository.get_reminder(db, ANA, later.id).next_fire_at) == utc("2026-11-27 17:00")


def test_snooze_an_hour_or_until_tomorrow_at_the_same_local_time(db) -> None:
    daily = add(db, ANA, "every day at 21:00")
    delivered_at = utc("2026-11-23 20:00")
    with db.session() as session:  # as after delivery: sent, advanced to tomorrow
        row = session.get(Reminder, daily.id)
        row.last_sent_at, row.next_fire_at = delivered_at.replace(tzinfo=None), utc("2026-11-24 20:00").replace(tzinfo=None)

    pressed = delivered_at + timedelta(minutes=5)
    hour = repository.snooze(db, ANA, daily.id, "hour", pressed)
    assert from_db(hour.next_fire_at) == pressed + timedelta(hours=1)
    tomorrow = repository.snooze(db, ANA, daily.id, "tomorrow", pressed)
    assert from_db(tomorrow.next_fire_at) == utc("2026-11-24 20:00")


def test_snooze_tomorrow_keeps_the_local_time_across_a_dst_change_and_revives_a_one_off(db) -> None:
    saturday = utc("2027-03-27 12:00")
    one_off = repository.create_reminder(db, ANA, schedule("at 9pm", saturday), "general")
    with db.session() as session:
        row = session.get(Reminder, one_off.id)
        row.status, row.last_sent_at = DONE, row.next_fire_at  # delivered 21:00 CET

    snoozed = repository.snooze(db, ANA, one_off.id, "tomorrow", utc("2027-03-27 20:10"))
    assert snoozed.status == ACTIVE
    assert from_db(snoozed.next_fire_at) == utc("2027-03-28 19:00")  # 21:00 CEST


def test_snooze_refuses_cancelled_and_paused_reminders(db) -> None:
    cancelled, paused = add(db, ANA, "tomorrow at 9"), add(db, BEN, "tomorrow at 9")
    repository.cancel_reminder(db, ANA, cancelled.id)
    repository.pause_all(db, BEN)
    assert repository.snooze(db, ANA, cancelled.id, "hour", NOW) is None
    assert repository.snooze(db, BEN, paused.id, "tomorrow", NOW) is None


def test_moving_zone_keeps_recurring_local_times_and_one_off_moments(db) -> None:
    daily = add(db, ANA, "every day at 21:00")  # 20:00 UTC in Copenhagen
    one_off = add(db, ANA, "tomorrow at 8am")  # 07:00 UTC
    assert repository.move_to_zone(db, ANA, "America/New_York", NOW) == 1

    moved = repository.get_reminder(db, ANA, daily.id)
    assert moved.tz_name == "America/New_York" and moved.local_time == time(21)
    assert from_db(moved.next_fire_at) == utc("2026-11-24 02:00")  # 21:00 in New York
    kept = repository.get_reminder(db, ANA, one_off.id)
    assert from_db(kept.next_fire_at) == utc("2026-11-24 07:00")
    assert kept.local_time == time(2)  # shown as 02:00 New York time


def test_take_missed_reports_each_missed_one_off_once(db) -> None:
    missed = add(db, ANA, "in 2 hours to call mum")
    with db.session() as session:
        row = session.get(Reminder, missed.id)
        row.status, row.missed_count = MISSED, 1
    assert [r.note for r in repository.take_missed(db, ANA)] == ["call mum"]
    assert repository.take_missed(db, ANA) == []
    assert repository.take_missed(db, BEN) == []


def test_preferences_time_zone_and_discreet_mode(db) -> None:
    assert preferences.timezone_of(db, ANA) is None
    preferences.save_timezone(db, ANA, "Europe/Copenhagen")
    assert preferences.timezone_of(db, ANA) == "Europe/Copenhagen"
    assert not preferences.is_discreet(db, ANA)
    assert preferences.toggle_discreet(db, ANA) is True and preferences.is_discreet(db, ANA)
    assert preferences.toggle_discreet(db, ANA) is False
    assert preferences.timezone_of(db, BEN) is None
    assert ZoneInfo(preferences.timezone_of(db, ANA)) == CPH


@pytest.mark.parametrize(("sender", "chat_id"), [("42", 42), ("0", 0), ("-100123", -100123), ("console", None)])
def test_chat_id_for_sender(sender: str, chat_id: int | None) -> None:
    assert preferences.chat_id_for_sender(sender) == chat_id
