"""ALQAC (Automated Legal Question Answering Competition) data → a hoidap corpus and BEIR-style test sets.

Both shipped formats are read: ALQAC 2023 (``law.json``) and the 2021/2022 statement format
(``legal_passages.json``); each has ``eval_pairs.jsonl`` joining questions to gold articles
(``gold_article_keys: ["<law id>|<article id>"]``).

The corpus is written one article per file, ``corpus/<law-slug>/<article-slug>.txt`` (first line the
law's name, then "Điều N. <article text>"), so every system — hoidap and the llama-index peers — sees
the same documents, and a retrieved passage is relevant when it comes from a gold article's file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import TestSetError
from ingest.pipeline import slug

CORPUS_FILES = ("law.json", "legal_passages.json")


@dataclass
class PreparedAlqac:
    """What prepare_alqac wrote."""

    laws: int = 0
    articles: int = 0
    splits: dict[str, int] = field(default_factory=dict)
    skipped: int = 0  # questions whose gold articles are not in the corpus


def article_id(law: str, article: str) -> str:
    """The document id of one article: "<law-slug>/<article-slug>"."""
    return f"{slug(law)}/{slug(str(article))}"


def prepare_alqac(src: Path, out: Path) -> PreparedAlqac:
    """Write ``out/corpus/…`` and ``out/<split>.jsonl`` from an ALQAC folder."""
    src, out = Path(src), Path(out)
    corpus_file = next((src / name for name in CORPUS_FILES if (src / name).is_file()), None)
    pairs_file = src / "eval_pairs.jsonl"
    if corpus_file is None or not pairs_file.is_file():
        raise TestSetError(f"{src} is not an ALQAC folder (needs {' or '.join(CORPUS_FILES)} and eval_pairs.jsonl)")
    laws = json.loads(corpus_file.read_text(encoding="utf-8"))
    report = PreparedAlqac(laws=len(laws))
    known: set[str] = set()
    for law in laws:
        folder = out / "corpus" / slug(law["id"])
        folder.mkdir(parents=True, exist_ok=True)
        for art in law["articles"]:
            text = f"{law['id']}\nĐiều {art['id']}. {art['text'].strip()}\n"
            (folder / f"{slug(str(art['id']))}.txt").write_text(text, encoding="utf-8")
            known.add(article_id(law["id"], art["id"]))
            report.articles += 1
    rows_by_split: dict[str, list[dict]] = {}
    for line in pairs_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        pair = json.loads(line)
        gold = [article_id(*key.split("|", 1)) for key in pair["gold_article_keys"]]
        if not gold or any(g not in known for g in gold):
            report.skipped += 1
            continue
        question = pair["question"]
        if pair.get("choices"):
            question += "\n" + "\n".join(f"{k}. {v}" for k, v in pair["choices"].items())
        rows_by_split.setdefault(pair["split"], []).append(
            {"id": pair["qid"], "question": question, "answers": [], "evidence": [], "relevant": gold, "answerable": True}
        )
    for split, rows in rows_by_split.items():
        with open(out / f"{split}.jsonl", "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        report.splits[split] = len(rows)
    return report
