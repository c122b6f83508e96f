"""Office files: Word (.docx, legacy .doc), .rtf, OpenDocument .odt, and spreadsheets (.xlsx, .csv) read as
tables. A table row becomes one line, its cells joined by CELL_SEPARATOR, as a Markdown table's rows are.

Legacy .doc is read by antiword (it keeps a table's rows and cells), else by catdoc, else by LibreOffice
headless when installed; measured on a Word 97 decree with a table: antiword and catdoc take ~3 ms, LibreOffice
~1 s; catdoc loses the cell boundaries of tables (tabs), so antiword comes first.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from core.errors import DocumentLoadError, ToolMissingError
from core.models import CELL_SEPARATOR

DOC_INSTALL_HINT = "install antiword or catdoc (Debian: apt-get install antiword catdoc)"


def table_row(cells: list[str]) -> str:
    """One table row as a line: non-empty cells, inner whitespace collapsed."""
    return CELL_SEPARATOR.join(c for c in (re.sub(r"\s+", " ", cell).strip() for cell in cells) if c)


# ---------------------------------------------------------------- Word


def read_docx(data: bytes, path: Path) -> str:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentLoadError(path, f"corrupt or unreadable DOCX ({exc})") from exc
    except Exception as exc:  # python-docx raises PackageNotFoundError etc.
        raise DocumentLoadError(path, f"corrupt or unreadable DOCX ({type(exc).__name__}: {exc})") from exc
    blocks: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append("".join(node.text or "" for node in child.iter() if node.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = [
                        " ".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                        for cell in row if cell.tag.endswith("}tc")
                    ]
                    blocks.append(table_row(cells))
    return "\n".join(blocks)


_ANTIWORD_ROW = re.compile(r"^\|.*\|\s*$")


def read_doc(data: bytes, path: Path) -> str:
    """Legacy Word 97–2003 .doc."""
    tools = [t for t in ("antiword", "catdoc", "soffice") if shutil.which(t)]
    if not tools:
        raise ToolMissingError(path, f"a legacy Word .doc needs a converter; {DOC_INSTALL_HINT}")
    errors = []
    with tempfile.TemporaryDirectory(prefix="hoidap-doc-") as tmp:
        source = Path(tmp) / "in.doc"
        source.write_bytes(data)
        for tool in tools:
            try:
                text = _convert_doc(tool, source)
            except (OSError, subprocess.SubprocessError, UnicodeDecodeError) as exc:
                errors.append(f"{tool}: {exc}")
                continue
            if text.strip():
                return text
            errors.append(f"{tool}: no text")
    raise DocumentLoadError(path, "corrupt or unreadable .doc (" + "; ".join(errors) + ")")


def _convert_doc(tool: str, source: Path) -> str:
    if tool == "antiword":
        done = subprocess.run(["antiword", "-m", "UTF-8.txt", "-w", "0", str(source)], capture_output=True, timeout=120)
        if done.returncode != 0:
            raise subprocess.SubprocessError(done.stderr.decode("utf-8", "replace").strip()[:200])
        lines = done.stdout.decode("utf-8").split("\n")
        return "\n".join(
            table_row(line.strip().strip("|").split("|")) if _ANTIWORD_ROW.match(line) else line for line in lines
        )
    if tool == "catdoc":
        done = subprocess.run(["catdoc", "-d", "utf-8", "-w", str(source)], capture_output=True, timeout=120)
        if done.returncode != 0:
            raise subprocess.SubprocessError(done.stderr.decode("utf-8", "replace").strip()[:200])
        return "\n".join(table_row(line.split("\t")) if "\t" in line else line for line in done.stdout.decode("utf-8").split("\n"))
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(source.parent), str(source)],
        capture_output=True, timeout=300,
    )
    out = source.with_suffix(".txt")
    if done.returncode != 0 or not out.is_file():
        raise subprocess.SubprocessError(done.stderr.decode("utf-8", "replace").strip()[:200] or "no output")
    return out.read_text(encoding="utf-8-sig")


def read_rtf(data: bytes, path: Path) -> str:
    from striprtf.striprtf import rtf_to_text

    raw = data.decode("latin-1")
    if not raw.lstrip().startswith("{\\rtf"):
        raise DocumentLoadError(path, "not an RTF file (it does not start with {\\rtf)")
    codepage = re.search(r"\\ansicpg(\d+)", raw[:2000])
    try:
        text = rtf_to_text(raw, encoding=f"cp{codepage.group(1)}" if codepage else "cp1252", errors="replace")
    except Exception as exc:  # striprtf raises plain errors on malformed groups
        raise DocumentLoadError(path, f"corrupt or unreadable RTF ({type(exc).__name__}: {exc})") from exc
    return "\n".join(table_row(line.split("|")) if line.count("|") >= 2 else line for line in text.split("\n"))


# ---------------------------------------------------------------- OpenDocument

_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def _odf_text(element) -> str:
    """The text of a paragraph: spans, spaces (<text:s text:c="3"/>), tabs and line breaks included."""
    parts = [element.text or ""]
    for child in element:
        name = child.tag
        if name == f"{{{_ODF_TEXT}}}s":
            parts.append(" " * int(child.get(f"{{{_ODF_TEXT}}}c", "1")))
        elif name == f"{{{_ODF_TEXT}}}tab":
            parts.append("\t")
        elif name == f"{{{_ODF_TEXT}}}line-break":
            parts.append("\n")
        else:
            parts.append(_odf_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_odt(data: bytes, path: Path) -> str:
    import xml.etree.ElementTree as ET

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = ET.fromstring(archive.read("content.xml"))
    except (zipfile.BadZipFile, KeyError, ET.ParseError) as exc:
        raise DocumentLoadError(path, f"corrupt or unreadable ODT ({exc})") from exc
    blocks: list[str] = []

    def walk(element) -> None:
        for child in element:
            if child.tag == f"{{{_ODF_TABLE}}}table-row":
                cells = [
                    " ".join(_odf_text(p) for p in cell.iter(f"{{{_ODF_TEXT}}}p"))
                    for cell in child if cell.tag == f"{{{_ODF_TABLE}}}table-cell"
                ]
                blocks.append(table_row(cells))
            elif child.tag in (f"{{{_ODF_TEXT}}}p", f"{{{_ODF_TEXT}}}h"):
                blocks.append(_odf_text(child))
            else:
                walk(child)

    walk(root)
    return "\n".join(blocks)


# ---------------------------------------------------------------- spreadsheets


def read_xlsx(data: bytes, path: Path) -> str:
    """Each sheet: its name, then one line per non-empty row (the first row is the header)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DocumentLoadError(path, f"corrupt or unreadable XLSX ({exc})") from exc
    blocks: list[str] = []
    for sheet in book.worksheets:
        rows = [table_row([_cell_text(v) for v in row]) for row in sheet.iter_rows(values_only=True)]
        rows = [r for r in rows if r]
        if rows:
            blocks.append(sheet.title)
            blocks.extend(rows)
            blocks.append("")
    book.close()
    return "\n".join(blocks)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_csv(text: str, path: Path) -> str:
    """A CSV (comma, semicolon or tab separated): one line per row."""
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = [table_row(row) for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise DocumentLoadError(path, f"malformed CSV ({exc})") from exc
    return "\n".join(r for r in rows if r)
