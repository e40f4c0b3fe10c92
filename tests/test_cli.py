"""Tests of the command line (called in-process through main(), and once as a subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from canonym.cli import main
from conftest import MINI


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_resolve_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "resolve", "Choe Ryong Hae", "KIM, Jong Un", "Russia's defense minister", "zzz"
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "QUERY",
        "STATUS",
        "ID",
        "KIND",
        "SCORE",
        "METHOD",
        "TITLE",
        "NAME",
        "/",
        "CANDIDATES",
    ]
    assert "kp.choe-ryong-hae" in lines[1]
    assert "matched" in lines[1]
    assert "kp.kim-jong-un" in lines[2]
    assert "ru.defmin" in lines[3]
    assert "unmatched" in lines[4]


def test_resolve_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "resolve", "--json", "최룡해", "Kim")
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["id"] == "kp.choe-ryong-hae"
    assert first["status"] == "matched"
    assert second["status"] == "ambiguous"
    assert len(second["candidates"]) > 1


def test_resolve_with_user_table_only(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "resolve",
        "--json",
        "--no-defaults",
        "--table",
        str(MINI),
        "Han Sol-mi",
        "Kim Jong Un",
    )
    assert code == 0
    han, kim = (json.loads(line) for line in out.splitlines())
    assert han["id"] == "xx.han-sol-mi"
    assert kim["status"] == "unmatched"


def test_resolve_explain_and_threshold(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "resolve", "--explain", "--threshold", "0.9", "Putin")
    assert code == 0
    assert "below the threshold" in out
    code, _, err = run(capsys, "resolve", "--threshold", "2", "Putin")
    assert code == 2
    assert "threshold" in err


def test_check_reports_problems_and_exit_status(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\n[[entity]]\nid = "x.a"\nkind = "robot"\nname = "A"\n')
    code, out, _ = run(capsys, "check", "--no-defaults", str(bad))
    assert code == 1
    assert f"{bad}:2: entry 'x.a': field 'kind'" in out
    code, out, _ = run(capsys, "check", "--no-defaults", str(MINI))
    assert code == 0
    assert "0 problems" in out


def test_bad_table_is_a_clean_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("not toml [")
    code, _, err = run(capsys, "resolve", "--table", str(bad), "Kim")
    assert code == 2
    assert "invalid TOML" in err


def test_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "kp.no-kwang-chol")
    assert code == 0
    data = json.loads(out)
    assert data["name"]
    assert any(a["text"] == "No Gwansuk" for a in data["aliases"])
    code, _, err = run(capsys, "show", "xx.none")
    assert code == 1
    assert "xx.none" in err


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "canonym", "resolve", "--json", "Андрей Белоусов"],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    )
    assert json.loads(done.stdout)["id"] == "ru.andrei-belousov"


def test_resolve_title_and_name_shows_the_title(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "resolve", "--json", "--on", "2025-05-01", "Foreign Minister Choe")
    assert code == 0
    data = json.loads(out)
    assert (data["id"], data["title"]) == ("kp.choe-son-hui", "kp.fm")


def test_holders(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "holders", "ru.defmin", "--on", "2023-05-01")
    assert code == 0
    assert "ru.sergei-shoigu" in out
    assert "ru.andrei-belousov" not in out
    code, out, _ = run(capsys, "holders", "--json", "Russian Defence Minister")
    assert {h["id"] for h in json.loads(out)["holders"]} == {
        "ru.sergei-shoigu",
        "ru.andrei-belousov",
    }
    code, _, err = run(capsys, "holders", "ru.defmin", "--on", "2023-13-01")
    assert code == 2
    assert "not a date" in err


def test_progress_shows_on_a_terminal_only() -> None:
    import io

    from canonym.cli import _Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen, pipe = Terminal(), io.StringIO()
    for stream in (screen, pipe):
        progress = _Progress("linked", 3, stream)
        for _ in range(3):
            progress.step()
        progress.close()
    assert "linked: 3/3" in screen.getvalue()
    assert screen.getvalue().endswith("\n")
    assert pipe.getvalue() == ""


# ---------------------------------------------------------------------------------------------
# A pipeline command line


def test_resolve_formats_for_pipelines(capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        code, out, _ = run(capsys, "resolve", "--format", fmt, "Choe Son Hui", "Kim")
        assert code == 0
        rows = list(csv.reader(io.StringIO(out), delimiter=delimiter))
        assert rows[0][:3] == ["query", "status", "id"]
        assert rows[1][:3] == ["Choe Son Hui", "matched", "kp.choe-son-hui"]
        assert rows[2][1] == "ambiguous"
    code, out, _ = run(capsys, "resolve", "--format", "jsonl", "Choe Son Hui")
    assert json.loads(out)["id"] == "kp.choe-son-hui"


def test_stdin_lines_keep_step_with_answers(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    # a byte-order mark, Windows line ends and a blank line: one answer a line, in order
    monkeypatch.setattr(sys, "stdin", io.StringIO("\ufeffChoe Ryong Hae\r\n\r\n최룡해\r\n"))
    code, out, _ = run(capsys, "resolve", "--format", "jsonl")
    assert code == 0
    answers = [json.loads(line) for line in out.splitlines()]
    assert [a["query"] for a in answers] == ["Choe Ryong Hae", "", "최룡해"]
    assert [a["status"] for a in answers] == ["matched", "unmatched", "matched"]


def test_output_file_gets_the_umask_mode_and_no_temporary_is_left(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import os

    old = os.umask(0o027)
    try:
        target = tmp_path / "answers.csv"
        code, out, _ = run(capsys, "resolve", "--format", "csv", "-o", str(target), "Kim Jong Un")
    finally:
        os.umask(old)
    assert code == 0
    assert out == ""
    assert target.read_text(encoding="utf-8").splitlines()[1].startswith("Kim Jong Un,matched")
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)
    assert [p.name for p in tmp_path.iterdir()] == ["answers.csv"]


def test_html_pages_of_two_inputs_with_one_name_never_collide(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for folder, text in (("a", "Choe Ryong Hae spoke."), ("b", "Kim Jong Un spoke.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(text, encoding="utf-8")
    pages = tmp_path / "pages"
    code, _, _ = run(
        capsys, "link", "--html", str(pages), str(tmp_path / "a/x.txt"), str(tmp_path / "b/x.txt")
    )
    assert code == 0
    assert sorted(p.name for p in pages.iterdir()) == ["x-2.html", "x.html"]
    assert "Choe Ryong Hae" in (pages / "x.html").read_text(encoding="utf-8")
    assert "Kim Jong Un" in (pages / "x-2.html").read_text(encoding="utf-8")


def test_link_and_holders_write_rows(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Choe Ryong Hae met Sergei Shoigu.", encoding="utf-8")
    code, out, _ = run(capsys, "link", "--format", "tsv", str(article))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split("\t")[:3] == ["file", "start", "end"]
    assert [line.split("\t")[5] for line in lines[1:]] == ["kp.choe-ryong-hae", "ru.sergei-shoigu"]
    _, out, _ = run(capsys, "holders", "--format", "csv", "ru.defmin", "--on", "2023-05-01")
    assert out.splitlines()[1].startswith("ru.sergei-shoigu,")


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("Kim Jong Un\n" * 20000, encoding="utf-8")
    code = f"{sys.executable} -m canonym resolve --format jsonl < {names} | head -n 1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", code], capture_output=True, text=True, timeout=120
    )
    assert json.loads(done.stdout)["id"] == "kp.kim-jong-un"
    assert done.stderr == ""
    assert done.returncode == 0


def test_answers_stream_while_input_is_still_coming() -> None:
    import threading

    proc = subprocess.Popen(
        [sys.executable, "-m", "canonym", "resolve", "--format", "tsv"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None
    assert proc.stdout is not None
    stdout = proc.stdout
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend([stdout.readline(), stdout.readline()]))
    try:
        proc.stdin.write("Choe Son Hui\n")
        proc.stdin.flush()
        reader.start()
        reader.join(timeout=60)  # standard input is still open
        assert not reader.is_alive(), "no answer before the input ended"
        assert lines[0].startswith("query\t")
        assert lines[1].startswith("Choe Son Hui\tmatched")
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)


def test_progress_tells_the_rate_and_the_time_left() -> None:
    from canonym.cli import _Progress

    progress = _Progress("resolved", 100)
    progress.done = 25
    line = progress.line(progress.started + 5.0)
    assert "25/100" in line
    assert "(5/s, 15 s left)" in line


def test_workers_auto_never_asks_for_more_than_one_process_on_small_or_unknown_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    from canonym.cli import AUTO_MIN_TEXTS, _how_many_workers

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert _how_many_workers("auto", 10**6) == 1  # two cores: measured slower with two
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert _how_many_workers("auto", None) == 1  # standard input: its size is not known
    assert _how_many_workers("auto", AUTO_MIN_TEXTS - 1) == 1
    assert _how_many_workers("auto", AUTO_MIN_TEXTS) == 7
    assert _how_many_workers(3, 10) == 3


def test_workers_must_be_a_number_or_auto(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["resolve", "--workers", "many", "Kim"])
    assert info.value.code == 2
    assert "a number of processes or 'auto'" in capsys.readouterr().err
