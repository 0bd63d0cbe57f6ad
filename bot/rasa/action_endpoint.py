"""Rasa's endpoint for the custom actions: it carries this start's secret and notes failures.

``LockedActionEndpoint(url, secret, serving)`` is the ``EndpointConfig`` the agent calls the
action server through: every call carries the secret in a header (``bot.action_auth``; a
header, not Rasa's ``token`` option, which would put it in the URL), and no call is sent
while ``serving()`` says our proved child is not running (``ActionServer.is_serving``):
between a crash and a verified restart, whatever holds the port gets nothing; the call
fails as if the server were unreachable. When a call fails (the action
raised, or the server is unreachable; a 400, an action rejecting its turn, is not a failure) Rasa logs it, drops the action's events and carries
on, so the person would get no answer at all; the endpoint notes the failure in the
turn's ``failures`` list (``watching_failures``) so the bridge can say sorry instead.
"""

from __future__ import annotations

import contextlib
import contextvars
from typing import Any, Callable, Iterator, Optional

import aiohttp
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from bot.action_auth import SECRET_HEADER

ACTION_FAILED_REPLY = (
    "Sorry, something went wrong on my side and I couldn't finish that. "
    "Please try again in a moment, or type /help to see what we can do."
)
_failures: contextvars.ContextVar[Optional[list[str]]] = contextvars.ContextVar("action_failures", default=None)


class LockedActionEndpoint(EndpointConfig):
    """An ``EndpointConfig`` sending the action server's secret and noting failed calls."""

    def __init__(self, url: str, secret: str | None, serving: Callable[[], bool] | None = None,
                 **kwargs: Any) -> None:
        headers = dict(kwargs.pop("headers", None) or {})
        if secret:
            headers[SECRET_HEADER] = secret
        super().__init__(url=url, headers=headers, **kwargs)
        self.serving = serving

    async def request(self, *args: Any, **kwargs: Any) -> Optional[Any]:
        try:
            if self.serving is not None and not self.serving():
                raise aiohttp.ClientConnectionError("the action server is not running (restarting, or refused)")
            return await super().request(*args, **kwargs)
        except Exception as error:
            failures = _failures.get()
            if failures is not None and not _rejection(error):  # shared with the turn, even across copied contexts
                failures.append(type(error).__name__)
            raise

    def copy(self) -> "LockedActionEndpoint":
        copied = LockedActionEndpoint(self.url, None, self.serving, params=self.params, headers=self.headers,
                                      basic_auth=self.basic_auth, token=self.token, token_name=self.token_name,
                                      cafile=self.cafile, **self.kwargs)
        copied.type = self.type
        return copied


def _rejection(error: Exception) -> bool:
    """A 400 is rasa_sdk's way of saying an action rejected its turn (``ActionExecutionRejection``:
    a form told a request is not an answer); Rasa then predicts the next action. Not a failure."""
    return isinstance(error, ClientResponseError) and error.status == 400


@contextlib.contextmanager
def watching_failures() -> Iterator[list[str]]:
    """The action calls that fail inside the block are listed (by error type) in the list yielded."""
    failures: list[str] = []
    token = _failures.set(failures)
    try:
        yield failures
    finally:
        _failures.reset(token)
