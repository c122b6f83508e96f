"""What a pasted message wraps around a question (hoidap/query/message.py)."""

from conftest import switched

from hoidap.query.message import document_of_file, files_named, full_years, joined_line_breaks, without_email_frame, without_markup

FORWARDED = (
    "---------- Forwarded message ---------\n"
    "From: Trần Minh Đức <duc.tm@stc.gov.vn>\n"
    "Date: Thu, 12 Mar 2026 at 09:14\n"
    "Subject: Fwd: CV 402-CV/VPĐU xin ý kiến dự thảo báo cáo NQ 57\n"
    "To: Phòng Pháp chế\n\n"
    "Anh chị cho hỏi: Văn phòng Đảng ủy Chính phủ đề nghị gửi ý kiến chậm nhất vào lúc nào?"
)


def test_a_forwarded_header_is_set_aside_and_its_subject_kept_before_the_question():
    assert without_email_frame(FORWARDED) == (
        "CV 402-CV/VPĐU xin ý kiến dự thảo báo cáo NQ 57. "
        "Anh chị cho hỏi: Văn phòng Đảng ủy Chính phủ đề nghị gửi ý kiến chậm nhất vào lúc nào?"
    )


def test_a_signature_after_a_closing_formula_ends_the_question():
    asked = "KH 144 Bắc Ninh yêu cầu tỷ trọng STEM tối thiểu bao nhiêu?"
    for closing in ("Trân trọng,", "Cảm ơn và trân trọng,", "Thanks", "Tran trong,"):
        pasted = f"{asked}\n\n{closing}\nNguyễn Văn A\nPhòng Quản lý đào tạo – Trường ĐH X\nĐT: 0912 xxx xxx"
        assert without_email_frame(pasted) == asked
    assert without_email_frame(f"{asked}\nĐT: 0912 xxx xxx") == asked


def test_a_message_without_frame_is_left_as_it_is():
    for question in ("Ngày: 20/5/2025 thì sao?", "Luật có hiệu lực từ ngày nào?", "Dòng 1\nDòng 2: chủ trì là ai?"):
        assert without_email_frame(question) == question
    only_header = "Subject: hỏi\nFrom: a"
    assert without_email_frame(only_header) == only_header  # nothing would be left: the text stays


def test_pdf_line_break_hyphens_are_joined():
    assert joined_line_breaks("giữa các cơ-\nquan, tổ chức") == "giữa các cơ quan, tổ chức"
    assert joined_line_breaks("kết nối dữ li-\nệu") == "kết nối dữ liệu"
    assert joined_line_breaks("giai đoạn 2025-2030") == "giai đoạn 2025-2030"


def test_markdown_and_html_marks_are_set_aside():
    assert without_markup("`QĐ 2629` giao **Bộ Nội vụ** _chủ trì_ gì?") == "QĐ 2629 giao Bộ Nội vụ chủ trì gì?"
    assert without_markup("<b>Điều 15</b>&nbsp;quy định gì?") == "Điều 15 quy định gì?"
    assert without_markup("file ND_224_2026_ND-CP.pdf") == "file ND_224_2026_ND-CP.pdf"
    assert without_markup("Tỷ lệ 5*3 và a_b") == "Tỷ lệ 5*3 và a_b"
    blanks = "Ban Chỉ đạo có ___ Tổ Công tác; tổ cải cách do ___ làm Tổ trưởng"  # blanks to fill are no marks
    assert without_markup(blanks) == blanks


def test_a_document_is_read_from_its_file_name_or_web_address():
    assert document_of_file("ND_224_2026_ND-CP.pdf") == "Nghị định 224/2026"
    assert document_of_file("03_NQ-CP_09012025.docx") == "Nghị quyết 03"
    assert document_of_file("luat-giao-dich-dien-tu-20-2023-QH15.md") == "Luật 20/2023"
    assert document_of_file("quy-dinh-384-QD-TW-2025-ket-noi.pdf") == "Quy định 384"
    assert document_of_file("chinhphu.vn/van-ban/quyet-dinh-2629-qd-ttg") == "Quyết định 2629"
    assert document_of_file("bao-cao-tong-hop.pdf") == ""  # no number: nothing to read
    assert files_named("Trong file ND_224_2026_ND-CP.pdf, Điều nào quy định về Tổ công nghệ số?") == (
        "Trong Nghị định 224/2026, Điều nào quy định về Tổ công nghệ số?"
    )
    assert files_named("Cổng data.gov.vn do ai vận hành? Gửi a@b.gov.vn") == "Cổng data.gov.vn do ai vận hành? Gửi a@b.gov.vn"


def test_two_digit_years_are_read_as_years():
    assert full_years("mục tiêu đến hết năm 35 thì bao nhiêu %") == "mục tiêu đến hết năm 2035 thì bao nhiêu %"
    assert full_years("NĐ 224/26 và Luật 20/23/QH15") == "NĐ 224 năm 2026 và Luật 20/2023/QH15"
    assert full_years("QĐ 384/25 của Ban Bí thư") == "QĐ 384 năm 2025 của Ban Bí thư"
    assert full_years("hạn t12/25, thông qua ngày 26/6/25") == "hạn t12/2025, thông qua ngày 26/6/2025"
    assert full_years("năm 25 tuổi, 30 người, 2025-2030") == "năm 25 tuổi, 30 người, 2025-2030"


SIGNED = (
    "Luật Giao dịch điện tử có hiệu lực thi hành từ ngày nào?\n\n"
    "Trân trọng,\nPhạm Thu Trang\nVăn phòng Đoàn ĐBQH và HĐND tỉnh Quảng Trị\nĐT: 0912 345 678"
)


def test_a_question_pasted_with_its_signature_is_answered(service):
    answer = service.ask(SIGNED)
    assert not answer.refused
    assert "01 tháng 7 năm 2024" in answer.text or "1/7/2024" in answer.text


def test_the_email_frame_switch_off(service):
    off = switched(service, rule_email_frame=False)
    assert off.unwrapped(SIGNED) == SIGNED
    assert service.unwrapped(SIGNED) == "Luật Giao dịch điện tử có hiệu lực thi hành từ ngày nào?"


def test_everyday_words_are_read_as_the_documents_terms_when_their_own_do_not_find_them(service):
    """The thesaurus (core/everyday_thesaurus.tsv) is read when a question's own words find no passage covering them."""
    asked = "Open data của cơ quan nhà nước là gì?"  # "dữ liệu mở" in the Law's words
    on, off = switched(service, rule_everyday_thesaurus=True), switched(service, rule_everyday_thesaurus=False)
    found = on.ask(asked)
    assert not found.refused and "Dữ liệu mở" in found.text
    assert "Dữ liệu mở" not in off.ask(asked).text


def test_a_title_ends_where_its_number_begins():
    from hoidap.query.documents import force_of

    assert force_of("Luật Giao dịch điện tử 20/2023 có hiệu lực từ khi nào?") == "luat giao dich dien tu"
    assert force_of("Luật Giao dịch điện tử số 20/2023/QH15 có hiệu lực từ khi nào?") == "luat giao dich dien tu"
    assert force_of("Luật Bảo vệ dữ liệu cá nhân có hiệu lực thi hành từ ngày nào?") == "luat bao ve du lieu ca"


def test_a_law_named_by_title_and_number_is_answered_its_force(service):
    answer = service.ask("Luật Giao dịch điện tử 20/2023 có hiệu lực thi hành từ ngày nào?")
    assert not answer.refused and ("01 tháng 7 năm 2024" in answer.text or "1/7/2024" in answer.text)
