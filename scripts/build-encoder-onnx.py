"""Write all-MiniLM-L6-v2 as an ONNX graph (build/encoder/model.onnx), without torch.

The graph is the same math as the numpy reference (NumpyBert in coach/nlp/bert_numpy.py), built with
onnx.helper from the hash-checked model.safetensors: embeddings + LayerNorm, six post-LN
layers (exact-erf GELU, additive attention mask), masked mean pooling, L2 norm.
Inputs input_ids, attention_mask, token_type_ids: (batch, width) int64.
Outputs embeddings: (batch, 384) float32, unit rows (the last layer), and middle_embeddings:
the same pooling of layer MIDDLE_LAYER's output (coach/nlp/bert_numpy.py).

The weights are not copied into the .onnx file: every initializer is ONNX "external data"
naming its byte range inside model.safetensors (the Linear weights stay (out, in) and are
used by Gemm with transB=1), so the file is a few tens of kB and deterministic.

Usage: .venv/bin/python scripts/build-encoder-onnx.py [DIR]
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import List

import onnx
from onnx import TensorProto, helper

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from coach.nlp.encoder import (  # noqa: E402  (needs the repo root on sys.path)
    CONFIG_FILE,
    DIM,
    ONNX_FILE,
    WEIGHTS_FILE,
    verify_files,
)
from coach.nlp.bert_numpy import MIDDLE_LAYER, read_safetensors_header  # noqa: E402

OPSET = 17  # LayerNormalization; onnxruntime 1.16 runs up to opset 19


class _Graph:
    def __init__(self, weights: Path) -> None:
        self.data_start, self.header = read_safetensors_header(weights)
        self.nodes: List[onnx.NodeProto] = []
        self.initializers: List[onnx.TensorProto] = []
        self._count = 0

    def weight(self, name: str) -> str:
        """An initializer whose data is the tensor's byte range in model.safetensors."""
        info = self.header[name]
        assert info["dtype"] == "F32", name
        begin, end = info["data_offsets"]
        tensor = TensorProto(name=name, data_type=TensorProto.FLOAT, dims=info["shape"])
        tensor.data_location = TensorProto.EXTERNAL
        for key, value in (
            ("location", WEIGHTS_FILE),
            ("offset", str(self.data_start + begin)),
            ("length", str(end - begin)),
        ):
            entry = tensor.external_data.add()
            entry.key, entry.value = key, value
        self.initializers.append(tensor)
        return name

    def const(self, name: str, value, dtype=TensorProto.FLOAT, dims=()) -> str:
        values = value if isinstance(value, list) else [value]
        self.initializers.append(helper.make_tensor(name, dtype, list(dims), values))
        return name

    def op(self, op_type: str, *inputs: str, **attrs) -> str:
        self._count += 1
        out = f"{op_type.lower()}_{self._count}"
        self.nodes.append(helper.make_node(op_type, list(inputs), [out], name=out, **attrs))
        return out


def build(directory: Path) -> onnx.ModelProto:
    config = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
    heads = int(config["num_attention_heads"])
    head_dim = DIM // heads
    eps = float(config["layer_norm_eps"])
    g = _Graph(directory / WEIGHTS_FILE)

    def linear(x: str, prefix: str) -> str:  # x: (tokens, in); weight (out, in)
        return g.op("Gemm", x, g.weight(prefix + ".weight"), g.weight(prefix + ".bias"), transB=1)

    def layer_norm(x: str, prefix: str) -> str:
        return g.op(
            "LayerNormalization", x, g.weight(prefix + ".weight"), g.weight(prefix + ".bias"),
            axis=-1, epsilon=eps,
        )

    g.const("zero", 0, TensorProto.INT64, [1])
    g.const("one_i", 1, TensorProto.INT64, [1])
    g.const("two_i", 2, TensorProto.INT64, [1])
    g.const("one", 1.0)
    g.const("half", 0.5)
    g.const("inv_sqrt2", float(1.0 / 2.0**0.5))
    g.const("neg_big", -1e9)
    g.const("scale", float(1.0 / head_dim**0.5))
    g.const("tiny_count", 1e-9)
    g.const("tiny_norm", 1e-12)
    g.const("flat_shape", [-1, DIM], TensorProto.INT64, [2])
    g.const("split_tail", [-1, heads, head_dim], TensorProto.INT64, [3])
    g.const("axes_1", [1], TensorProto.INT64, [1])
    g.const("axes_12", [1, 2], TensorProto.INT64, [2])
    g.const("axes_2", [2], TensorProto.INT64, [1])

    shape = g.op("Shape", "input_ids")
    batch = g.op("Slice", shape, "zero", "one_i")
    width = g.op("Slice", shape, "one_i", "two_i")
    tokens_shape = g.op("Concat", batch, width, g.const("dim", DIM, TensorProto.INT64, [1]), axis=0)
    positions = g.op("Slice", g.weight("embeddings.position_embeddings.weight"), "zero", width)
    x = g.op("Gather", g.weight("embeddings.word_embeddings.weight"), "input_ids")
    x = g.op("Add", x, g.op("Gather", g.weight("embeddings.token_type_embeddings.weight"), "token_type_ids"))
    x = g.op("Add", x, positions)
    x = layer_norm(g.op("Reshape", x, "flat_shape"), "embeddings.LayerNorm")

    mask = g.op("Cast", "attention_mask", to=TensorProto.FLOAT)  # (batch, width)
    key_bias = g.op("Unsqueeze", g.op("Mul", g.op("Sub", "one", mask), "neg_big"), "axes_12")

    split_shape = g.op("Concat", batch, "split_tail", axis=0)  # (batch, width, heads, head_dim)

    def heads_of(t: str, perm: List[int]) -> str:  # (tokens, DIM) -> (batch, heads, ...)
        return g.op("Transpose", g.op("Reshape", t, split_shape), perm=perm)

    def pool(x: str, output: str) -> None:  # (tokens, DIM) -> output (batch, DIM) unit rows
        tokens = g.op("Reshape", x, tokens_shape)  # (batch, width, DIM)
        summed = g.op("ReduceSum", g.op("Mul", tokens, g.op("Unsqueeze", mask, "axes_2")), "axes_1", keepdims=0)
        count = g.op("Max", g.op("ReduceSum", mask, "axes_1", keepdims=1), "tiny_count")
        pooled = g.op("Div", summed, count)
        norm = g.op("Max", g.op("ReduceL2", pooled, axes=[1], keepdims=1), "tiny_norm")
        g.nodes.append(helper.make_node("Div", [pooled, norm], [output], name=f"l2_normalise_{output}"))

    for i in range(int(config["num_hidden_layers"])):
        p = f"encoder.layer.{i}."
        q = heads_of(linear(x, p + "attention.self.query"), [0, 2, 1, 3])
        k_t = heads_of(linear(x, p + "attention.self.key"), [0, 2, 3, 1])
        v = heads_of(linear(x, p + "attention.self.value"), [0, 2, 1, 3])
        scores = g.op("Add", g.op("Mul", g.op("MatMul", q, k_t), "scale"), key_bias)
        probs = g.op("Softmax", scores, axis=-1)
        context = g.op("Transpose", g.op("MatMul", probs, v), perm=[0, 2, 1, 3])
        context = g.op("Reshape", context, "flat_shape")
        attended = g.op("Add", linear(context, p + "attention.output.dense"), x)
        x = layer_norm(attended, p + "attention.output.LayerNorm")

        hidden = linear(x, p + "intermediate.dense")
        erf = g.op("Erf", g.op("Mul", hidden, "inv_sqrt2"))
        hidden = g.op("Mul", g.op("Mul", hidden, "half"), g.op("Add", erf, "one"))
        out = g.op("Add", linear(hidden, p + "output.dense"), x)
        x = layer_norm(out, p + "output.LayerNorm")
        if i + 1 == MIDDLE_LAYER:
            pool(x, "middle_embeddings")
    pool(x, "embeddings")

    ints = [
        helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "width"])
        for name in ("input_ids", "attention_mask", "token_type_ids")
    ]
    outputs = [
        helper.make_tensor_value_info(name, TensorProto.FLOAT, ["batch", DIM])
        for name in ("embeddings", "middle_embeddings")
    ]
    graph = helper.make_graph(g.nodes, "all-MiniLM-L6-v2", ints, outputs, g.initializers)
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="trustcoach"
    )
    model.ir_version = 8
    return model


def main() -> None:
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO_ROOT / "build" / "encoder"
    verify_files(directory, onnx=False)  # the weights the graph points into are the pinned ones
    data = build(directory).SerializeToString()
    partial = directory / f".{ONNX_FILE}.partial"
    partial.write_bytes(data)
    onnx.checker.check_model(str(partial), full_check=True)  # resolves model.safetensors beside it
    os.replace(partial, directory / ONNX_FILE)
    print(f"build-encoder-onnx: {directory / ONNX_FILE} written ({len(data)} bytes)")


if __name__ == "__main__":
    main()
