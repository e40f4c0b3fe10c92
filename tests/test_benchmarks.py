"""Smoke runs of the benchmark scripts on small sizes: they must keep working (the full runs
are not part of the test suite)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))

import bench_scale
import synth

import canonym


def test_synthetic_tables_load_and_are_reproducible() -> None:
    entities, queries = synth.generate(300, seed=3)
    again, _ = synth.generate(300, seed=3)
    assert entities == again
    assert queries
    ids = {str(e["id"]) for e in entities}
    assert {expected for _, expected in queries} <= ids


def test_scale_benchmark_smoke_run() -> None:
    row = bench_scale.measure(300, 20)
    assert row["aliases"] >= 300
    assert 0.0 <= row["recall"] <= 1.0
    assert row["exact_p50_us"] > 0
    assert "| aliases |" in bench_scale.table([row])
    assert canonym.default_resolver() is not None
