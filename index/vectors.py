"""The vector store: a Chroma collection holding one embedding per chunk (embeddings always given by us).

Embedded mode keeps one PersistentClient folder per index generation (``gens/<name>/chroma``); server
mode (``chroma run``) keeps one collection per generation (``hoidap-<name>``) on the server. The same
code path serves both.
"""

from __future__ import annotations

from pathlib import Path

from core.errors import VectorStoreUnavailableError

COLLECTION = "hoidap-chunks"


def _chroma_settings():
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


# The HNSW graph Chroma holds in memory is not the same in every process that opens a generation, and
# with Chroma's default search width (100) the same question found different nearest passages after a
# restart (top-5 changes on the dev set). A search width well above the candidates asked for brings the
# search close to exact: what still differs between processes lies deep in the list (ranks 17-48, among
# near-equal similarities) and seldom reaches the fused top 10 (one dev question's ranks 5-8, in one of
# four processes).
HNSW_METADATA = {"hnsw:space": "cosine", "hnsw:search_ef": 400}


class VectorStore:
    """The Chroma collection of one index generation."""

    def __init__(self, client, name: str):
        self.client = client
        self.name = name
        try:
            # embedding_function=None: vectors always come from our embedder, never Chroma's default model.
            self.collection = self.client.get_or_create_collection(name, embedding_function=None, metadata=HNSW_METADATA)
        except Exception as exc:  # connection refused, server error
            raise VectorStoreUnavailableError(str(exc)) from exc

    @classmethod
    def for_generation(cls, settings, gen: Path) -> "VectorStore":
        """The store of generation ``gen``: a local folder, or a collection on the Chroma server."""
        import chromadb

        if settings.chroma_mode == "http":
            try:
                client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=_chroma_settings())
                client.heartbeat()
            except Exception as exc:
                raise VectorStoreUnavailableError(
                    f"cannot reach the Chroma server at {settings.chroma_host}:{settings.chroma_port} ({exc})"
                ) from exc
            return cls(client, f"hoidap-{gen.name}")
        return cls(chromadb.PersistentClient(path=str(gen / "chroma"), settings=_chroma_settings()), COLLECTION)

    def copy_from(self, other: "VectorStore") -> None:
        """Every vector of another store (server mode: the next generation starts as a copy)."""
        for offset, end in self._batches(other.count()):
            part = other.collection.get(
                limit=end - offset, offset=offset, include=["embeddings", "documents", "metadatas"]
            )
            self.collection.upsert(
                ids=part["ids"], embeddings=part["embeddings"], documents=part["documents"], metadatas=part["metadatas"]
            )

    def drop(self) -> None:
        """Delete this generation's collection (server mode, when the generation is pruned)."""
        self.client.delete_collection(self.name)

    def close(self) -> None:
        """Release the client (embedded mode: its HNSW index in memory and its open files)."""
        close = getattr(self.client, "close", None)
        if close is not None:
            close()

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

    def set_access(self, ids: list[str], groups: list[str]) -> None:
        """Give these chunks' vectors other access groups (metadata only; ids without a vector are ignored)."""
        for a, b in self._batches(len(ids)):
            part = ids[a:b]
            self.collection.update(ids=part, metadatas=[{"access": groups}] * len(part))

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
