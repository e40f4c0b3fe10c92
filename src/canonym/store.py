"""Saved resolvers: data, never code.

A saved resolver is a gzip-compressed JSON document: a header naming the format and its
version, the canonym version that wrote it, a SHA-256 checksum of the payload, and the payload
(the tables in the table format, and the threshold). Nothing is unpickled or evaluated. A
truncated, corrupt, tampered or wrong-version file raises :class:`IndexFileError` and no
resolver is built from it.
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
from .errors import CanonymError, TableError
from .tables import Tables, tables_from_sources

__all__ = ["FORMAT", "VERSION", "IndexFileError", "dump_index", "load_index", "write_atomically"]

#: The name of the saved-resolver format, and the version this canonym writes and reads.
FORMAT = "canonym-index"
VERSION = 1


class IndexFileError(CanonymError, ValueError):
    """A saved resolver cannot be used: unreadable, truncated, corrupt, tampered with, or of
    another format or version. The message names the file and what is wrong."""


def _canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def dump_index(tables: Tables, threshold: float, version: str) -> bytes:
    """The bytes of a saved resolver: the tables grouped by the file they came from, each
    group in the table format (TOML), so that evidence still names the files."""
    groups: dict[str, list[Any]] = {}
    for entity in tables:
        groups.setdefault(entity.origin or "<python>.toml", []).append(entity)
    payload = {
        "threshold": threshold,
        "tables": [{"origin": o, "toml": formats.dump(g, "toml")} for o, g in groups.items()],
    }
    document = {
        "format": FORMAT,
        "version": VERSION,
        "canonym": version,
        "sha256": hashlib.sha256(_canonical(payload)).hexdigest(),
        "payload": payload,
    }
    return gzip.compress(json.dumps(document, ensure_ascii=False).encode("utf-8"), mtime=0)


def load_index(data: bytes, path: str) -> tuple[Tables, float]:
    """Check and read a saved resolver's bytes; raises :class:`IndexFileError`."""

    def fail(why: str) -> NoReturn:
        message = f"{path}: {why}"
        raise IndexFileError(message)

    if not data:
        fail("empty file: not a saved canonym resolver")
    try:
        text = gzip.decompress(data).decode("utf-8")
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        fail(f"not a saved canonym resolver, or truncated ({exc})")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        fail(f"corrupt: invalid JSON at line {exc.lineno} ({exc.msg})")
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        fail(f"not a saved canonym resolver (format is not {FORMAT!r})")
    if document.get("version") != VERSION:
        fail(
            f"saved in format version {document.get('version')!r}; this canonym reads version "
            f"{VERSION}: save it again with this canonym"
        )
    payload = document.get("payload")
    if not isinstance(payload, dict):
        fail("corrupt: no payload")
    if hashlib.sha256(_canonical(payload)).hexdigest() != document.get("sha256"):
        fail("checksum mismatch: the file was changed after it was saved")
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
    return tables, float(threshold)


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
