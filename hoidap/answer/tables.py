"""Table rows in answers: a row is read with its table's header, cell by cell ("Nhiệm vụ: Số hóa hồ sơ hộ
tịch; Cơ quan chủ trì: Sở Tư pháp; Thời hạn: Tháng 12/2026"), so the question's words for the columns
("chủ trì", "thời hạn") meet the row and the answer says what each cell is."""

from __future__ import annotations

import re

from core.models import CELL_SEPARATOR
from index.store import StoredChunk
from ingest.structure import looks_like_header

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
    if top and looks_like_header(top):
        return top
    heading = chunk.section_heading
    carried = heading.rsplit(" — ", 1)[-1] if " — " in heading else ""
    return carried if CELL_SEPARATOR in carried and looks_like_header(carried) else ""


def labelled_row(row: str, header: str) -> str:
    """"2 | Số hóa hồ sơ hộ tịch | Sở Tư pháp" under "TT | Nhiệm vụ | Cơ quan chủ trì" → "Nhiệm vụ: Số hóa hồ
    sơ hộ tịch; Cơ quan chủ trì: Sở Tư pháp"; the row unchanged when its cells do not line up with the
    header's (merged or empty cells)."""
    cells, names = row.split(CELL_SEPARATOR), header.split(CELL_SEPARATOR)
    if len(cells) != len(names) or len(cells) < 2:
        return row
    pairs = [(_column_name(n), c.strip().rstrip(".;")) for n, c in zip(names, cells) if not _ORDINAL_HEADER.match(n.strip())]
    return "; ".join(f"{name}: {cell}" for name, cell in pairs)


def _column_name(name: str) -> str:
    """"THỜI GIAN HOÀN THÀNH" → "Thời gian hoàn thành" (a header in capitals reads as a label)."""
    name = name.strip()
    return name[0] + name[1:].lower() if name.isupper() else name
