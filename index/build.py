"""Reindex: compare the corpus with the served generation and build the next one incrementally.

Only new and changed files are ingested; only passages whose text was never embedded are embedded
(a renamed file reuses every vector). The new generation is switched in atomically as soon as its text,
structure and BM25 are ready; what still lacks a vector is embedded after (index/fill.py), and the complete
generation is switched in at the end.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from core.access import checked_rules, document_access
from core.errors import CorpusNotFoundError, IndexNotFoundError
from core.models import LEAD_IN_MARK
from core.settings import Settings
from index.bm25 import BM25Index
from index.embed import Embedder
from index.embed_cache import EmbeddingCache
from index.fill import embed_pending, publish_complete, write_progress
from index.layout import IndexLayout
from index.store import SCHEMA_VERSION, ChunkStore, FileRecord
from index.vectors import VectorStore
from ingest import INGEST_VERSION
from ingest.load import SUPPORTED_SUFFIXES, read_error_reason
from ingest.ocr import OcrOptions
from ingest.pipeline import SIDECAR_SUFFIX, FileResult, content_hash_of, process_file, sidecar_path
from ingest.segment import segmented_text

Progress = Callable[[str, int, int], None]  # (stage, done, total)
ACCESS_GROUPS_VERSION = "1"  # meta of a generation whose documents and vectors carry their access groups


@dataclass
class ReindexReport:
    """Outcome of one reindex; the keys of ``to_dict`` are a stable interface (`reindex --json`)."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    documents: int = 0
    chunks: int = 0
    embedded: int = 0
    reused_vectors: int = 0
    access_changed: int = 0  # documents given other access groups (a folder rule changed) without re-reading
    seconds: float = 0.0
    generation: str = ""

    def to_dict(self) -> dict:
        return {
            "added": len(self.added),
            "changed": len(self.changed),
            "removed": len(self.removed),
            "renamed": len(self.renamed),
            "unchanged": self.unchanged,
            "failed": [{"path": p, "reason": r} for p, r in self.failed],
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "documents": self.documents,
            "chunks": self.chunks,
            "embedded": self.embedded,
            "reused_vectors": self.reused_vectors,
            "access_changed": self.access_changed,
            "seconds": round(self.seconds, 3),
            "generation": self.generation,
        }


def fingerprint(settings: Settings, embedder: Embedder) -> str:
    """What makes two generations compatible: schema, ingest code version, chunking and the embedding model."""
    raw = (
        f"{SCHEMA_VERSION}|{INGEST_VERSION}|{settings.chunk_max_words}|{settings.chunk_overlap_sentences}|"
        f"{embedder.label}|{settings.embed_segmented}"
    )
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


def scan_corpus(corpus_dir: Path) -> tuple[dict[str, Path], list[tuple[str, str]]]:
    """Supported files under the corpus (relative path → path) and the files skipped, with why.

    Symbolic links to folders are not followed (no loops); hidden files and README files are ignored.
    """
    if not corpus_dir.is_dir():
        raise CorpusNotFoundError(corpus_dir)
    found: dict[str, Path] = {}
    skipped: list[tuple[str, str]] = []
    for root, dirs, files in os.walk(corpus_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in dirs:
            if (Path(root) / name).is_symlink():
                skipped.append(((Path(root) / name).relative_to(corpus_dir).as_posix(), "symbolic link to a folder (not followed)"))
        for name in sorted(files):
            if name.startswith(".") or name.upper().startswith("README") or name.endswith(SIDECAR_SUFFIX):
                continue
            path = Path(root) / name
            rel = path.relative_to(corpus_dir).as_posix()
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                skipped.append((rel, f"unsupported file type {path.suffix or '(none)'}"))
            elif path.is_symlink() and (problem := _broken_link(path)):
                skipped.append((rel, problem))
            else:
                found[rel] = path
    return found, skipped


def _broken_link(path: Path) -> str:
    """Why a symbolic link cannot be followed ("" when it can)."""
    try:
        path.stat()
    except OSError as exc:
        return "symbolic link loop" if exc.errno == errno.ELOOP else "broken symbolic link"
    return ""


def _ingested(paths: dict[str, Path], settings: Settings, progress: Progress | None) -> Iterator[FileResult]:
    """Each file's result as soon as it is ready (both cores): the caller writes it and lets it go, so memory
    holds a few files' results, not the corpus'."""
    ocr = OcrOptions(settings.ocr, settings.ocr_language, settings.ocr_dpi, IndexLayout(settings.index_dir).ocr_cache)
    args = [
        (path, rel, settings.chunk_max_words, settings.chunk_overlap_sentences, int(settings.max_file_mb * 1e6), ocr)
        for rel, path in paths.items()
    ]
    if progress:
        progress("ingest", 0, len(args))
    if settings.workers > 1 and len(args) > 1:
        import multiprocessing

        # Workers come from a fork server, not from this process: forking a process whose threads (the encoder's,
        # Chroma's, an app's) may hold a lock can leave a worker waiting on it for ever (seen in a test run).
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["ingest.pipeline", "underthesea"])  # imported once, by the server
        # Big files first so both cores stay busy to the end.
        args.sort(key=lambda a: -(a[0].stat().st_size if a[0].exists() else 0))
        with ProcessPoolExecutor(max_workers=min(settings.workers, len(args)), mp_context=ctx) as pool:
            for n, result in enumerate(pool.map(process_file, *zip(*args), chunksize=1), 1):
                yield result
                if progress:
                    progress("ingest", n, len(args))
    else:
        for n, a in enumerate(args, 1):
            yield process_file(*a)
            if progress:
                progress("ingest", n, len(args))


def _dropper(settings: Settings):
    """What pruning a generation also removes: its collection on the Chroma server (server mode)."""
    if settings.chroma_mode != "http":
        return None

    def drop(gen: Path) -> None:
        try:
            store = VectorStore.for_generation(settings, gen)
        except Exception:  # the server is down: nothing served depends on it
            return
        with closing(store), suppress(Exception):  # already gone
            store.drop()

    return drop


def _stat(path: Path) -> tuple[int, int]:
    """(size, newest mtime) of a file and its metadata sidecar: the quick "unchanged" test."""
    st = path.stat()
    side = sidecar_path(path)
    if side.is_file():
        sst = side.stat()
        return st.st_size + sst.st_size, max(st.st_mtime_ns, sst.st_mtime_ns)
    return st.st_size, st.st_mtime_ns


def _embedding_text(title: str, chunk) -> str:
    heading = chunk.heading.split(LEAD_IN_MARK)[0]  # the section's heading (and a table's header), not a lead-in
    heading = heading if heading and not chunk.text.startswith(heading) else ""
    return " . ".join(p for p in (title, heading, chunk.text) if p)


def _copy_generation(src: Path, dst: Path, settings: Settings) -> None:
    """The next generation starts as a copy of the served one (vectors and chunk store)."""
    if settings.chroma_mode == "http":
        with closing(VectorStore.for_generation(settings, dst)) as target, closing(
            VectorStore.for_generation(settings, src)
        ) as origin:
            target.copy_from(origin)
    else:
        shutil.copytree(src / "chroma", dst / "chroma")
    source = sqlite3.connect(f"file:{src / 'chunks.sqlite'}?mode=ro", uri=True)
    target = sqlite3.connect(dst / "chunks.sqlite")
    with target:
        source.backup(target)
    source.close()
    target.close()


def _served(
    layout: IndexLayout, rebuild: bool, rules: dict[str, list[str]]
) -> tuple[Path | None, str, str, dict[str, FileRecord], dict[str, tuple[str, ...]]]:
    """(served generation, its fingerprint, its embedding model, its file records, the documents whose access
    groups the rules now change); None when absent."""
    if rebuild:
        return None, "", "", {}, {}
    try:
        gen = layout.current_path()
    except IndexNotFoundError:
        return None, "", "", {}, {}
    store = ChunkStore.open_generation(gen)
    try:
        changes = access_changes(store, rules)
        return gen, store.get_meta("fingerprint"), store.get_meta("embed_model"), store.files(), changes
    finally:
        store.close()


def access_changes(store: ChunkStore, rules: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """doc_id → groups, for the documents whose groups under these folder rules differ from the stored ones
    (every document of a generation written before access groups: its vectors carry none yet)."""
    every = store.get_meta("access_groups") != ACCESS_GROUPS_VERSION
    changes = {}
    for doc_id, rel_path, declared, stored in store.access_rows():
        groups = document_access(rel_path, declared, rules)
        if every or groups != stored:
            changes[doc_id] = groups
    return changes


def _apply_access(store: ChunkStore, vectors: VectorStore, changes: dict[str, tuple[str, ...]]) -> None:
    """Give documents their new groups, in the chunk store and on each of their vectors (no re-embedding)."""
    for doc_id, groups in changes.items():
        vectors.set_access(store.set_access(doc_id, groups), list(groups))


def _plan(files: dict[str, Path], old_files: dict[str, FileRecord], report: ReindexReport, force: bool):
    """Files to ingest (and their hashes); fills added/changed/renamed/removed/unchanged of the report."""
    todo: dict[str, Path] = {}
    hashes: dict[str, str] = {}
    for rel, path in files.items():
        rec = old_files.get(rel)
        try:
            size, mtime = _stat(path)
            if not force and rec and rec.size == size and rec.mtime_ns == mtime:
                report.unchanged += 1
                continue
            hashes[rel] = content_hash_of(path)
        except OSError as exc:
            report.failed.append((rel, read_error_reason(exc)))
            continue
        if not force and rec and rec.file_hash == hashes[rel]:
            report.unchanged += 1
            continue
        todo[rel] = path
    gone = [rel for rel in old_files if rel not in files]
    gone_by_hash = {old_files[rel].file_hash: rel for rel in gone}
    for rel in todo:
        if rel in old_files:
            report.changed.append(rel)
        elif hashes.get(rel) in gone_by_hash:
            report.renamed.append((gone_by_hash.pop(hashes[rel]), rel))
        else:
            report.added.append(rel)
    renamed_from = {old for old, _ in report.renamed}
    report.removed = [rel for rel in gone if rel not in renamed_from]
    return todo, hashes


def _unchanged(report: ReindexReport, gen: Path, started: float) -> ReindexReport:
    """The report of a run that leaves the served generation in place."""
    store = ChunkStore(gen / "chunks.sqlite", readonly=True)
    report.documents, report.chunks = store.counts()
    store.close()
    report.generation = gen.name
    report.seconds = time.perf_counter() - started
    return report


def reindex(
    settings: Settings,
    embedder: Embedder,
    corpus_dir: Path | None = None,
    progress: Progress | None = None,
    rebuild: bool = False,
    wait: bool = False,
) -> ReindexReport:
    """Bring the index up to date with the corpus folder; see the module docstring."""
    started = time.perf_counter()
    corpus_dir = Path(corpus_dir or settings.corpus_dir)
    layout = IndexLayout(settings.index_dir)
    report = ReindexReport()
    files, report.skipped = scan_corpus(corpus_dir)
    fp = fingerprint(settings, embedder)
    rules = checked_rules(settings.access_rules)

    with layout.lock(wait=wait):
        layout.prune(_dropper(settings))
        old_gen, old_fp, old_model, old_files, regrouped = _served(layout, rebuild, rules)
        compatible = old_gen is not None and old_fp == fp
        # After an ingest-code or chunking change every file is re-ingested, but vectors of texts
        # embedded before by the same model are still reused.
        reuse_gen = old_gen if old_gen is not None and not compatible and old_model == embedder.label else None
        todo, hashes = _plan(files, old_files, report, force=not compatible)

        if compatible and not todo and not report.removed and not report.renamed and not regrouped:
            _complete(report, settings, embedder, layout, old_gen, progress)  # a stage an earlier run left
            return _unchanged(report, layout.current_path(), started)

        # --- write the next generation, file by file as each is read (both cores)
        gen = layout.new_generation()
        if compatible:
            _copy_generation(old_gen, gen, settings)
        store = ChunkStore(gen / "chunks.sqlite")
        vectors = VectorStore.for_generation(settings, gen)
        # Vectors are reused by the hash of the text that was embedded (from this generation, the one an
        # ingest upgrade replaces, or the embedding cache): renames and untouched passages of a changed file
        # cost nothing; a new title re-embeds its passages.
        source = VectorStore.for_generation(settings, reuse_gen) if reuse_gen is not None else vectors
        cache = EmbeddingCache(layout.embed_cache)
        if compatible:  # a removed file's passages go; a renamed file's old path goes whether or not the new one reads
            stale = [cid for rel in report.removed + [old for old, _ in report.renamed] for cid in store.delete_file(rel)]
            vectors.delete(stale)
        failed_paths: set[str] = set()
        written = 0
        for res in _ingested(todo, settings, progress):
            if res.error:
                failed_paths.add(res.rel_path)
                (report.skipped if res.skipped else report.failed).append((res.rel_path, res.error))
                continue
            written += 1
            report.reused_vectors += _write_file(
                res, store, vectors, source, None if rebuild else cache, embedder.label, settings, rules,
                replaces=compatible and res.rel_path in old_files,
            )
            size, mtime = _stat(todo[res.rel_path])
            store.put_file(FileRecord(res.rel_path, hashes.get(res.rel_path) or res.file_hash, size, mtime))
        cache.close()
        regrouped = access_changes(store, rules) if compatible else {}
        _apply_access(store, vectors, regrouped)
        report.access_changed = len(regrouped)
        # A changed file that now fails keeps its previous version in the index (when there is one).
        report.added = [rel for rel in report.added if rel not in failed_paths]
        report.changed = [rel for rel in report.changed if rel not in failed_paths]
        report.removed += [old for old, new in report.renamed if new in failed_paths]
        report.renamed = [(old, new) for old, new in report.renamed if new not in failed_paths]
        if compatible and not written and not report.removed and not regrouped:  # nothing to switch to: drop what was started
            store.close()
            vectors.close()
            if source is not vectors:
                source.close()
            if (drop := _dropper(settings)) is not None:
                drop(gen)
            shutil.rmtree(gen, ignore_errors=True)
            _complete(report, settings, embedder, layout, old_gen, progress)
            return _unchanged(report, layout.current_path(), started)

        store.set_meta("schema_version", SCHEMA_VERSION)
        store.set_meta("fingerprint", fp)
        store.set_meta("embed_model", embedder.label)
        store.set_meta("access_groups", ACCESS_GROUPS_VERSION)
        store.set_meta("corpus_dir", str(corpus_dir.resolve()))
        store.set_meta("built_at", time.strftime("%Y-%m-%dT%H:%M:%S%z"))
        store.commit()

        if progress:
            progress("bm25", 0, 1)
        BM25Index.build(store.token_rows()).save(gen / "bm25")
        report.documents, report.chunks = store.counts()
        n_vectors, waiting = vectors.count(), store.pending_count()
        store.close()
        vectors.close()
        if source is not vectors:
            source.close()
        if n_vectors + waiting != report.chunks:
            raise RuntimeError(
                f"index check failed: {n_vectors} vectors and {waiting} waiting for {report.chunks} chunks; not switched"
            )
        if waiting:
            write_progress(gen, n_vectors, report.chunks)
        layout.switch_to(gen)  # searchable now: BM25 everywhere, vectors where they exist
        layout.prune(_dropper(settings))
        report.generation = gen.name
        if progress and waiting:
            progress("published", 1, 1)
        _complete(report, settings, embedder, layout, gen, progress, use_cache=not rebuild)
    report.seconds = time.perf_counter() - started
    return report


def _complete(
    report: ReindexReport, settings: Settings, embedder: Embedder, layout: IndexLayout, gen: Path,
    progress: Progress | None, use_cache: bool = True,
) -> None:
    """Embed what the served generation still lacks and switch to the complete copy (under the lock)."""
    if settings.lexical_only:
        return
    store = ChunkStore(gen / "chunks.sqlite", readonly=True)
    waiting = store.pending_count()
    store.close()
    if not waiting:
        return
    cache = EmbeddingCache(layout.embed_cache)
    try:
        if not use_cache:  # --rebuild: embed everything again, whatever the cache holds
            cache.forget(embedder.label)
        batch = max(settings.embed_batch_size * 4, 64)
        report.embedded += embed_pending(gen, cache, embedder, batch, progress, settings.embed_by_length)
        report.generation = publish_complete(settings, layout, gen, cache, embedder.label, _copy_generation).name
    finally:
        cache.close()
    layout.prune(_dropper(settings))


def _write_file(
    res: FileResult, store: ChunkStore, vectors: VectorStore, source: VectorStore, cache: EmbeddingCache | None,
    model: str, settings: Settings, rules: dict[str, tuple[str, ...]], replaces: bool,
) -> int:
    """Write one read file into the generation: documents, chunks, the vectors that exist (the others wait in
    the pending table, embedded after the switch by index/fill.py); return how many vectors were reused."""
    titles = {d.doc_id: d.meta for d in res.documents}
    texts = {c.chunk_id: _embedding_text(titles[c.doc_id].title, c) for c in res.chunks}
    if settings.embed_segmented:
        texts = {cid: segmented_text(text) for cid, text in texts.items()}
    keys = {cid: embed_key(text) for cid, text in texts.items()}
    wanted = sorted(set(keys.values()))
    reusable = source.embeddings_by_key(wanted)
    if cache is not None:
        reusable.update(cache.get(model, [k for k in wanted if k not in reusable]))
    ready = [c for c in res.chunks if keys[c.chunk_id] in reusable]
    ready_ids = {c.chunk_id for c in ready}
    if replaces:  # the file's previous version; an id that comes back waiting loses its old vector
        vectors.delete([cid for cid in store.delete_file(res.rel_path) if cid not in ready_ids])
    access = {d.doc_id: document_access(res.rel_path, d.meta.access, rules) for d in res.documents}
    metadata = {c.chunk_id: _vector_metadata(c, titles[c.doc_id], keys[c.chunk_id], access[c.doc_id]) for c in res.chunks}
    vectors.add(
        [c.chunk_id for c in ready], [reusable[keys[c.chunk_id]] for c in ready], [c.text for c in ready],
        [metadata[c.chunk_id] for c in ready],
    )
    store.put_pending([
        (c.chunk_id, keys[c.chunk_id], texts[c.chunk_id], metadata[c.chunk_id])
        for c in res.chunks if c.chunk_id not in ready_ids
    ])
    for doc in res.documents:
        store.put_document(doc, res.rel_path, access[doc.doc_id])
    store.put_chunks(res.chunks)
    return len(ready)


def embed_key(text: str) -> str:
    """Reuse key of a vector: the hash of the exact text that was embedded."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _vector_metadata(chunk, meta, key: str, access: tuple[str, ...]) -> dict:
    year = int(meta.date[:4]) if meta.date[:4].isdigit() else 0
    return {
        "doc_id": chunk.doc_id,
        "embed_key": key,
        "label": chunk.label,
        "doc_type": meta.doc_type,
        "number": meta.number,
        "issuer": meta.issuer,
        "year": year,
        "access": list(access),  # the retrieval filter reads it (core/access.py Caller.vector_filter)
    }
