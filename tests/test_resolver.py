"""Tests of Resolver on the synthetic fixture: statuses, methods, evidence, properties."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import canonym
from canonym import Kind, Method, Status
from strategies import (
    any_text,
    formatting_variant,
    is_shared,
    resolver_from_toml,
    users_resolver,
)


def test_exact_match_with_evidence(mini: canonym.Resolver) -> None:
    r = mini.resolve("Han Sol-mi")
    assert r.status is Status.MATCHED
    assert r.id == "xx.han-sol-mi"
    assert r.score == 1.0
    assert r.method is Method.EXACT
    assert r.entity is not None
    assert r.entity.name == "Han Sol-mi"
    assert "Han Sol-mi" in r.explain()
    assert r.matched


def test_tagged_alias_is_reported(mini: canonym.Resolver) -> None:
    r = mini.resolve("HAHN SOLMI")
    assert r.id == "xx.han-sol-mi"
    alias_evidence = [e for e in r.evidence if e.alias is not None]
    assert alias_evidence[0].alias is not None
    assert alias_evidence[0].alias.system == "press"
    assert "system press" in r.explain()


def test_native_script(mini: canonym.Resolver) -> None:
    assert mini.resolve("한솔미").id == "xx.han-sol-mi"
    assert mini.resolve("ИВАН ТЕСТОВ").id == "xx.ivan-testov"


def test_same_family_different_given_name_stay_apart(mini: canonym.Resolver) -> None:
    assert mini.resolve("Han Sol Ki").id == "xx.han-sol-ki"
    assert mini.resolve("Han Solmi").id == "xx.han-sol-mi"


@pytest.mark.parametrize("query", ["SOL-MI HAN", "Han, Sol-mi", "HAN, Solmi"])
def test_name_order(mini: canonym.Resolver, query: str) -> None:
    r = mini.resolve(query)
    assert r.id == "xx.han-sol-mi"
    assert r.method is Method.REORDERED
    assert 0.9 <= r.score < 1.0


def test_family_name_alone(mini: canonym.Resolver) -> None:
    r = mini.resolve("Testov")
    assert r.status is Status.MATCHED
    assert r.method is Method.FAMILY_NAME
    assert r.id == "xx.ivan-testov"
    han = mini.resolve("Han")
    assert han.status is Status.AMBIGUOUS
    assert han.id is None
    assert {c.id for c in han.candidates} == {"xx.han-sol-mi", "xx.han-sol-ki"}


def test_shared_alias_is_ambiguous_never_a_pick(mini: canonym.Resolver) -> None:
    r = mini.resolve("Pak Ok")
    assert r.status is Status.AMBIGUOUS
    assert {c.id for c in r.candidates} == {"xx.pak-ok", "xx.pak-ok-2"}
    assert r.entity is None
    assert "ambiguous" in r.explain()
    t = mini.resolve("Minister")
    assert {c.id for c in t.candidates} == {"xx.org.minister", "yy.minister"}


def test_kinds_filter(mini: canonym.Resolver) -> None:
    assert mini.resolve("Minister", kinds={Kind.PERSON}).status is Status.UNMATCHED


def test_threshold_trades_recall_for_precision(mini_tables: canonym.Tables) -> None:
    strict = canonym.Resolver(mini_tables, threshold=0.8)
    r = strict.resolve("Testov")
    # one candidate below the threshold (but above the ambiguity floor): uncertain, not a match
    assert r.status is Status.AMBIGUOUS
    assert r.id is None
    assert [c.id for c in r.candidates] == ["xx.ivan-testov"]
    assert "threshold" in r.explain()
    assert canonym.Resolver(mini_tables, threshold=1.0).resolve("Testov").status is Status.AMBIGUOUS
    assert strict.resolve("Ivan Testov").status is Status.MATCHED


@pytest.mark.parametrize("threshold", [-0.1, 1.5, float("nan")])
def test_bad_threshold(mini_tables: canonym.Tables, threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold"):
        canonym.Resolver(mini_tables, threshold=threshold)


@pytest.mark.parametrize("query", ["", "   ", "!!!", "Nobody Here", "x" * 5000])
def test_junk_is_unmatched(mini: canonym.Resolver, query: str) -> None:
    r = mini.resolve(query)
    assert r.status is Status.UNMATCHED
    assert r.id is None
    assert r.explain()


@pytest.mark.parametrize("bad", [None, 3, b"Han", ["Han"]])
def test_non_string_raises_type_error(mini: canonym.Resolver, bad: object) -> None:
    with pytest.raises(TypeError):
        mini.resolve(bad)  # type: ignore[arg-type]


def test_to_dict_is_json_ready(mini: canonym.Resolver) -> None:
    import json

    data = json.loads(json.dumps(mini.resolve("Han").to_dict()))
    assert data["status"] == "ambiguous"
    assert len(data["candidates"]) == 2


@given(any_text)
def test_resolve_never_raises_on_text(text: str) -> None:
    r = canonym.resolve(text)
    assert r.status in set(Status)
    assert 0.0 <= r.score <= 1.0
    assert (r.entity is not None) == (r.status is Status.MATCHED)


@given(st.data())
def test_every_fixture_alias_resolves_under_formatting_variants(
    mini: canonym.Resolver, data: st.DataObject
) -> None:
    entity = data.draw(st.sampled_from(mini.tables.entities))
    alias = data.draw(st.sampled_from(entity.aliases))
    query = data.draw(formatting_variant(alias.text, entity))
    r = mini.resolve(query)
    if is_shared(entity, alias.text):
        assert entity.id in {c.id for c in r.candidates}, (query, r.explain())
    else:
        assert r.id == entity.id, (query, r.explain())


@given(st.data())
def test_adding_an_unrelated_entity_never_changes_an_exact_match(
    mini_tables: canonym.Tables, data: st.DataObject
) -> None:
    name = data.draw(st.text(alphabet="abcdefghij", min_size=12, max_size=20))
    extra = canonym.Entity(
        id="zz.extra",
        kind=Kind.PERSON,
        name=name,
        aliases=[canonym.Alias(text=name, script="Latn")],
    )
    bigger = canonym.Resolver(canonym.Tables.from_entities([*mini_tables, extra]))
    before = canonym.Resolver(mini_tables)
    for entity in mini_tables:
        for alias in entity.aliases:
            assert bigger.resolve(alias.text).id == before.resolve(alias.text).id


class _SearchOnly(canonym.Resolver):
    """A resolver that always runs the full search (no shortcut for exact spellings)."""

    def _sure_exact(self, text: str, a: object) -> None:  # type: ignore[override]
        return None


_SHIPPED_SPELLINGS = [(a.text, e) for e in canonym.default_tables() for a in e.aliases]


@st.composite
def _shipped_variant(draw: st.DrawFn) -> str:
    text, entity = draw(st.sampled_from(_SHIPPED_SPELLINGS))
    return draw(st.one_of(st.just(text), formatting_variant(text, entity)))


@given(_shipped_variant(), st.floats(0.0, 1.0))
def test_the_exact_shortcut_answers_as_the_full_search_does(query: str, threshold: float) -> None:
    tables = canonym.default_tables()
    fast = canonym.Resolver(tables, threshold=threshold, index=canonym.default_resolver().index)
    slow = _SearchOnly(tables, threshold=threshold, index=canonym.default_resolver().index)
    assert fast.resolve(query) == slow.resolve(query)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Xi Jinpnig", "cn.xi-jinping"),  # letters swapped
        ("Xi Jnping", "cn.xi-jinping"),  # a letter dropped
        ("Li Hongzhonng", "cn.li-hongzhong"),  # a letter doubled
        ("Wnag Yi", "cn.wang-yi"),
    ],
)
def test_a_chinese_name_with_one_word_that_is_not_pinyin_is_repaired(
    shipped: canonym.Resolver, query: str, expected: str
) -> None:
    result = shipped.resolve(query)
    assert result.id == expected, result.evidence
    assert result.method is Method.NAME
    assert result.score < 1.0  # a misspelling is never as good as the spelling


def test_a_valid_pinyin_name_is_never_repaired(shipped: canonym.Resolver) -> None:
    # Hongzhang is pinyin, and another man's name: not a typo of Li Hongzhong
    result = shipped.resolve("Li Hongzhang")
    assert result.status is not Status.MATCHED
    assert all(c.method is not Method.PINYIN_TYPO for c in result.candidates)


def test_two_repairs_reaching_two_people_are_a_tie(tmp_path: object) -> None:
    resolver = resolver_from_toml(
        tmp_path,
        '[[entity]]\nid = "x.wang-lin"\nkind = "person"\nname = "Wang Lin"\n'
        'country = "cn"\n[[entity]]\nid = "x.wang-lan"\nkind = "person"\nname = "Wang Lan"\n'
        'country = "cn"\n',
    )
    result = resolver.resolve("Wang Lxn")
    assert result.status is Status.AMBIGUOUS
    assert {c.id for c in result.candidates} == {"x.wang-lin", "x.wang-lan"}


@given(st.sampled_from(["Xi", "Wang", "Li"]), st.text(alphabet="abcdefghijklmnopqrstuvwxyz"))
def test_pinyin_repair_never_raises(family: str, word: str) -> None:
    result = canonym.default_resolver().resolve(f"{family} {word}")
    if result.method is Method.PINYIN_TYPO:
        assert canonym.translit.han.pinyin_syllables(word) is None


def test_the_other_name_order_moves_a_whole_word(tmp_path: object) -> None:
    # "Gwon Nam Jun" turned is "Nam Jun Gwon", whose key is also that of "Nam Jung Won"
    resolver = resolver_from_toml(
        tmp_path,
        '[[entity]]\nid = "x.nam"\nkind = "person"\nname = "Nam Jung Won"\n'
        'country = "kp"\nfamily_name = "Nam"\n',
    )
    assert resolver.resolve("Gwon Nam Jun").id is None
    turned = resolver.resolve("Jung Won Nam")
    assert turned.id == "x.nam"
    assert turned.method is Method.REORDERED


@pytest.mark.parametrize(
    ("query", "tabled"),
    [
        ("Mu Son-gyong", "Song Yong Mu"),  # the same letters turned, not the same words
        ("Un Han Jong", "Han Jong Un"),  # Un is no surname of Han Jong Un: Han is
        ("Jong Han-hung", "Han Hung-jong"),  # jong, hyphened to hung, is no surname either
        ("Ho Ha-son", "Son Ho-ha"),  # son of the query is a syllable of its given name
    ],
)
def test_the_other_name_order_moves_the_family_name_word_for_word(query: str, tabled: str) -> None:
    found = users_resolver(tabled, "Kim Jong Un").resolve(query)
    assert found.status is not Status.MATCHED, found.explain()


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["Ho", "Kim", "Pak", "Ri"]),
    st.lists(st.sampled_from(["Ha", "Son", "Yong", "Il", "Chol", "Hui"]), min_size=2, max_size=2),
)
def test_a_syllable_of_a_hyphened_name_is_never_moved_as_the_family_name(
    family: str, given_name: list[str]
) -> None:
    first, second = given_name
    assume(first != second and family.lower() not in {first.lower(), second.lower()})
    query = f"{family} {first}-{second}"
    moved = f"{second} {family}-{first}"  # the second syllable moved to the front
    found = users_resolver(moved).resolve(query)
    assert found.method is not Method.REORDERED, found.explain()


@pytest.mark.parametrize(
    ("query", "tabled"),
    [
        ("Jong Un Kim", "Kim Jong Un"),
        ("Jong-un Kim", "Kim Jong Un"),
        ("AKSYONOV Sergey Valeryevich", "Sergey Valeryevich AKSYONOV"),
        ("Belousov Andrei", "Andrei Belousov"),
        ("Yong-il Pak", "Pak Yong-il"),
        ("BAK, Yong-il", "Bak Yong-il"),  # already family first, whatever the normaliser turned
    ],
)
def test_a_name_in_the_other_order_is_the_same_name(query: str, tabled: str) -> None:
    found = users_resolver(tabled, "Kim Jong Il").resolve(query)
    assert found.status is Status.MATCHED, found.explain()
    assert found.entity is not None
    assert found.entity.name == tabled


@settings(max_examples=40, deadline=None)  # a resolver each: 40 draws of 180 names
@given(
    st.sampled_from(["Kim", "Pak", "Choe", "Ri", "Jang"]),
    st.lists(
        st.sampled_from(["chol", "ryong", "hae", "il", "hyok", "gwang"]), min_size=2, max_size=2
    ),
)
def test_only_the_surname_moves_to_the_other_end(surname: str, given_name: list[str]) -> None:
    a, b = given_name
    r = users_resolver(f"{surname} {a} {b}")
    assert r.resolve(f"{a} {b} {surname}").status is Status.MATCHED
    assert r.resolve(f"{b} {surname} {a}").status is not Status.MATCHED


def test_a_generated_spelling_is_not_given_away_to_the_person_with_a_native_name(
    tmp_path: object,
) -> None:
    # "Lee Ae-suk" is a press spelling generated from 리애석, and also how 이애숙 (tabled in
    # Latin letters only, so with no generated spellings) is written: neither is chosen.
    resolver = resolver_from_toml(
        tmp_path,
        '[[entity]]\nid = "x.ri"\nkind = "person"\nname = "Ri Ae Sok"\n'
        'native = ["리애석"]\ncountry = "kp"\nfamily_name = "Ri"\n'
        '[[entity]]\nid = "x.i"\nkind = "person"\nname = "I Ae Suk"\ncountry = "kp"\n'
        'family_name = "I"\n',
    )
    result = resolver.resolve("Lee Ae-suk")
    assert result.status is Status.AMBIGUOUS
    assert {c.id for c in result.candidates} == {"x.ri", "x.i"}
    assert resolver.resolve("Ri Ae Sok").id == "x.ri"  # its own spellings still decide


# ---------------------------------------------------------------------------------------------
# Kinds by name, and batches that survive rows that are not text (issue 16)


def test_kinds_may_be_named() -> None:
    named = canonym.resolve("Kim Jong Un", kinds={"person"})
    assert named.id == canonym.resolve("Kim Jong Un", kinds={Kind.PERSON}).id == "kp.kim-jong-un"
    assert canonym.resolve("Kim Jong Un", kinds=["title"]).status is Status.UNMATCHED


@pytest.mark.parametrize(
    ("kinds", "error", "message"),
    [
        ({"persons"}, ValueError, "unknown kind 'persons'"),
        ("person", TypeError, "not one str"),
        ({1}, TypeError, "not int"),
    ],
)
def test_bad_kinds_are_clear_errors(kinds: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        canonym.resolve("Kim Jong Un", kinds=kinds)  # type: ignore[arg-type]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_batch_answers_rows_that_are_not_text(workers: int) -> None:
    rows: list[object] = ["Kim Jong Un", None, float("nan"), 7, "Choe Ryong Hae"]
    answers = list(canonym.default_resolver().resolve_many(rows, workers=workers, chunk=2))
    assert [a.id for a in answers] == ["kp.kim-jong-un", None, None, None, "kp.choe-ryong-hae"]
    assert all(a.evidence[0].rule == "not-text" for a in answers[1:4])
    assert answers[1].status is Status.UNMATCHED


def test_a_strict_batch_raises_on_a_row_that_is_not_text() -> None:
    with pytest.raises(TypeError, match="takes str items, not NoneType"):
        list(canonym.default_resolver().resolve_many(["Kim Jong Un", None], strict=True))
