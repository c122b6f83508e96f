"""Rules of Vietnamese and of legal text added in the twenty-seventh session, read from the thirty-second batch's misses
(each switchable; see the README's ablation): money words read with their diacritics, a grade stated as a floor, an
end asked by "tới lúc nào", a record's labelled field, a case of a list of cases read with its lead-in, a time told by
a document's force, the Pháp điển source note, a body's own section, a sentence's short tail."""

from core.models import DocMeta
from hoidap.answer.answerability import Answerability
from hoidap.answer.extractive import ExtractiveAnswerer
from hoidap.answer.select import SelectRules, candidates
from hoidap.query import Analyser
from hoidap.retrieve import Passage
from index.store import StoredChunk
from ingest.normalize import fold_diacritics

WEIGHT = lambda term: 1.0  # noqa: E731


def chunk(text, label="", heading="", position=0, doc="d", number="2623/QĐ-TTg"):
    spans, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            start = text.index(line, at)
            spans.append((start, start + len(line)))
            at = start + len(line)
    return StoredChunk(f"{doc}{position}", doc, position, text, 0, len(text), label, heading, spans,
                       DocMeta(doc_type="Quyết định", number=number), "d.md")


def test_money_words_are_read_with_their_diacritics():
    from hoidap.query.counted import asked_unit

    listed = "Trong phụ lục danh mục chỉ tiêu kèm Nghị quyết 03, số tuyến cáp quang biển có phải là 10 tuyến không?"
    assert asked_unit(listed, True, True, True) == ""  # "danh mục chỉ tiêu" holds no "mức chi"
    assert asked_unit("Mức chi hỗ trợ cho mỗi người là bao nhiêu?", True, True, True) == "dong"
    assert asked_unit("muc chi ho tro cho moi nguoi la bao nhieu", False, True, True) == "dong"
    assert asked_unit("danh muc chi tieu cap quang bien co phai 10 tuyen khong", False, True, True) == ""


def test_a_grade_stated_as_a_floor_answers_of_another_grade():
    from hoidap.query.asked import states_grade

    text = fold_diacritics("phải được xác định cấp độ an toàn (tối thiểu bảo đảm an toàn thông tin cấp độ 3)".lower())
    assert states_grade(("cap do 2",), text, floors=True) and not states_grade(("cap do 2",), text)  # the switch off
    assert not states_grade(("cap do 2",), fold_diacritics("đạt an toàn thông tin cấp độ 3".lower()), floors=True)


def test_an_end_asked_by_toi_luc_nao_is_answered_by_an_event():
    question = "Thông tin cá nhân thu thập để khảo sát được lưu trữ tới lúc nào?"
    assert Analyser(WEIGHT, until_event=True).analyse(question).or_condition
    assert not Analyser(WEIGHT).analyse(question).or_condition  # the switch off
    assert not Analyser(WEIGHT, until_event=True).analyse("Báo cáo gửi trước ngày nào?").or_condition


def test_a_time_told_by_a_document_s_force_asks_nothing_of_its_force():
    from hoidap.query.documents import validity_asked

    case = fold_diacritics(
        "Khu CNTT tập trung được công nhận trước khi Nghị định 154/2013/NĐ-CP có hiệu lực nhưng không đáp ứng tiêu chí "
        "thì phải làm gì, trong thời hạn bao lâu?".lower()
    )
    assert validity_asked(case, force_clause=True) == "" and validity_asked(case) == "effective"  # the switch off
    assert validity_asked(fold_diacritics("nghị định 154/2013/nđ-cp có hiệu lực từ khi nào?"), force_clause=True) == "effective"


def test_a_case_that_ends_in_force_is_what_the_document_provides_for():
    from hoidap.query import VALIDITY

    case = "Theo Quy định 384, khi nội dung thống nhất chia sẻ dữ liệu đã hết hiệu lực thì chủ quản dữ liệu có quyền làm gì?"
    assert Analyser(WEIGHT, content_frame=True).analyse(case).answer_type != VALIDITY
    assert Analyser(WEIGHT, content_frame=True).analyse("Khi nào Quy định 384 hết hiệu lực?").validity


def test_the_source_note_of_a_codified_article_answers_only_its_force():
    text = (
        "(Điều 13 Thông tư số 25/2010/TT-BTTTT, có hiệu lực thi hành kể từ ngày 01/01/2011)\n"
        "2. Thông tin cá nhân được thu thập để phục vụ cho mục đích khảo sát, thống kê chỉ được lưu trữ đến khi công tác "
        "khảo sát, thống kê kết thúc."
    )
    passages = [Passage(chunk(text, "Điều 13", number="25/2010/TT-BTTTT"), 1.0)]
    stored = Analyser(WEIGHT, until_event=True).analyse("Thông tin cá nhân thu thập để khảo sát được lưu trữ tới lúc nào?")
    texts = [c.text for c in candidates(stored, passages, WEIGHT)]
    assert not any(t.startswith("(Điều 13") for t in texts)
    assert any(t.startswith("(Điều 13") for t in (c.text for c in candidates(stored, passages, WEIGHT, SelectRules(source_note=False))))
    force = Analyser(WEIGHT).analyse("Điều 13 Thông tư 25/2010/TT-BTTTT có hiệu lực thi hành từ ngày nào?")
    assert any(c.text.startswith("(Điều 13") for c in candidates(force, passages, WEIGHT))


def test_a_typed_question_is_answered_by_the_field_of_the_record_its_subject_opens():
    first = chunk(
        "5. Xây dựng Nghị định của Chính phủ\n- Nghị định quy định chi tiết một số điều Luật Bảo vệ dữ liệu cá nhân\n"
        "- Nội dung: quy định chi tiết một số điều Luật Bảo vệ dữ liệu cá nhân.",
        "Điều 3, khoản 5", position=1,
    )
    second = chunk(
        "- Cơ quan chủ trì: Bộ Công an.\n- Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026.\n"
        "- Nghị định xử phạt vi phạm hành chính trong lĩnh vực an ninh mạng\n- Thời hạn ban hành: Theo tiến độ của Luật An ninh mạng 2025.",
        "Điều 3, khoản 5", position=2,
    )
    passages = [Passage(first, 1.0), Passage(second, 0.9)]
    query = Analyser(WEIGHT).analyse("Nghị định quy định chi tiết một số điều Luật Bảo vệ dữ liệu cá nhân phải ban hành trước thời điểm nào?")
    gate = Answerability.rule(0.0)
    answer = ExtractiveAnswerer(3, gate).answer(query, passages, WEIGHT)
    assert not answer.refused and "01 tháng 01 năm 2026" in answer.text and "Theo tiến độ" not in answer.text
    assert ExtractiveAnswerer(3, gate, SelectRules(record_field=False)).answer(query, passages, WEIGHT).refused  # off


def test_an_item_of_a_list_of_cases_is_read_with_its_lead_in():
    text = (
        "1. Chủ quản dữ liệu có quyền chấm dứt việc kết nối, chia sẻ dữ liệu cho cơ quan khai thác trong các trường hợp sau:\n"
        "a) Cơ quan khai thác vi phạm quy định về bảo vệ dữ liệu.\n"
        "d) Cơ quan khai thác không có nhu cầu tiếp tục kết nối hoặc nội dung thống nhất chia sẻ dữ liệu hết hiệu lực."
    )
    passages = [Passage(chunk(text, "Điều 16, khoản 1", number="384-QĐ/TW"), 1.0)]
    query = Analyser(WEIGHT, content_frame=True).analyse(
        "Khi nội dung thống nhất chia sẻ dữ liệu hết hiệu lực thì chủ quản dữ liệu có quyền làm gì?"
    )
    read = [c.text for c in candidates(query, passages, WEIGHT)]
    assert any(t.startswith("1. Chủ quản dữ liệu có quyền chấm dứt") and t.endswith(" … d) Cơ quan khai thác không có nhu "
               "cầu tiếp tục kết nối hoặc nội dung thống nhất chia sẻ dữ liệu hết hiệu lực.") for t in read)
    assert not any(t.startswith("d)") for t in read)
    assert any(c.text.startswith("d)") for c in candidates(query, passages, WEIGHT, SelectRules(case_lead_in=False)))  # off


def test_a_section_headed_by_another_body_does_not_answer_of_the_body_asked():
    from hoidap.answer.select import other_body_section

    assert other_body_section(("xay dung",), "VI. 1. Sở Khoa học và Công nghệ")
    assert other_body_section(("xay dung",), "VI. 10. Công an tỉnh")
    assert not other_body_section(("xay dung",), "VI. 9. Sở Xây dựng")
    assert not other_body_section(("xay dung",), "III. Xây dựng hạ tầng số")  # no body heads it
    assert not other_body_section(("cong an",), "Điều 3. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân")
    assert not other_body_section(("cong an",), "I. 1. Ban Chỉ đạo các cấp được thành lập thống nhất từ Trung ương đến địa phương")
    query = Analyser(WEIGHT).analyse("kh 144 bắc ninh, sở xd được giao chủ trì nội dung gì")
    assert query.bodies == ("xay dung",)  # a field spelled out after a kind of body is that body's name
    assert Analyser(WEIGHT).analyse("kh 617 thì sở tc được giao làm gì").bodies == ("tai chinh",)  # a field after "sở"
    assert "nhiệm vụ" in Analyser(WEIGHT).analyse("Bộ NV chủ trì nv gì").expanded  # "nv" alone is a task


def test_a_sentence_cut_for_its_length_is_quoted_with_its_short_tail():
    from hoidap.answer.quotes import quotes

    head = "- Phát triển Nền tảng tích hợp, chia sẻ dữ liệu quốc gia " + "và kết nối " * 30 + "của các bộ, ngành, địa phương"
    text = f"{head} (LGSP).\n- Phát triển Hệ thống thông tin phục vụ chỉ đạo, điều hành cấp bộ, cấp tỉnh."
    spans = [(0, len(head)), (len(head) + 1, len(head) + 8), (len(head) + 9, len(text))]
    assert [text[s:e] for s, e, _ in quotes(text, spans, False, False, whole=True)][0].endswith("địa phương (LGSP).")
    assert [text[s:e] for s, e, _ in quotes(text, spans, False, False)][0].endswith("địa phương")  # the switch off


def test_the_next_row_of_a_table_is_asked_by_what_it_describes():
    from hoidap.answer.conversation import Turn, resolutions
    from hoidap.answer.next_row import row_after

    text = (
        "4 | Tỷ lệ người dân có tài khoản định danh điện tử (VNeID) đạt 80% | Công an tỉnh\n"
        "5 | Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng đạt 95% | Ngân hàng nhà nước khu vực XII"
    )
    below = row_after(text, 3)
    assert below.startswith("5 | Tỷ lệ dân số") and row_after(text, text.index("5 |")) == ""  # the table ends there
    assert row_after(text[: text.index("\n5")], 3, text) == below  # read on into the next passage, which overlaps
    previous = Turn("… chỉ tiêu VNeID đạt 80% do cơ quan nào chủ trì?", ["Kế hoạch 144/KH-UBND"], next_row=below)
    asked = "Còn chỉ tiêu ở dòng ngay sau đó thì giao cho ai chủ trì?"
    assert resolutions(asked, previous, next_rows=True) == [
        "Còn chỉ tiêu Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng đạt 95% (theo Kế hoạch "
        "144/KH-UBND) thì giao cho ai chủ trì?"
    ]
    assert "dòng ngay sau đó" in resolutions(asked, previous)[0]  # the switch off


def test_may_with_a_classifier_and_gi_asks_which_things():
    from hoidap.query import LIST, NUMBER
    from hoidap.query.asked import answer_type_of

    assert answer_type_of("kh 144 bac ninh dau tu ha tang tmdt hien dai gom may cai gi") == LIST
    assert answer_type_of("ban chi dao co may to cong tac") == NUMBER  # "mấy" with a noun still counts
