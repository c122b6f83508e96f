"""The documents a question names (số hiệu, short references, titles, số hiệu typed in part), their units
(Điều, Phụ lục, Chương), and what it asks of their force (validity, the date it is set at)."""

from __future__ import annotations

import re
from dataclasses import replace

from core.lexicon import ACT_TYPES, DOC_TYPES, DOC_TYPE_CODES, FORCE_TYPES, TITLED_TYPES, TYPE_BY_CODE
from hoidap.query.asked import CODE_ASKED, DOC_WORD, ISSUED_ASKED, ISSUER_ASKED, SIGNER_ASKED
from hoidap.query.record import DATE, VALIDITY, Query
from hoidap.terms import normalized
from ingest.normalize import fold_diacritics

ARTICLE_REF = re.compile(r"\b(Điều|Dieu)\s+(\d{1,3}[a-zđ]?)\b", re.I)
# "Nghị định 64/2007", "QĐ 2629", "nghi quyet 57": matched on the folded text, the type kept folded
FOLDED_TYPES = sorted({fold_diacritics(t.lower()) for t in (*DOC_TYPES, *DOC_TYPE_CODES)}, key=len, reverse=True)
# "Nghị quyết 57", "QĐ 2629/2025"; not a span of time ("báo cáo 6 tháng", "kế hoạch 5 năm": no số hiệu)
# ("quy" is quý, a quarter, not "quy định"; the digits are never cut short: "QĐ 2629 quy định" is 2629, not 262)
SHORT_REF = re.compile(
    r"\b(" + "|".join(FOLDED_TYPES) + r")\.?\s*(?:so\s+)?(\d{1,5})(?!\d)(?:/(\d{4})(?!\d)|"
    r"(?!\s+(?:thang|tuan|quy(?!\s+(?:dinh|che|trinh|hoach|pham|mo|uoc))|nam(?!\s+\d{4}))\b))"
)


# the types of legal act a question may name as a thing to be made ("ban hành thông tư hướng dẫn …"), folded, longest first
ACT_TYPE = re.compile(r"\b(" + "|".join(fold_diacritics(t.lower()) for t in ACT_TYPES) + r")\b")
# what follows a type that names a document or asks for one: a số hiệu, "số", "này / đó / trên", "nào / gì / mấy"
_NOT_MADE = re.compile(r"\s*(?:\d|so\b|nay\b|do\b|tren\b|ay\b|nao\b|gi\b|may\b|lien tich\b)")


def made_types(folded: str) -> tuple[str, ...]:
    """The types of legal act a question names as a thing made or to be made, not as a document it names by số hiệu or
    points back to, nor as the type it asks for: "Bộ Công an phải ban hành thông tư hướng dẫn …" → ("thong tu",); "theo
    QĐ 2623 (Quyết định 2623) …", "nghị định này", "nghị định nào …?" → ()."""
    return tuple(dict.fromkeys(m.group(1) for m in ACT_TYPE.finditer(folded) if not _NOT_MADE.match(folded, m.end())))


def about_document(folded: str, answer_type: str) -> bool:
    """Whether a question asks about a document itself (its issuer, signer, date, số hiệu or force): then the
    words of its title find its header, and stay among what is looked for."""
    return bool(
        ISSUER_ASKED.search(folded) or SIGNER_ASKED.search(folded) or CODE_ASKED.search(folded) or validity_asked(folded)
        or (answer_type in (DATE, VALIDITY) and ISSUED_ASKED.search(folded))
    )


_VALIDITY_ASKED = (
    ("replaced_by", re.compile(
        rf"(?:duoc|bi) thay the (?:boi|bang)|{DOC_WORD} nao (?:da |se )?(?:thay the|bai bo|lam .{{0,60}}het hieu luc)"
        rf"|thay the bang {DOC_WORD} nao"
    )),
    ("replaces", re.compile(
        rf"thay the (?:cho )?(?:cac |nhung )?{DOC_WORD} nao|thay the (?:nhung )?gi\b"
        rf"|co hieu luc thi (?:cac |nhung )?{DOC_WORD}(?: [a-z]+){{0,6}} nao (?:se |bi |cung )?het hieu luc"  # "X có hiệu lực thì luật nào hết hiệu lực?"
        rf"|\b{DOC_WORD} cu\b(?: [a-z]+){{0,4}} (?:het hieu luc|bi thay the|bi bai bo)"  # "… quy định luật cũ hết hiệu lực khi nào?"
    )),
    # "… còn hiệu lực không?"; not a condition ("chứng thư số … vẫn còn hiệu lực thì được xử lý ra sao?")
    ("status", re.compile(r"\b(?:con|het|van con|con duoc ap dung|con ap dung) hieu luc\b(?! thi\b)|\bcon (?:duoc )?ap dung\b(?! thi\b)")),
    ("effective", re.compile(
        r"(?:co|bat dau co|phat sinh) hieu luc(?: thi hanh)?(?: (?:tinh )?(?:tu|ke tu))?(?: (?:ngay|thoi diem|khi|luc|thang|nam))? ?(?:nao|bao gio)"
        r"|ngay (?:co )?hieu luc|hieu luc (?:thi hanh )?(?:tu|ke tu) (?:ngay|khi|luc) nao"
        r"|(?:duoc |bat dau )?ap dung (?:tu|ke tu) (?:(?:ngay|thoi diem|khi|luc) )?(?:nao|bao gio)"  # "… được áp dụng từ bao giờ?"
        r"|\bco hieu luc chua\b"  # "… đã có hiệu lực chưa, tính từ ngày nào?"
        # "… có hiệu lực (ngay / liền) từ ngày ký không?", "… có hiệu lực luôn không hay phải chờ?"
        r"|\bco hieu luc\b(?: \w+){0,5} (?:khong|chua)\b"
        # a date to check: "Đúng hay sai: Quyết định … chỉ có hiệu lực từ 01/01/2026?", "… có hiệu lực từ ngày 1/7 phải không?"
        r"|^(?:dung hay sai|co dung (?:la|rang)|co phai)\b.*\bhieu luc (?:thi hanh )?(?:tu|ke tu) (?:ngay )?\d"
        r"|\bhieu luc (?:thi hanh )?(?:tu|ke tu) (?:ngay )?\d.*\b(?:dung hay sai|dung khong|phai khong|khong)\s*\??\s*$"
        # a delay claimed: "Không phải … phải chờ 45 ngày sau khi ký mới có hiệu lực à?", "… thì mới có hiệu lực sao?"
        r"|\bmoi (?:co|bat dau co|phat sinh) hieu luc\b"
        r"|\bco hieu luc\b(?: \w+){0,6} hay (?:la )?(?:phai )?(?:cho|doi)\b"  # "… có hiệu lực ngay từ ngày ký hay phải chờ …"
        r"|^(?:ngay|thoi diem|tu ngay|tu khi|khi) nao\b.*\b(?:co|bat dau co|phat sinh) hieu luc\b"  # "Ngày nào … bắt đầu có hiệu lực?"
    )),
)


# "vào năm 2020", "tại thời điểm ngày 01/7/2026", "tính đến năm 2025": the time a question is set at (a bare
# "năm 2005" names a document's year: "Luật Giao dịch điện tử năm 2005")
_AS_OF_ASKED = re.compile(
    r"\b(?:vao|trong|tai|tinh den|den)\s+(?:thoi diem\s+)?(?:ngay\s+(\d{1,2})[/-](\d{1,2})[/-](\d{4})|nam\s+(\d{4}))\b"
)


def asked_date(folded: str) -> str:
    """The date a question is set at, ISO ("" when it names none); a year means its last day."""
    m = _AS_OF_ASKED.search(folded)
    if not m:
        return ""
    if m.group(4):
        return f"{m.group(4)}-12-31"
    day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""


# an open question about what a document says ("… nói gì về …", "… quy định thế nào về …"), or a case it provides for
# ("trường hợp / khi / nếu nội dung thống nhất … đã hết hiệu lực"): "còn / hết hiệu lực", "còn áp dụng" there is said of what the
# document governs, not of the document
CONTENT_ASKED = re.compile(
    r"\b(?:noi gi ve|noi the nao ve|quy dinh (?:gi|the nao|nhu the nao|ra sao) ve|de cap (?:gi|the nao|nhu the nao) (?:den|ve))\b"
    r"|\b(?:truong hop|khi(?! nao)|neu)\b[^,?]{0,100}\b(?:het|con) hieu luc\b"
)


# a time told by a document's force, in a clause of its own: "(được công nhận) trước khi Nghị định 154/2013/NĐ-CP có hiệu
# lực", "sau khi Luật … có hiệu lực thi hành", "kể từ ngày Luật này có hiệu lực" — a condition of the case asked, folded
FORCE_CLAUSE = re.compile(
    r"\b(?:truoc|sau|ke tu|tu)\s+(?:khi|ngay|thoi diem)\s+(?!nao\b)"
    rf"(?=[^,?;]{{0,40}}?(?:\b(?:{'|'.join(sorted({fold_diacritics(t.lower()) for t in DOC_TYPES}, key=len, reverse=True))}|van ban)\b|\d/))"
    r"(?:(?!\bhay\b)[^,?;]){3,80}?\bco hieu luc(?: thi hanh)?\b"
)  # the clause names the document ("… phải chờ 45 ngày sau khi ký mới có hiệu lực à?" asks of the force itself); it
# is not one side of a choice ("… có hiệu lực từ ngày ký hay phải đợi đến ngày luật có hiệu lực?" asks of the force)


def validity_asked(folded: str, content_frame: bool = False, force_clause: bool = False) -> str:
    """What a question naming a document asks about its force (see Query.validity); "" when nothing. With
    ``content_frame``, whether the document or what it governs is still in force is not asked of the document in an
    open question about what it says, or of a case it provides for (CONTENT_ASKED). With ``force_clause``, a time told
    by a document's force in a clause of its own (FORCE_CLAUSE: "… được công nhận trước khi Nghị định 154 có hiệu lực
    … thì phải làm gì, trong thời hạn bao lâu?") asks nothing of its force."""
    if force_clause:
        folded = FORCE_CLAUSE.sub(" ", folded)
    kind = next((kind for kind, pattern in _VALIDITY_ASKED if pattern.search(folded)), "")
    return "" if kind == "status" and content_frame and CONTENT_ASKED.search(folded) else kind


def titled_numbers(after: str, numbers: tuple[str, ...]) -> list[str]:
    """Which documents of a title the question names, by what follows the title: "Luật Giao dịch điện tử (cũ) năm
    2005" the one of 2005, "… số 51/2005/QH11" the one of that số hiệu (found as such), else all of them."""
    year = re.match(r"(?:cu |truoc day |truoc )?(?:nam )?((?:19|20)\d\d)\b", after)  # "… cũ năm 2005": the old one
    if year:
        return [n for n in numbers if f"/{year.group(1)}/" in n]
    return [] if re.match(r"(?:so )?\d", after) else list(numbers)


def names_document(query: Query, number: str) -> bool:
    """Whether the query names the document with this số hiệu ("57-NQ/TW", "Nghị quyết 57", "QĐ 2629")."""
    number = number.lower()
    if not number:
        return False
    folded = fold_diacritics(number)
    if any(fold_diacritics(n.lower()) == folded for n in query.numbers):  # "3260-KH/DDQH15" typed without "Đ"
        return True
    codes = set(re.split(r"[-/]", folded)[1:])
    for doc_type, num, year in query.doc_refs:
        code = next((c for c, t in _CODE_TYPES.items() if t == doc_type), "")
        # a law's số hiệu carries no type's code ("20/2023/QH15"): "luật 20" is not "20/2014/TT-BTTTT" (a party's
        # "Quy định 384" is "384-QĐ/TW", with the code of a quyết định)
        typed = code in codes or doc_type in codes if code else doc_type not in _CODELESS or not codes & _CODE_TYPES.keys()
        if re.match(rf"{num}[-/]", folded) and (not year or f"/{year}/" in folded) and typed:
            return True
    return False


def documents_named(query: Query) -> list[Query]:
    """The question seen once per document it names by số hiệu, short reference or whole title with its type
    ("Luật Giao dịch điện tử"; not "an toàn thông tin mạng", which only shares words with a law's title)."""
    typed = f" {normalized(query.expanded, exact=False)} "
    titles = {n: t for n, t in query.titles}
    views = [
        replace(query, numbers=(n,), doc_refs=(), titles=((n, titles[n]),) if n in titles else ())
        for n in query.numbers
        if n not in titles or f" {titles[n].strip()} " in typed
    ]
    for ref in query.doc_refs:
        one = replace(query, numbers=(), doc_refs=(ref,), titles=())
        if not any(names_document(one, n) for n in query.numbers):
            views.append(one)
    return views


def mentions_document(query: Query, text: str) -> bool:
    """Whether a passage names a document the question names ("… thực hiện Nghị quyết số 57- NQ/TW …" for
    "Nghị quyết 57"): a report or plan about that document speaks of it by its số hiệu."""
    if not (query.numbers or query.doc_refs):
        return False
    squeezed = re.sub(r"\s*([-/])\s*", r"\1", fold_diacritics(text.lower()))
    if any(fold_diacritics(n.lower()) in squeezed for n in query.numbers):
        return True
    return any(
        re.search(rf"\b{re.escape(t)}\s+(?:so\s+)?{num}(?:/{year})?(?![\d])", squeezed) for t, num, year in query.doc_refs
    )


_CODE_TYPES = {fold_diacritics(c.lower()): fold_diacritics(t.lower()) for c, t in TYPE_BY_CODE.items()}
_CODELESS = frozenset(fold_diacritics(t.lower()) for t in TITLED_TYPES)  # types whose số hiệu carries no type code


# a unit of a document named by its number: "Điều 12", "Phụ lục II", "Chương III" ("phu luc 2" typed without diacritics)
_UNIT = re.compile(r"(?<!\w)(điều|phụ lục|chương|dieu|phu luc|chuong)\s+([ivxlc]+|\d{1,3}[a-zđ]?)(?!\w)", re.I)


def named_units(text: str) -> list[str]:
    """The units of a document a text names ("Khoản 3 Điều 12 …", "Phụ lục II của đề án"), as a chunk's label starts,
    folded: "dieu 12", "phu luc ii"."""
    return [f"{fold_diacritics(kind.lower())} {number.lower()}" for kind, number in _UNIT.findall(text)]


# a khoản (or numbered mục) of an article: "khoản 2 Điều 17", "mục 6 Điều 3", "Điều 17 khoản 2" (groups: clause, article;
# or article, clause)
_CLAUSE = re.compile(
    r"(?<!\w)(?:khoản|khoan|mục|muc)\s+(\d{1,3})\s+(?:của\s+|cua\s+)?(?:điều|dieu)\s+(\d{1,3}[a-zđ]?)(?!\w)"
    r"|(?<!\w)(?:điều|dieu)\s+(\d{1,3}[a-zđ]?),?\s+(?:khoản|khoan)\s+(\d{1,3})(?!\w)",
    re.I,
)


def named_clauses(text: str) -> list[str]:
    """The khoản of an article a text names, folded as a label names them: "dieu 17 khoan 2" of "Khoản 2 Điều 17 …" (a
    numbered "mục 6 Điều 3" too: the items of an article are its khoản)."""
    return [
        f"dieu {(a or d).lower()} khoan {c or k}" for c, a, d, k in _CLAUSE.findall(text)
    ]


def in_clause(label: str, clause: str) -> bool:
    """Whether a chunk's label ("Điều 17, khoản 1–2") holds the named khoản ("dieu 17 khoan 2")."""
    article, number = clause.rsplit(" khoan ", 1)
    if unit_of(label) != article:
        return False
    found = re.search(r"khoan (\d+)(?:\s*[-–]\s*(\d+))?", fold_diacritics(label.lower()))
    return bool(found) and int(found.group(1)) <= int(number) <= int(found.group(2) or found.group(1))


def unit_of(label: str) -> str:
    """The unit a chunk's label starts with, folded ("Điều 12, khoản 3" → "dieu 12"; "Phụ lục II" → "phu luc ii")."""
    words = re.findall(r"\w+", fold_diacritics(label.split(",")[0].lower()))
    return " ".join(words[: 3 if words[:2] == ["phu", "luc"] else 2])


# A document named by its type and title, the title capitalised and ending before the predicate ("Luật Bảo vệ dữ liệu
# cá nhân có hiệu lực …", "Nghị định Về chữ ký số, …")
_TITLED_DOCUMENT = re.compile(
    r"\b(?:" + "|".join(FORCE_TYPES) + r")\s+([A-ZĐÀ-Ỹ][^\s,?;:()]*(?:\s+[^\s,?;:()]+){1,12}?)"
    r"(?=\s+(?:có|được|đã|sẽ|bắt đầu|thì|là|chính thức|hiện|còn|hết|năm|tháng|ngày|vậy|thông qua|ban hành|quy định)\b"
    r"|\s+(?:số\s+)?\d"  # "Luật Giao dịch điện tử 20/2023 …", "… số 20/2023/QH15": the title ends where its number begins
    r"|\s*[,?;:(]|\s*$)"
)


TITLE_WORDS = 6  # the words of a title a sentence must name (a long title is often cut short in the text)


def force_of(question: str, opening: bool = False) -> str:
    """The title (folded, its first TITLE_WORDS syllables) of the document a question names by type and title ("Luật
    Bảo vệ dữ liệu cá nhân" → "luat bao ve du lieu ca"), or "". With ``opening``, only one the question opens with."""
    found = (_TITLED_DOCUMENT.match if opening else _TITLED_DOCUMENT.search)(question)
    return " ".join(normalized(found.group(0), exact=False).split()[:TITLE_WORDS]) if found else ""


# "Theo Quyết định 2623 thì Luật … có hiệu lực …?", "Theo kế hoạch của Thủ tướng, Luật … đã có hiệu lực chưa?": the
# source a question names first, then what it asks of another document
_SOURCE_FRAME = re.compile(r"^\s*(?:theo|căn cứ|dựa theo|dựa vào)\s+(.{3,160}?)(?:\s*,\s*|\s+thì\s+)(.+)$", re.I | re.S)


def framed_force(question: str) -> str:
    """The title (as force_of gives it) of the document whose force a question asks after naming the source that
    states it ("Theo Quyết định 2623/QĐ-TTg thì Luật Bảo vệ dữ liệu cá nhân có hiệu lực từ ngày nào?" → "luat bao ve du
    lieu ca"): the force asked is the law's, which the decision states, not the decision's own; "" without such a
    frame, or when that document is not what follows it ("Theo luật hiện hành, giấy phép cấp trước khi Luật … có hiệu
    lực thì …": the permit is asked of)."""
    found = _SOURCE_FRAME.match(question)
    return force_of(found.group(2), opening=True) if found else ""  # the subject of what follows the frame


_NUMBER_PARTS = re.compile(r"[0-9a-zđ]+")


def completed_number(typed: str, indexed: frozenset[str]) -> str:
    """The số hiệu of the one indexed document whose parts include, in order, the parts of one typed in part ("2629/TTg"
    → "2629/QĐ-TTg", "384/QĐ-TW" → "384-QĐ/TW"); ``typed`` itself when it is indexed, or names none or several. The
    parts typed keep their case, the others are upper case."""
    if typed.lower() in indexed:
        return typed
    parts = _NUMBER_PARTS.findall(typed.lower())

    def contains(number: str) -> bool:
        rest = iter(_NUMBER_PARTS.findall(number))
        return all(part in rest for part in parts)  # in order: each part found after the one before

    found = [n for n in indexed if _NUMBER_PARTS.findall(n)[:1] == parts[:1] and contains(n)]
    if len(found) != 1:
        return typed
    typed_case = {part: piece for piece in re.findall(r"[0-9A-Za-zĐđ]+", typed) for part in [piece.lower()]}
    return re.sub(r"[0-9a-zđ]+", lambda m: typed_case.get(m.group(0), m.group(0).upper()), found[0])
