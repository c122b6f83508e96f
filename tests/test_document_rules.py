"""Rules of Vietnamese and of legal text added in the sixteenth session (each switchable; see the README's ablation):
a document described by type and subject, a date written after a số hiệu, a table row's group row, the unit column of
a table row, quoted phrases, a province typed in lower case, a place asked, a run of phrases as a list, a compound
question on one document's force, and the effective date checked by a yes/no question."""

from core.models import DocMeta
from hoidap.answer.carries import carries, counts, runs_after
from hoidap.answer.tables import group_rows, header_of
from hoidap.retrieve import Passage
from index.store import StoredChunk

WEIGHT = lambda term: 1.0  # noqa: E731


def test_a_document_described_by_type_and_subject_is_named():
    """'nghị định hướng dẫn Luật Chuyển đổi số' names the one decree whose title holds those words; a description two
    documents fit, one a document of another type fits, or too short a one names none."""
    from hoidap.query import Analyser
    from hoidap.query.described import described_entry, described_number

    docs = (
        described_entry("224/2026/NĐ-CP", "Nghị định", "Quy định chi tiết và hướng dẫn thi hành Luật Chuyển đổi số", "Chính phủ"),
        described_entry("308/KH-UBND", "Kế hoạch", "Kế hoạch tạo lập dữ liệu phục vụ chuyển đổi số", "Ủy ban nhân dân thành phố Hà Nội"),
        described_entry("144/KH-UBND", "Kế hoạch", "Kế hoạch phát triển kinh tế số và xã hội số", "Ủy ban nhân dân tỉnh Bắc Ninh"),
        described_entry("2623/QĐ-TTg", "Quyết định", "Quyết định ban hành Kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân", "Thủ tướng Chính phủ"),
    )
    assert described_number("Nghị định hướng dẫn Luật Chuyển đổi số có hiệu lực từ ngày nào?", docs) == "224/2026/NĐ-CP"
    assert described_number("kế hoạch về dữ liệu của Hà Nội do ai ký?", docs) == "308/KH-UBND"
    assert described_number("Kế hoạch thi hành Luật Bảo vệ dữ liệu cá nhân giao Bộ nào?", docs) == "2623/QĐ-TTg"  # its title
    assert described_number("Kế hoạch chuyển đổi số giao Sở nào?", (*docs, described_entry(
        "617/KH-UBND", "Kế hoạch", "Kế hoạch chuyển đổi số cho các doanh nghiệp", "Ủy ban nhân dân tỉnh Đồng Tháp"
    ))) == ""  # two plans fit
    assert described_number("Luật Chuyển đổi số có hiệu lực từ ngày nào?", docs) == ""  # no law of that title indexed
    assert described_number("Kế hoạch 308 giao Sở nào?", docs) == ""  # named by number
    query = Analyser(WEIGHT, described=docs).analyse("Nghị định hướng dẫn Luật Chuyển đổi số có hiệu lực từ ngày nào?")
    assert query.numbers == ("224/2026/NĐ-CP",) and query.validity == "effective"
    assert Analyser(WEIGHT).analyse("Nghị định hướng dẫn Luật Chuyển đổi số có hiệu lực từ ngày nào?").numbers == ()


def test_a_date_after_a_so_hieu_dates_that_document():
    """'… số 2597/QĐ-TTg ngày 27 tháng 11 năm 2025 do ai ký?': 2025 is found in the document's date and 'ngày', '27',
    'tháng', '11' are no key terms (a signature block does not restate its document's date)."""
    from hoidap.query import Analyser
    from hoidap.terms import document_years

    question = "Quyết định số 2597/QĐ-TTg ngày 27 tháng 11 năm 2025 do ai ký?"
    assert document_years(question) == [] and document_years(question, number_dates=True) == ["2025"]
    assert document_years("Quy định 384-QĐ/TW ngày 29/11/2025 giao ai?", number_dates=True) == ["2025"]
    query = Analyser(WEIGHT, number_dates=True).analyse(question)
    assert "2025" in query.dated and not {"ngày", "27", "tháng", "11"} & set(query.terms)
    assert {"ngày", "tháng"} <= set(Analyser(WEIGHT).analyse(question).terms)  # the switch off


DOC = DocMeta(doc_type="Nghị quyết", number="03/NQ-CP")
TABLE = [
    ("Phụ lục I", "TT | Chỉ tiêu | Đơn vị | Kết quả\nI | Đến năm 2030\n1 | Tiềm lực khoa học | Thứ bậc | Tiên tiến"),
    ("Phụ lục I", "23.3 | Tổng dung lượng cáp quang trên biển | Tbps | ≥ 350\n23.4 | Phủ sóng 5G | % dân số | 99"),
    ("Phụ lục I", "II | Đến năm 2045\n30 | Kinh tế số | % GRDP | 50"),
]
CHUNKS = [StoredChunk(f"t{i}", "d", i, text, 0, len(text), label, label, [(0, len(text))], DOC, "d.md") for i, (label, text) in enumerate(TABLE)]
before = lambda c: CHUNKS[c.position - 1] if c.position > 0 else None  # noqa: E731


def test_a_table_row_is_read_under_its_group_row():
    """A row's target year is in the group row above it, often passages earlier ('I | Đến năm 2030')."""
    assert group_rows(CHUNKS[1], before) == "Đến năm 2030"
    assert group_rows(CHUNKS[2], before) == "Đến năm 2030 Đến năm 2045"  # the group above and the one inside
    assert group_rows(CHUNKS[1], None) == ""


def test_a_table_row_with_its_unit_column_counts_what_is_asked():
    """'… | Tbps | ≥ 350' gives a figure in Tbps; a row of figures is no header of the rows below it."""
    assert counts("tbps", "23.3 | Tổng dung lượng cáp quang trên biển | Tbps | ≥ 350")
    assert not counts("tbps", "23.3 | Tổng dung lượng cáp quang trên biển | Tbps | chưa xác định")
    assert header_of(CHUNKS[1], CHUNKS[1].text.index("23.4")) == ""  # the row 23.3 above names no columns


def test_a_quoted_phrase_is_one_term():
    """'Cụm "dữ liệu chủ" …': the phrase in that order is a key term (not a document's title in quotation marks)."""
    from hoidap.query import Analyser
    from hoidap.terms import DEFINITION_PREFIX, EXACT_PREFIX

    terms = Analyser(WEIGHT, quoted=True).analyse("Cụm 'dữ liệu chủ' được định nghĩa thế nào?").terms
    assert EXACT_PREFIX + "dữ liệu chủ" in terms
    titled = {" chuong trinh phat trien chinh phu so ": ("2629/QĐ-TTg",)}
    terms = Analyser(WEIGHT, quoted=True, titled=titled).analyse("“Chương trình phát triển Chính phủ số” giao ai?").terms
    assert not any(t.startswith(EXACT_PREFIX) for t in terms)
    assert not any(t.startswith(EXACT_PREFIX) and not t.startswith(DEFINITION_PREFIX) for t in Analyser(WEIGHT).analyse(
        "Cụm 'dữ liệu chủ' là gì?"
    ).terms)
    query = Analyser(WEIGHT, quoted=True).analyse("Cụm 'dữ liệu chủ' được định nghĩa thế nào?")
    assert query.definition == "dữ liệu chủ là"  # the phrase quoted is what is defined


def test_a_province_typed_in_lower_case_must_be_named():
    """'tinh binh duong' names Bình Dương: a passage on Bình Phước does not answer."""
    from hoidap.terms import provinces_named, required_terms

    assert provinces_named("tinh binh duong dat muc tieu bao nhieu") == ["binh duong"]
    assert provinces_named("tp hồ chí minh và tỉnh bà rịa - vũng tàu") == ["ho chi minh", "ba ria vung tau"]
    assert provinces_named("binh duong dat bao nhieu") == []  # no place noun before it
    assert required_terms("tinh binh duong dat bao nhieu", provinces=True) == ["binh duong"]
    assert required_terms("Tỉnh Bình Dương đạt bao nhiêu?", provinces=True) == ["binh duong"]  # once
    assert required_terms("tinh binh duong dat bao nhieu") == []


def test_a_place_asked_is_answered_by_a_place():
    """'… chọn tỉnh, thành phố nào …?' is answered by a sentence naming a province, not one naming none."""
    from hoidap.query import ORGANISATION, Analyser

    query = Analyser(WEIGHT).analyse("Quyết định 2597/QĐ-TTg chọn tỉnh, thành phố nào để thí điểm?")
    assert query.answer_type == ORGANISATION and query.kind == "thanh pho"
    passage = Passage(CHUNKS[0], 1.0)
    assert not carries(ORGANISATION, "Xây dựng và vận hành thí điểm Trung tâm điều hành.", passage, kind=query.kind)
    assert carries(ORGANISATION, "Thí điểm tại Hà Nam và Thái Nguyên.", passage, kind=query.kind)
    assert carries(ORGANISATION, "Thí điểm tại tỉnh Quảng Trị.", passage, kind=query.kind)


def test_a_run_of_phrases_after_what_is_asked_is_a_list():
    """'… tổ chức tôn vinh A, B, C và D.' (parallel items) lists what 'tôn vinh' asks; a long sentence with commas
    lists nothing."""
    text = ("Định kỳ công bố kết quả; tổ chức tôn vinh dịch vụ công chất lượng nhất, dịch vụ công thu hút nhất, cơ quan "
            "vận hành tối ưu nhất, vấn đề có kết quả đột phá nhất và cơ quan phát triển tốt nhất.")
    assert runs_after({"tôn vinh": 3.0, "công bố": 1.0}, text, True)
    assert not runs_after({"công bố": 1.0}, text, True)  # the run follows another word than the strongest named
    assert carries("list", text, None, run_terms={"tôn vinh": 3.0}) and not carries("list", text, None)
    aside = "Dữ liệu cán bộ (các cơ quan đảng, các tổ chức chính trị-xã hội, các tỉnh ủy, các thành ủy)."
    assert not runs_after({"dữ liệu": 2.0}, aside, True)
    news = ("Sau khi nghe các thành viên Ban Chỉ đạo thảo luận, Tổng Bí thư phát biểu kết luận, nhấn mạnh cần quán triệt "
            "một số quan điểm, triển khai có trọng tâm, trọng điểm.")
    assert not runs_after({"chỉ đạo": 2.0, "triển khai": 1.0}, news, True)


def test_a_yes_no_check_of_an_effective_date_asks_it():
    """'Đúng hay sai: Quyết định … chỉ có hiệu lực từ 01/01/2026?' asks when it takes effect; so does 'bắt đầu có hiệu
    lực tính từ lúc nào?'. 'Theo Luật có hiệu lực từ 01/01/2026, …' asks nothing of the kind."""
    from hoidap.query.documents import validity_asked

    assert validity_asked("dung hay sai: quyet dinh 2623 chi co hieu luc tu 01/01/2026, cung ngay voi luat?") == "effective"
    assert validity_asked("quyet dinh 2623 co hieu luc tu ngay 1/1/2026 phai khong?") == "effective"
    assert validity_asked("quyet dinh 2597 bat dau co hieu luc tinh tu luc nao?") == "effective"
    assert validity_asked("theo luat co hieu luc tu 01/01/2026, co quan nao chu tri?") == ""


def test_compound_parts_of_one_document_force_and_it():
    """'…? Nó hết hiệu lực từ ngày nào?': the second part asks of the document the first names; 'do ai ký và được ban
    hành theo đề nghị của Bộ trưởng bộ nào?' is two questions, however long the second."""
    from hoidap.query.compound import compound_parts

    parts = compound_parts("Nghị định 42/2022/NĐ-CP còn được áp dụng không? Nó hết hiệu lực từ ngày nào?")
    assert parts[1] == "42/2022/NĐ-CP hết hiệu lực từ ngày nào?"
    parts = compound_parts("Quyết định 2597/QĐ-TTg do ai ký và được ban hành theo đề nghị của Bộ trưởng bộ nào?")
    assert len(parts) == 2 and parts[1].endswith("theo đề nghị của Bộ trưởng bộ nào?")


def test_what_besides_sets_aside_is_no_answer():
    """'Ngoài Bộ Công an, cơ quan nào phối hợp?' is not answered by 'Cơ quan thực hiện: Bộ Công an'; 'Trừ năm 2026,
    còn mốc nào?' not by a sentence whose only date is 2026."""
    from hoidap.answer.carries import names_other_than
    from hoidap.query import Analyser
    from hoidap.query.marked import set_aside

    assert set_aside("Ngoài Bộ Công an, còn cơ quan nào phối hợp?") == ["cong an"]
    assert set_aside("Trừ năm 2026 ra, còn mốc nào?") == ["2026"]
    assert Analyser(WEIGHT, besides=True).analyse("Ngoài Bộ Công an, còn cơ quan nào phối hợp?").besides == ("cong an",)
    assert not names_other_than(("cong an",), "organisation", "- Cơ quan thực hiện: Bộ Công an.")
    assert names_other_than(("cong an",), "organisation", "Cơ quan phối hợp: Bộ Công an, Bộ Tài chính.")
    assert not names_other_than(("2026",), "date", "Thời gian thực hiện: năm 2026.")
    assert names_other_than(("2026",), "date", "Hoàn thành trong năm 2026 - 2027.")


def test_a_machine_is_no_how_many_in_a_compound_question():
    """'Các mạng máy tính và phần mềm … theo mấy bậc?' is one question: 'máy tính' asks nothing."""
    from hoidap.query.compound import compound_parts

    question = "Các mạng máy tính và phần mềm nghiệp vụ được xếp hạng bảo mật theo mấy bậc?"
    assert compound_parts(question) == [question]


def test_a_follow_up_asking_for_the_source_or_clarifying_the_level():
    """'Trích nguyên văn giúp tôi.' asks the previous question again (its answer quotes); 'Ý tôi là cấp xã cơ.'
    puts the level in place of the one asked."""
    from hoidap.answer.conversation import Turn, resolve

    first = "Theo Nghị định 224/2026/NĐ-CP, Chủ tịch Ủy ban nhân dân cấp tỉnh có trách nhiệm gì?"
    previous = Turn(first, ["224/2026/NĐ-CP"])
    assert resolve("Trích nguyên văn giúp tôi.", previous) == first
    assert resolve("Cho tôi xem nguồn nhé", previous) == first
    assert resolve("Ý tôi là cấp xã cơ.", previous) == first.replace("cấp tỉnh", "cấp xã")
    assert resolve("Trích nguyên văn giúp tôi.", None) == "Trích nguyên văn giúp tôi."


def test_a_header_row_opening_a_table_is_no_answer():
    """'STT | Nhóm lĩnh vực dữ liệu | Dữ liệu | Cơ quan chủ quản dữ liệu' under a title opens a table: it names columns."""
    from hoidap.answer.tables import opens_table

    text = "DANH SÁCH DỮ LIỆU\nSTT | Nhóm lĩnh vực | Dữ liệu | Cơ quan chủ quản\n1 | Tổ chức | Dữ liệu tổ chức đảng | Ban Tổ chức"
    chunk = StoredChunk("h", "d", 0, text, 0, len(text), "Phụ lục", "Phụ lục", [(0, len(text))], DOC, "d.md")
    header = "STT | Nhóm lĩnh vực | Dữ liệu | Cơ quan chủ quản"
    assert opens_table(chunk, text.index("STT"), header)
    row = "1 | Tổ chức | Dữ liệu tổ chức đảng | Ban Tổ chức"
    assert not opens_table(chunk, text.index("1 |"), row)  # a row under it
    assert not opens_table(CHUNKS[1], 0, "23.3 | Tổng dung lượng cáp quang trên biển | Tbps | ≥ 350")
    assert not opens_table(chunk, text.index("STT"), "Luật số: 20/2023/QH15 | Hà Nội, ngày 22 tháng 6 năm 2023")


def test_a_named_clause_and_the_old_law():
    """'Khoản 2 Điều 17 …', 'mục 6 Điều 3 …' name a khoản whose passages come first; '… luật cũ hết hiệu lực khi
    nào?' asks what the named law ends (its date), not whether the named law has ended."""
    from hoidap.query.documents import in_clause, named_clauses, validity_asked

    assert named_clauses("Khoản 2 Điều 17 Quy định 384 quy định gì?") == ["dieu 17 khoan 2"]
    assert named_clauses("Theo mục 6 Điều 3 Quyết định 2623, …") == ["dieu 3 khoan 6"]
    assert in_clause("Điều 17, khoản 1–2", "dieu 17 khoan 2") and not in_clause("Điều 17", "dieu 17 khoan 2")
    assert not in_clause("Điều 3, khoản 5", "dieu 3 khoan 6")
    assert validity_asked("dieu 52 luat giao dich dien tu 2023 quy dinh luat cu het hieu luc khi nao?") == "replaces"
