"""Run a test set through each system, side by side, and summarize."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from hoidap.answer.conversation import Turn, resolve
from hoidap.eval.peers import PEERS, LlamaIndexPeers
from hoidap.eval.metrics import QuestionResult, contains_any, gold_matches, ndcg_at, summarize
from hoidap.eval.testset import TestQuestion
from hoidap.retrieve import HybridRetriever
from hoidap.service import HoidapService, clean_question
from index.build import scan_corpus

COMPONENTS = ("bm25", "dense")  # hoidap's own retrievers alone, same answerer
SYSTEMS = ("hoidap", *COMPONENTS, *PEERS)
DEFAULT_SYSTEMS = ("hoidap", "baseline")
MRR_CUTOFF = 10


def _evaluate(question: TestQuestion, retrieve, answer, k: int) -> QuestionResult:
    previous = None
    for earlier in question.context:  # replay the conversation: follow-ups refer to earlier answers
        said = resolve(clean_question(earlier, 10**6), previous)
        reply = answer(said, retrieve(said, k))
        previous = Turn(said, reply.cited_documents()) if not reply.refused else previous
    q = resolve(clean_question(question.question, 10**6), previous)
    started = time.perf_counter()
    passages = retrieve(q, max(k, MRR_CUTOFF))
    reply = answer(q, passages[:k])
    latency = (time.perf_counter() - started) * 1000
    texts = [p.chunk.text for p in passages]
    matches = gold_matches(texts[:MRR_CUTOFF], [p.chunk.source for p in passages], question.evidence, question.relevant)
    hit_rank = next((i for i, m in enumerate(matches, 1) if m), 0) if question.answerable else 0
    result = QuestionResult(
        id=question.id,
        question=question.question,
        answerable=question.answerable,
        retrieved=[p.chunk.chunk_id for p in passages],
        passages=texts,
        answer=reply.text,
        refused=reply.refused,
        cited=[c.passage.chunk.text for c in reply.citations],
        hit_rank=hit_rank,
        latency_ms=latency,
        ndcg=ndcg_at(matches, len(question.relevant) or 1) if question.answerable else 0.0,
        has_answers=bool(question.answers),
    )
    if question.answerable and not reply.refused:
        result.answer_correct = contains_any(reply.text, question.answers) if question.answers else False
        cited = [c.passage.chunk for c in reply.citations]
        result.citation_correct = any(
            gold_matches([c.text], [c.source], question.evidence, question.relevant)[0] for c in cited
        )
    return result


def run_eval(
    service: HoidapService,
    questions: list[TestQuestion],
    systems: tuple[str, ...] = DEFAULT_SYSTEMS,
    k: int | None = None,
    corpus_dir: Path | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[dict, dict[str, list[QuestionResult]]]:
    """({"n", "systems": {name: metrics}}, per-question results by system)."""
    k = k or service.settings.top_k
    retriever = service.retriever()
    weight = retriever.reader.bm25.weight

    def answer(q, passages):
        return service.answerer.answer(q, passages, weight)

    runners = {}
    if "hoidap" in systems:
        runners["hoidap"] = retriever.retrieve
    alone = {"bm25": {"dense_weight": 0.0}, "dense": {"bm25_weight": 0.0}}
    for name in COMPONENTS:
        if name in systems:
            only = service.settings.model_copy(update={**alone[name], "doc_boost_weight": 0.0, "coverage_weight": 0.0})
            runners[name] = HybridRetriever(retriever.reader, service.embedder, only).retrieve
    peers = tuple(s for s in systems if s in PEERS)
    if peers:
        root = Path(corpus_dir or service.settings.corpus_dir)
        files, _ = scan_corpus(root)
        if progress:
            progress("llama-index peers", 0, 1)
        built = LlamaIndexPeers(list(files.values()), service.embedder, peers, root)
        for name in peers:
            runners[name] = built.retriever(name)
    service.warm_up()
    per_system: dict[str, list[QuestionResult]] = {}
    for name, retrieve in runners.items():
        results = []
        for i, question in enumerate(questions):
            results.append(_evaluate(question, retrieve, answer, k))
            if progress:
                progress(name, i + 1, len(questions))
        per_system[name] = results
    report = {"n": len(questions), "systems": {name: summarize(res) for name, res in per_system.items()}}
    return report, per_system
