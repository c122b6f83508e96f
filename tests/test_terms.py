"""Question terms: segmentation against the corpus, intents, names and office holders."""

from hoidap.query import Analyser
from hoidap.query.key_terms import joined_words
from hoidap.terms import coverage, defines, evidence_text, names_all, names_holder, normalized, required_terms
from ingest.segment import words_of


def question_words(question, weight):
    return joined_words(words_of(question), weight, True)


def asked_role(question):
    return Analyser(lambda token: 2.0).analyse(question).role


def _vocabulary(*words):
    """A weight() that knows these underthesea words (as the BM25 index stores them, exact and folded)."""
    from ingest.segment import FOLDED_PREFIX
    from ingest.normalize import fold_diacritics

    joined = [w.lower().replace(" ", "_") for w in words]
    known = set(joined) | {FOLDED_PREFIX + fold_diacritics(w) for w in joined}
    return lambda token: 3.0 if token in known or "_" not in token.lstrip(FOLDED_PREFIX) else 0.0


def test_one_syllable_words_the_corpus_joins_are_joined_in_the_question():
    question = "Tỉnh Bình Dương có bao nhiêu dịch vụ công trực tuyến toàn trình?"
    assert "toàn trình" in question_words(question, _vocabulary("toàn trình"))
    words = question_words(question, _vocabulary())
    assert "toàn" in words and "trình" in words  # the corpus never has them as one word: left as they are


def test_required_names_are_capitalised_names_numbers_and_years():
    question = "Một bệnh viện theo quy định năm 2014 của Bộ Y tế phải đáp ứng điều kiện gì ở Đồng Tháp, Hà Nội?"
    assert required_terms(question) == ["dong thap", "ha noi", "2014"]  # not "đáp ứng" (đ is lower case)


def test_a_name_inside_a_longer_name_is_another_name():
    weight = _vocabulary("Thái Bình Dương")
    question = "Tỉnh Bình Dương có bao nhiêu dịch vụ công trực tuyến toàn trình?"
    pacific = "Giải thưởng ASOCIO do Tổ chức Công nghiệp Điện toán châu Á - Thái Bình Dương trao tặng."
    assert not names_all(["binh duong"], pacific, weight, question)
    assert names_all(["binh duong"], "Triển khai tại tỉnh Bắc Ninh, Bình Dương, An Giang.", weight, question)
    assert names_all(["binh duong"], pacific + " Tỉnh Bình Dương đạt 90%.", weight, question)
    # the question itself says the longer name: "Chỉ đạo" in "Ban Chỉ đạo" is what it asks about
    steering = _vocabulary("Ban Chỉ đạo")
    assert names_all(["chi dao"], "Phiên họp Ban Chỉ đạo Trung ương.", steering, "Ai làm Trưởng Ban Chỉ đạo?")
    assert not names_all(["chi dao"], "Phiên họp Ban Chỉ đạo Trung ương.", steering, "Chỉ đạo là gì?")


def test_a_who_question_about_an_office_needs_the_holder_next_to_it():
    assert asked_role("Ai là Phó Chủ tịch UBND tỉnh Bình Phước?") == "Phó Chủ tịch"
    assert asked_role("Thủ tướng Nhật Bản hiện nay là ai?") == "Thủ tướng"
    assert asked_role("Ai chủ trì phiên họp thứ nhất?") == ""
    deputy = "Cùng dự có Phó Chủ tịch UBND tỉnh Bình Phước Trần Tuyết Minh, Thứ trưởng Bộ TT&TT Phan Tâm."
    assert names_holder(deputy, "Phó Chủ tịch", "Ai là Phó Chủ tịch UBND tỉnh Bình Phước?")
    assert not names_holder(deputy, "Chủ tịch", "Ai là Chủ tịch UBND tỉnh Bình Phước?")  # the deputy is not
    chair = "Chủ tịch Quốc hội Vương Đình Huệ cùng lãnh đạo tỉnh Bình Phước thăm khu công nghiệp."
    assert not names_holder(chair, "Chủ tịch", "Ai là Chủ tịch UBND tỉnh Bình Phước?")  # another body's
    assert names_holder(chair, "Chủ tịch", "Chủ tịch Quốc hội năm 2023 là ai?")
    ban = "Ai làm Trưởng Ban Chỉ đạo Trung ương?"
    assert names_holder("Tổng Bí thư Tô Lâm, Trưởng Ban Chỉ đạo chủ trì Phiên họp.", "Trưởng Ban", ban)
    listing = (
        "Chính phủ, Thủ tướng giao Bộ Ngoại giao chủ trì: (i) Hỗ trợ Trung tâm ICISE (GS Trần Thanh Vân); "
        "phối hợp với Singapore, Nhật Bản, Hàn Quốc."
    )
    assert not names_holder(listing, "Thủ tướng", "Thủ tướng Nhật Bản hiện nay là ai?")


def test_intents():
    analyse = Analyser(lambda token: 2.0).analyse
    code = analyse("Luật An ninh mạng có số hiệu là gì?")
    assert code.wants_code and not code.definition  # a document's attribute, not a definition
    assert analyse("Dữ liệu mở của cơ quan nhà nước là gì?").definition == "dữ liệu mở của cơ quan nhà nước là"
    assert not analyse("Nghị định 47/2020/NĐ-CP quy định … là gì?").definition
    assert analyse("Luật An toàn thông tin mạng 86/2015/QH13 quy định những nội dung gì?").sections == ("Phạm vi điều chỉnh",)


def test_a_definition_is_a_defining_clause_or_the_article_of_that_title():
    subject = "nguyên tắc bảo đảm an toàn thông tin mạng là"
    article = "Điều 4. Nguyên tắc bảo đảm an toàn thông tin mạng\n1. Cơ quan, tổ chức có trách nhiệm bảo đảm an toàn."
    assert defines(subject, evidence_text(article, exact=True))
    mention = "Điều 5. Trách nhiệm\n1. Tuân thủ nguyên tắc bảo đảm an toàn thông tin mạng theo quy định."
    assert not defines(subject, evidence_text(mention, exact=True))
    assert defines("dữ liệu số là", evidence_text("1. Dữ liệu số: là dữ liệu dưới dạng ký hiệu.", exact=True))


def test_percent_reads_phan_tram():
    terms = {"phần trăm": 1.0, "dữ liệu": 1.0}
    assert coverage(terms, normalized("số hóa 100% dữ liệu quản lý nhà nước", exact=True)) == 1.0


def test_a_year_of_the_askers_own_case_is_not_required():
    """'Công ty tôi … được cấp năm 2022; giấy này còn dùng được tới lúc nào?': the law states the rule for every
    such certificate, not the asker's year; a year the question itself asks about stays required."""
    from hoidap.terms import case_facts, required_terms

    case = "Công ty tôi có giấy xác nhận được cấp năm 2022 theo luật cũ; giấy này còn dùng được tới lúc nào?"
    assert case_facts(case) == ("Công ty tôi có giấy xác nhận được cấp năm 2022 theo luật cũ;", "giấy này còn dùng được tới lúc nào?")
    assert "2022" in required_terms(case) and "2022" not in required_terms(case, case_years=False)
    asked = "Sở tôi cần biết: năm 2024 tỉnh xếp hạng mấy về chuyển đổi số?"
    assert "2024" in required_terms(asked, case_years=False)
    assert case_facts("Năm 2022, tỉnh xếp hạng mấy?") == ("", "Năm 2022, tỉnh xếp hạng mấy?")  # no case told


def test_a_year_dates_a_document_only_after_a_document_word():
    """'nghị quyết của Bộ Chính trị tháng 12/2024' dates a document (found in its date); 'Năm 2025 tỷ trọng … đạt
    bao nhiêu?' asks what the passage says of 2025, which a plan signed in 2025 does not say by its date."""
    from hoidap.terms import document_years

    assert document_years("Theo nghị quyết của Bộ Chính trị tháng 12/2024 về đột phá khoa học, việc này xong năm nào?") == ["2024"]
    assert document_years("Luật Giao dịch điện tử năm 2023 có hiệu lực khi nào?") == ["2023"]
    assert document_years("Năm 2025 tỷ trọng kinh tế số trong GRDP của tỉnh đạt bao nhiêu?") == []


def test_an_authority_typed_without_diacritics_is_no_required_name():
    """'Ban Bi thu' typed without diacritics is segmented 'Ban Bi' + 'thu': it names the authority that issues a
    document, not a place a passage must name."""
    from hoidap.terms import required_terms

    assert required_terms("Theo quy dinh cua Ban Bi thu, he thong phai dat cap do may?") == []
    assert required_terms("Theo quy định của Ban Bí thư, hệ thống phải đạt cấp độ mấy?") == []
    assert required_terms("Bình Phước đứng thứ mấy?") == ["binh phuoc"]
