"""Metrics. Definitions (answerable questions only, unless said otherwise):

- hit@k: share of questions where an evidence string occurs in one of the top-k passages.
- mrr: mean reciprocal rank of the first passage containing evidence, cut at 10 (MRR@10).
- answer_accuracy: share answered (not refused) whose answer contains one of ``answers``.
- citation_accuracy: share answered where a cited passage contains an evidence string.
- refusal_accuracy: share of unanswerable questions that were refused.
- false_refusal_rate: share of answerable questions that were refused.
- mean_citation_chars: mean length of the passages cited (precision of citations).
- p50_ms / p95_ms: latency of one question (retrieval + answer), median and 95th percentile.

Strings are compared after NFC, lower-casing, one tone-mark placement and whitespace collapsing.
"""

from __future__ import annotations

import statistics
import unicodedata
from dataclasses import dataclass, field

from ingest.normalize import canonical_tone


def norm(text: str) -> str:
    """Comparison form of a string."""
    return " ".join(canonical_tone(unicodedata.normalize("NFC", text).lower()).split())


def contains_any(text: str, needles: list[str]) -> bool:
    t = norm(text)
    return any(norm(n) in t for n in needles if n.strip())


def first_hit_rank(passages: list[str], evidence: list[str]) -> int:
    """1-based rank of the first passage holding evidence; 0 when none does."""
    for rank, text in enumerate(passages, 1):
        if contains_any(text, evidence):
            return rank
    return 0


@dataclass
class QuestionResult:
    """Everything measured for one question by one system (one line of results.jsonl)."""

    id: str
    question: str
    answerable: bool
    retrieved: list[str]  # passage ids, rank order
    passages: list[str]  # passage texts, rank order
    answer: str
    refused: bool
    cited: list[str]  # cited passage texts
    hit_rank: int
    latency_ms: float
    answer_correct: bool = False
    citation_correct: bool = False
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "question": self.question,
            "answerable": self.answerable,
            "retrieved": self.retrieved,
            "hit_rank": self.hit_rank,
            "answer": self.answer,
            "refused": self.refused,
            "citations": self.cited,
            "answer_correct": self.answer_correct,
            "citation_correct": self.citation_correct,
            "latency_ms": round(self.latency_ms, 2),
        }


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    idx = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[idx]


def summarize(results: list[QuestionResult]) -> dict:
    """The metrics of one system over a test set."""
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    n_a = max(len(answerable), 1)

    def share(pred, items, n):
        return round(sum(1 for r in items if pred(r)) / n, 4) if items else 0.0

    cited_lengths = [len(t) for r in results for t in r.cited]
    latencies = [r.latency_ms for r in results]
    return {
        "hit@1": share(lambda r: 0 < r.hit_rank <= 1, answerable, n_a),
        "hit@5": share(lambda r: 0 < r.hit_rank <= 5, answerable, n_a),
        "mrr": round(sum(1 / r.hit_rank for r in answerable if 0 < r.hit_rank <= 10) / n_a, 4) if answerable else 0.0,
        "answer_accuracy": share(lambda r: r.answer_correct, answerable, n_a),
        "citation_accuracy": share(lambda r: r.citation_correct, answerable, n_a),
        "refusal_accuracy": share(lambda r: r.refused, unanswerable, max(len(unanswerable), 1)),
        "false_refusal_rate": share(lambda r: r.refused, answerable, n_a),
        "mean_citation_chars": round(statistics.mean(cited_lengths), 1) if cited_lengths else 0.0,
        "p50_ms": round(_percentile(latencies, 0.5), 1),
        "p95_ms": round(_percentile(latencies, 0.95), 1),
        "n_answerable": len(answerable),
        "n_unanswerable": len(unanswerable),
    }
