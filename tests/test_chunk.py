"""Structure-aware chunking on real documents."""

import re
from pathlib import Path

import pytest

from ingest.pipeline import process_file

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def law():
    rel = "van-ban/luat-giao-dich-dien-tu-20-2023-QH15.md"
    result = process_file(CORPUS / rel, rel, 110, 1, 10**8)
    assert not result.error
    return result


def test_chunks_are_exact_spans_of_the_document(law):
    doc = law.documents[0]
    for chunk in law.chunks:
        assert doc.text[chunk.start : chunk.end] == chunk.text
        for s, e in chunk.sentence_spans:
            assert 0 <= s < e <= len(chunk.text)


def test_a_chunk_never_spans_two_articles(law):
    for chunk in law.chunks:
        assert len(re.findall(r"^Điều \d+\.", chunk.text, re.M)) <= 1
        if chunk.label.startswith("Điều"):
            number = chunk.label.split(",")[0]
            assert chunk.heading.startswith(number + ".")


def test_long_article_splits_at_khoan_with_labels(law):
    labels = [c.label for c in law.chunks if c.label.startswith("Điều 22,")]
    assert labels, "Điều 22 (Chữ ký điện tử) is long and must be split"
    assert all("khoản" in lb for lb in labels)
    assert labels[0].startswith("Điều 22, khoản 1")
    short = [c for c in law.chunks if c.label == "Điều 2"]
    assert len(short) == 1 and short[0].text.startswith("Điều 2. Đối tượng áp dụng")


def test_chunk_ids_are_stable_and_unique(law):
    rel = "van-ban/luat-giao-dich-dien-tu-20-2023-QH15.md"
    again = process_file(CORPUS / rel, rel, 110, 1, 10**8)
    assert [c.chunk_id for c in again.chunks] == [c.chunk_id for c in law.chunks]
    assert len({c.chunk_id for c in law.chunks}) == len(law.chunks)


def test_chunks_stay_short_enough_to_cite(law):
    lengths = [len(c.text) for c in law.chunks]
    assert max(lengths) < 1500
    assert sum(lengths) / len(lengths) < 700


def test_bm25_tokens_keep_vietnamese_letters_and_folded_forms(law):
    tokens = set(law.chunks[5].tokens) | {t for c in law.chunks for t in c.tokens}
    assert "giao_dịch" in tokens and "~giao_dich" in tokens and "điện_tử" in tokens


def test_prose_is_chunked_by_sentences_with_section_labels():
    rel = "van-ban/nghi-quyet-57-NQ-TW-2024.md"
    result = process_file(CORPUS / rel, rel, 110, 1, 10**8)
    assert not result.error
    assert any(c.label.startswith("II. 1. Đến năm 2030") for c in result.chunks)
    assert all(not c.label.startswith("Điều") for c in result.chunks)


def test_a_stop_without_a_space_after_it_does_not_end_a_sentence():
    from ingest.segment import sentence_spans

    text = "Tên miền có dạng: tencoquan.tentinhthanh.gov.vn, trong đó tencoquan là tên. Truy cập data.gov.vn ngay."
    sentences = [text[s:e] for s, e in sentence_spans(text, 0, len(text))]
    assert sentences == [
        "Tên miền có dạng: tencoquan.tentinhthanh.gov.vn, trong đó tencoquan là tên.",
        "Truy cập data.gov.vn ngay.",
    ]



def test_a_period_before_a_lower_case_word_does_not_end_a_sentence():
    """NĐ 174/2026 as its scan was read: "… trong trường hợp. / giá trị hàng hóa …" is one sentence (the OCR's period
    ends none); a point's letter after a period opens one."""
    from ingest.segment import sentence_spans

    text = ("c) Phạt tiền từ 80.000.000 đồng đến 100.000.000 đồng trong trường hợp. giá trị hàng hóa vi phạm từ "
            "100.000.000 đồng. Câu khác. d) Điểm sau.")
    assert [text[s:e] for s, e in sentence_spans(text, 0, len(text))] == [
        "c) Phạt tiền từ 80.000.000 đồng đến 100.000.000 đồng trong trường hợp. giá trị hàng hóa vi phạm từ 100.000.000 đồng.",
        "Câu khác.",
        "d) Điểm sau.",
    ]

def test_table_rows_keep_their_cells_and_carry_the_header():
    from core.models import DocMeta, Document
    from ingest.chunk import chunk_document
    from ingest.normalize import to_display_text

    rows = "\n".join(
        f"| {i} | Tỷ lệ người dân trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân đạt {50 + i}%. Chỉ tiêu số {i} "
        f"về dịch vụ số cho người dân trên địa bàn tỉnh trong giai đoạn tới | Sở số {i} |"
        for i in range(1, 13)
    )
    markdown = (
        "# KẾ HOẠCH\n\nPHỤ LỤC PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU\n\n| **TT** | **Chỉ tiêu** | **Chủ trì** |\n|---|---|---|\n"
        "| **II. Xã hội số** |\n" + rows + "\n"
    )
    text, _ = to_display_text(markdown, "markdown")
    assert "6 | Tỷ lệ người dân trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân đạt 56%." in text
    chunks = chunk_document(Document("d", "d.md", text, DocMeta()), 110, 0)
    later = [c for c in chunks if "Sở số 12" in c.text][0]
    assert "TT | Chỉ tiêu | Chủ trì" not in later.text and later.heading.endswith("TT | Chỉ tiêu | Chủ trì")
    assert {"chủ", "trì"} <= set(later.tokens)  # "… giao ai chủ trì?" finds the row by its header
    for start, end in later.sentence_spans:  # a row is one sentence, its '.' inside a cell notwithstanding
        assert later.text[start:end].count(" | ") == 2


def test_a_chunk_inside_a_list_carries_what_the_list_is_of():
    from core.models import DocMeta, Document
    from ingest.chunk import chunk_document

    items = "\n".join(f"- {70 + i}% hồ sơ dịch vụ công trực tuyến loại {i} được xử lý toàn trình trên môi trường số." for i in range(12))
    text = ("I. MỤC TIÊU\nMột số chỉ tiêu cơ bản bao gồm:\n- Giai đoạn 2025-2027\n" + items + "\n- Giai đoạn 2028-2030\n" + items
            + "\nII. NHIỆM VỤ\nCác bộ, ngành triển khai các nhiệm vụ sau đây theo chức năng được giao trong năm.")
    chunks = chunk_document(Document("d", "d.txt", text, DocMeta()), 40, 0)
    late = [c for c in chunks if c.text.startswith("- ") and c.start > text.index("2028-2030")]
    assert late and all("Một số chỉ tiêu cơ bản bao gồm:" in c.heading and "- Giai đoạn 2028-2030" in c.heading for c in late)
    first = [c for c in chunks if c.text.startswith("- 70%") and c.start < text.index("2028-2030")]
    assert all("2028-2030" not in c.heading for c in first)


def test_no_passage_is_an_article_title_alone():
    """An article whose first khoản is too long for one passage: its title and source note open that khoản's
    first passage instead of standing alone (a passage that names a topic and answers nothing)."""
    rel = next(p.relative_to(CORPUS).as_posix() for p in sorted((CORPUS / "phap-dien").glob("*.jsonl")))
    result = process_file(CORPUS / rel, rel, 110, 1, 10**8)
    assert not result.error
    head_only = []
    for chunk in result.chunks:
        lines = [ln for ln in chunk.text.split("\n") if ln.strip()]
        if re.match(r"Điều \w+\. ", lines[0]) and all(ln.startswith("(") for ln in lines[1:]):
            head_only.append(chunk.label)
    assert not head_only, head_only[:5]
    heads = [c for c in result.chunks if c.text.startswith("Điều 31a.")]
    assert heads and "khoản 1" in heads[0].label and "được phân loại theo các độ tuổi" in heads[0].text
