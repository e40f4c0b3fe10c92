"""Tests of canonym.text: examples and properties of the one normaliser."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canonym.text import analyze, detect_script, name_key, normalize
from strategies import any_text, hangul, latin_text

SAME_KEY = [
    ("Kim Jong Un", "Kim Jong-un", "Kim Jong-Un", "Kim Jongun", "KIM JONG UN", "kim jong un"),
    ("KIM, Jong Un", "Jong-un Kim", "Jong Un Kim"),
    ("Ch'oe Ryong-hae", "Ch’oe Ryong-hae", "Chʼoe Ryonghae", "Choe Ryong Hae"),
    ("Ch'ŏe Ryong-hae", "Choe Ryong-hae"),
    ("Kim's", "Kim’s", "Kim"),
    ("Pak’s", "Pak"),
    ("Comrade Kim Jong Un", "ComradeKim Jong Un", "Kim Jong Un", "Mr. Kim Jong Un"),
    ("Marshal Pak Jong Chon", "Vice Marshal Pak Jong Chon", "Pak Jong Chon"),
    (
        "Russia's then-Defense Minister",
        "Russia’s Defence Minister",
        "the former Russia Defense Minister",
    ),
    ("Workers’ Party of Korea", "Workers' Party of Korea", "Workers Party of Korea"),
    ("U.S. President", "US President"),
    ("Ｋｉｍ　Ｊｏｎｇ　Ｕｎ", "Kim Jong Un"),
    ("Kim\u200bJong\u200dUn", "KimJongUn"),
    ("Sergeĭ Shoĭgu", "Sergei Shoigu"),
    ("Zelens'kyy", "Zelenskyy"),
    ("Łukasz", "Lukasz"),
    ("Чхве Рён Хэ", "ЧХВЕ РЕН ХЭ"),
]


@pytest.mark.parametrize("group", SAME_KEY, ids=lambda g: g[0])
def test_formatting_variants_share_a_key(group: tuple[str, ...]) -> None:
    keys = {name_key(text) for text in group}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KIM, Jong-Un", "jong un kim"),
        ("Comrade Ch'oe Ryong-hae’s", "choe ryong hae"),
        ("최룡해", "최룡해"),
        ("Андрей Белоусов", "андрей белоусов"),
        ("习近平", "习近平"),
        ("Minister of National Defence", "minister of national defense"),
        ("  ", ""),
        ("", ""),
        ("Mr", "mr"),
    ],
)
def test_normalize_examples(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_different_names_keep_different_keys() -> None:
    assert name_key("Kim Jong Un") != name_key("Kim Jong Il")
    assert name_key("Choe Ryong Hae") != name_key("Choe Son Hui")


def test_analyze_reports_removed_qualifiers_and_reordering() -> None:
    a = analyze("Comrade Marshal Kim Jong Un")
    assert a.removed == ("comrade", "marshal")
    assert a.normalized == "kim jong un"
    assert not a.reordered
    assert analyze("KIM, Jong Un").reordered
    b = analyze("the late Kim Il Sung")
    assert b.removed == ("the", "late")
    assert b.normalized == "kim il sung"


def test_nfd_and_compatibility_hangul_meet_precomposed() -> None:
    import unicodedata

    assert normalize(unicodedata.normalize("NFD", "최룡해")) == "최룡해"


@pytest.mark.parametrize("bad", [None, 1, b"Kim", ["Kim"]])
def test_non_strings_raise_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        normalize(bad)  # type: ignore[arg-type]


def test_detect_script() -> None:
    assert detect_script("최룡해") == "Hang"
    assert detect_script("Чхве Рён Хэ") == "Cyrl"
    assert detect_script("习近平") == "Hani"
    assert detect_script("Choe") == "Latn"
    assert detect_script("123 !") == "Zyyy"


@given(any_text)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(any_text)
def test_normalize_never_raises_and_is_tidy(text: str) -> None:
    out = normalize(text)
    assert out == out.strip()
    assert "  " not in out
    assert out == out.casefold()


@given(latin_text)
def test_latin_input_gives_ascii(text: str) -> None:
    assert normalize(text).isascii()


@given(latin_text)
def test_case_and_apostrophe_shape_do_not_matter(text: str) -> None:
    assert name_key(text.upper()) == name_key(text.lower())
    assert name_key(text.replace("'", "’")) == name_key(text)


@given(latin_text, st.sampled_from([" ", "  ", "\t", "\u00a0", "\n"]))
def test_whitespace_runs_do_not_matter(text: str, ws: str) -> None:
    assert normalize(ws.join(text.split(" "))) == normalize(text)


@given(hangul)
def test_hangul_is_kept_and_nfd_invariant(text: str) -> None:
    import unicodedata

    assert normalize(text) == text
    assert normalize(unicodedata.normalize("NFD", text)) == text


@given(st.text(max_size=3000))
def test_long_text_is_normalised_like_short_text(text: str) -> None:
    # Texts over 256 characters bypass the memo; padding must not change the answer.
    assert normalize(text + " " * 300) == normalize(text)


_plain_names = st.lists(
    st.text(alphabet=string.ascii_letters, min_size=1, max_size=8),
    min_size=1,
    max_size=4,
).flatmap(
    lambda words: st.lists(
        st.sampled_from([" ", "-", "  ", " - ", "--"]),
        min_size=len(words) - 1,
        max_size=len(words) - 1,
    ).map(lambda seps: words[0] + "".join(s + w for s, w in zip(seps, words[1:], strict=True)))
)


@given(st.one_of(_plain_names, latin_text, any_text))
def test_plain_name_shortcut_folds_like_the_full_fold(text: str) -> None:
    # Plain ASCII names skip the full fold: the shortcut must give exactly what it gives.
    from canonym.text import _fold, _fold_quick

    assert _fold_quick(text) == _fold(text)


@pytest.mark.parametrize(
    "text", ["McCain John", "then-President Kim", "Mr-Kim", "Ri Son-gwon", "THEN-MINISTER Pak"]
)
def test_plain_name_shortcut_edge_cases(text: str) -> None:
    from canonym.text import _fold, _fold_quick

    assert _fold_quick(text) == _fold(text)


def _script_by_hand(text: str) -> str:
    """detect_script as first written: every letter's Unicode name, no shortcuts."""
    import unicodedata

    prefixes = {"LATIN": "Latn", "HANGUL": "Hang", "CYRILLIC": "Cyrl", "CJK": "Hani"}
    prefixes |= {"HIRAGANA": "Hira", "KATAKANA": "Kana", "GREEK": "Grek", "ARABIC": "Arab"}
    prefixes |= {"HEBREW": "Hebr"}
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            code = next((c for p, c in prefixes.items() if name.startswith(p)), "Zzzz")
            counts[code] = counts.get(code, 0) + 1
    return max(sorted(counts), key=lambda s: counts[s]) if counts else "Zyyy"


@given(st.one_of(any_text, latin_text, hangul, st.text(alphabet="abc 12-.,", max_size=12)))
def test_detect_script_shortcuts_agree_with_the_letter_by_letter_count(text: str) -> None:
    assert detect_script(text) == _script_by_hand(text)
