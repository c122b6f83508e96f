"""A question asking what a part of a document is called: "Chương II của Luật Giao dịch điện tử có tên là gì?", "Điều 9
… nói về việc gì?" (answered from the document's structure: hoidap/answer/headings.py)."""

from __future__ import annotations

import re

# the unit a question names and asks the heading of, folded: "chuong ii", "dieu 9", "muc iii", "phan 2", "phu luc i"
_UNIT = re.compile(r"\b(chuong|phan|muc|dieu|phu luc)\s+([ivxlc]+|\d{1,3})\b")
# … asked for its name or subject, at the question's end: "có tên (gọi) là gì", "có tiêu đề gì", "nói về (việc) gì"
_ASKED = re.compile(
    r"\b(?:co ten(?: goi)?(?: la)?(?: gi)?|ten(?: goi)?(?: cua no)? la gi|(?:co )?tieu de(?: la)?(?: gi)?|ten (?:dieu|chuong|muc|phan)"
    r"(?: la)? gi|noi ve (?:viec |van de |noi dung |dieu )?gi|de cap (?:den |toi )?(?:viec |van de |noi dung )?gi"
    r"|quy dinh ve (?:viec |van de |noi dung )?gi)\s*\??\s*$"
)


# several units asked at once: "Hai phụ lục kèm theo Quyết định 2629 có tên lần lượt là gì?", "các chương của Luật …"
_UNITS = re.compile(r"\b(?:cac|nhung|hai|ba|bon|nam|sau|bay|tam)\s+(chuong|phan|muc|phu luc)\b(?!\s+(?:[ivxlc]+|\d+)\b)")
_NAMES_ASKED = re.compile(r"\b(?:(?:co )?ten(?: goi)?(?: lan luot)?(?: la)? gi|(?:co )?tieu de(?: lan luot)?(?: la)? gi)\s*\??\s*$")
# the parts a unit is divided into: "Mục III của Kế hoạch 144 được chia thành những phần nào?", "Chương II gồm những mục nào?"
_PARTS_ASKED = re.compile(
    r"\b(?:duoc )?(?:chia (?:thanh|lam)|gom|bao gom)(?: (?:nhung|cac|may))? (?:phan|muc|tieu muc|noi dung|dieu)(?: (?:nao|gi))?\s*\??\s*$"
)


def heading_asked(folded: str) -> str:
    """The unit a question asks the heading of, folded ("chuong ii"); "phu luc *" when it asks the headings of all
    units of a kind ("Hai phụ lục … có tên lần lượt là gì?"); "muc iii >" when it asks the parts a unit is divided into
    ("Mục III … được chia thành những phần nào?"); "" when it asks none. Only the question's first unit counts, and only
    when the question ends by asking a name, a subject or the parts."""
    found = _UNIT.search(folded)
    if found and _PARTS_ASKED.search(folded):
        return f"{found.group(1)} {found.group(2)} >"
    several = _UNITS.search(folded)
    if several and _NAMES_ASKED.search(folded) and not found:
        return f"{several.group(1)} *"
    if not _ASKED.search(folded):
        return ""
    return f"{found.group(1)} {found.group(2)}" if found else ""


# a table row asked by its number: "nhiệm vụ số 75 trong Phụ lục II", "chỉ tiêu thứ 6", "dòng số 12", "STT 9"
_ROW = re.compile(r"\b(?:nhiem vu|chi tieu|giai phap|dong|hang|stt)\s+(?:thu |so |so thu tu )?(\d{1,3})\b(?!\s*%|[.,]\d)")  # not "chỉ tiêu 25%"


def row_asked(folded: str) -> str:
    """The number of the table row a question asks of ("75"), "" when it asks none."""
    found = _ROW.search(folded)
    return found.group(1) if found else ""



# the group a table row is asked in: "nhiệm vụ thứ 10 trong nhóm “Hoàn thiện thể chế” ở Phụ lục II", "… thuộc nhóm
# Hoàn thiện thể chế do cơ quan nào …" (folded)
_ROW_GROUP = re.compile(
    r"\bnhom\s+(?!(?:nhiem vu\s+)?thu\b)(?:nhiem vu\s+)?[\"“']?([a-z][a-z ,]{3,60}?)[\"”']?(?=\s+(?:o|trong|cua|thuoc|phai|do|duoc|tai|la|co)\b|\s*[,?]|$)"
)


def row_group_asked(folded: str) -> str:
    """The group of a table a row is asked in ("hoan thien the che"), "" when none is named."""
    found = _ROW_GROUP.search(folded)
    return found.group(1).strip() if found else ""
