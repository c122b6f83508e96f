"""Run folders: metrics.json, results.jsonl, a Markdown report with plots; and comparing two runs."""

from __future__ import annotations

import json
from pathlib import Path

from core.errors import TestSetError
from hoidap.eval.metrics import QuestionResult

PLOTTED = ("hit@1", "hit@5", "mrr", "ndcg@10", "answer_accuracy", "citation_accuracy", "refusal_accuracy")
OUTCOME = ("hit_rank", "answer_correct", "citation_correct", "refused")


def _deltas(a: dict, b: dict) -> dict[str, dict]:
    """{metric: {"a", "b", "delta"}} for the metrics of a (delta None where either is not a number)."""
    out = {}
    for metric, va in a.items():
        vb = b.get(metric)
        delta = round(vb - va, 4) if isinstance(va, (int, float)) and isinstance(vb, (int, float)) else None
        out[metric] = {"a": va, "b": vb, "delta": delta}
    return out


KIND_METRICS = ("headline", "hit@5", "citation_accuracy", "false_refusal_rate")


def headline(metrics: dict) -> float | None:
    """The one figure of a kind: answer accuracy, or refusal accuracy for a kind of unanswerable questions."""
    if metrics.get("n_answerable"):
        return metrics.get("answer_accuracy")
    return metrics.get("refusal_accuracy")


def _cell(v) -> str:
    return "-" if v is None else str(v)


def metrics_table(report: dict) -> str:
    """The metrics of every system as an aligned text table (None shown as '-'), then one table per
    kind metric when the test set gives kinds."""
    names = list(report["systems"])
    metrics = list(next(iter(report["systems"].values())))
    widths = [max(10, len(n)) + 2 for n in names]
    lines = [f"{report['n']} questions", "", f"{'metric':<22}" + "".join(f"{n:>{w}}" for n, w in zip(names, widths))]
    for m in metrics:
        values = [report["systems"][n][m] for n in names]
        lines.append(f"{m:<22}" + "".join(f"{_cell(v):>{w}}" for v, w in zip(values, widths)))
    kinds = _kinds(report)
    for metric in KIND_METRICS if kinds else ():
        title = "answer accuracy (unanswerable: refusal accuracy)" if metric == "headline" else metric
        lines += ["", f"per kind: {title}", f"{'kind (n)':<22}" + "".join(f"{n:>{w}}" for n, w in zip(names, widths))]
        for kind in kinds:
            row = [report["kinds"][n].get(kind, {}) for n in names]
            n_q = (row[0].get("n_answerable") or 0) + (row[0].get("n_unanswerable") or 0)
            values = [headline(r) if metric == "headline" else r.get(metric) for r in row]
            lines.append(f"{f'{kind} ({n_q})':<22}" + "".join(f"{_cell(v):>{w}}" for v, w in zip(values, widths)))
    return "\n".join(lines)


def _kinds(report: dict) -> list[str]:
    """The question kinds of a report, in order of first appearance over the systems."""
    kinds: dict[str, None] = {}
    for per_kind in report.get("kinds", {}).values():
        kinds.update(dict.fromkeys(per_kind))
    return list(kinds)


def _grouped_bars(path: Path, labels: list[str], series: dict[str, list[float]], title: str, figsize, rotation: int,
                  ha: str = "center", ylabel: str = "") -> None:
    """A bar chart with one group per label and one bar per system in each group (values 0–1)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=figsize)
    width = 0.8 / max(len(series), 1)
    for i, (name, values) in enumerate(series.items()):
        ax.bar([j + i * width for j in range(len(labels))], values, width, label=name)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(labels))], labels, rotation=rotation, ha=ha)
    ax.set_ylim(0, 1.05)
    if ylabel:
        ax.set_ylabel(ylabel)
    ax.legend(fontsize=8)
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _plots(out: Path, report: dict, per_system: dict[str, list[QuestionResult]]) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(report["systems"])
    metrics = [m for m in PLOTTED if all(report["systems"][n].get(m) is not None for n in names)]
    _grouped_bars(
        out / "metrics.png",
        metrics,
        {name: [report["systems"][name][m] for m in metrics] for name in names},
        f"Metrics per system ({report['n']} questions)",
        figsize=(max(6, 1.6 * len(metrics)), 4),
        rotation=20,
    )
    plots = ["metrics.png", "latency.png"]
    kinds = _kinds(report)
    if kinds:
        _grouped_bars(
            out / "kinds.png",
            kinds,
            {name: [headline(report["kinds"][name].get(kind, {})) or 0.0 for kind in kinds] for name in names},
            "Per question kind",
            figsize=(max(7, 0.9 * len(kinds) * max(len(names), 2) / 2), 4),
            rotation=30,
            ha="right",
            ylabel="answer accuracy (unanswerable: refusal)",
        )
        plots.append("kinds.png")

    curves = {name: pr_curve(results) for name, results in per_system.items()}
    curves = {name: c for name, c in curves.items() if c}
    if curves:  # how well the answer/refuse decision separates answerable questions from the others
        fig, ax = plt.subplots(figsize=(5.5, 4))
        for name, (recall, precision) in curves.items():
            ax.plot(recall, precision, label=name)
        ax.set_xlabel("recall: answerable questions answered")
        ax.set_ylabel("precision: answered questions that are answerable")
        ax.set_ylim(0, 1.05)
        ax.legend(fontsize=8)
        ax.set_title("Answerability (confidence threshold swept)")
        fig.tight_layout()
        fig.savefig(out / "answerability.png", dpi=110)
        plt.close(fig)
        plots.append("answerability.png")

    fig, ax = plt.subplots(figsize=(7, 4))
    for name, results in per_system.items():
        ax.hist([r.latency_ms for r in results], bins=30, alpha=0.5, label=name)
    ax.set_xlabel("latency per question (ms)")
    ax.set_ylabel("questions")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out / "latency.png", dpi=110)
    plt.close(fig)
    return plots


def pr_curve(results: list[QuestionResult]) -> tuple[list[float], list[float]] | None:
    """(recall, precision) of "answerable" as the confidence threshold is lowered; None without both kinds
    of question or without confidences."""
    scored = sorted(((r.confidence, r.answerable) for r in results), key=lambda x: -x[0])
    positives = sum(a for _, a in scored)
    if not positives or positives == len(scored) or not any(c for c, _ in scored):
        return None
    recall, precision, hits = [], [], 0
    for i, (_, answerable) in enumerate(scored, 1):
        hits += answerable
        recall.append(hits / positives)
        precision.append(hits / i)
    return recall, precision


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
    """Per-metric deltas (b − a) for the systems in both runs, per kind too, and the questions whose
    outcome changed."""
    metrics_a, rows_a = _load(Path(a))
    metrics_b, rows_b = _load(Path(b))
    deltas: dict[str, dict] = {}
    kinds: dict[str, dict] = {}
    for system in metrics_a["systems"]:
        if system not in metrics_b["systems"]:
            continue
        deltas[system] = _deltas(metrics_a["systems"][system], metrics_b["systems"][system])
        kinds_a = metrics_a.get("kinds", {}).get(system, {})
        kinds_b = metrics_b.get("kinds", {}).get(system, {})
        kinds[system] = {
            kind: {"headline": _deltas({"v": headline(kinds_a[kind])}, {"v": headline(kinds_b[kind])})["v"]}
            | _deltas(kinds_a[kind], kinds_b[kind])
            for kind in kinds_a
            if kind in kinds_b
        }
    changed = []
    for key, ra in rows_a.items():
        rb = rows_b.get(key)
        if rb is None or key[0] not in deltas:
            continue
        before = {f: ra.get(f) for f in OUTCOME}
        after = {f: rb.get(f) for f in OUTCOME}
        if before != after:
            changed.append({"system": key[0], "id": key[1], "question": ra["question"], "a": before, "b": after})
    return {"systems": deltas, "kinds": kinds, "changed": changed}


def comparison_text(comparison: dict) -> str:
    """A readable comparison: per system, metric a → b (delta); then the questions that changed."""
    lines = []
    for system, metrics in comparison["systems"].items():
        lines.append(f"{system}:")
        for metric, v in metrics.items():
            delta = "" if v["delta"] is None else f"{v['delta']:+.4f}"
            lines.append(f"  {metric:<22}{str(v['a']):>10} → {str(v['b']):<10} {delta}")
        per_kind = comparison.get("kinds", {}).get(system, {})
        if per_kind:
            lines.append("  per kind (answer accuracy; unanswerable: refusal accuracy):")
        for kind, v in per_kind.items():
            h = v["headline"]
            delta = "" if h["delta"] is None else f"{h['delta']:+.4f}"
            lines.append(f"    {kind:<20}{_cell(h['a']):>10} → {_cell(h['b']):<10} {delta}")
    lines.append("")
    lines.append(f"{len(comparison['changed'])} question outcomes changed:")
    for c in comparison["changed"]:
        diff = ", ".join(f"{f} {c['a'][f]}→{c['b'][f]}" for f in OUTCOME if c["a"][f] != c["b"][f])
        lines.append(f"  [{c['system']}] {c['id']}: {diff} — {c['question'][:80]}")
    return "\n".join(lines)
