"""Typed answers to the /forget question (bot/privacy_commands.py), as people type them:
"yes" or "nope" instead of a button, a typo, a question in between, a change of mind, a
crisis in the middle. On a real SQLite database; the Telegram conversation is in
tests/test_telegram_e2e.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from bot import privacy_commands as privacy
from coach.people import get_or_create, set_country
from coach.storage.base import UserSettings, utcnow
from coach.storage.db import Database

CHAT = 4_242


def rows_about(db: Database) -> int:
    with db.session() as session:
        return session.scalar(sa.select(sa.func.count()).select_from(UserSettings).where(UserSettings.chat_id == CHAT))


@pytest.mark.parametrize("typed", ["yes", "Yes!", "yesss", "yep", "ok delete it", "delete everything", "Yes please 🙏"])
def test_a_typed_yes_deletes_everything(fresh_db: Database, typed: str) -> None:
    set_country(fresh_db, CHAT, "DK")
    privacy.command(fresh_db, CHAT, "forget")
    assert privacy.typed_answer(fresh_db, CHAT, typed).text == privacy.FORGET_DONE
    assert rows_about(fresh_db) == 0


@pytest.mark.parametrize("typed", ["no", "nope", "Noo", "keep it", "no thanks", "never mind"])
def test_a_typed_no_keeps_everything_and_says_so(fresh_db: Database, typed: str) -> None:
    set_country(fresh_db, CHAT, "DK")
    privacy.command(fresh_db, CHAT, "forget")
    assert privacy.typed_answer(fresh_db, CHAT, typed).text == privacy.FORGET_KEPT
    assert get_or_create(fresh_db, CHAT).country == "DK"
    assert privacy.typed_answer(fresh_db, CHAT, "yes") is None  # the question is closed: "yes" goes to the coach


def test_anything_else_asks_again_and_says_nothing_was_deleted(fresh_db: Database) -> None:
    set_country(fresh_db, CHAT, "DK")
    privacy.command(fresh_db, CHAT, "forget")
    again = privacy.typed_answer(fresh_db, CHAT, "wait what does that delete exactly")
    assert again.text == privacy.FORGET_NOT_YET and again.buttons == privacy.FORGET_BUTTONS
    assert "Nothing has been deleted" in again.text and get_or_create(fresh_db, CHAT).country == "DK"
    assert privacy.typed_answer(fresh_db, CHAT, "ok yes").text == privacy.FORGET_DONE  # then the answer


def test_a_crisis_or_a_command_is_never_held_up_by_the_question(fresh_db: Database) -> None:
    privacy.command(fresh_db, CHAT, "forget")
    assert privacy.typed_answer(fresh_db, CHAT, "i want to kill myself") is None  # on to the crisis reply
    assert privacy.typed_answer(fresh_db, CHAT, "yes") is None  # and the question is dropped
    privacy.command(fresh_db, CHAT, "forget")
    assert privacy.typed_answer(fresh_db, CHAT, "/start") is None


def test_a_pressed_button_closes_the_question(fresh_db: Database) -> None:
    privacy.command(fresh_db, CHAT, "forget")
    assert privacy.answer(fresh_db, CHAT, privacy.FORGET_NO).text == privacy.FORGET_KEPT
    assert privacy.typed_answer(fresh_db, CHAT, "yes") is None


def test_an_old_question_does_not_catch_a_yes_meant_for_the_coach(fresh_db: Database) -> None:
    privacy.command(fresh_db, CHAT, "forget")
    with fresh_db.engine.begin() as connection:
        connection.execute(sa.update(UserSettings).values(pending_since=utcnow() - privacy.PENDING_FOR - timedelta(minutes=1)))
    assert privacy.typed_answer(fresh_db, CHAT, "yes") is None
    assert rows_about(fresh_db) == 1


def test_no_question_no_row(fresh_db: Database) -> None:
    assert privacy.typed_answer(fresh_db, CHAT, "yes") is None
    assert rows_about(fresh_db) == 0
