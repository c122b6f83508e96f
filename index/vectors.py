"""The vector store: a Chroma collection holding one embedding per chunk (embeddings always given by us)."""

from __future__ import annotations

from pathlib import Path

COLLECTION = "hoidap-chunks"


def _client(path: Path):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    return chromadb.PersistentClient(
        path=str(path), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    )


class VectorStore:
    """Chroma collection of one index generation (embedded PersistentClient)."""

    def __init__(self, path: Path):
        self.path = path
        self.client = _client(path)
        # embedding_function=None: vectors always come from our embedder, never from Chroma's default model.
        self.collection = self.client.get_or_create_collection(
            COLLECTION, embedding_function=None, metadata={"hnsw:space": "cosine"}
        )

    def count(self) -> int:
        return self.collection.count()

    def _batches(self, n: int):
        size = max(1, min(self.client.get_max_batch_size(), 2000))
        for i in range(0, n, size):
            yield i, i + size

    def add(self, ids: list[str], embeddings: list[list[float]], texts: list[str], metadatas: list[dict]) -> None:
        for a, b in self._batches(len(ids)):
            self.collection.upsert(
                ids=ids[a:b], embeddings=embeddings[a:b], documents=texts[a:b], metadatas=metadatas[a:b]
            )

    def delete(self, ids: list[str]) -> None:
        for a, b in self._batches(len(ids)):
            self.collection.delete(ids=ids[a:b])

    def embeddings_by_key(self, keys: list[str]) -> dict[str, list[float]]:
        """Stored vectors whose ``embed_key`` (hash of the embedded text) is among keys."""
        found: dict[str, list[float]] = {}
        for a, b in self._batches(len(keys)):
            res = self.collection.get(where={"embed_key": {"$in": keys[a:b]}}, include=["embeddings", "metadatas"])
            for meta, emb in zip(res["metadatas"], res["embeddings"]):
                found.setdefault(meta["embed_key"], [float(x) for x in emb])
        return found

    def all_ids(self) -> list[str]:
        return list(self.collection.get(include=[])["ids"])

    def query(self, embedding: list[float], k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the k nearest chunks."""
        n = self.count()
        if n == 0:
            return []
        res = self.collection.query(
            query_embeddings=[embedding], n_results=min(k, n), where=where or None, include=["distances"]
        )
        return [(cid, 1.0 - float(d)) for cid, d in zip(res["ids"][0], res["distances"][0])]
