"""What a pasted message wraps around a question: an e-mail's forwarded header and its signature, a chat's time stamps
and senders, Markdown and HTML marks, a PDF's line-break hyphens, a document named by its file name or web address,
years written with two digits.

Each function returns the question as it would have been typed plainly; what it cannot read it leaves as it is.
"""

from __future__ import annotations

import html
import re

from core.lexicon import DOC_TYPES, TYPE_BY_CODE
from ingest.normalize import fold_diacritics

# --- e-mail ---------------------------------------------------------------------------------------------------------
# (matched on the line folded: lower case, without marks, as it may be typed)
_FORWARD_RULE = re.compile(r"^\s*-{2,}\s*(?:forwarded message|original message|tin nhan chuyen tiep|thu chuyen tiep)\s*-{2,}\s*$")
_HEADER = re.compile(
    r"^\s*(?P<field>from|to|cc|bcc|date|sent|subject|reply-to|tu|nguoi gui|den|gui toi|nguoi nhan|ngay|ngay gui|"
    r"thoi gian|tieu de|chu de|ve viec)\s*:\s*(?P<value>.*)$"
)
_SUBJECT_FIELDS = {"subject", "tieu de", "chu de", "ve viec"}
_REPLY_MARK = re.compile(r"^\s*(?:(?:re|fwd?|tl|tr|chuyển tiếp)\s*:\s*)+", re.I)
# a closing formula on its own line ends the message; what follows is the sender's name, office, telephone
_CLOSING = re.compile(
    r"^\s*(?:tran trong|(?:xin )?(?:chan thanh )?cam on(?: va tran trong)?|than ai|than|kinh thu|kinh|best(?: regards)?|"
    r"regards|thanks|thank you|cheers|--|—)\s*[,.!]*\s*$"
)
_SIGNATURE_LINE = re.compile(r"^\s*(?:dt|tel|sdt|dien thoai|mobile|email|e-mail|fax)\s*[:.]")


def without_email_frame(question: str) -> str:
    """The question without a forwarded e-mail's header lines and without the signature after a closing formula
    ("Trân trọng,\\nNguyễn Văn A\\nPhòng …"). A subject line that says more than "Fwd:" is kept, before the question,
    as what it is about ("Subject: Fwd: CV 402 … xin ý kiến dự thảo báo cáo NQ 57")."""
    lines = question.split("\n")
    if len(lines) < 2:
        return question
    kept: list[str] = []
    subject = ""
    for line in lines:
        folded = fold_diacritics(line.lower())
        if _FORWARD_RULE.match(folded):
            continue
        header = _HEADER.match(folded)
        if header and not kept:  # header fields open the message
            if header.group("field") in _SUBJECT_FIELDS:
                subject = _REPLY_MARK.sub("", line[line.index(":") + 1 :]).strip()
            continue
        if kept and (_CLOSING.match(folded) or _SIGNATURE_LINE.match(folded)):
            break  # "Trân trọng," and the signature under it
        kept.append(line)
    body = "\n".join(kept).strip()
    if not body:
        return question
    if subject and fold_diacritics(subject.lower()) not in fold_diacritics(body.lower()):
        body = f"{subject.rstrip('.:;')}. {body}"
    return body


# --- chat lines ---------------------------------------------------------------------------------------------------
# "[9:02] Hà: …", "09:02 Hà: …", "[09:02 SA] …": a chat app's time stamp, then maybe who sent the line
_CHAT_STAMP = re.compile(r"^\s*(?:\[\s*\d{1,2}[:h.]\d{2}(?:[:.]\d{2})?(?:\s*(?:AM|PM|SA|CH))?\s*\]|\d{1,2}:\d{2}(?:\s*(?:AM|PM|SA|CH))?(?=\s))\s*", re.I)
_SPEAKER = re.compile(r"^\s*(?P<name>[^\W\d_][^\W\d_]*(?:\s+[^\W\d_]+){0,3})\s*:\s+")


def without_chat_frame(question: str) -> str:
    """One question sent as several chat lines, read as one: each line's time stamp and sender's name set aside and the
    lines joined ("[9:02] Hà: cho em hỏi cái kế hoạch 308\\n[9:02] Hà: bên sở nào chủ trì vậy" → "cho em hỏi cái kế
    hoạch 308, bên sở nào chủ trì vậy"). Lines are read as chat lines when two or more carry a time stamp or the same
    sender's name (a capitalised name: "Hỏi:" on one line is a label, left to the label rule)."""
    lines = [line for line in question.split("\n") if line.strip()]
    if len(lines) < 2:
        return question
    stamped = [bool(_CHAT_STAMP.match(line)) for line in lines]
    bare = [_CHAT_STAMP.sub("", line, count=1) for line in lines]
    speakers = [m.group("name") if (m := _SPEAKER.match(line)) and m.group("name")[:1].isupper() else "" for line in bare]
    named = max((speakers.count(n) for n in set(speakers) if n), default=0)
    if sum(stamped) < 2 and named < 2:
        return question
    said = [_SPEAKER.sub("", line, count=1) if name else line for line, name in zip(bare, speakers)]
    said = [line.strip() for line in said if line.strip()]
    return "".join(line + ("" if i == len(said) - 1 else " " if line[-1] in ".,;:?!…" else ", ") for i, line in enumerate(said))


# --- Markdown and HTML ----------------------------------------------------------------------------------------------
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_EMPHASIS = re.compile(r"(?<![\w*_`~])(\*{1,3}|_{1,3}|`{1,3}|~~)(?![*_`~\s])(.+?)(?<![*_`~\s])\1(?![\w*_`~])")
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s+", re.M)
_QUOTE_MARK = re.compile(r"^\s*>\s?", re.M)


def without_markup(question: str) -> str:
    """The question without Markdown and HTML marks around its words ("**QĐ 2629**", "_chủ trì_", "`NĐ 224`",
    "<b>Điều 15</b>", "&nbsp;", "# …", "> …"); a word with an underscore inside ("ND_224") is left as it is."""
    text = html.unescape(question.replace("&nbsp;", " ")) if "&" in question else question
    text = _TAG.sub(" ", text)
    for _ in range(2):  # "**_QĐ 2629_**"
        text = _EMPHASIS.sub(r"\2", text)
    text = _HEADING_MARK.sub("", _QUOTE_MARK.sub("", text))
    return re.sub(r"[ \t\u00a0]{2,}", " ", text).strip() if text != question else question


# --- PDF line breaks ------------------------------------------------------------------------------------------------
_VOWEL = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_BROKEN = re.compile(rf"(\w)-[ \t]*\n[ \t]*(\w)", re.I)


def joined_line_breaks(question: str) -> str:
    """Words a PDF broke at a line end with a hyphen joined again: "dữ li-\\nệu" → "dữ liệu" (a syllable split between
    two vowels), "các cơ-\\nquan" → "các cơ quan" (two syllables)."""
    def join(m: re.Match) -> str:
        inside = m.group(1).lower() in _VOWEL and m.group(2).lower() in _VOWEL
        return f"{m.group(1)}{'' if inside else ' '}{m.group(2)}"

    return _BROKEN.sub(join, question)


# --- documents named by file name or web address --------------------------------------------------------------------
_FILE = re.compile(
    r"(?:(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:vn|com|org|net|gov)(?:/[^\s,;)\"']*)+|"  # a web address
    r"[\w\-.()]*\d[\w\-.()]*\.(?:pdf|docx?|odt|rtf|md|txt|html?|xlsx?))",  # a file name with a number in it
    re.I,
)
_CONTAINER = re.compile(r"(?:(?:trong|của|ở|tại)\s+)?(?:file|tệp(?:\s+tin)?|tập\s+tin|link|đường\s+dẫn|trang|văn\s+bản\s+ở\s+link)\s*$", re.I)
# type words and codes as file names write them (folded, without marks), and the type they name
_TYPE_WORDS = {
    **{fold_diacritics(code.lower()): doc_type for code, doc_type in TYPE_BY_CODE.items()},
    **{fold_diacritics(doc_type.lower()): doc_type for doc_type in DOC_TYPES},
}


def document_of_file(name: str) -> str:
    """"Nghị định 224/2026" for "ND_224_2026_ND-CP.pdf", "Quyết định 2629" for ".../quyet-dinh-2629-qd-ttg..."; "" when
    the name gives no type word and number."""
    stem = re.sub(r"\.(?:pdf|docx?|odt|rtf|md|txt|html?|xlsx?)$", "", name.rsplit("/", 1)[-1] or name, flags=re.I)
    if "/" in name and not re.search(r"\d", stem):
        stem = next((part for part in reversed(name.split("/")) if re.search(r"\d", part)), stem)
    pieces = [p for p in re.split(r"[_\-.\s()]+", fold_diacritics(stem.lower()).replace("đ", "d")) if p]
    doc_type = number = year = ""
    for i, piece in enumerate(pieces):
        pair = " ".join(pieces[i : i + 2])
        if not doc_type and (pair in _TYPE_WORDS or piece in _TYPE_WORDS):
            doc_type = _TYPE_WORDS.get(pair) or _TYPE_WORDS[piece]
        elif not number and re.fullmatch(r"\d{1,5}", piece) and not re.fullmatch(r"(?:19|20)\d\d", piece):
            number = piece
            after = pieces[i + 1] if i + 1 < len(pieces) else ""
            year = after if re.fullmatch(r"(?:19|20)\d\d", after) else ""
    if not (doc_type and number):
        return ""
    return f"{doc_type} {number}/{year}" if year else f"{doc_type} {number}"


def files_named(question: str) -> str:
    """A document named by its file name or web address read as named by type and number: "Trong file
    ND_224_2026_ND-CP.pdf, Điều nào …" → "Trong Nghị định 224/2026, Điều nào …"."""
    out, last = [], 0
    for m in _FILE.finditer(question):
        document = document_of_file(m.group(0).rstrip("./"))
        if not document:
            continue
        before = question[last : m.start()]
        container = _CONTAINER.search(before)
        if container:
            lead = re.match(r"(?:trong|của|ở|tại)\s+", container.group(0), re.I)
            before = before[: container.start()] + (lead.group(0) if lead else "")
        out += [before, document]
        last = m.end()
    return "".join(out) + question[last:] if out else question


# --- two-digit years ------------------------------------------------------------------------------------------------
_SHORT_YEAR_WORD = re.compile(r"(?<!\w)(?P<lead>(?:(?:hết|cuối|đầu|giữa)\s+)?năm\s+)(?P<yy>[2-4]\d)(?![\w/.,%]|\s*(?:%|phần|tuổi|lần))", re.I)
_SHORT_YEAR_DATE = re.compile(r"(?<![\w/])(?P<lead>(?:t|th|tháng|q|quý)\s*\.?\s*(?:\d{1,2}|i{1,3}|iv)\s*/\s*)(?P<yy>[2-4]\d)(?![\w/])", re.I)
_SHORT_YEAR_DAY = re.compile(r"(?<![\w/])(?P<lead>\d{1,2}/\d{1,2}/)(?P<yy>[2-4]\d)(?![\w/])")
_NUMBER_SHORT_YEAR = r"(?<!\w)(?P<lead>(?:NĐ|NQ|QĐ|TT|KH|Luật|Nghị định|Nghị quyết|Quyết định|Thông tư)\s*\d{1,5})/(?P<yy>[12]\d)"
_SHORT_YEAR_NUMBER = re.compile(_NUMBER_SHORT_YEAR + r"(?=/[A-ZĐ])", re.I)  # "Luật 20/23/QH15": a whole số hiệu
_SHORT_YEAR_OF = re.compile(_NUMBER_SHORT_YEAR + r"(?![\w/])", re.I)  # "NQ 03/25": the number and its year


def full_years(question: str) -> str:
    """Years written with two digits read as 20xx where a date or a year is meant: "năm 35", "hết năm 30", "t12/25",
    "Q4/25", "26/6/25", "Luật 20/23/QH15"; "NĐ 224/26", "NQ 03/25" as "NĐ 224 năm 2026", "NQ 03 năm 2025" (not every số
    hiệu holds its year: "03/NQ-CP"). Years 2020–2049 only, the years of these documents and their plans."""
    full = lambda m: f"{m.group('lead')}20{m.group('yy')}"  # noqa: E731
    text = _SHORT_YEAR_NUMBER.sub(lambda m: f"{m.group('lead')}/20{m.group('yy')}", question)
    text = _SHORT_YEAR_OF.sub(lambda m: f"{m.group('lead')} năm 20{m.group('yy')}", text)  # "03/NQ-CP" has no year
    text = _SHORT_YEAR_DAY.sub(full, text)
    text = _SHORT_YEAR_DATE.sub(full, text)
    return _SHORT_YEAR_WORD.sub(full, text)
