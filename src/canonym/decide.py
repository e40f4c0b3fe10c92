"""The one decision function: from ranked candidates to MATCHED, AMBIGUOUS or UNMATCHED."""

from __future__ import annotations

from collections.abc import Collection

from .model import Candidate, Entity, Evidence, Kind, Resolution, Status
from .text import Normalized

__all__ = ["AMBIGUITY_FLOOR", "DEFAULT_THRESHOLD", "TIE_MARGIN", "as_kinds", "decide"]

#: The default minimum score for a MATCHED result.
DEFAULT_THRESHOLD = 0.7

#: Candidates scoring at least this much make a result AMBIGUOUS rather than UNMATCHED.
AMBIGUITY_FLOOR = 0.5

#: Two different entities whose scores differ by less than this are a tie: AMBIGUOUS.
TIE_MARGIN = 0.05


def decide(
    text: str,
    a: Normalized,
    ranked: list[Candidate],
    evidence: list[Evidence],
    threshold: float,
    title: Entity | None = None,
) -> Resolution:
    """The one decision: MATCHED, AMBIGUOUS or UNMATCHED from the ranked candidates.

    Several entities within :data:`TIE_MARGIN` of the best, the best at least
    :data:`AMBIGUITY_FLOOR`, are AMBIGUOUS; a best at or above ``threshold`` is MATCHED; a best
    below it but at least the floor is AMBIGUOUS; anything else UNMATCHED. ``evidence`` (the
    normalisation's) is extended with the reason."""
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
    if best.score < threshold:
        detail = f"best score {best.score:.2f} is below the threshold {threshold:.2f}"
        evidence.append(Evidence(rule="threshold", detail=detail))
        return result(Status.AMBIGUOUS if best.score >= AMBIGUITY_FLOOR else Status.UNMATCHED)
    evidence.extend(best.evidence)
    return result(Status.MATCHED, best.entity)


def as_kinds(kinds: Collection[Kind | str] | None) -> frozenset[Kind] | None:
    """``kinds`` as ``Kind`` members: names (``"person"``) are read as theirs."""
    if kinds is None:
        return None
    if isinstance(kinds, str | Kind):
        msg = f"kinds must be a collection of kinds, not one {type(kinds).__name__}: {{{kinds!r}}}"
        raise TypeError(msg)
    out: set[Kind] = set()
    for kind in kinds:
        if isinstance(kind, Kind):
            out.add(kind)
        elif isinstance(kind, str):
            try:
                out.add(Kind(kind))
            except ValueError:
                names = ", ".join(k.value for k in Kind)
                msg = f"unknown kind {kind!r}; expected one of {names}"
                raise ValueError(msg) from None
        else:
            msg = f"kinds must be Kind members or their names, not {type(kind).__name__}"
            raise TypeError(msg)
    return frozenset(out)
