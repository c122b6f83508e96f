"""The extractive answerer: select → decide answerability → compose. It never writes a fact that is
in no source: every sentence is quoted from a passage, and when the evidence does not answer, it
refuses (the decision is a small model learned from data, see answerability.py)."""

from __future__ import annotations

from hoidap.answer.answerability import Answerability, features
from hoidap.answer.compose import REFUSAL_TEXT, ComposeRules, Composer, choose, refusal
from hoidap.answer.lists import list_continuation
from hoidap.answer.select import Candidate, SelectRules, answers_type, candidates
from hoidap.answer.sentences import sentence_begun, sentence_continued
from hoidap.answer.types import Answer
from hoidap.query import DATE, DURATION, LIST, NUMBER, PERSON, Query
from hoidap.retrieve import Passage
from ingest.metadata import NUMBER_RE

__all__ = ["ExtractiveAnswerer", "REFUSAL_TEXT"]


_TYPED = (DATE, DURATION, NUMBER, PERSON)


class ExtractiveAnswerer:
    """Picks sentences from the passages; refuses when the evidence does not answer."""

    def __init__(
        self,
        max_sentences: int = 3,
        answerability: Answerability | None = None,
        select_rules: SelectRules = SelectRules(),
        compose_rules: ComposeRules = ComposeRules(),
    ):
        self.max_sentences = max_sentences
        self.answerability = answerability or Answerability.rule(0.6)
        self.select_rules = select_rules
        self.composer = Composer(compose_rules)

    def answer(self, query: Query, passages: list[Passage], weight, following=None, preceding=None) -> Answer:
        """``weight(term)`` gives a term's IDF in the corpus (BM25 statistics); ``following(chunk)`` the next chunk
        of its document (a list an article goes on with), or None; ``preceding(chunk)`` the one before (where a
        sentence the passage starts inside begins), or None."""
        passages = list(passages)  # a list's continuation read with ``following`` is added to this copy
        parts = query.parts or (query,)
        chosen: list[tuple[Query, list[Candidate]]] = []
        confidence = 0.0
        for part in parts:
            found = candidates(part, passages, weight, self.select_rules)
            p = self.answerability.probability(features(part, passages, found)) if found else 0.0
            confidence = max(confidence, p)
            ok = bool(found) and p >= self.answerability.threshold
            min_cov = self.answerability.min_coverage
            picked = choose(found, self.max_sentences, min_cov, part.answer_type == LIST, self.select_rules.table_rows) if ok else []
            if picked and part.answer_type == LIST and self.select_rules.list_continues:
                picked = [sentence_continued(picked[0], passages), *picked[1:]]
                picked = picked + list_continuation(picked[0], passages, following)
            if picked and self.select_rules.sentence_start:
                picked = [sentence_begun(c, passages, preceding) for c in picked]
            if picked and self.select_rules.typed_required and part.answer_type in _TYPED:
                if not any(answers_type(part, c) for c in picked):
                    picked = []  # "bao nhiêu tỷ đồng?" answered by a sentence without an amount answers nothing
            if picked and self.select_rules.typed_required and part.kind and not any(c.type_match for c in picked):
                picked = []  # "doanh nghiệp nào …?" answered by a sentence naming no enterprise answers nothing
            if picked and self.select_rules.typed_required and part.wants_code:
                if not any(NUMBER_RE.search(c.text) for c in picked):
                    picked = []  # "… với số hiệu nào?": a sentence giving no số hiệu does not answer
            chosen.append((part, picked))
        if not any(c for _, c in chosen):
            answer = refusal(query, passages)
        else:
            answer = self.composer.compose(query, passages, chosen)
        answer.confidence = confidence
        return answer
