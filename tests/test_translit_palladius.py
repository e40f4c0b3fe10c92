"""Chinese names in Palladius Cyrillic, read back to pinyin (canonym.translit.palladius)."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import canonym
from canonym.translit import cyrillic
from canonym.translit.han import PINYIN_SYLLABLES
from canonym.translit.palladius import _cyrillic, latin_to_pinyin, syllables, to_pinyin
from strategies import any_text, assert_finds, users_resolver


@pytest.mark.parametrize(
    ("cyrillic", "pinyin"),
    [
        ("Си Цзиньпин", "Xi Jinping"),
        ("Ли Цян", "Li Qiang"),
        ("Чжао Лэцзи", "Zhao Leji"),
        ("Дун Цзюнь", "Dong Jun"),  # the u of jun is ü: цзюнь
        ("Ван И", "Wang Yi"),
        ("Хань Чжэн", "Han Zheng"),
        ("Вэнь Цзябао", "Wen Jiabao"),
        ("Чжан Юся", "Zhang Youxia"),
        ("Ху Цзиньтао", "Hu Jintao"),
        ("Ло Чжаохуэй", "Luo Zhaohui"),  # ло is luo (lo is rare); hui is хуэй
        ("Сы Ма", "Si Ma"),  # ы after с: si, not xi
        ("Сі Цзіньпін", "Xi Jinping"),  # the Ukrainian variant: і for и
        ("Лі Кецян", "Li Keqiang"),  # ... е for э
    ],
)
def test_palladius_reads_back_to_pinyin(cyrillic: str, pinyin: str) -> None:
    assert to_pinyin(cyrillic) == pinyin


@pytest.mark.parametrize("text", ["Сергей Лавров", "Владимир Путин", "Си", "", "Xi Jinping"])
def test_what_is_not_palladius_has_no_pinyin(text: str) -> None:
    assert to_pinyin(text) is None


_WRITTEN = sorted(s for s in PINYIN_SYLLABLES if _cyrillic(s) is not None)


def test_the_system_writes_nearly_every_syllable() -> None:
    assert len(_WRITTEN) >= len(PINYIN_SYLLABLES) - 10


@given(st.lists(st.sampled_from(_WRITTEN), min_size=1, max_size=3))
def test_a_word_of_syllables_reads_back_to_a_spelling_of_the_same_cyrillic(
    parts: list[str],
) -> None:
    # Palladius writes lo and luo alike; whatever it reads back, spelled again, is the word
    word = "".join(_cyrillic(p) or "" for p in parts)
    found = syllables(word)
    assert found is not None
    assert "".join(_cyrillic(p) or "" for p in found) == word
    assert len(found) <= len(parts)


@given(any_text)
def test_to_pinyin_never_raises(text: str) -> None:
    found = to_pinyin(text)
    assert found is None or canonym.detect_script(found) == "Latn"


def test_a_palladius_name_reaches_a_pinyin_table_and_keeps_namesakes_apart() -> None:
    tables = canonym.Tables.from_entities(
        canonym.Entity(
            id=f"p{i}",
            kind=canonym.Kind.PERSON,
            name=n,
            aliases=[canonym.Alias(text=n, script="Latn")],
        )
        for i, n in enumerate(["Li Hongzhong", "Li Hongzhang", "Xi Jinping"])
    )
    r = canonym.Resolver(tables)
    found = r.resolve("Ли Хунчжун")
    assert found.status is canonym.Status.MATCHED, found.explain()
    assert found.id == "p0"
    assert r.resolve("Си Цзиньпин").id == "p2"


# ---------------------------------------------------------------------------------------------
# The Latin of the Russian form (Si Tszinpin)

_SIGNED = sorted(s for s in PINYIN_SYLLABLES if s[:1] in "jqxh" or s.startswith("zh"))


@given(
    st.sampled_from(["xi", "li", "hu", "zhou", "wen"]),
    st.lists(st.sampled_from(_SIGNED), min_size=1, max_size=2),
    st.sampled_from(["bgn", "icao"]),
)
def test_the_latin_of_a_palladius_name_reads_back_to_its_pinyin(
    family: str, given_name: list[str], system: str
) -> None:
    cyrillic_words = [_cyrillic(family), "".join(_cyrillic(s) or "?" for s in given_name)]
    assume(all(w and "?" not in w for w in cyrillic_words))
    latin = cyrillic.transliterate(" ".join(str(w) for w in cyrillic_words), system)
    assume(re.search(r"tsz|chzh|kh", latin.casefold()))
    pinyin = f"{family.capitalize()} {''.join(given_name).capitalize()}"
    assert pinyin in latin_to_pinyin(latin), (latin, latin_to_pinyin(latin))


def test_only_the_letters_of_russian_latin_send_a_name_through_palladius() -> None:
    assert latin_to_pinyin("Xi Jinping") == ()  # pinyin as written
    assert latin_to_pinyin("Mikhail Khodorkovsky") == ()  # kh, but no Palladius syllables


def test_a_latin_palladius_name_reaches_a_pinyin_table_and_keeps_namesakes_apart() -> None:
    r = users_resolver("Xi Jinping", "Li Hongzhong", "Kim Jong Un")
    assert_finds(r.resolve("Si Tszinpin"), "Xi Jinping")
    assert_finds(r.resolve("Li Khunchzhun"), "Li Hongzhong")
    assert r.resolve("Li Khunchzhan").status is not canonym.Status.MATCHED  # zhang, not zhong
