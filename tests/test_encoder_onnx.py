"""The encoder's onnxruntime path (coach/nlp/bert_onnx.py) against its numpy reference.

The pipeline embeds with model.onnx; coach/nlp/bert_numpy.py is the readable statement
of the same math. They must give the same vectors, and model.onnx must be exactly what
scripts/build-encoder-onnx.py writes (its sha256 is pinned in coach/nlp/encoder.py).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from coach.nlp.encoder import (
    CONFIG_FILE,
    EXPECTED_SHA256,
    ONNX_FILE,
    ONNX_SHA256,
    EncoderFilesError,
    SentenceEncoder,
    get_encoder,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
ENCODER_DIR = REPO_ROOT / "build" / "encoder"


def _nlu_texts() -> list[str]:
    """Every training example (nlu/*.yml), entity markup removed: short and long, odd ones too."""
    texts: list[str] = []
    for path in sorted((REPO_ROOT / "nlu").glob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"^\s+- (?!intent:)(.+)$", line)
            if match:
                texts.append(re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", match.group(1)))
    return list(dict.fromkeys(texts))


@pytest.fixture(scope="module")
def reference() -> SentenceEncoder:
    return SentenceEncoder.load(ENCODER_DIR, backend="numpy")


def test_the_pipeline_encoder_runs_on_onnxruntime() -> None:
    from coach.nlp.bert_onnx import OnnxBert

    assert isinstance(get_encoder(ENCODER_DIR)._forward, OnnxBert)


def test_reference_similarities_through_onnxruntime() -> None:
    vectors = SentenceEncoder.load(ENCODER_DIR, backend="onnx").encode(
        ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
    )
    similarities = vectors @ vectors.T
    assert similarities[0, 1] == pytest.approx(0.6660, abs=5e-4)
    assert similarities[0, 2] == pytest.approx(0.1046, abs=5e-4)
    assert similarities[1, 2] == pytest.approx(0.1411, abs=5e-4)


def test_onnxruntime_equals_the_numpy_reference(reference: SentenceEncoder) -> None:
    texts = _nlu_texts()[::4]  # about 700 examples, 1 to 60 tokens
    texts += ["", "a", "!!!", "😀😀", "Ünïcödé çafé naïve", "sorry " * 300, "I-I-I don't know..."]
    assert len(texts) > 500
    onnx_vectors = get_encoder(ENCODER_DIR).encode_layers(texts)
    numpy_vectors = reference.encode_layers(texts)
    assert onnx_vectors.shape == numpy_vectors.shape == (len(texts), 2, 384)
    # the sentence embedding and the middle layer's, both
    assert np.abs(onnx_vectors - numpy_vectors).max() < 1e-5
    # one at a time (no padding) as the bot encodes a message
    single = np.concatenate([get_encoder(ENCODER_DIR).encode_layers([t]) for t in texts[:50]])
    assert np.abs(single - numpy_vectors[:50]).max() < 1e-5


def test_the_middle_layer_is_a_second_unit_view_of_the_same_text(reference: SentenceEncoder) -> None:
    texts = ["i want to apologise to my wife properly", "remind me at 9 to call him", "hi"]
    layers = get_encoder(ENCODER_DIR).encode_layers(texts)
    np.testing.assert_allclose(np.linalg.norm(layers, axis=2), 1.0, atol=1e-5)
    # encode() is the sentence embedding: the first of the two
    np.testing.assert_array_equal(get_encoder(ENCODER_DIR).encode(texts), layers[:, 0])
    # a different layer, not a copy: related to its own text, not the same vector
    agreement = np.einsum("nd,nd->n", layers[:, 0], layers[:, 1])
    assert (agreement < 0.99).all() and (agreement > 0.2).all()


def _files_without_onnx(tmp_path: Path) -> Path:
    for name in EXPECTED_SHA256:
        (tmp_path / name).symlink_to(ENCODER_DIR / name)
    return tmp_path


def test_missing_onnx_file_is_one_clear_line(tmp_path: Path) -> None:
    directory = _files_without_onnx(tmp_path)
    with pytest.raises(EncoderFilesError) as raised:
        SentenceEncoder.load(directory)
    message = str(raised.value)
    assert "\n" not in message
    assert str(directory / ONNX_FILE) in message and "missing" in message and "make encoder" in message
    # the numpy reference does not need it
    assert SentenceEncoder.load(directory, backend="numpy").encode(["hi"]).shape == (1, 384)


def test_wrong_onnx_file_is_one_clear_line(tmp_path: Path) -> None:
    directory = _files_without_onnx(tmp_path)
    # a valid graph, one byte longer than the pinned one
    (directory / ONNX_FILE).write_bytes((ENCODER_DIR / ONNX_FILE).read_bytes() + b"\n")
    with pytest.raises(EncoderFilesError) as raised:
        SentenceEncoder.load(directory)
    message = str(raised.value)
    assert "\n" not in message
    assert str(directory / ONNX_FILE) in message and "sha256" in message and "make encoder" in message


def test_the_build_script_writes_the_pinned_graph(tmp_path: Path) -> None:
    pytest.importorskip("onnx")  # build-only: installed by `make install` (the "build" extra)
    directory = _files_without_onnx(tmp_path)
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "build-encoder-onnx.py"), str(directory)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    import hashlib

    assert hashlib.sha256((directory / ONNX_FILE).read_bytes()).hexdigest() == ONNX_SHA256
    assert (directory / CONFIG_FILE).is_symlink()  # only model.onnx was written
