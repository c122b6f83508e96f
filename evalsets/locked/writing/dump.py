import sys; sys.path.insert(0, "/work/main")
from pathlib import Path
from ingest.load import load_file
from ingest.normalize import to_display_text
root = Path("/work/main/corpus")
for p in sorted(root.rglob("*")):
    if not p.is_file() or p.name == "README.md" or p.name.endswith(".meta.json"):
        continue
    raws = load_file(p)
    text = "\n".join(to_display_text(r.text, r.fmt)[0] for r in raws)
    out = Path("/tmp/batch9/docs/corpus") / (str(p.relative_to(root)) + ".txt")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    print(p.relative_to(root), len(text))
