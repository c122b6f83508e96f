"""Check a batch file: python3 /tmp/batch9/check.py FILE.jsonl [FILE2.jsonl]
Says, for each question, whether every evidence string and answer string occurs in the document named
by "doc" (compared after Unicode/whitespace/case normalisation), and counts kinds."""
import json, sys
sys.path.insert(0, "/work/main")
from collections import Counter
from pathlib import Path
from hoidap.eval.metrics import norm
from ingest.load import load_file
from ingest.normalize import to_display_text
KINDS = ("paraphrase", "colloquial", "no-diacritics", "compound", "list", "attribution", "validity", "number", "time", "unanswerable", "conversation")
TEXTS = {}
def text(doc):
    if doc not in TEXTS:
        p = Path("/work/shared/data/locked-docs") / doc[4:] if doc.startswith("moi/") else Path("/work/main/corpus") / doc
        if not p.is_file():
            return None
        TEXTS[doc] = norm("\n".join(to_display_text(r.text, r.fmt)[0] for r in load_file(p)))
    return TEXTS[doc]
bad = 0
for f in sys.argv[1:]:
    kinds = Counter(); ids = set()
    for n, line in enumerate(open(f, encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except Exception as e:
            print(f"{f}:{n}: not JSON: {e}"); bad += 1; continue
        qid = q.get("id"); kinds[q.get("kind")] += 1
        probs = []
        if qid in ids: probs.append("duplicate id")
        ids.add(qid)
        if q.get("kind") not in KINDS: probs.append(f"unknown kind {q.get('kind')!r}")
        if not q.get("question"): probs.append("no question")
        if q.get("answerable", True):
            t = text(q.get("doc", ""))
            if t is None:
                probs.append(f"document {q.get('doc')!r} not found")
            else:
                if not q.get("answers"): probs.append("no answers")
                elif not any(norm(a) in t for a in q["answers"]): probs.append("none of the answers occurs in the document")
                probs += [f"evidence not found: {e[:80]!r}" for e in q.get("evidence", []) if norm(e) not in t]
                probs += [f"answers_all item not found: {a!r}" for a in q.get("answers_all", []) if norm(a) not in t]
                if not q.get("evidence"): probs.append("no evidence")
        else:
            if q.get("kind") != "unanswerable": probs.append("answerable false but kind is not unanswerable")
            if q.get("answers") or q.get("evidence") or q.get("answers_all"): probs.append("unanswerable must have empty answers/evidence/answers_all")
        if q.get("kind") == "conversation" and not q.get("context"): probs.append("conversation without context")
        for p in probs:
            print(f"{qid}: {p}"); bad += 1
    print(f"{f}: {sum(kinds.values())} lines, kinds {dict(kinds)}")
print("OK" if not bad else f"{bad} problem(s)")
