"""Central Vietnamese question words and particles read as the standard ones: a rule of Vietnamese dialects.

"mô" (nào / đâu), "răng" (sao), "rứa" and "ri" (vậy), "chi" (gì), "ni" (này), "nớ" (đó), "tê" (kia), "chừ" (giờ), "hỉ"
(nhỉ): "Cơ quan mô chủ trì việc ni rứa?" asks "Cơ quan nào chủ trì việc này vậy?". Read only in a question typed with
diacritics (without them "mo", "rang", "chi", "ni" are other words), and only where the word cannot be the standard
one: "mô" not in "quy mô", "mô hình", "mô tả", …; "chi" only closing a clause ("làm chi?", "là chi rứa"), not in "chi
trả", "chi phí", "chi tiết".
"""

from __future__ import annotations

import re

from ingest.normalize import has_diacritics

_PARTICLES = r"(?:rứa|ri|hỉ|hè|hả|ạ|rứa hỉ)"
_END = rf"(?=\s*(?:[?.,!;:]|$|{_PARTICLES}(?!\w)))"
_RULES = (
    # "ở mô", "đi mô", "về mô", "từ mô": where
    (re.compile(r"(?<!\w)(ở|đi|về|tới|đến|từ|chỗ)\s+mô(?!\w)", re.I), r"\1 đâu"),
    # "mô" after a noun asks which one; not a syllable of "quy mô", "vĩ mô", "mô hình", "mô tả", "mô phỏng", "mô-đun"
    (re.compile(
        r"(?<![\w-])(?<!quy )(?<!vĩ )(?<!vi )mô(?![\w-])(?!\s+(?:hình|tả|phỏng|đun|tô|típ|men|tơ|hôi|đất|bì)(?!\w))", re.I
    ), "nào"),
    (re.compile(r"(?<!\w)(?:vì|tại)\s+răng(?!\w)", re.I), "vì sao"),
    (re.compile(r"(?<!\w)răng(?!\w)", re.I), "sao"),
    (re.compile(r"(?<!\w)rứa(?!\w)", re.I), "vậy"),
    (re.compile(r"(?<!\w)(?:như|làm)\s+ri(?!\w)", re.I), "như vậy"),
    (re.compile(r"(?<!\w)ri(?!\w)" + _END, re.I), "vậy"),
    (re.compile(r"(?<!\w)chi(?!\w)" + _END, re.I), "gì"),
    (re.compile(r"(?<!\w)(cái|là|làm|điều|việc)\s+chi(?!\w)", re.I), r"\1 gì"),
    (re.compile(r"(?<!\w)ni(?!\w)", re.I), "này"),
    (re.compile(r"(?<!\w)nớ(?!\w)", re.I), "đó"),
    (re.compile(r"(?<!\w)(bên|hôm|cái|chỗ|năm)\s+tê(?!\w)", re.I), r"\1 kia"),
    (re.compile(r"(?<!\w)(?:bây\s+)?chừ(?!\w)", re.I), "bây giờ"),
    (re.compile(r"\s*(?<!\w)hỉ(?!\w)", re.I), ""),
)


def standard_forms(question: str) -> str:
    """The question with its Central words read as the standard ones ("Khi mô thì phải xong hỉ?" → "Khi nào thì phải
    xong?"); as typed when it has no diacritics or none of them."""
    if not has_diacritics(question):
        return question
    out = question
    for pattern, standard in _RULES:
        out = pattern.sub(standard, out)
    return out
