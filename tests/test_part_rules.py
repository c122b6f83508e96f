"""Rules of Vietnamese and of legal text added in the eighteenth session (each switchable; see the README's ablation):
the parts of a compound question joined by more words or depending on the first, follow-ups that ask for brevity, name
only another document, ask why or point back to nothing, a paragraph read under its heading item, grades and levels of
government a passage must state, a sentence's own target years, a duration's unit, and the content of a document the
index does not hold."""

import re

from core.models import DocMeta
from hoidap.answer.conversation import Turn, resolutions
from hoidap.answer.select import SelectRules, candidates
from hoidap.query import Analyser
from hoidap.query.compound import compound_parts
from hoidap.retrieve import Passage
from index.store import StoredChunk

WEIGHT = lambda term: 1.0  # noqa: E731


def _chunk(text: str, doc: DocMeta = DocMeta(doc_type="Quyết định", number="2629/QĐ-TTg")):
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]  # a sentence a line
    return StoredChunk("c", "d", 0, text, 0, len(text), "", "", spans, doc, "d.md")


def _texts(question: str, text: str, rules: SelectRules = SelectRules(), **analyser) -> list[str]:
    query = Analyser(WEIGHT, **analyser).analyse(question)
    return [c.text for c in candidates(query, [Passage(_chunk(text), 1.0)], WEIGHT, rules)]


def test_more_words_join_two_questions():
    question = "Thông tư 18/2018/TT-NHNN có áp dụng cho quỹ tín dụng nhân dân không, kèm theo đó thông tư có hiệu lực từ ngày nào?"
    parts = compound_parts(question, True, more_joiners=True)
    assert len(parts) == 2 and parts[0].endswith("quỹ tín dụng nhân dân không?") and "hiệu lực từ ngày nào" in parts[1]
    assert compound_parts(question, True) == [question]  # the switch off
    # "cũng như" inside a noun phrase joins no questions: the first piece asks nothing
    assert len(compound_parts("Các bộ, cũng như các địa phương, phải báo cáo trước ngày nào?", True, True)) == 1


def test_a_later_part_about_what_the_first_asks_is_said_as_the_first_says_it():
    question = "Cơ quan nào chủ trì xây dựng Quyết định ban hành Chương trình quốc gia, và cơ quan đó phải hoàn thành trước ngày nào?"
    parts = compound_parts(question, True, dependent=True)
    assert parts[1] == "Cơ quan chủ trì xây dựng Quyết định ban hành Chương trình quốc gia phải hoàn thành trước ngày nào?"
    assert compound_parts(question, True)[1] == "cơ quan đó phải hoàn thành trước ngày nào?"  # the switch off


def test_a_brevity_request_before_a_colon_asks_nothing():
    from hoidap.terms import request_opened

    assert request_opened("Tóm lại một câu thôi: tổ này là gì?", brevity=True) == "Tổ này là gì?"
    assert request_opened("Nói ngắn gọn: Nghị định 13 có hiệu lực từ ngày nào?", brevity=True).startswith("Nghị định 13")
    assert request_opened("Tóm lại một câu thôi: tổ này là gì?") == "Tóm lại một câu thôi: tổ này là gì?"  # the switch off
    assert request_opened("Tóm tắt nội dung Điều 5", brevity=True) == "Tóm tắt nội dung Điều 5"  # a request of its own
    assert Analyser(WEIGHT, request=True, brevity=True).analyse("Tóm lại một câu thôi: tổ này là gì?").brief  # one sentence
    assert not Analyser(WEIGHT, request=True).analyse("Tóm lại một câu thôi: tổ này là gì?").brief


def test_a_follow_up_naming_only_another_document_asks_the_previous_question_of_it():
    previous = Turn("Luật Giao dịch điện tử 2023 có hiệu lực thi hành từ ngày nào?", ["Luật Giao dịch điện tử (20/2023/QH15)"])
    assert resolutions("Còn bên NĐ 174 thì sao?", previous, switch_document=True) == ["NĐ 174 có hiệu lực thi hành từ ngày nào?"]
    by_number = Turn("Nghị định 13/2023/NĐ-CP có hiệu lực từ ngày nào?", ["Nghị định 13/2023/NĐ-CP"])
    assert resolutions("Thế còn theo Quyết định 2629?", by_number, switch_document=True) == [
        "Quyết định 2629 có hiệu lực từ ngày nào?"
    ]
    # a question of its own about that document is no switch
    assert resolutions("Còn NĐ 174 quy định mức phạt nào thì sao?", previous, switch_document=True) != [
        "NĐ 174 có hiệu lực thi hành từ ngày nào?"
    ]
    assert resolutions("Còn bên NĐ 174 thì sao?", previous) != ["NĐ 174 có hiệu lực thi hành từ ngày nào?"]  # off


def test_a_follow_up_pointing_to_nothing_falls_back_on_the_previous_topic():
    previous = Turn("Kế hoạch 617 đặt ra các mốc tỷ lệ doanh nghiệp ứng dụng công nghệ số như thế nào?", ["Kế hoạch 617/KH-UBND"])
    readings = resolutions("Đến mốc nào thì phải đạt 100%?", previous, topic_fallback=True)
    assert readings[0] == "Đến mốc nào thì phải đạt 100%?" and "Kế hoạch 617" in readings[1]  # alone first
    assert resolutions("Đến mốc nào thì phải đạt 100%?", previous) == ["Đến mốc nào thì phải đạt 100%?"]  # off
    # a follow-up naming a document asks of it
    assert len(resolutions("Nghị định 13 có hiệu lực từ ngày nào?", previous, topic_fallback=True)) == 1


def test_why_after_an_answer_asks_what_its_topic_is_for():
    previous = Turn("Bộ trưởng gợi ý tỉnh nên xem xét xây dựng công trình gì tại địa phương?", ["Bài báo"])
    assert resolutions("Tại sao lại cần xây cái đó?", previous, why=True) == [
        "Bộ trưởng gợi ý tỉnh nên xem xét xây dựng công trình tại địa phương để làm gì?"
    ]
    assert resolutions("Tại sao lại cần xây cái đó?", previous)[0] != "Bộ trưởng gợi ý tỉnh nên xem xét xây dựng công trình tại địa phương để làm gì?"


def test_a_paragraph_is_read_under_its_heading_item_which_alone_answers_nothing():
    text = "4. Sở Văn hoá, Thể thao và Du lịch\nĐịnh hướng các cơ quan truyền thông trên địa bàn tỉnh đẩy mạnh tuyên truyền.\n"
    question = "Sở Văn hoá, Thể thao và Du lịch làm gì?"
    found = _texts(question, text)
    assert found[0].startswith("4. Sở Văn hoá") and "Định hướng" in found[0]  # the paragraph, under its heading
    assert not any(t == "4. Sở Văn hoá, Thể thao và Du lịch" for t in found)
    off = _texts(question, text, SelectRules(paragraph_heading=False))
    assert "4. Sở Văn hoá, Thể thao và Du lịch" in off  # the switch off: the heading alone is quoted


def test_a_grade_asked_must_be_stated():
    from hoidap.query.asked import grades_named, states_grade

    assert grades_named("đạt cấp độ 4 mức độ trưởng thành") == ["cap do 4"]
    assert grades_named("ngân hàng 95%") == [] and grades_named("hệ thống cấp độ 3 trở lên") == []
    assert not states_grade(("cap do 4",), "100% bo nganh dat cap do 3 muc do truong thanh")
    assert states_grade(("cap do 4",), "he thong cap do 3 tro len") and states_grade(("cap do 4",), "cap do 3, 4 va 5")
    assert not states_grade(("nhom a",), "du an nhom b va nhom c")
    text = "- 100% bộ, ngành, địa phương đạt cấp độ 3 mức độ trưởng thành về quản trị dữ liệu.\n"
    question = "Bao nhiêu phần trăm bộ, ngành đạt cấp độ 4 mức độ trưởng thành về quản trị dữ liệu?"
    assert not _texts(question, text)
    assert _texts(question, text, SelectRules(grades=False))  # the switch off


def test_a_level_of_government_asked_must_be_named():
    text = "Phạt tiền đến 80.000.000 đồng đối với hành vi vi phạm về tiêu chuẩn, quy chuẩn trong lĩnh vực viễn thông.\n"
    question = "Chủ tịch UBND cấp huyện được phạt tiền tối đa bao nhiêu trong lĩnh vực viễn thông?"
    assert not _texts(question, text)
    assert _texts(question, text, SelectRules(level_named=False))  # the switch off
    assert _texts(question, "Ủy ban nhân dân huyện phạt tiền đến 50.000.000 đồng trong lĩnh vực viễn thông.\n")


def test_a_sentence_stating_other_target_years_does_not_answer():
    text = "Đến năm 2030, kinh tế số của tỉnh chiếm khoảng 30% GRDP.\n"
    question = "Đến năm 2025 kinh tế số của tỉnh chiếm khoảng bao nhiêu phần trăm GRDP?"
    rules = SelectRules(required_names=False)  # the document's target years are another rule's
    assert not _texts(question, text, rules)
    assert _texts(question, text, SelectRules(required_names=False, own_horizon=False))  # the switch off


def test_a_duration_asked_in_a_unit_is_answered_in_that_unit():
    from hoidap.answer.carries import carries
    from hoidap.query import DURATION

    passage = Passage(_chunk("x"), 1.0)
    assert not carries(DURATION, "Báo cáo thực hiện | Năm 2025-2030", passage, "gio", duration_unit=True)
    assert carries(DURATION, "Báo cáo thực hiện | Năm 2025-2030", passage, "gio")  # the switch off
    assert carries(DURATION, "học tối thiểu 40 tiếng mỗi năm", passage, "gio", duration_unit=True)
    assert carries(DURATION, "trong thời hạn 01 năm", passage, "thang", duration_unit=True)


def test_the_content_of_a_document_not_held_is_not_answered_from_one_citing_it():
    from hoidap.answer.extractive import asks_of_unheld
    from hoidap.query.documents import SHORT_REF

    assert SHORT_REF.findall("qd 2629 quy dinh") == [("qd", "2629", "")]  # not 262: "quy" of "quy định" is no quý
    assert SHORT_REF.findall("nghi dinh 88/2025 quy dinh") == [("nghi dinh", "88", "2025")]
    held = frozenset({"13/2023/nđ-cp"})
    query = Analyser(WEIGHT, indexed_numbers=held, unheld_subject=True).analyse("nđ 88/2025 quy định mức khoán chi tối đa là bao nhiêu")
    assert query.unheld_subject == "Nghị định 88/2025" and asks_of_unheld(query)
    framed = Analyser(WEIGHT, indexed_numbers=held, unheld_subject=True).analyse(
        "Hà Nội ưu tiên hoàn thiện bao nhiêu cơ sở dữ liệu theo Nghị quyết 214/2025/NQ-CP?"
    )
    assert not framed.unheld_subject  # named as the frame further on: the plan citing it answers
    when = Analyser(WEIGHT, indexed_numbers=held, unheld_subject=True).analyse("Nghị định 88/2025 ban hành ngày nào?")
    assert not asks_of_unheld(when)  # its date may be stated by a document citing it
    assert not Analyser(WEIGHT, indexed_numbers=held).analyse("nđ 88/2025 quy định mức khoán chi là bao nhiêu").unheld_subject
