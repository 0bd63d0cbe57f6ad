"""all-MiniLM-L6-v2's forward pass run by onnxruntime, from build/encoder/model.onnx.

model.onnx is the math of coach/nlp/bert_numpy.py (the readable reference) written as an
ONNX graph by scripts/build-encoder-onnx.py; it holds no weights itself but points into
model.safetensors beside it (ONNX external data), which onnxruntime memory-maps.

Measured against numpy in one process, interleaved (bench/encoder_ort.py): about five
times faster per single message and four times less CPU, embeddings equal to 4e-7.

Threads: one intra-op thread, so onnxruntime starts no thread pool and nothing spins
between messages. With two threads a message was slower on the bot's two cores, which
the action server and the event loop share, and took more CPU.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnxruntime


class OnnxBert:
    """(ids, type_ids, mask) of one padded batch -> (batch, 2, 384) float32 unit rows, as
    NumpyBert: [:, 0] the sentence embedding, [:, 1] the middle layer's. Thread-safe."""

    def __init__(self, session: onnxruntime.InferenceSession) -> None:
        self._session = session

    @classmethod
    def load(cls, model: Path) -> "OnnxBert":
        """A one-thread CPU session on ``model`` (its weights file must sit beside it)."""
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        options.log_severity_level = 3  # errors only
        session = onnxruntime.InferenceSession(
            str(model), options, providers=["CPUExecutionProvider"]
        )
        return cls(session)

    def __call__(self, ids: np.ndarray, type_ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        feed = {
            "input_ids": ids.astype(np.int64, copy=False),
            "attention_mask": mask.astype(np.int64, copy=False),
            "token_type_ids": type_ids.astype(np.int64, copy=False),
        }
        final, middle = self._session.run(["embeddings", "middle_embeddings"], feed)
        return np.stack([final, middle], axis=1)
