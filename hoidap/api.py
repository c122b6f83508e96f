"""The HTTP API for other systems (FastAPI), served by `hoidap api`: a thin layer over HoidapService.

POST /ask returns exactly the `hoidap ask --json` record; GET /health the served index (generation, counts);
a request reads the documents of its bearer token's groups (setting api_tokens), or, without a token, the
guest groups' and public ones; each question goes to the audit trail;
/docs is FastAPI's own page. Domain errors become JSON errors here, `{"error": code, "message": sentence}`,
with an HTTP status (400 bad input, 503 index or vector store not usable); a stack trace never leaves the server.
Each worker process holds its own service; a reindex anywhere is served from the next question on.
"""

from __future__ import annotations

import hmac
import logging
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from fastapi import FastAPI, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from core.access import Caller, group_names
from core.errors import (
    EmbeddingModelError,
    EmptyQuestionError,
    HoidapError,
    IndexIncompatibleError,
    IndexLockedError,
    IndexNotFoundError,
    QuestionTooLongError,
    VectorStoreUnavailableError,
)
from core.settings import get_settings

if TYPE_CHECKING:
    from hoidap.service import HoidapService

MAX_HISTORY = 10  # earlier questions replayed for a follow-up
log = logging.getLogger("hoidap.api")


class AskRequest(BaseModel):
    """A question, with the options of `hoidap ask` (filters) and, for a follow-up, the earlier questions."""

    model_config = ConfigDict(extra="forbid")  # a misspelt option is an error, not silently dropped

    question: str = Field(description="The question, in Vietnamese (diacritics optional).")
    k: int | None = Field(None, ge=1, le=50, description="Passages to consider (default: the top_k setting).")
    doc_type: str = Field("", description='Only documents of this type, e.g. "Luật", "Nghị định", "Tin tức".')
    year: int | None = Field(None, description="Only documents dated this year.")
    issuer: str = Field("", description='Only documents whose issuer contains this, e.g. "Chính phủ".')
    number: str = Field("", description='Only documents whose số hiệu contains this, e.g. "20/2023".')
    in_force: bool = Field(False, description="Only documents still in force (còn hiệu lực) today.")
    history: list[str] = Field(
        default_factory=list,
        max_length=MAX_HISTORY,
        description="Earlier questions of the conversation, oldest first; they are asked again (same filters) so "
        "that a follow-up ('còn năm 2025 thì sao?', 'văn bản đó do ai ban hành?') is completed as in `hoidap chat`.",
    )


def error_body(exc: HoidapError) -> tuple[int, dict]:
    """The HTTP status and JSON body of a domain error, worded for the operator of the calling system."""
    if isinstance(exc, UnknownTokenError):
        return 401, {"error": "unauthorized", "message": "The bearer token is not known to this server."}
    if isinstance(exc, EmptyQuestionError):
        return 400, {"error": "empty_question", "message": "The question is empty."}
    if isinstance(exc, QuestionTooLongError):
        return 400, {"error": "question_too_long",
                     "message": f"The question has {exc.length} characters; the limit is {exc.limit}. Shorten it."}
    if isinstance(exc, IndexNotFoundError):
        return 503, {"error": "index_missing", "message": "No index has been built yet. Build it with: hoidap reindex"}
    if isinstance(exc, IndexIncompatibleError):
        return 503, {"error": "index_incompatible",
                     "message": f"The index cannot be used ({exc.reason}). Rebuild it: hoidap reindex --rebuild"}
    if isinstance(exc, IndexLockedError):
        return 503, {"error": "index_locked", "message": "The index is being rebuilt. Try again shortly."}
    if isinstance(exc, VectorStoreUnavailableError):
        return 503, {"error": "vector_store_unavailable", "message": f"The vector store is unavailable: {exc}"}
    if isinstance(exc, EmbeddingModelError):
        return 503, {"error": "embedding_model_unavailable", "message": f"The embedding model cannot be loaded: {exc.reason}"}
    return 500, {"error": "error", "message": str(exc)}


class UnknownTokenError(HoidapError):
    """A request carries a bearer token the settings do not know."""


def caller_of(authorization: str | None, tokens: dict[str, list[str]], guest_groups: list[str]) -> Caller:
    """Who a request is from: the holder of a known bearer token (its groups; ["*"] = every document), or a
    guest when there is no token. UnknownTokenError for a token the settings do not list."""
    if not authorization:
        return Caller.of("", group_names(guest_groups, "guest_groups"))
    scheme, _, given = authorization.partition(" ")
    # compared in constant time, every token (how long a refusal takes says nothing of the tokens)
    known = [t for t in sorted(tokens) if hmac.compare_digest(t.encode(), given.strip().encode())]
    if scheme.lower() != "bearer" or not known:
        raise UnknownTokenError("unknown or malformed bearer token")
    groups = tokens[known[0]]
    name = f"api-token-{sorted(tokens).index(known[0]) + 1}"  # recorded in the audit trail: never the token itself
    if "*" in groups:
        return Caller(name, operator=True)
    return Caller.of(name, group_names(groups, "api_tokens"))


def create_app(service: HoidapService | None = None) -> FastAPI:
    """The API over ``service`` (default: one made from the settings, its models loaded at startup)."""
    from hoidap.replay import replayed_turn
    from hoidap.retrieve import Filters
    from hoidap.service import HoidapService

    served = service or HoidapService(get_settings())

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        try:
            served.warm_up()  # models and index loaded before the first question, not during it
        except HoidapError as exc:  # no index yet, store down: /health says so, each question tries again
            log.warning("started without a usable index: %s", exc)
        yield

    api = FastAPI(
        title="hoidap",
        summary="Cited answers from Vietnamese digital-transformation policy documents.",
        lifespan=lifespan,
    )

    @api.exception_handler(HoidapError)
    async def domain_error(_request: Request, exc: HoidapError) -> JSONResponse:
        status, body = error_body(exc)
        return JSONResponse(body, status_code=status)

    @api.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        where = lambda e: ".".join(str(p) for p in e["loc"] if p != "body")  # noqa: E731
        message = "; ".join(f"{where(e) or 'body'}: {e['msg']}" for e in exc.errors())
        return JSONResponse({"error": "bad_request", "message": message}, status_code=400)

    @api.exception_handler(Exception)
    async def unexpected(_request: Request, _exc: Exception) -> JSONResponse:
        # Starlette re-raises after this response: the trace goes to the server log, never to the caller
        return JSONResponse(
            {"error": "internal_error", "message": "hoidap failed on this request; the server log says why."},
            status_code=500,
        )

    @api.post("/ask", summary="Answer a question with citations (the `hoidap ask --json` record)")
    def ask(request: AskRequest, authorization: str | None = Header(None)) -> dict:
        caller = caller_of(authorization, served.settings.api_tokens, served.settings.guest_groups)
        filters = Filters(request.doc_type, request.year, request.issuer, request.number, request.in_force)
        previous = replayed_turn(served, request.history, request.k, filters, caller=caller)
        return served.ask(request.question, request.k, filters, previous, caller=caller, channel="api").to_dict()

    @api.get("/health", summary="The served index: generation, documents and chunks (those the caller reads), build time, embedding model")
    def health(authorization: str | None = Header(None)) -> dict:
        return served.status(caller_of(authorization, served.settings.api_tokens, served.settings.guest_groups))

    return api
