"""Where a message was written: free text, or an answer to a form's question.

The bot process puts the active form and its requested slot into the message's metadata
under ``FORM_CONTEXT_KEY`` (``bot/rasa/form_context.py``); the safety net reads it back
with ``in_form`` to hold answers to a stricter standard of evidence (people describe what
they did and how it hurt there), never to switch a layer off.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

FORM_CONTEXT_KEY = "trustcoach_form"


def in_form(metadata: Optional[Mapping[str, Any]]) -> Optional[str]:
    """The active form's name when the message answers a form question, else None."""
    if not metadata:
        return None
    context = metadata.get(FORM_CONTEXT_KEY)
    if not isinstance(context, Mapping):
        return None
    form = context.get("form")
    return str(form) if form else None
