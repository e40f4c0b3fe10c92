"""Properties of the shipped tables: coverage, provenance, and every spelling resolving home."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import canonym
from canonym import Kind, Status
from canonym.translit import hangul
from strategies import formatting_variant, is_shared

TABLES = canonym.default_tables()
VERIFIED_QIDS = {"kp.kim-jong-un": "Q56226", "ru.vladimir-putin": "Q7747"}


def test_coverage_floor() -> None:
    assert len(TABLES.of_kind(Kind.PERSON)) >= 300
    assert len(TABLES.of_kind(Kind.TITLE)) >= 120
    assert len(TABLES.of_kind(Kind.ORGANISATION)) >= 100


_SAYS_NO_NATIVE = re.compile(
    r"(Hangul|Cyrillic|native|characters|script)[^.]*\bnot\b|\bno\b[^.]*(Hangul|Cyrillic|native)",
    re.IGNORECASE,
)


@pytest.mark.parametrize("entity", TABLES.entities, ids=lambda e: e.id)
def test_entity_has_provenance_and_native_names(entity: canonym.Entity) -> None:
    assert entity.sources, "every entry names a source"
    if entity.kind is Kind.PERSON:
        # a native name only where a source showed it; a person without one says so
        assert entity.native_names or _SAYS_NO_NATIVE.search(entity.note or ""), (
            f"{entity.id}: no native-script name and no note saying none was seen"
        )
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
        # breves tell 박영일 from 박용일 in either name order
        ("Pak Yŏng-il", "kp.pak-yong-il"),
        ("PAK, Yŏng-il", "kp.pak-yong-il"),
        ("Yŏng-il Pak", "kp.pak-yong-il"),
        # so does a spelling only 박영일 generates (RR yeong), in either order
        ("Pak, Yeong-il", "kp.pak-yong-il"),
        ("Yeong-il Pak", "kp.pak-yong-il"),
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
        ("PAK, Yong-il", {"kp.pak-yong-il", "kp.pak-yong-il-ksdp"}),
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
    assert alias.system == "alalc"
    assert "system alalc" in r.explain()


def test_reduced_tables_still_reach_every_attested_spelling() -> None:
    """Tables cut down to each person's display name, native-script names and the spellings
    no rule derives (benchmarks/eval_matching.py: REDUCED_SYSTEMS) still resolve every spelling
    the full tables list, to its own person: the rules, not the lists, do the work."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    from eval_matching import reduced_tables

    reduced = canonym.Resolver(reduced_tables(TABLES))
    kept = sum(len(e.aliases) for e in reduced.tables.of_kind(Kind.PERSON))
    total = sum(len(e.aliases) for e in TABLES.of_kind(Kind.PERSON))
    assert total - kept >= 100, (kept, total)  # over 100 spellings only the rules can reach
    misses = []
    for entity in TABLES.of_kind(Kind.PERSON):
        for alias in entity.aliases:
            r = reduced.resolve(alias.text)
            if is_shared(entity, alias.text):
                ok = entity.id in {c.id for c in r.candidates}
            else:
                ok = r.status is Status.MATCHED and r.id == entity.id
            if not ok:
                misses.append((entity.id, alias.text, r.status.value, r.id))
    assert misses == []


KOREAN_NATIVES = [
    (e, a.text)
    for e in TABLES.of_kind(Kind.PERSON)
    if e.country in {"kp", "kr"}
    for a in e.aliases
    if a.native and canonym.detect_script(a.text) == "Hang"
]
GENERATED = [
    (e, spelled, system)
    for e, native in KOREAN_NATIVES
    for spelled, system in hangul.spellings(native).items()
]


def _homographs(entity: canonym.Entity) -> set[str]:
    """Tabled people whose Hangul romanizes like ``entity``'s without diacritics, and the
    namesakes the tables declare (``not_same_as``: Kim Song, the DPRK's UN envoy, and the US
    diplomat Sung Kim, whose Hangul no source gave)."""
    mine = {
        hangul.romanize_name(a.text)["kcna"]
        for a in entity.aliases
        if a.native and hangul.is_hangul(a.text)
    }
    return {
        e.id
        for e, native in KOREAN_NATIVES
        if e.id != entity.id and hangul.romanize_name(native)["kcna"] in mine
    } | set(entity.not_same_as)


@pytest.mark.parametrize(
    ("entity", "spelled", "system"), GENERATED, ids=lambda x: x.id if hasattr(x, "id") else str(x)
)
def test_every_romanizer_spelling_of_a_tabled_korean_resolves_to_them(
    shipped: canonym.Resolver, entity: canonym.Entity, spelled: str, system: str
) -> None:
    r = shipped.resolve(spelled)
    if _homographs(entity):
        # 박영일 / 박용일: never the other one alone; AMBIGUOUS or (with breves) this one
        assert r.id in {None, entity.id}, r.explain()
        assert entity.id in {c.id for c in r.candidates}, r.explain()
    else:
        assert r.status is Status.MATCHED, (system, r.explain())
        assert r.id == entity.id, (system, r.explain())


@given(st.data())
def test_formatting_never_changes_the_answer_for_generated_spellings(
    shipped: canonym.Resolver, data: st.DataObject
) -> None:
    entity, spelled, _ = data.draw(st.sampled_from(GENERATED))
    variant = data.draw(formatting_variant(spelled, entity))
    before, after = shipped.resolve(spelled), shipped.resolve(variant)
    joined = "-" in spelled and canonym.name_key(variant) == canonym.name_key(spelled)
    if joined and after.status is Status.AMBIGUOUS and before.id is not None:
        # syllables run together can read as another tabled name (Jeongil: 정일 or 정길):
        # then canonym says ambiguous, with the person among the candidates, never the other
        assert before.id in {c.id for c in after.candidates}, (spelled, variant)
        return
    assert after.id == before.id, (spelled, variant, after.explain())
    assert after.status == before.status, (spelled, variant, after.explain())


def test_the_counts_in_the_data_docs_are_the_tables() -> None:
    """docs/data.md gives the counts per country; they must be the tables' own."""
    from collections import Counter
    from pathlib import Path

    doc = (Path(__file__).parent.parent / "docs" / "data.md").read_text(encoding="utf-8")
    counts = Counter((e.country, e.kind) for e in TABLES)
    rows = re.findall(r"^\| [^|]*\(`(\w\w)`\) \| (\d+) \| (\d+) \| (\d+) \|$", doc, re.MULTILINE)
    assert len(rows) >= 8
    for code, persons, titles, orgs in rows:
        assert (counts[(code, Kind.PERSON)], counts[(code, Kind.TITLE)]) == (
            int(persons),
            int(titles),
        ), code
        assert counts[(code, Kind.ORGANISATION)] == int(orgs), code
    total = re.search(r"\| \*\*all\*\* \| \*\*(\d+)\*\* \| \*\*(\d+)\*\* \| \*\*(\d+)\*\* \|", doc)
    assert total is not None
    assert [int(x) for x in total.groups()] == [
        len(TABLES.of_kind(Kind.PERSON)),
        len(TABLES.of_kind(Kind.TITLE)),
        len(TABLES.of_kind(Kind.ORGANISATION)),
    ]


def _written_by_canonym(entity: canonym.Entity) -> set[str]:
    """Every spelling canonym's writers give for the entity's native names, as name keys."""
    from canonym.translit import cyrillic, han, hangul

    out: set[str] = set()
    for alias in entity.aliases:
        if not alias.native:
            continue
        if alias.script == "Hang":
            out.update(hangul.spellings(alias.text, limit=1024))
        elif alias.script == "Cyrl":
            out.update(cyrillic.transliterations(alias.text).values())
        elif alias.script == "Hani":
            out.update(han.spellings(alias.text).values())
    return {canonym.name_key(s) for s in out}


_GENERATED_SPELLINGS = [
    (e, a)
    for e in TABLES.of_kind(Kind.PERSON)
    for a in e.aliases
    if (a.source or "").startswith("generated: canonym's")
]


@pytest.mark.parametrize(
    ("entity", "alias"),
    _GENERATED_SPELLINGS,
    ids=lambda x: getattr(x, "id", getattr(x, "text", "")),
)
def test_a_spelling_said_to_be_generated_is_what_canonym_writes(
    entity: canonym.Entity, alias: canonym.Alias
) -> None:
    assert canonym.name_key(alias.text) in _written_by_canonym(entity), alias


def test_a_title_said_to_be_read_by_the_grammar_is_read_without_its_entry() -> None:
    import attrs

    said = {
        (e.id, a.text)
        for e in TABLES
        if e.kind is not Kind.PERSON
        for a in e.aliases
        if (a.source or "").startswith("generated: canonym's title grammar")
    }
    assert len(said) >= 20
    cut = canonym.Tables(
        [
            attrs.evolve(e, aliases=tuple(a for a in e.aliases if (e.id, a.text) not in said))
            for e in TABLES
        ]
    )
    resolver = canonym.Resolver(cut)
    assert [(i, t) for i, t in sorted(said) if resolver.resolve(t).id != i] == []


def test_every_spelling_cites_where_it_comes_from() -> None:
    missing = {
        (e.id, a.text)
        for e in TABLES
        for a in e.aliases
        if not a.native and a.system != "display" and a.text != e.name and not a.source
    }
    assert missing == set(), sorted(missing)


def test_every_office_cites_where_it_comes_from() -> None:
    assert [(e.id, o.title) for e in TABLES for o in e.offices if not o.source] == []
