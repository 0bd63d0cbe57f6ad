"""Reads and writes the per-person settings row (``user_settings``) from the bot process."""

from __future__ import annotations

from coach.storage.db import Database
from coach.storage.models import UserSettings


def set_country(db: Database, chat_id: int, country: str | None) -> None:
    """Remember the country whose helplines crisis replies list (None: international)."""
    with db.session() as session:
        row = session.get(UserSettings, chat_id)
        if row is None:
            row = UserSettings(chat_id=chat_id, discreet=False, crisis_active=False)
            session.add(row)
        row.country = country
