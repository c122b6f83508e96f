"""The files officials really have: scanned decrees (Vietnamese OCR), legacy Word .doc, .rtf/.odt, spreadsheets,
TCVN3/VNI text, appendix tables — each made from real corpus text, read by the real tools."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from core.errors import ToolMissingError
from ingest.legacy import garbled_share, is_vietnamese_syllable
from ingest.load import load_file
from ingest.normalize import to_display_text
from ingest.ocr import OcrOptions, tesseract_problem
from tests.officefiles import FONT, encode_legacy, write_scanned_pdf

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests/data"
DECREE = ROOT / "corpus/van-ban/nghi-dinh-174-2026-ND-CP-xu-phat-vphc-buu-chinh-vien-thong-gddt-cntt.md"
LAW = ROOT / "corpus/van-ban/luat-giao-dich-dien-tu-20-2023-QH15.md"
PLAN = ROOT / "corpus/van-ban/ke-hoach-3260-KH-DDQH15-2025-thuc-hien-NQ57.md"
PROGRAMME = ROOT / "corpus/van-ban/nghi-quyet-03-NQ-CP-2025-chuong-trinh-hanh-dong-NQ57.md"

no_ocr = tesseract_problem("vie") or ("" if FONT.is_file() else f"the font {FONT} (fonts-dejavu-core) is missing")
needs_ocr = pytest.mark.skipif(bool(no_ocr), reason=f"OCR test skipped: {no_ocr}")
needs_doc_reader = pytest.mark.skipif(
    not (shutil.which("antiword") or shutil.which("catdoc")), reason="no .doc reader: apt-get install antiword catdoc"
)


def display(path: Path, **kw) -> str:
    raw = load_file(path, **kw)[0]
    return to_display_text(raw.text, raw.fmt)[0]


def excerpt(path: Path, start: str, stop: str) -> str:
    text = display(path)
    return text[text.index(start) : text.index(stop)].strip()


def decree_pages_text() -> str:
    """The header and Điều 1–2 of Nghị định 174/2026/NĐ-CP (two printed pages)."""
    text = display(DECREE)
    return text[: text.index("Căn cứ")].strip() + "\n" + excerpt(DECREE, "Chương I", "Điều 3.")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------- legacy encodings


@pytest.mark.parametrize("kind", ["tcvn3", "vni"])
def test_legacy_font_text_is_read_as_unicode(tmp_path, kind):
    original = excerpt(LAW, "Điều 1.", "Điều 4.")
    path = tmp_path / f"luat-{kind}.txt"
    path.write_bytes(encode_legacy(original, kind))
    raw = load_file(path)[0]
    text, meta = to_display_text(raw.text, raw.fmt)
    assert meta["legacy_encoding"] == kind
    # TCVN3 has no codes for toned capitals: "Ủy" is typed with the small letter's code (".VnTime"), so
    # only the case of such letters may differ
    assert (text.lower() if kind == "tcvn3" else text) == (original.lower() if kind == "tcvn3" else original)


def test_legacy_font_inside_a_word_file_is_converted(tmp_path):
    import docx

    original = excerpt(LAW, "Điều 2.", "Điều 3.")
    document = docx.Document()
    document.add_paragraph("Luật Giao dịch điện tử")  # a Unicode paragraph beside the .VnTime ones stays as it is
    for line in original.split("\n"):
        document.add_paragraph(encode_legacy(line, "tcvn3").decode("latin-1"))
    document.save(tmp_path / "mixed.docx")
    text = display(tmp_path / "mixed.docx")
    assert text.split("\n")[0] == "Luật Giao dịch điện tử"
    assert "Luật này áp dụng đối với cơ quan, tổ chức, cá nhân trực tiếp tham gia giao dịch điện tử" in text


def test_unicode_documents_are_never_converted():
    for path in sorted((ROOT / "corpus").rglob("*")):
        if path.suffix not in (".md", ".txt", ".jsonl") or path.name.startswith("README"):
            continue
        for raw in load_file(path):
            text, meta = to_display_text(raw.text, raw.fmt)
            assert "legacy_encoding" not in meta, path
            assert garbled_share(text) < 0.1, path


def test_text_still_garbled_after_conversion_is_reported_not_indexed(tmp_path):
    from ingest.pipeline import process_file

    mojibake = excerpt(LAW, "Điều 1.", "Điều 4.").encode("utf-8").decode("latin-1")  # UTF-8 read as Latin-1, saved
    (tmp_path / "hong.txt").write_text(mojibake, encoding="utf-8")
    result = process_file(tmp_path / "hong.txt", "hong.txt", 110, 1, 10**7)
    assert not result.chunks and not result.skipped
    assert "garbled" in result.error and "Vietnamese syllables" in result.error


def test_vietnamese_syllables():
    for word in ("chuyển", "Nghị", "quốc", "người", "khuyến", "gì", "nghiêng", "ĐIỀU"):
        assert is_vietnamese_syllable(word), word
    for word in ("Ch¬ng", "Ñieàu", "Ä‘iá»u", "tháng̀"):
        assert not is_vietnamese_syllable(word), word


# ---------------------------------------------------------------- office formats


@needs_doc_reader
def test_legacy_word_doc(tmp_path):
    """A Word 97 .doc written by LibreOffice from the law's text (tests/data; see tests/officefiles.write_doc)."""
    text = display(DATA / "luat-gddt-dieu-1-3.doc")
    assert squeeze(excerpt(LAW, "Điều 1.", "Điều 3.")) in squeeze(text)
    assert "Luật số: 20/2023/QH15 | Hà Nội, ngày 22 tháng 6 năm 2023" in text  # the header table's cells


def test_doc_without_a_reader_is_skipped_with_the_package_named(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ToolMissingError, match="apt-get install antiword"):
        load_file(DATA / "luat-gddt-dieu-1-3.doc")


def test_rtf_odt_xlsx_csv(tmp_path):
    import openpyxl

    rtf = r"{\rtf1\ansi\ansicpg1252 {\fonttbl{\f0 Times;}}\f0 \u272?i\u7873?u 1. Ph\u7841?m vi \u273?i\u7873?u ch\u7881?nh\par }"
    (tmp_path / "a.rtf").write_text(rtf, encoding="ascii")
    assert display(tmp_path / "a.rtf") == "Điều 1. Phạm vi điều chỉnh"

    text_ns, table_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        f'xmlns:text="{text_ns}" xmlns:table="{table_ns}"><office:body><office:text>'
        "<text:h>Điều 2. Đối tượng<text:s/>áp dụng</text:h><text:p>Luật này áp dụng đối với cơ quan, tổ chức.</text:p>"
        "<table:table><table:table-row><table:table-cell><text:p>TT</text:p></table:table-cell><table:table-cell><text:p>Nhiệm vụ</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:table-cell><text:p>1</text:p></table:table-cell><table:table-cell><text:p>Số hóa hồ sơ</text:p></table:table-cell></table:table-row></table:table>"
        "</office:text></office:body></office:document-content>"
    )
    with zipfile.ZipFile(tmp_path / "b.odt", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    assert display(tmp_path / "b.odt") == "Điều 2. Đối tượng áp dụng\nLuật này áp dụng đối với cơ quan, tổ chức.\nTT | Nhiệm vụ\n1 | Số hóa hồ sơ"

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    for row in (("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"), (1, "Số hóa hồ sơ hộ tịch", "Sở Tư pháp", None)):
        sheet.append(row)
    book.save(tmp_path / "c.xlsx")
    assert display(tmp_path / "c.xlsx") == "Phụ lục\nTT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn\n1 | Số hóa hồ sơ hộ tịch | Sở Tư pháp"

    (tmp_path / "d.csv").write_text("TT;Nhiệm vụ;Thời hạn\n1;Số hóa hồ sơ;Quý II/2026\n", encoding="utf-8")
    assert display(tmp_path / "d.csv") == "TT | Nhiệm vụ | Thời hạn\n1 | Số hóa hồ sơ | Quý II/2026"


# ---------------------------------------------------------------- scans


@needs_ocr
def test_ocr_of_a_clean_scan_is_within_three_percent_and_cached(tmp_path, monkeypatch):
    from rapidfuzz.distance import Levenshtein

    import ingest.ocr

    source = excerpt(DECREE, "Điều 1.", "Điều 2.")
    write_scanned_pdf(source, tmp_path / "scan.pdf")
    options = OcrOptions(cache_dir=tmp_path / "cache")
    raws = load_file(tmp_path / "scan.pdf", ocr=options)
    assert raws[0].ocr_pages == (1,)
    text = to_display_text(raws[0].text, raws[0].fmt)[0]
    cer = Levenshtein.distance(squeeze(text), squeeze(source)) / len(squeeze(source))
    assert cer <= 0.03, f"character error rate {cer:.3f}"
    assert len(list((tmp_path / "cache").iterdir())) == 1

    def no_tesseract(*args):
        raise AssertionError("OCR ran again for a file already read")

    monkeypatch.setattr(ingest.ocr, "_tesseract", no_tesseract)
    assert load_file(tmp_path / "scan.pdf", ocr=options)[0].text == raws[0].text


def test_scan_without_ocr_is_skipped_with_the_package_named(tmp_path, monkeypatch, small_corpus):
    from PIL import Image

    import ingest.ocr
    from index.build import reindex

    settings, corpus, embedder = small_corpus
    Image.new("RGB", (200, 200), "white").save(corpus / "quet.pdf")
    Image.new("RGB", (200, 200), "white").save(corpus / "quet.png")
    monkeypatch.setattr(ingest.ocr, "tesseract_problem", lambda language: "Tesseract OCR is not installed; "
                        + ingest.ocr.INSTALL_HINT)
    report = reindex(settings.model_copy(update={"workers": 1}), embedder)
    skipped = dict(report.skipped)
    assert "tesseract-ocr-vie" in skipped["quet.pdf"] and "no text layer" in skipped["quet.pdf"]
    assert "tesseract-ocr-vie" in skipped["quet.png"]
    assert not report.failed and len(report.added) == 3


# ---------------------------------------------------------------- one folder of everything


def _appendix_plan(path: Path) -> None:
    """A plan in Word whose appendix table holds the first task rows of Nghị quyết 03/NQ-CP's Phụ lục II."""
    import docx

    lines = [ln for ln in display(PROGRAMME).split("\n")]
    start = lines.index("PHỤ LỤC II")
    header = next(i for i in range(start, len(lines)) if lines[i].startswith("TT | "))
    rows = [ln.split(" | ") for ln in lines[header : header + 9] if " | " in ln]
    document = docx.Document()
    for line in lines[:8] + lines[start:header]:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"  # ruled, as appendix tables are
    for r, cells in enumerate(rows):
        for c, cell in enumerate(cells[: len(rows[0])]):
            table.cell(r, c).text = cell
    document.save(path)


def test_a_folder_of_real_world_files_indexes_in_one_reindex_and_answers(tmp_path, embedder):
    """Done when of the files issue: a scanned decree, a .doc, a TCVN3 text and a plan with an appendix table,
    one `reindex`, a cited answer on each; the scan answers as its original does."""
    from core.settings import Settings
    from hoidap.service import HoidapService

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    if not no_ocr:
        write_scanned_pdf(decree_pages_text(), corpus / "nd-174-ban-quet.pdf", skew=1.0, seal=True)
    if shutil.which("antiword") or shutil.which("catdoc"):
        shutil.copy(DATA / "luat-gddt-dieu-1-3.doc", corpus / "luat-gddt.doc")
    plan = display(PLAN)
    (corpus / "ke-hoach-3260-tcvn3.txt").write_bytes(encode_legacy(plan[: plan.index("II. PHÂN CÔNG")], "tcvn3"))
    _appendix_plan(corpus / "chuong-trinh-phu-luc.docx")

    service = HoidapService(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"))
    service.embedder = embedder
    report = service.reindex()
    assert not report.failed and not report.skipped, (report.failed, report.skipped)

    def ask(question: str, source: str):
        answer = service.ask(question)
        assert not answer.refused, question
        assert answer.citations[0].passage.chunk.source == source, (question, answer.text)
        return answer

    answer = ask("Khi Đảng đoàn Quốc hội kết thúc hoạt động thì cơ quan nào tiếp tục thực hiện Kế hoạch 3260?",
                 "ke-hoach-3260-tcvn3.txt")
    assert "Đảng ủy Quốc hội" in answer.text
    answer = ask("Bộ nào chủ trì xây dựng Đề án đánh giá mức độ hoàn thành nhiệm vụ chuyển đổi số của cơ quan nhà "
                 "nước, thời gian hoàn thành khi nào?", "chuong-trinh-phu-luc.docx")
    assert "Cơ quan chủ trì: Bộ Nội vụ" in answer.text and "Thời gian hoàn thành: 6/2025" in answer.text
    if (corpus / "luat-gddt.doc").exists():
        answer = ask("Luật Giao dịch điện tử áp dụng đối với những đối tượng nào?", "luat-gddt.doc")
        assert "cơ quan, tổ chức, cá nhân trực tiếp tham gia giao dịch điện tử" in answer.text
    if no_ocr:
        pytest.skip(f"the scanned decree was not tested: {no_ocr}")

    question = "Nghị định 174/2026/NĐ-CP quy định xử phạt vi phạm hành chính trong những lĩnh vực nào?"
    scanned = ask(question, "nd-174-ban-quet.pdf").citations[0]
    chunk = scanned.passage.chunk
    assert chunk.ocr and chunk.page >= 1 and "văn bản quét, nhận dạng tự động" in chunk.citation_label()
    assert scanned.to_dict()["page"] == chunk.page and scanned.to_dict()["ocr"] is True

    original = tmp_path / "original"  # the same folder with the decree's text instead of its scan
    shutil.copytree(corpus, original, ignore=shutil.ignore_patterns("*.pdf"))
    (original / "nd-174.md").write_text(decree_pages_text(), encoding="utf-8")
    twin = HoidapService(Settings(corpus_dir=original, index_dir=tmp_path / "index-original"))
    twin.embedder = embedder
    twin.reindex()
    assert twin.ask(question).citations[0].passage.chunk.label == chunk.label


def test_pdf_table_rows_keep_their_cells_across_page_breaks():
    """A ruled appendix table in a PDF (tests/data: the plan of _appendix_plan printed to PDF by LibreOffice):
    one line per row, cells kept apart, a row cut by a page break joined, the header carried to later pages."""
    from core.models import DocMeta, Document
    from ingest.chunk import chunk_document

    raw = load_file(DATA / "nq-03-phu-luc-ii.pdf")[0]
    text, meta = to_display_text(raw.text, raw.fmt)
    assert len(meta["page_starts"]) == 5
    lines = text.split("\n")
    assert "TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành" in lines
    assert ("5. | Xây dựng, ban hành Đề án đánh giá mức độ hoàn thành nhiệm vụ chuyển đổi số của cơ quan nhà nước, người "
            "đứng đầu và cán bộ, công chức, viên chức trong cơ quan nhà nước. | Bộ Nội vụ | Các bộ, ngành, địa phương | "
            "Đề án | 6/2025") in lines
    assert ("7. | Xây dựng kế hoạch triển khai Chương trình hành động của Chính phủ. | Các bộ, ngành, địa phương | Kế "
            "hoạch của các bộ, ngành, địa phương | 01/2025") in lines  # begun on page 4, ended on page 5
    chunks = chunk_document(Document("d", "d.pdf", text, DocMeta()), 60, 0)
    late = [c for c in chunks if c.text.startswith("5. |")]
    assert late and late[0].heading.endswith("TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành")
