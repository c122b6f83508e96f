"""Quotes: the spans of a passage an answer quotes (a sentence; a table row whole; a sentence ending in ':' with its
list items; an article's title with its sentences), and the lines that answer nothing (boilerplate)."""

from __future__ import annotations

import re

from core.lexicon import DESCRIBED_TYPES
from hoidap.answer.items import heads_section
from hoidap.terms import normalized
from ingest.chunk import LIST_ITEM, item_level

MAX_QUOTE_CHARS = 600  # a sentence ending in ':' takes its list items up to this length
MAX_LIST_CHARS = 1500  # … or this, when a list is asked for
_HEADING = re.compile(r"^[A-ZĐÀ-Ỹ][^.;:!?\n]{2,120}$")  # a title line: capitalised, no sentence punctuation
_ARTICLE = re.compile(r"Điều\s+[\w.]+\.\s*$")  # what precedes an article's title: "Điều 4. "
_SECTION = re.compile(r"(?:^|\n)(?:[IVXLC]+|\d{1,2}|[a-zđ])[.)]\s*$")  # … a numbered section's: "2. ", "II. ", "b) "
_BOILERPLATE = re.compile(
    r"^(Số\b|Độc lập|CỘNG HÒA|CỘNG HOÀ|Nơi nhận|Kính gửi|Căn cứ|[-–]\s*Căn cứ|Theo đề nghị|Xét đề nghị|"
    r"KT\.|TM\.|TUQ\.|Q\. |\(Kèm theo|\(Ban hành kèm theo|[\w\s]{0,20},\s*ngày\s+\d{1,2}\s+tháng)"
)
_RECITAL = re.compile(r"^(?:Căn cứ|Theo đề nghị|Xét đề nghị)\b")
# a recital cites an instrument or the issuer's authority ("Căn cứ Luật Tổ chức Chính phủ …;", "Căn cứ chức năng, nhiệm vụ
# …"); "Căn cứ vào điều kiện cụ thể, các cơ quan nhà nước triển khai …" and "c) Căn cứ Nghị định này, …" are provisions
_CITED_BASIS = re.compile(
    r"^Căn cứ (?:vào )?(?:các )?(?:"
    + "|".join(sorted((*DESCRIBED_TYPES, "Chiến lược", "Quy chế", "Điều lệ", "chức năng", "văn bản"), key=len, reverse=True))
    + r")\b(?! này)"
)
_DATE_LINE = re.compile(r"^[\w\s]{0,20},\s*ngày\s+\d{1,2}\s+tháng")


SENTENCE_ENDS = (".", ";", ":", "!", "?", "…")


_ITEM_NUMBER = re.compile(r"\d{1,2}[.)]|[a-zđ]\)")  # an item's number the sentence splitter cut off alone


SHORTEST_TAIL = 20  # words: a longer piece after a cut sentence is a sentence of its own


def quotes(
    text: str, spans: list[tuple[int, int]], sections: bool, wants_list: bool, section_titles: bool = True,
    paragraphs: bool = False, numbered_items: bool = False, whole: bool = False,
) -> list[tuple[int, int, bool]]:
    """(start, end, is_list): sentence spans; a table row is quoted whole; a sentence ending in ':' takes the
    list items after it,
    and with ``sections`` an article's title takes the sentences of the article: "Nguyên tắc … là gì?"
    is answered by the article of that title, not by its title alone; with ``section_titles`` a numbered
    section's title ("2. Đối tượng áp dụng") does the same (with ``paragraphs``, also one whose number the sentence
    splitter cut off: "6." / "Đề nghị: Hiệp hội …"). With ``numbered_items``, the numbered khoản after a sentence
    ending in ':' are its items though the splitter cut each number off ("… theo các hình thức sau đây:" "1." "Thông
    qua thương lượng, hòa giải;" "2." …). With ``whole``, a sentence the splitter cut for its length takes its short
    tail ("… thông qua việc kết nối với Nền tảng …, địa phương" "(LGSP)."): no answer ends a word before its point."""
    limit = MAX_LIST_CHARS if wants_list else MAX_QUOTE_CHARS
    out = []
    for i, (start, end) in enumerate(spans):
        sentence = text[start:end].rstrip()
        heading = (
            (sections or wants_list)
            and _HEADING.match(sentence)
            and text[end : end + 1] == "\n"
            and (
                _ARTICLE.search(text[max(0, start - 20) : start])
                or (section_titles and _SECTION.search(text[max(0, start - 20) : start]))
            )
        )
        is_list = False
        if wants_list and section_titles and heads_section(text, start, end, paragraphs, paragraphs) and text[end:].strip():
            level = item_level(sentence)  # "h) Tổ đảng ở …" with its items, up to the next item of its level
            for s2, e2 in spans[i + 1 :]:
                if e2 - start > limit or ("\n" in text[end:s2] and item_level(text[s2:e2]) <= level):
                    break
                end = e2
                is_list = True
        elif " | " in sentence:  # a table row cut into pieces (a long row): the quote is the whole row
            for s2, e2 in spans[i + 1 :]:
                if "\n" in text[end:s2] or e2 - start > MAX_LIST_CHARS:
                    break
                end = e2
        elif sentence.endswith(":") or heading:
            marker = False  # the span before was an item's number alone ("1."): this span is that item
            for s2, e2 in spans[i + 1 :]:
                if e2 - start > limit or text[s2:e2].startswith("Điều "):
                    break
                cut_short = "\n" not in text[end:s2] and not text[start:end].rstrip().endswith(SENTENCE_ENDS)
                item = LIST_ITEM.match(text[s2:e2]) or (marker and "\n" not in text[end:s2])
                marker = numbered_items and bool(_ITEM_NUMBER.fullmatch(text[s2:e2].strip()))
                if not heading and not item and not marker and not cut_short:
                    break  # (an item the splitter cut for its length goes on: "… mà nước Cộng hòa xã" "hội chủ nghĩa …")
                end = e2
                is_list = True
        elif whole and not sentence.endswith(SENTENCE_ENDS) and i + 1 < len(spans):
            s2, e2 = spans[i + 1]  # a sentence the splitter cut for its length, and its short tail: "… địa phương" "(LGSP)."
            if "\n" not in text[end:s2] and len(text[s2:e2].split()) < SHORTEST_TAIL and text[s2:e2].rstrip().endswith(SENTENCE_ENDS):
                end = e2
        out.append((start, end, is_list))
    return out


def boilerplate(text: str, keep_date_line: bool = False, keep_recitals: bool = False, cited_basis: bool = False) -> bool:
    """Header lines, recitals and fragments that answer nothing ("Độc lập - Tự do - Hạnh phúc",
    "Căn cứ Luật …;", "Nơi nhận:"); the place-and-date line ("Hà Nội, ngày 10 tháng 01 năm 2025") answers
    only when the question asks when the document was issued, the recitals only when it asks what they state
    ("… theo đề nghị của bộ nào?", "căn cứ luật nào?"). With ``cited_basis``, a line beginning "Căn cứ" is a recital
    only when it cites an instrument or authority (_CITED_BASIS)."""
    words = [w for w in text.split() if w != "|"]  # a table's cell separators are no words
    if len(words) < 4 or (text.isupper() and len(words) < 8):
        return True
    if text.isupper() and len(words) < 20 and "CHỦ NGHĨA VIỆT NAM" in text:  # the issuer beside the national motto
        return True
    if " | " in text and all(c.isupper() or _BOILERPLATE.match(c.strip()) for c in text.split(" | ")):
        return True  # a header table: "CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    if keep_date_line and _DATE_LINE.match(text):
        return False
    line = text.lstrip("- –")
    if keep_recitals and _RECITAL.match(line):
        return False
    if cited_basis and line.startswith("Căn cứ") and not _CITED_BASIS.match(line):
        return False
    return bool(_BOILERPLATE.match(text.lstrip("- ")))


def key(text: str) -> str:
    """Comparison form of a quote (two chunks overlap by a sentence)."""
    return normalized(text, False).strip()
