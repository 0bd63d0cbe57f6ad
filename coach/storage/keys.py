"""Per-person data keys, wrapped by a master key: what the sealed columns are encrypted with.

- **The master key** is 32 random bytes in a file (``MASTER_KEY_FILE``, default
  ``data/master.key``), created on first run with mode 0600 and never stored in a database.
- **Each person's data key** (32 random bytes, AES-256-GCM) is kept wrapped (encrypted)
  by the master key in ``person_keys``, a table in the *keystore*: its own small database
  (``KEYSTORE_URL``; by default a SQLite file beside the database, ``trustcoach-keys.db``
  for ``trustcoach.db``, or ``keys.db`` beside the master key file), apart from the data, so a copy or backup of the data holds no key.
- **Forget shreds the key first** (``Keyring.shred``): once a person's key row is gone
  (SQLite ``secure_delete`` and a truncated log in the keystore), every copy of their
  rows, in the database's free pages, its log or a backup taken before, is unreadable.
- **Rotation**: ``rotate_master_key`` (``python -m coach.storage.keys rotate``) makes a
  new master key and rewraps every data key under it in one transaction; the data is
  not touched. Each wrapped key records which master key wrapped it (a fingerprint), so
  a rotation interrupted at any point leaves every key readable (``<file>.new`` and
  ``<file>.old`` are tried too).

A process keeps the keys it unwrapped in memory. Reading trusts that cache (a key whose
row was shredded can only open rows that were deleted with it), but every *write* checks
the person's key row first, so nothing is ever written under a key another process has
just shredded (once per unit of writing: ``writing_together``).
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import os
import secrets
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.engine import make_url

from coach.config import Settings
from coach.storage.engines import checkpoint_sqlite, create_plain_engine

KEY_BYTES, NONCE_BYTES = 32, 12

_metadata = sa.MetaData()
person_keys = sa.Table(
    "person_keys", _metadata,
    sa.Column("person", sa.String(255), primary_key=True),  # the Rasa sender id: str(chat_id)
    sa.Column("wrapped", sa.LargeBinary, nullable=False),  # nonce + the data key encrypted by the master key
    sa.Column("master", sa.String(16), nullable=False),  # fingerprint of the master key that wrapped it
)


class KeyShredded(LookupError):
    """The person's data key is gone (they were forgotten): their sealed data cannot be read."""


class MasterKeyMissing(RuntimeError):
    """No master key file can open this keystore's keys; the message says what to do."""


def _fingerprint(master: bytes) -> str:
    return hashlib.sha256(b"trustcoach-master:" + master).hexdigest()[:16]


def _write_new_key(path: Path) -> None:
    """32 random bytes into ``path`` (mode 0600), atomically; an existing file is kept."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(descriptor, secrets.token_bytes(KEY_BYTES))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    try:
        os.link(temporary, path)  # fails if another process created it first: theirs wins
    except FileExistsError:
        pass
    finally:
        temporary.unlink(missing_ok=True)


def load_master_key(path: Path) -> bytes:
    """The master key in ``path``, created (0600) when the file does not exist yet."""
    if not path.exists():
        _write_new_key(path)
    master = path.read_bytes()
    if len(master) != KEY_BYTES:
        raise MasterKeyMissing(f"The master key file {path} is not a {KEY_BYTES}-byte key.")
    return master


def default_keystore_url(database_url: str, master_key_file: Path = Settings.master_key_file) -> str:
    """Beside a SQLite database file, ``<name>-keys.db``; otherwise ``keys.db`` beside the
    master key file (``data/keys.db`` by default)."""
    parsed = make_url(database_url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        path = Path(parsed.database)
        return f"sqlite:///{path.with_name(f'{path.stem}-keys.db')}"
    return f"sqlite:///{Path(master_key_file).with_name('keys.db')}"


@dataclass(frozen=True)
class PersonCipher:
    """One person's data key, ready to seal and open."""

    person: str
    aead: AESGCM

    def seal(self, plain: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self.aead.encrypt(nonce, plain, self.person.encode())

    def open(self, sealed: bytes) -> bytes:
        return self.aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], self.person.encode())


class Keyring:
    """The data keys of one keystore, unwrapped with the master key in ``master_key_file``."""

    plaintext = False

    def __init__(self, keystore_url: str, master_key_file: Path) -> None:
        self.keystore_url, self.master_key_file = keystore_url, Path(master_key_file)
        self._masters = {}
        self._load_masters(create=True)
        self.engine = create_plain_engine(keystore_url, keep_connections=True)
        _metadata.create_all(self.engine)
        self._cache: dict[str, tuple[bytes, PersonCipher]] = {}
        self._lock = threading.Lock()

    def _load_masters(self, create: bool = False) -> None:
        masters = {}
        for path in (self.master_key_file, self.master_key_file.with_name(self.master_key_file.name + ".new"),
                     self.master_key_file.with_name(self.master_key_file.name + ".old")):
            if path == self.master_key_file and create:
                master = load_master_key(path)
            elif path.exists():
                master = path.read_bytes()
            else:
                continue
            masters[_fingerprint(master)] = master
        self._masters = masters

    def _master(self, fingerprint: str) -> bytes:
        if fingerprint not in self._masters:
            self._load_masters()  # rotated by another process since
        if fingerprint not in self._masters:
            raise MasterKeyMissing(
                f"No master key in {self.master_key_file} opens the keys in {self.keystore_url}: "
                "restore the master key file (MASTER_KEY_FILE) this keystore was made with."
            )
        return self._masters[fingerprint]

    def _unwrap(self, person: str, wrapped: bytes, fingerprint: str) -> PersonCipher:
        master = AESGCM(self._master(fingerprint))
        key = master.decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], person.encode())
        return PersonCipher(person, AESGCM(key))

    def _stored(self, person: str) -> tuple[bytes, str] | None:
        with self.engine.connect() as connection:
            row = connection.execute(sa.select(person_keys.c.wrapped, person_keys.c.master)
                                     .where(person_keys.c.person == person)).first()
        return (bytes(row[0]), row[1]) if row else None

    def _remember(self, person: str, wrapped: bytes, fingerprint: str) -> PersonCipher:
        cached = self._cache.get(person)
        if cached is not None and cached[0] == wrapped:
            return cached[1]
        cipher = self._unwrap(person, wrapped, fingerprint)
        with self._lock:
            self._cache[person] = (wrapped, cipher)
        return cipher

    @contextlib.contextmanager
    def writing_together(self) -> Iterator[None]:
        """One unit of writing (a turn's events, an update's replies): each person's key is
        checked once for all of it, not once per value."""
        token = _checked.set({})
        try:
            yield
        finally:
            _checked.reset(token)

    def for_writing(self, person: str) -> PersonCipher:
        """The person's key as stored now, made on their first write."""
        checked = _checked.get()
        if checked is not None and (id(self), person) in checked:
            return checked[(id(self), person)]
        cipher = self._current(person)
        if checked is not None:
            checked[(id(self), person)] = cipher
        return cipher

    def _current(self, person: str) -> PersonCipher:
        stored = self._stored(person)
        if stored is None:
            current = load_master_key(self.master_key_file)
            fingerprint = _fingerprint(current)
            self._masters[fingerprint] = current
            nonce = os.urandom(NONCE_BYTES)
            wrapped = nonce + AESGCM(self._master(fingerprint)).encrypt(
                nonce, secrets.token_bytes(KEY_BYTES), person.encode())
            try:
                with self.engine.begin() as connection:
                    connection.execute(sa.insert(person_keys).values(person=person, wrapped=wrapped, master=fingerprint))
            except sa.exc.IntegrityError:  # another process made it at the same moment: use theirs
                pass
            stored = self._stored(person)
            assert stored is not None
        return self._remember(person, *stored)

    def for_reading(self, person: str, refresh: bool = False) -> PersonCipher:
        """The person's key (from memory unless ``refresh``); ``KeyShredded`` if they have none."""
        cached = self._cache.get(person)
        if cached is not None and not refresh:
            return cached[1]
        stored = self._stored(person)
        if stored is None:
            raise KeyShredded(person)
        return self._remember(person, *stored)

    def open(self, person: str, sealed: bytes) -> bytes:
        """Decrypt one sealed value of the person's (a stale cached key is refreshed once)."""
        try:
            return self.for_reading(person).open(sealed)
        except InvalidTag:
            return self.for_reading(person, refresh=True).open(sealed)

    def shred(self, person: str) -> bool:
        """Delete the person's key for good (forget); True if there was one."""
        with self._lock:
            self._cache.pop(person, None)
        with self.engine.begin() as connection:
            deleted = connection.execute(sa.delete(person_keys).where(person_keys.c.person == person)).rowcount
        checkpoint_sqlite(self.engine)
        return bool(deleted)

    def people(self) -> set[str]:
        with self.engine.connect() as connection:
            return set(connection.execute(sa.select(person_keys.c.person)).scalars())

    def dispose(self) -> None:
        self.engine.dispose()


_checked: contextvars.ContextVar[dict[tuple[int, str], PersonCipher] | None] = contextvars.ContextVar(
    "keys_checked_in_this_unit", default=None)


class PlaintextKeyring:
    """No encryption (``UNSAFE_PLAINTEXT_AT_REST=1``): the baseline of the encryption
    benchmark, never for people's data. Values are stored base64-encoded under ``tc0:``."""

    plaintext = True
    keystore_url = "(none)"

    def for_writing(self, person: str) -> PersonCipher:
        raise RuntimeError("a plaintext keyring has no keys")

    def open(self, person: str, sealed: bytes) -> bytes:
        raise RuntimeError("a plaintext keyring has no keys")

    @contextlib.contextmanager
    def writing_together(self) -> Iterator[None]:
        yield

    def shred(self, person: str) -> bool:
        return False

    def people(self) -> set[str]:
        return set()

    def dispose(self) -> None:
        pass


_keyrings: dict[tuple[str, Path], Keyring] = {}
_keyrings_lock = threading.Lock()


def keyring_for(database_url: str, settings: Settings | None = None) -> Keyring | PlaintextKeyring:
    """The process's keyring for the database at ``database_url`` (one per keystore):
    ``KEYSTORE_URL`` and ``MASTER_KEY_FILE`` from ``settings`` (default: the environment)."""
    settings = settings or Settings.from_env()
    if settings.plaintext_at_rest:
        return PlaintextKeyring()
    keystore_url = settings.keystore_url or default_keystore_url(database_url, settings.master_key_file)
    key = (keystore_url, Path(settings.master_key_file).resolve())
    with _keyrings_lock:
        if key not in _keyrings:
            _keyrings[key] = Keyring(keystore_url, settings.master_key_file)
        return _keyrings[key]


def rotate_master_key(keystore_url: str, master_key_file: Path) -> int:
    """A new master key: every data key rewrapped under it in one transaction, then the new
    file put in place of the old. The data is not touched. Returns the keys rewrapped.
    Stop the coach while it runs (a running process finds the new key by its fingerprint,
    but one that started before and makes a new person's key during the swap may use the old)."""
    master_key_file = Path(master_key_file)
    keyring = Keyring(keystore_url, master_key_file)
    new_file = master_key_file.with_name(master_key_file.name + ".new")
    old_file = master_key_file.with_name(master_key_file.name + ".old")
    if not new_file.exists():
        _write_new_key(new_file)
    new_master = new_file.read_bytes()
    fingerprint, sealer = _fingerprint(new_master), AESGCM(new_master)
    keyring._load_masters()
    with keyring.engine.begin() as connection:
        rows = connection.execute(sa.select(person_keys)).mappings().all()
        for row in rows:
            person = row["person"]
            wrapped = bytes(row["wrapped"])
            master = AESGCM(keyring._master(row["master"]))
            key = master.decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], person.encode())
            nonce = os.urandom(NONCE_BYTES)
            connection.execute(sa.update(person_keys).where(person_keys.c.person == person).values(
                wrapped=nonce + sealer.encrypt(nonce, key, person.encode()), master=fingerprint))
    os.replace(master_key_file, old_file)
    os.replace(new_file, master_key_file)
    old_file.unlink()
    keyring.dispose()
    with _keyrings_lock:
        _keyrings.clear()
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    """``python -m coach.storage.keys rotate``: rotate the master key of the configured keystore."""
    argv = sys.argv[1:] if argv is None else argv
    if argv != ["rotate"]:
        print("usage: python -m coach.storage.keys rotate   (stop the coach first)", file=sys.stderr)
        return 2
    settings = Settings.from_env()
    keystore_url = settings.keystore_url or default_keystore_url(settings.database_url, settings.master_key_file)
    count = rotate_master_key(keystore_url, settings.master_key_file)
    print(f"Rewrapped {count} data keys under a new master key in {settings.master_key_file}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
