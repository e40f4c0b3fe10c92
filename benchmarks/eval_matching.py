"""How well does canonym resolve the spellings in ``tests/data/variants.tsv``?

Usage::

    python benchmarks/eval_matching.py [--reduced | --bare] [--json]

Every query of the file is resolved with ``canonym.Resolver(tables)`` and scored against the
row's expected id (``-``: the query must not be MATCHED to anything). Figures are printed per
category, per language and overall, next to a BASELINE: a plain scan that takes the best
Jaro-Winkler similarity between the normalised query and every normalised alias of every
person, and counts it as MATCHED at 0.9 or more.

``--reduced`` scores against REDUCED tables: each person keeps only its display name, its
native-script names and the spellings no rule derives (``garbled``, ``legacy``,
``exonym``...; titles and organisations are unchanged), so the figures show what the
matcher derives rather than what the tables list.

``--bare`` scores against BARE tables, built as a user's CSV with the columns ``id,name``
would be: one row per person the variant set is about (every id in its ``expected`` column),
whose ``name`` is the person's display name if that is in Latin script, else its first
Latin-script alias; no country, family name, native names, other aliases or offices, and no
titles or organisations. The CSV is written to a temporary directory and loaded through the
public API, ``canonym.Resolver.load(path, defaults=False)``. Every row of the file is scored
as in the other modes, hard negatives and ``-`` rows included. A person with no Latin
spelling at all (none today) cannot be given a bare row: it is left out of the table, its rows
are still scored (they can only come out abstained or wrong), and the report names it.

Metrics (see :func:`metrics`):

* ``right``: MATCHED to the expected id, over the rows that have an id;
* ``wrong``: MATCHED to another id (for a ``-`` row: MATCHED at all), over all rows;
* ``abstain``: AMBIGUOUS or UNMATCHED, over the rows that have an id;
* ``false``: MATCHED, over the ``-`` rows;
* ``merged``: hard-negative rows MATCHED to a wrong id (a count).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import attrs
import jellyfish

import canonym
from canonym import Kind, Status

VARIANTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "variants.tsv"
COLUMNS = ("query", "expected", "category", "lang", "source")
#: ``expected`` of a row whose query must not be MATCHED to any entity.
NO_MATCH = "-"
CATEGORIES = (
    "attested",
    "system",
    "format",
    "cross-script",
    "garbled",
    "hard-negative",
    "unmatched",
)
LANGS = ("ko", "ru", "uk", "zh", "en")
#: Alias systems a person keeps in the reduced tables (with its display and native names).
#: Spellings no rule derives, kept in the reduced tables: attested errors, legacy
#: conventions (Ким Чен Ын), other languages' conventions (Hungarian Kim Dzsongun), exonyms
#: (the Chinese and Korean forms of Russian names), Palladius and Tongyong forms of Chinese
#: names, and fuller names (Donald John Trump).
REDUCED_SYSTEMS = frozenset(
    {"garbled", "legacy", "foreign", "exonym", "palladius", "tongyong", "full-name", "nickname"}
)
#: The baseline's Jaro-Winkler similarity needed for a MATCHED result.
BASELINE_THRESHOLD = 0.9


class Row(NamedTuple):
    """One line of variants.tsv."""

    query: str
    expected: str
    category: str
    lang: str
    source: str


class Outcome(Protocol):
    """What :func:`evaluate` reads from a resolution."""

    @property
    def status(self) -> Status: ...

    @property
    def id(self) -> str | None: ...


class Resolves(Protocol):
    """Anything with ``resolve(text)``: a :class:`canonym.Resolver` or :class:`Baseline`."""

    def resolve(self, text: str) -> Outcome: ...


def load_rows(path: str | Path = VARIANTS) -> list[Row]:
    """Read variants.tsv (UTF-8, tab-separated, one header line, no quoting)."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = tuple(next(reader))
        if header != COLUMNS:
            msg = f"{path}: header is {header}, expected {COLUMNS}"
            raise ValueError(msg)
        rows = []
        for line, fields in enumerate(reader, start=2):
            if len(fields) != len(COLUMNS):
                msg = f"{path}:{line}: {len(fields)} fields, expected {len(COLUMNS)}"
                raise ValueError(msg)
            rows.append(Row(*fields))
    return rows


def reduced_tables(tables: canonym.Tables) -> canonym.Tables:
    """``tables`` with every person cut down to its display name, its native-script names and
    its spellings that no rule derives (:data:`REDUCED_SYSTEMS`) or that it knowingly shares
    with a namesake (``shared``: two people's one spelling is a fact, not a rule); titles and
    organisations are kept as they are."""
    entities = []
    for entity in tables:
        if entity.kind is Kind.PERSON:
            kept = tuple(
                a
                for a in entity.aliases
                if a.system == "display"
                or a.text == entity.name
                or a.native
                or a.shared
                or a.system in REDUCED_SYSTEMS
            )
            entity = attrs.evolve(entity, aliases=kept)
        entities.append(entity)
    return canonym.Tables(entities)


def bare_spellings(tables: canonym.Tables, rows: Iterable[Row]) -> tuple[dict[str, str], list[str]]:
    """The bare table of ``rows``: for every person id the rows expect, in table order, its one
    Latin spelling (the display name if it is in Latin script, else its first Latin-script
    alias); and, apart, the ids of the expected persons that have no Latin spelling at all."""
    expected = {r.expected for r in rows if r.expected != NO_MATCH}
    spellings: dict[str, str] = {}
    no_latin: list[str] = []
    for entity in tables.of_kind(Kind.PERSON):
        if entity.id not in expected:
            continue
        texts = [entity.name, *(a.text for a in entity.aliases)]
        latin = next((t for t in texts if canonym.detect_script(t) == "Latn"), None)
        if latin is None:
            no_latin.append(entity.id)
        else:
            spellings[entity.id] = latin
    return spellings, no_latin


def bare_resolver(spellings: dict[str, str]) -> canonym.Resolver:
    """A resolver over ``spellings`` alone (id to name), loaded as a user's CSV ``id,name``
    through ``canonym.Resolver.load(path, defaults=False)``."""
    with tempfile.TemporaryDirectory(prefix="canonym-bare-") as directory:
        path = Path(directory) / "bare.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(("id", "name"))
            writer.writerows(spellings.items())
        return canonym.Resolver.load(path, defaults=False)


class BaselineResult(NamedTuple):
    """A baseline resolution: status, matched id (``None`` unless MATCHED) and best score."""

    status: Status
    id: str | None
    score: float


class Baseline:
    """The yardstick's yardstick: a plain scan over every normalised alias of every person,
    keeping the best :func:`jellyfish.jaro_winkler_similarity` with the normalised query.

    MATCHED when the best score is at least ``threshold`` and only one person reaches it;
    AMBIGUOUS when several persons tie for it; UNMATCHED otherwise.
    """

    def __init__(self, tables: canonym.Tables, threshold: float = BASELINE_THRESHOLD) -> None:
        self.threshold = threshold
        forms = {
            (canonym.normalize(a.text), e.id)
            for e in tables.of_kind(Kind.PERSON)
            for a in e.aliases
        }
        self.forms = sorted((form, eid) for form, eid in forms if form)

    def resolve(self, text: str) -> BaselineResult:
        query = canonym.normalize(text)
        if not query:
            return BaselineResult(Status.UNMATCHED, None, 0.0)
        best, ids = 0.0, set()
        for form, eid in self.forms:
            score = jellyfish.jaro_winkler_similarity(query, form)
            if score > best:
                best, ids = score, {eid}
            elif score == best:
                ids.add(eid)
        if best < self.threshold:
            return BaselineResult(Status.UNMATCHED, None, best)
        if len(ids) > 1:
            return BaselineResult(Status.AMBIGUOUS, None, best)
        return BaselineResult(Status.MATCHED, ids.pop(), best)


def _rate(count: int, total: int) -> float | None:
    return count / total if total else None


def metrics(scored: Sequence[tuple[Row, Outcome]]) -> dict[str, Any]:
    """The figures for one group of (row, resolution) pairs."""
    with_id = [(r, o) for r, o in scored if r.expected != NO_MATCH]
    negatives = [(r, o) for r, o in scored if r.expected == NO_MATCH]
    matched = [(r, o) for r, o in scored if o.status is Status.MATCHED]
    right = sum(1 for r, o in matched if o.id == r.expected)
    wrong = sum(1 for r, o in matched if o.id != r.expected)
    abstained = sum(1 for _, o in with_id if o.status is not Status.MATCHED)
    false_matches = sum(1 for _, o in negatives if o.status is Status.MATCHED)
    merged = sum(1 for r, o in matched if r.category == "hard-negative" and o.id != r.expected)
    return {
        "n": len(scored),
        "n_id": len(with_id),
        "n_negative": len(negatives),
        "right_id_rate": _rate(right, len(with_id)),
        "wrong_id_rate": _rate(wrong, len(scored)),
        "abstention_rate": _rate(abstained, len(with_id)),
        "false_match_rate": _rate(false_matches, len(negatives)),
        "hard_negatives_merged": merged,
    }


def _grouped(
    scored: Sequence[tuple[Row, Outcome]], key: Callable[[Row], str], order: Iterable[str]
) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[tuple[Row, Outcome]]] = {}
    for pair in scored:
        groups.setdefault(key(pair[0]), []).append(pair)
    ordered = [k for k in order if k in groups] + sorted(set(groups) - set(order))
    return {k: metrics(groups[k]) for k in ordered}


def evaluate(resolver: Resolves, rows: Iterable[Row]) -> dict[str, Any]:
    """Resolve every row's query and return the figures: ``overall``, per ``category``, per
    ``lang``, and the ``wrong`` matches (query, expected, got, category) in file order."""
    scored = [(row, resolver.resolve(row.query)) for row in rows]
    wrong = [
        {"query": r.query, "expected": r.expected, "got": o.id, "category": r.category}
        for r, o in scored
        if o.status is Status.MATCHED and o.id != r.expected
    ]
    return {
        "overall": metrics(scored),
        "category": _grouped(scored, lambda r: r.category, CATEGORIES),
        "lang": _grouped(scored, lambda r: r.lang, LANGS),
        "wrong": wrong,
    }


# ---------------------------------------------------------------------------------------------
# Report

_FIGURES = (
    ("right", "right_id_rate"),
    ("wrong", "wrong_id_rate"),
    ("abstain", "abstention_rate"),
    ("false", "false_match_rate"),
    ("merged", "hard_negatives_merged"),
)


def _cell(value: float | int | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return str(value)
    return f"{100 * value:.1f}%"


def _line(label: str, ours: dict[str, Any], base: dict[str, Any]) -> str:
    cells = [f"{label:<15}{ours['n']:>5}"]
    for figures in (ours, base):
        cells.append("  ".join(f"{_cell(figures[k]):>7}" for _, k in _FIGURES))
    return "   ".join(cells)


def report(ours: dict[str, Any], base: dict[str, Any], title: str, limit: int = 15) -> str:
    """Format the canonym and baseline figures side by side as an aligned text table."""
    names = "  ".join(f"{name:>7}" for name, _ in _FIGURES)
    width = len(names)
    lines = [
        title,
        f"{'':<20}   {'canonym':^{width}}   {'baseline (Jaro-Winkler >= 0.9)':^{width}}",
        f"{'group':<15}{'n':>5}   {names}   {names}",
        _line("overall", ours["overall"], base["overall"]),
    ]
    for section in ("category", "lang"):
        lines.append(f"by {section}")
        for group, figures in ours[section].items():
            lines.append(_line(f"  {group}", figures, base[section][group]))
    wrong = ours["wrong"]
    if wrong:
        lines.append(f"canonym's wrong matches ({len(wrong)}):")
        lines.extend(
            f"  {w['query']!r}: expected {w['expected']}, got {w['got']} [{w['category']}]"
            for w in wrong[:limit]
        )
        if len(wrong) > limit:
            lines.append(f"  ... and {len(wrong) - limit} more")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    tables_group = parser.add_mutually_exclusive_group()
    tables_group.add_argument(
        "--reduced",
        action="store_true",
        help="persons keep only display, native and underivable spellings (garbled, exonym...)",
    )
    tables_group.add_argument(
        "--bare",
        action="store_true",
        help="one Latin spelling per person, loaded as a CSV id,name (no titles, no orgs)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--variants", default=str(VARIANTS), help="the TSV file to score")
    args = parser.parse_args(argv)

    rows = load_rows(args.variants)
    tables = canonym.default_tables()
    no_latin: list[str] = []
    if args.bare:
        spellings, no_latin = bare_spellings(tables, rows)
        resolver = bare_resolver(spellings)
        tables = resolver.tables
    else:
        if args.reduced:
            tables = reduced_tables(tables)
        resolver = canonym.Resolver(tables)
    ours = evaluate(resolver, rows)
    base = evaluate(Baseline(tables), rows)
    which = "bare" if args.bare else "reduced" if args.reduced else "full"
    if args.json:
        out = {
            "variants": str(args.variants),
            "rows": len(rows),
            "tables": which,
            "baseline_threshold": BASELINE_THRESHOLD,
            **({"no_latin_spelling": no_latin} if args.bare else {}),
            "canonym": ours,
            "baseline": base,
        }
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        title = f"canonym matching benchmark: {len(rows)} rows, {which} tables"
        print(report(ours, base, title))
        if no_latin:
            print(f"persons without a Latin spelling, left out of the bare table: {no_latin}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
