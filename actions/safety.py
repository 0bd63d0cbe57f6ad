"""Crisis replies: interrupt anything in progress and point to real help.

Reached by the ``crisis_self_harm`` / ``crisis_abuse`` / ``crisis_emergency`` intents, whether the classifier or
the deterministic safety net (``coach.safety``) found them. The reply text comes from
``coach.safety.replies`` with the configured emergency line and the person's country.
While the ``crisis`` slot is set, no coaching nudges are sent; "I'm safe now" clears it.

The crisis reply interrupts any form or flow, but the place is kept (``resume_point``:
the form, or the flow and its step; the answers given stay in their slots). After "I'm
safe right now" the coach offers to go back there (``action_resume_previous``).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.people import country_for, set_crisis_flag
from coach.config import Settings
from coach.safety.decision import CHECK, SAFETY_NET_KEY
from coach.safety.replies import (
    CRISIS_KINDS,
    CRISIS_MARKER,
    SELF_HARM_KIND,
    crisis_reply,
    safe_again_reply,
    safety_check_reply,
)

SAFE_BUTTON = {"title": "I'm safe right now", "payload": "/safe_now"}
CHECK_SAFE_BUTTON = {"title": "I'm safe, let's go on", "payload": "/safe_now"}
NEED_HELP_TITLE = "I need help now"
RESUME_BUTTON = {"title": "Yes, let's go back", "payload": "/resume_previous"}
NOT_NOW_BUTTON = {"title": "Not now", "payload": "/deny"}
# What "going back" means for each form, said in the offer (responses in domain.yml).
RESUMABLE_FORMS = {
    "apology_form": "utter_resume_offer_apology",
    "checkin_form": "utter_resume_offer_checkin",
    "reminder_form": "utter_resume_offer_reminder",
    "timezone_form": "utter_resume_offer_reminder",
}
FLOW_PREFIX = "flow:"


def place_of(tracker: Tracker) -> str | None:
    """Where the person was when the crisis came: a form's name, or ``flow:<key>:<step>``."""
    loop = (tracker.active_loop or {}).get("name")
    if loop in RESUMABLE_FORMS:
        return loop
    if tracker.get_slot("flow") and tracker.get_slot("flow_step") is not None:
        return f"{FLOW_PREFIX}{tracker.get_slot('flow')}:{int(tracker.get_slot('flow_step'))}"
    return tracker.get_slot("resume_point")  # a second crisis message keeps the first place


class ActionCrisisResponse(Action):
    """Calm, short crisis reply with the emergency line and helplines; stops any flow or form."""

    def name(self) -> str:
        return "action_crisis_response"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        kind = tracker.latest_message.get("intent", {}).get("name")
        if kind not in CRISIS_KINDS:
            kind = SELF_HARM_KIND
        settings = Settings.from_env()
        country = await country_for(tracker.sender_id)
        if (tracker.latest_message.get(SAFETY_NET_KEY) or {}).get("action") == CHECK:
            # The layers are not sure: ask, never coach, with the emergency line already there;
            # "I need help" is the crisis reply.
            dispatcher.utter_message(
                text=safety_check_reply(country=country, emergency_line=settings.emergency_line),
                buttons=[CHECK_SAFE_BUTTON, {"title": NEED_HELP_TITLE, "payload": f"/{kind}"}],
            )
            dispatcher.utter_message(json_message={CRISIS_MARKER: CHECK})
            return []
        text = crisis_reply(kind, country=country, emergency_line=settings.emergency_line)
        dispatcher.utter_message(text=text, buttons=[SAFE_BUTTON])
        # The structured marker the bot reads (never shown): this turn got the crisis reply.
        dispatcher.utter_message(json_message={CRISIS_MARKER: kind})
        await set_crisis_flag(tracker.sender_id, True)
        return [
            ActiveLoop(None),
            SlotSet("requested_slot", None),
            SlotSet("resume_point", place_of(tracker)),
            SlotSet("crisis", True),
            SlotSet("flow", None),
            SlotSet("flow_step", None),
            SlotSet("pending_flow", None),
        ]


class ActionSafeNow(Action):
    """The person says they are safe: clear the crisis flag, gently, and offer to go back
    to where they were (the walkthrough, check-in, reminder or flow), answers kept."""

    def name(self) -> str:
        return "action_safe_now"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(text=safe_again_reply())
        await set_crisis_flag(tracker.sender_id, False)
        place = tracker.get_slot("resume_point")
        if place:
            offer = "utter_resume_offer_flow" if place.startswith(FLOW_PREFIX) else RESUMABLE_FORMS.get(place)
            if offer:
                dispatcher.utter_message(response=offer, buttons=[RESUME_BUTTON, NOT_NOW_BUTTON])
        return [SlotSet("crisis", False)]


class ActionResumePrevious(Action):
    """"Yes, let's go back": reopen the form where it was, or show the flow's step again."""

    def name(self) -> str:
        return "action_resume_previous"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        place = tracker.get_slot("resume_point")
        events: list[EventType] = [SlotSet("resume_point", None)]
        if place in RESUMABLE_FORMS:
            # No requested slot on the way in: the form asks its next unanswered question
            # instead of taking this message ("ok", "take me back") as the answer.
            return events + [SlotSet("requested_slot", None), FollowupAction(place)]
        if place and place.startswith(FLOW_PREFIX):
            from actions.flows import resume_flow  # flows import nothing from here
            flow_key, _, step = place[len(FLOW_PREFIX):].partition(":")
            return events + resume_flow(dispatcher, tracker, flow_key, int(step or 0))
        dispatcher.utter_message(response="utter_flow_nothing_in_progress")
        return events
