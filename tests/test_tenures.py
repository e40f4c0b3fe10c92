"""A tenure is claimed only where the tables know it: Office.covers and holder queries."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import canonym
from canonym import Office

_DAYS = st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2030, 12, 31))


def _as_text(day: dt.date, precision: int) -> str:
    return day.isoformat()[: (4, 7, 10)[precision]]


@given(_DAYS, st.integers(0, 2), _DAYS)
def test_without_a_start_only_the_ends_own_period_is_claimed(
    end: dt.date, precision: int, day: dt.date
) -> None:
    end_text = _as_text(end, precision)
    office = Office(title="xx.t", end=end_text)
    assert office.covers(day) == day.isoformat().startswith(end_text)


@given(_DAYS)
def test_without_any_date_no_day_is_claimed(day: dt.date) -> None:
    assert not Office(title="xx.t").covers(day)


@given(_DAYS, _DAYS, _DAYS)
def test_a_dated_tenure_covers_its_span(a: dt.date, b: dt.date, day: dt.date) -> None:
    start, end = min(a, b), max(a, b)
    office = Office(title="xx.t", start=start.isoformat(), end=end.isoformat())
    assert office.covers(day) == (start <= day <= end)
    assert Office(title="xx.t", start=start.isoformat()).covers(day) == (start <= day)


def test_holders_are_not_claimed_before_their_known_tenure() -> None:
    resolver = canonym.default_resolver()
    # Kang Sun Nam's tenure as defence minister is tabled with its end only (2024-10)
    early = {p.id for p, _ in resolver.holders("kp.defmin", on="2022-01-01")}
    assert "kp.kang-sun-nam" not in early
    late = {p.id for p, _ in resolver.holders("kp.defmin", on="2024-10-15")}
    assert "kp.kang-sun-nam" in late
    # Pak Thae Song's premiership has no dates: no date claims it, the undated query lists it
    assert "kp.pak-thae-song" not in {p.id for p, _ in resolver.holders("kp.premier", on="2023")}
    assert "kp.pak-thae-song" in {p.id for p, _ in resolver.holders("kp.premier")}
