"""Pause the cyclic garbage collector while large, acyclic structures are built.

Building an index or reading a saved one creates millions of small objects and no reference
cycles; every so many allocations CPython's collector walks all of them anyway, which made
building take about twice as long. :func:`gc_paused` switches the collector off for the
duration of the call and back on afterwards, unless it was already off.
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
