"""The resolver: one query in, one explained :class:`~canonym.Resolution` out.

:class:`Resolver` is the API. :func:`resolve` is sugar over a resolver built lazily, once, from
the shipped tables. The matching pipeline is described in ``docs/resolving.md``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Collection, Iterable, Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from .decide import AMBIGUITY_FLOOR, DEFAULT_THRESHOLD, as_kinds
from .engine import MAX_QUERY_LENGTH, Engine
from .explain import not_text
from .index import Index
from .lookups import METHOD_SCORES, SpellingLookups
from .matching import NameIndex
from .model import Entity, Kind, Office, Resolution, as_date
from .offices import holder_of
from .parallel import in_processes, unpack
from .snapshot import from_snapshot, to_snapshot
from .store import IndexFileError, dump_index, load_index, write_atomically
from .tables import Tables, default_tables, extend_tables, load_tables
from .text import without_surrogates

__all__ = [
    "AMBIGUITY_FLOOR",
    "DEFAULT_THRESHOLD",
    "MAX_QUERY_LENGTH",
    "METHOD_SCORES",
    "Resolver",
    "default_resolver",
    "resolve",
]

#: How many answers a resolver remembers, and the longest query it remembers.
MEMO_SIZE = 65_536
MEMO_MAX_LENGTH = 256


class Resolver:
    """Resolves names, titles and organisations against one set of tables.

    A resolver builds its :class:`~canonym.index.Index` once, in the constructor, and never
    changes afterwards: it is safe to share between threads. To use other tables, build another
    resolver.

    Args:
        tables: the tables to resolve against; the shipped tables when ``None``.
        threshold: minimum score in [0, 1] for a MATCHED result. The default (0.7) accepts an
            unambiguous family name alone (``"Putin"``, score 0.75); 0.8 accepts loose Korean
            keys and above; 0.9 only exact, reordered, transliterated and skeleton matches.
    """

    def __init__(
        self,
        tables: Tables | None = None,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        index: Index | None = None,
    ):
        if not isinstance(threshold, int | float) or not 0.0 <= threshold <= 1.0:
            msg = f"threshold must be a number in [0, 1], not {threshold!r}"
            raise ValueError(msg)
        self.tables = tables if tables is not None else default_tables()
        self.threshold = float(threshold)
        if index is not None and index.tables is not self.tables:
            msg = "the index given was built over other tables"
            raise ValueError(msg)
        self.index = index if index is not None else Index.build(self.tables)
        self._engine = Engine(self.index, self.threshold)
        # Answers are immutable and depend only on the query, so repeated names (an archive
        # names the same people again and again) are answered from a bounded memo;
        # functools.lru_cache is safe to share between threads.
        self._memo = lru_cache(maxsize=MEMO_SIZE)(self._engine.resolve)

    @classmethod
    def load(
        cls, *paths: str | Path, defaults: bool = True, threshold: float = DEFAULT_THRESHOLD
    ) -> Resolver:
        """Build a resolver from the shipped tables (unless ``defaults=False``) plus ``paths``.

        Raises:
            TableError: listing every problem in the files.
        """
        return cls(load_tables(*paths, defaults=defaults), threshold=threshold)

    def __repr__(self) -> str:
        return f"Resolver({len(self.tables)} entities, threshold={self.threshold})"

    def save(self, path: str | Path) -> None:
        """Save this resolver (its tables, threshold and built index) to ``path``, atomically.

        The file is data, never code: gzip-compressed JSON with a format version and a
        SHA-256 checksum (docs/guarantees.md). :meth:`open` reads it back.
        """
        write_atomically(path, self.to_bytes())

    def to_bytes(self) -> bytes:
        """This resolver as the bytes :meth:`save` writes: to send it to other processes or
        machines (a Spark broadcast, a Dask graph) without a file. :meth:`from_bytes` reads
        them back."""
        from importlib.metadata import version

        return dump_index(self.tables, self.threshold, version("canonym"), to_snapshot(self.index))

    @classmethod
    def from_bytes(cls, data: bytes, *, name: str = "<bytes>") -> Resolver:
        """A resolver from :meth:`to_bytes` (or a saved file's contents); ``name`` is used in
        error messages.

        Raises:
            IndexFileError: the data are truncated, corrupt, tampered with, or of another
                format or version.
        """
        tables, threshold, snapshot = load_index(data, name)
        index = from_snapshot(tables, snapshot) if snapshot is not None else None
        return cls(tables, threshold=threshold, index=index)

    @classmethod
    def open(cls, path: str | Path) -> Resolver:
        """Read a resolver saved by :meth:`save`.

        Raises:
            IndexFileError: the file is unreadable, truncated, corrupt, tampered with, or of
                another format or version; no resolver is built from it.
        """
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            msg = f"{path}: cannot read: {exc.strerror or exc}"
            raise IndexFileError(msg) from None
        return cls.from_bytes(data, name=str(path))

    def extend(
        self,
        *paths: str | Path,
        entities: Iterable[Entity | Mapping[str, Any]] = (),
        aliases: Mapping[str, Iterable[str | Mapping[str, Any]]] | None = None,
    ) -> Resolver:
        """A new resolver over these tables plus more; this one is unchanged.

        Args:
            paths: table files, merged in order after the current tables.
            entities: entities to add, as :class:`~canonym.Entity` objects or as mappings in
                the table format (an id the tables know adds to that entity; ``replace`` and
                ``remove_aliases`` work as in files).
            aliases: more spellings for known ids: ``{"kp.no-kwang-chol": ["No Gwansuk"]}``.

        Raises:
            TableError: listing every problem, as :func:`~canonym.load_tables` does.
        """
        additions: list[Entity | Mapping[str, Any]] = list(entities)
        for entity_id, spellings in (aliases or {}).items():
            listed = [s if isinstance(s, str) else dict(s) for s in spellings]
            additions.append({"id": entity_id, "aliases": listed})
        tables = extend_tables(self.tables, *paths, entries=additions)
        return Resolver(tables, threshold=self.threshold)

    def _in_processes(
        self, texts: Iterable[Any], workers: int, chunk: int, job: tuple[Any, ...]
    ) -> Iterator[list[Any]]:
        return in_processes(self, self.to_bytes, _from_parent, texts, workers, chunk, job)

    def resolve(
        self,
        text: str,
        *,
        kinds: Collection[Kind | str] | None = None,
        on: _dt.date | str | None = None,
    ) -> Resolution:
        """Resolve one name, title or organisation, or a person named with an office.

        Never raises on a ``str``: empty, junk or over-long text is UNMATCHED. Raises
        :class:`TypeError` for anything that is not a ``str`` (and for a bad ``on``).

        Args:
            text: the query: ``"Choe Ryong Hae"``, ``"Russian Defense Minister"``, ``"KPA"``,
                ``"Foreign Minister Choe"``, ``"Pak Yong-il, vice director of the GPB"``.
            kinds: only consider entities of these kinds (all kinds when ``None``): ``Kind``
                members or their names (``{"person"}``); anything else is a ``ValueError``
                (an unknown name) or a ``TypeError``.
            on: the date the text speaks of; an office named with a person then counts only
                if the person held it on that date.
        """
        if not isinstance(text, str):
            msg = f"resolve() takes a str, not {type(text).__name__}"
            raise TypeError(msg)
        text = without_surrogates(text)  # a lone surrogate is no text: read as U+FFFD
        kinds = as_kinds(kinds)
        if len(text) <= MEMO_MAX_LENGTH:
            key = (text, frozenset(kinds) if kinds is not None else None, on)
            try:
                return self._memo(*key)
            except TypeError:  # an unhashable kinds or date: answer without the memo
                pass
        return self._engine.resolve(text, kinds, on)

    @property
    def spellings(self) -> SpellingLookups:
        """The spelling lookups over this resolver's tables: what the linker asks of them."""
        return self._engine.spellings

    @property
    def names(self) -> NameIndex:
        """The name engine's index of this resolver's persons, built on first use."""
        return self._engine.names

    # -----------------------------------------------------------------------------------------
    # Offices and their holders

    def holders(
        self, title_id: str, *, on: _dt.date | str | None = None
    ) -> tuple[tuple[Entity, Office], ...]:
        """Who held a title (every tabled tenure), or only on one date.

        Raises:
            UnknownEntityError: ``title_id`` is not in the tables.
        """
        self.tables[title_id]  # raises UnknownEntityError for an unknown id
        tenures = self.index.holders_of(title_id)
        if on is None:
            return tenures
        day = as_date(on)
        return tuple((person, office) for person, office in tenures if office.covers(day))

    def resolve_holder(self, text: str, *, on: _dt.date | str | None = None) -> Resolution:
        """Resolve a title (``"Russian Defense Minister"``) to the person who held it on a date
        (every holder when ``on`` is ``None``): MATCHED when exactly one person fits, AMBIGUOUS
        when several do (or the title itself is ambiguous), UNMATCHED when nobody does."""
        found = self.resolve(text, kinds={Kind.TITLE})
        day = as_date(on) if on is not None else None
        return holder_of(
            text, found, lambda title: self.holders(title, on=day), day, self.threshold
        )

    def resolve_all(self, texts: Iterable[str]) -> list[Resolution]:
        """Resolve each text in order."""
        return [self.resolve(t) for t in texts]

    def resolve_many(
        self,
        texts: Iterable[object],
        *,
        workers: int = 1,
        chunk: int = 256,
        kinds: Collection[Kind | str] | None = None,
        on: _dt.date | str | None = None,
        strict: bool = False,
    ) -> Iterator[Resolution]:
        """Resolve many texts, yielding results in input order as they are ready.

        An item that is not a ``str`` (``None``, a NaN from a dataframe, a number) is answered
        UNMATCHED with the evidence ``not-text``, so one bad row never ends a batch; with
        ``strict=True`` it raises :class:`TypeError` instead.

        With ``workers`` > 1 the work is spread over that many processes. Where processes can
        be forked (Linux, macOS) and no other thread is running, the workers inherit this
        resolver with the memory, at no start-up cost; otherwise each starts once from this
        resolver saved as bytes (data, not code), index snapshot included.
        The input is read lazily, in chunks of ``chunk`` texts, with a bounded number in flight.
        """
        wanted = as_kinds(kinds)
        if workers <= 1:
            for item in texts:
                if isinstance(item, str):
                    yield self.resolve(item, kinds=wanted, on=on)
                elif strict:
                    msg = f"resolve_many() takes str items, not {type(item).__name__}"
                    raise TypeError(msg)
                else:
                    yield not_text(item)
            return
        job = ("resolve", wanted, on, strict)
        tables = self.tables
        for batch in self._in_processes(texts, workers, chunk, job):
            for packed in batch:
                yield unpack(packed, tables)

    # -----------------------------------------------------------------------------------------


def _from_parent(data: bytes) -> Resolver:
    """A worker's resolver, from the bytes its parent saved."""
    return Resolver.from_bytes(data, name="<parent process>")


@cache
def default_resolver() -> Resolver:
    """Return the resolver over the shipped tables, built on first use and cached."""
    return Resolver(default_tables())


def resolve(
    text: str, *, kinds: Collection[Kind | str] | None = None, on: _dt.date | str | None = None
) -> Resolution:
    """Resolve ``text`` with the default resolver (the shipped tables, default threshold).

    >>> resolve("Choe Ryong Hae").id
    'kp.choe-ryong-hae'
    """
    return default_resolver().resolve(text, kinds=kinds, on=on)
