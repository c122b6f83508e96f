"""Rules of legal text added in the twenty-first session (each switchable; see the README's ablation): a list asked of
a table by a value its rows hold in a body, time or status column is answered with every row holding it."""

from __future__ import annotations

import dataclasses

import pytest

from hoidap.answer.tables import cell_key
from hoidap.fetched import TableRow, asked_values, cell_values, column_kind, filter_values
from hoidap.query.analyse import Analyser
from tests.conftest import CORPUS
from tests.test_part_rules import WEIGHT

REPORT = CORPUS / "van-ban/cong-van-402-CV-VPDU-2025-bao-cao-thuc-hien-NQ57.md"


def test_periods_are_read_alike():
    assert cell_key("Quí IV-2025") == cell_key("quý 4 năm 2025") == cell_key("Quý IV/2025") == " quy 4 2025 "
    assert cell_key("Tháng 3 năm 2025") == cell_key("tháng 3/2025") == " thang 3 2025 "
    assert cell_key("Quý IV") == " quy iv "  # no year: no period read


def test_columns_a_list_is_filtered_by():
    assert column_kind("THỜI GIAN HOÀN THÀNH") == "time"
    assert column_kind("Tiến độ") == "status"
    assert column_kind("Cơ quan chủ trì theo dõi, đánh giá") == "body"
    assert column_kind("Nhiệm vụ") == column_kind("Kết quả yêu cầu") == ""  # what is listed, not a filter
    # a body column's cell holds each body it names; a sentence holds no value
    assert cell_values("Bộ Khoa học và Công nghệ, Bộ Công an (Trung tâm dữ liệu quốc gia)", "body") == {
        " bo khoa hoc va cong nghe ", " bo cong an ",
    }
    assert cell_values("Đang chuẩn bị hồ sơ trình Chính phủ ban hành nghị định về quản lý dữ liệu trong năm.", "status") == set()


HEADER = ("tt", "nhiem vu", "co quan chu tri", "co quan phoi hop", "thoi gian hoan thanh")
ROWS = [
    TableRow("a", "", ("1", "Xây dựng bộ tiêu chí", "Sở KH&CN", "Các sở", "Quí IV-2025"), "", HEADER),
    TableRow("a", "", ("2", "Hỗ trợ doanh nghiệp", "Sở Công Thương", "Sở KH&CN", "Quí IV-2025"), "", HEADER),
    TableRow("a", "", ("3", "Học tập kinh nghiệm", "Sở KH&CN", "Các sở", "Hằng năm"), "", HEADER),
]


def _asked(question: str) -> dict:
    return asked_values(Analyser(WEIGHT).analyse(question), filter_values(ROWS))


def test_the_values_a_question_names():
    assert _asked("Những nhiệm vụ nào có thời gian hoàn thành là quý 4/2025?") == {(HEADER, 4): {" quy 4 2025 "}}
    # a body both columns hold is of the one the question names, else of the first
    assert _asked("Những nhiệm vụ nào Sở KH&CN phối hợp?") == {(HEADER, 3): {" so kh cn "}}
    assert _asked("Sở KH&CN có những nhiệm vụ nào?") == {(HEADER, 2): {" so kh cn "}}
    # a value every row holds filters nothing ("Các sở" is held by two of three: it does)
    assert _asked("Những nhiệm vụ nào trong kế hoạch?") == {}
    # a time that dates a document is no condition; one in brackets neither
    dated = [dataclasses.replace(r, cells=(*r.cells[:4], "Tháng 5/2025")) for r in ROWS[:2]] + ROWS[2:]
    assert asked_values(Analyser(WEIGHT).analyse("Báo cáo tháng 5/2025 nêu những nhiệm vụ nào?"), filter_values(dated)) == {}
    assert asked_values(Analyser(WEIGHT).analyse("Báo cáo (tháng 5/2025) nêu những nhiệm vụ nào?"), filter_values(dated)) == {}
    assert asked_values(
        Analyser(WEIGHT).analyse("Báo cáo nêu những nhiệm vụ nào có hạn tháng 5/2025?"), filter_values(dated)
    ) == {(HEADER, 4): {" thang 5 2025 "}}


@pytest.fixture(scope="module")
def report_index(tmp_path_factory, embedder):
    """A service over one real document: the report of Đảng ủy Chính phủ on Nghị quyết 57, with its Phụ lục 1 table."""
    from core.settings import Settings
    from hoidap.service import HoidapService

    base = tmp_path_factory.mktemp("report")
    (base / "corpus").mkdir()
    (base / "corpus" / REPORT.name).write_text(REPORT.read_text(encoding="utf-8"), encoding="utf-8")
    settings = Settings(corpus_dir=base / "corpus", index_dir=base / "index")
    service = HoidapService(settings)
    service.embedder = embedder
    assert not service.reindex().failed
    return service


QUESTION = "Trong Phụ lục 1 của báo cáo, những nhiệm vụ nào có tiến độ là quá hạn?"


def test_a_list_of_the_rows_holding_a_status(report_index):
    answer = report_index.ask(QUESTION)
    assert not answer.refused
    assert "Tham mưu Chính phủ thành lập Ủy ban dữ liệu quốc gia" in answer.text
    assert "giám sát các cơ sở khám chữa bệnh thực hiện liên thông dữ liệu" in answer.text
    assert "Đang thực hiện" not in answer.text and "Hoàn thành" not in answer.text.replace("hoàn thành", "")


def test_the_switch_off(report_index):
    from core.settings import Settings
    from hoidap.service import HoidapService

    service = HoidapService(Settings(**{**report_index.settings.model_dump(), "rule_cell_rows": False}))
    service.embedder = report_index.embedder
    answer = service.ask(QUESTION)
    assert not answer.query.held_rows
    assert not ("Tham mưu Chính phủ thành lập Ủy ban dữ liệu quốc gia" in answer.text
                and "giám sát các cơ sở khám chữa bệnh thực hiện liên thông dữ liệu" in answer.text)


def test_only_a_table_of_what_the_question_lists(report_index):
    # "cơ quan nào": a column of bodies, not of items; "hạng mục nào": no column of the table
    assert report_index.ask("Những cơ quan nào có nhiệm vụ quá hạn?").query.held_rows == ()
    assert report_index.ask("Bộ Công an tổ chức tôn vinh những hạng mục nào?").query.held_rows == ()
    assert report_index.ask("Bộ Công an thực hiện những nhiệm vụ nào?").query.held_rows != ()


def test_a_question_with_marks_on_some_words_only_is_read_folded():
    from hoidap.keyboard import unmarked_syllables

    corpus = {"của": 1.0, "~cua": 1.0, "nào": 1.0, "~nao": 1.0, "tiêu": 1.0, "~tieu": 1.0, "hà": 1.0, "~ha": 1.0}
    weight = lambda token: corpus.get(token, 0.0)  # noqa: E731
    question = "Kế hoạch 308 cua Hà Nội theo tieu chuan nao?"
    assert unmarked_syllables(question, weight) == ["cua", "tieu", "nao"]  # "chuan": the corpus has no "~chuan"
    # an English word, an abbreviation in capitals, a word the corpus writes unmarked are none
    assert unmarked_syllables("Hạn nộp/deadline của CSDL theo NĐ 224 là khi nào?", weight) == []
    assert Analyser(weight, mixed_marks=True).analyse(question).exact is False
    assert Analyser(weight).analyse(question).exact is True  # the switch off
    assert Analyser(weight, mixed_marks=True).analyse("Kế hoạch 308 của Hà Nội theo tiêu chuẩn nào?").exact is True


def test_a_figure_pointed_back_to_stands_for_its_target():
    from hoidap.answer.conversation import with_antecedent

    previous = "Kế hoạch 144/KH-UBND của Bắc Ninh đặt mục tiêu tỷ lệ giao dịch không dùng tiền mặt đến năm 2030 là bao nhiêu?"
    assert with_antecedent("Con số 80% đó thì bên nào chủ trì theo dõi vậy?", previous, figures=True) == (
        "chỉ tiêu giao dịch không dùng tiền mặt đến năm 2030 80% thì bên nào chủ trì theo dõi vậy?"
    )
    assert with_antecedent("Con so 80% đó thì bên nào chủ trì?", previous, figures=True).startswith("chỉ tiêu giao dịch")
    assert with_antecedent("Mức đó do ai theo dõi?", previous, figures=True) == (
        "chỉ tiêu giao dịch không dùng tiền mặt đến năm 2030 do ai theo dõi?"
    )
    assert with_antecedent("Con số 80% đó thì bên nào chủ trì?", previous) == "Con số 80% đó thì bên nào chủ trì?"  # off
    # a previous question that asked no figure gives nothing to stand for
    assert with_antecedent("Con số đó ở đâu?", "Ai ký Kế hoạch 144?", figures=True) == "Con số đó ở đâu?"


def test_a_document_named_by_its_type_and_day():
    from hoidap.query.described import described_entry, described_number

    documents = (
        described_entry("2629/QĐ-TTg", "Quyết định", "Phê duyệt Chương trình phát triển Chính phủ số", "Thủ tướng Chính phủ", "2025", "2025-12-01"),
        described_entry("2623/QĐ-TTg", "Quyết định", "Kế hoạch thi hành Luật Bảo vệ dữ liệu cá nhân", "Thủ tướng Chính phủ", "2025", "2025-12-01"),
        described_entry("224/2026/NĐ-CP", "Nghị định", "Quy định chi tiết Luật Chuyển đổi số", "Chính phủ", "2026", "2026-06-24"),
    )
    question = "Nghị định Chính phủ ký ngày 24/6/2026 về chuyển đổi số có hiệu lực khi nào?"
    assert described_number(question, documents, days=True) == "224/2026/NĐ-CP"
    assert described_number(question, documents) == ""  # the switch off
    # two documents of that type and day: the one the other words describe
    assert described_number("Quyết định Thủ tướng ban hành ngày 01/12/2025 về chương trình Chính phủ số thay thế gì?", documents, days=True) == "2629/QĐ-TTg"
    assert described_number("Quyết định ngày 1 tháng 12 năm 2025 giao ai chủ trì?", documents, days=True) == ""  # which?
    assert described_number("Văn bản Chính phủ ký hôm 24/6/2026 quy định gì?", documents, days=True) == "224/2026/NĐ-CP"
    assert described_number("Nghị định ký ngày 25/6/2026 quy định gì?", documents, days=True) == ""  # no such day


def test_labels_pasted_around_a_question_ask_nothing():
    from hoidap.query.hedges import without_labels

    assert without_labels("Re: Fw: Câu 2: [Phòng TH] còn thời hạn nộp báo cáo thì sao? #chuyendoiso") == (
        "còn thời hạn nộp báo cáo thì sao?"
    )
    assert without_labels("--- nhờ tra --- QĐ 2597 giao ai chủ trì?") == "QĐ 2597 giao ai chủ trì?"
    assert without_labels("Hỏi thêm: chủ quản dữ liệu là gì?") == "chủ quản dữ liệu là gì?"
    # words that only begin like a label stay; so does a question too short to be left
    assert without_labels("Câu hỏi này khó: ai ký QĐ 2629?") == "Câu hỏi này khó: ai ký QĐ 2629?"
    assert without_labels("Quy định 384 có hiệu lực khi nào?") == "Quy định 384 có hiệu lực khi nào?"
    assert without_labels("Hỏi - ai ký?") == "Hỏi - ai ký?"


def test_a_noun_pointed_back_inside_an_elliptical_follow_up():
    from hoidap.answer.conversation import Turn, resolutions

    previous = Turn(
        "Theo Kế hoạch 308/KH-UBND của Hà Nội, đơn vị nào chủ trì nhiệm vụ bảo đảm an toàn thông tin, an ninh mạng?",
        ["Kế hoạch 308/KH-UBND"],
    )
    assert resolutions("Còn thời gian thực hiện nhiệm vụ đó thì sao?", previous)[0] == (
        "Thời gian thực hiện nhiệm vụ bảo đảm an toàn thông tin (Hà Nội, 308/KH-UBND)?"
    )
    assert resolutions("Còn thời gian thực hiện nhiệm vụ đó thì sao?", previous, antecedent=False)[0] == (
        "Thời gian thực hiện nhiệm vụ đó (Hà Nội, 308/KH-UBND)?"
    )


def test_two_words_offered_for_one_thing():
    from hoidap.query.alternatives import with_alternatives

    assert with_alternatives("thì hạn nộp/deadline là trước ngày nào?") == "thì hạn nộp hoặc deadline là trước ngày nào?"
    assert with_alternatives("tôn vinh những hạng mục (danh hiệu) nào?") == "tôn vinh những hạng mục hoặc danh hiệu nào?"
    # numbers, codes in capitals, and brackets that frame, date or ask are left
    for kept in ("ngày 01/12/2025 theo Quy định 384-QĐ/TW?", "Bộ KH&CN/TT&TT?", "báo cáo (tháng 5/2025) nêu gì?",
                 "kinh phí (bao nhiêu tỷ đồng) được bố trí?", "Phụ lục 1 (theo Quyết định 2629) gồm những gì?"):
        assert with_alternatives(kept) == kept


def test_a_row_is_quoted_as_written():
    from hoidap.answer.tables import labelled_row

    header = "TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi, đánh giá"
    row = "6 | Tỉ lệ cán bộ, công chức, viên chức được đào tạo kỹ năng số cơ bản. | % | 100% | Bộ Nội vụ"
    assert labelled_row(row, header) == (
        "Chỉ tiêu: Tỉ lệ cán bộ, công chức, viên chức được đào tạo kỹ năng số cơ bản. Đơn vị: %; Kết quả: 100%; "
        "Cơ quan chủ trì theo dõi, đánh giá: Bộ Nội vụ"
    )  # the cell's full stop is kept: the item is quoted as the document writes it


def test_a_clause_of_a_body_s_duties_names_that_body():
    from hoidap.answer.select import SelectRules, candidates, duty_title
    from hoidap.retrieve import Passage
    from index.store import StoredChunk
    from core.models import DocMeta

    assert duty_title("Điều 83. Trách nhiệm của Bộ Công an") == "Điều 83. Trách nhiệm của Bộ Công an"
    assert duty_title("Điều 12. Nhiệm vụ, quyền hạn của Sở Khoa học và Công nghệ — TT | Nhiệm vụ") == (
        "Điều 12. Nhiệm vụ, quyền hạn của Sở Khoa học và Công nghệ"
    )
    assert duty_title("Điều 5. Trách nhiệm bồi thường thiệt hại") == ""  # of no body
    text = "3. Xây dựng, quản trị và vận hành kỹ thuật Cổng Dịch vụ công quốc gia tại Trung tâm dữ liệu quốc gia."
    chunk = StoredChunk(
        "c", "d", 0, text, 0, len(text), "Điều 83, khoản 3", "Điều 83. Trách nhiệm của Bộ Công an", [(0, len(text))],
        DocMeta(doc_type="Nghị định", number="224/2026/NĐ-CP"), "d.md",
    )
    query = Analyser(WEIGHT).analyse("Bộ nào xây dựng, quản trị và vận hành kỹ thuật Cổng Dịch vụ công quốc gia?")
    found = candidates(query, [Passage(chunk, 1.0)], WEIGHT)
    assert found[0].type_match and found[0].text.startswith("Điều 83. Trách nhiệm của Bộ Công an … 3. Xây dựng")
    off = candidates(query, [Passage(chunk, 1.0)], WEIGHT, SelectRules(duty_title=False))
    assert not off[0].type_match  # the switch off: the clause names no body
