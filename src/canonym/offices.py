"""Offices as evidence: a person named with a title (``Foreign Minister Choe``)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from .decide import AMBIGUITY_FLOOR, decide
from .lookups import CandidatePool
from .model import Candidate, Entity, Evidence, Method, Office, Resolution, Status
from .text import analyze

__all__ = [
    "CONFIDENT",
    "MAX_NAME_WORDS",
    "OFFICE_BONUS",
    "OFFICE_PENALTY",
    "by_office",
    "holder_of",
    "title_and_name",
]

#: A candidate scoring this much needs no help from an office named beside it, and a title
#: scoring this much is the office named even when the person named is not known to hold it.
CONFIDENT = 0.9

#: What holding the office named with a person adds to the name's score, and what naming an
#: office the person is not known to have held takes away.
OFFICE_BONUS = 0.15
OFFICE_PENALTY = 0.2
#: The longest person's name (in words) tried when a text is read as office + name.
MAX_NAME_WORDS = 6


def title_and_name(
    text: str,
    day: _dt.date | None,
    titles_of: Callable[[str], tuple[Candidate, ...]],
    persons_of: Callable[[str], list[Candidate]],
) -> tuple[list[Candidate], Entity | None] | None:
    """Read ``text`` as an office and a person's name (either order, or around a comma), and
    rank the name's candidates by whether they held the office: ``titles_of`` gives the titles
    a text names with confidence, ``persons_of`` the persons it may name. The office held, if
    any, comes back beside the ranking."""
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
        titles = list(titles_of(title_text))
        if not titles:
            continue
        names = persons_of(name_text)
        if not names:
            continue
        ranked, held = by_office(names, titles, title_text, day)
        if best is None or ranked[0].score > best[0][0].score:
            sure = len(titles) == 1 and titles[0].score >= CONFIDENT
            title = held or (titles[0].entity if sure else None)
            best = (ranked, title)
    return best


def by_office(
    names: list[Candidate],
    titles: list[Candidate],
    title_text: str,
    day: _dt.date | None,
) -> tuple[list[Candidate], Entity | None]:
    """``names`` re-ranked by the office ``title_text`` names: holding it (on ``day``) adds
    :data:`OFFICE_BONUS`, never having held it takes :data:`OFFICE_PENALTY`; the office held
    by the best candidate comes back beside the ranking."""
    title_ids = {c.entity.id: c.entity for c in titles}
    named = " or ".join(sorted(title_ids))
    out = CandidatePool()
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


def holder_of(
    text: str,
    found: Resolution,
    holders: Callable[[str], tuple[tuple[Entity, Office], ...]],
    day: _dt.date | None,
    threshold: float,
) -> Resolution:
    """The person who held the title ``found`` (the resolution of ``text`` among titles) names,
    on ``day`` (every holder when ``None``); ``holders`` gives a title id's tenures then."""
    titles = [c.entity for c in found.candidates if c.score >= AMBIGUITY_FLOOR]
    if found.status is Status.MATCHED and found.entity is not None:
        titles = [found.entity]
    people = CandidatePool()
    for title in titles:
        for person, office in holders(title.id):
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
    return decide(text, analyze(text), ranked, evidence, threshold, title_entity)
