"""Who works: the sign-in dialog of a file ledger with sign-in on, and of a server
ledger, where signing in is connecting as one's own login role (issue #15).

The dialog checks the password itself (`attempt`, which counts a failure and may
answer "try again in 4 seconds") and stays open with the reason until a sign-in
succeeds or the clerk cancels. The last user name is remembered per ledger in
QSettings; 「记住密码」 keeps only that user's own password in the credential store.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url

from app.db.ledger import Ledger
from app.db.postgres import address_of
from app.errors import LedgerError
from app.records.work import Actor
from ui import credentials
from ui.dialogs import ask

Attempt = Callable[[str, str], Actor]  # (name, password) -> the actor, or raises


class SignInDialog(QDialog):
    def __init__(
        self, location: str, attempt: Attempt, parent: QWidget | None = None, *, user: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in"))
        self.location, self._attempt = location, attempt
        self.actor: Actor | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Ledger: {location}").format(location=location)))
        form = QFormLayout()
        self.name = QLineEdit(user or str(QSettings().value(self._last_key, "") or ""))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.remember = QCheckBox(self.tr("Remember password"))
        layout.addWidget(self.remember)
        self.notice = QLabel()
        self.notice.setObjectName("formNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Sign in"))
        buttons.accepted.connect(self.sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._recall()
        self.name.editingFinished.connect(self._recall)
        (self.password if self.name.text() else self.name).setFocus()

    @property
    def _last_key(self) -> str:
        return "signin/last/" + self.location.replace("/", "|").replace("\\", "|")

    def _recall(self) -> None:
        stored = credentials.recall(self.location, self.name.text().strip())
        if stored is not None and not self.password.text():
            self.password.setText(stored)
            self.remember.setChecked(True)

    def sign_in(self) -> None:
        name, password = self.name.text().strip(), self.password.text()
        try:
            self.actor = self._attempt(name, password)
        except LedgerError as error:
            credentials.forget(self.location, name)  # a stored password that no longer works
            self.notice.setText(str(error))
            self.notice.show()
            self.password.clear()
            self.password.setFocus()
            return
        QSettings().setValue(self._last_key, name)
        if self.remember.isChecked():
            credentials.remember(self.location, name, password)
        else:
            credentials.forget(self.location, name)
        self.accept()


def open_server_ledger(url: str, parent: QWidget | None = None) -> Ledger | None:
    """A server ledger opened by signing in (None when the clerk cancels): the user
    name given in `url` is offered, the password is typed or recalled, and each try
    connects as that login role (`app.records.server_users.sign_in_to_server`)."""
    # The server stack (psycopg, ≈ 10 MB resident) loads here, not with every start.
    from app.records.server_users import server_actor, sign_in_to_server

    opened: list[Ledger] = []

    def attempt(name: str, password: str) -> Actor:
        ledger = sign_in_to_server(url, name, password)
        opened.append(ledger)
        return server_actor(ledger)

    dialog = SignInDialog(address_of(url), attempt, parent, user=make_url(url).username or "")
    ask.run_dialog(dialog)
    if dialog.actor is None:
        for ledger in opened:
            ledger.close()
        return None
    return opened[-1]
