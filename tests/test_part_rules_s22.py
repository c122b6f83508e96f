"""Rules of written chat Vietnamese added in the twenty-second session (each switchable; see the README's ablation):
VNI digits left in words by an input method switched off, emoji and reactions, the statement of when a question is
asked, the same question asked again in other words, and figurative words for roles."""

from __future__ import annotations

from hoidap.keyboard import vni_decoded, vni_word
from hoidap.query.asides import plain_idioms, read_at_asking, without_reactions, without_restatement


def test_a_vni_word_is_the_syllable_its_digits_mark():
    assert vni_word("ke61") == "kế"
    assert vni_word("hoa5ch") == "hoạch"  # the tone typed after the final consonant goes where spelling puts it
    assert vni_word("hu7o71ng") == "hướng"
    assert vni_word("D9i5nh") == "Định"
    assert vni_word("QD9") == "QĐ"  # a code of a số hiệu
    # digits that are no VNI keys after the letters they follow, or no Vietnamese syllable made
    assert vni_word("H5N1") == "" and vni_word("t5") == "" and vni_word("C06") == ""
    assert vni_word("x9") == "" and vni_word("a11") == ""


def test_a_question_typed_in_vni_is_written_in_vietnamese():
    assert vni_decoded("Quye61t d9i5nh 2597/QD9-TTg co1 hie65u lu75c tu72 khi na2o?") == (
        "Quyết định 2597/QĐ-TTg có hiệu lực từ khi nào?"
    )
    # one such word is no evidence of VNI: a code stays as typed, and so does a question without VNI words
    assert vni_decoded("Dịch cúm H5N1 và mạng 5G có trong QĐ 2597 không?") == (
        "Dịch cúm H5N1 và mạng 5G có trong QĐ 2597 không?"
    )
    assert vni_decoded("Kế hoạch giao Sở C06 và co1 gì?") == "Kế hoạch giao Sở C06 và co1 gì?"


def test_emoji_emoticons_and_a_reaction_ask_nothing():
    assert without_reactions("Sở nào chủ trì việc này ạ 🙏:((") == "Sở nào chủ trì việc này ạ"
    assert without_reactions("=)) chỉ tiêu là bao nhiêu % thế ^^") == "chỉ tiêu là bao nhiêu % thế"
    assert without_reactions("😮 tham vọng vậy à, thế ai theo dõi việc này?") == "ai theo dõi việc này?"
    assert without_reactions("Wow, ai ký quyết định này?") == "ai ký quyết định này?"
    # a colon inside a time, a URL or a clause reference is no emoticon; too little left keeps the question
    assert without_reactions("Họp lúc 8:30 tại https://dichvucong.gov.vn/p/ có ai?") == (
        "Họp lúc 8:30 tại https://dichvucong.gov.vn/p/ có ai?"
    )
    assert without_reactions("Thật vậy à?") == "Thật vậy à?"


def test_the_same_question_asked_again_is_asked_once():
    assert without_restatement("Hạn nộp báo cáo là khi nào? Tức là trễ nhất ngày nào ấy?") == "Hạn nộp báo cáo là khi nào?"
    assert without_restatement("Ai chủ trì việc lập kế hoạch — nói cách khác là cơ quan nào chịu trách nhiệm chính?") == (
        "Ai chủ trì việc lập kế hoạch?"
    )
    # "tức" glossing a phrase inside the question marks no second asking
    assert without_restatement("Mục tiêu đến giai đoạn sau, tức đến năm 2030, là gì?") == (
        "Mục tiêu đến giai đoạn sau, tức đến năm 2030, là gì?"
    )
    assert without_restatement("Là gì? Tức là sao?") == "Là gì? Tức là sao?"  # too little left


def test_when_the_question_is_asked_is_no_part_of_it():
    assert read_at_asking("Hôm nay là 20/5/2025. Đợt báo cáo quý phải gửi trước ngày nào?") == (
        "Đợt báo cáo quý phải gửi trước ngày nào?"
    )
    assert read_at_asking("Bây giờ là tháng 3/2026, kế hoạch còn hiệu lực không?") == "Kế hoạch còn hiệu lực không?"
    # a target told from the asking time gets its year; "năm sau" elsewhere stays as typed
    assert read_at_asking("Bây giờ là năm 2026. Đến hết năm sau phải có bao nhiêu dịch vụ công trực tuyến?") == (
        "Đến hết năm 2027 phải có bao nhiêu dịch vụ công trực tuyến?"
    )
    assert read_at_asking("Hôm nay 10/1/2026, đầu năm sau phải nộp báo cáo trước ngày nào?") == (
        "Đầu năm sau phải nộp báo cáo trước ngày nào?"
    )
    # a date the question asks about is no asking time
    assert read_at_asking("Nghị định ký ngày 24/6/2026 quy định gì?") == "Nghị định ký ngày 24/6/2026 quy định gì?"


def test_figurative_words_for_roles_read_as_the_documents_terms():
    assert plain_idioms("Bộ nào cầm trịch việc kêu gọi vốn?") == "Bộ nào chủ trì việc kêu gọi vốn?"
    assert plain_idioms('Ai "đứng mũi chịu sào" triển khai kế hoạch?') == "Ai chủ trì triển khai kế hoạch?"
    assert plain_idioms("Ai bật đèn xanh cho đề án?") == "Ai phê duyệt cho đề án?"
    assert plain_idioms("Cầm trịch là gì?") == "Chủ trì là gì?"
    assert plain_idioms("Trịch thượng là gì?") == "Trịch thượng là gì?"  # a word only holding part of one stays


VNI_QUESTION = "Lua65t Giao di5ch d9ie65n tu73 co1 hie65u lu75c thi hành tu72 nga2y na2o?"


def test_a_vni_question_is_answered(service):
    answer = service.ask(VNI_QUESTION)
    assert not answer.refused
    assert "01 tháng 7 năm 2024" in answer.text or "1/7/2024" in answer.text


def test_the_vni_switch_off(service):
    from core.settings import Settings
    from hoidap.service import HoidapService

    off = HoidapService(Settings(**{**service.settings.model_dump(), "rule_vni": False}))
    off.embedder = service.embedder
    assert off.read_as_asked(VNI_QUESTION) == VNI_QUESTION
    assert "1/7/2024" not in off.ask(VNI_QUESTION).text  # as typed, the question's words are none of the corpus'
    assert service.read_as_asked(VNI_QUESTION).startswith("Luật Giao dịch điện tử có hiệu lực thi hành từ ngày nào")


def test_how_many_people_counts_people():
    from hoidap.query.counted import asked_unit

    assert asked_unit("tổ công nghệ thông tin phải có tối thiểu bao nhiêu người?", True) == "nguoi"
    assert asked_unit("đạt bao nhiêu người trên một vạn dân?", True) == "nguoi"


def test_a_duty_s_deadline_is_not_the_document_s_date():
    from hoidap.query.analyse import Analyser
    from tests.test_part_rules import WEIGHT

    def issue_date(question: str, deadlines: bool = True) -> bool:
        return Analyser(WEIGHT, deadlines=deadlines).analyse(question).wants_issue_date

    assert issue_date("Công văn 402-CV/VPĐU được gửi ngày nào?")
    assert issue_date("Kế hoạch 3260 ban hành ngày nào?")
    assert not issue_date("Báo cáo 6 tháng theo Nghị quyết 03/NQ-CP phải gửi trước ngày nào?")
    assert not issue_date("Theo Kế hoạch 3260, hạn chót gửi báo cáo sơ kết là ngày nào?")
    assert issue_date("Theo Kế hoạch 3260, hạn chót gửi báo cáo sơ kết là ngày nào?", deadlines=False)  # the switch off


def test_the_force_asked_after_naming_its_source():
    from hoidap.query.documents import framed_force

    assert framed_force("Theo Quyết định 2623/QĐ-TTg thì Luật Bảo vệ dữ liệu cá nhân có hiệu lực từ ngày nào?") == (
        "luat bao ve du lieu ca"
    )
    assert framed_force("Theo kế hoạch của Thủ tướng, Luật Bảo vệ dữ liệu cá nhân đã có hiệu lực chưa?") == (
        "luat bao ve du lieu ca"
    )
    assert framed_force("Quyết định 2623/QĐ-TTg có hiệu lực từ ngày nào?") == ""  # no source named first
    assert framed_force("Theo Quyết định 2623/QĐ-TTg thì nó có hiệu lực từ ngày nào?") == ""  # nothing else named
    assert framed_force(
        "Theo luật hiện hành, giấy xác nhận cấp trước khi Luật Giao dịch điện tử 2023 có hiệu lực thì dùng đến khi nào?"
    ) == ""  # the document is not what is asked of


def test_the_unit_beside_the_one_an_answer_led_with():
    from hoidap.answer.conversation import neighbour_unit

    assert neighbour_unit("Thế khoản tiếp theo của điều đó nói gì?", "Điều 15, khoản 3") == "Khoản 4 Điều 15"
    assert neighbour_unit("Còn điều kế tiếp?", "Điều 15, khoản 3") == "Điều 16"
    assert neighbour_unit("Khoản trước đó quy định gì?", "Điều 15, khoản 3") == "Khoản 2 Điều 15"
    assert neighbour_unit("khoan tiep theo noi gi", "Điều 52, khoản 1") == "Khoản 2 Điều 52"
    # nothing to count from, nothing before the first, or a question of its own
    assert neighbour_unit("Khoản tiếp theo nói gì?", "Điều 16") == ""
    assert neighbour_unit("Khoản trước đó nói gì?", "Điều 16, khoản 1") == ""
    assert neighbour_unit("Khoản tiếp theo nói gì?", "") == ""
    assert neighbour_unit("Khoản 2 Điều 53 nói gì?", "Điều 52, khoản 1") == ""
    assert neighbour_unit("Điều kiện để được cấp phép là gì?", "Điều 52, khoản 1") == ""


def test_the_next_clause_is_asked_and_quoted(service):
    first = service.ask("Luật Giao dịch điện tử có hiệu lực thi hành từ ngày nào?")
    assert first.citations[0].quoted_unit() == "Điều 52, khoản 1"
    turn = service.next_turn(first, None)
    assert turn.cited_label == "Điều 52, khoản 1"
    follow = service.ask("Thế khoản tiếp theo nói gì?", previous=turn)
    assert follow.resolved_question.startswith("Khoản 2 Điều 52 Luật Giao dịch điện tử")
    assert "51/2005/QH11 hết hiệu lực" in follow.text
    # the turn travels as plain data (the chat keeps it in session state)
    import dataclasses

    from hoidap.answer.conversation import Turn

    assert Turn(**dataclasses.asdict(turn)) == turn


def test_a_later_part_supposing_the_first_part_s_yes():
    from hoidap.query.compound import compound_parts

    question = "Đã có quy định nào cho người dân dùng dữ liệu mở mà không phải khai báo danh tính chưa? Nếu có thì nằm ở điều nào của Luật Giao dịch điện tử 2023?"
    assert compound_parts(question, dependent=True) == [
        "Đã có quy định nào cho người dân dùng dữ liệu mở mà không phải khai báo danh tính chưa?",
        "Nằm ở điều nào của Luật Giao dịch điện tử 2023 (Đã có quy định cho người dân dùng dữ liệu mở mà không phải khai báo "
        "danh tính)?",
    ]
    # the switch off: the tense word is still no subject, the later part is read as typed
    assert compound_parts(question, dependent=False)[1] == "Nếu có thì nằm ở điều nào của Luật Giao dịch điện tử 2023?"


def test_a_question_typed_in_viqr_is_written_in_vietnamese():
    from hoidap.keyboard import viqr_decoded, viqr_word

    assert viqr_word("tie^u") == ("tiêu", "")
    assert viqr_word("Ba('c") == ("Bắc", "")
    assert viqr_word("ngu+o+`i") == ("người", "")
    assert viqr_word("QDD") == ("QĐ", "")
    assert viqr_word("tri`?", closes=True) == ("trì", "?")  # a tone already there: the "?" is the question's
    assert viqr_word("nhie^u?", closes=True) == ("nhiêu", "?")  # the end of the question
    assert viqr_decoded("Chi? tie^u ty? le^. da^n so^' o+? Ba('c Ninh dda.t bao nhie^u pha^`n tra(m, va` ai chu? tri`?") == (
        "Chỉ tiêu tỷ lệ dân số ở Bắc Ninh đạt bao nhiêu phần trăm, và ai chủ trì?"
    )
    assert viqr_decoded("DDe^` a'n (QDD 2597) u+u tie^n nhu+~ng hi`nh thu+'c na`o?") == (
        "Đề án (QĐ 2597) ưu tiên những hình thức nào?"
    )
    # one marked word is no evidence of VIQR; plain text keeps its punctuation and brackets
    assert viqr_decoded("Ai ky'?") == "Ai ky'?"
    assert viqr_decoded("Luật này có hiệu lực từ ngày nào? Ai ký (theo Điều 52)?") == (
        "Luật này có hiệu lực từ ngày nào? Ai ký (theo Điều 52)?"
    )


def test_punctuation_said_in_words_is_written():
    from hoidap.query.typed import written_punctuation

    assert written_punctuation("khoa học phẩy công nghệ phẩy đổi mới sáng tạo họp vào ngày nào chấm hỏi") == (
        "khoa học, công nghệ, đổi mới sáng tạo họp vào ngày nào?"
    )
    assert written_punctuation("nghị quyết năm mươi bảy gạch ngang NQ gạch chéo TW phẩy những loại giấy tờ nào") == (
        "nghị quyết năm mươi bảy-NQ/TW, những loại giấy tờ nào"
    )
    for kept in ("Khi nào thì chấm dứt kết nối?", "Tỷ lệ hai phẩy năm phần trăm là gì?", "Dấu phẩy trong số hiệu?"):
        assert written_punctuation(kept) == kept


def test_search_syntax_is_read_as_words():
    from hoidap.query.typed import without_search_syntax

    assert without_search_syntax('"2629/QĐ-TTg" thay thế OR "bãi bỏ" quyết định nào') == (
        '"2629/QĐ-TTg" thay thế hoặc "bãi bỏ" quyết định nào'
    )
    assert without_search_syntax('"điểm hỗ trợ" nghị định 224 hỗ trợ gồm những gì -"tổ công nghệ số"') == (
        '"điểm hỗ trợ" nghị định 224 hỗ trợ gồm những gì'
    )
    assert without_search_syntax('Quy định 384 +"cơ quan chủ quản dữ liệu" những dữ liệu nào') == (
        'Quy định 384 "cơ quan chủ quản dữ liệu" những dữ liệu nào'
    )
    for kept in ("Giai đoạn 2026 -2030 có mục tiêu gì?", "Or là gì?", "Nghị định 13/2023/NĐ-CP có hiệu lực khi nào?"):
        assert without_search_syntax(kept) == kept


def test_a_question_asked_for_someone_else():
    from hoidap.query.asides import asked_for_another

    assert asked_for_another("Chị trưởng phòng nhờ em hỏi giúp: theo Quy định 384, nhật ký lưu mấy năm?") == (
        "Theo Quy định 384, nhật ký lưu mấy năm?"
    )
    assert asked_for_another(
        "Bên xã gọi lên hỏi là Luật Bảo vệ dữ liệu cá nhân có hiệu lực từ ngày nào, em nên trả lời sao cho đúng?"
    ) == "Luật Bảo vệ dữ liệu cá nhân có hiệu lực từ ngày nào?"
    for kept in ("Bộ trưởng hỏi gì trong phiên họp?", "Chị Lan hỏi là ai ký?"):
        assert asked_for_another(kept) == kept


def test_places_by_the_names_they_go_by():
    from hoidap.query.asides import plain_places

    assert plain_places("Ở xứ Kinh Bắc, ai chủ trì?") == "Ở Bắc Ninh, ai chủ trì?"
    assert plain_places("Kế hoạch của quê hương quan họ") == "Kế hoạch của Bắc Ninh"
    assert plain_places("Kế hoạch 308 của Thủ đô") == "Kế hoạch 308 của Hà Nội"
    for kept in ("Luật Thủ đô 2024 có hiệu lực khi nào?", "Thủ đô Hà Nội có bao nhiêu xã?", "Tổng công ty Sài Gòn"):
        assert plain_places(kept) == kept


def test_the_meeting_a_date_is_asked_of():
    from hoidap.answer.carries import names_meeting
    from hoidap.query.asked import ADDRESS_ASKED
    from hoidap.terms import event_ordinals

    assert event_ordinals("ban chi dao hop phien thu hai vao ngay nao") == {"phien hop": 2}
    assert names_meeting({"phien hop": 2}, "Phiên họp thứ hai của Ban Chỉ đạo diễn ra ngày 20/2/2025")
    assert not names_meeting({"phien hop": 2}, "Thứ hai, ngày 20/01/2025 — Phiên họp thứ nhất Ban Chỉ đạo")
    assert ADDRESS_ASKED.search("bao cao gui vo mail nao") and not ADDRESS_ASKED.search("gui ve co quan nao")
