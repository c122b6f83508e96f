"""Readings of Vietnamese questions and legal text added in session 30: a force clause that is one side of a choice
still asks of the force; "gồm những cơ quan nào?" is answered by a sentence naming two bodies (HOIDAP_RULE_LISTED_BODIES);
a term the question states does not answer "bao lâu?" (HOIDAP_RULE_GIVEN_TERMS); a rate of what a population has is
given only by a sentence naming it (HOIDAP_RULE_RATE_PROPERTY); a measure named as an object takes the question word's
type, and a later part pointing back to it carries its whole name."""

from hoidap.answer.carries import gives_other_term, lists_bodies
from hoidap.answer.conversation import Turn, resolutions
from hoidap.answer.select import SelectRules, candidates
from hoidap.query import LIST, NUMBER, ORGANISATION, Analyser
from hoidap.query.asked import answer_type_of
from hoidap.query.compound import compound_parts
from hoidap.query.counted import listed_noun, terms_given
from hoidap.query.documents import validity_asked
from tests.passages import line_passage as _passage, unit_weight as _weight


def test_a_force_clause_that_is_one_side_of_a_choice_asks_of_the_force():
    folded = ("quyet dinh 2623/qd-ttg ban hanh ke hoach trien khai thi hanh luat bao ve du lieu ca nhan co hieu luc tu ngay "
              "ky hay phai doi den ngay luat co hieu luc?")
    assert validity_asked(folded, force_clause=True) == "effective"
    # a clause of its own, naming the document, is still a condition of the case asked
    case = "chung thu duoc cap truoc khi nghi dinh 130/2018/nd-cp co hieu luc thi xu ly the nao?"
    assert validity_asked(case, force_clause=True) == ""


def test_bodies_named_one_after_another_are_a_list_of_bodies():
    assert lists_bodies("- Cơ quan phối hợp: Văn phòng Chính phủ, Bộ Tư pháp và các cơ quan có liên quan.")
    assert not lists_bodies("- Cơ quan chủ trì: Bộ Công an.")
    assert not lists_bodies("Cơ quan phối hợp: các bộ, cơ quan ngang bộ và các cơ quan có liên quan.")


def test_a_list_of_bodies_asked_without_diacritics_is_answered_by_the_bodies_named():
    words = ["vay", "co quan", "phoi hop", "gom nhung", "co quan", "nao", "?"]
    assert listed_noun(words) == "co quan"
    text = "- Cơ quan chủ trì: Bộ Công an.\n- Cơ quan phối hợp: Văn phòng Chính phủ, Bộ Tư pháp và các cơ quan có liên quan."
    query = Analyser(_weight).analyse("Nghị định này do Bộ Công an chủ trì, vậy cơ quan phối hợp gồm những cơ quan nào?")
    assert query.answer_type == LIST and query.listed == "co quan"
    passage = _passage(text, "2623/QĐ-TTg", "Quyết định", "Điều 3")
    typed = [c.text for c in candidates(query, [passage], _weight) if c.type_match]
    assert any("Bộ Tư pháp" in t for t in typed)
    off = candidates(query, [passage], _weight, SelectRules(listed_bodies=False))
    assert not any(c.type_match and "Bộ Tư pháp" in c.text for c in off)


def test_a_term_the_question_states_does_not_answer_how_long():
    given = terms_given("ke hoach chuyen doi so 5 nam va hang nam cua tinh ban hanh xong thi phai gui trong han bao lau?")
    assert given == {("5", "nam")}
    assert not gives_other_term("… tổ chức xây dựng Kế hoạch 5 năm và Kế hoạch hằng năm …", given)
    assert gives_other_term("d) Trong thời hạn 05 ngày làm việc kể từ ngày ban hành, cơ quan ban hành gửi …", given)
    assert terms_given("thoi han la 5 nam hay 10 nam?") == frozenset()  # a term checked is no given
    assert terms_given("thoi han toi da la bao lau?\na. 02 nam\nb. 03 nam") == frozenset()  # options to choose from
    assert terms_given("thoi han toi da la bao lau? a. 15 ngay b. 20 ngay c. 30 ngay") == frozenset()


def test_a_rate_of_what_a_population_has_needs_that_thing_named():
    query = Analyser(_weight).analyse("Năm 2023 Bình Phước đặt mục tiêu tỷ lệ dân số trưởng thành có chữ ký số cá nhân đạt bao nhiêu phần trăm?")
    assert query.answer_type == NUMBER and query.measured_property == "chu ky"
    other = _passage(
        "Năm 2023, Bình Phước phấn đấu tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử đạt 30% trở lên.", "", "", ""
    )
    assert not any(c.type_match for c in candidates(query, [other], _weight))
    assert any(c.type_match for c in candidates(query, [other], _weight, SelectRules(rate_property=False)))


def test_a_measure_named_as_the_object_of_a_question_word_takes_its_type():
    assert answer_type_of("co quan nao chu tri theo doi, danh gia chi tieu ti le bo, nganh, dia phuong?") == ORGANISATION
    assert answer_type_of("ty le ho so duoc so hoa?") == NUMBER


def test_a_later_part_pointing_to_a_measure_carries_its_whole_name():
    parts = compound_parts(
        "Giai đoạn 2028-2030, chỉ tiêu tỉ lệ bộ, ngành, địa phương đạt cấp độ 5 mức độ trưởng thành về quản trị dữ liệu là "
        "bao nhiêu, và cơ quan nào chủ trì theo dõi, đánh giá chỉ tiêu này?", dependent=True
    )
    assert len(parts) == 2
    assert "tỉ lệ bộ, ngành, địa phương đạt cấp độ 5 mức độ trưởng thành về quản trị dữ liệu" in parts[1]


def test_associations_are_bodies_asked_and_listed():
    assert answer_type_of("ke hoach de nghi nhung hoi, hiep hoi nao tuyen truyen?") == ORGANISATION
    assert lists_bodies("Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh, Liên minh Hợp tác xã Tỉnh")
    assert not lists_bodies("Hội nghị, hội thảo và các cuộc họp chuyên đề")  # a conference is no body


def test_a_follow_up_about_another_province_leaves_the_old_frame():
    previous = Turn(
        "Kế hoạch 144 của Bắc Ninh yêu cầu các cơ quan gửi báo cáo kết quả thực hiện định kỳ trước ngày nào hằng năm?",
        ["144/KH-UBND"],
    )
    follow_up = "Còn kế hoạch chuyển đổi số doanh nghiệp của Đồng Tháp thì báo cáo định kỳ trước ngày nào?"
    moved = resolutions(follow_up, previous, other_place=True)[0]
    assert "Đồng Tháp" in moved and "Bắc Ninh" not in moved and "144" not in moved
    kept = resolutions(follow_up, previous, other_place=False)[0]
    assert "Bắc Ninh" in kept or "144" in kept
    # another body under the same province's plan keeps the frame
    body = resolutions("Còn Sở Tài chính thì được giao những việc gì?", Turn(
        "Theo KH 144 của Bắc Ninh, Sở Y tế được giao chủ trì những nhiệm vụ gì?", ["144/KH-UBND"]
    ), other_place=True)[0]
    assert "144" in body
