"""Paged files: PDF (text layer, or OCR for the pages that have none) and scanned images (.png, .jpg, .tif).

The pages are joined with a page mark (core.models.PAGE_MARK) before the first line of each page after
the first, so normalization can mend sentences across page breaks and still tell where each page starts.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

from core.errors import DocumentLoadError
from core.models import PAGE_MARK
from ingest.ocr import OcrOptions, file_digest, read_pages, require_tesseract, tesseract_problem

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
MIN_PAGE_CHARS = 20  # a page whose text layer has fewer characters is taken for a scan


def join_pages(pages: list[str]) -> str:
    """Page texts → one text with a page mark in front of each page after the first."""
    return "\n\n".join(text if i == 0 else PAGE_MARK + text.lstrip() for i, text in enumerate(pages))


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
    return join_pages(pages), tuple(i + 1 for i in scanned)


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
