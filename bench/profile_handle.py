"""Where a handled message spends its time: cProfile of ``RasaBridge.handle``, by area.

    python -m bench.profile_handle [--messages 120] [--model models/other.tar.gz]

Loads the model with the real action server and a fresh SQLite database (as the bot
does), warms up, then profiles one user's conversations message by message. Prints the
share of time in each area of Rasa's message path (NLU, policies, tracker store,
action server round trip and Rasa's validation of its answer, logging) and writes the
full profile, sorted by cumulative time, next to the run's other files. py-spy and
pyinstrument are not installed in the venv, so this uses the standard cProfile; with
asyncio it counts the time coroutines actually run, not the time they wait. The areas
add up to less than the wall time: the rest is waiting for the action server and glue.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import os
import pstats
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TZ", "UTC")

from bench.assistants import loaded  # noqa: E402
from testing.corpus import conversations  # noqa: E402
from bench.inprocess import one_user, warm_up  # noqa: E402
from coach.config import PROJECT_ROOT, Settings  # noqa: E402
from bot.logging_setup import configure_logging  # noqa: E402
from bot.rasa.bridge import find_model  # noqa: E402
from coach.storage.db import Database  # noqa: E402
from testing.harness import free_port  # noqa: E402


def _area_functions() -> dict[str, list]:
    """Area -> the functions whose cumulative time it is (logging overlaps the others)."""
    import logging

    from rasa.core.actions.action import RemoteAction
    from rasa.core.processor import MessageProcessor
    from rasa.core.tracker_store import SQLTrackerStore
    from structlog._base import BoundLoggerBase

    return {
        "NLU parse (graph)": [MessageProcessor._parse_message_with_graph],
        "policy prediction (graph)": [MessageProcessor._predict_next_with_tracker],
        "tracker store: load": [SQLTrackerStore._retrieve],
        "tracker store: save": [SQLTrackerStore.save],
        "action call: build request (tracker + domain)": [RemoteAction._action_call_format],
        "action call: validate answer (jsonschema)": [RemoteAction._validate_action_result],
        "logging (inside the others)": [logging.Logger._log, BoundLoggerBase._proxy_to_logger],
    }


PROFILE_DIR = PROJECT_ROOT / "build" / "bench"


def areas(stats: pstats.Stats, total: float) -> dict[str, dict[str, float]]:
    """Seconds and share of ``total`` per area, matched on each function's code location."""
    result = {}
    for name, functions in _area_functions().items():
        keys = {(f.__code__.co_filename, f.__code__.co_firstlineno, f.__code__.co_name) for f in functions}
        seconds = sum(entry[3] for key, entry in stats.stats.items() if key in keys)  # type: ignore[attr-defined]
        result[name] = {"seconds": round(seconds, 2), "share": round(seconds / total, 2)}
    return result


async def profile(model: Path, count: int, per_conversation: int = 6) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="profile-") as folder:
        url = f"sqlite:///{folder}/profile.db"
        Database(url).migrate()
        settings = Settings(database_url=url, model_path=model, action_server_port=free_port())
        async with loaded(settings, {"ours": model}) as (bridges, _load_seconds):
            bridge = bridges["ours"]
            await warm_up(bridges)
            scripts = conversations(max(1, count // per_conversation), per_conversation)
            profiler = cProfile.Profile()
            started = time.perf_counter()
            profiler.enable()
            await one_user(bridge.handle, "profiled", scripts, [])
            profiler.disable()
            wall = time.perf_counter() - started
    stats = pstats.Stats(profiler)
    handled = sum(len(script) for script in scripts)
    PROFILE_DIR.mkdir(parents=True, exist_ok=True)
    listing = io.StringIO()
    pstats.Stats(profiler, stream=listing).sort_stats("cumulative").print_stats(60)
    profile_file = PROFILE_DIR / "profile-handle.txt"
    profile_file.write_text(listing.getvalue(), encoding="utf-8")
    return {
        "messages": handled,
        "wall_ms_per_message": round(wall / handled * 1000, 1),
        "areas": areas(stats, wall),
        "full_profile": str(profile_file),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=120)
    parser.add_argument("--model", type=Path, default=None)
    args = parser.parse_args()
    configure_logging("INFO", None)
    model = find_model(args.model or Settings.from_env().model_path)
    print(json.dumps(asyncio.run(profile(model, args.messages)), indent=2))


if __name__ == "__main__":
    main()
