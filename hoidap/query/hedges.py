"""What a question says around what it asks, read away: rules of spoken Vietnamese.

- Hedges and embedding leads ask nothing: "Tôi nhớ mang máng …", "Hình như … thì phải", "Tôi muốn biết liệu …",
  "Xin hỏi xem …", "Không rõ …", "…, bạn có biết không?" — the question inside them is what is asked (its words are
  looked for in the documents; "mang máng", "liệu" are not).
- A correction inside the question replaces what it corrects: "Theo Nghị định 45/2026, à nhầm, Nghị định 224/2026/NĐ-CP,
  …" asks of Nghị định 224; "đến hết năm 2045, à nhầm, năm 2040 …" of 2040; "Bộ Tài chính — xin lỗi, Bộ Công an — …"
  of Bộ Công an. What is corrected is the last phrase before the correction that begins with the word the correction
  begins with ("Nghị định", "năm", "Bộ").
- Courtesies ask nothing: a greeting before the question ("Chào anh/chị,", "Dạ em chào anh chị,", "Kính chào quý cơ
  quan,"), "Dạ", "Nếu không phiền,", thanks after it ("Em cảm ơn nhiều ạ!", "Xin cảm ơn.", ", e cảm ơn") and the polite
  particle "ạ" ending a sentence.
"""

from __future__ import annotations

import re

# leads that embed the question or hedge it, at its start (diacritics optional), longest first
_LEADS = re.compile(
    r"^\s*(?:(?:tôi|em|e|mình|toi|minh)\s+)?(?:"
    r"nhớ mang máng|nho mang mang|nhớ không nhầm thì|nhớ không lầm thì|nho khong nham thi|"
    r"muốn biết|muon biet|muốn hỏi|muon hoi|"
    r"(?:xin|cho (?:tôi|em|mình|toi|minh))\s+hỏi|(?:xin|cho (?:toi|em|minh))\s+hoi|xin phép hỏi|xin phep hoi|cho hỏi|cho hoi|"
    r"(?:anh chị|anh/chị|a/c)\s+cho (?:tôi|em|mình)\s+hỏi|(?:hỏi|hoi)\s+(?:chút|chut|tí|ti|một chút|mot chut)|"
    r"nghe nói|nghe noi|hình như|hinh nhu|không rõ|khong ro|không biết|khong biet"
    r")(?:\s+(?:là|rằng|liệu|xem|la|rang|lieu))*\s*[,:]?\s+",
    re.I,
)
# tails that ask nothing: "…, bạn có biết không?", "… thì phải"
_TAILS = re.compile(
    r"\s*,?\s*(?:(?:bạn|anh|chị|em|ban|anh|chi)\s+(?:có\s+)?(?:biết|biet)\s+(?:không|khong|ko)|thì phải|thi phai)"
    r"(?=\s*[,.?!]|\s*$)",
    re.I,
)
# "à nhầm,", "à không,", "— xin lỗi,": a bare "không," ends a yes/no question ("… có áp dụng không, còn …?"), no correction
_CORRECTION = re.compile(
    r"\s*(?:,\s*|\s+[—–-]\s*|\s+)(?:(?:à|ồ|ờ|a|o)\s+(?:nhầm|nham|không|khong)|nhầm|nham|xin lỗi|xin loi|sorry)"
    r"\s*(?:,|:|—|–|-)\s*",
    re.I,
)
_CORRECTED_REACH = 12
# a greeting, "Dạ" or "Nếu không phiền" opening the question; whom it greets is up to three words before "," "." "!" ":"
_GREETING = re.compile(
    r"^\s*(?:(?:dạ|da|vâng|vang)\s*[,.]?\s+)?(?:(?:(?:em|e|tôi|mình|toi|minh|con)\s+)?(?:xin\s+|kính\s+|kinh\s+)?"
    r"(?:chào|chao|thưa)(?:\s+[\w/]+){0,3}?\s*[,.!:]\s*|(?:nếu|neu)\s+(?:không|khong)\s+(?:phiền|phien)\s*[,:]?\s*)",
    re.I,
)
_OPENING_DA = re.compile(r"^\s*(?:dạ|da|vâng|vang)\s*[,.]?\s+(?=(?:xin|cho|em|tôi|mình)\b)", re.I)
# thanks closing the question: "Em cảm ơn nhiều ạ!", "Xin cảm ơn.", ", e cảm ơn", "Thanks!"
_THANKS = re.compile(
    r"(?:(?<=[.?!])|\s*,)\s*(?:(?:em|e|tôi|mình|toi|minh|con|xin|chân thành|chan thanh)\s+)*"
    r"(?:cảm ơn|cám ơn|cam on|thanks|thank you|tks)(?:\s+(?:anh chị|anh/chị|a/c|ad|admin|bạn|ban|nhiều|nhieu|rất nhiều|"
    r"rat nhieu|ạ|a|nhé|nhe|nha))*\s*[.!]*\s*$",
    re.I,
)
_POLITE_PARTICLE = re.compile(r"\s+(?:ạ)(?=\s*(?:[?.!,]|$))")  # words back from the correction where what it corrects may begin


def without_hedges(question: str) -> str:
    """The question with the leads that embed or hedge it and the tails that ask nothing left out ("Tôi nhớ mang máng
    trong Quy định 384 có một điều …, đó là điều nào?" → "trong Quy định 384 có một điều …, đó là điều nào?"); the
    question itself when nothing is left out or too little would be left."""
    rest, led = question, False
    for _ in range(2):  # "Cho em hỏi là không biết …": two leads
        lead = _LEADS.match(rest)
        if lead:
            rest, led = rest[lead.end() :], True
    rest = _TAILS.sub("", rest)
    if len(rest.split()) < 3:
        return question
    return rest[:1].upper() + rest[1:] if led else rest


def without_courtesies(question: str) -> str:
    """The question with the courtesies around it left out ("Chào anh/chị, cho em hỏi Quyết định … trước thời điểm nào
    ạ? Em cảm ơn nhiều ạ!" → "cho em hỏi Quyết định … trước thời điểm nào?"); the question itself when too little would
    be left."""
    rest = _THANKS.sub("", question)
    rest = _GREETING.sub("", rest, count=1)
    rest = _OPENING_DA.sub("", rest, count=1)
    rest = _POLITE_PARTICLE.sub("", rest).strip()
    if len(rest.split()) < 3:
        return question
    return rest[:1].upper() + rest[1:] if question.lstrip()[:1].isupper() else rest


# what is pasted around a question, at its start: e-mail subject marks ("Re: Fw:", "TL:"), a number or label ("Câu 12:",
# "Câu hỏi 3.", "Q:", "Hỏi -", "Hỏi thêm:"), a tag in square brackets ("[Phòng TH]"), a banner ("--- nhờ tra ---")
_LABEL = re.compile(
    r"^\s*(?:(?:re|fw|fwd|tl|trl)\s*:|(?:câu hỏi|cau hoi|câu|cau|hỏi thêm|hoi them|hỏi|hoi|q)\s*\d{0,3}\s*(?:[:.)]|\s-)"
    r"|\[[^\[\]]{1,40}\]|-{2,}[^-\n]{1,30}-{2,})\s*",
    re.I,
)
_HASHTAG = re.compile(r"(?<![\w#])#[^\W\d_][\w]*")  # "#chuyendoiso", "#BVDLCN"


def without_labels(question: str) -> str:
    """The question without the labels pasted around it ("Re: Fw: Câu 2: [Phòng TH] còn thời hạn … thì sao? #cds" →
    "còn thời hạn … thì sao?"); the question itself when too little would be left."""
    rest = _HASHTAG.sub(" ", question)
    for _ in range(6):
        found = _LABEL.match(rest)
        if not found:
            break
        rest = rest[found.end() :]
    rest = " ".join(rest.split())
    return question if len(rest.split()) < 3 else rest


def corrected_inline(question: str) -> str:
    """The question with each correction inside it applied ("Theo Nghị định 45/2026, à nhầm, Nghị định 224/2026/NĐ-CP,
    …" → "Theo Nghị định 224/2026/NĐ-CP, …"); the question itself when no correction is found or what it corrects is
    not."""
    for _ in range(3):
        found = [(m, start) for m in _CORRECTION.finditer(question) if (start := _corrected_start(question, m)) is not None]
        if not found:
            return question
        marker, start = found[0]
        question = question[:start] + question[marker.end() :]
    return question


def _corrected_start(question: str, marker: re.Match) -> int | None:
    """Where what a correction marker corrects begins: the last word before it, within _CORRECTED_REACH words, that is
    the first word after it (case and diacritics as typed); None when there is none (then it is no correction)."""
    after = re.match(r"\s*([\w/]+)", question[marker.end() :])
    if not after:
        return None
    head = after.group(1).lower()
    words = list(re.finditer(r"[\w/]+", question[: marker.start()]))[-_CORRECTED_REACH:]
    same = [w for w in words if w.group(0).lower() == head]
    return same[-1].start() if same else None
