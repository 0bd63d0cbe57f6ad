"""The person's reminder preferences (time zone and discreet mode): owned by ``coach.people``.

These names are kept so existing imports keep working (the reminder actions and tests
use ``preferences.timezone_of`` and friends); new code should import ``coach.people``.
"""

from __future__ import annotations

from coach.people import chat_for_sender as chat_id_for_sender
from coach.people import is_discreet, save_timezone, timezone_of, toggle_discreet

__all__ = ["chat_id_for_sender", "is_discreet", "save_timezone", "timezone_of", "toggle_discreet"]
