"""The answer record shared by the answerers, the CLI, the UI and the evaluation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from core.lexicon import TITLED_TYPES
from hoidap.retrieve import Passage

if TYPE_CHECKING:
    from hoidap.query import Query


@dataclass
class Citation:
    """Source [n] of an answer: the passage and the sentence spans of it that the answer quotes."""

    n: int
    passage: Passage
    quoted: list[tuple[int, int]] = field(default_factory=list)  # spans inside passage.chunk.text
    status: dict | None = None  # its document's (article's) legal status: state, since, parts, clause, badge

    def quoted_unit(self) -> str:
        """The unit of its document the quote lies in: the passage's label ("Điều 15, khoản 3"), with the khoản the first
        quote is under when the passage is a whole article ("Điều 52" quoting "1. Luật này có hiệu lực …" → "Điều 52,
        khoản 1")."""
        label, text = self.passage.chunk.label, self.passage.chunk.text
        if not label.startswith("Điều") or "khoản" in label or not self.quoted:
            return label
        clauses = re.findall(r"(?m)^\s*(\d{1,3})\.\s", text[: self.quoted[0][0] + 8])
        return f"{label}, khoản {clauses[-1]}" if clauses else label

    def to_dict(self) -> dict:
        c = self.passage.chunk
        return {
            "n": self.n,
            "doc_id": c.doc_id,
            "title": c.doc.title,
            "source": c.source,
            "text": c.text,
            "score": round(self.passage.score, 6),
            "number": c.doc.number,
            "doc_type": c.doc.doc_type,
            "label": c.label,
            "date": c.doc.date,
            "chunk_id": c.chunk_id,
            "status": self.status,
            "page": c.page or None,  # page of a PDF or scan; null when the file has no pages
            "ocr": c.ocr,  # the page was read by OCR (a scan): "văn bản quét, nhận dạng tự động"
        }


@dataclass
class Answer:
    """A reply: text with [n] markers, its citations, and the passages shown as merely related."""

    question: str
    text: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    related: list[Passage] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)  # everything retrieved, in rank order
    resolved_question: str = ""  # the question actually answered (a follow-up completed from the conversation)
    generated: bool = False  # written by the LLM (checked), not quoted by the extractive answerer
    notice: str = ""  # shown above the answer, e.g. that the LLM failed and the extractive answer is used
    query: "Query | None" = None  # the question as hoidap understood it
    confidence: float = 0.0  # the answerability model's probability that the evidence answers
    audit_id: int | None = None  # the audit-trail row of this question (hoidap/audit.py); None when not recorded

    def cited_documents(self) -> list[str]:
        """The documents cited, most important first, as officials name them: "Luật Giao dịch điện tử
        (20/2023/QH15)", "Kế hoạch 308/KH-UBND", a news item by its title."""
        names: list[str] = []
        for c in self.citations:
            doc = c.passage.chunk.doc
            if doc.number and doc.doc_type and doc.doc_type not in TITLED_TYPES:
                name = f"{doc.doc_type} {doc.number}"
            else:
                name = doc.title or c.passage.chunk.source
                if doc.number and doc.number not in name:
                    name += f" ({doc.number})"
            if name not in names:
                names.append(name)
        return names

    def to_dict(self) -> dict:
        """The `ask --json` record (stable keys: answer, refused, citations[n, doc_id, title, source, text, score])."""
        return {
            "answer": self.text,
            "refused": self.refused,
            "citations": [c.to_dict() for c in self.citations],
            "resolved_question": self.resolved_question or self.question,
            "generated": self.generated,
            "notice": self.notice,
            "understood": self.query.to_dict() if self.query is not None else None,
            "confidence": round(self.confidence, 4),
            "audit_id": self.audit_id,
        }
