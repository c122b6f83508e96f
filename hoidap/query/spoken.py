"""Numbers said in words where the documents write digits: a number dictated digit by digit ("kế hoạch một bốn bốn",
"giai đoạn hai không hai sáu đến hai không ba mươi") and an item's place said as an ordinal word ("chỉ tiêu thứ sáu",
"nhiệm vụ thứ mười", "điều thứ năm"). Read only in questions typed with diacritics: without them "nam", "sau", "tu"
are other words."""

from __future__ import annotations

import re

_DIGITS = {
    "không": "0", "linh": "0", "một": "1", "mốt": "1", "hai": "2", "ba": "3", "bốn": "4", "tư": "4", "năm": "5",
    "lăm": "5", "sáu": "6", "bảy": "7", "tám": "8", "chín": "9",
}
_DIGIT = "|".join(sorted(_DIGITS, key=len, reverse=True))
# three digit words or more in a row, or "X mươi" closing a run ("hai không ba mươi": 2030), after a word that a number
# follows ("kế hoạch một bốn bốn", "giai đoạn hai không hai sáu", "đến hai không ba mươi"); four or more anywhere ("ba
# năm một lần" is "every three years")
_BEFORE = (
    "kế hoạch", "quyết định", "nghị định", "nghị quyết", "thông tư", "quy định", "công văn", "luật số", "số", "giai đoạn",
    "đến", "năm", "qđ", "nđ", "kh", "tt", "nq", "cv",
)
_TAIL = rf"(?:(?:{_DIGIT})\s+mươi|{_DIGIT})"
_AFTER_WORD = re.compile(
    rf"(?<!\w)((?:{'|'.join(_BEFORE)})\s+)((?:(?:{_DIGIT})\s+){{2,}}{_TAIL})(?!\w)", re.I
)
_LONG_RUN = re.compile(rf"(?<!\w)((?:(?:{_DIGIT})\s+){{3,}}{_TAIL})(?!\w)", re.I)

_ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_UNITS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
# the nouns whose items are counted in order (rows, units of a document)
_COUNTED = (
    "chỉ tiêu", "nhiệm vụ", "giải pháp", "dòng", "hàng", "mục", "điều", "khoản", "chương", "phần", "điểm", "nhóm",
    "lĩnh vực", "phụ lục", "tiểu mục",
)
_ORDINAL = re.compile(
    rf"(?<!\w)((?:{'|'.join(_COUNTED)})(?:\s+[^\s,.;:?]+){{0,3}}?\s+thứ)\s+"
    rf"(mười(?:\s+(?:{'|'.join(_UNITS)}))?|hai mươi|(?:{'|'.join(_ORDINALS)}))(?!\w)",
    re.I,
)


def _run_digits(words: str) -> str:
    parts = words.lower().split()
    if parts[-1] == "mươi":  # "… ba mươi": the last two digits are "30"
        return "".join(_DIGITS[w] for w in parts[:-2]) + _DIGITS[parts[-2]] + "0"
    return "".join(_DIGITS[w] for w in parts)


def ordinal_number(said: str) -> int:
    """The number an ordinal word says ("tư" → 4, "mười hai" → 12); digits as they are."""
    return int(said) if said.isdigit() else _ordinal_number(said)


def _ordinal_number(said: str) -> int:
    words = said.lower().split()
    if words[0] == "mười":
        return 10 + (_UNITS[words[1]] if len(words) > 1 else 0)
    if words == ["hai", "mươi"]:
        return 20
    return _ORDINALS[words[0]]


def numbers_in_digits(question: str) -> str:
    """The question with numbers dictated digit by digit written in digits ("quy định ba tám bốn" → "quy định 384") and
    ordinal words after a counted noun written as numbers ("chỉ tiêu thứ sáu" → "chỉ tiêu thứ 6")."""
    text = _AFTER_WORD.sub(lambda m: m.group(1) + _run_digits(m.group(2)), question)
    text = _LONG_RUN.sub(lambda m: _run_digits(m.group(1)), text)
    return _ORDINAL.sub(lambda m: f"{m.group(1)} {_ordinal_number(m.group(2))}", text)
