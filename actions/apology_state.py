"""Where an apology walkthrough's state lives: its slots, and its copy in the database.

The eight answers are slots (the form fills them; the SQL tracker store keeps them across
restarts). Each accepted answer is also written to ``apology_progress``, so a walkthrough can
be picked up even without the conversation state, and saved drafts go to ``apology_drafts``.
Database calls run in a worker thread on the action server's own engine; a sender id that is
not a chat number (a test harness) simply has no database copy.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from coach.apology.analyzer import STEPS
from actions.people import database
from coach.apology import store as storage
from coach.people import chat_for_sender

FORM = "apology_form"
EDIT_PART = "apology_edit_part"  # which part is being reworked ("edit a part")
EDITING = "apology_editing"  # True while the form re-asks one part of a finished draft
NUDGED_SLOT = "apology_nudged_slot"  # the question whose answer got its one nudge
PENDING_ANSWER = "apology_pending_answer"  # the nudged answer, kept for "Keep my wording"
ROLE_WARNED = "apology_role_warned"  # the hurt partner was told what this is for
HELPED_SLOT = "apology_helped_slot"  # the question that got help after "I don't know"


def answers_in(tracker: Tracker) -> dict[str, str]:
    """The answers given so far, by step (only steps that have one)."""
    return {step: value for step in STEPS if (value := tracker.get_slot(step))}


def is_complete(answers: Mapping[str, str]) -> bool:
    return all(answers.get(step) for step in STEPS)


def answer_events(answers: Mapping[str, str]) -> list[EventType]:
    """Slot events that make the answer slots exactly ``answers`` (missing steps blank)."""
    return [SlotSet(step, answers.get(step)) for step in STEPS]


def working_state_reset() -> list[EventType]:
    """Forget any edit, nudge or help in progress (the answers stay)."""
    return [SlotSet(EDIT_PART, None), SlotSet(EDITING, None), SlotSet(NUDGED_SLOT, None), SlotSet(PENDING_ANSWER, None),
            SlotSet(HELPED_SLOT, None)]


async def store_answer(sender_id: str, step: str, text: str) -> None:
    chat_id = chat_for_sender(sender_id)
    if chat_id is not None:
        await asyncio.to_thread(storage.save_answer, database(), chat_id, step, text)


async def stored_answers(sender_id: str) -> dict[str, str]:
    chat_id = chat_for_sender(sender_id)
    if chat_id is None:
        return {}
    return await asyncio.to_thread(storage.load_answers, database(), chat_id)


async def forget_answers(sender_id: str) -> None:
    chat_id = chat_for_sender(sender_id)
    if chat_id is not None:
        await asyncio.to_thread(storage.clear_answers, database(), chat_id)


async def save_draft(sender_id: str, text: str, change: str) -> tuple[storage.SavedDraft, bool] | None:
    """``(draft, newly_saved)``, or None when this sender has no database copy."""
    chat_id = chat_for_sender(sender_id)
    if chat_id is None:
        return None
    return await asyncio.to_thread(storage.save_draft, database(), chat_id, text, change)


async def latest_draft(sender_id: str) -> storage.SavedDraft | None:
    chat_id = chat_for_sender(sender_id)
    if chat_id is None:
        return None
    return await asyncio.to_thread(storage.latest_draft, database(), chat_id)


async def delete_drafts(sender_id: str) -> int:
    chat_id = chat_for_sender(sender_id)
    if chat_id is None:
        return 0
    return await asyncio.to_thread(storage.delete_drafts, database(), chat_id)
