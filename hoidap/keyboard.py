"""Typing slips a question keeps from the keyboard: Telex keys left unconverted ("chuyeenr ddooir soos" for "chuyển
đổi số": the input method was off) and two syllables typed without their space ("dulieu"). Each repair is checked
against the corpus' own words, so an English word ("address", "books") or a name is left as typed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ingest.normalize import fold_diacritics, has_diacritics
from ingest.segment import FOLDED_PREFIX, words_of

Weight = Callable[[str], float]  # a BM25 token → its IDF in the corpus (0 when absent)
Spell = Callable[[str], str]  # a folded BM25 token ("~ngan_hang") → the corpus' written form ("ngân_hàng"), or ""

# Telex: doubled or w-marked letters, and the tone keys a syllable ends with
_LETTERS = (("dd", "đ"), ("aa", "â"), ("ee", "ê"), ("oo", "ô"), ("aw", "ă"), ("ow", "ơ"), ("uw", "ư"))
_TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_VOWELS = "aăâeêioôơuưy"
_FINALS = _VOWELS + "cmnghpt"  # the letters a Vietnamese syllable may end with
_ASCII_WORD = re.compile(r"(?<![\w/.-])[a-z]{3,12}(?![\w/-])")
MIN_JOINED = 5  # the shortest typed word read as two syllables without their space


def telex_syllable(typed: str, weight: Weight) -> str:
    """The Vietnamese syllable a word typed in Telex with the input method off stands for ("chuyeenr" → "chuyển",
    "ddooir" → "đổi"), when the corpus has it; "" when the word holds no Telex key or no corpus word matches."""
    if weight(typed) > 0 or weight(FOLDED_PREFIX + typed) > 0:
        return ""  # a word of the corpus as typed
    base, tone = typed, ""
    if len(typed) > 2 and typed[-1] in _TONES and typed[-2] in _FINALS:
        base, tone = typed[:-1], _TONES[typed[-1]]  # no Vietnamese syllable ends in s, f, r, x or j
    marked = base
    for keys, letter in _LETTERS:
        marked = marked.replace(keys, letter)
    if marked == typed or (marked == base and not tone):
        return ""
    if not tone:
        return marked if weight(marked) > 0 else ""
    # the tone mark goes on one of the vowels: the corpus says which form is a word
    for i, ch in enumerate(marked):
        if ch in _VOWELS:
            word = unicodedata.normalize("NFC", marked[:i] + ch + tone + marked[i + 1 :])
            if weight(word) > 0:
                return word
    return ""


def joined_syllables(typed: str, weight: Weight) -> str:
    """Two syllables typed without their space, as the corpus writes them together ("dulieu" → "du lieu", the folded
    "dữ liệu"); "" when the word is a corpus word itself or no split is one."""
    if len(typed) < MIN_JOINED or weight(FOLDED_PREFIX + typed) > 0:
        return ""
    for i in range(2, len(typed) - 1):
        first, second = typed[:i], typed[i:]
        if first[-1] in _FINALS and weight(f"{FOLDED_PREFIX}{first}_{second}") > 0:
            return f"{first} {second}"
    return ""


def unmarked_words(question: str, weight: Weight, spell: Spell) -> list[tuple[str, str]]:
    """(as typed, as the corpus writes it) for each two-syllable word of a question typed with diacritics that has a
    syllable typed without them ("Ngân hang" → "Ngân hàng", "Ha Noi" → "Hà Nội"): a word as the segmenter reads the
    question (not two syllables of neighbouring words: "hoạt động bao nhiêu" holds no "đồng bào"), which the corpus
    does not have as typed and has, folded, in one written form."""
    if not has_diacritics(question):
        return []  # a question typed without diacritics is read folded throughout
    found = []
    for word in words_of(question):
        syllables = word.split()
        if len(syllables) != 2 or not all(s.isalpha() for s in syllables) or all(map(has_diacritics, syllables)):
            continue
        typed = "_".join(syllables).lower()
        written = spell(FOLDED_PREFIX + fold_diacritics(typed))
        if written and written != typed and weight(typed) == 0:
            found.append((word, " ".join(w.capitalize() if t[:1].isupper() else w for t, w in zip(syllables, written.split("_")))))
    return found


MIXED_MIN = 2  # syllables typed without marks that make a question typed with some read as typed without any


def unmarked_syllables(question: str, weight: Weight) -> list[str]:
    """The syllables of a question that are typed without marks where the corpus writes them with marks: the corpus
    has the syllable folded ("~cua") and never as typed ("cua"). A question typed with diacritics that has MIXED_MIN
    of them ("Kế hoạch 308 cua Ha Noi … theo tieu chuan nao?": a phone keyboard switched mid-sentence) is read folded;
    an English word ("deadline") or a name the corpus writes so is no such syllable."""
    found = []
    for typed in re.findall(r"(?<![\w/.-])[A-Za-z]{2,12}(?![\w/-])", question):
        lower = typed.lower()
        if lower != typed and not typed[1:].islower():
            continue  # an abbreviation in capitals ("CSDL")
        if weight(lower) == 0 and weight(FOLDED_PREFIX + lower) > 0:
            found.append(typed)
    return found


def repairs(question: str, weight: Weight, spell: Spell | None = None) -> list[tuple[str, str]]:
    """(as typed, repaired) for each Telex leftover, each pair of syllables typed as one word and (with ``spell``)
    each word left without its marks."""
    found: list[tuple[str, str]] = []
    for match in _ASCII_WORD.finditer(question):
        typed = match.group(0)
        repaired = telex_syllable(typed, weight) or joined_syllables(typed, weight)
        if repaired:
            found.append((typed, repaired))
    if spell is not None:
        found += unmarked_words(question, weight, spell)
    return list(dict.fromkeys(found))


# VNI: the digit typed after a letter gives its shape (6 â ê ô, 7 ơ ư, 8 ă, 9 đ) or the syllable's tone (1 sắc, 2 huyền,
# 3 hỏi, 4 ngã, 5 nặng); with the input method off the digits stay in the word ("ke61 hoa5ch" for "kế hoạch")
_VNI_SHAPES = {("a", "6"): "â", ("e", "6"): "ê", ("o", "6"): "ô", ("o", "7"): "ơ", ("u", "7"): "ư", ("a", "8"): "ă", ("d", "9"): "đ"}
_VNI_TONES = {"1": "\u0301", "2": "\u0300", "3": "\u0309", "4": "\u0303", "5": "\u0323"}
_VNI_WORD = re.compile(r"(?<!\w)[A-Za-z]+[1-9][A-Za-z0-9]*(?!\w)")
_VNI_SYLLABLE = re.compile(  # a Vietnamese syllable (folded): onset, vowels, final
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]{1,3}(?:ng|nh|ch|[cmnpt])?", re.I
)
VNI_MIN = 2  # words with VNI digits that make a question read as typed in VNI (then "QD9" in a số hiệu is "QĐ" too)


def vni_word(typed: str) -> str:
    """The word a VNI typist meant ("ke61" → "kế", "hu7o71ng" → "hướng", "D9i5nh" → "Định", "QD9" → "QĐ"); "" when
    its digits are not VNI keys after the letters they mark or the result is no Vietnamese syllable."""
    letters: list[str] = []
    tone = ""
    for ch in typed:
        if not ch.isdigit():
            letters.append(ch)
            continue
        if not letters:
            return ""
        last = letters[-1]
        if ch in _VNI_TONES:
            if tone or not any(c.lower() in _VOWELS for c in letters):
                return ""
            tone = _VNI_TONES[ch]
            letters.append(tone)  # where it was typed: after the vowel it marks, or at the syllable's end
            continue
        shaped = _VNI_SHAPES.get((last.lower(), ch))
        if shaped is None:
            return ""
        letters[-1] = shaped.upper() if last.isupper() else shaped
    word = "".join(letters)
    if tone and not (len(word) > 1 and word[word.index(tone) - 1].lower() in _VOWELS):
        word = _toned(word.replace(tone, ""), tone)  # typed after the final consonant: the orthography places it
    word = unicodedata.normalize("NFC", word)
    bare = fold_diacritics(word).lower().replace("đ", "d")
    if word.isupper() and not tone and "Đ" in word:
        return word  # a code in a số hiệu ("QD9-TTg" → "QĐ-TTg")
    return word if _VNI_SYLLABLE.fullmatch(bare) else ""


def _toned(word: str, tone: str) -> str:
    """``word`` with ``tone`` on the vowel Vietnamese spelling marks: a shaped vowel (ê, ơ, â …), else the last vowel
    before a final consonant, else the first of two vowels ("hoa" → "hóa"), the middle of three."""
    lower = word.lower()
    start = 2 if lower[:2] in ("qu", "gi") and len(lower) > 2 and lower[2] in _VOWELS else 0
    vowels = [i for i in range(start, len(word)) if lower[i] in _VOWELS]
    if not vowels:
        return word
    shaped = [i for i in vowels if lower[i] in "ăâêôơư"]
    if shaped:
        at = shaped[-1]
    elif vowels[-1] < len(word) - 1:
        at = vowels[-1]
    else:
        at = vowels[0] if len(vowels) <= 2 else vowels[1]
    return word[: at + 1] + tone + word[at + 1 :]


def vni_decoded(question: str) -> str:
    """The question with the words typed in VNI with the input method off written in Vietnamese ("Quye61t d9i5nh
    2597/QD9-TTg co1 hie65u lu75c tu72 khi na2o?" → "Quyết định 2597/QĐ-TTg có hiệu lực từ khi nào?"), when VNI_MIN of
    its words are; the question itself otherwise (a code such as "H5N1" or "C06" is no VNI word)."""
    found = [(m, word) for m in _VNI_WORD.finditer(question) if (word := vni_word(m.group(0)))]
    if sum(1 for m, word in found if not word.isupper()) < VNI_MIN:
        return question
    for match, word in reversed(found):
        question = question[: match.start()] + word + question[match.end() :]
    return question


# VIQR: Vietnamese typed in ASCII, each mark after its letter: shapes (a( ă, a^ â, e^ ê, o^ ô, o+ ơ, u+ ư, dd đ) and tones
# (' sắc, ` huyền, ? hỏi, ~ ngã, . nặng): "Chi? tie^u ty? le^. da^n so^'" for "Chỉ tiêu tỷ lệ dân số"
_VIQR_SHAPES = {("a", "("): "ă", ("a", "^"): "â", ("e", "^"): "ê", ("o", "^"): "ô", ("o", "+"): "ơ", ("u", "+"): "ư"}
_VIQR_TONES = {"'": "\u0301", "`": "\u0300", "?": "\u0309", "~": "\u0303", ".": "\u0323"}
_VIQR_WORD = re.compile(r"(?<![\w^+'`~])[A-Za-z][A-Za-z^(+'`?~.]*")
_VIQR_SHAPED = re.compile(r"[aeo]\^|a\(|[ou]\+|[aeiouy][`'~]|dd", re.I)  # a mark no plain text puts after a letter
VIQR_MIN = 2  # words with VIQR marks that make a question read as typed in VIQR


def viqr_word(typed: str, closes: bool = False) -> tuple[str, str]:
    """(the word a VIQR typist meant, what follows it as punctuation): "tie^u" → ("tiêu", ""), "Ba('c" → ("Bắc", ""),
    "QDD" → ("QĐ", ""), "tri`?" → ("trì", "?"). A "?" or "." closing the word is its tone only when the word has none
    yet and does not ``close`` the question: "bao nhie^u?" ends it. ("", "") when the word is no Vietnamese syllable so read."""
    letters: list[str] = []
    tone = ""
    rest = ""
    i = 0
    while i < len(typed):
        ch = typed[i]
        if ch.isalpha():
            if ch in "dD" and letters and letters[-1] in "dD":
                letters[-1] = "Đ" if letters[-1] == "D" else "đ"  # "dd", also after a code's letters ("QDD")
            else:
                letters.append(ch)
        elif letters and (letters[-1].lower(), ch) in _VIQR_SHAPES:
            shaped = _VIQR_SHAPES[(letters[-1].lower(), ch)]
            letters[-1] = shaped.upper() if letters[-1].isupper() else shaped
        elif ch in _VIQR_TONES and not tone and any(c.lower() in _VOWELS for c in letters):
            last = i == len(typed) - 1
            if ch in "?." and last and closes:
                rest = typed[i:]
                break
            tone = _VIQR_TONES[ch]
        else:
            rest = typed[i:]
            break
        i += 1
    word = "".join(letters)
    if tone:
        word = _toned(word, tone)
    word = unicodedata.normalize("NFC", word)
    bare = fold_diacritics(word).lower().replace("đ", "d")
    if word.isupper() and not tone:
        return word, rest  # a code of a số hiệu ("QDD" → "QĐ")
    return (word, rest) if _VNI_SYLLABLE.fullmatch(bare) else ("", "")


def viqr_decoded(question: str) -> str:
    """The question with its words typed in VIQR written in Vietnamese ("Chi? tie^u ty? le^. da^n so^' … dda.t bao nhie^u
    pha^`n tra(m, va` ai chu? tri`?" → "Chỉ tiêu tỷ lệ dân số … đạt bao nhiêu phần trăm, và ai chủ trì?"), when VIQR_MIN
    of its words carry marks no plain text puts after a letter (a^, o+, a(, dd, a tone after a vowel); the question
    itself otherwise."""
    if sum(1 for m in _VIQR_WORD.finditer(question) if _VIQR_SHAPED.search(m.group(0))) < VIQR_MIN:
        return question
    out, at = [], 0
    for match in _VIQR_WORD.finditer(question):
        after = question[match.end() :]
        closes = not after.strip()
        word, rest = viqr_word(match.group(0), closes)
        if word:
            out.append(question[at : match.start()] + word + rest)
            at = match.end()
    return "".join(out) + question[at:]
