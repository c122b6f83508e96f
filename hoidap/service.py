"""The one service the CLI and the UI call: reindex, ask, list documents, report status."""

from __future__ import annotations

import dataclasses
import datetime
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from core.access import OPERATOR as OPERATOR_CALLER, Caller
from core.errors import EmptyQuestionError, QuestionTooLongError
from core.settings import Settings, get_settings
from hoidap.answer.answerability import MODEL_FILE, Answerability
from hoidap.answer.compose import ComposeRules
from hoidap.answer.conversation import Turn, resolutions
from hoidap.answer.next_row import row_after
from hoidap.answer.followup_forms import asks_another_document, asks_for_more, asks_where, item_position
from hoidap.query.alternatives import with_alternatives
from hoidap.query.casing import sentence_cased
from hoidap.query.heads import heads_named
from hoidap.query.dialect import standard_forms
from hoidap.keyboard import vni_decoded, viqr_decoded
from hoidap.query.asides import (
    asked_for_another,
    plain_idioms,
    plain_places,
    read_at_asking,
    without_reactions,
    without_restatement,
)
from hoidap.query.typed import without_search_syntax, written_punctuation
from hoidap.query.codes import plain_code_marks, types_from_codes
from hoidap.query.message import (
    files_named, full_years, joined_line_breaks, without_chat_frame, without_email_frame, without_markup,
)
from hoidap.query.hedges import corrected_inline, without_courtesies, without_hedges, without_labels
from hoidap.answer.extractive import ExtractiveAnswerer
from hoidap.answer.headings import heading_answer
from hoidap.answer.llm import LLMAnswerer, condense
from hoidap.answer.select import SelectRules
from hoidap.answer.types import Answer
from hoidap.audit import AuditLog
from hoidap.fetched import cell_rows, numbered_rows, closing_passages
from hoidap.answer.validity import own_effective_notes, validity_answer, validity_notes
from hoidap.initialisms import read_initials
from hoidap.query import Query
from hoidap.query.documents import validity_asked
from hoidap.terms import EXACT_PREFIX, normalized
from hoidap.retrieve import UNMATCHED_DEPTH, Filters, HybridRetriever, IndexReader, Passage, found_unlike
from hoidap.validity import CEASED, article_of
from ingest.metadata import find_numbers
from ingest.structure import outline
from index.build import Progress, ReindexReport, reindex
from index.embed import Embedder
from index.fill import read_progress
from index.layout import IndexLayout

Retrieve = Callable[[Query, int], list[Passage]]  # (query, how many) → passages, best first
RETIRED_READER_GRACE_S = 60.0  # plus the LLM timeout: how long a replaced generation stays open


def clean_question(question: str, limit: int) -> str:
    """The question without control characters and surrounding space; raises on empty or too long."""
    text = unicodedata.normalize("NFC", question or "")
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in text)
    text = " ".join(text.split())
    if not text:
        raise EmptyQuestionError("the question is empty")
    if len(text) > limit:
        raise QuestionTooLongError(len(text), limit)
    return text


def make_answerer(settings: Settings) -> ExtractiveAnswerer:
    """The extractive answerer with the rules and the answerability decision the settings choose."""
    s = settings
    if s.answerability == "learned" and MODEL_FILE.is_file():
        decide = Answerability.load(MODEL_FILE, s.refusal_min_coverage)
    else:
        decide = Answerability.rule(s.refusal_min_coverage)
    select = SelectRules(
        required_names=s.rule_required_names, answer_type=s.rule_answer_type, boilerplate=s.rule_boilerplate,
        scope_article=s.rule_scope_article, office_holder=s.rule_office_holder, named_document=s.rule_named_document,
        in_force_first=s.rule_validity, table_header=s.rule_table_header, typed_required=s.rule_typed_required,
        list_continues=s.rule_list_continues, signer=s.rule_signer, recipients=s.rule_recipients, section_titles=s.rule_section_titles,
        cross_reference=s.rule_cross_reference, table_group=s.rule_table_group, run_list=s.rule_run_list, besides=s.rule_besides,
        named_clause=s.rule_named_unit, number_words=s.rule_number_words,
        item_lead_in=s.rule_item_lead_in, item_heading=s.rule_item_heading, named_documents=s.rule_named_documents,
        list_head=s.rule_list_head, table_rows=s.rule_table_rows, item_names_asked=s.rule_item_names_asked, meeting_dates=s.rule_meeting_dates,
        list_noun=s.rule_list_noun, required_bodies=s.rule_required_bodies, rate_of=s.rule_rate_of,
        bound=s.rule_bound, dated_years=s.rule_dated_years, alone=s.rule_alone, news_context=s.rule_news_context,
        horizon_heading=s.rule_horizon_heading, day=s.rule_day, sentence_start=s.rule_sentence_start,
        government_level=s.rule_government_level, same_document=s.rule_same_document, body_rows=s.rule_body_rows,
        paragraph_heading=s.rule_paragraph_heading, grades=s.rule_grades, quarters=s.rule_quarters, achieved=s.rule_achieved,
        named_years=s.rule_named_years, one_year=s.rule_one_year, field_lead_in=s.rule_field_lead_in,
        recital_lists=s.rule_recital_lists, asked_rows=s.rule_row_numbers, own_horizon=s.rule_own_horizon,
        level_named=s.rule_level_named, unindexed_content=s.rule_unindexed_content, duration_unit=s.rule_duration_unit, counted_forms=s.rule_counted_forms, numbered_items=s.rule_numbered_items,
        time_or_term=s.rule_time_or_term, cell_rows=s.rule_cell_rows, duty_title=s.rule_duty_title,
        row_figures=s.rule_row_figures, qualifiers=s.rule_qualifiers, unit_rows=s.rule_unit_rows,
        source_note=s.rule_source_note, grade_floors=s.rule_grade_floors, record_field=s.rule_record_field, case_lead_in=s.rule_case_lead_in, body_sections=s.rule_body_sections, other_body=s.rule_other_body, recital_dates=s.rule_recital_dates, cited_basis=s.rule_cited_basis, other_type=s.rule_other_type, round_the_clock=s.rule_round_the_clock, listed_bodies=s.rule_listed_bodies, block_fields=s.rule_block_fields, title_lines=s.rule_title_lines, rate_property=s.rule_rate_property, given_terms=s.rule_given_terms, merged_cells=s.rule_merged_cells, whole_sentences=s.rule_whole_sentences,
    )
    return ExtractiveAnswerer(s.answer_max_sentences, decide, select, ComposeRules(s.rule_name_source))


def merged(rankings: list[list[Passage]], k: int) -> list[Passage]:
    """Passages of several rankings (the parts of a compound question), taken in turn, without repeats."""
    out: list[Passage] = []
    seen: set[str] = set()
    for i in range(max((len(r) for r in rankings), default=0)):
        for ranking in rankings:
            if i < len(ranking) and ranking[i].chunk.chunk_id not in seen:
                seen.add(ranking[i].chunk.chunk_id)
                out.append(ranking[i])
    return out[:k]


def found_for(query: Query, search: Retrieve, depth: int, k: int) -> tuple[list[Passage], list[Passage]]:
    """(every passage retrieved, the ones the answer reads): a compound question's parts each find their own."""
    if query.parts:
        passages = merged([search(part, depth) for part in query.parts], max(depth, k * len(query.parts)))
        return passages, passages[: k * len(query.parts)]
    passages = search(query, depth)
    return passages, passages[:k]


def with_evidence(answer: Answer, passages: list[Passage], shown: list[Passage]) -> list[Passage]:
    """The retrieved passages, led by the cited ones the answer did not find among those it read (a validity
    clause read from the validity book, a signature block): what the answer stands on is first among its sources."""
    read = {p.chunk.chunk_id for p in shown}
    fetched: dict[str, Passage] = {}
    for citation in answer.citations:
        chunk_id = citation.passage.chunk.chunk_id
        if chunk_id not in read:
            fetched.setdefault(chunk_id, citation.passage)
    return list(fetched.values()) + [p for p in passages if p.chunk.chunk_id not in fetched]


def quoting_document(query: Query, passages: list[Passage]) -> str:
    """The số hiệu of the document whose passage holds the phrase a question quotes, when the question asks about a
    document it does not name ("Quyết định có câu 'Chuyển đổi số là đòn bẩy …' có hiệu lực từ khi nào?"); "" otherwise."""
    about = validity_asked(normalized(query.expanded, False)) or query.wants_issue_date or query.wants_signer or query.wants_issuer
    if query.numbers or not about:
        return ""
    quoted = [t[len(EXACT_PREFIX) :] for t in query.terms if t.startswith(EXACT_PREFIX)]
    for passage in passages if quoted else ():
        text = f" {normalized(passage.chunk.text, query.exact)} "
        if passage.chunk.doc.number and any(f" {q} " in text for q in quoted):
            return passage.chunk.doc.number
    return ""


def semantic_share(progress: tuple[int, int] | None) -> float | None:
    """Percent of passages with a vector while a reindex is still embedding; None when the index is complete."""
    if progress is None:
        return None
    done, total = progress
    return round(100.0 * done / total, 1) if total else 100.0


def lexical_notice(done: int, total: int) -> str:
    """What an answer says while some passages are found by their words only."""
    return (
        f"Đang hoàn tất chỉ mục ngữ nghĩa: {semantic_share((done, total)):.0f}%. Trong lúc này, các văn bản mới "
        "được tìm theo từ ngữ; câu hỏi diễn đạt khác văn bản có thể chưa tìm thấy."
    )


class HoidapService:
    """Holds the embedder and the served index generation (reloaded when a reindex switches it)."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or get_settings()
        self.layout = IndexLayout(self.settings.index_dir)
        self.embedder = Embedder(self.settings.embed_model, self.settings.embed_device, self.settings.embed_batch_size)
        self.answerer = make_answerer(self.settings)
        self._reader: IndexReader | None = None
        self._retired: list[tuple[float, IndexReader]] = []  # (when replaced, reader) of older generations
        self._llm: LLMAnswerer | None = None
        self._audit: AuditLog | None = None
        self._lock = threading.Lock()

    # --- index
    def reindex(
        self, corpus_dir: Path | None = None, progress: Progress | None = None, rebuild: bool = False, wait: bool = False
    ) -> ReindexReport:
        """Bring the index up to date with the corpus folder (incremental, atomic)."""
        return reindex(self.settings, self.embedder, corpus_dir, progress=progress, rebuild=rebuild, wait=wait)

    def reader(self, caller: Caller | None = None) -> IndexReader:
        """The served generation as ``caller`` may read it (None: an operator, all of it); switches to a newer
        generation after a reindex (queries never see a mix)."""
        with self._lock:
            gen = self.layout.current_path()
            if self._reader is None or self._reader.gen != gen:
                if self._reader is not None:
                    self._retired.append((time.monotonic(), self._reader))
                self._reader = IndexReader(gen, self.settings)
            self._close_retired()
            reader = self._reader
        return reader.for_caller(caller)

    def _close_retired(self) -> None:
        # A replaced generation may still serve a question in flight (an LLM answer streams for up to
        # its timeout), so it is closed only after a grace period, not at the switch. Without closing,
        # a long-running app would keep every old generation's vectors in memory.
        grace = RETIRED_READER_GRACE_S + self.settings.llm_timeout_s
        now = time.monotonic()
        while self._retired and now - self._retired[0][0] >= grace:
            self._retired.pop(0)[1].close()

    def retriever(self, caller: Caller | None = None) -> HybridRetriever:
        return HybridRetriever(self.reader(caller), self.embedder, self.settings)

    # --- questions
    def analyse(self, question: str, caller: Caller | None = None) -> Query:
        """The question read once (abbreviations spelled out, answer type, named documents, parts)."""
        return self.reader(caller).analyser().analyse(question)

    def retrieve(
        self, question: str, k: int | None = None, filters: Filters | None = None, caller: Caller | None = None
    ) -> list[Passage]:
        """Passages for a question (no answer composed), among the documents ``caller`` may read."""
        question = self.read_as_asked(self.cleaned(question))
        return self.retriever(caller).retrieve(self.analyse(question, caller), k, filters)

    def cleaned(self, question: str) -> str:
        """The question as typed, unwrapped from a pasted message and cleaned (raises on empty or too long)."""
        return clean_question(self.unwrapped(question), self.settings.max_question_chars)

    def unwrapped(self, question: str) -> str:
        """The question without what a pasted message wraps around it, read while its lines are still apart: a
        forwarded e-mail's header and the signature after its closing formula, a chat's time stamps and senders, a PDF's
        line-break hyphens."""
        if not question or "\n" not in question:
            return question
        question = joined_line_breaks(question) if self.settings.rule_pdf_breaks else question
        question = without_chat_frame(question) if self.settings.rule_chat_frame else question
        return without_email_frame(question) if self.settings.rule_email_frame else question

    def read_as_asked(self, question: str) -> str:
        """The question as it is read, what says nothing of what it asks set aside: a số hiệu's copy-pasted dashes and the
        type word its code corrects ("Quyết định 174/2026/NĐ–CP" → "Nghị định 174/2026/NĐ-CP"), VNI digits ("ke61 hoa5ch") and VIQR marks
        ("ke^' hoa.ch"), search syntax ('"…" OR "…"'), punctuation said in words ("phẩy", "chấm hỏi"), emoji and
        reactions ("😮 nhiều vậy à, thế …"), its letter case ("THEO KẾ HOẠCH 308 …"), Central words ("khi mô rứa?" → "khi
        nào vậy?"), a correction inside it ("NĐ 45, à nhầm, NĐ 224"), courtesies ("Chào anh/chị, …? Em cảm ơn!"), hedges
        and embedding leads ("Tôi nhớ mang máng …"), when it is asked ("Hôm nay 10/1/2026, …"), idioms ("ai cầm trịch"), places by the names they go by ("xứ Kinh Bắc"),
        the same question asked again ("? Tức là …"), a head named by function ("người đứng đầu ngành công an" → "Bộ
        trưởng Bộ Công an")."""
        s = self.settings
        question = without_markup(question) if s.rule_markup else question
        question = plain_code_marks(question) if s.rule_code_marks else question
        question = files_named(question) if s.rule_file_names else question
        question = full_years(question) if s.rule_short_years else question
        question = types_from_codes(question) if s.rule_type_from_code else question
        question = vni_decoded(question) if s.rule_vni else question
        question = viqr_decoded(question) if s.rule_viqr else question
        question = without_search_syntax(question) if s.rule_search_syntax else question
        question = written_punctuation(question) if s.rule_dictation else question
        question = without_reactions(question) if s.rule_reactions else question
        question = without_labels(question) if s.rule_labels else question
        question = sentence_cased(question) if s.rule_letter_case else question
        question = standard_forms(question) if s.rule_central_dialect else question
        question = corrected_inline(question) if s.rule_inline_correction else question
        question = without_courtesies(question) if s.rule_courtesies else question
        question = asked_for_another(question) if s.rule_relayed else question
        question = without_hedges(question) if s.rule_hedges else question
        question = read_at_asking(question) if s.rule_asking_time else question
        question = plain_idioms(question) if s.rule_idioms else question
        question = plain_places(question) if s.rule_place_names else question
        question = without_restatement(question) if s.rule_restatement else question
        question = with_alternatives(question) if s.rule_alternatives else question
        return heads_named(question) if s.rule_heads else question

    def ask(
        self,
        question: str,
        k: int | None = None,
        filters: Filters | None = None,
        previous: Turn | None = None,
        retrieve: Retrieve | None = None,
        depth: int | None = None,
        caller: Caller | None = None,
        channel: str = "service",
    ) -> Answer:
        """A cited answer, or a refusal when the documents (within the filters) do not contain one.

        ``previous`` is the last turn of a conversation: a follow-up ("còn năm 2025 thì sao?",
        "văn bản đó do ai ban hành?") is completed from it first. ``retrieve`` replaces hoidap's
        retrieval (the evaluation runs peer systems through this same path); ``depth`` passages are
        retrieved (at least k), the answer reads the first k, and ``Answer.passages`` holds them all.
        ``caller`` (None: an operator) is who asks: only documents of their access groups are read. The
        question goes to the audit trail under ``channel`` ("chat", "cli", "api"; "" = not recorded).
        """
        *_, answer = self.ask_stream(question, k, filters, previous, retrieve, depth, caller, channel)
        return answer

    def ask_stream(
        self,
        question: str,
        k: int | None = None,
        filters: Filters | None = None,
        previous: Turn | None = None,
        retrieve: Retrieve | None = None,
        depth: int | None = None,
        caller: Caller | None = None,
        channel: str = "service",
    ) -> Iterator[str | Answer]:
        """Like ask(), yielding the LLM's text deltas first (none in extractive mode), the Answer last."""
        question = self.cleaned(question)
        read = self.read_as_asked(question)
        readings = resolutions(
            read, previous, self.settings.rule_antecedent, self.settings.rule_ellipsis, self.settings.rule_topic_fallback,
            self.settings.rule_switch_document, self.settings.rule_why_followup, self.settings.rule_confirmation,
            self.settings.rule_correction, self.settings.rule_roles, self.settings.rule_more_items, self.settings.rule_own_task,
            self.settings.rule_another_document, self.settings.rule_body_alone, self.settings.rule_where_followup,
            self.settings.rule_narrowing, self.settings.rule_item_followup, figures=self.settings.rule_pointed_figure,
            neighbours=self.settings.rule_neighbour_unit, pointed=self.settings.rule_pointed_unit,
            asked_neighbours=self.settings.rule_asked_neighbour, other_document=self.settings.rule_other_named,
            next_rows=self.settings.rule_next_row, other_place=self.settings.rule_other_place,
        )
        more = self.settings.rule_more_items and previous is not None and asks_for_more(read)  # "Còn gì nữa không?"
        where = self.settings.rule_where_followup and previous is not None and asks_where(read)  # "Ở mục nào vậy?"
        item = item_position(read) if self.settings.rule_item_followup and previous is not None else 0  # "Loại thứ tư …"
        readings = readings[: None if self.settings.rule_frame_fallback else 1]
        if previous is not None and self.settings.llm_backend != "none":
            readings = [condense(self.llm_answerer().llm, question, previous, readings[0])]
        k = k or self.settings.top_k
        depth = max(k, depth or k)
        retriever = self.retriever(caller)
        if filters is not None and filters.in_force:  # "chỉ văn bản còn hiệu lực"
            book, as_of = retriever.reader.validity, self.as_of()
            ceased = {d["number"] for d in retriever.reader.documents if book.status(d["number"], as_of).state == CEASED}
            filters = dataclasses.replace(filters, excluded=frozenset(ceased))
        if self.settings.rule_another_document and previous is not None and asks_another_document(read):
            # "Có văn bản nào khác quy định giống vậy không?": not the documents the previous question named, or else
            # those its answer cited
            said = find_numbers(previous.question) or find_numbers(" ".join(previous.cited_documents))
            filters = dataclasses.replace(filters or Filters(), excluded=(filters.excluded if filters else frozenset()) | frozenset(said))
        search = retrieve or (lambda q, n: retriever.retrieve(q, n, filters))
        reader = retriever.reader
        for reading, resolved in enumerate(readings):  # a follow-up: its readings in turn, until one is answered
            answered = None
            query, passages, shown, retrieved, stated = self._evidence(resolved, reader, search, filters, depth, k)
            query = dataclasses.replace(query, more=more, where=where, item=item) if more or where or item else query
            if stated is not None or self.settings.llm_backend != "none" or reading == len(readings) - 1:
                break
            if not (answered := self._extracted(query, shown, reader)).refused:
                break
        if stated is not None or answered is not None:
            items: Iterator[str | Answer] = iter([stated or answered])
        elif self.settings.llm_backend == "none":
            items = iter([self._extracted(query, shown, reader)])
        else:
            items = self.llm_answerer().stream(query, shown, reader.bm25.weight)
        for item in items:
            if isinstance(item, Answer):
                item.question, item.resolved_question = question, resolved
                item.passages, item.query = with_evidence(item, passages, retrieved), query
                if self.settings.rule_validity and not item.refused:
                    self._mark_validity(item, reader, notes=stated is None)  # a validity answer says it itself
                semantic = read_progress(reader.gen)
                if semantic is not None:  # a reindex is still embedding: some passages are found by words only
                    note = lexical_notice(*semantic)
                    item.notice = f"{item.notice} {note}".strip()
                if channel:
                    who = caller or OPERATOR_CALLER
                    item.audit_id = self.audit_log().record(
                        who.user, who.describe(), channel, question, resolved,
                        [c.passage.chunk.chunk_id for c in item.citations], item.refused,
                    )
            yield item

    def _evidence(
        self, resolved: str, reader: IndexReader, search: Retrieve, filters: Filters | None, depth: int, k: int
    ) -> tuple[Query, list[Passage], list[Passage], list[Passage], Answer | None]:
        """For one reading of the question: its Query, every passage retrieved, the passages the answer reads, those
        of them retrieval gave, and the answer the validity book states (None when it states none)."""
        analyser = reader.analyser()
        query = analyser.analyse(resolved)
        passages, shown = found_for(query, search, depth, k)
        first = [p.chunk for p in passages[:UNMATCHED_DEPTH]] if self.settings.rule_everyday_thesaurus else []
        if first and found_unlike(query, first, self.settings.unmatched_coverage):
            # its own words do not find the documents: everyday forms are read as the documents' terms, and searched again
            analyser = dataclasses.replace(analyser, thesaurus=True)
            query = analyser.analyse(resolved)
            passages, shown = found_for(query, search, depth, k)
        if query.initials:  # "ct quốc gia": read the initials from what was found, then search again
            readings = {t: r for t in query.initials if (r := read_initials(t, query.expanded, [p.chunk.text for p in passages]))}
            if readings:
                analyser = dataclasses.replace(analyser, abbreviations={**analyser.abbreviations, **readings})
                query = analyser.analyse(resolved)
                passages, shown = found_for(query, search, depth, k)
        quoting = quoting_document(query, passages) if self.settings.rule_quoted_phrases else ""
        if quoting:  # "Quyết định có câu '…' có hiệu lực từ khi nào?": the document that has the sentence is asked of
            query = analyser.analyse(f"{resolved.rstrip(' ?')} (theo {quoting})?")
            passages, shown = found_for(query, search, depth, k)
        retrieved = shown  # what retrieval gave the answer to read (fetched evidence is added below)
        if self.settings.rule_signer or self.settings.rule_recipients:
            shown = shown + closing_passages(query, reader, shown, self.settings.rule_signer, self.settings.rule_recipients)
        if self.settings.rule_row_numbers:
            shown = numbered_rows(query, reader, shown) + shown
        if self.settings.rule_cell_rows:  # "… những nhiệm vụ nào có thời gian hoàn thành là Quí IV-2025?"
            held, rows = cell_rows(query, reader, shown)
            if held:
                query, shown = dataclasses.replace(query, held_rows=held), shown + rows
        stated = None
        if self.settings.rule_validity:
            as_of = self.as_of()
            for p in passages:
                p.in_force = reader.validity.status(p.chunk.doc.number, as_of, article_of(p.chunk.label)).state != CEASED
            fetch = lambda cid: reader.store.get_chunks([cid]).get(cid)  # noqa: E731
            # under metadata filters only the filtered passages answer (the stating clause may lie outside them)
            narrowed = filters is not None and filters.narrows()
            stated = None if narrowed else validity_answer(query, reader.validity, as_of, fetch, shown)
        if stated is None and query.wants_heading:  # "Chương II của Luật … có tên là gì?": its heading, from the structure
            stated = heading_answer(query, reader, shown)
        return query, passages, shown, retrieved, stated

    def _extracted(self, query: Query, shown: list[Passage], reader: IndexReader) -> Answer:
        """The extractive answer from the passages read (lists and sentences read on into their neighbours)."""
        store = reader.store
        return self.answerer.answer(query, shown, reader.bm25.weight, store.next_chunk, store.previous_chunk)

    def audit_log(self) -> AuditLog:
        """The audit trail (opened on first use)."""
        with self._lock:
            if self._audit is None:
                self._audit = AuditLog(self.settings.audit_db, self.settings.audit_retention_days)
            return self._audit

    def as_of(self) -> str:
        """The date legal status is judged on (the setting, or today)."""
        return self.settings.validity_as_of or datetime.date.today().isoformat()

    def _mark_validity(self, answer: Answer, reader: IndexReader, notes: bool = True) -> None:
        """Each citation's legal status; a note for each cited document or article no longer in force."""
        book, as_of = reader.validity, self.as_of()
        for citation in answer.citations:
            chunk = citation.passage.chunk
            status = book.status(chunk.doc.number, as_of, article_of(chunk.label))
            citation.status = {**status.to_dict(), "badge": status.badge()} if status.state else None
        lines = validity_notes(answer, book, as_of) if notes else []
        if self.settings.rule_own_effective_date:  # "… từ ngày Nghị định này có hiệu lực thi hành": that date, in a note
            lines += own_effective_notes(answer, book)
        if lines:
            answer.text = answer.text + "\n" + "\n".join(lines)

    @staticmethod
    def next_turn(answer: Answer, previous: Turn | None) -> Turn | None:
        """What the next question of the conversation may refer to: this question and what its answer cited; for a
        refusal, this question and what the last answer before it cited."""
        question = answer.resolved_question or answer.question
        below = ""
        if answer.refused:
            cited, answered, label = (previous.cited_documents, False, previous.cited_label) if previous else ([], False, "")
        else:
            cited, answered = answer.cited_documents(), True
            label = answer.citations[0].quoted_unit() if answer.citations else ""
            lead = answer.citations[0] if answer.citations and answer.citations[0].quoted else None
            if lead:
                chunk = lead.passage.chunk
                following = next((
                    p.chunk.text for p in answer.passages if p.chunk.doc_id == chunk.doc_id and p.chunk.position == chunk.position + 1
                ), "")
                below = row_after(chunk.text, lead.quoted[0][0], following)
        if previous:
            return previous.then(question, cited, answered, label, below)
        return Turn(question, cited, answered, cited_label=label, next_row=below)

    def llm_answerer(self) -> LLMAnswerer:
        """The LLM answerer (created on first use; its backend is a setting)."""
        with self._lock:
            if self._llm is None:
                self._llm = LLMAnswerer(self.settings, self.answerer)
            return self._llm

    # --- corpus information
    def documents(self, caller: Caller | None = None) -> list[dict]:
        """Indexed documents ``caller`` may read, with their metadata, access groups, effective date, legal
        status (as of validity_as_of or today) and the validity relations they state and that others state about
        them."""
        reader = self.reader(caller)
        return [self._with_validity(row, reader) for row in reader.store.documents()]

    def _with_validity(self, row: dict, reader: IndexReader) -> dict:
        book = reader.validity
        status = book.status(row["number"], self.as_of())
        row["effective"] = book.effective_date(row["number"]) if row["number"] else ""
        row["status"] = {**status.to_dict(), "badge": status.badge()}
        row["relations"] = [r.to_dict() for r in book.about(row["number"])] if row["number"] else []
        row["states"] = [r.to_dict() for r in book.stated_by(row["number"])] if row["number"] else []
        return row

    def validity_check(self) -> list[str]:  # operator only (the CLI's validity check)
        """Where a file's front matter and its text disagree about validity (the text wins)."""
        return self.reader().validity.check()

    def document(self, doc_id: str, caller: Caller | None = None) -> dict | None:
        """A document's metadata, legal status and relations, and full text (for showing a cited passage in
        place); None when there is none that ``caller`` may read."""
        reader = self.reader(caller)
        row = reader.store.document(doc_id)
        if not row:
            return None
        row["headings"], row["articles"] = outline(row["text"])  # breadcrumb and previous/next Điều
        return self._with_validity(row, reader)

    def status(self, caller: Caller | None = None) -> dict:
        """Counts (of what ``caller`` may read), build time and embedding model of the served index."""
        reader = self.reader(caller)
        docs, chunks = reader.store.counts()
        return {
            "documents": docs,
            "chunks": chunks,
            "built_at": reader.store.get_meta("built_at"),
            "embed_model": reader.store.get_meta("embed_model"),
            "generation": reader.gen.name,
            "semantic_progress": semantic_share(read_progress(reader.gen)),
        }

    def warm_up(self) -> None:
        """Load the models and indexes now rather than on the first question."""
        reader = self.reader()
        _ = reader.bm25, reader.vectors
        self.embedder.embed_query("khởi động")

