"""A conversation replayed through the service: the turn its next question may refer to."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from hoidap.answer.conversation import Turn

if TYPE_CHECKING:
    from core.access import Caller
    from hoidap.retrieve import Filters
    from hoidap.service import HoidapService, Retrieve


def replayed_turn(
    service: HoidapService,
    questions: Iterable[str],
    k: int | None = None,
    filters: Filters | None = None,
    retrieve: Retrieve | None = None,
    caller: Caller | None = None,
) -> Turn | None:
    """Ask the earlier ``questions`` in order, as ``caller``, each completed from the one before (as in a chat);
    return what a follow-up to them refers to (None when there were none, or all were refused). Replayed
    questions are not recorded in the audit trail again."""
    previous = None
    for question in questions:
        answer = service.ask(question, k, filters, previous=previous, retrieve=retrieve, caller=caller, channel="")
        previous = service.next_turn(answer, previous)
    return previous
