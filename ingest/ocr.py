"""OCR: the text of scanned pages, read by Tesseract with its Vietnamese model.

Each page image is cleaned first: coloured ink (the red seal, a blue signature) is whitened so it is not
read as letters, and the page is turned upright (projection-profile deskew). Tesseract is called as a
program (`tesseract - - -l vie`), one process per page, two pages at a time; results are cached per file
hash, language and resolution, so a reindex never reads the same scan twice.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.errors import DocumentLoadError, ToolMissingError

INSTALL_HINT = "install Tesseract with its Vietnamese model (Debian: apt-get install tesseract-ocr tesseract-ocr-vie)"


@dataclass(frozen=True)
class OcrOptions:
    """How scanned pages are read (from the settings)."""

    enabled: bool = True
    language: str = "vie"
    dpi: int = 300
    cache_dir: Path | None = None
    timeout_s: int = 180  # per page


@lru_cache(maxsize=4)
def tesseract_problem(language: str) -> str:
    """Why Tesseract cannot read this language here ("" when it can)."""
    exe = shutil.which("tesseract")
    if not exe:
        return f"Tesseract OCR is not installed; {INSTALL_HINT}"
    try:
        listed = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"Tesseract cannot be run ({exc}); {INSTALL_HINT}"
    languages = set(listed.stdout.split()) | set(listed.stderr.split())
    missing = [lang for lang in language.split("+") if lang not in languages]
    if missing:
        return f"Tesseract has no model for {', '.join(missing)}; {INSTALL_HINT}"
    return ""


def require_tesseract(path: Path, options: OcrOptions, what: str) -> None:
    """Raise ToolMissingError (the file is skipped) when the scan cannot be read here."""
    if not options.enabled:
        raise ToolMissingError(path, f"{what}; OCR is switched off (HOIDAP_OCR=false)")
    problem = tesseract_problem(options.language)
    if problem:
        raise ToolMissingError(path, f"{what}; {problem}")


# ---------------------------------------------------------------- image clean-up


def without_colour(image):
    """RGB page → grayscale in which coloured ink (the red seal, a blue signature) is light and black text
    stays dark, also where the seal covers it: each pixel takes its brightest channel (red ink is bright in
    red, blue ink in blue; black and gray are dark in all three)."""
    import numpy as np
    from PIL import Image

    rgb = np.asarray(image.convert("RGB"))
    return Image.fromarray(rgb.max(axis=2), mode="L")


def skew_angle(gray, max_degrees: float = 5.0) -> float:
    """Rotation (degrees, counter-clockwise) that makes the text lines horizontal: the angle whose
    row-sum profile of ink is sharpest, searched on a reduced copy of the page."""
    import numpy as np

    small = gray.copy()
    small.thumbnail((900, 900))
    ink = small.point(lambda v: 255 if v < 128 else 0)

    def sharpness(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle, fillcolor=0), dtype=np.float32).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    coarse = [a / 2 for a in range(int(-2 * max_degrees), int(2 * max_degrees) + 1)]
    best = max(coarse, key=sharpness)
    fine = [best + a / 10 for a in range(-5, 6)]
    return max(fine, key=sharpness)


def clean_page(image):
    """A page image ready for Tesseract: colour removed, deskewed."""
    gray = without_colour(image)
    angle = skew_angle(gray)
    if abs(angle) >= 0.2:
        gray = gray.rotate(angle, expand=True, fillcolor=255)
    return gray


# ---------------------------------------------------------------- reading


def _tesseract(image, options: OcrOptions) -> str:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run(
        ["tesseract", "-", "-", "-l", options.language, "--dpi", str(options.dpi), "--psm", "3"],
        input=buffer.getvalue(), capture_output=True, timeout=options.timeout_s, env=env,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode("utf-8", "replace").strip()[-300:] or f"exit {done.returncode}")
    return done.stdout.decode("utf-8", "replace")


def _cache_file(digest: str, options: OcrOptions) -> Path | None:
    if options.cache_dir is None:
        return None
    return options.cache_dir / f"{digest}-{options.language}-{options.dpi}.json"


def read_pages(path: Path, digest: str, pages: dict[int, object], options: OcrOptions) -> dict[int, str]:
    """Text of each page image (page index → text), from the cache when this file was read before.

    ``pages`` maps page index → a callable returning the PIL image (rendered only when needed)."""
    cache = _cache_file(digest, options)
    cached: dict[int, str] = {}
    if cache is not None and cache.is_file():
        try:
            cached = {int(k): v for k, v in json.loads(cache.read_text(encoding="utf-8")).items()}
        except (OSError, ValueError):
            cached = {}
    todo = [i for i in pages if i not in cached]

    def one(index: int) -> tuple[int, str]:
        return index, _tesseract(clean_page(pages[index]()), options)

    if todo:
        try:
            with ThreadPoolExecutor(max_workers=2) as pool:
                cached.update(pool.map(one, todo))
        except subprocess.TimeoutExpired as exc:
            raise DocumentLoadError(path, f"OCR of a page took longer than {options.timeout_s} s") from exc
        except (RuntimeError, OSError) as exc:
            raise DocumentLoadError(path, f"OCR failed ({exc})") from exc
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(".tmp")
            tmp.write_text(json.dumps({str(k): v for k, v in sorted(cached.items())}, ensure_ascii=False), encoding="utf-8")
            tmp.replace(cache)
    return {i: cached[i] for i in pages}


def file_digest(data: bytes) -> str:
    """The cache key of a scanned file's bytes."""
    return hashlib.sha256(data).hexdigest()
