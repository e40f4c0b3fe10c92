"""Typo tolerance on a user's table of person names, against a rapidfuzz Jaro-Winkler scan.

Usage: ``python benchmarks/bench_typos.py [--size 100000] [--queries 2000] [--seed 5]
[--quick] [--write]``

The table is what a user brings: N persons, one spelling each and nothing else, as a CSV
``id,name`` loaded with ``canonym.Resolver.load(path, defaults=False)``. The names are
Korean-romanized (``Kim Chol Su``, ``Ri Yong-ho``), Russian (given name, patronymic and surname,
or given name and surname; BGN or press spellings) and English (``John A. Ashford``), drawn from
the pools of ``benchmarks/synth.py``, unique after folding (lower-case, no punctuation) and
after ``canonym.name_key``.

Each query is a tabled name with exactly one change, of one of these kinds (chosen uniformly
among those the name allows): a letter deleted, two adjacent letters swapped, a letter replaced
by another (a uniformly random position in a uniformly random word, first letters included),
and, for names of three words or more, an inner word dropped. A change that gives another
tabled name (folded, or by ``name_key``) or an earlier query is drawn again: no answer could be
right for it.

canonym answers with ``resolver.resolve(q)``: right when MATCHED to the expected id, wrong when
MATCHED to another. The baseline is ``rapidfuzz.process.extractOne`` with Jaro-Winkler over the
folded table (the query folded inside the timing); its best hit is its answer, and it is also
scored with a 0.9 cut-off. Both are timed per query with ``time.perf_counter``; the resolver's
first query, which builds the name engine's index, is reported apart from the steady state.
``--write`` writes ``benchmarks/RESULTS_TYPOS.md``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import random
import re
import shlex
import statistics
import string
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from unidecode import unidecode

import canonym
from canonym import Status

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import synth  # noqa: E402
from bench_batch import _revision  # noqa: E402
from bench_scale import write_report  # noqa: E402

#: the kinds of change, in the order the report lists them
KINDS = ("deletion", "transposition", "substitution", "middle word dropped")
#: the origins of the names, as ``synth`` draws them (Chinese and Arabic persons are skipped)
ORIGINS = {"ko": "Korean", "ru": "Russian", "en": "English"}
#: the Jaro-Winkler similarity below which the scan's best hit counts as no answer
CUTOFF = 0.9
#: how many of canonym's misses the report lists
EXAMPLES = 15
#: the aims of the issue, reported beside the figures
AIM_SPEEDUP = 20.0
AIM_TAIL = 4.0

_PUNCTUATION = re.compile(r"[^a-z0-9\s]")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case ASCII (by unidecode), punctuation removed, single spaces."""
    return _SPACES.sub(" ", _PUNCTUATION.sub("", unidecode(text).lower())).strip()


class Query(NamedTuple):
    text: str
    expected: str
    kind: str
    origin: str
    source: str  # the tabled name it was made from


def make_table(size: int, seed: int) -> list[tuple[str, str, str]]:
    """``size`` persons as (id, name, origin), one spelling each, unique after folding and
    after ``name_key``, from ``synth``'s Korean, Russian and English pools."""
    rng = random.Random(seed)
    rows: list[tuple[str, str, str]] = []
    folded: set[str] = set()
    keys: set[str] = set()
    misses = 0
    while len(rows) < size:
        entity, _ = synth._person(rng, len(rows))
        # synth's Korean and Russian persons have a country; of the others, only the
        # English have no aliases
        country = entity.get("country", "en" if "aliases" not in entity else None)
        origin = {"kp": "ko", "ru": "ru", "en": "en"}.get(str(country))
        if origin is None:
            continue
        # Korean: KCNA's spaced or hyphenated form; Russian: BGN's or the press's spelling
        spellings = [str(entity["name"]), *(str(a) for a in entity.get("aliases", []))]  # type: ignore[attr-defined]
        name = rng.choice(spellings)
        f, k = fold(name), canonym.name_key(name)
        if f in folded or k in keys:
            misses += 1
            if misses > 100_000:
                msg = f"the name pools ran dry at {len(rows):,} names"
                raise RuntimeError(msg)
            continue
        folded.add(f)
        keys.add(k)
        rows.append((f"u.p{len(rows)}", name, origin))
    return rows


def write_csv(rows: Sequence[tuple[str, str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "name"])
        writer.writerows((i, name) for i, name, _ in rows)


def _letters(word: str) -> list[int]:
    return [i for i, ch in enumerate(word) if ch.isalpha()]


def _cased(new: str, like: str) -> str:
    return new.upper() if like.isupper() else new.lower()


def change(rng: random.Random, name: str, kind: str) -> str | None:
    """``name`` with one change of ``kind``, or None when the name allows none of that kind."""
    words = name.split(" ")
    if kind == "middle word dropped":
        if len(words) < 3:
            return None
        drop = rng.randrange(1, len(words) - 1)
        return " ".join(words[:drop] + words[drop + 1 :])
    if kind == "deletion":
        # a word of one letter (an initial) would lose itself, not a letter
        usable = [w for w, word in enumerate(words) if len(_letters(word)) >= 2]
    elif kind == "transposition":
        usable = [w for w, word in enumerate(words) if _swaps(word)]
    else:
        usable = [w for w, word in enumerate(words) if _letters(word)]
    if not usable:
        return None
    w = rng.choice(usable)
    word = words[w]
    if kind == "deletion":
        i = rng.choice(_letters(word))
        rest = word[:i] + word[i + 1 :]
        if word[i].isupper():  # "Kim" -> "Im", as one would type it
            j = next((j for j in range(i, len(rest)) if rest[j].isalpha()), None)
            if j is not None:
                rest = rest[:j] + rest[j].upper() + rest[j + 1 :]
        new = rest
    elif kind == "transposition":
        i = rng.choice(_swaps(word))
        a, b = word[i], word[i + 1]  # each position keeps its case: "Kim" -> "Ikm"
        new = word[:i] + _cased(b, a) + _cased(a, b) + word[i + 2 :]
    else:
        i = rng.choice(_letters(word))
        old = word[i].lower()
        letter = rng.choice([c for c in string.ascii_lowercase if c != old])
        new = word[:i] + _cased(letter, word[i]) + word[i + 1 :]
    words[w] = new
    return " ".join(words)


def _swaps(word: str) -> list[int]:
    """Positions ``i`` where letters ``i`` and ``i + 1`` can be swapped with an effect."""
    return [
        i
        for i in range(len(word) - 1)
        if word[i].isalpha() and word[i + 1].isalpha() and word[i].lower() != word[i + 1].lower()
    ]


def make_queries(
    rows: Sequence[tuple[str, str, str]], count: int, seed: int
) -> tuple[list[Query], Counter[str]]:
    """``count`` queries, and how many draws were refused, by reason."""
    rng = random.Random(seed)
    folded = {fold(name) for _, name, _ in rows}
    keys = {canonym.name_key(name) for _, name, _ in rows}
    queries: list[Query] = []
    taken: set[str] = set()
    refused: Counter[str] = Counter()
    while len(queries) < count:
        entity_id, name, origin = rows[rng.randrange(len(rows))]
        kinds = KINDS if len(name.split()) >= 3 else KINDS[:3]
        kind = rng.choice(kinds)
        text = change(rng, name, kind)
        if text is None:
            refused["no such change"] += 1
            continue
        f, k = fold(text), canonym.name_key(text)
        if f in folded or k in keys:
            refused["another tabled name"] += 1
            continue
        if text in taken:
            refused["an earlier query"] += 1
            continue
        taken.add(text)
        queries.append(Query(text, entity_id, kind, origin, name))
    return queries, refused


def _stats(samples: Sequence[float]) -> dict[str, float]:
    ordered = sorted(samples)
    n = len(ordered)

    def at(p: float) -> float:
        return ordered[min(n - 1, max(0, round(p * n) - 1))]

    return {
        "p50": statistics.median(ordered),
        "p95": at(0.95),
        "p99": at(0.99),
        "mean": statistics.fmean(ordered),
        "max": ordered[-1],
    }


def _source_state() -> str:
    """The commit, whether the tree differs from it, and a digest of ``src/``'s differences
    (the engine may change between runs of the same commit)."""
    revision = _revision()
    try:
        diff = subprocess.run(
            ["git", "diff", "HEAD", "--", "src"], cwd=HERE.parent, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return revision
    if not diff:
        return revision + " (src/ as committed)"
    return revision + f" (src/ differences {hashlib.sha256(diff).hexdigest()[:12]})"


def _cores() -> str:
    try:
        done = subprocess.run(["nproc"], capture_output=True, text=True, check=True)
        return done.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return str(os.cpu_count())


def measure(size: int, queries: int, seed: int = 5) -> dict[str, Any]:
    """Build, query and score canonym and the scan; the facts the report shows."""
    import rapidfuzz
    from rapidfuzz import distance, process

    rows = make_table(size, seed)
    batch, refused = make_queries(rows, queries, seed + 1)
    names = {entity_id: name for entity_id, name, _ in rows}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "people.csv"
        write_csv(rows, path)
        start = time.perf_counter()
        resolver = canonym.Resolver.load(path, defaults=False)
        build_s = time.perf_counter() - start

    answers: list[canonym.Resolution] = []
    times: list[float] = []
    for q in batch:
        start = time.perf_counter()
        r = resolver.resolve(q.text)
        times.append(time.perf_counter() - start)
        answers.append(r)
        if len(answers) == 1:
            # the name engine's index is built on first use; was it this query's?
            lazy_in_first = getattr(resolver, "_names", True) is not None

    start = time.perf_counter()
    choices = [fold(name) for _, name, _ in rows]
    ids = [entity_id for entity_id, _, _ in rows]
    fold_s = time.perf_counter() - start
    scorer = distance.JaroWinkler.normalized_similarity
    scan: list[tuple[str, float]] = []
    scan_times: list[float] = []
    for q in batch:
        start = time.perf_counter()
        best = process.extractOne(fold(q.text), choices, scorer=scorer, processor=None)
        scan_times.append(time.perf_counter() - start)
        assert best is not None
        scan.append((ids[best[2]], float(best[1])))

    outcomes: list[dict[str, Any]] = []
    for q, r, (hit, similarity) in zip(batch, answers, scan, strict=True):
        matched = r.status is Status.MATCHED
        outcomes.append(
            {
                "kind": q.kind,
                "origin": q.origin,
                "right": matched and r.id == q.expected,
                "wrong": matched and r.id != q.expected,
                "ambiguous": r.status is Status.AMBIGUOUS,
                "listed": r.status is Status.AMBIGUOUS
                and q.expected in {c.id for c in r.candidates},
                "scan_right": hit == q.expected,
                "scan_wrong": hit != q.expected,
                "cut_right": hit == q.expected and similarity >= CUTOFF,
                "cut_wrong": hit != q.expected and similarity >= CUTOFF,
            }
        )
    misses = []
    for q, r, o in zip(batch, answers, outcomes, strict=True):
        if not o["right"] and len(misses) < EXAMPLES:
            top = [(c.id, names.get(c.id, c.entity.name), c.score) for c in r.candidates[:3]]
            misses.append({"query": q, "status": r.status.value, "id": r.id, "top": top})
    return {
        "size": len(rows),
        "origins": Counter(origin for *_, origin in rows),
        "words": Counter(min(len(name.split()), 4) for _, name, _ in rows),
        "queries": len(batch),
        "refused": refused,
        "build_s": build_s,
        "first_s": times[0],
        "lazy_in_first": lazy_in_first,
        "canonym": _stats(times[1:] or times),
        "scan": _stats(scan_times),
        "scan_first_s": scan_times[0],
        "fold_s": fold_s,
        "outcomes": outcomes,
        "misses": misses,
        "rapidfuzz": f"rapidfuzz {rapidfuzz.__version__}",
    }


def _tally(outcomes: Sequence[dict[str, Any]]) -> dict[str, int]:
    keys = ("right", "wrong", "ambiguous", "listed", "scan_right", "scan_wrong")
    out = {k: sum(o[k] for o in outcomes) for k in (*keys, "cut_right", "cut_wrong")}
    out["n"] = len(outcomes)
    return out


def _us(seconds: float) -> str:
    us = seconds * 1e6
    return f"{us:,.0f}" if us >= 10 else f"{us:.1f}"


def _times(ratio: float) -> str:
    """How many times faster canonym is, or, below 1, how many times slower."""
    if ratio >= 1:
        return f"{ratio:,.1f}x"
    return f"{ratio:.2f}x, i.e. {1 / ratio:,.1f}x slower"


def table(facts: dict[str, Any]) -> str:
    outcomes = facts["outcomes"]
    groups = [(k, [o for o in outcomes if o["kind"] == k]) for k in KINDS]
    groups = [(k, g) for k, g in groups if g] + [("all", outcomes)]
    origins = ", ".join(f"{ORIGINS[o]} {facts['origins'][o]:,}" for o in ORIGINS)
    words = ", ".join(
        f"{n}{'+' if n == 4 else ''} words {c:,}" for n, c in sorted(facts["words"].items())
    )
    refused = ", ".join(f"{reason} {n:,}" for reason, n in sorted(facts["refused"].items()))
    out = (
        f"{facts['queries']:,} queries, each a tabled name with one change, against "
        f"{facts['size']:,} persons with one spelling each ({origins}; {words}). Draws refused "
        f"and drawn again: {refused or 'none'}.\n\n"
        "| change | queries | canonym recall | canonym wrong | canonym ambiguous (listing "
        f"it) | JW scan recall | JW scan wrong | JW ≥ {CUTOFF} recall | JW ≥ {CUTOFF} wrong "
        "| recall ≥ scan |\n|---|---|---|---|---|---|---|---|---|---|\n"
    )
    for name, group in groups:
        t = _tally(group)
        n = t["n"]
        out += (
            f"| {name} | {n:,} | {t['right'] / n:.3f} | {t['wrong']:,} "
            f"| {t['ambiguous']:,} ({t['listed']:,}) | {t['scan_right'] / n:.3f} "
            f"| {t['scan_wrong']:,} | {t['cut_right'] / n:.3f} | {t['cut_wrong']:,} "
            f"| {'yes' if t['right'] >= t['scan_right'] else 'no'} |\n"
        )
    out += (
        "\nRecall by the origin of the name, canonym / JW scan (queries):\n\n| origin | "
        + " | ".join(k for k, _ in groups)
        + " |\n|---|"
        + "---|" * len(groups)
        + "\n"
    )
    for code, label in ORIGINS.items():
        cells = []
        for _, group in groups:
            mine = [o for o in group if o["origin"] == code]
            t = _tally(mine)
            n = t["n"]
            cells.append(f"{t['right'] / n:.3f} / {t['scan_right'] / n:.3f} ({n:,})" if n else "-")
        out += f"| {label} | " + " | ".join(cells) + " |\n"

    c, s = facts["canonym"], facts["scan"]
    speedup = s["mean"] / c["mean"]
    tail = c["p95"] / c["p50"]
    out += (
        "\nTimes per query, µs (canonym: queries 2 to the last; its first query is shown apart):"
        "\n\n| | build | first query | p50 | p95 | p99 | mean | max | p95 ÷ p50 |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
        f"| canonym `resolve` | `Resolver.load` {facts['build_s']:.2f} s "
        f"| {facts['first_s'] * 1e3:,.1f} ms"
        f"{'' if facts['lazy_in_first'] else ' (the name index was not built by it)'} "
        f"| {_us(c['p50'])} | {_us(c['p95'])} | {_us(c['p99'])} | {_us(c['mean'])} "
        f"| {_us(c['max'])} | {tail:.1f} |\n"
        f"| {facts['rapidfuzz']} `extractOne` JW | folding the table {facts['fold_s']:.2f} s "
        f"| {facts['scan_first_s'] * 1e3:,.1f} ms (in the figures) | {_us(s['p50'])} "
        f"| {_us(s['p95'])} | {_us(s['p99'])} | {_us(s['mean'])} | {_us(s['max'])} "
        f"| {s['p95'] / s['p50']:.1f} |\n"
    )
    t = _tally(outcomes)
    short = [k for k, g in groups[:-1] if _tally(g)["right"] < _tally(g)["scan_right"]]

    def met(ok: bool) -> str:
        return "met" if ok else "**not met**"

    out += (
        "\nThe issue's aims, against this run:\n\n| aim | measured | |\n|---|---|---|\n"
        f"| recall at least the JW scan's (its best hit, no cut-off) "
        f"| {t['right'] / t['n']:.3f} against {t['scan_right'] / t['n']:.3f} overall"
        f"{'; below it for: ' + ', '.join(short) if short else '; not below it for any change'} "
        f"| {met(t['right'] >= t['scan_right'] and not short)} |\n"
        f"| canonym at least {AIM_SPEEDUP:.0f}x faster than the scan (mean ÷ mean) "
        f"| {_times(speedup)} (p50 ÷ p50: {_times(s['p50'] / c['p50'])}) "
        f"| {met(speedup >= AIM_SPEEDUP)} |\n"
        f"| canonym p95 ≤ {AIM_TAIL:.0f}x p50 | {tail:.1f}x | {met(tail <= AIM_TAIL)} |\n"
    )
    if facts["misses"]:
        out += (
            f"\nThe first {len(facts['misses'])} of canonym's misses (not MATCHED to the "
            "expected person), in query order:\n\n"
            "| change | query | tabled name | canonym's answer | its first candidates |\n"
            "|---|---|---|---|---|\n"
        )
        for m in facts["misses"]:
            q = m["query"]
            answer = m["status"] + (f" {m['id']}" if m["id"] else "")
            top = "; ".join(f"{i} {n!r} {score:.2f}" for i, n, score in m["top"]) or "-"
            out += f"| {q.kind} | `{q.text}` | `{q.source}` ({q.expected}) | {answer} | {top} |\n"
    return out


_NOTES = """
- "recall" counts a query MATCHED to the person its name was made from; "wrong" counts one
  MATCHED to another person. An AMBIGUOUS answer is neither, even when its candidates list the
  right person (the count in brackets). The scan always names someone, so without a cut-off
  its recall and wrong add up to the queries; with the 0.9 cut-off a best hit below 0.9 is no
  answer.
- canonym's build is `Resolver.load` of the CSV (parsing, checking, indexing), in this
  process. The name engine's index is built lazily, by the first query that needs it: that
  query's time is shown apart and left out of the percentiles and the mean.
- The scan folds each query inside its timing and the table once beforehand (shown, not in
  the figures). Both run one query at a time, canonym's queries all before the scan's.
- A draw is refused only when it equals another tabled name after folding or `name_key`; a
  query may still be another person's name in another romanization (`Gang Hyang-sung`, one
  letter from `Yang Hyang-sung`, is also a spelling of `Kang Hyang-song`: Gang/Kang,
  sung/song), and canonym reads it so.
- The recall aim is taken against the scan's best hit without a cut-off (its higher recall),
  overall and for each change.
- Absolute times move by 10-30 % between runs on this machine; compare the ratios. The
  engine's other speed figures and aims: [docs/scale.md](../docs/scale.md).
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="persons in the table")
    parser.add_argument("--queries", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="a 5,000-name table (smoke runs)")
    parser.add_argument("--write", action="store_true", help="write benchmarks/RESULTS_TYPOS.md")
    args = parser.parse_args()
    size = 5_000 if args.quick else args.size
    revision = _source_state()  # before the run: the tree may change while it runs
    text = table(measure(size, args.queries, args.seed))
    print(text)
    if args.write:
        command = shlex.join(["python", "benchmarks/bench_typos.py", *sys.argv[1:]])
        write_report(
            "RESULTS_TYPOS.md",
            "Typo tolerance on a user's table",
            "bench_typos.py",
            args,
            f"From {revision}.\n\n" + text + _NOTES,
            command=command,
            machine=f"the {_cores()}-core development machine (`nproc`)",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
