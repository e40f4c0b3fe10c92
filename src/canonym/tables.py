"""Curated tables: TOML files in, one immutable :class:`Tables` out.

The format is documented in ``docs/tables.md``. Loading checks everything and reports every
problem at once (file, line, entry id, field, what is wrong); nothing is silently dropped or
overwritten. This module knows nothing of resolving.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from .errors import Problem, TableError, UnknownEntityError
from .model import Alias, Entity, Kind, Office, parse_partial_date
from .text import analyze, detect_script

__all__ = ["SCHEMA_VERSION", "Tables", "check_tables", "default_tables", "load_tables"]

#: The table schema version this release reads.
SCHEMA_VERSION = 1

#: The shipped table files, in load order.
DEFAULT_FILES: tuple[str, ...] = ("organisations.toml", "titles.toml", "persons.toml")

_ID = re.compile(r"^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$")
_COUNTRY = re.compile(r"^[a-z]{2}$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_TOP_KEYS = {"schema", "source", "entity"}
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
_OFFICE_KEYS = {"title", "start", "end"}


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


def _parse_all(
    sources: list[tuple[str, bytes]],
) -> tuple[list[Entity], list[Problem], dict[str, int]]:
    entities: list[Entity] = []
    problems: list[Problem] = []
    lines: dict[str, int] = {}
    for name, raw in sources:
        ents, probs, lns = _parse_file(name, raw)
        entities.extend(ents)
        problems.extend(probs)
        for key, line in lns.items():
            lines.setdefault(key, line)
    return entities, problems, lines


def load_tables(*paths: str | Path, defaults: bool = True) -> Tables:
    """Load the shipped tables (unless ``defaults=False``) plus ``paths``, in order.

    Raises:
        TableError: listing every problem in every file; no partial tables are returned.
    """
    entities, problems, lines = _parse_all(_read(paths, defaults))
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
    entities, problems, lines = _parse_all(sources)
    problems.extend(_check_entities(entities, lines))
    return problems


@cache
def default_tables() -> Tables:
    """Return the shipped tables, loaded once and cached."""
    return load_tables()


# ---------------------------------------------------------------------------------------------
# Parsing one file

_TOML_LINE = re.compile(r"at line (\d+)")


def _entity_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        m = re.match(r'\s*id\s*=\s*"([^"]*)"', line)
        if m:
            lines.setdefault(m.group(1), number)
    return lines


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


def _parse_file(path: str, raw: bytes) -> tuple[list[Entity], list[Problem], dict[str, int]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [], [Problem(path=path, message=f"not UTF-8 text ({exc.reason})")], {}
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE.search(str(exc))
        line = int(m.group(1)) if m else None
        return [], [Problem(path=path, line=line, message=f"invalid TOML: {exc}")], {}
    problems: list[Problem] = []
    schema = doc.get("schema")
    if schema != SCHEMA_VERSION:
        problems.append(
            Problem(
                path=path,
                field="schema",
                message=f"schema must be {SCHEMA_VERSION} (this canonym reads schema "
                f"{SCHEMA_VERSION}); got {schema!r}",
            )
        )
    for key in sorted(set(doc) - _TOP_KEYS):
        problems.append(Problem(path=path, field=key, message="unknown top-level field"))
    default_source = doc.get("source")
    if default_source is not None and not isinstance(default_source, str):
        problems.append(Problem(path=path, field="source", message="must be a string"))
        default_source = None
    raw_entities = doc.get("entity", [])
    if not isinstance(raw_entities, list):
        problems.append(Problem(path=path, field="entity", message="must be an array of tables"))
        raw_entities = []
    lines = _entity_lines(text)
    entities: list[Entity] = []
    for position, item in enumerate(raw_entities):
        entity, entry_problems = _parse_entity(path, position, item, lines, default_source)
        problems.extend(entry_problems)
        if entity is not None:
            entities.append(entity)
    return entities, problems, lines


def _parse_entity(
    path: str,
    position: int,
    raw: object,
    lines: Mapping[str, int],
    default_source: str | None,
) -> tuple[Entity | None, list[Problem]]:
    label = f"entity[{position}]"
    if not isinstance(raw, dict):
        entry = _Entry(path, label, None)
        entry.problem("must be a table")
        return None, entry.problems
    raw_id = raw.get("id")
    entry_label = raw_id if isinstance(raw_id, str) and raw_id else label
    entry = _Entry(path, entry_label, lines.get(entry_label))
    for key in sorted(set(raw) - _ENTITY_KEYS):
        entry.problem("unknown field", key)
    entity_id = entry.text(raw, "id", required=True)
    if entity_id is not None and not _ID.match(entity_id):
        entry.problem("must be lower-case ASCII letters and digits joined by '.', '-' or '_'", "id")
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
    aliases = _parse_aliases(entry, raw, name)
    offices = _parse_offices(entry, raw)
    sources = entry.strings(raw, "sources")
    if not sources and default_source:
        sources = [default_source]
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
            origin=path,
        ),
        entry.problems,
    )


def _parse_aliases(entry: _Entry, raw: Mapping[str, Any], name: str | None) -> list[Alias]:
    aliases: list[Alias] = []
    if name is not None:
        aliases.append(Alias(text=name, script=detect_script(name), system="display"))
    for text in entry.strings(raw, "native"):
        aliases.append(Alias(text=text, script=detect_script(text), native=True))
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
            aliases.append(Alias(text=item, script=detect_script(item)))
            continue
        if not isinstance(item, dict):
            entry.problem("must be a string or a table with 'text'", where)
            continue
        bad = sorted(set(item) - _ALIAS_KEYS)
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
        aliases.append(
            Alias(
                text=text,
                script=tags["script"] or detect_script(text),
                lang=tags["lang"],
                system=tags["system"],
                source=tags["source"],
                note=tags["note"],
                shared=shared,
            )
        )
    for alias in aliases:
        if not analyze(alias.text).key:
            entry.problem(f"alias {alias.text!r} normalises to nothing", "aliases")
    return aliases


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
        start = entry.date(item, "start", where)
        end = entry.date(item, "end", where)
        if start and end and parse_partial_date(start) > parse_partial_date(end):
            entry.problem(f"start {start} is after end {end}", where)
        offices.append(Office(title=title, start=start, end=end))
    return offices


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
        ids = ", ".join(sorted(e.id for e, _, _ in hits))
        for entity, alias in unmarked:
            report(
                entity,
                f"alias {alias.text!r} (normalised {key!r}) is also claimed by {ids}; "
                "mark it shared = true on every entity that shares it, or remove it",
                "aliases",
            )
    return problems
