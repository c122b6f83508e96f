"""The bad-input catalogue (README, "Bad input"): each case gets a clear message and loses nothing.

File cases go through one real reindex together: every bad file is reported with its reason, and
the good files are indexed anyway. Question and index-folder cases go through the CLI.
"""

from __future__ import annotations

import errno
import json
import os
import pathlib
import sqlite3

import pytest
from typer.testing import CliRunner

from hoidap.cli import app
from core.settings import get_settings
from index.build import reindex
from index.layout import IndexLayout

from conftest import consistent_ids

runner = CliRunner()

BAD_FILES = {  # file → words its reason must contain
    "trong.txt": "empty",
    "khoang-trang.md": "empty",
    "zero.pdf": "empty",
    "hong.pdf": "corrupt",
    "khoa.pdf": "encrypted",
    "hong.docx": "DOCX",
    "chuong-trinh.txt": "binary",
    "qua-lon.txt": "the limit is 50 MB",
    "latin1.txt": "not UTF-8",
    "khong-doc-duoc.txt": "permission denied",
}
SKIPPED = {
    "vong-a.txt": "symbolic link loop",
    "vong-b.txt": "symbolic link loop",
    "vong-thu-muc": "symbolic link to a folder (not followed)",
    "mat.txt": "broken symbolic link",
}


def _write_bad_files(corpus: pathlib.Path, monkeypatch) -> None:
    from pypdf import PdfWriter

    (corpus / "trong.txt").write_bytes(b"")
    (corpus / "khoang-trang.md").write_text(" \n\t\n", encoding="utf-8")
    (corpus / "zero.pdf").write_bytes(b"")
    (corpus / "hong.pdf").write_bytes(b"%PDF-1.4\nthis is not a pdf")
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("mật-khẩu")
    with open(corpus / "khoa.pdf", "wb") as fh:
        writer.write(fh)
    (corpus / "hong.docx").write_bytes(b"PK\x03\x04 not a zip")
    (corpus / "chuong-trinh.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    with open(corpus / "qua-lon.txt", "wb") as fh:
        line = "Chuyển đổi số là nhiệm vụ trọng tâm của các cơ quan nhà nước.\n".encode("utf-8")
        fh.write(line * (51_000_000 // len(line) + 1))
    (corpus / "latin1.txt").write_bytes("Résumé über naïve café, déjà vu.".encode("latin-1"))
    unreadable = corpus / "khong-doc-duoc.txt"
    unreadable.write_text("Nội dung bí mật.", encoding="utf-8")
    unreadable.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the OS answer as it does for other users
        real = pathlib.Path.read_bytes

        def read_bytes(self):
            if self.name == unreadable.name:
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    (corpus / "vong-a.txt").symlink_to("vong-b.txt")
    (corpus / "vong-b.txt").symlink_to("vong-a.txt")
    (corpus / "vong-thu-muc").symlink_to(".")
    (corpus / "mat.txt").symlink_to("khong-ton-tai.txt")


def test_every_bad_file_is_reported_and_the_good_ones_indexed(small_corpus, monkeypatch):
    settings, corpus, embedder = small_corpus
    _write_bad_files(corpus, monkeypatch)
    result = _cli(settings, monkeypatch, "reindex", "--json")
    assert result.exit_code == 1, result.output  # some files failed, the rest indexed
    report = json.loads(result.stdout)
    failed = {f["path"]: f["reason"] for f in report["failed"]}
    assert set(failed) == set(BAD_FILES)
    for name, words in BAD_FILES.items():
        assert words in failed[name], (name, failed[name])
    assert {s["path"]: s["reason"] for s in report["skipped"]} == SKIPPED
    assert report["added"] == 3  # bp-2023.txt, bp-lam-viec.txt, pd.jsonl
    assert report["documents"] > 3 and report["chunks"] == len(consistent_ids(settings))
    (corpus / "khong-doc-duoc.txt").chmod(0o644)


def test_a_file_vanishing_mid_reindex(small_corpus, monkeypatch):
    settings, corpus, embedder = small_corpus
    import index.build

    real_scan = index.build.scan_corpus

    def scan_then_delete(folder):
        files, skipped = real_scan(folder)
        (corpus / "bp-2023.txt").unlink()  # gone between the listing and the reading
        return files, skipped

    monkeypatch.setattr(index.build, "scan_corpus", scan_then_delete)
    report = reindex(settings, embedder)
    assert dict(report.failed) == {"bp-2023.txt": "the file disappeared before it could be read"}
    assert sorted(report.added) == ["bp-lam-viec.txt", "pd.jsonl"]
    consistent_ids(settings)


@pytest.mark.parametrize(
    "question, exit_code, message",
    [
        ("", 2, "The question is empty"),
        (" \t\n\u200b ", 2, "The question is empty"),
        ("\x00\x07\x1b", 2, "The question is empty"),
        ("chuyển đổi số " * 715, 2, "The question is too long (10009 characters; the limit is 2000)"),
    ],
)
def test_bad_questions_get_a_clear_message(env_for, question, exit_code, message):
    result = runner.invoke(app, ["ask", question])
    assert result.exit_code == exit_code
    assert message in result.stderr


def test_control_characters_in_a_question_are_ignored(env_for):
    clean = runner.invoke(app, ["ask", "--json", "Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?"])
    noisy = runner.invoke(
        app, ["ask", "--json", "Bình Phước\x00 đã phân bổ\x1b[31m bao nhiêu\u200b tiền\r\ncho chuyển đổi số từ năm 2019?\x07"]
    )
    assert clean.exit_code == noisy.exit_code == 0, noisy.output
    a, b = json.loads(clean.stdout), json.loads(noisy.stdout)
    assert "844 tỷ đồng" in b["answer"]
    assert [c["chunk_id"] for c in a["citations"]] == [c["chunk_id"] for c in b["citations"]]


def _cli(settings, monkeypatch, *args):
    monkeypatch.setenv("HOIDAP_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.setenv("HOIDAP_INDEX_DIR", str(settings.index_dir))
    get_settings.cache_clear()
    try:
        return runner.invoke(app, list(args))
    finally:
        get_settings.cache_clear()


def test_index_from_an_older_version_asks_for_a_rebuild(small_corpus, monkeypatch):
    settings, corpus, embedder = small_corpus
    reindex(settings, embedder)
    gen = IndexLayout(settings.index_dir).current_path()
    with sqlite3.connect(gen / "chunks.sqlite") as conn:  # what a previous schema version left behind
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    for args in (["ask", "chuyển đổi số"], ["reindex"]):
        result = _cli(settings, monkeypatch, *args)
        assert result.exit_code == 2, result.output
        assert "written by another hoidap version (schema 0, this one reads 1)" in result.stderr
        assert "Rebuild it: hoidap reindex --rebuild" in result.stderr
    rebuilt = _cli(settings, monkeypatch, "reindex", "--rebuild")
    assert rebuilt.exit_code == 0, rebuilt.output
    answer = _cli(settings, monkeypatch, "ask", "--json", "Bình Phước đứng thứ mấy về chuyển đổi số?")
    assert answer.exit_code == 0 and json.loads(answer.stdout)["citations"]


def test_index_folder_of_another_layout_asks_for_a_rebuild(small_corpus, monkeypatch):
    settings, corpus, embedder = small_corpus
    old = settings.index_dir
    old.mkdir()
    (old / "chroma.sqlite3").write_bytes(b"SQLite format 3\x00")  # a pre-generation layout
    (old / "bm25").mkdir()
    result = _cli(settings, monkeypatch, "ask", "chuyển đổi số")
    assert result.exit_code == 2
    assert "bm25, chroma.sqlite3 but no generation of this hoidap version" in result.stderr
    assert "hoidap reindex --rebuild" in result.stderr
    assert _cli(settings, monkeypatch, "reindex", "--rebuild").exit_code == 0
    assert _cli(settings, monkeypatch, "ask", "chuyển đổi số").exit_code == 0
    assert (old / "chroma.sqlite3").exists()  # files it did not write are never deleted
