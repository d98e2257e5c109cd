"""季度汇总 Reports (DESIGN.md §6, screen 5): choose a quarter, preview, print, save, close.

The summary and its charts are computed off the GUI thread (charts take a while),
only while the page is shown, and again when the quarter or the data change. Print,
PDF and Excel all take the summary on screen, so the three show the same numbers as
the preview; the preview is the very text document the printer gets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QIODevice, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QImage, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.errors import LedgerError
from app.periods import Quarter
from app.records import closing
from app.records.permissions import Permission
from app.records.work import Changes
from app.reports.document import CSS_DPI
from app.reports.prepared import PreparedSummary, prepare_summary
from app.reports.quarters import default_report_quarter, report_quarters
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.exporting import documents_folder, failure_message, with_suffix, write_in_background
from ui.tasks import LatestResult
from ui.widgets.font_notice import FontNotice
from ui.widgets.quarter_combo import QuarterCombo, quarter_text
from ui.write_runner import Command

if TYPE_CHECKING:
    from app.reports.document import PrintableDocument

SETTINGS_KEY = "reports/quarter"
# Changes that leave the summary's figures as they are (closing only changes the status).
STATUS_ONLY = frozenset({"quarter_close"})


class ReportsPage(QWidget):
    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.prepared: PreparedSummary | None = None
        self._stale = True
        self._then: Callable[[PreparedSummary], None] | None = None
        self._latest = LatestResult(context.tasks, self)
        self._latest.ready.connect(self._show_prepared)
        self._latest.failed.connect(self._show_failure)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        header = QHBoxLayout()
        title = QLabel(self.tr("Quarterly summary"))
        title.setObjectName("pageTitle")
        header.addWidget(title)
        header.addSpacing(24)
        self.quarter_combo = QuarterCombo()
        chooser_label = QLabel(self.tr("&Quarter:"))
        chooser_label.setBuddy(self.quarter_combo)
        header.addWidget(chooser_label)
        header.addWidget(self.quarter_combo)
        header.addSpacing(12)
        self.state_label = QLabel()
        self.state_label.setObjectName("hint")
        header.addWidget(self.state_label)
        header.addStretch(1)
        layout.addLayout(header)

        self.status_label = QLabel()
        self.status_label.setObjectName("quarterStatus")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        buttons = QHBoxLayout()
        self.print_button = self._button(buttons, self.tr("&Print…"), self.print_page)
        self.print_button.setToolTip(self.tr("Print on A4 after a preview of the pages (Ctrl+P)"))
        self.pdf_button = self._button(buttons, self.tr("Save as P&DF…"), self.save_pdf)
        self.excel_button = self._button(buttons, self.tr("Export to &Excel…"), self.export_page)
        self.excel_button.setToolTip(
            self.tr("A workbook with a sheet per section and the charts (Ctrl+E)")
        )
        buttons.addStretch(1)
        self.close_button = self._button(buttons, self.tr("&Close quarter…"), self.close_quarter)
        self.close_button.setToolTip(
            self.tr(
                "Once the summary is handed in: records dated in the quarter can no longer change"
            )
        )
        self.reopen_button = self._button(buttons, self.tr("&Reopen quarter…"), self.reopen_quarter)
        layout.addLayout(buttons)

        self.font_label = FontNotice()
        layout.addWidget(self.font_label)

        self.body = QStackedWidget()
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setObjectName("hint")
        self.preview = QTextBrowser()
        self.preview.setObjectName("summaryPreview")
        self.preview.setOpenLinks(False)
        self.body.addWidget(self.message)
        self.body.addWidget(self.preview)
        layout.addWidget(self.body, 1)

        self._fill_quarters()
        self.quarter_combo.quarter_changed.connect(self._quarter_chosen)
        context.bus.changed.connect(self._on_changed)
        self._show_status()
        self._enable_outputs()

    def _button(self, row: QHBoxLayout, text: str, handler: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: handler())
        row.addWidget(button)
        return button

    # ----------------------------------------------------------------- quarter
    def quarter(self) -> Quarter:
        chosen = self.quarter_combo.quarter()
        assert chosen is not None  # the list always holds at least the current quarter
        return chosen

    def choose(self, quarter: Quarter) -> None:
        self.quarter_combo.choose(quarter)

    def _fill_quarters(self) -> None:
        """Offer the quarters from the first record to today's; keep the choice if offered."""
        today = clock.today()
        quarters = self.context.read(report_quarters, today)
        current = self.quarter_combo.quarter()
        remembered = QSettings().value(SETTINGS_KEY, "")
        wanted = current or next((q for q in quarters if str(q) == remembered), None)
        self.quarter_combo.set_quarters(
            quarters, wanted if wanted in quarters else default_report_quarter(quarters, today)
        )

    def _quarter_chosen(self, quarter: Quarter | None) -> None:
        if quarter is None:
            return
        QSettings().setValue(SETTINGS_KEY, str(quarter))
        self._show_status()
        self._stale = True
        if self.isVisible():
            self.refresh()

    # ----------------------------------------------------------------- computing
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._fill_quarters()
            self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        self._show_status()
        if changes.entities - STATUS_ONLY:
            self._stale = True
            if self.isVisible():
                self._fill_quarters()
                self.refresh()

    def refresh(self) -> None:
        """Compute the chosen quarter's summary in the background; show "computing" meanwhile."""
        self._stale = False
        quarter = self.quarter()
        if self.prepared is None or self.prepared.quarter != quarter:
            self.message.setText(
                self.tr("Computing the summary of {quarter}…").format(quarter=quarter_text(quarter))
            )
            self.body.setCurrentWidget(self.message)
        self.state_label.setText(self.tr("Computing…"))
        self._latest.request(
            lambda session, progress: prepare_summary(
                session, quarter, printable=True, progress=progress
            )
        )
        self._enable_outputs()

    def is_ready(self) -> bool:
        """The preview shows the chosen quarter's current figures."""
        return (
            self.prepared is not None
            and self.prepared.quarter == self.quarter_combo.quarter()
            and not self._stale
            and not self._latest.is_busy()
        )

    def _show_prepared(self, prepared: PreparedSummary) -> None:
        self.prepared = prepared
        from ui.printing import text_document

        assert prepared.document is not None
        shown = text_document(self._on_screen(prepared.document, prepared))
        old = self.preview.document()
        was_ours = old.parent() is self.preview  # not the browser's first, which Qt deletes
        shown.setParent(self.preview)
        self.preview.setDocument(shown)
        if was_ours:
            old.deleteLater()
        self.body.setCurrentWidget(self.preview)
        self.state_label.clear()
        self.font_label.show_message(prepared.font_message)
        self._enable_outputs()
        then, self._then = self._then, None
        if then is not None and self.is_ready():
            then(prepared)

    def _on_screen(self, document: PrintableDocument, prepared: PreparedSummary) -> Any:
        """The document with its charts at the screen's resolution, not the printer's:
        the same layout (the HTML gives their size), a quarter of the memory (≈ 10 MB
        less for the preview; each chart decoded and scaled in turn)."""
        ratio = self.preview.devicePixelRatioF()
        images = dict(document.images)
        for chart in prepared.charts:
            image = QImage.fromData(chart.png)
            width = round(chart.width * CSS_DPI * ratio)
            if width < image.width():
                scaled = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
                buffer = QBuffer()
                buffer.open(QIODevice.OpenModeFlag.WriteOnly)
                scaled.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes; PySide takes str
                images[chart.name] = bytes(buffer.data().data())
        return replace(document, images=images)

    def _show_failure(self, error: BaseException) -> None:
        self.prepared = None
        self._then = None
        self.state_label.clear()
        self.message.setText(
            self.tr("The summary could not be computed: {reason}").format(reason=error)
        )
        self.body.setCurrentWidget(self.message)
        self._enable_outputs()

    def _with_prepared(self, action: Callable[[PreparedSummary], None]) -> None:
        """Run `action` on the current summary, once it is computed if it is not yet."""
        if self.is_ready():
            assert self.prepared is not None
            action(self.prepared)
            return
        self._then = action
        if not self._latest.is_busy():
            self.refresh()

    def _enable_outputs(self) -> None:
        ready = self.is_ready()
        for button in (self.print_button, self.pdf_button, self.excel_button):
            button.setEnabled(ready)

    # ----------------------------------------------------------------- closing
    def _show_status(self) -> None:
        quarter = self.quarter_combo.quarter()
        if quarter is None:
            return
        state = self.context.read(closing.closing_state, quarter)
        name = quarter_text(quarter)
        if state is None:
            text = self.tr("{quarter} is open: records dated in it can still change.").format(
                quarter=name
            )
        elif state.is_closed:
            text = self.tr(
                "{quarter} was closed on {when} by {who}: records dated in it cannot change "
                "until it is reopened."
            ).format(quarter=name, when=_moment(state.closed_at), who=state.closed_by or "—")
        else:
            assert state.reopened_at is not None
            text = self.tr("{quarter} is open: reopened on {when} by {who} ({reason}).").format(
                quarter=name,
                when=_moment(state.reopened_at),
                who=state.reopened_by or "—",
                reason=state.reopen_reason,
            )
        closed = state is not None and state.is_closed
        self.status_label.setText(text)
        self.status_label.setProperty("closed", closed)
        self.status_label.style().polish(self.status_label)
        allowed = self.context.can(Permission.CLOSE)  # an administrator's
        self.close_button.setEnabled(allowed and not closed)
        self.reopen_button.setEnabled(allowed and closed)

    def close_quarter(self) -> None:
        quarter = self.quarter()
        name = quarter_text(quarter)
        question = self.tr(
            "Close {quarter}? Records dated in it can then no longer be created, changed "
            "or deleted, so the printed summary and the ledger stay the same. It can be "
            "reopened later, with a reason."
        ).format(quarter=name)
        earlier = [
            each
            for each in self.context.read(closing.quarters_to_close, quarter)
            if each != quarter
        ]
        if earlier:
            question += "\n\n" + self.tr(
                "The quarters before it are closed with it, so that no year-to-date or "
                "cumulative figure of the printout can change: {quarters}."
            ).format(quarters=self.tr(", ").join(quarter_text(each) for each in earlier))
        if quarter.end >= clock.today():
            question += "\n\n" + self.tr(
                "{quarter} has not ended yet: records of its remaining days will be refused too."
            ).format(quarter=name)
        if ask.confirm(self, self.tr("Close quarter"), question):
            self._write(partial(closing.close_quarter, quarter=quarter))

    def reopen_quarter(self) -> None:
        quarter = self.quarter()
        question = self.tr("Why is {quarter} reopened? The reason is kept in the audit log.")
        question = question.format(quarter=quarter_text(quarter))
        later = [
            each
            for each in self.context.read(closing.quarters_to_reopen, quarter)
            if each != quarter
        ]
        if later:
            question += "\n" + self.tr(
                "The later closed quarters are reopened with it: {quarters}."
            ).format(quarters=self.tr(", ").join(quarter_text(each) for each in later))
        reason = ask.ask_text(self, self.tr("Reopen quarter"), question)
        if reason is None:
            return
        self._write(partial(closing.reopen_quarter, quarter=quarter, reason=reason))

    def _write(self, command: Command) -> None:
        op = self.context.write(command, parent=self)
        op.failed.connect(lambda error: ask.show_error(self, str(error)))

    # ----------------------------------------------------------------- outputs
    def print_page(self) -> None:
        """Ctrl+P: the print preview of the A4 pages, then the printer."""
        from ui.printing import print_with_preview

        self._with_prepared(lambda prepared: print_with_preview(self, _document(prepared)))

    def save_pdf(self) -> None:
        path = self._ask_path(self.tr("Save as PDF"), self.tr("PDF document (*.pdf)"), ".pdf")
        if path is not None:
            self._with_prepared(lambda prepared: self._write_pdf(prepared, path))

    def export_page(self) -> None:
        """Ctrl+E: the summary as an Excel workbook, written in the background."""
        path = self._ask_path(
            self.tr("Export to Excel"), self.tr("Excel workbook (*.xlsx)"), ".xlsx"
        )
        if path is not None:
            self._with_prepared(lambda prepared: self._write_workbook(prepared, path))

    def _ask_path(self, title: str, filters: str, suffix: str) -> Path | None:
        name = self.tr("Quarterly summary {quarter}").format(quarter=self.quarter())
        path = ask.ask_save_path(self, title, filters, documents_folder() / f"{name}{suffix}")
        return with_suffix(path, suffix) if path is not None else None

    def _write_pdf(self, prepared: PreparedSummary, path: Path) -> None:
        """Painted here: Qt's text engine and printers belong to the GUI thread."""
        from ui.printing import render_pdf

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            saved = render_pdf(_document(prepared), path)
        except (OSError, LedgerError) as error:
            ask.show_error(self, failure_message(error, path))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        ask.show_info(self, self.tr("Saved to {path}").format(path=saved))

    def _write_workbook(self, prepared: PreparedSummary, path: Path) -> None:
        def work(_session: Session, _progress: Callable[[int, int], None]) -> Path:
            from app.reports.workbook import write_summary_workbook

            return write_summary_workbook(path, prepared.summary, prepared.charts)

        write_in_background(self, self.context, path, work)


def _document(prepared: PreparedSummary) -> PrintableDocument:
    assert prepared.document is not None  # the page prepares printable summaries
    return prepared.document


def _moment(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M")
