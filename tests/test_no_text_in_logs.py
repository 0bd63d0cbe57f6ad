"""No message text in any log line, even at LOG_LEVEL=DEBUG (docs/SECURITY.md).

A real action fails in the real action server with a marker in the conversation and in the
database call's bound parameters; Rasa's tracker store fails to save a turn with the marker
in its bound parameters. Logging is configured as the bot configures it, at DEBUG, and the
action server's own output is read from its stderr: the marker is in no line, the failure
is still logged by name, and the person still gets a kind answer.
"""

from __future__ import annotations

import io
import logging
import sys
import threading
from typing import Iterator

import pytest
import sqlalchemy as sa

from bot.action_server import ActionServer
from bot.logging_setup import configure_logging
from bot.rasa.action_endpoint import ACTION_FAILED_REPLY, LockedActionEndpoint
from coach.people import sender_for_chat
from testing.harness import TEST_TOKEN, free_port

pytestmark = pytest.mark.slow
MARKER = "zebralantern4471"


def _restore(root: logging.Logger, handlers: list[logging.Handler], level: int) -> None:
    """Put the root logger and the exception hooks back as they were before a test."""
    for handler in root.handlers[:]:
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)
    sys.excepthook, threading.excepthook = sys.__excepthook__, threading.__excepthook__


@pytest.fixture
def debug_logs(monkeypatch) -> Iterator[io.StringIO]:
    """The bot's logging at LOG_LEVEL=DEBUG, into a buffer (restored afterwards)."""
    monkeypatch.delenv("TRUSTCOACH_UNSAFE_DEBUG_LOGS", raising=False)
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    buffer = io.StringIO()
    configure_logging("DEBUG", TEST_TOKEN, stream=buffer)
    try:
        yield buffer
    finally:
        _restore(root, saved_handlers, saved_level)


def refuse_inserts(db, table: str, column: str, value: object) -> str:
    """A trigger making the database refuse this person's inserts into ``table``."""
    name = f"refuse_{table}_{abs(hash(value))}"
    with db.engine.begin() as connection:
        connection.execute(sa.text(
            f"CREATE TRIGGER {name} BEFORE INSERT ON {table} WHEN NEW.{column} = {value!r} "
            "BEGIN SELECT RAISE(ABORT, 'refused on purpose'); END"))
    return name


def drop_trigger(db, name: str) -> None:
    with db.engine.begin() as connection:
        connection.execute(sa.text(f"DROP TRIGGER IF EXISTS {name}"))


async def test_a_failing_action_logs_its_name_not_the_conversation(
    bridge, db, session_settings, chat_id, debug_logs, capfd, monkeypatch
) -> None:
    # Its own action server, started inside the test so that its stderr is captured here.
    server = ActionServer(session_settings.with_overrides(action_server_port=free_port()))
    await server.start()
    endpoint = LockedActionEndpoint(server.health_url.replace("/health", "/webhook"), server.secret)
    monkeypatch.setattr(bridge.agent.processor, "action_endpoint", endpoint)
    sender = sender_for_chat(chat_id)
    trigger = refuse_inserts(db, "checkins", "chat_id", chat_id)
    try:
        await bridge.handle(sender, "checkin")
        await bridge.handle(sender, "4")
        replies = await bridge.handle(sender, f"we finally talked about {MARKER} without yelling")
    finally:
        drop_trigger(db, trigger)
        await server.stop()
    assert [reply.text for reply in replies if reply.text] == [ACTION_FAILED_REPLY]
    logs = debug_logs.getvalue() + capfd.readouterr().err
    assert "Action action_submit_checkin failed (IntegrityError)" in logs  # the action server said which
    assert "action_submit_checkin" in debug_logs.getvalue()  # and Rasa logged the failure too
    assert MARKER not in logs


async def test_a_failing_tracker_store_write_logs_no_bound_parameters(bridge, db, chat_id, debug_logs) -> None:
    sender = sender_for_chat(chat_id)
    trigger = refuse_inserts(db, "events", "sender_id", sender)
    try:
        replies = await bridge.handle(sender, f"i keep replaying what he said about {MARKER}")
    finally:
        drop_trigger(db, trigger)
    assert any(reply.text for reply in replies)  # Rasa kept the turn in memory and answered
    logs = debug_logs.getvalue()
    assert "SQL parameters hidden" in logs  # the failed insert was logged, without its values
    assert MARKER not in logs


def test_library_debug_output_needs_the_unsafe_switch(monkeypatch) -> None:
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    try:
        for unsafe, shown in (("", False), ("1", True)):
            monkeypatch.setenv("TRUSTCOACH_UNSAFE_DEBUG_LOGS", unsafe)
            buffer = io.StringIO()
            configure_logging("DEBUG", TEST_TOKEN, stream=buffer)
            logging.getLogger("telegram.ext.Updater").debug("update with text %s", MARKER)
            logging.getLogger("rasa.core.processor").debug("Received user message '%s'", MARKER)
            logging.getLogger("bot.telegram.handlers").debug("our own debug line")
            logging.getLogger("telegram.ext.Application").info("an info line stays")
            text = buffer.getvalue()
            assert (MARKER in text) is shown
            assert "our own debug line" in text and "an info line stays" in text
            assert ("Never use this with real conversations" in text) is shown
    finally:
        _restore(root, saved_handlers, saved_level)
