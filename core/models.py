"""Plain data records passed between the stages (load → … → answer)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class DocMeta:
    """Metadata of one document, parsed from its header or given by its collection."""

    doc_type: str = ""  # "Luật", "Nghị định", ..., "Tin tức"
    number: str = ""  # số hiệu, e.g. "20/2023/QH15"
    issuer: str = ""  # cơ quan ban hành
    date: str = ""  # ISO date: "2024-12-22" or "2023-04"
    title: str = ""  # trích yếu / headline
    access: tuple[str, ...] = ()  # access groups the document declares (front matter `access:`); () = none declared

    def to_dict(self) -> dict:
        d = asdict(self)
        d["access"] = list(self.access)
        return d


@dataclass
class Document:
    """A document ready for segmentation: display text (faithful, Markdown stripped) and metadata."""

    doc_id: str
    source: str  # path relative to the corpus folder, "#key" appended for collection members
    text: str
    meta: DocMeta
    content_hash: str = ""
    statements: list["Statement"] = field(default_factory=list)  # what it states about legal force
    page_starts: list[int] = field(default_factory=list)  # offset in `text` where each page starts; [] = not paged
    ocr_pages: tuple[int, ...] = ()  # 1-based numbers of the pages read by OCR (a scan)


# In a chunk's heading, what follows this mark is the lead-in of the list the chunk starts inside ("Một số
# chỉ tiêu cơ bản bao gồm: - Giai đoạn 2028-2030"): it tells which year or subject the items are of (the
# names a question requires), but it is not the passage's own words (not ranked on, not embedded).
LEAD_IN_MARK = "\n"

# Put by the PDF and OCR readers before the first line of each page after the first; normalization mends
# sentences across it, then takes it out and keeps where each page starts.
PAGE_MARK = "\ue000"

# Between the cells of a table row in the display text ("6 | Tỷ lệ … đạt 80% | Tỉnh đoàn"), whatever the format.
CELL_SEPARATOR = " | "


@dataclass
class Sentence:
    """One sentence: character span in the document text and its underthesea words."""

    start: int
    end: int
    words: list[str]


@dataclass
class Chunk:
    """An indexed passage: whole sentences of one section, with its citation label."""

    chunk_id: str
    doc_id: str
    position: int
    text: str  # exact span of the document text
    start: int
    end: int
    label: str  # "Điều 22, khoản 1" or ""
    heading: str
    tokens: list[str]  # BM25 tokens
    sentence_spans: list[tuple[int, int]]  # offsets inside `text`
    text_hash: str = ""


EFFECTIVE, CEASES, REPEALS, AMENDS, REPLACES = "effective", "ceases", "repeals", "amends", "replaces"
BODY, FRONT_MATTER = "body", "front matter"


@dataclass(frozen=True)
class Statement:
    """One thing a document states about legal force."""

    kind: str  # EFFECTIVE (its own), CEASES, REPEALS, AMENDS, REPLACES
    target: str = ""  # số hiệu of the document concerned as written ("42/2022/NĐ-CP", "15/2020"); "" for EFFECTIVE
    parts: tuple[str, ...] = ()  # the parts concerned ("Chương II", "Điều 75", "khoản 4 Điều 4"); () = the whole
    effective: str = ""  # ISO date it takes effect; "" = when the stating document takes effect
    signing: bool = False  # EFFECTIVE "kể từ ngày ký": the document's own date
    by: str = ""  # số hiệu of the document that replaces, when not the stating one ("929/QĐ-TTg" in a report)
    label: str = ""  # the clause that says so ("Điều 90, khoản 2")
    quote: str = ""  # its words
    chunk_id: str = ""  # the chunk holding them
    origin: str = BODY  # BODY or FRONT_MATTER

    def to_dict(self) -> dict:
        d = asdict(self)
        d["parts"] = list(self.parts)
        return d


