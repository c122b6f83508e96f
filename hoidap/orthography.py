"""Spelling variants of Vietnamese that the documents may write the other way.

A syllable of one initial consonant and a final "i" or "y" is written either way ("kĩ thuật" / "kỹ thuật", "lí do" /
"lý do", "tỉ lệ" / "tỷ lệ", "quí" / "quý", "hi vọng" / "hy vọng"): both spellings are Vietnamese, the older and the
newer rules of the Ministry of Education differ, and one document may use both. A question's syllable is also looked
for in its other spelling when the corpus writes that one more often. (Tone-mark placement, "hoà" / "hòa", is made
one at ingest: ``ingest.normalize.canonical_tone``.)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ingest.normalize import TONE_MARKS, canonical_tone

# the initials before which "i" and "y" alone are one sound ("gi", "chi", "nhi" have no "y" spelling)
_SWAPPABLE = re.compile(r"^(h|k|l|m|qu|s|t|v)([iy])$")
_SYLLABLE = re.compile(r"[^\W\d_]+")


def swapped(syllable: str) -> str:
    """The other spelling of an i/y syllable ("kĩ" → "kỹ", "Quý" → "Quí"), or "" when it has none."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = "".join(ch for ch in decomposed if ch in TONE_MARKS)
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
    m = _SWAPPABLE.match(base.lower())
    if not m:
        return ""
    vowel = "y" if m.group(2) == "i" else "i"
    if base[-1].isupper():
        vowel = vowel.upper()
    return unicodedata.normalize("NFC", base[:-1] + vowel + tone)


def iy_spellings(text: str, weight: Callable[[str], float]) -> list[tuple[str, str]]:
    """(as typed, other spelling) for each i/y syllable of ``text`` whose other spelling the corpus writes more often
    (a lower IDF, or the typed one not at all). A question typed without diacritics has none: "ti" may be "tí", "tì"
    or "tỉ", and its folded form is already every one of them."""
    found: list[tuple[str, str]] = []
    for match in _SYLLABLE.finditer(text):
        typed = match.group(0)
        other = swapped(typed)
        if not other:
            continue
        typed_weight, other_weight = weight(canonical_tone(typed.lower())), weight(canonical_tone(other.lower()))
        if other_weight > 0 and (typed_weight <= 0 or other_weight < typed_weight):
            found.append((typed, other))
    return list(dict.fromkeys(found))
