"""Driving real widgets as a clerk would: clicks, typing, reading a list's cells."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.records.work import Done
from ui.context import LedgerContext
from ui.main_window import MainWindow
from ui.widgets.record_list import RecordList
from ui.write_runner import Command


def settings_tab(window: MainWindow, key: str) -> Any:
    """Open Settings in the main window and show one of its tabs."""
    page = window.go_to("settings")
    return page.show_tab(key)  # type: ignore[attr-defined]


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isEnabled(), f"{button.text()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_text(qtbot: QtBot, editor: QWidget, text: str) -> None:
    """Type `text` at the cursor. Chinese arrives as a Pinyin IME delivers it, one
    committed input-method event (QTest's key clicks only know ASCII keys)."""
    if text.isascii():
        qtbot.keyClicks(editor, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(editor, event)


def retype(qtbot: QtBot, editor: QLineEdit | QWidget, text: str) -> None:
    """Select everything in the field and type over it (Backspace when `text` is empty)."""
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(qtbot, editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)


def texts(records: RecordList, key: str | None = None, *, first: int | None = None) -> list[str]:
    """The cells of column `key` (the first column when None), top to bottom; only the
    `first` rows when given (reading every row of a long list fetches all of it)."""
    model = records.model
    keys = [model.column_key(column) for column in range(model.columnCount())]
    column = keys.index(key) if key is not None else 0
    rows = model.rowCount() if first is None else min(first, model.rowCount())
    return [model.data(model.index(row, column)) for row in range(rows)]


def click_row(qtbot: QtBot, records: RecordList, text: str, key: str | None = None) -> None:
    """Click the row whose cell in column `key` reads `text`."""
    model = records.model
    keys = [model.column_key(column) for column in range(model.columnCount())]
    column = keys.index(key) if key is not None else 0
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, column)) == text)
    view = records.view
    view.scrollTo(records.model.index(row, 0))
    center = view.visualRect(records.model.index(row, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert records.selected_id() == records.model.record_id(row)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make a shown dialog the active window, as a desktop's window manager does (the
    offscreen platform leaves the main window active), so its shortcuts reach it."""
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def wait_for_writes(qtbot: QtBot, context: LedgerContext) -> None:
    """Until every write handed to the runner has committed (or failed) and been announced.

    The offscreen platform drops the active window while events are processed; a desktop
    keeps it, so it is made active again (the window's shortcuts need that)."""
    active = QApplication.activeWindow()
    qtbot.waitUntil(context.writes.is_idle, timeout=30_000)  # may queue behind a chart build
    if active is not None and active.isVisible() and QApplication.activeWindow() is None:
        activate(qtbot, active)


def write(qtbot: QtBot, context: LedgerContext, command: Command) -> Done[Any]:
    """Perform a command through the GUI's write runner and wait for it, as a page does."""
    outcome: list[Any] = []
    op = context.write(command)
    op.done.connect(outcome.append)
    op.failed.connect(outcome.append)
    op.confirm.connect(outcome.append)
    qtbot.waitUntil(lambda: bool(outcome))
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    done: Done[Any] = outcome[0]
    return done
