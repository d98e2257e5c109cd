"""工作成效 → Ledger (成效台账): every outcome entry, filtered, searched, sorted in SQL,
with totals per metric for exactly what is shown.

The list is windowed (`app.outcomes.lists.OutcomeList`), so 500,000 entries open and
filter as quickly as 500. The totals are read on the worker thread once the query has
stood still for a moment and appear beside the list a little later; sum metrics are summed,
latest metrics (levels such as 亩产) show their latest value.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db.base import label_of
from app.db.listing import ListQuery
from app.db.models import OutcomeEntry, Staff
from app.db.vocabulary import Aggregation, Field
from app.outcomes.entries import OUTCOME
from app.outcomes.lists import (
    MetricTotal,
    OutcomeList,
    all_metric_choices,
    entry_quarters,
    outcome_totals,
    staff_choices,
)
from app.records.permissions import Permission
from app.records.work import Changes
from app.roster.lists import team_choices
from ui.context import LedgerContext
from ui.dialogs.outcome_form import OutcomeForm
from ui.icons import icon
from ui.list_printing import chosen_filters
from ui.pages.roster.staff_page import FilterCombo, vocabulary_choices
from ui.table_models import cell_text
from ui.tasks import Task
from ui.widgets.date_edit import DateEdit
from ui.widgets.quarter_combo import quarter_text
from ui.widgets.record_editing import RecordEditing
from ui.widgets.record_list import RecordList

DATE_RANGE = "range"  # the period filter's last choice: two date fields
TOTALS_DELAY_MS = 250  # totals are recounted once the query has stood still this long


class TotalsTable(QTableWidget):
    """Totals per metric of what the ledger shows."""

    def __init__(self) -> None:
        super().__init__(0, 4)
        self.setHorizontalHeaderLabels(
            [self.tr("Metric"), self.tr("Total"), self.tr("Unit"), self.tr("Entries")]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setAlternatingRowColors(True)

    def show_totals(self, lines: list[MetricTotal]) -> None:
        self.setRowCount(len(lines))
        for row, line in enumerate(lines):
            total = QTableWidgetItem(cell_text(line.value))
            total.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            name = QTableWidgetItem(f"{line.field.label()} · {line.metric}")
            if line.aggregation == Aggregation.LATEST and line.as_of is not None:
                note = self.tr("latest value, reported {date}").format(date=line.as_of.isoformat())
                total.setToolTip(note)
                name.setText(name.text() + self.tr(" (latest)"))
            count = QTableWidgetItem(str(line.entries))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate((name, total, QTableWidgetItem(line.unit), count)):
                self.setItem(row, column, item)


class LedgerTab(QWidget):
    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._asked = 0  # generation of the totals asked for (older answers are dropped)
        self.totals_task: Task | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search description, person, team or metric (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(220)
        bar.addWidget(self.search, 2)
        self.period = FilterCombo(self.tr("All dates"), self._period_choices)
        self.date_from, self.date_to = DateEdit(), DateEdit()
        for editor in (self.date_from, self.date_to):
            editor.setMaximumWidth(130)
            editor.hide()
            editor.editingFinished.connect(self.apply_filters)
        self.filters: dict[str, FilterCombo] = {
            "field": FilterCombo(self.tr("All fields"), vocabulary_choices(Field)),
            "team_id": FilterCombo(self.tr("All teams"), lambda: context.read(team_choices)),
            "staff_id": FilterCombo(self.tr("All staff"), lambda: context.read(staff_choices)),
            "metric_id": FilterCombo(
                self.tr("All metrics"), lambda: context.read(all_metric_choices)
            ),
        }
        self.highlights = QCheckBox(self.tr("Highlights only"))
        bar.addWidget(self.period, 1)
        bar.addWidget(self.date_from)
        bar.addWidget(self.date_to)
        for combo in (self.period, *self.filters.values()):
            combo.currentIndexChanged.connect(self.apply_filters)
        for combo in self.filters.values():
            bar.addWidget(combo, 1)
        bar.addWidget(self.highlights)
        self.highlights.toggled.connect(self.apply_filters)
        self.clear_button = QPushButton(self.tr("Show all"))
        self.clear_button.clicked.connect(self.clear_filters)
        bar.addWidget(self.clear_button)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.list = RecordList(context, OutcomeList(), ListQuery(sort_key="date", descending=True))
        self.editing = RecordEditing(self.list, OUTCOME, self._form)
        self.highlight_button = self.list.add_button(
            self.tr("New highlight…"),
            self.new_highlight,
            enabled_when=lambda: context.can(Permission.ENTER),
            before=self.editing.edit_button,
        )
        export = self.list.add_button(
            self.tr("Export to Excel…"), self.export, needs_selection=False
        )
        export.setToolTip(self.tr("The entries as listed, with the filters applied (Ctrl+E)"))
        self.list.add_print_button(self.print_page)
        splitter.addWidget(self.list)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(8, 0, 0, 0)
        self.totals_title = QLabel(self.tr("Totals of the entries shown"))
        self.totals_title.setObjectName("sectionTitle")
        column.addWidget(self.totals_title)
        self.totals = TotalsTable()
        column.addWidget(self.totals, 1)
        note = QLabel(
            self.tr(
                "Sum metrics are added up; levels such as yield per mu show their latest value."
            )
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        column.addWidget(note)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 340])
        layout.addWidget(splitter, 1)

        self._totals_timer = QTimer(self)
        self._totals_timer.setSingleShot(True)
        self._totals_timer.setInterval(TOTALS_DELAY_MS)
        self._totals_timer.timeout.connect(self._ask_totals)
        self.search.textChanged.connect(self.list.set_search)
        self.list.model.modelReset.connect(self.refresh_totals)
        context.bus.changed.connect(self._on_changed)
        self.refresh_totals()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.list.model.hold(False)  # type: ignore[attr-defined]

    def hideEvent(self, event: QHideEvent) -> None:
        """Hidden behind another tab, the ledger reloads (and recounts its totals) only
        when shown again, not after every save of the grid."""
        super().hideEvent(event)
        self.list.model.hold(True)  # type: ignore[attr-defined]

    # ----------------------------------------------------------------- filters
    def _period_choices(self) -> list[tuple[object, str]]:
        quarters = sorted(self.context.read(entry_quarters), reverse=True)
        return [
            *((str(quarter), quarter_text(quarter)) for quarter in quarters),
            (DATE_RANGE, self.tr("Date range…")),
        ]

    def query_filters(self) -> dict[str, Any]:
        filters: dict[str, Any] = {key: combo.currentData() for key, combo in self.filters.items()}
        period = self.period.currentData()
        ranged = period == DATE_RANGE
        self.date_from.setVisible(ranged)
        self.date_to.setVisible(ranged)
        if ranged:
            filters["date_from"], filters["date_to"] = self.date_from.date(), self.date_to.date()
        else:
            filters["quarter"] = period
        filters["highlights"] = self.highlights.isChecked()
        return filters

    def apply_filters(self) -> None:
        self.list.set_filters(self.query_filters())

    def clear_filters(self) -> None:
        self.search.clear()
        for combo in (self.period, *self.filters.values()):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.highlights.blockSignals(True)
        self.highlights.setChecked(False)
        self.highlights.blockSignals(False)
        self.apply_filters()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches({"team"}):
            self.filters["team_id"].reload()
        if changes.touches({"staff"}):
            self.filters["staff_id"].reload()
        if changes.touches({"metric"}):
            self.filters["metric_id"].reload()
        if changes.touches({"outcome_entry"}):
            self.period.reload()

    # ----------------------------------------------------------------- totals
    def refresh_totals(self) -> None:
        """Recount the totals once the clerk has stopped changing the query for a moment
        (typing a search, flicking through filters): the list paints first, the worker
        is not flooded, and only the newest answer is shown."""
        self.totals_title.setText(self.tr("Totals of the entries shown (counting…)"))
        self._totals_timer.start()

    def _ask_totals(self) -> None:
        self._asked += 1
        asked, query, ledger = self._asked, self.list.model.query, self.context.ledger

        def job(_progress: object) -> list[MetricTotal]:
            with ledger.session() as session:
                return outcome_totals(session, query)

        self.totals_task = self.context.tasks.submit(job)
        self.totals_task.setProperty("asked", asked)
        # A slot of this widget, so an answer arriving after the page is gone is dropped.
        self.totals_task.finished.connect(self._show_totals)

    def _show_totals(self, lines: list[MetricTotal]) -> None:
        sender = self.sender()
        if sender is not None and sender.property("asked") != self._asked:
            return  # an older query's totals
        self.totals.show_totals(lines)
        self.totals_title.setText(self.tr("Totals of the entries shown"))

    # ----------------------------------------------------------------- actions
    def _form(self, record_id: int | None) -> OutcomeForm:
        return OutcomeForm(self.context, record_id, self)

    def new_highlight(self) -> None:
        form = OutcomeForm(self.context, None, self, defaults={"is_highlight": True})
        form.saved.connect(self.list.select_id)
        form.finished.connect(form.deleteLater)
        self.editing.form = form
        form.open()

    def export(self) -> QObject | None:
        return self.list.export(self.tr("Outcomes"))

    def print_page(self) -> QObject:
        """The ledger as shown: every matching entry, not only the rows loaded so far."""
        period: list[tuple[str, QWidget]] = (
            [(self.tr("From"), self.date_from), (self.tr("To"), self.date_to)]
            if self.period.currentData() == DATE_RANGE
            else [(label_of(OutcomeEntry, "period"), self.period)]
        )
        named: list[tuple[str, QWidget]] = [
            *period,
            (label_of(Staff, "field"), self.filters["field"]),
            (label_of(OutcomeEntry, "team_id"), self.filters["team_id"]),
            (label_of(OutcomeEntry, "staff_id"), self.filters["staff_id"]),
            (label_of(OutcomeEntry, "metric_id"), self.filters["metric_id"]),
            ("", self.highlights),
        ]
        return self.list.print_list(self.tr("Outcome ledger"), chosen_filters(named))
