"""Evidence sentences: what normalising a query did, and the name engine's contributions."""

from __future__ import annotations

from .lookups import tags
from .matching import NameMatch
from .model import Evidence, Resolution, Status
from .text import Normalized

__all__ = ["name_evidence", "normalization_step", "not_text"]


def normalization_step(a: Normalized) -> Evidence:
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


def name_evidence(m: NameMatch) -> list[Evidence]:
    """The name engine's evidence: the spelling compared, then one item per feature, whose
    points add up to the score."""
    c = m.comparison
    how = c.query.route if c.query.generated else "as written"
    detail = (
        f"parts of the query ({how}, read as {c.query.origin.value}: {c.query.why}) align with "
        f"{m.entity.id}'s spelling {m.alias.text!r}{tags(m.alias)}"
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


def not_text(value: object) -> Resolution:
    """The answer to a batch item that is not text (``None``, a NaN, a number): UNMATCHED."""
    detail = f"not text: {type(value).__name__} {value!r}"[:200]
    return Resolution(
        query="",
        normalized="",
        status=Status.UNMATCHED,
        evidence=[Evidence(rule="not-text", detail=detail)],
    )
