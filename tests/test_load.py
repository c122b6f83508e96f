"""Each supported format, read from a small real file written by the test, and the bad-input cases."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from core.errors import DocumentLoadError
from ingest.load import load_file
from ingest.pipeline import process_file

LAW = "Điều 1. Phạm vi điều chỉnh\nLuật này quy định việc thực hiện giao dịch bằng phương tiện điện tử.\n\nĐiều 2. Đối tượng áp dụng\nLuật này áp dụng đối với cơ quan, tổ chức, cá nhân."


def ingest(path: Path):
    result = process_file(path, path.name, 110, 1, 10**8)
    assert not result.error, result.error
    return result


def test_txt_and_md(tmp_path):
    txt = tmp_path / "a.txt"
    txt.write_text(LAW, encoding="utf-8")
    res = ingest(txt)
    assert [c.label for c in res.chunks] == ["Điều 1", "Điều 2"]
    md = tmp_path / "b.md"
    md.write_text("---\ntitle: Luật thử\ndate: 2024-01-02\n---\n**Điều 1\\. Phạm vi**\n\n*Luật* này quy định.\n\n**Điều 2\\. Khác**\n\nNội dung.", encoding="utf-8")
    res = ingest(md)
    doc = res.documents[0]
    assert doc.meta.title == "Luật thử" and doc.meta.date == "2024-01-02"
    assert doc.text.startswith("Điều 1. Phạm vi\n\nLuật này quy định.")


def test_html_drops_scripts_and_keeps_text(tmp_path):
    page = tmp_path / "c.html"
    page.write_text(
        "<html><head><title>x</title><script>alert('x')</script></head><body>"
        "<h1>Quyết định</h1><p>Số: 1489/QĐ-TTg</p><p>Điều 1. Phê duyệt<br>quy hoạch tỉnh.</p>"
        "<p>Điều 2. Hiệu lực</p><style>p{}</style></body></html>",
        encoding="utf-8",
    )
    res = ingest(page)
    doc = res.documents[0]
    assert "alert" not in doc.text and "p{}" not in doc.text
    assert doc.meta.number == "1489/QĐ-TTg" and doc.meta.doc_type == "Quyết định"
    assert any(c.label == "Điều 1" for c in res.chunks)


def _minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a real text layer (Helvetica, ASCII text)."""
    ops = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({ln}) Tj T*" for ln in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(ops)} >>\nstream\n{ops}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = "%PDF-1.4\n", []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


def test_pdf_text_layer(tmp_path):
    pdf = tmp_path / "d.pdf"
    pdf.write_bytes(_minimal_pdf(["Dieu 1. Pham vi dieu chinh", "Nghi dinh nay quy dinh ve ung dung", "cong nghe thong tin.", "Dieu 2. Doi tuong"]))
    raws = load_file(pdf)
    assert "Pham vi dieu chinh" in raws[0].text
    res = ingest(pdf)
    assert "quy dinh ve ung dung cong nghe thong tin." in res.documents[0].text  # broken line mended


def test_pdf_bad_cases(tmp_path):
    from pypdf import PdfWriter

    empty = tmp_path / "zero.pdf"
    empty.write_bytes(b"")
    with pytest.raises(DocumentLoadError, match="empty"):
        load_file(empty)
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.4\nthis is not a pdf")
    with pytest.raises(DocumentLoadError, match="corrupt|unreadable"):
        load_file(corrupt)
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("mật-khẩu")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as fh:
        writer.write(fh)
    with pytest.raises(DocumentLoadError, match="encrypted"):
        load_file(locked)
    blank = PdfWriter()
    blank.add_blank_page(200, 200)
    scanned = tmp_path / "scan.pdf"
    with open(scanned, "wb") as fh:
        blank.write(fh)
    from core.errors import ToolMissingError
    from ingest.ocr import OcrOptions

    with pytest.raises(ToolMissingError, match="no text layer.*OCR is switched off"):  # skipped, not failed
        load_file(scanned, ocr=OcrOptions(enabled=False))


def test_docx_paragraphs_and_tables(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("NGHỊ ĐỊNH")
    document.add_paragraph("Điều 1. Phạm vi điều chỉnh")
    document.add_paragraph("Nghị định này quy định về chuyển đổi số.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Chỉ tiêu"
    table.rows[0].cells[1].text = "80%"
    document.add_paragraph("Điều 2. Hiệu lực thi hành")
    path = tmp_path / "e.docx"
    document.save(path)
    res = ingest(path)
    assert "Chỉ tiêu | 80%" in res.documents[0].text
    assert [c.label for c in res.chunks if c.label] == ["Điều 1", "Điều 2"]
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(DocumentLoadError, match="DOCX"):
        load_file(broken)


def test_jsonl_collection_groups_articles(tmp_path):
    rows = [
        {"id": "1", "title": "Phạm vi", "source": "Điều 1 Luật số 67/2006/QH11 Công nghệ thông tin ngày 29/06/2006 của Quốc hội", "source_doc": "Luật số 67/2006/QH11", "text": "Luật này quy định về công nghệ thông tin."},
        {"id": "2", "title": "Đối tượng", "source": "Điều 2 Luật số 67/2006/QH11", "source_doc": "Luật số 67/2006/QH11", "text": "Luật này áp dụng đối với tổ chức."},
        {"id": "3", "title": "Phạm vi", "source": "Điều 1 Nghị định số 64/2007/NĐ-CP", "source_doc": "Nghị định số 64/2007/NĐ-CP", "text": "Nghị định này quy định."},
    ]
    path = tmp_path / "f.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    res = ingest(path)
    assert [d.meta.number for d in res.documents] == ["67/2006/QH11", "64/2007/NĐ-CP"]
    assert [d.source for d in res.documents] == ["f.jsonl#Luật số 67/2006/QH11", "f.jsonl#Nghị định số 64/2007/NĐ-CP"]
    assert [c.label for c in res.chunks if c.doc_id == res.documents[0].doc_id] == ["Điều 1", "Điều 2"]
    bad = tmp_path / "g.jsonl"
    bad.write_text('{"text": "ok"}\n{not json\n', encoding="utf-8")
    with pytest.raises(DocumentLoadError, match="line 2"):
        load_file(bad)


def test_jsonl_article_glued_by_an_export_joins_its_own_document(tmp_path):
    # a Pháp điển export glues articles of other documents to the end of a row, each under its code and title, then
    # its provenance line; they are read as articles of the document that line names, in Điều order
    glued = (
        "1. Nội dung triển khai gồm các biện pháp bảo vệ.Điều 1.11.NĐ.1.20. Xử lý dữ liệu cá nhân của trẻ em\n\n"
        "(Điều 20 Nghị định số 13/2023/NĐ-CP, có hiệu lực thi hành kể từ ngày 01/07/2023)\n\n"
        " 2. Việc xử lý dữ liệu cá nhân của trẻ em phải có sự đồng ý của trẻ em từ đủ 7 tuổi trở lên mà không báo"
        "Điều 1.11.NĐ.1.3. Nguyên tắc bảo vệ dữ liệu cá nhân\n\n(Điều 3 Nghị định số 13/2023/NĐ-CP, có hiệu lực)\n\n"
        " Dữ liệu cá nhân được xử lý theo quy định của pháp luật; xem thêm Điều 3.4.NĐ.5.5. Quyền, nghĩa vụ của tổ chức."
    )
    rows = [
        {"id": "1.11.LQ.23", "title": "Triển khai hoạt động bảo vệ an ninh mạng", "source": "Điều 23 Luật số 24/2018/QH14",
         "source_doc": "Luật số 24/2018/QH14", "text": glued},
        {"id": "1.11.NĐ.1.1", "title": "Phạm vi điều chỉnh", "source": "Điều 1 Nghị định số 13/2023/NĐ-CP",
         "source_doc": "Nghị định số 13/2023/NĐ-CP", "text": "Nghị định này quy định về bảo vệ dữ liệu cá nhân."},
    ]
    path = tmp_path / "pd.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    law, decree = ingest(path).documents
    assert law.meta.number == "24/2018/QH14" and "7 tuổi" not in law.text and "gồm các biện pháp bảo vệ." in law.text
    assert decree.meta.number == "13/2023/NĐ-CP"
    assert [line for line in decree.text.split("\n") if line.startswith("Điều")] == [
        "Điều 1. Phạm vi điều chỉnh", "Điều 3. Nguyên tắc bảo vệ dữ liệu cá nhân", "Điều 20. Xử lý dữ liệu cá nhân của trẻ em",
    ]
    assert "Điều 3.4.NĐ.5.5. Quyền, nghĩa vụ" in decree.text  # a cross-reference is no article


def _cp1258(text: str) -> bytes:
    """Windows-1258 bytes: base letters precomposed, tone marks as combining characters."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = [p for p in parts if p in "\u0300\u0301\u0303\u0309\u0323"]
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in tones))
        out.append(base + "".join(tones))
    return "".join(out).encode("cp1258")


def test_windows_1258_is_converted_and_unknown_encodings_rejected(tmp_path):
    legacy = tmp_path / "h.txt"
    legacy.write_bytes(_cp1258("Chuyển đổi số là động lực phát triển của tỉnh Bình Phước."))
    res = ingest(legacy)
    assert res.documents[0].text == "Chuyển đổi số là động lực phát triển của tỉnh Bình Phước."
    utf16 = tmp_path / "i.txt"
    utf16.write_bytes("Chuyển đổi số".encode("utf-16"))
    assert load_file(utf16)[0].text == "Chuyển đổi số"
    latin = tmp_path / "j.txt"
    latin.write_bytes("Résumé über naïve café".encode("latin-1"))
    with pytest.raises(DocumentLoadError, match="not UTF-8"):
        load_file(latin)


def test_other_bad_inputs(tmp_path):
    empty = tmp_path / "k.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(DocumentLoadError, match="empty"):
        load_file(empty)
    binary = tmp_path / "l.txt"
    binary.write_bytes(b"\x7fELF\x00\x00\x01binary")
    with pytest.raises(DocumentLoadError, match="binary"):
        load_file(binary)
    big = tmp_path / "m.txt"
    big.write_text("chuyển đổi số " * 1000, encoding="utf-8")
    with pytest.raises(DocumentLoadError, match="limit"):
        load_file(big, max_bytes=1000)
    with pytest.raises(DocumentLoadError, match="disappeared"):
        load_file(tmp_path / "gone.txt")
    with pytest.raises(DocumentLoadError, match="unsupported"):
        load_file(tmp_path / "n.pptx")
