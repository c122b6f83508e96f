"""A số hiệu as questions write it (hoidap/query/codes.py), a question sent as chat lines, "Điều đó" in a follow-up,
and a document's recipients ("Nơi nhận") — on the real stack, with a small plan indexed for the purpose."""

from __future__ import annotations

import pytest
from conftest import switched

from hoidap.answer.conversation import Turn, pointed_unit, resolutions
from hoidap.answer.signature import recipients_block
from hoidap.query.asked import RECIPIENTS_ASKED
from hoidap.query.codes import plain_code_marks, types_from_codes
from hoidap.query.message import without_chat_frame

PLAN = """# KẾ HOẠCH

ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH

Số: 97/KH-UBND

Hòa Bình, ngày 12 tháng 5 năm 2025

KẾ HOẠCH

Số hóa hồ sơ lưu trữ của các cơ quan hành chính tỉnh Hòa Bình năm 2025

## Điều 1. Mục tiêu số hóa

1. Đến hết năm 2025, 80% hồ sơ lưu trữ lịch sử của tỉnh được số hóa.

## Điều 2. Trách nhiệm của Sở Nội vụ

1. Sở Nội vụ chủ trì hướng dẫn các cơ quan lập danh mục hồ sơ cần số hóa trước ngày 30 tháng 6 năm 2025.

2. Sở Tài chính bố trí kinh phí số hóa từ nguồn ngân sách tỉnh.

Nơi nhận:

- Bộ Nội vụ;
- Thường trực Tỉnh ủy;
- Các sở, ban, ngành tỉnh;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN

KT. CHỦ TỊCH

PHÓ CHỦ TỊCH

Nguyễn Văn Bình
"""


def test_the_code_inside_a_so_hieu_sets_the_type_word_right():
    assert types_from_codes("Quyết định 174/2026/NĐ-CP bãi bỏ nghị định nào?") == "Nghị định 174/2026/NĐ-CP bãi bỏ nghị định nào?"
    assert types_from_codes("Trong thông báo số 402-CV/VPĐU") == "Trong công văn số 402-CV/VPĐU"
    assert types_from_codes("cong van so 3260-KH/DDQH15 do ai ky") == "ke hoach so 3260-KH/DDQH15 do ai ky"
    assert types_from_codes("QĐ 03/NQ-CP giao gì?") == "Nghị quyết 03/NQ-CP giao gì?"
    # "QĐ" numbers both a Quyết định and the Party's Quy định: either is kept, a third type word dropped
    assert types_from_codes("Quy định 384-QĐ/TW quy định gì?") == "Quy định 384-QĐ/TW quy định gì?"
    assert types_from_codes("Nghị quyết 384-QĐ/TW quy định gì?") == "384-QĐ/TW quy định gì?"
    for agreed in ("Nghị quyết 57-NQ/TW", "Luật 20/2023/QH15", "Kế hoạch số 308/KH-UBND", "Chương trình 2629/QĐ-TTg", "NQ 57"):
        assert types_from_codes(agreed) == agreed


def test_copy_pasted_marks_inside_a_so_hieu_are_plain():
    assert plain_code_marks("Nghị định 174/2026/NĐ–CP") == "Nghị định 174/2026/NĐ-CP"
    assert plain_code_marks("QĐ ２６２９/QĐ‑TTg") == "QĐ 2629/QĐ-TTg"
    assert plain_code_marks("NĐ 224/2026/NĐ – CP") == "NĐ 224/2026/NĐ-CP"
    assert plain_code_marks("Hà Nội – Bắc Ninh") == "Hà Nội – Bắc Ninh"  # a dash between words is no số hiệu
    assert plain_code_marks("giữa tháng 12/2025 — theo kế hoạch") == "giữa tháng 12/2025 — theo kế hoạch"


def test_chat_lines_are_read_as_one_question():
    sent = "[9:02] Hà: cho em hỏi cái kế hoạch 308\n[9:02] Hà: bên sở nào chủ trì vậy"
    assert without_chat_frame(sent) == "cho em hỏi cái kế hoạch 308, bên sở nào chủ trì vậy"
    assert without_chat_frame("Hà: hỏi cái này\nHà: kế hoạch 308 ai chủ trì?") == "hỏi cái này, kế hoạch 308 ai chủ trì?"
    for plain in ("Hỏi: kế hoạch 308\nai chủ trì?", "Dòng 1\nDòng 2: chủ trì là ai?", "[9:02] Hà: một dòng"):
        assert without_chat_frame(plain) == plain


def test_dieu_do_names_the_unit_the_last_answer_led_with():
    assert pointed_unit("Điều đó tên là gì?", "Điều 16, khoản 1", "Quy định 384-QĐ/TW") == "Điều 16 Quy định 384-QĐ/TW tên là gì?"
    assert pointed_unit("Khoản này áp dụng cho ai?", "Điều 16, khoản 1", "Quy định 384-QĐ/TW") == (
        "Khoản 1 Điều 16 Quy định 384-QĐ/TW áp dụng cho ai?"
    )
    assert pointed_unit("Khoản này áp dụng cho ai?", "Điều 16", "Quy định 384-QĐ/TW") == ""  # an article cited whole
    assert pointed_unit("Điều 5 tên là gì?", "Điều 16", "Quy định 384-QĐ/TW") == ""
    previous = Turn("Theo Quy định 384-QĐ/TW, … bao nhiêu ngày?", ["Quy định 384-QĐ/TW"], cited_label="Điều 16, khoản 1")
    assert resolutions("Điều đó tên là gì?", previous, pointed=True) == ["Điều 16 Quy định 384-QĐ/TW tên là gì?"]
    assert resolutions("Điều đó tên là gì?", previous, pointed=False) != ["Điều 16 Quy định 384-QĐ/TW tên là gì?"]


def test_the_recipients_list_is_found_in_lines_and_in_a_table_cell():
    text = "3. Định kỳ báo cáo.\n\nNơi nhận:\n\n- Ban Bí thư (để b/c),\n- VPTW, VPCP,\n\nT/M ĐẢNG ĐOÀN"
    start, end = recipients_block(text)
    assert text[start:end] == "Nơi nhận:\n\n- Ban Bí thư (để b/c),\n- VPTW, VPCP,"
    row = "| Nơi nhận: - Bộ Công An; - Lưu: VT. | **TM. ỦY BAN NHÂN DÂN** |"
    start, end = recipients_block(row)
    assert row[start:end].strip() == "Nơi nhận: - Bộ Công An; - Lưu: VT."
    assert recipients_block("Điều 3. Tổ chức thực hiện") is None
    for asked in ("ke hoach 308 gui cho nhung noi nao", "noi nhan cua nghi dinh 224", "van ban do duoc gui toi nhung co quan nao"):
        assert RECIPIENTS_ASKED.search(asked)
    assert not RECIPIENTS_ASKED.search("ke hoach 308 gui bao cao ve so nao truoc ngay 15")
    assert not RECIPIENTS_ASKED.search("nd 224 kh cds cua ubnd tinh ban hanh xong thi gui ve dau de theo doi")


@pytest.fixture(scope="module")
def plan_service(tmp_path_factory, embedder):
    from core.settings import Settings
    from hoidap.service import HoidapService

    base = tmp_path_factory.mktemp("plan")
    (base / "corpus").mkdir()
    (base / "corpus" / "ke-hoach-97-KH-UBND-2025-hoa-binh-so-hoa-ho-so.md").write_text(PLAN, encoding="utf-8")
    service = HoidapService(Settings(corpus_dir=base / "corpus", index_dir=base / "index"))
    service.embedder = embedder
    service.reindex()
    return service


def test_recipients_are_answered_from_the_named_document(plan_service):
    answer = plan_service.ask("Kế hoạch 97/KH-UBND gửi cho những nơi nào?")
    assert not answer.refused and "Bộ Nội vụ" in answer.text and "Thường trực Tỉnh ủy" in answer.text
    off = switched(plan_service, rule_recipients=False).ask("Kế hoạch 97/KH-UBND gửi cho những nơi nào?")
    assert "Thường trực Tỉnh ủy" not in off.text


def test_a_misnamed_type_finds_the_document_its_code_names(plan_service):
    asked = "Quyết định 97/KH–UBND giao Sở Nội vụ lập danh mục hồ sơ trước ngày nào?"
    answer = plan_service.ask(asked)
    assert not answer.refused and "30 tháng 6 năm 2025" in answer.text
    assert switched(plan_service, rule_type_from_code=False).ask(asked).refused


def test_a_follow_up_asks_the_title_of_the_article_just_quoted(plan_service):
    first = plan_service.ask("Theo Kế hoạch 97/KH-UBND, Sở Nội vụ lập danh mục hồ sơ cần số hóa trước ngày nào?")
    assert "30 tháng 6 năm 2025" in first.text
    previous = plan_service.next_turn(first, None)
    assert previous.cited_label.startswith("Điều 2")
    assert "Trách nhiệm của Sở Nội vụ" in plan_service.ask("Điều đó tên là gì?", previous=previous).text
