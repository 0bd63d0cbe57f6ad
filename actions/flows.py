"""Guidance flows: start a flow for a struggle, step through it, stop it, remember the role.

A flow is a short series of steps from ``content/guidance.yml`` shown one message at a
time with "Next" and "Stop" buttons. State lives in slots (``flow``, ``flow_step``,
``pending_flow``, ``role``), so it survives restarts through the SQL tracker store.

People type as often as they press: inside a flow, "ok" / "yes" / "sure" (``affirm``)
goes on like [Next], and "no" / "not now" (``deny``) stops kindly. Saying more about the
struggle already in progress goes on where it was instead of starting over; another
struggle switches flow with one line that says so.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from coach.content.guidance import Flow, Step, load_guidance
from coach.content.role import ROLE_BY_INTENT, role_from_text

# A step's text comes from guidance.yml; the coach's own texts are responses in domain.yml
# (utter_flow_*). These buttons go with a step or the end of a flow, as they apply.
NEXT_BUTTON = {"title": "Next", "payload": "/flow_next"}
STOP_BUTTON = {"title": "Stop here", "payload": "/stop"}
TOPICS_BUTTON = {"title": "Other topics", "payload": "/help"}
# The role question's answers: intent -> (the role slot's value, the acknowledgement).
ROLE_ANSWERS = {
    "role_hurt": ("hurt", "utter_flow_role_ack_hurt"),
    "role_broke_trust": ("broke_trust", "utter_flow_role_ack_broke_trust"),
    "role_both": ("both", "utter_flow_role_ack_both"),
    "role_complicated": ("complicated", "utter_flow_role_ack_complicated"),
}
# Buttons that lead from a step to another capability, by the step's ``offer``.
# An offer whose capability is not built yet simply shows no button.
OFFER_BUTTONS: dict[str, dict[str, str]] = {
    "apology_walkthrough": {"title": "Walk me through it", "payload": "/start_apology"},
    "wait_20_minutes": {"title": "Wait 20 minutes, then check back", "payload": "/wait_20_minutes"},
    "reminder": {"title": "Set a reminder", "payload": "/set_reminder"},
    "checkin": {"title": "Check in on today", "payload": "/checkin"},
    # Where a step (or a hard-day check-in) meets physical danger: the abuse helplines.
    "safety_resources": {"title": "Helplines if I'm not safe", "payload": "/crisis_abuse"},
}


RETALIATION = "retaliation"  # the flow with the 20-minute check-back (actions/check_back.py)
URGE_CHECK = "urge_check"  # slot: a check-back was set and has not been answered yet
ANOTHER_20 = {**OFFER_BUTTONS["wait_20_minutes"], "title": "Another 20 minutes"}


def urge_still_strong(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The urge is still strong at the check-back: what to do with it meanwhile, another 20
    minutes, or go on with the retaliation flow from where it was."""
    shown = tracker.get_slot("flow_step") if tracker.get_slot("flow") == RETALIATION else None
    dispatcher.utter_message(response="utter_urge_still_strong", buttons=[ANOTHER_20, NEXT_BUTTON, STOP_BUTTON])
    return [SlotSet(URGE_CHECK, None), SlotSet("flow", RETALIATION), SlotSet("flow_step", float(shown or 0))]


def step_buttons(step: Step, has_more: bool) -> list[dict[str, str]]:
    buttons = [OFFER_BUTTONS[step.offer]] if step.offer in OFFER_BUTTONS else []
    buttons.append(NEXT_BUTTON if has_more else TOPICS_BUTTON)
    buttons.append(STOP_BUTTON)
    return buttons


def show_step(dispatcher: CollectingDispatcher, flow: Flow, role: str | None, index: int) -> list[EventType]:
    """Send step ``index`` of ``flow`` (as seen by ``role``) and record where we are."""
    steps = flow.steps_for(role)
    step = steps[index]
    has_more = index + 1 < len(steps)
    dispatcher.utter_message(text=step.text, buttons=step_buttons(step, has_more))
    return [SlotSet("flow", flow.key), SlotSet("flow_step", float(index))]


def end_of_flow(dispatcher: CollectingDispatcher, flow: Flow) -> list[EventType]:
    guidance = load_guidance()
    buttons = [
        {"title": guidance.flows[key].title, "payload": f"/{guidance.flows[key].intent}"}
        for key in flow.related
        if key in guidance.flows
    ]
    buttons.append(TOPICS_BUTTON)
    dispatcher.utter_message(response="utter_flow_end", buttons=buttons)
    return [SlotSet("flow", None), SlotSet("flow_step", None)]


def effective_role(tracker: Tracker, flow: Flow) -> str | None:
    return tracker.get_slot("role") or ROLE_BY_INTENT.get(flow.intent)


def next_step(dispatcher: CollectingDispatcher, tracker: Tracker, flow: Flow) -> list[EventType]:
    """The step after the one last shown, or the end of the flow."""
    index = int(tracker.get_slot("flow_step") or 0) + 1
    if index >= len(flow.steps_for(effective_role(tracker, flow))):
        return end_of_flow(dispatcher, flow)
    return show_step(dispatcher, flow, effective_role(tracker, flow), index)


def resume_flow(dispatcher: CollectingDispatcher, tracker: Tracker, flow_key: str, index: int) -> list[EventType]:
    """Show a flow's step again (after an interruption), or say nothing is in progress."""
    flow = load_guidance().flows.get(flow_key)
    if flow is None or index >= len(flow.steps_for(effective_role(tracker, flow))):
        dispatcher.utter_message(response="utter_flow_nothing_in_progress")
        return []
    return show_step(dispatcher, flow, effective_role(tracker, flow), index)


def answers_the_offer_to_go_back(tracker: Tracker) -> bool:
    """The coach's last turn was "I'm glad you're safe ... go back?" (action_safe_now)."""
    actions = [event.get("name") for event in tracker.events if event.get("event") == "action"]
    last = [name for name in actions if name not in ("action_listen", "action_extract_slots", None)]
    return bool(last) and last[-1] == "action_safe_now"


def flow_in_progress(tracker: Tracker) -> Flow | None:
    return load_guidance().flows.get(tracker.get_slot("flow") or "")


class ActionStartFlow(Action):
    """A struggle was recognised: start its flow (asking the role first if it matters)."""

    def name(self) -> str:
        return "action_start_flow"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        intent = tracker.latest_message.get("intent", {}).get("name")
        flow = load_guidance().flow_for_intent(intent)
        if flow is None:
            dispatcher.utter_message(response="utter_help")
            return []
        if flow.key == RETALIATION and tracker.get_slot(URGE_CHECK):
            return urge_still_strong(dispatcher, tracker)  # the urge, still there at the check-back
        current = tracker.get_slot("flow")
        if current == flow.key and tracker.get_slot("flow_step") is not None:
            dispatcher.utter_message(response="utter_flow_continue")
            return next_step(dispatcher, tracker, flow)
        if current and current != flow.key:
            dispatcher.utter_message(response="utter_flow_switch", topic=flow.title)
        events: list[EventType] = [SlotSet("pending_flow", None)]
        role = tracker.get_slot("role")
        stated = role_from_text(tracker.latest_message.get("text"))
        if role is None and stated is not None:
            role = stated
            events.append(SlotSet("role", role))
        asked = tracker.get_slot("pending_flow") == flow.key  # they kept talking instead: no second asking
        if role is None and flow.intent not in ROLE_BY_INTENT and self._role_changes_flow(flow) and not asked:
            dispatcher.utter_message(response="utter_flow_role_question")
            return [SlotSet("pending_flow", flow.key), SlotSet("flow", None), SlotSet("flow_step", None)]
        return events + show_step(dispatcher, flow, role or ROLE_BY_INTENT.get(flow.intent), 0)

    @staticmethod
    def _role_changes_flow(flow: Flow) -> bool:
        return any(step.role != "any" for step in flow.steps)


class ActionFlowNext(Action):
    """"Next": show the following step, or close the flow; also "Skip" on the role question."""

    def name(self) -> str:
        return "action_flow_next"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        guidance = load_guidance()
        pending = tracker.get_slot("pending_flow")
        if pending in guidance.flows:
            flow = guidance.flows[pending]
            return [SlotSet("pending_flow", None)] + show_step(dispatcher, flow, effective_role(tracker, flow), 0)
        flow = flow_in_progress(tracker)
        if flow is None:
            dispatcher.utter_message(response="utter_flow_nothing_in_progress")
            return []
        return next_step(dispatcher, tracker, flow)


class ActionAffirm(Action):
    """A typed "ok" / "yes" / 👍: goes on with the flow in progress; on the role question,
    asks it once more in other words; with nothing pending, asks what to look at."""

    def name(self) -> str:
        return "action_affirm"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if tracker.get_slot("resume_point") and answers_the_offer_to_go_back(tracker):
            return [FollowupAction("action_resume_previous")]  # "ok" to going back after a crisis
        if tracker.get_slot("pending_flow") in load_guidance().flows:
            dispatcher.utter_message(response="utter_flow_role_again")
            return []
        flow = flow_in_progress(tracker)
        if flow is not None:
            return next_step(dispatcher, tracker, flow)
        dispatcher.utter_message(response="utter_affirm_idle")
        return []


class ActionDeny(Action):
    """A typed "no" / "not now": inside a flow, stops it kindly; otherwise, no pressure."""

    def name(self) -> str:
        return "action_deny"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if tracker.get_slot("resume_point") and answers_the_offer_to_go_back(tracker):  # "Not now"
            dispatcher.utter_message(response="utter_deny_idle")
            return [SlotSet("resume_point", None)]
        if flow_in_progress(tracker) is None and tracker.get_slot("pending_flow") is None:
            dispatcher.utter_message(response="utter_deny_idle")
            return []
        dispatcher.utter_message(response="utter_flow_paused")
        return [SlotSet("flow", None), SlotSet("flow_step", None), SlotSet("pending_flow", None)]


class ActionStopFlow(Action):
    """"Stop"/"cancel": leave whatever flow or question is in progress, cleanly."""

    def name(self) -> str:
        return "action_stop_flow"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(response="utter_flow_stopped")
        return [SlotSet("flow", None), SlotSet("flow_step", None), SlotSet("pending_flow", None)]


class ActionSetRole(Action):
    """Remember the person's side of the betrayal, then start the flow that was waiting."""

    def name(self) -> str:
        return "action_set_role"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        intent = tracker.latest_message.get("intent", {}).get("name")
        stated = role_from_text(tracker.latest_message.get("text"))
        if intent in ("role_hurt", "role_broke_trust") and stated is not None:
            intent = f"role_{stated}"  # typed, not pressed: who did what, in their words, wins over the guess
        role, acknowledgement = ROLE_ANSWERS.get(intent or "", ROLE_ANSWERS["role_complicated"])
        dispatcher.utter_message(response=acknowledgement)
        events: list[EventType] = [SlotSet("role", role), SlotSet("pending_flow", None)]
        guidance = load_guidance()
        pending = guidance.flows.get(tracker.get_slot("pending_flow") or "")
        if pending is not None:
            return events + show_step(dispatcher, pending, role, 0)
        dispatcher.utter_message(response="utter_help")
        return events
