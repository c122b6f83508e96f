"""Metrics. Definitions (answerable questions only, unless said otherwise):

A passage is *relevant* when it contains an evidence string, or (BEIR-style test sets) when it comes
from a document listed in ``relevant`` (its source path without extension, e.g. "luat-an-ninh-mang/26").

- hit@k: share of questions with a relevant passage among the top k (k = 1, 5, 10).
- mrr: mean reciprocal rank of the first relevant passage, cut at 10 (MRR@10).
- ndcg@10: binary-gain nDCG over the top 10; each gold document (or the evidence) counts once.
- answer_accuracy: over questions with ``answers`` (or ``answers_all``): share answered (not refused)
  containing one of ``answers`` and all of ``answers_all``.
  (A metric with no question of its kind in the test set is None.)
- citation_accuracy: share answered where a cited passage is relevant.
- refusal_accuracy: share of unanswerable questions that were refused.
- false_refusal_rate: share of answerable questions that were refused.
- mean_citation_chars: mean length of the passages cited (precision of citations).
- p50_ms / p95_ms: latency of one question (retrieval + answer), median and 95th percentile.

Strings are compared after NFC, lower-casing, one tone-mark placement, whitespace collapsing and
one way of writing dates ("ngày 01 tháng 7 năm 2026", "01/07/2026", "2026-07-01" → "1/7/2026";
"tháng 01 năm 2025" → "1/2025"; "15 tháng 12" → "15/12"): a date is right in any of its forms.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from dataclasses import dataclass

from ingest.normalize import canonical_tone


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DMY_WORDS = re.compile(r"\b(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\b")
_MY_WORDS = re.compile(r"\btháng\s+(\d{1,2})\s+năm\s+(\d{4})\b")
_DM_WORDS = re.compile(r"\b(\d{1,2})\s+tháng\s+(\d{1,2})\b")
_SLASHED = re.compile(r"\b(\d{1,2})([/-])(\d{1,2})(?=[/-]\d{4}\b)|\b(\d{1,2})/(?=\d{4}\b)|\b(\d{1,2})/(\d{1,2})\b")


def _slashed(m: re.Match) -> str:
    if m.group(1):  # day/month before a year: 01/07/2026, 01-07-2026
        return f"{int(m.group(1))}/{int(m.group(3))}"
    if m.group(4):  # month before a year: 01/2025
        return f"{int(m.group(4))}/"
    return f"{int(m.group(5))}/{int(m.group(6))}"  # day/month: 01/6


def canonical_dates(text: str) -> str:
    """Dates written one way (lower-cased text): "1/7/2026", "1/2025", "15/12"."""
    text = _ISO_DATE.sub(lambda m: f"{int(m.group(3))}/{int(m.group(2))}/{m.group(1)}", text)
    text = _DMY_WORDS.sub(lambda m: f"{int(m.group(1))}/{int(m.group(2))}/{m.group(3)}", text)
    text = _MY_WORDS.sub(lambda m: f"{int(m.group(1))}/{m.group(2)}", text)
    text = _DM_WORDS.sub(lambda m: f"{int(m.group(1))}/{int(m.group(2))}", text)
    return re.sub(r"(\d{1,2})-(?=\d{4}\b)", r"\1/", _SLASHED.sub(_slashed, text))


# "Thông tư số 01/2018/TT-VPCP" and "Thông tư 01/2018/TT-VPCP" cite the same document: "số" is optional
_CITED_NUMBER = re.compile(
    r"\b(luật|nghị định|quyết định|thông tư|thông tư liên tịch|nghị quyết|chỉ thị|công văn|kế hoạch|quy định|pháp lệnh)"
    r" số (?=\d)"
)


def norm(text: str) -> str:
    """Comparison form of a string (a table's cell separator counts as a space; "<document type> số <number>"
    as "<document type> <number>")."""
    text = text.replace(" | ", " ")
    text = " ".join(canonical_tone(unicodedata.normalize("NFC", text).lower()).split())
    return canonical_dates(_CITED_NUMBER.sub(r"\1 ", text))


def contains_any(text: str, needles: list[str]) -> bool:
    t = norm(text)
    return any(norm(n) in t for n in needles if n.strip())


def contains_all(text: str, needles: list[str]) -> bool:
    """Whether the text contains every one of the strings (True for none)."""
    t = norm(text)
    return all(norm(n) in t for n in needles if n.strip())


def passage_doc_key(source: str) -> str:
    """The id a BEIR-style test set uses for a passage's document: its path without extension."""
    path = source.split("#", 1)[0]
    return path.rsplit(".", 1)[0] if "." in path.rsplit("/", 1)[-1] else path


def gold_matches(texts: list[str], sources: list[str], evidence: list[str], relevant: list[str]) -> list[str]:
    """For each passage, the gold item it matches ("" when none): a relevant document id or "evidence"."""
    wanted = set(relevant)
    out = []
    for text, source in zip(texts, sources):
        key = passage_doc_key(source)
        if wanted and key in wanted:
            out.append(key)
        elif evidence and contains_any(text, evidence):
            out.append("evidence")
        else:
            out.append("")
    return out


def ndcg_at(matches: list[str], n_gold: int, k: int = 10) -> float:
    """Binary-gain nDCG@k; a gold item found twice counts once."""
    seen: set[str] = set()
    dcg = 0.0
    for i, gold in enumerate(matches[:k]):
        if gold and gold not in seen:
            seen.add(gold)
            dcg += 1 / math.log2(i + 2)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(max(n_gold, 1), k)))
    return dcg / ideal if ideal else 0.0


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
    ndcg: float = 0.0
    has_answers: bool = True
    kind: str = ""  # the test set's question kind ("" when it gives none)
    resolved_question: str = ""  # the question the system answered (a follow-up completed from the context)
    confidence: float = 0.0  # the answerability model's probability that the evidence answers

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "question": self.question,
            "answerable": self.answerable,
            "retrieved": self.retrieved,
            "hit_rank": self.hit_rank,
            "ndcg@10": round(self.ndcg, 4),
            "answer": self.answer,
            "refused": self.refused,
            "citations": self.cited,
            "answer_correct": self.answer_correct,
            "citation_correct": self.citation_correct,
            "latency_ms": round(self.latency_ms, 2),
            "kind": self.kind,
            "resolved_question": self.resolved_question,
            "confidence": round(self.confidence, 4),
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
    with_answers = [r for r in answerable if r.has_answers]
    n_a = max(len(answerable), 1)

    def share(pred, items, n):
        """Share of items where pred holds; None (JSON null) when the test set has no such question."""
        return round(sum(1 for r in items if pred(r)) / n, 4) if items else None

    cited_lengths = [len(t) for r in results for t in r.cited]
    latencies = [r.latency_ms for r in results]
    return {
        "hit@1": share(lambda r: 0 < r.hit_rank <= 1, answerable, n_a),
        "hit@5": share(lambda r: 0 < r.hit_rank <= 5, answerable, n_a),
        "hit@10": share(lambda r: 0 < r.hit_rank <= 10, answerable, n_a),
        "mrr": round(sum(1 / r.hit_rank for r in answerable if 0 < r.hit_rank <= 10) / n_a, 4) if answerable else 0.0,
        "ndcg@10": round(sum(r.ndcg for r in answerable) / n_a, 4) if answerable else 0.0,
        "answer_accuracy": share(lambda r: r.answer_correct, with_answers, max(len(with_answers), 1)),
        "citation_accuracy": share(lambda r: r.citation_correct, answerable, n_a),
        "refusal_accuracy": share(lambda r: r.refused, unanswerable, max(len(unanswerable), 1)),
        "false_refusal_rate": share(lambda r: r.refused, answerable, n_a),
        "mean_citation_chars": round(statistics.mean(cited_lengths), 1) if cited_lengths else 0.0,
        "p50_ms": round(_percentile(latencies, 0.5), 1),
        "p95_ms": round(_percentile(latencies, 0.95), 1),
        "n_answerable": len(answerable),
        "n_unanswerable": len(unanswerable),
    }
