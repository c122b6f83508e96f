"""Who signed a document: a rule of Vietnamese legal text. A document ends (before its appendices) with its
signature block: the capacity in capitals ("T/M ĐẢNG ĐOÀN QUỐC HỘI", "KT. THỦ TƯỚNG", "BÍ THƯ", "CHỦ TỊCH
QUỐC HỘI"), then the signer's name on its own line. "Ai là người ký Kế hoạch 3260-KH/ĐĐQH15?" is answered
by quoting that block."""

from __future__ import annotations

import re

_NAME = re.compile(r"^[A-ZĐ][a-zà-ỹđ]*(?: [A-ZĐ][a-zà-ỹđ]*){1,4}$")  # "Trần Thanh Mẫn"
_CAPACITY = re.compile(r"^(?:T/M|TM\.|KT\.|Q\.|TUQ\.|TL\.)")
_LINE = re.compile(r"[^\n]+")
_SIGNED_MARK = re.compile(r"^[\[(]?\s*(?:đã ký|Đã ký|ĐÃ KÝ|đã kí|Đã kí|ký|Ký)\s*[\])]?$")  # "[đã ký]" above the name
_CELL = re.compile(r"[^\n|]+")  # a line, or a cell of a table row


def signature_block(text: str) -> tuple[int, int] | None:
    """(start, end) of the last signature block in a passage: one to three capitalised lines of capacity and the
    name under them; None when the passage has none."""
    lines = [(m.start(), m.end(), m.group(0).strip().strip("*").strip()) for m in _LINE.finditer(text)]
    lines = [(s, e, t) for s, e, t in lines if t and not _SIGNED_MARK.match(t)]
    found = None
    for i, (_, end, line) in enumerate(lines):
        if not _NAME.match(line) or line.isupper():
            continue
        first = i
        while first > 0 and i - first < 3 and (lines[first - 1][2].isupper() or _CAPACITY.match(lines[first - 1][2])):
            first -= 1
        if first < i:
            found = (lines[first][0], end)
    if found is None:  # the block in one table cell: "KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Nguyễn Chí Dũng"
        for cell in _CELL.finditer(text):
            words = cell.group(0).replace("*", " ").split()
            for n in range(5, 1, -1):
                name, capacity = words[-n:], words[:-n]
                if len(words) > n and _NAME.match(" ".join(name)) and capacity and all(
                    w.isupper() or _CAPACITY.match(w) for w in capacity
                ):
                    found = (cell.start(), cell.end())
                    break
    return found
