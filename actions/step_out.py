"""``action_step_out_of_form``: a request inside a form is acted on, then going back is offered.

Reached by the rules in ``stories/forms.yml`` once a form's validator rejected a message as
a request (``actions.form_asides``). The form is left (its answers stay in their slots),
the request is answered by the same action that answers it outside any form, and the
person is offered to go back (``resume_point``; "Yes, let's go back" or a typed "ok" runs
``action_resume_previous``, which reopens the form at its next question).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.apology_draft import ActionShowApology
from actions.apology_form import ActionStartApology
from actions.apology_state import answers_in
from coach.apology.steps import STEPS
from actions.check_back import ActionWait20Minutes
from actions.checkins import ActionShowProgress, ActionStartCheckin, ActionWeeklyReflection
from actions.conversation import ActionWelcome
from actions.discreet_mode import ActionToggleDiscreet
from actions.flows import ActionStartFlow
from actions.form_asides import APOLOGY, CHECKIN, REMINDER, STARTERS, STRUGGLES, TIMEZONE, intent_of
from actions.reminder_form import ActionStartReminder
from actions.reminder_list import ActionCancelReminder, ActionListReminders
from actions.safety import NOT_NOW_BUTTON, RESUME_BUTTON
from actions.timezone_form import ActionStartTimezone


# Each request by the action that answers it outside a form, or the response that does.
REQUEST_ACTIONS: dict[str, type[Action] | str] = {
    "list_reminders": ActionListReminders,
    "cancel_reminder": ActionCancelReminder,
    "show_progress": ActionShowProgress,
    "show_progress_long": ActionShowProgress,
    "weekly_reflection": ActionWeeklyReflection,
    "show_apology": ActionShowApology,
    "toggle_discreet": ActionToggleDiscreet,
    "wait_20_minutes": ActionWait20Minutes,
    "start": ActionWelcome,
    "goodbye": "utter_goodbye",
    **{struggle: ActionStartFlow for struggle in STRUGGLES},
    "start_apology": ActionStartApology,  # opens its form itself
    "checkin": ActionStartCheckin,
    "set_reminder": ActionStartReminder,
    "set_timezone": ActionStartTimezone,
}
# The form a starter's rule runs after it (outside a form, stories/*.yml do the same).
FORM_AFTER = {"checkin": "checkin_form", "set_reminder": "reminder_form", "set_timezone": "timezone_form"}
NO_OFFER = STARTERS | {"goodbye"}
BACK_OFFERS = {
    APOLOGY: "utter_back_to_apology",
    CHECKIN: "utter_back_to_checkin",
    REMINDER: "utter_back_to_reminder",
    TIMEZONE: "utter_back_to_reminder",
}


class ActionStepOutOfForm(Action):
    """A request inside a form: leave the form, act on the request, offer to go back."""

    def name(self) -> str:
        return "action_step_out_of_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        form = (tracker.active_loop or {}).get("name")
        intent, _ = intent_of(tracker)
        events: list[EventType] = [ActiveLoop(None), SlotSet("requested_slot", None)]
        handler = REQUEST_ACTIONS.get(intent or "")
        if isinstance(handler, str):
            dispatcher.utter_message(response=handler)
        elif handler is not None:
            events += await handler().run(dispatcher, tracker, domain)
        if intent in FORM_AFTER:
            events.append(FollowupAction(FORM_AFTER[intent]))
        if intent in NO_OFFER:  # replaced by another form, or a goodbye: the place is still kept
            return events + [SlotSet("resume_point", form)]
        if form in BACK_OFFERS:
            variables = {"number": len(answers_in(tracker)) + 1, "total": len(STEPS)} if form == APOLOGY else {}
            dispatcher.utter_message(response=BACK_OFFERS[form], buttons=[RESUME_BUTTON, NOT_NOW_BUTTON], **variables)
            events.append(SlotSet("resume_point", form))
        return events
