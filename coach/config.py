"""All configuration, read from environment variables in this one place.

Every variable is listed in the README's table. ``Settings.from_env()`` is called once at
start-up; the rest of the code receives the ``Settings`` object instead of reading the
environment itself.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE_PATH = PROJECT_ROOT / "data" / "trustcoach.db"
DEFAULT_DATABASE_URL = f"sqlite:///{DEFAULT_DATABASE_PATH}"
DEFAULT_EMERGENCY_LINE = (
    "If you are in danger right now, call your local emergency number: "
    "112 in the EU, 911 in the US, 999 in the UK."
)


class ConfigError(RuntimeError):
    """A setting is missing or malformed; the message says what to do."""


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}.") from error


def _id_set_env(name: str) -> frozenset[int]:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return frozenset()
    try:
        return frozenset(int(part) for part in raw.replace(";", ",").split(",") if part.strip())
    except ValueError as error:
        raise ConfigError(f"{name} must be a comma-separated list of Telegram user ids.") from error


def is_loopback(host: str | None) -> bool:
    """True for ``localhost`` and 127.0.0.0/8 or ::1 addresses: reachable from this machine only."""
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _api_url_env(name: str, default: str) -> str:
    """An https URL, or http to this machine only: the bot token travels in every request."""
    url = os.environ.get(name, "").strip().rstrip("/") or default
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return url
    if parts.scheme == "http" and is_loopback(parts.hostname):
        return url
    raise ConfigError(
        f"{name} must start with https:// (plain http only to 127.0.0.1 or localhost): "
        "the bot token is part of every request."
    )


def _loopback_env(name: str, default: str) -> str:
    host = os.environ.get(name, "").strip() or default
    if not is_loopback(host):
        raise ConfigError(f"{name} must be a loopback address such as 127.0.0.1 (got {host!r}): "
                          "the action server is for this machine only.")
    return host


@dataclass(frozen=True)
class Settings:
    """The coach's settings; see ``from_env`` for the variable behind each field."""

    telegram_token: str | None = field(default=None, repr=False)  # never in a repr or a log
    telegram_api_url: str = "https://api.telegram.org"
    database_url: str = field(default=DEFAULT_DATABASE_URL, repr=False)  # may hold a password
    model_path: Path = PROJECT_ROOT / "models"
    action_server_host: str = "127.0.0.1"
    action_server_port: int = 5055
    log_level: str = "INFO"
    allowed_user_ids: frozenset[int] = field(default_factory=frozenset)
    emergency_line: str = DEFAULT_EMERGENCY_LINE
    poll_timeout: int = 30
    reminder_grace_minutes: int = 60  # a one-off nudge this late after downtime is still sent
    master_key_file: Path = PROJECT_ROOT / "data" / "master.key"  # wraps every person's data key (0600)
    keystore_url: str | None = None  # the wrapped data keys; None: beside the SQLite file, else data/keys.db
    plaintext_at_rest: bool = False  # UNSAFE, for the encryption benchmark's baseline only
    events_retention_days: int = 180  # conversation events older than this are deleted (0: never)
    silent_retention_days: int = 365  # everything of a person silent this long is deleted (0: never)

    @classmethod
    def from_env(cls) -> "Settings":
        """Read every setting from the environment (defaults suit a laptop demo)."""
        env = os.environ
        token = env.get("TELEGRAM_BOT_TOKEN", "").strip() or None
        return cls(
            telegram_token=token,
            telegram_api_url=_api_url_env("TELEGRAM_API_URL", cls.telegram_api_url),
            database_url=env.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL,
            model_path=Path(env.get("TRUSTCOACH_MODEL", "").strip() or cls.model_path),
            action_server_host=_loopback_env("ACTION_SERVER_HOST", cls.action_server_host),
            action_server_port=_int_env("ACTION_SERVER_PORT", cls.action_server_port),
            log_level=(env.get("LOG_LEVEL", "").strip() or cls.log_level).upper(),
            allowed_user_ids=_id_set_env("ALLOWED_USER_IDS"),
            emergency_line=env.get("EMERGENCY_LINE", "").strip() or DEFAULT_EMERGENCY_LINE,
            poll_timeout=_int_env("TELEGRAM_POLL_TIMEOUT", cls.poll_timeout),
            reminder_grace_minutes=_int_env("REMINDER_GRACE_MINUTES", cls.reminder_grace_minutes),
            master_key_file=Path(env.get("MASTER_KEY_FILE", "").strip() or cls.master_key_file),
            keystore_url=env.get("KEYSTORE_URL", "").strip() or None,
            plaintext_at_rest=env.get("UNSAFE_PLAINTEXT_AT_REST", "").strip() == "1",
            events_retention_days=_int_env("EVENTS_RETENTION_DAYS", cls.events_retention_days),
            silent_retention_days=_int_env("SILENT_RETENTION_DAYS", cls.silent_retention_days),
        )

    @property
    def action_endpoint_url(self) -> str:
        """Where Rasa reaches the custom actions (the rasa_sdk server we start)."""
        return f"http://{self.action_server_host}:{self.action_server_port}/webhook"

    def with_overrides(self, **changes: object) -> "Settings":
        """A copy with some fields replaced (used by tests and the command line)."""
        from dataclasses import replace

        return replace(self, **changes)
