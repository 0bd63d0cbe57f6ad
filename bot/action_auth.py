"""What the bot and its action-server child share to trust each other: a secret per start.

The bot makes a fresh random secret each time it starts (``new_secret``) and hands it to
the child in its environment (``SECRET_ENV``; never on the command line, where ``ps``
shows it to every local user). Rasa sends it with every action call (``SECRET_HEADER``);
the child refuses calls without it. To prove that whatever answers on the port is our own
child and not a stranger that took the port first, the bot sends a fresh nonce with each
health check (``NONCE_HEADER``) and the child answers ``proof(secret, nonce)``
(HMAC-SHA256, ``PROOF_HEADER``), which nobody without the secret can compute.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

SECRET_ENV = "TRUSTCOACH_ACTION_SECRET"
PARENT_PID_ENV = "TRUSTCOACH_PARENT_PID"
SECRET_HEADER = "X-Trustcoach-Secret"
NONCE_HEADER = "X-Trustcoach-Nonce"
PROOF_HEADER = "X-Trustcoach-Proof"


def new_secret() -> str:
    """A fresh secret: 256 random bits, URL-safe text."""
    return secrets.token_urlsafe(32)


def new_nonce() -> str:
    return secrets.token_hex(16)


def proof(secret: str, nonce: str) -> str:
    """HMAC-SHA256 of the nonce under the secret, hex."""
    return hmac.new(secret.encode(), nonce.encode(), hashlib.sha256).hexdigest()


def matches(expected: str, given: str | None) -> bool:
    """Constant-time comparison (a refused guess says nothing about how close it was)."""
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())
