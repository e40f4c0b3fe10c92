"""Hangul romanization and romanization-blind keys: golden cases from the reference tables and
properties over every Hangul syllable."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from canonym.translit import hangul
from canonym.translit.hangul import (
    cyrillic_korean_skeleton,
    decompose,
    hangul_skeleton,
    loose,
    romanize_name,
    skeleton,
    spellings,
    split_name,
    surname_classes,
)

# romanization.md §1.2 (systems at a glance) and §6.1 (KCNA forms).
GOLDEN = [
    ("김정은", "kcna", "Kim Jong Un"),
    ("김정은", "mr", "Kim Chŏngŭn"),
    ("김정은", "alalc", "Kim Chŏng-ŭn"),
    ("김정은", "rr-hyphen", "Gim Jeong-eun"),
    ("김정은", "rr", "Gim Jeongeun"),
    ("김정은", "dprk", "Kim Jŏng Ŭn"),
    ("김정은", "odni", "Kim Cho'ng-u'n"),
    ("최룡해", "kcna", "Choe Ryong Hae"),
    ("최룡해", "mr", "Ch'oe Ryonghae"),
    ("최룡해", "alalc", "Ch'oe Ryong-hae"),
    ("최룡해", "rr-hyphen", "Choe Ryong-hae"),
    ("노광철", "kcna", "No Kwang Chol"),
    ("노광철", "mr", "No Kwangch'ŏl"),
    ("노광철", "alalc", "No Kwang-ch'ŏl"),
    ("노광철", "rr-hyphen", "No Gwang-cheol"),
    ("노광철", "dprk", "No Kwang Chŏl"),
    ("노광철", "odni", "No Kwang-ch'o'l"),
    ("리선권", "kcna", "Ri Son Gwon"),
    ("김여정", "kcna", "Kim Yo Jong"),
    ("김여정", "mr", "Kim Yŏjŏng"),
    ("김여정", "rr-hyphen", "Gim Yeo-jeong"),
    ("최선희", "kcna", "Choe Son Hui"),
    ("최선희", "rr-hyphen", "Choe Seon-hui"),
    ("최선희", "alalc", "Ch'oe Sŏn-hŭi"),
    ("박영일", "kcna", "Pak Yong Il"),
    ("박용일", "kcna", "Pak Yong Il"),
    ("김영남", "kcna", "Kim Yong Nam"),
    ("김영남", "rr-hyphen", "Gim Yeong-nam"),
    ("박정천", "kcna", "Pak Jong Chon"),
    ("정경택", "kcna", "Jong Kyong Thaek"),
    ("박태성", "kcna", "Pak Thae Song"),
    ("리영길", "kcna", "Ri Yong Gil"),
]


@pytest.mark.parametrize(("name", "system", "expected"), GOLDEN)
def test_golden_romanizations(name: str, system: str, expected: str) -> None:
    assert romanize_name(name)[system] == expected


def test_press_spellings_include_attested_forms() -> None:
    assert "Choi Ryong-hae" in spellings("최룡해")
    assert "Park Yong-il" in spellings("박영일")
    assert "Nam Sung-wook" in spellings("남성욱")
    assert spellings("남성욱")["Nam Sung-wook"] == "press"
    assert spellings("최룡해")["Ch'oe Ryonghae"] == "mr"


def test_decompose_and_split() -> None:
    assert decompose("가") == (0, 0, 0)
    assert decompose("힣") == (18, 20, 27)
    with pytest.raises(ValueError, match="not a precomposed"):
        decompose("a")
    assert split_name("최룡해") == ("최", "룡해")
    assert split_name("남궁민수") == ("남궁", "민수")
    assert split_name("남궁") == ("남", "궁")


def test_surname_classes() -> None:
    assert surname_classes("Rhee") == surname_classes("Lee") == surname_classes("리") == {"이"}
    assert surname_classes("Choi") == surname_classes("Чхве") == surname_classes("Цой") == {"최"}
    assert surname_classes("Park") == surname_classes("Пак") == {"박"}
    assert surname_classes("Noh") == surname_classes("No") == {"노"}
    assert surname_classes("Xi") == frozenset()


_ONE_SYLLABLE_CENSUS = sorted(s for s in hangul.census_surnames() if len(s) == 1)


@given(st.sampled_from(_ONE_SYLLABLE_CENSUS))
def test_every_spelling_of_a_census_surname_is_one(surname: str) -> None:
    # the census's surnames the surname table lacks too (동: Tong, Dong)
    for spelled in hangul.spellings(surname + "철"):
        assert hangul.census_surname(spelled.split(" ", 1)[0]), (surname, spelled)


def test_a_word_no_census_surname_is_spelt_so_is_none() -> None:
    assert hangul.census_surname("Tong")
    assert hangul.census_surname("Dong")
    assert not any(hangul.census_surname(w) for w in ("Rem", "Pwe", "Ang", "Smith"))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kwangch'ŏl", "Gwang-cheol"),
        ("Kwang Chol", "Kwangchol"),
        ("Ryong Hae", "Ryonghae"),
        ("Son Hui", "Seon-hui"),
        ("Yo Jong", "Yeo-jeong"),
        ("Jong-un", "Jeong-eun"),
        ("Young-nam", "Yong Nam"),
    ],
)
def test_skeleton_meets_across_systems(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Jong Un", "Jong Il"), ("Ryong Hae", "Son Hui"), ("Yo Jong", "Yong Nam")]
)
def test_skeleton_keeps_different_names_apart(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


@pytest.mark.parametrize(
    ("cyrillic", "hangul_given"),
    [
        ("Рён Хэ", "룡해"),
        ("Гван Чхоль", "광철"),
        ("Гван Чхор", "광철"),
        ("Сон Хи", "선희"),
        ("Ён Иль", "영일"),
        ("Ё Чжон", "여정"),
        ("Сон Гвон", "선권"),
        ("Ён Нам", "영남"),
        ("Чон Чхон", "정천"),
    ],
)
def test_kontsevich_reads_back(cyrillic: str, hangul_given: str) -> None:
    assert cyrillic_korean_skeleton(cyrillic) == loose(hangul_skeleton(hangul_given))


SYLLABLE = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
SURNAME = st.sampled_from(sorted({h for row in hangul.surnames() for h in row.hangul}))


@given(SURNAME, st.text(alphabet=SYLLABLE, min_size=1, max_size=3))
def test_every_system_spelling_has_the_hangul_skeleton(surname: str, given_name: str) -> None:
    name = surname + given_name
    _family, given_part = split_name(name)
    expected = hangul_skeleton(given_part)
    systems = romanize_name(name)
    assert set(systems) == set(hangul.SYSTEMS)
    for system, spelled in systems.items():
        family_words = len(romanize_name(name)["kcna"].split(" ")[0].split())
        romanized_given = " ".join(spelled.split(" ")[family_words:])
        assert skeleton(romanized_given) == expected, (system, spelled)
        assert spelled.split(" ")[0], system


@given(SURNAME, st.text(alphabet=SYLLABLE, min_size=1, max_size=3))
def test_every_spelling_is_latin_and_keeps_the_surname_class(surname: str, given_name: str) -> None:
    name = surname + given_name
    family, _ = split_name(name)
    classes = surname_classes(family)
    for spelled, system in spellings(name).items():
        assert all(ch.isascii() or ch.lower() in "ŏŭ" for ch in spelled), (system, spelled)
        assert surname_classes(spelled.split(" ")[0]) & classes, (system, spelled)


@given(SURNAME, st.text(alphabet=SYLLABLE, min_size=1, max_size=3))
@example("강", "게우")  # MR joined 게 and 우 as "Keu", which reads 그
def test_press_spellings_share_the_loose_key(surname: str, given_name: str) -> None:
    name = surname + given_name
    expected = loose(hangul_skeleton(split_name(name)[1]))
    for spelled in spellings(name):
        assert loose(skeleton(spelled.split(" ", 1)[1])) == expected, spelled


@given(st.text(max_size=20))
def test_never_raises(text: str) -> None:
    romanize_name(text)
    spellings(text)
    skeleton(text)
    cyrillic_korean_skeleton(text)
    surname_classes(text)


def test_the_ko_surname_has_its_class() -> None:
    # 고 (高) was missing from the surname table: Hangul 고 and the Latin Ko/Koh/Go met nothing
    classes = {frozenset(hangul.surname_classes(s)) for s in ("고", "Ko", "Koh", "Go")}
    assert classes == {frozenset({"고"})}


def test_mr_separates_n_g_from_ng() -> None:
    """MR writes n'g between syllables (선권 Sŏn'gwŏn), so that it is not read as ng (성권)."""
    from canonym.translit.hangul import romanize_name

    assert romanize_name("리선권")["mr"] == "Ri Sŏn'gwŏn"
    assert romanize_name("박성권")["mr"] == "Pak Sŏnggwŏn"
    assert romanize_name("리선권")["mr-plain"] == "Ri Songwon"
