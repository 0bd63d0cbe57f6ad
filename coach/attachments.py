"""Files the coach sends (a data export, a progress chart), rendered by the front end.

Actions cannot pass bytes through Rasa sensibly (they would be stored in the tracker), so
an action sends an instruction instead, as a custom payload:

    dispatcher.utter_message(json_message={"attachment": {
        "type": "photo" | "document", "renderer": "progress_chart", "args": {"days": 30}}})

and the front end (Telegram: sendPhoto/sendDocument; console: a file under data/exports)
calls the registered renderer with the database and the chat id. Renderers register
themselves with ``@renderer("name")`` in the modules listed in ``RENDERER_MODULES``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable

from coach.storage.db import Database

RENDERER_MODULES: tuple[str, ...] = ("coach.checkins.chart",)


@dataclass(frozen=True)
class Attachment:
    kind: str  # "photo" or "document"
    filename: str
    data: bytes
    caption: str = ""


Renderer = Callable[[Database, int, dict[str, Any]], Attachment]
_RENDERERS: dict[str, Renderer] = {}


def renderer(name: str) -> Callable[[Renderer], Renderer]:
    """Register a function ``(db, chat_id, args) -> Attachment`` under ``name``."""

    def register(function: Renderer) -> Renderer:
        _RENDERERS[name] = function
        return function

    return register


def render_attachment(db: Database, chat_id: int, instruction: dict[str, Any]) -> Attachment | None:
    """Run the renderer an action asked for; None if the instruction names none we know."""
    if not _RENDERERS:
        for module in RENDERER_MODULES:
            importlib.import_module(module)
    function = _RENDERERS.get(str(instruction.get("renderer", "")))
    if function is None:
        return None
    return function(db, chat_id, dict(instruction.get("args") or {}))
