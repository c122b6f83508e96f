"""Follow-ups known by their form, read against the previous question alone (hoidap/answer/conversation.py resolves
the rest): "còn <document> thì sao?" switches the document, "Thế đơn vị phối hợp là ai?" the role, "Còn gì nữa không?"
asks for more, "Vậy là …, đúng không?" checks, "À nhầm, ý tôi là …" corrects, "Tại sao …?" asks why, "Có văn bản nào khác quy định
giống vậy không?" asks the same of the other documents, "Ở mục nào vậy?" where the previous answer is written, "Thế
văn bản kia …?" the other of two documents the previous question named."""

from __future__ import annotations

import re

from core.lexicon import BODY_KINDS, DOC_TYPE_CODES, DOC_TYPES, DOCUMENT_NOUNS
from hoidap.query.spoken import ordinal_number
from ingest.metadata import find_numbers
from ingest.normalize import fold_diacritics


def alternatives(words) -> str:
    """A regex alternation of the words, the longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


DOC_REF = re.compile(rf"\b(?:{alternatives(DOC_TYPES + tuple(DOC_TYPE_CODES))})\s+(?:số\s+)?\d{{1,5}}\b")
PERIOD = re.compile(r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b")  # "2025-2027"
DOC_REF_YEAR = re.compile(DOC_REF.pattern + r"(?:/\d{4})?")  # "Nghị định 174/2026"
ELLIPTICAL = re.compile(r"^\s*(còn|thế còn|vậy còn|còn về|ý tôi là|ý là|ý tôi hỏi)\b|\b(thì sao|thế nào rồi)\s*\??\s*$", re.I)
LEAD = re.compile(r"^\s*(còn về|thế còn|vậy còn|còn|ý tôi là|ý là|ý tôi hỏi)\s+", re.I)
# "Vậy là …, đúng không?", "Tức là … phải không?", "Như vậy là … à?": the asker checks what they understood
CONFIRMING = re.compile(
    r"^\s*(?:vậy|vay|thế|the|như vậy|nhu vay|tức|tuc|nghĩa|nghia)\s+(?:là|la)\b.*(?:đúng không|phải không|đúng chứ|phải chứ|"
    r"đúng ko|phải ko|dung khong|phai khong|dung ko|phai ko|à|hả|nhỉ)\s*[?.!]*\s*$",
    re.I,
)
# "À nhầm, …", "Xin lỗi, …": a correction opening a follow-up; "… chứ không phải 2030": what it corrects
_CORRECTING = re.compile(r"^\s*(?:(?:à|ồ|ờ|ôi|a|o)\s+)?(?:nhầm|nham|xin lỗi|xin loi|sorry)(?:\s+(?:rồi|roi))?\s*[,.!:]?\s*", re.I)
_NOT_THAT = re.compile(r"\s*,?\s*(?:chứ|chu)\s+(?:không phải|khong phai|ko phải|ko phai)\b[^?.!]*", re.I)


def corrected(question: str) -> str:
    """"À nhầm, ý tôi là mốc năm 2045 chứ không phải 2030." → "ý tôi là mốc năm 2045"."""
    opened = _CORRECTING.match(question)
    if not opened:
        return question
    return _NOT_THAT.sub("", question[opened.end() :]).strip(" .") or question


# the roles a task assigns, set against each other: "chủ trì" leads, "phối hợp" coordinates
_ROLES = ("chủ trì", "phối hợp")
_ROLE_ASKED = re.compile(r"(?<!\w)(chủ trì|phối hợp|chu tri|phoi hop)(?!\w)", re.I)
_WHO = re.compile(r"(?<!\w)(?:ai|nào|nao|gì|gi)(?!\w)", re.I)


def switched_role(question: str, previous: str) -> str:
    """The previous question asked of the other role ("Theo QĐ 2629, ai phối hợp xây dựng … ?" after "… ai chủ trì
    xây dựng …?") when a short follow-up asks who holds it ("Thế đơn vị phối hợp là ai?"); "" otherwise."""
    asked = _ROLE_ASKED.findall(question)
    said = _ROLE_ASKED.search(previous)
    if len(asked) != 1 or not said or not _WHO.search(question) or len(question.split()) > 10 or names_document(question):
        return ""
    wanted = _ROLES[[fold_diacritics(r) for r in _ROLES].index(fold_diacritics(asked[0].lower()))]
    if fold_diacritics(said.group(1).lower()) == fold_diacritics(wanted):
        return ""
    return previous[: said.start()] + wanted + previous[said.end() :]


# "Còn gì nữa không?", "Còn khoản chi nào nữa không?", "Ngoài mấy bộ đó ra, còn … nào nữa?": more of the same list
MORE = re.compile(r"(?<!\w)(?:còn|con)\b[^?.!]{0,40}?\b(?:nữa|nua)\b|(?:kể|liệt kê)\s+(?:thêm|tiếp|hết)", re.I)


def asks_for_more(question: str) -> bool:
    """Whether a follow-up asks for more of the previous answer's list ("Còn gì nữa không?")."""
    return bool(MORE.search(question)) and not names_document(question)


WHY = re.compile(r"^\s*(?:tại sao|vì sao|sao lại|vì lý do gì|lý do gì|tai sao|vi sao|sao lai)(?!\w)", re.I)
WHY_WORDS = 12  # a longer "tại sao …" asks a question of its own
TAIL = re.compile(r"\s*(thì sao|thế nào rồi|cơ|chứ|mà|ạ)\s*[?.!]?\s*$", re.I)  # "Ý tôi là cấp xã cơ": a particle


_DOCUMENT_WORD = re.compile(rf"(?<!\w)(?:{alternatives(DOCUMENT_NOUNS + tuple(DOC_TYPE_CODES))})(?!\w)", re.I)


def names_document(question: str) -> bool:
    """Whether a question names a document: a số hiệu, a short reference, or a document's type ("Luật …")."""
    return bool(find_numbers(question) or DOC_REF.search(question) or _DOCUMENT_WORD.search(question))


# "Còn bên NĐ 174 thì sao?", "Thế còn theo Quyết định 2629?": a follow-up that names only another document
_SWITCH_FILLERS = re.compile(r"(?<!\w)(?:bên|ở|của|theo|với|trong|đối với|tại|văn bản|thì|sao|thế|nào|cái)(?!\w)", re.I)


def switched_document(question: str, previous: str, cited_documents: list[str]) -> str:
    """The previous question asked of the one document a "còn <document> thì sao?" names, in place of the document it
    named (by số hiệu, short reference or the title of the document its answer cited); "" when the follow-up says more
    than the document, or is no such follow-up."""
    if not ELLIPTICAL.search(question):
        return ""
    focus = TAIL.sub("", LEAD.sub("", question)).strip(" ?")
    named = find_numbers(focus) or [m.group(0) for m in DOC_REF_YEAR.finditer(focus)]
    if len(named) != 1:
        return ""
    rest = _SWITCH_FILLERS.sub(" ", focus.replace(named[0], " "))
    if re.search(r"\w", rest):
        return ""  # "còn NĐ 174 quy định mức phạt nào?": a question of its own
    base = previous.strip()
    old = find_numbers(base) or [m.group(0) for m in DOC_REF_YEAR.finditer(base)]
    if old:
        at = base.find(old[0])
        kind = re.search(rf"(?:{alternatives(DOC_TYPES + tuple(DOC_TYPE_CODES))})\s+(?:số\s+)?$", base[:at], re.I)
        start = kind.start() if kind else at
        return base[:start] + named[0] + base[at + len(old[0]) :]
    for cited in cited_documents[:1]:
        title = re.sub(r"\s*\([^()]*\)\s*$", "", cited).strip()  # "Luật Giao dịch điện tử (20/2023/QH15)"
        at = re.search(rf"{re.escape(title)}(?:\s+(?:năm\s+)?(?:19|20)\d\d)?", base, re.I) if title else None
        if at:
            return base[: at.start()] + named[0] + base[at.end() :]
    return f"{base.rstrip(' ?')} ({named[0]})?"



# "Có văn bản nào khác quy định giống vậy không?", "Còn nghị định nào khác cũng nói thế không?": the same rule sought in
# the documents the previous answer did not cite
_ANOTHER_DOCUMENT = re.compile(
    rf"(?<!\w)(?:{alternatives(DOCUMENT_NOUNS + ('nơi', 'chỗ', 'tài liệu'))})\s+(?:nào\s+)?khác(?!\w)", re.I
)
ANOTHER_WORDS = 16  # a longer follow-up asks a question of its own


def asks_another_document(question: str) -> bool:
    """Whether a follow-up asks which other document states the same ("Có văn bản nào khác quy định giống vậy
    không?"), naming none itself."""
    return (
        bool(_ANOTHER_DOCUMENT.search(question)) and len(question.split()) <= ANOTHER_WORDS
        and not find_numbers(question) and not DOC_REF.search(question)
    )


# "Theo Quy định 384-QĐ/TW, …": the frame (group 1) and what it names (group 2)
_FRAME = re.compile(r"^\s*((?:theo|trong|tại|căn cứ|theo quy định (?:của|tại))\s+([^,]{3,100})),\s*", re.I)


def without_documents(question: str) -> str:
    """A question with the documents it names taken out ("Theo Quy định 384-QĐ/TW, việc chia sẻ dữ liệu … có bị thu phí
    không?" → "Việc chia sẻ dữ liệu … có bị thu phí không?"): the same asked of any document."""
    frame = _FRAME.match(question)
    if frame and (find_numbers(frame.group(2)) or DOC_REF.search(frame.group(2)) or _DOCUMENT_WORD.match(frame.group(2))):
        question = question[frame.end() :]
    for number in find_numbers(question):
        at = question.find(number)
        kind = re.search(rf"(?:{alternatives(DOC_TYPES + tuple(DOC_TYPE_CODES))})\s+(?:số\s+)?$", question[:at], re.I)
        question = question[: kind.start() if kind else at] + question[at + len(number) :]
    question = DOC_REF_YEAR.sub("", question)
    question = " ".join(question.split())
    return question[:1].upper() + question[1:]


# "Ở mục nào vậy?", "Nằm ở điều nào?", "Chỗ đó ở đâu?": where the previous answer is written
_WHERE = re.compile(
    r"^\s*(?:(?:cái |chỗ |điều |quy định )?(?:đó|này) )?(?:ở|tại|nằm ở|nằm trong|thuộc|o|tai|nam o|nam trong|thuoc)\s+"
    r"(?:(?:mục|phần|điều|khoản|chương|đoạn|phụ lục|muc|phan|dieu|khoan|chuong|doan|phu luc)\s+(?:nào|mấy|số mấy|nao|may|so may)|"
    r"(?:đâu|dau))(?:\s+(?:vậy|thế|ạ|nhỉ|vay|the|a|nhi))?\s*[?.!]*\s*$",
    re.I,
)


# "Điều nào trong luật quy định điều đó?", "Khoản nào nói vậy?", "Văn bản nào quy định như vậy?": which unit or
# document states what the previous answer said ("điều đó" is that thing here, not an article)
_SOURCE_OF_THAT = re.compile(
    r"^\s*(?:vậy\s+|vay\s+)?(?:điều|khoản|mục|văn bản|dieu|khoan|muc|van ban)(?:\s+(?:khoản|khoan))?\s+(?:nào|mấy|nao|may)"
    r"(?:\s+(?:trong|của|cua)\s+[^?,]{1,40}?)?\s+(?:quy định|nói|nêu|ghi|quy dinh|noi|neu)\s+(?:về\s+|ve\s+)?"
    r"(?:điều đó|điều này|việc đó|việc này|như vậy|như thế|vậy|thế|dieu do|dieu nay|viec do|viec nay|nhu vay|vay)"
    r"(?:\s+(?:vậy|thế|ạ|nhỉ|vay|the|a|nhi))?\s*[?.!]*\s*$",
    re.I,
)


def asks_where(question: str) -> bool:
    """Whether a follow-up asks only where the previous answer is written ("Ở mục nào vậy?", "Điều nào quy định
    điều đó?")."""
    return bool(_WHERE.match(question) or _SOURCE_OF_THAT.match(question))


# "Chỉ tính giai đoạn 2025-2027 thôi thì sao?", "Riêng cấp huyện thì sao?": the previous question narrowed to X
_NARROWED = re.compile(
    r"^\s*(?:chỉ|chi|riêng|rieng)\s+(?:(?:tính|tinh|xét|xet|nói|noi|hỏi|hoi|kể|ke)\s+)?(.{3,60}?)\s*"
    r"(?:thôi|thoi)?\s*(?:thì sao|thi sao|thì thế nào|thi the nao)?\s*[?.!]*\s*$",
    re.I,
)


def narrowed_to(question: str) -> str:
    """What a follow-up narrows the previous question to ("Chỉ tính cấp huyện thôi thì sao?" → "cấp huyện"); "" when
    it is no such follow-up (it names a document, or asks a question of its own)."""
    found = _NARROWED.match(question)
    if not found or names_document(found.group(1)) or re.search(r"(?<!\w)(?:nào|gì|bao nhiêu|mấy|ai|khi nào)(?!\w)", found.group(1), re.I):
        return ""
    return found.group(1).strip(" ,")


# "Loại thứ tư trong danh sách đó là gì?", "Còn mục cuối cùng trong danh sách đó là giấy tờ gì?", "Ý thứ hai cụ thể là
# gì?": an item of the previous answer's list by its position
_ITEM_AT = re.compile(
    r"^\s*(?:(?:còn|thế còn|vậy|con)\s+)?(?:cái|mục|ý|loại|điểm|nội dung|việc|nhiệm vụ|chỉ tiêu|giấy tờ|văn bản|cơ quan|"
    r"đơn vị|muc|y|loai|diem|noi dung|viec|nhiem vu|chi tieu|giay to|van ban|co quan|don vi)\s+"
    r"(?:thứ|thu)\s+(\d{1,2}|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười(?:\s+\w+)?)(?!\w)"
    r"|^\s*(?:(?:còn|thế còn|vậy|con)\s+)?(?:cái|mục|ý|loại|điểm|nội dung|việc|nhiệm vụ|chỉ tiêu|giấy tờ|văn bản)\s+"
    r"(cuối cùng|cuối|đầu tiên)(?!\w)",
    re.I,
)
ITEM_WORDS = 14  # a longer follow-up asks a question of its own
# what may follow the item asked: "trong danh sách đó", "là gì", "là giấy tờ gì", "cụ thể là gì"
_ITEM_REST = frozenset(fold_diacritics(w) for w in (
    "trong danh sách số đó này trên ở của là gì nào ai cụ thể giấy tờ loại cơ quan đơn vị việc nội dung văn bản vậy ạ "
    "nhỉ thì sao tên"
).split())


def item_position(question: str) -> int:
    """The position of the item of the previous answer's list a follow-up asks about (1 for the first, -1 for the last),
    or 0 when it asks none."""
    found = _ITEM_AT.match(question)
    if not found or len(question.split()) > ITEM_WORDS or names_document(question):
        return 0
    rest = re.findall(r"\w+", fold_diacritics(question[found.end() :].lower()))
    if not all(word in _ITEM_REST for word in rest):
        return 0  # "Cái thứ hai thì thời hạn ban hành thế nào?": an aspect of it, asked of its own
    if found.group(2):
        return 1 if "đầu" in found.group(2).lower() else -1
    try:
        return ordinal_number(found.group(1).lower().replace("bốn", "tư"))
    except (KeyError, ValueError):
        return 0


# "Bộ Quốc phòng?", "Còn Sở Tài chính?": a body's name alone
_BODY_KIND = re.compile(rf"(?<!\w)(?:{alternatives(BODY_KINDS)})\s+(?=[^\W\d_])")
# the body a question asks: "cơ quan nào", "bộ nào", "ai"
_BODY_ASKED = re.compile(r"(?<!\w)(?:cơ quan|đơn vị|bộ|sở|ngành|ban|tổ chức)\s+nào(?!\w)|(?<!\w)ai(?!\w)", re.I)


def _body_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of the bodies' names in a text: a kind, then capitalised words each with at most one lower-case
    word after it, joined by "," or "và" ("Bộ Quốc phòng", "Sở Văn hoá, Thể thao và Du lịch", "Bộ Khoa học và Công
    nghệ", not "… phải chỉ đạo" after it)."""
    found = []
    for kind in _BODY_KIND.finditer(text):
        words = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[\w&]+", text[kind.end() :])]
        end, i, lowered = 0, 0, True
        while i < len(words):
            word = words[i][2]
            if word[0].isupper():
                end, lowered = words[i][1], False
            elif not lowered and word != "và":
                end, lowered = words[i][1], True
            elif word == "và" and i + 1 < len(words) and words[i + 1][2][0].isupper():
                pass
            else:
                break
            i += 1
        if end:
            found.append((kind.start(), kind.end() + end))
    return found


_ABOUT = re.compile(r"(?<!\w)về\s+([^?,;]{4,80}?)\s*\??\s*$", re.I)  # "… về quản lý nhà nước về giao dịch điện tử?"


def asked_of_body(question: str, previous: str) -> list[str]:
    """The readings of a follow-up naming a body alone ("Bộ Quốc phòng?", "Còn Sở Tài chính?"): after a question that
    asked a body ("Theo Luật X, cơ quan nào là đầu mối … về quản lý nhà nước về Y?"), that body's task in the same frame
    and field ("Theo Luật X, Bộ Quốc phòng có trách nhiệm gì về quản lý nhà nước về Y?"), then the previous question
    asked of it, then the name alone; after one naming a body, the previous question with this body in its place; []
    when the follow-up says more than a body's name or the previous question names or asks no body."""
    focus = TAIL.sub("", LEAD.sub("", question)).strip(" ?.")
    if _body_names(focus) != [(0, len(focus))] or names_document(focus):
        return []
    asked = _BODY_ASKED.search(previous)
    if asked:
        frame, about = _FRAME.match(previous), _ABOUT.search(previous[asked.end() :])
        task = f"{focus} có trách nhiệm gì{' về ' + about.group(1) if about else ''}?"
        substituted = previous[: asked.start()] + focus + previous[asked.end() :]
        return [f"{frame.group(1)}, {task}" if frame else task, substituted, question]  # last: the name alone
    said = [(a, b) for a, b in _body_names(previous) if previous[a:b] != focus]
    return [previous[: said[0][0]] + focus + previous[said[0][1] :]] if said else []


# "Thế văn bản kia quy định sao?", "còn nghị định kia", "thông tư còn lại": the other of two documents named before
_OTHER_DOCUMENT = re.compile(
    rf"(?<!\w)(?:{alternatives(DOCUMENT_NOUNS + DOC_TYPES + ('cái', 'bên'))})\s+(?:kia|còn lại|kia nữa)(?!\w)", re.I
)


def other_named_document(question: str, previous: str, cited_documents: list[str]) -> str:
    """The follow-up with "văn bản kia" replaced by the document it points to: of the two the previous question named
    by số hiệu, the one its answer did not cite (or, when it cited neither, the one it did not ask "theo"); "" when the
    follow-up points to no other document or the previous question did not name two."""
    found = _OTHER_DOCUMENT.search(question)
    named = list(dict.fromkeys(find_numbers(previous)))
    if not found or len(named) != 2 or find_numbers(question):
        return ""
    cited = [n for n in named if any(n in c for c in cited_documents[:1])]
    asked = [n for n in named if re.search(rf"(?<!\w)theo\s+(?:\w+\s+){{0,3}}?(?:số\s+)?{re.escape(n.split('/')[0])}\b", previous, re.I)]
    focus = cited or asked
    if len(focus) != 1:
        return ""
    other = next(n for n in named if n != focus[0])
    return f"{question[: found.start()]}{as_named(previous, other)}{question[found.end() :]}"


def as_named(text: str, number: str) -> str:
    """A số hiệu found in the text, with the document type typed before it ("Thông tư 38/2016/TT-BTTTT")."""
    at = text.find(number.split("/")[0])
    kind = re.search(rf"(?:{alternatives(DOC_TYPES)})\s+(?:số\s+)?$", text[:at], re.I) if at >= 0 else None
    return f"{kind.group(0) if kind else ''}{number}"
