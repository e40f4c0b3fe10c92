"""Foreign names written in Hangul (canonym.translit.loanwords): the sounds Korean keeps."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import canonym
from canonym.translit.loanwords import hangul_latin, hangul_sounds, latin_sounds
from strategies import any_text


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [
        ("블라디미르", "Vladimir"),
        ("푸틴", "Putin"),
        ("세르게이", "Sergei"),
        ("라브로프", "Lavrov"),
        ("메드베데프", "Medvedev"),
        ("젤렌스키", "Zelensky"),
        ("도널드", "Donald"),
        ("트럼프", "Trump"),
        ("나리시킨", "Naryshkin"),
        ("자하로바", "Zakharova"),
    ],
)
def test_a_hangul_loanword_keeps_the_sounds_of_its_latin_spelling(hangul: str, latin: str) -> None:
    assert hangul_sounds(hangul) == latin_sounds(latin.lower())


@pytest.mark.parametrize(
    ("a", "b"), [("푸틴", "Pushkin"), ("라브로프", "Lebedev"), ("트럼프", "Trudeau")]
)
def test_other_names_keep_other_sounds(a: str, b: str) -> None:
    assert hangul_sounds(a) != latin_sounds(b.lower())


def test_the_added_vowel_is_not_shown() -> None:
    assert hangul_latin("블라디미르") == "bladimir"
    assert hangul_latin("트럼프") == "tromp"


@given(any_text)
def test_sounds_never_raise_and_use_the_classes_only(text: str) -> None:
    for found in (hangul_sounds(text), latin_sounds(text.lower())):
        assert set(found) <= set("PTKSLMNH") | set(text.lower()) - set("abcdefghijklmnopqrstuvwxyz")


@given(st.text(alphabet="abdefghiklmnoprstuvz", min_size=1, max_size=12))
def test_latin_sounds_are_classes_and_never_longer_than_the_word(word: str) -> None:
    found = latin_sounds(word)
    assert set(found) <= set("PTKSLMNH")
    assert len(found) <= len(word)


def _resolver(*names: str) -> canonym.Resolver:
    return canonym.Resolver(
        canonym.Tables.from_entities(
            canonym.Entity(
                id=f"P{i}",
                kind=canonym.Kind.PERSON,
                name=n,
                aliases=[canonym.Alias(text=n, script=canonym.detect_script(n))],
            )
            for i, n in enumerate(names)
        )
    )


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("블라디미르 푸틴", "Vladimir Putin"),
        ("세르게이 라브로프", "Sergei Lavrov"),
        ("도널드 트럼프", "Donald Trump"),
    ],
)
def test_a_foreign_name_in_hangul_reaches_a_latin_only_entry(query: str, name: str) -> None:
    r = _resolver(
        "Vladimir Putin", "Sergei Lavrov", "Donald Trump", "Kim Jong Un", "Sergei Lebedev"
    )
    found = r.resolve(query)
    assert found.status is canonym.Status.MATCHED, found.explain()
    assert found.entity is not None
    assert found.entity.name == name
    assert "Hangul loanword" in found.explain()


def test_one_word_by_its_sounds_alone_names_no_one() -> None:
    assert _resolver("Vladimir Putin").resolve("푸틴").status is not canonym.Status.MATCHED


def test_a_korean_name_with_a_space_is_still_read_as_korean() -> None:
    found = _resolver("Kim Jong Un", "Kim Jong Il").resolve("김 정은")
    assert found.status is canonym.Status.MATCHED, found.explain()
    assert found.entity is not None
    assert found.entity.name == "Kim Jong Un"
