"""Precision and recall of canonym's linker on hand-annotated articles.

Usage: ``python benchmarks/eval_linking.py [--corpus seeds|articles|all] [--json] [--errors]``

A mention counts as right when its span (start, end) and its answer agree with the gold row:
the id for a MATCHED mention, ``-`` for a person the tables lack (UNMATCHED), ``?`` for a
mention that must stay AMBIGUOUS. Precision is over every mention the linker reports,
recall over every gold row, per document and overall.
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


def evaluate(folder: Path, resolver: canonym.Resolver | None = None) -> dict[str, Any]:
    """Link every document of a corpus and score it against its gold rows."""
    resolver = resolver or canonym.default_resolver()
    gold = load_gold(folder)
    docs: dict[str, dict[str, Any]] = {}
    total_pred = total_gold = total_hit = 0
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        expected = {(int(r["start"]), int(r["end"]), r["id"]) for r in gold.get(path.stem, [])}
        linked = resolver.link(text)
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
