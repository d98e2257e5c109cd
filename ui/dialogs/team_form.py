"""The form of one team (帮扶团队), with its leader chosen among its members."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from app.db.vocabulary import Field, UnitKind
from app.records.work import Done
from app.roster.lists import team_leader, team_members, unit_choices
from app.roster.units import TEAM, save_team
from ui.context import LedgerContext
from ui.dialogs.record_form import RecordForm
from ui.dialogs.unit_form import UnitForm
from ui.widgets.editors import vocabulary_combo
from ui.widgets.reference_combo import ReferenceCombo
from ui.write_runner import Command


class TeamForm(RecordForm):
    def __init__(
        self, context: LedgerContext, record_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, TEAM, record_id, parent=parent)
        self.setWindowTitle(self.tr("New team") if record_id is None else self.tr("Edit team"))
        self.add_field("name", QLineEdit())
        self.add_field("field", vocabulary_combo(Field))
        self.add_field("batch", QLineEdit(), hint=self.tr("e.g. 2022年第一批"))
        self.add_field(
            "receiving_unit_id",
            ReferenceCombo(
                partial(context.read, unit_choices, UnitKind.RECEIVING),
                add_form=lambda parent: UnitForm(context, parent=parent, kind=UnitKind.RECEIVING),
            ),
        )
        # The leader is not a column of the team but a mark on one member (one per team).
        self.leader = QComboBox()
        self.leader.addItem(self.tr("(none)"), None)
        if record_id is not None:
            for staff_id, name in context.read(team_members, record_id):
                self.leader.addItem(name, staff_id)
            self.leader.setCurrentIndex(
                max(self.leader.findData(context.read(team_leader, record_id)), 0)
            )
        else:
            self.leader.setEnabled(False)
            self.leader.setToolTip(self.tr("Add the team's members first, then choose a leader."))
        self._initial_leader = self.leader.currentData()
        self.form.addRow(QLabel(self.tr("Team leader")), self.leader)
        self.finish()

    def is_dirty(self) -> bool:
        return super().is_dirty() or self.leader.currentData() != self._initial_leader

    def command(self) -> Command:
        return partial(
            save_team,
            team_id=self.record_id,
            values=self.values(),
            leader_id=self.leader.currentData(),
        )

    def saved_id(self, done: Done[Any]) -> int:
        return int(done.value)
