"""Normalize: Unicode NFC, Markdown stripped to faithful plain text, PDF line breaks mended.

Also the matching forms used by the index: one tone-mark placement and diacritic folding.
"""

from __future__ import annotations

import re
import unicodedata

from core.models import CELL_SEPARATOR, PAGE_MARK
from ingest.legacy import is_vietnamese_syllable, repair_text

# ---------------------------------------------------------------- display text

_FRONT_MATTER = re.compile(r"\A\s*---\n(.*?)\n---\s*\n", re.S)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'])")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*\*|\*\*|__)(.+?)\1")
_MD_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_STRAY_STAR = re.compile(r"(?<=\S)\*|\*(?=\S)")
_MD_HEADING = re.compile(r"^\s{0,6}#{1,6}\s+")
_MD_BULLET = re.compile(r"^(\s*)[*+]\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_DECORATION = re.compile(r"^[\s*_\\\-—–=]+$")
_HR = re.compile(r"^\s*([-*_—–]\s*){3,}$")
_HTML_TAG = re.compile(r"</?(?:br|b|i|u|strong|em|span|div|p|sup|sub)\b[^>]*>", re.I)
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*-)?\s*$", re.I)
_NEWS_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s*")


def nfc(text: str) -> str:
    """Unicode NFC (composed characters), the form every later stage assumes."""
    return unicodedata.normalize("NFC", text)


def split_front_matter(text: str) -> tuple[str, dict]:
    """Remove a leading YAML front-matter block; return (rest, its fields: scalars, and lists joined by "; ")."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    fields: dict[str, str] = {}
    key = ""
    for line in match.group(1).splitlines():
        item = re.match(r"^\s*-\s+(.+)$", line)
        if item and key and key not in fields:  # a list ("replaces:\n  - 90/2016/NĐ-CP"): its items joined by "; "
            lists = fields.setdefault("\x00" + key, [])
            lists.append(item.group(1).strip().strip("'\""))
            continue
        name, sep, value = line.partition(":")
        if sep and name.strip() and not name.startswith((" ", "-")):
            key = name.strip()
            if value.strip():
                fields[key] = value.strip().strip("'\"")
    for name in [k for k in fields if k.startswith("\x00")]:
        fields[name[1:]] = "; ".join(fields.pop(name))
    return text[match.end() :], fields


def take_news_date(text: str) -> tuple[str, str]:
    """A leading ``date 2023-04`` marker (bundled news files) → (text without it, the date)."""
    match = _NEWS_DATE.match(text)
    if not match:
        return text, ""
    return text[match.end() :], match.group(1)


def _strip_markdown_line(line: str) -> str | None:
    if _TABLE_RULE.match(line) or _HR.match(line):
        return None
    line = _MD_HEADING.sub("", line)
    line = _MD_BULLET.sub(r"\1- ", line)
    if "|" in line:  # a table row (also the multi-line cells of Word→Markdown headers)
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        line = CELL_SEPARATOR.join(c for c in cells if c and not _DECORATION.match(c))
    line = _MD_LINK.sub(r"\1", line)
    line = _HTML_TAG.sub(" ", line)
    for _ in range(2):
        line = _MD_EMPHASIS.sub(r"\2", line)
    line = _MD_ITALIC.sub(r"\1", line)
    line = line.replace("**", "")
    line = _STRAY_STAR.sub("", line)
    line = _MD_ESCAPE.sub(r"\1", line)
    if line.endswith("\\"):
        line = line[:-1]
    return line


def strip_markdown(text: str) -> str:
    """Markdown → plain text with the same words: syntax, escapes and table rules removed."""
    out = []
    for line in text.split("\n"):
        stripped = _strip_markdown_line(line)
        if stripped is not None:
            out.append(stripped)
    return "\n".join(out)


_BLOCK_START = re.compile(
    r"^(?:[-–•+]\s|\d{1,3}[.)]\s|[a-zđ][).]\s|[IVXLC]+\.\s|(?:Điều|Chương|Mục|Phần)\s|[A-ZĐ]{2,}\b)"
)
_SENTENCE_END = re.compile(r"[.:;!?…\"”)]\s*$")
_STRAY_PERIOD = re.compile(r"[a-zà-ỹđ]{2,}\.\s*$")  # "… tần số." before a line going on in lower case: OCR noise
_DOCUMENT_NAMED = re.compile(r"^(?:Nghị định|Luật|Quyết định|Thông tư|Nghị quyết|Pháp lệnh) số \d")


def _goes_on(previous: str, line: str) -> bool:
    """Whether ``line`` continues the sentence of ``previous`` (a line break of the conversion, not the text's):
    it starts in lower case after a line without closing punctuation, or after a stray OCR period ("tần số. /
    vô tuyến điện"); it starts with a number after a comma ("93b, / 96 và các điều"); or it names a document by
    số hiệu ("Nghị định số 15/2020/NĐ-CP …"), which never opens a heading, after a line without punctuation."""
    if not line or previous.isupper() or _BLOCK_START.match(line):  # a heading line ends without punctuation
        return False
    ended = _SENTENCE_END.search(previous)
    if line[0].islower():
        return not ended or bool(_STRAY_PERIOD.search(previous))
    if line[0].isdigit():
        return previous.rstrip().endswith(",")
    return not ended and bool(_DOCUMENT_NAMED.match(line))


def mend_broken_lines(text: str) -> str:
    """Join lines a PDF/OCR conversion broke inside a sentence (also across blank lines and page breaks);
    drop page numbers. A page mark stays in front of the first word of its page."""
    out: list[str] = []
    pending = ""  # page marks whose page has not yet shown a line of text
    for line in text.split("\n"):
        mark = PAGE_MARK * (len(line) - len(line.lstrip(PAGE_MARK)))
        body = line[len(mark) :]
        stripped = body.strip()
        if _PAGE_NUMBER.match(body) or (mark and not stripped):
            pending += mark
            continue
        mark, pending = pending + mark, ""
        last = len(out) - 1
        while last >= 0 and not out[last].strip():
            last -= 1
        if last >= 0 and _goes_on(out[last], stripped):
            out[last] = out[last].rstrip() + " " + mark + stripped
            del out[last + 1 :]
        else:
            out.append(mark + body)
    if pending:
        out.append(pending)
    return "\n".join(out)


def take_page_marks(text: str) -> tuple[str, list[int]]:
    """(text without page marks, offset where each page starts: [0, start of page 2, …]); [] when the
    text has no marks (not a paged format)."""
    if PAGE_MARK not in text:
        return text, []
    pieces = text.split(PAGE_MARK)
    starts, offset = [0], len(pieces[0])
    for piece in pieces[1:]:
        starts.append(offset)
        offset += len(piece)
    return "".join(pieces).rstrip(), starts


def drop_repeated_lines(text: str) -> str:
    """A short line repeated in a row is a web page's widget text copied with the document ("Đã biết / Đã
    biết / Đã biết"): three or more in a row are dropped, two become one."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and lines[j + 1] == lines[i]:
            j += 1
        run = j - i + 1
        short = 0 < len(lines[i].strip()) <= 40
        if not short or run == 1:
            out.extend(lines[i : j + 1])
        elif run == 2:
            out.append(lines[i])
        i = j + 1
    return "\n".join(out)


_LETTERS = re.compile(r"[^\W\d_]{5,}")


def _unglued(match: re.Match) -> str:
    word = match.group(0)
    if is_vietnamese_syllable(word) or not has_diacritics(word):
        return word
    splits = [i for i in range(2, len(word) - 1) if is_vietnamese_syllable(word[:i]) and is_vietnamese_syllable(word[i:])]
    return f"{word[:splits[0]]} {word[splits[0]:]}" if len(splits) == 1 else word


def unglue_words(text: str) -> str:
    """Two syllables an extraction glued together ("triển khaicủa nhà thầu", "tạiĐiều 5") are parted: a
    Vietnamese word is one syllable, so an accented run of letters that is none but splits exactly one way
    into two is two words. Foreign words (no diacritics) and names are left alone."""
    return _LETTERS.sub(_unglued, text)


# a mark an OCR read from a speck before an item's number: ".d) Không đáp ứng …", "' 9) Buộc …", ".4. Phạt tiền …"
_SPECK_BEFORE_ITEM = re.compile(r"^[.,'`:;]\s?(?=(?:\d{1,3}|[a-zđ])[.)]\s)", re.M)


def drop_specks(text: str) -> str:
    """Drop the stray mark an OCR put before a list item's number at a line's start, so the line reads as the item it
    is (and is read under its lead-in: "Phạt tiền từ … đối với một trong các hành vi sau:")."""
    return _SPECK_BEFORE_ITEM.sub("", text)


# the letters of a clause's points, in order ("a) … b) … d) … đ) … e) … g) …"); a point whose letter an OCR read as a
# mark (".) Hoạt động ngoài khoảng thời gian …", "#) Không phân loại …": the stroke of "đ" or "d" lost)
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"
_POINT = re.compile(r"^([a-zđ])\)\s")
_LOST_LETTER = re.compile(r"^[.#‹]\)(?=\s)")
_CLAUSE = re.compile(r"^\d{1,3}\.\s")


def restore_point_letters(text: str) -> str:
    """Give back the letter an OCR lost from a point ("c) … / .) Hoạt động …" → "d) Hoạt động …"): the letter after the
    clause's last point, or "a" for the first point under a clause ("2. Phạt tiền … như sau:" / "#) Không phân loại …"),
    so the point reads as the item it is, under its clause's lead-in. A lost letter whose place is unknown is left."""
    out, last, clause = [], "", False
    for line in text.split("\n"):
        if _CLAUSE.match(line):
            last, clause = "", True
        point = _POINT.match(line)
        if point:
            last = point.group(1)
        elif _LOST_LETTER.match(line) and (last or clause) and last != POINT_LETTERS[-1]:
            last = POINT_LETTERS[POINT_LETTERS.index(last) + 1] if last else "a"
            line = _LOST_LETTER.sub(f"{last})", line)
        out.append(line)
    return "\n".join(out)


def clean_whitespace(text: str) -> str:
    """Tabs and runs of spaces → one space; trimmed lines; at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u200b", "")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    lines = [re.sub(r"[ \t\f\v]+", " ", ln).strip() for ln in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def to_display_text(raw: str, fmt: str) -> tuple[str, dict]:
    """Raw file text → (faithful plain text shown to users, metadata found on the way: front matter, the
    news date, ``legacy_encoding`` when TCVN3/VNI text was converted, ``page_starts`` of a paged format)."""
    meta: dict = {}
    text = nfc(raw)
    if fmt == "markdown":
        text, meta = split_front_matter(text)
    text, legacy = repair_text(text)  # TCVN3 / VNI font text → Unicode
    if legacy:
        meta["legacy_encoding"] = legacy
    if fmt in ("markdown", "jsonl"):  # the Pháp điển collection carries Markdown emphasis too
        text = strip_markdown(text)
    text, news_date = take_news_date(text)
    if news_date:
        meta["date"] = news_date
    text = restore_point_letters(drop_specks(unglue_words(drop_repeated_lines(clean_whitespace(text)))))
    if fmt in ("pdf", "markdown", "text", "docx", "doc", "image"):
        text = mend_broken_lines(text)
    text, page_starts = take_page_marks(text)
    if page_starts:
        meta["page_starts"] = page_starts
    return text, meta


# ---------------------------------------------------------------- matching forms

TONE_MARKS = frozenset({"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"})  # grave, acute, tilde, hook above, dot below
_VOWELS = set("aăâeêioôơuưy")
_QUALITY_VOWELS = set("ăâêôơư")


def _tone_position(base: str) -> int:
    """Index of the letter that carries the tone in the modern (orthographic) convention."""
    lower = base.lower()
    idx = [i for i, ch in enumerate(lower) if ch in _VOWELS]
    if not idx:
        return -1
    # "qu" and "gi" onsets: their u/i is not part of the nucleus when a vowel follows.
    if len(idx) > 1 and idx[0] == 1 and lower[:2] in ("qu", "gi"):
        idx = idx[1:]
    quality = [i for i in idx if lower[i] in _QUALITY_VOWELS]
    if quality:
        return quality[-1]
    if len(idx) == 1:
        return idx[0]
    ends_with_vowel = idx[-1] == len(lower) - 1
    if not ends_with_vowel:
        return idx[-1]
    if lower[idx[0] : idx[0] + 2] in ("oa", "oe", "uy"):
        return idx[1]
    return idx[-2]


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _canonical_syllable(match: re.Match) -> str:
    syllable = match.group(0)
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [ch for ch in decomposed if ch in TONE_MARKS]
    if not tones:
        return syllable
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
    pos = _tone_position(base)
    if pos < 0:
        return syllable
    return unicodedata.normalize("NFC", base[: pos + 1] + tones[0] + base[pos + 1 :])


def canonical_tone(text: str) -> str:
    """One tone-mark placement for every syllable ("hoà" and "hòa" give the same string)."""
    return _LETTER_RUN.sub(_canonical_syllable, unicodedata.normalize("NFC", text))


def fold_diacritics(text: str) -> str:
    """Remove every Vietnamese diacritic ("chuyển đổi số" → "chuyen doi so"); đ → d."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))


def has_diacritics(text: str) -> bool:
    """True when the text has at least one Vietnamese letter beyond ASCII."""
    return fold_diacritics(text) != text
