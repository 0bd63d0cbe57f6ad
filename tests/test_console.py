"""The console front end with a stand-in for Rasa: /country, /forget and /export come from
``bot.privacy_commands`` (as on Telegram), never from the coach's /privacy answer."""

from __future__ import annotations

import io
import json

import pytest
import sqlalchemy as sa

from bot import privacy_commands as privacy
from bot.console import chat as console
from bot.console.chat import CONSOLE_CHAT_ID
from bot.rasa.bridge import BotReply
from coach import people
from coach.tables import UserSettings

PRIVACY_TEXT = "About your data: ... Type /export to get a copy, and /forget to delete all of it."


class FakeBridge:
    """Answers every message with the privacy text, and remembers what reached it."""

    known_intents = frozenset({"privacy", "help"})

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []

    async def handle(self, sender_id: str, text: str, metadata=None) -> list[BotReply]:
        self.seen.append((sender_id, text))
        return [BotReply(text=PRIVACY_TEXT)]


async def run_console(db, *lines: str) -> tuple[str, FakeBridge]:
    bridge = FakeBridge()
    stdout = io.StringIO()
    await console.chat(bridge, db, stdin=io.StringIO("".join(f"{line}\n" for line in lines)), stdout=stdout)
    return stdout.getvalue(), bridge


@pytest.fixture(autouse=True)
def exports_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setattr(console, "EXPORT_DIR", tmp_path / "exports")
    return tmp_path / "exports"


async def test_country_asks_for_the_country_not_the_privacy_text(fresh_db) -> None:
    out, bridge = await run_console(fresh_db, "/country")
    assert f"coach> {privacy.COUNTRY_QUESTION}" in out
    assert PRIVACY_TEXT not in out and bridge.seen == []
    assert "] DK" in out and f"] {privacy.COUNTRY_ELSEWHERE}" in out


async def test_a_number_or_the_code_picks_the_country(fresh_db) -> None:
    number = 1 + [button.title for button in privacy.command(fresh_db, 1, "country").buttons].index("DK")
    out, bridge = await run_console(fresh_db, "/country", str(number))
    assert privacy.COUNTRY_SET.format(country="DK") in out and bridge.seen == []
    assert people.country_of(fresh_db, CONSOLE_CHAT_ID) == "DK"

    out, _ = await run_console(fresh_db, "/country", "gb")
    assert people.country_of(fresh_db, CONSOLE_CHAT_ID) == "GB"
    out, _ = await run_console(fresh_db, "/country", "somewhere else")
    assert privacy.COUNTRY_CLEARED in out and people.country_of(fresh_db, CONSOLE_CHAT_ID) is None


async def test_country_with_a_code_sets_it_at_once(fresh_db) -> None:
    out, bridge = await run_console(fresh_db, "/country uk")
    assert privacy.COUNTRY_SET.format(country="GB") in out and bridge.seen == []
    assert people.country_of(fresh_db, CONSOLE_CHAT_ID) == "GB"


async def test_a_number_after_a_coach_reply_still_goes_to_rasa(fresh_db) -> None:
    out, bridge = await run_console(fresh_db, "hello", "1")
    assert [text for _, text in bridge.seen] == ["hello", "1"]
    assert all(sender == people.sender_for_chat(CONSOLE_CHAT_ID) for sender, _ in bridge.seen)


async def test_forget_asks_first_and_yes_deletes_everything(fresh_db) -> None:
    people.set_country(fresh_db, CONSOLE_CHAT_ID, "DK")
    out, bridge = await run_console(fresh_db, "/forget", "no")
    assert privacy.FORGET_QUESTION in out and privacy.FORGET_KEPT in out and bridge.seen == []
    assert people.country_of(fresh_db, CONSOLE_CHAT_ID) == "DK"

    out, _ = await run_console(fresh_db, "/forget", "yes")
    assert privacy.FORGET_DONE in out
    with fresh_db.session() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(UserSettings)) == 0


async def test_export_saves_the_file(fresh_db, exports_in_tmp) -> None:
    people.set_country(fresh_db, CONSOLE_CHAT_ID, "DK")
    out, bridge = await run_console(fresh_db, "/export")
    path = exports_in_tmp / privacy.EXPORT_FILENAME
    assert f"coach> {privacy.EXPORT_CAPTION}: saved to {path}" in out and bridge.seen == []
    exported = json.loads(path.read_bytes())
    assert exported["chat_id"] == CONSOLE_CHAT_ID and exported["tables"]["user_settings"][0]["country"] == "DK"
