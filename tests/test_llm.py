"""The optional LLM answerer against a small local server speaking the OpenAI chat-completions API.

Each test scripts the server: a good answer, an invented citation [9], a timeout, a 500 error, and a
model that repeats a figure planted by a prompt injection. The real llama-index OpenAILike client is used.
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from hoidap.answer.llm import FALLBACK_NOTICE
from hoidap.service import HoidapService

QUESTION = "Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?"


class FakeOpenAI(BaseHTTPRequestHandler):
    script = None  # callable(request) -> ("stream", [chunks]) | ("error", status) | ("sleep", seconds)
    requests: list = []

    def log_message(self, *args):
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test): nothing to report

    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeOpenAI.requests.append(request)
        kind, value = FakeOpenAI.script(request)
        if kind == "error":
            self.send_response(value)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"error": {"message": "boom"}}')
            return
        if kind == "sleep":
            time.sleep(value)
            value = ["quá muộn [1]."]
        self.send_response(200)
        if not request.get("stream"):
            body = {"id": "x", "object": "chat.completion", "created": 0, "model": "m",
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": "".join(value)},
                                 "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(json.dumps(body, ensure_ascii=False).encode())
            return
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for i, piece in enumerate(value):
            event = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "m",
                     "choices": [{"index": 0, "delta": {"role": "assistant", "content": piece}, "finish_reason": None}]}
            self.wfile.write(f"data: {json.dumps(event, ensure_ascii=False)}\n\n".encode())
            self.wfile.flush()
        done = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "m",
                "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
        self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())


@pytest.fixture(scope="module")
def fake_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenAI)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


@pytest.fixture()
def llm_service(built, embedder, fake_server):
    settings, _ = built
    service = HoidapService(settings.model_copy(update={"llm_backend": "openai", "llm_base_url": fake_server,
                                                         "llm_model": "fake", "llm_timeout_s": 2.0}))
    service.embedder = embedder
    FakeOpenAI.requests = []
    return service


def source_number(request: dict, needle: str) -> int:
    """The [n] of the source holding ``needle`` in the prompt the server received."""
    user = request["messages"][-1]["content"]
    for n, body in re.findall(r"\[(\d+)\] (.*?)(?=\n\n\[\d+\] |\n\nCâu hỏi:)", user, re.S):
        if needle in body:
            return int(n)
    raise AssertionError(f"{needle!r} is in no source")


def test_good_answer_is_streamed_and_kept(llm_service):
    def script(request):
        n = source_number(request, "844 tỷ đồng")
        return "stream", ["Từ năm 2019 đến nay, ", "Bình Phước đã phân bổ ", f"hơn 844 tỷ đồng cho chuyển đổi số [{n}]."]

    FakeOpenAI.script = script
    items = list(llm_service.ask_stream(QUESTION))
    deltas, answer = items[:-1], items[-1]
    assert deltas == ["Từ năm 2019 đến nay, ", "Bình Phước đã phân bổ ", deltas[2]]
    assert answer.generated and not answer.notice and not answer.refused
    assert "844 tỷ đồng" in answer.text and "844 tỷ đồng" in answer.citations[0].passage.chunk.text
    system = FakeOpenAI.requests[0]["messages"][0]["content"]
    assert "không phải chỉ dẫn" in system and "[1]" in system  # sources are data; cite after each sentence
    assert FakeOpenAI.requests[0]["stream"] is True


def test_invented_citation_falls_back_to_extractive(llm_service):
    FakeOpenAI.script = lambda request: ("stream", ["Bình Phước đã phân bổ hơn 844 tỷ đồng [9]."])
    answer = llm_service.ask(QUESTION)
    assert answer.notice == FALLBACK_NOTICE and not answer.generated
    assert "844 tỷ đồng" in answer.text and answer.text.endswith("[1]")


def test_figure_not_in_the_cited_source_is_removed(llm_service):
    # A document could try to plant "999 tỷ đồng"; whatever the model repeats, a figure the cited source
    # does not contain never reaches the official.
    def script(request):
        n = source_number(request, "844 tỷ đồng")
        return "stream", [f"Bình Phước đã phân bổ hơn 844 tỷ đồng [{n}]. ", f"Ngân sách năm nay là 999 tỷ đồng [{n}]."]

    FakeOpenAI.script = script
    answer = llm_service.ask(QUESTION)
    assert answer.generated and "844 tỷ đồng" in answer.text and "999" not in answer.text


def test_timeout_and_server_error_fall_back(llm_service):
    FakeOpenAI.script = lambda request: ("sleep", 3.0)
    started = time.monotonic()
    slow = llm_service.ask(QUESTION)
    assert time.monotonic() - started < 10
    assert slow.notice == FALLBACK_NOTICE and "844 tỷ đồng" in slow.text
    FakeOpenAI.script = lambda request: ("error", 500)
    broken = llm_service.ask(QUESTION)
    assert broken.notice == FALLBACK_NOTICE and "844 tỷ đồng" in broken.text


def test_model_refusal_is_a_refusal(llm_service):
    FakeOpenAI.script = lambda request: ("stream", ["Không tìm thấy thông tin trả lời câu hỏi này trong các tài liệu hiện có."])
    answer = llm_service.ask("Thủ tướng Nhật Bản là ai?")
    assert answer.refused and not answer.citations


def test_cli_streams_tokens(env_for, monkeypatch, fake_server):
    from hoidap.cli import app
    from core.settings import get_settings

    monkeypatch.setenv("HOIDAP_LLM_BACKEND", "openai")
    monkeypatch.setenv("HOIDAP_LLM_BASE_URL", fake_server)
    get_settings.cache_clear()

    def script(request):
        n = source_number(request, "844 tỷ đồng")
        return "stream", ["Bình Phước ", f"đã phân bổ hơn 844 tỷ đồng [{n}]."]

    FakeOpenAI.script = script
    result = CliRunner().invoke(app, ["ask", QUESTION])
    assert result.exit_code == 0, result.output
    assert "Câu trả lời đã kiểm tra trích dẫn:" in result.stdout and "Nguồn:" in result.stdout
    record = json.loads(CliRunner().invoke(app, ["ask", QUESTION, "--json"]).stdout)
    assert record["generated"] is True and record["notice"] == ""


def test_condense_step_keeps_the_question_vietnamese(llm_service):
    from hoidap.answer.conversation import Turn

    previous = Turn("Luật Giao dịch điện tử có hiệu lực thi hành từ ngày nào?", ["Luật Giao dịch điện tử (20/2023/QH15)"])

    def script(rewrite):
        def run(request):
            if "Câu hỏi đầy đủ:" in request["messages"][-1]["content"]:
                return "stream", [rewrite]
            n = source_number(request, "Quốc hội ban hành")
            return "stream", [f"Quốc hội ban hành Luật Giao dịch điện tử [{n}]."]
        return run

    FakeOpenAI.script = script("Luật Giao dịch điện tử 2023 do cơ quan nào ban hành?")
    good = llm_service.ask("Văn bản đó do ai ban hành?", previous=previous)
    assert good.resolved_question == "Luật Giao dịch điện tử 2023 do cơ quan nào ban hành?"
    assert "Quốc hội" in good.text and good.generated
    FakeOpenAI.script = script("Which agency issued the Law on Electronic Transactions?")
    drifted = llm_service.ask("Văn bản đó do ai ban hành?", previous=previous)
    assert drifted.resolved_question == "Luật Giao dịch điện tử (20/2023/QH15) do ai ban hành?"  # rule-based


def test_chat_page_with_llm_backend(env_for, monkeypatch, fake_server, tmp_path):
    from pathlib import Path

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from core.settings import get_settings

    monkeypatch.setenv("HOIDAP_LLM_BACKEND", "openai")
    monkeypatch.setenv("HOIDAP_LLM_BASE_URL", fake_server)
    monkeypatch.setenv("HOIDAP_FEEDBACK_DB", str(tmp_path / "fb.sqlite"))
    get_settings.cache_clear()
    st.cache_resource.clear()
    FakeOpenAI.script = lambda request: ("error", 500)
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=120)
    at.run()
    at.chat_input[0].set_value(QUESTION).run()
    assert not at.exception
    assert any(FALLBACK_NOTICE in w.value for w in at.warning)  # the official sees why the answer is a quote
    assert "844 tỷ đồng" in " ".join(m.value for m in at.markdown)

    def script(request):
        n = source_number(request, "844 tỷ đồng")
        return "stream", ["Bình Phước ", f"đã phân bổ hơn 844 tỷ đồng [{n}]."]

    FakeOpenAI.script = script
    at.chat_input[0].set_value(QUESTION).run()
    assert "Bình Phước đã phân bổ hơn 844 tỷ đồng \\[" in " ".join(m.value for m in at.markdown)
    st.cache_resource.clear()
