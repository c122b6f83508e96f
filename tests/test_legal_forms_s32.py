"""Readings of Vietnamese questions and legal text added in session 32: a dossier is counted in sets and in copies
(HOIDAP_RULE_DOSSIER_COPIES); a table row is read under its group rows for the words it covers too, in selection and in
the answerability features; "mấy" before a noun is a plural where another word asks (HOIDAP_RULE_PLURAL_MAY); "bảy (07)
ngày" is a term; "Điều nào quy định điều đó?" asks the source of the last answer; "việc đó" after a yes/no question on
a task names that task; "những khoản nào?" asks a list."""

from hoidap.answer.answerability import features
from hoidap.answer.carries import carries
from hoidap.answer.conversation import Turn, resolutions, with_antecedent
from hoidap.answer.select import SelectRules, candidates
from hoidap.query import DOCUMENT, DURATION, LIST, NUMBER, OTHER, Analyser
from tests.passages import line_passage as _passage, unit_weight as _weight

_DOSSIER = "Chủ quản hệ thống thông tin gửi hồ sơ đề xuất về Cục An toàn thông tin bao nhiêu bộ?"
_COPIES = "a) Chủ quản hệ thống thông tin gửi 01 bản chính và 04 bản sao hợp lệ hồ sơ đề xuất cấp độ về Cục An toàn thông tin."


def test_a_dossier_counted_in_sets_is_answered_in_copies():
    asked = Analyser(_weight, dossier_copies=True).analyse(_DOSSIER)
    assert asked.unit == "bo|ban"
    assert any(c.type_match for c in candidates(asked, [_passage(_COPIES, "03/2017/TT-BTTTT", "Thông tư")], _weight))
    plain = Analyser(_weight).analyse(_DOSSIER)  # the rule off: "bộ" alone
    assert plain.unit == "bo"
    assert not any(c.type_match for c in candidates(plain, [_passage(_COPIES, "03/2017/TT-BTTTT", "Thông tư")], _weight))
    # no dossier named: "bao nhiêu bộ" counts ministries, not copies
    assert Analyser(_weight, dossier_copies=True).analyse("Có bao nhiêu bộ tham gia Ban Chỉ đạo?").unit == "bo"


_ROWS = ("4 | Tỉ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa. | % | 100% | Văn phòng Chính phủ\n"
         "5 | Tỉ lệ khai thác, sử dụng lại thông tin, dữ liệu đã được số hóa trong giải quyết thủ tục hành chính. | % | 80% | "
         "Văn phòng Chính phủ")


def test_a_table_row_covers_the_period_of_its_group_row():
    query = Analyser(_weight, period_years=True).analyse(  # "giai đoạn 2028-2030": 2030 is its target year
        "Tỉ lệ khai thác, sử dụng lại dữ liệu đã số hóa trong giải quyết thủ tục hành chính giai đoạn 2028-2030 là bao nhiêu?"
    )
    assert query.horizons
    passage = _passage(_ROWS, "2629/QĐ-TTg", "Quyết định", "Phụ lục I")
    groups = {passage.chunk.chunk_id: "Giai đoạn 2028-2030"}
    read = candidates(query, [passage], _weight, SelectRules(), groups)
    alone = candidates(query, [passage], _weight, SelectRules(table_group=False), groups)
    assert read[0].text.startswith("5 |") and read[0].passage_coverage > alone[0].passage_coverage
    assert features(query, [passage], read, groups)["missing_weight"] < features(query, [passage], read)["missing_weight"]


def test_may_before_a_noun_is_a_plural_where_another_word_asks():
    asked = "qđ 2623 mấy nhiệm vụ triển khai ngay trong năm 2025 thì kinh phí lấy ở đâu"
    assert Analyser(_weight, plural_may=True).analyse(asked).answer_type == OTHER
    assert Analyser(_weight).analyse(asked).answer_type == NUMBER  # the rule off: a count
    assert Analyser(_weight, plural_may=True).analyse(
        "Mấy anh chị tình nguyện ở xóm đi chỉ bà con xài app thì trần bồi dưỡng lấy theo mốc của ai?"
    ).answer_type != NUMBER
    for counted in (
        "Việt Nam phải thuộc nhóm mấy nước dẫn đầu ASEAN về Chính phủ số?",  # "dẫn đầu" asks nothing
        "Sau mấy ngày thì cơ quan nào phải trả lời?",  # a term keeps asking
        "Hồ sơ gồm mấy bộ?",
    ):
        assert Analyser(_weight, plural_may=True).analyse(counted).answer_type != OTHER, counted


def test_a_term_written_out_with_its_digits_in_brackets_is_a_term():
    text = "Trong thời hạn bảy (07) ngày làm việc kể từ khi hồ sơ được tiếp nhận:"
    assert carries(DURATION, text, _passage(text))
    assert carries(DURATION, text, _passage(text), unit="ngay", duration_unit=True)
    assert not carries(DURATION, "3) Năm 2025 hoàn thành.", _passage("3) Năm 2025 hoàn thành."))


def test_which_article_says_that_asks_the_source_of_the_previous_answer():
    previous = Turn("Theo Luật Giao dịch điện tử 2023, dấu thời gian được tạo ra dưới dạng gì?",
                    cited_documents=["Luật Giao dịch điện tử (20/2023/QH15)"], cited_label="Điều 31")
    for asked in ("Điều nào trong luật quy định điều đó?", "Khoản nào nói vậy?", "Văn bản nào quy định như vậy?"):
        assert resolutions(asked, previous, pointed=True, where=True)[0] == previous.question, asked
    # "Điều đó" alone is the article the answer led with
    assert "Điều 31" in resolutions("Điều đó tên là gì?", previous, pointed=True, where=True)[0]


def test_the_task_a_yes_no_question_checked_is_what_a_following_việc_đó_names():
    previous = ("Chương trình phát triển Chính phủ số theo QĐ 2629 có nhiệm vụ phát triển hệ thống chứng thực chữ ký số "
                "chuyên dùng công vụ dùng chung cho các cơ quan nhà nước không?")
    resolved = with_antecedent("Cơ quan nào chủ trì làm việc đó?", previous)
    assert "việc phát triển hệ thống chứng thực chữ ký số chuyên dùng công vụ" in resolved


def test_những_khoản_nào_asks_a_list_not_which_clause():
    assert Analyser(_weight).analyse("Theo Thông tư 194/2012, nội dung chi gồm những khoản nào?").answer_type == LIST
    assert Analyser(_weight).analyse("Khoản nào của Điều 3 quy định mức chi nhập dữ liệu?").answer_type == DOCUMENT
