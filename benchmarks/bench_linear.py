"""Is `link` linear in its input? Time adversarial texts of growing size, print the cost per KB.

Usage: ``python benchmarks/bench_linear.py [--max-mb 10]``

Texts: a million repeated family names (``Kim Kim Kim ...``), endless hyphen chains, one huge
token, every alias of the tables concatenated, and an endless title phrase. For each, the cost
per KB should stay flat as the size grows tenfold; the last column is the ratio of the largest
size's cost per KB to the smallest's (about 1 means linear; 10 would mean quadratic).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

import canonym


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def generators(resolver: canonym.Resolver) -> dict[str, Callable[[int], str]]:
    aliases = " ".join(a.text for e in resolver.tables for a in e.aliases) + " "
    return {
        "family names": _repeat("Kim "),
        "hyphen chain": _repeat("Kim-Jong-"),
        "bare hyphens": _repeat("-"),
        "one token": _repeat("a"),
        "all aliases": _repeat(aliases),
        "title phrase": _repeat("Deputy Director of the General Political Bureau of the "),
        "mixed scripts": _repeat("최룡해Чхве習近平\u200d\u202e Choe\u0301\u0301\u0301 "),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-mb", type=float, default=1.0, help="largest size (default 1 MB)")
    args = parser.parse_args()
    sizes = [10_000, 100_000, 1_000_000]
    if args.max_mb >= 10:
        sizes.append(10_000_000)
    resolver = canonym.default_resolver()
    canonym.link("warm up Kim Jong Un", resolver=resolver)
    header = "".join(f"{s // 1000:>10} KB" for s in sizes)
    print(f"{'text':16}{header}   (microseconds per KB)   largest/smallest")
    for name, make in generators(resolver).items():
        costs = []
        for size in sizes:
            text = make(size)
            start = time.perf_counter()
            canonym.link(text, resolver=resolver)
            costs.append((time.perf_counter() - start) * 1e6 / (size / 1000))
        cells = "".join(f"{c:13.0f}" for c in costs)
        print(f"{name:16}{cells}   {costs[-1] / costs[0]:>24.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
