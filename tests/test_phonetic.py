"""The phonetic tier: blocking keys and what reaches a person through them."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import canonym
from canonym import Method, Status
from canonym.index import name_phonetic_keys, phonetic_keys
from strategies import resolver_from_toml

ascii_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("volodymyr", "wolodymyr"),
        ("zelensky", "selenskyj"),
        ("konstantin", "constantin"),
        ("yevgeny", "evgeny"),
        ("iosif", "josif"),
    ],
)
def test_swapped_initials_of_the_other_word_share_a_key(one: str, other: str) -> None:
    assert phonetic_keys("belousov", one) == phonetic_keys("belousov", other)


def test_the_other_words_initial_splits_a_bucket() -> None:
    assert set(phonetic_keys("sergei", "lavrov")).isdisjoint(phonetic_keys("sergei", "shoigu"))


def test_every_other_words_initial_splits_a_bucket() -> None:
    # a patronymic's initial tells Dmitriy Petrovich Zakharov from Dmitriy Ivanovich Zakharov
    one = phonetic_keys("zakharov", "dmitriy", "petrovich")
    assert set(one).isdisjoint(phonetic_keys("zakharov", "dmitriy", "ivanovich"))
    assert one == phonetic_keys("zakharov", "petrovich", "dmitriy")


@given(st.lists(ascii_word, min_size=2, max_size=4))
def test_a_name_has_the_same_keys_in_the_other_order(tokens: list[str]) -> None:
    keys = set(name_phonetic_keys(tuple(tokens)))
    turned = tuple(tokens[1:] + tokens[:1])
    # the turned name's last token is the original's first: they share that token's keys
    assert keys & set(name_phonetic_keys(turned))


@pytest.mark.parametrize("token", ["белоусов", "o'brien", "kim2", ""])
def test_only_ascii_letters_have_keys(token: str) -> None:
    assert phonetic_keys(token, "andrei") == ()


@given(ascii_word, st.text(max_size=8))
def test_keys_are_a_metaphone_and_a_nysiis_code(token: str, other: str) -> None:
    keys = phonetic_keys(token, other)
    assert [k[:2] for k in keys] == ["m:", "n:"]
    assert len({k.rpartition("|")[2] for k in keys}) == 1
    assert keys == phonetic_keys(token, other)


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


# A bucket large enough to get a word map (index.LARGE_BUCKET): people whose first name sounds
# like Nikolay and whose surname starts with K, as at 10^6 aliases.
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


def test_the_crowd_fills_a_large_bucket() -> None:
    sizes = [len(bucket) for bucket in _CROWD_INDEX.phonetic.values()]
    assert max(sizes) >= 2 * canonym.index.LARGE_BUCKET


def test_a_typo_among_many_like_names_reaches_its_person() -> None:
    name = _CROWD.entities[40].name
    typed = name[:-4] + name[-3] + name[-4] + name[-2:]  # two letters of the surname swapped
    result = canonym.Resolver(_CROWD, index=_CROWD_INDEX).resolve(typed)
    assert result.id == _CROWD.entities[40].id, result.evidence
    assert result.method is Method.NAME
