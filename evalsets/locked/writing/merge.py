"""Merge a batch's two halves into the locked test:  python merge.py N [OUT_DIR] [DIR]

Reads DIR/new-N.jsonl, DIR/corpus-N.jsonl, DIR/new-conv-N.jsonl and DIR/corpus-conv-N.jsonl (DIR defaults to
/tmp/batch9/out), new documents first, and writes OUT_DIR/questions-N.jsonl and OUT_DIR/conversations-N.jsonl
(OUT_DIR defaults to this file's ../). Each line is kept as the writer wrote it; the merge refuses a duplicate id,
a line that is not JSON, or a question id of another batch."""
import json
import sys
from pathlib import Path

n = sys.argv[1]
out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent
src = Path(sys.argv[3]) if len(sys.argv) > 3 else Path("/tmp/batch9/out")
for target, parts, prefixes in (
    (f"questions-{n}.jsonl", (f"new-{n}.jsonl", f"corpus-{n}.jsonl"), (f"n{n}-", f"c{n}-")),
    (f"conversations-{n}.jsonl", (f"new-conv-{n}.jsonl", f"corpus-conv-{n}.jsonl"), (f"nc{n}-", f"cc{n}-")),
):
    lines, ids = [], set()
    for part, prefix in zip(parts, prefixes):
        for i, line in enumerate((src / part).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            qid = json.loads(line)["id"]
            if not qid.startswith(prefix) or qid in ids:
                sys.exit(f"{part}:{i}: id {qid!r} is a duplicate or not of this half ({prefix}…)")
            ids.add(qid)
            lines.append(line.rstrip())
    (out / target).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{target}: {len(lines)} lines")
