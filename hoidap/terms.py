"""Question terms: content words as phrases, weighted by IDF, and how much of them a text covers.

Shared by the retriever (lexical rerank, document boost) and the extractive answerer (evidence check).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.metadata import find_numbers
from ingest.normalize import canonical_tone, fold_diacritics, has_diacritics
from ingest.segment import FOLDED_PREFIX, FOLDED_STOPWORDS, QUERY_STOPWORDS, words_of

_SYLLABLE = re.compile(r"\w+")
_NUMBER = re.compile(r"\d")
UNKNOWN_TERM_WEIGHT = 8.0  # a question term that occurs nowhere in the corpus weighs like a very rare one
NUMBER_WEIGHT_FLOOR = 4.0  # numbers (years, số hiệu) are what questions hinge on


def normalized(text: str, exact: bool) -> str:
    """Syllables of a text, lower-cased, one tone placement (folded when not exact), space-padded.

    "%" reads "phần trăm", as a question asks it ("bao nhiêu phần trăm?").
    """
    syllables = _SYLLABLE.findall(canonical_tone(text.lower().replace("%", " phần trăm ")))
    joined = " ".join(syllables)
    return f" {joined if exact else fold_diacritics(joined)} "


_WANTS_DATE = re.compile(r"\b(ngày nào|khi nào|bao giờ|năm nào|thời điểm nào|tháng nào|hiệu lực từ|ngay nao|khi nao|nam nao)\b", re.I)
_WANTS_NUMBER = re.compile(r"\b(bao nhiêu|mấy|tỷ lệ|tỉ lệ|phần trăm|bao nhieu|may|ty le)\b", re.I)
_DEFINITION = re.compile(r"^(.{3,80}?)\s+(?:là gì|là như thế nào|được hiểu (?:là|như thế nào)|la gi)\b", re.I)
_SCOPE = re.compile(r"(quy định (?:về )?(?:những )?(?:vấn đề |nội dung )?gì|điều chỉnh (?:vấn đề )?gì|phạm vi điều chỉnh|quy dinh (?:ve )?(?:van de )?gi)", re.I)
_APPLIES = re.compile(r"(áp dụng (?:đối với|cho) (?:ai|những ai|đối tượng nào|những đối tượng nào)|đối tượng áp dụng|ap dung doi voi)", re.I)
# "Luật An ninh mạng có số hiệu là gì?", "Nghị định 47 quy định … là gì?": a document's attribute, not a
# term's definition.
_ATTRIBUTE_OF = re.compile(
    r"^(?:Bộ luật|Luật|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Công văn|Kế hoạch)\s+[A-ZĐÀ-Ỹ0-9]|\s(?:có|co)\s"
)
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_ISSUER = re.compile(r"((cơ quan nào|ai|đơn vị nào) (ban hành|ký)|ban hành bởi|co quan nao ban hanh)", re.I)
# A person is asked for ("Ai là …", "… là ai?"); "do ai cấp", "đối với ai" may be answered by an organisation.
_WHO = re.compile(r"^\s*Ai\s+(là|làm|chủ trì|đứng đầu|giữ|phụ trách)\b|\blà ai\b|\bai là\b")
_SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Tô Tôn Vương Đinh Trịnh Mai Cao "
    "Lâm Đào Hà Lương Thái Trương Chu Đoàn Lưu Văn Kiều Quách Tạ Triệu Khúc Lại Âu Giang Hứa Mạc Nông"
).split()
PERSON = re.compile(rf"\b(?:{'|'.join(_SURNAMES)})(?:\s+[A-ZĐ][^\s,.;:]*){{1,3}}")
_ISSUED = re.compile(r"\b(ban hành|được ký|ký ban hành|gửi|ban hanh)\b", re.I)
DATE_IN_TEXT = re.compile(r"(ngày\s+\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|tháng\s+\d{1,2}\s+năm\s+\d{4}|năm\s+\d{4})", re.I)
EXACT_PREFIX = "="  # a term that counts only as a whole phrase
DEFINITION_PREFIX = "=?"  # a term that counts only where a clause or heading defines it (see defines())


# Offices a "who" question may name; the answer names the person next to the office ("Bí thư Tỉnh ủy
# Bình Phước Nguyễn Mạnh Cường", "Tô Lâm, Trưởng Ban Chỉ đạo").
_ROLE = re.compile(
    r"\b(?:Phó\s+)?(?:Thủ tướng|Tổng Bí thư|Bí thư|Bộ trưởng|Thứ trưởng|Chủ tịch|Tổng Giám đốc|Giám đốc|"
    r"Trưởng [Bb]an|Tổ trưởng|Cục trưởng|Vụ trưởng|Viện trưởng|Hiệu trưởng|Chánh án|Chủ nhiệm|Người phát ngôn)\b"
)
ROLE_TO_NAME_CHARS = 40  # "Phó Chủ tịch UBND tỉnh Bình Phước Trần Tuyết Minh": the office's qualifier, then the name
_NO_BREAK = re.compile(r"^[^.;:!?()\n]*$")
_CODE = re.compile(r"\b(số hiệu|ký hiệu|so hieu|ky hieu)\b", re.I)


def asked_role(question: str) -> str:
    """The office a "who" question asks about ("Phó Chủ tịch"), or ""."""
    found = _ROLE.search(question)
    return " ".join(found.group(0).split()) if found else ""


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
    for found in _ROLE.finditer(text):
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


@dataclass
class Intent:
    """What kind of answer the question asks for."""

    wants_date: bool
    wants_number: bool
    definition: str  # normalized "<subject> là" for "<subject> là gì?" questions, else ""
    scope: bool  # "văn bản X quy định về gì?"
    applies: bool  # "văn bản X áp dụng đối với ai?"
    issued: bool  # asks when a document was issued or signed
    issuer: bool  # asks who issued a document
    who: bool  # asks for a person ("ai")
    code: bool  # asks for a document's số hiệu


def question_intent(question: str) -> Intent:
    """The answer type a question asks for (date, number, definition, scope of a document)."""
    text = question.strip()
    definition = _DEFINITION.match(text)
    if definition and _ATTRIBUTE_OF.search(definition.group(1)):
        definition = None
    subject = ""
    if definition:
        # drop a leading "theo ..." clause target: "An toàn thông tin mạng là gì theo Luật ..." keeps the subject
        subject = normalized(definition.group(1) + " là", exact=has_diacritics(text)).strip()
    return Intent(
        wants_date=bool(_WANTS_DATE.search(text)),
        wants_number=bool(_WANTS_NUMBER.search(text)),
        definition=subject,
        scope=bool(_SCOPE.search(text)),
        applies=bool(_APPLIES.search(text)),
        issued=bool(_ISSUED.search(text)),
        issuer=bool(_ISSUER.search(text)),
        who=bool(_WHO.search(text)),
        code=bool(_CODE.search(text)),
    )


CLAUSE = "¶"  # marks where a clause starts in evidence_text
_CLAUSE_BREAK = re.compile(r"\n|(?<=[.;!?])\s+")
_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-zđ]\))\s*")


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


def question_words(question: str, weight) -> list[str]:
    """underthesea words of a question, two adjacent one-syllable words joined where the corpus has them
    as one word ("toàn trình", "tiền chất").

    underthesea splits such words in a short question while it joins them in the documents' sentences;
    left split, "toàn" and "trình" would match "toàn quốc" and "chương trình".
    """
    words = words_of(question)
    exact = has_diacritics(question)
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = words[i : i + 2]
        keys = [normalized(w, exact).strip() for w in pair]
        if len(pair) == 2 and all(len(k.split()) == 1 and k.isalpha() and k not in QUERY_STOPWORDS for k in keys):
            joined = "_".join(keys)
            if weight(joined if exact else FOLDED_PREFIX + joined) > 0:
                out.append(" ".join(pair))
                i += 2
                continue
        out.append(words[i])
        i += 1
    return out


def question_terms(question: str, weight) -> dict[str, float]:
    """Key terms of the question (its content words, as phrases) with their weights (IDF).

    A definition question adds its "<subject> là" phrase and a scope question "phạm vi điều chỉnh",
    each counted only when the whole phrase occurs.
    """
    exact = has_diacritics(question)
    terms: dict[str, float] = {}
    for word in question_words(question, weight):
        phrase = normalized(word, exact).strip()
        if not phrase:
            continue
        joined = phrase.replace(" ", "_")
        if joined in QUERY_STOPWORDS or (not exact and joined in FOLDED_STOPWORDS):
            continue
        w = weight(joined if exact else FOLDED_PREFIX + joined)
        w = UNKNOWN_TERM_WEIGHT if w <= 0 else w
        if _NUMBER.search(phrase):
            w = max(w, NUMBER_WEIGHT_FLOOR)
        terms[phrase] = max(terms.get(phrase, 0.0), w)
    intent = question_intent(question)
    strongest = max(terms.values(), default=1.0)
    if intent.definition:
        terms[DEFINITION_PREFIX + intent.definition] = 2 * strongest
    for heading in section_headings(intent):
        terms[EXACT_PREFIX + normalized(heading, exact).strip()] = strongest
    return terms


def section_headings(intent: Intent) -> list[str]:
    """Article titles that answer a scope or applicability question about a document."""
    return (["Phạm vi điều chỉnh"] if intent.scope else []) + (["Đối tượng áp dụng"] if intent.applies else [])


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






_TITLE_WORD = re.compile(r"^(?:[A-ZĐÀ-Ỹ][^\s]*)(?:\s+[A-ZĐÀ-Ỹ][^\s]*)+$")
# Capitalised words that name a kind of document or office, not a place or person.
_GENERIC_TITLES = frozenset(
    {
        "luật", "bộ luật", "nghị định", "nghị quyết", "quyết định", "thông tư", "kế hoạch", "công văn",
        "chỉ thị", "bộ chính trị", "chính phủ", "quốc hội", "thủ tướng", "tổng bí thư", "bộ trưởng",
        "chủ tịch", "phó chủ tịch", "bí thư", "điều", "khoản", "tỉnh", "ban chỉ đạo",
    }
)


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


def required_terms(question: str) -> list[str]:
    """What a passage must name to answer the question: proper names ("Nhật Bản", "Hà Nội"), số hiệu
    ("52-NQ/TW") and years ("2024"), folded and normalized.

    A passage (with its document's title, number and date) lacking one of them cannot answer: a 2023
    ranking does not answer a question about 2024, a text about 57-NQ/TW does not answer one about 52-NQ/TW.
    """
    required = []
    for word in words_of(question):
        if _TITLE_WORD.match(word.strip()) and " ".join(word.lower().split()) not in _GENERIC_TITLES:
            required.append(normalized(word, exact=False).strip())
    required += [normalized(n, exact=False).strip() for n in find_numbers(question)]
    required += YEAR.findall(question)
    return list(dict.fromkeys(required))
