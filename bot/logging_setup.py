"""Logging set-up: level from the environment, and the bot token redacted everywhere.

The redaction is a ``logging.Filter`` installed on the root handler, so it covers every
logger (ours, python-telegram-bot's, httpx's, Rasa's) and formatted tracebacks too:
httpx logs request URLs, and Telegram URLs contain the token (``/bot<token>/sendMessage``).
Message text is never logged at INFO by our code; handlers log ids and intents only.
"""

from __future__ import annotations

import logging
import re
import sys

TOKEN_PATTERN = re.compile(r"\d{3,}:[A-Za-z0-9_-]{20,}")
REDACTED = "[REDACTED_TOKEN]"


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


def configure_logging(level: str, token: str | None, stream=None) -> logging.Handler:
    """Send logs to stderr at ``level`` with the token redacted; quiet noisy libraries."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(TokenRedactingFilter(token))
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level)
    # httpx logs every request URL at INFO, and those URLs carry the token.
    for noisy in ("httpx", "httpcore", "apscheduler", "tensorflow", "absl", "matplotlib"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    _route_structlog_through_logging()
    return handler


def _route_structlog_through_logging() -> None:
    """Rasa logs its dialogue (with message text) through structlog, straight to stdout
    at every level. Send it through the standard loggers instead, so the level and the
    token filter above apply to it too."""
    import structlog

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
