"""The chunk store: documents, chunks and the file manifest of one index generation (SQLite)."""

from __future__ import annotations

import bisect
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from core.access import PUBLIC
from core.dates import vietnamese_date
from core.errors import IndexIncompatibleError
from core.models import LEAD_IN_MARK, Chunk, DocMeta, Document, Statement

SCHEMA_VERSION = "1"  # bump when the layout of a generation changes; older ones then need a rebuild

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    rel_path TEXT PRIMARY KEY, file_hash TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, rel_path TEXT NOT NULL, source TEXT NOT NULL, title TEXT NOT NULL,
    doc_type TEXT NOT NULL, number TEXT NOT NULL, issuer TEXT NOT NULL, date TEXT NOT NULL,
    text TEXT NOT NULL, content_hash TEXT NOT NULL, declared_access TEXT NOT NULL DEFAULT '[]',
    access TEXT NOT NULL DEFAULT '["public"]'
);
CREATE INDEX IF NOT EXISTS documents_by_file ON documents(rel_path);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, position INTEGER NOT NULL, text TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, label TEXT NOT NULL, heading TEXT NOT NULL,
    tokens TEXT NOT NULL, sentence_spans TEXT NOT NULL, text_hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks(doc_id);
CREATE TABLE IF NOT EXISTS statements (
    doc_id TEXT NOT NULL, kind TEXT NOT NULL, target TEXT NOT NULL, parts TEXT NOT NULL, effective TEXT NOT NULL,
    signing INTEGER NOT NULL, by_number TEXT NOT NULL, label TEXT NOT NULL, quote TEXT NOT NULL,
    chunk_id TEXT NOT NULL, origin TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS statements_by_doc ON statements(doc_id);
CREATE TABLE IF NOT EXISTS pages (doc_id TEXT PRIMARY KEY, starts TEXT NOT NULL, ocr TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pending_vectors (
    chunk_id TEXT PRIMARY KEY, embed_key TEXT NOT NULL, embed_text TEXT NOT NULL, metadata TEXT NOT NULL
);
"""


@dataclass
class FileRecord:
    """What the last successful reindex saw of one corpus file."""

    rel_path: str
    file_hash: str
    size: int
    mtime_ns: int


def ascii_lower(text: str) -> str:
    """Lower case for ASCII letters only, as SQLite's lower() does."""
    return "".join(c.lower() if c.isascii() else c for c in text)


@dataclass
class StoredChunk:
    """A chunk as read back for retrieval and answering, with its document's metadata."""

    chunk_id: str
    doc_id: str
    position: int
    text: str
    start: int
    end: int
    label: str
    heading: str
    sentence_spans: list[tuple[int, int]]
    doc: DocMeta
    source: str
    page: int = 0  # page of a PDF or scan where the passage starts; 0 = not paged
    ocr: bool = False  # that page was read by OCR (a scan)

    @property
    def section_heading(self) -> str:
        """The heading of its section (with a table's header row), without a list's lead-in."""
        return self.heading.split(LEAD_IN_MARK)[0]

    def citation_label(self) -> str:
        """"Luật Giao dịch điện tử (20/2023/QH15), Điều 22, khoản 1, 22/6/2023"."""
        parts = [self.doc.title or self.source]
        if self.doc.number and self.doc.number not in parts[0]:
            parts[0] += f" ({self.doc.number})"
        if self.label:
            parts.append(self.label)
        if self.doc.date:
            parts.append(vietnamese_date(self.doc.date))
        if self.page:
            parts.append(self.page_note())
        return ", ".join(parts)

    def page_note(self) -> str:
        """"trang 3" or "trang 3 (văn bản quét, nhận dạng tự động)"; "" when not paged."""
        if not self.page:
            return ""
        return f"trang {self.page} (văn bản quét, nhận dạng tự động)" if self.ocr else f"trang {self.page}"


class ChunkStore:
    """SQLite file holding everything but the vectors; the source of truth of an index generation."""

    def __init__(self, path: Path, readonly: bool = False):
        self.path = path
        if readonly:
            self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        else:
            self.conn = sqlite3.connect(path, check_same_thread=False)
            self.conn.executescript(SCHEMA)
            self._add_access_columns()
        self.conn.row_factory = sqlite3.Row

    @classmethod
    def open_generation(cls, gen: Path) -> "ChunkStore":
        """The store of a built generation, read-only; IndexIncompatibleError when it was written by an
        incompatible hoidap version (or is not a chunk store at all)."""
        path = gen / "chunks.sqlite"
        if not path.is_file():
            raise IndexIncompatibleError(gen, "its chunk store (chunks.sqlite) is missing")
        try:
            store = cls(path, readonly=True)
            version = store.get_meta("schema_version")
        except sqlite3.DatabaseError as exc:
            raise IndexIncompatibleError(gen, f"its chunk store cannot be read ({exc})") from exc
        if version != SCHEMA_VERSION:
            store.close()
            raise IndexIncompatibleError(
                gen, f"it was written by another hoidap version (schema {version or 'unknown'}, this one reads {SCHEMA_VERSION})"
            )
        return store

    def close(self) -> None:
        self.conn.close()

    def _add_access_columns(self) -> None:
        """A generation written before access groups (copied as the start of the next one) gets their columns:
        its documents are public until the reindex gives them their groups."""
        have = {r[1] for r in self.conn.execute("PRAGMA table_info(documents)")}
        for name, default in (("declared_access", "'[]'"), ("access", "'[\"public\"]'")):
            if name not in have:
                self.conn.execute(f"ALTER TABLE documents ADD COLUMN {name} TEXT NOT NULL DEFAULT {default}")

    # --- meta
    def get_meta(self, key: str, default: str = "") -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row["value"] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # --- files
    def files(self) -> dict[str, FileRecord]:
        rows = self.conn.execute("SELECT rel_path, file_hash, size, mtime_ns FROM files").fetchall()
        return {r["rel_path"]: FileRecord(*r) for r in rows}

    def put_file(self, record: FileRecord) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
            (record.rel_path, record.file_hash, record.size, record.mtime_ns),
        )

    def delete_file(self, rel_path: str) -> list[str]:
        """Remove a file with its documents and chunks; return the chunk ids removed."""
        doc_ids = [r[0] for r in self.conn.execute("SELECT doc_id FROM documents WHERE rel_path = ?", (rel_path,))]
        removed: list[str] = []
        for doc_id in doc_ids:
            removed += [r[0] for r in self.conn.execute("SELECT chunk_id FROM chunks WHERE doc_id = ?", (doc_id,))]
            self.conn.execute(
                "DELETE FROM pending_vectors WHERE chunk_id IN (SELECT chunk_id FROM chunks WHERE doc_id = ?)", (doc_id,)
            )
            self.conn.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
            self.conn.execute("DELETE FROM statements WHERE doc_id = ?", (doc_id,))
            self.conn.execute("DELETE FROM pages WHERE doc_id = ?", (doc_id,))
        self.conn.execute("DELETE FROM documents WHERE rel_path = ?", (rel_path,))
        self.conn.execute("DELETE FROM files WHERE rel_path = ?", (rel_path,))
        return removed

    # --- documents and chunks
    def put_document(self, doc: Document, rel_path: str, access: tuple[str, ...]) -> None:
        """Write a document with the access groups it is read with (core/access.py)."""
        m = doc.meta
        self.conn.execute(
            "INSERT OR REPLACE INTO documents (doc_id, rel_path, source, title, doc_type, number, issuer, date, text, "
            "content_hash, declared_access, access) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.doc_id, rel_path, doc.source, m.title, m.doc_type, m.number, m.issuer, m.date, doc.text,
             doc.content_hash, json.dumps(list(m.access)), json.dumps(list(access))),
        )
        self.conn.execute("DELETE FROM statements WHERE doc_id = ?", (doc.doc_id,))
        self.conn.execute("DELETE FROM pages WHERE doc_id = ?", (doc.doc_id,))
        if doc.page_starts:
            self.conn.execute(
                "INSERT INTO pages VALUES (?, ?, ?)", (doc.doc_id, json.dumps(doc.page_starts), json.dumps(list(doc.ocr_pages)))
            )
        self.conn.executemany(
            "INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (doc.doc_id, st.kind, st.target, json.dumps(list(st.parts), ensure_ascii=False), st.effective,
                 int(st.signing), st.by, st.label, st.quote, st.chunk_id, st.origin)
                for st in doc.statements
            ],
        )

    def put_chunks(self, chunks: list[Chunk]) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (c.chunk_id, c.doc_id, c.position, c.text, c.start, c.end, c.label, c.heading,
                 " ".join(c.tokens), json.dumps(c.sentence_spans), c.text_hash)
                for c in chunks
            ],
        )

    def chunk_hashes(self) -> dict[str, str]:
        """chunk_id → text hash of every chunk."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT chunk_id, text_hash FROM chunks")}

    def token_rows(self) -> Iterator[tuple[str, list[str]]]:
        """(chunk id, BM25 tokens) of every chunk, in a stable order, one row at a time."""
        for chunk_id, toks in self.conn.execute("SELECT chunk_id, tokens FROM chunks ORDER BY chunk_id"):
            yield chunk_id, toks.split(" ") if toks else []

    def document_token_rows(self, doc_ids: set[str]) -> list[tuple[str, list[str]]]:
        """(chunk id, BM25 tokens) of every chunk of these documents, in document order."""
        marks = ",".join("?" * len(doc_ids))
        rows = self.conn.execute(
            f"SELECT chunk_id, tokens FROM chunks WHERE doc_id IN ({marks}) ORDER BY doc_id, position", sorted(doc_ids)
        )
        return [(chunk_id, toks.split(" ") if toks else []) for chunk_id, toks in rows]

    def commit(self) -> None:
        self.conn.commit()

    # --- passages published before their vectors (a lexical generation)
    def put_pending(self, rows: list[tuple[str, str, str, dict]]) -> None:
        """(chunk id, embed key, text to embed, vector metadata) of passages still without a vector."""
        self.conn.executemany(
            "INSERT OR REPLACE INTO pending_vectors VALUES (?, ?, ?, ?)",
            [(cid, key, text, json.dumps(meta, ensure_ascii=False)) for cid, key, text, meta in rows],
        )

    def pending_count(self) -> int:
        """How many passages still wait for their vector (0 on generations written before there were any)."""
        try:
            return self.conn.execute("SELECT COUNT(*) FROM pending_vectors").fetchone()[0]
        except sqlite3.OperationalError:  # no such table
            return 0

    def pending_ids(self) -> set[str]:
        if not self.pending_count():
            return set()
        return {r[0] for r in self.conn.execute("SELECT chunk_id FROM pending_vectors")}

    def pending_keys(self) -> dict[str, tuple[str, int]]:
        """embed key → (text to embed, how many waiting passages share it)."""
        if not self.pending_count():
            return {}
        rows = self.conn.execute("SELECT embed_key, embed_text, COUNT(*) FROM pending_vectors GROUP BY embed_key")
        return {r[0]: (r[1], r[2]) for r in rows}

    def pending_batches(self, size: int):
        """(chunk ids, embed keys, chunk texts, vector metadata) of the waiting passages, ``size`` at a time."""
        rows = self.conn.execute(
            "SELECT p.chunk_id, p.embed_key, c.text, p.metadata FROM pending_vectors p JOIN chunks c USING (chunk_id) "
            "ORDER BY p.chunk_id"
        )
        while part := rows.fetchmany(size):
            yield [r[0] for r in part], [r[1] for r in part], [r[2] for r in part], [json.loads(r[3]) for r in part]

    def clear_pending(self) -> None:
        self.conn.execute("DELETE FROM pending_vectors")

    def get_chunks(self, chunk_ids: list[str]) -> dict[str, StoredChunk]:
        """Chunks by id, joined with their document's metadata."""
        if not chunk_ids:
            return {}
        marks = ",".join("?" * len(chunk_ids))
        rows = self.conn.execute(
            f"""SELECT c.chunk_id, c.doc_id, c.position, c.text, c.start, c.end, c.label, c.heading,
                       c.sentence_spans, d.doc_type, d.number, d.issuer, d.date, d.title, d.source
                FROM chunks c JOIN documents d ON d.doc_id = c.doc_id WHERE c.chunk_id IN ({marks})""",
            chunk_ids,
        ).fetchall()
        pages = self.pages({r["doc_id"] for r in rows})
        return {r["chunk_id"]: _stored(r, pages.get(r["doc_id"])) for r in rows}

    def next_chunk(self, chunk: StoredChunk) -> StoredChunk | None:
        """The chunk that follows this one in its document, or None at its end."""
        return self._chunk_at(chunk.doc_id, chunk.position + 1)

    def previous_chunk(self, chunk: StoredChunk) -> StoredChunk | None:
        """The chunk before this one in its document, or None at its start."""
        return self._chunk_at(chunk.doc_id, chunk.position - 1)

    def _chunk_at(self, doc_id: str, position: int) -> StoredChunk | None:
        row = self.conn.execute(
            "SELECT chunk_id FROM chunks WHERE doc_id = ? AND position = ?", (doc_id, position)
        ).fetchone()
        return self.get_chunks([row[0]]).get(row[0]) if row else None

    def last_texts(self, number: str, limit: int = 1000) -> list[tuple[str, str]]:
        """(chunk id, text) of the last passages of the document with this số hiệu, last first (where it is
        signed); [] if none."""
        return self.conn.execute(
            """SELECT c.chunk_id, c.text FROM chunks c JOIN documents d ON d.doc_id = c.doc_id
               WHERE lower(d.number) = lower(?) ORDER BY c.position DESC LIMIT ?""",
            (number, limit),
        ).fetchall()

    def pages(self, doc_ids: set[str]) -> dict[str, tuple[list[int], set[int]]]:
        """doc_id → (offset where each page starts, pages read by OCR) of the paged documents among these; {}
        for a generation written before pages were kept."""
        if not doc_ids:
            return {}
        marks = ",".join("?" * len(doc_ids))
        try:
            rows = self.conn.execute(f"SELECT doc_id, starts, ocr FROM pages WHERE doc_id IN ({marks})", sorted(doc_ids))
            return {r[0]: (json.loads(r[1]), set(json.loads(r[2]))) for r in rows}
        except sqlite3.OperationalError:
            return {}

    def headings(self, doc_ids: set[str]) -> list[tuple[str, str]]:
        """(chunk id, heading) of every chunk of these documents, in document order."""
        marks = ",".join("?" * len(doc_ids))
        return self.conn.execute(
            f"SELECT chunk_id, heading FROM chunks WHERE doc_id IN ({marks}) ORDER BY doc_id, position", sorted(doc_ids)
        ).fetchall()

    def labels(self, doc_ids: set[str]) -> list[tuple[str, str]]:
        """(chunk id, label) of every chunk of these documents ("Điều 12, khoản 3", "Phụ lục II"), in document order."""
        marks = ",".join("?" * len(doc_ids))
        return self.conn.execute(
            f"SELECT chunk_id, label FROM chunks WHERE doc_id IN ({marks}) ORDER BY doc_id, position", sorted(doc_ids)
        ).fetchall()

    def mentioning(self, needles: list[str], limit: int) -> list[str]:
        """Chunk ids whose text contains one of these strings (e.g. a số hiệu), in document order; ASCII letters
        in any case (SQLite's lower() leaves "Đ", "Ậ" as they are, so only ASCII letters are folded on both
        sides: "224/2026/NĐ-CP" finds "224/2026/NĐ-CP")."""
        if not needles:
            return []
        where = " OR ".join("instr(lower(text), ?) > 0" for _ in needles)
        rows = self.conn.execute(
            f"SELECT chunk_id FROM chunks WHERE {where} ORDER BY doc_id, position LIMIT ?",
            [ascii_lower(n) for n in needles] + [limit],
        )
        return [r[0] for r in rows]

    def texts(self):
        """The text of every chunk, one at a time."""
        for (text,) in self.conn.execute("SELECT text FROM chunks"):
            yield text

    def get_texts(self, chunk_ids: list[str]) -> dict[str, str]:
        """chunk id → passage text."""
        found: dict[str, str] = {}
        for i in range(0, len(chunk_ids), 500):
            part = chunk_ids[i : i + 500]
            marks = ",".join("?" * len(part))
            found.update(self.conn.execute(f"SELECT chunk_id, text FROM chunks WHERE chunk_id IN ({marks})", part).fetchall())
        return found

    def documents(self) -> list[dict]:
        """Every indexed document with its metadata and chunk count."""
        rows = self.conn.execute(
            f"""SELECT d.doc_id, d.source, d.title, d.doc_type, d.number, d.issuer, d.date, {self._access_column()},
                      (SELECT COUNT(*) FROM chunks c WHERE c.doc_id = d.doc_id) AS chunks
               FROM documents d ORDER BY d.source"""
        ).fetchall()
        return [{**dict(r), "access": json.loads(r["access"])} for r in rows]

    def document(self, doc_id: str) -> dict | None:
        """One document: metadata and its full display text."""
        row = self.conn.execute(
            f"SELECT doc_id, source, title, doc_type, number, issuer, date, text, {self._access_column()} "
            "FROM documents d WHERE d.doc_id = ?",
            (doc_id,),
        ).fetchone()
        return {**dict(row), "access": json.loads(row["access"])} if row else None

    def _access_column(self) -> str:
        """The documents' access column, or public for a generation written before access groups."""
        return "d.access AS access" if self._has_access() else "'[\"public\"]' AS access"

    def _has_access(self) -> bool:
        """Whether the documents carry access groups (False: a generation written before them, read-only)."""
        if not hasattr(self, "_access_known"):
            self._access_known = any(r[1] == "access" for r in self.conn.execute("PRAGMA table_info(documents)"))
        return self._access_known

    def statements(self) -> list[tuple[str, Statement]]:
        """(doc_id, statement) for what every document states about legal force (ingest/validity.py); []
        for a generation written before statements were kept."""
        try:
            rows = self.conn.execute("SELECT * FROM statements ORDER BY rowid").fetchall()
        except sqlite3.OperationalError:
            return []
        return [
            (r["doc_id"], Statement(r["kind"], r["target"], tuple(json.loads(r["parts"])), r["effective"], bool(r["signing"]),
                                    r["by_number"], r["label"], r["quote"], r["chunk_id"], r["origin"]))
            for r in rows
        ]

    # --- access groups
    def access_rows(self) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
        """(doc_id, rel_path, declared groups, groups read with) of every document; a generation written before
        access groups: none declared, public."""
        if not self._has_access():
            return [(r[0], r[1], (), (PUBLIC,)) for r in self.conn.execute("SELECT doc_id, rel_path FROM documents")]
        rows = self.conn.execute("SELECT doc_id, rel_path, declared_access, access FROM documents").fetchall()
        return [(r[0], r[1], tuple(json.loads(r[2])), tuple(json.loads(r[3]))) for r in rows]

    def set_access(self, doc_id: str, access: tuple[str, ...]) -> list[str]:
        """Give a document other groups; returns the ids of its chunks (whose vectors carry the groups too)."""
        groups = json.dumps(list(access))
        self.conn.execute("UPDATE documents SET access = ? WHERE doc_id = ?", (groups, doc_id))
        self.conn.execute(  # passages still waiting for their vector get it with the new groups
            "UPDATE pending_vectors SET metadata = json_set(metadata, '$.access', json(?)) "
            "WHERE chunk_id IN (SELECT chunk_id FROM chunks WHERE doc_id = ?)",
            (groups, doc_id),
        )
        return [r[0] for r in self.conn.execute("SELECT chunk_id FROM chunks WHERE doc_id = ?", (doc_id,))]

    def counts(self) -> tuple[int, int]:
        """(documents, chunks)."""
        docs = self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        chunks = self.conn.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
        return docs, chunks


def _stored(r: sqlite3.Row, pages: tuple[list[int], set[int]] | None = None) -> StoredChunk:
    page = bisect.bisect_right(pages[0], r["start"]) if pages else 0
    return StoredChunk(
        chunk_id=r["chunk_id"],
        doc_id=r["doc_id"],
        position=r["position"],
        text=r["text"],
        start=r["start"],
        end=r["end"],
        label=r["label"],
        heading=r["heading"],
        sentence_spans=[tuple(s) for s in json.loads(r["sentence_spans"])],
        doc=DocMeta(doc_type=r["doc_type"], number=r["number"], issuer=r["issuer"], date=r["date"], title=r["title"]),
        source=r["source"],
        page=page,
        ocr=bool(pages and page in pages[1]),
    )
