"""DESIGN.md §3: the domain runs without Qt, layers point down, nothing imports in a circle."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6")

# The rooms of app/, lowest first: a module may import its own room, lower rooms and
# the top-level foundation modules, never a higher room (DESIGN.md §3, README layout).
APP_LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"app"}),  # the top-level modules: clock, errors, i18n, numbers, periods
    frozenset({"app.db"}),
    frozenset({"app.records"}),
    frozenset({"app.roster"}),
    frozenset({"app.services", "app.outcomes"}),
    frozenset({"app.exchange"}),
    frozenset({"app.reports", "app.history"}),
    frozenset({"app.demo"}),
    frozenset({"app.cli"}),
)
TOP_LEVEL_LIMIT = 6  # app/*.py besides __init__.py and cli.py's own room


def python_modules(top: str) -> dict[str, Path]:
    modules = {}
    for path in (ROOT / top).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def imported_modules(path: Path) -> Iterator[str]:
    """Every module an import statement names, at any depth (inside functions too)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def import_graph() -> dict[str, set[str]]:
    modules = {**python_modules("app"), **python_modules("ui")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for imported in imported_modules(path):
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name and not name.startswith(imported + "."):
                graph[name].add(imported)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 on the path, 2 done

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt] if nxt in path else [node, nxt]
            if nxt not in state and (cycle := visit(nxt, [*path, nxt])):
                return cycle
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start, [start])):
            return cycle
    return None


def room_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 2 and not (ROOT / "app" / parts[1]).is_dir():
        return "app.cli" if module == "app.cli" else "app"
    return ".".join(parts[:2])


def layer_of(module: str) -> int:
    room = room_of(module)
    return next(index for index, rooms in enumerate(APP_LAYERS) if room in rooms)


def test_no_import_cycles_in_app_or_ui() -> None:
    assert find_cycle(import_graph()) is None


def test_cycle_finder_finds_a_planted_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_app_rooms_import_only_their_own_or_lower_rooms() -> None:
    upward = sorted(
        f"{module} → {imported}"
        for module, imports in import_graph().items()
        if module.startswith("app")
        for imported in imports
        if imported.startswith("app") and layer_of(imported) > layer_of(module)
    )
    assert upward == []


def test_app_has_only_a_handful_of_top_level_modules() -> None:
    top = sorted(p.stem for p in (ROOT / "app").glob("*.py") if p.stem not in ("__init__", "cli"))
    assert len(top) <= TOP_LEVEL_LIMIT, top


def test_ui_pages_never_import_the_main_window() -> None:
    offenders = [
        module
        for module, imports in import_graph().items()
        if module.startswith(("ui.pages", "ui.dialogs", "ui.widgets"))
        and "ui.main_window" in imports
    ]
    assert offenders == []


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
