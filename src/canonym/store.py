"""Saved resolvers: data, never code.

A saved resolver is gzip-compressed JSON: one header line naming the format and its version,
the canonym version that wrote it and a SHA-256 checksum of the payload's bytes, then the
payload (the checked tables as rows of their fields, the threshold, and a snapshot of the
built index). Opening one does not parse or check table files again: that was done when they
were loaded, and the checksum vouches for the rows.
Nothing is unpickled or evaluated. A truncated, corrupt, tampered or wrong-version file raises
:class:`IndexFileError` and no resolver is built from it.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import re
import stat
import tempfile
import threading
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

from ._gc import gc_paused
from .errors import CanonymError, TableError
from .model import Alias, Entity, Kind, Office
from .tables import Tables

__all__ = [
    "FORMAT",
    "VERSION",
    "IndexFileError",
    "atomic_writer",
    "dump_index",
    "load_index",
    "write_atomically",
]

#: The name of the saved-resolver format, and the version this canonym writes and reads.
FORMAT = "canonym-index"
# 3: entities carry joined ids and the id they report; 4: offices carry seen dates, a source
VERSION = 4


class IndexFileError(CanonymError, ValueError):
    """A saved resolver cannot be used: unreadable, truncated, corrupt, tampered with, or of
    another format or version. The message names the file and what is wrong."""


@gc_paused
def dump_index(
    tables: Tables, threshold: float, version: str, snapshot: dict[str, Any] | None = None
) -> bytes:
    """The bytes of a saved resolver: the checked tables, entity by entity (every field, the
    file each entry and spelling came from included, so evidence still names the files); and,
    when given, a snapshot of the built index (:mod:`canonym.snapshot`), so that opening the
    file need not rebuild it."""
    payload: dict[str, Any] = {
        "threshold": threshold,
        "files": list(tables.files),
        "entities": [_entity_row(e) for e in tables],
    }
    if snapshot is not None:
        payload["index"] = snapshot
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = {
        "format": FORMAT,
        "version": VERSION,
        "canonym": version,
        "sha256": hashlib.sha256(body).hexdigest(),
    }
    # one line of header, then the payload: the checksum is of the payload's bytes, checked
    # before they are parsed
    document = json.dumps(header).encode("utf-8") + b"\n" + body
    return gzip.compress(document, compresslevel=1, mtime=0)  # fast; the JSON compresses well


def _alias_row(a: Alias) -> list[Any]:
    return [a.text, a.script, a.lang, a.system, a.source, a.shared, a.native, a.note, a.origin]


def _entity_row(e: Entity) -> list[Any]:
    return [
        e.id,
        e.kind.value,
        e.name,
        [_alias_row(a) for a in e.aliases],
        e.country,
        e.family_name,
        e.organisation,
        e.parent,
        [[o.title, o.start, o.end, o.seen_from, o.seen_to, o.source] for o in e.offices],
        list(e.not_same_as),
        e.wikidata,
        e.born,
        e.died,
        list(e.sources),
        e.note,
        e.origin,
        list(e.joined),
        e.reports_as,
    ]


_OPTIONAL_STR = (str, type(None))


def _office(row: Any) -> Office:
    """A tenure from its saved row: ``[title, start, end, seen_from, seen_to, source]``."""
    if type(row) is not list or len(row) != 6 or not all(map(_optional_str, row)):
        raise TypeError(row)
    title, start, end, seen_from, seen_to, source = row
    if not isinstance(title, str):
        raise TypeError(title)
    return Office(
        title=title, start=start, end=end, seen_from=seen_from, seen_to=seen_to, source=source
    )


def _optional_str(value: Any) -> bool:
    return isinstance(value, _OPTIONAL_STR)


def _entity(row: list[Any]) -> Entity:
    """An entity from its saved row. The rows were checked when the tables were loaded and the
    checksum says they are as written; only their shape is checked here, so that a damaged
    file fails loudly rather than yielding odd objects."""
    (ident, kind, name, aliases, country, family, org, parent, offices, *rest) = row
    not_same_as, wikidata, born, died, sources, note, origin, joined, reports_as = rest
    if not isinstance(ident, str) or not isinstance(name, str):
        raise TypeError(ident)
    if not isinstance(joined, list):
        raise TypeError(joined)
    for value in (country, family, org, parent, wikidata, born, died, note, origin, reports_as):
        if not isinstance(value, _OPTIONAL_STR):
            raise TypeError(value)
    spellings = []
    for text, script, lang, system, source, shared, native, a_note, a_origin in aliases:
        if not isinstance(text, str) or not isinstance(script, str):
            raise TypeError(text)
        spellings.append(
            Alias(
                text=text,
                script=script,
                lang=lang,
                system=system,
                source=source,
                shared=shared is True,
                native=native is True,
                note=a_note,
                origin=a_origin,
            )
        )
    return Entity(
        id=ident,
        kind=Kind(kind),
        name=name,
        aliases=tuple(spellings),
        country=country,
        family_name=family,
        organisation=org,
        parent=parent,
        offices=tuple(_office(o) for o in offices),
        not_same_as=tuple(str(x) for x in not_same_as),
        wikidata=wikidata,
        born=born,
        died=died,
        sources=tuple(str(x) for x in sources),
        note=note,
        origin=origin,
        joined=tuple(str(x) for x in joined),
        reports_as=reports_as,
    )


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")

#: The largest a saved resolver may be once inflated (its tables and index as JSON), and the
#: longest its header line may be: a file that inflates to more is refused as it inflates.
MAX_INFLATED = 2 * 1024**3
MAX_HEADER = 4096


def _inflate(data: bytes, fail: Callable[[str], NoReturn]) -> bytes:
    """The gzip-inflated bytes, at most :data:`MAX_INFLATED` of them."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        raw = inflater.decompress(data, MAX_INFLATED + 1)
        if len(raw) > MAX_INFLATED or inflater.unconsumed_tail:
            fail(f"inflates to more than {MAX_INFLATED:,} bytes: not a saved canonym resolver")
        if not inflater.eof:
            fail("not a saved canonym resolver, or truncated (the compressed data end early)")
    except zlib.error as exc:
        fail(f"not a saved canonym resolver, or truncated ({exc})")
    return raw


@gc_paused
def load_index(data: bytes, path: str) -> tuple[Tables, float, dict[str, Any] | None]:
    """Check and read a saved resolver's bytes: its tables, threshold and index snapshot (or
    ``None``); raises :class:`IndexFileError`."""

    def fail(why: str) -> NoReturn:
        message = f"{path}: {why}"
        raise IndexFileError(message)

    if not data:
        fail("empty file: not a saved canonym resolver")
    raw = _inflate(data, fail)
    head, _, body = raw.partition(b"\n")
    if len(head) > MAX_HEADER or not head.startswith(b"{"):
        fail("not a saved canonym resolver (no header)")
    try:
        header = json.loads(head.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        fail(f"corrupt: the header is not valid JSON ({exc})")
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        fail(f"not a saved canonym resolver (format is not {FORMAT!r})")
    if header.get("version") != VERSION:
        fail(
            f"saved in format version {header.get('version')!r}; this canonym reads version "
            f"{VERSION}: save it again with this canonym"
        )
    if hashlib.sha256(body).hexdigest() != header.get("sha256"):
        fail("checksum mismatch: the file was changed after it was saved, or is truncated")
    if _SURROGATE_ESCAPE.search(body):
        # canonym writes text as UTF-8, never as \ud800-style escapes: such an escape is an
        # edit, and a lone surrogate would make every later save or export fail
        fail("corrupt: a surrogate escape in the payload (canonym never writes one)")
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        fail(f"corrupt: invalid JSON ({exc})")
    if not isinstance(payload, dict):
        fail("corrupt: no payload")
    threshold = payload.get("threshold")
    if not isinstance(threshold, int | float) or not 0.0 <= threshold <= 1.0:
        fail("corrupt: bad threshold")
    rows, files = payload.get("entities"), payload.get("files")
    if not isinstance(rows, list) or not isinstance(files, list):
        fail("corrupt: bad tables")
    try:
        tables = Tables(tuple(_entity(row) for row in rows), tuple(str(f) for f in files))
    except TableError as exc:
        fail(f"corrupt tables: {exc}")
    except (TypeError, ValueError, KeyError, IndexError) as exc:
        fail(f"corrupt: bad tables ({type(exc).__name__})")
    snapshot = payload.get("index")
    return tables, float(threshold), snapshot if isinstance(snapshot, dict) else None


def write_atomically(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half;
    the file gets the old file's mode, or the one the user's umask gives a new file."""
    with atomic_writer(path) as f:
        f.write(data)


_umask_lock = threading.Lock()


def _new_file_mode() -> int:
    """The mode a new file gets under the process's umask (read, then put back)."""
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through: the bytes go to a temporary file beside it,
    which replaces ``path`` when the ``with`` block ends without an exception and is removed
    when it does not (so readers see the old file or the new one, and no temporary file is
    left behind). The file keeps the old file's mode, or takes the umask's for a new one."""
    target = Path(path)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = _new_file_mode()
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
