"""Retrieval and the extractive answerer on the tiny real index."""

import pytest

from hoidap.answer.extractive import REFUSAL_TEXT
from core.errors import EmptyQuestionError, QuestionTooLongError
from core.models import DocMeta
from hoidap.answer.types import Answer, Citation
from hoidap.retrieve import Passage, rrf
from index.store import StoredChunk


def test_flagship_question_is_answered_with_citation(service):
    answer = service.ask("Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?")
    assert not answer.refused
    assert "hơn 844 tỷ đồng" in answer.text
    assert answer.text.rstrip().endswith("[1]")
    cited = answer.citations[0].passage.chunk
    assert "844 tỷ đồng" in cited.text and cited.source.endswith("binh-phuoc-lam-viec-bo-tttt.txt")


def test_every_answer_sentence_is_quoted_from_a_cited_passage(service):
    answer = service.ask("Luật Giao dịch điện tử có hiệu lực thi hành từ ngày nào?")
    assert not answer.refused and "01 tháng 7 năm 2024" in answer.text
    for citation in answer.citations:
        for start, end in citation.quoted:
            quote = citation.passage.chunk.text[start:end].strip()
            assert f"{quote} [{citation.n}]" in answer.text
    label = answer.citations[0].passage.chunk.citation_label()
    assert "Luật Giao dịch điện tử" in label and "20/2023/QH15" in label and "Điều 52" in label


def test_question_without_diacritics_finds_the_same_passage(service):
    with_marks = service.retrieve("chữ ký số công cộng là gì")[0].chunk.chunk_id
    without = [p.chunk.chunk_id for p in service.retrieve("chu ky so cong cong la gi")[:3]]
    assert with_marks in without


@pytest.mark.parametrize(
    "question",
    [
        "Thủ tướng Nhật Bản hiện nay là ai?",
        "Hà Nội xếp hạng thứ mấy về chỉ số chuyển đổi số năm 2024?",
        # the Bình Phước article names "Thái Bình Dương" beside "dịch vụ công trực tuyến toàn trình"
        "Tỉnh Bình Dương có bao nhiêu dịch vụ công trực tuyến toàn trình?",
        "Ai là Chủ tịch UBND tỉnh Bình Phước?",  # only the Phó Chủ tịch is named
    ],
)
def test_unanswerable_questions_are_refused(service, question):
    answer = service.ask(question)
    assert answer.refused and answer.text == REFUSAL_TEXT
    assert not answer.citations and answer.related


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Ai là Phó Chủ tịch UBND tỉnh Bình Phước dự buổi làm việc với Bộ TT&TT?", "Trần Tuyết Minh"),
        ("Luật Giao dịch điện tử có số hiệu là gì?", "Luật số: 20/2023/QH15"),  # from the law's header
        ("Bình Phước phấn đấu số hóa bao nhiêu phần trăm dữ liệu quản lý nhà nước?", "100% dữ liệu quản lý nhà nước"),
        # a scope question is answered by the article's text, not by its title "Phạm vi điều chỉnh" alone
        ("Nghị định 91/2020/NĐ-CP quy định những nội dung gì?", "quy định về chống tin nhắn rác"),
    ],
)
def test_answer_types(service, question, expected):
    answer = service.ask(question)
    assert not answer.refused
    assert expected in answer.text.split(" [1]")[0]


def test_bad_questions(service):
    with pytest.raises(EmptyQuestionError):
        service.ask(" \t\n\x00 ")
    with pytest.raises(QuestionTooLongError):
        service.ask("chuyển đổi số " * 1000)


def test_json_record_keys(service):
    record = service.ask("Bình Phước đứng thứ mấy về chỉ số DTI?").to_dict()
    assert set(record) >= {"answer", "refused", "citations"}
    assert set(record["citations"][0]) >= {"n", "doc_id", "title", "source", "text", "score"}


def test_weighted_reciprocal_rank_fusion():
    fused = rrf({"bm25": ["a", "b"], "dense": ["b", "c"]}, {"bm25": 1.0, "dense": 0.5}, 10)
    scores = {cid: s for cid, s, _ in fused}
    assert [cid for cid, _, _ in fused] == ["b", "a", "c"]
    assert scores["b"] == pytest.approx(1 / 12 + 0.5 / 11)
    assert fused[0][2] == {"bm25": 2, "dense": 1}


def test_metadata_filters(service):
    from hoidap.retrieve import Filters

    question = "chữ ký số chuyên dùng công vụ"
    news_only = service.retrieve(question, filters=Filters(doc_type="Tin tức"))
    assert news_only and all(p.chunk.doc.doc_type == "Tin tức" for p in news_only)
    law_2023 = service.retrieve(question, filters=Filters(doc_type="luật", year=2023))
    assert law_2023 and all(p.chunk.doc.number == "20/2023/QH15" for p in law_2023)
    by_issuer = service.retrieve(question, filters=Filters(issuer="quoc hoi"))
    assert by_issuer and all(p.chunk.doc.issuer == "Quốc hội" for p in by_issuer)
    assert service.retrieve(question, filters=Filters(year=1990)) == []
    assert service.ask(question, filters=Filters(year=1990)).refused


def test_facts_from_documents_of_different_dates_come_newest_first_with_dates():
    from hoidap.answer.extractive import ExtractiveAnswerer
    from core.models import DocMeta
    from hoidap.retrieve import Passage
    from index.store import StoredChunk

    def passage(doc_id, date, text):
        chunk = StoredChunk(doc_id, doc_id, 0, text, 0, len(text), "", "", [(0, len(text))],
                            DocMeta(doc_type="Tin tức", date=date, title=f"Tin {date}"), f"{doc_id}.txt")
        return Passage(chunk, 1.0)

    old = passage("a", "2023-04", "Tỉnh đặt chỉ tiêu 70% dân số trưởng thành có điện thoại thông minh năm 2023.")
    new = passage("b", "2025-01", "Tỉnh đặt chỉ tiêu 90% dân số trưởng thành có điện thoại thông minh năm 2025.")
    from hoidap.answer.answerability import Answerability
    from hoidap.query import Analyser

    weight = lambda term: 1.0  # noqa: E731
    query = Analyser(weight).analyse("Tỉnh đặt chỉ tiêu bao nhiêu dân số trưởng thành có điện thoại thông minh?")
    answer = ExtractiveAnswerer(3, Answerability.rule(0.5)).answer(query, [old, new], weight)
    assert not answer.refused
    assert answer.text.index("(1/2025)") < answer.text.index("(4/2023)")  # dates the Vietnamese way
    assert "90% dân số" in answer.text.split("(4/2023)")[0]


def test_the_answering_sentence_leads_and_names_its_source(service):
    answer = service.ask("Luật Giao dịch điện tử có hiệu lực thi hành từ ngày nào?")  # the law named by its title
    assert answer.text.startswith(
        "Luật Giao dịch điện tử (20/2023/QH15) có hiệu lực thi hành từ ngày 1/7/2024 (khoản 1 Điều 52 Luật Giao dịch "
        "điện tử (20/2023/QH15)).\nLuật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2024. [1]"
    )
    assert answer.query is not None and answer.to_dict()["understood"]["validity"] == "effective"
    answer = service.ask("Những hành vi bị nghiêm cấm trong giao dịch điện tử được quy định ở điều nào?")
    assert "Điều 6 Luật Giao dịch điện tử (20/2023/QH15): " in answer.text.split("\n")[0]


def test_list_questions_are_answered_with_their_items(service):
    answer = service.ask("Những hành vi nào bị nghiêm cấm trong giao dịch điện tử?")
    assert not answer.refused
    lines = answer.text.split("\n")
    assert len(lines) >= 3 and any(line.startswith(("a)", "1.", "-")) for line in lines[1:])


def test_compound_questions_are_answered_part_by_part(service):
    answer = service.ask("Luật Giao dịch điện tử có hiệu lực thi hành từ ngày nào và do cơ quan nào ban hành?")
    first, second = answer.text.split("\n")[:2] if answer.text.count("\n") else (answer.text, "")
    assert first.startswith("1. ") and "01 tháng 7 năm 2024" in answer.text
    assert "2. " in answer.text and "Quốc hội" in answer.text.split("2. ", 1)[1]


def test_boilerplate_and_source_names():
    from hoidap.answer.compose import document_name, place_in_document
    from hoidap.answer.quotes import boilerplate
    from core.models import DocMeta
    from index.store import StoredChunk

    assert boilerplate("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 2 năm 2025;")
    assert boilerplate("Hà Nội, ngày 10 tháng 01 năm 2025")
    assert not boilerplate("Hà Nội, ngày 10 tháng 01 năm 2025", keep_date_line=True)  # "ban hành ngày nào?"
    assert not boilerplate("Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2024.")
    assert place_in_document("Điều 22, khoản 1") == "khoản 1 Điều 22"
    from hoidap.answer.carries import carries

    assert not carries("date", "theo quy định của Luật Giao dịch điện tử số 51/2005/QH11", None)  # a số hiệu's year
    assert carries("date", "Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2024.", None)

    def chunk(**meta):
        return StoredChunk("c", "d", 0, "x", 0, 1, "", "", [], DocMeta(**meta), "f.md")

    assert document_name(chunk(doc_type="Luật", number="20/2023/QH15", title="Luật Giao dịch điện tử")) == (
        "Luật Giao dịch điện tử (20/2023/QH15)"
    )
    assert document_name(chunk(doc_type="Nghị định", number="224/2026/NĐ-CP", title="Quy định chi tiết …")) == (
        "Nghị định 224/2026/NĐ-CP"
    )
    assert document_name(chunk(doc_type="Tin tức", date="2025-01-20", title="Phiên họp thứ nhất")) == (
        "bài «Phiên họp thứ nhất» (20/1/2025)"
    )
    # a follow-up is framed by the cited documents as officials name them (a plan by its số hiệu, not its title)
    cited = [
        chunk(doc_type="Kế hoạch", number="308/KH-UBND", title="Kế hoạch triển khai thực hiện Nghị quyết số 214/NQ-CP …"),
        chunk(doc_type="Luật", number="20/2023/QH15", title="Luật Giao dịch điện tử"),
        chunk(doc_type="Tin tức", date="2025-01-20", title="Phiên họp thứ nhất"),
    ]
    answer = Answer("q", "a", False, citations=[Citation(n, Passage(c, 1.0)) for n, c in enumerate(cited, 1)])
    assert answer.cited_documents() == ["Kế hoạch 308/KH-UBND", "Luật Giao dịch điện tử (20/2023/QH15)", "Phiên họp thứ nhất"]


def test_validity_is_answered_from_the_document_that_states_it(service):
    answer = service.ask("Luật Giao dịch điện tử số 51/2005/QH11 còn hiệu lực không?")
    assert not answer.refused
    assert answer.citations[0].passage.chunk.doc.number == "20/2023/QH15"  # the 2023 law says the 2005 one ends
    assert "51/2005/QH11 hết hiệu lực" in answer.text


def test_a_figure_question_is_not_answered_by_a_sentence_without_the_figure():
    from core.models import DocMeta
    from hoidap.answer.answerability import Answerability
    from hoidap.answer.extractive import ExtractiveAnswerer
    from hoidap.answer.carries import carries
    from hoidap.answer.select import SelectRules
    from hoidap.query import Analyser
    from hoidap.retrieve import Passage
    from index.store import StoredChunk

    text = "Kinh phí thực hiện Đề án chuyển đổi số hạ tầng được bố trí từ ngân sách nhà nước và nguồn xã hội hóa."
    chunk = StoredChunk("c", "d", 0, text, 0, len(text), "", "", [(0, len(text))], DocMeta(doc_type="Quyết định"), "d.md")
    weight = lambda term: 1.0  # noqa: E731
    query = Analyser(weight).analyse("Tổng kinh phí thực hiện Đề án chuyển đổi số hạ tầng là bao nhiêu tỷ đồng?")
    gate = ExtractiveAnswerer(3, Answerability.rule(0.5))
    assert gate.answer(query, [Passage(chunk, 1.0)], weight).refused  # the sentence names the budget, not its amount
    without = ExtractiveAnswerer(3, Answerability.rule(0.5), SelectRules(typed_required=False))
    assert not without.answer(query, [Passage(chunk, 1.0)], weight).refused  # the switch turns the rule off
    # a time of day answers "khung giờ nào"; a condition answers a plain "… khi nào?"
    assert carries("date", "Chỉ được gửi tin nhắn quảng cáo từ 07 giờ đến 22 giờ mỗi ngày.", None)


def test_a_list_cut_by_its_passage_goes_on_in_the_next_chunks_read_from_the_store():
    from hoidap.answer.lists import list_continuation
    from hoidap.answer.select import Candidate

    def chunk(position, text):
        return StoredChunk(f"c{position}", "d", position, text, 0, len(text), "Điều 31a, khoản 1", "", [], DocMeta(), "d.md")

    first = chunk(1, "1. Trò chơi được phân loại như sau:\na) Người lớn (18+);\nb) Thiếu niên (12+) có hoạt động;")
    chunks = {
        2: chunk(2, "b) Thiếu niên (12+) có hoạt động; không có hình ảnh khiêu dâm;"),  # the windows overlap
        3: chunk(3, "không có hình ảnh khiêu dâm;\nc) Mọi lứa tuổi (00+);\n2. Trách nhiệm của doanh nghiệp:"),
    }
    passages = [Passage(first, 1.0)]
    best = Candidate(0, (0, len(first.text)), first.text, 1.0, 1.0, 1.0, True, is_list=True)
    assert list_continuation(best, passages) == []  # the next chunks were not retrieved: nothing to read
    more = list_continuation(best, passages, lambda c: chunks.get(c.position + 1))
    assert [c.text for c in more] == ["c) Mọi lứa tuổi (00+);"]  # not b) again, not clause 2 of the article
    assert passages[more[0].passage_index].chunk.position == 3  # the passage read is there to be cited


def test_the_scope_article_answers_only_what_a_document_governs():
    from hoidap.answer.select import candidates
    from hoidap.query import Analyser

    text = "Quy định này quy định về kết nối, chia sẻ dữ liệu giữa các cơ quan đảng với nhau và với cơ quan khác."
    chunk = StoredChunk("c", "d", 0, text, 0, len(text), "Điều 1", "Điều 1. Phạm vi điều chỉnh", [(0, len(text))],
                        DocMeta(doc_type="Quy định"), "d.md")
    weight = lambda term: 1.0  # noqa: E731

    def found(question):
        return candidates(Analyser(weight).analyse(question), [Passage(chunk, 1.0)], weight)

    assert not found("Các cơ quan đảng chia sẻ với nhau những dữ liệu nào?")  # a specific question
    assert found("Quy định này quy định về những nội dung gì?")  # what the document governs
    assert found("Văn bản nào quy định về kết nối, chia sẻ dữ liệu giữa các cơ quan đảng?")  # which document


def test_a_document_named_by_its_title_is_the_one_answering(service):
    """"Luật Giao dịch điện tử" names the law as its số hiệu would; "Phạm vi điều chỉnh của … là gì?" asks for
    the article so titled, not for a definition."""
    answer = service.ask("Phạm vi điều chỉnh của Luật Giao dịch điện tử là gì?")
    assert "20/2023/QH15" in answer.query.to_dict()["documents"]
    assert not answer.refused
    first = answer.citations[0].passage.chunk
    assert (first.doc.number, first.label.split(",")[0]) == ("20/2023/QH15", "Điều 1")
    assert answer.text.startswith("Theo Điều 1 Luật Giao dịch điện tử (20/2023/QH15)")


def test_a_list_split_over_two_passages_of_one_article_is_answered_whole(service):
    # Điều 6 of the Luật GDĐT is chunked as khoản 1–3 and khoản 4–8
    answer = service.ask("Luật Giao dịch điện tử nghiêm cấm những hành vi nào trong giao dịch điện tử?")
    assert not answer.refused
    assert "Lợi dụng giao dịch điện tử" in answer.text and "7. Cản trở việc lựa chọn thực hiện giao dịch điện tử." in answer.text
    assert answer.text.startswith("Theo Điều 6 Luật Giao dịch điện tử (20/2023/QH15):")
    assert [c.passage.chunk.label.split(",")[0] for c in answer.citations[:2]] == ["Điều 6", "Điều 6"]


def test_who_signed_a_document_is_read_from_its_signature_block(service):
    answer = service.ask("Ai là người ký Luật 20/2023/QH15?")
    assert not answer.refused
    assert "CHỦ TỊCH QUỐC HỘI\nVương Đình Huệ" in answer.text.split("[1]")[0]
    # retrieved among the passages read, or fetched and then first among the answer's sources
    assert answer.citations[0].passage.chunk.chunk_id in [p.chunk.chunk_id for p in answer.passages[:5]]


def test_who_signed_a_document_named_by_a_short_reference(service):
    answer = service.ask("luật 20 do ai ký vậy")  # no số hiệu in full: the held document it names
    assert not answer.refused and "Vương Đình Huệ" in answer.text


def test_a_question_asking_a_so_hieu_is_not_answered_by_a_sentence_without_one(service):
    # Điều 46 on tài khoản giao dịch điện tử is found, but names no decree's số hiệu
    answer = service.ask("Nghị định quy định chi tiết về tài khoản giao dịch điện tử có số hiệu nào?")
    assert answer.refused


def test_evidence_the_answer_fetched_leads_its_sources():
    from hoidap.service import with_evidence

    def passage(chunk_id):
        chunk = StoredChunk(chunk_id, "d", 0, "t", 0, 1, "", "", [], DocMeta(), "s")
        return Passage(chunk, 1.0)

    retrieved = [passage(c) for c in "abcdefg"]
    fetched = passage("z")
    answer = Answer("q", "a [1] [2]", False, citations=[Citation(1, fetched), Citation(2, retrieved[1])])
    assert [p.chunk.chunk_id for p in with_evidence(answer, retrieved, retrieved[:5])] == list("zabcdefg")
    late = Answer("q", "a [1]", False, citations=[Citation(1, retrieved[6])])  # read only beyond the first five
    assert [p.chunk.chunk_id for p in with_evidence(late, retrieved, retrieved[:5])] == list("gabcdef")


def test_a_numbered_section_title_takes_its_items_when_a_list_is_asked():
    from hoidap.answer.quotes import quotes
    from ingest.segment import sentence_spans

    text = "2. Đối tượng áp dụng\n\na) Các doanh nghiệp nhỏ và vừa trên địa bàn.\n\nb) Các tổ chức cung cấp nền tảng số."
    def titled(wants_list):
        blocks = quotes(text, sentence_spans(text, 0, len(text)), False, wants_list)
        return next((text[s:e], is_list) for s, e, is_list in blocks if text[s:e].startswith("Đối tượng"))

    block, is_list = titled(True)
    assert is_list and block.endswith("nền tảng số.") and "a) Các doanh nghiệp" in block
    assert titled(False) == ("Đối tượng áp dụng", False)  # not asked for a list: the title alone, as before


def test_a_law_named_by_its_title_ranks_the_passages_that_write_that_name(service):
    retriever = service.retriever()
    rankings = lambda question: retriever.rankings(service.analyse(question), 10, None)  # noqa: E731
    # not indexed, but the Luật GDĐT names it; the name ends where the question's predicate begins
    named = rankings("Luật Bảo vệ bí mật nhà nước áp dụng thế nào với giao dịch điện tử?")["named"]
    texts = retriever.reader.store.get_texts(named)
    assert named and all("luật bảo vệ bí mật nhà nước" in texts[cid].lower() for cid in named)
    assert rankings("Luật Thương mại vũ trụ có hiệu lực khi nào?")["named"] == []  # no passage writes it
    # an indexed document of that title is ranked as a named document, not by the passages quoting its name
    assert rankings("Luật Giao dịch điện tử có hiệu lực khi nào?")["named"] == []


def test_a_which_question_is_answered_by_an_answer_of_its_kind():
    from types import SimpleNamespace

    from hoidap.answer.carries import carries

    def passage(number):
        return SimpleNamespace(chunk=SimpleNamespace(doc=SimpleNamespace(number=number), label=""))

    nd = passage("224/2026/NĐ-CP")
    said = "Bộ Khoa học và Công nghệ hướng dẫn về mẫu nhãn nền tảng số."
    assert not carries("document", said, nd, kind="thong tu")  # a decree's clause names no circular
    assert carries("document", said, passage("12/2025/TT-BKHCN"), kind="thong tu")
    assert carries("document", "theo Thông tư số 20/2017/TT-BTTTT", nd, kind="thong tu")
    assert not carries("organisation", "Bộ Công an chủ trì xây dựng trợ lý ảo.", nd, kind="doanh nghiep")
    assert carries("organisation", "hợp tác với các doanh nghiệp lớn như VNPT", nd, kind="doanh nghiep")
    assert carries("organisation", "Tập đoàn SpaceX thí điểm", nd, kind="doanh nghiep")
    # "Hà Nội" opens with a surname but names no person
    assert not carries("person", "Lựa chọn kiến trúc sư trưởng của Hà Nội.", nd)
    assert carries("person", "Phó Chủ tịch Huỳnh Minh Tuấn ký.", nd)


def test_a_list_item_is_read_with_its_lead_in():
    from types import SimpleNamespace

    from hoidap.answer.items import lead_in_of

    text = (
        "2. Phạt tiền từ 20.000.000 đồng đến 30.000.000 đồng đối với hành vi sau:\na) Đưa tin giả;\n"
        "3. Phạt tiền từ 30.000.000 đồng đến 40.000.000 đồng đối với một trong.\ncác hành vi sau:\n"
        "a) Đăng bản đồ sai;\nb) Quảng cáo hàng cấm;\nc) Giả mạo trang thông tin điện tử;\n"
    )
    chunk = SimpleNamespace(text=text, heading="Điều 93")
    lead = lead_in_of(chunk, text.index("c) Giả mạo"))
    assert lead.startswith("3. Phạt tiền từ 30.000.000 đồng") and lead.endswith("các hành vi sau:")
    tasks = "3. Bộ Tài chính\n\na) Chủ trì bố trí vốn;\n\nb) Hướng dẫn quản lý đầu tư.\n"
    assert lead_in_of(SimpleNamespace(text=tasks, heading=""), tasks.index("b) Hướng")) == "3. Bộ Tài chính"
    assert lead_in_of(SimpleNamespace(text="a) Một việc;\n", heading="Điều 5"), 0) == ""
    body = "9. Sở Xây dựng\nChủ trì nghiên cứu triển khai tích hợp IoT.\n"  # a task under a body's heading, no item mark
    assert lead_in_of(SimpleNamespace(text=body, heading=""), body.index("Chủ trì")) == "9. Sở Xây dựng"


def test_which_article_is_answered_by_the_article_so_titled(service):
    answer = service.ask("Trong Luật Giao dịch điện tử 20/2023/QH15, điều nào quy định về chữ ký điện tử?")
    assert not answer.refused and "Điều 22" in answer.text.split("[1]")[0]


def test_a_meeting_named_by_another_ordinal_does_not_answer(service):
    from hoidap.answer.carries import other_meeting

    assert other_meeting({"phien hop": 2}, "Phiên họp thứ nhất Ban Chỉ đạo Trung ương … Thứ hai, ngày 20/01/2025")
    assert not other_meeting({"phien hop": 1}, "Phiên họp thứ nhất Ban Chỉ đạo Trung ương")
    assert not other_meeting({"phien hop": 2}, "Ban Chỉ đạo họp ngày 20/01/2025")


def test_durations_as_legal_text_writes_them():
    from hoidap.answer.carries import DURATION_IN_TEXT, counts

    assert DURATION_IN_TEXT.search("Chậm nhất 15 (mười lăm) ngày làm việc kể từ khi tiếp nhận câu hỏi")
    assert DURATION_IN_TEXT.search("hoàn thiện đưa vào sử dụng ngay trong quý 2/2025")  # "trong thời hạn nào?"
    assert not DURATION_IN_TEXT.search("quyết định phê duyệt")
    assert counts("du", "Phấn đấu có ít nhất 05 (năm) dự án được triển khai")
    # a table row read with its header: the unit is the "Đơn vị" column
    row = "Chỉ tiêu: Số tuyến cáp quang biển mới; Đơn vị: Tuyến cáp quang biển; Kết quả: 09; Cơ quan chủ trì: Bộ TT&TT"
    assert counts("tuyen", row) and not counts("tuyen", row.replace("Tuyến cáp quang biển;", "%;"))


def test_a_target_year_is_asked_of_the_document_not_of_each_row():
    from hoidap.terms import horizon_years, required_terms

    question = "Theo danh mục chỉ tiêu, đến năm 2030 phải đưa bao nhiêu tuyến cáp vào hoạt động so với năm 2025?"
    assert horizon_years(question) == ["2030"] and required_terms(question) == ["2025"]


def test_items_listed_inside_a_sentence_answer_a_list_question():
    from hoidap.answer.carries import INLINE_LIST

    assert INLINE_LIST.search("có trách nhiệm phân loại dữ liệu (thường, nhạy cảm, mật, tối mật) để quản lý")
    assert INLINE_LIST.search("dựa trên năm yếu tố nền móng: thể chế linh hoạt; nhân lực số; hạ tầng số hiện đại")
    assert not INLINE_LIST.search("Ban Bí thư là chủ sở hữu dữ liệu (sau đây gọi là chủ quản) và thống nhất quản lý.")


def test_a_list_question_is_answered_by_the_list_of_what_it_asks(service):
    """'dịch vụ tin cậy gồm những gì?' reads 'Dịch vụ tin cậy bao gồm:' (Điều 28), not 'Điều kiện kinh doanh dịch vụ
    tin cậy bao gồm:' (Điều 29), whose items mention the services more often."""
    answer = service.ask("Theo Luật Giao dịch điện tử 2023, dịch vụ tin cậy gồm những loại dịch vụ nào?")
    first = answer.text.split("[1]")[0]
    assert not answer.refused and "Điều 28" in first and "Dịch vụ cấp dấu thời gian" in first, answer.text


def test_items_named_after_nhu_are_a_list():
    from hoidap.answer.carries import INLINE_LIST

    assert INLINE_LIST.search("Tham gia các diễn đàn quốc tế như Khảo sát của Liên hợp quốc, ITU, OECD Digital Government.")
    assert not INLINE_LIST.search("Thực hiện như sau: a, b, c")  # a lead-in, not a list
    assert not INLINE_LIST.search("Như vậy, việc này, việc kia, và việc khác")
    # items that are the subject of "là những / là các …": NQ 57's "nội dung trọng tâm" answer "những nội dung nào?"
    assert INLINE_LIST.search("Thể chế, nhân lực, hạ tầng, dữ liệu và công nghệ chiến lược là những nội dung trọng tâm.")
    assert not INLINE_LIST.search("Dữ liệu, hạ tầng là nền tảng.")  # two items, no list


def test_passages_of_a_named_document_are_ranked_by_its_own_word_statistics():
    """Within Kế hoạch 617 every passage says 'chuyển đổi số doanh nghiệp'; the one on the reporting dates is found by
    the words only it has, however common they are in the whole index."""
    from index.bm25 import rank_within

    shared = ["chuyển_đổi", "số", "doanh_nghiệp", "sở", "khoa_học"]
    rows = [(f"row{i}", shared + ["nhiệm_vụ", f"việc{i}"] * 3) for i in range(8)]
    rows.append(("report", shared + ["báo_cáo", "kết_quả", "định_kỳ"]))
    rows.append(("other", ["tin", "tức"]))
    ranked = rank_within(rows, ["báo_cáo", "kết_quả", "chuyển_đổi", "số", "doanh_nghiệp", "sở"], 5)
    assert ranked[0] == "report" and "other" not in ranked
    assert rank_within([], ["báo_cáo"], 5) == [] and rank_within(rows, ["không_có"], 5) == []


def test_an_item_is_read_under_the_heading_of_its_section():
    """Kế hoạch 3260's tasks by party group: 'h) Tổ đảng ở … Quốc phòng và An ninh' heads '- Tiếp tục rà soát … Luật
    An ninh mạng …', which the chunking put in the next passage; that passage ends with the next group's heading."""
    from hoidap.answer.items import heads_section
    from hoidap.answer.select import SelectRules, candidates
    from hoidap.query import Analyser
    from ingest.chunk import _lead_in

    doc = (
        "II. PHÂN CÔNG NHIỆM VỤ\n\nh) Tổ đảng ở Thường trực Ủy ban Quốc phòng và An ninh\n\n"
        "- Chủ trì thẩm tra chính sách về an ninh mạng; ngăn chặn tội phạm trong lĩnh vực chuyển đổi số.\n\n"
        "- Tiếp tục tổ chức rà soát, kiến nghị sửa đổi, bổ sung các dự án: Luật An ninh mạng, Luật Cơ yếu.\n\n"
        "i) Tổ đảng ở Thường trực Ủy ban Văn hóa, Giáo dục\n\n- Chủ trì thẩm tra chính sách về văn hóa.\n"
    )
    start = doc.index("ngăn chặn")  # the chunking cut the first item after its ';'
    lead_in = _lead_in(doc, start, 0)
    assert lead_in.endswith("h) Tổ đảng ở Thường trực Ủy ban Quốc phòng và An ninh")
    text = doc[start : doc.index("\n\n- Chủ trì thẩm tra chính sách về văn")]
    assert heads_section(text, text.index("i) Tổ"), len(text))  # closes the passage: its items come next
    assert not heads_section("- Luật Cơ yếu\n- Luật An ninh mạng\n", 0, 13)  # a short item is no heading
    spans, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((at, at + len(line)))
        at += len(line) + 1
    chunk = StoredChunk("c", "kh3260", 2, text, start, start + len(text), "II. PHÂN CÔNG NHIỆM VỤ",
                        f"II. PHÂN CÔNG NHIỆM VỤ\n{lead_in}", spans, DocMeta(doc_type="Kế hoạch"), "kh.md")
    weight = lambda term: 1.0  # noqa: E731
    query = Analyser(weight).analyse(
        "Tổ đảng ở Thường trực Ủy ban Quốc phòng và An ninh phải rà soát, kiến nghị sửa đổi những luật nào?"
    )
    found = candidates(query, [Passage(chunk, 1.0)], weight)
    assert "Luật An ninh mạng" in found[0].text and found[0].text.startswith("h) Tổ đảng ở Thường trực Ủy ban Quốc phòng")
    assert not any(c.text.startswith("i) Tổ đảng") for c in found)  # the next group's heading answers nothing
    without = candidates(query, [Passage(chunk, 1.0)], weight, SelectRules(item_heading=False))
    assert any(c.text.startswith("i) Tổ đảng") for c in without) and not without[0].text.startswith("h) Tổ đảng")


def test_a_question_naming_two_documents_is_answered_by_one_naming_the_other():
    """'Kế hoạch 3260 … sửa đổi Luật Giao dịch điện tử?': a passage of KH 3260 about other laws does not answer."""
    from hoidap.answer.carries import accounts_for_documents
    from hoidap.query import Analyser
    from hoidap.query.documents import documents_named

    weight = lambda term: 1.0  # noqa: E731
    analyser = Analyser(weight, titled={"luat giao dich dien tu": ("20/2023/QH15",)})
    query = analyser.analyse("Kế hoạch 3260 có giao tổ đảng nào thẩm tra việc sửa đổi Luật Giao dịch điện tử không?")
    assert len(query.titles) == 1 and query.doc_refs

    def passage(text, number="3260-KH/ĐĐQH15"):
        return StoredChunk("c", "d", 0, text, 0, len(text), "II", "II", [(0, len(text))],
                           DocMeta(doc_type="Kế hoạch", number=number), "d.md")

    both = documents_named(query)
    assert not accounts_for_documents(both, passage("- Tiếp tục rà soát các dự án: Luật Nhà giáo, Luật Giáo dục."))
    assert accounts_for_documents(both, passage("- Rà soát, sửa đổi Luật Giao dịch điện tử và Luật Viễn thông."))
    assert not accounts_for_documents(both, passage("Luật Giao dịch điện tử có hiệu lực.", number="20/2023/QH15"))
    one = analyser.analyse("Kế hoạch 3260 giao tổ đảng nào thẩm tra dự án luật?")  # one document: not this rule's
    assert accounts_for_documents(documents_named(one), passage("Luật Giao dịch điện tử có hiệu lực.", number="20/2023/QH15"))
    # "báo cáo 6 tháng" is a span of time, not Báo cáo số 6: one document named
    six = analyser.analyse("Báo cáo 6 tháng theo Nghị quyết 03/NQ-CP phải gửi cho cơ quan nào?")
    assert [ref[0] for ref in six.doc_refs] == ["nghi quyet"]
    loose = Analyser(weight, titled={"luat an toan thong tin mang": ("86/2015/QH13",)}, loose_title_share=0.5)
    shared = loose.analyse("Theo Thông tư 20/2017/TT-BTTTT, sự cố an toàn thông tin mạng phải báo trong bao lâu?")
    assert len(documents_named(shared)) == 1  # words shared with a law's title do not name the law


def test_a_list_is_of_what_its_lead_in_names():
    """'dịch vụ tin cậy gồm những gì?': the list led in by 'Dịch vụ tin cậy bao gồm:', not a list whose items mention
    the services."""
    from hoidap.answer.select import SelectRules, candidates
    from hoidap.query import Analyser

    def passage(text):
        spans, at = [], 0
        for line in text.split("\n"):
            spans.append((at, at + len(line)))
            at += len(line) + 1
        return Passage(StoredChunk("c", "d", 0, text, 0, len(text), "Điều 5", "Điều 5", spans, DocMeta(), "d.md"), 1.0)

    management = passage("Nội dung quản lý nhà nước bao gồm:\na) Quản lý dịch vụ tin cậy;\nb) Cấp phép dịch vụ tin cậy;")
    services = passage("Dịch vụ tin cậy bao gồm:\na) Dịch vụ cấp dấu thời gian;\nb) Dịch vụ chứng thực thông điệp dữ liệu;")
    weight = lambda term: 1.0  # noqa: E731
    query = Analyser(weight).analyse("Dịch vụ tin cậy gồm những loại nào?")
    alone = SelectRules(list_noun=False)  # this rule alone ("loại" is not in either head: the list-noun rule types neither)
    assert candidates(query, [management, services], weight, SelectRules(list_head=True, list_noun=False))[0].text.startswith(
        "Dịch vụ tin cậy"
    )
    without = candidates(query, [management, services], weight, alone)[0]  # off by default (README, tenth session)
    assert without.text.startswith("Nội dung quản lý")


def test_a_list_asked_of_a_table_is_answered_by_its_matching_rows():
    """'… giao Ngân hàng Nhà nước khu vực XII chủ trì những chỉ tiêu nào?': each row naming it, one per line."""
    from hoidap.answer.compose import choose
    from hoidap.answer.select import Candidate

    def cand(text, score, row=True, is_list=False):
        return Candidate(0, (0, len(text)), text, score, score, score, True, is_list=is_list, row=row)

    block = cand("Ngân hàng nhà nước khu vực XII\nTriển khai nhiệm vụ được giao tại Phụ lục.", 1.16, row=False, is_list=True)
    rows = [cand("Chỉ tiêu: Tài khoản ngân hàng đạt 95%; Chủ trì: Ngân hàng nhà nước khu vực XII", 1.08),
            cand("Chỉ tiêu: Tài khoản ngân hàng đạt 95%; Chủ trì: Ngân hàng nhà nước khu vực XII", 1.07),
            cand("Chỉ tiêu: Giao dịch không dùng tiền mặt đạt 80%; Chủ trì: Ngân hàng nhà nước khu vực XII", 1.06),
            cand("Chỉ tiêu: Phủ sóng 5G đạt 100%; Chủ trì: Sở Khoa học và Công nghệ", 0.84)]
    picked = choose([block, *rows], 3, 0.0, wants_list=True)
    assert [c.text for c in picked] == [rows[0].text, rows[2].text]  # repeated rows once, the weaker row left out
    assert choose([block, *rows], 3, 0.0, wants_list=True, rows=False) == [block]
    assert choose([block, rows[3]], 3, 0.0, wants_list=True) == [block]  # a row far behind the best: not a table answer


def test_a_fine_answers_only_for_the_act_its_item_names():
    """Under 'Phạt tiền từ … đối với một trong các hành vi sau:', an item names the act the amount is for: a question
    about another act ('không gắn nhãn') is not answered by it, nor by the lead-in alone."""
    from hoidap.answer.select import SelectRules, candidates
    from hoidap.query import Analyser

    text = ("1. Phạt tiền từ 20.000.000 đồng đến 30.000.000 đồng đối với một trong.\ncác hành vi sau:\n"
            "a) Không công bố thông tin về chủ quản nền tảng số;\nb) Cung cấp không đầy đủ thông tin về tên cơ quan chủ quản;")
    spans, at = [], 0
    for line in text.split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    chunk = StoredChunk("c", "d", 0, text, 0, len(text), "Điều 94", "Điều 94", spans,
                        DocMeta(doc_type="Nghị định", number="174/2026/NĐ-CP"), "d.md")
    weight = lambda term: {"gắn_nhãn": 6.0}.get(term, 1.0)  # noqa: E731
    analyser = Analyser(weight)
    label = analyser.analyse("Chủ quản nền tảng số không gắn nhãn thì bị phạt bao nhiêu?")
    assert not any(c.type_match for c in candidates(label, [Passage(chunk, 1.0)], weight))
    assert any(c.type_match for c in candidates(label, [Passage(chunk, 1.0)], weight, SelectRules(item_names_asked=False)))
    publish = analyser.analyse("Không công bố thông tin về chủ quản nền tảng số thì bị phạt bao nhiêu?")
    best = candidates(publish, [Passage(chunk, 1.0)], weight)[0]
    assert best.type_match and "20.000.000 đồng" in best.text and "a) Không công bố" in best.text


def test_a_list_is_of_the_noun_its_head_names():
    """'Dịch vụ tin cậy gồm những loại dịch vụ nào?': the list headed 'Dịch vụ tin cậy bao gồm:' answers, not an
    article on state management whose items mention those services."""
    from hoidap.answer.select import SelectRules, candidates
    from hoidap.query import Analyser

    def passage(text, rank):
        spans, at = [], 0
        for line in text.split("\n"):
            if line.strip():
                spans.append((at, at + len(line)))
            at += len(line) + 1
        chunk = StoredChunk(f"c{rank}", "luat", rank, text, 0, len(text), f"Điều {rank}", f"Điều {rank}", spans,
                            DocMeta(doc_type="Luật", number="20/2023/QH15"), "luat.md")
        return Passage(chunk, 1.0)

    management = passage(
        "Nội dung quản lý nhà nước về giao dịch điện tử:\n1. Quản lý dịch vụ tin cậy, dịch vụ cấp dấu thời gian.\n"
        "2. Quản lý dịch vụ chứng thực thông điệp dữ liệu và dịch vụ chứng thực chữ ký số công cộng.", 0)
    services = passage("Dịch vụ tin cậy bao gồm:\na) Dịch vụ cấp dấu thời gian;\nb) Dịch vụ chứng thực thông điệp dữ liệu;", 1)
    weight = lambda term: 1.0  # noqa: E731
    query = Analyser(weight).analyse("Theo Luật Giao dịch điện tử 2023, dịch vụ tin cậy gồm những loại dịch vụ nào?")
    found = candidates(query, [management, services], weight)
    assert found[0].text.startswith("Dịch vụ tin cậy bao gồm:") and found[0].type_match
    assert not any(c.type_match for c in found if c.text.startswith("Nội dung quản lý"))
    without = candidates(query, [management, services], weight, SelectRules(list_noun=False))
    assert any(c.type_match for c in without if c.text.startswith("Nội dung quản lý"))


def test_a_body_the_question_names_must_be_named_by_the_passage():
    """'Theo Kế hoạch 617, Sở Nông nghiệp và Môi trường được giao nhiệm vụ gì?' is not answered with the tasks of
    another Sở; the body may be written by its initials; the bodies that issue documents are not required."""
    from hoidap.answer.carries import names_bodies
    from hoidap.answer.select import SelectRules, candidates
    from hoidap.query import Analyser

    assert names_bodies(("nong nghiep va moi truong",), "Sở NN&MT chủ trì, phối hợp")
    assert not names_bodies(("nong nghiep va moi truong",), "Sở Công Thương chủ trì; Sở Tài chính phối hợp")
    weight = lambda term: 1.0  # noqa: E731
    analyser = Analyser(weight)
    assert analyser.analyse("Quy định 384 của Ban Bí thư có thu phí không?").bodies == ()
    assert analyser.analyse("Bộ nào chủ trì xây dựng Luật Chuyển đổi số?").bodies == ()
    assert analyser.analyse("Kế hoạch 617 giao Công an tỉnh nhiệm vụ gì?").bodies == ("cong an",)  # named by its kind
    query = analyser.analyse("Theo Kế hoạch 617, Sở Nông nghiệp và Môi trường được giao nhiệm vụ gì?")
    assert query.bodies == ("nong nghiep va moi truong",)
    text = "Sở Công Thương: Hỗ trợ hợp tác xã phát triển kinh doanh trên môi trường số."
    chunk = StoredChunk("c", "kh617", 3, text, 0, len(text), "IV", "IV. TỔ CHỨC THỰC HIỆN", [(0, len(text))],
                        DocMeta(doc_type="Kế hoạch", number="617/KH-UBND"), "kh.md")
    assert candidates(query, [Passage(chunk, 1.0)], weight, SelectRules(required_bodies=True)) == []
    # required_bodies is off by default (README, eleventh session); the other-body rule, on, drops the other Sở
    assert candidates(query, [Passage(chunk, 1.0)], weight, SelectRules(other_body=False))
    assert candidates(query, [Passage(chunk, 1.0)], weight) == []


def test_a_rate_answers_only_if_it_is_of_what_is_measured():
    """'Tỷ trọng kinh tế số trong GRDP đạt bao nhiêu phần trăm?' is not answered by 'Tỷ trọng đào tạo các ngành STEM
    đạt tối thiểu 30%'; a short form the documents use ('DNNVV') names what is measured."""
    from hoidap.answer.carries import measured_forms
    from hoidap.answer.select import SelectRules, candidates
    from hoidap.query import Analyser

    weight = lambda term: 1.0  # noqa: E731
    text = "Tỷ trọng đào tạo các ngành STEM trong các cơ sở giáo dục của tỉnh đạt tối thiểu 30%."
    chunk = StoredChunk("c", "kh144", 3, text, 0, len(text), "I", "I. Kinh tế số", [(0, len(text))],
                        DocMeta(doc_type="Kế hoạch", number="144/KH-UBND"), "kh.md")
    query = Analyser(weight).analyse("Tỷ trọng kinh tế số trong GRDP của tỉnh đạt bao nhiêu phần trăm?")
    assert not any(c.type_match for c in candidates(query, [Passage(chunk, 1.0)], weight))
    assert any(c.type_match for c in candidates(query, [Passage(chunk, 1.0)], weight, SelectRules(rate_of=False)))
    short = Analyser(weight, abbreviations={"DNNVV": "doanh nghiệp nhỏ và vừa"}).analyse(
        "Bao nhiêu phần trăm doanh nghiệp nhỏ và vừa ứng dụng công nghệ số?")
    assert short.measured == ("doanh nghiep",)
    assert any(f" {form} " in " co 85 phan tram dnnvv ung dung cong nghe so " for form in measured_forms(short))


def test_a_figure_bounded_the_other_way_does_not_answer():
    """'… tạm ngừng tối đa bao nhiêu ngày?' (an upper bound) is not answered by 'thông báo … ít nhất 7 ngày làm
    việc' (a lower one); 'ít nhất bao lâu?' is."""
    from hoidap.answer.carries import states_other_bound
    from hoidap.answer.select import SelectRules, candidates
    from hoidap.query import Analyser

    weight = lambda term: 1.0  # noqa: E731
    text = "Chủ quản dữ liệu phải thông báo công khai ít nhất 7 ngày làm việc trước khi tạm ngừng cung cấp dịch vụ."
    chunk = StoredChunk("c", "qd384", 3, text, 0, len(text), "Điều 15", "Điều 15", [(0, len(text))],
                        DocMeta(doc_type="Quy định", number="384-QĐ/TW"), "qd.md")
    upper = Analyser(weight).analyse("Chủ quản dữ liệu được tạm ngừng cung cấp dịch vụ tối đa bao nhiêu ngày?")
    lower = Analyser(weight).analyse("Chủ quản dữ liệu phải thông báo ít nhất bao nhiêu ngày trước khi tạm ngừng?")
    assert (upper.bound, lower.bound) == ("upper", "lower")
    assert states_other_bound(text, "upper") and not states_other_bound(text, "lower")
    assert not states_other_bound("Thông báo trước 7 ngày làm việc.", "upper")  # no bound stated: it may answer
    assert not any(c.type_match for c in candidates(upper, [Passage(chunk, 1.0)], weight))
    assert any(c.type_match for c in candidates(upper, [Passage(chunk, 1.0)], weight, SelectRules(bound=False)))
    assert any(c.type_match for c in candidates(lower, [Passage(chunk, 1.0)], weight))


def test_the_date_naming_a_cited_document_is_no_answer_date():
    """'theo Nghị định số 80/2021/NĐ-CP ngày 26/8/2021' names a document; it does not say when anything happens."""
    from hoidap.answer.carries import carries
    from hoidap.query import DATE

    assert not carries(DATE, "Hỗ trợ doanh nghiệp theo Nghị định số 80/2021/NĐ-CP ngày 26/8/2021 của Chính phủ.", None)
    assert not carries(DATE, "Căn cứ Luật số 20/2023/QH15, ngày 22 tháng 6 năm 2023 của Quốc hội.", None)
    assert carries(DATE, "Nghị định số 80/2021/NĐ-CP có hiệu lực từ ngày 26/8/2021.", None)


def test_a_list_written_in_one_long_sentence_is_quoted_to_its_end():
    """The splitter cuts a long sentence after a ';': '… gồm: A; B;' / 'C; D.' is one list, quoted whole."""
    from hoidap.answer.sentences import sentence_continued
    from hoidap.answer.select import Candidate

    first = "Có 4 nhóm giải pháp gồm: Đẩy mạnh truyền thông, nâng cao nhận thức; Tăng cường tương tác với người dân;"
    rest = "Phát triển các mô hình kết hợp; Nghiên cứu, hợp tác làm chủ công nghệ mới."
    after = "Tỉnh xếp hạng 9/63."
    text = f"{first} {rest} {after}"
    a, b = len(first) + 1, len(first) + 1 + len(rest) + 1
    chunk = StoredChunk("c", "bp", 0, text, 0, len(text), "", "", [(0, a - 1), (a, b - 1), (b, len(text))], DocMeta(), "bp.md")
    best = Candidate(0, (0, a - 1), first, 1.0, 1.0, 1.0, True)
    whole = sentence_continued(best, [Passage(chunk, 1.0)])
    assert whole.text == f"{first} {rest}" and whole.span == (0, b - 1)
    ended = Candidate(0, (a, b - 1), rest, 1.0, 1.0, 1.0, True)
    assert sentence_continued(ended, [Passage(chunk, 1.0)]) is ended  # a whole sentence: nothing to add


def test_a_year_asked_of_a_figure_is_not_found_in_the_documents_date():
    """A plan signed in 2025 whose target is for 2030 does not answer 'Năm 2025 tỷ trọng kinh tế số đạt bao nhiêu?'."""
    from hoidap.answer.carries import names_required
    from hoidap.answer.select import SelectRules
    from hoidap.query import Analyser

    text = "Kinh tế số chiếm 45% GRDP tỉnh."
    chunk = StoredChunk("c", "kh144", 3, text, 0, len(text), "I", "I. Kinh tế số", [(0, len(text))],
                        DocMeta(doc_type="Kế hoạch", number="144/KH-UBND", date="2025-11-20"), "kh.md")
    query = Analyser(lambda term: 1.0).analyse("Năm 2025 tỷ trọng kinh tế số trong GRDP của tỉnh đạt bao nhiêu?")
    assert not names_required(query, chunk, lambda term: 1.0, "")
    assert names_required(query, chunk, lambda term: 1.0, "", dated_years=False)  # the switch off: the date counts
    dated = Analyser(lambda term: 1.0).analyse("Kế hoạch năm 2025 của tỉnh đặt tỷ trọng kinh tế số bao nhiêu?")
    assert names_required(dated, chunk, lambda term: 1.0, "")
    assert SelectRules().dated_years


def test_a_name_asked_alone_is_not_answered_by_a_group_figure():
    """'Riêng MobiFone … bao nhiêu trạm 5G?' is not answered by '03 doanh nghiệp (Viettel, VNPT, Mobifone) … 68.457
    trạm', the three operators' figure."""
    from hoidap.answer.carries import names_alone
    from hoidap.answer.select import SelectRules, candidates
    from hoidap.query import Analyser

    weight = lambda term: 1.0  # noqa: E731
    text = "03 doanh nghiệp (Viettel, VNPT, Mobifone) dự kiến đến hết 2025 số trạm 5G đạt 68.457 trạm."
    chunk = StoredChunk("c", "cv402", 3, text, 0, len(text), "II", "II. Kết quả", [(0, len(text))],
                        DocMeta(doc_type="Công văn", number="402-CV/VPĐU"), "cv.md")
    query = Analyser(weight).analyse("Riêng MobiFone dự kiến có bao nhiêu trạm 5G đến hết năm 2025?")
    assert query.alone == "mobifone"
    assert not any(c.type_match for c in candidates(query, [Passage(chunk, 1.0)], weight))
    assert any(c.type_match for c in candidates(query, [Passage(chunk, 1.0)], weight, SelectRules(alone=False)))
    assert names_alone("Viettel đã phát sóng 5.000 trạm 5G.", "viettel")
    assert not names_alone("Viettel và VNPT đã phát sóng 10.000 trạm 5G.", "viettel")
    assert Analyser(weight).analyse("Riêng năm 2025 đạt bao nhiêu?").alone == ""  # a year, not a name
