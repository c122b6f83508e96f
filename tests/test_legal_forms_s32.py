"""Readings of Vietnamese questions and legal text added in session 32: a dossier is counted in sets and in copies
("mấy bộ hồ sơ?" is answered "01 bản chính và 04 bản sao", HOIDAP_RULE_DOSSIER_COPIES); a table row is read under its
group rows for the words it covers too ("… giai đoạn 2028-2030 là bao nhiêu?" is asked of a row under "II | Giai đoạn
2028-2030"), in selection and in the answerability features."""

from hoidap.answer.answerability import features
from hoidap.answer.select import SelectRules, candidates
from hoidap.query import Analyser
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
