"""Lists that go on: an article's list cut by the end of its passage continues in the next passages (the
chunking splits a long khoản), read from the retrieved passages or from the index."""

from __future__ import annotations

import re

from hoidap.answer.quotes import MAX_LIST_CHARS
from hoidap.answer.select import Candidate
from hoidap.retrieve import Passage
from ingest.chunk import item_level


def _repeats(line: str, quoted: str) -> bool:
    """Whether a passage's line repeats what is already quoted (chunks overlap): its start is quoted, or it is
    the last quoted item written out longer."""
    last = quoted.rstrip().rsplit("\n", 1)[-1].strip()
    return line[:40] in quoted or (len(last) > 10 and line.startswith(last))


def list_continuation(best: Candidate, passages: list[Passage], following=None) -> list[Candidate]:
    """The items of an article's list that the chunking put in the next passages ("Điều 6, khoản 1–3" goes on
    in "Điều 6, khoản 4–8"), as candidates, when ``best`` is a list block reaching the end of its passage: from
    the passages retrieved, or read with ``following(chunk)`` (the next chunk of its document, or None), each
    such passage then added to ``passages`` so that it can be cited."""
    chunk = passages[best.passage_index].chunk
    article = chunk.label.split(",")[0].strip()
    if not best.is_list or not article.startswith("Điều") or chunk.text[best.span[1] :].strip():
        return []
    by_position = {(p.chunk.doc_id, p.chunk.position): i for i, p in enumerate(passages)}
    found: list[Candidate] = []
    used = best.span[1] - best.span[0]
    quoted = best.text
    top = next((lv for lv in map(item_level, reversed(best.text.split("\n"))) if lv), 1)  # the level of its last item
    current = chunk
    while used < MAX_LIST_CHARS:
        i = by_position.get((current.doc_id, current.position + 1))
        if i is None:
            read = following(current) if following else None
            if read is None:
                break
            passages.append(Passage(read, 0.0))
            i = len(passages) - 1
        current = passages[i].chunk
        if current.label.split(",")[0].strip() != article:
            break
        text = current.text
        start = end = len(text) - len(text.lstrip())
        for line in re.finditer(r"[^\n]+", text):
            item = line.group(0).strip()
            if end == start and _repeats(item, quoted):
                start = end = line.end()  # passages overlap: an item already quoted is not quoted again
                continue
            level = item_level(item)
            if not level or level < top or used + line.end() - start > MAX_LIST_CHARS:
                break  # the list ends: no item, or one of a higher level ("2." after "c)"), or enough is quoted
            end = line.end()
        if end == start:
            if text[start:].strip():
                break  # a paragraph that is no item: the list has ended
            quoted += text  # the whole passage repeats what is quoted: read on
            continue
        found.append(Candidate(i, (start, end), text[start:end].strip(), best.score, best.sentence_coverage,
                               best.passage_coverage, best.type_match, is_list=True))
        quoted += text[start:end]
        used += end - start
        if text[end:].strip():
            break  # the list ended inside this passage
    return found

