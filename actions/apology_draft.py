"""What happens to a finished apology draft: show it, edit a part, start over, save, finish.

After the form has all eight answers, ``action_apology_compose`` shows the draft with four
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
from coach.apology.steps import STEPS
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
    stored_answers,
    working_state_reset,
)
from actions.reminder_suggestions import suggest_reminder
from actions.responses import verbatim

# The texts are responses in domain.yml (utter_apology_*), with their buttons.
APOLOGY_TOPIC = "apology"  # the reminder nudges with the person's own commitment
# What the "Remind me in 3 days" button fills in as the reminder's "when" (and its note). It is
# about the person's own follow-through (003: small, consistent actions; keep following through
# whatever they decide), never a prompt to ask the hurt partner how the apology landed.
REMINDER_TEXT = "in 3 days to look at how I'm keeping to the change I named in my apology"


def show_draft(dispatcher: CollectingDispatcher, answers: Mapping[str, str], response: str) -> None:
    """The draft in one message (``response`` says what leads into it), with Edit a part /
    Start over / Save / Done."""
    dispatcher.utter_message(response=response, draft=verbatim(compose_draft(answers)))


def offer_walkthrough(dispatcher: CollectingDispatcher, response: str) -> list[EventType]:
    """``response`` comes with the Walk me through it / Other topics buttons."""
    dispatcher.utter_message(response=response)
    return []


def start_form(dispatcher: CollectingDispatcher, response: str, **variables: object) -> list[EventType]:
    """Say ``response`` (it may speak of the number of questions), then let the form ask its next question."""
    dispatcher.utter_message(response=response, total=len(STEPS), **variables)
    return [FollowupAction(FORM)]


class ActionApologyCompose(Action):
    """The form has all eight answers: show the draft."""

    def name(self) -> str:
        return "action_apology_compose"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        answers = answers_in(tracker)
        if not is_complete(answers):  # the form was left early by its validation
            return working_state_reset() + offer_walkthrough(dispatcher, "utter_apology_no_draft")
        show_draft(dispatcher, answers, "utter_apology_draft")
        return working_state_reset()


class ActionApologyEdit(Action):
    """"Edit a part": the form asks which part, then asks that question again."""

    def name(self) -> str:
        return "action_apology_edit"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if not is_complete(answers_in(tracker)):
            return offer_walkthrough(dispatcher, "utter_apology_no_draft")
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
        return answer_events({}) + working_state_reset() + start_form(dispatcher, "utter_apology_intro")


class ActionApologySave(Action):
    """"Save": store the draft as a new version, then offer a check-in reminder."""

    def name(self) -> str:
        return "action_apology_save"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        answers = answers_in(tracker)
        if not is_complete(answers):
            return offer_walkthrough(dispatcher, "utter_apology_no_draft")
        result = await save_draft(tracker.sender_id, compose_draft(answers), as_sentence(answers["change"]))
        if result is None:
            dispatcher.utter_message(response="utter_apology_cannot_save")
            return []
        draft, newly_saved = result
        saved = "utter_apology_saved" if newly_saved else "utter_apology_already_saved"
        dispatcher.utter_message(response=saved, version=draft.version)
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
        dispatcher.utter_message(response="utter_apology_tips_unsaved" if unsaved else "utter_apology_tips", tips=tips)
        return []


class ActionShowApology(Action):
    """"show my apology" / /myapology: the latest draft, saved or not (a walkthrough ended
    with [Done] instead of [Save] is never lost), saying which; else the last saved one."""

    def name(self) -> str:
        return "action_show_apology"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        draft = await latest_draft(tracker.sender_id)
        answers = answers_in(tracker) or await stored_answers(tracker.sender_id)
        if is_complete(answers) and (draft is None or draft.text != compose_draft(answers)):
            response = "utter_apology_show_unsaved" if draft is None else "utter_apology_show_unsaved_newer"
            dispatcher.utter_message(response=response, draft=verbatim(compose_draft(answers)),
                                     version=draft.version if draft else 0)
            return answer_events(answers)
        if draft is None:
            return offer_walkthrough(dispatcher, "utter_apology_none_saved")
        saved_on = f"{draft.created_at.day} {draft.created_at:%B %Y}"
        dispatcher.utter_message(
            response="utter_apology_show_saved", version=draft.version, saved_on=saved_on, draft=verbatim(draft.text)
        )
        return []


class ActionApologyDelete(Action):
    """Delete every saved version and any answers in progress."""

    def name(self) -> str:
        return "action_apology_delete"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        count = await delete_drafts(tracker.sender_id)
        if count == 1:
            dispatcher.utter_message(response="utter_apology_deleted_one")
        elif count:
            dispatcher.utter_message(response="utter_apology_deleted", count=count)
        else:
            dispatcher.utter_message(response="utter_apology_nothing_deleted")
        return answer_events({}) + working_state_reset()
