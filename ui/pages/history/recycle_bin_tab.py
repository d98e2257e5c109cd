"""Settings → Recycle bin (回收站): bring deleted records back, or erase them for good.

Restoring checks the record again (an ID number may have been given to someone
else meanwhile) and purging is refused while other records still point at it; both
refusals come from `app/` and are shown as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.history.kinds import KINDS, entity_label
from app.history.recycle_bin import BIN_ENTITIES, NEWEST_FIRST, DeletedRecords, bin_counts
from app.records import commands
from app.records.permissions import Permission
from app.records.work import Changes
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.widgets.record_list import RecordList


class RecycleBinTab(QWidget):
    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        chooser = QHBoxLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.setMinimumWidth(200)
        for entity in BIN_ENTITIES:
            self.kind_combo.addItem(entity_label(entity), entity)
        kind_label = QLabel(self.tr("Kind of record:"))
        kind_label.setBuddy(self.kind_combo)
        chooser.addWidget(kind_label)
        chooser.addWidget(self.kind_combo)
        note = QLabel(
            self.tr(
                "Deleted records wait here. Restore puts one back where it was; "
                "Purge erases it for good."
            )
        )
        note.setObjectName("hint")
        chooser.addSpacing(16)
        chooser.addWidget(note, 1)
        layout.addLayout(chooser)
        self.list = RecordList(context, DeletedRecords(BIN_ENTITIES[0]), NEWEST_FIRST)
        self._size_columns()
        self.restore_button = self.list.add_button(
            self.tr("Restore"),
            self.restore_selected,
            enabled_when=lambda: (
                context.can(KINDS[self.entity()].permission) and self.list.selected_id() is not None
            ),
        )
        self.restore_button.setObjectName("primaryButton")
        self.purge_button = self.list.add_button(
            self.tr("Purge…"),
            self.purge_selected,
            enabled_when=lambda: (
                context.can(Permission.RESTORE) and self.list.selected_id() is not None
            ),
        )
        self.list.on_delete_key(self.purge_selected)
        layout.addWidget(self.list, 1)
        self.kind_combo.currentIndexChanged.connect(self._show_kind)
        context.bus.changed.connect(self._on_changed)
        self._count_kinds()

    def entity(self) -> str:
        return str(self.kind_combo.currentData())

    def show_kind(self, entity: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(entity))

    def _show_kind(self) -> None:
        self.list.set_listing(DeletedRecords(self.entity()), NEWEST_FIRST)
        self._size_columns()

    def _size_columns(self) -> None:
        # Fixed widths: a provision's description is long; nothing measures every row.
        self.list.view.setColumnWidth(0, 420)
        self.list.view.setColumnWidth(1, 150)

    def _count_kinds(self) -> None:
        """The number waiting beside each kind, so the clerk sees where to look."""
        counts = self.context.read(bin_counts)
        for row, entity in enumerate(BIN_ENTITIES):
            label = entity_label(entity)
            text = self.tr("{kind} ({count})").format(kind=label, count=counts[entity])
            self.kind_combo.setItemText(row, text if counts[entity] else label)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(BIN_ENTITIES):
            self._count_kinds()

    def restore_selected(self) -> None:
        record_id = self.list.selected_id()
        if record_id is not None:
            self._write(commands.restore, record_id)

    def purge_selected(self) -> None:
        """The only hard delete in the app, so it always asks first."""
        record_id = self.list.selected_id()
        if record_id is None or not self.purge_button.isEnabled():
            return
        question = self.tr("Erase {name} for good? This cannot be undone.").format(
            name=self.list.selected_text()
        )
        if ask.confirm(self, self.tr("Purge"), question):
            self._write(commands.purge, record_id)

    def _write(self, command: Callable[..., None], record_id: int) -> None:
        op = self.context.write(
            partial(command, kind=KINDS[self.entity()], record_id=record_id), parent=self
        )
        op.failed.connect(lambda error: ask.show_error(self, str(error)))

    # Page actions (main window menus and toolbar).
    def export_page(self) -> QObject | None:
        return self.list.export(self._title())

    def print_page(self) -> QObject:
        return self.list.print_list(self._title())

    def _title(self) -> str:
        return self.tr("Recycle bin - {kind}").format(kind=entity_label(self.entity()))
