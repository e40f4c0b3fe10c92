"""A built :class:`~canonym.index.Index` as plain data, and back.

Saved resolvers (:mod:`canonym.store`) carry this snapshot beside their tables, so that opening
one does not regenerate every romanized spelling. The snapshot is JSON-ready data only: lists,
strings and numbers. Entities are referred to by their position in the tables, table spellings
by (entity, position), and spellings the index generated are written out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, KeysView, Mapping
from types import MappingProxyType
from typing import Any

from ._gc import gc_paused
from .index import TIER_METHODS, Hit, Index, PackedTier, Spellings
from .model import Alias, Entity, Kind, Method, Office
from .tables import Tables

__all__ = ["SNAPSHOT_VERSION", "from_snapshot", "to_snapshot"]

#: Bumped whenever the index's structure changes: a snapshot of another version is ignored
#: (the index is rebuilt from the tables), never misread.
SNAPSHOT_VERSION = 10


class _Writer:
    def __init__(self, tables: Tables) -> None:
        self.entity = {e.id: i for i, e in enumerate(tables)}
        self.table_alias = {
            id(a): [i, j] for i, e in enumerate(tables) for j, a in enumerate(e.aliases)
        }
        self.generated: dict[tuple[Any, ...], int] = {}
        self.aliases: list[list[Any]] = []
        # tags repeat (every spelling generated from one name has the same source): written
        # once each, referred to by number (-1 for none)
        self.strings: dict[str, int] = {}

    def string(self, value: str | None) -> int:
        if value is None:
            return -1
        return self.strings.setdefault(value, len(self.strings))

    def alias(self, alias: Alias) -> int | list[int]:
        ref = self.table_alias.get(id(alias))
        if ref is not None:
            return ref
        key = (alias.text, alias.script, alias.lang, alias.system, alias.source)
        index = self.generated.get(key)
        if index is None:
            index = self.generated[key] = len(self.aliases)
            self.aliases.append([alias.text, *(self.string(v) for v in key[1:])])
        return index

    def hits(self, hits: Iterable[Hit]) -> list[list[Any]]:
        return [
            [self.entity[h.entity.id], [self.alias(a) for a in h.aliases], h.method.value]
            for h in hits
        ]


class _LazyTier(Mapping[str, tuple[Hit, ...]]):
    """A tier read from a snapshot, whose rows become :class:`Hit` objects on first lookup:
    opening a saved resolver then costs little more than reading its JSON. Converting a row
    twice under contention gives equal hits, so sharing between threads is safe."""

    def __init__(
        self,
        rows: dict[str, list[list[Any]]],
        convert: Callable[[list[list[Any]]], tuple[Hit, ...]],
    ) -> None:
        self._rows, self._convert = rows, convert
        self._done: dict[str, tuple[Hit, ...]] = {}

    def __getitem__(self, key: str) -> tuple[Hit, ...]:
        found = self._done.get(key)
        if found is None:
            found = self._convert(self._rows[key])
            self._done[key] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def keys(self) -> KeysView[str]:
        """The keys, as a view whose membership test runs at the speed of a dict's."""
        return self._rows.keys()


@gc_paused
def to_snapshot(index: Index) -> dict[str, Any]:
    """The index as JSON-ready data (see the module documentation)."""
    w = _Writer(index.tables)
    pool = index.spellings
    if pool is None:
        msg = "an index without its spellings cannot be saved"
        raise ValueError(msg)
    tiers: dict[str, dict[str, Any]] = {}
    for name, tier in index.tiers.items():
        if not isinstance(tier, PackedTier):
            msg = f"tier {name!r} is not packed"
            raise TypeError(msg)
        tiers[name] = {k: v if isinstance(v, int) else list(v) for k, v in tier.rows.items()}
    return {
        "version": SNAPSHOT_VERSION,
        # the entities the references count on, with how many spellings each has: a snapshot
        # is used only over tables that match it
        "entities": [[e.id, len(e.aliases)] for e in index.tables],
        "tiers": tiers,
        # the spellings the tiers made, as columns (see canonym.index.Spellings)
        "made": {
            "text": pool.text,
            "origin": pool.origin.tolist(),
            "owner": pool.owner.tolist(),
            "tag": pool.tag.tolist(),
            "tags": [list(t) for t in pool.tags],
        },
        "roles": {key: w.hits(hits) for key, hits in index.roles.items()},
        "org_children": [
            [parent, key, [w.entity[e.id] for e in children]]
            for (parent, key), children in index.org_children.items()
        ],
        "aliases": w.aliases,
        "strings": list(w.strings),
    }


@gc_paused
def from_snapshot(tables: Tables, data: dict[str, Any]) -> Index | None:
    """The index a snapshot describes, over ``tables``; ``None`` when the snapshot is of
    another version or does not fit the tables (the caller then rebuilds the index)."""
    if not isinstance(data, dict) or data.get("version") != SNAPSHOT_VERSION:
        return None
    try:
        return _read(tables, data)
    except (KeyError, IndexError, TypeError, ValueError, OverflowError):
        return None


def _read(tables: Tables, data: dict[str, Any]) -> Index | None:
    entities = []
    for entity_id, count in data["entities"]:
        entity = tables.get(entity_id)
        if entity is None or len(entity.aliases) != count:
            return None  # the snapshot was taken of other tables
        entities.append(entity)
    if len(entities) != len(tables):
        return None
    strings: list[str] = data["strings"]

    def tag(i: int) -> str | None:
        return None if i < 0 else strings[i]

    # Generated spellings are made into objects when a hit first needs them: most of a large
    # index is never looked at in one run.
    rows: list[list[Any]] = data["aliases"]
    generated: list[Alias | None] = [None] * len(rows)

    def alias(ref: int | list[int]) -> Alias:
        if isinstance(ref, list):
            return entities[ref[0]].aliases[ref[1]]
        made = generated[ref]
        if made is None:  # two threads may both make it: equal objects, either will do
            t, s, lang, system, source = rows[ref]
            made = Alias(
                text=t, script=strings[s], lang=tag(lang), system=tag(system), source=tag(source)
            )
            generated[ref] = made
        return made

    methods = {m.value: m for m in Method}
    # Everything a query may reach lazily is checked now, so that a snapshot that opens cannot
    # fail later (a damaged or edited file that still fits its checksum): the generated
    # spellings' rows and the roles' hits.
    n_strings = len(strings)
    for row in rows:
        t, s, lang, system, source = row
        if type(t) is not str or type(s) is not int or not 0 <= s < n_strings:
            return None
        for i in (lang, system, source):
            if type(i) is not int or not -1 <= i < n_strings:
                return None
    counts = [len(e.aliases) for e in entities]
    for bucket in data["roles"].values():
        for e, role_refs, m in bucket:
            if type(e) is not int or not 0 <= e < len(entities) or m not in methods:
                return None
            for ref in role_refs:
                if type(ref) is int:
                    if not 0 <= ref < len(rows):
                        return None
                elif type(ref) is list and len(ref) == 2:
                    if not 0 <= ref[0] < len(entities) or not 0 <= ref[1] < counts[ref[0]]:
                        return None
                else:
                    return None

    def hits(rows: list[list[Any]]) -> tuple[Hit, ...]:
        return tuple(
            Hit(entities[e], tuple([alias(a) for a in refs]), methods[m]) for e, refs, m in rows
        )

    made = data["made"]
    pool = Spellings(
        tables,
        list(made["text"]),
        made["origin"],
        made["owner"],
        made["tag"],
        [(lang, system, how) for lang, system, how in made["tags"]],
    )
    n = len(pool.tabled) + len(pool.text)
    if not len(pool.origin) == len(pool.owner) == len(pool.tag) == len(pool.text):
        return None
    # the arrays are unsigned: only the upper bounds need checking
    if (pool.tag and max(pool.tag) >= len(pool.tags)) or (
        pool.owner and max(pool.owner) >= len(entities)
    ):
        return None
    if set(data["tiers"]) != set(TIER_METHODS):
        return None  # every lookup reads every tier: none may be missing or unknown
    tiers: dict[str, PackedTier] = {}
    for name, buckets in data["tiers"].items():
        if name not in TIER_METHODS:
            return None
        refs: list[Any] = []  # every spelling number the tier holds, checked at once
        for row in buckets.values():
            if type(row) is int:
                refs.append(row)
            elif type(row) is list:
                refs.extend(row)
            else:
                return None
        if refs and (set(map(type, refs)) != {int} or min(refs) < 0 or max(refs) >= n):
            return None
        tiers[name] = PackedTier(buckets, pool, *TIER_METHODS[name])
    holders: dict[str, list[tuple[Entity, Office]]] = {}
    for entity in tables.of_kind(Kind.PERSON):
        for office in entity.offices:
            holders.setdefault(office.title, []).append((entity, office))
    return Index(
        tables,
        MappingProxyType(tiers),
        MappingProxyType(
            {(p, k): tuple(entities[e] for e in es) for p, k, es in data["org_children"]}
        ),
        _LazyTier(data["roles"], hits),
        MappingProxyType({k: tuple(v) for k, v in holders.items()}),
        spellings=pool,
    )
