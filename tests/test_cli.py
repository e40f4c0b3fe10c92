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
