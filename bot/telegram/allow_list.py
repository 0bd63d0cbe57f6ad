"""Who may use the coach (``ALLOWED_USER_IDS``), decided before anything is stored.

With ``ALLOWED_USER_IDS`` set, an update from anybody else is refused before the inbox:
``InboxQueue`` does not write it, and the front end's gate answers it without the outbox,
so a refused person's message, chat id or user id reaches no table. A refused person is
told once ("this coach is private"), not on every message, which would spend the 30
messages a second the bot shares with crisis replies.

Who was told is remembered in memory only, never written: the point is to store nothing
about strangers. A restart forgets it, so a refused person may be told once more after a
restart; the memory holds at most ``REMEMBERED`` ids (oldest forgotten first), so a flood
of accounts cannot grow it without bound.
"""

from __future__ import annotations

from collections import OrderedDict

from telegram import Update

REMEMBERED = 10_000


class AllowList:
    """``ALLOWED_USER_IDS`` (empty: everybody is served) and who has been told no."""

    def __init__(self, allowed: frozenset[int], remembered: int = REMEMBERED) -> None:
        self._allowed = allowed
        self._remembered = remembered
        self._told: OrderedDict[int, None] = OrderedDict()

    def admits(self, update: object) -> bool:
        if not self._allowed:
            return True
        user = update.effective_user if isinstance(update, Update) else None
        return user is not None and user.id in self._allowed

    def first_refusal(self, user_id: int) -> bool:
        """True the first time a refused person is seen (since this process started)."""
        if user_id in self._told:
            self._told.move_to_end(user_id)
            return False
        self._told[user_id] = None
        if len(self._told) > self._remembered:
            self._told.popitem(last=False)
        return True
