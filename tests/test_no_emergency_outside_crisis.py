"""The word "emergency" is reserved for crisis replies: no other response the coach can
send (domain responses, guidance, FAQ answers, delivery tips, nudges) contains it."""

from __future__ import annotations

import yaml

from coach.content.guidance import GUIDANCE_FILE
from coach.config import PROJECT_ROOT
from coach.safety.replies import crisis_reply, safe_again_reply


def all_strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in all_strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in all_strings(value)]
    return []


def test_no_non_crisis_response_mentions_emergency() -> None:
    sources = {
        "domain.yml": yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())["responses"],
        "guidance.yml": yaml.safe_load(GUIDANCE_FILE.read_text()),
    }
    offending = [(name, text) for name, tree in sources.items() for text in all_strings(tree)
                 if "emergency" in text.lower()]
    assert offending == []
    assert "emergency" not in safe_again_reply().lower()


def test_every_crisis_reply_mentions_emergency() -> None:
    for kind in ("crisis_self_harm", "crisis_abuse"):
        for country in (None, "GB", "DK", "nowhere"):
            assert "emergency" in crisis_reply(kind, country=country).lower()
