"""Access by role: a caller of one group never receives text of another group's documents, by any path.

Fixture corpus (real documents): two public news reports; Công văn 402-CV/VPĐU under noi-bo/ (folder rule →
group van-phong); Kế hoạch 3260-KH/ĐĐQH15 declaring `access: [dang-doan]` in its front matter.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS
from test_llm import fake_server  # noqa: F401  (the fixture: a local OpenAI-compatible server)
from core.access import ANONYMOUS, Caller, document_access

PLAN = "dang-doan-ke-hoach-3260"  # group dang-doan
LETTER = "noi-bo-cong-van-402"  # group van-phong
PLAN_MARKS = ("3260-KH", "ĐẢNG ĐOÀN QUỐC HỘI", "Đảng đoàn Quốc hội")
LETTER_MARKS = ("402-CV", "VPĐU", "Văn phòng Đảng ủy Chính phủ")
OFFICE = Caller.of("an@bo.gov.vn", ["van-phong"])  # reads the letter, not the plan
PARTY = Caller.of("binh@bo.gov.vn", ["dang-doan"])  # reads the plan, not the letter
RULES = {"noi-bo/**": ["van-phong"]}

# Questions aimed at each restricted document: by số hiệu, by its words, by its issuer, its validity, its scope.
ABOUT_PLAN = [
    "Kế hoạch 3260-KH/ĐĐQH15 ban hành ngày nào?",
    "Đảng đoàn Quốc hội giao nhiệm vụ gì để thực hiện Nghị quyết 57?",
    "Kế hoạch 3260-KH/ĐĐQH15 còn hiệu lực không?",
    "Kế hoạch 3260-KH/ĐĐQH15 có số hiệu là gì?",
    "kế hoạch của đảng đoàn quốc hội về khoa học công nghệ",
]
ABOUT_LETTER = [
    "Công văn 402-CV/VPĐU xin ý kiến về việc gì?",
    "Văn phòng Đảng ủy Chính phủ đề nghị các đảng ủy góp ý dự thảo báo cáo gì?",
    "Công văn 402-CV/VPĐU còn hiệu lực không?",
]


def make_access_corpus(folder: Path) -> Path:
    (folder / "tin-tuc").mkdir(parents=True)
    (folder / "noi-bo").mkdir()
    (folder / "dang-doan").mkdir()
    for name in ("binh-phuoc-chuyen-doi-so-2023-04", "binh-phuoc-lam-viec-bo-tttt"):
        shutil.copy(CORPUS / f"tin-tuc/{name}.txt", folder / f"tin-tuc/{name}.txt")
    shutil.copy(CORPUS / "van-ban/cong-van-402-CV-VPDU-2025-bao-cao-thuc-hien-NQ57.md", folder / "noi-bo/cong-van-402.md")
    plan = (CORPUS / "van-ban/ke-hoach-3260-KH-DDQH15-2025-thuc-hien-NQ57.md").read_text(encoding="utf-8")
    (folder / "dang-doan/ke-hoach-3260.md").write_text("---\naccess: [dang-doan]\n---\n" + plan, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def indexed(tmp_path_factory, embedder):
    """(settings, service) over the access corpus, indexed once."""
    from core.settings import Settings
    from hoidap.service import HoidapService

    base = tmp_path_factory.mktemp("access")
    settings = Settings(
        corpus_dir=make_access_corpus(base / "corpus"), index_dir=base / "index", access_rules=RULES,
        audit_db=base / "audit.sqlite", feedback_db=base / "feedback.sqlite",
    )
    service = HoidapService(settings)
    service.embedder = embedder
    report = service.reindex()
    assert not report.failed and report.documents == 4
    return settings, service


def chunk_ids_of(service, doc_id: str) -> set[str]:
    return {cid for cid, _ in service.reader().store.headings({doc_id})}


def assert_no_text_of(service, doc_id: str, marks: tuple[str, ...], *outputs, asked: str = "") -> None:
    """None of ``outputs`` (strings, or JSON-able records) holds the document's id, a chunk id or text of it,
    or the marks that name it (but those the user typed in ``asked``)."""
    marks = tuple(m for m in marks if m not in asked)
    chunks = chunk_ids_of(service, doc_id)
    others = " ".join(service.document(d["doc_id"])["text"] for d in service.documents() if d["doc_id"] != doc_id)
    texts = [t[:80] for t in service.reader().store.get_texts(sorted(chunks)).values() if len(t) > 80]
    texts = [t for t in texts if t not in others]  # words it shares with another document (a quoted title) are not its own
    for out in outputs:
        text = out if isinstance(out, str) else json.dumps(out, ensure_ascii=False, default=str)
        assert doc_id not in text
        assert not any(cid in text for cid in chunks)
        assert not any(m in text for m in marks), next(m for m in marks if m in text)
        assert not any(t in text for t in texts), next(t for t in texts if t in text)


def answer_record(answer) -> dict:
    """Everything an answer carries to a user (text, citations, related passages, every retrieved passage,
    what was understood), less the question as the user typed or completed it."""
    record = without_question(answer.to_dict())
    record["passages"] = [(p.chunk.doc_id, p.chunk.chunk_id, p.chunk.text) for p in answer.passages]
    record["related"] = [(p.chunk.doc_id, p.chunk.text) for p in answer.related]
    return record


def answer_record_json(text: str) -> dict:
    """An `ask --json` / `POST /ask` record less the question as the user typed or completed it."""
    return without_question(json.loads(text))


def without_question(record: dict) -> dict:
    del record["resolved_question"]
    for key in ("text", "expanded", "parts"):
        record["understood"].pop(key)
    return record


# --- where the groups come from


def test_groups_come_from_front_matter_then_the_last_matching_folder_rule():
    rules = {"noi-bo/**": ["van-phong"], "noi-bo/mat/*.md": ["lanh-dao"], "*.txt": ["khach"]}
    assert document_access("noi-bo/a.md", (), rules) == ("van-phong",)
    assert document_access("noi-bo/mat/b.md", (), rules) == ("lanh-dao",)  # the later, narrower rule wins
    assert document_access("noi-bo/mat/sau/c.md", (), rules) == ("van-phong",)  # "*" stays in one folder
    assert document_access("noi-bo/a.md", ("dang-doan",), rules) == ("dang-doan",)  # its own declaration wins
    assert document_access("luat.md", (), rules) == ("public",)
    assert document_access("tin.txt", (), rules) == ("khach",)  # a top-level file pattern
    assert not Caller().reads(["van-phong"]) and Caller().reads(["public"]) and OFFICE.reads(["van-phong", "x"])


def test_each_document_and_chunk_vector_carries_its_groups(indexed):
    _, service = indexed
    groups = {d["doc_id"]: d["access"] for d in service.documents()}
    assert groups[PLAN] == ["dang-doan"] and groups[LETTER] == ["van-phong"]
    assert groups["tin-tuc-binh-phuoc-lam-viec-bo-tttt"] == ["public"]
    stored = service.reader().vectors.collection.get(ids=sorted(chunk_ids_of(service, PLAN)), include=["metadatas"])
    assert stored["ids"] and all(m["access"] == ["dang-doan"] for m in stored["metadatas"])


# --- enforced where data is read


def test_document_list_full_text_and_counts_hold_only_readable_documents(indexed):
    _, service = indexed
    listed = {d["doc_id"] for d in service.documents(OFFICE)}
    assert LETTER in listed and PLAN not in listed
    assert {d["doc_id"] for d in service.documents(ANONYMOUS)} == {
        "tin-tuc-binh-phuoc-chuyen-doi-so-2023-04", "tin-tuc-binh-phuoc-lam-viec-bo-tttt"
    }
    assert service.document(PLAN, OFFICE) is None and service.document(LETTER, PARTY) is None
    assert service.document(PLAN, PARTY)["text"] and service.document(PLAN)["text"]  # its group; the operator
    assert service.status(OFFICE)["documents"] == 3 and service.status()["documents"] == 4
    assert service.status(OFFICE)["chunks"] == service.status()["chunks"] - len(chunk_ids_of(service, PLAN))


def test_no_retriever_ranks_a_restricted_passage(indexed):
    """BM25, dense (Chroma where), the named-document, section, definition and validity rankings alike."""
    _, service = indexed
    plan_chunks = chunk_ids_of(service, PLAN)
    for question in ABOUT_PLAN + ["Kế hoạch là gì?"]:
        retriever = service.retriever(OFFICE)
        query = retriever.reader.analyser().analyse(question)
        rankings = retriever.rankings(query, 50)
        assert rankings.get("bm25") and rankings.get("dense"), question
        for name, ids in rankings.items():
            assert not set(ids) & plan_chunks, (question, name)
        operator = service.retriever().rankings(service.retriever().reader.analyser().analyse(question), 50)
        assert set(operator["bm25"]) & plan_chunks, question  # the operator does find the plan


def test_the_vector_store_filters_by_the_chunks_groups(indexed):
    _, service = indexed
    reader = service.reader(OFFICE)
    vector = service.embedder.embed_query("Kế hoạch của Đảng đoàn Quốc hội thực hiện Nghị quyết 57")
    found = reader.vectors.query(vector, 200, reader.vector_filter(None))
    assert found and not {cid for cid, _ in found} & chunk_ids_of(service, PLAN)
    assert {cid for cid, _ in reader.vectors.query(vector, 200)} & chunk_ids_of(service, PLAN)  # unfiltered: there


@pytest.mark.parametrize("caller", [OFFICE, ANONYMOUS], ids=["other-group", "guest"])
def test_answers_never_hold_the_plan(indexed, caller):
    _, service = indexed
    for question in ABOUT_PLAN:
        answer = service.ask(question, caller=caller)
        assert_no_text_of(service, PLAN, PLAN_MARKS, answer_record(answer), asked=question)
    answer = service.ask(ABOUT_PLAN[0], caller=PARTY)  # its own group is answered from it
    assert not answer.refused and answer.citations[0].passage.chunk.doc_id == PLAN


def test_answers_never_hold_the_letter(indexed):
    _, service = indexed
    for question in ABOUT_LETTER:
        answer = service.ask(question, caller=PARTY)
        assert_no_text_of(service, LETTER, LETTER_MARKS, answer_record(answer), asked=question)
    assert service.ask(ABOUT_LETTER[0], caller=OFFICE).citations[0].passage.chunk.doc_id == LETTER


def test_a_follow_up_naming_a_restricted_document_finds_nothing_of_it(indexed):
    from hoidap.answer.conversation import Turn

    _, service = indexed
    first = service.ask("Công văn 402-CV/VPĐU xin ý kiến về việc gì?", caller=OFFICE)
    turn = service.next_turn(first, None)
    follow = service.ask("Còn Kế hoạch 3260-KH/ĐĐQH15 thì sao?", previous=turn, caller=OFFICE)
    assert_no_text_of(service, PLAN, PLAN_MARKS, answer_record(follow), asked=follow.question)
    # a turn that names the plan (another user's conversation, a crafted API history) reveals nothing either
    named = Turn("Kế hoạch 3260-KH/ĐĐQH15 ban hành ngày nào?", ["Kế hoạch 3260-KH/ĐĐQH15"])
    follow = service.ask("Văn bản đó do cơ quan nào ban hành?", previous=named, caller=OFFICE)
    assert_no_text_of(service, PLAN, PLAN_MARKS, answer_record(follow), asked=named.question)


def test_filters_cannot_reach_a_restricted_document(indexed):
    from hoidap.retrieve import Filters

    _, service = indexed
    for filters in (Filters(number="3260"), Filters(doc_id=PLAN), Filters(issuer="Đảng đoàn"), Filters(in_force=True)):
        answer = service.ask("Kế hoạch thực hiện Nghị quyết 57", filters=filters, caller=OFFICE)
        assert_no_text_of(service, PLAN, PLAN_MARKS, answer_record(answer), asked=str(filters))
    assert service.ask("Kế hoạch thực hiện Nghị quyết 57", filters=Filters(doc_id=PLAN), caller=OFFICE).refused


def test_the_exported_conversation_holds_only_what_the_caller_read(indexed):
    from hoidap.ui_text import conversation_markdown

    _, service = indexed
    history = []
    for question in ABOUT_PLAN[:2] + ABOUT_LETTER[:1]:
        answer = service.ask(question, caller=OFFICE)
        history += [{"role": "user", "content": question}, {"role": "assistant", "answer": answer.text, "citations": [
            {"n": c.n, "label": c.passage.chunk.citation_label(), "source": c.passage.chunk.source, "text": c.passage.chunk.text}
            for c in answer.citations
        ]}]
    exported = conversation_markdown(history)
    assert "402-CV/VPĐU" in exported  # the letter is the office's own
    assert_no_text_of(service, PLAN, PLAN_MARKS, exported, asked=" ".join(ABOUT_PLAN[:2]))


def test_cli_reads_as_an_operator_unless_given_a_group(indexed, monkeypatch):
    from core.settings import get_settings
    from hoidap.cli import app

    settings, _ = indexed
    for name, value in (("CORPUS_DIR", settings.corpus_dir), ("INDEX_DIR", settings.index_dir),
                        ("ACCESS_RULES", json.dumps(RULES)), ("AUDIT_DB", settings.audit_db)):
        monkeypatch.setenv(f"HOIDAP_{name}", str(value))
    get_settings.cache_clear()
    runner = CliRunner()
    try:
        as_office = runner.invoke(app, ["ask", ABOUT_PLAN[0], "--json", "--as-group", "van-phong"])
        operator = runner.invoke(app, ["ask", ABOUT_PLAN[0], "--json"])
        listed = runner.invoke(app, ["docs", "--json", "--as-group", "van-phong"])
        bad = runner.invoke(app, ["ask", ABOUT_PLAN[0], "--as-group", "Văn Phòng"])
    finally:
        get_settings.cache_clear()
    assert as_office.exit_code == 0 and operator.exit_code == 0 and listed.exit_code == 0
    _, service = indexed
    record = answer_record_json(as_office.stdout)
    assert_no_text_of(service, PLAN, PLAN_MARKS, record, listed.stdout, asked=ABOUT_PLAN[0])
    assert json.loads(operator.stdout)["citations"][0]["doc_id"] == PLAN
    assert bad.exit_code == 2 and "'Văn Phòng' is not an access group name" in bad.stderr


def test_http_api_reads_as_the_tokens_groups_or_as_a_guest(indexed):
    from fastapi.testclient import TestClient

    from hoidap.api import create_app

    settings, service = indexed
    service.settings = settings.model_copy(update={"api_tokens": {"tok-office": ["van-phong"], "tok-all": ["*"]}})
    try:
        with TestClient(create_app(service)) as client:
            ask = lambda token, **body: client.post(  # noqa: E731
                "/ask", json=body, headers={"Authorization": f"Bearer {token}"} if token else {}
            )
            for token in ("tok-office", None):
                for question in ABOUT_PLAN[:2]:
                    history = ["Kế hoạch 3260-KH/ĐĐQH15 ban hành ngày nào?"]
                    reply = ask(token, question=question, history=history)
                    assert reply.status_code == 200
                    asked = " ".join([question, *history])
                    assert_no_text_of(service, PLAN, PLAN_MARKS, answer_record_json(reply.text), asked=asked)
            assert ask("tok-all", question=ABOUT_PLAN[0]).json()["citations"][0]["doc_id"] == PLAN
            assert ask("tok-office", question=ABOUT_LETTER[0]).json()["citations"][0]["doc_id"] == LETTER
            assert ask(None, question=ABOUT_LETTER[0]).json()["refused"] is True
            refused = ask("guessed", question=ABOUT_PLAN[0])
            assert refused.status_code == 401 and refused.json()["error"] == "unauthorized"
            assert client.get("/health").json()["documents"] == 2
    finally:
        service.settings = settings


def test_every_question_is_in_the_audit_trail_and_feedback_links_to_it(indexed, tmp_path, monkeypatch):
    from core.settings import get_settings
    from hoidap.cli import app
    from hoidap.feedback import FeedbackStore

    settings, service = indexed
    answer = service.ask(ABOUT_LETTER[0], caller=OFFICE, channel="chat")
    refused = service.ask(ABOUT_PLAN[0], caller=OFFICE, channel="chat")
    rows = {r["id"]: r for r in service.audit_log().rows()}
    row = rows[answer.audit_id]
    assert (row["user"], row["groups"], row["channel"], row["refused"]) == ("an@bo.gov.vn", ["van-phong"], "chat", False)
    assert row["question"] == ABOUT_LETTER[0] and row["cited_chunks"] == [c.passage.chunk.chunk_id for c in answer.citations]
    assert rows[refused.audit_id]["refused"] is True and rows[refused.audit_id]["cited_chunks"] == []
    feedback = FeedbackStore(settings.feedback_db)
    feedback.add(answer.question, answer.text, answer.refused, [], useful=False, comment="thiếu", audit_id=answer.audit_id)
    assert feedback.rows()[-1]["audit_id"] == answer.audit_id

    monkeypatch.setenv("HOIDAP_AUDIT_DB", str(settings.audit_db))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["audit", "export", str(tmp_path / "audit.csv"), "--format", "csv"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    exported = (tmp_path / "audit.csv").read_text(encoding="utf-8")
    assert ABOUT_LETTER[0] in exported and "an@bo.gov.vn" in exported and "van-phong" in exported


def test_audit_rows_past_the_retention_period_are_deleted(tmp_path):
    import sqlite3

    from hoidap.audit import AuditLog

    log = AuditLog(tmp_path / "a.sqlite", retention_days=30)
    old = log.record("x", [], "cli", "cũ", "cũ", [], True)
    log.record("y", [], "cli", "mới", "mới", [], True)
    with sqlite3.connect(tmp_path / "a.sqlite") as conn:
        conn.execute("UPDATE questions SET created_at = '2020-01-01T00:00:00+00:00' WHERE id = ?", (old,))
    assert log.prune() == 1 and [r["question"] for r in log.rows()] == ["mới"]


# --- a change of groups


def test_a_new_folder_rule_is_applied_by_reindex_without_re_embedding(tmp_path, embedder):
    from core.settings import Settings
    from hoidap.service import HoidapService

    corpus = make_access_corpus(tmp_path / "corpus")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", access_rules=RULES)
    service = HoidapService(settings)
    service.embedder = embedder
    first = service.reindex()
    assert first.access_changed == 0 and LETTER in {d["doc_id"] for d in service.documents(OFFICE)}

    moved = {**RULES, "noi-bo/cong-van-*.md": ["lanh-dao"], "tin-tuc/*lam-viec*": ["van-phong"]}
    service = HoidapService(settings.model_copy(update={"access_rules": moved}))
    service.embedder = embedder
    report = service.reindex()
    assert (report.access_changed, report.embedded, report.unchanged) == (2, 0, 4), report.to_dict()
    readable = {d["doc_id"] for d in service.documents(OFFICE)}
    assert LETTER not in readable and "tin-tuc-binh-phuoc-lam-viec-bo-tttt" in readable
    assert "tin-tuc-binh-phuoc-lam-viec-bo-tttt" not in {d["doc_id"] for d in service.documents(ANONYMOUS)}
    answer = service.ask(ABOUT_LETTER[0], caller=OFFICE)
    assert_no_text_of(service, LETTER, LETTER_MARKS, answer_record(answer), asked=ABOUT_LETTER[0])
    vectors = service.reader().vectors.collection.get(ids=sorted(chunk_ids_of(service, LETTER)), include=["metadatas"])
    assert all(m["access"] == ["lanh-dao"] for m in vectors["metadatas"])
    assert service.reindex().access_changed == 0  # applied once


def test_a_bad_group_name_fails_that_file_with_a_reason(small_corpus):
    from hoidap.service import HoidapService

    settings, corpus, embedder = small_corpus
    (corpus / "noi-bo.md").write_text("---\naccess: [Văn Phòng]\n---\nQuy chế nội bộ về chuyển đổi số.\n", encoding="utf-8")
    service = HoidapService(settings)
    service.embedder = embedder
    report = service.reindex()
    assert [p for p, _ in report.failed] == ["noi-bo.md"]
    assert "'Văn Phòng' is not an access group name" in report.failed[0][1]


def test_a_caller_from_whom_nothing_is_hidden_reads_without_filters(service):
    """A corpus of public documents (the bundled one): guests read the whole generation, no filter on any search."""
    whole = service.reader()
    assert service.reader(ANONYMOUS) is whole and service.reader(OFFICE) is whole
    assert whole.vector_filter(None) is None and whole.chunk_mask(None) is None


def test_a_chroma_server_filters_by_groups_too(tmp_path, chroma_server, embedder):
    """Server mode (`chroma run`): the vector query of a caller of another group never returns the plan."""
    from core.settings import Settings
    from hoidap.service import HoidapService

    corpus = make_access_corpus(tmp_path / "corpus")
    shutil.rmtree(corpus / "noi-bo")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", chroma_mode="http", chroma_port=chroma_server)
    service = HoidapService(settings)
    service.embedder = embedder
    assert not service.reindex().failed
    plan_chunks = chunk_ids_of(service, PLAN)
    for question in ABOUT_PLAN[:2]:
        retriever = service.retriever(OFFICE)
        dense = retriever.rankings(retriever.reader.analyser().analyse(question), 50)["dense"]
        assert dense and not set(dense) & plan_chunks
        assert_no_text_of(service, PLAN, PLAN_MARKS, answer_record(service.ask(question, caller=OFFICE)), asked=question)
    assert service.ask(ABOUT_PLAN[0], caller=PARTY).citations[0].passage.chunk.doc_id == PLAN


def test_an_llm_server_is_never_sent_a_restricted_passage(indexed, fake_server):
    """LLM mode: the prompts (answer and follow-up rewriting) hold only what the caller may read."""
    from hoidap.service import HoidapService
    from test_llm import FakeOpenAI

    settings, base = indexed
    service = HoidapService(settings.model_copy(update={"llm_backend": "openai", "llm_base_url": fake_server,
                                                         "llm_model": "fake", "llm_timeout_s": 5.0}))
    service.embedder = base.embedder
    FakeOpenAI.requests = []
    FakeOpenAI.script = lambda request: ("stream", ["Theo nguồn [1], nội dung như trên [1]."])
    first = service.ask(ABOUT_LETTER[0], caller=OFFICE)
    for question in ABOUT_PLAN[:2]:
        service.ask(question, previous=service.next_turn(first, None), caller=OFFICE)
    assert len(FakeOpenAI.requests) >= 5  # answers and the follow-ups' rewriting
    prompts = " ".join(m["content"] for r in FakeOpenAI.requests for m in r["messages"] if m["role"] != "user")
    sources = " ".join(r["messages"][-1]["content"].split("Câu hỏi:")[0] for r in FakeOpenAI.requests)
    assert "402-CV/VPĐU" in sources  # the office's own letter is sent
    assert_no_text_of(base, PLAN, PLAN_MARKS, prompts + sources, asked=" ".join(ABOUT_PLAN[:2]))
