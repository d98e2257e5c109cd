"""What the frozen build holds, for installer/bangfu_ledger.spec (and its tests).

Kept apart from the spec so that the choices can be read, tested and changed in plain
Python: the data files beside the code, the modules PyInstaller cannot see being
imported, the modules and Qt parts left out to keep the download small; and the one
command that builds it (the tests and bench/bench_frozen.py run it as the README says).
"""

from __future__ import annotations

import ast
import os
import shutil
from pathlib import Path, PurePath

APP_NAME = "BangfuLedger"  # the folder, the GUI program (BangfuLedger.exe)
CLI_NAME = "bangfu-ledger"  # the console program for IT staff and scripts (as in --help)

# matplotlib picks its backend by name at run time; the dashboard draws with QtAgg,
# the printout's and workbook's charts with Agg.
HIDDEN_IMPORTS = [
    "matplotlib.backends.backend_qtagg",
    "matplotlib.backends.backend_agg",
    # A server ledger: SQLAlchemy loads its dialect by name, psycopg its C wheel.
    "sqlalchemy.dialects.postgresql.psycopg",
    "psycopg_binary",
]

# Never imported by the app, but reachable through optional imports of its libraries.
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "IPython",
    "pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "PyInstaller",
    "setuptools",
    "pkg_resources",
    "numpy.f2py",
    "matplotlib.tests",
    "numpy.tests",
    "PIL.ImageTk",
    # Qt modules outside what the app uses (Core, Gui, Widgets, PrintSupport, Network for
    # the one-window-per-file local socket, Svg plugins)
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtSvgWidgets",
]

# Qt plugins by folder: None keeps the whole folder, a set keeps the plugins whose
# names contain one of its words; other folders (input methods, network, GL and theme
# integrations of Linux desktops, …) stay out. The Linux build exists to test the
# bundle (offscreen); the Windows build is the one clerks get.
QT_PLUGINS: dict[str, set[str] | None] = {
    # qwindows: the screen on Windows; qoffscreen: --self-test; qxcb: an X11 screen
    "platforms": {"qwindows", "qoffscreen", "qxcb"},
    "printsupport": None,  # the printer dialog's back end (Windows spooler, CUPS)
    "imageformats": {"svg", "jpeg", "ico", "gif"},  # icons; Qt's PDF writer stores JPEG
    "iconengines": None,  # SVG icons at every size
    "styles": None,  # the native Windows style Fusion falls back on
}
QT_TRANSLATIONS = ("qtbase_zh_CN", "qt_zh_CN")  # Qt's own dialogs in Chinese
# opengl32sw: a software OpenGL for PCs without a driver (nothing of ours draws with
# OpenGL); the rest are Qt modules that only plugins left out above would load.
DROPPED_LIBRARIES = ("opengl32sw", "Qt6Pdf", "Qt6Qml", "Qt6Quick", "Qt6EglFS")


SPEC = Path(__file__).with_name("bangfu_ledger.spec")


def build_command(dist: Path, work: Path) -> list[str]:
    """PyInstaller on the spec through uv, which installs the build group on first use
    (`--locked`: the pinned versions of uv.lock, never a fresh resolution)."""
    uv = os.environ.get("UV") or shutil.which("uv") or "uv"
    return [
        *(uv, "run", "--locked", "--group", "build", "pyinstaller", "--noconfirm"),
        *("--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work), str(SPEC)),
    ]


def data_files(root: Path) -> list[tuple[str, str]]:
    """(source, folder in the bundle) for everything the code reads from disk.

    The code finds them beside itself (ui/ and resources/ share a parent; the
    migrations sit in app/db/migrations), so the bundle keeps the same layout.
    """
    resources = root / "resources"
    files = [
        *sorted(resources.glob("i18n/*.qm")),
        *sorted(resources.glob("icons/*")),
        *sorted(resources.glob("licenses/*")),
        resources / "style.qss",
        *sorted((root / "app/db/migrations").rglob("*.py")),
        *sorted((root / "app/db/migrations").glob("*.mako")),
    ]
    return [
        (str(path), str(path.parent.relative_to(root)))
        for path in files
        if path.is_file() and "__pycache__" not in path.parts
    ]


def migration_imports(root: Path) -> list[str]:
    """Modules the Alembic scripts import: Alembic loads them from files, so PyInstaller
    never sees their imports (alembic.op, alembic.context, …) unless told."""
    names: set[str] = set()
    for path in (root / "app/db/migrations").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return sorted(name for name in names if name.split(".")[0] in ("alembic", "sqlalchemy"))


def _dropped(name: str) -> bool:
    return any(name.startswith((dropped, f"lib{dropped}")) for dropped in DROPPED_LIBRARIES)


def keep_binary(destination: str) -> bool:
    """Whether a shared library or Qt plugin of the analysis goes into the bundle."""
    parts = PurePath(destination.replace("\\", "/")).parts
    name = parts[-1]
    if _dropped(name):
        return False
    if "plugins" in parts and parts.index("plugins") < len(parts) - 2:
        folder = parts[parts.index("plugins") + 1]
        if folder not in QT_PLUGINS:
            return False
        wanted = QT_PLUGINS[folder]
        return wanted is None or any(word in name for word in wanted)
    return True


def keep_data(destination: str) -> bool:
    """Qt's own translations only for Chinese; no link to a dropped library."""
    parts = PurePath(destination.replace("\\", "/")).parts
    if _dropped(parts[-1]):  # the links PyInstaller makes to libraries it keeps apart
        return False
    if "translations" in parts and parts[-1].endswith(".qm") and "PySide6" in parts:
        return parts[-1].removesuffix(".qm") in QT_TRANSLATIONS
    return True


def windows_version_info(version: str):  # type: ignore[no-untyped-def]
    """The version resource Windows shows in a program's Properties → Details."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = (*(int(part) for part in version.split(".")[:3]), 0)
    strings = {
        "CompanyName": "Bangfu Ledger",
        "FileDescription": "帮扶台账 Bangfu Ledger",
        "FileVersion": version,
        "InternalName": APP_NAME,
        "LegalCopyright": "MIT License",
        "OriginalFilename": f"{APP_NAME}.exe",
        "ProductName": "帮扶台账 Bangfu Ledger",
        "ProductVersion": version,
    }
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            vi.StringFileInfo(
                [
                    vi.StringTable(
                        "080404B0", [vi.StringStruct(key, value) for key, value in strings.items()]
                    )
                ]
            ),
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0804, 1200])]),
        ],
    )
