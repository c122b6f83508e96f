"""Rules of Vietnamese and of legal text added in the thirteenth session (each switchable; see the README's
ablation): what a rate, a day, a period, a list noun, a document type and a colon frame tell about the answer
asked, and how a news item, a plan's horizon heading and a follow-up's "chỉ tiêu đó" are read."""

from core.models import DocMeta
from hoidap.retrieve import Passage
from index.store import StoredChunk

WEIGHT = lambda term: 1.0  # noqa: E731


def _chunk(text: str, heading: str = "", doc: DocMeta = DocMeta(doc_type="Kế hoạch", number="144/KH-UBND")):
    return StoredChunk("c", "d", 0, text, 0, len(text), heading, heading, [(0, len(text))], doc, "d.md")


def test_a_share_of_money_is_a_rate_not_an_amount():
    """'tỷ trọng kinh phí … đạt bao nhiêu?' asks a share (60%), not an amount in đồng; 'lệ phí … bao nhiêu?' an amount."""
    from hoidap.answer.select import candidates
    from hoidap.query import Analyser
    from hoidap.query.counted import asked_unit

    query = Analyser(WEIGHT).analyse("Tỷ trọng kinh phí từ xã hội trong kinh phí chi cho nghiên cứu phát triển đạt bao nhiêu?")
    assert query.unit == "" and query.measured == ("kinh phi",)
    text = "Tỷ trọng kinh phí từ xã hội trên kinh phí chi cho nghiên cứu phát triển (R&D) đạt trên 60%."
    assert candidates(query, [Passage(_chunk(text), 1.0)], WEIGHT)[0].type_match
    assert asked_unit("Tổ chức phải nộp lệ phí thẩm định bao nhiêu?") == "dong"
    assert asked_unit("Mức phạt tiền tối đa là bao nhiêu?") == "dong"


def test_a_span_of_years_answers_in_what_time():
    """'… được xây dựng trong thời gian nào?' is answered by 'Thời gian thực hiện: năm 2026 - 2027.'"""
    from hoidap.answer.carries import carries
    from hoidap.query import DURATION

    assert carries(DURATION, "Thời gian thực hiện: năm 2026 - 2027.", None)
    assert carries(DURATION, "Triển khai trong giai đoạn 2026-2030.", None)
    assert not carries(DURATION, "Kế hoạch ban hành năm 2026.", None)


def test_the_list_noun_is_the_one_asked_with_which():
    """'triển khai các nhiệm vụ theo những hình thức nào?' asks forms, not tasks."""
    from hoidap.query.counted import listed_noun

    assert listed_noun(["ưu tiên", "triển khai", "các", "nhiệm vụ", "theo", "những", "hình thức", "nào", "?"]) == "hinh thuc"
    assert listed_noun(["gồm", "những", "loại", "dịch vụ", "nào", "?"]) == "dich vu"


def test_a_question_beginning_with_a_document_type_asks_about_that_type():
    """'Luật mà Thủ tướng ban hành kế hoạch … thi hành … có hiệu lực từ ngày nào?' asks of the law, not of the
    decision whose title it echoes; a Quy định's số hiệu carries 'QĐ' too."""
    from hoidap.answer.validity import of_type
    from hoidap.query import Analyser
    from hoidap.query.asked import subject_type

    query = Analyser(WEIGHT, subject_type=True).analyse("Luật mà Thủ tướng ban hành kế hoạch thi hành có hiệu lực từ ngày nào?")
    assert query.subject_type == "Luật"
    assert Analyser(WEIGHT).analyse("Luật này có hiệu lực từ ngày nào?").subject_type == ""  # the switch off
    assert subject_type("bo luat dan su co hieu luc khi nao") == "Bộ luật"
    assert subject_type("theo luat nay ai ky") == ""
    decision = " quyet dinh ban hanh ke hoach trien khai thi hanh luat bao ve du lieu ca nhan "
    assert not of_type("2623/QĐ-TTg", decision, "Luật")
    assert of_type("2623/QĐ-TTg", None, "Luật")  # named by its số hiệu: what the question says
    assert of_type("384-QĐ/TW", " quy dinh ve ket noi chia se du lieu ", "Quy định")


def test_a_news_item_names_its_speaker_once():
    """'Bộ trưởng cũng đề nghị Bình Phước tăng tỷ lệ chi ngân sách …' answers a question naming the minister, who is
    named in another passage of the same news item; a decree's passage must name him itself."""
    from hoidap.answer.carries import names_required
    from hoidap.query import Analyser

    query = Analyser(WEIGHT).analyse("Bộ trưởng Nguyễn Mạnh Hùng đề nghị tăng tỷ lệ chi ngân sách lên mức nào?")
    assert query.required
    text = "Bộ trưởng cũng đề nghị tăng tỷ lệ chi ngân sách cho chuyển đổi số từ 1% lên 2%."
    other = "Tại buổi làm việc, Bộ trưởng Nguyễn Mạnh Hùng đã chỉ rõ …"
    news = _chunk(text, doc=DocMeta(doc_type="Tin tức", title="Bộ TT&TT làm việc với tỉnh"))
    assert names_required(query, news, WEIGHT, other, news_context=True)
    assert not names_required(query, news, WEIGHT, other, news_context=False)
    decree = _chunk(text, doc=DocMeta(doc_type="Nghị định", number="224/2026/NĐ-CP"))
    assert not names_required(query, decree, WEIGHT, other, news_context=True)


def test_targets_under_another_horizon_heading_do_not_answer():
    """A passage under '1. Đến năm 2030' does not give the targets 'đến năm 2045' its document also names."""
    from hoidap.answer.carries import names_required
    from hoidap.query import Analyser

    query = Analyser(WEIGHT).analyse("Đến năm 2045 tỉ lệ sử dụng dịch vụ công trực tuyến là bao nhiêu?")
    doc = DocMeta(doc_type="Nghị quyết", number="57-NQ/TW")
    under_2030 = _chunk("Tỉ lệ sử dụng dịch vụ công trực tuyến đạt trên 80%.", "II. 1. Đến năm 2030", doc)
    read_with = "Tầm nhìn đến năm 2045"
    assert not names_required(query, under_2030, WEIGHT, read_with, horizon_heading=True)
    assert names_required(query, under_2030, WEIGHT, read_with, horizon_heading=False)
    plain = _chunk("Tỉ lệ sử dụng dịch vụ công trực tuyến đạt trên 80%.", "II. Mục tiêu", doc)
    assert names_required(query, plain, WEIGHT, read_with, horizon_heading=True)


def test_which_day_is_answered_by_a_day():
    """'… được thông qua vào ngày nào?' is not answered by a month; the date naming a document the question names
    is that document's day ('Quyết định 1489/QĐ-TTg ngày 24/11/2023')."""
    from hoidap.answer.carries import carries
    from hoidap.answer.select import SelectRules, candidates
    from hoidap.query import DATE
    from hoidap.query import Analyser

    query = Analyser(WEIGHT).analyse("Luật An ninh dữ liệu được Quốc hội thông qua vào ngày nào?")
    assert query.day
    month = _chunk("Xây dựng Luật An ninh dữ liệu; Thời gian thực hiện: Tháng 12/2026.")
    assert not any(c.type_match for c in candidates(query, [Passage(month, 1.0)], WEIGHT))
    assert any(c.type_match for c in candidates(query, [Passage(month, 1.0)], WEIGHT, SelectRules(day=False)))
    day = _chunk("Luật An ninh dữ liệu được Quốc hội thông qua ngày 26/6/2025.")
    assert candidates(query, [Passage(day, 1.0)], WEIGHT)[0].type_match
    cited = "Tỉnh được phê duyệt Quy hoạch theo Quyết định 1489/QĐ-TTg ngày 24/11/2023."
    assert carries(DATE, cited, None, named=("1489/qđ-ttg",))
    assert not carries(DATE, cited, None)  # a cited document's date is no answer date for another question


def test_a_colon_frames_every_part_of_a_compound_question():
    """'Sở tôi … theo Nghị quyết 57: báo cáo gửi về những bộ nào, và hạn nộp trước ngày nào?' asks both parts in the
    frame before the colon; the answer names each part without repeating the frame."""
    from hoidap.answer.compose import _shared_frame
    from hoidap.query.compound import compound_parts

    frame = "Sở tôi làm báo cáo 6 tháng thực hiện Nghị quyết 57"
    parts = compound_parts(f"{frame}: báo cáo gửi về những bộ nào, và hạn nộp trước ngày nào?")
    assert parts == [f"{frame}: báo cáo gửi về những bộ nào?", f"{frame}: hạn nộp trước ngày nào?"]
    assert _shared_frame(parts) == f"{frame}: "
    assert _shared_frame(["Điều 5 quy định gì?", "ai ký?"]) == ""


def test_still_in_force_as_a_condition_asks_no_validity():
    """'chứng thư số … vẫn còn hiệu lực thì được xử lý ra sao?' is a condition, not '… còn hiệu lực không?'."""
    from hoidap.query.documents import validity_asked

    assert validity_asked("chung thu so da cap truoc ngay do va van con hieu luc thi duoc xu ly ra sao") == ""
    assert validity_asked("nghi dinh 64/2007 con hieu luc khong") == "status"


def test_that_target_stands_for_what_the_previous_figure_measured():
    """'Chỉ tiêu đó giao cho đơn vị nào chủ trì?' after '… bao nhiêu phần trăm dân số … có tài khoản …?'."""
    from hoidap.answer.conversation import with_antecedent

    previous = "Bắc Ninh đặt mục tiêu đến 2030 bao nhiêu phần trăm dân số từ 15 tuổi trở lên có tài khoản ngân hàng?"
    resolved = with_antecedent("Chỉ tiêu đó giao cho đơn vị nào chủ trì?", previous)
    assert resolved == "Chỉ tiêu dân số từ 15 tuổi trở lên có tài khoản ngân hàng giao cho đơn vị nào chủ trì?"
    rate = with_antecedent("Chỉ tiêu đó do ai theo dõi?", "Tỷ lệ hồ sơ trực tuyến toàn trình phải đạt bao nhiêu?")
    assert rate == "Chỉ tiêu hồ sơ trực tuyến toàn trình do ai theo dõi?"


def test_a_quote_starting_inside_a_sentence_is_read_from_its_beginning():
    """The chunking cut 'Các Sở … triển khai …; báo cáo UBND Thành phố … trước ngày 15 hằng tháng.' after its ';': a
    quote of the second piece is read from the first, in the same passage or in the one before it; a list item 'a)'
    or a sentence of its own is quoted as it is."""
    from hoidap.answer.select import Candidate
    from hoidap.answer.sentences import sentence_begun

    first = "Các Sở, ban, ngành căn cứ Kế hoạch này xây dựng kế hoạch triển khai;"
    second = "báo cáo UBND Thành phố kết quả thực hiện trước ngày 15 hằng tháng."
    whole = StoredChunk("c1", "d", 1, f"{first} {second}", 0, 0, "", "",
                        [(0, len(first)), (len(first) + 1, len(first) + 1 + len(second))], DocMeta(), "d.md")
    inside = Candidate(0, (len(first) + 1, len(first) + 1 + len(second)), second, 1.0, 1.0, 1.0, True)
    assert sentence_begun(inside, [Passage(whole, 1.0)], None).text == f"{first} {second}"

    before = StoredChunk("c0", "d", 0, f"Mục tiêu chung. {first}", 0, 0, "", "", [(0, 15), (16, 16 + len(first))], DocMeta(), "d.md")
    after = StoredChunk("c1", "d", 1, second, 0, 0, "", "", [(0, len(second))], DocMeta(), "d.md")
    starts = Candidate(0, (0, len(second)), second, 1.0, 1.0, 1.0, True)
    assert sentence_begun(starts, [Passage(after, 1.0)], lambda chunk: before).text == f"{first} {second}"
    assert sentence_begun(starts, [Passage(after, 1.0)], lambda chunk: None) is starts  # the first passage: as it is

    item = StoredChunk("c1", "d", 1, "a) hướng dẫn sử dụng dịch vụ;", 0, 0, "", "", [(0, 29)], DocMeta(), "d.md")
    listed = Candidate(0, (0, 29), "a) hướng dẫn sử dụng dịch vụ;", 1.0, 1.0, 1.0, True)
    assert sentence_begun(listed, [Passage(item, 1.0)], lambda chunk: before) is listed
    own = Candidate(0, (0, 15), "Mục tiêu chung.", 1.0, 1.0, 1.0, True)
    assert sentence_begun(own, [Passage(before, 1.0)], None) is own
