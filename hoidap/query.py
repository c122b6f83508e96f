"""Query analysis: the question is read once into a frozen Query that retrieval, selection,
composition and the evaluation all use; nothing downstream re-reads the question text.

What it reads (rules of Vietnamese and of legal text, each switchable in the settings):
- abbreviations and chat forms spelled out ("CĐS" → chuyển đổi số, "ko" → không), from the general
  list in core/lexicon.py and from the corpus' own definitions ("(sau đây gọi tắt là …)", "(viết tắt
  là …)", "Long Name (ABBR)");
- the answer type its question words ask for (khi nào, bao lâu, bao nhiêu, ai, cơ quan nào, là gì,
  gồm những gì, văn bản/Điều nào, còn hiệu lực không, … không?);
- the documents, articles, places, years it names; the parts of a compound question (a later part
  pointing back, "kế hoạch này", gets the số hiệu the first names);
- what a "cấp mấy / mức mấy" question asks (the numeral after the noun), whether it asks who signed;
- typed initials no list knows ("ct", "ub": tokens that cannot be Vietnamese syllables), which the service
  reads from the passages first retrieved (hoidap/initialisms.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Callable, Mapping

from core.lexicon import (
    ABBREVIATIONS,
    CASE_SENSITIVE,
    CHAT_FORMS,
    DEMONSTRATIVES,
    DOC_TYPE_CODES,
    DOC_TYPES,
    DOCUMENT_NOUNS,
    EVERYDAY_FORMS,
    FORCE_TYPES,
    GOVERNMENT_LEVELS,
    LOANWORDS,
    LOWER_BOUNDS,
    ORDINAL_NOUNS,
    SPOKEN_FILLERS,
    TIME_QUESTION_NOUNS,
    TYPE_BY_CODE,
    UPPER_BOUNDS,
)
from hoidap.initialisms import typed_initials
from hoidap.keyboard import repairs
from hoidap.orthography import iy_spellings
from hoidap.terms import (
    DEFINITION_PREFIX,
    EXACT_PREFIX,
    NUMBER_WEIGHT_FLOOR,
    ROLE,
    UNKNOWN_TERM_WEIGHT,
    body_names,
    coverage,
    document_years,
    event_ordinals,
    horizon_years,
    normalized,
    preamble_of,
    request_opened,
    required_terms,
)
from hoidap.titles import only_in_title, title_span, without_title_words
from ingest.metadata import find_numbers
from ingest.normalize import fold_diacritics, has_diacritics
from ingest.segment import FOLDED_PREFIX, FOLDED_STOPWORDS, QUERY_STOPWORDS, query_tokens, words_of

Weight = Callable[[str], float]  # a BM25 token → its IDF in the corpus (0 when absent)

# Answer types, from the question words (folded, so they hold for questions typed without diacritics).
DATE, DURATION, NUMBER, PERSON, ORGANISATION, DEFINITION, LIST, DOCUMENT, VALIDITY, YESNO, OTHER = (
    "date", "duration", "number", "person", "organisation", "definition", "list", "document", "validity",
    "yesno", "other",
)  # fmt: skip
# Document words of validity questions (folded): "thay thế văn bản / quy định nào".
_DOC_WORD = r"(?:van ban|nghi dinh|luat|bo luat|quyet dinh|thong tu|nghi quyet|phap lenh|chi thi|quy dinh)"
_DEFINITION_CUE = r"^(.{3,80}?) (la gi|la nhu the nao|duoc hieu (la|nhu the nao))\b"  # group 1: the term defined
_CUES: tuple[tuple[str, str], ...] = (
    # order matters: the first match wins
    (VALIDITY, rf"(con|het) hieu luc|bi (thay the|bai bo)|(thay the|bai bo) {_DOC_WORD} nao|duoc thay the (bang|boi)|lam .{{0,20}}het hieu luc|{_DOC_WORD} nao (thay the|bai bo)"),
    (DOCUMENT, r"(van ban|nghi dinh|luat|quyet dinh|thong tu|nghi quyet|ke hoach|dieu|khoan|chuong|muc|phu luc|quy dinh) (nao|so may|gi) (quy dinh|neu|dat|yeu cau|huong dan|cho phep|de ra|ban hanh)|(quy dinh|neu) (tai|o) (dau|van ban nao|dieu nao)|theo (van ban|nghi dinh|dieu|quyet dinh|luat) nao|(dieu|khoan) (nao|may|so may)\b|(quyet dinh|van ban|nghi dinh|to trinh) nao\b"),
    (DEFINITION, _DEFINITION_CUE),
    # "vào những mốc nào / những ngày nào": several dates asked, not a list of things
    (DATE, r"nhung (moc|thoi diem|ngay|thang|nam|quy|dip|luc|ky) (thoi gian )?nao\b"),
    (LIST, r"(gom|bao gom) (nhung )?(gi|nao|cac)|nhung (\w+ ){1,6}(nao|gi\b)|cac (\w+ ){1,4}nao|nhung gi|ke ten|liet ke|nhung viec gi|nhung noi dung"),
    (DOCUMENT, r"\b(thong tu|nghi quyet|chi thi|cong van) nao\b"),  # after LIST: "những thông tư nào" asks a list
    # "mấy giờ" asks a time of day (a duration in hours is "mấy tiếng", "bao nhiêu giờ")
    (DURATION, r"bao lau|trong (thoi han|thoi gian) (bao lau|nao)|may (ngay|thang|nam|phut|tieng)|bao nhieu (ngay|thang|nam|gio|phut|tieng)|thoi han (la )?bao (lau|nhieu)"),
    (DATE, r"(khung gio|khoang thoi gian|thoi gian|thoi han|thoi diem|moc thoi gian) nao|khi nao|bao gio|may gio|(?<!bat cu )(?<!bat ky )luc nao|ngay nao|thoi diem nao|nam nao|thang nao|truoc ngay|moc nao|tu luc nao|giai doan nao|han (chot|cuoi)|quy may"),
    # "mức phạt tính thế nào?", "… được xác định ra sao?": a manner asked, not an amount
    (OTHER, r"^(?!.*\b(?:bao nhieu|may)\b).*\b(?:the nao|ra sao)\s*(?:\([^)]*\))?\s*\??$"),
    (NUMBER, r"bao nhieu|\bmay\b|ty le|ti le|phan tram|muc (phat|chi|ho tro)|so luong|toi da la|toi thieu la|dat muc"),
    (ORGANISATION, r"(co quan|bo|so|don vi|to chuc|ban|cap|ai|nganh|uy ban|doanh nghiep) nao\b|\bai (chu tri|phu trach|lo|thuc hien|chiu trach nhiem|cap|quyet dinh|ban hanh|ky|to chuc|tham muu)|(do|giao|boi) ai\b|ai la (co quan|don vi) dau moi"),
    (PERSON, r"^ai\b|\bla ai\b|\bai la\b|nguoi nao|\bong(?:/ba| ba| hay ba)? nao\b|\bba nao\b|\b(?:chon|cu|bo nhiem|bau|de cu) ai\b"),
    (YESNO, r"\b(co|duoc|phai|da) .{1,60} (khong|ko|chua)\s*\??$|(duoc khong|phai khong|co khong|dung khong|chua)\s*\??$"),
)
_CUE_RES = tuple((kind, re.compile(pattern)) for kind, pattern in _CUES)
SCOPE = "Phạm vi điều chỉnh"  # the article on what a document governs (its title)
_SCOPE = re.compile(r"(quy dinh (ve )?(nhung )?(van de |noi dung )?gi\b|dieu chinh (nhung )?(\w+ ){0,3}(gi|nao)\b|pham vi dieu chinh)")
_APPLIES = re.compile(r"(ap dung (doi voi|cho) (ai|nhung ai|doi tuong nao|nhung doi tuong nao)|doi tuong (ap dung|nao))")
# a số hiệu asked: "số hiệu", "ký hiệu", "quyết định số mấy", "nghị định số bao nhiêu"
_CODE = re.compile(rf"\b(so hieu|ky hieu)\b|\b(?:{_DOC_WORD[3:-1]}|ke hoach|cong van) so (?:may|bao nhieu)\b")
# what gives a web or e-mail address: a URL, a domain name ("dean06.vn", "data.gov.vn"), an e-mail address
WEB_ADDRESS = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|org|net|gov|int|edu|io|info)\b", re.I
)
# a web or e-mail address asked ("địa chỉ website / trang thông tin điện tử / thư điện tử … là gì?", "tên miền nào")
_ADDRESS = re.compile(r"\bdia chi (?:website|web|trang|cong|truy cap|thu dien tu|email|e-mail|url|ten mien)\b|\bten mien\b|\bwebsite nao\b")
_ARTICLE_ASKED = re.compile(r"\b(?:dieu|chuong|muc|phu luc) (?:nao|may|so may)\b(?:.*?\b(?:quy dinh|noi|de cap|huong dan)(?: ve)?\b(.*))?")


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


_RECITAL_ASKED = re.compile(
    r"\b(?:theo|xet) de nghi (?:cua|tai) (?:\w+ ){0,3}(?:nao|ai)\b|\bcan cu (?:vao )?(?:\w+ ){0,2}nao\b"
    r"|\bto trinh (?:so )?(?:nao|gi)\b"  # "… ban hành trên cơ sở tờ trình nào của Sở?": "Theo đề nghị … tại Tờ trình số …"
    r"|\b(?:lay |duoc dung )?lam can cu\b.*\bnao\b"  # "… mà Kế hoạch 144 lấy làm căn cứ được phê duyệt tại quyết định nào?"
)
_ISSUED = re.compile(r"\b(ban hanh|duoc ky|ky ban hanh|duoc gui|gui)\b")
_SIGNER = re.compile(r"\b(?:ai|nguoi) (?:da |duoc )?ky\b|\bnguoi ky\b|\bky (?:ban hanh )?(?:van ban|" + "|".join(
    fold_diacritics(t.lower()) for t in DOC_TYPES) + r")\b")
_ISSUER = re.compile(r"((co quan nao|ai|don vi nao) (ban hanh|ky)|ban hanh boi)")
# "Luật An ninh mạng có số hiệu là gì?": a document's attribute, not a term's definition
_ATTRIBUTE_OF = re.compile(r"^(?:" + "|".join(t.lower() for t in DOC_TYPES) + r")\s+\w|\s(?:có)\s")
_ATTRIBUTE_OF_FOLDED = re.compile(r"^(?:" + "|".join(fold_diacritics(t.lower()) for t in DOC_TYPES) + r")\s+\w|\s(?:co)\s")
_ARTICLE_REF = re.compile(r"\b(Điều|Dieu)\s+(\d{1,3}[a-zđ]?)\b", re.I)
# "Nghị định 64/2007", "QĐ 2629", "nghi quyet 57": matched on the folded text, the type kept folded
_FOLDED_TYPES = sorted({fold_diacritics(t.lower()) for t in (*DOC_TYPES, *DOC_TYPE_CODES)}, key=len, reverse=True)
# "Nghị quyết 57", "QĐ 2629/2025"; not a span of time ("báo cáo 6 tháng", "kế hoạch 5 năm": no số hiệu)
_SHORT_REF = re.compile(
    r"\b(" + "|".join(_FOLDED_TYPES) + r")\.?\s*(?:so\s+)?(\d{1,5})(?:/(\d{4}))?"
    r"(?!\s+(?:thang|tuan|quy|nam(?!\s+\d{4}))\b)(?![\d/])?"
)
_NAMED_PAIR = re.compile(
    r"((?:" + "|".join(_FOLDED_TYPES) + r")\s*(?:so\s+)?\d[\w/.-]*)\s+(?:va|voi)\s+((?:" + "|".join(_FOLDED_TYPES) + r")\s*(?:so\s+)?\d[\w/.-]*)"
)
_COMPOUND_SPLIT = re.compile(r"\s*(?:[,;]\s*(?:và|còn|rồi|va|con|roi)\s+|\s+và\s+(?=(?:\w+\s+){0,8}?(?:bao|khi|nào|gì|ai|mấy|bao lâu))|;\s+|\?\s+)", re.I)


@dataclass(frozen=True)
class Query:
    """A question, analysed once. ``text`` is the question answered (a follow-up already completed)."""

    text: str
    expanded: str  # abbreviations and chat forms spelled out
    exact: bool  # typed with diacritics: match exactly; without: match folded forms
    words: tuple[str, ...]  # underthesea words of the expanded text, joined as the corpus segments them
    tokens: tuple[str, ...]  # BM25 tokens (the expanded words' and the abbreviations' own)
    terms: Mapping[str, float]  # key phrases (normalized) → weight (IDF); see hoidap/terms.py
    alternates: Mapping[str, tuple[str, ...]]  # key phrase → other normalized forms that count as it
    answer_type: str  # DATE, DURATION, NUMBER, PERSON, ORGANISATION, DEFINITION, LIST, DOCUMENT, VALIDITY, YESNO, OTHER
    definition: str = ""  # normalized "<subject> là" of a "<subject> là gì?" question
    sections: tuple[str, ...] = ()  # article titles that answer a scope / applicability question
    wants_code: bool = False  # asks a document's số hiệu
    wants_address: bool = False  # asks a web or e-mail address ("địa chỉ website của cổng … là gì?")
    # the title (folded) of a document named by its type and title that no indexed document has, whose force is asked
    # ("Luật Bảo vệ dữ liệu cá nhân có hiệu lực từ ngày nào?": a sentence must name it and state its force)
    force_of: str = ""
    wants_article: str = ""  # asks which article (Điều, Chương, Mục) of a document states something: what about,
    #                          folded ("to cong nghe so cong dong" of "điều nào quy định về Tổ công nghệ số cộng đồng")
    meetings: Mapping[str, int] = field(default_factory=dict)  # meetings named by ordinal: {"phien hop": 2}
    wants_issue_date: bool = False  # asks when a document was issued or signed
    wants_issuer: bool = False  # asks who issued a document
    wants_signer: bool = False  # asks who signed a document ("ai là người ký …?")
    role: str = ""  # the office a "who" question names ("Bí thư Tỉnh ủy")
    numbers: tuple[str, ...] = ()  # số hiệu named ("57-NQ/TW", "224/2026/NĐ-CP")
    titles: tuple[tuple[str, str], ...] = ()  # (số hiệu, normalized folded title) of documents named by their title
    doc_refs: tuple[tuple[str, str, str], ...] = ()  # (type, number, year) of short references: ("quyết định", "2629", "")
    articles: tuple[str, ...] = ()  # "Điều 16"
    units: tuple[str, ...] = ()  # the units of a document it names, folded: "dieu 16", "phu luc ii", "chuong iii"
    required: tuple[str, ...] = ()  # names, số hiệu and years a passage must name (folded)
    bodies: tuple[str, ...] = ()  # names of the bodies the question names, folded ("nong nghiep va moi truong")
    horizons: tuple[str, ...] = ()  # target years ("đến năm 2030") its document must name
    levels: tuple[str, ...] = ()  # levels of government asked ("cấp huyện" → "huyen"), folded
    # terms only the asker's context says ("Tôi là chuyên viên xã …. Xin hỏi: …?"): they find passages, but count for
    # an answer only where the passages read share them (see select.shared_context)
    context_terms: tuple[str, ...] = ()
    dated: tuple[str, ...] = ()  # years that date a document it names ("nghị quyết … tháng 12/2024"): found in its date too
    expansions: tuple[tuple[str, str], ...] = ()  # (as typed, spelled out)
    formal: tuple[tuple[str, str], ...] = ()  # (everyday words as typed, the formal term the documents use)
    unit: str = ""  # what "bao nhiêu / mấy" counts, folded first syllable ("thanh" of thành viên, "dong" for money,
    #                 "%"), "|" before the formal term's when typed in everyday words ("sang|du": sáng kiến, dự án)
    ordinal: str = ""  # the noun of a "cấp mấy / mức mấy / thứ mấy" question, folded: the answer is "cấp II"
    wants_recital: bool = False  # asks what a document's recitals state ("theo đề nghị của bộ nào?", "căn cứ luật nào?")
    kind: str = ""  # "<noun> nào" naming the kind of answer, folded: "doanh nghiep", "thong tu" (see asked_kind)
    alone: str = ""  # the name a question asks of alone ("riêng Viettel …"), folded: its own figure, not a group's
    day: bool = False  # a date question asking a day ("được thông qua vào ngày nào?"): a month or a year does not answer
    bound: str = ""  # the bound a figure question asks: "upper" ("tối đa bao lâu?"), "lower" ("ít nhất mấy?") or ""
    measured: tuple[str, ...] = ()  # what a rate asked is of, folded: ("kinh te",) of "tỷ trọng kinh tế số … bao nhiêu %?"
    listed: str = ""  # what a list question asks the items of, folded: "dich vu" of "gồm những loại dịch vụ nào?"
    unindexed: tuple[str, ...] = ()  # số hiệu the question names that no indexed document has
    or_condition: bool = False  # a plain "khi nào" asks a time or a condition ("… có giá trị như văn bản khi nào?")
    as_of: str = ""  # the date a validity question is set at ("… còn hiệu lực vào năm 2020 không?": 2020-12-31)
    subject_type: str = ""  # the document type a question begins with ("Luật" of "Luật mà … có hiệu lực từ ngày nào?")
    validity: str = ""  # what it asks about a document's force: "effective" (từ khi nào), "status" (còn hiệu lực
    #                     không), "replaced_by" (văn bản nào thay thế X), "replaces" (X thay thế văn bản nào)
    initials: tuple[str, ...] = ()  # typed initials no list knows ("ct", "ub"), read from the passages found
    parts: tuple["Query", ...] = field(default=(), compare=False)  # the questions of a compound question

    def to_dict(self) -> dict:
        """The understood query, as `ask --json` shows it."""
        return {
            "text": self.text,
            "expanded": self.expanded,
            "answer_type": self.answer_type,
            "expansions": [{"short": s, "long": long} for s, long in self.expansions],
            "formal": [{"typed": typed, "formal": term} for typed, term in self.formal],
            "documents": list(self.numbers) + [" ".join(x for x in ref if x) for ref in self.doc_refs],
            "articles": list(self.articles),
            "parts": [p.text for p in self.parts],
            "validity": self.validity,
        }


@dataclass(frozen=True)
class Analyser:
    """Builds Query records against one index (its IDF and its learned abbreviations)."""

    weight: Weight
    abbreviations: Mapping[str, str] = field(default_factory=dict)  # learned from the corpus; the lexicon's added
    expand: bool = True  # spell out abbreviations and chat forms
    split_compound: bool = True  # answer "… và …?" part by part
    indexed_numbers: frozenset[str] = frozenset()  # số hiệu of the indexed documents (lower case)
    # a document named by its title ("Luật Giao dịch điện tử"): normalized folded title → its số hiệu
    titled: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    split_unseen: bool = True  # a compound word the corpus never contains counts as its syllables
    read_initials: bool = True  # note typed initials no list knows (the service reads them from the passages)
    everyday: bool = False  # everyday words also look for the formal terms (core/lexicon.py EVERYDAY_FORMS)
    loose_title_share: float = 0.0  # a title is named when this share of its word pairs is typed (0: only whole)
    drop_title_words: bool = False  # the words naming a document by its title are not looked for in its passages
    case_facts: bool = False  # a year told only of the asker's own case ("… cấp năm 2022; …?") is not required
    subject_type: bool = False  # note the document type a question begins with (Query.subject_type)
    home_country: bool = False  # "Việt Nam" is no name a passage must repeat
    clause_compound: bool = False  # two clauses joined by ", và" are two questions when one asks a type of answer
    loanwords: bool = False  # English words in a Vietnamese question stand for the documents' terms (LOANWORDS)
    request: bool = False  # a request that opens the question ("Cho tôi biết …", "Nhờ tra giúp: …") asks nothing
    partial_numbers: bool = False  # a số hiệu typed in part ("2629/TTg") names the one indexed document it is part of
    iy_spelling: bool = False  # a syllable spelt with "i" is also looked for with "y" and the other way (orthography)
    fillers: bool = False  # spoken fillers ("cái", "hẳn", "luôn", "nha") are no key terms (SPOKEN_FILLERS)
    keyboard: bool = False  # repair Telex leftovers and syllables typed without their space (hoidap/keyboard.py)
    spell: Callable[[str], str] | None = None  # folded token → the corpus' written form (words typed without marks)
    preamble: bool = False  # read a question asked after sentences of context from its question proper
    context_weight: float = 1.0  # with ``preamble``: the weight of the words only the context says

    def analyse(self, question: str) -> Query:
        if self.request:  # "Cho tôi biết …", "Nhờ tra giúp: …": the question the request opens
            question = request_opened(question)
        query = self._single(question)
        if self.split_compound:
            texts = compound_parts(question, self.clause_compound)
            if len(texts) > 1:
                query = Query(**{**query.__dict__, "parts": tuple(self._single(t) for t in texts)})
        return query

    def _single(self, text: str) -> Query:
        known = {**self.abbreviations, **ABBREVIATIONS, **(LOANWORDS if self.loanwords else {})}
        expansions = spelled_out(text, known) if self.expand else []
        if self.keyboard:  # "chuyeenr ddooir" typed with the input method off, "dulieu" without its space
            expansions += [r for r in repairs(text, self.weight, self.spell) if r[0] not in {typed for typed, _ in expansions}]
        if self.iy_spelling and has_diacritics(text):  # "kĩ thuật", "tỉ lệ" where the documents write "kỹ", "tỷ"
            expansions += [r for r in iy_spellings(text, self.weight) if r[0] not in {typed for typed, _ in expansions}]
        expanded = _apply(text, expansions)
        # a question asked after sentences of context: what it asks is read from the question proper (which may be typed
        # without diacritics after a pasted context)
        context, asked, apart = preamble_of(text) if self.preamble else ("", text, False)
        exact = has_diacritics(asked)  # as typed, before any expansion
        context, asked = (_apply(context, expansions), _apply(asked, expansions)) if context else ("", expanded)
        fold = lambda t: " ".join(fold_diacritics(_not_how_many(t.lower()) if exact else t.lower()).split())  # noqa: E731
        folded, folded_all = fold(asked), fold(expanded)
        answer_type = answer_type_of(folded)
        definition = ""
        if answer_type == DEFINITION:
            subject = re.match(_DEFINITION_CUE, folded).group(1)
            raw = asked.split()[: len(subject.split())]
            written = " ".join(raw).lower()
            if (_ATTRIBUTE_OF if exact else _ATTRIBUTE_OF_FOLDED).search(written if exact else subject):
                answer_type = OTHER
            else:
                definition = normalized(" ".join(raw) + " là", exact).strip()
        segmented = words_of(expanded)
        words = joined_words(segmented, self.weight, exact)
        if answer_type == DATE:
            words = without_time_question_nouns(words)
        if self.fillers and exact:  # typed without diacritics, "cai" may be "cải", "nha" "nhà"
            words = without_fillers(words)
        # the other way too: "doanh nghiệp nhỏ và vừa" written out is also looked for as the documents' "DNNVV"
        typed_short = {short.lower() for short, _ in expansions}
        shortened = [
            (short, long) for short, long in abbreviated(expanded, {**self.abbreviations, **ABBREVIATIONS}, exact)
            if short.lower() not in typed_short
        ] if self.expand else []
        tokens = query_tokens(words, exact) + query_tokens([s for s, _ in expansions + shortened], exact)
        terms, alternates = key_terms(words, expansions + shortened, self.weight, exact, self.split_unseen)
        formal = formal_terms(expanded, exact) if self.everyday else []
        for typed, term in formal:
            tokens += query_tokens(words_of(term), exact)
            typed_n, term_n = normalized(typed, exact), normalized(term, exact).strip()
            for phrase in terms:
                if f" {phrase} " in typed_n:
                    alternates[phrase] = alternates.get(phrase, ()) + (term_n,)
        told = f" {normalized(asked, exact)} "
        context_terms = tuple(t for t in terms if f" {t} " not in told) if context else ()
        if apart:  # sentences of their own tell who asks; a clause before ":" or ";" tells the case asked about
            terms = {t: w * self.context_weight if t in context_terms else w for t, w in terms.items()}
        strongest = max(terms.values(), default=1.0)
        sections = ((SCOPE,) if _SCOPE.search(folded) else ()) + (
            ("Đối tượng áp dụng",) if _APPLIES.search(folded) else ()
        )
        if definition and sections:  # "Phạm vi điều chỉnh của Nghị định … là gì?": the article so titled answers
            answer_type, definition = OTHER, ""
        if definition:
            terms[DEFINITION_PREFIX + definition] = 2 * strongest
        for heading in sections:
            terms[EXACT_PREFIX + normalized(heading, exact).strip()] = strongest
        office = ROLE.search(expanded)
        numbers = find_numbers(expanded)  # the số hiệu named, and those of the documents named by title
        completions: dict[str, str] = {}  # a số hiệu typed in part → the indexed one it names (normalized, folded)
        if self.partial_numbers and self.indexed_numbers:  # "2629/TTg" typed for "2629/QĐ-TTg"
            whole = [completed_number(n, self.indexed_numbers) for n in numbers]
            completions = {normalized(n, False).strip(): normalized(w, False).strip() for n, w in zip(numbers, whole) if n != w}
            numbers = list(dict.fromkeys(whole))
        folded_words = normalized(expanded, exact=False).split()
        title_words: set[int] = set()  # positions of folded_words that name a document by its title
        titles: list[tuple[str, str]] = []
        for title, numbers_of_title in self.titled.items():
            span = title_span(title.split(), folded_words, self.loose_title_share)
            if span:
                after = " ".join(folded_words[span[1] :])
                named = [n for n in titled_numbers(after, numbers_of_title) if n not in numbers]
                numbers += named
                titles += [(n, title) for n in named]
                title_words |= set(range(*span)) if named or numbers_of_title[0] in numbers else set()
        if title_words and self.drop_title_words and not about_document(folded, answer_type):
            terms, tokens = without_title_words(terms, tokens, only_in_title(folded_words, title_words))
        dated = tuple(document_years(expanded))  # "Luật Giao dịch điện tử năm 2005": a document named by its year
        return Query(
            text=text,
            expanded=expanded,
            exact=exact,
            words=tuple(words),
            tokens=tuple(tokens),
            terms=MappingProxyType(terms),
            alternates=MappingProxyType(alternates),
            answer_type=answer_type,
            definition=definition,
            sections=sections,
            wants_code=bool(_CODE.search(folded)),
            wants_address=bool(_ADDRESS.search(folded)),
            force_of=force_of(asked) if exact and not numbers and re.search(r"\bhieu luc\b", folded) else "",
            wants_article=article_topic(folded) if answer_type == DOCUMENT else "",
            meetings=MappingProxyType(event_ordinals(folded)),
            wants_issue_date=answer_type in (DATE, VALIDITY) and bool(_ISSUED.search(folded)),
            wants_issuer=bool(_ISSUER.search(folded)),
            wants_signer=answer_type in (PERSON, ORGANISATION) and bool(_SIGNER.search(folded)) and bool(numbers),
            role=" ".join(office.group(0).split()) if office and answer_type == PERSON else "",
            numbers=tuple(numbers),
            titles=tuple(titles),
            doc_refs=tuple((t, n, y) for t, n, y in _SHORT_REF.findall(folded_all)),
            articles=tuple(f"Điều {m.group(2)}" for m in _ARTICLE_REF.finditer(text)),
            units=tuple(dict.fromkeys(named_units(expanded))),
            required=tuple(dict.fromkeys([
                *(completions.get(t, t) for t in required_terms(asked, case_years=not self.case_facts, home_country=self.home_country)),
                *(normalized(n, exact=False).strip() for n in find_numbers(context)),  # a document named in the context
            ])),
            bodies=tuple(body_names(words_of(asked) if context else segmented)),
            horizons=tuple(horizon_years(expanded)),
            levels=tuple(dict.fromkeys(government_levels(folded))),
            context_terms=context_terms,
            dated=dated,
            expansions=tuple(expansions),
            formal=tuple(formal),
            unit=_with_formal_unit(asked_unit(expanded, exact), formal) if answer_type in (NUMBER, DURATION) else "",
            ordinal=asked_ordinal(folded) if answer_type == NUMBER else "",
            kind=asked_kind(folded, answer_type, " ".join(expanded.lower().split()) if exact else ""),
            listed=listed_noun(segmented) if answer_type == LIST else "",
            measured=rate_of(segmented) if answer_type == NUMBER else (),
            bound=bound_asked(folded) if answer_type in (NUMBER, DURATION) else "",
            alone=alone_name(text),
            day=answer_type == DATE and bool(re.search(r"\bngay nao\b", folded)),
            wants_recital=bool(_RECITAL_ASKED.search(folded)),
            subject_type=subject_type(folded) if self.subject_type else "",
            validity=validity_asked(folded) if (numbers or _SHORT_REF.search(folded_all) or dated) else "",
            or_condition=answer_type == DATE and bool(re.search(r"\bkhi nao\b", folded)),
            as_of=asked_date(folded),
            unindexed=tuple(n for n in numbers if self.indexed_numbers and n.lower() not in self.indexed_numbers),
            initials=tuple(typed_initials(expanded, set(CHAT_FORMS))) if self.read_initials and self.expand else (),
        )


_SUBJECT_TYPES = sorted(((fold_diacritics(t.lower()), t) for t in DOC_TYPES), key=lambda pair: -len(pair[0]))


def subject_type(folded: str) -> str:
    """The document type a question (folded) begins with: "Luật" of "luat ma thu tuong ban hanh ke hoach trien khai
    thi hanh … co hieu luc tu ngay nao?", whose subject is a law, not the decision its words also name; "" when it
    begins otherwise."""
    return next((t for f, t in _SUBJECT_TYPES if folded.startswith(f + " ")), "")


_MONEY_WORDS = ("tỷ", "triệu", "nghìn", "đồng", "tiền")
_MONEY = re.compile(
    r"\b(muc phat|phat tien|phat bao nhieu|bao nhieu tien|kinh phi|chi phi|muc chi|muc ho tro|le phi|muc phi|hoc phi|cuoc phi"
    r"|von dieu le|von dau tu|tong muc dau tu|tong von|so tien)\b"
)
_MONEY_NOUNS = re.compile(r"^(?:kinh phi|chi phi|von|ngan sach)\b")  # "bao nhiêu kinh phí": an amount in đồng
_RATE_WORDS = frozenset({"ty le", "ti le", "ty trong", "ti trong", "phan tram"})
_RATE = re.compile(rf"\b(?:{'|'.join(sorted(_RATE_WORDS))})\b")  # a rate asked: its answer is a share, not an amount
_NOT_UNITS = {
    "la", "thi", "nam", "de", "cho", "cua", "va", "o", "tai", "trong", "duoc", "co", "nguoi", "ca", "lan", "so",
    "theo", "vay", "khi", "neu", "ma", "khong", "a", "nhe", "roi", "tu", "den", "tren", "duoi", "ke",
}  # function words: after "bao nhiêu" they end the question or open a clause, they count nothing


def about_document(folded: str, answer_type: str) -> bool:
    """Whether a question asks about a document itself (its issuer, signer, date, số hiệu or force): then the
    words of its title find its header, and stay among what is looked for."""
    return bool(
        _ISSUER.search(folded) or _SIGNER.search(folded) or _CODE.search(folded) or validity_asked(folded)
        or (answer_type in (DATE, VALIDITY) and _ISSUED.search(folded))
    )


def _with_formal_unit(unit: str, formal: list[tuple[str, str]]) -> str:
    """The unit, and the formal term's where the question counts in everyday words ("sáng kiến" → dự án)."""
    for typed, term in formal if unit not in ("", "%", "dong") else ():
        if fold_diacritics(typed).split()[0] == unit:
            unit += "|" + fold_diacritics(term.lower()).split()[0]
    return unit


def asked_unit(text: str, typed_with_diacritics: bool | None = None) -> str:
    """What a "bao nhiêu" question counts, folded: "thanh" for "bao nhiêu thành viên", "%" for "bao nhiêu
    phần trăm", "dong" when it asks an amount of money; "" when it cannot tell. (Diacritics, when typed,
    tell "tiền" from "tiện"; typed_with_diacritics says whether the question was, where ``text`` has
    abbreviations spelled out with diacritics.)"""
    lower = " ".join(text.lower().split())
    folded = fold_diacritics(lower)
    found = re.search(r"\b(?:bao nhiêu|bao nhieu)\s+(\w+)(?:\s+(\w+))?", lower)
    words = [w for w in (found.groups() if found else ()) if w]
    first = fold_diacritics(words[0]) if words else ""
    if [fold_diacritics(w) for w in words[:2]] == ["phan", "tram"]:
        return "%"
    unaccented_money = first in ("ty", "trieu", "dong") or (first == "tien" and words[1:2] != ["ich"])
    exact = has_diacritics(lower) if typed_with_diacritics is None else typed_with_diacritics
    if words and (words[0] in _MONEY_WORDS or (not exact and unaccented_money)):
        return "dong"
    if _MONEY_NOUNS.search(" ".join(fold_diacritics(w) for w in words)) and not _RATE.search(folded):
        return "dong"
    if first and first not in _NOT_UNITS and not _RATE.search(folded):
        return first
    return "dong" if _MONEY.search(folded) and not _RATE.search(folded) else ""


# The kind of entity a "<noun> nào" question asks (folded noun → what a sentence must name to answer it): a
# ministry for "bộ nào", an enterprise for "doanh nghiệp nào", a circular for "thông tư nào".
ASKED_KINDS = {
    "bo": re.compile(r"\bBộ\s+[A-ZĐ]"),
    "so": re.compile(r"\bSở\s+[A-ZĐ]"),
    "doanh nghiep": re.compile(r"\b(?:Tập đoàn|Tổng công ty|Công ty|Ngân hàng)\s+[\wÀ-ỹ]|doanh nghiệp\b[^.;]{0,60}?\b[A-Z]{3,}\b"),
    "cong ty": re.compile(r"\b(?:Tổng công ty|Công ty)\s+[\wÀ-ỹ]"),  # a name: capitalised
    "tap doan": re.compile(r"\bTập đoàn\s+[\wÀ-ỹ]"),
}
_KIND_WRITTEN = {"bo": "bộ", "so": "sở", "doanh nghiep": "doanh nghiệp", "cong ty": "công ty", "tap doan": "tập đoàn"} | {
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


def listed_noun(words: list[str]) -> str:
    """The folded head noun whose items a list question asks ("chi tieu" of "… những chỉ tiêu xã hội số nào?", "dich
    vu" of "gồm những loại dịch vụ nào?", "loai" of "phân loại dữ liệu thành những loại nào?"), or "". ``words``:
    the question's underthesea words."""
    folded = [fold_diacritics(w.lower()) for w in words]
    for i, word in enumerate(folded):
        if word not in ("nhung", "cac"):
            continue
        end = next((j for j in range(i + 1, min(i + 8, len(folded))) if folded[j] in ("nao", "gi")), None)
        phrase = folded[i + 1 : end] if end else []
        if not phrase or any(not re.fullmatch(r"[a-z0-9 ]+", w) or w in ("nhung", "cac") for w in phrase):
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


def rate_of(words: list[str]) -> tuple[str, ...]:
    """What a rate question measures, folded: the word after "tỷ lệ / tỷ trọng" or after "bao nhiêu phần trăm" ("ho
    so" of "tỷ lệ hồ sơ trực tuyến toàn trình …", "chi phi" of "tiết kiệm bao nhiêu phần trăm chi phí?"), and the
    compound word after it, which may name it as well ("kinh phi", "ngan sach" of "bao nhiêu phần trăm kinh phí ngân
    sách chi sự nghiệp khoa học?"); () when the question names none."""
    folded = [fold_diacritics(w.lower()) for w in words]
    for i, word in enumerate(folded[:-1]):
        head = folded[i + 1]
        if word in _RATE_WORDS and re.fullmatch(r"[a-z ]+", head) and head not in _NOT_MEASURED:
            after = folded[i + 2] if i + 2 < len(folded) else ""
            compound = " " in after and re.fullmatch(r"[a-z ]+", after) and after not in _NOT_MEASURED
            return (head, after) if compound else (head,)
    return ()


_ALONE = re.compile(r"(?<!\w)(?i:riêng|rieng)\s+((?:[A-ZĐ][\w&-]*\s*){1,3})")


def alone_name(text: str) -> str:
    """The name a question asks of on its own ("Riêng MobiFone dự kiến có bao nhiêu trạm 5G?" → "mobifone"), folded;
    "" when it names none so."""
    found = _ALONE.search(text)
    return " ".join(fold_diacritics(found.group(1).lower()).split()) if found else ""


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


_VALIDITY_ASKED = (
    ("replaced_by", re.compile(
        rf"(?:duoc|bi) thay the (?:boi|bang)|{_DOC_WORD} nao (?:da |se )?(?:thay the|bai bo|lam .{{0,60}}het hieu luc)"
        rf"|thay the bang {_DOC_WORD} nao"
    )),
    ("replaces", re.compile(
        rf"thay the (?:cho )?(?:cac |nhung )?{_DOC_WORD} nao|thay the (?:nhung )?gi\b"
        rf"|co hieu luc thi (?:cac |nhung )?{_DOC_WORD}(?: [a-z]+){{0,6}} nao (?:se |bi |cung )?het hieu luc"  # "X có hiệu lực thì luật nào hết hiệu lực?"
    )),
    # "… còn hiệu lực không?"; not a condition ("chứng thư số … vẫn còn hiệu lực thì được xử lý ra sao?")
    ("status", re.compile(r"\b(?:con|het|van con|con duoc ap dung|con ap dung) hieu luc\b(?! thi\b)|\bcon (?:duoc )?ap dung\b(?! thi\b)")),
    ("effective", re.compile(
        r"(?:co|bat dau co|phat sinh) hieu luc(?: thi hanh)?(?: (?:tu|ke tu))?(?: (?:ngay|thoi diem|khi|luc|thang|nam))? ?(?:nao|bao gio)"
        r"|ngay (?:co )?hieu luc|hieu luc (?:thi hanh )?(?:tu|ke tu) (?:ngay|khi|luc) nao"
        r"|(?:duoc |bat dau )?ap dung (?:tu|ke tu) (?:(?:ngay|thoi diem|khi|luc) )?(?:nao|bao gio)"  # "… được áp dụng từ bao giờ?"
        r"|\bco hieu luc chua\b"  # "… đã có hiệu lực chưa, tính từ ngày nào?"
        # "… có hiệu lực (ngay / liền) từ ngày ký không?", "… có hiệu lực luôn không hay phải chờ?"
        r"|\bco hieu luc\b(?: \w+){0,5} (?:khong|chua)\b"
    )),
)


# "vào năm 2020", "tại thời điểm ngày 01/7/2026", "tính đến năm 2025": the time a question is set at (a bare
# "năm 2005" names a document's year: "Luật Giao dịch điện tử năm 2005")
_AS_OF_ASKED = re.compile(
    r"\b(?:vao|trong|tai|tinh den|den)\s+(?:thoi diem\s+)?(?:ngay\s+(\d{1,2})[/-](\d{1,2})[/-](\d{4})|nam\s+(\d{4}))\b"
)


def asked_date(folded: str) -> str:
    """The date a question is set at, ISO ("" when it names none); a year means its last day."""
    m = _AS_OF_ASKED.search(folded)
    if not m:
        return ""
    if m.group(4):
        return f"{m.group(4)}-12-31"
    day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""


def validity_asked(folded: str) -> str:
    """What a question naming a document asks about its force (see Query.validity); "" when nothing."""
    return next((kind for kind, pattern in _VALIDITY_ASKED if pattern.search(folded)), "")


def titled_numbers(after: str, numbers: tuple[str, ...]) -> list[str]:
    """Which documents of a title the question names, by what follows the title: "Luật Giao dịch điện tử (cũ) năm
    2005" the one of 2005, "… số 51/2005/QH11" the one of that số hiệu (found as such), else all of them."""
    year = re.match(r"(?:cu |truoc day |truoc )?(?:nam )?((?:19|20)\d\d)\b", after)  # "… cũ năm 2005": the old one
    if year:
        return [n for n in numbers if f"/{year.group(1)}/" in n]
    return [] if re.match(r"(?:so )?\d", after) else list(numbers)


def names_document(query: Query, number: str) -> bool:
    """Whether the query names the document with this số hiệu ("57-NQ/TW", "Nghị quyết 57", "QĐ 2629")."""
    number = number.lower()
    if not number:
        return False
    if any(n.lower() == number for n in query.numbers):
        return True
    folded = fold_diacritics(number)
    codes = set(re.split(r"[-/]", folded)[1:])
    for doc_type, num, year in query.doc_refs:
        code = next((c for c, t in _CODE_TYPES.items() if t == doc_type), "")
        if re.match(rf"{num}[-/]", folded) and (not year or f"/{year}/" in folded) and (not code or code in codes or doc_type in codes):
            return True
    return False


def documents_named(query: Query) -> list[Query]:
    """The question seen once per document it names by số hiệu, short reference or whole title with its type
    ("Luật Giao dịch điện tử"; not "an toàn thông tin mạng", which only shares words with a law's title)."""
    typed = f" {normalized(query.expanded, exact=False)} "
    titles = {n: t for n, t in query.titles}
    views = [
        replace(query, numbers=(n,), doc_refs=(), titles=((n, titles[n]),) if n in titles else ())
        for n in query.numbers
        if n not in titles or f" {titles[n].strip()} " in typed
    ]
    for ref in query.doc_refs:
        one = replace(query, numbers=(), doc_refs=(ref,), titles=())
        if not any(names_document(one, n) for n in query.numbers):
            views.append(one)
    return views


def mentions_document(query: Query, text: str) -> bool:
    """Whether a passage names a document the question names ("… thực hiện Nghị quyết số 57- NQ/TW …" for
    "Nghị quyết 57"): a report or plan about that document speaks of it by its số hiệu."""
    if not (query.numbers or query.doc_refs):
        return False
    squeezed = re.sub(r"\s*([-/])\s*", r"\1", fold_diacritics(text.lower()))
    if any(fold_diacritics(n.lower()) in squeezed for n in query.numbers):
        return True
    return any(
        re.search(rf"\b{re.escape(t)}\s+(?:so\s+)?{num}(?:/{year})?(?![\d])", squeezed) for t, num, year in query.doc_refs
    )


_CODE_TYPES = {fold_diacritics(c.lower()): fold_diacritics(t.lower()) for c, t in TYPE_BY_CODE.items()}


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


def _not_how_many(lower: str) -> str:
    """The words that fold to "may" but are not "mấy" (máy tính, may mắn, mây), written so that folding keeps
    them apart: typed with diacritics, "máy tính" does not ask "how many"."""
    return re.sub(r"(?<!\w)(máy|mày|mây|may|mảy)(?!\w)", lambda m: f"m_{m.group(1)[1:]}", lower)


# a unit of a document named by its number: "Điều 12", "Phụ lục II", "Chương III" ("phu luc 2" typed without diacritics)
_UNIT = re.compile(r"(?<!\w)(điều|phụ lục|chương|dieu|phu luc|chuong)\s+([ivxlc]+|\d{1,3}[a-zđ]?)(?!\w)", re.I)


def named_units(text: str) -> list[str]:
    """The units of a document a text names ("Khoản 3 Điều 12 …", "Phụ lục II của đề án"), as a chunk's label starts,
    folded: "dieu 12", "phu luc ii"."""
    return [f"{fold_diacritics(kind.lower())} {number.lower()}" for kind, number in _UNIT.findall(text)]


def unit_of(label: str) -> str:
    """The unit a chunk's label starts with, folded ("Điều 12, khoản 3" → "dieu 12"; "Phụ lục II" → "phu luc ii")."""
    words = re.findall(r"\w+", fold_diacritics(label.split(",")[0].lower()))
    return " ".join(words[: 3 if words[:2] == ["phu", "luc"] else 2])


_LEVEL = re.compile(r"\bcap (" + "|".join(fold_diacritics(level) for level in GOVERNMENT_LEVELS) + r")\b")


def government_levels(folded: str) -> list[str]:
    """The levels of government a folded text names with "cấp" ("cấp huyện", "cấp tỉnh"), folded."""
    return _LEVEL.findall(folded)


def answer_type_of(folded: str) -> str:
    """The answer type a (folded, lower-case) question asks for."""
    for kind, pattern in _CUE_RES:
        if pattern.search(folded):
            return kind
    return OTHER


def spelled_out(question: str, abbreviations: Mapping[str, str]) -> list[tuple[str, str]]:
    """(as typed, spelled out) for each abbreviation or chat form in the question, in order."""
    found: list[tuple[str, str]] = []
    lower = {k.lower(): v for k, v in abbreviations.items() if k not in CASE_SENSITIVE}
    for match in re.finditer(r"[\w&,]+", question):
        raw = match.group(0).strip(",")
        nxt = question[match.end() : match.end() + 6]
        if question[match.start() - 1 : match.start()] in ("/", "-") or nxt[:1] in ("/", "-"):
            continue  # part of a số hiệu ("03/NQ-CP")
        long = abbreviations.get(raw) if raw in CASE_SENSITIVE else lower.get(raw.lower())
        if long is None and raw.upper() in DOC_TYPE_CODES and re.match(r"\s*\d", nxt):
            long = abbreviations.get(raw.upper())  # "qđ 2629", "nq 57"
        if long is None:
            code = re.fullmatch(r"([A-Za-zĐđ]{2})(\d{1,5})", raw)  # "NQ57"
            if code and code.group(1).upper() in DOC_TYPE_CODES:
                found.append((raw, f"{abbreviations[code.group(1).upper()]} {code.group(2)}"))
                continue
        if long is None and raw.lower() in CHAT_FORMS and raw.islower():
            if raw.lower() != "t" or re.search(r"\d$", question[: match.start()]):
                long = CHAT_FORMS[raw.lower()]
            written = _written_before(raw, long)
            if written and question[: match.start()].lower().endswith(written.lower()):
                long = None  # "bao nhiêu" is written out: its "nhiêu" is no spoken form
        if long is None and re.fullmatch(r"\d+t", raw):  # "18t": tuổi
            found.append((raw, raw[:-1] + " tuổi"))
            continue
        if long:
            found.append((raw, long))
    return list(dict.fromkeys(found))


def _everyday_patterns() -> list[tuple[re.Pattern, re.Pattern | None, str]]:
    """(pattern with diacritics, folded pattern or None for one syllable, formal term), longest form first."""
    forms = sorted(((f, term) for term, fs in EVERYDAY_FORMS.items() for f in fs), key=lambda x: -len(x[0]))
    out = []
    for form, term in forms:
        exact = normalized(form, True).strip()
        folded = fold_diacritics(exact)
        out.append((
            re.compile(rf"(?<!\S){re.escape(exact)}(?!\S)"),
            re.compile(rf"(?<!\S){re.escape(folded)}(?!\S)") if " " in folded else None,
            term,
        ))
    return out


_EVERYDAY = _everyday_patterns()


def formal_terms(question: str, exact: bool) -> list[tuple[str, str]]:
    """(everyday words as typed, the formal term) for each everyday form of core/lexicon.py EVERYDAY_FORMS the
    question uses, unless it names the formal term itself: "kho số liệu" → "cơ sở dữ liệu", "tin tặc" → "an ninh
    mạng". Unaccented questions match forms of two syllables or more only."""
    text = normalized(question, exact)
    found: list[tuple[int, str, str]] = []
    taken: list[range] = []  # spans of longer forms already read ("tiệm game" before "game")
    for with_marks, folded, term in _EVERYDAY:
        pattern = with_marks if exact else folded
        match = pattern.search(text) if pattern is not None else None
        if match is None or normalized(term, exact) in text or any(match.start() in span for span in taken):
            continue
        taken.append(range(match.start(), match.end()))
        found.append((match.start(), match.group(0), term))
    return list(dict.fromkeys((typed, term) for _, typed, term in sorted(found)))


def abbreviated(text: str, abbreviations: Mapping[str, str], exact: bool) -> list[tuple[str, str]]:
    """(short form, long form) for each long form of two words or more that the text writes out and whose short
    form (three letters or more, not a code that is also a word) the text does not use: "doanh nghiệp nhỏ và
    vừa" → "DNNVV", so that documents writing "DNNVV" are found."""
    written = normalized(text, exact)
    found = []
    for short, long in abbreviations.items():
        if len(long.split()) < 2 or len(short) < 3 or short in CASE_SENSITIVE or short.upper() in DOC_TYPE_CODES:
            continue
        if normalized(long, exact) in written and normalized(short, exact) not in written:
            found.append((short, long))
    return found


def _written_before(short: str, long: str) -> str:
    """What a long form writes before the typed word it ends with ("bao " of "bao nhiêu" for "nhiêu"), or ""."""
    return long[: -len(short)] if long.lower().endswith(" " + short.lower()) else ""


def _apply(question: str, expansions: list[tuple[str, str]]) -> str:
    text = question
    for short, long in expansions:
        # every occurrence ("Đảng đoàn QH … QH"), but none inside a số hiệu ("NQ 57 … 03/NQ-CP")
        # a long form ending in the typed word ("nhiêu" → "bao nhiêu") is not applied where it is already written
        written = _written_before(short, long)
        guard = f"(?<!{re.escape(written)})" if written else ""
        text = re.sub(rf"(?<![\w&/]){guard}{re.escape(short)}(?![\w&]|[-/]\w)", long, text)
    return text


# "<the asker's case or the document>: <question>, và <question>?": what comes before the colon frames every part
_COLON_FRAME = re.compile(r"^\s*([^:?]{12,200}?):\s+")


def compound_parts(question: str, clause_join: bool = False) -> list[str]:
    """The questions of a compound question ("… bao nhiêu, và … khi nào?"), each with the shared frame
    ("Theo Nghị định 224/2026, …") carried over; one question per document when it asks the same of two
    named documents ("Nghị định 224/2026 và Nghị định 174/2026 có hiệu lực từ ngày nào?");
    [question] when it asks one thing. Two pieces that ask are two questions when both ask a type of answer or, with
    ``clause_join``, when a comma and "và"/"còn" join two clauses of their own ("… tích hợp dữ liệu với trung tâm nào
    của địa phương, và việc xây dựng … làm trong giai đoạn nào?")."""
    folded_question = fold_diacritics(question.lower())
    pair = _NAMED_PAIR.search(folded_question)
    if pair and len(folded_question) == len(question):  # folding keeps offsets: cut the original text
        first = question[pair.start(1) : pair.end(1)]
        second = question[pair.start(2) : pair.end(2)]
        whole = question[pair.start() : pair.end()]
        return [question.replace(whole, first, 1), question.replace(whole, second, 1)]
    pieces = _asking_pieces(question)
    folded = [" ".join(fold_diacritics(p.lower()).split()) for p in pieces]
    typed = sum(answer_type_of(f) != OTHER for f in folded)
    clauses = clause_join and len(pieces) == 2 and bool(_CLAUSE_JOIN.search(question)) and all(
        len(p.split()) >= _CLAUSE_WORDS for p in pieces
    )
    if len(pieces) < 2 or typed < 2 and not (clauses and typed):
        return [question]
    frame = re.match(r"^\s*((?:Theo|Trong|Tại|Căn cứ)\s[^,]{3,80}),\s*", question, re.I) or _COLON_FRAME.match(pieces[0])
    body = pieces[0][frame.end() :] if frame and pieces[0].startswith(frame.group(0).strip()) else pieces[0]
    predicate = _PREDICATE.search(body)
    subject = body[: predicate.start()].strip() if predicate and predicate.start() > 0 else ""
    parts = []
    named = find_numbers(pieces[0])
    for i, piece in enumerate(pieces):
        own = _PREDICATE.search(piece)
        before = piece[: own.start()] if own else ""
        if i and subject and own and len(before.split()) <= _SHORT_SUBJECT and not _ASKS.search(fold_diacritics(before.lower())):
            # "… và do cơ quan nào ban hành?", "…, và mỗi kỳ phải gửi trước ngày nào?": the subject is left out (not
            # in "…, và ai ký ban hành kế hoạch đó?", whose subject is the question word)
            piece = f"{subject} {piece}"
        if i and named:  # "…, và ai là người ký kế hoạch này?": the document the first part names
            piece = _THIS_DOCUMENT.sub(lambda m: f"{m.group(1)} {named[0]}", piece, count=1)
        if i and frame and frame.group(1).lower() not in piece.lower():
            joint = ":" if frame.re is _COLON_FRAME else ","
            piece = f"{frame.group(1)}{joint} {piece[:1].lower()}{piece[1:]}"
        parts.append(piece.rstrip("?") + "?")
    return parts


def _asking_pieces(question: str) -> list[str]:
    """The question cut where a compound question may join two questions; a piece that asks nothing is the
    start of the next one, not a question ("Hội đồng … đổi mới sáng tạo và chuyển đổi số có bao nhiêu thành
    viên và ai làm Chủ tịch?": the "và" inside the council's name joins no questions)."""
    pieces: list[str] = []
    start = 0
    for cut in [*_COMPOUND_SPLIT.finditer(question), None]:
        piece = question[start : cut.start() if cut else len(question)]
        if cut and not _ASKS.search(fold_diacritics(piece.lower())):
            continue  # joined to what follows: the cut is not taken
        pieces.append(piece.strip(" ,;?"))
        start = cut.end() if cut else len(question)
    return [p for p in pieces if p]


# Two clauses joined by a comma and a conjunction; each at least _CLAUSE_WORDS words (not two nouns of one list).
_CLAUSE_JOIN = re.compile(r"[,;]\s*(?:và|còn|va|con)\s+", re.I)
_CLAUSE_WORDS = 5

# Question words: a piece of a compound question without one asks nothing by itself.
_ASKS = re.compile(r"\b(?:nao|gi|ai|bao nhieu|bao lau|bao gio|may|khong|chua|sao|dau|the nao|ko)\b")

_THIS_DOCUMENT = re.compile(
    r"\b(" + "|".join(sorted({*DOCUMENT_NOUNS}, key=len, reverse=True)) + r")\s+(?:" + "|".join(DEMONSTRATIVES) + r")(?!\w)", re.I
)

# Words that open a predicate: a coordinated clause starting with one, or with a word or two before it ("mỗi kỳ
# phải gửi …"), has left its subject out.
_SHORT_SUBJECT = 2
_PREDICATE = re.compile(r"(?<!\w)(?:do|được|có|phải|là|đã|sẽ|cần|thuộc|bị|ban hành|quy định)(?!\w)")


# A document named by its type and title, the title capitalised and ending before the predicate ("Luật Bảo vệ dữ liệu
# cá nhân có hiệu lực …", "Nghị định Về chữ ký số, …")
_TITLED_DOCUMENT = re.compile(
    r"\b(?:" + "|".join(FORCE_TYPES) + r")\s+([A-ZĐÀ-Ỹ][^\s,?;:()]*(?:\s+[^\s,?;:()]+){1,12}?)"
    r"(?=\s+(?:có|được|đã|sẽ|bắt đầu|thì|là|chính thức|hiện|còn|hết|năm|tháng|ngày|vậy|thông qua|ban hành|quy định)\b"
    r"|\s*[,?;:(]|\s*$)"
)


TITLE_WORDS = 6  # the words of a title a sentence must name (a long title is often cut short in the text)


def force_of(question: str) -> str:
    """The title (folded, its first TITLE_WORDS syllables) of the document a question names by type and title ("Luật
    Bảo vệ dữ liệu cá nhân" → "luat bao ve du lieu ca"), or ""."""
    found = _TITLED_DOCUMENT.search(question)
    return " ".join(normalized(found.group(0), exact=False).split()[:TITLE_WORDS]) if found else ""


_NUMBER_PARTS = re.compile(r"[0-9a-zđ]+")


def completed_number(typed: str, indexed: frozenset[str]) -> str:
    """The số hiệu of the one indexed document whose parts include, in order, the parts of one typed in part ("2629/TTg"
    → "2629/QĐ-TTg", "384/QĐ-TW" → "384-QĐ/TW"); ``typed`` itself when it is indexed, or names none or several. The
    parts typed keep their case, the others are upper case."""
    if typed.lower() in indexed:
        return typed
    parts = _NUMBER_PARTS.findall(typed.lower())

    def contains(number: str) -> bool:
        rest = iter(_NUMBER_PARTS.findall(number))
        return all(part in rest for part in parts)  # in order: each part found after the one before

    found = [n for n in indexed if _NUMBER_PARTS.findall(n)[:1] == parts[:1] and contains(n)]
    if len(found) != 1:
        return typed
    typed_case = {part: piece for piece in re.findall(r"[0-9A-Za-zĐđ]+", typed) for part in [piece.lower()]}
    return re.sub(r"[0-9a-zđ]+", lambda m: typed_case.get(m.group(0), m.group(0).upper()), found[0])


def without_fillers(words: list[str]) -> list[str]:
    """``words`` less the spoken fillers (SPOKEN_FILLERS: "cái", "hẳn", "luôn", "liền", "nha")."""
    return [w for w in words if " ".join(w.lower().split()) not in SPOKEN_FILLERS]


def joined_words(words: list[str], weight: Weight, exact: bool) -> list[str]:
    """underthesea words, two adjacent one-syllable words joined where the corpus has them as one word
    ("toàn trình"): underthesea splits such words in a short question but joins them in the documents."""
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = words[i : i + 2]
        keys = [normalized(w, exact).strip() for w in pair]
        if len(pair) == 2 and all(len(k.split()) == 1 and k.isalpha() and k not in QUERY_STOPWORDS for k in keys):
            joined = "_".join(keys)
            if weight(joined if exact else FOLDED_PREFIX + joined) > 0:
                out.append(" ".join(pair))
                i += 2
                continue
        out.append(words[i])
        i += 1
    return out


def backed_off(phrase: str, weight: Weight, exact: bool) -> dict[str, float]:
    """The syllables of a compound word with their weights, when the corpus has each of them but never the
    compound ("xã phường" written "xã, phường"); {} when one is unknown too (then the compound stays, as a
    term the documents do not contain)."""
    parts: dict[str, float] = {}
    for syllable in phrase.split():
        if syllable in QUERY_STOPWORDS or (not exact and syllable in FOLDED_STOPWORDS):
            continue
        w = weight(syllable if exact else FOLDED_PREFIX + syllable)
        if w <= 0:
            return {}
        parts[syllable] = w
    return parts


# Numerals written in words, as the documents write them in digits ("một" and "năm" are left out: mostly "a"
# and "year"); with diacritics only (unaccented "sau", "bay", "tam" are other words).
_NUMERALS = {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}


def key_terms(
    words: list[str], expansions: list[tuple[str, str]], weight: Weight, exact: bool, split_unseen: bool = True
) -> tuple[dict[str, float], dict[str, tuple[str, ...]]]:
    """Key phrases of the question (its content words) with their IDF weights, and for phrases that
    spell out an abbreviation, the abbreviation as an alternate form. With ``split_unseen`` a compound
    the corpus never contains counts as its syllables (see backed_off)."""
    terms: dict[str, float] = {}
    for word in words:
        phrase = normalized(word, exact).strip()
        if not phrase:
            continue
        joined = phrase.replace(" ", "_")
        if joined in QUERY_STOPWORDS or (not exact and joined in FOLDED_STOPWORDS):
            continue
        w = weight(joined if exact else FOLDED_PREFIX + joined)
        if w <= 0 and split_unseen and " " in phrase:
            parts = backed_off(phrase, weight, exact)
            if parts:  # "xã phường", "đạo luật": a compound the corpus never writes as one word
                for part, part_weight in parts.items():
                    terms[part] = max(terms.get(part, 0.0), part_weight)
                continue
        w = UNKNOWN_TERM_WEIGHT if w <= 0 else w
        if re.search(r"\d", phrase):
            w = max(w, NUMBER_WEIGHT_FLOOR)
        terms[phrase] = max(terms.get(phrase, 0.0), w)
    alternates: dict[str, tuple[str, ...]] = {}
    for phrase in terms:  # "bốn Văn phòng Trung ương" is written "4 Văn phòng Trung ương"
        if exact and phrase in _NUMERALS:
            alternates[phrase] = (str(_NUMERALS[phrase]), f"{_NUMERALS[phrase]:02d}")
    for short, long in expansions:
        long_n = normalized(long, exact).strip()
        short_n = normalized(short, exact).strip()
        for phrase in terms:
            if phrase in long_n and short_n and short_n != phrase:
                alternates[phrase] = alternates.get(phrase, ()) + (short_n,)
    return terms, alternates


_DEFINED_ABBREVIATION = re.compile(
    r"([A-ZĐÀ-Ỹa-zđà-ỹ][\wÀ-ỹ ,&-]{3,120}?)\s*\(\s*(?:sau đây\s+)?(?:gọi|viết)\s+tắt\s+(?:là|:)\s*[“\"']?([^)\"”']{2,30}?)[”\"']?\s*\)"
)
_BRACKETED_CODE = re.compile(r"((?:[\wÀ-ỹĐđ]+[ ,&-]+){1,10}[\wÀ-ỹĐđ]+)\s*\(([A-ZĐ][A-ZĐ&]{1,9})\)")
_CODE_ANCHOR = re.compile(r"\([A-ZĐ][A-ZĐ&]{1,9}\)")


def corpus_abbreviations(texts: list[str]) -> dict[str, str]:
    """Abbreviations the documents define themselves: "… (sau đây gọi tắt là Bộ KH&CN)", "… (viết tắt là
    NDC)", and "Long Name (LN)" where the capitals are the initials of the words before them."""
    found: dict[str, str] = {}
    for text in texts:
        # Both patterns are slow to try at every position; most passages hold neither's anchor ("tắt", a
        # bracketed code), and skipping those changes nothing found (7 s → well under 1 s on the bundled corpus).
        defines, codes = "tắt" in text, _CODE_ANCHOR.search(text) is not None
        for long, short in _DEFINED_ABBREVIATION.findall(text) if defines else ():
            short = short.strip()
            long = _tail_matching(long, short)
            if long and short not in found:
                found[short] = long
        for long, short in _BRACKETED_CODE.findall(text) if codes else ():
            long = _tail_matching(long, short)
            if long and short not in found:
                found[short] = long
    return found


def _tail_matching(long: str, short: str) -> str:
    """The words at the end of ``long`` whose initials spell ``short`` (letters only), or ""."""
    letters = [c for c in fold_diacritics(short).upper() if c.isalpha()]
    words = re.findall(r"[\wÀ-ỹĐđ]+", long)
    if not letters or len(words) < len(letters):
        return ""
    for size in range(len(letters), min(len(words), 3 * len(letters)) + 1):
        tail = words[-size:]
        initials = [fold_diacritics(w[0]).upper() for w in tail]
        content = [i for i, w in zip(initials, tail) if w.lower() not in ("và", "của", "về", "các", "the", "and", "of")]
        if content == letters or initials == letters:
            return " ".join(tail)
    return ""


