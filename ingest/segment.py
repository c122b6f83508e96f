"""Segment: underthesea sentences, then words per sentence; the index's token forms."""

from __future__ import annotations

import re
from functools import lru_cache

from core.models import Sentence
from ingest.normalize import canonical_tone, fold_diacritics

_POINT_OPENS = re.compile(r"[a-zđ][).]\s")  # "c) …", "d. …": a point's letter opens a sentence
MAX_SENTENCE_WORDS = 80  # tables and lists without punctuation are cut into pieces of this size
_WS_RUN = re.compile(r"\S+")
_TOKEN_CHARS = re.compile(r"[^\w]+")
FOLDED_PREFIX = "~"

# Question words and function words that carry no topic: they only add noise to BM25 queries. With them, politeness
# formulas ("xin hỏi", "vui lòng") and "bảng" (a question pointing to a table: the passages are its rows, which never
# say "bảng").
QUERY_STOPWORDS = frozenset(
    """
    ai gì nào đâu sao mấy thứ_mấy là_ai ở_đâu bao_lâu bao_nhiêu số_hiệu bao_giờ khi_nào thế_nào như_thế_nào là_gì có_phải hay không chưa
    của và là các những được cho với về theo trong này đó thì mà có đã sẽ đang bị do để tại từ ra
    một như nêu hãy biết cho_biết vậy nhé ạ gồm bao_gồm nào_đó loại dẫn_chiếu viện_dẫn
    nếu như_vậy như_thế nó họ ấy vừa_nêu nói_trên
    tôi chúng_tôi chúng_ta phần_trăm
    xin hỏi xin_hỏi cho_hỏi vui_lòng làm_ơn
    bảng con_số
    """.split()
)


@lru_cache(maxsize=1)
def _underthesea():
    from underthesea import sent_tokenize, word_tokenize

    return sent_tokenize, word_tokenize


def _pieces(sentence: str, offset: int) -> list[tuple[int, int]]:
    """A sentence longer than MAX_SENTENCE_WORDS is cut after ';' (else between words)."""
    words = list(_WS_RUN.finditer(sentence))
    if len(words) <= MAX_SENTENCE_WORDS:
        return [(offset, offset + len(sentence))]
    spans: list[tuple[int, int]] = []
    begin = 0  # index into words
    while begin < len(words):
        stop = min(begin + MAX_SENTENCE_WORDS, len(words))
        if stop < len(words):
            cut = next((i for i in range(stop - 1, begin + MAX_SENTENCE_WORDS // 3, -1) if words[i].group().endswith(";")), None)
            stop = cut + 1 if cut is not None else stop
        spans.append((offset + words[begin].start(), offset + words[stop - 1].end()))
        begin = stop
    return spans


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) in text[start:end]: paragraphs, then underthesea sentences."""
    sent_tokenize, _ = _underthesea()
    spans: list[tuple[int, int]] = []
    pos = start
    for paragraph in text[start:end].split("\n"):
        stripped = paragraph.strip()
        if stripped:
            para_start = text.index(stripped, pos)
            cursor = para_start
            if " | " in stripped:  # a table row is one unit: its cells are read together
                spans.extend(_pieces(stripped, para_start))
                pos += len(paragraph) + 1
                continue
            for sentence in sent_tokenize(stripped):
                sentence = sentence.strip()
                if not sentence:
                    continue
                found = text.find(sentence, cursor, para_start + len(stripped))
                if found < 0:  # underthesea changed the text: fall back to the rest of the paragraph
                    spans.extend(_pieces(text[cursor : para_start + len(stripped)], cursor))
                    cursor = para_start + len(stripped)
                    break
                glued = spans and found == spans[-1][1]  # no space after the stop: a domain or a code ("data.gov.vn")
                # … or a sentence going on in lower case after a period an OCR put in it ("… trong trường hợp. giá trị
                # hàng hóa …"): a Vietnamese sentence opens with a capital, or with a point's letter ("c) …")
                stray = spans and text[spans[-1][1] - 1] == "." and sentence[:1].islower() and not _POINT_OPENS.match(sentence)
                if (glued or stray) and spans[-1][0] >= para_start:
                    first = spans.pop()
                    spans.extend(_pieces(text[first[0] : found + len(sentence)], first[0]))
                else:
                    spans.extend(_pieces(sentence, found))
                cursor = found + len(sentence)
        pos += len(paragraph) + 1
    return spans


def segment_span(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of text[start:end] with their underthesea words."""
    _, word_tokenize = _underthesea()
    return [Sentence(s, e, word_tokenize(text[s:e])) for s, e in sentence_spans(text, start, end)]


def words_of(text: str) -> list[str]:
    """underthesea words of a short text (a question), sentence by sentence."""
    sent_tokenize, word_tokenize = _underthesea()
    words: list[str] = []
    for sentence in sent_tokenize(text) or [text]:
        words.extend(word_tokenize(sentence))
    return words


def segmented_text(text: str) -> str:
    """The text as underthesea words, compound words joined by '_' ("chuyển_đổi số"), for models trained so."""
    return " ".join(word.replace(" ", "_") for word in words_of(text))


def _clean(word: str) -> str:
    return _TOKEN_CHARS.sub(" ", canonical_tone(word.lower())).strip()


def _word_forms(word: str) -> list[str]:
    """A word as BM25 forms: syllables joined by '_' first, then each syllable of a compound."""
    syllables = _clean(word).split()
    if not syllables:
        return []
    return ["_".join(syllables)] + (syllables if len(syllables) > 1 else [])


def index_tokens(words: list[str]) -> list[str]:
    """BM25 tokens of a passage: words (syllables joined by '_'), their syllables, and folded forms.

    Folded forms (no diacritics, prefixed '~') let a question typed without diacritics match.
    """
    tokens: list[str] = []
    for word in words:
        forms = _word_forms(word)
        tokens.extend(forms)
        tokens.extend(FOLDED_PREFIX + fold_diacritics(f) for f in forms)
    return tokens


def query_tokens(words: list[str], exact: bool) -> list[str]:
    """BM25 tokens of a question. With diacritics: exact and folded forms; without: folded only."""
    tokens: list[str] = []
    for word in words:
        forms = _word_forms(word)
        if not forms or forms[0] in QUERY_STOPWORDS or (not exact and forms[0] in FOLDED_STOPWORDS):
            continue
        for form in forms:
            if exact:
                tokens.append(form)
            tokens.append(FOLDED_PREFIX + fold_diacritics(form))
    return tokens


# Folded stopwords for questions typed without diacritics, minus forms that are also content words
# ("co" may be "cơ", "do" may be "độ", "ho" may be "hộ", "hoi" may be "hội").
FOLDED_STOPWORDS = frozenset(fold_diacritics(w) for w in QUERY_STOPWORDS) - {"co", "da", "do", "ma", "the", "ho", "no", "hoi"}
