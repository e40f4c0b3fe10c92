"""The lookup index a :class:`~canonym.Resolver` is built on.

An :class:`Index` is derived once from :class:`~canonym.Tables` and never changes. It maps
normalised keys (see :func:`canonym.text.name_key`) to the entities and aliases that produce
them, in three tiers consulted in order:

1. ``exact``: every alias, display name and native name of every entity;
2. ``reordered``: person names with the family name moved to the other end
   (``Jong Un Kim`` for ``Kim Jong Un``, ``Lavrov Sergei`` for ``Sergei Lavrov``);
3. ``family``: a person's family name alone (``Putin``; ``Kim`` for every Kim).

Keys come from the same :func:`~canonym.text.analyze` that normalises queries.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from attrs import frozen

from .model import Alias, Entity, Kind, Method
from .tables import Tables
from .text import analyze

__all__ = ["Hit", "Index"]


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
        folded, normal = query.casefold(), analyze(query).normalized

        def rank(alias: Alias) -> int:
            if alias.text == query:
                return 3
            if alias.text.casefold() == folded:
                return 2
            return 1 if analyze(alias.text).normalized == normal else 0

        return max(self.aliases, key=rank)


Tier = Mapping[str, tuple[Hit, ...]]


def _add(tier: dict[str, list[Hit]], key: str, hit: Hit) -> None:
    bucket = tier.setdefault(key, [])
    for i, known in enumerate(bucket):
        if known.entity.id == hit.entity.id:
            if hit.aliases[0] not in known.aliases:
                bucket[i] = Hit(known.entity, known.aliases + hit.aliases, known.method)
            return
    bucket.append(hit)


def _freeze(tier: dict[str, list[Hit]]) -> Tier:
    return MappingProxyType({k: tuple(v) for k, v in tier.items()})


@frozen
class Index:
    """Immutable key -> hits maps built from tables. Build with :meth:`Index.build`."""

    tables: Tables
    exact: Tier
    reordered: Tier
    family: Tier

    @classmethod
    def build(cls, tables: Tables) -> Index:
        """Build the index for ``tables`` (every alias is normalised once, here)."""
        exact: dict[str, list[Hit]] = {}
        reordered: dict[str, list[Hit]] = {}
        family: dict[str, list[Hit]] = {}
        for entity in tables:
            for alias in entity.aliases:
                a = analyze(alias.text)
                if not a.key:
                    continue
                _add(exact, a.key, Hit(entity, (alias,), Method.EXACT))
                if entity.kind is Kind.PERSON and len(a.tokens) >= 2:
                    for turned in (a.tokens[1:] + a.tokens[:1], a.tokens[-1:] + a.tokens[:-1]):
                        _add(reordered, "".join(turned), Hit(entity, (alias,), Method.REORDERED))
            if entity.kind is Kind.PERSON and entity.family_name:
                key = analyze(entity.family_name).key
                if key:
                    alias = Alias(text=entity.family_name, script="Latn", system="family-name")
                    _add(family, key, Hit(entity, (alias,), Method.FAMILY_NAME))
        return cls(tables, _freeze(exact), _freeze(reordered), _freeze(family))

    def lookup(self, key: str) -> tuple[Hit, ...]:
        """Return the hits of the first tier that knows ``key`` (exact, reordered, family)."""
        for tier in (self.exact, self.reordered, self.family):
            hits = tier.get(key)
            if hits:
                return hits
        return ()

    def stats(self) -> dict[str, int]:
        """Return sizes: entities and keys per tier."""
        return {
            "entities": len(self.tables),
            "exact_keys": len(self.exact),
            "reordered_keys": len(self.reordered),
            "family_keys": len(self.family),
        }
