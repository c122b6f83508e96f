"""ALQAC preparation: one file per article, BEIR-style test sets, and the relevance they imply."""

import json

from typer.testing import CliRunner

from hoidap.cli import app
from hoidap.eval.alqac import article_id, prepare_alqac
from hoidap.eval.metrics import gold_matches
from hoidap.eval.testset import load_testset

LAWS = [
    {"id": "Luật An ninh mạng 2018", "articles": [
        {"id": "1", "text": "Phạm vi điều chỉnh\n\nLuật này quy định về hoạt động bảo vệ an ninh quốc gia trên không gian mạng."},
        {"id": "2", "text": "Giải thích từ ngữ\n\n1. An ninh mạng là sự bảo đảm hoạt động trên không gian mạng."},
    ]},
    {"id": "Luật Tiếp cận thông tin 2016", "articles": [
        {"id": "1", "text": "Phạm vi điều chỉnh\n\nLuật này quy định về việc thực hiện quyền tiếp cận thông tin của công dân."},
    ]},
]
PAIRS = [
    {"qid": "train:1", "split": "train", "question": "An ninh mạng là gì?", "choices": None,
     "gold_article_keys": ["Luật An ninh mạng 2018|2"], "all_gold_in_corpus": True},
    {"qid": "test:1", "split": "test", "question": "Quyền tiếp cận thông tin", "choices": {"A": "có", "B": "không"},
     "gold_article_keys": ["Luật Tiếp cận thông tin 2016|1"], "all_gold_in_corpus": True},
    {"qid": "test:2", "split": "test", "question": "Hiến pháp", "choices": None,
     "gold_article_keys": ["Hiến pháp 2013|1"], "all_gold_in_corpus": False},
]


def make_alqac(folder):
    folder.mkdir()
    (folder / "legal_passages.json").write_text(json.dumps(LAWS, ensure_ascii=False), encoding="utf-8")
    (folder / "eval_pairs.jsonl").write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in PAIRS), encoding="utf-8")
    return folder


def test_prepare_writes_article_files_and_test_sets(tmp_path):
    report = prepare_alqac(make_alqac(tmp_path / "src"), tmp_path / "out")
    assert (report.laws, report.articles, report.skipped) == (2, 3, 1)
    assert report.splits == {"train": 1, "test": 1}
    article = tmp_path / "out/corpus/luat-an-ninh-mang-2018/2.txt"
    assert article.read_text(encoding="utf-8").startswith("Luật An ninh mạng 2018\nĐiều 2. Giải thích từ ngữ")
    test = load_testset(tmp_path / "out/test.jsonl")
    assert test[0].relevant == [article_id("Luật Tiếp cận thông tin 2016", "1")] == ["luat-tiep-can-thong-tin-2016/1"]
    assert "A. có" in test[0].question
    assert gold_matches(["x"], ["luat-an-ninh-mang-2018/2.txt"], [], ["luat-an-ninh-mang-2018/2"]) == ["luat-an-ninh-mang-2018/2"]


def test_prepare_cli_and_bad_folder(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(app, ["prepare-alqac", str(make_alqac(tmp_path / "src")), str(tmp_path / "out")])
    assert ok.exit_code == 0 and "2 laws, 3 articles" in ok.stdout and "1 questions skipped" in ok.stdout
    bad = runner.invoke(app, ["prepare-alqac", str(tmp_path), str(tmp_path / "o2")])
    assert bad.exit_code == 2 and "not an ALQAC folder" in bad.stderr
