"""The walkthrough's feedback for issue 14: self-focus is not an excuse, forgiveness asked for
now, an unclear "she", gifts offered as amends, and a bare "yes" to the honesty check."""

from __future__ import annotations

import pytest

from coach.apology.analyzer import KIND_TEXTS, analyze, describe
from coach.apology.honesty import only_says_yes, says_nothing_more


def kinds(text: str, step: str) -> list[str]:
    return [flag.kind for flag in analyze(text, step)]


@pytest.mark.parametrize(
    "text, step",
    [
        ("I've been miserable since you found out", "impact"),
        ("i was miserable, i cried every night", "impact"),  # asked about them, this is about me
        ("im so ashamed of myself i cant even eat", "regret"),
        ("it's been really hard on me too", "impact"),
        ("I hate myself and I can't sleep", "ownership"),
    ],
)
def test_self_focus_gets_its_own_feedback_and_is_not_called_an_excuse(text: str, step: str) -> None:
    found = kinds(text, step)
    assert "self_focus" in found and "excuse" not in found
    message = describe(analyze(text, step)[0])
    assert "what they went through" in message and "excuse" not in message


@pytest.mark.parametrize(
    "text, step",
    [
        ("I feel terrible about lying to you for months", "regret"),
        ("I'm ashamed that I let you think you were imagining it", "regret"),
        ("I hate myself for what I did to you", "ownership"),
    ],
)
def test_feelings_aimed_at_the_act_are_regret_not_self_focus(text: str, step: str) -> None:
    assert "self_focus" not in kinds(text, step)


def test_a_reason_before_the_act_is_still_an_excuse() -> None:
    assert kinds("i was lonely so i started texting him", "what_happened")[:1] == ["excuse"]


@pytest.mark.parametrize("text", ["please forgive me", "can u forgive me?", "I'm asking for your forgiveness"])
def test_asking_for_forgiveness_now_gets_a_gentle_word_about_pressure(text: str) -> None:
    [flag] = [flag for flag in analyze(text, "request") if flag.kind == "forgiveness_ask"]
    assert "pressure" in flag.why and "natural" in flag.why


@pytest.mark.parametrize(
    "text",
    ["I hope one day you can forgive me", "I'm not asking you to forgive me, just to let me show you", "could we talk next week"],
)
def test_forgiveness_left_to_them_is_not_flagged(text: str) -> None:
    assert "forgiveness_ask" not in kinds(text, "request")


def test_a_demand_is_named_as_a_demand_not_twice() -> None:
    assert kinds("you have to forgive me", "request") == ["demanding"]


@pytest.mark.parametrize(
    "text, word",
    [
        ("she felt betrayed when my mum told her", "she"),
        ("she cried every night and he kept asking what was wrong", "she"),
        ("Emma stopped going out and she won't see anyone", "she"),
    ],
)
def test_an_unclear_third_person_asks_to_say_it_to_them_directly(text: str, word: str) -> None:
    flags = [flag for flag in analyze(text, "impact") if flag.kind == "third_person"]
    assert [flag.phrase for flag in flags] == [word]
    assert KIND_TEXTS["third_person"].ask in describe(flags[0])


@pytest.mark.parametrize(
    "text",
    ["she feels humiliated and she stopped eating", "you cried when she told everyone", "my husband barely sleeps now"],
)
def test_a_clear_or_direct_answer_is_not_asked_again(text: str) -> None:
    assert "third_person" not in kinds(text, "impact")


def test_the_third_person_is_only_checked_where_the_partner_is_the_subject() -> None:
    assert "third_person" not in kinds("i kissed her while he watched", "what_happened")


@pytest.mark.parametrize("text", ["i'll buy you a new ring", "take her on a trip somewhere nice", "spoil her rotten"])
def test_gifts_as_amends_are_named(text: str) -> None:
    assert "grand_gesture" in kinds(text, "amends")


@pytest.mark.parametrize("text", ["I'll pay back every cent I took, 200 a month", "I'll tell your parents the truth about what I said"])
def test_real_amends_pass(text: str) -> None:
    assert kinds(text, "amends") == []


@pytest.mark.parametrize("text", ["no", "Nope.", "nothing else, that's all", "no, you know everything now"])
def test_no_is_a_whole_answer_to_the_honesty_check(text: str) -> None:
    assert kinds(text, "honesty") == [] and says_nothing_more(text)


@pytest.mark.parametrize("text", ["yes", "yeah there is", "kind of"])
def test_a_bare_yes_is_asked_what_it_is(text: str) -> None:
    assert kinds(text, "honesty") == ["untold"] and only_says_yes(text)


@pytest.mark.parametrize(
    "text", ["no, but i also saw him in march", "no one knows about the second loan", "i met her twice more after i said it was over"],
)
def test_something_still_untold_is_never_read_as_nothing_more(text: str) -> None:
    assert not says_nothing_more(text)
