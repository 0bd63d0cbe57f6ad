"""The retaliation flow's pause and its check-back.

"Give it 20 minutes, I'll check back": a one-off nudge 20 minutes from now, saved without
the reminder form's questions (the time zone defaults to UTC when we don't know it; the
nudge names the local time). The nudge (topic ``retaliation_check``) asks how strong the
urge is now, with Calmer / Still strong buttons; a typed answer ("bit better", "still want
to") is understood too. The ``urge_check`` slot says a check-back is waiting for its answer.

- Calmer: a line that notices it, then the flow's next step.
- Still strong: what to do with the urge meanwhile, and an offer of another 20 minutes.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import reminder_common as common
from actions.flows import (
    RETALIATION,
    URGE_CHECK,
    ActionAffirm,
    effective_role,
    end_of_flow,
    show_step,
    urge_still_strong,
)
from actions.reminder_common import CONTINUE_BUTTON, chat_of, say_cap_reached
from coach.content.guidance import load_guidance
from coach.reminders import preferences, repository
from coach.reminders.nudges import RETALIATION_CHECK_TOPIC
from coach.reminders.schedule import Schedule

CHECK_BACK_NOTE = "checking back after your 20-minute pause"
WAIT = timedelta(minutes=20)
CALMER = "urge_calmer"


class ActionWait20Minutes(Action):
    """"Let's wait 20 minutes, I'll check back": a one-off nudge in 20 minutes, no questions asked."""

    def name(self) -> str:
        return "action_wait_20_minutes"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        chat_id = chat_of(tracker)
        if chat_id is None:
            dispatcher.utter_message(response="utter_reminder_not_a_chat")
            return []
        db = common.database()
        now = common.now_utc()
        zone = await asyncio.to_thread(preferences.timezone_of, db, chat_id) or "UTC"
        first = (now + WAIT).replace(microsecond=0)
        local_time = first.astimezone(ZoneInfo(zone)).time()
        schedule = Schedule("once", first, None, local_time, zone, CHECK_BACK_NOTE, explicit_time=True)
        try:
            await asyncio.to_thread(repository.create_reminder, db, chat_id, schedule, RETALIATION_CHECK_TOPIC)
        except repository.ReminderCapReached:
            say_cap_reached(dispatcher)
            return []
        buttons = [CONTINUE_BUTTON] if tracker.get_slot("flow") else []
        dispatcher.utter_message(response="utter_reminder_check_back", time=f"{local_time:%H:%M}", buttons=buttons)
        return [SlotSet(URGE_CHECK, True)]


class ActionUrgeAnswer(Action):
    """The answer to "how strong is the urge now?": Calmer goes on with the flow, Still
    strong gets help with the urge and another 20 minutes (the retaliation struggle said
    again while a check-back waits is read as still strong, by ``action_start_flow``).
    Outside a check-back and the retaliation flow, "bit better" is taken like "ok"."""

    def name(self) -> str:
        return "action_urge_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        intent = tracker.latest_message.get("intent", {}).get("name")
        in_context = bool(tracker.get_slot(URGE_CHECK)) or tracker.get_slot("flow") == RETALIATION
        if intent == CALMER and not in_context:
            return await ActionAffirm().run(dispatcher, tracker, domain)
        if intent != CALMER:
            return urge_still_strong(dispatcher, tracker)
        flow = load_guidance().flows[RETALIATION]
        role = effective_role(tracker, flow)
        shown = tracker.get_slot("flow_step") if tracker.get_slot("flow") == RETALIATION else None
        dispatcher.utter_message(response="utter_urge_calmer")
        index = int(shown if shown is not None else 0) + 1
        events: list[EventType] = [SlotSet(URGE_CHECK, None)]
        if index >= len(flow.steps_for(role)):
            return events + end_of_flow(dispatcher, flow)
        return events + show_step(dispatcher, flow, role, index)
