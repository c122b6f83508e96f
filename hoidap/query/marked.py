"""Parts of a question marked off by its words: a phrase in quotation marks, what "ngoài X, …" sets aside, the date
written after a số hiệu, where in a document to look ("điểm b khoản 2", "mục III"), who signed the document asked of."""

from __future__ import annotations

import re

from hoidap.terms import NUMBER_DATED, YEAR, normalized


def without_words_in(terms: dict[str, float], text: str, spans: list[tuple[int, int]], exact: bool) -> dict[str, float]:
    """The key terms less those typed only inside ``spans`` of ``text`` (kept when typed elsewhere too, and years);
    unchanged when nothing else would be left."""
    if not spans:
        return terms
    inside = " ".join(text[a:b] for a, b in spans)
    rest = "".join(" " if any(a <= i < b for a, b in spans) else ch for i, ch in enumerate(text))
    inside_n, rest_n = f" {normalized(inside, exact)} ", f" {normalized(rest, exact)} "
    kept = {t: w for t, w in terms.items() if f" {t} " not in inside_n or f" {t} " in rest_n or YEAR.fullmatch(t)}
    return kept or terms


def without_date_words(terms: dict[str, float], text: str, exact: bool) -> dict[str, float]:
    """The key terms less those typed only in a date that follows a số hiệu ("ngày", "27", "tháng", "11" of "số
    2597/QĐ-TTg ngày 27 tháng 11 năm 2025") or a signature ("… mà Phó Thủ tướng … ký ngày 01/12/2025"): the passage
    that answers seldom restates its document's date. The year stays (Query.dated: it is found in the document's
    date)."""
    spans = [m.span(1) for m in NUMBER_DATED.finditer(text)] + [m.span(1) for m in _SIGNED_DATE.finditer(text)]
    return without_words_in(terms, text, spans, exact)


# where in a document to look: "điểm b", "khoản 2", "tiểu mục 6", "mục III", "mục II.5", "Điều 95", "Chương IV",
# "Phụ lục II", "Phần 2" (a letter or a number after the unit's word)
_LOCATOR = re.compile(
    r"(?<!\w)(?:(?:điểm|diem)\s+[a-zđ](?!\w)|(?:tiểu mục|tieu muc|khoản|khoan|mục|muc|điều|dieu|chương|chuong|phụ lục|phu luc"
    r"|phần|phan)\s+(?:[ivxlc]+|\d{1,3})(?:\.(?:[ivxlc]+|\d{1,3}))*[a-zđ]?(?!\w))",
    re.I,
)


def without_locator_words(terms: dict[str, float], text: str, exact: bool) -> dict[str, float]:
    """The key terms less the words of the places the question points to ("Điểm b, tiểu mục 6, mục III của Kế hoạch
    144: …" drops "điểm", "b", "tiểu", "mục", "6", "iii"): they tell where to look (Query.units, Query.clauses), and the
    sentence that answers seldom repeats its own numbering."""
    return without_words_in(terms, text, [m.span() for m in _LOCATOR.finditer(text)], exact)


# who signed the document asked about: "… mà Phó Thủ tướng Nguyễn Chí Dũng ký ngày 01/12/2025" (two to four capitalised
# words right before "ký"), and the date it was signed
_SIGNED = re.compile(r"(?<!\w)(?:đã\s+)?(?:ký|kí)(?!\w)")
_SIGNED_DATE = re.compile(
    r"(?:ký|kí)\s+((?:vào\s+)?ngày\s+\d{1,2}\s*(?:tháng\s*\d{1,2}\s*năm\s*|[/.-]\s*\d{1,2}\s*[/.-]\s*)(?:19|20)\d\d)\b", re.I
)


def signers_named(question: str) -> list[str]:
    """The people a question names as having signed the document it asks of, as typed ("Nguyễn Chí Dũng"): the
    signature block names them, the passage that answers does not."""
    names = []
    for found in _SIGNED.finditer(question):
        before = question[: found.start()].split()
        name = []
        while before and before[-1][:1].isupper() and len(name) < 4:
            name.insert(0, before.pop())
        if len(name) >= 2:
            names.append(" ".join(name))
    return names


# a phrase in quotation marks: "…", “…”, '…', ‘…’, «…»
_QUOTED = re.compile(r"[\"“«]([^\"“”«»]{3,120})[\"”»]|(?<!\w)['‘]([^'‘’]{3,120})['’](?!\w)")
QUOTED_WORDS = (2, 25)  # the length of a quoted phrase read as one term, in words (a sentence quoted whole too)


def quoted_phrases(text: str) -> list[str]:
    """The phrases a question quotes ("Cụm 'dữ liệu chủ' được định nghĩa thế nào?" → ["dữ liệu chủ"]), of QUOTED_WORDS
    words."""
    found = [a or b for a, b in _QUOTED.findall(text)]
    return [p.strip(" .,;:") for p in found if QUOTED_WORDS[0] <= len(p.split()) <= QUOTED_WORDS[1]]


# "Ngoài Bộ Công an (ra), …", "Trừ năm 2026, …", "ngoài Sở KH&CN thì …": what the question sets aside, up to the comma
_BESIDES = re.compile(
    r"(?<!\w)(?:ngoài|trừ|ngoai|tru)\s+([^,?;:]{2,80}?)\s*(?:ra\s*)?[,;:]"
    r"|(?:^|[,;:]\s*)(?:ngoài|trừ|ngoai|tru)\s+([^,?;:]{2,80}?)\s+(?:ra\s+)?(?:thì|thi)\s(?=.*\b(?:nào|nao|gì|gi|khác|khac)\b)",
    re.I,
)
_BODY_KIND = re.compile(r"^(?:bo|so|ban|cuc|uy ban nhan dan|ubnd|van phong|tong cuc)\s+")


def set_aside(question: str) -> list[str]:
    """What a "ngoài X, …" question sets aside, folded: its years if it names any ("Trừ năm 2026" → ["2026"]), else the
    name less its kind of body ("Ngoài Bộ Công an" → ["cong an"])."""
    out = []
    for found in _BESIDES.finditer(question):
        what = found.group(1) or found.group(2)
        years = YEAR.findall(what)
        out += years or [_BODY_KIND.sub("", normalized(what, exact=False).strip())]
    return [x for x in out if x]
