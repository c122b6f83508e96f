"""Who may read which document: access groups of documents and the caller a question is asked for.

A document's groups come from its front matter (``access: [van-phong]``) or, when it declares none, from the
folder rules of the settings (``access_rules``: ``"noi-bo/**" = ["van-phong"]``, the last matching rule wins,
as in CODEOWNERS); no rule means public. Every chunk of the document carries the same groups in the index.
A caller reads a document when it is public or when they share one of its groups; an operator (the CLI
without ``--as-group``) reads everything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase

from core.errors import AccessGroupError

PUBLIC = "public"  # the group of every document no rule restricts; every caller reads it
GROUP_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


def group_names(value: object, where: str) -> tuple[str, ...]:
    """Groups written as a list or a comma-separated string, checked and sorted; AccessGroupError names
    ``where`` (a file, a setting) and the bad name."""
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, (list, tuple, set, frozenset)):
        raise AccessGroupError(where, repr(value))
    names = set()
    for item in items:
        name = str(item).strip().lower()
        if not GROUP_NAME.match(name):
            raise AccessGroupError(where, str(item))
        names.add(name)
    return tuple(sorted(names))


def checked_rules(rules: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Folder rules with their group names checked (AccessGroupError names the rule), in their order."""
    return {pattern: group_names(list(groups), f"access_rules {pattern!r}") for pattern, groups in rules.items()}


def document_access(rel_path: str, declared: Sequence[str], rules: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The groups of a document at ``rel_path`` (relative to the corpus, '/' separated): its own declaration,
    else the last folder rule whose pattern matches the path, else public. Never empty."""
    groups: Sequence[str] = declared
    if not groups:
        for pattern, rule_groups in rules.items():
            if _matches(pattern, rel_path):
                groups = rule_groups
    return tuple(sorted(set(groups))) or (PUBLIC,)


def _matches(pattern: str, rel_path: str) -> bool:
    """Glob match where "dir/**" (or "dir/") is everything under dir and "*" stays within one folder level."""
    pattern = pattern.strip().lstrip("/")
    if pattern.endswith("/"):
        pattern += "**"
    if pattern.endswith("/**"):
        folder = pattern[:-3]
        return rel_path.startswith(folder + "/") if "*" not in folder else fnmatchcase(rel_path, pattern[:-1] + "*")
    if "**" in pattern:
        return fnmatchcase(rel_path, pattern.replace("**", "*"))
    parts, names = pattern.split("/"), rel_path.split("/")
    return len(parts) == len(names) and all(fnmatchcase(n, p) for p, n in zip(parts, names))


@dataclass(frozen=True)
class Caller:
    """Who a question, a document view or a list is read for."""

    user: str = ""  # e-mail or name from sign-in; "" = anonymous
    groups: frozenset[str] = frozenset()  # besides public
    operator: bool = False  # reads every document (the CLI without --as-group)

    @classmethod
    def of(cls, user: str, groups: Iterable[str]) -> "Caller":
        return cls(user, frozenset(g for g in groups if g != PUBLIC))

    def reads(self, access: Iterable[str]) -> bool:
        """Whether a document with these groups is readable by this caller."""
        access = set(access) or {PUBLIC}
        return self.operator or PUBLIC in access or bool(self.groups & access)

    def key(self) -> str:
        """Stable identity of what this caller reads (callers with the same key read the same documents)."""
        return "*" if self.operator else ",".join(sorted(self.groups))

    def vector_filter(self) -> dict | None:
        """The Chroma ``where`` clause that keeps only readable chunks (each carries its ``access`` list); None
        for an operator."""
        if self.operator:
            return None
        clauses = [{"access": {"$contains": g}} for g in (PUBLIC, *sorted(self.groups))]
        return clauses[0] if len(clauses) == 1 else {"$or": clauses}

    def describe(self) -> list[str]:
        """The groups for records and the audit trail (["*"] for an operator)."""
        return ["*"] if self.operator else sorted(self.groups)


OPERATOR = Caller(user="operator", operator=True)
ANONYMOUS = Caller()
