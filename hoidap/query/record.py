"""The analysed question: the frozen Query record every later stage reads, and the answer types it names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping


Weight = Callable[[str], float]  # a BM25 token → its IDF in the corpus (0 when absent)

# Answer types, from the question words (folded, so they hold for questions typed without diacritics).
DATE, DURATION, NUMBER, PERSON, ORGANISATION, DEFINITION, LIST, DOCUMENT, VALIDITY, YESNO, OTHER = (
    "date", "duration", "number", "person", "organisation", "definition", "list", "document", "validity",
    "yesno", "other",
)  # fmt: skip


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
    row_number: str = ""  # a table row asked by its number ("nhiệm vụ số 75 trong Phụ lục II" → "75")
    row_group: str = ""  # … in a group of the table ("trong nhóm Hoàn thiện thể chế" → "hoan thien the che"), folded
    wants_heading: str = ""  # the unit whose heading is asked, folded ("chuong ii" of "Chương II … có tên là gì?")
    wants_issue_date: bool = False  # asks when a document was issued or signed
    wants_issuer: bool = False  # asks who issued a document
    wants_signer: bool = False  # asks who signed a document ("ai là người ký …?")
    wants_recipients: bool = False  # asks to whom a document was sent ("… gửi cho những nơi nào?": its "Nơi nhận")
    role: str = ""  # the office a "who" question names ("Bí thư Tỉnh ủy")
    numbers: tuple[str, ...] = ()  # số hiệu named ("57-NQ/TW", "224/2026/NĐ-CP")
    titles: tuple[tuple[str, str], ...] = ()  # (số hiệu, normalized folded title) of documents named by their title
    doc_refs: tuple[tuple[str, str, str], ...] = ()  # (type, number, year) of short references: ("quyết định", "2629", "")
    articles: tuple[str, ...] = ()  # "Điều 16"
    units: tuple[str, ...] = ()  # the units of a document it names, folded: "dieu 16", "phu luc ii", "chuong iii"
    clauses: tuple[str, ...] = ()  # the khoản of an article it names, folded: "dieu 17 khoan 2" (see named_clauses)
    required: tuple[str, ...] = ()  # names, số hiệu and years a passage must name (folded)
    bodies: tuple[str, ...] = ()  # names of the bodies the question names, folded ("nong nghiep va moi truong")
    body_kinds: frozenset[str] = frozenset()  # the kinds of those bodies named by kind and name ("so", "uy ban"), folded
    # types of legal act named as a thing made, not by số hiệu ("Bộ Công an ban hành thông tư hướng dẫn …" → "thong tu")
    made_types: tuple[str, ...] = ()
    horizons: tuple[str, ...] = ()  # target years ("đến năm 2030") its document must name
    levels: tuple[str, ...] = ()  # levels of government asked ("cấp huyện" → "huyen"), folded
    qualifiers: tuple[str, ...] = ()  # contrasted qualifiers asked ("nâng cao" → "nang cao"), folded (CONTRASTED_QUALIFIERS)
    grades: tuple[str, ...] = ()  # single grades of a classification asked ("cấp độ 4" → "cap do 4"), folded
    year: str = ""  # the one year a figure is asked of ("riêng năm 2024" → "2024"; not a target year or a period)
    named_years: tuple[tuple[str, str], ...] = ()  # years written after a name ("… Việt Nam (VDA) năm 2024"), folded
    achieved: bool = False  # asks what was achieved, not the target ("thực tế đến nay đã đạt được bao nhiêu?")
    quarters: tuple[str, ...] = ()  # quarters of a year asked, as digits ("quý II/2025" → "2")
    # terms only the asker's context says ("Tôi là chuyên viên xã …. Xin hỏi: …?"): they find passages, but count for
    # an answer only where the passages read share them (see select.shared_context)
    context_terms: tuple[str, ...] = ()
    dated: tuple[str, ...] = ()  # years that date a document it names ("nghị quyết … tháng 12/2024"): found in its date too
    expansions: tuple[tuple[str, str], ...] = ()  # (as typed, spelled out)
    formal: tuple[tuple[str, str], ...] = ()  # (everyday words as typed, the formal term the documents use)
    unit: str = ""  # what "bao nhiêu / mấy" counts, folded first syllable ("thanh" of thành viên, "dong" for money,
    #                 "%"), "|" before the formal term's when typed in everyday words ("sang|du": sáng kiến, dự án)
    counted_phrase: str = ""  # the two words after what is counted, folded ("du lieu" of "bao nhiêu kho dữ liệu"): the
    #                            documents may head the same phrase with another noun ("11 cơ sở dữ liệu")
    ordinal: str = ""  # the noun of a "cấp mấy / mức mấy / thứ mấy" question, folded: the answer is "cấp II"
    wants_recital: bool = False  # asks what a document's recitals state ("theo đề nghị của bộ nào?", "căn cứ luật nào?")
    kind: str = ""  # "<noun> nào" naming the kind of answer, folded: "doanh nghiep", "thong tu" (see asked_kind)
    besides: tuple[str, ...] = ()  # the names and years "ngoài X, …" sets aside, folded ("cong an" of "Ngoài Bộ Công an, …")
    alone: str = ""  # the name a question asks of alone ("riêng Viettel …"), folded: its own figure, not a group's
    day: bool = False  # a date question asking a day ("được thông qua vào ngày nào?"): a month or a year does not answer
    # the terms a "bao lâu?" question states of what it asks about, folded: {("5", "nam")} of "kế hoạch 5 năm … bao lâu?"
    given_terms: frozenset[tuple[str, str]] = frozenset()
    bound: str = ""  # the bound a figure question asks: "upper" ("tối đa bao lâu?"), "lower" ("ít nhất mấy?") or ""
    measured: tuple[str, ...] = ()  # what a rate asked is of, folded: ("kinh te",) of "tỷ trọng kinh tế số … bao nhiêu %?"
    measured_property: str = ""  # what a rate's population has, folded: "chu ky" of "tỷ lệ dân số có chữ ký số"
    listed: str = ""  # what a list question asks the items of, folded: "dich vu" of "gồm những loại dịch vụ nào?"
    unindexed: tuple[str, ...] = ()  # số hiệu the question names that no indexed document has
    unheld_subject: str = ""  # a document the index does not hold whose content is asked ("Nghị định 88/2025")
    or_date: bool = False  # "… hoàn thành trong thời gian nào?" asks a term or a time ("trong năm 2025")
    or_condition: bool = False  # a plain "khi nào" asks a time or a condition ("… có giá trị như văn bản khi nào?")
    as_of: str = ""  # the date a validity question is set at ("… còn hiệu lực vào năm 2020 không?": 2020-12-31)
    subject_type: str = ""  # the document type a question begins with ("Luật" of "Luật mà … có hiệu lực từ ngày nào?")
    validity: str = ""  # what it asks about a document's force: "effective" (từ khi nào), "status" (còn hiệu lực
    #                     không), "replaced_by" (văn bản nào thay thế X), "replaces" (X thay thế văn bản nào)
    initials: tuple[str, ...] = ()  # typed initials no list knows ("ct", "ub"), read from the passages found
    more: bool = False  # asks for more of the previous answer's list ("Còn gì nữa không?"): twice the sentences are quoted
    item: int = 0  # asks an item of the previous answer's list by its position ("Loại thứ tư …": 4; the last: -1)
    where: bool = False  # asks where the previous answer is written ("Ở mục nào vậy?"): each source names its section
    # the table rows, (row, header) as the document writes them, holding a value of a body, time or status column the
    # question names ("… những nhiệm vụ nào có thời gian hoàn thành là Quí IV-2025?"): they answer a list question (see
    # hoidap/fetched.py: found in the tables of the documents it is about, after analysis)
    held_rows: tuple[tuple[str, str], ...] = ()
    brief: bool = False  # asks for a short answer ("Tóm lại một câu thôi: …"): one sentence is quoted
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
