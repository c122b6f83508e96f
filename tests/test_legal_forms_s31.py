"""Readings of Vietnamese questions and legal text added in session 31: a chat form standing for a question word asks
only where no question word is written out (HOIDAP_RULE_ONE_QUESTION_WORD); a follow-up's topic that names the cited
document by a short reference does not name it twice; "những trường nào?" asks a list of bodies; "… sửa đổi, bổ sung,
bãi bỏ một phần bởi những nghị định nào?" asks what amended an article, which its Pháp điển source note states."""

from core.models import DocMeta
from hoidap.answer.conversation import Turn, resolutions
from hoidap.answer.select import SelectRules, candidates, notes_force
from hoidap.query import LIST, NUMBER, OTHER, Analyser
from hoidap.query.expansions import spelled_out
from hoidap.retrieve import Passage
from index.store import StoredChunk
from tests.passages import line_passage as _passage, unit_weight as _weight


def test_a_chat_form_of_a_question_word_asks_only_where_none_is_written():
    named = "kh 144 bn phát triển hạ tầng cn số của tỉnh theo mô hình gì"
    assert ("bn", "bao nhiêu") not in spelled_out(named, {}, one_question_word=True)
    assert ("bn", "bao nhiêu") in spelled_out(named, {})  # the rule off: read as before
    assert ("bn", "bao nhiêu") in spelled_out("kh 308 hn tổng kinh phí thực hiện bn tỷ đồng", {}, one_question_word=True)
    assert Analyser(_weight, one_question_word=True).analyse(named).answer_type == OTHER
    assert Analyser(_weight).analyse(named).answer_type == NUMBER


def test_a_follow_up_topic_naming_the_cited_document_by_a_short_reference_does_not_name_it_twice():
    previous = Turn(
        "Theo báo cáo 402, hiện có những loại giấy tờ nào đã có thông tin trên CSDL quốc gia về dân cư?",
        cited_documents=["Công văn 402-CV/VPĐU"],
    )
    resolved = resolutions("Tổng cộng là mấy loại?", previous, topic_fallback=True)[-1]
    assert "báo cáo 402" in resolved and "402-CV/VPĐU" not in resolved
    other = Turn("Hiện có những loại giấy tờ nào đã có thông tin trên CSDL quốc gia về dân cư?",
                 cited_documents=["Công văn 402-CV/VPĐU"])
    assert "theo Công văn 402-CV/VPĐU" in resolutions("Tổng cộng là mấy loại?", other, topic_fallback=True)[-1]


def test_which_schools_asks_a_list_of_bodies():
    text = ("- (3) Nhiệm vụ: Lựa chọn tối thiểu 03 cơ sở nghiên cứu trí tuệ nhân tạo: Bộ Giáo dục và Đào tạo đã lựa chọn "
            "Đại học Bách Khoa Hà Nội, Đại học Quốc gia Hà Nội và Đại học Quốc gia Thành phố Hồ Chí Minh.")
    query = Analyser(_weight).analyse("Bộ Giáo dục và Đào tạo đã lựa chọn những trường nào làm cơ sở nghiên cứu trí tuệ nhân tạo?")
    assert query.answer_type == LIST and query.listed == "truong"
    passage = _passage(text, "402-CV/VPĐU", "Công văn", "II")
    assert any(c.type_match for c in candidates(query, [passage], _weight))
    assert not any(c.type_match for c in candidates(query, [passage], _weight, SelectRules(listed_bodies=False)))


def test_what_amended_an_article_is_asked_with_every_amending_verb():
    asked = Analyser(_weight).analyse(
        "Điều 33 Nghị định 72/2013 đã được sửa đổi, bổ sung, bãi bỏ một phần bởi những nghị định nào?"
    )
    assert notes_force(asked)
    assert notes_force(Analyser(_weight).analyse("Điều 23 Nghị định 72/2013 đã được sửa đổi, bổ sung bởi văn bản nào?"))
    assert not notes_force(Analyser(_weight).analyse("Điều 33 Nghị định 72/2013 quy định những điều kiện nào?"))


def test_a_lettered_field_is_read_with_its_task_block():
    from hoidap.answer.items import block_of_field

    text = ("- Tổ chức triển khai, sử dụng thống nhất các nền tảng số quốc gia dùng chung.\n"
            "b) Cơ quan thực hiện:\n- Đơn vị chủ trì: Các Sở, ban, ngành Thành phố.\n"
            "c) Thời gian thực hiện: Hoàn thành trong năm 2025.")
    passage = _passage(text, "308/KH-UBND", "Kế hoạch", "II. 2")
    start = text.index("c)")
    assert "sử dụng thống nhất" in block_of_field(passage.chunk, start)
    assert block_of_field(passage.chunk, text.index("- Đơn vị")) == ""  # no lettered field
    query = Analyser(_weight).analyse("Nhiệm vụ sử dụng thống nhất các nền tảng số quốc gia dùng chung phải hoàn thành khi nào?")

    def deadline(rules: SelectRules):
        return next(c for c in candidates(query, [passage], _weight, rules) if c.text.startswith("c)"))

    on, off = deadline(SelectRules()), deadline(SelectRules(block_fields=False))
    assert on.type_match and on.sentence_coverage > off.sentence_coverage


def test_a_date_written_out_does_not_push_the_document_word_out_of_its_window():
    from hoidap.terms import document_years

    dated = "Kế hoạch của Đảng đoàn Quốc hội ngày 10/01/2025 giao Tổ đảng … những luật nào?"
    assert document_years(dated, number_dates=True) == ["2025"]
    assert document_years(dated) == []  # HOIDAP_RULE_NUMBER_DATES off: counted as before
    assert document_years("Kế hoạch của Đảng đoàn Quốc hội ngày 10 tháng 01 năm 2025 giao …?", number_dates=True) == ["2025"]
    assert document_years("Năm 2025 tỷ trọng kinh tế số đạt bao nhiêu?", number_dates=True) == []


def test_a_point_letter_an_ocr_lost_is_given_back():
    from ingest.normalize import restore_point_letters, to_display_text

    scanned = "3. Phạt tiền từ 10.000.000 đồng đến 15.000.000 đồng đối với một trong các hành vi sau:\nc) Thiết lập …;\n" \
              "d) Không thực hiện …;\n.) Hoạt động ngoài khoảng thời gian từ 08 giờ sáng đến 22 giờ đêm hàng ngày;"
    assert restore_point_letters(scanned).endswith("đ) Hoạt động ngoài khoảng thời gian từ 08 giờ sáng đến 22 giờ đêm hàng ngày;")
    assert restore_point_letters("2. Phạt tiền đối với các hành vi sau:\n#) Không phân loại trò chơi …").endswith("a) Không phân loại trò chơi …")
    assert restore_point_letters("Lời nói đầu\n.) lạ") == "Lời nói đầu\n.) lạ"  # no clause, no point: its place is unknown
    assert "đ) Hoạt động ngoài" in to_display_text(scanned, "pdf")[0]


def test_an_article_title_ranks_below_its_content():
    from hoidap.answer.select import is_title_line

    text = "Điều 82. Trách nhiệm của Văn phòng Chính phủ\nPhát triển, vận hành và duy trì cổng Thông tin điện tử Chính phủ."
    chunk = StoredChunk("c", "d", 1, text, 0, len(text), "Điều 82", "Điều 82. Trách nhiệm của Văn phòng Chính phủ",
                        [(0, 8), (9, 44), (45, len(text))], DocMeta(doc_type="Nghị định", number="224/2026/NĐ-CP"), "d.md")
    assert is_title_line(chunk, "Trách nhiệm của Văn phòng Chính phủ")
    assert not is_title_line(chunk, "Phát triển, vận hành và duy trì cổng Thông tin điện tử Chính phủ.")
    query = Analyser(_weight).analyse("Nghị định 224 giao Văn phòng Chính phủ trách nhiệm gì?")
    first = candidates(query, [Passage(chunk, 1.0)], _weight)[0]
    assert first.text.startswith("Phát triển")
    off = candidates(query, [Passage(chunk, 1.0)], _weight, SelectRules(title_lines=False))
    assert off[0].text.startswith("Trách nhiệm")  # the rule off: the title, first in the article, wins the tie


def test_an_article_whose_one_sentence_follows_its_number_has_no_title():
    from hoidap.answer.select import is_title_line

    sentence = "Ban hành kèm theo Nghị quyết này Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW."
    text = f"Điều 1. {sentence}"
    chunk = StoredChunk("c", "d", 1, text, 0, len(text), "Điều 1", text, [(0, 7), (8, len(text))],
                        DocMeta(doc_type="Nghị quyết", number="03/NQ-CP"), "d.md")
    assert not is_title_line(chunk, sentence)
