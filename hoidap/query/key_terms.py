"""The key terms of a question: its content words with their IDF weights and alternate forms."""

from __future__ import annotations

import re

from core.lexicon import SPOKEN_FILLERS
from hoidap.query.record import Weight
from hoidap.terms import NUMBER_WEIGHT_FLOOR, UNKNOWN_TERM_WEIGHT, normalized
from ingest.segment import FOLDED_PREFIX, FOLDED_STOPWORDS, QUERY_STOPWORDS


def without_fillers(words: list[str]) -> list[str]:
    """``words`` less the spoken fillers (SPOKEN_FILLERS: "cái", "hẳn", "luôn", "liền", "nha")."""
    return [w for w in words if " ".join(w.lower().split()) not in SPOKEN_FILLERS]


def joined_words(words: list[str], weight: Weight, exact: bool) -> list[str]:
    """underthesea words, two adjacent one-syllable words joined where the corpus has them as one word
    ("toàn trình"): underthesea splits such words in a short question but joins them in the documents."""
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


def backed_off(phrase: str, weight: Weight, exact: bool) -> dict[str, float]:
    """The syllables of a compound word with their weights, when the corpus has each of them but never the
    compound ("xã phường" written "xã, phường"); {} when one is unknown too (then the compound stays, as a
    term the documents do not contain)."""
    parts: dict[str, float] = {}
    for syllable in phrase.split():
        if syllable in QUERY_STOPWORDS or (not exact and syllable in FOLDED_STOPWORDS):
            continue
        w = weight(syllable if exact else FOLDED_PREFIX + syllable)
        if w <= 0:
            return {}
        parts[syllable] = w
    return parts


# Numerals written in words, as the documents write them in digits ("một" and "năm" are left out: mostly "a"
# and "year"); with diacritics only (unaccented "sau", "bay", "tam" are other words).
_NUMERALS = {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}


def key_terms(
    words: list[str], expansions: list[tuple[str, str]], weight: Weight, exact: bool, split_unseen: bool = True
) -> tuple[dict[str, float], dict[str, tuple[str, ...]]]:
    """Key phrases of the question (its content words) with their IDF weights, and for phrases that
    spell out an abbreviation, the abbreviation as an alternate form. With ``split_unseen`` a compound
    the corpus never contains counts as its syllables (see backed_off)."""
    terms: dict[str, float] = {}
    for word in words:
        phrase = normalized(word, exact).strip()
        if not phrase:
            continue
        joined = phrase.replace(" ", "_")
        if joined in QUERY_STOPWORDS or (not exact and joined in FOLDED_STOPWORDS):
            continue
        w = weight(joined if exact else FOLDED_PREFIX + joined)
        if w <= 0 and split_unseen and " " in phrase:
            parts = backed_off(phrase, weight, exact)
            if parts:  # "xã phường", "đạo luật": a compound the corpus never writes as one word
                for part, part_weight in parts.items():
                    terms[part] = max(terms.get(part, 0.0), part_weight)
                continue
        w = UNKNOWN_TERM_WEIGHT if w <= 0 else w
        if re.search(r"\d", phrase):
            w = max(w, NUMBER_WEIGHT_FLOOR)
        terms[phrase] = max(terms.get(phrase, 0.0), w)
    alternates: dict[str, tuple[str, ...]] = {}
    for phrase in terms:  # "bốn Văn phòng Trung ương" is written "4 Văn phòng Trung ương"
        if exact and phrase in _NUMERALS:
            alternates[phrase] = (str(_NUMERALS[phrase]), f"{_NUMERALS[phrase]:02d}")
    for short, long in expansions:
        long_n = normalized(long, exact).strip()
        short_n = normalized(short, exact).strip()
        for phrase in terms:
            if phrase in long_n and short_n and short_n != phrase:
                alternates[phrase] = alternates.get(phrase, ()) + (short_n,)
    return terms, alternates
