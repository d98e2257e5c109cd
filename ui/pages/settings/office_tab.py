"""Settings → General: the office, the clerk, the language and where backups go.

Everything is stored in the ledger (DESIGN.md §4 Setting), checked as the clerk
types by `app.settings`, and saved in one write; the status bar shows the new
clerk at once, and a new language rebuilds the window in it.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.db.backup import back_up
from app.db.paths import backup_dir_for
from app.db.postgres import server_backup_message
from app.errors import LedgerError
from app.records.permissions import Permission
from app.records.settings import (
    LANGUAGE_NAMES,
    LANGUAGES,
    all_settings,
    backup_policy,
    save_settings,
    setting_label,
    settings_problems,
)
from app.records.work import Done
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.exporting import write_in_background
from ui.widgets.editors import (
    FieldMessage,
    editor_value,
    field_box,
    on_edit,
    set_editor_value,
    show_messages,
)

if TYPE_CHECKING:
    from ui.host import Shell

FORM_WIDTH = 640


class OfficeTab(QWidget):
    def __init__(self, context: LedgerContext, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.shell = context, shell
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, FieldMessage] = {}
        self._stored: dict[str, str] = {}
        self._labels: list[QLabel] = []
        # The groups keep their height and the tab scrolls on a small screen (squeezed,
        # the line edits would shrink to slivers).
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 16, 24, 16)

        office = self._group(column, self.tr("Office and clerk"))
        self._add(office, "office_name", QLineEdit())
        self._add(office, "county", QLineEdit())
        self._add(
            office,
            "clerk_name",
            QLineEdit(),
            self.tr("Shown in the status bar and recorded with every change in the audit log."),
        )
        self._add(
            office,
            "office_head",
            QLineEdit(),
            self.tr("Signs the quarterly summary (单位负责人)."),
        )
        self._add(
            office, "reviewer", QLineEdit(), self.tr("Checks the quarterly summary (审核人).")
        )

        language = QComboBox()
        for code in LANGUAGES:
            language.addItem(LANGUAGE_NAMES[code], code)
        self._add(
            self._group(column, self.tr("Language")),
            "language",
            language,
            self.tr("The window reopens in the chosen language when you save."),
        )

        backups = self._group(column, self.tr("Backups"))
        self.backup_folder, self.browse_button = self._folder_field(
            backups,
            "backup_dir",
            str(backup_dir_for(context.ledger.file)) if context.ledger.file is not None else "",
            self.tr("Leave empty to keep backups beside the database file."),
        )
        keep = QLineEdit()
        keep.setMaximumWidth(80)
        self._add(
            backups,
            "backup_keep",
            keep,
            self.tr(
                "The newest ones are kept; besides them, one a day for two weeks and one a "
                "month for a year. Older backups are removed."
            ),
        )
        minutes = QLineEdit()
        minutes.setMaximumWidth(80)
        self._add(
            backups,
            "backup_minutes",
            minutes,
            self.tr(
                "A backup is made before the first change of each session, at this interval "
                "while changes are made, and when the program closes."
            ),
        )
        self.second_folder, self.second_browse_button = self._folder_field(
            backups,
            "backup_second_dir",
            self.tr("e.g. a USB stick"),
            self.tr("Optional: each backup is copied here too whenever this folder is present."),
        )
        self.backup_now_button = QPushButton(self.tr("Back up now"))
        self.backup_now_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.restore_button.clicked.connect(self.restore_backup)
        self.restore_button.setEnabled(context.can(Permission.RESTORE))
        backup_actions = QWidget()
        actions_row = QHBoxLayout(backup_actions)
        actions_row.setContentsMargins(0, 0, 0, 0)
        actions_row.addWidget(self.backup_now_button)
        actions_row.addWidget(self.restore_button)
        actions_row.addStretch(1)
        backups.addRow("", backup_actions)
        if context.ledger.file is None:  # a server ledger: backed up on the server
            note = QLabel(server_backup_message())
            note.setObjectName("hint")
            note.setWordWrap(True)
            backups.addRow("", note)
            box = backups.parentWidget()
            assert box is not None
            for child in box.findChildren(QWidget):
                child.setEnabled(child is note)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.clicked.connect(self.revert)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(1)
        save = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        # One label width for all groups, so their fields line up under each other.
        width = max(label.sizeHint().width() for label in self._labels)
        for label in self._labels:
            label.setMinimumWidth(width)
        for editor in self.editors.values():
            on_edit(editor, self.check)
        self._show(context.read(all_settings))

    # ----------------------------------------------------------------- layout
    @staticmethod
    def _group(column: QVBoxLayout, title: str) -> QFormLayout:
        group = QGroupBox(title)
        group.setMaximumWidth(FORM_WIDTH)
        form = QFormLayout(group)
        form.setContentsMargins(16, 20, 16, 12)
        form.setVerticalSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        column.addWidget(group)
        return form

    def _add(
        self,
        form: QFormLayout,
        key: str,
        editor: QLineEdit | QComboBox,
        hint: str = "",
        *,
        row_widget: QWidget | None = None,
    ) -> None:
        box, error = field_box(row_widget or editor, hint)
        label = QLabel(setting_label(key))
        label.setBuddy(editor)
        self._labels.append(label)
        form.addRow(label, box)
        self.editors[key], self.errors[key] = editor, error

    # ----------------------------------------------------------------- state
    def values(self) -> dict[str, str]:
        return {key: str(editor_value(editor) or "") for key, editor in self.editors.items()}

    def changes(self) -> dict[str, str]:
        return {key: value for key, value in self.values().items() if value != self._stored[key]}

    def check(self) -> dict[str, list[str]]:
        """Messages under the fields now; Save only for valid changes."""
        problems = settings_problems(self.values())
        for key, editor in self.editors.items():
            show_messages(editor, self.errors[key], problems.get(key, []))
        dirty = bool(self.changes())
        self.save_button.setEnabled(
            dirty and not problems and self.context.can(Permission.SETTINGS)
        )
        self.revert_button.setEnabled(dirty)
        return problems

    def _show(self, stored: dict[str, str]) -> None:
        self._stored = {key: stored[key] for key in self.editors}
        for key, editor in self.editors.items():
            set_editor_value(editor, self._stored[key])
        self.check()

    # ----------------------------------------------------------------- actions
    def save(self) -> None:
        changes = self.changes()
        if not changes or self.check():
            return
        self.save_button.setEnabled(False)
        op = self.context.write(partial(save_settings, values=changes), parent=self)
        op.done.connect(lambda done: self._saved(done, changes))
        op.failed.connect(self._refused)

    def _saved(self, done: Done[dict[str, str]], changes: dict[str, str]) -> None:
        self._show(done.value)
        if "language" in changes:
            self.shell.change_language(done.value["language"])

    def _refused(self, error: LedgerError) -> None:
        """What the clerk typed stays in the fields; the reason is shown once."""
        self.check()
        ask.show_error(self, str(error))

    def revert(self) -> None:
        self._show(self._stored)

    def back_up_now(self) -> None:
        """On the worker, like every database job; the window keeps painting meanwhile."""
        ledger = self.context.ledger

        def work(session: Session, _progress: object) -> Path:
            return back_up(ledger, backup_policy(session, ledger.path))

        folder = self.context.read(backup_policy, ledger.path).folder
        written = self.tr("Backup written to {path}")
        write_in_background(
            self, self.context, folder, work, done=lambda path: written.format(path=path)
        )

    def restore_backup(self) -> None:
        backup = ask.ask_open_path(
            self,
            self.tr("Restore from a backup"),
            "Bangfu Ledger (*.db)",
            self.context.read(backup_policy, self.context.ledger.path).folder,
        )
        question = self.tr(
            "Replace every record in {database} with the backup {backup}?\n"
            "The current file is kept as a backup first."
        )
        if backup is not None and ask.confirm(
            self,
            self.tr("Restore"),
            question.format(database=self.context.ledger.path.name, backup=backup.name),
        ):
            self.shell.restore_backup(backup)

    def _folder_field(
        self, form: QFormLayout, key: str, placeholder: str, hint: str
    ) -> tuple[QLineEdit, QPushButton]:
        """A folder typed or chosen with Browse…, checked like any other setting."""
        folder = QLineEdit()
        folder.setPlaceholderText(placeholder)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(lambda: self._browse(folder))
        row_widget = QWidget()
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(folder, 1)
        row.addWidget(browse)
        self._add(form, key, folder, hint, row_widget=row_widget)
        return folder, browse

    def _browse(self, editor: QLineEdit) -> None:
        current = editor.text().strip()
        start = Path(current) if current else self.context.ledger.path.parent
        folder = ask.ask_directory(self, self.tr("Backup folder"), start)
        if folder is not None:
            editor.setText(str(folder))
            self.check()
