"""What happens to a finished apology draft: show it, edit a part, start over, save, finish.

After the form has all six answers, ``action_apology_compose`` shows the draft with four
buttons. "Edit a part" and "Start over" go back into the form; "Save" stores a new version
and offers a follow-up reminder; "Done" gives tips for saying it. "show my apology" shows the
last saved version, which can be deleted from there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from coach.apology.content import load_apology_content
from coach.apology.draft import as_sentence, compose_draft
from actions.apology_state import (
    EDIT_PART,
    EDITING,
    FORM,
    NUDGED_SLOT,
    PENDING_ANSWER,
    answer_events,
    answers_in,
    delete_drafts,
    forget_answers,
    is_complete,
    latest_draft,
    save_draft,
    working_state_reset,
)
from actions.reminder_suggestions import suggest_reminder

INTRO = (
    "Let's put your apology together, one question at a time. There are six, and I'll turn your "
    "answers into a draft at the end. Answer each one as if you were talking to your partner. "
    "Type stop at any time to leave."
)
DRAFT_LEAD = "Here's your draft: your words, with a little joining text."
DRAFT_FROM_BEFORE = "Here's the draft you were working on."
READ_ALOUD = "Read it aloud once. Does it sound like you? You can change any part of it."
NO_DRAFT = "There's no finished draft yet. Want to write one together, one question at a time?"
SAVED = "Saved as version {version}."
ALREADY_SAVED = "This one is already saved, as version {version}."
SEE_AGAIN = "You can read it again any time with /myapology."
CANNOT_SAVE = "I can't save drafts in this chat, sorry. Copy it somewhere private if you'd like to keep it."
FOLLOW_UP = (
    "Once you've said it, checking in a few days later shows you meant it: how are they doing with it? "
    "Want a reminder to check in with your partner in 3 days?"
)
APOLOGY_TOPIC = "apology"  # the reminder nudges with the person's own commitment
REMINDER_TEXT = "in 3 days to check in with your partner about how they're doing since your apology"
TIPS_LEAD = "A few things that help when you say it:"
NOT_SAVED = "This draft isn't saved yet. Save it if you'd like to come back to it."
NO_SAVED = "You haven't saved an apology yet. Want to write one together?"
DELETED = "Done. I've deleted your saved apology ({count} version{plural}) and any answers in progress."
NOTHING_DELETED = "There was no saved apology to delete. I've cleared any answers in progress."

WALKTHROUGH_BUTTON = {"title": "Walk me through it", "payload": "/start_apology"}
TOPICS_BUTTON = {"title": "Other topics", "payload": "/help"}
SAVE_BUTTON = {"title": "Save", "payload": "/apology_save"}
DONE_BUTTON = {"title": "Done", "payload": "/apology_done"}
DRAFT_BUTTONS = [
    {"title": "Edit a part", "payload": "/apology_edit"},
    {"title": "Start over", "payload": "/apology_restart"},
    SAVE_BUTTON,
    DONE_BUTTON,
]
REMINDER_BUTTON = {"title": "Remind me in 3 days", "payload": "/set_reminder"}
DELETE_BUTTON = {"title": "Delete my saved apology", "payload": "/apology_delete"}


def show_draft(dispatcher: CollectingDispatcher, answers: Mapping[str, str], lead: str) -> None:
    """The draft in one message, with Edit a part / Start over / Save / Done."""
    dispatcher.utter_message(text=f"{lead}\n\n{compose_draft(answers)}\n\n{READ_ALOUD}", buttons=DRAFT_BUTTONS)


def offer_walkthrough(dispatcher: CollectingDispatcher, text: str) -> list[EventType]:
    dispatcher.utter_message(text=text, buttons=[WALKTHROUGH_BUTTON, TOPICS_BUTTON])
    return []


def start_form(dispatcher: CollectingDispatcher, text: str) -> list[EventType]:
    """Say ``text``, then let the form ask its next question."""
    dispatcher.utter_message(text=text)
    return [FollowupAction(FORM)]


class ActionApologyCompose(Action):
    """The form has all six answers: show the draft."""

    def name(self) -> str:
        return "action_apology_compose"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        answers = answers_in(tracker)
        if not is_complete(answers):  # the form was left early by its validation
            return working_state_reset() + offer_walkthrough(dispatcher, NO_DRAFT)
        show_draft(dispatcher, answers, DRAFT_LEAD)
        return working_state_reset()


class ActionApologyEdit(Action):
    """"Edit a part": the form asks which part, then asks that question again."""

    def name(self) -> str:
        return "action_apology_edit"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if not is_complete(answers_in(tracker)):
            return offer_walkthrough(dispatcher, NO_DRAFT)
        return [
            SlotSet(EDITING, True),
            SlotSet(EDIT_PART, None),
            SlotSet(NUDGED_SLOT, None),
            SlotSet(PENDING_ANSWER, None),
            FollowupAction(FORM),
        ]


class ActionApologyRestart(Action):
    """"Start over": clear the answers (saved drafts stay) and begin at question one."""

    def name(self) -> str:
        return "action_apology_restart"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        await forget_answers(tracker.sender_id)
        return answer_events({}) + working_state_reset() + start_form(dispatcher, INTRO)


class ActionApologySave(Action):
    """"Save": store the draft as a new version, then offer a check-in reminder."""

    def name(self) -> str:
        return "action_apology_save"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        answers = answers_in(tracker)
        if not is_complete(answers):
            return offer_walkthrough(dispatcher, NO_DRAFT)
        result = await save_draft(tracker.sender_id, compose_draft(answers), as_sentence(answers["change"]))
        if result is None:
            dispatcher.utter_message(text=CANNOT_SAVE, buttons=[DONE_BUTTON])
            return []
        draft, newly_saved = result
        saved = (SAVED if newly_saved else ALREADY_SAVED).format(version=draft.version)
        dispatcher.utter_message(text=f"{saved} {SEE_AGAIN}\n\n{FOLLOW_UP}", buttons=[REMINDER_BUTTON, DONE_BUTTON])
        return suggest_reminder(REMINDER_TEXT, APOLOGY_TOPIC)


class ActionApologyDone(Action):
    """"Done": tips for saying it; a reminder to save if the draft isn't saved yet."""

    def name(self) -> str:
        return "action_apology_done"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        tips = "\n".join(f"- {tip}" for tip in load_apology_content().tips)
        answers = answers_in(tracker)
        unsaved = False
        if is_complete(answers):
            saved = await latest_draft(tracker.sender_id)
            unsaved = saved is None or saved.text != compose_draft(answers)
        if unsaved:
            dispatcher.utter_message(text=f"{TIPS_LEAD}\n{tips}\n\n{NOT_SAVED}", buttons=[SAVE_BUTTON, TOPICS_BUTTON])
        else:
            dispatcher.utter_message(text=f"{TIPS_LEAD}\n{tips}", buttons=[TOPICS_BUTTON])
        return []


class ActionShowApology(Action):
    """"show my apology" / /myapology: the last saved version, with a delete button."""

    def name(self) -> str:
        return "action_show_apology"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        draft = await latest_draft(tracker.sender_id)
        if draft is None:
            return offer_walkthrough(dispatcher, NO_SAVED)
        saved_on = f"{draft.created_at.day} {draft.created_at:%B %Y}"
        dispatcher.utter_message(
            text=f"Your saved apology (version {draft.version}, saved {saved_on}):\n\n{draft.text}",
            buttons=[DELETE_BUTTON, TOPICS_BUTTON],
        )
        return []


class ActionApologyDelete(Action):
    """Delete every saved version and any answers in progress."""

    def name(self) -> str:
        return "action_apology_delete"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        count = await delete_drafts(tracker.sender_id)
        text = DELETED.format(count=count, plural="" if count == 1 else "s") if count else NOTHING_DELETED
        dispatcher.utter_message(text=text, buttons=[TOPICS_BUTTON])
        return answer_events({}) + working_state_reset()
