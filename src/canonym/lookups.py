"""Spelling lookups: a query as a tabled or generated spelling, a title or an organisation.

Exact keys, one dict probe each, tried from the most to the least certain; the first that finds
anything answers. Persons the lookups do not answer with confidence go to the name engine
(:mod:`canonym.matching`), whose candidates then compete with these. Scores are in
:data:`METHOD_SCORES`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate
from typing import Any

from .index import UNPOSTED, Hit, Index, closest_position, marked_key, marked_tokens
from .model import Alias, Candidate, Entity, Evidence, Kind, Method, Resolution, Status
from .names import parse_name
from .text import Normalized, analyze
from .titles import parse_title, split_country

__all__ = [
    "METHOD_SCORES",
    "PRESS_PENALTY",
    "CandidatePool",
    "SpellingLookups",
    "normalization_step",
    "spelling_detail",
    "tags",
]

#: The score each lookup gives a candidate. SKELETON, LOOSE, PHONETIC, PINYIN_TYPO and NEAR
#: name the tiers the name engine replaced; they are kept for saved results.
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

#: How much less a generated press spelling counts than a standard system's spelling.
PRESS_PENALTY = 0.06

#: How much less an envoy's office counts when the mention leaves out the posting ("Russian
#: Ambassador" for "Russian Ambassador to the DPRK"): below the threshold, so a candidate that
#: the person named with it can decide, never a match alone.
POSTING_UNSAID = 0.3

#: What a straight-order method becomes when the query named the person in the other order.
_TURNED = {Method.EXACT: Method.REORDERED, Method.TRANSLIT: Method.TRANSLIT_REORDERED}
_PEOPLE = frozenset({Kind.PERSON})
_TONES = re.compile(r"(?<=[a-z])[1-5]")  # pinyin tone numbers: xi2 jin4 ping2


def tags(alias: Alias) -> str:
    """How a spelling is tagged, for evidence: `` [native Hang, system mr, source ...]``."""
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


def spelling_detail(entity: Entity, alias: Alias) -> str:
    """The evidence sentence of an exact match on one of ``entity``'s spellings."""
    return f"matches {entity.id}'s spelling {alias.text!r}{tags(alias)}"


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


class CandidatePool:
    """Candidates gathered for one query: the best score and evidence per entity."""

    def __init__(self) -> None:
        self.by_id: dict[str, Candidate] = {}

    def add(self, entity: Entity, score: float, method: Method, evidence: list[Evidence]) -> None:
        """Keep this candidate unless the entity already has a better one."""
        known = self.by_id.get(entity.id)
        if known is None or score > known.score:
            self.by_id[entity.id] = Candidate(
                entity=entity, score=min(score, 1.0), method=method, evidence=evidence
            )

    def __bool__(self) -> bool:
        return bool(self.by_id)

    def ranked(self) -> list[Candidate]:
        """The candidates, best first (ties by id)."""
        return sorted(self.by_id.values(), key=lambda c: (-c.score, c.entity.id))


class SpellingLookups:
    """The spelling lookups over one :class:`~canonym.index.Index`."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._exact_rows = index.exact_rows  # the exact tier's buckets, for sure_exact
        # a users' table of persons alone has no title or organisation to look for
        self._has_roles = bool(index.roles)
        self._has_titles = any(True for _ in index.tables.of_kind(Kind.TITLE))
        self._has_orgs = any(True for _ in index.tables.of_kind(Kind.ORGANISATION))

    def sure_exact(self, text: str, a: Normalized, exact_score: float) -> Resolution | None:
        """The answer when the query is, as normalised, a spelling of exactly one entity and
        nothing earlier in the search could answer (no breves): MATCHED with ``exact_score``,
        as the full search would give it, without the rest of the search; ``None``
        otherwise. Most queries over an archive are such spellings, so this path is lean: one
        dict probe, and the result's objects made directly (a property test holds it to the
        full search's answer)."""
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
        found = Evidence(
            rule=Method.EXACT.value, detail=spelling_detail(entity, alias), alias=alias
        )
        score = exact_score
        best = Candidate(entity=entity, score=score, method=Method.EXACT, evidence=(found,))
        return Resolution(
            query=text,
            normalized=a.normalized,
            status=Status.MATCHED,
            entity=entity,
            score=score,
            method=Method.EXACT,
            candidates=(best,),
            evidence=(normalization_step(a), found),
        )

    # -----------------------------------------------------------------------------------------
    # What the linker asks of the tables' spellings (it reads no index tier itself)

    def starts_a_spelling(self, key: str) -> bool:
        """Whether some spelling's key (a run of words' key in running text) starts with
        ``key``: the linker stops extending a run as soon as none does."""
        return key in self.index.key_prefixes

    def is_spelling(self, key: str) -> bool:
        """Whether ``key`` is the key of a run of words that may name an entity: a tabled or
        generated spelling, a family name, a person's name in the other order."""
        return key in self.index.span_keys

    def kinds_spelled(self, key: str, words: tuple[str, ...] = ()) -> frozenset[Kind]:
        """The kinds of the entities with a spelling whose key is ``key`` (tabled, generated,
        a family name, with marks), and of the persons named by ``words`` in the other
        order."""
        kinds = {
            h.entity.kind
            for tier in ("exact", "translit", "family", "marked")
            for h in self.index.lookup(tier, key)
        }
        if len(words) >= 2:
            kinds.update(h.entity.kind for h in self.index.turned_people(words))
        return frozenset(kinds)

    def spellings_keyed(self, key: str) -> tuple[Alias, ...]:
        """The tabled and generated spellings whose key is ``key``."""
        return tuple(
            a
            for tier in ("exact", "translit")
            for h in self.index.lookup(tier, key)
            for a in h.aliases
            if analyze(a.text).key == key
        )

    def family_keys(self, entity_id: str) -> tuple[str, ...]:
        """The keys of a person's family name, as a mention by family name alone has them."""
        return self.index.family_keys.get(entity_id, ())

    def has_slavic_name(self, words: tuple[str, ...] | list[str]) -> bool:
        """Whether a tabled person's name has the romanization-blind key of ``words``."""
        return self.index.has_slavic_name(words)

    @property
    def has_titles(self) -> bool:
        """Whether the tables hold any title."""
        return self._has_titles

    def search(self, text: str, a: Normalized, wanted: frozenset[Kind] | None) -> CandidatePool:
        """Look the text up as a tabled or generated spelling, a title or an organisation,
        from the most to the least certain; the first lookup that finds stops."""
        # the lookups of spellings generated from native names
        generated: tuple[Callable[[CandidatePool], None], ...] = (
            lambda f: self._hits(f, "translit", a.key, text, wanted),
            lambda f: self._hits(
                f, "translit", _TONES.sub("", a.normalized).replace(" ", ""), text, wanted
            ),
            lambda f: self._turned(f, "translit", a.tokens, text, wanted),
        )
        steps: tuple[Callable[[CandidatePool], None], ...] = (
            lambda f: self._hits(f, "marked", marked_key(text), text, wanted),
            lambda f: self._hits(f, "exact", a.key, text, wanted),
            lambda f: self._marked_turned(f, text, wanted),
            lambda f: self._turned(f, "exact", a.tokens, text, wanted),
            *generated,
            lambda f: self._title(f, text, wanted),
            lambda f: self._qualified_org(f, text, wanted),
        )
        # Persons are then matched by the name engine, whose candidates compete with whatever
        # these spelling lookups found.
        for step in steps:
            found = CandidatePool()
            step(found)
            if found:
                return found
        return CandidatePool()

    def _hits(
        self,
        found: CandidatePool,
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
        found: CandidatePool,
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
        for key, fits in _turnings(tokens, query, lambda text: analyze(text).tokens):
            self._hits(found, tier, key, query, people, turned=True, fits=fits, **how)

    def _marked_turned(
        self, found: CandidatePool, query: str, wanted: frozenset[Kind] | None
    ) -> None:
        """A spelling with breves in the other name order: its breves still tell the person."""
        words = marked_tokens
        for key, fits in _turnings(words(query), query, words):
            self._hits(found, "marked", key, query, wanted, turned=True, fits=fits)

    @staticmethod
    def _hit_detail(hit: Hit, alias: Alias) -> str:
        entity, method = hit.entity, hit.method
        if method is Method.EXACT:
            return spelling_detail(entity, alias)
        if method is Method.REORDERED:
            order = "in the other name order"
            return f"matches {entity.id}'s spelling {alias.text!r} {order}{tags(alias)}"
        if method is Method.TRANSLIT_REORDERED:
            order = "in the other name order"
            return f"matches the {alias.system} spelling {alias.text!r} of {entity.id} {order}"
        if method is Method.TRANSLIT:
            return f"matches the {alias.system} spelling {alias.text!r} of {entity.id}{tags(alias)}"
        if method is Method.FAMILY_NAME:
            return f"is the family name of {entity.id} ({entity.name}) only"
        return f"shares a key with {entity.id}'s spelling {alias.text!r}{tags(alias)}"

    def _title(self, found: CandidatePool, text: str, wanted: frozenset[Kind] | None) -> None:
        """A title read by the title grammar: role of an organisation, of a country, or alone."""
        if not self._has_roles or (wanted is not None and Kind.TITLE not in wanted):
            return
        parsed = parse_title(text)
        if parsed is None:
            return
        keys = self.index.title_keys(text)
        for group in ("|org:", "|cc:", "|", UNPOSTED):
            for key in keys:
                if group == UNPOSTED:
                    key += UNPOSTED  # an envoy office whose posting the mention leaves out
                elif not (key.endswith("|") if group == "|" else group in key):
                    continue
                for hit in self.index.roles.get(key, ()):
                    title = hit.entity
                    if parsed.country and title.country not in {None, parsed.country}:
                        continue  # a country qualifier never moves an office abroad
                    alias = hit.closest(text)
                    scope = key.split("|", 1)[1].rstrip(UNPOSTED) or "no organisation or country"
                    detail = (
                        f"reads as the role {parsed.role!r} ({scope}), which is {title.id}"
                        f" as in its spelling {alias.text!r}"
                    )
                    if parsed.qualifiers:
                        detail += f"; qualifiers: {', '.join(parsed.qualifiers)}"
                    score = METHOD_SCORES[Method.TITLE]
                    if group == UNPOSTED:
                        score -= POSTING_UNSAID
                        detail += "; the mention does not say where the envoy is posted"
                    found.add(
                        title,
                        score,
                        Method.TITLE,
                        [Evidence(rule="title", detail=detail, alias=alias)],
                    )
            if found:
                return

    def _qualified_org(
        self, found: CandidatePool, text: str, wanted: frozenset[Kind] | None
    ) -> None:
        """An organisation named with a country: ``Russia's MFA``, ``North Korea's Ministry of
        National Defence``; the country must be the organisation's."""
        if not self._has_orgs or (wanted is not None and Kind.ORGANISATION not in wanted):
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


def _turnings(
    tokens: tuple[str, ...], query: str, words: Callable[[str], tuple[str, ...]]
) -> list[tuple[str, Callable[[Alias], bool]]]:
    """The keys of ``tokens`` (the words of ``query``) in the other name orders, each with
    the test a tabled spelling must pass to be that name: the word moved must be a whole word
    of the query and of the spelling, no syllable of a hyphened name (``son`` of ``Ho
    Ha-son``, which is not ``Son Ho-ha``), at its end (the query's first word moved to the
    end) or at its front (its last word moved to the front), and the other words must part
    where the spelling's do, or where some of them do (``Solmi`` for ``Sol-mi``). Keys join
    words without spaces, so without the test ``Gwon Nam Jun`` turned would be ``Nam Jung
    Won``, and ``Mu Son-gyong`` (the surname Mu) ``Song Yong Mu``. ``words`` gives a text's
    words as the keys were made."""
    if len(tokens) < 2:
        return []
    first, last = tokens[0], tokens[-1]
    whole = _whole_words(query)
    first_whole, last_whole = first in whole, last in whole

    def to_end(alias: Alias) -> bool:
        w = words(alias.text)
        return (
            first_whole
            and w[-1:] == (first,)
            and first in _whole_words(alias.text)
            and _nested(w[:-1], tokens[1:])
            and _may_be_family(alias, first)
        )

    def to_front(alias: Alias) -> bool:
        w = words(alias.text)
        return (
            last_whole
            and w[:1] == (last,)
            and last in _whole_words(alias.text)
            and _nested(w[1:], tokens[:-1])
            and _may_be_family(alias, last)
        )

    end_key = "".join(tokens[1:] + tokens[:1])
    front_key = "".join(tokens[-1:] + tokens[:-1])
    if end_key == front_key:  # two words: both readings give one key, either test will do
        return [(end_key, lambda alias: to_end(alias) or to_front(alias))]
    return [(end_key, to_end), (front_key, to_front)]


def _whole_words(text: str) -> frozenset[str]:
    """The words of ``text`` that stand alone between spaces, not hyphened to another (``ho``
    of ``Ho Ha-son``; not ``son``), whatever order normalising puts them in."""
    out: set[str] = set()
    for raw in text.split():
        tokens = analyze(raw).tokens
        if len(tokens) == 1:
            out.add(tokens[0])
    return frozenset(out)


def _nested(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two runs of words with the same letters part at the same places, or one only
    at some of the other's (``solmi`` / ``sol mi``; not ``son gyong`` / ``song yong``)."""
    cuts_a, cuts_b = set(accumulate(map(len, a))), set(accumulate(map(len, b)))
    return cuts_a <= cuts_b or cuts_b <= cuts_a


def _may_be_family(alias: Alias, word: str) -> bool:
    """Whether ``word``, moved from one end of a tabled spelling to the other, may be its
    family name (a name in the other order moves the family name): any word may, unless the
    spelling reads as written as a Korean or Chinese name whose surname is another word
    (:attr:`~canonym.names.Name.surnames`)."""
    surnames = parse_name(alias.text).surnames
    return not surnames or word in surnames
