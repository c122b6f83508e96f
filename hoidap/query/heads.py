"""The head of a body named by its function: a rule of Vietnamese administrative language. "Người đứng đầu" a body is
its head's office, which the documents write: of the Government the Thủ tướng, of a ministry (or of its sector,
"ngành công an") the Bộ trưởng of that ministry, of a department the Giám đốc, of a people's committee its Chủ tịch.
"Người đứng đầu ngành công an được giao việc gì?" is read "Bộ trưởng Bộ Công an được giao việc gì?"."""

from __future__ import annotations

import re

_HEAD = r"(?:người đứng đầu|nguoi dung dau|thủ trưởng|thu truong)"
_RULES = (
    (re.compile(rf"{_HEAD}\s+(?:chính phủ|nội các|chinh phu|noi cac)", re.I), lambda m: "Thủ tướng Chính phủ"),
    (re.compile(rf"{_HEAD}\s+(?:ngành|bộ|nganh|bo)\s+(\w+(?:\s+(?!được|duoc|là|la|có|co|phải|phai)\w+)?)", re.I),
     lambda m: f"Bộ trưởng Bộ {m.group(1)[:1].upper()}{m.group(1)[1:]}"),
    (re.compile(rf"{_HEAD}\s+(?:sở|so)\s+(\w+(?:\s+(?!được|duoc|là|la|có|co|phải|phai)\w+)?)", re.I),
     lambda m: f"Giám đốc Sở {m.group(1)[:1].upper()}{m.group(1)[1:]}"),
    (re.compile(rf"{_HEAD}\s+(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd|chính quyền|chinh quyen)\s+(tỉnh|thành phố|xã|phường|tinh|thanh pho|xa|phuong)", re.I),
     lambda m: f"Chủ tịch Ủy ban nhân dân {m.group(1)}"),
)


def heads_named(question: str) -> str:
    """The question with each body's head named by function written as the office ("người đứng đầu Chính phủ" →
    "Thủ tướng Chính phủ", "người đứng đầu ngành công an" → "Bộ trưởng Bộ Công an")."""
    for pattern, office in _RULES:
        question = pattern.sub(office, question)
    return question
