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


def heading_asked(folded: str) -> str:
    """The unit a question asks the heading of, folded ("chuong ii"); "" when it asks none. Only the question's first
    unit counts, and only when the question ends by asking a name or a subject."""
    if not _ASKED.search(folded):
        return ""
    found = _UNIT.search(folded)
    return f"{found.group(1)} {found.group(2)}" if found else ""
