"""Table rows in answers: a row is read with its table's header, cell by cell ("Nhiệm vụ: Số hóa hồ sơ hộ
tịch; Cơ quan chủ trì: Sở Tư pháp; Thời hạn: Tháng 12/2026"), so the question's words for the columns
("chủ trì", "thời hạn") meet the row and the answer says what each cell is."""

from __future__ import annotations

import re

from core.models import CELL_SEPARATOR
from index.store import StoredChunk

_ORDINAL_HEADER = re.compile(r"^(?:s?tt|số tt|số thứ tự|thứ tự)\.?$", re.I)  # the row-number column


def header_of(chunk: StoredChunk, start: int) -> str:
    """The header row of the table holding the row that starts at ``start`` in the chunk's text: carried in
    the chunk's heading when the table began in an earlier chunk, else the first row of the table here."""
    heading = chunk.section_heading
    carried = heading.rsplit(" — ", 1)[-1] if " — " in heading else ""
    lines = chunk.text[:start].split("\n")[:-1]
    first = chunk.text[start:].split("\n", 1)[0]
    top = first
    for line in reversed(lines):
        if CELL_SEPARATOR not in line:
            return top
        top = line
    return carried if CELL_SEPARATOR in carried else top


def labelled_row(row: str, header: str) -> str:
    """"2 | Số hóa hồ sơ hộ tịch | Sở Tư pháp" under "TT | Nhiệm vụ | Cơ quan chủ trì" → "Nhiệm vụ: Số hóa hồ
    sơ hộ tịch; Cơ quan chủ trì: Sở Tư pháp"; the row unchanged when its cells do not line up with the
    header's (merged or empty cells)."""
    cells, names = row.split(CELL_SEPARATOR), header.split(CELL_SEPARATOR)
    if len(cells) != len(names) or len(cells) < 2:
        return row
    pairs = [(n.strip(), c.strip()) for n, c in zip(names, cells) if not _ORDINAL_HEADER.match(n.strip())]
    return "; ".join(f"{name}: {cell}" for name, cell in pairs)
