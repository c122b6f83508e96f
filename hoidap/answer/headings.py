"""What a part of a document is called: "Chương II của Luật Giao dịch điện tử có tên là gì?", "Điều 9 … nói về việc
gì?", "Mục III của Kế hoạch 617 có tiêu đề gì?". A rule of legal text: a Phần, Chương, Mục, Điều or Phụ lục is named by
its heading, and the document's structure (parsed at ingest: the articles' headings, the chapters' title lines, a plan's
numbered sections) holds it. The answer quotes the heading and cites the passage it stands in."""

from __future__ import annotations

import re
from functools import cached_property

from hoidap.answer.compose import document_name, refusal
from hoidap.answer.types import Answer, Citation
from hoidap.query import Query
from hoidap.query.documents import unit_of
from hoidap.retrieve import Passage
from ingest.normalize import fold_diacritics
from ingest.structure import outline

_WRITTEN = {"chuong": "Chương", "phan": "Phần", "muc": "Mục", "dieu": "Điều", "phu luc": "Phụ lục"}


class _Structure:
    """One document's structure as the index holds it, each part read once: its passages' labels and headings in
    order, their texts, its display text and its outline (chapters, sections, articles)."""

    def __init__(self, store, doc_id: str):
        self.store, self.doc_id = store, doc_id

    @cached_property
    def labelled(self) -> list[tuple[str, str, str]]:
        """(chunk id, label, heading) of every passage, in document order."""
        return [(cid, label, heading) for (cid, label), (_, heading) in zip(self.store.labels({self.doc_id}), self.store.headings({self.doc_id}))]

    @cached_property
    def texts(self) -> dict[str, str]:
        return self.store.get_texts([cid for cid, _, _ in self.labelled])

    @cached_property
    def text(self) -> str:
        document = self.store.document(self.doc_id)
        return document["text"] if document else ""

    @cached_property
    def outline(self) -> tuple[list[tuple[int, str]], list[tuple[str, int, int]]]:
        return outline(self.text) if self.text else ([], [])

    def headings_of(self, kind: str) -> list[tuple[int, str]]:
        """(offset, title) of the outline's headings of a kind ("chuong"), in order."""
        return [(o, t) for o, t in self.outline[0] if fold_diacritics(t.lower()).startswith(kind + " ")]

    def holding(self, found) -> str | None:
        """The first passage whose text ``found`` (text → bool) accepts."""
        return next((cid for cid, _, _ in self.labelled if found(self.texts.get(cid, ""))), None)


def heading_answer(query: Query, reader, passages: list[Passage]) -> Answer | None:
    """The heading of the unit ``query.wants_heading`` of the one document the question names, quoted and cited; a
    refusal saying so when that document has units of the kind but not this one ("Chương IV" of a text of three
    chapters); None when the question names no indexed document or the document has no units of the kind."""
    if not query.wants_heading:
        return None
    numbers = {n.lower() for n in query.numbers}
    docs = [d for d in reader.documents if d["number"] and d["number"].lower() in numbers]
    if len(docs) != 1:
        return None
    doc = _Structure(reader.store, docs[0]["doc_id"])
    asked = query.wants_heading
    if asked.endswith((" *", " >")):  # "Hai phụ lục … có tên lần lượt là gì?", "Mục III … được chia thành những phần nào?"
        found = _units_of(asked[:-2], doc) if asked.endswith(" *") else _parts_of(asked[:-2], doc)
        return _listed(query, found, reader.store) if found else None
    found = _heading_of(asked, doc)
    if found is None:
        kind, number = asked.rsplit(" ", 1)
        present = _units_of_kind(kind, doc)
        if not present:
            return None
        answer = refusal(query, passages)
        number = number.upper() if re.fullmatch(r"[ivxlc]+", number) else number
        answer.notice = (
            f"{docs[0]['doc_type']} {docs[0]['number']} không có {_WRITTEN[kind]} {number}; văn bản có "
            f"{', '.join(present[:12])}{' …' if len(present) > 12 else ''}."
        )
        return answer
    chunk_id, heading = found
    chunk = reader.store.get_chunks([chunk_id]).get(chunk_id)
    if chunk is None:
        return None
    first = heading.split("\n")[0].split(". ")[0].strip()
    at = chunk.text.lower().find(first.lower())
    quoted = [(at, min(len(chunk.text), at + len(heading) + 4))] if at >= 0 else []
    title = " ".join(heading.split())
    text = f"Theo {document_name(chunk)}: {title} [1]"
    return Answer(query.text, text, False, [Citation(1, Passage(chunk, 1.0), quoted)], confidence=1.0)


def _heading_of(unit: str, doc: _Structure) -> tuple[str, str] | None:
    """(chunk id, heading) of the unit in the document: an article's heading line from its passages' labels, an
    appendix's label with its title ("PHỤ LỤC II. DANH MỤC …"); a chapter's (section's, part's) title from the
    document's outline, cited at the passage holding it; a plan's numbered section ("III. TỔ CHỨC THỰC HIỆN") from its
    text and its passages' labels."""
    kind, number = unit.rsplit(" ", 1)
    if kind in ("dieu", "phu luc"):
        for chunk_id, label, heading in doc.labelled:
            if label and unit_of(label) == unit:
                line = (heading or label).split("\n")[0]
                return chunk_id, (_appendix_title(doc.texts.get(chunk_id, "")) if kind == "phu luc" else "") or line
        return None
    written = f"{_WRITTEN[kind]} {number.upper() if re.fullmatch(r'[ivxlc]+', number) else number}"
    title = next((t for _, t in doc.outline[0] if fold_diacritics(t.lower()).startswith(f"{unit}.") or fold_diacritics(t.lower()) == unit), "")
    if title:
        line = re.compile(rf"(?m)^\s*{re.escape(written)}\b")
        holder = doc.holding(line.search)
        return (holder, title) if holder else None
    if kind in ("muc", "phan") and re.fullmatch(r"[ivxlc]+", number) and doc.text:  # a plan's section "III. …"
        line = re.search(rf"(?m)^[ \t#*]*({number.upper()}\.[ \t]+[^\n]{{3,160}})$", doc.text)
        if line:
            title = line.group(1).strip(" *")
            holder = doc.holding(lambda text: title[:40] in text)
            holder = holder or next((cid for cid, label, _ in doc.labelled if (label or "").startswith(f"{number.upper()}.")), None)
            return (holder, title) if holder else None
    return None


def _units_of_kind(kind: str, doc: _Structure) -> list[str]:
    """The units of a kind the document has, as written ("Chương I", "Chương II"), in order."""
    if kind in ("dieu", "phu luc"):
        units = [unit_of(label) for _, label, _ in doc.labelled if label and unit_of(label).startswith(kind + " ")]
        return [f"{_WRITTEN[kind]} {u.rsplit(' ', 1)[1].upper() if kind == 'phu luc' else u.rsplit(' ', 1)[1]}" for u in dict.fromkeys(units)]
    return list(dict.fromkeys(t.split(".")[0] for _, t in doc.headings_of(kind)))


def _appendix_title(text: str) -> str:
    """ "Phụ lục II. DANH MỤC CÁC NHIỆM VỤ …" from an appendix's first lines (its label, then its title in capitals)."""
    lines = [line.strip(" *#") for line in text.split("\n") if line.strip(" *#")]
    for i, line in enumerate(lines[:4]):
        title = lines[i + 1].split("(")[0].strip() if i + 1 < len(lines) else ""  # "… (Kèm theo Quyết định …)"
        if fold_diacritics(line.lower()).startswith("phu luc") and title.isupper():
            return f"{line}. {title}"
    return ""


def _listed(query: Query, found: list[tuple[str, str]], store) -> Answer | None:
    """Headings listed one per line, each cited at the passage holding it."""
    chunks = store.get_chunks(list(dict.fromkeys(chunk_id for chunk_id, _ in found)))
    citations: dict[str, Citation] = {}
    lines = []
    for chunk_id, heading in found:
        chunk = chunks.get(chunk_id)
        if chunk is None:
            continue
        citation = citations.setdefault(chunk_id, Citation(len(citations) + 1, Passage(chunk, 1.0)))
        at = chunk.text.lower().find(heading.split("\n")[0][:40].lower())
        if at >= 0:
            citation.quoted.append((at, min(len(chunk.text), at + len(heading))))
        lines.append(f"- {' '.join(heading.split())} [{citation.n}]")
    if not lines:
        return None
    first = next(iter(citations.values())).passage.chunk
    text = f"Theo {document_name(first)}:\n" + "\n".join(lines)
    return Answer(query.text, text, False, list(citations.values()), confidence=1.0)


def _units_of(kind: str, doc: _Structure) -> list[tuple[str, str]]:
    """(chunk id, heading) of every unit of a kind in the document, in order ("Phụ lục I. DANH MỤC …", "Chương I. …")."""
    if kind == "phu luc":
        units = dict.fromkeys(unit_of(label) for _, label, _ in doc.labelled if label and unit_of(label).startswith("phu luc "))
    else:
        units = dict.fromkeys(" ".join(fold_diacritics(t.split(".")[0].lower()).split()[:2]) for _, t in doc.headings_of(kind))
        if not units and kind in ("muc", "phan") and doc.text:  # a plan's sections "I. …", "II. …"
            units = dict.fromkeys(f"{kind} {n.lower()}" for n in re.findall(r"(?m)^[ \t#*]*([IVX]+)\.[ \t]", doc.text))
    return [one for one in (_heading_of(unit, doc) for unit in units) if one is not None]


def _parts_of(unit: str, doc: _Structure) -> list[tuple[str, str]]:
    """(chunk id, heading) of the parts a unit is divided into: a plan section's numbered sub-sections ("III. 2. Hoàn
    thiện cơ chế …" → "2. Hoàn thiện cơ chế …"); a chapter's Mục, or else its articles."""
    kind, number = unit.rsplit(" ", 1)
    if kind in ("muc", "phan") and re.fullmatch(r"[ivxlc]+", number):
        subs: dict[str, tuple[str, str]] = {}
        for chunk_id, label, _ in doc.labelled:
            sub = re.match(rf"{number.upper()}\.\s+(\d+)\.\s+(.+)", label or "")
            if sub and sub.group(1) not in subs:
                subs[sub.group(1)] = (chunk_id, f"{sub.group(1)}. {sub.group(2).split(' — ')[0]}")
        if subs:
            return list(subs.values())
    if kind != "chuong":
        return []
    headings, articles = doc.outline
    at = next((i for i, (_, t) in enumerate(headings) if fold_diacritics(t.lower()).startswith(f"{unit}.")), None)
    if at is None:
        return []
    start = headings[at][0]
    end = next((o for o, t in headings[at + 1 :] if fold_diacritics(t.lower()).startswith("chuong ")), len(doc.text))
    sections = [t for o, t in headings[at + 1 :] if o < end and fold_diacritics(t.lower()).startswith("muc ")]
    if sections:
        found = [(_heading_of(" ".join(fold_diacritics(t.split(".")[0].lower()).split()[:2]), doc), t) for t in sections]
        return [(one[0], title) for one, title in found if one]
    in_chapter = (_heading_of(unit_of(label), doc) for label, a_start, _ in articles if start <= a_start < end)
    return [one for one in in_chapter if one]
