"""The lookup index a :class:`~canonym.Resolver` is built on.

An :class:`Index` is derived once from :class:`~canonym.Tables` and never changes. Every key in
it comes from the same functions that are later applied to queries (:func:`canonym.analyze`,
the transliterators in :mod:`canonym.translit`), so a query and a table entry meet exactly when
their keys do. Candidates always come from these maps, never from a scan of every alias.

Tiers, from the most to the least certain:

``exact``
    every alias, display name and native name, by its normalised key;
``translit``
    spellings generated from persons' native-script names: Hangul under MR, RR, DPRK/KCNA and
    the press surname forms; Cyrillic under each system (BGN, ICAO, ISO 9, GOST, French, ...;
    the press's mixtures of systems meet these through ``slavic``); Han characters in pinyin
    and Wade-Giles;
``marked``
    spellings with McCune-Reischauer's breves, by a key that keeps them;
``slavic``
    every person's Latin spellings by a romanization-blind key (BGN, ICAO, ISO 9 and press
    spellings of one Russian or Ukrainian name meet), for the linker's windows;
``family``
    a person's family name alone.

Misspellings, other romanizations and Korean names written loosely are the name engine's
(:mod:`canonym.names`, :mod:`canonym.matching`), which replaced the index's former ``korean``,
``korean_loose``, ``cyrillic``, near and phonetic tiers. Filing a person reads no metadata
(no country): every person's spellings are filed the same way; only the title grammar
(:meth:`Index.title_keys`) reads a title's or an organisation's country.

A name in the other order (``Jong Un Kim``, ``Yeong-il Pak``) is not indexed again: the
resolver turns the query around (:func:`turns`) and looks the result up in ``exact`` and
``translit``, which keeps the index about a third of the size it would otherwise be.
"""

from __future__ import annotations

import unicodedata
from array import array
from collections.abc import Iterable, Iterator, KeysView, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs
from attrs import frozen

from ._gc import gc_paused
from .model import Alias, Entity, Kind, Method, Office
from .tables import Tables
from .text import analyze
from .titles import TitleParse, parse_title, strip_joiners, title_words
from .translit import cyrillic, han, hangul

__all__ = [
    "Hit",
    "Index",
    "PackedTier",
    "Spellings",
    "closest_position",
    "marked_key",
    "marked_tokens",
    "marked_turns",
    "slavic_key",
    "turns",
]


@frozen
class Hit:
    """One way a key reaches an entity: the entity, its spellings with that key (in table
    order), and the tier's method."""

    entity: Entity
    aliases: tuple[Alias, ...]
    method: Method

    def closest(self, query: str) -> Alias:
        """The spelling that best explains ``query``: written the same, then the same up to
        case, then the same normal form (spacing included), else the first in table order."""
        aliases = self.aliases
        if len(aliases) == 1:
            return aliases[0]
        return aliases[closest_position([a.text for a in aliases], query)]


def closest_position(spellings: Sequence[str], query: str) -> int:
    """The position of the spelling that best explains ``query``: written the same, then the
    same up to case, then the same normal form (spacing included), else the first."""
    if len(spellings) == 1:
        return 0
    for position, spelling in enumerate(spellings):
        if spelling == query:
            return position
    folded = query.casefold()
    for position, spelling in enumerate(spellings):
        if spelling.casefold() == folded:
            return position
    normal = analyze(query).normalized
    for position, spelling in enumerate(spellings):
        if analyze(spelling).normalized == normal:
            return position
    return 0


Tier = Mapping[str, tuple[Hit, ...]]

#: A bucket as stored: one spelling's number, or several (grouped by entity, in table order).
Row = int | Sequence[int]

#: How many looked-up buckets (and generated spellings) a tier keeps as objects.
_MADE_CACHE = 65_536


class Spellings:
    """Every spelling an index files, by number: the tables' own spellings first, in table
    order, then those the index made (romanizations of native names, family names as other
    spellings write them). A made spelling is kept as its text and a few small numbers, and
    becomes an :class:`~canonym.Alias` only when a lookup returns it: most of a large index
    is never looked at in one run, and objects cost five times what the numbers do."""

    def __init__(
        self,
        tables: Tables,
        text: list[str] | None = None,
        origin: Iterable[int] = (),
        owner: Iterable[int] = (),
        tag: Iterable[int] = (),
        tags: Iterable[tuple[str | None, str | None, str]] = (),
    ) -> None:
        self.entities: tuple[Entity, ...] = tuple(tables)
        self.tabled: tuple[Alias, ...] = tuple(a for e in self.entities for a in e.aliases)
        self.tabled_owner = array("I", (i for i, e in enumerate(self.entities) for _ in e.aliases))
        self.first: list[int] = []  # number of each entity's first tabled spelling
        n = 0
        for e in self.entities:
            self.first.append(n)
            n += len(e.aliases)
        #: made spellings: text; the spelling made from (-1 for none); entity; tag number
        self.text: list[str] = text if text is not None else []
        self.origin = array("i", origin)
        self.owner = array("I", owner)
        self.tag = array("H", tag)
        #: (lang, system, how) per tag number; how is "generated", "family" or "family-name"
        self.tags: list[tuple[str | None, str | None, str]] = list(tags)
        self._tag_number = {t: i for i, t in enumerate(self.tags)}
        self._made: dict[int, Alias] = {}

    def make(
        self, entity: int, text: str, origin: int, lang: str | None, system: str | None, how: str
    ) -> int:
        """File a made spelling and return its number."""
        key = (lang, system, how)
        number = self._tag_number.get(key)
        if number is None:
            number = self._tag_number[key] = len(self.tags)
            self.tags.append(key)
        self.text.append(text)
        self.origin.append(origin)
        self.owner.append(entity)
        self.tag.append(number)
        return len(self.tabled) + len(self.text) - 1

    def entity_of(self, ref: int) -> int:
        """The number (table position) of the entity spelling ``ref`` belongs to."""
        t = len(self.tabled)
        return self.tabled_owner[ref] if ref < t else self.owner[ref - t]

    def text_of(self, ref: int) -> str:
        t = len(self.tabled)
        return self.tabled[ref].text if ref < t else self.text[ref - t]

    def alias(self, ref: int) -> Alias:
        """The spelling ``ref`` as an :class:`~canonym.Alias`."""
        t = len(self.tabled)
        if ref < t:
            return self.tabled[ref]
        made = self._made.get(ref)
        if made is None:  # two threads may both make it: equal objects, either will do
            g = ref - t
            lang, system, how = self.tags[self.tag[g]]
            if how == "generated":
                source: str | None = f"generated from {self.text_of(self.origin[g])!r}"
            elif how == "family":
                source = f"family name in {self.text_of(self.origin[g])!r}"
            else:
                source = None
            made = Alias(text=self.text[g], script="Latn", lang=lang, system=system, source=source)
            if len(self._made) >= _MADE_CACHE:
                self._made.clear()
            self._made[ref] = made
        return made

    def hits(self, row: Row, tabled: Method, made: Method) -> tuple[Hit, ...]:
        """A bucket's hits: its spellings grouped by entity; each hit's method is that of its
        first spelling (``tabled`` for the tables' own, ``made`` for made ones)."""
        t = len(self.tabled)
        if isinstance(row, int):
            entity = self.entities[self.entity_of(row)]
            return (Hit(entity, (self.alias(row),), tabled if row < t else made),)
        out: list[Hit] = []
        aliases: list[Alias] = []
        current, method = -1, tabled
        for ref in row:
            owner = self.entity_of(ref)
            if owner != current:
                if aliases:
                    out.append(Hit(self.entities[current], tuple(aliases), method))
                current, aliases, method = owner, [], tabled if ref < t else made
            aliases.append(self.alias(ref))
        if aliases:
            out.append(Hit(self.entities[current], tuple(aliases), method))
        return tuple(out)


class PackedTier(Mapping[str, tuple[Hit, ...]]):
    """A tier stored as numbers: key -> the numbers of its spellings (:class:`Spellings`).
    Looking a key up gives :class:`Hit` objects, made on first use and kept for a while.
    Making a bucket twice under contention gives equal hits, so sharing between threads is
    safe."""

    __slots__ = ("_done", "_made", "_pool", "_rows", "_tabled")

    def __init__(self, rows: dict[str, Row], pool: Spellings, tabled: Method, made: Method):
        self._rows, self._pool, self._tabled, self._made = rows, pool, tabled, made
        self._done: dict[str, tuple[Hit, ...]] = {}

    @property
    def rows(self) -> Mapping[str, Row]:
        """The stored buckets (for saving)."""
        return MappingProxyType(self._rows)

    def __getitem__(self, key: str) -> tuple[Hit, ...]:
        found = self._done.get(key)
        if found is None:
            found = self._pool.hits(self._rows[key], self._tabled, self._made)
            if len(self._done) >= _MADE_CACHE:
                self._done.clear()
            self._done[key] = found
        return found

    def get(self, key: str, default: tuple[Hit, ...] = ()) -> tuple[Hit, ...]:  # type: ignore[override]
        """The hits of ``key``, or ``default`` when there are none."""
        found = self._done.get(key)
        if found is not None:
            return found
        if key not in self._rows:
            return default
        return self[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def keys(self) -> KeysView[str]:
        """The keys, as a view whose membership test runs at the speed of a dict's."""
        return self._rows.keys()


#: (method of a tabled spelling, method of a made one) per tier
TIER_METHODS: dict[str, tuple[Method, Method]] = {
    "exact": (Method.EXACT, Method.EXACT),
    "marked": (Method.EXACT, Method.TRANSLIT),
    "translit": (Method.TRANSLIT, Method.TRANSLIT),
    "slavic": (Method.SKELETON, Method.SKELETON),
    "family": (Method.FAMILY_NAME, Method.FAMILY_NAME),
}

_MARKS = frozenset("ŏŭŎŬ")


def _marked_tokens(text: str) -> tuple[str, ...]:
    if text.isascii():  # most spellings: no breve
        return ()
    text = unicodedata.normalize("NFC", text)
    if not _MARKS.intersection(text):
        return ()
    kept = "".join("o9" if ch in "ŏŎ" else "u9" if ch in "ŭŬ" else ch for ch in text)
    return analyze(kept).tokens


def marked_tokens(text: str) -> tuple[str, ...]:
    """The words of ``text`` as the breve-preserving key is made of them (ŏ as ``o9``, ŭ as
    ``u9``); empty for text without breves."""
    return _marked_tokens(text)


def marked_key(text: str) -> str:
    """A key that keeps McCune-Reischauer's breves (ŏ, ŭ), which tell ㅓ from ㅗ and ㅡ from
    ㅜ (박영일 Pak Yŏng-il, 박용일 Pak Yong-il); empty for text without them."""
    return "".join(_marked_tokens(text))


def marked_turns(text: str) -> tuple[str, ...]:
    """The marked keys of ``text`` in the other name orders (first word moved to the end, last
    word moved to the front), so ``Yŏng-il Pak`` and ``PAK, Yŏng-il`` keep their breves;
    empty for text without breves or with one word."""
    t = _marked_tokens(text)
    if len(t) < 2:
        return ()
    return tuple(dict.fromkeys(("".join(t[1:] + t[:1]), "".join(t[-1:] + t[:-1]))))


def turns(tokens: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The keys of a name's tokens in the other name orders: the first word moved to the end,
    and the last word moved to the front (``("jong", "un", "kim")`` -> ``jongunkim``'s turns
    ``unkimjong`` and ``kimjongun``); empty for fewer than two tokens."""
    t = tuple(tokens)
    if len(t) < 2:
        return ()
    return tuple(dict.fromkeys(("".join(t[1:] + t[:1]), "".join(t[-1:] + t[:-1]))))


class _Builder:
    def __init__(self, tables: Tables) -> None:
        self.pool = Spellings(tables)
        self.rows: dict[str, dict[str, int | list[int]]] = {name: {} for name in TIER_METHODS}
        # One entity is indexed at a time: its (tier, key) -> spellings gather here and are
        # filed when the entity is done, so adding stays O(1) even when thousands of entities
        # share a key (every "Kim" under the family name "kim").
        self.pending: dict[tuple[str, str], dict[int, None]] = {}
        self.seen: set[tuple[object, ...]] = set()
        self.entity = 0  # table position of the entity being indexed

    def add(self, tier: str, key: str, ref: int) -> None:
        if not key:
            return
        known = self.pending.get((tier, key))
        if known is None:
            self.pending[(tier, key)] = {ref: None}
        else:
            known[ref] = None

    def make(self, alias: Alias, origin: int, how: str) -> int:
        """File a spelling the index made for the current entity; return its number."""
        return self.pool.make(self.entity, alias.text, origin, alias.lang, alias.system, how)

    def once(self, *key: object) -> bool:
        """True the first time ``key`` is seen for the current entity (for de-duplicating
        bucket entries)."""
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def flush(self) -> None:
        """File the current entity's spellings in their buckets; the next entity starts
        afresh."""
        rows = self.rows
        for (tier, key), refs in self.pending.items():
            bucket = rows[tier]
            known = bucket.get(key)
            if known is None:
                bucket[key] = next(iter(refs)) if len(refs) == 1 else list(refs)
            elif isinstance(known, int):
                bucket[key] = [known, *refs]
            else:
                known.extend(refs)
        self.pending.clear()
        self.seen.clear()

    def freeze(self) -> dict[str, PackedTier]:
        out = {}
        for name, bucket in self.rows.items():
            packed: dict[str, Row] = {
                k: v if isinstance(v, int) else tuple(v) for k, v in bucket.items()
            }
            out[name] = PackedTier(packed, self.pool, *TIER_METHODS[name])
        return out


def _generated(alias: Alias) -> Iterable[Alias]:
    """Spellings of a native-script alias under the systems canonym knows."""
    text = alias.text
    source = f"generated from {text!r}"
    if hangul.is_hangul(text):
        for spelled, system in hangul.spellings(text).items():
            yield Alias(text=spelled, script="Latn", lang="ko", system=system, source=source)
    elif cyrillic.is_cyrillic(text):
        # each system's spelling; the press's mixtures of systems (Sergei from one, Shoygu from
        # another) meet these through the romanization-blind slavic key instead of being
        # filed one by one (they were five in six of all generated spellings)
        lang = alias.lang if alias.lang in {"ru", "uk"} else cyrillic.guess_language(text)
        systems = cyrillic.transliterations(text, lang)
        named = {spelled: system for system, spelled in systems.items()}
        for spelled, system in sorted(named.items()):
            yield Alias(text=spelled, script="Latn", lang=lang, system=system, source=source)
    elif han.is_han(text):
        for system, spelled in han.spellings(text).items():
            yield Alias(text=spelled, script="Latn", lang="zh", system=system, source=source)


#: How many organisation phrases an index remembers before it starts its memo again.
ORG_MEMO = 65_536


#: Marks a title key filed without the posting its spelling names ("Russian Ambassador to the
#: DPRK" filed as a Russian ambassador): such a hit is a candidate, never a match alone.
UNPOSTED = "?"


@frozen(eq=False)
class Index:
    """Immutable key -> hits maps built from tables. Build with :meth:`Index.build`."""

    tables: Tables
    tiers: Mapping[str, Tier]
    org_children: Mapping[tuple[str, str], tuple[Entity, ...]]
    roles: Tier
    holders: Mapping[str, tuple[tuple[Entity, Office], ...]]
    #: the spellings the tiers refer to by number
    spellings: Spellings | None = attrs.field(default=None, repr=False)
    # lazily built caches (the prefix set is only needed by link)
    _lazy: dict[str, Any] = attrs.field(factory=dict, eq=False, repr=False)
    # memo of organisation phrases; a cache only, so it may fill while the index is shared
    _org_cache: dict[tuple[tuple[str, ...], str | None], tuple[Entity, ...]] = attrs.field(
        factory=dict, eq=False, repr=False
    )

    @classmethod
    @gc_paused
    def build(cls, tables: Tables) -> Index:
        """Build the index for ``tables`` (every alias is normalised once, here)."""
        b = _Builder(tables)
        for number, entity in enumerate(tables):
            b.entity = number
            first = b.pool.first[number]
            person = entity.kind is Kind.PERSON
            # the person's Latin spellings (tabled and made), their numbers and their words
            latin: list[tuple[Alias, int, tuple[str, ...]]] = []
            for position, alias in enumerate(entity.aliases):
                ref = first + position
                a = analyze(alias.text)
                b.add("exact", a.key, ref)
                b.add("marked", marked_key(alias.text), ref)
                if not person:
                    continue
                if alias.native:
                    for generated in _generated(alias):
                        made = b.make(generated, ref, "generated")
                        g = analyze(generated.text)
                        b.add("translit", g.key, made)
                        b.add("marked", marked_key(generated.text), made)
                        latin.append((generated, made, g.tokens))
                if a.key.isascii():
                    latin.append((alias, ref, a.tokens))
            if person:
                # every person's, whatever the metadata: the press's mixtures of systems reach
                # a native name through it (the index files each system's spelling, not every
                # mixture), and a users' table's Latin-only names are read alike
                for _, ref, tokens in latin:
                    key = slavic_key(tokens)
                    if key and b.once("slavic", key):  # one spelling per key is enough
                        b.add("slavic", key, ref)
            if person and entity.family_name:
                _add_family_names(b, entity, latin)
            b.flush()
        tiers = b.freeze()
        children = _org_children(tables)
        holders: dict[str, list[tuple[Entity, Office]]] = {}
        for entity in tables.of_kind(Kind.PERSON):
            for office in entity.offices:
                holders.setdefault(office.title, []).append((entity, office))
        index = cls(
            tables,
            MappingProxyType(tiers),
            MappingProxyType(children),
            MappingProxyType({}),
            MappingProxyType({k: tuple(v) for k, v in holders.items()}),
        )
        # Titles are read with the title grammar once organisations can be resolved.
        roles: dict[str, list[Hit]] = {}
        for title in tables.of_kind(Kind.TITLE):
            for alias in title.aliases:
                for key in index.title_keys(alias.text, own=title):
                    hits = roles.setdefault(key, [])
                    for i, known in enumerate(hits):
                        if known.entity.id == title.id:
                            if alias not in known.aliases:
                                hits[i] = Hit(title, (*known.aliases, alias), Method.TITLE)
                            break
                    else:
                        hits.append(Hit(title, (alias,), Method.TITLE))
        return attrs.evolve(
            index,
            roles=MappingProxyType({k: tuple(v) for k, v in roles.items()}),
            spellings=b.pool,
        )

    # -----------------------------------------------------------------------------------------
    # Organisations and titles

    @property
    def span_keys(self) -> frozenset[str]:
        """Every key a run of words in running text may have: the tables' and the generated
        spellings, family names, persons' names in the other order, and names that start
        with "The" with it kept ("The Korea Daily"). Built on first use (by ``link``), since
        resolving names alone never needs it."""
        keys = self._lazy.get("span_keys")
        if keys is None:
            found = {k for tier in ("exact", "translit", "family") for k in self.tiers[tier]}
            for entity in self.tables:
                person = entity.kind is Kind.PERSON
                for alias in entity.aliases:
                    a = analyze(alias.text)
                    if person:
                        found.update(turns(a.tokens))
                    if alias.text[:4].casefold() == "the " and a.key:
                        found.add("the" + a.key)
            keys = self._lazy["span_keys"] = frozenset(found)
        return keys

    @property
    def family_keys(self) -> Mapping[str, tuple[str, ...]]:
        """Entity id -> the keys its family name has in the ``family`` tier. Built on first
        use (by ``link``, for later mentions of a person by family name alone)."""
        keys: Mapping[str, tuple[str, ...]] | None = self._lazy.get("family_keys")
        if keys is None:
            gathered: dict[str, dict[str, None]] = {}
            family, pool = self.tiers["family"], self.spellings
            if isinstance(family, PackedTier) and pool is not None:
                for key, row in family.rows.items():  # without making the hits
                    for ref in (row,) if isinstance(row, int) else row:
                        owner = pool.entities[pool.entity_of(ref)].id
                        gathered.setdefault(owner, {})[key] = None
            else:
                for key, hits in family.items():
                    for hit in hits:
                        gathered.setdefault(hit.entity.id, {})[key] = None
            keys = self._lazy["family_keys"] = MappingProxyType(
                {k: tuple(v) for k, v in gathered.items()}
            )
        return keys

    @property
    def key_prefixes(self) -> frozenset[str]:
        """Every prefix of every key in :attr:`span_keys`: lets the linker stop extending a run
        of words as soon as no spelling can start with it. Built on first use (by ``link``),
        since resolving names alone never needs it."""
        prefixes = self._lazy.get("prefixes")
        if prefixes is None:
            prefixes = frozenset(k[:n] for k in self.span_keys for n in range(1, len(k) + 1))
            self._lazy["prefixes"] = prefixes
        return prefixes

    def resolve_org(self, phrase: str) -> tuple[Entity, ...]:
        """The organisations a phrase names: by any of their spellings, or built up from a
        parent and a child ("KPA General Political Bureau", "General Political Bureau of the
        Korean People's Army", "Standing Committee of the Supreme People's Assembly")."""
        return self._org(analyze(phrase).tokens, None)

    def _org(self, tokens: tuple[str, ...], parent: str | None) -> tuple[Entity, ...]:
        cached = self._org_cache.get((tokens, parent))
        if cached is None:
            cached = self._org_uncached(tokens, parent)
            if len(self._org_cache) >= ORG_MEMO:
                # start again rather than stop remembering: the phrase splits below rely on
                # the memo to stay polynomial (without it an n-word phrase costs 2^n)
                self._org_cache.clear()
            self._org_cache[(tokens, parent)] = cached
        return cached

    def _org_uncached(self, tokens: tuple[str, ...], parent: str | None) -> tuple[Entity, ...]:
        tokens = tuple(strip_joiners(list(tokens)))
        if not tokens:
            return ()
        key = "".join(tokens)
        if parent is None:
            found = [
                h.entity for h in self.lookup("exact", key) if h.entity.kind is Kind.ORGANISATION
            ]
        else:
            found = list(self.org_children.get((parent, key), ()))
        if found:
            return tuple(found)
        out: dict[str, Entity] = {}
        # "<child> of <parent>", trying every "of" from the right; an organ "of the Central
        # Committee" may be filed under the party itself ("Political Bureau of the C.C., WPK")
        for cut in [i for i, t in enumerate(tokens) if t == "of"][::-1]:
            for owner in self._org(tokens[cut + 1 :], parent):
                for child in self._org(tokens[:cut], owner.id):
                    out.setdefault(child.id, child)
                if not out and owner.parent:
                    for child in self._org(tokens[:cut], owner.parent):
                        out.setdefault(child.id, child)
            if out:
                return tuple(out.values())
        # "<parent> <child>"
        for cut in range(1, len(tokens)):
            for owner in self._org(tokens[:cut], parent):
                for child in self._org(tokens[cut:], owner.id):
                    out.setdefault(child.id, child)
            if out:
                return tuple(out.values())
        return ()

    def title_keys(self, text: str, *, own: Entity | None = None) -> list[str]:
        """The role keys of a title mention: ``<role>|org:<id>`` when it names an organisation,
        ``<role>|cc:<country>`` when it names (or, for a table entry, has) a country, and
        ``<role>|`` for the bare role. An envoy's posting is part of the role
        (``ambassador>kp|cc:ru``); a table entry's envoy office is also filed without it, marked
        :data:`UNPOSTED`, since "Russian Ambassador" alone may mean any posting."""
        parsed = parse_title(text)
        if parsed is None:
            return []
        keys: list[str] = []
        country = parsed.country or (own.country if own is not None else None)
        if parsed.posting is not None:
            if own is not None:
                unposted = self._keys_of(parsed, own, country)
                keys.extend(k + UNPOSTED for k in unposted)
            parsed = attrs.evolve(parsed, role=f"{parsed.role}>{parsed.posting}")
        return keys + self._keys_of(parsed, own, country)

    def _keys_of(self, parsed: TitleParse, own: Entity | None, country: str | None) -> list[str]:
        keys: list[str] = []
        role = parsed.role.replace(" ", "")
        if parsed.organisation:
            orgs = self.resolve_org(parsed.organisation)
            if not orgs and country:
                orgs = self._org_of_country(parsed.organisation, country)
            if own is not None and own.country:
                orgs = tuple(o for o in orgs if o.country in {None, own.country})
            if not orgs:
                return []  # an organisation we do not know: no guess from the role alone
            keys.extend(f"{role}|org:{org.id}" for org in orgs)
        if country:
            keys.append(f"{role}|cc:{country}")
        if not parsed.organisation or own is not None:
            keys.append(f"{role}|")
        return keys

    def _org_of_country(self, phrase: str, country: str) -> tuple[Entity, ...]:
        """The organisations of ``country`` that ``phrase`` names once the country is put back
        ("Secretary of Russia's Security Council": the security council of Russia). A bare
        "Security Council" names no organisation; with its country it names that country's."""
        out: dict[str, Entity] = {}
        for words, code in title_words().countries:
            if code != country:
                continue
            name = " ".join(words)
            for spelled in (f"{name} {phrase}", f"{phrase} of {name}", f"{phrase} of the {name}"):
                for org in self.resolve_org(spelled):
                    if org.country == country:
                        out.setdefault(org.id, org)
        return tuple(out.values())

    def holders_of(self, title_id: str) -> tuple[tuple[Entity, Office], ...]:
        """Every tabled (person, tenure) of a title."""
        return self.holders.get(title_id, ())

    @property
    def exact_rows(self) -> Mapping[str, Row]:
        """The exact tier's buckets as stored (spelling numbers in :attr:`spellings`), for
        the resolver's shortcut on exact spellings; empty when the tier is not packed."""
        tier = self.tiers["exact"]
        return tier._rows if isinstance(tier, PackedTier) else {}

    def lookup(self, tier: str, key: str) -> tuple[Hit, ...]:
        """Return the hits of ``key`` in one tier (empty when there are none)."""
        return self.tiers[tier].get(key, ())

    def turned_people(self, tokens: tuple[str, ...] | list[str]) -> tuple[Hit, ...]:
        """The persons whose tabled spelling is ``tokens`` in the other name order."""
        return tuple(
            hit
            for key in turns(tokens)
            for hit in self.lookup("exact", key)
            if hit.entity.kind is Kind.PERSON
        )

    def has_slavic_name(self, tokens: tuple[str, ...] | list[str]) -> bool:
        """True when a tabled person's name has the romanization-blind key of ``tokens``
        (:func:`slavic_key`), in this order."""
        key = slavic_key(tokens)
        return bool(key) and key in self.tiers["slavic"]

    def stats(self) -> dict[str, int]:
        """Return sizes: entities, and keys per tier."""
        out = {"entities": len(self.tables)}
        out.update({f"{name}_keys": len(tier) for name, tier in self.tiers.items()})
        return out


def _org_children(tables: Tables) -> dict[tuple[str, str], tuple[Entity, ...]]:
    """(parent id, key) -> child organisations: each child under its own spellings, and under
    its spellings with the parent's name taken off ("SPA Standing Committee" and "Standing
    Committee of the Supreme People's Assembly" are both "standing committee" of the SPA)."""
    out: dict[tuple[str, str], list[Entity]] = {}
    for child in tables.of_kind(Kind.ORGANISATION):
        if child.parent is None or child.parent not in tables:
            continue
        parent = tables[child.parent]
        # ordered sets (dicts), so that the map, and a saved resolver, is the same whatever
        # the hash seed
        parent_names = dict.fromkeys(analyze(a.text).tokens for a in parent.aliases)
        for alias in child.aliases:
            tokens = list(analyze(alias.text).tokens)
            names = {tuple(tokens): None}
            for pn in parent_names:
                n = len(pn)
                if n and len(tokens) > n and tuple(tokens[:n]) == pn:
                    names[tuple(strip_joiners(tokens[n:]))] = None
                if n and len(tokens) > n and tuple(tokens[-n:]) == pn:
                    names[tuple(strip_joiners(tokens[:-n]))] = None
            for name in names:
                if name:
                    bucket = out.setdefault((parent.id, "".join(name)), [])
                    if child not in bucket:
                        bucket.append(child)
    return {k: tuple(v) for k, v in out.items()}


def _add_family_names(
    b: _Builder, entity: Entity, latin: list[tuple[Alias, int, tuple[str, ...]]]
) -> None:
    """Index the family name alone: as tabled, and as each Latin spelling writes it (the
    word in the family name's position: ``Zelenskyy`` from ``Volodymyr Zelenskyy``)."""
    assert entity.family_name is not None
    family = analyze(entity.family_name)
    display = analyze(entity.name).tokens
    first = bool(display) and display[: len(family.tokens)] == family.tokens
    tabled = Alias(text=entity.family_name, script="Latn", system="family-name")
    b.add("family", family.key, b.make(tabled, -1, "family-name"))
    if len(family.tokens) != 1:
        return
    words: set[str] = {family.key}
    for alias, ref, tokens in latin:
        if len(tokens) >= 2:
            word = tokens[0] if first else tokens[-1]
            if word in words:  # one spelling per word: dozens of spellings share a family name
                continue
            words.add(word)
            spelled = Alias(
                text=word.capitalize(), script="Latn", system=alias.system or "family-name"
            )
            b.add("family", word, b.make(spelled, ref, "family"))


def slavic_key(tokens: tuple[str, ...] | list[str]) -> str:
    """The romanization-blind key of a Latin spelling of a Russian or Ukrainian name: its
    words' :func:`~canonym.translit.cyrillic.latin_skeleton` joined (``Yevgeniy Komarov`` and
    ``Evgenij Komarov`` are both ``evgenikomarov``); empty unless there are two words or more
    and every word is lower-case ASCII letters."""
    if len(tokens) < 2:
        return ""
    parts = [cyrillic.latin_skeleton(t) for t in tokens]
    return "".join(parts) if all(parts) else ""
