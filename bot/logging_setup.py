"""Logging set-up: level from the environment, the bot token redacted everywhere, and no
library's debug output (which carries message text) unless asked for by name.

The redaction is a ``logging.Filter`` installed on the root handler, so it covers every
logger (ours, python-telegram-bot's, httpx's, Rasa's) and formatted tracebacks too:
httpx logs request URLs, and Telegram URLs contain the token (``/bot<token>/sendMessage``).
Uncaught exceptions (main thread and others) go through the same handler.

Message text is never logged by our code at any level; handlers log ids and intents only.
Libraries do log it at DEBUG (python-telegram-bot every update, Rasa every message and
slot, SQLAlchemy bound parameters), so at ``LOG_LEVEL=DEBUG`` only our own loggers
(``OUR_LOGGERS``) go below INFO; every other logger stays at INFO or above unless
``TRUSTCOACH_UNSAFE_DEBUG_LOGS=1`` is set too (``UNSAFE_DEBUG_ENV``: for a developer on
test data, never with real conversations; a warning says so at start-up).
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading

TOKEN_PATTERN = re.compile(r"\d{3,}:[A-Za-z0-9_-]{20,}")
REDACTED = "[REDACTED_TOKEN]"
UNSAFE_DEBUG_ENV = "TRUSTCOACH_UNSAFE_DEBUG_LOGS"
OUR_LOGGERS = ("trustcoach", "coach", "bot", "actions", "testing")
CAPPED_LEVEL = logging.INFO


class TokenRedactingFilter(logging.Filter):
    """Replaces the configured token, and anything shaped like a bot token, in records."""

    def __init__(self, token: str | None) -> None:
        super().__init__()
        self._token = token

    def redact(self, text: str) -> str:
        if self._token:
            text = text.replace(self._token, REDACTED)
        return TOKEN_PATTERN.sub(REDACTED, text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = self.redact(record.getMessage())
        record.msg, record.args = message, None
        if record.exc_info:
            formatter = logging.Formatter()
            record.exc_text = self.redact(formatter.formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class LibraryDebugCap(logging.Filter):
    """Drops records below INFO from any logger that is not ours (library debug output)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= CAPPED_LEVEL:
            return True
        return record.name.split(".", 1)[0] in OUR_LOGGERS


def unsafe_debug_allowed() -> bool:
    return os.environ.get(UNSAFE_DEBUG_ENV, "").strip() == "1"


def _log_uncaught(kind: type[BaseException], error: BaseException, traceback) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, traceback)
        return
    logging.getLogger("trustcoach").critical("Uncaught %s.", kind.__name__, exc_info=(kind, error, traceback))


def _log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    logging.getLogger("trustcoach").error("Uncaught %s in thread %s.", args.exc_type.__name__,
                                          args.thread.name if args.thread else "?",
                                          exc_info=(args.exc_type, args.exc_value, args.exc_traceback))


def configure_logging(level: str, token: str | None, stream=None) -> logging.Handler:
    """Send logs to stderr at ``level`` with the token redacted; library debug output only
    with the unsafe switch; quiet noisy libraries."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(TokenRedactingFilter(token))
    unsafe = unsafe_debug_allowed()
    if not unsafe:
        handler.addFilter(LibraryDebugCap())
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level)
    # httpx logs every request URL at INFO, and those URLs carry the token.
    for noisy in ("httpx", "httpcore", "apscheduler", "tensorflow", "absl", "matplotlib"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_uncaught_in_thread
    route_structlog_through_logging()
    if unsafe and logging.getLogger().isEnabledFor(logging.DEBUG):
        logging.getLogger("trustcoach").warning(
            "%s=1: libraries log at DEBUG, which includes message text. Never use this with real conversations.",
            UNSAFE_DEBUG_ENV)
    return handler


def route_structlog_through_logging() -> None:
    """Rasa logs its dialogue (with message text) through structlog, straight to stdout
    at every level. Send it through the standard loggers instead, so the level and the
    token filter above apply to it too."""
    try:
        import structlog
    except ImportError:  # the action server may run without it
        return

    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            structlog.processors.format_exc_info,
            structlog.processors.KeyValueRenderer(key_order=["event"]),
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
