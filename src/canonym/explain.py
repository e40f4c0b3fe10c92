"""Evidence sentences: what normalising a query did, and the name engine's contributions."""

from __future__ import annotations

from .lookups import CandidatePool, normalization_step, tags
from .matching import Feature, NameMatch
from .model import Candidate, Evidence, Method, Resolution, Status

__all__ = ["compete", "name_evidence", "normalization_step", "not_text"]


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


def compete(ranked: list[Candidate], matches: list[NameMatch]) -> list[Candidate]:
    """The spelling lookups' candidates and the name engine's in one ranking: the better
    score per entity. A match that is a family name alone keeps the method ``family-name``."""
    pool = CandidatePool()
    for candidate in ranked:
        pool.by_id[candidate.entity.id] = candidate
    for m in matches:
        features = {c.feature for c in m.comparison.contributions}
        method = Method.FAMILY_NAME if Feature.FAMILY_ALONE in features else Method.NAME
        pool.add(m.entity, m.score, method, name_evidence(m))
    return pool.ranked()
