"""The ``canonym`` command line. It only calls canonym's public API."""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import sys
import time
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import canonym
from canonym.store import atomic_writer, write_atomically

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


#: The output formats: an aligned table for people, JSON Lines, CSV and TSV for pipelines.
FORMATS = ("table", "jsonl", "csv", "tsv")


def _add_format_options(
    parser: argparse.ArgumentParser,
    *,
    jsonl: str = "one JSON object per answer",
    rows: str = "one row per answer",
) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help=f"table (for reading; the default on a terminal), jsonl ({jsonl}), csv or tsv "
        f"({rows}, a header first); with -o the default is jsonl",
    )
    parser.add_argument("--json", action="store_true", help="the same as --format jsonl")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write here (as it goes; replaced atomically)"
    )


def _format(args: argparse.Namespace) -> str:
    if args.format is not None:
        return str(args.format)
    if args.json or args.output:
        return "jsonl"
    return "table"


_WORKERS_HELP = "processes to use, or 'auto' (default 1; see docs/cli.md)"

#: ``--workers auto`` uses processes only for this many texts or more, known before the run
#: starts, on a machine with at least this many cores (on 2 cores two workers were measured
#: slower than one: 52 s against 32 s for 100,000 names).
AUTO_MIN_TEXTS = 20_000
AUTO_MIN_CORES = 4


def _workers(value: str) -> int | str:
    if value == "auto":
        return value
    try:
        number = int(value)
    except ValueError:
        msg = f"must be a number of processes or 'auto', not {value!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if number < 1:
        msg = f"must be at least 1, not {number}"
        raise argparse.ArgumentTypeError(msg)
    return number


def _how_many_workers(asked: int | str, texts: int | None) -> int:
    """The processes ``--workers`` asks for; ``auto`` is one process unless the run is known to
    be large (:data:`AUTO_MIN_TEXTS`) and the machine has cores to spare
    (:data:`AUTO_MIN_CORES`), then one fewer than the cores: never a run slower than one."""
    if asked != "auto":
        return int(asked)
    cores = os.cpu_count() or 1
    if texts is None or texts < AUTO_MIN_TEXTS or cores < AUTO_MIN_CORES:
        return 1
    return cores - 1


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
    _add_format_options(p)
    p.add_argument(
        "--threshold",
        type=float,
        default=canonym.DEFAULT_THRESHOLD,
        help="minimum score for a match (default %(default)s)",
    )
    p.add_argument("--explain", action="store_true", help="print the reasons under each row")
    p.add_argument("--workers", type=_workers, default=1, help=_WORKERS_HELP)
    p.add_argument("--on", metavar="DATE", help="the date the texts speak of (YYYY[-MM[-DD]])")
    _add_table_options(p)

    p = sub.add_parser("link", help="find and resolve every mention in texts")
    p.add_argument("files", nargs="+", metavar="FILE", help="text files (UTF-8); '-' reads stdin")
    _add_format_options(p, jsonl="one JSON object per document", rows="one row per mention")
    p.add_argument("--html", metavar="DIR", help="write DIR/<name>.html with every mention marked")
    p.add_argument("--workers", type=_workers, default=1, help=_WORKERS_HELP)
    p.add_argument("--on", metavar="DATE", help="the date the texts speak of (YYYY[-MM[-DD]])")
    _add_table_options(p)

    p = sub.add_parser("holders", help="who held an office (on a date)")
    p.add_argument("title", metavar="TITLE", help="a title id (ru.defmin) or a title mention")
    p.add_argument("--on", metavar="DATE", help="only the holder(s) on this date")
    _add_format_options(p, jsonl="one JSON object", rows="one row per tenure")
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
    """Progress on standard error, shown only when it is a terminal (so pipes and log files
    stay clean), redrawn at most ten times a second: the count (of the total, when known),
    the rate, and the time left when the total is known."""

    def __init__(self, label: str, total: int | None, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self.label, self.total, self.done, self.last = label, total, 0, 0.0
        self.started = time.monotonic()

    def line(self, now: float) -> str:
        """The progress line at time ``now``."""
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        text = f"{self.label}: {self.done:,}"
        if self.total is not None:
            text += f"/{self.total:,}"
        text += f" ({rate:,.0f}/s"
        if self.total is not None and rate > 0:
            text += f", {max(self.total - self.done, 0) / rate:,.0f} s left"
        return text + ")"

    def step(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last >= 0.1 or self.done == self.total:
            self.last = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()


def _queries(texts: list[str], stdin: TextIO) -> Iterator[str]:
    """The queries: the arguments, or standard input's lines as they come (a byte-order mark
    and Windows line ends off; a blank line is a query too, answered UNMATCHED, so that answers
    stay in step with lines)."""
    if texts and texts != ["-"]:
        yield from texts
        return
    first = True
    for line in stdin:
        if first:
            line, first = line.lstrip("\ufeff"), False
        yield line.rstrip("\r\n")


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK, Hangul) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(rows: list[list[str]], out: TextIO) -> None:
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = (c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True))
        out.write("  ".join(cells).rstrip() + "\n")


class _Rows:
    """Writes rows in one of :data:`FORMATS` as they come (a table waits for all of its rows,
    to align them)."""

    def __init__(self, out: TextIO, fmt: str, header: list[str]) -> None:
        self.out, self.fmt, self.header = out, fmt, header
        self.rows: list[list[str]] = [header]
        self.writer: Any = None
        if fmt in {"csv", "tsv"}:
            delimiter = "\t" if fmt == "tsv" else ","
            self.writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
            # the csv module quotes only the line end it writes: a cell with \r is quoted too
            self.quoted = csv.writer(
                out, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL
            )
            self.writer.writerow([h.lower() for h in header])

    def row(self, cells: list[str], data: dict[str, Any]) -> None:
        if self.fmt == "table":
            self.rows.append(cells)
        elif self.fmt == "jsonl":
            self.out.write(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            (self.quoted if any("\r" in c for c in cells) else self.writer).writerow(cells)

    def close(self) -> None:
        if self.fmt == "table":
            _table(self.rows, self.out)
        self.out.flush()


@contextlib.contextmanager
def _destination(path: str | None, out: TextIO) -> Iterator[TextIO]:
    """Standard output, or a file written as results come and put in place atomically."""
    if path is None:
        yield out
        return
    with atomic_writer(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="", errors="backslashreplace")
        try:
            yield text
            text.flush()
        finally:
            text.detach()  # the writer closes the file, after putting it in place


_RESOLVE_HEADER = ["QUERY", "STATUS", "ID", "KIND", "SCORE", "METHOD", "TITLE", "NAME / CANDIDATES"]


def _resolve_cells(r: canonym.Resolution) -> list[str]:
    shown = r.entity.name if r.entity is not None else ", ".join(c.id for c in r.candidates)
    return [
        r.query,
        r.status.value,
        r.id or "-",
        r.entity.kind.value if r.entity is not None else "-",
        f"{r.score:.2f}",
        r.method.value,
        r.title_id or "-",
        shown,
    ]


def _cmd_resolve(args: argparse.Namespace, out: TextIO) -> int:
    resolver = _resolver(args, args.threshold)
    fmt = _format(args)
    queries = _queries(args.texts, sys.stdin)
    total = None if not args.texts or args.texts == ["-"] else len(args.texts)
    progress = _Progress("resolved", total)
    explained: list[str] = []
    lost: canonym.WorkerLostError | None = None
    with _destination(args.output, out) as target:
        rows = _Rows(target, fmt, _RESOLVE_HEADER)
        try:
            workers = _how_many_workers(args.workers, total)
            for r in resolver.resolve_many(queries, workers=workers, on=args.on):
                rows.row(_resolve_cells(r), r.to_dict())
                if args.explain:
                    explained.append(r.explain())
                progress.step()
                if fmt != "table" and args.output is None and total is None:
                    target.flush()  # a pipeline sees each answer as it is made
        except canonym.WorkerLostError as exc:
            lost = exc  # what was made is written (and -o kept); then the failure is told
        rows.close()
        for text in explained:
            target.write("\n" + text + "\n")
    progress.close()
    if lost is not None:
        sys.stderr.write(f"canonym: {lost}\n")
        return 1
    return 0


def _read_text(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    return Path(name).read_bytes().decode("utf-8")


_LINK_HEADER = ["FILE", "START", "END", "KIND", "STATUS", "ID", "TITLE", "HELD", "TEXT"]


def _html_names(files: list[str]) -> dict[str, str]:
    """The page name of each input: its stem, made unique (``a/x.txt`` and ``b/x.txt`` give
    ``x.html`` and ``x-2.html``; standard input is ``stdin``)."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for name in files:
        stem = "stdin" if name == "-" else Path(name).stem or "text"
        page, n = stem, 1
        while page in taken:
            n += 1
            page = f"{stem}-{n}"
        taken.add(page)
        names[name] = page
    return names


def _cmd_link(args: argparse.Namespace, out: TextIO) -> int:
    resolver = _resolver(args)
    status = 0
    fmt = _format(args)
    html_dir = Path(args.html) if args.html else None
    if html_dir is not None:
        html_dir.mkdir(parents=True, exist_ok=True)
    pages = _html_names(args.files)
    readable: list[tuple[str, str]] = []
    for name in args.files:
        try:
            readable.append((name, _read_text(name)))
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            sys.stderr.write(f"canonym: {name}: cannot read as UTF-8 text: {reason}\n")
            status = 2  # an unreadable input (docs/cli.md: 2 unreadable, 1 problems)
    workers = _how_many_workers(args.workers, sum(len(t) // 2000 + 1 for _, t in readable))
    docs = canonym.link_many(
        (t for _, t in readable), resolver=resolver, workers=workers, on=args.on
    )
    progress = _Progress("linked", len(readable))
    quiet = html_dir is not None and args.format is None and not args.json and not args.output
    with _destination(args.output, out) as target:
        rows = _Rows(target, fmt, _LINK_HEADER)
        for (name, _text), doc in zip(readable, docs, strict=True):
            progress.step()
            if html_dir is not None:
                page = html_dir / f"{pages[name]}.html"
                write_atomically(page, doc.to_html(title=name).encode("utf-8"))
            if quiet:
                continue
            if fmt == "jsonl":
                target.write(json.dumps({"file": name, **doc.to_dict()}, ensure_ascii=False))
                target.write("\n")
                continue
            if fmt == "table":
                target.write(f"== {name}: {len(doc)} mentions\n")
                rows = _Rows(target, fmt, _LINK_HEADER[1:])
            for m in doc.mentions:
                cells = [
                    str(m.start),
                    str(m.end),
                    m.kind.value,
                    m.status.value,
                    m.id or "-",
                    m.title_id or "-",
                    ";".join(m.held) or "-",
                    m.text.replace("\n", " "),
                ]
                rows.row(cells if fmt == "table" else [name, *cells], {})
            if fmt == "table":
                rows.close()
        if fmt in {"csv", "tsv"}:
            rows.close()
    progress.close()
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
    fmt = _format(args)
    with _destination(args.output, out) as target:
        if fmt == "jsonl":
            data = {
                "title": title.id,
                "name": title.name,
                "on": args.on,
                "holders": [
                    {"id": person.reported_id, "name": person.name, **office.to_dict()}
                    for person, office in tenures
                ],
            }
            target.write(json.dumps(data, ensure_ascii=False) + "\n")
            return 0
        if fmt == "table":
            target.write(
                f"{title.id} ({title.name})" + (f" on {args.on}" if args.on else "") + "\n"
            )
        rows = _Rows(target, fmt, ["ID", "NAME", "FROM", "TO"])
        for p, o in tenures:
            rows.row([p.reported_id, p.name, o.start or "?", o.end or "-"], {})
        rows.close()
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
        return _run(args, out)
    except BrokenPipeError:
        # the reader went away (| head): stop quietly, and let the interpreter's last flush
        # of standard output go nowhere instead of raising again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _run(args: argparse.Namespace, out: TextIO) -> int:
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
