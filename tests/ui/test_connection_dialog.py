"""File → 连接服务器…: the clerk types the server's address and password, the window
opens the shared ledger; the connection is offered again next time, without the
password."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from app.db.ledger import Ledger
from tests.ui.widget_helpers import retype, type_text
from ui.dialogs import ask
from ui.dialogs.connection_dialog import ConnectionDialog
from ui.main_window import MainWindow


def test_connecting_to_a_server_opens_its_ledger_and_remembers_no_password(
    window: MainWindow,
    qtbot: QtBot,
    server_ledger: Ledger,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = server_ledger.backend.url  # type: ignore[union-attr]
    server_ledger.close()
    filled: list[ConnectionDialog] = []

    def fill(dialog: Any) -> int:
        assert isinstance(dialog, ConnectionDialog)
        type_text(qtbot, dialog.host, url.host or "")
        dialog.port.setValue(url.port or 5432)
        retype(qtbot, dialog.database, url.database or "")
        type_text(qtbot, dialog.user, url.username or "")
        type_text(qtbot, dialog.secret, url.password or "")
        dialog.sslmode.setCurrentIndex(dialog.sslmode.findData("disable"))
        dialog.buttons.accepted.emit()
        filled.append(dialog)
        return int(dialog.result())

    monkeypatch.setattr(ask, "run_dialog", fill)
    menu = window.menuBar().actions()[0].menu()
    action = next(a for a in menu.actions() if a.text().startswith("连接服务器"))  # type: ignore[union-attr]
    action.trigger()
    assert filled and filled[0].result() == QDialog.DialogCode.Accepted
    application_window = window.shell.window  # type: ignore[attr-defined]
    ledger = application_window.context.ledger
    assert ledger.is_server and ledger.name == url.database
    stored = str(QSettings().value("server/connections"))
    assert f"{url.username}@{url.host}:{url.port}/{url.database}" in stored
    assert str(url.password) not in stored
    again = ConnectionDialog()  # offered again, password field empty
    assert again.host.text() == url.host and again.secret.text() == ""
    assert make_url(again.connection().url()).query["sslmode"] == "disable"
