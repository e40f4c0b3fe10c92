"""Fuzz the entry points that read user data: table files, saved resolvers, and queries.

Usage: ``python benchmarks/fuzz_inputs.py [--inputs 100000] [--seed 1] [--target all]
[--crashes DIR]``

Each input is a seed mutated at random (seeded, so a run can be repeated): valid table files
in the four formats, the bytes of a saved resolver (mutated after inflating and signed again,
so that the payload itself is read, not only refused by its checksum), and query texts. For
every input the harness calls what a user would: the table loader for a table file
(``tables_from_sources``, the loader behind them); ``Resolver.from_bytes`` for a
saved resolver, then ``resolve``, ``link`` and
``to_bytes`` on what opened; ``resolve`` and ``link`` for a text. canonym's own errors
(``CanonymError``: ``TableError``, ``IndexFileError``, ...) are the expected outcome of a bad
input; anything else is a crash, and so is an input that takes more than ``--slow`` seconds
or raises the process's peak memory (maximum resident set) by more than ``--memory`` MB.
Crashes are written to ``--crashes`` (one file each, with the traceback beside it) and
counted by exception type and place; the report says how many inputs were tried.

No atheris: coverage-guided fuzzing needs a compiled hook this project does not ship; the
mutations below are structure-aware enough to reach the parsers' deep paths (nesting,
numbers, quoting, escapes, surrogates, control characters).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import canonym
from canonym.tables import tables_from_sources

TABLE_SEEDS: dict[str, str] = {
    "toml": (
        'schema = 1\nsource = "fuzz"\n\n[[entity]]\nid = "kp.x"\nkind = "person"\n'
        'name = "Choe Ryong Hae"\ncountry = "kp"\nnative = ["최룡해"]\n'
        'aliases = ["Choi Ryong-hae", { text = "Ch\'oe Ryong-hae", system = "mr" }]\n'
        'not_same_as = ["kp.y"]\n\n[[entity.offices]]\ntitle = "t.x"\nstart = "2019-04"\n\n'
        '[[entity]]\nid = "kp.y"\nkind = "person"\nname = "Choe Son Hui"\n\n'
        '[[entity]]\nid = "t.x"\nkind = "title"\nname = "First Vice President"\n'
    ),
    "json": json.dumps(
        {
            "schema": 1,
            "entity": [
                {
                    "id": "Q1",
                    "kind": "person",
                    "name": "Sergey AKSYONOV",
                    "aliases": ["Сергей Аксёнов", {"text": "Serhiy Aksyonov", "lang": "uk"}],
                    "wikidata": "Q1",
                    "born": "1972-11-26",
                },
                {"id": "Q2", "kind": "organisation", "name": "KPA"},
            ],
        },
        ensure_ascii=False,
    ),
    "jsonl": '{"schema": 1}\n{"id": "a", "kind": "person", "name": "Kim Tok Hun"}\n'
    '{"id": "b", "kind": "person", "name": "Ri Pyong Chol", "aliases": ["리병철"]}\n',
    "csv": "id,name,kind,lang,source\np1,Jo Yong Won,person,,list\np1,조용원,,ko,list\n"
    'p2,"Pak, Jong Chon",person,,list\n',
}

#: Pieces the mutations insert: structure, numbers, escapes, characters parsers choke on.
PIECES = [
    "[",
    "]",
    "{",
    "}",
    '"',
    "'",
    ",",
    "=",
    ":",
    "\n",
    "\r\n",
    "\t",
    "\\",
    "\\u",
    "\\ud800",
    "\\udfff",
    "\\x00",
    "\x00",
    "\x7f",
    "\u2028",
    "\x85",
    "\ufeff",
    "[[entity]]",
    "[[entity.offices]]",
    '"id"',
    '"name"',
    '"aliases"',
    "remove_aliases",
    "replace = true",
    "same_as",
    "shared = true",
    "9" * 50,
    "-1e999",
    "NaN",
    "true",
    "null",
    "[" * 600,
    "]" * 600,
    "최룡해",
    "Чхве Рён Хэ",
    "\u0301" * 30,
    "\u200d",
    "x" * 5000,
]


def mutate(rng: random.Random, text: str) -> str:
    """One to four random edits: insert a piece, delete or duplicate a span, flip a char."""
    for _ in range(rng.randint(1, 4)):
        if not text:
            text = rng.choice(PIECES)
            continue
        at = rng.randrange(len(text) + 1)
        kind = rng.random()
        if kind < 0.45:
            text = text[:at] + rng.choice(PIECES) + text[at:]
        elif kind < 0.65:
            end = min(len(text), at + rng.randint(1, 40))
            text = text[:at] + text[end:]
        elif kind < 0.8:
            end = min(len(text), at + rng.randint(1, 80))
            text = text[:at] + text[at:end] * rng.randint(2, 50) + text[end:]
        else:
            ch = chr(rng.choice([rng.randrange(32, 127), rng.randrange(0, 0x2FFF)]))
            text = text[:at] + ch + text[at + 1 :]
    return text


def _resign(document: bytes) -> bytes:
    """A saved resolver's inflated bytes with the header's checksum made to fit the payload
    again (so the payload is parsed), compressed."""
    head, _, body = document.partition(b"\n")
    try:
        header = json.loads(head)
        if isinstance(header, dict):
            header["sha256"] = hashlib.sha256(body).hexdigest()
            head = json.dumps(header).encode("utf-8")
    except (ValueError, RecursionError):
        pass
    return gzip.compress(head + b"\n" + body, compresslevel=1)


def _peak_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports KB)."""
    try:
        import resource
    except ImportError:  # Windows: no peak to read, so no input is flagged
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 2**20


class Run:
    """Counts and records of one fuzz run."""

    def __init__(self, crashes: Path | None, slow: float, memory: float = 256.0) -> None:
        self.tried: Counter[str] = Counter()
        self.memory_limit = memory
        self.hungry: list[tuple[str, float]] = []
        self.peak_start = _peak_mb()
        self.typed: Counter[str] = Counter()
        self.crashes: Counter[str] = Counter()
        self.slow: list[tuple[str, float]] = []
        self.folder, self.limit = crashes, slow

    def attempt(self, target: str, data: bytes, call: Callable[[], Any]) -> None:
        self.tried[target] += 1
        start, peak = time.perf_counter(), _peak_mb()
        try:
            call()
        except canonym.CanonymError as exc:
            self.typed[f"{target}: {type(exc).__name__}"] += 1
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            key = f"{target}: {type(exc).__name__} at {Path(where.filename).name}:{where.lineno}"
            self.crashes[key] += 1
            if self.folder is not None and self.crashes[key] == 1:
                self.folder.mkdir(parents=True, exist_ok=True)
                name = hashlib.sha256(data).hexdigest()[:12]
                (self.folder / f"{target}-{name}.bin").write_bytes(data)
                (self.folder / f"{target}-{name}.txt").write_text(traceback.format_exc())
        spent = time.perf_counter() - start
        if spent > self.limit:
            self.slow.append((target, spent))
        grown = _peak_mb() - peak
        if grown > self.memory_limit:
            self.hungry.append((target, grown))

    def report(self) -> str:
        lines = [f"inputs tried: {sum(self.tried.values()):,} ({dict(self.tried)})"]
        lines.append(f"typed errors (expected): {sum(self.typed.values()):,}")
        lines.append(f"crashes (untyped exceptions): {sum(self.crashes.values()):,}")
        lines += [f"  {n:,}  {key}" for key, n in self.crashes.most_common()]
        lines.append(f"inputs over {self.limit} s: {len(self.slow)}")
        lines += [f"  {t}: {s:.2f} s" for t, s in sorted(self.slow, key=lambda x: -x[1])[:10]]
        lines.append(
            f"inputs raising peak memory by over {self.memory_limit:.0f} MB: {len(self.hungry)}"
        )
        lines += [f"  {t}: +{m:.0f} MB" for t, m in sorted(self.hungry, key=lambda x: -x[1])[:10]]
        lines.append(f"peak memory: {_peak_mb():.0f} MB (at start {self.peak_start:.0f} MB)")
        return "\n".join(lines)


def run(
    inputs: int,
    seed: int,
    target: str,
    crashes: Path | None,
    slow: float,
    memory: float = 256.0,
) -> Run:
    """Fuzz ``inputs`` inputs over ``target`` (tables, snapshots, texts or all)."""
    rng = random.Random(seed)
    state = Run(crashes, slow, memory)
    seed_tables = tables_from_sources([("seed.toml", TABLE_SEEDS["toml"].encode("utf-8"))])
    resolver = canonym.Resolver(seed_tables)
    saved = gzip.decompress(resolver.to_bytes())
    targets = ["tables", "snapshots", "texts"] if target == "all" else [target]
    for k in range(inputs):
        what = targets[k % len(targets)]
        if what == "tables":
            fmt = rng.choice(sorted(TABLE_SEEDS))
            data = mutate(rng, TABLE_SEEDS[fmt]).encode("utf-8", "surrogatepass")
            name = f"fuzz.{fmt}"

            def load(data: bytes = data, name: str = name) -> None:
                tables_from_sources([(name, data)])  # what load_tables does with a file

            state.attempt("tables", data, load)
        elif what == "snapshots":
            body = mutate(rng, saved.decode("utf-8", "surrogateescape"))
            data = _resign(body.encode("utf-8", "surrogateescape"))

            def open_and_use(data: bytes = data) -> None:
                opened = canonym.Resolver.from_bytes(data)
                opened.resolve("Choe Ryong Hae")
                opened.resolve("First Vice President Choe")
                canonym.link("Choe Ryong Hae met Choe Son Hui.", resolver=opened)
                opened.to_bytes()

            state.attempt("snapshots", data, open_and_use)
        else:
            text = mutate(rng, rng.choice(["Choe Ryong Hae", "최룡해", "First Vice President"]))

            def query(text: str = text) -> None:
                resolver.resolve(text)
                canonym.link(text, resolver=resolver)

            state.attempt("texts", text.encode("utf-8", "surrogatepass"), query)
    return state


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--target", choices=["all", "tables", "snapshots", "texts"], default="all")
    parser.add_argument("--crashes", type=Path, default=None, help="write crashing inputs here")
    parser.add_argument("--slow", type=float, default=1.0, help="seconds an input may take")
    parser.add_argument(
        "--memory", type=float, default=256.0, help="MB of peak memory one input may add"
    )
    args = parser.parse_args(argv)
    state = run(args.inputs, args.seed, args.target, args.crashes, args.slow, args.memory)
    print(state.report())
    return 1 if state.crashes or state.slow or state.hungry else 0


if __name__ == "__main__":
    sys.exit(main())
