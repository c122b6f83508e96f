"""The chunk store as one caller may read it: documents outside their access groups do not exist for them.

Every read that retrieval, answering, the document view and the library make goes through these methods, so a
restricted passage never reaches ranking, answers, citations, the full text or the list of documents. A method
the wrapper does not define is not available to a caller (AttributeError), not silently unfiltered.
"""

from __future__ import annotations

from core.models import Statement
from index.store import ChunkStore, StoredChunk


class ReadableStore:
    """The documents ``doc_ids`` of one generation (those a caller may read) and their chunks, read-only."""

    def __init__(self, store: ChunkStore, doc_ids: frozenset[str]):
        self.base = store
        self.doc_ids = doc_ids
        owners = store.conn.execute("SELECT chunk_id, doc_id FROM chunks").fetchall()
        self.chunk_ids = frozenset(cid for cid, doc_id in owners if doc_id in self.doc_ids)
        self._all_chunks = len(owners)

    def get_meta(self, key: str, default: str = "") -> str:
        return self.base.get_meta(key, default)

    def get_chunks(self, chunk_ids: list[str]) -> dict[str, StoredChunk]:
        return self.base.get_chunks([cid for cid in chunk_ids if cid in self.chunk_ids])

    def next_chunk(self, chunk: StoredChunk) -> StoredChunk | None:
        return self.base.next_chunk(chunk) if chunk.doc_id in self.doc_ids else None

    def previous_chunk(self, chunk: StoredChunk) -> StoredChunk | None:
        return self.base.previous_chunk(chunk) if chunk.doc_id in self.doc_ids else None

    def last_texts(self, number: str, limit: int = 1000) -> list[tuple[str, str]]:
        return [(cid, text) for cid, text in self.base.last_texts(number, limit) if cid in self.chunk_ids]

    def get_texts(self, chunk_ids: list[str]) -> dict[str, str]:
        return self.base.get_texts([cid for cid in chunk_ids if cid in self.chunk_ids])

    def texts(self):
        """The text of every readable chunk, one at a time."""
        for cid, text in self.base.conn.execute("SELECT chunk_id, text FROM chunks"):
            if cid in self.chunk_ids:
                yield text

    def headings(self, doc_ids: set[str]) -> list[tuple[str, str]]:
        readable = set(doc_ids) & self.doc_ids
        return self.base.headings(readable) if readable else []

    def labels(self, doc_ids: set[str]) -> list[tuple[str, str]]:
        readable = set(doc_ids) & self.doc_ids
        return self.base.labels(readable) if readable else []

    def mentioning(self, needles: list[str], limit: int) -> list[str]:
        # restricted chunks can take at most this many of the base's places
        hidden = self._all_chunks - len(self.chunk_ids)
        return [cid for cid in self.base.mentioning(needles, limit + hidden) if cid in self.chunk_ids][:limit]

    def documents(self) -> list[dict]:
        return [row for row in self.base.documents() if row["doc_id"] in self.doc_ids]

    def document(self, doc_id: str) -> dict | None:
        return self.base.document(doc_id) if doc_id in self.doc_ids else None

    def statements(self) -> list[tuple[str, Statement]]:
        return [(doc_id, st) for doc_id, st in self.base.statements() if doc_id in self.doc_ids]

    def counts(self) -> tuple[int, int]:
        return len(self.doc_ids), len(self.chunk_ids)

    def pending_count(self) -> int:
        return self.base.pending_count()

    def close(self) -> None:
        """The base store belongs to the generation's reader, which closes it."""
