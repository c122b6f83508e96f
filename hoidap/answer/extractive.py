"""The extractive answerer: the retrieved sentences that best answer the question, each cited.

It never writes text that is in no source: every sentence is quoted from a passage, and when the
passages do not cover the question's key terms, it refuses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hoidap.answer.types import Answer, Citation
from hoidap.retrieve import Passage
from ingest.normalize import canonical_tone, fold_diacritics, has_diacritics
from ingest.segment import FOLDED_PREFIX, QUERY_STOPWORDS, words_of

REFUSAL_TEXT = "Không tìm thấy thông tin trả lời câu hỏi này trong các tài liệu hiện có."
_SYLLABLE = re.compile(r"\w+")
_NUMBER = re.compile(r"\d")
UNKNOWN_TERM_WEIGHT = 8.0  # a question term that occurs nowhere in the corpus weighs like a very rare one
NUMBER_WEIGHT_FLOOR = 4.0  # numbers (years, số hiệu) are what questions hinge on


def normalized(text: str, exact: bool) -> str:
    """Syllables of a text, lower-cased, one tone placement (folded when not exact), space-padded."""
    syllables = _SYLLABLE.findall(canonical_tone(text.lower()))
    joined = " ".join(syllables)
    return f" {joined if exact else fold_diacritics(joined)} "


def question_terms(question: str, weight) -> dict[str, float]:
    """Key terms of the question (its content words, as phrases) with their weights (IDF)."""
    exact = has_diacritics(question)
    terms: dict[str, float] = {}
    for word in words_of(question):
        phrase = normalized(word, exact).strip()
        if not phrase:
            continue
        joined = phrase.replace(" ", "_")
        if joined in QUERY_STOPWORDS or (not exact and joined in _FOLDED_STOPWORDS):
            continue
        w = weight(joined if exact else FOLDED_PREFIX + joined)
        w = UNKNOWN_TERM_WEIGHT if w <= 0 else w
        if _NUMBER.search(phrase):
            w = max(w, NUMBER_WEIGHT_FLOOR)
        terms[phrase] = max(terms.get(phrase, 0.0), w)
    return terms


def coverage(terms: dict[str, float], text: str) -> float:
    """Share of the question's term weight found in a normalized text."""
    total = sum(terms.values())
    if total <= 0:
        return 0.0
    return sum(w * _found_share(t, text) for t, w in terms.items()) / total


def _found_share(term: str, text: str) -> float:
    """1 when the phrase occurs; else the share of its longest occurring sub-phrase of ≥ 2 syllables.

    (underthesea sometimes glues a name to the next word: "Bình Phước xếp".)
    """
    if f" {term} " in text:
        return 1.0
    syllables = term.split()
    n = len(syllables)
    for size in range(n - 1, 1, -1):
        for i in range(n - size + 1):
            if f" {' '.join(syllables[i:i + size])} " in text:
                return size / n
    return 0.0


_FOLDED_STOPWORDS = frozenset(fold_diacritics(w) for w in QUERY_STOPWORDS)
_LIST_ITEM = re.compile(r"^(?:[a-zđ]\)|\d{1,2}\.|[-–•+])\s")
MAX_QUOTE_CHARS = 600


@dataclass
class _Candidate:
    passage_index: int
    span: tuple[int, int]
    text: str
    score: float
    sentence_coverage: float
    passage_coverage: float


class ExtractiveAnswerer:
    """Picks sentences from the passages; refuses when the evidence is too weak."""

    def __init__(self, max_sentences: int = 3, min_coverage: float = 0.6):
        self.max_sentences = max_sentences
        self.min_coverage = min_coverage

    def answer(self, question: str, passages: list[Passage], weight) -> Answer:
        """``weight(term)`` gives a term's IDF in the corpus (BM25 statistics)."""
        terms = question_terms(question, weight)
        exact = has_diacritics(question)
        candidates: list[_Candidate] = []
        for i, passage in enumerate(passages):
            chunk = passage.chunk
            context = normalized(f"{chunk.doc.title} {chunk.doc.number} {chunk.heading}", exact)
            passage_cov = coverage(terms, normalized(chunk.text, exact) + context)
            for start, end in _quotes(chunk.text, chunk.sentence_spans):
                text = chunk.text[start:end].strip()
                if len(text) < 12:
                    continue
                sent_cov = coverage(terms, normalized(text, exact) + context)
                score = 0.6 * sent_cov + 0.4 * passage_cov - 0.01 * i
                candidates.append(_Candidate(i, (start, end), text, score, sent_cov, passage_cov))
        candidates.sort(key=lambda c: -c.score)
        if not candidates or candidates[0].passage_coverage < self.min_coverage:
            return Answer(question=question, text=REFUSAL_TEXT, refused=True, related=passages, passages=passages)

        best = candidates[0]
        chosen = [best]
        seen = {_key(best.text)}
        for cand in candidates[1:]:
            if len(chosen) >= self.max_sentences:
                break
            if cand.score < 0.8 * best.score or cand.passage_coverage < self.min_coverage:
                continue
            if _key(cand.text) in seen or any(_overlaps(cand, c) for c in chosen):
                continue
            chosen.append(cand)
            seen.add(_key(cand.text))

        numbers: dict[int, Citation] = {}
        parts = []
        for cand in chosen:
            cit = numbers.get(cand.passage_index)
            if cit is None:
                cit = Citation(n=len(numbers) + 1, passage=passages[cand.passage_index])
                numbers[cand.passage_index] = cit
            cit.quoted.append(cand.span)
            parts.append(f"{cand.text} [{cit.n}]")
        cited = {id(c.passage) for c in numbers.values()}
        return Answer(
            question=question,
            text=" ".join(parts),
            refused=False,
            citations=sorted(numbers.values(), key=lambda c: c.n),
            related=[p for p in passages if id(p) not in cited],
            passages=passages,
        )


def _quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans; a sentence ending in ':' takes the list items after it (up to MAX_QUOTE_CHARS)."""
    out = []
    for i, (start, end) in enumerate(spans):
        if text[start:end].rstrip().endswith(":"):
            for s2, e2 in spans[i + 1 :]:
                if not _LIST_ITEM.match(text[s2:e2]) or e2 - start > MAX_QUOTE_CHARS:
                    break
                end = e2
        out.append((start, end))
    return out


def _key(text: str) -> str:
    return fold_diacritics(re.sub(r"\W+", " ", text.lower())).strip()


def _overlaps(a: _Candidate, b: _Candidate) -> bool:
    """Same sentence reached through two overlapping chunks."""
    return _key(a.text) in _key(b.text) or _key(b.text) in _key(a.text)
