"""Optional LLM answers through llama-index (an OpenAI-compatible server or Ollama), checked sentence by sentence.

Every sentence must cite a given source [n]; a sentence whose numbers or số hiệu appear in none of the
sources it cites is removed. If the model fails, times out, or leaves no valid cited sentence, the
extractive answer is used instead, with a visible notice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources

from hoidap.answer.extractive import REFUSAL_TEXT, ExtractiveAnswerer
from hoidap.answer.types import Answer, Citation
from core.errors import ConfigError
from hoidap.retrieve import Passage
from core.settings import Settings
from hoidap.answer.conversation import Turn
from hoidap.query import Query
from ingest.metadata import find_numbers
from ingest.normalize import has_diacritics

PROMPTS = resources.files("hoidap.answer") / "prompts"  # package data: found where the package is installed
FALLBACK_NOTICE = "(Không dùng được mô hình ngôn ngữ lúc này; dưới đây là câu trả lời trích nguyên văn từ tài liệu.)"
_MARK = re.compile(r"\[(\d{1,2})\]")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def make_llm(settings: Settings):
    """The llama-index LLM named by the settings (no network call happens here)."""
    if settings.llm_backend == "openai":
        from llama_index.llms.openai_like import OpenAILike

        return OpenAILike(
            model=settings.llm_model,
            api_base=settings.llm_base_url,
            api_key=settings.llm_api_key or "not-needed",
            is_chat_model=True,
            timeout=settings.llm_timeout_s,
            max_retries=0,
            temperature=0.0,
        )
    if settings.llm_backend == "ollama":
        from llama_index.llms.ollama import Ollama

        return Ollama(model=settings.llm_model, base_url=settings.llm_base_url, request_timeout=settings.llm_timeout_s)
    raise ConfigError(f"unknown LLM backend {settings.llm_backend!r}")


def _sources(passages: list[Passage]) -> str:
    return "\n\n".join(f"[{i}] {p.chunk.citation_label()}\n{p.chunk.text}" for i, p in enumerate(passages, 1))


def verify(text: str, passages: list[Passage]) -> tuple[str, set[int]]:
    """Keep the sentences that cite given sources and whose figures appear in them; return (text, cited n)."""
    kept, cited = [], set()
    for sentence in (m.group(0).strip() for m in _SENTENCE.finditer(text)):
        marks = {int(n) for n in _MARK.findall(sentence)}
        if not marks or any(n < 1 or n > len(passages) for n in marks):
            continue  # no citation, or one to a source that was not given ([9])
        evidence = " ".join(passages[n - 1].chunk.text + " " + passages[n - 1].chunk.citation_label() for n in marks)
        claims = find_numbers(_MARK.sub("", sentence)) + _FIGURE.findall(_MARK.sub("", sentence))
        if any(claim not in evidence for claim in claims):
            continue  # a number or số hiệu the cited sources do not contain
        kept.append(sentence)
        cited |= marks
    return " ".join(kept), cited


def condense(llm, question: str, previous: Turn, rule_based: str) -> str:
    """A follow-up rewritten by the LLM into a standalone question — kept only if it is still Vietnamese.

    Rewrites of non-English questions drifting into English are a known failure: such an output, an empty
    or overlong one, or any error falls back to the rule-based resolution.
    """
    from llama_index.core.llms import ChatMessage

    prompt = (PROMPTS / "condense.txt").read_text(encoding="utf-8").format(
        previous=previous.question, documents="; ".join(previous.cited_documents) or "(không có)", question=question
    )
    try:
        out = llm.chat([ChatMessage(role="user", content=prompt)]).message.content or ""
    except Exception:
        return rule_based
    out = " ".join(out.strip().strip('"').split())
    if not out or len(out) > 400 or (has_diacritics(question) and not has_diacritics(out)):
        return rule_based
    return out


class LLMAnswerer:
    """Generates with the LLM, streams tokens, then checks the answer (falls back to extractive)."""

    def __init__(self, settings: Settings, extractive: ExtractiveAnswerer, llm=None):
        self.settings = settings
        self.extractive = extractive
        self.llm = llm or make_llm(settings)
        self.system = (PROMPTS / "answer_system.txt").read_text(encoding="utf-8")
        self.user = (PROMPTS / "answer_user.txt").read_text(encoding="utf-8")

    def stream(self, query: Query, passages: list[Passage], weight) -> Iterator[str | Answer]:
        """Yield text deltas as they arrive, then the checked Answer as the last item."""
        from llama_index.core.llms import ChatMessage

        question = query.text
        if not passages:
            yield self.extractive.answer(query, passages, weight)
            return
        messages = [
            ChatMessage(role="system", content=self.system),
            ChatMessage(role="user", content=self.user.format(sources=_sources(passages), question=question)),
        ]
        raw = ""
        try:
            for chunk in self.llm.stream_chat(messages):
                delta = chunk.delta or ""
                raw += delta
                if delta:
                    yield delta
        except Exception:  # timeouts, HTTP errors, refused connections: the documents still answer
            yield self._fallback(query, passages, weight)
            return
        if raw.strip().startswith(REFUSAL_TEXT[:30]):
            yield Answer(question=question, text=REFUSAL_TEXT, refused=True, related=passages, passages=passages)
            return
        text, cited = verify(raw, passages)
        if not text:
            yield self._fallback(query, passages, weight)
            return
        citations = [Citation(n=n, passage=passages[n - 1]) for n in sorted(cited)]
        yield Answer(
            question=question,
            text=text,
            refused=False,
            citations=citations,
            related=[p for i, p in enumerate(passages, 1) if i not in cited],
            passages=passages,
            generated=True,
        )

    def answer(self, query: Query, passages: list[Passage], weight) -> Answer:
        """The checked answer (the stream consumed)."""
        *_, last = self.stream(query, passages, weight)
        return last

    def _fallback(self, query: Query, passages: list[Passage], weight) -> Answer:
        answer = self.extractive.answer(query, passages, weight)
        answer.notice = FALLBACK_NOTICE
        return answer
