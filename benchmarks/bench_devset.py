"""Query cost on a real users' table, beside a rapidfuzz scan of the same table, in one process.

Usage: ``python benchmarks/bench_devset.py PATH [--rounds 3] [--write]``

``PATH`` is a folder holding a name-matching set in the layout of ``../shared/eval-dev``
(``entities.jsonl``: ``id``, ``canonical``; ``queries.jsonl``: ``query``, ``kind``). Nothing of
it is copied into the repository: the set is read from where it lies.

Every person is written to a CSV ``id,name`` table and loaded with
``canonym.Resolver.load(path, defaults=False)``, as a user's table would be. Each query is
answered by ``resolve`` and by the baseline, ``rapidfuzz.process.extractOne`` with
``token_sort_ratio`` (cut-off 90) over the folded table (the query folded inside the timing),
in turns, query by query, so that both see the same machine state. Every round starts from a
fresh ``Resolver`` (its memo of answers empty) with ``parse_name``'s memo cleared. The first
query of a round, which builds the name engine's index, is left out of canonym's figures and
reported apart.

``--write`` writes ``benchmarks/RESULTS_DEVSET.md``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from unidecode import unidecode

import canonym
from canonym.names import parse_name

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_scale import write_report  # noqa: E402
from bench_typos import _source_state  # noqa: E402


def fold(text: str) -> str:
    """Lower-case ASCII, apostrophes and hyphens dropped, other punctuation a space."""
    text = unidecode(unicodedata.normalize("NFKC", text)).casefold()
    text = re.sub(r"[^a-z0-9 ]+", " ", text.replace("'", "").replace("-", ""))
    return " ".join(text.split())


def load_set(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The persons and the queries of a set in the eval-dev layout."""
    with (path / "entities.jsonl").open(encoding="utf-8") as f:
        persons = [json.loads(line) for line in f if line.strip()]
    with (path / "queries.jsonl").open(encoding="utf-8") as f:
        queries = [json.loads(line) for line in f if line.strip()]
    return persons, queries


def _resolver(persons: Sequence[dict[str, Any]], folder: Path) -> canonym.Resolver:
    path = folder / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "name"])
        writer.writerows((p["id"], p["canonical"]) for p in persons)
    return canonym.Resolver.load(path, defaults=False)


def _stats(samples: Sequence[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50": statistics.median(ordered),
        "p95": ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)],
        "mean": statistics.fmean(ordered),
    }


def measure(path: Path, rounds: int = 3) -> dict[str, Any]:
    """Per-query times (µs) of canonym and the scan, overall and by kind of query; the scan
    is left out (and said to be) when rapidfuzz is not installed (``pip install
    '.[bench]'``)."""
    persons, queries = load_set(path)
    names = [fold(p["canonical"]) for p in persons]
    try:
        from rapidfuzz import fuzz, process
    except ImportError:
        scan: Callable[[str], object] | None = None
    else:

        def scan(text: str) -> object:
            return process.extractOne(
                fold(text), names, scorer=fuzz.token_sort_ratio, score_cutoff=90
            )

    ours: dict[str, list[float]] = defaultdict(list)
    theirs: dict[str, list[float]] = defaultdict(list)
    first: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(rounds):
            parse_name.cache_clear()
            resolver = _resolver(persons, Path(tmp))
            resolve: Callable[[str], object] = resolver.resolve
            for k, q in enumerate(queries):
                text = q["query"]
                t = time.perf_counter()
                resolve(text)
                spent = (time.perf_counter() - t) * 1e6
                if k == 0:
                    first.append(spent)
                else:
                    ours[q["kind"]].append(spent)
                    ours["all"].append(spent)
                if scan is None:
                    continue
                t = time.perf_counter()
                scan(text)
                spent = (time.perf_counter() - t) * 1e6
                theirs[q["kind"]].append(spent)
                theirs["all"].append(spent)
    return {
        "persons": len(persons),
        "queries": len(queries),
        "rounds": rounds,
        "first_ms": statistics.median(first) / 1000,
        "canonym": {k: _stats(v) for k, v in ours.items()},
        "scan": {k: _stats(v) for k, v in theirs.items()},
    }


def report(facts: dict[str, Any]) -> str:
    """The figures as a Markdown table."""
    intro = (
        f"{facts['persons']:,} persons, one spelling each, as a users' CSV table; "
        f"{facts['queries']:,} queries, {facts['rounds']} rounds, taken in turns with the scan. "
        f"canonym's first query of a round (it builds the name index): "
        f"{facts['first_ms']:.1f} ms, left out below."
    )
    head = "| queries | canonym p50 | scan p50 | p50 ratio | canonym p95 | scan p95 |"
    lines = [intro, "", head + " canonym mean | scan mean |", "|---" * 8 + "|"]
    kinds = ["all", *sorted(k for k in facts["canonym"] if k != "all")]
    none = {"p50": float("nan"), "p95": float("nan"), "mean": float("nan")}
    for kind in kinds:
        c, s = facts["canonym"][kind], facts["scan"].get(kind, none)
        lines.append(
            f"| {kind} | {c['p50']:.0f} | {s['p50']:.0f} | {c['p50'] / s['p50']:.2f} "
            f"| {c['p95']:.0f} | {s['p95']:.0f} | {c['mean']:.0f} | {s['mean']:.0f} |"
        )
    lines += ["", "Times in µs per query; the ratio is canonym's median over the scan's."]
    if not facts["scan"]:
        lines += ["", "rapidfuzz is not installed: no scan (`pip install '.[bench]'`)."]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a folder with entities.jsonl and queries.jsonl")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="write RESULTS_DEVSET.md")
    args = parser.parse_args(argv)
    facts = measure(args.path, args.rounds)
    body = report(facts)
    print(body)
    if args.write:
        write_report(
            "RESULTS_DEVSET.md",
            "Query cost on a real users' table",
            "bench_devset.py",
            args,
            f"From {_source_state()}.\n\n" + body,
            command=f"python benchmarks/bench_devset.py PATH --rounds {args.rounds} --write",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
