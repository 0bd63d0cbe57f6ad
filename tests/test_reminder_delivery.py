"""The delivery loop with a clock the test moves: sending, advancing, restarts and downtime,
claims shared by concurrent loops, quiet hours, crisis suppression, discreet mode, prompts."""

from __future__ import annotations

import asyncio
import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from coach.content.guidance import load_guidance
from coach.config import ConfigError, Settings
from bot.console.chat import CONSOLE_CHAT_ID
from coach.reminders import claims, repository
from coach.reminders.buttons import handle_button
from bot.console.reminders import console_printer
from coach.reminders.delivery import RecipientUnreachable, ReminderDelivery
from coach.reminders.nudges import DISCREET_TEXT, saved_commitments
from coach.reminders.timing import from_db
from coach.checkins.store import save_checkin
from coach.storage.db import Database
from coach.apology.store import ApologyDraft
from coach.storage.sealing import mine
from coach.tables import UserSettings
from coach.reminders.records import ACTIVE, CANCELLED, DONE, MISSED, PAUSED, Reminder
from testing.reminders import NOW, Clock, Outbox, add, deliver_with_two_processes, fresh_database, schedule, utc

ANA, BEN = 601, 602


@pytest.fixture
def db(tmp_path):
    database = fresh_database(tmp_path)
    yield database
    database.dispose()


def delivery(db: Database, outbox: Outbox, clock: Clock, **options) -> ReminderDelivery:
    return ReminderDelivery(db, outbox, clock=clock, **options)


def stored(db: Database, reminder_id: int) -> Reminder:
    with db.session() as session:
        return session.get(Reminder, reminder_id)


def set_user(db: Database, chat_id: int, **values) -> None:
    with db.session() as session:
        row = session.get(UserSettings, chat_id) or UserSettings(chat_id=chat_id, discreet=False, crisis_active=False)
        for name, value in values.items():
            setattr(row, name, value)
        session.add(row)


async def test_a_due_recurring_reminder_is_sent_once_then_waits_for_its_next_occurrence(db) -> None:
    daily = add(db, ANA, "remind me every evening at 9 to check in with Sam")
    outbox, clock = Outbox(), Clock(utc("2026-11-23 19:59"))
    loop = delivery(db, outbox, clock)

    assert (await loop.deliver_due()).sent == 0  # not due yet
    clock.now = utc("2026-11-23 20:00:30")
    assert (await loop.deliver_due()).sent == 1
    assert (await loop.deliver_due()).sent == 0  # nothing twice

    [nudge] = outbox.sent
    assert nudge.chat_id == ANA and nudge.text.startswith("Reminder: check in with Sam")
    assert [data for _, data in nudge.buttons] == [f"rem:{a}:{daily.id}" for a in ("done", "s1h", "stm", "stop")]
    row = stored(db, daily.id)
    assert (row.status, from_db(row.next_fire_at), row.claimed_by) == (ACTIVE, utc("2026-11-24 20:00"), None)
    assert from_db(row.last_sent_at) == clock.now


async def test_a_one_off_is_done_after_its_nudge(db) -> None:
    once = add(db, ANA, "in 20 minutes to breathe before I reply")
    outbox, clock = Outbox(), Clock(NOW + timedelta(minutes=20))
    await delivery(db, outbox, clock).deliver_due()
    assert [m.text.splitlines()[0] for m in outbox.sent] == ["Reminder: breathe before I reply"]
    assert ("Stop this reminder", f"rem:stop:{once.id}") not in outbox.sent[0].buttons
    assert stored(db, once.id).status == DONE


async def test_a_restart_loses_nothing_and_sends_nothing_twice(db) -> None:
    daily = add(db, ANA, "every day at 21:00")
    soon = add(db, BEN, "in 2 hours")
    morning = add(db, BEN, "tomorrow at 8am")
    outbox = Outbox()
    # Each pass is a new process (a new loop with its own id) on the same table, as after a restart.
    for number, moment in enumerate(
        ["2026-11-23 12:00", "2026-11-23 12:00", "2026-11-23 20:00", "2026-11-24 07:00", "2026-11-24 07:30",
         "2026-11-24 20:00"], start=1
    ):
        await delivery(db, outbox, Clock(utc(moment)), worker_id=f"process-{number}").deliver_due()

    assert [(m.chat_id, m.reminder_id) for m in outbox.sent] == [
        (BEN, soon.id), (ANA, daily.id), (BEN, morning.id), (ANA, daily.id)
    ]


async def test_a_crashed_loops_claims_lapse_and_are_then_delivered_once(db) -> None:
    for chat_id in range(700, 710):
        add(db, chat_id, "in 20 minutes")
    clock = Clock(NOW + timedelta(minutes=20))
    crashed = claims.claim_due(db, clock(), "dead-process:1", timedelta(minutes=5), limit=100)
    assert len(crashed) == 10  # claimed, then the process died before sending

    outbox = Outbox()
    survivor = delivery(db, outbox, clock)
    assert (await survivor.deliver_due()).sent == 0  # the claims still hold
    clock.advance(minutes=5, seconds=1)
    assert (await survivor.deliver_due()).sent == 10  # lapsed: 5 minutes late is within grace
    assert (await survivor.deliver_due()).sent == 0
    assert sorted(m.chat_id for m in outbox.sent) == list(range(700, 710))


async def test_after_downtime_a_late_one_off_within_grace_is_sent_and_a_later_one_is_reported(db) -> None:
    slightly_late = add(db, ANA, "in 20 minutes to drink water")  # due 10:20
    far_too_late = add(db, ANA, "at 12:30 to call mum")  # due 11:30 UTC
    daily = add(db, ANA, "every day at 21:00 to journal")  # due 20:00 UTC
    outbox, clock = Outbox(), Clock(utc("2026-11-23 11:15"))  # down from 10:00: 55 minutes late
    loop = delivery(db, outbox, clock)

    assert (await loop.deliver_due()).sent == 1
    clock.now = utc("2026-11-23 13:00")  # down again: 90 minutes late
    stats = await loop.deliver_due()
    assert (stats.sent, stats.missed) == (0, 1)
    assert stored(db, far_too_late.id).status == MISSED

    clock.now = utc("2026-11-23 20:00")
    await loop.deliver_due()
    clock.now = utc("2026-11-24 20:00")
    await loop.deliver_due()

    first, evening, next_evening = outbox.to(ANA)
    assert first.reminder_id == slightly_late.id and "missed" not in first.text
    assert evening.reminder_id == daily.id
    assert "While I was offline I missed \"call mum\" (Mon 23 Nov, 12:30)." in evening.text
    assert "missed" not in next_evening.text  # reported once


async def test_a_recurring_reminder_resumes_at_its_next_occurrence_without_a_burst(db) -> None:
    daily = add(db, ANA, "every day at 21:00")
    hourly = add(db, BEN, "every 2 hours")
    outbox, clock = Outbox(), Clock(utc("2026-11-26 12:00"))  # three days of downtime
    stats = await delivery(db, outbox, clock).deliver_due()

    assert (stats.sent, stats.skipped, stats.missed) == (0, 2, 0)
    assert outbox.sent == []
    assert from_db(stored(db, daily.id).next_fire_at) == utc("2026-11-26 20:00")
    assert from_db(stored(db, hourly.id).next_fire_at) == utc("2026-11-26 14:00")


async def test_the_grace_period_comes_from_the_environment(db, monkeypatch) -> None:
    monkeypatch.setenv("REMINDER_GRACE_MINUTES", "10")
    settings = Settings.from_env()
    assert settings.reminder_grace_minutes == 10
    add(db, ANA, "in 20 minutes")
    outbox = Outbox()
    loop = ReminderDelivery.from_settings(settings, db, outbox, clock=Clock(NOW + timedelta(minutes=35)))
    assert loop.grace == timedelta(minutes=10)
    assert (await loop.deliver_due()).missed == 1  # 15 minutes late is beyond 10

    monkeypatch.setenv("REMINDER_GRACE_MINUTES", "an hour")
    with pytest.raises(ConfigError):
        Settings.from_env()
    monkeypatch.delenv("REMINDER_GRACE_MINUTES")
    assert Settings.from_env().reminder_grace_minutes == 60


def test_concurrent_claims_on_sqlite_never_hand_a_row_to_two_batches(db) -> None:
    for chat_id in range(800, 850):
        add(db, chat_id, "in 20 minutes")
    due = NOW + timedelta(minutes=21)
    first = claims.claim_due(db, due, "a:1", timedelta(minutes=5), limit=30)
    second = claims.claim_due(db, due, "b:1", timedelta(minutes=5), limit=30)
    third = claims.claim_due(db, due, "c:1", timedelta(minutes=5), limit=30)
    assert (len(first), len(second), len(third)) == (30, 20, 0)
    assert not {r.id for r in first} & {r.id for r in second}


def test_two_delivery_loops_on_one_sqlite_database_never_double_send(db) -> None:
    for chat_id in range(1000, 1300):
        add(db, chat_id, "in 20 minutes")
    outbox = Outbox(delay=0.001)  # lets the loops interleave
    stats = deliver_with_two_processes(db.url, outbox, NOW + timedelta(minutes=21))

    chats = [message.chat_id for message in outbox.sent]
    assert sorted(chats) == list(range(1000, 1300))  # all delivered, none twice
    assert all(s.sent > 0 for s in stats)  # both loops took part
    with db.session() as session:
        assert session.scalar(sa.select(sa.func.count()).where(Reminder.status != DONE)) == 0


async def test_quiet_hours_hold_default_times_but_not_chosen_ones(db) -> None:
    two_hourly = repository.create_reminder(db, ANA, schedule("every 2 hours", utc("2026-11-23 18:00")), "general")
    chosen_late = add(db, BEN, "every night at 11")
    outbox, clock = Outbox(), Clock(utc("2026-11-23 20:00"))  # 21:00 local
    loop = delivery(db, outbox, clock)
    await loop.deliver_due()

    assert from_db(stored(db, two_hourly.id).next_fire_at) == utc("2026-11-24 07:00")  # not 23:00 local
    clock.now = utc("2026-11-23 22:00")  # 23:00 local, in quiet hours
    await loop.deliver_due()
    assert [m.chat_id for m in outbox.sent] == [ANA, BEN]


async def test_no_nudges_while_a_crisis_is_active(db) -> None:
    add(db, ANA, "in 20 minutes")
    add(db, BEN, "in 20 minutes")
    set_user(db, ANA, crisis_active=True)
    outbox, clock = Outbox(), Clock(NOW + timedelta(minutes=20))
    loop = delivery(db, outbox, clock)
    await loop.deliver_due()
    assert [m.chat_id for m in outbox.sent] == [BEN]

    clock.advance(minutes=10)
    await loop.deliver_due()
    assert [m.chat_id for m in outbox.sent] == [BEN]  # still held
    set_user(db, ANA, crisis_active=False)
    await loop.deliver_due()
    assert [m.chat_id for m in outbox.sent] == [BEN, ANA]  # safe again, and within grace


async def test_discreet_mode_shows_a_neutral_notification_and_reveals_on_open(db) -> None:
    daily = add(db, ANA, "every day at 21:00 to tell Sam one thing I appreciate")
    missed = add(db, ANA, "in 20 minutes to call mum")
    with db.session() as session:
        row = session.get(Reminder, missed.id)
        row.status, row.missed_count = MISSED, 1
    set_user(db, ANA, discreet=True)
    outbox, clock = Outbox(), Clock(utc("2026-11-23 20:00"))
    await delivery(db, outbox, clock).deliver_due()

    [nudge] = outbox.sent
    assert nudge.text == DISCREET_TEXT == "Your check-in is ready"
    assert nudge.buttons == (("Open", f"rem:open:{daily.id}"),)
    assert "Sam" not in nudge.text and "mum" not in nudge.text

    opened = handle_button(db, ANA, f"rem:open:{daily.id}", nudge.text, clock())
    assert opened.text.startswith("Reminder: tell Sam one thing I appreciate")
    assert load_guidance().nudges["general"][0].text in opened.text  # the prompt it was sent with
    assert "\"call mum\"" in opened.text  # missed ones are reported behind the tap, not on the lock screen
    assert [data for _, data in opened.buttons][:3] == [f"rem:{a}:{daily.id}" for a in ("done", "s1h", "stm")]
    assert handle_button(db, BEN, f"rem:open:{daily.id}", nudge.text, clock()).text.endswith("no longer there.")


async def test_prompts_rotate_through_the_topic_without_repeating(db) -> None:
    prompts = [nudge.text for nudge in load_guidance().nudges["dwelling"]]
    reminder = add(db, ANA, "every day at 21:00", topic="dwelling")
    outbox, clock = Outbox(), Clock(utc("2026-11-23 20:00"))
    loop = delivery(db, outbox, clock)
    for _ in range(len(prompts) + 1):
        await loop.deliver_due()
        clock.advance(days=1)
    shown = [message.text.split("\n\n")[1] for message in outbox.sent]
    assert shown[: len(prompts)] == prompts  # each once, in turn
    assert shown[-1] == prompts[0]  # then round again
    assert stored(db, reminder.id).nudge_index == len(prompts) + 1


async def test_a_daily_check_in_nudge_asks_for_todays_score_with_a_check_in_button(db) -> None:
    reminder = add(db, ANA, "every evening at 9 to do my daily check-in", topic="checkin")
    outbox, clock = Outbox(), Clock(utc("2026-11-23 20:00"))
    await delivery(db, outbox, clock).deliver_due()
    [nudge] = outbox.sent
    assert nudge.text.split("\n\n")[:2] == ["Reminder: do my daily check-in", load_guidance().nudges["checkin"][0].text]
    assert nudge.buttons[0] == ("Check in now", "/checkin")  # straight into the check-in form
    assert ("Done", f"rem:done:{reminder.id}") in nudge.buttons


async def test_a_weekly_reflection_reminder_brings_the_weeks_reflection(db) -> None:
    set_user(db, ANA, timezone="Europe/Copenhagen", discreet=False)
    weekly = add(db, ANA, "every Sunday at 7pm to look back on my week", topic="weekly_reflection")
    for day, score in ((23, 2), (25, 3), (28, 4)):
        save_checkin(db, ANA, date(2026, 11, day), score, None)
    save_checkin(db, BEN, date(2026, 11, 28), 1, None)  # someone else's week stays out of it
    outbox, clock = Outbox(), Clock(from_db(stored(db, weekly.id).next_fire_at))
    assert clock.now.astimezone(ZoneInfo("Europe/Copenhagen")).strftime("%a %H:%M") == "Sun 19:00"
    await delivery(db, outbox, clock).deliver_due()

    [nudge] = outbox.sent
    header, *reflection = nudge.text.split("\n\n")
    assert header == "Reminder: look back on my week"
    assert reflection[0] == "Your week, 23 Nov to 29 Nov"
    assert reflection[1].startswith("You checked in on 3 of the last 7 days, averaging 3.0 of 5.")
    assert reflection[-1].startswith("One idea for the week ahead:")
    assert [title for title, _ in nudge.buttons[:2]] == ["Check in now", "See my progress"]

    set_user(db, ANA, discreet=True)  # behind "Open", the same reflection
    opened = handle_button(db, ANA, f"rem:open:{weekly.id}", DISCREET_TEXT, clock())
    assert "You checked in on 3 of the last 7 days" in opened.text


def save_apology_draft(db: Database, chat_id: int, version: int, change: str) -> None:
    """A saved draft as the apology feature stores it (table made here if that feature is absent)."""
    with db.engine.begin() as connection:
        connection.execute(sa.text(
            "CREATE TABLE IF NOT EXISTS apology_drafts (id INTEGER PRIMARY KEY, chat_id BIGINT NOT NULL, "
            "version INTEGER NOT NULL, text TEXT NOT NULL, change TEXT NOT NULL, created_at DATETIME NOT NULL)"
        ))
        connection.execute(sa.insert(ApologyDraft.__table__).values(  # sealed, as the feature stores it
            chat_id=chat_id, version=version, text=mine(chat_id, "I am sorry."), change=mine(chat_id, change),
            created_at=datetime(2026, 11, 20)))


async def test_an_apology_reminder_brings_back_the_persons_own_commitment(db) -> None:
    add(db, ANA, "every day at 21:00", topic="apology")
    add(db, BEN, "every day at 21:00", topic="apology")
    outbox, clock = Outbox(), Clock(utc("2026-11-23 20:00"))
    await delivery(db, outbox, clock).deliver_due()  # no saved draft yet: the topic's prompts
    assert all("commitment:" not in m.text for m in outbox.sent)

    save_apology_draft(db, ANA, 1, "I will tell you where I am when I am late")
    save_apology_draft(db, ANA, 2, "I will put my phone away at dinner")
    assert saved_commitments(db, [ANA, BEN]) == {ANA: "I will put my phone away at dinner"}
    cycle = len(load_guidance().nudges["apology"]) + 1  # the topic's prompts and the commitment
    for _ in range(cycle):
        clock.advance(days=1)
        await delivery(db, outbox, clock).deliver_due()

    anas = [m.text.split("\n\n")[1] for m in outbox.to(ANA)[-cycle:]]
    assert len(set(anas)) == cycle  # no repeats within a round
    assert anas.count("Your own commitment: \"I will put my phone away at dinner\". How did keeping it go today?") == 1
    assert all("commitment:" not in m.text for m in outbox.to(BEN))


def test_without_an_apology_drafts_table_there_are_no_commitments(db) -> None:
    with db.engine.begin() as connection:
        connection.execute(sa.text("DROP TABLE IF EXISTS apology_drafts"))
    assert saved_commitments(db, [ANA]) == {}


async def test_a_failed_send_is_retried_later_and_an_unreachable_chat_pauses(db) -> None:
    retried = add(db, ANA, "every day at 21:00")
    blocked = add(db, BEN, "every day at 21:00")
    outbox = Outbox(failing={ANA: ConnectionError("network down"), BEN: RecipientUnreachable("bot was blocked")})
    clock = Clock(utc("2026-11-23 20:00"))
    loop = delivery(db, outbox, clock, retry_delay=timedelta(minutes=1))
    stats = await loop.deliver_due()

    assert (stats.sent, stats.failed, stats.unreachable) == (0, 1, 1)
    assert stored(db, blocked.id).status == PAUSED
    assert (await loop.deliver_due()).failed == 0  # not hammered within the retry delay
    del outbox.failing[ANA]
    clock.advance(minutes=1, seconds=1)
    assert (await loop.deliver_due()).sent == 1
    assert from_db(stored(db, retried.id).next_fire_at) == utc("2026-11-24 20:00")


async def test_a_reminder_cancelled_while_its_nudge_is_in_flight_stays_cancelled(db) -> None:
    daily = add(db, ANA, "every day at 21:00")

    async def send_while_the_person_cancels(message) -> None:
        repository.cancel_reminder(db, ANA, daily.id)

    await ReminderDelivery(db, send_while_the_person_cancels, clock=Clock(utc("2026-11-23 20:00"))).deliver_due()
    assert stored(db, daily.id).status == CANCELLED


async def test_running_loop_delivers_in_the_background_and_stops_cleanly(db) -> None:
    add(db, ANA, "in 20 minutes")
    outbox = Outbox()
    loop = ReminderDelivery(db, outbox, clock=Clock(NOW + timedelta(minutes=20)), poll_interval=0.05)
    async with loop.running():
        for _ in range(100):
            if outbox.sent:
                break
            await asyncio.sleep(0.02)
        add(db, BEN, "in 20 minutes")  # created while running: picked up on a later pass
        for _ in range(100):
            if len(outbox.sent) == 2:
                break
            await asyncio.sleep(0.02)
    assert [m.chat_id for m in outbox.sent] == [ANA, BEN]


def test_on_postgres_the_claim_skips_locked_rows(db) -> None:
    from sqlalchemy.dialects import postgresql

    query = claims.due_ids_query(NOW, 50, skip_locked=True)
    assert "FOR UPDATE SKIP LOCKED" in str(query.compile(dialect=postgresql.dialect()))
    assert not claims.claim_statement_uses_row_locks(db)  # SQLite uses the conditional UPDATE


async def test_the_console_prints_only_the_console_chats_nudges(db) -> None:
    add(db, CONSOLE_CHAT_ID, "in 20 minutes to breathe")
    theirs = add(db, ANA, "in 20 minutes to call Sam")
    printed = io.StringIO()
    loop = ReminderDelivery(db, console_printer(printed), clock=Clock(NOW + timedelta(minutes=20)),
                            only_chat_id=CONSOLE_CHAT_ID)
    assert (await loop.deliver_due()).sent == 1
    assert printed.getvalue() == (
        "\ncoach> Reminder: breathe\n\n" + load_guidance().nudges["general"][0].text
        + "\n       (Say 'show my reminders' to change or stop it.)\n"
    )
    assert stored(db, theirs.id).status == ACTIVE  # left for the Telegram process
