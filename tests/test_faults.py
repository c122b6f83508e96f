"""Faults: reindex killed at random points, queries during a reindex, many threads on one engine."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time

from hoidap.retrieve import HybridRetriever, IndexReader
from hoidap.service import HoidapService
from index.build import reindex
from index.layout import RETIRED_MARK, IndexLayout

from conftest import ROOT, consistent_ids, expected_chunk_ids, real_sentences

KILL_RUNS = 10

# A reindex in its own process: the model is loaded first, then it waits for "go" on stdin,
# so the kill lands inside the reindex itself, at a random moment.
CHILD = """
import sys, time
from pathlib import Path
from core.settings import Settings
from index.build import reindex
from index.embed import Embedder
embedder = Embedder()
embedder.embed(["khởi động"])
print("ready", flush=True)
sys.stdin.readline()
t = time.perf_counter()
reindex(Settings(corpus_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2]), workers=1), embedder)
print(f"done {time.perf_counter() - t:.3f}", flush=True)
"""


def _child(settings) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(settings.corpus_dir), str(settings.index_dir)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert proc.stdout.readline().strip() == "ready"
    return proc


def _mutate(corpus, rng, pool, serial: int) -> None:
    """One round of operator changes: add a document, rewrite one, delete or rename one."""
    def text():
        return " ".join(rng.sample(pool, rng.randint(6, 14))) + "\n"

    (corpus / f"moi-{serial:02d}.txt").write_text(text(), encoding="utf-8")
    files = sorted(p for p in corpus.iterdir() if p.suffix == ".txt")
    rng.choice(files).write_text(text(), encoding="utf-8")
    victim = rng.choice(files)
    if rng.random() < 0.5:
        victim.unlink()
    else:
        victim.rename(corpus / f"doi-ten-{serial:02d}.txt")


def test_reindex_killed_at_random_points(small_corpus):
    """kill -9 a reindex at a random moment, 10 times: the served index still answers (the old
    generation, or the new one if the switch already happened), and the next reindex completes
    with exactly the chunks of the corpus."""
    settings, corpus, embedder = small_corpus
    rng = random.Random(7)
    pool = real_sentences()
    reindex(settings, embedder)
    layout = IndexLayout(settings.index_dir)
    question = "Bình Phước đứng thứ mấy về chuyển đổi số?"

    # how long an uninterrupted reindex of one round of changes takes: the range of kill points
    _mutate(corpus, rng, pool, 0)
    child = _child(settings)
    child.stdin.write("go\n")
    child.stdin.flush()
    work_s = float(child.stdout.readline().split()[1])
    assert child.wait() == 0
    consistent_ids(settings)

    outcomes = []
    next_child = _child(settings)
    for run in range(1, KILL_RUNS + 1):
        before_gen, before_ids = layout.current_name(), consistent_ids(settings)
        _mutate(corpus, rng, pool, run)
        child, delay = next_child, rng.uniform(0, work_s * 1.5)
        child.stdin.write("go\n")
        child.stdin.flush()
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        next_child = _child(settings) if run < KILL_RUNS else None  # loads while this round is checked

        served = layout.current_name()
        if served == before_gen:
            assert consistent_ids(settings) == before_ids, f"run {run}: served generation changed under us"
            outcomes.append("old")
        else:
            assert consistent_ids(settings) == expected_chunk_ids(corpus, settings), f"run {run}: partial switch"
            outcomes.append("new")
        reader = IndexReader(layout.current_path(), settings)
        query = reader.analyser().analyse(question)
        assert HybridRetriever(reader, embedder, settings).retrieve(query), f"run {run}: served index does not answer"

        report = reindex(settings, embedder)
        assert not report.failed
        ids = consistent_ids(settings)
        assert ids == expected_chunk_ids(corpus, settings) and report.chunks == len(ids), f"run {run}: counts"
        kept = [g for g in layout.gens.iterdir() if g.name != layout.current_name()]
        assert all((g / RETIRED_MARK).exists() for g in kept), f"run {run}: the killed generation was not cleaned up"
    print(f"kill points over {work_s:.2f} s of work; served after the kill: {outcomes}")


def test_queries_during_a_reindex_see_the_old_or_the_new_index_never_a_mix(small_corpus):
    settings, corpus, embedder = small_corpus
    reindex(settings, embedder)
    old_ids = consistent_ids(settings)
    service = HoidapService(settings)
    service.embedder = embedder
    question = "Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?"
    assert "844 tỷ đồng" in service.ask(question).text

    source = corpus / "bp-lam-viec.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("844 tỷ đồng", "955 tỷ đồng"), encoding="utf-8")
    pool = [s for s in real_sentences() if "844 tỷ đồng" not in s]
    for i in range(6):  # enough new material that the reindex takes a while
        (corpus / f"them-{i}.txt").write_text(" ".join(random.Random(i).sample(pool, 12)) + "\n", encoding="utf-8")
    errors: list[BaseException] = []

    def run():
        try:
            reindex(settings, embedder)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    seen = []
    while worker.is_alive():
        answer = service.ask(question)
        seen.append(({c.passage.chunk.chunk_id for c in answer.citations} | {p.chunk.chunk_id for p in answer.related}, answer.text))
    worker.join()
    for _ in range(3):
        answer = service.ask(question)
        seen.append(({c.passage.chunk.chunk_id for c in answer.citations}, answer.text))
    assert not errors, errors
    new_ids = consistent_ids(settings)
    assert len(seen) > 3 and "955 tỷ đồng" in seen[-1][1]
    for ids, text in seen:
        assert ids <= old_ids or ids <= new_ids, "an answer mixed passages of two generations"
        assert ("844 tỷ đồng" in text) != ("955 tỷ đồng" in text), text


def test_eight_threads_hundred_questions_each_no_errors_no_cross_talk(service):
    questions = [
        "Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?",
        "Luật Giao dịch điện tử có hiệu lực thi hành từ ngày nào?",
        "chu ky so cong cong la gi",
        "Bình Phước đứng thứ mấy về chỉ số DTI?",
        "Thủ tướng Nhật Bản hiện nay là ai?",
        "Chữ ký điện tử được quy định thế nào?",
        "Ai là Bí thư Tỉnh ủy Bình Phước?",
        "Hà Nội xếp hạng thứ mấy về chỉ số chuyển đổi số năm 2024?",
    ]

    def outcome(answer):
        return answer.text, answer.refused, [c.passage.chunk.chunk_id for c in answer.citations]

    expected = {q: outcome(service.ask(q)) for q in questions}
    failures: list[str] = []

    def worker(offset: int):
        for i in range(100):
            q = questions[(offset + i * (offset + 1)) % len(questions)]
            try:
                answer = service.ask(q)
            except Exception as exc:  # noqa: BLE001 - collected and reported
                failures.append(f"{q}: {type(exc).__name__}: {exc}")
                continue
            if answer.question != q or outcome(answer) != expected[q]:
                failures.append(f"cross-talk or drift on {q!r}: {answer.text[:80]!r}")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures[:5]


def test_a_long_running_engine_releases_the_generations_it_replaced(small_corpus, monkeypatch):
    """After many reindexes, the engine holds only the served generation's vector store open."""
    from chromadb.api.shared_system_client import SharedSystemClient

    settings, corpus, embedder = small_corpus
    settings = settings.model_copy(update={"llm_timeout_s": 0.0})
    monkeypatch.setattr("hoidap.service.RETIRED_READER_GRACE_S", 0.0)
    service = HoidapService(settings)
    service.embedder = embedder
    reindex(settings, embedder)
    held_before = len(SharedSystemClient._identifier_to_system)
    pool = real_sentences()
    for i in range(4):
        (corpus / f"them-{i}.txt").write_text(" ".join(random.Random(i).sample(pool, 3)) + "\n", encoding="utf-8")
        reindex(settings, embedder)
        assert service.ask("Bình Phước đứng thứ mấy về chuyển đổi số?").citations
    service.reader()  # the last switch's predecessor is closed on the next use
    assert len(SharedSystemClient._identifier_to_system) <= held_before + 1
