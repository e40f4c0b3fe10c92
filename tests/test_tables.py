"""Tests of table loading and checking (on the synthetic fixture and on broken files)."""

from __future__ import annotations

from pathlib import Path

import pytest

import canonym
from canonym import Kind, TableError
from conftest import MINI


def write(tmp_path: Path, body: str, name: str = "t.toml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_mini_loads(mini_tables: canonym.Tables) -> None:
    assert len(mini_tables) == 8
    han = mini_tables["xx.han-sol-mi"]
    assert han.kind is Kind.PERSON
    assert han.native_names == ("한솔미",)
    assert han.offices[0].title == "xx.org.minister"
    assert han.sources == ("canonym test fixture",)
    assert "xx.org" in mini_tables
    assert mini_tables.get("nope") is None
    assert [e.id for e in mini_tables.of_kind(Kind.TITLE)] == ["xx.org.minister", "yy.minister"]


def test_unknown_id_raises_typed_error(mini_tables: canonym.Tables) -> None:
    with pytest.raises(canonym.UnknownEntityError) as info:
        mini_tables["xx.nobody"]
    assert isinstance(info.value, KeyError)
    assert "xx.nobody" in str(info.value)


def test_alias_tags_are_kept(mini_tables: canonym.Tables) -> None:
    alias = next(a for a in mini_tables["xx.han-sol-mi"].aliases if a.text == "Hahn Solmi")
    assert (alias.system, alias.source, alias.script) == ("press", "fixture", "Latn")


BROKEN = """\
schema = 1

[[entity]]
id = "a.one"
kind = "person"
name = "One Person"
colour = "blue"

[[entity]]
id = "a.one"
kind = "person"
name = "Another"

[[entity]]
id = "a.two"
kind = "robot"
name = ""

[[entity]]
id = "a.three"
kind = "title"
name = "Chief"
organisation = "a.missing"

[[entity]]
id = "a.four"
kind = "person"
name = "Four"
born = "1990-13-01"
not_same_as = ["a.ghost"]
aliases = ["One Person", { text = "x", colour = 1 }, ""]

[[entity.offices]]
title = "a.one"
start = "2020"
end = "2019"

[[entity]]
kind = "organisation"
note = "neither id nor name"
"""


def test_every_problem_is_reported_with_file_line_entry(tmp_path: Path) -> None:
    path = write(tmp_path, BROKEN)
    problems = canonym.check_tables(path, defaults=False)
    text = "\n".join(str(p) for p in problems)
    expectations = [
        ("a.one", "colour", "unknown field"),
        ("a.one", "id", "duplicate id"),
        ("a.two", "kind", "must be person, title or organisation"),
        ("a.two", "name", "must not be empty"),
        ("a.three", "organisation", "unknown organisation 'a.missing'"),
        ("a.four", "born", "not a date"),
        ("a.four", "not_same_as", "unknown entity 'a.ghost'"),
        ("a.four", "aliases[1].colour", "unknown alias field"),
        ("a.four", "aliases[2]", "must not be empty"),
        ("a.four", "offices[0]", "after end"),
        ("a.four", "offices", "'a.one' is a person, not a title"),
        ("a.four", "aliases", "also claimed by"),
        ("entity[5]", "id", "is required"),
        ("entity[5]", "name", "is required"),
    ]
    for entry, field, message in expectations:
        assert any(
            p.entry == entry and p.field == field and message in p.message for p in problems
        ), (entry, field, message, text)
    assert all(p.path == str(path) for p in problems)
    line_of = {p.entry: p.line for p in problems}
    assert line_of["a.two"] == 14  # the line of its [[entity]] header
    assert line_of["a.three"] == 19


def test_load_raises_one_error_listing_everything(tmp_path: Path) -> None:
    path = write(tmp_path, BROKEN)
    with pytest.raises(TableError) as info:
        canonym.load_tables(path, defaults=False)
    assert isinstance(info.value, ValueError)
    assert len(info.value.problems) >= 13
    assert str(path) in str(info.value)


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'schema = 1\n\n[[entity]]\nid = "x\n')
    (problem,) = canonym.check_tables(path, defaults=False)
    assert problem.line == 4
    assert "invalid TOML" in problem.message


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("schema = 2\n", "schema must be 1"),
        ("entity = 3\nschema = 1\n", "must be an array of tables"),
        ("schema = 1\nextra = true\n", "unknown top-level field"),
    ],
)
def test_file_level_problems(tmp_path: Path, body: str, message: str) -> None:
    problems = canonym.check_tables(write(tmp_path, body), defaults=False)
    assert any(message in p.message for p in problems), problems


def test_unreadable_and_undecodable_files(tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    (problem,) = canonym.check_tables(missing, defaults=False)
    assert "cannot read" in problem.message
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    (problem,) = canonym.check_tables(binary, defaults=False)
    assert "not UTF-8" in problem.message
    with pytest.raises(TableError):
        canonym.load_tables(missing, defaults=False)


def test_unmarked_shared_alias_is_a_conflict_and_marked_is_fine(tmp_path: Path) -> None:
    base = """schema = 1
[[entity]]
id = "p.a"
kind = "person"
name = "Pak Ok"
[[entity]]
id = "p.b"
kind = "person"
name = "Pak Ok Jr"
aliases = [{{ text = "Pak-Ok", shared = {flag} }}]
"""
    problems = canonym.check_tables(write(tmp_path, base.format(flag="false")), defaults=False)
    assert {p.entry for p in problems} == {"p.a", "p.b"}
    both = base.format(flag="true").replace(
        'name = "Pak Ok"\n', 'name = "Pak Ok"\naliases = [{ text = "Pak Ok", shared = true }]\n', 1
    )
    assert canonym.check_tables(write(tmp_path, both, "ok.toml"), defaults=False) == []


def test_user_file_is_checked_against_shipped_ids(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'schema = 1\n[[entity]]\nid = "kp.kim-jong-un"\nkind = "person"\nname = "Copy"\n',
    )
    (problem,) = canonym.check_tables(path)
    assert (problem.entry, problem.field, problem.line) == ("kp.kim-jong-un", "name", 2)
    assert "conflicts with 'Kim Jong Un'" in problem.message
    assert "replace = true" in problem.message


def test_tables_from_entities_checks_too() -> None:
    entity = canonym.Entity(id="z.a", kind=Kind.TITLE, name="Z", organisation="z.none")
    with pytest.raises(TableError, match="unknown organisation"):
        canonym.Tables.from_entities([entity])


def test_fixture_is_valid() -> None:
    assert canonym.check_tables(MINI, defaults=False) == []


def test_a_spelling_that_normalises_to_nothing_is_named(tmp_path: Path) -> None:
    body = (
        'schema = 1\n\n[[entity]]\nid = "a.one"\nkind = "person"\nname = "Ri Il"\n'
        'aliases = ["Ri Il-hwan", "!!!"]\n'
    )
    path = write(tmp_path, body)
    (problem,) = canonym.check_tables(path, defaults=False)
    assert (problem.path, problem.line, problem.entry, problem.field) == (
        str(path),
        3,
        "a.one",
        "aliases",
    )
    assert problem.message == "alias '!!!' normalises to nothing"


def test_entities_made_in_python_are_held_to_the_same_rule() -> None:
    entity = canonym.Entity(
        id="a.one",
        kind=Kind.PERSON,
        name="Ri Il",
        aliases=[
            canonym.Alias(text="Ri Il", script="Latn"),
            canonym.Alias(text="--", script="Zyyy"),
        ],
    )
    with pytest.raises(TableError, match="normalises to nothing"):
        canonym.Tables.from_entities([entity])
