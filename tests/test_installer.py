"""The release build: the frozen program checks itself, the installer script compiles.

The frozen one-folder build (installer/bangfu_ledger.spec) is made in the background
while the other tests run (tests/frozen_build.py); here it runs its `--self-test` on
Qt's offscreen platform, keeps matplotlib's font cache between starts, and makensis
compiles installer/installer.nsi against it. `.ci/run` installs NSIS and sets
BANGFU_REQUIRE_INSTALLER_TOOLS, so in CI a missing makensis fails instead of skipping.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from app import __version__
from app.db.ledger import head_revision

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "installer"))
import bundle  # noqa: E402  (installer/bundle.py: what the frozen build holds)

REQUIRED = bool(os.environ.get("BANGFU_REQUIRE_INSTALLER_TOOLS"))


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if REQUIRED:
            pytest.fail(f"{name} is missing (.ci/run installs it)")
        pytest.skip(f"{name} is not installed")
    return found


def frozen_env(home: Path) -> dict[str, str]:
    """A clerk's first start: empty data and settings folders, no screen."""
    env = {
        key: value for key, value in os.environ.items() if key not in ("DISPLAY", "MPLCONFIGDIR")
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        HOME=str(home),
    )
    return env


def run_frozen(app: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(app / bundle.CLI_NAME), *args],
        env=frozen_env(home),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


# ------------------------------------------------------------------ the frozen program
def test_the_frozen_build_passes_its_self_test(frozen_app: Path, tmp_path: Path) -> None:
    done = run_frozen(frozen_app, tmp_path, "--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    checks = [line for line in lines if line.startswith("[通过] ")]
    assert [line.split("：")[0] for line in checks] == [
        "[通过] 数据库",
        "[通过] 窗口",
        "[通过] 图表",
        "[通过] PDF",
        "[通过] Excel",
    ], done.stdout
    assert f"迁移版本 {head_revision()}" in checks[0] and "21 名人才" in checks[0]
    assert "总览、帮扶人才、服务保障、工作成效、季度汇总、设置" in checks[1]
    assert "Noto Sans CJK SC" in checks[2]
    assert "扎赉特旗“组团式”帮扶工作季度汇总（2024年第3季度）" in checks[3]
    assert lines[-1].startswith(f"自检通过：帮扶台账 {__version__}")
    assert done.stderr == ""


@pytest.mark.skipif(sys.platform == "win32", reason="the data folder comes from the shell there")
def test_the_frozen_program_keeps_matplotlib_s_font_cache_in_the_data_folder(
    frozen_app: Path, tmp_path: Path, demo_path: Path
) -> None:
    """PyInstaller's hook would give matplotlib a new temporary folder at every start."""
    report = ("report", "--db", str(demo_path), "--quarter", "2024Q3")
    first = run_frozen(frozen_app, tmp_path, *report, "--xlsx", str(tmp_path / "a.xlsx"))
    assert first.returncode == 0, first.stderr
    caches = list((tmp_path / "data" / "BangfuLedger" / "matplotlib").glob("fontlist-*.json"))
    assert len(caches) == 1
    built = caches[0].stat().st_mtime_ns
    again = run_frozen(frozen_app, tmp_path, *report, "--xlsx", str(tmp_path / "b.xlsx"))
    assert again.returncode == 0, again.stderr
    assert caches[0].stat().st_mtime_ns == built  # read, not rebuilt


def test_the_frozen_build_holds_what_the_code_reads_from_disk(frozen_app: Path) -> None:
    inside = frozen_app / "_internal"
    for relative in (
        "app/db/migrations/env.py",
        "app/db/migrations/versions/0001_initial_schema.py",
        "resources/i18n/bangfu_zh_CN.qm",
        "resources/style.qss",
        "resources/icons/bangfu-ledger.svg",
        "resources/licenses/THIRD-PARTY.txt",
        "resources/licenses/LGPL-3.0.txt",
        "matplotlib/mpl-data/matplotlibrc",
    ):
        assert (inside / relative).is_file(), relative
    assert not list(inside.rglob("*.ts")), "translation sources stay out"
    plugins = {path.parent.name + "/" + path.name for path in inside.rglob("plugins/*/*")}
    assert any(name.startswith("platforms/") and "offscreen" in name for name in plugins)
    assert any(name.startswith("printsupport/") for name in plugins)
    assert any(name.startswith("imageformats/") and "svg" in name for name in plugins)
    assert not any(
        name.startswith(("tls/", "networkinformation/", "qmltooling/")) for name in plugins
    )
    for program in (bundle.APP_NAME, bundle.CLI_NAME):
        assert (frozen_app / program).is_file()
    assert not list(inside.rglob("*upx*")), "no UPX"


# ------------------------------------------------------------------ the installer
def test_makensis_compiles_the_installer_against_the_build(
    frozen_app: Path, tmp_path: Path
) -> None:
    makensis = tool("makensis")
    done = subprocess.run(
        [
            makensis,
            "-V2",
            "-WX",  # a warning is an error
            "-DNO_COMPRESSION",
            f"-DVERSION={__version__}",
            f"-DSOURCE_DIR={frozen_app}",
            f"-DOUTPUT_DIR={tmp_path}",
            str(ROOT / "installer" / "installer.nsi"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    setup = tmp_path / f"BangfuLedger-Setup-{__version__}.exe"
    assert setup.stat().st_size > 50_000_000
    if shutil.which("7z") is None and not REQUIRED:
        return
    listing = subprocess.run(
        [tool("7z"), "l", str(setup)], capture_output=True, text=True, check=True
    ).stdout
    assert "NSIS-3 Unicode" in listing
    for name in (bundle.APP_NAME, bundle.CLI_NAME, "uninstall.exe", "THIRD-PARTY.txt"):
        assert re.search(rf"\s{re.escape(name)}$", listing, re.M) or name in listing, name


def test_the_uninstaller_keeps_the_data_unless_the_clerk_ticks_the_box() -> None:
    """A section marked /o starts unticked, and a silent uninstall runs none of those."""
    script = (ROOT / "installer" / "installer.nsi").read_text(encoding="utf-8-sig")
    sections = re.findall(r'^Section (/o )?"([^"]+)"[^\n]*\n(.*?)^SectionEnd', script, re.M | re.S)
    removing_data = [(optional, name) for optional, name, body in sections if "$APPDATA" in body]
    assert removing_data == [("/o ", "un.删除我的数据（数据库、备份、日志和设置）")]
    assert "!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER" in script  # clerks: no admin
    assert "!define MULTIUSER_EXECUTIONLEVEL Highest" in script  # admins: all users offered


# ------------------------------------------------------------------ one version
def test_the_version_has_one_source() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["version"] == __version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__), "NSIS and Windows need x.y.z"


def test_build_group_pins_pyside6_with_pyinstaller_and_its_hooks() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = dict(pin.split("==") for pin in pyproject["dependency-groups"]["build"])
    assert set(pins) == {"pyside6-essentials", "pyinstaller", "pyinstaller-hooks-contrib"}
    locked = {
        package["name"]: package["version"]
        for package in tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))["package"]
    }
    assert all(locked[name] == version for name, version in pins.items())
    assert any("<6.12" in dep for dep in pyproject["project"]["dependencies"])


# ------------------------------------------------------------------ what goes in
@pytest.mark.parametrize(
    ("destination", "kept"),
    [
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/platforms/qoffscreen.dll", True),
        ("PySide6/plugins/platforms/qdirect2d.dll", False),
        ("PySide6/plugins/printsupport/windowsprintersupport.dll", True),
        ("PySide6/plugins/imageformats/qsvg.dll", True),
        ("PySide6/plugins/imageformats/qjpeg.dll", True),
        ("PySide6/plugins/imageformats/qtiff.dll", False),
        ("PySide6/plugins/iconengines/qsvgicon.dll", True),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/plugins/tls/qschannelbackend.dll", False),
        ("PySide6/plugins/networkinformation/qnetworklistmanager.dll", False),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/Qt6Network.dll", True),  # the local socket of one window per file
        ("PySide6/Qt6Widgets.dll", True),
        ("PySide6/Qt6PrintSupport.dll", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/lib/libQt6Network.so.6", True),
        ("matplotlib/_path.cp311-win_amd64.pyd", True),
    ],
)
def test_only_the_qt_parts_the_app_uses_are_bundled(destination: str, kept: bool) -> None:
    assert bundle.keep_binary(destination) is kept
    assert bundle.keep_binary(destination.replace("/", "\\")) is kept


def test_qt_s_own_translations_only_in_chinese() -> None:
    assert bundle.keep_data("PySide6/translations/qtbase_zh_CN.qm")
    assert not bundle.keep_data("PySide6/translations/qtbase_de.qm")
    assert not bundle.keep_data("PySide6/Qt/translations/qtwebengine_zh_CN.qm")
    assert bundle.keep_data("resources/i18n/bangfu_zh_CN.qm")


def test_data_files_mirror_the_source_layout() -> None:
    files = {
        Path(source).relative_to(ROOT).as_posix(): folder
        for source, folder in bundle.data_files(ROOT)
    }
    assert files["resources/style.qss"] == "resources"
    assert files["resources/i18n/bangfu_zh_CN.qm"] == str(Path("resources/i18n"))
    assert files["app/db/migrations/versions/0004_outcome_periods.py"] == str(
        Path("app/db/migrations/versions")
    )
    assert "resources/i18n/bangfu_zh_CN.ts" not in files
    assert "resources/i18n/refresh.py" not in files


def test_modules_the_migrations_import_are_named_to_pyinstaller() -> None:
    assert {"alembic.op", "alembic.context", "sqlalchemy"} <= set(bundle.migration_imports(ROOT))


# ------------------------------------------------------------------ licences
def test_third_party_notices_name_every_bundled_package_at_its_locked_version() -> None:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    packages: dict[str, list[dict[str, object]]] = {}
    for package in lock["package"]:
        packages.setdefault(package["name"], []).append(package)
    runtime: set[str] = set()
    todo = [dep["name"] for dep in packages["bangfu-ledger"][0]["dependencies"]]
    while todo:
        name = todo.pop()
        if name not in runtime:
            runtime.add(name)
            for entry in packages[name]:
                todo.extend(dep["name"] for dep in entry.get("dependencies", []))  # type: ignore[attr-defined]
    notices = (ROOT / "resources" / "licenses" / "THIRD-PARTY.txt").read_text(encoding="utf-8")
    rows = {
        line.split()[0].lower().replace("_", "-"): line.split()[1]
        for line in notices.splitlines()
        if re.match(r"^\S+\s+\d[\w.]*\s", line)
    }
    for name in runtime:
        assert name in rows, f"{name} missing from THIRD-PARTY.txt"
        assert rows[name] in {str(entry["version"]) for entry in packages[name]}, name
    assert "GNU Lesser General Public License version 3" in notices


def test_the_readme_lists_the_build_script_s_steps() -> None:
    """installer/build_windows.ps1 and the README's developer section build the same way."""
    script = (ROOT / "installer" / "build_windows.ps1").read_text(encoding="utf-8")
    script = re.sub(r"`\n\s*", "", script)  # PowerShell's line continuations
    readme = (ROOT / "README.md").read_text(encoding="utf-8")

    def steps(text: str) -> set[str]:
        found = re.findall(r"uv run --locked --group build [^\n}#]*", text)
        return {" ".join(step.split()) for step in found}

    assert len(steps(script)) == 2
    assert steps(script) <= steps(readme)
    for fragment in ("bangfu-ledger.exe", "--self-test", "installer\\installer.nsi", "/DVERSION="):
        assert fragment in script and fragment in readme, fragment
