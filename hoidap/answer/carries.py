"""What a sentence carries and names, for selection: the date, duration, figure (of the unit counted), organisation
or validity statement an answer type asks; the names, bodies, levels, meetings and bounds a question names."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Mapping

from core.lexicon import DOC_TYPES, NEWS_TYPE, PLACES_LIKE_NAMES
from core.models import CELL_SEPARATOR
from hoidap.query import DATE, DOCUMENT, DURATION, LIST, NUMBER, ORGANISATION, PERSON, VALIDITY, Query
from hoidap.query.asked import government_levels
from hoidap.query.counted import ASKED_KINDS, LOWER_BOUND, UPPER_BOUND, terms_written
from hoidap.query.documents import mentions_document, names_document
from hoidap.query.premise import figures
from hoidap.retrieve import Passage
from hoidap.terms import (
    DATE_IN_TEXT,
    NAMED_BODY,
    PERSON as PERSON_NAME,
    by_initials,
    horizon_years,
    named_meetings,
    names_all,
    normalized,
    states_validity,
)
from ingest.metadata import NUMBER_RE, find_numbers, number_type
from ingest.normalize import fold_diacritics

# a year, a quarter, a recurrence or a time of day ("từ 07 giờ đến 22 giờ", "7h30")
_WHEN = re.compile(r"\b(?:19|20)\d\d\b|quý\s+[IV]+|hằng (?:năm|tháng|quý|ngày)|\b\d{1,2}\s*(?:giờ|h\d{0,2})\b", re.I)
# "… có giá trị như văn bản khi nào?": plain "khi nào" also asks under which conditions (Query.or_condition)
CONDITION_IN_TEXT = re.compile(r"\b(?:khi|nếu|trường hợp|đáp ứng|điều kiện)\b", re.I)
# a duration in digits or in words ("10 năm", "mười lăm ngày", "năm năm", "15 (mười lăm) ngày")
_NUMBER_WORDS = r"(?:một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|mốt|trăm)"
# a day of a month ("ngày 01 tháng 12", "15/12"): a date, whose "01 tháng" is no span of time
_DAY_OF_MONTH = re.compile(r"\b\d{1,2}\s+tháng\s+\d{1,2}\b|\b\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\b", re.I)
# the figure of a term before its unit: "05 ngày", "15 (mười lăm) ngày", or as legal text writes it out and in digits,
# "bảy (07) ngày" (the digits in brackets)
_TERM_FIGURE = r"(?:\(\d+\)|\d+)\s*(?:\([^()]{1,30}\)\s*)?"
DURATION_IN_TEXT = re.compile(
    rf"{_TERM_FIGURE}(?:ngày|tháng|năm|giờ|phút|tuần|quý)\b|\b(?:ngay|thang|nam|gio|phut)\b\s*\d"
    rf"|\bquý\s*(?:\d|[IV]+\b)"  # "trong thời hạn nào?" — "trong quý 2/2025": a term given as a quarter
    rf"|\b(?:năm|giai đoạn)\s+(?:19|20)\d\d\s*(?:[-–]|đến)\s*(?:năm\s+)?(?:19|20)\d\d\b"  # "trong thời gian nào?" — "năm 2026 - 2027"
    rf"|\b{_NUMBER_WORDS}(?:\s+{_NUMBER_WORDS})*\s+(?:ngày|tháng|năm|giờ|phút|tuần|quý)\b",
    re.I,
)
_AMOUNT = re.compile(r"\d[\d.,]*\s*(?:%|phần trăm|đồng|triệu|tỷ|nghìn|người|doanh nghiệp|dự án|\w+)", re.I)
_ORGANISATION = re.compile(
    r"\b(?:Bộ|Sở|Ủy ban|Uỷ ban|UBND|Ban|Văn phòng|Cục|Tổng cục|Chi cục|Công an|Chính phủ|Quốc hội|Thủ tướng|Tỉnh đoàn|"
    r"Ngân hàng|Đài|Trung tâm|Viện|Hội đồng|Kiểm toán|Thanh tra|Tòa án|Viện kiểm sát|Học viện|Đại học|Tập đoàn|"
    r"Tổng công ty|Liên đoàn|Hiệp hội|Mặt trận|Đảng ủy|Đảng đoàn|Nhà xuất bản|Tạp chí|Cơ quan|cơ quan|đơn vị|Các sở|các bộ)\b"
)
_VALIDITY = re.compile(r"hiệu lực|thay thế|bãi bỏ|sửa đổi|hết hiệu lực", re.I)


def states_validity_of(query: Query, chunk) -> bool:
    """Whether a passage of another document names a document the question names and states its validity."""
    named = [n.lower() for n in query.numbers] + [f"{n}/{y}" for _, n, y in query.doc_refs if y]
    text = chunk.text.lower()
    return (
        not names_document(query, chunk.doc.number)
        and any(n in text for n in named)
        and states_validity(chunk.text, chunk.section_heading)
    )


def counts(unit: str, text: str, phrase: str = "", forms: bool = False) -> bool:
    """Whether a sentence gives a figure of what the question counts: "15 thành viên" for "bao nhiêu thành
    viên", "80%" for "bao nhiêu phần trăm", an amount in đồng for money; True when the unit is unknown. With
    ``forms``, a table row whose unit column is "%" ("Đơn vị: %; Kết quả: 70") gives a share, and a sentence that
    never names the unit counts it when a figure heads ``phrase``, the words the question put after it ("11 cơ sở dữ
    liệu" for "bao nhiêu kho dữ liệu")."""
    if not unit:
        return True
    folded = fold_diacritics(text.lower())
    if unit == "%":
        column = forms and re.search(r"\bdon vi(?: tinh)?: %\s*;?[^;]*?\d", folded)
        return bool(re.search(r"\d\s*(%|phan tram)", folded) or column)
    if unit == "dong":
        return bool(re.search(r"\d[\d.,]*\s*(ty|trieu|nghin)?\s*(dong|vnd)\b", folded))
    nouns = "|".join(re.escape(u) for u in unit.split("|"))  # "sang|du": sáng kiến, or the formal dự án
    # a table row read with its header ("Đơn vị: Tuyến cáp quang biển; Kết quả: 09"): the unit is a column
    column = re.search(r"\bdon vi(?: tinh)?: ([^;|]*)", folded)
    if column and re.search(rf"\b(?:{nouns})\b", column.group(1)) and re.search(r"\d", folded[column.end() :]):
        return True
    # … or a row read without its header, the unit in a cell of its own before the value ("… | Tbps | ≥ 350 | …")
    cells = [c.strip() for c in folded.split(CELL_SEPARATOR.strip())]
    unit_cell = next((i for i, c in enumerate(cells) if re.fullmatch(rf"(?:{nouns})\b[^\d]{{0,20}}", c)), None)
    if unit_cell is not None and any(re.search(r"\d", c) for c in cells[unit_cell + 1 : unit_cell + 3]):
        return True
    if re.search(rf"\d[\d.,]*\s*%?\s+(?:\([^()]{{1,30}}\)\s*)?(?:\w+\s+){{0,2}}(?:{nouns})\b", folded):
        return True
    return bool(
        forms and phrase and not re.search(rf"\b(?:{nouns})\b", folded)
        and re.search(rf"\d[\d.,]*\s+(?:\w+\s+){{1,3}}{re.escape(phrase)}\b", folded)
    )


def counted_in_words(unit: str, text: str) -> bool:
    """Whether a sentence gives a count of what the question counts written in words: "dựa trên năm yếu tố nền móng"
    for "mấy yếu tố" (unit "yeu")."""
    if unit in ("", "%", "dong"):
        return False
    nouns = unit.split("|")
    found = re.finditer(rf"(?<!\w){_NUMBER_WORDS}(?:\s+{_NUMBER_WORDS})*\s+(\w+)", text.lower())
    return any(fold_diacritics(m.group(1)) in nouns for m in found)


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


# hours a day and days a week written as a fraction: "24/7", "24/24" (read as such, not as the date 24 July)
ROUND_THE_CLOCK = re.compile(r"(?<![\d/.])24\s*/\s*(?:7|24)(?![\d/.])")
# the units a "bao nhiêu <unit> / mấy <unit>" duration question counts in (Query.unit, folded first syllable) → how a
# term in that unit is written (hours also as "tiếng"; months also as years or quarters, which convert exactly)
_TIME_UNITS = {
    "gio": "giờ|tiếng", "tieng": "giờ|tiếng", "phut": "phút", "ngay": "ngày", "tuan": "tuần", "thang": "tháng|năm|quý",
    "nam": "năm|tháng",
}


# a figure standing alone in a table's cell, its unit in a column of its own: "Đơn vị: Tổ chức, doanh nghiệp; Kết quả:
# ≥ 3" (a row read with its header), "| Sàn dữ liệu | 5 |" (without)
_ROW_FIGURE = re.compile(
    r"\b(?:kết quả|giá trị|mục tiêu|chỉ tiêu|số lượng)[^:;|]{0,20}:\s*(?:[≥≤<>~]|khoảng|trên|dưới|tối thiểu|tối đa)?\s*\d"
    r"|\|\s*(?:[≥≤<>]\s*)?\d[\d.,]*\s*(?:\||$)",
    re.I,
)


def carries(
    answer_type: str, text: str, passage: Passage, unit: str = "", ordinal: str = "", kind: str = "", named: tuple = (),
    run_terms: Mapping[str, float] = MappingProxyType({}),
    exact: bool = True,
    number_words: bool = False,
    duration_unit: bool = False,
    row_figures: bool = False,
    counted_phrase: str = "",
    counted_forms: bool = False,
    round_the_clock: bool = False,
) -> bool:
    """Whether a sentence carries what the answer type asks for (for a count, a figure of its unit; for
    "cấp mấy", the level's numeral; for "<noun> nào", an answer of that kind; for a date, not only the date naming a
    cited document, unless it is one of ``named``, the số hiệu the question names; for a list, items after a colon, on
    lines of their own, inline, or four parallel short phrases after the strongest of ``run_terms``, see runs_after; with
    ``number_words``, a count may be written in words, see counted_in_words; ``counted_phrase`` and ``counted_forms``,
    see counts; ``round_the_clock``, "24/7" gives hours and days)."""
    if kind and answer_type in (ORGANISATION, DOCUMENT):
        return of_kind(kind, text, passage)
    if answer_type == NUMBER and ordinal:
        return numbered(ordinal, text)
    if answer_type == DATE:
        bare = dates_text(text, named)
        return bool(DATE_IN_TEXT.search(bare) or _WHEN.search(bare))
    if answer_type == DURATION:
        bare = _DAY_OF_MONTH.sub(" ", text)  # "trước ngày 01 tháng 12 hàng năm" gives no term
        if round_the_clock and unit in ("", "gio", "tieng", "ngay") and ROUND_THE_CLOCK.search(text):
            return True  # "giám sát an ninh mạng 24/7": "theo chế độ bao nhiêu giờ, bao nhiêu ngày?"
        if duration_unit and unit in _TIME_UNITS:  # "bao nhiêu giờ?" is not answered by a term in years
            return bool(re.search(rf"{_TERM_FIGURE}(?:{_TIME_UNITS[unit]})(?!\w)|\b{_NUMBER_WORDS}\s+(?:{_TIME_UNITS[unit]})(?!\w)", bare, re.I))
        return bool(DURATION_IN_TEXT.search(bare))
    if answer_type == NUMBER:
        figure = bool(_AMOUNT.search(text)) or row_figures and bool(_ROW_FIGURE.search(text))
        return (figure and counts(unit, text, counted_phrase, counted_forms)) or (number_words and counted_in_words(unit, text))
    if answer_type == ORGANISATION:
        return bool(_ORGANISATION.search(text))
    if answer_type == PERSON:
        return any(not m.group(0).startswith(PLACES_LIKE_NAMES) for m in PERSON_NAME.finditer(text))
    if answer_type == VALIDITY:
        return bool(_VALIDITY.search(text))
    if answer_type == DOCUMENT:
        return bool(passage.chunk.doc.number or passage.chunk.label)
    if answer_type == LIST:
        return text.rstrip().endswith(":") or "\n" in text.strip() or bool(INLINE_LIST.search(text)) or (
            bool(run_terms) and runs_after(run_terms, text, exact)
        )
    return True


def gives_other_term(text: str, given: frozenset[tuple[str, str]]) -> bool:
    """Whether a sentence states a term other than those the question gives (``given``: Query.given_terms), or one not
    written as a number and unit ("trong quý 2/2025"): "Kế hoạch 5 năm và Kế hoạch hằng năm" gives no term asked."""
    found = terms_written(fold_diacritics(text.lower()))
    return not found or bool(found - given)


_BODY_SEPARATORS = re.compile(r"[,;:|]| và | cùng ")
_NAMED_BODY = re.compile(NAMED_BODY)


def lists_bodies(text: str) -> bool:
    """Whether a sentence names two or more bodies by name, one after another ("Cơ quan phối hợp: Văn phòng Chính phủ,
    Bộ Tư pháp và các cơ quan có liên quan"; "Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh, …"): a list of
    what "gồm những cơ quan nào?" asks, though it has no colon before three items; a generic "Cơ quan phối hợp" or "các
    cơ quan có liên quan" is no name."""
    return sum(1 for part in _BODY_SEPARATORS.split(text) if _NAMED_BODY.match(part.strip())) >= 2


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
# Items listed inside a sentence: "(thường, nhạy cảm, mật, tối mật)", "gồm: A, B, C và D".
INLINE_LIST = re.compile(
    r"\((?:[^(),;]{1,40}, ){2,}[^(),;]{1,40}\)|\b(?:gồm|bao gồm)\s*:?[^.;:]*?(?:, [^,.;:]{2,60}){2,}"
    r"|:\s*[^:;]{3,120}(?:;\s*[^:;]{3,120}){2,}"  # "… năm yếu tố nền móng: thể chế, …; nhân lực số …; hạ tầng số …"
    r"|:\s*(?:[A-ZĐÀ-Ỹ][^,.;:]{2,80}, ){2,}"  # names after a colon: "các dự án: Luật An ninh mạng, Luật Cơ yếu, …"
    r"|:\s*(?:[^,.;:]{3,60}, ){3,}[^,.;:]{3,60}[.;]?\s*$"  # four short items after a colon to the sentence's end
    r"|\bnhư\s+(?!sau\b|vậy\b|thế\b|trên\b)[^.;:]{2,120}?(?:, [^,.;:]{2,80}){2,}"  # "các diễn đàn … như A, B, C"
    r"|^(?:[^,.;:]{2,40}, ){2,}[^,.;:]{2,40} và [^,.;:]{2,40} là (?:những|các)\b"  # "A, B, C và D là những nội dung …"
)
# four or more phrases in a row, each short: "tổ chức tôn vinh dịch vụ công chất lượng nhất, dịch vụ công thu hút …, cơ
# quan nhà nước vận hành tối ưu nhất, cơ quan nhà nước phát triển Chính phủ số tốt nhất" (a list with no colon)
RUN_LIST = re.compile(r"([^,.;:]{3,80})(?:, [^,.;:]{3,60}){2,}, [^,.;:]{3,60}(?: và [^,.;:]{3,60})?(?:[.;]|$)")


RUN_HEAD_SHARE = 0.5


def runs_after(terms: Mapping[str, float], text: str, exact: bool) -> bool:
    """Whether a run of four or more short phrases (RUN_LIST) is a list of what the question asks: its first phrase
    names one of the strong terms of the question (``terms``: normalized → weight) the text names (of at least
    RUN_HEAD_SHARE of the strongest one's weight), it is no aside in brackets,
    and its items are parallel, two of them beginning with the same word ("… tổ chức tôn vinh dịch vụ công chất lượng
    nhất, dịch vụ công thu hút …, cơ quan nhà nước vận hành tối ưu nhất, …"); a long sentence with commas is no list."""
    written = normalized(text, exact)
    present = [t for t in terms if f" {t} " in written]
    if not present:
        return False
    strong = [t for t in present if terms[t] >= RUN_HEAD_SHARE * max(terms[p] for p in present)]
    for m in RUN_LIST.finditer(text):
        first = m.group(1)
        if not any(f" {t} " in normalized(first, exact) for t in strong) or first.count("(") > first.count(")"):
            continue
        items = [i.split() for i in re.split(r", | và ", m.group(0)[len(first) :].strip(" ,.;")) if i.split()]
        firsts = [i[0].lower() for i in items]
        if len(set(firsts)) < len(firsts):
            return True
    return False


def other_meeting(asked: dict, text: str) -> bool:
    """Whether a text names a meeting the question names by ordinal only with another ordinal."""
    named = named_meetings(fold_diacritics(" ".join(text.lower().split())))
    return any((noun, n) not in named and any(m == noun for m, _ in named) for noun, n in asked.items())


def names_meeting(asked: dict, text: str) -> bool:
    """Whether a text names each meeting the question names by ordinal ("Phiên họp thứ hai …")."""
    named = named_meetings(fold_diacritics(" ".join(text.lower().split())))
    return all((noun, n) in named for noun, n in asked.items())


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
    group: str = "",
) -> bool:
    """Whether a passage (with its document's title, số hiệu, date and heading) names every place, số hiệu and
    year the question names (``Query.required``; with ``dated_years``, only a year dating a document it names is
    found in the document's date: "Năm 2025 … đạt bao nhiêu?" is not answered by a plan signed in 2025), with
    ``bodies`` every body it names (``Query.bodies``, its issuer counting), and its document the target years
    (``Query.horizons``: in the passage, its title, or read_with, the text of the document's other passages
    retrieved with it; with ``horizon_heading``, not under a heading of other target years only: "1. Đến năm 2030"
    does not give the targets for 2045; nor, ``group``, under a table's group row of other target years only: "II |
    Đến năm 2045"). With ``news_context``, a news item's passage is read with read_with for the
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
        headed = horizon_years(f"{chunk.section_heading} {group}")
        if headed and not set(headed) & set(query.horizons):
            return False
    # (the group row a table row is read under states its target year: "I | Đến năm 2030" above "25 | Thu hút thêm …")
    return all(year in f"{named} {read_with} {group if horizon_heading else ''}" for year in query.horizons)


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


def property_forms(query: Query) -> set[str]:
    """What a rate's population has (Query.measured_property), folded, and the short forms the documents use for it."""
    term = query.measured_property
    alternates = (alts for t, alts in query.alternates.items() if fold_diacritics(t) == term)
    return {term} | {fold_diacritics(alt) for alts in alternates for alt in alts}


def names_bodies(bodies: tuple[str, ...], text: str) -> bool:
    """Whether a text names each body (folded name), written out or by its initials ("Sở NN&MT", "Sở NNMT")."""
    folded = normalized(text, exact=False)
    return all(f" {name} " in folded or by_initials(name, text) for name in bodies)


def names_other_than(besides: tuple[str, ...], answer_type: str, text: str, led: bool = False) -> bool:
    """Whether a sentence gives an answer of its type other than those a "ngoài X, còn … nào?" question sets aside
    (``besides``: folded names and years, Query.besides, and the figures a statement the question turns from tells):
    "Cơ quan thực hiện: Bộ Công an" does not answer "Ngoài Bộ Công an, cơ quan nào phối hợp?"; "năm 2026" does not answer "Ngoài năm 2026, còn mốc nào?". A body set aside is also
    found by its initials ("Sở KH&CN"); with ``led`` (the question asks who leads), a table row's "chủ trì" cell is its
    only answer."""
    if answer_type == ORGANISATION:
        lead = _LEAD_CELL.search(text) if led else None
        if lead:
            found = [lead.group(1)]
        else:
            found = [text[m.start() : m.start() + 60] for m in _ORGANISATION.finditer(text) if m.group(0)[0].isupper()]
            found = [f for f in found if not re.match(r"(?:Cơ quan|Đơn vị|Các sở|Các bộ)\b", f)]  # "Cơ quan thực hiện: …"
            found = [re.split(r"[,.;:()|]", f)[0] for f in found]
    elif answer_type == DATE:
        found = [m.group(0) for m in (*DATE_IN_TEXT.finditer(text), *_WHEN.finditer(text))]
    elif answer_type in (NUMBER, DURATION) and any(b.isdigit() for b in besides):
        # a figure a statement told ("Tôi biết … ít nhất 7 ngày làm việc …; còn …?"): a sentence giving only it
        given = figures(text)
        return not given or any(f not in besides for f in given)
    else:
        return True
    return any(not any(b in normalized(f, exact=False) or names_bodies((b,), f) for b in besides) for f in found)


_LEAD_CELL = re.compile(r"(?:Cơ quan|Đơn vị)\s+chủ\s+trì\s*:\s*([^;|\n]+)", re.I)  # "Cơ quan chủ trì: Sở KH&CN"
