"""Randomized add / modify / delete / rename rounds over a corpus copy, reindex after each round:
Chroma, BM25 and the chunk store hold exactly the chunks of the current corpus (bounded: small documents)."""

from __future__ import annotations

import random

from hoidap.retrieve import IndexReader
from core.settings import Settings
from index.build import reindex
from index.layout import IndexLayout

from conftest import expected_chunk_ids, real_sentences

ROUNDS = 100


def test_randomized_rounds_keep_every_store_exact(tmp_path, embedder):
    rng = random.Random(20261124)
    pool = real_sentences()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", workers=1)
    names = iter(f"doc-{i:03d}.txt" for i in range(10**4))

    def write(path):
        path.write_text(" ".join(rng.sample(pool, rng.randint(1, 3))) + "\n", encoding="utf-8")

    for _ in range(4):
        write(corpus / next(names))
    for round_no in range(ROUNDS):
        files = sorted(corpus.iterdir())
        action = rng.choice(["add", "modify", "delete", "rename"] if len(files) > 2 else ["add"])
        if action == "add":
            write(corpus / next(names))
        elif action == "modify":
            write(rng.choice(files))
        elif action == "delete":
            rng.choice(files).unlink()
        else:
            rng.choice(files).rename(corpus / next(names))
        report = reindex(settings, embedder)
        assert not report.failed, report.failed
        reader = IndexReader(IndexLayout(settings.index_dir).current_path())
        vectors = reader.vectors.all_ids()
        stored = set(reader.store.chunk_hashes())
        assert len(vectors) == len(set(vectors)), f"round {round_no}: duplicate vectors"
        assert set(vectors) == stored == set(reader.bm25.ids) == expected_chunk_ids(corpus, settings), (
            f"round {round_no} ({action}): stores disagree"
        )
        assert {d["source"] for d in reader.store.documents()} == {p.name for p in corpus.iterdir()}
