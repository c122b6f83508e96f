"""The HTTP API (`hoidap api`): two real API processes over one index folder and one `chroma run` server, as on
two machines, a reindex during traffic served by both from the next question; errors as JSON with a status."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from conftest import CORPUS, free_port, local_server
from fastapi.testclient import TestClient

from core.settings import Settings
from hoidap.api import create_app
from hoidap.service import HoidapService
from index.build import reindex

HOIDAP = Path(sys.executable).parent / "hoidap"
OLD_QUESTION, OLD_ANSWER = "Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?", "844 tỷ đồng"
NEW_QUESTION, NEW_ANSWER = "Bình Phước đứng thứ mấy về chỉ số DTI?", "9/63"  # only in the document added later


def without_scores(record: dict) -> dict:
    """An /ask record less its floats (compared apart, to rounding) and its row in the audit trail."""
    return {**record, "confidence": None, "audit_id": None, "citations": [{**c, "score": None} for c in record["citations"]]}


def wait_healthy(client: httpx.Client, url: str) -> dict:
    """/health of an API whose workers may still be loading their models."""
    deadline = time.monotonic() + 60
    while True:
        try:
            response = client.get(f"{url}/health")
            if response.status_code == 200:
                return response.json()
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline, f"{url} never became healthy"
        time.sleep(0.5)


def test_two_api_processes_share_one_index_and_follow_a_reindex(tmp_path, chroma_server, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "tin-tuc/binh-phuoc-lam-viec-bo-tttt.txt", corpus / "bp.txt")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", chroma_mode="http", chroma_port=chroma_server)
    reindex(settings, embedder)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HOIDAP_INDEX_DIR": str(settings.index_dir),
           "HOIDAP_CORPUS_DIR": str(corpus), "HOIDAP_CHROMA_MODE": "http", "HOIDAP_CHROMA_PORT": str(chroma_server)}
    apis = [(free_port(), 1), (free_port(), 2)]  # the second with two worker processes

    with contextlib.ExitStack() as running, httpx.Client(timeout=60) as client:
        for i, (port, workers) in enumerate(apis):
            cmd = [str(HOIDAP), "api", "--port", str(port), "--workers", str(workers)]
            running.enter_context(local_server(cmd, port, tmp_path / f"api-{i}.log", "hoidap api", env=env, cwd=tmp_path))
        urls = [f"http://127.0.0.1:{port}" for port, _ in apis]
        first = {wait_healthy(client, url)["generation"] for url in urls}

        # each answers exactly as `hoidap ask --json` does
        local = HoidapService(settings)
        local.embedder = embedder
        expected = local.ask(OLD_QUESTION).to_dict()
        for url in urls:
            record = client.post(f"{url}/ask", json={"question": OLD_QUESTION}).raise_for_status().json()
            assert without_scores(record) == without_scores(expected)
            assert [c["score"] for c in record["citations"]] == pytest.approx([c["score"] for c in expected["citations"]], abs=1e-4)
            assert OLD_ANSWER in record["answer"]
            assert NEW_ANSWER not in client.post(f"{url}/ask", json={"question": NEW_QUESTION}).json()["answer"]

        # a document added and indexed while both are asked questions without pause
        failures: list[str] = []
        answered: list[float] = []  # when each good answer came back
        stop = threading.Event()

        def keep_asking() -> None:
            with httpx.Client(timeout=60) as asker:
                while not stop.is_set():
                    for url in urls:
                        try:
                            response = asker.post(f"{url}/ask", json={"question": OLD_QUESTION})
                        except httpx.HTTPError as exc:
                            failures.append(f"{url}: {exc!r}")
                            continue
                        if response.status_code != 200 or OLD_ANSWER not in response.json().get("answer", ""):
                            failures.append(f"{url}: {response.status_code} {response.text[:300]}")
                        else:
                            answered.append(time.monotonic())

        asking = threading.Thread(target=keep_asking)
        asking.start()
        try:
            shutil.copy(CORPUS / "tin-tuc/binh-phuoc-chuyen-doi-so-2023-04.txt", corpus / "bp-2023.txt")
            started = time.monotonic()
            report = reindex(settings, embedder)
            switched = time.monotonic()
            while sum(t > switched for t in answered) < 2 * len(urls) and not failures:  # questions after the switch
                assert time.monotonic() - switched < 60
                time.sleep(0.1)
        finally:
            stop.set()
            asking.join(60)
        assert report.added == ["bp-2023.txt"]
        assert not failures, failures
        assert any(started < t < switched for t in answered), "no question was answered during the reindex"

        # from the next question on, every process (and worker) serves the new generation
        for url in urls:
            for _ in range(4):
                assert NEW_ANSWER in client.post(f"{url}/ask", json={"question": NEW_QUESTION}).json()["answer"]
            health = client.get(f"{url}/health").json()
            assert health["generation"] == report.generation and health["generation"] not in first
            assert health["documents"] == 2


@pytest.fixture()
def api(built):
    with TestClient(create_app(built[1])) as client:
        yield client


def test_bad_questions_are_400_with_a_sentence(api, built):
    limit = built[0].max_question_chars
    cases = [
        ({"question": "  \n "}, "empty_question"),
        ({"question": "chữ ký số " * (limit // 10 + 1)}, "question_too_long"),
        ({"question": "chữ ký số", "yaer": 2023}, "bad_request"),  # a misspelt option is not dropped silently
        ({"year": 2023}, "bad_request"),
    ]
    for body, error in cases:
        response = api.post("/ask", json=body)
        assert response.status_code == 400 and response.json()["error"] == error, response.text
        assert response.json()["message"] and "Traceback" not in response.text
    assert "yaer" in api.post("/ask", json=cases[2][0]).json()["message"]


def test_filters_and_follow_up_as_in_the_cli(api):
    filtered = api.post("/ask", json={"question": "chữ ký số chuyên dùng công vụ là gì", "doc_type": "Luật", "year": 2023})
    assert filtered.status_code == 200
    assert filtered.json()["citations"] and all(c["number"] == "20/2023/QH15" for c in filtered.json()["citations"])
    assert api.post("/ask", json={"question": "chữ ký số", "year": 1990}).json()["refused"] is True

    alone = api.post("/ask", json={"question": "Văn bản đó do cơ quan nào ban hành?"}).json()
    follow_up = api.post("/ask", json={"question": "Văn bản đó do cơ quan nào ban hành?",
                                       "history": ["Luật Giao dịch điện tử có hiệu lực từ ngày nào?"]}).json()
    assert "Luật Giao dịch điện tử" not in alone["resolved_question"]
    assert "Luật Giao dịch điện tử" in follow_up["resolved_question"]


def test_unusable_index_or_vector_store_is_503(tmp_path, built, embedder):
    settings = built[0]
    unusable = {
        "index_missing": Settings(corpus_dir=settings.corpus_dir, index_dir=tmp_path / "never-built"),
        "vector_store_unavailable": Settings(corpus_dir=settings.corpus_dir, index_dir=settings.index_dir,
                                             chroma_mode="http", chroma_port=free_port()),
    }
    for error, broken in unusable.items():
        service = HoidapService(broken)
        service.embedder = embedder
        with TestClient(create_app(service)) as client:
            response = client.post("/ask", json={"question": OLD_QUESTION})
            assert response.status_code == 503 and response.json()["error"] == error, response.text
            assert "Traceback" not in response.text
            if error == "index_missing":
                assert client.get("/health").status_code == 503


def test_docs_page_describes_the_ask_body(api):
    assert api.get("/docs").status_code == 200
    body = api.get("/openapi.json").json()["components"]["schemas"]["AskRequest"]
    assert body["required"] == ["question"] and {"doc_type", "year", "in_force", "history"} <= set(body["properties"])
