"""Test sets: JSONL, one question per line.

    {"id": str, "question": str, "answers": [str], "evidence": [str], "answerable": bool}
    optional BEIR-style gold: "relevant": [str]  (document ids: source path without extension)
    optional conversation: "context": [str]  (earlier questions; the gold is for the last one)
    optional "kind": str  (question style, e.g. "paraphrase", "list", "unanswerable": metrics per kind)
    optional "answers_all": [str]  (strings a complete answer must ALL contain: list items, compound parts)
    optional "doc": str  (the source path, under the corpus folder, of the document holding the evidence)

``answers``: strings one of which a correct answer contains; ``evidence``: strings one of which a
passage that supports the answer contains; ``relevant``: documents (e.g. one file per law article)
whose passages count as relevant. An answer is correct when it contains one of ``answers`` (if any) and
every string of ``answers_all`` (if any). Unanswerable questions have ``answerable: false`` and empty lists.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import TestSetError


@dataclass
class TestQuestion:
    """One line of a test set."""

    __test__ = False  # not a pytest test class

    id: str
    question: str
    answers: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    answerable: bool = True
    relevant: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)  # earlier questions of the conversation, in order
    kind: str = ""  # question style ("paraphrase", "list", "unanswerable", …); "" when the set gives none
    answers_all: list[str] = field(default_factory=list)  # strings a complete answer must all contain
    doc: str = ""  # source path of the document holding the evidence (checked by the test set's test)

    @property
    def has_answers(self) -> bool:
        return bool(self.answers or self.answers_all)


def load_testset(path: Path) -> list[TestQuestion]:
    """Read and validate a test set; TestSetError names the first bad line."""
    path = Path(path)
    if not path.is_file():
        raise TestSetError(f"test set not found: {path}")
    items: list[TestQuestion] = []
    seen: set[str] = set()
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TestSetError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not str(row.get("question", "")).strip() or not row.get("id"):
            raise TestSetError(f"{path}:{lineno}: needs non-empty 'id' and 'question'")
        answerable = bool(row.get("answerable", True))
        answers = [str(a) for a in row.get("answers", [])]
        evidence = [str(e) for e in row.get("evidence", [])]
        relevant = [str(r) for r in row.get("relevant", [])]
        if answerable and not evidence and not relevant:
            raise TestSetError(f"{path}:{lineno}: an answerable question needs 'evidence' or 'relevant'")
        qid = str(row["id"])
        if qid in seen:
            raise TestSetError(f"{path}:{lineno}: duplicate id {qid!r}")
        seen.add(qid)
        context = [str(c) for c in row.get("context", [])]
        answers_all = [str(a) for a in row.get("answers_all", [])]
        kind = str(row.get("kind", ""))
        items.append(
            TestQuestion(
                qid, str(row["question"]), answers, evidence, answerable, relevant, context, kind, answers_all,
                str(row.get("doc", "")),
            )
        )
    if not items:
        raise TestSetError(f"{path}: no questions")
    return items
