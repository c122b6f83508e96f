"""Select: the sentences (or list blocks) of the retrieved passages that may answer a Query, scored.

Rules used here are rules of Vietnamese and of legal text, each switchable (``SelectRules``):
- an answer sentence must name the places, số hiệu and years the question names (outside a longer
  name: "Bình Dương" inside "Thái Bình Dương" is another place);
- it should carry what the answer type asks for: a date for "khi nào", a duration for "bao lâu", a
  figure of what is counted for "bao nhiêu thành viên", an organisation for "cơ quan nào", a person for
  "ai là", a defining clause for "là gì", list items for "gồm những gì";
- a question asking a date, a duration or a figure is not answered by a sentence that has none: when
  no chosen sentence carries one, the documents do not say (an answer without the figure is off-topic);
- a passage of a document (or article) no longer in force ranks below one in force that answers as well;
- boilerplate answers nothing: the national motto, "Căn cứ …" recitals, "Nơi nhận", signature lines;
- the article "Phạm vi điều chỉnh" answers only what a document governs and which document governs a matter;
- a target year ("đến năm 2030") is asked of the passage's document, not of each table row under it.
A list cut by the end of its passage goes on in lists.py.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from types import MappingProxyType

from core.lexicon import DOC_TYPES, NEWS_TYPE, PLACES_LIKE_NAMES
from core.models import CELL_SEPARATOR
from hoidap.query import DATE, DOCUMENT, DURATION, LIST, NUMBER, ORGANISATION, PERSON, VALIDITY, Query
from hoidap.query.asked import SCOPE, government_levels, title_match
from hoidap.query.counted import ASKED_KINDS, LOWER_BOUND, UPPER_BOUND
from hoidap.query.documents import documents_named, mentions_document, names_document
from hoidap.answer.items import heads_section, lead_in_of, names_strongest, section_of
from hoidap.answer.signature import signature_block
from hoidap.answer.tables import header_of, labelled_row
from hoidap.retrieve import Passage
from hoidap.terms import (
    DATE_IN_TEXT,
    PERSON as PERSON_NAME,
    coverage,
    evidence_text,
    horizon_years,
    named_meetings,
    names_all,
    names_holder,
    normalized,
    states_validity,
)
from ingest.chunk import LIST_ITEM, item_level
from ingest.metadata import NUMBER_RE, find_numbers, first_date, number_type
from ingest.normalize import fold_diacritics

MAX_QUOTE_CHARS = 600  # a sentence ending in ':' takes its list items up to this length
MAX_LIST_CHARS = 1500  # … or this, when a list is asked for
_HEADING = re.compile(r"^[A-ZĐÀ-Ỹ][^.;:!?\n]{2,120}$")  # a title line: capitalised, no sentence punctuation
_ARTICLE = re.compile(r"Điều\s+[\w.]+\.\s*$")  # what precedes an article's title: "Điều 4. "
_SECTION = re.compile(r"(?:^|\n)(?:[IVXLC]+|\d{1,2}|[a-zđ])[.)]\s*$")  # … a numbered section's: "2. ", "II. ", "b) "
_DIGIT = re.compile(r"\d")
# a year, a quarter, a recurrence or a time of day ("từ 07 giờ đến 22 giờ", "7h30")
_WHEN = re.compile(r"\b(?:19|20)\d\d\b|quý\s+[IV]+|hằng (?:năm|tháng|quý|ngày)|\b\d{1,2}\s*(?:giờ|h\d{0,2})\b", re.I)
# "… có giá trị như văn bản khi nào?": plain "khi nào" also asks under which conditions (Query.or_condition)
_CONDITION = re.compile(r"\b(?:khi|nếu|trường hợp|đáp ứng|điều kiện)\b", re.I)
# a duration in digits or in words ("10 năm", "mười lăm ngày", "năm năm", "15 (mười lăm) ngày")
_NUMBER_WORDS = r"(?:một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|mốt|trăm)"
# a day of a month ("ngày 01 tháng 12", "15/12"): a date, whose "01 tháng" is no span of time
_DAY_OF_MONTH = re.compile(r"\b\d{1,2}\s+tháng\s+\d{1,2}\b|\b\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\b", re.I)
_DURATION = re.compile(
    rf"\d+\s*(?:\([^()]{{1,30}}\)\s*)?(?:ngày|tháng|năm|giờ|phút|tuần|quý)\b|\b(?:ngay|thang|nam|gio|phut)\b\s*\d"
    rf"|\bquý\s*(?:\d|[IV]+\b)"  # "trong thời hạn nào?" — "trong quý 2/2025": a term given as a quarter
    rf"|\b(?:năm|giai đoạn)\s+(?:19|20)\d\d\s*(?:[-–]|đến)\s*(?:năm\s+)?(?:19|20)\d\d\b"  # "trong thời gian nào?" — "năm 2026 - 2027"
    rf"|\b{_NUMBER_WORDS}(?:\s+{_NUMBER_WORDS})*\s+(?:ngày|tháng|năm|giờ|phút|tuần|quý)\b",
    re.I,
)
_AMOUNT = re.compile(r"\d[\d.,]*\s*(?:%|phần trăm|đồng|triệu|tỷ|nghìn|người|doanh nghiệp|dự án|\w+)", re.I)
_ORGANISATION = re.compile(
    r"\b(?:Bộ|Sở|Ủy ban|Uỷ ban|UBND|Ban|Văn phòng|Cục|Tổng cục|Công an|Chính phủ|Quốc hội|Thủ tướng|Tỉnh đoàn|"
    r"Ngân hàng|Đài|Trung tâm|Viện|Hội đồng|Kiểm toán|Thanh tra|Tòa án|Viện kiểm sát|Học viện|Đại học|Tập đoàn|"
    r"Tổng công ty|Liên đoàn|Hiệp hội|Mặt trận|Đảng ủy|Đảng đoàn|Cơ quan|cơ quan|đơn vị|Các sở|các bộ)\b"
)
_VALIDITY = re.compile(r"hiệu lực|thay thế|bãi bỏ|sửa đổi|hết hiệu lực", re.I)
_BOILERPLATE = re.compile(
    r"^(Số\b|Độc lập|CỘNG HÒA|CỘNG HOÀ|Nơi nhận|Kính gửi|Căn cứ|[-–]\s*Căn cứ|Theo đề nghị|Xét đề nghị|"
    r"KT\.|TM\.|TUQ\.|Q\. |\(Kèm theo|\(Ban hành kèm theo|[\w\s]{0,20},\s*ngày\s+\d{1,2}\s+tháng)"
)
# a lead-in whose ':' the text lost or a scan moved ("… đối với một trong." / "các hành vi sau: .")
_LEAD_IN_END = re.compile(r"\b(?:sau|một trong)\s*[:.]?\s*[.:]\s*$")
_RECITAL = re.compile(r"^(?:Căn cứ|Theo đề nghị|Xét đề nghị)\b")
_DATE_LINE = re.compile(r"^[\w\s]{0,20},\s*ngày\s+\d{1,2}\s+tháng")
# Where an article of a codification (Bộ Pháp điển) comes from: "(Điều 31a Nghị định số 72/2013/NĐ-CP, có hiệu
# lực thi hành kể từ ngày 01/09/2013, được bổ sung bởi …)". It states the article's source and force, nothing else.
_PROVENANCE = re.compile(r"^\((?:Điều|Khoản|Điểm|Mục|Chương)\s+\S+.{0,200}?(?:có hiệu lực|được (?:sửa đổi|bổ sung|bãi bỏ))")


@dataclass(frozen=True)
class SelectRules:
    """Switches for the selection rules (every rule can be turned off for an ablation)."""

    required_names: bool = True  # the names, số hiệu and years of the question must be in the passage
    required_bodies: bool = False  # … and the bodies it names ("Sở Nông nghiệp và Môi trường"), by name or initials
    answer_type: bool = True  # reward sentences that carry what the answer type asks for
    boilerplate: bool = True  # skip mottos, recitals, signature lines
    scope_article: bool = True  # "Điều 1. Phạm vi điều chỉnh" answers only what its document governs
    office_holder: bool = True  # "ai là <office>?" needs the person next to that office
    named_document: bool = True  # a question naming a document is answered from that document first
    named_documents: bool = True  # a question naming several documents ("Kế hoạch 3260 … sửa đổi Luật Giao dịch điện
    #                               tử") is answered by a passage of one that names the others
    in_force_first: bool = True  # a passage no longer in force ranks below one in force that answers as well
    table_header: bool = True  # a table row is read with its header ("Cơ quan chủ trì: Sở Tư pháp"), the header row not quoted
    typed_required: bool = True  # "khi nào / bao lâu / bao nhiêu": no sentence carrying a date, duration or
    #                              figure (of the unit counted) → the documents do not answer
    signer: bool = True  # "ai là người ký <document>?" is answered by the document's signature block
    section_titles: bool = True  # a numbered section's title ("2. Đối tượng áp dụng") takes its text, as an article's
    list_continues: bool = True  # a list cut by the end of its passage goes on with the items of the next
    #                              passage of the same article, when that passage was retrieved too
    cross_reference: bool = True  # a sentence pointing to a section by number ("tại mục (IV)(3.4)(a)") is quoted with it
    item_lead_in: bool = True  # a list item is read with its lead-in when the lead-in carries the asked type
    #                            ("3. Phạt tiền từ … đồng đối với một trong các hành vi sau: … c) Giả mạo …")
    table_rows: bool = True  # a list asked of a table is answered by its rows that answer as well as the best one
    list_head: bool = False  # a list block is scored half by its title or lead-in line: a list is of what its head names
    item_names_asked: bool = True  # … and, for a figure, date, duration or person, only when the item names the
    #                                strongest term the lead-in does not give (the act a fine is for)
    dated_years: bool = True  # only a year dating a document the question names is found in that document's date
    alone: bool = True  # "riêng X": only a sentence naming X on its own, not in a list of names, carries its figure
    bound: bool = True  # a figure bounded the other way ("ít nhất 7 ngày") does not carry what "tối đa bao lâu?" asks
    rate_of: bool = True  # a rate carries what a rate question asks only when it names what is measured ("tỷ lệ hồ sơ …")
    list_noun: bool = True  # a list carries what a list question asks only when its head (or the sentence) names the
    #                         noun asked ("những loại dịch vụ nào" → "dịch vụ")
    horizon_heading: bool = True  # a passage under a heading of another target year ("1. Đến năm 2030") does not give
    #                               the targets of the year asked ("đến năm 2045")
    day: bool = True  # "vào ngày nào?" is answered by a day ("ngày 26/6/2025", "kể từ ngày ký"), not by a month or a year
    body_rows: bool = True  # a list asked of a body: the table rows naming it
    same_document: bool = True  # a compound question's later part naming no document asks of the earlier part's
    government_level: bool = True  # "cấp huyện" asked: a sentence for "cấp tỉnh" alone does not answer
    sentence_start: bool = True  # a quote starting inside a sentence begun in the previous passage is read from its start
    news_context: bool = True  # a name the question gives is also found in the other retrieved passages of a news item
    #                            (one event told in several passages: "Bộ trưởng cũng đề nghị Bình Phước …")
    item_heading: bool = True  # a list item is read with what heads it ("h) Tổ đảng ở Thường trực Ủy ban Quốc phòng
    #                            và An ninh" above "- Tiếp tục rà soát …"); a section's heading alone answers nothing


@dataclass
class Candidate:
    """A quotable span of a passage, scored for a query."""

    passage_index: int
    span: tuple[int, int]
    text: str
    score: float
    sentence_coverage: float
    passage_coverage: float
    type_match: bool
    is_list: bool = False
    lead_in: str = ""  # the lead-in quoted before a list item (see lead_in_of), "" when none
    section: str = ""  # the heading of the section it is read under (see section_of), "" when none
    row: bool = False  # one row of a table (read with its header when the header is known)


def states_validity_of(query: Query, chunk) -> bool:
    """Whether a passage of another document names a document the question names and states its validity."""
    named = [n.lower() for n in query.numbers] + [f"{n}/{y}" for _, n, y in query.doc_refs if y]
    text = chunk.text.lower()
    return (
        not names_document(query, chunk.doc.number)
        and any(n in text for n in named)
        and states_validity(chunk.text, chunk.section_heading)
    )


def counts(unit: str, text: str) -> bool:
    """Whether a sentence gives a figure of what the question counts: "15 thành viên" for "bao nhiêu thành
    viên", "80%" for "bao nhiêu phần trăm", an amount in đồng for money; True when the unit is unknown."""
    if not unit:
        return True
    folded = fold_diacritics(text.lower())
    if unit == "%":
        return bool(re.search(r"\d\s*(%|phan tram)", folded))
    if unit == "dong":
        return bool(re.search(r"\d[\d.,]*\s*(ty|trieu|nghin)?\s*(dong|vnd)\b", folded))
    nouns = "|".join(re.escape(u) for u in unit.split("|"))  # "sang|du": sáng kiến, or the formal dự án
    # a table row read with its header ("Đơn vị: Tuyến cáp quang biển; Kết quả: 09"): the unit is a column
    column = re.search(r"\bdon vi(?: tinh)?: ([^;|]*)", folded)
    if column and re.search(rf"\b(?:{nouns})\b", column.group(1)) and re.search(r"\d", folded[column.end() :]):
        return True
    return bool(re.search(rf"\d[\d.,]*\s*%?\s+(?:\([^()]{{1,30}}\)\s*)?(?:\w+\s+){{0,2}}(?:{nouns})\b", folded))


def numbered(noun: str, text: str) -> bool:
    """Whether the text gives the number of an ordinal noun: "cấp II", "cấp độ 3", "thứ năm" for "cap"/"thu"."""
    folded = fold_diacritics(text.lower())
    numeral = rf"(?:\d+|[ivxl]+|{fold_diacritics(_NUMBER_WORDS)})"
    return bool(re.search(rf"\b{re.escape(noun)}(?: do)?\s+{numeral}\b", folded))


def of_kind(kind: str, text: str, passage: Passage) -> bool:
    """Whether a sentence gives an answer of the kind a "<noun> nào" question asks: "Tập đoàn …" for "doanh nghiệp
    nào"; for "thông tư nào", its passage is of a Thông tư or the sentence names one by its số hiệu."""
    if kind in ASKED_KINDS:
        return bool(ASKED_KINDS[kind].search(text))
    if fold_diacritics(number_type(passage.chunk.doc.number).lower()) == kind:
        return True
    if any(fold_diacritics(number_type(n).lower()) == kind for n in find_numbers(text)):
        return True
    # named by its title: "Luật Chuyển đổi số", "Thông tư số 12/…" (the type capitalised, then a name or a number)
    titles = [t for t in DOC_TYPES if fold_diacritics(t.lower()) == kind]
    return any(re.search(rf"\b{t}\s+(?:số\s+)?[\dA-ZĐÀ-Ỹ]", text) for t in titles)


def carries(
    answer_type: str, text: str, passage: Passage, unit: str = "", ordinal: str = "", kind: str = "", named: tuple = ()
) -> bool:
    """Whether a sentence carries what the answer type asks for (for a count, a figure of its unit; for
    "cấp mấy", the level's numeral; for "<noun> nào", an answer of that kind; for a date, not only the date naming a
    cited document, unless it is one of ``named``, the số hiệu the question names)."""
    if kind and answer_type in (ORGANISATION, DOCUMENT):
        return of_kind(kind, text, passage)
    if answer_type == NUMBER and ordinal:
        return numbered(ordinal, text)
    if answer_type == DATE:
        bare = dates_text(text, named)
        return bool(DATE_IN_TEXT.search(bare) or _WHEN.search(bare))
    if answer_type == DURATION:
        return bool(_DURATION.search(_DAY_OF_MONTH.sub(" ", text)))  # "trước ngày 01 tháng 12 hàng năm" gives no term
    if answer_type == NUMBER:
        return bool(_AMOUNT.search(text)) and counts(unit, text)
    if answer_type == ORGANISATION:
        return bool(_ORGANISATION.search(text))
    if answer_type == PERSON:
        return any(not m.group(0).startswith(PLACES_LIKE_NAMES) for m in PERSON_NAME.finditer(text))
    if answer_type == VALIDITY:
        return bool(_VALIDITY.search(text))
    if answer_type == DOCUMENT:
        return bool(passage.chunk.doc.number or passage.chunk.label)
    if answer_type == LIST:
        return text.rstrip().endswith(":") or "\n" in text.strip() or bool(_INLINE_LIST.search(text))
    return True


def shared_context(query: Query, passages: list[Passage]) -> Query:
    """The query without the context terms no passage read shares: the asker's own office, school or commune tell who
    asks, and an answer is not judged by them; context terms the evidence shares ("báo cáo 6 tháng về thực hiện
    Chương trình hành động …") count like the question's own."""
    if not query.context_terms or not passages:
        return query
    read = " ".join(normalized(f"{p.chunk.doc.title} {p.chunk.section_heading} {p.chunk.text}", query.exact) for p in passages)
    unshared = {
        t for t in query.context_terms
        if f" {t} " not in read and not any(f" {a} " in read for a in query.alternates.get(t, ()))
    }
    if not unshared:
        return query
    return dataclasses.replace(query, terms=MappingProxyType({t: w for t, w in query.terms.items() if t not in unshared}))


def other_level(levels: tuple[str, ...], text: str) -> bool:
    """Whether a text names a level of government with "cấp" ("cấp tỉnh") and none of ``levels``, those asked."""
    named = set(government_levels(fold_diacritics(text.lower())))
    return bool(named) and not named & set(levels)


def dates_text(text: str, named: tuple = ()) -> str:
    """A sentence with what only looks like an answer date taken out: the year inside a số hiệu ("51/2005/QH11") and
    the date naming a cited document with it ("Nghị định số 80/2021/NĐ-CP ngày 26/8/2021"), save that of a document
    the question names (``named``, lower case: "Quyết định 1489/QĐ-TTg … ban hành ngày nào?")."""
    marked = NUMBER_RE.sub(lambda m: " ¶ " if m.group(0).lower() in named else " § ", text)
    return _CITED_DATE.sub(" ", marked)


_CITED_DATE = re.compile(r"§\s*,?\s*(?:ngày|ngay)\s+\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|tháng\s+\d{1,2}\s+năm\s+\d{4})", re.I)
# a day: "ngày 26 tháng 6", "26/6/2025", "kể từ ngày ký / ban hành / công bố"
_DAY = re.compile(r"\bngày\s+(?:\d|ký|ban hành|công bố|thông qua|đăng)|\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\bngay\s+\d", re.I)
_READ_WITH_LEAD_IN = (NUMBER, DATE, DURATION, ORGANISATION, PERSON)
# Items listed inside a sentence: "(thường, nhạy cảm, mật, tối mật)", "gồm: A, B, C và D".
_INLINE_LIST = re.compile(
    r"\((?:[^(),;]{1,40}, ){2,}[^(),;]{1,40}\)|\b(?:gồm|bao gồm)\s*:?[^.;:]*?(?:, [^,.;:]{2,60}){2,}"
    r"|:\s*[^:;]{3,120}(?:;\s*[^:;]{3,120}){2,}"  # "… năm yếu tố nền móng: thể chế, …; nhân lực số …; hạ tầng số …"
    r"|:\s*(?:[A-ZĐÀ-Ỹ][^,.;:]{2,80}, ){2,}"  # names after a colon: "các dự án: Luật An ninh mạng, Luật Cơ yếu, …"
    r"|\bnhư\s+(?!sau\b|vậy\b|thế\b|trên\b)[^.;:]{2,120}?(?:, [^,.;:]{2,80}){2,}"  # "các diễn đàn … như A, B, C"
    r"|^(?:[^,.;:]{2,40}, ){2,}[^,.;:]{2,40} và [^,.;:]{2,40} là (?:những|các)\b"  # "A, B, C và D là những nội dung …"
)


def other_meeting(asked: dict, text: str) -> bool:
    """Whether a text names a meeting the question names by ordinal only with another ordinal."""
    named = named_meetings(fold_diacritics(" ".join(text.lower().split())))
    return any((noun, n) not in named and any(m == noun for m, _ in named) for noun, n in asked.items())


def answers_type(query: Query, cand: Candidate) -> bool:
    """Whether a chosen sentence gives what a date/duration/figure question asks: the type itself, or for
    a plain "khi nào" a condition ("khi …", "trường hợp …")."""
    return cand.type_match or (query.or_condition and bool(_CONDITION.search(cand.text)))


_SCOPE_ARTICLE = re.compile(r"^Điều \d+\w?\.\s*Phạm vi điều chỉnh\s*$", re.I)


def accounts_for_documents(views: list[Query], chunk, fewest: int = 2) -> bool:
    """Whether a passage accounts for each document the question names (``views``: see documents_named), when it
    names ``fewest`` or more: each is the passage's own document or is named in the passage or its document's title,
    by số hiệu or by title."""
    if len(views) < fewest:
        return True
    text = f"{chunk.text} {chunk.doc.title}"
    folded = normalized(text, False)
    return all(
        names_document(view, chunk.doc.number) or mentions_document(view, text) or any(t in folded for _, t in view.titles)
        for view in views
    )


def names_required(
    query: Query,
    chunk,
    weight,
    read_with: str,
    bodies: bool = False,
    dated_years: bool = True,
    news_context: bool = False,
    horizon_heading: bool = False,
) -> bool:
    """Whether a passage (with its document's title, số hiệu, date and heading) names every place, số hiệu and
    year the question names (``Query.required``; with ``dated_years``, only a year dating a document it names is
    found in the document's date: "Năm 2025 … đạt bao nhiêu?" is not answered by a plan signed in 2025), with
    ``bodies`` every body it names (``Query.bodies``, its issuer counting), and its document the target years
    (``Query.horizons``: in the passage, its title, or read_with, the text of the document's other passages
    retrieved with it; with ``horizon_heading``, not under a heading of other target years only: "1. Đến năm 2030"
    does not give the targets for 2045). With ``news_context``, a news item's passage is read with read_with for the
    names too: one event told in several passages names its speaker and place once ("Bộ trưởng cũng đề nghị Bình
    Phước …")."""
    named = f"{chunk.text} {chunk.doc.title} {chunk.doc.number} {chunk.heading}"
    if news_context and chunk.doc.doc_type == NEWS_TYPE:
        named = f"{named} {read_with}"
    dated = f"{named} {chunk.doc.date}"  # a year dating a document the question names is found in its date too
    undated = [term for term in query.required if term not in query.dated] if dated_years else []
    in_date_too = [term for term in query.required if term not in undated]
    if undated and not names_all(undated, named, weight, query.expanded):
        return False
    if in_date_too and not names_all(in_date_too, dated, weight, query.expanded):
        return False
    if bodies and query.bodies and not names_bodies(query.bodies, f"{named} {chunk.doc.issuer}"):
        return False
    if horizon_heading and query.horizons:
        headed = horizon_years(chunk.section_heading)
        if headed and not set(headed) & set(query.horizons):
            return False
    return all(year in f"{named} {read_with}" for year in query.horizons)


def names_alone(text: str, name: str) -> bool:
    """Whether a sentence names ``name`` (folded) on its own, not only as one of several names listed together ("03
    doanh nghiệp (Viettel, VNPT, Mobifone) dự kiến …" gives the three operators' figure, not Mobifone's)."""
    folded = " ".join(fold_diacritics(text.lower()).split())
    for found in re.finditer(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", folded):
        before, after = folded[: found.start()], folded[found.end() :]
        if not (re.search(r"(?:,|\bva)\s*$", before) or re.match(r"\s*(?:,|va\b)", after)):
            return True
    return False


_FIGURE_AFTER = re.compile(r"\s+(?:la\s+|o muc\s+|bang\s+)?\d")


def states_other_bound(text: str, asked: str) -> bool:
    """Whether a sentence bounds its figures only the other way than the question asks ("upper" or "lower"): "ít nhất
    7 ngày làm việc" gives a lower bound, which does not answer "tối đa bao nhiêu ngày?"."""
    folded = normalized(text, False)
    stated = {
        kind
        for kind, pattern in (("upper", UPPER_BOUND), ("lower", LOWER_BOUND))
        for found in pattern.finditer(folded)
        if _FIGURE_AFTER.match(folded, found.end())
    }
    return bool(stated) and asked not in stated


def measured_forms(query: Query) -> set[str]:
    """What a rate question measures, folded, and the short forms the documents use for it ("dnnvv")."""
    return set(query.measured) | {
        fold_diacritics(alt) for term, alts in query.alternates.items() if fold_diacritics(term) in query.measured for alt in alts
    }


def names_bodies(bodies: tuple[str, ...], text: str) -> bool:
    """Whether a text names each body (folded name), written out or by its initials ("Sở NN&MT", "Sở NNMT")."""
    folded = normalized(text, exact=False)
    for name in bodies:
        if f" {name} " in folded:
            continue
        initials = [w[0].upper() for w in name.split() if w != "va"]
        if len(initials) < 2 or not re.search(r"(?<![A-ZĐ])" + r"[&\s-]?".join(initials) + r"(?![A-ZĐ])", text):
            return False
    return True


def candidates(query: Query, passages: list[Passage], weight, rules: SelectRules = SelectRules()) -> list[Candidate]:
    """Sentences (and list blocks) of the passages that may answer the query, best first."""
    found: list[Candidate] = []
    exact = query.exact
    sections = bool(query.definition or query.sections)
    named = documents_named(query) if rules.named_documents and query.answer_type != VALIDITY else []
    measured = measured_forms(query) if rules.rate_of and query.measured else set()
    asked_numbers = tuple(n.lower() for n in query.numbers)
    # a document's retrieved passages, where its target years (and a news item's names) are looked for
    read_with: dict[str, str] = {}
    for passage in passages if query.horizons or (rules.news_context and query.required) else ():
        read_with[passage.chunk.doc_id] = f"{read_with.get(passage.chunk.doc_id, '')} {passage.chunk.text}"
    for i, passage in enumerate(passages):
        chunk = passage.chunk
        # a passage is read with its document's title, số hiệu and issuer ("báo cáo của Đảng ủy Chính phủ …")
        context = normalized(f"{chunk.doc.title} {chunk.doc.number} {chunk.doc.issuer} {chunk.section_heading}", exact)
        together = read_with.get(chunk.doc_id, "")
        if rules.required_names and not names_required(
            query, chunk, weight, together, rules.required_bodies, rules.dated_years, rules.news_context, rules.horizon_heading
        ):
            continue
        if not accounts_for_documents(named, chunk):
            continue  # "Kế hoạch 3260 … sửa đổi Luật Giao dịch điện tử": a passage of 3260 naming that law
        if rules.required_names and query.meetings and other_meeting(query.meetings, f"{chunk.doc.title} {chunk.text}"):
            continue  # "phiên họp thứ hai" is not answered by the account of "Phiên họp thứ nhất"
        if rules.scope_article and _SCOPE_ARTICLE.search(chunk.section_heading) and not (
            SCOPE in query.sections or query.answer_type == DOCUMENT
        ):
            continue  # an article on what a document governs restates its topic: it answers only that, and "which
            #           document governs X?"
        code = normalized(chunk.doc.number, False) if query.wants_code and chunk.doc.number else ""
        if query.answer_type == VALIDITY:  # a document's validity is stated by the documents that name it
            from_named = rules.named_document and states_validity_of(query, chunk)
        else:
            from_named = rules.named_document and names_document(query, chunk.doc.number)
        passage_cov = coverage(query.terms, evidence_text(chunk.text, exact) + context, query.alternates)
        # "… điều nào quy định về X?": the article titled X answers
        titled = title_match(query, chunk.section_heading) if query.wants_article and rules.answer_type else 0.0
        if rules.signer and query.wants_signer and names_document(query, chunk.doc.number):
            block = signature_block(chunk.text)
            if block:  # "ai là người ký …?": the signature block of the named document
                text = "\n".join(line.strip() for line in chunk.text[block[0] : block[1]].split("\n") if line.strip())
                found.append(Candidate(i, block, text, 1.0 + passage_cov, passage_cov, passage_cov, True))
        spans = quotes(chunk.text, chunk.sentence_spans, sections, query.answer_type == LIST, rules.section_titles)
        for start, end, is_list in spans:
            text = chunk.text[start:end].strip()
            if rules.boilerplate and boilerplate(text, query.wants_issue_date, query.wants_recital):
                continue
            if rules.boilerplate and query.answer_type not in (DATE, VALIDITY) and not query.wants_code and _PROVENANCE.match(text):
                continue  # the source note of a codified article answers only its source's số hiệu and its force
            if rules.boilerplate and not is_list and not query.wants_recital and (text.endswith(":") or _LEAD_IN_END.search(text)):
                continue  # a lead-in ("… quy định … như sau:") without what it leads in answers nothing (save the
                #           enacting words "Theo đề nghị của … tại Tờ trình số …, UBND tỉnh ban hành …, cụ thể như sau:")
            if rules.item_heading and not is_list and heads_section(chunk.text, start, end):
                continue  # "i) Tổ đảng ở Thường trực Ủy ban Văn hóa, Giáo dục" names a section; its items answer
            if rules.table_header and CELL_SEPARATOR in text:
                header = header_of(chunk, start)
                if header == text:
                    continue  # a table's header row names columns; it answers nothing
                if header:
                    text = labelled_row(text, header)
            if rules.office_holder and query.role and not names_holder(text, query.role, f"{query.text} {query.expanded}"):
                continue
            sent_cov = coverage(query.terms, evidence_text(text, exact) + context, query.alternates)
            if rules.list_head and is_list and "\n" in text:
                # a list is of what its title or lead-in names ("Dịch vụ tin cậy bao gồm:"), not of every word in its
                # items: "dịch vụ tin cậy gồm những gì?" is not answered by the article on state management
                head = coverage(query.terms, evidence_text(text[: text.find("\n")], exact) + context, query.alternates)
                sent_cov = (head + sent_cov) / 2
            own = text  # the item itself, before what it is quoted under
            section = section_of(chunk, start) if rules.item_heading else ""
            if section:
                read = coverage(query.terms, evidence_text(f"{section} {text}", exact) + context, query.alternates)
                if read > sent_cov:  # the item is of the section the question asks about: quoted under its heading
                    text, sent_cov = f"{section} … {text}", read
            elif is_list and rules.item_heading and "\n" in text and heads_section(text, 0, text.find("\n")):
                section = text[: text.find("\n")]  # a section quoted with its items
            if rules.government_level and query.levels and other_level(query.levels, f"{lead_in_of(chunk, start)} {text}"):
                continue  # "Chủ tịch Ủy ban nhân dân cấp tỉnh có quyền …" does not answer of "cấp huyện"
            typed = carries(query.answer_type, text, passage, query.unit, query.ordinal, query.kind, asked_numbers)
            if typed and measured:
                # a rate answers only if it is of what the question measures: "tỷ trọng kinh tế số trong GRDP" is not
                # answered by "tỷ trọng đào tạo các ngành STEM … 30%"
                folded = normalized(text, False)
                typed = any(f" {form} " in folded for form in measured)
            if typed and rules.alone and query.alone and not names_alone(text, query.alone):
                typed = False  # "riêng MobiFone … bao nhiêu trạm?" is not answered by the figure of "(Viettel, VNPT, Mobifone)"
            if typed and rules.day and query.day and not _DAY.search(dates_text(text, asked_numbers)):
                typed = False  # "Luật … được thông qua vào ngày nào?" is not answered by "Thời gian thực hiện: Tháng 12/2026"
            if typed and rules.bound and query.bound and states_other_bound(text, query.bound):
                typed = False  # "tạm ngừng tối đa bao nhiêu ngày?" is not answered by "thông báo ít nhất 7 ngày làm việc"
            if typed and rules.list_noun and query.listed:
                # a list is of what its head names: "dịch vụ tin cậy gồm những loại dịch vụ nào?" is answered by "Dịch vụ
                # tin cậy bao gồm: …", not by an article on state management whose items mention the services
                head = text.strip().split("\n", 1)[0]
                typed = f" {query.listed} " in normalized(head, False)
            lead = ""
            # an item, or for "cơ quan nào": the task under a body's heading ("9. Sở Xây dựng / Chủ trì nghiên cứu …")
            item = LIST_ITEM.match(text) or query.answer_type == ORGANISATION
            if rules.item_lead_in and query.answer_type in _READ_WITH_LEAD_IN and item:
                if not typed or query.answer_type == ORGANISATION:  # an organisation: the body the tasks are given to
                    above = lead_in_of(chunk, start)
                    typed_above = carries(
                        query.answer_type, above, passage, query.unit, query.ordinal, query.kind, asked_numbers
                    ) if above else False
                    if typed_above and (
                        not rules.item_names_asked or query.answer_type == ORGANISATION  # the body is asked, its tasks describe
                        or names_strongest(query, own, f"{above} {chunk.doc.title} {chunk.doc.number}")
                    ):
                        lead, typed = above, True
                        text = text if text.startswith(f"{above} … ") else f"{above} … {text}"
            score = 0.6 * sent_cov + 0.4 * passage_cov - 0.01 * i + (0.15 if from_named else 0.0) + 0.5 * titled
            if rules.in_force_first and not passage.in_force:
                score -= 0.05
            if rules.answer_type:
                score += 0.15 if typed else 0.0
                if query.wants_issue_date and chunk.doc.date and first_date(text) == chunk.doc.date:
                    score += 0.15  # "ban hành ngày nào?": the document's own date line
                if code and code in normalized(text, False):
                    score += 0.2  # "số hiệu là gì?": the sentence giving the document's number
                if query.wants_issuer and chunk.doc.issuer and normalized(chunk.doc.issuer, False) in normalized(text, False):
                    score += 0.2  # "do cơ quan nào ban hành?": the sentence naming the issuer
            row = not is_list and CELL_SEPARATOR in chunk.text[start:end]
            found.append(Candidate(i, (start, end), text, score, sent_cov, passage_cov, typed, is_list, lead, section, row))
    found.sort(key=lambda c: -c.score)
    return _one_item_per_lead_in(lead_first(found))


def _one_item_per_lead_in(found: list[Candidate]) -> list[Candidate]:
    """The best item of each lead-in read with its items: the fine of "c) Giả mạo …" is asked, not its siblings'."""
    seen: set[tuple[int, str]] = set()
    out = []
    for cand in found:
        lead = (cand.passage_index, cand.lead_in)
        if cand.lead_in and lead in seen:
            continue
        seen.add(lead)
        out.append(cand)
    return out


def lead_first(found: list[Candidate]) -> list[Candidate]:
    """The candidates with the one an answer leads with first: the best, or the best of those carrying what the
    answer type asks (a date for "khi nào") when it is nearly as good. The answerability decision reads it too."""
    typed = next((c for c in found if c.type_match), None)
    if typed is None or typed is found[0] or typed.score < 0.75 * found[0].score:
        return found
    return [typed] + [c for c in found if c is not typed]


_SENTENCE_ENDS = (".", ";", ":", "!", "?", "…")


def quotes(
    text: str, spans: list[tuple[int, int]], sections: bool, wants_list: bool, section_titles: bool = True
) -> list[tuple[int, int, bool]]:
    """(start, end, is_list): sentence spans; a table row is quoted whole; a sentence ending in ':' takes the
    list items after it,
    and with ``sections`` an article's title takes the sentences of the article: "Nguyên tắc … là gì?"
    is answered by the article of that title, not by its title alone; with ``section_titles`` a numbered
    section's title ("2. Đối tượng áp dụng") does the same."""
    limit = MAX_LIST_CHARS if wants_list else MAX_QUOTE_CHARS
    out = []
    for i, (start, end) in enumerate(spans):
        sentence = text[start:end].rstrip()
        heading = (
            (sections or wants_list)
            and _HEADING.match(sentence)
            and text[end : end + 1] == "\n"
            and (
                _ARTICLE.search(text[max(0, start - 20) : start])
                or (section_titles and _SECTION.search(text[max(0, start - 20) : start]))
            )
        )
        is_list = False
        if wants_list and section_titles and heads_section(text, start, end) and text[end:].strip():
            level = item_level(sentence)  # "h) Tổ đảng ở …" with its items, up to the next item of its level
            for s2, e2 in spans[i + 1 :]:
                if e2 - start > limit or ("\n" in text[end:s2] and item_level(text[s2:e2]) <= level):
                    break
                end = e2
                is_list = True
        elif " | " in sentence:  # a table row cut into pieces (a long row): the quote is the whole row
            for s2, e2 in spans[i + 1 :]:
                if "\n" in text[end:s2] or e2 - start > MAX_LIST_CHARS:
                    break
                end = e2
        elif sentence.endswith(":") or heading:
            for s2, e2 in spans[i + 1 :]:
                if e2 - start > limit or text[s2:e2].startswith("Điều "):
                    break
                cut_short = "\n" not in text[end:s2] and not text[start:end].rstrip().endswith(_SENTENCE_ENDS)
                if not heading and not LIST_ITEM.match(text[s2:e2]) and not cut_short:
                    break  # (an item the splitter cut for its length goes on: "… mà nước Cộng hòa xã" "hội chủ nghĩa …")
                end = e2
                is_list = True
        out.append((start, end, is_list))
    return out


def boilerplate(text: str, keep_date_line: bool = False, keep_recitals: bool = False) -> bool:
    """Header lines, recitals and fragments that answer nothing ("Độc lập - Tự do - Hạnh phúc",
    "Căn cứ Luật …;", "Nơi nhận:"); the place-and-date line ("Hà Nội, ngày 10 tháng 01 năm 2025") answers
    only when the question asks when the document was issued, the recitals only when it asks what they state
    ("… theo đề nghị của bộ nào?", "căn cứ luật nào?")."""
    words = [w for w in text.split() if w != "|"]  # a table's cell separators are no words
    if len(words) < 4 or (text.isupper() and len(words) < 8):
        return True
    if text.isupper() and len(words) < 20 and "CHỦ NGHĨA VIỆT NAM" in text:  # the issuer beside the national motto
        return True
    if " | " in text and all(c.isupper() or _BOILERPLATE.match(c.strip()) for c in text.split(" | ")):
        return True  # a header table: "CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    if keep_date_line and _DATE_LINE.match(text):
        return False
    if keep_recitals and _RECITAL.match(text.lstrip("- ")):
        return False
    return bool(_BOILERPLATE.match(text.lstrip("- ")))


def key(text: str) -> str:
    """Comparison form of a quote (two chunks overlap by a sentence)."""
    return normalized(text, False).strip()
