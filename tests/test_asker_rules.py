"""Rules of Vietnamese and of legal text added in the fourteenth session (each switchable; see the README's ablation):
how an asker's context, spoken forms and typing slips are read, and what a level of government, a web address, a
span of time, a clause joined by ", và" and the country's own name tell about the answer asked."""

from core.models import DocMeta
from hoidap.retrieve import Passage
from index.store import StoredChunk

WEIGHT = lambda term: 1.0  # noqa: E731
CORPUS_WORDS = {"chuyển", "đổi", "số", "báo", "thông", "~du_lieu", "~chuyen", "luật", "~luat"}
CORPUS = lambda token: 2.0 if token in CORPUS_WORDS else 0.0  # noqa: E731


def _chunk(text: str, doc: DocMeta = DocMeta(doc_type="Nghị định", number="174/2026/NĐ-CP")):
    return StoredChunk("c", "d", 0, text, 0, len(text), "", "", [(0, len(text))], doc, "d.md")


def test_the_question_proper_follows_the_askers_context():
    """The context an asker gives first is not what a passage must carry: names and years told in it are not required,
    the answer type is read from the question proper, a số hiệu named in it still counts, and its words count for an
    answer only where the passages read share them."""
    from hoidap.answer.select import shared_context
    from hoidap.query import DATE, Analyser
    from hoidap.terms import preamble_of

    question = (
        "Kính gửi quý cơ quan. Tôi là chuyên viên Văn phòng UBND xã Tân Phú, tỉnh Lâm Đồng, đang làm báo cáo năm 2026 "
        "bao nhiêu trang. Xin hỏi: Nghị định 224/2026/NĐ-CP có hiệu lực từ ngày nào?"
    )
    context, asked, apart = preamble_of(question)
    assert asked == "Nghị định 224/2026/NĐ-CP có hiệu lực từ ngày nào?" and context.startswith("Kính gửi") and apart
    query = Analyser(WEIGHT, preamble=True, context_weight=0.3).analyse(question)
    assert query.terms["chuyên viên"] < query.terms["hiệu lực"]  # sentences of their own tell who asks
    assert query.answer_type == DATE  # not the context's "bao nhiêu"
    assert "tan phu" not in query.required and "lam dong" not in query.required and "224 2026 nd cp" in query.required
    assert "chuyên viên" in query.context_terms and "báo cáo" in query.context_terms and "hiệu lực" not in query.context_terms
    plain = Analyser(WEIGHT).analyse(question)  # the switch off: every name told is required
    assert "tan phu" in plain.required and plain.context_terms == ()
    text = "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026; báo cáo theo mẫu."
    shared = shared_context(query, [Passage(_chunk(text), 1.0)])
    assert "báo cáo" in shared.terms and "chuyên viên" not in shared.terms and "hiệu lực" in shared.terms
    # a case told in the clause before ";" is what is asked about: its words keep their weight
    case = "Công ty tôi có giấy xác nhận đăng ký dịch vụ chứng thực, được cấp năm 2022; giấy này còn dùng được tới lúc nào?"
    assert not preamble_of(case).apart and preamble_of(case).asked == "giấy này còn dùng được tới lúc nào?"
    assert Analyser(WEIGHT, preamble=True, context_weight=0.3).analyse(case).terms["giấy"] == 1.0
    # a topic before a colon is no context, nor a question before a "?": "… bao nhiêu? Còn … khi nào?"
    assert preamble_of("ke hoach thi hanh luat bao ve du lieu ca nhan: cac bo gui ket qua ra soat ve dau?")[0] == ""
    assert preamble_of("Mức phạt tối đa là bao nhiêu? Còn thời hiệu xử phạt là bao lâu?")[0] == ""
    # typed without diacritics after a pasted context: the question proper is read as typed
    assert not Analyser(WEIGHT, preamble=True).analyse(
        "Chào anh chị, trường tôi đang rà soát các văn bản mới. Cho tôi hỏi nghi dinh 224 co hieu luc khi nao?"
    ).exact


def test_spoken_forms_are_read_as_the_written_ones():
    """'nhiêu' is 'bao nhiêu' (not where 'bao nhiêu' is written), 'hông' is 'không', 'xài' is 'sử dụng'."""
    from core.lexicon import ABBREVIATIONS
    from hoidap.query import NUMBER, YESNO, Analyser
    from hoidap.query.expansions import spelled_out

    assert Analyser(WEIGHT).analyse("Không công bố chất lượng dịch vụ thì bị phạt nhiêu tiền?").answer_type == NUMBER
    assert Analyser(WEIGHT).analyse("Doanh nghiệp được xài cloud nước ngoài hông?").answer_type == YESNO
    assert spelled_out("Mức phạt là bao nhiêu?", ABBREVIATIONS) == []


def test_typing_slips_are_repaired_into_corpus_words():
    """Telex keys left unconverted and syllables typed without their space, when the corpus has the result; an
    English word is left as typed."""
    from hoidap.keyboard import joined_syllables, repairs, telex_syllable, unmarked_words

    assert telex_syllable("chuyeenr", CORPUS) == "chuyển" and telex_syllable("ddooir", CORPUS) == "đổi"
    assert telex_syllable("baos", CORPUS) == "báo" and telex_syllable("thoong", CORPUS) == "thông"
    assert telex_syllable("address", CORPUS) == "" and telex_syllable("books", CORPUS) == ""
    assert joined_syllables("dulieu", CORPUS) == "du lieu" and joined_syllables("cloudflare", CORPUS) == ""
    assert repairs("chuyeenr ddooir soos cho dulieu cloud", CORPUS) == [
        ("chuyeenr", "chuyển"), ("ddooir", "đổi"), ("soos", "số"), ("dulieu", "du lieu"),
    ]
    # a word left without its marks in a question typed with them, as the corpus writes it
    spell = {"~ngan_hang": "ngân_hàng", "~ha_noi": "hà_nội"}.get
    assert unmarked_words("Ngân hang nhà nước khu vực XII ở Ha Noi chủ trì gì?", CORPUS, lambda t: spell(t, "")) == [
        ("Ngân hang", "Ngân hàng"), ("Ha Noi", "Hà Nội"),
    ]
    assert unmarked_words("ngan hang nha nuoc", CORPUS, lambda t: spell(t, "")) == []  # typed without marks throughout


def test_a_provision_for_another_level_of_government_does_not_answer():
    """'Chủ tịch UBND cấp huyện …?' is not answered by an item under 'Chủ tịch Ủy ban nhân dân cấp tỉnh có quyền:'."""
    from hoidap.answer.carries import other_level
    from hoidap.answer.select import SelectRules, candidates
    from hoidap.query import Analyser

    query = Analyser(WEIGHT).analyse("Chủ tịch Ủy ban nhân dân cấp huyện được phạt tiền tối đa bao nhiêu?")
    assert query.levels == ("huyen",)
    assert other_level(("huyen",), "Chủ tịch Ủy ban nhân dân cấp tỉnh có quyền") and not other_level(("huyen",), "cấp độ 3")
    text = "2. Chủ tịch Ủy ban nhân dân cấp tỉnh có quyền:\na) Phạt cảnh cáo;\nb) Phạt tiền đến 200.000.000 đồng."
    found = candidates(query, [Passage(_chunk(text), 1.0)], WEIGHT)
    assert not any("200.000.000" in c.text for c in found)
    off = candidates(query, [Passage(_chunk(text), 1.0)], WEIGHT, SelectRules(government_level=False, level_named=False))
    assert any("200.000.000" in c.text for c in off)


def test_a_web_address_asked_needs_one_in_the_answer_and_a_day_of_a_month_is_no_term():
    from hoidap.answer.carries import carries
    from hoidap.query import DURATION
    from hoidap.query import DATE, Analyser
    from hoidap.query.asked import WEB_ADDRESS, answer_type_of

    assert answer_type_of("han chot la may gio") == DATE and answer_type_of("mat may tieng") == DURATION

    assert Analyser(WEIGHT).analyse("Địa chỉ website của Cổng thông tin quốc gia về dữ liệu là gì?").wants_address
    assert WEB_ADDRESS.search("tại địa chỉ data.gov.vn") and not WEB_ADDRESS.search("Theo khoản 1.2 Điều 3")
    assert not carries(DURATION, "gửi Chủ đầu tư trước ngày 01 tháng 12 hàng năm;", None)
    assert carries(DURATION, "lưu trữ trong thời hạn 10 năm kể từ ngày 01 tháng 12", None)


def test_two_clauses_joined_by_a_comma_and_va_are_two_questions():
    from hoidap.query.compound import compound_parts

    question = (
        "Trong đề án, Trung tâm điều hành phải tích hợp dữ liệu với trung tâm nào của địa phương, và việc xây dựng, "
        "vận hành thí điểm trung tâm này làm trong giai đoạn nào?"
    )
    assert len(compound_parts(question, clause_join=True)) == 2
    assert compound_parts(question) == [question]  # the switch off
    parts = compound_parts("Trong kế hoạch của Đảng đoàn, Tổ đảng được giao sửa những luật nào, và ai ký ban hành kế hoạch đó?")
    assert parts[1] == "Trong kế hoạch của Đảng đoàn, ai ký ban hành kế hoạch đó?"  # "ai" is the subject of its clause


def test_the_countrys_own_name_is_not_required():
    from hoidap.terms import required_terms

    question = "Văn bản nào cho phép Tập đoàn SpaceX thí điểm dịch vụ vệ tinh tại Việt Nam?"
    assert "viet nam" not in required_terms(question) and "viet nam" in required_terms(question, home_country=False)


def test_a_later_part_naming_no_document_asks_of_the_earlier_parts():
    """'… phải thông báo công khai trong bao lâu; còn khi phát hiện vi phạm thì phải báo chậm nhất bao lâu?': the
    Quy định the first part was answered from answers the second, before a decree with the same words."""
    from hoidap.answer.extractive import of_document_first
    from hoidap.answer.select import Candidate

    rule = _chunk("Chủ quản dữ liệu thông báo chậm nhất 1 ngày.", DocMeta(doc_type="Quy định", number="384-QĐ/TW"))
    decree = StoredChunk("e", "e", 0, "Cơ quan thông báo chậm nhất 01 ngày.", 0, 30, "", "", [(0, 30)],
                         DocMeta(doc_type="Nghị định", number="47/2020/NĐ-CP"), "e.md")
    passages = [Passage(rule, 1.0), Passage(decree, 1.0)]
    earlier = Candidate(0, (0, 10), "…", 1.0, 1.0, 1.0, True)
    found = [Candidate(1, (0, 30), "decree", 0.675, 0.6, 0.6, True), Candidate(0, (0, 40), "rule", 0.615, 0.5, 0.5, True)]
    assert [c.text for c in of_document_first(found, passages, earlier)] == ["rule", "decree"]
    weak = [found[0], Candidate(0, (0, 40), "rule", 0.4, 0.5, 0.5, True)]  # not nearly as good: the order stays
    assert [c.text for c in of_document_first(weak, passages, earlier)] == ["decree", "rule"]


def test_an_elliptical_follow_up_asks_its_aspect_of_the_previous_topic():
    """'Hạn hoàn thành là khi nào?' after a question about a task asks that task's deadline; 'Ai ký ban hành?' asks it
    of the document the answer cited; 'Thế còn cá nhân?' after a fine for 'tổ chức' asks the same of cá nhân."""
    from hoidap.answer.conversation import Turn, resolutions

    task = Turn("Theo đề án, nhiệm vụ xây dựng cơ sở dữ liệu BIM quốc gia do cơ quan nào chủ trì?", ["Quyết định 2597/QĐ-TTg"])
    (deadline,) = resolutions("Hạn hoàn thành là khi nào?", task)
    assert deadline.startswith("Hạn hoàn thành là khi nào (Theo đề án, nhiệm vụ xây dựng cơ sở dữ liệu BIM quốc gia")
    assert deadline.endswith("; theo Quyết định 2597/QĐ-TTg)?") and "nào" not in deadline.split("(", 1)[1]
    assert resolutions("Ai ký ban hành?", task) == ["Ai ký ban hành (theo Quyết định 2597/QĐ-TTg)?"]
    assert resolutions("Chuyển đổi số là gì?", task) == ["Chuyển đổi số là gì?"]  # a topic of its own
    assert resolutions("Hạn hoàn thành là khi nào?", task, ellipsis=False) == ["Hạn hoàn thành là khi nào?"]
    fine = Turn("Nghị định 174/2026 phạt tổ chức không công bố chất lượng dịch vụ bao nhiêu tiền?", ["Nghị định 174/2026/NĐ-CP"])
    assert resolutions("Thế còn cá nhân?", fine) == ["Nghị định 174/2026 phạt cá nhân không công bố chất lượng dịch vụ bao nhiêu tiền?"]
    assert resolutions("Thế còn cá nhân?", fine, ellipsis=False) != resolutions("Thế còn cá nhân?", fine)


def test_a_list_asked_of_a_body_is_answered_with_the_rows_naming_it():
    """'… Công an tỉnh chủ trì những chỉ tiêu nào?': the appendix rows whose cells name Công an tỉnh, each once, not the
    rows that score as high on the question's other words."""
    from hoidap.answer.compose import rows_naming
    from hoidap.answer.select import Candidate
    from hoidap.terms import body_names, distinct_bodies, names_body

    bodies = tuple(body_names(["Công an", "tỉnh", "chủ trì", "những", "chỉ tiêu", "nào"]))
    assert bodies == ("cong an",) and names_body(bodies, "Chỉ tiêu: Tỷ lệ định danh số đạt 100%; Chủ trì: Công an tỉnh")
    assert distinct_bodies(("trung uong", "cong an")) == ("cong an",)  # "4 Văn phòng Trung ương" names no one body

    def row(text):
        return Candidate(0, (0, len(text)), text, 1.0, 1.0, 1.0, True, row=True)

    rows = [row("Chỉ tiêu: Kinh tế số chiếm 45% GRDP; Chủ trì: Sở Tài chính"),
            row("Chỉ tiêu: Định danh số đạt 100%; Chủ trì: Công an tỉnh"),
            row("Chỉ tiêu: VNeID đạt 80%; Chủ trì: Công an tỉnh"),
            row("Chỉ tiêu: Định danh số đạt 100%; Chủ trì: Công an tỉnh")]
    assert [c.text[10:25] for c in rows_naming(rows, bodies)] == ["Định danh số đạ", "VNeID đạt 80%; "]
    assert rows_naming(rows[:1], bodies) == []  # no row names it: the list chosen otherwise stands
    assert len(rows_naming(rows, bodies, "chi tieu")) == 2 and rows_naming(rows, bodies, "tap doan") == []  # what it lists
