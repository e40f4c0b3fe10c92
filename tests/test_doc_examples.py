"""Every Python example in README.md and docs/ runs, and says what it prints.

The examples of one file run in order in one namespace (``canonym`` imported), in a fresh
folder, like a notebook. The conventions the docs follow, so that no example can drift from
what canonym does:

- ``expr  # 'value'``: the comment's leading Python literal (``'kp.fm'``, ``None, None``,
  ``0.75``) must equal ``expr``; ``# <Status.MATCHED: 'matched'>`` must be its ``repr``;
  ``# AMBIGUOUS: ...`` or ``# Status.AMBIGUOUS`` names the status of ``expr`` (a status, or a
  result with one). A comment alone on the next line is read the same way. Other comments
  are prose.
- ``print(...)`` followed by comment lines: the printed lines must match them (``...``
  inside a comment line stands for any text).
- A python block followed by a fenced block with no language: what the python block
  printed must be that block.
- A fenced block whose info string names a file (```` ```csv people.csv ````) is written to
  that file before the examples after it run.
- ``>>>`` examples are doctests.
- ``<!-- not run: why -->`` just before a block skips it (Spark, a cluster, data the reader
  brings); the test counts the skipped blocks so that they stay few.
"""

from __future__ import annotations

import ast
import contextlib
import doctest
import io
import re
from pathlib import Path
from typing import Any

import pytest

import canonym

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^( *)```([^\n`]*)\n(.*?)^\1```[ \t]*$", re.S | re.M)
OPTIONAL = {"pandas", "dask", "distributed", "spacy"}  # extras an example may need
SKIP = re.compile(r"<!--\s*not run:[^>]*-->\s*$")


class Block:
    """One fenced block of a markdown file."""

    def __init__(self, info: str, code: str, line: int, skipped: bool) -> None:
        words = info.split()
        self.lang = words[0] if words else ""
        self.file = words[1] if len(words) > 1 else None
        self.code, self.line, self.skipped = code, line, skipped


def blocks(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        indent = len(match.group(1))
        code = "\n".join(line[indent:] for line in match.group(3).splitlines())
        before = text[: match.start()].rstrip("\n ")
        skipped = bool(SKIP.search(before.splitlines()[-1] if before else ""))
        found.append(Block(match.group(2), code, text.count("\n", 0, match.start()) + 1, skipped))
    return found


def _literal_prefix(comment: str) -> tuple[bool, Any]:
    """The longest leading part of ``comment`` that is a Python literal."""
    for end in range(len(comment), 0, -1):
        if comment[:end].rstrip().endswith(","):
            continue  # 'kp.x', title ...: the literal is 'kp.x', not a 1-tuple
        try:
            return True, ast.literal_eval(comment[:end].strip())
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
    return False, None


def _status_name(value: Any) -> str | None:
    status = getattr(value, "status", value)
    return status.name if isinstance(status, canonym.Status) else None


def check_claim(value: Any, comment: str, where: str) -> None:
    """Compare ``value`` with what the comment says it is (prose comments claim nothing)."""
    comment = comment.strip()
    if comment.startswith("<"):
        claimed = comment[: comment.index(">") + 1]
        assert repr(value) == claimed, f"{where}: {value!r}, the docs say {claimed}"
        return
    status = re.match(r"(?:Status\.)?([A-Z][A-Z_]+)\b", comment)
    if status and status.group(1) in canonym.Status.__members__:
        got = _status_name(value)
        assert got == status.group(1), f"{where}: {got}, the docs say {status.group(1)}"
        return
    if comment[:1] in "'\"[(0123456789-" or comment.startswith(("None", "True", "False")):
        ok, claimed = _literal_prefix(comment)
        if ok:
            assert value == claimed, f"{where}: {value!r}, the docs say {claimed!r}"


def _matches(printed: list[str], claimed: list[str]) -> bool:
    if len(printed) != len(claimed):
        return any("..." in c for c in claimed) and _loose(printed, claimed)
    return all(_line_matches(p, c) for p, c in zip(printed, claimed, strict=True))


def _line_matches(printed: str, claimed: str) -> bool:
    pattern = ".*".join(re.escape(piece) for piece in claimed.strip().split("..."))
    return re.fullmatch(pattern, printed.strip()) is not None


def _loose(printed: list[str], claimed: list[str]) -> bool:
    """Each claimed line matches a printed line, in order (a ``...`` line may skip lines)."""
    at = 0
    for line in claimed:
        while at < len(printed) and not _line_matches(printed[at], line):
            at += 1
        if at == len(printed):
            return False
        at += 1
    return True


def run_python(block: Block, namespace: dict[str, Any], where: str) -> str:
    """Run one block statement by statement; check its claims; return what it printed."""
    lines = block.code.splitlines()
    tree = ast.parse(block.code)
    out = io.StringIO()
    for statement in tree.body:
        end = statement.end_lineno or statement.lineno
        here = f"{where}, block line {statement.lineno}"
        last = lines[end - 1]
        comment = last.split("  # ", 1)[1] if "  # " in last else ""
        if not comment and end < len(lines) and lines[end].lstrip().startswith("# "):
            comment = lines[end].lstrip()[2:]
        is_print = (
            isinstance(statement, ast.Expr)
            and isinstance(statement.value, ast.Call)
            and getattr(statement.value.func, "id", None) == "print"
        )
        printed_before = out.tell()
        with contextlib.redirect_stdout(out):
            if isinstance(statement, ast.Expr):
                value = eval(compile(ast.Expression(statement.value), here, "eval"), namespace)
                if comment and not is_print:
                    check_claim(value, comment, here)
            else:
                exec(compile(ast.Module([statement], []), here, "exec"), namespace)
        following = []
        for line in lines[end:]:
            if not line.startswith("# "):
                break
            following.append(line[2:])
        if is_print and following:
            printed = out.getvalue()[printed_before:].splitlines()
            assert _matches(printed, following), f"{here}: printed\n" + "\n".join(printed)
    return out.getvalue()


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_examples_do_what_the_docs_say(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")  # the README links a seed article
    namespace: dict[str, Any] = {"canonym": canonym, "__name__": "__doc_example__"}
    printed: str | None = None
    for block in blocks(path):
        where = f"{path.name}:{block.line}"
        if block.skipped:
            printed = None
            continue
        if block.file:
            (tmp_path / block.file).write_text(block.code + "\n", encoding="utf-8")
        elif block.lang == "python" and ">>> " in block.code:
            test = doctest.DocTestParser().get_doctest(
                block.code, dict(namespace), where, str(path), block.line
            )
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
            runner.run(test)
            assert not runner.failures, where
        elif block.lang == "python":
            try:
                printed = run_python(block, namespace, where)
            except ModuleNotFoundError as exc:
                if exc.name not in OPTIONAL:
                    raise
                pytest.skip(f"{where} needs the optional {exc.name} (an extra)")
            continue
        elif block.lang == "" and printed:
            assert printed.rstrip("\n") == block.code.rstrip("\n"), f"{where}:\n{printed}"
        printed = None


def test_few_examples_are_not_run() -> None:
    skipped = [
        f"{path.name}:{b.line}"
        for path in DOCS
        for b in blocks(path)
        if b.skipped and b.lang == "python"
    ]
    assert len(skipped) <= 12, skipped


def _modules() -> list[str]:
    import pkgutil

    return [
        m.name
        for m in pkgutil.walk_packages(canonym.__path__, "canonym.")
        if not m.name.endswith("__main__")
    ]


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_run(name: str) -> None:
    """The ``>>>`` examples in canonym's docstrings (which the API reference shows)."""
    import importlib

    try:
        module = importlib.import_module(name)
    except ImportError as exc:  # an optional extra that is not installed
        pytest.skip(str(exc))
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    assert doctest.testmod(module, optionflags=flags).failed == 0
