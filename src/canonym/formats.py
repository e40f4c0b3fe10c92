"""Table file formats: TOML (native), JSON, JSON Lines and CSV, read into raw entries and
written back.

Reading never raises on bad bytes: every problem becomes a :class:`~canonym.Problem` naming the
file and the line (or row, or entry). A UTF-8 byte-order mark is accepted. This module knows
the shapes of files, not what the entries mean (that is :mod:`canonym.tables`).
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from collections.abc import Iterable, Iterator
from typing import Any

from attrs import frozen

from .errors import Problem
from .model import SCALAR_FIELDS, Entity

__all__ = ["FORMATS", "RawEntry", "RawFile", "dump", "format_of", "read"]

#: Formats canonym reads and writes, by name; files are told apart by their suffix.
FORMATS = ("toml", "json", "jsonl", "csv")
_SUFFIXES = {".toml": "toml", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}

#: CSV columns that describe the entity (the same on every row of one id), and the ones that
#: describe one alias (one per row). ``name`` is the alias of its row unless an ``alias``
#: column is present, in which case ``name`` is the display name.
CSV_ENTITY_COLUMNS = (
    "id",
    "kind",
    "name",
    *SCALAR_FIELDS,
    "sources",
    "not_same_as",
    "offices",
    "joined",
    "reports_as",
)
CSV_ALIAS_COLUMNS = (
    "alias",
    "native",
    "lang",
    "script",
    "system",
    "source",
    "shared",
    "alias_note",
)
_CSV_JSON_COLUMNS = ("sources", "not_same_as", "offices", "joined")
#: Columns a CSV file may have to join a row to an entity of an earlier file (read, never
#: written: an export writes the joined entity whole).
CSV_JOIN_COLUMNS = ("same_as", "report")
_CSV_READ_ENTITY_COLUMNS = (*CSV_ENTITY_COLUMNS[1:], *CSV_JOIN_COLUMNS)


@frozen
class RawEntry:
    """One entry of a file, as plain data in the TOML structure, and where it stands."""

    data: dict[str, Any]
    path: str
    line: int | None
    label: str  # "entity[3]" or "row 12"


@frozen
class RawFile:
    """What a file held: its entries, its default source, and the problems of its shape."""

    path: str
    entries: tuple[RawEntry, ...]
    source: str | None
    problems: tuple[Problem, ...]


def format_of(path: str) -> str:
    """The format of a file, from its suffix (``.toml`` when the suffix is unknown)."""
    lowered = path.lower()
    return next((fmt for suf, fmt in _SUFFIXES.items() if lowered.endswith(suf)), "toml")


def read(path: str, raw: bytes, fmt: str | None = None) -> RawFile:
    """Read one file's bytes (in ``fmt``, or the format its suffix names); never raises."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = (
            f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start} ({exc.reason})"
        )
        return RawFile(path, (), None, (Problem(path=path, line=line, message=message),))
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        problem = Problem(path=path, line=line, message="binary data (a NUL character)")
        return RawFile(path, (), None, (problem,))
    reader = {"toml": _read_toml, "json": _read_json, "jsonl": _read_jsonl, "csv": _read_csv}
    try:
        found = reader[fmt or format_of(path)](path, text)
    except RecursionError:
        message = "cannot be read: arrays or tables nested too deeply"
        return RawFile(path, (), None, (Problem(path=path, message=message),))
    except ValueError as exc:  # an integer of thousands of digits
        return RawFile(path, (), None, (Problem(path=path, message=f"cannot be read: {exc}"),))
    surrogate = _lone_surrogate(found)
    if surrogate is not None:
        return RawFile(path, (), None, (surrogate,))
    return found


_SURROGATE = re.compile("[\ud800-\udfff\x00]")


def _not_text(char: str) -> str:
    if char == "\x00":
        return "the control character U+0000 (NUL) in a string: not text"
    return f"a lone surrogate (U+{ord(char):04X}) in a string: not text"


def _lone_surrogate(found: RawFile) -> Problem | None:
    """A problem for the first string of the file that holds a lone surrogate (a JSON escape
    such as ``\\ud800``) or a NUL: no text can be written with one (UTF-8 has no surrogates,
    CSV no NUL), so none is let in. The problem names the entry's field."""
    for entry in found.entries:
        for field, value in entry.data.items():
            stack: list[Any] = [field, value]
            while stack:
                item = stack.pop()
                if isinstance(item, str):
                    bad = _SURROGATE.search(item)
                    if bad:
                        return Problem(
                            path=entry.path,
                            line=entry.line,
                            entry=entry.label,
                            field=field if isinstance(field, str) else None,
                            message=_not_text(bad.group()),
                        )
                elif isinstance(item, dict):
                    stack.extend(item.keys())
                    stack.extend(item.values())
                elif isinstance(item, list):
                    stack.extend(item)
    return None


_TOML_LINE = re.compile(r"at line (\d+)")
_ENTITY_HEADER = re.compile(r"^\s*\[\[\s*entity\s*\]\]\s*(?:#.*)?$")


def _top(path: str, doc: dict[str, Any]) -> tuple[list[Any], str | None, list[Problem]]:
    problems: list[Problem] = []
    schema = doc.get("schema")
    if schema != 1:
        problems.append(
            Problem(
                path=path,
                field="schema",
                message=f"schema must be 1 (this canonym reads schema 1); got {schema!r}",
            )
        )
    for key in sorted(set(doc) - {"schema", "source", "entity"}):
        problems.append(Problem(path=path, field=key, message="unknown top-level field"))
    source = doc.get("source")
    if source is not None and not isinstance(source, str):
        problems.append(Problem(path=path, field="source", message="must be a string"))
        source = None
    entities = doc.get("entity", [])
    if not isinstance(entities, list):
        problems.append(Problem(path=path, field="entity", message="must be an array of tables"))
        entities = []
    return entities, source, problems


def _read_toml(path: str, text: str) -> RawFile:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE.search(str(exc))
        line = int(m.group(1)) if m else None
        return RawFile(
            path, (), None, (Problem(path=path, line=line, message=f"invalid TOML: {exc}"),)
        )
    entities, source, problems = _top(path, doc)
    headers = [n for n, ln in enumerate(text.splitlines(), start=1) if _ENTITY_HEADER.match(ln)]
    entries = tuple(
        RawEntry(
            item if isinstance(item, dict) else {"__invalid__": item},
            path,
            headers[i] if i < len(headers) else None,
            f"entity[{i}]",
        )
        for i, item in enumerate(entities)
    )
    return RawFile(path, entries, source, tuple(problems))


def _read_json(path: str, text: str) -> RawFile:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = Problem(path=path, line=exc.lineno, message=f"invalid JSON: {exc.msg}")
        return RawFile(path, (), None, (problem,))
    if isinstance(doc, list):
        doc = {"schema": 1, "entity": doc}
    if not isinstance(doc, dict):
        problem = Problem(path=path, message="must be an object with schema and entity, or a list")
        return RawFile(path, (), None, (problem,))
    entities, source, problems = _top(path, doc)
    entries = tuple(
        RawEntry(
            item if isinstance(item, dict) else {"__invalid__": item}, path, None, f"entity[{i}]"
        )
        for i, item in enumerate(entities)
    )
    return RawFile(path, entries, source, tuple(problems))


def _read_jsonl(path: str, text: str) -> RawFile:
    entries: list[RawEntry] = []
    problems: list[Problem] = []
    source: str | None = None
    # lines end at \n alone: U+2028 or U+0085 inside a string is text, not a line end
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(path=path, line=number, message=f"invalid JSON: {exc.msg}"))
            continue
        if isinstance(item, dict) and "schema" in item and "id" not in item and "name" not in item:
            _, source, header_problems = _top(path, {**item, "entity": []})
            problems.extend(
                Problem(path=path, line=number, field=p.field, message=p.message)
                for p in header_problems
            )
            continue
        data = item if isinstance(item, dict) else {"__invalid__": item}
        entries.append(RawEntry(data, path, number, f"line {number}"))
    return RawFile(path, tuple(entries), source, tuple(problems))


def _read_csv(path: str, text: str) -> RawFile:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    problems: list[Problem] = []
    missing = [c for c in ("id", "name") if c not in header]
    if missing:
        message = f"the header row must name the columns id and name; missing: {', '.join(missing)}"
        return RawFile(path, (), None, (Problem(path=path, line=1, message=message),))
    known = set(CSV_ENTITY_COLUMNS) | set(CSV_ALIAS_COLUMNS) | set(CSV_JOIN_COLUMNS)
    for column in header:
        if column not in known:
            problems.append(Problem(path=path, line=1, field=column, message="unknown column"))
    display_column = "alias" in header
    grouped: dict[str, RawEntry] = {}
    order: list[str] = []
    for row in _csv_rows(reader, path, problems):
        number = reader.line_num
        if None in row:
            problems.append(Problem(path=path, line=number, message="more cells than columns"))
            continue
        # cells as written (every format keeps text exactly; an id with spaces around it is a
        # problem in all of them, and names are normalised when matched, not when read)
        cells = {k: (v or "") for k, v in row.items() if k is not None}
        entity_id = cells.get("id", "")
        if not entity_id:
            problems.append(Problem(path=path, line=number, field="id", message="is required"))
            continue
        alias_text = cells.get("alias", "") if display_column else cells.get("name", "")
        alias = _csv_alias(alias_text, cells, path, number, problems) if alias_text else None
        entry = grouped.get(entity_id)
        if entry is None:
            data: dict[str, Any] = {"id": entity_id, "aliases": [], "native": []}
            for column in _CSV_READ_ENTITY_COLUMNS:
                value = cells.get(column, "")
                if value:
                    data[column] = _csv_entity_value(column, value, path, number, problems)
            if "kind" not in data:
                data["kind"] = "person"
            if not display_column:
                # the first spelling names a new entity; for a known id it is only a spelling
                data["__name_is_alias__"] = True
            entry = RawEntry(data, path, number, f"row {number}")
            grouped[entity_id] = entry
            order.append(entity_id)
        else:
            for column in _CSV_READ_ENTITY_COLUMNS:
                value = cells.get(column, "")
                if not value or (column == "name" and not display_column):
                    continue
                parsed = _csv_entity_value(column, value, path, number, problems)
                if column not in entry.data:
                    entry.data[column] = parsed
                elif entry.data[column] != parsed:
                    problems.append(
                        Problem(
                            path=path,
                            line=number,
                            entry=entity_id,
                            field=column,
                            message=f"{value!r} differs from {entry.data[column]!r} on row "
                            f"{entry.line} for the same id",
                        )
                    )
        if alias is not None:
            if alias.pop("__native__", False):
                entry.data["native"].append(alias["text"])
            else:
                entry.data["aliases"].append(alias)
    for entry in grouped.values():
        if not entry.data["native"]:
            del entry.data["native"]
        entry.data["aliases"] = [
            a for a in entry.data["aliases"] if a["text"] != entry.data.get("name") or len(a) > 1
        ]
    return RawFile(path, tuple(grouped[i] for i in order), None, tuple(problems))


def _csv_rows(
    reader: csv.DictReader[str], path: str, problems: list[Problem]
) -> Iterator[dict[str | Any, str | Any]]:
    """The rows of a CSV file; a row the reader refuses (a cell over its limit, a stray quote)
    ends the file with a problem naming the line."""
    try:
        yield from reader
    except csv.Error as exc:
        line = reader.line_num + 1  # the record being read when the reader gave up
        problems.append(Problem(path=path, line=line, message=f"invalid CSV: {exc}"))


def _csv_entity_value(
    column: str, value: str, path: str, number: int, problems: list[Problem]
) -> Any:
    if column in _CSV_JSON_COLUMNS:
        if column in {"sources", "not_same_as", "joined"} and not value.startswith("["):
            return [v.strip() for v in value.split("|") if v.strip()]
        try:
            return json.loads(value)
        except json.JSONDecodeError as exc:
            problems.append(
                Problem(
                    path=path, line=number, field=column, message=f"must be a JSON list: {exc.msg}"
                )
            )
            return []
    return value


def _csv_alias(
    text: str, cells: dict[str, str], path: str, number: int, problems: list[Problem]
) -> dict[str, Any]:
    alias: dict[str, Any] = {"text": text}
    for column, key in (
        ("lang", "lang"),
        ("script", "script"),
        ("system", "system"),
        ("source", "source"),
        ("alias_note", "note"),
    ):
        if cells.get(column):
            alias[key] = cells[column]
    for column in ("shared", "native"):
        value = cells.get(column, "").lower()
        if value in {"true", "yes", "1"}:
            alias["shared" if column == "shared" else "__native__"] = True
        elif value not in {"", "false", "no", "0"}:
            problems.append(
                Problem(
                    path=path,
                    line=number,
                    field=column,
                    message=f"must be true or false, not {value!r}",
                )
            )
    return alias


# ---------------------------------------------------------------------------------------------
# Writing


def _entity_data(entity: Entity) -> dict[str, Any]:
    """An entity in the TOML structure (what the readers read back)."""
    from .text import detect_script

    data: dict[str, Any] = {"id": entity.id, "kind": entity.kind.value, "name": entity.name}
    for key in SCALAR_FIELDS:
        value = getattr(entity, key)
        if value is not None and key != "note":
            data[key] = value
    native = [a.text for a in entity.aliases if a.native]
    if native:
        data["native"] = native
    aliases = []
    for alias in entity.aliases:
        if alias.native or (alias.system == "display" and alias.text == entity.name):
            continue
        item: dict[str, Any] = {"text": alias.text}
        for key in ("lang", "system", "source", "note"):
            value = getattr(alias, key)
            if value is not None:
                item[key] = value
        if alias.script != detect_script(alias.text):
            item["script"] = alias.script
        if alias.shared:
            item["shared"] = True
        aliases.append(item)
    if aliases:
        data["aliases"] = aliases
    if entity.not_same_as:
        data["not_same_as"] = list(entity.not_same_as)
    if entity.wikidata is None:
        data.pop("wikidata", None)
    if entity.sources:
        data["sources"] = list(entity.sources)
    if entity.note is not None:
        data["note"] = entity.note
    if entity.offices:
        data["offices"] = [o.to_dict() for o in entity.offices]
    if entity.joined:
        data["joined"] = list(entity.joined)
    if entity.reports_as is not None:
        data["reports_as"] = entity.reports_as
    return data


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        # TOML wants DEL escaped as well as what JSON escapes
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    msg = f"cannot write {type(value).__name__} as TOML"
    raise TypeError(msg)


def dump(entities: Iterable[Entity], fmt: str) -> str:
    """Write entities in one of :data:`FORMATS`; reading the result back gives them again."""
    items = [_entity_data(e) for e in entities]
    if fmt == "json":
        return json.dumps({"schema": 1, "entity": items}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        lines = [json.dumps({"schema": 1}), *(json.dumps(i, ensure_ascii=False) for i in items)]
        return "\n".join(lines) + "\n"
    if fmt == "csv":
        return _dump_csv(items)
    if fmt != "toml":
        msg = f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    out = ["# canonym tables (schema 1), written by canonym export", "schema = 1", ""]
    for item in items:
        out.append("[[entity]]")
        offices = item.pop("offices", [])
        aliases = item.pop("aliases", [])
        out.extend(f"{k} = {_toml_value(v)}" for k, v in item.items())
        if aliases:
            out.append("aliases = [")
            out.extend(f"  {_toml_value(a)}," for a in aliases)
            out.append("]")
        for office in offices:
            out.extend(["", "[[entity.offices]]"])
            out.extend(f"{k} = {_toml_value(v)}" for k, v in office.items())
        out.append("")
    return "\n".join(out)


class _CsvRows:
    """A CSV writer with ``\n`` line ends that also quotes a cell holding ``\r`` (the csv
    module quotes only the line end it writes): a row with one is written fully quoted."""

    def __init__(self, out: Any, delimiter: str = ",") -> None:
        self.plain = csv.writer(out, delimiter=delimiter, lineterminator="\n")
        self.quoted = csv.writer(
            out, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL
        )

    def writerow(self, cells: list[str]) -> None:
        (self.quoted if any("\r" in c for c in cells) else self.plain).writerow(cells)


def _dump_csv(items: list[dict[str, Any]]) -> str:
    buffer = io.StringIO(newline="")
    writer = _CsvRows(buffer)
    writer.writerow([*CSV_ENTITY_COLUMNS, *CSV_ALIAS_COLUMNS])
    for item in items:
        entity = [
            json.dumps(item[c], ensure_ascii=False)
            if c in _CSV_JSON_COLUMNS and c in item
            else str(item.get(c, ""))
            for c in CSV_ENTITY_COLUMNS
        ]
        rows: list[list[str]] = [
            ["", "true", "", "", "", "", "", ""] for _ in item.get("native", [])
        ]
        for row, text in zip(rows, item.get("native", []), strict=True):
            row[0] = text
        for alias in item.get("aliases", []):
            rows.append(
                [
                    alias["text"],
                    "",
                    alias.get("lang", ""),
                    alias.get("script", ""),
                    alias.get("system", ""),
                    alias.get("source", ""),
                    "true" if alias.get("shared") else "",
                    alias.get("note", ""),
                ]
            )
        if not rows:
            rows = [[""] * len(CSV_ALIAS_COLUMNS)]
        for row in rows:
            writer.writerow([*entity, *row])
    return buffer.getvalue()
