"""Unit tests of the guidance-flow actions with rasa_sdk Trackers and a RenderingDispatcher."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker

from coach.content.guidance import load_guidance
from actions.conversation import ActionClarify, ActionWelcome
from actions.flows import ActionFlowNext, ActionSetRole, ActionStartFlow, ActionStopFlow
from testing.texts import RenderingDispatcher, response_text


def tracker(intent: str = "greet", text: str = "", slots: dict[str, Any] | None = None,
            ranking: list[dict[str, Any]] | None = None, sender_id: str = "42") -> Tracker:
    return Tracker(
        sender_id=sender_id,
        slots=slots or {},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 0.9},
                        "intent_ranking": ranking or [], "entities": []},
        events=[], paused=False, followup_action=None, active_loop={},
        latest_action_name="action_listen",
    )


def slot_events(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


async def run(action, t: Tracker) -> tuple[RenderingDispatcher, dict[str, Any]]:
    dispatcher = RenderingDispatcher()
    events = await action.run(dispatcher, t, {})
    return dispatcher, slot_events(events)


GUIDANCE = load_guidance()


@pytest.mark.parametrize("flow_key", sorted(GUIDANCE.flows))
async def test_every_struggle_starts_its_flow_with_next_and_stop(flow_key: str) -> None:
    flow = GUIDANCE.flows[flow_key]
    dispatcher, slots = await run(ActionStartFlow(), tracker(flow.intent, slots={"role": "hurt"}))
    first = flow.steps_for("hurt")[0]
    assert dispatcher.messages[0]["text"] == first.text
    payloads = [b["payload"] for b in dispatcher.messages[0]["buttons"]]
    assert "/flow_next" in payloads and "/stop" in payloads
    assert slots["flow"] == flow_key and slots["flow_step"] == 0.0


async def test_clear_statement_sets_role_and_tailors_the_flow() -> None:
    flow = GUIDANCE.flows["apology"]
    _, slots = await run(ActionStartFlow(), tracker(flow.intent, text="my husband lied to me for a year"))
    assert slots["role"] == "hurt"


async def test_role_question_when_it_matters_and_is_unknown() -> None:
    role_specific = [f for f in GUIDANCE.flows.values() if any(s.role != "any" for s in f.steps)
                     and f.intent not in {"struggle_apology", "struggle_not_believed", "struggle_retaliation", "struggle_anxiety"}]
    if not role_specific:
        pytest.skip("no flow outside the role-implied ones has role-specific steps")
    flow = role_specific[0]
    dispatcher, slots = await run(ActionStartFlow(), tracker(flow.intent, text="it's all so hard"))
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]][:2] == ["/role_hurt", "/role_broke_trust"]
    assert slots["pending_flow"] == flow.key
    dispatcher, slots = await run(ActionSetRole(), tracker("role_broke_trust", slots={"pending_flow": flow.key}))
    assert slots["role"] == "broke_trust" and slots["flow"] == flow.key
    assert dispatcher.messages[0]["text"] == response_text("utter_flow_role_ack_broke_trust")
    assert dispatcher.messages[1]["text"] == flow.steps_for("broke_trust")[0].text


async def test_next_walks_to_the_end_then_offers_related_topics() -> None:
    flow = GUIDANCE.flows["retaliation"]
    steps = flow.steps_for("hurt")
    slots: dict[str, Any] = {"flow": flow.key, "flow_step": 0.0, "role": "hurt"}
    for index in range(1, len(steps)):
        dispatcher, changed = await run(ActionFlowNext(), tracker("flow_next", slots=slots))
        assert dispatcher.messages[0]["text"] == steps[index].text
        slots.update(changed)
    dispatcher, changed = await run(ActionFlowNext(), tracker("flow_next", slots=slots))
    assert changed == {"flow": None, "flow_step": None}
    related_payloads = {f"/{GUIDANCE.flows[key].intent}" for key in flow.related}
    assert dispatcher.messages[0]["text"] == response_text("utter_flow_end")
    assert related_payloads <= {b["payload"] for b in dispatcher.messages[0]["buttons"]}


async def test_next_with_nothing_in_progress_is_not_a_dead_end() -> None:
    dispatcher, changed = await run(ActionFlowNext(), tracker("flow_next"))
    assert changed == {}
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/help"


async def test_stop_clears_everything_in_progress() -> None:
    _, changed = await run(ActionStopFlow(), tracker("stop", slots={"flow": "dwelling", "flow_step": 2.0, "pending_flow": "money"}))
    assert changed == {"flow": None, "flow_step": None, "pending_flow": None}


async def test_clarify_offers_the_likeliest_struggles() -> None:
    ranking = [{"name": "greet", "confidence": 0.3}, {"name": "struggle_money", "confidence": 0.25},
               {"name": "struggle_secrecy", "confidence": 0.2}]
    dispatcher, _ = await run(ActionClarify(), tracker("nlu_fallback", ranking=ranking))
    payloads = [b["payload"] for b in dispatcher.messages[0]["buttons"]]
    assert payloads == ["/struggle_money", "/struggle_secrecy", "/help"]


async def test_welcome_says_what_the_coach_is_not_and_how_to_delete() -> None:
    dispatcher, _ = await run(ActionWelcome(), tracker("start"))
    text = dispatcher.messages[0]["text"]
    assert "not a therapist" in text and "/forget" in text and "emergency" not in text.lower()
    assert dispatcher.messages[1]["response"] == "utter_help"
