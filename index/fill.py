"""Fill in the vectors of a lexical generation, then publish the complete one.

A reindex publishes a generation as soon as its text, structure and BM25 are ready; passages whose text was
never embedded wait in its ``pending_vectors`` table while retrieval already answers from BM25 and from the
vectors that exist. This stage embeds what waits, batch by batch into the embedding cache (committed each
batch, so a kill loses at most one batch), writes the share done to ``vectors-progress.json`` for the chat to
show, and at the end switches to a copy of the generation that holds every vector. The served generation is
never written to (but for the progress file): readers in other processes keep a consistent view, and the
switch is atomic as ever.
"""

from __future__ import annotations

import json
import os
import shutil
from contextlib import closing
from pathlib import Path
from typing import Callable

from core.settings import Settings
from index.embed import Embedder
from index.embed_cache import EmbeddingCache
from index.layout import IndexLayout
from index.store import ChunkStore
from index.vectors import VectorStore

PROGRESS_FILE = "vectors-progress.json"

Progress = Callable[[str, int, int], None]  # (stage, done, total)
Copier = Callable[[Path, Path, Settings], None]  # copies a generation (vectors and chunk store)


def write_progress(gen: Path, done: int, total: int) -> None:
    """Record how many of the generation's passages have a vector (atomically: readers never see half)."""
    tmp = gen / f"{PROGRESS_FILE}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps({"done": done, "total": total}), encoding="utf-8")
    os.replace(tmp, gen / PROGRESS_FILE)


def read_progress(gen: Path) -> tuple[int, int] | None:
    """(passages with a vector, all passages) while the generation waits for vectors; None when complete."""
    try:
        data = json.loads((gen / PROGRESS_FILE).read_text(encoding="utf-8"))
        return int(data["done"]), int(data["total"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def embed_pending(
    gen: Path,
    cache: EmbeddingCache,
    embedder: Embedder,
    batch: int,
    progress: Progress | None = None,
    by_length: bool = True,
) -> int:
    """Embed the distinct texts of the generation's waiting passages that the cache lacks; return how many.
    ``by_length``: shortest first, so that each batch holds texts of about one length (little padding)."""
    store = ChunkStore(gen / "chunks.sqlite", readonly=True)
    try:
        chunks = store.counts()[1]
        waiting = store.pending_keys()
    finally:
        store.close()
    model = embedder.label
    todo = sorted(set(waiting) - cache.known(model, list(waiting)))
    if by_length:
        todo.sort(key=lambda k: len(waiting[k][0]))
    # progress by passage: those with a vector already, plus the waiting ones whose text the cache holds
    done = chunks - sum(waiting[k][1] for k in todo)
    if progress:
        progress("embed", 0, len(todo))
    write_progress(gen, done, chunks)
    for i in range(0, len(todo), batch):
        keys = todo[i : i + batch]
        cache.put(model, dict(zip(keys, embedder.embed([waiting[k][0] for k in keys]))))
        done += sum(waiting[k][1] for k in keys)
        write_progress(gen, done, chunks)
        if progress:
            progress("embed", min(i + batch, len(todo)), len(todo))
    return len(todo)


def publish_complete(
    settings: Settings, layout: IndexLayout, gen: Path, cache: EmbeddingCache, model: str, copy: Copier
) -> Path:
    """A copy of ``gen`` with every waiting passage's vector (from the cache), switched in; its path."""
    nxt = layout.new_generation()
    copy(gen, nxt, settings)
    shutil.copytree(gen / "bm25", nxt / "bm25")  # the same passages: the same BM25 index
    store = ChunkStore(nxt / "chunks.sqlite")
    with closing(VectorStore.for_generation(settings, nxt)) as vectors:
        for ids, keys, texts, metas in store.pending_batches(1000):
            found = cache.get(model, keys)
            lacking = [k for k in keys if k not in found]
            if lacking:
                raise RuntimeError(f"index check failed: {len(lacking)} waiting passages have no vector; not switched")
            vectors.add(ids, [found[k] for k in keys], texts, metas)
        store.clear_pending()
        store.commit()
        n_vectors, chunks = vectors.count(), store.counts()[1]
    store.close()
    if n_vectors != chunks:
        raise RuntimeError(f"index check failed: {n_vectors} vectors for {chunks} chunks; not switched")
    (nxt / PROGRESS_FILE).unlink(missing_ok=True)
    layout.switch_to(nxt)
    return nxt
