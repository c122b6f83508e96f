"""Query analysis: abbreviations, answer types, named documents, compound questions."""

import pytest

from hoidap.query import (
    DATE,
    DEFINITION,
    DOCUMENT,
    DURATION,
    LIST,
    NUMBER,
    ORGANISATION,
    PERSON,
    VALIDITY,
    YESNO,
    Analyser,
    compound_parts,
    corpus_abbreviations,
    names_document,
    spelled_out,
)
from core.lexicon import ABBREVIATIONS


def analyse(question, **kw):
    return Analyser(lambda token: 2.0, **kw).analyse(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Luật Giao dịch điện tử có hiệu lực thi hành từ ngày nào?", DATE),
        ("Nghị định 64/2007/NĐ-CP còn hiệu lực không?", VALIDITY),
        ("Văn bản nào thay thế Nghị định 90/2008/NĐ-CP?", VALIDITY),
        ("Văn bản nào quy định mức phạt đối với hành vi gửi tin nhắn rác?", DOCUMENT),
        ("Điều nào quy định về dữ liệu mở?", DOCUMENT),
        ("Chữ ký số là gì?", DEFINITION),
        ("Các hành vi bị nghiêm cấm trong giao dịch điện tử gồm những gì?", LIST),
        ("Giấy phép có thời hạn bao lâu?", DURATION),
        ("Tỷ lệ dịch vụ công trực tuyến toàn trình đạt bao nhiêu?", NUMBER),
        ("Cơ quan nào chủ trì xây dựng cơ sở dữ liệu?", ORGANISATION),
        ("Ai là Bí thư Tỉnh ủy Bình Phước?", PERSON),
        ("Cơ quan đảng có thu phí khi chia sẻ dữ liệu không?", YESNO),
        ("luat giao dich dien tu co hieu luc tu ngay nao", DATE),  # typed without diacritics
    ],
)
def test_answer_types(question, kind):
    assert analyse(question).answer_type == kind


def test_abbreviations_and_chat_forms_are_spelled_out():
    query = analyse("dn cung cấp DVCTT mà ko có giấy phép thì phạt bn")
    assert "dịch vụ công trực tuyến" in query.expanded and "không" in query.expanded and "bao nhiêu" in query.expanded
    assert ("DVCTT", "dịch vụ công trực tuyến") in query.expansions
    assert query.answer_type == NUMBER
    # the abbreviation itself still counts where a document writes it short
    assert any("dvctt" in forms for forms in query.alternates.values())
    assert spelled_out("QĐ 2629 và NQ57", ABBREVIATIONS) == [("QĐ", "Quyết định"), ("NQ57", "Nghị quyết 57")]
    assert spelled_out("Nghị quyết 03/NQ-CP", ABBREVIATIONS) == []  # part of a số hiệu
    assert spelled_out("người dưới 18t", ABBREVIATIONS) == [("18t", "18 tuổi")]
    assert analyse("CĐS là gì", expand=False).expanded == "CĐS là gì"  # the switch


def test_named_documents():
    query = analyse("QĐ 2629 đặt chỉ tiêu gì cho năm 2030?")
    assert query.doc_refs == (("quyet dinh", "2629", ""),)
    assert names_document(query, "2629/QĐ-TTg") and not names_document(query, "2629/NĐ-CP")
    assert names_document(analyse("nghi quyet 57 dat muc tieu gi"), "57-NQ/TW")
    assert names_document(analyse("Nghị định 224/2026/NĐ-CP quy định gì?"), "224/2026/NĐ-CP")
    assert analyse("Điều 16 quy định gì?").articles == ("Điều 16",)


def test_compound_questions_split_into_parts():
    parts = compound_parts("Theo Nghị định 224/2026, thời gian thẩm định tối đa là bao lâu, và thời gian quyết định đầu tư là bao lâu?")
    assert parts == [
        "Theo Nghị định 224/2026, thời gian thẩm định tối đa là bao lâu?",
        "Theo Nghị định 224/2026, thời gian quyết định đầu tư là bao lâu?",
    ]
    assert compound_parts("Nghị định 224/2026 và Nghị định 174/2026 có hiệu lực từ ngày nào?") == [
        "Nghị định 224/2026 có hiệu lực từ ngày nào?",
        "Nghị định 174/2026 có hiệu lực từ ngày nào?",
    ]
    assert compound_parts("Khoa học và công nghệ được đầu tư bao nhiêu?") == ["Khoa học và công nghệ được đầu tư bao nhiêu?"]
    assert len(analyse("Luật có hiệu lực khi nào và ai ban hành?").parts) == 2
    assert analyse("Luật có hiệu lực khi nào và ai ban hành?", split_compound=False).parts == ()


def test_abbreviations_learned_from_the_documents():
    texts = [
        "Bộ Thông tin và Truyền thông (sau đây gọi tắt là BTTTT) chủ trì.",
        "Trung tâm Giám sát an toàn không gian mạng quốc gia (NCSC) phối hợp.",
        "Mô hình thông tin công trình (BIM) được áp dụng.",  # English initials: not learned
    ]
    learned = corpus_abbreviations(texts)
    assert learned["BTTTT"] == "Bộ Thông tin và Truyền thông"
    assert "BIM" not in learned
