"""Initialisms no list knows ("ct quốc gia", "UB nào của QH"), read from the passages retrieved for the question.

A rule of Vietnamese: every syllable has a vowel and ends in a vowel or in c, ch, m, n, ng, nh, p, t. A short
token of the question that is no such syllable ("ct", "dlcn", "ub") is typed initials, one per syllable.
After a first retrieval, the word sequences of the retrieved passages whose syllables begin with those
letters are its candidate readings; the one that continues as the question does ("ct quốc gia" →
"Chương trình quốc gia") wins, then the most frequent (if seen more than once). The question is then read again with it spelled
out, and retrieved again. Nothing is guessed when no passage holds such a sequence.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.normalize import fold_diacritics

_SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$")
_TOKEN = re.compile(r"(?<![\w/&.-])[A-Za-zĐđ]{2,6}(?![\w/&.-])")
_WORD = re.compile(r"[\wÀ-ỹĐđ]+")


def _folded(word: str) -> str:
    return fold_diacritics(word.lower())  # đ → d too


def typed_initials(question: str, known: set[str]) -> list[str]:
    """Tokens of the question that cannot be Vietnamese syllables (nor are abbreviations already known)."""
    found = []
    for match in _TOKEN.finditer(question):
        token = match.group(0)
        if token.lower() in known or _SYLLABLE.match(_folded(token)) or token in found:
            continue
        found.append(token)
    return found


def read_initials(token: str, question: str, texts: list[str]) -> str:
    """The reading of ``token`` in ``texts`` (word sequences whose syllables begin with its letters): the one
    followed or preceded by the question's own neighbouring word first, then the most frequent; "" when none."""
    letters = list(_folded(token))
    words_q = [_folded(w) for w in _WORD.findall(question)]
    at = words_q.index(_folded(token)) if _folded(token) in words_q else -1
    after = words_q[at + 1] if 0 <= at < len(words_q) - 1 else ""
    before = words_q[at - 1] if at > 0 else ""
    counts: Counter[str] = Counter()
    in_context: Counter[str] = Counter()
    n = len(letters)
    for text in texts:
        words = _WORD.findall(text)
        initials = [_folded(w)[:1] for w in words]
        for i in range(len(words) - n + 1):
            if initials[i : i + n] != letters:
                continue
            phrase = words[i : i + n]
            if not all(_SYLLABLE.match(_folded(w)) for w in phrase):
                continue  # a code or a number, not words
            reading = " ".join(w.lower() for w in phrase)
            counts[reading] += 1
            neighbours = (_folded(words[i + n]) if i + n < len(words) else "", _folded(words[i - 1]) if i else "")
            if (after and neighbours[0] == after) or (before and neighbours[1] == before):
                in_context[reading] += 1
    if not counts:
        return ""
    best = max(counts, key=lambda r: (in_context[r], counts[r]))
    return best if in_context[best] or counts[best] > 1 else ""  # one chance match in the passages is no reading
