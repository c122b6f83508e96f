"""Real-looking files made from corpus text, for the tests and the OCR benchmark: a scanned page (rendered,
stamped with a red seal, slightly skewed, saved as an image-only PDF), legacy TCVN3 / VNI bytes, a Word 97
.doc written by LibreOffice when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")  # Debian fonts-dejavu-core


def paginate(text: str, dpi: int = 300, font_pt: float = 12) -> list[list[str]]:
    """The lines of each A4 page the text fills (words wrapped to the page width, 0.9 inch margins)."""
    from PIL import ImageFont

    width, height, margin = int(8.27 * dpi), int(11.69 * dpi), int(0.9 * dpi)
    font = ImageFont.truetype(str(FONT), int(font_pt * dpi / 72))
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            trial = f"{current} {word}".strip()
            if font.getlength(trial) > width - 2 * margin and current:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
    per_page = (height - 2 * margin) // int(font.size * 1.45)
    return [lines[i : i + per_page] for i in range(0, len(lines), per_page)]


def render_pages(text: str, dpi: int = 300, font_pt: float = 12, skew: float = 0.0, seal: bool = False,
                 noise: float = 0.0):
    """Text → A4 page images (PIL), lines wrapped to the page width; optionally a red seal over the last
    lines, a rotation of ``skew`` degrees and salt-and-pepper noise (share of pixels)."""
    from PIL import Image, ImageChops, ImageDraw, ImageFont

    width, height = int(8.27 * dpi), int(11.69 * dpi)
    margin = int(0.9 * dpi)
    font = ImageFont.truetype(str(FONT), int(font_pt * dpi / 72))
    line_height = int(font.size * 1.45)
    pages = []
    for lines in paginate(text, dpi, font_pt):
        page = Image.new("RGB", (width, height), "white")
        draw = ImageDraw.Draw(page)
        for i, line in enumerate(lines):
            draw.text((margin, margin + i * line_height), line, font=font, fill=(20, 20, 20))
        if seal:  # red ink over the last lines: the text stays dark under it (multiplied, as ink is)
            used = len(lines)
            cx, cy, r = width - margin - int(1.1 * dpi), margin + used * line_height - int(0.6 * dpi), int(0.75 * dpi)
            stamp = Image.new("RGB", (width, height), "white")
            ink = ImageDraw.Draw(stamp)
            for k in range(3):
                ink.ellipse((cx - r + k * 20, cy - r + k * 20, cx + r - k * 20, cy + r - k * 20), outline=(210, 30, 35), width=10)
            ink.text((cx - int(0.55 * dpi), cy - 30), "ỦY BAN NHÂN DÂN", font=font, fill=(210, 30, 35))
            page = ImageChops.multiply(page, stamp)
        if skew:
            page = page.rotate(skew, expand=False, fillcolor="white", resample=Image.BICUBIC)
        if noise:
            import numpy as np

            pixels = np.asarray(page).copy()
            rng = np.random.default_rng(7)
            mask = rng.random(pixels.shape[:2]) < noise
            pixels[mask] = rng.choice([0, 255], size=(int(mask.sum()), 1))
            page = Image.fromarray(pixels)
        pages.append(page)
    return pages


def write_scanned_pdf(text: str, path: Path, **render) -> int:
    """An image-only PDF of the text (no text layer, as a scanner writes); returns the number of pages."""
    pages = render_pages(text, **render)
    pages[0].save(path, "PDF", resolution=render.get("dpi", 300), save_all=True, append_images=pages[1:])
    return len(pages)


def _legacy_table(kind: str) -> dict[str, str]:
    from ingest.legacy import _TCVN3_MAP, _VNI_MAP

    table = _TCVN3_MAP if kind == "tcvn3" else _VNI_MAP
    reverse: dict[str, str] = {}
    for code, letter in table.items():
        if code != "\u2212":
            reverse.setdefault(letter, code)
    return reverse


def encode_legacy(text: str, kind: str) -> bytes:
    """Unicode Vietnamese → the bytes a TCVN3 ("tcvn3") or VNI ("vni") font file holds. TCVN3 has no codes for
    most toned capitals: they are written with the lower-case code, as the ABC capital fonts do."""
    reverse = _legacy_table(kind)
    out = []
    for ch in unicodedata.normalize("NFC", text):
        code = reverse.get(ch) or reverse.get(ch.lower())
        out.append(code if code is not None else ch)
    return "".join(out).encode("latin-1")


def write_doc(html: str, path: Path) -> bool:
    """A Word 97 .doc of the HTML, written by LibreOffice; False when LibreOffice is not installed."""
    soffice = shutil.which("soffice")
    if not soffice:
        return False
    source = path.with_suffix(".html")
    source.write_text(html, encoding="utf-8")
    subprocess.run([soffice, "--headless", "--convert-to", "doc:MS Word 97", "--outdir", str(path.parent), str(source)],
                   capture_output=True, timeout=180, check=True)
    source.unlink()
    return path.is_file()
