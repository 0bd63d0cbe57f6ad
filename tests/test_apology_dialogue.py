"""The apology walkthrough through the real agent (NLU, rules, form, action server, SQLite):
a whole walkthrough with a nudge, edit and save; stop and crisis mid-form; resume after a
restart; and end to end through the fake Telegram server."""

from __future__ import annotations

import pytest

from actions.apology_draft import REMINDER_TEXT
from bot.rasa.bridge import BotReply, RasaBridge
from coach.apology import store as storage
from testing.dialogue import say
from testing.apology_answers import CLEAN, FLAGGED
from testing.telegram import buttons_of, running_bot, wait_for_keyboard
from testing.texts import response_text

INTRO = response_text("utter_apology_intro", total=8)
STOPPED = response_text("utter_apology_stopped")

pytestmark = pytest.mark.slow

STEPS_IN_ORDER = list(CLEAN)


def texts(replies: list[BotReply]) -> str:
    return "\n".join(reply.text for reply in replies)


def payloads(replies: list[BotReply]) -> list[str]:
    return [button.payload for reply in replies for button in reply.buttons]


async def tracker_of(bridge: RasaBridge, chat_id: int):
    return await bridge.agent.tracker_store.retrieve(str(chat_id))


async def answer_all(bridge: RasaBridge, chat_id: int, steps: list[str]) -> list[BotReply]:
    replies: list[BotReply] = []
    for step in steps:
        replies = await say(bridge, chat_id, CLEAN[step])
    return replies


async def test_whole_walkthrough_with_a_nudge_an_edit_and_a_save(bridge, db, chat_id) -> None:
    opening = await say(bridge, chat_id, "walk me through saying sorry")
    assert INTRO in texts(opening) and "Question 1 of 8." in texts(opening)

    text, phrase = FLAGGED["what_happened"]
    nudge = await say(bridge, chat_id, text)
    assert f'"{phrase}"' in texts(nudge) and "/apology_keep_wording" in payloads(nudge)
    assert "Question 2 of 8." not in texts(nudge)  # the question waits for the revision

    revised = await say(bridge, chat_id, CLEAN["what_happened"])
    assert "Question 2 of 8." in texts(revised)

    draft = await answer_all(bridge, chat_id, STEPS_IN_ORDER[1:])
    assert CLEAN["request"] in texts(draft)
    assert payloads(draft) == ["/apology_edit", "/apology_restart", "/apology_save", "/apology_done"]
    assert (await tracker_of(bridge, chat_id)).active_loop_name is None

    which = await say(bridge, chat_id, "/apology_edit")
    assert "Which part" in texts(which)
    redo = await say(bridge, chat_id, "4")
    assert "Let's redo this part." in texts(redo)
    new_regret = "I regret every time I looked you in the eye and lied"
    edited = await say(bridge, chat_id, new_regret)
    assert new_regret in texts(edited) and CLEAN["regret"] not in texts(edited)

    saved = await say(bridge, chat_id, "/apology_save")
    assert "Saved as version 1." in texts(saved) and "/set_reminder" in payloads(saved)
    assert (await tracker_of(bridge, chat_id)).get_slot("reminder_suggestion") == REMINDER_TEXT
    stored = storage.latest_draft(db, chat_id)
    assert new_regret in stored.text and stored.change == CLEAN["change"] + "."

    shown = await say(bridge, chat_id, "show my apology")
    assert "version 1" in texts(shown) and new_regret in texts(shown)


async def test_keep_my_wording_after_a_nudge(bridge, chat_id) -> None:
    await say(bridge, chat_id, "/start_apology")
    await answer_all(bridge, chat_id, ["what_happened", "impact"])
    text, _ = FLAGGED["ownership"]
    await say(bridge, chat_id, text)

    kept = await say(bridge, chat_id, "/apology_keep_wording")

    assert "Question 4 of 8." in texts(kept)
    assert (await tracker_of(bridge, chat_id)).get_slot("ownership") == text


async def test_stop_mid_form_leaves_cleanly_and_nothing_is_kept(bridge, db, chat_id) -> None:
    await say(bridge, chat_id, "/start_apology")
    await answer_all(bridge, chat_id, ["what_happened", "impact"])

    stopped = await say(bridge, chat_id, "stop")

    assert STOPPED in texts(stopped)
    tracker = await tracker_of(bridge, chat_id)
    assert tracker.active_loop_name is None and tracker.get_slot("what_happened") is None
    assert storage.load_answers(db, chat_id) == {}
    after = await say(bridge, chat_id, "I lied to you about the money")  # no longer an answer
    assert "Question" not in texts(after)
    assert (await tracker_of(bridge, chat_id)).get_slot("ownership") is None


async def test_a_crisis_message_mid_form_is_answered_by_the_safety_layer(bridge, chat_id) -> None:
    await say(bridge, chat_id, "/start_apology")
    await answer_all(bridge, chat_id, ["what_happened"])

    crisis = await say(bridge, chat_id, "i want to kill myself")

    assert "/safe_now" in payloads(crisis)
    tracker = await tracker_of(bridge, chat_id)
    assert tracker.active_loop_name is None
    assert tracker.get_slot("impact") is None  # the crisis message was not taken as an answer
    assert tracker.get_slot("what_happened") == CLEAN["what_happened"]


@pytest.mark.parametrize("answer", ["I'm sorry. Full stop.", "i was wrong and im sorry, no excuses"])
async def test_a_bare_sorry_mid_form_is_an_answer_not_a_crisis(bridge, chat_id, answer: str) -> None:
    """Stop 26: the crisis head once read "I'm sorry. Full stop." typed in the walkthrough as a
    crisis (0.98 against the form's 0.975) and sent the emergency line; it is the answer it looks like."""
    await say(bridge, chat_id, "/start_apology")
    await answer_all(bridge, chat_id, ["what_happened"])

    replies = await say(bridge, chat_id, answer)

    assert "/safe_now" not in payloads(replies)
    tracker = await tracker_of(bridge, chat_id)
    assert tracker.active_loop_name == "apology_form"
    assert tracker.get_slot("what_happened") == CLEAN["what_happened"]


async def test_an_unfinished_walkthrough_continues_after_a_restart(bridge, session_settings, action_secret, chat_id) -> None:
    await say(bridge, chat_id, "/apology_restart")
    await answer_all(bridge, chat_id, ["what_happened", "impact"])

    restarted = RasaBridge.load(session_settings, action_secret)  # a new process would load the same way
    next_question = await say(restarted, chat_id, CLEAN["ownership"])

    assert "Question 4 of 8." in texts(next_question)
    tracker = await tracker_of(restarted, chat_id)
    assert tracker.active_loop_name == "apology_form"
    assert [tracker.get_slot(step) for step in STEPS_IN_ORDER[:3]] == [CLEAN[s] for s in STEPS_IN_ORDER[:3]]


async def test_end_to_end_through_telegram(session_settings, bridge, db, chat_id) -> None:
    async with running_bot(session_settings, bridge, db) as server:
        commands = await server.wait_for_calls("setMyCommands", 1)
        assert {"apology", "myapology"} <= {c["command"] for c in commands[0].params["commands"]}

        server.push_text(chat_id, "/apology")
        await server.wait_for_calls("sendMessage", 2, chat_id=chat_id)
        for step in STEPS_IN_ORDER:
            sent = len(server.calls_of("sendMessage", chat_id=chat_id))
            server.push_text(chat_id, CLEAN[step])
            await server.wait_for_calls("sendMessage", sent + 1, chat_id=chat_id)
        await server.wait_until_idle(quiet=0.5)
        draft = server.calls_of("sendMessage", chat_id=chat_id)[-1]
        assert CLEAN["change"] in draft.params["text"]
        assert ("Save", "/apology_save") in buttons_of(draft)

        sent = len(server.calls_of("sendMessage", chat_id=chat_id))
        server.push_callback(chat_id, "/apology_save", message_id=draft.result["message_id"])
        [saved] = await wait_for_keyboard(server, chat_id, after=sent)
        assert saved.params["text"].startswith("Saved as version 1.")
        assert ("Remind me in 3 days", "/set_reminder") in buttons_of(saved)
        assert storage.latest_draft(db, chat_id).version == 1
