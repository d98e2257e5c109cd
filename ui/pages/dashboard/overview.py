"""总览's overview of the current quarter: key figures and the three charts.

The figures and the charts' matplotlib figures are computed off the GUI thread, only
while the overview is shown, and again after any change of the data; the canvases that
draw them are made here, on the GUI thread, once the work is done. The quarter's
figures come first (one summary: the cards and the leading outcomes paint at once),
the charts after them (the 8-quarter trend, matplotlib and three figures), so the
clerk reads the numbers while the charts are drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.periods import Quarter
from app.records.work import Changes
from app.reports.figures import QuarterlySummary
from app.reports.overview import leading_outcomes, lowest_coverage
from app.reports.prepared import PreparedSummary, prepare_summary
from app.reports.quarters import latest_quarter_with_data, report_quarters
from app.reports.summary import summaries
from ui.context import LedgerContext
from ui.table_models import cell_text
from ui.tasks import LatestResult
from ui.widgets.font_notice import FontNotice
from ui.widgets.quarter_combo import QuarterCombo, quarter_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Changes that leave the overview's figures as they are.
UNRELATED = frozenset({"setting", "quarter_close"})
CHART_HEIGHT = 320
TREND_HEIGHT = 560
OUTCOMES_HEIGHT = 240
CHART_ORDER = ("staff", "services", "outcomes")  # the slots: by field, coverage, trend


class FigureCard(QFrame):
    """One key figure: what it is, the number, and a line that explains it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        caption = QLabel(title)
        caption.setObjectName("cardTitle")
        self.value = QLabel("—")
        self.value.setObjectName("cardValue")
        self.detail = QLabel()
        self.detail.setObjectName("hint")
        self.detail.setWordWrap(True)
        for label in (caption, self.value, self.detail):
            layout.addWidget(label)
        layout.addStretch(1)

    def show_figure(self, value: str, detail: str) -> None:
        self.value.setText(value)
        self.detail.setText(detail)


class ChartSlot(QFrame):
    """A frame that holds one chart; a new figure replaces the canvas of the old one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartSlot")
        self.setMinimumHeight(CHART_HEIGHT)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.canvas: QWidget | None = None

    def show_figure(self, figure: Figure) -> None:
        """Draw `figure` here; the canvas is made on the GUI thread, as Qt requires."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        if self.canvas is not None:
            self._layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = FigureCanvasQTAgg(figure)
        self.canvas.setObjectName("chartCanvas")
        self._layout.addWidget(self.canvas)
        self.canvas.show()  # now, not at the layout's queued show: ready means on screen


def _with_canvas_module(prepared: PreparedSummary) -> PreparedSummary:
    """On the worker, after the figures: the Qt canvas module is imported there too, so
    the GUI thread only makes the canvases."""
    import matplotlib.backends.backend_qtagg  # noqa: F401

    return prepared


class QuarterOverview(QWidget):
    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewPanel")
        self.context = context
        self.summary: QuarterlySummary | None = None  # the figures shown (first step)
        self.prepared: PreparedSummary | None = None  # the charts shown (second step)
        self._stale = True
        self._latest = LatestResult(context.tasks, self)  # the quarter's figures
        self._latest.ready.connect(self._show_summary)
        self._latest.failed.connect(self._show_failure)
        self._charts = LatestResult(context.tasks, self)  # then the trend and the charts
        self._charts.ready.connect(self._show_prepared)
        self._charts.failed.connect(self._show_failure)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.state_label = QLabel()
        self.state_label.setObjectName("hint")
        self.quarter_combo = QuarterCombo()
        self.quarter_combo.setToolTip(self.tr("The quarter the overview shows"))
        self.quarter_combo.quarter_changed.connect(self._quarter_chosen)
        self.quarter: Quarter | None = None  # the clerk's choice; None: the latest with data
        self._asked: Quarter | None = None  # the quarter being shown
        header.addWidget(self.title)
        header.addSpacing(16)
        header.addWidget(QLabel(self.tr("Quarter:")))
        header.addWidget(self.quarter_combo)
        header.addSpacing(16)
        header.addWidget(self.state_label)
        header.addStretch(1)
        layout.addLayout(header)
        self.font_label = FontNotice()
        layout.addWidget(self.font_label)

        cards = QHBoxLayout()
        cards.setSpacing(12)
        self.on_duty_card = FigureCard(self.tr("On duty at quarter end"))
        self.moves_card = FigureCard(self.tr("Arrived / departed"))
        self.coverage_card = FigureCard(self.tr("Lowest service coverage"))
        self.highlights_card = FigureCard(self.tr("Highlights"))
        for card in (self.on_duty_card, self.moves_card, self.coverage_card, self.highlights_card):
            cards.addWidget(card, 1)
        layout.addLayout(cards)

        # The leading outcomes beside today's reminders (`add_side_panel`), the staff and
        # coverage charts side by side, then the trend across the width: its four field
        # panels and eight quarter labels need it. The page scrolls rather than squeeze.
        grid = QGridLayout()
        self._grid = grid
        grid.setSpacing(12)
        self.outcomes = QTableWidget(0, 4)
        self.outcomes.setObjectName("leadingOutcomes")
        self.outcomes.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Metric"), self.tr("This quarter"), self.tr("Cumulative")]
        )
        self.outcomes.verticalHeader().hide()
        self.outcomes.verticalHeader().setDefaultSectionSize(24)
        self.outcomes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outcomes.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.outcomes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.outcomes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        columns = self.outcomes.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.outcomes.setMinimumHeight(OUTCOMES_HEIGHT)
        self.chart_slots = [ChartSlot() for _ in range(3)]
        staff_slot, coverage_slot, trend_slot = self.chart_slots
        staff_slot.setMinimumHeight(CHART_HEIGHT)
        coverage_slot.setMinimumHeight(CHART_HEIGHT)
        trend_slot.setMinimumHeight(TREND_HEIGHT)
        grid.addWidget(self.outcomes, 0, 0)
        grid.addWidget(staff_slot, 1, 0)
        grid.addWidget(coverage_slot, 1, 1)
        grid.addWidget(trend_slot, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid, 1)

    def add_side_panel(self, panel: QWidget) -> None:
        """Put `panel` (the reminders) beside the leading outcomes, not beside the whole
        overview, so it never narrows the charts."""
        panel.setMinimumHeight(OUTCOMES_HEIGHT)
        self._grid.addWidget(panel, 0, 1)

    # ----------------------------------------------------------------- computing
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def data_changed(self, changes: Changes) -> None:
        """Called by the dashboard once it has chosen between welcome and overview."""
        if changes.entities - UNRELATED:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        """Compute the chosen quarter's figures and charts in the background (at first
        the latest quarter with data, so the demo never opens on zeros)."""
        self._stale = False
        today = clock.today()
        quarters = self.context.read(report_quarters, today)
        quarter = self.quarter or self.context.read(latest_quarter_with_data, today)
        if quarter not in quarters:
            quarters = sorted({*quarters, quarter})
        self.quarter_combo.blockSignals(True)
        self.quarter_combo.set_quarters(quarters, quarter)
        self.quarter_combo.blockSignals(False)
        self.title.setText(self.tr("{quarter} at a glance").format(quarter=quarter_text(quarter)))
        self.state_label.setText(self.tr("Computing…"))
        self._asked = quarter
        self._latest.request(
            lambda session, progress: summaries(session, [quarter], progress=progress)[0]
        )

    def _quarter_chosen(self, quarter: Quarter | None) -> None:
        if quarter is not None and quarter != self.quarter:
            self.quarter = quarter
            self.refresh()

    def figures_ready(self) -> bool:
        """The quarter's figures are on screen (the charts may still be drawn)."""
        return (
            self.summary is not None
            and self.summary.quarter == self._asked
            and not self._stale
            and not self._latest.is_busy()
        )

    def is_ready(self) -> bool:
        """Figures and charts are on screen, nothing left to compute."""
        return (
            self.figures_ready()
            and self.prepared is not None
            and self.prepared.quarter == self._asked
            and not self._charts.is_busy()
        )

    def _show_failure(self, error: BaseException) -> None:
        self.state_label.setText(
            self.tr("The overview could not be computed: {reason}").format(reason=error)
        )

    def _show_summary(self, summary: QuarterlySummary) -> None:
        self.summary = summary
        self._show_figures(summary)
        self._show_outcomes(summary)
        self.state_label.setText(self.tr("Drawing the charts…"))
        quarter = summary.quarter
        self._charts.request(
            lambda session, progress: _with_canvas_module(
                prepare_summary(session, quarter, printable=False, progress=progress)
            )
        )

    def _show_prepared(self, prepared: PreparedSummary) -> None:
        if prepared.quarter != self._asked:  # another quarter was chosen meanwhile
            return
        self.prepared = prepared
        self.state_label.clear()
        self.font_label.show_message(prepared.font_message)
        self._show_charts(prepared.figures)

    def _show_figures(self, summary: QuarterlySummary) -> None:
        staff = summary.staff
        self.on_duty_card.show_figure(
            str(staff.on_duty_total),
            self.tr(" · ").join(
                f"{field.label()} {count}" for field, count in staff.on_duty_by_field.items()
            ),
        )
        self.moves_card.show_figure(
            f"{staff.arrived} / {staff.departed}",
            self.tr("{arrived} arrived and {departed} departed this quarter").format(
                arrived=staff.arrived, departed=staff.departed
            ),
        )
        weakest = lowest_coverage(summary)
        if weakest is None or weakest.coverage is None:
            self.coverage_card.show_figure("—", self.tr("No service with a coverage this quarter"))
        else:
            self.coverage_card.show_figure(
                f"{weakest.coverage:.0%}",
                self.tr("{service}: {covered} of {eligible} staff").format(
                    service=weakest.service, covered=weakest.covered, eligible=weakest.eligible
                ),
            )
        mentorships = summary.mentorships
        self.highlights_card.show_figure(
            str(len(summary.highlights)),
            self.tr("Mentorships: {active} active, {new} new").format(
                active=mentorships.active, new=mentorships.new
            ),
        )

    def _show_outcomes(self, summary: QuarterlySummary) -> None:
        lines = leading_outcomes(summary)
        self.outcomes.setRowCount(len(lines))
        for row, line in enumerate(lines):
            cells = [
                line.field.label(),
                f"{line.metric}（{line.unit}）" if line.unit else line.metric,
                cell_text(line.quarter) or "0",
                cell_text(line.cumulative) or "0",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.outcomes.setItem(row, column, item)

    def _show_charts(self, figures: dict[str, Figure]) -> None:
        for slot, key in zip(self.chart_slots, CHART_ORDER, strict=True):
            slot.show_figure(figures[key])

    def canvases(self) -> list[QWidget]:
        """The chart canvases on show (tests and screenshots look at them)."""
        return [slot.canvas for slot in self.chart_slots if slot.canvas is not None]
