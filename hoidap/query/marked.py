"""Parts of a question marked off by its words: a phrase in quotation marks, what "ngoài X, …" sets aside, the date
written after a số hiệu."""

from __future__ import annotations

import re

from hoidap.terms import NUMBER_DATED, YEAR, normalized


def without_date_words(terms: dict[str, float], text: str, exact: bool) -> dict[str, float]:
    """The key terms less those typed only in a date that follows a số hiệu ("ngày", "27", "tháng", "11" of "số
    2597/QĐ-TTg ngày 27 tháng 11 năm 2025"): the passage that answers seldom restates its document's date. The year
    stays (Query.dated: it is found in the document's date). Unchanged when nothing else would be left."""
    spans = [m.span(1) for m in NUMBER_DATED.finditer(text)]
    if not spans:
        return terms
    dates = " ".join(text[a:b] for a, b in spans)
    rest = "".join(text[i] if not any(a <= i < b for a, b in spans) else " " for i in range(len(text)))
    dates_n, rest_n = f" {normalized(dates, exact)} ", f" {normalized(rest, exact)} "
    kept = {t: w for t, w in terms.items() if f" {t} " not in dates_n or f" {t} " in rest_n or YEAR.fullmatch(t)}
    return kept or terms


# a phrase in quotation marks: "…", “…”, '…', ‘…’, «…»
_QUOTED = re.compile(r"[\"“«]([^\"“”«»]{3,120})[\"”»]|(?<!\w)['‘]([^'‘’]{3,120})['’](?!\w)")
QUOTED_WORDS = (2, 15)  # the length of a quoted phrase read as one term, in words


def quoted_phrases(text: str) -> list[str]:
    """The phrases a question quotes ("Cụm 'dữ liệu chủ' được định nghĩa thế nào?" → ["dữ liệu chủ"]), of QUOTED_WORDS
    words."""
    found = [a or b for a, b in _QUOTED.findall(text)]
    return [p.strip(" .,;:") for p in found if QUOTED_WORDS[0] <= len(p.split()) <= QUOTED_WORDS[1]]


# "Ngoài Bộ Công an (ra), …", "Trừ năm 2026, …": what the question sets aside, up to the comma
_BESIDES = re.compile(r"(?<!\w)(?:ngoài|trừ|ngoai|tru)\s+([^,?;:]{2,80}?)\s*(?:ra\s*)?[,;:]", re.I)
_BODY_KIND = re.compile(r"^(?:bo|so|ban|cuc|uy ban nhan dan|ubnd|van phong|tong cuc)\s+")


def set_aside(question: str) -> list[str]:
    """What a "ngoài X, …" question sets aside, folded: its years if it names any ("Trừ năm 2026" → ["2026"]), else the
    name less its kind of body ("Ngoài Bộ Công an" → ["cong an"])."""
    out = []
    for found in _BESIDES.finditer(question):
        years = YEAR.findall(found.group(1))
        out += years or [_BODY_KIND.sub("", normalized(found.group(1), exact=False).strip())]
    return [x for x in out if x]
