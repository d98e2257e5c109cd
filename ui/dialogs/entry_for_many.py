"""Entry for many (批量登记): one service for many staff at once, in one transaction.

The dialog lists everyone on duty on the chosen day and ticks those it proposes (a
field, a team, "only those without it in this period"); the clerk unticks or adds
anyone. Beside each name it shows the provisions of the service the person already
has inside the rule's period, so nobody gets it twice by mistake. Save hands
`app.services.entry_for_many.enter_for_many` to the write runner: every row is
written in one batch, or — when a row is refused — nothing, with each refusal named
by the person and the field. Cautions (before arrival, already has it) are asked once
for all.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.db.base import label_of
from app.db.models import ServiceProvision
from app.db.vocabulary import Field
from app.errors import LedgerError, NeedsConfirmation, ValidationError
from app.records.work import Done
from app.roster.lists import team_choices
from app.services.catalog import service_choices
from app.services.entry_for_many import Candidate, candidates, enter_for_many
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.dialogs.record_form import REQUIRED_MARK
from ui.pages.roster.staff_page import FilterCombo, vocabulary_choices
from ui.widgets.date_edit import DateEdit
from ui.widgets.reference_combo import ReferenceCombo

NAME, FIELD, TEAM, ALREADY = range(4)


def _label(key: str) -> str:
    return label_of(ServiceProvision, key)


class EntryForManyDialog(QDialog):
    """`entered(batch_id, count, service)` once the rows are written."""

    entered = Signal(int, int, str)

    def __init__(
        self,
        context: LedgerContext,
        parent: QWidget | None = None,
        *,
        defaults: Mapping[str, Any] | None = None,
    ) -> None:
        """`defaults` may hold `service_type_id`, `field` (a code) and `team_id`."""
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Entry for many"))
        self.setMinimumSize(760, 620)
        self._candidates: list[Candidate] = []
        self._confirmed: frozenset[str] = frozenset()
        self.saving = False
        defaults = dict(defaults or {})
        outer = QVBoxLayout(self)

        form = QFormLayout()
        self.service = ReferenceCombo(partial(context.read, service_choices, clock.today()))
        self.service.setCurrentIndex(max(self.service.findData(defaults.get("service_type_id")), 0))
        form.addRow(_label("service_type_id") + REQUIRED_MARK, self.service)
        self.date = DateEdit()
        self.date.setText(clock.today().isoformat())
        form.addRow(_label("date") + REQUIRED_MARK, self.date)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("yuan, optional"))
        self.amount.setMaximumWidth(200)
        form.addRow(_label("amount"), self.amount)
        self.details = QLineEdit()
        self.details.setPlaceholderText(self.tr("e.g. 中秋慰问"))
        form.addRow(_label("details"), self.details)
        self.handled_by = QLineEdit(context.setting("clerk_name"))
        form.addRow(_label("handled_by"), self.handled_by)
        self.notes = QLineEdit()
        form.addRow(_label("notes"), self.notes)
        outer.addLayout(form)

        proposal = QHBoxLayout()
        proposal.addWidget(QLabel(self.tr("Propose:")))
        self.field = FilterCombo(self.tr("All fields"), vocabulary_choices(Field))
        self.field.setCurrentIndex(max(self.field.findData(defaults.get("field") or ""), 0))
        self.team = FilterCombo(self.tr("All teams"), lambda: context.read(team_choices))
        self.team.setCurrentIndex(max(self.team.findData(defaults.get("team_id") or ""), 0))
        self.not_covered = QCheckBox(self.tr("only those without it in this period"))
        for widget in (self.field, self.team, self.not_covered):
            proposal.addWidget(widget)
        proposal.addStretch(1)
        outer.addLayout(proposal)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("entryForManyStaff")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Staff on duty that day"),
                self.tr("Field"),
                self.tr("Team"),
                self.tr("Already has it in this period"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ALREADY, QHeaderView.ResizeMode.Stretch)
        outer.addWidget(self.table, 1)

        ticks = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("rowCount")
        ticks.addWidget(self.count_label)
        ticks.addStretch(1)
        self.tick_all = QPushButton(self.tr("Tick all"))
        self.tick_all.clicked.connect(lambda: self._tick_every(True))
        self.untick_all = QPushButton(self.tr("Untick all"))
        self.untick_all.clicked.connect(lambda: self._tick_every(False))
        ticks.addWidget(self.tick_all)
        ticks.addWidget(self.untick_all)
        outer.addLayout(ticks)

        self.notice = QLabel()
        self.notice.setObjectName("formNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        outer.addWidget(self.notice)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        self.service.currentIndexChanged.connect(self.propose)
        self.date.textChanged.connect(self.propose)
        for combo in (self.field, self.team):
            combo.currentIndexChanged.connect(self.propose)
        self.not_covered.toggled.connect(self.propose)
        self.table.itemChanged.connect(self._ticks_changed)
        for editor in (self.amount, self.details, self.handled_by, self.notes):
            editor.textEdited.connect(self._changed_input)
        self.propose()

    # ----------------------------------------------------------------- proposing
    def propose(self) -> None:
        """List everyone on duty on the day; tick those the filters propose."""
        self._confirmed = frozenset()
        service_id, day = self.service.currentData(), self.date.date()
        self._candidates = (
            self.context.read(
                candidates,
                service_id,
                day,
                field=self.field.currentData() or None,
                team_id=self.team.currentData() or None,
                not_covered=self.not_covered.isChecked(),
            )
            if service_id is not None and day is not None
            else []
        )
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._candidates))
        for row, person in enumerate(self._candidates):
            name = QTableWidgetItem(person.name)
            name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(
                Qt.CheckState.Checked if person.proposed else Qt.CheckState.Unchecked
            )
            name.setData(Qt.ItemDataRole.UserRole, person.staff_id)
            already = QTableWidgetItem(
                self.tr("、").join(day.isoformat() for day in person.already)
            )
            for column, item in enumerate(
                (
                    name,
                    QTableWidgetItem(person.field.label()),
                    QTableWidgetItem(person.team),
                    already,
                )
            ):
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self._count()

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        """A cell of the people table (every cell is filled when the rows are shown)."""
        item = self.table.item(row, column)
        assert item is not None
        return item

    def _tick_every(self, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            self._cell(row, NAME).setCheckState(state)
        self.table.blockSignals(False)
        self._ticks_changed()

    def set_ticked(self, name: str, ticked: bool) -> None:
        """Tick or untick one person by name (what a click on the box does)."""
        for row in range(self.table.rowCount()):
            item = self._cell(row, NAME)
            if item.text() == name:
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def ticked_ids(self) -> list[int]:
        return [
            int(self._cell(row, NAME).data(Qt.ItemDataRole.UserRole))
            for row in range(self.table.rowCount())
            if self._cell(row, NAME).checkState() == Qt.CheckState.Checked
        ]

    def already_shown(self) -> dict[str, str]:
        """Name → the dates shown in "already has it" (tests and screenshots read it)."""
        return {
            self._cell(row, NAME).text(): self._cell(row, ALREADY).text()
            for row in range(self.table.rowCount())
        }

    def _ticks_changed(self, *_args: object) -> None:
        self._confirmed = frozenset()  # other people: their cautions are asked again
        self._count()

    def _count(self) -> None:
        ticked = len(self.ticked_ids())
        self.count_label.setText(
            self.tr("{ticked} of {total} ticked").format(ticked=ticked, total=len(self._candidates))
        )
        self.save_button.setText(self.tr("Enter for {count}").format(count=ticked))
        self.save_button.setEnabled(ticked > 0 and not self.saving)

    def _changed_input(self) -> None:
        self._confirmed = frozenset()
        self.notice.hide()

    # ----------------------------------------------------------------- saving
    def save(self) -> None:
        staff_ids = self.ticked_ids()
        if self.saving or not staff_ids:
            return
        self.notice.hide()
        self._set_saving(True)
        command = partial(
            enter_for_many,
            service_type_id=self.service.currentData(),
            day=self.date.text(),
            staff_ids=staff_ids,
            details=self.details.text(),
            amount=self.amount.text(),
            handled_by=self.handled_by.text(),
            notes=self.notes.text(),
        )
        op = self.context.write(
            command,
            confirmed=self._confirmed,
            progress_label=self.tr("Entering {count} service records…").format(
                count=len(staff_ids)
            ),
            parent=self,
            cancellable=True,
        )
        op.done.connect(self._saved)
        op.failed.connect(self._refused)
        op.confirm.connect(self._confirm)

    def _saved(self, done: Done[Any]) -> None:
        self._set_saving(False)
        self.entered.emit(
            done.changes.created_id("batch"), len(done.value), self.service.currentText()
        )
        self.accept()

    def _refused(self, error: LedgerError) -> None:
        """Keep every tick and value; list each refusal (person and field)."""
        self._set_saving(False)
        text = "\n".join(error.lines()) if isinstance(error, ValidationError) else str(error)
        self.notice.setText(self.tr("Nothing was saved:") + "\n" + text)
        self.notice.show()

    def _confirm(self, needs: NeedsConfirmation) -> None:
        self._set_saving(False)
        question = "\n".join(needs.lines()) + "\n\n" + self.tr("Save anyway?")
        if ask.confirm(self, self.tr("Please confirm"), question):
            self._confirmed = self._confirmed | needs.codes()
            self.save()

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self._count()

    def reject(self) -> None:
        if not self.saving:
            super().reject()
