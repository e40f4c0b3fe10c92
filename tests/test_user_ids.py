"""Ids as users have them: kept exactly (case included), through every format and a save."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import canonym
from canonym import TableError

#: Ids as they come in real lists: Wikidata QIDs, EU annex references, hashes, mixed case.
REAL_IDS = ["Q56226", "eu-32017R1509-XIIIA-8", "NK-3ad2f9", "cn-Q551904", "Person 12", "Ид-7"]

#: Any id canonym must keep: no control characters, no surrounding whitespace, not empty.
user_ids = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=["Cc", "Cs", "Zl", "Zp"], exclude_characters="\x85"
    ),
    min_size=1,
    max_size=30,
).filter(lambda s: s == s.strip() and s.strip())


def _csv_table(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    path = tmp_path / "people.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "name"])
        writer.writerows(rows)
    return path


def test_real_ids_are_kept_exactly(tmp_path: Path) -> None:
    names = ["Choe Ryong Hae", "Andrei Belousov", "Ri Pyong Chol", "Wang Yi", "Jo Yong Won", "X Y"]
    path = _csv_table(tmp_path, list(zip(REAL_IDS, names, strict=True)))
    resolver = canonym.Resolver.load(path, defaults=False)
    for entity_id, name in zip(REAL_IDS, names, strict=True):
        assert resolver.resolve(name).id == entity_id
        assert resolver.tables[entity_id].name == name


def test_ids_differing_only_in_case_are_different_entities(tmp_path: Path) -> None:
    path = _csv_table(tmp_path, [("q1", "Kim Tok Hun"), ("Q1", "Kim Song Nam")])
    resolver = canonym.Resolver.load(path, defaults=False)
    assert resolver.resolve("Kim Tok Hun").id == "q1"
    assert resolver.resolve("Kim Song Nam").id == "Q1"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (" Q1", "must not start or end with whitespace"),
        ("Q1 ", "must not start or end with whitespace"),
        ("Q\x001", "control character U+0000"),
        ("Q\x1b1", "control character U+001B"),
        ("Q\u20281", "control character U+2028"),
    ],
)
def test_bad_ids_name_the_file_line_and_fault(tmp_path: Path, bad: str, message: str) -> None:
    path = tmp_path / "people.json"

    path.write_text(json.dumps([{"id": bad, "kind": "person", "name": "Kim Tok Hun"}]))
    with pytest.raises(TableError) as caught:
        canonym.Resolver.load(path, defaults=False)
    problems = caught.value.problems
    assert len(problems) == 1
    assert problems[0].path == str(path)
    assert problems[0].field == "id"
    assert message in problems[0].message


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(entity_id=user_ids, fmt=st.sampled_from(["toml", "json", "jsonl", "csv"]))
def test_any_valid_id_survives_every_format_and_a_save(
    tmp_path: Path, entity_id: str, fmt: str
) -> None:
    source = tmp_path / f"one.{fmt}"
    base = canonym.Tables.from_entities(
        [canonym.Entity(id=entity_id, kind=canonym.Kind.PERSON, name="Kim Tok Hun")]
    )
    source.write_text(canonym.export_tables(base, fmt), encoding="utf-8", newline="")
    resolver = canonym.Resolver.load(source, defaults=False)
    assert [e.id for e in resolver.tables] == [entity_id]
    again = canonym.Resolver.from_bytes(resolver.to_bytes())
    assert again.resolve("Kim Tok Hun").id == entity_id
