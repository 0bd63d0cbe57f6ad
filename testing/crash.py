"""A kill -9 in the middle of a burst, and a restart on the same database.

``crash_and_restart`` starts the real bot (``python -m bot.cli run``) against the fake
Telegram server, with a batch of reminders already due. One chat starts a guided flow;
twenty more send three messages each within about a second (some of them a crisis
disclosure). Once the first burst reply and the first nudge have arrived, and 1.5 s
after the last message, the whole process group gets SIGKILL: replies are then waiting
behind the rate limiters, updates are half handled, nudges are on the wire. The reminder
leases of the dead process are made to lapse (as ten minutes would), "Next" is pressed in
the flow, and the bot is started again on the same database until everything is answered.

``Crash`` holds what happened and measures it from what the person saw (the fake
server) beside what the coach said (Rasa's tracker): updates handled twice or never,
replies never sent or sent twice (per chat), crisis replies missing, nudges lost or
doubled, and whether the flow went on where it was. Used by tests/test_reliability.py
(one crash) and bench/soak.py (several).
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Callable

import sqlalchemy as sa

from testing.bot_process import bot_environment
from testing.processes import BotProcess
from testing.reliability import repeated, script, stored_conversation
from testing.seeding import seed_reminders
from bot.commands import rasa_input_for_text
from coach.storage.db import Database
from coach.tables import utcnow
from coach.reminders.records import Reminder
from testing.harness import free_port
from testing.fake_telegram import Call, FakeTelegramServer

FLOW_CHAT = 60_000
BURST_CHATS = [60_001 + number for number in range(20)]
MESSAGES_PER_CHAT = 3
CRISIS_EVERY = 5  # every fifth chat's second message is a crisis disclosure
CRISIS_MESSAGE = "honestly i dont want to be alive anymore"
KILL_AFTER_BURST_SECONDS = 1.5
KILL_SETTLES = 1.0  # seconds after the SIGKILL by which the dead process's last requests have arrived
FLOW_OPENER = "every time we talk about the affair we end up screaming at each other"


def burst_script(number: int) -> list[str]:
    texts = script(number, MESSAGES_PER_CHAT)
    if number % CRISIS_EVERY == 0:
        texts[1] = CRISIS_MESSAGE
    return texts


@dataclass
class Crash:
    """What happened around one kill -9: the fake server's record and the database."""

    database_url: str
    server: FakeTelegramServer
    pushed: dict[int, list[str]]  # burst chat -> texts, in order
    nudge_chats: list[int]
    first_log: Path
    pressed_at: float = 0.0  # when "Next" was pressed, after the restart
    second_process_at: float = 0.0  # the restarted bot's first call of any kind (the fake server's clock)
    nudged_before_kill: int = 0

    def sent_to(self, chats: list[int]) -> list[Call]:
        wanted = set(chats)
        return [call for call in self.server.delivered("sendMessage") if int(call.chat_id) in wanted]

    def after_press(self) -> list[Call]:
        return [call for call in self.server.delivered("sendMessage", chat_id=FLOW_CHAT) if call.at > self.pressed_at]

    def flow_went_on(self) -> bool:
        """"Next" after the restart moved the flow started before the crash one step on."""
        buttons = [button["callback_data"] for call in self.after_press()
                   for row in (call.params.get("reply_markup") or {}).get("inline_keyboard", []) for button in row]
        return "/stop" in buttons

    def handled(self, chat_id: int) -> list[str]:
        return stored_conversation(self.database_url, chat_id).user_texts

    def handled_twice(self) -> dict[int, dict[str, int]]:
        return {chat: repeated(self.handled(chat)) for chat in self.pushed if repeated(self.handled(chat))}

    def out_of_order(self) -> list[int]:
        chats = []
        for chat, texts in self.pushed.items():
            asked, handled = [rasa_input_for_text(text) for text in texts], self.handled(chat)
            if handled != [text for text in asked if text in handled]:
                chats.append(chat)
        return chats

    def unanswered_updates(self) -> int:
        return sum(len(texts) - len(set(self.handled(chat))) for chat, texts in self.pushed.items())

    def _sent_and_said(self, chat: int) -> tuple[Counter, Counter]:
        return (Counter(self.server.sent_texts(chat)),
                Counter(stored_conversation(self.database_url, chat).bot_texts))

    def repeats_per_chat(self) -> dict[int, int]:
        """Sends beyond what the coach said, per chat (a reply sent twice shows up here)."""
        repeats = {}
        for chat in [*self.pushed, FLOW_CHAT]:
            sent, said = self._sent_and_said(chat)
            if extra := sum((sent - said).values()):
                repeats[chat] = extra
        return repeats

    def replies_sent_twice(self) -> int:
        return sum(self.repeats_per_chat().values())

    def replies_never_sent(self) -> int:
        """What the coach said (its tracker) that never reached the person."""
        return sum(sum((said - sent).values()) for sent, said in map(self._sent_and_said, self.pushed))

    def crisis_chats(self) -> list[int]:
        return [chat for chat, texts in self.pushed.items() if CRISIS_MESSAGE in texts]

    def crisis_replies_missing(self) -> int:
        """Crisis chats that never saw an emergency line."""
        return sum(1 for chat in self.crisis_chats()
                   if not any("emergency" in text.lower() for text in self.server.sent_texts(chat)))

    def nudges_per_chat(self) -> Counter[int]:
        return Counter(int(call.chat_id) for call in self.sent_to(self.nudge_chats))

    def nudges_lost(self) -> int:
        return len(set(self.nudge_chats) - set(self.nudges_per_chat()))

    def nudges_doubled(self) -> int:
        return sum(count - 1 for count in self.nudges_per_chat().values())

    def nudges_doubled_by_one_process(self) -> int:
        """Repeats within the life of one process: the killed one, or the restarted one.
        (Sends of the killed process can still arrive just after the SIGKILL is issued, so
        the line between them is the restarted process's first call, not the kill.)"""
        sent = self.sent_to(self.nudge_chats)
        before = Counter(int(call.chat_id) for call in sent if call.at < self.second_process_at)
        after = Counter(int(call.chat_id) for call in sent if call.at >= self.second_process_at)
        return sum(count - 1 for counts in (before, after) for count in counts.values())

    def summary(self) -> dict[str, object]:
        return {
            "updates_pushed": sum(len(texts) for texts in self.pushed.values()),
            "updates_unanswered": self.unanswered_updates(),
            "replies_never_sent": self.replies_never_sent(),
            "most_repeats_in_one_chat": max(self.repeats_per_chat().values(), default=0),
            "crisis_chats": len(self.crisis_chats()),
            "crisis_replies_missing": self.crisis_replies_missing(),
            "updates_handled_twice": sum(sum(c - 1 for c in reps.values()) for reps in self.handled_twice().values()),
            "chats_out_of_order": len(self.out_of_order()),
            "replies_sent_twice": self.replies_sent_twice(),
            "nudges_due": len(self.nudge_chats),
            "nudges_sent_before_kill": self.nudged_before_kill,
            "nudges_lost": self.nudges_lost(),
            "nudges_doubled": self.nudges_doubled(),
            "nudges_doubled_by_one_process": self.nudges_doubled_by_one_process(),
            "flow_went_on": self.flow_went_on(),
        }


def lapse_claims(database: Database) -> None:
    """End the reminder leases held by a dead process, as ten minutes would."""
    with database.engine.begin() as connection:
        connection.execute(sa.update(Reminder).where(Reminder.claimed_by.isnot(None))
                           .values(claimed_until=utcnow() - timedelta(seconds=1)))


async def wait_until(condition: Callable[[], object], timeout: float, interval: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"condition not met within {timeout} s")
        await asyncio.sleep(interval)


async def crash_and_restart(folder: Path, model: Path, token: str, nudges_due: int) -> Crash:
    """One crash and restart (see the module docstring); the bot is stopped at the end."""
    database_url = f"sqlite:///{folder / 'crash.db'}"
    database = Database(database_url)
    database.migrate()
    nudge_chats = seed_reminders(database, nudges_due, due_in=-timedelta(minutes=1))
    pushed = {chat: burst_script(number) for number, chat in enumerate(BURST_CHATS)}
    server = FakeTelegramServer(token=token)
    await server.start()
    crash = Crash(database_url, server, pushed, nudge_chats, folder / "first.log")
    try:
        env = bot_environment(database_url, model, token, server.url)
        bot = BotProcess(env, crash.first_log).start()
        try:
            await server.wait_for_calls("getUpdates", 1, timeout=300)
            server.push_text(FLOW_CHAT, FLOW_OPENER)
            for step in range(MESSAGES_PER_CHAT):  # three rounds over about a second
                for chat in BURST_CHATS:
                    server.push_text(chat, pushed[chat][step])
                await asyncio.sleep(0.4)
            last_push = time.monotonic()
            [flow_step] = await server.wait_for_calls("sendMessage", 1, chat_id=FLOW_CHAT, timeout=60)
            await wait_until(lambda: crash.sent_to(BURST_CHATS) and crash.sent_to(nudge_chats), timeout=60)
            await asyncio.sleep(max(0.0, last_push + KILL_AFTER_BURST_SECONDS - time.monotonic()))
        finally:
            await asyncio.to_thread(bot.kill_hard)
        killed_at = time.monotonic()
        crash.nudged_before_kill = len(crash.sent_to(nudge_chats))
        lapse_claims(database)

        crash.pressed_at = time.monotonic()
        server.push_callback(FLOW_CHAT, "/flow_next", message_id=flow_step.result["message_id"])
        polls_before = len(server.calls_of("getUpdates"))
        bot = BotProcess(dict(env, ACTION_SERVER_PORT=str(free_port())), folder / "second.log").start()
        try:
            await server.wait_for_calls("getUpdates", polls_before + 1, timeout=300)
            # The restarted bot's first call: it sends what the outbox held before it polls.
            # (Calls the killed process had on the wire arrive within milliseconds of the kill;
            # the restart takes seconds, loading the model.)
            crash.second_process_at = min(call.at for call in server.calls if call.at > killed_at + KILL_SETTLES)
            await wait_until(lambda: crash.after_press() and not crash.nudges_lost(), timeout=300)
            await server.wait_until_idle(quiet=3.0, timeout=60)
        finally:
            await asyncio.to_thread(bot.stop)
    finally:
        await server.stop()
        database.dispose()
    return crash
