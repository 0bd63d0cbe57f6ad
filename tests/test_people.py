"""coach.people: the one owner of the ``user_settings`` row and of chat id <-> sender id."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from actions import people as action_people
from bot.console.chat import CONSOLE_CHAT_ID
from bot.rasa.bridge import sender_id_for_chat
from coach import people
from coach.reminders import preferences
from coach.tables import UserSettings

ANA, BEN = 101, 202


def rows(db, chat_id: int) -> int:
    with db.session() as session:
        return session.scalar(sa.select(sa.func.count()).select_from(UserSettings).where(UserSettings.chat_id == chat_id))


def test_get_or_create_makes_one_row_with_the_defaults(fresh_db) -> None:
    assert rows(fresh_db, ANA) == 0
    first = people.get_or_create(fresh_db, ANA)
    again = people.get_or_create(fresh_db, ANA)
    assert first == again == people.PersonSettings(ANA)  # no country or zone, not discreet, no crisis
    assert rows(fresh_db, ANA) == 1


def test_reads_never_create_a_row(fresh_db) -> None:
    assert people.country_of(fresh_db, ANA) is None
    assert people.timezone_of(fresh_db, ANA) is None
    assert not people.is_discreet(fresh_db, ANA) and not people.in_crisis(fresh_db, ANA)
    assert people.discreet_chats(fresh_db, [ANA, BEN]) == set()
    assert rows(fresh_db, ANA) == 0


def test_every_write_shares_the_one_row(fresh_db) -> None:
    people.set_country(fresh_db, ANA, "DK")
    people.set_crisis(fresh_db, ANA, True)
    people.save_timezone(fresh_db, ANA, "Europe/Copenhagen")
    assert people.toggle_discreet(fresh_db, ANA) is True
    assert rows(fresh_db, ANA) == 1
    assert people.get_or_create(fresh_db, ANA) == people.PersonSettings(ANA, "DK", "Europe/Copenhagen", True, True)
    assert people.discreet_chats(fresh_db, [ANA, BEN]) == {ANA}


def test_set_and_get_country(fresh_db) -> None:
    people.set_country(fresh_db, ANA, "GB")
    assert people.country_of(fresh_db, ANA) == "GB"
    people.set_country(fresh_db, ANA, None)  # "somewhere else": the international helplines
    assert people.country_of(fresh_db, ANA) is None
    assert people.country_of(fresh_db, BEN) is None


def test_set_and_clear_the_crisis_flag(fresh_db) -> None:
    people.set_crisis(fresh_db, BEN, True)  # the first write creates the row
    assert people.in_crisis(fresh_db, BEN)
    people.set_crisis(fresh_db, BEN, False)
    assert not people.in_crisis(fresh_db, BEN)
    assert rows(fresh_db, BEN) == 1


@pytest.mark.parametrize("chat_id", [42, 0, -100123, 7_000_000_000])
def test_chat_and_sender_map_both_ways(chat_id: int) -> None:
    sender = people.sender_for_chat(chat_id)
    assert sender == str(chat_id) and people.chat_for_sender(sender) == chat_id


def test_the_console_chat_is_a_chat_and_non_numeric_senders_are_not() -> None:
    assert people.chat_for_sender(people.sender_for_chat(CONSOLE_CHAT_ID)) == CONSOLE_CHAT_ID
    for sender in ("default", "console", "", None):  # rasa shell's sender, test harnesses
        assert people.chat_for_sender(sender) is None


def test_old_names_are_the_same_functions() -> None:
    assert sender_id_for_chat is people.sender_for_chat
    assert preferences.chat_id_for_sender is people.chat_for_sender
    assert preferences.timezone_of is people.timezone_of and preferences.toggle_discreet is people.toggle_discreet


async def test_the_action_server_wrappers_use_coach_people(fresh_db, monkeypatch) -> None:
    monkeypatch.setattr(action_people, "database", lambda: fresh_db)
    people.set_country(fresh_db, ANA, "DK")
    assert await action_people.country_for(str(ANA)) == "DK"
    assert await action_people.country_for("default") is None
    await action_people.set_crisis_flag(str(ANA), True)
    await action_people.set_crisis_flag("default", True)  # not a chat: nothing written
    assert people.in_crisis(fresh_db, ANA)
    with fresh_db.session() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(UserSettings)) == 1
