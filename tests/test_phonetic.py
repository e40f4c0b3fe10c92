"""Misspellings and other romanizations: what reaches a person through the name engine (which
replaced the index's phonetic tier), and the romanization-blind slavic key the linker uses."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import canonym
from canonym import Method, Status
from strategies import resolver_from_toml


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Andrei Belousaw", "ru.andrei-belousov"),
        ("Belousaw Andrei", "ru.andrei-belousov"),
        ("Wolodymyr Selenskyj", "ua.volodymyr-zelensky"),
        ("Sergey Lavrof", "ru.sergei-lavrov"),
        ("Sergie Lavrov", "ru.sergei-lavrov"),
        ("Sergei Shoigoo", "ru.sergei-shoigu"),
    ],
)
def test_a_misspelling_reaches_its_person_phonetically(
    shipped: canonym.Resolver, query: str, expected: str
) -> None:
    result = shipped.resolve(query)
    assert result.status is Status.MATCHED
    assert result.entity is not None
    assert result.entity.id == expected
    # the name engine aligns the parts, one of them misspelt (docs/matching.md)
    assert result.method is Method.NAME
    assert any(e.rule == "feature:agreement" for e in result.evidence)


def test_a_shared_given_name_alone_reaches_no_one(shipped: canonym.Resolver) -> None:
    assert shipped.resolve("Sergei Xyzzyk").status is Status.UNMATCHED


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Sergie Lavrov", "ru.sergei-lavrov"),  # swapped letters inside a word
        ("Sergei aLvrov", "ru.sergei-lavrov"),  # swapped first letters, a capital moved
        ("Sergei Alvrov", "ru.sergei-lavrov"),  # swapped first letters
        ("Adnrei Belousov", "ru.andrei-belousov"),
        ("Andrei eBlousov", "ru.andrei-belousov"),
    ],
)
def test_first_letters_typed_the_wrong_way_round(
    shipped: canonym.Resolver, query: str, expected: str
) -> None:
    result = shipped.resolve(query)
    assert result.id == expected, result.evidence
    assert result.method is Method.NAME


def _slavic_table(tmp_path: Path, *people: tuple[str, str]) -> canonym.Resolver:
    rows = "".join(
        f'[[entity]]\nid = "{i}"\nkind = "person"\nname = "{name}"\ncountry = "ru"\n'
        for i, name in people
    )
    return resolver_from_toml(tmp_path, rows)


@pytest.mark.parametrize(
    "query",
    [
        "Evgenij Komarov",  # ICAO
        "Evgenii Komarov",
        "Jevgenij Komarov",
        "Komarov Evgenij",  # other order
        "Dmitri Medvedyev",
    ],
)
def test_a_russian_name_in_another_romanization_meets_its_person(
    tmp_path: Path, query: str
) -> None:
    resolver = _slavic_table(
        tmp_path, ("x.komarov", "Yevgeniy Komarov"), ("x.medvedev", "Dmitriy Medvedev")
    )
    result = resolver.resolve(query)
    assert result.status is Status.MATCHED
    assert result.id in {"x.komarov", "x.medvedev"}
    assert (result.id == "x.medvedev") == ("Medved" in query)
    assert result.method is Method.NAME
    assert any(e.rule == "feature:agreement" for e in result.evidence)


def test_two_russians_with_one_key_are_a_tie(tmp_path: Path) -> None:
    # Shishkin and Sishkin differ only where the key is coarse (ш, с): neither is chosen
    resolver = _slavic_table(tmp_path, ("x.a", "Ivan Shishkin"), ("x.b", "Ivan Sishkin"))
    result = resolver.resolve("Ivan Šiškin")
    assert result.status is Status.AMBIGUOUS
    assert {c.id for c in result.candidates} >= {"x.a", "x.b"}


@given(st.lists(st.sampled_from(["yevgeniy", "evgenij", "evgenii", "jevgenij"]), min_size=1))
def test_the_slavic_key_ignores_the_romanization(spellings: list[str]) -> None:
    from canonym.index import slavic_key

    assert len({slavic_key((s, "komarov")) for s in spellings}) == 1


# Many like names: people whose first name sounds like Nikolay and whose surname starts with K,
# as at 10^6 aliases.
_SYLLABLES = ["ka", "ko", "ku", "re", "ri", "sh", "tin", "lov", "ev", "nsk", "ry", "za", "ch", "mi"]
_PICK = random.Random(5)
_SURNAMES = sorted(
    {
        "K" + "".join(_PICK.choices(_SYLLABLES, k=3)) + _PICK.choice(["in", "ov", "iy"])
        for _ in range(150)
    }
)
_FIRST = ["Nikolay", "Nikolai", "Mykola"]
_CROWD = canonym.Tables.from_entities(
    canonym.Entity(
        id=f"x.k{i}",
        kind=canonym.Kind.PERSON,
        name=f"{_FIRST[i % 3]} {surname}",
        country="ru",
        aliases=[canonym.Alias(text=f"{_FIRST[i % 3]} {surname}", script="Latn")],
    )
    for i, surname in enumerate(_SURNAMES)
)
_CROWD_INDEX = canonym.Resolver(_CROWD).index


def test_a_typo_among_many_like_names_reaches_its_person() -> None:
    name = _CROWD.entities[40].name
    typed = name[:-4] + name[-3] + name[-4] + name[-2:]  # two letters of the surname swapped
    result = canonym.Resolver(_CROWD, index=_CROWD_INDEX).resolve(typed)
    assert result.id == _CROWD.entities[40].id, result.evidence
    assert result.method is Method.NAME
