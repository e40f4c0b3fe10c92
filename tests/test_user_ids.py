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


# ---------------------------------------------------------------------------------------------
# Joining a shipped entity: same_as, or the same Wikidata id


def _rows(tmp_path: Path, name: str, header: list[str], rows: list[list[str]]) -> Path:
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_a_row_with_a_shipped_wikidata_id_joins_that_entity(tmp_path: Path) -> None:
    # a spreadsheet with Wikidata ids: the user's Q7747 is the shipped ru.vladimir-putin
    path = _rows(
        tmp_path, "sheet.csv", ["id", "name", "wikidata"], [["Q7747", "Putin V.V.", "Q7747"]]
    )
    resolver = canonym.Resolver.load(path)
    for query in ("Путин", "Vladimir Putin", "Putin V.V."):
        found = resolver.resolve(query)
        assert found.id == "Q7747", query  # the user's own id, as they asked by default
        assert found.entity is not None
        assert found.entity.id == "ru.vladimir-putin"  # the table's id is kept beside it
        assert found.entity.joined == ("Q7747",)
    assert resolver.tables["Q7747"].id == "ru.vladimir-putin"


def test_same_as_joins_and_report_table_keeps_the_shipped_id(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        'schema = 1\n[[entity]]\nid = "MY-1"\nkind = "person"\nname = "Choe Ryong-hae (VP)"\n'
        'same_as = "kp.choe-ryong-hae"\nreport = "table"\n',
        encoding="utf-8",
    )
    resolver = canonym.Resolver.load(path)
    found = resolver.resolve("Choe Ryong-hae (VP)")
    assert found.id == "kp.choe-ryong-hae"
    assert found.entity is not None
    assert found.entity.joined == ("MY-1",)
    assert "MY-1" in resolver.tables


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ('same_as = "nobody.here"', "same_as", "names no entity declared before this entry"),
        ('same_as = "kp.choe-son-hui"\nwikidata = "Q7747"', "wikidata", "same_as names"),
        ('same_as = "kp.fm"', "kind", "is a title"),
        ('same_as = "kp.choe-son-hui"\nreport = "mine"', "report", "must be 'own' or 'table'"),
    ],
)
def test_a_join_that_cannot_be_names_the_file_line_and_field(
    tmp_path: Path, extra: str, field: str, message: str
) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        f'schema = 1\n\n[[entity]]\nid = "X1"\nkind = "person"\nname = "Somebody"\n{extra}\n',
        encoding="utf-8",
    )
    with pytest.raises(TableError) as info:
        canonym.Resolver.load(path)
    ours = [p for p in info.value.problems if p.path == str(path)]
    assert ours, str(info.value)
    assert any(p.field == field and message in p.message and p.line == 3 for p in ours), ours


def test_two_entries_asking_to_report_their_own_id_for_one_entity_are_a_problem(
    tmp_path: Path,
) -> None:
    path = _rows(
        tmp_path,
        "sheet.csv",
        ["id", "name", "wikidata"],
        [["A1", "V. Putin", "Q7747"]],
    )
    more = tmp_path / "more.toml"
    more.write_text(
        'schema = 1\n[[entity]]\nid = "B2"\nkind = "person"\nname = "Putin"\n'
        'same_as = "ru.vladimir-putin"\n',
        encoding="utf-8",
    )
    with pytest.raises(TableError, match="already reports as 'A1'"):
        canonym.Resolver.load(path, more)


def test_a_clash_without_a_join_is_reported_at_the_users_line(tmp_path: Path) -> None:
    path = _rows(
        tmp_path, "sheet.csv", ["id", "name"], [["x", "Somebody Else"], ["NK-1", "Choe Ryong Hae"]]
    )
    with pytest.raises(TableError) as info:
        canonym.Resolver.load(path)
    assert any(p.path == str(path) and p.line == 3 for p in info.value.problems)


def test_a_wikidata_id_twice_in_one_file_joins_nothing(tmp_path: Path) -> None:
    path = _rows(
        tmp_path,
        "sheet.csv",
        ["id", "name", "wikidata"],
        [["A", "Pak Yong Il", "Q1"], ["B", "Kim Tok Hun", "Q1"]],
    )
    resolver = canonym.Resolver.load(path, defaults=False)
    assert resolver.resolve("Pak Yong Il").id == "A"
    assert resolver.resolve("Kim Tok Hun").id == "B"


@pytest.mark.parametrize("fmt", ["toml", "json", "jsonl", "csv"])
def test_a_joined_entity_survives_export_save_and_extend(tmp_path: Path, fmt: str) -> None:
    from canonym.tables import export_tables, load_tables

    path = _rows(
        tmp_path, "sheet.csv", ["id", "name", "wikidata"], [["Q7747", "Putin V.V.", "Q7747"]]
    )
    resolver = canonym.Resolver.load(path)
    out = tmp_path / f"all.{fmt}"
    out.write_text(export_tables(resolver.tables, fmt), encoding="utf-8")
    assert load_tables(out, defaults=False).entities == resolver.tables.entities
    resolver.save(tmp_path / "r.canonym")
    assert canonym.Resolver.open(tmp_path / "r.canonym").resolve("Путин").id == "Q7747"
    more = resolver.extend(aliases={"Q7747": ["Putin Vladimir Vladimirovich"]})
    assert more.resolve("Putin Vladimir Vladimirovich").id == "Q7747"


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(user_ids)
def test_any_user_id_joined_by_same_as_is_what_results_report(tmp_path: Path, own: str) -> None:
    path = tmp_path / "mine.json"
    entity = {"id": own, "kind": "person", "name": "Kim Jong-un", "same_as": "kp.kim-jong-un"}
    if own in canonym.default_tables():
        return  # an id the shipped tables use adds to that entity instead (tested elsewhere)
    path.write_text(json.dumps({"schema": 1, "entity": [entity]}), encoding="utf-8")
    resolver = canonym.Resolver.load(path)
    assert resolver.resolve("Kim Jong Un").id == own
    assert resolver.resolve("Kim Jong Il").id == "kp.kim-jong-il"


# ---------------------------------------------------------------------------------------------
# Exports read back byte for byte, whatever the text


#: Text a table may hold: any character but NUL and lone surrogates (refused at load), with
#: line and paragraph separators, NEL, DEL, tabs, quotes and spaces at either end included.
table_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=["Cs"], exclude_characters="\x00"),
        st.sampled_from(["\u2028", "\u2029", "\x85", "\x7f", "\t", '"', ",", " ", "\r", "\n"]),
    ),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip())


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=table_text,
    alias=table_text,
    note=table_text,
    fmt=st.sampled_from(["toml", "json", "jsonl", "csv"]),
)
def test_exports_read_back_byte_for_byte(
    tmp_path: Path, name: str, alias: str, note: str, fmt: str
) -> None:
    entity = {"id": "P1", "kind": "person", "name": name, "aliases": [alias], "note": note}
    source = tmp_path / "source.json"
    source.write_text(json.dumps({"schema": 1, "entity": [entity]}), encoding="utf-8")
    try:
        tables = canonym.load_tables(source, defaults=False)
    except TableError:
        return  # a spelling that normalises to nothing is a problem; nothing to export
    first = canonym.export_tables(tables, fmt)
    out = tmp_path / f"out.{fmt}"
    out.write_bytes(first.encode("utf-8"))
    back = canonym.load_tables(out, defaults=False)
    assert [(e.name, e.note, [a.text for a in e.aliases]) for e in back] == [
        (e.name, e.note, [a.text for a in e.aliases]) for e in tables
    ]
    assert canonym.export_tables(back, fmt) == first


def test_a_csv_sheet_joins_with_same_as_and_report_columns(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "id,name,same_as,report\n"
        "NK-1,Choe Ryong Hae,kp.choe-ryong-hae,\n"
        "NK-2,Choe Son Hui,kp.choe-son-hui,table\n",
        encoding="utf-8",
    )
    resolver = canonym.Resolver.load(sheet)
    assert resolver.resolve("최룡해").id == "NK-1"
    assert resolver.resolve("최선희").id == "kp.choe-son-hui"
    with pytest.raises(TableError, match=r"sheet\.csv:2.*same_as.*names no entity"):
        canonym.Resolver.load(sheet, defaults=False)
