"""Composes the draft apology from the eight answers, and reads which part someone wants to edit.

The draft keeps the person's own words; we only tidy each answer into a sentence (capital
first letter, a capital "I", a full stop), turn what was written about the partner ("she
felt...") into "you" where that is unambiguous (``coach.apology.address``), and add a little
joining text around it: an opening, a lead-in before some parts, and a closing that leaves
forgiveness with the partner. The closing never says "I'm not asking you to forgive me" after
a request that does ask for it; a "no" to the honesty check becomes an offer to answer any
question honestly (``coach.apology.honesty``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from coach.apology.address import readdress
from coach.apology.honesty import says_nothing_more
from coach.apology.steps import ADDRESSED_STEPS, STEPS

OPENING = "There's something I need to say to you, and I want to say it properly."
CLOSING = "I'm not asking you to forgive me now. I want what I do from here on to show you I mean it."
# After a request that asks for forgiveness: no "I'm not asking", and the answer stays theirs.
CLOSING_AFTER_ASKING = (
    "Take all the time you need; whatever you decide is yours to decide. "
    "I want what I do from here on to show you I mean it."
)
# 003: the impact on them "cannot be managed"; the letter doesn't claim to know all of it.
LEAD_INS = {
    "what_happened": "I'm sorry.",
    "impact": "Only you can say what this has done to you, and I don't claim to know all of it.",
    "amends": "I want to start putting right what I can.",
    "change": "This is what I'm going to do differently.",
    "honesty": "There's something more you should know, and I want you to hear it from me now.",
    "request": "There's one thing I'd like to ask of you.",
}
# A "no" to "anything they would still want to know?" (002, 003): an open door instead.
HONESTY_NOTHING_MORE = "If there's anything you want to ask me, I'll answer you honestly."
PARAGRAPHS: tuple[tuple[str, ...], ...] = (
    ("what_happened", "impact"), ("ownership", "regret"), ("amends", "change"), ("honesty",), ("request",),
)

_ALREADY_SORRY = re.compile(r"^\W*(?:i['’]m\s+)?(?:\w+\s+){0,3}(?:sorry|apologi[sz]e)\b", re.IGNORECASE)
_LONE_I = re.compile(r"(?<![\w'’])i(?=['’](?:m|ve|ll|d)\b|[\s,.!?;:]|$)")
_SENTENCE_END = (".", "!", "?", "…", '"', "”", ")")

_FORGIVE = re.compile(r"\bforgiv", re.IGNORECASE)
_NUMBER = re.compile(rf"\b([1-{len(STEPS)}])\b")
_ORDINALS = {
    "first": 1, "two": 2, "second": 2, "three": 3, "third": 3, "four": 4, "fourth": 4, "five": 5,
    "fifth": 5, "six": 6, "sixth": 6, "seven": 7, "seventh": 7, "eight": 8, "eighth": 8, "last": len(STEPS),
}
# Words that name a part, most specific first ("change" is also an everyday verb: checked last).
_PART_WORDS: tuple[tuple[str, str], ...] = (
    ("regret", "regret"),
    ("own", "ownership"),
    ("responsib", "ownership"),
    ("affect", "impact"),
    ("impact", "impact"),
    ("felt", "impact"),
    ("feel", "impact"),
    ("hurt", "impact"),
    ("amend", "amends"),
    ("repair", "amends"),
    ("right", "amends"),
    ("honest", "honesty"),
    ("untold", "honesty"),
    ("truth", "honesty"),
    ("else", "honesty"),
    ("ask", "request"),
    ("request", "request"),
    ("happened", "what_happened"),
    ("did", "what_happened"),
    ("differen", "change"),
    ("change", "change"),
)


def as_sentence(answer: str) -> str:
    """One answer tidied into a sentence, its words untouched."""
    text = _LONE_I.sub("I", " ".join(answer.split()))
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith(_SENTENCE_END) else f"{text}."


def _part(step: str, answer: str) -> str:
    if step == "honesty" and says_nothing_more(answer):
        return HONESTY_NOTHING_MORE
    sentence = as_sentence(readdress(answer) if step in ADDRESSED_STEPS else answer)
    lead_in = LEAD_INS.get(step)
    if lead_in is None or (step == "what_happened" and _ALREADY_SORRY.match(sentence)):
        return sentence
    return f"{lead_in} {sentence}"


def asks_forgiveness(request: str) -> bool:
    """The request speaks of forgiveness (asking for it, or hoping for it): the closing can't
    then say "I'm not asking you to forgive me"."""
    return _FORGIVE.search(request) is not None


def compose_draft(answers: Mapping[str, str | None]) -> str:
    """The draft apology: opening, the answers in order with their lead-ins, closing."""
    missing = [step for step in STEPS if not (answers.get(step) or "").strip()]
    if missing:
        raise ValueError(f"cannot compose a draft without {missing}")
    paragraphs = [" ".join(_part(step, answers[step] or "") for step in group) for group in PARAGRAPHS]
    closing = CLOSING_AFTER_ASKING if asks_forgiveness(answers["request"] or "") else CLOSING
    return "\n\n".join([OPENING, *paragraphs, closing])


def part_from_reply(reply: str) -> str | None:
    """The step someone means by "2", "the second one", "the regret part"...; None if unclear."""
    lowered = reply.lower()
    number = _NUMBER.search(lowered)
    if number:
        return STEPS[int(number.group(1)) - 1]
    words = re.findall(r"[a-z]+", lowered)
    ordinals = {_ORDINALS[word] for word in words if word in _ORDINALS }
    if len(ordinals) == 1:
        return STEPS[ordinals.pop() - 1]
    by_word = next((step for stem, step in _PART_WORDS if any(word.startswith(stem) for word in words)), None)
    if by_word is None and words in (["one"], ["number", "one"]):  # elsewhere "one" is rarely a number
        return STEPS[0]
    return by_word


def snippet(answer: str, limit: int = 50) -> str:
    """The start of an answer, for a list of parts."""
    text = " ".join(answer.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
