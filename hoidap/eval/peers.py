"""The peers hoidap is measured against: what a capable llama-index user builds in an afternoon.

All share one node set: the files read by SimpleDirectoryReader and split by the default
SentenceSplitter, embedded with the same model as hoidap; no Vietnamese segmentation. A node of a
file that holds one document carries that document's metadata (title, số hiệu, type, date), as hoidap's
passages do, so the shared answerer treats every system's passages alike.

- baseline: VectorStoreIndex retriever.
- llamaindex-bm25: BM25Retriever with its defaults over the same nodes.
- llamaindex-hybrid: QueryFusionRetriever over both, reciprocal rerank, no query generation.
"""

from __future__ import annotations

from pathlib import Path

from core.models import DocMeta
from hoidap.query import Query
from hoidap.retrieve import Passage
from index.embed import Embedder
from index.store import StoredChunk
from ingest.segment import sentence_spans

PEERS = ("baseline", "llamaindex-bm25", "llamaindex-hybrid")


def _passage(nws, rank: int, system: str, root: Path | None, metadata: dict[str, DocMeta]) -> Passage:
    node = nws.node
    text = node.get_content()
    name = node.metadata.get("file_name", "")
    path = node.metadata.get("file_path", "")
    source = name
    if root is not None and path:
        try:
            source = Path(path).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            source = name
    chunk = StoredChunk(
        chunk_id=node.node_id,
        doc_id=name,
        position=0,
        text=text,
        start=0,
        end=len(text),
        label="",
        heading="",
        sentence_spans=sentence_spans(text, 0, len(text)),
        doc=metadata.get(source, DocMeta(title=name)),
        source=source,
    )
    return Passage(chunk, float(nws.score or 0.0), {system: rank})


class LlamaIndexPeers:
    """Builds the shared nodes once; ``retriever(name)`` gives each peer's retrieve function."""

    def __init__(
        self,
        files: list[Path],
        embedder: Embedder,
        wanted: tuple[str, ...] = PEERS,
        root: Path | None = None,
        metadata: dict[str, DocMeta] | None = None,
    ):
        from llama_index.core import SimpleDirectoryReader, VectorStoreIndex
        from llama_index.core.node_parser import SentenceSplitter

        documents = SimpleDirectoryReader(input_files=[str(p) for p in files]).load_data(show_progress=False)
        self.nodes = SentenceSplitter().get_nodes_from_documents(documents)
        self.embed_model = embedder.as_llama_index()
        self.wanted = wanted
        self.root = root
        self.metadata = metadata or {}  # source path → the document's metadata (files holding one document)
        self._bm25_cache: tuple[int, object] | None = None  # (k, BM25Retriever): rebuilt only when k changes
        self.index = (
            VectorStoreIndex(self.nodes, embed_model=self.embed_model)
            if {"baseline", "llamaindex-hybrid"} & set(wanted)
            else None
        )

    def _vector(self, k: int):
        return self.index.as_retriever(similarity_top_k=k)

    def _bm25(self, k: int):
        from llama_index.retrievers.bm25 import BM25Retriever

        if self._bm25_cache is None or self._bm25_cache[0] != k:
            self._bm25_cache = (k, BM25Retriever.from_defaults(nodes=self.nodes, similarity_top_k=k))
        return self._bm25_cache[1]

    def _hybrid(self, k: int):
        from llama_index.core.llms import MockLLM
        from llama_index.core.retrievers import QueryFusionRetriever

        return QueryFusionRetriever(
            [self._vector(k), self._bm25(k)],
            similarity_top_k=k,
            num_queries=1,  # no LLM query generation: the afternoon build has no LLM either
            mode="reciprocal_rerank",
            use_async=False,
            llm=MockLLM(),
        )

    def retriever(self, name: str):
        """retrieve(question, k) → passages, for one peer system."""
        make = {"baseline": self._vector, "llamaindex-bm25": self._bm25, "llamaindex-hybrid": self._hybrid}[name]

        def retrieve(query: Query, k: int) -> list[Passage]:
            # the peers read the question as typed (after follow-up completion): they have no query analysis
            found = make(k).retrieve(query.text)
            return [_passage(nws, i, name, self.root, self.metadata) for i, nws in enumerate(found, 1)]

        return retrieve
