"""Smoke runs of the benchmark scripts on small sizes: they must keep working (the full runs
are not part of the test suite)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))

import bench_batch
import bench_floors
import bench_scale
import bench_typos
import jellyfish
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


def test_batch_benchmark_smoke_run() -> None:
    # the baselines (rapidfuzz, splink) run when the bench extra is installed, else are noted
    facts = bench_batch.measure(2000, 300, workers=2)
    rows = facts["rows"]
    assert facts["queries"] == 300
    assert facts["aliases"] >= 2000
    assert [r["workers"] for r in rows[:2]] == ["2", "1"]
    assert [r["method"] for r in rows[:2]] == ["canonym resolve_many"] * 2
    assert len(rows) + len(facts["notes"]) == 4
    for r in rows:
        assert 0.0 <= r["recall"] <= 1.0
        assert r["wall_s"] > 0
    # the same resolver answers the same, whether in worker processes or not
    assert {k: rows[0][k] for k in ("recall", "wrong")} == {
        k: rows[1][k] for k in ("recall", "wrong")
    }
    assert rows[0]["recall_exact"] == 1.0
    assert "| canonym resolve_many | 2 |" in bench_batch.table(facts)


def test_floors_benchmark_smoke_run() -> None:
    row = bench_floors.measure(300, 20)
    assert row["aliases"] >= 300
    for step in ("floor", "bare", "explained", "resolve"):
        assert row[f"{step}_us"] > 0
    for build in ("dict", "tables", "resolver"):
        assert row[f"{build}_s"] > 0
    text = bench_floors.table([row])
    assert "| aliases |" in text
    assert "+ candidate and evidence" in text


def test_the_floors_benchmarks_steps_answer_as_the_resolver_does() -> None:
    resolver = canonym.Resolver(canonym.default_tables(), index=canonym.default_resolver().index)
    steps = bench_floors._exact_steps(resolver)
    for text in ("Choe Ryong Hae", "Andrei Belousov", "Kim Jong Un"):
        answer = resolver.resolve(text)
        assert steps["explained"](text).id == answer.id == steps["bare"](text).id  # type: ignore[attr-defined]


def test_typos_benchmark_queries_make_exactly_one_change() -> None:
    rows = bench_typos.make_table(500, seed=3)
    assert rows == bench_typos.make_table(500, seed=3)
    assert len({bench_typos.fold(name) for _, name, _ in rows}) == 500
    assert len({canonym.name_key(name) for _, name, _ in rows}) == 500
    queries, _ = bench_typos.make_queries(rows, 300, seed=4)
    assert queries == bench_typos.make_queries(rows, 300, seed=4)[0]
    assert {q.kind for q in queries} == set(bench_typos.KINDS)
    for q in queries:
        if q.kind == "middle word dropped":
            words = q.source.split()
            assert len(words) >= 3
            assert q.text.split() in [words[:i] + words[i + 1 :] for i in range(1, len(words) - 1)]
        else:
            assert jellyfish.damerau_levenshtein_distance(q.text.lower(), q.source.lower()) == 1


def test_typos_benchmark_smoke_run() -> None:
    facts = bench_typos.measure(5_000, 200)
    assert facts["size"] == 5_000
    assert facts["queries"] == len(facts["outcomes"]) == 200
    for o in facts["outcomes"]:
        assert not (o["right"] and o["wrong"])
        assert o["scan_right"] != o["scan_wrong"]
    assert facts["canonym"]["p50"] > 0
    assert facts["scan"]["p50"] > 0
    text = bench_typos.table(facts)
    assert "| all | 200 |" in text
    assert "The issue's aims" in text


def test_devset_benchmark_smoke_run(tmp_path: Path) -> None:
    import json

    import bench_devset

    people = [("P1", "Choe Ryong Hae"), ("P2", "Sergey AKSYONOV"), ("P3", "Kim Yong Nam")]
    queries = [
        ("Choi Ryong-hae", "variant"),
        ("최룡해", "cross_script"),
        ("Сергей Аксёнов", "cross_script"),
        ("Kim Jong Nam", "hard_negative"),
    ]
    (tmp_path / "entities.jsonl").write_text(
        "".join(json.dumps({"id": i, "canonical": n}) + "\n" for i, n in people)
    )
    (tmp_path / "queries.jsonl").write_text(
        "".join(json.dumps({"query": q, "kind": k}) + "\n" for q, k in queries)
    )
    facts = bench_devset.measure(tmp_path, rounds=1)
    assert facts["persons"] == 3
    assert facts["queries"] == 4
    assert set(facts["canonym"]) == {"all", "cross_script", "hard_negative"}
    assert facts["canonym"]["all"]["p50"] > 0
    assert "| all |" in bench_devset.report(facts)
