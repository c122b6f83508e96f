"""BM25 over underthesea words (bm25s), persisted beside the chunk store and loaded on demand."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np


class BM25Index:
    """A BM25 ranking of chunk ids, with the document frequencies the answerer uses as term weights."""

    def __init__(self, retriever, ids: list[str], idf: dict[str, float]):
        self.retriever = retriever
        self.ids = ids
        self.idf = idf
        self._vocab = retriever.vocab_dict if retriever is not None else {}
        self._spellings: dict[str, str] | None = None  # folded token → its most frequent written form (spelled())

    @classmethod
    def build(cls, rows: Iterable[tuple[str, list[str]]]) -> "BM25Index":
        """The index of (chunk id, tokens) rows. Each chunk is kept as token numbers into one vocabulary, so
        a word's text is held once however many chunks use it (memory stays small at 100k chunks)."""
        import bm25s

        ids: list[str] = []
        numbered: list[list[int]] = []
        vocab: dict[str, int] = {}
        df: Counter = Counter()
        for chunk_id, tokens in rows:
            row = [vocab.setdefault(t, len(vocab)) for t in tokens or [""]]
            df.update(set(row))
            ids.append(chunk_id)
            numbered.append(row)
        n = max(len(ids), 1)
        words = list(vocab)
        idf = {words[i]: math.log(1 + (n - f + 0.5) / (f + 0.5)) for i, f in df.items() if words[i]}
        if not ids:
            return cls(None, [], idf)
        retriever = bm25s.BM25()
        retriever.index((numbered, vocab), show_progress=False)
        return cls(retriever, ids, idf)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if self.retriever is not None:
            self.retriever.save(str(folder / "bm25s"))
        (folder / "ids.json").write_text(json.dumps(self.ids), encoding="utf-8")
        (folder / "idf.json").write_text(json.dumps(self.idf, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> "BM25Index":
        import bm25s

        ids = json.loads((folder / "ids.json").read_text(encoding="utf-8"))
        idf = json.loads((folder / "idf.json").read_text(encoding="utf-8"))
        retriever = bm25s.BM25.load(str(folder / "bm25s"), mmap=False) if ids else None
        return cls(retriever, ids, idf)

    def search(self, tokens: list[str], k: int, allowed: np.ndarray | None = None) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) of the k best chunks; ``allowed`` is a boolean mask over chunks."""
        known = [t for t in tokens if t in self._vocab]
        if not known or self.retriever is None:
            return []
        scores = self.retriever.get_scores(known)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def weight(self, token: str) -> float:
        """IDF of a token (0 for unknown tokens)."""
        return self.idf.get(token, 0.0)

    def spelled(self, folded: str) -> str:
        """The corpus' most frequent written form of a folded token ("~ngan_hang" → "ngân_hàng"); "" when none."""
        if self._spellings is None:
            from ingest.normalize import fold_diacritics

            best: dict[str, str] = {}
            for token, idf in self.idf.items():
                if not token.startswith("~"):
                    key = "~" + fold_diacritics(token)
                    if key != "~" + token and (key not in best or idf < self.idf[best[key]]):
                        best[key] = token
            self._spellings = best
        return self._spellings.get(folded, "")


def rank_within(rows: list[tuple[str, list[str]]], tokens: list[str], k: int, k1: float = 1.5, b: float = 0.75) -> list[str]:
    """Chunk ids of ``rows`` (chunk id, tokens) ranked by BM25 with the rows' own statistics: a word that most of
    them share (the subject or place of the document they belong to) weighs little among them, however rare it
    is in the whole index. Chunks matching no token are left out."""
    if not rows:
        return []
    n = len(rows)
    wanted = set(tokens)
    counts = [Counter(t for t in toks if t in wanted) for _, toks in rows]
    lengths = np.array([len(toks) for _, toks in rows], dtype=float)
    norm = k1 * (1 - b + b * lengths / max(lengths.mean(), 1.0))
    df = Counter(t for c in counts for t in c)
    scores = np.zeros(n)
    for token, f in df.items():
        idf = math.log(1 + (n - f + 0.5) / (f + 0.5))
        tf = np.array([c.get(token, 0) for c in counts], dtype=float)
        scores += idf * tf * (k1 + 1) / (tf + norm)
    order = np.argsort(-scores, kind="stable")[:k]
    return [rows[i][0] for i in order if scores[i] > 0]
