"""Messages inside a form that are not answers (actions/form_asides.py, actions/step_out.py,
the apology's "I don't know"): answered and asked again, or stepped out of with an offer to
go back; never stored as an answer. Actions run with rasa_sdk Trackers; the same paths
through the real agent and Telegram are in tests/test_conversations_e2e.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.interfaces import ActionExecutionRejection

from actions import apology_state
from actions.apology_form import ActionAskImpact, ValidateApologyForm, is_not_sure
from actions.form_asides import (
    ALL_REQUESTS, APOLOGY, ASIDE_CONFIDENCE, CHECKIN, COACH_QUESTIONS, PLAIN_REQUESTS, REMINDER, STEPS_OUT,
    TIMEZONE, aside, reads_as_aside,
)
from actions.step_out import REQUEST_ACTIONS, ActionStepOutOfForm
from coach.apology.content import load_apology_content
from coach.storage.db import Database
from testing.apology_answers import CLEAN
from testing.texts import RenderingDispatcher, response_text

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
FORM_SLOTS = [(APOLOGY, "impact"), (CHECKIN, "checkin_score"), (CHECKIN, "checkin_note"),
              (REMINDER, "reminder_when"), (REMINDER, "reminder_timezone"), (REMINDER, "reminder_confirmed"),
              (TIMEZONE, "reminder_timezone")]


def tracker(form: str, slot: str, text: str, intent: str, confidence: float = 0.95,
            slots: dict[str, Any] | None = None, events: list[dict[str, Any]] | None = None) -> Tracker:
    return Tracker(
        sender_id="501", slots={"requested_slot": slot, **(slots or {})},
        latest_message={"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": [],
                        "intent_ranking": []},
        events=events or [{"event": "user", "text": text}], paused=False, followup_action=None,
        active_loop={"name": form}, latest_action_name="action_listen",
    )


@pytest.mark.parametrize(("form", "slot"), FORM_SLOTS)
def test_a_question_about_the_coach_is_answered_and_the_question_asked_again(form: str, slot: str) -> None:
    dispatcher = RenderingDispatcher()
    assert aside(form, slot, dispatcher, tracker(form, slot, "wait are you a real person", "bot_challenge")) == {slot: None}
    assert dispatcher.messages[0]["text"] == response_text("utter_bot_challenge")


@pytest.mark.parametrize(("form", "slot"), FORM_SLOTS)
def test_a_request_steps_out_of_every_form(form: str, slot: str) -> None:
    with pytest.raises(ActionExecutionRejection):
        aside(form, slot, RenderingDispatcher(), tracker(form, slot, "show me my reminders", "list_reminders"))


@pytest.mark.parametrize(("form", "slot"), FORM_SLOTS)
def test_an_unsure_guess_is_an_answer(form: str, slot: str) -> None:
    unsure = tracker(form, slot, "i told her i was at work", "list_reminders", confidence=ASIDE_CONFIDENCE - 0.05)
    assert aside(form, slot, RenderingDispatcher(), unsure) is None


def test_in_free_text_answers_a_mention_of_therapy_is_an_answer_but_a_question_is_not() -> None:
    answer = "i would ask you to come to couples therapy with me when you are ready"
    assert aside(APOLOGY, "request", RenderingDispatcher(), tracker(APOLOGY, "request", answer, "faq_therapy")) is None
    question = "should we see a therapist"
    dispatcher = RenderingDispatcher()
    assert aside(APOLOGY, "request", dispatcher, tracker(APOLOGY, "request", question, "faq_therapy")) == {"request": None}
    assert dispatcher.messages[0]["text"] == response_text("utter_faq_therapy")


def test_in_free_text_answers_a_struggle_is_an_answer_but_not_in_short_ones() -> None:
    answer = "you felt you couldnt trust anything i said about money"
    assert aside(APOLOGY, "impact", RenderingDispatcher(), tracker(APOLOGY, "impact", answer, "struggle_money")) is None
    assert aside(CHECKIN, "checkin_note", RenderingDispatcher(), tracker(CHECKIN, "checkin_note", answer, "struggle_money")) is None
    with pytest.raises(ActionExecutionRejection):
        aside(REMINDER, "reminder_when", RenderingDispatcher(), tracker(REMINDER, "reminder_when", answer, "struggle_money"))


def test_every_request_that_leaves_a_form_has_an_action_and_a_rule() -> None:
    assert set(REQUEST_ACTIONS) == ALL_REQUESTS
    rules = yaml.safe_load((ROOT / "stories" / "forms.yml").read_text(encoding="utf-8"))["rules"]
    by_form = {rule["condition"][0]["active_loop"]: {step["intent"] for step in rule["steps"][0]["or"]} for rule in rules}
    for (form, _), intents in STEPS_OUT.items():
        assert intents <= by_form[form], form
    assert PLAIN_REQUESTS <= by_form[APOLOGY]
    assert set(COACH_QUESTIONS.values()) <= set(DOMAIN["responses"])


@pytest.mark.parametrize("text", ["idk", "I don't know", "i dont know tbh", "not sure", "skip", "help", "no idea",
                                  "what do you mean?", "??", "dunno"])
def test_not_sure_is_recognised(text: str) -> None:
    assert is_not_sure(text)


@pytest.mark.parametrize("text", ["I don't know why I did it, but I lied about the trips",
                                  "you felt like you didnt know who i was anymore", "I skipped your birthday dinner"])
def test_a_real_answer_that_mentions_not_knowing_is_an_answer(text: str) -> None:
    assert not is_not_sure(text)


@pytest.fixture
def db(tmp_path, monkeypatch) -> Database:
    database = Database(f"sqlite:///{tmp_path / 'asides.db'}")
    database.migrate()
    monkeypatch.setattr(apology_state, "database", lambda: database)
    yield database
    database.dispose()


async def validate_impact(text: str, slots: dict[str, Any] | None = None, intent: str = "nlu_fallback"):
    t = tracker(APOLOGY, "impact", text, intent, slots={"what_happened": CLEAN["what_happened"], **(slots or {}),
                                                        "impact": text},
                events=[{"event": "user", "text": text}, {"event": "slot", "name": "impact", "value": text}])
    dispatcher = RenderingDispatcher()
    events = await ValidateApologyForm().run(dispatcher, t, DOMAIN)
    return dispatcher, {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


async def test_i_dont_know_gets_help_with_the_question_and_is_not_stored(db: Database) -> None:
    dispatcher, slots = await validate_impact("idk")
    help_text = load_apology_content().questions["impact"].help
    assert help_text in dispatcher.messages[0]["text"]
    assert slots["impact"] is None and slots[apology_state.HELPED_SLOT] == "impact"
    assert "impact" not in apology_state.storage.load_answers(db, 501)

    again, slots = await validate_impact("still dont know", slots={apology_state.HELPED_SLOT: "impact"})
    assert again.messages[0]["text"] == response_text("utter_apology_question_help_again")  # not the same twice
    assert slots["impact"] is None


async def test_right_after_help_the_question_is_not_repeated_but_later_it_is() -> None:
    helped = [{"event": "user", "text": "idk"}, {"event": "slot", "name": apology_state.HELPED_SLOT, "value": "impact"}]
    t = tracker(APOLOGY, "impact", "idk", "nlu_fallback", slots={apology_state.HELPED_SLOT: "impact"}, events=helped)
    dispatcher = RenderingDispatcher()
    assert await ActionAskImpact().run(dispatcher, t, DOMAIN) == [] and dispatcher.messages == []
    later = tracker(APOLOGY, "impact", "are you a bot", "bot_challenge", slots={apology_state.HELPED_SLOT: "impact"})
    dispatcher = RenderingDispatcher()
    await ActionAskImpact().run(dispatcher, later, DOMAIN)
    assert "Question 2 of 8." in dispatcher.messages[0]["text"]


async def test_an_answer_after_help_is_taken_and_the_help_mark_cleared(db: Database) -> None:
    _, slots = await validate_impact(CLEAN["impact"], slots={apology_state.HELPED_SLOT: "impact"})
    assert slots["impact"] == CLEAN["impact"] and slots[apology_state.HELPED_SLOT] is None


async def test_bye_inside_a_form_says_goodbye_keeps_the_place_and_offers_nothing(db: Database) -> None:
    t = tracker(CHECKIN, "checkin_note", "bye for now", "goodbye", slots={"checkin_score": 3})
    dispatcher = RenderingDispatcher()
    events = await ActionStepOutOfForm().run(dispatcher, t, DOMAIN)
    assert [message["text"] for message in dispatcher.messages] == [response_text("utter_goodbye")]
    assert ("slot", "resume_point", CHECKIN) in {(e["event"], e.get("name"), e.get("value")) for e in events}


async def test_stepping_out_acts_on_the_request_and_offers_to_go_back(db: Database) -> None:
    t = tracker(APOLOGY, "impact", "show me my apology", "show_apology", slots={"what_happened": CLEAN["what_happened"]})
    dispatcher = RenderingDispatcher()
    events = await ActionStepOutOfForm().run(dispatcher, t, DOMAIN)
    texts = [message["text"] for message in dispatcher.messages]
    assert texts[0] == response_text("utter_apology_none_saved")  # the request, answered as outside the form
    assert texts[-1] == response_text("utter_back_to_apology", number=2, total=8)
    assert [b["payload"] for b in dispatcher.messages[-1]["buttons"]] == ["/resume_previous", "/deny"]
    assert {(event["event"], event.get("name"), event.get("value")) for event in events} >= {
        ("active_loop", None, None), ("slot", "resume_point", APOLOGY)}


# -- the property: no form question traps a message of another top-level intent --------------

NOT_TOP_LEVEL = {"stop", "crisis_self_harm", "crisis_abuse", "crisis_emergency", "safe_now", "resume_previous",
                 "affirm", "deny", "flow_next", "role_hurt", "role_broke_trust", "role_both", "role_complicated",
                 "urge_calmer", "urge_still_strong", "apology_keep_wording",
                 "apology_edit", "apology_restart", "apology_save", "apology_done", "apology_delete",
                 "checkin_score_one", "checkin_score_two", "checkin_score_three", "checkin_score_four",
                 "checkin_score_five",
                 "out_of_scope"}  # stop and crisis go first by rule; the rest are answers or buttons;
# off-topic words at a question are read as a try at answering it ("narnia" for the time
# zone gets "I couldn't place that one", which is the right reply)
OWN_REQUESTS = {APOLOGY: {"start_apology"}, CHECKIN: {"checkin"}, REMINDER: {"set_reminder", "set_timezone"},
                TIMEZONE: {"set_timezone"}}
FREE_TEXT = {(APOLOGY, "impact"), (CHECKIN, "checkin_note")}  # any words are an answer there


def first_examples() -> dict[str, str]:
    examples: dict[str, str] = {}
    for path in sorted((ROOT / "nlu").glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" in item and item["intent"] not in examples:
                lines = [line[2:].strip() for line in item["examples"].splitlines() if line.strip().startswith("- ")]
                examples[item["intent"]] = lines[0]
    return examples


EXAMPLES = first_examples()
TOP_LEVEL = sorted(set(DOMAIN["intents"]) - NOT_TOP_LEVEL)


@pytest.mark.parametrize(("form", "slot"), FORM_SLOTS)
def test_every_other_top_level_intent_is_answered_or_acted_on_never_trapped(form: str, slot: str) -> None:
    trapped = []
    for intent in TOP_LEVEL:
        if intent in OWN_REQUESTS[form]:
            continue
        dispatcher = RenderingDispatcher()
        try:
            handled = aside(form, slot, dispatcher, tracker(form, slot, EXAMPLES[intent], intent))
        except ActionExecutionRejection:
            assert intent in REQUEST_ACTIONS  # stepped out: acted on by the same action as outside
            continue
        if handled is None:
            if form == APOLOGY and intent == "help":
                continue  # the apology's own help with the question (test above)
            if (form, slot) not in FREE_TEXT or (intent in COACH_QUESTIONS and reads_as_aside(EXAMPLES[intent])):
                trapped.append(intent)
            continue
        assert handled == {slot: None} and dispatcher.messages, intent  # answered, then asked again
    assert trapped == [], f"{form}/{slot} would answer these with its 'didn't understand' line"
