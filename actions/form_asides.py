"""What a form does with a message that is clearly not an answer to its question.

Forms take free text, so a question to the coach would otherwise be stored as an answer
("are you a real person" as the apology's first part) and a request ("show my reminders")
would get "I couldn't work out when" again and again. Each form's validators call
``aside(form, slot, ...)`` first; with a confident intent (``ASIDE_CONFIDENCE``):

* a question about the coach (are you a bot, privacy, an FAQ; "help") is answered, and
  the form asks its question again (nothing is stored);
* another request (reminders, progress, a saved apology, discreet mode; in the forms that
  take short answers, a struggle too) rejects the form: Rasa's rules for that form
  (``stories/forms.yml``) then run ``action_step_out_of_form`` (``actions.step_out``), which
  leaves the form, acts on the request with the same action as outside it, and offers to
  go back ("Back to your apology: question 2 of 8?"; ``action_resume_previous``, answers
  kept).

This module only decides (it imports no other action, so every form can use it).

The apology's own "I don't know" / "skip" is in ``actions.apology_form`` (help with the
question). Crisis messages never reach here: the slots' ``not_intent`` and the safety
rules take them first.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.interfaces import ActionExecutionRejection

from coach.content.guidance import load_guidance

ASIDE_CONFIDENCE = 0.8
APOLOGY, CHECKIN, REMINDER, TIMEZONE = "apology_form", "checkin_form", "reminder_form", "timezone_form"

# Questions about the coach: answered, then the same form question again.
COACH_QUESTIONS = {
    "bot_challenge": "utter_bot_challenge",
    "privacy": "utter_privacy",
    "faq_how_long": "utter_faq_how_long",
    "faq_what_is_trust": "utter_faq_what_is_trust",
    "faq_why_hard": "utter_faq_why_hard",
    "faq_therapy": "utter_faq_therapy",
    "faq_both_partners": "utter_faq_both_partners",
    "faq_progress_signs": "utter_faq_progress_signs",
    "help": "utter_form_help",
    "greet": "utter_form_greet",
    "thank": "utter_form_thanks",
}
STRUGGLES = tuple(flow.intent for flow in load_guidance().flows.values())  # one place: guidance.yml
# Requests that leave a form (acted on by actions.step_out with the action that answers
# them outside it). Free-text answers (the apology, the check-in note) often read like a
# struggle, so there only the plain requests count.
PLAIN_REQUESTS = frozenset({"list_reminders", "cancel_reminder", "show_progress", "show_progress_long",
                            "weekly_reflection", "show_apology", "toggle_discreet", "wait_20_minutes", "start", "goodbye"})
# Requests that replace the form with another one (no offer to go back: the new one asks
# its own question; "take me back" still works). Not in the apology, whose answers often
# say "I'll check in with you" or "remind myself".
STARTERS = frozenset({"start_apology", "checkin", "set_reminder", "set_timezone"})
ALL_REQUESTS = PLAIN_REQUESTS | frozenset(STRUGGLES) | STARTERS
STEPS_OUT: dict[tuple[str, str], frozenset[str]] = {
    (CHECKIN, "checkin_score"): ALL_REQUESTS - {"checkin"},
    (CHECKIN, "checkin_note"): PLAIN_REQUESTS | STARTERS - {"checkin"},
    (REMINDER, "reminder_timezone"): ALL_REQUESTS - {"set_reminder", "set_timezone"},
    (REMINDER, "reminder_when"): ALL_REQUESTS - {"set_reminder", "set_timezone"},
    (REMINDER, "reminder_confirmed"): ALL_REQUESTS - {"set_reminder", "set_timezone"},
    (TIMEZONE, "reminder_timezone"): ALL_REQUESTS - {"set_timezone"},
}


# Free-text answers can name therapy or trust ("I'd ask you to come to therapy with me"): there
# a coach question must read as one (a question mark or a question word, or a word or three).
FREE_TEXT_SLOTS = frozenset({(CHECKIN, "checkin_note")})
QUESTION_WORDS = frozenset({"are", "is", "am", "what", "why", "how", "who", "can", "could", "do", "does", "will",
                            "would", "where", "when", "should", "wait"})


def reads_as_aside(text: str) -> bool:
    words = text.lower().split()
    first = words[0].strip(",").replace("’", "'").split("'")[0] if words else ""
    return text.strip().endswith("?") or len(words) <= 3 or first in QUESTION_WORDS


def intent_of(tracker: Tracker) -> tuple[str | None, float]:
    intent = tracker.latest_message.get("intent") or {}
    return intent.get("name"), float(intent.get("confidence") or 0.0)


def steps_out(form: str, slot: str) -> frozenset[str]:
    """The intents that leave ``form`` at ``slot`` (the apology: the plain requests)."""
    return STEPS_OUT.get((form, slot), PLAIN_REQUESTS)


def aside(form: str, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any] | None:
    """For a message that is not an answer: the slot events that ask again (after the
    coach answered it), or a rejection of the form (a request to act on). None: an answer."""
    if tracker.get_slot("requested_slot") != slot:
        return None
    intent, confidence = intent_of(tracker)
    if intent is None or confidence < ASIDE_CONFIDENCE:
        return None
    free_text = form == APOLOGY or (form, slot) in FREE_TEXT_SLOTS
    if intent in COACH_QUESTIONS and not (form == APOLOGY and intent == "help"):
        if free_text and not reads_as_aside(tracker.latest_message.get("text") or ""):
            return None  # an answer that mentions therapy, trust, time...
        dispatcher.utter_message(response=COACH_QUESTIONS[intent])
        return {slot: None}
    if intent in steps_out(form, slot):
        raise ActionExecutionRejection(f"validate_{form}", f"{intent} is a request, not an answer")
    return None
