"""Reliability: hostile input never crashes, answers never depend on the run, the process or
the thread, and long inputs cost time in proportion to their length (docs/guarantees.md)."""

from __future__ import annotations

import concurrent.futures
import csv
import json
import os
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import canonym
from canonym import Status

ROOT = Path(__file__).parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

# Pieces of hostile text, mixed into names by the strategies below.
HOSTILE = [
    "\x00",
    "\x07",
    "\x1b[31m",
    "\ud800",  # a lone surrogate
    "\udfff",
    "\u0301" * 50,  # a flood of combining marks
    "\u200d",  # zero-width joiner
    "\u200b",
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "\ufeff",
    unicodedata.normalize("NFD", "최룡해"),  # conjoining jamo
    "\u3131\u314f\u3141",  # compatibility jamo
    "Ｋｉｍ　Ｊｏｎｇ　Ｕｎ",  # full-width Latin
    "Kimза習",  # mixed scripts in one token
    "then-then-then-",
    "'s's's",
    ",,,,",
    "Comrade " * 20,
]

hostile_text = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE),
        st.sampled_from(["Kim Jong Un", "Choe", "Defence Minister", "KPA", "Пак Ён Иль"]),
        st.text(alphabet=st.characters(codec=None), max_size=12),
    ),
    max_size=12,
).map("".join)


def _count_normalisations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the table loader's calls to the analyser (``calls[0]``): budgets are counted,
    not timed."""
    import canonym.tables

    calls = [0]
    original = canonym.tables.analyze

    def counted(text: str) -> object:
        calls[0] += 1
        return original(text)

    monkeypatch.setattr(canonym.tables, "analyze", counted)
    return calls


@given(hostile_text)
def test_resolve_survives_hostile_text(text: str) -> None:
    r = canonym.resolve(text)
    assert r.status in set(Status)
    assert 0.0 <= r.score <= 1.0
    r.explain()
    json.dumps(r.to_dict())


@given(hostile_text)
def test_link_survives_hostile_text(text: str) -> None:
    from canonym.text import without_surrogates

    doc = canonym.link(text)
    # a lone surrogate is read as U+FFFD: one code point for one, so offsets hold
    read = without_surrogates(text)
    assert len(read) == len(text)
    for m in doc.mentions:
        assert read[m.start : m.end] == m.text
    doc.to_html()
    json.dumps(doc.to_dict())


@given(st.binary(max_size=300), st.sampled_from(["t.toml", "t.json", "t.jsonl", "t.csv"]))
def test_table_loaders_raise_only_table_errors(data: bytes, name: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        problems = canonym.check_tables(path, defaults=False)
        if problems:
            with pytest.raises(canonym.TableError) as info:
                canonym.load_tables(path, defaults=False)
            assert info.value.problems == tuple(problems)
        else:
            canonym.load_tables(path, defaults=False)


def test_one_huge_word_and_an_over_long_query() -> None:
    word = "Kim" * 350_000  # about 1 MB, one token
    r = canonym.resolve(word)
    assert r.status is Status.UNMATCHED
    assert "longer than" in r.explain()
    doc = canonym.link(word + " Kim Jong Un")
    assert [m.id for m in doc.mentions] == ["kp.kim-jong-un"]


def _answers() -> str:
    resolver = canonym.default_resolver()
    rows = list(
        csv.DictReader(
            (ROOT / "tests/data/variants.tsv").open(encoding="utf-8"),
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
        )
    )
    out = [resolver.resolve(r["query"]).to_dict() for r in rows[::3]]
    out += [canonym.link(p.read_text(encoding="utf-8"), resolver=resolver).to_dict() for p in SEEDS]
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


SCRIPT = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "import test_reliability as t; sys.stdout.write(t._answers())"
)


@pytest.mark.parametrize("seed", ["0", "1", "4242"])
def test_same_answers_in_other_processes_and_hash_seeds(seed: str) -> None:
    here = _answers()
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(Path(__file__).parent)],
        capture_output=True,
        check=True,
        env=env,
    )
    assert done.stdout.decode("utf-8") == here


SAVED = (
    "import canonym, hashlib, sys; "
    "sys.stdout.write(hashlib.sha256(canonym.Resolver().to_bytes()).hexdigest())"
)


def test_a_saved_resolver_is_the_same_bytes_whatever_the_hash_seed() -> None:
    digests = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", SAVED], capture_output=True, check=True, env=env
        )
        digests.add(done.stdout)
    assert len(digests) == 1


def test_threads_share_one_resolver() -> None:
    resolver = canonym.Resolver()  # a fresh one: its memos start empty under contention
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] * 4
    names = [
        "Choe Ryong Hae",
        "Чхве Рён Хэ",
        "Foreign Minister Choe",
        "Kim",
        "Andrey Belousov",
        "Russia's MFA",
        "SPA Standing Committee president",
        "Pak Yong-il",
    ] * 10
    serial_links = [canonym.link(t, resolver=resolver).to_dict() for t in texts]
    serial_names = [resolver.resolve(n).to_dict() for n in names]
    fresh = canonym.Resolver()
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        links = list(pool.map(lambda t: canonym.link(t, resolver=fresh).to_dict(), texts))
        resolved = list(pool.map(lambda n: fresh.resolve(n).to_dict(), names))
    assert links == serial_links
    assert resolved == serial_names


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("index") / "resolver.canonym"
    canonym.Resolver(threshold=0.8).save(path)
    return path


def test_a_saved_resolver_answers_alike(saved: Path) -> None:
    opened = canonym.Resolver.open(saved)
    assert opened.threshold == 0.8
    assert opened.tables.entities == canonym.default_tables().entities
    for text in ["Ch'oe Ryong-hae", "Foreign Minister Choe", "Пак Ён Иль", "Putin"]:
        assert (
            opened.resolve(text).to_dict()
            == canonym.Resolver(threshold=0.8).resolve(text).to_dict()
        )


def test_an_opened_resolver_uses_its_snapshot_and_answers_alike(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from canonym.index import Index
    from canonym.snapshot import from_snapshot, to_snapshot

    with monkeypatch.context() as patch:

        def no_build(tables: object) -> Index:
            raise AssertionError("the index was rebuilt, not read")

        patch.setattr(Index, "build", no_build)
        opened = canonym.Resolver.open(saved)
    built = canonym.Resolver(threshold=0.8)
    rows = list(
        csv.DictReader(
            (ROOT / "tests/data/variants.tsv").open(encoding="utf-8"),
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
        )
    )
    for row in rows:
        assert opened.resolve(row["query"]).to_dict() == built.resolve(row["query"]).to_dict()
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        assert (
            canonym.link(text, resolver=opened).to_dict()
            == canonym.link(text, resolver=built).to_dict()
        )
    # a snapshot taken of other tables is not used
    other = canonym.Resolver(canonym.load_tables(ROOT / "tests/fixtures/mini.toml", defaults=False))
    assert from_snapshot(other.tables, to_snapshot(built.index)) is None
    # nor one written with other index keys (an older or newer canonym)
    data = to_snapshot(built.index)
    assert from_snapshot(built.tables, data) is not None
    data["version"] -= 1
    assert from_snapshot(built.tables, data) is None


def _tamper(data: bytes) -> bytes:
    import gzip

    text = gzip.decompress(data).decode("utf-8").replace("Choe Ryong Hae", "Choe Ryong Hax", 1)
    return gzip.compress(text.encode("utf-8"))


def _version(data: bytes) -> bytes:
    import gzip

    from canonym.store import VERSION

    text = gzip.decompress(data).decode("utf-8")
    text = text.replace(f'"version": {VERSION}', '"version": 99', 1)
    assert '"version": 99' in text
    return gzip.compress(text.encode("utf-8"))


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d[: len(d) // 2], "truncated"),
        (lambda d: b"", "empty file"),
        (lambda d: b"\x00garbage" + d, "not a saved canonym resolver"),
        (lambda d: __import__("gzip").compress(b"{not json"), "not valid JSON"),
        (lambda d: __import__("gzip").compress(b'{"format": "pickle"}'), "format is not"),
        (_version, "format version 99"),
        (_tamper, "checksum mismatch"),
    ],
    ids=["truncated", "empty", "corrupt", "not-json", "other-format", "version", "tampered"],
)
def test_damaged_saved_resolvers_are_refused(
    saved: Path, tmp_path: Path, damage: object, message: str
) -> None:
    bad = tmp_path / "bad.canonym"
    bad.write_bytes(damage(saved.read_bytes()))  # type: ignore[operator]
    with pytest.raises(canonym.IndexFileError, match=message) as info:
        canonym.Resolver.open(bad)
    assert str(bad) in str(info.value)
    assert isinstance(info.value, ValueError)
    with pytest.raises(canonym.IndexFileError, match="cannot read"):
        canonym.Resolver.open(tmp_path / "missing.canonym")


def test_cli_outputs_are_complete_and_atomic(tmp_path: Path, saved: Path) -> None:
    from canonym.cli import main

    good = [str(p) for p in SEEDS]
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0 JFIF")
    output = tmp_path / "out.jsonl"
    output.write_text("old content\n", encoding="utf-8")
    code = main(
        ["link", "--index", str(saved), "--output", str(output), *good, str(empty), str(binary)]
    )
    assert code == 2  # one file could not be read
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [line["file"] for line in lines] == [*good, str(empty)]  # every readable input
    assert lines[-1]["mentions"] == []
    assert not list(tmp_path.glob(".out.jsonl.*"))  # no temporary file left behind
    names = tmp_path / "names.jsonl"
    code = main(["resolve", "--output", str(names), "Choe", "Kim Jong Un", ""])
    assert code == 0
    assert [json.loads(x)["status"] for x in names.read_text().splitlines()] == [
        "ambiguous",
        "matched",
        "unmatched",
    ]


def test_nothing_loaded_from_disk_is_code() -> None:
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "src" / "canonym").rglob("*.py")
    )
    for forbidden in ("import pickle", "import marshal", "eval(", "exec(", "__import__", "shelve"):
        assert forbidden not in source, forbidden


@pytest.mark.parametrize("start", ["fork", "saved"])
def test_batches_in_worker_processes_match_serial_answers(
    start: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from canonym import parallel as parallel_module

    if start == "saved":  # workers start from the saved resolver's bytes, as without fork
        monkeypatch.setattr(parallel_module, "_fork_context", lambda: None)
    elif parallel_module._fork_context() is None:
        pytest.skip("no fork start method here")
    resolver = canonym.default_resolver()
    names = ["Choe Ryong Hae", "Kim", "Andrey Belousov", "Foreign Minister Choe", "", "Пак Ён Иль"]
    names = names * 7
    serial = [r.to_dict() for r in resolver.resolve_many(names)]
    parallel = [r.to_dict() for r in resolver.resolve_many(iter(names), workers=2, chunk=5)]
    assert parallel == serial
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    docs = [d.to_dict() for d in canonym.link_many(texts, workers=2, chunk=2, resolver=resolver)]
    assert docs == [canonym.link(t, resolver=resolver).to_dict() for t in texts]


def test_a_resolver_travels_as_bytes() -> None:
    resolver = canonym.default_resolver()
    data = resolver.to_bytes()
    copy = canonym.Resolver.from_bytes(data)
    for name in ["Choe Ryong Hae", "최룡해", "Андрей Белоусов", "Jong Un Kim", "Kim"]:
        assert copy.resolve(name).to_dict() == resolver.resolve(name).to_dict()
    with pytest.raises(canonym.IndexFileError, match="<shipped>"):
        canonym.Resolver.from_bytes(data[: len(data) // 2], name="<shipped>")


@given(st.text(max_size=40))
def test_results_travel_between_processes_unchanged(text: str) -> None:
    from canonym.parallel import pack, unpack

    resolver = canonym.default_resolver()
    for query in (text, "Choe", "Foreign Minister Choe", "Пак Ён Иль", "Andrei Belousaw"):
        r = resolver.resolve(query)
        assert unpack(pack(r), resolver.tables) == r


# ---------------------------------------------------------------------------------------------
# Hostile table files and saved resolvers (issue 17): only typed errors, naming the file


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("deep.json", '{"schema":1,"entity":' + "[" * 990 + "]" * 990 + "}", "nested too deeply"),
        ("deep.toml", "schema = 1\nx = " + "[" * 495 + "]" * 495 + "\n", "nested too deeply"),
        (
            "big.toml",
            "schema = 1\n[[entity]]\nid = 'a'\nkind = 'person'\nname = 'X Y'\nborn = "
            + "9" * 5000
            + "\n",
            "4300 digits",
        ),
        ("big.json", '{"schema":1,"entity":[{"id":"a","born":' + "9" * 5000 + "}]}", "4300 digits"),
        ("cell.csv", "id,name\na," + "x" * 200_000 + "\n", "invalid CSV: field larger"),
        (
            "lone.json",
            '{"schema":1,"entity":[{"id":"a","kind":"person","name":"X \\ud800 Y"}]}',
            "lone surrogate (U+D800)",
        ),
        (
            "lone.jsonl",
            '{"schema":1}\n{"id":"a","kind":"person","name":"X","aliases":["\\udfff"]}\n',
            "lone surrogate (U+DFFF)",
        ),
    ],
)
def test_hostile_table_files_are_table_errors_naming_the_file(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(canonym.TableError) as info:
        canonym.Resolver.load(path, defaults=False)
    assert any(p.path == str(path) and message in p.message for p in info.value.problems), str(
        info.value
    )
    problems = canonym.check_tables(path, defaults=False)
    assert any(message in p.message for p in problems)


def test_a_damaged_header_is_refused_before_it_is_parsed() -> None:
    import gzip

    with pytest.raises(canonym.IndexFileError, match="no header"):
        canonym.Resolver.from_bytes(gzip.compress(b"[" * 100_000 + b"\n"))
    with pytest.raises(canonym.IndexFileError, match="header is not valid JSON"):
        canonym.Resolver.from_bytes(gzip.compress(b"{" * 100 + b"\n"))


def test_a_saved_resolver_may_not_inflate_beyond_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    import gzip

    import canonym.store

    monkeypatch.setattr(canonym.store, "MAX_INFLATED", 1_000_000)
    bomb = gzip.compress(b'{"format": "canonym-index"}\n' + b" " * 5_000_000)
    assert len(bomb) < 10_000
    with pytest.raises(canonym.IndexFileError, match="inflates to more than 1,000,000 bytes"):
        canonym.Resolver.from_bytes(bomb)


def test_truncated_compressed_data_are_refused() -> None:
    import gzip

    data = gzip.compress(b'{"format": "canonym-index"}\n' + b"x" * 10_000)
    with pytest.raises(canonym.IndexFileError, match="truncated"):
        canonym.Resolver.from_bytes(data[: len(data) // 2])


def test_dropped_resolvers_and_their_indexes_are_collected() -> None:
    import gc
    import weakref

    base = canonym.Resolver(canonym.default_tables())
    data = base.to_bytes()
    alive: list[weakref.ref[object]] = []
    for k in range(6):
        if k % 3 == 0:
            r = canonym.Resolver(canonym.default_tables())
        elif k % 3 == 1:
            r = base.extend(aliases={"kp.no-kwang-chol": [f"No Gwanchol {k}"]})
        else:
            r = canonym.Resolver.from_bytes(data)
        # every memo filled: answers, offices named with a person, the name engine
        r.resolve("Kim Jong Un")
        r.resolve("Foreign Minister Choe")
        r.resolve("Choe Ryong-hae the elder")
        alive += [weakref.ref(r), weakref.ref(r.index), weakref.ref(r.names)]
        del r
    gc.collect()
    assert [ref() for ref in alive if ref() is not None] == []


def test_organisation_phrases_stay_polynomial_once_the_memo_is_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import canonym.index

    monkeypatch.setattr(canonym.index, "ORG_MEMO", 500)
    r = canonym.Resolver()
    for i in range(600):  # fill the memo with ordinary title queries
        r.resolve(f"director of the u{i} v{i}")
    calls = 0
    original = canonym.index.Index._org_uncached

    def counted(self: canonym.index.Index, tokens: tuple[str, ...], parent: str | None) -> object:
        nonlocal calls
        calls += 1
        return original(self, tokens, parent)

    monkeypatch.setattr(canonym.index.Index, "_org_uncached", counted)
    r.resolve("director of the " + " ".join(f"w{k}" for k in range(16)))
    assert calls < 5_000  # 2 ** 16 when nothing is remembered


def test_removing_many_spellings_costs_one_normalisation_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import canonym.tables

    spellings = [f"Name Number {k}" for k in range(300)]
    first = tmp_path / "a.json"
    first.write_text(
        json.dumps(
            {
                "schema": 1,
                "entity": [
                    {"id": "p", "kind": "person", "name": "Kim Tok Hun", "aliases": spellings}
                ],
            }
        ),
        encoding="utf-8",
    )
    second = tmp_path / "b.json"
    second.write_text(
        json.dumps({"schema": 1, "entity": [{"id": "p", "remove_aliases": spellings[:200]}]}),
        encoding="utf-8",
    )
    calls = _count_normalisations(monkeypatch)
    tables = canonym.load_tables(first, second, defaults=False)
    assert [a.text for a in tables["p"].aliases] == ["Kim Tok Hun", *spellings[200:]]
    assert calls[0] < 2_000  # 300 x 200 when every removal normalised every spelling


def test_an_alias_many_entities_claim_is_reported_in_bounded_words() -> None:
    entities = [
        canonym.Entity(
            id=f"p{k}",
            kind=canonym.Kind.PERSON,
            name="Kim Tok Hun",
            aliases=[canonym.Alias(text="Kim Tok Hun", script="Latn")],
        )
        for k in range(2000)
    ]
    with pytest.raises(canonym.TableError) as info:
        canonym.Tables.from_entities(entities)
    problems = info.value.problems
    assert len(problems) == 21  # twenty named, the rest counted in one
    assert "and 1,980 more entities claim alias" in problems[-1].message
    assert sum(len(p.message) for p in problems) < 10_000


def test_a_batch_that_loses_a_worker_runs_the_chunk_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing
    import os

    import canonym.parallel

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs forked workers, which inherit the patched worker function")
    marker = tmp_path / "died-once"
    original = canonym.Resolver.resolve

    def dies_once(self: canonym.Resolver, text: str, **how: object) -> canonym.Resolution:
        if text == "die" and not marker.exists():
            marker.write_text("x")
            os._exit(1)  # a worker killed mid-chunk (forked workers inherit this patch)
        return original(self, text, **how)  # type: ignore[arg-type]

    monkeypatch.setattr(canonym.Resolver, "resolve", dies_once)
    texts = ["Kim Jong Un"] * 7 + ["die"] + ["Choe Ryong Hae"] * 7
    got = list(canonym.Resolver().resolve_many(texts, workers=2, chunk=3))
    assert [r.query for r in got] == texts
    assert marker.exists()


def test_a_chunk_that_kills_its_worker_twice_is_reported_after_the_results_before_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import multiprocessing
    import os

    import canonym.parallel

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs forked workers, which inherit the patched worker function")
    original = canonym.Resolver.resolve

    def always_dies(self: canonym.Resolver, text: str, **how: object) -> canonym.Resolution:
        if text == "die":
            os._exit(1)
        return original(self, text, **how)  # type: ignore[arg-type]

    monkeypatch.setattr(canonym.Resolver, "resolve", always_dies)
    texts = ["Kim Jong Un"] * 6 + ["die"] + ["Choe Ryong Hae"] * 5
    got: list[canonym.Resolution] = []
    answers = canonym.Resolver().resolve_many(texts, workers=2, chunk=3)
    with pytest.raises(canonym.WorkerLostError, match="items 6 to 8"):
        got.extend(answers)
    assert [r.query for r in got] == texts[:6]


# ---------------------------------------------------------------------------------------------
# Saved resolvers edited and signed again: refused at open, or the index rebuilt; never a
# failure later (what benchmarks/fuzz_inputs.py found)


def _edited(resolver: canonym.Resolver, edit: Callable[[dict[str, Any]], None]) -> bytes:
    import gzip
    import hashlib

    head, _, body = gzip.decompress(resolver.to_bytes()).partition(b"\n")
    payload = json.loads(body)
    edit(payload)
    # as canonym writes it (UTF-8 text), a lone surrogate as the escape an editor would type
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    body = text.replace("\ud800", "\\ud800").encode("utf-8")
    header = json.loads(head)
    header["sha256"] = hashlib.sha256(body).hexdigest()
    return gzip.compress(json.dumps(header).encode("utf-8") + b"\n" + body)


def test_an_edited_role_or_tier_rebuilds_the_index_instead_of_failing_later() -> None:
    resolver = canonym.Resolver()

    def bad_role(payload: dict[str, Any]) -> None:
        bucket = next(iter(payload["index"]["roles"].values()))
        bucket[0][2] = "no-such-method"

    def lost_tier(payload: dict[str, Any]) -> None:
        del payload["index"]["tiers"]["slavic"]

    for edit in (bad_role, lost_tier):
        opened = canonym.Resolver.from_bytes(_edited(resolver, edit))
        assert opened.resolve("Russian Defense Minister").id == "ru.defmin"
        assert [
            m.id
            for m in canonym.link("Sergei Shoigu met Choe Ryong Hae.", resolver=opened).mentions
        ] == [
            "ru.sergei-shoigu",
            "kp.choe-ryong-hae",
        ]


def test_a_surrogate_escape_in_a_saved_resolver_is_refused() -> None:
    resolver = canonym.Resolver(canonym.default_tables())

    def surrogate(payload: dict[str, Any]) -> None:
        payload["entities"][0][2] = "Kim \ud800"

    with pytest.raises(canonym.IndexFileError, match="surrogate escape"):
        canonym.Resolver.from_bytes(_edited(resolver, surrogate))
    # the same file without the edit opens: the refusal is the surrogate's
    canonym.Resolver.from_bytes(_edited(resolver, lambda payload: None))


def test_the_fuzz_harness_runs() -> None:
    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    import fuzz_inputs

    state = fuzz_inputs.run(300, seed=11, target="all", crashes=None, slow=5.0)
    assert sum(state.tried.values()) == 300
    assert not state.crashes, state.report()
    assert not state.hungry, state.report()
    assert "peak memory" in state.report()


def test_building_or_opening_freezes_nothing() -> None:
    import gc

    before = gc.get_freeze_count()
    r = canonym.Resolver(canonym.default_tables())
    canonym.Resolver.from_bytes(r.to_bytes())
    assert gc.get_freeze_count() == before


def test_a_lone_surrogate_in_a_query_is_read_as_the_replacement_character(
    tmp_path: Path,
) -> None:
    r = canonym.resolve("Kim Jong Un\ud800")
    assert r.query == "Kim Jong Un\ufffd"
    json.dumps(r.to_dict(), ensure_ascii=False).encode("utf-8")  # writable as UTF-8
    target = tmp_path / "out.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "canonym", "resolve", "-o", str(target), "Kim", "Kim\udcff"],
        capture_output=True,
        text=True,
        errors="surrogateescape",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert len(target.read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize("size", [100, 1000])
def test_loading_normalises_each_spelling_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    # the budget per table line (docs/guarantees.md): a bounded amount of work per spelling,
    # counted, not timed
    import canonym.tables

    entities = [
        {
            "id": f"p{i}",
            "kind": "person",
            "name": f"Name Number {i}",
            "aliases": [f"Alias One {i}", f"Alias Two {i}"],
        }
        for i in range(size)
    ]
    path = tmp_path / "people.json"
    path.write_text(json.dumps({"schema": 1, "entity": entities}), encoding="utf-8")
    calls = _count_normalisations(monkeypatch)
    canonym.load_tables(path, defaults=False)
    assert calls[0] <= 3 * size
