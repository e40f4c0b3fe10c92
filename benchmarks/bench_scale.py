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

_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {here!r})
import canonym


def resident_mib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


before, peak_before = resident_mib(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
out = {{}}
if sys.argv[1] == "dict":
    from synth import iter_aliases
    entities = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if '"id"' in l]
    floor = {{canonym.name_key(a): i for a, i in iter_aliases(entities)}}
elif sys.argv[1] == "tables":  # loading and checking the tables alone, no index
    tables = canonym.load_tables(sys.argv[2], defaults=False)
else:
    resolver = canonym.Resolver(canonym.load_tables(sys.argv[2], defaults=False))
out["seconds"] = time.perf_counter() - start
out["mib"] = resident_mib() - before
out["peak_mib"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) / 1024
if sys.argv[1] == "resolver":
    start = time.perf_counter()
    resolver.save(sys.argv[3])
    out["save_s"] = time.perf_counter() - start
print(json.dumps(out))
"""


def _fresh(what: str, table: Path, saved: Path | None = None) -> dict[str, float]:
    """Build the floor (``dict``), the tables alone (``tables``) or a resolver (``resolver``)
    in a fresh process; the resolver is saved to ``saved``."""
    code = _CHILD.format(here=str(HERE))
    args = [sys.executable, "-c", code, what, str(table), str(saved or "")]
    done = subprocess.run(args, capture_output=True, text=True, check=True)
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
        index_file = Path(folder) / "resolver.canonym"
        resolver_build = _fresh("resolver", table, index_file)
        # the resolver queried below is the one built above, saved and opened here
        start = time.perf_counter()
        resolver = canonym.Resolver.open(index_file)
        opened = time.perf_counter() - start
        saved = resolver_build["save_s"]
    aliases = list(iter_aliases(entities))
    floor = {canonym.name_key(a): i for a, i in aliases}
    sample = rng.sample(aliases, min(2 * queries, len(aliases)))
    canonym.text._analyze_cached.cache_clear()
    floor_times, exact_times = [], []
    # taken in turns, so that both see the same state of the machine and the process
    for (text, _), (other, _) in zip(sample[:queries], sample[queries:], strict=False):
        start = time.perf_counter()
        floor.get(canonym.name_key(text))
        floor_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        resolver.resolve(other)
        exact_times.append(time.perf_counter() - start)
    fuzzy = rng.sample(variants, min(queries, len(variants)))
    fuzzy_times, hits = [], []
    for text, expected in fuzzy:
        start = time.perf_counter()
        r = resolver.resolve(text)
        fuzzy_times.append(time.perf_counter() - start)
        hits.append(
            r.id == expected
            or (r.status is Status.AMBIGUOUS and expected in {c.id for c in r.candidates})
        )
    found = sum(hits)
    out = {
        "aliases": len(aliases),
        "build_s": resolver_build["seconds"],
        "floor_build_s": floor_build["seconds"],
        "memory_mib": resolver_build["mib"],
        "floor_memory_mib": floor_build["mib"],
        "peak_mib": resolver_build["peak_mib"],
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
    scan_times, scan_found, scan_hits = [], 0, []
    scanned = fuzzy[: max(20, queries // 5)]
    for text, expected in scanned:
        start = time.perf_counter()
        best = process.extractOne(
            canonym.name_key(text), choices, scorer=distance.JaroWinkler.normalized_similarity
        )
        scan_times.append(time.perf_counter() - start)
        found_it = best is not None and ids[best[2]] == expected
        scan_found += found_it
        scan_hits.append(found_it)
    out["scan_p50_us"] = _percentiles(scan_times)[0] * 1e6
    out["scan_recall"] = scan_found / len(scan_times)
    out["recall_on_scanned"] = sum(hits[: len(scanned)]) / len(scanned)
    # by the script the variant is written in: the scan knows nothing of romanization
    by_script: dict[str, list[int]] = {}
    for (text, _), mine, theirs in zip(scanned, hits, scan_hits, strict=False):
        row = by_script.setdefault(canonym.detect_script(text), [0, 0, 0])
        row[0] += 1
        row[1] += mine
        row[2] += theirs
    out["by_script"] = by_script  # type: ignore[assignment]
    return out


def table(rows: list[dict[str, float]]) -> str:
    head = (
        "| aliases | build s (floor, ratio) | memory MiB (floor, ratio) | save s | "
        "open s (faster than build) | exact p50 µs (floor, ratio) | variant p50 / p95 µs "
        "(p95 ÷ p50) | variant recall (on the scanned subset) | rapidfuzz scan p50 µs, recall "
        "(canonym faster) |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
    )
    lines = []
    for r in rows:
        scan = (
            f"{r['scan_p50_us']:.0f}, {r['scan_recall']:.3f} "
            f"({r['scan_p50_us'] / r['fuzzy_p50_us']:.0f}x)"
            if "scan_p50_us" in r
            else "n/a"
        )
        floor_mem = max(r["floor_memory_mib"], 1.0)
        lines.append(
            f"| {r['aliases']:,.0f} "
            f"| {r['build_s']:.1f} ({r['floor_build_s']:.2f}, "
            f"{r['build_s'] / r['floor_build_s']:.0f}x) "
            f"| {r['memory_mib']:.0f} ({r['floor_memory_mib']:.0f}, "
            f"{r['memory_mib'] / floor_mem:.0f}x) "
            f"| {r['save_s']:.1f} "
            f"| {r['open_s']:.1f} ({r['build_s'] / r['open_s']:.1f}x) "
            f"| {r['exact_p50_us']:.0f} ({r['floor_p50_us']:.1f}, "
            f"{r['exact_p50_us'] / r['floor_p50_us']:.1f}x) "
            f"| {r['fuzzy_p50_us']:.0f} / {r['fuzzy_p95_us']:.0f} "
            f"({r['fuzzy_p95_us'] / r['fuzzy_p50_us']:.0f}x) "
            f"| {r['recall']:.3f} ({r.get('recall_on_scanned', float('nan')):.3f}) | {scan} |"
        )
    out = head + "\n".join(lines) + "\n"
    scripts = [r for r in rows if "by_script" in r]
    if scripts:
        out += (
            "\nVariant recall by the script of the query, on the scanned subset "
            "(canonym / rapidfuzz scan, queries):\n\n| aliases | "
            + " | ".join(_SCRIPT_NAMES.values())
            + " |\n|---|"
            + "---|" * len(_SCRIPT_NAMES)
            + "\n"
        )
        for r in scripts:
            cells = []
            for code in _SCRIPT_NAMES:
                n, mine, theirs = r["by_script"].get(code, (0, 0, 0))  # type: ignore[attr-defined]
                cells.append(f"{mine / n:.2f} / {theirs / n:.2f} ({n})" if n else "-")
            out += f"| {r['aliases']:,.0f} | " + " | ".join(cells) + " |\n"
    return out


_SCRIPT_NAMES = {"Latn": "Latin", "Hang": "Hangul", "Cyrl": "Cyrillic", "Hani": "Han"}


_NOTES = """
- `aliases` is what the seeded generator produced (it refuses homonyms). At 10^6 its Arabic
  pool is exhausted near 4,000 entities; the other kinds fill the table.
- Build and memory are each measured in a fresh process: the resolver from its table file, the
  floor as a dict from `name_key(alias)` to id (its process parses the same file). Memory is
  the growth of resident memory; the resolver's includes its tables.
- The resolver queried is the one built, saved (`save s`) and opened (`open s`) in this run.
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
        write_report("RESULTS.md", "Speed and scale", "bench_scale.py", args, text + _NOTES)
    return 0


def write_report(
    name: str,
    title: str,
    script: str,
    args: argparse.Namespace,
    body: str,
    *,
    command: str | None = None,
    machine: str = "the 2-core development machine",
) -> None:
    """Write ``benchmarks/<name>``: a heading, the date and command of the run, then ``body``.

    ``command`` is the command line shown (by default ``--sizes`` and ``--queries`` from
    ``args``); ``machine`` says where it ran."""
    if command is None:
        command = (
            f"python benchmarks/{script} --sizes {args.sizes} --queries {args.queries} --write"
        )
    (HERE / name).write_text(
        f"# {title} (benchmarks/{script})\n\n"
        f"Measured {time.strftime('%Y-%m-%d')} on {machine} with `{command}`.\n\n" + body,
        encoding="utf-8",
    )


if __name__ == "__main__":
    sys.exit(main())
