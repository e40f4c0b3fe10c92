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

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import CanonymError, Problem, TableError, UnknownEntityError, WorkerLostError
    from .index import Hit, Index
    from .linker import Document, EntityMentions, Mention, link, link_many
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

# Public names and the module that defines each. They are imported on first use, so that
# `import canonym` costs little more than importing its dependencies (docs/guarantees.md);
# the shipped tables are loaded later still, on the first resolve.
_LAZY: dict[str, str] = {
    "Alias": "model",
    "Candidate": "model",
    "CanonymError": "errors",
    "DEFAULT_THRESHOLD": "resolver",
    "Document": "linker",
    "Entity": "model",
    "EntityMentions": "linker",
    "Evidence": "model",
    "Hit": "index",
    "Index": "index",
    "IndexFileError": "store",
    "Kind": "model",
    "MAX_QUERY_LENGTH": "resolver",
    "Mention": "linker",
    "Method": "model",
    "Normalized": "text",
    "Office": "model",
    "Problem": "errors",
    "Resolution": "model",
    "Resolver": "resolver",
    "SCHEMA_VERSION": "tables",
    "Status": "model",
    "TableError": "errors",
    "Tables": "tables",
    "UnknownEntityError": "errors",
    "WorkerLostError": "errors",
    "analyze": "text",
    "check_tables": "tables",
    "default_resolver": "resolver",
    "default_tables": "tables",
    "derive_id": "tables",
    "detect_script": "text",
    "export_tables": "tables",
    "link": "linker",
    "link_many": "linker",
    "load_tables": "tables",
    "name_key": "text",
    "normalize": "text",
    "resolve": "resolver",
}

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
    "WorkerLostError",
    "analyze",
    "check_tables",
    "default_resolver",
    "default_tables",
    "derive_id",
    "detect_script",
    "export_tables",
    "link",
    "link_many",
    "load_tables",
    "name_key",
    "normalize",
    "resolve",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("canonym")
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'canonym' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
