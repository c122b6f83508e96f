"""Text for the browser: escaping document text and the Vietnamese sentences that replace errors."""

from __future__ import annotations

import re

from core.errors import (
    EmbeddingModelError,
    EmptyQuestionError,
    HoidapError,
    IndexIncompatibleError,
    IndexNotFoundError,
    QuestionTooLongError,
    VectorStoreUnavailableError,
)

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$])")


def _escape_chars(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def escape(text: str) -> str:
    """Text shown literally by st.markdown: Markdown and HTML characters escaped, line breaks kept."""
    return _escape_chars(text).replace("\n", "  \n")


def error_sentence(exc: HoidapError) -> str:
    """What an official reads instead of a traceback."""
    if isinstance(exc, IndexNotFoundError):
        return "Chưa có chỉ mục tài liệu. Người vận hành cần chạy lệnh `hoidap reindex` (hoặc `make run`) rồi tải lại trang."
    if isinstance(exc, IndexIncompatibleError):
        return "Chỉ mục hiện có được tạo bởi phiên bản khác. Người vận hành cần chạy `hoidap reindex --rebuild`."
    if isinstance(exc, EmptyQuestionError):
        return "Câu hỏi đang trống. Vui lòng nhập câu hỏi."
    if isinstance(exc, QuestionTooLongError):
        return f"Câu hỏi quá dài ({exc.length} ký tự, tối đa {exc.limit}). Vui lòng rút gọn câu hỏi."
    if isinstance(exc, VectorStoreUnavailableError):
        return "Máy chủ lưu trữ véc-tơ (Chroma) đang không truy cập được. Vui lòng báo người vận hành kiểm tra máy chủ."
    if isinstance(exc, EmbeddingModelError):
        return "Không tải được mô hình nhúng (embedding). Người vận hành cần kiểm tra cấu hình HOIDAP_EMBED_MODEL."
    return "Không tìm kiếm được trong tài liệu lúc này. Vui lòng thử lại; nếu lỗi lặp lại, hãy báo người vận hành."


def highlighted(text: str, spans: list[tuple[int, int]]) -> str:
    """The text, escaped, with the spans in bold (line by line: bold cannot cross a paragraph)."""
    out, pos = [], 0
    for start, end in sorted(spans):
        out.append(_escape_chars(text[pos:start]))
        lines = text[start:end].split("\n")
        out.append("\n".join(f"**{_escape_chars(line.strip())}**" if line.strip() else line for line in lines))
        pos = end
    out.append(_escape_chars(text[pos:]))
    return "".join(out).replace("\n", "  \n")




def conversation_markdown(history: list[dict]) -> str:
    """The conversation as Markdown, each answer followed by its sources (cited passages quoted)."""
    lines = ["# Hội thoại hoidap", ""]
    for message in history:
        if message["role"] == "user":
            lines += [f"**Hỏi:** {message['content']}", ""]
        elif message.get("error"):
            lines += [f"**Lỗi:** {message['error']}", ""]
        else:
            lines += [f"**Đáp:** {message['answer']}", ""]
            for c in message.get("citations", []):
                lines.append(f"- [{c['n']}] {c['label']} — `{c['source']}`")
                lines += [f"  > {line}" for line in c["text"].splitlines() if line.strip()]
            lines.append("")
    return "\n".join(lines)


# Printing an answer gives the answer and all its sources, not the widgets: the sidebar, the input, buttons,
# feedback and icon ligatures ("smart_toy", "thumb_up") are hidden, closed expanders are printed open. On a
# phone the sidebar (filters, corpus, library) folds away: a labelled "Bộ lọc" button, shown on narrow screens
# only, opens it.
PAGE_STYLE = """<style>
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stBottom"],
  [data-testid="stChatInput"], [data-testid="stHeader"], [data-testid="stToolbar"], .stButton,
  [data-testid="stFeedback"], [data-testid="stTextInput"], [data-testid="stIconMaterial"],
  [data-testid="stChatMessageAvatarAssistant"], [data-testid="stChatMessageAvatarUser"],
  [data-testid="stExpanderIcon"], .st-key-open_filters, [class*="st-key-copy-"] { display: none !important; }
  details::details-content { content-visibility: visible !important; display: block !important; height: auto !important; }
  [data-testid="stExpanderDetails"] { display: block !important; visibility: visible !important; height: auto !important; }
}
.st-key-open_filters { display: none; }
@media (max-width: 640px) { .st-key-open_filters { display: block; } }
</style>"""
# The script the "Bộ lọc" button runs (our own, no document text): open the sidebar the phone folded away.
OPEN_SIDEBAR = (
    "<script>/* {stamp} */ const b = window.parent.document.querySelector('[data-testid=\"stExpandSidebarButton\"]');"
    " if (b) b.click();</script>"
)
