"""Readings of legal text and of Vietnamese questions added in session 29: a "Căn cứ …" line that cites no instrument is
a provision (HOIDAP_RULE_CITED_BASIS); a Pháp điển source note answers what amended an article; "tên miền" asks an
address only when the question word binds to it."""

from hoidap.answer.select import SelectRules, candidates
from hoidap.query import Analyser
from hoidap.query.asked import ADDRESS_ASKED
from tests.passages import line_passage as _passage, unit_weight as _weight


CHANNELS = (
    "Căn cứ vào điều kiện cụ thể, các cơ quan nhà nước triển khai các kênh cung cấp thông tin khác sau đây cho tổ chức, "
    "cá nhân trên môi trường số: a) Mạng xã hội; b) Tổng đài điện thoại."
)


def test_a_condition_opened_by_can_cu_is_a_provision_that_answers():
    query = Analyser(_weight).analyse("Nghị định 224/2026 cho triển khai những kênh cung cấp thông tin khác nào trên môi trường số?")
    found = candidates(query, [_passage(CHANNELS)], _weight)
    assert found and found[0].text.startswith("Căn cứ vào điều kiện cụ thể")
    assert candidates(query, [_passage(CHANNELS)], _weight, SelectRules(cited_basis=False)) == []


def test_a_recital_citing_an_instrument_still_answers_nothing():
    recital = "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15 ngày 18 tháng 02 năm 2025 về tổ chức bộ máy Chính phủ;"
    query = Analyser(_weight).analyse("Luật Tổ chức Chính phủ số 63/2025/QH15 quy định về tổ chức bộ máy gì?")
    assert candidates(query, [_passage(recital)], _weight) == []
    this_decree = "Căn cứ Nghị định này, các bộ hướng dẫn việc cung cấp thông tin trên môi trường số của các cơ quan thuộc bộ."
    query = Analyser(_weight).analyse("Căn cứ Nghị định 224/2026, các bộ hướng dẫn việc gì?")
    assert candidates(query, [_passage(this_decree)], _weight)


NOTE = (
    "(Điều 23 Nghị định số 72/2013/NĐ-CP, có hiệu lực thi hành kể từ ngày 01/09/2013, có nội dung được sửa đổi, có nội "
    "dung được bổ sung bởi Điều 1 Nghị định số 27/2018/NĐ-CP có hiệu lực thi hành kể từ ngày 15/04/2018)"
)


def test_a_source_note_answers_what_amended_the_article():
    passages = [_passage(NOTE, "72/2013/NĐ-CP", label="Điều 23")]
    asked = Analyser(_weight).analyse("Điều 23 Nghị định 72/2013/NĐ-CP đã được sửa đổi, bổ sung bởi văn bản nào?")
    assert any("27/2018/NĐ-CP" in c.text for c in candidates(asked, passages, _weight))
    assert not any("27/2018/NĐ-CP" in c.text for c in candidates(asked, passages, _weight, SelectRules(source_note=False)))
    other = Analyser(_weight).analyse("Điều 23 Nghị định 72/2013/NĐ-CP giao cơ quan nào cấp phép thiết lập mạng xã hội?")
    assert candidates(other, passages, _weight) == []


def test_ten_mien_asks_an_address_only_when_the_question_word_binds_to_it():
    for asked in (
        "ubnd tp ho chi minh dung ten mien truy cap nao",
        "ten mien cong ttdt cua ubnd tinh theo nd 224 phai dat dang gi",
        "ten mien cua cong thong tin la gi",
        "dia chi ten mien cua cong la gi",
    ):
        assert ADDRESS_ASKED.search(asked), asked
    for not_asked in (
        "tranh chap ve dang ky su dung ten mien quoc gia vn duoc giai quyet theo nhung hinh thuc nao",
        "vi pham ve dang ky ten mien bi xu phat theo nghi dinh nao",
    ):
        assert not ADDRESS_ASKED.search(not_asked), not_asked


def test_24_7_gives_hours_and_days():
    from hoidap.answer.carries import carries

    text = "Thiết lập hệ thống dự phòng và tổ chức giám sát an ninh mạng 24/7 cho các nền tảng dữ liệu."
    assert carries("duration", text, None, "gio", duration_unit=True, round_the_clock=True)
    assert not carries("duration", text, None, "gio", duration_unit=True)
    assert not carries("duration", "Hội nghị ngày 24/7/2025 đã thông qua.", None, "gio", duration_unit=True, round_the_clock=True)


RECORD = (
    "- Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Bảo vệ dữ liệu cá nhân.\n"
    "- Cơ quan chủ trì: Bộ Công an.\n"
    "- Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026."
)


def test_a_record_on_another_type_of_act_does_not_answer():
    from hoidap.query.documents import made_types

    assert made_types("theo quyet dinh 2623, bo cong an phai ban hanh thong tu huong dan truoc ngay nao") == ("thong tu",)
    assert made_types("nghi dinh nay co hieu luc khi nao") == ()
    assert made_types("nghi dinh nao quy dinh ve chu ky so") == ()
    passages = [_passage(RECORD, "2623/QĐ-TTg", "Quyết định", "Điều 3")]
    thong_tu = Analyser(_weight).analyse("Theo QĐ 2623, Bộ Công an phải ban hành thông tư hướng dẫn Luật Bảo vệ dữ liệu cá nhân trước ngày nào?")
    assert thong_tu.made_types == ("thong tu",)
    assert not any("01 tháng 01" in c.text for c in candidates(thong_tu, passages, _weight))
    assert any("01 tháng 01" in c.text for c in candidates(thong_tu, passages, _weight, SelectRules(other_type=False)))
    nghi_dinh = Analyser(_weight).analyse("Theo QĐ 2623, nghị định hướng dẫn Luật Bảo vệ dữ liệu cá nhân phải ban hành trước ngày nào?")
    assert any("01 tháng 01" in c.text for c in candidates(nghi_dinh, passages, _weight))


def test_what_bao_nhieu_counts():
    from hoidap.query.counted import asked_unit

    assert asked_unit("Bình Phước đã phan bổ bao nhiêu tien cho các dự án") == "dong"  # unmarked in a marked question
    assert asked_unit("bị phạt tiền cao nhất bao nhiêu thế") == "dong"  # "thế" ends the question
    assert asked_unit("cấp bao nhiêu thẻ căn cước") == "the"


def test_a_speck_before_an_item_number_is_dropped():
    from ingest.normalize import drop_specks

    assert drop_specks("các hành vi sau:\n.d) Không đáp ứng\n' 9) Buộc lập\n.4. Phạt tiền") == (
        "các hành vi sau:\nd) Không đáp ứng\n9) Buộc lập\n4. Phạt tiền"
    )
    assert drop_specks("Hà Nội. a) x\n.net là tên miền") == "Hà Nội. a) x\n.net là tên miền"


def test_a_name_glossed_in_brackets_is_not_required():
    from hoidap.terms import required_terms

    question = "Theo QĐ 2629, phải hình thành tối thiểu bao nhiêu cụm National Data Center (Trung tâm Dữ liệu quốc gia)?"
    assert "data center" in required_terms(question)
    assert "data center" not in required_terms(question, glossed=True)
    numbered = "Theo Nghị quyết 57-NQ/TW, Trung tâm Ứng cứu khẩn cấp máy tính Việt Nam (VNCERT) làm gì?"
    assert required_terms(numbered, glossed=True) == ["57 nq tw"]  # số hiệu stay required


def test_a_supposed_case_before_thi_tells_no_year_the_passage_must_name():
    from hoidap.terms import case_facts, required_terms

    question = "Một giao dịch điện tử được xác lập năm 2023, đến ngày 01/7/2024 vẫn chưa thực hiện xong, thì tiếp tục áp dụng luật nào?"
    facts, asked = case_facts(question)
    assert "2023" in facts and asked == "tiếp tục áp dụng luật nào?"
    assert required_terms(question, case_years=False) == []
    assert case_facts("Khi nào thì Nghị định 224 có hiệu lực?") == ("", "Khi nào thì Nghị định 224 có hiệu lực?")


TABLE = (
    "STT | Nhóm lĩnh vực dữ liệu | Dữ liệu | Cơ quan chủ quản dữ liệu\n"
    "7 | Dữ liệu công tác xuất bản | Dữ liệu tác phẩm | Nhà xuất bản Chính trị quốc gia Sự thật\n"
    "Dữ liệu tác giả\n"
    "Dữ liệu phiên giao lưu trực tuyến\n"
    "8 | Dữ liệu lý luận chính trị của Đảng | Dữ liệu cơ sở lý luận chính trị | Học viện Chính trị quốc gia Hồ Chí Minh"
)


def test_a_cell_written_alone_is_read_with_the_row_above():
    from hoidap.answer.tables import carried_row

    at = TABLE.index("Dữ liệu phiên giao lưu")
    assert carried_row(TABLE, at, TABLE.index("\n", at)).startswith("7 | Dữ liệu công tác xuất bản")
    assert carried_row("Một câu.\nDữ liệu tác giả", 9, 24) == ""  # no table above
    assert carried_row(TABLE, at, TABLE.index("\n", at), "x") != "x"
    query = Analyser(_weight).analyse("Dữ liệu phiên giao lưu trực tuyến do cơ quan nào làm chủ quản?")
    found = candidates(query, [_passage(TABLE, "384-QĐ/TW", "Quy định", "Phụ lục")], _weight)
    assert "Nhà xuất bản Chính trị quốc gia Sự thật … Dữ liệu phiên giao lưu trực tuyến" in found[0].text
    plain = candidates(query, [_passage(TABLE, "384-QĐ/TW", "Quy định", "Phụ lục")], _weight, SelectRules(merged_cells=False))
    assert not any("Sự thật … Dữ liệu phiên" in c.text for c in plain)


def test_cells_written_alone_are_listed_under_their_row():
    query = Analyser(_weight).analyse("Nhà xuất bản Chính trị quốc gia Sự thật làm chủ quản những dữ liệu nào?")
    found = candidates(query, [_passage(TABLE, "384-QĐ/TW", "Quy định", "Phụ lục")], _weight)
    alone = [c for c in found if c.text.endswith(("Dữ liệu tác giả", "Dữ liệu phiên giao lưu trực tuyến"))]
    assert alone and all(c.row and "Dữ liệu công tác xuất bản" in c.section for c in alone)


def test_a_long_merged_cell_does_not_end_its_table():
    from ingest.structure import table_headers

    long_cell = "Dữ liệu cán bộ (các cơ quan đảng, Mặt trận Tổ quốc, các tổ chức chính trị-xã hội ở Trung ương và các tỉnh ủy), đảng viên"
    text = (
        "STT | Nhóm lĩnh vực dữ liệu | Dữ liệu | Cơ quan chủ quản dữ liệu\n"
        "1 | Dữ liệu lĩnh vực tổ chức xây dựng Đảng | Dữ liệu tổ chức đảng | Ban Tổ chức Trung ương\n"
        f"{long_cell}\n"
        "2 | Dữ liệu lĩnh vực văn phòng | Dữ liệu văn bản điều hành tác nghiệp | Văn phòng Trung ương Đảng\n"
    )
    assert [h for _, _, h in table_headers(text)] == ["STT | Nhóm lĩnh vực dữ liệu | Dữ liệu | Cơ quan chủ quản dữ liệu"]
    paragraph = text.replace(f"{long_cell}\n", f"{long_cell}\n\n")  # a blank line after it: the table ended there
    assert len(table_headers(paragraph)) == 2


def test_the_cells_below_a_held_row_hold_its_value():
    from hoidap.answer.compose import rows_held

    row = "7 | Dữ liệu công tác xuất bản | Dữ liệu tác phẩm | Nhà xuất bản Chính trị quốc gia Sự thật"
    held = ((row, "STT | Nhóm lĩnh vực dữ liệu | Dữ liệu | Cơ quan chủ quản dữ liệu"),)
    passages = [_passage(TABLE, "384-QĐ/TW", "Quy định", "Phụ lục")]
    assert [c.text for c in rows_held(held, passages, merged=True)][1:] == ["Dữ liệu tác giả", "Dữ liệu phiên giao lưu trực tuyến"]
    assert len(rows_held(held, passages)) == 1
