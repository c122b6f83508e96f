"""The word list the everyday-words thesaurus (core/everyday_thesaurus.tsv) was written from.

corpus/'s words of two syllables or more (underthesea, as ingest segments them), used three times or more, most
frequent first, from the plain text of each file (evalsets/locked/writing/dump.py writes it to /tmp/batch9/docs/corpus;
the locked documents are not read). The list was split in three and given, with docs/everyday-thesaurus-brief.md, to
three helper sessions that saw only the documents; their files, concatenated, with forms spelling the term itself
without its marks left out, are the thesaurus.

    .venv/bin/python bench/thesaurus_terms.py [TEXT_DIR] > terms.txt
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
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/batch9/docs/corpus")
    uses: collections.Counter[str] = collections.Counter()
    for path in sorted(folder.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for word in words_of(line) if line.strip() else ():
                word = word.lower().strip()
                if re.fullmatch(r"[^\W\d_]+( [^\W\d_]+)+", word) and word.replace(" ", "_") not in QUERY_STOPWORDS:
                    uses[word] += 1
    print("\n".join(w for w, n in uses.most_common() if n >= MIN_USES))


if __name__ == "__main__":
    main()
