"""Foreign names written in Hangul or Han characters (canonym.translit.loanwords): the sounds
Korean and Mandarin transcriptions keep."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import canonym
from canonym.matching import HAN_SOUNDS_SLACK
from canonym.translit.han import PINYIN_SYLLABLES, char_syllables
from canonym.translit.loanwords import (
    HAN_MARK,
    REDUCED_KEYS,
    han_latin_cost,
    han_pattern,
    han_reduced,
    hangul_latin,
    hangul_pattern,
    hangul_sounds,
    katakana_pattern,
    latin_reduced,
    latin_sounds,
)
from strategies import any_text, assert_finds, users_resolver


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


@pytest.mark.parametrize(
    ("query", "name", "route"),
    [
        ("블라디미르 푸틴", "Vladimir Putin", "Hangul loanword"),
        ("세르게이 라브로프", "Sergei Lavrov", "Hangul loanword"),
        ("도널드 트럼프", "Donald Trump", "Hangul loanword"),
        ("ウラジーミル・プーチン", "Vladimir Putin", "Katakana"),
        ("ｳﾗｼﾞｰﾐﾙ･ﾌﾟｰﾁﾝ", "Vladimir Putin", "Katakana"),  # half-width Katakana
        ("セルゲイ・ラブロフ", "Sergei Lavrov", "Katakana"),
        ("ドナルド・トランプ", "Donald Trump", "Katakana"),
    ],
)
def test_a_transcribed_foreign_name_reaches_a_latin_only_entry(
    query: str, name: str, route: str
) -> None:
    r = users_resolver(
        "Vladimir Putin", "Sergei Lavrov", "Donald Trump", "Kim Jong Un", "Sergei Lebedev"
    )
    found = r.resolve(query)
    assert_finds(found, name)
    assert route in found.explain()


def test_one_word_by_its_sounds_alone_names_no_one() -> None:
    assert users_resolver("Vladimir Putin").resolve("푸틴").status is not canonym.Status.MATCHED


def test_a_korean_name_with_a_space_is_still_read_as_korean() -> None:
    found = users_resolver("Kim Jong Un", "Kim Jong Il").resolve("김 정은")
    assert found.status is canonym.Status.MATCHED, found.explain()
    assert found.entity is not None
    assert found.entity.name == "Kim Jong Un"


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [
        ("블라디미르", "vladimir"),
        ("세르게이", "sergey"),  # the 이 after 게 runs into the e: ey, ei
        ("쇼이구", "shoigu"),
        ("벨로우소프", "belousov"),
        ("윌리엄", "william"),  # 윌: the w a silent ㅇ writes
        ("트럼프", "trump"),  # ㅓ for the English short u; ㅡ added after the m and p
        ("마리아", "mariya"),
        ("드미트리", "dmitriy"),
    ],
)
def test_a_hangul_loanword_aligns_with_its_latin_spelling_vowels_too(
    hangul: str, latin: str
) -> None:
    assert hangul_pattern(hangul).startswith(HAN_MARK)
    assert han_latin_cost(hangul_pattern(hangul), latin) == 0.0


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [
        ("쇼이구", "xyzzyk"),  # the same skeleton (SK), and none of the vowels
        ("쇼이구", "sasiki"),
        ("라브로프", "lebedev"),
        ("푸틴", "pushkin"),
    ],
)
def test_a_hangul_loanword_and_another_name_are_far_apart(hangul: str, latin: str) -> None:
    assert han_latin_cost(hangul_pattern(hangul), latin) > HAN_SOUNDS_SLACK


@given(any_text)
def test_a_hangul_pattern_never_raises_and_exists_for_hangul_words_only(text: str) -> None:
    pattern = hangul_pattern(text)
    assert bool(pattern) == bool(hangul_sounds(text))


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Vladimir Putin", "블라디미르 푸틴"),
        ("Sergey Lavrov", "세르게이 라브로프"),
        ("Donald Trump", "도널드 트럼프"),
    ],
)
def test_a_latin_query_finds_a_foreign_name_tabled_in_hangul(query: str, name: str) -> None:
    # a Korean newsroom's sheet, asked in English
    tabled = ("블라디미르 푸틴", "세르게이 라브로프", "세르게이 쇼이구", "도널드 트럼프", "김정은")
    r = users_resolver(*tabled)
    found = r.resolve(query)
    assert_finds(found, name)
    assert "Hangul loanword" in found.explain()


@pytest.mark.parametrize(
    ("query", "tabled"),
    [("Sergei Xyzzyk", "세르게이 쇼이구"), ("세르게이 쇼이구", "Sergei Xyzzyk")],
)
def test_a_hangul_loanword_is_no_other_name_of_its_consonants(query: str, tabled: str) -> None:
    # Shoigu and Xyzzyk share their Hangul consonant skeleton (SK), not their vowels
    found = users_resolver(tabled, "Kim Jong Un").resolve(query)
    assert found.status is not canonym.Status.MATCHED, found.explain()


# ---------------------------------------------------------------------------------------------
# Foreign names in Katakana


@pytest.mark.parametrize(
    ("katakana", "latin"),
    [
        ("ウラジーミル", "vladimir"),  # ウ before a consonant: the v; ジ for di
        ("プーチン", "putin"),  # チ for ti; ー adds nothing
        ("セルゲイ", "sergey"),
        ("ショイグ", "shoigu"),  # the small ョ is the vowel of シ
        ("ドナルド", "donald"),  # the u of ル and the o of ド are added
        ("ラブロフ", "lavrov"),
        ("ベロウソフ", "belousov"),
        ("クリントン", "clinton"),
        ("メドベージェフ", "medvedev"),  # ジェ for a Russian де
    ],
)
def test_a_katakana_word_aligns_with_its_latin_spelling(katakana: str, latin: str) -> None:
    assert han_latin_cost(katakana_pattern(katakana), latin) == 0.0


@pytest.mark.parametrize(
    ("katakana", "latin"),
    [
        ("プーチン", "pushkin"),
        ("ショイグ", "xyzzyk"),
        ("ラブロフ", "lebedev"),
        ("セルゲイ", "sasiki"),
    ],
)
def test_a_katakana_word_and_another_name_are_far_apart(katakana: str, latin: str) -> None:
    assert han_latin_cost(katakana_pattern(katakana), latin) > HAN_SOUNDS_SLACK


@given(any_text)
def test_a_katakana_pattern_never_raises_and_exists_for_katakana_only(text: str) -> None:
    pattern = katakana_pattern(text)
    if pattern:
        assert pattern.startswith(HAN_MARK)
        assert all("\u30a1" <= ch <= "\u30fc" for ch in text)


def test_a_latin_query_finds_a_foreign_name_tabled_in_katakana() -> None:
    r = users_resolver("ウラジーミル・プーチン", "セルゲイ・ラブロフ", "キム・ジョンウン")
    assert_finds(r.resolve("Sergey Lavrov"), "セルゲイ・ラブロフ")
    assert r.resolve("Sergei Lebedev").status is not canonym.Status.MATCHED


def test_one_katakana_word_alone_names_no_one() -> None:
    assert users_resolver("Vladimir Putin").resolve("プーチン").status is not canonym.Status.MATCHED


# ---------------------------------------------------------------------------------------------
# Foreign names in Han characters

_PLAIN_INITIALS = "bpmfdtnlgks"
_PLAIN_FINALS = ("a", "ai", "ao", "an", "ou", "u", "i", "e", "ei")
_PLAIN = sorted(i + f for i in _PLAIN_INITIALS for f in _PLAIN_FINALS if i + f in PINYIN_SYLLABLES)


@pytest.mark.parametrize(
    ("han_word", "latin"),
    [
        ("唐纳德", "donald"),
        ("特朗普", "trump"),
        ("安格拉", "angela"),
        ("默克尔", "merkel"),
        ("马克龙", "macron"),
        ("布林肯", "blinken"),
        ("谢尔盖", "sergey"),
        ("拉夫罗夫", "lavrov"),
        ("弗拉基米尔", "vladimir"),
        ("普京", "putin"),
        ("泽连斯基", "zelensky"),
        ("克林顿", "clinton"),
        ("奥巴马", "obama"),
        ("拜登", "biden"),
    ],
)
def test_a_han_transcription_keeps_the_sounds_of_its_latin_spelling(
    han_word: str, latin: str
) -> None:
    syllables = char_syllables(han_word)
    assert syllables is not None
    pattern = han_pattern(syllables)
    assert han_latin_cost(pattern, latin) <= 0.5
    # and blocking proposes it: the Latin word's key is one the pattern may have
    assert latin_reduced(latin) in han_reduced(pattern)


@pytest.mark.parametrize(
    ("han_word", "latin"),
    [
        ("特朗普", "tusk"),
        ("普京", "pushkin"),
        ("杰西", "sergey"),  # 杰 is no ge: j, q, x stand for a t or k only before i
        ("拉夫罗夫", "lebedev"),
        ("默克尔", "macron"),
    ],
)
def test_a_han_transcription_is_far_from_other_names(han_word: str, latin: str) -> None:
    syllables = char_syllables(han_word)
    assert syllables is not None
    assert han_latin_cost(han_pattern(syllables), latin) > HAN_SOUNDS_SLACK


@given(st.lists(st.sampled_from(_PLAIN), min_size=1, max_size=4))
def test_pinyin_read_as_latin_is_its_own_transcription(syllables: list[str]) -> None:
    # a Latin word spelled with the plain pinyin syllables a transcription writes is at
    # distance 0 from it, and blocking proposes it
    pattern = han_pattern(syllables)
    word = "".join(syllables)
    assert han_latin_cost(pattern, word) == 0.0
    assert latin_reduced(word) == "" or latin_reduced(word) in han_reduced(pattern)


@given(st.lists(st.sampled_from(sorted(PINYIN_SYLLABLES)), max_size=6), any_text)
def test_han_costs_never_raise_and_are_never_negative(syllables: list[str], text: str) -> None:
    pattern = han_pattern(syllables)
    assert pattern == "" or pattern.startswith(HAN_MARK)
    assert han_latin_cost(pattern, text.lower()) >= 0.0
    assert len(han_reduced(pattern)) <= REDUCED_KEYS
    assert set(latin_reduced(text.lower())) <= set("PKSMNLTH")


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("唐纳德·特朗普", "Donald Trump"),
        ("安格拉·默克尔", "Angela Merkel"),
        ("谢尔盖·拉夫罗夫", "Sergei Lavrov"),
        ("弗拉基米尔·普京", "Vladimir Putin"),
        ("安东尼·布林肯", "Antony Blinken"),
    ],
)
def test_a_foreign_name_in_han_reaches_a_latin_only_entry(query: str, name: str) -> None:
    r = users_resolver(
        "Vladimir Putin",
        "Sergei Lavrov",
        "Donald Trump",
        "Donald Tusk",
        "Angela Merkel",
        "Antony Blinken",
        "Kim Jong Un",
        "Sergei Lebedev",
        "Xi Jinping",
    )
    found = r.resolve(query)
    assert_finds(found, name)
    assert "sounds of the transcription" in found.explain()
    points = [e.points for e in found.evidence if e.points is not None]
    assert sum(points) == pytest.approx(found.score)


def test_a_han_transcription_of_another_name_is_no_match() -> None:
    # 唐纳德·特朗普 shares Donald with Donald Tusk, and no more
    found = users_resolver("Donald Tusk", "Kim Jong Un").resolve("唐纳德·特朗普")
    assert found.status is not canonym.Status.MATCHED, found.explain()


def test_one_han_word_by_its_sounds_alone_names_no_one() -> None:
    assert users_resolver("Michael Pompeo").resolve("蓬佩奥").status is not canonym.Status.MATCHED


@pytest.mark.parametrize("query", ["Andrei Putin", "Vladimir Putin"])
def test_one_tabled_han_word_by_its_sounds_alone_names_no_one(query: str) -> None:
    assert users_resolver("普京", "Kim Jong Un").resolve(query).status is not canonym.Status.MATCHED


@given(
    st.lists(st.sampled_from(sorted(PINYIN_SYLLABLES)), min_size=1, max_size=5),
    st.text(alphabet="abcdeghiklmnoprstuvyz", min_size=1, max_size=12),
    st.sampled_from([0.0, 0.25, 0.75, 1.5]),
)
def test_a_cost_with_a_limit_is_the_cost_or_beyond_the_limit(
    syllables: list[str], word: str, limit: float
) -> None:
    pattern = han_pattern(syllables)
    full = han_latin_cost(pattern, word)
    bounded = han_latin_cost(pattern, word, limit)
    assert bounded == full if full <= limit else bounded > limit


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Sophie Richardson", "索菲·理查森"),
        ("Donald Trump", "唐纳德·特朗普"),
    ],
)
def test_a_latin_query_reaches_a_tabled_transcription_in_han(query: str, name: str) -> None:
    # the other way round: a Chinese newsroom's sheet, asked in English
    found = users_resolver("索菲·理查森", "唐纳德·特朗普", "Donald Tusk", "金正恩").resolve(query)
    assert_finds(found, name)
