"""What a part of a document is called: "Chương II của Luật Giao dịch điện tử có tên là gì?", "Điều 9 … nói về việc
gì?", "Mục III của Kế hoạch 617 có tiêu đề gì?". A rule of legal text: a Phần, Chương, Mục, Điều or Phụ lục is named by
its heading, and the document's structure (parsed at ingest: the articles' headings, the chapters' title lines, a plan's
numbered sections) holds it. The answer quotes the heading and cites the passage it stands in."""

from __future__ import annotations

import re

from hoidap.answer.compose import document_name, refusal
from hoidap.answer.types import Answer, Citation
from hoidap.query import Query
from hoidap.query.documents import unit_of
from hoidap.retrieve import Passage
from ingest.normalize import fold_diacritics
from ingest.structure import outline

_WRITTEN = {"chuong": "Chương", "phan": "Phần", "muc": "Mục", "dieu": "Điều", "phu luc": "Phụ lục"}


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
    asked = query.wants_heading
    if asked.endswith((" *", " >")):  # "Hai phụ lục … có tên lần lượt là gì?", "Mục III … được chia thành những phần nào?"
        unit = asked[:-2]
        found = _units_of(unit, docs[0]["doc_id"], reader.store) if asked.endswith(" *") else _parts_of(unit, docs[0]["doc_id"], reader.store)
        return _listed(query, found, reader.store) if found else None
    found = _heading_of(query.wants_heading, docs[0]["doc_id"], reader.store)
    if found is None:
        kind = query.wants_heading.rsplit(" ", 1)[0]
        present = _units_of_kind(kind, docs[0]["doc_id"], reader.store)
        if not present:
            return None
        answer = refusal(query, passages)
        asked = query.wants_heading.rsplit(" ", 1)[1]
        asked = asked.upper() if re.fullmatch(r"[ivxlc]+", asked) else asked
        answer.notice = (
            f"{docs[0]['doc_type']} {docs[0]['number']} không có {_WRITTEN[kind]} {asked}; văn bản có "
            f"{', '.join(present[:12])}{' …' if len(present) > 12 else ''}."
        )
        return answer
    chunk_id, heading = found
    chunk = reader.store.get_chunks([chunk_id]).get(chunk_id)
    if chunk is None:
        return None
    if query.wants_heading.startswith("phu luc"):  # "PHỤ LỤC II" then its title on the next line(s), in capitals
        heading = _appendix_title(chunk.text) or heading
    first = heading.split("\n")[0].split(". ")[0].strip()
    at = chunk.text.lower().find(first.lower())
    quoted = [(at, min(len(chunk.text), at + len(heading) + 4))] if at >= 0 else []
    title = " ".join(heading.split())
    text = f"Theo {document_name(chunk)}: {title} [1]"
    return Answer(query.text, text, False, [Citation(1, Passage(chunk, 1.0), quoted)], confidence=1.0)


def _heading_of(unit: str, doc_id: str, store) -> tuple[str, str] | None:
    """(chunk id, heading) of the unit in the document: an article's or appendix's heading line from its passages'
    labels; a chapter's (section's, part's) title from the document's outline, cited at the passage holding it; a
    plan's numbered section ("III. TỔ CHỨC THỰC HIỆN") from its passages' labels."""
    kind, number = unit.rsplit(" ", 1)
    labelled = list(zip(store.labels({doc_id}), store.headings({doc_id})))
    if kind in ("dieu", "phu luc"):
        for (chunk_id, label), (_, heading) in labelled:
            if label and unit_of(label) == unit:
                return chunk_id, (heading or label).split("\n")[0]
        return None
    document = store.document(doc_id)
    headings, _ = outline(document["text"]) if document else ([], [])
    written = f"{_WRITTEN[kind]} {number.upper() if re.fullmatch(r'[ivxlc]+', number) else number}"
    title = next((t for _, t in headings if fold_diacritics(t.lower()).startswith(f"{unit}.") or fold_diacritics(t.lower()) == unit), "")
    if title:
        texts = store.get_texts([chunk_id for (chunk_id, _), _ in labelled])
        line = re.compile(rf"(?m)^\s*{re.escape(written)}\b")
        holder = next((chunk_id for (chunk_id, _), _ in labelled if line.search(texts.get(chunk_id, ""))), None)
        return (holder, title) if holder else None
    if kind in ("muc", "phan") and re.fullmatch(r"[ivxlc]+", number) and document:  # a plan's section "III. …"
        line = re.search(rf"(?m)^[ \t#*]*({number.upper()}\.[ \t]+[^\n]{{3,160}})$", document["text"])
        if line:
            title = line.group(1).strip(" *")
            texts = store.get_texts([chunk_id for (chunk_id, _), _ in labelled])
            holder = next((chunk_id for (chunk_id, _), _ in labelled if title[:40] in texts.get(chunk_id, "")), None)
            holder = holder or next((chunk_id for (chunk_id, label), _ in labelled if (label or "").startswith(f"{number.upper()}.")), None)
            return (holder, title) if holder else None
    return None


def _units_of_kind(kind: str, doc_id: str, store) -> list[str]:
    """The units of a kind the document has, as written ("Chương I", "Chương II"), in order."""
    if kind in ("dieu", "phu luc"):
        units = [unit_of(label) for _, label in store.labels({doc_id}) if label and unit_of(label).startswith(kind + " ")]
        return [f"{_WRITTEN[kind]} {u.rsplit(' ', 1)[1].upper() if kind == 'phu luc' else u.rsplit(' ', 1)[1]}" for u in dict.fromkeys(units)]
    document = store.document(doc_id)
    headings, _ = outline(document["text"]) if document else ([], [])
    return list(dict.fromkeys(t.split(".")[0] for _, t in headings if fold_diacritics(t.lower()).startswith(kind + " ")))


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


def _units_of(kind: str, doc_id: str, store) -> list[tuple[str, str]]:
    """(chunk id, heading) of every unit of a kind in the document, in order ("Phụ lục I. DANH MỤC …", "Chương I. …")."""
    if kind == "phu luc":
        units = dict.fromkeys(unit_of(label) for _, label in store.labels({doc_id}) if label and unit_of(label).startswith("phu luc "))
    else:
        document = store.document(doc_id)
        headings, _ = outline(document["text"]) if document else ([], [])
        units = dict.fromkeys(" ".join(fold_diacritics(t.split(".")[0].lower()).split()[:2]) for _, t in headings)
        units = {u: None for u in units if u.startswith(kind + " ")}
        if not units and kind in ("muc", "phan") and document:  # a plan's sections "I. …", "II. …"
            units = dict.fromkeys(f"{kind} {n.lower()}" for n in re.findall(r"(?m)^[ \t#*]*([IVX]+)\.[ \t]", document["text"]))
    found = []
    for unit in units:
        one = _heading_of(unit, doc_id, store)
        if one is None:
            continue
        chunk_id, heading = one
        if kind == "phu luc":
            chunk = store.get_chunks([chunk_id]).get(chunk_id)
            heading = (_appendix_title(chunk.text) if chunk else "") or heading
        found.append((chunk_id, heading))
    return found


def _parts_of(unit: str, doc_id: str, store) -> list[tuple[str, str]]:
    """(chunk id, heading) of the parts a unit is divided into: a plan section's numbered sub-sections ("III. 2. Hoàn
    thiện cơ chế …" → "2. Hoàn thiện cơ chế …"); a chapter's Mục, or else its articles."""
    kind, number = unit.rsplit(" ", 1)
    labelled = store.labels({doc_id})
    if kind in ("muc", "phan") and re.fullmatch(r"[ivxlc]+", number):
        subs: dict[str, tuple[str, str]] = {}
        for chunk_id, label in labelled:
            sub = re.match(rf"{number.upper()}\.\s+(\d+)\.\s+(.+)", label or "")
            if sub and sub.group(1) not in subs:
                subs[sub.group(1)] = (chunk_id, f"{sub.group(1)}. {sub.group(2).split(' — ')[0]}")
        if subs:
            return list(subs.values())
    if kind != "chuong":
        return []
    document = store.document(doc_id)
    headings, articles = outline(document["text"]) if document else ([], [])
    at = next((i for i, (_, t) in enumerate(headings) if fold_diacritics(t.lower()).startswith(f"{unit}.")), None)
    if at is None:
        return []
    start = headings[at][0]
    end = next((o for o, t in headings[at + 1 :] if fold_diacritics(t.lower()).startswith("chuong ")), len(document["text"]))
    sections = [t for o, t in headings[at + 1 :] if o < end and fold_diacritics(t.lower()).startswith("muc ")]
    found = []
    if sections:
        for title in sections:
            one = _heading_of(" ".join(fold_diacritics(title.split(".")[0].lower()).split()[:2]), doc_id, store)
            if one:
                found.append((one[0], title))
        return found
    for label, a_start, _ in articles:
        if start <= a_start < end:
            one = _heading_of(unit_of(label), doc_id, store)
            if one:
                found.append(one)
    return found

