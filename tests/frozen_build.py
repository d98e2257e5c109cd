"""The frozen build for tests/test_installer.py, made while the other tests run.

A PyInstaller one-folder build of the app takes about half a minute; started in the
background as soon as the tests are collected, it is mostly done by the time the
installer's tests need it, so every run of `uv run pytest` builds and checks the
frozen program without the suite taking that much longer. Its figures (build time,
bundle size) are printed at the end of the run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "installer"))
from bundle import build_command  # noqa: E402

USES_BUILD = "frozen_app"  # the fixture that needs it


@dataclass
class Build:
    folder: Path  # holds work/, dist/ and the build's log
    process: subprocess.Popen[bytes]
    started: float = field(default_factory=time.monotonic)
    seconds: float | None = None

    @property
    def app(self) -> Path:
        return self.folder / "dist" / "BangfuLedger"

    @property
    def log(self) -> Path:
        return self.folder / "build.log"

    def wait(self) -> Path:
        """The built folder, once PyInstaller has finished; fail with its log otherwise."""
        code = self.process.wait()
        if self.seconds is None:
            self.seconds = time.monotonic() - self.started
        if code != 0:
            tail = self.log.read_text(encoding="utf-8", errors="replace")[-4000:]
            pytest.fail(f"PyInstaller failed ({code}):\n{tail}")
        return self.app


def start_build() -> Build:
    folder = Path(tempfile.mkdtemp(prefix="bangfu-frozen-"))
    with open(folder / "build.log", "wb") as log:
        process = subprocess.Popen(
            build_command(folder / "dist", folder / "work"),
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            # the tests come first: the build takes what CPU they leave
            preexec_fn=(lambda: os.nice(19)) if hasattr(os, "nice") else None,
        )
    return Build(folder, process)


def pytest_collection_finish(session: pytest.Session) -> None:
    if any(USES_BUILD in getattr(item, "fixturenames", ()) for item in session.items):
        session.config.stash[BUILD] = start_build()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    build = terminalreporter.config.stash.get(BUILD, None)
    if build is None or build.seconds is None or not build.app.exists():
        return
    size = sum(p.stat().st_size for p in build.app.rglob("*") if p.is_file() and not p.is_symlink())
    terminalreporter.write_line(
        f"frozen build: {build.seconds:.0f} s, bundle {size / 1e6:.0f} MB ({build.app.name}/)"
    )


def pytest_unconfigure(config: pytest.Config) -> None:
    build = config.stash.get(BUILD, None)
    if build is not None:
        if build.process.poll() is None:
            build.process.kill()
            build.process.wait()
        shutil.rmtree(build.folder, ignore_errors=True)


BUILD = pytest.StashKey[Build]()


@pytest.fixture(scope="session")
def frozen_app(request: pytest.FixtureRequest) -> Path:
    """The one-folder build of this checkout (dist/BangfuLedger), built once per run."""
    build = request.config.stash.get(BUILD, None)
    if build is None:  # collected in a way the hook did not see: build now
        build = request.config.stash[BUILD] = start_build()
    return build.wait()
