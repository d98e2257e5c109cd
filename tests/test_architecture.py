"""DESIGN.md §3: the domain layer runs without Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6")


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


def test_no_module_under_app_imports_qt() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            module for module in imported_modules(path) if module.split(".")[0] in QT_MODULES
        )
        for path in (ROOT / "app").rglob("*.py")
    }
    assert {path: mods for path, mods in offenders.items() if mods} == {}


def test_app_and_its_cli_import_without_qt_installed() -> None:
    """Import every app module in a process where importing Qt fails."""
    code = (
        "import sys, pkgutil, importlib, app\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name.split('.')[0] in {QT_MODULES!r}: raise ImportError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "for info in pkgutil.walk_packages(app.__path__, 'app.'):\n"
        "    if '.migrations' not in info.name: importlib.import_module(info.name)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
