"""Legacy Vietnamese font encodings: text typed in TCVN3 (ABC, ".VnTime") or VNI ("VNI-Times") fonts before
Unicode, read back as Latin-1 look-alikes ("Ch−¬ng", "Ñieàu"), converted to Unicode NFC.

Each line is judged on its own (a Word file often mixes a legacy font with Unicode): a line is converted
when the conversion makes more of its words valid Vietnamese syllables. Whether a word is a Vietnamese
syllable is a rule of the language (onset + vowel nucleus + final, at most one tone mark), so the same test
tells, after conversion, whether a file is still garbage.
"""

from __future__ import annotations

import re
import unicodedata

TCVN3 = "tcvn3"
VNI = "vni"

# TCVN 5712:1993 (VN3, the "ABC" fonts): one byte per letter, read as Latin-1. 0xAD (ư) is a soft hyphen in
# Latin-1 and comes out of PDF text layers as U+2212 "−" or "-"; both are taken. (Same as glibc's
# TCVN5712-1 for 0xA1–0xFF.)
_TCVN3_BYTES = (
    "ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"
)
_TCVN3_MAP = {chr(0xA1 + i): u for i, u in enumerate(_TCVN3_BYTES)}
_TCVN3_MAP["\u2212"] = "ư"

# VNI: a base letter followed by one Latin-1 character for the vowel's shape and tone ("a" + "á" = ấ).
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "í": "í", "ì": "ì"}


def _vni_map() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(seq: str, base: str, mark: str) -> None:
        out = unicodedata.normalize("NFC", base + mark)
        table[seq] = out
        table[seq.upper()] = out.upper()

    for vowel in "aeouy":
        for code, tone in _VNI_TONES.items():
            add(vowel + code, vowel, tone)
    for vowel, shaped in (("a", "â"), ("e", "ê"), ("o", "ô")):
        for code, tone in _VNI_CIRCUMFLEX.items():
            add(vowel + code, shaped, tone)
    for code, tone in _VNI_BREVE.items():
        add("a" + code, "ă", tone)
    for single, out in _VNI_SINGLE.items():
        table[single] = out
        table[single.upper()] = out.upper()
    for shaped in ("ô", "ö"):  # ơ and ư take a tone after them too: "ôù" = ớ
        for code, tone in _VNI_TONES.items():
            add(shaped + code, _VNI_SINGLE[shaped], tone)
    return table


_VNI_MAP = _vni_map()
_VNI_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(_VNI_MAP, key=len, reverse=True)))
_TCVN3_PATTERN = re.compile("[" + re.escape("".join(_TCVN3_MAP)) + "]")

# What a legacy line may hold and a Unicode Vietnamese line always does: letters outside Latin-1.
_UNICODE_VIETNAMESE = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")
_LATIN1_LETTER = re.compile(r"[\u00a1-\u00ff\u2212]")


def from_tcvn3(text: str) -> str:
    """TCVN3 look-alike characters → Unicode; a word written in capitals stays in capitals (the ABC "H"
    fonts draw lower-case codes as capitals: "§IÒU" is ĐIỀU)."""
    converted = _TCVN3_PATTERN.sub(lambda m: _TCVN3_MAP[m.group(0)], text)
    return _recapitalize(converted)


def from_vni(text: str) -> str:
    """VNI letter + mark pairs → Unicode."""
    return unicodedata.normalize("NFC", _VNI_PATTERN.sub(lambda m: _VNI_MAP[m.group(0)], text))


_WORD = re.compile(r"[^\s\d.,;:!?()\[\]\"'“”‘’/|\-–—*+=%<>&#@_]+")


def _recapitalize(text: str) -> str:
    def fix(match: re.Match) -> str:
        word = match.group(0)
        letters = [c for c in word if c.isalpha()]
        upper = sum(c.isupper() for c in letters)
        return word.upper() if len(letters) > 1 and upper * 2 > len(letters) else word

    return _WORD.sub(fix, text)


# ---------------------------------------------------------------- is it Vietnamese?

_ONSET = r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?"
_NUCLEUS = r"[aăâeêioôơuưy]{1,3}"
_FINAL = r"(?:ch|ng|nh|[cmnpt])?"
_SYLLABLE = re.compile(f"^{_ONSET}({_NUCLEUS})({_FINAL})$")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def is_vietnamese_syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable ("chuyển", "Nghị", "quốc"), False for "Ch¬ng" or "Ñieàu"."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(ch in _TONES for ch in decomposed)
    if tones > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    m = _SYLLABLE.match(base)
    if not m:
        return False
    nucleus, final = m.group(1), m.group(2)
    # a glide that closes a diphthong ("ai", "ao", "êu") takes no final consonant ("khaic" is no syllable);
    # "uy" (huynh) and "oo" (xoong) are the exceptions
    return not (final and len(nucleus) >= 2 and nucleus[-1] in "iyou" and nucleus not in ("uy", "oo"))


def _non_ascii_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if not w.isascii()]


def syllable_share(text: str) -> tuple[int, int]:
    """(Vietnamese syllables, words) among the words of the text that are not plain ASCII."""
    words = _non_ascii_words(text)
    return sum(is_vietnamese_syllable(w) for w in words), len(words)


def _score(text: str) -> int:
    good, total = syllable_share(text)
    return 2 * good - total  # valid words count for, invalid ones against


def _repair_line(line: str) -> tuple[str, str, int]:
    """(line, encoding converted from or "", how many more words are Vietnamese after conversion × 2)."""
    if not _LATIN1_LETTER.search(line) or _UNICODE_VIETNAMESE.search(line):
        return line, "", 0
    original = best_score = _score(line)
    best, encoding = line, ""
    for name, convert in ((TCVN3, from_tcvn3), (VNI, from_vni)):
        candidate = convert(line)
        score = _score(candidate)
        if score > best_score:
            best, best_score, encoding = candidate, score, name
    return best, encoding, best_score - original


MIN_GAIN = 6  # a document is converted only when that makes at least three more of its words Vietnamese


def repair_text(text: str) -> tuple[str, str]:
    """(text in Unicode, the legacy encoding found in it or ""). Lines already in Unicode are kept; a stray
    Latin-1 letter in a Unicode document ("ñ R2 U TÔ", OCR noise) is no reason to convert anything."""
    if not _LATIN1_LETTER.search(text):
        return text, ""
    repaired = [_repair_line(line) for line in text.split("\n")]
    if sum(gain for _, _, gain in repaired) < MIN_GAIN:
        return text, ""
    counts = {TCVN3: 0, VNI: 0}
    for _, encoding, _ in repaired:
        if encoding:
            counts[encoding] += 1
    return "\n".join(line for line, _, _ in repaired), max(counts, key=counts.get)


def garbled_share(text: str, min_words: int = 30) -> float:
    """Share of the non-ASCII words that are not Vietnamese syllables; 0.0 when too few to judge."""
    good, total = syllable_share(text)
    return 0.0 if total < min_words else 1 - good / total
