"""canonym.dask: resolving and linking over Dask bags and dataframes, on a two-worker
LocalCluster, gives the plain resolver's answers in input order, and ships each resolver as
data (its saved bytes), built once per worker process."""

from __future__ import annotations

import hashlib
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

import canonym  # noqa: E402
import canonym.dask as cdask  # noqa: E402
from canonym import Kind, Status  # noqa: E402

NAMES = [
    "Choe Ryong Hae",
    "최룡해",
    "Andrei Belousov",
    "Андрей Белоусов",
    "Kim Jong Un",
    "nobody at all",
    "Choe",
    "KIM, Jong Un",
    "",
    "Russian Defense Minister",
    "Foreign Minister Choe",
    "Ch'oe Ryong-hae",
]

ARTICLES = [
    "Kim Jong Un met Andrei Belousov in Pyongyang on Thursday.",
    "Министр обороны Андрей Белоусов прибыл в Пхеньян.",
    "최룡해 위원장이 참석했다.",
    "",
    "Nothing here names anyone at all.",
]

TABLE = """\
schema = 1
source = "canonym dask test"

[[entity]]
id = "zz.ministry"
kind = "organisation"
name = "Ministry of Examples"
aliases = ["MoE", "Examples Ministry"]

[[entity]]
id = "zz.han-sol-mi"
kind = "person"
name = "Han Sol-mi"
family_name = "Han"
country = "kp"
native = ["한솔미"]
aliases = [{ text = "Hahn Solmi", system = "press", source = "test" }]

[[entity]]
id = "zz.pak-ok"
kind = "person"
name = "Pak Ok"
family_name = "Pak"
aliases = [{ text = "Pak Ok", shared = true }]

[[entity]]
id = "zz.pak-ok-2"
kind = "person"
name = "Pak Ok (b. 1950)"
family_name = "Pak"
aliases = [{ text = "Pak Ok", shared = true }]

[[entity]]
id = "zz.ivan-testov"
kind = "person"
name = "Ivan Testov"
family_name = "Testov"
native = ["Иван Тестов"]
aliases = ["Iwan Testow"]
"""

CUSTOM_NAMES = [
    "Han Sol-mi",
    "한솔미",
    "Hahn Solmi",
    "Pak Ok",
    "Ivan Testov",
    "Иван Тестов",
    "MoE",
    "Kim Jong Un",  # in the shipped tables, not in these
    "nobody at all",
]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    # distributed keeps a helper thread ("Dask-Offload") alive after every client has closed;
    # a thread left running would keep later tests' resolve_many from forking its workers.
    # Give it a pool of its own while the cluster runs, then shut that pool down.
    before = set(threading.enumerate())
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="Dask-Offload")
    with pytest.MonkeyPatch.context() as patch:
        if hasattr(distributed.utils, "_offload_executor"):
            patch.setattr(distributed.utils, "_offload_executor", pool)
        with (
            distributed.LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            yield client
    pool.shutdown(wait=True)
    deadline = time.monotonic() + 10
    while set(threading.enumerate()) - before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not set(threading.enumerate()) - before, [t.name for t in threading.enumerate()]


@pytest.fixture(scope="module")
def custom(tmp_path_factory: pytest.TempPathFactory) -> canonym.Resolver:
    path = tmp_path_factory.mktemp("tables") / "people.toml"
    path.write_text(TABLE, encoding="utf-8")
    return canonym.Resolver(canonym.load_tables(path, defaults=False))


def summary(results: list[canonym.Resolution]) -> list[tuple[str | None, Status, float]]:
    return [(r.id, r.status, r.score) for r in results]


def test_resolve_bag_gives_the_resolvers_answers_in_order(client: Any) -> None:
    resolver = canonym.default_resolver()
    expected = [resolver.resolve(t) for t in NAMES]
    got = cdask.resolve_bag(db.from_sequence(NAMES, npartitions=4)).compute()
    assert summary(got) == summary(expected)
    assert got == expected  # the whole answer: candidates, evidence, title
    assert [r.query for r in got] == NAMES
    ids = {r.query: r.id for r in got}
    assert ids["최룡해"] == ids["Choe Ryong Hae"] == "kp.choe-ryong-hae"
    assert ids["Андрей Белоусов"] == ids["Andrei Belousov"] == "ru.andrei-belousov"
    assert ids["nobody at all"] is None
    assert {r.query: r.status for r in got}["Choe"] is Status.AMBIGUOUS


def test_resolve_bag_passes_kinds_and_on(client: Any) -> None:
    resolver = canonym.default_resolver()
    kinds = {Kind.TITLE, Kind.ORGANISATION}
    expected = [resolver.resolve(t, kinds=kinds, on="2024-06") for t in NAMES]
    bag = db.from_sequence(NAMES, npartitions=3)
    got = cdask.resolve_bag(bag, kinds=kinds, on="2024-06").compute()
    assert got == expected
    assert all(r.entity is None or r.entity.kind in kinds for r in got)


def test_link_bag_gives_the_resolvers_documents_in_order(client: Any) -> None:
    resolver = canonym.default_resolver()
    expected = [canonym.link(t, resolver=resolver) for t in ARTICLES]
    got = cdask.link_bag(db.from_sequence(ARTICLES, npartitions=2)).compute()
    assert [d.to_dict() for d in got] == [d.to_dict() for d in expected]
    assert got == expected
    assert [m.id for m in got[0]] == ["kp.kim-jong-un", "ru.andrei-belousov"]


def test_resolve_frame_adds_columns_with_the_resolvers_answers(client: Any) -> None:
    resolver = canonym.default_resolver()
    rows = [*NAMES, None]
    pdf = pd.DataFrame({"who": rows, "n": range(len(rows))}, index=range(100, 100 + len(rows)))
    frame = dd.from_pandas(pdf, npartitions=3)
    out = cdask.resolve_frame(frame, "who")
    assert list(out.columns) == [
        "who",
        "n",
        "canonym_id",
        "canonym_status",
        "canonym_score",
        "canonym_name",
    ]
    got = out.compute()
    assert got.dtypes.to_dict() == out.dtypes.to_dict()  # the meta is right
    assert list(got.index) == list(pdf.index)
    assert list(got["n"]) == list(pdf["n"])
    expected = [resolver.resolve(t) for t in NAMES]
    assert [None if pd.isna(v) else v for v in got["canonym_id"]] == [r.id for r in expected] + [
        None
    ]
    assert list(got["canonym_status"][:-1]) == [r.status.value for r in expected]
    assert list(got["canonym_score"][:-1]) == [r.score for r in expected]
    names = [None if pd.isna(v) else v for v in got["canonym_name"][:-1]]
    assert names == [r.entity.name if r.entity else None for r in expected]
    last = got.iloc[-1]  # a missing name gives missing answers
    assert all(pd.isna(last[c]) for c in ["canonym_id", "canonym_status", "canonym_score"])


def test_custom_tables_give_their_own_answers(client: Any, custom: canonym.Resolver) -> None:
    expected = [custom.resolve(t) for t in CUSTOM_NAMES]
    got = cdask.resolve_bag(db.from_sequence(CUSTOM_NAMES, npartitions=3), custom).compute()
    assert got == expected
    assert [r.id for r in got[:3]] == ["zz.han-sol-mi"] * 3
    assert got[3].status is Status.AMBIGUOUS  # two people called Pak Ok
    assert got[7].status is Status.UNMATCHED  # Kim Jong Un is not in these tables
    frame = dd.from_pandas(pd.DataFrame({"who": CUSTOM_NAMES}), npartitions=2)
    ids = cdask.resolve_frame(frame, "who", custom)["canonym_id"].compute()
    assert [None if pd.isna(v) else v for v in ids] == [r.id for r in expected]
    bigger = custom.extend(aliases={"zz.ivan-testov": ["Vanya Testoff"]})
    got = cdask.resolve_bag(db.from_sequence(["Vanya Testoff", "Pak Ok"]), bigger).compute()
    assert [r.id for r in got] == ["zz.ivan-testov", None]


def test_each_worker_builds_each_resolver_once(client: Any, custom: canonym.Resolver) -> None:
    # this module uses three resolvers (shipped, custom, custom extended): fewer than the
    # per-process cache holds, so none is ever evicted and rebuilt
    assert cdask.CACHE_SIZE >= 3
    texts = NAMES * 4
    for resolver in (None, custom, None, custom):
        bag = db.from_sequence(texts, npartitions=12)
        cdask.resolve_bag(bag, resolver).compute()
        cdask.link_bag(db.from_sequence(ARTICLES, npartitions=5), resolver).compute()
    digests = {cdask._saved_bytes(r)[0] for r in (canonym.default_resolver(), custom)}
    per_worker = client.run(cdask._cache_info)
    assert len(per_worker) == 2
    built: set[str] = set()
    for info in per_worker.values():
        assert all(count == 1 for count in info["builds"].values()), info
        assert len(info["cached"]) <= cdask.CACHE_SIZE
        built |= set(info["builds"])
    assert digests <= built


def test_the_graph_holds_the_saved_bytes_once_and_no_resolver(
    client: Any, custom: canonym.Resolver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    digest, data = cdask._saved_bytes(custom)
    assert cdask._saved_bytes(custom)[1] is data  # computed once per resolver
    custom.save(tmp_path / "custom.canonym")
    assert data == (tmp_path / "custom.canonym").read_bytes()  # what Resolver.save writes
    assert digest == hashlib.sha256(data).hexdigest()

    def refuse(self: object, protocol: object) -> object:
        raise AssertionError("a Resolver was pickled")

    monkeypatch.setattr(canonym.Resolver, "__reduce_ex__", refuse)
    with pytest.raises(AssertionError, match="was pickled"):
        pickle.dumps(custom)
    # without a distributed client: one delayed key holding the bytes
    monkeypatch.setattr(cdask, "_active_client", lambda: None)
    bag = cdask.resolve_bag(db.from_sequence(CUSTOM_NAMES, npartitions=3), custom)
    graph = dict(bag.__dask_graph__())
    shipped = [k for k in graph if str(k).startswith("canonym-resolver-")]
    assert shipped == [f"canonym-resolver-{digest}"]
    assert bag.compute() == [custom.resolve(t) for t in CUSTOM_NAMES]  # graph pickled: fine
    assert bag.compute(scheduler="sync") == [custom.resolve(t) for t in CUSTOM_NAMES]
    # with the client: scattered under the same name, the graph holds a reference
    monkeypatch.undo()
    monkeypatch.setattr(canonym.Resolver, "__reduce_ex__", refuse)
    bag = cdask.resolve_bag(db.from_sequence(CUSTOM_NAMES, npartitions=3), custom)
    assert not any(str(k).startswith("canonym-resolver-") for k in bag.__dask_graph__())
    scattered = [k for k in client.who_has() if k.startswith(f"canonym-resolver-{digest}-")]
    assert scattered  # on the workers already
    assert bag.compute() == [custom.resolve(t) for t in CUSTOM_NAMES]


def test_arguments_are_checked_before_any_work(client: Any) -> None:
    bag = db.from_sequence(["Kim Jong Un"])
    with pytest.raises(TypeError, match=r"dask\.bag\.Bag"):
        cdask.resolve_bag(["Kim Jong Un"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"canonym\.Resolver"):
        cdask.resolve_bag(bag, "shipped")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"canonym\.Kind"):
        cdask.resolve_bag(bag, kinds=["person"])  # type: ignore[list-item]
    with pytest.raises(ValueError):  # noqa: PT011 - the date parser's own message
        cdask.link_bag(bag, on="not a date")
    frame = dd.from_pandas(pd.DataFrame({"who": ["Kim Jong Un"]}), npartitions=1)
    with pytest.raises(KeyError, match="no column 'name'"):
        cdask.resolve_frame(frame, "name")
    with pytest.raises(TypeError, match="DataFrame"):
        cdask.resolve_frame(frame.compute(), "who")
    clashing = dd.from_pandas(pd.DataFrame({"who": ["x"], "x_id": [1]}), npartitions=1)
    with pytest.raises(ValueError, match="already has column"):
        cdask.resolve_frame(clashing, "who", prefix="x_")
    failing = cdask.resolve_bag(db.from_sequence(["Kim Jong Un", 42]))
    with pytest.raises(TypeError, match="takes a str"):
        failing.compute()


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )


def test_without_dask_the_import_error_says_what_to_install() -> None:
    done = run_python(
        "import sys\n"
        "sys.modules['dask'] = None\n"
        "import canonym\n"
        "assert canonym.resolve('Kim Jong Un').id == 'kp.kim-jong-un'\n"
        "try:\n"
        "    import canonym.dask\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    assert done.returncode == 0, done.stderr
    assert "pip install 'canonym[dask]'" in done.stdout


def test_import_canonym_does_not_import_dask() -> None:
    done = run_python(
        "import sys, canonym\n"
        "canonym.resolve('Kim Jong Un'); canonym.link('Kim Jong Un')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'dask', 'distributed'}))\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
