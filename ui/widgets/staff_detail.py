"""One staff member's file beside the roster: their data, services, outcomes (with
totals by metric, their own and their team's, marked) and mentees.

Read from `app.roster.staff_file`; it follows the chosen row and refreshes when any
record of the person changes, so the clerk sees a provision they just entered.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import NotFoundError
from app.outcomes.lists import staff_outcome_totals
from app.records.work import Changes
from app.roster.staff_file import StaffFile, staff_file
from ui.context import LedgerContext
from ui.table_models import cell_text

# Changes to these kinds of records can alter what a person's file shows.
WATCHED = frozenset({"staff", "unit", "team", "service_provision", "outcome_entry", "mentorship"})


class StaffDetail(QWidget):
    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.staff_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        layout.addWidget(self.title)
        self.placeholder = QLabel(self.tr("Choose a person in the list to see their file."))
        self.placeholder.setObjectName("hint")
        self.placeholder.setWordWrap(True)
        layout.addWidget(self.placeholder)
        self.tabs = QTabWidget()
        # Four tabs in a narrow side panel: they share the width (text elided, full title
        # in the tooltip) rather than hiding the last one behind scroll arrows.
        self.tabs.tabBar().setUsesScrollButtons(False)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.tabBar().setExpanding(True)
        facts_page = QWidget()
        self.facts = QFormLayout(facts_page)
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(facts_page)
        self.tabs.addTab(scroll, self.tr("Data"))
        self.provisions = self._table(
            [self.tr("Date"), self.tr("Service"), self.tr("Details")], self.tr("Services")
        )
        # The outcomes tab: totals by metric on top (their own, then their team's),
        # every entry below.
        outcomes = QSplitter(Qt.Orientation.Vertical)
        self.totals = self._table(
            [self.tr("Metric"), self.tr("Total"), self.tr("Unit"), self.tr("Whose")], None
        )
        self.outcomes = self._table(
            [self.tr("Date"), self.tr("Metric"), self.tr("Value"), self.tr("Description")], None
        )
        outcomes.addWidget(self.totals)
        outcomes.addWidget(self.outcomes)
        self.tabs.addTab(outcomes, self.tr("Outcomes"))
        self.outcomes_tab = outcomes
        self.mentees = self._table(
            [self.tr("Mentee"), self.tr("Unit"), self.tr("From"), self.tr("To"), self.tr("Goal")],
            self.tr("Mentees"),
        )
        layout.addWidget(self.tabs, 1)
        context.bus.changed.connect(self._on_changed)
        self.show_staff(None)

    def _table(self, headers: list[str], title: str | None) -> QTableWidget:
        """A read-only table, in a tab of its own when it has a `title`."""
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        if title is not None:
            self.tabs.addTab(table, title)
        return table

    def show_staff(self, staff_id: int | None) -> None:
        self.staff_id = staff_id
        file = None
        if staff_id is not None:
            try:
                file = self.context.read(staff_file, staff_id)
            except NotFoundError:  # deleted meanwhile
                self.staff_id = None
        self.placeholder.setVisible(file is None)
        self.tabs.setVisible(file is not None)
        self.title.setText(file.name if file else "")
        if file is not None:
            self._fill(file)

    def _fill(self, file: StaffFile) -> None:
        while self.facts.rowCount():
            self.facts.removeRow(0)
        for label, value in file.facts:
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(label, text)
        _fill_rows(self.provisions, [(p.date, p.service, p.details) for p in file.provisions])
        _fill_rows(
            self.outcomes,
            [
                (o.date, o.metric, f"{cell_text(o.value)} {o.unit}".strip(), o.description)
                for o in file.outcomes
            ],
        )
        totals = self.context.read(staff_outcome_totals, self.staff_id)
        _fill_rows(self.totals, totals.rows())
        _fill_rows(
            self.mentees,
            [(m.name, m.unit, m.start_date, m.end_date, m.goal) for m in file.mentees],
        )
        counted = (  # short titles fit the side panel; the tooltip says it in full
            (self.provisions, self.tr("Services {count}"), self.tr("Services ({count})")),
            (self.outcomes_tab, self.tr("Outcomes {count}"), self.tr("Outcomes ({count})")),
            (self.mentees, self.tr("Mentees {count}"), self.tr("Mentees ({count})")),
        )
        sizes = (len(file.provisions), len(file.outcomes), len(file.mentees))
        for (table, short, full), count in zip(counted, sizes, strict=True):
            index = self.tabs.indexOf(table)
            self.tabs.setTabText(index, short.format(count=count))
            self.tabs.setTabToolTip(index, full.format(count=count))

    def _on_changed(self, changes: Changes) -> None:
        if self.staff_id is not None and changes.touches(WATCHED):
            self.show_staff(self.staff_id)


def _fill_rows(table: QTableWidget, rows: Sequence[Sequence[Any]]) -> None:
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(cell_text(value)))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
