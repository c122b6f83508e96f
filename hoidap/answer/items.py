"""Items of legal lists: what a list item is read with — the lead-in that introduces it ("… các hành vi sau:"), the
heading of the section it lies in ("h) Tổ đảng ở Thường trực Ủy ban Quốc phòng và An ninh") — and whether an item
names what the question asks beyond its lead-in."""

from __future__ import annotations

import re

from core.models import LEAD_IN_MARK
from hoidap.query import Query
from hoidap.terms import coverage, normalized
from ingest.chunk import LIST_ITEM, heads_items, item_level


def lead_in_of(chunk, start: int) -> str:
    """What the list item starting at ``start`` is an item of: the nearest line above it that ends in ':' or
    heads the items ("3. Bộ Tài chính"), with the line that opens its khoản when the text was wrapped there
    ("3. Phạt tiền … đối với một trong." / "các hành vi sau:"); else the lead-in stored with a passage that
    starts inside a list; "" when none."""
    kind = _marker_kind(chunk.text[start : start + 4])
    lines = [ln.strip() for ln in chunk.text[:start].split("\n") if ln.strip()]
    for i in range(len(lines) - 1, max(-1, len(lines) - 40), -1):
        line = lines[i]
        marker = LIST_ITEM.match(line)
        if marker and _marker_kind(line) == kind and not line.endswith(":"):
            continue  # a sibling item
        if line.endswith(":") or heads_items(line):
            if not LIST_ITEM.match(line) and i and re.match(r"\d{1,2}\.\s", lines[i - 1]) and not lines[i - 1].endswith(":"):
                line = f"{lines[i - 1]} {line}"  # the khoản's first line, wrapped before the ':'
            return line if len(line) <= 400 else ""
        if marker is None and i < len(lines) - 1 and not lines[i].endswith((".", ";")):
            continue  # a wrapped line of an item
        if marker is None and i == 0:
            break  # the end of an item the passage starts inside: its lead-in is stored with the passage
        if marker is None:
            return ""
    return stored_lead_in(chunk)


# a field of an item: "- Nội dung: …", "- Cơ quan chủ trì: Bộ Công an.", "+ Thời hạn ban hành: trước ngày …"
FIELD_ITEM = re.compile(r"^\s*[-+•*]\s*[A-ZĐ][^:\n]{1,30}:\s*\S")


def item_of_field(chunk, start: int) -> str:
    """The item a field starting at ``start`` belongs to: the nearest item line above that is no field ("- Nghị định xử
    phạt … ." over "- Nội dung: …", "- Cơ quan chủ trì: …"); "" when the line is no field or none is found."""
    if not FIELD_ITEM.match(chunk.text[start : start + 60]):
        return ""
    for line in reversed([ln.strip() for ln in chunk.text[:start].split("\n") if ln.strip()][-12:]):
        if FIELD_ITEM.match(line):
            continue
        return line if LIST_ITEM.match(line) and not line.endswith(":") and len(line) <= 400 else ""
    return ""


# a lettered field of a task block: "b) Cơ quan thực hiện:", "c) Thời gian thực hiện: Hoàn thành trong năm 2025."
_BLOCK_FIELD = re.compile(r"^\s*[a-zđ]\)\s*[A-ZĐ][^:\n]{1,40}:")
# what opens a block: a numbered heading ("2. Về các nền tảng số", "**2. …**") or the block's first letter ("a) Nhiệm vụ:")
_BLOCK_OPENS = re.compile(r"^\s*(?:\*{0,2}\d{1,2}(?:\.\d{1,2})*\.\s|a\)\s)")


def block_of_field(chunk, start: int, limit: int = 1500) -> str:
    """The block a lettered field starting at ``start`` belongs to, as far as the passage holds it: its lines from the
    block's opening ("a) Nhiệm vụ: …", or a numbered heading) or the passage's start, down to the field; "" when the line
    is no lettered field. "c) Thời gian thực hiện: Hoàn thành trong năm 2025" gives the deadline of the task above it
    ("a) Nhiệm vụ: - Tổ chức triển khai, sử dụng thống nhất các nền tảng số quốc gia …"), which alone it does not name."""
    if not _BLOCK_FIELD.match(chunk.text[start : start + 60]):
        return ""
    lines = [ln.strip() for ln in chunk.text[:start].split("\n") if ln.strip()]
    block: list[str] = []
    for line in reversed(lines):
        block.insert(0, line)
        if _BLOCK_OPENS.match(line):
            break
    return " ".join(block)[-limit:]


def stored_lead_in(chunk) -> str:
    """The lead-in stored with a passage that starts inside a list (the lines of its heading after the first), or ""."""
    return " ".join(chunk.heading.split(LEAD_IN_MARK)[1:])


def section_of(chunk, start: int, paragraphs: bool = False) -> str:
    """The heading of the section a list item starting at ``start`` lies in: the nearest item above it that
    heads items of a lower level ("h) Tổ đảng ở Thường trực Ủy ban Quốc phòng và An ninh" above "- Tiếp tục rà
    soát …"), in the passage or stored with it when the passage starts inside the section; "" when none. With
    ``paragraphs``, a paragraph that is no item lies in the section of the short heading item above its paragraphs
    ("4. Sở Văn hoá, Thể thao và Du lịch" above "Định hướng các cơ quan truyền thông …")."""
    level = item_level(chunk.text[start : start + 4])
    if not level:
        return _paragraph_heading(chunk.text, start) if paragraphs else ""
    lines = [ln.strip() for ln in chunk.text[:start].split("\n") if ln.strip()]
    stored = chunk.heading.split(LEAD_IN_MARK)[1:]
    below = [*lines[1:], chunk.text[start:].strip()]  # the line under each line above the item
    for line, under in [*zip(reversed(lines), reversed(below)), *((s, "- …") for s in stored[-1:])]:
        if heads_items(line) and 0 < item_level(line) < level and item_level(under) > item_level(line):
            return line  # (a wrapped clause, "1. Phạt tiền … một trong" / "các hành vi sau:", heads nothing)
        if item_level(line) and item_level(line) < level:
            return ""  # an item of a higher level that heads no section: the item is not under a heading
    return ""


def names_strongest(query: Query, item: str, read_with: str) -> bool:
    """Whether a list item names the question's strongest term among those its lead-in and its document do not
    give: "… không gắn nhãn … bị phạt bao nhiêu?" is not answered by "đ) Cung cấp không đầy đủ thông tin …" under
    a fine's lead-in, which gives the amount for other acts."""
    around = normalized(read_with, query.exact)
    rest = {t: w for t, w in query.terms.items() if coverage({t: 1.0}, around, query.alternates) < 1.0}
    if not rest:
        return True
    strongest = max(rest, key=lambda t: rest[t])
    return coverage({strongest: 1.0}, normalized(item, query.exact), query.alternates) >= 0.5


def heads_section(text: str, start: int, end: int, paragraphs: bool = False, long: bool = False) -> bool:
    """Whether the line at start..end heads a section rather than being an item: a short item without a stop
    ("i) Tổ đảng ở Thường trực Ủy ban Văn hóa, Giáo dục") followed by items of a lower level ("- Chủ trì …"), or, with
    ``paragraphs``, by a paragraph ("4. Sở Văn hoá, Thể thao và Du lịch" / "Định hướng các cơ quan …"), or closing the
    passage after such items (its own items are in the next passage). With ``long``, a heading item of up to
    LONG_HEADING characters counts ("6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh, …": its items are
    quoted with it for a list; alone it still answers "which bodies")."""
    line = text[start:end].strip()
    marker = text[text.rfind("\n", 0, start) + 1 : start]
    if paragraphs and marker.strip() and LIST_ITEM.fullmatch(marker.strip() + " "):
        line = f"{marker.strip()} {line}"  # "4." cut from its heading as a sentence of its own
    if "\n" in line or not (heads_items(line) or long and _long_heading(line)):
        return False
    level = item_level(line)
    after = next((ln for ln in text[end:].split("\n") if ln.strip()), "")
    if after:
        return item_level(after) > level or paragraphs and _paragraph(after)
    before = next((ln for ln in reversed(text[:start].split("\n")) if item_level(ln)), "")
    return item_level(before) > level


def _marker_kind(line: str) -> str:
    """"a" for "a) ", "1" for "1. " / "1) ", "-" for a dash or a bullet."""
    return "a" if re.match(r"[a-zđ]\)", line) else "1" if line[:1].isdigit() else "-"


def _paragraph(line: str) -> bool:
    """A line of running text: no list item, no table row, a sentence ended by a stop."""
    line = line.strip()
    return not item_level(line) and "|" not in line and len(line) >= 30 and line.endswith((".", ";"))


def _paragraph_heading(text: str, start: int) -> str:
    """The short heading item ("4. Sở Văn hoá, Thể thao và Du lịch") above the paragraphs a paragraph at ``start``
    is one of; "" when the paragraph is under no such heading in the passage."""
    if not _paragraph(text[start : text.find("\n", start) if "\n" in text[start:] else len(text)]):
        return ""
    lines = [ln.strip() for ln in text[:start].split("\n") if ln.strip()]
    for line in reversed(lines[-6:]):
        if _paragraph(line):
            continue
        return line if heads_items(line) or _long_heading(line) else ""
    return ""


def _long_heading(line: str) -> bool:
    """A heading item of up to LONG_HEADING characters: "6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh, Liên
    minh Hợp tác xã Tỉnh" names the bodies its items ask of."""
    return bool(LIST_ITEM.match(line)) and len(line) <= LONG_HEADING and not line.endswith((".", ";", ",", ":"))


LONG_HEADING = 140
