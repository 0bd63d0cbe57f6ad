"""/forget, /export and /country: the person's own data and settings, for both front ends.

These commands run in the front end, outside Rasa (deleting a tracker from inside an action
would be undone when Rasa saves the turn's events). This module holds their texts and their
logic; a front end only renders what comes back:

- ``command(db, chat_id, name, argument)`` answers "/forget", "/export" or "/country [code]";
- ``answer(db, chat_id, data)`` answers a pressed button (``forget:yes``, ``country:DK``...);
- ``typed_answer(db, chat_id, text)`` answers a *typed* "yes" / "no" to the /forget
  question (people type as often as they press); anything else while it waits is asked
  again, saying nothing was deleted yet. A crisis message, a command, or a question left
  for ``PENDING_FOR`` is never held up: it goes on to the coach.

Both return a ``PrivacyReply``: a text, buttons (title and the data pressing one sends
back), or a file; after /forget, the ids of the bot's export messages Telegram still lets it
delete. Telegram shows the buttons as an inline keyboard and sends the file with
sendDocument; the console numbers the buttons and saves the file under data/exports. Both
functions are synchronous (they use the database); async callers run them in a thread.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from bot.rasa.bridge import Button
from coach.attachments import Attachment
from coach.people import ask_pending, pending_question, set_country
from coach.safety.detector import detect_crisis
from coach.safety.replies import country_code, known_countries
from coach.storage.db import Database
from coach.privacy import EXPORT_FILENAME, export_json, forget_user
from coach.storage.outbox import sent_files

logger = logging.getLogger(__name__)

PRIVACY_COMMANDS = ("forget", "export", "country")
ANSWER_PATTERN = r"^(forget|country):"  # the data of this module's buttons

FORGET_QUESTION = (
    "This deletes everything I have about you: our conversation, your settings, reminders, "
    "drafts and check-ins. It can't be undone. Delete it all?"
)
FORGET_DONE = (
    "Done. Everything I had about you is deleted. If you write again, we start fresh.\n\n"
    "Telegram keeps its own copy of this chat on your phone. To remove it too, open the chat's "
    "menu (tap my name at the top, or ⋮) and choose Delete chat. If you saved an export file, "
    "delete it from your phone's Downloads (or Telegram's saved files) as well."
)
FORGET_KEPT = "Okay, nothing was deleted."
FORGET_NOT_YET = "Nothing has been deleted yet. Should I delete everything I have about you? Yes or no?"
PENDING_FOR = timedelta(minutes=30)
SHORT_ANSWER_WORDS = 4  # a longer message is something else (a question, a thought)
YES_WORDS = frozenset({"yes", "y", "yeah", "yea", "yep", "yup", "sure", "ok", "okay", "delete", "do"})
NO_WORDS = frozenset({"no", "n", "nope", "nah", "keep", "dont", "don't", "cancel", "not", "never", "nevermind", "stop"})
FORGET_YES, FORGET_NO = "forget:yes", "forget:no"
FORGET_BUTTONS = (Button("Yes, delete everything", FORGET_YES), Button("No, keep it", FORGET_NO))
EXPORT_CAPTION = "Everything I have stored about you, as a JSON file."
COUNTRY_QUESTION = (
    "Which country are you in? If you're ever in danger, I'll show that country's helplines. "
    "You can also type it, e.g. /country GB."
)
COUNTRY_SET = "Thanks. If you ever need them, I'll show the helplines for {country}."
COUNTRY_CLEARED = "Okay. I'll show international helplines."
COUNTRY_PREFIX, COUNTRY_ELSEWHERE = "country:", "Somewhere else"


@dataclass(frozen=True)
class PrivacyReply:
    """What a privacy command or button answers: text, buttons to press, or a file."""

    text: str = ""
    buttons: tuple[Button, ...] = ()
    file: Attachment | None = None
    delete_messages: tuple[int, ...] = ()  # the bot's own messages to delete (exports), by Telegram id


def is_answer(data: str) -> bool:
    """True for the data of a button this module made (a front end routes it to ``answer``)."""
    return re.match(ANSWER_PATTERN, data or "") is not None


def command(db: Database, chat_id: int, name: str, argument: str = "") -> PrivacyReply:
    """The reply to "/forget", "/export" or "/country [argument]" (``name`` without the slash)."""
    if name == "forget":
        ask_pending(db, chat_id, "forget")
        return PrivacyReply(FORGET_QUESTION, FORGET_BUTTONS)
    if name == "export":
        data = export_json(db, chat_id)
        return PrivacyReply(file=Attachment("document", EXPORT_FILENAME, data, EXPORT_CAPTION))
    if name == "country":
        code = country_code(argument)
        if code:
            set_country(db, chat_id, code)
            return PrivacyReply(COUNTRY_SET.format(country=code))
        buttons = tuple(Button(c, f"{COUNTRY_PREFIX}{c}") for c in known_countries())
        return PrivacyReply(COUNTRY_QUESTION, buttons + (Button(COUNTRY_ELSEWHERE, f"{COUNTRY_PREFIX}none"),))
    raise ValueError(f"not a privacy command: {name!r}")


def _remove_files(folder: Path | None) -> int:
    """Delete the files a front end saved for the person (the console's exports and charts)."""
    if folder is None or not folder.is_dir():
        return 0
    removed = 0
    for path in folder.iterdir():
        if path.is_file():
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def answer(db: Database, chat_id: int, data: str, files: Path | None = None) -> PrivacyReply:
    """The reply to a pressed button of ``command``'s: delete (or not), or set the country.
    ``files``: the folder where the front end saved the person's files, emptied on forget."""
    if data.startswith(COUNTRY_PREFIX):
        code = country_code(data.partition(":")[2])
        set_country(db, chat_id, code)
        return PrivacyReply(COUNTRY_SET.format(country=code) if code else COUNTRY_CLEARED)
    if data == FORGET_YES:
        exports = tuple(sent_files(db, chat_id))  # read before their rows go
        deleted = forget_user(db, chat_id)  # the pending question goes with the settings row
        removed = _remove_files(files)
        logger.info("Deleted the data of chat %s (%d rows, %d files).", chat_id, sum(deleted.values()), removed)
        return PrivacyReply(FORGET_DONE, delete_messages=exports)
    ask_pending(db, chat_id, None)
    return PrivacyReply(FORGET_KEPT)


def _words(text: str) -> list[str]:
    """Lower-case words, each letter run once ("yesss", "noo", "okk" read as typed)."""
    return [re.sub(r"(\w)\1+", r"\1", word) for word in re.findall(r"[\w']+", text.lower())]


_YES, _NO = frozenset(_words(" ".join(YES_WORDS))), frozenset(_words(" ".join(NO_WORDS)))


def yes_or_no(text: str) -> bool | None:
    """True for a short yes ("ok delete it"), False for a short no ("nope, keep it"), else None."""
    words = _words(text)
    if not words or len(words) > SHORT_ANSWER_WORDS or "?" in text:
        return None
    said_no, said_yes = any(word in _NO for word in words), any(word in _YES for word in words)
    if said_no != said_yes:
        return said_yes
    return None


def typed_answer(db: Database, chat_id: int, text: str, files: Path | None = None) -> PrivacyReply | None:
    """A typed answer to the /forget question, if one waits; None: the text is for the coach."""
    if pending_question(db, chat_id, PENDING_FOR) != "forget":
        return None
    if text.strip().startswith("/") or detect_crisis(text) is not None:
        ask_pending(db, chat_id, None)  # moved on (or needs help now): nothing is held up
        return None
    answered = yes_or_no(text)
    if answered is None:
        return PrivacyReply(FORGET_NOT_YET, FORGET_BUTTONS)
    return answer(db, chat_id, FORGET_YES if answered else FORGET_NO, files)
