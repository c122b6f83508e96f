"""Who signed a document and to whom it was sent: rules of Vietnamese legal text. A document ends (before its
appendices) with its signature block: the capacity in capitals ("T/M ĐẢNG ĐOÀN QUỐC HỘI", "KT. THỦ TƯỚNG", "BÍ THƯ",
"CHỦ TỊCH QUỐC HỘI"), then the signer's name on its own line; beside or above it, "Nơi nhận:" and the recipients, one
per dash. "Ai là người ký Kế hoạch 3260-KH/ĐĐQH15?" is answered by quoting the block, "Kế hoạch 308/KH-UBND gửi cho
những nơi nào?" by quoting the list."""

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


_RECIPIENTS = re.compile(r"(?:\*\*)?Nơi nhận[ \t]*:?(?:\*\*)?[ \t]*:?", re.I)
_RECIPIENT_LINE = re.compile(r"^\s*(?:[-+•]|\*\s)")


def recipients_block(text: str) -> tuple[int, int] | None:
    """(start, end) of the "Nơi nhận:" list in a passage: its dashed lines, or, in a table row laid out beside the
    signature, its cell; None when the passage has none."""
    found = _RECIPIENTS.search(text)
    if not found:
        return None
    line_end = text.find("\n", found.end())
    line_end = len(text) if line_end < 0 else line_end
    rest = text[found.end() : line_end]
    if rest.strip():  # "| Nơi nhận: - Bộ Công An; - … | **TM. ỦY BAN NHÂN DÂN** …": to the end of its cell
        cell = rest.find("|")
        end = found.end() + cell if cell >= 0 else line_end
        return (found.start(), end) if text[found.end() : end].strip() else None
    end = position = line_end
    for line in text[line_end:].split("\n"):
        if line.strip() and not _RECIPIENT_LINE.match(line):
            break
        position += len(line) + 1
        if line.strip():
            end = position - 1
    return (found.start(), end) if end > line_end else None
