"""How a question was typed, read as what it asks: punctuation said in words by dictation ("… phẩy … chấm hỏi", "năm
mươi bảy gạch ngang NQ gạch chéo TW") and search-engine syntax ('"2629/QĐ-TTg" thay thế OR "bãi bỏ" quyết định nào',
'… gồm những gì -"tổ công nghệ số cộng đồng"') — rules of typed Vietnamese, each switchable."""

from __future__ import annotations

import re

# punctuation a dictating asker says ("phẩy", "chấm hỏi", "gạch chéo") → its mark (one binding to its neighbours
# stands without spaces: "năm mươi bảy-NQ/TW")
_SAID_MARKS = tuple(
    (re.compile(rf"\s*(?<!\w)(?:{said})(?!\w)\s*", re.I), mark if binds else f"{mark} ")
    for said, mark, binds in (
        (r"chấm hỏi|dấu hỏi chấm|dấu chấm hỏi", "?", False),
        (r"chấm than|dấu chấm than", "!", False),
        (r"chấm phẩy|chấm phảy", ";", False),
        (r"hai chấm", ":", False),
        (r"mở ngoặc(?: đơn)?", " (", True),
        (r"đóng ngoặc(?: đơn)?", ") ", True),
        (r"gạch ngang|gạch nối", "-", True),
        (r"gạch chéo|gạch xiên", "/", True),
    )
)
_NUMBER_WORD = re.compile(r"\d+|không|một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|triệu|tỷ", re.I)
# "phẩy" said for a comma: not "dấu phẩy" (the word itself), not between numbers ("hai phẩy năm": 2,5)
_SAID_COMMA = re.compile(r"(?<!\w)(?P<before>\w+\s+)?(?:phẩy|phảy)(?!\w)(?P<after>\s+\w+)?", re.I)


def _comma(said: re.Match) -> str:
    before, after = said.group("before") or "", said.group("after") or ""
    if before.strip().lower() == "dấu" or (_NUMBER_WORD.fullmatch(before.strip()) and _NUMBER_WORD.fullmatch(after.strip())):
        return said.group(0)  # "dấu phẩy" names the mark; "hai phẩy năm" is 2,5
    return f"{before.rstrip()}, {after.lstrip()}" if after else f"{before.rstrip()},"


_SAID_FULL_STOP = re.compile(r"\s+(?:chấm|dấu chấm)\s*$", re.I)  # "chấm" closing the question (not "chấm dứt")


def written_punctuation(question: str) -> str:
    """The question with the punctuation said in words written as marks ("ban chỉ đạo … khoa học phẩy công nghệ phẩy
    … họp phiên thứ hai vào ngày nào chấm hỏi" → "… khoa học, công nghệ, … vào ngày nào?"; "nghị quyết năm mươi bảy
    gạch ngang NQ gạch chéo TW" → "nghị quyết năm mươi bảy-NQ/TW"); itself when it says none ("chấm dứt" is no mark)."""
    text = question
    for said, mark in _SAID_MARKS:
        text = said.sub(mark, text)
    text = _SAID_COMMA.sub(_comma, text)
    if text != question:  # a question dictated with marks ends with "chấm" said, too
        text = _SAID_FULL_STOP.sub(".", text)
    text = re.sub(r"\s+([,;:?!.)])", r"\1", text)
    return " ".join(text.split())


# search-engine syntax: "OR" between terms, "+" before a term that must be there, "-" before one that must not, "site:"
_OR = re.compile(r"(?<=\S)\s+OR\s+(?=\S)")
_MUST = re.compile(r"(?:(?<=\s)|^)\+(?=[\"“\w])")
_MUST_NOT = re.compile(r"(?:(?<=\s)|^)-(?:\"[^\"]+\"|“[^”]+”|[^\W\d]\w*)")  # not "-2030" of "2026 -2030"
_SITE = re.compile(r"(?<!\w)(?:site|inurl|intitle|filetype):\S+", re.I)


def without_search_syntax(question: str) -> str:
    """The question as words when typed in search-engine syntax ('"2629/QĐ-TTg" thay thế OR "bãi bỏ" quyết định nào' →
    '"2629/QĐ-TTg" thay thế hoặc "bãi bỏ" quyết định nào'; a term excluded with "-" is no part of what is asked, "+"
    and "site:" ask nothing); the question itself when it has no such syntax or too little would be left."""
    if not (_OR.search(question) or _MUST.search(question) or _MUST_NOT.search(question) or _SITE.search(question)):
        return question
    text = _SITE.sub(" ", _MUST_NOT.sub(" ", _MUST.sub("", _OR.sub(" hoặc ", question))))
    text = " ".join(text.split()).strip(" —–-")
    return text if len(text.split()) >= 3 else question
