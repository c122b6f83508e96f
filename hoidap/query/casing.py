"""A question typed in capitals ("THEO KẾ HOẠCH 308 …") or with every word capitalised ("Bộ Khoa Học Và Công Nghệ Tổ
Chức …") says nothing by its letter case: it is read in sentence case, its initialisms, số hiệu and province names
kept as the documents write them."""

from __future__ import annotations

import re

from core.lexicon import ABBREVIATIONS, CHAT_FORMS, DOC_TYPE_CODES, PROVINCES, TYPE_BY_CODE

CASE_SHARE = 0.8  # the share of capital letters (or capitalised words) that makes a question's case say nothing
CASE_WORDS = 4  # … in a question of this many words or more

_KNOWN_UPPER = frozenset(
    w.upper() for w in (*ABBREVIATIONS, *CHAT_FORMS, *DOC_TYPE_CODES, *TYPE_BY_CODE) if w.upper() == w or w.isupper()
)
_TOKEN = re.compile(r"[^\s,;:?!()\"'“”…]+")
_PROVINCE = re.compile(r"(?<!\w)(" + "|".join(re.escape(p) for p in sorted(PROVINCES, key=len, reverse=True)) + r")(?!\w)", re.I)


def case_says_nothing(question: str) -> str:
    """"capitals" when most letters are capitals, "titled" when most words are capitalised, else ""."""
    words = [w for w in _TOKEN.findall(question) if w[:1].isalpha()]
    letters = [c for c in question if c.isalpha()]
    if len(words) < CASE_WORDS or not letters:
        return ""
    if sum(c.isupper() for c in letters) >= CASE_SHARE * len(letters):
        return "capitals"
    if len(words) >= CASE_WORDS + 2 and sum(w[0].isupper() for w in words) >= CASE_SHARE * len(words):
        return "titled"
    return ""


def sentence_cased(question: str) -> str:
    """The question in sentence case when its letter case says nothing (case_says_nothing); as typed otherwise. Kept:
    words with a digit or "&" ("80/2020/TT-BCA", "KH&CN"), known initialisms ("UBND", "QĐ"), and in a title-cased
    question any word typed all in capitals; province names are written as the documents write them."""
    kind = case_says_nothing(question)
    if not kind:
        return question

    def word(match: re.Match) -> str:
        typed = match.group(0)
        bare = typed.strip(".-")
        if any(c.isdigit() for c in typed) or "&" in typed or bare.upper() in _KNOWN_UPPER and len(bare) > 1:
            return typed
        if kind == "titled" and len(bare) > 1 and bare.isupper():
            return typed  # "UBND" among capitalised words is an initialism
        return typed.lower()

    lowered = _TOKEN.sub(word, question)
    lowered = _PROVINCE.sub(lambda m: next(p for p in PROVINCES if p.lower() == m.group(0).lower()), lowered)
    return lowered[:1].upper() + lowered[1:]
