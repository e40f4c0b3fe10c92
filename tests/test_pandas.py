"""canonym.pandas: resolve and link pandas columns (the optional pandas extra)."""

from __future__ import annotations

import doctest
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pd = pytest.importorskip("pandas")

import canonym  # noqa: E402
import canonym.pandas as cp  # noqa: E402

_NAMES = [
    "Choe Ryong Hae",
    "최룡해",
    "Kim",
    "nobody at all",
    "Чхве Рён Хэ",
    "Russian Defense Minister",
]


def test_the_module_example_prints_what_it_says() -> None:
    assert doctest.testmod(cp).failed == 0


def test_resolve_series_answers_every_row_with_missing_passed_through() -> None:
    series = pd.Series(["Choe Ryong Hae", None, math.nan, pd.NA, "Kim"], index=list("abcde"))
    out = cp.resolve_series(series)
    assert list(out.columns) == list(cp.COLUMNS)
    assert list(out.index) == list("abcde")
    assert out.loc["a", "id"] == "kp.choe-ryong-hae"
    assert out.loc["a", "name"] == "Choe Ryong Hae"
    assert out.loc["a", "method"] == "exact"
    for label in "bcd":
        assert out.loc[label].isna().all(), label
    assert out.loc["e", "status"] == "ambiguous"
    assert pd.isna(out.loc["e", "id"])
    assert "kp." in out.loc["e", "candidates"]
    assert str(out["id"].dtype) == "string"
    assert str(out["score"].dtype) == "float64"


def test_a_value_that_is_not_text_is_unmatched_or_raises_when_strict() -> None:
    series = pd.Series(["Choe Ryong Hae", 42])
    assert cp.resolve_series(series).loc[1, "status"] == "unmatched"
    with pytest.raises(TypeError, match="takes text, not int"):
        cp.resolve_series(series, strict=True)


def test_resolve_column_adds_prefixed_columns_and_leaves_the_frame_alone() -> None:
    frame = pd.DataFrame({"who": ["Choe Ryong Hae", "Andrei Belousov"], "n": [1, 2]})
    out = cp.resolve_column(frame, "who")
    assert list(frame.columns) == ["who", "n"]
    assert list(out.columns) == ["who", "n", *(f"canonym_{c}" for c in cp.COLUMNS)]
    assert list(out["canonym_id"]) == ["kp.choe-ryong-hae", "ru.andrei-belousov"]
    with pytest.raises(KeyError, match="no column 'nope'"):
        cp.resolve_column(frame, "nope")
    with pytest.raises(ValueError, match="choose another prefix"):
        cp.resolve_column(out, "who")
    with pytest.raises(TypeError, match="DataFrame"):
        cp.resolve_column(frame["who"], "who")


def test_kinds_and_a_users_resolver_are_used() -> None:
    r = canonym.Resolver(
        canonym.Tables.from_entities(
            [
                canonym.Entity(
                    id="Q1",
                    kind=canonym.Kind.PERSON,
                    name="Jo Yong Won",
                    aliases=[canonym.Alias(text="Jo Yong Won", script="Latn")],
                )
            ]
        )
    )
    out = cp.resolve_series(pd.Series(["Jo Yong-won", "Choe Ryong Hae"]), r, kinds={"person"})
    assert list(out["id"].fillna("-")) == ["Q1", "-"]


def test_link_series_gives_a_row_for_every_mention() -> None:
    series = pd.Series(
        ["Choe Ryong Hae met Sergei Shoigu in Pyongyang.", None, "", "Nothing here."],
        index=["x", "y", "z", "w"],
    )
    out = cp.link_series(series)
    assert list(out.columns) == list(cp.LINK_COLUMNS)
    assert list(out["row"]) == ["x", "x"]
    assert list(out["id"]) == ["kp.choe-ryong-hae", "ru.sergei-shoigu"]
    text = series["x"]
    for start, end, mention in zip(out["start"], out["end"], out["text"], strict=True):
        assert text[start:end] == mention


@settings(max_examples=25, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_NAMES), st.none()), max_size=8))
def test_each_row_is_what_resolve_says(values: list[str | None]) -> None:
    out = cp.resolve_series(pd.Series(values, dtype=object))
    for k, value in enumerate(values):
        if value is None:
            assert out.iloc[k].isna().all()
            continue
        r = canonym.resolve(value)
        assert out.iloc[k]["status"] == r.status.value
        assert (out.iloc[k]["id"] if not pd.isna(out.iloc[k]["id"]) else None) == r.id
        assert out.iloc[k]["score"] == pytest.approx(r.score)
