"""Composition of the draft apology and reading which part to edit (pure functions)."""

from __future__ import annotations

import pytest

from coach.apology.draft import (
    CLOSING,
    CLOSING_AFTER_ASKING,
    HONESTY_NOTHING_MORE,
    LEAD_INS,
    OPENING,
    as_sentence,
    compose_draft,
    part_from_reply,
    snippet,
)

ANSWERS = {
    "what_happened": "i hid the messages with my ex from you for three months",
    "impact": "you felt humiliated and alone, and you stopped sleeping",
    "ownership": "that was my choice and nobody else's",
    "regret": "i regret lying to your face when you asked me",
    "amends": "i'll tell your sister the truth about what i said about you",
    "change": "i've blocked her number and i'll show you my phone whenever you ask",
    "honesty": "i met him twice more after i told you it was over",
    "request": "When you're ready, could we talk again next week?",
}


def paragraphs_of(answers: dict[str, str]) -> list[str]:
    return compose_draft(answers).split("\n\n")


def test_draft_keeps_every_answer_in_order_between_opening_and_closing() -> None:
    paragraphs = paragraphs_of(ANSWERS)

    assert paragraphs[0] == OPENING and paragraphs[-1] == CLOSING
    assert paragraphs[1] == (
        "I'm sorry. I hid the messages with my ex from you for three months. "
        "Only you can say what this has done to you, and I don't claim to know all of it. "
        "You felt humiliated and alone, and you stopped sleeping."
    )
    assert paragraphs[2] == "That was my choice and nobody else's. I regret lying to your face when you asked me."
    assert paragraphs[3] == (
        "I want to start putting right what I can. I'll tell your sister the truth about what I said about you. "
        "This is what I'm going to do differently. I've blocked her number and I'll show you my phone whenever you ask."
    )
    assert paragraphs[4] == (
        "There's something more you should know, and I want you to hear it from me now. "
        "I met him twice more after I told you it was over."
    )
    assert paragraphs[5] == "There's one thing I'd like to ask of you. When you're ready, could we talk again next week?"


def test_the_impact_is_not_claimed_as_known() -> None:
    draft = compose_draft(ANSWERS)
    assert "I know what it did to you" not in draft
    assert LEAD_INS["impact"] in draft


@pytest.mark.parametrize(
    "asked",
    ["please forgive me", "Can you ever forgive me?", "i'm asking for your forgiveness", "I hope you can forgive me one day"],
)
def test_a_request_for_forgiveness_is_not_followed_by_not_asking_for_it(asked: str) -> None:
    draft = compose_draft({**ANSWERS, "request": asked})
    assert "not asking you to forgive" not in draft
    assert draft.endswith(CLOSING_AFTER_ASKING)
    assert as_sentence(asked) in draft  # their words are kept as they wrote them


def test_a_request_without_forgiveness_keeps_the_closing_that_leaves_it_with_them() -> None:
    assert compose_draft(ANSWERS).endswith(CLOSING)


@pytest.mark.parametrize("answer", ["no", "Nope, nothing else.", "no i've told you everything", "nothing more, that's all"])
def test_nothing_more_to_tell_becomes_an_offer_to_answer_honestly(answer: str) -> None:
    paragraphs = paragraphs_of({**ANSWERS, "honesty": answer})
    assert paragraphs[4] == HONESTY_NOTHING_MORE
    assert LEAD_INS["honesty"] not in "\n".join(paragraphs)


def test_something_still_untold_is_said_in_their_words_with_no_but_dropped() -> None:
    paragraphs = paragraphs_of({**ANSWERS, "honesty": "no, but there was a second card i never told you about"})
    assert paragraphs[4].endswith("No, but there was a second card I never told you about.")


@pytest.mark.parametrize(
    "impact, said_to_them",
    [
        ("she feels humiliated and she stopped sleeping", "You feel humiliated and you stopped sleeping."),
        ("he cried every night and he doesnt trust me anymore", "You cried every night and you dont trust me anymore."),
        ("My wife hasn't slept properly since, and her trust in me is gone",
         "You haven't slept properly since, and your trust in me is gone."),
        ("she's been so anxious she blames herself", "You've been so anxious you blame yourself."),
        ("they stopped eating and their hands shake", "You stopped eating and your hands shake."),
        ("I hurt her so badly and made her feel stupid", "I hurt you so badly and made you feel stupid."),
    ],
)
def test_the_impact_written_about_them_is_said_to_them(impact: str, said_to_them: str) -> None:
    draft = compose_draft({**ANSWERS, "impact": impact})
    assert said_to_them in draft
    assert impact not in draft


@pytest.mark.parametrize(
    "impact",
    [
        "she felt betrayed when my mum told her",  # two women: which one is "her"?
        "she cried and he kept asking what was wrong",  # two people
        "Emma stopped going out and she won't see anyone",  # a name: maybe not the partner
        "she saw me texting her and she broke down",  # the second "her" is the other woman
        "you felt humiliated when she told everyone at work",  # already said to them: "she" is someone else
    ],
)
def test_an_unclear_third_person_is_left_as_written(impact: str) -> None:
    assert as_sentence(impact) in compose_draft({**ANSWERS, "impact": impact})


def test_only_the_steps_about_them_are_turned() -> None:
    """"I kissed her" in what happened is the other person, not the partner."""
    answers = {**ANSWERS, "what_happened": "i kissed her at the christmas party", "request": "could she give me time"}
    draft = compose_draft(answers)
    assert "I kissed her at the christmas party." in draft
    assert "Could you give me time." in draft


def test_an_answer_that_already_apologises_gets_no_extra_sorry() -> None:
    draft = compose_draft({**ANSWERS, "what_happened": "I'm so sorry I read your diary behind your back"})
    assert "I'm sorry. I'm so sorry" not in draft
    assert "I'm so sorry I read your diary behind your back." in draft


@pytest.mark.parametrize(
    "answer, sentence",
    [
        ("i lied", "I lied."),
        ("  i'm   sorry  i lied  ", "I'm sorry I lied."),
        ("Will you give me time?", "Will you give me time?"),
        ("it was wrong and i know it!", "It was wrong and I know it!"),
        ("my iphone, my idea", "My iphone, my idea."),  # only the word "i" is capitalised
    ],
)
def test_answers_are_tidied_into_sentences_with_their_words_untouched(answer: str, sentence: str) -> None:
    assert as_sentence(answer) == sentence


def test_a_missing_answer_cannot_make_a_draft() -> None:
    with pytest.raises(ValueError):
        compose_draft({**ANSWERS, "regret": "  "})
    with pytest.raises(ValueError):
        compose_draft({step: answer for step, answer in ANSWERS.items() if step != "amends"})


@pytest.mark.parametrize(
    "reply, part",
    [
        ("2", "impact"),
        ("number 6 please", "change"),
        ("the second one", "impact"),
        ("first", "what_happened"),
        ("one", "what_happened"),
        ("last one", "request"),
        ("the regret part", "regret"),
        ("the one about how she felt", "impact"),
        ("owning it", "ownership"),
        ("what i'll do differently", "change"),
        ("what i ask her", "request"),
        ("5", "amends"),
        ("how i'll make amends", "amends"),
        ("putting it right", "amends"),
        ("the seventh", "honesty"),
        ("the honesty one", "honesty"),
        ("hmm not sure", None),
        ("9", None),
    ],
)
def test_which_part_is_read_from_numbers_ordinals_and_words(reply: str, part: str | None) -> None:
    assert part_from_reply(reply) == part


def test_snippet_shortens_long_answers_only() -> None:
    assert snippet("short answer") == "short answer"
    long = snippet("word " * 30, limit=20)
    assert len(long) <= 20 and long.endswith("…")
