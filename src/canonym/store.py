"""Saved resolvers: data, never code.

A saved resolver is gzip-compressed JSON: one header line naming the format and its version,
the canonym version that wrote it and a SHA-256 checksum of the payload's bytes, then the
payload (the tables in the table format, the threshold, and a snapshot of the built index).
Nothing is unpickled or evaluated. A truncated, corrupt, tampered or wrong-version file raises
:class:`IndexFileError` and no resolver is built from it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
import zlib
from pathlib import Path
from typing import Any, NoReturn

from . import formats
from ._gc import gc_paused
from .errors import CanonymError, TableError
from .tables import Tables, tables_from_sources

__all__ = ["FORMAT", "VERSION", "IndexFileError", "dump_index", "load_index", "write_atomically"]

#: The name of the saved-resolver format, and the version this canonym writes and reads.
FORMAT = "canonym-index"
VERSION = 1


class IndexFileError(CanonymError, ValueError):
    """A saved resolver cannot be used: unreadable, truncated, corrupt, tampered with, or of
    another format or version. The message names the file and what is wrong."""


@gc_paused
def dump_index(
    tables: Tables, threshold: float, version: str, snapshot: dict[str, Any] | None = None
) -> bytes:
    """The bytes of a saved resolver: the tables grouped by the file they came from, each
    group in the table format (TOML), so that evidence still names the files; and, when
    given, a snapshot of the built index (:mod:`canonym.snapshot`), so that opening the file
    need not rebuild it."""
    groups: dict[str, list[Any]] = {}
    for entity in tables:
        groups.setdefault(entity.origin or "<python>.toml", []).append(entity)
    payload: dict[str, Any] = {
        "threshold": threshold,
        "tables": [{"origin": o, "toml": formats.dump(g, "toml")} for o, g in groups.items()],
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


@gc_paused
def load_index(data: bytes, path: str) -> tuple[Tables, float, dict[str, Any] | None]:
    """Check and read a saved resolver's bytes: its tables, threshold and index snapshot (or
    ``None``); raises :class:`IndexFileError`."""

    def fail(why: str) -> NoReturn:
        message = f"{path}: {why}"
        raise IndexFileError(message)

    if not data:
        fail("empty file: not a saved canonym resolver")
    try:
        raw = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        fail(f"not a saved canonym resolver, or truncated ({exc})")
    head, _, body = raw.partition(b"\n")
    try:
        header = json.loads(head.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
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
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        fail(f"corrupt: invalid JSON ({exc})")
    if not isinstance(payload, dict):
        fail("corrupt: no payload")
    threshold = payload.get("threshold")
    if not isinstance(threshold, int | float) or not 0.0 <= threshold <= 1.0:
        fail("corrupt: bad threshold")
    groups = payload.get("tables")
    if not isinstance(groups, list) or not all(
        isinstance(g, dict) and isinstance(g.get("origin"), str) and isinstance(g.get("toml"), str)
        for g in groups
    ):
        fail("corrupt: bad tables")
    try:
        tables = tables_from_sources(
            [(g["origin"], g["toml"].encode("utf-8"), "toml") for g in groups]
        )
    except TableError as exc:
        fail(f"corrupt tables: {exc}")
    snapshot = payload.get("index")
    return tables, float(threshold), snapshot if isinstance(snapshot, dict) else None


def write_atomically(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half."""
    target = Path(path)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
