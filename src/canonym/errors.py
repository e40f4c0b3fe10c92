"""Errors raised by canonym, and the :class:`Problem` records a table check produces.

The hierarchy::

    CanonymError(Exception)
    ├── TableError(CanonymError, ValueError)        a table file or entry is invalid
    └── UnknownEntityError(CanonymError, KeyError)  an id that no loaded table declares

This module imports nothing else from canonym, so every layer may use it.
"""

from __future__ import annotations

from attrs import frozen

__all__ = ["CanonymError", "Problem", "TableError", "UnknownEntityError", "WorkerLostError"]


@frozen(kw_only=True)
class Problem:
    """One thing wrong with a table: where it is and what is wrong.

    Attributes:
        path: the file (or ``"<python>"`` for entries built in code).
        message: what is wrong, in one sentence.
        line: 1-based line of the entry in the file, when known.
        entry: the id of the entry concerned (or its position, ``"entity[3]"``), when known.
        field: the field concerned, when known.
    """

    path: str
    message: str
    line: int | None = None
    entry: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        parts = [where]
        if self.entry:
            parts.append(f"entry {self.entry!r}")
        if self.field:
            parts.append(f"field {self.field!r}")
        return f"{': '.join(parts)}: {self.message}"


class CanonymError(Exception):
    """Base class of every error canonym raises on purpose."""


class TableError(CanonymError, ValueError):
    """One or more table files or entries are invalid.

    ``problems`` lists every problem found, not only the first; ``str(error)`` prints them all.
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in canonym tables"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


class UnknownEntityError(CanonymError, KeyError):
    """An entity id that none of the loaded tables declares."""

    def __init__(self, entity_id: str) -> None:
        self.entity_id = entity_id
        super().__init__(entity_id)

    def __str__(self) -> str:
        return f"no entity with id {self.entity_id!r} in the loaded tables"


class WorkerLostError(CanonymError, RuntimeError):
    """A worker process of a batch (``resolve_many``/``link_many`` with ``workers`` > 1) died
    twice on the same chunk of texts. Every result before that chunk was already yielded; the
    message says which items of the input the lost chunk held."""
