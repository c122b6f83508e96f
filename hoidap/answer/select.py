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
from typing import Mapping

from core.lexicon import ACT_TYPES
from core.models import CELL_SEPARATOR
from hoidap.answer.carries import (
    CONDITION_IN_TEXT,
    accounts_for_documents,
    carries,
    dates_text,
    gives_other_term,
    lists_bodies,
    measured_forms,
    property_forms,
    names_alone,
    names_meeting,
    names_other_than,
    names_required,
    other_level,
    other_meeting,
    states_other_bound,
    states_validity_of,
)
from hoidap.answer.items import (
    block_of_field, heads_section, item_of_field, lead_in_of, names_strongest, section_of, stored_lead_in,
)
from hoidap.answer.quotes import boilerplate, quotes
from hoidap.answer.signature import recipients_block, signature_block
from hoidap.answer.tables import carried_row, header_of, horizon_above, inherited_group, labelled_row, opens_table
from hoidap.query import DATE, DOCUMENT, DURATION, LIST, NUMBER, ORGANISATION, PERSON, VALIDITY, Query
from hoidap.query.asked import DOC_WORD, SCOPE, asks_document_itself, names_level, other_named_year, other_qualifier, other_quarter, states_grade, states_other_years, states_target_only, title_match
from hoidap.query.documents import documents_named, in_clause, mentions_document, names_document
from hoidap.retrieve import Passage
from hoidap.terms import (
    EXACT_PREFIX, body_heading, coverage, distinct_bodies, evidence_text, horizon_years, names_asked_body,
    names_body, names_holder, names_other_body, normalized,
)
from ingest.chunk import LIST_ITEM
from ingest.normalize import fold_diacritics
from ingest.metadata import first_date

# a lead-in whose ':' the text lost or a scan moved ("… đối với một trong." / "các hành vi sau: .")
_LEAD_IN_END = re.compile(r"\b(?:sau|một trong)\s*[:.]?\s*[.:]\s*$")
# Where an article of a codification (Bộ Pháp điển) comes from: "(Điều 31a Nghị định số 72/2013/NĐ-CP, có hiệu
# lực thi hành kể từ ngày 01/09/2013, được bổ sung bởi …)". It states the article's source and force, nothing else.
_PROVENANCE = re.compile(r"^\((?:Điều|Khoản|Điểm|Mục|Chương)\s+\S+.{0,200}?(?:có hiệu lực|được (?:sửa đổi|bổ sung|bãi bỏ))")
# what a question about a document's force or issue says ("có hiệu lực", "thi hành", "áp dụng từ", "ban hành"), folded
_FORCE_ASKED = re.compile(r"\b(?:hieu luc|thi hanh|ap dung|ban hanh)\b")
# … or about what amended it ("Điều 23 … đã được sửa đổi, bổ sung bởi văn bản nào?", "… sửa đổi, bổ sung, bãi bỏ một
# phần bởi những nghị định nào?", "nghị định nào sửa đổi …"), folded
_AMENDER_ASKED = re.compile(
    rf"\b(?:sua doi|bo sung|bai bo|sua)\b(?:,? (?:sua doi|bo sung|bai bo))*(?: mot (?:phan|so noi dung))? (?:boi|bang|tai|theo) "
    rf"(?:nhung |cac )?{DOC_WORD} (?:nao|gi|so may)\b"
    rf"|\b{DOC_WORD} nao (?:da |duoc ban hanh de )?(?:sua doi|bo sung)\b"
)
# an act of a type named as a thing made: capitalised, no số hiệu after it ("Nghị định quy định chi tiết …")
_MADE_ACT = re.compile(r"\b(" + "|".join(ACT_TYPES) + r")\b(?!\s*(?:số|\d))")


def names_other_act(asked: tuple[str, ...], read: str) -> bool:
    """Whether ``read`` (a sentence with its record and lead-in) speaks of making an act of another type than those
    asked and of none of them: a type written with a capital and no số hiệu after it ("- Nghị định quy định chi tiết …")."""
    folded = fold_diacritics(read.lower())
    if any(re.search(rf"\b{t}\b", folded) for t in asked):
        return False
    return any(fold_diacritics(m.group(1).lower()) not in asked for m in _MADE_ACT.finditer(read))


def is_title_line(chunk, text: str) -> bool:
    """Whether a sentence is its article's title ("Trách nhiệm của Văn phòng Chính phủ" of "Điều 82. Trách nhiệm của Văn
    phòng Chính phủ"): short, it heads content that follows it in the passage and says only what that is about. An
    article whose one sentence follows its number ("Điều 1. Ban hành kèm theo Nghị quyết này Chương trình …") has none."""
    heading, title = chunk.section_heading.strip(), text.strip()
    if not title or len(title) > TITLE_CHARS or not heading.startswith("Điều ") or not heading.endswith(title):
        return False
    at = chunk.text.find(title)
    return len(title) < len(heading) and at >= 0 and bool(chunk.text[at + len(title) :].strip())


TITLE_CHARS = 150  # an article's title is a phrase; a longer line under its number is its content


def notes_force(query: Query, source_note: bool = True) -> bool:
    """Whether a codified article's source note may answer the question: one about its force or issue (the validity
    answer type, a validity question, the issue date asked); without ``source_note``, any date question too."""
    if query.answer_type == VALIDITY or query.validity or query.wants_issue_date:
        return True
    if source_note and _AMENDER_ASKED.search(fold_diacritics(query.text.lower())):
        return True
    if query.answer_type != DATE:
        return False
    return not source_note or bool(_FORCE_ASKED.search(fold_diacritics(query.text.lower())))


# the answer types a task block's field gives by its own words ("c) Thời gian thực hiện: …", "- Đơn vị chủ trì: …")
_FIELD_TYPES = frozenset({DATE, DURATION, ORGANISATION, NUMBER})

# "những cơ quan nào", "những hội nào": the list asked is of bodies
BODY_NOUNS = frozenset({
    "co quan", "don vi", "bo", "so", "nganh", "to chuc", "ban", "cuc", "hoi", "hiep hoi", "doan the", "truong", "dai hoc",
    "vien", "hoc vien", "tap doan",
})


# an article (or section) on a body's duties: "Điều 83. Trách nhiệm của Bộ Công an", "Nhiệm vụ, quyền hạn của Sở …"
_DUTY_TITLE = re.compile(
    r"^(?:(?:Điều|Dieu)\s+\d+[a-zđ]?\.\s*)?(?:Trách nhiệm|Nhiệm vụ|Quyền hạn|Quyền và nghĩa vụ|Quyền và trách nhiệm)"
    r"(?:,? (?:và )?(?:quyền hạn|trách nhiệm|nhiệm vụ))?(?: thi hành| thực hiện| tổ chức thực hiện)? của\s+\S.{2,80}$"
)


def duty_title(heading: str) -> str:
    """The title of the article a passage is in when it is on one body's duties ("Điều 83. Trách nhiệm của Bộ Công
    an"): each of its clauses is a duty of that body; "" otherwise."""
    title = heading.split(" — ")[0].strip()
    return title if _DUTY_TITLE.match(title) else ""


@dataclass(frozen=True)
class SelectRules:
    """Switches for the selection rules (every rule can be turned off for an ablation)."""

    required_names: bool = True  # the names, số hiệu and years of the question must be in the passage
    number_words: bool = True  # a count written in words ("năm yếu tố") answers "mấy yếu tố"
    time_or_term: bool = True  # "trong thời gian nào?" is answered by a term or by a time ("cơ bản hoàn thành trong năm 2025")
    duty_title: bool = True  # a clause of an article titled "Trách nhiệm của <body>" names that body for "cơ quan nào"
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
    recipients: bool = True  # "<document> gửi cho những nơi nào?" is answered by the document's "Nơi nhận" list
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
    cell_rows: bool = True  # a list asked of a table by a value its rows hold: every row holding it
    same_document: bool = True  # a compound question's later part naming no document asks of the earlier part's
    government_level: bool = True  # "cấp huyện" asked: a sentence for "cấp tỉnh" alone does not answer
    sentence_start: bool = True  # a quote starting inside a sentence begun in the previous passage is read from its start
    news_context: bool = True  # a name the question gives is also found in the other retrieved passages of a news item
    #                            (one event told in several passages: "Bộ trưởng cũng đề nghị Bình Phước …")
    meeting_dates: bool = True  # the date of a meeting named by its ordinal is read only from passages naming it
    besides: bool = True  # "ngoài X, còn … nào?": a sentence whose only answer is X does not carry what is asked
    named_clause: bool = True  # "Khoản 2 Điều 17 …", "mục 6 Điều 3 …": that khoản's sentences rank first
    run_list: bool = True  # four or more parallel short phrases after a word of the question are a list (runs_after)
    table_group: bool = True  # a table row is read under its group row ("I | Đến năm 2030"): its target year is the group's
    item_heading: bool = True  # a list item is read with what heads it ("h) Tổ đảng ở Thường trực Ủy ban Quốc phòng


    #                            và An ninh" above "- Tiếp tục rà soát …"); a section's heading alone answers nothing
    unit_rows: bool = True  # "Trong Phụ lục I, Bộ Nội vụ … những chỉ tiêu nào?": its rows there, read without a header
    source_note: bool = True  # a Pháp điển source note answers only a question about force or issue
    grade_floors: bool = True  # "tối thiểu … cấp độ 3" is a range, as "cấp độ 3 trở lên" is
    record_field: bool = True  # a typed question answered by a field of the record the lead opens ("- Thời hạn: …")
    case_lead_in: bool = True  # an item of "… trong các trường hợp sau:" is read with that lead-in (what holds in the case)
    body_sections: bool = True  # a section headed by another body than the one asked gives that body's tasks
    other_body: bool = True  # a sentence naming another body of the kind asked, and not the one asked, gives that body's
    #                          facts ("Ban Tổ chức Trung ương" when the Ban Đối ngoại Trung ương is asked)
    whole_sentences: bool = True  # a sentence cut for its length is quoted with its short tail ("(LGSP).")
    merged_cells: bool = True  # a table's cell written alone is read with the row above, whose merged cells it shares
    given_terms: bool = True  # a term the question states ("kế hoạch 5 năm … bao lâu?") does not answer "bao lâu?"
    rate_property: bool = True  # a rate asked of what its population has ("có chữ ký số") needs a sentence naming it
    listed_bodies: bool = True  # "gồm những cơ quan nào?" is answered by a sentence naming two bodies or more
    block_fields: bool = True  # "c) Thời gian thực hiện: …" is read with the task block above it ("a) Nhiệm vụ: …")
    title_lines: bool = True  # an article's title line ranks below its content, unless the article itself is asked
    round_the_clock: bool = True  # "24/7" gives hours and days ("theo chế độ bao nhiêu giờ, bao nhiêu ngày?")
    other_type: bool = True  # a sentence (with its record and lead-in) on making an act of another type than the one asked
    #                          ("- Nghị định …" when a Thông tư is asked) does not answer
    cited_basis: bool = True  # "Căn cứ …" is a recital only when it cites an instrument ("Căn cứ vào điều kiện …, …" answers)
    recital_dates: bool = True  # a recital citing a document states its date and issuer ("Căn cứ Quyết định số …, ngày …")
    row_figures: bool = True  # a figure alone in a table's cell counts ("Đơn vị: Tổ chức; Kết quả: ≥ 3")
    duration_unit: bool = True  # "bao nhiêu giờ?" is answered by a term in hours ("tiếng"), not one in years
    numbered_items: bool = True  # the numbered khoản after a lead-in ending in ':' are its items ("1." cut off alone)
    counted_forms: bool = True  # a "%" unit column gives a share; "11 cơ sở dữ liệu" counts "bao nhiêu kho dữ liệu"
    unindexed_content: bool = True  # what a document the index does not hold says is not answered from one citing it
    own_horizon: bool = True  # a sentence stating other target years ("Đến năm 2030, …") does not give those asked
    level_named: bool = True  # a passage answers of a level of government asked only if it names that level
    qualifiers: bool = True  # a sentence saying a fellow of a qualifier asked ("cơ bản" for "nâng cao") answers nothing
    asked_rows: bool = True  # a table row asked by its number in a named document answers, whatever words it shares
    recital_lists: bool = True  # "căn cứ vào những nghị quyết nào?": the recitals quoted, twice the sentences
    field_lead_in: bool = True  # "văn bản nào …?" answered by "+ Nội dung: …": read under its item ("- Nghị định …")
    one_year: bool = True  # a figure asked of one year is not given by a sentence of other years or of a period
    named_years: bool = True  # "Giải thưởng … (VDA) năm 2024" is not answered by a sentence of the 2023 award
    achieved: bool = True  # "thực tế đã đạt được bao nhiêu?" is not answered by a sentence setting a target
    quarters: bool = True  # a sentence stating only other quarters ("Quý I/2025: …") does not answer of "quý II"
    grades: bool = True  # a sentence answers of a grade asked ("cấp độ 4") only if it (or its heading) states that grade
    paragraph_heading: bool = True  # … and a paragraph with the short heading item above it ("4. Sở Văn hoá, Thể thao và
    #                            Du lịch" / "Định hướng các cơ quan truyền thông …"), which alone answers nothing


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


def other_body_section(bodies: tuple[str, ...], heading: str) -> bool:
    """Whether a section is headed by a body other than those asked ("VI. 1. Sở Khoa học và Công nghệ" when the Sở Xây
    dựng is): in a plan's "Tổ chức thực hiện" each body's section gives that body's tasks."""
    own = body_heading(heading)
    return bool(own) and not names_body(bodies, own)


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


# a day: "ngày 26 tháng 6", "26/6/2025", "kể từ ngày ký / ban hành / công bố"
_DAY = re.compile(r"\bngày\s+(?:\d|ký|ban hành|công bố|thông qua|đăng)|\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\bngay\s+\d", re.I)
_READ_WITH_LEAD_IN = (NUMBER, DATE, DURATION, ORGANISATION, PERSON)
# a lead-in whose items are cases: "… có quyền chấm dứt … trong các trường hợp sau:", "… khi thuộc một trong các trường hợp
# sau đây:"
CASES_LEAD_IN = re.compile(r"\b(?:các|những) trường hợp (?:sau|dưới đây)(?: đây)?\s*:\s*$", re.I)


def answers_type(query: Query, cand: Candidate) -> bool:
    """Whether a chosen sentence gives what a date/duration/figure question asks: the type itself, or for
    a plain "khi nào" a condition ("khi …", "trường hợp …")."""
    return cand.type_match or (query.or_condition and bool(CONDITION_IN_TEXT.search(cand.text)))


_SCOPE_ARTICLE = re.compile(r"^Điều \d+\w?\.\s*Phạm vi điều chỉnh\s*$", re.I)


def candidates(
    query: Query, passages: list[Passage], weight, rules: SelectRules = SelectRules(), groups: Mapping[str, str] = MappingProxyType({}),
    rows_before: Mapping[str, str] = MappingProxyType({}),
) -> list[Candidate]:
    """Sentences (and list blocks) of the passages that may answer the query, best first. ``groups``: chunk id → the
    group rows its table rows are read under (see tables.group_rows); ``rows_before``: chunk id → the table row above a
    passage that starts with cells written alone (see tables.row_before)."""
    found: list[Candidate] = []
    exact = query.exact
    sections = bool(query.definition or query.sections)
    named = documents_named(query) if rules.named_documents and query.answer_type != VALIDITY else []
    measured = measured_forms(query) if rules.rate_of and query.measured else set()
    # what a rate's population has ("chu ky" of "… có chữ ký số"), with its short forms: a sentence giving the rate names it
    properties = property_forms(query) if rules.rate_property and query.measured_property else set()
    asked_numbers = tuple(n.lower() for n in query.numbers)
    # the bodies the question names by kind and name, and their kinds; not those a "ngoài X, …" question sets aside
    # (a question asking which body, "sở nào …, sở KH&CN hay sở TT&TT?", is answered by one of that kind; one asking
    # which document describes what it says with the body, the passage need not repeat it)
    asks_bodies = rules.listed_bodies and query.answer_type == LIST and query.listed in BODY_NOUNS
    body_kinds = query.body_kinds if (
        rules.other_body and not query.besides and not asks_bodies
        and query.answer_type not in (ORGANISATION, PERSON, DOCUMENT)
    ) else frozenset()
    asked_bodies = distinct_bodies(query.bodies) if body_kinds else ()
    # the types of legal act the question names as a thing made ("ban hành thông tư hướng dẫn …"), when it asks no document
    other_types = query.made_types if rules.other_type and query.answer_type != DOCUMENT else ()
    # a recital citing a document the question asks the date or issuer of states them: "Căn cứ Quyết định số
    # 204-QĐ/TW, ngày 29/11/2024 của Ban Bí thư …" answers "Quyết định 204-QĐ/TW … ban hành ngày nào?"
    asks_cited = rules.recital_dates and (query.wants_issue_date or query.wants_issuer)
    folded_query = f" {normalized(query.expanded, False).strip()} "
    # the terms a "bao lâu?" question states of what it asks about ("kế hoạch … 5 năm"), which do not answer it
    given = query.given_terms if rules.given_terms else frozenset()
    run_terms = {t: w for t, w in query.terms.items() if not t.startswith(EXACT_PREFIX)} if (
        rules.run_list and query.answer_type == LIST
    ) else {}
    # a document's retrieved passages, where its target years (and a news item's names) are looked for
    read_with: dict[str, str] = {}
    for passage in passages if query.horizons or (rules.news_context and query.required) else ():
        read_with[passage.chunk.doc_id] = f"{read_with.get(passage.chunk.doc_id, '')} {passage.chunk.text}"
    # each section's retrieved passages, where a task block's lettered fields are read ("c) Thời gian thực hiện: …")
    sections_read: dict[tuple[str, str], str] = {}
    for passage in passages if rules.block_fields and query.answer_type in _FIELD_TYPES else ():
        key = (passage.chunk.doc_id, passage.chunk.section_heading)
        sections_read[key] = f"{sections_read.get(key, '')} {passage.chunk.text}"
    for i, passage in enumerate(passages):
        chunk = passage.chunk
        # a passage is read with its document's title, số hiệu and issuer ("báo cáo của Đảng ủy Chính phủ …")
        group = groups.get(chunk.chunk_id, "")
        # … and a table passage with the group rows it is read under ("II | Giai đoạn 2028-2030"): the period a
        # question names is the group's
        context = normalized(
            f"{chunk.doc.title} {chunk.doc.number} {chunk.doc.issuer} {chunk.section_heading}"
            f"{f' {group}' if rules.table_group and query.horizons else ''}", exact,
        )
        together = read_with.get(chunk.doc_id, "")
        inherited = inherited_group(chunk.text, group) if rules.table_group and query.horizons else ""
        if rules.required_names and not names_required(
            query, chunk, weight, f"{together} {group}", rules.required_bodies, rules.dated_years, rules.news_context,
            rules.horizon_heading, group,
        ):
            continue
        if not accounts_for_documents(named, chunk):
            continue  # "Kế hoạch 3260 … sửa đổi Luật Giao dịch điện tử": a passage of 3260 naming that law
        if rules.body_sections and query.bodies and other_body_section(query.bodies, chunk.section_heading):
            continue  # "VI. 1. Sở Khoa học và Công nghệ" gives that body's tasks, not those of the Sở Xây dựng asked
        if rules.required_names and query.meetings and other_meeting(query.meetings, f"{chunk.doc.title} {chunk.text}"):
            continue  # "phiên họp thứ hai" is not answered by the account of "Phiên họp thứ nhất"
        if rules.meeting_dates and query.meetings and query.answer_type == DATE and not names_meeting(
            query.meetings, f"{chunk.doc.title} {chunk.heading} {chunk.text}"
        ):
            continue  # "… họp phiên thứ hai vào ngày nào?": a date in a passage that does not name that meeting is another's
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
        # a table's cells written alone (merged cells) exist only in a passage holding rows or the row above it
        before = rows_before.get(chunk.chunk_id, "")
        tabled = rules.merged_cells and (bool(before) or CELL_SEPARATOR in chunk.text)
        # "… điều nào quy định về X?": the article titled X answers
        titled = title_match(query, chunk.section_heading) if query.wants_article and rules.answer_type else 0.0
        # "ai là người ký …?", "… gửi cho những nơi nào?": the signature block, the "Nơi nhận" list of the named document
        closing = ((rules.signer and query.wants_signer, signature_block), (rules.recipients and query.wants_recipients, recipients_block))
        for wanted, block_of in closing:
            block = block_of(chunk.text) if wanted and names_document(query, chunk.doc.number) else None
            if block:
                text = "\n".join(line.strip() for line in chunk.text[block[0] : block[1]].split("\n") if line.strip())
                found.append(Candidate(i, block, text, 1.0 + passage_cov, passage_cov, passage_cov, True))
        if rules.level_named and query.levels and not names_level(query.levels, f"{chunk.heading}\n{chunk.text}"):
            continue  # "Chủ tịch UBND cấp huyện …" is not answered by a passage that names no huyện
        spans = quotes(
            chunk.text, chunk.sentence_spans, sections, query.answer_type == LIST, rules.section_titles, rules.paragraph_heading,
            rules.numbered_items, rules.whole_sentences,
        )
        for start, end, is_list in spans:
            text = chunk.text[start:end].strip()
            cited = asks_cited and mentions_document(query, text)
            if rules.boilerplate and boilerplate(text, query.wants_issue_date, query.wants_recital or cited, rules.cited_basis):
                continue
            if rules.boilerplate and not query.wants_code and _PROVENANCE.match(text) and not notes_force(query, rules.source_note):
                continue  # the source note of a codified article answers only its source's số hiệu and its force
            if rules.boilerplate and not is_list and not query.wants_recital and (text.endswith(":") or _LEAD_IN_END.search(text)):
                continue  # a lead-in ("… quy định … như sau:") without what it leads in answers nothing (save the
                #           enacting words "Theo đề nghị của … tại Tờ trình số …, UBND tỉnh ban hành …, cụ thể như sau:")
            if rules.item_heading and not is_list and heads_section(chunk.text, start, end, rules.paragraph_heading):
                continue  # "i) Tổ đảng ở Thường trực Ủy ban Văn hóa, Giáo dục" names a section; its items answer
            # a table's cell written alone: its row's merged cells are those of the row above ("Dữ liệu phiên giao lưu
            # trực tuyến" under "7 | Dữ liệu công tác xuất bản | … | Nhà xuất bản Chính trị quốc gia Sự thật")
            carried = carried_row(chunk.text, start, end, before) if tabled and not is_list else ""
            if carried:
                above_at = chunk.text.rfind(carried, 0, start)
                header = header_of(chunk, above_at) if rules.table_header and above_at >= 0 else ""
                carried = labelled_row(carried, header) if header else carried
                if query.answer_type != LIST:
                    text = f"{carried} … {text}"  # (for a list, the row is the section its cells are listed under)
            if rules.table_group and query.horizons:
                # (with own_horizon, also the period heading stored with a passage that starts under it: "- Giai đoạn
                # 2028-2030" above "- 50% dịch vụ công trực tuyến thiết yếu …" in the passage before)
                stored = stored_lead_in(chunk) if rules.own_horizon else ""
                above = horizon_above(chunk.text, start, inherited or stored)
                if not above and rules.own_horizon and not re.search(r"\b(?:19|20)\d\d\b", text):
                    # a plan's target with no year of its own is of its section's horizon ("1. Phát triển kinh tế số
                    # đến năm 2030"), or of its document's period ("… giai đoạn 2026-2030")
                    above = horizon_years(chunk.section_heading) or horizon_years(chunk.doc.title)
                if above and not set(above) & set(query.horizons):
                    continue  # a row of "I | Giai đoạn 2025-2027" does not give the target of 2028-2030
            if rules.own_horizon and query.horizons:
                own = horizon_years(text)
                if own and not set(own) & set(query.horizons):
                    continue  # "Đến năm 2030, kinh tế số … chiếm khoảng 30% GRDP" does not give the target of 2025
            if rules.table_header and CELL_SEPARATOR in text and not carried:
                header = header_of(chunk, start)
                if header == text or opens_table(chunk, start, text):
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
            section = section_of(chunk, start, rules.paragraph_heading) if rules.item_heading else ""
            section = section or (carried if query.answer_type == LIST else "")
            if section:
                read = coverage(query.terms, evidence_text(f"{section} {text}", exact) + context, query.alternates)
                if read > sent_cov:  # the item is of the section the question asks about: quoted under its heading
                    text, sent_cov = f"{section} … {text}", read
            elif is_list and rules.item_heading and "\n" in text and heads_section(text, 0, text.find("\n")):
                section = text[: text.find("\n")]  # a section quoted with its items
            block_cov = 0.0
            if rules.block_fields and not section and query.answer_type in _FIELD_TYPES:
                # (with the section's other passages retrieved: the block's task may open in the passage before)
                block = block_of_field(chunk, start)
                if block:
                    block = f"{sections_read.get((chunk.doc_id, chunk.section_heading), '')} {block}"
                    block_cov = coverage(query.terms, evidence_text(f"{block} {text}", exact) + context, query.alternates)
            if rules.government_level and query.levels and other_level(query.levels, f"{lead_in_of(chunk, start)} {text}"):
                continue  # "Chủ tịch Ủy ban nhân dân cấp tỉnh có quyền …" does not answer of "cấp huyện"
            if body_kinds:
                read = f"{lead_in_of(chunk, start)} {section} {carried} {text} {chunk.section_heading}"
                if not names_asked_body(asked_bodies, read) and names_other_body(body_kinds, asked_bodies, read):
                    continue  # "Cơ quan chủ quản dữ liệu: Ban Tổ chức Trung ương" is not asked of the Ban Đối ngoại
            if other_types and names_other_act(other_types, f"{lead_in_of(chunk, start)} {item_of_field(chunk, start)} {section} {text}"):
                continue  # "- Nghị định quy định chi tiết … / - Thời hạn ban hành: …" does not give when a Thông tư is due
            if rules.qualifiers and query.qualifiers and other_qualifier(query.qualifiers, fold_diacritics(text.lower())):
                continue  # "… đạt chứng chỉ quản trị dữ liệu cơ bản" does not give the share for the "nâng cao" one
            if rules.achieved and query.achieved and states_target_only(
                fold_diacritics(f"{chunk.heading} {lead_in_of(chunk, start)} {text}".lower()), horizon_years(text)
            ):
                continue  # "Tỷ lệ phủ sóng 5G … đạt 100% dân số" under "… đến năm 2030 với các mục tiêu" is no result achieved
            if rules.one_year and query.year and states_other_years(f"{lead_in_of(chunk, start)} {text}", query.year):
                continue  # "Từ năm 2019 đến nay, … hơn 844 tỷ đồng" does not give what was spent in 2024 alone
            if rules.named_years and query.named_years and other_named_year(query.named_years, text):
                continue  # "Giải thưởng Chuyển đổi số Việt Nam 2023 (VDA)" does not answer of the 2024 award
            if rules.quarters and query.quarters and other_quarter(
                query.quarters, fold_diacritics(f"{lead_in_of(chunk, start)} {text}".lower())
            ):
                continue  # "Quý I/2025: Tổng doanh số 101.400 tỷ đồng" does not give the sales of quý II
            if rules.grades and query.grades and not states_grade(
                query.grades, fold_diacritics(f"{chunk.heading} {lead_in_of(chunk, start)} {text}".lower()), rules.grade_floors
            ):
                continue  # "… đạt cấp độ 3 mức độ trưởng thành" does not give the share reaching "cấp độ 4"
            typed = carries(
                query.answer_type, text, passage, query.unit, query.ordinal, query.kind, asked_numbers, run_terms, exact,
                rules.number_words, rules.duration_unit, rules.row_figures, query.counted_phrase, rules.counted_forms,
                rules.round_the_clock,
            )
            if not typed and rules.time_or_term and query.or_date:
                typed = carries(DATE, text, passage, named=asked_numbers)  # "trong thời gian nào?": "trong năm 2025"
            bodies_listed = not typed and asks_bodies and lists_bodies(text)
            if bodies_listed:  # "cơ quan phối hợp gồm những cơ quan nào?": "… Văn phòng Chính phủ, Bộ Tư pháp"
                typed = True  # (bodies named need no head naming the noun asked: "những trường nào?" — "Đại học …")
            if typed and (measured or properties):
                # a rate answers only if it is of what the question measures: "tỷ trọng kinh tế số trong GRDP" is not
                # answered by "tỷ trọng đào tạo các ngành STEM … 30%"; nor, of what its population has, "tỷ lệ dân số
                # trưởng thành có chữ ký số" by "tỷ lệ dân số trưởng thành có tài khoản thanh toán …"
                folded = normalized(text, False)
                typed = all(any(f" {form} " in folded for form in forms) for forms in (measured, properties) if forms)
            if typed and rules.alone and query.alone and not names_alone(text, query.alone):
                typed = False  # "riêng MobiFone … bao nhiêu trạm?" is not answered by the figure of "(Viettel, VNPT, Mobifone)"
            if typed and rules.day and query.day and not _DAY.search(dates_text(text, asked_numbers)):
                typed = False  # "Luật … được thông qua vào ngày nào?" is not answered by "Thời gian thực hiện: Tháng 12/2026"
            if typed and rules.besides and query.besides and not names_other_than(
                query.besides, ORGANISATION if query.listed in BODY_NOUNS else query.answer_type, text, " chu tri " in folded_query
            ):
                typed = False  # "Ngoài Bộ Công an, cơ quan nào …?" is not answered by "Cơ quan thực hiện: Bộ Công an"
            if typed and given and not gives_other_term(text, given):
                typed = False  # "kế hoạch 5 năm … gửi trong hạn bao lâu?" is not answered by "Kế hoạch 5 năm và …"
            if typed and rules.bound and query.bound and states_other_bound(text, query.bound):
                typed = False  # "tạm ngừng tối đa bao nhiêu ngày?" is not answered by "thông báo ít nhất 7 ngày làm việc"
            if typed and rules.list_noun and query.listed and not bodies_listed:
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
                    elif rules.duty_title and query.answer_type == ORGANISATION and not typed:
                        # "bộ nào … vận hành Cổng Dịch vụ công quốc gia?": a clause of "Điều 83. Trách nhiệm của Bộ Công an"
                        title = duty_title(chunk.section_heading)
                        if title and carries(ORGANISATION, title, passage, query.unit, query.ordinal, query.kind, asked_numbers):
                            lead, typed, text = title, True, f"{title} … {text}"
            if rules.case_lead_in and not lead and query.answer_type != LIST and LIST_ITEM.match(text):
                # "d) … nội dung thống nhất chia sẻ dữ liệu hết hiệu lực." is a case of "Chủ quản dữ liệu … có quyền chấm
                # dứt việc kết nối … trong các trường hợp sau:": what holds in that case is said by the lead-in
                above = lead_in_of(chunk, start)
                if above and CASES_LEAD_IN.search(above):
                    lead, text = above, text if text.startswith(f"{above} … ") else f"{above} … {text}"
            if rules.field_lead_in and query.answer_type == DOCUMENT and not lead and asks_document_itself(
                normalized(query.text, False)
            ):
                # "văn bản nào sẽ quy định chi tiết khoản 7 Điều 8?": the document whose "- Nội dung: …" says so
                above = item_of_field(chunk, start)
                if above and carries(DOCUMENT, above, passage, query.unit, query.ordinal, query.kind, asked_numbers):
                    lead, typed, text = above, True, f"{above} … {text}"
            # "Trách nhiệm của Văn phòng Chính phủ" heads Điều 82: its words answer, not its title
            title_cut = 0.02 if rules.title_lines and not (query.wants_article or query.wants_heading) and is_title_line(chunk, text) else 0.0
            if block_cov > sent_cov and typed and not lead:  # "c) Thời gian thực hiện: …" gives, by its own words,
                sent_cov = block_cov  # the deadline of the task its block names
            score = 0.6 * sent_cov + 0.4 * passage_cov - 0.01 * i + (0.15 if from_named else 0.0) + 0.5 * titled - title_cut
            if query.row_number and re.match(rf"\s*{query.row_number}\.?\s*\|", chunk.text[start:end]):
                score += 0.5  # "nhiệm vụ số 75": the row numbered 75, before rows that share more words
            if rules.named_clause and from_named and any(in_clause(chunk.label, c) for c in query.clauses):
                score += 0.15  # "Khoản 2 Điều 17 …": the khoản named, before the article's others
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
            row = not is_list and (CELL_SEPARATOR in chunk.text[start:end] or bool(carried))
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
