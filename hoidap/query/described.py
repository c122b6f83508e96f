"""Documents described, not named: "nghị định hướng dẫn Luật Chuyển đổi số", "kế hoạch về dữ liệu của Hà Nội", "văn
bản của Trung ương về chia sẻ dữ liệu trong cơ quan Đảng". A type word and the words after it, up to the predicate, are
read against every indexed document of that type (or whose title issues or approves one: "Kế hoạch … Luật Bảo vệ dữ liệu
cá nhân" is the plan the Quyết định "ban hành Kế hoạch …" issues; not a decree whose title merely names a law): the one
document whose title and issuer hold nearly all of them is named."""

from __future__ import annotations

import re
from typing import NamedTuple

from core.lexicon import DESCRIBED_TYPES
from ingest.metadata import iso_day
from ingest.normalize import fold_diacritics, has_diacritics
from ingest.segment import FOLDED_STOPWORDS

DESCRIBED_SHARE = 0.75  # the share of the description's words a document's title and issuer must hold
DESCRIPTION_WORDS = 24  # words read after the type word (a title cut short would match a shorter one)
# words that end a description: the predicate or the question begins ("… có hiệu lực", "… giao Sở nào", "… do ai"), as
# typed with diacritics, and folded (typed without them)
_ENDS_WRITTEN = frozenset({
    "có", "được", "do", "là", "phải", "giao", "nào", "gì", "khi", "ai", "sẽ", "đã", "cần", "yêu", "hiệu", "đạt", "nếu",
    "đưa", "chủ", "trì", "hết", "còn", "bị", "như", "mấy", "mới",
})
_ENDS = frozenset(fold_diacritics(w) for w in _ENDS_WRITTEN)
# a topic stated first ("Kết nối, chia sẻ dữ liệu giữa cơ quan đảng … — quy định của Ban Bí thư về việc này …"), and the
# words that point back to it
_TOPIC = re.compile(r"^\s*([^—–:?]{6,160}?)\s*(?:—|–|:| - )")
_THIS_MATTER = re.compile(r"\bve (?:viec|van de|noi dung|linh vuc|chu de) (?:nay|do|tren)\b")  # folded
_ANY_TYPE = "van ban"  # "văn bản …": a document of any type
_SHORT_WORDS = frozenset(w for stop in FOLDED_STOPWORDS for w in stop.replace("_", " ").split())


class Described(NamedTuple):
    """An indexed document as a description may name it."""

    number: str
    doc_type: str  # folded
    text: str  # folded words of its title and issuer (and "nam <year>"), space-padded
    date: str = ""  # the day it is dated, ISO ("2025-12-01"); "" when unknown


def described_entry(number: str, doc_type: str, title: str, issuer: str, year: str = "", date: str = "") -> Described:
    """A document as descriptions name it: by its type, the words of its title and issuer, the year it is dated
    ("quy định của Ban Bí thư năm 2025 …") and, with ``date``, the day ("Quyết định Thủ tướng ký ngày 01/12/2025")."""
    dated = f" nam {year}" if year else ""
    return Described(number, _folded(doc_type), f" {_folded(f'{title} {issuer}')}{dated} ", date)


# a day a description dates its document by, in its folded words: "ngày 01/12/2025" ("ngay 01 12 2025"), "ngay 1 thang
# 12 nam 2025", "hôm 20/11/2025" (groups: day, month, year; the issuing verb before it is part of it: "ký ngày …")
_DAY = re.compile(
    r"(?:\b(?:ban hanh|ky|thong qua)\s+)?(?:\b(?:ngay|hom)\s+)?\b(\d{1,2})\s+(?:thang\s+)?(\d{1,2})\s+(?:nam\s+)?"
    r"((?:19|20)\d\d)\b"
)


def dated_day(text: str) -> tuple[str, str]:
    """(the ISO day a folded text dates a document by, the text without it) or ("", text)."""
    found = _DAY.search(text)
    day = iso_day(*found.groups()) if found else ""
    return (day, text[: found.start()] + " " + text[found.end() :]) if day else ("", text)


def _folded(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold_diacritics(text.lower())))


_TYPES = sorted((_folded(t) for t in (*DESCRIBED_TYPES, "văn bản")), key=len, reverse=True)
_TYPE = re.compile(r"\b(" + "|".join(_TYPES) + r")\b")


def description(words: list[str], written: list[str] | None = None) -> list[str]:
    """The content words of a description (folded words after the type word): up to its end, less function words.
    ``written``: the same words as typed, with diacritics, when the question has them ("cơ quan", "Ban Bí thư" do not
    end a description; "có", "bị" do)."""
    kept: list[str] = []
    for i, word in enumerate(words[:DESCRIPTION_WORDS]):
        if (written[i] in _ENDS_WRITTEN) if written else (word in _ENDS):
            break
        if word not in _SHORT_WORDS:
            kept.append(word)
    return kept


def described_number(question: str, documents: tuple[Described, ...], days: bool = False) -> str:
    """The số hiệu of the one indexed document a question describes by type and subject ("" when none or several).
    With ``days``, a description that dates its document by a day ("Quyết định Thủ tướng Chính phủ ban hành ngày
    01/12/2025 về …", "văn bản … Chính phủ ký ngày 15/5/2026") names the one document of that type dated so (of those,
    the one its other words describe)."""
    lower = re.sub(r"\bbao (?:nhiêu|nhieu|lâu|lau|giờ|gio)\b", "nào", question.lower())  # not "bảo vệ"
    topic = _TOPIC.match(lower)
    if topic and _THIS_MATTER.search(fold_diacritics(lower), topic.end()):  # "Kết nối, chia sẻ dữ liệu … — quy định …
        rest = fold_diacritics(lower[topic.end() :])  # về việc này …": the topic stated first
        found = _THIS_MATTER.search(rest)
        lower = lower[: topic.end()] + lower[topic.end() :][: found.start()] + f"về {topic.group(1)}" + lower[topic.end() :][found.end() :]
    exact = has_diacritics(question)
    for clause in re.split(r"[?;:.!()—–\"“”]| - ", lower):  # (not at commas: "kết nối, chia sẻ dữ liệu" is one title)
        written = re.findall(r"\w+", clause)
        text = fold_diacritics(" ".join(written))
        for found in _TYPE.finditer(text):
            doc_type = found.group(1)
            before = len(text[: found.end()].split())
            after = text[found.end():].split()
            if after[:1] and after[0].isdigit():
                continue  # "Nghị định 224": named by number, not described
            day, rest = dated_day(" ".join(after)) if days else ("", "")
            if day:  # "… ký ngày 01/12/2025 về …": the documents of that type dated so, read by the words left
                typed = [
                    d for d in documents
                    if d.date == day and (doc_type == _ANY_TYPE or d.doc_type == doc_type or f" ban hanh {doc_type} " in d.text)
                ]
                wanted = description(rest.split())
                if len(typed) == 1:
                    return typed[0].number
                scored = sorted(((sum(f" {w} " in d.text for w in wanted) / max(1, len(wanted)), d.number) for d in typed), reverse=True)
                if len(scored) > 1 and scored[0][0] > scored[1][0]:
                    return scored[0][1]
                continue
            wanted = description(after, written[before:] if exact else None)
            if len(wanted) < 2:
                continue
            scored = sorted(
                ((sum(f" {w} " in d.text for w in wanted) / len(wanted), d.number) for d in documents
                 if doc_type == _ANY_TYPE or d.doc_type == doc_type or f" ban hanh {doc_type} " in d.text
                 or f" phe duyet {doc_type} " in d.text),
                reverse=True,
            )
            if scored and scored[0][0] >= DESCRIBED_SHARE and (len(scored) == 1 or scored[1][0] < scored[0][0]):
                return scored[0][1]
    return ""
