"""A recital citing a document the question asks the date of answers it (HOIDAP_RULE_RECITAL_DATES)."""

from core.models import DocMeta
from hoidap.answer.select import SelectRules, candidates
from hoidap.query import Analyser
from hoidap.retrieve import Passage
from index.store import StoredChunk

RECITAL = "- Căn cứ Quyết định số 204-QĐ/TW, ngày 29/11/2024 của Ban Bí thư về phê duyệt Đề án Chuyển đổi số trong các cơ quan đảng;"


def _passages():
    chunk = StoredChunk("c", "qd384", 1, RECITAL, 0, len(RECITAL), "", "", [(0, len(RECITAL))],
                        DocMeta(doc_type="Quy định", number="384-QĐ/TW"), "qd.md")
    return [Passage(chunk, 1.0)]


def test_a_recital_states_the_date_of_the_document_it_cites():
    weight = lambda term: 1.0  # noqa: E731
    query = Analyser(weight).analyse("Quyết định 204-QĐ/TW của Ban Bí thư ban hành ngày nào?")
    found = candidates(query, _passages(), weight)
    assert found and "29/11/2024" in found[0].text
    assert candidates(query, _passages(), weight, SelectRules(recital_dates=False)) == []


def test_a_recital_does_not_answer_what_the_cited_document_says():
    weight = lambda term: 1.0  # noqa: E731
    query = Analyser(weight).analyse("Quyết định 204-QĐ/TW đặt mục tiêu gì cho các cơ quan đảng?")
    assert candidates(query, _passages(), weight) == []
