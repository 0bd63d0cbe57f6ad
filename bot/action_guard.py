"""The action-server child's locks: our secret on every call, a bare error on failure, and
no life after the bot.

``guard(app, secret)`` adds to rasa_sdk's Sanic app:

- a request middleware refusing (401) any request without the secret of this start
  (``bot.action_auth``); ``/health`` alone stays open, and answers a nonce with its proof;
- an exception handler replacing rasa_sdk's, which answers a failing action with the whole
  request body (the tracker: every message of the conversation) and logs the exception
  with it. Ours logs the action's name and the error's type only, and answers a bare 500;
  the bot then says sorry to the person (``bot.rasa.action_endpoint``).

``die_with_parent(pid)`` asks Linux to kill this process when the bot dies (even by
SIGKILL), with a thread watching the parent's pid as the fallback elsewhere, so an
orphaned action server never outlives its bot on the port.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import signal
import sys
import threading
import time

from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.action_auth import NONCE_HEADER, PROOF_HEADER, SECRET_HEADER, matches, proof

logger = logging.getLogger(__name__)

OPEN_PATHS = frozenset({"/health"})
ACTION_NAME = re.compile(r"[A-Za-z0-9_]{1,80}")
PR_SET_PDEATHSIG = 1


def _action_name(request: Request) -> str:
    """The called action's name, if it looks like one (never any other part of the body)."""
    try:
        name = (request.json or {}).get("next_action")
    except Exception:  # an unreadable body: nothing to name
        return "?"
    return name if isinstance(name, str) and ACTION_NAME.fullmatch(name) else "?"


def guard(app: Sanic, secret: str) -> None:
    """Lock ``app`` to callers holding ``secret``; make failures say nothing of the conversation."""

    @app.middleware("request")
    async def require_secret(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS or matches(secret, request.headers.get(SECRET_HEADER)):
            return None
        logger.warning("Refused a %s %s without the action server's secret.", request.method, request.path)
        return response.json({"error": "unauthorized"}, status=401)

    @app.middleware("response")
    async def prove_identity(request: Request, reply: HTTPResponse) -> None:
        nonce = request.headers.get(NONCE_HEADER)
        if request.path in OPEN_PATHS and nonce:
            reply.headers[PROOF_HEADER] = proof(secret, nonce[:128])

    async def bare_error(request: Request, exception: Exception) -> HTTPResponse:
        logger.error("Action %s failed (%s).", _action_name(request), type(exception).__name__)
        return response.json({"error": "the action failed"}, status=500)

    app.error_handler.add(Exception, bare_error)


def die_with_parent(parent_pid: int | None) -> None:
    """End this process when ``parent_pid`` dies: Linux's parent-death signal, else a watch.

    Linux sends the signal when the *thread* that started the child ends: the bot starts it
    from its event-loop thread (``ActionServer``), which lives as long as the bot."""
    if parent_pid is None:
        return
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent_pid:  # the parent died before the signal was armed
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="parent-watch", daemon=True).start()


def _watch_parent(parent_pid: int, interval: float = 1.0) -> None:
    while os.getppid() == parent_pid:
        time.sleep(interval)
    os._exit(1)
