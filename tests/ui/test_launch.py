"""The program's start (`ui.launch`): the main window first, opening, the ledger behind it.

The window must appear before the database stack is imported (issue #14: shown and
responding as fast as a bare Qt window), and every answer the start gave before still
comes: a newer file refused, sign-in asked, a quit before the ledger is attached
leaving the file free, a file in a missing folder made only when asked (the lead's
`--db` question; the `application` fixture installs the zh_CN translators).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from app.db.ledger import Ledger
from app.db.vocabulary import Role
from app.records.permissions import Permission
from app.records.users import turn_sign_in_on
from app.records.work import Actor, perform
from tests.ui.conftest import ScriptedDialogs
from ui import exception_handler, launch
from ui.dialogs.sign_in_dialog import SignInDialog
from ui.launch import may_create_there
from ui.pages.dashboard.page import DashboardPage

WAIT_MS = 30_000
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def starting(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[launch.Start]]:
    """Starts made by a test, finished (as at quit) and their windows closed after it."""
    monkeypatch.setattr(exception_handler, "install", lambda: None)  # pytest-qt's hook stays
    # The program would end (QCoreApplication.exit, which would also end the next tests'
    # waits): recorded instead.
    monkeypatch.setattr(launch.Start, "refused", lambda started: setattr(started, "ended", True))
    launch.create_qt_application()
    QSettings().clear()
    made: list[launch.Start] = []
    yield made
    for started in made:
        started.window.close()
        started.finish()
        started.window.deleteLater()
        if started in launch._running:
            launch._running.remove(started)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_window_shows_opening_at_once_and_is_filled_when_the_ledger_is_open(
    qtbot: QtBot, starting: list[launch.Start], demo_path: Path
) -> None:
    started = launch.start(str(demo_path))
    assert started is not None
    starting.append(started)
    window = started.window
    # Shown before the ledger: navigation and menus there, the page a hint, nothing open.
    assert window.isVisible() and not window.is_open
    assert window.navigation.count() == 6
    hint = window.stack.currentWidget()
    assert isinstance(hint, QLabel) and hint.text() == "正在打开台账…"
    assert window.windowTitle() == "帮扶台账"
    assert not any(action.isEnabled() for action in window.page_actions.values())
    qtbot.waitUntil(lambda: window.is_open, timeout=WAIT_MS)
    # The same window, now the ledger's: its page, its title, its status line.
    assert started.application.window is window
    assert started.application.context.can(Permission.ENTER)
    assert isinstance(window.stack.currentWidget(), DashboardPage)
    assert window.path_label.text() == str(demo_path)
    assert window.windowTitle() != "帮扶台账"  # 「帮扶台账 — <file>」


def test_nothing_heavy_is_imported_before_the_window_is_shown() -> None:
    probe = (
        "import sys; import ui.launch; from ui.main_window import MainWindow; "
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'matplotlib', 'openpyxl', 'alembic', 'pypinyin', 'psycopg', 'argon2')]; "
        "print(heavy)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_a_quit_before_the_ledger_is_attached_leaves_the_file_free(
    qtbot: QtBot, starting: list[launch.Start], demo_path: Path
) -> None:
    started = launch.start(str(demo_path))
    assert started is not None
    starting.append(started)
    started.window.close()  # the clerk quits at once
    started.finish()
    started.thread.join(timeout=WAIT_MS / 1000)  # (opening, if it had begun: closed)
    assert not started.thread.is_alive() and started.loader.cancelled
    assert started.loader.outcome is None  # never opened, or opened and closed again
    QCoreApplication.processEvents()  # a `loaded` already queued finds the window closed
    assert started.application is None  # nothing was attached, nothing will be
    with Ledger.open(demo_path, exclusive=True) as again:  # the lock was released
        assert again.file == demo_path


def test_a_newer_file_is_refused_untouched(
    qtbot: QtBot, starting: list[launch.Start], dialogs: ScriptedDialogs, db_path: Path
) -> None:
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    connection.close()
    before = db_path.read_bytes()
    started = launch.start(str(db_path))
    assert started is not None
    starting.append(started)
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=WAIT_MS)
    assert len(dialogs.errors) == 1
    assert not started.window.is_open and started.application.context is None
    assert getattr(started, "ended", False)  # the program ends
    assert db_path.read_bytes() == before


def test_sign_in_is_asked_over_the_opening_window(
    qtbot: QtBot, starting: list[launch.Start], dialogs: ScriptedDialogs, demo_path: Path
) -> None:
    with Ledger.open(demo_path) as ledger:
        perform(
            ledger,
            lambda work: turn_sign_in_on(work, "老周", "zhou-secret-1"),
            actor=Actor("老周", Role.ADMIN),
        )
    started = launch.start(str(demo_path))
    assert started is not None
    starting.append(started)
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=WAIT_MS)
    dialog = dialogs.shown[0]
    assert isinstance(dialog, SignInDialog) and dialog.parent() is started.window
    assert not started.window.is_open  # cancelled: the ledger stays closed
    assert started.application.context is None and getattr(started, "ended", False)


def test_a_missing_folder_is_asked_about_and_a_no_creates_nothing(
    application: object, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    target = tmp_path / "typo" / "ledger.db"
    dialogs.confirm.append(False)
    assert not may_create_there(str(target), QMainWindow())
    assert "typo" in dialogs.asked[0] and "不存在" in dialogs.asked[0]
    assert not target.parent.exists()


def test_a_yes_goes_on_and_an_existing_folder_or_the_default_asks_nothing(
    application: object, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    dialogs.confirm.append(True)
    assert may_create_there(str(tmp_path / "new" / "ledger.db"), QMainWindow())
    assert may_create_there(str(tmp_path / "ledger.db"), QMainWindow())
    assert may_create_there(None, QMainWindow())
    assert may_create_there("postgresql://clerk@localhost/county", QMainWindow())
    assert len(dialogs.asked) == 1


def test_a_start_on_a_missing_folder_asks_before_anything_is_made(
    qtbot: QtBot, starting: list[launch.Start], dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    target = tmp_path / "typo" / "ledger.db"
    started = launch.start(str(target))  # the clerk answers no (the script's default)
    assert started is not None
    starting.append(started)
    qtbot.waitUntil(lambda: getattr(started, "ended", False), timeout=WAIT_MS)
    assert "typo" in dialogs.asked[0]
    assert not target.parent.exists() and not started.window.is_open
