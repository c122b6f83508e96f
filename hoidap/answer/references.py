"""Cross-references inside a document: a plan's task list hands out its own sections by number ("Chủ trì triển khai
các nhiệm vụ tại mục (IV)(3.4)(a)"), so a sentence that only points to a section answers nothing until the section it
points to is read. The section is found in the same document by its numbering: the part whose heading begins with
the Roman numeral (the chunk label "IV. …"), the numbered heading inside it ("3.4."), and the lettered item ("a)")."""

from __future__ import annotations

import re

from hoidap.answer.select import Candidate
from hoidap.retrieve import Passage
from index.store import StoredChunk

# "mục (IV)(3.4)(a)", "mục IV.3.4.a", "mục IV.3.4(a)", "mục (IV)(3.4)": a Roman part, a numbered heading, an item
CROSS_REFERENCE = re.compile(
    r"\b(?:tiểu\s+)?[Mm]ục\s+\(?([IVXL]+)\)?[.(]\s*(\d+(?:\.\d+)*)\)?(?:[.(]\s*([a-zđ])\)?)?"
)
MAX_WALK = 200  # chunks read on either side of the referring one, looking for the section
MAX_LINES = 3  # lines of the section quoted (its heading and the first items under it)


def referred_section(
    text: str, chunk: StoredChunk, preceding=None, following=None
) -> tuple[StoredChunk, tuple[int, int]] | None:
    """(chunk, span) of the section of the same document that ``text`` refers to by number, read through
    ``preceding(chunk)`` and ``following(chunk)`` (the chunks before and after it), or None."""
    found = CROSS_REFERENCE.search(text)
    if not found:
        return None
    part, heading, item = found.group(1), found.group(2), (found.group(3) or "").lower()
    numbered = re.compile(rf"(?m)^[ \t]*{re.escape(heading)}\.?(?:\s|$)")
    for step in (preceding, following):
        current = chunk
        for _ in range(MAX_WALK if step else 0):
            current = step(current)
            if current is None:
                break
            at = numbered.search(current.text) if current.label.startswith(f"{part}.") else None
            if at:
                return _item_after(current, at.end(), item, following)
    return None


_NEXT_HEADING = re.compile(r"(?m)^[ \t]*\d+(?:\.\d+)+\.?(?:\s|$)")


def _item_after(
    chunk: StoredChunk, start: int, item: str, following=None, reads: int = 3
) -> tuple[StoredChunk, tuple[int, int]] | None:
    """(chunk, span) of the lettered item after a numbered heading ending at ``start`` (what follows the heading when
    no item is asked), read on into the next chunks while the section goes on."""
    for _ in range(reads):
        text = chunk.text
        begin = start
        if item:
            stop = _NEXT_HEADING.search(text, start)
            later = re.compile(rf"(?m)^[ \t]*{re.escape(item)}\)\s").search(text, start)
            if later and not (stop and stop.start() < later.start()):
                begin = later.start()
            elif stop or following is None or (chunk := following(chunk)) is None:
                return None
            else:
                start = 0
                continue
        lines = [m for m in re.finditer(r"[^\n]+", text[begin:]) if m.group(0).strip()][:MAX_LINES]
        first = begin + len(text[begin:]) - len(text[begin:].lstrip())
        return (chunk, (first, begin + lines[-1].end())) if lines else None
    return None


def with_referred(picked: list[Candidate], passages: list[Passage], preceding=None, following=None) -> list[Candidate]:
    """The candidates, each one that refers to a section of its document by number followed by that section (its
    passage added to ``passages`` so that it can be cited)."""
    out: list[Candidate] = []
    for cand in picked:
        out.append(cand)
        chunk = passages[cand.passage_index].chunk
        found = referred_section(cand.text, chunk, preceding, following)
        if not found:
            continue
        referred, (start, end) = found
        index = next((i for i, p in enumerate(passages) if p.chunk.chunk_id == referred.chunk_id), None)
        if index is None:
            passages.append(Passage(referred, 0.0))
            index = len(passages) - 1
        text = referred.text[start:end].strip()
        if any(c.text == text for c in out):
            continue
        out.append(
            Candidate(index, (start, end), text, cand.score, cand.sentence_coverage, cand.passage_coverage, cand.type_match)
        )
    return out
