"""A fake Telegram Bot API server (aiohttp, 127.0.0.1) for end-to-end tests of the bot.

It answers the Bot API methods the bot uses with Telegram-shaped results, records every call,
lets a test push updates that the bot receives by long polling, keeps a per-chat message
store so edits fail the way the real API fails, and injects faults (error answers, slow
answers, dropped connections) for the next calls of a method.

    async with FakeTelegramServer(token="123:ABC") as server:
        # TELEGRAM_API_URL=server.url; the bot calls f"{server.url}/bot{token}/{method}"
        server.push_text(chat_id=42, text="/start")
        [reply] = await server.wait_for_calls("sendMessage", 1, chat_id=42)
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import json
import time
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import PurePosixPath
from typing import Any, Awaitable, Callable, Iterable

from aiohttp import web

JSONDict = dict[str, Any]

# Parameters that are always strings in the Bot API. python-telegram-bot posts strings as they
# are and JSON-encodes every other value, so only the others are JSON-decoded (a text "42"
# stays the string "42", a reply_markup becomes an object again).
STRING_PARAMS = frozenset(
    {
        "text", "caption", "parse_mode", "callback_query_id", "inline_message_id", "action",
        "url", "secret_token", "ip_address", "file_id", "description", "short_description",
        "name", "title", "language_code", "emoji", "question", "business_connection_id",
        "message_effect_id", "document", "photo", "voice", "audio", "video", "sticker",
        "animation", "thumbnail",
    }
)
# Update types Telegram leaves out unless a getUpdates call asks for them by name.
OPT_IN_UPDATE_TYPES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
MAX_MESSAGE_LENGTH = 4096
MAX_UPDATES_PER_CALL = 100
DEFAULT_GROUP_MEMBER_ID = 777
SHUTDOWN_GRACE_SECONDS = 1.0
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request, as the client sent it."""

    field: str
    filename: str | None
    content_type: str
    data: bytes


@dataclass
class Call:
    """One request the server received, in arrival order in ``FakeTelegramServer.calls``."""

    method: str
    params: JSONDict
    files: dict[str, UploadedFile]
    at: float  # time.monotonic() on arrival
    failed: bool = False  # answered with an error, or dropped
    fault: str | None = None  # the injected fault, e.g. "error 429", "dropped", "delayed 2s"
    result: Any = None  # the "result" of a successful answer
    finished_at: float | None = None  # None while the answer is still pending

    @property
    def chat_id(self) -> Any:
        return self.params.get("chat_id")

    @property
    def delivered(self) -> bool:
        return self.finished_at is not None and not self.failed

    def summary(self) -> str:
        shown = {
            key: _shorten(self.params[key])
            for key in ("chat_id", "text", "caption", "message_id", "offset", "timeout")
            if key in self.params
        }
        arguments = ", ".join(f"{key}={value!r}" for key, value in shown.items())
        outcome = f" [failed{': ' + self.fault if self.fault else ''}]" if self.failed else ""
        return f"{self.method}({arguments}){outcome}"


@dataclass
class _Fault:
    """An injected misbehaviour for the next ``remaining`` matching calls."""

    kind: str  # "fail", "drop" or "delay"
    method: str
    remaining: int
    chat_id: int | str | None = None
    status: int = HTTPStatus.INTERNAL_SERVER_ERROR
    description: str = ""
    retry_after: int | None = None
    seconds: float = 0.0

    def matches(self, call: Call) -> bool:
        return (
            self.remaining > 0
            and self.method == call.method
            and (self.chat_id is None or _chat_key(call.chat_id) == _chat_key(self.chat_id))
        )


@dataclass(frozen=True)
class _StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    filename: str | None
    mime_type: str
    data: bytes

    def as_json(self) -> JSONDict:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
        }


class _ApiError(Exception):
    """An error answer: HTTP status plus Telegram's error body."""

    def __init__(self, status: int, description: str, parameters: JSONDict | None = None):
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def response(self) -> web.Response:
        body: JSONDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return web.json_response(body, status=self.status)


def _shorten(value: Any, limit: int = 40) -> Any:
    if isinstance(value, str) and len(value) > limit:
        return value[: limit - 1] + "…"
    return value


def _chat_key(chat_id: Any) -> int | str:
    """Chat ids arrive as int or as text ("42", "@channel"); compare them in one form."""
    if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit():
        return int(chat_id)
    return chat_id


def _decode_form_value(name: str, value: str) -> Any:
    if name in STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


async def _sleep_at_least(seconds: float) -> None:
    """Sleep until ``seconds`` have passed on ``time.monotonic``: a loop whose timers work in
    whole milliseconds from a cached clock (uvloop's libuv) can wake a fraction early, and a
    delayed answer must really be that late."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        await asyncio.sleep(left)


async def _read_params(request: web.Request) -> tuple[JSONDict, dict[str, UploadedFile]]:
    """Query string plus a JSON, url-encoded or multipart body; raises ValueError if unparsable."""
    params = {name: _decode_form_value(name, value) for name, value in request.query.items()}
    files: dict[str, UploadedFile] = {}
    if request.content_type == "application/json":
        body = await request.read()
        if body:
            payload = json.loads(body)
            if not isinstance(payload, dict):
                raise ValueError("the JSON body must be an object")
            params.update(payload)
    elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        for name, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                with value.file as upload:
                    data = upload.read()
                files[name] = UploadedFile(name, value.filename, value.content_type, data)
            else:
                params[name] = _decode_form_value(name, value)
    return params, files


def _inline_markup(params: JSONDict) -> JSONDict | None:
    """Messages only carry inline keyboards; reply keyboards are not echoed back."""
    markup = params.get("reply_markup")
    return markup if isinstance(markup, dict) and "inline_keyboard" in markup else None


def _now() -> int:
    return int(time.time())


class FakeTelegramServer:
    """Enough of the Bot API, over real HTTP, for the bot to run against in tests."""

    def __init__(
        self,
        token: str = "123:ABC",
        *,
        bot_username: str = "trustcoach_test_bot",
        bot_first_name: str = "TrustCoach",
        first_update_id: int = 1,
    ):
        self.token = token
        self.bot_user: JSONDict = {
            "id": int(token.split(":", 1)[0]),
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
        }
        self.calls: list[Call] = []
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._closing = False
        self._changed = asyncio.Event()
        self._faults: list[_Fault] = []
        self._updates: list[JSONDict] = []
        self._update_ids = itertools.count(first_update_id)
        self._allowed_updates: list[str] = []
        self._callback_ids = itertools.count(1)
        self._chats: dict[int | str, JSONDict] = {}
        self._messages: dict[int | str, dict[int, JSONDict]] = {}
        self._last_message_ids: dict[int | str, int] = {}
        self._files: dict[str, _StoredFile] = {}
        self._file_numbers = itertools.count(1)
        self._webhook_url = ""
        self._commands: dict[tuple[str, str], list[JSONDict]] = {}
        self._methods: dict[str, Callable[[Call], Awaitable[Any]]] = {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "answerCallbackQuery": self._true,
            "deleteMessage": self._true,
            "sendChatAction": self._true,
            "sendDocument": self._send_document,
            "sendPhoto": self._send_photo,
            "getFile": self._get_file,
            "close": self._true,
            "logOut": self._true,
        }

    # ----------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1."""
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self._download)
        self._runner = web.AppRunner(
            app, access_log=None, shutdown_timeout=SHUTDOWN_GRACE_SECONDS
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = self._runner.addresses[0][1]
        self._closing = False

    async def stop(self) -> None:
        """Answer waiting long polls with no updates, then close every connection."""
        if self._runner is None:
            return
        self._closing = True
        self._pulse()
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> "FakeTelegramServer":
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        """The TELEGRAM_API_URL to give the bot (it appends /bot{token}/{method})."""
        if self._port is None:
            raise RuntimeError("FakeTelegramServer is not started")
        return f"http://127.0.0.1:{self._port}"

    @property
    def file_url(self) -> str:
        """The base_file_url to give python-telegram-bot (it appends the token)."""
        return f"{self.url}/file/bot"

    # ----------------------------------------------------------------- recorded calls

    def calls_of(self, method: str, chat_id: int | str | None = None) -> list[Call]:
        """Every call of ``method`` (optionally to one chat), failed attempts included."""
        return [
            call
            for call in self.calls
            if call.method == method
            and (chat_id is None or _chat_key(call.chat_id) == _chat_key(chat_id))
        ]

    def delivered(self, method: str, chat_id: int | str | None = None) -> list[Call]:
        """Only the calls of ``method`` that got a successful answer."""
        return [call for call in self.calls_of(method, chat_id) if call.delivered]

    def sent_texts(self, chat_id: int | str | None = None) -> list[str]:
        """Texts of the messages the bot got sent (successful sendMessage calls)."""
        return [call.params["text"] for call in self.delivered("sendMessage", chat_id)]

    async def wait_for_calls(
        self,
        method: str,
        count: int = 1,
        timeout: float = 10.0,
        chat_id: int | str | None = None,
        delivered_only: bool = False,
    ) -> list[Call]:
        """Wait until ``count`` calls of ``method`` arrived (or were answered successfully)."""

        def matching() -> list[Call]:
            calls = self.calls_of(method, chat_id)
            return [call for call in calls if call.delivered] if delivered_only else calls

        if await self._wait_until(lambda: len(matching()) >= count, timeout):
            return matching()
        wanted = f"{count} {'delivered ' if delivered_only else ''}{method} call(s)"
        where = f" to chat {chat_id!r}" if chat_id is not None else ""
        raise asyncio.TimeoutError(
            f"waited {timeout}s for {wanted}{where}, got {len(matching())}. "
            f"Calls seen:\n{self._describe_calls()}"
        )

    async def wait_until_idle(
        self, quiet: float = 0.5, timeout: float = 10.0, ignore: Iterable[str] = ("getUpdates",)
    ) -> None:
        """Return once ``quiet`` seconds pass, counted from now at the earliest, with no call
        arriving or pending and no update waiting to be fetched. Calls of the ``ignore``
        methods (the idle long poll) don't count as activity."""
        ignored = frozenset(ignore)
        began = time.monotonic()
        deadline = began + timeout
        while True:
            watched = [call for call in self.calls if call.method not in ignored]
            busy = bool(self._deliverable()) or any(c.finished_at is None for c in watched)
            last_activity = max([began] + [c.finished_at or c.at for c in watched])
            now = time.monotonic()
            if not busy and now - last_activity >= quiet:
                return
            if now >= deadline:
                raise asyncio.TimeoutError(
                    f"not idle after {timeout}s (pending updates: {len(self._deliverable())}). "
                    f"Calls seen:\n{self._describe_calls()}"
                )
            settles_in = deadline - now if busy else quiet - (now - last_activity)
            await self._wait_for_change(min(settles_in, deadline - now))

    # ----------------------------------------------------------------- faults

    def fail_next(
        self,
        method: str,
        status: int = HTTPStatus.TOO_MANY_REQUESTS,
        retry_after: int = 1,
        count: int = 1,
        description: str | None = None,
        chat_id: int | str | None = None,
    ) -> None:
        """Answer the next ``count`` calls of ``method`` with an error (429 carries
        ``parameters.retry_after`` as Telegram sends it)."""
        if description is None:
            description = (
                f"Too Many Requests: retry after {retry_after}"
                if status == HTTPStatus.TOO_MANY_REQUESTS
                else HTTPStatus(status).phrase
            )
        self._faults.append(
            _Fault(
                "fail",
                method,
                count,
                chat_id,
                status=int(status),
                description=description,
                retry_after=retry_after if status == HTTPStatus.TOO_MANY_REQUESTS else None,
            )
        )

    def delay_next(
        self, method: str, seconds: float, count: int = 1, chat_id: int | str | None = None
    ) -> None:
        """Answer the next ``count`` calls of ``method`` only after ``seconds``. Like the real
        API, the call still takes effect if the client gives up waiting."""
        self._faults.append(_Fault("delay", method, count, chat_id, seconds=seconds))

    def drop_next(self, method: str, count: int = 1, chat_id: int | str | None = None) -> None:
        """Close the connection without answering the next ``count`` calls of ``method``
        (nothing is sent: the client sees a connection error)."""
        self._faults.append(_Fault("drop", method, count, chat_id))

    # ----------------------------------------------------------------- updates

    def push_update(self, update: JSONDict) -> int:
        """Queue any update (its update_id is replaced by the next one); returns the id.
        Messages in it (message, channel_post) join the message store."""
        update_id = next(self._update_ids)
        queued = {**copy.deepcopy(update), "update_id": update_id}
        for kind in ("message", "channel_post"):
            message = queued.get(kind)
            if isinstance(message, dict) and "chat" in message and "message_id" in message:
                self._store(copy.deepcopy(message))
        self._updates.append(queued)
        self._pulse()
        return update_id

    def push_text(
        self,
        chat_id: int,
        text: str,
        user_id: int | None = None,
        first_name: str = "Ana",
        chat_type: str = "private",
    ) -> int:
        """A user's text message; a leading "/command" gets its bot_command entity."""
        content: JSONDict = {"text": text}
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return self._push_user_message(chat_id, content, user_id, first_name, chat_type)

    def push_callback(
        self,
        chat_id: int,
        data: str,
        message_id: int,
        user_id: int | None = None,
        first_name: str = "Ana",
    ) -> int:
        """A button press on message ``message_id``; an unknown message is sent as Telegram
        sends one it no longer has (an inaccessible message: date 0)."""
        stored = self._messages.get(_chat_key(chat_id), {}).get(message_id)
        message = copy.deepcopy(stored) or {
            "chat": self._chat(chat_id),
            "message_id": message_id,
            "date": 0,
        }
        callback_query = {
            "id": str(next(self._callback_ids)),
            "from": self._user(chat_id, user_id, first_name, message["chat"]["type"]),
            "chat_instance": f"instance-{chat_id}",
            "data": data,
            "message": message,
        }
        return self.push_update({"callback_query": callback_query})

    # The builders below take the sender keywords of push_text: user_id, first_name, chat_type.

    def push_sticker(self, chat_id: int, emoji: str = "🙂", **sender: Any) -> int:
        stored = self._register_file(b"RIFF-fake-webp", "stickers", "sticker.webp", "image/webp")
        sticker = {
            **stored.as_json(),
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return self._push_user_message(chat_id, {"sticker": sticker}, **sender)

    def push_photo(self, chat_id: int, caption: str | None = None, **sender: Any) -> int:
        stored = self._register_file(b"\xff\xd8\xff-fake", "photos", "photo.jpg", "image/jpeg")
        content: JSONDict = {"photo": [self._photo_size(stored)]}
        if caption:
            content["caption"] = caption
        return self._push_user_message(chat_id, content, **sender)

    def push_voice(self, chat_id: int, duration: int = 3, **sender: Any) -> int:
        stored = self._register_file(b"OggS-fake-voice", "voice", "voice.oga", "audio/ogg")
        voice = {**stored.as_json(), "duration": duration, "mime_type": stored.mime_type}
        return self._push_user_message(chat_id, {"voice": voice}, **sender)

    def push_location(
        self, chat_id: int, latitude: float = 52.37, longitude: float = 4.89, **sender: Any
    ) -> int:
        location = {"latitude": latitude, "longitude": longitude}
        return self._push_user_message(chat_id, {"location": location}, **sender)

    def push_edited_text(
        self,
        chat_id: int,
        message_id: int,
        text: str,
        user_id: int | None = None,
        first_name: str = "Ana",
    ) -> int:
        """The user edited their message ``message_id`` (an edited_message update)."""
        chat = self._chat(chat_id)
        message = self._messages.get(_chat_key(chat_id), {}).get(message_id) or {
            "message_id": message_id,
            "date": _now(),
            "chat": chat,
            "from": self._user(chat_id, user_id, first_name, chat["type"]),
        }
        message.update(text=text, edit_date=_now())
        self._store(message)
        return self.push_update({"edited_message": message})

    # ----------------------------------------------------------------- HTTP

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        parse_error = None
        try:
            params, files = await _read_params(request)
        except ValueError:
            params, files = {}, {}
            parse_error = _ApiError(400, "Bad Request: can't parse request body")
        call = Call(request.match_info["method"], params, files, at=time.monotonic())
        self.calls.append(call)
        self._pulse()
        try:
            if parse_error:
                raise parse_error
            return await self._answer(call, request)
        except _ApiError as error:
            call.failed = True
            return error.response()
        finally:
            call.finished_at = time.monotonic()
            self._pulse()

    async def _answer(self, call: Call, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            raise _ApiError(401, "Unauthorized")
        handler = self._methods.get(call.method)
        if handler is None:
            raise _ApiError(404, "Not Found: method not found")
        delay = self._take_fault(call, {"delay"})
        if delay:
            call.fault = f"delayed {delay.seconds}s"
            await _sleep_at_least(delay.seconds)
        fault = self._take_fault(call, {"fail", "drop"})
        if fault and fault.kind == "drop":
            call.failed, call.fault = True, "dropped"
            if request.transport is not None:
                request.transport.close()
            return web.Response()  # never reaches the client: the connection is gone
        if fault:
            call.fault = f"error {fault.status}"
            parameters = {"retry_after": fault.retry_after} if fault.retry_after else None
            raise _ApiError(fault.status, fault.description, parameters)
        call.result = await handler(call)
        return web.json_response({"ok": True, "result": call.result})

    async def _download(self, request: web.Request) -> web.Response:
        wanted = request.match_info["file_path"]
        found = [stored for stored in self._files.values() if stored.file_path == wanted]
        if request.match_info["token"] != self.token or not found:
            return _ApiError(404, "Not Found").response()
        return web.Response(body=found[0].data, content_type=found[0].mime_type)

    # ----------------------------------------------------------------- methods

    async def _true(self, call: Call) -> bool:
        return True

    async def _get_me(self, call: Call) -> JSONDict:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _get_updates(self, call: Call) -> list[JSONDict]:
        params = call.params
        if params.get("allowed_updates") is not None:
            self._allowed_updates = list(params["allowed_updates"])
        self._confirm(params.get("offset"))
        limit = min(max(int(params.get("limit") or MAX_UPDATES_PER_CALL), 1), MAX_UPDATES_PER_CALL)
        timeout = float(params.get("timeout") or 0)
        await self._wait_until(lambda: self._closing or bool(self._deliverable()), timeout)
        return copy.deepcopy(self._deliverable()[:limit])

    async def _delete_webhook(self, call: Call) -> bool:
        self._webhook_url = ""
        if call.params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _set_webhook(self, call: Call) -> bool:
        self._webhook_url = str(call.params.get("url") or "")
        return True

    async def _get_webhook_info(self, call: Call) -> JSONDict:
        return {
            "url": self._webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    def _commands_key(self, params: JSONDict) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")

    async def _set_my_commands(self, call: Call) -> bool:
        self._commands[self._commands_key(call.params)] = list(call.params.get("commands") or [])
        return True

    async def _get_my_commands(self, call: Call) -> list[JSONDict]:
        return self._commands.get(self._commands_key(call.params), [])

    async def _delete_my_commands(self, call: Call) -> bool:
        self._commands.pop(self._commands_key(call.params), None)
        return True

    async def _send_message(self, call: Call) -> JSONDict:
        chat_id = self._required_chat_id(call.params)
        text = str(call.params.get("text") or "")
        if not text:
            raise _ApiError(400, "Bad Request: message text is empty")
        if len(text) > MAX_MESSAGE_LENGTH:
            raise _ApiError(400, "Bad Request: message is too long")
        content: JSONDict = {"text": text}
        markup = _inline_markup(call.params)
        if markup:
            content["reply_markup"] = markup
        return self._bot_message(chat_id, content)

    async def _edit_message_text(self, call: Call) -> JSONDict | bool:
        if call.params.get("inline_message_id"):
            return True
        message = self._editable_message(call.params)
        text = str(call.params.get("text") or "")
        if not text:
            raise _ApiError(400, "Bad Request: message text is empty")
        if "text" not in message:
            raise _ApiError(400, "Bad Request: there is no text in the message to edit")
        markup = _inline_markup(call.params)
        if text == message["text"] and markup == message.get("reply_markup"):
            raise _ApiError(400, NOT_MODIFIED)
        message["text"] = text
        return self._finish_edit(message, markup)

    async def _edit_message_reply_markup(self, call: Call) -> JSONDict | bool:
        if call.params.get("inline_message_id"):
            return True
        message = self._editable_message(call.params)
        markup = _inline_markup(call.params)
        if markup == message.get("reply_markup"):
            raise _ApiError(400, NOT_MODIFIED)
        return self._finish_edit(message, markup)

    async def _send_document(self, call: Call) -> JSONDict:
        chat_id = self._required_chat_id(call.params)
        stored = self._input_file(call, "document", "documents")
        document = {**stored.as_json(), "mime_type": stored.mime_type}
        if stored.filename:
            document["file_name"] = stored.filename
        return self._bot_message(chat_id, {"document": document, **self._caption(call)})

    async def _send_photo(self, call: Call) -> JSONDict:
        chat_id = self._required_chat_id(call.params)
        stored = self._input_file(call, "photo", "photos")
        content = {"photo": [self._photo_size(stored)], **self._caption(call)}
        return self._bot_message(chat_id, content)

    async def _get_file(self, call: Call) -> JSONDict:
        stored = self._files.get(str(call.params.get("file_id")))
        if stored is None:
            raise _ApiError(400, "Bad Request: invalid file_id")
        return {**stored.as_json(), "file_path": stored.file_path}

    # ----------------------------------------------------------------- internals

    def _pulse(self) -> None:
        """Wake every waiter so it re-checks what it waits for."""
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_for_change(self, timeout: float) -> None:
        """Sleep until the next pulse or ``timeout``, whichever comes first."""
        try:
            await asyncio.wait_for(self._changed.wait(), timeout)
        except asyncio.TimeoutError:
            pass

    async def _wait_until(self, condition: Callable[[], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not condition():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            await self._wait_for_change(remaining)
        return True

    def _describe_calls(self, last: int = 30) -> str:
        lines = [f"  {call.summary()}" for call in self.calls[-last:]]
        return "\n".join(lines) or "  (none)"

    def _take_fault(self, call: Call, kinds: set[str]) -> _Fault | None:
        for fault in self._faults:
            if fault.kind in kinds and fault.matches(call):
                fault.remaining -= 1
                return fault
        return None

    def _allowed_types(self) -> frozenset[str] | None:
        """None means Telegram's default: every type except the opt-in ones."""
        return frozenset(self._allowed_updates) if self._allowed_updates else None

    def _deliverable(self) -> list[JSONDict]:
        """Queued updates of the types the last getUpdates asked for."""
        allowed = self._allowed_types()

        def wanted(update: JSONDict) -> bool:
            kind = next(key for key in update if key != "update_id")
            return kind in allowed if allowed is not None else kind not in OPT_IN_UPDATE_TYPES

        return [update for update in self._updates if wanted(update)]

    def _confirm(self, offset: Any) -> None:
        """Forget updates below a positive offset; a negative one keeps the last -offset."""
        if not offset:
            return
        offset = int(offset)
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        else:
            self._updates = self._updates[offset:]

    def _chat(
        self, chat_id: Any, chat_type: str | None = None, first_name: str = "Ana"
    ) -> JSONDict:
        """The chat object for ``chat_id``, made on first use (type guessed from the id)."""
        key = _chat_key(chat_id)
        if key not in self._chats:
            if chat_type is None:
                by_id = "private" if isinstance(key, int) and key > 0 else "group"
                chat_type = "channel" if isinstance(key, str) else by_id
            chat: JSONDict = {"id": key, "type": chat_type}
            if chat_type == "private":
                chat["first_name"] = first_name
            else:
                chat["title"] = f"Test {chat_type}"
            if isinstance(key, str):
                chat["username"] = key.lstrip("@")
            self._chats[key] = chat
        return self._chats[key]

    @staticmethod
    def _user(chat_id: Any, user_id: int | None, first_name: str, chat_type: str) -> JSONDict:
        if user_id is None:
            user_id = chat_id if chat_type == "private" else DEFAULT_GROUP_MEMBER_ID
        return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "en"}

    def _next_message_id(self, chat_id: Any) -> int:
        return self._last_message_ids.get(_chat_key(chat_id), 0) + 1

    def _store(self, message: JSONDict) -> None:
        """Keep the message for edits and callbacks; later ids in its chat come after it."""
        key = _chat_key(message["chat"]["id"])
        self._messages.setdefault(key, {})[message["message_id"]] = message
        last = self._last_message_ids.get(key, 0)
        self._last_message_ids[key] = max(last, message["message_id"])

    def _push_user_message(
        self,
        chat_id: int,
        content: JSONDict,
        user_id: int | None = None,
        first_name: str = "Ana",
        chat_type: str = "private",
    ) -> int:
        chat = self._chat(chat_id, chat_type, first_name)
        message: JSONDict = {
            "message_id": self._next_message_id(chat_id),
            "date": _now(),
            "chat": chat,
            **content,
        }
        if chat["type"] == "channel":
            return self.push_update({"channel_post": {**message, "sender_chat": chat}})
        message["from"] = self._user(chat_id, user_id, first_name, chat["type"])
        return self.push_update({"message": message})

    def _bot_message(self, chat_id: Any, content: JSONDict) -> JSONDict:
        message = {
            "message_id": self._next_message_id(chat_id),
            "from": self.bot_user,
            "chat": self._chat(chat_id),
            "date": _now(),
            **content,
        }
        self._store(message)
        return copy.deepcopy(message)

    @staticmethod
    def _required_chat_id(params: JSONDict) -> int | str:
        if params.get("chat_id") in (None, ""):
            raise _ApiError(400, "Bad Request: chat_id is empty")
        return _chat_key(params["chat_id"])

    def _editable_message(self, params: JSONDict) -> JSONDict:
        chat_id = self._required_chat_id(params)
        message = self._messages.get(chat_id, {}).get(int(params.get("message_id") or 0))
        if message is None:
            raise _ApiError(400, "Bad Request: message to edit not found")
        if message.get("from", {}).get("id") != self.bot_user["id"]:
            raise _ApiError(400, "Bad Request: message can't be edited")
        return message

    @staticmethod
    def _finish_edit(message: JSONDict, markup: JSONDict | None) -> JSONDict:
        if markup:
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        message["edit_date"] = _now()
        return copy.deepcopy(message)

    @staticmethod
    def _caption(call: Call) -> JSONDict:
        caption = call.params.get("caption")
        return {"caption": caption} if caption else {}

    def _register_file(
        self, data: bytes, folder: str, filename: str | None, mime: str
    ) -> _StoredFile:
        number = next(self._file_numbers)
        suffix = PurePosixPath(filename).suffix if filename else ""
        stored = _StoredFile(
            file_id=f"fake-file-{number}",
            file_unique_id=f"fake-unique-{number}",
            file_path=f"{folder}/file_{number}{suffix}",
            filename=filename,
            mime_type=mime,
            data=data,
        )
        self._files[stored.file_id] = stored
        return stored

    def _input_file(self, call: Call, field_name: str, folder: str) -> _StoredFile:
        """The uploaded file, or one sent before, named by its file_id."""
        upload = call.files.get(field_name)
        if upload is not None:
            return self._register_file(upload.data, folder, upload.filename, upload.content_type)
        reference = call.params.get(field_name)
        if not reference:
            raise _ApiError(400, f"Bad Request: there is no {field_name} in the request")
        if reference not in self._files:
            raise _ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        return self._files[reference]

    @staticmethod
    def _photo_size(stored: _StoredFile) -> JSONDict:
        return {**stored.as_json(), "width": 320, "height": 320}
