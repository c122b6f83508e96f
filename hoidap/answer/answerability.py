"""Answerability: does the best evidence answer the question, or should hoidap say it does not know?

A logistic model over general features of the query and the best candidate sentence and its passage
(none tied to one retriever: the peer systems of the evaluation are answered by the same decision),
learned by ``bench/train_answerability.py`` from data that is never used to measure it (ALQAC train
splits; questions generated from the bundled corpus' own sentences, each asked with its document, without
it and without the passages stating the fact; the dev set). The coefficients, the feature scaling and the
threshold (chosen on the dev set's out-of-fold probabilities) are a small JSON file; no library is needed
to apply them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from hoidap.answer.carries import states_validity_of
from hoidap.query import OTHER, VALIDITY, YESNO, Query
from hoidap.query.documents import mentions_document, names_document
from hoidap.retrieve import Passage
from hoidap.terms import normalized

MODEL_FILE = Path(__file__).with_name("answerability.json")
FEATURES = (
    "sentence_coverage",  # share of the question's term weight in the best sentence (with its source)
    "passage_coverage",  # … in the best sentence's passage
    "strongest_in_passage",  # the question's rarest term occurs in that passage
    "missing_weight",  # the largest weight of a term missing from that passage, over the largest weight
    "type_match",  # the question asks for a kind of answer (a date, a figure, an organisation …) and the best
    #                sentence carries it
    "type_mismatch",  # … and the best sentence does not carry it
    "any_type_match",  # … and some candidate sentence carries it
    "passage_rank_inv",  # 1 / position of the best passage in the fused ranking
    "names_document",  # the question names a document (số hiệu or "Nghị định 13")
    "names_unindexed",  # … by a số hiệu no indexed document has (its text is not here)
    "named_document_cited",  # … and the best passage is from it, or names it (a report on it; asked its
    #                           validity, a passage stating it)
    "n_terms_log",  # log(1 + number of key terms)
    "runner_up_margin",  # best score − second best score (another passage)
)


def features(query: Query, passages: list[Passage], found, read_under: Mapping[str, str] = MappingProxyType({})) -> dict[str, float]:
    """The features of the best candidate (``found`` sorted best first) for this query; ``read_under``: chunk id →
    the table group rows a passage is read under (see tables.group_rows)."""
    best = found[0]
    passage = passages[best.passage_index]
    chunk = passage.chunk
    text = normalized(
        f"{chunk.text} {chunk.doc.title} {chunk.doc.number} {chunk.doc.issuer} {chunk.section_heading}"
        f" {read_under.get(chunk.chunk_id, '')}", query.exact,
    )
    terms = dict(query.terms)
    strongest = max(terms.values(), default=1.0) or 1.0
    missing = 0.0
    strongest_found = 0.0
    for term, weight in terms.items():
        forms = [term.lstrip("=?"), *query.alternates.get(term, ())]
        present = any(f" {f} " in text for f in forms)
        if not present:
            missing = max(missing, weight)
        if weight == strongest:
            strongest_found = max(strongest_found, 1.0 if present else 0.0)
    typed = query.answer_type not in (OTHER, YESNO)
    runner_up = next((c.score for c in found[1:] if c.passage_index != best.passage_index), 0.0)
    named = bool(query.numbers or query.doc_refs)
    named_cited = named and (
        names_document(query, chunk.doc.number)
        or mentions_document(query, chunk.text)
        or (query.answer_type == VALIDITY and states_validity_of(query, chunk))
    )
    return {
        "sentence_coverage": best.sentence_coverage,
        "passage_coverage": best.passage_coverage,
        "strongest_in_passage": strongest_found,
        "missing_weight": missing / strongest,
        "type_match": float(typed and best.type_match),
        "type_mismatch": float(typed and not best.type_match),
        "any_type_match": float(typed and any(c.type_match for c in found)),
        "passage_rank_inv": 1.0 / (best.passage_index + 1),
        "names_document": float(named),
        "names_unindexed": float(bool(query.unindexed)),
        "named_document_cited": float(named_cited),
        "n_terms_log": math.log1p(len(terms)),
        "runner_up_margin": best.score - runner_up,
    }


@dataclass
class Answerability:
    """p(answerable | features) = sigmoid(w · standardized(x) + b); answer when p ≥ threshold.

    ``Answerability.rule(c)`` is the hand-set gate it replaces (answer when the best passage covers
    ≥ c of the question's term weight), kept for the ablation and for a missing model file.
    """

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    means: dict[str, float] = field(default_factory=dict)
    scales: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.5
    min_coverage: float = 0.6  # a further sentence joins the answer only from a passage covering this much
    source: str = ""  # how the model was made (training data, date)

    @classmethod
    def rule(cls, min_coverage: float) -> "Answerability":
        return cls(weights={}, threshold=min_coverage, min_coverage=min_coverage, source="rule: passage coverage")

    @classmethod
    def load(cls, path: Path = MODEL_FILE, min_coverage: float = 0.6) -> "Answerability":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(
            weights=data["weights"],
            bias=data["bias"],
            means=data["means"],
            scales=data["scales"],
            threshold=data["threshold"],
            min_coverage=min_coverage,
            source=data.get("source", ""),
        )

    def probability(self, x: dict[str, float]) -> float:
        if not self.weights:  # the rule
            return x["passage_coverage"]
        z = self.bias + sum(
            w * (x[name] - self.means.get(name, 0.0)) / (self.scales.get(name, 1.0) or 1.0) for name, w in self.weights.items()
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
