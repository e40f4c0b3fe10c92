"""Speed of canonym.link over ~1 MB of news text, against a plain baseline in the same run.

Usage: ``python benchmarks/bench_link.py [--mb 1.0] [--repeat 3]``

The text is the five seed articles repeated to the size asked. The baseline is what a user
without canonym would write: one compiled regular expression, an alternation of every alias of
every entity (longest first, case-insensitive), run with ``finditer`` over the same text. It
finds spellings only; canonym also resolves, reads titles, shapes names and links short forms.
Both are timed in this process, best of ``--repeat`` runs; the ratio is what counts.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import canonym

ROOT = Path(__file__).resolve().parent.parent


def corpus(megabytes: float) -> list[str]:
    """The seed articles, repeated until their total length reaches ``megabytes`` MB."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        for text in seeds:
            texts.append(text)
            size += len(text.encode("utf-8"))
    return texts


def best(seconds: list[float]) -> float:
    return min(seconds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = corpus(args.mb)
    size = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000

    resolver = canonym.default_resolver()
    aliases = sorted({a.text for e in resolver.tables for a in e.aliases}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(a) for a in aliases), re.IGNORECASE)

    baseline_times, link_times = [], []
    found = mentions = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        found = sum(1 for t in texts for _ in pattern.finditer(t))
        baseline_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        mentions = sum(len(canonym.link(t, resolver=resolver)) for t in texts)
        link_times.append(time.perf_counter() - start)
    baseline, linked = best(baseline_times), best(link_times)
    print(f"text: {size:.2f} MB ({len(texts)} articles); {len(aliases)} aliases in the baseline")
    print(f"baseline regex alternation: {size / baseline:7.2f} MB/s  ({found} spellings found)")
    print(f"canonym.link:               {size / linked:7.2f} MB/s  ({mentions} mentions linked)")
    print(f"canonym.link / baseline speed: {baseline / linked:.2f}x")
    # The repeated articles let canonym's memos answer names it has seen; distinct text (the
    # hand-annotated articles, each once, with a fresh resolver) shows the first-pass speed.
    distinct = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    distinct += [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
    ]
    fresh = canonym.Resolver()
    size = sum(len(t.encode("utf-8")) for t in distinct) / 1_000_000
    start = time.perf_counter()
    for text in distinct:
        canonym.link(text, resolver=fresh)
    first = time.perf_counter() - start
    start = time.perf_counter()
    for text in distinct:
        pattern.findall(text)
    scan = time.perf_counter() - start
    print(
        f"distinct articles, first pass: canonym {size / first:.2f} MB/s, "
        f"baseline {size / scan:.2f} MB/s ({scan / first:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
