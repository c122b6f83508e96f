"""The CLI: exit codes, JSON interfaces and error messages."""

import json

from typer.testing import CliRunner

from hoidap.cli import app

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, list(args))


def test_ask_json(env_for):
    result = invoke("ask", "Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?", "--json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["refused"] is False and "844 tỷ đồng" in record["answer"]
    assert {"n", "doc_id", "title", "source", "text", "score"} <= set(record["citations"][0])


def test_ask_text_lists_sources(env_for):
    result = invoke("ask", "Luật Giao dịch điện tử có hiệu lực từ ngày nào?", "-k", "3")
    assert result.exit_code == 0
    assert "Nguồn:" in result.stdout and "[1] Luật Giao dịch điện tử (20/2023/QH15)" in result.stdout


def test_ask_with_filters(env_for):
    result = invoke("ask", "chữ ký số chuyên dùng công vụ là gì", "--type", "Luật", "--year", "2023", "--json")
    assert result.exit_code == 0, result.output
    citations = json.loads(result.stdout)["citations"]
    assert citations and all(c["number"] == "20/2023/QH15" for c in citations)
    nothing = json.loads(invoke("ask", "chữ ký số", "--year", "1990", "--json").stdout)
    assert nothing["refused"] is True and nothing["citations"] == []


def test_ask_empty_question(env_for):
    result = invoke("ask", "   ")
    assert result.exit_code == 2
    assert "The question is empty" in result.stderr


def test_ask_without_index(tmp_path, monkeypatch):
    from core.settings import get_settings

    monkeypatch.setenv("HOIDAP_INDEX_DIR", str(tmp_path / "none"))
    get_settings.cache_clear()
    result = invoke("ask", "chuyển đổi số")
    get_settings.cache_clear()
    assert result.exit_code == 2
    assert "No index" in result.stderr and "hoidap reindex" in result.stderr


def test_reindex_missing_corpus(env_for, tmp_path):
    result = invoke("reindex", str(tmp_path / "does-not-exist"))
    assert result.exit_code == 2
    assert "Corpus folder not found" in result.stderr and "does-not-exist" in result.stderr


def test_reindex_json_up_to_date(env_for):
    result = invoke("reindex", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["added"] == 0 and report["unchanged"] == 4 and report["failed"] == []


def test_docs_lists_metadata(env_for):
    result = invoke("docs", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    law = next(r for r in rows if r["number"] == "20/2023/QH15")
    assert law["doc_type"] == "Luật" and law["date"] == "2023-06-22" and law["chunks"] > 50
    # validity: its effective date, its status today, and what it states about the 2005 law (with the clause)
    assert law["effective"] == "2024-07-01" and law["status"]["state"] == "còn hiệu lực"
    ceases = next(r for r in law["states"] if r["kind"] == "ceases")
    assert ceases["target"] == "51/2005/QH11" and ceases["label"] == "Điều 52, khoản 2" and ceases["date"] == "2024-07-01"
    assert {"status", "effective", "relations", "states"} <= set(rows[0])


def test_docs_check_and_in_force(env_for, monkeypatch):
    result = invoke("docs", "--check")
    assert result.exit_code == 0 and "agree" in result.output
    from core.settings import get_settings

    monkeypatch.setenv("HOIDAP_VALIDITY_AS_OF", "2024-01-01")  # before the 2023 law took effect
    get_settings.cache_clear()
    rows = json.loads(invoke("docs", "--json").stdout)
    assert next(r for r in rows if r["number"] == "20/2023/QH15")["status"]["state"] == "chưa có hiệu lực"
    result = invoke("docs", "--in-force")
    assert result.exit_code == 0 and "20/2023/QH15" not in result.output
    get_settings.cache_clear()


def test_eval_json_both_systems(env_for, tmp_path):
    testset = tmp_path / "t.jsonl"
    lines = [
        {"id": "a", "question": "Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?",
         "answers": ["844 tỷ đồng"], "evidence": ["phân bổ hơn 844 tỷ đồng"], "answerable": True},
        {"id": "b", "question": "Thủ tướng Nhật Bản là ai?", "answers": [], "evidence": [], "answerable": False},
    ]
    testset.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    result = invoke("eval", str(testset), "--json", "--out", str(tmp_path / "run"))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["n"] == 2 and set(report["systems"]) == {"hoidap", "baseline"}
    hoidap = report["systems"]["hoidap"]
    for key in ("hit@1", "hit@5", "mrr", "answer_accuracy", "citation_accuracy", "refusal_accuracy", "p50_ms", "p95_ms"):
        assert key in hoidap
    assert hoidap["hit@5"] == 1.0 and hoidap["answer_accuracy"] == 1.0 and hoidap["refusal_accuracy"] == 1.0
    assert (tmp_path / "run" / "results.jsonl").read_text(encoding="utf-8").count("\n") == 4


def test_eval_every_system(env_for, tmp_path):
    testset = tmp_path / "t.jsonl"
    testset.write_text(json.dumps({"id": "a", "question": "Chữ ký số công cộng là gì?", "answers": ["hoạt động công cộng"],
                                   "evidence": ["Chữ ký số công cộng là chữ ký số"], "answerable": True}, ensure_ascii=False),
                       encoding="utf-8")
    result = invoke("eval", str(testset), "--json", "--system", "all")
    assert result.exit_code == 0, result.output
    systems = json.loads(result.stdout)["systems"]
    assert set(systems) == {"hoidap", "bm25", "dense", "baseline", "llamaindex-bm25", "llamaindex-hybrid"}
    assert systems["hoidap"]["hit@5"] == 1.0 and systems["bm25"]["hit@5"] == 1.0
    assert invoke("eval", str(testset), "--system", "nope").exit_code == 2


def test_eval_with_beir_style_relevant_documents(env_for, tmp_path):
    testset = tmp_path / "r.jsonl"
    testset.write_text(json.dumps({"id": "r", "question": "Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?",
                                   "relevant": ["tin-tuc/binh-phuoc-lam-viec-bo-tttt"], "answerable": True},
                                  ensure_ascii=False), encoding="utf-8")
    result = invoke("eval", str(testset), "--json", "--system", "hoidap,llamaindex-bm25")
    assert result.exit_code == 0, result.output
    systems = json.loads(result.stdout)["systems"]
    assert systems["hoidap"]["hit@1"] == 1.0 and systems["hoidap"]["ndcg@10"] == 1.0
    assert systems["hoidap"]["citation_accuracy"] == 1.0
    assert systems["llamaindex-bm25"]["hit@10"] == 1.0


def test_eval_run_folder_and_compare(env_for, tmp_path, monkeypatch):
    from core.settings import get_settings

    testset = tmp_path / "t.jsonl"
    testset.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"id": "a", "question": "Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?",
         "answers": ["844 tỷ đồng"], "evidence": ["phân bổ hơn 844 tỷ đồng"], "answerable": True, "kind": "number"},
        {"id": "b", "question": "Chữ ký số công cộng là gì?", "answers": ["hoạt động công cộng"],
         "evidence": ["Chữ ký số công cộng là chữ ký số"], "answerable": True, "kind": "definition"},
        {"id": "c", "question": "Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?",
         "answers_all": ["844 tỷ đồng", "một chuỗi không có trong tài liệu"], "evidence": ["phân bổ hơn 844 tỷ đồng"],
         "kind": "number"},
    ]), encoding="utf-8")
    assert invoke("eval", str(testset), "--system", "hoidap", "--out", str(tmp_path / "a")).exit_code == 0
    for name in ("metrics.json", "results.jsonl", "report.md", "metrics.png", "latency.png", "kinds.png"):
        assert (tmp_path / "a" / name).stat().st_size > 0
    report_md = (tmp_path / "a" / "report.md").read_text(encoding="utf-8")
    assert "![metrics.png](metrics.png)" in report_md and "per kind: answer accuracy" in report_md
    metrics = json.loads((tmp_path / "a" / "metrics.json").read_text(encoding="utf-8"))
    kinds = metrics["kinds"]["hoidap"]
    assert set(kinds) == {"number", "definition"} and kinds["number"]["n_answerable"] == 2
    assert kinds["number"]["answer_accuracy"] == 0.5  # "c" needs a string no answer can contain
    monkeypatch.setenv("HOIDAP_BM25_WEIGHT", "0")
    monkeypatch.setenv("HOIDAP_DOC_BOOST_WEIGHT", "0")
    monkeypatch.setenv("HOIDAP_DEFINITION_WEIGHT", "0")
    monkeypatch.setenv("HOIDAP_COVERAGE_WEIGHT", "0")
    get_settings.cache_clear()
    assert invoke("eval", str(testset), "--system", "hoidap", "--out", str(tmp_path / "b")).exit_code == 0
    result = invoke("eval", "--compare", str(tmp_path / "a"), str(tmp_path / "b"), "--json")
    assert result.exit_code == 0, result.output
    comparison = json.loads(result.stdout)
    hit1 = comparison["systems"]["hoidap"]["hit@1"]
    assert hit1["a"] == 1.0 and hit1["delta"] == round(hit1["b"] - hit1["a"], 4) < 0
    assert {c["id"] for c in comparison["changed"]} and all(c["system"] == "hoidap" for c in comparison["changed"])
    per_kind = comparison["kinds"]["hoidap"]["number"]
    assert per_kind["headline"]["a"] == 0.5 and per_kind["hit@1"]["delta"] == round(per_kind["hit@1"]["b"] - 1.0, 4)
    text = invoke("eval", "--compare", str(tmp_path / "a"), str(tmp_path / "b"))
    assert "question outcomes changed" in text.stdout and "per kind" in text.stdout
    bad = invoke("eval", "--compare", str(tmp_path / "a"), str(tmp_path / "nope"))
    assert bad.exit_code == 2 and "not a run folder" in bad.stderr
    assert invoke("eval").exit_code == 2


def test_peers_index_the_documents_of_the_evaluated_index(env_for, tmp_path, monkeypatch):
    """An index built from another folder than the corpus_dir setting: the peers read that index's files."""
    from core.settings import get_settings

    monkeypatch.setenv("HOIDAP_CORPUS_DIR", str(tmp_path / "elsewhere"))  # not the evaluated index's corpus
    get_settings.cache_clear()
    testset = tmp_path / "t.jsonl"
    testset.write_text(json.dumps({"id": "a", "question": "Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?",
                                   "answers": ["844 tỷ đồng"], "evidence": ["phân bổ hơn 844 tỷ đồng"]},
                                  ensure_ascii=False), encoding="utf-8")
    result = invoke("eval", str(testset), "--json", "--system", "llamaindex-bm25", "--out", str(tmp_path / "run"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["systems"]["llamaindex-bm25"]["hit@10"] == 1.0
    row = json.loads((tmp_path / "run" / "results.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert row["resolved_question"] and row["kind"] == ""


def test_eval_bad_testset(env_for, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "question": "q", "answerable": true}\n', encoding="utf-8")
    result = invoke("eval", str(bad))
    assert result.exit_code == 2 and "needs 'evidence' or 'relevant'" in result.stderr
