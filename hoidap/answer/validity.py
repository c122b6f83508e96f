"""Answers about a document's force, from the validity book (hoidap/validity.py), cited to the clause:
"Nghị định 42/2022/NĐ-CP còn hiệu lực không?" → "Không. Nghị định 42/2022/NĐ-CP đã hết hiệu lực từ
1/7/2026 (khoản 2 Điều 90 Nghị định 224/2026/NĐ-CP)." followed by that clause, quoted [1]; and the note
added to any answer that quotes a document (or article) no longer in force."""

from __future__ import annotations

import re
from typing import Callable

from core.dates import vietnamese_date
from core.lexicon import TITLED_TYPES
from core.models import CEASES, REPLACES
from hoidap.answer.compose import refusal
from hoidap.answer.types import Answer, Citation
from hoidap.query import Query
from hoidap.query.documents import names_document
from hoidap.retrieve import Passage
from hoidap.terms import normalized
from hoidap.validity import CEASED, IN_FORCE, NOT_YET, PARTLY, Relation, ValidityBook, article_of
from index.store import StoredChunk
from ingest.metadata import number_type

Fetch = Callable[[str], "StoredChunk | None"]  # chunk id → the stored chunk


def _on(date: str) -> str:
    return f" từ ngày {vietnamese_date(date)}" if date else ""


def validity_answer(query: Query, book: ValidityBook, as_of: str, fetch: Fetch, passages: list[Passage]) -> Answer | None:
    """The answer to a question about a named document's force, or None (then the passages answer, as they
    do for each part of a compound question: "… có hiệu lực từ ngày nào và do cơ quan nào ban hành?", unless every
    part asks the force of the same document)."""
    if query.parts:  # "X còn được áp dụng không? Nó hết hiệu lực từ ngày nào?": every part asks the force of one document
        query = _one_force_asked(query, book)
        if query is None:
            return None
    if not query.validity or (query.force_of and (query.numbers or query.doc_refs)):
        return None  # (a number and force_of: "Theo QĐ 2623(,| thì) Luật … có hiệu lực …?" asks of the law QĐ 2623 names)
    named = [n for n in book.known() if names_document(query, n)] or named_by_title_and_year(query, book)
    if query.subject_type:  # "Luật mà Thủ tướng ban hành kế hoạch thi hành … có hiệu lực …?" asks of a law, not of the
        #                     decision whose title its words name
        named = of_subject(query, named)
    if not named and query.unindexed:
        return _not_held(query, query.unindexed[0], passages)
    if len(named) > 1:  # "Nghị quyết 03/NQ-CP … thực hiện NQ 57 có hiệu lực …": the one named by its full số hiệu
        full = [n for n in named if n.lower() in (m.lower() for m in query.numbers)]
        named = full if len(full) == 1 else named
    if len(named) != 1:
        return None
    found = _answer(query, named[0], book, as_of, fetch, passages)
    if found is None and not book.indexed(named[0]):
        return _not_held(query, named[0], passages)
    return found


def _one_force_asked(query: Query, book: ValidityBook) -> Query | None:
    """The part of a compound question to answer from the validity book when every part asks the force of the same
    one document (the part asking its status, whose answer gives its dates too), or None."""
    named = [frozenset(n for n in book.known() if names_document(part, n)) for part in query.parts]
    if not all(part.validity and not part.wants_code for part in query.parts) or len(set(named)) != 1 or len(named[0]) != 1:
        return None
    return next((part for part in query.parts if part.validity == "status"), query.parts[0])


def of_subject(query: Query, named: list[str]) -> list[str]:
    """The documents named that may be what a question begins with (Query.subject_type): "Luật mà Thủ tướng ban hành kế
    hoạch thi hành …" is a law, not the decision whose title its words name; "Luật Bảo vệ dữ liệu cá nhân mà QĐ 2623
    triển khai …" a law, not QĐ 2623 (a law's số hiệu carries no type's code)."""
    titles = dict(query.titles)
    named = [n for n in named if of_type(n, titles.get(n), query.subject_type)]
    return [n for n in named if number_type(n) in ("", query.subject_type)] if query.subject_type in TITLED_TYPES else named


def of_type(number: str, title: str | None, doc_type: str) -> bool:
    """Whether a document named by its title (``title``, folded; None when named by số hiệu) may be of ``doc_type``:
    by its title's first words or its số hiệu's code ("384-QĐ/TW" is a Quy định, its title says so)."""
    if title is None or number_type(number) in ("", doc_type):
        return True
    return title.strip().startswith(normalized(doc_type, False).strip())


def named_by_title_and_year(query: Query, book: ValidityBook) -> list[str]:
    """The documents the index does not hold that a question names by title and year ("Luật Giao dịch điện tử cũ năm
    2005 còn áp dụng không?"): of that year, written with that title by the documents that state their force."""
    if not query.dated:
        return []
    asked = normalized(query.expanded, False)
    return [
        number for number in book.known()
        if not book.indexed(number) and any(f"/{year}/" in number for year in query.dated)
        and any(f" {normalized(name, False).strip()} " in asked for name in book.written_names(number))
    ]


def _not_held(query: Query, number: str, passages: list[Passage]) -> Answer:
    """The refusal for a document the index does not hold, when no indexed document states what is asked
    of it (a passage merely naming it would be a confident wrong answer)."""
    answer = refusal(query, passages)
    answer.notice = f"Văn bản {number} không có trong các tài liệu đã lập chỉ mục; các tài liệu hiện có không nêu điều được hỏi về nó."
    return answer


def _answer(query: Query, number: str, book: ValidityBook, as_of: str, fetch: Fetch, passages: list[Passage]) -> Answer | None:
    name = book.name_of(number)
    as_of = query.as_of or as_of  # "… còn hiệu lực vào năm 2020 không?" is judged then
    cited: list[Relation] = []
    if query.validity == "effective":
        rel = book.effective(number)
        if rel is None or not rel.date:
            return None
        signing = "kể từ ngày ký ban hành" if "ký ban hành" in rel.statement.quote else "kể từ ngày ký"
        when = f"{signing} ({vietnamese_date(rel.date)})" if rel.statement.signing else f"từ ngày {vietnamese_date(rel.date)}"
        lead, cited = f"{name} có hiệu lực thi hành {when} ({rel.clause()}).", [rel]
    elif query.validity == "status":
        status = book.status(number, as_of)
        if status.state == CEASED and status.because:
            lead = f"Không. {name} đã hết hiệu lực{_on(status.since)} ({status.because.clause()})."
            if query.as_of:
                lead = f"Không. Vào {vietnamese_date(as_of)}, {name} đã hết hiệu lực{_on(status.since)} ({status.because.clause()})."
            cited = [status.because]
        elif status.state == PARTLY and status.because:
            parts = ", ".join(status.parts[:12]) + (" …" if len(status.parts) > 12 else "")
            lead = f"Còn hiệu lực một phần: {parts} của {name} đã hết hiệu lực{_on(status.since)} ({status.because.clause()})."
            cited = [status.because]
        elif status.state in (IN_FORCE, NOT_YET) and status.because:
            verb = "Có" if status.state == IN_FORCE else "Chưa"
            if query.as_of:
                verb += f", vào {vietnamese_date(as_of)}"
            lead = (
                f"{verb}. {name} có hiệu lực{_on(status.since)} ({status.because.clause()}); trong các văn bản hiện có, "
                "không văn bản nào tuyên bố nó hết hiệu lực."
            )
            cited = [status.because]
            if status.pending:
                lead += f" Nó sẽ hết hiệu lực{_on(status.pending.date)} ({status.pending.clause()})."
                cited.append(status.pending)
        elif status.pending:  # its own effective date unknown, its end stated for later
            when = f"Vào {vietnamese_date(as_of)}, " if query.as_of else ""
            lead = f"{when}{name} chưa hết hiệu lực; nó hết hiệu lực{_on(status.pending.date)} ({status.pending.clause()})."
            lead = lead[:1].upper() + lead[1:]
            cited = [status.pending]
        else:
            return None
    elif query.validity == "replaced_by":
        ending = [r for r in book.about(number) if r.statement.kind in (REPLACES, CEASES) and not r.statement.parts]
        if not ending:
            return None
        rel = next((r for r in ending if r.statement.kind == REPLACES), ending[0])
        if rel.statement.kind == REPLACES:
            by = book.name_of(rel.statement.by) if rel.statement.by else rel.source_name
            lead = f"{name} được thay thế bởi {by}{_on(rel.date)} ({rel.clause()})."
        else:
            lead = f"{name} hết hiệu lực{_on(rel.date)} theo {rel.clause()}."
        cited = [rel]
    else:  # "replaces"
        made = [r for r in book.stated_by(number) if r.statement.kind in (REPLACES, CEASES) and not r.statement.parts]
        if not made:
            return None
        targets = ", ".join(dict.fromkeys(book.name_of(r.statement.target) for r in made))
        dates = {r.date for r in made}  # when they cease, where every one ceases the same day
        lead = f"{name} thay thế {targets}{_on(dates.pop()) if len(dates) == 1 else ''} ({made[0].clause()})."
        cited = made[:3]
    return _with_quotes(query, lead, cited, fetch, passages)


def _with_quotes(query: Query, lead: str, relations: list[Relation], fetch: Fetch, passages: list[Passage]) -> Answer:
    citations: list[Citation] = []
    pieces = [lead]
    by_chunk: dict[str, Citation] = {}
    for rel in relations:
        chunk = fetch(rel.statement.chunk_id)
        if chunk is None:
            continue
        citation = by_chunk.get(chunk.chunk_id)
        if citation is None:
            citation = Citation(n=len(citations) + 1, passage=Passage(chunk, 1.0))
            citations.append(citation)
            by_chunk[chunk.chunk_id] = citation
        quote = rel.statement.quote
        for start, end in chunk.sentence_spans:  # the sentences (and list item) the statement is made of
            if chunk.text[start:end].strip() and chunk.text[start:end].strip() in quote and (start, end) not in citation.quoted:
                citation.quoted.append((start, end))
        place = rel.clause()
        text = f"{quote} [{citation.n}]" if f"({place})" in lead else f"Theo {place}: {quote} [{citation.n}]"
        if text not in pieces:
            pieces.append(text)
    cited = {c.passage.chunk.chunk_id for c in citations}
    return Answer(
        question=query.text,
        text="\n".join(pieces),
        refused=False,
        citations=citations,
        related=[p for p in passages if p.chunk.chunk_id not in cited],
        passages=passages,
        confidence=1.0,
    )


def validity_notes(answer: Answer, book: ValidityBook, as_of: str) -> list[str]:
    """One sentence per cited document (or article) no longer in force, with the clause that ended it."""
    notes: list[str] = []
    for citation in answer.citations:
        chunk = citation.passage.chunk
        article = article_of(chunk.label)
        status = book.status(chunk.doc.number, as_of, article)
        if status.state != CEASED or status.because is None:
            continue
        what = book.name_of(chunk.doc.number)
        if status.parts:
            what = f"{article} {what}"
        note = f"Lưu ý: {what} đã hết hiệu lực{_on(status.since)} ({status.because.clause()})."
        if note not in notes:
            notes.append(note)
    return notes


# "… hết hiệu lực từ ngày Nghị định này có hiệu lực thi hành", "trước ngày Luật này có hiệu lực": a date a document states by
# its own effective date
_OWN_EFFECTIVE = re.compile(
    r"(?<!\w)ngày\s+(Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Thông tư(?: liên tịch)?|Chỉ thị)\s+này\s+"
    r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?"
)


def own_effective_notes(answer: Answer, book: ValidityBook) -> list[str]:
    """A note for each cited document whose quoted clause dates something by the document's own effective date ("Các
    nghị định sau hết hiệu lực từ ngày Nghị định này có hiệu lực thi hành"): "(Nghị định 224/2026/NĐ-CP có hiệu lực thi
    hành từ ngày 1/7/2026.)", read from the validity book; the quotation itself stays as written. None when no clause
    says so or the date is not known."""
    said = {found.group(1) for found in _OWN_EFFECTIVE.finditer(answer.text)}
    notes: list[str] = []
    for citation in answer.citations:
        doc = citation.passage.chunk.doc
        date = book.effective_date(doc.number) if doc.number and doc.doc_type in said else ""
        note = f"({doc.doc_type} {doc.number} có hiệu lực thi hành từ ngày {vietnamese_date(date)}.)" if date else ""
        if note and note not in notes:
            notes.append(note)
            said.discard(doc.doc_type)  # the first cited document of that type is "… này"
    return notes
