"""Settings → Import history (导入记录): every import and batch entry, undone as a whole.

The list is `app.history.batches.BatchHistory` (newest first: when, who, what, which
file, how many rows added, changed and removed); Undo runs `undo_batch`, which puts
back what the batch changed or refuses, with its reason, when later work touched
those records or a closed quarter holds them.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.db.listing import ListQuery
from app.history.batches import BatchHistory, undo_batch
from app.records.permissions import Permission
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.widgets.record_list import RecordList

NEWEST_FIRST = ListQuery(sort_key="created_at", descending=True)


class ImportHistoryTab(QWidget):
    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        note = QLabel(
            self.tr(
                "Each import, and each entry for many at once, is one batch. Undo takes a "
                "batch back as a whole: what it added goes, what it changed gets its "
                "earlier values."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("hint")
        layout.addWidget(note)
        self.list = RecordList(context, BatchHistory(), NEWEST_FIRST)
        self.list.view.setColumnWidth(0, 130)
        self.list.view.setColumnWidth(3, 260)
        self.undo_button = self.list.add_button(
            self.tr("Undo batch…"),
            self.undo_selected,
            enabled_when=lambda: (
                context.can(Permission.ENTER)
                and self.list.selected_id() is not None
                and not self.list.selected_text("undone_at")
            ),
        )
        layout.addWidget(self.list, 1)

    def undo_selected(self) -> QObject | None:
        batch_id = self.list.selected_id()
        if batch_id is None:
            return None
        question = self.tr(
            "Undo {what} of {when} ({file})? What it added is removed and what it changed "
            "gets its earlier values."
        ).format(
            what=self.list.selected_text("kind"),
            when=self.list.selected_text("created_at"),
            file=self.list.selected_text("file_name") or "—",
        )
        if not ask.confirm(self, self.tr("Undo batch"), question):
            return None
        op = self.context.write(
            partial(undo_batch, batch_id=batch_id), parent=self, backup_first="undo"
        )
        op.failed.connect(lambda error: ask.show_error(self, str(error)))
        return op

    # Page actions (main window menus and toolbar).
    def export_page(self) -> QObject | None:
        return self.list.export(self.tr("Import history"))

    def print_page(self) -> QObject:
        return self.list.print_list(self.tr("Import history"))
