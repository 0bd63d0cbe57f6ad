"""Tells the NLU pipeline which form question a message answers, so the safety net can read it in context.

Rasa runs NLU on a message without the conversation, but inside a form people describe
what they did and how it hurt ("it was my choice, nobody forced me"): the safety net must
still catch a real crisis there, and must not take owning a wrong for a disclosure. Rasa's
``MessageProcessor.parse_message`` has the tracker in hand, so this patch copies the active
form and its requested slot into the message's metadata before the graph runs
(``metadata[FORM_CONTEXT_KEY] = {"form": ..., "slot": ...}``); ``SafetyNet`` reads it there.
Without a tracker (``rasa shell --nlu``, benchmarks) nothing is added and the net treats the
message as free text, its more sensitive setting.
"""

from __future__ import annotations

import functools
from typing import Any, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.trackers import DialogueStateTracker

from coach.safety.context import FORM_CONTEXT_KEY

_original_parse_message = MessageProcessor.parse_message


def form_context(tracker: Optional[DialogueStateTracker]) -> Optional[dict[str, Any]]:
    """The active form and the slot it asks for, or None outside a form."""
    if tracker is None or not tracker.active_loop_name:
        return None
    return {"form": tracker.active_loop_name, "slot": tracker.get_slot("requested_slot")}


@functools.wraps(_original_parse_message)
async def parse_message_in_context(
    self: MessageProcessor,
    message: UserMessage,
    tracker: Optional[DialogueStateTracker] = None,
    only_output_properties: bool = True,
) -> dict[str, Any]:
    """``parse_message`` with the form context added to the message's metadata."""
    context = form_context(tracker)
    if context is not None:
        message.metadata = {**(message.metadata or {}), FORM_CONTEXT_KEY: context}
    return await _original_parse_message(self, message, tracker, only_output_properties)


def install() -> None:
    """Patch ``MessageProcessor.parse_message`` (idempotent)."""
    MessageProcessor.parse_message = parse_message_in_context  # type: ignore[method-assign]
