"""The header parser on the real documents of the bundled corpus."""

import re
from pathlib import Path

import pytest

from ingest.load import load_file
from ingest.metadata import find_numbers, number_issuer, number_type, parse_metadata
from ingest.normalize import to_display_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def meta_of(rel: str):
    raw = load_file(CORPUS / rel)[0]
    text, given = to_display_text(raw.text, raw.fmt)
    return parse_metadata(text, {**given, **raw.meta})


@pytest.mark.parametrize(
    "rel, doc_type, number, issuer, date",
    [
        ("van-ban/luat-giao-dich-dien-tu-20-2023-QH15.md", "Luật", "20/2023/QH15", "Quốc hội", "2023-06-22"),
        ("van-ban/nghi-quyet-57-NQ-TW-2024.md", "Nghị quyết", "57-NQ/TW", "Bộ Chính trị", "2024-12-22"),
        ("van-ban/nghi-quyet-03-NQ-CP-2025-chuong-trinh-hanh-dong-NQ57.md", "Nghị quyết", "03/NQ-CP", "Chính phủ", "2025-01-09"),
        ("van-ban/ke-hoach-3260-KH-DDQH15-2025-thuc-hien-NQ57.md", "Kế hoạch", "3260-KH/ĐĐQH15", "Đảng đoàn Quốc hội", "2025-01-10"),
        ("van-ban/cong-van-402-CV-VPDU-2025-bao-cao-thuc-hien-NQ57.md", "Công văn", "402-CV/VPĐU", "Văn phòng Đảng ủy Chính phủ", "2025-05-25"),
        ("van-ban/nghi-dinh-224-2026-ND-CP-thi-hanh-luat-chuyen-doi-so.md", "Nghị định", "224/2026/NĐ-CP", "Chính phủ", "2026-06-24"),
        ("van-ban/nghi-dinh-174-2026-ND-CP-xu-phat-vphc-buu-chinh-vien-thong-gddt-cntt.md", "Nghị định", "174/2026/NĐ-CP", "Chính phủ", "2026-05-15"),
        ("tin-tuc/binh-phuoc-chuyen-doi-so-2023-04.txt", "Tin tức", "", "", "2023-04"),
        ("tin-tuc/nhandan-2025-01-20-phien-hop-thu-nhat-BCD-TW-KHCN-DMST-CDS.md", "Tin tức", "", "", "2025-01-20"),
    ],
)
def test_header_of_real_documents(rel, doc_type, number, issuer, date):
    meta = meta_of(rel)
    assert (meta.doc_type, meta.number, meta.issuer, meta.date) == (doc_type, number, issuer, date)
    assert meta.title


def test_titles():
    assert meta_of("van-ban/luat-giao-dich-dien-tu-20-2023-QH15.md").title == "Luật Giao dịch điện tử"
    assert meta_of("van-ban/nghi-quyet-57-NQ-TW-2024.md").title.startswith("Nghị quyết về đột phá phát triển")
    assert meta_of("tin-tuc/nhandan-2025-01-20-phien-hop-thu-nhat-BCD-TW-KHCN-DMST-CDS.md").title.startswith(
        "Phiên họp thứ nhất Ban Chỉ đạo Trung ương"
    )


def test_collection_members_carry_their_source_document():
    raws = load_file(CORPUS / "phap-dien/phapdien_cntt_articles.jsonl")
    assert len(raws) == 80  # two articles name their source only inside their text; it is found there
    law = next(r for r in raws if r.key == "Luật số 67/2006/QH11")
    text, given = to_display_text(law.text, law.fmt)
    meta = parse_metadata(text, {**given, **law.meta})
    assert (meta.doc_type, meta.number, meta.issuer, meta.date) == ("Luật", "67/2006/QH11", "Quốc hội", "2006-06-29")
    assert meta.title == "Luật Công nghệ thông tin"
    assert text.startswith("Điều 1. Phạm vi điều chỉnh")


@pytest.mark.parametrize(
    "number, doc_type, issuer",
    [("1489/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ"), ("20/2023/QH15", "Luật", "Quốc hội"),
     ("224/2026/NĐ-CP", "Nghị định", "Chính phủ"), ("57-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng")],
)
def test_number_implies_type_and_issuer(number, doc_type, issuer):
    assert number_type(number) == doc_type
    assert number_issuer(number) == issuer


def test_find_numbers_in_text():
    text = "theo Quyết định 1489/QĐ-TTg ngày 24/11/2023 và Quyết định 1259/QĐ-TTg; Nghị quyết số 57-NQ/TW"
    assert find_numbers(text) == ["1489/QĐ-TTg", "1259/QĐ-TTg", "57-NQ/TW"]


def test_issuers_are_canonical_agency_names():
    """Every bundled document (the Pháp điển members included): the issuer is a body's name as written — no
    date, no sentence, one spelling per body ("Bộ Công Thương" once, not "Bộ công thương ngày 06/06/2016 …")."""
    from core.lexicon import AGENCIES

    issuers: set[str] = set()
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix not in (".md", ".txt", ".jsonl") or path.name.startswith("README"):
            continue
        for raw in load_file(path):
            text, given = to_display_text(raw.text, raw.fmt)
            issuer = parse_metadata(text, {**given, **raw.meta}).issuer
            if issuer:
                issuers.add(issuer)
                assert not re.search(r"\d|\bngày\b|\bcủa\b|\bvề\b|Nghị định|Thông tư", issuer), (path, raw.key, issuer)
    assert len({i.lower() for i in issuers}) == len(issuers), sorted(issuers)
    assert {"Bộ Công Thương", "Bộ Tài nguyên và Môi trường", "Bộ Thông tin và Truyền thông", "Chính phủ"} <= issuers
    assert all(i in AGENCIES or not i.isupper() for i in issuers)
