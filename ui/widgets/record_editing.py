"""Add, edit and delete the records of one kind from a `RecordList`.

Together with `RecordForm` this is the one list + form pattern: services, metrics
and yearly targets differ only in their listing, their kind and their form.
Forms open with `open()` (window-modal, not a nested event loop), so tests drive
them like any other widget and the window keeps painting.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication

from app.records import commands
from app.records.kinds import RecordKind, describe
from ui.dialogs import ask
from ui.dialogs.record_form import RecordForm
from ui.widgets.record_list import RecordList

translate = QCoreApplication.translate

FormFactory = Callable[[int | None], RecordForm]  # record id, or None for a new record


class RecordEditing:
    """Wires New / Edit / Delete buttons, double-click and the Delete key to a list."""

    def __init__(
        self,
        record_list: RecordList,
        kind: RecordKind,
        form_factory: FormFactory,
        *,
        can_add: Callable[[], bool] = lambda: True,
    ) -> None:
        """`can_add()` says when New makes sense (a target needs a chosen metric)."""
        self.list, self.kind, self._form_factory = record_list, kind, form_factory
        self.form: RecordForm | None = None  # the form on screen, if any
        writable = record_list.context.can(kind.permission)  # a viewer, a read-only ledger
        self.new_button = record_list.add_button(
            translate("RecordEditing", "New…"),
            self.new_record,
            enabled_when=lambda: writable and can_add(),
        )
        self.edit_button = record_list.add_button(
            translate("RecordEditing", "Edit…"), self.edit_selected
        )
        self.delete_button = record_list.add_button(
            translate("RecordEditing", "Delete…"),
            self.delete_selected,
            enabled_when=lambda: writable and record_list.selected_id() is not None,
        )
        record_list.activated.connect(self._open)
        record_list.on_delete_key(self.delete_selected)

    def new_record(self) -> None:
        if self.new_button.isEnabled():  # Ctrl+N follows the button
            self._open(None)

    def edit_selected(self) -> None:
        record_id = self.list.selected_id()
        if record_id is not None:
            self._open(record_id)

    def delete_selected(self) -> None:
        """To the recycle bin after a confirmation; a refusal says what still uses it."""
        record_id = self.list.selected_id()
        if record_id is None or not self.delete_button.isEnabled():
            return
        name = self.list.context.read(describe, self.kind, record_id)
        if self.kind.in_recycle_bin_table:
            question = translate(
                "RecordEditing",
                "Move {name} to the recycle bin? You can restore it from Settings → Recycle bin.",
            )
        else:
            question = translate("RecordEditing", "Delete {name}? This cannot be undone.")
        if ask.confirm(self.list, translate("RecordEditing", "Delete"), question.format(name=name)):
            op = self.list.context.write(
                partial(commands.delete, kind=self.kind, record_id=record_id), parent=self.list
            )
            op.failed.connect(lambda error: ask.show_error(self.list, str(error)))

    def _open(self, record_id: int | None) -> None:
        form = self._form_factory(record_id)
        form.saved.connect(self.list.select_id)
        form.finished.connect(self._closed)
        self.form = form
        form.open()

    def _closed(self) -> None:
        if self.form is not None:
            self.form.deleteLater()
            self.form = None
