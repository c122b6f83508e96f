"""The extractive answerer: select → decide answerability → compose. It never writes a fact that is
in no source: every sentence is quoted from a passage, and when the evidence does not answer, it
refuses (the decision is a small model learned from data, see answerability.py)."""

from __future__ import annotations

import re

from hoidap.answer.answerability import Answerability, features
from hoidap.answer.compose import NEARLY, REFUSAL_TEXT, ComposeRules, Composer, choose, refusal, rows_held, rows_naming
from hoidap.answer.items import FIELD_ITEM, names_strongest
from hoidap.answer.lists import list_continuation
from hoidap.answer.references import with_referred
from hoidap.answer.select import Candidate, SelectRules, answers_type, candidates, shared_context
from hoidap.answer.sentences import sentence_begun, sentence_continued
from hoidap.answer.tables import group_rows, row_before
from hoidap.answer.types import Answer
from hoidap.query import DATE, DOCUMENT, DURATION, LIST, NUMBER, PERSON, Query
from hoidap.query.asked import WEB_ADDRESS
from hoidap.query.documents import names_document
from hoidap.retrieve import Passage
from hoidap.terms import distinct_bodies, normalized
from ingest.metadata import NUMBER_RE

__all__ = ["ExtractiveAnswerer", "REFUSAL_TEXT"]


_TYPED = (DATE, DURATION, NUMBER, PERSON)


def of_document_first(found: list[Candidate], passages: list[Passage], earlier: Candidate | None) -> list[Candidate]:
    """A later part of a compound question that names no document of its own asks of the document an earlier part
    was answered from: its candidates from that document answering nearly as well as the best come first ("… phải
    thông báo công khai trong bao lâu; còn khi phát hiện vi phạm thì phải báo chậm nhất bao lâu?" is asked of one
    Quy định, not of a decree with the same words)."""
    if earlier is None or not found:
        return found
    doc = passages[earlier.passage_index].chunk.doc_id
    best = found[0]
    same = [
        c for c in found
        if passages[c.passage_index].chunk.doc_id == doc and c.score >= NEARLY * best.score and (c.type_match or not best.type_match)
    ]
    return same + [c for c in found if c not in same] if same else found


def states_force(title: str, text: str) -> bool:
    """Whether a sentence names a document by its title (folded) and speaks of its force ("… có hiệu lực …")."""
    folded = normalized(text, exact=False)
    return f" {title} " in folded and " hieu luc " in folded


def answers_force(title: str, cand: Candidate, passages: list[Passage]) -> bool:
    """Whether a candidate answers the force of the document so titled: it names it and speaks of its force, or it is
    a passage of that document itself (its title begins with it: ALQAC's articles of "Luật Cư trú")."""
    own = normalized(passages[cand.passage_index].chunk.doc.title, exact=False).strip().startswith(title)
    return own or states_force(title, cand.text)


def _document_words(passage: Passage) -> str:
    """What a passage is read with: its document's title and số hiệu, and its headings (an appendix's title)."""
    return f"{passage.chunk.doc.title} {passage.chunk.doc.number} {passage.chunk.heading}"


def _in_units(units: tuple[str, ...], passage: Passage) -> bool:
    """Whether a passage lies in one of the units a question names (folded: "phu luc i"), by its heading."""
    heading = normalized(passage.chunk.heading.split("—")[0], exact=False).strip()
    return any(heading == unit for unit in units)


# a sentence that sends the reader elsewhere for the items: "(danh mục chi tiết tại Phụ lục II …)", "theo danh mục kèm theo"
POINTS_ELSEWHERE = re.compile(r"\b(?:danh mục|chi tiết|cụ thể)(?: chi tiết)? (?:tại|theo|ở|trong) (?:Phụ lục|phụ lục|danh mục)", re.I)


UNHELD_NOTICE = "Văn bản {} không có trong các tài liệu đã lập chỉ mục; các tài liệu hiện có không nêu điều được hỏi về nó."


def asks_of_unheld(query: Query) -> bool:
    """Whether a question asks what a document the index does not hold says ("nđ 88/2025 quy định mức khoán chi …?"),
    every document it names being such: another document that merely cites it does not say. Its force, date, issuer,
    signer or số hiệu may be stated by the documents citing it."""
    if not query.unheld_subject or query.titles or any(n not in query.unindexed for n in query.numbers):
        return False
    return not (
        query.validity or query.wants_issue_date or query.wants_issuer or query.wants_signer or query.wants_code
        or query.answer_type == DOCUMENT
    )


RECORD_REACH = 1  # a record's fields lie in the lead's passage or the next one


def record_field(lead: Candidate, found: list[Candidate], passages: list[Passage], part: Query) -> Candidate | None:
    """The field (items.FIELD_ITEM) giving what a typed question asks, of the record whose first line leads the answer:
    "- Nghị định quy định chi tiết … Luật Bảo vệ dữ liệu cá nhân" is followed by "- Nội dung: …", "- Cơ quan chủ trì: …",
    "- Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026"; the nearest such field after the lead, in its document and
    unit, within RECORD_REACH passages (a later record's field is farther), or None."""
    head = passages[lead.passage_index].chunk
    at = (head.position, lead.span[0])
    fields = [
        c for c in found
        if answers_type(part, c) and FIELD_ITEM.match(c.text)
        and (chunk := passages[c.passage_index].chunk).doc_id == head.doc_id and chunk.label == head.label
        and at < (chunk.position, c.span[0]) and chunk.position - head.position <= RECORD_REACH
    ]
    return min(fields, key=lambda c: (passages[c.passage_index].chunk.position, c.span[0]), default=None)


class ExtractiveAnswerer:
    """Picks sentences from the passages; refuses when the evidence does not answer."""

    def __init__(
        self,
        max_sentences: int = 3,
        answerability: Answerability | None = None,
        select_rules: SelectRules = SelectRules(),
        compose_rules: ComposeRules = ComposeRules(),
    ):
        self.max_sentences = max_sentences
        self.answerability = answerability or Answerability.rule(0.6)
        self.select_rules = select_rules
        self.composer = Composer(compose_rules)

    def _asked_row(self, part: Query, best, passages: list[Passage]) -> bool:
        """Whether the best candidate is the table row a question asks by its number in a document it names ("nhiệm vụ
        thứ 10 trong nhóm … ở Phụ lục II của QĐ 2629"): a lookup by structure, whatever words the row shares."""
        chunk = passages[best.passage_index].chunk
        return (
            self.select_rules.asked_rows and bool(part.row_number) and names_document(part, chunk.doc.number)
            and bool(re.match(rf"\s*{part.row_number}\.?\s*\|", chunk.text[best.span[0] : best.span[1]]))
        )

    def answer(self, query: Query, passages: list[Passage], weight, following=None, preceding=None) -> Answer:
        """``weight(term)`` gives a term's IDF in the corpus (BM25 statistics); ``following(chunk)`` the next chunk
        of its document (a list an article goes on with), or None; ``preceding(chunk)`` the one before (where a
        sentence the passage starts inside begins), or None."""
        passages = list(passages)  # a list's continuation read with ``following`` is added to this copy
        parts = query.parts or (query,)
        chosen: list[tuple[Query, list[Candidate]]] = []
        unheld = ""  # a document the question asks the content of that the index does not hold
        confidence = 0.0
        groups = {  # a table row's target year is in its group row ("I | Đến năm 2030"), often passages above it
            p.chunk.chunk_id: group_rows(p.chunk, preceding) for p in passages
        } if self.select_rules.table_group and any(part.horizons for part in parts) else {}
        rows_before = {  # a table's cells written alone at a passage's start share the merged cells of the row above
            p.chunk.chunk_id: row_before(p.chunk, preceding) for p in passages
        } if self.select_rules.merged_cells else {}
        for part in parts:
            part = shared_context(part, passages)
            found = candidates(part, passages, weight, self.select_rules, groups, rows_before)
            p = self.answerability.probability(features(part, passages, found, groups if part.horizons else {})) if found else 0.0
            if self.select_rules.same_document and chosen and not (part.numbers or part.titles):
                found = of_document_first(found, passages, next((c for _, cs in chosen for c in cs), None))
            confidence = max(confidence, p)
            ok = bool(found) and (p >= self.answerability.threshold or self._asked_row(part, found[0], passages))
            min_cov = self.answerability.min_coverage
            # "Tóm lại: …" one; "Còn gì nữa không?" and "căn cứ vào những nghị quyết nào?" (a recital a line) twice as many
            recitals = self.select_rules.recital_lists and part.wants_recital and part.answer_type == LIST
            most = 1 if query.brief else 2 * self.max_sentences if query.more or recitals else self.max_sentences
            picked = choose(found, most, min_cov, part.answer_type == LIST, self.select_rules.table_rows) if ok else []
            bodies = distinct_bodies(part.bodies)
            if picked and part.answer_type == LIST and bodies and self.select_rules.body_rows:
                in_unit = (lambda c, units=part.units: _in_units(units, passages[c.passage_index])) if (
                    self.select_rules.unit_rows and part.units
                ) else None
                rows = rows_naming(found, bodies, part.listed, in_unit)
                if self.select_rules.item_names_asked:  # a row naming the body but not what it is asked to do answers
                    rows = [
                        r for r in rows
                        if names_strongest(part, r.text, f"{_document_words(passages[r.passage_index])} {' '.join(bodies)}")
                    ]
                picked = rows or picked
            if part.held_rows and part.answer_type == LIST and self.select_rules.cell_rows:
                # every row holding the value asked, when the question is answered, or names the rows' document, or
                # names none and they are of the document retrieval put first
                held = rows_held(part.held_rows, passages, self.select_rules.merged_cells)
                chunk = passages[held[0].passage_index].chunk if held else None
                unnamed = not (part.numbers or part.doc_refs or part.titles)
                if held and (
                    picked or names_document(part, chunk.doc.number) or (unnamed and chunk.doc_id == passages[0].chunk.doc_id)
                ):
                    picked = held
            if picked and part.answer_type == LIST and self.select_rules.list_continues:
                picked = [sentence_continued(picked[0], passages), *picked[1:]]
                picked = picked + list_continuation(picked[0], passages, following)
            if picked and self.select_rules.sentence_start:
                picked = [sentence_begun(c, passages, preceding) for c in picked]
            if picked and self.select_rules.cross_reference:  # "… các nhiệm vụ tại mục (IV)(3.4)(a)": that section too
                picked = with_referred(picked, passages, preceding, following)
            if picked and self.select_rules.typed_required and part.answer_type in _TYPED:
                if not any(answers_type(part, c) for c in picked):
                    # the record the lead opens may give it in a field of its own ("- Thời hạn ban hành: trước ngày …")
                    field = record_field(picked[0], found, passages, part) if self.select_rules.record_field else None
                    picked = [picked[0], field] if field else []  # else "bao nhiêu tỷ đồng?" answered by a sentence
                    #                                                without an amount answers nothing
            if picked and self.select_rules.typed_required and part.kind and not any(c.type_match for c in picked):
                picked = []  # "doanh nghiệp nào …?" answered by a sentence naming no enterprise answers nothing
            if picked and self.select_rules.typed_required and part.answer_type == LIST and POINTS_ELSEWHERE.search(picked[0].text):
                if not picked[0].type_match:  # "… 11 cơ sở dữ liệu … (danh mục chi tiết tại Phụ lục II …)": the items are
                    picked = []  #             not here, and a sentence that says where they are lists none of them
            if picked and self.select_rules.typed_required and part.wants_code:
                if not any(NUMBER_RE.search(c.text) for c in picked):
                    picked = []  # "… với số hiệu nào?": a sentence giving no số hiệu does not answer
            if picked and self.select_rules.typed_required and part.wants_address:
                if not any(WEB_ADDRESS.search(c.text) for c in picked):
                    picked = []  # "địa chỉ website của cổng … là gì?": a sentence giving no address does not answer
            if picked and self.select_rules.typed_required and part.force_of:  # "Luật … có hiệu lực từ ngày nào?"
                picked = [c for c in picked if answers_force(part.force_of, c, passages)] or [
                    c for c in found if answers_force(part.force_of, c, passages)
                ][:1]
            if self.select_rules.unindexed_content and asks_of_unheld(part):
                # "nđ 88/2025 quy định mức khoán chi …": its text is not here (said so even when nothing else answers)
                picked, unheld = [], part.unheld_subject
            chosen.append((part, picked))
        if not any(c for _, c in chosen):
            answer = refusal(query, passages)
            if unheld:
                answer.notice = UNHELD_NOTICE.format(unheld)
        else:
            answer = self.composer.compose(query, passages, chosen)
        answer.confidence = confidence
        return answer
