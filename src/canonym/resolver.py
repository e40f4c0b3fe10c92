"""The resolver: one query in, one explained :class:`~canonym.Resolution` out.

:class:`Resolver` is the API. :func:`resolve` is sugar over a resolver built lazily, once, from
the shipped tables. The matching pipeline is described in ``docs/resolving.md``.
"""

from __future__ import annotations

import collections
import datetime as _dt
import re
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import attrs
import jellyfish

from .index import (
    Hit,
    Index,
    closest_position,
    marked_key,
    marked_tokens,
)
from .linker import Document, link_text
from .matching import Feature, NameIndex, NameMatch
from .model import (
    Alias,
    Candidate,
    Entity,
    Evidence,
    Kind,
    Method,
    Office,
    Resolution,
    Status,
    as_date,
)
from .names import parse_name
from .snapshot import from_snapshot, to_snapshot
from .store import IndexFileError, dump_index, load_index, write_atomically
from .tables import Tables, default_tables, extend_tables, load_tables
from .text import Normalized, analyze
from .titles import parse_title, split_country

__all__ = [
    "AMBIGUITY_FLOOR",
    "DEFAULT_THRESHOLD",
    "MAX_QUERY_LENGTH",
    "METHOD_SCORES",
    "Resolver",
    "default_resolver",
    "link",
    "resolve",
]

#: Queries longer than this many characters are not names: they come back UNMATCHED at once.
MAX_QUERY_LENGTH = 1000

#: The default minimum score for a MATCHED result.
DEFAULT_THRESHOLD = 0.7

#: Candidates scoring at least this much make a result AMBIGUOUS rather than UNMATCHED.
AMBIGUITY_FLOOR = 0.5

#: Two different entities whose scores differ by less than this are a tie: AMBIGUOUS.
TIE_MARGIN = 0.05

#: The score each method gives a candidate (PHONETIC and NEAR scale it by the similarity).
METHOD_SCORES: dict[Method, float] = {
    Method.EXACT: 1.0,
    Method.REORDERED: 0.95,
    Method.TRANSLIT: 0.93,
    Method.TRANSLIT_REORDERED: 0.9,
    Method.SKELETON: 0.9,
    Method.LOOSE: 0.8,
    Method.PHONETIC: 0.85,
    Method.PINYIN_TYPO: 0.82,
    Method.FAMILY_NAME: 0.75,
    Method.NEAR: 0.6,
    Method.TITLE: 0.9,
    Method.TITLE_AND_NAME: 0.9,
}

#: What a straight-order method becomes when the query named the person in the other order.
_TURNED = {Method.EXACT: Method.REORDERED, Method.TRANSLIT: Method.TRANSLIT_REORDERED}
_PEOPLE = frozenset({Kind.PERSON})


_TONES = re.compile(r"(?<=[a-z])[1-5]")  # pinyin tone numbers: xi2 jin4 ping2

#: How much less a generated press spelling counts than a standard system's spelling.
PRESS_PENALTY = 0.06

#: How many answers a resolver remembers, and the longest query it remembers.
MEMO_SIZE = 65_536
MEMO_MAX_LENGTH = 256

#: A candidate scoring this much needs no help from an office named beside it.
CONFIDENT = 0.9
#: What holding the office named with a person adds to the name's score, and what naming an
#: office the person is not known to have held takes away.
OFFICE_BONUS = 0.15
OFFICE_PENALTY = 0.2
#: The longest person's name (in words) tried when a text is read as office + name.
MAX_NAME_WORDS = 4

_TITLES = frozenset({Kind.TITLE})
_EXACT, _EXACT_RULE, _MATCHED = Method.EXACT, Method.EXACT.value, Status.MATCHED
_PERSONS = frozenset({Kind.PERSON})


def _tags(alias: Alias) -> str:
    origin = alias.origin
    if not alias.native and not alias.system and not alias.source:  # most spellings
        return f" [from {origin}]" if origin and not origin.startswith("canonym/data/") else ""
    tags = []
    if alias.native:
        tags.append(f"native {alias.script}")
    if alias.system:
        tags.append(f"system {alias.system}")
    if alias.source:
        tags.append(f"source {alias.source}")
    if origin and not origin.startswith("canonym/data/"):
        tags.append(f"from {origin}")
    return f" [{', '.join(tags)}]" if tags else ""


def _spelling_detail(entity: Entity, alias: Alias) -> str:
    """The evidence sentence of an exact match on one of ``entity``'s spellings."""
    return f"matches {entity.id}'s spelling {alias.text!r}{_tags(alias)}"


def _normalization_step(a: Normalized) -> Evidence:
    """What normalising the query did, as evidence (the first of every result's)."""
    if not a.removed and not a.reordered:  # most queries
        return Evidence(rule="normalization", detail=f"normalised to {a.normalized!r}")
    steps = []
    if a.removed:
        steps.append(f"removed {', '.join(repr(r) for r in a.removed)}")
    if a.reordered:
        steps.append("turned 'Family, Given' around")
    detail = f"normalised to {a.normalized!r} ({'; '.join(steps)})"
    return Evidence(rule="normalization", detail=detail)


def _normalization_evidence(a: Normalized) -> list[Evidence]:
    return [_normalization_step(a)]


class _Found:
    """Candidates gathered for one query: best score and evidence per entity."""

    def __init__(self) -> None:
        self.by_id: dict[str, Candidate] = {}

    def add(self, entity: Entity, score: float, method: Method, evidence: list[Evidence]) -> None:
        known = self.by_id.get(entity.id)
        if known is None or score > known.score:
            self.by_id[entity.id] = Candidate(
                entity=entity, score=min(score, 1.0), method=method, evidence=evidence
            )

    def __bool__(self) -> bool:
        return bool(self.by_id)

    def ranked(self) -> list[Candidate]:
        return sorted(self.by_id.values(), key=lambda c: (-c.score, c.entity.id))


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
        # Answers are immutable and depend only on the query, so repeated names (an archive
        # names the same people again and again) are answered from a bounded memo;
        # functools.lru_cache is safe to share between threads.
        self._memo = lru_cache(maxsize=MEMO_SIZE)(self._resolve)
        # the exact-spelling shortcut (_sure_exact): the exact tier's buckets, and whether an
        # exact spelling alone is a confident match above this resolver's threshold
        self._exact_rows = self.index.exact_rows
        self._exact_score = min(METHOD_SCORES[Method.EXACT], 1.0)
        self._exact_is_sure = self._exact_score >= max(CONFIDENT, self.threshold)
        # the words tried as an office in "Foreign Minister Choe" are, for most queries, a
        # given name or a family name: they recur, and so does the answer
        self._titles = lru_cache(maxsize=MEMO_SIZE)(self._confident_titles)
        self._names: NameIndex | None = None
        self._names_lock = threading.Lock()

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

    # -----------------------------------------------------------------------------------------

    def resolve(
        self,
        text: str,
        *,
        kinds: Collection[Kind] | None = None,
        on: _dt.date | str | None = None,
    ) -> Resolution:
        """Resolve one name, title or organisation, or a person named with an office.

        Never raises on a ``str``: empty, junk or over-long text is UNMATCHED. Raises
        :class:`TypeError` for anything that is not a ``str`` (and for a bad ``on``).

        Args:
            text: the query: ``"Choe Ryong Hae"``, ``"Russian Defense Minister"``, ``"KPA"``,
                ``"Foreign Minister Choe"``, ``"Pak Yong-il, vice director of the GPB"``.
            kinds: only consider entities of these kinds (all kinds when ``None``).
            on: the date the text speaks of; an office named with a person then counts only
                if the person held it on that date.
        """
        if not isinstance(text, str):
            msg = f"resolve() takes a str, not {type(text).__name__}"
            raise TypeError(msg)
        if len(text) <= MEMO_MAX_LENGTH:
            key = (text, frozenset(kinds) if kinds is not None else None, on)
            try:
                return self._memo(*key)
            except TypeError:  # an unhashable kinds or date: answer without the memo
                pass
        return self._resolve(text, kinds, on)

    def _resolve(
        self,
        text: str,
        kinds: Collection[Kind] | None,
        on: _dt.date | str | None,
    ) -> Resolution:
        if len(text) > MAX_QUERY_LENGTH:
            detail = f"longer than {MAX_QUERY_LENGTH} characters: not a name"
            return Resolution(
                query=text,
                normalized="",
                status=Status.UNMATCHED,
                evidence=[Evidence(rule="too-long", detail=detail)],
            )
        a = analyze(text)
        if kinds is None and a.key:
            sure = self._sure_exact(text, a)
            if sure is not None:
                return sure
        evidence = _normalization_evidence(a)
        if not a.key:
            evidence.append(Evidence(rule="empty", detail="nothing left to match"))
            return Resolution(
                query=text, normalized=a.normalized, status=Status.UNMATCHED, evidence=evidence
            )
        wanted = frozenset(kinds) if kinds is not None else None
        day = as_date(on) if on is not None else None
        ranked = self._with_names(text, self._search(text, a, wanted).ranked(), wanted)
        title: Entity | None = None
        if (not ranked or ranked[0].score < CONFIDENT) and (
            wanted is None or Kind.PERSON in wanted
        ):
            combined = self._title_and_name(text, day)
            if combined is not None:
                ranked, title = combined
        return self._decide(text, a, ranked, evidence, title)

    def _with_names(
        self, text: str, ranked: list[Candidate], wanted: frozenset[Kind] | None
    ) -> list[Candidate]:
        """``ranked`` with the name engine's candidates competing beside them, unless a
        confident candidate is already there (an exact or generated spelling)."""
        if ranked and ranked[0].score >= CONFIDENT:
            return ranked
        if wanted is not None and Kind.PERSON not in wanted:
            return ranked
        matches = self.names.match(parse_name(text), wanted)
        if not matches:
            return ranked
        pool = _Found()
        for candidate in ranked:
            pool.by_id[candidate.entity.id] = candidate
        for m in matches:
            features = {c.feature for c in m.comparison.contributions}
            method = Method.FAMILY_NAME if Feature.FAMILY_ALONE in features else Method.NAME
            pool.add(m.entity, m.score, method, _name_evidence(m))
        return pool.ranked()

    @property
    def names(self) -> NameIndex:
        """The name engine's index of this resolver's persons, built on first use."""
        index = self._names
        if index is None:
            with self._names_lock:
                index = self._names
                if index is None:
                    index = self._names = NameIndex(self.tables)
        return index

    def _sure_exact(self, text: str, a: Normalized) -> Resolution | None:
        """The answer when the query is, as normalised, a spelling of exactly one entity and
        nothing earlier in the search could answer (no breves): the result the full search
        would give (one confident candidate above the threshold, MATCHED), without the rest
        of the search. None otherwise.

        Most queries over an archive are such spellings, so this path is kept lean: one dict
        probe, and the result's objects made directly (a property test holds it to the full
        search's answer)."""
        if not self._exact_is_sure:
            return None
        row = self._exact_rows.get(a.key)
        if row is None:
            return None
        if not text.isascii() and marked_key(text):  # breves: the marked tier goes first
            return None
        pool = self.index.spellings
        if pool is None:
            return None
        if isinstance(row, int):  # one spelling
            ref, owner = row, pool.entity_of(row)
        else:  # several: the shortcut needs them all to be one entity's
            owner = pool.entity_of(row[0])
            for other in row:
                if pool.entity_of(other) != owner:
                    return None
            texts = [pool.text_of(r) for r in row]
            ref = row[texts.index(text) if text in texts else closest_position(texts, text)]
        alias, entity = pool.alias(ref), pool.entities[owner]
        # what _hits would find for this one hit (exact spellings carry no press penalty)
        found = Evidence(rule=_EXACT_RULE, detail=_spelling_detail(entity, alias), alias=alias)
        score = self._exact_score
        best = Candidate(entity=entity, score=score, method=_EXACT, evidence=(found,))
        return Resolution(
            query=text,
            normalized=a.normalized,
            status=_MATCHED,
            entity=entity,
            score=score,
            method=_EXACT,
            candidates=(best,),
            evidence=(_normalization_step(a), found),
        )

    def link(self, text: str, *, on: _dt.date | str | None = None) -> Document:
        """Find and resolve every person, title and organisation mentioned in ``text``.

        Returns a :class:`~canonym.Document` whose mentions carry exact offsets into ``text``
        (see docs/linking.md). Raises :class:`TypeError` for anything that is not a ``str``.
        """
        return link_text(self, text, on=on)

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
        titles = [c.entity for c in found.candidates if c.score >= AMBIGUITY_FLOOR]
        if found.status is Status.MATCHED and found.entity is not None:
            titles = [found.entity]
        day = as_date(on) if on is not None else None
        people = _Found()
        for title in titles:
            for person, office in self.holders(title.id, on=day):
                when = f"{office.start or '?'} to {office.end or 'now'}"
                detail = f"held {title.id} ({title.name}) from {when}"
                if day is not None:
                    detail += f", which covers {day.isoformat()}"
                people.add(
                    person,
                    found.score * 0.95,
                    Method.TITLE,
                    [Evidence(rule="holder", detail=detail)],
                )
        ranked = people.ranked()
        title_entity = titles[0] if len(titles) == 1 else None
        evidence = list(found.evidence)
        if len(ranked) > 1:
            evidence.append(
                Evidence(rule="ambiguous", detail=f"{len(ranked)} people held the office then")
            )
            return Resolution(
                query=text,
                normalized=found.normalized,
                status=Status.AMBIGUOUS,
                score=ranked[0].score,
                method=Method.TITLE,
                candidates=ranked,
                evidence=evidence,
                title=title_entity,
            )
        return self._decide(text, analyze(text), ranked, evidence, title_entity)

    def _title_and_name(
        self, text: str, day: _dt.date | None
    ) -> tuple[list[Candidate], Entity | None] | None:
        """Read ``text`` as an office and a person's name (either order, or around a comma),
        and rank the name's candidates by whether they held the office."""
        words = text.split()
        splits: list[tuple[str, str]] = []
        if "," in text:
            left, right = (p.strip() for p in text.split(",", 1))
            splits += [(right, left), (left, right)]
        for i in range(len(words) - 1, 0, -1):
            head, tail = " ".join(words[:i]), " ".join(words[i:])
            if len(words) - i <= MAX_NAME_WORDS:
                splits.append((head, tail))
            if i <= MAX_NAME_WORDS:
                splits.append((tail, head))
        best: tuple[list[Candidate], Entity | None] | None = None
        for title_text, name_text in splits:
            if not title_text or not name_text:
                continue
            titles = list(self._titles(title_text))
            if not titles:
                continue
            names = self._search(name_text, analyze(name_text), _PERSONS).ranked()
            names = self._with_names(name_text, names, _PERSONS)
            if not names:
                continue
            ranked, held = self._by_office(names, titles, title_text, day)
            if best is None or ranked[0].score > best[0][0].score:
                title = held or (titles[0].entity if len(titles) == 1 else None)
                best = (ranked, title)
        return best

    def _confident_titles(self, text: str) -> tuple[Candidate, ...]:
        """The titles ``text`` names with confidence, best first."""
        ranked = self._search(text, analyze(text), _TITLES).ranked()
        return tuple(c for c in ranked if c.score >= CONFIDENT)

    def _by_office(
        self,
        names: list[Candidate],
        titles: list[Candidate],
        title_text: str,
        day: _dt.date | None,
    ) -> tuple[list[Candidate], Entity | None]:
        title_ids = {c.entity.id: c.entity for c in titles}
        named = " or ".join(sorted(title_ids))
        out = _Found()
        held_title: Entity | None = None
        for candidate in names:
            person = candidate.entity
            tenures = [o for o in person.offices if o.title in title_ids]
            base = candidate.score
            if tenures and (day is None or any(o.covers(day) for o in tenures)):
                office = next(o for o in tenures if day is None or o.covers(day))
                when = f"{office.start or '?'} to {office.end or 'now'}"
                detail = f"{title_text!r} is {office.title}, which {person.id} held ({when})"
                score = min(1.0, base + OFFICE_BONUS)
                if candidate is names[0] or held_title is None:
                    held_title = title_ids[office.title]
            elif tenures:
                detail = (
                    f"{title_text!r} is {named}; {person.id} held it, but not on "
                    f"{day.isoformat() if day else '?'}"
                )
                score = base
            else:
                detail = f"{title_text!r} is {named}, which {person.id} is not known to have held"
                score = max(0.0, base - OFFICE_PENALTY)
            out.add(
                person,
                score,
                Method.TITLE_AND_NAME,
                [*candidate.evidence, Evidence(rule="office", detail=detail)],
            )
        ranked = out.ranked()
        if ranked and held_title is not None:
            held = any(
                o.title == held_title.id and (day is None or o.covers(day))
                for o in ranked[0].entity.offices
            )
            if not held:
                held_title = None
        return ranked, held_title

    def resolve_all(self, texts: Iterable[str]) -> list[Resolution]:
        """Resolve each text in order."""
        return [self.resolve(t) for t in texts]

    def resolve_many(
        self,
        texts: Iterable[str],
        *,
        workers: int = 1,
        chunk: int = 256,
        kinds: Collection[Kind] | None = None,
        on: _dt.date | str | None = None,
    ) -> Iterator[Resolution]:
        """Resolve many texts, yielding results in input order as they are ready.

        With ``workers`` > 1 the work is spread over that many processes. Where processes can
        be forked (Linux, macOS) and no other thread is running, the workers inherit this
        resolver with the memory, at no start-up cost; otherwise each starts once from this
        resolver saved as bytes (data, not code), index snapshot included.
        The input is read lazily, in chunks of ``chunk`` texts, with a bounded number in flight.
        """
        if workers <= 1:
            for text in texts:
                yield self.resolve(text, kinds=kinds, on=on)
            return
        job = ("resolve", frozenset(kinds) if kinds is not None else None, on)
        tables = self.tables
        for batch in self._in_processes(texts, workers, chunk, job):
            for packed in batch:
                yield _unpack(packed, tables)

    def link_many(
        self,
        texts: Iterable[str],
        *,
        workers: int = 1,
        chunk: int = 8,
        on: _dt.date | str | None = None,
    ) -> Iterator[Document]:
        """Link many texts, yielding documents in input order as they are ready (see
        :meth:`resolve_many` for ``workers`` and ``chunk``)."""
        if workers <= 1:
            for text in texts:
                yield self.link(text, on=on)
            return
        for batch in self._in_processes(texts, workers, chunk, ("link", None, on)):
            yield from batch

    def _in_processes(
        self, texts: Iterable[str], workers: int, chunk: int, job: tuple[str, Any, Any]
    ) -> Iterator[list[Any]]:
        import concurrent.futures
        import itertools

        context = _fork_context()
        # Forked workers inherit this resolver as it is: nothing to save, load or rebuild, and
        # the frozen index pages stay shared with this process until written to.
        source_of_resolver: Resolver | bytes = self if context is not None else self.to_bytes()
        pending: collections.deque[concurrent.futures.Future[list[Any]]] = collections.deque()
        source = iter(texts)
        chunks = iter(lambda: list(itertools.islice(source, chunk)), [])
        with concurrent.futures.ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_worker_start,
            initargs=(source_of_resolver,),
        ) as pool:
            for batch in chunks:
                pending.append(pool.submit(_worker_run, job, batch))
                if len(pending) >= 4 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

    # -----------------------------------------------------------------------------------------

    def _search(self, text: str, a: Normalized, wanted: frozenset[Kind] | None) -> _Found:
        """Look the text up as a tabled or generated spelling, a title or an organisation,
        from the most to the least certain; the first lookup that finds stops."""
        # the lookups of spellings generated from native names
        generated: tuple[Callable[[_Found], None], ...] = (
            lambda f: self._hits(f, "translit", a.key, text, wanted),
            lambda f: self._hits(
                f, "translit", _TONES.sub("", a.normalized).replace(" ", ""), text, wanted
            ),
            lambda f: self._turned(f, "translit", a.tokens, text, wanted),
        )
        steps: tuple[Callable[[_Found], None], ...] = (
            lambda f: self._hits(f, "marked", marked_key(text), text, wanted),
            lambda f: self._hits(f, "exact", a.key, text, wanted),
            lambda f: self._marked_turned(f, text, wanted),
            lambda f: self._turned(f, "exact", a.tokens, text, wanted),
            *generated,
            lambda f: self._title(f, text, wanted),
            lambda f: self._qualified_org(f, text, wanted),
        )
        # Persons are then matched by the name engine (_with_names), whose candidates compete
        # with whatever these spelling lookups found.
        for step in steps:
            found = _Found()
            step(found)
            if found:
                return found
        return _Found()

    def _hits(
        self,
        found: _Found,
        tier: str,
        key: str,
        query: str,
        wanted: frozenset[Kind] | None,
        *,
        via: str | None = None,
        score: float | None = None,
        turned: bool = False,
        fits: Callable[[Alias], bool] | None = None,
    ) -> None:
        for hit in self.index.lookup(tier, key):
            if wanted is not None and hit.entity.kind not in wanted:
                continue
            if fits is not None:  # only spellings that fit the query word for word
                aliases = tuple(a for a in hit.aliases if fits(a))
                if not aliases:
                    continue
                hit = Hit(hit.entity, aliases, hit.method)
            if turned:  # the key was of the query in the other name order
                hit = Hit(hit.entity, hit.aliases, _TURNED[hit.method])
            alias = hit.closest(query)
            detail = self._hit_detail(hit, alias)
            if via:
                detail = f"{via}, which {detail}"
            method = hit.method
            value = METHOD_SCORES[method] if score is None else score
            if method in {Method.TRANSLIT, Method.TRANSLIT_REORDERED} and alias.system == "press":
                # a mix of press conventions is less telling than one system's spelling
                value -= PRESS_PENALTY
            found.add(
                hit.entity, value, method, [Evidence(rule=method.value, detail=detail, alias=alias)]
            )

    def _turned(
        self,
        found: _Found,
        tier: str,
        tokens: tuple[str, ...],
        query: str,
        wanted: frozenset[Kind] | None,
        **how: Any,
    ) -> None:
        """A person's name in the other order (``Jong Un Kim``, ``Yeong-il Pak``): the query
        turned around, looked up in ``tier``; only persons' names are read this way."""
        people = _PEOPLE if wanted is None else wanted & _PEOPLE
        if not people:
            return
        for key, fits in _turnings(tokens, lambda alias: analyze(alias.text).tokens):
            self._hits(found, tier, key, query, people, turned=True, fits=fits, **how)

    def _marked_turned(self, found: _Found, query: str, wanted: frozenset[Kind] | None) -> None:
        """A spelling with breves in the other name order: its breves still tell the person."""
        words = marked_tokens
        for key, fits in _turnings(words(query), lambda alias: words(alias.text)):
            self._hits(found, "marked", key, query, wanted, turned=True, fits=fits)

    @staticmethod
    def _hit_detail(hit: Hit, alias: Alias) -> str:
        entity, method = hit.entity, hit.method
        if method is Method.EXACT:
            return _spelling_detail(entity, alias)
        if method is Method.REORDERED:
            order = "in the other name order"
            return f"matches {entity.id}'s spelling {alias.text!r} {order}{_tags(alias)}"
        if method is Method.TRANSLIT_REORDERED:
            order = "in the other name order"
            return f"matches the {alias.system} spelling {alias.text!r} of {entity.id} {order}"
        if method is Method.TRANSLIT:
            return (
                f"matches the {alias.system} spelling {alias.text!r} of {entity.id}{_tags(alias)}"
            )
        if method is Method.FAMILY_NAME:
            return f"is the family name of {entity.id} ({entity.name}) only"
        return f"shares a key with {entity.id}'s spelling {alias.text!r}{_tags(alias)}"

    def _title(self, found: _Found, text: str, wanted: frozenset[Kind] | None) -> None:
        """A title read by the title grammar: role of an organisation, of a country, or alone."""
        if wanted is not None and Kind.TITLE not in wanted:
            return
        parsed = parse_title(text)
        if parsed is None:
            return
        keys = self.index.title_keys(text)
        for group in ("|org:", "|cc:", "|"):
            for key in keys:
                if group == "|" and not key.endswith("|"):
                    continue
                if group != "|" and group not in key:
                    continue
                for hit in self.index.roles.get(key, ()):
                    title = hit.entity
                    if parsed.country and title.country not in {None, parsed.country}:
                        continue  # a country qualifier never moves an office abroad
                    alias = hit.closest(text)
                    scope = key.split("|", 1)[1] or "no organisation or country"
                    detail = (
                        f"reads as the role {parsed.role!r} ({scope}), which is {title.id}"
                        f" as in its spelling {alias.text!r}"
                    )
                    if parsed.qualifiers:
                        detail += f"; qualifiers: {', '.join(parsed.qualifiers)}"
                    found.add(
                        title,
                        METHOD_SCORES[Method.TITLE],
                        Method.TITLE,
                        [Evidence(rule="title", detail=detail, alias=alias)],
                    )
            if found:
                return

    def _qualified_org(self, found: _Found, text: str, wanted: frozenset[Kind] | None) -> None:
        """An organisation named with a country: ``Russia's MFA``, ``North Korea's Ministry of
        National Defence``; the country must be the organisation's."""
        if wanted is not None and Kind.ORGANISATION not in wanted:
            return
        countries, rest = split_country(text)
        if not countries or not rest:
            return
        for org in self.index.resolve_org(rest):
            if org.country not in countries:
                continue
            where = "/".join(sorted(countries))
            detail = f"reads as {rest!r} of country {where}, which is {org.id} ({org.name})"
            found.add(
                org,
                METHOD_SCORES[Method.TITLE],
                Method.TITLE,
                [Evidence(rule="title", detail=detail)],
            )

    def _decide(
        self,
        text: str,
        a: Normalized,
        ranked: list[Candidate],
        evidence: list[Evidence],
        title: Entity | None = None,
    ) -> Resolution:
        if not ranked:
            evidence.append(Evidence(rule="no-match", detail="no table name has this form"))
            return Resolution(
                query=text, normalized=a.normalized, status=Status.UNMATCHED, evidence=evidence
            )
        best = ranked[0]
        tied = [c for c in ranked[1:] if best.score - c.score < TIE_MARGIN]
        if best.score < AMBIGUITY_FLOOR:
            tied = []  # weak candidates are reported, never a reason to say "ambiguous"

        def result(status: Status, entity: Entity | None = None) -> Resolution:
            return Resolution(
                query=text,
                normalized=a.normalized,
                status=status,
                entity=entity,
                score=best.score,
                method=best.method,
                candidates=ranked,
                evidence=evidence,
                title=title,
            )

        if tied:
            names = ", ".join(c.entity.id for c in [best, *tied])
            detail = f"{len(tied) + 1} entities fit about equally well: {names}"
            evidence.append(Evidence(rule="ambiguous", detail=detail))
            return result(Status.AMBIGUOUS)
        if best.score < self.threshold:
            detail = f"best score {best.score:.2f} is below the threshold {self.threshold:.2f}"
            evidence.append(Evidence(rule="threshold", detail=detail))
            return result(Status.AMBIGUOUS if best.score >= AMBIGUITY_FLOOR else Status.UNMATCHED)
        evidence.extend(best.evidence)
        return result(Status.MATCHED, best.entity)


def _name_evidence(m: NameMatch) -> list[Evidence]:
    """The name engine's evidence: the spelling compared, then one item per feature, whose
    points add up to the score."""
    c = m.comparison
    how = c.query.route if c.query.generated else "as written"
    detail = (
        f"parts of the query ({how}, read as {c.query.origin.value}: {c.query.why}) align with "
        f"{m.entity.id}'s spelling {m.alias.text!r}{_tags(m.alias)}"
    )
    out = [Evidence(rule="name", detail=detail, alias=m.alias)]
    for part in c.contributions:
        out.append(
            Evidence(
                rule=f"feature:{part.feature.value}",
                detail=f"{part.points:+.2f} {part.feature.value}: {part.detail}",
                points=part.points,
            )
        )
    return out


def _turnings(
    tokens: tuple[str, ...], words: Callable[[Alias], tuple[str, ...]]
) -> list[tuple[str, Callable[[Alias], bool]]]:
    """The keys of ``tokens`` in the other name orders, each with the test a tabled spelling
    must pass to be that name: the word moved must be a whole word of the spelling, at its
    end (the query's first word moved to the end) or at its front (its last word moved to the
    front). Keys join words without spaces, so without the test ``Gwon Nam Jun`` turned would
    be ``Nam Jung Won``. ``words`` gives a spelling's words as the keys were made."""
    if len(tokens) < 2:
        return []
    first, last = tokens[0], tokens[-1]
    to_end = "".join(tokens[1:] + tokens[:1])
    to_front = "".join(tokens[-1:] + tokens[:-1])
    if to_end == to_front:  # two words: both readings give one key, either test will do
        return [
            (to_end, lambda alias: words(alias)[-1:] == (first,) or words(alias)[:1] == (last,))
        ]
    return [
        (to_end, lambda alias: words(alias)[-1:] == (first,)),
        (to_front, lambda alias: words(alias)[:1] == (last,)),
    ]


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


_metaphone = lru_cache(maxsize=65536)(jellyfish.metaphone)
_nysiis = lru_cache(maxsize=65536)(jellyfish.nysiis)


_ALIGN_PER_WORD = 4


_WORKER: Resolver | None = None


def _fork_context() -> Any:
    """The "fork" process context when it is available and safe (no other thread running in
    this process, since a fork copies only the calling thread); None to start workers from a
    saved resolver instead."""
    import multiprocessing
    import threading

    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return None
    return multiprocessing.get_context("fork")


def _worker_start(source: Resolver | bytes) -> None:
    """In a worker process: take the parent's resolver (inherited by a fork), or build it
    once from a saved resolver's bytes."""
    global _WORKER  # one resolver per worker process, set once
    if isinstance(source, Resolver):
        _WORKER = source
        return
    _WORKER = Resolver.from_bytes(source, name="<parent process>")


def _worker_run(job: tuple[str, Any, Any], texts: list[str]) -> list[Any]:
    """In a worker process: resolve or link one chunk."""
    assert _WORKER is not None
    what, kinds, on = job
    if what == "link":
        return [_WORKER.link(t, on=on) for t in texts]
    return [_pack(_WORKER.resolve(t, kinds=kinds, on=on)) for t in texts]


# Resolutions travel back from worker processes as plain tuples that name entities by id: the
# parent holds the same tables, and sending whole entities (every spelling) cost more than
# resolving did.

_Packed = tuple[Any, ...]


def _pack_alias(alias: Alias | None, owners: tuple[Entity | None, ...]) -> Any:
    if alias is None:
        return None
    for owner in owners:
        if owner is not None:
            for i, known in enumerate(owner.aliases):
                if known is alias:
                    return (owner.id, i)
    return attrs.astuple(alias, recurse=False)


def _pack_evidence(evidence: tuple[Evidence, ...], owners: tuple[Entity | None, ...]) -> Any:
    return tuple((e.rule, e.detail, _pack_alias(e.alias, owners), e.points) for e in evidence)


def _pack(r: Resolution) -> _Packed:
    owners = (r.entity, r.title)
    return (
        r.query,
        r.normalized,
        r.status.value,
        r.entity.id if r.entity is not None else None,
        r.score,
        r.method.value,
        tuple(
            (
                c.entity.id,
                c.score,
                c.method.value,
                _pack_evidence(c.evidence, (c.entity, *owners)),
            )
            for c in r.candidates
        ),
        _pack_evidence(r.evidence, (*owners, *(c.entity for c in r.candidates))),
        r.title.id if r.title is not None else None,
    )


def _unpack_alias(packed: Any, tables: Tables) -> Alias | None:
    if packed is None:
        return None
    if len(packed) == 2:
        owner: Entity = tables[packed[0]]
        position: int = packed[1]
        return owner.aliases[position]
    return Alias(**dict(zip(_ALIAS_FIELDS, packed, strict=True)))


def _unpack_evidence(packed: Any, tables: Tables) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(rule=rule, detail=detail, alias=_unpack_alias(alias, tables), points=points)
        for rule, detail, alias, points in packed
    )


def _unpack(p: _Packed, tables: Tables) -> Resolution:
    query, normalized, status, entity, score, method, candidates, evidence, title = p
    return Resolution(
        query=query,
        normalized=normalized,
        status=_STATUSES[status],
        entity=tables[entity] if entity is not None else None,
        score=score,
        method=_METHODS[method],
        candidates=tuple(
            Candidate(
                entity=tables[c_id],
                score=c_score,
                method=_METHODS[c_method],
                evidence=_unpack_evidence(c_evidence, tables),
            )
            for c_id, c_score, c_method, c_evidence in candidates
        ),
        evidence=_unpack_evidence(evidence, tables),
        title=tables[title] if title is not None else None,
    )


_ALIAS_FIELDS = tuple(f.name for f in attrs.fields(Alias))
_STATUSES = {s.value: s for s in Status}
_METHODS = {m.value: m for m in Method}


@cache
def default_resolver() -> Resolver:
    """Return the resolver over the shipped tables, built on first use and cached."""
    return Resolver(default_tables())


def link(text: str, *, on: _dt.date | str | None = None) -> Document:
    """Link every mention in ``text`` with the default resolver (see :meth:`Resolver.link`)."""
    return default_resolver().link(text, on=on)


def resolve(
    text: str, *, kinds: Collection[Kind] | None = None, on: _dt.date | str | None = None
) -> Resolution:
    """Resolve ``text`` with the default resolver (the shipped tables, default threshold).

    >>> resolve("Choe Ryong Hae").id
    'kp.choe-ryong-hae'
    """
    return default_resolver().resolve(text, kinds=kinds, on=on)
