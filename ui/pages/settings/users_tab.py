"""Settings → 用户: sign-in on a file ledger, and its users (an administrator's).

Sign-in is off until an administrator turns it on; the one turning it on becomes
the first user (an administrator). The users are listed with role, field limit and
whether they may sign in; Add, Change, Disable/Enable and Reset password each run
one command through the write path (`app.records.users`), which checks the rights
again. Users are never deleted: their names stay in the audit log.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db.vocabulary import Field, Role
from app.errors import LedgerError
from app.records import users
from app.records.permissions import Permission
from app.records.users import UserRow, sign_in_required, turn_sign_in_off, turn_sign_in_on
from app.records.work import Changes
from ui.context import LedgerContext
from ui.dialogs import ask


class UserDialog(QDialog):
    """A user's name, role, field limit and password (the parts the caller asks for)."""

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        *,
        user: UserRow | None = None,
        rights: bool = True,
        password: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("userDialog")
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.name = QLineEdit(user.name if user else "")
        self.name.setReadOnly(user is not None)
        form.addRow(self.tr("User name"), self.name)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label(), role.value)
        self.field = QComboBox()
        self.field.addItem(self.tr("All fields"), "")
        for field in Field:
            self.field.addItem(field.label(), field.value)
        if user is not None:
            self.role.setCurrentIndex(self.role.findData(user.role.value))
            self.field.setCurrentIndex(self.field.findData(user.field.value if user.field else ""))
        else:
            self.role.setCurrentIndex(self.role.findData(Role.CLERK.value))
        if rights:
            form.addRow(self.tr("Role"), self.role)
            form.addRow(self.tr("Limited to field"), self.field)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if password:
            form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "role": self.role.currentData(),
            "field": self.field.currentData() or None,
            "password": self.password.text(),
        }


class UsersTab(QWidget):
    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # One set of commands per backend: a file's users table, a server's login roles.
        self.server = context.ledger.file is None
        self.api: Any = users
        if self.server:  # psycopg and the roles (≈ 10 MB resident) only on a server
            from app.records import server_users

            self.api = server_users
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 16, 24, 16)
        self.state = QLabel()
        self.state.setWordWrap(True)
        column.addWidget(self.state)
        self.toggle_button = QPushButton()
        self.toggle_button.clicked.connect(self.toggle_sign_in)
        row = QHBoxLayout()
        row.addWidget(self.toggle_button)
        row.addStretch(1)
        column.addLayout(row)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Role"), self.tr("Limited to field"), self.tr("Status")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add user…"))
        self.add_button.clicked.connect(self.add)
        self.change_button = QPushButton(self.tr("Change role…"))
        self.change_button.clicked.connect(self.change)
        self.disable_button = QPushButton(self.tr("Disable"))
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.password_button = QPushButton(self.tr("Reset password…"))
        self.password_button.clicked.connect(self.reset)
        for button in (self.add_button, self.change_button, self.disable_button):
            buttons.addWidget(button)
        buttons.addWidget(self.password_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.users: list[UserRow] = []
        context.bus.changed.connect(self._on_changed)  # a method: gone with the tab
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches({"user_account", "setting"}):
            self.refresh()

    # ----------------------------------------------------------------- state
    def refresh(self) -> None:
        self.on = self.server or self.context.read(sign_in_required)
        self.users = self.context.read(self.api.list_users)
        self.toggle_button.setVisible(not self.server)
        self.state.setText(
            self.tr("Users are the server's login roles; each signs in as their own.")
            if self.server
            else self.tr("Sign-in is on: the program asks who works at every start.")
            if self.on
            else self.tr(
                "Sign-in is off: one clerk works here, named under General. Turn it on when "
                "several people use this ledger; you become its first administrator."
            )
        )
        self.toggle_button.setText(
            self.tr("Turn sign-in off") if self.on else self.tr("Turn sign-in on…")
        )
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            cells = [
                user.name,
                user.role.label(),
                user.field.label() if user.field else self.tr("All fields"),
                self.tr("Disabled") if user.disabled else self.tr("Active"),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._update_buttons()

    def selected(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        admin = self.context.can(Permission.USERS)
        user = self.selected()
        self.toggle_button.setEnabled(self.context.can(Permission.SETTINGS))
        self.add_button.setEnabled(admin and self.on)
        for button in (self.change_button, self.disable_button, self.password_button):
            button.setEnabled(admin and user is not None)
        self.disable_button.setText(
            self.tr("Enable") if user is not None and user.disabled else self.tr("Disable")
        )

    # ----------------------------------------------------------------- actions
    def _write(self, command: Any) -> None:
        op = self.context.write(command, parent=self)
        op.failed.connect(lambda error: self._refused(error))

    def _refused(self, error: LedgerError) -> None:
        ask.show_error(self, str(error))

    def toggle_sign_in(self) -> None:
        if self.on:
            if ask.confirm(
                self,
                self.tr("Turn sign-in off"),
                self.tr("Turn sign-in off? The clerk named under General then acts."),
            ):
                self._write(turn_sign_in_off)
            return
        dialog = UserDialog(self.tr("Turn sign-in on"), self, rights=False)
        dialog.name.setText(self.context.actor.name)
        if ask.run_dialog(dialog) == QDialog.DialogCode.Accepted:
            values = dialog.values()
            self._write(partial(turn_sign_in_on, name=values["name"], password=values["password"]))

    def add(self) -> None:
        dialog = UserDialog(self.tr("Add user"), self)
        if ask.run_dialog(dialog) == QDialog.DialogCode.Accepted:
            self._write(partial(self.api.add_user, **dialog.values()))

    def change(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = UserDialog(self.tr("Change role"), self, user=user, password=False)
        if ask.run_dialog(dialog) == QDialog.DialogCode.Accepted:
            values = dialog.values()
            self._write(
                partial(
                    self.api.change_user,
                    user_id=user.id,
                    role=values["role"],
                    field=values["field"],
                )
            )

    def toggle_disabled(self) -> None:
        user = self.selected()
        if user is not None:
            self._write(partial(self.api.set_disabled, user_id=user.id, disabled=not user.disabled))

    def reset(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = UserDialog(self.tr("Reset password"), self, user=user, rights=False)
        if ask.run_dialog(dialog) == QDialog.DialogCode.Accepted:
            self._write(
                partial(
                    self.api.reset_password, user_id=user.id, password=dialog.values()["password"]
                )
            )
