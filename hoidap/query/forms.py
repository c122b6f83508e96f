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
# a blank between a verb of having and a noun counts it ("có ___ Tổ Công tác"); after an agent word it names who ("do ___
# làm Tổ trưởng", "được giao cho ___")
_COUNTING = re.compile(r"\b(?:co|gom|bao gom|thanh lap|lap|dat|chon|cu)\s*$")
_UNIT_AFTER = re.compile(r"(?:đồng|triệu|tỷ|%|phần trăm|người|ngày|tháng|giờ|ký tự|lần|dong|trieu|ty|nguoi|ngay|thang|gio)(?!\w)", re.I)
_AGENT = re.compile(r"\b(?:do|boi|giao cho|giao|cho|cua)\s*$")


# the request a blank is set with: "Điền vào chỗ trống:", "Điền hai chỗ trống theo …:", "Hoàn thành câu sau theo …:"
_FILL_REQUEST = re.compile(
    r"^\s*(?:hãy\s+|hay\s+)?(?:điền|dien|hoàn thành|hoan thanh|hoàn chỉnh|hoan chinh)\s+(?:vào\s+|vao\s+)?"
    r"(?:(?:hai|ba|các|những|cac|nhung|\d)\s+)?(?:chỗ trống|cho trong|câu|cau|đoạn|doan)(?:\s+(?:sau|sau đây|sau day))?"
    r"\s*(?=[:,]|\s+(?:theo|trong)\b)[:,]?\s*",
    re.I,
)


def form_filled(question: str) -> str:
    """The question with each blank asked in words: "Hiệu lực: từ ___ ?" → "có hiệu lực từ khi nào?"; "Đơn vị
    phối hợp: ___" → "Đơn vị phối hợp là cơ quan nào"; "chậm nhất ngày ___" → "chậm nhất ngày nào"; "Kinh phí: ___" →
    "Kinh phí là bao nhiêu". Unchanged when it has no blank."""
    if not BLANK.search(question):
        return question
    request = _FILL_REQUEST.match(question)
    if request:  # the request asks nothing; what it frames the sentence with ("theo Quyết định 2629") stays
        rest = re.sub(r"[\"“”‘’«»]|(?<!\w)'|'(?!\w)", "", question[request.end() :]).strip()  # the sentence quoted: no phrase
        question = rest[:1].upper() + rest[1:]
    out, start = [], 0
    for blank in BLANK.finditer(question):
        before = question[start : blank.start()]
        label_at = max(before.rfind(":"), before.rfind("—"), before.rfind(";"))
        segment_at = max(before.rfind(".", 0, max(label_at, 0)), before.rfind(";", 0, max(label_at, 0)), -1) + 1
        label = fold_diacritics(before[segment_at:label_at].lower()) if label_at >= 0 else ""
        said = fold_diacritics(before[label_at + 1 :].strip().lower())
        words = before.rstrip().split()
        last = words[-1].lower() if words else ""
        after = question[blank.end() :].lstrip()
        if last in _TIME_WORDS:
            asked = "nào"  # "chậm nhất ngày ___"
        elif _COUNTING.search(said) and after[:1].isalpha() or _UNIT_AFTER.match(after):
            asked = "bao nhiêu"  # "có ___ Tổ Công tác", "phụ cấp ___ đồng"
        elif _AGENT.search(said):
            asked = "ai"  # "do ___ làm Tổ trưởng", "được giao cho ___"
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
