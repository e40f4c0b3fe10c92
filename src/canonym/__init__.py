"""canonym: one stable ID for every spelling of a person's name, an official title or an
organisation in news about Korea, Russia, Ukraine and China.

>>> import canonym
>>> r = canonym.resolve("KIM, Jong Un")
>>> r.status, r.id
(<Status.MATCHED: 'matched'>, 'kp.kim-jong-un')

:class:`Resolver` is the API; :func:`resolve` is sugar over a resolver built lazily from the
shipped tables.
"""

from __future__ import annotations

from typing import Any

from .errors import CanonymError, Problem, TableError, UnknownEntityError
from .index import Hit, Index
from .linker import Document, EntityMentions, Mention
from .model import (
    Alias,
    Candidate,
    Entity,
    Evidence,
    Kind,
    Method,
    Office,
    Resolution,
    Status,
)
from .resolver import (
    DEFAULT_THRESHOLD,
    MAX_QUERY_LENGTH,
    Resolver,
    default_resolver,
    link,
    resolve,
)
from .store import IndexFileError
from .tables import (
    SCHEMA_VERSION,
    Tables,
    check_tables,
    default_tables,
    derive_id,
    export_tables,
    load_tables,
)
from .text import Normalized, analyze, detect_script, name_key, normalize

__all__ = [
    "DEFAULT_THRESHOLD",
    "MAX_QUERY_LENGTH",
    "SCHEMA_VERSION",
    "Alias",
    "Candidate",
    "CanonymError",
    "Document",
    "Entity",
    "EntityMentions",
    "Evidence",
    "Hit",
    "Index",
    "IndexFileError",
    "Kind",
    "Mention",
    "Method",
    "Normalized",
    "Office",
    "Problem",
    "Resolution",
    "Resolver",
    "Status",
    "TableError",
    "Tables",
    "UnknownEntityError",
    "analyze",
    "check_tables",
    "default_resolver",
    "default_tables",
    "derive_id",
    "detect_script",
    "export_tables",
    "link",
    "load_tables",
    "name_key",
    "normalize",
    "resolve",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("canonym")
    msg = f"module 'canonym' has no attribute {name!r}"
    raise AttributeError(msg)
