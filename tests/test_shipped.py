"""Properties of the shipped tables: coverage, provenance, and every spelling resolving home."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import canonym
from canonym import Kind, Status
from strategies import formatting_variant, is_shared

TABLES = canonym.default_tables()
VERIFIED_QIDS = {"kp.kim-jong-un": "Q56226", "ru.vladimir-putin": "Q7747"}


def test_coverage_floor() -> None:
    assert len(TABLES.of_kind(Kind.PERSON)) >= 40
    assert len(TABLES.of_kind(Kind.TITLE)) >= 30
    assert len(TABLES.of_kind(Kind.ORGANISATION)) >= 20


@pytest.mark.parametrize("entity", TABLES.entities, ids=lambda e: e.id)
def test_entity_has_provenance_and_native_names(entity: canonym.Entity) -> None:
    assert entity.sources, "every entry names a source"
    assert entity.native_names, "every entry has a native-script name"
    if entity.kind is Kind.PERSON:
        assert entity.family_name
        assert entity.country
        assert canonym.name_key(entity.family_name) in canonym.name_key(entity.name)


def test_only_verified_wikidata_ids() -> None:
    found = {e.id: e.wikidata for e in TABLES if e.wikidata}
    assert found == VERIFIED_QIDS


def test_homonyms_are_separate_entities() -> None:
    a, b = TABLES["kp.pak-yong-il"], TABLES["kp.pak-yong-il-ksdp"]
    assert "박영일" in a.native_names
    assert "박용일" in b.native_names
    assert b.id in a.not_same_as


def test_opensanctions_collision_is_not_copied() -> None:
    r = canonym.resolve("Kim Yong Nam")
    assert r.id == "kp.kim-yong-nam"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Choe Ryong Hae", "kp.choe-ryong-hae"),
        ("Choe Ryong-hae", "kp.choe-ryong-hae"),
        ("Ch'oe Ryong-hae", "kp.choe-ryong-hae"),
        ("Choi Ryong-hae", "kp.choe-ryong-hae"),
        ("최룡해", "kp.choe-ryong-hae"),
        ("Чхве Рён Хэ", "kp.choe-ryong-hae"),
        ("Choe Son Hui", "kp.choe-son-hui"),
        ("Andrey Belousov", "ru.andrei-belousov"),
        ("Андрей Белоусов", "ru.andrei-belousov"),
        ("KIM, Jong Un", "kp.kim-jong-un"),
        ("Jong-un Kim", "kp.kim-jong-un"),
        ("ComradeKim Jong Un", "kp.kim-jong-un"),
        ("Kim Jong Il", "kp.kim-jong-il"),
        ("Kim Yo Jong", "kp.kim-yo-jong"),
        ("No Gwansuk", "kp.no-kwang-chol"),
        ("Volodymyr Zelensky", "ua.volodymyr-zelensky"),
        ("习近平", "cn.xi-jinping"),
        ("Russia's defense minister", "ru.defmin"),
        ("Deputy Director of the KPA General Political Bureau", "kp.kpa.gpb.vice_director"),
        ("KPA", "kp.kpa"),
        ("Korean People's Army", "kp.kpa"),
    ],
)
def test_examples(query: str, expected: str) -> None:
    r = canonym.resolve(query)
    assert r.status is Status.MATCHED, r.explain()
    assert r.id == expected, r.explain()


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("Defense Minister", {"kp.defmin", "ru.defmin"}),
        ("Pak Yong-il", {"kp.pak-yong-il", "kp.pak-yong-il-ksdp"}),
        ("Choe", {"kp.choe-ryong-hae", "kp.choe-son-hui"}),
    ],
)
def test_ambiguous_examples(query: str, ids: set[str]) -> None:
    r = canonym.resolve(query)
    assert r.status is Status.AMBIGUOUS, r.explain()
    assert ids <= {c.id for c in r.candidates}


ALIASES = [(e, a) for e in TABLES for a in e.aliases]


@given(st.data())
def test_every_shipped_spelling_resolves_home_under_formatting_variants(
    shipped: canonym.Resolver, data: st.DataObject
) -> None:
    entity, alias = data.draw(st.sampled_from(ALIASES))
    query = data.draw(formatting_variant(alias.text, entity))
    r = shipped.resolve(query)
    if is_shared(entity, alias.text):
        assert entity.id in {c.id for c in r.candidates}, (query, r.explain())
    else:
        assert r.status is Status.MATCHED, (query, r.explain())
        assert r.id == entity.id, (query, r.explain())


@pytest.mark.parametrize("entity", TABLES.entities, ids=lambda e: e.id)
def test_every_spelling_as_written_resolves_home(
    shipped: canonym.Resolver, entity: canonym.Entity
) -> None:
    for alias in entity.aliases:
        r = shipped.resolve(alias.text)
        if is_shared(entity, alias.text):
            assert entity.id in {c.id for c in r.candidates}, r.explain()
        else:
            assert r.id == entity.id, r.explain()


def test_known_distinct_entities_never_merge(shipped: canonym.Resolver) -> None:
    for entity in TABLES:
        for other_id in entity.not_same_as:
            assert entity.id in TABLES[other_id].not_same_as, (entity.id, other_id)
            for alias in TABLES[other_id].aliases:
                assert shipped.resolve(alias.text).id != entity.id, (entity.id, alias.text)


def test_evidence_names_the_spelling_written_like_the_query() -> None:
    r = canonym.resolve("Ch'oe Ryong-hae")
    (alias,) = [e.alias for e in r.evidence if e.alias is not None]
    assert alias.text == "Ch'oe Ryong-hae"
    assert alias.system == "mr"
    assert "system mr" in r.explain()
