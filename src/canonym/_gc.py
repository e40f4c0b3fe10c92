"""Pause the cyclic garbage collector while large, acyclic structures are built.

Building an index or reading a saved one creates millions of small objects and no reference
cycles; every so many allocations CPython's collector walks all of them anyway, which made
building take about twice as long. :func:`gc_paused` switches the collector off for the
duration of the call and back on afterwards, unless it was already off.

:func:`gc_frozen` does the same and then moves everything built so far into the collector's
permanent generation (:func:`gc.freeze`): an index lives as long as its resolver and never
changes, so walking it again on every full collection only added pauses to queries (they showed
as most of an exact query's time at 10k aliases). Frozen objects are still freed by reference
counting when the resolver is dropped; only cycle detection skips them.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


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


def gc_frozen(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Like :func:`gc_paused`, then :func:`gc.freeze` what exists once ``func`` returns."""

    @functools.wraps(func)
    def then_freeze(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        result = func(*args, **kwargs)
        gc.freeze()  # still inside the pause: nothing is collected in between
        return result

    return gc_paused(then_freeze)
