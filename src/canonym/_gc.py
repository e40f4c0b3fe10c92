"""Pause the cyclic garbage collector while large, acyclic structures are built.

Building an index or reading a saved one creates millions of small objects and no reference
cycles; every so many allocations CPython's collector walks all of them anyway, which made
building take about twice as long. :func:`gc_paused` switches the collector off for the
duration of the call and back on afterwards, unless it was already off.

Nothing is frozen (:func:`gc.freeze` is process-wide: it froze the caller's objects too, and
any reference cycle alive at that moment stayed for good). The index is packed into few
tracked objects, and exact queries measured the same with and without a freeze (about 9.5 µs
at the median on 20,000 synthetic entities, 2026-12-06).
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


def built_old(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``func`` with the collector off, then collect once: what it built (millions of
    objects that live as long as the resolver) is walked once, now, and moved to the oldest
    generation, instead of in several passes at some later query (a pause of 1.5 s, once, at
    10^5 names)."""

    @functools.wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        out = gc_paused(func)(*args, **kwargs)
        if gc.isenabled():
            gc.collect()
        return out

    return wrapper


def gc_paused(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``func`` with the cyclic collector off (reference counting still frees memory)."""

    @functools.wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper
