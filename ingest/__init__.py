"""Ingestion: load → normalize → metadata → structure → segment → chunk."""
