"""Compose: the answer text from the selected sentences — the answering sentence first, its source
named in words ("Theo khoản 1 Điều 47 Nghị định 224/2026/NĐ-CP: …"), list items one per line, the
parts of a compound question one by one, dates the Vietnamese way. Every quoted sentence is verbatim
and followed by its [n]."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.citations import place_in_document
from core.lexicon import TITLED_TYPES
from core.dates import vietnamese_date
from hoidap.answer.quotes import key
from hoidap.answer.select import Candidate
from hoidap.answer.tables import carried_row, labelled_row
from hoidap.answer.types import Answer, Citation
from hoidap.query import LIST, Query
from hoidap.retrieve import Passage
from hoidap.terms import names_body, normalized
from index.store import StoredChunk

REFUSAL_TEXT = "Không tìm thấy thông tin trả lời câu hỏi này trong các tài liệu hiện có."
PART_REFUSAL = "không tìm thấy trong các tài liệu hiện có."
APPENDIX_LABEL = re.compile(r"^Phụ lục(?: [IVXLC\d]+[a-z]?)?$")  # an appendix unit of a legal text


@dataclass(frozen=True)
class ComposeRules:
    """Switches for the composition rules (for the ablation)."""

    name_source: bool = True  # "Theo Điều … <document>:" before the quotes of each source
    newest_first: bool = True  # facts from documents of different dates: newest first, each dated


def document_name(chunk: StoredChunk) -> str:
    """How an official names a document: "Luật Giao dịch điện tử (20/2023/QH15)", "Nghị định
    224/2026/NĐ-CP", or a news item's title with its date."""
    doc = chunk.doc
    if doc.number and (doc.doc_type in TITLED_TYPES or not doc.doc_type):
        name = doc.title or doc.doc_type
        return f"{name} ({doc.number})" if doc.number not in name else name
    if doc.number:
        return f"{doc.doc_type} {doc.number}" if doc.doc_type else doc.number
    title = doc.title or chunk.source
    return f"bài «{title}» ({vietnamese_date(doc.date)})" if doc.date else f"«{title}»"


def source_in_words(chunk: StoredChunk, whole_article: bool = False) -> str:
    """"Theo khoản 1 Điều 22 Luật Giao dịch điện tử (20/2023/QH15)" ("Theo Điều 22 …" with ``whole_article``)."""
    label = chunk.label.split(",")[0] if whole_article else chunk.label
    place = place_in_document(label) if label.startswith("Điều") or APPENDIX_LABEL.match(label) else ""
    return f"Theo {place} {document_name(chunk)}" if place else f"Theo {document_name(chunk)}"


MAX_ROWS = 8  # rows quoted for a list asked of a table
NEARLY = 0.8  # a candidate this share of the best one's score answers nearly as well


def choose(
    candidates: list[Candidate], max_sentences: int, min_coverage: float, wants_list: bool, rows: bool = True
) -> list[Candidate]:
    """The lead candidate (first: see select.lead_first), then up to max_sentences - 1 others nearly as good (not
    repeating it, not from another section than the lead's). A list answer is its one best list block or, with
    ``rows``, when a table row answers nearly as well as the best, the rows answering as well as that row (a list
    asked of an appendix table: "… giao Ngân hàng Nhà nước chủ trì những chỉ tiêu nào?")."""
    best = candidates[0]
    chosen = [best]
    first_row = next((c for c in candidates if c.row), None) if wants_list and rows else None
    if first_row is not None and first_row.score >= 0.9 * best.score:
        picked: list[Candidate] = []
        for cand in candidates:
            if cand.row and cand.score >= 0.9 * first_row.score and all(key(cand.text) != key(c.text) for c in picked):
                picked.append(cand)
        if len(picked) > 1:
            return picked[:MAX_ROWS]
    if wants_list and best.is_list:
        return chosen
    seen = {key(best.text)}
    for cand in candidates:
        if cand is best:
            continue
        if len(chosen) >= max_sentences:
            break
        if cand.score < NEARLY * best.score or cand.passage_coverage < min_coverage:
            continue
        if best.section and cand.section and cand.section != best.section:
            continue  # another section's items ("k) Tổ đảng … Xã hội" when "h) … Quốc phòng và An ninh" is asked)
        k = key(cand.text)
        if k in seen or any(k in key(c.text) or key(c.text) in k for c in chosen):
            continue
        chosen.append(cand)
        seen.add(k)
    return chosen


def rows_naming(candidates: list[Candidate], bodies: tuple[str, ...], listed: str = "", in_unit=None) -> list[Candidate]:
    """The table rows among the candidates that name one of the bodies asked and, when the question names what it
    lists, that noun ("… Công an tỉnh chủ trì những chỉ tiêu nào?": the rows "Chỉ tiêu: …; Chủ trì: Công an tỉnh", not
    the rows scored as high for the question's other words), each once. ``in_unit(candidate)``: whether a row lies in
    the unit the question names ("Trong Phụ lục I …, Bộ Nội vụ … những chỉ tiêu nào?"); when no row names the noun,
    those rows count, read without their header."""
    picked: list[Candidate] = []
    placed: list[Candidate] = []
    for cand in candidates:
        if not (cand.row and names_body(bodies, f"{cand.section} {cand.text}")) or any(key(cand.text) == key(c.text) for c in picked + placed):
            continue
        if not listed or f" {listed} " in normalized(cand.text, exact=False):
            picked.append(cand)
        elif in_unit is not None and in_unit(cand):
            placed.append(cand)
    return (picked or placed)[:MAX_ROWS]


MAX_HELD_ROWS = 15  # rows quoted for a list asked of a table by a value its rows hold (every such row answers)


def rows_held(held: tuple[tuple[str, str], ...], passages: list[Passage], merged: bool = False) -> list[Candidate]:
    """The table rows of the passages that are among ``held`` ((row, header): Query.held_rows), each once, read with
    their header, in document order: "… những nhiệm vụ nào có thời gian hoàn thành là Quí IV-2025?" is answered by
    every row whose "Thời gian hoàn thành" is that quarter, not by the rows scored best for the question's other words.
    With ``merged``, the cells written alone below a held row hold its value too (see tables.carried_row)."""
    headers = dict(held)
    found: list[tuple[tuple[str, int, int], Candidate]] = []
    for i, passage in enumerate(passages):
        chunk, start, under = passage.chunk, 0, None
        for line in chunk.text.split("\n"):
            begin, start = start, start + len(line) + 1
            row = line.strip()
            if under is not None and row and carried_row(chunk.text, begin, begin + len(line)) == under[0]:
                cell = Candidate(i, (begin, begin + len(line)), row, 1.0, 1.0, 1.0, True, section=under[1], row=True)
                found.append(((chunk.doc_id, chunk.position, begin), cell))  # "Dữ liệu kê khai tài sản …" under the row
                continue
            under = None
            if row not in headers:
                continue
            header = headers.pop(row)
            text = labelled_row(row, header) if header else row
            under = (row, text) if merged else None
            place = (chunk.doc_id, chunk.position, begin)
            found.append((place, Candidate(i, (begin, begin + len(line)), text, 1.0, 1.0, 1.0, True, row=True)))
    return [cand for _, cand in sorted(found, key=lambda x: x[0])][:MAX_HELD_ROWS]


class Composer:
    """Writes the answer text and its citations."""

    def __init__(self, rules: ComposeRules = ComposeRules()):
        self.rules = rules

    def compose(
        self, query: Query, passages: list[Passage], parts: list[tuple[Query, list[Candidate]]]
    ) -> Answer:
        """``parts``: (query, chosen candidates) per part of the question ([] when a part is unanswered)."""
        numbers: dict[int, Citation] = {}
        lines: list[str] = []
        compound = len(parts) > 1
        framed = _shared_frame([part.text for part, _ in parts]) if compound else ""
        for index, (part, chosen) in enumerate(parts, 1):
            text = self._part_text(part, passages, chosen, numbers) if chosen else PART_REFUSAL
            lines.append(f"{index}. {part.text[len(framed):].rstrip(' ?')}: {text}" if compound else text)
        if query.item and not compound and parts and parts[0][1]:  # "Loại thứ tư trong danh sách đó là gì?"
            item = item_at(parts[0][1][0].text, query.item)
            if item:
                label = "Mục cuối" if query.item < 0 else f"Mục thứ {query.item}"
                lines.insert(0, f"{label}: {item} [{numbers[parts[0][1][0].passage_index].n}]")
        cited = {id(c.passage) for c in numbers.values()}
        return Answer(
            question=query.text,
            text="\n".join(lines),
            refused=False,
            citations=sorted(numbers.values(), key=lambda c: c.n),
            related=[p for p in passages if id(p) not in cited],
            passages=passages,
        )

    def _part_text(
        self, query: Query, passages: list[Passage], chosen: list[Candidate], numbers: dict[int, Citation]
    ) -> str:
        dates = {passages[c.passage_index].chunk.doc.date for c in chosen}
        dated = (
            self.rules.newest_first
            and len({passages[c.passage_index].chunk.doc_id for c in chosen}) > 1
            and len(dates - {""}) > 1
        )
        if dated:  # a figure or an office holder that changed: the newest first, each with its date
            chosen = sorted(chosen, key=lambda c: passages[c.passage_index].chunk.doc.date or "0", reverse=True)
        pieces: list[str] = []
        last_source = None
        for cand in chosen:
            passage = passages[cand.passage_index]
            cit = numbers.get(cand.passage_index)
            if cit is None:
                cit = Citation(n=len(numbers) + 1, passage=passage)
                numbers[cand.passage_index] = cit
            cit.quoted.append(cand.span)
            chunk = passage.chunk
            quote = cand.text
            listed = query.answer_type == LIST and cand.is_list
            if listed:
                quote = "\n".join(line.strip() for line in quote.split("\n") if line.strip())
            # a list going on in the next passage of the same article is one quote of that article
            source = (chunk.doc_id, chunk.label.split(",")[0] if listed else chunk.label)
            prefix = ""
            if self.rules.name_source and source != last_source:
                whole = listed and any(
                    passages[c.passage_index].chunk.doc_id == chunk.doc_id and c.passage_index != cand.passage_index
                    and passages[c.passage_index].chunk.label.split(",")[0] == source[1]
                    for c in chosen if c.is_list
                )
                prefix = f"{source_in_words(chunk, whole)}: "
                heading = chunk.section_heading.strip()
                if query.where and heading and not chunk.label.startswith("Điều") and heading not in quote:
                    prefix = f"Theo mục «{heading}» của {document_name(chunk)}: "  # "Ở mục nào vậy?"
            shown_date = vietnamese_date(chunk.doc.date)
            date = f" ({shown_date})" if dated and shown_date and shown_date not in prefix and source != last_source else ""
            pieces.append(f"{prefix}{quote}{date} [{cit.n}]")
            last_source = source
        rows = query.answer_type == LIST and len(chosen) > 1 and all(c.row for c in chosen)  # one row per line
        return "\n".join(pieces) if rows or any("\n" in p for p in pieces) else " ".join(pieces)


_NUMBERED_INLINE = re.compile(r"\((\d{1,2})\)\s*")  # "(1) Giấy khai sinh; (2) Giấy phép lái xe; …"
_ITEM_LINE = re.compile(r"^\s*(?:[-+•*]|\d{1,2}[.)]|[a-zđ]\))\s+")  # "- …", "4. …", "d) …"


def item_at(text: str, position: int) -> str:
    """The item at ``position`` (1-based; -1 the last) of a list quoted in ``text``: numbered inline ("(4) Đăng ký xe;"),
    one a line with its marker, or several separated by ";"; "" when the text holds no such list or too short a one."""
    pieces = _NUMBERED_INLINE.split(text)
    numbered = {int(pieces[i]): pieces[i + 1] for i in range(1, len(pieces) - 1, 2)}
    if len(numbered) >= 2:
        items = [numbered[n] for n in sorted(numbered)]
    else:
        items = [_ITEM_LINE.sub("", line) for line in text.split("\n") if _ITEM_LINE.match(line)]
        if len(items) < 2:
            items = [p for p in re.split(r";\s+", text.split(":", 1)[-1]) if p.strip()]
    if len(items) < 2 or not (-1 <= position <= len(items)) or position == 0:
        return ""
    return items[position - 1 if position > 0 else -1].strip(" ;.,")


def refusal(query: Query, passages: list[Passage]) -> Answer:
    """The answer that says the documents do not answer (the passages shown as related)."""
    return Answer(question=query.text, text=REFUSAL_TEXT, refused=True, related=passages, passages=passages)


def _shared_frame(texts: list[str]) -> str:
    """What every part of a compound question begins with up to a colon ("Sở tôi … theo Nghị quyết 57: "): said once by
    the question, not again before each part's answer."""
    first = texts[0]
    end = first.find(": ") + 2
    return first[:end] if end > 1 and all(t.startswith(first[:end]) for t in texts) else ""
