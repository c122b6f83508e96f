"""Rules of Vietnamese and of legal text added in the eighteenth session (each switchable; see the README's ablation):
the parts of a compound question joined by more words or depending on the first, follow-ups that ask for brevity, name
only another document, ask why or point back to nothing, a paragraph read under its heading item, grades and levels of
government a passage must state, a sentence's own target years, a duration's unit, the content of a document the
index does not hold; then (second round) questions typed in capitals, numbered sub-questions, confirmations and
corrections, periods and year ends as target years, figures alone in a table's cell, brands typed in lower case,
contrasted qualifiers, particles that count nothing."""

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


def test_a_question_in_capitals_or_title_case_is_read_in_sentence_case():
    from hoidap.query.casing import sentence_cased

    assert sentence_cased("THEO THÔNG TƯ 80/2020/TT-BCA, CÔNG AN ĐỊA PHƯƠNG PHẢI CUNG CẤP THÔNG TIN TRONG BAO LÂU?") == (
        "Theo thông tư 80/2020/TT-BCA, công an địa phương phải cung cấp thông tin trong bao lâu?"
    )
    assert sentence_cased("Qua Một Năm Triển Khai Đề Án 06 Tại Bình Phước, Đã Có Bao Nhiêu Nhiệm Vụ?") == (
        "Qua một năm triển khai đề án 06 tại Bình Phước, đã có bao nhiêu nhiệm vụ?"
    )
    assert sentence_cased("CAC SO BAN NGANH, UBND XA PHUONG BAO CAO QUA SO KH&CN TRUOC NGAY NAO") == (
        "Cac so ban nganh, UBND xa phuong bao cao qua so KH&CN truoc ngay nao"
    )
    typed = "UBND tỉnh Bắc Ninh giao Sở KH&CN làm gì?"
    assert sentence_cased(typed) == typed  # its case says something: kept


def test_numbered_sub_questions_lose_their_numbers():
    question = "Phụ lục I QĐ 2629, giai đoạn 2028-2030: a) Chỉ tiêu 25% giao cơ quan nào? b) Chỉ tiêu 100% giao cơ quan nào?"
    parts = compound_parts(question, True, numbered=True)
    assert parts == [
        "Phụ lục I QĐ 2629, giai đoạn 2028-2030: Chỉ tiêu 25% giao cơ quan nào?",
        "Phụ lục I QĐ 2629, giai đoạn 2028-2030: Chỉ tiêu 100% giao cơ quan nào?",
    ]
    assert "a) " in compound_parts(question, True)[0]  # the switch off


def test_a_confirmation_or_a_correction_is_read_against_the_previous_question():
    previous = Turn("Theo Kế hoạch 308, Sở KH&CN báo cáo lên phần mềm Đề án 06 vào thời điểm nào?", ["Kế hoạch 308/KH-UBND"])
    assert resolutions("Vậy là trước ngày 15 hằng tháng đúng không?", previous, confirm=True) == [previous.question]
    assert resolutions("Vậy là trước ngày 15 hằng tháng đúng không?", previous) != [previous.question]  # off
    targets = Turn("Theo Phụ lục I Nghị quyết 03/NQ-CP, đến năm 2030 phải thu hút thêm bao nhiêu tổ chức?", ["Nghị quyết 03/NQ-CP"])
    assert resolutions("À nhầm, ý tôi là mốc năm 2045 chứ không phải 2030.", targets, correction=True) == [
        "Theo Phụ lục I Nghị quyết 03/NQ-CP, đến năm 2045 phải thu hút thêm bao nhiêu tổ chức?"
    ]


def test_a_period_and_the_end_of_a_year_are_target_years():
    from hoidap.terms import horizon_years, required_terms

    assert "2028" in required_terms("Giai đoạn 2028-2030 chỉ tiêu là bao nhiêu?")
    assert "2028" not in required_terms("Giai đoạn 2028-2030 chỉ tiêu là bao nhiêu?", period_years=True)
    assert horizon_years("Bắc Ninh phải đạt bao nhiêu vào cuối năm 2026?", year_ends=True) == ["2026"]
    assert horizon_years("Bắc Ninh phải đạt bao nhiêu vào cuối năm 2026?") == []  # the switch off


def test_a_figure_alone_in_a_cell_counts_what_its_unit_column_names():
    from hoidap.answer.carries import carries
    from hoidap.query import NUMBER

    passage = Passage(_chunk("x"), 1.0)
    row = "Chỉ tiêu: Thu hút thêm tổ chức, doanh nghiệp công nghệ; Đơn vị: Tổ chức, doanh nghiệp; Kết quả: ≥ 3; Chủ trì: Bộ"
    assert carries(NUMBER, row, passage, "to", row_figures=True)
    assert not carries(NUMBER, row, passage, "to")  # the switch off: "3" followed by no unit word
    assert carries(NUMBER, "28 | Hình thành sàn dữ liệu | Sàn dữ liệu | 5 | Bộ Công an", passage, "san", row_figures=True)


def test_a_brand_typed_in_lower_case_is_asked_of_alone():
    from hoidap.query.counted import alone_name

    assert alone_name("riêng mobifone đã có bao nhiêu trạm 5g??") == "mobifone"
    assert alone_name("Riêng trong năm 2024, tỉnh phân bổ bao nhiêu?") == ""  # "trong" is no brand


def test_a_contrasted_qualifier_must_be_the_one_asked():
    from hoidap.query.asked import other_qualifier, qualifiers_named

    assert qualifiers_named("chung chi quan tri du lieu nang cao") == ["nang cao"]
    assert qualifiers_named("truong ngoai cong lap") == ["ngoai cong lap"]  # not "công lập" inside it
    text = "- 50% cán bộ chuyên trách được đào tạo đạt chứng chỉ quản trị dữ liệu cơ bản.\n"
    question = "Bao nhiêu phần trăm cán bộ chuyên trách được đào tạo đạt chứng chỉ quản trị dữ liệu nâng cao?"
    assert not _texts(question, text) and _texts(question, text, SelectRules(qualifiers=False))
    assert not other_qualifier(("nang cao",), "chung chi co ban va nang cao")


def test_a_sentence_final_particle_is_no_unit_counted():
    from hoidap.query.counted import asked_unit

    assert asked_unit("ban hành theo quyết định số mấy nhỉ?", True, how_few=True) == ""
    assert asked_unit("có bao nhiêu hộ kinh doanh?", True) == "ho"


def test_the_other_role_of_a_task_and_more_of_a_list_are_asked_of_the_previous_question():
    from hoidap.answer.followup_forms import asks_for_more

    previous = Turn("Theo QĐ 2629, ai chủ trì xây dựng Khung đào tạo quản trị dữ liệu?", ["Quyết định 2629/QĐ-TTg"])
    assert resolutions("Thế đơn vị phối hợp là ai?", previous, roles=True) == [
        "Theo QĐ 2629, ai phối hợp xây dựng Khung đào tạo quản trị dữ liệu?"
    ]
    assert resolutions("Thế đơn vị phối hợp là ai?", previous)[0] != "Theo QĐ 2629, ai phối hợp xây dựng Khung đào tạo quản trị dữ liệu?"
    listed = Turn("Thông tư 194/2012/TT-BTC quy định những nội dung chi nào?", ["Thông tư 194/2012/TT-BTC"])
    assert resolutions("Còn khoản chi nào nữa không?", listed, more=True) == [listed.question]
    assert asks_for_more("Ngoài mấy bộ đó ra, còn gì nữa không?") and not asks_for_more("Còn Nghị định 13 thì sao?")


def test_the_document_framing_a_definition_is_no_part_of_its_term():
    query = Analyser(WEIGHT, definition_frame=True).analyse("Theo Thông tư 194/2012/TT-BTC, dữ liệu phi cấu trúc nghĩa là gì?")
    assert query.definition == "dữ liệu phi cấu trúc là"
    assert Analyser(WEIGHT, definition_frame=True).analyse("Dữ liệu chủ theo Luật Giao dịch điện tử là gì?").definition == (
        "dữ liệu chủ là"
    )
    assert Analyser(WEIGHT).analyse("Dữ liệu chủ theo Luật Giao dịch điện tử là gì?").definition != "dữ liệu chủ là"


def test_numbers_said_in_words_are_written_in_digits():
    from hoidap.query.spoken import numbers_in_digits

    assert numbers_in_digits("phụ lục kế hoạch một bốn bốn giai đoạn hai không hai sáu đến hai không ba mươi") == (
        "phụ lục kế hoạch 144 giai đoạn 2026 đến 2030"
    )
    assert numbers_in_digits("điều nào trong quy định ba tám bốn") == "điều nào trong quy định 384"
    assert numbers_in_digits("chỉ tiêu thứ sáu trong phụ lục") == "chỉ tiêu thứ 6 trong phụ lục"
    assert numbers_in_digits("ba năm một lần") == "ba năm một lần"  # "every three years": no number dictated
    assert numbers_in_digits("họp vào ngày thứ hai") == "họp vào ngày thứ hai"  # Monday, no counted noun
    query = Analyser(WEIGHT, spoken_numbers=True).analyse("điều nào trong quy định ba tám bốn nói về nhật ký")
    assert ("quy dinh", "384", "") in query.doc_refs or "384" in query.text


def test_a_follow_up_about_another_body_or_period_keeps_the_previous_frame():
    previous = Turn("Theo KH 144 của Bắc Ninh, Sở Y tế được giao chủ trì những nhiệm vụ gì?", ["Kế hoạch 144/KH-UBND"])
    assert resolutions("Thế còn Sở Xây dựng thì được giao việc gì?", previous, own_task=True) == [
        "Sở Xây dựng thì được giao việc gì (Bắc Ninh, KH 144)?"
    ]
    targets = Turn("Theo QĐ 2629, giai đoạn 2025-2027 tỷ lệ hài lòng phải đạt bao nhiêu?", ["Quyết định 2629/QĐ-TTg"])
    assert resolutions("Vậy sang giai đoạn 2028-2030 thì so với con số đó nâng lên bao nhiêu?", targets, own_task=True) == [
        "Theo QĐ 2629, giai đoạn 2028-2030 tỷ lệ hài lòng phải đạt bao nhiêu?"
    ]
