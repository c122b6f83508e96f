"""One file through the ingest stages: load → normalize → metadata → structure/segment → chunk."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from core.access import group_names
from core.errors import AccessGroupError, DocumentLoadError, ToolMissingError
from core.models import Chunk, Document
from ingest.chunk import chunk_document
from ingest.legacy import garbled_share
from ingest.load import load_file
from ingest.metadata import parse_metadata
from ingest.normalize import fold_diacritics, to_display_text
from ingest.ocr import OcrOptions
from ingest.validity import statements


@dataclass
class FileResult:
    """What one corpus file yielded: its documents and chunks, or the reason it failed."""

    rel_path: str
    file_hash: str
    documents: list[Document] = field(default_factory=list)
    chunks: list[Chunk] = field(default_factory=list)
    error: str = ""
    skipped: bool = False  # the error is a program missing here (OCR, .doc converter): skipped, not failed


def slug(text: str) -> str:
    """A readable ASCII id: "Nghị định số 64/2007/NĐ-CP" → "nghi-dinh-so-64-2007-nd-cp"."""
    ascii_text = fold_diacritics(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "doc"


def doc_id_for(rel_path: str, key: str = "") -> str:
    """Stable document id derived from the file's path in the corpus (and the member key)."""
    base = slug(rel_path.rsplit(".", 1)[0])
    return f"{base}/{slug(key)}" if key else base


# More than this share of accented words that are no Vietnamese syllable: the file is not indexed (its text is
# mojibake no question can match). Unicode Vietnamese text stays under 5 %.
MAX_GARBLED_SHARE = 0.4

SIDECAR_SUFFIX = ".meta.json"
SIDECAR_FIELDS = ("title", "doc_type", "number", "issuer", "date", "access")


def sidecar_path(path: Path) -> Path:
    """Optional metadata beside a file: ``report.txt`` → ``report.meta.json``."""
    return path.with_name(path.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> dict:
    """Metadata an operator wrote for a file (title, doc_type, number, issuer, date); {} when none."""
    side = sidecar_path(path)
    if not side.is_file():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DocumentLoadError(side, f"invalid metadata file ({exc})") from exc
    if not isinstance(data, dict):
        raise DocumentLoadError(side, "the metadata file must hold a JSON object")
    return {k: ", ".join(data[k]) if isinstance(data[k], list) else str(data[k]) for k in SIDECAR_FIELDS if data.get(k)}


def declared_access(front_matter: str, sidecar: str | None, path: Path) -> tuple[str, ...]:
    """The access groups a file declares ("access: [van-phong, ke-toan]" in its front matter, or "access" in its
    metadata sidecar, which wins); () when it declares none. A bad group name fails the file."""
    value = sidecar if sidecar is not None else front_matter
    names = [n.strip().strip("'\"") for n in re.split(r"[,;]", value.strip().strip("[]"))]
    try:
        return group_names([n for n in names if n], "access in the front matter or metadata file")
    except AccessGroupError as exc:
        raise DocumentLoadError(path, str(exc)) from exc


def content_hash_of(path: Path) -> str:
    """Hash of a file and its metadata sidecar (either changing means the document changed)."""
    digest = hashlib.sha256(path.read_bytes())
    side = sidecar_path(path)
    if side.is_file():
        digest.update(b"\x00sidecar\x00" + side.read_bytes())
    return digest.hexdigest()


def process_file(
    path: Path, rel_path: str, max_words: int, overlap: int, max_bytes: int, ocr: OcrOptions | None = None
) -> FileResult:
    """Ingest one file. Errors are captured in the result so one broken file never stops the others."""
    try:
        digest = content_hash_of(path)
    except OSError:
        digest = ""
    result = FileResult(rel_path=rel_path, file_hash=digest)
    try:
        override = read_sidecar(path)
        raws = load_file(path, max_bytes=max_bytes, ocr=ocr)
        for raw in raws:
            text, found = to_display_text(raw.text, raw.fmt)
            if not text.strip():
                raise DocumentLoadError(path, "no text left after normalization")
            garbled = garbled_share(text)
            if garbled > MAX_GARBLED_SHARE:
                raise DocumentLoadError(
                    path,
                    f"the text is garbled: {garbled:.0%} of its accented words are not Vietnamese syllables (a font "
                    "encoding other than Unicode, TCVN3 or VNI?); convert it to Unicode",
                )
            given = {**found, **{k: v for k, v in raw.meta.items() if v}}
            fallback = raw.key or Path(rel_path).stem.replace("-", " ").replace("_", " ")
            meta = parse_metadata(text, given, fallback_title=fallback)
            for key, value in override.items():
                setattr(meta, key, value)
            meta.access = declared_access(given.get("access", ""), override.get("access"), path)
            source = f"{rel_path}#{raw.key}" if raw.key else rel_path
            doc = Document(
                doc_id=doc_id_for(rel_path, raw.key),
                source=source,
                text=text,
                meta=meta,
                content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                page_starts=found.get("page_starts", []),
                ocr_pages=raw.ocr_pages,
            )
            chunks = chunk_document(doc, max_words, overlap)
            doc.statements = statements(doc, chunks, found)
            result.documents.append(doc)
            result.chunks.extend(chunks)
    except DocumentLoadError as exc:
        result.documents, result.chunks, result.error = [], [], exc.reason
        result.skipped = isinstance(exc, ToolMissingError)
    except Exception as exc:  # a parser bug must not abort the whole reindex
        result.documents, result.chunks = [], []
        result.error = f"unexpected error while ingesting: {type(exc).__name__}: {exc}"
    return result
