"""The pipeline behind :class:`~canonym.Resolver`: normalise, look spellings up, parse, block,
score, decide.

:class:`Engine` answers one query at a time against one index; the resolver adds the API around
it (loading, saving, memo of answers, batches). Every step lives in a module of its
own: spelling lookups in :mod:`canonym.lookups`, the name engine in :mod:`canonym.names` and
:mod:`canonym.matching`, offices in :mod:`canonym.offices`, the decision in
:mod:`canonym.decide`. This module only puts them in order.
"""

from __future__ import annotations

import datetime as _dt
import threading
from collections.abc import Collection

from ._gc import built_old
from .decide import decide
from .explain import compete, normalization_step
from .index import Index
from .lookups import METHOD_SCORES, POSTING_UNSAID, SpellingLookups
from .matching import NameIndex
from .model import Candidate, Entity, Evidence, Kind, Method, Resolution, Status, as_date
from .names import parse_name
from .offices import CONFIDENT, title_and_name
from .text import Normalized, analyze

__all__ = ["CONFIDENT", "MAX_QUERY_LENGTH", "Engine"]

#: Queries longer than this many characters are not names: they come back UNMATCHED at once.
MAX_QUERY_LENGTH = 1000


#: How many offices-in-a-query answers an engine remembers.
TITLES_MEMO = 65_536

_TITLES = frozenset({Kind.TITLE})
_PERSONS = frozenset({Kind.PERSON})


class Engine:
    """Answers queries against one :class:`~canonym.index.Index` with one threshold.

    Immutable once made, apart from two things built or filled on use, both safe to share
    between threads: the name engine's index (:attr:`names`, built on the first query that
    needs it) and a bounded memo of the offices a text names.
    """

    def __init__(self, index: Index, threshold: float) -> None:
        self.index = index
        self.threshold = threshold
        self.spellings = SpellingLookups(index)
        # the exact-spelling shortcut (_sure_exact): whether an exact spelling alone is a
        # confident match above this threshold
        self._exact_score = min(METHOD_SCORES[Method.EXACT], 1.0)
        self._exact_is_sure = self._exact_score >= max(CONFIDENT, threshold)
        # the words tried as an office in "Foreign Minister Choe" are, for most queries, a
        # given name or a family name: they recur, and so does the answer. A plain dict, not
        # an lru_cache of a bound method: that would be a reference cycle through the engine,
        # which kept the whole index alive until a full collection (or for good, under a
        # gc.freeze() of the caller's)
        self._titles_seen: dict[str, tuple[Candidate, ...]] = {}
        self._names: NameIndex | None = None
        self._names_lock = threading.Lock()

    @property
    def names(self) -> NameIndex:
        """The name engine's index of the tables' persons, built on first use."""
        index = self._names
        if index is None:
            with self._names_lock:
                index = self._names
                if index is None:
                    index = self._names = built_old(NameIndex)(self.index.tables)
        return index

    def resolve(
        self, text: str, kinds: Collection[Kind] | None, on: _dt.date | str | None
    ) -> Resolution:
        """One query's answer (see :meth:`canonym.Resolver.resolve`)."""
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
        evidence = [normalization_step(a)]
        if not a.key:
            evidence.append(Evidence(rule="empty", detail="nothing left to match"))
            return Resolution(
                query=text, normalized=a.normalized, status=Status.UNMATCHED, evidence=evidence
            )
        wanted = frozenset(kinds) if kinds is not None else None
        day = as_date(on) if on is not None else None
        ranked = self._with_names(text, self.spellings.search(text, a, wanted).ranked(), wanted)
        title: Entity | None = None
        if (
            (not ranked or ranked[0].score < CONFIDENT)
            and (wanted is None or Kind.PERSON in wanted)
            and self.spellings.has_titles
        ):
            combined = title_and_name(text, day, self._titles, self._persons)
            if combined is not None:
                ranked, title = combined
        return decide(text, a, ranked, evidence, self.threshold, title)

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
        return compete(ranked, matches)

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
        return self.spellings.sure_exact(text, a, self._exact_score)

    def _persons(self, text: str) -> list[Candidate]:
        """The persons ``text`` may name: the spelling lookups' and the name engine's."""
        ranked = self.spellings.search(text, analyze(text), _PERSONS).ranked()
        return self._with_names(text, ranked, _PERSONS)

    def _titles(self, text: str) -> tuple[Candidate, ...]:
        """:meth:`_confident_titles`, remembered (at most :data:`TITLES_MEMO` texts)."""
        found = self._titles_seen.get(text)
        if found is None:
            found = self._confident_titles(text)
            if len(self._titles_seen) >= TITLES_MEMO:
                self._titles_seen.clear()
            self._titles_seen[text] = found
        return found

    def _confident_titles(self, text: str) -> tuple[Candidate, ...]:
        """The titles ``text`` names with confidence, best first: an envoy's office whose
        posting the text leaves out ("Russian Ambassador") counts, since the person named
        with it decides which posting is meant."""
        ranked = self.spellings.search(text, analyze(text), _TITLES).ranked()
        unposted = CONFIDENT - POSTING_UNSAID
        return tuple(
            c
            for c in ranked
            if c.score >= CONFIDENT or (c.method is Method.TITLE and c.score >= unposted)
        )
