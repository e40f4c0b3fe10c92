"""Speed and scale on synthetic tables, against baselines run in the same process.

Usage: ``python benchmarks/bench_scale.py [--sizes 10000,100000] [--queries 500] [--write]``

For each size: a seeded synthetic table (benchmarks/synth.py) is built into a resolver and,
side by side, into the floor a user could write in a line (a dict from ``name_key(alias)`` to
id). Reported: build time, peak memory (each in a fresh process), exact-query latency against
``dict.get(name_key(q))``, and for variant queries the tables do not list, latency and recall
of the right entity against rapidfuzz ``process.extractOne`` (Jaro-Winkler) over every alias,
when rapidfuzz is installed. ``--write`` writes the table to ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import canonym
from canonym import Status

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synth import generate, iter_aliases, write_jsonl  # noqa: E402

_MEMORY = """
import json, resource, sys, time
sys.path.insert(0, {here!r})
import canonym
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
if sys.argv[1] == "dict":
    from synth import iter_aliases
    entities = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if '"id"' in l]
    floor = {{canonym.name_key(a): i for a, i in iter_aliases(entities)}}
else:
    resolver = canonym.Resolver(canonym.load_tables(sys.argv[2], defaults=False))
elapsed = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": elapsed, "kib": after - before}}))
"""


def _fresh(what: str, table: Path) -> dict[str, float]:
    code = _MEMORY.format(here=str(HERE))
    done = subprocess.run(
        [sys.executable, "-c", code, what, str(table)], capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout))


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def measure(size: int, queries: int) -> dict[str, float]:
    entities, variants = generate(size)
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as folder:
        table = Path(folder) / "synthetic.jsonl"
        write_jsonl(entities, table)
        floor_build = _fresh("dict", table)
        resolver_build = _fresh("resolver", table)
        resolver = canonym.Resolver(canonym.load_tables(table, defaults=False))
        index_file = Path(folder) / "resolver.canonym"
        start = time.perf_counter()
        resolver.save(index_file)
        saved = time.perf_counter() - start
        start = time.perf_counter()
        canonym.Resolver.open(index_file)
        opened = time.perf_counter() - start
    aliases = list(iter_aliases(entities))
    floor = {canonym.name_key(a): i for a, i in aliases}
    sample = rng.sample(aliases, min(2 * queries, len(aliases)))
    canonym.text._analyze_cached.cache_clear()
    floor_times, exact_times = [], []
    for text, _ in sample[:queries]:
        start = time.perf_counter()
        floor.get(canonym.name_key(text))
        floor_times.append(time.perf_counter() - start)
    for text, _ in sample[queries:]:
        start = time.perf_counter()
        resolver.resolve(text)
        exact_times.append(time.perf_counter() - start)
    fuzzy = rng.sample(variants, min(queries, len(variants)))
    fuzzy_times, found = [], 0
    for text, expected in fuzzy:
        start = time.perf_counter()
        r = resolver.resolve(text)
        fuzzy_times.append(time.perf_counter() - start)
        found += r.id == expected or (
            r.status is Status.AMBIGUOUS and expected in {c.id for c in r.candidates}
        )
    out = {
        "aliases": len(aliases),
        "build_s": resolver_build["seconds"],
        "floor_build_s": floor_build["seconds"],
        "memory_mib": resolver_build["kib"] / 1024,
        "floor_memory_mib": floor_build["kib"] / 1024,
        "save_s": saved,
        "open_s": opened,
        "exact_p50_us": _percentiles(exact_times)[0] * 1e6,
        "floor_p50_us": _percentiles(floor_times)[0] * 1e6,
        "fuzzy_p50_us": _percentiles(fuzzy_times)[0] * 1e6,
        "fuzzy_p95_us": _percentiles(fuzzy_times)[1] * 1e6,
        "recall": found / len(fuzzy),
    }
    try:
        from rapidfuzz import distance, process
    except ImportError:
        return out
    choices = [canonym.name_key(a) for a, _ in aliases]
    ids = [i for _, i in aliases]
    scan_times, scan_found = [], 0
    for text, expected in fuzzy[: max(20, queries // 5)]:
        start = time.perf_counter()
        best = process.extractOne(
            canonym.name_key(text), choices, scorer=distance.JaroWinkler.normalized_similarity
        )
        scan_times.append(time.perf_counter() - start)
        scan_found += best is not None and ids[best[2]] == expected
    out["scan_p50_us"] = _percentiles(scan_times)[0] * 1e6
    out["scan_recall"] = scan_found / len(scan_times)
    return out


def table(rows: list[dict[str, float]]) -> str:
    head = (
        "| aliases | build s (floor) | memory MiB (floor) | save s | open s | exact p50 µs "
        "(floor) | variant p50 / p95 µs | variant recall | rapidfuzz scan p50 µs, recall |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
    )
    lines = []
    for r in rows:
        scan = f"{r['scan_p50_us']:.0f}, {r['scan_recall']:.3f}" if "scan_p50_us" in r else "n/a"
        lines.append(
            f"| {r['aliases']:,.0f} | {r['build_s']:.1f} ({r['floor_build_s']:.2f}) | "
            f"{r['memory_mib']:.0f} ({r['floor_memory_mib']:.0f}) | {r['save_s']:.2f} | "
            f"{r['open_s']:.1f} | {r['exact_p50_us']:.0f} ({r['floor_p50_us']:.1f}) | "
            f"{r['fuzzy_p50_us']:.0f} / {r['fuzzy_p95_us']:.0f} | {r['recall']:.3f} | {scan} |"
        )
    return head + "\n".join(lines) + "\n"


_NOTES = """
- `aliases` is what the seeded generator produced: it refuses homonyms, and its name pools run
  out near 50,000 unique names, so a request for 100,000 gives about 49,000.
- The floor's memory growth is often below the resolution of `ru_maxrss` (shown as 0).
- What these figures mean against the project's aims: [docs/scale.md](../docs/scale.md).
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--write", action="store_true", help="write benchmarks/RESULTS.md")
    args = parser.parse_args()
    rows = [measure(int(s), args.queries) for s in args.sizes.split(",")]
    text = table(rows)
    print(text)
    if args.write:
        (HERE / "RESULTS.md").write_text(
            "# Speed and scale (benchmarks/bench_scale.py)\n\n"
            f"Measured {time.strftime('%Y-%m-%d')} on the 2-core development machine with "
            f"`python benchmarks/bench_scale.py --sizes {args.sizes} --queries {args.queries} "
            "--write`.\n\n" + text + _NOTES,
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
