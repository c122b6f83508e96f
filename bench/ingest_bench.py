"""Ingest benchmark: prints figures, never asserts. Run: make bench  (or .venv/bin/python bench/ingest_bench.py)

Measures, on this machine:
  1. full ingest of the bundled corpus (docs/s, MB/s, chunks/s; segmentation vs embedding time),
     against the baseline it names: a vanilla llama-index VectorStoreIndex built over the same files, and
     against the pipeline the speed issue was filed against (torch, passages in hash order: --vs-today);
  2. reindex with nothing changed, and with one document changed, on the bundled corpus;
  3. the same two on a generated corpus of 1,000 documents (targets: < 3 s and < 5 s).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.settings import Settings  # noqa: E402
from index.build import reindex, scan_corpus  # noqa: E402
from index.embed import Embedder  # noqa: E402


def timed_reindex(settings, embedder, label):
    stages: dict[str, float] = {}
    marks: dict[str, float] = {}

    def progress(stage, done, total):
        marks.setdefault(stage, time.perf_counter())
        if done >= total:
            stages[stage] = time.perf_counter() - marks[stage]

    t = time.perf_counter()
    report = reindex(settings, embedder, progress=progress)
    seconds = time.perf_counter() - t
    print(f"{label:<44} {seconds:8.2f} s   {report.to_dict()['added']} added, {len(report.changed)} changed, "
          f"{report.unchanged} unchanged, {report.embedded} embedded, {report.chunks} chunks")
    return report, seconds, stages


def generated_corpus(folder: Path, n_docs: int) -> None:
    """n_docs short news-like documents made of real sentences from the bundled corpus."""
    sentences: list[str] = []
    for path in sorted((ROOT / "corpus" / "tin-tuc").glob("*.txt")) + sorted((ROOT / "corpus" / "van-ban").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        sentences += [s.strip() for s in re.split(r"(?<=[.;])\s+", text) if 40 < len(s.strip()) < 300 and "|" not in s]
    rng = random.Random(7)
    folder.mkdir(parents=True)
    for i in range(n_docs):
        body = " ".join(rng.sample(sentences, 3))
        (folder / f"tin-{i:04d}.txt").write_text(body + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--docs", type=int, default=1000, help="size of the generated corpus")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument(
        "--vs-today", default="torch", help="backends of full reindexes to compare in this run, comma-separated "
        "(the pipeline the speed issue was filed against is 'torch' with passages in hash order; each other backend "
        "embeds shortest first); '' = none",
    )
    args = parser.parse_args()

    embedder = Embedder()
    embedder.embed(["khởi động"])  # model load is not part of ingest
    work = Path(tempfile.mkdtemp(prefix="hoidap-bench-"))
    try:
        corpus = work / "corpus"
        shutil.copytree(args.corpus, corpus)
        files, _ = scan_corpus(corpus)
        mb = sum(p.stat().st_size for p in files.values()) / 1e6
        settings = Settings(corpus_dir=corpus, index_dir=work / "index")
        print(f"bundled corpus: {len(files)} files, {mb:.2f} MB; 2 workers; model {embedder.label}\n")

        report, full_s, stages = timed_reindex(settings, embedder, "full ingest (bundled corpus)")
        print(f"  documents/s {report.documents / full_s:8.2f}   MB/s {mb / full_s:6.3f}   chunks/s {report.chunks / full_s:7.1f}")
        print(f"  read+segment+chunk {stages.get('ingest', 0):6.1f} s   embed {stages.get('embed', 0):6.1f} s")
        _, nochange_s, _ = timed_reindex(settings, embedder, "reindex, nothing changed")
        target = corpus / "tin-tuc" / "binh-phuoc-chuyen-doi-so-2023-04.txt"
        target.write_text(target.read_text(encoding="utf-8").replace("9/63", "8/63"), encoding="utf-8")
        _, one_s, _ = timed_reindex(settings, embedder, "reindex, one document changed")

        if not args.skip_baseline:
            from hoidap.eval.peers import LlamaIndexPeers

            t = time.perf_counter()
            n_nodes = len(LlamaIndexPeers(list(files.values()), embedder, wanted=("baseline",)).nodes)
            base_s = time.perf_counter() - t
            print(f"{'baseline: llama-index VectorStoreIndex build':<44} {base_s:8.2f} s   {n_nodes} nodes "
                  f"(SentenceSplitter defaults)")
            print(f"  ratio hoidap/baseline full ingest time: {full_s / base_s:.2f}x "
                  f"(hoidap embeds {report.chunks} passages of ≤ ~600 characters; the baseline {n_nodes} nodes "
                  "truncated by the model at 256 word pieces)")

        for backend in [b for b in args.vs_today.split(",") if b]:
            other = Embedder(backend=backend)
            other.embed(["khởi động"])
            today = backend == "torch"
            index = work / f"index-{backend}"
            _, other_s, _ = timed_reindex(
                Settings(corpus_dir=corpus, index_dir=index, embed_by_length=not today), other,
                f"full ingest, backend {backend}{', hash order (as filed)' if today else ''}",
            )
            print(f"  time {backend} / default ({embedder.backend}): {other_s / full_s:.2f}x")
            shutil.rmtree(index, ignore_errors=True)

        gen = work / "generated"
        generated_corpus(gen, args.docs)
        gsettings = Settings(corpus_dir=gen, index_dir=work / "gen-index")
        print()
        timed_reindex(gsettings, embedder, f"full ingest ({args.docs} generated documents)")
        _, g_nochange, _ = timed_reindex(gsettings, embedder, f"reindex {args.docs} docs, nothing changed")
        one = gen / f"tin-{args.docs // 2:04d}.txt"  # one document in the middle, whatever --docs is
        one.write_text(one.read_text(encoding="utf-8") + " Văn bản được cập nhật.\n", encoding="utf-8")
        _, g_one, _ = timed_reindex(gsettings, embedder, f"reindex {args.docs} docs, one changed")
        print(f"\ntargets: no-change {g_nochange:.2f} s (< 3 s), one changed {g_one:.2f} s (< 5 s); "
              f"bundled corpus: no-change {nochange_s:.2f} s, one changed {one_s:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
