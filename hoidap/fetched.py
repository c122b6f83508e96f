"""Evidence fetched by the documents' structure when retrieval did not bring it: a table row asked by its number, a
signature block, the rows of a table holding a value a list question names ("những nhiệm vụ nào có thời gian hoàn
thành là Quí IV-2025?")."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from core.models import CELL_SEPARATOR
from hoidap.answer.signature import recipients_block, signature_block
from hoidap.answer.tables import GROUP_ROW, cell_key, header_of, opens_table
from hoidap.query import LIST, Query
from hoidap.query.documents import names_document, unit_of
from hoidap.retrieve import IndexReader, Passage
from hoidap.terms import DATING_WINDOW, DATING_WORDS, normalized
from ingest.normalize import fold_diacritics

def numbered_rows(query: Query, reader: IndexReader, shown: list[Passage]) -> list[Passage]:
    """For "nhiệm vụ số 75 trong Phụ lục II của …": the named document's passage (in the named unit, if any) holding the
    table row numbered so, when retrieval did not bring it (a row's number is no word BM25 weighs)."""
    have = {p.chunk.chunk_id for p in shown}
    extra: list[Passage] = []
    for part in query.parts or (query,):
        if not part.row_number:
            continue
        docs = {d["doc_id"] for d in reader.documents if d["number"] and names_document(part, d["number"])}
        units = [u for u in part.units if u.startswith("phu luc")]
        labelled = [cid for cid, label in reader.store.labels(docs) if not units or (label and unit_of(label) in units)]
        texts = reader.store.get_texts(labelled)
        found = row_in_group(labelled, texts, part.row_number, part.row_group)
        if found is not None and found not in have:
            extra.extend(Passage(chunk, 0.0) for chunk in reader.store.get_chunks([found]).values())
            have.add(found)
    return extra


def row_in_group(chunk_ids: list[str], texts: dict[str, str], number: str, group: str = "") -> str | None:
    """The first of these passages (in document order) holding the table row numbered so; with ``group`` (folded), the
    row under the group row naming it ("I | Hoàn thiện thể chế"), where a table numbers its rows again in each group."""
    row = re.compile(rf"^\s*{number}\.?\s*\|")
    inside = not group
    for cid in chunk_ids:
        for line in texts.get(cid, "").split("\n"):
            named = GROUP_ROW.match(line.replace("*", ""))
            if named and group:
                inside = group in normalized(named.group(1), False)
            elif inside and row.match(line):
                return cid
    return None


def closing_passages(
    query: Query, reader: IndexReader, shown: list[Passage], signer: bool = True, recipients: bool = True
) -> list[Passage]:
    """For "ai là người ký <document>?" (``signer``) and "<document> gửi cho những nơi nào?" (``recipients``): the
    passage of the named document holding its signature block or its "Nơi nhận" list, when retrieval did not bring it
    (it says nothing of the question's words)."""
    have = {p.chunk.chunk_id for p in shown}
    extra: list[Passage] = []
    for part in query.parts or (query,):
        signed, sent = signer and part.wants_signer, recipients and part.wants_recipients
        if not (signed or sent):
            continue
        holds = signature_block if signed else recipients_block
        typed = fold_diacritics(part.numbers[0].lower()) if part.numbers else ""
        number = next(  # the held document it names: "kh 3260 ai ký?", "3260-KH/DDQH15 do ai ky"
            (
                d["number"] for d in reader.documents
                if d["number"] and (fold_diacritics(d["number"].lower()) == typed if typed else names_document(part, d["number"]))
            ),
            "",
        )
        closing = next((cid for cid, text in reader.store.last_texts(number) if holds(text)), None) if number else None
        if closing is not None and closing not in have:
            extra.extend(Passage(chunk, 0.0) for chunk in reader.store.get_chunks([closing]).values())
            have.add(closing)
    return extra




# The kinds of column whose cells a list can be filtered by, from the words of their header (folded): who does a task,
# when it is due, how far it has got. A cell of another column (a task, a target, a product: "Đề án") is what is listed.
_COLUMN_KINDS = (
    ("time", re.compile(r"\b(?:thoi gian|thoi han|han hoan thanh|moc|nam hoan thanh|tien do hoan thanh)\b")),
    ("status", re.compile(r"\b(?:tien do|tinh trang|trang thai|ket qua thuc hien)\b")),
    ("body", re.compile(r"\b(?:chu tri|co quan|don vi|thuc hien|phu trach|theo doi)\b")),
)
ABOUT = 3  # the first passages retrieved: the documents a list may be asked of besides those named
MAX_CELL_CHARS = 60  # longer cells are sentences, not values a list is filtered by
ROW_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?$")  # a row's number: "25.", "3", "2.1"


@dataclass(frozen=True)
class TableRow:
    """One row of a table: its chunk, its text, its cells and its header (folded column names, () where unknown)."""

    chunk_id: str
    text: str
    cells: tuple[str, ...]
    header: str
    columns: tuple[str, ...]


def column_kind(name: str) -> str:
    """"Thời gian hoàn thành" → "time", "Cơ quan chủ trì" → "body", "Tiến độ" → "status"; "" for any other column."""
    folded = fold_diacritics(name.lower())
    return next((kind for kind, words in _COLUMN_KINDS if words.search(folded)), "")


def table_rows(reader: IndexReader, docs: set[str], units: set[str] = frozenset()) -> list[TableRow]:
    """The table rows of these documents (in these units, when any: "phu luc i"), in document order, each once
    (passages overlap), with their header: the one above the row (tables.header_of), else the last header of as many
    cells above it in the same table (a long table's header is passages away, past its group rows)."""
    labelled = [cid for cid, label in reader.store.labels(docs) if not units or unit_of(label) in units]
    chunks = reader.store.get_chunks(labelled)
    rows: list[TableRow] = []
    seen: set[str] = set()
    last: dict[int, str] = {}  # cells → the last header of that width, in the table being read
    for cid in labelled:
        chunk = chunks.get(cid)
        start = 0
        for line in chunk.text.split("\n") if chunk is not None else ():
            row, begin = line.strip(), start
            start += len(line) + 1
            if CELL_SEPARATOR not in row:
                if len(row) > 80 and row.endswith("."):
                    last = {}  # the table ended: a paragraph
                continue
            cells = tuple(c.strip() for c in row.split(CELL_SEPARATOR))
            header = header_of(chunk, begin)
            if header.count(CELL_SEPARATOR) != row.count(CELL_SEPARATOR):
                # none above, or a group row ("I.1 | Cung cấp dịch vụ số …"): the last of as many cells; for a numbered
                # row whose last cells are empty and left out, a wider one
                wider = header if header.count(CELL_SEPARATOR) > row.count(CELL_SEPARATOR) else next(
                    (h for n, h in sorted(last.items()) if n > len(cells)), ""
                )
                header = last.get(len(cells), "") or (wider if ROW_NUMBER.match(cells[0]) else "")
            if header == row or opens_table(chunk, begin, row):
                last[len(cells)] = row
                continue
            if header.count(CELL_SEPARATOR) == row.count(CELL_SEPARATOR):
                last[len(cells)] = header
            if row in seen:
                continue
            seen.add(row)
            columns = tuple(fold_diacritics(n.strip().lower()) for n in header.split(CELL_SEPARATOR)) if header else ()
            rows.append(TableRow(cid, row, cells, header, columns))
    return rows


def cell_values(cell: str, kind: str) -> set[str]:
    """The values a cell holds (cell_key): the cell, or for a body column each body it names ("Bộ Khoa học và Công
    nghệ, Bộ Công an"; "Bộ Công an (Trung tâm dữ liệu quốc gia)" is Bộ Công an's); none for a sentence."""
    parts = re.split(r"[,;]", re.sub(r"\([^()]*\)", " ", cell)) if kind == "body" else [cell]
    return {cell_key(p) for p in parts if len(p) <= MAX_CELL_CHARS and len(p.strip()) >= 3 and re.search(r"[^\W\d_]", p)}


Column = tuple[tuple[str, ...], int]  # a table's header (folded column names) and a column of it


def filter_values(rows: list[TableRow]) -> dict[Column, set[str]]:
    """(header, column) → the values of a body, time or status column that its rows hold, not all of them: the values
    a list of the table's rows can be filtered by."""
    counts: dict[Column, Counter] = {}
    sizes: Counter = Counter()
    for row in rows:
        if not row.columns:
            continue
        sizes[row.columns] += 1
        for j, name in enumerate(row.columns[: len(row.cells)]):
            if kind := column_kind(name):
                counts.setdefault((row.columns, j), Counter()).update(cell_values(row.cells[j], kind))
    return {column: {value for value, n in counted.items() if n < sizes[column[0]]} for column, counted in counts.items()}


def asked_values(query: Query, values: dict[Column, set[str]]) -> dict[Column, set[str]]:
    """The filter values the question names, by column: a value it writes (cell_key: folded, periods read alike, "Quí
    IV-2025" as "quý 4/2025"), outside brackets; a time not when it dates a document ("báo cáo của Đảng ủy Chính phủ
    tháng 5/2025": a document word among the DATING_WINDOW words before it, and no word of a due time after that
    word). Of two values one holds, the longer; a value several columns of a table hold ("Bộ Công an" chủ trì and
    phối hợp) is of the one whose name the question says most of ("… do Bộ Công an chủ trì"), else of the first."""
    asked = " ".join(cell_key(re.sub(r"\([^()]*\)", " ", text)).strip() for text in (query.text, query.expanded))
    asked = f" {asked} "
    found: dict[Column, set[str]] = {}
    for column, vs in values.items():
        timed = column_kind(column[0][column[1]]) == "time"
        kept = {v for v in vs if any(not (timed and _dates_document(asked[:at])) for at in _places(asked, v))}
        if kept:
            found[column] = kept
    every = {v for vs in found.values() for v in vs}
    found = {c: kept for c, vs in found.items() if (kept := {v for v in vs if not any(v != o and v in o for o in every)})}
    said = lambda column: -sum(f" {w} " in asked for w in column[0][column[1]].split())  # noqa: E731
    for column in sorted(found, key=lambda c: (said(c), c[1])):
        for other in [o for o in found if o != column and o[0] == column[0]]:
            found[other] -= found.get(column, set())
    return {column: vs for column, vs in found.items() if vs}


def _places(text: str, value: str) -> list[int]:
    """Where the value (spaced) starts in the text (spaced)."""
    return [m.start() for m in re.finditer(re.escape(value), text)]


_DUE_WORDS = frozenset({"han", "xong", "hoan", "thanh", "gian", "tien", "do", "truoc", "trong"})


def _dates_document(before: str) -> bool:
    """Whether the words before a time make it a document's date: a document word among the last DATING_WINDOW of
    them, with no word of a due time ("hạn", "hoàn thành", "xong", "trong") after it."""
    words = before.split()[-DATING_WINDOW:]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _DUE_WORDS:
            return False
        if words[i] in DATING_WORDS or " ".join(words[i : i + 2]) in DATING_WORDS:
            return True
    return False


def cell_rows(query: Query, reader: IndexReader, shown: list[Passage]) -> tuple[tuple[tuple[str, str], ...], list[Passage]]:
    """For a list asked of a table by a value of its rows ("… những nhiệm vụ nào có thời gian hoàn thành là Quí
    IV-2025?", "… những chỉ tiêu nào do Bộ Nội vụ chủ trì?"): the rows holding it, (row, header) in document order,
    and the passages holding them that retrieval did not bring. The table is one whose header names what the question
    lists in a column of items ("những nhiệm vụ nào": "Tên nhiệm vụ"; not "cơ quan nào": "Cơ quan chủ trì" is a column
    of bodies), in the documents the question names, then in those of the first passages retrieved."""
    if query.answer_type != LIST or not query.listed or query.parts or not shown:
        return (), []
    named = [d["doc_id"] for d in reader.documents if d["number"] and names_document(query, d["number"])]
    appendices = {u for u in query.units if u.startswith("phu luc")}
    holding: list[TableRow] = []
    for doc in dict.fromkeys(named + [p.chunk.doc_id for p in shown[:ABOUT]]):  # the first document whose table has it
        # the rows of a table of what the question lists: "những chỉ tiêu nào" of a table with a "Chỉ tiêu" column
        listing = [
            r for r in table_rows(reader, {doc}, appendices)
            if any(f" {query.listed} " in f" {c} " and not column_kind(c) for c in r.columns)
        ]
        asked = asked_values(query, filter_values(listing))
        holding = [row for row in listing if _holds(row, asked)] if asked else []
        if holding:
            break
    have = {p.chunk.chunk_id for p in shown}
    wanted = [cid for cid in dict.fromkeys(row.chunk_id for row in holding) if cid not in have]
    fetched = reader.store.get_chunks(wanted)
    return tuple((row.text, row.header) for row in holding), [Passage(fetched[cid], 0.0) for cid in wanted if cid in fetched]


def _holds(row: TableRow, asked: dict[Column, set[str]]) -> bool:
    """Whether a row holds a value asked in each column of its table that one is asked in."""
    tested = [(j, values) for (columns, j), values in asked.items() if columns == row.columns]
    return bool(tested) and all(
        j < len(row.cells) and cell_values(row.cells[j], column_kind(row.columns[j])) & values for j, values in tested
    )
