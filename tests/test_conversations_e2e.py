"""Conversations that never trap or drop the person, end to end: the real bot (Application,
Rasa agent, action server, SQLite) over the fake Telegram server, written the way people
type on a phone (no capitals, typos, "ok" instead of a button, a change of mind), each
asserting what the person sees.

The unhappy paths of issue 13 covered here (and the apology walkthrough of issue 14): typed agreement goes on with a flow, "no"
stops it kindly, the same struggle goes on instead of restarting, another struggle
switches with a line that says so, nothing is sent twice in a row, /start is one message,
a message with next to nothing in it gets "tell me a bit more", /forget answered in words,
an apology ended with Done is still there, and a crisis keeps the person's place.
"""

from __future__ import annotations

import pytest

from bot.privacy_commands import FORGET_DONE, FORGET_NOT_YET
from coach.apology import store as storage
from coach.content.guidance import load_guidance
from testing.apology_answers import CLEAN
from testing.app_runner import running_application
from testing.conversation import Person
from testing.harness import TEST_TOKEN, new_chat_id
from testing.texts import response_text

pytestmark = pytest.mark.slow

GUIDANCE = load_guidance()


@pytest.fixture
async def chat(session_settings, bridge, db):
    """A person in a new chat with the running bot."""
    async with running_application(session_settings, bridge, db, TEST_TOKEN) as (server, tracked):
        yield Person(server, tracked, new_chat_id())


def no_message_twice_in_a_row(person: Person) -> bool:
    texts = person.all_texts()
    return all(first != second for first, second in zip(texts, texts[1:]))


async def test_typing_ok_goes_on_with_the_flow_like_next(chat: Person) -> None:
    asked = await chat.says("i cant stop replaying what she did, over and over")
    assert "Both of us" in asked.titles  # the role question first: stuck on the past differs by side
    first = await chat.presses("I was hurt")
    assert "Next" in first.titles
    second = await chat.says("ok")
    assert second.text and second.text != first.text
    assert not second.says("What would you like to look at")  # the flow was not dropped
    third = await chat.says("yep 👍")
    assert third.text not in (first.text, second.text)
    assert no_message_twice_in_a_row(chat)


async def test_not_now_stops_the_flow_kindly(chat: Person) -> None:
    await chat.says("we fight every time we try to talk about the affair")
    stopped = await chat.says("not now")
    assert stopped.says(response_text("utter_flow_paused"))
    after = await chat.says("ok")  # nothing in progress any more: no step appears out of nowhere
    assert after.says(response_text("utter_affirm_idle"))


async def test_more_about_the_same_struggle_goes_on_where_it_was(chat: Person) -> None:
    await chat.says("i keep going back to the night i found out, i cant let it go")
    first = await chat.presses("I was hurt")
    again = await chat.says("honestly i just keep thinking about that night again and again")
    assert first.texts[-1] not in again.texts  # the first step is not sent again
    assert again.says(response_text("utter_flow_continue"))
    assert no_message_twice_in_a_row(chat)


async def test_another_struggle_switches_flow_with_a_line_that_says_so(chat: Person) -> None:
    await chat.says("i keep going back to the night i found out, i cant let it go")
    await chat.presses("It's complicated")
    switched = await chat.says("also he hid a whole credit card from me and i dont know what else he hides with money")
    money = GUIDANCE.flows["money"]
    assert switched.says(response_text("utter_flow_switch", topic=money.title))


async def test_start_is_one_message_with_the_topics(chat: Person) -> None:
    welcome = await chat.says("/start")
    assert len(welcome.calls) == 1
    assert welcome.says("not a therapist", "/forget")
    assert ("Urge to get even", "/struggle_retaliation") in welcome.buttons


@pytest.mark.parametrize("text", ["😔", "hmm", "ok so"])
async def test_next_to_nothing_gets_a_kind_tell_me_more_with_the_topics(chat: Person, text: str) -> None:
    turn = await chat.says(text)
    assert turn.says(response_text("utter_conversation_tell_more")) or turn.says("What would you like to look at")
    assert len(turn.titles) >= 3  # never a question with only "Something else"


async def test_forget_answered_in_words(chat: Person) -> None:
    await chat.says("i keep replaying what she did")
    await chat.says("/forget")
    unsure = await chat.says("wait what does that delete")
    assert unsure.says(FORGET_NOT_YET)  # nothing happened yet, and it says so
    done = await chat.says("yes")
    assert done.says(FORGET_DONE)


async def test_forget_answered_no_in_words_keeps_everything(chat: Person) -> None:
    await chat.says("/forget")
    kept = await chat.says("nope keep it")
    assert kept.says("nothing was deleted")
    followup = await chat.says("yes")  # the question is closed: this goes to the coach again
    assert not followup.says(FORGET_DONE)


async def test_an_apology_ended_with_done_is_still_there(chat: Person) -> None:
    await chat.says("can you walk me through saying sorry to my wife")
    for answer in CLEAN.values():
        turn = await chat.says(answer)
    assert "Done" in turn.titles
    await chat.presses("Done")
    shown = await chat.says("show my apology")
    assert shown.says("not saved yet") and shown.says(CLEAN["request"][:25])
    saved = await chat.presses("Save")
    assert saved.says("Saved as version 1")


async def test_a_crisis_in_the_walkthrough_keeps_the_place_and_the_answers(chat: Person) -> None:
    await chat.says("/apology")
    await chat.says(CLEAN["what_happened"])
    crisis = await chat.says("i really dont want to be alive anymore")
    assert "I'm safe right now" in crisis.titles
    safe = await chat.presses("I'm safe right now")
    assert safe.says(response_text("utter_resume_offer_apology"))
    back = await chat.says("ok")
    assert back.says("Question 2 of 8")  # the first answer was kept


async def test_a_crisis_in_a_flow_offers_the_step_again_and_not_now_is_respected(chat: Person) -> None:
    first = await chat.says("my husband checks everything i do and says he'll never believe me")
    crisis = await chat.says("he hit me last night and i am scared to go home")
    assert "I'm safe right now" in crisis.titles
    safe = await chat.presses("I'm safe right now")
    assert safe.says(response_text("utter_resume_offer_flow"))
    back = await chat.presses("Yes, let's go back")
    assert back.texts[-1] == first.texts[-1]  # the step they were on, shown again
    assert no_message_twice_in_a_row(chat)


async def test_a_question_about_the_coach_in_a_flow_then_ok_goes_on(chat: Person) -> None:
    first = await chat.says("we live like roomates now, no touching no talking")
    about = await chat.says("wait are you a real person")
    assert about.says(response_text("utter_bot_challenge").split(".")[0])
    on = await chat.says("ok go on")
    assert on.text and on.text != first.text


async def test_a_question_while_the_reminder_form_asks_is_answered_and_the_form_goes_on(chat: Person) -> None:
    first = await chat.says("/remind")  # a new person: the time zone comes first
    assert first.says("time zone")
    about = await chat.says("are you a bot or a real person??")
    assert about.says(response_text("utter_bot_challenge").split(".")[0])
    assert about.says("time zone")  # the same question again, not "I couldn't place that one"
    zone = await chat.says("copenhagen")
    assert zone.says("When should I nudge you")


async def test_asking_for_my_reminders_inside_the_reminder_form_shows_them_and_offers_to_go_back(chat: Person) -> None:
    await chat.says("/remind")
    listed = await chat.says("show me my reminders")
    assert listed.says(response_text("utter_back_to_reminder"))
    assert not listed.says("couldn't")
    back = await chat.presses("Yes, let's go back")
    assert back.says("time zone")  # the form picks up at its next question


async def test_i_dont_know_in_the_apology_gets_help_and_is_not_kept_as_the_answer(chat: Person, db) -> None:
    await chat.says("/apology")
    helped = await chat.says("idk honestly")
    assert helped.says("For example")
    assert not helped.says("Question 2 of 8")
    answered = await chat.says(CLEAN["what_happened"])
    assert answered.says("Question 2 of 8")
    assert storage.load_answers(db, chat.chat_id) == {"what_happened": CLEAN["what_happened"]}


async def test_the_whole_apology_as_people_type_it_with_amends_and_the_honesty_check(chat: Person) -> None:
    """Issue 14: eight questions, typed on a phone; self-focus, "idk", a third-person answer, a
    "no" to the honesty check and "please forgive me" all get the right answer; the draft says
    it to them, offers honest answers, and its closing doesn't contradict the request."""
    opening = await chat.says("can u walk me through saying sorry to my wife")
    assert opening.says("Question 1 of 8")
    second = await chat.says("i lied to you about where i was every friday for 2 months")
    assert second.says("Question 2 of 8")

    self_focus = await chat.says("ive been so miserable since you found out")
    assert self_focus.says("what they went through") and not self_focus.says("excuse")
    assert "Keep my wording" in self_focus.titles
    third = await chat.says("she felt stupid for beleiving me and she cant sleep")
    assert third.says("Question 3 of 8")

    await chat.says("it was my choice, nobody made me, its on me")
    amends_question = await chat.says("i regret lying to your face when you asked me straight out")
    assert amends_question.says("Question 5 of 8", "putting right")
    helped = await chat.says("idk")
    assert helped.says("For example") and not helped.says("Question 6 of 8")
    change_question = await chat.says("ill pay back the money i took from our savings, 200 every month")
    assert change_question.says("Question 6 of 8")
    honesty_question = await chat.says("i blocked his number and ill show you my phone whenever you ask")
    assert honesty_question.says("Question 7 of 8", "still want to know")
    request_question = await chat.says("no nothing else")
    assert request_question.says("Question 8 of 8")

    pressure = await chat.says("please forgive me")
    assert pressure.says("pressure")
    draft = await chat.presses("Keep my wording")
    assert draft.says("You felt stupid for beleiving me and you cant sleep.")  # said to her, typo kept
    assert draft.says("I want to start putting right what I can. Ill pay back the money I took")  # their words
    assert draft.says("If there's anything you want to ask me, I'll answer you honestly.")
    assert draft.says("Please forgive me.") and not draft.says("not asking you to forgive")
    assert not draft.says("I know what it did to you")

    tips = await chat.presses("Done")
    assert tips.says("stay silent", "either way")
    saved = await chat.presses("Save")
    assert saved.says("Saved as version 1", "not a prompt to ask them")
    assert no_message_twice_in_a_row(chat)


async def test_an_unclear_she_in_the_apology_is_asked_about_and_a_yes_to_the_honesty_check_too(chat: Person) -> None:
    await chat.says("/apology")
    await chat.says("i hid a credit card from you and spent 3000 on it")
    unclear = await chat.says("she was so embarrassed when her mum found out")
    assert unclear.says('with "you"')
    revised = await chat.says("you were embarrassed in front of your mum and you felt you couldnt trust me with money")
    assert revised.says("Question 3 of 8")
    for text in ("that was my choice and nobody elses", "i regret lying when you asked about the statements",
                 "ill pay off the card myself and give you the statements every month",
                 "ive closed the card and the bank app is open to you whenever you want"):
        turn = await chat.says(text)
    assert turn.says("Question 7 of 8")
    bare = await chat.says("yeah there is")
    assert bare.says("What is it?") and not bare.says("Question 8 of 8")
    told = await chat.says("there was a second card too, i closed it last week")
    assert told.says("Question 8 of 8")
    draft = await chat.says("could we talk about money together when you feel ready")
    assert draft.says("There's something more you should know", "There was a second card too")
    assert draft.says("I'm not asking you to forgive me now")


# -- the retaliation check-back (issue 14): the urge, 20 minutes later ------------------------

async def test_the_check_back_asks_how_strong_the_urge_is_and_goes_on_from_a_typed_answer(chat: Person, db) -> None:
    first = await chat.says("i want to get back at him so bad, i want him to feel what i felt")
    assert first.says("give it 20 minutes") and "Wait 20 minutes, then check back" in first.titles  # the cool-off comes first
    waiting = await chat.presses("Wait 20 minutes, then check back")
    assert waiting.says("I'll check back with you in 20 minutes")

    nudge = await chat.gets_next_nudge(db)
    assert nudge.says("How strong is the urge now?") and not nudge.says("give it 20 minutes")
    assert nudge.titles == ["Calmer", "Still strong"]  # no snooze: it's a question

    still = await chat.says("still want to")
    assert still.says(response_text("utter_urge_still_strong"))
    assert "Another 20 minutes" in still.titles
    again = await chat.presses("Another 20 minutes")
    assert again.says("I'll check back with you in 20 minutes")

    await chat.gets_next_nudge(db)
    calmer = await chat.says("bit better")
    assert calmer.says(response_text("utter_urge_calmer"))
    retaliation = GUIDANCE.flows["retaliation"]
    assert calmer.texts[-1] == retaliation.steps_for("hurt")[1].text  # goes on with the flow
    assert no_message_twice_in_a_row(chat)


async def test_pressing_calmer_goes_on_and_a_typed_urge_at_the_check_back_counts_as_still_strong(chat: Person, db) -> None:
    await chat.says("i just want revenge on her for cheating")
    await chat.presses("Wait 20 minutes, then check back")
    await chat.gets_next_nudge(db)
    urge = await chat.says("honestly i still want to hurt her back")
    assert urge.says(response_text("utter_urge_still_strong"))

    again = await chat.presses("Another 20 minutes")
    assert again.says("I'll check back with you in 20 minutes"), again.texts
    await chat.gets_next_nudge(db)
    calmer = await chat.presses("Calmer")
    assert calmer.says(response_text("utter_urge_calmer")) and "Next" in calmer.titles


async def test_talking_on_instead_of_answering_the_role_question_starts_the_flow_without_asking_again(chat: Person) -> None:
    asked = await chat.says("i keep going back to the night i found out")
    assert asked.says(response_text("utter_flow_role_question"))
    went_on = await chat.says("i just keep thinking about that night again and again")
    assert went_on.texts == [GUIDANCE.flows["dwelling"].steps_for(None)[0].text]


async def test_both_of_us_is_an_answer_to_the_role_question(chat: Person) -> None:
    question = await chat.says("we cant talk about anything without it turning into a fight")
    assert {"Both of us", "It's complicated"} <= set(question.titles)
    answered = await chat.says("both of us tbh")
    assert answered.says(response_text("utter_flow_role_ack_both"))
    communication = GUIDANCE.flows["communication"]
    assert answered.texts[-1] == communication.steps_for("both")[0].text
