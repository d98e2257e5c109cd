from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_check_reports_ok(demo_path: Path) -> None:
    code, out, _ = run("check", "--db", str(demo_path))
    assert code == 0 and "ok" in out


def test_check_of_a_foreign_file_fails_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    path.write_text("hello")
    code, _, err = run("--db", str(path), "check")
    assert code == cli.EXIT_ERROR and "not a Bangfu Ledger database" in err


def test_check_of_a_missing_file_does_not_create_it(tmp_path: Path) -> None:
    code, _, err = run("check", "--db", str(tmp_path / "none.db"))
    assert code == cli.EXIT_ERROR and "no database" in err
    assert not (tmp_path / "none.db").exists()


def test_help_lists_only_commands_that_work(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run("--help")  # argparse prints its help on the real stdout
    out = capsys.readouterr().out
    assert code == 0
    listed = re.findall(r"^    (\S+)\s{2,}", out, flags=re.MULTILINE)
    assert listed == [
        "demo",
        "report",
        "backup",
        "restore",
        "check",
        "copy",
        "server-roles",
        "import-staff",
        "import-services",
        "import-outcomes",
        "import-mentorships",
        "export",
    ]


def test_no_command_without_a_gui_prints_usage() -> None:
    code, _, err = run()
    assert code == cli.EXIT_USAGE and "usage" in err


def test_demo_then_check_from_an_empty_folder(tmp_path: Path) -> None:
    """The acceptance commands, as a clerk's IT person would type them."""
    for argv in (["demo", "--db", "d.db"], ["check", "--db", "d.db"]):
        done = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *argv],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        assert done.returncode == 0, done.stderr
    assert "正常" in done.stdout  # messages are Chinese by default
    version = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert version.returncode == 0 and "0.1.0" in version.stdout


def test_argparse_speaks_chinese_in_the_chinese_ui() -> None:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    shown = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--lang", "zh_CN", "--help"],
        capture_output=True, text=True, encoding="utf-8", env=env, check=False,
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("用法：bangfu-ledger")
    assert "选项" in shown.stdout and "显示此帮助信息并退出" in shown.stdout
    assert "显示程序版本号并退出" in shown.stdout  # --version too, on Python 3.11
    assert "usage:" not in shown.stdout and "options" not in shown.stdout
    refused = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--lang", "zh_CN", "report"],
        capture_output=True, text=True, encoding="utf-8", env=env, check=False,
    )  # fmt: skip
    assert "错误：缺少以下必需参数：--quarter" in refused.stderr
    bad_quarter = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--lang", "zh_CN", "report", "--quarter", "2024Q5"],
        capture_output=True, text=True, encoding="utf-8", env=env, check=False,
    )  # fmt: skip
    assert "错误：季度：请写成 2024Q3（第 1–4 季度）的形式" in bad_quarter.stderr  # named once
