"""Two words offered for one thing: "cơ quan chủ trì/đầu mối", "hạn nộp/deadline", "tôn vinh/vinh danh", and a short
gloss in brackets after a noun, "những hạng mục (danh hiệu) nào", "thời hạn (deadline)". Read as "A hoặc B": both are
looked for, and the question around them keeps its shape ("những hạng mục hoặc danh hiệu nào" asks a list). A slash
between numbers or codes ("01/12/2025", "384-QĐ/TW", "KH&CN/TT&TT") and a bracket that frames or asks ("(theo Quyết định
2629)", "(tháng 5/2025)", "(bao nhiêu tỷ đồng)") are no such alternatives."""

from __future__ import annotations

import re

from ingest.normalize import fold_diacritics

# "A/B" between two words typed in lower case (the second may be an English word); not codes in capitals, not numbers
_SLASH = re.compile(r"(?<=[^\W\d_])\s?/\s?(?=[^\W\d_])")
# a gloss: one to three words of letters in brackets, after a word and before more of the question
_GLOSS = re.compile(r"(?<=[^\W\d_]) \(((?:[^\W\d_]+ ?){1,3})\)(?= [^\W\d_])")
_FRAMES = re.compile(r"^(?:theo|tuc|tuc la|vi du|nhu|xem|trong|tai|cua|nam|thang|ngay)\b")
_ASKS = re.compile(r"\b(?:nao|gi|bao nhieu|bao lau|khi nao|may|ai|dau|khong)\b")


def _abbreviation(word: str) -> bool:
    return len(word) > 1 and word.upper() == word


def with_alternatives(question: str) -> str:
    """The question with each pair of words offered for one thing read as "A hoặc B"."""
    def slash(found: re.Match) -> str:
        before = re.search(r"[^\W\d_]+$", question[: found.start()]).group(0)
        after = re.match(r"[^\W\d_]+", question[found.end() :]).group(0)
        if _abbreviation(before) or _abbreviation(after):
            return found.group(0)  # "QĐ/TW", "KH&CN/TT&TT"
        return " hoặc "

    text = _SLASH.sub(slash, question)

    def gloss(found: re.Match) -> str:
        words = fold_diacritics(found.group(1).lower()).strip()
        if _FRAMES.match(words) or _ASKS.search(words) or any(_abbreviation(w) for w in found.group(1).split()):
            return found.group(0)
        return f" hoặc {found.group(1).strip()}"

    return _GLOSS.sub(gloss, text)
