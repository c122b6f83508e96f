"""What a question asks: its answer type from its question words, and what it asks about a document (its scope,
its article, its recitals, its issuer, signer or số hiệu, a web address)."""

from __future__ import annotations

import re
from typing import Mapping

from core.lexicon import ASPECT_WORDS, CONTRASTED_QUALIFIERS, DOC_TYPES, GOVERNMENT_LEVELS, TIME_QUESTION_NOUNS
from hoidap.query.record import (
    DATE,
    DEFINITION,
    DOCUMENT,
    DURATION,
    LIST,
    NUMBER,
    ORGANISATION,
    OTHER,
    PERSON,
    VALIDITY,
    YESNO,
    Query,
)
from hoidap.terms import coverage, normalized
from ingest.normalize import fold_diacritics

# Document words of validity questions (folded): "thay thế văn bản / quy định nào".
DOC_WORD = r"(?:van ban|nghi dinh|luat|bo luat|quyet dinh|thong tu|nghi quyet|phap lenh|chi thi|quy dinh)"
# group 1: the term defined ("X là gì?", "X được hiểu là gì?", "X được định nghĩa thế nào?", "X nghĩa là gì?")
DEFINITION_CUE = r"^(.{3,80}?) (la gi|la nhu the nao|duoc hieu (la|nhu the nao)|duoc dinh nghia (la gi|ra sao|(nhu )?the nao)|(co )?nghia la gi)\b"
_CUES: tuple[tuple[str, str], ...] = (
    # order matters: the first match wins
    (VALIDITY, rf"(con|het) hieu luc|bi (thay the|bai bo)|(thay the|bai bo) {DOC_WORD} nao|duoc thay the (bang|boi)|lam .{{0,20}}het hieu luc|{DOC_WORD} nao (thay the|bai bo)"),
    (DOCUMENT, r"(van ban|nghi dinh|luat|quyet dinh|thong tu|nghi quyet|ke hoach|dieu|khoan|chuong|muc|phan|phu luc|quy dinh) (nao|so may|gi) (quy dinh|neu|dat|yeu cau|huong dan|cho phep|de ra|ban hanh|noi ve|de cap)|(quy dinh|neu) (tai|o) (dau|van ban nao|dieu nao)|theo (van ban|nghi dinh|dieu|quyet dinh|luat) nao|(?<!nhung )(?<!cac )(dieu|khoan) (nao|may|so may)\b|(quyet dinh|van ban|nghi dinh|to trinh) nao\b"),
    (DEFINITION, DEFINITION_CUE),
    # "vào những mốc nào / những ngày nào": several dates asked, not a list of things
    (DATE, r"nhung (moc|thoi diem|ngay|thang|nam|quy|dip|luc|ky) (thoi gian )?nao\b"),
    # "gồm mấy cái gì", "có mấy thứ gì": "mấy" with a classifier and "gì" asks which things, not how many
    (LIST, r"(gom|bao gom) (nhung )?(gi|nao|cac)|nhung (\w+ ){1,6}(nao|gi\b)|cac (\w+ ){1,4}nao|nhung gi|ke ten|liet ke|nhung viec gi|nhung noi dung"
           r"|\bmay (cai|thu|viec|noi dung|hang muc|khoan muc) gi\b"),
    (DOCUMENT, r"\b(thong tu|nghi quyet|chi thi|cong van) nao\b"),  # after LIST: "những thông tư nào" asks a list
    # "mấy giờ" asks a time of day (a duration in hours is "mấy tiếng", "bao nhiêu giờ")
    (DURATION, r"bao lau|trong (thoi han|thoi gian) (bao lau|nao)|may (ngay|thang|nam|phut|tieng)|bao nhieu (ngay|thang|nam|gio|phut|tieng)|thoi han (la )?bao (lau|nhieu)"),
    (DATE, r"(khung gio|khoang thoi gian|thoi gian|thoi han|thoi diem|moc thoi gian) nao|\bthoi han( \w+){0,2} (the nao|ra sao)|khi nao|bao gio|may gio|(?<!bat cu )(?<!bat ky )luc nao|ngay nao|thoi diem nao|nam nao|thang nao|truoc ngay|moc nao|tu luc nao|giai doan nao|han (chot|cuoi)|quy may"),
    # "mức phạt tính thế nào?", "… được xác định ra sao?": a manner asked, not an amount ("thời hạn ban hành thế nào?"
    # asks a date, above)
    (OTHER, r"^(?!.*\b(?:bao nhieu|may)\b).*\b(?:the nao|ra sao)\s*(?:\([^)]*\))?\s*\??$"),
    (NUMBER, r"bao nhieu|\bmay\b|(muc|khung) (phat|chi|ho tro|tien phat)|\bkhung nao\b|toi da la|toi thieu la|dat muc"),
    (ORGANISATION, r"(co quan|bo|so|don vi|to chuc|ban|cap|ai|nganh|uy ban|doanh nghiep|tinh|thanh pho|dia phuong|hoi|hiep hoi|doan the) nao\b|\bai (chu tri|phu trach|lo|thuc hien|chiu trach nhiem|cap|quyet dinh|ban hanh|ky|to chuc|tham muu)|(do|giao|boi) ai\b|ai la (co quan|don vi) dau moi"),
    (PERSON, r"^ai\b|\bla ai\b|\bai la\b|nguoi nao|\bong(?:/ba| ba| hay ba)? nao\b|\bba nao\b|\b(?:chon|cu|bo nhiem|bau|de cu) ai\b"),
    # a measure named with no question word ("Tỷ lệ hồ sơ được số hóa?") asks its figure; named as the object of one
    # ("cơ quan nào theo dõi chỉ tiêu tỉ lệ …?") it asks what that word asks
    (NUMBER, r"ty le|ti le|phan tram|so luong"),
    (YESNO, r"\b(co|duoc|phai|da) .{1,60} (khong|ko|chua)\s*\??$|(duoc khong|phai khong|co khong|dung khong|chua)\s*\??$"),
)
_CUE_RES = tuple((kind, re.compile(pattern)) for kind, pattern in _CUES)
SCOPE = "Phạm vi điều chỉnh"  # the article on what a document governs (its title)
SCOPE_ASKED = re.compile(r"(quy dinh (ve )?(nhung )?(van de |noi dung )?gi\b|dieu chinh (nhung )?(\w+ ){0,3}(gi|nao)\b|pham vi dieu chinh)")
# the purpose of a document asked ("… ban hành nhằm mục đích gì?", "Mục đích của Kế hoạch … là gì?", "… để làm gì?"): the
# part titled "Mục đích" answers
PURPOSE = "Mục đích"
PURPOSE_ASKED = re.compile(r"\b(?:nham|voi) muc dich (?:gi|nao)\b|\bmuc dich (?:cua [^?]{0,80}?)?(?:la gi|gom nhung gi|gi)\b|\bde lam gi\b")
APPLIES_ASKED = re.compile(r"(ap dung (doi voi|cho) (ai|nhung ai|doi tuong nao|nhung doi tuong nao)|doi tuong (ap dung|nao))")
# a số hiệu asked: "số hiệu", "ký hiệu", "quyết định số mấy", "nghị định số bao nhiêu"
CODE_ASKED = re.compile(rf"\b(so hieu|ky hieu)\b|\b(?:{DOC_WORD[3:-1]}|ke hoach|cong van) so (?:may|bao nhieu)\b")
# what gives a web or e-mail address: a URL, a domain name ("dean06.vn", "data.gov.vn"), an e-mail address
WEB_ADDRESS = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|org|net|gov|int|edu|io|info)\b", re.I
)
# a web or e-mail address asked ("địa chỉ website / trang thông tin điện tử / thư điện tử … là gì?", "tên miền nào"); a
# question naming "tên miền" asks one when its question word binds to it ("tên miền (truy cập) nào", "… có dạng gì", "…
# là gì"), not when it binds to another head ("tranh chấp tên miền … theo những hình thức nào?")
ADDRESS_ASKED = re.compile(
    r"\bdia chi (?:website|web|trang|cong|truy cap|thu dien tu|email|e-mail|url|ten mien)\b"
    r"|\bten mien\b(?=.*\b(?:ten mien|truy cap|dang|la)\s+(?:nao|gi)\b)"
    r"|\b(?:website|web|trang web|e-?mail|mail|hop thu|thu dien tu)\s+(?:nao|gi)\b"  # "gửi vô mail nào?", "email gì?"
)
_ARTICLE_ASKED = re.compile(r"\b(?:dieu|chuong|muc|phan|phu luc) (?:nao|may|so may)\b(?:.*?\b(?:quy dinh|noi|de cap|huong dan)(?: ve)?\b(.*))?")


def topic_terms(query: Query) -> Mapping[str, float]:
    """The key terms of what a "which article" question asks about (all of them when it names no topic)."""
    topic = f" {query.wants_article} "
    terms = {t: w for t, w in query.terms.items() if f" {fold_diacritics(t)} " in topic}
    return terms or query.terms


def title_match(query: Query, title: str) -> float:
    """How well an article's title names what a "which article" question asks about: the share of the topic's
    terms it covers times the share of its own words that are the topic's ("Chữ ký điện tử" names "chữ ký điện
    tử" better than "Sử dụng chữ ký điện tử chuyên dùng, …")."""
    words = re.sub(r"^(?:Điều|Chương|Mục|Phụ lục)\s+\S+?[.:]\s*", "", title.strip())
    words = normalized(words, exact=False).split()
    if not words:
        return 0.0
    topic = set(query.wants_article.split())
    cover = coverage(topic_terms(query), normalized(title, query.exact), query.alternates)
    return cover * sum(w in topic for w in words) / len(words)


def article_topic(folded: str) -> str:
    """What a "… điều nào quy định về X?" question asks the article of, folded ("" when it asks no article)."""
    found = _ARTICLE_ASKED.search(folded)
    if not found:
        return ""
    after = " ".join((found.group(1) or "").strip(" ?.").split())
    before = re.sub(r"\b(?:duoc )?(?:quy dinh|neu|noi) (?:tai|o|trong)\s*$", "", folded[: found.start()]).strip(" ,")
    return after or before  # "X được quy định tại điều nào?"


RECITAL_ASKED = re.compile(
    r"\b(?:theo|xet) de nghi (?:cua|tai) (?:\w+ ){0,3}(?:nao|ai)\b|\bcan cu (?:vao )?(?:\w+ ){0,4}nao\b"
    r"|\bto trinh (?:so )?(?:nao|gi|may|bao nhieu)\b"  # "… ban hành trên cơ sở tờ trình nào của Sở?": "Theo đề nghị … tại Tờ trình số …"
    r"|\b(?:lay |duoc dung )?lam can cu\b.*\bnao\b"  # "… mà Kế hoạch 144 lấy làm căn cứ được phê duyệt tại quyết định nào?"
)
# a duty's deadline ("phải gửi báo cáo trước ngày nào?", "hạn chót gửi …", "chậm nhất ngày nào?"): what a document
# orders done by a date, never the document's own date
DEADLINE_ASKED = re.compile(r"\b(?:phai|truoc ngay|han chot|thoi han|han nop|han gui|cham nhat|tre nhat|muon nhat)\b")
ISSUED_ASKED = re.compile(r"\b(ban hanh|duoc ky|ky ban hanh|duoc gui|gui|ky (?:vao )?(?:ngay|hom) nao|ngay ky)\b")
# "… gửi cho những nơi nào?", "nơi nhận của …", "… được gửi tới những cơ quan nào?": a document's recipients ("Nơi
# nhận"); not "… phải gửi về đâu?", where a duty sends a report or a plan (the recipients are many: "những", "các")
RECIPIENTS_ASKED = re.compile(
    r"\bnoi nhan\b|\b(?:duoc )?gui (?:cho|toi|den)? ?(?:nhung|cac) (?:ai|noi|dau|co quan|don vi|dia chi)\b"
    r"|\b(?:nhung|cac) (?:noi|co quan|don vi) (?:nao )?(?:duoc |se )?nhan\b"
)
SIGNER_ASKED = re.compile(r"\b(?:ai|nguoi) (?:da |duoc )?ky\b|\bnguoi ky\b|\bky (?:ban hanh )?(?:van ban|" + "|".join(
    fold_diacritics(t.lower()) for t in DOC_TYPES) + r")\b")
ISSUER_ASKED = re.compile(r"((co quan nao|ai|don vi nao) (ban hanh|ky)|ban hanh boi)")
# "Luật An ninh mạng có số hiệu là gì?": a document's attribute, not a term's definition
ATTRIBUTE_OF = re.compile(r"^(?:" + "|".join(t.lower() for t in DOC_TYPES) + r")\s+\w|\s(?:có)\s")
ATTRIBUTE_OF_FOLDED = re.compile(r"^(?:" + "|".join(fold_diacritics(t.lower()) for t in DOC_TYPES) + r")\s+\w|\s(?:co)\s")


_SUBJECT_TYPES = sorted(((fold_diacritics(t.lower()), t) for t in DOC_TYPES), key=lambda pair: -len(pair[0]))


def subject_type(folded: str) -> str:
    """The document type a question (folded) begins with: "Luật" of "luat ma thu tuong ban hanh ke hoach trien khai
    thi hanh … co hieu luc tu ngay nao?", whose subject is a law, not the decision its words also name; "" when it
    begins otherwise."""
    return next((t for f, t in _SUBJECT_TYPES if folded.startswith(f + " ")), "")


_TIME_NOUNS = frozenset(fold_diacritics(n) for n in TIME_QUESTION_NOUNS)


def without_time_question_nouns(words: list[str]) -> list[str]:
    """The words of a time question less the noun it asks with ("mốc" of "vào những mốc nào trong năm?", "thời điểm"
    of "từ thời điểm nào?", "mốc thời gian nào"): the answering passage gives dates, not that noun."""
    folded = [fold_diacritics(w.lower()) for w in words]
    asking: set[int] = set()
    for i, word in enumerate(folded):
        if word in _TIME_NOUNS:
            end = i + 1 + (folded[i + 1 : i + 2] == ["thoi gian"])
            if folded[end : end + 1] == ["nao"]:
                asking.update(range(i, end))
    return [w for i, w in enumerate(words) if i not in asking]


def not_how_many(lower: str) -> str:
    """The words that fold to "may" but are not "mấy" (máy tính, may mắn, mây), written so that folding keeps
    them apart: typed with diacritics, "máy tính" does not ask "how many"."""
    return re.sub(r"(?<!\w)(máy|mày|mây|may|mảy)(?!\w)", lambda m: f"m_{m.group(1)[1:]}", lower)


# "mấy" before a noun is also the plural "các" ("mấy anh chị tình nguyện", "mấy nhiệm vụ triển khai năm 2025"): it does
# not ask how many where the question asks with a word of its own after it ("… thì kinh phí lấy ở đâu", "… ngang với
# ai"); "mấy ngày", "mấy lần" keep asking a count, and so does a question of two parts (";")
_PLURAL_MAY = re.compile(r"(?<!\w)may (?!(?:ngay|thang|nam|tuan|gio|phut|tieng|lan|buoc|cap|muc)\b)(?=\w)")
_OWN_QUESTION_WORD = re.compile(r"\b(?:gi|nao|ai|bao gio)\b|\b(?:o|tu|den|ve|di|lay|tai|nam) dau\b")  # "dẫn đầu" asks nothing


def may_as_plural(folded: str) -> str:
    """The folded question with a "mấy" read as the plural "các" where it does not ask (see _PLURAL_MAY): "qđ 2623 mấy
    nhiệm vụ triển khai … thì kinh phí lấy ở đâu" asks where the money comes from, not how many tasks."""
    found = _PLURAL_MAY.search(folded)
    if not found or ";" in folded or re.search(r"\bbao nhieu\b", folded):
        return folded
    rest = folded[found.end() :]
    words_after = rest.split()
    if len(words_after) < 4 or re.search(r"(?<!\w)may(?!\w)", rest) or not _OWN_QUESTION_WORD.search(" ".join(words_after[2:])):
        return folded
    return f"{folded[: found.start()]}cac {rest}"


_LEVEL = re.compile(r"\bcap (" + "|".join(fold_diacritics(level) for level in GOVERNMENT_LEVELS) + r")\b")


def government_levels(folded: str) -> list[str]:
    """The levels of government a folded text names with "cấp" ("cấp huyện", "cấp tỉnh"), folded."""
    return _LEVEL.findall(folded)


def names_level(levels: tuple[str, ...], text: str) -> bool:
    """Whether a passage (with diacritics) names one of the levels of government asked (folded: "huyen"), with "cấp"
    or by its own noun ("Ủy ban nhân dân huyện", "các tỉnh"; "xã hội" is no xã)."""
    lower = text.lower()
    if set(government_levels(fold_diacritics(lower))) & set(levels):
        return True
    written = [level for level in GOVERNMENT_LEVELS if fold_diacritics(level) in levels]
    return any(re.search(rf"(?<!\w){re.escape(level)}(?!\w)(?! hội)", lower) for level in written)


# Grades of a classification: "cấp độ 4", "mức độ 2", "nhóm A", "loại II", "hạng 1". A value followed by "trở lên", "trở
# xuống" or a range ("3-5", "3 đến 5") states more than that grade; "hạng" and "bậc" are told from "hàng", "bắc" only
# with diacritics ("ngân hàng 95%" is no grade).
_GRADE_NOUNS = ("cấp độ", "mức độ", "nhóm", "loại", "hạng", "bậc")
_GRADE_NOUNS_FOLDED = ("cap do", "muc do", "nhom", "loai")
_GRADE_END = r"\b(?![%/.,]?\d)(?!\s*(?:%|trở lên|trở xuống|đến\b|tro len|tro xuong|den\b|-|–|,|và\b|va\b|hoặc\b|hoac\b))"


def grades_named(text: str, exact: bool = True) -> list[str]:
    """The single grades a lower-case text names, folded ("cap do 4"); its ranges and lists of grades left out."""
    nouns = _GRADE_NOUNS if exact else _GRADE_NOUNS_FOLDED
    found = re.findall(rf"(?<!\w)({'|'.join(nouns)})\s+(\d{{1,2}}|[ivx]{{1,4}}|[a-d]){_GRADE_END}", text)
    # "nhóm VII" of an appendix is the table's group row, where to look ("Phụ lục …, nhóm VII, dòng 1"), not a grade
    return [f"{fold_diacritics(noun)} {value}" for noun, value in found if not (noun == "nhóm" or noun == "nhom") or not re.fullmatch(r"[ivx]+", value)]


# a floor written before the grade: "tối thiểu (bảo đảm an toàn thông tin) cấp độ 3", "ít nhất cấp độ 3", folded
_FLOOR_BEFORE = r"\b(?:toi thieu|it nhat|thap nhat)(?:\s+[\w-]+){0,6}?\s+"


def states_grade(asked: tuple[str, ...], folded: str, floors: bool = False) -> bool:
    """Whether a folded text states each grade asked ("cap do 4"): the grade itself, or a list ("cấp độ 3, 4 và 5") or a
    range ("cấp độ 3 trở lên"; with ``floors`` also "tối thiểu … cấp độ 3") of that kind that may hold it. A text naming
    no grade of that kind, or only others ("cấp độ 3" for "cấp độ 4", "nhóm B và nhóm C" for "nhóm A"), does not."""
    value = r"(?:\d{1,2}|[ivx]{1,4}|[a-d])\b"
    for grade in asked:
        noun, wanted = grade.rsplit(" ", 1)
        said = list(re.finditer(rf"\b{noun}\s+({value}(?:\s*(?:,|va|hoac)\s*(?:{noun}\s+)?{value})*)(\s*(?:tro len|tro xuong|den\b|-|–))?", folded))
        if any(m.group(2) for m in said):
            continue
        if floors and re.search(rf"{_FLOOR_BEFORE}{noun}\s+{value}", folded):
            continue  # "tối thiểu … cấp độ 3": a floor, which answers of every grade of that kind
        if wanted not in {v for m in said for v in re.findall(rf"\b{value}", m.group(1))}:
            return False
    return True


# "thực tế đến nay đã đạt được bao nhiêu?": what was achieved is asked, which a target does not state
ACHIEVED_ASKED = re.compile(r"\bthuc te\b|\bda dat duoc\b|\bda thu hut duoc\b|\bdat duoc (?:bao nhieu|muc nao)\b")
# a sentence that sets a target: its words, or those of its heading or lead-in
_TARGET_SAID = re.compile(r"\b(?:muc tieu|chi tieu|phan dau|ke hoach dat|tam nhin)\b")


def states_target_only(folded: str, horizons: list[str]) -> bool:
    """Whether a folded text (a sentence with its heading and lead-in) sets a target — target words or target years
    ("Đến năm 2030, …") — and says nothing done ("đã")."""
    return bool(_TARGET_SAID.search(folded) or horizons) and not re.search(r"\bda\b", folded)


# "văn bản nào / nghị định nào …?" asks a document itself, "điều nào / khoản nào …?" a provision of one
_DOCUMENT_ITSELF = re.compile(r"\b(?:van ban|nghi dinh|luat|quyet dinh|thong tu|nghi quyet|ke hoach|de an|chuong trinh) nao\b")
_PROVISION_ASKED = re.compile(r"\b(?:dieu|khoan|diem|muc|chuong|phan) (?:nao|may|so may)\b")


def asks_document_itself(folded: str) -> bool:
    """Whether a folded question asks which document ("văn bản nào sẽ quy định chi tiết khoản 7 Điều 8?"), not which
    provision ("… sẽ quy định chi tiết khoản nào?")."""
    return bool(_DOCUMENT_ITSELF.search(folded)) and not _PROVISION_ASKED.search(folded)


# a year asked alone: "riêng năm 2024", "trong năm 2023", "năm 2023 tăng …" (not "đến năm 2030", "từ năm 2019",
# "giai đoạn 2021-2025", which are targets and periods)
_ONE_YEAR = re.compile(r"(?<!đến )(?<!tới )(?<!từ )(?<!den )(?<!toi )(?<!tu )\b(?:năm|nam)\s+((?:19|20)\d\d)\b(?!\s*[-–])", re.I)
_YEAR_RANGE = re.compile(
    r"\b(?:từ|tu)\s+(?:năm\s+|nam\s+)?((?:19|20)\d\d)\s+(?:đến|den|tới|toi)\s+(?:nay|năm\s+\d{4}|nam\s+\d{4}|\d{4})"
    r"|\b((?:19|20)\d\d)\s*[-–]\s*(?:19|20)\d\d\b",
    re.I,
)


def year_asked(question: str) -> str:
    """The one year a question asks a figure of ("Riêng trong năm 2024, … bao nhiêu tỷ đồng?" → "2024"); "" when it
    names none, several, a target year or a period."""
    years = set(_ONE_YEAR.findall(question))
    return years.pop() if len(years) == 1 and not _YEAR_RANGE.search(question) else ""


def states_other_years(text: str, year: str) -> bool:
    """Whether a sentence gives its figures for other years than the one asked: single years only other ones ("năm
    2021 đạt 7,34%, năm 2022 đạt 8,42%" for 2023), or a period ("Từ năm 2019 đến nay, … hơn 844 tỷ đồng" for 2024)."""
    ranged = _YEAR_RANGE.search(text)
    singles = set(_ONE_YEAR.findall(_YEAR_RANGE.sub(" ", text)))
    return year not in singles and bool(singles or ranged)


_YEAR_TOKEN = re.compile(r"^(?:19|20)\d\d$")
_SKIPPED = re.compile(r"^(?:\(.*\)|năm|nam|lần|lan|thứ|thu)$")  # between a name and its year: "(VDA) năm 2024"


def _words(text: str) -> list[str]:
    return re.findall(r"\([^()\s]{1,12}\)|[\w%&]+", text)


def named_years(text: str) -> list[tuple[str, str]]:
    """(name, year) for each year a text writes after a proper name ("Giải thưởng Chuyển đổi số Việt Nam (VDA) năm
    2024" → ("doi so viet nam", "2024")): the four words before the year, the last capitalised, folded."""
    words, found = _words(text), []
    for i, word in enumerate(words):
        if not _YEAR_TOKEN.match(word):
            continue
        j = i - 1
        while j >= 0 and _SKIPPED.match(words[j]):
            j -= 1
        if j >= 3 and words[j][:1].isupper() and not any(c.isdigit() for w in words[j - 3 : j + 1] for c in w):
            found.append((fold_diacritics(" ".join(words[j - 3 : j + 1]).lower()), word))
    return found


def other_named_year(asked: tuple[tuple[str, str], ...], text: str) -> bool:
    """Whether a text writes a name the question dates ("… Việt Nam (VDA) năm 2024") with another year only
    ("Giải thưởng Chuyển đổi số Việt Nam 2023 (VDA)")."""
    said = named_years(text)
    return any(
        any(n == name for n, _ in said) and not any(n == name and y == year for n, y in said) for name, year in asked
    )


_QUARTER = re.compile(r"\bquy\s+(iv|i{1,3}|[1-4])(?!\w|[.,]\d)")
_QUARTER_NUMBER = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


def quarters_named(folded: str) -> list[str]:
    """The quarters of a year a folded text names, as digits: "quy ii/2025" and "quy 2" → "2"."""
    return list(dict.fromkeys(_QUARTER_NUMBER.get(q, q) for q in _QUARTER.findall(folded)))


def other_quarter(asked: tuple[str, ...], folded: str) -> bool:
    """Whether a folded text states only other quarters than those asked ("Quý I/2025: Tổng doanh số …" for "quý
    II/2025"); a text naming no quarter is not told apart by this."""
    said = quarters_named(folded)
    return bool(said) and not set(said) & set(asked)


_ASPECT_SYLLABLES = frozenset(fold_diacritics(s) for word in ASPECT_WORDS for s in word.split())


def aspect_only(question: str) -> bool:
    """Whether a question (or a later part of one) asks only an aspect (ASPECT_WORDS: "Hạn chót là khi nào?", "chậm nhất
    là lúc nào") and names no topic of its own."""
    syllables = re.findall(r"\w+", fold_diacritics(question.lower()))
    return 0 < len(syllables) <= 10 and all(s in _ASPECT_SYLLABLES for s in syllables)


def answer_type_of(folded: str) -> str:
    """The answer type a (folded, lower-case) question asks for."""
    for kind, pattern in _CUE_RES:
        if pattern.search(folded):
            return kind
    return OTHER


_QUALIFIERS = tuple(tuple(fold_diacritics(q) for q in group) for group in CONTRASTED_QUALIFIERS)


def _said(phrase: str, folded: str) -> bool:
    """Whether a folded text says a qualifier as itself, not inside a longer fellow ("công lập" of "ngoài công lập")."""
    longer = [q for group in _QUALIFIERS for q in group if q != phrase and phrase in q]
    rest = folded
    for q in longer:
        rest = re.sub(rf"(?<!\w){re.escape(q)}(?!\w)", " ", rest)
    return bool(re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", rest))


def qualifiers_named(folded: str) -> list[str]:
    """The contrasted qualifiers (CONTRASTED_QUALIFIERS) a folded question says: "nang cao" of "chứng chỉ … nâng cao"."""
    return [q for group in _QUALIFIERS for q in group if _said(q, folded)]


def other_qualifier(asked: tuple[str, ...], folded: str) -> bool:
    """Whether a folded sentence says a fellow of a qualifier asked ("cơ bản" for "nâng cao") and not the one asked."""
    for q in asked:
        fellows = next(group for group in _QUALIFIERS if q in group)
        if not _said(q, folded) and any(_said(f, folded) for f in fellows if f != q):
            return True
    return False
