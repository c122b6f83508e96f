"""The Streamlit chat, driven by streamlit.testing (the real app.py, the real index)."""

import re
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture()
def app(env_for, tmp_path, monkeypatch):
    from core.settings import get_settings

    monkeypatch.setenv("HOIDAP_FEEDBACK_DB", str(tmp_path / "feedback.sqlite"))
    get_settings.cache_clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    yield at
    st.cache_resource.clear()


def texts(at):
    return " ".join(m.value for m in at.markdown)


def test_empty_chat_shows_examples_and_corpus_panel(app):
    assert not app.exception
    assert "Ví dụ câu hỏi" in texts(app)
    labels = [m.label for m in app.sidebar.metric]
    assert labels == ["Văn bản", "Đoạn đã lập chỉ mục"]
    updated = next(c.value for c in app.sidebar.caption if c.value.startswith("Cập nhật chỉ mục"))
    assert re.fullmatch(r"Cập nhật chỉ mục: \d{1,2}/\d{1,2}/20\d\d lúc \d\d:\d\d", updated)  # never ISO
    assert [e.label for e in app.sidebar.expander] == ["Thông tin hệ thống"]  # the model's name is tucked away
    example = app.button(key="example-1")
    assert example.label == "Luật Giao dịch điện tử có hiệu lực từ ngày nào?"
    example.click().run()  # an example question is asked by clicking it
    assert not app.exception and "01 tháng 7 năm 2024" in texts(app)


def test_question_gets_cited_answer_and_history_survives_reruns(app):
    app.chat_input[0].set_value("Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?").run()
    assert not app.exception
    assert "844 tỷ đồng" in texts(app) and "\\[1\\]" in texts(app)
    assert app.expander[0].label.startswith("[1] ")
    app.run()  # a rerun (widget change) keeps the conversation
    assert "844 tỷ đồng" in texts(app)
    app.chat_input[0].set_value("Thủ tướng Nhật Bản là ai?").run()
    body = texts(app)
    assert "844 tỷ đồng" in body and "Không tìm thấy thông tin" in body
    app.sidebar.button[0].click().run()  # new conversation
    assert "844 tỷ đồng" not in texts(app)


def test_feedback_is_saved_and_exported(app, tmp_path):
    import json

    from typer.testing import CliRunner

    from hoidap.cli import app as cli

    app.chat_input[0].set_value("Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?").run()
    app.text_input(key="comment-1").input("Đúng, có nguồn rõ ràng").run()
    app.feedback(key="fb-1").set_value(1).run()
    assert not app.exception
    out = tmp_path / "fb.jsonl"
    result = CliRunner().invoke(cli, ["feedback", "export", str(out)])
    assert result.exit_code == 0, result.output
    row = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert row["useful"] is True and row["comment"] == "Đúng, có nguồn rõ ràng"
    assert "844 tỷ đồng" in row["answer"] and row["citations"][0]["source"].endswith("binh-phuoc-lam-viec-bo-tttt.txt")
    assert "Cảm ơn phản hồi" in " ".join(c.value for c in app.caption)


def test_conversation_export_markdown():
    from hoidap.ui_text import conversation_markdown

    md = conversation_markdown([
        {"role": "user", "content": "Hỏi gì?"},
        {"role": "assistant", "answer": "Đáp [1]", "refused": False,
         "citations": [{"n": 1, "label": "Luật X, Điều 2", "source": "a.md", "text": "dòng một\ndòng hai"}]},
    ])
    assert "**Hỏi:** Hỏi gì?" in md and "**Đáp:** Đáp [1]" in md
    assert "- [1] Luật X, Điều 2 — `a.md`" in md and "  > dòng hai" in md


def test_sidebar_filters_apply_to_retrieval(app):
    assert [s.label for s in app.sidebar.selectbox] == ["Loại văn bản", "Năm ban hành", "Cơ quan ban hành"]
    app.sidebar.selectbox(key="filter_type").select("Tin tức").run()
    app.chat_input[0].set_value("Luật Giao dịch điện tử có hiệu lực từ ngày nào?").run()
    assert not app.exception
    assert "01 tháng 7 năm 2024" not in texts(app)  # the law is filtered out, and the refusal says why
    assert any("Không tìm thấy với bộ lọc Loại văn bản: Tin tức" in w.value for w in app.warning)
    app.button(key="unfilter-1").click().run()  # one click: filters off, the question asked again
    assert app.sidebar.selectbox(key="filter_type").value == "Tất cả"
    assert "01 tháng 7 năm 2024" in texts(app)
    app.sidebar.button[0].click().run()
    app.sidebar.selectbox(key="filter_type").select("Luật").run()
    app.chat_input[0].set_value("Luật Giao dịch điện tử có hiệu lực từ ngày nào?").run()
    assert "01 tháng 7 năm 2024" in texts(app)
    assert any(c.value == "Bộ lọc đã áp dụng: Loại văn bản: Luật" for c in app.caption)  # under the answer


def test_whole_document_opens_with_the_passage_in_place(app):
    app.chat_input[0].set_value("Luật Giao dịch điện tử có hiệu lực từ ngày nào?").run()
    app.button(key="doc-1-1").click().run()
    assert not app.exception
    body = texts(app)
    assert "Luật Giao dịch điện tử" in body and "Điều 1\\. Phạm vi điều chỉnh" in body  # the whole law
    assert any("Đoạn được trích dẫn" in i.value for i in app.info)
    assert "**Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2024\\.**" in body
    captions = [c.value.replace("\\", "") for c in app.caption]  # markdown escapes aside
    assert any(c.startswith("Vị trí: Chương VIII. ĐIỀU KHOẢN THI HÀNH › Điều 52. Hiệu lực thi hành") for c in captions)
    assert any(c.startswith("Luật · 20/2023/QH15 · Quốc hội · 22/6/2023") for c in captions)  # the header
    app.button(key="next-1-1").click().run()  # the next Điều, the view staying open
    assert any(i.value == "Đang xem: Điều 53" for i in app.info)
    assert "**Điều 53\\. Quy định chuyển tiếp" in texts(app)
    app.button(key="prev-1-1").click().run()
    app.button(key="prev-1-1").click().run()
    assert any(i.value == "Đang xem: Điều 51" for i in app.info)
    app.button(key="doc-1-1").click().run()  # closed
    assert not any("Đang xem" in i.value for i in app.info)


def test_follow_up_question_shows_how_it_was_understood(app):
    app.chat_input[0].set_value("Luật Giao dịch điện tử có hiệu lực thi hành từ ngày nào?").run()
    app.chat_input[0].set_value("Văn bản đó do cơ quan nào ban hành?").run()
    assert not app.exception
    captions = " ".join(c.value for c in app.caption)
    assert "Câu hỏi được hiểu là: Luật Giao dịch điện tử (20/2023/QH15) do cơ quan nào ban hành?" in captions
    assert "Quốc hội" in texts(app)


def test_question_interrupted_by_a_rerun_is_still_answered(app):
    # A question whose answer was cut short by a rerun stays in the history without a reply.
    app.session_state["history"] = [{"role": "user", "content": "Bình Phước đứng thứ mấy về chỉ số DTI?"}]
    app.run()
    assert not app.exception
    assert "9/63" in texts(app)
    assert [m["role"] for m in app.session_state["history"]] == ["user", "assistant"]


def test_document_markup_is_shown_as_text():
    from markdown_it import MarkdownIt

    from hoidap.ui_text import escape, highlighted

    hostile = "<script>alert(1)</script> [bấm](http://evil.example) **đậm** <img src=x onerror=y>\n# tiêu đề"
    html = MarkdownIt("commonmark").render(escape(hostile))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<strong>" not in html and "<h1>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "**đậm**" in html
    marked = MarkdownIt("commonmark").render(highlighted(hostile, [(0, 25)]))
    assert "<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>" in marked and "<a " not in marked


def test_unexpected_failure_reads_as_a_sentence(app, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("chroma exploded")

    monkeypatch.setattr("hoidap.service.HoidapService.ask_stream", broken)
    app.chat_input[0].set_value("chuyển đổi số").run()
    assert not app.exception
    assert any("Hệ thống gặp lỗi" in e.value for e in app.error)
    assert "chroma exploded" not in texts(app)


def test_missing_index_reads_as_a_vietnamese_sentence(tmp_path, monkeypatch):
    from core.settings import get_settings

    monkeypatch.setenv("HOIDAP_INDEX_DIR", str(tmp_path / "none"))
    get_settings.cache_clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.chat_input[0].set_value("chuyển đổi số").run()
    get_settings.cache_clear()
    assert not at.exception
    assert any("Chưa có chỉ mục tài liệu" in e.value for e in at.error)


def test_library_search_ignores_accents_and_case():
    from hoidap.ui_library import library_label, search_matches

    doc = {"doc_type": "Nghị định", "number": "13/2023/NĐ-CP", "title": "Nghị định Bảo vệ dữ liệu cá nhân",
           "issuer": "Chính phủ", "source": "x.jsonl", "doc_id": "x"}
    assert search_matches(doc, "nghi dinh 13") and search_matches(doc, "DỮ LIỆU cá nhân") and search_matches(doc, "")
    assert not search_matches(doc, "luật 13")
    assert library_label(doc) == "Nghị định 13/2023/NĐ-CP — Nghị định Bảo vệ dữ liệu cá nhân"


def test_small_things_that_matter(app):
    """A comment after the vote is kept; the answer can be copied as plain text; an over-long question is kept."""
    from core.settings import get_settings
    from hoidap.feedback import FeedbackStore

    app.chat_input[0].set_value("Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?").run()
    app.feedback(key="fb-1").set_value(0).run()  # vote first …
    app.text_input(key="comment-1").input("Thiếu số liệu năm 2024").run()  # … the comment box is still there
    app.button(key="send-1").click().run()
    assert not app.exception
    row = FeedbackStore(get_settings().feedback_db).rows()[-1]
    assert row["useful"] is False and row["comment"] == "Thiếu số liệu năm 2024"
    copied = [c.value for c in app.code][0]
    assert "844 tỷ đồng" in copied and "[1] " in copied and "binh-phuoc-lam-viec-bo-tttt.txt" in copied
    long_question = "Chuyển đổi số " * 400
    app.chat_input[0].set_value(long_question).run()
    assert any("Câu hỏi quá dài" in e.value for e in app.error)
    assert app.text_area(key="too_long_text").value == long_question
