"""A tenure is claimed only where the tables know it: Office.covers and holder queries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
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


@given(_DAYS, _DAYS, _DAYS)
def test_attested_dates_are_claimed_between_them_and_never_beyond(
    a: dt.date, b: dt.date, day: dt.date
) -> None:
    first, last = min(a, b), max(a, b)
    office = Office(title="xx.t", seen_from=first.isoformat(), seen_to=last.isoformat())
    assert office.covers(day) == (first <= day <= last)
    # a known start with a later attestation: open until the end is known
    started = Office(title="xx.t", start=first.isoformat(), seen_to=last.isoformat())
    assert started.covers(day) == (first <= day <= last)


@given(_DAYS, st.integers(0, 2), _DAYS)
def test_one_attestation_claims_only_its_own_period(
    seen: dt.date, precision: int, day: dt.date
) -> None:
    text = _as_text(seen, precision)
    for office in (Office(title="xx.t", seen_from=text), Office(title="xx.t", seen_to=text)):
        assert office.covers(day) == day.isoformat().startswith(text)


@given(_DAYS, _DAYS, _DAYS)
def test_an_end_with_an_earlier_attestation_spans_from_it(
    a: dt.date, b: dt.date, day: dt.date
) -> None:
    first, last = min(a, b), max(a, b)
    office = Office(title="xx.t", seen_from=first.isoformat(), end=last.isoformat())
    assert office.covers(day) == (first <= day <= last)


def _load_person_with(office: str, tmp_path: Path) -> canonym.Resolver:
    path = tmp_path / "people.toml"
    path.write_text(
        'schema = 1\n[[entity]]\nid = "x1"\nkind = "person"\nname = "Ivan Petrov"\n'
        'sources = ["test"]\n[[entity.offices]]\ntitle = "ru.fm"\n' + office,
        encoding="utf-8",
    )
    return canonym.Resolver.load(path)


def test_seen_dates_and_source_load_and_answer_holder_queries(tmp_path: Path) -> None:
    resolver = _load_person_with(
        'seen_from = "2024-11"\nseen_to = "2025-03-02"\nsource = "TASS 2024-11-05"\n', tmp_path
    )
    (office,) = resolver.tables["x1"].offices
    assert office.to_dict() == {
        "title": "ru.fm",
        "seen_from": "2024-11",
        "seen_to": "2025-03-02",
        "source": "TASS 2024-11-05",
    }
    assert "x1" in {p.id for p, _ in resolver.holders("ru.fm", on="2025-01-10")}
    assert "x1" not in {p.id for p, _ in resolver.holders("ru.fm", on="2025-03-03")}
    assert "x1" not in {p.id for p, _ in resolver.holders("ru.fm", on="2024-10-31")}
    # a saved resolver keeps them
    saved = tmp_path / "r.canonym"
    resolver.save(saved)
    assert canonym.Resolver.open(saved).tables["x1"].offices == (office,)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ('seen_from = "2025"\nseen_to = "2024-06"\n', "seen_from 2025 is after seen_to 2024-06"),
        ('start = "2025-02"\nseen_from = "2024"\n', "start 2025-02 is after seen_from 2024"),
        ('seen_to = "2026"\nend = "2025-12"\n', "seen_to 2026 is after end 2025-12"),
        ('seen_from = "2025-13"\n', "seen_from"),
        ('source = ""\n', "'source' must be a non-empty string"),
        ('seen = "2025"\n', "unknown field"),
    ],
)
def test_contradictory_office_dates_are_refused_with_the_entry_named(
    lines: str, message: str, tmp_path: Path
) -> None:
    with pytest.raises(canonym.TableError) as info:
        _load_person_with(lines, tmp_path)
    text = str(info.value)
    assert message in text
    assert "people.toml" in text
    assert "x1" in text


def test_partial_dates_of_different_precision_agree() -> None:
    # 2024 and 2024-03 overlap: not a contradiction either way round
    assert Office(title="xx.t", start="2024-03", seen_to="2024").covers(dt.date(2024, 5, 1))
