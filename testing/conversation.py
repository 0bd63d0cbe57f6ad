"""A person chatting with the real bot over the fake Telegram server, one turn at a time.

``Person.says(text)`` and ``Person.presses(title)`` push an update and wait until the bot
has finished it; ``Person.gets_next_nudge(db)`` delivers their next due reminder (every reply sent: ``testing.app_runner``'s finish marker), then return
the ``Turn``: the texts and buttons the person saw, in order. Tests assert on those, the
way a person would read them.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from bot.telegram.app import front_end
from bot.telegram.reminder_buttons import telegram_sender
from coach.reminders import repository
from coach.reminders.delivery import ReminderDelivery
from coach.reminders.timing import from_db
from coach.storage.db import Database
from testing.app_runner import Tracked
from testing.fake_telegram import Call, FakeTelegramServer

TURN_TIMEOUT = 60.0


@dataclass
class Turn:
    """What the bot sent in answer to one message or button press."""

    calls: list[Call]

    @property
    def texts(self) -> list[str]:
        return [call.params.get("text") or call.params.get("caption") or "" for call in self.calls]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    @property
    def buttons(self) -> list[tuple[str, str]]:
        return [(button["text"], button["callback_data"]) for call in self.calls
                for row in (call.params.get("reply_markup") or {}).get("inline_keyboard", []) for button in row]

    @property
    def titles(self) -> list[str]:
        return [title for title, _ in self.buttons]

    def says(self, *fragments: str) -> bool:
        return all(fragment.lower() in self.text.lower() for fragment in fragments)


@dataclass
class Person:
    server: FakeTelegramServer
    tracked: Tracked
    chat_id: int
    turns: list[Turn] = field(default_factory=list)

    async def says(self, text: str) -> Turn:
        return await self._turn(lambda: self.server.push_text(self.chat_id, text))

    async def presses(self, title: str) -> Turn:
        """Press the button titled ``title`` on the latest message that has it."""
        for turn in reversed(self.turns):
            for call in reversed(turn.calls):
                for row in (call.params.get("reply_markup") or {}).get("inline_keyboard", []):
                    for button in row:
                        if button["text"] == title:
                            message_id = call.result["message_id"]
                            return await self._turn(lambda: self.server.push_callback(
                                self.chat_id, button["callback_data"], message_id=message_id))
        raise AssertionError(f"no button {title!r} was shown; last turn: {self.turns[-1].texts if self.turns else []}")

    async def _turn(self, push) -> Turn:
        before = len(self._sent())
        pushed_at = time.monotonic()
        update_id = push()
        done = asyncio.get_running_loop().create_future()
        self.tracked.pushed[update_id] = (self.chat_id, pushed_at)
        self.tracked.done[update_id] = done
        await asyncio.wait_for(done, TURN_TIMEOUT)
        turn = Turn(self._sent()[before:])
        self.turns.append(turn)
        return turn

    async def gets_next_nudge(self, db: Database) -> Turn:
        """Move the clock to this person's next due reminder and deliver it through the bot's
        outbox, as the delivery loop would; the nudge is returned as a turn (its buttons can
        be pressed)."""
        due = min(from_db(reminder.next_fire_at) for reminder in repository.live_reminders(db, self.chat_id))
        before = len(self._sent())
        send = telegram_sender(front_end(self.tracked.application).outbox)
        delivery = ReminderDelivery(db, send, clock=lambda: due, only_chat_id=self.chat_id)
        assert (await delivery.deliver_due()).sent == 1
        deadline = time.monotonic() + TURN_TIMEOUT
        while len(self._sent()) == before and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        turn = Turn(self._sent()[before:])
        self.turns.append(turn)
        return turn

    def _sent(self) -> list[Call]:
        return [call for call in self.server.calls
                if call.method in ("sendMessage", "sendPhoto", "sendDocument", "editMessageText")
                and str(call.chat_id) == str(self.chat_id) and call.delivered]

    def all_texts(self) -> list[str]:
        return [text for turn in self.turns for text in turn.texts]
