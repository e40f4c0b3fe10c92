"""Batch resolution against a rapidfuzz ``cdist`` scan and splink on DuckDB, in one run.

Usage: ``python benchmarks/bench_batch.py [--aliases 100000] [--queries 10000] [--workers 2]
[--write]``

A seeded synthetic table (benchmarks/synth.py) and a seeded batch of queries: half aliases as
tabled, half variants the table does not list, each with the entity it should resolve to. Timed:

- canonym: ``list(resolver.resolve_many(names, workers=N))`` and with ``workers=1``, each in a
  fresh process that first opens a resolver saved from the table (not timed, reported), so no
  memo or cache is warm. The build is timed separately, also in a fresh process.
- rapidfuzz: ``process.cdist`` of the queries' ``name_key`` against every alias's, Jaro-Winkler,
  ``workers=N``, in chunks of queries, the best alias per query (at or above a cut-off).
- splink (``link_only``, DuckDB with N threads): from tables in memory to the best link per
  query: registering, estimating the model, blocking, scoring, choosing.

Recall counts a query whose answer is its entity (for canonym also an ambiguous answer listing
it among the candidates); "wrong" counts answers naming another entity. A baseline whose package
is not installed is skipped with a note. ``--write`` writes ``benchmarks/RESULTS_BATCH.md``.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import canonym

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synth import generate, iter_aliases, write_jsonl  # noqa: E402

#: rapidfuzz: queries per ``cdist`` call (a 1,000 x 100,000 float32 block is 400 MB)
CHUNK = 500
#: rapidfuzz: the Jaro-Winkler similarity below which a query's best alias is no answer
CUTOFF = 0.8
#: splink: NameComparison's Jaro-Winkler levels, the lowest at the same floor as ``CUTOFF``
JW_LEVELS = [0.92, 0.88, CUTOFF]
#: splink: m probabilities of those levels (exact, each JW level, else)
M_PROBABILITIES = [0.75, 0.12, 0.06, 0.05, 0.02]
#: splink: the blocking rules, on the first and on the last three letters of the name key
BLOCKING = ("substr(name, 1, 3)", "right(name, 3)")

# One answer per query: the entity named (or None) and, when ambiguous, the candidates' ids.
Answer = tuple[str | None, list[str]]

_CANONYM = """
import json, sys, time
import canonym
from canonym import Status
mode, table, index = sys.argv[1], sys.argv[2], sys.argv[3]
if mode == "build":
    start = time.perf_counter()
    resolver = canonym.Resolver(canonym.load_tables(table, defaults=False))
    built = time.perf_counter() - start
    start = time.perf_counter()
    resolver.save(index)
    print(json.dumps({"build_s": built, "save_s": time.perf_counter() - start}))
    sys.exit(0)
names = json.loads(open(sys.argv[4], encoding="utf-8").read())
workers = int(sys.argv[5])
start = time.perf_counter()
resolver = canonym.Resolver.open(index)
opened = time.perf_counter() - start
start = time.perf_counter()
results = list(resolver.resolve_many(names, workers=workers))
wall = time.perf_counter() - start
start = time.perf_counter()
list(resolver.resolve_many(["Pak Pong Ju"], workers=workers))
probe = time.perf_counter() - start
answers = [
    [r.id, [c.id for c in r.candidates] if r.status is Status.AMBIGUOUS else []]
    for r in results
]
print(json.dumps({"open_s": opened, "wall_s": wall, "probe_s": probe, "answers": answers}))
"""


def _child(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", _CANONYM, *args], capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout.splitlines()[-1]))


def workload(
    n_aliases: int, n_queries: int, seed: int = 13
) -> tuple[list[dict[str, object]], list[tuple[str, str, bool]]]:
    """The table's entities, and (query, expected id, is it a tabled alias) for the batch."""
    entities, variants = generate(n_aliases)
    aliases = list(iter_aliases(entities))
    rng = random.Random(seed)
    exact = rng.sample(aliases, min(n_queries // 2, len(aliases)))
    fuzzy = rng.sample(variants, min(n_queries - len(exact), len(variants)))
    batch = [(t, i, True) for t, i in exact] + [(t, i, False) for t, i in fuzzy]
    rng.shuffle(batch)
    return entities, batch


def score(answers: Sequence[Answer], batch: Sequence[tuple[str, str, bool]]) -> dict[str, float]:
    found = {True: 0, False: 0}
    wrong = unanswered = 0
    for (got, candidates), (_, expected, tabled) in zip(answers, batch, strict=True):
        found[tabled] += got == expected or (got is None and expected in candidates)
        wrong += got is not None and got != expected
        unanswered += got is None
    exact = sum(1 for *_, tabled in batch if tabled)
    return {
        "recall": (found[True] + found[False]) / len(batch),
        "recall_exact": found[True] / max(exact, 1),
        "recall_variant": found[False] / max(len(batch) - exact, 1),
        "wrong": wrong,
        "unanswered": unanswered,
    }


def run_canonym(
    table: Path, folder: Path, names: list[str], workers_list: Sequence[int]
) -> tuple[dict[str, float], list[tuple[int, dict[str, Any]]]]:
    """Build and save a resolver in a fresh process, then time each ``workers`` in another."""
    index = folder / "resolver.canonym"
    built = _child("build", str(table), str(index))
    names_file = folder / "names.json"
    names_file.write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")
    runs = [
        (w, _child("run", str(table), str(index), str(names_file), str(w))) for w in workers_list
    ]
    return built, runs


def run_rapidfuzz(
    names: list[str], alias_keys: list[str], alias_ids: list[str], workers: int
) -> tuple[float, list[Answer]]:
    """The best alias per query by Jaro-Winkler over every alias, in chunks of queries."""
    import numpy as np
    from rapidfuzz import distance, process

    start = time.perf_counter()
    keys = [canonym.name_key(n) for n in names]
    answers: list[Answer] = []
    for lo in range(0, len(keys), CHUNK):
        scores = process.cdist(
            keys[lo : lo + CHUNK],
            alias_keys,
            scorer=distance.JaroWinkler.normalized_similarity,
            score_cutoff=CUTOFF,
            dtype=np.float32,
            workers=workers,
        )
        best = scores.argmax(axis=1)
        top = scores[np.arange(len(best)), best]
        answers.extend(
            (alias_ids[b] if s > 0 else None, [])
            for b, s in zip(best.tolist(), top.tolist(), strict=True)
        )
    return time.perf_counter() - start, answers


def _floor(linker: Any) -> float:
    """A match weight halfway between the "else" level's and the lowest JW level's, so that
    splink predicts only pairs at or above the same Jaro-Winkler floor as rapidfuzz's cut-off."""
    model = linker.misc.save_model_to_json()
    prior = model["probability_two_random_records_match"]
    levels = [
        lv for lv in model["comparisons"][0]["comparison_levels"] if not lv.get("is_null_level")
    ]
    weights = [
        math.log2(prior / (1 - prior)) + math.log2(lv["m_probability"] / lv["u_probability"])
        for lv in levels[-2:]
    ]
    return sum(weights) / 2


def run_splink(
    names: list[str], alias_keys: list[str], alias_ids: list[str], workers: int
) -> tuple[float, list[Answer], dict[str, float]]:
    """From tables in memory to the best link per query, with a typical one-column model."""
    import logging

    import duckdb
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    start = time.perf_counter()
    con = duckdb.connect()
    con.execute(f"SET threads TO {workers}")
    db_api = DuckDBAPI(connection=con)
    queries = db_api.register(
        {"unique_id": list(range(len(names))), "name": [canonym.name_key(n) for n in names]},
        dataset_display_name="a_queries",
    )
    aliases = db_api.register(
        {"unique_id": list(range(len(alias_keys))), "name": alias_keys},
        dataset_display_name="b_aliases",
    )
    settings = SettingsCreator(
        link_type="link_only",
        comparisons=[
            cl.NameComparison("name", jaro_winkler_thresholds=JW_LEVELS).configure(
                m_probabilities=M_PROBABILITIES
            )
        ],
        blocking_rules_to_generate_predictions=[block_on(rule) for rule in BLOCKING],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker([queries, aliases], settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match([block_on("name")], recall=0.6)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    trained = time.perf_counter() - start
    predictions = linker.inference.predict(threshold_match_weight=_floor(linker))
    scored = time.perf_counter() - start
    # The best alias per query: the highest match weight; ties (one comparison, so many) are
    # broken by the Jaro-Winkler similarity itself, which only helps splink's recall.
    rows = con.sql(
        f"""
        select
            case when source_dataset_l = 'a_queries' then unique_id_l else unique_id_r end as q,
            case when source_dataset_l = 'a_queries' then unique_id_r else unique_id_l end as a
        from {predictions.physical_name}
        qualify row_number() over (
            partition by q order by match_weight desc, jaro_winkler_similarity(name_l, name_r) desc
        ) = 1
        """
    ).fetchall()
    answers: list[Answer] = [(None, [])] * len(names)
    for q, a in rows:
        answers[int(q)] = (alias_ids[int(a)], [])
    elapsed = time.perf_counter() - start
    stages = {"train_s": trained, "predict_s": scored - trained, "best_s": elapsed - scored}
    return elapsed, answers, stages


def measure(n_aliases: int, n_queries: int, workers: int = 2) -> dict[str, Any]:
    """Every method over one workload: a dict of facts and a list of rows, one per timing."""
    entities, batch = workload(n_aliases, n_queries)
    aliases = list(iter_aliases(entities))
    names = [t for t, _, _ in batch]
    rows: list[dict[str, Any]] = []
    notes: list[str] = []
    facts: dict[str, Any] = {
        "aliases": len(aliases),
        "entities": len(entities),
        "queries": len(batch),
        "exact_queries": sum(1 for *_, tabled in batch if tabled),
        "notes": notes,
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        table = folder / "synthetic.jsonl"
        write_jsonl(entities, table)
        built, runs = run_canonym(table, folder, names, sorted({workers, 1}, reverse=True))
    facts.update(built)
    for w, run in runs:
        answers = [(got, list(candidates)) for got, candidates in run["answers"]]
        rows.append(
            {
                "method": "canonym resolve_many",
                "workers": str(w),
                "wall_s": run["wall_s"],
                "setup": f"open {run['open_s']:.1f} s; 1-name call {run['probe_s']:.1f} s",
                **score(answers, batch),
            }
        )
    alias_keys = [canonym.name_key(a) for a, _ in aliases]
    alias_ids = [i for _, i in aliases]
    try:
        import numpy  # noqa: F401
        import rapidfuzz
    except ImportError:
        notes.append("rapidfuzz (or numpy) is not installed: its baseline was skipped.")
    else:
        wall, answers = run_rapidfuzz(names, alias_keys, alias_ids, workers)
        rows.append(
            {
                "method": f"rapidfuzz {rapidfuzz.__version__} cdist JW",
                "workers": str(workers),
                "wall_s": wall,
                "setup": f"cut-off {CUTOFF}, chunks of {CHUNK}",
                **score(answers, batch),
            }
        )
    try:
        import duckdb
        import splink
    except ImportError:
        notes.append("splink (or duckdb) is not installed: its baseline was skipped.")
    else:
        wall, answers, stages = run_splink(names, alias_keys, alias_ids, workers)
        rows.append(
            {
                "method": f"splink {splink.__version__} + DuckDB {duckdb.__version__}",
                "workers": f"{workers} threads",
                "wall_s": wall,
                "setup": (
                    f"train {stages['train_s']:.1f} s, predict {stages['predict_s']:.1f} s, "
                    f"best link {stages['best_s']:.1f} s"
                ),
                **score(answers, batch),
            }
        )
    facts["rows"] = rows
    return facts


def _secs(seconds: float) -> str:
    """Three significant figures or so: 12.3, 1.23, 0.123, 0.012."""
    digits = 1 if seconds >= 10 else 2 if seconds >= 0.1 else 3
    return f"{seconds:.{digits}f}"


def table(facts: dict[str, Any]) -> str:
    rows = facts["rows"]
    base = rows[0]["wall_s"]
    head = (
        "| method | workers | wall s | queries/s | recall (tabled / variant) | wrong | "
        f"no answer | wall ÷ canonym w={rows[0]['workers']} | set-up, not in wall |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
    )
    lines = [
        f"| {r['method']} | {r['workers']} | {_secs(r['wall_s'])} | "
        f"{facts['queries'] / r['wall_s']:,.0f} | {r['recall']:.3f} ({r['recall_exact']:.3f} / "
        f"{r['recall_variant']:.3f}) | {r['wrong']} | {r['unanswered']} | "
        f"{r['wall_s'] / base:.2f} | {r['setup']} |"
        for r in rows
    ]
    return (
        f"{facts['queries']:,} queries ({facts['exact_queries']:,} tabled aliases, the rest "
        f"variants) against {facts['aliases']:,} aliases of {facts['entities']:,} entities; "
        f"canonym build {facts['build_s']:.1f} s, save {facts['save_s']:.1f} s (not in wall).\n\n"
        + head
        + "\n".join(lines)
        + "\n"
        + "".join(f"\n- {n}" for n in facts["notes"])
    )


_NOTES = """
- canonym's wall time is ``list(resolver.resolve_many(names, workers=N))`` in a fresh process
  that had opened a saved resolver (its open time is shown, not counted); "1-name call" is a
  second ``resolve_many`` of one name right after, i.e. the fixed cost of a call (starting the
  worker processes; where they cannot be forked, also saving the index and reading it back in
  each of them).
- rapidfuzz and splink are timed from the alias keys (``name_key``, computed once, not timed)
  and the raw queries, whose keys are computed inside the timing.
- splink: one comparison, ``NameComparison`` on the name key with Jaro-Winkler levels 0.92,
  0.88 and 0.8, fixed m probabilities (EM cannot train the only column, which it would have to
  block on), u by random sampling of 10^6 pairs, the prior from exact key matches at an assumed
  recall of 0.6; blocking on the first or the last three letters of the key; predicted only
  above the "else" level (so at the same Jaro-Winkler floor, 0.8, as the rapidfuzz cut-off);
  then the best link per query by match weight, ties broken by Jaro-Winkler similarity.
- The machine has 2 cores, shared with other work while this ran: timings may be affected.
"""


def _revision() -> str:
    """The commit checked out, and whether the work tree differs from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=HERE,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "an unknown commit"
    if not head:
        return "an unknown commit"
    return f"commit {head}" + (" with uncommitted changes" if dirty else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aliases", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="write benchmarks/RESULTS_BATCH.md")
    args = parser.parse_args()
    revision = _revision()  # before the run: the tree may change while it runs
    text = table(measure(args.aliases, args.queries, args.workers))
    print(text)
    if args.write:
        (HERE / "RESULTS_BATCH.md").write_text(
            "# Batch resolution (benchmarks/bench_batch.py)\n\n"
            f"Measured {time.strftime('%Y-%m-%d')} on the 2-core development machine with "
            f"`python benchmarks/bench_batch.py --aliases {args.aliases} --queries "
            f"{args.queries} --workers {args.workers} --write`, from {revision}.\n\n"
            + text
            + _NOTES,
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
