"""Curated tables: TOML files in, one immutable :class:`Tables` out.

The format is documented in ``docs/tables.md``. Loading checks everything and reports every
problem at once (file, line, entry id, field, what is wrong); nothing is silently dropped or
overwritten. This module knows nothing of resolving.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
from attrs import field, frozen
from unidecode import unidecode

from . import formats
from ._gc import gc_paused
from .errors import Problem, TableError, UnknownEntityError
from .model import SCALAR_FIELDS, Alias, Entity, Kind, Office, date_bound, parse_partial_date
from .text import analyze, detect_script

__all__ = [
    "SCHEMA_VERSION",
    "Tables",
    "check_tables",
    "default_tables",
    "derive_id",
    "export_tables",
    "extend_tables",
    "load_tables",
]

#: The table schema version this release reads.
SCHEMA_VERSION = 1

#: The shipped table files, in load order.
DEFAULT_FILES: tuple[str, ...] = ("organisations.toml", "titles.toml", "persons.toml")

#: An id is kept exactly as the user wrote it (``Q56226``, ``eu-32017R1509-XIIIA-8``): any
#: non-empty string with no control characters and no surrounding whitespace.
_ID_BAD = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_COUNTRY = re.compile(r"^[a-z]{2}$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_ENTITY_KEYS = {
    "id",
    "kind",
    "name",
    "aliases",
    "native",
    "country",
    "family_name",
    "organisation",
    "parent",
    "offices",
    "not_same_as",
    "wikidata",
    "born",
    "died",
    "sources",
    "note",
    "replace",
    "remove_aliases",
    "same_as",
    "report",
    "joined",
    "reports_as",
}
_KIND_ONLY = {
    "family_name": Kind.PERSON,
    "offices": Kind.PERSON,
    "born": Kind.PERSON,
    "died": Kind.PERSON,
    "organisation": Kind.TITLE,
    "parent": Kind.ORGANISATION,
}
_ALIAS_KEYS = {"text", "lang", "script", "system", "source", "shared", "note"}
_OFFICE_KEYS = {"title", "start", "end", "seen_from", "seen_to", "source"}


def _entities(items: Iterable[Entity]) -> tuple[Entity, ...]:
    return tuple(items)


def _files(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@frozen
class Tables:
    """An immutable collection of entities, checked and indexed by id.

    Build one with :func:`load_tables`, :func:`default_tables` or ``Tables.from_entities``.
    """

    entities: tuple[Entity, ...] = field(converter=_entities)
    files: tuple[str, ...] = field(default=(), converter=_files)
    _by_id: Mapping[str, Entity] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Entity] = {}
        for entity in self.entities:
            if entity.id in by_id:
                msg = f"duplicate entity id {entity.id!r}"
                raise TableError([Problem(path=entity.origin or "<python>", message=msg)])
            by_id[entity.id] = entity
        for entity in self.entities:
            for other in entity.joined:  # a user's id for a shipped entity finds it too
                if by_id.setdefault(other, entity) is not entity:
                    msg = f"id {other!r} joined {entity.id} but is another entity's id"
                    raise TableError([Problem(path=entity.origin or "<python>", message=msg)])
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))

    @classmethod
    def from_entities(cls, entities: Iterable[Entity]) -> Tables:
        """Check ``entities`` as :func:`load_tables` checks files, and return them as Tables.

        Raises:
            TableError: listing every problem found.
        """
        entities = tuple(entities)
        problems = _check_entities(entities, {})
        if problems:
            raise TableError(problems)
        return cls(entities)

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    def __getitem__(self, entity_id: str) -> Entity:
        try:
            return self._by_id[entity_id]
        except KeyError:
            raise UnknownEntityError(entity_id) from None

    def get(self, entity_id: str) -> Entity | None:
        """Return the entity with ``entity_id``, or ``None``."""
        return self._by_id.get(entity_id)

    def of_kind(self, kind: Kind) -> tuple[Entity, ...]:
        """Return the entities of one kind, in table order."""
        return tuple(e for e in self.entities if e.kind is kind)


# ---------------------------------------------------------------------------------------------
# Loading


def _default_paths() -> list[tuple[str, bytes]]:
    data = resources.files("canonym") / "data"
    return [(f"canonym/data/{name}", (data / name).read_bytes()) for name in DEFAULT_FILES]


def _read(paths: Iterable[str | Path], defaults: bool) -> list[tuple[str, bytes]]:
    sources = _default_paths() if defaults else []
    for path in paths:
        p = Path(path)
        try:
            sources.append((str(p), p.read_bytes()))
        except OSError as exc:
            problem = Problem(path=str(p), message=f"cannot read file: {exc.strerror or exc}")
            raise TableError([problem]) from exc
    return sources


@gc_paused
def load_tables(*paths: str | Path, defaults: bool = True) -> Tables:
    """Load the shipped tables (unless ``defaults=False``) plus ``paths``, in order.

    Files may be TOML, JSON, JSON Lines or CSV (by suffix; see docs/extending.md). An entry
    whose id an earlier file declared adds to that entity (``replace = true`` replaces it);
    ``remove_aliases`` takes spellings away.

    Raises:
        TableError: listing every problem in every file; no partial tables are returned.
    """
    entities, problems, lines = _gather(_read(paths, defaults))
    problems.extend(_check_entities(entities, lines))
    if problems:
        raise TableError(problems)
    return Tables(entities, files=[str(p) for p in paths])


def check_tables(*paths: str | Path, defaults: bool = True) -> list[Problem]:
    """Return every problem in ``paths`` (checked together with the shipped tables unless
    ``defaults=False``); an empty list means the files are valid."""
    try:
        sources = _read(paths, defaults)
    except TableError as exc:
        return list(exc.problems)
    entities, problems, lines = _gather(sources)
    problems.extend(_check_entities(entities, lines))
    return problems


@cache
def default_tables() -> Tables:
    """Return the shipped tables, loaded once and cached."""
    return load_tables()


def _id_problem(entity_id: str) -> str | None:
    """What is wrong with an id, or ``None``: ids are kept exactly, case included."""
    if entity_id != entity_id.strip():
        return "must not start or end with whitespace"
    bad = _ID_BAD.search(entity_id)
    if bad:
        return f"must not contain the control character U+{ord(bad.group()):04X}"
    return None


def derive_id(kind: str, name: str) -> str | None:
    """The id of an entity declared without one: ``<kind>.<slug of name>``, the slug being the
    name in lower-case ASCII (Unidecode for other scripts) with every other run of characters
    made one hyphen: ``person.lee-sang-min``. ``None`` when nothing is left."""
    slug = re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-")
    return f"{kind}.{slug}" if slug and kind in {k.value for k in Kind} else None


# ---------------------------------------------------------------------------------------------
# Gathering and merging entries

_SCALARS = ("kind", "name", *SCALAR_FIELDS)
_LISTS = ("aliases", "native", "offices", "not_same_as", "sources", "joined")

#: For one alias that many entities claim: how many claimants a problem names, and how many
#: entities get a problem of their own (the rest are counted in one more).
MAX_LISTED = 10
MAX_REPORTED = 20


class _Merged:
    def __init__(self, data: dict[str, Any], entry: formats.RawEntry) -> None:
        data.pop("__name_is_alias__", None)
        self.removals: list[tuple[Any, formats.RawEntry]] = []
        if "remove_aliases" in data:
            self.removals.append((data.pop("remove_aliases"), entry))
        self.data = data
        self.entry = entry


def _tagged_aliases(value: Any, path: str) -> Any:
    if not isinstance(value, list):
        return value
    out: list[Any] = []
    for item in value:
        if isinstance(item, str) and item.strip():
            out.append({"text": item, "__origin__": path})
        elif isinstance(item, dict):
            out.append({**item, "__origin__": path})
        else:
            out.append(item)
    return out


Source = tuple[str, bytes] | tuple[str, bytes, str]


def _gather(
    sources: Sequence[Source],
) -> tuple[list[Entity], list[Problem], dict[str, int]]:
    problems: list[Problem] = []
    merged: dict[str, _Merged] = {}
    joined: dict[str, str] = {}  # an entry's own id -> the entity it joined
    qids: dict[str, tuple[str, str]] = {}  # Wikidata id -> the first entity with it, its file
    for source in sources:
        name, raw = source[0], source[1]
        read = formats.read(name, raw, source[2] if len(source) == 3 else None)
        problems.extend(read.problems)
        for entry in read.entries:
            where = Problem(path=entry.path, line=entry.line, entry=entry.label, message="")
            data = dict(entry.data)
            if "__invalid__" in data:
                problems.append(attrs.evolve(where, message="must be a table of fields"))
                continue
            if read.source and "sources" not in data:
                data["sources"] = [read.source]
            if "aliases" in data:
                data["aliases"] = _tagged_aliases(data["aliases"], entry.path)
            entity_id = data.get("id")
            derived = False
            if (
                entity_id is None
                and isinstance(data.get("kind"), str)
                and isinstance(data.get("name"), str)
            ):
                entity_id = derive_id(data["kind"], data["name"])
                if entity_id is not None:
                    data["id"], derived = entity_id, True
            if isinstance(entity_id, str) and entity_id in joined:
                # more of an entry that joined another entity
                problems.extend(_join(merged[joined[entity_id]], entity_id, data, entry))
                continue
            if isinstance(entity_id, str) and entity_id not in merged:
                target, fault = _join_target(data, entry, merged, qids)
                if fault is not None:
                    field, message = fault
                    problems.append(
                        attrs.evolve(where, entry=entity_id, field=field, message=message)
                    )
                    continue
                if target is not None:
                    problems.extend(_join(merged[target], entity_id, data, entry))
                    joined[entity_id] = target
                    continue
            if not isinstance(entity_id, str) or entity_id not in merged:
                key = entity_id if isinstance(entity_id, str) else f"{entry.path}#{entry.label}"
                merged[key] = _Merged(data, entry)
                if isinstance(entity_id, str):
                    qid = data.get("wikidata")
                    if isinstance(qid, str):
                        qids.setdefault(qid, (entity_id, entry.path))
                    earlier_joins = data.get("joined", [])
                    for other in earlier_joins if isinstance(earlier_joins, list) else []:
                        if isinstance(other, str):  # exported tables: ids joined before
                            joined.setdefault(other, entity_id)
                continue
            first = merged[entity_id]
            earlier = f"{first.entry.path}" + (f":{first.entry.line}" if first.entry.line else "")
            if derived:
                problems.append(
                    attrs.evolve(
                        where,
                        entry=entity_id,
                        field="id",
                        message=f"the id derived from kind and name, {entity_id!r}, is already "
                        f"declared ({earlier}); give this entry an id of its own",
                    )
                )
                continue
            if first.entry.path == entry.path:
                problems.append(
                    attrs.evolve(
                        where,
                        entry=entity_id,
                        field="id",
                        message=f"duplicate id (first declared at {earlier}); only a later file "
                        "may add to or replace an entity",
                    )
                )
                continue
            if data.get("replace") is True:
                merged[entity_id] = _Merged(data, entry)
                continue
            problems.extend(_merge(first, data, entry, earlier))
    entities: list[Entity] = []
    lines: dict[str, int] = {}
    for item in merged.values():
        problems.extend(_remove_aliases(item))
        entity, entry_problems = _parse_entity(item.entry, item.data)
        problems.extend(entry_problems)
        if entity is not None:
            entities.append(entity)
            if item.entry.line is not None:
                lines.setdefault(entity.id, item.entry.line)
    return entities, problems, lines


def _join_target(
    data: dict[str, Any],
    entry: formats.RawEntry,
    merged: Mapping[str, _Merged],
    qids: Mapping[str, tuple[str, str]],
) -> tuple[str | None, tuple[str, str] | None]:
    """The earlier entity a new entry declares itself to be: its ``same_as`` id, or the
    entity of an earlier file with its ``wikidata`` id; or a problem (field, message)."""
    same_as = data.get("same_as")
    target: str | None = None
    if same_as is not None:
        if not isinstance(same_as, str) or same_as not in merged:
            return None, ("same_as", f"names no entity declared before this entry: {same_as!r}")
        target = same_as
    qid = data.get("wikidata")
    found = qids.get(qid) if isinstance(qid, str) else None
    if found is not None and found[1] != entry.path:
        if target is None:
            target = found[0]
        elif target != found[0]:
            return None, ("wikidata", f"{qid} is {found[0]}'s, but same_as names {target}")
    return target, None


def _join(
    first: _Merged, own_id: str, data: dict[str, Any], entry: formats.RawEntry
) -> list[Problem]:
    """Merge an entry that declared itself ``first`` (``same_as`` or the same Wikidata id)
    into it: its name and aliases become spellings of ``first``, its lists are added, and its
    own id is recorded (and reported by results, unless ``report = "table"``)."""
    where = Problem(path=entry.path, line=entry.line, entry=own_id, message="")
    earlier = first.entry.path + (f":{first.entry.line}" if first.entry.line else "")
    data = dict(data)
    report = data.pop("report", "own")
    problems: list[Problem] = []
    if report not in {"own", "table"}:
        problems.append(
            attrs.evolve(where, field="report", message=f"must be 'own' or 'table', not {report!r}")
        )
    for key in ("id", "same_as", "replace", "__name_is_alias__"):
        data.pop(key, None)
    kind = data.pop("kind", None)
    if kind is not None and kind != first.data.get("kind"):
        message = f"{kind!r}, but the entity it joins, {first.data.get('id')}, is a " + str(
            first.data.get("kind")
        )
        problems.append(attrs.evolve(where, field="kind", message=message))
    if data.get("wikidata") == first.data.get("wikidata"):
        data.pop("wikidata", None)
    name = data.pop("name", None)
    known = {first.data.get("name")} | {
        a.get("text") for a in first.data.get("aliases", []) if isinstance(a, dict)
    }
    if isinstance(name, str) and name.strip() and name not in known:
        aliases = data.get("aliases", [])
        data["aliases"] = [{"text": name, "__origin__": entry.path}, *aliases]
    problems.extend(_merge(first, data, entry, earlier))
    if own_id not in first.data.get("joined", []):
        first.data["joined"] = [*first.data.get("joined", []), own_id]
    if report == "own":
        taken = first.data.get("reports_as")
        if taken is not None and taken != own_id:
            message = (
                f"{first.data.get('id')} already reports as {taken!r}, joined before; "
                'set report = "table" on one of them'
            )
            problems.append(attrs.evolve(where, field="report", message=message))
        else:
            first.data["reports_as"] = own_id
    return problems


def _merge(
    first: _Merged, data: dict[str, Any], entry: formats.RawEntry, earlier: str
) -> list[Problem]:
    problems: list[Problem] = []
    if data.pop("__name_is_alias__", False):
        data.pop("name", None)
    if "remove_aliases" in data:
        first.removals.append((data.pop("remove_aliases"), entry))
    for key in _SCALARS:
        if key not in data:
            continue
        if key not in first.data:
            first.data[key] = data[key]
        elif first.data[key] != data[key]:
            problems.append(
                Problem(
                    path=entry.path,
                    line=entry.line,
                    entry=str(data.get("id")),
                    field=key,
                    message=f"{data[key]!r} conflicts with {first.data[key]!r} declared at "
                    f"{earlier}; set replace = true to replace the whole entry",
                )
            )
    for key in _LISTS:
        if key not in data:
            continue
        old, new = first.data.get(key, []), data[key]
        if not isinstance(old, list) or not isinstance(new, list):
            first.data[key] = new if not isinstance(new, list) else old
            continue
        if key in {"sources", "not_same_as"}:
            first.data[key] = [*old, *(v for v in new if v not in old)]
        else:
            first.data[key] = [*old, *new]
    for key in sorted(set(data) - set(_SCALARS) - set(_LISTS) - {"id", "replace"}):
        first.data.setdefault(key, data[key])  # unknown fields: reported when parsed
    return problems


def _remove_aliases(item: _Merged) -> list[Problem]:
    problems: list[Problem] = []
    for remove, entry in item.removals:
        where = Problem(
            path=entry.path,
            line=entry.line,
            entry=str(item.data.get("id")),
            field="remove_aliases",
            message="",
        )
        if not isinstance(remove, list) or not all(isinstance(r, str) for r in remove):
            problems.append(attrs.evolve(where, message="must be a list of strings"))
            continue
        # every spelling normalised once, then each removal is a set lookup (removals times
        # spellings, normalised anew each time, was quadratic)
        aliases = item.data.get("aliases", [])
        native = item.data.get("native", [])
        aliases = aliases if isinstance(aliases, list) else []  # reported when parsed
        native = native if isinstance(native, list) else []
        alias_keys = [
            analyze(str(a.get("text", ""))).key if isinstance(a, dict) else None for a in aliases
        ]
        native_keys = [analyze(n).key if isinstance(n, str) else None for n in native]
        present = {k for k in (*alias_keys, *native_keys) if k is not None}
        gone: set[str] = set()
        for text in remove:
            key = analyze(text).key
            if key not in present or key in gone:
                problems.append(
                    attrs.evolve(where, message=f"there is no spelling {text!r} to remove")
                )
            gone.add(key)
        if isinstance(item.data.get("aliases", []), list):
            kept = zip(aliases, alias_keys, strict=True)
            item.data["aliases"] = [a for a, k in kept if k not in gone]
        if isinstance(item.data.get("native", []), list):
            kept_native = zip(native, native_keys, strict=True)
            item.data["native"] = [n for n, k in kept_native if k not in gone]
    return problems


class _Entry:
    """Collects the problems of one entry while it is parsed."""

    def __init__(self, path: str, entry: str, line: int | None) -> None:
        self.path, self.entry, self.line = path, entry, line
        self.problems: list[Problem] = []

    def problem(self, message: str, field: str | None = None) -> None:
        self.problems.append(
            Problem(path=self.path, line=self.line, entry=self.entry, field=field, message=message)
        )

    def text(self, raw: Mapping[str, Any], key: str, *, required: bool = False) -> str | None:
        value = raw.get(key)
        if value is None:
            if required:
                self.problem("is required", key)
            return None
        if not isinstance(value, str):
            self.problem(f"must be a string, not {type(value).__name__}", key)
            return None
        if not value.strip():
            self.problem("must not be empty", key)
            return None
        return value

    def strings(self, raw: Mapping[str, Any], key: str) -> list[str]:
        value = raw.get(key, [])
        if not isinstance(value, list):
            self.problem("must be a list of strings", key)
            return []
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.problem(f"item {i} must be a non-empty string", key)
            else:
                out.append(item)
        return out

    def date(self, raw: Mapping[str, Any], key: str, where: str) -> str | None:
        value = raw.get(key)
        if value is None:
            return None
        text = str(value) if not isinstance(value, str) else value
        try:
            parse_partial_date(text)
        except ValueError as exc:
            self.problem(f"{where}: {exc}", key)
            return None
        return text


def _parse_entity(
    source: formats.RawEntry, raw: dict[str, Any]
) -> tuple[Entity | None, list[Problem]]:
    raw_id = raw.get("id")
    label = raw_id if isinstance(raw_id, str) and raw_id else source.label
    entry = _Entry(source.path, label, source.line)
    for key in sorted(set(raw) - _ENTITY_KEYS):
        entry.problem("unknown field", key)
    if "replace" in raw and not isinstance(raw["replace"], bool):
        entry.problem("must be true or false", "replace")
    if "same_as" in raw:  # a same_as that joined was taken away when it did
        entry.problem("this entry joins no entity: same_as needs an earlier entity", "same_as")
    if "report" in raw:
        entry.problem("only an entry that joins another entity may set report", "report")
    entity_id = entry.text(raw, "id", required=True)
    if entity_id is not None:
        id_problem = _id_problem(entity_id)
        if id_problem:
            entry.problem(id_problem, "id")
    kind: Kind | None = None
    raw_kind = raw.get("kind")
    if raw_kind is None:
        entry.problem("is required (person, title or organisation)", "kind")
    else:
        try:
            kind = Kind(raw_kind)
        except ValueError:
            entry.problem(f"must be person, title or organisation, not {raw_kind!r}", "kind")
    name = entry.text(raw, "name", required=True)
    if kind is not None:
        for key, only in _KIND_ONLY.items():
            if key in raw and only is not kind:
                entry.problem(f"only allowed on a {only.value}, not a {kind.value}", key)
    country = entry.text(raw, "country")
    if country is not None and not _COUNTRY.match(country):
        entry.problem("must be a lower-case ISO 3166-1 alpha-2 code such as 'kp'", "country")
    wikidata = entry.text(raw, "wikidata")
    if wikidata is not None and not _QID.match(wikidata):
        entry.problem("must be a Wikidata QID such as 'Q56226'", "wikidata")
    aliases = _parse_aliases(entry, raw, name, source.path)
    offices = _parse_offices(entry, raw)
    sources = entry.strings(raw, "sources")
    born = entry.date(raw, "born", "born")
    died = entry.date(raw, "died", "died")
    # An entry with other problems is still built, so that cross-entry checks (duplicates,
    # references, shared aliases) see it; its problems are reported all the same.
    if entity_id is None or kind is None or name is None:
        return None, entry.problems
    return (
        Entity(
            id=entity_id,
            kind=kind,
            name=name,
            aliases=aliases,
            country=country,
            family_name=entry.text(raw, "family_name"),
            organisation=entry.text(raw, "organisation"),
            parent=entry.text(raw, "parent"),
            offices=offices,
            not_same_as=entry.strings(raw, "not_same_as"),
            wikidata=wikidata,
            born=born,
            died=died,
            sources=sources,
            note=entry.text(raw, "note"),
            origin=source.path,
            joined=entry.strings(raw, "joined"),
            reports_as=entry.text(raw, "reports_as"),
        ),
        entry.problems,
    )


def _parse_aliases(
    entry: _Entry, raw: Mapping[str, Any], name: str | None, path: str
) -> list[Alias]:
    aliases: list[Alias] = []
    if name is not None:
        aliases.append(Alias(text=name, script=detect_script(name), system="display", origin=path))
    for text in entry.strings(raw, "native"):
        aliases.append(Alias(text=text, script=detect_script(text), native=True, origin=path))
    raw_aliases = raw.get("aliases", [])
    if not isinstance(raw_aliases, list):
        entry.problem("must be a list of strings or tables", "aliases")
        return aliases
    for i, item in enumerate(raw_aliases):
        where = f"aliases[{i}]"
        if isinstance(item, str):
            if not item.strip():
                entry.problem("must not be empty", where)
                continue
            if any(a.text == item for a in aliases):
                continue  # the name again, untagged: it adds nothing (and CSV cannot say it)
            aliases.append(Alias(text=item, script=detect_script(item), origin=path))
            continue
        if not isinstance(item, dict):
            entry.problem("must be a string or a table with 'text'", where)
            continue
        origin = item.get("__origin__", path)
        bad = sorted(set(item) - _ALIAS_KEYS - {"__origin__"})
        for key in bad:
            entry.problem("unknown alias field", f"{where}.{key}")
        raw_text = item.get("text")
        if not isinstance(raw_text, str) or not raw_text.strip():
            entry.problem("'text' is required and must be a non-empty string", where)
            continue
        text = raw_text
        tags: dict[str, str | None] = {}
        for key in ("lang", "script", "system", "source", "note"):
            value = item.get(key)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                entry.problem("must be a non-empty string", f"{where}.{key}")
                value = None
            tags[key] = value
        shared = item.get("shared", False)
        if not isinstance(shared, bool):
            entry.problem("must be true or false", f"{where}.shared")
            shared = False
        if bad:
            continue
        if not shared and not any(tags.values()) and any(a.text == text for a in aliases):
            continue  # the same spelling again, untagged: it adds nothing (CSV cannot say it)
        aliases.append(
            Alias(
                text=text,
                script=tags["script"] or detect_script(text),
                lang=tags["lang"],
                system=tags["system"],
                source=tags["source"],
                note=tags["note"],
                shared=shared,
                origin=origin if isinstance(origin, str) else path,
            )
        )
    # a spelling that normalises to nothing is reported by _check_entities, which normalises
    # every spelling anyway: a large table is normalised once here, not twice
    return aliases


# an office's dates in the order they fall: start <= seen_from <= seen_to <= end
_OFFICE_DATES = ("start", "seen_from", "seen_to", "end")


def _after(a: str, b: str) -> bool:
    """True when partial date ``a`` must fall after ``b``: the first day ``a`` can mean is
    later than the last day ``b`` can mean (``2024`` and ``2024-03`` agree)."""
    return date_bound(a, low=True) > date_bound(b, low=False)


def _parse_offices(entry: _Entry, raw: Mapping[str, Any]) -> list[Office]:
    raw_offices = raw.get("offices", [])
    if not isinstance(raw_offices, list):
        entry.problem("must be an array of tables", "offices")
        return []
    offices: list[Office] = []
    for i, item in enumerate(raw_offices):
        where = f"offices[{i}]"
        if not isinstance(item, dict):
            entry.problem("must be a table with 'title'", where)
            continue
        for key in sorted(set(item) - _OFFICE_KEYS):
            entry.problem("unknown field", f"{where}.{key}")
        title = item.get("title")
        if not isinstance(title, str) or not title:
            entry.problem("'title' is required", where)
            continue
        dates = {key: entry.date(item, key, where) for key in _OFFICE_DATES}
        # each date must not come before any date that names an earlier point of the tenure
        for i_early, early in enumerate(_OFFICE_DATES):
            for late in _OFFICE_DATES[i_early + 1 :]:
                a, b = dates[early], dates[late]
                if a and b and _after(a, b):
                    entry.problem(f"{early} {a} is after {late} {b}", where)
        source = item.get("source")
        if source is not None and (not isinstance(source, str) or not source.strip()):
            entry.problem("'source' must be a non-empty string", where)
            source = None
        offices.append(Office(title=title, source=source, **dates))
    return offices


def extend_tables(
    tables: Tables, *paths: str | Path, entries: Iterable[Entity | Mapping[str, Any]] = ()
) -> Tables:
    """New tables: ``tables``, then the files in ``paths``, then ``entries`` (entities, or
    mappings in the table format), merged as files are; ``tables`` is unchanged.

    Raises:
        TableError: listing every problem.
    """
    groups: dict[str, list[Entity]] = {}
    for entity in tables:
        groups.setdefault(entity.origin or "<python>.toml", []).append(entity)
    # each group keeps its origin as its name, whatever format it was first read from
    sources: list[Source] = [
        (origin, formats.dump(group, "toml").encode("utf-8"), "toml")
        for origin, group in groups.items()
    ]
    sources += _read(paths, defaults=False)
    listed: list[Any] = []
    for item in entries:
        if isinstance(item, Entity):
            listed.extend(json.loads(formats.dump([item], "json"))["entity"])
        else:
            listed.append(dict(item))
    if listed:
        payload = json.dumps({"schema": 1, "entity": listed}, ensure_ascii=False, default=str)
        sources.append(("<python>.json", payload.encode("utf-8")))
    entities, problems, lines = _gather(sources)
    problems.extend(_check_entities(entities, lines))
    if problems:
        raise TableError(problems)
    return Tables(entities, files=[*tables.files, *(str(p) for p in paths)])


def tables_from_sources(sources: Sequence[Source]) -> Tables:
    """Tables from (file name, bytes[, format]) items, merged in order as files are; the names
    give the origins, and the formats when none is given (by suffix).

    Raises:
        TableError: listing every problem.
    """
    entities, problems, lines = _gather(sources)
    problems.extend(_check_entities(entities, lines))
    if problems:
        raise TableError(problems)
    return Tables(entities)


def export_tables(tables: Tables, fmt: str = "toml") -> str:
    """Write ``tables`` as one file of format ``fmt`` (``toml``, ``json``, ``jsonl`` or
    ``csv``); loading it back (``defaults=False``) gives equal tables."""
    return formats.dump(tables.entities, fmt)


# ---------------------------------------------------------------------------------------------
# Cross-entry checks


def _check_entities(entities: Iterable[Entity], lines: Mapping[str, int]) -> list[Problem]:
    problems: list[Problem] = []
    by_id: dict[str, Entity] = {}

    def report(entity: Entity, message: str, field: str | None = None) -> None:
        problems.append(
            Problem(
                path=entity.origin or "<python>",
                line=lines.get(entity.id),
                entry=entity.id,
                field=field,
                message=message,
            )
        )

    for entity in entities:
        if entity.id in by_id:
            first = by_id[entity.id].origin or "<python>"
            report(entity, f"duplicate id (first declared in {first})", "id")
        else:
            by_id[entity.id] = entity

    def expect(entity: Entity, ref: str | None, kind: Kind, field: str) -> None:
        if ref is None:
            return
        target = by_id.get(ref)
        if target is None:
            report(entity, f"refers to unknown {kind.value} {ref!r}", field)
        elif target.kind is not kind:
            report(entity, f"{ref!r} is a {target.kind.value}, not a {kind.value}", field)

    owners: dict[str, list[tuple[Entity, Alias, bool]]] = {}
    for entity in by_id.values():
        expect(entity, entity.organisation, Kind.ORGANISATION, "organisation")
        expect(entity, entity.parent, Kind.ORGANISATION, "parent")
        for office in entity.offices:
            expect(entity, office.title, Kind.TITLE, "offices")
        for other in entity.not_same_as:
            if other == entity.id:
                report(entity, "lists itself", "not_same_as")
            elif other not in by_id:
                report(entity, f"refers to unknown entity {other!r}", "not_same_as")
        # One entry per normalised key; the key counts as shared when any spelling of it is.
        mine: dict[str, tuple[Alias, bool]] = {}
        for spelling in entity.aliases:
            key = analyze(spelling.text).key
            if not key:
                report(entity, f"alias {spelling.text!r} normalises to nothing", "aliases")
                continue
            kept, shared = mine.get(key, (spelling, False))
            mine[key] = (kept, shared or spelling.shared)
        for key, (kept, shared) in mine.items():
            owners.setdefault(key, []).append((entity, kept, shared))
    for key, hits in owners.items():
        if len(hits) < 2:
            continue
        unmarked = [(e, a) for e, a, shared in hits if not shared]
        if not unmarked:
            continue
        claimants = sorted(e.id for e, _, _ in hits)
        ids = ", ".join(claimants[:MAX_LISTED])
        if len(claimants) > MAX_LISTED:
            ids += f" and {len(claimants) - MAX_LISTED:,} more"
        for entity, alias in unmarked[:MAX_REPORTED]:
            report(
                entity,
                f"alias {alias.text!r} (normalised {key!r}) is also claimed by {ids}; "
                "mark it shared = true on every entity that shares it, or remove it",
                "aliases",
            )
        if len(unmarked) > MAX_REPORTED:
            report(
                unmarked[MAX_REPORTED][0],
                f"... and {len(unmarked) - MAX_REPORTED:,} more entities claim alias "
                f"{key!r} without shared = true (not listed one by one)",
                "aliases",
            )
    return problems
