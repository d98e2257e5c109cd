"""Lint and type checks run with the tests, so CI holds the code to STYLE.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKED = [
    "app",
    "ui",
    "tests",
    "bench",
    "installer",
    "docs",
    "main.py",
    "resources/i18n/refresh.py",
]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_lint_and_format_are_clean() -> None:
    lint = run("ruff", "check", *CHECKED)
    assert lint.returncode == 0, lint.stdout
    style = run("ruff", "format", "--check", *CHECKED)
    assert style.returncode == 0, style.stdout


def test_mypy_passes_on_the_domain_layer_and_the_gui() -> None:
    typed = run("mypy", "app", "ui")
    assert typed.returncode == 0, typed.stdout
