"""Shared fixtures: one prepared empty ledger and one demo ledger, copied per test.

Copying a template file is how Anki's tests stay fast: the migrations and the demo
build run once per test session, each test gets its own file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt or platformdirs: headless Qt, the same binding for
# matplotlib, and per-user folders (data, QSettings) inside a throwaway directory.
_HOME = Path(tempfile.mkdtemp(prefix="bangfu-tests-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "PySide6"
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["MPLCONFIGDIR"] = str(_HOME / "mpl")

import pytest  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from app import i18n  # noqa: E402
from app.db.ledger import Ledger  # noqa: E402
from app.demo.build import create_demo  # noqa: E402

pytest_plugins = ["tests.frozen_build"]  # the frozen build, made while the other tests run


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    """Domain messages in their English source text unless a test installs a language."""
    i18n.set_translator(None)
    yield
    i18n.set_translator(None)


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("templates") / "empty.db"
    Ledger.open(path).close()
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_demo(tmp_path_factory.mktemp("templates") / "demo.db")


@pytest.fixture
def db_path(empty_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of a new, empty ledger (catalogs seeded, no staff)."""
    return Path(shutil.copy(empty_template, tmp_path / "ledger.db"))


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(demo_template, tmp_path / "demo.db"))


@pytest.fixture
def ledger(db_path: Path) -> Iterator[Ledger]:
    with Ledger.open(db_path) as opened:
        yield opened


@pytest.fixture
def session(ledger: Ledger) -> Iterator[Session]:
    with ledger.session() as opened:
        yield opened


@pytest.fixture
def demo_ledger(demo_path: Path) -> Iterator[Ledger]:
    with Ledger.open(demo_path) as opened:
        yield opened


@pytest.fixture
def demo_session(demo_ledger: Ledger) -> Iterator[Session]:
    with demo_ledger.session() as opened:
        yield opened
