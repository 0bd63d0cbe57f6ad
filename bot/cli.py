"""The ``trustcoach`` command line: ``run`` (Telegram, or console without a token), ``chat``
(console) and ``telegram`` (Telegram only: a missing token is an error).

Start-up problems (no model, no token, unreachable database, action server failing,
Telegram refusing the token) end with one clear line saying what to do, not a traceback;
nothing printed ever shows the bot token (an unexpected error's traceback goes through the
redacting log handler). Files are created private: umask 077 from the first line of
``main`` (``bot.file_modes``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import sys
import warnings
from pathlib import Path
from typing import Iterator

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TZ", "UTC")  # Rasa's APScheduler fails on an invalid local zone
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
# Library deprecation notices are for us, not for the person chatting in the console
# (set PYTHONWARNINGS=default to see them; the action server child inherits this).
if not sys.warnoptions:
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    warnings.simplefilter("ignore")

from coach.config import PROJECT_ROOT, ConfigError, Settings  # noqa: E402
from bot.file_modes import private_database_folder, restrict_new_files  # noqa: E402
from bot.logging_setup import configure_logging  # noqa: E402

logger = logging.getLogger("trustcoach")


CONSOLE_LOG = PROJECT_ROOT / "data" / "console.log"
TOKEN_REFUSED = (
    "Telegram refused the bot token (or TELEGRAM_API_URL does not point at a Bot API server). "
    "Check TELEGRAM_BOT_TOKEN with @BotFather, and TELEGRAM_API_URL if you set it."
)


@contextlib.contextmanager
def _stderr_to_file(path: Path) -> Iterator[None]:
    """Keep the terminal for the conversation: logs and library noise (ours, TensorFlow's,
    the action server's) go to a file while the console chat runs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    saved = os.dup(2)
    log_file = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(log_file, 2)
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
        os.close(log_file)


async def _run_console(settings: Settings) -> None:
    from bot.console.chat import chat
    from bot.runtime import running_coach

    print(f"Starting the coach (about 20 seconds; logs go to {CONSOLE_LOG})...", flush=True)
    with _stderr_to_file(CONSOLE_LOG):
        async with running_coach(settings) as (bridge, db):
            await chat(bridge, db)


def _dispatch(command: str, settings: Settings) -> None:
    from bot.runtime import serve_telegram

    if command == "telegram" and not settings.telegram_token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and export it.")
    if command == "chat" or (command == "run" and not settings.telegram_token):
        if command == "run":
            logger.info("No TELEGRAM_BOT_TOKEN set: opening the console chat instead.")
        asyncio.run(_run_console(settings))
    else:
        asyncio.run(serve_telegram(settings))


def main(argv: list[str] | None = None) -> int:
    restrict_new_files()
    parser = argparse.ArgumentParser(prog="trustcoach", description=__doc__)
    parser.add_argument(
        "command", nargs="?", default="run", choices=["run", "chat", "telegram"],
        help="run: Telegram if TELEGRAM_BOT_TOKEN is set, else console; chat: console; telegram: Telegram only",
    )
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
    except ConfigError as error:
        print(f"trustcoach: {error}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level, settings.telegram_token)

    from telegram.error import InvalidToken

    from bot.action_server import ActionServerError
    from bot.rasa.bridge import ModelMissing
    from coach.storage.db import DatabaseUnavailable

    try:
        private_database_folder(settings.database_url)
        _dispatch(args.command, settings)
    except (ConfigError, ModelMissing, DatabaseUnavailable, ActionServerError) as error:
        print(f"trustcoach: {error}", file=sys.stderr)
        return 1
    except InvalidToken:  # its message (and traceback) would show the token
        print(f"trustcoach: {TOKEN_REFUSED}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    except Exception as error:  # the traceback goes through the token-redacting log handler
        logger.critical("Stopped on an unexpected error.", exc_info=True)
        print(f"trustcoach: stopped on an unexpected {type(error).__name__} (details in the log above).",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
