"""The one way a record is edited: a form over a `RecordKind`, checked as the clerk types.

A concrete form (one file per form) only lays out its fields with `add_field`; this
base loads the record, asks `app.records.kinds.problems_with` after every edit, shows
each message under its field, keeps Save disabled while anything is wrong, and asks
before Esc throws edits away. Save hands the form's command to the write runner: the
form stays open, with everything the clerk typed, until the command has committed;
a refusal or a storage error (disk full, read-only, locked) is shown above the
buttons or beside its field, and cautions are asked once and then confirmed. An edit
saves only onto the version of the record the form showed; when another clerk saved
it meanwhile, the form offers to reload it and apply the clerk's changes again.

Texts here use `translate("RecordForm", …)` rather than `self.tr`, whose context
would be the subclass's name.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
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

from app.errors import LedgerError, NeedsConfirmation, StaleRecordError, ValidationError
from app.records import commands
from app.records.fields import facts
from app.records.kinds import RecordKind, current_values, problems_with
from app.records.versions import version_of
from app.records.work import Done
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.widgets.editors import (
    Editor,
    FieldMessage,
    editor_value,
    field_box,
    on_edit,
    set_editor_value,
    show_messages,
)
from ui.write_runner import Command

translate = QCoreApplication.translate
REQUIRED_MARK = " ＊"  # beside the label of a field the clerk must fill in


class RecordForm(QDialog):
    """`saved` carries the id of the record once it is written."""

    saved = Signal(int)

    def __init__(
        self,
        context: LedgerContext,
        kind: RecordKind,
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
        self.errors: dict[str, FieldMessage] = {}
        self._problems: Mapping[str, list[str]] = {}
        self._touched: set[str] = set()
        self._initial: dict[str, Any] = {}
        self._confirmed: frozenset[str] = frozenset()
        self._version: int | None = None  # of the record as shown (optimistic locking)
        self.saving = False
        self.setMinimumWidth(540)
        outer = QVBoxLayout(self)
        self._columns = QHBoxLayout()
        self._columns.setSpacing(24)
        outer.addLayout(self._columns)
        outer.addStretch(1)  # spare height below the fields: the message area never moves them
        self.form = self.new_column()
        # Problems of fields the clerk has not reached yet, and messages too long for
        # their line under the field, in full.
        self.pending = QLabel()
        self.pending.setObjectName("hint")
        self.pending.setWordWrap(True)
        outer.addWidget(self.pending)
        self.notice = QLabel()  # why the last save was refused (storage, closed quarter…)
        self.notice.setObjectName("formNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        outer.addWidget(self.notice)
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
        columns = self.kind.model.__table__.columns
        required = key in columns and facts(self.kind.model, key).required
        label = QLabel(self.kind.label(key) + (REQUIRED_MARK if required else ""))
        label.setBuddy(editor)
        self.form.addRow(label, box)
        self.editors[key], self.errors[key] = editor, error
        error.fits_changed.connect(lambda: self._show_problems(self._problems, touched_only=True))
        return editor

    def finish(self) -> None:
        """Fill the fields (the record, or the defaults) and start checking; call last."""
        values = self._stored() if self.record_id is not None else self._defaults
        for key, editor in self.editors.items():
            if key in values:
                set_editor_value(editor, values[key])
            on_edit(editor, lambda *_args, key=key: self._edited(key))
        self._initial = self.values()
        self.check()

    def _stored(self) -> dict[str, Any]:
        """The record's values as saved now, remembering their version."""
        assert self.record_id is not None
        self._version = self.context.read(version_of, self.kind, self.record_id)
        return self.context.read(current_values, self.kind, self.record_id)

    def reload_and_reapply(self) -> None:
        """Show the record as another clerk saved it, with this clerk's changes on top."""
        mine = {
            key: value for key, value in self.values().items() if self._initial.get(key) != value
        }
        stored = self._stored()
        for key, editor in self.editors.items():
            if key in stored:
                set_editor_value(editor, stored[key])
        self._initial = self.values()
        for key, value in mine.items():
            if key in self.editors:
                set_editor_value(self.editors[key], value)
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
        self._confirmed = frozenset()  # new values: their cautions are asked again
        self.check()

    def check(self) -> dict[str, list[str]]:
        """Show the problems of the current values; Save only when there are none."""
        problems = self.context.read(problems_with, self.kind, self.values(), self.record_id)
        self._show_problems(problems, touched_only=True)
        self.save_button.setEnabled(not problems and not self.saving)
        return problems

    def _show_problems(self, problems: Mapping[str, list[str]], *, touched_only: bool) -> None:
        self._problems = problems
        in_full: set[str] = set()  # shown whole under their field
        for key, error in self.errors.items():
            shown = problems.get(key, []) if key in self._touched or not touched_only else []
            show_messages(self.editors[key], error, shown)
            if shown and error.fits():
                in_full.add(key)
        colon = translate("RecordForm", ": ")
        waiting = [
            f"{self.kind.label(key)}{colon}{message}"
            for key, messages in problems.items()
            if key not in in_full
            for message in messages
        ]
        self.pending.setText("\n".join(waiting))
        self.pending.setVisible(bool(waiting))

    # ----------------------------------------------------------------- saving
    def save(self) -> None:
        if self.saving or self.check():
            return
        self.notice.hide()
        self._set_saving(True)
        op = self.context.write(self.command(), confirmed=self._confirmed, parent=self)
        op.done.connect(self._saved)
        op.failed.connect(self._refused)
        op.confirm.connect(self._confirm)

    def command(self) -> Command:
        """The `app/` command that writes the form's values. A form that saves more than
        its columns (a team's leader) overrides this."""
        if self.record_id is None:
            return partial(commands.create, kind=self.kind, values=self.values())
        return partial(
            commands.update,
            kind=self.kind,
            record_id=self.record_id,
            values=self.values(),
            expected_version=self._version,
        )

    def saved_id(self, done: Done[Any]) -> int:
        """The record's id from a committed save (a new record's id is what `create` returns)."""
        return self.record_id if self.record_id is not None else int(done.value)

    def _saved(self, done: Done[Any]) -> None:
        self._set_saving(False)
        self.record_id = self.saved_id(done)
        self._initial = self.values()
        self.saved.emit(self.record_id)
        self.accept()

    def _refused(self, error: LedgerError) -> None:
        """Keep everything typed; say why beside the fields or above the buttons."""
        self._set_saving(False)
        if isinstance(error, ValidationError) and error.errors:
            self._show_problems(error.errors, touched_only=False)
            return
        self.notice.setText(str(error))
        self.notice.show()
        if isinstance(error, StaleRecordError) and ask.confirm(
            self,
            translate("RecordForm", "Changed meanwhile"),
            str(error)
            + "\n\n"
            + translate("RecordForm", "Reload the record and apply your changes to it again?"),
        ):
            self.reload_and_reapply()
            self.notice.setText(
                translate(
                    "RecordForm",
                    "Reloaded with the other changes; yours are applied again. Check and save.",
                )
            )

    def _confirm(self, needs: NeedsConfirmation) -> None:
        self._set_saving(False)
        question = "\n".join(needs.lines()) + "\n\n" + translate("RecordForm", "Save anyway?")
        if ask.confirm(self, translate("RecordForm", "Please confirm"), question):
            self._confirmed = self._confirmed | needs.codes()
            self.save()

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.save_button.setEnabled(not saving)
        self.save_button.setText(
            translate("RecordForm", "Saving…") if saving else translate("RecordForm", "Save")
        )

    def reject(self) -> None:
        """Esc or Cancel: throw edits away only when the clerk says so (never mid-save)."""
        if self.saving:
            return
        if self.is_dirty() and not ask.confirm(
            self,
            translate("RecordForm", "Discard changes"),
            translate("RecordForm", "Close the form and throw away your changes?"),
        ):
            return
        super().reject()
