"""A reindex answers before its vectors are done, and an interrupted vector stage loses nothing."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

from conftest import CORPUS, ROOT, consistent_ids

from hoidap.service import HoidapService
from index.build import reindex
from index.layout import IndexLayout
from index.store import ChunkStore

QUESTION = "Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?"


def _service(settings, embedder) -> HoidapService:
    service = HoidapService(settings)
    service.embedder = embedder
    return service


def _waiting(settings) -> int:
    store = ChunkStore.open_generation(IndexLayout(settings.index_dir).current_path())
    try:
        return store.pending_count()
    finally:
        store.close()


def test_lexical_generation_answers_then_the_vectors_complete_it(small_corpus):
    settings, _, embedder = small_corpus
    lexical = settings.model_copy(update={"lexical_only": True})
    first = reindex(lexical, embedder)
    assert first.embedded == 0 and first.chunks > 0
    assert _waiting(settings) == first.chunks  # nothing embedded yet: every passage waits
    consistent_ids(settings)

    service = _service(settings, embedder)
    answer = service.ask(QUESTION)
    assert "844 tỷ đồng" in answer.text and answer.citations  # found by its words
    assert "Đang hoàn tất chỉ mục ngữ nghĩa: 0%" in answer.notice
    assert service.status()["semantic_progress"] == 0.0

    done = reindex(settings, embedder)  # the same corpus: only the vector stage is left to do
    assert (done.unchanged, done.embedded) == (3, first.chunks)
    assert done.generation != first.generation and _waiting(settings) == 0
    consistent_ids(settings)
    answer = service.ask(QUESTION)
    assert "844 tỷ đồng" in answer.text and not answer.notice
    assert service.status()["semantic_progress"] is None
    assert reindex(settings, embedder).generation == done.generation  # complete: nothing more to do


def test_changed_passages_wait_and_keep_no_stale_vector(small_corpus):
    settings, corpus, embedder = small_corpus
    reindex(settings, embedder)
    path = corpus / "bp-2023.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("9/63", "8/63"), encoding="utf-8")
    lexical = reindex(settings.model_copy(update={"lexical_only": True}), embedder)
    assert lexical.changed == ["bp-2023.txt"] and 0 < _waiting(settings) < lexical.chunks
    consistent_ids(settings)  # the changed passages are in no vector, their old vectors are gone
    assert "8/63" in _service(settings, embedder).ask("Bình Phước đứng thứ mấy về chỉ số DTI?").text


def test_vector_stage_killed_resumes_from_the_cache(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "van-ban/luat-giao-dich-dien-tu-20-2023-QH15.md", corpus / "luat.md")
    env = {**os.environ, "HOIDAP_CORPUS_DIR": str(corpus), "HOIDAP_INDEX_DIR": str(tmp_path / "index"),
           "HF_HUB_OFFLINE": "1", "HOIDAP_WORKERS": "1", "HOIDAP_EMBED_BATCH_SIZE": "8"}
    cmd = [sys.executable, "-m", "hoidap.cli", "reindex"]
    child = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in child.stderr:  # wait for the lexical generation, then for the first batch of vectors
        if line.startswith("published"):
            break
    cache = tmp_path / "index" / "embed-cache.sqlite"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _cached(cache) == 0:
        time.sleep(0.2)
    child.send_signal(signal.SIGKILL)
    child.wait()
    cached = _cached(cache)
    assert cached > 0

    from core.settings import Settings

    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    waiting = _waiting(settings)
    assert waiting > cached  # killed while embedding: the lexical generation is served
    served = HoidapService(settings)
    assert "1/7/2024" in served.ask("Luật Giao dịch điện tử có hiệu lực từ ngày nào?").text
    consistent_ids(settings)

    done = subprocess.run(cmd + ["--json"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["embedded"] <= waiting - cached and report["unchanged"] == 1  # the cached batch is not redone
    assert _waiting(settings) == 0
    consistent_ids(settings)


def _cached(path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
