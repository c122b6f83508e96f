"""Rules of Vietnamese and of legal text added in the fifteenth session (the new ones switchable; see the README's ablation):
the i/y spelling, spoken fillers and politeness formulas, a unit of a document named by number, a yes/no question
on a document's entry into force, and a follow-up that contrasts one subject of the previous question."""

from hoidap.answer.conversation import Turn, resolutions

WEIGHT = lambda term: 1.0  # noqa: E731
# a corpus that has every syllable and these words, but no "cái vụ" or "cắt hẳn" written as one word
WORDS = {"chủ_quản", "dữ_liệu", "kết_nối", "cáp_quang", "kế_hoạch", "hằng_năm", "doanh_nghiệp"}
SYLLABLES = lambda token: 1.0 if "_" not in token or token in WORDS else 0.0  # noqa: E731
# a corpus that writes "kỹ thuật", "tỷ lệ" (and "tỉ lệ" once, a rarer spelling: a higher IDF), never "kĩ"
IDF = {"kỹ": 2.0, "kỹ_thuật": 2.0, "tỷ": 1.5, "tỉ": 4.0, "lý": 2.0, "quý": 3.0, "quí": 5.0}
CORPUS = lambda token: IDF.get(token, 0.0)  # noqa: E731


def test_a_syllable_spelt_with_i_is_also_looked_for_with_y():
    """'kĩ', 'tỉ', 'lí', 'quí' are also looked for as the corpus mostly writes them; not the other way, not where the
    other spelling is unknown to the corpus, not 'gi', 'chi' (no 'y' spelling), and not with the switch off."""
    from hoidap.orthography import iy_spellings, swapped
    from hoidap.query import Analyser

    assert swapped("kĩ") == "kỹ" and swapped("Quý") == "Quí" and swapped("tỉ") == "tỷ" and swapped("hy") == "hi"
    assert swapped("gì") == swapped("chi") == swapped("ai") == swapped("nhì") == ""
    found = dict(iy_spellings("Kĩ thuật, tỉ lệ, lí do, quí IV, chỉ tiêu, kỹ năng", CORPUS))
    assert found == {"Kĩ": "Kỹ", "tỉ": "tỷ", "lí": "lý", "quí": "quý"}
    query = Analyser(CORPUS, iy_spelling=True).analyse("Tỉ lệ kĩ năng số đạt bao nhiêu?")
    assert "Tỷ lệ kỹ năng" in query.expanded and ("kĩ", "kỹ") in query.expansions
    assert "kĩ" in query.tokens  # the spelling as typed is looked for too
    assert Analyser(CORPUS).analyse("Tỉ lệ kĩ năng số đạt bao nhiêu?").expanded.startswith("Tỉ lệ kĩ")
    assert Analyser(CORPUS, iy_spelling=True).analyse("ti le ki nang so dat bao nhieu?").expansions == ()


def test_spoken_fillers_and_politeness_are_no_key_terms():
    """'cái', 'hẳn', 'luôn' (typed with diacritics) and 'xin hỏi' carry no topic; 'mới', 'hằng năm', 'vừa' do."""
    from hoidap.query import Analyser

    question = "Xin hỏi cái vụ chủ quản dữ liệu cắt hẳn kết nối luôn thì nằm ở điều mấy?"
    terms = Analyser(SYLLABLES, fillers=True).analyse(question).terms
    assert {"cái", "hẳn", "luôn", "xin", "hỏi"}.isdisjoint(terms) and {"chủ quản", "kết nối", "vụ"} <= set(terms)
    assert "cái" in Analyser(SYLLABLES).analyse(question).terms  # the switch off
    kept = Analyser(SYLLABLES, fillers=True).analyse("Tuyến cáp quang biển mới, kế hoạch hằng năm của doanh nghiệp nhỏ và vừa")
    assert {"mới", "vừa"} <= set(kept.terms)
    assert "cai" in Analyser(SYLLABLES, fillers=True).analyse("cai vu chu quan du lieu").terms  # "cai" may be "cải"


def test_a_unit_named_by_number_is_no_name_a_passage_must_repeat():
    """'Mục IV', 'Phụ lục II', 'Điều 16' are units of a document, not proper names; 'Bắc Ninh' still is."""
    from hoidap.terms import required_terms

    required = required_terms("Mục IV về kinh phí của Đề án và Phụ lục II của Kế hoạch ở Bắc Ninh ưu tiên hình thức nào?")
    assert required == ["bac ninh"]


def test_a_yes_no_question_on_entry_into_force_asks_the_effective_date():
    """'… có hiệu lực liền từ ngày ký hông?' asks when the document takes effect, as '… từ ngày nào?' does."""
    from hoidap.query.documents import validity_asked

    assert validity_asked("quyet dinh nay co hieu luc lien tu ngay ky khong, hay phai doi mot thoi gian?") == "effective"
    assert validity_asked("nghi dinh 13 co hieu luc chua") == "effective"
    assert validity_asked("chung thu so con hieu luc thi duoc xu ly ra sao") == ""


def test_a_follow_up_contrasting_one_subject_keeps_what_was_asked():
    """'Thế còn X?' puts X in place of the phrase of the previous question it contrasts with, up to where that question
    asks ('… do cơ quan nào chủ trì', '… là bao nhiêu'), whatever the i/y spelling."""
    base = (
        "Trong phụ lục phân công chỉ tiêu của Kế hoạch 144 tỉnh Bắc Ninh, chỉ tiêu tỷ lệ người dân có Sổ sức khỏe điện "
        "tử đạt 95% do cơ quan nào chủ trì?"
    )
    resolved = resolutions("Thế còn tỉ lệ giao dịch không dùng tiền mặt?", Turn(base, ["Kế hoạch 144/KH-UBND"], True))
    assert resolved[0].endswith("chỉ tiêu tỉ lệ giao dịch không dùng tiền mặt do cơ quan nào chủ trì?")
    fine = "Theo Nghị định 174/2026/NĐ-CP, mức phạt tiền tối đa đối với cá nhân trong lĩnh vực bưu chính là bao nhiêu?"
    resolved = resolutions("Thế còn lĩnh vực viễn thông, công nghệ thông tin thì sao?", Turn(fine, ["174/2026/NĐ-CP"], True))
    assert resolved[0] == (
        "Theo Nghị định 174/2026/NĐ-CP, mức phạt tiền tối đa đối với cá nhân trong lĩnh vực viễn thông, công nghệ thông "
        "tin là bao nhiêu?"
    )


def test_a_so_hieu_typed_in_part_names_the_indexed_document():
    """'2629/TTg' is 2629/QĐ-TTg, '384/QĐ-TW' is 384-QĐ/TW when that is the one indexed document holding its parts in
    order; a số hiệu of a document not indexed, or one that two documents could hold, stays as typed."""
    from hoidap.query import Analyser
    from hoidap.query.documents import completed_number

    indexed = frozenset({"2629/qđ-ttg", "384-qđ/tw", "13/2023/nđ-cp", "13/2020/tt-btttt"})
    assert completed_number("2629/TTg", indexed) == "2629/QĐ-TTg"
    assert completed_number("384/QĐ-TW", indexed) == "384-QĐ/TW"
    assert completed_number("174/2017/NĐ-CP", indexed) == "174/2017/NĐ-CP"  # not indexed
    assert completed_number("13/NĐ-CP", indexed) == "13/2023/NĐ-CP" and completed_number("13/TT", indexed) == "13/2020/TT-BTTTT"
    assert completed_number("13/2023", frozenset({"13/2023/nđ-cp", "13/2023/qh15"})) == "13/2023"  # two could hold it
    query = Analyser(WEIGHT, indexed_numbers=indexed, partial_numbers=True).analyse("Theo 2629/TTg, ai chủ trì?")
    assert query.numbers == ("2629/QĐ-TTg",) and query.unindexed == () and "2629 qd ttg" in query.required
    plain = Analyser(WEIGHT, indexed_numbers=indexed).analyse("Theo 2629/TTg, ai chủ trì?")
    assert plain.unindexed == ("2629/TTg",)  # the switch off: a document not indexed


def test_what_an_amount_or_a_so_hieu_question_needs():
    """'vốn điều lệ bao nhiêu' asks an amount in đồng (a rate does not answer it); 'quyết định số mấy' asks a số hiệu
    (a count of decisions does not)."""
    from hoidap.query import Analyser

    assert Analyser(WEIGHT).analyse("Quỹ đầu tư có vốn điều lệ bao nhiêu?").unit == "dong"
    assert Analyser(WEIGHT).analyse("Chương trình được ban hành bằng quyết định số mấy?").wants_code
    assert not Analyser(WEIGHT).analyse("Có bao nhiêu quyết định về số hóa?").wants_code


def test_two_questions_joined_by_roi_are_answered_part_by_part():
    """'…, rồi nếu … thì sau bao lâu …?' joins two questions, each asking a type of answer."""
    from hoidap.query.compound import compound_parts

    parts = compound_parts("Chủ quản phải báo cho họ chậm nhất mấy ngày, rồi nếu họ không khắc phục thì sau bao lâu bị cắt?")
    assert parts == ["Chủ quản phải báo cho họ chậm nhất mấy ngày?", "nếu họ không khắc phục thì sau bao lâu bị cắt?"]
    assert len(compound_parts("Kế hoạch được ban hành, rồi gửi cho cơ quan nào?")) == 1  # one question asked


def test_a_request_opens_the_question_asked():
    """'Cho tôi biết …', 'Nhờ tra giúp: …', 'Tôi cần biết …' ask nothing themselves: the question they open is analysed
    (its answer type read, '?' added); 'Cho phép …' is no request, and a request with little after it stays."""
    from hoidap.query import DATE, YESNO, Analyser
    from hoidap.terms import request_opened

    assert request_opened("Cho tôi biết nghị định 13 có hiệu lực từ ngày nào.") == "Nghị định 13 có hiệu lực từ ngày nào?"
    assert request_opened("Nhờ tra giúp: hạn báo cáo KH 617 Đồng Tháp.") == "Hạn báo cáo KH 617 Đồng Tháp?"
    assert request_opened("cho toi biet nghi dinh 13 co hieu luc khong") == "Nghi dinh 13 co hieu luc khong?"
    assert request_opened("Cho phép doanh nghiệp làm gì?") == "Cho phép doanh nghiệp làm gì?"
    assert request_opened("Vui lòng cho biết ai ký?") == "Vui lòng cho biết ai ký?"
    query = Analyser(WEIGHT, request=True).analyse("Nhờ tra giúp: kế hoạch có phải gửi Bộ Khoa học và Công nghệ không.")
    assert query.answer_type == YESNO and "nhờ" not in query.terms and query.text.startswith("Kế hoạch")
    assert Analyser(WEIGHT, request=True).analyse("Tôi cần biết hạn nộp báo cáo là ngày nào").answer_type == DATE
    assert "giúp" in Analyser(WEIGHT).analyse("Nhờ tra giúp: kế hoạch có phải gửi Bộ không.").terms  # the switch off


def test_the_force_of_a_document_named_by_title_needs_a_sentence_stating_it():
    """'Luật Bảo vệ dữ liệu cá nhân có hiệu lực từ ngày nào?' names a law no indexed document is: a sentence must name
    that law and speak of its force ('(Điều 22 Nghị định số 13/2023/NĐ-CP, có hiệu lực …)' does not answer)."""
    from hoidap.answer.extractive import states_force
    from hoidap.query import Analyser
    from hoidap.query.documents import force_of

    assert force_of("Luật Bảo vệ dữ liệu cá nhân có hiệu lực thi hành từ ngày nào?") == "luat bao ve du lieu ca"
    assert force_of("Luật Bảo vệ dữ liệu cá nhân thông qua tháng 6/2025, vậy luật có hiệu lực từ ngày nào?") == (
        "luat bao ve du lieu ca"
    )
    assert force_of("Xin hỏi Luật Chuyển đổi số có hiệu lực từ ngày nào?") == "luat chuyen doi so"
    assert force_of("Nghị định này có hiệu lực khi nào?") == force_of("Luật mới có hiệu lực khi nào?") == ""
    assert Analyser(WEIGHT).analyse("Luật Chuyển đổi số có hiệu lực từ ngày nào?").force_of == "luat chuyen doi so"
    assert Analyser(WEIGHT).analyse("Luật Chuyển đổi số quy định gì về dữ liệu?").force_of == ""  # its force not asked
    title = "luat bao ve du lieu ca"
    assert states_force(title, "Luật Bảo vệ dữ liệu cá nhân … có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.")
    assert not states_force(title, "(Điều 22 Nghị định số 13/2023/NĐ-CP, có hiệu lực thi hành kể từ ngày 01/07/2023)")
