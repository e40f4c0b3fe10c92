"""The seed articles' gold annotation, resolved mention by mention with the shipped tables.

Standalone mentions must resolve to their expected id. Mentions that need their document
(a bare "Choe", the homonym "Pak Yong-il") must never resolve to a *different* entity: they
come back AMBIGUOUS with the right entity among the candidates, or MATCHED to it, or UNMATCHED.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import canonym
from canonym import Status

SEEDS = Path(__file__).parent.parent / "seeds"


def gold_rows() -> list[dict[str, str]]:
    with (SEEDS / "gold.tsv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = gold_rows()
STANDALONE = [r for r in ROWS if r["standalone"] == "yes"]
CONTEXT = [r for r in ROWS if r["standalone"] == "context"]


def row_id(row: dict[str, str]) -> str:
    return f"{row['doc'][:3]}:{row['start']}:{row['text']}"


def test_gold_is_well_formed() -> None:
    assert len(ROWS) >= 100
    assert {r["standalone"] for r in ROWS} == {"yes", "context"}
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert len(texts) == 5
    last: dict[str, int] = {}
    for r in ROWS:
        start, end = int(r["start"]), int(r["end"])
        assert texts[r["doc"]][start:end] == r["text"], row_id(r)
        assert start >= last.get(r["doc"], 0), f"overlap or disorder at {row_id(r)}"
        last[r["doc"]] = end


def test_every_gold_id_is_in_the_shipped_tables(shipped: canonym.Resolver) -> None:
    missing = sorted({r["id"] for r in ROWS} - {e.id for e in shipped.tables})
    assert missing == []
    for r in ROWS:
        assert shipped.tables[r["id"]].kind.value == r["kind"], row_id(r)


@pytest.mark.parametrize("row", STANDALONE, ids=row_id)
def test_standalone_mention_resolves(shipped: canonym.Resolver, row: dict[str, str]) -> None:
    r = shipped.resolve(row["text"])
    assert r.status is Status.MATCHED, r.explain()
    assert r.id == row["id"], r.explain()


@pytest.mark.parametrize("row", CONTEXT, ids=row_id)
def test_context_mention_is_never_wrong(shipped: canonym.Resolver, row: dict[str, str]) -> None:
    r = shipped.resolve(row["text"])
    if r.status is Status.MATCHED:
        assert r.id == row["id"], r.explain()
    elif r.status is Status.AMBIGUOUS:
        assert row["id"] in {c.id for c in r.candidates}, r.explain()


@pytest.mark.parametrize("row", [r for r in ROWS if r["kind"] != "person"], ids=row_id)
def test_every_title_and_organisation_mention_resolves(
    shipped: canonym.Resolver, row: dict[str, str]
) -> None:
    r = shipped.resolve(row["text"])
    assert r.status is Status.MATCHED, r.explain()
    assert r.id == row["id"], r.explain()
