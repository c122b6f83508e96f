"""Run a mean-pooling model (the bundled all-MiniLM-L6-v2) as an ONNX graph: exported once, offline, from the
local model folder with torch into a cache folder (fp32, or int8 by dynamic quantization), then run by
onnxruntime or OpenVINO without sentence-transformers. index/embed.py chooses among these and torch;
bench/embed_bench.py measures them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import warnings
from pathlib import Path

log = logging.getLogger("hoidap.embed")

EMBED_BACKENDS = ("auto", "torch", "onnx", "onnx-int8", "openvino", "openvino-f32")
ONNX_BACKENDS = ("onnx", "onnx-int8", "openvino", "openvino-f32")  # backends that run the exported graph
# What "auto" means for a model the ONNX path supports (measured by bench/embed_bench.py and end to end): OpenVINO
# at the CPU's fastest float precision, bf16 where the CPU has it (~3x torch; passage vectors at cosine >= 0.9999 of
# torch's; on the eleven locked batches and the tuning set every answer's correctness the same, ALQAC 2023 one
# question from rank 5 to 6), f32 (torch's exact vectors, ~1.8x) elsewhere.
AUTO_BACKEND = "openvino"
ONNX_EXPORT_VERSION = "1"  # bump when the exported graph changes: old cache entries are then ignored
ONNX_OPSET = 17


def openvino_precision(backend: str) -> str:
    """The inference precision of an OpenVINO backend on this CPU: 'openvino-f32' → f32; 'openvino' → the CPU's
    fastest float precision (bf16 where the CPU has AVX512-BF16/AMX, else f32)."""
    if backend == "openvino-f32":
        return "f32"
    import openvino as ov

    return "bf16" if "BF16" in ov.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES") else "f32"


def backend_settings() -> tuple[str, Path, int]:
    """(embed_backend, embed_export_dir, embed_max_tokens) from the settings (HOIDAP_EMBED_BACKEND,
    HOIDAP_EMBED_EXPORT_DIR, HOIDAP_EMBED_MAX_TOKENS, TOML)."""
    try:
        from core.settings import Settings

        settings = Settings()
        return settings.embed_backend, Path(settings.embed_export_dir).expanduser(), settings.embed_max_tokens
    except Exception:  # a bad unrelated setting fails elsewhere with its own message
        return (
            os.environ.get("HOIDAP_EMBED_BACKEND", "auto"),
            Path("~/.cache/hoidap/embed").expanduser(),
            int(os.environ.get("HOIDAP_EMBED_MAX_TOKENS", "0") or 0),
        )


def onnx_supported(path: Path) -> str:
    """'' when the folder is a model the ONNX path reproduces (Transformer → mean Pooling [→ Normalize], a
    fast tokenizer), else why not."""
    try:
        modules = json.loads((path / "modules.json").read_text(encoding="utf-8"))
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        if kinds not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]):
            return f"modules {kinds} are not Transformer → Pooling → Normalize"
        if modules[0].get("path"):
            return "the transformer is not at the top of the folder"
        pooling = json.loads((path / modules[1]["path"] / "config.json").read_text(encoding="utf-8"))
        modes = [k for k, v in pooling.items() if k.startswith("pooling_mode") and v]
        if modes != ["pooling_mode_mean_tokens"]:
            return f"pooling {modes} is not mean pooling"
        if not (path / "tokenizer.json").is_file():
            return "no tokenizer.json"
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        return f"unreadable model folder ({type(exc).__name__}: {exc})"
    return ""


def _model_key(path: Path) -> str:
    """Names the cache entry of a model folder: its path, the size and time of its files, the export version."""
    h = hashlib.sha256(f"{ONNX_EXPORT_VERSION}|{path.resolve()}".encode())
    for f in sorted(path.glob("*")):
        if f.is_file():
            st = f.stat()
            h.update(f"|{f.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return f"{path.name or 'model'}-{h.hexdigest()[:16]}"


def max_seq_length(path: Path) -> int:
    try:
        return int(json.loads((path / "sentence_bert_config.json").read_text(encoding="utf-8"))["max_seq_length"])
    except (OSError, ValueError, KeyError, TypeError):
        return 512


# int8 recipes (onnxruntime dynamic quantization of the fp32 graph's weights). Per-channel scales keep
# MiniLM's vectors at cosine ≈ 0.99 to fp32 (per-tensor: ≈ 0.93); "int8-ffn-fp32" also leaves the FFN output
# projections (the layers with outlier activations) in fp32.
INT8_RECIPES = ("int8", "int8-ffn-fp32")
INT8_DEFAULT = "int8"


def export_onnx(model_path: Path, cache_dir: Path, variant: str = "fp32") -> Path:
    """The ONNX file of the model (variant 'fp32' or an int8 recipe), exported on first use, offline.

    The graph takes input_ids / attention_mask / token_type_ids and returns the L2-normalized mean-pooled
    sentence embedding. Writes go to a temporary name and are renamed into place, so concurrent processes
    never read a half-written file.
    """
    if variant != "fp32" and variant not in INT8_RECIPES:
        raise ValueError(f"unknown ONNX variant {variant!r}")
    folder = cache_dir / _model_key(model_path)
    fp32 = folder / "model.onnx"
    target = folder / f"model-{variant}.onnx" if variant != "fp32" else fp32
    if target.is_file():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    tmp_tag = f".tmp-{os.getpid()}-{threading.get_ident()}"
    if not fp32.is_file():
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        import torch
        from transformers import AutoModel

        class _Pooled(torch.nn.Module):
            def __init__(self, bert):
                super().__init__()
                self.bert = bert

            def forward(self, input_ids, attention_mask, token_type_ids):
                hidden = self.bert(
                    input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
                ).last_hidden_state
                mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

        bert = AutoModel.from_pretrained(str(model_path), local_files_only=True, attn_implementation="eager")
        module = _Pooled(bert).eval()
        ids = torch.ones((2, 8), dtype=torch.long)
        tmp = folder / f"model.onnx{tmp_tag}"
        names = ["input_ids", "attention_mask", "token_type_ids"]
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tracer notes on transformers' mask code; the vectors are tested
            torch.onnx.export(
                module,
                (ids, torch.ones_like(ids), torch.zeros_like(ids)),
                str(tmp),
                input_names=names,
                output_names=["sentence_embedding"],
                dynamic_axes={n: {0: "batch", 1: "seq"} for n in names} | {"sentence_embedding": {0: "batch"}},
                opset_version=ONNX_OPSET,
                dynamo=False,
            )
        os.replace(tmp, fp32)
        log.info("exported %s to ONNX: %s", model_path, fp32)
    if variant in INT8_RECIPES:
        import onnx
        from onnxruntime.quantization import QuantType, quantize_dynamic

        exclude = []
        if variant == "int8-ffn-fp32":
            graph = onnx.load(str(fp32), load_external_data=False).graph
            exclude = [
                n.name for n in graph.node if n.op_type == "MatMul" and "/output/dense/" in n.name and "attention" not in n.name
            ]
        tmp = folder / f"model-{variant}{tmp_tag}.onnx"
        quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8, per_channel=True, nodes_to_exclude=exclude)
        os.replace(tmp, target)
        log.info("quantized %s to %s: %s", fp32, variant, target)
    return target


def unreadable_export(onnx_path: Path) -> bool:
    """Whether a cached graph file is damaged (not a readable ONNX model)."""
    try:
        import onnx

        onnx.load(str(onnx_path), load_external_data=False)
        return False
    except ImportError:
        return True
    except Exception:
        return True


class OnnxEncoder:
    """The exported graph in onnxruntime, with the model's own tokenizer; texts batched by length."""

    def __init__(self, model_path: Path, onnx_path: Path, threads: int = 0, max_tokens: int = 0):
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(model_path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=min(max_tokens or 10**9, max_seq_length(model_path)))
        self.inputs = self._open(onnx_path, threads)
        self.dimension = len(self.encode(["x"])[0])

    def _open(self, onnx_path: Path, threads: int) -> set[str]:
        """Load the graph; the names of its inputs."""
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        if threads:
            options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        return {i.name for i in self.session.get_inputs()}

    def encode(self, texts: list[str], batch_size: int = 32):
        import numpy as np

        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: -len(encodings[i].ids))  # length buckets: little padding
        out = np.zeros((len(texts), 0), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            part = order[start : start + batch_size]
            width = max(len(encodings[i].ids) for i in part)
            ids = np.zeros((len(part), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            types = np.zeros_like(ids)
            for row, i in enumerate(part):
                e = encodings[i]
                ids[row, : len(e.ids)] = e.ids
                mask[row, : len(e.ids)] = 1
                types[row, : len(e.ids)] = e.type_ids
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            vectors = self._run({k: v for k, v in feed.items() if k in self.inputs})
            if out.shape[1] == 0:
                out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
            out[part] = vectors
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)

    def _run(self, feed: dict):
        return self.session.run(None, feed)[0]


class OpenVinoEncoder(OnnxEncoder):
    """The exported ONNX graph compiled by OpenVINO for the CPU (same tokenizer and batching)."""

    def __init__(self, model_path: Path, onnx_path: Path, threads: int = 0, precision: str = "f32", max_tokens: int = 0):
        self.precision = precision
        super().__init__(model_path, onnx_path, threads, max_tokens)

    def _open(self, onnx_path: Path, threads: int) -> set[str]:
        import openvino as ov

        core = ov.Core()
        config = {"PERFORMANCE_HINT": "LATENCY", "INFERENCE_PRECISION_HINT": self.precision}
        if threads:
            config["INFERENCE_NUM_THREADS"] = threads
        self.compiled = core.compile_model(core.read_model(str(onnx_path)), "CPU", config)
        self.output = self.compiled.outputs[0]
        return {p.get_any_name() for p in self.compiled.inputs}

    def _run(self, feed: dict):
        # One infer request per batch: a request is not thread-safe, creating one is cheap.
        return self.compiled.create_infer_request().infer(feed)[self.output].copy()
