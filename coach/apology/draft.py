"""Composes the draft apology from the six answers, and reads which part someone wants to edit.

The draft keeps the person's own words; we only tidy each answer into a sentence (capital
first letter, a capital "I", a full stop) and add a little joining text around it: an
opening, a lead-in before some parts, and a closing that leaves forgiveness with the partner.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from coach.apology.analyzer import STEPS

OPENING = "There's something I need to say to you, and I want to say it properly."
CLOSING = "I'm not asking you to forgive me now. I want what I do from here on to show you I mean it."
LEAD_INS = {
    "what_happened": "I'm sorry.",
    "impact": "I know what it did to you.",
    "change": "This is what I'm going to do differently.",
    "request": "There's one thing I'd like to ask of you.",
}
PARAGRAPHS: tuple[tuple[str, ...], ...] = (("what_happened", "impact"), ("ownership", "regret"), ("change",), ("request",))

_ALREADY_SORRY = re.compile(r"^\W*(?:i['’]m\s+)?(?:\w+\s+){0,3}(?:sorry|apologi[sz]e)\b", re.IGNORECASE)
_LONE_I = re.compile(r"(?<![\w'’])i(?=['’](?:m|ve|ll|d)\b|[\s,.!?;:]|$)")
_SENTENCE_END = (".", "!", "?", "…", '"', "”", ")")

_NUMBER = re.compile(r"\b([1-6])\b")
_ORDINALS = {
    "first": 1, "two": 2, "second": 2, "three": 3, "third": 3,
    "four": 4, "fourth": 4, "five": 5, "fifth": 5, "six": 6, "sixth": 6, "last": 6,
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
    sentence = as_sentence(answer)
    lead_in = LEAD_INS.get(step)
    if lead_in is None or (step == "what_happened" and _ALREADY_SORRY.match(sentence)):
        return sentence
    return f"{lead_in} {sentence}"


def compose_draft(answers: Mapping[str, str | None]) -> str:
    """The draft apology: opening, the answers in order with their lead-ins, closing."""
    missing = [step for step in STEPS if not (answers.get(step) or "").strip()]
    if missing:
        raise ValueError(f"cannot compose a draft without {missing}")
    paragraphs = [" ".join(_part(step, answers[step] or "") for step in group) for group in PARAGRAPHS]
    return "\n\n".join([OPENING, *paragraphs, CLOSING])


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
