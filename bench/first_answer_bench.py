"""From an empty index to the first correct cited answer: prints figures, never asserts.

Run: make bench  (or .venv/bin/python bench/first_answer_bench.py [--corpus corpus/])

`hoidap reindex` runs as a separate process on an empty index folder (and an empty embedding cache) while
this process asks the bundled corpus' example questions once a second through the service, as the chat
would. Printed: when the first generation was published, when each question first got a correct cited
answer (and the share of passages with a vector then), and when the reindex finished. The baseline it names
is today's pipeline before this change: no answer until the whole index, vectors included, was built, so
its first answer comes at the end of the same full reindex (the same work). Writes
runs/bench/first_answer.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.errors import HoidapError  # noqa: E402
from core.settings import Settings  # noqa: E402
from hoidap.service import HoidapService  # noqa: E402

# (question, what a correct answer says) on the bundled corpus
QUESTIONS = [
    ("Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?", "844 tỷ đồng"),
    ("Luật Giao dịch điện tử có hiệu lực từ ngày nào?", "1/7/2024"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--out", type=Path, default=ROOT / "runs" / "bench" / "first_answer.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hoidap-first-answer-") as tmp:
        index = Path(tmp) / "index"
        env = {**os.environ, "HOIDAP_CORPUS_DIR": str(args.corpus), "HOIDAP_INDEX_DIR": str(index), "HF_HUB_OFFLINE": "1"}
        service = HoidapService(Settings(corpus_dir=args.corpus, index_dir=index))
        service.embedder.embed_query("khởi động")  # the chat has its model loaded before anyone asks
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "hoidap.cli", "reindex", "--json"], env=env, cwd=ROOT,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        published = None
        answered: dict[str, dict] = {}
        while child.poll() is None or len(answered) < len(QUESTIONS):
            elapsed = time.perf_counter() - started
            try:
                status = service.status()
            except HoidapError:  # nothing published yet
                time.sleep(1)
                continue
            published = published or elapsed
            for question, expected in QUESTIONS:
                if question in answered:
                    continue
                answer = service.ask(question)
                if expected in answer.text and answer.citations:
                    answered[question] = {"seconds": round(time.perf_counter() - started, 1),
                                          "semantic_progress": status["semantic_progress"]}
            if child.poll() is not None and len(answered) < len(QUESTIONS):
                break  # the index is complete and a question is still not answered: report it
            time.sleep(1)
        report = json.loads(child.stdout.read() or "{}")
        total = time.perf_counter() - started
    first = min((a["seconds"] for a in answered.values()), default=None)
    print(f"bundled corpus: {report.get('documents')} documents, {report.get('chunks')} chunks, "
          f"{report.get('embedded')} embedded")
    print(f"{'first generation published':<44} {published:8.1f} s")
    for question, _ in QUESTIONS:
        got = answered.get(question)
        share = 100.0 if got is None or got["semantic_progress"] is None else got["semantic_progress"]
        where = f"{got['seconds']:8.1f} s   (vectors for {share:.0f}% of passages)" if got else "   never"
        print(f"{'first correct answer: ' + question[:40] + '…':<44} {where}")
    print(f"{'reindex complete (vectors included)':<44} {total:8.1f} s")
    if first:
        print(f"first answer: {first:.1f} s; baseline (no answer before the full index) {total:.1f} s; "
              f"ratio {total / first:.1f}x sooner")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"published_s": published, "answers": answered, "complete_s": round(total, 1),
                                    "report": report}, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
