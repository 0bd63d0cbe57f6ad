"""The sincere-apology walkthrough's form: start or resume it, ask, check each answer, stop.

``apology_form`` asks eight questions (``STEPS``), each with a one-line why. Every answer goes
through the apology analyzer; if it finds a phrase that would undermine the apology, the
coach quotes it, says why, and asks once for a revision. The next answer to that question is
taken as it is, and "Keep my wording" takes the first one: one nudge per question, no loops.
"Edit a part" re-enters the form with one extra question first (which part?).

Not every message is an answer: "I don't know", "skip" or "help" gets help with that
question (a simpler wording and an example; once more, a shorter word of encouragement),
and questions to the coach or other requests are handled by ``actions.form_asides``.
Neither is ever stored as an answer.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from coach.apology.analyzer import STEPS, analyze, describe
from coach.apology.content import load_apology_content
from coach.apology.draft import part_from_reply, snippet
from actions.apology_draft import show_draft, start_form
from actions.apology_state import (
    EDIT_PART,
    EDITING,
    HELPED_SLOT,
    NUDGED_SLOT,
    PENDING_ANSWER,
    ROLE_WARNED,
    answer_events,
    answers_in,
    forget_answers,
    is_complete,
    store_answer,
    stored_answers,
    working_state_reset,
)
from actions.form_asides import APOLOGY, aside
from actions.responses import verbatim

# The texts are responses in domain.yml (utter_apology_*), with their buttons.
KEEP_INTENT = "apology_keep_wording"  # the "Keep my wording" button of utter_apology_nudge
NO_EDIT = "none"  # the edit-part answer when no part gets changed after all


NOT_SURE = re.compile(
    r"^((still|honestly|um+|hmm+|well|sorry|ugh|tbh|ok|okay)[, ]+)*"  # leading filler
    r"((i\s*)?(really\s*)?(do\s*n.?t|dont|dunno)\s*know|idk|dunno|not sure|no idea|skip( it| this)?|pass"
    r"|help( me)?|what do you mean|i do?n.?t (get|understand)( it)?|huh|no clue|i can.?t think of anything|\?+)"
    r"( tbh| honestly| really| sorry| lol| yet| either)*[\s.!?]*$"  # trailing filler
)


def is_not_sure(text: str) -> bool:
    """"I don't know", "idk", "skip", "help"... (short, typed as people type it)."""
    plain = " ".join(text.lower().replace("’", "'").split())
    return len(plain.split()) <= 8 and NOT_SURE.match(plain) is not None


def is_button_payload(text: str | None) -> bool:
    """A pressed button or command ("/intent") is never an answer to a question."""
    return (text or "").lstrip().startswith("/")


def asks_to_keep(message: dict[str, Any]) -> bool:
    """"Keep my wording": the button, or a short typed message saying so."""
    if (message.get("intent") or {}).get("name") != KEEP_INTENT:
        return False
    text = message.get("text") or ""
    return is_button_payload(text) or len(text.split()) <= 8


class ActionStartApology(Action):
    """/apology, the "Walk me through it" button, or asking in words: start or resume."""

    def name(self) -> str:
        return "action_start_apology"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        answers = answers_in(tracker)
        keep_pressed = (tracker.latest_message.get("intent") or {}).get("name") == KEEP_INTENT
        if tracker.get_slot("role") == "hurt" and not tracker.get_slot(ROLE_WARNED) and not answers and not keep_pressed:
            dispatcher.utter_message(response="utter_apology_hurt_role")
            return [SlotSet(ROLE_WARNED, True)]
        events = working_state_reset()
        if not answers:  # the conversation state may have been lost: the database has a copy
            answers = await stored_answers(tracker.sender_id)
            events += answer_events(answers)
        if is_complete(answers):
            show_draft(dispatcher, answers, "utter_apology_draft_from_before")
            return events
        if keep_pressed and not answers:
            dispatcher.utter_message(response="utter_apology_nothing_to_keep")
            return events
        if answers:
            return events + start_form(dispatcher, "utter_apology_resume", count=len(answers))
        return events + start_form(dispatcher, "utter_apology_intro")


class ValidateApologyForm(FormValidationAction):
    """Checks each answer with the analyzer: one nudge per question, then it is accepted."""

    def name(self) -> str:
        return "validate_apology_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """The eight questions; while editing, "which part?" comes first."""
        return [EDIT_PART, *STEPS] if tracker.get_slot(EDITING) else list(STEPS)

    async def validate_what_happened(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return await self._checked_answer("what_happened", value, dispatcher, tracker)

    async def validate_impact(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return await self._checked_answer("impact", value, dispatcher, tracker)

    async def validate_ownership(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return await self._checked_answer("ownership", value, dispatcher, tracker)

    async def validate_regret(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return await self._checked_answer("regret", value, dispatcher, tracker)

    async def validate_amends(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return await self._checked_answer("amends", value, dispatcher, tracker)

    async def validate_honesty(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return await self._checked_answer("honesty", value, dispatcher, tracker)

    async def validate_change(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return await self._checked_answer("change", value, dispatcher, tracker)

    async def validate_request(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return await self._checked_answer("request", value, dispatcher, tracker)

    async def validate_apology_edit_part(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") != EDIT_PART:
            return {EDIT_PART: value}
        if is_button_payload(value):
            dispatcher.utter_message(response="utter_apology_not_an_answer")
            return {EDIT_PART: None}
        part = part_from_reply(str(value))
        if part is not None:
            return {EDIT_PART: part, part: None, NUDGED_SLOT: None, PENDING_ANSWER: None}
        if tracker.get_slot(NUDGED_SLOT) == EDIT_PART:  # asked twice: no loops
            dispatcher.utter_message(response="utter_apology_edit_part_gave_up")
            return {EDIT_PART: NO_EDIT, NUDGED_SLOT: None}
        dispatcher.utter_message(response="utter_apology_edit_part_unclear", total=len(STEPS))
        return {EDIT_PART: None, NUDGED_SLOT: EDIT_PART}

    async def _checked_answer(self, step: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") != step:  # filled earlier, checked then
            return {step: value}
        nudged = tracker.get_slot(NUDGED_SLOT) == step
        pending = tracker.get_slot(PENDING_ANSWER) if nudged else None
        if asks_to_keep(tracker.latest_message) and pending:
            return await self._accepted(step, pending, tracker)
        if (asked_again := aside(APOLOGY, step, dispatcher, tracker)) is not None:
            return asked_again
        text = " ".join(str(value or "").split())
        if not text or is_button_payload(text):
            dispatcher.utter_message(response="utter_apology_not_an_answer")
            return {step: None}
        asked_for_help = (tracker.latest_message.get("intent") or {}).get("name") == "help" and len(text.split()) <= 4
        if is_not_sure(text) or asked_for_help:
            if tracker.get_slot(HELPED_SLOT) == step:  # helped once already: no pressure
                dispatcher.utter_message(response="utter_apology_question_help_again")
            else:
                help_text = load_apology_content().questions[step].help
                dispatcher.utter_message(response="utter_apology_question_help", help=verbatim(help_text))
            return {step: None, HELPED_SLOT: step}
        if nudged:  # its one nudge was given: the revision (or the same words again) stands
            return await self._accepted(step, text, tracker)
        flags = analyze(text, step)
        if not flags:
            return await self._accepted(step, text, tracker)
        dispatcher.utter_message(response="utter_apology_nudge", nudge=verbatim(describe(flags[0])))
        return {step: None, NUDGED_SLOT: step, PENDING_ANSWER: text}

    @staticmethod
    async def _accepted(step: str, text: str, tracker: Tracker) -> dict[str, Any]:
        await store_answer(tracker.sender_id, step, text)
        return {step: text, NUDGED_SLOT: None, PENDING_ANSWER: None, HELPED_SLOT: None}


class _AskApologyQuestion(Action, ABC):
    """Asks one question with its why; silent right after a nudge (which asked already)."""

    @property
    @abstractmethod
    def step(self) -> str:
        """The slot this action asks for (a class attribute in each subclass)."""

    def name(self) -> str:
        return f"action_ask_{self.step}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if tracker.get_slot(NUDGED_SLOT) == self.step and tracker.get_slot(PENDING_ANSWER):
            return []
        if tracker.get_slot(HELPED_SLOT) == self.step and _just_helped(tracker):
            return []  # the help just given put the question in simpler words
        question = load_apology_content().questions[self.step]
        if tracker.get_slot(EDITING):
            dispatcher.utter_message(response="utter_apology_question_redo", question=question.text, why=question.why)
        else:
            number = STEPS.index(self.step) + 1
            dispatcher.utter_message(response="utter_apology_question", number=number, total=len(STEPS),
                                     question=question.text, why=question.why)
        return []


def _just_helped(tracker: Tracker) -> bool:
    """The validation of this very turn gave help (its slot event follows the last message)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "slot" and event.get("name") == HELPED_SLOT and event.get("value"):
            return True
    return False


class ActionAskWhatHappened(_AskApologyQuestion):
    step = "what_happened"


class ActionAskImpact(_AskApologyQuestion):
    step = "impact"


class ActionAskOwnership(_AskApologyQuestion):
    step = "ownership"


class ActionAskRegret(_AskApologyQuestion):
    step = "regret"


class ActionAskAmends(_AskApologyQuestion):
    step = "amends"


class ActionAskChange(_AskApologyQuestion):
    step = "change"


class ActionAskHonesty(_AskApologyQuestion):
    step = "honesty"


class ActionAskRequest(_AskApologyQuestion):
    step = "request"


class ActionAskApologyEditPart(Action):
    """"Edit a part": list the eight parts with the start of each answer."""

    def name(self) -> str:
        return "action_ask_apology_edit_part"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if tracker.get_slot(NUDGED_SLOT) == EDIT_PART:  # the "didn't catch that" already asked
            return []
        questions = load_apology_content().questions
        answers = answers_in(tracker)
        lines = [
            f"{index}. {questions[step].title}: {snippet(answers.get(step, ''))}"
            for index, step in enumerate(STEPS, start=1)
        ]
        dispatcher.utter_message(response="utter_apology_edit_part_question", parts=verbatim("\n".join(lines)))
        return []


class ActionApologyStop(Action):
    """"stop"/"cancel" inside the form (after action_deactivate_loop): leave cleanly.

    Stopping an edit puts the part back as it was (from the database copy) and shows the
    draft; stopping the walkthrough itself clears its answers (saved drafts stay).
    """

    def name(self) -> str:
        return "action_apology_stop"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if tracker.get_slot(EDITING):
            stored = await stored_answers(tracker.sender_id)
            if is_complete(stored):
                show_draft(dispatcher, stored, "utter_apology_draft_edit_stopped")
                return answer_events(stored) + working_state_reset()
        await forget_answers(tracker.sender_id)
        dispatcher.utter_message(response="utter_apology_stopped")
        return answer_events({}) + working_state_reset()
