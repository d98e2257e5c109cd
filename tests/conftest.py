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
from tests import pg  # noqa: E402

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


# The app tests that run on a file and on a server (DESIGN: one facade, two backends).
# The file-specific ones (kills, faults, fuzz, backups) and the UI's stay on a file, as
# does any test that asks for the ledger's file itself (db_path, demo_path).
BOTH_BACKENDS = tuple(
    f"tests/app/{room}/"
    for room in ("records", "reports", "services", "outcomes", "roster", "exchange", "history")
)
_ROOT = Path(__file__).resolve().parent.parent


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    names = set(metafunc.fixturenames)
    if "backend_kind" not in names or names & {"db_path", "demo_path"}:
        return
    where = Path(str(metafunc.definition.path)).resolve().relative_to(_ROOT).as_posix()
    if where.startswith(BOTH_BACKENDS):
        metafunc.parametrize("backend_kind", ["sqlite", "postgresql"])


@pytest.fixture
def backend_kind() -> str:
    """Where the test's ledger lives: "sqlite" unless parametrised above."""
    return "sqlite"


@pytest.fixture(scope="session")
def pg_empty_template() -> Iterator[pg.Spares]:
    """Server databases holding a new, empty ledger (the template made once per session)."""
    name = pg.create_database()
    Ledger.open(pg.url_of(name)).close()
    spares = pg.Spares(name)
    yield spares
    spares.close()
    pg.drop_database(name)


@pytest.fixture(scope="session")
def pg_demo_template(demo_template: Path) -> Iterator[pg.Spares]:
    """Server databases holding the demo ledger (copied once per session)."""
    from app.db.transfer import copy_ledger

    name = pg.create_database()
    copy_ledger(demo_template, pg.url_of(name))
    spares = pg.Spares(name)
    yield spares
    spares.close()
    pg.drop_database(name)


def _server_copy(request: pytest.FixtureRequest, template: str) -> Iterator[str]:
    pg.require_server()
    spares: pg.Spares = request.getfixturevalue(template)
    name = spares.take()
    yield pg.url_of(name)
    pg.drop_database(name)


@pytest.fixture
def ledger_target(backend_kind: str, request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """A fresh new, empty ledger: a file, or a server database (its URL)."""
    if backend_kind == "sqlite":
        yield request.getfixturevalue("db_path")
    else:
        yield from _server_copy(request, "pg_empty_template")


@pytest.fixture
def demo_target(backend_kind: str, request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """A fresh copy of the demo ledger: a file, or a server database (its URL)."""
    if backend_kind == "sqlite":
        yield request.getfixturevalue("demo_path")
    else:
        yield from _server_copy(request, "pg_demo_template")


@pytest.fixture
def db_path(empty_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of a new, empty ledger (catalogs seeded, no staff)."""
    return Path(shutil.copy(empty_template, tmp_path / "ledger.db"))


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(demo_template, tmp_path / "demo.db"))


@pytest.fixture
def ledger(ledger_target: Path | str) -> Iterator[Ledger]:
    with Ledger.open(ledger_target) as opened:
        yield opened


@pytest.fixture
def session(ledger: Ledger) -> Iterator[Session]:
    with ledger.session() as opened:
        yield opened


@pytest.fixture
def demo_ledger(demo_target: Path | str) -> Iterator[Ledger]:
    with Ledger.open(demo_target) as opened:
        yield opened


@pytest.fixture
def demo_session(demo_ledger: Ledger) -> Iterator[Session]:
    with demo_ledger.session() as opened:
        yield opened


@pytest.fixture
def server_ledger(request: pytest.FixtureRequest) -> Iterator[Ledger]:
    """A new, empty ledger on the test server (for what only a shared ledger does)."""
    for url in _server_copy(request, "pg_empty_template"):
        with Ledger.open(url) as opened:
            yield opened


@pytest.fixture
def server_demo(request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a copy of the demo ledger on the test server."""
    yield from _server_copy(request, "pg_demo_template")


def _office(request: pytest.FixtureRequest, template: str) -> Iterator[pg.Office]:
    pg.require_server()
    spares: pg.Spares = request.getfixturevalue(template)
    with pg.office(spares.take()) as office:
        yield office


@pytest.fixture
def server_office(request: pytest.FixtureRequest) -> Iterator[pg.Office]:
    """A new, empty server ledger with its roles and one user per role (`pg.Office`)."""
    yield from _office(request, "pg_empty_template")


@pytest.fixture
def server_demo_office(request: pytest.FixtureRequest) -> Iterator[pg.Office]:
    """The demo ledger on the server, with its roles and one user per role."""
    yield from _office(request, "pg_demo_template")
