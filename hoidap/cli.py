"""The command line: a thin layer over HoidapService. Errors become sentences here, nowhere deeper."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Optional

import typer

from core.errors import (
    AccessGroupError,
    CorpusNotFoundError,
    DocumentLoadError,
    EmbeddingModelError,
    EmptyQuestionError,
    HoidapError,
    IndexIncompatibleError,
    IndexLockedError,
    IndexNotFoundError,
    QuestionTooLongError,
    TestSetError,
    VectorStoreUnavailableError,
)
from core.settings import get_settings

app = typer.Typer(
    help=(
        "hoidap: cited answers from Vietnamese digital-transformation policy documents.\n\n"
        "Examples:\n\n"
        "  hoidap reindex                 # index ./corpus (only what changed)\n\n"
        "  hoidap ask \"Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số?\"\n\n"
        "  hoidap eval evalsets/dev.jsonl\n\n"
        "  hoidap serve                   # the chat at http://127.0.0.1:8501"
    ),
    no_args_is_help=True,
    add_completion=False,
)

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2
CHAT_APP = Path(__file__).with_name("app.py")  # the Streamlit script, inside the installed package


def _message(exc: HoidapError) -> tuple[str, int]:
    """A sentence for a person, and the exit status."""
    if isinstance(exc, CorpusNotFoundError):
        return f"Corpus folder not found: {exc.path}. Pass an existing folder or set HOIDAP_CORPUS_DIR.", EXIT_USAGE
    if isinstance(exc, IndexNotFoundError):
        return f"No index in {exc.path} yet. Build it with: hoidap reindex", EXIT_USAGE
    if isinstance(exc, IndexIncompatibleError):
        return f"The index in {exc.path} cannot be used ({exc.reason}). Rebuild it: hoidap reindex --rebuild", EXIT_USAGE
    if isinstance(exc, IndexLockedError):
        return f"Another reindex is running on {exc.path} {exc.holder}. Wait for it, or pass --wait.", EXIT_PARTIAL
    if isinstance(exc, EmptyQuestionError):
        return "The question is empty. Type a question, e.g. hoidap ask \"Luật Giao dịch điện tử có hiệu lực khi nào?\"", EXIT_USAGE
    if isinstance(exc, QuestionTooLongError):
        return f"The question is too long ({exc.length} characters; the limit is {exc.limit}). Shorten it.", EXIT_USAGE
    if isinstance(exc, VectorStoreUnavailableError):
        return f"The vector store is unavailable: {exc}. Start it (chroma run …) or set HOIDAP_CHROMA_MODE=embedded.", EXIT_PARTIAL
    if isinstance(exc, EmbeddingModelError):
        return f"Cannot load the embedding model {exc.model!r}: {exc.reason}", EXIT_USAGE
    if isinstance(exc, TestSetError):
        return f"Bad test set: {exc}", EXIT_USAGE
    if isinstance(exc, DocumentLoadError):
        return f"Cannot read {exc.path}: {exc.reason}", EXIT_PARTIAL
    if isinstance(exc, AccessGroupError):
        return str(exc), EXIT_USAGE
    return str(exc), EXIT_PARTIAL


def _fail(exc: HoidapError):
    text, code = _message(exc)
    typer.echo(f"Error: {text}", err=True)
    raise typer.Exit(code)


def _service():
    from hoidap.service import HoidapService

    return HoidapService(get_settings())


AS_GROUP_HELP = (
    "Read as a member of this access group (repeatable): only public documents and those of the groups given. "
    "Without it the command acts as an operator and reads every document."
)


def _caller(as_group: list[str] | None):
    """The operator (the OS user, every document) or, with --as-group, a member of those groups."""
    import getpass

    from core.access import Caller, group_names

    user = getpass.getuser()
    if not as_group:
        return Caller(user, operator=True)
    try:
        return Caller.of(user, group_names(as_group, "--as-group"))
    except HoidapError as exc:
        _fail(exc)


@app.command()
def reindex(
    corpus_dir: Optional[Path] = typer.Argument(None, help="Folder of documents (default: setting corpus_dir)."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Ignore the existing index and build from scratch."),
    wait: bool = typer.Option(False, "--wait", help="Wait for a running reindex instead of refusing."),
):
    """Index the corpus: add new files, re-embed changed ones, drop deleted ones.

    Exit status: 0 every file indexed, 1 some files failed (the others are indexed), 2 usage error.

    Example: hoidap reindex corpus/ --json
    """
    service = _service()
    bars: dict = {}

    def progress(stage: str, done: int, total: int) -> None:
        if json_out or total <= 0:
            return
        bar = bars.get(stage)
        if bar is None:
            if stage == "published":  # searchable from here on; the vectors follow
                typer.echo("published: the index answers now (BM25); embedding the new passages…", err=True)
                return
            label = {"ingest": "Reading & segmenting", "embed": "Embedding", "bm25": "BM25"}.get(stage, stage)
            bar = bars[stage] = typer.progressbar(length=total, label=label.ljust(22), file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)
        if done >= total:
            bar.__exit__(None, None, None)

    try:
        report = service.reindex(corpus_dir, progress=progress, rebuild=rebuild, wait=wait)
    except HoidapError as exc:
        _fail(exc)
    if json_out:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        d = report.to_dict()
        typer.echo(
            f"added {d['added']}, changed {d['changed']}, removed {d['removed']}, renamed {d['renamed']}, "
            f"unchanged {d['unchanged']}, failed {len(report.failed)}"
        )
        typer.echo(
            f"index: {d['documents']} documents, {d['chunks']} chunks "
            f"({d['embedded']} embedded, {d['reused_vectors']} vectors reused) in {d['seconds']:.1f} s"
        )
        if d["access_changed"]:
            typer.echo(f"access groups changed: {d['access_changed']} document(s), applied without re-embedding")
        for path, reason in report.failed:
            typer.echo(f"  FAILED  {path}: {reason}")
        for path, reason in report.skipped:
            typer.echo(f"  skipped {path}: {reason}")
    raise typer.Exit(EXIT_PARTIAL if report.failed else EXIT_OK)


@app.command()
def ask(
    question: str = typer.Argument(..., help="The question, in Vietnamese (diacritics optional)."),
    json_out: bool = typer.Option(False, "--json", help="Print {answer, refused, citations} as JSON."),
    k: Optional[int] = typer.Option(None, "-k", "--k", min=1, max=50, help="Passages to consider (default: top_k)."),
    doc_type: str = typer.Option("", "--type", help='Only documents of this type, e.g. "Luật", "Nghị định", "Tin tức".'),
    year: Optional[int] = typer.Option(None, "--year", help="Only documents dated this year."),
    issuer: str = typer.Option("", "--issuer", help='Only documents whose issuer contains this, e.g. "Chính phủ".'),
    number: str = typer.Option("", "--number", help='Only documents whose số hiệu contains this, e.g. "20/2023".'),
    in_force: bool = typer.Option(False, "--in-force", help="Only documents still in force (còn hiệu lực) today."),
    as_group: Optional[list[str]] = typer.Option(None, "--as-group", help=AS_GROUP_HELP),
):
    """Answer a question from the indexed documents, with citations [n].

    Examples:

      hoidap ask "Luật Giao dịch điện tử có hiệu lực từ ngày nào?" --json

      hoidap ask "chữ ký điện tử" --type "Luật" --year 2023

      hoidap ask "Quy chế làm việc nội bộ" --as-group van-phong
    """
    from hoidap.retrieve import Filters

    caller = _caller(as_group)
    service = _service()
    filters = Filters(doc_type, year, issuer, number, in_force)
    try:
        if json_out:
            answer = service.ask(question, k, filters, caller=caller, channel="cli")
            typer.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
            return
        _print_answer(_streamed(service.ask_stream(question, k, filters, caller=caller, channel="cli")))
    except HoidapError as exc:
        _fail(exc)


def _streamed(items):
    """Print LLM text deltas as they arrive; return the final (checked) Answer."""
    streamed = False
    for item in items:
        if isinstance(item, str):
            typer.echo(item, nl=False)
            streamed = True
        else:
            if streamed:
                typer.echo("\n")
                typer.echo("Câu trả lời đã kiểm tra trích dẫn:" if not item.notice else "")
            return item
    raise RuntimeError("no answer")


def _print_answer(answer) -> None:
    if answer.notice:
        typer.echo(answer.notice)
    typer.echo(answer.text)
    typer.echo("")
    if answer.citations:
        typer.echo("Nguồn:")
        for c in answer.citations:
            typer.echo(f"[{c.n}] {c.passage.chunk.citation_label()} — {c.passage.chunk.source}")
    elif answer.related:
        typer.echo("Đoạn liên quan (không phải trích dẫn):")
        for p in answer.related[:3]:
            typer.echo(f"- {p.chunk.citation_label()} — {p.chunk.source}")


@app.command()
def chat(
    k: Optional[int] = typer.Option(None, "-k", "--k", min=1, max=50, help="Passages to consider (default: top_k)."),
    as_group: Optional[list[str]] = typer.Option(None, "--as-group", help=AS_GROUP_HELP),
):
    """A conversation in the terminal: follow-up questions are completed from the previous turn.

    Type a question and press Enter; an empty line or Ctrl-D ends the conversation.

    Example: hoidap chat   then   "Luật Giao dịch điện tử có hiệu lực từ ngày nào?"  then  "Văn bản đó do cơ quan nào ban hành?"
    """
    caller = _caller(as_group)
    service = _service()
    previous = None
    while True:
        try:
            question = input("Hỏi: ")
        except EOFError:
            break
        if not question.strip():
            break
        try:
            answer = _streamed(service.ask_stream(question, k, previous=previous, caller=caller, channel="cli"))
        except (EmptyQuestionError, QuestionTooLongError) as exc:
            typer.echo(_message(exc)[0], err=True)
            continue
        except HoidapError as exc:
            _fail(exc)
        if answer.resolved_question != answer.question:
            typer.echo(f"(câu hỏi được hiểu là: {answer.resolved_question})")
        _print_answer(answer)
        typer.echo("")
        previous = service.next_turn(answer, previous)


@app.command()
def docs(
    json_out: bool = typer.Option(False, "--json", help="Print the list as JSON."),
    check: bool = typer.Option(
        False, "--check", help="Report where a file's front matter and its text disagree about validity (exit 1 if any)."
    ),
    in_force: bool = typer.Option(False, "--in-force", help="Only documents in force (còn hiệu lực) as of today."),
    as_group: Optional[list[str]] = typer.Option(None, "--as-group", help=AS_GROUP_HELP),
):
    """List indexed documents: type, số hiệu, date, legal status (from what the documents state), title.

    Status is judged as of today (or HOIDAP_VALIDITY_AS_OF): "Còn hiệu lực", "Hết hiệu lực từ …",
    "Hết hiệu lực một phần", "Chưa có hiệu lực"; blank when no document states it. --json adds, per
    document, `effective`, `status` {state, since, parts, clause, badge}, `relations` (what other
    documents state about it) and `states` (what it states about others), each with its clause.
    """
    caller = _caller(as_group)
    service = _service()
    try:
        if check:
            problems = service.validity_check()
            for line in problems:
                typer.echo(line)
            if not problems:
                typer.echo("front matter and texts agree on validity")
            raise typer.Exit(1 if problems else 0)
        rows = service.documents(caller)
    except HoidapError as exc:
        _fail(exc)
    if in_force:
        rows = [r for r in rows if r["status"]["state"] == "còn hiệu lực"]
    if json_out:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        typer.echo(
            f"{r['doc_type'] or '-':<11} {r['number'] or '-':<17} {r['date'] or '-':<10} "
            f"{r['status']['badge'] or '-':<26} {r['chunks']:>4}  {r['title'][:60]}  [{r['source']}]"
        )


@app.command(name="eval")
def eval_cmd(
    testset: Optional[Path] = typer.Argument(
        None, help="Test set JSONL: {id, question, answers, evidence, answerable} (+ optional relevant)."
    ),
    json_out: bool = typer.Option(False, "--json", help='Print {"n", "systems": {name: metrics}} as JSON.'),
    k: Optional[int] = typer.Option(None, "-k", "--k", min=1, max=50, help="Passages given to the answerer."),
    system: str = typer.Option(
        "hoidap,baseline",
        "--system",
        help="Comma-separated: hoidap, bm25, dense, baseline, llamaindex-bm25, llamaindex-hybrid, or all.",
    ),
    out: Optional[Path] = typer.Option(
        None, "--out", help="Run folder: results.jsonl, metrics.json, report.md with plots (PNG)."
    ),
    compare: Optional[tuple[Path, Path]] = typer.Option(
        None, "--compare", help="Compare two run folders (RUN_A RUN_B) instead of evaluating."
    ),
):
    """Evaluate systems side by side on a test set, or compare two runs.

    Examples:

      hoidap eval evalsets/dev.jsonl --system all --out runs/today

      hoidap eval --compare runs/yesterday runs/today
    """
    from hoidap.eval.report import compare_runs, comparison_text, metrics_table, write_run

    if compare:
        try:
            comparison = compare_runs(*compare)
        except HoidapError as exc:
            _fail(exc)
        typer.echo(json.dumps(comparison, ensure_ascii=False, indent=2) if json_out else comparison_text(comparison))
        return
    if testset is None:
        typer.echo("Error: give a test set (e.g. hoidap eval evalsets/dev.jsonl) or --compare RUN_A RUN_B.", err=True)
        raise typer.Exit(EXIT_USAGE)
    from hoidap.eval.runner import SYSTEMS, run_eval
    from hoidap.eval.testset import load_testset

    systems = SYSTEMS if system == "all" else tuple(s.strip() for s in system.split(",") if s.strip())
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown or not systems:
        typer.echo(f"Error: unknown system {', '.join(unknown) or system!r}; choose from {', '.join(SYSTEMS)} or all.", err=True)
        raise typer.Exit(EXIT_USAGE)
    service = _service()
    try:
        questions = load_testset(testset)
        report, per_system = run_eval(service, questions, systems, k)
    except HoidapError as exc:
        _fail(exc)
    if out:
        write_run(out, report, per_system, testset)
    typer.echo(json.dumps(report, ensure_ascii=False, indent=2) if json_out else metrics_table(report))


def _export_source(fmt: str, path: Path, none_yet: str) -> Path:
    """The SQLite file an export reads; exits with a sentence when the format is unknown or the file absent."""
    if fmt not in ("jsonl", "csv"):
        typer.echo(f"Error: unknown format {fmt!r}; use jsonl or csv.", err=True)
        raise typer.Exit(EXIT_USAGE)
    if not path.is_file():
        typer.echo(f"Error: {none_yet} ({path} does not exist).", err=True)
        raise typer.Exit(EXIT_USAGE)
    return path


feedback_app = typer.Typer(help="Feedback officials gave on answers in the chat.", no_args_is_help=True)
app.add_typer(feedback_app, name="feedback")


@feedback_app.command("export")
def feedback_export(
    out: Path = typer.Argument(..., help="Output file."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl or csv."),
):
    """Export saved feedback (question, answer, citations, useful, comment) to turn into test-set lines.

    Example: hoidap feedback export feedback.jsonl
    """
    from hoidap.feedback import FeedbackStore

    path = _export_source(fmt, get_settings().feedback_db, "no feedback saved yet")
    n = FeedbackStore(path).export(out, fmt)
    typer.echo(f"{n} feedback rows written to {out}")


audit_app = typer.Typer(help="The audit trail: every question asked, by whom, with which groups.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")


@audit_app.command("export")
def audit_export(
    out: Path = typer.Argument(..., help="Output file."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl or csv."),
    since: str = typer.Option("", "--since", help="Only questions asked on or after this date (YYYY-MM-DD)."),
):
    """Export the audit trail (time, user, groups, channel, question, resolved question, cited chunk ids,
    refused), oldest first. Rows older than audit_retention_days are deleted first.

    Example: hoidap audit export audit.csv --format csv --since 2026-11-01
    """
    from hoidap.audit import AuditLog

    settings = get_settings()
    path = _export_source(fmt, settings.audit_db, "no question recorded yet")
    n = AuditLog(path, settings.audit_retention_days).export(out, fmt, since)
    typer.echo(f"{n} questions written to {out}")


@app.command(name="prepare-alqac")
def prepare_alqac_cmd(
    src: Path = typer.Argument(..., help="An ALQAC folder (law.json or legal_passages.json, and eval_pairs.jsonl)."),
    out: Path = typer.Argument(..., help="Where to write corpus/ and one test set per split."),
):
    """Turn ALQAC legal QA data into a corpus (one file per article) and BEIR-style test sets.

    Then index it as its own collection and evaluate every system, e.g.:

      hoidap prepare-alqac ../shared/data/alqac-2022format runs/alqac22

      HOIDAP_CORPUS_DIR=runs/alqac22/corpus HOIDAP_INDEX_DIR=runs/alqac22/index hoidap reindex

      HOIDAP_CORPUS_DIR=runs/alqac22/corpus HOIDAP_INDEX_DIR=runs/alqac22/index hoidap eval runs/alqac22/train.jsonl --system all
    """
    from hoidap.eval.alqac import prepare_alqac

    try:
        report = prepare_alqac(src, out)
    except HoidapError as exc:
        _fail(exc)
    typer.echo(f"{report.laws} laws, {report.articles} articles → {out / 'corpus'}")
    for split, n in report.splits.items():
        typer.echo(f"  {out / (split + '.jsonl')}: {n} questions")
    if report.skipped:
        typer.echo(f"  {report.skipped} questions skipped: a gold article is not in this corpus")


@app.command()
def serve(
    port: Optional[int] = typer.Option(None, help="Port (default: setting app_port, 8501)."),
):
    """Serve the chat in the browser (Streamlit) at http://127.0.0.1:8501.

    Example: hoidap serve --port 8600
    """
    settings = get_settings()
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(CHAT_APP),
        "--server.address", settings.app_address,
        "--server.port", str(port or settings.app_port),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--client.toolbarMode", "minimal",
    ]
    typer.echo(f"hoidap chat: http://{settings.app_address}:{port or settings.app_port}")
    raise typer.Exit(subprocess.call(cmd))


@app.command(name="api")
def api_cmd(
    host: Optional[str] = typer.Option(None, help="Address to bind (default: setting api_address, 127.0.0.1)."),
    port: Optional[int] = typer.Option(None, help="Port (default: setting api_port, 8502)."),
    workers: Optional[int] = typer.Option(
        None, min=1, help="Worker processes, each with its own models (default: setting api_workers, 1)."
    ),
):
    """Serve the HTTP API for other systems: POST /ask (the `ask --json` record), GET /health, docs at /docs.

    Any number of API processes, on any machines, can serve one shared index folder (with a `chroma run` server
    for the vectors); a reindex is served by all of them from the next question on.

    Example: hoidap api --host 0.0.0.0 --port 8502 --workers 4
    """
    import uvicorn

    settings = get_settings()
    host, port = host or settings.api_address, port or settings.api_port
    typer.echo(f"hoidap API: http://{host}:{port} (documentation at /docs)")
    uvicorn.run("hoidap.api:create_app", factory=True, host=host, port=port, workers=workers or settings.api_workers)


if __name__ == "__main__":
    app()
