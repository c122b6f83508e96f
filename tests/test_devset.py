"""The dev test set is valid and grounded: every evidence and answer string occurs in the bundled corpus."""

from pathlib import Path

import pytest

from core.errors import TestSetError
from hoidap.eval.metrics import QuestionResult, contains_any, gold_matches, ndcg_at, norm, passage_doc_key, summarize
from hoidap.eval.testset import load_testset
from index.build import scan_corpus
from ingest.load import load_file
from ingest.normalize import to_display_text

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus_text() -> str:
    files, _ = scan_corpus(ROOT / "corpus")
    texts = [to_display_text(raw.text, raw.fmt)[0] for path in files.values() for raw in load_file(path)]
    return norm("\n".join(texts))


def test_dev_set_is_grounded_in_the_corpus(corpus_text):
    questions = load_testset(ROOT / "evalsets/dev.jsonl")
    assert len(questions) >= 40
    assert sum(not q.answerable for q in questions) >= 10
    assert any(q.question == q.question.encode("ascii", "ignore").decode() for q in questions), "some without diacritics"
    for q in questions:
        if q.answerable:
            assert any(norm(e) in corpus_text for e in q.evidence), q.id
            assert any(norm(a) in corpus_text for a in q.answers), q.id


def test_testset_errors(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"id": "a", "question": "q", "evidence": ["x"]}\n{"id": "a", "question": "r", "evidence": ["y"]}\n', encoding="utf-8")
    with pytest.raises(TestSetError, match="duplicate id"):
        load_testset(path)
    with pytest.raises(TestSetError, match="not found"):
        load_testset(tmp_path / "missing.jsonl")


def test_metric_definitions():
    assert contains_any("Đã phân bổ hơn 844  tỷ đồng", ["844 TỶ ĐỒNG"])
    assert contains_any("hoà bình", ["hòa bình"])
    assert gold_matches(["a", "b x", "x"], ["f.md"] * 3, ["x"], []) == ["", "evidence", "evidence"]
    assert passage_doc_key("luat-a/26.txt") == "luat-a/26" and passage_doc_key("p.jsonl#Luật số 1/2000/QH10") == "p"
    matches = gold_matches(["t"] * 4, ["a/1.txt", "a/2.txt", "a/1.txt", "b/3.txt"], [], ["a/1", "b/3"])
    assert matches == ["a/1", "", "a/1", "b/3"]
    ideal = 1 + 1 / __import__("math").log2(3)
    assert ndcg_at(matches, 2) == (1 + 1 / __import__("math").log2(5)) / ideal
    assert ndcg_at(["", "evidence"], 1) == 1 / __import__("math").log2(3)
    results = [
        QuestionResult("1", "q", True, ["p"], ["x"], "x [1]", False, ["x"], 1, 10.0, True, True),
        QuestionResult("2", "q", True, ["p"], ["y", "z", "x"], "", True, [], 3, 20.0),
        QuestionResult("3", "q", False, [], [], "", True, [], 0, 30.0),
    ]
    m = summarize(results)
    assert (m["hit@1"], m["hit@5"], m["hit@10"], m["mrr"]) == (0.5, 1.0, 1.0, round((1 + 1 / 3) / 2, 4))
    assert (m["answer_accuracy"], m["citation_accuracy"], m["refusal_accuracy"], m["false_refusal_rate"]) == (0.5, 0.5, 1.0, 0.5)
    assert m["p50_ms"] == 20.0


def test_a_document_is_cited_with_or_without_so():
    """'Thông tư số 01/2018/TT-VPCP' and 'Thông tư 01/2018/TT-VPCP' are one citation; 'số' elsewhere is a word."""
    assert contains_any("Theo khoản 1 Điều 16 Thông tư 01/2018/TT-VPCP: …", ["Điều 16 Thông tư số 01/2018/TT-VPCP"])
    assert contains_any("theo Quyết định số 1489/QĐ-TTg ngày 24/11/2023", ["Quyết định 1489/QĐ-TTg"])
    assert not contains_any("Phạt tiền từ 1.000.000 đồng", ["số tiền"])
    assert norm("Chuyển đổi số 2025") == "chuyển đổi số 2025"
