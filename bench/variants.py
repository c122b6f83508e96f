"""Robustness to how officials type: read locked questions rewritten in styles of the unread batches, answered with and
without the rewrite.

Each question of the given (already read) batches is rewritten eight ways, keeping its gold answers:
- introduced: one of three introductions an official writes before asking ("Kính gửi quý cơ quan. Tôi là chuyên viên
  Văn phòng UBND xã …. Xin hỏi: …"), typed without diacritics when the question is;
- spoken: Southern and spoken forms ("bao nhiêu" → "nhiêu", "… không?" → "… hông?", "sử dụng" → "xài", "cơ quan nào
  chủ trì" → "ai lo"), only for the questions that have one of them;
- telex: the first two words with diacritics typed in Telex with the input method off ("hành" → "hanhf");
- english: office English for a Vietnamese term ("thời hạn" → "deadline", "kinh phí" → "budget", "chỉ tiêu" → "KPI"),
  only for the questions that have one of them;
- old-spelling: the other i/y spelling and the old tone placement ("kỹ thuật" → "kĩ thuật", "tỷ lệ" → "tỉ lệ", "Ủy
  ban" → "Uỷ ban"), only for the questions that have one of them;
- request: the question as a request ("Cho tôi biết …", "Tôi cần biết …", "Nhờ tra giúp: …"), for questions typed
  with diacritics;
- described: a document the question names by số hiệu ("Kế hoạch 308/KH-UBND", "QĐ 2629") described instead by its
  type and the first words of its title without figures ("kế hoạch triển khai thực hiện Nghị quyết về thúc đẩy tạo lập
  dữ liệu"), as the locked index holds it; only for questions typed with diacritics that name one indexed document;
- chat: chat-app shorthand ("bao nhiêu" → "bn", "khi nào" → "bh", "được" → "đc", "gì" → "j", "nhiệm vụ" → "nv", "cơ
  quan" → "cq"), opened by "cho e hỏi" or "mn ơi," and ended by "ạ" in turn, for questions typed with diacritics.
Then `hoidap eval` answers the originals and each rewrite on the locked index (`make eval-locked`); the table gives,
per rewrite, the questions rewritten, answer and refusal accuracy of the originals and of the rewrites, and the share
of the originals answered right that stay right. Writes runs/NAME/ (the rewritten sets and the runs) and
bench/results/NAME.md.

    .venv/bin/python bench/variants.py [--batches 9,10,11] [--name variants] [--locked runs/locked]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.normalize import fold_diacritics, has_diacritics  # noqa: E402

HOIDAP = str(ROOT / ".venv/bin/hoidap")
INTRODUCTIONS = (
    "Kính gửi quý cơ quan. Tôi là chuyên viên Văn phòng UBND xã Tân Phú, tỉnh Lâm Đồng, đang được giao tham mưu về "
    "chuyển đổi số. Xin hỏi: ",
    "Chào anh chị, trường tôi là Trường THCS Nguyễn Du ở phường Hà Đông, đang rà soát các văn bản mới để xây dựng kế "
    "hoạch năm học 2026-2027. Cho tôi hỏi ",
    "Công ty chúng tôi là doanh nghiệp phần mềm nhỏ ở Thủ Dầu Một, mới được một sở mời tham gia dự án. Sếp giao tôi tìm "
    "hiểu trước khi họp. Tôi muốn biết ",
)
SPOKEN = (
    (r"\bbao nhiêu\b", "nhiêu"),
    (r"\bkhông\s*\?$", "hông?"),
    (r"\bsử dụng\b", "xài"),
    (r"\b(?:cơ quan|đơn vị|bộ) nào (?:chủ trì|phụ trách)\b", "ai lo"),
)
ENGLISH = (  # office English officials mix in: the Vietnamese term → the English word
    (r"\bthời hạn\b", "deadline"),
    (r"\bkinh phí\b", "budget"),
    (r"\blộ trình\b", "roadmap"),
    (r"\bnền tảng\b", "platform"),
    (r"\bchỉ tiêu\b", "KPI"),
    (r"\bứng dụng\b", "app"),
    (r"\btrực tuyến\b", "online"),
    (r"\bđiện toán đám mây\b", "cloud"),
    (r"\btiến độ\b", "timeline"),
)
OLD_SPELLINGS = (  # the other i/y spelling and the old tone placement, as older documents and typists write
    ("kỹ", "kĩ"), ("lý", "lí"), ("tỷ", "tỉ"), ("quý", "quí"), ("mỹ", "mĩ"), ("sỹ", "sĩ"), ("kỳ", "kì"),
    ("hòa", "hoà"), ("hóa", "hoá"), ("thủy", "thuỷ"), ("ủy", "uỷ"), ("khỏe", "khoẻ"), ("thúy", "thuý"),
)
REQUESTS = ("Cho tôi biết ", "Tôi cần biết ", "Nhờ tra giúp: ")
CHAT = (  # chat-app shorthand: the word → its short form
    (r"\bbao nhiêu\b", "bn"), (r"\b(?:khi nào|bao giờ)\b", "bh"), (r"\bnhư thế nào\b", "ntn"), (r"\bkhông(?=\s*\??$)", "ko"),
    (r"\bđược\b", "đc"), (r"\bgì\b", "j"), (r"\bnhiệm vụ\b", "nv"), (r"\bthời gian\b", "tg"), (r"\bvới\b", "vs"),
    (r"\bcơ quan\b", "cq"), (r"\bdoanh nghiệp\b", "dn"),
)
CHAT_OPENINGS = ("cho e hỏi ", "mn ơi, ", "")
_TELEX_LETTERS = {"ă": "aw", "â": "aa", "ê": "ee", "ô": "oo", "ơ": "ow", "ư": "uw", "đ": "dd"}
_TELEX_TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}


def introduced(question: str, n: int) -> str:
    intro = INTRODUCTIONS[n % len(INTRODUCTIONS)]
    if not has_diacritics(question):
        intro = fold_diacritics(intro)
    return intro + (question[0].lower() + question[1:] if not question[:2].isupper() else question)


def spoken(question: str) -> str:
    for pattern, form in SPOKEN:
        question = re.sub(pattern, form, question)
    return question


def english(question: str) -> str:
    for pattern, word in ENGLISH:
        question = re.sub(pattern, word, question, flags=re.I)
    return question


def old_spelling(question: str) -> str:
    for new_form, old_form in OLD_SPELLINGS:
        question = re.sub(rf"(?<!\w){new_form}(?!\w)", old_form, question)
        question = re.sub(rf"(?<!\w){new_form.capitalize()}(?!\w)", old_form.capitalize(), question)
    return question


def chat(question: str, n: int) -> str:
    """The question as typed in a chat app ("cho e hỏi nv này hạn bh ạ"), for questions typed with diacritics."""
    if not has_diacritics(question):
        return question
    body = question.rstrip(" ?")
    for pattern, short in CHAT:
        body = re.sub(pattern, short, body)
    body = body[0].lower() + body[1:] if not body[:2].isupper() else body
    return CHAT_OPENINGS[n % len(CHAT_OPENINGS)] + body + (" ạ" if n % 2 else "")


def request(question: str, n: int) -> str:
    """The question as a request ("Cho tôi biết …."), for questions typed with diacritics."""
    if not has_diacritics(question):
        return question
    body = question.rstrip(" ?")
    return REQUESTS[n % len(REQUESTS)] + (body[0].lower() + body[1:] if not body[:2].isupper() else body) + "."


def telex_word(word: str) -> str:
    """A word as typed in Telex with the input method off ("hành" → "hanhf", "luật" → "luaatj")."""
    tone = ""
    letters = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TELEX_TONES:
            tone = _TELEX_TONES[ch]
        else:
            letters.append(ch)
    base = unicodedata.normalize("NFC", "".join(letters))
    return "".join(_TELEX_LETTERS.get(c.lower(), c) for c in base) + tone


def telex(question: str) -> str:
    words = [w for w in re.findall(r"\w+", question) if len(w) >= 3 and not w[0].isupper() and has_diacritics(w)][:2]
    for word in words:
        question = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", telex_word(word), question, count=1)
    return question


DESCRIPTION_WORDS = 10  # words of a title kept in a description


def descriptions(locked: str) -> dict[str, str]:
    """số hiệu → a description of the document: its type, the first DESCRIPTION_WORDS words of its title that hold no
    figure, and the province of a provincial issuer ("Kế hoạch triển khai thực hiện Nghị quyết về thúc đẩy tạo lập dữ
    liệu phục vụ của Hà Nội"), from the locked index."""
    os.environ.update(HOIDAP_CORPUS_DIR=f"{locked}/corpus", HOIDAP_INDEX_DIR=f"{locked}/index", HF_HUB_OFFLINE="1")
    from hoidap.service import HoidapService

    out = {}
    for doc in HoidapService().reader().documents:
        if not doc["number"] or not doc["doc_type"]:
            continue
        title = re.sub(rf"^{re.escape(doc['doc_type'])}\s+", "", doc["title"], flags=re.I)
        words = [w for w in title.split() if not re.search(r"\d", w) and w.lower() not in ("số", "số:")]
        place = re.search(r"(?:tỉnh|thành phố)\s+(.+)$", doc["issuer"] or "")
        of = f" của {place.group(1)}" if place and place.group(1) not in title else ""  # "… của Hà Nội"
        kept = words if len(words) <= DESCRIPTION_WORDS + 4 else words[:DESCRIPTION_WORDS]
        out[doc["number"]] = f"{doc['doc_type']} {' '.join(kept).strip(' ,;')}{of}"
    return out


_NAMED = re.compile(r"(?:(?:Nghị định|Nghị quyết|Quyết định|Kế hoạch|Quy định|Thông tư|Luật|Công văn|QĐ|NĐ|NQ|KH|CV)\s+(?:số\s+)?)?"
                    r"(\d{1,5})(?:/\d{4})?(?:[/-][A-ZĐa-zđ]+(?:[/-][A-ZĐa-zđ0-9]+)*)?")


def described(question: str, documents: dict[str, str]) -> str:
    """The question with the one indexed document it names by số hiệu described instead (see descriptions)."""
    if not has_diacritics(question):
        return question
    found = [m for m in _NAMED.finditer(question) if m.group(0)[:1].isalpha() or "/" in m.group(0) or "-" in m.group(0)]
    matches = {n for m in found for n in documents if n.split("/")[0].split("-")[0] == m.group(1)}
    if len(found) != 1 or len(matches) != 1:
        return question
    description = documents[matches.pop()]
    start, end = found[0].span()
    return question[:start] + description[0].lower() + description[1:] + question[end:]


REWRITES = {
    "introduced": None, "spoken": spoken, "telex": telex, "english": english, "old-spelling": old_spelling, "request": None,
    "described": None, "chat": None,
}


def rewritten(questions: list[dict], documents: dict[str, str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {name: [] for name in REWRITES}
    for n, q in enumerate(questions):
        for name, rewrite in REWRITES.items():
            if name == "described":
                text = described(q["question"], documents)
            elif rewrite is None:
                text = {"introduced": introduced, "request": request, "chat": chat}[name](q["question"], n)
            else:
                text = rewrite(q["question"])
            if text != q["question"]:
                out[name].append({**q, "id": f"{q['id']}~{name}", "question": text})
    return out


def evaluate(path: Path, out: Path, locked: str) -> dict[str, dict]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HOIDAP_CORPUS_DIR": f"{locked}/corpus", "HOIDAP_INDEX_DIR": f"{locked}/index"}
    subprocess.run([HOIDAP, "eval", str(path), "--system", "hoidap", "--out", str(out), "--json"], cwd=ROOT, env=env,
                   check=True, stdout=subprocess.DEVNULL)
    results = [json.loads(line) for line in (out / "results.jsonl").open(encoding="utf-8")]
    return {r["id"].split("~")[0]: r for r in results if r["system"] == "hoidap"}


def right(result: dict) -> bool:
    return bool(result["refused"]) if result["kind"] == "unanswerable" else bool(result["answer_correct"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batches", default="9,10,11", help="locked batches to rewrite (read ones only)")
    parser.add_argument("--name", default="variants")
    parser.add_argument("--locked", default="runs/locked", help="the locked corpus and index folder")
    args = parser.parse_args()
    folder = ROOT / "runs" / args.name
    folder.mkdir(parents=True, exist_ok=True)
    questions = []
    for batch in args.batches.split(","):
        path = ROOT / "evalsets/locked" / (f"questions-{batch}.jsonl" if batch not in ("", "1") else "questions.jsonl")
        questions += [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    questions = [q for q in questions if q["kind"] != "paraphrase"]  # no rewrite makes a paraphrase found
    original_path = folder / "original.jsonl"
    original_path.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in questions), encoding="utf-8")
    original = evaluate(original_path, folder / "run-original", args.locked)
    rows = ["| rewrite | questions | original: answer / refusal | rewritten: answer / refusal | originals right, still right |",
            "|---|---|---|---|---|"]
    for name, items in rewritten(questions, descriptions(args.locked)).items():
        path = folder / f"{name}.jsonl"
        path.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in items), encoding="utf-8")
        result = evaluate(path, folder / f"run-{name}", args.locked)
        ids = [q["id"].split("~")[0] for q in items]

        def rates(res: dict, ids=ids) -> str:
            answerable = [i for i in ids if res[i]["kind"] != "unanswerable"]
            unanswerable = [i for i in ids if res[i]["kind"] == "unanswerable"]
            a = sum(right(res[i]) for i in answerable) / max(len(answerable), 1)
            r = sum(right(res[i]) for i in unanswerable) / max(len(unanswerable), 1)
            return f"{a:.3f} / {r:.3f}"

        kept = [i for i in ids if right(original[i])]
        still = sum(right(result[i]) for i in kept) / max(len(kept), 1)
        rows.append(f"| {name} | {len(ids)} | {rates(original)} | {rates(result)} | {still:.3f} |")
    table = "\n".join(rows)
    print(table)
    (ROOT / "bench/results").mkdir(exist_ok=True)
    (ROOT / f"bench/results/{args.name}.md").write_text(f"Batches {args.batches} (paraphrases left out)\n\n{table}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
