"""Loads the apology walkthrough's texts (``apology_questions``, ``apology_tips``) from guidance.yml.

Each question has a short title (used when picking a part to edit), the question itself, a
one-line why, and help for "I don't know" (a simpler wording with an example); each
delivery tip has its text. Both keep the articles they draw on (``source``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from coach.apology.analyzer import STEPS
from coach.content.guidance import GUIDANCE_FILE


@dataclass(frozen=True)
class Question:
    step: str
    title: str
    text: str
    why: str
    help: str


@dataclass(frozen=True)
class ApologyContent:
    questions: dict[str, Question]  # in walkthrough order (``STEPS``)
    tips: tuple[str, ...]


def _clean(text: str) -> str:
    return " ".join(text.split())


@functools.lru_cache(maxsize=None)
def load_apology_content(path: Path = GUIDANCE_FILE) -> ApologyContent:
    """Parse the two sections once per process; fail loudly if a step has no question."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    questions = raw["apology_questions"]
    missing = [step for step in STEPS if step not in questions]
    if missing:
        raise ValueError(f"guidance.yml: apology_questions lacks {missing}")
    return ApologyContent(
        questions={
            step: Question(step, questions[step]["title"], _clean(questions[step]["text"]), _clean(questions[step]["why"]),
                           _clean(questions[step]["help"]))
            for step in STEPS
        },
        tips=tuple(_clean(tip["text"]) for tip in raw["apology_tips"]),
    )
