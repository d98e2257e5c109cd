"""总览's reminders: what to act on today, counted per kind, each opening where it is handled.

`app.services.reminders` decides them, always as of today (whatever quarter any page
shows); they are computed in the background and again after every change of the data,
so an entry for many lowers the counts at once. A service reminder opens the provision
form prefilled with the person and the service; an assignment reminder opens the
person's staff form (confirming the departure belongs there).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.records.work import Changes
from app.services.reminders import Reminder, ReminderKind, reminder_counts, reminders
from ui.context import LedgerContext
from ui.dialogs.staff_form import StaffForm
from ui.host import PageHost
from ui.tasks import LatestResult

# Changes that cannot move a reminder.
UNRELATED = frozenset({"setting", "unit", "metric", "metric_target", "outcome_entry"})
SYMBOLS = {
    ReminderKind.OVERDUE: "✗",
    ReminderKind.DUE: "○",
    ReminderKind.ENDING: "◷",
    ReminderKind.END_PASSED: "!",
}


class RemindersPanel(QFrame):
    def __init__(self, context: LedgerContext, host: PageHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("remindersPanel")
        self.context, self.host = context, host
        self.items: list[Reminder] = []
        self.counts: dict[ReminderKind, int] = dict.fromkeys(ReminderKind, 0)
        self.form: StaffForm | None = None
        self._stale = True
        self._latest = LatestResult(context.tasks, self)
        self._latest.ready.connect(self._show)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.title = QLabel(self.tr("Reminders"))
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("hint")
        self.state.setWordWrap(True)
        self._latest.failed.connect(
            lambda error: self.state.setText(
                self.tr("The reminders could not be computed: {reason}").format(reason=error)
            )
        )
        self.summary = QLabel()
        self.summary.setObjectName("reminderCounts")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("reminderList")
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.itemActivated.connect(self._open)
        self.list.itemDoubleClicked.connect(self._open)
        hint = QLabel(self.tr("Double-click an item to handle it."))
        hint.setObjectName("hint")
        for widget in (self.title, self.state, self.summary):
            layout.addWidget(widget)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        self._bold = QFont()
        self._bold.setBold(True)

    # ----------------------------------------------------------------- computing
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def data_changed(self, changes: Changes) -> None:
        if changes.entities - UNRELATED:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        self._stale = False
        today = clock.today()
        self.title.setText(self.tr("Reminders for today, {day}").format(day=today.isoformat()))
        self.state.setText(self.tr("Computing…"))
        self._latest.request(lambda session, _progress: reminders(session, today))

    def is_ready(self) -> bool:
        return not self._stale and not self._latest.is_busy()

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def _show(self, found: list[Reminder]) -> None:
        self.items = found
        self.counts = reminder_counts(found)
        self.state.clear()
        self.summary.setText(
            "\n".join(
                f"{SYMBOLS[kind]} "
                + self.tr("{kind}: {count}").format(kind=self.kind_title(kind), count=count)
                for kind, count in self.counts.items()
            )
        )
        self.list.clear()
        for kind in ReminderKind:
            group = [item for item in found if item.kind == kind]
            if not group:
                continue
            header = QListWidgetItem(
                self.tr("{kind} ({count})").format(kind=self.kind_title(kind), count=len(group))
            )
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not chosen, not greyed
            header.setFont(self._bold)
            self.list.addItem(header)
            for reminder in group:
                line = QListWidgetItem(f"{SYMBOLS[kind]} {self.describe(reminder)}")
                line.setData(Qt.ItemDataRole.UserRole, reminder)
                line.setToolTip(line.text())
                self.list.addItem(line)
        if not found:
            self.list.addItem(QListWidgetItem(self.tr("Nothing to do today.")))

    def kind_title(self, kind: ReminderKind) -> str:
        return {
            ReminderKind.OVERDUE: self.tr("Overdue"),
            ReminderKind.DUE: self.tr("Due within 30 days"),
            ReminderKind.ENDING: self.tr("Assignments ending within 60 days"),
            ReminderKind.END_PASSED: self.tr("Planned end passed, departure not confirmed"),
        }[kind]

    def describe(self, item: Reminder) -> str:
        day = item.day.isoformat()
        if item.kind == ReminderKind.OVERDUE:
            return self.tr("{name}: {service}, due by {day}").format(
                name=item.name, service=item.service, day=day
            )
        if item.kind == ReminderKind.DUE:
            return self.tr("{name}: {service}, by {day}").format(
                name=item.name, service=item.service, day=day
            )
        if item.kind == ReminderKind.ENDING:
            return self.tr("{name}: last day {day}").format(name=item.name, day=day)
        return self.tr("{name}: planned end {day}").format(name=item.name, day=day)

    # ----------------------------------------------------------------- acting
    def _open(self, line: QListWidgetItem) -> None:
        reminder = line.data(Qt.ItemDataRole.UserRole)
        if isinstance(reminder, Reminder):
            self.handle(reminder)

    def handle(self, reminder: Reminder) -> QWidget | None:
        """Open the place where `reminder` is handled; the form (or None)."""
        if reminder.service_id is not None:
            page = self.host.go_to("services")
            record = getattr(page, "record", None)
            return record(reminder.staff_id, reminder.service_id) if callable(record) else None
        form = StaffForm(self.context, reminder.staff_id, self)
        form.finished.connect(form.deleteLater)
        self.form = form
        form.open()
        return form
