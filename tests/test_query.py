"""Query analysis: abbreviations, answer types, named documents, compound questions."""

import pytest

from hoidap.query import (
    DATE,
    DEFINITION,
    DOCUMENT,
    DURATION,
    LIST,
    NUMBER,
    ORGANISATION,
    OTHER,
    PERSON,
    VALIDITY,
    YESNO,
    Analyser,
)
from hoidap.query.compound import compound_parts
from hoidap.query.documents import names_document
from hoidap.query.expansions import corpus_abbreviations, spelled_out
from hoidap.query.key_terms import key_terms
from core.lexicon import ABBREVIATIONS
from hoidap.answer.signature import signature_block
from hoidap.initialisms import read_initials, typed_initials
from hoidap.terms import UNKNOWN_TERM_WEIGHT


def analyse(question, **kw):
    return Analyser(lambda token: 2.0, **kw).analyse(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Luật Giao dịch điện tử có hiệu lực thi hành từ ngày nào?", DATE),
        ("Nghị định 64/2007/NĐ-CP còn hiệu lực không?", VALIDITY),
        ("Văn bản nào thay thế Nghị định 90/2008/NĐ-CP?", VALIDITY),
        ("Văn bản nào quy định mức phạt đối với hành vi gửi tin nhắn rác?", DOCUMENT),
        ("Điều nào quy định về dữ liệu mở?", DOCUMENT),
        ("Chữ ký số là gì?", DEFINITION),
        ("Các hành vi bị nghiêm cấm trong giao dịch điện tử gồm những gì?", LIST),
        ("Giấy phép có thời hạn bao lâu?", DURATION),
        ("Tỷ lệ dịch vụ công trực tuyến toàn trình đạt bao nhiêu?", NUMBER),
        ("Cơ quan nào chủ trì xây dựng cơ sở dữ liệu?", ORGANISATION),
        ("Ai là Bí thư Tỉnh ủy Bình Phước?", PERSON),
        ("Cơ quan đảng có thu phí khi chia sẻ dữ liệu không?", YESNO),
        ("luat giao dich dien tu co hieu luc tu ngay nao", DATE),  # typed without diacritics
        ("Nếu cá nhân vi phạm thì mức phạt tính thế nào?", OTHER),  # a manner asked, not an amount
        ("Mức phạt tối đa là bao nhiêu, tính thế nào?", NUMBER),
        ("Văn bản nào làm Nghị định 97/2008/NĐ-CP hết hiệu lực?", VALIDITY),
        ("Xã phải gửi báo cáo về Sở vào những mốc nào trong năm?", DATE),  # several dates, not a list of things
        ("Những mốc nào trong năm phải gửi báo cáo?", DATE),
        ("Kế hoạch giao những nhiệm vụ nào cho Sở?", LIST),
        ("Giấy xác nhận này còn dùng được tới lúc nào?", DATE),  # "lúc nào" asks a time as "khi nào" does
        ("Có thể tra cứu bất cứ lúc nào không?", YESNO),
    ],
)
def test_answer_types(question, kind):
    assert analyse(question).answer_type == kind


def test_personal_pronouns_are_not_key_terms():
    query = analyse("Xã tôi ở Đồng Tháp phải báo cáo cho ai? Chúng tôi có phải gửi không?")
    assert not any(t in query.terms for t in ("tôi", "chúng tôi")) and "đồng tháp" in query.terms


def test_numerals_in_words_are_also_looked_for_in_digits():
    query = analyse("Bốn Văn phòng Trung ương trao đổi những nhóm dữ liệu nào?")
    assert query.alternates["bốn"] == ("4", "04")
    assert "nam" not in analyse("nam van phong trung uong").alternates  # unaccented: "năm", "nam", … left alone


def test_abbreviations_and_chat_forms_are_spelled_out():
    query = analyse("dn cung cấp DVCTT mà ko có giấy phép thì phạt bn")
    assert "dịch vụ công trực tuyến" in query.expanded and "không" in query.expanded and "bao nhiêu" in query.expanded
    assert ("DVCTT", "dịch vụ công trực tuyến") in query.expansions
    assert query.answer_type == NUMBER
    # the abbreviation itself still counts where a document writes it short
    assert any("dvctt" in forms for forms in query.alternates.values())
    assert spelled_out("QĐ 2629 và NQ57", ABBREVIATIONS) == [("QĐ", "Quyết định"), ("NQ57", "Nghị quyết 57")]
    assert spelled_out("Nghị quyết 03/NQ-CP", ABBREVIATIONS) == []  # part of a số hiệu
    assert spelled_out("người dưới 18t", ABBREVIATIONS) == [("18t", "18 tuổi")]
    assert analyse("CĐS là gì", expand=False).expanded == "CĐS là gì"  # the switch


def test_named_documents():
    query = analyse("QĐ 2629 đặt chỉ tiêu gì cho năm 2030?")
    assert query.doc_refs == (("quyet dinh", "2629", ""),)
    assert names_document(query, "2629/QĐ-TTg") and not names_document(query, "2629/NĐ-CP")
    assert names_document(analyse("nghi quyet 57 dat muc tieu gi"), "57-NQ/TW")
    assert names_document(analyse("Nghị định 224/2026/NĐ-CP quy định gì?"), "224/2026/NĐ-CP")
    assert analyse("Điều 16 quy định gì?").articles == ("Điều 16",)


def test_compound_questions_split_into_parts():
    parts = compound_parts("Theo Nghị định 224/2026, thời gian thẩm định tối đa là bao lâu, và thời gian quyết định đầu tư là bao lâu?")
    assert parts == [
        "Theo Nghị định 224/2026, thời gian thẩm định tối đa là bao lâu?",
        "Theo Nghị định 224/2026, thời gian quyết định đầu tư là bao lâu?",
    ]
    assert compound_parts("Nghị định 224/2026 và Nghị định 174/2026 có hiệu lực từ ngày nào?") == [
        "Nghị định 224/2026 có hiệu lực từ ngày nào?",
        "Nghị định 174/2026 có hiệu lực từ ngày nào?",
    ]
    assert compound_parts("Khoa học và công nghệ được đầu tư bao nhiêu?") == ["Khoa học và công nghệ được đầu tư bao nhiêu?"]
    assert len(analyse("Luật có hiệu lực khi nào và ai ban hành?").parts) == 2
    # a "và" inside a name joins no questions: the piece before it asks nothing
    council = "Hội đồng về khoa học, đổi mới sáng tạo và chuyển đổi số có bao nhiêu thành viên và ai làm Chủ tịch?"
    assert compound_parts(council) == [
        "Hội đồng về khoa học, đổi mới sáng tạo và chuyển đổi số có bao nhiêu thành viên?", "ai làm Chủ tịch?"
    ]
    assert analyse("Luật có hiệu lực khi nào và ai ban hành?", split_compound=False).parts == ()
    # a later part with a word or two before its predicate has left the subject out: it is carried over
    assert compound_parts("Kết quả thực hiện Chương trình hành động phải báo cáo về những bộ nào, và mỗi kỳ phải gửi trước ngày nào?") == [
        "Kết quả thực hiện Chương trình hành động phải báo cáo về những bộ nào?",
        "Kết quả thực hiện Chương trình hành động mỗi kỳ phải gửi trước ngày nào?",
    ]


def test_abbreviations_learned_from_the_documents():
    texts = [
        "Bộ Thông tin và Truyền thông (sau đây gọi tắt là BTTTT) chủ trì.",
        "Trung tâm Giám sát an toàn không gian mạng quốc gia (NCSC) phối hợp.",
        "Mô hình thông tin công trình (BIM) được áp dụng.",  # English initials: not learned
    ]
    learned = corpus_abbreviations(texts)
    assert learned["BTTTT"] == "Bộ Thông tin và Truyền thông"
    assert "BIM" not in learned


def test_every_occurrence_of_an_abbreviation_is_spelled_out_and_what_x_questions_are_lists():
    query = analyse("UB nào của QH làm đầu mối tham mưu cho Đảng đoàn QH?")
    assert query.expanded == "Ủy ban nào của Quốc hội làm đầu mối tham mưu cho Đảng đoàn Quốc hội?"
    assert analyse("Cổng thông tin quốc gia sẽ có những chức năng gì?").answer_type == LIST
    assert analyse("Chương trình đặt ra việc xây dựng những đạo luật nào?").answer_type == LIST


def test_a_compound_the_documents_never_write_counts_as_its_syllables():
    known = {"xã": 3.0, "phường": 4.0, "báo_cáo": 2.0, "báo": 1.0, "cáo": 1.0}
    weight = lambda token: known.get(token, 0.0)  # noqa: E731
    words = ["xã phường", "báo cáo", "tiền mã hóa"]
    terms, _ = key_terms(words, [], weight, exact=True)
    assert terms == {"xã": 3.0, "phường": 4.0, "báo cáo": 2.0, "tiền mã hoá": UNKNOWN_TERM_WEIGHT}  # canonical tone placement
    kept, _ = key_terms(words, [], weight, exact=True, split_unseen=False)
    assert kept["xã phường"] == UNKNOWN_TERM_WEIGHT and "xã" not in kept


def test_typed_initials_are_tokens_that_cannot_be_vietnamese_syllables():
    assert typed_initials("qđ 2623 thì ct quốc gia về bảo vệ dlcn bao giờ", set()) == ["qđ", "ct", "dlcn"]
    assert typed_initials("UB nào của QH", {"qh"}) == ["UB"]
    # words, codes inside a số hiệu, and known chat forms are not initials
    assert typed_initials("nghiêng người quyết định 20/2023/QH15 thì ko được", {"ko"}) == []
    assert analyse("ct quốc gia là gì").initials == ("ct",)
    assert analyse("ct quốc gia là gì", read_initials=False).initials == ()


def test_initials_are_read_from_the_passages_in_the_questions_context():
    texts = [
        "Cơ quan chủ trì: Bộ Công an. Cơ quan chủ trì: Bộ Tư pháp. Công tác tuyên truyền.",
        "Xây dựng Chương trình quốc gia về bảo vệ dữ liệu cá nhân.",
    ]
    # "chủ trì" is the most frequent c-t sequence, but only "chương trình" goes on as the question does
    assert read_initials("ct", "ct quốc gia về bảo vệ dlcn", texts) == "chương trình"
    assert read_initials("ct", "ct là gì", texts) == "chủ trì"
    assert read_initials("dlcn", "bảo vệ dlcn", texts) == "dữ liệu cá nhân"
    assert read_initials("xq", "xq là gì", texts) == ""


def test_a_later_part_pointing_back_to_the_document_gets_its_so_hieu():
    parts = compound_parts("Cơ quan nào tiếp tục chỉ đạo thực hiện Kế hoạch 3260-KH/ĐĐQH15, và ai là người ký kế hoạch này?")
    assert parts[1] == "ai là người ký kế hoạch 3260-KH/ĐĐQH15?"
    assert analyse(parts[1]).wants_signer and not analyse("Ai là Bộ trưởng Bộ Công an?").wants_signer


def test_signature_blocks():
    text = "- Lưu: VT.\n\nT/M ĐẢNG ĐOÀN QUỐC HỘI\n\nBÍ THƯ\n\nTrần Thanh Mẫn\n"
    start, end = signature_block(text)
    assert text[start:end] == "T/M ĐẢNG ĐOÀN QUỐC HỘI\n\nBÍ THƯ\n\nTrần Thanh Mẫn"
    cell = "Nơi nhận: - Như Điều 3; - Lưu: VT. | KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Nguyễn Chí Dũng"
    start, end = signature_block(cell)
    assert cell[start:end].strip() == "KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Nguyễn Chí Dũng"
    assert signature_block("Điều 5. Hiệu lực thi hành\n\nNghị định này có hiệu lực từ ngày ký.") is None
    assert signature_block("Cơ quan chủ trì | Bộ Công an | Văn Phòng Chính Phủ") is None


def test_pointing_words_are_no_key_terms():
    # "như vậy", "nó", "nếu" point back or join clauses: a passage need not contain them
    terms = analyse("Nếu là cá nhân vi phạm như vậy thì nó bị phạt thế nào?").terms
    assert not {"như vậy", "nó", "nếu"} & set(terms) and "vi phạm" in terms


def test_making_a_document_cease_asks_what_replaced_it():
    assert analyse("vậy văn bản nào làm Nghị định 97/2008/NĐ-CP hết hiệu lực?").validity == "replaced_by"


@pytest.mark.parametrize(
    ("question", "unit", "ordinal"),
    [
        ("Bình Phước đã phân bổ bao nhiêu kinh phí cho chuyển đổi số?", "dong", ""),  # a money noun, not "kinh"
        ("ko chấp hành giờ chơi thì bị phạt bn theo NĐ 174/2026", "dong", ""),  # "theo" counts nothing
        ("VNeID đã triển khai bao nhiêu tiện ích?", "tien", ""),  # "tiện ích" is no money
        # typed without diacritics, "tien" is money even where a spelled-out abbreviation brings diacritics
        ("binh phuoc da phan bo bao nhieu tien cho cac du an CNTT", "dong", ""),
        ("he thong phai dat cap do an toan thong tin may", "", "cap do"),  # the noun, its modifiers, then "mấy"
        ("Điều 5 có mấy khoản?", "", ""),  # a count, not an ordinal
    ],
)
def test_what_a_figure_question_counts(question, unit, ordinal):
    query = analyse(question)
    assert (query.answer_type, query.unit, query.ordinal) == (NUMBER, unit, ordinal)


def test_the_kind_a_which_question_asks():
    assert analyse("Hà Nội đã chọn ông/bà nào làm kiến trúc sư trưởng?").answer_type == PERSON
    assert analyse("QĐ 2629 giao doanh nghiệp nào làm trợ lý ảo?").kind == "doanh nghiep"
    assert analyse("Thông tư nào của Bộ Khoa học và Công nghệ hướng dẫn mẫu nhãn?").kind == "thong tu"
    assert analyse("Cơ quan nào chủ trì?").kind == ""  # any organisation answers
    assert analyse("Kế hoạch 3260 giao thẩm tra những thông tư nào?").answer_type == LIST
    assert analyse("Đề án được phê duyệt theo đề nghị của bộ nào?").wants_recital
    assert not analyse("Bộ nào chủ trì đề án?").wants_recital


def test_a_scope_question_is_not_read_into_quy_dinh_gio():
    assert not analyse("không chấp hành quy định giờ chơi thì bị phạt bao nhiêu?").sections
    assert analyse("Nghị định 91/2020 quy định những gì?").sections


def test_a_kind_typed_with_diacritics_is_read_as_typed():
    assert analyse("Ngân hàng được giao chủ trì những chỉ tiêu xã hội số nào?").kind == ""  # "số nào", not "sở nào"
    assert analyse("UBND tỉnh giao sở nào chủ trì?").kind == "so"
    assert analyse("ubnd tinh giao so nao chu tri").kind == "so"  # unaccented: read as the kind


def test_everyday_words_also_look_for_the_formal_terms():
    query = analyse("Ở thủ đô, đơn vị nào cầm trịch việc chống tin tặc cho các kho số liệu?", everyday=True)
    assert ("kho số liệu", "cơ sở dữ liệu") in query.formal and ("cầm trịch", "chủ trì") in query.formal
    assert "cơ_sở_dữ_liệu" in query.tokens or "cơ_sở" in query.tokens  # the formal term is searched
    assert any(" cơ sở dữ liệu " in f" {alt} " for alt in query.alternates.get("kho", ()))  # and counts as found
    assert query.to_dict()["formal"][0] == {"typed": "thủ đô", "formal": "Hà Nội"}
    # a longer everyday form wins over the shorter inside it; a question naming the formal term is left alone
    assert analyse("Tiệm game phải đóng cửa lúc mấy giờ?", everyday=True).formal == (
        ("tiệm game", "điểm cung cấp dịch vụ trò chơi điện tử công cộng"),
    )
    assert not analyse("Cơ quan nào chủ trì xây dựng cơ sở dữ liệu?", everyday=True).formal
    # unaccented questions: forms of one syllable ("ap" may be many words) are not read
    assert analyse("o cac xom ap, to nao huong dan nguoi dan", everyday=True).formal == ()
    assert not analyse("Đơn vị nào cầm trịch?").formal  # off by default


def test_a_count_in_everyday_words_is_also_a_count_of_the_formal_term():
    assert analyse("Chính phủ kỳ vọng bao nhiêu sáng kiến về chip được triển khai?", everyday=True).unit == "sang|du"
    assert analyse("Có bao nhiêu thành viên?").unit == "thanh"


def test_a_machine_is_not_how_many_when_typed_with_diacritics():
    assert analyse("Nhóm tình nguyện nào chỉ bà con dùng điện thoại, máy tính?").answer_type != NUMBER
    assert analyse("Hệ thống thông tin có mấy cấp độ?").answer_type == NUMBER
    assert analyse("co may cap do an toan thong tin").answer_type == NUMBER  # unaccented: cannot tell, reads mấy


def test_a_short_form_inside_a_so_hieu_stays_as_written():
    query = analyse("Nghị quyết 03/NQ-CP thực hiện NQ 57 có hiệu lực từ khi nào?")
    assert query.numbers == ("03/NQ-CP",) and "Nghị quyết 57" in query.expanded


def test_which_article_and_which_meeting():
    assert analyse("Trong Nghị định 224/2026/NĐ-CP, điều nào quy định về Tổ công nghệ số cộng đồng?").wants_article == (
        "to cong nghe so cong dong"
    )
    assert analyse("Tổ công nghệ số cộng đồng được quy định tại điều nào của Nghị định 224/2026?").wants_article == (
        "to cong nghe so cong dong"
    )
    assert not analyse("Văn bản nào quy định về Tổ công nghệ số cộng đồng?").wants_article
    assert dict(analyse("Phiên họp thứ hai của Ban Chỉ đạo được tổ chức vào ngày nào?").meetings) == {"phien hop": 2}
    assert dict(analyse("Phiên họp lần thứ 2 diễn ra khi nào?").meetings) == {"phien hop": 2}
    assert not analyse("Thứ hai, ngày 20/01/2025 Ban Chỉ đạo họp gì?").meetings


def test_what_a_quy_dinh_replaces_is_a_validity_question():
    query = analyse("Quy định 384-QĐ/TW thay thế quy định nào trước đây?")
    assert query.answer_type == VALIDITY and query.validity == "replaces"


def test_what_a_document_takes_as_its_basis_is_read_in_its_recitals():
    assert analyse("Chiến lược mà Kế hoạch 144 lấy làm căn cứ được phê duyệt tại quyết định nào?").wants_recital
    assert not analyse("Kế hoạch 144 giao sở nào chủ trì?").wants_recital


def test_a_long_form_written_out_also_looks_for_its_short_form():
    query = analyse("Bao nhiêu phần trăm doanh nghiệp nhỏ và vừa, hợp tác xã ứng dụng công nghệ số?")
    assert "dnnvv" in query.tokens and "htx" in query.tokens
    assert "dnnvv" in query.alternates["doanh nghiệp"]
    assert analyse("Bao nhiêu DNNVV ứng dụng công nghệ số?").alternates["doanh nghiệp"] == ("dnnvv",)  # typed: once


def test_choosing_someone_asks_a_person():
    assert analyse("Hà Nội đã chọn ai làm kiến trúc sư trưởng về chuyển đổi số?").answer_type == PERSON


TITLE_2597 = "quyet dinh phe duyet de an chuyen doi so trong hoat dong xay dung quan ly khai thac ket cau ha tang xay dung"


def test_a_document_is_named_by_its_title_with_a_word_left_out():
    titled = {f" {TITLE_2597} ": ("2597/QĐ-TTg",)}
    loose = "Quyết định phê duyệt Đề án chuyển đổi số trong xây dựng, quản lý, khai thác kết cấu hạ tầng xây dựng có hiệu lực từ khi nào?"
    assert analyse(loose, titled=titled, loose_title_share=0.75).numbers == ("2597/QĐ-TTg",)
    assert analyse(loose, titled=titled, loose_title_share=0.75).validity == "effective"
    assert analyse(loose, titled=titled).numbers == ()  # only whole titles without the rule
    # a question about the same topic that does not name the document by most of its title names nothing
    topic = "Chuyển đổi số trong quản lý kết cấu hạ tầng xây dựng cần những gì?"
    assert analyse(topic, titled=titled, loose_title_share=0.75).numbers == ()
    # "được áp dụng từ bao giờ" asks when a named document takes effect
    applied = loose.replace("có hiệu lực từ khi nào", "được áp dụng từ bao giờ")
    assert analyse(applied, titled=titled, loose_title_share=0.75).validity == "effective"


def test_a_long_title_is_named_by_its_head_or_without_its_place_in_brackets():
    from hoidap.terms import normalized
    from hoidap.titles import title_heads

    title = "Kế hoạch chuyển đổi số cho các doanh nghiệp, nhất là doanh nghiệp nhỏ và vừa, hợp tác xã (tỉnh Đồng Tháp)"
    heads = title_heads(title)
    assert heads == [title.removesuffix(" (tỉnh Đồng Tháp)"), "Kế hoạch chuyển đổi số cho các doanh nghiệp"]
    titled = {normalized(h, exact=False): ("617/KH-UBND",) for h in heads}
    question = "Kế hoạch chuyển đổi số cho doanh nghiệp của Đồng Tháp giao Sở nào chủ trì?"
    assert analyse(question, titled=titled, loose_title_share=0.75).numbers == ("617/KH-UBND",)
    assert title_heads("Nghị định Quản lý, kết nối và chia sẻ dữ liệu số") == []  # a head of four words names nothing


def test_words_naming_a_document_by_title_are_not_looked_for_in_it():
    titled = {" luat giao dich dien tu ": ("20/2023/QH15",)}
    question = "Luật Giao dịch điện tử quy định gì về chữ ký số?"
    kept = analyse(question, titled=titled, drop_title_words=True)
    assert kept.numbers == ("20/2023/QH15",)
    assert "giao dịch" not in kept.terms and "chữ ký số" in " ".join(kept.terms)
    assert "giao dịch" in analyse(question, titled=titled).terms
    # typed again outside the title, the words are looked for
    again = analyse("Luật Giao dịch điện tử định nghĩa giao dịch điện tử là gì?", titled=titled, drop_title_words=True)
    assert "giao dịch" in again.terms


def test_the_kind_a_list_question_asks_is_no_key_term():
    assert "loại" not in analyse("dịch vụ tin cậy gồm những loại dịch vụ nào?").terms


@pytest.mark.parametrize(
    "question, listed",
    [
        ("Theo Luật Giao dịch điện tử 2023, dịch vụ tin cậy gồm những loại dịch vụ nào?", "dich vu"),  # the classifier gives way
        ("Các cơ quan chủ quản dữ liệu phải phân loại dữ liệu thành những loại nào?", "loai"),
        ("Đề án chủ trương khai thác những nguồn dữ liệu nào?", "nguon"),  # the head of the noun phrase
        ("Ngân hàng Nhà nước được giao chủ trì những chỉ tiêu xã hội số nào?", "chi tieu"),
        ("Nghị quyết 57 đề ra những nhiệm vụ, giải pháp chủ yếu nào?", ""),  # two nouns: no one head
        ("Bộ trưởng Bộ Công an được giao chỉ đạo triển khai những việc gì?", ""),  # "việc" names no kind
        ("Nghị định 13 có hiệu lực từ ngày nào?", ""),  # not a list question
        ("Bộ tổ chức tôn vinh những hạng mục nào?", ""),  # "hạng mục" names no kind
    ],
)
def test_the_noun_a_list_question_asks_the_items_of(question, listed):
    assert analyse(question).listed == listed


@pytest.mark.parametrize(
    "question, measured",
    [
        ("Năm 2025 tỷ trọng kinh tế số trong GRDP của Bắc Ninh đạt bao nhiêu phần trăm?", ("kinh te",)),
        ("Tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh Sơn La đạt bao nhiêu phần trăm?", ("ho so", "truc tuyen")),
        ("Áp dụng BIM sẽ tiết kiệm được bao nhiêu phần trăm chi phí?", ("chi phi",)),  # after "phần trăm"
        # the compound word after the head names it too
        ("Dành tối thiểu bao nhiêu phần trăm kinh phí ngân sách chi sự nghiệp khoa học?", ("kinh phi", "ngan sach")),
        ("Tỷ lệ đạt bao nhiêu?", ()),  # nothing named
        ("Có bao nhiêu thành viên?", ()),  # a count, not a rate
    ],
)
def test_what_a_rate_question_measures(question, measured):
    assert analyse(question).measured == measured


def test_the_noun_a_time_question_asks_with_is_not_looked_for():
    """'… vào những mốc nào trong năm?': the answering passage gives dates ('trước ngày 01/6 và 15/11'), not 'mốc'."""
    terms = analyse("Xã phải gửi báo cáo về Sở vào những mốc nào trong năm?").terms
    assert "mốc" not in terms and "báo cáo" in terms
    from hoidap.query.asked import without_time_question_nouns

    assert without_time_question_nouns(["từ", "thời điểm", "nào"]) == ["từ", "nào"]
    assert without_time_question_nouns(["mốc", "thời gian", "nào"]) == ["nào"]
    assert without_time_question_nouns(["thời điểm", "có", "hiệu lực"]) == ["thời điểm", "có", "hiệu lực"]  # not asked with


def test_which_submission_asks_the_enacting_words():
    """'… ban hành trên cơ sở tờ trình nào của Sở?' asks the recital 'Theo đề nghị của … tại Tờ trình số …'."""
    query = analyse("Kế hoạch được UBND tỉnh ban hành trên cơ sở tờ trình nào của Sở?")
    assert query.wants_recital and query.answer_type == DOCUMENT
    assert analyse("Kế hoạch được ban hành theo đề nghị tại văn bản nào của Sở?").wants_recital


def test_the_thesaurus_reads_everyday_forms_of_the_corpus_words():
    query = analyse("Người dân làm giấy tờ trên mạng, dự án dùng tiền nhà nước không?", thesaurus=True)
    assert ("làm giấy tờ trên mạng", "dịch vụ công trực tuyến") in query.formal
    assert ("tiền nhà nước", "ngân sách nhà nước") in query.formal  # a form of several terms looks for each
    assert any(" dịch vụ công trực tuyến " in f" {alt} " for alts in query.alternates.values() for alt in alts)
    assert not analyse("Người dân làm giấy tờ trên mạng, dự án dùng tiền nhà nước không?").formal  # off: as typed


def test_the_thesaurus_file_is_well_formed():
    from core.lexicon import THESAURUS_FILE, everyday_thesaurus

    lines = [line for line in THESAURUS_FILE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert len(lines) > 1000 and all(line.count("\t") == 1 for line in lines)
    table = everyday_thesaurus()
    assert all(forms and all(term.lower() not in form.lower() for form in forms) for term, forms in table.items())
