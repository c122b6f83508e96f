"""How a số hiệu is written in a question: the dashes and digits a copy-paste brings into it ("174/2026/NĐ–CP",
"２６２９/QĐ‑TTg"), and the type word an asker puts before it, which the code inside the số hiệu corrects ("Quyết định
174/2026/NĐ-CP" is a Nghị định; "công văn 3260-KH/ĐĐQH15" a Kế hoạch) — rules of Vietnamese legal text, each switchable.

Each function returns the question as it would have been typed plainly; what it cannot read it leaves as it is.
"""

from __future__ import annotations

import re
import unicodedata

from core.lexicon import DOC_TYPE_CODES, DOC_TYPES, TYPE_BY_CODE
from ingest.normalize import fold_diacritics

# dashes and hyphens other than "-" (en, em, figure dash, minus, non-breaking hyphen, hyphen) and the fraction and
# division slashes, as a word processor or a PDF writes them
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_SLASHES = "\u2044\u2215\uff0f"
# a số hiệu: digits, then pieces opening with a digit or a capital, parted by the marks it is written with
# ("174/2026/NĐ–CP", "3260–KH/ĐĐQH15"); "12/2025 — theo …" is a date and a clause, not one
_CODE_LIKE = re.compile(rf"\d+(?:\s*[/{_DASHES}{_SLASHES}-]\s*[\dA-ZĐ]\w*)+")


def plain_code_marks(question: str) -> str:
    """Full-width digits and letters as plain ones ("２０２５" → "2025"), and inside a số hiệu the dashes and slashes a
    copy-paste brings written "-" and "/" ("2629/QĐ–TTg" → "2629/QĐ-TTg"); a dash between words ("Hà Nội – Bắc Ninh")
    is left as it is."""
    question = "".join(unicodedata.normalize("NFKC", ch) if "\uff01" <= ch <= "\uff5e" else ch for ch in question)
    table = str.maketrans({**{d: "-" for d in _DASHES}, **{s: "/" for s in _SLASHES}})

    def plain(m: re.Match) -> str:
        text = m.group(0)
        if not re.search(r"[A-ZĐ]", text):
            return text  # no type or issuer code: a date or a span of years ("2025–2030"), left as typed
        return re.sub(r"\s*([/-])\s*", r"\1", text.translate(table))

    return _CODE_LIKE.sub(plain, question)


# type codes folded ("ND" for "NĐ"), each with the type it names
_FOLDED_CODES = {fold_diacritics(code).replace("Đ", "D"): doc_type for code, doc_type in TYPE_BY_CODE.items()}
# the type words a question names a document by, longest first; "Chương trình" is left out: a programme issued by a
# Quyết định is named by what it is ("Chương trình 2629/QĐ-TTg")
_NAMED_TYPES = sorted((t for t in (*DOC_TYPES, *DOC_TYPE_CODES) if t != "Chương trình"), key=len, reverse=True)
_FOLDED_WORDS = {fold_diacritics(t.lower()).replace("đ", "d"): t for t in _NAMED_TYPES}
# a type word, then a whole số hiệu with its code: "quyet dinh 174/2026/nd-cp", "cong van so 3260-kh/ddqh15" (folded)
_TYPED_NUMBER = re.compile(
    r"(?<!\w)(?P<word>" + "|".join(re.escape(folded) for folded in _FOLDED_WORDS) + r")"
    r"(?:\.?\s+(?:so\s+)?|\.)(?P<number>\d{1,5}(?:/\d{4})?[/-](?P<code>[a-z]+)\b)",
)

# a code two types share: "QĐ" numbers the State's Quyết định and the Party's Quy định ("384-QĐ/TW"); a type word
# naming either is kept, any other dropped (the số hiệu alone names the document)
_SHARED_CODES = {"QD": ("Quyết định", "Quy định")}


def types_from_codes(question: str) -> str:
    """The type word before a whole số hiệu set right by the code inside it: "Quyết định 174/2026/NĐ-CP" → "Nghị định
    174/2026/NĐ-CP", "cong van so 3260-KH/DDQH15" → "ke hoach so 3260-KH/DDQH15". A type word that agrees with the code,
    or a số hiệu whose code names no type ("Luật 20/2023/QH15"), is left as typed."""
    folded = fold_diacritics(question.lower()).replace("đ", "d")
    if len(folded) != len(question):
        return question
    accented = folded != question.lower()
    out, last = [], 0
    for m in _TYPED_NUMBER.finditer(folded):
        code = m.group("code").upper()
        right = _FOLDED_CODES.get(code, "")
        typed = _FOLDED_WORDS[m.group("word")]
        typed = TYPE_BY_CODE.get(typed, typed)  # "QĐ 174/2026/NĐ-CP": a code typed as the type word
        if not right or typed == right or typed in _SHARED_CODES.get(code, ()) or (typed, right) == ("Thông tư liên tịch", "Thông tư"):
            continue
        if code in _SHARED_CODES:  # "Nghị quyết 384-QĐ/TW": the số hiệu alone
            out += [question[last : m.start("word")]]
            last = m.start("number")
            continue
        written = question[m.start("word") : m.end("word")]
        word = right if written[:1].isupper() else right.lower()
        if not accented:  # "cong van so 3260-KH/DDQH15" → "ke hoach so 3260-KH/DDQH15"
            word = fold_diacritics(word).replace("Đ", "D").replace("đ", "d")
        out += [question[last : m.start("word")], word]
        last = m.end("word")
    return "".join(out) + question[last:] if out else question
