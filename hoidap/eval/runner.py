"""Run a test set through each system, side by side, and summarize.

Every system answers through ``HoidapService.ask`` — the call the chat and ``hoidap ask`` make,
follow-ups included — with only the retrieval swapped, so what is measured is what users get.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from core.errors import TestSetError
from core.models import DocMeta
from hoidap.eval.metrics import QuestionResult, contains_all, contains_any, gold_matches, ndcg_at, summarize
from hoidap.eval.peers import PEERS, LlamaIndexPeers
from hoidap.eval.testset import TestQuestion
from hoidap.replay import replayed_turn
from hoidap.retrieve import HybridRetriever
from hoidap.service import HoidapService, Retrieve

COMPONENTS = ("bm25", "dense")  # hoidap's own retrievers alone, same answerer
SYSTEMS = ("hoidap", *COMPONENTS, *PEERS)
DEFAULT_SYSTEMS = ("hoidap", "baseline")
MRR_CUTOFF = 10


def _evaluate(service: HoidapService, question: TestQuestion, retrieve: Retrieve | None, k: int) -> QuestionResult:
    previous = replayed_turn(service, question.context, k, retrieve=retrieve)  # follow-ups refer to earlier answers
    started = time.perf_counter()
    reply = service.ask(question.question, k, previous=previous, retrieve=retrieve, depth=MRR_CUTOFF, channel="")
    latency = (time.perf_counter() - started) * 1000
    passages = reply.passages
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
        has_answers=question.has_answers,
        kind=question.kind,
        resolved_question=reply.resolved_question,
        confidence=reply.confidence,
    )
    if question.answerable and not reply.refused:
        result.answer_correct = question.has_answers and (
            (not question.answers or contains_any(reply.text, question.answers))
            and contains_all(reply.text, question.answers_all)
        )
        cited = [c.passage.chunk for c in reply.citations]
        result.citation_correct = any(
            gold_matches([c.text], [c.source], question.evidence, question.relevant)[0] for c in cited
        )
    return result


def indexed_files(service: HoidapService) -> tuple[Path, list[Path]]:
    """The corpus folder of the served index and the files it holds (from its manifest)."""
    store = service.reader().store
    root = Path(store.get_meta("corpus_dir") or service.settings.corpus_dir)
    return root, [root / rel for rel in sorted(store.files())]


def single_document_metadata(service: HoidapService) -> dict[str, DocMeta]:
    """Source path → metadata of the indexed files that hold exactly one document."""
    by_source: dict[str, list[dict]] = {}
    for doc in service.documents():
        by_source.setdefault(doc["source"].split("#", 1)[0], []).append(doc)
    return {
        source: DocMeta(doc_type=d["doc_type"], number=d["number"], issuer=d["issuer"], date=d["date"], title=d["title"])
        for source, (d, *more) in by_source.items()
        if not more
    }


def run_eval(
    service: HoidapService,
    questions: list[TestQuestion],
    systems: tuple[str, ...] = DEFAULT_SYSTEMS,
    k: int | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[dict, dict[str, list[QuestionResult]]]:
    """({"n", "systems": {name: metrics}, "kinds": {name: {kind: metrics}}}, per-question results by system).

    The peer systems index exactly the files of the evaluated index (its manifest), wherever that
    index's corpus folder is.
    """
    k = k or service.settings.top_k
    retriever = service.retriever()
    runners: dict[str, Retrieve | None] = {}
    if "hoidap" in systems:
        runners["hoidap"] = None  # the service's own retrieval
    alone = {"bm25": {"dense_weight": 0.0}, "dense": {"bm25_weight": 0.0}}
    for name in COMPONENTS:
        if name in systems:
            only = service.settings.model_copy(update={**alone[name], "doc_boost_weight": 0.0, "coverage_weight": 0.0})
            runners[name] = HybridRetriever(retriever.reader, service.embedder, only).retrieve
    peers = tuple(s for s in systems if s in PEERS)
    if peers:
        root, files = indexed_files(service)
        missing = [f for f in files if not f.is_file()]
        if missing:
            raise TestSetError(
                f"the peers must index the same files as hoidap, but {len(missing)} indexed file(s) are gone "
                f"from {root} (e.g. {missing[0]}); run hoidap reindex first"
            )
        if progress:
            progress("llama-index peers", 0, 1)
        built = LlamaIndexPeers(files, service.embedder, peers, root, single_document_metadata(service))
        for name in peers:
            runners[name] = built.retriever(name)
    service.warm_up()
    per_system: dict[str, list[QuestionResult]] = {}
    for name, retrieve in runners.items():
        results = []
        for i, question in enumerate(questions):
            results.append(_evaluate(service, question, retrieve, k))
            if progress:
                progress(name, i + 1, len(questions))
        per_system[name] = results
    report = {
        "n": len(questions),
        "systems": {name: summarize(res) for name, res in per_system.items()},
        "kinds": {name: summarize_kinds(res) for name, res in per_system.items()},
    }
    return report, per_system


def summarize_kinds(results: list[QuestionResult]) -> dict[str, dict]:
    """Metrics per question kind (empty when the test set gives no kinds)."""
    kinds = sorted({r.kind for r in results if r.kind})
    return {kind: summarize([r for r in results if r.kind == kind]) for kind in kinds}
