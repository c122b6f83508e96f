"""hoidap chat in the browser (Streamlit). Run with `hoidap serve` or `make run` (Streamlit runs this file).

Only presentation lives here: questions go to HoidapService; domain errors become Vietnamese sentences.
Every service call that returns documents or their text is made for the caller of this script run
(hoidap/signin.py: the signed-in official, or the guest when sign-in is off).
Document text is always escaped before it is rendered (no HTML from documents, ever).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
import time

import streamlit as st

from hoidap.answer.conversation import Turn
from core.access import Caller
from core.errors import HoidapError
from hoidap.retrieve import Filters
from hoidap.service import HoidapService
from core.settings import get_settings
from hoidap.feedback import FeedbackStore
from core.dates import vietnamese_time
from hoidap.ui_document import open_document, show_document
from hoidap.signin import current_caller, show_identity
from hoidap.ui_library import library_page
from hoidap.ui_text import OPEN_SIDEBAR, PAGE_STYLE, conversation_markdown, error_sentence, escape, highlighted

EXAMPLES = [
    "Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?",
    "Luật Giao dịch điện tử có hiệu lực từ ngày nào?",
    "Nghị quyết 57-NQ/TW đặt mục tiêu gì đến năm 2030?",
]


@st.cache_resource(show_spinner=False)
def get_service() -> HoidapService:
    return HoidapService(get_settings())


@st.cache_resource(show_spinner=False)
def get_feedback_store() -> FeedbackStore:
    return FeedbackStore(get_settings().feedback_db)


def save_feedback(message: dict, key: str) -> None:
    """Widget callback: store the thumbs value (1 useful, 0 not) with the optional comment."""
    value = st.session_state.get(f"fb-{key}")
    if value is None:
        return
    message["feedback_id"] = get_feedback_store().add(
        question=message["question"],
        answer=message["answer"],
        refused=message["refused"],
        citations=[{k: c[k] for k in ("n", "label", "source", "text")} for c in message["citations"]],
        useful=bool(value),
        comment=st.session_state.get(f"comment-{key}", ""),
        audit_id=message.get("audit_id"),
    )
    message["feedback"] = bool(value)


def save_comment(message: dict, key: str) -> None:
    """Widget callback: a comment written after the vote goes to the same feedback row."""
    if message.get("feedback_id"):
        get_feedback_store().set_comment(message["feedback_id"], st.session_state.get(f"comment-{key}", ""))
        message["commented"] = True


def render_feedback(message: dict, key: str) -> None:
    """Useful / not useful, with an optional comment (before or after the vote), saved to SQLite."""
    voted = "feedback" in message
    if voted:
        st.caption("Cảm ơn phản hồi của bạn." + (" (hữu ích)" if message["feedback"] else " (chưa hữu ích)"))
    st.text_input("Góp ý (không bắt buộc)", key=f"comment-{key}", placeholder="Câu trả lời thiếu gì, sai ở đâu…")
    if voted:
        st.button("Gửi góp ý", key=f"send-{key}", on_click=save_comment, args=(message, key))
        if message.get("commented"):
            st.caption("Đã lưu góp ý.")
    else:
        st.feedback("thumbs", key=f"fb-{key}", on_change=save_feedback, args=(message, key))


def copy_text(message: dict) -> str:
    """The answer and its sources as plain text, for pasting into a report."""
    lines = [message["answer"], ""]
    lines += [f"[{c['n']}] {c['label']} — {c['source']}" for c in message.get("citations", [])]
    return "\n".join(lines).strip()


def _pieces(text: str):
    """The answer a few words at a time, for st.write_stream."""
    words = re.split(r"(?<=\s)", text)
    for i in range(0, len(words), 3):
        yield "".join(words[i : i + 3])
        time.sleep(0.02)


def reader_for(caller: Caller):
    """The document view's reader: a document only if ``caller`` may read it (None otherwise)."""
    return functools.partial(get_service().document, caller=caller)


def render_answer(message: dict, key: str, caller: Caller, stream: bool = False) -> None:
    """One assistant turn: answer text (streamed when new), each source in an expander, then feedback.
    A source's whole document is opened for ``caller`` (what they may read, as the answer was)."""
    if message.get("error"):
        st.error(message["error"])
        return
    if message.get("notice"):
        st.warning(message["notice"])
    if stream:
        st.write_stream(_pieces(escape(message["answer"])))
    else:
        st.markdown(escape(message["answer"]))
    if message.get("resolved") and message["resolved"] != message["question"]:
        st.caption(f"Câu hỏi được hiểu là: {message['resolved']}")
    applied = message.get("filters") or []
    if message["refused"] and applied:
        st.warning("Không tìm thấy với bộ lọc " + "; ".join(applied) + ". Có thể văn bản trả lời nằm ngoài bộ lọc.")
        st.button("Bỏ lọc và hỏi lại", key=f"unfilter-{key}", on_click=ask_without_filters, args=(message["question"],))
    elif applied:
        st.caption("Bộ lọc đã áp dụng: " + "; ".join(applied))
    if message["refused"]:
        if message["related"]:
            st.caption("Các đoạn gần nhất (không phải trích dẫn):")
        for i, rel in enumerate(message["related"]):
            with st.expander(f"Liên quan: {rel['label']}"):
                st.markdown(escape(rel["text"]))
                st.caption(rel["source"])
    else:
        st.caption("Nguồn trích dẫn:")
        views = st.session_state.get("doc_views", {})
        for c in message["citations"]:
            badge = f" · {c['badge']}" if c.get("badge") else ""
            view_key = f"{key}-{c['n']}"
            with st.expander(f"[{c['n']}] {c['label']}{badge}", expanded=view_key in views):
                st.markdown(highlighted(c["text"], c["quoted"]))
                st.caption(f"Tệp: {c['source']}")
                opened = view_key in views
                st.button("Đóng toàn văn" if opened else "Xem toàn văn", key=f"doc-{view_key}", on_click=open_document,
                          args=(view_key, c["doc_id"], c["span"], c["label"]))
                if opened:
                    show_document(reader_for(caller), view_key, views[view_key])
    if not message["refused"]:
        with st.expander("Sao chép câu trả lời", key=f"copy-{key}"):
            st.code(copy_text(message), language=None, wrap_lines=True)  # the copy button sits on the block
    render_feedback(message, key)


ALL = "Tất cả"
_FILTER_KEYS = {"filter_type": ALL, "filter_year": ALL, "filter_issuer": ALL, "filter_in_force": False}


def filter_words(filters: Filters) -> list[str]:
    """The filters in force, as an official reads them ("Loại văn bản: Luật")."""
    words = []
    if filters.doc_type:
        words.append(f"Loại văn bản: {filters.doc_type}")
    if filters.year:
        words.append(f"Năm ban hành: {filters.year}")
    if filters.issuer:
        words.append(f"Cơ quan ban hành: {filters.issuer}")
    if filters.in_force:
        words.append("Chỉ văn bản còn hiệu lực")
    return words


def ask_without_filters(question: str) -> None:
    """Clear the sidebar filters and ask the question again (a refusal the filters may have caused)."""
    for key, value in _FILTER_KEYS.items():
        st.session_state[key] = value
    st.session_state.pop("ask_in", None)
    st.session_state.setdefault("history", []).append({"role": "user", "content": question})
UNEXPECTED_ERROR = (
    "Hệ thống gặp lỗi khi tìm trong tài liệu. Vui lòng thử lại sau ít phút; nếu lỗi lặp lại, hãy báo người vận hành."
)


def sidebar_filters(caller: Caller) -> Filters:
    """Filters chosen in the sidebar (document type, year, issuer), applied to retrieval; their choices come
    from the documents ``caller`` may read."""
    try:
        docs = get_service().documents(caller=caller)
    except HoidapError:
        return Filters()
    types = sorted({d["doc_type"] for d in docs if d["doc_type"]})
    years = sorted({d["date"][:4] for d in docs if d["date"][:4].isdigit()}, reverse=True)
    issuers = sorted({d["issuer"] for d in docs if d["issuer"]})
    st.subheader("Lọc văn bản")
    doc_type = st.selectbox("Loại văn bản", [ALL, *types], key="filter_type")
    year = st.selectbox("Năm ban hành", [ALL, *years], key="filter_year")
    issuer = st.selectbox("Cơ quan ban hành", [ALL, *issuers], key="filter_issuer")
    in_force = st.checkbox("Chỉ văn bản còn hiệu lực", key="filter_in_force")
    return Filters(
        doc_type="" if doc_type == ALL else doc_type,
        year=None if year == ALL else int(year),
        issuer="" if issuer == ALL else issuer,
        in_force=in_force,
    )


def previous_turn(history: list[dict], before: int) -> Turn | None:
    """The turn a follow-up at position ``before`` refers to (the service's next_turn, kept with each answer)."""
    for message in reversed(history[:before]):
        if message["role"] == "assistant" and "turn" in message:
            return Turn(**message["turn"])
    return None


def answer_message(question: str, filters: Filters, previous: Turn | None, caller: Caller) -> dict:
    """Ask the service for ``caller``; return the chat record (plain data, kept in session state across reruns).

    With an LLM backend its tokens are shown as they arrive, then replaced by the checked answer.
    """
    draft = st.empty()
    try:
        raw = ""
        for item in get_service().ask_stream(question, filters=filters, previous=previous, caller=caller, channel="chat"):
            if isinstance(item, str):
                raw += item
                draft.markdown(escape(raw))
            else:
                answer = item
        draft.empty()
    except HoidapError as exc:
        return {"role": "assistant", "error": error_sentence(exc)}
    except Exception:  # an official never sees a traceback; the operator finds it in the server log
        logging.getLogger("hoidap.app").exception("answering failed")
        return {"role": "assistant", "error": UNEXPECTED_ERROR}
    applied = filter_words(filters)
    if filters.doc_id and st.session_state.get("ask_in"):
        applied.append(f"Chỉ trong văn bản: {st.session_state['ask_in']['name']}")
    return {
        "role": "assistant",
        "question": question,
        "resolved": answer.resolved_question,
        "turn": dataclasses.asdict(get_service().next_turn(answer, previous)),
        "answer": answer.text,
        "notice": answer.notice,
        "refused": answer.refused,
        "audit_id": answer.audit_id,  # the audit trail's row of this question, kept with its feedback
        "filters": applied,
        "citations": [
            {
                "n": c.n,
                "label": c.passage.chunk.citation_label(),
                "text": c.passage.chunk.text,
                "quoted": c.quoted,
                "source": c.passage.chunk.source,
                "doc_id": c.passage.chunk.doc_id,
                "span": [c.passage.chunk.start, c.passage.chunk.end],
                "badge": (c.status or {}).get("badge", ""),
            }
            for c in answer.citations
        ],
        "related": _related(answer) if answer.refused else [],
    }


def _related(answer) -> list[dict]:
    """The closest passages of a refusal, one per citation label, at most three."""
    seen, out = set(), []
    for p in answer.related:
        label = p.chunk.citation_label()
        if label not in seen and len(out) < 3:
            seen.add(label)
            out.append({"label": label, "text": p.chunk.text, "source": p.chunk.source})
    return out


def chat_page(caller: Caller) -> None:
    """The chat, for ``caller``: every answer, source, document, list and count comes from what they may read."""
    st.title("Hỏi đáp chính sách chuyển đổi số")
    if st.button("☰ Bộ lọc và thư viện", key="open_filters"):  # shown on a phone only (PAGE_STYLE)
        st.iframe(OPEN_SIDEBAR.replace("{stamp}", str(time.time())), height=1)
    st.caption("Trả lời dựa trên văn bản, có trích dẫn nguồn. Không có trong tài liệu thì nói rõ là không có.")
    history: list[dict] = st.session_state.setdefault("history", [])

    with st.sidebar:
        st.header("Kho tài liệu")
        try:
            info = get_service().status(caller=caller)
            st.metric("Văn bản", info["documents"])
            st.metric("Đoạn đã lập chỉ mục", info["chunks"])
            st.caption(f"Cập nhật chỉ mục: {vietnamese_time(info['built_at'])}")
            if info["semantic_progress"] is not None:
                st.progress(info["semantic_progress"] / 100,
                            text=f"Đang hoàn tất chỉ mục ngữ nghĩa: {info['semantic_progress']:.0f}%")
            with st.expander("Thông tin hệ thống"):
                st.caption(f"Mô hình nhúng: {info['embed_model']}")
                st.caption(f"Thế hệ chỉ mục: {info['generation']}")
        except HoidapError as exc:
            st.warning(error_sentence(exc))
        filters = sidebar_filters(caller)
        scope = st.session_state.get("ask_in")
        if scope:  # "Hỏi trong văn bản này" from the library
            st.info(f"Chỉ hỏi trong: {scope['name']}")
            st.button("Hỏi trong mọi văn bản", key="ask_everywhere", on_click=st.session_state.pop, args=("ask_in", None))
            filters = dataclasses.replace(filters, doc_id=scope["doc_id"])
        if st.button("Cuộc hội thoại mới"):
            history.clear()
            st.session_state["doc_views"] = {}
            st.rerun()

    question = st.chat_input("Nhập câu hỏi về chính sách chuyển đổi số…")
    limit = get_settings().max_question_chars
    if question is not None and len(question) > limit:  # kept for the official to shorten, never lost
        st.session_state["too_long"] = question
    elif question is not None:
        st.session_state.pop("too_long", None)
        history.append({"role": "user", "content": question})
    if st.session_state.get("too_long"):
        kept = st.session_state["too_long"]
        st.error(f"Câu hỏi quá dài ({len(kept)} ký tự, tối đa {limit}). Câu hỏi của bạn được giữ lại dưới đây: "
                 "hãy rút gọn rồi gửi lại.")
        st.text_area("Câu hỏi của bạn (chưa gửi)", value=kept, key="too_long_text", height=150)

    if not history:
        st.markdown("**Ví dụ câu hỏi** (bấm để hỏi):")
        for n, example in enumerate(EXAMPLES):
            st.button(example, key=f"example-{n}", on_click=history.append, args=({"role": "user", "content": example},))

    # A question typed while another was being answered reruns the script and interrupts that
    # answer: every question still without a reply is answered here, so none is lost.
    i = 0
    while i < len(history):
        message = history[i]
        with st.chat_message(message["role"]):
            if message["role"] == "user":
                st.markdown(escape(message["content"]))
            else:
                render_answer(message, str(i), caller)
        if message["role"] == "user" and (i + 1 == len(history) or history[i + 1]["role"] == "user"):
            with st.chat_message("assistant"):
                with st.spinner("Đang tìm trong tài liệu…"):
                    reply = answer_message(message["content"], filters, previous_turn(history, i), caller)
                render_answer(reply, str(i + 1), caller, stream=True)
            history.insert(i + 1, reply)
            i += 1
        i += 1

    # After the conversation so that the file holds the answer just given.
    st.sidebar.download_button(
        "Tải hội thoại (Markdown)",
        data=conversation_markdown(history),
        file_name="hoidap-hoi-thoai.md",
        mime="text/markdown",
        disabled=not history,
    )


def main() -> None:
    st.set_page_config(page_title="hoidap – Hỏi đáp chính sách chuyển đổi số", page_icon="📜")
    st.html(PAGE_STYLE)
    settings = get_settings()
    caller = current_caller(settings)  # with sign-in on and nobody signed in: the sign-in page, and the run stops
    with st.sidebar:
        show_identity(caller, settings)
    chat = st.Page(lambda: chat_page(caller), title="Hỏi đáp", icon=":material/chat:", default=True, url_path="hoi-dap")
    library = st.Page(
        lambda: library_page(functools.partial(get_service().documents, caller=caller), reader_for(caller), chat),
        title="Thư viện văn bản", icon=":material/library_books:", url_path="thu-vien",
    )
    st.navigation([chat, library]).run()


if __name__ == "__main__":  # `streamlit run` executes this file as __main__
    main()
