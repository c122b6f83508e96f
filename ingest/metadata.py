"""Metadata: số hiệu, loại văn bản, cơ quan ban hành, ngày ban hành and trích yếu from a document header."""

from __future__ import annotations

import re

from core.lexicon import AGENCIES, DOC_TYPES, ISSUER_BY_CODE, NEWS_TYPE, TYPE_BY_CODE
from core.models import DocMeta

HEADER_CHARS = 3000

# số hiệu forms: 20/2023/QH15, 224/2026/NĐ-CP, 1489/QĐ-TTg, 03/NQ-CP, 57-NQ/TW, 3260-KH/ĐĐQH15, 402-CV/VPĐU
_CODE = r"[A-ZĐ][A-ZĐa-zđ0-9]*"
NUMBER_RE = re.compile(
    rf"\b\d{{1,5}}(?:/\d{{4}})?(?:/{_CODE}(?:-{_CODE})*|-{_CODE}(?:/{_CODE})+)(?![\w/])"
)
_NUMBER_AFTER_SO = re.compile(rf"(?:^|[^\w])Số(?:\s+hiệu)?\s*:?\s*({NUMBER_RE.pattern})")
_NUMBER_AFTER_TYPE = re.compile(
    rf"^(?:{'|'.join(sorted(DOC_TYPES, key=len, reverse=True))})\s+số\s*:?\s*({NUMBER_RE.pattern})", re.M
)

_TYPE_LINE = re.compile(
    r"^(" + "|".join(t.upper() for t in sorted(DOC_TYPES, key=len, reverse=True)) + r")\b(.*)$"
)


_ISSUER_LINE = re.compile(
    r"^(QUỐC HỘI|CHÍNH PHỦ|THỦ TƯỚNG CHÍNH PHỦ|BỘ CHÍNH TRỊ|BAN CHẤP HÀNH TRUNG ƯƠNG|ĐẢNG ĐOÀN QUỐC HỘI|"
    r"ĐẢNG ỦY CHÍNH PHỦ|ỦY BAN NHÂN DÂN [A-ZĐÀ-Ỹ ]+|UBND [A-ZĐÀ-Ỹ ]+|HỘI ĐỒNG NHÂN DÂN [A-ZĐÀ-Ỹ ]+|"
    r"BỘ [A-ZĐÀ-Ỹ ,]+|SỞ [A-ZĐÀ-Ỹ ,]+|VĂN PHÒNG [A-ZĐÀ-Ỹ ]+|BAN CHỈ ĐẠO [A-ZĐÀ-Ỹ ,]+)$"
)
_OF_ISSUER = re.compile(r"^CỦA (BỘ CHÍNH TRỊ|CHÍNH PHỦ|QUỐC HỘI|THỦ TƯỚNG CHÍNH PHỦ)\b")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_DATE_SLASH = re.compile(r"\b(?:ngày\s+)?(\d{1,2})/(\d{1,2})/(\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
_SKIP_TITLE = re.compile(r"^(CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐẢNG CỘNG SẢN|Số\b|Hà Nội|Căn cứ|Kính gửi|V/v|-+$|_+$)", re.I)


def iso_day(day: str, month: str, year: str) -> str:
    """"22", "12", "2024" → "2024-12-22"; "" when they are no day."""
    d, m, y = int(day), int(month), int(year)
    if not (1 <= m <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return ""
    return f"{y:04d}-{m:02d}-{d:02d}"


def first_date(text: str) -> str:
    """The first date written in a text, as ISO (\"ngày 22 tháng 12 năm 2024\", \"22/12/2024\"); \"\" if none."""
    for pattern in (_DATE_WORDS, _DATE_SLASH):
        for match in pattern.finditer(text):
            iso = iso_day(*match.groups())
            if iso:
                return iso
    return ""


def number_type(number: str) -> str:
    """Loại văn bản implied by a số hiệu ("1489/QĐ-TTg" → "Quyết định")."""
    if re.fullmatch(r"\d+/\d{4}/QH\d+", number):
        return "Luật"
    codes = re.split(r"[-/]", number)
    for code in codes[1:]:
        if code in TYPE_BY_CODE:
            return TYPE_BY_CODE[code]
    return ""


def number_issuer(number: str) -> str:
    """Cơ quan ban hành implied by a số hiệu ("224/2026/NĐ-CP" → "Chính phủ")."""
    if re.fullmatch(r"\d+/\d{4}/QH\d+", number):
        return "Quốc hội"
    for code in reversed(re.split(r"[-/]", number)[1:]):
        if code in ISSUER_BY_CODE:
            return ISSUER_BY_CODE[code]
        if code.startswith("ĐĐQH"):
            return "Đảng đoàn Quốc hội"
    return ""


def find_numbers(text: str) -> list[str]:
    """Every số hiệu written in a text, in order, without repeats."""
    seen: dict[str, None] = {}
    for match in NUMBER_RE.finditer(text):
        seen.setdefault(match.group(0))
    return list(seen)


_PROPER_ISSUERS = {
    "BỘ CHÍNH TRỊ": "Bộ Chính trị",
    "CHÍNH PHỦ": "Chính phủ",
    "QUỐC HỘI": "Quốc hội",
    "THỦ TƯỚNG CHÍNH PHỦ": "Thủ tướng Chính phủ",
    "ĐẢNG ĐOÀN QUỐC HỘI": "Đảng đoàn Quốc hội",
    "ĐẢNG ỦY CHÍNH PHỦ": "Đảng ủy Chính phủ",
}


_AGENCY_HEAD = re.compile(
    r"^(?:Bộ|Chính phủ|Quốc hội|Thủ tướng|Ngân hàng|Ủy ban|Uỷ ban|UBND|Hội đồng|Văn phòng|Ban|Tổng cục|Cục|Sở|"
    r"Kiểm toán|Thanh tra|Tòa án|Toà án|Viện|Đảng|Tỉnh ủy|Thành ủy)\b",
    re.I,
)
_AGENCY_END = re.compile(r"\s+(?:ngày|về|quy định|hướng dẫn|ban hành|số|tại|năm|và các)\b|[,;:(\d]", re.I)


def canonical_issuer(text: str) -> str:
    """An issuing body's name as written, from text that begins with it ("Bộ công thương ngày 06/06/2016 …" →
    "Bộ Công Thương"); "" when the text does not begin with a body ("Nghị định số 61/2018/NĐ-CP …")."""
    text = " ".join(text.split())
    lower = text.lower()
    known = max((name for name in AGENCIES if lower.startswith(name.lower())), key=len, default="")
    if known and not lower[len(known) : len(known) + 1].isalnum():
        return known  # a known body, its own commas included ("Bộ Văn hóa, Thể thao và Du lịch")
    cut = _AGENCY_END.search(text)
    text = text[: cut.start()].strip() if cut else text
    if not _AGENCY_HEAD.match(text) or len(text.split()) > 12:
        return ""
    known = next((name for name in AGENCIES if name.lower() == text.lower()), "")
    return known or _title_case(text)


def _title_case(line: str) -> str:
    if line in _PROPER_ISSUERS:
        return _PROPER_ISSUERS[line]
    return line[:1].upper() + line[1:].lower() if line.isupper() else line


def _shorten(text: str, limit: int = 120) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def parse_metadata(text: str, given: dict | None = None, fallback_title: str = "") -> DocMeta:
    """Parse the header of a document's display text; ``given`` (front matter, collection fields) wins."""
    given = given or {}
    head = text[:HEADER_CHARS]
    lines = [ln.strip() for ln in head.split("\n") if ln.strip()]

    number = given.get("number", "")
    if not number and given.get("number_hint"):
        found = NUMBER_RE.search(given["number_hint"])
        number = found.group(0) if found else ""
    if not number:
        for pattern in (_NUMBER_AFTER_SO, _NUMBER_AFTER_TYPE):
            found = pattern.search(head)
            if found:
                number = found.group(1)
                break

    doc_type, title_from_type = "", ""
    for i, line in enumerate(lines[:40]):
        match = _TYPE_LINE.match(line)
        if match and (not match.group(2).strip() or line.isupper()):
            doc_type = match.group(1).capitalize()
            rest = match.group(2).strip(" :")
            follow = [rest] if rest else []
            for nxt in lines[i + 1 : i + 4]:
                if _SKIP_TITLE.match(nxt) or nxt.startswith(("Căn cứ", "Điều ", "Chương ")) or len(nxt) > 300:
                    break
                follow.append(nxt)
                if not nxt.isupper():
                    break
            title_from_type = " ".join(follow)
            break
    if given.get("hint_type"):
        doc_type = doc_type or given["hint_type"]
    if not doc_type:
        doc_type = number_type(number) if number else ""
    if not doc_type:
        doc_type = number_type(given.get("number_hint", "")) if given.get("number_hint") else ""

    issuer = given.get("issuer", "")
    if not issuer:
        for line in lines[:12]:
            of = _OF_ISSUER.match(line)
            if of:
                issuer = _title_case(of.group(1))
                break
    if not issuer and number:
        issuer = number_issuer(number)
    if not issuer:
        for line in lines[:8]:
            if _ISSUER_LINE.match(line):
                issuer = _title_case(line)
                break
    source_line = given.get("source_line", "")
    if not issuer and source_line:  # "Điều 1 Thông tư số 14/2016/TT-BCT … của Bộ Công Thương ngày …"
        issuer = next((name for m in re.finditer(r"của\s+(.+)", source_line) if (name := canonical_issuer(m.group(1)))), "")
    issuer = canonical_issuer(issuer) or issuer

    date = ""
    given_date = given.get("date", "")
    iso = _ISO_DATE.search(given_date)
    if iso:
        date = "-".join(g for g in iso.groups() if g)
    if not date:
        date = first_date(source_line) or first_date(head[:1500])

    title = given.get("title", "")
    if not title and source_line and number:
        # "Điều 1 Luật số 67/2006/QH11 Công nghệ thông tin ngày 29/06/2006 của Quốc hội, ..."
        after = source_line.split(number, 1)[-1]
        name = re.split(r"\s+ngày\s+\d|, có hiệu lực", after, maxsplit=1)[0].strip()
        title = f"{doc_type} {name}".strip() if name else ""
    if not title:
        subject = next((ln for ln in lines[:15] if ln.startswith("V/v")), "")
        title = subject[3:].strip(" :.") if subject else ""
    of_issuer = _OF_ISSUER.match(title_from_type)
    if of_issuer:
        title_from_type = title_from_type[of_issuer.end() :].strip()
    if not title and title_from_type:
        body = _title_case(title_from_type) if title_from_type.isupper() else title_from_type
        title = f"{doc_type} {body}" if doc_type == "Luật" or body[:1].islower() else body
    if not title and not doc_type and lines:
        first = lines[0]
        title = _shorten(first)
    if not doc_type:
        doc_type = NEWS_TYPE if not number else ""
    return DocMeta(
        doc_type=doc_type,
        number=number,
        issuer=issuer,
        date=date,
        title=(title or fallback_title)[:300],
    )
