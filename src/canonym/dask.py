"""Run canonym over Dask collections: a bag of texts, or a column of a dataframe.

This module is an optional extra (``pip install 'canonym[dask]'``); ``import canonym`` never
imports it, nor Dask.

```pycon
>>> import dask.bag as db
>>> import canonym.dask
>>> names = db.from_sequence(["Choe Ryong Hae", "최룡해", "nobody at all"], npartitions=2)
>>> [r.id for r in canonym.dask.resolve_bag(names).compute(scheduler="sync")]
['kp.choe-ryong-hae', 'kp.choe-ryong-hae', None]

```

How the resolver reaches the workers:

- It is never pickled. It is turned into the bytes :meth:`canonym.Resolver.save` writes
  (tables, threshold and index snapshot: data, not code; docs/guarantees.md) and those bytes
  go into the task graph once, as one key that every partition's task depends on: a
  ``dask.delayed(..., pure=True)`` value, or, when a ``dask.distributed`` client is the active
  scheduler when the collection is built, a future scattered to every worker.
- Each worker process rebuilds the resolver from those bytes once, on its first partition,
  checks the bytes against their SHA-256, and keeps it in a small per-process cache keyed by
  that digest (at most :data:`CACHE_SIZE` resolvers, least recently used dropped first).
  Resolvers are immutable, so the cache never goes stale and threads of one worker share it.
- The bytes of a resolver are computed once per resolver in the client process, too.

Results are the same as the resolver's own, in input order: ``resolve_bag(bag, r)`` computes to
``[r.resolve(t) for t in texts]``. See docs/distributed.md.
"""

from __future__ import annotations

import hashlib
import sys
import threading
import uuid
import weakref
from collections import Counter, OrderedDict
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any

try:
    import dask.bag
    from dask.delayed import delayed
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by the tests
    _msg = (
        f"canonym.dask needs Dask, which is an optional extra: pip install 'canonym[dask]' ({exc})"
    )
    raise ImportError(_msg, name=exc.name) from exc

from .linker import Document, link
from .model import Kind, Resolution, as_date
from .resolver import Resolver, default_resolver
from .store import IndexFileError

if TYPE_CHECKING:
    import datetime as _dt

    import dask.dataframe

__all__ = ["CACHE_SIZE", "COLUMNS", "link_bag", "resolve_bag", "resolve_frame"]

#: How many resolvers each worker process keeps built (least recently used dropped first).
CACHE_SIZE = 4

#: The columns :func:`resolve_frame` adds, after its ``prefix``: the matched id (missing unless
#: MATCHED), the status (``matched``, ``ambiguous``, ``unmatched``), the score, and the matched
#: entity's display name (missing unless MATCHED).
COLUMNS = ("id", "status", "score", "name")

# ---------------------------------------------------------------------------------------------
# In the client process: a resolver's saved bytes, computed once per resolver.

_saved_lock = threading.Lock()
_saved: weakref.WeakKeyDictionary[Resolver, tuple[str, bytes]] = weakref.WeakKeyDictionary()


def _saved_bytes(resolver: Resolver) -> tuple[str, bytes]:
    """The SHA-256 (hex) and bytes of ``resolver`` as :meth:`Resolver.save` writes them."""
    with _saved_lock:
        known = _saved.get(resolver)
        if known is None:
            data = resolver.to_bytes()
            known = (hashlib.sha256(data).hexdigest(), data)
            _saved[resolver] = known  # a resolver never changes, so neither do its bytes
        return known


def _active_client() -> Any:
    """The ``dask.distributed`` client that is the active scheduler, if any (synchronous only);
    ``distributed`` is not imported if the caller has not imported it."""
    distributed = sys.modules.get("distributed")
    if distributed is None:
        return None
    try:
        client = distributed.default_client()
    except ValueError:  # no client
        return None
    return None if getattr(client, "asynchronous", False) else client


def _ship(resolver: Resolver | None) -> tuple[str, Any]:
    """The digest of ``resolver``'s saved bytes, and one graph node holding those bytes."""
    if resolver is None:
        resolver = default_resolver()
    elif not isinstance(resolver, Resolver):
        msg = f"resolver must be a canonym.Resolver or None, not {type(resolver).__name__}"
        raise TypeError(msg)
    digest, data = _saved_bytes(resolver)
    key = f"canonym-resolver-{digest}"
    client = _active_client()
    if client is not None:
        # To every worker now; the graph holds a reference (a future), which keeps the bytes
        # on the workers as long as the collection lives. Each scatter gets a key of its own:
        # scattering again under a key the scheduler is still releasing loses the data.
        key = f"{key}-{uuid.uuid4().hex}"
        return digest, client.scatter({key: data}, broadcast=True)[key]
    # dask's delayed() is not annotated
    return digest, delayed(data, pure=True, name=key)  # type: ignore[no-untyped-call, unused-ignore]


def _check_options(
    kinds: Collection[Kind] | None, on: _dt.date | str | None
) -> frozenset[Kind] | None:
    """Check ``kinds`` and ``on`` before any work is sent anywhere."""
    if on is not None:
        as_date(on)  # raises TypeError or ValueError now rather than in every partition
    if kinds is None:
        return None
    wanted = frozenset(kinds)
    for kind in wanted:
        if not isinstance(kind, Kind):
            msg = f"kinds must hold canonym.Kind values, not {kind!r}"
            raise TypeError(msg)
    return wanted


def _check_bag(bag: object) -> None:
    if not isinstance(bag, dask.bag.Bag):
        msg = f"expected a dask.bag.Bag of str, not {type(bag).__name__}"
        raise TypeError(msg)


# ---------------------------------------------------------------------------------------------
# In a worker process: one resolver per saved-bytes digest, built once.

_cache_lock = threading.Lock()
_cache: OrderedDict[str, Resolver] = OrderedDict()
_builds: Counter[str] = Counter()  # how often each digest was built in this process (tests)


def _worker_resolver(digest: str, data: bytes) -> Resolver:
    """This process's resolver for ``data``, built from the bytes on first use and cached.

    The cache is per process and holds immutable resolvers keyed by the SHA-256 of the bytes
    they were built from; the lock makes the threads of one worker build each one once.
    """
    with _cache_lock:
        resolver = _cache.get(digest)
        if resolver is not None:
            _cache.move_to_end(digest)
            return resolver
        if hashlib.sha256(data).hexdigest() != digest:
            msg = "<canonym.dask shipped resolver>: bytes do not match their SHA-256"
            raise IndexFileError(msg)
        resolver = Resolver.from_bytes(data, name="<canonym.dask shipped resolver>")
        _cache[digest] = resolver
        _builds[digest] += 1
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
        return resolver


def _cache_info() -> dict[str, Any]:
    """This process's cache: the digests held, and how often each digest was built."""
    with _cache_lock:
        return {"cached": list(_cache), "builds": dict(_builds)}


def _resolve_partition(
    texts: Iterable[str],
    digest: str,
    data: bytes,
    kinds: frozenset[Kind] | None,
    on: _dt.date | str | None,
) -> list[Resolution]:
    resolver = _worker_resolver(digest, data)
    return [resolver.resolve(text, kinds=kinds, on=on) for text in texts]


def _link_partition(
    texts: Iterable[str], digest: str, data: bytes, on: _dt.date | str | None
) -> list[Document]:
    resolver = _worker_resolver(digest, data)
    return [link(text, resolver=resolver, on=on) for text in texts]


def _is_missing(value: object) -> bool:
    """None, NaN, ``pandas.NA`` or ``NaT``: a missing value in a dataframe column."""
    from .pandas import is_missing

    return is_missing(value)


def _frame_partition(
    part: Any,
    names: tuple[str, str, str, str],
    resolutions: list[Resolution | None],
) -> Any:
    """A pandas dataframe: ``part`` with the four result columns added; ``None`` in
    ``resolutions`` stands for a missing input (the rows as :mod:`canonym.pandas` makes them)."""
    from .pandas import frame_of

    answers = frame_of(resolutions, part.index, columns=names)
    out = part.copy(deep=False)
    for name in names:
        out[name] = answers[name]
    return out


def _resolve_frame_partition(
    part: Any,
    column: str,
    names: tuple[str, str, str, str],
    digest: str,
    data: bytes,
    kinds: frozenset[Kind] | None,
    on: _dt.date | str | None,
) -> Any:
    resolver = _worker_resolver(digest, data)
    resolutions = [
        None if _is_missing(text) else resolver.resolve(text, kinds=kinds, on=on)
        for text in part[column].tolist()
    ]
    return _frame_partition(part, names, resolutions)


# ---------------------------------------------------------------------------------------------
# Public API


def resolve_bag(
    bag: dask.bag.Bag,
    resolver: Resolver | None = None,
    *,
    kinds: Collection[Kind] | None = None,
    on: _dt.date | str | None = None,
) -> dask.bag.Bag:
    """Resolve every text of a Dask bag: a bag of :class:`~canonym.Resolution`, in input order.

    Lazy, like any bag operation: nothing is resolved until the result is computed. The
    resolver goes into the graph once, as its saved bytes (see the module documentation), and
    each worker process builds it once.

    Args:
        bag: a bag of ``str``. Anything else in it raises :class:`TypeError` when computed, as
            :meth:`canonym.Resolver.resolve` does.
        resolver: the resolver to use; :func:`canonym.default_resolver` (the shipped tables)
            when ``None``.
        kinds: only consider entities of these kinds (all kinds when ``None``).
        on: the date the texts speak of (see :meth:`canonym.Resolver.resolve`).

    Returns:
        A bag with one :class:`~canonym.Resolution` per text, partitioned like ``bag``; it
        computes to ``[resolver.resolve(t, kinds=kinds, on=on) for t in texts]``.

    Raises:
        TypeError: ``bag`` is not a Dask bag, ``resolver`` not a :class:`~canonym.Resolver`, or
            ``kinds`` or ``on`` of the wrong type (raised here, before any work is done).
        ValueError: ``on`` is not a valid date.
    """
    _check_bag(bag)
    wanted = _check_options(kinds, on)
    digest, shipped = _ship(resolver)
    result: dask.bag.Bag = bag.map_partitions(  # type: ignore[no-untyped-call, unused-ignore]
        _resolve_partition, digest, shipped, wanted, on
    )
    return result


def link_bag(
    bag: dask.bag.Bag,
    resolver: Resolver | None = None,
    *,
    on: _dt.date | str | None = None,
) -> dask.bag.Bag:
    """Link every text of a Dask bag: a bag of :class:`~canonym.Document`, in input order.

    Lazy; the resolver is shipped and built as for :func:`resolve_bag`.

    Args:
        bag: a bag of ``str`` (articles, paragraphs). Anything else in it raises
            :class:`TypeError` when computed, as :func:`canonym.link` does.
        resolver: the resolver to use; :func:`canonym.default_resolver` when ``None``.
        on: the date the texts speak of (see :func:`canonym.link`).

    Returns:
        A bag with one :class:`~canonym.Document` per text, partitioned like ``bag``; it
        computes to ``[canonym.link(t, resolver=resolver, on=on) for t in texts]``.

    Raises:
        TypeError: ``bag`` is not a Dask bag, ``resolver`` not a :class:`~canonym.Resolver`, or
            ``on`` of the wrong type.
        ValueError: ``on`` is not a valid date.
    """
    _check_bag(bag)
    _check_options(None, on)
    digest, shipped = _ship(resolver)
    result: dask.bag.Bag = bag.map_partitions(  # type: ignore[no-untyped-call, unused-ignore]
        _link_partition, digest, shipped, on
    )
    return result


def resolve_frame(
    frame: dask.dataframe.DataFrame,
    column: str,
    resolver: Resolver | None = None,
    *,
    prefix: str = "canonym_",
    kinds: Collection[Kind] | None = None,
    on: _dt.date | str | None = None,
) -> dask.dataframe.DataFrame:
    """Resolve one column of a Dask dataframe, adding four columns with the answers.

    The columns added, named ``prefix`` + ``id``, ``status``, ``score``, ``name``
    (:data:`COLUMNS`), are: the matched entity's id (missing unless MATCHED), the status
    (``"matched"``, ``"ambiguous"`` or ``"unmatched"``), the score (a float in [0, 1]) and the
    matched entity's display name (missing unless MATCHED). Text columns have the pandas
    ``"string"`` dtype and ``score`` is ``float64``, in the meta and in every partition. A
    missing value in ``column`` (``None``, ``NaN``, ``pandas.NA``) gives missing values in all
    four; any other non-``str`` raises :class:`TypeError` when computed. The index, partitions
    and other columns are unchanged.

    Lazy; the resolver is shipped and built as for :func:`resolve_bag`.

    Args:
        frame: a Dask dataframe.
        column: the column holding the names, titles or organisations to resolve.
        resolver: the resolver to use; :func:`canonym.default_resolver` when ``None``.
        prefix: put before each added column's name.
        kinds: only consider entities of these kinds (all kinds when ``None``).
        on: the date the texts speak of (see :meth:`canonym.Resolver.resolve`).

    Returns:
        A Dask dataframe: ``frame`` with the four columns added.

    Raises:
        ImportError: ``dask.dataframe`` (or pandas) is not installed.
        TypeError: ``frame`` is not a Dask dataframe, or ``resolver``, ``kinds`` or ``on`` of
            the wrong type.
        KeyError: ``frame`` has no column ``column``.
        ValueError: an added column's name is already in ``frame``, or ``on`` is not a date.
    """
    try:
        import dask.dataframe as dd
    except ImportError as exc:
        msg = f"resolve_frame needs dask.dataframe: pip install 'canonym[dask]' ({exc})"
        raise ImportError(msg, name=exc.name) from exc

    if not isinstance(frame, dd.DataFrame):
        msg = f"expected a dask.dataframe.DataFrame, not {type(frame).__name__}"
        raise TypeError(msg)
    if column not in frame.columns:
        msg = f"the dataframe has no column {column!r}"
        raise KeyError(msg)
    names = (prefix + COLUMNS[0], prefix + COLUMNS[1], prefix + COLUMNS[2], prefix + COLUMNS[3])
    clash = [name for name in names if name in frame.columns]
    if clash:
        msg = f"the dataframe already has column(s) {clash}: choose another prefix"
        raise ValueError(msg)
    wanted = _check_options(kinds, on)
    digest, shipped = _ship(resolver)
    meta = _frame_partition(frame._meta, names, [])
    # Bag.map_partitions and FrameBase.map_partitions are not annotated
    result: dask.dataframe.DataFrame = frame.map_partitions(  # type: ignore[no-untyped-call, unused-ignore]
        _resolve_frame_partition, column, names, digest, shipped, wanted, on, meta=meta
    )
    return result
