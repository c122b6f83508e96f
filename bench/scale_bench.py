"""Scale benchmark: hoidap against the vanilla llama-index baseline at 1k, 10k and 100k chunks.

Prints figures and writes them (JSON, Markdown, PNG curve); never asserts. Run:

    .venv/bin/python bench/scale_bench.py --sizes 1000,10000,100000 --out runs/scale

For every size, a corpus is generated from the bundled documents (each synthetic document copies
the shape of a real one: its metadata, its Điều headings and the length of each passage, filled
with real sentences of the same kind drawn at random), then measured, each step in its own process:

  ingest         ``hoidap reindex`` from scratch: seconds, documents/s, chunks/s, peak RSS of the CLI;
  no-change      ``hoidap reindex`` again with nothing changed;
  ask (CLI)      one ``hoidap ask`` process: peak RSS;
  queries        one process answering the dev-set questions: latency p50/p95/p99 of retrieval alone
                 and of a full answer (retrieval + extractive answer), peak RSS;
  app            the Streamlit app answering questions typed in Chromium: peak RSS of the server;
  baseline       what a llama-index user builds: SimpleDirectoryReader + default SentenceSplitter +
                 VectorStoreIndex (same embedding model, in-memory store), timed the same way; its
                 retriever (top k as hoidap) for "retrieval" and its query engine with its defaults and
                 no LLM (MockLLM) for "full answer".
                 It has no change detection, so its no-change reindex is a full rebuild.

Results of a size are kept in OUT/results.json and reused on the next run (``--force`` redoes them),
so a long run can be resumed. Generated corpora and indexes stay in OUT/<size>/ (delete at will).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
APP_QUESTIONS = 5


# ---------------------------------------------------------------------------------------------
# The scaled corpus
# ---------------------------------------------------------------------------------------------

def real_templates(corpus: Path) -> tuple[list[dict], dict[bool, list[str]]]:
    """The bundled documents as shapes (metadata + per-passage heading and length) and the
    sentence pools to refill them with, split legal (Điều) / other."""
    from core.settings import Settings
    from index.build import scan_corpus
    from ingest.pipeline import process_file

    settings = Settings()
    files, _ = scan_corpus(corpus)
    templates: list[dict] = []
    pools: dict[bool, list[str]] = {True: [], False: []}
    for rel, path in sorted(files.items()):
        result = process_file(path, rel, settings.chunk_max_words, settings.chunk_overlap_sentences, 50_000_000)
        by_doc: dict[str, list] = {}
        for chunk in result.chunks:
            by_doc.setdefault(chunk.doc_id, []).append(chunk)
        for doc in result.documents:
            chunks = by_doc.get(doc.doc_id, [])
            if not chunks:
                continue
            legal = any(c.label.startswith("Điều") for c in chunks)
            templates.append({
                "meta": doc.meta.to_dict(),
                "legal": legal,
                "passages": [(c.label, c.heading, len(c.text)) for c in chunks],
            })
            for c in chunks:
                for s, e in c.sentence_spans:
                    sentence = c.text[s:e].strip()
                    if 30 <= len(sentence) <= 600:
                        pools[legal].append(sentence)
    return templates, pools


def _filled(pool: list[str], length: int, rng: random.Random) -> str:
    """Random sentences of ``pool`` adding up to about ``length`` characters (never far over)."""
    parts = [rng.choice(pool)]
    size = len(parts[0])
    for _ in range(50):
        sentence = rng.choice(pool)
        if size + len(sentence) > length:
            if size >= length * 0.6:
                break
            continue
        parts.append(sentence)
        size += len(sentence) + 1
    return " ".join(parts)


def synthetic_document(template: dict, pools: dict[bool, list[str]], serial: int, rng: random.Random) -> tuple[str, dict]:
    """Markdown text and sidecar metadata of one synthetic document shaped like ``template``."""
    meta = dict(template["meta"])
    meta["title"] = f"{meta.get('title') or 'Tài liệu'} (bản tổng hợp {serial})"
    if meta.get("number"):
        meta["number"] = re.sub(r"^\d+", str(rng.randint(1, 9999)), meta["number"])
    pool = pools[template["legal"]] or pools[not template["legal"]]
    lines = [f"# {meta['title']}", ""]
    article = ""
    for label, heading, length in template["passages"]:
        this_article = label.split(",")[0]
        if this_article.startswith("Điều") and this_article != article:
            article = this_article
            name = re.sub(r"^Điều\s+[\w.]+\.?\s*", "", heading).strip() or "Quy định chung"
            lines += [f"{article}. {name}", ""]
        khoan = re.search(r"khoản (\d+)", label)
        prefix = f"{khoan.group(1)}. " if khoan else ""
        lines += [prefix + _filled(pool, length, rng), ""]
    return "\n".join(lines), meta


def generate_corpus(folder: Path, target_chunks: int, templates, pools, seed: int = 13) -> dict:
    """Write synthetic documents until their passages add up to ``target_chunks``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    planned = docs = 0
    while planned < target_chunks:
        template = rng.choice(templates)
        passages = template["passages"]
        if planned + len(passages) > target_chunks * 1.02:
            keep = max(1, target_chunks - planned)
            template = {**template, "passages": passages[:keep]}
        text, meta = synthetic_document(template, pools, docs + 1, rng)
        sub = folder / f"{docs // 500:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"doc-{docs:06d}.md").write_text(text, encoding="utf-8")
        (sub / f"doc-{docs:06d}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        planned += len(template["passages"])
        docs += 1
    return {"documents": docs, "planned_chunks": planned}


# ---------------------------------------------------------------------------------------------
# Measuring processes
# ---------------------------------------------------------------------------------------------

def run_measured(cmd: list[str], env: dict, log: Path) -> tuple[float, float, str]:
    """Run a command; wall seconds, peak RSS (MB) of that process, stdout."""
    t = time.perf_counter()
    with open(log, "ab") as err:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=err, cwd=ROOT)
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd[:4])} … exited {code}; see {log}")
    return seconds, usage.ru_maxrss / 1024, out.decode("utf-8", "replace")


def percentiles(values: list[float]) -> dict:
    import numpy as np

    arr = np.array(values) * 1000
    return {"p50": round(float(np.percentile(arr, 50)), 1), "p95": round(float(np.percentile(arr, 95)), 1),
            "p99": round(float(np.percentile(arr, 99)), 1), "n": len(values)}


def _status_mb(pid: int | str, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb(pid: int) -> float:
    return _status_mb(pid, "VmHWM")


def current_rss_mb() -> float:
    return _status_mb("self", "VmRSS")


def questions(n: int) -> list[str]:
    rows = [json.loads(line) for line in (ROOT / "evalsets" / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    qs = [r["question"] for r in rows]
    return [qs[i % len(qs)] for i in range(n)]


def query_worker(system: str, corpus: Path, n: int) -> None:
    """In its own process: (baseline: build, then) time retrieval and full answers; print JSON."""
    qs = questions(n)
    result: dict = {}
    if system == "hoidap":
        from hoidap.service import HoidapService

        service = HoidapService()
        t = time.perf_counter()
        service.embedder.embed_query("khởi động")
        reader = service.reader()
        rss, t_bm25 = current_rss_mb(), time.perf_counter()
        _ = reader.bm25  # persisted with the generation, loaded on first use: its cost alone
        result["bm25"] = {"load_s": round(time.perf_counter() - t_bm25, 2), "rss_mb": round(current_rss_mb() - rss, 1),
                          "disk_mb": round(sum(f.stat().st_size for f in (reader.gen / "bm25").rglob("*") if f.is_file()) / 1e6, 1)}
        service.warm_up()
        result["load_s"] = round(time.perf_counter() - t, 2)
        retrieve, answer = service.retrieve, service.ask
    else:
        from llama_index.core.llms import MockLLM

        from hoidap.eval.peers import LlamaIndexPeers
        from core.settings import Settings
        from index.build import scan_corpus
        from index.embed import Embedder

        settings = Settings()
        embedder = Embedder(settings.embed_model)
        embedder.embed(["khởi động"])  # model load is not ingest
        files, _ = scan_corpus(corpus)
        md = [p for p in files.values() if p.suffix == ".md"]
        t = time.perf_counter()
        baseline = LlamaIndexPeers(md, embedder, wanted=("baseline",))  # the eval's baseline, built the same way
        result["ingest_s"] = round(time.perf_counter() - t, 2)
        result["documents"] = len(md)
        result["chunks"] = len(baseline.nodes)
        retriever = baseline.index.as_retriever(similarity_top_k=settings.top_k)
        engine = baseline.index.as_query_engine(llm=MockLLM())  # its defaults (top 2): k=10 overflows the context
        retrieve, answer = retriever.retrieve, engine.query
    for fn in (retrieve, answer):  # warm caches, as a served engine would be
        fn(qs[0])
    for name, fn in (("retrieval", retrieve), ("answer", answer)):
        times = []
        for q in qs:
            t = time.perf_counter()
            fn(q)
            times.append(time.perf_counter() - t)
        result[name] = percentiles(times)
    result["peak_rss_mb"] = round(peak_rss_mb(os.getpid()), 1)
    print(json.dumps(result))


def app_peak_rss(env: dict, log: Path) -> dict:
    """Serve the app, ask questions in Chromium, report the server's peak RSS (MB)."""
    if not Path(CHROMIUM).exists():
        return {"skipped": "no Debian chromium (make chromium)"}
    from playwright.sync_api import expect, sync_playwright

    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.address", "127.0.0.1",
           "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    with open(log, "ab") as err:
        server = subprocess.Popen(cmd, env=env, stdout=err, stderr=err, cwd=ROOT)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            page = browser.new_page()
            for _ in range(60):
                try:
                    page.goto(f"http://127.0.0.1:{port}")
                    break
                except Exception:
                    time.sleep(1)
            box = page.get_by_test_id("stChatInputTextArea")
            box.wait_for(timeout=120_000)
            t = time.perf_counter()
            for i, q in enumerate(questions(APP_QUESTIONS)):
                box.fill(q)
                box.press("Enter")
                reply = page.get_by_test_id("stChatMessage").nth(2 * i + 1)
                expect(reply).to_contain_text(re.compile(r"\[1\]|Không tìm thấy"), timeout=180_000)
            seconds = time.perf_counter() - t
            browser.close()
        return {"peak_rss_mb": round(peak_rss_mb(server.pid), 1), "questions": APP_QUESTIONS,
                "seconds_per_question": round(seconds / APP_QUESTIONS, 2)}
    finally:
        server.terminate()
        server.wait(timeout=30)


# ---------------------------------------------------------------------------------------------
# One size, all sizes, the report
# ---------------------------------------------------------------------------------------------

def measure_size(size: int, out: Path, n_questions: int, skip_baseline: bool, skip_app: bool, templates, pools) -> dict:
    work = out / str(size)
    corpus, index = work / "corpus", work / "index"
    log = work / "log.txt"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    t = time.perf_counter()
    generated = generate_corpus(corpus, size, templates, pools)
    print(f"[{size}] generated {generated['documents']} documents in {time.perf_counter() - t:.1f} s", flush=True)
    env = {**os.environ, "HOIDAP_CORPUS_DIR": str(corpus), "HOIDAP_INDEX_DIR": str(index), "HF_HUB_OFFLINE": "1",
           "HOIDAP_FEEDBACK_DB": str(work / "feedback.sqlite")}
    hoidap = str(Path(sys.executable).parent / "hoidap")
    row: dict = {"size": size, "generated": generated, "corpus_mb": round(sum(
        p.stat().st_size for p in corpus.rglob("*.md")) / 1e6, 2)}

    seconds, rss, stdout = run_measured([hoidap, "reindex", "--json"], env, log)
    report = json.loads(stdout)
    row["hoidap"] = {
        "documents": report["documents"], "chunks": report["chunks"], "failed": len(report.get("failed", [])),
        "ingest_s": round(seconds, 1), "docs_per_s": round(report["documents"] / seconds, 2),
        "chunks_per_s": round(report["chunks"] / seconds, 1), "reindex_peak_rss_mb": round(rss, 1),
    }
    print(f"[{size}] hoidap ingest {seconds:.1f} s, {report['chunks']} chunks, RSS {rss:.0f} MB", flush=True)
    seconds, rss, _ = run_measured([hoidap, "reindex", "--json"], env, log)
    row["hoidap"]["nochange_reindex_s"] = round(seconds, 2)
    seconds, rss, _ = run_measured([hoidap, "ask", "--json", questions(1)[0]], env, log)
    row["hoidap"]["ask_cli_s"] = round(seconds, 2)
    row["hoidap"]["ask_cli_peak_rss_mb"] = round(rss, 1)
    worker = [sys.executable, __file__, "--worker", "hoidap", "--corpus", str(corpus), "--questions", str(n_questions)]
    _, rss, stdout = run_measured(worker, env, log)
    row["hoidap"].update(json.loads(stdout.strip().splitlines()[-1]))
    print(f"[{size}] hoidap queries {row['hoidap']['retrieval']} / {row['hoidap']['answer']}", flush=True)
    if not skip_app:
        row["hoidap"]["app"] = app_peak_rss(env, log)
        print(f"[{size}] app {row['hoidap']['app']}", flush=True)

    if not skip_baseline:
        worker = [sys.executable, __file__, "--worker", "baseline", "--corpus", str(corpus), "--questions", str(n_questions)]
        seconds, rss, stdout = run_measured(worker, env, log)
        base = json.loads(stdout.strip().splitlines()[-1])
        base["docs_per_s"] = round(base["documents"] / base["ingest_s"], 2)
        base["chunks_per_s"] = round(base["chunks"] / base["ingest_s"], 1)
        base["nochange_reindex_s"] = base["ingest_s"]  # no change detection: a rebuild
        base["process_s"] = round(seconds, 1)
        row["baseline"] = base
        print(f"[{size}] baseline ingest {base['ingest_s']} s, {base['chunks']} nodes, queries "
              f"{base['retrieval']} / {base['answer']}, RSS {base['peak_rss_mb']} MB", flush=True)
    shutil.rmtree(corpus)  # keep the index for inspection; the corpus is regenerated from the seed
    return row


def ratio(a, b) -> str:
    return f"{a / b:.2f}x" if a and b else "–"


def markdown(rows: list[dict], machine: str) -> str:
    lines = [f"# Scale benchmark ({machine})", "",
             "| chunks (hoidap / baseline nodes) | docs | system | ingest s | docs/s | chunks/s | no-change reindex s "
             "| retrieval p50/p95/p99 ms | full answer p50/p95/p99 ms | peak RSS MB (reindex / ask CLI / queries / app) |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for row in rows:
        h, b = row["hoidap"], row.get("baseline")
        app = h.get("app", {}).get("peak_rss_mb", "–")
        lines.append(
            f"| {h['chunks']:,} | {h['documents']:,} | hoidap | {h['ingest_s']} | {h['docs_per_s']} | {h['chunks_per_s']} "
            f"| {h['nochange_reindex_s']} | {h['retrieval']['p50']} / {h['retrieval']['p95']} / {h['retrieval']['p99']} "
            f"| {h['answer']['p50']} / {h['answer']['p95']} / {h['answer']['p99']} "
            f"| {h['reindex_peak_rss_mb']:.0f} / {h['ask_cli_peak_rss_mb']:.0f} / {h['peak_rss_mb']:.0f} / {app} |")
        if b:
            lines.append(
                f"| {b['chunks']:,} | {b['documents']:,} | baseline | {b['ingest_s']} | {b['docs_per_s']} | {b['chunks_per_s']} "
                f"| {b['nochange_reindex_s']} (rebuild) | {b['retrieval']['p50']} / {b['retrieval']['p95']} / {b['retrieval']['p99']} "
                f"| {b['answer']['p50']} / {b['answer']['p95']} / {b['answer']['p99']} | – / – / {b['peak_rss_mb']:.0f} / – |")
            lines.append(
                f"| | | ratio hoidap/baseline | {ratio(h['ingest_s'], b['ingest_s'])} | | "
                f"{ratio(h['chunks_per_s'], b['chunks_per_s'])} | {ratio(h['nochange_reindex_s'], b['nochange_reindex_s'])} "
                f"| p95 {ratio(h['retrieval']['p95'], b['retrieval']['p95'])} | p95 {ratio(h['answer']['p95'], b['answer']['p95'])} "
                f"| queries {ratio(h['peak_rss_mb'], b['peak_rss_mb'])} |")
    bm25 = [(r["hoidap"]["chunks"], r["hoidap"]["bm25"]) for r in rows if "bm25" in r["hoidap"]]
    if bm25:
        lines += ["", "BM25 index (persisted per generation, loaded on the first question): "
                  + "; ".join(f"{n:,} chunks: {b['disk_mb']} MB on disk, loads in {b['load_s']} s, "
                              f"+{b['rss_mb']} MB RSS" for n, b in bm25) + "."]
    if len(rows) >= 2:
        first, last = rows[0]["hoidap"], rows[-1]["hoidap"]
        growth = last["chunks"] / first["chunks"]
        lines += ["", f"Corpus grows {growth:.0f}x ({first['chunks']:,} → {last['chunks']:,} chunks); "
                  f"hoidap full-answer p95 grows {last['answer']['p95'] / first['answer']['p95']:.2f}x, "
                  f"retrieval p95 {last['retrieval']['p95'] / first['retrieval']['p95']:.2f}x."]
    lines += ["", "Targets (2 cores): p95 full answer < 300 ms at 100k chunks; app RSS < 2 GB; sub-linear query cost "
              "(see scale_latency.png)."]
    return "\n".join(lines) + "\n"


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5))
    xs = [r["hoidap"]["chunks"] for r in rows]
    for system, style in (("hoidap", "-o"), ("baseline", "--s")):
        for metric, colour in (("answer", "tab:blue"), ("retrieval", "tab:orange")):
            pts = [(r[system]["chunks"], r[system][metric]["p95"]) for r in rows if system in r]
            if pts:
                ax.plot(*zip(*pts), style, color=colour, label=f"{system} {metric} p95")
    if len(xs) >= 2:
        base = rows[0]["hoidap"]["answer"]["p95"]
        ax.plot(xs, [base * x / xs[0] for x in xs], ":", color="grey", label="linear growth from smallest")
    ax.axhline(300, color="red", linewidth=0.8, label="target: 300 ms")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("indexed chunks")
    ax.set_ylabel("latency p95 (ms)")
    ax.set_title("Query latency vs corpus size (2 cores)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated chunk counts")
    parser.add_argument("--out", type=Path, default=ROOT / "runs" / "scale")
    parser.add_argument("--questions", type=int, default=200, help="timed questions per system and size")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--skip-app", action="store_true")
    parser.add_argument("--force", action="store_true", help="redo sizes already in OUT/results.json")
    parser.add_argument("--worker", choices=["hoidap", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        query_worker(args.worker, args.corpus, args.questions)
        return

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    args.out.mkdir(parents=True, exist_ok=True)
    results_path = args.out / "results.json"
    done = {r["size"]: r for r in json.loads(results_path.read_text())} if results_path.exists() else {}
    templates, pools = real_templates(ROOT / "corpus")
    print(f"{len(templates)} document shapes, {len(pools[True])} legal and {len(pools[False])} other sentences", flush=True)
    for size in [int(s) for s in args.sizes.split(",")]:
        if size in done and not args.force:
            print(f"[{size}] kept from {results_path}")
            continue
        done[size] = measure_size(size, args.out, args.questions, args.skip_baseline, args.skip_app, templates, pools)
        results_path.write_text(json.dumps(sorted(done.values(), key=lambda r: r["size"]), indent=1))
    rows = sorted(done.values(), key=lambda r: r["size"])
    machine = f"{os.cpu_count()} cores"
    report = markdown(rows, machine)
    (args.out / "report.md").write_text(report, encoding="utf-8")
    plot(rows, args.out / "scale_latency.png")
    print("\n" + report + f"\nwritten: {args.out / 'report.md'}, {args.out / 'scale_latency.png'}")


if __name__ == "__main__":
    main()
