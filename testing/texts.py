"""The coach's texts as the person sees them: read from domain.yml, filled in as Rasa fills them.

Actions send their texts by name (``dispatcher.utter_message(response="utter_x", **variables)``),
so tests read a text here rather than importing it from an action module:
``response_text("utter_checkin_score_question")``, ``response_text("utter_apology_resume", count=2)``,
``response_buttons("utter_apology_draft")``.

``RenderingDispatcher`` is rasa_sdk's ``CollectingDispatcher`` whose messages also carry the
text and buttons Rasa sends for them: a ``response=`` message gets the response's text with
its ``{variables}`` filled by Rasa's own generator, and the response's buttons followed by any
the action passed (as ``rasa.core.actions.action.RemoteAction._utter_responses`` does). A name
that is not in domain.yml fails loudly here, where Rasa would drop the message in silence.
"""

from __future__ import annotations

import functools
from typing import Any

import yaml
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa_sdk.executor import CollectingDispatcher

from coach.config import PROJECT_ROOT

DOMAIN_FILE = PROJECT_ROOT / "domain.yml"
OUTPUT_CHANNEL = "collector"  # the name of the output channel the bot hands to Rasa


@functools.lru_cache(maxsize=1)
def domain_responses() -> dict[str, list[dict[str, Any]]]:
    """Every response in domain.yml: name -> its variants."""
    return yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))["responses"]


def rendered(name: str, **variables: Any) -> dict[str, Any]:
    """Response ``name`` as Rasa renders it for a custom action that passed ``variables``."""
    variants = domain_responses().get(name)
    if not variants:
        raise KeyError(f"domain.yml has no response {name}")
    if len(variants) != 1:
        raise ValueError(f"{name} has {len(variants)} variants; Rasa picks one at random")
    generator = TemplatedNaturalLanguageGenerator({name: variants})
    return generator.generate_from_slots(name, {}, OUTPUT_CHANNEL, **variables)


def response_text(name: str, **variables: Any) -> str:
    """The text of response ``name`` with its ``{variables}`` filled in."""
    return rendered(name, **variables)["text"]


def response_buttons(name: str) -> list[dict[str, Any]]:
    """The buttons response ``name`` carries in domain.yml."""
    return rendered(name).get("buttons") or []


class RenderingDispatcher(CollectingDispatcher):
    """A ``CollectingDispatcher`` whose ``response=`` messages read as Rasa sends them."""

    def utter_message(
        self,
        text: str | None = None,
        image: str | None = None,
        json_message: dict[str, Any] | None = None,
        template: str | None = None,
        response: str | None = None,
        attachment: str | None = None,
        buttons: list[dict[str, Any]] | None = None,
        elements: list[dict[str, Any]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().utter_message(text, image, json_message, template, response, attachment, buttons, elements, **kwargs)
        if response:
            message = self.messages[-1]
            draft = rendered(response, **kwargs)
            message["text"] = draft.get("text")
            message["buttons"] = [*(draft.get("buttons") or []), *(buttons or [])]
