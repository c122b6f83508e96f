from ingest.normalize import (
    canonical_tone,
    clean_whitespace,
    fold_diacritics,
    has_diacritics,
    mend_broken_lines,
    nfc,
    strip_markdown,
    take_news_date,
    to_display_text,
)


def test_nfc_composes_combining_marks():
    decomposed = "chuye\u0302\u0309n đo\u0302\u0309i so\u0302\u0301"
    assert nfc(decomposed) == "chuyển đổi số"


def test_tone_placement_conventions_match():
    assert canonical_tone("hoà") == canonical_tone("hòa")
    assert canonical_tone("thuỷ lợi") == canonical_tone("thủy lợi")
    assert canonical_tone("Khoẻ") == canonical_tone("Khỏe")
    assert canonical_tone("người") == "người"  # a tone on a quality vowel is never moved


def test_fold_and_detect_diacritics():
    assert fold_diacritics("Chuyển đổi số Đà Nẵng") == "Chuyen doi so Da Nang"
    assert has_diacritics("chuyển đổi số")
    assert not has_diacritics("chuyen doi so")


def test_markdown_is_stripped_but_words_are_kept():
    md = "**Điều 1. Phạm vi điều chỉnh**\n\n|**QUỐC HỘI** \\\n **\\-\\-\\-**|*Hà Nội*|\n|:---:|:---:|\nSố 57\\-NQ/TW [link](http://x)"
    text = strip_markdown(md)
    assert "Điều 1. Phạm vi điều chỉnh" in text
    assert "QUỐC HỘI" in text and "Hà Nội" in text
    assert "57-NQ/TW" in text and "link" in text
    assert "*" not in text and "\\" not in text and ":---" not in text and "http" not in text


def test_pdf_line_breaks_and_page_numbers_are_mended():
    text = "Căn cứ Luật Xử lý vi phạm hành chính được sửa\nđổi, bổ sung năm 2020;\n\n12\n\nĐiều 1. Phạm vi"
    mended = mend_broken_lines(text)
    assert "được sửa đổi, bổ sung năm 2020;" in mended
    assert "\n12\n" not in mended
    assert "Điều 1. Phạm vi" in mended


def test_ocr_line_breaks_inside_a_clause_are_mended():
    """NĐ 174/2026 Điều 117 as its scan was read: a line after a comma goes on with a number, a stray period
    before a lower-case line, a document named by số hiệu going on after a line without punctuation."""
    text = (
        "2. Bãi bỏ Chương II, Chương IV, các Điều 75, 77, 93a, 93b,\n96 và các điều từ Điều 98 đến Điều 106 Chương VIII\n"
        "Nghị định số 15/2020/NĐ-CP ngày 03 tháng 02 năm 2020 của Chính phủ quy\nđịnh xử phạt trong lĩnh vực tần số.\n"
        "vô tuyến điện.\n3. Khoản khác.\nĐiều 118. Trách nhiệm thi hành\nCác Bộ trưởng"
    )
    mended = mend_broken_lines(text)
    assert mended.split("\n")[0] == (
        "2. Bãi bỏ Chương II, Chương IV, các Điều 75, 77, 93a, 93b, 96 và các điều từ Điều 98 đến Điều 106 Chương VIII "
        "Nghị định số 15/2020/NĐ-CP ngày 03 tháng 02 năm 2020 của Chính phủ quy định xử phạt trong lĩnh vực tần số. "
        "vô tuyến điện."
    )
    assert mended.split("\n")[1:] == ["3. Khoản khác.", "Điều 118. Trách nhiệm thi hành", "Các Bộ trưởng"]
    # a numbered item after a comma still starts its own line
    assert mend_broken_lines("gồm các bước sau,\n1. Bước một") == "gồm các bước sau,\n1. Bước một"


def test_news_date_marker_is_taken_out():
    text, date = take_news_date(" date 2023-04 Trước đây, Bình Phước")
    assert date == "2023-04" and text == "Trước đây, Bình Phước"
    shown, meta = to_display_text(" date 2023-04 Trước đây", "text")
    assert shown == "Trước đây" and meta["date"] == "2023-04"


def test_whitespace_and_control_characters():
    assert clean_whitespace("a\t b\u00a0c\x07\r\n\n\n\nd") == "a b c\n\nd"


def test_scraped_widget_lines_are_dropped_from_the_bundled_documents():
    """A short line repeated three times or more in a row is a web page's widget text ("Đã biết"), never
    the document's: no bundled document keeps one (NĐ 224/2026 had "Đã biết" three times over its header)."""
    from pathlib import Path

    from ingest.load import load_file

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    for path in sorted(corpus.rglob("*.md")) + sorted(corpus.rglob("*.txt")):
        if path.name.startswith("README"):
            continue
        text = to_display_text(load_file(path)[0].text, "markdown" if path.suffix == ".md" else "text")[0]
        lines = text.split("\n")
        assert not any(0 < len(a.strip()) <= 40 and a == b == c for a, b, c in zip(lines, lines[1:], lines[2:])), path
        if "nghi-dinh-224" in path.name:
            assert "Đã biết" not in text and text.split("\n")[2].startswith("QUY ĐỊNH CHI TIẾT")


def test_glued_words_are_parted():
    """Extraction glues syllables ("triển khaicủa nhà thầu"); a Vietnamese word being one syllable, an accented
    run that is none but splits exactly one way into two is parted. Foreign words and names stay."""
    from ingest.normalize import unglue_words

    assert unglue_words("triển khaicủa nhà thầu tạiĐiều 5 ChươngVI") == "triển khai của nhà thầu tại Điều 5 Chương VI"
    kept = "Internet email Nguyễn Huỳnh khuyến nghiêng quốc thuyền xoong huynh"
    assert unglue_words(kept) == kept
