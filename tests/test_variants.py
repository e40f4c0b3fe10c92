"""The spelling-variant yardstick (``tests/data/variants.tsv``): the file is well formed, and
canonym meets the project's matching aims on the full and on the reduced tables, and holds a
floor on bare tables (one Latin spelling per person, loaded as a CSV ``id,name``).

The aims (right-ID rate >= 0.97, wrong-ID rate < 0.005, no hard negative merged) are what the
romanization-aware matcher must reach; ``benchmarks/eval_matching.py`` prints the figures.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import canonym
from canonym import Kind

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import eval_matching

VARIANTS = Path(__file__).parent / "data" / "variants.tsv"
TABLES = canonym.default_tables()
PERSON_IDS = {e.id for e in TABLES.of_kind(Kind.PERSON)}
ROWS = eval_matching.load_rows(VARIANTS)

RIGHT_ID_AIM = 0.97
WRONG_ID_AIM = 0.005


def _alias_owners() -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for entity in TABLES:
        for alias in entity.aliases:
            owners.setdefault(canonym.name_key(alias.text), set()).add(entity.id)
    return owners


# ---------------------------------------------------------------------------------------------
# The file


def test_file_is_plain_tab_separated_utf8() -> None:
    text = VARIANTS.read_text(encoding="utf-8")
    assert text.endswith("\n")
    assert "\r" not in text
    with VARIANTS.open(encoding="utf-8", newline="") as f:
        lines = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert tuple(lines[0]) == eval_matching.COLUMNS
    bad = [i for i, fields in enumerate(lines[1:], start=2) if len(fields) != 5]
    assert not bad, f"lines without exactly 5 fields: {bad}"


def test_enough_rows() -> None:
    assert len(ROWS) >= 400


def test_fields_are_filled_and_valid() -> None:
    for row in ROWS:
        assert row.query, row
        assert row.query == row.query.strip(), row
        assert row.source.strip(), row
        assert row.category in eval_matching.CATEGORIES, row
        assert row.lang in eval_matching.LANGS, row
        assert row.expected == eval_matching.NO_MATCH or row.expected in PERSON_IDS, row


def test_every_category_is_used() -> None:
    assert set(eval_matching.CATEGORIES) == {row.category for row in ROWS}


def test_no_duplicate_rows() -> None:
    counts = Counter((row.query, row.expected) for row in ROWS)
    assert [pair for pair, n in counts.items() if n > 1] == []


#: The people the set was built for: the tables as they stood before issue 15 added the
#: beat's others (those are checked by tests/test_shipped.py: every romanizer spelling of
#: their native names, every attested spelling, and the same through reduced tables).
FIRST_TABLES = frozenset(
    {
        "kp.kim-jong-un",
        "kp.kim-yo-jong",
        "kp.choe-ryong-hae",
        "kp.choe-son-hui",
        "kp.pak-yong-il",
        "kp.pak-yong-il-ksdp",
        "kp.no-kwang-chol",
        "kp.kim-yong-nam",
        "kp.ri-son-gwon",
        "kp.pak-jong-chon",
        "kp.jong-kyong-thaek",
        "kp.kang-sun-nam",
        "kp.ri-yong-gil",
        "kp.pak-thae-song",
        "kp.kim-il-sung",
        "kp.kim-jong-il",
        "kp.kim-jong-nam",
        "kp.ri-chang-ho",
        "kp.ri-chang-dae",
        "kp.ri-il-hwan",
        "kp.jon-hyon-chol",
        "ru.vladimir-putin",
        "ru.sergei-lavrov",
        "ru.andrei-belousov",
        "ru.sergei-shoigu",
        "ru.maria-zakharova",
        "ru.valery-gerasimov",
        "ru.viktor-goremykin",
        "ru.nikolai-patrushev",
        "ru.sergei-naryshkin",
        "ru.dmitry-medvedev",
        "ru.alexandr-matsegora",
        "ru.konstantin-chuychenko",
        "ua.volodymyr-zelensky",
        "cn.xi-jinping",
        "cn.li-hongzhong",
        "cn.wang-yi",
        "kr.nam-sung-wook",
        "kr.cheong-yeong-gyo",
        "kr.park-hyun-ju",
        "kr.chun-doo-hwan",
        "us.donald-trump",
    }
)


def test_every_person_the_set_covers_has_five_rows() -> None:
    counts = Counter(row.expected for row in ROWS)
    assert FIRST_TABLES <= PERSON_IDS
    assert {pid: counts[pid] for pid in FIRST_TABLES if counts[pid] < 5} == {}


def test_unmatched_rows_expect_nothing() -> None:
    assert all(r.expected == eval_matching.NO_MATCH for r in ROWS if r.category == "unmatched")


def test_negatives_are_not_table_spellings() -> None:
    """A '-' row never equals a spelling of exactly one entity (a spelling two entities share,
    like 'Pak Yong Il', is a fine negative: it must come back AMBIGUOUS)."""
    owners = _alias_owners()
    clashes = {
        row.query: owners[key]
        for row in ROWS
        if row.expected == eval_matching.NO_MATCH
        and len(owners.get(key := canonym.name_key(row.query), ())) == 1
    }
    assert clashes == {}


def test_positives_are_not_other_entities_spellings() -> None:
    owners = _alias_owners()
    clashes = {
        row.query: (row.expected, owners[key])
        for row in ROWS
        if row.expected != eval_matching.NO_MATCH
        and (key := canonym.name_key(row.query)) in owners
        and row.expected not in owners[key]
    }
    assert clashes == {}


# ---------------------------------------------------------------------------------------------
# The aims


@pytest.fixture(scope="module", params=["full", "reduced"])
def figures(request: pytest.FixtureRequest) -> dict[str, Any]:
    tables = TABLES if request.param == "full" else eval_matching.reduced_tables(TABLES)
    return eval_matching.evaluate(canonym.Resolver(tables), ROWS)


def _misses(figures: dict[str, Any]) -> str:
    return ", ".join(f"{w['query']!r}->{w['got']}" for w in figures["wrong"][:20])


def test_right_id_rate(figures: dict[str, Any]) -> None:
    rate = figures["overall"]["right_id_rate"]
    per_category = {c: f["right_id_rate"] for c, f in figures["category"].items()}
    assert rate >= RIGHT_ID_AIM, f"right-ID rate {rate:.3f}; per category {per_category}"


#: What the name engine reaches on the shipped and reduced tables (99.7 % on both on
#: 2026-12-02): a floor above the aim, so that a change that loses ground fails.
RIGHT_ID_FLOOR = 0.98


def test_right_id_rate_holds_its_floor(figures: dict[str, Any]) -> None:
    rate = figures["overall"]["right_id_rate"]
    assert rate >= RIGHT_ID_FLOOR, f"right-ID rate {rate:.4f} fell below {RIGHT_ID_FLOOR}"


def test_wrong_id_rate(figures: dict[str, Any]) -> None:
    rate = figures["overall"]["wrong_id_rate"]
    assert rate < WRONG_ID_AIM, f"wrong-ID rate {rate:.4f}: {_misses(figures)}"


def test_no_hard_negative_merged(figures: dict[str, Any]) -> None:
    merged = figures["overall"]["hard_negatives_merged"]
    assert merged == 0, f"{merged} hard negatives merged: {_misses(figures)}"


# ---------------------------------------------------------------------------------------------
# Bare tables: one Latin spelling per person, as a user's CSV ``id,name`` gives it

#: Issue 14 aims at 0.90 with one Latin spelling per person: reached on 2026-12-06 (0.914,
#: with Hanja, Palladius, East Slavic forms and Hangul loanwords), so the aim is the floor.
BARE_RIGHT_ID_FLOOR = 0.90


def test_bare_tables_hold_their_floor() -> None:
    spellings, no_latin = eval_matching.bare_spellings(TABLES, ROWS)
    resolver = eval_matching.bare_resolver(spellings)
    assert {e.kind for e in resolver.tables} == {Kind.PERSON}
    assert len(resolver.tables) == len(spellings)
    assert all(len(e.aliases) == 1 for e in resolver.tables)
    figures = eval_matching.evaluate(resolver, ROWS)
    overall = figures["overall"]
    summary = (
        f"right {overall['right_id_rate']:.3f}, wrong {overall['wrong_id_rate']:.4f}, "
        f"abstain {overall['abstention_rate']:.3f}, "
        f"merged {overall['hard_negatives_merged']}; no Latin spelling: {no_latin}; "
        f"wrong matches: {_misses(figures)}"
    )
    assert overall["right_id_rate"] >= BARE_RIGHT_ID_FLOOR, summary
    assert overall["hard_negatives_merged"] == 0, summary
    assert overall["wrong_id_rate"] <= WRONG_ID_AIM, summary
