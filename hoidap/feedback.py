"""Feedback on answers (useful / not useful + comment), kept in SQLite and exported for test sets."""

from __future__ import annotations

import csv
import json
import sqlite3
import time
from pathlib import Path

FIELDS = ("id", "created_at", "question", "answer", "refused", "citations", "useful", "comment", "audit_id")

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, question TEXT NOT NULL,
    answer TEXT NOT NULL, refused INTEGER NOT NULL, citations TEXT NOT NULL,
    useful INTEGER NOT NULL, comment TEXT NOT NULL, audit_id INTEGER
);
"""


class FeedbackStore:
    """One SQLite file; every write is its own short transaction (safe with several app sessions)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.executescript(SCHEMA)
            if "audit_id" not in {r[1] for r in conn.execute("PRAGMA table_info(feedback)")}:  # a file from before
                conn.execute("ALTER TABLE feedback ADD COLUMN audit_id INTEGER")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def add(
        self, question: str, answer: str, refused: bool, citations: list[dict], useful: bool, comment: str = "",
        audit_id: int | None = None,
    ) -> int:
        """Save one judgement (``audit_id``: the audit-trail row of the question judged); returns its id."""
        with self._connect() as conn:
            cur = conn.execute(
                "INSERT INTO feedback (created_at, question, answer, refused, citations, useful, comment, audit_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (time.strftime("%Y-%m-%dT%H:%M:%S%z"), question, answer, int(refused),
                 json.dumps(citations, ensure_ascii=False), int(useful), comment.strip(), audit_id),
            )
            return int(cur.lastrowid)

    def set_comment(self, row_id: int, comment: str) -> None:
        """Add or change the comment of a judgement already saved (an official votes first, writes after)."""
        with self._connect() as conn:
            conn.execute("UPDATE feedback SET comment = ? WHERE id = ?", (comment.strip(), row_id))

    def rows(self) -> list[dict]:
        """Every judgement, oldest first (citations decoded)."""
        with self._connect() as conn:
            conn.row_factory = sqlite3.Row
            rows = [dict(r) for r in conn.execute("SELECT * FROM feedback ORDER BY id")]
        for r in rows:
            r["citations"] = json.loads(r["citations"])
            r["refused"], r["useful"] = bool(r["refused"]), bool(r["useful"])
        return rows

    def export(self, out: Path, fmt: str) -> int:
        """Write every judgement as CSV or JSONL; returns how many."""
        rows = self.rows()
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "jsonl":
            with open(out, "w", encoding="utf-8") as fh:
                for r in rows:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            with open(out, "w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=FIELDS)
                writer.writeheader()
                for r in rows:
                    writer.writerow({**r, "citations": json.dumps(r["citations"], ensure_ascii=False)})
        else:
            raise ValueError(f"unknown format {fmt!r}")
        return len(rows)
