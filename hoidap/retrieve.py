"""Retrieve: BM25 over underthesea words and dense vectors, fused by weighted reciprocal rank."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from hoidap.errors import IndexIncompatibleError
from hoidap.settings import Settings
from index.bm25 import BM25Index
from index.embed import Embedder
from index.layout import SCHEMA_VERSION
from index.store import ChunkStore, StoredChunk
from index.vectors import VectorStore
from ingest.normalize import has_diacritics
from ingest.segment import query_tokens, words_of


@dataclass
class Passage:
    """A retrieved chunk with its fused score and the rank it had in each retriever (1-based, 0 = absent)."""

    chunk: StoredChunk
    score: float
    ranks: dict[str, int] = field(default_factory=dict)


class IndexReader:
    """Read access to one index generation; the heavy parts load on first use."""

    def __init__(self, gen: Path):
        self.gen = gen
        self.store = ChunkStore(gen / "chunks.sqlite", readonly=True)
        version = self.store.get_meta("schema_version")
        if version != SCHEMA_VERSION:
            raise IndexIncompatibleError(gen, f"schema version {version or '?'} (expected {SCHEMA_VERSION})")
        self._bm25: BM25Index | None = None
        self._vectors: VectorStore | None = None
        self._lock = threading.Lock()

    @property
    def bm25(self) -> BM25Index:
        with self._lock:
            if self._bm25 is None:
                self._bm25 = BM25Index.load(self.gen / "bm25")
        return self._bm25

    @property
    def vectors(self) -> VectorStore:
        with self._lock:
            if self._vectors is None:
                self._vectors = VectorStore(self.gen / "chroma")
        return self._vectors

    def close(self) -> None:
        self.store.close()


def question_tokens(question: str) -> list[str]:
    """BM25 tokens of a question (exact + folded forms when it has diacritics, folded only otherwise)."""
    return query_tokens(words_of(question), exact=has_diacritics(question))


def rrf(rankings: dict[str, list[str]], weights: dict[str, float], k: int) -> list[tuple[str, float, dict]]:
    """Weighted reciprocal rank fusion: score(d) = Σ_r w_r / (k + rank_r(d))."""
    fused: dict[str, float] = {}
    ranks: dict[str, dict[str, int]] = {}
    for name, ids in rankings.items():
        w = weights.get(name, 0.0)
        for rank, cid in enumerate(ids, 1):
            ranks.setdefault(cid, {})[name] = rank
            if w > 0:
                fused[cid] = fused.get(cid, 0.0) + w / (k + rank)
    order = sorted(fused, key=lambda c: -fused[c])
    return [(cid, fused[cid], ranks[cid]) for cid in order]


class HybridRetriever:
    """BM25 + dense retrieval over an index generation, fused with weights from the settings."""

    def __init__(self, reader: IndexReader, embedder: Embedder, settings: Settings):
        self.reader = reader
        self.embedder = embedder
        self.settings = settings

    def rankings(self, question: str, k: int) -> dict[str, list[str]]:
        """Chunk ids ranked by each component retriever."""
        s = self.settings
        out: dict[str, list[str]] = {}
        if s.bm25_weight > 0:
            out["bm25"] = [cid for cid, _ in self.reader.bm25.search(question_tokens(question), k)]
        if s.dense_weight > 0:
            out["dense"] = [cid for cid, _ in self.reader.vectors.query(self.embedder.embed_query(question), k)]
        return out

    def retrieve(self, question: str, k: int | None = None) -> list[Passage]:
        """The k best passages for the question."""
        s = self.settings
        k = k or s.top_k
        rankings = self.rankings(question, max(s.candidate_k, k))
        fused = rrf(rankings, {"bm25": s.bm25_weight, "dense": s.dense_weight}, s.rrf_k)[:k]
        chunks = self.reader.store.get_chunks([cid for cid, _, _ in fused])
        return [Passage(chunks[cid], score, ranks) for cid, score, ranks in fused if cid in chunks]
