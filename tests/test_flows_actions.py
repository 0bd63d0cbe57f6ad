"""Unit tests of the guidance-flow actions with rasa_sdk Trackers and a RenderingDispatcher."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker

from coach.content.guidance import load_guidance
from actions.conversation import ActionClarify, ActionWelcome
from actions.flows import ActionAffirm, ActionDeny, ActionFlowNext, ActionSetRole, ActionStartFlow, ActionStopFlow
from testing.texts import RenderingDispatcher, response_buttons, response_text


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


@pytest.mark.parametrize("guess, typed, role", [
    ("role_broke_trust", "i got cheated on, thats my side of it", "hurt"),
    ("role_broke_trust", "him. he went behind my back with his ex for a year", "hurt"),
    ("role_hurt", "me, i cheated on her and she found the texts", "broke_trust"),
    ("role_hurt", "it was me who strayed tbh", "broke_trust"),
    ("role_hurt", "/role_hurt", "hurt"),  # a button: no words to weigh
    ("role_broke_trust", "the one who messed up i guess", "broke_trust"),  # the words agree
])
async def test_a_typed_answer_to_the_role_question_is_read_for_who_did_what(guess: str, typed: str, role: str) -> None:
    """The classifier often mixes up the two sides ("i was cheated on" vs "i cheated"); a typed
    answer that says plainly who did it decides, so the hurt partner never gets the other side's steps."""
    flow = GUIDANCE.flows["dwelling"]
    dispatcher, slots = await run(ActionSetRole(), tracker(guess, text=typed, slots={"pending_flow": flow.key}))
    assert slots["role"] == role
    assert dispatcher.messages[1]["text"] == flow.steps_for(role)[0].text


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
    dispatcher, _ = await run(ActionClarify(), tracker("nlu_fallback", text="its the cards and the hiding", ranking=ranking))
    payloads = [b["payload"] for b in dispatcher.messages[0]["buttons"]]
    assert payloads == ["/struggle_money", "/struggle_secrecy", "/help"]


async def test_welcome_is_one_message_with_the_topics_and_the_privacy_line() -> None:
    dispatcher, _ = await run(ActionWelcome(), tracker("start"))
    [welcome] = dispatcher.messages
    text = welcome["text"]
    assert "not a therapist" in text and "/forget" in text and "emergency" not in text.lower()
    assert "\n\n" not in text  # Rasa sends each paragraph as a message of its own
    assert welcome["buttons"] == response_buttons("utter_help")
    assert text.count("?") <= 2  # asks what's on your mind once, not twice


@pytest.mark.parametrize("text", ["🙂", "😢😢", "hmm", "ok so", "???", "asdf", ""])
async def test_next_to_nothing_gets_tell_me_more_with_every_topic(text: str) -> None:
    ranking = [{"name": "struggle_money", "confidence": 0.3}]
    dispatcher, _ = await run(ActionClarify(), tracker("nlu_fallback", text=text, ranking=ranking))
    [reply] = dispatcher.messages
    assert reply["text"] == response_text("utter_conversation_tell_more")
    assert reply["buttons"] == response_buttons("utter_help")


async def test_a_clarifying_question_always_offers_two_topics_at_least() -> None:
    ranking = [{"name": "greet", "confidence": 0.4}, {"name": "out_of_scope", "confidence": 0.3}]
    dispatcher, _ = await run(ActionClarify(), tracker("nlu_fallback", text="idk its all a mess honestly", ranking=ranking))
    payloads = [b["payload"] for b in dispatcher.messages[0]["buttons"]]
    assert len(payloads) >= 3 and payloads[-1] == "/help"
    assert all(payload.startswith("/struggle_") for payload in payloads[:-1])


def in_flow(flow_key: str, step: int, intent: str, text: str = "") -> Tracker:
    return tracker(intent, text=text, slots={"flow": flow_key, "flow_step": float(step), "role": "hurt"})


async def test_typed_yes_inside_a_flow_goes_on_like_next() -> None:
    flow = GUIDANCE.flows["dwelling"]
    dispatcher, slots = await run(ActionAffirm(), in_flow("dwelling", 0, "affirm", "ok"))
    assert dispatcher.messages[0]["text"] == flow.steps_for("hurt")[1].text
    assert slots == {"flow": "dwelling", "flow_step": 1.0}


async def test_typed_yes_after_the_last_step_closes_the_flow() -> None:
    last = len(GUIDANCE.flows["dwelling"].steps_for("hurt")) - 1
    dispatcher, slots = await run(ActionAffirm(), in_flow("dwelling", last, "affirm", "sure"))
    assert dispatcher.messages[0]["text"] == response_text("utter_flow_end")
    assert slots == {"flow": None, "flow_step": None}


async def test_typed_yes_on_the_role_question_asks_it_again_in_other_words() -> None:
    dispatcher, slots = await run(ActionAffirm(), tracker("affirm", text="yes", slots={"pending_flow": "money"}))
    assert dispatcher.messages[0]["text"] == response_text("utter_flow_role_again")
    assert response_text("utter_flow_role_again") != response_text("utter_flow_role_question")
    assert slots == {}


async def test_typed_yes_with_nothing_in_progress_asks_what_to_look_at() -> None:
    dispatcher, _ = await run(ActionAffirm(), tracker("affirm", text="ok"))
    assert dispatcher.messages[0]["text"] == response_text("utter_affirm_idle")


async def test_typed_no_inside_a_flow_stops_it_kindly() -> None:
    dispatcher, slots = await run(ActionDeny(), in_flow("money", 1, "deny", "not now"))
    assert dispatcher.messages[0]["text"] == response_text("utter_flow_paused")
    assert slots == {"flow": None, "flow_step": None, "pending_flow": None}
    dispatcher, slots = await run(ActionDeny(), tracker("deny", text="no"))
    assert dispatcher.messages[0]["text"] == response_text("utter_deny_idle") and slots == {}


async def test_more_about_the_same_struggle_goes_on_instead_of_starting_over() -> None:
    flow = GUIDANCE.flows["dwelling"]
    dispatcher, slots = await run(ActionStartFlow(), in_flow("dwelling", 0, flow.intent, "i still keep replaying it"))
    texts = [message["text"] for message in dispatcher.messages]
    assert texts == [response_text("utter_flow_continue"), flow.steps_for("hurt")[1].text]
    assert flow.steps_for("hurt")[0].text not in texts  # the first step is not sent again
    assert slots["flow_step"] == 1.0


async def test_another_struggle_switches_flow_with_one_line_that_says_so() -> None:
    money = GUIDANCE.flows["money"]
    dispatcher, slots = await run(ActionStartFlow(), in_flow("dwelling", 1, money.intent, "also he hid the credit card"))
    assert dispatcher.messages[0]["text"] == response_text("utter_flow_switch", topic=money.title)
    assert dispatcher.messages[1]["text"] == money.steps_for("hurt")[0].text
    assert slots["flow"] == "money" and slots["flow_step"] == 0.0


async def test_the_same_struggle_again_instead_of_an_answer_starts_the_flow_without_asking_twice() -> None:
    dwelling = GUIDANCE.flows["dwelling"]
    dispatcher, slots = await run(ActionStartFlow(), tracker(dwelling.intent, text="still going over it"))
    assert dispatcher.messages[0]["text"] == response_text("utter_flow_role_question")
    dispatcher, slots = await run(ActionStartFlow(), tracker(dwelling.intent, text="i keep thinking about it",
                                                             slots={"pending_flow": "dwelling"}))
    assert [m["text"] for m in dispatcher.messages] == [dwelling.steps_for(None)[0].text]
    assert slots["pending_flow"] is None and slots["flow"] == "dwelling"


async def test_both_of_us_and_its_complicated_are_remembered_and_start_the_waiting_flow() -> None:
    retaliation = GUIDANCE.flows["retaliation"]
    for intent, role in (("role_both", "both"), ("role_complicated", "complicated")):
        dispatcher, slots = await run(ActionSetRole(), tracker(intent, slots={"pending_flow": "retaliation"}))
        assert slots["role"] == role
        assert dispatcher.messages[0]["text"] == response_text(f"utter_flow_role_ack_{role}")
        assert dispatcher.messages[1]["text"] == retaliation.steps_for(role)[0].text
    assert "keeping_score" in [step.id for step in retaliation.steps_for("both")]
