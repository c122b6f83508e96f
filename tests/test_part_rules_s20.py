"""Rules of Vietnamese added in the twentieth session (each switchable; see the README's ablation): courtesies around
a question, a statement the question turns from with "còn" / "vậy", and a noun pointing back inside a rate question."""

from hoidap.answer.select import SelectRules
from hoidap.query.analyse import Analyser
from hoidap.query.counted import rate_of
from hoidap.query.hedges import without_courtesies
from hoidap.query.premise import premise_of, scope_numbers, told_facts
from ingest.segment import words_of
from tests.test_part_rules import WEIGHT, _texts


def test_courtesies_around_a_question_ask_nothing():
    assert without_courtesies(
        "Chào anh/chị, cho em hỏi Quyết định này phải được ban hành trước thời điểm nào ạ? Em cảm ơn nhiều ạ!"
    ) == "Cho em hỏi Quyết định này phải được ban hành trước thời điểm nào?"
    assert without_courtesies("Dạ em chào anh chị, cho em hỏi Thông tư 110/2014/TT-BQP đã thay thế văn bản nào ạ?") == (
        "Cho em hỏi Thông tư 110/2014/TT-BQP đã thay thế văn bản nào?"
    )
    assert without_courtesies("chào ad, kh 617 thì việc khen thưởng do sở nào chủ trì ạ, e cảm ơn") == (
        "kh 617 thì việc khen thưởng do sở nào chủ trì"  # typed in lower case: left so
    )
    assert without_courtesies("Nếu không phiền, cho tôi hỏi: Quyết định 942/QĐ-TTg còn hiệu lực không?").startswith("Cho tôi hỏi")
    # a place that begins like a greeting word, and thanks that are the question's topic, stay
    assert without_courtesies("Thừa Thiên Huế, tỉnh này có kế hoạch gì?") == "Thừa Thiên Huế, tỉnh này có kế hoạch gì?"
    assert without_courtesies("Chào anh!") == "Chào anh!"  # nothing would be left


def test_a_statement_the_question_turns_from():
    split = premise_of(
        "Tôi biết Điều 42 Luật Giao dịch điện tử 2023 quy định về kết nối, chia sẻ dữ liệu. Còn quy định cho phép tự do "
        "dùng dữ liệu mở thì nằm ở Điều nào?"
    )
    assert split.context and split.asked == "Quy định cho phép tự do dùng dữ liệu mở thì nằm ở Điều nào?"
    assert premise_of("biết là nq03 giao bộ y tế làm giải pháp giám sát rồi, còn đề án bạch mai thì cơ quan nào phối hợp").context
    # two questions, and a question proper that only points back, are no statement and question
    assert not premise_of("Cơ quan nào chủ trì nhiệm vụ số hóa dữ liệu, còn nhiệm vụ đào tạo thì do ai?").context
    assert not premise_of("Theo Nghị định 13, dữ liệu nhạy cảm được xử lý khi có sự đồng ý, còn dữ liệu cơ bản thì sao?").context
    # "con số" is a noun, and "còn" only turns when typed so
    assert not premise_of("Các bộ đăng ký vốn bổ sung tổng cộng hơn hai chục nghìn tỷ đồng, con số chính xác là bao nhiêu?").context
    assert premise_of("Toi biet Quy dinh 384 bat thong bao it nhat 7 ngay lam viec; con khi vi pham thi bao lau?").context
    # the first document a statement names frames the question; a later one, its figures and Điều are what it tells
    statement = "Kế hoạch 617 của Đồng Tháp được ban hành để thực hiện Kế hoạch số 283/KH-UBND"
    assert scope_numbers(statement) == []
    assert scope_numbers("Nghị quyết 03/NQ-CP thực hiện Nghị quyết 57-NQ/TW") == ["03/NQ-CP"]
    assert told_facts("Quy định 384 bắt thông báo ít nhất 7 ngày làm việc trước, theo Điều 15, đến năm 2030") == ["7"]


def test_what_a_statement_tells_does_not_answer_the_question_turned_from_it():
    question = (
        "Tôi biết Quy định 384 bắt chủ quản dữ liệu thông báo công khai ít nhất 7 ngày làm việc trước khi tạm ngừng; "
        "còn khi xác định cơ quan khai thác vi phạm thì phải thông báo chậm nhất trong bao lâu?"
    )
    told = "Chủ quản dữ liệu phải thông báo công khai ít nhất 7 ngày làm việc trước khi chủ động tạm ngừng."
    asked = "Chủ quản dữ liệu thông báo cho cơ quan khai thác trong thời gian chậm nhất 1 ngày kể từ khi xác định vi phạm."
    assert _texts(question, f"{told}\n{asked}", premise=True, besides=True)[0] == asked
    assert told in _texts(question, told, besides=True)  # the switch off: the statement's own figure answers
    assert _texts(question, told, SelectRules(besides=False), premise=True, besides=True) == [told]
    query = Analyser(WEIGHT, premise=True).analyse(
        "Tôi biết Điều 42 Luật Giao dịch điện tử 2023 quy định về kết nối, chia sẻ dữ liệu. Còn dữ liệu mở nằm ở Điều nào?"
    )
    assert query.units == () and query.articles == ()
    assert Analyser(WEIGHT).analyse(query.text).units != ()  # the switch off: the statement's Điều is looked for


def test_a_noun_pointing_back_is_not_what_a_rate_measures():
    question = "tỉnh này đặt mục tiêu đến hết năm 2035 có bao nhiêu phần trăm các đối tượng đó ứng dụng công nghệ số?"
    assert rate_of(words_of(question), pointed_back=True) == ()
    assert rate_of(words_of(question)) == ("cac", "doi tuong")  # the switch off
    assert rate_of(words_of("tỷ lệ các doanh nghiệp ứng dụng công nghệ số là bao nhiêu?"), pointed_back=True)[0] == "doanh nghiep"
    sentence = "c) Đến hết năm 2035: Có ≥ 85% DNNVV, HTX, HKD trên địa bàn Tỉnh ứng dụng công nghệ số."
    assert _texts(question, sentence, pointed_back=True) == [sentence]


def test_central_words_are_read_as_the_standard_ones():
    from hoidap.query.dialect import standard_forms

    assert standard_forms("Cơ quan mô chủ trì việc ni rứa?") == "Cơ quan nào chủ trì việc này vậy?"
    assert standard_forms("Quyết định có hiệu lực từ khi mô rứa?") == "Quyết định có hiệu lực từ khi nào vậy?"
    assert standard_forms("Văn bản nớ ở mô?") == "Văn bản đó ở đâu?"
    assert standard_forms("Khi mô thì phải xong hỉ?") == "Khi nào thì phải xong?"
    # the standard words that begin alike stay
    assert standard_forms("Mô hình này do ai mô tả, được chi trả phụ cấp không?") == "Mô hình này do ai mô tả, được chi trả phụ cấp không?"
    assert standard_forms("Quỹ có quy mô vốn ban đầu bao nhiêu, ở cấp vĩ mô?") == "Quỹ có quy mô vốn ban đầu bao nhiêu, ở cấp vĩ mô?"
    assert standard_forms("co quan mo chu tri") == "co quan mo chu tri"  # typed without diacritics: other words


def test_a_time_answers_in_what_time():
    question = "Việc rà soát, nhận diện rào cản pháp luật phải cơ bản hoàn thành trong thời gian nào?"
    sentence = "Khẩn trương rà soát, nhận diện các rào cản pháp luật; thực hiện cơ bản hoàn thành trong năm 2025."
    assert Analyser(WEIGHT).analyse(question).or_date
    found = Analyser(WEIGHT).analyse(question)
    from hoidap.answer.select import candidates
    from hoidap.retrieve import Passage
    from tests.test_part_rules import _chunk

    typed = [c.type_match for c in candidates(found, [Passage(_chunk(sentence), 1.0)], WEIGHT, SelectRules())]
    assert typed == [True]
    off = [c.type_match for c in candidates(found, [Passage(_chunk(sentence), 1.0)], WEIGHT, SelectRules(time_or_term=False))]
    assert off == [False]  # the switch off


def test_blanks_counted_or_naming_who_and_the_request_setting_them():
    from hoidap.query.forms import form_filled

    assert form_filled(
        "Điền hai chỗ trống theo báo cáo về Nghị quyết 57: 'Ban Chỉ đạo có ___ Tổ Công tác; Tổ Công tác cải cách hành "
        "chính do ___ làm Tổ trưởng.'"
    ) == (
        "Theo báo cáo về Nghị quyết 57: Ban Chỉ đạo có bao nhiêu Tổ Công tác; Tổ Công tác cải cách hành chính do ai làm "
        "Tổ trưởng."
    )
    assert form_filled("Điền vào chỗ trống: mỗi thành viên được chi trả phụ cấp ___ đồng mỗi tháng.") == (
        "Mỗi thành viên được chi trả phụ cấp bao nhiêu đồng mỗi tháng."
    )


def test_a_clause_dated_by_its_documents_own_effective_date_says_the_date(service):
    from hoidap.answer.types import Answer
    from hoidap.answer.validity import own_effective_notes

    reader = service.reader()
    answer = service.ask("Luật Giao dịch điện tử 20/2023/QH15 có hiệu lực từ ngày nào?")
    assert not answer.refused
    cited = answer.citations[:1]
    text = "Hợp đồng điện tử giao kết trước ngày Luật này có hiệu lực thi hành thì áp dụng luật cũ. [1]"
    notes = own_effective_notes(Answer("q", text, False, citations=cited), reader.validity)
    assert notes == ["(Luật 20/2023/QH15 có hiệu lực thi hành từ ngày 1/7/2024.)"]
    assert own_effective_notes(Answer("q", text, False, citations=[]), reader.validity) == []  # no document cited
    assert own_effective_notes(Answer("q", "Luật có hiệu lực. [1]", False, citations=cited), reader.validity) == []
