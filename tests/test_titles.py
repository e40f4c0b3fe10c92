"""Titles, organisations and office-holders: the title grammar, scoping by country and
organisation, offices as evidence for names, and holders on a date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import canonym
from canonym import Kind, Method, Status
from canonym.titles import parse_title
from strategies import is_shared

TABLES = canonym.default_tables()
GPB_SEED_000 = "vice director of the General Political Bureau of the Korean People’s Army"
TITLES = TABLES.of_kind(Kind.TITLE)


@pytest.mark.parametrize(
    ("text", "role", "organisation", "country", "qualifiers"),
    [
        ("Russia's then-Defence Minister", "defense minister", "", "ru", ("then",)),
        (
            "vice-director of the General Political Bureau of the KPA",
            "deputy director",
            "general political bureau of the kpa",
            None,
            (),
        ),
        ("SPA Standing Committee chairperson", "chairman", "spa standing committee", None, ()),
        ("Minister of National Defence of the DPRK", "defense minister", "", "kp", ()),
        ("acting Minister of Foreign Affairs", "foreign minister", "", None, ("acting",)),
        ("former U.S. President", "president", "", "us", ("former",)),
        ("First Vice Minister of Foreign Affairs", "first deputy foreign minister", "", None, ()),
    ],
)
def test_parse_title(
    text: str, role: str, organisation: str, country: str | None, qualifiers: tuple[str, ...]
) -> None:
    parsed = parse_title(text)
    assert parsed is not None
    assert (parsed.role, parsed.organisation, parsed.country) == (role, organisation, country)
    assert parsed.qualifiers == qualifiers


@pytest.mark.parametrize("text", ["Kim Jong Un", "Victory Day", "", "Moscow"])
def test_parse_title_rejects_non_titles(text: str) -> None:
    assert parse_title(text) is None


SAME_TITLE = {
    "kp.kpa.gpb.vice_director": [
        "vice director of the General Political Bureau of the Korean People's Army",
        "Deputy Director of the KPA General Political Bureau",
        "deputy director of the General Political Bureau of the Korean People’s Army",
        "KPA General Political Bureau vice-director",
    ],
    "kp.spa_sc.chair": [
        "chairman of the SPA Standing Committee",
        "President of the SPA Standing Committee",
        "head of the SPA Standing Committee",
        "Supreme People's Assembly Chairman",
        "SPA Standing Committee president",
        "President of the Standing Committee of North Korea’s Supreme People’s Assembly",
    ],
    "kp.defmin": [
        "North Korean Defense Minister",
        "North Korean Defence Minister",
        "Minister of National Defence",
        "North Korea's Minister of Defense",
    ],
    "ru.defmin": [
        "Russian Defense Minister",
        "Russia's Defence Minister",
        "Russian Minister of Defence",
    ],
    "ru.fm": ["Russian Foreign Minister", "Minister of Foreign Affairs of Russia"],
    "kp.fm": ["North Korea's Foreign Minister", "DPRK Minister of Foreign Affairs"],
    "kp.wpk.cc.dept.vice_director": [
        "vice department director of the WPK Central Committee",
        "Vice Department Director of the Workers' Party of Korea",
    ],
    "ru.cgs": [
        "Russia's chief of the general staff",
        "Chief of the General Staff of the Russian Armed Forces",
    ],
    "ru.mfa.spokes": [
        "spokesperson of the Russian Foreign Ministry",
        "Russian Foreign Ministry spokeswoman",
    ],
    "cn.npcsc.vice_chair": ["China's NPC Standing Committee vice chairperson"],
}


@pytest.mark.parametrize(("title_id", "text"), [(k, v) for k, vs in SAME_TITLE.items() for v in vs])
def test_variants_reach_one_title(title_id: str, text: str) -> None:
    r = canonym.resolve(text)
    assert r.status is Status.MATCHED, r.explain()
    assert r.id == title_id, r.explain()
    assert r.entity is not None
    assert r.entity.kind is Kind.TITLE


def test_countries_and_bodies_stay_apart() -> None:
    assert (
        canonym.resolve("Russian Defense Minister").id
        != canonym.resolve("North Korean Defense Minister").id
    )
    bare = canonym.resolve("Defense Minister")
    assert bare.status is Status.AMBIGUOUS
    assert {c.id for c in bare.candidates} == {
        "kp.defmin",
        "ru.defmin",
        "cn.defmin",
        "kr.defmin",
        "ua.defmin",
    }
    assert canonym.resolve("SPA Standing Committee").id == "kp.spa_sc"
    assert canonym.resolve("Politburo Presidium member").id == "kp.wpk.politburo.presidium.member"
    assert canonym.resolve("NPC Standing Committee Vice Chairman").id == "cn.npcsc.vice_chair"
    assert canonym.resolve("head of the Main Military-Political Directorate").id == "ru.gvpu.head"
    assert canonym.resolve("Kremlin spokesperson").id == "ru.kremlin.press_secretary"
    assert canonym.resolve("Kremlin deputy spokesperson").id is None  # no such title tabled
    assert canonym.resolve("Russian KPA").id is None  # a country the body does not belong to


@pytest.mark.parametrize(
    ("text", "org_id"),
    [
        ("KPA", "kp.kpa"),
        ("Korean People's Army", "kp.kpa"),
        ("WPK", "kp.wpk"),
        ("Workers’ Party of Korea", "kp.wpk"),
        ("Supreme People's Assembly", "kp.spa"),
        ("General Political Bureau", "kp.kpa.gpb"),
        ("National Intelligence Service", "kr.nis"),
        ("NIS", "kr.nis"),
        ("Russian Foreign Ministry", "ru.mfa"),
        ("TASS", "ru.tass"),
        ("Rodong Sinmun", "kp.rodong-sinmun"),
        ("KCNA", "kp.kcna"),
        ("Russia's MFA", "ru.mfa"),
        ("North Korea's Ministry of National Defence", "kp.mnd"),
    ],
)
def test_organisations(text: str, org_id: str) -> None:
    r = canonym.resolve(text, kinds={Kind.ORGANISATION})
    assert r.id == org_id, r.explain()


def test_every_title_points_to_a_known_organisation() -> None:
    for title in TITLES:
        if title.organisation is not None:
            assert TABLES[title.organisation].kind is Kind.ORGANISATION
    assert len(TITLES) >= 30


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        ("North Korean Defense Minister No Gwansuk", "kp.no-kwang-chol", "kp.defmin"),
        ("Russia's then-Defense Minister Sergei Shoigu", "ru.sergei-shoigu", "ru.defmin"),
        ("Foreign Minister Choe", "kp.choe-son-hui", "kp.fm"),
        ("SPA chairman Choe", "kp.choe-ryong-hae", "kp.spa_sc.chair"),
        ("Defence Minister Belousov", "ru.andrei-belousov", "ru.defmin"),
        (
            "Pak Yong-il, " + GPB_SEED_000,
            "kp.pak-yong-il",
            "kp.kpa.gpb.vice_director",
        ),
        ("Choe Son Hui, foreign minister of the DPRK", "kp.choe-son-hui", "kp.fm"),
    ],
)
def test_titles_decide_names(text: str, person: str, title: str) -> None:
    r = canonym.resolve(text)
    assert r.status is Status.MATCHED, r.explain()
    assert (r.id, r.title_id) == (person, title), r.explain()
    assert r.method is Method.TITLE_AND_NAME


def test_a_title_the_person_never_held_is_reported_and_costs() -> None:
    plain = canonym.resolve("Kim Jong Un")
    r = canonym.resolve("Foreign Minister Kim Jong Un")
    assert r.id == "kp.kim-jong-un"
    assert r.score < plain.score
    assert "not known to have held" in r.explain()
    assert r.title_id is None


def test_dates_decide_between_holders() -> None:
    resolver = canonym.default_resolver()
    assert [p.id for p, _ in resolver.holders("ru.defmin", on="2023-05-01")] == ["ru.sergei-shoigu"]
    assert [p.id for p, _ in resolver.holders("ru.defmin", on=dt.date(2025, 1, 1))] == [
        "ru.andrei-belousov"
    ]
    assert resolver.resolve_holder("Russian Defense Minister", on="2023-05-01").id == (
        "ru.sergei-shoigu"
    )
    assert resolver.resolve_holder("SPA Standing Committee chairman", on="2010").id == (
        "kp.kim-yong-nam"
    )
    assert resolver.resolve_holder("SPA Standing Committee chairman", on="2020-06").id == (
        "kp.choe-ryong-hae"
    )
    assert resolver.resolve_holder("North Korean Defence Minister", on="2025-01-01").id == (
        "kp.no-kwang-chol"
    )
    both = resolver.resolve_holder("Defense Minister", on="2025-01-01")
    assert both.status is Status.AMBIGUOUS
    assert {c.id for c in both.candidates} == {
        "kp.no-kwang-chol",
        "ru.andrei-belousov",
        "cn.dong-jun",
        "ua.rustem-umerov",
    }
    outside = resolver.resolve("Defence Minister Belousov", on="2020-01-01")
    assert "not on 2020-01-01" in outside.explain()
    with pytest.raises(canonym.UnknownEntityError):
        resolver.holders("xx.no-such-title")
    with pytest.raises(ValueError, match="not a date"):
        resolver.holders("ru.defmin", on="2024-13")


TITLE_ALIASES = [
    (t, a) for t in TITLES for a in t.aliases if canonym.detect_script(a.text) == "Latn"
]


@st.composite
def title_variant(draw: st.DrawFn, text: str) -> str:
    out = text
    if draw(st.booleans()):
        out = draw(st.sampled_from([out.upper(), out.lower(), out.title()]))
    if draw(st.booleans()):
        out = out.replace("Defence", "Defense").replace("defence", "defense")
    if draw(st.booleans()):
        out = out.replace("Defense", "Defence").replace("defense", "defence")
    if draw(st.booleans()):
        out = out.replace("'", "’")
    prefix = draw(st.sampled_from(["", "the ", "then-", "former ", "The "]))
    return prefix + out


@given(st.data())
def test_every_title_spelling_resolves_home_under_variants(data: st.DataObject) -> None:
    title, alias = data.draw(st.sampled_from(TITLE_ALIASES))
    query = data.draw(title_variant(alias.text))
    r = canonym.resolve(query)
    if is_shared(title, alias.text):
        assert title.id in {c.id for c in r.candidates}, (query, r.explain())
    else:
        assert r.id == title.id, (query, r.explain())


COUNTRY_WORDS = {
    "kp": "North Korean",
    "ru": "Russian",
    "cn": "Chinese",
    "us": "U.S.",
    "ua": "Ukrainian",
}


@given(st.data())
def test_a_country_qualifier_never_moves_an_office_abroad(data: st.DataObject) -> None:
    _title, alias = data.draw(st.sampled_from(TITLE_ALIASES))
    code = data.draw(st.sampled_from(sorted(COUNTRY_WORDS)))
    r = canonym.resolve(f"{COUNTRY_WORDS[code]} {alias.text}", kinds={Kind.TITLE})
    if r.entity is not None and r.method in {Method.TITLE}:
        assert r.entity.country in {None, code}, r.explain()
    for candidate in r.candidates:
        if candidate.method is Method.TITLE:
            assert candidate.entity.country in {None, code}, r.explain()


TENURES = [
    (person, office)
    for person in TABLES.of_kind(Kind.PERSON)
    for office in person.offices
    if office.start is not None
    and any(not is_shared(person, a.text) for a in person.aliases)  # namesakes: AMBIGUOUS
]


@given(st.data())
def test_a_title_and_its_holders_name_resolve_to_the_holder_within_the_tenure(
    data: st.DataObject,
) -> None:
    person, office = data.draw(st.sampled_from(TENURES))
    title = TABLES[office.title]
    start = canonym.model.as_date(office.start)  # type: ignore[arg-type]
    end = canonym.model.as_date(office.end) if office.end else dt.date(2026, 1, 1)
    day = start + dt.timedelta(days=data.draw(st.integers(0, max(0, (end - start).days))))
    alias = data.draw(
        st.sampled_from([a for a in title.aliases if canonym.detect_script(a.text) == "Latn"])
    )
    name = data.draw(
        st.sampled_from([a.text for a in person.aliases if not is_shared(person, a.text)])
    )
    r = canonym.resolve(f"{alias.text} {name}", on=day)
    assert r.id == person.id, (alias.text, name, day, r.explain())


def _scan(
    tokens: list[str], table: tuple[tuple[tuple[str, ...], object], ...]
) -> list[tuple[bool, object]]:
    """Phrases read as first written, every phrase tried at every position: in order, each
    phrase found as (True, its value) and each word outside them as (False, the word)."""
    out: list[tuple[bool, object]] = []
    i = 0
    while i < len(tokens):
        for phrase, value in table:
            if phrase and tuple(tokens[i : i + len(phrase)]) == phrase:
                out.append((True, value))
                i += len(phrase)
                break
        else:
            out.append((False, tokens[i]))
            i += 1
    return out


_PHRASE_WORDS = sorted(
    {w for p, _ in canonym.titles.title_words().synonyms for w in p}
    | {w for p, _ in canonym.titles.title_words().countries for w in p}
)


@example(["foreign", "affairs", "minister"])  # a longer phrase shares its first word
@example(["russian", "federation", "of", "soviet", "union"])
@given(st.lists(st.sampled_from([*_PHRASE_WORDS, "minister", "choe", "of"]), max_size=8))
def test_phrases_indexed_by_first_word_read_as_scanning_every_phrase(tokens: list[str]) -> None:
    from canonym import titles

    words = titles.title_words()
    replaced = [w for found, v in _scan(tokens, words.synonyms) for w in (v if found else (v,))]
    assert titles._replace(tokens, titles._synonyms_by_first()) == replaced
    read = _scan(tokens, words.countries)
    codes = [v for found, v in read if found]
    kept = [v for found, v in read if not found]
    assert titles._countries(tokens) == (codes[0] if codes else None, kept)
