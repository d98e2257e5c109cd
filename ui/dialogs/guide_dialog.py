"""Help → 使用说明 (F1): a short guide a new clerk can keep open beside the window.

The office's day in six sections: first run, the roster, services, outcomes, the
quarterly printout in five steps, and backups. It is a window of its own, not a modal
dialog, so the clerk follows the steps in the main window while reading. The texts are
translated strings like every other (no separate help files to keep in step).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

translate = QCoreApplication.translate


def guide_sections() -> list[tuple[str, list[str]]]:
    """(heading, steps) in the order a new office goes through them."""

    return [
        (
            translate("Guide", "First run"),
            [
                translate(
                    "Guide",
                    "Settings → General: enter the office's name, your name as the clerk "
                    "and the names that sign the summary; click Save.",
                ),
                translate(
                    "Guide",
                    "Settings → Units and teams: add the sending units, the receiving units "
                    "and the assistance teams.",
                ),
                translate(
                    "Guide",
                    "To look around first, open File → Open the demo database: its records "
                    "come from the news reports and never mix with yours.",
                ),
            ],
        ),
        (
            translate("Guide", "Entering the staff"),
            [
                translate(
                    "Guide",
                    "Staff → New (Ctrl+N) opens the form; fields marked ＊ are required, and "
                    "a message under a field says what to correct.",
                ),
                translate(
                    "Guide",
                    "A roster kept in Excel comes in with Import from Excel…: check the "
                    "preview, then import; a bad row is named and nothing is half-written.",
                ),
                translate(
                    "Guide",
                    "The status follows the dates. When a planned end has passed, select "
                    "the person and click Confirm departure.",
                ),
            ],
        ),
        (
            translate("Guide", "Recording services"),
            [
                translate(
                    "Guide",
                    "Services → Service records: add what was provided (date, service, "
                    "who received it); Batch entry… records one service for many people.",
                ),
                translate(
                    "Guide",
                    "Services → Coverage matrix shows, quarter by quarter, who has received "
                    "each of the ten services and who is still owed one.",
                ),
            ],
        ),
        (
            translate("Guide", "Recording outcomes"),
            [
                translate(
                    "Guide",
                    "Outcomes → Batch entry: choose the month or quarter and type or paste "
                    "the figures (surgeries, patient visits, trainings…) straight from Excel.",
                ),
                translate(
                    "Guide",
                    "Outcomes → Outcome records lists every figure; add highlights there. "
                    "Mentorships between staff and local colleagues have their own tab.",
                ),
            ],
        ),
        (
            translate("Guide", "The quarterly printout in five steps"),
            [
                translate("Guide", "Open Quarterly summary and choose the quarter."),
                translate(
                    "Guide",
                    "Read the figures; a figure that looks wrong is corrected in its record.",
                ),
                translate(
                    "Guide", "Print… shows the pages first; print them on A4, or Save as PDF…."
                ),
                translate(
                    "Guide",
                    "Export to Excel… gives the same summary as a workbook with its charts.",
                ),
                translate(
                    "Guide",
                    "After the summary is handed in, Close quarter… keeps its figures from "
                    "changing; an administrator can reopen it with a reason.",
                ),
            ],
        ),
        (
            translate("Guide", "Backups"),
            [
                translate(
                    "Guide",
                    "The ledger backs itself up before the first change, every few minutes "
                    "while you work and when you close the program, into the backups folder "
                    "beside the database file.",
                ),
                translate(
                    "Guide",
                    "Settings → General → Backups: Back up now, choose a second folder such "
                    "as a USB stick, or Restore from backup….",
                ),
                translate(
                    "Guide",
                    "Deleted records go to the recycle bin (Settings → Recycle bin) and can "
                    "be restored; every change is kept in the audit log.",
                ),
            ],
        ),
    ]


def guide_html() -> str:
    parts = []
    for heading, steps in guide_sections():
        items = "".join(f"<li>{escape(step)}</li>" for step in steps)
        parts.append(f"<h3>{escape(heading)}</h3><ol>{items}</ol>")
    return "".join(parts)


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.resize(560, 640)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setHtml(guide_html())
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
