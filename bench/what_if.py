"""Measures proposed fixes before anyone makes them: the same messages with and without.

    python -m bench.what_if [--rounds 4]

The fixes are to code this project does not own (Rasa) or that belongs to another part
of the bot, so they are applied here, in this process only, and switched on and off
between interleaved rounds:

- ``cached_validator``: Rasa checks every action server answer with ``jsonschema.validate``,
  which first re-validates Rasa's own schema against the JSON Schema meta-schema: most of
  the cost. The proposal checks answers with one validator built once.
- ``sqlite_normal_sync``: the tracker store's SQLite connections with
  ``PRAGMA synchronous=NORMAL`` (safe in WAL mode against crashes; a power cut may lose the
  last commits), on top of the cached validator.

Also the flood pacing of Telegram sends (bench/reliability.py) with AIORateLimiter as it is
(an initial allowance of 30 at once) and with the allowance set to one.
Results: bench/results/what_if.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TZ", "UTC")

import jsonschema  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from rasa.core.actions.action import RemoteAction  # noqa: E402

from bench.assistants import loaded  # noqa: E402
from testing.corpus import conversations  # noqa: E402
from bench.inprocess import one_user, warm_up  # noqa: E402
from testing.reliability import busiest_window, send_through_rate_limiter  # noqa: E402
from bench.stats import summarize  # noqa: E402
from coach.config import PROJECT_ROOT, Settings  # noqa: E402
from bot.logging_setup import configure_logging  # noqa: E402
from bot.rasa.bridge import RasaBridge, find_model  # noqa: E402
from coach.storage.db import Database  # noqa: E402
from testing.harness import free_port  # noqa: E402

RESULTS = PROJECT_ROOT / "bench" / "results" / "what_if.json"
TOKEN = "444555666:WHATIF-token_abcdefghijklmnopqrstuvw"
AS_IS_VALIDATION = RemoteAction._validate_action_result
_SCHEMA = RemoteAction.action_response_format_spec()
_VALIDATOR = jsonschema.validators.validator_for(_SCHEMA)(_SCHEMA)


def _validate_with_cached_validator(self: RemoteAction, result: dict[str, Any]) -> bool:
    _VALIDATOR.validate(result)  # raises ValidationError, as Rasa's own check does
    return True


class Switches:
    """The proposed fixes, switched on and off at run time."""

    def __init__(self, bridge: RasaBridge) -> None:
        self.normal_sync = False
        engine = bridge.agent.tracker_store._tracker_store.engine  # FailSafeTrackerStore -> SQLTrackerStore
        sa.event.listen(engine, "connect", self._on_connect)
        engine.dispose()

    def _on_connect(self, connection, _record) -> None:
        if self.normal_sync:
            connection.execute("PRAGMA synchronous=NORMAL")

    def set(self, variant: str) -> None:
        cached = variant in ("cached_validator", "sqlite_normal_sync")
        RemoteAction._validate_action_result = _validate_with_cached_validator if cached else AS_IS_VALIDATION
        self.normal_sync = variant == "sqlite_normal_sync"


async def handling(model: Path, rounds: int) -> dict[str, Any]:
    variants = ["as_is", "cached_validator", "sqlite_normal_sync"]
    samples: dict[str, list[float]] = {variant: [] for variant in variants}
    with tempfile.TemporaryDirectory(prefix="what-if-") as folder:
        url = f"sqlite:///{folder}/what_if.db"
        Database(url).migrate()
        settings = Settings(database_url=url, model_path=model, action_server_port=free_port())
        async with loaded(settings, {"ours": model}) as (bridges, _):
            switches = Switches(bridges["ours"])
            await warm_up(bridges)
            for number in range(rounds):
                order = variants[number % len(variants):] + variants[:number % len(variants)]
                for variant in order:
                    switches.set(variant)
                    await one_user(bridges["ours"].handle, f"{variant}-{number}", conversations(5, 6), samples[variant])
            switches.set("as_is")
    return {variant: summarize(values) for variant, values in samples.items()}


async def flood_pacing() -> dict[str, Any]:
    import bot.telegram.app as app_module
    from bot.telegram.pacing import ResilientRateLimiter

    results = {}
    targets = [9_000 + number % 40 for number in range(200)]
    for name, limiter in (("as_is", ResilientRateLimiter),
                          ("allowance_of_one", lambda: ResilientRateLimiter(overall_max_rate=1, overall_time_period=1 / 30))):
        app_module.ResilientRateLimiter = limiter
        burst = await send_through_rate_limiter(targets, TOKEN)
        results[name] = {"messages": len(burst.delivered), "seconds": round(max(burst.times) - burst.started, 2),
                         "busiest_second": busiest_window(burst.times)}
    app_module.ResilientRateLimiter = ResilientRateLimiter
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    configure_logging("WARNING", None)
    model = find_model(Settings.from_env().model_path)
    report = {"handle_1_user": asyncio.run(handling(model, args.rounds)), "flood_200_to_40_chats": asyncio.run(flood_pacing())}
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
