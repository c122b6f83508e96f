"""Sentences quoted whole: the splitter cuts a long sentence into pieces (after a ";"), so a quote of one piece is
read on to the sentence's end (a list written inside one sentence) or from its beginning, which may lie in the
passage before ("báo cáo UBND Thành phố kết quả thực hiện …" after "Các Sở, ban, ngành … triển khai …;"), so the
answer says who does what."""

from __future__ import annotations

import dataclasses
import re

from hoidap.answer.quotes import MAX_LIST_CHARS, SENTENCE_ENDS
from hoidap.answer.select import Candidate
from hoidap.retrieve import Passage

MAX_LEAD_CHARS = 600  # a sentence's beginning longer than this is not added (the piece is quoted as it was)
_SENTENCE_END = re.compile(r"[.!?…:]\s|\n")  # where the sentence before ends (a ":" ends a lead-in)


def sentence_begun(best: Candidate, passages: list[Passage], preceding) -> Candidate:
    """``best`` read from its sentence's beginning when it starts inside a sentence (a lower-case letter, not a list
    item's "a)"): the pieces before it in its passage, or, for the passage's first piece, in ``preceding(chunk)``,
    the previous passage of its document (or None); ``best`` itself otherwise."""
    chunk = passages[best.passage_index].chunk
    start, end = best.span
    piece = chunk.text[start:end].strip()
    if best.is_list or best.row or not best.text.startswith(piece[:40]):
        return best
    if not piece[:1].islower() or re.match(r"[a-zđ]{1,2}\)", piece):
        return best
    if chunk.text[:start].strip():
        before = chunk.text[:start]
    else:
        before_chunk = preceding(chunk) if preceding else None
        if before_chunk is None:
            return best
        text = before_chunk.text
        overlap = text.rfind(piece[:60])  # chunks overlap: the piece may be the previous passage's last one
        before = text[:overlap] if overlap >= 0 else text
    ends = list(_SENTENCE_END.finditer(before))
    lead = before[ends[-1].end() if ends else 0 :].strip()
    if not lead or not lead[:1].isupper() or len(lead) > MAX_LEAD_CHARS:
        return best
    return dataclasses.replace(best, text=f"{lead} {best.text}")


def _goes_on(text: str, end: int) -> bool:
    """Whether the sentence piece ending at ``end`` goes on in the next: it ends with ";", or with no sentence end and
    the text goes on in the same line (the splitter cut it for its length: "… và cơ quan nhà nước phát triển Chính phủ
    số" / "tốt nhất.")."""
    piece = text[:end].rstrip()
    if piece.endswith(";"):
        return True
    rest = text[end:]
    return not piece.endswith(SENTENCE_ENDS) and bool(rest.strip()) and "\n" not in rest[: len(rest) - len(rest.lstrip())]


def sentence_continued(best: Candidate, passages: list[Passage]) -> Candidate:
    """A sentence the splitter cut after a ";" or mid-clause for its length, read on to its end (within MAX_LIST_CHARS):
    a list written inside one sentence ("… gồm: Tiếp tục đẩy mạnh …; Tăng cường tương tác …;" / "Phát triển …; Nghiên cứu
    …") is quoted whole. ``best`` itself when it is no such piece."""
    chunk = passages[best.passage_index].chunk
    start, end = best.span
    if best.is_list or best.row or not _goes_on(chunk.text, end):
        return best
    for piece_start, piece_end in chunk.sentence_spans:
        if piece_start < end:
            continue
        if piece_end - start > MAX_LIST_CHARS:
            break
        end = piece_end
        if not _goes_on(chunk.text, piece_end):
            break
    if end == best.span[1]:
        return best
    return dataclasses.replace(best, span=(start, end), text=f"{best.text.rstrip()} {chunk.text[best.span[1] : end].strip()}")
