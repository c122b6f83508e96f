"""Structure: split a document into its legal units (Phần/Chương/Mục/Điều/Khoản) or prose blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.models import CELL_SEPARATOR

_ARTICLE = re.compile(r"^Điều\s+(\d{1,3}[a-zđ]?)\s*[.:]?(?=\s|$)", re.M)
_CHAPTER = re.compile(r"^(?:Chương|CHƯƠNG)\s+([IVXLC]+|\d{1,3})\b", re.M)
_PART = re.compile(r"^(?:Phần|PHẦN)\s+(?:thứ\s+)?([IVXLC]+|\d{1,2}|[A-ZĐa-zđ]+)\b", re.M)
_SECTION = re.compile(r"^(?:Mục|MỤC)\s+(\d{1,2})\b", re.M)
# An appendix heading on its own line ("PHỤ LỤC II", "Phụ lục số 01"): the articles have ended.
_APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?([IVXLC]{1,5}|\d{1,2}[a-z]?))?\s*$", re.M)
_CLAUSE = re.compile(r"^(\d{1,2})\.\s", re.M)
_PROSE_HEADING = re.compile(r"^(?:([IVXLC]{1,6})\s?[.\-–]|Phụ lục|PHỤ LỤC)\s*\S.{0,150}$")
_PROSE_SUBHEADING = re.compile(r"^\d{1,2}\.\s+\S.{0,100}$")

MIN_ARTICLES_FOR_LEGAL = 2


@dataclass
class Span:
    """A labelled span of the document text."""

    label: str
    start: int
    end: int


@dataclass
class Unit:
    """One Điều (parts = its khoản) or one prose block (parts = the block itself)."""

    label: str  # "Điều 22" or a prose heading ("" when none)
    heading: str  # first line of the unit when it is a heading
    start: int
    end: int
    parts: list[Span] = field(default_factory=list)


def is_legal(text: str) -> bool:
    """True when the text is organised in articles (Điều)."""
    return len(_ARTICLE.findall(text)) >= MIN_ARTICLES_FOR_LEGAL


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _clause_spans(text: str, start: int, end: int, article: str) -> list[Span]:
    body = text[start:end]
    marks = [m for m in _CLAUSE.finditer(body)]
    # Khoản numbers run 1, 2, 3 ...: keep the marks that continue that sequence.
    clauses, expected = [], 1
    for m in marks:
        if int(m.group(1)) == expected:
            clauses.append(m)
            expected += 1
    if len(clauses) < 2:
        return [Span(article, start, end)]
    spans = []
    if clauses[0].start() > 0:
        spans.append(Span(article, start, start + clauses[0].start()))
    for i, m in enumerate(clauses):
        stop = clauses[i + 1].start() if i + 1 < len(clauses) else len(body)
        spans.append(Span(f"{article}, khoản {m.group(1)}", start + m.start(), start + stop))
    return spans


def split_units(text: str) -> list[Unit]:
    """The document's units in order, covering the whole text."""
    if is_legal(text):
        return _legal_units(text)
    return _prose_units(text)


def _legal_units(text: str) -> list[Unit]:
    starts = [m for m in _ARTICLE.finditer(text)]
    # Chapters/parts/sections close the article before them; an appendix closes it and is a unit of its own.
    breaks: dict[int, str] = {m.start(): "" for m in (*_CHAPTER.finditer(text), *_PART.finditer(text), *_SECTION.finditer(text))}
    for m in _APPENDIX.finditer(text):
        breaks[m.start()] = f"Phụ lục {m.group(1)}" if m.group(1) else "Phụ lục"
    units: list[Unit] = []
    if starts[0].start() > 0:
        units.append(Unit("", "", 0, starts[0].start(), [Span("", 0, starts[0].start())]))
    for i, m in enumerate(starts):
        start = m.start()
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        inside = sorted(b for b in breaks if start < b < end)
        label = f"Điều {m.group(1)}"
        heading = text[start : _line_end(text, start)].strip()
        article_end = inside[0] if inside else end
        units.append(Unit(label, heading, start, article_end, _clause_spans(text, start, article_end, label)))
        for k, b in enumerate(inside):
            stop = inside[k + 1] if k + 1 < len(inside) else end
            units.append(Unit(breaks[b], breaks[b], b, stop, [Span(breaks[b], b, stop)]))
    return [u for u in units if text[u.start : u.end].strip()]


def outline(text: str) -> tuple[list[tuple[int, str]], list[tuple[str, int, int]]]:
    """(headings, articles) of a legal text, for reading it: each Phần/Chương/Mục heading with its title line
    ("Chương I. NHỮNG QUY ĐỊNH CHUNG") at its offset, and each Điều (or appendix) as (label, start, end)."""
    headings = []
    for m in sorted((*_PART.finditer(text), *_CHAPTER.finditer(text), *_SECTION.finditer(text)), key=lambda m: m.start()):
        line = text[m.start() : _line_end(text, m.start())].strip()
        nxt = text[_line_end(text, m.start()) :].lstrip("\n").split("\n", 1)[0].strip()
        title = f"{line}. {nxt}" if nxt and nxt.isupper() and len(line) < 20 else line
        headings.append((m.start(), title[:120]))
    articles = [(u.label, u.start, u.end) for u in split_units(text) if u.label] if is_legal(text) else []
    return headings, articles


def _heading_label(line: str, parent: str) -> tuple[str, str] | None:
    """(label, new parent) when the line is a heading of a report or resolution, else None."""
    top = _PROSE_HEADING.match(line)
    if top:
        label = line.rstrip(":")[:80]
        return label, (top.group(1) or label)
    if parent and _PROSE_SUBHEADING.match(line) and not line.rstrip().endswith((".", ";", ",")):
        return f"{parent}. {line.rstrip(':')}"[:80], parent
    return None


def _prose_units(text: str) -> list[Unit]:
    units: list[Unit] = []
    label, parent, start, pos = "", "", 0, 0
    for line in text.split("\n"):
        found = _heading_label(line.strip(), parent)
        if found:
            if pos > start:
                units.append(Unit(label, label, start, pos, [Span(label, start, pos)]))
                start = pos
            label, parent = found
        pos += len(line) + 1
    units.append(Unit(label, label, start, len(text), [Span(label, start, len(text))]))
    return [u for u in units if text[u.start : u.end].strip()]


def table_headers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, header row) of each table: its first row, then the rows and the short section lines
    ("II. Xã hội số") that follow. A row far below its header ("6 | Tỷ lệ … | Tỉnh đoàn") is read with it:
    the header says what the cells are ("TT | Chỉ tiêu | Chủ trì"). A blank line, a sentence, or a row of
    column names with another number of cells ends a table (the signature block's table is not the
    appendix's header); a long line without a stop ends it unless rows follow it with no blank line between: it is then
    a long cell of a row whose other cells were merged ("Dữ liệu cán bộ (các cơ quan đảng, Mặt trận Tổ quốc, …), đảng
    viên" under "1 | Dữ liệu lĩnh vực tổ chức xây dựng Đảng | … | Ban Tổ chức Trung ương")."""
    tables: list[tuple[int, int, str]] = []
    header, start, pos, end, blank, loose = "", 0, 0, 0, False, False
    for line in text.split("\n"):
        stripped = line.strip()
        if CELL_SEPARATOR in stripped:
            new_columns = looks_like_header(stripped) and stripped.count(CELL_SEPARATOR) != header.count(CELL_SEPARATOR)
            if header and (blank or new_columns or loose and looks_like_header(stripped)):
                tables.append((start, end, header))
                header = ""
            if not header:
                header, start = stripped, pos
            end, blank, loose = pos + len(line), False, False
        elif header and not stripped:
            blank = True
        elif header and stripped.endswith("."):
            tables.append((start, end, header))
            header = ""
        elif header and len(stripped) > 80:
            loose = True
        pos += len(line) + 1
    if header:
        tables.append((start, end, header))
    return tables


_ROW_NUMBER = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,5}|[a-zđ])[.)]?$")


def looks_like_header(row: str) -> bool:
    """Whether a table row names columns: short cells, none a row number or a sentence."""
    cells = [c.strip() for c in row.split(CELL_SEPARATOR)]
    return all(c and len(c) <= 60 and not _ROW_NUMBER.match(c) and not c.endswith(".") for c in cells)
