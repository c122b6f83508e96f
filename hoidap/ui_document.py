"""The document view of the chat and the library: a document's header, where a passage sits, previous/next
Điều, and its text with the passage marked and scrolled into view. Presentation only (Streamlit)."""

from __future__ import annotations

import time
from typing import Callable

import streamlit as st

from core.dates import vietnamese_date
from core.errors import HoidapError
from hoidap.ui_text import error_sentence, escape, highlighted

def open_document(view_key: str, doc_id: str, span: list[int], label: str) -> None:
    """Open (or close) the whole document of a citation; it stays open across reruns."""
    views = st.session_state.setdefault("doc_views", {})
    if view_key in views:
        del views[view_key]
    else:
        views[view_key] = {"doc_id": doc_id, "span": list(span), "label": label, "cited": list(span), "opened": time.time()}


def move_to(view_key: str, span: list[int], label: str) -> None:
    """Show another Điều of the open document (previous / next)."""
    st.session_state["doc_views"][view_key].update(span=list(span), label=label, opened=time.time())


def breadcrumb(doc: dict, start: int, label: str) -> str:
    """Where a passage sits: "Chương II. … › Điều 5 › khoản 2"."""
    path = [title for offset, title in doc.get("headings", []) if offset <= start][-1:]
    article = next((a for a in doc.get("articles", []) if a[1] <= start < a[2]), None)
    if article:
        line = doc["text"][article[1] :].split("\n", 1)[0].strip()
        path.append(line[:100])
    clause = label.split(", ", 1)[1] if ", " in label and label.startswith("Điều") else ""
    return " › ".join(path + ([clause] if clause else []))


def show_document(document: Callable[[str], dict | None], view_key: str, view: dict) -> None:
    """The whole document: its header, where the passage sits, previous/next Điều, and the text with the
    passage marked and scrolled into view. ``document`` reads for the signed-in caller (None: not readable)."""
    try:
        doc = document(view["doc_id"])
    except HoidapError as exc:
        st.error(error_sentence(exc))
        return
    if doc is None:
        # gone from the index, or not readable by this caller (the same words: nothing is told about a document
        # one may not read)
        st.warning("Văn bản này không còn trong chỉ mục (có thể đã được cập nhật) hoặc không thuộc phạm vi bạn được xem. "
                   "Hãy hỏi lại.")
        return
    facts = [doc["doc_type"], doc["number"], doc["issuer"], vietnamese_date(doc["date"])]
    st.markdown(f"**{escape(doc['title'])}**")
    st.caption(" · ".join(f for f in facts if f) + f" — tệp {doc['source']}")
    for line in validity_lines(doc):
        st.caption(line)
    if view.get("span") is None:  # opened from the library: the whole text, nothing cited
        st.markdown(escape(doc["text"]))
        return
    text, (start, end) = doc["text"], view["span"]
    where = breadcrumb(doc, start, view["label"])
    if where:
        st.caption(f"Vị trí: {escape(where)}")
    articles = doc.get("articles", [])
    here = next((i for i, a in enumerate(articles) if a[1] <= start < a[2]), None)
    if here is not None:
        back, ahead = st.columns(2)
        if here > 0:
            label, a, b = articles[here - 1]
            back.button(f"← {label}", key=f"prev-{view_key}", on_click=move_to, args=(view_key, [a, b], label))
        if here + 1 < len(articles):
            label, a, b = articles[here + 1]
            ahead.button(f"{label} →", key=f"next-{view_key}", on_click=move_to, args=(view_key, [a, b], label))
    cited = view["span"] == view["cited"]
    st.markdown(escape(text[:start]))
    anchor = f"hoidap-passage-{view_key}"
    st.markdown(f'<span id="{anchor}"></span>', unsafe_allow_html=True)
    st.info(f"Đoạn được trích dẫn: {view['label']}" if cited else f"Đang xem: {view['label']}", icon=":material/format_quote:")
    st.markdown(highlighted(text[start:end], [(0, end - start)]))
    st.markdown(escape(text[end:]))
    st.iframe(SCROLL_TO.replace("{stamp}", str(view.get("opened", 0))).replace("{anchor}", anchor), height=1)


# Our own script (no document text): bring the passage into view, and keep it there for the next 10 s while the
# rest of the conversation renders (the chat's stick-to-bottom scrolling would carry it away) unless the user
# scrolls, clicks or types first. The view's stamp makes a new frame each time the view opens or moves, and only
# then.
SCROLL_TO = """<script>/* {stamp} */
const page = window.parent.document;
const timer = setInterval(() => {
  const el = page.getElementById("{anchor}");
  if (!el) return;
  const box = el.getBoundingClientRect();
  if (box.top < 0 || box.top > window.parent.innerHeight * 0.8) el.scrollIntoView({block: "center"});
}, 250);
const stop = () => clearInterval(timer);
setTimeout(stop, 10000);
["wheel", "touchmove", "keydown", "mousedown"].forEach(e => page.addEventListener(e, stop, {once: true, passive: true}));
</script>"""

_KIND_WORDS = {"ceases": "chấm dứt hiệu lực của", "repeals": "bãi bỏ", "amends": "sửa đổi, bổ sung", "replaces": "thay thế"}


def validity_lines(doc: dict) -> list[str]:
    """The document's status and what other documents state about it (and it about them), one line each."""
    lines = []
    status = doc.get("status") or {}
    if status.get("badge"):
        clause = f" ({status['clause']})" if status.get("clause") else ""
        lines.append(f"Hiệu lực: {status['badge']}{clause}")
    for rel in doc.get("relations", []):
        parts = f" {', '.join(rel['parts'][:6])}" if rel["parts"] else ""
        lines.append(f"{rel['source_name']} {_KIND_WORDS.get(rel['kind'], rel['kind'])}{parts} văn bản này ({rel['label'] or 'tiêu đề'})")
    for rel in doc.get("states", []):
        parts = f"{', '.join(rel['parts'][:6])} của " if rel["parts"] else ""
        lines.append(f"Văn bản này {_KIND_WORDS.get(rel['kind'], rel['kind'])} {parts}{rel['target']} ({rel['label'] or 'tiêu đề'})")
    return lines
