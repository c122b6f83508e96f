"""The baseline: what a user would build instead — a vanilla llama-index VectorStoreIndex.

Default SentenceSplitter, the same embedding model, no Vietnamese segmentation, no BM25.
"""

from __future__ import annotations

from pathlib import Path

from hoidap.models import DocMeta
from hoidap.retrieve import Passage
from index.embed import Embedder
from index.store import StoredChunk
from ingest.segment import sentence_spans


class LlamaIndexBaseline:
    """An in-memory VectorStoreIndex over the same corpus files."""

    name = "baseline"

    def __init__(self, files: list[Path], embedder: Embedder):
        from llama_index.core import SimpleDirectoryReader, VectorStoreIndex

        documents = SimpleDirectoryReader(input_files=[str(p) for p in files]).load_data(show_progress=False)
        self.index = VectorStoreIndex.from_documents(documents, embed_model=embedder.as_llama_index())

    def retrieve(self, question: str, k: int) -> list[Passage]:
        nodes = self.index.as_retriever(similarity_top_k=k).retrieve(question)
        passages = []
        for nws in nodes:
            node = nws.node
            text = node.get_content()
            name = node.metadata.get("file_name", "")
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
                doc=DocMeta(title=name),
                source=name,
            )
            passages.append(Passage(chunk, float(nws.score or 0.0), {"dense": len(passages) + 1}))
        return passages
