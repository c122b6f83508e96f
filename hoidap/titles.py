"""How a question names a document by its title: whole, or loosely (a word or two left out), or by what a
decision approves; and which of the question's words then only name it."""

from __future__ import annotations

import re

from hoidap.terms import DEFINITION_PREFIX, EXACT_PREFIX
from ingest.normalize import fold_diacritics
from ingest.segment import FOLDED_PREFIX

LOOSE_TITLE_WORDS = 6  # shorter titles ("Luật An ninh mạng") are named only whole
_APPROVES = re.compile(r"^ (?:(?:quyet dinh|nghi quyet|nghi dinh|thong tu) )?(?:ve viec )?(?:phe duyet|ban hanh) ")


def approved_title(folded_title: str) -> str:
    """What a decision approves or issues, which names it too: " quyet dinh phe duyet chuong trinh phat trien chinh
    phu so " → " chuong trinh phat trien chinh phu so " ("Chương trình phát triển Chính phủ số dẫn chiếu …")."""
    return _APPROVES.sub(" ", folded_title)


def title_heads(title: str) -> list[str]:
    """Shorter names of a title, as typed (not folded): without a trailing bracket ("(tỉnh Đồng Tháp)"), and its
    head before the first comma or bracket when that has LOOSE_TITLE_WORDS words or more ("Kế hoạch chuyển đổi
    số cho các doanh nghiệp, nhất là …" is named "kế hoạch chuyển đổi số cho doanh nghiệp")."""
    heads = [re.sub(r"\s*\([^()]*\)\s*$", "", title)]
    head = re.split(r"[,(;:]", title, maxsplit=1)[0].strip()
    if len(head.split()) >= LOOSE_TITLE_WORDS:
        heads.append(head)
    return [h for h in heads if h and h != title]


def title_span(title: list[str], words: list[str], loose_share: float = 0.0) -> tuple[int, int] | None:
    """Where the question's (folded) words name a document by its (folded) title: the whole title in a row, or,
    with loose_share, a stretch holding that share of the title's word pairs in order of a title of six words or
    more ("Quyết định phê duyệt Đề án chuyển đổi số trong xây dựng, …" for "… trong hoạt động xây dựng, …").
    (start, end) word positions, or None."""
    n = len(title)
    for i in range(len(words) - n + 1):
        if words[i : i + n] == title:
            return i, i + n
    if not loose_share or n < LOOSE_TITLE_WORDS:
        return None
    wanted = set(zip(title, title[1:]))
    hits = [i for i in range(len(words) - 1) if (words[i], words[i + 1]) in wanted]
    best = None
    for a in range(len(hits)):  # the densest stretch no longer than the title and a few words more
        for b in range(a, len(hits)):
            if hits[b] - hits[a] + 2 > n + 3:
                break
            found = {(words[i], words[i + 1]) for i in hits[a : b + 1]}
            share = len(found) / len(wanted)
            if share >= loose_share and (best is None or share > best[0]):
                best = (share, hits[a], hits[b] + 2)
    return (best[1], best[2]) if best else None


def only_in_title(words: list[str], title_at: set[int]):
    """A test of folded phrases: typed only as words of a document's title (at positions title_at of the
    question's folded words), not elsewhere in the question."""
    rest = " " + " ".join(w if i not in title_at else "|" for i, w in enumerate(words)) + " "
    title = " " + " ".join(words[i] for i in sorted(title_at)) + " "
    return lambda folded: bool(folded) and f" {folded} " in title and f" {folded} " not in rest


def without_title_words(terms: dict[str, float], tokens: list[str], in_title) -> tuple[dict[str, float], list[str]]:
    """The key terms and BM25 tokens less those typed only as words of a document's title (in_title, see
    only_in_title): "Quyết định phê duyệt Đề án chuyển đổi số … giao Bộ Tài chính nhiệm vụ gì?" looks in that
    document for "Bộ Tài chính", not for its title's words. Unchanged when nothing else would be left."""
    kept = {
        phrase: weight
        for phrase, weight in terms.items()
        if phrase.startswith((DEFINITION_PREFIX, EXACT_PREFIX)) or not in_title(fold_diacritics(phrase))
    }
    kept_tokens = [t for t in tokens if not in_title(fold_diacritics(t.removeprefix(FOLDED_PREFIX).replace("_", " ")))]
    return (kept, kept_tokens) if kept and kept_tokens else (terms, tokens)
