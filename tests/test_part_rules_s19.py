"""Rules of Vietnamese and of legal text added in the nineteenth session (each switchable; see the README's
ablation): quarters of a year, the year a target is set for, a later part of a compound question pointing back
inside its predicate, and recitals asked by "căn cứ vào những … nào" or "tờ trình số mấy"."""

from hoidap.answer.select import SelectRules
from hoidap.query.asked import RECITAL_ASKED, quarters_named
from hoidap.query.compound import compound_parts
from hoidap.terms import horizon_years
from ingest.normalize import fold_diacritics
from tests.test_part_rules import _texts


def test_a_sentence_of_another_quarter_does_not_answer():
    question = "Tổng doanh số thương mại điện tử trong quý II/2025 đạt bao nhiêu tỷ đồng?"
    other = "- Quý I/2025: Tổng doanh số thương mại điện tử 101.400 tỷ đồng."
    assert _texts(question, other) == []
    assert _texts(question, other, SelectRules(quarters=False)) == [other]  # the switch off
    same = "- Quý 2/2025: Tổng doanh số thương mại điện tử 120.000 tỷ đồng."
    assert _texts(question, same) == [same]
    assert quarters_named(fold_diacritics("quý iv năm 2025 và quý 3").lower()) == ["4", "3"]
    assert quarters_named("quy dinh 1") == []  # "quy định" is no quarter


def test_the_year_a_target_is_set_for_is_its_horizon():
    asked = "Bình Phước đặt mục tiêu kinh tế số chiếm bao nhiêu phần trăm GRDP vào năm 2025?"
    assert horizon_years(asked, year_ends=True) == ["2025"]
    assert horizon_years(asked) == []  # the switch off
    assert horizon_years("Năm 2025 tỉnh đã làm gì vào năm 2025?", year_ends=True) == []  # no target asked
    asked = "Tỉnh đặt mục tiêu kinh tế số chiếm bao nhiêu phần trăm GRDP vào năm 2025?"
    sentence = "Đến năm 2030, kinh tế số của Tỉnh dự kiến chiếm khoảng 30% GRDP."
    passage = f"Kết quả chuyển đổi số năm 2025 của Tỉnh.\n{sentence}"  # the year asked is named in the passage
    assert sentence not in _texts(asked, passage, year_ends=True)
    assert sentence in _texts(asked, passage)


def test_a_later_part_pointing_back_inside_its_predicate():
    question = "Nhà nước có phải tính biên chế cho Tổ công nghệ số cộng đồng không, và cấp nào đứng ra thành lập tổ này?"
    parts = compound_parts(question, True, dependent=True)
    assert parts[1] == "cấp nào đứng ra thành lập Tổ công nghệ số cộng đồng?"
    assert compound_parts(question, True)[1] == "cấp nào đứng ra thành lập tổ này?"  # the switch off
    question = "Chỉ tiêu tỷ lệ giao dịch không dùng tiền mặt đến năm 2030 đặt ở mức bao nhiêu, và đơn vị nào chủ trì chỉ tiêu này?"
    assert compound_parts(question, True, dependent=True)[1] == (
        "đơn vị nào chủ trì Chỉ tiêu tỷ lệ giao dịch không dùng tiền mặt đến năm 2030?"
    )
    # a noun the first part does not open stays as it is
    question = "Luật có hiệu lực từ ngày nào, và ai chủ trì việc này?"
    assert compound_parts(question, True, dependent=True)[1] == "ai chủ trì việc này?"


def test_recitals_asked_in_more_ways():
    fold = lambda text: fold_diacritics(text.lower())  # noqa: E731
    assert RECITAL_ASKED.search(fold("Quyết định được ban hành căn cứ vào những nghị quyết nào của Bộ Chính trị?"))
    assert RECITAL_ASKED.search(fold("UBND ban hành kế hoạch theo đề nghị của Sở tại tờ trình số mấy?"))
    assert not RECITAL_ASKED.search(fold("Căn cứ vào Điều 5, thời hạn báo cáo là mấy ngày?"))
