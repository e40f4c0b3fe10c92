"""Corrections to the shipped tables (issue "Shipped tables ... correct and sourced"):

1. Alexandr Matsegora, Russian ambassador to the DPRK from December 2014, died on 2025-12-06.
2. The WPK United Front Department was abolished in 2024, ending Ri Son Gwon's directorship.
3. "Ministry of National Defense" is also South Korea's own name for its ministry (kr.mnd),
   so the bare name is shared with the DPRK's ministry (kp.mnd) and resolves AMBIGUOUS.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import canonym
from canonym import Kind, Status

ARTICLES = Path(__file__).parent / "data" / "articles"


def holder_ids(title_id: str, on: str) -> set[str]:
    return {person.id for person, _ in canonym.default_resolver().holders(title_id, on=on)}


# -- 1. Matsegora -----------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["2014-12-01", "2020-01-01", "2024-06-19", "2025-12-06"])
def test_matsegora_held_the_embassy(day: str) -> None:
    assert "ru.alexandr-matsegora" in holder_ids("ru.ambassador.kp", day)


@pytest.mark.parametrize("day", ["2014-11-30", "2025-12-07", "2026-06-01"])
def test_matsegora_does_not_hold_the_embassy_outside_his_tenure(day: str) -> None:
    assert "ru.alexandr-matsegora" not in holder_ids("ru.ambassador.kp", day)


def test_matsegora_dates_and_sources() -> None:
    person = canonym.default_tables()["ru.alexandr-matsegora"]
    assert person.died == "2025-12-06"
    assert person.born == "1955-11-21"
    (office,) = [o for o in person.offices if o.title == "ru.ambassador.kp"]
    assert (office.start, office.end) == ("2014-12", "2025-12-06")
    assert any("tass.com/politics/2055235" in s for s in person.sources)


def test_no_current_russian_ambassador_is_claimed() -> None:
    r = canonym.default_resolver()
    assert r.resolve_holder("Russian Ambassador to North Korea", on="2026-06-01").status is (
        Status.UNMATCHED
    )
    assert r.resolve_holder("Russian Ambassador to North Korea", on="2020-01-01").id == (
        "ru.alexandr-matsegora"
    )


def test_matsegora_still_resolves_by_name() -> None:
    assert canonym.resolve("Alexandr Matsegora").id == "ru.alexandr-matsegora"
    assert canonym.resolve("Александр Мацегора").id == "ru.alexandr-matsegora"


# -- 2. Ri Son Gwon and the United Front Department ------------------------------------------


def test_ri_son_gwon_directed_the_ufd_until_2024() -> None:
    assert holder_ids("kp.wpk.ufd.director", "2023-06-01") == {"kp.ri-son-gwon"}
    assert holder_ids("kp.wpk.ufd.director", "2024-01-01") == {"kp.ri-son-gwon"}


@pytest.mark.parametrize("day", ["2024-06-01", "2025-01-01", "2026-06-01"])
def test_nobody_directs_the_abolished_ufd(day: str) -> None:
    assert holder_ids("kp.wpk.ufd.director", day) == set()


def test_ri_son_gwon_ufd_office_is_ended_and_sourced() -> None:
    person = canonym.default_tables()["kp.ri-son-gwon"]
    (office,) = [o for o in person.offices if o.title == "kp.wpk.ufd.director"]
    assert (office.start, office.end) == ("2022-06-11", "2024-05")
    assert any("asiae.co.kr" in s for s in person.sources)


# -- 3. Ministry of National Defense: the DPRK's and the ROK's ------------------------------


@pytest.mark.parametrize("text", ["Ministry of National Defense", "Ministry of National Defence"])
def test_bare_name_is_ambiguous_between_the_countries_that_use_it(text: str) -> None:
    # the two Koreas' ministries, and China's, all go by this English name
    r = canonym.resolve(text)
    assert r.status is Status.AMBIGUOUS, r.explain()
    assert {c.entity.id for c in r.candidates} == {"kp.mnd", "kr.mnd", "cn.mnd"}
    assert r.id is None


@pytest.mark.parametrize(
    "text",
    [
        "South Korea's Ministry of National Defense",
        "South Korean Ministry of National Defense",
        "ROK Ministry of National Defense",
        "South Korean Defense Ministry",
        "국방부",
    ],
)
def test_south_korean_forms_resolve_to_kr_mnd(text: str) -> None:
    r = canonym.resolve(text, kinds={Kind.ORGANISATION})
    assert r.status is Status.MATCHED, r.explain()
    assert r.id == "kr.mnd"


@pytest.mark.parametrize(
    "text",
    [
        "Ministry of National Defence of the DPRK",
        "DPRK Ministry of National Defence",
        "North Korea's Ministry of National Defence",
        "North Korean Defence Ministry",
        "국방성",
    ],
)
def test_north_korean_forms_still_resolve_to_kp_mnd(text: str) -> None:
    r = canonym.resolve(text, kinds={Kind.ORGANISATION})
    assert r.status is Status.MATCHED, r.explain()
    assert r.id == "kp.mnd"


def test_kr_mnd_is_sourced_and_south_korean() -> None:
    entity = canonym.default_tables()["kr.mnd"]
    assert entity.kind is Kind.ORGANISATION
    assert entity.country == "kr"
    assert "국방부" in entity.native_names
    assert any("mnd.go.kr" in s for s in entity.sources)


def test_kcna_article_keeps_the_dprk_ministry_from_context() -> None:
    # a02 is a KCNA report; its bare "Ministry of National Defence" is the DPRK's
    text = (ARTICLES / "a02.txt").read_text(encoding="utf-8")
    found = {m.id for m in canonym.link(text).mentions if m.text == "Ministry of National Defence"}
    assert found == {"kp.mnd"}
