"""What encryption at rest costs: one-user in-process handling with and without it, in one run.

    python -m bench.encryption_cost                 # the measurement (a few minutes)
    python -m bench.encryption_cost --rounds 1 --conversations 2 --messages 3 --users 2   # a check

Two ``RasaBridge``s on the same model, each with its own SQLite database and its own action
server child (``bot.action_server.ActionServer``, as the bot runs it): ``encrypted`` is the
coach as shipped (every sealed column under a per-person key, ``coach.storage.sealing``);
``plaintext`` is the same code with ``UNSAFE_PLAINTEXT_AT_REST=1`` (values stored base64 under
``tc0:``, no keys, no cipher), in its tracker store and its action server alike. They get the
same scripted conversations (``testing.corpus``) through ``bench.inprocess.measure``, in
alternating rounds (who goes first swaps each round), so machine noise hits both alike.

Results: bench/results/encryption_cost.json, with ``encrypted_over_plaintext`` ratios and
the p95 difference in milliseconds (the issue's target: at most 3 ms more at p95).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, AsyncIterator, Iterator

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TZ", "UTC")

from bench import inprocess  # noqa: E402
from bench.stats import ratio  # noqa: E402
from bot.action_server import ActionServer  # noqa: E402
from bot.rasa.bridge import RasaBridge  # noqa: E402
from coach.config import Settings  # noqa: E402
from coach.storage.db import Database  # noqa: E402
from coach.storage.keys import PlaintextKeyring  # noqa: E402
from testing.harness import free_port  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "encryption_cost.json"
PLAINTEXT_SWITCH = "UNSAFE_PLAINTEXT_AT_REST"


@contextlib.contextmanager
def _plaintext_env(on: bool) -> Iterator[None]:
    """The switch set while a plaintext side is built (its tracker store and its action
    server child read it then), and taken away again."""
    if not on:
        yield
        return
    os.environ[PLAINTEXT_SWITCH] = "1"
    try:
        yield
    finally:
        os.environ.pop(PLAINTEXT_SWITCH, None)


@contextlib.asynccontextmanager
async def _side(name: str, work: Path, model: Path) -> AsyncIterator[RasaBridge]:
    plaintext = name == "plaintext"
    settings = Settings(database_url=f"sqlite:///{work / f'{name}.db'}", model_path=model,
                        action_server_port=free_port(), log_level="WARNING")
    db = Database(settings.database_url, keyring=PlaintextKeyring() if plaintext else None)
    db.migrate()
    action_server = ActionServer(settings)
    with _plaintext_env(plaintext):
        await action_server.start()
        bridge = await asyncio.to_thread(RasaBridge.load, settings, action_server.secret, action_server.is_serving)
    try:
        yield bridge
    finally:
        await action_server.stop()
        db.dispose()


async def measure(model: Path, work: Path, rounds: int, conversations: int, messages: int,
                  users: int) -> dict[str, Any]:
    async with _side("plaintext", work, model) as plain, _side("encrypted", work, model) as sealed:
        bridges = {"plaintext": plain, "encrypted": sealed}
        results = await inprocess.measure(bridges, rounds, conversations, users, messages)
    one_user = {name: results[name]["handle_1_user"] for name in bridges}
    results["encrypted_over_plaintext"] = {
        key: ratio(one_user["encrypted"][key], one_user["plaintext"][key]) for key in ("p50_ms", "p95_ms", "p99_ms")
    }
    results["one_user_p95_added_ms"] = round(one_user["encrypted"]["p95_ms"] - one_user["plaintext"]["p95_ms"], 2)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--conversations", type=int, default=20, help="one-user conversations per round")
    parser.add_argument("--messages", type=int, default=6, help="messages per conversation")
    parser.add_argument("--users", type=int, default=10, help="concurrent users (measured too, not the target)")
    parser.add_argument("--model", type=Path, default=None, help="default: the newest model in TRUSTCOACH_MODEL")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    from bot.rasa.bridge import find_model

    model = args.model or find_model(Settings.from_env().model_path)
    with tempfile.TemporaryDirectory(prefix="trustcoach-encryption-bench-") as folder:
        work = Path(folder)
        os.environ["MASTER_KEY_FILE"] = str(work / "master.key")  # never the deployment's key
        results = asyncio.run(measure(model, work, args.rounds, args.conversations, args.messages, args.users))
    results["run"] = {"finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                      "load_average": round(os.getloadavg()[0], 2), "model": str(model)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    one = {name: results[name]["handle_1_user"] for name in ("plaintext", "encrypted")}
    print(f"one user, in process: plaintext p50 {one['plaintext']['p50_ms']} / p95 {one['plaintext']['p95_ms']} ms; "
          f"encrypted p50 {one['encrypted']['p50_ms']} / p95 {one['encrypted']['p95_ms']} ms; "
          f"p95 added {results['one_user_p95_added_ms']} ms  ({args.out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
