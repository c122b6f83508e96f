"""Spelling out: abbreviations and chat forms typed, everyday words for the documents' formal terms, long forms
whose abbreviation the documents write, and the abbreviations the corpus defines itself."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping

from core.lexicon import BODY_FIELDS, BODY_KINDS, CASE_SENSITIVE, CHAT_FORMS, DOC_TYPE_CODES, EVERYDAY_FORMS, everyday_thesaurus
from hoidap.terms import normalized
from ingest.normalize import fold_diacritics


# a kind of body just before: "sở ", "Bộ " (a field named after it is that body's name)
_BODY_BEFORE = re.compile(rf"(?:^|\s)(?:{'|'.join(sorted((k.lower() for k in BODY_KINDS), key=len, reverse=True))})\s+$", re.I)


# question words written out: a chat form standing for one ("bn" for "bao nhiêu") asks only where none is written
_QUESTION_WORD = re.compile(r"(?<!\w)(?:gì|nào|ai|đâu|bao giờ|bao lâu|bao nhiêu|mấy|khi nào|thế nào)(?!\w)", re.I)


def spelled_out(question: str, abbreviations: Mapping[str, str], one_question_word: bool = False) -> list[tuple[str, str]]:
    """(as typed, spelled out) for each abbreviation or chat form in the question, in order. With
    ``one_question_word``, a chat form standing for a question word ("bn", "bh") is not read so where the question asks
    with a question word written out: "kh 144 bn phát triển … theo mô hình gì" names Bắc Ninh, not "bao nhiêu"."""
    found: list[tuple[str, str]] = []
    asks = one_question_word and bool(_QUESTION_WORD.search(question))
    lower = {k.lower(): v for k, v in abbreviations.items() if k not in CASE_SENSITIVE}
    for match in re.finditer(r"[\w&,]+", question):
        raw = match.group(0).strip(",")
        nxt = question[match.end() : match.end() + 6]
        if question[match.start() - 1 : match.start()] in ("/", "-") or nxt[:1] in ("/", "-"):
            continue  # part of a số hiệu ("03/NQ-CP")
        long = abbreviations.get(raw) if raw in CASE_SENSITIVE else lower.get(raw.lower())
        if raw.lower() in BODY_FIELDS and _BODY_BEFORE.search(question[: match.start()]):
            long = BODY_FIELDS[raw.lower()]  # "sở tc", "Bộ NV": the field of a ministry or department, named
        if long is None and raw.upper() in DOC_TYPE_CODES and re.match(r"\s*\d", nxt):
            long = abbreviations.get(raw.upper())  # "qđ 2629", "nq 57"
        if long is None:
            code = re.fullmatch(r"([A-Za-zĐđ]{2})(\d{1,5})", raw)  # "NQ57"
            if code and code.group(1).upper() in DOC_TYPE_CODES:
                found.append((raw, f"{abbreviations[code.group(1).upper()]} {code.group(2)}"))
                continue
        if long is None and raw.lower() in CHAT_FORMS and raw.islower():
            letter = len(raw) == 1 and (nxt[:1] == ")" or re.search(r"(?:điểm|diem|mục|muc)\s*$", question[: match.start()], re.I))
            if letter:
                pass  # "điểm e khoản 2", "e)": a letter of a list
            elif raw.lower() != "t" or re.search(r"\d$", question[: match.start()]):
                long = CHAT_FORMS[raw.lower()]
            if long and asks and _QUESTION_WORD.fullmatch(long):
                long = None  # a question asks with one question word, and this one is written out
            written = _written_before(raw, long) if long else ""
            if written and question[: match.start()].lower().endswith(written.lower()):
                long = None  # "bao nhiêu" is written out: its "nhiêu" is no spoken form
        if long is None and re.fullmatch(r"\d+t", raw):  # "18t": tuổi
            found.append((raw, raw[:-1] + " tuổi"))
            continue
        if long:
            found.append((raw, long))
    return list(dict.fromkeys(found))


@lru_cache(maxsize=4)
def _everyday_table(lexicon: bool, thesaurus: bool) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], int]:
    """(normalized form → formal terms, folded form of two syllables or more → formal terms, longest form in syllables)
    over EVERYDAY_FORMS (``lexicon``) and the generated thesaurus (``thesaurus``)."""
    sources = ([EVERYDAY_FORMS] if lexicon else []) + ([everyday_thesaurus()] if thesaurus else [])
    exact: dict[str, tuple[str, ...]] = {}
    folded: dict[str, tuple[str, ...]] = {}
    for table in sources:
        for term, forms in table.items():
            for form in forms:
                key = normalized(form, True).strip()
                if not key:
                    continue
                exact[key] = tuple(dict.fromkeys(exact.get(key, ()) + (term,)))
                if " " in key:
                    loose = fold_diacritics(key)
                    folded[loose] = tuple(dict.fromkeys(folded.get(loose, ()) + (term,)))
    longest = max((len(k.split()) for k in exact), default=0)
    return exact, folded, longest


def formal_terms(question: str, exact: bool, lexicon: bool = True, thesaurus: bool = False) -> list[tuple[str, str]]:
    """(everyday words as typed, the formal term) for each everyday form the question uses — of core/lexicon.py
    EVERYDAY_FORMS (``lexicon``) and of the generated thesaurus (``thesaurus``) — unless it names the formal term
    itself: "kho số liệu" → "cơ sở dữ liệu", "tin tặc" → "an ninh mạng". Forms are read longest first, left to right,
    as whole words; unaccented questions match forms of two syllables or more only."""
    forms, folded_forms, longest = _everyday_table(lexicon, thesaurus)
    text = normalized(question, exact)
    table = forms if exact else folded_forms
    syllables = text.split()
    found: list[tuple[str, str]] = []
    i = 0
    while i < len(syllables):
        for n in range(min(longest, len(syllables) - i), 0, -1):
            typed = " ".join(syllables[i : i + n])
            terms = table.get(typed)
            if terms:
                found += [(typed, term) for term in terms if normalized(term, exact) not in text]
                i += n
                break
        else:
            i += 1
    return list(dict.fromkeys(found))


def abbreviated(text: str, abbreviations: Mapping[str, str], exact: bool) -> list[tuple[str, str]]:
    """(short form, long form) for each long form of two words or more that the text writes out and whose short
    form (three letters or more, not a code that is also a word) the text does not use: "doanh nghiệp nhỏ và
    vừa" → "DNNVV", so that documents writing "DNNVV" are found."""
    written = normalized(text, exact)
    found = []
    for short, long in abbreviations.items():
        if len(long.split()) < 2 or len(short) < 3 or short in CASE_SENSITIVE or short.upper() in DOC_TYPE_CODES:
            continue
        if normalized(long, exact) in written and normalized(short, exact) not in written:
            found.append((short, long))
    return found


def _written_before(short: str, long: str) -> str:
    """What a long form writes before the typed word it ends with ("bao " of "bao nhiêu" for "nhiêu"), or ""."""
    return long[: -len(short)] if long.lower().endswith(" " + short.lower()) else ""


def applied(question: str, expansions: list[tuple[str, str]]) -> str:
    text = question
    for short, long in expansions:
        # every occurrence ("Đảng đoàn QH … QH"), but none inside a số hiệu ("NQ 57 … 03/NQ-CP")
        # a long form ending in the typed word ("nhiêu" → "bao nhiêu") is not applied where it is already written
        written = _written_before(short, long)
        guard = f"(?<!{re.escape(written)})" if written else ""
        text = re.sub(rf"(?<![\w&/]){guard}{re.escape(short)}(?![\w&]|[-/]\w)", lambda m: _named(long, text, m.start()), text)
    return text


def _named(long: str, text: str, at: int) -> str:
    """A spelled-out field after a kind of body is that body's name, capitalised as names are ("sở xd" → "sở Xây
    dựng", "Bộ TT&TT" → "Bộ Thông tin và truyền thông"): the body is then read as one (terms.body_names)."""
    return long[:1].upper() + long[1:] if long[:1].islower() and _BODY_BEFORE.search(text[:at]) else long


_DEFINED_ABBREVIATION = re.compile(
    r"([A-ZĐÀ-Ỹa-zđà-ỹ][\wÀ-ỹ ,&-]{3,120}?)\s*\(\s*(?:sau đây\s+)?(?:gọi|viết)\s+tắt\s+(?:là|:)\s*[“\"']?([^)\"”']{2,30}?)[”\"']?\s*\)"
)
_BRACKETED_CODE = re.compile(r"((?:[\wÀ-ỹĐđ]+[ ,&-]+){1,10}[\wÀ-ỹĐđ]+)\s*\(([A-ZĐ][A-ZĐ&]{1,9})\)")
_CODE_ANCHOR = re.compile(r"\([A-ZĐ][A-ZĐ&]{1,9}\)")


def corpus_abbreviations(texts: list[str]) -> dict[str, str]:
    """Abbreviations the documents define themselves: "… (sau đây gọi tắt là Bộ KH&CN)", "… (viết tắt là
    NDC)", and "Long Name (LN)" where the capitals are the initials of the words before them."""
    found: dict[str, str] = {}
    for text in texts:
        # Both patterns are slow to try at every position; most passages hold neither's anchor ("tắt", a
        # bracketed code), and skipping those changes nothing found (7 s → well under 1 s on the bundled corpus).
        defines, codes = "tắt" in text, _CODE_ANCHOR.search(text) is not None
        for long, short in _DEFINED_ABBREVIATION.findall(text) if defines else ():
            short = short.strip()
            long = _tail_matching(long, short)
            if long and short not in found:
                found[short] = long
        for long, short in _BRACKETED_CODE.findall(text) if codes else ():
            long = _tail_matching(long, short)
            if long and short not in found:
                found[short] = long
    return found


def _tail_matching(long: str, short: str) -> str:
    """The words at the end of ``long`` whose initials spell ``short`` (letters only), or ""."""
    letters = [c for c in fold_diacritics(short).upper() if c.isalpha()]
    words = re.findall(r"[\wÀ-ỹĐđ]+", long)
    if not letters or len(words) < len(letters):
        return ""
    for size in range(len(letters), min(len(words), 3 * len(letters)) + 1):
        tail = words[-size:]
        initials = [fold_diacritics(w[0]).upper() for w in tail]
        content = [i for i, w in zip(initials, tail) if w.lower() not in ("và", "của", "về", "các", "the", "and", "of")]
        if content == letters or initials == letters:
            return " ".join(tail)
    return ""
