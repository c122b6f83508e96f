"""The embedding cache: every vector ever computed, by model and by the hash of the text embedded.

It lives beside the generations (``index_dir/embed-cache.sqlite``) and outlives them, so no text is embedded
twice: not a passage shared by two documents, not one of a file renamed or changed back, and not the work of
a reindex interrupted while it embedded (the next one finds those vectors here and goes on from there).
Only a reindex writes it, under the reindex lock.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

_BATCH = 500  # keys per SQL statement (well under SQLite's limit on bound parameters)


class EmbeddingCache:
    """Vectors (float32) by (model label, embed key)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, key TEXT NOT NULL, vector BLOB NOT NULL, "
            "PRIMARY KEY (model, key)) WITHOUT ROWID"
        )

    def close(self) -> None:
        self.conn.close()

    def known(self, model: str, keys: list[str]) -> set[str]:
        """The keys among ``keys`` that have a vector for this model."""
        found: set[str] = set()
        for i in range(0, len(keys), _BATCH):
            part = keys[i : i + _BATCH]
            marks = ",".join("?" * len(part))
            sql = f"SELECT key FROM vectors WHERE model = ? AND key IN ({marks})"
            found.update(r[0] for r in self.conn.execute(sql, (model, *part)))
        return found

    def get(self, model: str, keys: list[str]) -> dict[str, list[float]]:
        """Vectors of the keys that have one for this model."""
        found: dict[str, list[float]] = {}
        for i in range(0, len(keys), _BATCH):
            part = keys[i : i + _BATCH]
            marks = ",".join("?" * len(part))
            sql = f"SELECT key, vector FROM vectors WHERE model = ? AND key IN ({marks})"
            for key, blob in self.conn.execute(sql, (model, *part)):
                found[key] = np.frombuffer(blob, dtype=np.float32).tolist()
        return found

    def forget(self, model: str) -> None:
        """Drop every vector of a model (``reindex --rebuild`` embeds everything again)."""
        with self.conn:
            self.conn.execute("DELETE FROM vectors WHERE model = ?", (model,))

    def put(self, model: str, vectors: dict[str, list[float]]) -> None:
        """Store vectors and commit at once: what was embedded survives a kill right after."""
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                [(model, key, np.asarray(vec, dtype=np.float32).tobytes()) for key, vec in vectors.items()],
            )
