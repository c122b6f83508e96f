"""Legal validity: which documents are in force, as of a date, from what the indexed documents state.

The statements are read at reindex (ingest/validity.py) and kept in the chunk store; this book joins
them by số hiệu (tolerant of "Nghị định số 15/2020" for 15/2020/NĐ-CP, of case and of diacritics) and
answers, for any document named — indexed or only named by another — its effective date, its status
as of a date (chưa có hiệu lực / còn hiệu lực / hết hiệu lực một phần / hết hiệu lực) and the clause
behind it. The body of a document wins over its file's front matter; `check()` lists where they differ.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from core.citations import place_in_document
from core.dates import vietnamese_date
from core.lexicon import DOC_TYPES
from core.models import BODY, CEASES, EFFECTIVE, FRONT_MATTER, REPEALS, REPLACES, Statement
from ingest.metadata import number_type
from ingest.normalize import fold_diacritics

NOT_YET, IN_FORCE, PARTLY, CEASED, UNKNOWN = (
    "chưa có hiệu lực", "còn hiệu lực", "hết hiệu lực một phần", "hết hiệu lực", "",
)  # fmt: skip
_ENDING = (CEASES, REPEALS, REPLACES)
_DOC_TYPE_WORDS = "|".join(sorted(DOC_TYPES, key=len, reverse=True))


def article_of(label: str) -> str:
    """"Điều 90, khoản 2" → "Điều 90"; "" for a label that is no article."""
    return label.split(",")[0].strip() if label.startswith("Điều") else ""


def number_key(number: str) -> str:
    return fold_diacritics(number.strip().lower()).replace("đ", "d")


@dataclass(frozen=True)
class Relation:
    """A statement about a document, with the document that states it."""

    statement: Statement
    source_number: str  # số hiệu of the stating document
    source_name: str  # how it is named ("Nghị định 224/2026/NĐ-CP")
    source_doc_id: str
    date: str  # ISO date it takes effect ("" when unknown)

    def clause(self) -> str:
        """"khoản 2 Điều 90 Nghị định 224/2026/NĐ-CP"."""
        label = self.statement.label
        place = place_in_document(label) if label.startswith("Điều") else ""
        return f"{place} {self.source_name}".strip()

    def to_dict(self) -> dict:
        return {**self.statement.to_dict(), "source": self.source_number, "source_name": self.source_name, "date": self.date}


@dataclass(frozen=True)
class Status:
    """A document's (or an article's) status as of a date, and the relation behind it."""

    state: str  # NOT_YET, IN_FORCE, PARTLY, CEASED or UNKNOWN
    since: str = ""  # ISO date the state began (for IN_FORCE/NOT_YET: the effective date)
    because: Relation | None = None  # the clause that ends it (CEASED, PARTLY) or states its effect
    parts: tuple[str, ...] = ()  # PARTLY: the parts no longer in force
    pending: Relation | None = None  # IN_FORCE: a relation that will end it later

    def to_dict(self) -> dict:
        return {
            "state": self.state,
            "since": self.since,
            "parts": list(self.parts),
            "clause": self.because.clause() if self.because else "",
        }

    def badge(self) -> str:
        """What the chat shows beside a source: "Hết hiệu lực từ 1/7/2026"."""
        if self.state == CEASED:
            return f"Hết hiệu lực từ {vietnamese_date(self.since)}" if self.since else "Hết hiệu lực"
        if self.state == NOT_YET:
            return f"Chưa có hiệu lực (từ {vietnamese_date(self.since)})" if self.since else "Chưa có hiệu lực"
        return {PARTLY: "Hết hiệu lực một phần", IN_FORCE: "Còn hiệu lực"}.get(self.state, "")


def document_name(number: str, doc_type: str = "", title: str = "") -> str:
    """"Nghị định 42/2022/NĐ-CP"; a law by its title and số hiệu."""
    doc_type = doc_type or number_type(number)
    if doc_type in ("Luật", "Bộ luật", "Pháp lệnh") and title:
        return f"{title} ({number})" if number not in title else title
    return f"{doc_type} {number}".strip()


@dataclass
class ValidityBook:
    """Every document's effective date and the relations other documents state about it."""

    documents: list[dict]  # rows of ChunkStore.documents()
    statements: list[tuple[str, Statement]]  # (doc_id, statement)
    by_number: dict[str, dict] = field(default_factory=dict)
    _effective: dict[str, tuple[str, Relation | None]] = field(default_factory=dict)
    _about: dict[str, list[Relation]] = field(default_factory=dict)
    _front: dict[str, list[Statement]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        docs = {d["doc_id"]: d for d in self.documents}
        for d in self.documents:
            if d["number"]:
                self.by_number.setdefault(number_key(d["number"]), d)
        own: dict[str, list[Statement]] = {}
        for doc_id, st in self.statements:
            if st.kind == EFFECTIVE and st.origin == BODY:
                own.setdefault(doc_id, []).append(st)
            if st.origin == FRONT_MATTER:
                self._front.setdefault(doc_id, []).append(st)
        for doc_id, sts in own.items():  # the document's own clause first, a Pháp điển provenance line after
            d = docs.get(doc_id)
            if d and d["number"]:
                st = next((s for s in sts if not s.quote.startswith("(")), sts[0])
                rel = Relation(st, d["number"], self._name(d), doc_id, st.effective)
                self._effective.setdefault(number_key(d["number"]), (st.effective, rel))
        for doc_id, st in self.statements:
            d = docs.get(doc_id)
            if st.kind == EFFECTIVE or st.origin != BODY or not d:
                continue
            date = st.effective or self.effective_date(d["number"])
            rel = Relation(st, d["number"], self._name(d), doc_id, date)
            self._about.setdefault(self._resolve(st.target), []).append(rel)

    def _name(self, d: dict) -> str:
        return document_name(d["number"], d["doc_type"], d["title"]) if d["number"] else d["title"]

    def _resolve(self, number: str) -> str:
        """The key of the indexed document a written số hiệu means ("15/2020" → 15/2020/nd-cp), else its own."""
        key = number_key(number)
        if key in self.by_number:
            return key
        matches = [k for k in self.by_number if k.startswith(key + "/")]
        return matches[0] if len(matches) == 1 else key

    def indexed(self, number: str) -> bool:
        """Whether a document with this số hiệu is in the index (not only named by one)."""
        return self._resolve(number) in self.by_number

    def name_of(self, number: str) -> str:
        d = self.by_number.get(self._resolve(number))
        return self._name(d) if d else document_name(number)

    def known(self) -> list[str]:
        """Every số hiệu the book knows: indexed, or named by a relation."""
        seen = {number_key(d["number"]): d["number"] for d in self.documents if d["number"]}
        for _, st in self.statements:
            if st.target:
                seen.setdefault(self._resolve(st.target), st.target)
        return list(seen.values())

    def written_names(self, number: str) -> list[str]:
        """How the statements about a document write its name before its số hiệu: "Luật Giao dịch điện tử" of "Luật
        Giao dịch điện tử số 51/2005/QH11 hết hiệu lực kể từ …" (a document type and at least one word more)."""
        names = []
        for rel in self.about(number):
            found = re.search(rf"((?:{_DOC_TYPE_WORDS})(?:\s+[^\s,.;:()]+){{1,10}}?)\s+số\s+{re.escape(number)}", rel.statement.quote)
            if found:
                names.append(found.group(1))
        return list(dict.fromkeys(names))

    def effective_date(self, number: str) -> str:
        return self._effective.get(self._resolve(number), ("", None))[0] if number else ""

    def effective(self, number: str) -> Relation | None:
        """The clause giving a document's own effective date (None when it states none)."""
        return self._effective.get(self._resolve(number), ("", None))[1]

    def about(self, number: str) -> list[Relation]:
        """What other documents state about this one (ceases, repeals, amends, replaces)."""
        return list(self._about.get(self._resolve(number), []))

    def stated_by(self, number: str) -> list[Relation]:
        """What this document states about others (and replacements it is named as making)."""
        key = self._resolve(number)
        out = []
        for rels in self._about.values():
            out += [r for r in rels if number_key(r.source_number) == key and not r.statement.by]
            out += [r for r in rels if r.statement.by and self._resolve(r.statement.by) == key]
        return out

    def status(self, number: str, as_of: str = "", article: str = "") -> Status:
        """Status of a document (or of one of its articles) on a date (ISO; default today)."""
        if not number:
            return Status(UNKNOWN)
        as_of = as_of or dt.date.today().isoformat()
        ending = [r for r in self.about(number) if r.statement.kind in _ENDING]
        whole = sorted((r for r in ending if not r.statement.parts), key=lambda r: r.date or "9999")
        partial = [r for r in ending if r.statement.parts]
        ended = [r for r in whole if r.date and r.date <= as_of] or [r for r in whole if not r.date]
        if ended:
            return Status(CEASED, ended[0].date, ended[0])
        in_part = [r for r in partial if not r.date or r.date <= as_of]
        if article:
            hit = next((r for r in in_part if article in r.statement.parts), None)
            if hit:
                return Status(CEASED, hit.date, hit, (article,))
        effective = self.effective_date(number)
        if effective and effective > as_of:
            return Status(NOT_YET, effective, self.effective(number))
        if in_part and not article:
            parts = tuple(p for r in in_part for p in r.statement.parts)
            return Status(PARTLY, in_part[0].date, in_part[0], parts)
        pending = next((r for r in whole if r.date and r.date > as_of), None)
        if effective:
            return Status(IN_FORCE, effective, self.effective(number), pending=pending)
        return Status(UNKNOWN, pending=pending)

    def check(self) -> list[str]:
        """Where a file's front matter and the document's body disagree (the body wins)."""
        problems: list[str] = []
        docs = {d["doc_id"]: d for d in self.documents}
        for doc_id, sts in self._front.items():
            d = docs.get(doc_id)
            if not d or not d["number"]:
                continue
            body = {self._resolve(r.statement.target) for r in self.stated_by(d["number"])}
            for st in sts:
                if st.kind == REPLACES and self._resolve(st.target) not in body:
                    problems.append(
                        f"{d['source']}: the front matter says it replaces {st.target}; the text says no such thing"
                        + (f" (it states: {', '.join(sorted({r.statement.kind + ' ' + r.statement.target for r in self.stated_by(d['number'])}))})"
                           if body else "")
                    )
                if st.kind == EFFECTIVE and st.effective and self.effective_date(d["number"]) not in ("", st.effective):
                    problems.append(
                        f"{d['source']}: the front matter gives effective date {st.effective}; the text says "
                        f"{self.effective_date(d['number'])}"
                    )
        return problems

