"""The app's own tables, all of them. Rasa's conversation events live beside them in ``events``.

Importing this module registers every table on ``Base.metadata`` (Alembic's
``migrations/env.py`` and the migration tests rely on that): the storage layer's own
tables come from ``coach.storage.base``, and each feature's table module is imported
below. A new table module must be added to that list, or autogenerate will not see it.

Every table that holds something about a person is keyed by ``chat_id`` (one Telegram
chat is one Rasa sender), so ``/forget`` and ``/export`` can find all of it.
Schema changes go through an Alembic migration in ``migrations/versions``.
"""

from __future__ import annotations

# Every feature table module, so Base.metadata holds the whole schema. They import Base
# from coach.storage.base (not from here), so there is no import cycle.
import coach.apology.store  # noqa: F401  apology_progress, apology_drafts
import coach.checkins.store  # noqa: F401  checkins
import coach.reminders.records  # noqa: F401  reminders
from coach.storage.base import Base, InboxUpdate, ProcessedUpdate, UserSettings, utcnow

__all__ = ["Base", "InboxUpdate", "ProcessedUpdate", "UserSettings", "utcnow"]
