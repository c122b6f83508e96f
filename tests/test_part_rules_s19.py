"""Rules of Vietnamese and of legal text added in the nineteenth session (each switchable; see the README's
ablation): quarters of a year, the year a target is set for, a later part of a compound question pointing back
inside its predicate, and recitals asked by "căn cứ vào những … nào" or "tờ trình số mấy"."""

from hoidap.answer.select import SelectRules
from hoidap.retrieve import Passage
from hoidap.query.asked import RECITAL_ASKED, quarters_named
from hoidap.query.compound import compound_parts
from hoidap.terms import horizon_years
from ingest.normalize import fold_diacritics
from tests.test_part_rules import _texts


def test_a_sentence_of_another_quarter_does_not_answer():
    question = "Tổng doanh số thương mại điện tử trong quý II/2025 đạt bao nhiêu tỷ đồng?"
    other = "- Quý I/2025: Tổng doanh số thương mại điện tử 101.400 tỷ đồng."
    assert _texts(question, other) == []
    assert _texts(question, other, SelectRules(quarters=False)) == [other]  # the switch off
    same = "- Quý 2/2025: Tổng doanh số thương mại điện tử 120.000 tỷ đồng."
    assert _texts(question, same) == [same]
    assert quarters_named(fold_diacritics("quý iv năm 2025 và quý 3").lower()) == ["4", "3"]
    assert quarters_named("quy dinh 1") == []  # "quy định" is no quarter


def test_the_year_a_target_is_set_for_is_its_horizon():
    asked = "Bình Phước đặt mục tiêu kinh tế số chiếm bao nhiêu phần trăm GRDP vào năm 2025?"
    assert horizon_years(asked, year_ends=True) == ["2025"]
    assert horizon_years(asked) == []  # the switch off
    assert horizon_years("Năm 2025 tỉnh đã làm gì vào năm 2025?", year_ends=True) == []  # no target asked
    asked = "Tỉnh đặt mục tiêu kinh tế số chiếm bao nhiêu phần trăm GRDP vào năm 2025?"
    sentence = "Đến năm 2030, kinh tế số của Tỉnh dự kiến chiếm khoảng 30% GRDP."
    passage = f"Kết quả chuyển đổi số năm 2025 của Tỉnh.\n{sentence}"  # the year asked is named in the passage
    assert sentence not in _texts(asked, passage, year_ends=True)
    assert sentence in _texts(asked, passage)


def test_a_later_part_pointing_back_inside_its_predicate():
    question = "Nhà nước có phải tính biên chế cho Tổ công nghệ số cộng đồng không, và cấp nào đứng ra thành lập tổ này?"
    parts = compound_parts(question, True, dependent=True)
    assert parts[1] == "cấp nào đứng ra thành lập Tổ công nghệ số cộng đồng?"
    assert compound_parts(question, True)[1] == "cấp nào đứng ra thành lập tổ này?"  # the switch off
    question = "Chỉ tiêu tỷ lệ giao dịch không dùng tiền mặt đến năm 2030 đặt ở mức bao nhiêu, và đơn vị nào chủ trì chỉ tiêu này?"
    assert compound_parts(question, True, dependent=True)[1] == (
        "đơn vị nào chủ trì Chỉ tiêu tỷ lệ giao dịch không dùng tiền mặt đến năm 2030?"
    )
    # a noun the first part does not open stays as it is
    question = "Luật có hiệu lực từ ngày nào, và ai chủ trì việc này?"
    assert compound_parts(question, True, dependent=True)[1] == "ai chủ trì việc này?"


def test_recitals_asked_in_more_ways():
    fold = lambda text: fold_diacritics(text.lower())  # noqa: E731
    assert RECITAL_ASKED.search(fold("Quyết định được ban hành căn cứ vào những nghị quyết nào của Bộ Chính trị?"))
    assert RECITAL_ASKED.search(fold("UBND ban hành kế hoạch theo đề nghị của Sở tại tờ trình số mấy?"))
    assert not RECITAL_ASKED.search(fold("Căn cứ vào Điều 5, thời hạn báo cáo là mấy ngày?"))


def test_a_follow_up_asking_for_another_document():
    from hoidap.answer.conversation import Turn, resolutions
    from hoidap.answer.followup_forms import asks_another_document

    previous = Turn(
        "Theo Quy định 384-QĐ/TW, việc chia sẻ dữ liệu giữa các cơ quan đảng có bị thu phí không?", ["Quy định 384-QĐ/TW"]
    )
    question = "Có văn bản nào khác quy định giống vậy không?"
    assert asks_another_document(question) and asks_another_document("Còn nghị định nào khác cũng nói thế không?")
    assert not asks_another_document("Văn bản đó còn hiệu lực không?")
    assert not asks_another_document("Ngoài Nghị định 13 còn văn bản nào khác quy định không?")  # names one
    assert resolutions(question, previous, another_document=True) == [
        "Việc chia sẻ dữ liệu giữa các cơ quan đảng có bị thu phí không?"
    ]
    assert resolutions(question, previous, another_document=False) != resolutions(question, previous, another_document=True)


def test_another_document_is_searched_outside_the_one_named(service):
    from hoidap.answer.conversation import Turn

    previous = Turn("Theo Luật 20/2023/QH15, chữ ký số là gì?", ["Luật Giao dịch điện tử (20/2023/QH15)"])
    answer = service.ask("Có văn bản nào khác quy định giống vậy không?", previous=previous)
    assert all("20/2023/QH15" not in c.passage.chunk.doc.number for c in answer.citations)


def test_a_follow_up_naming_a_body_alone():
    from hoidap.answer.conversation import Turn, asked_of_body, resolutions

    asked = "Theo Luật Giao dịch điện tử 2023, cơ quan nào là đầu mối chịu trách nhiệm về quản lý nhà nước về giao dịch điện tử?"
    previous = Turn(asked, ["Luật Giao dịch điện tử (20/2023/QH15)"])
    readings = resolutions("Bộ Quốc phòng?", previous, body_alone=True)
    assert readings[0] == "Theo Luật Giao dịch điện tử 2023, Bộ Quốc phòng có trách nhiệm gì về quản lý nhà nước về giao dịch điện tử?"
    assert readings[-1] == "Bộ Quốc phòng?"
    assert resolutions("Bộ Quốc phòng?", previous, body_alone=False)[0] == "Bộ Quốc phòng?"  # the switch off
    # a body named before: the same question of the other body; a title is no body's name
    assert asked_of_body("Còn Sở Tài chính?", "Sở Xây dựng chủ trì nhiệm vụ X đến năm nào?") == ["Sở Tài chính chủ trì nhiệm vụ X đến năm nào?"]
    assert asked_of_body("Bộ Quốc phòng thì được giao gì?", asked) == []  # more than a name
    swapped = resolutions("Còn Bộ Quốc phòng thì sao?", Turn("Luật Giao dịch điện tử 2023 có hiệu lực khi nào?", []), body_alone=True)
    assert "Bộ Quốc dịch" not in swapped[0] and "Luật Giao," not in swapped[0]  # not "Luật Giao" swapped for the body


def test_a_field_of_an_item_is_read_under_its_item_for_which_document():
    text = (
        "- Nghị định quy định chi tiết Luật Bảo vệ dữ liệu cá nhân.\n- Cơ quan chủ trì: Bộ Công an.\n"
        "- Nghị định xử phạt vi phạm hành chính trong lĩnh vực bảo vệ dữ liệu cá nhân.\n"
        "- Nội dung: bao gồm quy định chi tiết khoản 7 Điều 8 của Luật Bảo vệ dữ liệu cá nhân.\n- Cơ quan chủ trì: Bộ Công an."
    )
    question = "Văn bản nào sẽ quy định chi tiết khoản 7 Điều 8 của Luật Bảo vệ dữ liệu cá nhân?"
    best = _texts(question, text)[0]
    assert best.startswith("- Nghị định xử phạt vi phạm hành chính") and "khoản 7 Điều 8" in best
    assert not _texts(question, text, SelectRules(field_lead_in=False))[0].startswith("- Nghị định xử phạt")


def test_a_bodys_code_typed_alone_names_the_body():
    from hoidap.query import Analyser
    from tests.test_part_rules import WEIGHT

    question = "nđ 13/2023 bca ktra chuyển dlcn ra nước ngoài mỗi năm mấy lần"
    assert "Bộ Công an kiểm tra" in Analyser(WEIGHT, issuer_codes=True).analyse(question).expanded
    assert "bca" in Analyser(WEIGHT).analyse(question).expanded  # the switch off
    assert "80/2020/TT-BCA" in Analyser(WEIGHT, issuer_codes=True).analyse("Thông tư 80/2020/TT-BCA quy định gì?").expanded


def test_how_many_times_a_period_asks_a_frequency():
    from hoidap.query.counted import asked_unit

    assert asked_unit("Bộ Công an kiểm tra mỗi năm mấy lần?", True, how_few=True) == "lan"
    assert asked_unit("Doanh thu tăng mấy lần?", True, how_few=True) == ""  # "gấp 2 lần" is no frequency


def test_what_was_achieved_is_not_answered_by_a_target():
    from hoidap.query.asked import states_target_only

    question = "Thực tế đến nay tỷ lệ phủ sóng 5G đã đạt được bao nhiêu?"
    target = "- Phấn đấu tỷ lệ phủ sóng 5G trên địa bàn đạt 100% dân số."
    assert _texts(question, target) == []
    assert _texts(question, target, SelectRules(achieved=False)) == [target]  # the switch off
    done = "- Tỷ lệ phủ sóng 5G đã đạt 90% dân số (tháng 3/2025)."
    assert _texts(question, done) == [done]
    assert states_target_only("den nam 2030 ty le dat 100%", ["2030"]) and not states_target_only("ty le da dat 90%", [])


def test_a_year_written_after_a_name_dates_it():
    question = "Tại Giải thưởng Chuyển đổi số Việt Nam (VDA) năm 2024, Bình Phước được vinh danh với giải pháp nào?"
    other = (  # the year asked is named, of another name
        "Bình Phước được vinh danh tại Giải thưởng Chuyển đổi số Việt Nam 2023 (VDA) với giải pháp Hệ thống thông tin "
        "nguồn; nhận Giải thưởng ASOCIO 2024 cho hạng mục chính quyền số."
    )
    from hoidap.query.asked import named_years, other_named_year

    assert named_years(question) == [("doi so viet nam", "2024")]
    assert other_named_year(tuple(named_years(question)), other)  # the 2023 award only
    assert named_years("Nghị định 13/2023/NĐ-CP năm 2023") == []  # a số hiệu is no name
    same = "Năm 2024, Bình Phước được vinh danh tại Giải thưởng Chuyển đổi số Việt Nam 2024 với giải pháp Cổng dữ liệu."
    assert _texts(question, same) == [same]


def test_a_follow_up_asking_where_the_answer_is_written():
    from hoidap.answer.conversation import Turn, resolutions
    from hoidap.answer.followup_forms import asks_where

    assert asks_where("Ở mục nào vậy?") and asks_where("Nằm ở điều nào?") and asks_where("Cái đó ở đâu vậy?")
    assert not asks_where("Ở mục nào quy định thời hạn báo cáo?")  # a question of its own
    previous = Turn("Theo Kế hoạch 308, đơn vị nào chủ trì bảo đảm an toàn thông tin?", ["Kế hoạch 308/KH-UBND"])
    assert resolutions("Ở mục nào vậy?", previous, where=True) == [previous.question]
    assert resolutions("Ở mục nào vậy?", previous, where=False) != [previous.question]  # the switch off


def test_where_names_the_section_of_each_source():
    import dataclasses
    import re

    from core.models import DocMeta
    from hoidap.answer.extractive import ExtractiveAnswerer
    from hoidap.query import Analyser
    from hoidap.retrieve import Passage
    from index.store import StoredChunk
    from tests.test_part_rules import WEIGHT

    text = "a) Nhiệm vụ:\n- Triển khai phương án bảo đảm an toàn thông tin cho các cơ sở dữ liệu.\nĐơn vị chủ trì: Công an Thành phố."
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    doc = DocMeta(doc_type="Kế hoạch", number="308/KH-UBND")
    chunk = StoredChunk("c", "d", 0, text, 0, len(text), "", "II. 3. Về đảm bảo an toàn thông tin", spans, doc, "d.md")
    query = Analyser(WEIGHT).analyse("Đơn vị nào chủ trì triển khai phương án bảo đảm an toàn thông tin cho các cơ sở dữ liệu?")
    asked = ExtractiveAnswerer().answer(dataclasses.replace(query, where=True), [Passage(chunk, 1.0)], WEIGHT)
    assert asked.text.startswith("Theo mục «II. 3. Về đảm bảo an toàn thông tin» của Kế hoạch 308/KH-UBND: ")
    plain = ExtractiveAnswerer().answer(query, [Passage(chunk, 1.0)], WEIGHT)
    assert plain.text.startswith("Theo Kế hoạch 308/KH-UBND: ")


def test_recitals_asked_as_a_list_are_quoted_at_length():
    from core.models import DocMeta
    from hoidap.answer.extractive import ExtractiveAnswerer
    from hoidap.query import Analyser
    from hoidap.retrieve import Passage
    from index.store import StoredChunk
    from tests.test_part_rules import WEIGHT

    doc = DocMeta(doc_type="Quyết định", number="2597/QĐ-TTg")
    recitals = [
        f"Căn cứ Nghị quyết số {n}-NQ/TW ngày {d} của Bộ Chính trị về {topic};"
        for n, d, topic in (("57", "22/12/2024", "đột phá khoa học"), ("06", "24/01/2022", "đô thị"),
                            ("52", "27/9/2019", "cách mạng công nghiệp"), ("45", "01/01/2020", "cải cách"),
                            ("18", "25/10/2017", "bộ máy"), ("19", "25/10/2017", "đơn vị sự nghiệp"))
    ]
    passages = [  # a recital a passage, as where a decision's recitals are cut by the chunker
        Passage(StoredChunk(f"c{i}", "d", i, t, 0, len(t), "", "", [(0, len(t))], doc, "d.md"), 1.0 - i / 10)
        for i, t in enumerate(recitals)
    ]
    question = Analyser(WEIGHT).analyse("Quyết định 2597/QĐ-TTg được ban hành căn cứ vào những nghị quyết nào của Bộ Chính trị?")
    numbers = ("57", "06", "52", "45", "18", "19")
    answer = ExtractiveAnswerer(select_rules=SelectRules()).answer(question, passages, WEIGHT)
    short = ExtractiveAnswerer(select_rules=SelectRules(recital_lists=False)).answer(question, passages, WEIGHT)
    assert sum(f"{n}-NQ/TW" in answer.text for n in numbers) > sum(f"{n}-NQ/TW" in short.text for n in numbers)


def test_a_so_hieu_typed_without_diacritics_names_its_document():
    from hoidap.query import Analyser
    from hoidap.query.documents import names_document
    from tests.test_part_rules import WEIGHT

    query = Analyser(WEIGHT).analyse("Ke hoach 3260-KH/DDQH15 trien khai Nghi quyet 57 do ai ky")
    assert names_document(query, "3260-KH/ĐĐQH15") and query.wants_signer
    assert not names_document(query, "3261-KH/ĐĐQH15")
    party = Analyser(WEIGHT).analyse("Theo Quy định 384, ai là chủ quản dữ liệu?")
    assert names_document(party, "384-QĐ/TW")  # a party's regulation carries a quyết định's code
    law = Analyser(WEIGHT).analyse("luật 20 do ai ký")
    assert names_document(law, "20/2023/QH15") and not names_document(law, "20/2014/TT-BTTTT")


def test_a_later_part_asking_only_an_aspect_is_of_the_first_parts_topic():
    question = "Công văn 402 đề nghị các Ủy viên gửi ý kiến góp ý dự thảo báo cáo về cơ quan nào, và chậm nhất là lúc nào?"
    parts = compound_parts(question, True, dependent=True)
    assert parts[1] == "chậm nhất là lúc nào (Công văn 402 đề nghị các Ủy viên gửi ý kiến góp ý dự thảo báo cáo về cơ quan)?"
    assert compound_parts(question, True)[1] == "chậm nhất là lúc nào?"  # the switch off
    # a part naming its own topic is left as it is
    question = "Luật có hiệu lực từ ngày nào, và dịch vụ chứng thực hợp đồng điện tử được dùng đến khi nào?"
    assert "(" not in compound_parts(question, True, dependent=True)[1]


def test_a_figure_of_one_year_is_not_given_by_other_years_or_a_period():
    from hoidap.query.asked import states_other_years, year_asked

    question = "Riêng trong năm 2024, tỉnh đã phân bổ bao nhiêu tỷ đồng cho các dự án chuyển đổi số?"
    period = "Từ năm 2019 đến nay, tỉnh đã phân bổ hơn 844 tỷ đồng cho các dự án chuyển đổi số, nhiều nhất năm 2024."
    assert year_asked(question) == "2024" and year_asked("Đến năm 2030 tỉnh phân bổ bao nhiêu?") == ""
    assert states_other_years("Từ năm 2019 đến nay, tỉnh đã phân bổ hơn 844 tỷ đồng.", "2024")
    assert states_other_years("năm 2021 đạt 7,34%, năm 2022 đạt 8,42%", "2023")
    assert not states_other_years("Năm 2024 tỉnh phân bổ 200 tỷ đồng.", "2024") and not states_other_years("200 tỷ đồng", "2024")
    assert _texts(question, period, SelectRules(one_year=False)) == [period]  # the switch off
    assert _texts(question, period) == [period]  # 2024 is named alone too: not only a period
    since = "Từ năm 2019 đến nay, tỉnh đã phân bổ hơn 844 tỷ đồng cho các dự án chuyển đổi số."
    passage = f"Báo cáo chuyển đổi số năm 2024 của tỉnh.\n{since}"  # the year asked is named in the passage
    assert since not in _texts(question, passage)
    assert since in _texts(question, passage, SelectRules(one_year=False))


def test_a_target_without_a_year_is_of_its_sections_horizon():
    import re

    from core.models import DocMeta
    from hoidap.answer.select import candidates
    from hoidap.query import Analyser
    from index.store import StoredChunk
    from tests.test_part_rules import WEIGHT

    text = "- Tỷ lệ doanh nghiệp vừa và nhỏ ứng dụng công nghệ số đạt 60%.\n- Kinh tế số chiếm 45% GRDP tỉnh."
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    doc = DocMeta(doc_type="Kế hoạch", number="144/KH-UBND", title="Kế hoạch phát triển kinh tế số giai đoạn 2026-2030")
    chunk = StoredChunk("c", "d", 0, text, 0, len(text), "II. 1. Phát triển kinh tế số đến năm 2030", "", spans, doc, "d.md")
    asked = lambda q, **rules: [  # noqa: E731
        c.text for c in candidates(Analyser(WEIGHT, year_ends=True).analyse(q), [Passage(chunk, 1.0)], WEIGHT, SelectRules(**rules))
    ]
    question = "Theo Kế hoạch 144, vào cuối năm 2026 tỷ lệ doanh nghiệp vừa và nhỏ ứng dụng công nghệ số là bao nhiêu?"
    assert not any("60%" in t for t in asked(question))
    assert any("60%" in t for t in asked(question, own_horizon=False))  # the switch off
    assert any("60%" in t for t in asked(question.replace("vào cuối năm 2026", "đến năm 2030")))


def test_the_force_of_a_law_asked_beside_the_decision_implementing_it():
    from hoidap.answer.validity import of_subject
    from hoidap.query import Analyser
    from tests.test_part_rules import WEIGHT

    query = Analyser(WEIGHT, subject_type=True).analyse("Luật Bảo vệ dữ liệu cá nhân mà QĐ 2623 triển khai có hiệu lực thi hành từ ngày nào?")
    assert query.subject_type == "Luật"
    assert of_subject(query, ["2623/QĐ-TTg", "91/2025/QH15"]) == ["91/2025/QH15"]
    decision = Analyser(WEIGHT, subject_type=True).analyse("Quyết định 2623/QĐ-TTg có hiệu lực từ ngày nào?")
    assert of_subject(decision, ["2623/QĐ-TTg"]) == ["2623/QĐ-TTg"]


def test_a_delay_claimed_asks_when_a_document_takes_effect():
    from hoidap.query.documents import validity_asked

    fold = lambda text: fold_diacritics(text.lower())  # noqa: E731
    assert validity_asked(fold("Không phải Nghị quyết 03/NQ-CP phải chờ 45 ngày sau khi ký mới có hiệu lực à?")) == "effective"
    assert validity_asked(fold("Quy định 384 thì mới có hiệu lực sao?")) == "effective"
    assert validity_asked(fold("Chứng thư số có hiệu lực thì được dùng làm gì?")) == ""
    assert validity_asked(fold("Ngày nào Quyết định phê duyệt Đề án X bắt đầu có hiệu lực?")) == "effective"


def test_a_row_asked_by_its_number_in_a_group_of_the_table():
    from hoidap.query.headings import row_group_asked
    from hoidap.fetched import row_in_group

    folded = fold_diacritics("Nhiệm vụ thứ 10 trong nhóm “Hoàn thiện thể chế” ở Phụ lục II của QĐ 2629 xong khi nào?".lower())
    assert row_group_asked(folded) == "hoan thien the che"
    assert row_group_asked("trong nhom nhiem vu thu nam o phu luc ii") == ""  # an ordinal, no group's name
    from hoidap.query.headings import row_asked

    assert row_asked("chi tieu 25% lanh dao co chuyen mon") == "" and row_asked("nhiem vu so 75 trong phu luc ii") == "75"
    texts = {
        "a": "TT | Nhiệm vụ | Thời hạn\nI | Hạ tầng số\n10 | Xây trung tâm dữ liệu | 2027",
        "b": "II | Hoàn thiện thể chế\n9 | Ban hành hướng dẫn | 12/2026",
        "c": "10 | Ban hành tiêu chuẩn quốc gia | Tháng 3/2026\nIII | Dữ liệu số\n10 | Số hóa hồ sơ | 2028",
    }
    assert row_in_group(["a", "b", "c"], texts, "10", "hoan thien the che") == "c"
    assert row_in_group(["a", "b", "c"], texts, "10") == "a"  # no group: the first row 10


def test_hedges_and_embedding_leads_ask_nothing():
    from hoidap.query.hedges import without_hedges

    assert without_hedges("Tôi nhớ mang máng Nghị định 224 có một điều nói về tổ công nghệ số, đó là điều nào?") == (
        "Nghị định 224 có một điều nói về tổ công nghệ số, đó là điều nào?"
    )
    assert without_hedges("Hình như Nghị quyết 57 đặt tỷ lệ này vào năm 2030 thì phải, cụ thể là bao nhiêu?") == (
        "Nghị quyết 57 đặt tỷ lệ này vào năm 2030, cụ thể là bao nhiêu?"
    )
    assert without_hedges("Không rõ Kế hoạch 3260 do ai ký và ký ngày nào, bạn có biết không?") == "Kế hoạch 3260 do ai ký và ký ngày nào?"
    assert without_hedges("Cho em hỏi là không biết NĐ 13 quy định gì ạ") == "NĐ 13 quy định gì ạ"
    assert without_hedges("Không biết") == "Không biết"  # nothing would be left


def test_a_correction_inside_the_question():
    from hoidap.query.hedges import corrected_inline

    assert corrected_inline("Theo Nghị định 45/2026, à nhầm, Nghị định 224/2026/NĐ-CP, thử nghiệm kéo dài bao lâu?") == (
        "Theo Nghị định 224/2026/NĐ-CP, thử nghiệm kéo dài bao lâu?"
    )
    assert corrected_inline("den het nam 2045, a nham, nam 2040 thi muc tieu la bao nhieu") == "den het nam 2040 thi muc tieu la bao nhieu"
    assert corrected_inline("Bộ Tài chính — xin lỗi, Bộ Công an — được giao việc gì?") == "Bộ Công an — được giao việc gì?"
    question = "Luật này có áp dụng không, à không phải, tôi hỏi khác"  # no phrase of the same head: no correction
    assert corrected_inline(question) == question
    question = "Luật này có hiệu lực không, luật kia thì sao?"  # a bare "không," ends a yes/no question
    assert corrected_inline(question) == question


def test_the_signing_date_asked_is_the_issue_date():
    from hoidap.query.asked import ISSUED_ASKED

    assert ISSUED_ASKED.search("ke hoach 3260 ky ngay nao") and ISSUED_ASKED.search("ngay ky quyet dinh")


def test_a_follow_up_narrowing_the_previous_question():
    from hoidap.answer.conversation import Turn, _source_only, resolutions
    from hoidap.answer.followup_forms import narrowed_to

    assert narrowed_to("Chỉ tính cấp huyện thôi thì sao?") == "cấp huyện"
    assert narrowed_to("Riêng giai đoạn 2025-2027 thì sao?") == "giai đoạn 2025-2027"
    assert narrowed_to("Chỉ tính cơ quan nào thôi?") == ""  # a question of its own
    previous = Turn("Năm 2023 Bình Phước đặt mục tiêu tỷ lệ hồ sơ xử lý trên môi trường mạng là bao nhiêu?", [])
    assert resolutions("Chỉ tính cấp huyện thôi thì sao?", previous, narrowing=True) == [
        "Năm 2023 Bình Phước đặt mục tiêu tỷ lệ hồ sơ xử lý trên môi trường mạng là bao nhiêu (cấp huyện)?"
    ]
    assert _source_only("Trích nguyên văn giúp tôi đoạn quy định đó.")


def test_a_provision_of_a_document_not_held_is_its_content_asked():
    from hoidap.query.analyse import unheld_subject

    indexed = frozenset({"224/2026/nđ-cp"})
    folded = "k2 dieu 5 nghi dinh 278/2025/nd-cp ve ket noi, chia se du lieu quy dinh nhung gi?"
    assert unheld_subject(folded, ["278/2025/NĐ-CP"], indexed) == "Nghị định 278/2025"
    assert unheld_subject("khoan 2 dieu 5 cua nghi dinh 278/2025/nd-cp quy dinh gi?", ["278/2025/NĐ-CP"], indexed)


def test_the_head_of_a_body_named_by_its_function():
    from hoidap.query.heads import heads_named

    assert heads_named("người đứng đầu ngành công an được giao việc gì") == "Bộ trưởng Bộ Công an được giao việc gì"
    assert heads_named("Người đứng đầu Chính phủ ký văn bản nào?") == "Thủ tướng Chính phủ ký văn bản nào?"
    assert heads_named("người đứng đầu UBND tỉnh chịu trách nhiệm gì") == "Chủ tịch Ủy ban nhân dân tỉnh chịu trách nhiệm gì"
    generic = "Người đứng đầu bộ, ngành, địa phương có trách nhiệm gì?"  # no one body named
    assert heads_named(generic) == generic


def test_an_item_of_the_previous_list_by_its_position():
    from hoidap.answer.compose import item_at
    from hoidap.answer.conversation import Turn, resolutions
    from hoidap.answer.followup_forms import item_position

    assert item_position("Loại thứ tư trong danh sách đó là gì?") == 4
    assert item_position("Còn mục cuối cùng trong danh sách đó là giấy tờ gì?") == -1
    assert item_position("Cái thứ hai thì thời hạn ban hành thế nào?") == 0  # an aspect of it: a question of its own
    previous = Turn("Những loại giấy tờ nào đã được tích hợp trên VNeID?", [])
    assert resolutions("Loại thứ tư trong danh sách đó là gì?", previous, items=True) == [previous.question]
    listed = "6 loại giấy tờ: (1) Giấy khai sinh; (2) Giấy phép lái xe; (3) Căn cước công dân; (4) Đăng ký xe."
    assert item_at(listed, 4) == "Đăng ký xe" and item_at(listed, -1) == "Đăng ký xe" and item_at(listed, 7) == ""
    assert item_at("a) Một việc;\nb) Hai việc;\nc) Ba việc.", 2) == "Hai việc"


def test_a_document_not_held_is_named_when_its_content_is_asked(service):
    answer = service.ask("Nghị định 88/2025/NĐ-CP quy định những gì về chữ ký số?")
    assert answer.refused and "Nghị định 88/2025 không có trong các tài liệu đã lập chỉ mục" in answer.notice
