"""Crisis replies: calm, short, plain-text messages with the emergency line and helplines.

The helplines come from ``resources.yml`` next to this module (read once). Every crisis
reply carries the emergency line (the app passes its configured one; otherwise the
default from the YAML), then the lines for the user's country, or the international
directory when the country is unknown. Replies are plain text (no Markdown), so they
can be sent as they are.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

RESOURCES_PATH = Path(__file__).with_name("resources.yml")
SELF_HARM_KIND = "crisis_self_harm"
ABUSE_KIND = "crisis_abuse"
EMERGENCY_KIND = "crisis_emergency"
CRISIS_KINDS = (SELF_HARM_KIND, ABUSE_KIND, EMERGENCY_KIND)
CRISIS_MARKER = "crisis"  # key of the custom payload that marks a turn's crisis reply
BULLET = "\u2022"


@functools.lru_cache(maxsize=1)
def _resources() -> dict[str, Any]:
    with RESOURCES_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def known_countries() -> list[str]:
    """Country codes that have their own helplines (others get the international list)."""
    return sorted(_resources()["countries"])


def country_code(country: str | None) -> str | None:
    """Normalise "gb", "UK", "en-GB" or "en_GB" to a known code, or None."""
    if not country or not country.strip():
        return None
    code = country.strip().replace("_", "-").split("-")[-1].upper()
    code = _resources().get("country_aliases", {}).get(code, code)
    return code if code in _resources()["countries"] else None


def _helplines(kind_key: str, code: str | None) -> list[dict[str, str]]:
    source = _resources()["countries"][code] if code else _resources()["international"]
    return source[kind_key]


def _format_lines(helplines: list[dict[str, str]]) -> str:
    return "\n".join(f"{BULLET} {line['name']}: {line['contact']}" for line in helplines)


def _emergency_block(code: str | None, emergency_line: str | None) -> str:
    line = (emergency_line or _resources()["default_emergency_line"]).strip()
    if code:
        country = _resources()["countries"][code]
        line += f"\nIn {country['name']}, the emergency number is {country['emergency_number']}."
    return line


def crisis_reply(kind: str, country: str | None = None, emergency_line: str | None = None) -> str:
    """The reply to a message that discloses self-harm thoughts or abuse.

    ``kind`` is ``crisis_self_harm``, ``crisis_abuse`` or ``crisis_emergency`` (anything
    else is answered as self-harm: the safest default). ``emergency_line`` overrides the
    default sentence.
    """
    code = country_code(country)
    emergency = _emergency_block(code, emergency_line)
    if kind == EMERGENCY_KIND:
        # Someone else's medical emergency, or danger from someone who is not the partner:
        # the emergency number first, one practical line, nothing else.
        return (
            "This sounds like an emergency. Please get help now.\n\n"
            f"{emergency}\n\n"
            "If you can, get to a safe place, stay on the line with the emergency service and "
            "follow what they tell you. I'm here when you're safe."
        )
    crisis_lines = _format_lines(_helplines("self_harm", code))
    if kind == ABUSE_KIND:
        abuse_lines = _format_lines(_helplines("abuse", code))
        return (
            "Thank you for telling me. What you describe is not your fault, "
            "and your safety matters more than anything else right now.\n\n"
            f"{emergency}\n\n"
            f"Confidential support for abuse:\n{abuse_lines}\n\n"
            f"If you need someone to talk to:\n{crisis_lines}\n\n"
            "Working on trust is not the priority while you are not safe. It can wait; you come first. "
            "If you can, think of one person or place you could go to quickly. "
            "And if someone might read your phone, you may want to delete this chat."
        )
    return (
        "I'm really glad you told me. What you are carrying sounds so heavy, "
        "and you don't have to hold it alone.\n\n"
        f"{emergency}\n\n"
        f"You can talk to someone right now, free and confidential:\n{crisis_lines}\n\n"
        "Could you reach out to someone now, a friend, family member or anyone you trust, "
        "and tell them how you are feeling? I'm here too, and we can keep talking."
    )


def safety_check_reply(country: str | None = None, emergency_line: str | None = None) -> str:
    """Asked instead of coaching when a message may be a crisis and the layers are not sure.

    The emergency line comes with the question, so a person in danger has it in the first
    reply, before any button is pressed; the helplines follow "I need help now".
    """
    emergency = _emergency_block(country_code(country), emergency_line)
    return (
        "Before I answer, I want to be sure I read you right. "
        f"Are you safe right now?\n\n{emergency}"
    )


def safe_again_reply() -> str:
    """The reply when the user says they are safe now."""
    return (
        "I'm so glad you're safe. Thank you for letting me know. "
        "There's no rush: we can pick up where we left off, or just talk about how you're doing. "
        "The lines I shared are there day and night if you ever need them."
    )
