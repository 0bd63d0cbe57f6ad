"""The readable reference of all-MiniLM-L6-v2's forward pass, in numpy.

The pipeline runs the same math through onnxruntime (coach/nlp/bert_onnx.py, about five
times faster per message); this one is kept as the specification it is tested against
(tests/test_encoder_onnx.py) and is what ``SentenceEncoder.load(..., backend="numpy")``
runs. Embeddings, six post-LayerNorm transformer layers with exact-erf GELU, additive
attention mask, mean pooling over real tokens, L2 norm; the same pooling of a middle layer's
output (``MIDDLE_LAYER``) is returned beside it, for the intent classifier. The weights are
memory-mapped from the safetensors file (no copy is made, only the pages touched become resident).

Threads: the matrix products use numpy's BLAS, whose thread count is set by the process
(OPENBLAS_NUM_THREADS / OMP_NUM_THREADS before numpy is imported); this module sets none.
"""

from __future__ import annotations

import json
import mmap
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Tuple

import numpy as np
from scipy.special import erf

DIM = 384  # all-MiniLM-L6-v2's width; coach.nlp.encoder checks the config says so (this module must not import it)
# The layer (1-6) whose token states are pooled as well: the one that helped the intent
# classifier most beside the last layer (3, 4 and 4 + 5 tried, docs/NLU.md, stop 22).
MIDDLE_LAYER = 4


def read_safetensors_header(path: Path) -> Tuple[int, Dict[str, Any]]:
    """Where the tensor data starts, and the JSON header giving each tensor's dtype, shape and
    byte range (relative to that start).

    A safetensors file is an 8-byte little-endian header length, the JSON header, then the
    raw little-endian data.
    """
    with open(path, "rb") as file:
        header_size = int.from_bytes(file.read(8), "little")
        return 8 + header_size, json.loads(file.read(header_size))


def _map_safetensors(path: Path) -> Dict[str, np.ndarray]:
    """Read-only float32 arrays viewing a private memory map of the file (nothing is copied)."""
    data_start, header = read_safetensors_header(path)
    with open(path, "rb") as file:
        # The map stays alive as long as any array below references it.
        mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
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


def _pool(x: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """(batch*width, DIM) token states -> (batch, DIM) unit rows: mean over real tokens, L2 norm."""
    batch, width = mask.shape
    pooled = np.einsum("bwd,bw->bd", x.reshape(batch, width, DIM), mask) / np.maximum(
        mask.sum(axis=1, keepdims=True), np.float32(1e-9)
    )
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, np.float32(1e-12))).astype(np.float32, copy=False)


class NumpyBert:
    """(ids, type_ids, mask) of one padded batch -> (batch, 2, 384) float32 unit rows:
    [:, 0] the sentence embedding (the last layer), [:, 1] the middle layer's."""

    def __init__(self, tensors: Dict[str, np.ndarray], config: Dict[str, Any]) -> None:
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

    @classmethod
    def load(cls, weights: Path, config: Dict[str, Any]) -> "NumpyBert":
        """Maps the (already hash-checked) safetensors file."""
        return cls(_map_safetensors(weights), config)

    def __call__(self, ids: np.ndarray, type_ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """BERT on one padded batch, then masked mean pooling and L2 normalisation of the
        last layer's and the middle layer's token states."""
        mask = mask.astype(np.float32)
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

        middle = None
        for number, layer in enumerate(self._layers, start=1):
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
            if number == MIDDLE_LAYER:
                middle = _pool(x, mask)

        assert middle is not None, f"the model has fewer than {MIDDLE_LAYER} layers"
        return np.stack([_pool(x, mask), middle], axis=1)
