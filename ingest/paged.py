"""Paged files: PDF (text layer, or OCR for the pages that have none) and scanned images (.png, .jpg, .tif).

The pages are joined with a page mark (core.models.PAGE_MARK) before the first line of each page after
the first, so normalization can mend sentences across page breaks and still tell where each page starts.
"""

from __future__ import annotations

import io
import re
import threading
from pathlib import Path

from core.errors import DocumentLoadError
from core.models import CELL_SEPARATOR, PAGE_MARK
from ingest.ocr import OcrOptions, file_digest, read_pages, require_tesseract, tesseract_problem

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
MIN_PAGE_CHARS = 20  # a page whose text layer has fewer characters is taken for a scan


def join_pages(pages: list[str]) -> str:
    """Page texts → one text with a page mark in front of each page after the first; a blank line between
    pages, except inside a table that goes on over the page break."""
    out = pages[0] if pages else ""
    for text in pages[1:]:
        text = text.lstrip()
        in_table = CELL_SEPARATOR in out.rstrip().rsplit("\n", 1)[-1] and CELL_SEPARATOR in text.split("\n", 1)[0]
        out = out.rstrip() + ("\n" if in_table else "\n\n") + PAGE_MARK + text
    return out


def read_pdf(data: bytes, path: Path, ocr: OcrOptions) -> tuple[str, tuple[int, ...]]:
    """(text with page marks, 1-based numbers of the pages read by OCR)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data:
        raise DocumentLoadError(path, "the PDF file is empty (0 bytes)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise DocumentLoadError(path, "the PDF is encrypted with a password")
            except DocumentLoadError:
                raise
            except Exception as exc:  # pypdf raises various errors for unsupported encryption
                raise DocumentLoadError(path, f"the PDF is encrypted and cannot be opened ({exc})") from exc
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentLoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentLoadError(path, f"corrupt or unreadable PDF ({exc})") from exc
    if not pages:
        raise DocumentLoadError(path, "the PDF has no pages")
    scanned = [i for i, text in enumerate(pages) if len(text.strip()) < MIN_PAGE_CHARS]
    if len(scanned) == len(pages):
        require_tesseract(path, ocr, "the PDF has no text layer (a scan)")
    elif scanned and (not ocr.enabled or tesseract_problem(ocr.language)):
        scanned = []  # a mixed PDF without OCR here: its text pages are indexed, the scanned ones not
    if scanned:
        for index, text in read_pages(path, file_digest(data), _pdf_page_images(data, scanned, ocr.dpi), ocr).items():
            pages[index] = text
    if len(scanned) < len(pages):
        for index, text in _pages_with_tables(data, set(scanned)).items():
            pages[index] = text
    return join_pages(pages), tuple(i + 1 for i in scanned)


def _pages_with_tables(data: bytes, skip: set[int]) -> dict[int, str]:
    """Page index → its text with each ruled table as rows of cells ("5. | Xây dựng … | Bộ Nội vụ | … | 6/2025"),
    for the pages (of a text layer) that hold tables. A row cut by a page break (its first cell empty at the top
    of the next page) is joined to the row it continues."""
    import pdfplumber

    out: dict[int, list] = {}
    last_row: list[str] | None = None
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception:  # pdfminer fails on some files pypdf reads: keep pypdf's text
        return {}
    with pdf:
        for index, page in enumerate(pdf.pages):
            if index in skip:
                last_row = None
                continue
            # a ruled box of one row is no table, unless it goes on with the table of the page before
            tables = [t for t in page.find_tables() if len(t.columns) > 1 and (len(t.rows) > 1 or last_row is not None)]
            if not tables:
                last_row = None
                continue
            items: list[tuple[float, object]] = []
            for table in tables:
                rows = [[re.sub(r"\s+", " ", cell or "").strip() for cell in row] for row in table.extract()]
                if last_row is not None and rows and not rows[0][0] and len(rows[0]) == len(last_row):
                    for k, cell in enumerate(rows.pop(0)):  # the row goes on from the page before
                        last_row[k] = f"{last_row[k]} {cell}".strip()
                items.append((table.bbox[1], rows))
                last_row = rows[-1] if rows else last_row
            boxes = [t.bbox for t in tables]
            for line in page.extract_text_lines():
                middle = (line["top"] + line["bottom"]) / 2
                if not any(x0 <= line["x0"] <= x1 and top <= middle <= bottom for x0, top, x1, bottom in boxes):
                    items.append((line["top"], line["text"]))
            out[index] = sorted(items, key=lambda item: item[0])
    return {index: _render(items) for index, items in out.items()}


def _render(items: list[tuple[float, object]]) -> str:
    lines = []
    for _, item in items:
        if isinstance(item, str):
            lines.append(item)
        else:
            lines.extend(CELL_SEPARATOR.join(c for c in row if c) for row in item if any(row))
    return "\n".join(lines)


def _pdf_page_images(data: bytes, indexes: list[int], dpi: int) -> dict[int, object]:
    """Page index → a function rendering that page (pdfium renders one page at a time)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    lock = threading.Lock()

    def render(index: int):
        with lock:
            return document[index].render(scale=dpi / 72).to_pil()

    return {i: (lambda i=i: render(i)) for i in indexes}


def read_image(data: bytes, path: Path, ocr: OcrOptions) -> tuple[str, tuple[int, ...]]:
    """A scanned page (or a multi-page TIFF) → (text with page marks, every page number)."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    require_tesseract(path, ocr, "a scanned image needs OCR")
    try:
        image = Image.open(io.BytesIO(data))
        frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise DocumentLoadError(path, f"corrupt or unreadable image ({exc})") from exc
    texts = read_pages(path, file_digest(data), {i: (lambda f=f: f) for i, f in enumerate(frames)}, ocr)
    return join_pages([texts[i] for i in range(len(frames))]), tuple(range(1, len(frames) + 1))
