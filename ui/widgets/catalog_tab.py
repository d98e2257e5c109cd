"""A catalog in Settings (the services, the metrics): its list with New, Edit,
Activate/Deactivate and Delete. The two catalogs differ only in listing, kind and form.

Deleting an entry that records use is refused by `app/` with "… deactivate it instead".
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from app.db.listing import Listing
from app.records import commands
from app.records.kinds import RecordKind, current_values
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.dialogs.record_form import RecordForm
from ui.widgets.record_editing import RecordEditing
from ui.widgets.record_list import RecordList

FormClass = Callable[[LedgerContext, int | None, QWidget], RecordForm]


class CatalogTab(QWidget):
    """A catalog list with New, Edit, Activate/Deactivate and Delete."""

    def __init__(
        self,
        context: LedgerContext,
        kind: RecordKind,
        listing: Listing,
        form_class: FormClass,
        *,
        title: str,
        intro: str,
        side: Callable[[RecordList], QWidget] | None = None,
        deactivate: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """`side(list)` builds a panel shown right of the list (a metric's targets);
        without `deactivate` there is no Activate/Deactivate button (services are
        retired on a day instead, see ui/pages/services/catalog_tab.py)."""
        super().__init__(parent)
        self.context, self.kind, self.title = context, kind, title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        note = QLabel(intro)
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self.list = RecordList(context, listing, title=title)
        self.splitter.addWidget(self.list)
        self.editing = RecordEditing(
            self.list, kind, lambda record_id: form_class(context, record_id, self)
        )
        # Deactivating is the everyday action; deleting is the rare one, so it stays last.
        self.active_button = self.list.add_button(
            self.tr("Deactivate"),
            self.toggle_active,
            enabled_when=lambda: (
                context.can(kind.permission) and self.list.selected_id() is not None
            ),
            before=self.editing.delete_button,
        )
        self.active_button.setVisible(deactivate)
        if deactivate:
            self.list.selection_changed.connect(self._name_toggle)
        self.side = side(self.list) if side is not None else None
        if self.side is not None:
            self.splitter.addWidget(self.side)
            self.splitter.setSizes([640, 360])

    def _selected_is_active(self) -> bool | None:
        record_id = self.list.selected_id()
        if record_id is None:
            return None
        return bool(self.context.read(current_values, self.kind, record_id)["active"])

    def _name_toggle(self) -> None:
        active = self._selected_is_active()
        self.active_button.setText(
            self.tr("Activate") if active is False else self.tr("Deactivate")
        )

    def toggle_active(self) -> None:
        """Deactivated entries keep their records and leave the lists of choices."""
        record_id, active = self.list.selected_id(), self._selected_is_active()
        if record_id is None or active is None:
            return
        op = self.context.write(
            partial(
                commands.update, kind=self.kind, record_id=record_id, values={"active": not active}
            ),
            parent=self,
        )
        op.done.connect(lambda _done: self.list.select_id(record_id))
        op.failed.connect(lambda error: ask.show_error(self, str(error)))

    # Page actions (main window menus and toolbar).
    def new_record(self) -> None:
        self.editing.new_record()

    def delete_selected(self) -> None:
        self.editing.delete_selected()

    def export_page(self) -> QObject | None:
        return self.list.export(self.title)

    def print_page(self) -> QObject:
        return self.list.print_list(self.title)
