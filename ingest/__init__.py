"""Ingestion: load → normalize → metadata → structure → segment → chunk."""

# Bump when a change to these stages changes the chunks they produce: the next reindex then rebuilds.
INGEST_VERSION = "32"
