"""Loads the guidance content (coach/content/guidance.yml) into typed objects.

The YAML holds every flow's steps, each with the article it is drawn from (``source``),
an optional role filter and an optional offer (a button to another capability).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

GUIDANCE_FILE = Path(__file__).resolve().with_name("guidance.yml")
ROLES = ("hurt", "broke_trust")


@dataclass(frozen=True)
class Step:
    id: str
    text: str
    sources: tuple[str, ...]
    role: str = "any"
    offer: str | None = None

    def shown_to(self, role: str | None) -> bool:
        """A role-specific step is shown to that role only; unknown role sees generic steps."""
        return self.role == "any" or self.role == role


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
class Nudge:
    topic: str
    text: str
    sources: tuple[str, ...]


def _sources(raw: object) -> tuple[str, ...]:
    if isinstance(raw, str):
        return (raw,)
    return tuple(str(item) for item in raw or ())


@dataclass(frozen=True)
class Guidance:
    flows: dict[str, Flow]
    nudges: dict[str, tuple[Nudge, ...]]

    def flow_for_intent(self, intent: str | None) -> Flow | None:
        return next((flow for flow in self.flows.values() if flow.intent == intent), None)


@functools.lru_cache(maxsize=None)
def load_guidance(path: Path = GUIDANCE_FILE) -> Guidance:
    """Parse the guidance file once per process."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    flows = {
        key: Flow(
            key=key,
            intent=body["intent"],
            title=body["title"],
            steps=tuple(
                Step(
                    id=step["id"],
                    text=step["text"].strip(),
                    sources=_sources(step.get("source")),
                    role=step.get("role", "any"),
                    offer=step.get("offer"),
                )
                for step in body["steps"]
            ),
            related=tuple(body.get("related") or ()),
        )
        for key, body in raw["flows"].items()
    }
    nudges = {
        topic: tuple(Nudge(topic, item["text"].strip(), _sources(item.get("source"))) for item in items)
        for topic, items in (raw.get("nudges") or {}).items()
    }
    return Guidance(flows=flows, nudges=nudges)
