"""Incremental, safe reindex: add / modify / delete / rename rounds on a real Chroma + BM25."""

from __future__ import annotations

import json
import shutil
import threading

import pytest

from core.errors import CorpusNotFoundError, IndexLockedError
from hoidap.retrieve import IndexReader
from core.settings import Settings
from index.build import reindex
from index.layout import IndexLayout
from index.store import ChunkStore

from conftest import CORPUS, consistent_ids


def test_add_modify_delete_rename_rounds(small_corpus):
    settings, corpus, embedder = small_corpus
    first = reindex(settings, embedder)
    assert (len(first.added), len(first.changed), len(first.removed), first.unchanged) == (3, 0, 0, 0)
    ids = consistent_ids(settings)
    assert first.chunks == len(ids) and first.embedded == len(ids)

    # nothing changed: no new generation, nothing embedded
    again = reindex(settings, embedder)
    assert again.unchanged == 3 and again.embedded == 0 and again.generation == first.generation

    # modify one paragraph of one file: only its changed chunks are embedded
    path = corpus / "bp-2023.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("9/63", "8/63"), encoding="utf-8")
    modified = reindex(settings, embedder)
    assert (len(modified.added), len(modified.changed), len(modified.removed), modified.unchanged) == (0, 1, 0, 2)
    assert 0 < modified.embedded < 5
    ids2 = consistent_ids(settings)
    assert len(ids2) == len(ids)

    # add a new file
    shutil.copy(CORPUS / "tin-tuc/nhandan-2025-01-20-phien-hop-thu-nhat-BCD-TW-KHCN-DMST-CDS.md", corpus / "nd.md")
    added = reindex(settings, embedder)
    assert (len(added.added), len(added.changed), added.unchanged) == (1, 0, 3)
    ids3 = consistent_ids(settings)
    assert len(ids3) > len(ids2)

    # rename: nothing is re-embedded
    (corpus / "bp-lam-viec.txt").rename(corpus / "bp-lam-viec-renamed.txt")
    renamed = reindex(settings, embedder)
    assert (len(renamed.renamed), len(renamed.added), len(renamed.removed)) == (1, 0, 0)
    assert renamed.embedded == 0 and renamed.reused_vectors > 0
    ids4 = consistent_ids(settings)
    assert len(ids4) == len(ids3)

    # delete
    (corpus / "nd.md").unlink()
    deleted = reindex(settings, embedder)
    assert (len(deleted.removed), deleted.unchanged) == (1, 3)
    ids5 = consistent_ids(settings)
    assert len(ids5) == len(ids2)
    store = ChunkStore(IndexLayout(settings.index_dir).current_path() / "chunks.sqlite", readonly=True)
    assert {d["source"].split("#")[0] for d in store.documents()} == {"bp-2023.txt", "bp-lam-viec-renamed.txt", "pd.jsonl"}


def test_broken_file_is_reported_and_others_indexed(small_corpus):
    settings, corpus, embedder = small_corpus
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (corpus / "empty.md").write_text("", encoding="utf-8")
    (corpus / "bad.pdf").write_bytes(b"%PDF-1.4 garbage")
    (corpus / "drawing.svg").write_bytes(b"<svg/>")
    report = reindex(settings, embedder)
    failed = dict(report.failed)
    assert set(failed) == {"binary.txt", "empty.md", "bad.pdf"}
    assert "binary" in failed["binary.txt"] and "empty" in failed["empty.md"] and "PDF" in failed["bad.pdf"]
    assert dict(report.skipped) == {"drawing.svg": "unsupported file type .svg"}
    assert len(report.added) == 3
    consistent_ids(settings)


def test_changed_file_that_now_fails_keeps_its_previous_version(small_corpus):
    settings, corpus, embedder = small_corpus
    reindex(settings, embedder)
    before = consistent_ids(settings)
    (corpus / "bp-2023.txt").write_bytes(b"\x00binary now")
    report = reindex(settings, embedder)
    assert [p for p, _ in report.failed] == ["bp-2023.txt"] and not report.changed
    assert consistent_ids(settings) == before


def test_failed_build_leaves_the_served_index_usable(small_corpus, monkeypatch):
    settings, corpus, embedder = small_corpus
    first = reindex(settings, embedder)
    before = consistent_ids(settings)
    (corpus / "bp-2023.txt").write_text("Một văn bản mới hoàn toàn về chuyển đổi số.", encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("index.build.BM25Index.build", broken)
    with pytest.raises(RuntimeError):
        reindex(settings, embedder)
    assert IndexLayout(settings.index_dir).current_name() == first.generation
    assert consistent_ids(settings) == before
    monkeypatch.undo()
    recovered = reindex(settings, embedder)
    assert len(recovered.changed) == 1
    consistent_ids(settings)


def test_second_reindex_is_refused_while_one_runs(small_corpus):
    settings, _, embedder = small_corpus
    layout = IndexLayout(settings.index_dir)
    with layout.lock():
        with pytest.raises(IndexLockedError):
            reindex(settings, embedder)
    done = threading.Event()
    # with wait=True a second reindex waits for the lock instead
    with layout.lock():
        t = threading.Thread(target=lambda: (reindex(settings, embedder, wait=True), done.set()))
        t.start()
        t.join(0.5)
        assert not done.is_set()
    t.join(120)
    assert done.is_set()


def test_missing_corpus_folder(tmp_path, embedder):
    settings = Settings(corpus_dir=tmp_path / "nope", index_dir=tmp_path / "index")
    with pytest.raises(CorpusNotFoundError):
        reindex(settings, embedder)


def test_report_json_keys(small_corpus):
    settings, _, embedder = small_corpus
    d = reindex(settings, embedder).to_dict()
    assert set(d) == {"added", "changed", "removed", "renamed", "unchanged", "failed", "skipped", "documents",
                      "chunks", "embedded", "reused_vectors", "access_changed", "seconds", "generation"}
    json.dumps(d)


def test_metadata_sidecar_overrides_and_counts_as_a_change(small_corpus):
    settings, corpus, embedder = small_corpus
    reindex(settings, embedder)
    (corpus / "bp-2023.meta.json").write_text('{"title": "Bình Phước đứng thứ 9/63", "date": "2023-04-28"}', encoding="utf-8")
    report = reindex(settings, embedder)
    assert report.changed == ["bp-2023.txt"] and not report.skipped
    store = ChunkStore(IndexLayout(settings.index_dir).current_path() / "chunks.sqlite", readonly=True)
    doc = next(d for d in store.documents() if d["source"] == "bp-2023.txt")
    assert report.embedded == doc["chunks"]  # the title is part of what is embedded
    assert (doc["title"], doc["date"]) == ("Bình Phước đứng thứ 9/63", "2023-04-28")
    (corpus / "bp-2023.meta.json").write_text("{broken", encoding="utf-8")
    report = reindex(settings, embedder)
    assert report.failed and "invalid metadata file" in report.failed[0][1]


def test_ingest_upgrade_reingests_everything_but_reuses_vectors(small_corpus, monkeypatch):
    settings, _, embedder = small_corpus
    first = reindex(settings, embedder)
    monkeypatch.setattr("index.build.INGEST_VERSION", "next")
    upgraded = reindex(settings, embedder)
    assert (len(upgraded.changed), upgraded.unchanged, upgraded.embedded) == (3, 0, 0)
    assert upgraded.reused_vectors == upgraded.chunks == first.chunks
    assert upgraded.generation != first.generation
    consistent_ids(settings)
    assert reindex(settings, embedder).unchanged == 3


def test_segmented_text_for_models_trained_on_segmented_vietnamese(small_corpus):
    from hoidap.retrieve import HybridRetriever

    settings, _, embedder = small_corpus
    reindex(settings, embedder)
    segmented = settings.model_copy(update={"embed_segmented": True, "bm25_weight": 0.0, "doc_boost_weight": 0.0})
    report = reindex(segmented, embedder)
    assert len(report.changed) == 3  # the setting is part of the index fingerprint
    assert report.embedded == report.chunks > 0  # what is embedded changed: no plain-text vector is reused
    consistent_ids(segmented)
    reader = IndexReader(IndexLayout(segmented.index_dir).current_path())
    query = reader.analyser().analyse("Bình Phước đứng thứ mấy về chuyển đổi số?")
    passages = HybridRetriever(reader, embedder, segmented).retrieve(query)
    assert passages and all(p.ranks.get("dense") for p in passages)
