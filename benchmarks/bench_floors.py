"""How much of canonym's cost beside issue 7's floors its own design fixes, measured.

Aims 1 and 3 of issue 7 compare canonym with a one-line floor: a dict from ``name_key(alias)``
to id (build time and memory), and ``dict.get(name_key(q))`` (an exact query). This script
puts between the floor and canonym the parts every design with canonym's data model must pay,
so that the distance left to the aims can be read off:

- build and memory: the floor; loading and checking the tables alone (``load_tables``: the
  ``Entity`` and ``Alias`` objects, no index); the resolver (tables and index). Each in a fresh
  process, as ``bench_scale.py`` measures them.
- an exact query: the floor; the floor plus a bare ``Resolution`` (status and entity only, no
  candidates or evidence); the floor plus the result every resolver of this model returns (its
  candidate and its evidence: which spelling matched, how the query was normalised); and
  ``Resolver.resolve``. Taken in turns on distinct tabled spellings, so that every query is new.

``python benchmarks/bench_floors.py --sizes 100000,1000000 --write`` writes
``benchmarks/RESULTS_FLOORS.md``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from bench_scale import _fresh, write_report  # noqa: E402
from synth import generate, iter_aliases, write_jsonl  # noqa: E402

import canonym  # noqa: E402
from canonym import Candidate, Evidence, Method, Resolution, Status  # noqa: E402


def _exact_steps(resolver: canonym.Resolver) -> dict[str, Callable[[str], object]]:
    """The exact-query steps, each a function of the query, cheapest first."""
    index = resolver.index
    rows, pool = index.exact_rows, index.spellings
    assert pool is not None
    floor = {canonym.name_key(a.text): e.id for e in resolver.tables for a in e.aliases}

    def found(key: str) -> tuple[canonym.Entity, canonym.Alias]:
        row = rows[key]
        ref = row if isinstance(row, int) else row[0]
        return pool.entities[pool.entity_of(ref)], pool.alias(ref)

    def bare(text: str) -> Resolution:
        a = canonym.analyze(text)
        entity, _ = found(a.key)
        return Resolution(
            query=text,
            normalized=a.normalized,
            status=Status.MATCHED,
            entity=entity,
            score=1.0,
            method=Method.EXACT,
        )

    def explained(text: str) -> Resolution:
        a = canonym.analyze(text)
        entity, alias = found(a.key)
        step = Evidence(rule="normalization", detail=f"normalised to {a.normalized!r}")
        detail = f"matches {entity.id}'s spelling {alias.text!r}"
        hit = Evidence(rule="exact", detail=detail, alias=alias)
        best = Candidate(entity=entity, score=1.0, method=Method.EXACT, evidence=(hit,))
        return Resolution(
            query=text,
            normalized=a.normalized,
            status=Status.MATCHED,
            entity=entity,
            score=1.0,
            method=Method.EXACT,
            candidates=(best,),
            evidence=(step, hit),
        )

    return {
        "floor": lambda text: floor.get(canonym.name_key(text)),
        "bare": bare,
        "explained": explained,
        "resolve": resolver.resolve,
    }


def measure(size: int, queries: int) -> dict[str, float]:
    entities, _ = generate(size)
    with tempfile.TemporaryDirectory() as folder:
        table = Path(folder) / "synthetic.jsonl"
        write_jsonl(entities, table)
        built = {what: _fresh(what, table, Path(folder) / "saved") for what in _BUILDS}
        resolver = canonym.Resolver(canonym.load_tables(table, defaults=False))
    steps = _exact_steps(resolver)
    aliases = [text for text, _ in iter_aliases(entities)]
    sample = random.Random(9).sample(aliases, min(queries * len(steps), len(aliases)))
    canonym.text._analyze_cached.cache_clear()
    times: dict[str, list[float]] = {name: [] for name in steps}
    for i in range(len(sample) // len(steps)):  # in turns, each on its own new query
        for j, (name, step) in enumerate(steps.items()):
            text = sample[i * len(steps) + j]
            start = time.perf_counter()
            step(text)
            times[name].append(time.perf_counter() - start)
    out: dict[str, float] = {"aliases": float(len(aliases))}
    for what, facts in built.items():
        out[f"{what}_s"], out[f"{what}_mib"] = facts["seconds"], facts["mib"]
    for name, samples in times.items():
        out[f"{name}_us"] = statistics.median(samples) * 1e6
    return out


_BUILDS = ("dict", "tables", "resolver")


def table(rows: list[dict[str, float]]) -> str:
    def ratio(r: dict[str, float], key: str, floor: str) -> str:
        return f"{r[key]:.2f} ({r[key] / max(r[floor], 1e-9):.1f}x)"

    out = (
        "| aliases | floor dict: s, MiB | tables alone: s (x floor), MiB (x floor) "
        "| resolver: s (x floor), MiB (x floor) |\n|---|---|---|---|\n"
    )
    for r in rows:
        out += (
            f"| {r['aliases']:,.0f} | {r['dict_s']:.2f}, {r['dict_mib']:.0f} "
            f"| {ratio(r, 'tables_s', 'dict_s')}, {ratio(r, 'tables_mib', 'dict_mib')} "
            f"| {ratio(r, 'resolver_s', 'dict_s')}, {ratio(r, 'resolver_mib', 'dict_mib')} |\n"
        )
    out += (
        "\nExact query p50, µs (x the floor):\n\n"
        "| aliases | floor `dict.get(name_key(q))` | + bare Resolution "
        "| + candidate and evidence | `Resolver.resolve` |\n|---|---|---|---|---|\n"
    )
    for r in rows:
        cells = [ratio(r, f"{name}_us", "floor_us") for name in ("bare", "explained", "resolve")]
        out += f"| {r['aliases']:,.0f} | {r['floor_us']:.2f} | " + " | ".join(cells) + " |\n"
    return out


_NOTES = """
- Build and memory: each in a fresh process from the same table file, as in RESULTS.md (memory
  is the growth of resident memory; the floor's process parses the file into dicts too).
- The exact steps are taken in turns on distinct tabled spellings; every step normalises its
  query as the floor does. "+ candidate and evidence" builds the objects of the answer
  canonym gives (with a shorter evidence sentence than canonym's), and nothing else.
- What this means for issue 7's aims: [docs/scale.md](../docs/scale.md).
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--write", action="store_true", help="write benchmarks/RESULTS_FLOORS.md")
    args = parser.parse_args()
    rows = [measure(int(s), args.queries) for s in args.sizes.split(",")]
    text = table(rows)
    print(text)
    if args.write:
        title = "What the design costs beside the floors"
        write_report("RESULTS_FLOORS.md", title, "bench_floors.py", args, text + _NOTES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
