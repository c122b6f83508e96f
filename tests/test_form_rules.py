"""Rules of Vietnamese and of legal text added in the seventeenth session (each switchable; see the README's ablation):
forms with blanks, the places a question points to, who signed the document asked of, counts written in words and the
noun a count asks, a khoản named without its article in a compound question, a document described after its topic or by
its year, a return to a conversation's first question, the "[đã ký]" line of a signature block, a title a task makes,
chat shorthand."""

from hoidap.query import Analyser

WEIGHT = lambda term: 1.0  # noqa: E731


def test_a_form_has_each_blank_asked_in_words():
    from hoidap.query.forms import form_filled

    assert form_filled("Quyết định 2623. Hiệu lực: từ ___ ?") == "Quyết định 2623. có hiệu lực từ khi nào ?"
    assert form_filled("KH 308, mục II. Đơn vị phối hợp: ___ ; Thời gian thực hiện: ___ ?") == (
        "KH 308, mục II. Đơn vị phối hợp là cơ quan nào ; Thời gian thực hiện là khi nào ?"
    )
    assert form_filled("Điền vào chỗ trống: chậm nhất ngày ___, các sở báo cáo.") == (
        "Chậm nhất ngày nào, các sở báo cáo."  # the request setting the blank asks nothing
    )
    assert form_filled("Kinh phí: ___?") == "Kinh phí là bao nhiêu?"
    assert form_filled("Nội dung nhiệm vụ: ___") == "Nội dung nhiệm vụ là gì"
    assert form_filled("Nghị định 13 có hiệu lực từ ngày nào?") == "Nghị định 13 có hiệu lực từ ngày nào?"  # no blank
    query = Analyser(WEIGHT, forms=True).analyse("Quyết định 2623/QĐ-TTg. Hiệu lực: từ ___ ?")
    assert query.validity == "effective"
    assert Analyser(WEIGHT).analyse("Quyết định 2623/QĐ-TTg. Hiệu lực: từ ___ ?").validity == ""  # the switch off


def test_the_places_a_question_points_to_are_no_key_terms():
    question = "Điểm b, tiểu mục 6, mục III của Kế hoạch 144/KH-UBND: các công cụ số cần phổ cập gồm những gì?"
    words = lambda terms: {w for t in terms for w in t.split()}  # noqa: E731
    terms = set(Analyser(WEIGHT, locators=True).analyse(question).terms)
    assert not {"điểm", "b", "tiểu", "mục", "6", "iii"} & words(terms) and {"công cụ", "phổ cập"} <= terms
    assert {"tiểu", "iii"} <= words(Analyser(WEIGHT).analyse(question).terms)  # the switch off
    # a word typed elsewhere too stays: "mục" of "mục tiêu" is no locator
    assert "mục tiêu" in set(Analyser(WEIGHT, locators=True).analyse("Mục tiêu của khoản 2 Điều 5 là gì?").terms)


def test_who_signed_the_document_asked_of_need_not_be_in_the_passage():
    from hoidap.query.marked import signers_named

    question = "Chương trình mà Phó Thủ tướng Nguyễn Chí Dũng ký ngày 01/12/2025 bố trí bao nhiêu phần trăm ngân sách?"
    assert signers_named(question) == ["Nguyễn Chí Dũng"]
    assert signers_named("Quyết định do Thủ tướng Chính phủ ký ngày nào?") == []  # an office, no name
    query = Analyser(WEIGHT, signers=True, number_dates=True).analyse(question)
    assert "nguyen chi dung" not in query.required and "nguyễn chí dũng" not in query.terms
    assert not {"01", "12"} & set(query.terms)  # the date it was signed dates the document
    assert "nguyen chi dung" in Analyser(WEIGHT).analyse(question).required  # the switch off


def test_a_count_written_in_words_answers_how_many():
    from hoidap.answer.carries import counted_in_words
    from hoidap.query.counted import asked_unit

    assert asked_unit("dựa trên mấy yếu tố nền móng?", True, how_few=True) == "yeu"
    assert asked_unit("dựa trên mấy yếu tố nền móng?", True) == ""  # the switch off
    assert asked_unit("Phụ lục I, chỉ tiêu đến năm 2045: số tuyến cáp quang biển là bao nhiêu?", True, how_few=True) == "tuyen"
    assert asked_unit("Hội đồng có số lượng thành viên là bao nhiêu?", True, how_few=True) == "thanh"
    assert asked_unit("Kinh tế số là bao nhiêu?", True, how_few=True) == ""  # "số" of "kinh tế số" counts nothing
    assert counted_in_words("yeu", "Phát triển dựa trên năm yếu tố nền móng đồng bộ")
    assert not counted_in_words("yeu", "Phát triển trong năm 2025 các yếu tố nền móng")
    assert not counted_in_words("%", "năm mươi phần trăm")


def test_a_khoan_named_alone_in_a_later_part_is_of_the_first_parts_article():
    from hoidap.query.compound import compound_parts

    parts = compound_parts(
        "Khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP ghi khung phạt tiền nào, và khoản 2 (tiết lộ bí mật) ghi khung nào?"
    )
    assert len(parts) == 2 and parts[1].startswith("khoản 2 Điều 95 174/2026/NĐ-CP")
    # a first sentence that asks nothing frames every part
    parts = compound_parts("Phiếu nhiệm vụ — KH 308, mục II. Đơn vị phối hợp là cơ quan nào; thời gian thực hiện là khi nào?")
    assert parts[1].startswith("Phiếu nhiệm vụ — KH 308, mục II.")


def test_a_document_described_after_its_topic_or_by_its_year():
    from hoidap.query.described import described_entry, described_number

    docs = (
        described_entry(
            "384-QĐ/TW", "Quy định",
            "Quy định về kết nối, chia sẻ dữ liệu giữa các cơ quan đảng với các cơ quan, tổ chức khác trong hệ thống chính trị",
            "Ban Chấp hành Trung ương Đảng", "2025",
        ),
        described_entry("13/2023/NĐ-CP", "Nghị định", "Bảo vệ dữ liệu cá nhân", "Chính phủ", "2023"),
    )
    question = (
        "Kết nối, chia sẻ dữ liệu giữa cơ quan đảng với các cơ quan, tổ chức khác — quy định của Ban Bí thư năm 2025 về "
        "việc này có hiệu lực từ khi nào?"
    )
    assert described_number(question, docs) == "384-QĐ/TW"
    assert described_number("Quy định về việc này có hiệu lực từ khi nào?", docs) == ""  # no topic, nothing described
    # typed with diacritics, "cơ quan" does not end the description as "có" does
    assert described_number("Quy định về chia sẻ dữ liệu giữa các cơ quan đảng có hiệu lực khi nào?", docs) == "384-QĐ/TW"


def test_a_return_to_the_first_question_is_read_against_it():
    from hoidap.answer.conversation import Turn, resolutions

    first = Turn("Theo Kế hoạch 308/KH-UBND, nhiệm vụ tạo lập dữ liệu y tế do sở nào chủ trì?", ["Kế hoạch 308/KH-UBND"])
    second = first.then("Còn cơ quan phối hợp là những ai?", ["Quyết định 2629/QĐ-TTg"])
    assert second.first() == first and second.then("…", []).first() == first
    readings = resolutions("Quay lại câu đầu — hạn hoàn thành nhiệm vụ đó là khi nào?", second)
    assert readings[0].startswith("Hạn hoàn thành nhiệm vụ tạo lập dữ liệu y tế") and "308/KH-UBND" in readings[0]
    assert resolutions("Quay lại câu đầu — hạn là khi nào?", second, ellipsis=False)[0].startswith("Quay lại")


def test_a_signature_block_is_read_across_its_signed_mark():
    from hoidap.answer.signature import signature_block

    text = "Điều 3. Tổ chức thực hiện.\n\nTM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n[đã ký]\nNguyễn Hòa Bình"
    start, end = signature_block(text)
    assert text[start:end].startswith("TM. CHÍNH PHỦ") and text[start:end].endswith("Nguyễn Hòa Bình")


def test_a_title_a_task_makes_does_not_name_the_source():
    titled = {" chuong trinh phat trien chinh phu so ": ("2629/QĐ-TTg",)}
    analyser = Analyser(WEIGHT, titled=titled, loose_title_share=0.0)
    task = analyser.analyse("Trong Nghị quyết 03/NQ-CP, nhiệm vụ xây dựng Chương trình phát triển Chính phủ số do bộ nào chủ trì?")
    assert task.numbers == ("03/NQ-CP",)
    named = analyser.analyse("Chương trình phát triển Chính phủ số đặt chỉ tiêu nào cho năm 2030?")
    assert named.numbers == ("2629/QĐ-TTg",)


def test_chat_shorthand_is_spelled_out_but_not_a_letter_of_a_list():
    from core.lexicon import ABBREVIATIONS
    from hoidap.query.expansions import spelled_out

    assert spelled_out("cho e hỏi nv này hạn bh z", ABBREVIATIONS) == [
        ("e", "em"), ("nv", "nhiệm vụ"), ("bh", "bao giờ"), ("z", "vậy")
    ]
    assert spelled_out("điểm e khoản 2 quy định gì", ABBREVIATIONS) == []
    assert spelled_out("theo mục e) thì sao", ABBREVIATIONS) == []


def test_a_sentence_quoted_names_the_document_asked_about():
    from core.models import DocMeta
    from hoidap.retrieve import Passage
    from hoidap.service import quoting_document
    from index.store import StoredChunk

    def passage(number: str, text: str) -> Passage:
        doc = DocMeta(doc_type="Quyết định", number=number)
        return Passage(StoredChunk(number, number, 0, text, 0, len(text), "", "", [(0, len(text))], doc, "d.md"), 1.0)

    found = [
        passage("2629/QĐ-TTg", "Chính phủ số là nền tảng của quản trị quốc gia."),
        passage("2597/QĐ-TTg", "Chuyển đổi số là đòn bẩy tạo đột phá trong phát triển kết cấu hạ tầng xây dựng."),
    ]
    analyser = Analyser(WEIGHT, quoted=True)
    asked = analyser.analyse("Quyết định có câu 'Chuyển đổi số là đòn bẩy tạo đột phá trong phát triển kết cấu hạ tầng' "
                             "có hiệu lực từ khi nào?")
    assert quoting_document(asked, found) == "2597/QĐ-TTg"
    content = analyser.analyse("Câu 'Chuyển đổi số là đòn bẩy tạo đột phá' nói về lĩnh vực nào?")
    assert quoting_document(content, found) == ""  # asks about the content, not the document


def test_a_form_typed_without_diacritics_stays_so():
    from hoidap.query.forms import form_filled

    assert form_filled("KH 308 Ha Noi — bao cao len phan mem. Dia chi trang: ___ ?") == (
        "KH 308 Ha Noi — bao cao len phan mem. Dia chi trang la gi ?"
    )


def test_a_unit_asked_of_by_name_is_found():
    from hoidap.query.headings import heading_asked

    assert heading_asked("chuong ii cua luat giao dich dien tu co ten la gi?") == "chuong ii"
    assert heading_asked("dieu 9 luat giao dich dien tu 2023 noi ve viec gi?") == "dieu 9"
    assert heading_asked("phu luc ii cua quyet dinh 2629 co tieu de gi") == "phu luc ii"
    assert heading_asked("dieu 9 quy dinh gi ve chu ky so?") == ""  # asks the content, not the name
    assert heading_asked("chuong ii co bao nhieu dieu?") == ""


def test_a_units_heading_is_quoted_from_the_documents_structure(service):
    """On the real (tiny) index: a chapter's and an article's heading, cited; a chapter the law lacks is said to be
    missing instead of answered by sentences sharing the question's words."""
    chapter = service.ask("Chương II của Luật Giao dịch điện tử 20/2023/QH15 có tên là gì?")
    assert not chapter.refused and "THÔNG ĐIỆP DỮ LIỆU" in chapter.text and chapter.citations
    article = service.ask("Điều 9 Luật Giao dịch điện tử 20/2023/QH15 nói về việc gì?")
    assert "Thông điệp dữ liệu có giá trị như văn bản" in article.text
    assert article.citations[0].passage.chunk.label.startswith("Điều 9")
    missing = service.ask("Chương XII của Luật Giao dịch điện tử 20/2023/QH15 có tên là gì?")
    assert missing.refused and "không có Chương XII" in missing.notice


def test_a_documents_purpose_is_asked_of_its_part_titled_muc_dich():
    asked = Analyser(WEIGHT, purpose=True).analyse("Kế hoạch 617/KH-UBND được ban hành nhằm mục đích gì?")
    assert asked.sections == ("Mục đích",) and "=mục đích" in asked.terms
    assert Analyser(WEIGHT, purpose=True).analyse("Kế hoạch 308/KH-UBND ban hành để làm gì?").sections == ("Mục đích",)
    assert Analyser(WEIGHT).analyse("Kế hoạch 617/KH-UBND được ban hành nhằm mục đích gì?").sections == ()  # switch off
    assert Analyser(WEIGHT, purpose=True).analyse("Kế hoạch 617 giao Sở nào chủ trì?").sections == ()


def test_several_units_or_a_units_parts_are_listed_from_the_structure(service):
    """'Các chương của Luật … có tên là gì?' lists every chapter's heading; 'Chương II … gồm những mục nào?' the
    sections of that chapter, each line cited."""
    from hoidap.query.headings import heading_asked

    assert heading_asked("hai phu luc kem theo quyet dinh 2629 co ten lan luot la gi?") == "phu luc *"
    assert heading_asked("muc iii cua ke hoach 144 duoc chia thanh nhung phan nao?") == "muc iii >"
    chapters = service.ask("Các chương của Luật Giao dịch điện tử 20/2023/QH15 có tên là gì?")
    assert "- Chương I. NHỮNG QUY ĐỊNH CHUNG" in chapters.text and "- Chương VIII. ĐIỀU KHOẢN THI HÀNH" in chapters.text
    assert len(chapters.citations) >= 8
    sections = service.ask("Chương II của Luật Giao dịch điện tử 20/2023/QH15 gồm những mục nào?")
    assert "Mục 1. GIÁ TRỊ PHÁP LÝ CỦA THÔNG ĐIỆP DỮ LIỆU" in sections.text and "Mục 3. CHỨNG THƯ ĐIỆN TỬ" in sections.text


def test_a_target_row_is_read_under_the_period_heading_above_it():
    from hoidap.answer.tables import horizon_above
    from hoidap.terms import horizon_years

    assert horizon_years("chỉ tiêu giai đoạn 2028-2030 do Bộ Nội vụ chủ trì") == ["2030"]
    text = "I | Giai đoạn 2025-2027\n6 | Tỉ lệ cán bộ | % | 100%\nII | Giai đoạn 2028-2030\n7 | Tỉ lệ cán bộ | % | 25%"
    assert horizon_above(text, text.index("6 |")) == ["2027"] and horizon_above(text, text.index("7 |")) == ["2030"]
    prose = "- Giai đoạn 2025-2027\n+ 100% đạt cấp độ 3.\n- Giai đoạn 2028-2030\n+ 90% đạt cấp độ 5."
    assert horizon_above(prose, prose.index("+ 90%")) == ["2030"]
    assert horizon_above("7 | Tỉ lệ | % | 25%", 0, "Giai đoạn 2028-2030") == ["2030"]  # the group read from before


def test_a_list_pointed_to_elsewhere_is_not_a_list():
    from hoidap.answer.extractive import POINTS_ELSEWHERE

    assert POINTS_ELSEWHERE.search("ưu tiên hoàn thiện 11 cơ sở dữ liệu (danh mục chi tiết tại Phụ lục II Nghị quyết 214)")
    assert not POINTS_ELSEWHERE.search("Danh mục dữ liệu mở gồm: dữ liệu đất đai, dữ liệu dân cư, dữ liệu doanh nghiệp.")


def test_a_follow_up_on_another_period_replaces_the_whole_period():
    from hoidap.answer.conversation import Turn, resolutions

    first = Turn("Giai đoạn 2025-2027, Chương trình phát triển Chính phủ số đặt chỉ tiêu bao nhiêu phần trăm?", [])
    assert resolutions("Thế còn giai đoạn 2028-2030?", first)[0].startswith("Giai đoạn 2028-2030, Chương trình")


def test_a_row_asked_by_its_number_is_read():
    from hoidap.query.headings import row_asked

    assert row_asked("nhiem vu so 75 trong phu luc ii cua nghi quyet 03/nq-cp do co quan nao chu tri?") == "75"
    assert row_asked("chi tieu thu 6 cua phu luc i la gi?") == "6"
    assert row_asked("nhiem vu nao do bo cong an chu tri?") == ""
    titled = {}
    asked = Analyser(WEIGHT, titled=titled, row_numbers=True).analyse("Nhiệm vụ số 75 trong Phụ lục II của Nghị quyết 03/NQ-CP do ai chủ trì?")
    assert asked.row_number == "75"
    assert Analyser(WEIGHT).analyse("Nhiệm vụ số 75 trong Phụ lục II của Nghị quyết 03/NQ-CP do ai chủ trì?").row_number == ""


def test_two_clauses_set_against_each_other_by_con_are_two_questions():
    from hoidap.query.compound import compound_parts

    parts = compound_parts(
        "Theo Thông tư 31/2017/TT-BTTTT, Cục An toàn thông tin quản lý hệ thống nào, còn Trung tâm VNCERT quản lý hệ thống nào?",
        clause_join=True,
    )
    assert len(parts) == 2 and "VNCERT" in parts[1] and parts[1].startswith("Theo Thông tư 31/2017/TT-BTTTT")
    assert len(compound_parts("Sở Tài chính lo kinh phí, còn Sở Nội vụ thì làm gì?", clause_join=True)) == 1
