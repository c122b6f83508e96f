"""Load: read one corpus file into raw texts (one per document), whatever its format."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import DocumentLoadError
from ingest import office
from ingest.legacy import garbled_share, repair_text
from ingest.ocr import OcrOptions
from ingest.paged import IMAGE_SUFFIXES, read_image, read_pdf

SUPPORTED_SUFFIXES = (
    ".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".doc", ".rtf", ".odt", ".xlsx", ".csv", ".jsonl",
) + IMAGE_SUFFIXES

# Letters only Vietnamese uses, and Latin letters it never uses: how a Windows-1258 decoding is judged.
_VIET_ONLY = re.compile(r"[ăđơưạảẹẻẽịỉọỏụủỵỷỹắằẳẵặấầẩẫậếềểễệốồổỗộớờởỡợứừửữự]", re.I)
_NOT_VIET = re.compile(r"[äëïöüÿçñßåæøîûœ]", re.I)


@dataclass
class RawText:
    """The text of one document as read from its file, before normalization."""

    key: str  # "" for a single-document file, else the member's key inside a collection
    text: str
    fmt: str  # "text", "markdown", "html", "pdf", "docx", "doc", "table", "image", "jsonl"
    meta: dict = field(default_factory=dict)  # metadata given by the file itself (front matter, JSONL fields)
    ocr_pages: tuple[int, ...] = ()  # 1-based numbers of the pages read by OCR (a scan)


def decode_text(data: bytes, path: Path) -> str:
    """Bytes → str. UTF-8 (with or without BOM) or UTF-16 with BOM; Windows-1258 is converted; TCVN3 and VNI
    bytes are returned as Latin-1 characters, which normalization converts.

    Anything else is rejected with a message saying what was found.
    """
    if not data.strip():
        raise DocumentLoadError(path, "the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise DocumentLoadError(path, "binary content (NUL bytes) in a text file; is the extension wrong?")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    legacy = data.decode("latin-1")  # TCVN3 / VNI bytes: converted to Unicode by normalization
    repaired, encoding = repair_text(legacy)
    if encoding and garbled_share(repaired, min_words=5) < 0.5:
        return legacy
    try:
        # cp1258 keeps tone marks as combining characters: NFC composes them.
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        text = ""
    if text and _VIET_ONLY.search(text) and not _NOT_VIET.search(text):
        return text
    raise DocumentLoadError(
        path,
        f"not UTF-8 text ({utf8_error.reason} at byte {utf8_error.start}), nor Windows-1258, TCVN3 or VNI Vietnamese; "
        "convert it to UTF-8 (e.g. `iconv -f <encoding> -t UTF-8`)",
    )


def _read_html(data: bytes, path: Path) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode_text(data, path), "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    text = soup.get_text("\n")
    return text


def _read_jsonl(data: bytes, path: Path) -> list[RawText]:
    """A collection: one JSON object per line. Lines sharing ``source_doc`` form one document."""
    text = decode_text(data, path)
    groups: dict[str, list[dict]] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DocumentLoadError(path, f"line {lineno} is not valid JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not str(row.get("text", "")).strip():
            raise DocumentLoadError(path, f"line {lineno} has no 'text' field")
        for row in _glued_articles(row):
            if not row.get("source_doc") and not row.get("source"):
                cited = _CITED_SOURCE.match(str(row["text"]).strip())
                if cited:  # "(Điều 1 Thông tư số 02/2011/TT-BTTTT ...)" opening the text
                    row = {**row, "source": cited.group(1), "source_doc": re.sub(r"\s+/", "/", cited.group(2))}
            key = str(row.get("source_doc") or row.get("id") or lineno)
            groups.setdefault(key, []).append(row)
    if not groups:
        raise DocumentLoadError(path, "the collection has no documents")
    return [_collection_member(key, _in_article_order(rows)) for key, rows in groups.items()]


# The types of the source documents a Pháp điển provenance line names ("(Điều 18 Nghị định số 13/2023/NĐ-CP, …)").
_SOURCE_TYPES = r"(?:Luật|Nghị định|Thông tư(?: liên tịch)?|Quyết định|Nghị quyết)"
# An article of the Pháp điển glued to the end of the previous one in an export ("… luật chuyên ngành.Điều 1.11.NĐ.1.18.
# Xử lý dữ liệu cá nhân …", sometimes after a sentence cut short), known by the provenance line on the line after its
# title ("(Điều 18 Nghị định số 13/2023/NĐ-CP, …)"; a mere cross-reference, "… liên quan đến Điều 3.4.NĐ.5.5. Quyền, …",
# goes on in its sentence): its Pháp điển code, its title, and the source document its provenance names.
_GLUED_ARTICLE = re.compile(rf"Điều (\d+\.\d+\.[A-ZĐ]+\.\d+\.\d+)\. ([^\n]+)\n\s*(?=\(Điều\s+\d+\s+{_SOURCE_TYPES})")


def _glued_articles(row: dict) -> list[dict]:
    """A Pháp điển row as the articles it holds: its own, then each article an export glued after it, with the source
    document its provenance line names (so that Điều 20 of Nghị định 13/2023 is not cited as part of the Luật An ninh
    mạng whose article it follows)."""
    text = str(row["text"])
    cuts = list(_GLUED_ARTICLE.finditer(text))
    if not cuts:
        return [row]
    rows = [{**row, "text": text[: cuts[0].start()].rstrip()}]
    for cut, following in zip(cuts, [*cuts[1:], None]):
        end = following.start() if following else len(text)
        body = text[cut.end() : end].strip()
        cited = _CITED_SOURCE.match(body)
        if cited is None:  # a provenance this reader does not know: the text stays with the article before it
            rows[-1] = {**rows[-1], "text": f"{rows[-1]['text']}\n{text[cut.start() : end].strip()}"}
            continue
        rows.append({
            "id": cut.group(1), "topic": row.get("topic", ""), "title": cut.group(2).strip(), "text": body,
            "source": cited.group(1), "source_doc": re.sub(r"\s+/", "/", cited.group(2)).rstrip(",;."),
        })
    return [r for r in rows if r["text"].strip()]


def _in_article_order(rows: list[dict]) -> list[dict]:
    """The articles of one source document in the order of their Điều numbers (those an export glued elsewhere
    rejoin their place); rows without a Điều number keep theirs, first."""
    def number(row: dict) -> int:
        ref = re.match(r"Điều\s+(\d+)", str(row.get("source") or ""))
        return int(ref.group(1)) if ref else -1
    return sorted(rows, key=number)


_CITED_SOURCE = re.compile(rf"^\((Điều\s+\d+\s+({_SOURCE_TYPES}\s+số\s*[\w\s]*?/\S+)[^)]*)\)")
_ARTICLE_REF = re.compile(r"^(Điều\s+\d+[a-zđ]?)\b")


def _collection_member(key: str, rows: list[dict]) -> RawText:
    """Render the articles of one source document as a legal text: "Điều N. Title" then the body."""
    parts: list[str] = []
    for row in rows:
        title = str(row.get("title") or "").strip()
        ref = _ARTICLE_REF.match(str(row.get("source") or ""))
        heading = f"{ref.group(1)}. {title}" if ref else title
        body = str(row["text"]).strip()
        source = str(row.get("source") or "").strip()
        if source and not body.startswith("("):  # the provenance line the Pháp điển prints with each article
            body = f"({source})\n{body}"
        parts.append(f"{heading}\n{body}" if heading else body)
    first = rows[0]
    meta = {
        "number_hint": key if len(rows) > 1 or first.get("source_doc") else "",
        "source_line": str(first.get("source") or ""),
        "title": "" if first.get("source_doc") else str(first.get("title") or ""),
    }
    return RawText(key=key, text="\n\n".join(parts), fmt="jsonl", meta=meta)


def read_error_reason(exc: OSError) -> str:
    """Why a file could not be read, in words an operator acts on."""
    if isinstance(exc, FileNotFoundError):
        return "the file disappeared before it could be read"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read ({exc.strerror or exc})"


def load_file(path: Path, max_bytes: int | None = None, ocr: OcrOptions | None = None) -> list[RawText]:
    """Read one file. Raises DocumentLoadError with a specific reason when it cannot be used (ToolMissingError
    when it needs a program that is not installed)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentLoadError(path, f"unsupported file type {suffix or '(none)'}")
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise DocumentLoadError(path, f"file is {size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentLoadError(path, read_error_reason(exc)) from exc

    ocr = ocr or OcrOptions()
    if suffix == ".jsonl":
        return _read_jsonl(data, path)
    if suffix == ".pdf":
        text, scanned = read_pdf(data, path, ocr)
        return [RawText("", text, "pdf", ocr_pages=scanned)]
    if not data.strip():
        raise DocumentLoadError(path, "the file is empty")
    if suffix in IMAGE_SUFFIXES:
        text, scanned = read_image(data, path, ocr)
        return [RawText("", text, "image", ocr_pages=scanned)]
    if suffix == ".docx":
        return [RawText("", office.read_docx(data, path), "docx")]
    if suffix == ".doc":
        return [RawText("", office.read_doc(data, path), "doc")]
    if suffix == ".rtf":
        return [RawText("", office.read_rtf(data, path), "doc")]
    if suffix == ".odt":
        return [RawText("", office.read_odt(data, path), "doc")]
    if suffix == ".xlsx":
        return [RawText("", office.read_xlsx(data, path), "table")]
    if suffix == ".csv":
        return [RawText("", office.read_csv(decode_text(data, path), path), "table")]
    if suffix in (".html", ".htm"):
        return [RawText("", _read_html(data, path), "html")]
    fmt = "markdown" if suffix in (".md", ".markdown") else "text"
    return [RawText("", decode_text(data, path), fmt)]
