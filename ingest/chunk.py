"""Chunk: group whole sentences of one unit into passages with a citation label and a stable id."""

from __future__ import annotations

import hashlib
import re

from core.models import LEAD_IN_MARK, Chunk, Document, Sentence
from ingest.segment import index_tokens, segment_span
from ingest.structure import Span, Unit, split_units, table_headers


def text_hash(text: str) -> str:
    """Content hash of a passage (embedding reuse key)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _label_of(labels: list[str]) -> str:
    """["Điều 5", "Điều 5, khoản 1", "Điều 5, khoản 2"] → "Điều 5, khoản 1–2"."""
    clauses = [lb for lb in labels if "khoản" in lb]
    if not clauses:
        return next((lb for lb in labels if lb), "")
    if len(clauses) == 1:
        return clauses[0]
    return f"{clauses[0]}–{clauses[-1].rpartition(' ')[2]}"


def _windows(sentences: list[Sentence], max_words: int, overlap: int) -> list[list[Sentence]]:
    """Consecutive sentences in groups of at most max_words (a longer sentence stands alone)."""
    groups: list[list[Sentence]] = []
    current: list[Sentence] = []
    count = 0
    for sentence in sentences:
        n = len(sentence.words)
        if current and count + n > max_words:
            groups.append(current)
            current = current[-overlap:] if overlap and len(current) > overlap else []
            count = sum(len(s.words) for s in current)
            if current and count + n > max_words:
                current, count = [], 0
        current.append(sentence)
        count += n
    if current:
        groups.append(current)
    return groups


def _pack_parts(parts: list[tuple[Span, list[Sentence]]], max_words: int, overlap: int):
    """Whole khoản together while they fit; a khoản too long is cut at sentences. Yields (labels, sentences)."""
    current_labels: list[str] = []
    current: list[Sentence] = []
    count = 0
    for span, sentences in parts:
        n = sum(len(s.words) for s in sentences)
        if n > max_words:
            if current:
                yield current_labels, current
                current_labels, current, count = [], [], 0
            for group in _windows(sentences, max_words, overlap):
                yield [span.label], group
            continue
        if current and count + n > max_words:
            yield current_labels, current
            current_labels, current, count = [], [], 0
        current_labels.append(span.label)
        current.extend(sentences)
        count += n
    if current:
        yield current_labels, current


def chunk_document(doc: Document, max_words: int, overlap: int) -> list[Chunk]:
    """Chunks of one document: never across two units (Điều), long units split at khoản then sentences."""
    chunks: list[Chunk] = []
    seen: dict[str, int] = {}
    tables = table_headers(doc.text)
    for unit in split_units(doc.text):
        parts = [(span, segment_span(doc.text, span.start, span.end)) for span in unit.parts]
        parts = [(span, sents) for span, sents in parts if sents]
        if not parts:
            continue
        if unit.label.startswith("Điều"):
            groups = list(_pack_parts(parts, max_words, overlap))
            if len(groups) == 1:  # the whole article fits: cite the article
                groups = [([unit.label], groups[0][1])]
        else:
            sentences = [s for _, sents in parts for s in sents]
            groups = [([unit.label], g) for g in _windows(sentences, max_words, overlap)]
        groups = _heading_joined(groups, doc.text)
        for labels, sentences in groups:
            chunks.append(_make_chunk(doc, unit, labels, sentences, len(chunks), seen, tables))
    return chunks


_HEADING = re.compile(r"Điều \w+\.(?:\s|$)")


def _heading_joined(groups: list[tuple[list[str], list[Sentence]]], text: str) -> list[tuple[list[str], list[Sentence]]]:
    """An article's title with its source note ("(Điều 31a Nghị định số 72/2013/NĐ-CP, có hiệu lực …)") and
    nothing else opens the next passage of the article instead of standing alone: alone it names a topic and
    answers nothing, and the first khoản it heads would lose its title."""
    out: list[tuple[list[str], list[Sentence]]] = []
    carried: tuple[list[str], list[Sentence]] | None = None
    for labels, sentences in groups:
        if carried is not None:
            labels, sentences = [*carried[0], *labels], carried[1] + sentences
            carried = None
        lines = [ln for ln in text[sentences[0].start : sentences[-1].end].split("\n") if ln.strip()]
        if _HEADING.match(lines[0]) and all(ln.lstrip().startswith("(") for ln in lines[1:]) and len(groups) > 1:
            carried = (labels, sentences)
            continue
        out.append((labels, sentences))
    if carried is not None:
        out.append(carried)
    return out


LIST_ITEM = re.compile(r"^(?:[a-zđ]\)|\d{1,2}[.)]|[-–•+])\s")  # "a) ", "1. ", "- ", "+ " opening a list item


def item_level(line: str) -> int:
    """The level of the list item a line opens, as legal text nests them: 1 a clause ("1."), 2 a point ("a)"),
    3 a bullet ("-", "+"); 0 for no item."""
    found = LIST_ITEM.match(line.strip())
    if not found:
        return 0
    head = found.group(0)
    return 1 if head[0].isdigit() else 2 if head[0].isalpha() else 3


def _lead_in(text: str, start: int, floor: int) -> str:
    """What a chunk that starts inside a list is a list of: the sentence ending in ':' that introduces it
    and the short item heading its items ("- Giai đoạn 2028-2030" above "- 50% …"), one per line; "" when it
    does not start inside a list. A chunk that starts inside an item (its sentence cut by the chunking) is inside the
    list of that item."""
    line_start = max(floor, text.rfind("\n", 0, start) + 1)
    if not LIST_ITEM.match(text[line_start : line_start + 4]):
        return ""
    start = line_start
    lines = [ln.strip() for ln in text[max(floor, start - 3000) : start].split("\n") if ln.strip()]
    found = []
    at = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].endswith(":")), -1)
    intro = lines[at] if at >= 0 else ""
    if intro and not LIST_ITEM.match(intro) and at and re.match(r"\d{1,2}\.\s", lines[at - 1]) and not lines[at - 1].endswith(":"):
        intro = f"{lines[at - 1]} {intro}"  # a khoản wrapped before its ':' ("3. Phạt tiền … một trong." / "các hành vi sau:")
    if intro and len(intro) <= 300:
        found.append(intro)
    line_end = text.find("\n", start)
    first = text[start : line_end if line_end != -1 else len(text)].strip()
    for ln in reversed(lines if not heads_items(first) else []):  # a short item without a stop heads the items
        if ln.endswith(":"):  # after it ("- Giai đoạn 2028-2030"), unless the chunk starts with such an item
            break
        if heads_items(ln):
            found.append(ln)
            break
    return LEAD_IN_MARK.join(found)


def heads_items(line: str) -> bool:
    """A list item that is a heading of the items below it: short, no stop ("i) Tổ đảng ở Thường trực …")."""
    return bool(LIST_ITEM.match(line)) and len(line) <= 80 and not line.endswith((".", ";", ",", ":"))


def _make_chunk(doc: Document, unit: Unit, labels, sentences: list[Sentence], position: int, seen, tables=()) -> Chunk:
    start, end = sentences[0].start, sentences[-1].end
    text = doc.text[start:end]
    label = _label_of(labels)
    words = [w for s in sentences for w in s.words]
    heading = unit.heading if unit.heading and not text.startswith(unit.heading) else ""
    # rows of a table whose header row is in an earlier chunk: the header joins the heading ("… — TT | Chỉ
    # tiêu | Chủ trì"), so that "giao ai chủ trì" finds the row whose cell names the organisation
    header = next((h for a, b, h in tables if a < start <= b and h not in text), "")
    lead_in = "" if header else _lead_in(doc.text, start, unit.start)
    full_heading = " — ".join(x for x in (unit.heading, header) if x)
    if lead_in:
        full_heading = f"{full_heading}{LEAD_IN_MARK}{lead_in}"
    heading = " ".join(x for x in (heading, header) if x)
    tokens = index_tokens(words + (heading.replace("|", " ").split() if heading else []))
    digest = text_hash(text)
    key = hashlib.sha1(f"{doc.doc_id}\x00{label}\x00{digest}".encode()).hexdigest()[:16]
    repeat = seen.get(key, 0)
    seen[key] = repeat + 1
    chunk_id = f"{key}-{repeat}" if repeat else key
    return Chunk(
        chunk_id=chunk_id,
        doc_id=doc.doc_id,
        position=position,
        text=text,
        start=start,
        end=end,
        label=label,
        heading=full_heading,
        tokens=tokens,
        sentence_spans=[(s.start - start, s.end - start) for s in sentences],
        text_hash=digest,
    )
