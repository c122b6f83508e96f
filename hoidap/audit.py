"""The audit trail: every question asked, by whom, with which groups, what it cited, whether it was refused."""

from __future__ import annotations

import csv
import datetime
import json
import sqlite3
import time
from pathlib import Path

FIELDS = (
    "id", "created_at", "user", "groups", "channel", "question", "resolved_question", "cited_chunks", "refused",
)

PRUNE_EVERY_S = 3600.0

SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, user TEXT NOT NULL, groups TEXT NOT NULL,
    channel TEXT NOT NULL, question TEXT NOT NULL, resolved_question TEXT NOT NULL, cited_chunks TEXT NOT NULL,
    refused INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS questions_by_time ON questions(created_at);
"""


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


class AuditLog:
    """One SQLite file; each write is its own short transaction (several app processes write to it)."""

    def __init__(self, path: Path, retention_days: int = 0):
        self.path = Path(path)
        self.retention_days = retention_days
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.executescript(SCHEMA)
        self._pruned_at = 0.0
        self.prune()

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def record(
        self, user: str, groups: list[str], channel: str, question: str, resolved_question: str,
        cited_chunks: list[str], refused: bool,
    ) -> int:
        """Save one question; returns its id (feedback on the answer refers to it). Rows past the retention
        period are deleted at most once an hour (a server runs for months)."""
        if time.monotonic() - self._pruned_at > PRUNE_EVERY_S:
            self.prune()
        with self._connect() as conn:
            cur = conn.execute(
                "INSERT INTO questions (created_at, user, groups, channel, question, resolved_question, cited_chunks, "
                "refused) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (_now().isoformat(timespec="seconds"), user, json.dumps(groups), channel, question, resolved_question,
                 json.dumps(cited_chunks), int(refused)),
            )
            return int(cur.lastrowid)

    def prune(self) -> int:
        """Delete rows older than the retention period; returns how many."""
        self._pruned_at = time.monotonic()
        if not self.retention_days:
            return 0
        cutoff = (_now() - datetime.timedelta(days=self.retention_days)).isoformat(timespec="seconds")
        with self._connect() as conn:
            return conn.execute("DELETE FROM questions WHERE created_at < ?", (cutoff,)).rowcount

    def rows(self, since: str = "") -> list[dict]:
        """Questions asked since an ISO date or time ("" = all kept), oldest first."""
        with self._connect() as conn:
            conn.row_factory = sqlite3.Row
            found = conn.execute("SELECT * FROM questions WHERE created_at >= ? ORDER BY id", (since,)).fetchall()
        rows = [dict(r) for r in found]
        for r in rows:
            r["groups"], r["cited_chunks"], r["refused"] = json.loads(r["groups"]), json.loads(r["cited_chunks"]), bool(r["refused"])
        return rows

    def export(self, out: Path, fmt: str, since: str = "") -> int:
        """Write the kept questions as JSONL or CSV; returns how many."""
        self.prune()
        rows = self.rows(since)
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8", newline="") as fh:
            if fmt == "jsonl":
                for r in rows:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            else:
                writer = csv.DictWriter(fh, fieldnames=FIELDS)
                writer.writeheader()
                for r in rows:
                    writer.writerow({**r, "groups": " ".join(r["groups"]), "cited_chunks": " ".join(r["cited_chunks"])})
        return len(rows)
