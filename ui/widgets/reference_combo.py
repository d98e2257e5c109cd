"""A drop-down of records by name (a unit, a team) that can add a missing one on the spot.

The clerk typing a new staff member often meets a sending unit the ledger does not
know yet; "Add new…" opens that record's own form and, once saved, selects it, so
the staff form is never abandoned half-filled.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QWidget

ADD_NEW = "add-new"  # item data of the last entry; never a record id

Choice = tuple[int, str]


class ReferenceCombo(QComboBox):
    """Item data: a record id, None for the blank first entry, ADD_NEW for the last."""

    def __init__(
        self,
        choices: Callable[[], list[Choice]],
        *,
        add_form: Callable[[QWidget], QDialog] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`choices()` lists (id, name); `add_form(parent)` builds the form for a new
        record, a dialog with a `saved(int)` signal (a `RecordForm`)."""
        super().__init__(parent)
        self._choices, self._add_form = choices, add_form
        self._previous = 0
        self.form: QDialog | None = None  # the "add new" form on screen, if any
        self.reload()
        self.activated.connect(self._on_activated)

    def reload(self, select_id: int | None = None) -> None:
        """Refill from the database, keeping (or moving to) a chosen record."""
        keep = select_id if select_id is not None else self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem("", None)
        for record_id, name in self._choices():
            self.addItem(name, record_id)
        if self._add_form is not None:
            self.insertSeparator(self.count())
            self.addItem(self.tr("Add new…"), ADD_NEW)
        index = self.findData(keep) if keep not in (None, ADD_NEW) else 0
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        self._previous = self.currentIndex()
        if select_id is not None:
            self.currentIndexChanged.emit(self.currentIndex())

    def _on_activated(self, index: int) -> None:
        if self.itemData(index) != ADD_NEW or self._add_form is None:
            self._previous = index
            return
        self.blockSignals(True)  # "Add new…" is an action, never the field's value
        self.setCurrentIndex(self._previous)
        self.blockSignals(False)
        self.currentIndexChanged.emit(self._previous)  # so the form re-checks the real value
        self.open_add_form()

    def open_add_form(self) -> QDialog | None:
        if self._add_form is None:
            return None
        form = self._add_form(self)
        form.saved.connect(lambda record_id: self.reload(select_id=record_id))  # type: ignore[attr-defined]
        form.finished.connect(form.deleteLater)
        self.form = form
        form.open()
        return form
