"""Server mode: a real `chroma run` on a free localhost port (conftest.chroma_server); reindex, query, update, prune, stop."""

from __future__ import annotations

import shutil

import pytest
from conftest import CORPUS, free_port

from core.errors import VectorStoreUnavailableError
from hoidap.retrieve import IndexReader
from hoidap.service import HoidapService
from core.settings import Settings
from index.build import reindex
from index.layout import IndexLayout


def test_reindex_and_query_against_a_chroma_server(tmp_path, chroma_server, embedder, monkeypatch):
    import chromadb

    monkeypatch.setattr("index.layout.IN_FLIGHT_GRACE_S", 0.0)  # generations replaced just now may go too

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "tin-tuc/binh-phuoc-lam-viec-bo-tttt.txt", corpus / "bp.txt")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", chroma_mode="http", chroma_port=chroma_server)
    first = reindex(settings, embedder)
    assert first.chunks > 0 and not (IndexLayout(settings.index_dir).current_path() / "chroma").exists()

    service = HoidapService(settings)
    service.embedder = embedder
    answer = service.ask("Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?")
    assert "844 tỷ đồng" in answer.text and answer.citations

    shutil.copy(CORPUS / "tin-tuc/binh-phuoc-chuyen-doi-so-2023-04.txt", corpus / "bp-2023.txt")
    second = reindex(settings, embedder)
    assert second.added == ["bp-2023.txt"] and second.unchanged == 1
    reader = IndexReader(IndexLayout(settings.index_dir).current_path(), settings)
    assert set(reader.vectors.all_ids()) == set(reader.store.chunk_hashes()) == set(reader.bm25.ids)
    assert "9/63" in service.ask("Bình Phước đứng thứ mấy về chỉ số DTI?").text

    (corpus / "bp.txt").unlink()
    reindex(settings, embedder)  # more generations: the old collections are pruned on the server
    client = chromadb.HttpClient(host="127.0.0.1", port=chroma_server)
    names = sorted(c.name if hasattr(c, "name") else c for c in client.list_collections())
    assert len(names) == 2 and all(n.startswith("hoidap-") for n in names)


def test_unreachable_server_is_a_clear_error(tmp_path, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "tin-tuc/binh-phuoc-lam-viec-bo-tttt.txt", corpus / "bp.txt")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", chroma_mode="http", chroma_port=free_port())
    with pytest.raises(VectorStoreUnavailableError, match="cannot reach the Chroma server"):
        reindex(settings, embedder)
    assert IndexLayout(settings.index_dir).current_name() is None
