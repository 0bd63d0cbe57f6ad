"""Sending texts by name: the texts themselves are responses in domain.yml.

Actions send every sentence as ``dispatcher.utter_message(response="utter_x", **variables)``:
Rasa takes the response from the domain and fills each ``{name}`` in its text from the
variables; buttons the action passes (``buttons=``) come after the response's own buttons.
Variable names must not be one of the message's own keys (text, buttons, image, ...).
"""

from __future__ import annotations

from typing import Any

WORD_JOINER = "\u2060"  # invisible, and keeps the characters on either side together


def verbatim(words: str) -> str:
    """A person's own words (or a text quoting them) as a response variable.

    Rasa's interpolator takes "0[" in a filled-in text for a placeholder it could not fill:
    it then sends the bare template ("{draft}") and logs the values. An invisible word joiner
    between the two characters lets such words through as they look.
    """
    return words.replace("0[", f"0{WORD_JOINER}[")


def response_text(domain: dict[str, Any], name: str) -> str:
    """The text of response ``name`` in the domain Rasa sent with this call: for a sentence
    that is one part of another response's text (Rasa has no nested responses)."""
    try:
        return domain["responses"][name][0]["text"]
    except (KeyError, IndexError, TypeError) as error:
        raise LookupError(f"response {name} is not in the domain this action was given") from error
