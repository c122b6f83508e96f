"""The Analyser: reads a question once into a Query against one index (its IDF, its abbreviations, its số hiệu)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Callable, Mapping

from core.lexicon import ABBREVIATIONS, CHAT_FORMS, DOC_TYPES, ISSUER_BY_CODE, LOANWORDS, TYPE_BY_CODE
from hoidap.initialisms import typed_initials
from hoidap.keyboard import MIXED_MIN, repairs, unmarked_syllables
from hoidap.orthography import iy_spellings
from hoidap.query.asked import (
    ADDRESS_ASKED,
    APPLIES_ASKED,
    PURPOSE,
    PURPOSE_ASKED,
    ATTRIBUTE_OF,
    ATTRIBUTE_OF_FOLDED,
    CODE_ASKED,
    DEFINITION_CUE,
    DEADLINE_ASKED,
    ISSUED_ASKED,
    ISSUER_ASKED,
    RECITAL_ASKED,
    SCOPE,
    SCOPE_ASKED,
    RECIPIENTS_ASKED,
    SIGNER_ASKED,
    ACHIEVED_ASKED,
    answer_type_of,
    article_topic,
    government_levels,
    grades_named,
    quarters_named,
    named_years,
    year_asked,
    qualifiers_named,
    not_how_many,
    may_as_plural,
    subject_type,
    without_time_question_nouns,
)
from hoidap.query.compound import compound_parts
from hoidap.query.premise import framing, premise_names, premise_of, scope_numbers, told_facts
from hoidap.query.spoken import numbers_in_digits
from hoidap.query.forms import form_filled
from hoidap.query.headings import heading_asked, row_asked, row_group_asked
from hoidap.query.counted import (
    alone_name,
    asked_kind,
    asked_ordinal,
    asked_unit,
    bound_asked,
    counted_phrase,
    listed_noun,
    rate_of,
    rate_property,
    terms_given,
    with_copy_units,
    with_formal_unit,
)
from hoidap.query.described import Described, described_number
from hoidap.query.documents import (
    ARTICLE_REF,
    CONTENT_ASKED,
    SHORT_REF,
    about_document,
    asked_date,
    completed_number,
    force_of,
    framed_force,
    made_types,
    named_clauses,
    named_units,
    titled_numbers,
    validity_asked,
)
from hoidap.query.expansions import abbreviated, applied, formal_terms, spelled_out
from hoidap.query.key_terms import joined_words, key_terms, without_fillers
from hoidap.query.marked import (
    quoted_phrases, set_aside, signature_spans, signed_years, signers_named, without_date_words, without_locator_words,
    without_words_in,
)
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
    Query,
    Weight,
)
from hoidap.terms import (
    DEFINITION_PREFIX,
    EXACT_PREFIX,
    ROLE,
    asked_body_kinds,
    body_names,
    distinct_bodies,
    document_years,
    event_ordinals,
    horizon_years,
    normalized,
    Preamble,
    preamble_of,
    brevity_asked,
    request_opened,
    required_terms,
)
from hoidap.titles import only_in_title, title_span, without_title_words
from ingest.metadata import find_numbers
from ingest.normalize import fold_diacritics, has_diacritics
from ingest.segment import query_tokens, words_of


# the verbs of a task whose object is a document to be made ("xây dựng Chương trình …", "ban hành Nghị định …")
_TO_BE_MADE = re.compile(r"\b(?:xay dung|ban hanh|soan thao|trinh|xay dung va ban hanh|xay dung va trinh)\s*$")


# The codes of bodies inside số hiệu ("80/2020/TT-BCA"), typed alone in a question ("bca ktra …", "VPCP"): the body
BODY_CODES = {code: body for code, body in ISSUER_BY_CODE.items() if len(code) >= 3 and code not in ABBREVIATIONS}


# "… được giữ lại tới lúc nào?", "đến bao giờ?": an end asked, which an event answers as a date does ("đến khi công tác
# khảo sát, thống kê kết thúc"), folded
UNTIL_ASKED = re.compile(r"\b(?:toi|den|cho den)\s+(?:luc nao|khi nao|bao gio|thoi diem nao)\b")


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
    thesaurus: bool = False  # … and those of the generated thesaurus (core/everyday_thesaurus.tsv)
    loose_title_share: float = 0.0  # a title is named when this share of its word pairs is typed (0: only whole)
    drop_title_words: bool = False  # the words naming a document by its title are not looked for in its passages
    besides: bool = False  # "ngoài X, còn … nào?": X's names and years are set aside (Query.besides)
    quoted: bool = False  # a phrase quoted in the question counts as found only in those words, in that order
    described: tuple[Described, ...] = ()  # the indexed documents a question may describe by type and subject
    described_days: bool = False  # … or by type and the day it is dated ("Quyết định Thủ tướng ký ngày 01/12/2025")
    provinces: bool = False  # a province typed in lower case after "tỉnh" is a place a passage must name (PROVINCES)
    number_dates: bool = False  # a date written after a số hiệu dates that document and is not looked for in passages
    locators: bool = False  # the words of "điểm b", "khoản 2", "mục III", "Điều 95" are no key terms (Query.units/clauses)
    purpose: bool = False  # "… ban hành nhằm mục đích gì?": the part titled "Mục đích" answers (Query.sections)
    row_numbers: bool = False  # "nhiệm vụ số 75 trong Phụ lục II": the row numbered 75 (Query.row_number)
    headings: bool = False  # "Chương II của Luật … có tên là gì?" asks that unit's heading (Query.wants_heading)
    forms: bool = False  # a question shaped like a form ("Hiệu lực: từ ___ ?"): each blank asked in words
    number_words: bool = False  # "mấy <noun>" names what is counted, as "bao nhiêu <noun>" does
    signers: bool = False  # a person named as having signed the document asked of need not be in the passage
    signer_forms: bool = False  # … also typed without diacritics, or with the signer's title between commas
    counted_forms: bool = False  # "từ bao nhiêu trở lên" names no unit; the words after the unit are kept (counted_phrase)
    until_event: bool = False  # "… tới lúc nào?" asks an end: an event ("đến khi … kết thúc") answers as a date does
    recipients: bool = False  # "… gửi cho những nơi nào?": the named document's "Nơi nhận" (Query.wants_recipients)
    case_facts: bool = False  # a year told only of the asker's own case ("… cấp năm 2022; …?") is not required
    subject_type: bool = False  # note the document type a question begins with (Query.subject_type)
    home_country: bool = False  # "Việt Nam" is no name a passage must repeat
    clause_compound: bool = False  # two clauses joined by ", và" are two questions when one asks a type of answer
    more_joiners: bool = False  # "kèm theo đó", "đồng thời", "cũng như" join two questions as ", và" does
    unheld_subject: bool = False  # note a document not held whose content the question asks ("nđ 88/2025 quy định …")
    plural_may: bool = False  # "mấy anh chị …, … ngang với ai?": a "mấy" before a noun asks no count where a word of its own asks
    dossier_copies: bool = False  # "mấy bộ hồ sơ?" is answered in copies too ("01 bản chính và 04 bản sao")
    one_question_word: bool = False  # "bn", "bh" ask only where no question word is written out ("… bn … mô hình gì")
    spoken_numbers: bool = False  # numbers said in words: "kế hoạch một bốn bốn" (144), "chỉ tiêu thứ sáu" (thứ 6)
    definition_frame: bool = False  # "Theo Thông tư 194, X nghĩa là gì?", "X theo luật GDĐT là gì?": the term is X
    year_ends: bool = False  # "vào cuối năm 2026" is a target year (Query.horizons), like "đến năm 2026"
    period_years: bool = False  # "giai đoạn 2028-2030": its first year is no year a passage must name
    glossed_names: bool = False  # a name glossed in brackets ("National Data Center (Trung tâm …)") is no name a passage must name
    numbered_parts: bool = False  # "1) … 2) …", "a) … b) …": a sub-question's number asks nothing
    dependent_parts: bool = False  # "Cơ quan nào …, và cơ quan đó …": the later part asks of "cơ quan <what the first says>"
    content_frame: bool = False  # "… nói gì về …", "trường hợp … hết hiệu lực": not the document's own force
    force_clause: bool = False  # "trước khi Nghị định … có hiệu lực" tells a time of the case asked, not its force
    parallel_parts: bool = False  # "… là bao nhiêu trong A, và bao nhiêu trong B?": the later part asks the first's question
    loanwords: bool = False  # English words in a Vietnamese question stand for the documents' terms (LOANWORDS)
    issuer_codes: bool = False  # a body's code in số hiệu typed alone names the body ("bca" → Bộ Công an; BODY_CODES)
    request: bool = False  # a request that opens the question ("Cho tôi biết …", "Nhờ tra giúp: …") asks nothing
    brevity: bool = False  # … and, with ``request``, a request for a short answer before a colon ("Tóm lại một câu thôi: …")
    partial_numbers: bool = False  # a số hiệu typed in part ("2629/TTg") names the one indexed document it is part of
    iy_spelling: bool = False  # a syllable spelt with "i" is also looked for with "y" and the other way (orthography)
    fillers: bool = False  # spoken fillers ("cái", "hẳn", "luôn", "nha") are no key terms (SPOKEN_FILLERS)
    keyboard: bool = False  # repair Telex leftovers and syllables typed without their space (hoidap/keyboard.py)
    spell: Callable[[str], str] | None = None  # folded token → the corpus' written form (words typed without marks)
    preamble: bool = False  # read a question asked after sentences of context from its question proper
    context_weight: float = 1.0  # with ``preamble``: the weight of the words only the context says
    premise: bool = False  # a statement the question turns from with "còn" / "vậy" is context (query/premise.py)
    pointed_back: bool = False  # "bao nhiêu phần trăm các đối tượng đó": a noun pointing back names nothing to repeat
    mixed_marks: bool = False  # a question with marks on some words only is read folded (keyboard.unmarked_syllables)
    unit_content: bool = False  # "Khoản 4 Điều 15 … quy định gì?" asks that unit's words, not the document's scope
    source_frame: bool = False  # "Theo QĐ 2623 thì Luật … có hiệu lực …?" asks the law's force, which QĐ 2623 states
    deadlines: bool = False  # "phải gửi … trước ngày nào?" asks a duty's deadline, not the document's own date

    def analyse(self, question: str) -> Query:
        if self.spoken_numbers and has_diacritics(question):  # "quy định ba tám bốn", "chỉ tiêu thứ sáu"
            question = numbers_in_digits(question)
        brief = self.request and self.brevity and brevity_asked(question)  # "Tóm lại một câu thôi: …"
        if self.request:  # "Cho tôi biết …", "Nhờ tra giúp: …": the question the request opens
            question = request_opened(question, self.brevity)
        if self.forms:  # "Hiệu lực: từ ___ ?": each blank asked in words
            question = form_filled(question)
        query = self._single(question)
        if self.split_compound:
            texts = compound_parts(
                question, self.clause_compound, self.more_joiners, self.dependent_parts, self.numbered_parts, self.parallel_parts,
            )
            if len(texts) > 1:
                query = Query(**{**query.__dict__, "parts": tuple(self._single(t) for t in texts)})
        return dataclasses.replace(query, brief=True) if brief else query

    def _single(self, text: str) -> Query:
        known = {**(BODY_CODES if self.issuer_codes else {}), **self.abbreviations, **ABBREVIATIONS, **(LOANWORDS if self.loanwords else {})}
        expansions = spelled_out(text, known, self.one_question_word) if self.expand else []
        if self.keyboard:  # "chuyeenr ddooir" typed with the input method off, "dulieu" without its space
            expansions += [r for r in repairs(text, self.weight, self.spell) if r[0] not in {typed for typed, _ in expansions}]
        if self.iy_spelling and has_diacritics(text):  # "kĩ thuật", "tỉ lệ" where the documents write "kỹ", "tỷ"
            expansions += [r for r in iy_spellings(text, self.weight) if r[0] not in {typed for typed, _ in expansions}]
        expanded = applied(text, expansions)
        # a question asked after sentences of context: what it asks is read from the question proper (which may be typed
        # without diacritics after a pasted context)
        # a statement the question turns from ("Tôi biết …; còn …?") or the asker's context ("Tôi là …. Xin hỏi: …?")
        split = premise_of(text) if self.premise else Preamble("", text, False)
        premise = bool(split.context)
        context, asked, apart = split if premise or not self.preamble else preamble_of(text)
        exact = has_diacritics(asked)  # as typed, before any expansion
        if exact and self.mixed_marks and len(unmarked_syllables(asked, self.weight)) >= MIXED_MIN:
            exact = False  # "Kế hoạch 308 cua Ha Noi … theo tieu chuan nao?": marks typed on some words only
        context, asked = (applied(context, expansions), applied(asked, expansions)) if context else ("", expanded)
        fold = lambda t: " ".join(fold_diacritics(not_how_many(t.lower()) if exact else t.lower()).split())  # noqa: E731
        folded, folded_all = fold(asked), fold(expanded)
        doc_refs = tuple(SHORT_REF.findall(folded_all))  # (type, number, year) of "nđ 13/2023", "qđ 2623"
        answer_type = answer_type_of(may_as_plural(folded) if self.plural_may else folded)
        asked_validity = validity_asked(folded, self.content_frame, self.force_clause)
        if self.content_frame and answer_type == VALIDITY and not asked_validity and CONTENT_ASKED.search(folded):
            answer_type = OTHER  # "Quy định 384 nói gì về trường hợp … đã hết hiệu lực?": what it provides for that case
        definition = ""
        if answer_type == DEFINITION:
            subject = re.match(DEFINITION_CUE, folded).group(1)
            first, last = framed_subject(subject) if self.definition_frame else (0, len(subject.split()))
            subject = " ".join(subject.split()[first:last])
            raw = asked.split()[first:last]
            written = " ".join(raw).lower()
            if (ATTRIBUTE_OF if exact else ATTRIBUTE_OF_FOLDED).search(written if exact else subject):
                answer_type = OTHER
            else:
                quoted = quoted_phrases(" ".join(raw)) if self.quoted else []
                subject = quoted[0] if len(quoted) == 1 else " ".join(raw)  # "Cụm 'dữ liệu chủ' …": the phrase quoted
                definition = normalized(subject + " là", exact).strip()
        segmented = words_of(expanded)
        # what is asked (its unit, rate, list noun) is read from the question proper when a statement comes before it
        asked_text, asked_words = (asked, words_of(asked)) if premise else (expanded, segmented)
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
        formal = formal_terms(expanded, exact, self.everyday, self.thesaurus) if self.everyday or self.thesaurus else []
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
        # "Khoản 4 Điều 15 Quy định 384 quy định gì?" asks what that unit says, not what the document governs
        units = tuple(dict.fromkeys(named_units(asked_text)))
        clauses = tuple(dict.fromkeys(named_clauses(asked_text)))
        unit_asked = self.unit_content and bool(units or clauses)
        scope = SCOPE_ASKED.search(folded) and not (unit_asked and "pham vi dieu chinh" not in folded)
        sections = ((SCOPE,) if scope else ()) + (
            ("Đối tượng áp dụng",) if APPLIES_ASKED.search(folded) else ()
        ) + ((PURPOSE,) if self.purpose and PURPOSE_ASKED.search(folded) else ())
        if definition and sections:  # "Phạm vi điều chỉnh của Nghị định … là gì?": the article so titled answers
            answer_type, definition = OTHER, ""
        if definition:
            terms[DEFINITION_PREFIX + definition] = 2 * strongest
        for heading in sections:
            terms[EXACT_PREFIX + normalized(heading, exact).strip()] = strongest
        for phrase in quoted_phrases(asked) if self.quoted else ():  # "Cụm 'dữ liệu chủ' …": the words in that order
            if not any(f" {normalized(phrase, False).strip()} " in f" {title} " for title in self.titled):
                terms[EXACT_PREFIX + normalized(phrase, exact).strip()] = strongest
        office = ROLE.search(expanded)
        numbers = find_numbers(expanded)  # the số hiệu named, and those of the documents named by title
        completions: dict[str, str] = {}  # a số hiệu typed in part → the indexed one it names (normalized, folded)
        if self.partial_numbers and self.indexed_numbers:  # "2629/TTg" typed for "2629/QĐ-TTg"
            whole = [completed_number(n, self.indexed_numbers) for n in numbers]
            completions = {normalized(n, False).strip(): normalized(w, False).strip() for n, w in zip(numbers, whole) if n != w}
            numbers = list(dict.fromkeys(whole))
        folded_words = normalized(expanded, exact=False).split()
        typed_numbers = bool(numbers)  # a document named by số hiệu: a title after "xây dựng" is what it plans
        title_words: set[int] = set()  # positions of folded_words that name a document by its title
        titles: list[tuple[str, str]] = []
        for title, numbers_of_title in self.titled.items():
            span = title_span(title.split(), folded_words, self.loose_title_share)
            if span and typed_numbers and _TO_BE_MADE.search(" ".join(folded_words[max(0, span[0] - 3) : span[0]])):
                continue  # "Nghị quyết 03/NQ-CP, nhiệm vụ xây dựng Chương trình phát triển Chính phủ số …": a task's object
            if span:
                after = " ".join(folded_words[span[1] :])
                named = [n for n in titled_numbers(after, numbers_of_title) if n not in numbers]
                numbers += named
                titles += [(n, title) for n in named]
                title_words |= set(range(*span)) if named or numbers_of_title[0] in numbers else set()
        if self.described and not numbers and not doc_refs:
            # "nghị định hướng dẫn Luật Chuyển đổi số": the one indexed document so described
            numbers += [n for n in [described_number(asked, self.described, self.described_days)] if n]
        stated_names = premise_names(context) if premise else []  # the places a statement frames the question with
        if premise:  # passages are looked for by what is asked and what frames it, not by what the statement tells
            titled_words = " ".join(folded_words[i] for i in sorted(title_words))
            kept = f" {normalized(asked, False).strip()} {titled_words} {framing(context, stated_names)} "
            words = [w for w in words if f" {normalized(w, False).strip()} " in kept or not normalized(w, False).strip()]
            tokens = query_tokens(words, exact) + query_tokens([s for s, _ in expansions + shortened], exact)
        if title_words and self.drop_title_words and not about_document(folded, answer_type):
            terms, tokens = without_title_words(terms, tokens, only_in_title(folded_words, title_words))
        dated = tuple(dict.fromkeys([
            *document_years(expanded, self.number_dates), *(signed_years(expanded) if self.signer_forms else ()),
        ]))  # "Luật Giao dịch điện tử năm 2005": named by its year
        if self.number_dates:  # "Quyết định số 2597/QĐ-TTg ngày 27 tháng 11 năm 2025 do ai ký?": the date names the
            terms = without_date_words(terms, expanded, exact, self.signer_forms)  # document, the signature block does not repeat it
        if self.locators:  # "Điểm b, tiểu mục 6, mục III của Kế hoạch 144: …": where to look, not words to find
            terms = without_locator_words(terms, expanded, exact)
        signers = [f" {normalized(n, exact).strip()} " for n in signers_named(asked, self.signer_forms)] if self.signers else []
        if signers:  # "Chương trình … mà Phó Thủ tướng Nguyễn Chí Dũng ký": who signed it names the document
            terms = {t: w for t, w in terms.items() if not any(f" {t} " in n for n in signers)} or terms
            if self.signer_forms:  # "… do ông Mai Sơn, Phó Chủ tịch UBND tỉnh, ký thay Chủ tịch": the signature's words too
                terms = without_words_in(terms, expanded, signature_spans(expanded), exact)
        bodies = tuple(body_names(words_of(asked) if context else segmented))
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
            wants_code=bool(CODE_ASKED.search(folded)),
            wants_address=bool(ADDRESS_ASKED.search(folded)),
            force_of=(force_of(asked) if not (numbers or doc_refs) else framed_force(expanded) if self.source_frame else "") if (
                exact and re.search(r"\bhieu luc\b", folded)
            ) else "",
            wants_article=article_topic(folded) if answer_type == DOCUMENT else "",
            meetings=MappingProxyType(event_ordinals(folded)),
            wants_heading=heading_asked(folded) if self.headings and numbers else "",
            row_number=row_asked(folded) if self.row_numbers and (numbers or doc_refs) else "",
            row_group=row_group_asked(folded) if self.row_numbers else "",
            wants_issue_date=answer_type in (DATE, VALIDITY) and bool(ISSUED_ASKED.search(folded)) and not (
                self.deadlines and DEADLINE_ASKED.search(folded)
            ),
            wants_issuer=bool(ISSUER_ASKED.search(folded)),
            wants_signer=answer_type in (PERSON, ORGANISATION) and bool(SIGNER_ASKED.search(folded)) and bool(numbers or doc_refs),
            wants_recipients=self.recipients and bool(RECIPIENTS_ASKED.search(folded)) and bool(numbers or doc_refs),
            role=" ".join(office.group(0).split()) if office and answer_type == PERSON else "",
            numbers=tuple(numbers),
            titles=tuple(titles),
            doc_refs=doc_refs,
            articles=tuple(f"Điều {m.group(2)}" for m in ARTICLE_REF.finditer(asked if premise else text)),
            # a statement's Điều and khoản are what it tells, not where the question turned from it asks
            units=units,
            clauses=clauses,
            required=tuple(t for t in dict.fromkeys([
                *(completions.get(t, t) for t in required_terms(
                    asked, case_years=not self.case_facts, home_country=self.home_country, provinces=self.provinces,
                    period_years=self.period_years, year_ends=self.year_ends, glossed=self.glossed_names,
                )),
                # a document named in the context; of a statement's, the first it names (the others are what it tells)
                *(normalized(n, exact=False).strip() for n in (scope_numbers(context) if premise else find_numbers(context))),
                *stated_names,
            ]) if not any(f" {t} " in f" {fold_diacritics(n).strip()} " for n in signers)),
            bodies=bodies,
            body_kinds=asked_body_kinds(expanded, distinct_bodies(bodies)),
            made_types=made_types(folded),
            horizons=tuple(horizon_years(expanded, self.year_ends)),
            levels=tuple(dict.fromkeys(government_levels(folded))),
            grades=tuple(dict.fromkeys(grades_named(asked.lower() if exact else folded, exact))),
            quarters=tuple(quarters_named(folded)),
            achieved=bool(ACHIEVED_ASKED.search(folded)),
            named_years=tuple(named_years(asked)) if exact else (),
            year=year_asked(asked) if answer_type == NUMBER else "",
            qualifiers=tuple(qualifiers_named(folded)),
            context_terms=context_terms,
            dated=dated,
            expansions=tuple(expansions),
            formal=tuple(formal),
            unit=with_copy_units(
                with_formal_unit(asked_unit(asked_text, exact, self.number_words, self.counted_forms), formal),
                folded if self.dossier_copies else "",
            ) if answer_type in (NUMBER, DURATION) else "",
            counted_phrase=counted_phrase(asked_text, self.number_words) if self.counted_forms and answer_type == NUMBER else "",
            ordinal=asked_ordinal(folded) if answer_type == NUMBER else "",
            kind=asked_kind(folded, answer_type, " ".join(asked_text.lower().split()) if exact else ""),
            listed=listed_noun(asked_words) if answer_type == LIST else "",
            measured=rate_of(asked_words, self.pointed_back) if answer_type == NUMBER else (),
            measured_property=rate_property(asked_words) if answer_type == NUMBER else "",
            given_terms=terms_given(fold_diacritics(expanded.lower())) if answer_type == DURATION else frozenset(),
            bound=bound_asked(folded) if answer_type in (NUMBER, DURATION) else "",
            alone=alone_name(text),
            besides=tuple(set_aside(asked) + (told_facts(context) if premise else [])) if self.besides else (),
            day=answer_type == DATE and bool(re.search(r"\bngay nao\b", folded)),
            wants_recital=bool(RECITAL_ASKED.search(folded)),
            subject_type=subject_type(fold(text) if premise else folded) if self.subject_type else "",
            validity=asked_validity if (numbers or doc_refs or dated) else "",
            or_date=answer_type == DURATION and bool(re.search(r"\b(?:thoi gian|thoi han) nao\b", folded)),
            or_condition=answer_type == DATE and bool(re.search(r"\bkhi nao\b", folded) or self.until_event and UNTIL_ASKED.search(folded)),
            as_of=asked_date(folded),
            unindexed=tuple(n for n in numbers if self.indexed_numbers and n.lower() not in self.indexed_numbers),
            unheld_subject=unheld_subject(folded_all, numbers, self.indexed_numbers) if self.unheld_subject else "",
            initials=tuple(typed_initials(expanded, set(CHAT_FORMS))) if self.read_initials and self.expand else (),
        )


# where a question makes a document its subject: at its start ("Theo NĐ 88/2025, …", "Nghị định 88/2025 …") or before a
# verb of stating ("… nđ 88/2025 quy định …")
_SUBJECT_BEFORE = re.compile(
    r"^\s*(?:(?:theo|trong|tai|can cu(?: vao)?)\s+)?"
    # a provision of it before ("k2 Điều 5 Nghị định 278/2025 …", "điểm a khoản 1 Điều 7 của …")
    r"(?:(?:diem\s+[a-z]\s+)?(?:(?:khoan|k)\s*\d{1,3}\s+)?(?:dieu|d)\s*\d{1,3}[a-z]?\s+(?:cua\s+)?)?$"
)
_STATING = re.compile(r"^\s*(?:[\w/.-]*\s+)?(?:quy dinh|neu|dat ra|de ra|yeu cau|huong dan|giao|xac dinh|co quy dinh)\b")


def unheld_subject(folded: str, numbers: list[str], indexed: frozenset[str]) -> str:
    """The document a question asks the content of ("nđ 88/2025 quy định mức khoán chi … là bao nhiêu", "Theo Nghị định
    88/2025, …") when the index does not hold it: no indexed số hiệu begins with its number and year (nor is it one the
    question gives in full that is indexed). Written "Nghị định 88/2025"; "" when there is none. A document named only
    as a frame further on ("Hà Nội ưu tiên … theo Nghị quyết 214/NQ-CP?") is no subject."""
    if not indexed:
        return ""
    written = {fold_diacritics(t.lower()): t for t in DOC_TYPES} | {fold_diacritics(c.lower()): t for c, t in TYPE_BY_CODE.items()}
    for found in SHORT_REF.finditer(folded):
        kind, number, year = found.groups()
        if not year or any(k.startswith(f"{number}/{year}/") for k in indexed):
            continue
        if _SUBJECT_BEFORE.match(folded[: found.start()]) or _STATING.match(folded[found.end() :]):
            return f"{written.get(kind, kind.upper())} {number}/{year}"
    return ""


# the document a definition question frames its term with, before it ("Theo Thông tư 194/2012/TT-BTC, …") or after it
# ("dữ liệu chủ theo luật giao dịch điện tử 2023 …"), folded
_FRAME_BEFORE = re.compile(r"^(?:theo|trong|tai|can cu(?: vao)?)\s[^,]{3,80},\s*")
_FRAME_AFTER = re.compile(
    r"\s+(?:theo|trong|tai|cua|o)\s+(?:quy dinh (?:cua|tai)\s+)?(?:bo luat|luat|nghi dinh|thong tu|quyet dinh|nghi quyet|ke hoach|"
    r"van ban|quy dinh|qd|nd|tt|nq|kh)\b.*$"
)


def framed_subject(subject: str) -> tuple[int, int]:
    """The words (first, last) of a definition question's subject (folded) that are its term, without the document that
    frames it: "theo thong tu 194/2012/tt-btc, du lieu phi cau truc" → the last four words."""
    before = _FRAME_BEFORE.match(subject)
    start = len(subject[: before.end()].split()) if before else 0
    after = _FRAME_AFTER.search(subject[before.end() if before else 0 :])
    end = len(subject.split()) - (len(after.group(0).split()) if after else 0)
    return (start, end) if end > start else (0, len(subject.split()))
