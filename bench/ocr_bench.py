"""OCR benchmark: prints figures, never asserts. Run: make bench  (or .venv/bin/python bench/ocr_bench.py)

Pages of Nghị định 174/2026/NĐ-CP (bundled corpus) are rendered as a scanner would give them, under harder and
harder conditions, and read back by hoidap's OCR (ingest/ocr.py: Tesseract `vie`, colour removed, deskewed)
and, as the baseline it names, by plain Tesseract on the page as it is. For each: pages per minute and the
character error rate (Levenshtein distance / source characters, whitespace collapsed).
Writes bench/results/ocr.md.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.load import load_file  # noqa: E402
from ingest.normalize import to_display_text  # noqa: E402
from ingest.ocr import OcrOptions, _tesseract, clean_page, tesseract_problem  # noqa: E402
from tests.officefiles import FONT, paginate, render_pages  # noqa: E402

DECREE = ROOT / "corpus/van-ban/nghi-dinh-174-2026-ND-CP-xu-phat-vphc-buu-chinh-vien-thong-gddt-cntt.md"
CONDITIONS = {
    "clean, 300 dpi": dict(dpi=300),
    "red seal, 1.5° skew": dict(dpi=300, seal=True, skew=1.5),
    "red seal, 3° skew, speckle 0.2 %": dict(dpi=300, seal=True, skew=3.0, noise=0.002),
    "200 dpi, seal, 2° skew": dict(dpi=200, seal=True, skew=2.0),
}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=3, help="pages of the decree per condition")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/ocr.md")
    args = parser.parse_args()
    problem = tesseract_problem("vie") or ("" if FONT.is_file() else f"font {FONT} missing (fonts-dejavu-core)")
    if problem:
        print(f"OCR benchmark skipped: {problem}")
        return
    from rapidfuzz.distance import Levenshtein

    raw = load_file(DECREE)[0]
    text = to_display_text(raw.text, raw.fmt)[0]
    body = text[text.index("Điều 1.") :]
    rows = []
    for name, render in CONDITIONS.items():
        pages = render_pages(body, **render)[: args.pages]
        source = squeeze(" ".join(" ".join(lines) for lines in paginate(body, render["dpi"])[: args.pages]))
        for system, prepare in (("hoidap", clean_page), ("tesseract as is", lambda im: im.convert("L"))):
            options = OcrOptions(dpi=render["dpi"])
            started = time.perf_counter()
            out = " ".join(_tesseract(prepare(page), options) for page in pages)
            seconds = time.perf_counter() - started
            cer = Levenshtein.distance(squeeze(out), source) / len(source)
            rows.append((name, system, len(pages), len(pages) * 60 / seconds, cer))
            print(f"{name:<36} {system:<16} {len(pages)} pages  {len(pages) * 60 / seconds:6.1f} pages/min  CER {cer:6.2%}")
    lines = [
        "# OCR benchmark (`bench/ocr_bench.py`)",
        "",
        f"{args.pages} pages of Nghị định 174/2026/NĐ-CP per condition, rendered from the bundled text (DejaVu Serif 12 pt),",
        "read by hoidap's OCR (colour removed, deskewed, Tesseract `vie`) and by Tesseract on the page as it is.",
        "CER = Levenshtein distance / source characters, whitespace collapsed. One process per page, one thread.",
        "",
        "| condition | reader | pages | pages/min | CER |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| {c} | {s} | {n} | {ppm:.1f} | {cer:.2%} |" for c, s, n, ppm, cer in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
