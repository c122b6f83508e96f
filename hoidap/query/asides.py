"""Asides a question carries that ask nothing: rules of written chat Vietnamese.

- Emoji and emoticons ("… vậy 🙏", "sở nào chủ trì ạ :((", "=)) bao nhiêu % thế", "^^ ai theo dõi") and a reaction
  before the question proper ("😮 nhiều vậy à, thế ai theo dõi?" → "ai theo dõi?").
- The same question asked again in other words after a marker ("Hạn nộp là khi nào? Tức là trễ nhất ngày nào ấy?",
  "Ai chủ trì — nói cách khác là cơ quan nào chịu trách nhiệm chính?"): the first asking is what is asked.
- Figurative words for roles and acts are read as the documents' terms ("ai cầm trịch" → "ai chủ trì", "làm cái loa"
  → "làm tuyên truyền"; core/lexicon.py IDIOMS).
- When the asker asks ("Hôm nay 10/1/2026, …", "Bây giờ là tháng 3/2026.", "Giờ đang là giữa tháng 12/2025 — …"): a
  date no passage need state. It gives a target's "đến hết năm sau" its year ("Bây giờ là năm 2026. … đến hết năm sau
  …" → "đến hết năm 2027"); elsewhere "năm nay", "năm sau" stay as typed ("xong trong năm nay hay năm sau?", "Đầu năm
  sau, … trước ngày nào?"): as years they would be years a passage must name, and the documents give recurring
  deadlines ("trước ngày 30 tháng 01 hằng năm") without one.
"""

from __future__ import annotations

import re

from core.lexicon import IDIOMS, PLACE_NICKNAMES

# pictographs, dingbats, their joiners and variation selectors
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u200D\uFE0F\u20E3]+")
# emoticons typed with ASCII, standing apart from words: ":((", ":)", "=))", "^^", "^_^", ":D", "T_T", "-_-", "<3", ":v"
_EMOTICON = re.compile(r"(?<![\w:/=])(?:[:;=][-']?[()DPpv3|/\\]+|\^[_.-]?\^+|T[_.]T|-_-|>_<|<3|xD|XD)(?![\w/])")
# a reaction closing its own clause before the question: "nhiều vậy à,", "tham vọng thế ư!", "Ồ,", "Wow,"
_REACTION = re.compile(
    r"^\s*(?:(?:ồ|ô|ôi|ủa|oa|wow|chà|trời|ối)\s*[,!]+\s*)?"
    r"(?:[^\W\d_][\w]*(?:\s+[^\W\d_][\w]*){0,3}\s+(?:vậy|vầy|thế|ghê|quá|thật)\s+(?:à|ư|sao|hả|hở|á|hử)\s*[,!.?]+\s*"
    r"|(?:ồ|ô|ôi|ủa|oa|wow|chà|trời|ối)\s*[,!]+\s*)"
    r"(?:(?:thế|vậy|thế thì|vậy thì|the|vay)\s+)?",
    re.I,
)
# a marker that begins the same question asked again: a sentence after the question mark ("? Tức là …", "? Ý tôi là
# …"), or "— nói cách khác …" after a dash (a bare "tức" inside a sentence glosses a phrase: "…, tức đến năm 2030, …")
_RESTATED = re.compile(
    r"(?:(?<=\?)\s+(?:hay\s+)?(?:tức là|nói cách khác|nói khác đi|nghĩa là|ý là|ý tôi là|ý em là|ý mình là|hiểu là|"
    r"tuc la|noi cach khac|nghia la|y toi la)|\s*[—–]\s*(?:hay\s+)?(?:nói cách khác|nói khác đi|noi cach khac))"
    r"\b[^?]*\?*\s*$",
    re.I,
)
_DAY = r"(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?P<y1>(?:19|20)\d\d)"
_MONTH = r"(?:(?:giữa|đầu|cuối)\s+)?tháng\s+\d{1,2}\s*(?:/|\s+năm\s+)\s*(?P<y2>(?:19|20)\d\d)"
_YEAR = r"(?:(?:giữa|đầu|cuối)\s+)?năm\s+(?P<y3>(?:19|20)\d\d)"
# "Hôm nay (là) 10/1/2026", "Bây giờ là tháng 3/2026", "Giờ đang là giữa tháng 12/2025", "Hiện tại là năm 2026" — the
# statement of when the asker asks, up to the punctuation that closes it
_ASKED_AT = re.compile(
    r"(?:^|(?<=[.?!,;:]\s))\s*(?:hôm nay|bây giờ|giờ|hiện nay|hiện tại|hiện giờ|thời điểm này|nay)\s+(?:đang\s+)?(?:là\s+)?"
    rf"(?:{_DAY}|{_MONTH}|{_YEAR})\s*(?:rồi\s*)?(?:[.,;:!]|\s[—–-])\s*",
    re.I,
)
# a target year told from the asking time: "đến (hết) năm sau", "đến cuối năm nay"
_HORIZON = re.compile(r"\b(đến|tới)\s+((?:hết|cuối)\s+)?năm\s+(nay|sau|tới)\b", re.I)
_AHEAD = {"nay": 0, "sau": 1, "tới": 1}


def without_reactions(question: str) -> str:
    """The question without emoji, emoticons and a reaction before it ("😮 tham vọng vậy à, thế ai theo dõi …?" → "ai
    theo dõi …?"); the question itself when too little would be left."""
    rest = " ".join(_EMOTICON.sub(" ", _EMOJI.sub(" ", question)).split())
    reacted = _REACTION.sub("", rest, count=1)
    rest = reacted if len(reacted.split()) >= 3 else rest
    return rest if len(rest.split()) >= 3 else question


def without_restatement(question: str) -> str:
    """The question without its second asking in other words ("Hạn nộp là khi nào? Tức là trễ nhất ngày nào ấy?" →
    "Hạn nộp là khi nào?"); the question itself when too little would be left."""
    rest = _RESTATED.sub("", question, count=1).rstrip(" ,—–-")
    if rest == question or len(rest.split()) < 4:
        return question
    return rest if rest.endswith("?") else rest + "?"


def read_at_asking(question: str) -> str:
    """The question without the statement of when it is asked ("Hôm nay là 20/5/2025. Đợt báo cáo … phải gửi trước
    ngày nào?" → "Đợt báo cáo … phải gửi trước ngày nào?"), a target's "đến hết năm sau" given its year; the question
    itself when it states no such time or too little would be left."""
    found = _ASKED_AT.search(question)
    if not found:
        return question
    year = int(found.group("y1") or found.group("y2") or found.group("y3"))
    rest = (question[: found.start()] + " " + question[found.end() :]).strip()
    rest = _HORIZON.sub(lambda m: f"{m.group(1)} {m.group(2) or ''}năm {year + _AHEAD[m.group(3).lower()]}", rest)
    if len(rest.split()) < 3:
        return question
    return rest[:1].upper() + rest[1:]


_IDIOM = re.compile(r"(?<!\w)[\"'“‘]?(" + "|".join(map(re.escape, sorted(IDIOMS, key=len, reverse=True))) + r")[\"'”’]?(?!\w)", re.I)


def plain_idioms(question: str) -> str:
    """The question with its figurative words for roles and acts as the documents' terms ("Ai cầm trịch việc này?" →
    "Ai chủ trì việc này?")."""
    def plain(match: re.Match) -> str:
        term = IDIOMS[match.group(1).lower()]
        return term[:1].upper() + term[1:] if match.group(1)[:1].isupper() else term

    return _IDIOM.sub(plain, question)


# a place by the name it goes by ("xứ Kinh Bắc", "quê hương quan họ", "Thủ đô"), not inside a name ("Luật Thủ đô",
# "Tổng công ty Sài Gòn", "báo Sài Gòn Giải Phóng")
_NICKNAME = re.compile(
    r"(?<![\w])(?<!Luật )(?<!luật )(?<!ty )(?<!Ty )(?<!báo )(?<!Báo )("
    + "|".join(map(re.escape, sorted(PLACE_NICKNAMES, key=len, reverse=True)))
    + r")(?!\w)(?!\s+(?:Hà Nội|Giải Phóng|Tourist|Co\.op))",
    re.I,
)


def plain_places(question: str) -> str:
    """The question with the names places go by as the documents name them ("Ở xứ Kinh Bắc, …" → "Ở Bắc Ninh, …",
    "Kế hoạch 308 của Thủ đô" → "Kế hoạch 308 của Hà Nội")."""
    return _NICKNAME.sub(lambda m: PLACE_NICKNAMES[m.group(1).lower()], question)


# asking for someone else: "Chị trưởng phòng nhờ em hỏi giúp: …", "Anh phó phòng bên Sở nhờ hỏi: …", "Bên xã gọi lên hỏi
# là …", "sếp em hỏi …"; and ", em nên trả lời sao cho đúng?" after what is asked
_ASKER = r"(?:sếp|chị|anh|bên|phòng|lãnh đạo|thủ trưởng|cấp trên|đồng nghiệp|trưởng|phó|cô|chú|bác|ông|bà|xã|sở|huyện)"
_RELAYED = re.compile(
    rf"^\s*{_ASKER}(?:\s+[\w/]+){{0,6}}?\s+(?:nhờ\s+(?:(?:em|tôi|mình|cháu)\s+)?(?:hỏi|tra)(?:\s+(?:giúp|hộ|dùm))?"
    r"|(?:gọi(?:\s+(?:lên|điện|xuống))?\s+|nhắn(?:\s+tin)?\s+)?hỏi(?:\s+(?:là|rằng))?)\s*[:,]?\s+",
    re.I,
)
_HOW_TO_ANSWER = re.compile(
    r"[,;]?\s*(?:thì\s+)?(?:em|tôi|mình|cháu)\s+(?:nên|phải|cần)\s+trả lời\s+(?:sao|thế nào|như thế nào|ra sao)"
    r"(?:\s+cho\s+đúng)?(?:\s+(?:ạ|vậy|nhỉ|ạ))?\s*\??\s*$",
    re.I,
)


def asked_for_another(question: str) -> str:
    """What is asked when the asker asks for someone else ("Chị trưởng phòng nhờ em hỏi giúp: theo văn bản …, … mấy
    năm?" → "Theo văn bản …, … mấy năm?"; "Bên xã gọi lên hỏi là Luật … có hiệu lực từ ngày nào, em nên trả lời sao
    cho đúng?" → "Luật … có hiệu lực từ ngày nào?"); the question itself when too little would be left."""
    rest = _HOW_TO_ANSWER.sub("", question)
    if rest != question and not rest.rstrip().endswith("?"):
        rest = rest.rstrip(" ,;.") + "?"  # what is left asks
    found = _RELAYED.match(rest)
    rest = rest[found.end() :] if found else rest
    if rest == question or len(rest.split()) < 4:
        return question
    return rest[:1].upper() + rest[1:]
