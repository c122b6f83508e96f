"""A statement the question turns from: "Tôi biết …; còn …?", "… . Vậy …?" — a rule of Vietnamese discourse.

"Còn" and "vậy" after a clause's end turn from what the asker states to what they ask. The statement frames the question
(the document it names first, the places it names) but what it tells — a figure, a body, a later document, an Điều — is
not what is asked: "Tôi biết Quy định 384 bắt … thông báo … ít nhất 7 ngày làm việc …; còn khi … thì phải thông báo …
chậm nhất trong bao lâu?" is not answered by the 7 days.
"""

from __future__ import annotations

import re

from hoidap.query.documents import SHORT_REF
from hoidap.terms import PREAMBLE_WORDS, YEAR, Preamble, normalized, required_terms
from ingest.metadata import find_numbers
from ingest.normalize import fold_diacritics, has_diacritics

# where a question turns from what it states to what it asks: "…; còn …", "…. Còn …", "…, còn …", "…; vậy …", "…. Thế …"
# (not "còn lại", the rest); typed without diacritics, "con" is also a noun ("con số", "con dấu"), so not before those
_TURN = re.compile(
    r"[.;!,]\s+(?:(?:vậy|thế)\s+)?còn\s+(?!lại\b)"
    r"|[.;!]\s+(?:vậy|thế)(?!\s+(?:nào|là|thì sao)\b)(?:\s+thì)?\s*,?\s+",
    re.I,
)
_TURN_FOLDED = re.compile(
    r"[.;!,]\s+(?:(?:vay|the)\s+)?con\s+(?!(?:lai|so|dau|nguoi|cai|chau|tre|duong|em)\b)"
    r"|[.;!]\s+(?:vay|the)(?!\s+(?:nao|la|thi sao)\b)(?:\s+thi)?\s*,?\s+",
    re.I,
)
# a clause that asks something itself (then the two are a compound question, not a statement and a question)
_ASKING = re.compile(
    r"(?<!\w)(?:bao nhiêu|bao lâu|bao giờ|khi nào|lúc nào|nào|gì|ai|mấy|ra sao|thế nào|bao nhieu|bao lau|bao gio|khi nao|"
    r"luc nao|nao|gi|may)(?!\w)|\?",
    re.I,
)
# an asked clause that only points back ("còn X thì sao?"): it needs what the statement says
_ELLIPTIC = re.compile(r"(?:thì|thi)\s+(?:sao|thế nào|the nao|ra sao)\s*\??\s*$", re.I)


def premise_of(question: str) -> Preamble:
    """A statement and the question that turns from it ("Tôi biết Điều 42 Luật Giao dịch điện tử quy định về kết nối,
    chia sẻ dữ liệu. Còn quy định … nằm ở Điều nào?", "Kế hoạch 617 … thực hiện Kế hoạch số 283/KH-UBND; vậy việc …
    căn cứ vào nghị định nào?"): the statement is at least PREAMBLE_WORDS words and asks nothing; the question proper is
    what follows the last "còn" / "vậy" / "thế" after a clause's end, the connective left out. No premise when the
    question proper only points back ("…, còn X thì sao?")."""
    text = question.strip()
    for turn in reversed(list((_TURN if has_diacritics(text) else _TURN_FOLDED).finditer(text))):
        before, after = text[: turn.start() + 1].strip(" ,;"), text[turn.end() :].strip()
        if len(before.split()) >= PREAMBLE_WORDS and not _ASKING.search(before) and len(after.split()) >= 3:
            if _ELLIPTIC.search(after):
                break
            return Preamble(before, after[:1].upper() + after[1:] if text[:1].isupper() else after, True)
    return Preamble("", text, False)


def _folded(text: str) -> str:
    return " ".join(fold_diacritics(text.lower()).split())


def scope_numbers(statement: str) -> list[str]:
    """The số hiệu a statement names up to the first document it names ("Kế hoạch 617 … thực hiện Kế hoạch số
    283/KH-UBND" → []: 617 is named first, 283 is what is told of it)."""
    folded = _folded(statement)
    first = SHORT_REF.search(folded)
    end = first.end() if first else len(folded)
    return [n for n in find_numbers(statement) if 0 <= folded.find(_folded(n)) < end]


def framing(statement: str, names: list[str]) -> str:
    """The words of a statement that frame the question turned from it, folded and space-padded: its first document
    named ("ke hoach 617" of "Kế hoạch 617 của Đồng Tháp được ban hành để thực hiện Kế hoạch số 283/KH-UBND") and its
    ``names`` (premise_names); the rest is what it tells, which passages are not looked for by."""
    folded = _folded(statement)
    first = SHORT_REF.search(folded)
    named = [first.group(0)] if first else [_folded(n) for n in scope_numbers(statement)[:1]]
    return " " + " ".join(normalized(" ".join(named + names), exact=False).split()) + " "


def premise_names(statement: str) -> list[str]:
    """The names a statement frames the question with (places, bodies named as subjects), folded: what required_terms
    finds in it less its years and số hiệu (those are what it tells, or the scope_numbers)."""
    numbers = {normalized(n, exact=False).strip() for n in find_numbers(statement)}
    return [t for t in required_terms(statement) if not YEAR.fullmatch(t) and t not in numbers and not re.search(r"\d", t)]


_FIGURE = re.compile(r"(?<![\w/.,])\d+(?:[.,]\d+)?(?![\w/])")  # a figure: "7", "95", "1.500", "2,5"


def figures(text: str) -> list[str]:
    """The figures a text gives, in order, less its years and the digits of its số hiệu ("… ít nhất 7 ngày làm việc …
    theo Nghị định 13/2023/NĐ-CP, đến năm 2030" → ["7"])."""
    numbers = " ".join(find_numbers(text))
    return [f for f in _FIGURE.findall(text) if not YEAR.fullmatch(f) and f not in numbers]


def told_facts(statement: str) -> list[str]:
    """The figures a statement tells (not its years, số hiệu or the numbers naming a part or a document): "… ít nhất 7
    ngày làm việc …" → ["7"]; "… đạt 95% đến năm 2030" → ["95"]. What a sentence gives only these does not answer the
    question turned from it."""
    named = {m.group(0) for m in _NAMING.finditer(_folded(statement))}  # "Quy định 384", "Điều 42": names, no figures
    named = " ".join(named) + " " + " ".join(ref.group(0) for ref in SHORT_REF.finditer(_folded(statement)))
    return [
        f for f in dict.fromkeys(figures(statement))
        if not re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d.,])", named)
    ]


# a locator naming a part by its number ("Điều 42", "khoản 2", "mục 3", "phụ lục 2"), folded
_NAMING = re.compile(r"\b(?:dieu|khoan|diem|muc|phu luc|chuong|tieu muc|nhiem vu|chi tieu|dong|stt)\s+(?:so\s+)?\d+")
