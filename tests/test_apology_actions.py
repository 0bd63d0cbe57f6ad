"""Unit tests of the apology walkthrough's actions: rasa_sdk Trackers, a RenderingDispatcher and a
temporary database; no model needed.

The form validation runs through ``ValidateApologyForm.run`` the way Rasa calls it: the
tracker's trailing slot events are the candidates, ``requested_slot`` says which question
was asked, and the returned ``requested_slot`` says what the form asks next.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker

from actions import apology_state
from coach.apology.analyzer import STEPS
from coach.apology.content import load_apology_content
from coach.apology.draft import compose_draft, snippet
from actions.apology_draft import (
    ActionApologyCompose,
    ActionApologyDelete,
    ActionApologyDone,
    ActionApologyEdit,
    ActionApologyRestart,
    ActionApologySave,
    ActionShowApology,
    REMINDER_TEXT,
)
from actions.apology_form import (
    NO_EDIT,
    ActionApologyStop,
    ActionAskApologyEditPart,
    ActionAskChange,
    ActionAskImpact,
    ActionAskWhatHappened,
    ActionStartApology,
    ValidateApologyForm,
)
from coach.apology import store as storage
from coach.storage.db import Database
from testing.apology_answers import CLEAN, FLAGGED
from testing.texts import RenderingDispatcher, response_buttons, response_text

DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[1] / "domain.yml").read_text(encoding="utf-8"))
CHAT = 501
@pytest.fixture
def db(tmp_path, monkeypatch) -> Database:
    database = Database(f"sqlite:///{tmp_path / 'actions.db'}")
    database.migrate()
    monkeypatch.setattr(apology_state, "database", lambda: database)
    yield database
    database.dispose()


def tracker(slots: dict[str, Any] | None = None, text: str = "", intent: str = "nlu_fallback",
            candidates: dict[str, Any] | None = None, sender_id: str = str(CHAT)) -> Tracker:
    """A tracker after a user message; ``candidates`` are the slot values extracted from it."""
    slot_values = {**(slots or {}), **(candidates or {})}
    events: list[dict[str, Any]] = [
        {"event": "user", "text": text, "parse_data": {"intent": {"name": intent, "confidence": 1.0}}},
        {"event": "action", "name": "apology_form"},
        *({"event": "slot", "name": name, "value": value} for name, value in (candidates or {}).items()),
    ]
    return Tracker(
        sender_id=sender_id,
        slots=slot_values,
        latest_message={"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": [], "intent_ranking": []},
        events=events, paused=False, followup_action=None, active_loop={"name": "apology_form"},
        latest_action_name="action_listen",
    )


def slot_events(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def followups(events: list[dict[str, Any]]) -> list[str]:
    return [e["name"] for e in events if e.get("event") == "followup"]


async def run(action, t: Tracker) -> tuple[RenderingDispatcher, list[dict[str, Any]]]:
    dispatcher = RenderingDispatcher()
    events = await action.run(dispatcher, t, DOMAIN)
    return dispatcher, events


async def answer(step: str, text: str, slots: dict[str, Any] | None = None, intent: str = "nlu_fallback"):
    """Validate ``text`` as the answer to ``step`` (asked just before)."""
    t = tracker({"requested_slot": step, **(slots or {})}, text=text, intent=intent, candidates={step: text})
    dispatcher, events = await run(ValidateApologyForm(), t)
    return dispatcher, slot_events(events)


def earlier_answers(step: str) -> dict[str, str]:
    return {s: CLEAN[s] for s in STEPS[: STEPS.index(step)]}


# -- validation: one branch at a time ---------------------------------------------------------


@pytest.mark.parametrize(
    "step, text, says",
    [
        ("impact", "ive been miserable since you found out, i cant sleep", "what they went through"),
        ("regret", "honestly i feel terrible", "what they went through"),
        ("request", "please forgive me", "pressure"),
        ("impact", "she felt humiliated when my sister told her", 'with "you"'),
        ("honesty", "yeah there is", "What is it?"),
        ("amends", "i'll buy her flowers and take her on a holiday", "buy forgiveness"),
    ],
)
async def test_the_new_kinds_of_feedback_are_kind_nudges_that_can_be_kept(
    step: str, text: str, says: str, db: Database
) -> None:
    dispatcher, slots = await answer(step, text, earlier_answers(step))

    [nudge] = dispatcher.messages
    assert says in nudge["text"] and "excuse" not in nudge["text"]
    assert nudge["buttons"] == [{"title": "Keep my wording", "payload": "/apology_keep_wording"}]
    assert slots["apology_pending_answer"] == text


@pytest.mark.parametrize("text", ["no", "nope nothing else", "no i've told you everything now"])
async def test_no_is_a_whole_answer_to_the_honesty_check(text: str, db: Database) -> None:
    dispatcher, slots = await answer("honesty", text, earlier_answers("honesty"))

    assert dispatcher.messages == []
    assert slots["honesty"] == text and slots["requested_slot"] == "request"


async def test_an_unambiguous_third_person_impact_is_accepted_and_said_to_them_in_the_draft(db: Database) -> None:
    text = "she feels stupid for believing me and she cant sleep"
    dispatcher, slots = await answer("impact", text, earlier_answers("impact"))
    assert dispatcher.messages == [] and slots["impact"] == text

    draft = compose_draft({**CLEAN, "impact": text})
    assert "You feel stupid for believing me and you cant sleep." in draft



@pytest.mark.parametrize("step", STEPS)
async def test_a_sincere_answer_is_accepted_stored_and_the_next_question_follows(step: str, db: Database) -> None:
    dispatcher, slots = await answer(step, CLEAN[step], earlier_answers(step))

    assert dispatcher.messages == []
    assert slots[step] == CLEAN[step]
    assert slots["apology_nudged_slot"] is None and slots["apology_pending_answer"] is None
    following = STEPS[STEPS.index(step) + 1] if step != STEPS[-1] else None
    assert slots["requested_slot"] == following  # None after the last one: the form finishes
    assert storage.load_answers(db, CHAT)[step] == CLEAN[step]


@pytest.mark.parametrize("step", STEPS)
async def test_a_flagged_answer_gets_one_nudge_quoting_the_phrase(step: str, db: Database) -> None:
    text, phrase = FLAGGED[step]
    dispatcher, slots = await answer(step, text, earlier_answers(step))

    [nudge] = dispatcher.messages
    assert f'"{phrase}"' in nudge["text"]
    assert nudge["buttons"] == [{"title": "Keep my wording", "payload": "/apology_keep_wording"}]
    assert slots[step] is None and slots["requested_slot"] == step  # asked again
    assert slots["apology_nudged_slot"] == step and slots["apology_pending_answer"] == text
    assert step not in storage.load_answers(db, CHAT)  # nothing stored half-way


@pytest.mark.parametrize("step", STEPS)
async def test_after_its_nudge_the_next_answer_stands_even_if_flagged(step: str, db: Database) -> None:
    text, _ = FLAGGED[step]
    nudged = {**earlier_answers(step), "apology_nudged_slot": step, "apology_pending_answer": text}
    revised = f"{text} again"
    dispatcher, slots = await answer(step, revised, nudged)

    assert dispatcher.messages == []
    assert slots[step] == revised and slots["apology_nudged_slot"] is None
    assert storage.load_answers(db, CHAT)[step] == revised


async def test_keep_my_wording_takes_the_nudged_answer(db: Database) -> None:
    text, _ = FLAGGED["regret"]
    nudged = {**earlier_answers("regret"), "apology_nudged_slot": "regret", "apology_pending_answer": text}
    dispatcher, slots = await answer("regret", "/apology_keep_wording", nudged, intent="apology_keep_wording")

    assert dispatcher.messages == []
    assert slots["regret"] == text and slots["apology_pending_answer"] is None
    assert slots["requested_slot"] == "amends"


async def test_typed_keep_my_wording_works_too(db: Database) -> None:
    text, _ = FLAGGED["change"]
    nudged = {**earlier_answers("change"), "apology_nudged_slot": "change", "apology_pending_answer": text}
    _, slots = await answer("change", "keep it as i wrote it", nudged, intent="apology_keep_wording")

    assert slots["change"] == text


async def test_a_long_answer_that_sounds_like_keep_is_still_an_answer(db: Database) -> None:
    text, _ = FLAGGED["change"]
    nudged = {**earlier_answers("change"), "apology_nudged_slot": "change", "apology_pending_answer": text}
    long_answer = "I will keep my phone on the kitchen table and you can read whatever you want on it, any time"
    _, slots = await answer("change", long_answer, nudged, intent="apology_keep_wording")

    assert slots["change"] == long_answer


@pytest.mark.parametrize("payload", ["/flow_next", "/apology_save", "/apology_keep_wording"])
async def test_a_stale_button_is_not_taken_as_an_answer(payload: str, db: Database) -> None:
    intent = payload.lstrip("/")
    dispatcher, slots = await answer("impact", payload, earlier_answers("impact"), intent=intent)

    assert [m["text"] for m in dispatcher.messages] == [response_text("utter_apology_not_an_answer")]
    assert slots["impact"] is None and slots["requested_slot"] == "impact"
    assert "apology_nudged_slot" not in slots  # no nudge was used up
    assert storage.load_answers(db, CHAT) == {}


async def test_answers_filled_before_the_question_are_not_checked_again(db: Database) -> None:
    # At (re)activation Rasa validates pre-filled answers; they were checked when given.
    text, _ = FLAGGED["what_happened"]
    t = tracker({"requested_slot": None}, text="/apology_edit", intent="apology_edit", candidates={"what_happened": text})
    dispatcher, events = await run(ValidateApologyForm(), t)

    assert dispatcher.messages == []
    assert slot_events(events)["what_happened"] == text


# -- editing a part -----------------------------------------------------------------------------


async def test_while_editing_the_form_asks_which_part_first(db: Database) -> None:
    form = ValidateApologyForm()
    domain_order = DOMAIN["forms"]["apology_form"]["required_slots"]
    editing = await form.required_slots(domain_order, RenderingDispatcher(), tracker({"apology_editing": True}), DOMAIN)
    writing = await form.required_slots(domain_order, RenderingDispatcher(), tracker(), DOMAIN)

    assert editing == ["apology_edit_part", *STEPS] == domain_order  # Rasa asks the first empty one
    assert writing == list(STEPS)


@pytest.mark.parametrize("reply, part", [("2", "impact"), ("the regret one", "regret"), ("fifth", "amends"), ("6", "change")])
async def test_choosing_a_part_clears_it_so_the_form_asks_it_again(reply: str, part: str, db: Database) -> None:
    t = tracker({**CLEAN, "apology_editing": True, "requested_slot": "apology_edit_part"}, text=reply,
                candidates={"apology_edit_part": reply})
    dispatcher, events = await run(ValidateApologyForm(), t)
    slots = slot_events(events)

    assert dispatcher.messages == []
    assert slots["apology_edit_part"] == part and slots[part] is None  # the one empty slot: asked next


async def test_an_unclear_part_is_asked_once_more_then_the_draft_is_left_as_it_is(db: Database) -> None:
    editing = {**CLEAN, "apology_editing": True, "requested_slot": "apology_edit_part"}
    first = tracker(editing, text="hmm", candidates={"apology_edit_part": "hmm"})
    dispatcher, events = await run(ValidateApologyForm(), first)
    assert [m["text"] for m in dispatcher.messages] == [response_text("utter_apology_edit_part_unclear", total=8)]
    assert slot_events(events)["apology_edit_part"] is None  # asked again

    second = tracker({**editing, "apology_nudged_slot": "apology_edit_part"}, text="no idea",
                     candidates={"apology_edit_part": "no idea"})
    dispatcher, events = await run(ValidateApologyForm(), second)
    slots = slot_events(events)
    assert [m["text"] for m in dispatcher.messages] == [response_text("utter_apology_edit_part_gave_up")]
    assert slots["apology_edit_part"] == NO_EDIT  # every slot filled: the form ends, draft unchanged
    assert all(slots.get(step, CLEAN[step]) == CLEAN[step] for step in STEPS)


# -- asking -------------------------------------------------------------------------------------


async def test_each_question_comes_with_its_why() -> None:
    dispatcher, _ = await run(ActionAskImpact(), tracker({"requested_slot": "impact"}))
    question = load_apology_content().questions["impact"]

    [message] = dispatcher.messages
    assert message["text"].startswith("Question 2 of 8.")
    assert question.text in message["text"] and f"Why it matters: {question.why}" in message["text"]


async def test_the_question_is_not_repeated_right_after_its_nudge() -> None:
    nudged = {"requested_slot": "change", "apology_nudged_slot": "change", "apology_pending_answer": "I'll be better"}
    dispatcher, _ = await run(ActionAskChange(), tracker(nudged))
    assert dispatcher.messages == []


async def test_a_reworked_part_is_introduced_as_such() -> None:
    dispatcher, _ = await run(ActionAskWhatHappened(), tracker({"apology_editing": True}))
    assert dispatcher.messages[0]["text"].startswith("Let's redo this part.")


async def test_which_part_lists_the_eight_with_the_start_of_each_answer() -> None:
    dispatcher, _ = await run(ActionAskApologyEditPart(), tracker({**CLEAN, "apology_editing": True}))
    text = dispatcher.messages[0]["text"]
    assert f"1. What you did: {snippet(CLEAN['what_happened'])}" in text and "…" in text
    assert "8. What you'll ask:" in text


# -- starting and resuming ------------------------------------------------------------------------


async def test_start_introduces_the_walkthrough_and_opens_the_form(db: Database) -> None:
    dispatcher, events = await run(ActionStartApology(), tracker(text="/start_apology", intent="start_apology"))

    assert dispatcher.messages[0]["text"] == response_text("utter_apology_intro", total=8)
    assert followups(events) == ["apology_form"]


async def test_a_hurt_partner_is_told_gently_and_can_still_continue(db: Database) -> None:
    dispatcher, events = await run(ActionStartApology(), tracker({"role": "hurt"}, intent="start_apology"))
    assert dispatcher.messages[0]["text"] == response_text("utter_apology_hurt_role")
    payloads = [b["payload"] for b in dispatcher.messages[0]["buttons"]]
    assert payloads == ["/struggle_apology", "/start_apology"]
    assert followups(events) == [] and slot_events(events) == {"apology_role_warned": True}

    _, events = await run(ActionStartApology(), tracker({"role": "hurt", "apology_role_warned": True}, intent="start_apology"))
    assert followups(events) == ["apology_form"]


async def test_an_unfinished_walkthrough_resumes_where_it_was(db: Database) -> None:
    partial = {"what_happened": CLEAN["what_happened"], "impact": CLEAN["impact"]}
    dispatcher, events = await run(ActionStartApology(), tracker(partial, intent="start_apology"))

    assert "2 of 8 answered" in dispatcher.messages[0]["text"]
    assert followups(events) == ["apology_form"]


async def test_resume_works_from_the_database_when_the_conversation_state_is_gone(db: Database) -> None:
    storage.save_answer(db, CHAT, "what_happened", CLEAN["what_happened"])
    dispatcher, events = await run(ActionStartApology(), tracker(intent="start_apology"))

    assert slot_events(events)["what_happened"] == CLEAN["what_happened"]
    assert "1 of 8 answered" in dispatcher.messages[0]["text"]
    assert followups(events) == ["apology_form"]


async def test_a_finished_draft_is_shown_again_instead_of_starting_over(db: Database) -> None:
    dispatcher, events = await run(ActionStartApology(), tracker(dict(CLEAN), intent="start_apology"))

    assert compose_draft(CLEAN) in dispatcher.messages[0]["text"]
    assert dispatcher.messages[0]["buttons"] == response_buttons("utter_apology_draft")
    assert followups(events) == []


async def test_keep_my_wording_with_nothing_in_progress_says_so(db: Database) -> None:
    dispatcher, events = await run(ActionStartApology(), tracker({"role": "hurt"}, intent="apology_keep_wording"))
    assert dispatcher.messages[0]["text"] == response_text("utter_apology_nothing_to_keep")
    assert followups(events) == []


# -- the finished draft ---------------------------------------------------------------------------


async def test_compose_shows_the_draft_with_its_four_buttons_and_ends_any_edit(db: Database) -> None:
    dispatcher, events = await run(ActionApologyCompose(), tracker({**CLEAN, "apology_editing": True, "apology_edit_part": "impact"}))

    assert compose_draft(CLEAN) in dispatcher.messages[0]["text"]
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == ["Edit a part", "Start over", "Save", "Done"]
    slots = slot_events(events)
    assert slots["apology_editing"] is None and slots["apology_edit_part"] is None


async def test_edit_reopens_the_form_in_edit_mode_only_for_a_finished_draft(db: Database) -> None:
    _, events = await run(ActionApologyEdit(), tracker(dict(CLEAN), intent="apology_edit"))
    assert slot_events(events)["apology_editing"] is True and followups(events) == ["apology_form"]

    dispatcher, events = await run(ActionApologyEdit(), tracker({"impact": CLEAN["impact"]}, intent="apology_edit"))
    assert followups(events) == [] and dispatcher.messages[0]["buttons"][0]["payload"] == "/start_apology"


async def test_start_over_clears_the_answers_but_not_saved_drafts(db: Database) -> None:
    storage.save_answer(db, CHAT, "impact", CLEAN["impact"])
    storage.save_draft(db, CHAT, "An older draft", "c")
    dispatcher, events = await run(ActionApologyRestart(), tracker(dict(CLEAN), intent="apology_restart"))

    assert all(slot_events(events)[step] is None for step in STEPS)
    assert followups(events) == ["apology_form"] and dispatcher.messages[0]["text"] == response_text("utter_apology_intro", total=8)
    assert storage.load_answers(db, CHAT) == {}
    assert storage.latest_draft(db, CHAT).text == "An older draft"


async def test_save_stores_versions_and_offers_a_check_in_reminder(db: Database) -> None:
    dispatcher, events = await run(ActionApologySave(), tracker(dict(CLEAN), intent="apology_save"))
    assert dispatcher.messages[0]["text"].startswith("Saved as version 1.")
    assert {"title": "Remind me in 3 days", "payload": "/set_reminder"} in dispatcher.messages[0]["buttons"]
    assert slot_events(events) == {"reminder_suggestion": REMINDER_TEXT, "reminder_topic": "apology"}
    saved = storage.latest_draft(db, CHAT)
    assert saved.text == compose_draft(CLEAN) and saved.change == CLEAN["change"] + "."

    dispatcher, _ = await run(ActionApologySave(), tracker(dict(CLEAN), intent="apology_save"))
    assert dispatcher.messages[0]["text"].startswith("This one is already saved, as version 1.")

    edited = {**CLEAN, "regret": "I regret every lie I told you"}
    dispatcher, _ = await run(ActionApologySave(), tracker(edited, intent="apology_save"))
    assert dispatcher.messages[0]["text"].startswith("Saved as version 2.")
    assert storage.latest_draft(db, CHAT).version == 2


async def test_done_gives_the_delivery_tips_and_mentions_an_unsaved_draft(db: Database) -> None:
    dispatcher, _ = await run(ActionApologyDone(), tracker(dict(CLEAN), intent="apology_done"))
    text = dispatcher.messages[0]["text"]
    for tip in load_apology_content().tips:
        assert f"- {tip}" in text
    assert "isn't saved yet" in text
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/apology_save"

    storage.save_draft(db, CHAT, compose_draft(CLEAN), CLEAN["change"])
    dispatcher, _ = await run(ActionApologyDone(), tracker(dict(CLEAN), intent="apology_done"))
    assert "isn't saved yet" not in dispatcher.messages[0]["text"]


async def test_show_my_apology_shows_the_last_saved_version_with_a_delete_button(db: Database) -> None:
    dispatcher, _ = await run(ActionShowApology(), tracker(intent="show_apology"))
    assert "haven't saved" in dispatcher.messages[0]["text"]

    storage.save_draft(db, CHAT, "First words", "c1")
    storage.save_draft(db, CHAT, "Better words", "c2")
    dispatcher, _ = await run(ActionShowApology(), tracker(intent="show_apology"))
    text = dispatcher.messages[0]["text"]
    assert "version 2" in text and text.endswith("Better words") and "First words" not in text
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/apology_delete"


async def test_a_draft_finished_with_done_instead_of_save_is_shown_and_said_to_be_unsaved(db: Database) -> None:
    for step, text in CLEAN.items():  # the walkthrough stored every answer; [Done] saved nothing
        storage.save_answer(db, CHAT, step, text)
    dispatcher, events = await run(ActionShowApology(), tracker(intent="show_apology"))  # a later session: no slots
    [reply] = dispatcher.messages
    assert reply["text"].startswith("Your latest draft (not saved yet)")
    assert CLEAN["what_happened"].rstrip(".")[:30] in reply["text"]
    assert [b["payload"] for b in reply["buttons"]][:2] == ["/apology_save", "/apology_edit"]
    assert slot_events(events) == CLEAN  # [Save] and [Change a part] work from here


async def test_a_draft_changed_since_its_saved_version_says_which_is_which(db: Database) -> None:
    storage.save_draft(db, CHAT, "Older words", "c1")
    dispatcher, _ = await run(ActionShowApology(), tracker(dict(CLEAN), intent="show_apology"))
    text = dispatcher.messages[0]["text"]
    assert "not saved yet" in text and "version 1" in text and "Older words" not in text


async def test_delete_removes_every_version_and_the_answers(db: Database) -> None:
    storage.save_draft(db, CHAT, "First words", "c1")
    storage.save_draft(db, CHAT, "Better words", "c2")
    storage.save_answer(db, CHAT, "impact", CLEAN["impact"])
    dispatcher, events = await run(ActionApologyDelete(), tracker(dict(CLEAN), intent="apology_delete"))

    assert "2 versions" in dispatcher.messages[0]["text"]
    assert all(slot_events(events)[step] is None for step in STEPS)
    assert storage.latest_draft(db, CHAT) is None and storage.load_answers(db, CHAT) == {}


# -- stopping -------------------------------------------------------------------------------------


async def test_stop_clears_the_walkthrough_but_keeps_saved_drafts(db: Database) -> None:
    storage.save_answer(db, CHAT, "what_happened", CLEAN["what_happened"])
    storage.save_draft(db, CHAT, "Saved before", "c")
    dispatcher, events = await run(ActionApologyStop(), tracker({"what_happened": CLEAN["what_happened"]}, text="stop", intent="stop"))

    assert dispatcher.messages[0]["text"] == response_text("utter_apology_stopped")
    assert slot_events(events)["what_happened"] is None
    assert storage.load_answers(db, CHAT) == {} and storage.latest_draft(db, CHAT) is not None


async def test_stopping_an_edit_puts_the_part_back_and_shows_the_draft(db: Database) -> None:
    for step, text in CLEAN.items():
        storage.save_answer(db, CHAT, step, text)
    mid_edit = {**CLEAN, "impact": None, "apology_editing": True, "apology_edit_part": "impact"}
    dispatcher, events = await run(ActionApologyStop(), tracker(mid_edit, text="stop", intent="stop"))

    slots = slot_events(events)
    assert slots["impact"] == CLEAN["impact"] and slots["apology_editing"] is None
    assert compose_draft(CLEAN) in dispatcher.messages[0]["text"]
    assert storage.load_answers(db, CHAT) == CLEAN
