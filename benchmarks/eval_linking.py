"""Precision and recall of canonym's linker on hand-annotated articles.

Usage: ``python benchmarks/eval_linking.py [--corpus seeds|articles|all] [--json] [--errors]``

A mention counts as right when its span (start, end) and its answer agree with the gold row:
the id for a MATCHED mention, ``-`` for a person the tables lack (UNMATCHED), ``?`` for a
mention that must stay AMBIGUOUS. Precision is over every mention the linker reports,
recall over every gold row, per document and overall.

Per kind (``by_kind``): tabled persons, titles and organisations each get precision and
recall over the mentions of that kind; untabled persons (gold ``-``) get the share reported
as such; short forms of an untabled person (gold rows sharing a ``cluster`` key, when the
gold has that column) get the share whose ``Mention.cluster`` is the full mention's; and
``org_as_person`` counts gold organisations reported as persons. A corpus may give each
document's date in ``dates.tsv`` (``doc``, ``date``): it is passed to ``link(on=...)``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

import canonym
from canonym import Status

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "seeds": ROOT / "seeds",
    "articles": ROOT / "tests" / "data" / "articles",
}


def load_gold(folder: Path) -> dict[str, list[dict[str, str]]]:
    """Gold rows per document stem."""
    rows: dict[str, list[dict[str, str]]] = {}
    with (folder / "gold.tsv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows.setdefault(row["doc"], []).append(row)
    return rows


def answer(mention: canonym.Mention) -> str:
    """What a mention says, in the gold's terms: an id, ``-`` or ``?``."""
    if mention.status is Status.MATCHED and mention.id is not None:
        return mention.id
    return "?" if mention.status is Status.AMBIGUOUS else "-"


def load_dates(folder: Path) -> dict[str, str]:
    """Each document's date, when the corpus gives them (``dates.tsv``)."""
    path = folder / "dates.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {r["doc"]: r["date"] for r in csv.DictReader(f, delimiter="\t")}


_KINDS = ("person", "title", "organisation")


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


class _KindCounts:
    """Counts behind the per-kind figures."""

    def __init__(self) -> None:
        self.gold = dict.fromkeys(_KINDS, 0)
        self.predicted = dict.fromkeys(_KINDS, 0)
        self.right = dict.fromkeys(_KINDS, 0)
        self.untabled = self.untabled_reported = 0
        self.short_forms = self.short_forms_clustered = 0
        self.org_as_person = 0

    def add(self, rows: list[dict[str, str]], mentions: tuple[canonym.Mention, ...]) -> None:
        by_span = {(m.start, m.end): m for m in mentions}
        for m in mentions:
            if m.status is Status.MATCHED and m.kind.value in self.predicted:
                self.predicted[m.kind.value] += 1
        for r in rows:
            span = (int(r["start"]), int(r["end"]))
            m = by_span.get(span)
            if r["id"] == "-":
                self.untabled += 1
                if m is not None and answer(m) == "-" and m.kind.value == "person":
                    self.untabled_reported += 1
            elif r["id"] != "?":
                self.gold[r["kind"]] += 1
                if m is not None and answer(m) == r["id"]:
                    self.right[r["kind"]] += 1
            if r["kind"] == "organisation" and any(
                x.kind.value == "person" and x.start < span[1] and span[0] < x.end for x in mentions
            ):
                self.org_as_person += 1
        groups: dict[str, list[dict[str, str]]] = {}
        for r in rows:
            if r.get("cluster"):
                groups.setdefault(r["cluster"], []).append(r)
        for members in groups.values():
            full = max(members, key=lambda r: int(r["end"]) - int(r["start"]))
            head = by_span.get((int(full["start"]), int(full["end"])))
            for r in members:
                if r is full:
                    continue
                self.short_forms += 1
                m = by_span.get((int(r["start"]), int(r["end"])))
                if m is not None and head is not None and m.cluster and m.cluster == head.cluster:
                    self.short_forms_clustered += 1

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            kind: {
                "precision": _ratio(self.right[kind], self.predicted[kind]),
                "recall": _ratio(self.right[kind], self.gold[kind]),
                "gold": self.gold[kind],
                "reported": self.predicted[kind],
                "right": self.right[kind],
            }
            for kind in _KINDS
        }
        out["untabled_person"] = {
            "reported": _ratio(self.untabled_reported, self.untabled),
            "gold": self.untabled,
        }
        out["short_forms_clustered"] = {
            "share": _ratio(self.short_forms_clustered, self.short_forms),
            "gold": self.short_forms,
        }
        out["org_as_person"] = self.org_as_person
        return out


def evaluate(folder: Path, resolver: canonym.Resolver | None = None) -> dict[str, Any]:
    """Link every document of a corpus and score it against its gold rows."""
    resolver = resolver or canonym.default_resolver()
    gold = load_gold(folder)
    dates = load_dates(folder)
    kinds = _KindCounts()
    docs: dict[str, dict[str, Any]] = {}
    total_pred = total_gold = total_hit = 0
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        rows = gold.get(path.stem, [])
        expected = {(int(r["start"]), int(r["end"]), r["id"]) for r in rows}
        linked = canonym.link(text, on=dates.get(path.stem), resolver=resolver)
        kinds.add(rows, linked.mentions)
        predicted = {(m.start, m.end, answer(m)) for m in linked.mentions}
        hit = expected & predicted
        docs[path.stem] = {
            "gold": len(expected),
            "predicted": len(predicted),
            "right": len(hit),
            "precision": len(hit) / len(predicted) if predicted else 1.0,
            "recall": len(hit) / len(expected) if expected else 1.0,
            "missed": sorted(expected - predicted),
            "spurious": sorted(predicted - expected),
            "text": text,
        }
        total_pred += len(predicted)
        total_gold += len(expected)
        total_hit += len(hit)
    return {
        "documents": docs,
        "precision": total_hit / total_pred if total_pred else 1.0,
        "recall": total_hit / total_gold if total_gold else 1.0,
        "gold": total_gold,
        "predicted": total_pred,
        "right": total_hit,
        "by_kind": kinds.figures(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list missed and spurious mentions")
    args = parser.parse_args()
    names = list(CORPORA) if args.corpus == "all" else [args.corpus]
    out: dict[str, Any] = {}
    for name in names:
        if not (CORPORA[name] / "gold.tsv").exists():
            continue
        result = evaluate(CORPORA[name])
        out[name] = result
        if args.json:
            continue
        print(
            f"{name}: precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
            f"({result['right']} right of {result['predicted']} reported, {result['gold']} gold)"
        )
        k = result["by_kind"]
        for kind in _KINDS:
            f = k[kind]
            print(
                f"  {kind + 's (tabled)':24} P {f['precision']:.3f}  R {f['recall']:.3f}  "
                f"({f['right']} right of {f['reported']} matched, {f['gold']} gold)"
            )
        print(
            f"  {'untabled persons':24} reported {k['untabled_person']['reported']:.3f} of "
            f"{k['untabled_person']['gold']}; short forms clustered "
            f"{k['short_forms_clustered']['share']:.3f} of {k['short_forms_clustered']['gold']}; "
            f"organisations reported as persons: {k['org_as_person']}"
        )
        for doc, r in result["documents"].items():
            print(
                f"  {doc:24} P {r['precision']:.3f}  R {r['recall']:.3f}  "
                f"({r['right']}/{r['predicted']} reported, {r['gold']} gold)"
            )
            if args.errors:
                text = r["text"]
                for s, e, i in r["missed"]:
                    print(f"      missed   [{s}:{e}] {text[s:e]!r} {i}")
                for s, e, i in r["spurious"]:
                    print(f"      spurious [{s}:{e}] {text[s:e]!r} {i}")
    if args.json:
        for result in out.values():
            for r in result["documents"].values():
                del r["text"]
        json.dump(out, sys.stdout, indent=2)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
