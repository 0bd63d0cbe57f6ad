"""Composition of the draft apology and reading which part to edit (pure functions)."""

from __future__ import annotations

import pytest

from coach.apology.draft import CLOSING, OPENING, as_sentence, compose_draft, part_from_reply, snippet

ANSWERS = {
    "what_happened": "i hid the messages with my ex from you for three months",
    "impact": "you felt humiliated and alone, and you stopped sleeping",
    "ownership": "that was my choice and nobody else's",
    "regret": "i regret lying to your face when you asked me",
    "change": "i've blocked her number and i'll show you my phone whenever you ask",
    "request": "When you're ready, could we talk again next week?",
}


def test_draft_keeps_every_answer_in_order_between_opening_and_closing() -> None:
    draft = compose_draft(ANSWERS)
    paragraphs = draft.split("\n\n")

    assert paragraphs[0] == OPENING and paragraphs[-1] == CLOSING
    assert paragraphs[1] == (
        "I'm sorry. I hid the messages with my ex from you for three months. "
        "I know what it did to you. You felt humiliated and alone, and you stopped sleeping."
    )
    assert paragraphs[2] == "That was my choice and nobody else's. I regret lying to your face when you asked me."
    assert paragraphs[3] == (
        "This is what I'm going to do differently. I've blocked her number and I'll show you my phone whenever you ask."
    )
    assert paragraphs[4] == "There's one thing I'd like to ask of you. When you're ready, could we talk again next week?"


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


@pytest.mark.parametrize(
    "reply, part",
    [
        ("2", "impact"),
        ("number 5 please", "change"),
        ("the second one", "impact"),
        ("first", "what_happened"),
        ("one", "what_happened"),
        ("last one", "request"),
        ("the regret part", "regret"),
        ("the one about how she felt", "impact"),
        ("owning it", "ownership"),
        ("what i'll do differently", "change"),
        ("what i ask her", "request"),
        ("hmm not sure", None),
        ("7", None),
    ],
)
def test_which_part_is_read_from_numbers_ordinals_and_words(reply: str, part: str | None) -> None:
    assert part_from_reply(reply) == part


def test_snippet_shortens_long_answers_only() -> None:
    assert snippet("short answer") == "short answer"
    long = snippet("word " * 30, limit=20)
    assert len(long) <= 20 and long.endswith("…")
