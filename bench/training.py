"""`rasa train` from clean, timed: our config and the stock `rasa init` config, same data.

"From clean" means an empty ``RASA_CACHE_DIRECTORY`` (Rasa's fingerprint cache would
otherwise skip unchanged components) and a fresh output folder, so nothing from an
earlier training is reused. Both models are kept for the rest of the run: the stock one
in ``STOCK_MODEL`` (reused by ``--quick``), ours in the run's own folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from coach.config import PROJECT_ROOT

OUR_CONFIG = PROJECT_ROOT / "config.yml"
STOCK_CONFIG = PROJECT_ROOT / "bench" / "stock" / "config.yml"
STOCK_MODEL = PROJECT_ROOT / "build" / "bench" / "stock" / "stock.tar.gz"
TRAIN_TIMEOUT_SECONDS = 1800


def train_from_clean(config: Path, out_dir: Path, model_name: str, log_path: Path) -> dict[str, object]:
    """Train one model with an empty cache; the wall-clock seconds and the model path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rasa-cache-") as cache:
        env = dict(os.environ, RASA_CACHE_DIRECTORY=cache, TF_CPP_MIN_LOG_LEVEL="3", TZ="UTC")
        started = time.perf_counter()
        with log_path.open("wb") as log:
            result = subprocess.run(
                [sys.executable, "-m", "rasa", "train", "--config", str(config), "--domain", "domain.yml",
                 "--data", "data", "--out", str(out_dir), "--fixed-model-name", model_name, "--quiet"],
                cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=TRAIN_TIMEOUT_SECONDS,
            )
        seconds = time.perf_counter() - started
    model = out_dir / f"{model_name}.tar.gz"
    if result.returncode != 0 or not model.exists():
        raise RuntimeError(f"rasa train with {config.name} failed (exit {result.returncode}); see {log_path}")
    return {"seconds": round(seconds, 1), "model": str(model), "model_mib": round(model.stat().st_size / 2**20, 1)}


def train_both(work_dir: Path) -> dict[str, dict[str, object]]:
    """Stock first (its model is kept for the latency runs), then ours into a scratch folder."""
    stock = train_from_clean(STOCK_CONFIG, STOCK_MODEL.parent, "stock", work_dir / "train-stock.log")
    ours = train_from_clean(OUR_CONFIG, work_dir / "ours-from-clean", "trustcoach", work_dir / "train-ours.log")
    return {"ours": ours, "stock": stock}
