"""Rules of Vietnamese and of legal text added in the twenty-sixth session, read from the thirty-first batch's misses
(each switchable; see the README's ablation): a signer typed bare or with a title between commas, the forms of what a
count counts, a parallel second part of a compound question, an open question about what a document says, numbered
khoản as a lead-in's items."""

from hoidap.query import Analyser

WEIGHT = lambda term: 1.0  # noqa: E731


def test_a_signer_typed_bare_or_with_a_title_between_commas_names_the_document():
    from hoidap.query.marked import signed_years, signers_named

    titled = "Kế hoạch ông Trương Việt Dũng, Phó Chủ tịch UBND Thành phố, ký ngày 17/11/2025 yêu cầu gì?"
    bare = "quyet dinh Pho Thu tuong Nguyen Chi Dung ky ngay 01/12/2025 dat muc tieu gi"
    assert signers_named(titled, forms=True) == ["Trương Việt Dũng"] and signers_named(titled) == []
    assert signers_named(bare, forms=True) == ["Nguyen Chi Dung"] and signers_named(bare) == []
    assert signers_named("Kế hoạch Phó Chủ tịch UBND tỉnh Đồng Tháp ký thay Chủ tịch", forms=True) == []  # a place
    assert signers_named("nhiệm vụ báo cáo định kỳ hằng năm", forms=True) == []
    assert signers_named("Chương trình do Phó Thủ tướng Nguyễn Hòa Bình ký", forms=True) == ["Nguyễn Hòa Bình"]  # not the province
    assert signers_named("Kế hoạch UBND TP Hà Nội ký", forms=True) == []
    assert signed_years("Kế hoạch do Phó Chủ tịch ký thay Chủ tịch hôm 01/12/2025 được triển khai") == ["2025"]
    assert signed_years("Dự thảo báo cáo mà Văn phòng gửi xin ý kiến ngày 25/5/2025 nêu lộ trình nào?") == ["2025"]
    assert signed_years("Các sở gửi báo cáo trước ngày 15/12/2025") == []  # a deadline dates no document
    query = Analyser(WEIGHT, signers=True, signer_forms=True, number_dates=True).analyse(bare)
    assert "nguyen chi dung" not in query.required and "2025" in query.dated
    assert "2025" not in Analyser(WEIGHT, signers=True, number_dates=True).analyse(bare).dated  # the switch off



def test_a_threshold_names_no_unit_and_a_count_keeps_its_modifiers():
    from hoidap.answer.carries import counts
    from hoidap.query.counted import asked_unit, counted_phrase

    threshold = "lượng truy cập từ người dùng tại Việt Nam từ bao nhiêu trở lên trong một tháng?"
    assert asked_unit(threshold, True, forms=True) == "" and asked_unit(threshold, True) == "tro"
    asked = "Hà Nội ưu tiên hoàn thiện bao nhiêu kho dữ liệu quốc gia?"
    assert asked_unit(asked, True, forms=True) == "kho" and counted_phrase(asked) == "du lieu"
    stated = "Trong đó, ưu tiên triển khai hoàn thiện 11 cơ sở dữ liệu quốc gia và chuyên ngành trọng yếu"
    assert counts("kho", stated, "du lieu", True) and not counts("kho", stated, "du lieu")  # the switch off
    assert not counts("kho", "Xây dựng kho lạnh và 11 cơ sở dữ liệu", "du lieu", True)  # the unit itself is named, uncounted
    row = "Chỉ tiêu: Tỉ lệ thủ tục hành chính được tiếp nhận; Đơn vị: %; Kết quả: 70; Cơ quan chủ trì: Văn phòng Chính phủ"
    assert counts("%", row, "", True) and not counts("%", row)
    assert not counts("%", "Chỉ tiêu: Số tuyến cáp; Đơn vị: Tuyến; Kết quả: 09", "", True)
    query = Analyser(WEIGHT, counted_forms=True).analyse(asked)
    assert query.counted_phrase == "du lieu" and not Analyser(WEIGHT).analyse(asked).counted_phrase


def test_a_parallel_second_part_asks_the_first_part_s_question():
    from hoidap.query.compound import compound_parts

    question = "Tỷ lệ cán bộ được đào tạo là bao nhiêu trong giai đoạn 2025-2027, và bao nhiêu trong giai đoạn 2028-2030?"
    assert compound_parts(question, parallel=True) == [
        "Tỷ lệ cán bộ được đào tạo là bao nhiêu trong giai đoạn 2025-2027?",
        "Tỷ lệ cán bộ được đào tạo là bao nhiêu trong giai đoạn 2028-2030?",
    ]
    assert compound_parts(question)[1] == "bao nhiêu trong giai đoạn 2028-2030?"  # the switch off


def test_an_open_question_about_what_a_document_says_is_not_asked_of_its_force():
    from hoidap.query import VALIDITY

    case = "Quy định 384 nói gì về trường hợp nội dung thống nhất chia sẻ dữ liệu đã hết hiệu lực?"
    query = Analyser(WEIGHT, content_frame=True).analyse(case)
    assert query.answer_type != VALIDITY and not query.validity
    assert Analyser(WEIGHT).analyse(case).validity == "status"  # the switch off
    assert Analyser(WEIGHT, content_frame=True).analyse("Quy định 384 còn hiệu lực không?").validity == "status"


def test_numbered_clauses_after_a_lead_in_are_its_items():
    from hoidap.answer.quotes import quotes

    text = (
        "Tranh chấp về tên miền được giải quyết theo các hình thức sau đây:\n\n1. Thông qua thương lượng, hòa giải;"
        "\n\n2. Thông qua trọng tài;\n\n3. Khởi kiện tại Tòa án."
    )
    pieces = ["Tranh chấp về tên miền được giải quyết theo các hình thức sau đây:", "1.", "Thông qua thương lượng, hòa giải;",
              "2.", "Thông qua trọng tài;", "3.", "Khởi kiện tại Tòa án."]
    spans, at = [], 0
    for piece in pieces:
        at = text.index(piece, at)
        spans.append((at, at + len(piece)))
        at += len(piece)
    start, end, is_list = quotes(text, spans, False, True, numbered_items=True)[0]
    assert is_list and text[start:end].endswith("Khởi kiện tại Tòa án.")
    assert not quotes(text, spans, False, True)[0][2]  # the switch off
