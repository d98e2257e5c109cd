"""The coverage matrix (覆盖矩阵) of a quarter: who has received what, who is still owed.

Choose a quarter (the current one first) and a field or team; each cell says done
(with the date), due, overdue or not applicable, with a symbol and a colour. A click
on an open cell records that service for that person (the provision form, prefilled);
a double-click on a done cell opens the provision. The matrix follows every change
of the data at once, prints on A4 landscape and exports to Excel.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.db.vocabulary import CoverageStatus, Field
from app.exchange.coverage_workbook import write_coverage_workbook
from app.periods import Quarter
from app.records.permissions import Permission
from app.records.work import Changes
from app.reports.quarters import report_quarters
from app.roster.lists import team_choices
from app.services.matrix import (
    COLOURS,
    CoverageMatrix,
    MatrixCell,
    cell_text,
    coverage_matrix,
    figures_text,
    legend,
)
from ui import printing
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.dialogs.provision_form import ProvisionForm
from ui.exporting import failure_message, suggested_path, with_suffix
from ui.icons import icon
from ui.pages.roster.staff_page import FilterCombo, vocabulary_choices
from ui.pages.services.matrix_model import MatrixModel
from ui.pages.services.matrix_print import matrix_document
from ui.tasks import Task
from ui.widgets.quarter_combo import QuarterCombo, quarter_text

# Changes after which the matrix is computed again.
WATCHED = frozenset({"service_provision", "staff", "team", "service_type", "quarter_close"})


class MatrixTab(QWidget):
    """`entry_requested(defaults)`: the clerk asked for an entry for many (the page opens it)."""

    entry_requested = Signal(object)

    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.matrix: CoverageMatrix | None = None
        self.form: ProvisionForm | None = None
        self._stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)

        bar = QHBoxLayout()
        self.quarter = QuarterCombo()
        bar.addWidget(self.quarter)
        self.field = FilterCombo(self.tr("All fields"), vocabulary_choices(Field))
        self.team = FilterCombo(self.tr("All teams"), lambda: context.read(team_choices))
        bar.addWidget(self.field)
        bar.addWidget(self.team)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a name or team (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        bar.addWidget(self.search, 1)
        self.entry_button = QPushButton(self.tr("Entry for many…"))
        self.entry_button.setEnabled(context.can(Permission.ENTER))
        self.print_button = QPushButton(self.tr("Print…"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        for button in (self.entry_button, self.print_button, self.export_button):
            bar.addWidget(button)
        layout.addLayout(bar)

        self.model = MatrixModel()
        self.model.setParent(self)
        self.view = QTableView()
        self.view.setObjectName("coverageMatrix")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.setWordWrap(False)
        layout.addWidget(self.view, 1)

        legend_row = QHBoxLayout()
        self.legend_labels: dict[CoverageStatus, QLabel] = {}
        for status, symbol, meaning in legend():
            chip = QLabel(f" {symbol} {status.label()} ")
            chip.setToolTip(meaning)
            chip.setStyleSheet(
                f"background: #{COLOURS[status]}; color: #1a1a1a; border-radius: 3px; "
                "padding: 2px 6px;"
            )
            legend_row.addWidget(chip)
            self.legend_labels[status] = chip
        self.hint = QLabel(
            self.tr("Click an open cell to record it; double-click a done cell to open it.")
        )
        self.hint.setObjectName("hint")
        legend_row.addSpacing(12)
        legend_row.addWidget(self.hint)
        legend_row.addStretch(1)
        layout.addLayout(legend_row)

        quarters = context.read(report_quarters, clock.today())
        self.quarter.set_quarters(quarters, quarters[-1])
        self.quarter.quarter_changed.connect(lambda _quarter: self.refresh())
        self.field.currentIndexChanged.connect(self.refresh)
        self.team.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(self._filter_names)
        self.view.clicked.connect(self._clicked)
        self.view.doubleClicked.connect(self._double_clicked)
        self.entry_button.clicked.connect(self._entry_for_many)
        self.print_button.clicked.connect(self.print_page)
        self.export_button.clicked.connect(self.export_page)
        context.bus.changed.connect(self._on_changed)
        self.refresh()

    # ----------------------------------------------------------------- computing
    def refresh(self) -> None:
        quarter = self.quarter.quarter()
        if quarter is None:
            return
        self._stale = False
        self.matrix = self.context.read(
            coverage_matrix,
            quarter,
            field=self.field.currentData() or None,
            team_id=self.team.currentData() or None,
        )
        self.model.show_matrix(self.matrix, self.search.text())
        self._fit_columns()
        counts = self.matrix.counts()
        for status, chip in self.legend_labels.items():
            symbol = next(s for each, s, _ in legend() if each == status)
            chip.setText(f" {symbol} {status.label()} {counts[status]} ")

    def _fit_columns(self) -> None:
        """Each column as wide as its widest text. A service cell reads one of a few
        texts (✓ and a date, ○ due, ✗ overdue, —), so only those, the names, the teams
        and the footer are measured: 500 people size in a few milliseconds."""
        if self.matrix is None:
            return
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        bold = self.view.font()
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        cells = [
            "✓ 00-00",
            *(
                cell_text(MatrixCell(status))
                for status in (CoverageStatus.DUE, CoverageStatus.OVERDUE)
            ),
        ]
        rows = self.model.rows
        columns: list[tuple[list[str], str]] = [
            ([row.name for row in rows], str(self.model.index(len(rows), 0).data() or "")),
            ([row.team for row in rows], ""),
            *((cells, figures_text(column)) for column in self.matrix.columns),
            (["100%"], ""),
        ]
        for index, (texts, footer) in enumerate(columns):
            title = str(self.model.headerData(index, Qt.Orientation.Horizontal) or "")
            widest = max(
                [bold_metrics.horizontalAdvance(line) for line in (*title.splitlines(), footer)]
                + [metrics.horizontalAdvance(text) for text in set(texts)]
            )
            header.resizeSection(index, max(widest + 20, 56))
        header.setMinimumHeight(2 * metrics.height() + 12)

    def _filter_names(self, text: str) -> None:
        if self.matrix is not None:
            self.model.show_matrix(self.matrix, text)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches({"team"}):
            self.team.reload()
        if changes.touches(WATCHED):
            self._stale = True
            if self.isVisible():
                self.refresh()

    # ----------------------------------------------------------------- cells
    def _clicked(self, index: QModelIndex) -> None:
        found = self.model.cell_at(index)
        if found is None or not self.context.can(Permission.ENTER):
            return
        row, service_id, cell = found
        if cell.status in (CoverageStatus.DUE, CoverageStatus.OVERDUE):
            self.record(row.staff_id, service_id)

    def _double_clicked(self, index: QModelIndex) -> None:
        found = self.model.cell_at(index)
        if found is None:
            return
        _row, _service, cell = found
        if cell.status == CoverageStatus.DONE and cell.provision_id is not None:
            self._open_form(ProvisionForm(self.context, cell.provision_id, self))

    def record(self, staff_id: int, service_id: int) -> ProvisionForm:
        """The provision form for one person and service, dated today (or the chosen
        quarter's last day when it has ended: a later date would not fill it)."""
        quarter = self.quarter.quarter() or Quarter.containing(clock.today())
        day: date = min(clock.today(), quarter.end)
        form = ProvisionForm(
            self.context,
            parent=self,
            defaults={"staff_id": staff_id, "service_type_id": service_id, "date": day},
        )
        return self._open_form(form)

    def _open_form(self, form: ProvisionForm) -> ProvisionForm:
        form.finished.connect(form.deleteLater)
        self.form = form
        form.open()
        return form

    def _entry_for_many(self) -> None:
        self.entry_requested.emit(
            {"field": self.field.currentData(), "team_id": self.team.currentData()}
        )

    # ----------------------------------------------------------------- output
    def filters_text(self) -> str:
        shown = [combo.currentText() for combo in (self.field, self.team) if combo.currentData()]
        return self.tr("Showing: {filters}").format(filters="、".join(shown)) if shown else ""

    def print_page(self) -> None:
        if self.matrix is not None:
            printing.print_with_preview(
                self, matrix_document(self.matrix, self.filters_text()), landscape=True
            )

    def export_page(self) -> Task | None:
        """The matrix as shown (quarter, field, team) to an Excel workbook."""
        if self.matrix is None:
            return None
        title = self.tr("Coverage {quarter}").format(quarter=quarter_text(self.matrix.quarter))
        path = ask.ask_save_path(
            self,
            self.tr("Export to Excel"),
            self.tr("Excel workbook (*.xlsx)"),
            suggested_path(title),
        )
        if path is None:
            return None
        target: Path = with_suffix(path, ".xlsx")
        matrix = self.matrix
        task = self.context.tasks.start(
            self,
            self.tr("Writing {file}…").format(file=target.name),
            lambda _session, _progress: write_coverage_workbook(target, matrix),
        )
        task.finished.connect(
            lambda saved: ask.show_info(self, self.tr("Saved to {path}").format(path=saved))
        )
        task.failed.connect(lambda error: ask.show_error(self, failure_message(error, target)))
        return task
