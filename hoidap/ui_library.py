"""The document library page: every indexed document, searchable by số hiệu or title words (diacritics
optional), filtered by type and legal status; a document opens for reading, and "Hỏi trong văn bản này"
starts a chat restricted to it. Presentation only (Streamlit)."""

from __future__ import annotations

from typing import Callable

import streamlit as st

from core.dates import vietnamese_date
from hoidap.ui_document import show_document
from ingest.normalize import fold_diacritics

ALL = "Tất cả"
UNKNOWN_STATUS = "Chưa rõ"


def search_matches(doc: dict, words: str) -> bool:
    """Whether every word typed is in the document's số hiệu, title, type or issuer; accents optional
    ("nghi dinh 13" finds Nghị định 13/2023/NĐ-CP)."""
    haystack = fold_diacritics(f"{doc['doc_type']} {doc['number']} {doc['title']} {doc['issuer']}".lower())
    return all(w in haystack for w in fold_diacritics(words.lower()).split())


def status_of(doc: dict) -> str:
    return ((doc.get("status") or {}).get("badge")) or UNKNOWN_STATUS


def library_label(doc: dict) -> str:
    """"Luật 20/2023/QH15 — Luật Giao dịch điện tử" (the title alone when there is no số hiệu)."""
    head = " ".join(x for x in (doc["doc_type"], doc["number"]) if x)
    return f"{head} — {doc['title']}" if head and doc["number"] else doc["title"] or doc["source"]


def ask_in(doc: dict) -> None:
    """Restrict the chat to this document (the chat page shows it and can lift it)."""
    st.session_state["ask_in"] = {"doc_id": doc["doc_id"], "name": library_label(doc)}


def library_page(documents: Callable[[], list[dict]], document: Callable[[str], dict | None], chat_page) -> None:
    """The library of what the caller may read: ``documents`` and ``document`` are the service's, bound to the
    caller by the app (an unreadable document is neither listed nor opened)."""
    st.title("Thư viện văn bản")
    docs = documents()
    st.caption(f"{len(docs)} văn bản trong chỉ mục. Tìm theo số hiệu hoặc tên (gõ có dấu hay không dấu đều được).")
    words = st.text_input("Tìm văn bản", key="library_search", placeholder="vd. 20/2023, giao dịch điện tử, nghi dinh 13")
    left, right = st.columns(2)
    types = sorted({d["doc_type"] for d in docs if d["doc_type"]})
    doc_type = left.selectbox("Loại văn bản", [ALL, *types], key="library_type")
    statuses = sorted({status_of(d) for d in docs})
    status = right.selectbox("Hiệu lực", [ALL, *statuses], key="library_status")
    shown = [
        d for d in docs
        if search_matches(d, words) and doc_type in (ALL, d["doc_type"]) and status in (ALL, status_of(d))
    ]
    st.dataframe(
        [
            {"Loại": d["doc_type"], "Số hiệu": d["number"], "Tên văn bản": d["title"], "Cơ quan ban hành": d["issuer"],
             "Ngày": vietnamese_date(d["date"]), "Hiệu lực": status_of(d), "Số đoạn": d["chunks"]}
            for d in shown
        ],
        hide_index=True,
        use_container_width=True,
    )
    if not shown:
        st.info("Không có văn bản nào khớp với tìm kiếm và bộ lọc.")
        return
    by_name = {library_label(d): d for d in shown}
    chosen = st.selectbox("Mở văn bản", list(by_name), index=None, key="library_open", placeholder="Chọn văn bản để đọc")
    if chosen is None:
        return
    doc = by_name[chosen]
    if st.button("Hỏi trong văn bản này", key="library_ask", type="primary", on_click=ask_in, args=(doc,)):
        st.switch_page(chat_page)
    show_document(document, f"library-{doc['doc_id']}", {"doc_id": doc["doc_id"], "span": None, "label": ""})
