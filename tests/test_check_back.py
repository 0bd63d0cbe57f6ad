"""The retaliation check-back: the nudge asks how strong the urge is now, and the answer
decides what comes next (unit tests; the dialogue through the trained model is in
tests/test_conversations_e2e.py)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.check_back import ActionUrgeAnswer
from actions.flows import ActionStartFlow
from coach.content.guidance import load_guidance
from coach.reminders.nudges import RETALIATION_CHECK_TOPIC, action_buttons, full_nudge, prompt_for
from testing.texts import RenderingDispatcher, response_text

RETALIATION = load_guidance().flows["retaliation"]


def tracker(intent: str, slots: dict[str, Any] | None = None, text: str = "") -> Tracker:
    return Tracker(
        sender_id="42", slots=slots or {},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []},
        events=[], paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen",
    )


async def run(action, t: Tracker) -> tuple[RenderingDispatcher, list[dict[str, Any]]]:
    dispatcher = RenderingDispatcher()
    return dispatcher, await action.run(dispatcher, t, {})


def slots_of(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def test_the_check_back_nudge_asks_how_strong_the_urge_is_with_its_two_answers_only() -> None:
    nudge = full_nudge(1, 7, "checking back after your 20-minute pause", prompt_for(RETALIATION_CHECK_TOPIC, 0),
                       recurring=False, topic=RETALIATION_CHECK_TOPIC)
    assert "How strong is the urge now?" in nudge.text and "give it 20 minutes" not in nudge.text
    assert nudge.buttons == (("Calmer", "/urge_calmer"), ("Still strong", "/urge_still_strong"))
    assert action_buttons(7, False, RETALIATION_CHECK_TOPIC) == nudge.buttons  # also once a discreet nudge is opened


async def test_calmer_notices_it_and_goes_on_with_the_next_step() -> None:
    dispatcher, events = await run(ActionUrgeAnswer(), tracker("urge_calmer", {
        "urge_check": True, "flow": "retaliation", "flow_step": 0.0, "role": "hurt"}))
    texts = [message["text"] for message in dispatcher.messages]
    assert texts == [response_text("utter_urge_calmer"), RETALIATION.steps_for("hurt")[1].text]
    assert slots_of(events) == {"urge_check": None, "flow": "retaliation", "flow_step": 1.0}


async def test_calmer_after_the_flow_was_left_starts_after_the_cool_off() -> None:
    dispatcher, _ = await run(ActionUrgeAnswer(), tracker("urge_calmer", {"urge_check": True, "role": "broke_trust"}))
    assert dispatcher.messages[1]["text"] == RETALIATION.steps_for("broke_trust")[1].text


async def test_still_strong_helps_with_the_urge_and_offers_another_20_minutes() -> None:
    dispatcher, events = await run(ActionUrgeAnswer(), tracker("urge_still_strong", {"urge_check": True}))
    [message] = dispatcher.messages
    assert message["text"] == response_text("utter_urge_still_strong")
    assert [(b["title"], b["payload"]) for b in message["buttons"]] == [
        ("Another 20 minutes", "/wait_20_minutes"), ("Next", "/flow_next"), ("Stop here", "/stop")]
    assert slots_of(events) == {"urge_check": None, "flow": "retaliation", "flow_step": 0.0}


async def test_the_urge_said_again_while_a_check_back_waits_is_read_as_still_strong() -> None:
    dispatcher, events = await run(ActionStartFlow(), tracker("struggle_retaliation", {"urge_check": True},
                                                             "i still want to hurt him"))
    assert [message["text"] for message in dispatcher.messages] == [response_text("utter_urge_still_strong")]
    assert slots_of(events)["urge_check"] is None


async def test_bit_better_outside_a_check_back_is_taken_like_ok() -> None:
    dwelling = load_guidance().flows["dwelling"]
    dispatcher, _ = await run(ActionUrgeAnswer(), tracker("urge_calmer", {"flow": "dwelling", "flow_step": 0.0}))
    assert [message["text"] for message in dispatcher.messages] == [dwelling.steps_for(None)[1].text]
    dispatcher, _ = await run(ActionUrgeAnswer(), tracker("urge_calmer"))
    assert dispatcher.messages[0]["text"] == response_text("utter_affirm_idle")
