"""The resolver: one query in, one explained :class:`~canonym.Resolution` out.

:class:`Resolver` is the API. :func:`resolve` is sugar over a resolver built lazily, once, from
the shipped tables.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import cache
from pathlib import Path

from .index import Hit, Index
from .model import Alias, Candidate, Evidence, Kind, Method, Resolution, Status
from .tables import Tables, default_tables, load_tables
from .text import Normalized, analyze

__all__ = ["DEFAULT_THRESHOLD", "MAX_QUERY_LENGTH", "Resolver", "default_resolver", "resolve"]

#: Queries longer than this many characters are not names: they come back UNMATCHED at once.
MAX_QUERY_LENGTH = 1000

#: The default minimum score for a MATCHED result.
DEFAULT_THRESHOLD = 0.7

#: The score each method gives its candidates.
METHOD_SCORES: dict[Method, float] = {
    Method.EXACT: 1.0,
    Method.REORDERED: 0.95,
    Method.FAMILY_NAME: 0.75,
}


def _alias_detail(hit: Hit, alias: Alias) -> str:
    tags = [f"{k} {v}" for k, v in (("system", alias.system), ("source", alias.source)) if v]
    if alias.native:
        tags.insert(0, f"native {alias.script}")
    suffix = f" [{', '.join(tags)}]" if tags else ""
    entity = hit.entity
    if hit.method is Method.EXACT:
        return f"matches {entity.id}'s spelling {alias.text!r}{suffix}"
    if hit.method is Method.REORDERED:
        return f"matches {entity.id}'s spelling {alias.text!r} in the other name order{suffix}"
    return f"is the family name of {entity.id} ({entity.name}) only"


def _normalization_evidence(a: Normalized) -> list[Evidence]:
    steps = []
    if a.removed:
        steps.append(f"removed {', '.join(repr(r) for r in a.removed)}")
    if a.reordered:
        steps.append("turned 'Family, Given' around")
    detail = f"normalised to {a.normalized!r}"
    if steps:
        detail += f" ({'; '.join(steps)})"
    return [Evidence(rule="normalization", detail=detail)]


class Resolver:
    """Resolves names, titles and organisations against one set of tables.

    A resolver builds its :class:`~canonym.index.Index` once, in the constructor, and never
    changes afterwards: it is safe to share between threads. To use other tables, build another
    resolver.

    Args:
        tables: the tables to resolve against; the shipped tables when ``None``.
        threshold: minimum score in [0, 1] for a MATCHED result. The default (0.7) accepts an
            unambiguous family name alone (``"Putin"``, score 0.75); 0.8 requires a full name.
    """

    def __init__(self, tables: Tables | None = None, *, threshold: float = DEFAULT_THRESHOLD):
        if not isinstance(threshold, int | float) or not 0.0 <= threshold <= 1.0:
            msg = f"threshold must be a number in [0, 1], not {threshold!r}"
            raise ValueError(msg)
        self.tables = tables if tables is not None else default_tables()
        self.threshold = float(threshold)
        self.index = Index.build(self.tables)

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

    def resolve(self, text: str, *, kinds: Collection[Kind] | None = None) -> Resolution:
        """Resolve one name, title or organisation.

        Never raises on a ``str``: empty, junk or over-long text is UNMATCHED. Raises
        :class:`TypeError` for anything that is not a ``str``.

        Args:
            text: the query.
            kinds: only consider entities of these kinds (all kinds when ``None``).
        """
        if not isinstance(text, str):
            msg = f"resolve() takes a str, not {type(text).__name__}"
            raise TypeError(msg)
        if len(text) > MAX_QUERY_LENGTH:
            return Resolution(
                query=text,
                normalized="",
                status=Status.UNMATCHED,
                evidence=[
                    Evidence(
                        rule="too-long",
                        detail=f"longer than {MAX_QUERY_LENGTH} characters: not a name",
                    )
                ],
            )
        a = analyze(text)
        evidence = _normalization_evidence(a)
        if not a.key:
            evidence.append(Evidence(rule="empty", detail="nothing left to match"))
            return Resolution(
                query=text, normalized=a.normalized, status=Status.UNMATCHED, evidence=evidence
            )
        hits = self.index.lookup(a.key)
        if kinds is not None:
            wanted = frozenset(kinds)
            hits = tuple(h for h in hits if h.entity.kind in wanted)
        if not hits:
            evidence.append(Evidence(rule="no-alias", detail="no table spelling has this form"))
            return Resolution(
                query=text, normalized=a.normalized, status=Status.UNMATCHED, evidence=evidence
            )
        method = hits[0].method
        score = METHOD_SCORES[method]
        candidates = []
        for hit in hits:
            alias = hit.closest(text)
            reasons = [Evidence(rule=method.value, detail=_alias_detail(hit, alias), alias=alias)]
            if len(hits) > 1:
                reasons.append(
                    Evidence(
                        rule="shared",
                        detail=f"the same form also fits {len(hits) - 1} other entit"
                        f"{'y' if len(hits) == 2 else 'ies'}",
                    )
                )
            candidates.append(
                Candidate(entity=hit.entity, score=score, method=method, evidence=reasons)
            )
        candidates.sort(key=lambda c: c.entity.id)
        if len(candidates) > 1:
            evidence.append(
                Evidence(rule="ambiguous", detail=f"{len(candidates)} entities fit equally well")
            )
            return Resolution(
                query=text,
                normalized=a.normalized,
                status=Status.AMBIGUOUS,
                score=score,
                method=method,
                candidates=candidates,
                evidence=evidence,
            )
        best = candidates[0]
        if score < self.threshold:
            evidence.append(
                Evidence(
                    rule="threshold",
                    detail=f"score {score:.2f} is below the threshold {self.threshold:.2f}",
                )
            )
            return Resolution(
                query=text,
                normalized=a.normalized,
                status=Status.UNMATCHED,
                score=score,
                method=method,
                candidates=candidates,
                evidence=evidence,
            )
        evidence.extend(best.evidence)
        return Resolution(
            query=text,
            normalized=a.normalized,
            status=Status.MATCHED,
            entity=best.entity,
            score=score,
            method=method,
            candidates=candidates,
            evidence=evidence,
        )

    def resolve_all(self, texts: Iterable[str]) -> list[Resolution]:
        """Resolve each text in order."""
        return [self.resolve(t) for t in texts]


@cache
def default_resolver() -> Resolver:
    """Return the resolver over the shipped tables, built on first use and cached."""
    return Resolver(default_tables())


def resolve(text: str, *, kinds: Collection[Kind] | None = None) -> Resolution:
    """Resolve ``text`` with the default resolver (the shipped tables, default threshold).

    >>> resolve("Choe Ryong Hae").id
    'kp.choe-ryong-hae'
    """
    return default_resolver().resolve(text, kinds=kinds)
