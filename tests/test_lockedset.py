"""The locked test set is valid and grounded: every evidence string occurs in the document it names.

Document paths (``doc``) are relative to the locked corpus that ``make eval-locked`` builds: corpus/
as bundled, plus the locked documents (../shared/data/locked-docs, kept out of corpus/) under moi/.
"""

import os
from collections import Counter
from pathlib import Path

import pytest

from hoidap.eval.metrics import norm
from hoidap.eval.testset import load_testset
from ingest.load import load_file
from ingest.normalize import to_display_text

ROOT = Path(__file__).resolve().parent.parent
LOCKED = ROOT / "evalsets/locked"
LOCKED_DOCS = Path(os.environ.get("HOIDAP_LOCKED_DOCS", ROOT.parent / "shared/data/locked-docs"))
KINDS = ("paraphrase", "colloquial", "no-diacritics", "compound", "list", "attribution", "validity", "number", "time")
NEW_DOCS = "moi/"
BATCHES = ("", "-2", "-3", "-4", "-5", "-7", "-8", "-9", "-10", "-11", "-12", "-13", "-14", "-15", "-16", "-17", "-18", "-19", "-20", "-21", "-22", "-23", "-24", "-25", "-26", "-27", "-28", "-29", "-30", "-31", "-32", "-33", "-34", "-35", "-36", "-37", "-38")  # questions.jsonl, questions-2.jsonl, … (6: the tuning set's number)


def _path(doc: str) -> Path:
    return LOCKED_DOCS / doc.removeprefix(NEW_DOCS) if doc.startswith(NEW_DOCS) else ROOT / "corpus" / doc


_TEXTS: dict[str, str] = {}


def _text(doc: str) -> str:
    if doc not in _TEXTS:
        raws = load_file(_path(doc))
        _TEXTS[doc] = norm("\n".join(to_display_text(raw.text, raw.fmt)[0] for raw in raws))
    return _TEXTS[doc]


def test_locked_set_has_every_kind():
    questions = load_testset(LOCKED / "questions.jsonl")
    kinds = Counter(q.kind for q in questions)
    assert len(questions) >= 100
    assert all(kinds[k] >= 8 for k in KINDS), kinds
    assert kinds["unanswerable"] >= 20 and sum(kinds.values()) == len(questions)
    assert all(q.kind == "unanswerable" for q in questions if not q.answerable)
    on_new = sum(q.doc.startswith(NEW_DOCS) for q in questions if q.answerable)
    answerable = sum(q.answerable for q in questions)
    assert 0.35 <= on_new / answerable <= 0.65, "about half on the new documents"
    conversations = load_testset(LOCKED / "conversations.jsonl")
    assert len(conversations) >= 12 and all(c.context for c in conversations)


@pytest.mark.parametrize("batch", BATCHES[1:])
def test_later_batches_have_every_kind_and_new_ids(batch):
    questions = load_testset(LOCKED / f"questions{batch}.jsonl")
    kinds = Counter(q.kind for q in questions)
    assert all(kinds[k] >= 4 for k in KINDS) and kinds["unanswerable"] >= 8, kinds
    assert all(q.kind == "unanswerable" for q in questions if not q.answerable)
    earlier = set()
    for name in BATCHES[: BATCHES.index(batch)]:
        earlier |= {q.id for q in load_testset(LOCKED / f"questions{name}.jsonl")}
        earlier |= {c.id for c in load_testset(LOCKED / f"conversations{name}.jsonl")}
    ids = [q.id for q in questions] + [c.id for c in load_testset(LOCKED / f"conversations{batch}.jsonl")]
    assert len(set(ids)) == len(ids) and not earlier & set(ids)


@pytest.mark.skipif(not LOCKED_DOCS.is_dir(), reason=f"locked documents not found in {LOCKED_DOCS} (set HOIDAP_LOCKED_DOCS)")
@pytest.mark.parametrize(
    "path",
    [LOCKED / f"{kind}{batch}.jsonl" for batch in BATCHES for kind in ("questions", "conversations")]
    + sorted((ROOT / "evalsets/tuning").glob("*.jsonl")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_locked_evidence_occurs_in_its_document(path):
    problems = []
    for q in load_testset(path):
        if not q.answerable:
            assert not q.answers and not q.evidence and not q.answers_all, q.id
            continue
        assert q.doc and _path(q.doc).is_file(), f"{q.id}: document {q.doc!r} not found"
        text = _text(q.doc)
        problems += [f"{q.id}: evidence {e!r}" for e in q.evidence if norm(e) not in text]
        problems += [f"{q.id}: answer {a!r}" for a in q.answers_all if norm(a) not in text]
        if q.answers and not any(norm(a) in text for a in q.answers):
            problems.append(f"{q.id}: none of the answers {q.answers!r}")
    assert not problems, "\n".join(problems)
