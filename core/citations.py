"""How a place in a legal document is written in a citation."""

from __future__ import annotations


def place_in_document(label: str) -> str:
    """"Điều 22, khoản 1" → "khoản 1 Điều 22" (the order of a legal citation); other labels as they are."""
    parts = [p.strip() for p in label.split(",") if p.strip()]
    return " ".join(reversed(parts)) if parts and parts[0].startswith("Điều") else label
