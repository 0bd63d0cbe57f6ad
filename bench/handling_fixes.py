"""What each of stop 13's fixes to the message path saves: the same messages with and without.

    python -m bench.handling_fixes [--rounds 6]

One process, one loaded model, one user's conversations (``testing.corpus``); between
interleaved rounds each fix is switched off and on again, so machine noise hits every
variant alike:

- ``classifier_layout``: the intent classifier's weights column-major
  (``bot/rasa/intent_classifier.py``) or row-major, as Rasa leaves them (a copy of all the
  weights on every parse);
- ``kept_connections``: the tracker store's pooled SQLite engine (``bot/tracker_store.py``)
  or SQLAlchemy 1.4's default for a file, a new connection for every load and save;
- ``event_table``: event types from a table (``bot/rasa/speedups.py``) or Rasa's walk over
  every ``Event`` subclass per stored event;
- ``rule_index``: RulePolicy checks the rules the latest state can meet
  (``bot/rasa/rule_index.py``) or every rule.

Variants: ``none`` (all four off: the message path before this stop), ``all``, and
``all_but_<fix>`` for each. Results: bench/results/handling_fixes.json.
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

import numpy as np  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from rasa.core.policies.rule_policy import RulePolicy  # noqa: E402
from rasa.shared.core.events import Event  # noqa: E402

from bench.assistants import loaded  # noqa: E402
from bench.inprocess import one_user, warm_up  # noqa: E402
from bench.stats import ratio, summarize  # noqa: E402
from bot.logging_setup import configure_logging  # noqa: E402
from bot.rasa import rule_index, speedups  # noqa: E402
from bot.rasa.bridge import RasaBridge, find_model  # noqa: E402
from bot.rasa.intent_classifier import IntentClassifier  # noqa: E402
from coach.config import PROJECT_ROOT, Settings  # noqa: E402
from coach.storage.db import Database  # noqa: E402
from coach.storage.engines import configure_sqlite_connection  # noqa: E402
from coach.storage.sealing import register  # noqa: E402
from testing.corpus import conversations  # noqa: E402
from testing.harness import free_port  # noqa: E402

RESULTS = PROJECT_ROOT / "bench" / "results" / "handling_fixes.json"
FIXES = ("classifier_layout", "kept_connections", "event_table", "rule_index")
RASA_RESOLVE = Event.__dict__["resolve_by_type"]  # read before the bridge installs the table
RASA_POSSIBLE_KEYS = RulePolicy._get_possible_keys


class Switches:
    """Each fix of the loaded bridge, switched on and off at run time."""

    def __init__(self, bridge: RasaBridge) -> None:
        nodes = bridge.agent.processor.graph_runner._instantiated_nodes  # type: ignore[union-attr]
        self.classifier = next(node._component for node in nodes.values()
                               if isinstance(getattr(node, "_component", None), IntentClassifier)).clf
        self.store = bridge.agent.tracker_store._tracker_store  # FailSafeTrackerStore -> ours
        self.pooled = self.store.engine
        url = self.pooled.url.render_as_string(hide_password=False)
        self.unpooled = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 5},
                                         hide_parameters=True)  # SQLAlchemy 1.4: NullPool for a file
        sa.event.listen(self.unpooled, "connect", configure_sqlite_connection)
        register(self.unpooled, self.store.keyring)

    def set(self, on: set[str]) -> None:
        coef = self.classifier.coef_
        self.classifier.coef_ = np.asfortranarray(coef) if "classifier_layout" in on else np.ascontiguousarray(coef)
        self.store.engine = self.pooled if "kept_connections" in on else self.unpooled
        self.store.sessionmaker = sa.orm.sessionmaker(bind=self.store.engine)
        Event.resolve_by_type = (staticmethod(speedups.resolve_event_type)  # type: ignore[method-assign]
                                 if "event_table" in on else RASA_RESOLVE)
        RulePolicy._get_possible_keys = (rule_index.possible_keys  # type: ignore[method-assign]
                                         if "rule_index" in on else RASA_POSSIBLE_KEYS)


def variants() -> dict[str, set[str]]:
    chosen = {"none": set(), "all": set(FIXES)}
    chosen.update({f"all_but_{fix}": set(FIXES) - {fix} for fix in FIXES})
    return chosen


async def measure(model: Path, rounds: int) -> dict[str, Any]:
    options = variants()
    samples: dict[str, list[float]] = {name: [] for name in options}
    with tempfile.TemporaryDirectory(prefix="handling-fixes-") as folder:
        url = f"sqlite:///{folder}/fixes.db"
        Database(url).migrate()
        settings = Settings(database_url=url, model_path=model, action_server_port=free_port())
        async with loaded(settings, {"ours": model}) as (bridges, _):
            switches = Switches(bridges["ours"])
            await warm_up(bridges)
            names = list(options)
            for number in range(rounds):
                for name in names[number % len(names):] + names[:number % len(names)]:
                    switches.set(options[name])
                    await one_user(bridges["ours"].handle, f"{name}-{number}", conversations(5, 6), samples[name])
            switches.set(set(FIXES))
    results: dict[str, Any] = {name: summarize(values) for name, values in samples.items()}
    results["all_over_none"] = {key: ratio(results["all"][key], results["none"][key]) for key in ("p50_ms", "p95_ms")}
    results["p95_saved_by_each_ms"] = {
        fix: round(results[f"all_but_{fix}"]["p95_ms"] - results["all"]["p95_ms"], 1) for fix in FIXES
    }
    results["setup"] = {"rounds": rounds, "messages_per_round": 30}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    configure_logging("WARNING", None)
    report = asyncio.run(measure(find_model(Settings.from_env().model_path), args.rounds))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
