"""Sealed columns: AES-256-GCM under the person's own data key, in one place.

A sensitive column is declared ``SealedText`` (or ``SealedBytes`` for files). Writing one
takes a ``PersonText`` (``mine(chat_id, text)``): a ``str`` that also says whose it is, so
the right key is used; a bare ``str`` is refused (``TypeError``), so no text can be written
in the clear by mistake. Reading gives the plain text back, with the key named in the
stored value; a forgotten person's values raise ``KeyShredded``.

Stored form: ``tc1:<person>:<base64(nonce + ciphertext + tag)>`` (files: ``b"tc1" +
len(person) + person + nonce + ciphertext + tag``), the person being the Rasa sender id
(``str(chat_id)``) and also the cipher's associated data, so a value moved to another
person's key does not open. Keys come from the engine's keyring (``register``, done by
``coach.storage.db.create_engine`` for every engine the coach opens).

``PLAIN_PREFIX`` values are written only by a keyring in plaintext mode (the encryption
benchmark's baseline, ``UNSAFE_PLAINTEXT_AT_REST``), and read only by one.
"""

from __future__ import annotations

import base64
import weakref
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

PREFIX, PLAIN_PREFIX = "tc1:", "tc0:"
BYTES_PREFIX, PLAIN_BYTES_PREFIX = b"tc1", b"tc0"


class Cipher(Protocol):
    def seal(self, plain: bytes) -> bytes: ...

    def open(self, sealed: bytes) -> bytes: ...


class KeyringLike(Protocol):
    plaintext: bool

    def for_writing(self, person: str) -> Cipher: ...

    def open(self, person: str, sealed: bytes) -> bytes: ...


class PersonText(str):
    """A text and the person it belongs to (``person``: their Rasa sender id)."""

    person: str

    def __new__(cls, person: int | str, text: str) -> "PersonText":
        value = super().__new__(cls, text)
        value.person = str(person)
        return value


class PersonBytes(bytes):
    """File content and the person it belongs to."""

    person: str

    def __new__(cls, person: int | str, data: bytes) -> "PersonBytes":
        value = super().__new__(cls, data)
        value.person = str(person)
        return value


def mine(person: int | str | None, text: str | None) -> PersonText | None:
    """``text`` as the person's (None stays None). A value with no person (an update
    without a chat) is sealed under the key of the person ``"-"``."""
    return None if text is None else PersonText("-" if person is None else person, text)


def mine_bytes(person: int | str | None, data: bytes | None) -> PersonBytes | None:
    return None if data is None else PersonBytes("-" if person is None else person, data)


_keyrings: "weakref.WeakKeyDictionary[Dialect, KeyringLike]" = weakref.WeakKeyDictionary()


def register(engine: sa.engine.Engine, keyring: KeyringLike) -> None:
    """Sealed columns read and written through ``engine`` use ``keyring``."""
    _keyrings[engine.dialect] = keyring


def keyring_of(dialect: Dialect) -> KeyringLike:
    try:
        return _keyrings[dialect]
    except KeyError:
        raise RuntimeError("This engine has no keyring: open databases with coach.storage.db") from None


def seal_text(keyring: KeyringLike, value: PersonText) -> str:
    if keyring.plaintext:
        return f"{PLAIN_PREFIX}{value.person}:{base64.b64encode(value.encode()).decode('ascii')}"
    sealed = keyring.for_writing(value.person).seal(value.encode())
    return f"{PREFIX}{value.person}:{base64.b64encode(sealed).decode('ascii')}"


def is_sealed_text(value: str) -> bool:
    return value.startswith((PREFIX, PLAIN_PREFIX)) and ":" in value[len(PREFIX):]


def open_text(keyring: KeyringLike, value: str) -> str:
    person, _, body = value[len(PREFIX):].rpartition(":")
    raw = base64.b64decode(body)
    if value.startswith(PLAIN_PREFIX) and keyring.plaintext:
        return raw.decode()
    if not value.startswith(PREFIX) or keyring.plaintext:
        raise ValueError("a sealed column holds a value that is not sealed by this keyring")
    return keyring.open(person, raw).decode()


def seal_bytes(keyring: KeyringLike, value: PersonBytes) -> bytes:
    person = value.person.encode()
    if keyring.plaintext:
        return PLAIN_BYTES_PREFIX + bytes([len(person)]) + person + bytes(value)
    return BYTES_PREFIX + bytes([len(person)]) + person + keyring.for_writing(value.person).seal(bytes(value))


def open_bytes(keyring: KeyringLike, value: bytes) -> bytes:
    size = value[3]
    person, body = value[4:4 + size].decode(), value[4 + size:]
    if value.startswith(PLAIN_BYTES_PREFIX) and keyring.plaintext:
        return body
    if not value.startswith(BYTES_PREFIX) or keyring.plaintext:
        raise ValueError("a sealed column holds a value that is not sealed by this keyring")
    return keyring.open(person, body)


class SealedText(TypeDecorator):
    """Text encrypted under its person's key (write a ``PersonText``)."""

    impl = sa.Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None or value == "":  # nothing to hide (a reminder without a note)
            return value
        if not isinstance(value, PersonText):
            raise TypeError("a sealed column takes a PersonText (coach.storage.sealing.mine), not a bare str")
        return seal_text(keyring_of(dialect), value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return value if value is None or value == "" else open_text(keyring_of(dialect), value)


class SealedBytes(TypeDecorator):
    """Bytes (a file) encrypted under its person's key (write a ``PersonBytes``)."""

    impl = sa.LargeBinary
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        if not isinstance(value, PersonBytes):
            raise TypeError("a sealed column takes PersonBytes (coach.storage.sealing.mine_bytes), not bare bytes")
        return seal_bytes(keyring_of(dialect), value)

    def process_result_value(self, value: Any, dialect: Dialect) -> bytes | None:
        return None if value is None else open_bytes(keyring_of(dialect), bytes(value))
