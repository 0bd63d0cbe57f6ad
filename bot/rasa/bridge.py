"""The bridge between the front ends (Telegram, console) and the Rasa agent in-process.

``RasaBridge.load(settings)`` loads the newest trained model from ``models/`` into a
``rasa.core.agent.Agent`` whose conversation trackers live in the app's database
(``SQLTrackerStore``, same ``DATABASE_URL``) and whose custom actions are reached on the
loopback action server. ``handle(sender_id, text)`` runs one user message through NLU,
policies and actions and returns the replies as plain ``BotReply`` objects, so the front
ends never see Rasa's dictionaries.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.events import BotUttered, UserUttered
from bot.logging_setup import route_structlog_through_logging
from bot.rasa import form_context
from bot.rasa import speedups as rasa_speedups
from bot.rasa.action_endpoint import ACTION_FAILED_REPLY, LockedActionEndpoint, watching_failures
from coach.config import Settings
from coach.people import sender_for_chat
from coach.safety.detector import detect_crisis
from coach.safety.replies import CRISIS_MARKER, crisis_reply
from bot.tracker_store import tracker_store_from_endpoints

logger = logging.getLogger(__name__)


class ModelMissing(RuntimeError):
    """No trained model was found; the message says how to train one."""


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class BotReply:
    """One message from the coach: text, optional buttons, optional custom payload."""

    text: str = ""
    buttons: tuple[Button, ...] = ()
    custom: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_rasa(cls, message: dict[str, Any]) -> "BotReply":
        buttons = tuple(
            Button(title=str(b.get("title", "")), payload=str(b.get("payload", "")))
            for b in message.get("buttons") or ()
        )
        return cls(text=message.get("text") or "", buttons=buttons, custom=message.get("custom") or {})


def find_model(model_path: Path) -> Path:
    """The model file to load: ``model_path`` itself, or the newest ``.tar.gz`` in it."""
    if model_path.is_file():
        return model_path
    candidates = sorted(model_path.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime) if model_path.is_dir() else []
    if not candidates:
        raise ModelMissing(
            f"No trained Rasa model in {model_path}/. Run `make model` (or `make run`, which trains it)."
        )
    return candidates[-1]


# One chat is one Rasa sender; the mapping lives in coach.people (kept here under its old name).
sender_id_for_chat = sender_for_chat


class RasaBridge:
    """Hands messages to the agent and turns its answers into ``BotReply`` objects."""

    def __init__(self, agent: Agent, emergency_line: str | None = None) -> None:
        self.agent = agent
        self.emergency_line = emergency_line
        self.known_intents = frozenset(agent.domain.intents) if agent.domain else frozenset()

    @classmethod
    def load(cls, settings: Settings, action_secret: str | None = None,
             action_server_serving: Callable[[], bool] | None = None) -> "RasaBridge":
        """Load the model with endpoints.yml's tracker store (on ``settings.database_url``) and the
        loopback action endpoint, called with ``action_secret`` (``ActionServer.secret``) and
        only while ``action_server_serving()`` (``ActionServer.is_serving``)."""
        model_file = find_model(settings.model_path)
        rasa_speedups.install()
        form_context.install()
        route_structlog_through_logging()  # Rasa's structlog prints message text at DEBUG otherwise
        tracker_store = tracker_store_from_endpoints(settings.database_url)
        log_level = logging.getLogger().level
        agent = Agent.load(
            str(model_file),
            tracker_store=tracker_store,
            action_endpoint=LockedActionEndpoint(settings.action_endpoint_url, action_secret, action_server_serving),
        )
        # Loading imports numpy.distutils (skops -> sklearn), which sets the root logger to WARNING.
        logging.getLogger().setLevel(log_level)
        logger.info("Loaded Rasa model %s.", model_file.name)
        return cls(agent, emergency_line=settings.emergency_line)

    async def handle(self, sender_id: str, text: str, metadata: dict[str, Any] | None = None,
                     message_id: str | None = None, maybe_seen: bool = False) -> list[BotReply]:
        """Run one user message through Rasa and collect the coach's replies.

        ``maybe_seen``: the message may have been handled before a crash (an update queued
        again at start-up). If Rasa's tracker already holds it (by ``message_id``), the
        replies it recorded are returned and nothing runs twice: no reminder saved twice,
        no check-in stored twice."""
        if maybe_seen and message_id:
            recorded = await self.recorded_replies(sender_id, message_id)
            if recorded is not None:
                logger.info("Message %s was handled before the restart; sending what was answered.", message_id)
                return self._never_without_help(text, recorded)
        output = CollectingOutputChannel()
        message = UserMessage(text, output, sender_id, metadata=metadata, input_channel="trustcoach",
                              message_id=message_id)
        with watching_failures() as failures:
            await self.agent.handle_message(message)
        replies = self._never_without_help(text, [BotReply.from_rasa(m) for m in output.messages])
        if failures and not any(reply.custom.get(CRISIS_MARKER) for reply in replies):
            logger.warning("%d action call(s) failed in this turn (%s); the person was told.",
                           len(failures), ", ".join(sorted(set(failures))))
            replies.append(BotReply(text=ACTION_FAILED_REPLY))
        return replies

    def _never_without_help(self, text: str, replies: list[BotReply]) -> list[BotReply]:
        """A message the safety net flags always gets the crisis resources, even if the
        crisis action failed (Rasa then answers nothing and only logs the error)."""
        if any(reply.custom.get(CRISIS_MARKER) for reply in replies):
            return replies
        match = detect_crisis(text)
        if match is None:
            return replies
        logger.error("A crisis message got no crisis reply from Rasa; sending the built-in one.")
        return replies + [
            BotReply(text=crisis_reply(match.kind, emergency_line=self.emergency_line)),
            BotReply(custom={CRISIS_MARKER: match.kind}),
        ]

    async def recorded_replies(self, sender_id: str, message_id: str) -> list[BotReply] | None:
        """The replies Rasa's tracker recorded for a message (None if it never saw it)."""
        tracker = await self.agent.tracker_store.retrieve_full_tracker(sender_id)
        if tracker is None:
            return None
        replies: list[BotReply] | None = None
        for event in tracker.events:
            if isinstance(event, UserUttered):
                if replies is not None:
                    break
                if event.message_id == message_id:
                    replies = []
            elif replies is not None and isinstance(event, BotUttered):
                replies.append(BotReply.from_rasa({"text": event.text, **(event.data or {})}))
        return replies

    async def slot(self, sender_id: str, name: str) -> Any:
        """The current value of one slot for a sender (None if unknown)."""
        tracker = await self.agent.tracker_store.retrieve(sender_id)
        return tracker.get_slot(name) if tracker else None
