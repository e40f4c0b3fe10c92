"""The ``canonym`` command line. It only calls canonym's public API."""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import canonym
from canonym.store import write_atomically

__all__ = ["main"]


def _add_table_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--table",
        action="append",
        default=[],
        metavar="FILE",
        help="load this table file after the shipped tables (repeatable)",
    )
    parser.add_argument("--no-defaults", action="store_true", help="do not load the shipped tables")
    parser.add_argument(
        "--index", metavar="FILE", help="use a resolver saved with 'canonym save' instead"
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``canonym`` command."""
    parser = argparse.ArgumentParser(
        prog="canonym",
        description="Resolve spellings of names, titles and organisations to stable IDs.",
    )
    parser.add_argument("--version", action="version", version=f"canonym {canonym.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("resolve", help="resolve names, titles or organisations")
    p.add_argument(
        "texts", nargs="*", metavar="TEXT", help="queries; '-' or none reads stdin lines"
    )
    p.add_argument("--json", action="store_true", help="print one JSON object per line")
    p.add_argument(
        "--threshold",
        type=float,
        default=canonym.DEFAULT_THRESHOLD,
        help="minimum score for a match (default %(default)s)",
    )
    p.add_argument("--explain", action="store_true", help="print the reasons under each row")
    p.add_argument("--workers", type=int, default=1, help="processes to use (default 1)")
    p.add_argument("--output", metavar="FILE", help="write JSON Lines here, atomically")
    p.add_argument("--on", metavar="DATE", help="the date the texts speak of (YYYY[-MM[-DD]])")
    _add_table_options(p)

    p = sub.add_parser("link", help="find and resolve every mention in texts")
    p.add_argument("files", nargs="+", metavar="FILE", help="text files (UTF-8); '-' reads stdin")
    p.add_argument("--json", action="store_true", help="one JSON object per document")
    p.add_argument("--html", metavar="DIR", help="write DIR/<name>.html with every mention marked")
    p.add_argument("--workers", type=int, default=1, help="processes to use (default 1)")
    p.add_argument("--output", metavar="FILE", help="write JSON Lines here, atomically")
    p.add_argument("--on", metavar="DATE", help="the date the texts speak of (YYYY[-MM[-DD]])")
    _add_table_options(p)

    p = sub.add_parser("holders", help="who held an office (on a date)")
    p.add_argument("title", metavar="TITLE", help="a title id (ru.defmin) or a title mention")
    p.add_argument("--on", metavar="DATE", help="only the holder(s) on this date")
    p.add_argument("--json", action="store_true", help="print JSON")
    _add_table_options(p)

    p = sub.add_parser("check", help="check table files; exit 1 if any problem is found")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--no-defaults",
        action="store_true",
        help="check the files alone, not together with the shipped tables",
    )

    p = sub.add_parser("export", help="write the merged tables as one file")
    p.add_argument("--format", choices=["toml", "json", "jsonl", "csv"], default="toml")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically), not stdout")
    _add_table_options(p)

    p = sub.add_parser("save", help="save a resolver (tables + threshold) to a file")
    p.add_argument("output", metavar="FILE")
    p.add_argument("--threshold", type=float, default=canonym.DEFAULT_THRESHOLD)
    _add_table_options(p)

    p = sub.add_parser("show", help="print an entity by id as JSON")
    p.add_argument("ids", nargs="+", metavar="ID")
    _add_table_options(p)
    return parser


def _resolver(
    args: argparse.Namespace, threshold: float = canonym.DEFAULT_THRESHOLD
) -> canonym.Resolver:
    if getattr(args, "index", None):
        return canonym.Resolver.open(args.index)
    if not args.table and not args.no_defaults:
        return canonym.Resolver(threshold=threshold)
    return canonym.Resolver.load(*args.table, defaults=not args.no_defaults, threshold=threshold)


class _Progress:
    """A one-line progress count on standard error, shown only when it is a terminal (so
    pipes and log files stay clean), redrawn at most ten times a second."""

    def __init__(self, label: str, total: int | None, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self.label, self.total, self.done, self.last = label, total, 0, 0.0

    def step(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last >= 0.1 or self.done == self.total:
            self.last = now
            of = f"/{self.total}" if self.total is not None else ""
            self.stream.write(f"\r{self.label}: {self.done}{of}")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()


def _queries(texts: list[str], stdin: TextIO) -> list[str]:
    if not texts or texts == ["-"]:
        return [line.rstrip("\n") for line in stdin if line.strip()]
    return texts


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK, Hangul) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(rows: list[list[str]], out: TextIO) -> None:
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = (c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True))
        out.write("  ".join(cells).rstrip() + "\n")


def _cmd_resolve(args: argparse.Namespace, out: TextIO) -> int:
    resolver = _resolver(args, args.threshold)
    queries = _queries(args.texts, sys.stdin)
    progress = _Progress("resolved", len(queries))
    results = []
    for result in resolver.resolve_many(queries, workers=args.workers, on=args.on):
        results.append(result)
        progress.step()
    progress.close()
    if args.output:
        lines = [json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in results]
        write_atomically(args.output, "".join(lines).encode("utf-8"))
        return 0
    if args.json:
        for r in results:
            out.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        return 0
    rows = [["QUERY", "STATUS", "ID", "KIND", "SCORE", "METHOD", "TITLE", "NAME / CANDIDATES"]]
    for r in results:
        if r.entity is not None:
            shown = r.entity.name
        else:
            shown = ", ".join(c.entity.id for c in r.candidates)
        kind = r.entity.kind.value if r.entity is not None else "-"
        score = f"{r.score:.2f}"
        rows.append(
            [
                r.query,
                r.status.value,
                r.id or "-",
                kind,
                score,
                r.method.value,
                r.title_id or "-",
                shown,
            ]
        )
    _table(rows, out)
    if args.explain:
        for r in results:
            out.write("\n" + r.explain() + "\n")
    return 0


def _read_text(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    return Path(name).read_bytes().decode("utf-8")


def _cmd_link(args: argparse.Namespace, out: TextIO) -> int:
    resolver = _resolver(args)
    status = 0
    collected: list[str] = []
    html_dir = Path(args.html) if args.html else None
    if html_dir is not None:
        html_dir.mkdir(parents=True, exist_ok=True)
    readable: list[tuple[str, str]] = []
    for name in args.files:
        try:
            readable.append((name, _read_text(name)))
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            sys.stderr.write(f"canonym: {name}: cannot read as UTF-8 text: {reason}\n")
            status = 1
    docs = resolver.link_many((t for _, t in readable), workers=args.workers, on=args.on)
    progress = _Progress("linked", len(readable))
    for (name, _text), doc in zip(readable, docs, strict=True):
        progress.step()
        if html_dir is not None:
            stem = "stdin" if name == "-" else Path(name).stem
            target = html_dir / f"{stem}.html"
            write_atomically(target, doc.to_html(title=name).encode("utf-8"))
        if args.output:
            collected.append(json.dumps({"file": name, **doc.to_dict()}, ensure_ascii=False))
        elif args.json:
            out.write(json.dumps({"file": name, **doc.to_dict()}, ensure_ascii=False) + "\n")
        elif html_dir is None:
            out.write(f"== {name}: {len(doc)} mentions\n")
            rows = [["START", "END", "KIND", "STATUS", "ID", "TITLE", "TEXT"]]
            for m in doc.mentions:
                shown = m.text.replace("\n", " ")
                rows.append(
                    [
                        str(m.start),
                        str(m.end),
                        m.kind.value,
                        m.status.value,
                        m.id or "-",
                        m.title_id or "-",
                        shown,
                    ]
                )
            _table(rows, out)
    progress.close()
    if args.output:
        write_atomically(args.output, "".join(line + "\n" for line in collected).encode("utf-8"))
    return status


def _cmd_holders(args: argparse.Namespace, out: TextIO) -> int:
    resolver = _resolver(args)
    if args.title in resolver.tables:
        title = resolver.tables[args.title]
    else:
        found = resolver.resolve(args.title, kinds={canonym.Kind.TITLE})
        if found.entity is None:
            sys.stderr.write(f"canonym: {found.explain()}\n")
            return 1
        title = found.entity
    tenures = resolver.holders(title.id, on=args.on)
    if args.json:
        data = {
            "title": title.id,
            "name": title.name,
            "on": args.on,
            "holders": [
                {"id": person.id, "name": person.name, **office.to_dict()}
                for person, office in tenures
            ],
        }
        out.write(json.dumps(data, ensure_ascii=False) + "\n")
        return 0
    out.write(f"{title.id} ({title.name})" + (f" on {args.on}" if args.on else "") + "\n")
    rows = [["ID", "NAME", "FROM", "TO"]]
    rows += [[p.id, p.name, o.start or "?", o.end or "-"] for p, o in tenures]
    _table(rows, out)
    return 0


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    text = canonym.export_tables(_resolver(args).tables, args.format)
    if args.output is None:
        out.write(text)
        return 0
    write_atomically(args.output, text.encode("utf-8"))
    return 0


def _cmd_save(args: argparse.Namespace, out: TextIO) -> int:
    resolver = _resolver(args, args.threshold)
    resolver.save(args.output)
    out.write(f"saved {len(resolver.tables)} entities to {args.output}\n")
    return 0


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    problems = canonym.check_tables(*args.files, defaults=not args.no_defaults)
    for problem in problems:
        out.write(f"{problem}\n")
    count = len(problems)
    out.write(f"{count} problem{'s' if count != 1 else ''} found\n")
    return 1 if problems else 0


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    tables = _resolver(args).tables
    status = 0
    for entity_id in args.ids:
        entity = tables.get(entity_id)
        if entity is None:
            sys.stderr.write(f"canonym: no entity with id {entity_id!r}\n")
            status = 1
            continue
        out.write(json.dumps(entity.to_dict(), ensure_ascii=False, indent=2) + "\n")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``canonym`` command with ``argv`` (default: ``sys.argv[1:]``); return its status."""
    args = build_parser().parse_args(argv)
    out = sys.stdout
    try:
        if args.command == "resolve":
            return _cmd_resolve(args, out)
        if args.command == "check":
            return _cmd_check(args, out)
        if args.command == "holders":
            return _cmd_holders(args, out)
        if args.command == "link":
            return _cmd_link(args, out)
        if args.command == "export":
            return _cmd_export(args, out)
        if args.command == "save":
            return _cmd_save(args, out)
        return _cmd_show(args, out)
    except canonym.CanonymError as exc:
        sys.stderr.write(f"canonym: {exc}\n")
        return 2
    except (ValueError, TypeError) as exc:  # bad option values: a threshold outside [0, 1], a date
        sys.stderr.write(f"canonym: {exc}\n")
        return 2
