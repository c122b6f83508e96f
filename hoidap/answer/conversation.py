"""Follow-up questions resolved against the conversation (extractive mode: no model rewrites anything).

"còn năm 2025 thì sao?" after "… đến năm 2030?" becomes the previous question with the year replaced;
"văn bản đó do ai ban hành?" names the document the previous answer cited first. The resolved question
stays Vietnamese and is shown to the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.lexicon import (
    ANAPHORS,
    DOC_TYPES,
    CONTRASTED_SUBJECTS,
    DEMONSTRATIVES,
    DOCUMENT_NOUNS,
    EVENT_NOUNS,
    PLACE_NOUNS,
    PROVINCES,
    SOURCE_WORDS,
)
from hoidap.answer.followup_forms import (
    CONFIRMING,
    DOC_REF,
    DOC_REF_YEAR,
    ELLIPTICAL,
    LEAD,
    MORE,
    PERIOD,
    TAIL,
    WHY,
    WHY_WORDS,
    alternatives,
    as_named,
    asked_of_body,
    asks_another_document,
    asks_where,
    corrected,
    item_position,
    names_document,
    narrowed_to,
    other_named_document,
    switched_document,
    switched_role,
    without_documents,
)
from hoidap.answer.next_row import next_row_question
from hoidap.query import OTHER
from hoidap.query.asked import answer_type_of, aspect_only
from hoidap.query.documents import about_document, validity_asked
from hoidap.terms import YEAR
from ingest.metadata import find_numbers, number_type
from ingest.normalize import fold_diacritics


_DEMONSTRATIVE = alternatives(DEMONSTRATIVES)
_DEMONSTRATIVE_DOC = re.compile(
    rf"\b({alternatives(DOCUMENT_NOUNS + EVENT_NOUNS)})\s+({_DEMONSTRATIVE})(?!\w)", re.I
)
_DEMONSTRATIVE_PLACE = re.compile(rf"\b({alternatives(PLACE_NOUNS)})\s+({_DEMONSTRATIVE})(?!\w)", re.I)
_ANAPHOR = re.compile(rf"(?<!\w)({alternatives(ANAPHORS)})(?!\w)", re.I)
_IT = re.compile(r"(?<!\w)nó(?!\w)", re.I)
# "Quay lại câu đầu — …", "Trở lại câu hỏi đầu tiên, …": a follow-up about the conversation's first question
_BACK_TO_FIRST = re.compile(
    r"^\s*(?:quay lại|quay về|trở lại|trở về|về lại|quay lai|tro lai)\s+(?:với\s+)?(?:câu|câu hỏi|cau|cau hoi)\s+"
    r"(?:đầu tiên|đầu|ban đầu|thứ nhất|dau tien|dau|ban dau|thu nhat)\s*[,:;—–-]*\s*",
    re.I,
)


@dataclass
class Turn:
    """What a follow-up can refer to: the resolved question and the documents its answer cited."""

    question: str
    cited_documents: list[str]  # "Luật Giao dịch điện tử (20/2023/QH15)", most important first
    answered: bool = True  # False: the question was refused; cited_documents are those of the last answer before
    first_question: str = ""  # the conversation's first question, when this is a later one ("Quay lại câu đầu, …")
    first_documents: list[str] = field(default_factory=list)  # … the documents its answer cited
    first_answered: bool = True  # … and whether it was answered
    cited_label: str = ""  # the unit the answer led with ("Điều 15, khoản 3"), of cited_documents[0]
    next_row: str = ""  # the table row after the one the answer led with, when it led with a row ("5 | Tỷ lệ … | …")

    def then(
        self, question: str, cited_documents: list[str], answered: bool = True, cited_label: str = "", next_row: str = ""
    ) -> "Turn":
        """The turn after this one: ``question``, and this conversation's first question kept."""
        if self.first_question:
            first = (self.first_question, self.first_documents, self.first_answered)
        else:
            first = (self.question, self.cited_documents, self.answered)
        return Turn(question, cited_documents, answered, *first, cited_label=cited_label, next_row=next_row)

    def first(self) -> "Turn":
        """The conversation's first turn (this one when it is the first)."""
        return Turn(self.first_question, self.first_documents, self.first_answered) if self.first_question else self


_POINTED = re.compile(rf"(?<!\w)((?:\w+\s+)?\w+)\s+(?:{_DEMONSTRATIVE})(?!\w)", re.I)  # "chỉ tiêu này", "các tổ đó"
# where a noun phrase of a question ends: its predicate or question word
_PHRASE_END = re.compile(
    r"(?<!\w)(?:là|có|được|bị|do|phải|cần|đã|sẽ|thì|theo|của|gồm|bao gồm|thuộc|những|các|bao nhiêu|bao giờ|nào|gì|mấy|"
    r"khi|ở|tại)(?!\w)|[,.;:?!()]",
    re.I,
)


_THEN_ASKED = re.compile(r"^(.{3,120}?)\s+thì sao\s*,\s*(.{4,})$", re.I)  # "<X> thì sao, <a question of its own>"
_OWN_PREDICATE = re.compile(r"^(.{3,80}?)\s+thì\s+(.{4,})$", re.I)  # "<X> thì <a predicate of its own>"
_TASK_NOUNS = ("việc", "nhiệm vụ", "công việc", "hoạt động")
# the task a "who does it" question names: what follows its verb of assignment, to the question mark
_TASK_ASKED = re.compile(
    r"(?:ai|cơ quan nào|đơn vị nào|bộ nào|sở nào|ngành nào)\s+(?:được giao\s+|sẽ\s+|phải\s+)?"
    r"(?:chủ trì|thực hiện|phụ trách|đảm nhận|lo|làm)\s+(?:việc\s+)?([^?]{6,200}?)\s*\??\s*$",
    re.I,
)

# … or the task a yes/no question asks whether a document sets: "… có nhiệm vụ phát triển hệ thống X không?"
_TASK_CHECKED = re.compile(
    r"\b(?:có|co)\s+(?:(?:giao\s+)?nhiệm vụ|(?:giao\s+)?nhiem vu|đề ra|de ra|giao)\s+([^?]{6,200}?)\s+(?:hay\s+)?(?:không|khong)\s*\??\s*$",
    re.I,
)


_TARGET_NOUNS = ("chỉ tiêu", "mục tiêu")
# what a figure question measures: "… bao nhiêu phần trăm <X>?", "tỷ lệ <X> đạt bao nhiêu?"
_MEASURE_ASKED = re.compile(r"(?:bao nhiêu phần trăm|bao nhiêu %|tỷ lệ|tỉ lệ|tỷ trọng)\s+([^?]{6,160}?)\s*\??\s*$", re.I)
_FIGURE_ASKED = re.compile(r"\s+(?:(?:phải |sẽ )?(?:đạt|là)\s+)?(?:bao nhiêu|mấy)\b.*$", re.I)


def _measured(previous: str) -> str:
    """What the previous question's figure measures ("dân số từ 15 tuổi trở lên có tài khoản …"), or ""."""
    found = _MEASURE_ASKED.search(previous)
    return " ".join(_FIGURE_ASKED.sub("", found.group(1)).split()) if found else ""


# a figure pointed back to, folded: "con số 90% đó", "mức đó", "tỷ lệ 80% này" (group 1: the figure, if written)
_FIGURE_POINTED = re.compile(r"(?<!\w)(?:con so|so lieu|muc|ty le|ti le)\s+(?:(\d[\d.,]*\s*%?)\s*)?(?:do|nay|ay|tren)(?!\w)")


def with_antecedent(question: str, previous: str, figures: bool = False) -> str:
    """"chỉ tiêu này giao đơn vị nào chủ trì" after "… đặt chỉ tiêu tỷ lệ hồ sơ trực tuyến là bao nhiêu?" becomes
    "chỉ tiêu tỷ lệ hồ sơ trực tuyến giao đơn vị nào chủ trì": a noun pointed back to with này/đó/ấy stands for
    the phrase that noun heads in the previous question (the noun and its modifiers, up to the predicate). With
    ``figures``, a figure pointed back to ("Con số 90% đó thì cơ quan nào chủ trì theo dõi?") stands for the target
    whose figure the previous question asked ("chỉ tiêu tỷ lệ bộ, ngành … đạt cấp độ 5 … 90%")."""
    folded = fold_diacritics(question.lower())
    figure = _FIGURE_POINTED.search(folded) if figures and len(folded) == len(question) else None
    measured = _measured(previous) if figure else ""
    if measured:
        phrase = f"chỉ tiêu {measured} {figure.group(1) or ''}".strip()
        return question[: figure.start()] + phrase + question[figure.end() :]
    for match in _POINTED.finditer(question):
        words = match.group(1).split()
        for size in (2, 1) if len(words) == 2 else (1,):
            noun = " ".join(words[-size:])
            at = re.search(rf"(?<!\w){re.escape(noun)}(?!\w)", previous, re.I)
            task = (_TASK_ASKED.search(previous) or _TASK_CHECKED.search(previous)) if (
                not at and noun.lower() in _TASK_NOUNS
            ) else None
            if task:  # "việc đó" after "cơ quan nào chủ trì xây dựng Khung đào tạo …?": the task asked about
                phrase = f"{noun} {' '.join(task.group(1).split())}"
                return question[: match.start()] + phrase + question[match.end() :]
            measured = _measured(previous) if not at and noun.lower() in _TARGET_NOUNS else ""
            if measured:  # "chỉ tiêu đó" after "… bao nhiêu phần trăm dân số … có tài khoản …?": what it measured
                return question[: match.start()] + f"{noun} {measured}" + question[match.end() :]
            if not at:
                continue
            rest = previous[at.end() :]
            end = _PHRASE_END.search(rest)
            modifiers = " ".join(rest[: end.start() if end else len(rest)].split()[:12])
            if not modifiers:
                break  # the noun alone: nothing to add
            lead = " ".join(words[: len(words) - size])
            phrase = f"{lead} {previous[at.start() : at.end()]} {modifiers}".strip()
            return question[: match.start()] + phrase + question[match.end() :]
    return question


# "Khoản tiếp theo (của điều đó) nói gì?", "Còn điều kế tiếp?", "khoản trước đó quy định gì?": the unit beside the one
# the previous answer led with
_NEIGHBOUR = re.compile(
    r"(?<!\w)(khoản|điều|khoan|dieu)\s+(tiếp theo|kế tiếp|liền sau|sau đó|sau|trước đó|liền trước|trước|"
    r"tiep theo|ke tiep|lien sau|sau do|truoc do|lien truoc|truoc)(?!\w)",
    re.I,
)
_LABEL = re.compile(r"^Điều\s+(\d+)\w?(?:,\s*khoản\s+(\d+))?")
NEIGHBOUR_WORDS = 14  # a longer question asks something of its own


def neighbour_unit(question: str, label: str) -> str:
    """The unit a follow-up asks beside the one an answer led with ("Khoản tiếp theo của điều đó nói gì?" after "Điều
    15, khoản 3" → "Khoản 4 Điều 15"; "Điều trước đó?" → "Điều 14"), or "" (no such follow-up, no unit to count from,
    a khoản asked of an article cited whole)."""
    found = _NEIGHBOUR.search(question)
    numbered = _LABEL.match(label)
    if not found or not numbered or len(question.split()) > NEIGHBOUR_WORDS or find_numbers(question):
        return ""
    step = -1 if fold_diacritics(found.group(2).lower()).startswith(("truoc", "lien truoc")) else 1
    article, clause = int(numbered.group(1)), numbered.group(2)
    if fold_diacritics(found.group(1).lower()) == "dieu":
        return f"Điều {article + step}" if article + step >= 1 else ""
    if clause is None or int(clause) + step < 1:
        return ""
    return f"Khoản {int(clause) + step} Điều {article}"


# "Điều đó", "khoản này", "điều vừa nêu": the unit an answer led with, pointed back to
_POINTED_UNIT = re.compile(
    r"(?<!\w)(điều|khoản|dieu|khoan)\s+(?:đó|này|ấy|nọ|trên|vừa rồi|vừa nêu|vừa trích|do|nay|ay|tren|vua roi|vua neu)(?!\w)",
    re.I,
)


# "Điều nào", "khoản mấy", "điều khoản nào": a question asking which unit says something; its "điều đó" is that thing
# ("Điều nào trong luật quy định điều đó?"), not the unit the previous answer led with
_UNIT_ASKED = re.compile(r"(?<!\w)(?:điều|khoản|dieu|khoan)(?:\s+(?:khoản|khoan))?\s+(?:nào|nao|mấy|may)(?!\w)", re.I)


# "Khoản 1 Điều 8", "khoản 2 điều 15", "Điều 9": the unit a question names (khoản first, or the article alone)
_ASKED_UNIT = re.compile(r"(?<!\w)(?:khoản\s+(\d+)\s+(?:của\s+)?)?Điều\s+(\d+)(?!\w)", re.I)


def asked_label(question: str) -> str:
    """The unit a question names, written as an answer's label ("Điều 8, khoản 1" for "Khoản 1 Điều 8 Thông tư …"), when
    it names exactly one article of exactly one document; "" otherwise."""
    units = _ASKED_UNIT.findall(question)
    if len(units) != 1 or len(set(find_numbers(question))) != 1:
        return ""
    clause, article = units[0]
    return f"Điều {article}, khoản {clause}" if clause else f"Điều {article}"


def pointed_unit(question: str, label: str, document: str) -> str:
    """A follow-up naming the unit the previous answer led with by "điều đó" / "khoản này", with that unit named
    ("Điều đó tên là gì?" after an answer led by "Điều 16, khoản 1" of Quy định 384-QĐ/TW → "Điều 16 Quy định 384-QĐ/TW
    tên là gì?"), or "" (no such follow-up, no unit, a khoản asked of an article cited whole)."""
    found = _POINTED_UNIT.search(question)
    numbered = _LABEL.match(label)
    if not found or not numbered or not document or find_numbers(question) or len(question.split()) > NEIGHBOUR_WORDS:
        return ""
    if _UNIT_ASKED.search(question):
        return ""  # "Điều nào trong luật quy định điều đó?": the unit is asked, "điều đó" is what the previous answer said
    article, clause = numbered.group(1), numbered.group(2)
    if fold_diacritics(found.group(1).lower()) == "dieu":
        unit = f"Điều {article}"
    elif clause:
        unit = f"khoản {clause} Điều {article}"
    else:
        return ""
    unit = unit[:1].upper() + unit[1:] if found.start() == 0 else unit
    return f"{question[: found.start()]}{unit} {document}{question[found.end() :]}"


def resolve(question: str, previous: Turn | None, antecedent: bool = True) -> str:
    """The question to answer: itself, or completed from the previous turn when it is a follow-up.
    ``antecedent``: a noun pointed back to stands for its phrase in the previous question (with_antecedent)."""
    return resolutions(question, previous, antecedent)[0]


def resolutions(
    question: str, previous: Turn | None, antecedent: bool = True, ellipsis: bool = True, topic_fallback: bool = False,
    switch_document: bool = False, why: bool = False, confirm: bool = False, correction: bool = False, roles: bool = False,
    more: bool = False, own_task: bool = False, another_document: bool = False, body_alone: bool = False,
    where: bool = False, narrowing: bool = False, items: bool = False, figures: bool = False, neighbours: bool = False,
    asked_neighbours: bool = False, other_document: bool = False,
    pointed: bool = False, next_rows: bool = False, other_place: bool = False,
) -> list[str]:
    """The readings of a follow-up to try in turn, the likeliest first. A back-reference read in the frame of the
    document the previous answer cited ("… (theo Quyết định 2629/QĐ-TTg)?") is also read without that frame: the
    frame is a guess, and the passage answering may be in another document. With ``ellipsis``, a follow-up that asks
    only an aspect ("Hạn chót là khi nào?", "Cơ quan nào chủ trì?") is read about the previous question's topic (and
    in the document its answer cited when that topic names no số hiệu). With ``topic_fallback``, a follow-up that
    points back to nothing and names no document ("Tóm lại: đến mốc nào thì phải đạt 100%?") is read, when it is not
    answered alone, about the previous question's topic in the document its answer cited. With ``switch_document``,
    "Còn bên NĐ 174 thì sao?" asks the previous question of Nghị định 174 (switched_document). With ``why``, a short
    "tại sao / vì sao" follow-up pointing back ("Tại sao lại cần xây cái đó?") asks what the previous question's topic
    is for: the sentence that answered it often says ("… xây dựng một trung tâm dữ liệu … để hỗ trợ hạ tầng …"). With
    ``confirm``, "Vậy là …, đúng không?" is answered by the previous question asked again (its answer says what holds);
    with ``correction``, "À nhầm, ý tôi là X chứ không phải Y" is read as "ý tôi là X". With ``roles``, "Thế đơn vị phối
    hợp là ai?" after "… ai chủ trì X?" asks who coordinates X (switched_role); with ``more``, "Còn … nào nữa không?"
    asks the previous question again (the service then quotes more: asks_for_more). With ``own_task``, "Thế còn Sở Xây
    dựng thì được giao việc gì?" is a question of its own about Sở Xây dựng, in the previous question's frame; and a
    follow-up naming another period ("Vậy sang giai đoạn 2028-2030 thì … bao nhiêu?") asks the previous question of it.
    With ``another_document``, "Có văn bản nào khác quy định giống vậy không?" asks the previous question without the
    documents it named (the service leaves out those its answer cited). With ``body_alone``, a follow-up that is only a
    body's name ("Bộ Quốc phòng?") asks the previous question of that body, in place of the body it named or asked
    ("cơ quan nào …"). With ``where``, "Ở mục nào vậy?" asks the previous question again (the service names the section
    of each source: Query.where). With ``narrowing``, "Chỉ tính cấp huyện thôi thì sao?" asks the previous question of
    that alone. With ``items``, "Loại thứ tư trong danh sách đó là gì?" asks the previous question again (the service
    leads the answer with that item: Query.item). With ``figures``, a figure pointed back to ("Con số 90% đó thì cơ quan
    nào chủ trì?") stands for the target the previous question asked the figure of (with_antecedent). With
    ``neighbours``, "Khoản tiếp theo của điều đó nói gì?" asks what the unit beside the one the previous answer led with
    says ("Khoản 4 Điều 15 Quy định 384-QĐ/TW quy định gì?": neighbour_unit); with ``pointed``, "Điều đó tên là gì?"
    asks of the unit that answer led with ("Điều 16 Quy định 384-QĐ/TW tên là gì?": pointed_unit); with
    ``asked_neighbours``, the unit beside the one the previous question named ("Khoản 1 Điều 8 Thông tư 38/2016 …" →
    "Khoản 2 Điều 8 Thông tư 38/2016/TT-BTTTT"), before the one its answer led with; with ``other_document``, "Thế văn
    bản kia …?" asks of the other of two documents the previous question named (other_named_document). With
    ``next_rows``, "Còn chỉ tiêu ở dòng ngay sau đó …?" asks of the table row after the one the previous answer led with,
    named by what it describes (next_row_question)."""
    if previous is None:
        return [question]
    if next_rows and previous.next_row:
        below = next_row_question(question, previous.next_row, previous.cited_documents[0] if previous.cited_documents else "")
        if below:
            return [below]
    asked_unit = asked_label(previous.question) if asked_neighbours else ""
    unit = neighbour_unit(question, asked_unit or previous.cited_label) if neighbours and (
        previous.cited_documents or asked_unit
    ) else ""
    if unit:
        document = as_named(previous.question, find_numbers(previous.question)[0]) if asked_unit else ""
        return [f"{unit} {document or previous.cited_documents[0]} quy định gì?"]
    if other_document:  # "Thế văn bản kia quy định sao?": the other document the previous question named
        question = other_named_document(question, previous.question, previous.cited_documents) or question
    named = pointed_unit(question, previous.cited_label, previous.cited_documents[0]) if (
        pointed and previous.cited_documents and not _source_only(question)  # "Trích nguyên văn khoản đó": quoted below
    ) else ""
    if named:
        return [named]
    if body_alone:
        asked = asked_of_body(question, previous.question)
        if asked:
            return asked
    if items and item_position(question):  # "Loại thứ tư trong danh sách đó là gì?": the list again (Query.item)
        return [previous.question]
    narrowed = narrowed_to(question) if narrowing else ""
    if narrowed:  # "Chỉ tính cấp huyện thôi thì sao?": the previous question of cấp huyện alone
        return [f"{previous.question.rstrip(' ?.')} ({narrowed})?"]
    if where and asks_where(question):  # "Ở mục nào vậy?": the previous question, answered with where it is written
        return [previous.question]
    if another_document and asks_another_document(question):
        return [without_documents(previous.question)]
    switched = switched_document(question, previous.question, previous.cited_documents) if switch_document else ""
    if switched:
        return [switched]
    period, old_period = PERIOD.search(question), PERIOD.search(previous.question)
    if own_task and period and old_period and period.group(0) != old_period.group(0) and not names_document(question):
        # "Vậy sang giai đoạn 2028-2030 thì so với con số đó nâng lên bao nhiêu?": the previous question of that period
        base = previous.question
        return [base[: old_period.start()] + period.group(0) + base[old_period.end() :]]
    role = switched_role(question, previous.question) if roles else ""
    if role:  # "Thế đơn vị phối hợp là ai?" after "… ai chủ trì X?": the same asked of the other role
        return [role]
    if more and MORE.search(question) and not names_document(question):
        # "Còn khoản chi nào nữa không?", "Ngoài mấy bộ đó ra, còn gì nữa không?": the previous question, answered at length
        return [previous.question]
    if confirm and CONFIRMING.search(question) and not names_document(question):
        # "Vậy là trước ngày 15 hằng tháng đúng không?": the previous question answered again, which says what holds
        return [previous.question]
    if correction:  # "À nhầm, ý tôi là mốc năm 2045 chứ không phải 2030.": the correction, as "ý tôi là …"
        question = corrected(question)
    if why and WHY.search(question) and _ANAPHOR.search(question) and len(question.split()) <= WHY_WORDS:
        # "Tại sao lại cần xây cái đó?": what the previous question asked about, and what it is for
        return [f"{_topic(previous.question)} để làm gì?"]
    back = _BACK_TO_FIRST.match(question) if ellipsis else None
    if back and len(question) > back.end():  # "Quay lại câu đầu — hạn hoàn thành nhiệm vụ đó là khi nào?"
        question = question[back.end() :]
        question = question[:1].upper() + question[1:]
        previous = previous.first()
    if ellipsis and _source_only(question):  # "Trích nguyên văn giúp tôi": the previous question, answered with quotes
        return [previous.question]
    if ellipsis and aspect_only(question) and not find_numbers(question) and not _ANAPHOR.search(question):
        # "Hạn chót là khi nào?" after a question about a task: that task's deadline
        topic = _topic(previous.question)
        document = (find_numbers(previous.question) or previous.cited_documents or [""])[0]
        folded = _folded(question)
        if document and about_document(folded, answer_type_of(folded)):
            topic = f"theo {document}"  # "Ai ký ban hành?", "Có hiệu lực từ khi nào?": of the document, not its topic
        elif previous.cited_documents and not _names_cited(topic, previous.cited_documents[0]):
            topic = f"{topic}; theo {previous.cited_documents[0]}"
        return [f"{question.rstrip(' ?')} ({topic})?"]  # alone it cannot be understood
    if not ELLIPTICAL.search(question) and _ANAPHOR.search(question) and not find_numbers(question):
        framed = _resolved(question, previous, antecedent, ellipsis, figures=figures)
        bare = with_antecedent(question, previous.question, figures) if antecedent else question
        return [framed] if framed == bare or not framed.endswith(")?") else [framed, bare]
    resolved = _resolved(question, previous, antecedent, ellipsis, own_task, body_alone, other_place=other_place)
    if topic_fallback and resolved == question and not ELLIPTICAL.search(question) and not names_document(question):
        return [question, _in_topic(question, previous)]  # alone first: it may ask of another document
    return [resolved]


def _in_topic(question: str, previous: Turn) -> str:
    """A follow-up read about the previous question's topic and in the document its answer cited."""
    topic = _topic(previous.question)
    if previous.cited_documents and not _names_cited(topic, previous.cited_documents[0]):
        topic = f"{topic}; theo {previous.cited_documents[0]}"
    return f"{question.rstrip(' ?')} ({topic})?"


def _names_cited(topic: str, cited: str) -> bool:
    """Whether a topic names a document already: by a số hiệu, or by a short reference to the cited document's
    number ("Theo báo cáo 402, …" and "Công văn 402-CV/VPĐU" are one document, which is not named twice)."""
    if find_numbers(topic):
        return True
    numbers = find_numbers(cited)
    lead = re.match(r"\d+", numbers[0]) if numbers else None
    return bool(lead) and any(re.search(rf"\b{lead.group(0)}$", ref.group(0)) for ref in _ANY_CASE_REF.finditer(topic))


_ANY_CASE_REF = re.compile(DOC_REF.pattern, re.I)  # "theo báo cáo 402", as people type it


# a predicate asking a thing of its own: a verb of assigning or doing with "gì" / "nào" ("được giao việc gì", "làm gì")
_ASKS_OWN = re.compile(r"\b(?:duoc giao|giao|lam|phu trach|chiu trach nhiem|thuc hien|co nhiem vu)\b[^?]*\b(?:gi|nao)\b")


def _resolved(
    question: str, previous: Turn, antecedent: bool, ellipsis: bool = True, asks_own: bool = False, body_alone: bool = False,
    figures: bool = False, other_place: bool = False,
) -> str:
    documents = previous.cited_documents
    if not previous.answered:  # a refused question still sets the frame by the documents it names
        documents = find_numbers(previous.question) or [m.group(0) for m in DOC_REF_YEAR.finditer(previous.question)] or documents
    subject = _subject_document(previous.question) if antecedent else ""
    if subject:  # "NĐ 97/2008 còn hiệu lực không?" → "văn bản nào làm nó hết hiệu lực?": it is NĐ 97/2008
        documents = [subject]
        if _IT.search(question) and not find_numbers(question):
            return _IT.sub(subject, question, count=1)
    if _DEMONSTRATIVE_DOC.search(question) and documents:
        return _DEMONSTRATIVE_DOC.sub(documents[0], question, count=1)
    place = _first_name(previous.question)
    if _DEMONSTRATIVE_PLACE.search(question) and place:
        return _DEMONSTRATIVE_PLACE.sub(lambda m: f"{m.group(1)} {place}", question, count=1)
    if not ELLIPTICAL.search(question):
        # any other back-reference ("loại dữ liệu này", "cơ quan đó", "họ"): the question is read in the
        # frame of the document the previous answer cited first
        if _ANAPHOR.search(question) and documents and not find_numbers(question):
            question = with_antecedent(question, previous.question, figures) if antecedent else question
            return f"{question.rstrip(' ?')} (theo {documents[0]})?"
        return question
    asked = _THEN_ASKED.match(LEAD.sub("", question).strip(" ?"))
    if asked and answer_type_of(_folded(asked.group(2))) != OTHER:
        return f"{asked.group(1)} {asked.group(2)}?"  # "còn X thì sao, có còn áp dụng nữa không?": X, asked that
    focus = TAIL.sub("", LEAD.sub("", question)).strip(" ?")
    base = previous.question.strip()
    # "còn Sở Tài chính thì được giao những việc gì?": a question of its own about X, not X put in the old question
    own = _OWN_PREDICATE.match(focus)
    # (a year or a số hiệu in X: the old question asked again with it, "còn năm 2030 thì mục tiêu đó là gì?")
    own = own if own and (answer_type_of(_folded(own.group(2))) != OTHER or asks_own and _ASKS_OWN.search(_folded(own.group(2)))) and not re.search(r"\d", own.group(1)) else None
    name, old = _first_name(focus), _first_name(base)
    if old and body_alone and old.split()[0] in _TITLE_HEADS:
        old = ""  # "Luật Giao …" heads a document's title, not a name to swap or carry
    if not own:  # X put in the old question, in place of what it contrasts with
        numbers, old_numbers = find_numbers(focus), find_numbers(base)
        if numbers and old_numbers:  # "còn Nghị định 47/2020/NĐ-CP thì sao?"
            return base.replace(old_numbers[0], numbers[0], 1)
        period, old_period = PERIOD.search(focus), PERIOD.search(base)
        if period and old_period:  # "Thế còn giai đoạn 2028-2030?" after "Giai đoạn 2025-2027, …": the whole period
            return base[: old_period.start()] + period.group(0) + base[old_period.end() :]
        years = YEAR.findall(focus)
        if years and YEAR.search(base):
            return YEAR.sub(years[0], base, count=1)
        if name and old:
            return base.replace(old, name, 1)
        contrasted = _contrasted(focus, base) if ellipsis else ""
        if contrasted:  # "thế còn cá nhân?" after "… phạt tổ chức … bao nhiêu?": the same asked of cá nhân
            return contrasted
        parallel = _parallel_span(focus, base, to_ask=ellipsis)
        if parallel:  # "còn dự án nhóm B, nhóm C thì sao?" after "… dự án chuyển đổi số nhóm A phải …"
            return base.replace(parallel, focus, 1)
    # A new topic in the same frame: keep the place/person, document and year, drop the old topic.
    carried = [n for n in (old,) if n] + (find_numbers(base) or [m.group(0) for m in DOC_REF.finditer(base)])
    moved = other_place and name != old and name in PROVINCES and old in PROVINCES
    if moved:
        carried = []  # "Còn kế hoạch … của Đồng Tháp thì …?" after Bắc Ninh's Kế hoạch 144: neither is Đồng Tháp's
    carried += YEAR.findall(base)
    if focus and not carried and documents and not moved and answer_type_of(_folded(focus)) != OTHER:
        carried = documents[:1]  # a question of its own ("còn việc kiểm tra … từ năm nào?"), in the answer's frame
    if focus and antecedent and _ANAPHOR.search(focus):  # "còn thời gian thực hiện nhiệm vụ đó thì sao?": that task
        focus = with_antecedent(focus, base, figures)
    if focus and carried:
        return f"{focus[:1].upper()}{focus[1:]} ({', '.join(carried)})?"
    if focus and moved:
        return f"{focus[:1].upper()}{focus[1:]}?"  # asked of the other province alone
    return f"{base.rstrip(' ?')}, {focus}?" if focus else base


_QUESTION_WORDS = re.compile(
    r"(?<!\w)(?:bao nhiêu|bao lâu|bao giờ|khi nào|là gì|là ai|những gì|ra sao|thế nào|như thế nào|nào|gì|ai|mấy|không|chưa)"
    r"(?!\w)\s*\??",
    re.I,
)


_SOURCE_SYLLABLES = frozenset(fold_diacritics(syllable) for word in SOURCE_WORDS for syllable in word.split())
_SOURCE_ASKED = re.compile(r"\b(?:trich|nguyen van|toan van|nguon|van ban goc)\b")


def _source_only(question: str) -> bool:
    """Whether a follow-up only asks to see the source of the previous answer ("Trích nguyên văn giúp tôi.")."""
    folded = _folded(question)
    syllables = re.findall(r"\w+", folded)
    return bool(_SOURCE_ASKED.search(folded)) and 0 < len(syllables) <= 10 and all(s in _SOURCE_SYLLABLES for s in syllables)


def _topic(previous: str) -> str:
    """The previous question without its question words: what it was about ("Theo Luật …, chứng thư … được công
    nhận phải đáp ứng điều kiện")."""
    return " ".join(_QUESTION_WORDS.sub(" ", previous).split()).strip(" ,?")


def _contrasted(focus: str, base: str) -> str:
    """The previous question asked of ``focus`` in place of the subject it contrasts with (CONTRASTED_SUBJECTS:
    "cá nhân" for "tổ chức", "cấp xã" for "cấp tỉnh"); "" when the focus is no such subject or the question names
    none of its fellows."""
    wanted = " ".join(focus.lower().split())
    for subjects in CONTRASTED_SUBJECTS:
        if wanted not in subjects:
            continue
        for other in subjects:
            at = re.search(rf"(?<!\w){re.escape(other)}(?!\w)", base, re.I)
            if other != wanted and at:
                return base[: at.start()] + focus.strip() + base[at.end() :]
    return ""


def _folded(text: str) -> str:
    return " ".join(fold_diacritics(text.lower()).split())


def _subject_document(question: str) -> str:
    """The document a question asks the force of ("… còn hiệu lực không?", "… có hiệu lực từ khi nào?"), when it
    names exactly one: what a following "nó" / "văn bản đó" points to (not the document its answer cited, which
    states that force). "" otherwise, and for "văn bản nào thay thế …?", whose answer is the document meant next."""
    named = find_numbers(question)
    if len(named) != 1 or validity_asked(_folded(question)) not in ("status", "effective"):
        return ""
    return f"{number_type(named[0])} {named[0]}".strip()


# Words that begin what a question asks after its subject ("… đạt 95% do cơ quan nào chủ trì", "… là bao nhiêu")
_ASK_MARKERS = frozenset({"do", "là", "được", "bị", "phải", "thuộc", "đạt", "có", "thì", "vào", "từ", "trước", "cho", "ở", "tại"})
_ASK_MARKERS_FOLDED = frozenset(fold_diacritics(w) for w in _ASK_MARKERS)


def _spelling_key(word: str) -> str:
    """A word compared without diacritics, punctuation or the i/y choice ("Tỉ" and "tỷ" → "ti")."""
    return fold_diacritics(word.strip(",.;:?!()").lower()).replace("y", "i")


def _parallel_span(focus: str, base: str, to_ask: bool = True) -> str:
    """The phrase of the previous question that a "còn X thì sao?" contrasts with: it starts with X's head
    (its first two words, in any spelling) and runs to the last word X shares, with the short name after it ("dự án
    chuyển đổi số nhóm A" for "dự án nhóm B, nhóm C"), or, when X shares no further word and ``to_ask``, to where the
    question asks ("tỷ lệ người dân có Sổ sức khỏe điện tử đạt 95%" before "do cơ quan nào chủ trì"); "" when the head
    is not there."""
    words = focus.split()
    if len(words) < 3:
        return ""
    head = [_spelling_key(w) for w in words[:2]]
    base_words = base.split()
    keys = [_spelling_key(w) for w in base_words]
    at = next((i for i in range(len(keys) - 1) if keys[i : i + 2] == head), -1)
    if at < 0:
        return ""
    shared = {_spelling_key(w) for w in words[2:]}
    tail = base_words[at:]
    end = 0
    for i, word in enumerate(tail[:10]):
        if i >= 2 and _spelling_key(word) in shared:
            end = i + 1
            if end < len(tail) and len(tail[end].strip(",.?")) <= 3:  # "nhóm A", "loại 2"
                end += 1
    if not end and to_ask:  # X shares nothing more: the phrase runs to the last marker before the question word
        asked = next((i for i in range(2, len(tail)) if _QUESTION_WORDS.match(" ".join(tail[i:]).lower())), -1)
        typed = [w.strip(",.;:?!()").lower() for w in tail]
        known = _ASK_MARKERS if fold_diacritics(base) != base else _ASK_MARKERS_FOLDED
        markers = [i for i in range(2, asked if asked > 0 else 0) if typed[i] in known]
        end = markers[-1] if markers else 0
    return " ".join(tail[:end]).rstrip(",.?") if end else ""


_TITLE_HEADS = frozenset(t.split()[0] for t in DOC_TYPES)
_NOT_NAMES = {"Theo", "Trong", "Tại", "Khi", "Nếu", "Sau", "Trước", "Với", "Về", "Các", "Những", "Đối", "Căn", "Ở"}


def _first_name(text: str) -> str:
    """The first run of ≥ 2 capitalised words ("Bình Phước", "Hà Nội"), or "" (a capitalised preposition
    opening the sentence, "Theo Nghị định …", is no name)."""
    run: list[str] = []
    for word in re.findall(r"\S+", text):
        bare = word.strip(",.;:?!()\"'")
        if bare[:1].isupper() and bare.isalpha() and not (not run and bare in _NOT_NAMES):
            run.append(bare)
            if word.endswith((",", ";", ":")) and len(run) >= 2:
                break  # "Bắc Ninh, Sở Y tế": a comma ends the name
            if not word.endswith((",", ";", ":")):
                continue
            run = [] if len(run) < 2 else run
            continue
        if len(run) >= 2:
            break
        run = []
    return " ".join(run) if len(run) >= 2 else ""
