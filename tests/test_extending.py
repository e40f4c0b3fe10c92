"""Users extend the tables: their own files in four formats, merged with the shipped ones,
checked, exported, with ids that never move."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import canonym
from canonym import Kind, Status, TableError
from canonym.cli import main
from conftest import MINI


def write(folder: Path, name: str, body: str | bytes) -> Path:
    path = folder / name
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8", newline="")
    return path


def test_csv_one_alias_per_row(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "people.csv",
        "id,name,kind,lang,source\n"
        "kr.lee-sang-min,Lee Sang-min,person,,my newsroom\n"
        "kr.lee-sang-min,이상민,,ko,my newsroom\n"
        "kr.lee-sang-min,Yi Sang-min,,,\n"
        "kp.no-kwang-chol,No Gwanchol,,,a typo we met\n",
    )
    resolver = canonym.Resolver.load(path)
    r = resolver.resolve("Yi Sang-min")
    assert r.id == "kr.lee-sang-min"
    assert resolver.resolve("이상민").id == "kr.lee-sang-min"
    hit = resolver.resolve("No Gwanchol")
    assert (hit.id, hit.method) == ("kp.no-kwang-chol", canonym.Method.EXACT)
    assert f"from {path}" in hit.explain()
    assert resolver.tables["kp.no-kwang-chol"].name == "No Kwang Chol"  # added to, not replaced


def test_json_and_json_lines(tmp_path: Path) -> None:
    entity = {"id": "kr.kim-min-ji", "kind": "person", "name": "Kim Min-ji", "native": ["김민지"]}
    as_json = write(tmp_path, "a.json", json.dumps({"schema": 1, "entity": [entity]}))
    as_list = write(
        tmp_path,
        "b.json",
        json.dumps(
            [{**entity, "id": "kr.kim-min-ji-2", "name": "Kim Min-ji (b. 1990)", "native": []}]
        ),
    )
    as_lines = write(
        tmp_path,
        "c.jsonl",
        '{"schema": 1}\n'
        + json.dumps({"id": "kr.park-ji-won", "kind": "person", "name": "Park Ji-won"})
        + "\n",
    )
    tables = canonym.load_tables(as_json, as_list, as_lines, defaults=False)
    assert {e.id for e in tables} == {"kr.kim-min-ji", "kr.kim-min-ji-2", "kr.park-ji-won"}


def test_merge_replace_and_remove(tmp_path: Path) -> None:
    add = write(
        tmp_path,
        "add.toml",
        'schema = 1\n[[entity]]\nid = "kp.kim-jong-un"\naliases = ["Kim the Third"]\n',
    )
    remove = write(
        tmp_path,
        "remove.toml",
        'schema = 1\n[[entity]]\nid = "kp.kim-jong-un"\nremove_aliases = ["Kim Jong Eun"]\n',
    )
    replace = write(
        tmp_path,
        "replace.toml",
        'schema = 1\n[[entity]]\nid = "kp.kim-jong-un"\n'
        'replace = true\nkind = "person"\nname = "Kim Jong Un"\n'
        'family_name = "Kim"\ncountry = "kp"\n',
    )
    added = canonym.Resolver.load(add)
    assert added.resolve("Kim the Third").id == "kp.kim-jong-un"
    assert added.resolve("Kim Jong Eun").id == "kp.kim-jong-un"
    removed = canonym.Resolver.load(remove)
    assert "Kim Jong Eun" not in {a.text for a in removed.tables["kp.kim-jong-un"].aliases}
    replaced = canonym.load_tables(replace)
    assert [a.text for a in replaced["kp.kim-jong-un"].aliases] == ["Kim Jong Un"]
    bad = write(
        tmp_path,
        "bad.toml",
        'schema = 1\n[[entity]]\nid = "kp.kim-jong-un"\nremove_aliases = ["Not An Alias"]\n',
    )
    (problem,) = canonym.check_tables(bad)
    assert (problem.path, problem.field, problem.line) == (str(bad), "remove_aliases", 2)
    assert "no spelling 'Not An Alias'" in problem.message


def test_conflicts_are_problems_not_overwrites(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "clash.toml",
        'schema = 1\n[[entity]]\nid = "new.person"\n'
        'kind = "person"\nname = "Someone"\naliases = ["Kim Jong Un"]\n',
    )
    problems = canonym.check_tables(path)
    assert any(p.entry == "new.person" and "also claimed by" in p.message for p in problems)
    with pytest.raises(TableError):
        canonym.Resolver.load(path)
    shared = write(
        tmp_path,
        "shared.toml",
        'schema = 1\n[[entity]]\nid = "new.person"\n'
        'kind = "person"\nname = "Someone"\n'
        'aliases = [{ text = "Choe", shared = true }]\n',
    )
    assert canonym.check_tables(shared) == []


def test_derived_ids_are_deterministic_and_collisions_are_errors(tmp_path: Path) -> None:
    assert canonym.derive_id("person", "Lee Sang-min") == "person.lee-sang-min"
    assert canonym.derive_id("person", "최룡해") == "person.coeryonghae"
    assert canonym.derive_id("person", "!!!") is None
    one = write(
        tmp_path, "one.toml", 'schema = 1\n[[entity]]\nkind = "person"\nname = "Lee Sang-min"\n'
    )
    assert [e.id for e in canonym.load_tables(one, defaults=False)] == ["person.lee-sang-min"]
    two = write(
        tmp_path, "two.toml", 'schema = 1\n[[entity]]\nkind = "person"\nname = "Lee Sang-min"\n'
    )
    problems = canonym.check_tables(one, two, defaults=False)
    assert any("already declared" in p.message and p.path == str(two) for p in problems)


def test_extend_returns_a_new_resolver(mini: canonym.Resolver) -> None:
    bigger = mini.extend(
        entities=[{"id": "xx.kim-ok", "kind": "person", "name": "Kim Ok", "family_name": "Kim"}],
        aliases={"xx.han-sol-mi": ["Comrade Sunflower"]},
    )
    assert bigger.resolve("Kim Ok").id == "xx.kim-ok"
    assert bigger.resolve("Comrade Sunflower").id == "xx.han-sol-mi"
    assert mini.resolve("Kim Ok").status is Status.UNMATCHED  # the old one is unchanged
    assert mini.resolve("Comrade Sunflower").id is None
    entity = canonym.Entity(
        id="xx.extra",
        kind=Kind.PERSON,
        name="Extra Person",
        aliases=[canonym.Alias(text="Extra Person", script="Latn")],
    )
    assert mini.extend(entities=[entity]).resolve("EXTRA PERSON").id == "xx.extra"
    with pytest.raises(TableError, match="unknown entity"):
        mini.extend(
            entities=[{"id": "xx.y", "kind": "person", "name": "Y", "not_same_as": ["xx.nobody"]}]
        )


@pytest.mark.parametrize("fmt", ["toml", "json", "jsonl", "csv"])
def test_export_then_load_gives_the_same_tables(tmp_path: Path, fmt: str) -> None:
    tables = canonym.default_tables()
    path = write(tmp_path, f"all.{fmt}", canonym.export_tables(tables, fmt))
    again = canonym.load_tables(path, defaults=False)
    assert again.entities == tables.entities
    again_twice = canonym.export_tables(again, fmt)
    assert again_twice == path.read_text(encoding="utf-8")


@settings(max_examples=10)
@given(st.randoms(use_true_random=False))
def test_order_of_entries_does_not_change_answers(rng: random.Random) -> None:
    tables = canonym.load_tables(MINI, defaults=False)
    shuffled = list(tables.entities)
    rng.shuffle(shuffled)
    a, b = canonym.Resolver(tables), canonym.Resolver(canonym.Tables(shuffled))
    for entity in tables:
        for alias in entity.aliases:
            ra, rb = a.resolve(alias.text), b.resolve(alias.text)
            assert (ra.status, ra.id, [c.id for c in ra.candidates]) == (
                rb.status,
                rb.id,
                [c.id for c in rb.candidates],
            )


def test_order_of_files_does_not_matter_when_they_do_not_conflict(tmp_path: Path) -> None:
    one = write(tmp_path, "one.csv", "id,name\nxx.a,Alpha Person\n")
    two = write(tmp_path, "two.csv", "id,name\nxx.b,Beta Person\n")
    ab = canonym.load_tables(MINI, one, two, defaults=False)
    ba = canonym.load_tables(MINI, two, one, defaults=False)
    assert sorted(ab.entities, key=lambda e: e.id) == sorted(ba.entities, key=lambda e: e.id)


@settings(max_examples=15)
@given(st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=8, max_size=14))
def test_adding_an_unrelated_entity_changes_no_shipped_answer(name: str) -> None:
    base = canonym.default_resolver()
    bigger = base.extend(entities=[{"id": "zz.extra", "kind": "person", "name": name.title()}])
    for entity in list(base.tables)[::7]:
        for alias in entity.aliases[:3]:
            assert bigger.resolve(alias.text).id == base.resolve(alias.text).id
    assert {e.id for e in base.tables} < {e.id for e in bigger.tables}


MALFORMED: list[tuple[str, bytes, str]] = [
    ("truncated.toml", b'schema = 1\n[[entity]]\nid = "x.a"\nname = "A', "invalid TOML"),
    (
        "types.toml",
        b'schema = 1\n[[entity]]\nid = 3\nkind = "person"\nname = ["A"]\n',
        "must be a string",
    ),
    ("duplicate-header.toml", b"schema = 1\nschema = 1\n", "invalid TOML"),
    (
        "latin1.toml",
        'schema = 1\n[[entity]]\nid = "x.a"\nname = "Müller"\n'.encode("latin-1"),
        "not UTF-8",
    ),
    ("binary.toml", b"\x00\x01\x02schema", "binary"),
    ("empty.toml", b"", "schema must be 1"),
    ("truncated.json", b'{"schema": 1, "entity": [{"id": "x.a"', "invalid JSON"),
    ("scalar.json", b"42", "must be an object"),
    (
        "bad-line.jsonl",
        b'{"schema": 1}\n{"id": "x.a", "kind": "person", "name": "A"}\n{oops\n',
        "invalid JSON",
    ),
    ("no-header.csv", b"x.a,A\n", "header row"),
    ("ragged.csv", b"id,name\nx.a,A,extra\n", "more cells"),
    ("kind.csv", b"id,name,kind\nx.a,A,robot\n", "person, title or organisation"),
]


@pytest.mark.parametrize(("name", "body", "message"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_files_give_clear_errors(
    tmp_path: Path, name: str, body: bytes, message: str
) -> None:
    path = write(tmp_path, name, body)
    problems = canonym.check_tables(path, defaults=False)
    assert problems, name
    assert all(p.path == str(path) for p in problems)
    assert any(message in p.message for p in problems), [str(p) for p in problems]
    with pytest.raises(TableError) as info:
        canonym.Resolver.load(path, defaults=False)
    assert str(path) in str(info.value)


def test_bom_and_windows_line_endings_are_fine(tmp_path: Path) -> None:
    body = '\ufeffschema = 1\r\n[[entity]]\r\nid = "x.a"\r\nkind = "person"\r\nname = "A B"\r\n'
    path = write(tmp_path, "windows.toml", body.encode("utf-8"))
    assert [e.id for e in canonym.load_tables(path, defaults=False)] == ["x.a"]
    csv_path = write(tmp_path, "windows.csv", "\ufeffid,name\r\nx.b,B C\r\n".encode())
    assert [e.id for e in canonym.load_tables(csv_path, defaults=False)] == ["x.b"]


def test_a_large_csv_with_one_bad_row_names_that_row(tmp_path: Path) -> None:
    rows = [f"x.p{i},Person Number {i}" for i in range(100_000)]
    rows[99_990] = "x.p99990,"  # an empty name
    path = write(tmp_path, "big.csv", "id,name,kind\n" + "\n".join(r + ",person" for r in rows))
    problems = canonym.check_tables(path, defaults=False)
    assert [(p.line, p.entry) for p in problems] == [(99_992, "x.p99990")]


def test_cli_export_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "merged.csv"
    extra = write(tmp_path, "extra.csv", "id,name\nkr.lee-sang-min,Lee Sang-min\n")
    assert main(["export", "--format", "csv", "--table", str(extra), "-o", str(out)]) == 0
    assert "kr.lee-sang-min" in out.read_text(encoding="utf-8")
    assert main(["check", str(extra)]) == 0
    capsys.readouterr()
    assert main(["export", "--no-defaults", "--table", str(extra), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [e["id"] for e in data["entity"]] == ["kr.lee-sang-min"]


def test_tables_from_any_format_can_be_extended_and_saved(tmp_path: Path) -> None:
    csv_file = write(tmp_path, "people.csv", "id,name\nkr.lee-sang-min,Lee Sang-min\n")
    jsonl_file = write(
        tmp_path, "more.jsonl", '{"id": "kr.kim-min-ji", "kind": "person", "name": "Kim Min-ji"}\n'
    )
    resolver = canonym.Resolver.load(csv_file, jsonl_file)
    bigger = resolver.extend(aliases={"kr.lee-sang-min": ["Yi Sang-min"]})
    assert bigger.resolve("Yi Sang-min").id == "kr.lee-sang-min"
    assert bigger.tables["kr.kim-min-ji"].origin == str(jsonl_file)
    saved = tmp_path / "r.canonym"
    bigger.save(saved)
    opened = canonym.Resolver.open(saved)
    assert opened.tables.entities == bigger.tables.entities
    assert opened.tables["kr.lee-sang-min"].origin == str(csv_file)
