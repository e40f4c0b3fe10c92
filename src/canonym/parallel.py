"""Resolving and linking in worker processes, and results sent back as plain tuples."""

from __future__ import annotations

import collections
import datetime as _dt
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any, Protocol

import attrs

from .errors import WorkerLostError
from .model import Alias, Candidate, Entity, Evidence, Method, Resolution, Status
from .tables import Tables

__all__ = ["Answers", "in_processes", "pack", "unpack"]


class Answers(Protocol):
    """What a worker process needs of a resolver."""

    def resolve(
        self,
        text: str,
        *,
        kinds: Collection[Any] | None = None,
        on: _dt.date | str | None = None,
    ) -> Resolution: ...

    def resolve_many(
        self,
        texts: Iterable[Any],
        *,
        kinds: Collection[Any] | None = None,
        on: _dt.date | str | None = None,
        strict: bool = False,
    ) -> Iterator[Resolution]: ...


def in_processes(
    resolver: Answers,
    to_bytes: Callable[[], bytes],
    from_bytes: Callable[[bytes], Answers],
    texts: Iterable[Any],
    workers: int,
    chunk: int,
    job: tuple[Any, ...],
) -> Iterator[list[Any]]:
    """Run ``job`` over ``texts`` in ``workers``
    processes, ``chunk`` texts at a time, yielding each chunk's results in input order with
    a bounded number in flight. ``job`` is ``("resolve", kinds, on, strict)`` (packed
    resolutions come back) or ``("each", function, on, strict)``: ``function(resolver, text,
    on=on)`` for each text, a module-level function (the linker's), so that workers started
    afresh can unpickle it. Forked workers inherit ``resolver``; others build it once from
    ``to_bytes()`` with ``from_bytes``."""
    import concurrent.futures
    import itertools
    from concurrent.futures.process import BrokenProcessPool

    context = _fork_context()
    # Forked workers inherit this resolver as it is: nothing to save, load or rebuild, and
    # the frozen index pages stay shared with this process until written to.
    source_of_resolver: Answers | bytes = resolver if context is not None else to_bytes()
    source = iter(texts)
    chunks = iter(lambda: list(itertools.islice(source, chunk)), [])

    def new_pool() -> concurrent.futures.ProcessPoolExecutor:
        return concurrent.futures.ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_worker_start,
            initargs=(source_of_resolver, from_bytes),
        )

    # each chunk in flight: its texts, its future, where it starts in the input, its tries
    pending: collections.deque[list[Any]] = collections.deque()
    pool = new_pool()

    def result_of_first() -> list[Any]:
        nonlocal pool
        while True:
            texts_of, future, start, tries = pending[0]
            try:
                out: list[Any] = future.result()
            except BrokenProcessPool:
                if tries >= 2:
                    end = start + len(texts_of)
                    msg = (
                        f"a worker process died twice on items {start} to {end - 1} of the "
                        "input; every result before them was given"
                    )
                    raise WorkerLostError(msg) from None
                # a worker died (killed, out of memory): the pool is broken, and every chunk
                # in flight with it; run them again in a new pool, the first one charged
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                for k, item in enumerate(pending):
                    item[1] = pool.submit(_worker_run, job, item[0])
                    item[3] += 1 if k == 0 else 0
                continue
            pending.popleft()
            return out

    try:
        start = 0
        for batch in chunks:
            pending.append([batch, pool.submit(_worker_run, job, batch), start, 1])
            start += len(batch)
            if len(pending) >= 4 * workers:
                yield result_of_first()
        while pending:
            yield result_of_first()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_WORKER: Answers | None = None


def _fork_context() -> Any:
    """The "fork" process context when it is available and safe (no other thread running in
    this process, since a fork copies only the calling thread); None to start workers from a
    saved resolver instead."""
    import multiprocessing
    import threading

    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return None
    return multiprocessing.get_context("fork")


def _worker_start(source: Answers | bytes, from_bytes: Callable[[bytes], Answers]) -> None:
    """In a worker process: take the parent's resolver (inherited by a fork), or build it
    once from a saved resolver's bytes."""
    global _WORKER  # one resolver per worker process, set once
    if isinstance(source, bytes):
        _WORKER = from_bytes(source)
        return
    _WORKER = source


def _worker_run(job: tuple[Any, ...], texts: list[Any]) -> list[Any]:
    """In a worker process: resolve one chunk, or run a function over it (``job``, as
    :func:`in_processes` takes it)."""
    assert _WORKER is not None
    what, arg, on, strict = job
    if what == "each":
        return [arg(_WORKER, t, on=on) for t in texts]
    return [pack(r) for r in _WORKER.resolve_many(texts, kinds=arg, on=on, strict=strict)]


# Resolutions travel back from worker processes as plain tuples that name entities by id: the
# parent holds the same tables, and sending whole entities (every spelling) cost more than
# resolving did.

_Packed = tuple[Any, ...]


def _pack_alias(alias: Alias | None, owners: tuple[Entity | None, ...]) -> Any:
    if alias is None:
        return None
    for owner in owners:
        if owner is not None:
            for i, known in enumerate(owner.aliases):
                if known is alias:
                    return (owner.id, i)
    return attrs.astuple(alias, recurse=False)


def _pack_evidence(evidence: tuple[Evidence, ...], owners: tuple[Entity | None, ...]) -> Any:
    return tuple((e.rule, e.detail, _pack_alias(e.alias, owners), e.points) for e in evidence)


def pack(r: Resolution) -> _Packed:
    """A resolution as plain tuples that name entities by id (see :func:`unpack`)."""
    owners = (r.entity, r.title)
    return (
        r.query,
        r.normalized,
        r.status.value,
        r.entity.id if r.entity is not None else None,
        r.score,
        r.method.value,
        tuple(
            (
                c.entity.id,
                c.score,
                c.method.value,
                _pack_evidence(c.evidence, (c.entity, *owners)),
            )
            for c in r.candidates
        ),
        _pack_evidence(r.evidence, (*owners, *(c.entity for c in r.candidates))),
        r.title.id if r.title is not None else None,
    )


def _unpack_alias(packed: Any, tables: Tables) -> Alias | None:
    if packed is None:
        return None
    if len(packed) == 2:
        owner: Entity = tables[packed[0]]
        position: int = packed[1]
        return owner.aliases[position]
    return Alias(**dict(zip(_ALIAS_FIELDS, packed, strict=True)))


def _unpack_evidence(packed: Any, tables: Tables) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(rule=rule, detail=detail, alias=_unpack_alias(alias, tables), points=points)
        for rule, detail, alias, points in packed
    )


def unpack(p: _Packed, tables: Tables) -> Resolution:
    """The resolution :func:`pack` made, its entities taken from ``tables``."""
    query, normalized, status, entity, score, method, candidates, evidence, title = p
    return Resolution(
        query=query,
        normalized=normalized,
        status=_STATUSES[status],
        entity=tables[entity] if entity is not None else None,
        score=score,
        method=_METHODS[method],
        candidates=tuple(
            Candidate(
                entity=tables[c_id],
                score=c_score,
                method=_METHODS[c_method],
                evidence=_unpack_evidence(c_evidence, tables),
            )
            for c_id, c_score, c_method, c_evidence in candidates
        ),
        evidence=_unpack_evidence(evidence, tables),
        title=tables[title] if title is not None else None,
    )


_ALIAS_FIELDS = tuple(f.name for f in attrs.fields(Alias))
_STATUSES = {s.value: s for s in Status}
_METHODS = {m.value: m for m in Method}
