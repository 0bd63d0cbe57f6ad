"""The delivery loop: claims due reminders, sends the nudges, advances or completes them.

It runs inside the bot process (started after Telegram polling, stopped before it) and
reads everything from the reminders table, so a restart loses nothing: whatever came due
while the bot was down is found on the next pass. The clock is injectable, so tests can
jump through time.

What happens to a due reminder, by how late it is (``now - next_fire_at``):

* at most ``grace`` late (``REMINDER_GRACE_MINUTES``, default 60): the nudge is sent once;
  a recurring reminder then moves to its next occurrence after now (quiet hours
  respected unless the person chose the time), a one-off is done;
* later than that (the bot was down): a one-off is marked missed and mentioned in the
  person's next nudge; a recurring one silently resumes at its next occurrence, so
  downtime never causes a burst of catch-up nudges.

Sends go through the ``send`` callable (Telegram: the Application's bot, whose rate
limiter paces messages to Telegram's limits; console: a print). ``RecipientUnreachable``
from ``send`` (the person blocked the bot) pauses the reminder; any other error keeps it
due and retries after ``retry_delay``. At most ``MAX_NUDGES_IN_FLIGHT`` nudges are between
"sending" and "written back" at any moment, so a crash repeats at most that many (once
the dead process's lease lapses); nothing is lost (see docs/REMINDERS.md). Telegram has no
idempotency key, so zero repeats would mean risking a lost nudge instead.

The loop also runs the process's periodic ``chores`` (the bot passes the retention pass,
``coach.retention``) once every ``chores_every``, on its clock.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import itertools
import logging
import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, AsyncIterator, Awaitable, Callable

from coach import people
from coach.config import Settings
from coach.reminders import claims
from coach.reminders.nudges import (
    REFLECTION_TOPIC,
    MissedNote,
    NudgeMessage,
    discreet_nudge,
    full_nudge,
    reflection_prompt,
    reminder_prompt,
    saved_commitments,
)
from coach.reminders.timing import following_due, from_db, schedule_of
from coach.storage.db import Database
from coach.reminders.records import ONCE, RECURRING, Reminder

logger = logging.getLogger(__name__)

Send = Callable[[NudgeMessage], Awaitable[None]]
Chore = Callable[[datetime], object]  # periodic housekeeping run by the loop (retention)
Clock = Callable[[], datetime]

DEFAULT_GRACE = timedelta(minutes=60)
STOP_TIMEOUT_SECONDS = 30.0
# Five sends in flight keep up with Telegram's 30 a second at round trips up to ~150 ms.
MAX_NUDGES_IN_FLIGHT = 5


class RecipientUnreachable(Exception):
    """``send`` could not reach the person for good (blocked bot, deleted chat)."""


def system_clock() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class DeliveryStats:
    """What one or more passes did."""

    sent: int = 0
    missed: int = 0  # one-offs too late to send, to be reported
    skipped: int = 0  # recurring occurrences passed over after downtime
    failed: int = 0  # sends that will be retried
    unreachable: int = 0

    def add(self, other: "DeliveryStats") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class _BatchContext:
    discreet: set[int]
    missed: dict[int, list[tuple[int, MissedNote]]]  # only the first nudge per chat reports them
    commitments: dict[int, str]
    reflections: dict[int, str]  # chat -> this week's reflection, for weekly-reflection reminders


class ReminderDelivery:
    """Delivers due reminders through ``send``; one instance per loop."""

    def __init__(
        self,
        db: Database,
        send: Send,
        *,
        clock: Clock = system_clock,
        grace: timedelta = DEFAULT_GRACE,
        lease: timedelta = timedelta(minutes=10),
        retry_delay: timedelta = timedelta(minutes=1),
        batch_size: int = 200,
        max_concurrent_sends: int = MAX_NUDGES_IN_FLIGHT,
        poll_interval: float = 5.0,
        worker_id: str | None = None,
        only_chat_id: int | None = None,
        chores: Chore | None = None,
        chores_every: timedelta = timedelta(hours=1),
    ) -> None:
        self.db = db
        self.send = send
        self.clock = clock
        self.grace = grace
        self.lease = lease
        self.retry_delay = retry_delay
        self.batch_size = batch_size
        self.poll_interval = poll_interval
        self.only_chat_id = only_chat_id
        self.chores, self.chores_every = chores, chores_every
        self._chores_done_at: datetime | None = None
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"
        self._sending = asyncio.Semaphore(max_concurrent_sends)
        self._batches = itertools.count(1)
        self._stopping = asyncio.Event()

    @classmethod
    def from_settings(cls, settings: Settings, db: Database, send: Send, **options: Any) -> "ReminderDelivery":
        """A loop with the configured grace period (``REMINDER_GRACE_MINUTES``)."""
        return cls(db, send, grace=timedelta(minutes=settings.reminder_grace_minutes), **options)

    async def deliver_due(self) -> DeliveryStats:
        """Deliver everything due now, batch by batch, until nothing is due (or stopping)."""
        stats = DeliveryStats()
        while not self._stopping.is_set():
            now = self.clock()
            token = f"{self.worker_id}:{next(self._batches)}"[-64:]
            batch = await asyncio.to_thread(
                claims.claim_due, self.db, now, token, self.lease, self.batch_size, self.only_chat_id
            )
            if not batch:
                break
            stats.add(await self._deliver_batch(batch, token, now))
        return stats

    async def run(self) -> None:
        """Deliver, then wait ``poll_interval`` seconds, until ``stop()``."""
        while not self._stopping.is_set():
            try:
                stats = await self.deliver_due()
                if stats.sent or stats.missed or stats.failed:
                    logger.info("Reminders: %s", stats)
            except Exception:  # the database may be briefly unavailable; keep the loop alive
                logger.exception("Reminder delivery pass failed; trying again shortly.")
            await self.do_chores()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self.poll_interval)

    async def do_chores(self) -> None:
        """The periodic chores (retention), when ``chores_every`` has passed since the last."""
        now = self.clock()
        if self.chores is None or (self._chores_done_at is not None and now - self._chores_done_at < self.chores_every):
            return
        self._chores_done_at = now
        try:
            await asyncio.to_thread(self.chores, now)
        except Exception as error:  # tried again next time; the error type only (no data in logs)
            logger.warning("A periodic chore failed (%s); it runs again later.", type(error).__name__)

    def stop(self) -> None:
        self._stopping.set()

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator["ReminderDelivery"]:
        """Run the loop in the background for the duration of the block; stop it cleanly after."""
        task = asyncio.create_task(self.run(), name="reminder-delivery")
        try:
            yield self
        finally:
            self.stop()
            try:
                await asyncio.wait_for(task, STOP_TIMEOUT_SECONDS)
            except asyncio.TimeoutError:
                logger.warning("Reminder delivery did not stop in time; claims lapse on their own.")

    # -- one batch -------------------------------------------------------------------

    async def _deliver_batch(self, batch: list[Reminder], token: str, now: datetime) -> DeliveryStats:
        stats = DeliveryStats()
        missed_once: list[int] = []
        advanced: dict[int, datetime | None] = {}
        to_send: list[Reminder] = []
        for reminder in batch:
            if now - from_db(reminder.next_fire_at) <= self.grace:
                to_send.append(reminder)
            elif reminder.kind == ONCE:
                missed_once.append(reminder.id)
            else:
                advanced[reminder.id] = following_due(schedule_of(reminder), now)
        if missed_once or advanced:
            await asyncio.to_thread(claims.record_skipped, self.db, token, missed_once, advanced)
            stats.missed, stats.skipped = len(missed_once), len(advanced)
        if to_send:
            context = await asyncio.to_thread(self._context_for, to_send)
            recorder = _Recorder(self.db, token)
            outcomes = await asyncio.gather(*(self._send_one(r, token, now, context, recorder) for r in to_send))
            for outcome in outcomes:
                setattr(stats, outcome, getattr(stats, outcome) + 1)
        return stats

    def _context_for(self, reminders: list[Reminder]) -> _BatchContext:
        chat_ids = {reminder.chat_id for reminder in reminders}
        apology_chats = {reminder.chat_id for reminder in reminders if reminder.topic == "apology"}
        return _BatchContext(
            discreet=people.discreet_chats(self.db, chat_ids),
            missed=claims.unreported_missed(self.db, chat_ids),
            commitments=saved_commitments(self.db, apology_chats),
            reflections={
                reminder.chat_id: reflection_prompt(self.db, reminder.chat_id, self.clock())
                for reminder in reminders
                if reminder.topic == REFLECTION_TOPIC
            },
        )

    def _compose(self, reminder: Reminder, context: _BatchContext) -> tuple[NudgeMessage, list[int]]:
        """The message, and the missed one-offs it reports (marked reported once it is sent)."""
        if reminder.chat_id in context.discreet:
            return discreet_nudge(reminder.chat_id, reminder.id), []  # missed ones are reported on "Open"
        missed = context.missed.pop(reminder.chat_id, [])
        prompt = reminder_prompt(
            reminder.topic,
            reminder.nudge_index,
            context.commitments.get(reminder.chat_id),
            context.reflections.get(reminder.chat_id),
        )
        message = full_nudge(
            reminder.chat_id,
            reminder.id,
            reminder.note,
            prompt,
            reminder.kind == RECURRING,
            [m for _, m in missed],
            reminder.topic,
        )
        return message, [reminder_id for reminder_id, _ in missed]

    async def _send_one(
        self, reminder: Reminder, token: str, now: datetime, context: _BatchContext, recorder: "_Recorder"
    ) -> str:
        message, reported = self._compose(reminder, context)
        message = dataclasses.replace(message, occurrence=from_db(reminder.next_fire_at).isoformat())
        # The slot is held until the nudge is written back, so a crash can repeat at most
        # MAX_NUDGES_IN_FLIGHT nudges: those sent (or being sent) and not yet recorded.
        async with self._sending:
            try:
                await self.send(message)
            except RecipientUnreachable:
                logger.info("Chat %s is unreachable; paused reminder %s.", reminder.chat_id, reminder.id)
                await asyncio.to_thread(claims.record_unreachable, self.db, token, reminder.id)
                return "unreachable"
            except Exception as error:  # network trouble after the rate limiter's own retries
                logger.warning("Sending reminder %s failed (%s); will retry.", reminder.id, type(error).__name__)
                await asyncio.to_thread(claims.hold_for_retry, self.db, token, reminder.id, now + self.retry_delay)
                return "failed"
            next_due = following_due(schedule_of(reminder), max(now, from_db(reminder.next_fire_at)))
            await recorder.record(claims.SentNudge(reminder, self.clock(), next_due, tuple(reported)))
        return "sent"


class _Recorder:
    """Writes sent nudges back right after sending, grouping whatever finished meanwhile.

    While one write runs (in a worker thread), nudges that finish sending queue up; the
    next write takes them all in one transaction (group commit). So each nudge is
    recorded as soon as the database allows, and a fast sender is not held to one
    commit per message.
    """

    def __init__(self, db: Database, token: str) -> None:
        self.db = db
        self.token = token
        self._waiting: list[claims.SentNudge] = []
        self._writing = asyncio.Lock()

    async def record(self, sent: claims.SentNudge) -> None:
        self._waiting.append(sent)
        async with self._writing:
            if not self._waiting:
                return  # an earlier write took this one along
            group, self._waiting = self._waiting, []
            lost = await asyncio.to_thread(claims.record_sent, self.db, self.token, group)
        for reminder_id in lost:
            logger.warning("Reminder %s changed while its nudge was being sent.", reminder_id)
