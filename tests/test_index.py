"""Tests of the packed index: spellings stored as numbers answer as the objects did."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import canonym
import canonym.index
from canonym.index import Hit, Index, _generated
from canonym.model import Kind, Method
from canonym.snapshot import from_snapshot, to_snapshot
from canonym.text import analyze


@pytest.fixture(scope="module")
def index() -> Index:
    return canonym.default_resolver().index


@pytest.fixture(scope="module")
def opened(index: Index) -> Index:
    data = json.loads(json.dumps(to_snapshot(index), ensure_ascii=False))
    read = from_snapshot(index.tables, data)
    assert read is not None
    return read


def test_every_generated_spelling_is_filed_under_its_key(index: Index) -> None:
    checked = 0
    for entity in index.tables.of_kind(Kind.PERSON):
        for alias in entity.aliases:
            if not alias.native:
                continue
            for made in _generated(alias):
                hits = index.lookup("translit", analyze(made.text).key)
                mine = [h for h in hits if h.entity.id == entity.id]
                assert mine, made
                assert mine[0].method is Method.TRANSLIT
                assert made in mine[0].aliases  # text, system, language and source alike
                checked += 1
    assert checked > 500


def test_buckets_group_spellings_by_entity_in_table_order(index: Index) -> None:
    order = {e.id: i for i, e in enumerate(index.tables)}
    for tier in index.tiers.values():
        for key in list(tier)[:3000]:
            hits: tuple[Hit, ...] = tier[key]
            ids = [order[h.entity.id] for h in hits]
            assert ids == sorted(ids), key
            assert len(set(ids)) == len(ids), key
            assert all(h.aliases for h in hits)


def test_a_read_snapshot_gives_the_same_hits_for_every_key(index: Index, opened: Index) -> None:
    for name, tier in index.tiers.items():
        other = opened.tiers[name]
        assert set(tier) == set(other), name
        for key in tier:
            assert tier[key] == other[key], (name, key)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=30))
def test_unknown_keys_give_no_hits(text: str) -> None:
    index = canonym.default_resolver().index
    key = "\x00" + text  # never a key: keys hold no control characters
    for name in index.tiers:
        assert index.lookup(name, key) == ()
        assert index.tiers[name].get(key) == ()
        assert key not in index.tiers[name]


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("row", 10**9),
        ("row", -1),
        ("row", 1.0),
        ("row", "3"),
        ("row", None),
        ("row in a list", 10**9),
        ("row in a list", -1),
        ("row in a list", "3"),
        ("row in a list", 2.5),
        ("owner", 10**9),
        ("owner", -1),
        ("owner", 2**40),
        ("tag", 60000),
        ("tag", 70000),
        ("tag", -1),
    ],
)
def test_a_snapshot_with_numbers_out_of_range_is_not_read(
    index: Index, where: str, value: object
) -> None:
    data = json.loads(json.dumps(to_snapshot(index), ensure_ascii=False))
    if where == "row":
        key = next(iter(data["tiers"]["exact"]))
        data["tiers"]["exact"][key] = value
    elif where == "row in a list":
        rows = data["tiers"]["exact"]
        key = next(k for k, row in rows.items() if isinstance(row, list))
        rows[key] = [*rows[key][:-1], value]
    elif where == "owner":
        data["made"]["owner"][0] = value
    else:
        data["made"]["tag"][0] = value
    assert from_snapshot(index.tables, data) is None


_NATIVE_ONLY = """
[[entity]]
id = "kz.tokayev"
kind = "person"
name = "Kassym-Jomart Tokayev"
country = "kz"
native = ["Касым-Жомарт Токаев"]

[[entity]]
id = "ru.shoigu"
kind = "person"
name = "Sergey Shoygu"
country = "ru"
native = ["Сергей Шойгу"]
"""


@pytest.mark.parametrize(
    ("query", "expected", "method"),
    [
        ("Kasym-Zhomart Tokaev", "kz.tokayev", Method.TRANSLIT),  # one system's spelling
        ("Kassym-Zhomart Tokayev", "kz.tokayev", Method.NAME),  # a mixture of systems
        ("Sergei Shoigu", "ru.shoigu", Method.TRANSLIT),
        ("Sergei Shoygu", "ru.shoigu", Method.NAME),
        ("Shoygu Sergei", "ru.shoigu", Method.NAME),
    ],
)
def test_press_mixtures_reach_a_native_name_through_the_slavic_key(
    tmp_path: Path, query: str, expected: str, method: Method
) -> None:
    from strategies import resolver_from_toml

    result = resolver_from_toml(tmp_path, _NATIVE_ONLY).resolve(query)
    assert (result.id, result.method) == (expected, method)


def test_the_linker_keys_are_built_on_the_first_link_only(tmp_path: Path) -> None:
    from strategies import resolver_from_toml

    resolver = resolver_from_toml(tmp_path, _NATIVE_ONLY)
    resolver.resolve("Sergei Shoygu")
    assert "span_keys" not in resolver.index._lazy  # resolving alone never needs them
    canonym.link("Sergey Shoygu met Kassym-Jomart Tokayev.", resolver=resolver)
    keys = resolver.index.span_keys
    assert {"sergeyshoygu", "shoygusergey", "kassymjomarttokayev"} <= keys
    assert resolver.index.span_keys is keys  # built once


def test_family_keys_are_built_on_first_use_from_the_family_tier() -> None:
    index = canonym.Resolver().index
    assert "family_keys" not in index._lazy
    keys = index.family_keys
    assert {"shoigu", "shoygu"} <= set(keys["ru.sergei-shoigu"])
    for entity_id, words in keys.items():
        for word in words:
            assert entity_id in {h.entity.id for h in index.lookup("family", word)}
    owners = {h.entity.id for hits in index.tiers["family"].values() for h in hits}
    assert owners == set(keys)
    assert index.family_keys is keys


def _reads_of(attribute: str, tree: ast.AST) -> list[int]:
    """Line numbers where ``tree`` reads ``attribute`` of anything (``x.country`` or
    ``getattr(x, "country")``)."""
    lines = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == attribute
    ]
    lines += [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in {"getattr", "hasattr"}
        and any(isinstance(a, ast.Constant) and a.value == attribute for a in node.args)
    ]
    return sorted(lines)


def test_filing_persons_reads_no_country() -> None:
    # The index files every person's spellings alike, whatever the metadata: nothing in
    # index.py reads a country except the title grammar (Index.title_keys, _keys_of and the
    # organisation lookup it makes with a title's country, Index._org_of_country), which needs
    # a title's and an organisation's country and is only called for titles.
    source = Path(canonym.index.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name in {
            "title_keys",
            "_keys_of",
            "_org_of_country",
        }:
            allowed |= set(_reads_of("country", node))
    assert allowed, "title_keys reads a title's country: the test would check nothing there"
    assert [line for line in _reads_of("country", tree) if line not in allowed] == []


@pytest.mark.parametrize(
    ("name", "aliases"),
    [
        ("Yevgeniy Komarov", ()),  # no country, no native name: a users' table
        ("Kim Jong Un", ("Kim Jong-un",)),
        ("John Smith", ()),
    ],
)
def test_every_person_gets_the_slavic_key_whatever_the_metadata(
    name: str, aliases: tuple[str, ...]
) -> None:
    tables = canonym.Tables.from_entities(
        [
            canonym.Entity(
                id="u.1",
                kind=Kind.PERSON,
                name=name,
                aliases=[canonym.Alias(text=t, script="Latn") for t in (name, *aliases)],
            )
        ]
    )
    index = Index.build(tables)
    assert index.has_slavic_name(list(analyze(name).tokens))
    assert set(index.tiers) == {"exact", "marked", "translit", "slavic", "family"}
