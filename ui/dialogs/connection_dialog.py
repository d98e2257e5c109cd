"""File → 连接服务器…: open a ledger shared on a PostgreSQL server.

The clerk (or IT, once per PC) types the server's address, the database, the user and
how strictly TLS is required; the connections used before are offered again from
QSettings, never with their password. The password is asked here each time, or kept in
the operating system's credential store (`ui.credentials`, the same entry the
sign-in dialog keeps for this server and user) only when 「记住密码」 is ticked; when
`keyring` is not installed the box stays off and says so. The ledger asks for the
password at each new connection through `password()`, so it never sits in the URL or
in the settings; with none typed nor kept, the sign-in dialog asks for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url

from app.db.postgres import address_of
from ui import credentials

SETTINGS_KEY = "server/connections"
SSL_MODES = ("prefer", "require", "verify-full", "verify-ca", "disable")
MAX_SAVED = 10


@dataclass(frozen=True)
class ServerConnection:
    host: str
    port: int
    database: str
    user: str
    sslmode: str = "prefer"

    def url(self) -> str:
        """The ledger's address, without a password (what `--db` and QSettings hold)."""
        user = quote(self.user, safe="")
        return (
            f"postgresql://{user}@{self.host}:{self.port}/{quote(self.database, safe='')}"
            f"?sslmode={self.sslmode}"
        )

    @property
    def label(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @classmethod
    def parse(cls, url: str) -> ServerConnection:
        parsed = make_url(url)
        return cls(
            host=parsed.host or "",
            port=parsed.port or 5432,
            database=parsed.database or "",
            user=parsed.username or "",
            sslmode=str(parsed.query.get("sslmode", "prefer")),
        )


def saved_connections() -> list[ServerConnection]:
    stored = QSettings().value(SETTINGS_KEY, [])
    urls = [stored] if isinstance(stored, str) else list(stored or [])  # type: ignore[call-overload]
    return [ServerConnection.parse(url) for url in urls]


def remember_connection(connection: ServerConnection) -> None:
    """Newest first; a connection already in the list moves to the top."""
    urls = [connection.url()] + [
        old.url() for old in saved_connections() if old.url() != connection.url()
    ]
    QSettings().setValue(SETTINGS_KEY, urls[:MAX_SAVED])


def _keyring() -> Any | None:
    try:
        import keyring  # type: ignore[import-not-found]
    except ImportError:
        return None
    return keyring


class ConnectionDialog(QDialog):
    """Accepted: `connection()` names the server, `password()` gives the secret."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a server"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.saved = QComboBox()
        self._saved = saved_connections()
        self.saved.addItem(self.tr("New connection"), None)
        for index, connection in enumerate(self._saved):
            self.saved.addItem(connection.label, index)
        self.saved.currentIndexChanged.connect(self._choose)
        form.addRow(self.tr("Saved connections"), self.saved)
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. 10.1.2.3 or db.county.gov.cn"))
        form.addRow(self.tr("Server"), self.host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        form.addRow(self.tr("Port"), self.port)
        self.database = QLineEdit("bangfu")
        form.addRow(self.tr("Database"), self.database)
        self.user = QLineEdit()
        form.addRow(self.tr("User"), self.user)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password"), self.secret)
        self.sslmode = QComboBox()
        for mode in SSL_MODES:
            self.sslmode.addItem(mode, mode)
        self.sslmode.setToolTip(
            self.tr(
                "How strictly the connection must be encrypted; ask IT (verify-full is safest)."
            )
        )
        form.addRow(self.tr("Encryption (sslmode)"), self.sslmode)
        self.remember = QCheckBox(self.tr("Remember password"))
        if _keyring() is None:
            self.remember.setEnabled(False)
            self.remember.setToolTip(
                self.tr("The system's credential store is not available on this computer.")
            )
        layout.addWidget(self.remember)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for field in (self.host, self.database, self.user):
            field.textChanged.connect(self._check)
        if self._saved:
            self.saved.setCurrentIndex(1)
        self._check()

    def _choose(self, _index: int) -> None:
        position = self.saved.currentData()
        if position is None:
            return
        chosen = self._saved[position]
        self.host.setText(chosen.host)
        self.port.setValue(chosen.port)
        self.database.setText(chosen.database)
        self.user.setText(chosen.user)
        self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(chosen.sslmode)))
        self.secret.clear()

    def _check(self) -> None:
        ready = all(field.text().strip() for field in (self.host, self.database, self.user))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def connection(self) -> ServerConnection:
        return ServerConnection(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            sslmode=str(self.sslmode.currentData()),
        )

    def _accept(self) -> None:
        connection = self.connection()
        remember_connection(connection)
        if self.remember.isChecked() and self.secret.text():
            credentials.remember(address_of(connection.url()), connection.user, self.secret.text())
        self.accept()

    def password(self) -> str | None:
        """The typed password, else the one kept for this connection, else None."""
        if self.secret.text():
            return self.secret.text()
        connection = self.connection()
        return credentials.recall(address_of(connection.url()), connection.user)

    def password_source(self) -> Callable[[], str | None] | None:
        """What the ledger asks for the password at each connection, or None when
        there is none yet (then the sign-in dialog asks)."""
        return self.password if self.password() is not None else None
