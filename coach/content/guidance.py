"""Loads the guidance content (coach/content/guidance.yml) into typed objects.

The YAML holds every flow's steps. Each step names where its claim comes from
(``source``: one or two of the seed articles, and/or ``general`` for good practice that is
not in them) and carries a few words that occur in the cited article (``quote``: a
citation a reviewer can find, not text the coach sends). A step may be meant for one
side (``role``) and may offer a button to another capability (``offer``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

GUIDANCE_FILE = Path(__file__).resolve().with_name("guidance.yml")
GENERAL = "general"  # a source that is good practice, not one of the articles
# The person's side, as the role slot holds it. "both" (each hurt the other) and
# "complicated" see the steps for everyone and the steps marked ``role: both``.
ROLES = ("hurt", "broke_trust", "both", "complicated")
ONE_SIDE = ("hurt", "broke_trust")
STEP_ROLES = ("any", "hurt", "broke_trust", "both")  # both: both of us, it's complicated, not said


def _strings(raw: object) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (raw,)
    return tuple(str(item) for item in raw)


@dataclass(frozen=True)
class Cited:
    """What a text rests on: the articles it cites, whether it is general good practice,
    and the words quoted from the articles."""

    sources: tuple[str, ...]
    quotes: tuple[str, ...] = ()

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(source for source in self.sources if source != GENERAL)

    @property
    def general(self) -> bool:
        return GENERAL in self.sources


@dataclass(frozen=True)
class Step(Cited):
    id: str = ""
    text: str = ""
    role: str = "any"
    offer: str | None = None

    def shown_to(self, role: str | None) -> bool:
        """A step for everyone is shown to all; a one-side step to that side only; a
        ``both`` step to anyone who is not on one side (both, complicated, not said)."""
        if self.role == "any":
            return True
        if self.role == "both":
            return role not in ONE_SIDE
        return self.role == role


@dataclass(frozen=True)
class Flow:
    key: str
    intent: str
    title: str
    steps: tuple[Step, ...]
    related: tuple[str, ...]

    def steps_for(self, role: str | None) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if step.shown_to(role))


@dataclass(frozen=True)
class Nudge(Cited):
    topic: str = ""
    text: str = ""


@dataclass(frozen=True)
class Guidance:
    flows: dict[str, Flow]
    nudges: dict[str, tuple[Nudge, ...]]

    def flow_for_intent(self, intent: str | None) -> Flow | None:
        return next((flow for flow in self.flows.values() if flow.intent == intent), None)


def _step(raw: dict) -> Step:
    return Step(
        sources=_strings(raw.get("source")),
        quotes=_strings(raw.get("quote")),
        id=raw["id"],
        text=raw["text"].strip(),
        role=raw.get("role", "any"),
        offer=raw.get("offer"),
    )


@functools.lru_cache(maxsize=None)
def load_guidance(path: Path = GUIDANCE_FILE) -> Guidance:
    """Parse the guidance file once per process."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    flows = {
        key: Flow(
            key=key,
            intent=body["intent"],
            title=body["title"],
            steps=tuple(_step(step) for step in body["steps"]),
            related=tuple(body.get("related") or ()),
        )
        for key, body in raw["flows"].items()
    }
    nudges = {
        topic: tuple(
            Nudge(sources=_strings(item.get("source")), quotes=_strings(item.get("quote")), topic=topic, text=item["text"].strip())
            for item in items
        )
        for topic, items in (raw.get("nudges") or {}).items()
    }
    return Guidance(flows=flows, nudges=nudges)
