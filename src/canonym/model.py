"""canonym's data model: immutable entities in, immutable resolutions out.

Every class here is an ``attrs`` frozen class: hashable, comparable, safe to share between
threads, and with a ``to_dict()`` giving plain JSON-ready data.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Iterable
from typing import Any

from attrs import field, frozen

__all__ = [
    "Alias",
    "Candidate",
    "Entity",
    "Evidence",
    "Kind",
    "Method",
    "Office",
    "Resolution",
    "Status",
]


class Kind(enum.Enum):
    """What an entity is."""

    PERSON = "person"
    TITLE = "title"
    ORGANISATION = "organisation"


class Status(enum.Enum):
    """The outcome of resolving one query."""

    #: exactly one entity fits, with a score at or above the resolver's threshold
    MATCHED = "matched"
    #: several entities fit equally well; see ``Resolution.candidates``
    AMBIGUOUS = "ambiguous"
    #: nothing fits well enough (``candidates`` may hold weak ones)
    UNMATCHED = "unmatched"


class Method(enum.Enum):
    """How the best candidate was found."""

    #: the normalised query equals the normalised form of an alias, name or native name
    EXACT = "exact"
    #: the query is an alias with its name order turned (``Jong Un Kim``, ``Lavrov Sergei``)
    REORDERED = "reordered"
    #: the query is a spelling generated from a tabled native-script name under a named
    #: romanization or transliteration system (``Ch'oe Ryonghae`` from ``최룡해``, MR)
    TRANSLIT = "translit"
    #: a generated spelling in the other name order (``Yeong-il Bak``)
    TRANSLIT_REORDERED = "translit-reordered"
    #: the query and a tabled name share a romanization-blind key: same surname, and every
    #: given-name syllable the same up to the systems' differences (k/g, ch/j, o/eo/ŏ, ...)
    SKELETON = "skeleton"
    #: a coarser key: South Korean press spellings (Sung for 성) or Russian transcription
    #: (Рён for 룡), where -ng/-n and o/u may merge
    LOOSE = "loose"
    #: every token aligns with a tabled name's token by sound and spelling (metaphone
    #: blocking, Jaro-Winkler >= 0.85 per token)
    PHONETIC = "phonetic"
    #: a Chinese name with one word that is not pinyin, one edit away from a word that is
    #: and that makes a tabled spelling (``Xu Fangpnig`` for ``Xu Fangping``)
    PINYIN_TYPO = "pinyin-typo"
    #: the query is only a person's family name (``Putin``, ``Kim``)
    FAMILY_NAME = "family-name"
    #: close but uncertain: same surname, a similar but different given name
    NEAR = "near"
    #: read by the title grammar: an office as role + organisation or role + country
    #: (``SPA Standing Committee president``), or an organisation with a country
    #: (``Russia's MFA``)
    TITLE = "title"
    #: a person named together with an office (``Foreign Minister Choe``): the name's
    #: candidates ranked by whether they held the office
    TITLE_AND_NAME = "title+name"
    #: the name engine: the query's parts align with a tabled name's parts, read from the
    #: spellings alone (docs/matching.md); the score is the sum of the features' points
    NAME = "name"
    #: nothing was found
    NONE = "none"


def _strs(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _aliases(items: Iterable[Alias]) -> tuple[Alias, ...]:
    return tuple(items)


def _offices(items: Iterable[Office]) -> tuple[Office, ...]:
    return tuple(items)


def _evidence(items: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(items)


def _candidates(items: Iterable[Candidate]) -> tuple[Candidate, ...]:
    return tuple(items)


#: The entity fields that hold one optional string, in the order tables and exports use.
SCALAR_FIELDS: tuple[str, ...] = (
    "country",
    "family_name",
    "organisation",
    "parent",
    "wikidata",
    "born",
    "died",
    "note",
)

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial_date(text: str) -> tuple[int, int, int]:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` into a (year, month, day) tuple.

    Missing parts are 0. Raises :class:`ValueError` for anything else, or an impossible date.
    """
    m = _DATE.match(text)
    if not m:
        msg = f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
        raise ValueError(msg)
    year, month, day = (int(g) if g else 0 for g in m.groups())
    try:
        _dt.date(year, month or 1, day or 1)
    except ValueError as exc:  # 2024-13, 2024-02-30
        msg = f"{text!r} is not a date: {exc}"
        raise ValueError(msg) from None
    return year, month, day


def date_bound(text: str, *, low: bool) -> _dt.date:
    """The first (``low``) or last day a partial date can mean: ``2024-02`` is 2024-02-01 to
    2024-02-29."""
    year, month, day = parse_partial_date(text)
    if low:
        return _dt.date(year, month or 1, day or 1)
    if not month:
        return _dt.date(year, 12, 31)
    if not day:
        following = _dt.date(year + (month == 12), month % 12 + 1, 1)
        return following - _dt.timedelta(days=1)
    return _dt.date(year, month, day)


def as_date(value: _dt.date | str) -> _dt.date:
    """A ``datetime.date`` from a date or an ISO string (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``; a partial date means its first day)."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        msg = f"a date must be a datetime.date or an ISO date string, not {type(value).__name__}"
        raise TypeError(msg)
    return date_bound(value, low=True)


@frozen(kw_only=True)
class Alias:
    """One spelling of an entity's name, with optional tags saying where it comes from.

    Attributes:
        text: the spelling as written in the table.
        script: ISO 15924 script code (``Latn``, ``Hang``, ``Cyrl``, ``Hani``...).
        lang: language of the spelling (``en``, ``ko``, ``ru``...), when known.
        system: romanization system or convention (``kcna``, ``mr``, ``rr``, ``bgn``,
            ``icao``, ``kontsevich``, ``pinyin``, ``wade-giles``, ``garbled``...), when known.
        source: where the spelling is attested, when known.
        shared: True when the spelling is knowingly shared with another entity.
        native: True for a native-script name (``native = [...]`` in the table).
        note: free text.
        origin: the table file the spelling was loaded from (not part of equality).
    """

    text: str
    script: str
    lang: str | None = None
    system: str | None = None
    source: str | None = None
    shared: bool = False
    native: bool = False
    note: str | None = None
    origin: str | None = field(default=None, eq=False)

    def to_dict(self) -> dict[str, Any]:
        """Return the alias as JSON-ready data (unset tags left out)."""
        out: dict[str, Any] = {"text": self.text, "script": self.script}
        for key in ("lang", "system", "source", "note"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.shared:
            out["shared"] = True
        if self.native:
            out["native"] = True
        return out


@frozen(kw_only=True)
class Office:
    """A person's tenure of a title: which title, from when, until when, and on what evidence.

    Dates are strings ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. ``start`` and ``end`` are the
    tenure's known bounds: ``None`` means unknown (for ``start``) or still in office as of the
    source (for ``end``). When a bound is not known, ``seen_from`` and ``seen_to`` give the
    dates on which the holding is attested (a report naming the person in the post); the
    tables then claim the holding on those dates and between them, never beyond. ``source``
    says where the tenure comes from.
    """

    title: str
    start: str | None = None
    end: str | None = None
    seen_from: str | None = None
    seen_to: str | None = None
    source: str | None = None

    def covers(self, day: _dt.date) -> bool:
        """True when the tables know the tenure held on ``day``.

        Partial dates are taken at their widest: a start of ``2024`` counts from 2024-01-01,
        an end of ``2024-05`` until 2024-05-31. The known span runs from ``start`` (else
        ``seen_from``) to ``end`` (else ``seen_to``; else, with a known start, open: still in
        office as of the source). With only one date known, only that date's own period is
        (an end of ``2024-10``: October 2024), and with none no day is: a tenure is never
        claimed before or after what is known of it."""
        low = self.start or self.seen_from
        high = self.end or self.seen_to
        if low is None:
            if high is None:
                return False
            return date_bound(high, low=True) <= day <= date_bound(high, low=False)
        if high is None:
            hi = _dt.date.max if self.start is not None else date_bound(low, low=False)
        else:
            hi = date_bound(high, low=False)
        return date_bound(low, low=True) <= day <= hi

    def to_dict(self) -> dict[str, Any]:
        """Return the tenure as JSON-ready data (unset fields left out)."""
        out: dict[str, Any] = {"title": self.title}
        for key in ("start", "end", "seen_from", "seen_to", "source"):
            value = getattr(self, key)
            if value:
                out[key] = value
        return out


@frozen(kw_only=True)
class Entity:
    """A person, title (office) or organisation, with its stable id and every known name.

    Attributes:
        id: stable, human-readable id (``kp.choe-ryong-hae``); declared in the tables.
        kind: person, title or organisation.
        name: display name.
        aliases: every spelling, the display name and native names included.
        country: ISO 3166-1 alpha-2 code in lower case, when known.
        family_name: for persons, the family name as written in ``name``.
        organisation: for titles, the id of the organisation the office belongs to.
        parent: for organisations, the id of the parent organisation.
        offices: for persons, offices held.
        not_same_as: ids of entities known to be different.
        wikidata: a verified Wikidata QID, when known.
        born, died: ISO dates, when known.
        sources: provenance of the entry.
        note: free text.
        origin: the table file the entry was loaded from.
        joined: the ids of later entries that declared themselves this entity (``same_as``
            or the same ``wikidata`` id): a user's ``Q7747`` joined to ``ru.vladimir-putin``.
        reports_as: the id results report for this entity when it is not :attr:`id`: a
            joined entry's own id, when that entry asked for it (``report = "own"``).
    """

    id: str
    kind: Kind
    name: str
    aliases: tuple[Alias, ...] = field(default=(), converter=_aliases)
    country: str | None = None
    family_name: str | None = None
    organisation: str | None = None
    parent: str | None = None
    offices: tuple[Office, ...] = field(default=(), converter=_offices)
    not_same_as: tuple[str, ...] = field(default=(), converter=_strs)
    wikidata: str | None = None
    born: str | None = None
    died: str | None = None
    sources: tuple[str, ...] = field(default=(), converter=_strs)
    note: str | None = None
    origin: str | None = field(default=None, eq=False)
    joined: tuple[str, ...] = field(default=(), converter=_strs)
    reports_as: str | None = None

    @property
    def reported_id(self) -> str:
        """The id results report: :attr:`reports_as` when a joined entry asked for its own,
        else :attr:`id`."""
        return self.reports_as or self.id

    @property
    def native_names(self) -> tuple[str, ...]:
        """The native-script names (``최룡해``, ``Андрей Белоусов``, ``习近平``)."""
        return tuple(a.text for a in self.aliases if a.native)

    def to_dict(self) -> dict[str, Any]:
        """Return the entity as JSON-ready data (empty fields left out)."""
        out: dict[str, Any] = {"id": self.id, "kind": self.kind.value, "name": self.name}
        for key in SCALAR_FIELDS:
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        out["aliases"] = [a.to_dict() for a in self.aliases]
        if self.offices:
            out["offices"] = [o.to_dict() for o in self.offices]
        if self.not_same_as:
            out["not_same_as"] = list(self.not_same_as)
        if self.sources:
            out["sources"] = list(self.sources)
        if self.joined:
            out["joined"] = list(self.joined)
        if self.reports_as is not None:
            out["reports_as"] = self.reports_as
        return out


@frozen(kw_only=True)
class Evidence:
    """One reason a candidate was proposed.

    Attributes:
        rule: which rule produced it (``exact``, ``reordered``, ``family-name``,
            ``normalization``, ``shared-alias``, ``threshold``, ...).
        detail: a readable sentence.
        alias: the alias that matched, when the evidence is an alias hit.
        points: what this evidence adds to the candidate's score, for the name engine's
            features (``rule`` ``feature:<name>``); the points of a candidate's evidence add up
            to its score. ``None`` for evidence that is not a score contribution.
    """

    rule: str
    detail: str
    alias: Alias | None = None
    points: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the evidence as JSON-ready data."""
        out: dict[str, Any] = {"rule": self.rule, "detail": self.detail}
        if self.alias is not None:
            out["alias"] = self.alias.to_dict()
        if self.points is not None:
            out["points"] = round(self.points, 4)
        return out


@frozen(kw_only=True)
class Candidate:
    """An entity that might be meant, with its score, how it was found, and why."""

    entity: Entity
    score: float
    method: Method
    evidence: tuple[Evidence, ...] = field(default=(), converter=_evidence)

    @property
    def id(self) -> str:
        """The candidate entity's id as results report it (:attr:`Entity.reported_id`)."""
        return self.entity.reported_id

    def to_dict(self) -> dict[str, Any]:
        """Return the candidate as JSON-ready data (the entity by id and name only)."""
        return {
            "id": self.entity.reported_id,
            "name": self.entity.name,
            "kind": self.entity.kind.value,
            "score": round(self.score, 4),
            "method": self.method.value,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@frozen(kw_only=True)
class Resolution:
    """The answer to one query: status, the entity (if matched), score, candidates, evidence.

    Attributes:
        query: the text as given.
        normalized: the query's normal form (:func:`canonym.normalize`).
        status: MATCHED, AMBIGUOUS or UNMATCHED.
        entity: the matched entity, or ``None`` unless ``status`` is MATCHED.
        score: confidence in [0, 1] of the best candidate (0 when there is none).
        method: how the best candidate was found.
        candidates: ranked candidates, best first.
        evidence: why the resolver decided as it did (normalisation steps, rules, aliases).
        title: for a person named with an office (``Defence Minister Belousov``), the office.
    """

    query: str
    normalized: str
    status: Status
    entity: Entity | None = None
    score: float = 0.0
    method: Method = Method.NONE
    candidates: tuple[Candidate, ...] = field(default=(), converter=_candidates)
    evidence: tuple[Evidence, ...] = field(default=(), converter=_evidence)
    title: Entity | None = None

    @property
    def id(self) -> str | None:
        """The matched entity's id, or ``None`` unless the status is MATCHED: the id results
        report (:attr:`Entity.reported_id`: a user's own id where their entry joined a
        shipped entity and asked for it; ``entity.id`` is always the table's)."""
        return self.entity.reported_id if self.entity is not None else None

    @property
    def title_id(self) -> str | None:
        """The id of the office named with the person (``Foreign Minister Choe``), if any."""
        return self.title.id if self.title is not None else None

    @property
    def matched(self) -> bool:
        """True when the status is MATCHED."""
        return self.status is Status.MATCHED

    def explain(self) -> str:
        """Return a short readable account of the decision."""
        head = f"{self.query!r}"
        if self.normalized != self.query:
            head += f" (normalised: {self.normalized!r})"
        if self.status is Status.MATCHED and self.entity is not None:
            lines = [
                (
                    f"{head} -> {self.entity.id} ({self.entity.name}), {self.method.value} match, "
                    f"score {self.score:.2f}"
                )
            ]
            if self.title is not None:
                lines[0] += f", title {self.title.id} ({self.title.name})"
        elif self.status is Status.AMBIGUOUS:
            ids = ", ".join(f"{c.entity.id} ({c.score:.2f})" for c in self.candidates)
            lines = [f"{head} is ambiguous between {ids}"]
        else:
            lines = [f"{head} is unmatched"]
        lines.extend(f"  - {e.detail}" for e in self.evidence)
        if self.status is Status.AMBIGUOUS:
            for c in self.candidates:
                lines.extend(f"  - {c.entity.id}: {e.detail}" for e in c.evidence)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Return the resolution as JSON-ready data."""
        return {
            "query": self.query,
            "normalized": self.normalized,
            "status": self.status.value,
            "id": self.id,
            "name": self.entity.name if self.entity is not None else None,
            "kind": self.entity.kind.value if self.entity is not None else None,
            "score": round(self.score, 4),
            "method": self.method.value,
            "title": self.title.id if self.title is not None else None,
            "candidates": [c.to_dict() for c in self.candidates],
            "evidence": [e.to_dict() for e in self.evidence],
        }
