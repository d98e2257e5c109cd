"""pytest-qt fixtures: the real main window on a copied ledger, dialogs scripted.

Every question the UI asks goes through `ui.dialogs.ask`; here those functions are
replaced by a recorder, so no modal dialog can ever block the test run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from pytestqt.qtbot import QtBot

from ui.application import LedgerApplication
from ui.dialogs import ask
from ui.launch import create_qt_application
from ui.main_window import MainWindow


@dataclass
class ScriptedDialogs:
    """Answers for the next questions, and a record of every message shown."""

    confirm: list[bool] = field(default_factory=list)
    texts: list[str | None] = field(default_factory=list)
    paths: list[Path | None] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    shown: list[Any] = field(default_factory=list)  # dialogs run through ask.run_dialog

    def _next(self, queue: list[Any], what: str, default: Any) -> Any:
        self.asked.append(what)
        return queue.pop(0) if queue else default


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> ScriptedDialogs:
    script = ScriptedDialogs()
    monkeypatch.setattr(
        ask, "confirm", lambda parent, title, text: script._next(script.confirm, text, False)
    )
    monkeypatch.setattr(ask, "show_error", lambda parent, text: script.errors.append(text))
    monkeypatch.setattr(ask, "show_info", lambda parent, text: script.infos.append(text))
    monkeypatch.setattr(
        ask, "ask_text", lambda parent, title, label: script._next(script.texts, label, None)
    )
    monkeypatch.setattr(ask, "run_dialog", lambda dialog: script.shown.append(dialog) or 0)
    for name in ("ask_open_path", "ask_save_path", "ask_directory"):
        monkeypatch.setattr(
            ask, name, lambda *args, **kwargs: script._next(script.paths, "path", None)
        )
    return script


@pytest.fixture
def application(qapp: Any) -> Iterator[LedgerApplication]:
    create_qt_application()  # names, style sheet, zh_CN translators: as a clerk sees it
    QSettings().clear()  # each test starts like a first run
    running = LedgerApplication()
    yield running
    running.shutdown()
    # Windows go with deleteLater, which processEvents() never runs: without this every
    # test's windows stay alive and each new style sheet re-polishes all of them.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def open_window(application: LedgerApplication, qtbot: QtBot, path: Path) -> MainWindow:
    assert application.open_database(path)
    window = application.window
    assert window is not None  # closed by the `application` fixture, not by qtbot: a
    qtbot.waitExposed(window)  # language switch replaces (and deletes) the window itself
    return window


@pytest.fixture
def window(application: LedgerApplication, qtbot: QtBot, db_path: Path) -> MainWindow:
    """The main window on a new, empty ledger."""
    return open_window(application, qtbot, db_path)


@pytest.fixture
def demo_window(application: LedgerApplication, qtbot: QtBot, demo_path: Path) -> MainWindow:
    """The main window on a copy of the demo ledger."""
    return open_window(application, qtbot, demo_path)
