"""Passages the tests build from a text: one stored chunk whose sentences are its lines (as the segmenter gives a
table's rows), of a document with the given số hiệu, type and unit label; and the term weight that counts every term
alike."""

from core.models import DocMeta
from hoidap.retrieve import Passage
from index.store import StoredChunk


def line_passage(text: str, number: str = "224/2026/NĐ-CP", doc_type: str = "Nghị định", label: str = "Điều 10") -> Passage:
    spans, at = [], 0
    for line in text.split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    chunk = StoredChunk("c", "d", 1, text, 0, len(text), label, "", spans, DocMeta(doc_type=doc_type, number=number), "d.md")
    return Passage(chunk, 1.0)


def unit_weight(term: str) -> float:
    return 1.0
