"""A question shaped like a form to fill in ("Hiệu lực: từ ___ ?", "Đơn vị phối hợp: ___ ; Thời gian thực hiện: ___",
"chậm nhất ngày ___"): each blank asked in words, so the answer type and the rest of the analysis read it as a question."""

from __future__ import annotations

import re

from ingest.normalize import fold_diacritics, has_diacritics

BLANK = re.compile(r"_{2,}|\(\s*\?\s*\)")  # "___", "(?)"

# the label before a blank, folded, and what it asks: a time, an amount, a body or a thing
_TIME_LABELS = re.compile(r"\b(?:hieu luc|han|thoi han|thoi gian|thoi diem|ngay|moc|tien do|han chot|ky han)\b")
_AMOUNT_LABELS = re.compile(r"\b(?:so luong|so tien|muc|kinh phi|ty le|ti le|chi tieu|gia tri|tong so)\b")
_BODY_LABELS = re.compile(r"\b(?:co quan|don vi|chu tri|phoi hop|dau moi|noi nhan|to chuc)\b")
_TIME_WORDS = ("ngày", "tháng", "năm", "quý", "ngay", "thang", "nam", "quy")
_BOUNDS = ("từ", "đến", "trước", "sau", "chậm nhất", "kể từ", "tu", "den", "truoc", "cham nhat", "ke tu")


def form_filled(question: str) -> str:
    """The question with each blank asked in words: "Hiệu lực: từ ___ ?" → "có hiệu lực từ khi nào?"; "Đơn vị
    phối hợp: ___" → "Đơn vị phối hợp là cơ quan nào"; "chậm nhất ngày ___" → "chậm nhất ngày nào"; "Kinh phí: ___" →
    "Kinh phí là bao nhiêu". Unchanged when it has no blank."""
    if not BLANK.search(question):
        return question
    out, start = [], 0
    for blank in BLANK.finditer(question):
        before = question[start : blank.start()]
        label_at = max(before.rfind(":"), before.rfind("—"), before.rfind(";"))
        segment_at = max(before.rfind(".", 0, max(label_at, 0)), before.rfind(";", 0, max(label_at, 0)), -1) + 1
        label = fold_diacritics(before[segment_at:label_at].lower()) if label_at >= 0 else ""
        said = fold_diacritics(before[label_at + 1 :].strip().lower())
        words = before.rstrip().split()
        last = words[-1].lower() if words else ""
        if last in _TIME_WORDS:
            asked = "nào"  # "chậm nhất ngày ___"
        elif any(said.endswith(fold_diacritics(b)) for b in _BOUNDS):
            asked = "khi nào"  # "Hiệu lực: từ ___"
        elif not said and _TIME_LABELS.search(label):
            asked = "là khi nào"  # "Thời gian thực hiện: ___"
        elif not said and _AMOUNT_LABELS.search(label):
            asked = "là bao nhiêu"
        elif not said and _BODY_LABELS.search(label):
            asked = "là cơ quan nào"
        else:
            asked = "là gì" if not said else "gì"
        if label_at >= 0 and "hieu luc" in label:  # "Hiệu lực: từ ___" → "có hiệu lực từ khi nào"
            before = f"{before[:segment_at]} có hiệu lực {before[label_at + 1 :].strip()} ".replace("  ", " ")
        elif label_at >= 0 and not said:  # "Label: ___" → "Label là …": the colon would make the label a frame
            before = before[:label_at].rstrip() + " "
        out.append(before + asked)
        start = blank.end()
    filled = "".join(out) + question[start:]
    return filled if has_diacritics(question) else fold_diacritics(filled)  # typed without diacritics: kept so
