"""Query analysis: the question is read once into a frozen Query that retrieval, selection,
composition and the evaluation all use; nothing downstream re-reads the question text.

What it reads (rules of Vietnamese and of legal text, each switchable in the settings), module by module:
- expansions: abbreviations and chat forms spelled out ("CĐS" → chuyển đổi số, "ko" → không), from the general
  list in core/lexicon.py and from the corpus' own definitions ("(sau đây gọi tắt là …)", "(viết tắt
  là …)", "Long Name (ABBR)"); everyday words for the documents' formal terms;
- asked: the answer type its question words ask for (khi nào, bao lâu, bao nhiêu, ai, cơ quan nào, là gì,
  gồm những gì, văn bản/Điều nào, còn hiệu lực không, … không?), and what it asks about a document;
- counted: what the answer must be of (the unit of "bao nhiêu", the numeral after "cấp mấy / mức mấy", the
  kind of "<noun> nào", the items of a list);
- documents: the documents, articles and years it names, and what it asks of their force;
- compound: the parts of a compound question (a later part pointing back, "kế hoạch này", gets the số hiệu the
  first names);
- key_terms: its content words, weighted by their IDF in the index.
Typed initials no list knows ("ct", "ub": tokens that cannot be Vietnamese syllables) are read by the service
from the passages first retrieved (hoidap/initialisms.py). analyse.Analyser puts it together into record.Query.
"""

from hoidap.query.analyse import Analyser
from hoidap.query.record import (
    DATE,
    DEFINITION,
    DOCUMENT,
    DURATION,
    LIST,
    NUMBER,
    ORGANISATION,
    OTHER,
    PERSON,
    VALIDITY,
    YESNO,
    Query,
)

__all__ = ["Analyser", "DATE", "DEFINITION", "DOCUMENT", "DURATION", "LIST", "NUMBER", "ORGANISATION", "OTHER", "PERSON", "VALIDITY", "YESNO", "Query"]
