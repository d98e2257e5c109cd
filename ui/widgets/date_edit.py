"""A date field that may stay empty: typed like Excel, or picked from a calendar.

`QDateEdit` cannot be blank, but a planned end or an actual end often is. This is a
line edit (so forms read, fill and watch it like any text field, and `app/` parses
and checks what was typed: 2024-07-01, 2024/7/1, 20240701 …) with a calendar button.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QMenu, QWidget, QWidgetAction

from app.records.validation import InvalidValue, parse_date
from ui.icons import icon


class DateEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.setMaximumWidth(200)
        self.calendar_action = self.addAction(
            icon("calendar"), QLineEdit.ActionPosition.TrailingPosition
        )
        self.calendar_action.setToolTip(self.tr("Pick a date"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.popup: QMenu | None = None

    def date(self) -> date | None:
        """The typed date, or None when blank or not (yet) a date."""
        try:
            return parse_date(self.text())
        except InvalidValue:
            return None

    def show_calendar(self) -> QCalendarWidget:
        """The calendar under the field, on the typed date (today when blank)."""
        self.popup = QMenu(self)
        calendar = QCalendarWidget()
        calendar.setGridVisible(True)
        current = self.date()
        if current is not None:
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        calendar.clicked.connect(self.pick)
        holder = QWidgetAction(self.popup)
        holder.setDefaultWidget(calendar)
        self.popup.addAction(holder)
        self.popup.popup(self.mapToGlobal(QPoint(0, self.height())))
        return calendar

    def pick(self, day: QDate) -> None:
        """A clicked day counts as the clerk's edit, like typing it."""
        text = day.toString("yyyy-MM-dd")
        self.setText(text)
        self.textEdited.emit(text)
        if self.popup is not None:
            self.popup.close()
