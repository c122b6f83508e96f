"""Matching a question's terms against text: normalized forms, coverage of weighted phrases, defining
clauses, names that must occur (outside longer names), office holders.

Shared by query analysis, the retriever (coverage rerank) and selection (evidence checks).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from core.lexicon import (
    AUTHORITIES,
    BODY_KINDS,
    DOC_TYPES,
    GOVERNMENT_LEVELS,
    HOME_COUNTRY,
    OFFICES,
    PROVINCES,
    SELF_NAMED_BODIES,
)
from ingest.metadata import NUMBER_RE, find_numbers
from ingest.normalize import canonical_tone, fold_diacritics
from ingest.segment import FOLDED_PREFIX, words_of

_SYLLABLE = re.compile(r"\w+")
UNKNOWN_TERM_WEIGHT = 8.0  # a question term that occurs nowhere in the corpus weighs like a very rare one
NUMBER_WEIGHT_FLOOR = 4.0  # numbers (years, số hiệu) are what questions hinge on


def normalized(text: str, exact: bool) -> str:
    """Syllables of a text, lower-cased, one tone placement (folded when not exact), space-padded.

    "%" reads "phần trăm", as a question asks it ("bao nhiêu phần trăm?").
    """
    syllables = _SYLLABLE.findall(canonical_tone(text.lower().replace("%", " phần trăm ")))
    joined = " ".join(syllables)
    return f" {joined if exact else fold_diacritics(joined)} "


YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Tô Tôn Vương Đinh Trịnh Mai Cao "
    "Lâm Đào Hà Lương Thái Trương Chu Đoàn Lưu Văn Kiều Quách Tạ Triệu Khúc Lại Âu Giang Hứa Mạc Nông"
).split()
PERSON = re.compile(rf"\b(?:{'|'.join(_SURNAMES)})(?:\s+[A-ZĐ][^\s,.;:]*){{1,3}}")
DATE_IN_TEXT = re.compile(r"(ngày\s+\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|tháng\s+\d{1,2}\s+năm\s+\d{4}|năm\s+\d{4})", re.I)
EXACT_PREFIX = "="  # a term that counts only as a whole phrase
DEFINITION_PREFIX = "=?"  # a term that counts only where a clause or heading defines it (see defines())


# An office as written before or after its holder ("Bí thư Tỉnh ủy Bình Phước Nguyễn Mạnh Cường",
# "Tô Lâm, Trưởng Ban Chỉ đạo").
ROLE = re.compile(r"\b(?:Phó\s+)?(?:" + "|".join(OFFICES) + r")\b", re.I)
ROLE_TO_NAME_CHARS = 40  # the office's qualifier ("UBND tỉnh Bình Phước") between the office and the name
_NO_BREAK = re.compile(r"^[^.;:!?()\n]*$")


def names_holder(text: str, role: str, question: str) -> bool:
    """Whether a sentence names a person holding the office ``role`` asked about in ``question``: the
    office, its qualifier, then the name, or the name, then the office.

    Another office that contains it ("Phó Chủ tịch" for "Chủ tịch") or another qualifier ("Chủ tịch Quốc
    hội" for "Chủ tịch UBND tỉnh") does not count.
    """
    people = list(PERSON.finditer(text))
    if not people:
        return False
    wanted = normalized(role, exact=False)
    asked = set(normalized(question, exact=False).split())
    for found in ROLE.finditer(text):
        if normalized(found.group(0), exact=False) != wanted:
            continue
        for person in people:
            if person.start() >= found.end():
                between = text[found.end() : person.start()]
                qualifier = set(normalized(between, exact=False).split())
                if len(between) <= ROLE_TO_NAME_CHARS and _NO_BREAK.match(between) and qualifier <= asked:
                    return True
            elif person.end() <= found.start() and text[person.end() : found.start()].strip() in ("", ",", "-", "–"):
                return True
    return False


CLAUSE = "¶"  # marks where a clause starts in evidence_text
_CLAUSE_BREAK = re.compile(r"\n|(?<=[.;!?])\s+")
_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-zđ]\))\s*")


_CEASES = re.compile(r"hết hiệu lực|thay thế|bãi bỏ|sửa đổi|hủy bỏ|ngưng hiệu lực", re.I)
_EFFECT_ARTICLE = re.compile(r"hiệu lực|chuyển tiếp|thi hành", re.I)


def states_validity(text: str, heading: str) -> bool:
    """Whether a passage says something ends, is replaced, repealed or amended, or belongs to the article
    on effect or transition ("Điều 90. Hiệu lực thi hành", "… Quy định chuyển tiếp")."""
    return bool(_CEASES.search(text) or _EFFECT_ARTICLE.search(heading))


def evidence_text(text: str, exact: bool) -> str:
    """normalized() of a passage with a ¶ token at each clause start (line, sentence, khoản, điểm).

    Lets a definition ("Giao dịch điện tử là …") be told from a mention ("… phục vụ giao dịch điện tử là …").
    """
    clauses = [normalized(_LIST_MARK.sub("", c), exact).strip() for c in _CLAUSE_BREAK.split(text)]
    return " " + " ".join(f"{CLAUSE} {c}" for c in clauses if c) + f" {CLAUSE} "


def defines(subject: str, evidence: str) -> bool:
    """Whether an evidence_text() defines "<subject> là": a clause starting so, or a heading that is the subject.

    "Nguyên tắc bảo đảm an toàn thông tin mạng là gì?" is answered by the article of that title.
    """
    heading = subject.removesuffix(" là")
    return f" {CLAUSE} {subject} " in evidence or f" {CLAUSE} {heading} {CLAUSE} " in evidence


def coverage(terms, text: str, alternates=None) -> float:
    """Share of the question's term weight found in a normalized text (an evidence_text() for definitions).

    ``alternates`` maps a term to other forms that count as it (the abbreviation of a spelled-out term).
    """
    total = sum(terms.values())
    if total <= 0:
        return 0.0
    alternates = alternates or {}
    found = 0.0
    for t, w in terms.items():
        share = _found_share(t, text)
        for alt in alternates.get(t, ()) if share < 1.0 else ():
            share = max(share, _found_share(alt, text))
        found += w * share
    return found / total


def _found_share(term: str, text: str) -> float:
    """1 when the phrase occurs; else the share of its longest occurring sub-phrase of ≥ 2 syllables.

    (underthesea sometimes glues a name to the next word: "Bình Phước xếp".)
    """
    if term.startswith(DEFINITION_PREFIX):
        return 1.0 if defines(term[len(DEFINITION_PREFIX) :], text) else 0.0
    if term.startswith(EXACT_PREFIX):
        return 1.0 if f" {term[1:]} " in text else 0.0
    if f" {term} " in text:
        return 1.0
    syllables = term.split()
    n = len(syllables)
    for size in range(n - 1, 1, -1):
        for i in range(n - size + 1):
            if f" {' '.join(syllables[i:i + size])} " in text:
                return size / n
    return 0.0


def _is_proper_name(word: str) -> bool:
    """A word of two syllables or more, each capitalised ("Đồng Tháp", "Hà Nội"; not "đáp ứng")."""
    syllables = word.split()
    return len(syllables) >= 2 and all(s[0].isupper() for s in syllables)


# Capitalised words that name a kind of document or an office, not a place or a person.
_GENERIC_TITLES = frozenset(
    " ".join(w.lower().split())
    for w in (*DOC_TYPES, *OFFICES, *(f"Phó {o}" for o in OFFICES), *AUTHORITIES, "Chính phủ", "Quốc hội", "Điều",
              "Khoản", "Tỉnh")
)
# … folded, with the words they begin with: typed without diacritics, "Ban Bi thu" is segmented "Ban Bi" + "thu"
_GENERIC_FOLDED = frozenset(
    " ".join(words[:n]) for title in _GENERIC_TITLES for words in [fold_diacritics(title).split()] for n in range(2, len(words) + 1)
)


# A unit of a document named by its number ("Mục IV", "Phụ lục II", "Chương 3"): its passages need not repeat it
_UNIT_REFERENCE = re.compile(r"^(?:dieu|khoan|diem|muc|tieu muc|chuong|phan|phu luc)(?: [ivxlc]+| \d+[a-z]?)?$")


def _generic(word: str) -> bool:
    """Whether a capitalised word names a kind of document, an office or an authority, or a unit of a document
    ("Mục IV"), not a place or a person."""
    lower = " ".join(word.lower().split())
    folded = fold_diacritics(lower)
    return lower in _GENERIC_TITLES or folded in _GENERIC_FOLDED or bool(_UNIT_REFERENCE.match(folded))


def names_all(required: list[str], text: str, weight, question: str) -> bool:
    """Whether a text names every required term (see required_terms), each outside a longer name.

    "Bình Dương" inside "Thái Bình Dương" (a word the corpus segmentation knows) is another name, unless
    the question says the longer name too ("Trưởng Ban Chỉ đạo" for "Chỉ đạo").
    """
    asked = normalized(question, exact=False)
    syllables = list(_SYLLABLE.finditer(text))
    folded = [fold_diacritics(canonical_tone(m.group(0).lower())) for m in syllables]
    padded = f" {' '.join(folded)} "
    for term in required:
        parts = term.split()
        if f" {term} " not in padded:
            return False
        starts = [i for i in range(len(folded) - len(parts) + 1) if folded[i : i + len(parts)] == parts]
        if not any(not _inside_longer_name(syllables, folded, i, parts, text, weight, asked) for i in starts):
            return False
    return True


def _inside_longer_name(syllables, folded: list[str], i: int, parts: list[str], text: str, weight, asked: str) -> bool:
    if i == 0:
        return False
    prev = syllables[i - 1]
    if not prev.group(0)[0].isupper() or text[prev.end() : syllables[i].start()].strip():
        return False
    longer = [folded[i - 1], *parts]
    return f" {' '.join(longer)} " not in asked and weight(FOLDED_PREFIX + "_".join(longer)) > 0


_ORDINAL_WORDS = {"nhat": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
                  "chin": 9, "muoi": 10, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8,
                  "ix": 9, "x": 10}
_EVENT_ORDINAL = re.compile(
    r"\b(phien hop|hoi nghi|ky hop|cuoc hop|dai hoi|hop phien)(?: lan)? thu (\d{1,2}|[a-z]+)\b"
)  # "họp phiên thứ hai": the second phiên họp, as "Phiên họp thứ hai"


def event_ordinals(folded: str) -> dict[str, int]:
    """Meetings named by their ordinal, folded: {"phien hop": 2} for "Phiên họp thứ hai" (or "lần thứ 2", "thứ II");
    the first one named of each kind."""
    found: dict[str, int] = {}
    for noun, value in named_meetings(folded):
        found.setdefault(noun, value)
    return found


def named_meetings(folded: str) -> list[tuple[str, int]]:
    """Every (meeting noun, ordinal) a folded text names."""
    out = []
    for noun, n in _EVENT_ORDINAL.findall(folded):
        value = int(n) if n.isdigit() else _ORDINAL_WORDS.get(n)
        if value:
            out.append(("phien hop" if noun == "hop phien" else noun, value))
    return out


# the asker speaking of their own case ("Công ty tôi …", "sở chúng tôi …")
_FIRST_PERSON = re.compile(r"(?<!\w)(?:tôi|chúng tôi|mình)(?!\w)", re.I)
# a case supposed before "thì" ("Một giao dịch điện tử được xác lập năm 2023, …, thì tiếp tục áp dụng luật nào?", "Nếu …
# thì …?", "Trường hợp … thì …?"); not "Khi nào …"
_SUPPOSED_CASE = re.compile(r"^\s*((?:nếu|giả sử|trường hợp|một|khi(?!\s+nào))\b.+?),?\s+thì\s+(.+)$", re.I | re.S)


def case_facts(question: str) -> tuple[str, str]:
    """The asker's own case told before a situational question, and the question itself: ("Công ty tôi có giấy xác
    nhận … được cấp năm 2022;", "giấy này còn dùng được tới lúc nào?"). The case is what comes before the last ";",
    ":" or sentence end, when it speaks in the first person, or what a question supposes before "thì" ("Một giao dịch
    điện tử được xác lập năm 2023, …, thì tiếp tục áp dụng luật nào?"); ("", question) when the question tells no case."""
    parts = re.split(r"(?<=[;:.?!])\s+", question.strip())
    facts = " ".join(parts[:-1])
    if _FIRST_PERSON.search(facts):
        return facts, parts[-1]
    supposed = _SUPPOSED_CASE.match(question)
    return (supposed.group(1), supposed.group(2)) if supposed else ("", question)


# What opens the question proper after the asker's context: "Xin hỏi:", "Cho tôi hỏi", "Tôi muốn biết", "nhờ … giải đáp"
_ASK_OPENER = re.compile(
    r"(?<!\w)(?:(?:cho|xin|nhờ|cần|muốn)\s+(?:(?:tôi|em|mình|chúng tôi|chúng em|hỏi|anh chị|anh|chị|quý cơ quan|được)\s+)*"
    r"(?:hỏi|biết|tư vấn|giải đáp|làm rõ)|(?:tôi|em|mình|chúng tôi|chúng em)\s+(?:muốn|cần)\s+(?:hỏi|biết|được biết|làm rõ))"
    r"(?:\s+(?:là|giúp|với|rằng|thêm))?(?!\w)\s*[:,]?\s*",
    re.I,
)
# A request that opens a question ("Cho tôi biết …", "Nhờ tra giúp: …", "Tôi cần biết …", "Vui lòng cho biết …",
# typed with or without diacritics): it asks nothing itself
_REQUEST = re.compile(
    r"^\s*(?:(?:xin|vui lòng|vui long|làm ơn|lam on|hãy|hay|nhờ|nho|giúp|giup|cho)\s+"
    r"(?:(?:tôi|toi|em|mình|minh|chúng tôi|chung toi|cho|giúp|giup)\s+)*"
    r"(?:biết|biet|tra cứu|tra cuu|tra|tìm|tim|hỏi|hoi)"
    r"|(?:tôi|toi|em|mình|minh|chúng tôi|chung toi)\s+(?:cần|can|muốn|muon)\s+(?:biết|biet|hỏi|hoi|tra|tìm|tim))"
    r"(?:\s+(?:giúp|giup|với|voi|là|la|rằng|rang))?(?!\w)\s*[:,]?\s*",
    re.I,
)


# A request for a short answer, before a colon ("Tóm lại một câu thôi: …", "Nói ngắn gọn giúp tôi: …", "Trả lời ngắn:")
_BREVITY = re.compile(
    r"^\s*(?:tóm lại|tóm tắt lại|tóm gọn|nói ngắn gọn|nói gọn|trả lời ngắn gọn|trả lời ngắn|ngắn gọn|tom lai|tom tat lai|"
    r"noi ngan gon|tra loi ngan gon|tra loi ngan|ngan gon)(?:\s+[^\s:?]+){0,5}?\s*:\s*",
    re.I,
)


def brevity_asked(question: str) -> bool:
    """Whether a question opens with a request for a short answer ("Tóm lại một câu thôi: …")."""
    return bool(_BREVITY.match(question))


def request_opened(question: str, brevity: bool = False) -> str:
    """The question a request opens ("Cho tôi biết Nghị định 13 có hiệu lực từ ngày nào." → "Nghị định 13 có hiệu lực
    từ ngày nào?"), ending in "?"; the question itself when it opens with no request or nothing follows the request.
    With ``brevity``, a request for a short answer before a colon opens it too ("Tóm lại một câu thôi: …")."""
    found = (_BREVITY.match(question) if brevity else None) or _REQUEST.match(question)
    rest = question[found.end() :].strip() if found else ""
    if len(rest.split()) < 3:
        return question
    return rest[:1].upper() + rest[1:].rstrip(" .") + ("" if rest.rstrip(" .").endswith("?") else "?")


PREAMBLE_WORDS = 6  # the least words of context before a question proper
# context in sentences of its own speaks of the asker or greets ("Tôi là …", "Trường em …", "Kính gửi …")
_SPEAKER = re.compile(
    r"(?<!\w)(?<!trẻ )(?<!tre )(?:tôi|chúng tôi|mình|em|chúng em|toi|chung toi|minh|kính gửi|kinh gui|xin chào|chào|chao|thưa|thua"
    r"|dạ)(?!\w)", re.I
)


class Preamble(NamedTuple):
    """A question split into the asker's context and the question proper."""

    context: str  # "" when the question tells none
    asked: str
    apart: bool  # the context is sentences of its own (or ends in "xin hỏi"), not a clause before ":" or ";"


def preamble_of(question: str) -> Preamble:
    """The asker's context and the question proper of a question asked after some context ("Kính gửi quý cơ quan. Tôi
    là chuyên viên xã …, được giao tham mưu … Xin hỏi: …?"): the question proper follows the last phrase that opens it
    ("xin hỏi", "cho tôi hỏi", "tôi muốn biết") or is the last sentence or clause (after ".", "!", ":" or ";") of a
    context that speaks of the asker or greets; the context is at least PREAMBLE_WORDS words and asks nothing itself
    (no "?": "… bao nhiêu? Còn … khi nào?" is a compound question). No context when it has none."""
    text = question.strip()
    for opener in reversed(list(_ASK_OPENER.finditer(text))):
        before, after = text[: opener.start()].strip(), text[opener.end() :].strip()
        if len(before.split()) >= PREAMBLE_WORDS and "?" not in before and len(after.split()) >= 3:
            return Preamble(before, after, True)
    parts = re.split(r"(?<=[.!:;])\s+", text)
    context = " ".join(parts[:-1])
    if len(parts) > 1 and len(context.split()) >= PREAMBLE_WORDS and "?" not in context and len(parts[-1].split()) >= 3:
        if _SPEAKER.search(context):  # not a topic the question is framed by ("kế hoạch thi hành luật …: các bộ …")
            return Preamble(context, parts[-1], context.rstrip()[-1:] in ".!")
    return Preamble("", text, False)


# a province typed after its place noun, in any case, with or without diacritics ("tinh binh duong", "tp hồ chí minh")
_PROVINCE = re.compile(
    r"\b(?:tinh|thanh pho|tp\.?)\s+("
    + "|".join(sorted((re.escape(" ".join(fold_diacritics(p.lower()).replace("-", " ").split())) for p in PROVINCES), key=len, reverse=True))
    + r")\b"
)


def provinces_named(question: str) -> list[str]:
    """The provinces a question names after "tỉnh" / "thành phố" / "TP", folded ("binh duong" of "tinh binh duong")."""
    folded = " ".join(fold_diacritics(question.lower()).replace("-", " ").split())
    return _PROVINCE.findall(folded)


# a capitalised name and its gloss in brackets: "National Data Center (Trung tâm Dữ liệu quốc gia)", "… Việt Nam (VNCERT)"
_GLOSSED_NAME = re.compile(r"[A-ZĐÀ-Ỹ][\w&-]*(?:\s+[A-ZĐÀ-Ỹ][\w&-]*)*\s*\([^()\d]{2,80}\)")


def required_terms(
    question: str, case_years: bool = True, home_country: bool = True, provinces: bool = False, period_years: bool = False,
    year_ends: bool = False, glossed: bool = False,
) -> list[str]:
    """What a passage must name to answer the question: proper names ("Nhật Bản", "Hà Nội"; with ``provinces`` also a
    province typed in lower case after its place noun, "tinh binh duong"), số hiệu ("52-NQ/TW") and years ("2024"),
    folded and normalized.

    A passage (with its document's title, number and date) lacking one of them cannot answer: a 2023
    ranking does not answer a question about 2024, a text about 57-NQ/TW does not answer one about 52-NQ/TW.
    With ``home_country``, the country's own name is not required (every document is of Việt Nam; the passage that
    answers "… thí điểm dịch vụ vệ tinh quỹ đạo tầm thấp tại Việt Nam?" need not say it). Without ``case_years``, a
    year told only of the asker's own case (``case_facts``: "… được cấp năm 2022;
    …?") is not required: the documents state the rule for every such case, not the asker's dates. With
    ``period_years``, the first year of a period asked ("giai đoạn 2028-2030") is not required either: the period is a
    horizon (its last year), stated once in a heading or a table's group row, not in every row under it. With
    ``glossed``, a name glossed in brackets ("National Data Center (Trung tâm Dữ liệu quốc gia)", "Trung tâm Ứng cứu
    khẩn cấp máy tính Việt Nam (VNCERT)") is required neither way: a passage may write either.
    """
    required = []
    for word in words_of(_GLOSSED_NAME.sub(" ", question) if glossed else question):
        if _is_proper_name(word) and not _generic(word) and not (home_country and word in HOME_COUNTRY):
            required.append(normalized(word, exact=False).strip())
    if provinces:  # "tinh binh duong", typed without capitals: a place all the same
        required += [p for p in provinces_named(question) if not any(p in r or r in p for r in required)]
    required += [normalized(n, exact=False).strip() for n in find_numbers(question)]
    horizons = set(horizon_years(question, year_ends))
    if period_years:
        horizons |= {m.group(1) for m in _PERIOD_START.finditer(question)}
    facts, asked = ("", question) if case_years else case_facts(question)
    own_case = set(YEAR.findall(facts)) - set(YEAR.findall(asked))
    required += [y for y in YEAR.findall(question) if y not in horizons and y not in own_case]
    return list(dict.fromkeys(required))


_BODY_KINDS = frozenset(k.lower() for k in BODY_KINDS)
_AUTHORITIES = frozenset(a.lower() for a in AUTHORITIES)


def body_names(words: list[str]) -> list[str]:
    """The names of the bodies a question names, folded and normalized: the word after a kind of body when it is
    capitalised ("Sở", "Nông nghiệp và Môi trường" → "nong nghiep va moi truong"; not "Bộ nào", not "Ban Bí thư",
    which issues documents rather than carries out their tasks), and a body named by its kind ("Công an tỉnh")."""
    found = [normalized(w, exact=False).strip() for w in words if w in SELF_NAMED_BODIES]  # "Công an tỉnh"
    for kind, name in zip(words, words[1:]):
        if kind.lower() in _BODY_KINDS and name[:1].isupper() and f"{kind} {name}".lower() not in _AUTHORITIES:
            found.append(normalized(name, exact=False).strip())
    return list(dict.fromkeys(found))


# A body "named" by a level of government only ("Văn phòng Trung ương", "Công an tỉnh" → "trung uong", "tinh") names
# none in particular.
_LEVEL_NAMES = frozenset({*(fold_diacritics(level) for level in GOVERNMENT_LEVELS), "thanh pho"})


def distinct_bodies(bodies: tuple[str, ...]) -> tuple[str, ...]:
    """The bodies (folded names, as body_names gives them) named by more than a level of government."""
    return tuple(body for body in bodies if body not in _LEVEL_NAMES)


# a body's name at a text's start: its kind and a capital ("Sở Xây dựng", "Bộ Tư pháp"), or a self-named body, which
# goes on in lower case ("Công an tỉnh")
NAMED_BODY = rf"(?:(?:{'|'.join(sorted(BODY_KINDS, key=len, reverse=True))})\s+[A-ZĐÀ-Ỹ]|(?:{'|'.join(SELF_NAMED_BODIES)})\b)"
# a section headed by a body's name alone: "VI. 9. Sở Xây dựng", "10. Công an tỉnh" (not "Điều 3. Bộ trưởng, Thủ trưởng …")
BODY_HEADING = re.compile(rf"^{NAMED_BODY}[^.;:]{{0,80}}$")


BODY_NAME_WORDS = 9  # "Ngân hàng Nhà nước chi nhánh khu vực XII"; a longer heading says something of a body
_CLAUSE_WORDS = re.compile(r"\b(?:được|là|có|thực hiện|thành lập)\b")  # "Ban Chỉ đạo các cấp được thành lập …" is a statement


def body_heading(heading: str) -> str:
    """The body a section is headed by ("Sở Xây dựng" of "VI. 9. Sở Xây dựng"), "" when its heading is no body's name
    (an article's title: "Điều 3. Bộ trưởng, Thủ trưởng cơ quan ngang bộ …")."""
    if heading.startswith("Điều"):
        return ""
    own = heading.split(" — ")[0].rsplit(". ", 1)[-1].strip()
    named = BODY_HEADING.match(own) and len(own.split()) <= BODY_NAME_WORDS and not _CLAUSE_WORDS.search(own)
    return own if named else ""


def names_body(bodies: tuple[str, ...], text: str) -> bool:
    """Whether a text names one of these bodies (folded names, as body_names gives them)."""
    folded = normalized(text, exact=False)
    return any(f" {body} " in folded for body in bodies)


# a body named in a text by its kind and a capitalised name: "Sở Công Thương", "Ban Tổ chức Trung ương", "Bộ KH&CN"
_BODY_MENTION = re.compile(rf"\b({'|'.join(sorted(BODY_KINDS, key=len, reverse=True))})\s+(\w[\w&]*)")
_FOLDED_KINDS = tuple(sorted({fold_diacritics(k.lower()) for k in BODY_KINDS}, key=len, reverse=True))
_FOLDED_AUTHORITIES = tuple(fold_diacritics(a.lower()) for a in AUTHORITIES)


def asked_body_kinds(question: str, bodies: tuple[str, ...]) -> frozenset[str]:
    """The kinds (folded: "so", "ban", "uy ban") of the bodies a question names by kind and name ("Sở Nông nghiệp và
    Môi trường" → "so"; ``bodies`` as body_names gives them)."""
    folded = f" {normalized(question, exact=False).strip()} "
    kinds = set()
    for body in bodies:
        kind = next((k for k in _FOLDED_KINDS if f" {k} {body} " in folded), "")  # the longest: "uy ban", not "ban"
        if kind and not f"{kind} {body}".startswith(_FOLDED_AUTHORITIES):  # "Ban Chi dao" typed without diacritics
            kinds.add(kind)
    return frozenset(kinds)


def _initials(name: str) -> str:
    """The initials of a folded body name without "và" ("khoa hoc va cong nghe" → "KHCN")."""
    return "".join(w[0] for w in name.split() if w != "va").upper()


def names_other_body(kinds: frozenset[str], bodies: tuple[str, ...], text: str) -> bool:
    """Whether a text names a body of one of these kinds by another name than the bodies asked: "Cơ quan chủ quản dữ
    liệu: Ban Tổ chức Trung ương" when the Ban Đối ngoại Trung ương is asked. A body asked may be written out or by its
    initials ("Bộ KH&CN"); the bodies that issue documents (AUTHORITIES: "Ban Bí thư") are no other body."""
    for mention in _BODY_MENTION.finditer(text):
        kind, first = fold_diacritics(mention.group(1).lower()), mention.group(2)
        if kind not in kinds or not first[0].isupper() or text.startswith(AUTHORITIES, mention.start()):
            continue
        word = fold_diacritics(first.lower()).replace("&", "")
        letters = first.replace("&", "").upper()
        if not any(body.split()[0] == word or len(letters) > 1 and _initials(body) == letters for body in bodies):
            return True
    return False


def by_initials(body: str, text: str) -> bool:
    """Whether a text names a body (folded name) by its initials ("Sở NN&MT", "Sở NNMT", "Bộ KH-CN")."""
    initials = _initials(body)
    return len(initials) > 1 and bool(re.search(r"(?<![A-ZĐ])" + r"[&\s-]?".join(initials) + r"(?![A-ZĐ])", text))


def names_asked_body(bodies: tuple[str, ...], text: str) -> bool:
    """Whether a text names one of these bodies (folded names), written out or by its initials."""
    return names_body(bodies, text) or any(by_initials(body, text) for body in bodies)


DATING_WORDS = frozenset({*(fold_diacritics(t.lower()) for t in DOC_TYPES), "van ban", "ban hanh"})
DATING_WINDOW = 8  # words before a year in which a document word makes it the document's date
_DATE_WORDS = frozenset({"ngay", "thang", "nam"})  # the words of a date written out, folded


# a số hiệu with its date written out after it: "Quyết định số 2597/QĐ-TTg ngày 27 tháng 11 năm 2025", "… 384-QĐ/TW
# ngày 29/11/2025" (group 1: the year)
NUMBER_DATED = re.compile(
    rf"{NUMBER_RE.pattern},?\s+((?:ban hành\s+|ký\s+)?ngày\s+\d{{1,2}}\s*(?:tháng\s*\d{{1,2}}\s*năm\s*|[/.-]\s*\d{{1,2}}\s*[/.-]\s*)"
    r"((?:19|20)\d\d))\b", re.I
)


def document_years(question: str, number_dates: bool = False) -> list[str]:
    """The years that date a document the question names ("nghị quyết của Bộ Chính trị tháng 12/2024", "văn bản Ban
    Bí thư ban hành tháng 11/2025", "Luật Giao dịch điện tử năm 2023"): a document word among the DATING_WINDOW words
    before it, or with ``number_dates`` a số hiệu the date follows ("số 2597/QĐ-TTg ngày 27 tháng 11 năm 2025"). Such a year is found in the document's date too; any other year ("Năm 2025 tỷ trọng kinh tế số đạt bao
    nhiêu?") is asked of what the passage says, and a plan signed in 2025 does not give it. With ``number_dates`` the
    words of a date written out are not counted in the window ("Kế hoạch của Đảng đoàn Quốc hội ngày 10/01/2025")."""
    words = re.findall(r"\w+", fold_diacritics(question.lower()))
    years = []
    for i, word in enumerate(words):
        if YEAR.fullmatch(word):
            if number_dates:  # a date's own words are not counted: "Kế hoạch của Đảng đoàn Quốc hội ngày 10/01/2025"
                before = [w for w in words[max(0, i - DATING_WINDOW - 5) : i] if not w.isdigit() and w not in _DATE_WORDS][-DATING_WINDOW:]
            else:
                before = words[max(0, i - DATING_WINDOW) : i]
            pairs = {" ".join(before[j : j + 2]) for j in range(len(before))} | set(before)
            if pairs & DATING_WORDS:
                years.append(word)
    if number_dates:  # the date of a document named by its số hiệu, however far its type
        years += [m.group(2) for m in NUMBER_DATED.finditer(question)]
    return list(dict.fromkeys(years))


# "đến năm 2030", "đến hết 2025", "tới năm 2030": the year a plan's targets are set for
_PERIOD_START = re.compile(r"\b(?:giai đoạn|giai doan)\s+((?:19|20)\d\d)\s*[-–]\s*(?:năm\s+|nam\s+)?(?:19|20)\d\d\b", re.I)
_HORIZON = re.compile(
    r"\b(?:đến|tới|den|toi)\s+(?:hết\s+|het\s+)?(?:năm\s+|nam\s+)?(19[5-9]\d|20\d\d)\b"
    r"|\b(?:giai đoạn|giai doan)\s+(?:19|20)\d\d\s*[-–]\s*(?:năm\s+|nam\s+)?((?:19|20)\d\d)\b",  # "giai đoạn 2028-2030": its end
    re.I,
)


def horizon_years(question: str, year_ends: bool = False) -> list[str]:
    """The target years a question names ("đến năm 2030 phải đạt bao nhiêu?"; a period's last year: "giai đoạn
    2028-2030"; with ``year_ends``, the end of a year: "vào cuối năm 2026", "hết năm 2026"). A plan states its horizon
    once, in a heading or a table's group row ("I | Đến năm 2030"), not in every row under it; so these years are
    asked of the passage's document (its title or its passages read with it), not of the passage itself."""
    years = [a or b for a, b in _HORIZON.findall(question)]
    if year_ends:  # "mục tiêu … vào năm 2025": the year a target is set for is its horizon
        years += _YEAR_END.findall(question) + (_TARGET_YEAR.findall(question) if _TARGET_WORD.search(question) else [])
    return list(dict.fromkeys(years))


_YEAR_END = re.compile(r"\b(?:cuối|hết|cuoi|het)\s+(?:năm|nam)\s+((?:19|20)\d\d)\b", re.I)
_TARGET_YEAR = re.compile(r"\b(?:vào|trong|vao)\s+(?:năm|nam)\s+((?:19|20)\d\d)\b", re.I)
_TARGET_WORD = re.compile(r"\b(?:mục tiêu|chỉ tiêu|phấn đấu|muc tieu|chi tieu|phan dau)\b", re.I)
