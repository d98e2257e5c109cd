"""The one way a record is edited: a form over a `Kind`, checked as the clerk types.

A concrete form (one file per form) only lays out its fields with `add_field`; this
base loads the record, asks `app.records.problems_with` after every edit, shows each
message under its field, keeps Save disabled while anything is wrong, saves with
Ctrl+S through `context.write`, and asks before Esc throws edits away.

Texts here use `translate("RecordForm", …)` rather than `self.tr`, whose context
would be the subclass's name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.records import kinds as records
from app.records.kinds import Kind
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.widgets.editors import (
    Editor,
    editor_value,
    field_box,
    on_edit,
    set_editor_value,
    show_messages,
)

translate = QCoreApplication.translate


class RecordForm(QDialog):
    """`saved` carries the id of the record once it is written."""

    saved = Signal(int)

    def __init__(
        self,
        context: LedgerContext,
        kind: Kind,
        record_id: int | None = None,
        *,
        defaults: Mapping[str, Any] | None = None,
        fixed: Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`defaults` pre-fill a new record; `fixed` values are saved without an editor
        (a yearly target's metric)."""
        super().__init__(parent)
        self.context, self.kind, self.record_id = context, kind, record_id
        self._defaults, self._fixed = dict(defaults or {}), dict(fixed or {})
        self.editors: dict[str, Editor] = {}
        self.errors: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self._initial: dict[str, Any] = {}
        self.setMinimumWidth(540)
        outer = QVBoxLayout(self)
        self._columns = QHBoxLayout()
        self._columns.setSpacing(24)
        outer.addLayout(self._columns)
        self.form = self.new_column()
        self.pending = QLabel()  # problems of fields the clerk has not reached yet
        self.pending.setObjectName("hint")
        self.pending.setWordWrap(True)
        outer.addWidget(self.pending)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

    # ----------------------------------------------------------------- layout
    def new_column(self) -> QFormLayout:
        """Start a column of fields beside the previous one (long forms stay on screen)."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._columns.addLayout(form, 1)
        self.form = form
        return form

    def add_field(self, key: str, editor: Editor, *, hint: str = "") -> Editor:
        """A labelled row: the editor, an optional hint, and its message under it."""
        box, error = field_box(editor, hint)
        label = QLabel(self.kind.label(key))
        label.setBuddy(editor)
        self.form.addRow(label, box)
        self.editors[key], self.errors[key] = editor, error
        return editor

    def finish(self) -> None:
        """Fill the fields (the record, or the defaults) and start checking; call last."""
        values = (
            self.context.read(records.current_values, self.kind, self.record_id)
            if self.record_id is not None
            else self._defaults
        )
        for key, editor in self.editors.items():
            if key in values:
                set_editor_value(editor, values[key])
            on_edit(editor, lambda *_args, key=key: self._edited(key))
        self._initial = self.values()
        self.check()

    # ----------------------------------------------------------------- state
    def values(self) -> dict[str, Any]:
        return {
            **self._fixed,
            **{key: editor_value(editor) for key, editor in self.editors.items()},
        }

    def is_dirty(self) -> bool:
        return self.values() != self._initial

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self.check()

    def check(self) -> dict[str, list[str]]:
        """Show the problems of the current values; Save only when there are none."""
        problems = self.context.read(
            records.problems_with, self.kind, self.values(), self.record_id
        )
        for key, error in self.errors.items():
            shown = problems.get(key, []) if key in self._touched else []
            show_messages(self.editors[key], error, shown)
        colon = translate("RecordForm", ": ")
        waiting = [
            f"{self.kind.label(key)}{colon}{message}"
            for key, messages in problems.items()
            if not (key in self._touched and key in self.errors)
            for message in messages
        ]
        self.pending.setText("\n".join(waiting))
        self.pending.setVisible(bool(waiting))
        self.save_button.setEnabled(not problems)
        return problems

    # ----------------------------------------------------------------- actions
    def save(self) -> None:
        if self.check():
            return
        record_id = self.submit()
        if record_id is None:  # refused; the message was shown and the form stays open
            return
        self.record_id = record_id
        self.saved.emit(record_id)
        self.accept()

    def submit(self) -> int | None:
        """Write the values in one `app/` command; the record's id, or None when refused.
        A form that saves more than its columns (a team's leader) overrides this."""
        changed = {self.kind.entity}
        if self.record_id is None:
            done = self.context.write(
                self, records.create, self.kind, self.values(), changed=changed
            )
            return None if done is None else done.value
        updated = self.context.write(
            self, records.update, self.kind, self.record_id, self.values(), changed=changed
        )
        return None if updated is None else self.record_id

    def reject(self) -> None:
        """Esc or Cancel: throw edits away only when the clerk says so."""
        if self.is_dirty() and not ask.confirm(
            self,
            translate("RecordForm", "Discard changes"),
            translate("RecordForm", "Close the form and throw away your changes?"),
        ):
            return
        super().reject()
