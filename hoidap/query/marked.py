"""Parts of a question marked off by its words: a phrase in quotation marks, what "ngoài X, …" sets aside, the date
written after a số hiệu, where in a document to look ("điểm b khoản 2", "mục III"), who signed the document asked of."""

from __future__ import annotations

import re

from core.lexicon import OFFICES, PLACE_NOUNS, PROVINCES
from hoidap.terms import NUMBER_DATED, YEAR, normalized
from ingest.normalize import fold_diacritics


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


def without_date_words(terms: dict[str, float], text: str, exact: bool, signer_forms: bool = False) -> dict[str, float]:
    """The key terms less those typed only in a date that follows a số hiệu ("ngày", "27", "tháng", "11" of "số
    2597/QĐ-TTg ngày 27 tháng 11 năm 2025") or a signature ("… mà Phó Thủ tướng … ký ngày 01/12/2025"; with
    ``signer_forms`` also typed without diacritics, "ky ngay 01/12/2025", or "ký hôm 01/12/2025"): the passage that
    answers seldom restates its document's date. The year stays (Query.dated: it is found in the document's date)."""
    signed = _SIGNED_DATE_FORMS if signer_forms else _SIGNED_DATE
    spans = [m.span(1) for m in NUMBER_DATED.finditer(text)] + [m.span(1) for m in signed.finditer(text)]
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
# … and as typed without diacritics ("Nguyen Chi Dung ky ngay 01/12/2025"; "ky" after a capitalised name, which
# "định kỳ" typed bare is not), dated by "hôm", or signed for another ("ký thay Chủ tịch hôm 01/12/2025"); a document
# issued or sent for comments on a date is dated by it too ("dự thảo … gửi xin ý kiến ngày 25/5/2025")
_SIGNED_FORMS = re.compile(r"(?<!\w)(?:đã\s+|da\s+)?(?:ký|kí|ky)(?!\w)")
_SIGNED_DATE_FORMS = re.compile(
    r"(?:ký|kí|ky|ban hành|ban hanh|phát hành|phat hanh|gửi xin ý kiến|gui xin y kien)"
    r"(?:\s+(?:thay|thừa lệnh|thua lenh)(?:\s+\w+){0,3}?)?\s+((?:vào\s+|vao\s+)?(?:ngày|ngay|hôm|hom)\s+\d{1,2}\s*(?:(?:tháng|thang)\s*\d{1,2}\s*(?:năm|nam)\s*"
    r"|[/.-]\s*\d{1,2}\s*[/.-]\s*)(?:19|20)\d\d)\b",
    re.I,
)
_PLACE_WORDS = frozenset(fold_diacritics(p).split()[-1] for p in PLACE_NOUNS)  # "tỉnh", "(thành) phố", "xã" …
_PROVINCE_NAMES = frozenset(fold_diacritics(p.lower()) for p in PROVINCES)
_OFFICE_WORDS = frozenset(w for o in OFFICES for w in fold_diacritics(o.lower()).split()) | {"pho", "ong", "ba"}
_SIGNED_FOR = re.compile(r"\s+(?:thay|thừa lệnh|thua lenh|tl|kt)(?:\s+(?:Chủ tịch|Thủ tướng|Bộ trưởng|Chu tich|Thu tuong|Bo truong))?")
_APPOSITION_WORDS = 10  # ", Phó Chủ tịch UBND Thành phố," between a name and "ký": at most this many words


def signed_years(question: str) -> list[str]:
    """The years of the dates a question says its document was signed on ("… ký ngày 01/12/2025", "ky hom 17/11/2025"):
    a document is dated by its signing, so such a year is found in the document's date (Query.dated)."""
    return [m.group(1)[-4:] for m in _SIGNED_DATE_FORMS.finditer(question)]


def signers_named(question: str, forms: bool = False) -> list[str]:
    """The people a question names as having signed the document it asks of, as typed ("Nguyễn Chí Dũng"): the
    signature block names them, the passage that answers does not. With ``forms``, also a name typed without
    diacritics ("Nguyen Chi Dung ky"), or followed by the signer's title between commas ("ông Trương Việt Dũng, Phó
    Chủ tịch UBND Thành phố, ký"); and a place is not a signer ("Phó Chủ tịch UBND tỉnh Đồng Tháp ký")."""
    return [name for name, _ in _signatures(question, forms)]


def signature_spans(question: str) -> list[tuple[int, int]]:
    """Where a question says who signed the document it asks of (signers_named with forms), from the signer's office
    to "ký" and whom it was signed for: "Phó Thủ tướng Nguyễn Chí Dũng ký", "ông Mai Sơn, Phó Chủ tịch UBND tỉnh, ký thay
    Chủ tịch". Its words describe the signature block, not the passage that answers."""
    return [span for _, span in _signatures(question, True)]


def _signatures(question: str, forms: bool) -> list[tuple[str, tuple[int, int]]]:
    """Each signer named (as typed) and the span of what describes the signature."""
    found_names = []
    for found in (_SIGNED_FORMS if forms else _SIGNED).finditer(question):
        before = [(m.group(), m.start()) for m in re.finditer(r"\S+", question[: found.start()])]
        if forms and before and before[-1][0].endswith(","):  # skip the title set off by commas, back to the name
            opening = next((i for i in range(len(before) - 2, max(-1, len(before) - 2 - _APPOSITION_WORDS), -1)
                            if before[i][0].endswith(",")), None)
            if opening is not None and before[opening + 1][0][:1].isupper():
                before = [*before[:opening], (before[opening][0].rstrip(","), before[opening][1])]
        name = []
        while before and before[-1][0][:1].isupper() and len(name) < 4:
            name.insert(0, before.pop())
        if forms and (
            (before and fold_diacritics(before[-1][0].lower()) in _PLACE_WORDS)
            or fold_diacritics(" ".join(w for w, _ in name if not w.isupper()).lower()) in _PROVINCE_NAMES  # "UBND TP Hà Nội ký"
        ):
            continue
        if len(name) >= 2:
            start = name[0][1]
            while before and fold_diacritics(before[-1][0].lower()) in _OFFICE_WORDS:  # "Phó Thủ tướng", "ông"
                start = before.pop()[1]
            end = (_SIGNED_FOR.match(question, found.end()) or found).end()
            found_names.append((" ".join(w for w, _ in name), (start, end)))
    return found_names


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
