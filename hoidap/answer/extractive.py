"""The extractive answerer: the retrieved sentences that best answer the question, each cited.

It never writes text that is in no source: every sentence is quoted from a passage, and when the
passages do not cover the question's key terms, it refuses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hoidap.answer.types import Answer, Citation
from hoidap.retrieve import Passage
from hoidap.terms import (
    DATE_IN_TEXT,
    PERSON,
    asked_role,
    coverage,
    evidence_text,
    names_all,
    names_holder,
    required_terms,
    normalized,
    question_intent,
    question_terms,
)
from ingest.metadata import first_date
from ingest.normalize import fold_diacritics, has_diacritics

REFUSAL_TEXT = "Không tìm thấy thông tin trả lời câu hỏi này trong các tài liệu hiện có."
_LIST_ITEM = re.compile(r"^(?:[a-zđ]\)|\d{1,2}\.|[-–•+])\s")
MAX_QUOTE_CHARS = 600
_HEADING = re.compile(r"^[A-ZĐÀ-Ỹ][^.;:!?\n]{2,120}$")  # a title line: capitalised, no sentence punctuation
_ARTICLE = re.compile(r"Điều\s+[\w.]+\.\s*$")  # what precedes an article's title: "Điều 4. ", "Điều 1.11.LQ.33."


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
        candidates = self._candidates(question, passages, weight)
        if not candidates or candidates[0].passage_coverage < self.min_coverage:
            return Answer(question=question, text=REFUSAL_TEXT, refused=True, related=passages, passages=passages)
        return self._compose(question, passages, candidates)

    def _candidates(self, question: str, passages: list[Passage], weight) -> list[_Candidate]:
        """Sentences of the passages that may answer the question, best first."""
        terms = question_terms(question, weight)
        exact = has_diacritics(question)
        required = required_terms(question)
        intent = question_intent(question)
        role = asked_role(question) if intent.who else ""
        sections = bool(intent.definition or intent.scope or intent.applies)
        candidates: list[_Candidate] = []
        for i, passage in enumerate(passages):
            chunk = passage.chunk
            context = normalized(f"{chunk.doc.title} {chunk.doc.number} {chunk.heading}", exact)
            if required:  # names, số hiệu and years the question is about must be named by the passage
                named = f"{chunk.text} {chunk.doc.title} {chunk.doc.number} {chunk.doc.date} {chunk.heading}"
                if not names_all(required, named, weight, question):
                    continue
            number = normalized(chunk.doc.number, False) if intent.code and chunk.doc.number else ""
            passage_cov = coverage(terms, evidence_text(chunk.text, exact) + context)
            for start, end in _quotes(chunk.text, chunk.sentence_spans, sections):
                text = chunk.text[start:end].strip()
                if _boilerplate(text):
                    continue
                sent_cov = coverage(terms, evidence_text(text, exact) + context)
                score = 0.6 * sent_cov + 0.4 * passage_cov - 0.01 * i
                if intent.wants_date and DATE_IN_TEXT.search(text):
                    score += 0.15
                    if intent.issued and chunk.doc.date and first_date(text) == chunk.doc.date:
                        score += 0.15  # "ban hành ngày nào?": the document's own date line
                if intent.wants_number and _DIGIT.search(text):
                    score += 0.1
                if intent.who and not (names_holder(text, role, question) if role else PERSON.search(text)):
                    continue  # "ai …?" is answered by a sentence that names a person (holding the office asked)
                if number and number in normalized(text, False):
                    score += 0.2  # "số hiệu là gì?": the sentence giving the document's number
                if intent.issuer and chunk.doc.issuer:
                    if normalized(chunk.doc.issuer, False) in normalized(text, False):
                        score += 0.2  # "do cơ quan nào ban hành?": the sentence naming the issuer
                candidates.append(_Candidate(i, (start, end), text, score, sent_cov, passage_cov))
        candidates.sort(key=lambda c: -c.score)
        return candidates

    def _compose(self, question: str, passages: list[Passage], candidates: list[_Candidate]) -> Answer:
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

        # Facts from documents of different dates (a figure or an office holder that changed): newest
        # first, each with its date, so an official sees which is current.
        dates = {passages[c.passage_index].chunk.doc.date for c in chosen}
        dated = len({passages[c.passage_index].chunk.doc_id for c in chosen}) > 1 and len(dates - {""}) > 1
        if dated:
            chosen.sort(key=lambda c: passages[c.passage_index].chunk.doc.date or "0", reverse=True)
        numbers: dict[int, Citation] = {}
        parts = []
        for cand in chosen:
            cit = numbers.get(cand.passage_index)
            if cit is None:
                cit = Citation(n=len(numbers) + 1, passage=passages[cand.passage_index])
                numbers[cand.passage_index] = cit
            cit.quoted.append(cand.span)
            date = passages[cand.passage_index].chunk.doc.date
            parts.append(f"{cand.text} ({date}) [{cit.n}]" if dated and date else f"{cand.text} [{cit.n}]")
        cited = {id(c.passage) for c in numbers.values()}
        return Answer(
            question=question,
            text=" ".join(parts),
            refused=False,
            citations=sorted(numbers.values(), key=lambda c: c.n),
            related=[p for p in passages if id(p) not in cited],
            passages=passages,
        )


def _quotes(text: str, spans: list[tuple[int, int]], sections: bool) -> list[tuple[int, int]]:
    """Sentence spans; a sentence ending in ':' takes the list items after it, and with ``sections`` an
    article's title takes the sentences of the article (up to MAX_QUOTE_CHARS): "Nguyên tắc … là gì?"
    is answered by the article of that title, not by the title alone (so are scope questions: "Phạm vi
    điều chỉnh")."""
    out = []
    for i, (start, end) in enumerate(spans):
        sentence = text[start:end].rstrip()
        heading = (
            sections
            and _HEADING.match(sentence)
            and text[end : end + 1] == "\n"
            and _ARTICLE.search(text[max(0, start - 20) : start])
        )
        if sentence.endswith(":") or heading:
            for s2, e2 in spans[i + 1 :]:
                if e2 - start > MAX_QUOTE_CHARS or text[s2:e2].startswith("Điều "):
                    break
                if not heading and not _LIST_ITEM.match(text[s2:e2]):
                    break
                end = e2
        out.append((start, end))
    return out


_DIGIT = re.compile(r"\d")


def _boilerplate(text: str) -> bool:
    """Header lines and fragments that answer nothing ("Độc lập - Tự do - Hạnh phúc", "Số: 03/NQ-CP")."""
    words = text.split()
    if len(words) < 4 or (text.isupper() and len(words) < 8):
        return True
    return bool(re.match(r"^(Số|Độc lập|CỘNG HÒA|CỘNG HOÀ|Nơi nhận|Kính gửi)\b", text))


def _key(text: str) -> str:
    return fold_diacritics(re.sub(r"\W+", " ", text.lower())).strip()


def _overlaps(a: _Candidate, b: _Candidate) -> bool:
    """Same sentence reached through two overlapping chunks."""
    return _key(a.text) in _key(b.text) or _key(b.text) in _key(a.text)
