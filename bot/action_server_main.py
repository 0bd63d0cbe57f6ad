"""The action server child's entry point: ``python -m bot.action_server_main --actions actions``.

rasa_sdk's own server (``python -m rasa_sdk``), with four differences:

- ~360 MB lighter: spaCy's ``thinc`` imports every machine-learning back end it finds
  installed, and Rasa installs TensorFlow and JAX, which no action uses (the apology
  analyzer's spaCy pipeline has no neural parts). Marking them unavailable before anything
  is imported keeps them out of the process (see docs/BENCHMARKS.md, Memory).
- locked (``bot.action_guard``): only calls carrying the secret the bot put in
  ``TRUSTCOACH_ACTION_SECRET`` are served; a failing action logs its name and error type,
  never the conversation; no cross-origin requests; no access log.
- loopback only: any other ``SANIC_HOST`` is refused.
- it dies with the bot that started it (``TRUSTCOACH_PARENT_PID``).

Without a secret it refuses to start. ``make actions`` (for ``rasa shell``) runs plain
``rasa_sdk`` instead: a developer tool, unlocked, never for real conversations.
"""

from __future__ import annotations

import logging
import os
import sys

UNUSED_BACKENDS = ("tensorflow", "jax")


def block_unused_backends() -> None:
    """Make ``import tensorflow`` / ``import jax`` fail fast with ImportError in this process."""
    for name in UNUSED_BACKENDS:
        if name not in sys.modules:
            sys.modules[name] = None  # type: ignore[assignment]


def main() -> int:
    from bot.action_auth import PARENT_PID_ENV, SECRET_ENV

    secret = os.environ.pop(SECRET_ENV, "")  # the actions never see it
    parent = os.environ.pop(PARENT_PID_ENV, "")
    from bot.action_guard import die_with_parent

    die_with_parent(int(parent) if parent.isdigit() else None)
    block_unused_backends()

    from rasa_sdk.endpoint import create_app, create_argument_parser

    from bot.logging_setup import configure_logging
    from coach.config import is_loopback

    args = create_argument_parser().parse_args()
    configure_logging(logging.getLevelName(args.loglevel or logging.INFO), token=None)
    host = os.environ.get("SANIC_HOST", "127.0.0.1")
    if not secret:
        print(f"action server: {SECRET_ENV} is not set; start it through the bot (trustcoach run).", file=sys.stderr)
        return 2
    if not is_loopback(host):
        print(f"action server: SANIC_HOST must be a loopback address, got {host!r}.", file=sys.stderr)
        return 2
    from bot.action_guard import guard

    app = create_app(args.actions, cors_origins="")
    guard(app, secret)
    app.run(host, args.port, workers=1, access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
