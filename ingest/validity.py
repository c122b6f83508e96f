"""Validity statements: what a document says about its own force and about other documents' force.

Read at reindex from the chunks of each document (so each statement has its clause and its chunk):
- its own effective date: "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026", "… kể từ ngày
  ký ban hành" (the signing date), and a Pháp điển article's provenance "(Điều 35 Nghị định số …, có hiệu
  lực thi hành kể từ ngày 01/08/2013)";
- what it says of other documents, found by their số hiệu: **ceases** ("Luật … số 51/2005/QH11 hết hiệu
  lực kể từ ngày Luật này có hiệu lực", "Các nghị định sau hết hiệu lực …: a) Nghị định số 45/2026/NĐ-CP
  …"), **repeals** parts or the whole ("Bãi bỏ Chương II, … các Điều 75, 77 … Nghị định số 15/2020/NĐ-CP"),
  **amends** ("Sửa đổi, bổ sung khoản 4 Điều 4 của Nghị định số 85/2025/NĐ-CP"), **replaces** ("Nghị định
  này thay thế Nghị định số 102/2009/NĐ-CP", "Quyết định số 929/QĐ-TTg … thay thế Quyết định số 598/QĐ-TTg").
Not statements: tasks of a plan ("Xây dựng …", "Sửa đổi hoặc ban hành thay thế …"), the text an amendment
inserts (inside “…”), "Căn cứ …" recitals, contracts or certificates that "hết hiệu lực".
Front matter that declares relations (``replaces:``, ``effective_date:``) is kept apart (origin "front
matter"), so that a check can compare it with what the body says.

These are rules of Vietnamese legal drafting (Nghị định 34/2016 and its successors prescribe these
formulas); nothing here knows a particular document.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict

from core.lexicon import DOC_TYPES
from core.models import AMENDS, CEASES, EFFECTIVE, FRONT_MATTER, REPEALS, REPLACES, Chunk, Document, Statement
from ingest.metadata import NUMBER_RE, first_date

_LEAD = re.compile(r"^[\s:;,.*_\-–•+]*(?:\d{1,3}[.,]\s*|[a-zđ][).]\s*)?")
_TASK = re.compile(
    r"^(?:Xây dựng|Nghiên cứu|Rà soát|Trình|Ban hành|Hoàn thiện|Tham mưu|Đề xuất|Chủ trì|Phối hợp|Tổng kết|Đánh giá|"
    r"Sửa đổi(?:,)? (?:hoặc|và ban hành|để)|Sửa đổi hoặc|Khẩn trương|Tập trung|Thực hiện|Tiếp tục)\b"
)
_OWN_EFFECT = re.compile(
    r"(?:này|này)\s+có hiệu lực(?:\s+(?:thi|thì|thỉ)\s+hành)?\s+(?:từ|kể từ)\s+(?:ngày\s+)?(ký|\S)", re.I
)
_PROVENANCE = re.compile(r"^\(Điều\s+\S+\s+(.{3,80}?)\s+số\s+(" + NUMBER_RE.pattern + r")[^)]*?có hiệu lực thi hành kể từ ngày ([^)]+)\)", re.M)
# "X hết hiệu lực": X is a document or a part of one ("Luật … số 51/2005/QH11", "Các quy định tại Chương III
# Nghị định số …", "Kể từ ngày …, các quy định sau"), not a licence or a contract that a document names
_DOCUMENT_SUBJECT = re.compile(
    r"^(?:Các\s+|Những\s+)?(?:" + "|".join(sorted(DOC_TYPES, key=len, reverse=True))
    + r"|quy định|văn bản|điều|khoản|điểm|chương|mục|phần|phụ lục|kể từ ngày|từ ngày)\b",
    re.I,
)
_CEASES = re.compile(r"\bhết hiệu lực(?:\s+(?:thi|thì|thỉ)\s+hành)?\b", re.I)
_REPLACES = re.compile(r"(?<!\w)thay thế(?!\s+(?:bằng|thiết bị|trang thiết bị|cụm từ))(?!\w)", re.I)
_REPEALS = re.compile(r"^Bãi bỏ\b|(?:này|sau|và)\s+bãi bỏ\b")
# "Sửa đổi, bổ sung … như sau:", and a change of wording in another law ("Thay thế cụm từ … tại khoản 3 Điều 19 của Luật …")
_AMENDS = re.compile(r"^Sửa đổi,\s*bổ sung\b(?!\s+hoặc)|(?:này)\s+sửa đổi,\s*bổ sung\b|^(?:Thay thế|Bỏ) cụm từ\b")
_NEXT_VERB = re.compile(r"(?<!\w)(?:bãi bỏ|hết hiệu lực|sửa đổi)(?!\w)", re.I)
_SPACED_NUMBER = re.compile(r"(?<=\d) +(?=/\d{4}/)|(?<=[A-ZĐ]-) +(?=[A-ZĐ])")
# a document whose title says it amends another ("… sửa đổi, bổ sung một số điều của Nghị định số 72/2013/NĐ-CP")
_TITLE_AMENDS = re.compile(rf"sửa đổi,?\s*bổ sung\s+(?:một số điều\s+)?(?:của\s+)?(?:{'|'.join(DOC_TYPES)})\s+(?:số\s+)?({NUMBER_RE.pattern})", re.I)
_SENTENCE_END = re.compile(r"[.:](?:\s*\n|\s*$)")
_TYPES = "|".join(sorted(DOC_TYPES, key=len, reverse=True))
# a further document in the same list: "…; Thông tư số", ", Nghị định số", "và thay thế Thông tư số"
_LISTED = re.compile(rf"(?:[,;:]|\bvà)(?:\s+(?:thay thế|bãi bỏ)(?:\s+cho)?)?\s+(?:(?:{_TYPES})(?:\s+liên tịch)?\s+)?(?:số\s*)?$", re.I)
_CLAUSE_START = re.compile(r"\n\s*[:;]?\s*\d{1,3}[.,]\s|\n\s*Điều\s+\d+")
_AMENDED_HISTORY = re.compile(r"được sửa đổi|sửa đổi, bổ sung một số điều của", re.I)  # every later number is history
_PART = re.compile(
    r"(?:điểm\s+[a-zđ]+\s+)?(?:khoản\s+\d+\s+)?Điều\s+\d+[a-zđ]?|Chương\s+[IVXLC]+\b|Mục\s+\d+|Phụ lục\s+[IVXLC\d]+",
    re.I,
)
_PART_LIST = re.compile(r"các Điều\s+((?:\d+[a-zđ]?\s*,\s*)+\d+[a-zđ]?)", re.I)
_PART_RANGE = re.compile(r"các điều từ Điều\s+(\d+)\s+đến Điều\s+(\d+)", re.I)
_CLAUSE_LINE = re.compile(r"(?m)^[\s:;]*(\d{1,3})[.,]\s")
_ARTICLE_LINE = re.compile(r"(?m)^(?:#+\s*)?\**\s*Điều\s+\d+")
_LIST_ITEM = re.compile(r"^\s*(?:[a-zđ]\)|-|–|\+|•)\s")
_RELATIVE = re.compile(r"kể từ ngày\s+(?:Luật|Nghị định|Quyết định|Thông tư|Nghị quyết|Pháp lệnh|văn bản)\s+này", re.I)
_EXPLICIT_DATE = re.compile(r"(?:từ|kể từ)\s+ngày\s+(\d{1,2}(?:\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|/\d{1,2}/\d{4}))", re.I)


def statements(doc: Document, chunks: list[Chunk], front: dict | None = None) -> list[Statement]:
    """Every validity statement of a document (its chunks in order), without repeats."""
    found: dict[tuple, Statement] = {}
    own = doc.meta.number
    quoted = _quote_depths(doc.text)
    for chunk in chunks:
        for start, end in _whole_sentences(chunk):
            at = chunk.start + start
            if quoted(at):
                continue  # the words an amendment inserts ("“4. Khoa học … ”")
            sentence = chunk.text[start:end].strip()
            if start == 0:  # a chunk that begins inside a long sentence: read it from the sentence's start
                before = doc.text[max(0, at - 1500) : at]
                cut = max(before.rfind(c) for c in ".!?\n")
                if before.rstrip() and before.rstrip()[-1] not in ".:;!?":
                    sentence = f"{' '.join(before[cut + 1 :].split())} {sentence}".strip()
            # OCR text breaks sentences at line ends: a verb without its document reads on to the next clause
            following = _CLAUSE_START.split(chunk.text[end : end + 1200], maxsplit=1)[0]
            said = _of_sentence(sentence, following, doc.text, chunk.start + end, own, doc.meta.date)
            label = _clause_label(doc.text, at, chunk.label) if said else ""  # looked up only when something is said
            for st in said:
                st = Statement(**{**asdict(st), "label": label, "chunk_id": chunk.chunk_id})
                found.setdefault((st.kind, st.target, st.parts, st.by), st)
        for match in _PROVENANCE.finditer(chunk.text):  # Pháp điển: "(Điều 35 Nghị định số …, có hiệu lực …)"
            if match.group(2) == own and (date := first_date(match.group(3))):
                key = (EFFECTIVE, "", (), "")
                found.setdefault(key, Statement(EFFECTIVE, effective=date, label=chunk.label, quote=match.group(0), chunk_id=chunk.chunk_id))
    title = _TITLE_AMENDS.search(doc.meta.title or "")
    if title and chunks and title.group(1) != own:  # "Nghị định sửa đổi, bổ sung một số điều của Nghị định số 72/2013/NĐ-CP"
        st = Statement(AMENDS, target=title.group(1), label="", quote=doc.meta.title, chunk_id=chunks[0].chunk_id)
        found.setdefault((st.kind, st.target, st.parts, st.by), st)
    for st in _front_matter(front or {}):
        found.setdefault((st.kind, st.target, st.parts, st.by, FRONT_MATTER), st)
    return [st for st in found.values() if st.target != own or st.kind == EFFECTIVE]


def _whole_sentences(chunk: Chunk) -> list[tuple[int, int]]:
    """The chunk's sentence spans with the pieces of a long sentence (cut at 80 words) joined again: "…
    và thay thế Thông tư số …" far into a sentence still has "Thông tư này" as its subject."""
    spans: list[tuple[int, int]] = []
    for start, end in chunk.sentence_spans:
        if spans:
            prev_start, prev_end = spans[-1]
            gap = chunk.text[prev_end:start]
            if chunk.text[prev_end - 1 : prev_end] not in ".:;!?" and "\n" not in gap:
                spans[-1] = (prev_start, end)
                continue
        spans.append((start, end))
    return spans


def _of_sentence(sentence: str, following: str, text: str, end: int, own: str, signed: str) -> list[Statement]:
    body = _SPACED_NUMBER.sub("", _LEAD.sub("", sentence, count=1))  # "07 /2008/TT-BTTTT" (typed with a space)
    if len(body) < 8 or body.startswith(("Căn cứ", "“", '"')) or _TASK.match(body):
        return []  # a bare clause number ("1."), a recital, inserted text, a task
    following = _SPACED_NUMBER.sub("", following)
    if not body.rstrip().endswith((".", ":")):  # a sentence cut at ";" or a line end: read it to its end
        rest_of_sentence = " ".join(_SENTENCE_END.split(following, maxsplit=1)[0].split())
        body = f"{body} {rest_of_sentence}".strip()
        sentence = f"{sentence} {rest_of_sentence}".strip()
    out: list[Statement] = []
    own_effect = _OWN_EFFECT.search(body)
    if own_effect:
        after = body[own_effect.start() :]
        if own_effect.group(1).lower() == "ký":
            out.append(Statement(EFFECTIVE, effective=signed, signing=True, quote=sentence))
        elif date := first_date(after):
            out.append(Statement(EFFECTIVE, effective=date, quote=sentence))
    date = _relation_date(body)
    cease = _CEASES.search(body)
    if cease:
        subject = body[: cease.start()]
        before = _targets(subject, own) if _DOCUMENT_SUBJECT.match(body) else []
        if before:
            parts = _parts(subject[: subject.find(before[0])])
            out += [Statement(CEASES, target=t, parts=parts, effective=date, quote=sentence) for t in before]
        elif body.rstrip().endswith(":") or body.rstrip().endswith("bao gồm"):  # "Các nghị định sau hết hiệu lực …:"
            for item in _items_after(text, end):
                for t in _targets(item, own)[:1]:
                    parts = _parts(item[: item.find(t)])
                    out.append(Statement(CEASES, target=t, parts=parts, effective=date, quote=f"{sentence} {item}"))
    replace = _REPLACES.search(body)
    if replace:
        subject = body[: replace.start()]
        this = bool(re.search(r"\bnày\b", subject))  # "Nghị định này thay thế …"
        others = [n for n in NUMBER_RE.findall(subject) if n != own]
        by = others[-1] if others and not this else ""  # "Quyết định số 929/QĐ-TTg … thay thế …": the nearest before
        if by or this:
            rest = body[replace.end() :]
            verb = _NEXT_VERB.search(rest)  # "… và thay thế X và bãi bỏ Y": Y is repealed, not replaced
            targets = _targets(rest[: verb.start()] if verb else rest, own)
            if not targets and body.rstrip().endswith(":"):
                targets = [t for item in _items_after(text, end) for t in _targets(item, own)[:1]]
            out += [Statement(REPLACES, target=t, effective=date, by=by, quote=sentence) for t in targets if t != by]
    for kind, pattern in ((REPEALS, _REPEALS), (AMENDS, _AMENDS)):
        verb = pattern.search(body)
        if verb:
            rest = body[verb.end() :]
            if not NUMBER_RE.search(rest):
                rest = f"{rest} {' '.join(following.split())}"
            number = NUMBER_RE.search(rest)
            wording = body.startswith(("Thay thế cụm từ", "Bỏ cụm từ"))
            if kind == AMENDS and not wording and "như sau" not in rest[: number.end() + 400 if number else 0] + following[:300]:
                continue  # an amending clause reads "Sửa đổi, bổ sung … như sau:"; without it, a task of a plan
            if number:
                parts = _parts(rest[: number.start()])
                targets = _targets(rest[number.start() :], own)
                if parts:  # "Bãi bỏ Điều 58 và Điều 59 của Luật … số 67/2006/QH11": the parts are of the first
                    targets = targets[:1]
                out += [Statement(kind, target=t, parts=parts, effective=date, quote=sentence) for t in targets]
    return out


def _targets(text: str, own: str) -> list[str]:
    """The số hiệu a clause is about: the first one written, then those listed with it ("…; Thông tư số …",
    "và Nghị định số …"), not those named in a title or as history ("đã được sửa đổi, bổ sung theo Nghị định
    số …" and every number after it), nor the stating document itself."""
    out: list[str] = []
    last = 0
    history = False
    for match in NUMBER_RE.finditer(text):
        between = text[last : match.start()]
        last = match.end()
        number = match.group(0)
        history = history or bool(out and _AMENDED_HISTORY.search(between))
        if number == own or number in out or history:
            continue
        if out and not _LISTED.search(between[-60:]):
            continue
        out.append(number)
    return out


def _items_after(text: str, end: int, limit: int = 30) -> list[str]:
    """The list items ("a) …", "- …") on the lines after a sentence ending in ':'."""
    items: list[str] = []
    for line in text[end:].lstrip("\n").split("\n")[: limit * 2]:
        if not line.strip():
            continue
        if not _LIST_ITEM.match(line):
            break
        items.append(line.strip())
        if len(items) >= limit:
            break
    return items


def _relation_date(body: str) -> str:
    """The date a relation takes effect, when written ("hết hiệu lực từ ngày 01/7/2026"); "" when it is
    the stating document's own ("kể từ ngày Nghị định này có hiệu lực") or not said."""
    if _RELATIVE.search(body):
        return ""
    match = _EXPLICIT_DATE.search(body)
    return first_date(f"ngày {match.group(1)}") if match else ""


def _parts(text: str) -> tuple[str, ...]:
    """The parts a repeal or amendment names before the document, in order ("Chương II", "Điều 75", …;
    "các Điều 75, 77" and "các điều từ Điều 98 đến Điều 106" spelled out one by one)."""
    found: list[tuple[int, str]] = []
    for match in _PART_RANGE.finditer(text):
        found += [(match.start(), f"Điều {n}") for n in range(int(match.group(1)), int(match.group(2)) + 1)]
    text = _PART_RANGE.sub(lambda m: " " * len(m.group(0)), text)
    for match in _PART_LIST.finditer(text):
        found += [(match.start(), f"Điều {n.strip()}") for n in match.group(1).split(",")]
    text = _PART_LIST.sub(lambda m: " " * len(m.group(0)), text)
    for match in _PART.finditer(text):
        part = " ".join(match.group(0).split())
        found.append((match.start(), part[:1].upper() + part[1:] if part.lower().startswith("chương") else part))
    return tuple(dict.fromkeys(p for _, p in sorted(found, key=lambda x: x[0])))


def _clause_label(text: str, at: int, chunk_label: str) -> str:
    """The Điều and khoản of a sentence ("Điều 90, khoản 2"): the article of its chunk, the khoản whose
    number opens the nearest line above it inside that article."""
    article = chunk_label.split(",")[0].strip()
    if not article.startswith("Điều"):
        return chunk_label
    window = text[max(0, at - 6000) : at + 8]
    heads = list(_ARTICLE_LINE.finditer(window))
    scope = window[heads[-1].end() :] if heads else window
    clauses = list(_CLAUSE_LINE.finditer(scope))
    return f"{article}, khoản {clauses[-1].group(1)}" if clauses else article


def _quote_depths(text: str, reach: int = 6000):
    """inside(position): whether a position lies in a “…” quotation (the text an amendment inserts). A “
    closes at the next ” within ``reach`` characters; an unclosed one (OCR loses marks) is ignored."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer("“", text):
        if spans and m.start() < spans[-1][1]:
            continue
        close = text.find("”", m.end(), m.end() + reach)
        if close != -1:
            spans.append((m.start(), close))
    starts = [a for a, _ in spans]

    def inside(position: int) -> bool:
        i = bisect.bisect_right(starts, position)
        return bool(i) and position < spans[i - 1][1]

    return inside


def _front_matter(front: dict) -> list[Statement]:
    """What a file's front matter declares (``replaces: …``, ``effective_date: …``), for the check."""
    out: list[Statement] = []
    for number in NUMBER_RE.findall(str(front.get("replaces", ""))):
        out.append(Statement(REPLACES, target=number, origin=FRONT_MATTER, quote=f"replaces: {front['replaces']}"))
    if front.get("effective_date"):
        date = first_date(str(front["effective_date"])) or str(front["effective_date"])[:10]
        out.append(Statement(EFFECTIVE, effective=date, origin=FRONT_MATTER, quote=f"effective_date: {front['effective_date']}"))
    return out
