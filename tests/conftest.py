"""Fixtures: a tiny real corpus and a fresh index built from it with the real stack (offline)."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
TINY_FILES = {
    "tin-tuc/binh-phuoc-lam-viec-bo-tttt.txt": CORPUS / "tin-tuc/binh-phuoc-lam-viec-bo-tttt.txt",
    "tin-tuc/binh-phuoc-chuyen-doi-so-2023-04.txt": CORPUS / "tin-tuc/binh-phuoc-chuyen-doi-so-2023-04.txt",
    "van-ban/luat-giao-dich-dien-tu-20-2023-QH15.md": CORPUS / "van-ban/luat-giao-dich-dien-tu-20-2023-QH15.md",
    "phap-dien/phapdien-sample.jsonl": ROOT / "tests/data/phapdien-sample.jsonl",
}


def make_corpus(folder: Path) -> Path:
    """Copy the tiny corpus into ``folder``."""
    for rel, src in TINY_FILES.items():
        dst = folder / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, dst)
        side = src.with_name(src.name.rsplit(".", 1)[0] + ".meta.json")
        if side.exists():
            shutil.copy(side, dst.with_name(side.name))
    return folder


def switched(service, **rules):
    """A test service with some settings (rules) set otherwise, its embedder shared (the index is the same folder)."""
    from core.settings import Settings
    from hoidap.service import HoidapService

    other = HoidapService(Settings(**{**service.settings.model_dump(), **rules}))
    other.embedder = service.embedder
    return other


@pytest.fixture(autouse=True, scope="session")
def _audit_trail_in_tmp(tmp_path_factory):
    """Questions asked by tests (and by the app and CLI processes they start) go to an audit trail of the test
    session, not to the checkout's .hoidap/."""
    path = tmp_path_factory.mktemp("audit") / "audit.sqlite"
    old = os.environ.get("HOIDAP_AUDIT_DB")
    os.environ["HOIDAP_AUDIT_DB"] = str(path)
    yield path
    if old is None:
        os.environ.pop("HOIDAP_AUDIT_DB", None)
    else:
        os.environ["HOIDAP_AUDIT_DB"] = old


@pytest.fixture(scope="session")
def embedder():
    from index.embed import Embedder

    return Embedder()


@pytest.fixture(scope="session")
def built(tmp_path_factory, embedder):
    """(settings, service) over a tiny corpus indexed once per test session."""
    from hoidap.service import HoidapService
    from core.settings import Settings

    base = tmp_path_factory.mktemp("hoidap")
    corpus = make_corpus(base / "corpus")
    settings = Settings(corpus_dir=corpus, index_dir=base / "index")
    service = HoidapService(settings)
    service.embedder = embedder
    report = service.reindex()
    assert not report.failed
    return settings, service


@pytest.fixture()
def service(built):
    return built[1]


@pytest.fixture()
def env_for(built, monkeypatch):
    """Point HOIDAP_* settings (CLI, app) at the session index."""
    from core.settings import get_settings

    settings, _ = built
    monkeypatch.setenv("HOIDAP_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.setenv("HOIDAP_INDEX_DIR", str(settings.index_dir))
    get_settings.cache_clear()
    yield settings
    get_settings.cache_clear()


@pytest.fixture()
def small_corpus(tmp_path, embedder):
    """(settings, corpus folder, embedder): three real documents, not indexed yet."""
    from core.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "tin-tuc/binh-phuoc-lam-viec-bo-tttt.txt", corpus / "bp-lam-viec.txt")
    shutil.copy(CORPUS / "tin-tuc/binh-phuoc-chuyen-doi-so-2023-04.txt", corpus / "bp-2023.txt")
    lines = (ROOT / "tests/data/phapdien-sample.jsonl").read_text(encoding="utf-8").splitlines()
    (corpus / "pd.jsonl").write_text("\n".join(lines[:12]) + "\n", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", workers=2)
    return settings, corpus, embedder


def consistent_ids(settings) -> set[str]:
    """Chunk ids, asserting BM25 and the chunk store hold exactly the same set, and Chroma that set less the
    passages still waiting for their vector (a generation published before its vectors were done)."""
    from hoidap.retrieve import IndexReader
    from index.layout import IndexLayout

    reader = IndexReader(IndexLayout(settings.index_dir).current_path())
    stored = set(reader.store.chunk_hashes())
    vectors = reader.vectors.all_ids()
    waiting = reader.store.pending_ids()
    bm25 = reader.bm25.ids
    assert len(vectors) == len(set(vectors)) and len(bm25) == len(set(bm25)), "duplicates"
    assert set(vectors) | waiting == stored == set(bm25) and not set(vectors) & waiting
    return stored


def real_sentences() -> list[str]:
    """Sentences of the two bundled news reports (material for generated documents)."""
    import re

    text = (CORPUS / "tin-tuc/binh-phuoc-chuyen-doi-so-2023-04.txt").read_text(encoding="utf-8")
    text += (CORPUS / "tin-tuc/binh-phuoc-lam-viec-bo-tttt.txt").read_text(encoding="utf-8")
    return [s.strip() for s in re.split(r"(?<=[.])\s+", text) if 30 < len(s.strip()) < 250]


def expected_chunk_ids(corpus, settings) -> set[str]:
    """Chunk ids the ingest pipeline gives for every file directly in ``corpus``."""
    from ingest.pipeline import process_file

    ids = set()
    for path in sorted(corpus.iterdir()):
        result = process_file(path, path.name, settings.chunk_max_words, settings.chunk_overlap_sentences, 10**8)
        assert not result.error
        ids |= {c.chunk_id for c in result.chunks}
    return ids


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def local_server(cmd: list[str], port: int, log_path: Path, what: str, **popen):
    """Run a server process until it accepts connections on 127.0.0.1:port; stop it afterwards."""
    import socket
    import subprocess
    import time

    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, **popen)
        try:
            deadline = time.time() + 60
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.time() > deadline or proc.poll() is not None:
                        pytest.fail(f"{what} did not start: " + log_path.read_text())
                    time.sleep(0.2)
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture()
def chroma_server(tmp_path):
    """The port of a real `chroma run` server on localhost (its data under tmp_path), stopped afterwards."""
    import sys

    chroma = Path(sys.executable).parent / "chroma"
    if not chroma.exists():
        pytest.skip("the chroma CLI is not installed in this environment")
    port = free_port()
    cmd = [str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)]
    with local_server(cmd, port, tmp_path / "chroma.log", "chroma run"):
        yield port
