"""A sentence that hands out a section of its document by number ("… các nhiệm vụ tại mục (IV)(3.4)(a)") is quoted
with the section it points to (HOIDAP_RULE_CROSS_REFERENCE)."""

from core.models import DocMeta
from hoidap.answer.references import CROSS_REFERENCE, referred_section, with_referred
from hoidap.answer.select import Candidate
from hoidap.retrieve import Passage
from index.store import StoredChunk

DOC = DocMeta(doc_type="Kế hoạch", number="144/KH-UBND")
TEXTS = [
    ("IV. 3. Thương mại", "3.3. Năng lượng\n\na) Lưới điện thông minh.\n\n3.4. Lĩnh vực logistics\n\nỨng dụng công nghệ số."),
    ("IV. 3. Thương mại", "Ứng dụng công nghệ số.\n\na) Phát triển hải quan số:\n\n- Số hóa hoàn toàn chứng từ.\n\n- Thí điểm FTZ.\n\n- Khác."),
    ("IV. 4. Giáo dục", "4.1. Giáo dục\n\na) Trường học số."),
    ("VI. 17. Chi cục Hải quan khu vực V", "17. Chi cục Hải quan khu vực V\n\na) Chủ trì triển khai các nhiệm vụ tại mục (IV)(3.4)(a);"),
]
CHUNKS = [StoredChunk(f"c{i}", "d", i, text, 0, len(text), label, label, [(0, len(text))], DOC, "d.md") for i, (label, text) in enumerate(TEXTS)]
before = lambda c: CHUNKS[c.position - 1] if c.position > 0 else None  # noqa: E731
after = lambda c: CHUNKS[c.position + 1] if c.position + 1 < len(CHUNKS) else None  # noqa: E731


def test_the_section_referred_to_is_found_by_its_numbering():
    assert CROSS_REFERENCE.search("tại mục (IV)(3.4)(a);").groups() == ("IV", "3.4", "a")
    assert CROSS_REFERENCE.search("các nhiệm vụ tại mục IV.3.4.a").groups() == ("IV", "3.4", "a")
    assert CROSS_REFERENCE.search("mục tiêu chung") is None and CROSS_REFERENCE.search("mục lục (I)") is None
    chunk, (start, end) = referred_section(CHUNKS[3].text, CHUNKS[3], before, after)
    assert chunk is CHUNKS[1]  # the heading "3.4." is in the chunk before the item: read on into the next one
    assert chunk.text[start:end] == "a) Phát triển hải quan số:\n\n- Số hóa hoàn toàn chứng từ.\n\n- Thí điểm FTZ."
    assert referred_section("tại mục (IV)(3.3)(b)", CHUNKS[3], before, after) is None  # no item b) under 3.3
    assert referred_section("tại mục (II)(3.4)(a)", CHUNKS[3], before, after) is None  # no part II


def test_a_sentence_pointing_to_a_section_is_quoted_with_it():
    passages = [Passage(CHUNKS[3], 1.0)]
    text = "a) Chủ trì triển khai các nhiệm vụ tại mục (IV)(3.4)(a);"
    start = CHUNKS[3].text.index(text)
    cand = Candidate(0, (start, start + len(text)), text, 1.0, 1.0, 1.0, True)
    out = with_referred([cand], passages, before, after)
    assert [c.text for c in out] == [text, "a) Phát triển hải quan số:\n\n- Số hóa hoàn toàn chứng từ.\n\n- Thí điểm FTZ."]
    assert passages[out[1].passage_index].chunk is CHUNKS[1]  # its passage added, so that it can be cited
    assert with_referred([cand], [Passage(CHUNKS[3], 1.0)]) == [cand]  # nothing to read the document with
