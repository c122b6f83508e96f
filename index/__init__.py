"""Index: embeddings, the vector store, BM25, the chunk store, and the safe incremental reindex."""
