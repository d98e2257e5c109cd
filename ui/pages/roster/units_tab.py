"""Settings → Units and teams: the sending and receiving units, and the teams.

Two lists one above the other, so each has the page's width for names in full, each
with New / Edit / Delete and Print; a unit or team still used by
staff cannot be deleted (`app/` says by whom). The main window's Ctrl+N, Delete,
Ctrl+E and Ctrl+P act on the list the clerk last worked in.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from app.roster.lists import Teams, Units
from app.roster.units import TEAM, UNIT
from ui.context import LedgerContext
from ui.dialogs.team_form import TeamForm
from ui.dialogs.unit_form import UnitForm
from ui.widgets.record_editing import RecordEditing
from ui.widgets.record_list import RecordList


class UnitsTab(QWidget):
    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        note = QLabel(
            self.tr(
                "Sending units send the staff (派出单位); receiving units host them (受援单位). "
                "A team's leader is chosen among its members in the team's form."
            )
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        self.units = RecordList(context, Units(), title=self.tr("Units"))
        self.unit_editing = RecordEditing(
            self.units, UNIT, lambda record_id: UnitForm(context, record_id, self)
        )
        self.teams = RecordList(context, Teams(), title=self.tr("Teams"))
        self.team_editing = RecordEditing(
            self.teams, TEAM, lambda record_id: TeamForm(context, record_id, self)
        )
        for record_list in (self.units, self.teams):
            record_list.add_print_button(partial(self._print, record_list))
            splitter.addWidget(record_list)
            record_list.view.installEventFilter(self)
        splitter.setStretchFactor(0, 3)  # units outnumber teams
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self._current = self.unit_editing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self._current = self.team_editing if watched is self.teams.view else self.unit_editing
        return super().eventFilter(watched, event)

    # Page actions (main window menus and toolbar).
    def new_record(self) -> None:
        self._current.new_record()

    def delete_selected(self) -> None:
        self._current.delete_selected()

    def export_page(self) -> QObject | None:
        return self._current.list.export(self._title(self._current.list))

    def print_page(self) -> QObject:
        return self._print(self._current.list)

    def _print(self, record_list: RecordList) -> QObject:
        return record_list.print_list(self._title(record_list))

    def _title(self, record_list: RecordList) -> str:
        return self.tr("Teams") if record_list is self.teams else self.tr("Units")
