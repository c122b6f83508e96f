"""The word list the everyday-words thesaurus (core/everyday_thesaurus.tsv) was written from.

corpus/'s words of two syllables or more (underthesea, as ingest segments them), used three times or more, most
frequent first, from the plain text of each file (evalsets/locked/writing/dump.py writes it to /tmp/batch9/docs/corpus;
the locked documents are not read). The list was split in three and given, with docs/everyday-thesaurus-brief.md, to
three helper sessions that saw only the documents; their files, concatenated, with forms spelling the term itself
without its marks left out, are the thesaurus.

    .venv/bin/python bench/thesaurus_terms.py [TEXT_DIR] > terms.txt

With ``--phrases``, the list of the second pass (session 25): phrases of two or three such words in a row (three
syllables or more, no digits), used three times or more, that are not yet terms of the thesaurus — the names of
roles, things and acts ("chủ quản dữ liệu", "tài khoản ngân hàng", "dấu thời gian") people describe in other words.

    .venv/bin/python bench/thesaurus_terms.py --phrases [TEXT_DIR] > phrases.txt
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.segment import QUERY_STOPWORDS, words_of  # noqa: E402

MIN_USES = 3


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--phrases"]
    phrases = "--phrases" in sys.argv[1:]
    folder = Path(args[0] if args else "/tmp/batch9/docs/corpus")
    uses: collections.Counter[str] = collections.Counter()
    for path in sorted(folder.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = [w.lower().strip() for w in words_of(line)] if line.strip() else []
            content = [bool(re.fullmatch(r"[^\W\d_]+( [^\W\d_]+)*", w)) and w.replace(" ", "_") not in QUERY_STOPWORDS for w in words]
            if not phrases:
                uses.update(w for w, c in zip(words, content) if c and " " in w)
                continue
            for n in (2, 3):
                for i in range(len(words) - n + 1):
                    run = words[i : i + n]
                    if all(content[i : i + n]) and sum(len(w.split()) for w in run) >= 3:
                        uses[" ".join(run)] += 1
    known = set()
    if phrases:
        from core.lexicon import everyday_thesaurus

        known = set(everyday_thesaurus())
    print("\n".join(w for w, n in uses.most_common() if n >= MIN_USES and w not in known))


if __name__ == "__main__":
    main()
