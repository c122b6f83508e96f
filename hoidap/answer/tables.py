"""Table rows in answers: a row is read with its table's header, cell by cell ("Nhiệm vụ: Số hóa hồ sơ hộ
tịch; Cơ quan chủ trì: Sở Tư pháp; Thời hạn: Tháng 12/2026"), so the question's words for the columns
("chủ trì", "thời hạn") meet the row and the answer says what each cell is."""

from __future__ import annotations

import re

from core.models import CELL_SEPARATOR
from index.store import StoredChunk
from ingest.structure import looks_like_header
from hoidap.terms import horizon_years, normalized

# a cell no header has: a figure ("≥ 350", "99", "8 - 10") or a dotted row number ("23.3")
_FIGURE_CELL = re.compile(r"^[≥≤<>~]?\s*\d[\d.,]*\s*%?(?:\s*[-–]\s*\d[\d.,]*\s*%?)?$")
_ORDINAL_HEADER = re.compile(r"^(?:s?tt|số tt|số thứ tự|thứ tự)\.?$", re.I)  # the row-number column


def header_of(chunk: StoredChunk, start: int) -> str:
    """The header row of the table holding the row that starts at ``start`` in the chunk's text: the first
    row of the table when it is in this chunk and reads as a header, else the header the chunk's heading
    carries (the table began in an earlier chunk); "" when none is known."""
    top = ""
    for line in reversed(chunk.text[:start].split("\n")[:-1]):
        stripped = line.strip()
        if CELL_SEPARATOR in stripped:
            top = stripped
        elif not stripped or len(stripped) > 80 or stripped.endswith("."):
            break  # the table starts below this line ("II. Xã hội số" lines are inside it)
    if top and _is_header(top):
        return top
    heading = chunk.section_heading
    carried = heading.rsplit(" — ", 1)[-1] if " — " in heading else ""
    return carried if CELL_SEPARATOR in carried and _is_header(carried) else ""


def row_before(chunk: StoredChunk, preceding, walk: int = 3) -> str:
    """The table row nearest above a passage that starts with cells written alone (see carried_row): the last row of
    the passages before it in the same table, found with ``preceding(chunk)``; "" when the passage starts otherwise, or
    is no table's (no row in it, no header carried in its heading: no passage above is read for it)."""
    if not preceding or CELL_SEPARATOR not in chunk.text and CELL_SEPARATOR not in chunk.heading:
        return ""
    first = next((ln.strip() for ln in chunk.text.split("\n") if ln.strip()), "")
    if not first or CELL_SEPARATOR in first:
        return ""
    table, current = chunk.label.split(",")[0], chunk
    for _ in range(walk):
        current = preceding(current)
        if current is None or current.doc_id != chunk.doc_id or current.label.split(",")[0] != table:
            return ""
        block = current.text.split("\n\n")[-1].split("\n")
        rows = [ln.strip() for ln in block if CELL_SEPARATOR in ln]
        if rows:
            return "" if _is_header(rows[-1]) else rows[-1]
        if any(not ln.strip() or ln.strip().endswith((".", ":", ";")) for ln in block):
            return ""
    return ""


def carried_row(text: str, start: int, end: int, before: str = "") -> str:
    """The table row whose merged cells a line holds no separator for: a converted table writes a row that shares its
    other cells with the row above (merged, spanning down) as a line of its one cell ("7 | Dữ liệu công tác xuất bản |
    Dữ liệu tác phẩm | Nhà xuất bản Chính trị quốc gia Sự thật" / "Dữ liệu tác giả" / … / "Dữ liệu phiên giao lưu trực
    tuyến"): the nearest row above it in the same block of lines (``before`` when the block begins the passage: the row
    of the passage above, see row_before), or "" when the line is no such cell (it has separators, ends a sentence, or
    no row is above it before a blank line)."""
    line = text[start:end].strip()
    if not line or CELL_SEPARATOR in line or line.endswith((".", ":", ";")) or len(line) > 300:
        return ""
    block = text[:start].split("\n\n")
    for above in reversed(block[-1].split("\n")):
        above = above.strip()
        if CELL_SEPARATOR in above:
            return "" if _is_header(above) else above
        if above and (above.endswith((".", ":", ";")) or len(above) > 300):
            return ""
    return before if len(block) == 1 else ""


def _is_header(row: str) -> bool:
    """Whether a table row names columns (ingest.structure.looks_like_header) and holds no figure: "23.3 | Tổng dung
    lượng … | Tbps | ≥ 350 | …" is a row of data, though its cells are short."""
    return looks_like_header(row) and not any(_FIGURE_CELL.match(c.strip()) for c in row.split(CELL_SEPARATOR))


def opens_table(chunk: StoredChunk, start: int, row: str) -> bool:
    """Whether the row starting at ``start`` is a table's header: it names columns (short cells, no digit: not "Luật
    số: 20/2023/QH15 | Hà Nội, ngày …", a document's header) and the line above it in the passage is no row ("DANH
    SÁCH DỮ LIỆU …" above "STT | Nhóm lĩnh vực dữ liệu | Dữ liệu | …")."""
    above = [line.strip() for line in chunk.text[:start].split("\n") if line.strip()]
    return bool(above) and CELL_SEPARATOR not in above[-1] and _is_header(row) and not re.search(r"\d", row)


def labelled_row(row: str, header: str) -> str:
    """"2 | Số hóa hồ sơ hộ tịch | Sở Tư pháp" under "TT | Nhiệm vụ | Cơ quan chủ trì" → "Nhiệm vụ: Số hóa hồ
    sơ hộ tịch; Cơ quan chủ trì: Sở Tư pháp"; the row unchanged when its cells do not line up with the
    header's (merged or empty cells). A cell is quoted as written: one that ends a sentence keeps its full stop ("Chỉ
    tiêu: Tỉ lệ … kỹ năng số cơ bản. Đơn vị: %; …")."""
    cells, names = row.split(CELL_SEPARATOR), header.split(CELL_SEPARATOR)
    if len(cells) != len(names) or len(cells) < 2:
        return row
    pairs = [(_column_name(n), c.strip().rstrip(";").strip()) for n, c in zip(names, cells) if not _ORDINAL_HEADER.match(n.strip())]
    return "".join(
        f"{name}: {cell}" + ("" if i == len(pairs) - 1 else " " if cell.endswith(".") else "; ")
        for i, (name, cell) in enumerate(pairs)
    )


def _column_name(name: str) -> str:
    """"THỜI GIAN HOÀN THÀNH" → "Thời gian hoàn thành" (a header in capitals reads as a label)."""
    name = name.strip()
    return name[0] + name[1:].lower() if name.isupper() else name


# A group row of a table: a Roman numeral or a capital letter and one cell of text ("I | Đến năm 2030", "II | Xã hội
# số | | |"); the rows below it, up to the next one, are of that group.
GROUP_ROW = re.compile(r"^\s*(?:[IVXLC]+|[A-Z])\.?\s*\|\s*([^|]{3,160}?)\s*(?:\|\s*)*$")
GROUP_WALK = 80  # passages walked back to the table's group row


def group_rows(chunk: StoredChunk, preceding, walk: int = GROUP_WALK) -> str:
    """The group rows a table passage is read under: the last one before its first row (in an earlier passage of the
    same table, found with ``preceding(chunk)``) and those inside it, their text joined ("Đến năm 2030"); "" for a
    passage holding no table row or when none is found."""
    if CELL_SEPARATOR not in chunk.text:
        return ""
    inside = [m.group(1) for m in (GROUP_ROW.match(line) for line in chunk.text.split("\n")) if m]
    table = chunk.label.split(",")[0]
    before, current = "", chunk
    for _ in range(walk if preceding else 0):
        current = preceding(current)
        if current is None or current.doc_id != chunk.doc_id or current.label.split(",")[0] != table:
            break
        found = [m.group(1) for m in (GROUP_ROW.match(line) for line in current.text.split("\n")) if m]
        if found:
            before = found[-1]
            break
        if CELL_SEPARATOR not in current.text:
            break  # the table began after this passage
    return " ".join(g for g in [before, *inside] if g)



def horizon_above(text: str, start: int, inherited: str = "") -> list[str]:
    """The target years of the heading nearest above offset ``start`` inside a passage's text: a table's group row
    ("II | Giai đoạn 2028-2030") or a short heading line naming a period ("b) Giai đoạn 2028 - 2030:", "Đến năm
    2030:"); else those of ``inherited``, the group row read from before the passage; [] when none names one."""
    for line in reversed(text[:start].split("\n")):
        group = GROUP_ROW.match(line)
        heading = group.group(1) if group else line if len(line) <= 100 and _HEADING_LINE.match(line) else ""
        years = horizon_years(heading) if heading else []
        if years:
            return years
    return horizon_years(inherited)


# a heading line: "b) Giai đoạn 2028 - 2030:", "- Giai đoạn 2028-2030", "2. Đến năm 2030"
_HEADING_LINE = re.compile(
    r"^\s*(?:[a-zđ]\)|\d+(?:\.\d+)*\.|[IVX]+\.|[-+*])?\s*(?:[^.;|]{0,90}:|(?:giai đoạn|đến năm|đến hết năm|tầm nhìn đến năm)"
    r"[^.;:|]{0,30})\s*$",
    re.I,
)


def inherited_group(chunk_text: str, joined: str) -> str:
    """The group row a passage's first rows are read under, from ``joined`` (group_rows: the one before the passage,
    then those inside it)."""
    inside = " ".join(m.group(1) for m in (GROUP_ROW.match(line) for line in chunk_text.split("\n")) if m)
    return joined[: len(joined) - len(inside)].strip() if inside and joined.endswith(inside) else (joined if not inside else "")


_ROMAN_QUARTERS = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
# "quí IV-2025", "quý 4 năm 2025", "tháng 3 năm 2025" (folded, normalized): a period, its number as a digit
_PERIOD = re.compile(r"\b(?:(qu[iy])\s+(iv|iii|ii|i|[1-4])|(thang)\s+(\d{1,2}))(?:\s+nam)?(?=\s+(?:19|20)\d\d\b)")


def cell_key(text: str) -> str:
    """A table cell's text (or a question's) as values are compared: folded, normalized, periods written alike ("Quí
    IV-2025", "quý IV/2025" and "quý 4 năm 2025" are " quy 4 2025 ")."""
    return _PERIOD.sub(
        lambda m: f"quy {_ROMAN_QUARTERS.get(m.group(2), m.group(2))}" if m.group(1) else f"thang {m.group(4)}",
        normalized(text, exact=False),
    )

