"""What the sentence encoder costs: the pipeline before it and with it, side by side in one run.

"Before" is ``config.yml`` without ``SentenceFeaturizer`` (count vectors + logistic
regression; the safety net then has no meaning layer); "after" is ``config.yml``. Both
are trained from clean here (the training time is part of the cost), then:

- each model loaded alone in a fresh process: load seconds and peak memory
  (``bench.agent_probe``);
- NLU parse and one-user in-process handling through ``RasaBridge`` (the bot's own path,
  real action server and SQLite tracker store), interleaved round by round
  (``bench.inprocess.measure``).

    python -m bench.encoder_cost [--rounds 3]

Results: ``bench/results/encoder_cost.json`` (``docs/NLU.md`` quotes them).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TZ", "UTC")

from bench import inprocess  # noqa: E402
from bench.agent_probe import run_probe  # noqa: E402
from bench.assistants import loaded  # noqa: E402
from bot.logging_setup import configure_logging  # noqa: E402
from coach.config import PROJECT_ROOT, Settings  # noqa: E402
from coach.storage.db import Database  # noqa: E402
from testing.harness import TEST_TOKEN, free_port  # noqa: E402

RESULTS = PROJECT_ROOT / "bench" / "results" / "encoder_cost.json"
ENCODER = "bot.rasa.sentence_features.SentenceFeaturizer"


def before_config(path: Path) -> Path:
    """config.yml without the sentence encoder."""
    config = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text(encoding="utf-8"))
    config["pipeline"] = [step for step in config["pipeline"] if step["name"] != ENCODER]
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def train(config: Path, out: Path, name: str) -> tuple[Path, float]:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "rasa", "train", "--config", str(config), "--out", str(out),
                    "--fixed-model-name", name, "--force", "--quiet"], cwd=PROJECT_ROOT, check=True)
    return out / f"{name}.tar.gz", round(time.perf_counter() - started, 1)


async def latency(models: dict[str, Path], work: Path, rounds: int) -> dict[str, object]:
    url = f"sqlite:///{work / 'latency.db'}"
    database = Database(url)
    database.migrate()  # as at start-up
    database.dispose()
    settings = Settings(telegram_token=TEST_TOKEN, database_url=url, model_path=models["after"],
                        action_server_port=free_port(), log_level="WARNING")
    async with loaded(settings, models) as (bridges, load_seconds):
        result = await inprocess.measure(bridges, rounds, 6, 10, 6)
        result["load_seconds_in_this_process"] = load_seconds
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    configure_logging("WARNING", None)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        models, train_seconds = {}, {}
        for name, config in (("before", before_config(work / "before.yml")), ("after", PROJECT_ROOT / "config.yml")):
            models[name], train_seconds[name] = train(config, work, name)
        probes = {name: run_probe(model, 50, work / f"probe-{name}.log") for name, model in models.items()}
        measured = asyncio.run(latency(models, work, args.rounds))
    result = {
        "train_seconds_from_clean": train_seconds,
        "model_alone": probes,
        "in_process": {name: {kind: measured[name][kind] for kind in ("parse", "handle_1_user")} for name in models},
        "load_seconds_in_this_process": measured["load_seconds_in_this_process"],
        "after_over_before_p95": {
            kind: round(measured["after"][kind]["p95_ms"] / measured["before"][kind]["p95_ms"], 2)
            for kind in ("parse", "handle_1_user")
        },
        "setup": measured["setup"],
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
