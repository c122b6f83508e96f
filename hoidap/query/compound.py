"""Compound questions: "… bao nhiêu, và … khi nào?" cut into its questions, each with the shared frame."""

from __future__ import annotations

import re

from core.lexicon import DEMONSTRATIVES, DOCUMENT_NOUNS
from hoidap.query.asked import answer_type_of, aspect_only, not_how_many
from hoidap.query.documents import FOLDED_TYPES
from hoidap.query.record import OTHER
from ingest.metadata import find_numbers
from ingest.normalize import fold_diacritics, has_diacritics

_NAMED_PAIR = re.compile(
    r"((?:" + "|".join(FOLDED_TYPES) + r")\s*(?:so\s+)?\d[\w/.-]*)\s+(?:va|voi)\s+((?:" + "|".join(FOLDED_TYPES) + r")\s*(?:so\s+)?\d[\w/.-]*)"
)
# words that join a second question after a comma: "…, và …", "…, kèm theo đó …", "…; đồng thời …", "…, cũng như …"
_JOINERS = r"và|còn|rồi|va|con|roi"
_MORE_JOINERS = r"kèm theo đó|kèm theo|đồng thời|cũng như|bên cạnh đó|ngoài ra|kem theo do|kem theo|dong thoi|cung nhu"


def _split_at(joiners: str) -> re.Pattern:
    return re.compile(
        r"\s*(?:[,;]\s*(?:" + joiners + r")\s+|\s+và\s+(?=(?:\w+\s+){0,12}?(?:bao|khi|nào|gì|ai|mấy|bao lâu))|;\s+|\?\s+)", re.I
    )


_COMPOUND_SPLIT = _split_at(_JOINERS)
_COMPOUND_SPLIT_MORE = _split_at(f"{_MORE_JOINERS}|{_JOINERS}")


# "<the asker's case or the document>: <question>, và <question>?": what comes before the colon frames every part
_COLON_FRAME = re.compile(r"^\s*([^:?]{12,200}?):\s+")
# "<the document and the place in it>. <question>; <question>": a first sentence that asks nothing frames every part
_TOLD_FRAME = re.compile(r"^\s*([^?]{12,200}?)\.\s+(?=\S)")


def compound_parts(
    question: str, clause_join: bool = False, more_joiners: bool = False, dependent: bool = False, numbered: bool = False,
    parallel: bool = False,
) -> list[str]:
    """The questions of a compound question ("… bao nhiêu, và … khi nào?"), each with the shared frame
    ("Theo Nghị định 224/2026, …") carried over; one question per document when it asks the same of two
    named documents ("Nghị định 224/2026 và Nghị định 174/2026 có hiệu lực từ ngày nào?");
    [question] when it asks one thing. Two pieces that ask are two questions when both ask a type of answer or, with
    ``clause_join``, when a comma and "và"/"còn" join two clauses of their own ("… tích hợp dữ liệu với trung tâm nào
    của địa phương, và việc xây dựng … làm trong giai đoạn nào?"). With ``more_joiners``, "kèm theo đó", "đồng thời",
    "cũng như", "bên cạnh đó" and "ngoài ra" join two questions as "và" does. With ``dependent``, a later part opening
    with "nếu có thì" asks of what the first part asks about ("Đã có quy định nào cho … chưa? Nếu có thì nằm ở điều nào
    …?" → "Nằm ở điều nào … (có quy định cho …)?"), and a later part about
    "<noun> đó" that the first part asks with "<noun> nào" is about what the first part says of it ("Cơ quan nào chủ
    trì X, và cơ quan đó phải xong trước ngày nào?": the second part asks of "cơ quan chủ trì X"). With ``numbered``,
    sub-questions numbered "1) … 2) …", "a) … b) …" or led by "-" lose their numbers, and a request framing them ("Cho
    mình hỏi về X nhé:") frames each by its topic ("Về X: …"). With ``parallel``, a later part that opens with the
    question word the first part asks with says only what differs ("Tỷ lệ … là bao nhiêu trong giai đoạn 2025-2027, và
    bao nhiêu trong giai đoạn 2028-2030?"): it asks the first part's question up to that word, with its own ending."""
    folded_question = fold_diacritics(question.lower())
    pair = _NAMED_PAIR.search(folded_question)
    if pair and len(folded_question) == len(question):  # folding keeps offsets: cut the original text
        first = question[pair.start(1) : pair.end(1)]
        second = question[pair.start(2) : pair.end(2)]
        whole = question[pair.start() : pair.end()]
        return [question.replace(whole, first, 1), question.replace(whole, second, 1)]
    pieces = _asking_pieces(question, _COMPOUND_SPLIT_MORE if more_joiners else _COMPOUND_SPLIT)
    folded = [_folded(p) for p in pieces]
    typed = sum(answer_type_of(f) != OTHER for f in folded)
    clauses = clause_join and len(pieces) == 2 and bool((_CLAUSE_JOIN_MORE if more_joiners else _CLAUSE_JOIN).search(question)) and all(
        len(p.split()) >= _CLAUSE_WORDS for p in pieces
    )
    # "A quản lý hệ thống nào, còn B quản lý hệ thống nào?": "còn" sets a second subject against the first, and both ask
    contrasted = clause_join and len(pieces) == 2 and bool(_CONTRAST_JOIN.search(question)) and all(
        len(p.split()) >= _CLAUSE_WORDS and _WHICH.search(f) for p, f in zip(pieces, folded)
    )
    if len(pieces) < 2 or typed < 2 and not (clauses and typed) and not contrasted:
        return [question]
    frame = re.match(r"^\s*((?:Theo|Trong|Tại|Căn cứ)\s[^,]{3,80}),\s*", question, re.I) or _COLON_FRAME.match(pieces[0])
    told = _TOLD_FRAME.match(pieces[0])
    if not frame and told and not _ASKS.search(_folded(told.group(1))):
        frame = told  # "Phiếu nhiệm vụ — KH 308, mục II. Đơn vị phối hợp: ___ ; Thời gian: ___": a sentence that asks nothing
    body = pieces[0][frame.end() :] if frame and pieces[0].startswith(frame.group(0).strip()) else pieces[0]
    if numbered:
        body = _SUB_MARKER.sub("", body, count=1)
    predicate = _PREDICATE.search(body)
    subject = body[: predicate.start()].strip() if predicate and predicate.start() > 0 else ""
    parts = []
    named = find_numbers(pieces[0])
    article = _ARTICLE.search(pieces[0])
    if _AUXILIARIES.fullmatch(subject):
        subject = ""  # "Đã có quy định nào … chưa?": no subject before the predicate, only its tense
    for i, piece in enumerate(pieces):
        conditional = _IF_SO.match(piece) if i and dependent else None
        if conditional:  # "… chưa? Nếu có thì nằm ở điều nào …?": asked of what the first part asks about
            rest = piece[conditional.end() :].rstrip(" ?")
            topic = _ASKED_WORDS.sub(" ", _YES_NO_END.sub("", body))  # "mà không phải khai báo": "không" stays
            topic = " ".join(topic.split()).strip(" ,?")
            parts.append(f"{rest[:1].upper()}{rest[1:]} ({topic})?")
            continue
        opening = _OPENING_ASK.match(piece) if i and parallel else None
        asked_again = opening and re.search(rf"(?<!\w){re.escape(opening.group(1))}(?!\w)", body, re.I)
        if asked_again and asked_again.start() > 0:  # "…, và bao nhiêu trong giai đoạn 2028-2030?": the first part's question
            piece = f"{body[: asked_again.start()]}{piece.lstrip()}"
        own = _PREDICATE.search(piece)
        before = piece[: own.start()] if own else ""
        if i and subject and own and len(before.split()) <= _SHORT_SUBJECT and not _ASKS.search(fold_diacritics(before.lower())):
            # "… và do cơ quan nào ban hành?", "…, và mỗi kỳ phải gửi trước ngày nào?": the subject is left out (not
            # in "…, và ai ký ban hành kế hoạch đó?", whose subject is the question word)
            piece = f"{subject} {piece}"
        if i and dependent:  # "…, và cơ quan đó phải …": the body the first part asks, as the first part says it
            piece = _depending(piece, body)
            if aspect_only(piece):  # "…, và chậm nhất là lúc nào?": that aspect of what the first part asks about
                piece = f"{piece.rstrip(' ?')} ({' '.join(_QUESTION_WORDS.sub(' ', body).split()).strip(' ,?')})"
        if i and named:  # "…, và ai là người ký kế hoạch này?": the document the first part names
            piece = _THIS_DOCUMENT.sub(lambda m: f"{m.group(1)} {named[0]}", piece, count=1)
            piece = _IT.sub(f"{named[0]} ", piece, count=1)  # "…? Nó hết hiệu lực từ ngày nào?": the document named
        if i and article and not _ARTICLE.search(piece):  # "Khoản 1 Điều 95 … nào, và khoản 2 … nào?": of Điều 95 too
            piece = _CLAUSE_ONLY.sub(lambda m: f"{m.group(0)} {article.group(0)}{' ' + named[0] if named and named[0] not in piece else ''}", piece, count=1)
        if i and frame and frame.group(1).lower() not in piece.lower():
            joint = ":" if frame.re is _COLON_FRAME else "." if frame.re is _TOLD_FRAME else ","
            piece = f"{frame.group(1)}{joint} {piece[:1].lower()}{piece[1:]}"
        if numbered:  # "1) …", "a) …", "- …": the number of a sub-question asks nothing
            piece = _SUB_MARKER.sub("", piece, count=1)
        parts.append(piece.rstrip("?") + "?")
    return parts


# a later part that opens with its question word: "bao nhiêu trong giai đoạn 2028-2030", "khi nào đối với cấp xã"
_OPENING_ASK = re.compile(r"^\s*(bao nhiêu|bao lâu|khi nào|mấy|bao nhieu|bao lau|khi nao)(?!\w)", re.I)


def _folded(piece: str) -> str:
    """A piece folded for its question words; typed with diacritics, "máy tính" keeps from "mấy" (not_how_many)."""
    lower = piece.lower()
    return " ".join(fold_diacritics(not_how_many(lower) if has_diacritics(lower) else lower).split())


def _asking_pieces(question: str, split: re.Pattern = _COMPOUND_SPLIT) -> list[str]:
    """The question cut where a compound question may join two questions; a piece that asks nothing is the
    start of the next one, not a question ("Hội đồng … đổi mới sáng tạo và chuyển đổi số có bao nhiêu thành
    viên và ai làm Chủ tịch?": the "và" inside the council's name joins no questions)."""
    pieces: list[str] = []
    start = 0
    for cut in [*split.finditer(question), None]:
        piece = question[start : cut.start() if cut else len(question)]
        if cut and not _ASKS.search(_folded(piece)):
            continue  # joined to what follows: the cut is not taken
        pieces.append(piece.strip(" ,;?"))
        start = cut.end() if cut else len(question)
    return [p for p in pieces if p]


# Two clauses joined by a comma and a conjunction; each at least _CLAUSE_WORDS words (not two nouns of one list).
_CLAUSE_JOIN = re.compile(r"[,;]\s*(?:và|còn|va|con)\s+", re.I)
_CLAUSE_JOIN_MORE = re.compile(rf"[,;]\s*(?:{_MORE_JOINERS}|và|còn|va|con)\s+", re.I)
_CLAUSE_WORDS = 5
_CONTRAST_JOIN = re.compile(r",\s*(?:còn|con)\s+", re.I)
_WHICH = re.compile(r"\b(?:nao|gi|ai|dau|bao nhieu|bao lau|may)\b")  # a question word of the piece's own

# Question words: a piece of a compound question without one asks nothing by itself.
_ASKS = re.compile(r"\b(?:nao|gi|ai|bao nhieu|bao lau|bao gio|may|khong|chua|sao|dau|the nao|ko)\b")

# a khoản named without its article ("…, và khoản 2 ghi khung nào?") is of the article the first part names
_ARTICLE = re.compile(r"(?<!\w)(?:Điều|điều|Dieu|dieu)\s+\d{1,3}[a-zđ]?(?!\w)")
_CLAUSE_ONLY = re.compile(r"(?<!\w)(?:khoản|khoan)\s+\d{1,3}(?!\w)", re.I)

# "nó" opening a later part: the document the first part names is its subject
_IT = re.compile(r"^nó\s+", re.I)
_THIS_DOCUMENT = re.compile(
    r"\b(" + "|".join(sorted({*DOCUMENT_NOUNS}, key=len, reverse=True)) + r")\s+(?:" + "|".join(DEMONSTRATIVES) + r")(?!\w)", re.I
)

# a later part that opens by supposing the first part's yes: "Nếu có thì …", "nếu vậy thì …", "nếu được thì …"
_IF_SO = re.compile(r"^\s*(?:nếu|neu)\s+(?:có|co|vậy|vay|được|duoc)\s*(?:thì|thi)?\s*,?\s*(?=\w)", re.I)
_YES_NO_END = re.compile(r"\s*(?:hay\s+)?(?:không|chưa|chăng|khong|chua)\s*\??\s*$", re.I)  # "… chưa?" closing
_ASKED_WORDS = re.compile(r"(?<!\w)(?:nào|gì|nao|gi)(?!\w)", re.I)
_AUXILIARIES = re.compile(r"(?:(?:đã|đang|sẽ|vẫn|hiện|hiện nay|hiện đã|da|dang|se)\s*)*", re.I)  # tense, no subject

# Words that open a predicate: a coordinated clause starting with one, or with a word or two before it ("mỗi kỳ
# phải gửi …"), has left its subject out.
_SHORT_SUBJECT = 2
_PREDICATE = re.compile(r"(?<!\w)(?:do|được|có|phải|là|đã|sẽ|cần|thuộc|bị|ban hành|quy định)(?!\w)")


# "<noun> đó/này/ấy" opening a later part, pointing to the "<noun> nào" the first part asks
_POINTED_BACK = re.compile(r"^\s*(\w+(?:\s+\w+)?)\s+(?:đó|này|ấy|nay|ay)(?!\w)\s*", re.I)


def _depending(piece: str, first: str) -> str:
    """A later part that asks of what the first part asks ("cơ quan đó phải hoàn thành trước ngày nào" after "Cơ quan
    nào chủ trì xây dựng Quyết định …"), with what it points to said as the first part says it ("Cơ quan chủ trì xây
    dựng Quyết định … phải hoàn thành trước ngày nào"); the piece itself otherwise."""
    pointed = _POINTED_BACK.match(piece)
    if not pointed:
        return _object_pointed(piece, first)
    words = pointed.group(1).split()
    for size in (len(words), 1) if len(words) > 1 else (1,):
        noun = " ".join(words[-size:])
        asked = re.search(rf"(?<!\w){re.escape(noun)}\s+(?:nào|nao)(?!\w)\s*", first, re.I)
        if not asked:
            continue
        said = first[: asked.start()] + first[asked.start() : asked.start() + len(noun)] + " " + first[asked.end() :]
        said = " ".join(said.split()).rstrip(" ,;?")
        if len(said.split()) < len(noun.split()) + 2:
            return piece  # the first part says nothing more of it
        lead = " ".join(words[: len(words) - size])
        return f"{lead} {said} {piece[pointed.end():]}".strip()
    return piece


_QUESTION_WORDS = re.compile(
    r"(?<!\w)(?:là )?(?:bao nhiêu|bao lâu|bao giờ|khi nào|lúc nào|là gì|là ai|những gì|ra sao|thế nào|như thế nào|nào|gì|"
    r"ai|mấy|không|chưa)(?!\w)",
    re.I,
)


def _object_pointed(piece: str, first: str) -> str:
    """A later part pointing back inside its predicate ("cấp nào đứng ra thành lập tổ này" after "… cho Tổ công nghệ số
    cộng đồng không"), with the noun phrase of the first part its noun opens said in its place; the piece otherwise."""
    for pointed in _POINTED_INSIDE.finditer(piece):
        words = pointed.group(1).split()
        for size in (2, 1)[2 - min(len(words), 2) :]:
            noun = " ".join(words[-size:])
            opened = re.search(rf"(?<!\w){re.escape(noun)}(?!\w)", first, re.I)
            if not opened:
                continue
            opening = first[opened.start() :]
            # a measure ("chỉ tiêu tỉ lệ bộ, ngành, địa phương đạt cấp độ 5 …") is named with the clause it measures:
            # its phrase ends at the question's words, not at the clause's verb
            measure = _MEASURE.match(opening) or _MEASURE.match(opening[len(noun) :].lstrip())
            phrase = (_MEASURE_END if measure else _PHRASE_END).split(opening, maxsplit=1)[0]
            phrase = " ".join(phrase.split()[: _MEASURE_WORDS if measure else _PHRASE_WORDS]).rstrip(" ,;?")
            if len(phrase.split()) < size + 2:
                return piece  # the first part says nothing more of it
            start = pointed.start(1) + len(" ".join(words[:-size])) + (1 if len(words) > size else 0)
            return f"{piece[:start]}{phrase}{piece[pointed.end():]}"
    return piece


# "<noun> này/đó/ấy" inside a later part, after its first word ("… thành lập tổ này", "… chủ trì chỉ tiêu này")
_POINTED_INSIDE = re.compile(r"(?<=\s)(\w+(?:\s+\w+)?)\s+(?:đó|này|ấy)(?!\w)", re.I)
# where the noun phrase a first part opens ends: at its verb or its question words
_PHRASE_END = re.compile(
    r"\s+(?=(?:có|là|được|phải|do|đã|sẽ|cần|thuộc|bị|đặt|đạt|ở mức|bao nhiêu|mấy|nào|gì|không\s*\??\s*$)(?!\w))", re.I
)
_PHRASE_WORDS = 18
# a measure's head, whose phrase takes a clause ("tỉ lệ người dân có chữ ký số"), and where that phrase ends: at the
# question's words, with the verb that sets the figure before them ("… đến năm 2030 đặt ở mức bao nhiêu")
_MEASURE = re.compile(r"(?:tỷ lệ|tỉ lệ|ty le|ti le|số lượng|so luong)(?!\w)", re.I)
_MEASURE_END = re.compile(
    r"\s*[,;]?\s+(?=(?:(?:đặt|đạt|dat)\s+)?(?:là|ở mức|bao nhiêu|mấy|nào|gì|la|o muc|bao nhieu|may|nao|gi)(?!\w))", re.I
)
_MEASURE_WORDS = 30


# the number or dash opening a sub-question ("1) ", "a) ", "- "), at a piece's start or after the frame's colon
_SUB_MARKER = re.compile(r"(?:^|(?<=: ))\s*(?:\d{1,2}[.)]|[a-dđ]\)|[-–•])\s+")
