"""The next row of a table, asked in a follow-up: "Còn chỉ tiêu ở dòng ngay sau đó thì giao cho ai chủ trì?" after an
answer led by a table row asks of the row below it, named by what it describes."""

from __future__ import annotations

import re

from core.models import CELL_SEPARATOR

# "dòng ngay sau đó", "hàng tiếp theo", "chỉ tiêu kế tiếp", "nhiệm vụ liền sau", "dòng dưới" (as typed or folded)
_NEXT = r"(?:ngay\s+)?(?:tiếp theo|kế tiếp|liền sau|sau đó|bên dưới|phía dưới|tiep theo|ke tiep|lien sau|sau do|ben duoi|phia duoi)"
NEXT_ROW = re.compile(
    rf"(?<!\w)(?:(chỉ tiêu|nhiệm vụ|chi tieu|nhiem vu)\s+)?(?:(?:ở|o|tại|tai)\s+)?(?:(?:dòng|hàng|dong|hang)\s+{_NEXT}"
    rf"|(?<=chỉ tiêu |nhiệm vụ |chi tieu |nhiem vu ){_NEXT})(?!\w)",
    re.I,
)
NEXT_ROW_WORDS = 16  # a longer question asks something of its own


def row_after(text: str, start: int, following: str = "") -> str:
    """The table row after the one holding offset ``start`` of a passage's text (its cells as written), read on into
    ``following``, the next passage's text, when the passage ends with it (passages overlap: the row itself is passed
    over there); "" when that line is no table row or the table ends with it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    row = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if CELL_SEPARATOR not in row:
        return ""
    rest = text[line_end:] if line_end >= 0 else ""
    for line in f"{rest}\n{following}".split("\n"):
        if line.strip() == row:
            continue
        if CELL_SEPARATOR in line:
            return line.strip()
        if line.strip():
            return ""  # the table ended
    return ""


def described_by(row: str) -> str:
    """What a row describes: its first cell of words ("Tỷ lệ dân số … đạt 95%"), not its number or a group's numeral."""
    cells = [c.strip() for c in row.split(CELL_SEPARATOR.strip())]
    return next((c for c in cells if len(c.split()) >= 3), "")


def next_row_question(question: str, next_row: str, document: str) -> str:
    """The follow-up asked of the next row, named by what it describes, in the document the last answer cited ("Còn chỉ
    tiêu Tỷ lệ dân số từ 15 tuổi trở lên … đạt 95% (theo Kế hoạch 144/KH-UBND) thì giao cho ai chủ trì?"), or ""."""
    found = NEXT_ROW.search(question)
    described = described_by(next_row) if found else ""
    if not described or len(question.split()) > NEXT_ROW_WORDS:
        return ""
    noun = found.group(1) or "chỉ tiêu"
    framed = f"{noun} {described}" + (f" (theo {document})" if document else "")
    return f"{question[: found.start()]}{framed}{question[found.end() :]}"
