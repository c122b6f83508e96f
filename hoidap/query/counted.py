"""What the answer must be of: the unit a "bao nhiêu" counts, the noun of "cấp mấy", the rate and what it measures,
the bound asked, the kind of "<noun> nào", the items a list asks, the name asked of alone."""

from __future__ import annotations

import re

from core.lexicon import DOC_TYPES, LOWER_BOUNDS, ORDINAL_NOUNS, PROVINCES, UPPER_BOUNDS
from hoidap.query.record import DOCUMENT, ORGANISATION
from ingest.normalize import fold_diacritics, has_diacritics

_MONEY_WORDS = ("tỷ", "triệu", "nghìn", "đồng", "tiền")
_MONEY_PHRASES = (
    "mức phạt", "phạt tiền", "phạt bao nhiêu", "bao nhiêu tiền", "kinh phí", "chi phí", "mức chi", "mức hỗ trợ", "lệ phí",
    "mức phí", "học phí", "cước phí", "vốn điều lệ", "vốn đầu tư", "tổng mức đầu tư", "tổng vốn", "số tiền",
)
# matched as typed: with diacritics "danh mục chỉ tiêu" holds no "mức chi" (folded, "danh muc chi tieu" would)
_MONEY_EXACT = re.compile(rf"(?<!\w)(?:{'|'.join(_MONEY_PHRASES)})(?!\w)")
_MONEY = re.compile(rf"(?<!\w)(?<!danh )(?:{'|'.join(fold_diacritics(m) for m in _MONEY_PHRASES)})(?!\w)")
_MONEY_NOUNS = re.compile(r"^(?:kinh phi|chi phi|von|ngan sach)\b")  # "bao nhiêu kinh phí": an amount in đồng
_RATE_WORDS = frozenset({"ty le", "ti le", "ty trong", "ti trong", "phan tram"})
_RATE = re.compile(rf"\b(?:{'|'.join(sorted(_RATE_WORDS))})\b")  # a rate asked: its answer is a share, not an amount
_PER_PERIOD = re.compile(r"\b(?:moi|hang|mot)\s+(?:nam|thang|quy|tuan|ngay|ky)\b")  # "mỗi năm", "hằng tháng", "một năm"
_NOT_UNITS = {
    "la", "thi", "nam", "de", "cho", "cua", "va", "o", "tai", "trong", "duoc", "co", "ca", "lan", "so",
    "theo", "vay", "khi", "neu", "ma", "khong", "a", "nhe", "roi", "tu", "den", "tren", "duoi", "ke",
    "nhi", "nha", "day", "ne", "hen", "oi",
}  # function words and sentence-final particles ("số mấy nhỉ?"): after "bao nhiêu" they end the question or open a
#    clause, they count nothing
_PARTICLES = {"thế", "hả", "hở", "z", "v", "vậy"}  # … and those a folded form would confuse with nouns ("thế" / "thẻ")


def with_formal_unit(unit: str, formal: list[tuple[str, str]]) -> str:
    """The unit, and the formal term's where the question counts in everyday words ("sáng kiến" → dự án)."""
    for typed, term in formal if unit not in ("", "%", "dong") else ():
        if fold_diacritics(typed).split()[0] == unit:
            unit += "|" + fold_diacritics(term.lower()).split()[0]
    return unit


# a dossier is counted in sets ("bộ hồ sơ") and in copies ("bản chính", "bản sao"): either answers a count of it
_COPY_UNITS = ("bo", "ban")
_DOSSIER = re.compile(r"\bho so\b")


def with_copy_units(unit: str, folded: str) -> str:
    """The unit, and the other unit a dossier is counted in where the question counts one in sets or copies ("bo|ban"
    for "nộp hồ sơ … bao nhiêu bộ", answered "01 bản chính và 04 bản sao hợp lệ"). ``folded``: the question, folded
    ("" reads none so)."""
    return "|".join(_COPY_UNITS) if unit in _COPY_UNITS and _DOSSIER.search(folded) else unit


def asked_unit(text: str, typed_with_diacritics: bool | None = None, how_few: bool = False, forms: bool = False) -> str:
    """What a "bao nhiêu" question counts, folded: "thanh" for "bao nhiêu thành viên", "%" for "bao nhiêu
    phần trăm", "dong" when it asks an amount of money; "" when it cannot tell. (Diacritics, when typed,
    tell "tiền" from "tiện"; typed_with_diacritics says whether the question was, where ``text`` has
    abbreviations spelled out with diacritics.) ``how_few``: "mấy yếu tố" names its unit too. With ``forms``, "từ bao
    nhiêu trở lên / trở xuống" asks a threshold and names no unit."""
    lower = " ".join(text.lower().split())
    folded = fold_diacritics(lower)
    asking = r"bao nhiêu|bao nhieu|mấy" if how_few else r"bao nhiêu|bao nhieu"
    found = re.search(rf"\b(?:{asking})\s+(\w+)(?:\s+(\w+))?", lower)
    words = [w for w in (found.groups() if found else ()) if w]
    if words and words[0] in _PARTICLES:
        words = []  # "… bị phạt tiền cao nhất bao nhiêu thế": a particle ends the question
    first = fold_diacritics(words[0]) if words else ""
    if [fold_diacritics(w) for w in words[:2]] == ["phan", "tram"]:
        return "%"
    unaccented_money = first in ("ty", "trieu", "dong") or (first == "tien" and words[1:2] != ["ich"])
    exact = has_diacritics(lower) if typed_with_diacritics is None else typed_with_diacritics
    # a syllable typed without marks may be any tone, also in a question typed with them ("phan bổ bao nhiêu tien")
    if words and (words[0] in _MONEY_WORDS or ((not exact or not has_diacritics(words[0])) and unaccented_money)):
        return "dong"
    if _MONEY_NOUNS.search(" ".join(fold_diacritics(w) for w in words)) and not _RATE.search(folded):
        return "dong"
    if forms and first == "tro" and [fold_diacritics(w) for w in words[1:2]] in (["len"], ["xuong"]):
        first = ""  # "từ bao nhiêu trở lên": a threshold, of whatever the sentence counts
    if first == "lan" and _PER_PERIOD.search(folded):
        return first  # "mỗi năm mấy lần?": a frequency, answered "01 lần/năm" (not "gấp 2 lần")
    if first and first not in _NOT_UNITS and not _RATE.search(folded):
        return first
    if (_MONEY_EXACT.search(lower) if exact else _MONEY.search(folded)) and not _RATE.search(folded):
        return "dong"
    # "…: số tuyến cáp quang biển mới … là bao nhiêu?", "số lượng thành viên … là bao nhiêu?": the noun after "số"
    for named in re.finditer(r"(?<!\w)số(?: lượng)?\s+(\w+)(?=[^:,;]*\bbao nhiêu\s*\??$)", lower) if how_few else ():
        before = lower[: named.start()].rstrip()
        if named.group(0).startswith("số lượng") or not before or before[-1] in ":,;":
            noun = fold_diacritics(named.group(1))
            return noun if noun not in _NOT_UNITS and noun not in _NOT_COUNTED else ""
    return ""


def counted_phrase(text: str, how_few: bool = False) -> str:
    """The two words after what "bao nhiêu / mấy" counts, folded ("du lieu" of "bao nhiêu kho dữ liệu quốc gia"), or ""
    when either is a function word: a Vietnamese noun phrase keeps its modifiers when its head is said in other
    words, so "11 cơ sở dữ liệu" counts what "bao nhiêu kho dữ liệu" asks."""
    asking = r"bao nhiêu|bao nhieu|mấy|may" if how_few else r"bao nhiêu|bao nhieu"
    found = re.search(rf"\b(?:{asking})\s+\w+\s+(\w+)\s+(\w+)", " ".join(text.lower().split()))
    words = [fold_diacritics(w) for w in found.groups()] if found else []
    return " ".join(words) if words and not any(w in _NOT_UNITS or w.isdigit() for w in words) else ""


_NOT_COUNTED = {"hoa", "hieu", "lieu", "luong", "tien", "ke", "dien"}  # "số hóa", "số hiệu", "số liệu", "số lượng": no count noun


# The kind of entity a "<noun> nào" question asks (folded noun → what a sentence must name to answer it): a
# ministry for "bộ nào", an enterprise for "doanh nghiệp nào", a place for "tỉnh nào", a circular for "thông tư nào".
ASKED_KINDS = {
    "bo": re.compile(r"\bBộ\s+[A-ZĐ]"),
    "so": re.compile(r"\bSở\s+[A-ZĐ]"),
    "doanh nghiep": re.compile(r"\b(?:Tập đoàn|Tổng công ty|Công ty|Ngân hàng)\s+[\wÀ-ỹ]|doanh nghiệp\b[^.;]{0,60}?\b[A-Z]{3,}\b"),
    "cong ty": re.compile(r"\b(?:Tổng công ty|Công ty)\s+[\wÀ-ỹ]"),  # a name: capitalised
    "tap doan": re.compile(r"\bTập đoàn\s+[\wÀ-ỹ]"),
}
# a place: a province by name, or "tỉnh / thành phố" and a capitalised name ("tỉnh, thành phố nào thí điểm …?")
_PLACE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in PROVINCES) + r")\b|\b(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+[A-ZĐÀ-Ỹ]")
PLACE_KINDS = {"tinh": "tỉnh", "thanh pho": "thành phố", "dia phuong": "địa phương"}  # folded → written
ASKED_KINDS |= {noun: _PLACE for noun in PLACE_KINDS}
_KIND_WRITTEN = {"bo": "bộ", "so": "sở", "doanh nghiep": "doanh nghiệp", "cong ty": "công ty", "tap doan": "tập đoàn"} | PLACE_KINDS | {
    fold_diacritics(t.lower()): t.lower() for t in DOC_TYPES
}  # each folded noun as written with diacritics
_ASKED_KIND = re.compile(rf"\b({'|'.join(ASKED_KINDS)}|{'|'.join(fold_diacritics(t.lower()) for t in DOC_TYPES)}) nao\b")


def asked_kind(folded: str, answer_type: str, written: str = "") -> str:
    """The folded noun of "<noun> nào" when it names a kind an answer must be of: "doanh nghiep" in "giao doanh
    nghiệp nào …?", "thong tu" in "Thông tư nào quy định …?"; "" otherwise. ``written``: the question as typed,
    lower case, when it has diacritics ("sở nào" is a kind, "xã hội số nào" is not)."""
    if answer_type not in (ORGANISATION, DOCUMENT):
        return ""
    found = _ASKED_KIND.search(folded)
    if not found:
        return ""
    noun = found.group(1)
    if written and not re.search(rf"(?<!\w){_KIND_WRITTEN.get(noun, noun)} nào\b", written):
        return ""  # the noun typed is another word folded alike
    return noun if (noun in ASKED_KINDS) == (answer_type == ORGANISATION) else ""


# "những / các <noun> nào / gì": the noun a list question asks the items of. A Vietnamese noun phrase begins with its
# head ("chỉ tiêu xã hội số", "độ tuổi người chơi"): the head is what the items are; a classifier before a noun ("loại
# dịch vụ", "nhóm dữ liệu") gives way to it; words that name no kind ("việc", "nội dung") ask nothing.
_CLASSIFIERS = frozenset({"loai", "nhom", "kieu", "dang", "hang", "danh muc", "hang muc"})
_NO_KIND = frozenset({"viec", "dieu", "thu", "cai", "noi dung", "van de", "cong viec", "y", "hang muc"})


_LIST_PLURALS = ("nhung", "cac")  # "những / các … nào": the plurals a list question asks with ("mỗi" is none)


def listed_noun(words: list[str]) -> str:
    """The folded head noun whose items a list question asks ("chi tieu" of "… những chỉ tiêu xã hội số nào?", "dich
    vu" of "gồm những loại dịch vụ nào?", "loai" of "phân loại dữ liệu thành những loại nào?"), or "". ``words``:
    the question's underthesea words."""
    folded = []
    for word in words:  # typed without diacritics, the plural may be glued to a neighbour: "gom_nhung co_quan nao"
        syllables = fold_diacritics(word.lower()).split()
        if len(syllables) > 1 and syllables[-1] in _LIST_PLURALS:
            folded += [" ".join(syllables[:-1]), syllables[-1]]
        elif len(syllables) > 1 and syllables[0] in _LIST_PLURALS:
            folded += [syllables[0], " ".join(syllables[1:])]
        else:
            folded.append(" ".join(syllables))
    for i, word in enumerate(folded):
        if word not in _LIST_PLURALS:
            continue
        end = next((j for j in range(i + 1, min(i + 8, len(folded))) if folded[j] in ("nao", "gi")), None)
        phrase = folded[i + 1 : end] if end else []
        if not phrase or any(not re.fullmatch(r"[a-z0-9 ]+", w) or w in _LIST_PLURALS for w in phrase):
            continue  # no "nào / gì" near, punctuation between ("những nhiệm vụ, giải pháp nào"), or the phrase asked
            #           comes later ("triển khai các nhiệm vụ theo những hình thức nào": hình thức)
        if phrase[0] in _CLASSIFIERS and len(phrase) > 1:
            phrase = phrase[1:]
        return "" if phrase[0] in _NO_KIND else phrase[0]
    return ""


_NOT_MEASURED = frozenset({
    "cua", "trong", "dat", "la", "duoc", "se", "da", "co", "tai", "o", "cho", "theo", "nam", "muc", "toi thieu",
    "toi da", "bao nhieu", "tong", "chung", "hien", "nay", "phai", "can", "it", "nhat",
})


# plural markers before a noun ("các", "những") and demonstratives pointing back after it ("đó", "này", "ấy", "nói trên")
_PLURAL = frozenset({"cac", "nhung", "moi"})
_POINTING_BACK = frozenset({"do", "nay", "ay", "kia", "noi tren", "neu tren", "vua neu"})  # not "trên" alone: "trên địa bàn"


def rate_of(words: list[str], pointed_back: bool = False) -> tuple[str, ...]:
    """What a rate question measures, folded: the word after "tỷ lệ / tỷ trọng" or after "bao nhiêu phần trăm" ("ho
    so" of "tỷ lệ hồ sơ trực tuyến toàn trình …", "chi phi" of "tiết kiệm bao nhiêu phần trăm chi phí?"), and the
    compound word after it, which may name it as well ("kinh phi", "ngan sach" of "bao nhiêu phần trăm kinh phí ngân
    sách chi sự nghiệp khoa học?"); () when the question names none. With ``pointed_back``, a plural marker before it
    is passed over, and a noun pointing back to what the question named before ("… bao nhiêu phần trăm các đối tượng
    đó …") names nothing a passage must repeat: ()."""
    folded = [fold_diacritics(w.lower()) for w in words]
    for i, word in enumerate(folded[:-1]):
        at = i + 1
        if pointed_back and folded[at] in _PLURAL and at + 1 < len(folded):
            at += 1
        head = folded[at]
        if word in _RATE_WORDS and re.fullmatch(r"[a-z ]+", head) and head not in _NOT_MEASURED:
            after = folded[at + 1] if at + 1 < len(folded) else ""
            compound = " " in after and re.fullmatch(r"[a-z ]+", after) and after not in _NOT_MEASURED
            if pointed_back and _points_back(folded[at + 1 : at + 4] if not compound else folded[at + 2 : at + 5]):
                return ()
            return (head, after) if compound else (head,)
    return ()


# a term written as a number and its unit, folded: "05 ngày làm việc" (5, "ngay"), "Kế hoạch 5 năm" (5, "nam")
_TERM = re.compile(r"\b0*(\d+)\s*(?:\([^()]{1,30}\)\s*)?(ngay|thang|nam|gio|tieng|phut|tuan)\b")
# a question checking a term it states ("… 5 năm hay 10 năm?", "… là 30 ngày phải không?", options "A. 03 tháng / B. 06
# tháng …" to choose from) asks about that term
_TERM_CHECKED = re.compile(r"\b(?:hay|hoac|phai khong|dung khong|co phai|dung hay sai)\b|(?:^|\s)a[.)]\s.*\sb[.)]\s", re.S)


def terms_written(folded: str) -> frozenset[tuple[str, str]]:
    """The terms a folded text writes as a number and a unit: {("5", "ngay")} of "trong thời hạn 05 ngày làm việc"."""
    return frozenset(_TERM.findall(folded))


def terms_given(folded_question: str) -> frozenset[tuple[str, str]]:
    """The terms a "bao lâu?" question states as what it asks about ("kế hoạch chuyển đổi số 5 năm … phải gửi trong hạn
    bao lâu?": the plan's 5 years), not as a value it checks; folded."""
    return frozenset() if _TERM_CHECKED.search(folded_question) else terms_written(folded_question)


# verbs by which a rate's population has what it measures: "tỷ lệ dân số trưởng thành có chữ ký số", "… sử dụng …"
_HAVING = frozenset({"co", "su dung", "dung", "tham gia", "ung dung", "duoc cap", "so huu"})


def rate_property(words: list[str]) -> str:
    """What a rate asked counts its population by, folded: the noun after "có / sử dụng / tham gia …" that follows the
    population ("chu ky" of "tỷ lệ dân số trưởng thành có chữ ký số cá nhân"), which a sentence giving the rate must
    name; "" when the question says none. ``words``: the question's underthesea words."""
    folded = [fold_diacritics(w.lower()) for w in words]
    for i, word in enumerate(folded):
        if word not in _RATE_WORDS:
            continue
        for j in range(i + 2, min(i + 6, len(folded) - 1)):
            if not re.fullmatch(r"[a-z ]+", folded[j]):
                return ""  # the population's phrase ends (a comma, a figure) before any verb of having
            if folded[j] in _HAVING:
                noun = folded[j + 1]
                return noun if re.fullmatch(r"[a-z ]+", noun) and noun not in _NOT_MEASURED | _PLURAL else ""
        return ""
    return ""


def _points_back(following: list[str]) -> bool:
    """Whether the words after a noun begin with a demonstrative pointing back ("đó", "này", "nói trên")."""
    return bool(following) and (following[0] in _POINTING_BACK or " ".join(following[:2]) in _POINTING_BACK)


_ALONE = re.compile(r"(?<!\w)(?i:riêng|rieng)\s+((?:[A-ZĐ][\w&-]*\s*){1,3})")
_ALONE_TYPED = re.compile(r"(?<!\w)(?:riêng|rieng)\s+([a-z][a-z0-9&-]{2,})(?!\w)", re.I)
# letters or clusters no Vietnamese syllable has: f, j, w, z, a doubled consonant, or no vowel at all ("vnpt")
_FOREIGN = re.compile(r"[fjwz]|([bcdghklmnpqrstvx])\1|^[^aeiouy]+$")


def alone_name(text: str) -> str:
    """The name a question asks of on its own ("Riêng MobiFone dự kiến có bao nhiêu trạm 5G?" → "mobifone"), folded;
    "" when it names none so."""
    found = _ALONE.search(text)
    if not found:  # a brand typed in lower case ("riêng mobifone", "rieng viettel"): a word no Vietnamese syllable spells
        typed = _ALONE_TYPED.search(text)
        return typed.group(1).lower() if typed and _FOREIGN.search(typed.group(1).lower()) else ""
    return " ".join(fold_diacritics(found.group(1).lower()).split())


def _bound_words(words: tuple[str, ...]) -> str:
    return "|".join(fold_diacritics(w) for w in words)


UPPER_BOUND = re.compile(rf"\b(?:{_bound_words(UPPER_BOUNDS)})\b")
LOWER_BOUND = re.compile(rf"\b(?:{_bound_words(LOWER_BOUNDS)})\b")


def bound_asked(folded: str) -> str:
    """The bound a figure question asks (folded question): "upper" for "tối đa bao lâu / không quá mấy", "lower" for
    "ít nhất / tối thiểu bao nhiêu", "" when it asks neither or both."""
    upper, lower = bool(UPPER_BOUND.search(folded)), bool(LOWER_BOUND.search(folded))
    return "upper" if upper and not lower else "lower" if lower and not upper else ""


_ORDINAL = "|".join(sorted({fold_diacritics(n) for n in ORDINAL_NOUNS}, key=len, reverse=True))
_ORDINAL_ASKED = re.compile(rf"\b({_ORDINAL}) may\b")
# "đạt cấp độ an toàn thông tin (thấp nhất là) mấy?": the noun, its modifiers, then "mấy" ending the question
_ORDINAL_ASKED_AFTER = re.compile(rf"\b({_ORDINAL})(?: (?!co\b|la\b|duoc\b)[a-z]+){{1,6}}(?: la)? may\s*(?:[?.,;]|$)")


def asked_ordinal(folded: str) -> str:
    """The noun a "<noun> mấy" question asks the number of ("cap" for "công trình cấp mấy", "cap do" for "cấp độ
    an toàn thông tin mấy?"), or ""."""
    found = _ORDINAL_ASKED.search(folded) or _ORDINAL_ASKED_AFTER.search(folded)
    return found.group(1) if found else ""
