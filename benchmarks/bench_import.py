"""Time `import canonym` against importing its three dependencies, in fresh processes.

Usage: ``python benchmarks/bench_import.py [--runs 15]``; prints the medians and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def timed(code: str, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    bare = timed("pass", args.runs)
    deps = timed("import jellyfish, unidecode, attrs", args.runs)
    light = timed("import canonym", args.runs)
    first = timed("import canonym; canonym.resolve('Kim Jong Un')", args.runs)
    print(f"python -c pass:                       {bare * 1000:7.1f} ms")
    print(f"import jellyfish, unidecode, attrs:   {deps * 1000:7.1f} ms")
    print(f"import canonym:                       {light * 1000:7.1f} ms  ({light / deps:.2f}x)")
    print(f"import canonym + first resolve:       {first * 1000:7.1f} ms  (tables built lazily)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
