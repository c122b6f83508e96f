"""Run folders: metrics.json, results.jsonl, a Markdown report with plots; and comparing two runs."""

from __future__ import annotations

import json
from pathlib import Path

from hoidap.errors import TestSetError
from hoidap.eval.metrics import QuestionResult

PLOTTED = ("hit@1", "hit@5", "mrr", "ndcg@10", "answer_accuracy", "citation_accuracy", "refusal_accuracy")
OUTCOME = ("hit_rank", "answer_correct", "citation_correct", "refused")


def metrics_table(report: dict) -> str:
    """The metrics of every system as an aligned text table (None shown as '-')."""
    names = list(report["systems"])
    metrics = list(next(iter(report["systems"].values())))
    widths = [max(10, len(n)) + 2 for n in names]
    lines = [f"{report['n']} questions", "", f"{'metric':<22}" + "".join(f"{n:>{w}}" for n, w in zip(names, widths))]
    for m in metrics:
        values = [report["systems"][n][m] for n in names]
        lines.append(f"{m:<22}" + "".join(f"{'-' if v is None else v:>{w}}" for v, w in zip(values, widths)))
    return "\n".join(lines)


def _plots(out: Path, report: dict, per_system: dict[str, list[QuestionResult]]) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(report["systems"])
    metrics = [m for m in PLOTTED if all(report["systems"][n].get(m) is not None for n in names)]
    fig, ax = plt.subplots(figsize=(max(6, 1.6 * len(metrics)), 4))
    width = 0.8 / max(len(names), 1)
    for i, name in enumerate(names):
        xs = [j + i * width for j in range(len(metrics))]
        ax.bar(xs, [report["systems"][name][m] for m in metrics], width, label=name)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(metrics))], metrics, rotation=20)
    ax.set_ylim(0, 1.05)
    ax.legend(fontsize=8)
    ax.set_title(f"Metrics per system ({report['n']} questions)")
    fig.tight_layout()
    fig.savefig(out / "metrics.png", dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(7, 4))
    for name, results in per_system.items():
        ax.hist([r.latency_ms for r in results], bins=30, alpha=0.5, label=name)
    ax.set_xlabel("latency per question (ms)")
    ax.set_ylabel("questions")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out / "latency.png", dpi=110)
    plt.close(fig)
    return ["metrics.png", "latency.png"]


def write_run(out: Path, report: dict, per_system: dict[str, list[QuestionResult]], testset: Path) -> None:
    """Write a run folder: metrics.json, results.jsonl, report.md and its PNG plots."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    with open(out / "results.jsonl", "w", encoding="utf-8") as fh:
        for name, results in per_system.items():
            for r in results:
                fh.write(json.dumps({"system": name, **r.to_dict()}, ensure_ascii=False) + "\n")
    plots = _plots(out, report, per_system)
    lines = [f"# Evaluation of {testset}", "", "```", metrics_table(report), "```", ""]
    lines += [f"![{p}]({p})" for p in plots]
    lines += ["", "Definitions: see `hoidap/eval/metrics.py` (Hit@k, MRR@10, nDCG@10, answer/citation/refusal accuracy)."]
    (out / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _load(run: Path) -> tuple[dict, dict[tuple[str, str], dict]]:
    try:
        metrics = json.loads((run / "metrics.json").read_text(encoding="utf-8"))
        rows = [json.loads(line) for line in (run / "results.jsonl").read_text(encoding="utf-8").splitlines() if line]
    except (OSError, json.JSONDecodeError) as exc:
        raise TestSetError(f"{run} is not a run folder written by `hoidap eval --out` ({exc})") from exc
    return metrics, {(r["system"], r["id"]): r for r in rows}


def compare_runs(a: Path, b: Path) -> dict:
    """Per-metric deltas (b − a) for the systems in both runs, and the questions whose outcome changed."""
    metrics_a, rows_a = _load(Path(a))
    metrics_b, rows_b = _load(Path(b))
    deltas: dict[str, dict] = {}
    for system in metrics_a["systems"]:
        if system not in metrics_b["systems"]:
            continue
        deltas[system] = {}
        for metric, va in metrics_a["systems"][system].items():
            vb = metrics_b["systems"][system].get(metric)
            delta = round(vb - va, 4) if isinstance(va, (int, float)) and isinstance(vb, (int, float)) else None
            deltas[system][metric] = {"a": va, "b": vb, "delta": delta}
    changed = []
    for key, ra in rows_a.items():
        rb = rows_b.get(key)
        if rb is None or key[0] not in deltas:
            continue
        before = {f: ra.get(f) for f in OUTCOME}
        after = {f: rb.get(f) for f in OUTCOME}
        if before != after:
            changed.append({"system": key[0], "id": key[1], "question": ra["question"], "a": before, "b": after})
    return {"systems": deltas, "changed": changed}


def comparison_text(comparison: dict) -> str:
    """A readable comparison: per system, metric a → b (delta); then the questions that changed."""
    lines = []
    for system, metrics in comparison["systems"].items():
        lines.append(f"{system}:")
        for metric, v in metrics.items():
            delta = "" if v["delta"] is None else f"{v['delta']:+.4f}"
            lines.append(f"  {metric:<22}{str(v['a']):>10} → {str(v['b']):<10} {delta}")
    lines.append("")
    lines.append(f"{len(comparison['changed'])} question outcomes changed:")
    for c in comparison["changed"]:
        diff = ", ".join(f"{f} {c['a'][f]}→{c['b'][f]}" for f in OUTCOME if c["a"][f] != c["b"][f])
        lines.append(f"  [{c['system']}] {c['id']}: {diff} — {c['question'][:80]}")
    return "\n".join(lines)
