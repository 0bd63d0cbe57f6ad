"""The ``trustcoach`` command line: ``run`` (Telegram, or console without a token) and ``chat``.

Start-up problems (no model, no token, unreachable database, action server failing)
end with one clear line saying what to do, not a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TZ", "UTC")  # Rasa's APScheduler fails on an invalid local zone

from bot.config import ConfigError, Settings  # noqa: E402
from bot.logging_setup import configure_logging  # noqa: E402

logger = logging.getLogger("trustcoach")


async def _run_console(settings: Settings) -> None:
    from bot.console import chat
    from bot.runtime import running_coach

    async with running_coach(settings) as (bridge, db):
        await chat(bridge, db)


def _dispatch(command: str, settings: Settings) -> None:
    from bot.runtime import serve_telegram

    if command == "chat" or (command == "run" and not settings.telegram_token):
        if command == "run":
            logger.info("No TELEGRAM_BOT_TOKEN set: opening the console chat instead.")
        asyncio.run(_run_console(settings))
    else:
        asyncio.run(serve_telegram(settings))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="trustcoach", description=__doc__)
    parser.add_argument(
        "command", nargs="?", default="run", choices=["run", "chat"],
        help="run: Telegram if TELEGRAM_BOT_TOKEN is set, else console; chat: console",
    )
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
    except ConfigError as error:
        print(f"trustcoach: {error}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level, settings.telegram_token)

    from bot.action_server import ActionServerError
    from bot.rasa_bridge import ModelMissing
    from bot.storage.db import DatabaseUnavailable

    try:
        _dispatch(args.command, settings)
    except (ModelMissing, DatabaseUnavailable, ActionServerError) as error:
        print(f"trustcoach: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
